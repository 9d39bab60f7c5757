"""Activities listed as "Name: what it is" under a chapter about the activities.

A web page, a summary or an annual report that describes a plan in prose often lists its
activities in a chapter of their own ("5. Aktiviteterne kort", "Aktiviteter", "Projekterne i
overblik"), one entry a line or, when the line breaks were lost, one after another:
``Lektiehjælp i Toftehøj: to ugentlige lektiecaféer ... Jobbutikken: åben vejledning ...``.
Each entry's name is the short capitalised phrase before its colon; its text runs to the next
entry. The focus area is the one a sentence elsewhere names before the activity ("Under
Beskæftigelse arbejder vi med Jobbutikken ..."), when one does. Used by activities.py where
no template, table or focus-area section names the activities.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.segment import starts_with_label

__all__ = ["chapter_blocks"]

# the chapter's heading: alone on its line, or numbered inside a line that lost its breaks
_HEAD = r"(?:(?:de\s+|vores\s+|helhedsplanens\s+)?(?:aktiviteter(?:ne)?|projekter(?:ne)?|tiltag(?:ene)?|forløb(?:ene)?)" \
        r"(?:\s+(?:kort|i\s+(?:kort\s+)?overblik|i\s+korte\s+træk|kort\s+fortalt))?)"
_HEAD_LINE = re.compile(rf"^\W{{0,3}}(?:\d{{1,2}}\.?\s+)?{_HEAD}\s*:?$", re.I)
_HEAD_IN = re.compile(r"(?:^|(?<=\s))\d{1,2}\.?\s+(?:(?:De|Vores|Helhedsplanens)\s+aktiviteter|Aktiviteter(?:ne)?|Projekter(?:ne)?"
                      r"|Tiltag(?:ene)?)(?:\s+(?:kort|i\s+(?:kort\s+)?overblik|i\s+korte\s+træk|kort\s+fortalt))?(?=\s+[A-ZÆØÅ])"
                      r"|(?<=\s)(?:AKTIVITETER(?:NE)?|PROJEKTER(?:NE)?|TILTAGENE)(?=\s+[A-ZÆØÅ]|\s*$)")  # (a heading in capitals)
# an entry: a short capitalised name and its colon, at a line's or a sentence's start
_ENTRY = re.compile(r"(?:^\s*(?:[a-h]\)\s+)?|(?<=[.!?])\s*|(?<=\d)\s+|(?<=[.!?]\"|[.!?]”)\s*)(?P<name>[A-ZÆØÅ][^:.!?;\n]{1,60}?)\s*:\s+(?=\S)")
# what ends the chapter: the next numbered heading, or a heading word of the page's next part
_END = re.compile(r"(?:^|(?<=[.!?])\s+)(?:\d{1,2}\.\s+[A-ZÆØÅ][\wæøå]+(?:\s+[\wæøå]+){0,3}(?=\s+[A-ZÆØÅ]|$)|§\s*\d{1,2}\s"
                  r"|(?:Kontakt|Kontaktpersoner|Organisering|Økonomi|Bilag|Nyheder|Mød holdet|KONTAKT|ORGANISERING|ØKONOMI"
                  r"|BUDGET|BILAG|EVALUERING)\b)")
_NOT_A_NAME = re.compile(r"\b(?:kontakt\w*|tlf|telefon|mail|e-mail|målgruppe\w*|formål|status|tid|sted|pris|periode"
                         r"|\w*leder|\w*koordinator|\w*medarbejder|forretningsfører|konsulent|mobil"
                         r"|ansvarlig\w*|partnere|samarbejdspartnere|læs mere|bemærk|note)\b", re.I)
MAX_NAME_WORDS = 7


def chapter_blocks(doc: Document) -> list:
    """Activity blocks of the entries under a chapter about the activities (see the module)."""
    from samspil.loaders.extract.activity_lists import Block

    for i, start in _chapters(doc):  # (a page's menu may name "Aktiviteter" before its chapter does)
        if (blocks := _cards(doc, i, start) or _entries(doc, i, start)):
            return blocks
    return []


def _entries(doc: Document, i: int, start: int) -> list:
    """The "Name: ..." entries of the chapter starting at line ``i`` (offset ``start``)."""
    from samspil.loaders.extract.activity_lists import Block

    entries = []  # (line, name, the text it is in, where its name starts, where its text starts)
    for j in range(i, min(len(doc.lines), i + 200)):
        text = doc.lines[j][start:] if j == i else doc.lines[j]
        end = _END.search(text, 1 if j > i else 0) if j > i or start else None
        if j > i and _END.match(text.strip()):
            break
        body = text[:end.start()] if end is not None and end.start() > 0 else text
        for m in _ENTRY.finditer(body):
            name = " ".join(m.group("name").split())
            name = name.strip(" \"«»“”") if name[:1] in "\"«»“”" else name
            if 0 < len(name.split()) <= MAX_NAME_WORDS and not _NOT_A_NAME.search(name) \
                    and sum(w[:1].islower() for w in name.split()) <= 3 and not starts_with_label(f"{name}:"):
                entries.append((j, name, body, m.start("name"), m.end()))
        if end is not None and end.start() > 0 and entries:
            break
    blocks = []
    areas = _areas_by_mention(doc, [name for _, name, _, _, _ in entries])
    for k, (j, name, body, _, at) in enumerate(entries):
        upto = entries[k + 1][3] if k + 1 < len(entries) and entries[k + 1][0] == j else len(body)
        blocks.append(Block(name=name, start=j, end=j + 1, focus_area=areas.get(name), text=f"{name}: {body[at:upto]}"))
    return blocks if len(blocks) >= 2 else []


def _chapters(doc: Document):
    """(line, offset after the heading) of each heading of an activities' chapter."""
    for i, line in enumerate(doc.lines):
        if "ktivitet" not in line and "rojekt" not in line and "iltag" not in line and "ROJEKT" not in line \
                and "KTIVITET" not in line and "ILTAG" not in line and "Forløb" not in line:
            continue
        text = line.strip()
        if len(text) < 40 and _HEAD_LINE.match(text):
            yield next((j for j in range(i + 1, min(i + 4, len(doc.lines))) if doc.lines[j].strip()), i + 1), 0
        elif (m := _HEAD_IN.search(line)) is not None:
            yield i, m.end()
        elif (first := line.find("Læs mere")) >= 0 and (heads := list(_HEAD_BARE.finditer(line, 0, first))):
            yield i, heads[-1].end()  # "... (PDF, 2,8 MB) Aktiviteter Lektiecafé MunkeboHver ... Læs mere...": the
            # web cards' heading without its number, the last before the first card's link (not the menu's item)


_HEAD_BARE = re.compile(r"(?:^|(?<=\s))(?:Aktiviteter(?:ne)?|Projekter(?:ne)?|Vores aktiviteter)(?=\s+[A-ZÆØÅ0-9\"“])")


def _areas_by_mention(doc: Document, names: list[str]) -> dict[str, str]:
    """The focus area a sentence names before each activity ("Under X er aktiviteterne A og B")."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas

    areas = [fa.name for fa in extract_focus_areas(doc)]
    if not areas or not names:
        return {}
    area_at = re.compile("|".join(re.escape(a) for a in sorted(areas, key=len, reverse=True)), re.I)
    out: dict[str, str] = {}
    for sentence in re.split(r"(?<=[.!?])\s+", doc.text):
        hits = list(area_at.finditer(sentence))
        if not hits:
            continue
        low = sentence.casefold()
        for name in names:
            at = low.find(name.casefold())
            before = [h for h in hits if h.end() <= at]
            if at >= 0 and before and name not in out:
                out[name] = next(a for a in areas if a.casefold() == before[-1].group(0).casefold())
    return out


# a web page's cards copied without their breaks: "Lektiecafé MunkeboHver tirsdag ... Læs mereJobcaféenEr du
# ledig ...": each card's title glued to its text (a small letter, then a capital), "Læs mere" after each
_READ_MORE = re.compile(r"Læs\s+mere\W{0,3}")
_GLUED_TITLE = re.compile(r"^\s*(?P<t>[A-ZÆØÅ0-9\"“][^.!?:]{2,60}?[a-zæøå0-9\"”)])(?=[A-ZÆØÅ][a-zæøå])")
_QUOTED_TITLE = re.compile(r"^\s*(?P<t>[A-ZÆØÅ][^\"“”.!?:]{1,40}[\"“„][^\"“”]{1,40}[\"”])\s*(?=[A-ZÆØÅ])")
_SPACED_TITLE = re.compile(r"^\s*(?P<t>[A-ZÆØÅ][\wæøå'’-]*(?:\s+[A-ZÆØÅ][\wæøå'’-]*){0,3})\s+(?=(?:Et|En|Der|Vi|Her|Hver|For|Gratis|Er|Har|Kom|Du)\s)")


def _cards(doc: Document, i: int, start: int) -> list:
    """Activity blocks of the chapter's first line when it holds web cards (``_READ_MORE``
    twice or more): each card's title, its text the card's own."""
    from samspil.loaders.extract.activity_lists import Block

    line = doc.lines[i] if start else (doc.lines[i] if i < len(doc.lines) else "")
    text = line[start:] if start else line
    if len(_READ_MORE.findall(text)) < 2:
        return _card_lines(doc, i) if not start else []
    out = []
    for piece in _READ_MORE.split(text):
        m = _QUOTED_TITLE.match(piece) or _GLUED_TITLE.match(piece) or _SPACED_TITLE.match(piece)
        if m is None or len(m.group("t").split()) > 7 or _NOT_A_NAME.search(m.group("t")):
            continue
        out.append(Block(name=m.group("t").strip(), start=i, end=i + 1, focus_area=None, text=piece))
    return out if len(out) >= 2 else []


# a card's title line: its name, perhaps with its track or area after a dot or a bar ("Havnecaféen · Spor 1")
_CARD_TITLE = re.compile(r"^(?P<t>[A-ZÆØÅ0-9\"“«][^.!?:·|]{1,60}?)(?:\s+[·|]\s+(?P<tag>[^.!?]{1,40}))?$")
_CARD_END = re.compile(r"Læs\s+mere\W{0,3}$")
MAX_CARD_LINES = 6


def _card_lines(doc: Document, i: int) -> list:
    """Activity blocks of web cards one line each, from line ``i`` on: a title line ("Havnecaféen ·
    Spor 1"), the card's text on the lines under it, its last line ending in "Læs mere"; two cards
    at least, one after the other. A tag after the title ("Spor 1", "Beskæftigelse") is the card's
    focus area (a code the document lists, ``focus_code``)."""
    from samspil.loaders.extract.activity_lists import Block
    from samspil.loaders.extract.activity_tables import focus_code

    out, k = [], i
    while k < len(doc.lines) and (title := _CARD_TITLE.match(doc.lines[k].strip())) is not None:
        end = next((j for j in range(k + 1, min(k + 1 + MAX_CARD_LINES, len(doc.lines)))
                    if _CARD_END.search(doc.lines[j].rstrip())), None)
        if end is None or _NOT_A_NAME.search(title.group("t")) or len(title.group("t").split()) > 7 \
                or any(not doc.lines[j].strip() for j in range(k + 1, end)):
            break
        tag = title.group("tag")
        focus = focus_code(doc, _TRACK.sub(r"\1", tag.strip())) if tag else None
        out.append(Block(name=title.group("t").strip(), start=k, end=end + 1, focus_area=focus,
                         text=" ".join(line.strip() for line in doc.lines[k + 1:end + 1])))
        k = end + 1
    return out if len(out) >= 2 else []


_TRACK = re.compile(r"^(?:Spor|Tema|Indsatsområde)\s+(\d{1,2})$", re.I)  # "Spor 1": the area listed as "SPOR 1 X"
