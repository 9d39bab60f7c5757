"""Tables of people whose line breaks were lost: the cells still stand between ``|``.

A table copied from a web page or flattened with its text keeps its cells but not its
rows: a Markdown table keeps ``| |`` between rows, a plain one runs a row's last cell
into the next row's first ("... | ped@vejle.dk | Ole Bak | Vejleder | ..." after an
empty phone cell; "... | jf@vejle.dk 7681 0000 Sara Lind | ..."). The head row still
names the columns (:mod:`contact_tables`), so the cells can be dealt out row by row: a
Markdown row between its ``| |``, a plain row's last cell cut after its e-mail, phone or
title words, the rest opening the next row.
"""
from __future__ import annotations

import re

from samspil.loaders.extract.contact_tables import KIND, person_row
from samspil.loaders.extract.flat_gap_rows import gap_person_tables
from samspil.loaders.extract.people import Person, is_title_word
from samspil.loaders.extract.text import EMAIL, PHONE

__all__ = ["flat_person_tables", "flat_table_lines"]

_DETAIL = re.compile(r"^(?:\s*(?:" + EMAIL.pattern + r"|" + PHONE.pattern
                     + r"|(?:tlf|telefon|mobil|mail|e-mail)\.?:?))+", re.I)
_PARTY = re.compile(r"\bparter\b", re.I)


def flat_person_tables(line: str) -> list[tuple[bool, list[tuple[str | None, Person | None]]]]:
    """(whether the table lists parties, its rows as (organisation, person)) of each table of
    people in one long line."""
    if line.count("|") < 4:
        return []
    cells = [c.strip() for c in line.split("|")]
    out = []
    k = 0
    while k < len(cells):
        found = _head_at(cells, k)
        if found is None:
            k += 1
            continue
        kinds, end, rest, before = found
        rows, k = _rows(cells, end, kinds, rest)
        if rows:
            out.append((bool(_PARTY.search(before[-40:])), rows))
    return out


def _head_at(cells: list[str], k: int):
    """A head row starting at cell ``k`` (its first cell may carry the words before it, its last
    the next row's first cell): (kinds, index after it, text run onto it, text before it)."""
    words = cells[k].split()
    if not words or KIND.get(words[-1].casefold()) is None:
        return None
    kinds, j = [KIND[words[-1].casefold()]], k + 1
    while j < len(cells) and KIND.get(cells[j].casefold()) is not None:
        kinds.append(KIND[cells[j].casefold()])
        j += 1
    rest = ""
    if j < len(cells) and cells[j] and (first := cells[j].split()[0].casefold()) in KIND and " " in cells[j]:
        kinds.append(KIND[first])  # "Telefon Maria Holm": the last head cell and the first row's cell
        rest = cells[j].split(" ", 1)[1]
        j += 1
    before = " ".join(cells[max(0, k - 1):k] + [" ".join(words[:-1])])
    if not rest and j + 1 < len(cells) and cells[j] == "" and _is_rule(cells[j + 1]):
        rule = next((m for m in range(j + 1, len(cells)) if not _is_rule(cells[m])), len(cells)) - j - 1
        if 0 < rule < len(kinds):  # "| Parter | Part | Navn |" over "|---|---|": a heading, then the head
            before += " " + " ".join(cells[k:k + len(kinds) - rule])
            kinds = kinds[len(kinds) - rule:]
    if "name" not in kinds or not {"org", "title", "email", "phone", "details"} & set(kinds):
        return None
    return kinds, j, rest, before


def _is_rule(cell: str) -> bool:
    return bool(cell) and set(cell) <= {"-", ":"}


def _rows(cells: list[str], j: int, kinds: list[str], rest: str):
    n = len(kinds)
    if not rest and j + 1 < len(cells) and cells[j] == "" and _is_rule(cells[j + 1]):
        return _markdown_rows(cells, j, n, kinds)
    rows = []
    first = rest
    while j + n - 1 <= len(cells):
        row = [first, *cells[j:j + n - 1]] if first else cells[j:j + n]
        j += n - 1 if first else n
        last, first = _split_last(row[-1], kinds[-1])
        row[-1] = last
        org, person = person_row(row, kinds)
        if person is None:
            break
        rows.append((org, person))
        if not first:
            break
    return rows, j


def _markdown_rows(cells: list[str], j: int, n: int, kinds: list[str]):
    j += 1
    while j < len(cells) and _is_rule(cells[j]):
        j += 1
    j += j < len(cells) and cells[j] == ""  # the "| |" between the rule and the first row
    rows = []
    while j + n <= len(cells):  # each row between "| |"
        row = cells[j:j + n]
        org, person = person_row(row, kinds)
        if person is None and org is None:
            break
        rows.append((org, person))
        j += n
        if j < len(cells) and cells[j] == "":
            j += 1
        else:
            break
    return [r for r in rows if r[1] is not None or r[0]], j


def _split_last(cell: str, kind: str) -> tuple[str, str]:
    """A plain row's last cell run into the next row's first: where the last cell ends."""
    if kind in ("email", "phone", "details"):
        m = _DETAIL.match(cell)
        at = m.end() if m else 0
    elif kind == "title":
        words = cell.split()
        n = next((i for i, w in enumerate(words) if not (is_title_word(w) or w[:1].islower())), len(words))
        at = len(" ".join(words[:n]))
    else:
        return cell, ""
    return cell[:at].strip(), cell[at:].strip()


def flat_table_lines(lines: list[str], skip: set[int], names: bool = True):
    """(first line, its tables) of each run of lines that holds a table of people with its
    head row inside a line: the rows after it continue on the next lines that hold cells
    (a row's end was cut into a line's end), joined back here. ``names``: False when no line
    holds "Navn" (no table of people without cell marks: its head row names the person's column)."""
    i = 0
    while i < len(lines):
        if names and "Navn" in lines[i] and "|" not in lines[i] and i not in skip:  # tabs or spaces, lost
            if tables := gap_person_tables(lines[i], lines[i + 1: i + 40]):
                yield i, tables
            i += 1
            continue
        if i in skip or lines[i].count("|") < 2 or not any(w.casefold().strip(":") in KIND for w in lines[i].split()):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and j not in skip and " | " in lines[j] and j - i < 40:
            j += 1
        tables = flat_person_tables(" ".join(lines[i:j]))
        if tables:
            yield i, tables
        i = j
