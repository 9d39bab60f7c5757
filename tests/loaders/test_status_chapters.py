"""A status report's chapter "3. Status på indsatsområderne" (or "Beskrivelse af
indsatsområderne", "Oversigt over de indsatsområder") over "3.1 Børn og unge" sections and
their "Aktivitet: X" entries (set H, session 13): each section is a focus area and its
activities are that area's. Made-up reports of three municipalities, as written, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "kalundborg": ("Kalundborg", "Status på indsatsområderne",
                   {"Børn og unge": ["Lektiecafé Nord", "Klub Stejlhøj"], "Uddannelse og job": ["Jobcaféen"]}),
    "hilleroed": ("Hillerød", "Beskrivelse af indsatsområderne",
                  {"Sundhed og trivsel": ["Sund i Skansen", "Familiekurser"], "Beboerdemokrati": ["Beboerakademiet"]}),
    "struer": ("Struer", "Oversigt over de fire indsatsområder",
               {"Fællesskab": ["Madklubben", "Fællesspisning"], "Tryghed": ["Natteravne Struer"]}),
}


def _lines(town, chapter, areas):
    lines = [f"Boligsocial helhedsplan for Bakkegården, {town} 2012-2016", "STATUSRAPPORT 2014", "",
             "1. Indledning", "", "Rapporten beskriver året, der er gået.", "", f"3. {chapter}", ""]
    for k, (area, names) in enumerate(areas.items(), 1):
        lines += [f"3.{k} {area}", ""]
        for name in names:
            lines += [f"Aktivitet: {name}", "Status: Aktiviteten er i drift og følger planen.",
                      "Målgruppe: Beboere i alle aldre.", ""]
    return lines + ["4. Økonomi", "", "Budgettet er overholdt.", ""]


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_sections_of_a_status_chapter_are_focus_areas(tmp_path, make_docx, make_pdf, case, how):
    town, chapter, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, chapter, areas), how, make_docx, make_pdf)
    assert {_key(f.name) for f in r.focus_areas} >= {_key(a) for a in areas}
    got, want = activity_areas(r, areas)
    assert got == want
