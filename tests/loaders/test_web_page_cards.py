"""A municipality's web page about its plan, copied as text (set L and a new user's trial, session
15): a cookie banner and a menu with a search box above the title "X – ny boligsocial
helhedsplan", and the activities as cards - the name, "Indsatsområde: Y", the text, and the
card's "Læs mere" link glued to the next card's name ("Læs mereUng Kraft"). The plan is named
X, not by the menu or a cookie button, and each card is an activity of the area it names.
Made-up pages of three municipalities, as written and in Word."""
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


def _lines(town, name, areas):
    lines = ["Spring til indhold", "Vi bruger cookies", "Tillad alle", "Kun nødvendige", "Tilpas", f"{town} Kommune",
             "Borger   Erhverv   Politik   Job i kommunen      Søg på siden",
             f"Forside › Borger › Boligsociale indsatser › {name}", "", f"{name} – ny boligsocial helhedsplan", "",
             f"Byrådet i {town} godkendte en ny boligsocial helhedsplan for boligområderne.", "",
             "+ Aktiviteter"]
    cards = [(act, area) for area, acts in areas.items() for act in acts]
    for k, (act, area) in enumerate(cards):
        lines += [f"Læs mere{act}" if k else act, f"Indsatsområde: {area}",
                  "Et tilbud til beboerne i samarbejde med lokale foreninger."]
    return lines + ["Læs mere", "", "KONTAKT", "Sara Quist – boligsocial medarbejder – sq@bolig.dk", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_web_page_with_activity_cards(tmp_path, make_docx, make_pdf, case, how):
    town, name, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, name, areas), how, make_docx, make_pdf)
    assert r.plan.name == name
    found, want = activity_areas(r, areas)
    assert found == want
