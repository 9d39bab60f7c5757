"""Focus areas written by short forms the document defines: a spreadsheet's or table's
"UL" / "BE" column, defined as "Forkortelser: UL = Uddannelse og livschancer; BE =
Beskæftigelse" or "Uddannelse og livschancer (UL)". The short form is read as the area it
stands for (focus_areas.py, activities.py); only definitions of known focus areas count.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document

__all__ = ["area_short_form", "is_short_form"]

_SHORT = re.compile(r"[A-ZÆØÅ]{2,4}")
# "UL = Uddannelse og livschancer", "BE: Beskæftigelse" (a glossary's entry, up to its separator)
_EQUALS = re.compile(r"\b([A-ZÆØÅ]{2,4})\s*[=:]\s*([A-ZÆØÅ][^;.=()\n\t]{2,60}?)\s*(?=[;.)\n\t]|,\s*[A-ZÆØÅ]{2,4}\s*[=:]|$)")
# "Uddannelse og livschancer (UL)"
_BRACKETED = re.compile(r"([A-ZÆØÅ][\wæøåÆØÅ,&/ -]{2,60}?)\s*\(([A-ZÆØÅ]{2,4})\)")


def is_short_form(name: str) -> bool:
    return _SHORT.fullmatch(name) is not None


def area_short_form(doc: Document, name: str) -> str | None:
    """The known focus area the document defines ``name`` ("UL") as, else None."""
    if not is_short_form(name):
        return None
    return doc.memo("area_short_forms", lambda: _definitions(doc)).get(name)


def _definitions(doc: Document) -> dict[str, str]:
    from samspil.loaders.extract.focus_areas import _fkey, _known_focus_areas

    known = _known_focus_areas()
    out: dict[str, str] = {}
    text = "\n".join(doc.lines)
    pairs = [(m.group(1), m.group(2)) for m in _EQUALS.finditer(text)] \
        + [(m.group(2), m.group(1)) for m in _BRACKETED.finditer(text)]
    for short, full in pairs:
        full = full.strip(" ,")
        for k in range(len(full.split()), 0, -1):  # the area's words at the end ("Indsatsområderne er X")
            tail = " ".join(full.split()[-k:])
            if (area := known.get(_fkey(tail))) is not None:
                out.setdefault(short, area if tail.casefold() == area.casefold() else tail)
                break
    return out
