"""Tables a PDF's text came out of column by column: each column's head, then its cells one a
line, then the next column ("Navn", four names, "Funktion", four titles, "E-mail", four
addresses, "Telefon", four numbers). The columns are put back side by side as tab rows, the
form the table readers know (loaders/extract/tables.py, contact_tables.py).

A block is two or more such columns in a row, each a head the table vocabulary knows (a
person's name, title, organisation, e-mail, phone, department, dwellings, ...) over the same
number (two or more) of short lines that are no heads; a name column among them, or three
columns. Every line keeps its place: the rows are written where the first column's head and
cells stood, the other lines become ``DROPPED``.
"""
from __future__ import annotations

from collections.abc import Sequence

from samspil.loaders.space_tables import DROPPED

__all__ = ["column_lines_tables"]

_MAX_CELL = 80
_MAX_ROWS = 40


def column_lines_tables(lines: Sequence[str]) -> list[str]:
    """``lines`` with tables copied column by column made rows of tabbed cells.

    >>> column_lines_tables(["Navn", "Ida Holm", "Ole Berg", "Funktion", "Leder", "Konsulent", "Telefon",
    ...                      "2233 4455", "6677 8899", "", "Tekst."])[:4]
    ['Navn\\tFunktion\\tTelefon', 'Ida Holm\\tLeder\\t2233 4455', 'Ole Berg\\tKonsulent\\t6677 8899', '|---|']
    """
    from samspil.loaders.extract.tables import column_kind

    out = list(lines)
    i = 0
    while i < len(out) - 5:
        columns = _columns(out, i, column_kind)
        if columns is None:
            i += 1
            continue
        n = len(columns[0][1])
        rows = [[head for head, _ in columns]] + [[cells[r] for _, cells in columns] for r in range(n)]
        end = i + len(columns) * (n + 1)
        out[i:end] = ["\t".join(row) for row in rows] + [DROPPED] * (end - i - len(rows))
        i = end
    return out


def _columns(lines: list[str], i: int, kind) -> list[tuple[str, list[str]]] | None:
    """The columns of a block starting at line ``i`` (head, cells), else None."""
    if not _head(lines[i], kind):
        return None
    columns: list[tuple[str, list[str]]] = []
    k = i
    while k < len(lines) and _head(lines[k], kind):
        cells = []
        j = k + 1
        while j < len(lines) and len(cells) < _MAX_ROWS and _cell(lines[j]) and not _head(lines[j], kind):
            cells.append(lines[j].strip())
            j += 1
        if len(cells) < 2 or columns and len(cells) != len(columns[0][1]):
            break
        columns.append((lines[k].strip().rstrip(":"), cells))
        k = j
    kinds = [kind(head) for head, _ in columns]
    heads = [head.casefold() for head, _ in columns]
    if len(columns) < 2 or len(set(heads)) < len(heads) or len(set(kinds)) < 2 \
            or "person" not in kinds and len(columns) < 3:
        return None
    return columns


def _head(line: str, kind) -> bool:
    text = line.strip().rstrip(":")
    return 0 < len(text) <= 30 and "\t" not in text and kind(text) is not None


def _cell(line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= _MAX_CELL and "\t" not in text and text != DROPPED
