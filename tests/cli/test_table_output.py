"""Readable tables: ids, dates and numbers are never broken across lines; a table too
wide for the terminal becomes one block per row; piped output keeps its full width."""
from __future__ import annotations

import re

import pytest

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



def test_a_word_longer_than_a_column_may_get_does_not_push_the_table_off_the_terminal(capsys, monkeypatch):
    # rich measures a text column at least as wide as its longest word: the table was
    # drawn wider than the terminal and cut at its edge (right border and words lost)
    rows = [{"name": "Beskæftigelses- og Integrationsforvaltningen", "type": "municipal_unit",
             "plans": 4, "roles": "partner, activity_partner",
             "plan_names": "Amagerplanen; Helhedsplanen for Sjælør og Kgs. Enghave; Mit Kvarter"},
            {"name": "Boligforeningen 3B", "type": "housing_organisation", "plans": 4,
             "roles": "party, partner, activity_partner",
             "plan_names": "Amagerplanen; Helhedsplanen for Sjælør og Kgs. Enghave; SURF Valby"}]
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    emit(rows, columns=list(rows[0]), title="Organisations in the most plans")
    lines = [ln for ln in ANSI.sub("", capsys.readouterr().out).splitlines() if ln[:1] in "┏┃┡│└"]
    assert lines and all(len(ln) <= 100 and ln[-1] in "┓┃┩│┘" for ln in lines)
    names = " ".join(ln.split("│")[1].strip() for ln in lines if ln.startswith("│"))
    assert "Integrationsforvaltningen" in names.split()  # whole, not "...ninge" / "n"


def _in_a_terminal(args: list[str], data_dir, columns: int = 100) -> str:
    """``samspil ARGS`` in a real pseudo-terminal ``columns`` wide (as a user's shell)."""
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios
    from pathlib import Path

    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {**os.environ, "COLUMNS": str(columns), "SAMSPIL_DATA_DIR": str(data_dir), "TERM": "xterm"}
    env.pop("FORCE_COLOR", None)
    proc = subprocess.Popen([str(Path(sys.executable).with_name("samspil")), *args], env=env,
                            stdin=secondary, stdout=secondary, stderr=secondary, close_fds=True)
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert proc.wait(timeout=60) == 0, b"".join(chunks).decode()
    return ANSI.sub("", b"".join(chunks).decode("utf-8")).replace("\r\n", "\n")


@pytest.mark.parametrize("args", [["overlaps", "--most-plans"], ["overlaps", "--by", "zones"],
                                  ["gaps", "SURF Valby"], ["brokers", "--limit", "5"]])
def test_a_100_column_terminal_shows_whole_tables_or_blocks(store_dir, args):
    out = _in_a_terminal(args, store_dir)
    table = [ln for ln in out.splitlines() if ln[:1] in "┏┃┡│└"]
    for ln in table:
        assert len(ln) <= 100 and ln[-1] in "┓┃┩│┘", ln  # the right border: nothing cut off
    if args[0] == "overlaps" and args[1] == "--most-plans":
        assert "Integrationsforvaltningen" in out  # a Danish compound is not broken
