"""An older plan's projects by lettered id after the focus area's goals paragraph (set H,
session 13): "Indsatsområde A: Børn og unge" / "Mål: Børnene skal klare sig bedre i skolen." /
"A1. Lektiehjælp" / its description. The goals paragraph is no list of goals: the lettered
projects under it are the area's activities. Made-up plans of three municipalities, as written,
flat, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract  # noqa: E402

CASES = {
    "vordingborg": ("Vordingborg", {"Børn og unge": ["Lektiehjælp", "Ungdomsklub Nyråd"],
                                    "Beskæftigelse og integration": ["Jobstuen", "Kvindenetværket"]}),
    "faaborg": ("Faaborg-Midtfyn", {"Børn og familier": ["Familiecaféen", "Sprogstimulering i børnehøjde"],
                                    "Naboskab og beboerdemokrati": ["Beboerfester", "Tryghed i området"]}),
    "ringkobing": ("Ringkøbing-Skjern", {"Uddannelse og job": ["Jobcafé Vest", "Ung i uddannelse"],
                                         "Fællesskab": ["Madklubben", "Netværk for ældre"]}),
}


def _lines(town, areas):
    lines = [f"Helhedsplan for Solgården, {town} 2008-2011", "", "Kapitel 3. Mål og indsatsområder", "",
             "Helhedsplanen har to indsatsområder:", "",
             *[f"Indsatsområde {'AB'[k]}: {area}" for k, area in enumerate(areas)], ""]
    for k, (area, names) in enumerate(areas.items()):
        letter = "AB"[k]
        lines += [f"Indsatsområde {letter}: {area}", "",
                  "Mål: Flere beboere skal have en god hverdag, og færre skal stå uden for fællesskabet.", ""]
        for n, name in enumerate(names, 1):
            lines += [f"{letter}{n}. {name}",
                      "Aktiviteten drives i samarbejde med skolen og frivillige fra foreningerne.", ""]
    return lines + ["Kapitel 4. Organisation", "", "Styregruppen mødes fire gange om året.", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_lettered_projects_after_a_goals_paragraph(tmp_path, make_docx, make_pdf, case, how):
    town, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, areas), how, make_docx, make_pdf)
    got, want = activity_areas(r, areas)
    assert got == want
