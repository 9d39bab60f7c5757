"""How the program that wrote a plain text laid it out, told from its raw lines: the width it
wrapped the text at (an e-mail, minutes from a case system), and a tab table's rows whose empty
cells must keep their gaps (Word's "save as text"). Used by normalise.py.
"""
from __future__ import annotations

from collections.abc import Sequence

__all__ = ["rows_with_empty_cells", "wrap_width"]


_WRAP_WIDTH = 100  # characters: the widest line of a text wrapped by its writer's program (e-mail: 72-80)


def wrap_width(raw_lines: Sequence[str]) -> int:
    """The width a program wrapped plain text at (an e-mail, minutes from a case system), or 0
    when it was not: no line wider than a screen's, and a sentence broken mid-way (the next
    line going on in lower case, or a line near the width going on with a word) on a sixth of
    the lines or more. The width is the longest such broken line's.

    >>> wrap_width(["Byrådet skal godkende den strategiske", "samarbejdsaftale mellem parterne."] * 6)
    37
    >>> wrap_width(["Målgruppe: unge 12-18 år", "Formål: at styrke fællesskabet."] * 6)
    0
    """
    nonblank = sum(1 for line in raw_lines if line.strip())
    long = sum(1 for line in raw_lines if len(line) > _WRAP_WIDTH)  # (a mail's disclaimer, a web address)
    if nonblank < 10 or long * 20 > nonblank:
        return 0
    width = max((len(line) for line in raw_lines if len(line) <= _WRAP_WIDTH), default=0)
    full = max(0.75 * width, 50)
    broken = [len(a) for a, b in zip(raw_lines, raw_lines[1:]) if (a[-1:].isalnum() or a[-1:] == ",")
              and ((nxt := b.lstrip()[:1]).islower() or len(a) >= full and nxt.isalnum())]
    return max(broken) if len(broken) >= 4 and len(broken) * 6 >= nonblank else 0


def _group_row(lines: Sequence[str], j: int, head: int) -> bool:
    """A table's row of one cell spanning the width ("Tryghed og trivsel" between the rows of its
    activities: a Word table's group row, its text alone on its line), a row of cells after it."""
    return j > head and "\t" not in lines[j] and bool(lines[j].strip()) and len(lines[j]) <= 80 \
        and j + 1 < len(lines) and lines[j + 1][:1] == "\t"


def rows_with_empty_cells(raw_lines: Sequence[str], tabbed: Sequence[str] | None = None) -> set[int]:
    """The rows of tab tables (a head row, then rows of as many cells or fewer) that hold an
    empty cell: collapsing their gaps would shift every later cell into the wrong column
    ("Politiassistent Sanne Juhl<TAB><TAB>2531 8840" under "Navn<TAB>Stilling<TAB>Telefon"). A
    row that opens with an empty cell may have more cells than the head row: a Word table's
    row followed by the rows of a table nested in one of its cells, under that cell
    (``docx_parts``: "<TAB><TAB>Jobcenter Herning<TAB>visitation" under "Aktivitet<TAB>Målgruppe<TAB>Partnere"). With
    ``tabbed`` (the lines after spaced and gridded tables were made tab tables), only the rows
    that are still the file's own lines.

    >>> sorted(rows_with_empty_cells(["Navn\\tStilling\\tTelefon", "Ida Holm\\tLeder\\t2233", "Ole Berg\\t\\t4455", ""]))
    [2]
    >>> sorted(rows_with_empty_cells(["Org\\tEnhed\\tNavn", "Køge Kommune\\tKultur\\tIda Holm", "\\tBorgerservice\\tOle Berg"]))
    [2]
    >>> sorted(rows_with_empty_cells(["Aktivitet\\tMålgruppe\\tPartnere", "Lektiecafé\\tbørn\\t", "\\t\\tJobcenter\\tvisitation"]))
    [1, 2]
    """
    if tabbed is not None:  # only the file's own tab tables: lines a grid's or spaces' cells were made tabs of
        if len(tabbed) != len(raw_lines) or "\t" not in "\n".join(raw_lines) \
                or not any("\t\t" in line or line[:1] == "\t" for line in raw_lines):  # differ (no tab at all: told
            # by one search of the joined text, ~5 times cheaper than the loop)
            return set()
        return {k for k in rows_with_empty_cells(raw_lines) if tabbed[k] is raw_lines[k]}
    out: set[int] = set()
    k = 0
    while k < len(raw_lines):
        head = raw_lines[k].rstrip()
        cells = head.count("\t") + 1
        if cells < 3 or "\t\t" in head or any(not c.strip() for c in head.split("\t")):
            k += 1
            continue
        j = k + 1
        while j < len(raw_lines) and (_group_row(raw_lines, j, k) or "\t" in raw_lines[j] and (
                raw_lines[j].rstrip("\n").count("\t") + 1 <= cells or raw_lines[j].startswith("\t"))):
            if "\t\t" in raw_lines[j] or raw_lines[j].rstrip("\n").endswith("\t") or raw_lines[j].startswith("\t"):
                out.add(j)
            j += 1
        k = max(j, k + 1)
    return out
