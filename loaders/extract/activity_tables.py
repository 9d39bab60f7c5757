"""Tables of activities, one a row, read by what each column holds.

A head row names an activity column (``Aktivitet``, ``Aktivitetens navn``, ``Projekt``,
``Indsats``, ``Tiltag``) and any of focus area (``Indsatsområde``, ``Indsatsomr.``,
``Tema``; an ``Område`` column in a table of activities), target group (``Målgruppe``,
``Målgr.``), partners, responsible, budget, description and number columns, in any
order (``tables.column_kind``, ``vocab/tables.yaml``). Cells are split by tabs (.docx,
.pdf, markdown and space-aligned tables all arrive so), pipes or runs of spaces. Each
row below is an activity: its name from the activity column (an id in front cut off),
its target groups from the target column, its focus area from the focus column (a code
such as ``B`` is the focus area a list ``B. Beskæftigelse`` names; an empty cell repeats
the row above), else the enclosing delaftale's or section's. Partners' cells are read as
lists of organisations elsewhere (``tables.org_list_cells``).

Tables whose line breaks were lost are read where their rows can still be told apart:
markdown rows run together, cells apart by `` | ``, and a table flattened to words whose
Målgruppe column follows the name (:func:`flat_table_rows`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from samspil.loaders.document import Document
from samspil.loaders.extract.activity_lists import Block, outline_focus
from samspil.loaders.extract.sections import DELAFTALE, FOCUS_HEAD, _sentence_case, focus_area_at
from samspil.loaders.extract.tables import column_kind, head_kinds, named_activities
from samspil.loaders.extract.flat_activity_tables import quoted_items
from samspil.loaders.extract.text import clean

__all__ = ["Columns", "activity_columns", "flat_table_rows", "focus_code", "table_blocks"]


@dataclass(frozen=True)
class Columns:
    """The columns of an activity table that the reader uses (None: the table has none)."""

    name: int
    target: int | None
    focus: int | None
    spaced: bool = False  # cells apart by runs of spaces (not yet tabs)
    place: bool = False  # the focus column is headed as a place ("Område"): a place is no focus area


# Kinds that make a head row with an activity column a table of activities (a budget's
# "Aktivitet | 2025 | 2026" lists activities too, but is read where they are described).
_CONTENT_KINDS = frozenset({"target", "partner", "focus_area", "description", "responsible", "district", "zone",
                            "person"})


def activity_columns(cells: list[str], spaced: bool = False) -> Columns | None:
    """The columns of an activity table's head row, or None when ``cells`` is no such row.

    >>> activity_columns(["Indsatsområde", "Aktivitet", "Målgr.", "Samarb."])
    Columns(name=1, target=2, focus=0, spaced=False, place=False)
    >>> activity_columns(["Nr", "Indsats", "Område", "Parter"]).focus, activity_columns(["Aktivitet", "2025"])
    (2, None)
    """
    kinds = named_activities([column_kind(c) if c and len(c) <= 40 else None for c in cells], cells)  # ("Navn")
    if "activity" not in kinds or not _CONTENT_KINDS & set(kinds):
        return None
    if sum(1 for c, k in zip(cells, kinds) if c and k is None and not _CODE_HEAD.match(c)) > (len(cells) >= 3):
        return None  # (a head run into a cell; a matrix's code columns, "B5  B6  H12", are no such head)
    focus = next((kinds.index(k) for k in ("focus_area", "district", "zone") if k in kinds), None)
    return Columns(kinds.index("activity"), kinds.index("target") if "target" in kinds else None, focus, spaced,
                   focus is not None and kinds[focus] != "focus_area")

# a matrix's code column ("B5", "H12"), a short form ("Mg."), a time plan's year or quarters
# ("2024", "2024 1 2 3 4", "K1 2025", "Q3")
_CODE_HEAD = re.compile(r"^[A-ZÆØÅ]{1,4}\d{0,3}$|^\d{1,3}$|^[A-ZÆØÅ][a-zæøå]{0,3}\.$"
                        r"|^(?:[KQ][1-4]\s*)?(?:19|20)\d\d(?:\s+[1-4]){0,4}$|^[KQ][1-4]$")
_TABLE_NAME_HEAD = re.compile(r"^\W*(?:aktivitet(?:er|snavn|ens navn)?|navn på aktivitet(?:en)?|projekt(?:er|navn)?"
                              r"|delprojekt(?:er)?|tiltag|indsats(?:er)?)\W*$", re.I)
_TABLE_HEADS = re.compile(r"^\W*(?:beskrivelse|indhold|formål|mål|målgruppe(?:r|\(r\))?|samarbejdspartner(?:e)?"
                          r"|partner(?:e)?|ansvarlig|tovholder|tidsplan|periode|økonomi|budget|succeskriterier"
                          r"|aktiviteter|indsatsområde)\b", re.I)
# a group's row between a table's rows, in capitals, perhaps after its code ("B  BESKÆFTIGELSE")
_GROUP_ROW = re.compile(r"^(?:[A-H]\d?[.)]?\s+)?(?P<name>[A-ZÆØÅ][A-ZÆØÅ &,/–-]{3,60})$")
_RULE_ROW = re.compile(r"^[\s|:+=_-]+$")  # "|---|:---|", "+====+"
# a heading ends a table of activities ("5. Økonomi", "Delaftale B: X", "Indsatsområde: Y")
_NUMBERED_LINE = re.compile(r"^\W*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÆØÅ]")


def _ends_table(line: str) -> bool:
    return bool(_NUMBERED_LINE.match(line) or DELAFTALE.match(line) or FOCUS_HEAD.match(line) or _CAPTION.match(line)
                or _SIGNATURES_HEAD.match(line))  # ("Underskrifter" over the parties' signatures in columns)


_SIGNATURES_HEAD = re.compile(r"^\W{0,3}(?:Underskrifter|UNDERSKRIFTER|Underskrift|Underskrevet af|Godkendelse"
                              r"|Kontaktpersoner|KONTAKTPERSONER|Kontaktoplysninger|Kontakt)\W*$")  # (or the contacts'
# heading over their rows: "Kontaktpersoner" over "Boligsocial leder<TAB>Name<TAB>...")


_CAPTION = re.compile(r"^\W{0,3}(?:Tabel|Figur|Bilag|Skema)\s+\d")  # the next table's caption


_AMOUNT = re.compile(r"[\d.,\s%]+(?:kr\.?|mio\.?)?|i alt|beløb.*|andel", re.I)
MAX_WRAPPED = 3  # lines without cells inside a table (a .pdf cell wrapped onto its own lines)


def _cells(line: str, spaced: bool) -> list[str]:
    if "\t" in line:
        return [clean(c) for c in line.split("\t")]
    if line.count("|") >= 2:
        return [clean(c) for c in line.strip().strip("|").split("|")]
    return [clean(c) for c in re.split(r"\s{3,}", line.strip())] if spaced else []


_PEOPLE_HEADS = frozenset({"person", "title", "contact"})
_ROW_BREAK = re.compile(r"\|\s+\|")  # "... | Tovholder | | 1 | Social vicevært | ...": rows run together


def _table_lines(doc: Document):
    """(line index, line) of the document, a table that lost its line breaks given row by
    row: a markdown table's rows run together (the text before its first pipe left out),
    or cells apart by ' | ' with nothing between the rows (see :func:`_joined_rows`)."""
    for i, line in enumerate(doc.lines):
        if line.count("|") >= 8 and len(_ROW_BREAK.findall(line)) >= 2:
            start = line.index("|")
            for row in _ROW_BREAK.split(line[start:]):
                yield i, f"|{row.strip().strip('|')}|"
            continue
        rows = _joined_rows(line) if line.count(" | ") >= 4 else None
        yield from ((i, row) for row in rows) if rows else [(i, line)]


def _joined_rows(line: str) -> list[str] | None:
    """A table copied with ' | ' between cells and nothing between rows ("Aktivitet | Målgruppe
    | Partnere Lektiecafé | Børn 6-12 år | Biblioteket Jobcafé | Ledige | Jobcentret"): its head
    and rows, each row's name cut from the end of the cell it shares with the row before."""
    cells = [clean(c) for c in line.split(" | ")]
    k = next((k for k, c in enumerate(cells) if c.split() and _TABLE_NAME_HEAD.match(c.split()[-1])), None)
    if k is None:
        return None
    if k and cells[k - 1].split() and _AREA_HEAD.match(cells[k - 1].split()[-1]):  # "Indsatsområde | Aktivitet |
        # ...": the area's column first
        return _area_first_rows(cells, k - 1)
    n = k + 1
    while n < len(cells) and (m := _TABLE_HEADS.match(cells[n])) and not cells[n][m.end():].strip():
        n += 1  # the head's cells; the last one ran into the first row's name
    if n >= len(cells) or not (m := _TABLE_HEADS.match(cells[n])) or not (name := cells[n][m.end():].strip()):
        return None
    width = n - k + 1
    rows = [" | ".join(["Aktivitet", *cells[k + 1:n], cells[n][:m.end()].strip()])]
    rest = cells[n + 1:]
    while name and len(rest) >= width - 1:
        row, rest = rest[:width - 1], rest[width - 1:]
        last, following = _split_boundary(row[-1]) if rest else (row[-1], None)
        rows.append(" | ".join([name, *row[:-1], last]))
        name = following
    return rows if len(rows) > 1 else None


_AREA_HEAD = re.compile(r"^\W*(?:indsatsområde|indsatsområder|tema|fokusområde|spor)\W*$", re.I)


def _area_first_rows(cells: list[str], k: int) -> list[str] | None:
    """The rows of a table whose first column is the focus area ("Indsatsområde | Aktivitet | Målgruppe |
    Samarbejdspartnere Uddannelse og beskæftigelse | Jobhuset | ledige ... | Jobcenter X, EUC Syd Uddannelse og
    beskæftigelse | Lektiehjørnet | ..."): each row's area cut from the end of the cell it shares with the row before,
    as an area the table named before or a name in sentence case (:func:`_split_boundary`)."""
    n = k + 1
    while n < len(cells) and (m := _TABLE_HEADS.match(cells[n]) or _TABLE_NAME_HEAD.match(cells[n])) \
            and not cells[n][m.end():].strip():
        n += 1
    if n >= len(cells) or not (m := _TABLE_HEADS.match(cells[n])) or not (area := cells[n][m.end():].strip()):
        return None
    width = n - k + 1
    rows = [" | ".join([cells[k].split()[-1], *cells[k + 1:n], cells[n][:m.end()].strip()])]
    rest, seen = cells[n + 1:], [area]
    while area and len(rest) >= width - 1:
        row, rest = rest[:width - 1], rest[width - 1:]
        cell = row[-1]
        known = next((a for a in seen if cell.endswith(" " + a) and len(cell) > len(a) + 1), None) if rest else None
        last, following = (cell[:-len(known) - 1], known) if known else _split_boundary(cell)  # (the last row's cell:
        # up to the text after the table)
        rows.append(" | ".join([area, *row[:-1], last]))
        area = following if rest else None
        if area and area not in seen:
            seen.append(area)
    return rows if len(rows) > 2 else None


def _split_boundary(cell: str) -> tuple[str, str | None]:
    """'Sundhedsplejen, Dagtilbud Syd Lektier i Sundparken' -> ('Sundhedsplejen, Dagtilbud Syd',
    'Lektier i Sundparken'): after its last list item's name, the next row's name starts at a
    capital followed by a word in lower case (a title in sentence case); None when none does."""
    head, sep, tail = cell.rpartition(",") if "," in cell else cell.rpartition(";")
    words = tail.split()
    k = next((k for k in range(1, len(words) - 1) if words[k][:1].isupper() and words[k + 1][:1].islower()
              and (words[k + 1] not in ("og", "&") or words[k + 2:k + 3] and words[k + 2][:1].islower())), None)
    if k is None:
        return cell, None
    return f"{head}{sep} {' '.join(words[:k])}".strip(" ,;"), " ".join(words[k:])


def table_blocks(doc: Document) -> list[Block]:
    """Rows of tables of activities (see the module's doc): each row an activity named by
    its activity cell, with the target groups of its target column and its focus area
    (read once per document: the focus areas ask too)."""
    return doc.memo("table_blocks", lambda: _table_blocks(doc))


def _table_blocks(doc: Document) -> list[Block]:
    blocks: list[Block] = []
    head: Columns | None = None
    wrapped, last_focus = 0, None
    for i, line in _table_lines(doc):
        if head is None and len(line) > 30 and "\t" not in line and (rows := _any_order_rows(doc, i, line)):
            blocks += [Block(one, i, i + 1, focus_code(doc, focus) if focus else focus_area_at(doc, i)
                             or outline_focus(doc, i), row, f"{name} {row}") for name, focus, row in rows
                       for one in _cell_names(name)]
            continue
        if head is None and (rows := flat_table_rows(line)):
            focus = focus_area_at(doc, i) or outline_focus(doc, i)
            blocks += [Block(name, i, i + 1, focus, row, f"{name} {row}") for name, row in rows]
            continue
        if head is None and _FLAT_HEAD.match(f"{line.strip()} X") and (stacked := _stacked_rows(doc, i)):
            blocks += stacked
            continue
        cells = _cells(line, spaced=head is None or head.spaced)
        if len(cells) >= 2 and (found := activity_columns(cells, "\t" not in line and "|" not in line)):
            head, wrapped, last_focus = found, 0, _area_heading_over(doc, i)
            continue
        if head is None or not line.strip() or _RULE_ROW.match(line):
            continue
        if head_kinds(line) is not None or "|" in line and len(cells) >= 3 \
                and {column_kind(" ".join(cells[0].split()[-1:])), column_kind(cells[1])} <= _PEOPLE_HEADS \
                or len(cells) >= 3 and not any(map(str.isdigit, line)) \
                and all(column_kind(c) is not None for c in cells[1:]):  # another table's head row ("Navn | Titel |
            head = None  # E-mail", maybe after text and with the first row run onto it; "Sum pr. indsatsområde | Gange |
            continue  # Deltagere | Nye", its first cell no head): this one ended
        if len(cells) < 2 and (group := _GROUP_ROW.match(line.strip())):
            last_focus = _sentence_case(group.group("name"))  # "B  BESKÆFTIGELSE" over its rows
            continue
        if len(cells) < 2 and (spanning := FOCUS_HEAD.match(line.strip())
                               or (DELAFTALE.match(line.strip()) if _rows_go_on(doc, i) else None)) \
                and len(spanning.group(1)) <= 60:  # ("DELAFTALE 2 – BESKÆFTIGELSE" over the same columns' rows)
            last_focus = _sentence_case(clean(spanning.group(1)))  # a row across the table: "INDSATSOMRÅDE A:
            continue  # TRYGHED OG TRIVSEL" over its rows
        if len(cells) < 2 and len(line) <= 60 and _is_focus_name(doc, area := _sentence_case(clean(line))) \
                and _rows_go_on(doc, i):
            last_focus = area  # a row across the table that names a focus area ("Tryghed og trivsel" over its rows)
            continue
        if len(cells) < 2:  # a wrapped cell, or the end of the table
            wrapped += 1
            if wrapped > MAX_WRAPPED or len(line) > 90 or _ends_table(line):
                head = None
            continue
        if cells[0].rstrip(".").casefold() == "nr":  # the next table's head row ("Nr.  Børn 0-12  Unge 13-17 ...")
            head = None
            continue
        if sum(bool(_AMOUNT.fullmatch(c)) for c in cells) * 2 >= len(cells):  # a budget's row
            head = None
            continue
        wrapped = 0
        raw = cells[head.name] if head.name < len(cells) else ""
        quoted = quoted_items(raw) if raw[:1] in "\"“«»„" else []  # '"Læseven" (frivillige fra X); "UngeSpor" (...)':
        name = "; ".join(one for one, _ in quoted) if quoted else _row_name(raw)  # each quoted name an activity,
        # its note its own text (its partners)
        if head.focus is not None and head.focus < len(cells) and cells[head.focus]:
            last_focus = focus_code(doc, cells[head.focus])
            if head.place and not _is_focus_name(doc, last_focus):
                last_focus = None  # ("Område: Vestbyen": where, not which focus area)
        if not name or any(c.strip(" .").casefold() in _CLOSED_CELLS for c in cells[1:]):
            continue  # (a status column's "Ophørt": closed, no activity of the plan now)
        target = cells[head.target] if head.target is not None and head.target < len(cells) else None
        own = line if line != doc.lines[i] else None
        focus = last_focus or _coded_focus(doc, raw) or focus_area_at(doc, i) or outline_focus(doc, i)
        # a cell of several activities ("Sprogstimuli i hjemmet; Lektiecafé Valhøj"): each its own
        if quoted:
            blocks += [Block(one, i, i + 1, focus, target, own) for one, own in quoted]
            continue
        blocks += [Block(n, i, i + 1, focus, target, own) for n in _cell_names(name)]
    return blocks


def _rows_go_on(doc: Document, i: int) -> bool:
    """Does the next line with text after ``i`` go on with the table's rows (cells, the first no label's)?"""
    below = next((t for t in doc.lines[i + 1:i + 4] if t.strip()), "")
    return "\t" in below and not below.split("\t", 1)[0].rstrip(" *").endswith(":")


_ASCII_RULES = re.compile(r"(?:\s+[-=+|]{3,})+(?=\s|$)")


def _any_order_rows(doc: Document, i: int, line: str) -> list[tuple[str, str | None, str]]:
    """Rows of a flattened activity table in any column order (flat_activity_tables.py) whose
    head row starts ``line`` (its rows on the same line, or on the next when the head row is
    the whole line)."""
    from samspil.loaders.extract.flat_activity_tables import flat_rows
    from samspil.loaders.space_tables import head_run

    if not line[:1].isupper() and not line[:1].isdigit():
        return []
    if "---" in line or "===" in line:
        line = _ASCII_RULES.sub("", line).rstrip()  # "Nr. Aktivitet ... --- -------- ------": an ASCII table's rule
    if "- " in line and len(line) <= 120:
        line = _rejoined_head(line)
    if (found := head_run(line, 0) if line[:1].isupper() else None) is None:
        if len(line) > 120 or (at := _head_after_title(line)) is None:
            return []
        line = line[at:]  # "3. Aktivitetsoversigt Nr. Aktivitet Målgruppe Samarbejdspartnere": the head row run onto
        found = head_run(line, 0)  # its chapter's heading
    if len(line.rstrip()) - found[0] <= 8 and i + 1 < len(doc.lines) and "\t" not in doc.lines[i + 1]:
        line = f"{line} {doc.lines[i + 1]}"  # (the head row a line of its own)
        j = i + 2
        while j < len(doc.lines) and j <= i + 40 and _ROW_ID.match(doc.lines[j]) and _ROW_ID.match(doc.lines[j - 1]) \
                and "\t" not in doc.lines[j]:
            line, j = f"{line} {doc.lines[j]}", j + 1  # (its rows cut at their numbers onto lines of their own:
            # "1.1 Tryghedsvandringer alle beboere ..." over "1.2 Sommer i Erritsø ...")
    elif len(line) <= 100:
        return []
    if len(found[1]) == 2:  # a summary of area and activity: its later rows cut onto lines of their own, each
        from samspil.loaders.extract.flat_activity_tables import opens_with_area  # opening with its area's name
        j = i + 1
        while j < len(doc.lines) and j <= i + 8 and opens_with_area(doc.lines[j].split()[:8], more=8):
            line, j = f"{line} {doc.lines[j]}", j + 1
    return flat_rows(line, {**_area_first_words(doc), **doc.memo("focus_codes", lambda: _focus_codes(doc))})


def _area_first_words(doc: Document) -> dict[str, str]:
    """The document's focus areas by their first words, as a summary table's short cells give them ("Tryghed"
    for "Tryghed og trivsel", "Uddannelse" for "Uddannelse og livschancer"): an area of two words or more whose
    first word no other area shares."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas

    if "area_first_words" in doc.cache:
        return doc.cache["area_first_words"]
    if doc.cache.get("area_first_words:busy"):
        return {}  # (asked again while the areas are read: their last resort reads the activity tables)
    doc.cache["area_first_words:busy"] = True
    try:
        areas = [a.name for a in extract_focus_areas(doc)]
    finally:
        del doc.cache["area_first_words:busy"]
    firsts = [a.split()[0].strip(",") for a in areas]
    found = {f: a for f, a in zip(firsts, areas) if len(a.split()) >= 2 and len(f) >= 5 and firsts.count(f) == 1}
    doc.cache["area_first_words"] = found
    return found


_CAPITAL_AFTER_SPACE = re.compile(r"(?<=\s)[A-ZÆØÅ]")


def _rejoined_head(line: str) -> str:
    """A head row whose cell wrapped, its second line run on after the row ("Nr. Aktivitet Indsats- Målgruppe
    Partnere område"), with the cell's word joined again ("... Indsatsområde Målgruppe Partnere")."""
    from samspil.loaders.extract.tables import column_kind

    words = line.split()
    last = words[-1]
    if not last[:1].islower():
        return line
    for k, word in enumerate(words[:-1]):
        if word.endswith("-") and len(word) > 2 and column_kind(joined := word[:-1] + last) is not None:
            return " ".join([*words[:k], joined, *words[k + 1:-1]])
    return line


def _head_after_title(line: str) -> int | None:
    """Where a head row starts that a short heading runs onto ("3. Aktivitetsoversigt Nr. Aktivitet
    Målgruppe Partnere"): the row reaching the line's end (its last word a column's head)."""
    from samspil.loaders.extract.tables import column_kind
    from samspil.loaders.space_tables import head_run

    if column_kind(line.rsplit(None, 1)[-1]) is None:
        return None
    end = len(line.rstrip())
    return next((m.start() for m in _CAPITAL_AFTER_SPACE.finditer(line)
                 if (found := head_run(line, m.start())) is not None and end - found[0] <= 8), None)


def _area_heading_over(doc: Document, i: int) -> str | None:
    """The focus area a table's own heading names, on the line over its head row ("C1. Uddannelse og
    livschancer" over "Aktivitet | Samarbejdspartnere | Deltagere"): a focus area the regulativ or an
    older round names, or one the document lists with a code; None for any other heading."""
    above = next((doc.lines[j].strip() for j in range(i - 1, max(-1, i - 3), -1) if doc.lines[j].strip()), "")
    if not above or len(above) > 70 or "\t" in above:
        return None
    name = _ROW_ID.sub("", above, 1).strip(" :")
    return _sentence_case(name) if name and _is_focus_name(doc, _sentence_case(name)) else None


def _is_focus_name(doc: Document, name: str) -> bool:
    """Is ``name`` a focus area: the regulativ's or an older round's, or one the document lists
    with a code?"""
    from samspil.loaders.extract.flat_activity_tables import _known_focus

    words = tuple(name.split())
    return words in _known_focus() or name in doc.memo("focus_codes", lambda: _focus_codes(doc)).values()


_ROW_ID = re.compile(r"^(?:[A-ZÆØÅ]?\d{1,2}(?:\.\d{1,2})*|[A-ZÆØÅ])[.):]?\s+(?=[A-ZÆØÅ])")  # "A1 ", "2.3 ", "B. "


def _cell_names(name: str) -> list[str]:
    """The activities a name cell lists, separated by semicolons (one name when it has none)."""
    if ";" not in name:
        return [name]
    names = [n.strip(" .") for n in name.split(";")]
    return [n for n in names if n and n[0].isalpha()] or [name]


def _row_name(cell: str) -> str | None:
    """The activity's name in its cell: an id in front ("A1 Lektiecafé") cut off; None for a
    cell that names none (empty, a number, a head word, a long text)."""
    name = _ROW_ID.sub("", cell.strip()).rstrip(" .")
    if "(" in name:
        name = _NOTE_AFTER.sub("", name) or name  # "Sprogleg (børn 2-5 år og deres forældre; Dagtilbud X)": its note
    if not name or len(name) > 80 or not name[0].isalpha() or _TABLE_HEADS.match(name):
        return None
    return name


_CLOSED_CELLS = frozenset(("ophørt", "lukket", "nedlagt", "stoppet", "udgået", "udgår"))  # (not "afsluttet": run its course)
_NOTE_AFTER = re.compile(r"(?<=\w)\s+\((?=[a-zæøå])[^()]*\)?$")  # a note in brackets, in lower case, ending the cell


# a list item that gives a code its focus area: "B. Beskæftigelse", "Indsatsområde 2: Tryghed", "II) X", "2.1 X"
_CODE = r"(?:[A-ZÆØÅ]|\d{1,2}|[IVX]{1,4})"
_CODED_ITEM = re.compile(rf"^\W{{0,3}}(?:(?:Indsatsområde|Delaftale|Tema|Spor|INDSATSOMRÅDE|DELAFTALE|TEMA|SPOR)\s+"
                         rf"({_CODE})\s*[.):–-]?|({_CODE}|(?<=\()[a-h])\s*[.):–-]|([IVX]{{1,4}}|[A-H]|\d{{1,2}}\.\d{{1,2}}))\s+"
                         r"([A-ZÆØÅ][^.:;]{2,60}?)\s*$")  # (a Roman number without its stop: a list set in columns; "SPOR 1  X")


_LETTER_FIRST = re.compile(r"^([A-H])\.?\d{1,2}\.?\s")  # a name's code, its area's letter first ("A1 Familieværkstedet")


def _coded_focus(doc: Document, cell: str) -> str | None:
    """The focus area a name's code gives by its letter, when the document lists its areas by letter."""
    if (m := _LETTER_FIRST.match(cell)) is None:
        return None
    area = focus_code(doc, m.group(1))
    return area if area != m.group(1) else None


def focus_code(doc: Document, cell: str) -> str:
    """A focus-area cell: a code ("B", "2", "II") is the focus area the document lists with
    it ("B. Beskæftigelse"; an item of a list of two or more, the first such list); any
    other cell is itself."""
    cell = cell.strip(" .")
    if cell[:1] == "#":
        return _hashtag_area(doc, cell[1:])
    if not re.fullmatch(_CODE, cell) and not _SECTION_CODE.fullmatch(cell):
        return cell
    return doc.memo("focus_codes", lambda: _focus_codes(doc)).get(cell, cell)


_SECTION_CODE = re.compile(r"\d{1,2}\.\d{1,2}")  # (a code that is the area's section number: "2.1")


def _hashtag_area(doc: Document, tag: str) -> str:
    """A web page's tag for a focus area ("#uddannelse", "#beskæftigelse", "#trygheden"): the known area
    its first word (or its words run together) names, the one the document writes when there are more."""
    from samspil.loaders.extract.flat_activity_tables import _known_focus

    key = tag.casefold().replace("-", "").replace("_", "")
    names = [" ".join(words) for words in _known_focus()
             if words[0].casefold() == key or "".join(words).casefold() == key]
    written = [n for n in names if n in doc.text]
    found = written if written else names
    return found[0] if len(found) == 1 else tag[:1].upper() + tag[1:]


_INLINE_LETTERED = re.compile(r"(?:^|\s)([A-H])\)\s+([A-ZÆØÅ][^;.()]*?)(?=,\s+[A-H]\)|\s+(?:og|samt)\s+[A-H]\)|[.;]|\s*$)")


def _inline_lettered_areas(doc: Document) -> dict[str, str]:
    """Letter -> area of the focus areas a sentence lists lettered ("... tre indsatsområder: A) Børn, unge og
    forældre, B) Uddannelse og beskæftigelse og C) Tryghed og trivsel."), the list wrapped onto the next line too."""
    lines = doc.lines
    for i, line in enumerate(lines):
        if "A)" not in line or "ndsatsområde" not in line and "NDSATSOMRÅDE" not in line:
            continue
        text = line[line.find("A)") - 1 if line.find("A)") else 0:]
        if i + 1 < len(lines) and not text.rstrip().endswith("."):
            text = f"{text} {lines[i + 1]}"
        found = [(m.group(1), m.group(2).strip()) for m in _INLINE_LETTERED.finditer(text)]
        if len(found) >= 2 and [c for c, _ in found] == list("ABCDEFGH"[:len(found)]):
            return dict(found)
    return {}


def _focus_codes(doc: Document) -> dict[str, str]:
    items = [(i, m) for i, line in enumerate(doc.lines) if len(line) < 90 and (m := _CODED_ITEM.match(line))]
    codes: dict[str, str] = {}
    for n, (i, m) in enumerate(items):
        in_list = any(abs(j - i) <= 2 and j != i for j, _ in items[max(0, n - 1):n + 2])
        if in_list:
            codes.setdefault((m.group(1) or m.group(2) or m.group(3)).upper(), m.group(4))  # ("(b) X": "B")
    from samspil.loaders.extract.focus_areas import NEXT_CHAPTER

    codes = {c: NEXT_CHAPTER.split(v, 1)[0] for c, v in codes.items()}  # ("2.2 X 3 AKTIVITETER": the next chapter)
    codes = {c: v for c, v in codes.items() if v.split() and v.split()[0].casefold() not in _CHAPTER_WORDS}  # (not the
    # chapters: "2. Boligområdet", "3. Indsatsområder", "4. Aktiviteter")
    if not codes and "A)" in doc.text:  # "Planen har tre indsatsområder: A) Børn, unge og forældre, B) ... og C) ..."
        codes.update(_inline_lettered_areas(doc))
    for line in doc.lines:
        if len(line) >= 90 and not codes:
            codes.update(_run_on_codes(line))
    if not codes:  # "A Tryghed og trivsel B Uddannelse og beskæftigelse ...": bare codes before known areas
        from samspil.loaders.extract.flat_activity_tables import lettered_areas_after_heading, lettered_known_areas

        for line in doc.lines:
            if len(line) >= 60 and ("ndsatsområde" in line or "NDSATSOMRÅDE" in line) \
                    and (found := lettered_known_areas(line) or lettered_areas_after_heading(line)):
                codes.update(found)
                break
    if not codes and "(" in doc.text:  # "Uddannelse og livschancer (UL), Beskæftigelse (BE)": areas given a code
        from samspil.loaders.extract.unit_topics import is_focus_area_name

        named = {m.group(2): m.group(1) for m in _AREA_ABBREVIATION.finditer(doc.text) if is_focus_area_name(m.group(1))}
        if len(named) >= 2:
            codes.update(named)
    return codes


_AREA_ABBREVIATION = re.compile(r"(?<![\w-])([A-ZÆØÅ][a-zæøå-]+(?: (?:og|i|for|&|[a-zæøå-]+)){0,4}) \(([A-ZÆØÅ]{2,4})\)")


_CHAPTER_WORDS = frozenset("indledning baggrund boligområdet området indsatsområder indsatsområderne aktiviteter "
                           "aktiviteterne organisation organisering økonomi budget evaluering kontaktpersoner "
                           "underskrifter bilag tabel".split())
_RUN_CODE = re.compile(r"[A-H1-9][.)] [A-ZÆØÅ]")  # "A. Uddannelse og livschancer B. Beskæftigelse C. ..."
_NEXT_CODE = {c: chr(ord(c) + 1) for c in "ABCDEFG12345678"}


def _run_on_codes(line: str) -> dict[str, str]:
    """The items of a coded list that lost its line breaks (three or more in a row, A, B, C or
    1, 2, 3): each item's text up to the next code; the last one's up to its first capital
    after a word in lower case (where the text after the list begins)."""
    starts = [m for m in _RUN_CODE.finditer(line) if not m.start() or not line[m.start() - 1].isalnum()]
    for k, m in enumerate(starts):
        run = [m]
        for n in starts[k + 1:]:
            if n.group()[0] == _NEXT_CODE.get(run[-1].group()[0]) and n.start() - run[-1].end() <= 70:
                run.append(n)
        if len(run) >= 3 and m.group()[0] in "A1":
            ends = [n.start() for n in run[1:]] + [run[-1].end() + 70]
            items = [line[a.end() - 1:b].strip() for a, b in zip(run, ends)]
            words = items[-1].split()
            cut = next((j for j in range(1, len(words)) if words[j][:1].isupper() and words[j - 1][:1].islower()),
                       len(words))
            items[-1] = " ".join(words[:cut])
            return {a.group()[0]: item.rstrip(" .,;") for a, item in zip(run, items)}
    return {}


# A table flattened to words (a .pdf or tab table in a web copy): "Aktivitet Målgruppe
# Samarbejdspartnere Lektiecafé Børn 6-12 år Biblioteket Jobcafé Ledige over 30 år ..."
_FLAT_HEAD = re.compile(r"\b(?:Aktivitet(?:snavn|ens navn)?|Navn på aktivitet(?:en)?|Projekt(?:navn)?)\s+"
                        r"(?:Målgruppe(?:r|\(r\))?|Hvem er med|For hvem|Deltagere)"
                        r"((?:\s+(?:Beskrivelse|Indhold|Formål|Samarbejdspartnere?|Partnere?|Parter|Delaftalens parter"
                        r"|Ansvarlig(?: / medvirkende| og samarbejdspartnere)?"
                        r"|Medvirkende|Tovholder|Tidsplan|Periode))+)\s+(?=[A-ZÆØÅ])")
MAX_NAME_WORDS = 5


def _starts_target(words: list[str], k: int, lower: bool = False) -> bool:
    """Does a Målgruppe cell start at ``words[k]`` ("Unge 15-25 år", "Alle beboere"): a
    capitalised group word followed by a word in lower case or a number? With ``lower``, a
    group word in lower case right after a capitalised word (the name's last: "Fritidsjob
    Vibeskrænten unge 13-17 år") starts one too."""
    from samspil.loaders.extract import targets

    first = words[k][:1]
    if not (first.isupper() or lower and first.islower() and k and words[k - 1][:1].isupper()) \
            or k + 1 >= len(words) or words[k + 1][:1].isupper():
        return False
    found = targets.classify(" ".join(words[k:k + 3]))
    if not any(p.casefold().startswith(words[k].casefold()) for phrases in found.values() for p in phrases):
        return False
    from samspil.loaders.extract.flat_activity_tables import _group_opener  # (a place before a group word is the
    return _group_opener(words[k]) or not _group_opener(words[k + 1].rstrip(","))  # name's: "Skørping unge 12-17 år")


def _area_row(words: list[str], k: int) -> int:
    """Past a focus area's own row at the table's start ("Uddannelse og livschancer Lektiecafé
    Gødvad elever ..."), when a name is left before ``k``."""
    from samspil.loaders.extract.flat_activity_tables import _focus_at

    n = _focus_at(words, 0, ())
    return n if 0 < n < k else 0


def _group_word(word: str) -> bool:
    """Does ``word`` alone name a target group ("Ledige", "Unge"; not "Vibeskrænten")?"""
    from samspil.loaders.extract import targets

    return bool(targets.classify(word))


def _name_before(words: list[str], lo: int, hi: int, lower: bool = False) -> str | None:
    """The row's name just before its Målgruppe cell at ``hi``: after the last cell's end
    (a full stop, comma or semicolon), from a capital followed by a word in lower case,
    else the last word. With ``lower`` (the target cells start in lower case, so every name's
    last word is followed by one), the capitalised words after the row before's last partner."""
    lo = max(lo, hi - MAX_NAME_WORDS)
    after_comma = any(words[j][-1:] in ".,;" for j in range(lo, hi))
    lo = max([lo] + [j + 1 for j in range(lo, hi) if words[j][-1:] in ".,;"]
             + [j + 1 for j in range(lo, hi - 1) if words[j][-1:] == ")"])  # (a note's bracket ends the cell before)
    if lo < hi and len(end := words[lo - 1]) >= 5 and end.endswith(".") and end[:-1].isalpha() and end.islower() \
            and words[lo][:1].isupper() and words[hi - 1][:1].isupper():  # (not "kl.", "evt.")
        return " ".join(words[lo:hi])  # the row before ends its last cell with a sentence: the name follows it
    if (cut := _after_partner(words, lo, hi, after_comma)) is not None:
        return " ".join(words[cut:hi]).strip(" ,;.")  # "Nyborg Svømmeklub | Lektiehjælp Kernen"
    if lower:
        from samspil.loaders.extract.org_lists import org_type_of

        from samspil.loaders.extract.flat_activity_tables import _focus_at
        from samspil.loaders.gazetteer import find_known_organisations, is_town

        from samspil.loaders.extract.mentions import _has_cue

        start = lo
        while start < hi - 1 and (not words[start][:1].isupper() or org_type_of(words[start]) != "other"
                                  or _has_cue(words[start]) or _place(words[start]) or words[start] in _REGIONS
                                  or words[start].endswith("service")):  # ("Aars Boligservice", "Borgerservice")
            start += 1  # ("Sundhedsplejen Forældrecaféen Fuglemosen ...", "Nyborg Erhvervsforum Første Job ...":
            # the partner, then the name)
        known = next(iter(find_known_organisations(" ".join(words[start:hi]))), None)
        if known is not None and known[0] == 0 and (n := len(known[2].split())) < hi - start:
            start += n + (start + n < hi - 1 and is_town(words[start + n]))  # "Dansk Røde Kors Silkeborg Sprogkassen"
        if (n := _focus_at(words[start:hi], 0, ())) and start + n < hi:
            start += n  # a focus area's row of its own before the name ("Beskæftigelse Job i Gødvad")
        town = next((j for j in range(hi - 2, start, -1) if words[j - 1][:1].isupper() and words[j + 1][:1].isupper()
                     and words[j + 1] not in _REGIONS and _place(words[j])), None)
        if town is not None:
            start = town + 1  # "Frivillig Rebild Unge på vej": a unit and its town, then the name
        name = " ".join(words[start:hi]).strip(" ,;.")
        return name if name[:1].isupper() else None
    starts = [j for j in range(lo, hi - 1) if words[j][:1].isupper() and words[j + 1][:1].islower()]
    start = starts[0] if starts else _after_known(words, lo, hi)
    name = " ".join(words[start:hi]).strip(" ,;.")
    return name if start < hi and name[:1].isupper() else None


def _after_known(words: list[str], lo: int, hi: int) -> int:
    """Where the name starts in capitalised words ``words[lo:hi]``: after a known organisation
    opening them (and a town after it: "Røde Kors Syddjurs Små Skridt"), else at the last word."""
    from samspil.loaders.gazetteer import find_known_organisations

    text = " ".join(words[lo:hi])
    known = next(iter(find_known_organisations(text)), None)
    if known is None or known[0] != 0 or text[known[1]:known[1] + 1] != " " or " " not in text[:known[1]]:
        return hi - 1  # (an organisation of two words or more, a word after it: not "Ungdomsklubben "Basen"")
    start = lo + len(text[:known[1]].split())
    if start < hi - 1 and _place(words[start].strip(",;")):
        start += 1
    return start if start < hi and all(w[:1].isupper() for w in words[start:hi]) else hi - 1


def _place(word: str) -> bool:
    """Is ``word`` a town's or a municipality's name ("Skørping", "Rebild")?"""
    from samspil.loaders.gazetteer import is_town, municipality

    return is_town(word) or municipality(word) is not None


_REGIONS = frozenset("Fyn Sjælland Jylland Nordjylland Midtjylland Sydjylland Sønderjylland Vestsjælland Bornholm "
                     "Lolland Falster Nord Syd Øst Vest Midt Nordsjælland Midtsjælland Sydsjælland Østjylland "
                     "Vestjylland Nordfyn Sydfyn Vestfyn Østfyn".split())


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    from samspil.loaders.vocab import load_vocab

    return frozenset(load_vocab("organisations").get("heads", []))


def _after_partner(words: list[str], lo: int, hi: int, after_comma: bool) -> int | None:
    """Where a row's name starts after the last partner of the row before it, when that partner
    can be told by its head noun ("Nyborg Svømmeklub", "Social- og Sundhedsskolen Fyn",
    "Jobcenter Nyborg"): after the last word in ``words[lo:hi-1]`` that is an organisation's
    cue word (a town or region after it belongs to it), when the partner has words before
    its cue word, follows a comma or ends in a town; else None."""
    from samspil.loaders.extract.org_lists import org_type_of
    from samspil.loaders.gazetteer import is_town

    for k in range(hi - 2, lo - 1, -1):
        word = words[k].strip("\"«»“”,;")
        if not word[:1].isupper() or org_type_of(word) == "other":
            continue
        end = k + 1
        if end < hi - 1 and (words[end] in _REGIONS or is_town(words[end])):
            end += 1
        elif word in _heads():
            return None  # "Foreningen Nydansker ...": a head noun opens its name; where it ends is not told
        if end < hi and words[end][:1] in "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ\"«“" and (k > lo or after_comma or end > k + 1):
            return end
        return None
    return None


def flat_table_rows(line: str) -> list[tuple[str, str]]:
    """(name, row text) of each row of a table of activities flattened into ``line``, found
    at its Målgruppe cells (the column after the name)."""
    head = _FLAT_HEAD.search(line)
    if not head:
        return []
    words = line[head.end():].split()
    anchors = [k for k in range(1, len(words)) if _starts_target(words, k)]
    # the cells in lower case ("Jobcaféen Vibeskrænten ledige beboere 30-64 år ..."), if they start more rows
    # (or where each capitalised start is a name's last word right before one: "Vibeskrænten ledige")
    lower = _lower_anchors(words)
    in_lower = len(lower) > len(anchors) or lower and all(k + 1 in lower and not _group_word(words[k]) for k in anchors)
    if in_lower:
        anchors = lower
    # a group word in the name ("Kvinder på vej Kvinder uden for arbejdsmarkedet"): the later one
    anchors = [k for n, k in enumerate(anchors) if n + 1 == len(anchors) or anchors[n + 1] - k > MAX_NAME_WORDS - 1]
    names, prev = [], 0
    for n, k in enumerate(anchors):
        names.append(" ".join(words[_area_row(words, k):k]) if n == 0 else _name_before(words, prev, k, lower=bool(in_lower)))
        prev = k + 1
    rows = []
    for n, (k, name) in enumerate(zip(anchors, names)):
        end = anchors[n + 1] if n + 1 < len(anchors) else len(words)
        if in_lower and n + 1 < len(anchors) and (after := names[n + 1]) and " ".join(words[end - len(after.split()):end]) == after:
            end -= len(after.split())  # (the row ends where the next one's name starts: "... Jobcenter Vejle | Fædre på banen")
        if name and len(name.split()) <= MAX_NAME_WORDS:
            rows.append((_without_repeated_cell(name, line) if n else name, " ".join(words[k:end])))
    return rows


def _lower_anchors(words: list[str]) -> list[int]:
    """Where Målgruppe cells written in lower case start ("... Sprogleg i Bakkehusene børn 1-5 år ...
    Fædre på banen fædre, særligt enlige fædre ..."): a group word in lower case after a capitalised
    word, or after a name's own word in lower case ("banen") that is no preposition, outside brackets;
    one a row (a capitalised word, the next name's, between two)."""
    from samspil.loaders.extract.flat_activity_tables import _lower_target

    out, capital, depth = [], bool(words) and words[0][:1].isupper(), 0
    for k in range(1, len(words)):
        word = words[k]
        depth += word.count("(") - word.count(")")
        if word[:1].isupper():
            capital = True
        elif capital and not depth and words[k - 1][-1:].isalpha() and _lower_target(words, k):
            out.append(k)
            capital = False
    return out


_PAGE_LINE = re.compile(r"^(?:side\s+)?\d{1,3}(?:\s+af\s+\d{1,3})?$", re.I)


def _stacked_rows(doc: Document, i: int) -> list[Block]:
    """A PDF's table of activities whose cells came as words (one space apart, a row a line or
    wrapped over several) under a head row alone on line ``i`` ("Aktivitet Målgruppe
    Samarbejdspartnere"), perhaps with the focus areas as rows of their own: the lines up to a
    blank line or a page number read as a flattened table (:func:`flat_table_rows`), each row
    cited at the line its name starts on, under the last focus area written before it."""
    from samspil.loaders.extract.flat_activity_tables import _focus_at

    lines, starts, pos = [], [], 0
    for j in range(i + 1, min(i + 60, len(doc.lines))):
        text = doc.lines[j].strip()
        if not text or "\t" in text or _PAGE_LINE.match(text) or _ends_table(text):
            break
        starts.append((pos, j))
        lines.append(text)
        pos += len(text) + 1
    if len(lines) < 2:
        return []
    body = " ".join(lines)
    rows = flat_table_rows(f"{doc.lines[i].strip()} {body}")
    if len(rows) < 2:
        return []
    words = body.split()
    areas = []  # (offset, focus area) of the group rows among the words
    at = 0
    for k, w in enumerate(words):
        at = body.find(w, at)
        if (n := _focus_at(words, k, ())) and (k == 0 or not words[k - 1].endswith("-")):
            areas.append((at, " ".join(words[k:k + n])))
    out, at = [], 0
    for name, row in rows:
        found = body.find(name, at)
        at = found if found >= 0 else at
        line = max((j for p, j in starts if p <= at), default=i + 1)
        focus = next((a for p, a in reversed(areas) if p < at), None) or focus_area_at(doc, line) or outline_focus(doc, line)
        out.append(Block(name, line, line + 1, focus, row, f"{name} {row}"))
    return out


def _without_repeated_cell(name: str, line: str) -> str:
    """'Sammen i Nordøst Mentornetværk' -> 'Mentornetværk' when 'Sammen i Nordøst' recurs in
    the table (the value of a column before it, such as the one responsible for every row)."""
    words = name.split()
    for k in range(len(words) - 1, 1, -1):  # (a prefix of two words or more: one word recurs by chance)
        prefix = " ".join(words[:k])
        if words[k][:1].isupper() and len(re.findall(rf"(?<!\w){re.escape(prefix)}(?!\w)", line)) >= 2:
            return " ".join(words[k:])
    return name
