"""A contact's e-mail and phone on the lines under the name (set H, session 13): in a party
list ("Kontaktperson:" / "Line Kastrup, teamleder" / "E-mail: ..." / "Telefon: ...") and
under a role line outside the lists ("Boligsocial leder: Trine Bak, HAB" over "Telefon 9623
4411 – e-mail tsb@..."), also with an office address between; made-up agreements in three
municipalities, as written, with the line breaks lost, in Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, wanted_contacts  # noqa: E402

CASES = {
    "assens": ("Assens", "assens.dk", "Jobcenter Assens", "Ungeenheden", "Assens Boligselskab", "ABS"),
    "kerteminde": ("Kerteminde", "kerteminde.dk", "Jobcenter Kerteminde", "Virksomhedsservice",
                   "Kerteminde Andelsboligforening", "KAB-K"),
    "vesthimmerland": ("Vesthimmerland", "vesthimmerland.dk", "Jobcenter Vesthimmerland", "Team Unge",
                       "Boligselskabet Himmerland", "BSH"),
}


def _lines(town, domain, jobcenter, team, owner, short):
    return ["Delaftale for indsatsområdet Beskæftigelse", "",
            "Navn på den boligsociale indsats, som delaftalen vedrører:", f"Sammen i {town}", "",
            "Delaftalens parter:", "",
            f"{jobcenter}, {team}", "Kontaktperson:", "Line Kastrup, teamleder",
            f"E-mail: lika@{domain}", "Telefon: 72 10 63 27", "",
            f"{town} Bibliotek", "Kontaktperson:", "Ahmad Rezai, biblioteksleder",
            f"E-mail: ahre@{domain}", "Telefon: 72 10 64 90", "",
            "Organisering", "",
            f"Boligsocial leder: Trine Søgaard Bak, {short}", f"Telefon 9623 4411 – e-mail tsb@{short.lower()}.dk", "",
            f"Projektleder: Anja Refslund Madsen, ansat i {owner}", f"Kontor: Østervang 14, st. tv., 5610 {town}",
            "Telefon 54 85 22 10", "",
            f"Den boligsociale indsats i {town} følges af bestyrelsen.", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_contacts_details_on_the_lines_under_the_name(tmp_path, make_docx, make_pdf, case, how):
    town, domain, jobcenter, team, owner, short = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    got = {n: (e, p) for n, (_, e, p) in contact_facts(r).items()}
    assert got["Line Kastrup"] == (f"lika@{domain}", "72106327")
    assert got["Ahmad Rezai"] == (f"ahre@{domain}", "72106490")
    assert got["Trine Søgaard Bak"] == (f"tsb@{short.lower()}.dk", "96234411")
    assert got["Anja Refslund Madsen"][1] == "54852210"
