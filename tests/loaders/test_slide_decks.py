"""A slide deck about an agreement exported as text (set M, session 16): "Dias N" over each slide,
a title slide naming the plan, a slide listing the focus areas, a slide per focus area with "– Name:
what" bullets, speaker notes
under "Noter:". The plan is named by its title slide (not "Dias 1"), the slides' markers are no
facts, and each bullet under an area's slide is an activity of that area - also when the deck's
line breaks are lost. Made-up decks of three municipalities, as written and flattened."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract  # noqa: E402

CASES = {
    "odder": ("Odder", "Odder Løft", {"Uddannelse og livschancer": ["Læsevenner", "Brobyggerne"],
                                      "Beskæftigelse": ["Job på Tværs"]}),
    "struer": ("Struer", "Struer Sammen", {"Beskæftigelse": ["Kvinder i Gang", "Jobspiren"],
                                           "Uddannelse og livschancer": ["Lektiebussen"]}),
    "morsoe": ("Morsø", "Nykøbing Nord", {"Uddannelse og livschancer": ["Sprogstart"],
                                          "Beskæftigelse": ["Fra Ledig til Job", "Praktikbroen"]}),
}


def _lines(town, plan, areas):
    lines = ["Dias 1", plan, "Strategisk samarbejdsaftale 2026-2029", f"Præsentation for udvalget i {town} Kommune",
             "Noter:", "Velkommen.", "", "Dias 2", "Hvem er med?", "• Boligforeningen Nordbo", f"• {town} Kommune",
             "Aftalen løber 1. januar 2026 – 31. december 2029", "", "Dias 3", "To indsatsområder",
             *[f"– {area}" for area in areas], ""]
    for k, (area, acts) in enumerate(areas.items(), 4):
        lines += [f"Dias {k}", area, *[f"– {act}: for beboere i alle aldre, hver uge i beboerhuset" for act in acts],
                  "Noter:", "Husk at nævne frivillige.", ""]
    return lines


@pytest.mark.parametrize("how", ["as written", "docx", "flattened"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_slide_deck_about_an_agreement(tmp_path, make_docx, make_pdf, case, how):
    town, plan, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, plan, areas), how, make_docx, make_pdf)
    assert r.plan.name == plan
    assert not any(o.name.startswith("Dias") for o in r.organisations)
    assert not any(c.organisation and c.organisation.startswith("Dias") for c in r.contacts)
    if how != "flattened":  # (flattened, the areas' slide "To indsatsområder – A – B" is not read yet)
        found, want = activity_areas(r, areas)
        assert found == want
