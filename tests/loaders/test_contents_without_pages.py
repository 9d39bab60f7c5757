"""An older plan's contents list without page numbers ("4. Indsatsområder og projekter" /
"   4.1 Børn, unge og familier" / ... one heading a line), then the same numbered headings over
their text (set H, session 13): each project belongs to the section it stands in, not to the
contents' last focus area. Made-up plans of three municipalities, as written, flat, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract  # noqa: E402

CASES = {
    "thisted": ("Thisted", {"Børn, unge og familier": ["Lektiecafé Thy", "Familieklubben"],
                            "Uddannelse og beskæftigelse": ["Jobvejleder i Thisted", "Ung i uddannelse"],
                            "Image og kommunikation": ["Beboerbladet"]}),
    "skanderborg": ("Skanderborg", {"Sundhed": ["Gå-klubben", "Sund mad for alle"],
                                    "Tryghed og trivsel": ["Natteravne", "Tryg opgang"],
                                    "Integration": ["Kvindenetværket"]}),
    "egedal": ("Egedal", {"Fritid og fællesskab": ["Fritid for alle", "Madklubben"],
                          "Beskæftigelse": ["Jobcaféen", "Praktikbanken"],
                          "Beboerdemokrati": ["Aktive beboere"]}),
}


def _lines(town, areas):
    lines = ["NYT LIV I SOLPARKEN", f"Boligsocial helhedsplan for Solparken, {town}", "2010 – 2013", "",
             "Indhold", "1. Indledning", "2. Indsatsområder og projekter",
             *[f"   2.{k} {area}" for k, area in enumerate(areas, 1)], "3. Organisering", "",
             "1. Indledning", "", "Helhedsplanen bygger på erfaringerne fra de seneste år.", "",
             "2. Indsatsområder og projekter", ""]
    n = 0
    for k, (area, names) in enumerate(areas.items(), 1):
        lines += [f"2.{k} {area}", "", "Indsatsområdet skal styrke beboernes muligheder.", ""]
        for name in names:
            n += 1
            lines += [f"Projekt {n}: {name}", "Projektet drives sammen med kommunen og foreningerne.", ""]
    return lines + ["3. Organisering", "", "Styregruppen mødes fire gange om året.", ""]


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_projects_belong_to_the_section_they_stand_in(tmp_path, make_docx, make_pdf, case, how):
    town, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, areas), how, make_docx, make_pdf)
    got, want = activity_areas(r, areas)
    assert got == want
