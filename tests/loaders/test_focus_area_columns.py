"""Focus areas in the first column of a table headed "Indsatsområde | Overordnet mål" (set H,
session 13): the rows' first cells are the focus areas, the head's second cell ("Overordnet mål
2026") is none, and a budget's "I alt" row is none. Made-up agreements of three municipalities,
as written (markdown) and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "glostrup": ("Glostrup", ["Uddannelse og livschancer", "Beskæftigelse", "Kriminalitetsforebyggelse"]),
    "frederikssund": ("Frederikssund", ["Tryghed og trivsel", "Sundhed", "Integration"]),
    "gribskov": ("Gribskov", ["Uddannelse og livschancer", "Sammenhængskraft og medborgerskab"]),
}


def _lines(town, areas):
    return ["Strategisk samarbejdsaftale om boligsocial indsats", f"Områdets navn: Sammen i {town}",
            "Aftalens parter:", f"Boligselskabet {town}", f"{town} Kommune", "",
            "2. Indsatsområder og mål", "",
            "| Indsatsområde | Overordnet mål 2026 |", "|---|---|",
            *[f"| {a} | Flere beboere oplever fremgang inden for {a.lower()} |" for a in areas], "",
            "3. Budget", "",
            "| Indsatsområde | LBF | Kommune |", "|---|---|---|",
            *[f"| {a} | 1.000.000 | 250.000 |" for a in areas], "| I alt | 3.000.000 | 750.000 |", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_first_column_of_a_focus_area_table(tmp_path, make_docx, make_pdf, case, how):
    town, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, areas), how, make_docx, make_pdf)
    assert sorted(_key(f.name) for f in r.focus_areas) == sorted(_key(a) for a in areas)
