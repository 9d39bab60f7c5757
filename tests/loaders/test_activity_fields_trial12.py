"""An activity's fields as the Silkeborg trial (session 12) wrote them (made-up delaftaler
in three municipalities; as written, with the line breaks lost, in Word and PDF):

* "Målgruppe(r): Børn og unge 6-17 år" does not make the municipal unit "Børn og Unge"
  (named in the party list) a partner of the activity: a unit named by a common phrase
  needs its capitals;
* the delaftale's contacts under a "Kontaktpersoner" heading after its last activity are
  no contacts or partners of that activity;
* "Zone: Zone 2" in a delaftale of its own file (its plan's zones are defined elsewhere)
  gives the activity that zone.
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "silkeborg": ("Silkeborg", "Silkeborg Bibliotekerne", "Fællesbo", "Ahmad Karimi"),
    "herning": ("Herning", "Herning Bibliotekerne", "Boligselskabet Herning", "Mette Vang"),
    "lolland": ("Lolland", "Nakskov Bibliotek", "Lolland Boligselskab", "Jonas Friis"),
}


def _lines(town, library, housing, person):
    return ["Delaftale for indsatsområdet Uddannelse og livschancer", "",
            f"Boligsocial helhedsplan: Sammen i {town} 2024-2027", "",
            "Delaftalens parter", f"{housing}, {town} Kommune, Børn og Unge og Jobcenter {town}", "",
            "Aktiviteter", "",
            "Aktivitetsnavn: Lektiecafé", "Målgruppe(r): Børn og unge 6-17 år",
            f"Samarbejdspartnere: {library}", "Zone: Zone 2", "",
            "Aktivitetsnavn: Fritidsjobformidling", "Målgruppe(r): Unge 13-17 år",
            f"Samarbejdspartnere: Jobcenter {town}", "Zone: Zone 1 og Zone 3", "",
            "Kontaktpersoner",
            f"Boligsocial medarbejder: {person}, {housing}, tlf. 30 55 12 12, {person.split()[0].lower()}@bolig.dk", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_activity_partners_contacts_and_zones_from_their_own_fields(tmp_path, make_docx, make_pdf, case, how):
    town, library, housing, person = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert {_key(p) for p in acts["Lektiecafé"].partners} == {_key(library)}
    assert {_key(p) for p in acts["Fritidsjobformidling"].partners} == {_key(f"Jobcenter {town}")}
    assert not acts["Fritidsjobformidling"].contacts
    assert acts["Lektiecafé"].zones == ["Zone 2"]
    assert sorted(acts["Fritidsjobformidling"].zones) == ["Zone 1", "Zone 3"]
