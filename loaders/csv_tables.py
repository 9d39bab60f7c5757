"""Spreadsheets exported as text: semicolon-separated rows (CSV as Danish Excel writes it)
inside an agreement's text file.

An annex of activities, departments or contacts is often kept in a spreadsheet and pasted
or exported as CSV: ``aktivitet;indsatsomraade;maalgruppe;partnere`` over one row per
activity, cells in quotes when they hold a semicolon or a line break, Excel's hint line
``sep=;`` above, and numbers kept as text written ``="2384 5561"``. Each such block is made
a tab table - the form the table readers know (loaders/extract/tables.py) - by Python's own
CSV reader; a quoted cell's line breaks are joined, and the head row's machine spellings
are read as words ("indsatsomraade" -> "indsatsområde", "afd_nr" -> "afd nr").

A block is three or more rows of the same number (three or more) of cells, or two under
``sep=;``; a semicolon in prose ("A; B og C") never makes three such lines in a row.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Sequence

__all__ = ["csv_tables"]

_SEP_HINT = re.compile(r"^\s*sep=;\s*$", re.I)
_EXCEL_TEXT = re.compile(r'^="(.*)"$', re.S)  # ="2384 5561": a number kept as text
_MIN_CELLS = 3


def csv_tables(lines: Sequence[str]) -> list[str]:
    """``lines`` with each semicolon-separated block made tab rows (a quoted cell's line
    breaks joined: the lines it took become empty, so every line keeps its place).

    >>> csv_tables(["sep=;", "afd_nr;afdeling;lejemaal", "3;Strandmarken;84", '7;"Kirke-', 'vejen";60', "Slut."])
    ['', 'afd nr\\tafdeling\\tlejemål', '3\\tStrandmarken\\t84', '7\\tKirke- vejen\\t60', '', 'Slut.']
    """
    if sum(line.count(";") >= _MIN_CELLS - 1 for line in lines) < 2:
        return list(lines)
    out = list(lines)
    k = 0
    while k < len(lines):
        hinted = bool(_SEP_HINT.match(lines[k]))
        start = k + 1 if hinted else k
        rows = _rows(lines, start)
        if len(rows) >= (2 if hinted else 3):
            if hinted:
                out[k] = ""
            for n, (first, last, cells) in enumerate(rows):
                out[first] = "\t".join(_caption_head(cells) if n == 0 else cells)
                for j in range(first + 1, last + 1):
                    out[j] = ""
            k = rows[-1][1] + 1
        else:
            k += 1
    return out


_CAPTION = re.compile(r"^\(?[^()]*?(?:\s[–—-]\s|:\s*)")  # "(kopieret fra regnearket – ", "Kolonner: "


def _caption_head(cells: Sequence[str]) -> list[str]:
    """A block's head row as words (:func:`_head`); a caption written before its first cell, in brackets or not,
    left out ("(kopieret fra regnearket – Aktivitet;Delaftale;Status;Samarbejde)"), when the rest are column heads."""
    from samspil.loaders.extract.tables import column_kind

    heads = [_head(c) for c in cells]
    if column_kind(heads[0]) is None and (m := _CAPTION.match(heads[0])) and column_kind(heads[0][m.end():]):
        heads[0] = heads[0][m.end():]
        if heads[0] != cells[0] and heads[-1].endswith(")") and heads[-1].count(")") > heads[-1].count("("):
            heads[-1] = heads[-1][:-1]
    return heads


def _rows(lines: Sequence[str], start: int) -> list[tuple[int, int, list[str]]]:
    """The rows of a block from line ``start``: (first line, last line, cells), each with as
    many cells as the first."""
    rows: list[tuple[int, int, list[str]]] = []
    k = start
    while k < len(lines) and lines[k].count(";") >= _MIN_CELLS - 1 or rows and k < len(lines) and ";" in lines[k]:
        text, last = lines[k], k
        while text.count('"') % 2 and last + 1 < len(lines) and last - k < 5:  # a quoted cell's line break
            last += 1
            text += "\n" + lines[last]
        cells = next(csv.reader([text], delimiter=";"), [])
        if len(cells) < _MIN_CELLS or rows and len(cells) != len(rows[0][2]):
            break
        rows.append((k, last, [_cell(c) for c in cells]))
        k = last + 1
    return rows


def _cell(text: str) -> str:
    text = " ".join(text.split())
    m = _EXCEL_TEXT.match(text)
    return m.group(1) if m else text


def _head(text: str) -> str:
    """A head cell's machine spelling read as words: 'maal_2024' -> 'mål 2024'."""
    from samspil.loaders.ascii_danish import restore_letters

    return restore_letters(text.replace("_", " "))
