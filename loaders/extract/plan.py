"""The plan itself: name, document type, period, municipality (its focus areas: ``focus_areas.py``).

The LBF templates put these in fixed labels, which is what we read first:

* ``Områdets navn: Mit Kvarter 2025-2028`` (strategisk samarbejdsaftale)
* ``Navn på den boligsociale indsats, som delaftalen vedrører:`` (delaftale)
* ``Samarbejdsaftalen gælder fra - til:`` / ``Delaftalen gælder fra - til:``
* ``Delaftale for indsatsområdet X`` and ``X`` + ``Problemkompleks for indsatsområdet``

Older free-form helhedsplaner (*master plans*) have a title line ("Den
boligsociale helhedsplan Rum for Liv"), a subtitle with the period and a
numbered section "N. Indsatsområder" whose subsections N.M are the focus areas.

Labels are compared *squashed* (lower case, no white space), so a PDF that
letter-spaced them ("Dela f ta len gælder  f ra  - t i l :") still matches.
"""
from __future__ import annotations

import re
from collections import Counter

from samspil.loaders.document import Document
from samspil.loaders.extract.dates import date_pair, parse_period
from samspil.loaders.extract.plan_lines import (cut_at_next_label, is_cover_noise, is_label_line, is_name_label,
                                               name_after_label, name_in_document_type, name_in_noise)
from samspil.loaders.extract.sections import plain_lines
from samspil.loaders.gazetteer import (find_known_organisations, find_municipalities, municipality, municipality_of_town, police_district,
                                       police_district_municipalities)
from samspil.loaders.extract.text import clean, strip_markup
from samspil.loaders.model import Plan

__all__ = ["extract_plan", "squash", "squashed_lines", "parse_period", "after_label", "infer_municipality"]

_PERIOD_SUFFIX = re.compile(r"(?:[\s,(]*\b(?:(?:for|i)\s+)?perioden?:?)?"  # ", perioden 2022-2025"
                            r"[\s,(]*(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2,4}\)?(?:\s*[·|•]\s*[^·|•]{0,60})?\s*$")
_DATE_TO_DATE = re.compile(r" til |(?<=\d{4})\s*[-–—]\s*(?=\d{1,2}\.\s*[a-zæøå])")  # "2012 – 30. april"
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")
_PLAN_IN_VALUE = re.compile(r"\b(?:den\s+)?boligsociale\s+helhedsplan(?:en)?\s+(.+)$", re.IGNORECASE)
_TITLE_FOR = re.compile(r"^(?:den\s+)?(?:boligsociale?\s+)?helhedsplan(?:en)?\s+for\s+[A-ZÆØÅ]",
                        re.IGNORECASE)

# the area's name, then the indsats' (which wins): the LBF templates' labels and the
# wordings other templates use for the same field ("Indsatsens navn:", "Den
# boligsociale indsats, delaftalen hører under:", "Boligsocial indsats: ...")
NAME_LABELS = ("områdetsnavn", "navnpådenboligsocialeindsats,somdelaftalenvedrører",
               "navnpådenboligsocialeindsats", "denboligsocialeindsats,somdelaftalenvedrører",
               "denboligsocialeindsats,delaftalenhørerunder", "denboligsocialeindsats,somdelaftalenhørerunder",
               "indsatsensnavn", "navnpåindsatsen", "helhedsplanensnavn", "navnpåhelhedsplanen",
               "boligsocialindsats:", "boligsocialhelhedsplan:")
# the labels only a delaftale has (its indsats is named because the delaftale hangs under it)
SUB_AGREEMENT_LABELS = tuple(k for k in NAME_LABELS[1:] if "delaftalen" in k or k.startswith("navnpåden"))
PERIOD_LABELS = ("samarbejdsaftalengælderfra", "aftalengælderfra", "delaftalengælderfra", "aftaleperiode",
                 "indsatsperiode", "projektperiode", "periode:", "varighed:")
DELAFTALE_HEADING = "delaftaleforindsatsområdet"


# --------------------------------------------------------------------------- helpers
def squash(text: str) -> str:
    """Lower case, markup and all white space removed: the form labels are compared in.

    >>> squash("Dela f ta len gælder  f ra  - t i l :")
    'delaftalengælderfra-til:'
    """
    return "".join(strip_markup(text).split()).lower()


def squashed_lines(doc: Document) -> list[str]:
    """:func:`squash` of every line (computed once per document)."""
    # (squash(line) is the plain line without its spaces, in lower case: made from those)
    return doc.memo("squashed_lines", lambda: [line.replace(" ", "").lower() for line in plain_lines(doc)])


def after_label(line: str, key: str) -> str | None:
    """The text of ``line`` after the squashed label ``key`` (None when absent).

    >>> after_label("Områdets navn: Mit Kvarter 2025-2028", "områdetsnavn")
    'Mit Kvarter 2025-2028'
    >>> after_label("Dela f ta len gælder  f ra  - t i l :  1/1 2017", "delaftalengælderfra")
    '1/1 2017'
    """
    text = " ".join(strip_markup(line).split())
    sq = squash(text)
    pos = sq.find(key)
    if pos < 0:
        return None
    end = pos + len(key)
    # map the squashed end position back to the text
    seen, cut = 0, len(text)
    for i, ch in enumerate(text):
        if not ch.isspace():
            if seen == end:
                cut = i
                break
            seen += 1
    rest = text[cut:] if seen == end else ""
    rest = re.sub(r"^\s*(?:-\s*t\s*i\s*l\s*)?:?", "", rest)  # "- til:" / ":"
    return clean(rest)


def _value(doc: Document, i: int, key: str, lookahead: int = 4) -> tuple[str, int] | None:
    """Value of label ``key`` on line ``i``: same line, else the next non-empty line."""
    rest = after_label(doc.lines[i], key)
    if rest is None:
        return None
    if rest:
        return rest, i
    for j in range(i + 1, min(i + 1 + lookahead, len(doc.lines))):
        if doc.lines[j].strip():
            if strip_markup(doc.lines[j]).rstrip().endswith(":"):
                return None  # an empty field followed by the next label
            return clean(doc.lines[j]), j
    return None


def _find_label(doc: Document, keys: tuple[str, ...], limit: int | None = None):
    for i, sq in enumerate(squashed_lines(doc)[:limit]):
        for key in keys:
            if not sq.startswith(key):
                continue
            if len(sq) < len(key) + 160:
                found = _value(doc, i, key)
                if found and found[0]:
                    return found
            elif key in PERIOD_LABELS:  # the label's text ran on into the next paragraph
                rest = after_label(doc.lines[i], key) or ""
                return rest[:60], i
            elif 0 < len(rest := cut_at_next_label(after_label(doc.lines[i], key) or "")) <= 90:
                return rest, i  # a name label run on into the next label ("X (2026-2029) Kommune: Y")
    return None


# --------------------------------------------------------------------------- plan
def _split_name(value: str) -> tuple[str, list[str]]:
    """Plan name without its period / area prefix, and the forms it was taken from.

    >>> _split_name("Mit Kvarter 2025-2028")
    ('Mit Kvarter', ['Mit Kvarter 2025-2028'])
    >>> _split_name("Valby/Vigerslev – den boligsociale helhedsplan SURF Valby")
    ('SURF Valby', ['Valby/Vigerslev – den boligsociale helhedsplan SURF Valby'])
    >>> _split_name("Aalborg Øst – helhedsplan 2019-2022")
    ('Aalborg Øst', ['Aalborg Øst – helhedsplan 2019-2022'])
    >>> _split_name("Helhedsplanen Solhøj Sammen 2023-2026 · Nyborg Kommune")[0]
    'Solhøj Sammen'
    >>> _split_name("Helhedsplan for Bakkegården, perioden 2022-2025")[0]
    'Helhedsplan for Bakkegården'
    """
    aliases = [value]
    name = value
    m = _PLAN_IN_VALUE.search(name)
    if m and len(m.group(1).split()) <= 6:
        name = m.group(1)
    name = _PERIOD_SUFFIX.sub("", name).strip(" ,–-").strip(" »«“”\"'")
    name = _PLAN_WORD_FIRST.sub("", name)  # "Helhedsplanen Houlkær Fællesskab": the name follows
    generic_tail = _DASHED_GENERIC.match(name)  # "Aalborg Øst – helhedsplan": the area is the name
    name = generic_tail.group(1) if generic_tail else name
    return (name or value), ([a for a in aliases if a != name])


_PLAN_WORD_FIRST = re.compile(r"^(?i:(?:den\s+)?(?:boligsociale\s+)?helhedsplanen)\s+(?=[A-ZÆØÅ])")
_DASHED_GENERIC = re.compile(r"^(.{3,}?)\s+[–-]\s+(?:(?:den\s+)?boligsociale?\s+)?helhedsplan(?:en)?$", re.I)


_DATE_RANGE_START = re.compile(r"\s+(?:af|fra|for perioden|i perioden|perioden)?\s*\d{1,2}\.\s*(?:januar|februar|marts|april|maj|"
                               r"juni|juli|august|september|oktober|november|december)\b.*$|\s+\(?(?:19|20)\d{2}\s*[-–].*$",
                               re.IGNORECASE)


_AGREEMENT_WORDS = re.compile(r"helhedsplan|boligsocial|indsatsområde|samarbejdsaftale|delaftale", re.I)


# what every plan's cover says besides its name
_GENERIC_TITLE_WORDS = re.compile(r"\s*\b(?:(?:den\s+)?boligsociale?\s+)?helhedsplan(?:en)?\s*$"
                                  r"|\s*\bstrategisk\s+samarbejdsaftale\s*$", re.I)


# a title that names the parties first and the area last
_ABOUT_AREA = re.compile(r"\bom\s+(?:den\s+)?(?:boligsociale?\s+(?:indsats|helhedsplan)(?:en)?|helhedsplan(?:en)?)"
                         r"\s+(?:i|for|på)\s+([A-ZÆØÅ].{1,60})$")


def _dedupe_words(words: list[str]) -> list[str]:
    """A cover that prints its name twice ("BYLIVKOLDING BYLIVKOLDING") names it once."""
    n = len(words)
    for size in range(1, n // 2 + 1):
        if words[:size] == words[size: 2 * size]:
            return words[size:]
    return words


def _cover_title(doc: Document) -> tuple[str, int] | None:
    """The title among a document's first lines without template labels: the first line
    that reads as a title (short, not a sentence), passing over a letterhead (only parties'
    names), a bare document type ("STRATEGISK SAMARBEJDSAFTALE") and a delaftale's
    heading (it names the focus area); a period and what follows it are cut off."""
    if not _speaks_of_a_plan(doc):
        return None
    for i, text in _first_lines(doc):
        if strip_markup(doc.lines[i]).rstrip().endswith(":"):
            return None  # the template's labels begin: no title above them
        if is_cover_noise(text):  # "Version 2.1 – godkendt ...", "Side 1 af 8" (and what ran onto it)
            if (named := name_in_noise(text)) is not None:
                return named, i
            continue
        if is_label_line(text):  # "Navn: X Periode: ...", else a label: no title above it
            return (name_after_label(text), i) if is_name_label(text) else None
        text = cut_at_next_label(text)  # "X Periode: 2022-2025 ..." (a line that lost its breaks)
        if _letterhead(text) or _OPENS_DELAFTALE.match(squash(text)) or _BARE_DOCUMENT_TYPE.match(text):
            if (named := name_in_document_type(text)) is not None:  # "Samarbejdsaftale for X"
                return named, i
            continue
        text = _GENERIC_TITLE_WORDS.sub("", _DATE_RANGE_START.sub("", text)).strip(" .,–-")
        if (about := _ABOUT_AREA.search(text)) is not None:
            text = about.group(1)  # "Strategisk samarbejdsaftale mellem A og B om den boligsociale indsats i X"
        text = _INDSATS_TAIL.sub("", text).strip(" »«“”\"'")  # "Fælles Fremtid – boligsocial indsats i X"
        text = name_in_document_type(text) or text
        words = _dedupe_words(text.split())
        text = " ".join(words)
        if 1 <= len(words) <= 14 and not text.endswith(".") and text[0].isupper() \
                and sum(w[:1].islower() for w in words) <= len(words) * 0.6:
            return text, i
        return None
    return None


def _first_lines(doc: Document) -> list[tuple[int, str]]:
    """The first six non-empty lines (of the first twelve), cleaned, with their indexes."""
    return [(i, text) for i, text in ((i, clean(line)) for i, line in enumerate(doc.lines[:12])) if text][:6]


def _speaks_of_a_plan(doc: Document) -> bool:
    """Whether the document uses an agreement's words at all (a text that never speaks of
    a plan has no plan title); asked once per document."""
    return doc.memo("plan:agreement_words", lambda: _AGREEMENT_WORDS.search(doc.text[:20000]) is not None)


def _quoted_name(doc: Document) -> tuple[str, int] | None:
    """A name in quotes on a line of its own among the cover's first lines, under the
    title ('HELHEDSPLAN FOR TRÆHØJ' / '"Træhøj i fællesskab"'): the plan's own name."""
    if not _speaks_of_a_plan(doc):
        return None
    for i, text in _first_lines(doc):
        if (quoted := _QUOTED_LINE.match(text)) and 1 <= len(quoted.group(1).split()) <= 8:
            return quoted.group(1).strip(), i
    return None


_QUOTED_LINE = re.compile(r'^[«»“”"„]([^«»“”"„]{3,80})[«»“”"„]$')
_BARE_DOCUMENT_TYPE = re.compile(r"^(?:strategisk\s+)?(?:samarbejds)?aftale\b.{0,40}$|^(?:boligsocial\s+)?"
                                 r"helhedsplan\s*$", re.I)
_INDSATS_TAIL = re.compile(r"\s+[–-]\s+(?:den\s+)?boligsociale?\s+(?:indsats|helhedsplan)\b.*$", re.I)
_LETTERHEAD_GAP = re.compile(r"\s{3,}|\t")


def _letterhead(text: str) -> bool:
    """A line of nothing but parties' names: a municipality, a housing organisation or
    a municipal unit ("Socialforvaltningen") under them."""
    from samspil.loaders.extract.org_lists import org_type_of

    parts = [p.strip() for p in _LETTERHEAD_GAP.split(text) if p.strip()]
    return all(municipality(p) is not None or len(p.split()) <= 5 and org_type_of(p) in (
        "housing_organisation", "municipal_unit") for p in parts)


def _before_known_organisation(text: str, start: int) -> str | None:
    """``text`` up to the first organisation the gazetteer knows after ``start``, when
    that leaves a name of one to six words."""
    for s, _, _, _ in find_known_organisations(text[start:]):
        name = text[start: start + s].strip(" ,.–-")
        if 1 <= len(name.split()) <= 6:
            return text[: start + s].strip(" ,.–-")
        break
    return None


def _title_name(doc: Document) -> tuple[str, int] | None:
    """The title of a free-form plan among its first lines.

    'Den boligsociale helhedsplan X' (the name is X), else a short line that
    starts 'Boligsocial helhedsplan for ...' / 'Helhedsplanen for ...' (the
    whole line is the name, as in a delaftale's own label).
    """
    for i, line in enumerate(doc.lines[:40]):
        text = clean(line)
        if is_cover_noise(text):
            continue
        m = _PLAN_IN_VALUE.search(text)
        if m and len(text) < 100 and len(m.group(1).split()) <= 6:
            return text, i
        if m and m.start() < 40 and (cut := _before_known_organisation(text, m.start(1))):
            return cut, i  # a cover run together with what follows the name ("... Rum for Liv Lejerbo ...")
    for i, line in enumerate(doc.lines[:15]):
        text = clean(line)
        if _TITLE_FOR.match(text) and len(text.split()) <= 10:
            return text, i
    return None


# a document whose title is one delaftale: "DELAFTALE", "Delaftale – X", "Delaftale om X",
# "Delaftale 3: X" (squashed; not "Delaftaler", the strategic agreement's list of them)
_OPENS_DELAFTALE = re.compile(r"^\W*delaftale(?!r)(?:$|[^a-zæøå]|om|for|vedr)")


def _document_type(doc: Document) -> str:
    head = squash(" ".join(doc.lines[:60]))[:6000]
    delaftaler = sum(1 for sq in squashed_lines(doc) if sq.startswith(DELAFTALE_HEADING))
    strategic = ("strategisksamarbejdsaftale" in head or "strategiskaftale" in head
                 or _find_label(doc, ("områdetsnavn", "samarbejdsaftalengælderfra")) is not None)
    first = next((sq for sq in squashed_lines(doc)[:5] if sq), "")
    opens_as_delaftale = any(sq.startswith(DELAFTALE_HEADING) for sq in squashed_lines(doc)[:5]) \
        or _OPENS_DELAFTALE.match(first) is not None
    if delaftaler <= 1 and opens_as_delaftale:
        return "sub_agreement"  # a delaftale that refers to "den strategiske samarbejdsaftale"
    if strategic or delaftaler >= 2:
        return "strategic_agreement"
    if delaftaler == 1 or _find_label(doc, SUB_AGREEMENT_LABELS) is not None:
        return "sub_agreement"
    return "master_plan"


def municipality_of(doc: Document) -> str | None:
    """The municipality the document names (:func:`_municipality`), worked out once per document."""
    return doc.memo("municipality", lambda: _municipality(doc))


def _municipality(doc: Document) -> str | None:
    """The municipality named most often ("Randers Kommune", "randers kommunes",
    "Kommune: Randers", an old municipality by its successor; loaders/gazetteer.py)."""
    counts = Counter(canonical for line in doc.lines if "ommune" in line
                     for _, _, canonical in find_municipalities(line))
    return counts.most_common(1)[0][0] if counts else None


def infer_municipality(places: list[str]) -> str | None:
    """The municipality of the first place (a town, a bydel, a police district) the
    gazetteer knows, for a plan that never names its municipality."""
    for place in places:
        for cand in (place, *place.replace("/", " ").split()):
            if not cand[:1].isupper():
                continue  # former municipalities that are also words ("Give", "Ringe") only as names
            found = municipality_of_town(cand) or municipality(cand)
            if found:
                return found
            if (district := police_district(cand)) and len(police_district_municipalities(district)) == 1:
                return police_district_municipalities(district)[0]
    return None


def _period(doc: Document, name_line: int | None) -> tuple[tuple[str | None, str | None], int | None]:
    found = _find_label(doc, PERIOD_LABELS)
    if found:
        start, end = parse_period(found[0])
        if start:
            return (start, end), found[1]
    # free-form plans: "af 21. februar 2007 til 30. juni 2012", "Perioden 1. maj 2012 – 30.
    # april 2016" or a year range in the title lines
    for i, line in enumerate(doc.lines[:15]):
        for m in _DATE_TO_DATE.finditer(line[:3000]):
            start, end = parse_period(line[max(0, m.start() - 22): m.end() + 22])
            if start and end and start < end:
                return (start, end), i
    for i, line in enumerate(doc.lines[:40]):  # "træder i kraft 1. juni 2021 og udløber 31. maj 2025"
        if (pair := date_pair(line[:3000])) is not None:
            return pair, i
    for i, line in enumerate(doc.lines[:15]):
        m = _YEAR_RANGE.search(line)
        if m and len(line) < 120:
            return parse_period(m.group(0)), i
    if name_line is not None and (m := _YEAR_RANGE.search(doc.lines[name_line])):
        return parse_period(m.group(0)), name_line
    return (None, None), None


def _area_of(value: str, name: str) -> str | None:
    """'Valby/Vigerslev – den boligsociale helhedsplan X' -> Valby/Vigerslev;
    'Helhedsplanen for Sjælør og Kgs. Enghave' -> Sjælør og Kgs. Enghave."""
    head = value.split("–")[0].split(" - ")[0].strip()
    if head != value and "helhedsplan" in value.lower():
        return head
    m = re.search(r"\bhelhedsplan(?:en)?\s+for\s+(.+)$", name, re.IGNORECASE)
    return m.group(1).strip() if m else None


def _cased_form(doc: Document, name: str) -> str | None:
    """How the text writes a name its cover has in capitals, when it does: the most
    frequent spelling with small letters."""
    found = re.findall(r"(?<![\wæøåÆØÅ])" + re.escape(name) + r"(?![\wæøåÆØÅ])", doc.text, re.I)
    counts = Counter(f for f in found if not f.isupper())
    return counts.most_common(1)[0][0] if counts else None


def _name_sources(doc: Document) -> list[tuple[str, int]]:
    """Where the plan is named: the indsats label, the area label, else the title."""
    found = [f for f in (_find_label(doc, NAME_LABELS[1:]), _find_label(doc, NAME_LABELS[:1])) if f]
    found = found or [f for f in [_quoted_name(doc) or _title_name(doc) or _cover_title(doc)] if f]
    return [(cut, line) for value, line in found if (cut := cut_at_next_label(value))]


def extract_plan(doc: Document) -> Plan:
    """The plan the document describes, with the lines it was read from.

    The name of the indsats ("Navn på den boligsociale indsats ...") wins over
    the area label ("Områdets navn"); the other forms become aliases, and an
    area named before the plan ("Valby/Vigerslev – den boligsociale helhedsplan
    SURF Valby") becomes ``Plan.area``.
    """
    plan = Plan(document_type=_document_type(doc), municipality=municipality_of(doc))
    named = _name_sources(doc)
    name_line = None
    for k, (value, line) in enumerate(named):
        name, aliases = _split_name(value)
        if k == 0:
            plan.name, name_line = name, line
        for form in [name, *aliases]:
            if form != plan.name and form not in plan.aliases:
                plan.aliases.append(form)
        plan.area = plan.area or _area_of(value, name)
        plan.sources.append(doc.ref(line, value))
    if plan.name and plan.name.isupper() and (cased := _cased_form(doc, plan.name)):
        plan.aliases.insert(0, plan.name)  # a cover's "BYLIVKOLDING": the text writes "ByLivKolding"
        plan.name = cased
    if plan.name:
        title = f"Den boligsociale helhedsplan {plan.name}"
        if title.lower() in doc.text.lower() and title not in plan.aliases:
            plan.aliases.append(title)
    (plan.period_start, plan.period_end), period_line = _period(doc, name_line)
    if period_line is not None and period_line != name_line:
        plan.sources.append(doc.ref(period_line))
    return plan
