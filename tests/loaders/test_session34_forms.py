"""Forms of session 34, each in made-up agreements of three municipalities (Faxe, Billund,
Vesthimmerland), none of them from a real document:

* a table of contact persons laid out with spaces whose line breaks were lost, under a head row
  with a joint column ("Mail / tlf.", "Mail, tlf."), a title opening with an adjective ("Kommunal
  ankerperson") and an organisation's cell wrapped onto a second line, which the lost line break
  puts after the row's e-mail and phone;
* a table of activities laid out with spaces, its name first and its target group second ("Aktivitet
  Målgruppe Ansvarlig / partnere"), whose line breaks were lost: the rows are told at their target
  cells, a target cell's wrapped rest ("kvinder") not taken into the next row's name.
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, domain as _domain, extract_rendered as _extract, wanted_contacts  # noqa: E402

TOWNS = [("Faxe", "Haslev", "Haslevbo", "Boligselskabet Faxe Ådal"),
         ("Billund", "Grindsted", "Grindstedhuse", "Boligforeningen Vestjyske Hjem"),
         ("Vesthimmerland", "Aars", "Aarsbo", "Boligselskabet Himmerbo")]


def _contact_table(town, seat, short, housing, head):
    mail = _domain(town)
    return [f"Strategisk samarbejdsaftale 2025-2028 for {seat} Midt", "",
            f"Aftalens parter er {town} Kommune og {housing}.", "",
            "5. Organisering",
            f"Den kommunale ankerperson er forankret i Center for Børn og Familie i {town} Kommune.", "",
            "Kontaktpersoner",
            f"Navn                    Funktion               {'Organisation':<34}{head}",
            f"Sidsel Vrå Munkholm     Boligsocial leder      {housing:<34}svm@{_domain(short)} / 46 48 21 07",
            f"Jannik Højbjerg Laust   Kommunal ankerperson   {'Center for Børn og':<34}jahl@{mail} / 23 70 41 86",
            f"                                               Familie, {town} Kommune",
            f"Maiken Strøyer          Virksomhedskonsulent   {'Jobcenter ' + town:<34}mast@{mail}", "",
            "6. Økonomi",
            "Landsbyggefonden støtter helhedsplanen med 12 mio. kr."]


@pytest.mark.parametrize("head", ["Mail / tlf.", "Mail, tlf.", "E-mail/telefon"])
@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_contact_table_whose_line_breaks_were_lost(tmp_path, make_docx, make_pdf, town, seat, short, housing, how,
                                                     head):
    r = _extract(tmp_path, _contact_table(town, seat, short, housing, head), how, make_docx, make_pdf)
    facts = contact_facts(r)
    want = wanted_contacts({"Sidsel Vrå Munkholm": (housing, f"svm@{_domain(short)}", "46482107"),
                            "Maiken Strøyer": (f"Jobcenter {town}", f"mast@{_domain(town)}", None)})
    assert {n: facts.get(n) for n in want} == want, facts
    assert facts.get("Jannik Højbjerg Laust", (None,))[1:] == (f"jahl@{_domain(town)}", "23704186"), facts
    assert facts["Jannik Højbjerg Laust"][0].startswith("center for børn og familie"), facts
    assert {c.name: c.title for c in r.contacts}["Jannik Højbjerg Laust"] == "Kommunal ankerperson"


def _activity_table(town, seat, short, housing):
    return [f"Delaftale for indsatsområdet Sundhed og trivsel – {seat} Midt 2025-2028", "",
            f"Aftalens parter: {town} Kommune og {housing}.", "",
            "Aktivitet                 Målgruppe                  Ansvarlig / partnere",
            f"Motion i Mørket           Voksne beboere, særligt    {short} og DGI {town}",
            "                          kvinder",
            f"Fællesspisning {seat:<10} Alle beboere               Afdelingsbestyrelsen {seat}; frivillige",
            f"Mentalt frikvarter        Psykisk sårbare voksne og  Psykiatrifonden og Ældre Sagen {seat}",
            "                          ensomme ældre", "",
            "MÅL OG SUCCESKRITERIER",
            "Flere beboere er fysisk aktive, og færre er ensomme."]


@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_an_activity_table_with_the_target_group_second(tmp_path, make_docx, make_pdf, town, seat, short, housing,
                                                        how):
    r = _extract(tmp_path, _activity_table(town, seat, short, housing), how, make_docx, make_pdf)
    names = {a.name for a in r.activities}
    assert {"Motion i Mørket", f"Fællesspisning {seat}", "Mentalt frikvarter"} <= names, sorted(names)
    assert not any("kvinder" in n for n in names), sorted(names)
