"""Words that head a field or a table's column are no organisations (set L and a new user's trial,
session 15): a party table's head cell "Part" and the HTML label "Underskrevet" over its date
became organisations. Made-up agreements of three municipalities, as written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "langeland": ("Langeland", "Boligforeningen Sydlangeland", "Poul Thoft"),
    "aeroe": ("Ærø", "Boligforeningen Marstal", "Anne Dam"),
    "samsoe": ("Samsø", "Boligselskabet Samsø", "Jens Bak"),
}


def _lines(town, housing, person):
    return ["# Strategisk samarbejdsaftale", "", "## Underskrifter", "", "| Part | Navn og titel | Dato |", "|---|---|---|",
            f"| {housing} | {person}, formand | 15\\.11.2021 |", f"| {town} Kommune | Lis Holm, direktør | 22\\.11.2021 |",
            "", "Underskrevet", "30.11.2016", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_column_head_or_a_field_label_is_no_organisation(tmp_path, make_docx, make_pdf, case, how):
    town, housing, person = CASES[case]
    r = _extract(tmp_path, _lines(town, housing, person), how, make_docx, make_pdf)
    names = {name_key(o.name) for o in r.organisations}
    assert not names & {"part", "underskrevet", "navn", "titel"}
    assert {name_key(housing), name_key(f"{town} Kommune")} <= names
