"""A municipality's letter that names its focus areas in lower case in lead-ins ("Under
uddannelse og livschancer vil vi især:") over bullets that name each activity in quotes ("– starte
"Læselyst i Vest", hvor frivillige ..."; set K's agreement letter, session 14): the lead-ins name
known focus areas, and each bullet's quoted name is an activity of its lead-in's area. Made-up
letters of three municipalities, as written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "vesthimmerland": ("Aars", {"Uddannelse og livschancer": ["Læselyst i Vest", "Sund Start"],
                                "Beskæftigelse": ["Job på Tværs", "Næste Skridt"]}),
    "morsoe": ("Nykøbing Mors", {"Beskæftigelse": ["Jobbroen"], "Kriminalitetsforebyggelse": ["Tryg på Mors", "Gadeholdet"]}),
    "rebild": ("Støvring", {"Sammenhængskraft og medborgerskab": ["Fællesspisning i Vest"],
                            "Uddannelse og livschancer": ["Lektiebanden", "Klar til skole"]}),
}
_VERBS = ["starte", "videreføre", "oprette", "hjælpe unge gennem"]


def _lines(town, areas):
    lines = [f"Aftale om boligsocial indsats i {town} Vest", "", "Hvad vil vi gøre?", "",
             "Parterne er enige om at samle indsatsen om " + " og ".join(a.lower() for a in areas) + ".", ""]
    for area, names in areas.items():
        lines += [f"Under {area.lower()} vil vi især:", ""]
        lines += [f'– {_VERBS[k % 4]} "{name}", hvor frivillige og medarbejdere mødes hver uge;' for k, name in enumerate(names)]
        lines += [""]
    return lines + ["Underskrifter", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_lead_ins_name_areas_and_bullets_their_activities(tmp_path, make_docx, make_pdf, case, how):
    town, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, areas), how, make_docx, make_pdf)
    assert {_key(f.name) for f in r.focus_areas} >= {_key(a) for a in areas}
    got, want = activity_areas(r, areas)
    assert got == want
