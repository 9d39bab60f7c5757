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

from samspil.loaders.document import Document
from samspil.loaders.extract.tables import Table, tables
from samspil.loaders.extract.text import strip_markup
from samspil.loaders.extract.zone_districts import zone_key
from samspil.loaders.model import Organisation, Zone

__all__ = ["department_tables", "table_lines"]

_NUM = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")
# "... følgende boligafdelinger i Vestbyen:" / "Boligområderne i Nordbyen:"
_INTRO_PLACE = re.compile(r"\w*(?:afdeling|boligområde|område|bebyggelse)\w*\b.*?\bi\s+"
                          r"((?:[A-ZÆØÅ][\wæøå-]+)(?:\s+[A-ZÆØÅ][\wæøå-]+){0,2})\s*:\s*$", re.I)


def _department_tables(doc: Document) -> list[Table]:
    return [t for t in tables(doc) if t.kinds[0] == "department" and t.rows]


def table_lines(doc: Document) -> set[int]:
    """The lines of department tables (head and rows): other zone rules skip them."""
    return {i for t in _department_tables(doc) for i in [t.head, *(j for j, _ in t.rows)]}


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
        counts = [c for c in cells[1:] if _NUM.fullmatch(c)]
        cell = counts[0] if len(counts) == 1 else None
    return int(cell.replace(".", "")) if cell and _NUM.fullmatch(cell) else None


def department_tables(doc: Document, orgs: list[Organisation], found) -> None:
    """Add a department for each row of the document's department tables."""
    from samspil.loaders.extract.zones import _department, _is_total, _resolve_org

    for table in _department_tables(doc):
        intro = _intro_district(doc, table.head)
        for j, cells in table.rows:
            cell = cells[0]
            if not cell[:1].isupper() or _is_total(cell) or len(cell) > 60:
                continue
            owner = table.cell(cells, "owner")
            district = table.cell(cells, "district") or intro
            zone = _department(cell, doc.ref(j), units=_units(table, cells),
                               housing_organisation=_resolve_org(owner, orgs) if owner else None)
            if district:
                if zone_key(zone.name) == zone_key(district):  # "Bo-Vest afd. 310 Vorup" in Vorup
                    zone.aliases = [a for a in zone.aliases if a != cell]
                    zone.name = cell
                if found.get(district) is None:
                    found.add(Zone(name=district, type="district", sources=[doc.ref(j, district)]))
                zone.part_of = found.get(district).name
            found.add(zone)
