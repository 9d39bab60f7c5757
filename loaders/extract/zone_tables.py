"""Department tables: one housing department a row, its columns read by their heads.

A table whose head row has a department column ("Afdeling", "Boligafdeling",
"Bebyggelse") gives a department a row, with the owner from an owner column
("Boligorganisation", "Selskab"), the dwellings from a count column ("Antal
boliger", "Lejemål") and the district it lies in from a district column ("Bydel",
"Område"); a line introducing the table may name the district of all its rows
("Helhedsplanen omfatter følgende boligafdelinger i Vestbyen:"). Column kinds come
from :mod:`tables` (``vocab/tables.yaml``).

A row's department cell is read as in a list: ``Afd. 4 Engparken`` is Engparken
(the number an alias), ``Engparken (afd. 4)`` too, ``Fjord afd. 9 Toften`` is
Toften of Fjord. When the name left is the district's own name ("Bo-Vest afd. 310
Vorup" in Vorup), the department keeps the cell's whole text, so that it stays
apart from its district.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from samspil.loaders.document import Document
from samspil.loaders.extract.tables import CODE_CELL_ONLY, Table, column_kind, tables
from samspil.loaders.extract.text import strip_markup
from samspil.loaders.extract.zone_districts import zone_key
from samspil.loaders.model import Organisation, Zone

__all__ = ["department_tables", "key_value_departments", "owner_cell", "table_lines", "flat_department_tables", "flat_rest", "flat_tables"]

_NUM = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")
# "... følgende boligafdelinger i Vestbyen:" / "Boligområderne i Nordbyen:"
_INTRO_PLACE = re.compile(r"\w*(?:afdeling|boligområde|område|bebyggelse)\w*\b.*?\bi\s+"
                          r"((?:[A-ZÆØÅ][\wæøå-]+)(?:\s+[A-ZÆØÅ][\wæøå-]+){0,2})\s*:\s*$", re.I)


_NUMBER_FIRST = re.compile(r"afd(?:eling|\.)?\s*(?:nr\.?\s*)?\d{1,4}[a-z]?\b\W*[A-ZÆØÅ]")


def _department_tables(doc: Document) -> list[Table]:
    return [t for t in tables(doc) if "department" in t.kinds and t.rows]


def table_lines(doc: Document) -> set[int]:
    """The lines of department tables (head and rows) and of departments written as a row of
    two cells: other zone rules skip them."""
    return doc.memo("department_table_lines", lambda: {i for t in _department_tables(doc) for i in
                                                      [t.head, *(j for j, _ in t.rows)]} | set(_key_value_rows(doc)))


def _intro_district(doc: Document, head: int) -> str | None:
    """The district a line just before the head row names for the whole table."""
    for line in doc.lines[max(0, head - 3):head][::-1]:
        text = strip_markup(line).strip()
        if not text:
            continue
        m = _INTRO_PLACE.search(text)
        return m.group(1) if m else None
    return None


def _units(table: Table, cells: list[str]) -> int | None:
    cell = table.cell(cells, "units")
    if cell is None and table.column("units") is not None:  # a lost empty cell: the one count
        counts = [c for k, c in enumerate(cells) if k != table.column("department") and _NUM.fullmatch(c)]
        cell = counts[0] if len(counts) == 1 else None
    return int(cell.replace(".", "")) if cell and _NUM.fullmatch(cell) else None


# an owner's cell that also gives the department's number: "Boligselskabet Sjælland afd. 11"
_OWNER_CODE = re.compile(r"^(?P<org>.+?),?\s+(?:[Aa]fd(?:eling|\.)?)\s*(?P<code>\d{1,4}(?:-\d{1,3})?[a-z]?)$")
_ZONE_CODE = re.compile(r"[A-ZÆØÅ]|\d{1,2}|[IVX]{1,4}")


def owner_cell(cell: str | None) -> tuple[str | None, str | None]:
    """(owner, department number) of an owner's cell: "XYZ afd. 11" -> ("XYZ", "afd. 11").

    >>> owner_cell("Boligselskabet Sjælland afd. 11"), owner_cell("AAB")
    (('Boligselskabet Sjælland', 'afd. 11'), ('AAB', None))
    """
    if not cell:
        return None, None
    m = _OWNER_CODE.match(cell)
    return (m.group("org"), f"afd. {m.group('code')}") if m else (cell, None)


def cell_owner(cell: str, orgs: list[Organisation]) -> str:
    """The organisation an owner's cell names: the document's organisation of that name or
    alias, or one whose name is the cell and more after a dash or bracket ("FOB Horsens –
    Fællesorganisationens Boligforening"); for a short code ("AKB") also one whose name holds
    it; else the cell itself (a cell is a whole name, not a longer run of text holding it)."""
    from samspil.loaders.extract.zone_owners import resolve_org

    found = resolve_org(cell, orgs) or cell
    if _run_on(found):
        return cell
    rest = found[len(cell):].lstrip() if _key(found).startswith(_key(cell)) else None
    return found if " " not in cell and len(cell) <= 6 or rest is not None and (not rest or rest[0] in "–-(,/") \
        else cell


def _run_on(name: str) -> bool:
    """A party list run into the next sentence: no organisation's name."""
    return len(name) > 60 or re.search(r"\. [A-ZÆØÅ]", name) is not None


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _zone_of(table: Table, cells: list[str]) -> str | None:
    """The zone a row's zone column names: a bare number or letter is "Zone N"."""
    cell = table.cell(cells, "zone")
    if not cell or _NUM.fullmatch(cell) and len(cell) > 2:
        return None
    return f"Zone {cell}" if _ZONE_CODE.fullmatch(cell) else cell


_DEPARTMENT_NO = re.compile(r"(?:afd(?:eling|\.)?\s*)?(\d{1,3}[a-z]?)", re.I)


def department_tables(doc: Document, orgs: list[Organisation], found) -> None:
    """Add a department for each row of the document's department tables (the department
    column wherever it stands; owner, dwellings, district and zone from their columns)."""
    from samspil.loaders.extract.zones import _is_total

    for table in _department_tables(doc):
        intro = _intro_district(doc, table.head)
        col = table.column("department")
        named = _name_column(doc, table, col)  # "Afd.nr | Navn | ...": the number's column, the name's beside it
        for j, cells in table.rows:
            cell = cells[col] if col < len(cells) else ""
            if named is not None and len(cells) == len(table.kinds) and _DIGITS.fullmatch(cell) and cells[named]:
                cell = f"afd. {cell} {cells[named]}"  # (read as "afd. 4 Engbrinken": its number an alias)
            if CODE_CELL_ONLY.fullmatch(cell) and j and (above := doc.lines[j - 1].strip()) and "\t" not in above \
                    and len(above) <= 40 and above[:1].isupper() and not _is_total(above) and len(above.split()) <= 4:
                cell = f"{above} ({cell})"  # "Fjordvænget" over "afd. 21<TAB>56": a cell's name and number on two
                # lines (a soft line break in a Word table's cell)
            if not (cell[:1].isupper() or _NUMBER_FIRST.match(cell)) or _is_total(cell) or len(cell) > 60:
                continue  # (a department's cell opens with its name, or with its number: "afd. 21 Nørreskovhuse")
            _table_row(doc, table, j, cells, cell, intro, orgs, found)


_DIGITS = re.compile(r"\d{1,4}[a-z]?")


def _name_column(doc: Document, table: Table, col: int) -> int | None:
    """The column of the departments' names when the department column holds only their numbers
    ("Afd.nr" over "4", "9") and a column headed "Navn" stands beside it; else None."""
    cells = [c[col] for _, c in table.rows if col < len(c) and c[col].strip()]
    if not cells or not all(_DIGITS.fullmatch(c.strip()) for c in cells[:-1] or cells):
        return None
    head = doc.lines[table.head].split("\t") if "\t" in doc.lines[table.head] else []
    return next((k for k, h in enumerate(head) if k != col and h.strip(" :*").casefold() in ("navn", "afdelingsnavn",
                                                                                        "afdelingens navn")), None)


# a department's cell with its number after its name: "Dronningparken 12" under "Boligafd." (one or two
# capitalised words, then the number alone)
_NAME_NUMBER = re.compile(r"(?P<name>[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?)\s+(?P<nr>\d{1,3}[a-z]?)")


def _name_number(zone: Zone) -> None:
    """A department named "Dronningparken 12" in a table is Dronningparken, its number an alias."""
    if zone.type == "housing_department" and not zone.aliases and (m := _NAME_NUMBER.fullmatch(zone.name)):
        zone.aliases = [zone.name, f'afd. {m.group("nr")}']
        zone.name = m.group("name")


def _table_row(doc: Document, table: Table, j: int, cells: list[str], cell: str, intro, orgs, found) -> None:
    from samspil.loaders.extract.zones import _department

    owner, code = owner_cell(table.cell(cells, "owner"))
    if code is None and (number := _DEPARTMENT_NO.fullmatch(table.cell(cells, "number") or "")):
        code = f"afd. {number.group(1)}"  # "Afd. | Navn | Boligorg.": the number's column
    district = table.cell(cells, "district") or intro
    zone = _department(cell, doc.ref(j), units=_units(table, cells),
                       housing_organisation=cell_owner(owner, orgs) if owner else None)
    _name_number(zone)
    if code and code not in zone.aliases:
        zone.aliases += [code, f"{owner} {code}"] if owner else [code]
    if district:
        if zone_key(zone.name) == zone_key(district):  # "Bo-Vest afd. 310 Vorup" in Vorup
            zone.aliases = [a for a in zone.aliases if a != cell]
            zone.name = cell
        if found.get(district) is None:
            found.add(Zone(name=district, type="district", sources=[doc.ref(j, district)]))
        zone.part_of = found.get(district).name
    if area := _zone_of(table, cells):
        if found.get(area) is None:
            found.add(Zone(name=area, type="zone", part_of=zone.part_of, sources=[doc.ref(j, area)]))
        zone.part_of = found.get(area).name
    found.add(zone)


# A department as a row of two cells without a head row (a list with dotted leaders, "Solhaven
# ........ Boligselskabet Nord, 712 boliger", reaches here as "Solhaven<TAB>...": space_tables.py)
_OWNER_UNITS = re.compile(r"^(?:(?P<owner>[A-ZÆØÅ0-9][^,()]{1,60}?)\s*(?:\((?P<code>afd[^)]{1,20})\))?\s*[,;–-]\s*)?"
                          r"(?P<n>\d{1,3}(?:\.\d{3})+|\d{1,5})\s+(?P<word>[A-Za-zÆØÅæøå]+)\.?(?:\s*\([^()]{1,80}\))?$")
# (a note in brackets after the dwellings: "196 boliger (opført 1972, 2-4 vær.)")


def _key_value_rows(doc: Document) -> dict[int, tuple[str, re.Match[str]]]:
    return doc.memo("key_value_departments", lambda: dict(_find_key_value_rows(doc)))


def _find_key_value_rows(doc: Document):
    from samspil.loaders.extract.zones import _is_total, parse_units

    for j, line in enumerate(doc.lines):
        if line.count("\t") != 1 or not _NUM.search(line):
            continue
        name, value = (c.strip() for c in strip_markup(line).split("\t"))
        m = _OWNER_UNITS.match(value)
        if m and name[:1].isupper() and len(name) <= 60 and not _is_total(name) \
                and parse_units(f"{m.group('n')} {m.group('word')}") is not None:
            yield j, (name, m)


def key_value_departments(doc: Document, orgs: list[Organisation], found) -> None:
    """A department from each row of two cells, its name and "[owner[ (afd. N)],] N boliger"."""
    from samspil.loaders.extract.zones import _department

    in_tables = {i for t in _department_tables(doc) for i in [t.head, *(j for j, _ in t.rows)]}
    for j, (name, m) in _key_value_rows(doc).items():
        if j in in_tables:
            continue
        owner, code = owner_cell(m.group("owner"))
        code = code or (re.sub(r"^afd(?:eling|\.)?\s*", "afd. ", m.group("code")) if m.group("code") else None)
        if owner is None and (last := _OWNER_LAST.match(name)):  # "Sølvhøj, Nivåhus afd. 4"
            owner, code, name = last.group("owner"), code or f"afd. {last.group('nr')}", last.group("name")
        elif owner is None and (first := _OWNER_FIRST.match(name)):  # "Fortunbo Bolig afd. 6, Lundtoftegården"
            owner, code, name = first.group("owner"), code or (f"afd. {first.group('nr')}" if first.group("nr") else None), \
                first.group("name")
            if numbered := _NUMBER_ONLY.fullmatch(owner):  # "Afdeling 4, Lendemarkeparken": no owner, its number
                owner, code = None, code or f"afd. {numbered.group(1)}"
        zone = _department(name, doc.ref(j), units=int(m.group("n").replace(".", "")),
                           housing_organisation=cell_owner(owner, orgs) if owner else None)
        if code and code not in zone.aliases:
            zone.aliases += [code, f"{owner} {code}"] if owner else [code]
        found.add(zone)


_OWNER_LAST = re.compile(r"^(?P<name>[A-ZÆØÅ][^,]{1,40}),\s*(?P<owner>[A-ZÆØÅ0-9][^,]{0,50}?)\s+afd(?:eling|\.)?\s*"
                         r"(?:nr\.\s*)?(?P<nr>\d{1,3})$")
_NUMBER_ONLY = re.compile(r"(?:[Aa]fd(?:eling|\.)?)\s*(?:nr\.\s*)?(\d{1,3})")
# the department's key written owner first: "Fortunbo Bolig afd. 6, Lundtoftegården", "Boligforeningen X,
# Dyrehavegård" (a list with dotted leaders to the dwellings)
_OWNER_FIRST = re.compile(r"^(?P<owner>[A-ZÆØÅ][^,]{1,50}?)(?:\s+afd(?:eling|\.)?\s*(?P<nr>\d{1,3}))?\s*,\s*"
                          r"(?P<name>[A-ZÆØÅ][^,]{1,40})$")


# Department tables whose line breaks were lost: "Afdeling Selskab Boliger Opført Engbo (afd. 3)
# Fjordbo 212 1968 Toften Fjordbo 96 1971 ..." (or the same with " | " between cells). Read only
# when every column after the owner's holds a number: then each row ends after its numbers.
_NUMERIC_KINDS = frozenset({"units", "residents", "built", "subset", "money", "number"})
# ("(?<![\w-])(?:Bolig)?(?:[Aa]fdeling(?:er)?|Bebyggelse|Boligområde)(?![\w-])" written for the engine: each
# branch opens with its letter, the look-behind after it, in the order the engine tried them, so that it skips
# to those letters, where a pattern opening with a look-ahead is tried at every position)
_HEAD_START = re.compile(r"B(?<![\w-].)olig(?:[Aa]fdeling(?:er)?|Bebyggelse|Boligområde)(?![\w-])"
                         r"|B(?<![\w-].)oligafd\.(?=\s+[A-ZÆØÅ])"
                         r"|A(?<![\w-].)fdeling(?:er)?(?![\w-])|a(?<![\w-].)fdeling(?:er)?(?![\w-])"
                         r"|B(?<![\w-].)ebyggelse(?![\w-])|B(?<![\w-].)oligområde(?![\w-])"
                         r"|A(?<![\w-].)fd\.(?=\s+(?:[A-ZÆØÅ]|nr\.\s+[A-ZÆØÅ])|\s?nr\.?\s+[A-ZÆØÅ])")  # ("Afd. Navn Boligorg.
# Lejemål", "Afd. nr. Afdeling Boligorganisation Lejemål", "Afd.nr Navn Opført": not "Afd. 3")
def _may_head(line: str) -> bool:
    """Whether ``line`` holds a word _HEAD_START starts with (a substring test per word is
    cheaper than the pattern, which cannot skip ahead to its first letter)."""
    return "fdeling" in line or "Bebyggelse" in line or "Boligområde" in line or "Afd. " in line \
        or "ligafd. " in line or "Afd.nr" in line


_PIPES = re.compile(r"\s*\|(?:\s*:?-{2,}:?\s*\|)*\s*")


def _flat_head(text: str, start: int) -> tuple[list[str], int] | None:
    """The column kinds of a head row run into the text at ``start``, and where it ends."""
    kinds: list[str] = []
    pos, last = start, ""
    while True:
        words = re.match(r"\s*((?:\S+\s+){0,2}\S+)", text[pos:])
        if not words:
            break
        parts = words.group(1).split()
        for n in range(len(parts), 0, -1):  # the longest label first ("Antal boliger")
            kind = column_kind(" ".join(parts[:n]))
            if kind == "person" and kinds == ["department"] and n == 1:
                kind = "department_name"  # "Afd. Navn ...": the department's code, then its name
            elif kind == "department" and kinds[:1] == ["department"] and _NUMBER_HEAD.fullmatch(" ".join(parts[:n])) \
                    and not _NUMBER_HEAD.fullmatch(last):
                kind = "number"  # "Afdeling Afd.nr. Boliger", "Afdeling Boligorg. Afd.nr. Lejemål": the name, then
                # (its owner and) the department's number
            elif kind == "partner" and kinds == ["department"] and n == 1:
                kind = "owner"  # "Afdeling Organisation Lejemål": the department's organisation, its owner
            elif kind == "department" and kinds == ["department"]:
                kinds[0] = "department_code"  # "Afd. nr. Afdeling ...": the department's number, then its name
            # (a kind again: the first row's "Afd. 3 ..."; but another year's column: "Beboere 2014 Beboere 2015", and
            # another count of some: "Heraf familieboliger Tomgang")
            if kind is not None and (kind not in kinds or kind == "subset"
                                     or n > 1 and parts[n - 1].isdigit() and last[-4:].isdigit()):
                kinds.append(kind)
                last = parts[n - 1]
                label = r"\s+".join(map(re.escape, parts[:n]))
                pos += len(re.match(rf"\s*{label}", text[pos:]).group(0))
                break
        else:
            break
    return (kinds, pos) if _readable(kinds[:-1] if kinds[-1:] in (["district"], ["zone"]) else kinds) else None


_NUMBER_HEAD = re.compile(r"(?:[Bb]olig)?[Aa]fd\.?\s?nr\.?|[Nn]r\.?|AFD\.?\s?NR\.?")  # a department number's column head
_CODE_KINDS = {"department_name", "department_code"}  # (a department's code column and its name column)


_SMALL_NUMBER = r"afd\.\s?\d{1,3}[a-z]?\s+[A-ZÆØÅ]"  # a department's number in small letters, its name after it
_SMALL_NUMBER_FIRST = re.compile(r"\s*" + _SMALL_NUMBER)


def _head_before(text: str, start: int) -> bool:
    """Does a zone's or district's column come before the department's ("Zone Boligorganisation Afd.nr. Afdeling
    Lejemål": each row opens with the place's name, which the rows read here cannot tell from the department's)?"""
    before = text[max(0, start - 60):start].split()[-3:]
    return any(column_kind(w) in ("zone", "district") for w in before) and not any(w.endswith((":", ",", ".")) and
                                                                                   not column_kind(w) for w in before)


def _readable(kinds: list[str]) -> bool:
    """Columns whose rows can be told apart without line breaks: a department, at most an
    owner, then only numbers (and after them at most one district: see the caller)."""
    kinds = [k for k in kinds if k not in _CODE_KINDS]
    if len(kinds) < 3 - ("owner" not in kinds) or kinds[0] != "department" or kinds[-1] not in _NUMERIC_KINDS \
            or set(kinds) & _NUMERIC_KINDS <= {"number"}:  # (a department's number alone: no count to end a row)
        return False
    first_number = next(k for k, kind in enumerate(kinds) if kind in _NUMERIC_KINDS)
    return first_number <= 2 and all(kind in _NUMERIC_KINDS for kind in kinds[first_number:])


@dataclass
class FlatTable:
    """A department table found on one line: its span in the line's text, column kinds, the
    district a lead-in names, and its rows (body, numbers, district, excerpt)."""

    span: tuple[int, int]
    kinds: list[str]
    intro: str | None
    rows: list[tuple[str, list[str], str | None, str]] = field(default_factory=list)
    numbered: bool = False  # (each row's department cell "Name N", the owner's cell after it)


def flat_tables(doc: Document) -> dict[int, tuple[str, list[FlatTable]]]:
    """Line index -> (the line's text, pipes made spaces; its department tables)."""
    return doc.memo("flat_department_tables", lambda: _flat_tables(doc))


def _flat_tables(doc: Document) -> dict[int, tuple[str, list[FlatTable]]]:
    from samspil.loaders.extract.zones import _is_total

    out: dict[int, tuple[str, list[FlatTable]]] = {}
    for i, line in enumerate(doc.lines):
        if len(line) < 80 or "\t" in line or not _may_head(line) or not _HEAD_START.search(line):
            continue
        text = _PIPES.sub(" ", strip_markup(line))
        found: list[FlatTable] = []
        for m in _HEAD_START.finditer(text):
            if (found and m.start() < found[-1].span[1]) or (head := _flat_head(text, m.start())) is None \
                    or _head_before(text, m.start()):
                continue  # (a head row that starts before the department's column: not read here)
            kinds, pos = head
            numbers = sum(k in _NUMERIC_KINDS for k in kinds)
            number = rf"(?<!afd\.\s)(?<!Afd\.\s)(?<!\baf\s)(?:{_NUM.pattern})"  # not "afd. 3", "af 1940"
            first = r"[A-ZÆØÅ]{0,3}-?\d{1,4}[a-zA-Z]?\s+[A-ZÆØÅ]" if _CODE_KINDS & set(kinds) \
                else _SMALL_NUMBER if _SMALL_NUMBER_FIRST.match(text, pos) else "[A-ZÆØÅ]"  # (the
            # department's number in small letters before its name in the first row: each row's, "afd. 11 Lyngholmen
            # Værebrohuse 174")
            row = re.compile(rf"\s*(?P<body>{first}[^|]{{1,70}}?)\s+(?P<nums>{number}(?:\s+(?:{number}|[–—-])){{{numbers - 1}}})"
                             r"(?=\s|$)")  # (a code first under "Afd. Navn": "B5 Sundparken 328"; a dash for none after
            # the first number: "Heraf ældreboliger" "–")
            intro = _INTRO_PLACE.search(text[max(0, m.start() - 120):m.start()].rstrip())
            table = _flat_rows(text, FlatTable((m.start(), pos), kinds, intro.group(1) if intro else None), row)
            if "owner" in kinds and table.rows and all(" " not in r[0] for r in table.rows):  # no row has an owner's cell
                numbered = re.compile(rf"\s*(?P<body>{_NAME_NUMBER.pattern}\s+[A-ZÆØÅ][^|]{{0,50}}?)\s+"
                                      rf"(?P<nums>{number}(?:\s+{number}){{{numbers - 1}}})(?=\s|$)")
                if len((other := _flat_rows(text, FlatTable((m.start(), pos), kinds, table.intro), numbered)).rows) >= 2:
                    table, other.numbered = other, True  # "Dronningparken 12 Kronhjorten 286": each department's
                    # number after its name
            if table.rows:
                found.append(table)
        if found:
            out[i] = (text, found)
    return out


def _flat_rows(text: str, table: FlatTable, row: re.Pattern[str]) -> FlatTable:
    """``table`` with the rows ``row`` reads after its head (up to a total row), its span to their end."""
    from samspil.loaders.extract.zones import _is_total

    pos = table.span[1]
    while (r := row.match(text, pos)) and not _is_total(r.group("body")):
        place, pos = _trailing_place(text, r.end(), row) if table.kinds[-1] in ("district", "zone") else (None, r.end())
        table.rows.append((r.group("body"), r.group("nums").split(), place, r.group(0).strip()))
    table.span = (table.span[0], pos)
    return table


def flat_rest(doc: Document) -> dict[int, str]:
    """The lines that hold a department table run onto one line, the table cut out and
    only its owners' cells kept (what other rules may still read there)."""
    from samspil.loaders.extract.zone_owners import HousingLabels

    out: dict[int, str] = {}
    for i, (text, found) in flat_tables(doc).items():
        for t in reversed(found):
            bodies = [r[0] for r in t.rows]
            owners = {owner_cell(b[m.end():].strip() if t.numbered and (m := _NAME_NUMBER.match(b))
                                 else _split_owner(b, bodies, HousingLabels([]))[1])[0] for b in bodies} - {None}
            text = f"{text[:t.span[0]]} . {', '.join(sorted(owners))} . {text[t.span[1]:]}"
        out[i] = text
    return out


def flat_department_tables(doc: Document, orgs: list[Organisation], found) -> None:
    """Department rows of a table whose line breaks were lost (see above)."""
    from samspil.loaders.extract.zone_owners import HousingLabels

    housing = HousingLabels(orgs)
    for i, (_text, tables_here) in flat_tables(doc).items():
        for t in tables_here:
            if t.intro and found.get(t.intro) is None:
                found.add(Zone(name=t.intro, type="district", sources=[doc.ref(i, t.intro)]))
            bodies = [r[0] for r in t.rows]
            for body, numbers, place, excerpt in t.rows:
                if t.numbered and (cell := _NAME_NUMBER.match(body)):
                    name, owner = cell.group(0), body[cell.end():].strip()
                else:
                    name, owner = _split_owner(body, bodies, housing) if "owner" in t.kinds else (body, None)
                code = _CODE_FIRST.match(name) if _CODE_KINDS & set(t.kinds) else None
                _flat_row(doc.ref(i, excerpt), t, (name[code.end():], owner) if code else (name, owner), numbers,
                          place or t.intro, orgs, found, code.group(1) if code else None)


# the department's code before its name in a table with a column of each ("B5 Sundparken", "12 Engbo")
_CODE_FIRST = re.compile(r"([A-ZÆØÅ]{0,3}-?\d{1,4}[a-zA-Z]?)\s+(?=[A-ZÆØÅ])")


def _flat_row(ref, t: FlatTable, name_owner, numbers: list[str], place: str | None, orgs, found,
              number: str | None = None) -> None:
    from samspil.loaders.extract.zone_owners import resolve_org
    from samspil.loaders.extract.zones import _department

    name, (owner, code) = name_owner[0], owner_cell(name_owner[1])
    kinds_of_numbers = [k for k in t.kinds if k in _NUMERIC_KINDS]
    units = numbers[kinds_of_numbers.index("units")] if "units" in kinds_of_numbers else None
    resolved = resolve_org(owner, orgs) if owner else None  # (the owner's words may be cut short here)
    zone = _department(name, ref, units=int(units.replace(".", "")) if units and units[:1].isdigit() else None,
                       housing_organisation=owner if resolved and _run_on(resolved) else resolved)
    if number is None:
        _name_number(zone)
    if code and code not in zone.aliases:
        zone.aliases += [code, f"{owner} {code}"]
    if "number" in kinds_of_numbers and (nr := f'afd. {numbers[kinds_of_numbers.index("number")]}') not in zone.aliases:
        zone.aliases.append(nr)  # (the number column's cell: "Trekronerhusene 41 224")
    if number and number not in zone.aliases:
        zone.aliases.append(number)
    if place and zone_key(zone.name) == zone_key(place):  # "Bo-Vest afd. 310 Vorup" in Vorup
        zone.name, zone.aliases = name, [a for a in zone.aliases if a != name]
    if place and found.get(place) is None:
        found.add(Zone(name=place, type="zone" if t.kinds[-1] == "zone" else "district", sources=[ref]))
    zone.part_of = found.get(place).name if place else None
    found.add(zone)


_ZONE_CELL = re.compile(r"\s+((?:Zone|Delområde|Område)\s+(?:[A-H]|\d{1,2})(?:\s+[–-]\s+[A-ZÆØÅ][\wæøå-]+)?)(?=\s|$)")


def _trailing_place(text: str, pos: int, row: re.Pattern[str]) -> tuple[str | None, int]:
    """The district cell after a row's numbers: two capitalised words when the next row (or a
    total, or the table's end) follows them, else one."""
    from samspil.loaders.extract.zones import _is_total

    if (zone := _ZONE_CELL.match(text, pos)) is not None:  # "Zone A – Solbjerg", "Zone 2"
        return zone.group(1), zone.end()
    for n in (2, 1):
        m = re.compile(rf"\s+((?:[A-ZÆØÅ][\wæøå-]+\s+){{{n - 1}}}[A-ZÆØÅ][\wæøå-]+)(?=\s|$)").match(text, pos)
        if not m:
            continue
        rest = text[m.end():].lstrip()
        if n == 1 or not rest or _is_total(rest) or row.match(text, m.end()):
            return m.group(1), m.end()
    return None, pos


_TRAILING_CODE = re.compile(r"\s+(afd(?:\.|eling)\s*\d{1,3}[a-z]?)$")


def _split_owner(body: str, bodies: list[str], housing) -> tuple[str, str | None]:
    """'Engbo (afd. 3) Bolig Vest' -> ('Engbo (afd. 3)', 'Bolig Vest'): the owner's cell is the
    longest tail that names a housing organisation, else one that ends another row too
    (the same owner on two rows), else a code in capitals or with digits ('FBF', 'B42'); a tail
    both known and repeated first ('Fjordbo' of 'Engbo Nord Fjordbo' and 'Toften Nord Fjordbo')."""
    from samspil.loaders.extract.orgs import org_type

    if (code := _TRAILING_CODE.search(body)) is not None and " " in body[:code.start()]:
        # "Kærhøjparken GEAB afd. 3": the owner's cell holds the number; the owner told without it
        name, owner = _split_owner(body[:code.start()], [_TRAILING_CODE.sub("", b) for b in bodies], housing)
        if owner is not None:
            return name, f"{owner} {code.group(1)}"
    words = body.split()
    tails = [" ".join(words[k:]) for k in range(1, len(words)) if words[k][:1].isupper()]  # longest first
    others = [b for b in bodies if b != body]
    def repeated(t: str) -> bool:
        return any(o.endswith(" " + t) for o in others)

    for test in (lambda t: t in housing and repeated(t), repeated, lambda t: t in housing,
                 lambda t: t.split()[0] == words[0] and "afd" in body,  # "Fjord afd. 3 Engbo Fjord Vest"
                 lambda t: org_type(t) == "housing_organisation",
                 lambda t: " " not in t and re.fullmatch(r"[A-ZÆØÅ][A-ZÆØÅ0-9-]+|[A-ZÆØÅ][a-zæøå]*\d+", t)):
        hit = next((t for t in tails if test(t)), None)
        if hit:
            return body[: len(body) - len(hit)].strip(), hit
    return body, None
