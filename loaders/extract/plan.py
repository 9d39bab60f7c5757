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
from samspil.loaders.extract.plan_crumbs import crumb_or_subject_name
from samspil.loaders.extract.plan_flat_cover import cover_pieces, is_run_on_cover
from samspil.loaders.extract.plan_cover import (_OPENS_DELAFTALE, _PLAN_IN_VALUE, _speaks_of_a_plan, cover_title, named_in_prose, quoted_name,
                                               subject_of_plan,
                                               title_name)
from samspil.loaders.extract.plan_lines import cut_at_next_label, squash
from samspil.loaders.extract.sections import plain_lines
from samspil.loaders.gazetteer import (find_municipalities, municipality, municipality_of_town, police_district,
                                       police_district_municipalities)
from samspil.loaders.extract.text import clean, strip_markup
from samspil.loaders.model import Plan

__all__ = ["extract_plan", "squash", "squashed_lines", "parse_period", "after_label", "infer_municipality"]

_PERIOD_SUFFIX = re.compile(r"(?:[\s,(]*\b(?:(?:for|i)\s+)?perioden?:?)?"  # ", perioden 2022-2025"
                            r"[\s,(]*(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2,4}\)?(?:\s*[·|•]\s*[^·|•]{0,60})?\s*$")
_AMENDED = re.compile(r"\b(?:ændres|ændret|forlænges|forlænget|rykkes|udskydes|flyttes)\s+(?:fra\s+)?(?:den\s+)?\d")
_DATE_TO_DATE = re.compile(r" til |(?<=\d{4})\s*[-–—]\s*(?=\d{1,2}\.\s*[a-zæøå])")  # "2012 – 30. april"
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")

# the area's name, then the indsats' (which wins): the LBF templates' labels and the
# wordings other templates use for the same field ("Indsatsens navn:", "Den
# boligsociale indsats, delaftalen hører under:", "Boligsocial indsats: ...")
NAME_LABELS = ("områdetsnavn", "navnpådenboligsocialeindsats,somdelaftalenvedrører",
               "navnpådenboligsocialeindsats", "denboligsocialeindsats,somdelaftalenvedrører",
               "denboligsocialeindsats,delaftalenhørerunder", "denboligsocialeindsats,somdelaftalenhørerunder",
               "indsatsensnavn", "navnpåindsatsen", "helhedsplanensnavn", "navnpåhelhedsplanen",
               "helhedsplanenstitel", "titelpåhelhedsplanen", "indsatsenstitel",
               "boligsocialindsats:", "boligsocialindsats(navn):", "boligsocialhelhedsplan:", "helhedsplan:",
               "helhedsplanen:", "tilhørendestrategisksamarbejdsaftale:", "tilhørendesamarbejdsaftale:",
               "hørerunderstrategisksamarbejdsaftale:", "hørerunderden strategiske samarbejdsaftale:".replace(" ", ""))
# the labels only a delaftale has (its indsats is named because the delaftale hangs under it)
SUB_AGREEMENT_LABELS = tuple(k for k in NAME_LABELS[1:] if "delaftalen" in k or k.startswith("navnpåden"))
PERIOD_LABELS = ("samarbejdsaftalengælderfra", "aftalengælderfra", "delaftalengælderfra", "aftaleperiode",
                 "indsatsperiode", "projektperiode", "periode:", "varighed:")
DELAFTALE_HEADING = "delaftaleforindsatsområdet"


# --------------------------------------------------------------------------- helpers


def squashed_lines(doc: Document) -> list[str]:
    """:func:`squash` of every line (computed once per document)."""
    # (squash(line) is the plain line without its spaces, in lower case: made from those)
    return doc.memo("squashed_lines", lambda: [
        low.replace(" ", "") if line == raw else line.replace(" ", "").lower()  # (the line lowered once)
        for line, raw, low in zip(plain_lines(doc), doc.lines, doc.lower_lines)])


def after_label(line: str, key: str) -> str | None:
    """The text of ``line`` after the squashed label ``key`` (None when absent).

    >>> after_label("Områdets navn: Mit Kvarter 2025-2028", "områdetsnavn")
    'Mit Kvarter 2025-2028'
    >>> after_label("Dela f ta len gælder  f ra  - t i l :  1/1 2017", "delaftalengælderfra")
    '1/1 2017'
    >>> after_label("Indsatsens navn (jf. den strategiske samarbejdsaftale): Mørkhøj Mosaik", "indsatsensnavn")
    'Mørkhøj Mosaik'
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
    rest = re.sub(r"^\s*(?:\.{3,}|…+)\s*", "", rest)  # a fact box's dotted leader: "Indsatsens navn ........ X"
    rest = _LABEL_NOTE.sub("", rest)  # "Indsatsens navn (jf. den strategiske samarbejdsaftale): X"
    return clean(rest)


# a note in brackets between a label and its colon: "(jf. den strategiske samarbejdsaftale¹):"
_LABEL_NOTE = re.compile(r"^\s*\((?:jf\.|se|ifølge|som i|iht\.)[^()]{0,80}\)\S{0,2}\s*:\s*", re.I)


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
        if not sq.startswith(keys):
            if not (sq[:1].isdigit() and (num := _FIELD_NUMBER.match(sq)) and sq.startswith(keys, num.end())):
                continue  # (most lines: no key, told by one call; an application form's numbered field:
            sq = sq[num.end():]  # "1.3 Helhedsplanens titel ..... Mejrup på Vej")
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


_FACT_BOX_LINES = 25  # a report's fact box ("Stamdata") opens it
_INDSATS_FIELD = re.compile(r"^\W{0,3}Indsats(?:\s*:\s*|\s*(?:\.{3,}|…+)\s*|\t)(?P<name>[A-ZÆØÅ\"“»][^:\t]{1,60})$")


def _fact_box_indsats(doc: Document) -> tuple[str, int] | None:
    """The plan named by a fact box's "Indsats" field near the document's top (its name, a note in
    brackets after it dropped: "Havkanten (strategisk samarbejdsaftale 2023-2026)")."""
    for i, line in enumerate(plain_lines(doc)[:_FACT_BOX_LINES]):
        if "Indsats" in line[:12] and (m := _INDSATS_FIELD.match(line.strip())) is not None:
            name = _OPEN_BRACKET_TAIL.sub("", re.sub(r"\s*\([^()]*\)\s*$", "", m.group("name"))).strip(" .")
            if name and not _CONTACT_VALUE.search(name):
                return name, i
    return None


_FIELD_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,2}\.?")  # a form's field number, squashed ("1.3")


# --------------------------------------------------------------------------- plan
_OPEN_BRACKET_TAIL = re.compile(r"\s*\([^()]*$")
_PARTIES_TAIL = re.compile(r"\s*\([^()]*(?:,|\s(?:og|samt)\s)[^()]*(?:Kommune|[Bb]olig|parter)[^()]*\)\s*$")


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
    >>> _split_name("Sammen i Løget og Finlandsparken 2024-2027, Vejle Kommune")[0]
    'Sammen i Løget og Finlandsparken'
    >>> _split_name("Nordlyset – boligsocial helhedsplan for Brøndbyvester Nord")
    ('Nordlyset', ['Nordlyset – boligsocial helhedsplan for Brøndbyvester Nord'])
    """
    aliases = [value]
    if (opening := _QUOTED_FIRST.match(value.strip())) and len(opening.group(1).split()) <= 6:
        return opening.group(1).strip(), aliases  # '"Sædding i Spil" – Landsbyggefondens skabelon 2019': the quoted name
    value_cut = _PARTIES_TAIL.sub("", value) or value  # "X (A, B og C, aftalens parter)": the parties after the name
    value_cut = _OPEN_BRACKET_TAIL.sub("", value_cut) or value_cut  # "X (Lolland Kommune," wrapped onto the next line
    name = _MUNICIPALITY_TAIL.sub("", _DEFINITION_TAIL.sub("", value_cut))  # ("Helhedsplan: X 2024-2027, Vejle Kommune";
    # 'X 2019-2022 (herefter "Helhedsplanen")')
    m = _PLAN_IN_VALUE.search(name)
    if m and len(m.group(1).split()) <= 6:
        name = m.group(1)
    name = _PERIOD_SUFFIX.sub("", name).strip(" ,–-").strip(" »«“”\"'")
    name = _PLAN_WORD_FIRST.sub("", name)  # "Helhedsplanen Houlkær Fællesskab": the name follows
    generic_tail = _DASHED_GENERIC.match(name)  # "Aalborg Øst – helhedsplan": the area is the name
    name = generic_tail.group(1) if generic_tail else name
    if (for_area := _DASHED_FOR_AREA.match(name)) is not None:
        name = for_area.group(1)  # "Nordlyset – boligsocial helhedsplan for Brøndbyvester Nord": the plan's name
    if (quoted := _QUOTED_PART.search(name)) and quoted.start() > 0 and len(quoted.group(1).split()) <= 6 \
            and not _DEFINED_AS.search(name[:quoted.start()]):  # (not '... (herefter "Helhedsplanen")')
        name = quoted.group(1).strip()  # 'Boligsocial indsats Ikast-Brande – "Broen" 2026-2029': Broen
    return (name or value), ([a for a in aliases if a != name])


# the plan's own name in quotes inside a longer value (its closing quote lost where a period was cut)
_DEFINITION_TAIL = re.compile(r"\s*\((?:herefter|efterfølgende|i det følgende)\b[^()]*\)\s*$", re.I)
_DEFINED_AS = re.compile(r"\b(?:herefter|efterfølgende|i det følgende|benævnt|kaldet|omtalt som)\W*$", re.I)
_QUOTED_FIRST = re.compile(r'^[«"“„]([A-ZÆØÅ0-9][^«»"“”„]{1,60}?)[»"”“]\s+[–—-]\s+\S')  # the name in quotes, then a note
_QUOTED_PART = re.compile(r'[«"“„]([A-ZÆØÅ0-9][^«»"“”„]{1,60}?)(?:[»"”“]|$)')


_MUNICIPALITY_TAIL = re.compile(r",\s*[A-ZÆØÅ][\wæøå-]*(?:\s+[A-ZÆØÅ][\wæøå-]*)?\s+[Kk]ommune\s*$")
_PLAN_WORD_FIRST = re.compile(r"^(?i:(?:den\s+)?(?:boligsociale\s+)?helhedsplanen)\s+(?=[A-ZÆØÅ])")
_DASHED_FOR_AREA = re.compile(r"^(.{3,60}?)\s+[–—-]\s+(?:(?:den|en)\s+)?boligsociale?\s+(?:helhedsplan|indsats)(?:en)?\s+"
                              r"(?:for|i|på)\s+[A-ZÆØÅ].*$", re.I)
_FOR_AREA_AFTER = re.compile(r"(?:helhedsplan|indsats)(?:en)?\s+(?:for|i|på)\s+([A-ZÆØÅ].{1,60})$", re.I)
_DASHED_GENERIC = re.compile(r"^(.{3,}?)\s+[–-]\s+(?:(?:den\s+)?boligsociale?\s+)?helhedsplan(?:en)?$", re.I)


_ONE_OF = re.compile(r"delaftale(?:nr\.?)?\d{1,2}af\d{1,2}")  # (squashed) "Delaftale 1 af 2"
REGULATIV_2019 = "2019-01-01"  # plans starting from then on are strategic agreements (with delaftaler), not helhedsplaner


def _caps_delaftale_title(line: str) -> bool:
    """Does the document's first line hold "DELAFTALE" as a title in capitals in its first words ("Ishøj Kommune –
    Boligselskabet Tranehøj DELAFTALE Kriminalitetsforebyggelse ..."), not beside a strategic agreement's?"""
    head = f" {line[:150]} "
    return " DELAFTALE " in head and "SAMARBEJDSAFTALE" not in head and "STRATEGISK" not in head


def _document_type(doc: Document) -> str:
    head = squash(" ".join(doc.lines[:60]))[:6000]
    delaftaler = sum(1 for sq in squashed_lines(doc) if sq.startswith(DELAFTALE_HEADING))
    strategic = ("strategisksamarbejdsaftale" in head or "strategiskaftale" in head
                 or _find_label(doc, ("områdetsnavn", "samarbejdsaftalengælderfra")) is not None)
    firsts = [sq for sq in squashed_lines(doc)[:5] if sq][:2]  # (the title, or a short line over it: the parties'
    firsts = firsts[:1] + [sq for sq in firsts[1:2] if len(firsts[0]) <= 80]  # "Ishøj Kommune – Boligselskabet
    # Tranehøj" over "DELAFTALE"; not a page's text over the next one's)
    opens_as_delaftale = any(sq.startswith(DELAFTALE_HEADING) for sq in squashed_lines(doc)[:5]) \
        or any(_OPENS_DELAFTALE.match(sq) is not None for sq in firsts) \
        or _caps_delaftale_title(next((line for line in doc.lines if line.strip()), ""))  # (the title in capitals joined
    # onto the line above it, as a PDF's lines may be, or run on with the text when the breaks are lost)
    if delaftaler <= 1 and opens_as_delaftale:
        return "sub_agreement"  # a delaftale that refers to "den strategiske samarbejdsaftale"
    counted = {m.group(0) for sq in squashed_lines(doc) if (m := _ONE_OF.match(sq))}
    if len(counted) == 1 and any(_ONE_OF.match(sq) for sq in squashed_lines(doc)[:8]):
        return "sub_agreement"  # "Delaftale 1 af 2 under den strategiske aftale om ...": one of its delaftaler
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


# a line that ends inside a range of dates: "fra 1. februar 2024 til", "1. marts 2023 -"
_RANGE_OPEN = re.compile(r"\d{4}\s+(?:til|til og med|[-–—])\s*$")


_POOL_RANGE = re.compile(r"\b[Pp]ulje(?:n|ns)?\s+(?:for\s+|til\s+)?(?:årene\s+)?\d{4}\s*[-–]\s*\d{2,4}")


def _period(doc: Document, name_line: int | None) -> tuple[tuple[str | None, str | None], int | None]:
    found = _find_label(doc, PERIOD_LABELS)
    if found:
        start, end = parse_period(found[0])
        if start:
            return (start, end), found[1]
    # free-form plans: "af 21. februar 2007 til 30. juni 2012", "Perioden 1. maj 2012 – 30.
    # april 2016" or a year range in the title lines
    amended = None
    for i, line in enumerate(doc.lines[:15]):
        line = _POOL_RANGE.sub("", line) if "ulje" in line else line  # "Landsbyggefondens pulje 2011-2014": the
        # fund's pool, not the plan's period
        for m in _DATE_TO_DATE.finditer(line[:3000]):
            start, end = parse_period(line[max(0, m.start() - 22): m.end() + 22])
            if start and end and start < end:
                if _AMENDED.search(line, max(0, m.start() - 50), m.start()):  # "udløb ændres fra X til Y": one
                    amended = amended or (end, i)                           # date changed, no period
                    continue
                return (start, end), i
    if amended is not None:  # an amendment's new end, from the start the agreement keeps ("gælder fortsat fra X")
        start = next((s for line in doc.lines[:15] if (k := line.find("fra ")) >= 0 and "ændres" not in line
                      and (s := parse_period(line[k:k + 40])[0])), None)
        return (start, amended[0]), amended[1]
    lines = doc.lines[:41]
    for i, line in enumerate(lines[:40]):  # "træder i kraft 1. juni 2021 og udløber 31. maj 2025"
        if (pair := date_pair(line[:3000])) is not None:
            return pair, i
        if _RANGE_OPEN.search(line[-40:]) and i + 1 < len(lines) and lines[i + 1][:1].isdigit() \
                and (pair := date_pair(line[-60:] + " " + lines[i + 1][:60])) is not None:
            return pair, i  # the sentence wrapped inside its range: "... løber fra 1. februar 2024 til" / "31. januar 2028."
    for i, line in enumerate(doc.lines[:15]):
        m = _YEAR_RANGE.search(line)
        if m and len(line) < 120 and not ("ulje" in line and _POOL_RANGE.search(line)):
            return parse_period(m.group(0)), i
    if name_line is not None and (m := _YEAR_RANGE.search(doc.lines[name_line])):
        return parse_period(m.group(0)), name_line
    return (None, None), None


def _area_of(value: str, name: str) -> str | None:
    """'Valby/Vigerslev – den boligsociale helhedsplan X' -> Valby/Vigerslev;
    'Helhedsplanen for Sjælør og Kgs. Enghave' -> Sjælør og Kgs. Enghave."""
    if (m := _FOR_AREA_AFTER.search(value)) and _DASHED_FOR_AREA.match(value):
        return m.group(1).strip(" .")  # "Nordlyset – boligsocial helhedsplan for Brøndbyvester Nord"
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
    """Where the plan is named: the indsats label, the area label, else the title (of a
    cover run onto the first line, read from its pieces first)."""
    found = [f for f in (_find_label(doc, NAME_LABELS[1:]), _find_label(doc, NAME_LABELS[:1]))
             if f and not _CONTACT_VALUE.search(f[0])]  # ("Helhedsplanen: Boligsocial medarbejder X, x@y.dk": a contact)
    if not found and (boxed := _fact_box_indsats(doc)) is not None:
        found = [boxed]  # a status report's fact box: "Indsats ......... Thurø Sundstrøm", "Indsats:  Havkanten (...)"
    if len(found) == 1 and found[0] == _find_label(doc, NAME_LABELS[:1]) and (titled := _area_titled(doc, found[0][0])):
        found = [titled, found[0]]  # "Områdets navn: Trekroner" under the title "Trekroner i Trivsel": the title names
        # the indsats, the label its area
    if not found and (prose := named_in_prose(doc)) is not None:
        return [prose]  # 'Helhedsplanen får navnet "Kompasset"', 'den boligsociale helhedsplan »Nordlyset«'
    if not found and (crumb := crumb_or_subject_name(doc)) is not None:
        return [(crumb[0], crumb[2])]  # a web page's breadcrumb trail, a board paper's subject
    if not found and (run_on := _run_on_cover(doc)) is not None:
        if len(run_on) == 1 and ("?" in run_on[0][0] or run_on[0][0].strip(" .:").casefold() in _GENRE_WORDS) \
                and (subject := subject_of_plan(doc)) is not None:
            return [subject]  # (a question over the text, the plan its sentence's subject; as below)
        return run_on
    found = found or [f for f in [quoted_name(doc) or title_name(doc) or cover_title(doc) or subject_of_plan(doc)] if f]
    if len(found) == 1 and (_names_an_organisation(found[0][0]) or _ends_with_subject(found[0][0], doc)
                            or _DATED_TITLE.search(found[0][0]) or "?" in found[0][0]
                            or found[0][0].strip(" .:").casefold() in _GENRE_WORDS) \
            and (subject := subject_of_plan(doc)) is not None:
        found = [subject]  # "Ringstedegnens Fritidsfond – ansøgningsportal" over "X er den boligsociale indsats i Y";
        # "NOTAT – OVERDRAGELSE AF LEDELSEN AF HUMBLE HAVN" over "Humble Havn er den strategiske samarbejdsaftale ...";
        # a question, 'BEBOERWORKSHOP "HVAD SKAL VI LAVE I KOLLERØD TOFTE?"', over "Kollerød Tofte er den ..."
    return [(cut, line) for value, line in found if (cut := cut_at_next_label(value))]


# a title that only names the document's kind ("DREJEBOG" over "Ø-fællesskabet er den strategiske samarbejdsaftale ...")
_GENRE_WORDS = frozenset("drejebog referat notat opsamling procesplan kontaktoversigt dagsorden nyhedsbrev invitation "
                         "program kommissorium vedtægter bilag høringssvar statusrapport årsstatus årsrapport "
                         "tidsplan aktivitetskalender".split())


def _area_titled(doc: Document, area: str) -> tuple[str, int] | None:
    """The document's title when it opens with the area label's name and goes on ("Trekroner i Trivsel" over
    "Områdets navn: Trekroner"), else None."""
    area = cut_at_next_label(area)
    title = quoted_name(doc) or title_name(doc) or cover_title(doc) or next(iter(_run_on_cover(doc) or []), None)
    if not area or title is None:
        return None
    name = cut_at_next_label(title[0])
    return title if name.casefold().startswith(area.casefold() + " ") and len(name.split()) <= 6 \
        and name[len(area) + 1:][:1].isalpha() else None


# a newspaper's or newsletter's running head: a weekday or a date in the title ("DEBAT · Kolding og omegn · torsdag")
_DATED_TITLE = re.compile(r"(?i)\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b"
                          r"|\b\d{1,2}\.\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november"
                          r"|december)\b")


def _ends_with_subject(title: str, doc: Document) -> bool:
    """Does a title end with the name a sentence gives the plan (the title's other words the document's kind and
    subject: "NOTAT – OVERDRAGELSE AF LEDELSEN AF HUMBLE HAVN")?"""
    subject = subject_of_plan(doc)
    return subject is not None and len(title) > len(subject[0]) + 3 \
        and title.casefold().endswith(" " + subject[0].casefold())


def _names_an_organisation(name: str) -> bool:
    """A title that names an organisation (a fund, a housing organisation, a municipality), not a plan."""
    from samspil.loaders.extract.org_lists import org_type_of

    return org_type_of(name) in ("ngo", "national_body", "housing_organisation", "municipality", "municipal_unit")


_CONTACT_VALUE = re.compile(r"@[\w-]+\.|\b\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b")


def _run_on_cover(doc: Document) -> list[tuple[str, int]] | None:
    """The plan's name read from the pieces of a first line that holds the cover and the
    text after it (plan_flat_cover.py), citing that line; None when there is no such line or
    its pieces name no plan."""
    first = next((i for i, line in enumerate(doc.lines[:5]) if line.strip()), None)
    if first is None or not is_run_on_cover(doc.lines[first]):
        return None
    cover = Document.from_text(doc.id, "\n".join(cover_pieces(doc.lines[first])))
    cover.cache["plan:agreement_words"] = _speaks_of_a_plan(doc)  # (the document speaks of a plan, its cover's
    # title need not: 'Snedsted Midt – "Vi i Snedsted"')
    found = [f for f in (_find_label(cover, NAME_LABELS[1:]), _find_label(cover, NAME_LABELS[:1])) if f] \
        or [f for f in [quoted_name(cover) or title_name(cover) or cover_title(cover)] if f]
    named = [(cut, first) for value, _line in found if (cut := cut_at_next_label(value))]
    return named or None


def extract_plan(doc: Document) -> Plan:
    """The plan the document describes, with the lines it was read from.

    The name of the indsats ("Navn på den boligsociale indsats ...") wins over
    the area label ("Områdets navn"); the other forms become aliases, and an
    area named before the plan ("Valby/Vigerslev – den boligsociale helhedsplan
    SURF Valby") becomes ``Plan.area``.
    """
    plan = Plan(document_type=doc.memo("plan:document_type", lambda: _document_type(doc)),
                municipality=municipality_of(doc))
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
    if (crumb := crumb_or_subject_name(doc)) is not None and plan.name == crumb[0]:
        if not crumb[1].endswith((f"– {crumb[0]}", f"— {crumb[0]}", f" - {crumb[0]}")):  # (not a page title's name
            # after its dash: "... i Ry – Broerne i Ry")
            plan.area = plan.area or crumb[0]  # the area the crumb or subject names is the plan's name
        plan.aliases += [crumb[1]] if crumb[1] not in plan.aliases else []
    if plan.name and plan.name.endswith(".") and len(plan.name) > 5 and plan.name[-2].islower():
        plan.aliases.insert(0, plan.name)  # "Korsvejen Connect i Tårnby." (a sentence's end)
        plan.name = plan.name[:-1]
    if plan.name and plan.name.isupper() and (cased := _cased_form(doc, plan.name)):
        plan.aliases.insert(0, plan.name)  # a cover's "BYLIVKOLDING": the text writes "ByLivKolding"
        plan.name = cased
    if plan.name:
        title = f"Den boligsociale helhedsplan {plan.name}"
        if title.lower() in doc.lower_text and title not in plan.aliases:
            plan.aliases.append(title)
    (plan.period_start, plan.period_end), period_line = _period(doc, name_line)
    if plan.document_type == "master_plan" and (plan.period_start or "") >= REGULATIV_2019:
        plan.document_type = "strategic_agreement"  # (since Landsbyggefonden's 2019 regulativ every plan is
        # agreed as a strategic agreement: a report, web page or minutes about one of its plans is about one)
    if period_line is not None and period_line != name_line:
        plan.sources.append(doc.ref(period_line))
    return plan
