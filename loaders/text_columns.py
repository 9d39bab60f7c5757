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

__all__ = ["split_cards", "split_columns", "tab_signatures"]

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
                and sum("   " in b for _, b in paired) * 4 < len(paired) \
                and sum("   " in a for a, _ in paired) * 4 < len(paired):  # (a table's further columns, either side)
            runs.append((start, end))
    return runs


_CONTACT = re.compile(r"@|\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b")  # an e-mail or a Danish phone number
_FRAMED = re.compile(r"[│┃║|┌└╔╚]")
_CARD_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
# a cell of a table's column of details, or its head: a phone number, an e-mail, a dash for none, "Tlf.", "Mail"
_DETAIL_CELL = re.compile(r"(?:\+45 ?)?\d{2} ?\d{2} ?\d{2} ?\d{2}|\S+@\S+|[-–—]|(?i:tlf\.?|telefon|mobil|e-?mail|mail)"
                          r"(?:\s\S+)?")


def split_cards(lines: Sequence[str], origins: Sequence[Origin]) -> tuple[list[str], list[Origin]]:
    """``lines`` with people's cards set side by side (a web page's staff, copied with its layout)
    read card by card::

        Amalie Frost Kjærulff                   Yusuf Emre Toprak
        Boligsocial leder, Dyssegård Dialog     Ungemedarbejder, Dyssegård Dialog
        Tlf. 51 84 29 06                        Tlf. 51 84 29 07

    A run of three or more lines whose second card starts at one column on each (after a gap of
    three spaces or more), with an e-mail or a phone number in both cards, is read as its left card,
    a blank line and its right card (a third card on the right is split off the same way).

    >>> split_cards(["  Anna Holm          Bo Ravn", "  Leder, Bo Sammen   Medarbejder", "  ah@x.dk            br@x.dk"],
    ...             [(k, None) for k in range(1, 4)])[0]
    ['  Anna Holm', '  Leder, Bo Sammen', '  ah@x.dk', '', 'Bo Ravn', 'Medarbejder', 'br@x.dk']
    """
    if not any("   " in line and _CONTACT.search(line) for line in lines):
        return list(lines), list(origins)
    out: list[str] = []
    out_origins: list[Origin] = []
    k = 0
    while k < len(lines):
        run = _card_run(lines, k)
        if run is None:
            out.append(lines[k])
            out_origins.append(origins[k])
            k += 1
            continue
        end, column = run
        left = [lines[j][:column].rstrip() for j in range(k, end)]
        right = [lines[j][column:].strip() for j in range(k, end)]
        more, more_origins = split_cards(right, origins[k:end])  # (a third card beside the second)
        out += [line for line in left if line.strip()] + [""] + [line for line in more if line.strip()]
        out_origins += [o for o, line in zip(origins[k:end], left) if line.strip()] + [origins[end - 1]] \
            + [o for o, line in zip(more_origins, more) if line.strip()]
        k = end
    return out, out_origins


def _card_run(lines: Sequence[str], k: int) -> tuple[int, int] | None:
    """(end, column) of a run of cards side by side starting at line ``k``, or None."""
    gap = _CARD_GAP.search(lines[k])
    if gap is None or _FRAMED.search(lines[k]):
        return None  # (cards in box frames: normalise.boxed_cards)
    column = gap.end()
    end = k
    while end < len(lines) and lines[end].strip() and len(lines[end]) > column and lines[end][column] != " " \
            and lines[end][column - 2:column] == "  ":
        end += 1
    if end - k < 3:
        return None
    left = " ".join(lines[j][:column] for j in range(k, end))
    right = " ".join(lines[j][column:] for j in range(k, end))
    if all(_DETAIL_CELL.fullmatch(lines[j][:column].strip()) for j in range(k, end)):
        return None  # a table's column of phone numbers or e-mails (under its head): no card has only those
    return (end, column) if _CONTACT.search(left) and _CONTACT.search(right) else None


_RULES = re.compile(r"[_.]{5,}(?:\s{3,}[_.]{5,}){1,3}")  # the lines signed on, side by side
_DATED = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\bden\s+\d{1,2}\.")  # a place and date under a signature


def tab_signatures(lines: Sequence[str]) -> list[str]:
    r"""Signatures set side by side in columns of spaces, names over titles ("Preben Storm      Anni Kloster"
    over "Direktør, VKB      Formand, Harboørebo"), with tabs between their cells (read as the tab
    signature table a Word copy gives): a line of two to four people's names (each opening with a known
    first name) and the line or two under it with as many cells starting at the same columns.

    >>> tab_signatures(["Anna Holm Berg        Ole Ravn", "Direktør, Bo Nord     Borgmester, X Kommune"])
    ['Anna Holm Berg\tOle Ravn', 'Direktør, Bo Nord\tBorgmester, X Kommune']
    """
    if not any("   " in line for line in lines):
        return list(lines)
    from samspil.loaders.gazetteer import is_first_name

    out = list(lines)
    for k, line in enumerate(lines):
        if "   " not in line or "\t" in line:
            continue
        cells = _cells(line)
        names = [c.split(",")[0] for _, c in cells]  # ("Rikke Holt, direktør": the title after the name)
        if not 2 <= len(cells) <= 4 or not all(2 <= len(n.split()) <= 4 and is_first_name(n.split()[0])
                                                and all(w[:1].isupper() for w in n.split()) for n in names):
            continue
        below = k + 1
        while below < len(lines) and below <= k + 2 and (row := _cells(lines[below])) and len(row) == len(cells) \
                and _beside(row, cells) and not _DATED.search(lines[below]):
            out[below] = "\t".join(c for _, c in row)
            below += 1
        signed = k and _RULES.fullmatch(lines[k - 1].strip()) and len(rules := _cells(lines[k - 1])) == len(cells) \
            and _beside(rules, cells) and any("," in c for _, c in cells)
        if below > k + 1 or signed:  # (the names under the lines signed on, each title after its name)
            out[k] = "\t".join(c for _, c in cells)
            above = k - 1  # ("For Vojens Boligselskab      For Boligforeningen Sydhjem" over the names, perhaps
            while above >= 0 and above >= k - 4 and "\t" not in lines[above]:  # the lines signed on between)
                if lines[above].strip():
                    row = _cells(lines[above])
                    if len(row) != len(cells) or not _beside(row, cells):
                        break
                    out[above] = "\t".join(c for _, c in row)
                above -= 1
    return out


def _beside(row: list[tuple[int, str]], names: list[tuple[int, str]]) -> bool:
    """Are ``row``'s cells the signature columns of the names' cells: starting at the same columns,
    or, where a PDF copy collapsed each gap to a few spaces ("For X Kommune   For Boligselskabet Y" over
    "Anna Holm Berg   Ole Ravn"), each gap as narrow in both lines, so the columns cannot have lined up."""
    if all(abs(a - b) <= 4 for (a, _), (b, _) in zip(row, names)):
        return True
    return all(_gap_before(row, j) <= 4 and _gap_before(names, j) <= 4 for j in range(1, len(row)))


def _gap_before(cells: list[tuple[int, str]], j: int) -> int:
    """The spaces between cell ``j - 1``'s end and cell ``j``'s start."""
    return cells[j][0] - cells[j - 1][0] - len(cells[j - 1][1])


def _cells(line: str) -> list[tuple[int, str]]:
    """(start, text) of the cells of a line whose cells are three spaces or more apart."""
    cells = []
    for part in re.finditer(r"\S.*?(?=\s{3,}|\s*$)", line):
        cells.append((part.start(), part.group(0).strip()))
    return cells
