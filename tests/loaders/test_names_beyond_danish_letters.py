"""Contact persons whose names are written with Latin letters beyond the Danish ones
("Emre Yıldız", "Ayşe Öztürk", "Paweł Nowak", "Nguyễn Văn An"), as many residents and staff
of social housing areas write theirs (a new user's trial and set J, session 14): each is a
contact with its e-mail and phone, in a party list, a contact line and a table row. Made-up
agreements of three municipalities, as written, flattened, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, wanted_contacts  # noqa: E402

CASES = {
    "gentofte": ("Gentofte", {"Emre Yıldız": ("emyi@gentofte.dk", "20639911"),
                              "Ayşe Öztürk": ("ayoz@gentofte.dk", "20639912")}),
    "ishoej": ("Ishøj", {"Paweł Nowak": ("pano@ishoj.dk", "43575001"),
                         "Nguyễn Văn An": ("ngva@ishoj.dk", "43575002")}),
    "aarhus": ("Aarhus", {"Łukasz Wójcik": ("luwo@aarhus.dk", "41851001"),
                          "Şükrü Çelik": ("suce@aarhus.dk", "41851002")}),
}


def _lines(town, people):
    (first, (mail1, tel1)), (second, (mail2, tel2)) = people.items()
    return [f"Områdets navn: Nabo i Nord, {town}", f"Aftalens parter: {town} Kommune og Boligselskabet Nord", "",
            f"Kontaktperson: Ungekoordinator {first}, {mail1}, {tel1[:4]} {tel1[4:]}", "",
            "Navn\tTitel\tE-mail\tTelefon", f"{second}\tBoligsocial medarbejder\t{mail2}\t{tel2}", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_names_in_latin_letters_beyond_the_danish(tmp_path, make_docx, make_pdf, case, how):
    town, people = CASES[case]
    r = _extract(tmp_path, _lines(town, people), how, make_docx, make_pdf)
    got = {name: (mail, phone) for name, (_, mail, phone) in contact_facts(r).items()}
    want = {name: (mail, phone) for name, (_, mail, phone) in
            wanted_contacts({n: (None, m, p) for n, (m, p) in people.items()}).items()}
    assert {n: got.get(n) for n in want} == want
