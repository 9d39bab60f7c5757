"""A plan published as a web page or HTML export (set L, session 15): the focus areas as bullets
under a heading of their own ("2. Indsatsområder"), and each activity as a card: its name on a
line, the focus area it belongs to on the next, then its fields ("Målgruppe(r): ..."), under
a heading "3. Aktiviteter" that names no focus area. Made-up plans of three municipalities, as
written, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "koege": ("Køge", {"Tryghed og trivsel": ["Gårdværterne", "Tryg Trappe"],
                       "Uddannelse og livschancer": ["Lektiehjørnet Ellebæk"]}),
    "greve": ("Greve", {"Kriminalitetsforebyggelse": ["Nattevagten"],
                        "Beskæftigelse": ["Jobspottet", "Praktik i Hundige"]}),
    "skive": ("Skive", {"Sammenhængskraft og medborgerskab": ["Fællesspisning i Øster Bølle"],
                          "Forebyggelse og forældreansvar": ["Mødrecaféen Solsikken"]}),
}


def _lines(town, areas):
    lines = [f"Strategisk samarbejdsaftale om boligsocial indsats", "",
             f"Områdets navn: Helhedsplan Nord, {town}", "", "2. Indsatsområder", ""]
    lines += [f"• {area}" for area in areas] + ["", "3. Aktiviteter", ""]
    for area, names in areas.items():
        for name in names:
            lines += [name, area, "Målgruppe(r): Beboere i boligområdet", "Aktiviteten foregår hver uge.", ""]
    return lines + ["4. Kontaktpersoner", "", f"Lise Holm, boligsocial leder, lh@{town.lower()}bolig.dk", ""]


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_focus_areas_as_bullets_and_activities_as_cards(tmp_path, make_docx, make_pdf, case, how):
    town, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, areas), how, make_docx, make_pdf)
    assert {name_key(fa.name) for fa in r.focus_areas} == {name_key(a) for a in areas}
    found, want = activity_areas(r, areas)
    assert found == want
