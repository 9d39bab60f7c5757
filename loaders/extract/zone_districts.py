"""Districts (bydele) and what lies in them, for :mod:`zones`.

* ``Valby/Vigerslev`` style pairs named repeatedly, or in "Områdets navn";
  ``bydelen Valby``; a title's "indsats i X 2025";
* areas a text names (``område der betegnes "Gl. Valby"``), with the departments
  the same sentence names placed in them;
* ``part_of`` of departments where the text places them: a paragraph on
  "Afdelingerne i <district>", a sentence "Afdelingerne ... i <district>", and a
  zone named "<qualifier> <district>" (Gl. Valby lies in Valby).

The functions take the caller's collection of zones found so far (``found``: its
``add``, ``get`` and ``zones``) and add to it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from samspil.loaders.document import Document
from samspil.loaders.gazetteer import is_town
from samspil.loaders.extract.plan import squash
from samspil.loaders.extract.text import lines_to_read, may_hold, strip_markup
from samspil.loaders.model import Zone

__all__ = ["is_district_name", "zone_key", "add_districts", "add_joint_zones", "add_named_areas", "home_district",
           "place_departments"]

_SLASH = re.compile(r"([A-ZÆØÅ](?<![\w/].)[a-zæøå]{3,})\s?/\s?([A-ZÆØÅ][a-zæøå]{3,})(?![\w/])")
# "bydelen Gl. Valby", "bydelen Vestby Syd. Der bor ...": only a short word ends in a dot
_BYDEL = re.compile(r"\bbydel(?:en|ene)?\s+((?:[A-ZÆØÅ][\wæøå]{0,2}\.\s+)?[A-ZÆØÅ][\wæøå]*(?:\s+[A-ZÆØÅ][\wæøå]*){0,2})")
# "Vi er på Bispebjerg, bydelen der ...", "Boligområdet ligger i Gellerup, bydelen med ...": the plan's
# own area placed in a district by an apposition (its departments lie there)
_SELF_IN = re.compile(r"\b(?:[Vv]i|[Hh]elhedsplanen|[Bb]oligområdet|[Oo]mrådet|[Aa]fdelingerne|[Bb]oligafdelingerne)"
                      r"\s+(?:er|ligger|bor|arbejder)\s+(?:\w+\s+)?(?:på|i)\s+"
                      r"(?P<name>[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+){0,2}),\s+(?:den\s+)?bydel(?:en)?\b")
_NAMED_AREA = re.compile(r"\bområde\w*\s+(?:\w+\s+){0,2}(?:betegnes|kaldes|kaldet)\s+[\"“”'»«]([^\"“”'»«]{2,40})[\"“”'»«]")
_TITLE_PLACE = re.compile(r"\bindsats\s+i\s+((?:[A-ZÆØÅ][\wæøå]*\.?\s?){1,3}?)\s*(?:19|20)\d{2}")
_AREA_BEFORE = re.compile(r"\b(?:i|hhv\.|og|områderne|området|bydelen|bydelene)\s+(?:\w+\.?\s+)?$")
_AREA_WORDS = re.compile(r"områd|bydel|afdeling|kvarter", re.IGNORECASE)
_NON_ALNUM = re.compile(r"[\W_]+")


# "Herning Vest", "Aalborg Øst", "Helsingør Nordvest", "Nyborg Midt": a town's quarter by its bearing
_BEARINGS = "Nord|Syd|Øst|Vest|Nordvest|Nordøst|Sydvest|Sydøst|Midt"
_BEARING = re.compile(rf"[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?\s(?:{_BEARINGS}|Centrum)")


_AREA_LABEL = re.compile(r"\W*(?:\d{1,3}\s+)?Omr(?:å|aa|a)dets\s+navn\s*:?\s*", re.I)
_NAME_BEFORE = re.compile(r"[A-ZÆØÅ][\wæøå.]*\s$")
_BEARING_IN = re.compile(rf"(?<![\wæøå-])(?P<town>[A-ZÆØÅ][\wæøå]+(?:-[A-ZÆØÅ][\wæøå]+)?)\s(?:{_BEARINGS})(?![\wæøå-])")


def is_district_name(name: str) -> bool:
    """Is ``name`` a town's quarter named by its bearing ("Nakskov Vest")?"""
    return _BEARING.fullmatch(name) is not None


@lru_cache(maxsize=16384)
def zone_key(name: str) -> str:
    """A zone's name compared without case, accents or punctuation (names recur: remembered)."""
    return _NON_ALNUM.sub("", name.lower().replace("é", "e"))


def add_districts(doc: Document, found) -> None:
    counts: dict[frozenset[str], list[tuple[int, str]]] = {}
    labelled = {i for i, line in enumerate(doc.lines[:60]) if squash(line).startswith(("områdetsnavn", "omradetsnavn"))}
    for i, line in enumerate(doc.lines):
        if "/" not in line:
            continue
        text = strip_markup(line)
        for m in _SLASH.finditer(text):
            if not (_AREA_BEFORE.search(text[max(0, m.start() - 30):m.start()]) and _AREA_WORDS.search(text)) \
                    and not any(i - k in labelled for k in range(3)):
                continue
            counts.setdefault(frozenset(zone_key(g)[:6] for g in m.groups()), []).append(
                (i, f"{m.group(1)}/{m.group(2)}"))
    for hits in counts.values():
        in_label = any(i in labelled or i - 2 in labelled or i - 1 in labelled for i, _ in hits)
        if len(hits) >= 2 or in_label:
            i, name = hits[0]
            variants = sorted({n for _, n in hits if n != name})
            found.add(Zone(name=name, type="district", aliases=variants, sources=[doc.ref(i, name)]))
    for i in lines_to_read(doc, ("bydel",)):
        text = strip_markup(doc.lines[i])
        if "bydel" not in text:
            continue
        for m in _BYDEL.finditer(text):
            for name in re.split(r"\s+og\s+", m.group(1)):
                if name.strip(" .") and found.get(name) is None:
                    found.add(Zone(name=name.strip(), type="district", sources=[doc.ref(i, name)]))
    for i, line in enumerate(doc.lines[:TITLE_LINES]):  # "Områdets navn: Herning Vest – Holtbjerg og ..."
        if (i < 6 and "|" not in line and "\t" not in line) or i in labelled:  # (a title's or the label's
            head = strip_markup(line)                                         # first words, not a table's)
            head = head[len(m.group(0)):][:80] if (m := _AREA_LABEL.match(head)) else head[:100]
            for m in _BEARING_IN.finditer(head):
                if found.get(m.group(0)) is None and is_town(m.group("town")) \
                        and not _NAME_BEFORE.search(head[:m.start()]):  # not "Fælles Fredericia Syd"
                    found.add(Zone(name=m.group(0), type="district", sources=[doc.ref(i, m.group(0))]))

        if (m := i < 12 and _TITLE_PLACE.search(line) or _TITLE_AREA.search(strip_markup(line))) \
                and found.get(m.group(1).strip()) is None and not _NOT_PLACE.search(m.group(1)):
            found.add(Zone(name=m.group(1).strip(), type="district", sources=[doc.ref(i)]))
    for i, line in enumerate(doc.lines):
        if "ligger" in line:
            _add_lies_in(doc, i, strip_markup(line), found)
    _add_plan_place(doc, found)


# "en ny boligsocial helhedsplan i Brøndby Strand for perioden ...", "den boligsociale indsats i
# Egeris": the plan's own area in a sentence (a place the text names again: not a passing word)
_PLAN_IN = re.compile(r"\b(?:helhedsplan(?:en)?|boligsociale?\s+indsats(?:en)?)\s+i\s+(?P<name>(?-i:[A-ZÆØÅ])[\wæøå-]+"
                      r"(?:\s(?-i:[A-ZÆØÅ])[\wæøå-]+)?)(?=\s+(?:for|fra|er|og|med|skal|har|i|til)\b|\s*[.,;:)]|\s*$)", re.I)


_PLAN_WORDS = ("helhedsplan", "boligsocial")  # (every _PLAN_IN match opens with one of them)


def _plan_in(text: str, low: str | None = None) -> Iterable[re.Match[str]]:
    """``_PLAN_IN.finditer(text)``, the pattern tried only where its words start (found as strings
    in the text's lower case ``low``, made here if not given: the pattern opens with a word boundary,
    tried at every position)."""
    if low is None:
        low = text.lower()
    if len(low) != len(text) or "ı" in low or "\u0307" in low or "ſ" in low:
        return _PLAN_IN.finditer(text)  # (offsets or letters that re.IGNORECASE reads otherwise)
    starts = sorted(k for w in _PLAN_WORDS for k in _occurrences(low, w))
    found, end = [], 0
    for k in starts:
        if k >= end and (m := _PLAN_IN.match(text, k)):
            found.append(m)
            end = m.end()  # (finditer's next search starts at the match's end)
    return found


def _occurrences(text: str, word: str) -> Iterable[int]:
    k = text.find(word)
    while k >= 0:
        yield k
        k = text.find(word, k + 1)


def _add_plan_place(doc: Document, found) -> None:
    whole, lows = doc.text, doc.lower_lines  # (each line lowered once for the document: not twice here)
    for i, line in enumerate(doc.lines):
        if " i " not in line or not may_hold(lows[i], _PLAN_WORDS):
            continue
        text = strip_markup(line)
        for m in _plan_in(text, lows[i] if text is line else None):  # (the line's lower case made once)
            name = m.group("name")
            if found.get(name) is None and not _NOT_PLACE.search(name) and whole.count(name) >= 2:
                found.add(Zone(name=name, type="district", sources=[doc.ref(i, name)]))


def _plan_place(doc: Document, name: str) -> bool:
    """Does a sentence place the plan in ``name`` ("helhedsplan i Brøndby Strand")?"""
    return any(name in line and any(m.group("name") == name for m in _plan_in(strip_markup(line)))
               for line in doc.lines)


# the plan's area in its title: "Boligsocial indsats i Albertslund Syd", "Helhedsplan for Houlkær
# 2014-2017": a line of its own, a title, not a sentence (a PDF may join the sentence below to it,
# a copy that lost its breaks what follows its period, a page number in front)
_TITLE_AREA = re.compile(r"^\W{0,3}(?:\d{1,3}\s+)?(?:(?:den\s+)?boligsociale?\s+)?(?:helhedsplan(?:en)?|indsats(?:en)?)\s+"
                         r"(?:for|i)\s+((?-i:[A-ZÆØÅ])[\wæøå-]+(?:\s(?-i:[A-ZÆØÅ])[\wæøå-]+)?)"
                         r"(?:\s+(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?\b(?!\s*[-–/]?\d)|\W{0,3}$"
                         r"|(?=\s+(?-i:[A-ZÆØÅ][a-zæøå]+\s+[a-zæøå])))", re.I)  # (its period ends it, or a PDF's next sentence)
# "Æblehaven og Rønnebærparken ligger i Roskilde Vestby", "Afdelingerne ligger alle i Nordbyen": the
# departments' district (a sentence about departments or areas, the place capitalised)
_LIES_IN = re.compile(r"\bligger\s+(?:begge\s+|alle\s+|både\s+)?i\s+([A-ZÆØÅ][\wæøå]+(?:-[\wæøå]+)*"
                      r"(?:\s(?:[A-ZÆØÅ][\wæøå]+(?:-[\wæøå]+)*))?)(?![\wæøå-])")
_SENTENCE_BREAK = re.compile(r"(?<=[a-zæøå)]{2})[.!?]\s+(?=[A-ZÆØÅ])")
TITLE_LINES = 40  # (a PDF's cover and running heads come before the title)
_DEPARTMENT_WORDS = re.compile(r"afd|områd|bebyggelse|begge|alle", re.I)
_NOT_PLACE = re.compile(r"(?:Kommune|Kommunes|Region|Danmark|Sjælland|Jylland|Fyn)$|s$")


def _add_lies_in(doc: Document, i: int, text: str, found) -> None:
    for m in _LIES_IN.finditer(text):
        name = m.group(1)
        before = text[max(0, m.start() - 200):m.start()]
        subject = _SENTENCE_BREAK.split(before)[-1]
        if _NOT_PLACE.search(name) or not (_DEPARTMENT_WORDS.search(subject) or any(
                z.type != "district" and z.name in subject for z in found.zones.values())):
            continue
        district = found.get(name) or found.add(Zone(name=name, type="district", sources=[doc.ref(i, name)]))
        for z in found.zones.values():  # the departments the sentence names lie there
            if z is not district and z.type != "district" and z.part_of is None and z.name in subject:
                z.part_of = district.name


def add_named_areas(doc: Document, found) -> None:
    """'... en del af det geografiske område der betegnes "Gl. Valby"' -> zone + part_of."""
    for i, line in enumerate(doc.lines):
        if "område" not in line or not ("betegnes" in line or "kaldes" in line or "kaldet" in line):
            continue  # (words every match holds)
        for m in _NAMED_AREA.finditer(line):
            area = found.add(Zone(name=m.group(1).strip(), type="zone", sources=[doc.ref(i)]))
            _place_mentioned(line, area.name, found, only=("housing_department",))


def _fold(text: str) -> str:
    return text.lower().replace("é", "e").replace("ä", "æ")


# (compiled once: a pattern given as a string to re's functions is looked up in re's cache at each call)
_BEFORE_NUMBER = re.compile(r"\s+\d")


def _mentions(zone: Zone) -> list[str]:
    """Forms a text may use for a zone: name, aliases, the head of a numbered range."""
    forms = [zone.name, *zone.aliases]
    head = _BEFORE_NUMBER.split(zone.name)[0]
    if head != zone.name and len(head) > 5:
        forms.append(head)
    return [_fold(f) for f in forms]


def _place_mentioned(text: str, area: str, found, only: tuple[str, ...]) -> None:
    text = _fold(text)
    for zone in found.zones.values():  # (a form is searched for only in a text that holds it)
        if zone.type in only and zone.part_of is None and zone.name != area and any(
                f in text and re.search(rf"(?<!\w){re.escape(f)}", text) for f in _mentions(zone)):
            zone.part_of = area


def _district_re(d: Zone) -> re.Pattern[str]:
    """'Valby/Vigerslev' also as 'Valby / Vigerslev'."""
    forms = [r"\s?/\s?".join(re.escape(p) for p in n.split("/")) for n in [d.name, *d.aliases]]
    return re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)")


def _any_of(districts: list[tuple[Zone, re.Pattern[str]]]) -> re.Pattern[str] | None:
    """One pattern that finds any of the districts (the look-ahead at their first
    letters lets the engine skip ahead instead of trying every position)."""
    if not districts:
        return None
    firsts = sorted({n[0] for d, _ in districts for n in [d.name, *d.aliases] if n})
    forms = [r"\s?/\s?".join(re.escape(p) for p in n.split("/")) for d, _ in districts for n in [d.name, *d.aliases]]
    return re.compile(rf"(?=[{''.join(map(re.escape, firsts))}])(?<!\w)(?:{'|'.join(forms)})(?!\w)")


def _districts_named(text: str, districts: list[tuple[Zone, re.Pattern[str]]]) -> list[Zone]:
    """Districts a text names; 'Valby' inside 'Valby / Vigerslev' does not count."""
    spans = [(d, m.start(), m.end()) for d, p in districts for m in p.finditer(text)]
    return list({id(d): d for d, a, b in spans
                 if not any(a2 <= a and b <= b2 and (b2 - a2) > (b - a) for _, a2, b2 in spans)}.values())


def _holds_any(text: str, parts: list[str]) -> bool:
    for part in parts:  # (a loop: a generator costs more than the tests)
        if part in text:
            return True
    return False


def _own_district(doc: Document, found) -> Zone | None:
    """The district a sentence places the plan's own area in ("Vi er på Bispebjerg, bydelen der
    ..."), added to ``found`` when it is new."""
    for i, line in enumerate(doc.lines):
        if "bydel" in line and (m := _SELF_IN.search(strip_markup(line))):
            return found.get(m.group("name")) or found.add(
                Zone(name=m.group("name"), type="district", sources=[doc.ref(i, m.group("name"))]))
    return None


def place_departments(doc: Document, found) -> None:
    own = _own_district(doc, found)
    districts = [(z, _district_re(z)) for z in found.zones.values() if z.type == "district"]
    departments = [z for z in found.zones.values() if z.type == "housing_department"]
    any_district = _any_of(districts)
    heads = [n.split("/")[0] for d, _ in districts for n in [d.name, *d.aliases]]  # text a match holds
    for i in lines_to_read(doc, ("Afdelingerne",)):
        text = strip_markup(doc.lines[i])
        if "Afdelingerne" not in text or any_district is None or not _holds_any(text, heads) \
                or not any_district.search(text):
            continue  # both rules below need "Afdelingerne" and a district named in the line
        for d, pattern in districts:  # "Afdelingerne i Valby/Vigerslev ... Folehaven ..."
            if (m := pattern.search(text)) and re.match(r"^\s*Afdelingerne\s+i\s+$", text[:m.start()]):
                _place_mentioned(text, d.name, found, only=("housing_department", "zone"))
        for sentence in re.split(r"(?<=[.!?])\s+", text):  # "Afdelingerne er alle tre beliggende
            if not re.match(r"^\s*Afdelingerne\b", sentence):  # ... i Valby / Vigerslev"
                continue  # (told first: the districts are looked for only in such a sentence)
            named = _districts_named(sentence, districts)
            if len(named) == 1 and not any(
                    f in _fold(sentence) for z in found.zones.values() if z.type != "district"
                    for f in _mentions(z)):
                for z in departments:
                    z.part_of = z.part_of or named[0].name
    for z in found.zones.values():  # "Gl. Valby" lies in "Valby"
        for d, _ in districts:
            if z.part_of is None and z is not d and z.type != "district" \
                    and z.name.endswith(" " + d.name) and len(z.name.split()) <= 3:
                z.part_of = d.name
    for z in departments if own else ():  # the rest lie in the plan's own district
        z.part_of = z.part_of or own.name


def home_district(doc: Document, zones: Iterable[Zone]) -> Zone | None:
    """The one district the plan is in: the only district its title names ("Boligsocial
    indsats i Albertslund Syd"; the longest name: "Nyborg Nord", not the town "Nyborg"); None
    when that is not one (a district the text names elsewhere places only what it says)."""
    districts = [z for z in zones if z.type == "district"]
    title = " ".join(line for line in doc.lines[:6] if line.strip())[:300]
    named = [d for d in districts if d.name in title]
    named = [d for d in named if not any(d is not o and d.name in o.name for o in named)]
    if not named and len(districts) == 1 and _plan_place(doc, districts[0].name):
        return districts[0]  # the only district, the one a sentence places the plan in
    return named[0] if len(named) == 1 else None


# "Højvangen og Frydenlund ligger side om side og udgør tilsammen "Højvangskvarteret"": two
# departments the text names, and the zone they make together
_PLACE = r"[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?"
_JOINT = re.compile(rf"(?P<a>{_PLACE})\s+og\s+(?P<b>{_PLACE})\b[^.]{{0,80}}?\b(?:udgør|danner|kaldes)\s+"
                    rf"(?:tilsammen|samlet|sammen|til\s+sammen)\s+(?:området\s+)?[«\"“„]?(?P<z>{_PLACE})")


def add_joint_zones(doc: Document, found) -> None:
    """The zone two known departments make together (``_JOINT``): a zone of its own, holding
    them, in the district they lay in."""
    for i, line in enumerate(doc.lines):
        if "udgør" not in line and "danner" not in line and "kaldes" not in line \
                or "tilsammen" not in line and "samlet" not in line and "sammen " not in line:
            continue  # (the verb and the word "together" both: told by substring tests before the pattern)
        for m in _JOINT.finditer(strip_markup(line)):
            a, b = found.get(m.group("a")), found.get(m.group("b"))
            if a is None or b is None or a is b or found.get(m.group("z")) is not None:
                continue
            zone = found.add(Zone(name=m.group("z"), type="zone", part_of=a.part_of if a.part_of == b.part_of else None,
                                  sources=[doc.ref(i, m.group("z"))]))
            a.part_of = b.part_of = zone.name
