"""Activities tagged with their focus area: a list's items each carrying the focus area
(indsatsområde) in brackets after its name, grouped under some other heading, such as
who they are for::

    Børn 0-12 år
      ▸ Legestuen Hyben [Uddannelse og livschancer]     (or a code first: "A  Legestuen Hyben  [...]")
        Åben legestue for småbørn ... Samarbejde med Sundhedsplejen.
      ▸ Aftenklubben [Kriminalitetsforebyggelse – også relevant for Tryghed]

An item counts when its tag starts with one of the document's focus areas (in square
brackets only: "1. Safety and well-being (Tryghed og trivsel)" names a focus area in
another language, "- Jobcaféen (tirsdage)" says when). The heading over a group of items, when it
names people ("Børn 0-12 år", "Unge 13-17 år"), is their target group; the lines under an
item are its description (partners, more target groups).
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.activity_lists import Block

__all__ = ["tagged_blocks"]

_ITEM = re.compile(r"^\W{0,3}(?:[-•*▪◦–·]\s+|[A-H]\d?[.):]?\s+(?=\S)|\d{1,2}[.)]\s+)?(?P<name>[A-ZÆØÅ\"«“0-9][^\[\]]{1,60}?)\s*"
                   r"\[(?P<tag>[^\[\]]{3,90})\](?:\s+(?P<rest>\S.*))?$")
_TAG_END = re.compile(r"\s*(?:[–—-]\s|[,;/])")  # (not "og": "Tryghed og trivsel")
_TAG_START = re.compile(r"[\wæøå.)] ?\[[A-ZÆØÅ][a-zæøå]")
MIN_TAGGED = 2  # items with a focus area's tag before the form counts


def tagged_blocks(doc: Document) -> list[Block]:
    """Items named with their focus area in brackets (see the module's doc), in order."""
    return doc.memo("tagged_blocks", lambda: _tagged_blocks(doc))


def _tagged_blocks(doc: Document) -> list[Block]:
    if "[" not in doc.text or _TAG_START.search(doc.text) is None:  # (one search: most documents have no tag)
        return _timed_blocks(doc)
    from samspil.loaders.extract.focus_areas import _fkey, _known_focus_areas, _known_key, extract_focus_areas

    areas = {_fkey(fa.name): fa.name for fa in extract_focus_areas(doc)}
    if not areas:  # (a programme or leaflet that names the areas only in its tags: the regulativ's)
        areas = {_fkey(name): name for name in _known_focus_areas().values()}
    items: list[tuple[int, str, str]] = []
    for i, line in enumerate(doc.lines):
        if "[" not in line:
            continue
        if "\t" in line and (cell := _TAG_CELL.match(line.rsplit("\t", 1)[1])):
            name, tag = _name_of(line.rsplit("\t", 2)[-2]), cell.group(1)  # "A<TAB>Name For ... Med ...<TAB>[Area]"
        elif m := _ITEM.match(line.strip()):
            name, tag = m.group("name"), m.group("tag")
        else:
            continue
        area = areas.get(_fkey(tag)) or areas.get(_fkey(_TAG_END.split(tag, 1)[0]))
        if area and name:
            items.append((i, name.strip(" :–-"), area))
    if len(items) < MIN_TAGGED:
        return []
    starts = [i for i, _, _ in items]
    blocks = []
    for n, (i, name, area) in enumerate(items):
        end = starts[n + 1] if n + 1 < len(starts) else i + 1
        end = next((j for j in range(i + 1, end) if not doc.lines[j].strip()), end)
        if n + 1 == len(items):  # the last item: its description, up to a blank line
            end = next((j for j in range(i + 1, min(i + 8, len(doc.lines))) if not doc.lines[j].strip()),
                       min(i + 8, len(doc.lines)))
        blocks.append(Block(name, i, end, area, _group_heading(doc, i, starts)))
    return blocks


_TAG_CELL = re.compile(r"^\s*\[([^\[\]]{3,90})\]\s*$")  # a table's last cell holding only the tag
# a word that starts the description run onto the name in its cell ("Lektiecafé Stejlhøj For elever ...")
_DESCRIPTION_WORDS = frozenset("For Med Til Hvor Hver Der Som Vi Alle Åben Her Et En".split())


def _name_of(cell: str) -> str:
    """The name at the start of a cell that runs its description on after it."""
    words = cell.split()
    cut = next((k for k in range(1, len(words)) if words[k] in _DESCRIPTION_WORDS), len(words))
    return " ".join(words[:cut]) if cut <= 6 else ""


def _group_heading(doc: Document, i: int, starts: list[int]) -> str | None:
    """The heading of the group item ``i`` is in: the short line over the group's first item
    after a blank line (None when the items stand under no such heading)."""
    first = i
    for j in range(i - 1, max(-1, i - 40), -1):
        line = doc.lines[j].strip()
        if j in starts:
            first = j
        elif not line and j + 1 < len(doc.lines) and not doc.lines[j + 1].strip():
            break
        elif not line:
            continue
        elif j + 1 == first and len(line) <= 40 and not line.endswith((".", ":")):
            return line
    return None



# a leaflet's item: a time, then the activity's name in capitals, its fields below ("For:", "Med:", "Hvor:")
_TIMED = re.compile(r"^\W{0,2}(?:kl\.\s*)?\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?\s+"
                    r"(?P<name>[A-ZÆØÅÉÜÖÄ][A-ZÆØÅÉÜÖÄ0-9 &'/-]{2,50})$")
_FIELD = re.compile(r"^\W{0,2}(?:For|Med|Hvor|Hvem|Målgruppe|Sted|Kontakt)\s*:")
_LOWER_WORDS = frozenset("i og for med på til af om ved fra".split())


def _timed_blocks(doc: Document) -> list[Block]:
    """A residents' leaflet's activities by weekday: a time and a name in capitals ("• 15.00-17.30
    LEKTIECAFÉ SYD"), its fields on the lines below ("For: elever i 4.-10. klasse", "Med: Skovlunde
    Skole"); two such items or more. The name written as a name, its fields its text."""
    items = [(i, m.group("name")) for i, line in enumerate(doc.lines)
             if line[:1] in "•-–*0123456789 k" and (m := _TIMED.match(line.strip()))
             and i + 1 < len(doc.lines) and _FIELD.match(doc.lines[i + 1].strip())]
    if len(items) < MIN_TAGGED:
        return []
    blocks = []
    for n, (i, name) in enumerate(items):
        nxt = items[n + 1][0] if n + 1 < len(items) else min(i + 8, len(doc.lines))
        end = next((j for j in range(i + 1, nxt) if not _FIELD.match(doc.lines[j].strip())), nxt)
        blocks.append(Block(_sentence_case(name.strip()), i, end, None))
    return blocks


def _sentence_case(name: str) -> str:
    """A name in capitals written as a name ("LEKTIECAFÉ SYD" -> "Lektiecafé Syd", "FÆLLESSPISNING I
    KILDEDALSHUSENE" -> "Fællesspisning i Kildedalshusene")."""
    if not name.isupper():
        return name
    words = name.lower().split()
    return " ".join(w if k and w in _LOWER_WORDS else w[:1].upper() + w[1:] for k, w in enumerate(words))
