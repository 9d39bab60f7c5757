"""Activities named in running text under a focus area's sentence:

    Under Uddannelse og livschancer gennemføres aktiviteten Lektiefabrikken, hvor frivillige
    ... samt aktiviteten Familiestøtte i Fyrkvarteret med ... Desuden gennemføres Offensiv
    Ungevejledning i samarbejde med ...

An agreement written as prose (a letter, a justified PDF text) names its activities by the
word "aktiviteten" or as what "gennemføres" after a sentence that opens with "Under <focus
area>"; the name is its capitalised words (with "i", "og", "for" ... between them).
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.activity_lists import Block
from samspil.loaders.extract.sections import plain_lines

__all__ = ["prose_activity_blocks"]

_NAME = r"[A-ZÆØÅ][\wæøå&-]+(?:\s+(?:(?:i|og|for|på|til|om)\s+)?[A-ZÆØÅ][\wæøå&-]+)*"
_NAMED = re.compile(rf"\baktivitete?n\s+(?P<a>{_NAME})|\bgennemføres\s+(?:desuden\s+|også\s+|endvidere\s+)?"
                    rf"(?P<b>{_NAME})(?=\s+(?:i\s+samarbejde|sammen\s+med|for\s|med\s|hvor\b)|,)")
_UNDER = re.compile(r"(?:^|(?<=[.:]\s))Under\s+(?:indsatsområdet\s+)?(?P<area>[A-ZÆØÅ][\wæøå ,-]{2,60}?)\s+"
                    r"(?:gennemføres|igangsættes|etableres|arbejder|tilbydes|vil)\b")
_CONTEXT_LINES = 4  # a focus area's sentence up to this many lines above its activities


def prose_activity_blocks(doc: Document) -> list[Block]:
    """Each activity named in a paragraph of a focus area's sentence, with that focus area."""
    if "Under " not in doc.text:
        return []
    from samspil.loaders.extract.focus_areas import canonical_focus_area, extract_focus_areas

    areas = extract_focus_areas(doc)
    if not areas:
        return []
    known = {a.name for a in areas}
    plain = plain_lines(doc)
    out: list[Block] = []
    area, area_line = None, -99
    for i, text in enumerate(plain):
        if not text:
            continue
        unders = [(m.start(), canonical_focus_area(m.group("area"), areas)) for m in _UNDER.finditer(text)]
        unders = [(at, a) for at, a in unders if a in known]
        if "aktivitet" not in text and "gennemføres" not in text:
            if unders:
                area, area_line = unders[-1][1], i
            continue
        named = list(_NAMED.finditer(text))
        for k, m in enumerate(named):
            end = named[k + 1].start() if k + 1 < len(named) else len(text)  # (its text: up to the next one)
            before = [a for at, a in unders if at < m.start()]
            focus = before[-1] if before else area if i - area_line <= _CONTEXT_LINES else None
            if focus is None:
                continue
            name = (m.group("a") or m.group("b")).strip()
            if name in known or len(name.split()) > 6:
                continue
            out.append(Block(name, i, i + 1, focus, text=text[m.start():end]))
        if unders:
            area, area_line = unders[-1][1], i
    return out
