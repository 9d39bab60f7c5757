"""Tables of activities turned sideways: one column per activity, one row per field.

A table too wide for its page is often written the other way round, the fields' names down
its first column and each activity in a column of its own::

    |             | Aktivitet 1      | Aktivitet 2          |
    | Navn        | Natlys Them      | Forældreringen Them  |
    | Målgruppe   | unge 12-17 år    | forældre til unge    |
    | Partnere    | Ungdomsskolen    | Familierådgivningen  |

Read row by row, every row mixes the activities' facts. Such a run of table rows (cells
between tabs, as the readers give a Word, markdown or HTML table) is rewritten as one
record of "Key: value" lines per column, the name's field first as "Aktivitetsnavn:" (the
template's label), so the activity's fields are read as the template's are. A table is read
so only when its first column names an activity's name and its target group among three
fields or more the column kinds know (``extract.tables.column_kind``), so a table of people
or of departments set sideways is left as it is.
"""
from __future__ import annotations

from collections.abc import Sequence

__all__ = ["transposed_tables"]

Origin = tuple[int, int | None]

_NAME_KEYS = frozenset(("navn", "aktivitet", "aktivitetsnavn", "aktivitetens navn", "navn på aktivitet",
                        "titel", "projekt", "projektnavn"))
_FIELD_KINDS = frozenset(("activity", "target", "partner", "responsible", "focus_area", "description", "zone",
                          "money", "person"))


def transposed_tables(lines: Sequence[str], origins: Sequence[Origin]) -> tuple[list[str], list[Origin]]:
    """``lines`` with each sideways table of activities written out as one record per activity."""
    if not any("\t" in line or "|---" in line for line in lines):
        return list(lines), list(origins)
    out: list[str] = []
    out_origins: list[Origin] = []
    i = 0
    while i < len(lines):
        if "\t" not in lines[i] and "|---" in lines[i] and (flat := _flat_markdown(lines[i])) is not None:
            before, records, after = flat  # a markdown table run onto one line with its text (a web copy)
            for text in (before, *(t for record in records for t in [*(t for _, t in record), ""]), after):
                if text.strip():
                    out.append(text.strip())
                    out_origins.append(origins[i])
            i += 1
            continue
        if "\t" not in lines[i]:
            out.append(lines[i])
            out_origins.append(origins[i])
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in lines[j]:
            j += 1
        records = _records([line.split("\t") for line in lines[i:j]])
        if records is None:
            out += lines[i:j]
            out_origins += origins[i:j]
        else:
            for record in records:
                out += [text for _, text in record] + [""]
                out_origins += [origins[i + k] for k, _ in record] + [origins[j - 1]]
        i = j
    return out, out_origins


def _records(rows: list[list[str]]) -> list[list[tuple[int, str]]] | None:
    """Per value column, its (row, "Key: value") lines, when ``rows`` are a sideways table of activities."""
    from samspil.loaders.extract.tables import column_kind

    cells = [[c.strip() for c in row] for row in rows]
    width = max(len(row) for row in cells)
    if width < 3 or len(cells) < 3:
        return None
    # (a head row over the activities: "| | Aktivitet 1 | Aktivitet 2 |", its empty first cell perhaps lost)
    start = 0 if cells[0][0].strip(" :*").casefold() in _NAME_KEYS and len(cells[0]) == width else 1
    body = [(k, row) for k, row in enumerate(cells[start:], start) if any(row[1:])]
    keys = [row[0].strip(" :*").casefold() for _, row in body]
    kinds = [column_kind(row[0]) if row[0] else None for _, row in body]
    if not keys or keys[0] not in _NAME_KEYS or "target" not in kinds \
            or sum(kind in _FIELD_KINDS for kind in kinds) < 3 or any(len(key.split()) > 4 for key in keys):
        return None
    records = []
    for col in range(1, width):
        name = body[0][1][col] if col < len(body[0][1]) else ""
        if not name:
            continue
        record = [(body[0][0], f"Aktivitetsnavn: {name}")]
        for k, row in body[1:]:
            if col < len(row) and row[col]:
                record.append((k, f"{row[0].strip(' :*')}: {row[col]}"))
        records.append(record)
    return records if len(records) >= 2 else None


def _flat_markdown(line: str) -> tuple[str, list[list[tuple[int, str]]], str] | None:
    """(the text before, the records, the text after) of a sideways markdown table run onto ``line``
    ("... Aktiviteter | | Aktivitet 1 | Aktivitet 2 | |---|---|---| | Navn | Natlys | Ringen | | Målgruppe | ...
    | Natlys er ..."): its rows are told by the separator row's width, a blank cell between rows."""
    first, last = line.find("|"), line.rfind("|")
    cells = line[first + 1:last].split("|")
    rule = next((k for k, c in enumerate(cells) if set(c.strip()) <= set("-:") and c.strip()), None)
    if rule is None:
        return None
    width = 0
    while rule + width < len(cells) and cells[rule + width].strip() and set(cells[rule + width].strip()) <= set("-:"):
        width += 1
    head = cells[:rule]
    rows = [[c.strip() for c in head[-width - 1:-1]]] if len(head) > width else []
    k = rule + width
    while k + width < len(cells) and not cells[k].strip():  # (the blank cell between two rows)
        rows.append([c.strip() for c in cells[k + 1:k + 1 + width]])
        k += 1 + width
    if k < len(cells) - 1 or width < 3:
        return None  # (cells left over: not rows of one width)
    records = _records(rows)
    return (line[:first], records, line[last + 1:]) if records else None
