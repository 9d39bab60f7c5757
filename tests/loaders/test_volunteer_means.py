"""Volunteers ("frivillige") are a target group only where the plan addresses them
(recruiting, training, supporting volunteers; "frivillige beboere" as a Målgruppe), not
where they are the means an activity is run by ("drives af frivillige", "med hjælp fra
frivillige", "frivillige hjælper børnene", "et frivilligt tilbud", "frivillige
foreninger"): made-up agreements in other municipalities' names, each as written, flat,
Word and PDF."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered  # noqa: E402

HOWS = ["as written", "flat", "flattened", "docx", "pdf"]

MEANS = [  # (town, activity description): volunteers only as the means
    ("Svendborg", "Lektiecaféen drives af frivillige og er åben to gange om ugen for skolebørn."),
    ("Holstebro", "Med hjælp fra frivillige tilbydes lektiehjælp til børn i 3.-6. klasse."),
    ("Nyborg", "I klubben får børnene hjælp til lektier af frivillige fra Røde Kors, og frivillige hjælper "
               "også ved udflugter. Det er et frivilligt tilbud for alle familier."),
    ("Skive", "Aktiviteten varetages af lokale frivillige i samarbejde med skolen, for børn og deres forældre."),
]
TARGET = [  # (town, sentence): the plan addresses volunteers
    ("Svendborg", "Helhedsplanen rekrutterer og uddanner frivillige beboere, så de kan stå for aktiviteter."),
    ("Holstebro", "Vi tilbyder støtte til lokale frivillige, så de kan organisere sig i foreninger."),
    ("Nyborg", "Målgruppe: Frivillige og engagerede beboere"),
    ("Skive", "Rekruttering af frivillige til beboerhuset og kurser for nye frivillige."),
]


def _lines(town: str, text: str) -> list[str]:
    return [f"Boligsocial helhedsplan for Vestparken, {town} 2024-2027", "",
            f"Aftalens parter: {town} Kommune og Boligselskabet {town}", "",
            "Indsatsområde: Uddannelse og livschancer", "",
            "Aktivitetsnavn: Lektiecafé", f"Beskrivelse: {text}", ""]


def _groups(report) -> dict[str, list[str]]:
    return {t.category: t.phrases for t in report.target_groups}


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize(("town", "text"), MEANS)
def test_volunteers_as_the_means_are_no_target_group(tmp_path, make_docx, make_pdf, town, text, how):
    report = extract_rendered(tmp_path, _lines(town, text), how, make_docx, make_pdf)
    assert "volunteers" not in _groups(report), _groups(report)
    assert all("volunteers" not in a.target_groups for a in report.activities)
    assert report.target_groups  # the children the activity is for are still found


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize(("town", "text"), TARGET)
def test_volunteers_the_plan_addresses_are_a_target_group(tmp_path, make_docx, make_pdf, town, text, how):
    report = extract_rendered(tmp_path, _lines(town, text), how, make_docx, make_pdf)
    assert "volunteers" in _groups(report), _groups(report)
