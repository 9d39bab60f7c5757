"""A focus area's name alone on a line over its paragraph, the activities inside it after
"Aktiviteter:" as "Name – description." sentences (a web page's copy, set I, session 13).
Made-up pages of three municipalities, as written, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract  # noqa: E402

CASES = {
    "jammerbugt": ("Jammerbugt", {"Uddannelse og livschancer": ["Lektiecafé i Fjordhuset", "Forældrenetværket"],
                                  "Beskæftigelse": ["Job i Aabybro", "Fritidsjob Jammerbugt"]}),
    "broenderslev": ("Brønderslev", {"Beskæftigelse": ["Jobbutikken", "Praktik i Byen"],
                                     "Sammenhængskraft og medborgerskab": ["Naboskabsdage", "Frivillignetværket"]}),
    "vejen": ("Vejen", {"Kriminalitetsforebyggelse": ["Gadeteamet", "Natteravnene Vejen"],
                        "Uddannelse og livschancer": ["Læseklubben", "Ung i Uddannelse"]}),
}


def _lines(town, areas):
    lines = ["Forside > Borger > Boligsociale indsatser", f"Vores Kvarter – boligsocial helhedsplan i {town}",
             f"Aftalens parter: Boligselskabet {town} og {town} Kommune", "3. Indsatsområder og aktiviteter",
             "Helhedsplanen arbejder med to indsatsområder."]
    for area, (first, second) in areas.items():
        lines += [area, f"Mål: Flere beboere får en god hverdag. Aktiviteter: {first} – hver tirsdag i beboerhuset, "
                        f"i samarbejde med {town} Kommune. {second} – et netværk for beboerne med støtte fra "
                        "frivillige."]
    return lines + ["4. Lokal evaluering", "Der gennemføres en midtvejsevaluering."]


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_activities_named_inside_a_focus_areas_paragraph(tmp_path, make_docx, make_pdf, case, how):
    town, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, areas), how, make_docx, make_pdf)
    got, want = activity_areas(r, areas)
    assert got == want
