"""A signature block whose party lines end in the date field ("Nyborg Kommune, Dato:" over
"Kommunaldirektør Peter Skaarup", set I, session 13): the party signs for that organisation,
and "Dato" is no organisation. Made-up agreements of three municipalities, as written, flat,
Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "langeland": [("Langelands Boligselskab", "Formand Villy Thomsen"), ("Boligforeningen Rudkøbing", "Direktør Annette Clausen"),
                  ("Langeland Kommune", "Kommunaldirektør Peter Skaarup")],
    "soroe": [("Sorø Boligselskab", "Formand Lise Holm"), ("Boligforeningen Midtsjælland", "Direktør Bent Krogh"),
              ("Sorø Kommune", "Kommunaldirektør Jens Kure")],
    "lemvig": [("Lemvig Boligforening", "Formand Anders Bæk"), ("Boligselskabet Vestkysten", "Direktør Mette Rask"),
               ("Lemvig Kommune", "Kommunaldirektør Hanne Dyhr")],
}


@pytest.mark.parametrize("sep", [",  Dato:", ", Dato: ________"])
@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_party_line_that_ends_in_its_date_field(tmp_path, make_docx, make_pdf, case, how, sep):
    entries = CASES[case]
    lines = ["Strategisk samarbejdsaftale om boligsocial indsats", "", "Underskrifter:", ""]
    for org, person in entries:
        lines += [f"{org}{sep}", person, ""]
    lines += ["1. Kort om boligområdet", "", "Boligområdet ligger i byens vestlige del.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    got = {_key(c.name): _key(c.organisation) for c in r.contacts}
    assert got == {_key(p.split(" ", 1)[1]): _key(o) for o, p in entries}
    assert "dato" not in {_key(o.name) for o in r.organisations}
