"""The plan's own municipality is one of its organisations also when the text writes it only in
lower case ("i samarbejde med mariagerfjord kommune") or as the parent of its units
("Mariagerfjord Kommunes Familieafdeling", "Socialpsykiatrien i Mariagerfjord Kommune"); once,
also where a rule found it spelled "Nyborg kommune" (set I, session 13). Made-up older plans of
three municipalities, as written, flat, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract  # noqa: E402

CASES = {"rebild": "Rebild", "morsoe": "Morsø", "stevns": "Stevns"}


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_plans_municipality_written_in_lower_case_or_as_a_parent(tmp_path, make_docx, make_pdf, case, how):
    town = CASES[case]
    lines = [f"Helhedsplan for Vestergården, {town} 2012-2015", f"Udarbejdet af Boligselskabet {town}",
             f"i samarbejde med {town.lower()} kommune", "", "1. Indledning", "",
             f"Helhedsplanen er udarbejdet sammen med {town} Kommunes Familieafdeling og Socialpsykiatrien i "
             f"{town} Kommune.", "",
             f"Landsbyggefonden finansierer 75 %, {town.lower()} kommune og boligorganisationen resten.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert r.plan.municipality == f"{town} Kommune"
    assert [o.type for o in r.organisations if o.name.casefold() == f"{town} kommune".casefold()] == ["municipality"]
