"""Older plans that head each focus area with a line alone in capitals ("BØRN OG UNGE")
and name its projects as short titles, each followed by its description:

    BØRN OG UNGE

    Legepladsen
    Bemandet legeplads for børn 3-10 år.

A line in capitals is a focus area's heading when it is no chapter of another kind
(Indledning, Økonomi, Organisering, ...) and two or more such titles, or a list, follow
it before the next one (one title each, when two or more such headings have one). Used only when no other heading names a focus area.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.activity_lists import NOT_ACTIVITY
from samspil.loaders.extract.flat_activity_tables import opens_with_area
from samspil.loaders.extract.sections import plain_lines

__all__ = ["caps_headings", "is_title_line", "list_headings"]

_OTHER_CHAPTER = re.compile(r"^(?:indhold\w*|forord|resum[eé]|sammenfatning|organisering|økonomi|budget|bilag\w*"
                            r"|evaluering|baggrund|indledning|formål|vision|mål\w*|områdebeskrivelse|underskrift\w*"
                            r"|parter|(?:del|samarbejds)?aftalens parter|tidsplan|kontakt\w*|styregruppe\w*|finansiering"
                            # (a fact sheet's or report's sections: "AKTIVITETERNE", "TIDSLINJE", "CITATER")
                            r"|aktivitet\w*|indsatsområde\w*|tidslinje|citat\w*|presse\w*|fakta\w*|(?:bolig)?området"
                            r"|(?:de )?ansvarlige|milepæl\w*|status|nøgletal|resultater)$", re.I)
# a page's headings over lists that are no focus area's activities: the parties, related
# documents and pages, links, contacts, news ("Parterne bag aftalen", "Relaterede dokumenter")
_NOT_AREA_HEAD = re.compile(r"\b(?:parter\w*|aftaleparter\w*|relatere\w*|dokument\w*|sider|links?|genveje|kontakt\w*"
                            r"|se også|læs (?:mere|også)|nyheder|menu|om os|cookie\w*|download\w*|publikation\w*"
                            r"|dagsorden\w*|referat\w*|punkter)\b", re.I)  # (a meeting's agenda: its items)
_LIST_START = re.compile(r"^\W{0,2}(?:[-•*▪◦–o]|\d{1,2}[.)]|[a-h]\))\s+[\"“«»„]?[A-ZÆØÅ]")  # (a quoted name too)
# an item that names itself before a dash, then describes at any length (a web page's
# "<li><b>Lektiecaféen</b> – lektiehjælp for elever i 4.-10. klasse, ...</li>")
_NAMED_ITEM = re.compile(r"^\W{0,2}(?:[-•*▪◦–o]|\d{1,2}[.)]|[a-h]\))\s+[A-ZÆØÅ\"«“][^\s–—:]*(?:\s+[^\s–—:]+){0,5}\s+[–—-]\s+\S"
                         r".{0,400}$")
_FIELD = re.compile(r"^\S+(?:\s+\S+){0,2}\s*:")  # "Formål: ...": a template's field, read elsewhere
_LABELLED = re.compile(r"^(?:aktivitet|(?:del)?projekt|tiltag|indsats)\w*\s+\S*\d", re.I)  # "Aktivitet 1.1 X"
MAX_WORDS = 6
WITHIN = 14  # lines after the heading where its first titles must be


def is_title_line(plain: list[str], i: int) -> bool:
    """A project's title: a short capitalised line without a stop or a colon, after a blank
    line, followed by its description (a sentence)."""
    text = plain[i]
    words = text.split()
    if not 0 < len(words) <= MAX_WORDS or not text[0].isupper() or text.isupper() or ":" in text or text[-1] in ".;,!?" \
            or i == 0 or plain[i - 1] or NOT_ACTIVITY.match(text) or sum(w[:1].islower() for w in words) > 3:
        return False
    nxt = next((t for t in plain[i + 1:i + 3] if t), "")
    return len(nxt.split()) >= 3 and nxt.endswith(".") and not _FIELD.match(nxt) and not _LABELLED.match(text)


def _is_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and text.isupper() and len(text.split()) <= MAX_WORDS \
        and not _OTHER_CHAPTER.match(text.strip(" .:")) and not any(c.isdigit() for c in text)


def caps_headings(doc: Document) -> dict[int, str]:
    """Line -> focus area (in sentence case) of each heading in capitals that heads titles."""
    return doc.memo("caps_headings", lambda: _caps_headings(doc))


def _caps_headings(doc: Document) -> dict[int, str]:
    plain = plain_lines(doc)
    candidates = [i for i, t in enumerate(plain) if t and t[0].isupper() and t[-1:].isupper() and _is_heading(t)]
    first = next((i for i, t in enumerate(plain) if t.strip()), None)
    if candidates and candidates[0] == first and not opens_with_area(plain[first].capitalize().split()):
        candidates = candidates[1:]  # the document's title ("TRYGHEDSPARTNERSKAB"), no focus area's heading
    counts = {}
    for k, i in enumerate(candidates):
        end = min(candidates[k + 1] if k + 1 < len(candidates) else len(plain), i + WITHIN)
        listed = any(_LIST_START.match(plain[j]) for j in range(i + 1, min(end, i + 4)) if plain[j])
        counts[i] = 2 if listed else sum(is_title_line(plain, j) for j in range(i + 1, end))
    series = sum(n >= 1 for n in counts.values()) >= 2  # several areas: one title each is enough
    return {i: plain[i][0] + plain[i][1:].lower() for i, n in counts.items() if n >= 2 or series and n >= 1}


def list_headings(doc: Document) -> dict[int, str]:
    """Line -> focus area of each short heading (a web page's <h2>/<h3>, a slide's title)
    that a list of two or more short items follows at once (names, not statements with a
    percentage or of a long sentence), when two or more such headings follow each other: a web copy or slide deck that heads each focus area and lists its
    activities under it. Asked only when no other heading names a focus area."""
    return doc.memo("list_headings", lambda: _list_headings(doc))


def _list_headings(doc: Document) -> dict[int, str]:
    plain = plain_lines(doc)
    found: dict[int, str] = {}
    for i, t in enumerate(plain):
        if t[-1:] == ":" and t[:1].isupper() and t.count(":") == 1 and opens_with_area(t[:-1].split()):
            t = t[:-1]  # "Uddannelse og livschancer:" over its activities' bullets: a known area's lead-in
        if not t or not t[0].isupper() or len(t) > 60 or t[-1] in ".;,!?:" or ":" in t or _LIST_START.match(t):
            continue
        words = t.split()
        if len(words) > MAX_WORDS or any(c.isdigit() for c in t) or _OTHER_CHAPTER.match(t.strip(" .:")) \
                or NOT_ACTIVITY.match(t) or sum(w[:1].islower() for w in words) > 3 or _NOT_AREA_HEAD.search(t):
            continue
        items = _list_after(plain, i)
        known = opens_with_area(words)  # (under an area's own name, items whose descriptions ran onto them count)
        if len(items) >= 2 and all((len(x) <= 120 or _NAMED_ITEM.match(x) or known) and "%" not in x for x in items) \
                and (known or sum(len(x) <= 80 or bool(_NAMED_ITEM.match(x)) for x in items) * 2 >= len(items)) \
                and not _organisations(items, strict=known):
            found[i] = t if not t.isupper() else t[0] + t[1:].lower()
    return found if len(found) >= 2 else {}


def _organisations(items: list[str], strict: bool = False) -> bool:
    """Do most items name organisations (a list of the parties or partners, not of
    activities): their name, before any description, has an organisation's cue word? With
    ``strict`` (under a known focus area's own heading) a name of one word does not count: a
    project's compound ("Klubaftener", "Forældrenetværket") may hold a cue word too."""
    from samspil.loaders.extract.orgs import org_type

    names = [re.split(r"\s+[–-]\s+|:\s|,\s|\s\(", _LIST_START.sub(lambda m: m.group(0)[-1], x, 1), maxsplit=1)[0]
             for x in items]
    return sum(org_type(n) != "other" and (not strict or " " in n.strip()) for n in names) * 2 > len(names)


def _list_after(plain: list[str], i: int) -> list[str]:
    """The items of the list that follows line ``i`` at once (a blank line allowed before
    it): short names with a description, not statements ("Mange sigtede: 4,8 % ...")."""
    j = i + 1
    while j < len(plain) and j <= i + 2 and not plain[j]:
        j += 1
    items = []
    while j < len(plain) and plain[j] and (_LIST_START.match(plain[j]) or items and _described(plain, j)):
        if _LIST_START.match(plain[j]):
            items.append(plain[j])
        j += 1  # (an item's description under it: "• Frivilligbørsen" over "Vi matcher beboere ...")
    return items


def _described(plain: list[str], j: int) -> bool:
    """Is line ``j`` an item's description (a sentence, not a heading), the list's next item right under it?"""
    return j + 1 < len(plain) and bool(plain[j + 1]) and _LIST_START.match(plain[j + 1]) is not None \
        and _LIST_START.match(plain[j - 1]) is not None and (len(plain[j]) > 60 or plain[j].rstrip()[-1:] in ".!?")
