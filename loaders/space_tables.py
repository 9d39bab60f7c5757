"""Tables laid out with spaces in plain text, their cells given tab-separated.

A text copy of a table often aligns its columns with runs of spaces::

    Afdeling              Boligorganisation     Antal boliger   Bydel
    Afd. 4 Engparken      Boligselskabet Fjord  310             Vestbyen

Normalisation squeezes runs of spaces into one, and the columns would be lost;
so before that, a block of such lines gets a tab at each column gap, as the
readers give a .docx or .pdf table's cells. A block counts as a table only when
it has a head row and at least two more rows of two or more cells, every cell
starting where one of the head row's cells starts: letter-spaced text (whose
double spaces are word breaks) and indented prose never line up so.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["tab_space_tables"]

_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_SLACK = 1  # characters a cell may start off its column (a hand-aligned copy)


def _starts(line: str) -> list[int]:
    """Where the cells of a space-aligned line start (the first at its indentation)."""
    body = line.rstrip()
    return [len(body) - len(body.lstrip())] + [m.end() for m in _GAP.finditer(body)]


def _fits(starts: list[int], columns: list[int]) -> bool:
    return len(starts) >= 2 and all(any(abs(s - c) <= _SLACK for c in columns) for s in starts)


def _block_end(lines: Sequence[str], head: int) -> int:
    """The line after the last row of a table whose head row is ``lines[head]``."""
    columns = _starts(lines[head])
    end = head + 1
    while end < len(lines) and "\t" not in lines[end] and _fits(_starts(lines[end]), columns):
        end += 1
    return end


def _tabbed(line: str, columns: list[int]) -> str:
    """The line's cells tab-separated, each in its column (an empty cell kept empty:
    "I alt" and a count under the third head cell give "I alt<TAB><TAB>1.744")."""
    body = line.rstrip()
    starts = _starts(body)
    cells = [""] * len(columns)
    for k, s in enumerate(starts):
        col = min(range(len(columns)), key=lambda c: abs(columns[c] - s))
        end = starts[k + 1] if k + 1 < len(starts) else len(body)
        cells[col] = " ".join([cells[col], body[s:end].strip()]).strip()
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


def tab_space_tables(lines: Sequence[str]) -> list[str]:
    """``lines`` with the column gaps of space-aligned tables made tabs.

    >>> rows = ["Afdeling        Ejer       Boliger", "Engparken       Fjord      310",
    ...         "Toften II       Bo-Vest    96", "", "Almindelig tekst  med et dobbelt mellemrum."]
    >>> tab_space_tables(rows)[:3]
    ['Afdeling\\tEjer\\tBoliger', 'Engparken\\tFjord\\t310', 'Toften II\\tBo-Vest\\t96']
    >>> tab_space_tables(rows)[4]
    'Almindelig tekst  med et dobbelt mellemrum.'
    """
    out = list(lines)
    i = 0
    while i < len(out):
        line = out[i]
        if "  " not in line or "\t" in line or len(_starts(line)) < 3:
            i += 1
            continue
        end = _block_end(out, i)
        if end - i >= 3:
            columns = _starts(out[i])
            out[i:end] = [_tabbed(ln, columns) for ln in out[i:end]]
            i = end
        else:
            i += 1
    return out
