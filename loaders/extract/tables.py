"""Tables of a document: head rows, what each column holds, and the rows under them.

The readers give a table's row as one line with a tab between its cells (.docx,
.pdf, HTML and markdown tables, and text aligned with spaces; see
``loaders/space_tables.py``). A *head row* is a row whose cells are column heads
("Afdeling | Boligorganisation | Antal boliger | Bydel", "Aktivitet | Målgruppe |
Samarbejdspartnere"); the kind of each column comes from ``vocab/tables.yaml``.
The rows under a head row, up to the first line that is no row, belong to it.

Extractors ask two things: which cells of a row can never name an organisation
(an activity's name, a target group, a count: :func:`non_org_cells`), and the
rows of tables with given columns (:func:`tables`, for departments with their
owner, dwellings and district).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from samspil.loaders.document import Document
from samspil.loaders.extract.text import strip_markup
from samspil.loaders.vocab import load_vocab

__all__ = ["Table", "column_kind", "head_kinds", "tables", "non_org_cells", "org_list_cells", "is_data_head"]


@dataclass
class Table:
    """A head row (line index, its cells' kinds) and its rows (line index, cells)."""

    head: int
    kinds: list[str | None]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)

    def column(self, kind: str) -> int | None:
        return self.kinds.index(kind) if kind in self.kinds else None

    def cell(self, cells: list[str], kind: str) -> str | None:
        """The row's cell in the column of ``kind``, when the row has every column
        (an empty cell is lost with its tab, and then the columns cannot be told)."""
        col = self.column(kind)
        if col is None or len(cells) != len(self.kinds):
            return None
        return cells[col].strip() or None


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    columns = load_vocab("tables").get("columns", {})
    return [(kind, re.compile("|".join(f"(?:{p})" for p in pats), re.I)) for kind, pats in columns.items()]


# a word that qualifies a column's head ("Primære samarbejdspartnere", "Vigtigste aktiviteter")
_QUALIFIER = re.compile(r"^(?:primære|vigtigste|væsentligste|centrale|øvrige|eksterne|lokale|planlagte|konkrete"
                        r"|nye|relevante|involverede|tilknyttede)\s+(?=\S)")


_YEAR_AFTER = re.compile(r"(?<=[a-zæøå)])\s+(?:19|20)\d\d$")  # "Deltagere 2022", "Mål 2026": the year's column
_NOTE_AFTER = re.compile(r"(?<=[a-zæøå])\s+\((?:foreløbig(?:e)?|planlagte?|udvalgte|eksempler|fx|bl\.a\.|uddrag"
                         r"|[a-zæøå]{4,16})\)$")  # a qualifying note after the head's words: "Aktiviteter (foreløbige)",
# "Målgruppe (registreret)"
_PLURAL_NOTE = re.compile(r"(?<=[a-zæøå])\((e|r|er|erne)\)$")  # "Samarbejdspartner(e)": the plural's ending


@lru_cache(maxsize=4096)
def column_kind(head: str) -> str | None:
    """The kind of column a head cell names, or None.

    >>> column_kind("Antal boliger"), column_kind("Målgruppe:"), column_kind("Folehaven")
    ('units', 'target', None)
    >>> column_kind("Ansvarlig / medvirkende"), column_kind("Hvem er med"), column_kind("Indsats- område")
    ('partner', 'target', 'focus_area')
    """
    text = _YEAR_AFTER.sub("", _QUALIFIER.sub("", " ".join(head.strip(" :*").split()).casefold()))
    if text[-1:] == ")":
        text = _PLURAL_NOTE.sub(r"\1", _NOTE_AFTER.sub("", text))
    for kind, pattern in _patterns():
        if pattern.fullmatch(text):
            return kind
    if "/" in text and len(parts := text.split("/")) == 2 and all(parts):
        kinds = [column_kind(part) for part in parts]  # "Ansvarlig / medvirkende": both kinds, the partners win
        if None not in kinds:
            return "partner" if "partner" in kinds else kinds[0]
    if "- " in text and (joined := _BROKEN_WORD.sub("", text)) != text:
        return column_kind(joined)  # "Indsats- område": a head's word broken across its cell's lines
    return None


_BROKEN_WORD = re.compile(r"(?<=\w)- (?=[a-zæøå])")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in strip_markup(line).split("\t")]


def head_kinds(line: str) -> list[str | None] | None:
    """The column kinds of a head row, or None when ``line`` is no head row (two or
    more cells, all column heads but at most one, the first always one).

    >>> head_kinds("Aktivitet\\tMålgruppe\\tSamarbejdspartnere")
    ['activity', 'target', 'partner']
    >>> head_kinds("Folehaven\\tBoligforeningen 3B\\t973") is None
    True
    """
    if "\t" not in line:
        return None
    cells = _cells(line)
    if len(cells) < 2 or any(len(c) > 40 for c in cells):
        return None
    kinds = named_activities([column_kind(c) for c in cells], cells)
    if kinds[0] is None and len(kinds) >= 3 and _SHORT_HEAD.fullmatch(cells[0]) and None not in kinds[1:]:
        kinds[0] = "number"  # "Akt. | Navn | Indsatsområde | ...": a short form over the rows' codes ("I.1", "II.2")
    if kinds[0] is None or sum(k is None for k in kinds) > (1 if len(kinds) >= 3 else 0):
        return None
    if "department" in kinds and "owner" in kinds and "person" in kinds:  # "Afd. | Navn | Boligorg. | Lejemål":
        kinds = ["department" if k == "person" and c.strip(" :").casefold() == "navn" else k  # the name is
                 for k, c in zip(kinds, cells)]  # the department's, not a person's
    if kinds[0] == "district" and "department" not in kinds and "owner" in kinds and "units" in kinds:
        kinds = ["department", *kinds[1:]]  # "Område | Ejer | Boliger": each row an area its owner holds, with its
        # dwellings: a department (a bydel's column has no owner and no dwellings of its own)
    if kinds.count("department") > 1:  # "Afd. nr. | Afdeling | ...": the department's number, then its name
        kinds = [("number" if k == "department" and _DEPARTMENT_NUMBER.fullmatch(c.strip(" :").casefold()) else k)
                 for k, c in zip(kinds, cells)]
    return kinds


_SHORT_HEAD = re.compile(r"[A-ZÆØÅ][a-zæøå]{1,3}\.")
_NAME_HEAD = re.compile(r"^\W*navn\W*$", re.I)
_CONTACT_KINDS = frozenset(("title", "contact", "organisation"))


def named_activities(kinds: list[str | None], cells: list[str]) -> list[str | None]:
    """``kinds`` with a "Navn" column read as the activities' names where the table has no activity
    column, but two of an activity table's (focus area, target group, partners) and no contact's
    (title, e-mail, phone): "Akt. | Navn | Indsatsområde | Målgruppe | Partnere" lists activities
    (a table of people has no area or target column, and has their titles or details)."""
    if "activity" not in kinds and kinds.count("person") == 1 and _NAME_HEAD.match(cells[kinds.index("person")]) \
            and len({"focus_area", "target", "partner"} & set(kinds)) >= 2 and not _CONTACT_KINDS & set(kinds):
        kinds = list(kinds)
        kinds[kinds.index("person")] = "activity"
    return kinds


_DEPARTMENT_NUMBER = re.compile(r"(?:afd(?:elings?|\.)?\s*)?(?:nr\.?|nummer)|afd\.?")


def _not_org_kinds() -> frozenset[str]:
    return frozenset(load_vocab("tables").get("not_organisations", []))


@lru_cache(maxsize=1)
def _starts_with_head():
    """``space_tables.starts_with_head``, imported at the first call (it imports this module;
    an import statement in is_data_head would cost ~1-2 µs a call)."""
    from samspil.loaders.space_tables import starts_with_head

    return starts_with_head


def is_data_head(line: str) -> bool:
    """A head row of a table of activities, departments or figures (not of parties or
    contacts): its rows name no signing party."""
    kinds = head_kinds(line)
    if kinds is None and "\t" not in line and line[:1].isupper():  # a head row with its rows run onto it
        return _starts_with_head()(line)
    return kinds is not None and any(k in {"activity", "target", "department", "units", "money"} for k in kinds)


def tables(doc: Document) -> list[Table]:
    """Every table of the document that has a head row."""
    return doc.memo("tables", lambda: _tables(doc))


def _tables(doc: Document) -> list[Table]:
    out: list[Table] = []
    current: Table | None = None
    lines = doc.lines
    for i, line in enumerate(lines):
        if "\t" not in line:
            if line.strip() and current is not None and current.rows and not _cell_first_line(line, lines, i):
                current = None  # the first line that is no row ends the table
            continue
        if (kinds := head_kinds(line)) is not None:
            current = Table(i, kinds)
            out.append(current)
        elif current is not None:
            current.rows.append((i, _cells(line)))
    return out


def _cell_first_line(line: str, lines: list[str], i: int) -> bool:
    """A short name over a row whose first cell is a department's number alone ("Sundblik" over "afd. 24<TAB>40"):
    the first line of a cell broken by a soft line break (a Word table's), not the table's end."""
    nxt = lines[i + 1] if i + 1 < len(lines) else ""
    return "\t" in nxt and len(line) <= 40 and line[:1].isupper() and len(line.split()) <= 4 \
        and CODE_CELL_ONLY.fullmatch(nxt.split("\t", 1)[0].strip()) is not None


CODE_CELL_ONLY = re.compile(r"(?i:afd(?:eling|\.)?)\s*\d{1,4}[a-z]?")


def non_org_cells(doc: Document) -> dict[int, set[int]]:
    """Line index -> indexes of the cells that never name an organisation: every cell
    of a head row, and the cells of a row in columns such as activity, target group,
    dwellings (``not_organisations`` in ``vocab/tables.yaml``)."""
    return doc.memo("non_org_cells", lambda: _non_org_cells(doc))


def _non_org_cells(doc: Document) -> dict[int, set[int]]:
    skip = _not_org_kinds()
    out: dict[int, set[int]] = {}
    for table in tables(doc):
        out[table.head] = set(range(len(table.kinds)))
        for i, cells in table.rows:
            if len(cells) == len(table.kinds):
                cols = {k for k, kind in enumerate(table.kinds) if kind in skip}
            else:  # a lost empty cell: only the first column is sure
                cols = {0} if table.kinds[0] in skip else set()
            if cols:
                out[i] = cols
    return out


def org_list_cells(doc: Document) -> dict[int, set[int]]:
    """Line index -> indexes of the cells in a partner column ("Samarbejdspartnere"):
    each a list of organisations, read as a "Samarbejdspartnere:" field is. A row short
    of cells keeps its last cell there when the partner column is the last."""
    return doc.memo("org_list_cells", lambda: _org_list_cells(doc))


def _org_list_cells(doc: Document) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for table in tables(doc):
        if "partner" not in table.kinds or table.kinds.count("partner") > 1:
            continue
        col = table.kinds.index("partner")
        for i, cells in table.rows:
            if len(cells) == len(table.kinds) or (len(cells) > len(table.kinds) and not cells[0]):
                out[i] = {col}  # (a row with more cells, under an empty first: the rows of a table nested in a cell)
            elif col == len(table.kinds) - 1 and len(cells) >= 2 and table.kinds[0] in _not_org_kinds():
                out[i] = {len(cells) - 1}
    return out
