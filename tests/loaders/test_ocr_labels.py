"""A scanned agreement's labels read without their Danish letter or with "n" read as "ri"
("Malgruppe(r):", "Aktivitetsnavri:", "Formal:"): in a text the OCR marks show to be a
scan's, they are the template's labels again, so an activity's name ends where its target
group's label begins, also with the line breaks lost. Made-up agreements in other
municipalities' names."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered  # noqa: E402

FORMS = [("Aktivitetsnavri:", "Malgruppe(r):", "Formal:"), ("Aktivitetsnavn:", "Malgruppe:", "Formål:"),
         ("Aktivitetsnavri:", "MALGRUPPE:", "Indhold:")]
TOWNS = ["Frederikssund", "Halsnæs", "Gribskov"]
ACTS = [("Lektiehjælp i Parken", "Børn i 0.-6. klasse og deres forældre."),
        ("Ungeguiderne", "Unge 13-17 år."), ("Jobcaféen", "Ledige beboere 25-64 år.")]


def _lines(k: int) -> list[str]:
    name, target, purpose = FORMS[k]
    town = TOWNS[k]
    lines = ["Strategisk samarbejdsaftale – boligsocia1 he1hedsplan for Parken", "",
             f"Aftalens parter: {town} Kornmune og Boligselskabet Parken", "",
             "Delaftale for indsatsområdet Uddannelse og livschancer", "",
             "Helhedsplanen skal styrke det s0ciale liv i bo1igområdet.", ""]
    for act, group in ACTS:
        lines += [f"{name} {act}", f"{target} {group}", f"{purpose} At flere deltager i fællesskabet.", ""]
    return lines


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("k", range(len(FORMS)))
def test_a_scans_labels_without_their_danish_letters(tmp_path, make_docx, make_pdf, k, how):
    report = extract_rendered(tmp_path, _lines(k), how, make_docx, make_pdf)
    assert [a.name for a in report.activities] == [a for a, _ in ACTS]
    assert all(a.target_groups for a in report.activities), [(a.name, a.target_groups) for a in report.activities]
