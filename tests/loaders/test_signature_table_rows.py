"""A signature table with a head row ("| Part | Navn og titel | Dato |") and a row a party
("| KAS | Adm. direktør Frederik Møllgaard | |", set I, session 13): each signer signs for the party
in the first cell of the row, and no title is an organisation. (A table whose first row holds
the parties and the second their signers, "For Civica | For FAB" over two names, is read by
columns, as before.) Made-up agreements of three municipalities, as written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "gentofte": [("GAB", "Formand Jytte Lambrecht"), ("KAS", "Adm. direktør Frederik Møllgaard"),
                 ("Gentofte Kommune", "Ditte Sand Poulsen, direktør for Børn og Unge")],
    "odder": [("Odder Boligselskab", "Formand Ib Holm"), ("Boligforeningen Midtbo", "Direktør Lene Kvist"),
              ("Odder Kommune", "Anne Sejr, kommunaldirektør")],
    "laesoe": [("Læsø Boligforening", "Formand Per Dam"), ("FAB", "Forretningsfører Sara Vinther"),
               ("Læsø Kommune", "Borgmester Karsten Nielsen")],
}


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_signature_table_a_row_a_party(tmp_path, make_docx, make_pdf, case, how):
    # ("Læsø Boligforening | Formand Per Dam": the short names "Per Dam" read as a letter-spaced line
    # joined the row's cells until session 16, when a short capitalised word stopped counting as a fragment)
    rows = CASES[case]
    lines = ["Strategisk samarbejdsaftale om boligsocial indsats", "", "Underskrifter:", "",
             "| Part | Navn og titel | Dato |", "|---|---|---|", *[f"| {o} | {p} | |" for o, p in rows], "",
             "## 1. Kort om boligområdet", "", "Området ligger i byens vestlige del.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    got = {_key(c.name): _key(c.organisation) for c in r.contacts}
    names = [p.split(",")[0] if "," in p else " ".join(p.split()[-2:]) for _, p in rows]  # (the signer)
    assert [got.get(_key(n)) for n in names] == [_key(o) for o, _ in rows]
    assert not {_key(o.name) for o in r.organisations} & {"adm direktør", "formand", "direktør"}
