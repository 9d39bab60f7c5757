"""Word templates lay out a delaftale's fields as tables of two cells, the label in the
first ("Navn på aktivitet | Lektiecafé", "Målgruppe(r) | Børn 6-12 år"): each row reads as
the label line it stands for, from .docx and as tab-separated text."""
from __future__ import annotations

import pytest

from samspil.loaders import extract_file

_ACTIVITIES = [("Aktivitetsnavn", "Lektiestuen Nord", "Målgruppe(r)", "Skolebørn 7-14 år"),
               ("Navn på aktivitet", "Mødrenetværket", "Målgruppe", "Mødre med små børn"),
               ("Aktivitetens navn", "Ungejobs", "Hvem er aktiviteten rettet mod?", "Unge 15-17 år")]
_HEAD = ["Delaftale for indsatsområdet Uddannelse og livschancer",
         "Delaftalens parter: Faxe Kommune og Boligselskabet Sjælland"]


def _docx(path):
    import docx

    d = docx.Document()
    for line in _HEAD:
        d.add_paragraph(line)
    for k, (label, name, target_label, target) in enumerate(_ACTIVITIES, start=1):
        d.add_paragraph(f"Aktivitet {k}")
        table = d.add_table(rows=2, cols=2)
        for r, (a, b) in enumerate([(label, name), (target_label, target)]):
            table.cell(r, 0).text, table.cell(r, 1).text = a, b
    d.save(path)
    return path


def _text(path):
    rows = [f"Aktivitet {k}\n{a}\t{b}\n{c}\t{d}" for k, (a, b, c, d) in enumerate(_ACTIVITIES, start=1)]
    path.write_text("\n".join(_HEAD) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("write, suffix", [(_docx, ".docx"), (_text, ".txt")])
def test_a_field_table_of_two_cells_reads_as_its_label_lines(tmp_path, write, suffix):
    report = extract_file(write(tmp_path / f"faxe{suffix}"))
    assert [a.name for a in report.activities] == [name for _, name, _, _ in _ACTIVITIES]
    groups = {a.name: set(a.target_groups) for a in report.activities}
    assert "children" in groups["Lektiestuen Nord"] and "youth" in groups["Ungejobs"]
    assert all(a.focus_area == "Uddannelse og livschancer" for a in report.activities)
