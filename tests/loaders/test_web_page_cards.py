"""A municipality's web page about its plan, copied as text (set L and a new user's trial, session
15): a cookie banner and a menu with a search box above the title "X – ny boligsocial
helhedsplan", and the activities as cards - the name, "Indsatsområde: Y", the text, and the
card's "Læs mere" link glued to the next card's name ("Læs mereUng Kraft"). The plan is named
X, not by the menu or a cookie button, and each card is an activity of the area it names.
Made-up pages of three municipalities, as written, in Word and with the page's line breaks
lost (session 16: the card's name ran on after the last sentence or "Læs mere", the area
field into the card's text, and the last bullet of the areas into the folded "+ Aktiviteter")."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract  # noqa: E402

CASES = {
    "halsnaes": ("Halsnæs", "Vinderød Forbundet", {"Uddannelse og livschancer": ["Familiekompasset", "Lektiecafé på biblioteket"],
                                                   "Kriminalitetsforebyggelse": ["Ung Kraft"]}),
    "gribskov": ("Gribskov", "Helsinge Sammen", {"Beskæftigelse": ["Jobspor"],
                                                 "Sammenhængskraft og medborgerskab": ["Naboskabsdage", "Beboerakademiet"]}),
    "egedal": ("Egedal", "Ølstykke Fællesskab", {"Kriminalitetsforebyggelse": ["Nattevagten"],
                                                 "Beskæftigelse": ["Praktikbroen"]}),
}


def _lines(town, name, areas, listed=False):
    lines = ["Spring til indhold", "Vi bruger cookies", "Tillad alle", "Kun nødvendige", "Tilpas", f"{town} Kommune",
             "Borger   Erhverv   Politik   Job i kommunen      Søg på siden",
             f"Forside › Borger › Boligsociale indsatser › {name}", "", f"{name} – ny boligsocial helhedsplan", "",
             f"Byrådet i {town} godkendte en ny boligsocial helhedsplan for boligområderne.", ""]
    if listed:
        lines += [f"Helhedsplanen arbejder inden for {len(areas)} indsatsområder:"] + [f"• {a}" for a in areas]
    lines += ["+ Aktiviteter"]
    cards = [(act, area) for area, acts in areas.items() for act in acts]
    for k, (act, area) in enumerate(cards):
        lines += [f"Læs mere{act}" if k else act, f"Indsatsområde: {area}",
                  "Et tilbud til beboerne i samarbejde med lokale foreninger."]
    return lines + ["Læs mere", "", "KONTAKT", "Sara Quist – boligsocial medarbejder – sq@bolig.dk", ""]


@pytest.mark.parametrize("how", ["as written", "docx", "flattened"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_web_page_with_activity_cards(tmp_path, make_docx, make_pdf, case, how):
    town, name, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, name, areas), how, make_docx, make_pdf)
    assert r.plan.name == name
    found, want = activity_areas(r, areas)
    assert found == want


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_areas_listed_above_the_cards(tmp_path, make_docx, make_pdf, case, how):
    town, name, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, name, areas, listed=True), how, make_docx, make_pdf)
    assert sorted(fa.name for fa in r.focus_areas) == sorted(areas)
    found, want = activity_areas(r, areas)
    assert found == want
