"""The plan's name from a web page's breadcrumb trail and from a board paper's subject
line (made-up pages and papers in other municipalities' names): the area the trail's last
crumb or the subject names is the plan's name, with the plan word and the area as an
alias; as written, flat, as a web copy, Word and PDF."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered  # noqa: E402

HOWS = ["as written", "flat", "flattened", "docx", "pdf"]

CRUMBS = [  # (trail, area)
    ("Forside > Boligsocialt arbejde > Helhedsplan Solhaven 2023-2026", "Solhaven"),
    ("Forside › Om os › Projekter › Boligsocial helhedsplan Lindholm", "Lindholm"),
    ("Du er her: Forside » Borger » Bolig » Helhedsplanen for Kærbyen Øst", "Kærbyen Øst"),
]
SUBJECTS = [  # (subject line, area)
    ("Punkt 7: Godkendelse af helhedsplan for Nørrevang 2019-2022", "Nørrevang"),
    ("Sag: Boligsocial helhedsplan for Sølyst", "Sølyst"),
    ("Dagsordenspunkt 4 – Ny boligsocial helhedsplan i Vestervang og Bakkehuse", "Vestervang og Bakkehuse"),
    ("Emne: Godkendelse af den boligsociale helhedsplan for Skovparken, perioden 2022-2025", "Skovparken"),
]


def _web_page(trail: str, area: str, town: str) -> list[str]:
    return [f"<nav>{trail}</nav>", "", f"<h1>{area} – et godt sted at bo</h1>", "",
            f"<p>Helhedsplanen er et samarbejde mellem Boligselskabet {town} og {town} Kommune.</p>", "",
            "<h3>Beskæftigelse</h3>", "<ul>", "<li><strong>Jobcaféen</strong> – hjælp til ledige beboere</li>",
            "</ul>"]


def _board_paper(subject: str, town: str) -> list[str]:
    return [f"{town} Kommune", "Social- og Sundhedsudvalget – dagsorden 12. marts 2024", "", subject, "",
            "Sagsnr. 27.00.00-A00-12-19", "", "Sagsfremstilling",
            f"Boligselskabet {town} har i samarbejde med {town} Kommune udarbejdet en boligsocial helhedsplan. "
            "Planen løber i fire år.", "", "Indstilling", "Det indstilles, at helhedsplanen godkendes."]


def _check(report, area: str) -> None:
    plan = report.plan
    assert plan.name == area, (plan.name, plan.aliases)
    assert plan.area == area
    assert any(a.lower().endswith(area.lower()) and "elhedsplan" in a for a in plan.aliases), plan.aliases


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize(("k", "crumb"), enumerate(CRUMBS))
def test_plan_name_from_a_breadcrumb_trail(tmp_path, make_docx, make_pdf, k, crumb, how):
    trail, area = crumb
    report = extract_rendered(tmp_path, _web_page(trail, area, ["Viborg", "Skive", "Thisted"][k]), how, make_docx, make_pdf)
    _check(report, area)


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize(("k", "subject"), enumerate(SUBJECTS))
def test_plan_name_from_a_board_papers_subject(tmp_path, make_docx, make_pdf, k, subject, how):
    line, area = subject
    report = extract_rendered(tmp_path, _board_paper(line, ["Randers", "Vejle", "Horsens", "Kolding"][k]), how,
                              make_docx, make_pdf)
    _check(report, area)
