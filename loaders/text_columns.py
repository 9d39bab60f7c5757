"""A two-column page copied with its layout (``pdftotext -layout``, a PDF's text copied from
a viewer that keeps the layout) read column by column.

Each line of such a page holds a line of the left column, the gutter's spaces, and a line
of the right column::

    1. Aftalens parter                                4. Organisering
    Boligforeningen Kærbo (herefter Kærbo),           Indsatsens bestyrelse består af direktøren
    Lystrup Almene Boliger (herefter LAB) og          for Kærbo, forretningsføreren for LAB og

Read line by line, every sentence is cut in two and joined to another column's words. The
right column starts at one column of the page on every line; where many lines of prose
(long on both sides, unlike a table's short cells) share that start, the run of such lines
is read as its left column and then its right column. A line that crosses the gutter (a
title, a running header or footer) ends the run.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

__all__ = ["split_columns"]

Origin = tuple[int, int | None]

_GAP = re.compile(r"(?<=\S) {3,}(?=\S)| {20,}(?=\S)")
_MIN_START = 25   # the right column starts this far in at least
_MIN_LINES = 6    # lines with text on both sides, for a run to be read as two columns
_MIN_SIDE = 22    # a column's lines are prose: this long on average on each side


def split_columns(lines: Sequence[str], origins: Sequence[Origin]) -> tuple[list[str], list[Origin]]:
    """``lines`` with each two-column run read column by column (origins follow their text).

    >>> left = ["Boligforeningen Kærbo og Lystrup Almene", "Boliger indgår hermed strategisk samarbejde",
    ...         "om den boligsociale indsats i Engkvarteret.", "Aftalen gælder fra 1. januar 2025 til",
    ...         "31. december 2028 og afløser helhedsplanen", "Lystrup Sammen fra perioden 2021-2024."]
    >>> right = ["Indsatsens bestyrelse består af direktøren", "for Kærbo og forretningsføreren for LAB,",
    ...          "der mødes fire gange om året og følger", "indsatsen tæt gennem hele perioden, og",
    ...          "sekretariatet ledes af boligsocial leder", "Rikke Dahlgaard Noes, rdn@kaerbo.dk."]
    >>> page = [f"{a:<50}{b}" for a, b in zip(left, right)]
    >>> split_columns(page, [(k, None) for k in range(1, 7)])[0] == left + [""] + right
    True
    """
    if not any("   " in line for line in lines):
        return list(lines), list(origins)
    starts: Counter[int] = Counter()
    for line in lines:
        for m in _GAP.finditer(line):
            if m.end() >= _MIN_START:
                starts[m.end()] += 1
    if not starts:
        return list(lines), list(origins)
    out: list[str] = []
    out_origins: list[Origin] = []
    at = 0
    for column, n in starts.most_common(3):
        if n < _MIN_LINES:
            break
        runs = _runs(lines, column)
        if not runs:
            continue
        for start, end in runs:
            if start < at:
                continue
            out += lines[at:start]
            out_origins += origins[at:start]
            left = [lines[k][:column].rstrip() for k in range(start, end)]
            right = [lines[k][column:].strip() for k in range(start, end)]
            out += left + [""] + right
            out_origins += list(origins[start:end]) + [origins[end - 1]] + list(origins[start:end])
            at = end
        break
    out += lines[at:]
    out_origins += origins[at:]
    return out, out_origins


def _fits(line: str, column: int, after_fit: bool = False) -> bool:
    """The line has nothing across the gutter at ``column``: its text ends before it
    (two spaces before it; one where the line before fits so: a left column's line that
    fills it to the gutter) or starts at or after it."""
    if len(line) <= column:
        return True
    tokens = line.split()
    if sum(len(t) == 1 for t in tokens) * 2 > len(tokens):
        return False  # a letter-spaced heading across the page ("S T R A T E G I S K   S A M A R B E J D S ...")
    return line[column - 2:column] == "  " or after_fit and line[column - 1] == " " and line[column] != " "


def _runs(lines: Sequence[str], column: int) -> list[tuple[int, int]]:
    """The runs of lines (start, end) that read as two columns split at ``column``."""
    runs = []
    k = 0
    while k < len(lines):
        if not _fits(lines[k], column) or not lines[k].strip():
            k += 1
            continue
        start = k
        while k < len(lines) and _fits(lines[k], column, k > start and _fits(lines[k - 1], column)):
            k += 1
        end = k
        while end > start and not lines[end - 1].strip():
            end -= 1
        both = [(lines[j][:column].strip(), lines[j][column:].strip()) for j in range(start, end)]
        paired = [(a, b) for a, b in both if a and b]
        if len(paired) >= _MIN_LINES and sum(len(a) for a, _ in paired) / len(paired) >= _MIN_SIDE \
                and sum(len(b) for _, b in paired) / len(paired) >= _MIN_SIDE \
                and sum("   " in b for _, b in paired) * 4 < len(paired):  # (a table's further columns)
            runs.append((start, end))
    return runs
