"""Readable tables: ids, dates and numbers are never broken across lines; a table too
wide for the terminal becomes one block per row; piped output keeps its full width."""
from __future__ import annotations

import re

from samspil.cli.common import emit

ROWS = [
    {"id": "plan:helhedsplanen-for-sjaelor-og-kgs.-enghave-2017", "name": "Helhedsplanen for Sjælør",
     "period_end": "2016-12-31", "parties": "Boligforeningen 3B; Københavns Kommune; PAB", "partners": 40},
    {"id": "plan:rum-for-liv-2013-2016", "name": "Rum for Liv", "period_end": "2016-12-31",
     "parties": "Lejerbo København", "partners": 13},
]
COLUMNS = ["id", "name", "period_end", "parties", "partners"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _out(capsys, monkeypatch, *, terminal_width: int | None) -> str:
    if terminal_width is None:
        monkeypatch.delenv("FORCE_COLOR", raising=False)
    else:
        monkeypatch.setenv("FORCE_COLOR", "1")  # rich: behave as on a terminal
        monkeypatch.setenv("COLUMNS", str(terminal_width))
    emit(ROWS, columns=COLUMNS, title="plans")
    return ANSI.sub("", capsys.readouterr().out)


def test_piped_output_keeps_every_cell_on_one_line(capsys, monkeypatch):
    out = _out(capsys, monkeypatch, terminal_width=None)
    for row in ROWS:
        line = next(ln for ln in out.splitlines() if row["id"] in ln)
        assert row["name"] in line and row["parties"] in line and row["period_end"] in line


def test_a_wide_terminal_wraps_text_but_never_ids_or_dates(capsys, monkeypatch):
    out = _out(capsys, monkeypatch, terminal_width=130)
    assert "┃" in out  # still a table
    for row in ROWS:
        assert row["id"] in out and row["period_end"] in out
    assert max(len(line) for line in out.splitlines()) <= 130


def test_a_narrow_terminal_prints_one_block_per_row(capsys, monkeypatch):
    out = _out(capsys, monkeypatch, terminal_width=60)
    lines = out.splitlines()
    assert "┃" not in out
    first = lines.index(ROWS[0]["id"])
    assert lines[first + 1].split() == ["name:", "Helhedsplanen", "for", "Sjælør"]
    assert any(line.split() == ["partners:", "13"] for line in lines)

