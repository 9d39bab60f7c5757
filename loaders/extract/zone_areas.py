"""Housing areas described in sentences, and the district they lie in, for :mod:`zones`.

Older plans and area descriptions name their areas in prose rather than lists:

* ``Engbakken rummer 1.204 lejligheder fordelt på 40 blokke``: an area named as a
  sentence's subject, with its dwellings; it is a department, or a zone (a group of
  departments) when the sentence names departments (``Toften består af Bo-Vests
  afd. 3 og 4 med i alt 310 boliger``), which then lie in it. The name must also
  occur inside some sentence, capitalised, so a common noun opening a sentence
  ("Bebyggelsen rummer ...") is no area;
* ``Begge områder ligger i Vestbyen``, ``Alle tre afdelinger er beliggende i
  bydelen Vestbyen``: the district of the departments the same paragraph or the
  few lines above it name.

A department named as the district it lies in ("Fjords afdeling Vestbyen", in
Vestbyen) is renamed "Fjord afd. Vestbyen" so the two stay apart.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from samspil.loaders.document import Document
from samspil.loaders.extract.text import holding_lines, may_hold, strip_markup
from samspil.loaders.extract.zone_districts import is_district_name, zone_key
from samspil.loaders.extract.zone_prose import DWELLINGS as _DWELLINGS, dwelling_words, sentences
from samspil.loaders.model import Zone

__all__ = ["add_area_sentences", "add_total_rows", "add_lying_in", "add_named_lying_in", "add_listed_in", "add_headed_lists"]

_PLACE = r"[A-ZÆØÅ][\wæøåé-]+(?:\s+[A-ZÆØÅ][\wæøåé-]+){0,2}"
_NUM = r"\d{1,3}(?:\.\d{3})+|\d+"
# "Engbakken [er opført 1967-74 og] rummer [i alt] 1.204 lejligheder"
_AREA_SENTENCE = re.compile(
    rf"(?<![\wæøå-])(?P<name>{_PLACE})\s+(?:(?:er|blev|var)\s[^.]{{0,40}}?\s+og\s+)?"
    rf"(?:rummer|omfatter|består\s+af|har|tæller|er\s[^.]{{0,50}}?(?:boligområde|bebyggelse|afdeling)\w*\s+med)"
    rf"\s+(?P<body>(?:[^.]|(?<=afd)\.){{0,80}}?)(?P<n>{_NUM})\s+{_DWELLINGS}\b")
# "Begge områder ligger i X", "Alle tre afdelinger er beliggende i bydelen X", "Områderne ligger i X",
# "Området ligger i X" (the area just named)
_LYING_IN = re.compile(
    r"(?:\b(?:[Bb]egge|[Aa]lle(?:\s+\w+)?|[Dd]e(?:\s+\w+)?)\s+(?:bolig)?(?:områder|afdelinger|bebyggelser)(?:ne)?"
    r"|\b(?:Bolig)?(?:Områderne|Afdelingerne|Bebyggelserne|Området|Afdelingen|Bebyggelsen)|\bBoligområdet)"
    rf"\s+(?:ligger|er\s+beliggende|er\s+placeret)\s+(?:alle\s+|begge\s+)?i\s+(?:bydelen\s+)?(?P<name>{_PLACE})")
_HEADINGS = frozenset("Områderne Boligområderne Afdelingerne Boligafdelingerne Områdebeskrivelse Indledning "
                      "Baggrund Beskrivelse".split())
_NOT_AREAS = frozenset("Den Det De Der Her Helhedsplanen Planen Indsatsen Området Boligområdet Kvarteret Bydelen "
                       "Afdelingen Bebyggelsen Kommunen Landsbyggefonden Sekretariatet Projektet".split())


def _sentence_from(text: str, start: int) -> str:
    """The sentence that starts at ``start`` (a full stop in brackets or after "afd" ends none)."""
    return sentences(text[start:])[0]


def wrapped(lines: list[str], i: int, plain: str) -> str:
    """Line ``i`` (``plain``) with the lines its last sentence wraps onto (up to three)."""
    text = plain.rstrip()
    for nxt in lines[i + 1:i + 4]:
        if not nxt.strip() or text.endswith((".", "!", "?", ":")) or not (nxt.lstrip()[:1].islower()
                                                                       or nxt.lstrip()[:1].isdigit()):
            break  # (a wrapped sentence goes on in lower case or with a number, not with a new line's name)
        text = f"{text} {strip_markup(nxt).strip()}"
    return text


def _subject(before: str, name: str) -> str | None:
    """The area a sentence opens with: not after a lower-case word or a comma (mid-sentence),
    without a heading run onto it when line breaks were lost ("1 Området Engbakken rummer")."""
    before = before.rstrip()
    if before and (before[-1].islower() or before[-1] == ","):
        return None
    words = name.split()
    while words and (words[0] in _NOT_AREAS or words[0] in _HEADINGS):
        words = words[1:]
    return " ".join(words) or None


def _proper_name(doc_text: str, name: str) -> bool:
    """Does ``name`` also occur capitalised inside a sentence (after a lower-case word or a comma)?"""
    return re.search(rf"(?:[a-zæøå]|,)\s+{re.escape(name)}\b", doc_text) is not None


_DWELLING_WORDS = dwelling_words()  # the words _DWELLINGS matches
_DWELLING_WORDS_RE = re.compile(rf"\b{_DWELLINGS}\b", re.I)


def add_area_sentences(doc: Document, found, orgs, departments_in) -> None:
    """Areas named as a sentence's subject with their dwellings. ``departments_in(text, i)``
    gives the departments a sentence of line ``i`` names (zone_prose), which then lie in the area."""
    from samspil.loaders.extract.zones import _resolve_org

    text = doc.text  # (the lines joined)
    dwelling = holding_lines(doc, _DWELLING_WORDS, lower=False)  # (the lines _DWELLINGS can match in: told by
    # substring tests of the whole text, cheaper than the pattern or the words in every line)
    for i in sorted(dwelling):
        plain = strip_markup(doc.lines[i])
        for m in _AREA_SENTENCE.finditer(plain):
            name = _subject(plain[:m.start()], m.group("name"))
            words = name.split() if name else []  # (a heading run onto it: "Problemkompleks Engbo er ...")
            name = next((" ".join(words[k:]) for k in range(len(words)) if _proper_name(text, " ".join(words[k:]))),
                        None)
            if name is None:
                continue
            inner = departments_in(_sentence_from(wrapped(doc.lines, i, plain), m.start()), i)
            counted = [] if inner else _counted_below(doc, found, i, m.group("body"))
            owners = {z.housing_organisation for z in inner if z.housing_organisation}
            owner = owners.pop() if len(owners) == 1 else None
            # "X består af afdelingerne A (afd. 22, 318 lejemål) og B (...)": the number is A's, not X's
            units = None if m.group("body").count("(") > m.group("body").count(")") else int(m.group("n").replace(".", ""))
            kind = "zone" if inner or counted else "housing_department"  # (counted: the plan's area, a zone)
            inner = inner or counted
            area = found.add(Zone(name=name, type="district" if inner and not counted and is_district_name(name) else kind,
                                  units=units, sources=[doc.ref(i, m.group(0))],
                                  housing_organisation=owner or _housing_owner(name, orgs, _resolve_org)))
            for z in inner:
                z.part_of = area.name
                found.add(z)


# a department table's total row that names the area ("Friheden i alt  380", "Boligområdet Stenstrup i alt   156   336",
# "| Ry Nord i alt | | 418 |", "Vinderup Nord i alt:  234 boliger / 512 beboere")
_TOTAL_ROW = re.compile(r"^[\s|]*(?:(?:Bolig)?[Oo]mrådet +|Bebyggelsen +)?(?P<name>[A-ZÆØÅ][\wæøåé-]+(?: +[A-ZÆØÅ][\wæøåé-]+){0,2})"
                        rf" +i +alt\b\s*:?"
                        rf"[\s|\t]*(?P<n>{_NUM})?(?!\s*%)")
_TOTAL_IN = re.compile(rf"^[\s|]*I alt (?P<n>{_NUM}) (?:boliger|lejemål|lejligheder|familieboliger) i "
                       r"(?P<name>[A-ZÆØÅ][\wæøåé-]+(?: +[A-ZÆØÅ][\wæøåé-]+){0,2})\.?\s*$")
# the total row with the area's name after "I alt" ("I alt Dronningborg   538", "I alt, Sorgenfri 579")
_TOTAL_FIRST = re.compile(rf"^[\s|]*I +alt,? +(?P<name>[A-ZÆØÅ][\wæøåé-]+(?: +[A-ZÆØÅ][\wæøåé-]+){{0,2}})[\s|\t]*"
                          rf"(?P<n>{_NUM})?[\s|]*$")
_BARE_NUMBER = re.compile(rf"^[\s|]*(?P<n>{_NUM})[\s|]*$")
# a table's own words before "i alt": what is counted, not an area
_COUNTED_WORDS = frozenset("Beboere Boliger Lejemål Lejligheder Afdelinger Husstande Personer Børn Unge Voksne Total "
                           "Samlet Heraf Antal Sum Området Boligområdet Helhedsplanen Planen Udgifter Budget".split())


def add_cell_counts(doc: Document, found) -> None:
    """A department's dwellings in a table that came out one cell a line: under the head's "Afdeling" over
    "Antal boliger", the bare number on the line after the department's own cell ("Grønsundparken, afd. 21"
    over "186")."""
    wanting = {z.sources[0].excerpt: z for z in found.zones.values()
               if z.type == "housing_department" and z.units is None and z.sources and z.sources[0].excerpt}
    if not wanting:
        return
    for i, line in enumerate(doc.lines[:-1]):
        if (z := wanting.get(line.strip())) is None or (n := _BARE_NUMBER.match(doc.lines[i + 1])) is None:
            continue  # (the department's cell is a line of its own, its count the line after it)
        if any(_CELL_HEAD.match(doc.lines[j]) and _COUNT_HEAD.search(doc.lines[j + 1])
               for j in range(max(0, i - 40), i - 1)):
            z.units = int(n.group("n").replace(".", ""))


_CELL_HEAD = re.compile(r"^\s*(?:Afdeling(?:er)?|Afd\.?|Boligafdeling|Navn|Bebyggelse)\s*$", re.I)
_COUNT_HEAD = re.compile(r"^\s*(?:antal\s+)?(?:boliger|lejemål|lejligheder)\s*$", re.I)


def add_total_rows(doc: Document, found) -> None:
    """A department table's total row naming the area ("Friheden i alt  380" under its departments' rows):
    the area a zone of that many dwellings, the departments read from the rows just above it lying in it
    (a cell of its own on the next line when a table came out one cell a line)."""
    for i in sorted(holding_lines(doc, ("i alt", "I alt"), lower=False)):
        plain = strip_markup(doc.lines[i])
        m = _TOTAL_ROW.match(plain) or _TOTAL_IN.match(plain) or _TOTAL_FIRST.match(plain)  # ("Friheden i alt 380",
        # "I alt 314 boliger i Årslev Syd.")
        if m is not None:
            _total_row(doc, i, m, "\n".join(strip_markup(doc.lines[j]) for j in range(max(0, i - 14), i)), found)
    from samspil.loaders.extract.zone_tables import flat_tables

    for i, (text, tables) in flat_tables(doc).items():  # a table run onto one line: the total row after its rows
        for t in tables:
            if (m := _FLAT_TOTAL.match(text, t.span[1])) is not None and m.group("n"):
                _total_row(doc, i, m, text[t.span[0]:t.span[1]], found)


# a total row after a table's rows on one line ("... Kronlyngen 31 RABO 98 I alt Dronningborg 538 3 Valg af ...")
_FLAT_TOTAL = re.compile(rf"(?:\s*[-=─━]{{3,}})?\s*(?:I +alt,? +(?P<name2>[A-ZÆØÅ][\wæøåé-]+(?: +[A-ZÆØÅ][\wæøåé-]+){{0,2}})"
                         rf"|(?P<name>[A-ZÆØÅ][\wæøåé-]+(?: +[A-ZÆØÅ][\wæøåé-]+){{0,2}}) +i +alt\b:?)\s+(?P<n>{_NUM})(?=\s|$)")


def _total_row(doc: Document, i: int, m: re.Match[str], above: str, found) -> None:
    """The area a total row names (``m``'s name and count), the departments ``above`` names lying in it."""
    name = m.group("name") or ("name2" in m.re.groupindex and m.group("name2"))
    if name.split()[0] in _COUNTED_WORDS or _DWELLING_WORDS_RE.search(name):
        return
    above = above.lower()
    rows = [z for z in found.zones.values() if z.type == "housing_department"
            and any(form.lower() in above for form in (z.name, *z.aliases))]  # (the rows above it name them; a PDF's
    # references give pages, not lines)
    if len(rows) < 2 or any(zone_key(z.name) == zone_key(name) for z in rows):
        return  # (one row is no table of departments; a department's own total is no area)
    n = m.group("n")
    if n is None and not strip_markup(doc.lines[i]).rstrip().endswith("|"):  # "Friheden i alt" / "" / "380": the cells one a line
        n = next((b.group("n") for j in range(i + 1, min(i + 4, len(doc.lines)))
                  if (b := _BARE_NUMBER.match(doc.lines[j]))), None)
    units = int(n.replace(".", "")) if n else None
    area = found.get(name)
    if area is None:
        area = found.add(Zone(name=name, type="zone", units=units, sources=[doc.ref(i, m.group(0).strip(" |"))]))
    elif area.units is None:
        area.units = units
    for z in rows:
        if z.part_of is None or zone_key(name).startswith(zone_key(z.part_of)):
            z.part_of = area.name


_COUNTED = re.compile(r"\b(?P<n>to|tre|fire|fem|seks|syv|otte|[2-9])\s+(?:bolig)?afdelinger\b")


def _counted_below(doc: Document, found, i: int, body: str) -> list[Zone]:
    """"X består af tre afdelinger med i alt 498 lejemål:" over a list or table of departments:
    the departments of the next lines (read already, placed nowhere else), when there are as
    many as the sentence counts."""
    m = _COUNTED.search(body)
    if m is None:
        return []
    lines = {doc.ref(j).line for j in range(i + 1, min(i + 16, len(doc.lines)))} - {None}
    below = [z for z in found.zones.values() if z.type == "housing_department" and z.part_of is None
             and z.sources and z.sources[0].line in lines]
    return below if len(below) == (_NUMBERS.get(m.group("n")) or int(m.group("n"))) else []


def _housing_owner(name: str, orgs, resolve) -> str | None:
    """'Boligforeningen Engbakken' owns Engbakken, when it is the document's organisation."""
    owner = resolve(name, orgs)
    return owner if owner and owner != name else None


def _near(doc: Document, i: int, zone: Zone) -> bool:
    """Was ``zone`` read from line ``i`` or the five lines above it, or is it named there?"""
    lines = {doc.ref(j).line for j in range(max(0, i - 5), i + 1)} - {None}
    if any(s.line in lines for s in zone.sources):
        return True
    forms = [zone.name, *zone.aliases]
    return any(f in strip_markup(doc.lines[j]) for j in range(max(0, i - 5), i + 1) for f in forms)


_NUMBERS = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8}
# "De fire første ligger i X": the first four of the departments just listed
_FIRST_N = re.compile(rf"\b[Dd]e\s+(?P<n>{'|'.join(_NUMBERS)}|\d)\s+første\s+(?:\w+\s+)?(?:ligger|er\s+beliggende)\s+i\s+"
                      rf"(?:bydelen\s+)?(?P<name>{_PLACE})")


def _first_n(doc: Document, found, i: int, text: str) -> None:
    for m in _FIRST_N.finditer(text):
        n = _NUMBERS.get(m.group("n")) or int(m.group("n"))
        listed = [z for z in found.zones.values() if z.type == "housing_department" and _near(doc, i, z)]
        if len(listed) > n:  # (the first n of a longer list; the rest lie elsewhere)
            district = found.get(m.group("name")) or found.add(
                Zone(name=m.group("name"), type="district", sources=[doc.ref(i, m.group("name"))]))
            for z in listed[:n]:
                z.part_of = z.part_of or district.name


def add_lying_in(doc: Document, found) -> None:
    """'Begge områder ligger i X': X a district, the departments named just before in it."""
    for i, line in enumerate(doc.lines):
        if "ligger" not in line and "beliggende" not in line and "placeret" not in line:
            continue
        if "første" in line:
            _first_n(doc, found, i, strip_markup(line))
        for m in _LYING_IN.finditer(strip_markup(line)):
            name = m.group("name")
            if name.split()[0] in _NOT_AREAS:
                continue
            _apart_from_department(found, name)
            district = found.get(name) or found.add(Zone(name=name, type="district", sources=[doc.ref(i, name)]))
            for z in list(found.zones.values()):
                if z is not district and z.type != "district" and z.part_of is None and _near(doc, i, z):
                    z.part_of = district.name


def _apart_from_department(found, name: str) -> None:
    """A department called as the district ('Fjords afdeling Vestbyen') becomes 'Fjord afd. Vestbyen'."""
    same = found.get(name)
    if same is None or same.type != "housing_department" or not same.housing_organisation:
        return
    written = next((a.split(" afd.")[0] for a in same.aliases if " afd. " in a), same.housing_organisation)
    key = next(k for k, z in found.zones.items() if z is same)
    del found.zones[key]
    same.aliases = [*same.aliases, f"{written}s afdeling {same.name}"]
    same.name = f"{written} afd. {same.name}"
    found.zones[zone_key(same.name)] = same


# "Engbo og Toften ligger i bydelen Vestby (Lyng), Kærhaven i Sønderby": named zones and their districts
_NAMED_IN = re.compile(rf"(?P<names>{_PLACE}(?:(?:\s*,\s*|\s+og\s+){_PLACE})*)\s+(?:ligger|er\s+beliggende)\s+i\s+"
                       rf"(?:bydelen\s+)?(?P<place>{_PLACE})")
_AND_IN = re.compile(rf"(?:\s*\([^()]*\))?\s*(?:,|og|mens)\s+(?P<names>{_PLACE})\s+(?:ligger\s+)?i\s+"
                     rf"(?:bydelen\s+)?(?P<place>{_PLACE})")


def add_named_lying_in(doc: Document, found) -> None:
    """Known zones a sentence places by name: 'A og B ligger i bydelen X, C i Y'."""
    for i, line in enumerate(doc.lines):
        if "ligger" not in line and "beliggende" not in line:
            continue
        text = strip_markup(line)
        for m in _NAMED_IN.finditer(text):
            pairs = [(m.group("names"), m.group("place"))]
            pos = m.end()
            while (more := _AND_IN.match(text, pos)):
                pairs.append((more.group("names"), more.group("place")))
                pos = more.end()
            for names, place in pairs:
                zones = [found.get(n) for n in re.split(r"\s*,\s*|\s+og\s+", names)]
                if not zones or None in zones or place.split()[0] in _NOT_AREAS:
                    continue  # only zones the plan names as such
                district = found.get(place) or found.add(Zone(name=place, type="district", sources=[doc.ref(i, place)]))
                for z in zones:
                    if z is not district and z.part_of is None:
                        z.part_of = district.name


# "Delaftalen omfatter alle afdelinger i Vestby:" before a list of departments
_LIST_INTRO = re.compile(r"(?<!\w)\w*(?:afdeling|boligområde|bebyggelse)\w*\b.*?\bi\s+"
                         rf"(?P<place>{_PLACE})\s*:\s*$", re.I)


_LIST_WORDS = ("afdeling", "boligområde", "bebyggelse")  # (one of them is in every _LIST_INTRO match)


def _intro_matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    r"""``pattern.finditer(text)`` for a pattern that opens with ``(?<!\w)\w*`` and one of
    :data:`_LIST_WORDS` (:data:`_LIST_INTRO`, :data:`_LIST_INTRO_INLINE`), tried only at the start of
    each word that holds one (a match starts there: a word's start, and its word holds the word
    found), where the engine tried the look-behind at every position of the text. The words are
    found as strings in the text, or in its lower case for a case-insensitive pattern (as the
    engine compares them, where lowering keeps every offset and leaves no letter it reads
    otherwise: a dotless or dotted i, a long s)."""
    where = text
    if pattern.flags & re.IGNORECASE:
        where = text.lower()
        if len(where) != len(text) or "ı" in where or "\u0307" in where or "ſ" in where:
            return list(pattern.finditer(text))
    starts = set()
    for w in _LIST_WORDS:
        k = where.find(w)
        while k >= 0:
            p = k
            while p and (text[p - 1].isalnum() or text[p - 1] == "_"):  # (\w: back to the word's start)
                p -= 1
            starts.add(p)
            k = where.find(w, k + 1)
    found, end = [], 0
    for p in sorted(starts):
        if p >= end and (m := pattern.match(text, p)):
            found.append(m)
            end = m.end()  # (finditer's next search starts at the match's end; a match is never empty)
    return found


def add_listed_in(doc: Document, found) -> None:
    """The departments listed on the lines after 'alle afdelinger i X:' lie in X (or after it on
    its line, when the line breaks were lost: up to the sentence's end)."""
    lows = doc.lower_lines
    for i, line in enumerate(doc.lines):
        if ": " in line and may_hold(lows[i], _LIST_WORDS):
            _listed_inline(doc, found, i, strip_markup(line))
        if not line.rstrip().endswith(":") or not may_hold(lows[i], _LIST_WORDS) \
                or not (m := next(iter(_intro_matches(_LIST_INTRO, strip_markup(line))), None)) \
                or not m.group("place")[:1].isupper():
            continue  # (not "..., som er inddelt i to zoner:")
        end = next((j for j in range(i + 1, min(i + 16, len(doc.lines))) if not doc.lines[j].strip()),
                   min(i + 16, len(doc.lines)))
        lines = {doc.ref(j).line for j in range(i + 1, end)} - {None}
        listed = [z for z in found.zones.values() if z.type == "housing_department" and z.part_of is None
                  and any(s.line in lines for s in z.sources)]
        if listed:
            place = m.group("place")
            district = found.get(place) or found.add(Zone(name=place, type="district", sources=[doc.ref(i, place)]))
            for z in listed:
                z.part_of = district.name


_LIST_INTRO_INLINE = re.compile(r"(?<!\w)\w*(?:afdeling|boligområde|bebyggelse)\w*\b[^.:]{0,60}?\bi\s+"
                                rf"(?P<place>{_PLACE})\s*:\s+(?P<rest>[^:]{{10,600}}?)(?:(?<![Aa]fd)(?<!nr)(?<!Sct)(?<!Kgs)\.\s+(?=[A-ZÆØÅ])|\.?$)")


def _listed_inline(doc: Document, found, i: int, text: str) -> None:
    """'... Delaftalen omfatter alle afdelinger i Vollsmose: Civica afd. Bøgeparken, ... og
    Birkeparken. Økonomi ...' on one line: the departments of line ``i`` named in the list."""
    for m in _intro_matches(_LIST_INTRO_INLINE, text):
        place, rest = m.group("place"), m.group("rest")
        if not place[:1].isupper():
            continue
        listed = [z for z in found.zones.values() if z.type == "housing_department" and z.part_of is None
                  and any(s.line == doc.ref(i).line for s in z.sources) and z.name in rest]
        if listed:
            district = found.get(place) or found.add(Zone(name=place, type="district", sources=[doc.ref(i, place)]))
            for z in listed:
                z.part_of = district.name


# "Boligområdet Hyldebakken" (a heading) over its departments, or run into them when the
# line breaks were lost ("Boligområdet Hyldebakken - Solbakken, ... - Engstien, ...")
_PLACE_ON_LINE = r"[A-ZÆØÅ][\wæøåé-]+(?:[ \t]+[A-ZÆØÅ][\wæøåé-]+){0,2}"  # (_PLACE within one line)
_AFTER_HEAD = (r"[ \t]*:?[ \t]+(?!(?i:boligområde|området|bydel))(?P<place>" + _PLACE_ON_LINE + r")"
               r"(?=[ \t]*\**[ \t]*:?[ \t]*$|[ \t]*:?[ \t]+(?:[-•–]|\d{1,2}[.)])[ \t])")
# searched in the whole text at once (lines joined), each opening with a literal the engine
# looks for as a string (a class of letters as common as "o" or "b" stops it at every word;
# an alternation of words has no literal to look for); the heading word's start told after
_AREA_HEADS = [(re.compile(literal + _AFTER_HEAD, re.M), starts, kind) for literal, starts, kind in (
    ("mrådet?", ("Boligo", "O"), "zone"), ("MRÅDET?", ("BOLIGO", "O"), "zone"), ("ydel(?:en)?", ("B",), "district"))]


def _area_heads(text: str):
    """(its kind, the place, where it ends) of each 'Boligområdet X', 'Området X', 'Bydelen
    X' (capitalised: a heading's first word) before a list or a line's end."""
    for pattern, starts, kind in _AREA_HEADS:
        for m in pattern.finditer(text):
            at = next((m.start() - len(w) for w in starts if text.endswith(w, 0, m.start())), None)
            if at is not None and not (at and text[at - 1].isalnum()):
                yield kind, m.group("place"), m.end()


def add_headed_lists(doc: Document, found) -> None:
    """The departments listed under (or run on after) a heading naming their area lie in it:
    two or more, named on the heading's own line (after it) or in the list below it."""
    if sum(z.type == "housing_department" and z.part_of is None for z in found.zones.values()) < 2:
        return  # (told before the text is searched)
    text = doc.text
    heads = list(_area_heads(text))
    if not heads:
        return
    starts = doc.memo("line_starts", lambda: [0, *accumulate(len(line) + 1 for line in doc.lines)])
    for kind, place, end in heads:
        i = bisect_right(starts, end) - 1
        line_end = starts[i] + len(doc.lines[i])
        rest = text[end:min(line_end, end + 400)]  # a heading ends its line, or its list follows it (the
        after = _SENTENCE_END.split(rest, 1)[0] if rest.strip(" :*") else _block_below(doc, i)  # pattern's test)
        listed = [z for z in found.zones.values() if z.type == "housing_department" and z.part_of is None
                  and zone_key(z.name) != zone_key(place) and z.name in after]
        if len(listed) >= 2:
            area = found.get(place) or found.add(Zone(name=place, type=kind, sources=[doc.ref(i, place)]))
            for z in listed:
                z.part_of = area.name


_SENTENCE_END = re.compile(r"(?<=[a-zæøå]{3}[.!?])(?<!afd\.)\s+(?=[A-ZÆØÅ])")  # (not "1. Engen", "afd. Engen")


def _block_below(doc: Document, i: int) -> str:
    """The list below a heading: its short lines or items, up to a blank line (a PDF has none)."""
    out = []
    for k, line in enumerate(doc.lines[i + 1:i + 16]):
        if not line.strip() and (out or k > 1):
            break  # (one blank line may stand under the heading)
        if not line.strip():
            continue
        if len(line) > 120 and not _ITEM_MARK.match(line):
            break
        out.append(line)
    return "\n".join(out)


_ITEM_MARK = re.compile(r"\s*(?:[-•*▪–]|\d{1,2}[.)])\s")
