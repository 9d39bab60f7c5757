"""Seniors named the way status reports and older plans do ("ældre enlige beboere", "enlige
ældre"; set L and a new user's trial, session 15: an activity for them got no target group).
Made-up plans of three municipalities, as written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract  # noqa: E402

CASES = {"stevns": ("Seniornetværket", "ældre enlige beboere"), "lejre": ("Kaffeklubben", "enlige ældre i afdelingen"),
         "faxe": ("Besøgsvennerne", "ældre ensomme lejere")}


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_activity_for_lonely_elderly_residents_reaches_seniors(tmp_path, make_docx, make_pdf, case, how):
    name, group = CASES[case]
    lines = ["Helhedsplan for Nord 2024-2027", "", "Indsatsområde 1: Sundhed", "", f"1.1 {name}", f"Målgruppe: {group}",
             "Besøg og kaffe hver uge.", "", "1.2 Lektiecaféen", "Målgruppe: skolebørn", "Hjælp til lektier.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert "seniors" in next(a.target_groups for a in r.activities if a.name == name)
