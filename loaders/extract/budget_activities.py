"""Activities named only in a budget: an application's budget annex lists the plan's
activities as its cost rows, grouped by focus area::

    Nr.  Post                                                  2013  2014  2015  2016  I alt
    1    INDSATSOMRÅDE 1: BESKÆFTIGELSE OG UDDANNELSE
    1.1  Jobcaféen Hømarken – drift, materialer, 0,5 jobkonsulent   120   125   125   130    500
         (konsulenten udlånes af Jobcenter Svendborg; lønrefusion)
    4    FÆLLES OMKOSTNINGER
    4.1  Projektleder, 37 t./uge                                  520   530   540   550   2140

A row with a sub-number ("1.1") and two or more amounts under a group that names a focus
area ("INDSATSOMRÅDE 1: X", "Indsatsområde: X") is an activity of that area, named by its
cell up to the description after a dash or a bracket; the rest of the cell (who lends
staff, rooms or materials) is its text. Rows under a group that names no area (shared
costs: staff, office, evaluation) are none. Read only when nothing else in the document
names its activities.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.activity_lists import Block

__all__ = ["budget_blocks", "area_cost_blocks"]

_AREA_GROUP = re.compile(r"^\W{0,3}(?:\d{1,2}\.?\s+)?indsatsområde\s*(?:\d{1,2}|[A-H])?\s*[:–-]\s*(?P<name>\S.{2,70})$", re.I)
_GROUP = re.compile(r"^\W{0,3}\d{1,2}\.?$")        # "4" (its title in the next cell)
_ITEM_CODE = re.compile(r"^\d{1,2}\.\d{1,2}\.?$")  # "1.1"
_AMOUNT = re.compile(r"^-?\d{1,3}(?:[.\s]?\d{3})*(?:,\d+)?$")
_NAME_END = re.compile(r"\s+[–—-]\s+|\s+\(|,\s")
MIN_AMOUNTS = 2


def budget_blocks(doc: Document) -> list[Block]:
    """Cost rows of a budget grouped by focus area (see the module's doc), in order."""
    if "ndsatsområde" not in doc.text and "NDSATSOMRÅDE" not in doc.text:
        return []
    from samspil.loaders.extract.sections import _sentence_case

    blocks: list[Block] = []
    area: str | None = None
    for i, line in enumerate(doc.lines):
        if "\t" not in line:
            if (m := _AREA_GROUP.match(line.strip())) is not None:
                area = _sentence_case(m.group("name").strip(" :"))
            continue
        cells = [c.strip() for c in line.split("\t")]
        if _GROUP.match(cells[0]) and len(cells) > 1:
            m = _AREA_GROUP.match(cells[1])
            area = _sentence_case(m.group("name").strip(" :")) if m else None  # ("4  FÆLLES OMKOSTNINGER")
            continue
        if area is None or not _ITEM_CODE.match(cells[0]) or len(cells) < 2 \
                or sum(1 for c in cells[2:] if _AMOUNT.match(c)) < MIN_AMOUNTS:
            continue
        name = _NAME_END.split(cells[1], 1)[0].strip(" .")
        if 2 <= len(name) <= 60 and name[:1].isupper():
            blocks.append(Block(name, i, i + 1, area, None, cells[1]))
    return blocks


# an account note's cost line: "Jobvejen Holsted (ledige 25-64 år; med Jobcenter Vejen)     142.600"
_COST_LINE = re.compile(r"^\s*(?P<name>[A-ZÆØÅ][^()\t:]{1,50}?)\s*(?:\((?P<detail>[^()]{2,120})\))?[\s\t]+"
                        r"(?P<amount>\d{1,3}(?:\.\d{3})+|\d{1,7})\s*$")


def area_cost_blocks(doc: Document) -> list[Block]:
    """An account's or budget's cost lines grouped under the document's focus areas as headings of their
    own ("Beskæftigelse" over "Jobvejen Holsted (ledige 25-64 år; med Jobcenter Vejen)   142.600"): each
    line an activity of the area above it, its bracket its text; a line of any other kind ends the group
    (a shared cost, "Fælles: beboerarrangementer  117.200", is under no area). Read only when nothing else
    in the document names its activities."""
    from samspil.loaders.extract.focus_areas import _fkey, _known_focus_areas, extract_focus_areas

    areas = {_fkey(fa.name): fa.name for fa in extract_focus_areas(doc)} or {}
    known = _known_focus_areas()
    blocks: list[Block] = []
    area: str | None = None
    for i, line in enumerate(doc.lines):
        text = line.strip()
        if not text:
            continue
        key = _fkey(text)
        if key in areas or key in known:
            area = areas.get(key) or known[key]
            continue
        m = _COST_LINE.match(line.replace("\t", "   ")) if area is not None and _has_amount(text) else None
        if m is None or m.group("name").strip().casefold().startswith(("i alt", "total", "samlet")):
            area = None  # (the group's end: another heading, a sum, text)
            continue
        blocks.append(Block(m.group("name").strip(), i, i + 1, area, None, m.group("detail") or m.group("name")))
    return blocks if len(blocks) >= 2 else []


def _has_amount(text: str) -> bool:
    return text[-1:].isdigit()
