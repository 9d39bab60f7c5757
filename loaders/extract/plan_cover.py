"""The plan's name on a cover: the title among a document's first lines.

Older plans and many municipalities' own agreements have no "Områdets navn:" label:
the name is the cover's title ("Den boligsociale helhedsplan Rum for Liv", "Helhedsplan
for Vestbyen 2019-2022", "Strategisk samarbejdsaftale mellem A og B om den boligsociale
indsats i X"), a name in quotes under it, or the first short line that reads as a title
once a letterhead, a bare document type, version lines and a period are passed over.
plan.py asks :func:`quoted_name`, :func:`title_name` and :func:`cover_title` in turn.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.plan_lines import (cut_at_next_label, is_cover_noise, is_label_line, is_name_label,
                                               name_after_label, name_in_document_type, name_in_noise, squash)
from samspil.loaders.extract.plan_flat_cover import cover_pieces, is_web_chrome, without_running_head
from samspil.loaders.extract.text import clean, strip_markup
from samspil.loaders.gazetteer import find_known_organisations, municipality

__all__ = ["cover_title", "named_in_prose", "quoted_name", "title_name"]

# (the name after it starts with a capital, a digit or a quote, or "for X": not a sentence going on,
# "Den boligsociale helhedsplan ledes af ...")
_PLAN_IN_VALUE = re.compile(r"\b(?:den\s+)?boligsociale\s+helhedsplan(?:en)?\s+((?-i:[A-ZÆØÅ0-9\"“”«»„'‘]|(?:for|i|på)\s+[A-ZÆØÅ0-9]).+)$", re.IGNORECASE)
_TITLE_FOR = re.compile(r"^(?:den\s+)?(?:boligsociale?\s+)?helhedsplan(?:en)?\s+for\s+[A-ZÆØÅ]",
                        re.IGNORECASE)


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


def cover_title(doc: Document) -> tuple[str, int] | None:
    """The title among a document's first lines without template labels: the first line
    that reads as a title (short, not a sentence), passing over a letterhead (only parties'
    names), a bare document type ("STRATEGISK SAMARBEJDSAFTALE") and a delaftale's
    heading (it names the focus area); a period and what follows it are cut off."""
    if not _speaks_of_a_plan(doc):
        return None
    for i, text in _first_lines(doc):
        if strip_markup(doc.lines[i]).rstrip().endswith(":"):
            return None  # the template's labels begin: no title above them
        text = without_running_head(text)  # "Helhedsplan Høng 2012-2015 | Side 1 BOLIGSOCIAL HELHEDSPLAN ..."
        if is_cover_noise(text):  # "Version 2.1 – godkendt ...", "Side 1 af 8" (and what ran onto it)
            if (named := name_in_noise(text)) is not None:
                return named, i
            continue
        if is_label_line(text):  # "Navn: X Periode: ...", else a label: no title above it
            return (name_after_label(text), i) if is_name_label(text) else None
        text = cut_at_next_label(text)  # "X Periode: 2022-2025 ..." (a line that lost its breaks)
        if len(text) > 30 and len(pieces := cover_pieces(text)) >= 2 and _BARE_DOCUMENT_TYPE.match(pieces[0]):
            text = pieces[1]  # "Årlig statusrapport 2025 – boligsocial indsats SINDAL SOLSIDE": the type, then the name
        if " · " in text and len(parts := text.split(" · ")) >= 2 and all(_META_PART.search(p) for p in parts[1:]):
            text = parts[0]  # a running header: "Birkerød Broer · Styregruppen · Referat 3/2024"
        if _letterhead(text) or _OPENS_DELAFTALE.match(squash(text)) or _BARE_DOCUMENT_TYPE.match(text):
            if (named := name_in_document_type(text)) is not None:  # "Samarbejdsaftale for X"
                return named, i
            continue
        text = _GENERIC_TITLE_WORDS.sub("", _DATE_RANGE_START.sub("", _NEW_PLAN_TAIL.sub("", text))).strip(" .,–-")
        if (about := _ABOUT_AREA.search(text)) is not None:
            text = about.group(1)  # "Strategisk samarbejdsaftale mellem A og B om den boligsociale indsats i X"
        text = _INDSATS_TAIL.sub("", text).strip(" »«“”\"'")  # "Fælles Fremtid – boligsocial indsats i X"
        text = _TYPE_TAIL.sub("", _TYPE_PREFIX.sub("", text)) or text  # "Strategisk samarbejdsaftale Vores Varde
        # Vest Boligsocial indsats": a cover's lines run together, the title between its type phrases
        text = _LOWER_TAIL.sub("", text) or text  # "Lysholm Løft – tids- og aktivitetsplan": what it is
        text = name_in_document_type(text) or text
        if text[:3] == "Om " and text[3:4].isupper():
            text = text[3:]  # a web page's "Om Fælles Pejling" (about the plan)
        if (quoted := _QUOTED_FIRST.match(text)) is not None:
            text = quoted.group(1)  # '"Brobyg Tørring" – Engbrinken og Lundsgårdparken': the quoted name, the areas after it
        words = _dedupe_words(text.split())
        text = " ".join(words)
        if 1 <= len(words) <= 14 and not text.endswith(".") and text[0].isupper() \
                and sum(w[:1].islower() for w in words) <= len(words) * 0.6:
            return text, i
        return None
    return None


_QUOTED_FIRST = re.compile(r'^[\"«»“„]?([A-ZÆØÅ][^\"«»”“]{1,60}?)[\"«»”“]\s*[–—-]\s')


def _first_lines(doc: Document) -> list[tuple[int, str]]:
    """The first six non-empty lines (of the first twelve), cleaned, with their indexes; a
    web page's chrome above its title (a skip link, a menu, a cookie banner, a breadcrumb)
    is passed over and not counted."""
    lines = [(i, text) for i, text in ((i, clean(line)) for i, line in enumerate(doc.lines[:24])) if text]
    chrome = [i for i, text in lines if is_web_chrome(text)]
    if not chrome:
        return [(i, text) for i, text in lines if i < 12][:6]
    return [(i, text) for i, text in lines if i not in chrome and i < 12 + len(chrome)][:6]


def _speaks_of_a_plan(doc: Document) -> bool:
    """Whether the document uses an agreement's words at all (a text that never speaks of
    a plan has no plan title); asked once per document."""
    return doc.memo("plan:agreement_words", lambda: _AGREEMENT_WORDS.search(doc.text[:20000]) is not None)


def quoted_name(doc: Document) -> tuple[str, int] | None:
    """A name in quotes on a line of its own among the cover's first lines, under the
    title ('HELHEDSPLAN FOR TRÆHØJ' / '"Træhøj i fællesskab"'): the plan's own name."""
    if not _speaks_of_a_plan(doc):
        return None
    for i, text in _first_lines(doc):
        if (quoted := _QUOTED_LINE.match(text) or _QUOTED_AFTER_PLAN.search(text) or _QUOTED_FOR_AREA.match(text)
                or _QUOTED_AFTER_KIND.match(text)) \
                and 1 <= len(quoted.group(1).split()) <= 8:
            return quoted.group(1).strip(), i
    for i, line in enumerate(doc.lines[:24]):  # a letter's subject under its letterhead and address block
        if '"' in line or "»" in line or "“" in line or "„" in line:  # ('PRÆKVALIFIKATION AF BOLIGSOCIAL INDSATS –
            text = clean(line)  # "VIPPERØD I FREMDRIFT"'): the plan's type phrase before the quoted name
            if (quoted := _QUOTED_AFTER_PLAN.search(text)) and 1 <= len(quoted.group(1).split()) <= 8 \
                    and quoted.end() <= 140 and (text[:quoted.start()].isupper() or text[:quoted.start()].count(" ") < 3
                                                 or _SUBJECT_LINE.match(text)):
                # (a title's line, not a sentence's: "Aftalen er en videreførelse af helhedsplanen "X""; its next
                # paragraph may be joined onto it, as a PDF's lines may be)
                return quoted.group(1).strip(), i
    return None


_SUBJECT_LINE = re.compile(r"^(?:vedr\.?|vedrørende|emne\s*:|angående)\s", re.I)  # a letter's subject: "vedr. ansøgning om ..."


# '"Tranekær Trives" for afdelingerne Voldgraven og Lejrskovhusene': the name, then where (its subtitle run on)
_QUOTED_FOR_AREA = re.compile(r'^[«»“”"„]([^«»“”"„]{3,80})[«»“”"„]\s+(?:for|i|på)\s+(?:afdeling\w*|boligområde\w*|området'
                              r'|bebyggelse\w*|[A-ZÆØÅ])')
# 'Beboerundersøgelse 2026 – "Onsbjerg Ombord"': a cover's subtitle, the document's kind (and year) before the name
_QUOTED_AFTER_KIND = re.compile(r'^[A-ZÆØÅ][a-zæøå]+(?:\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?)?\s+[–—:-]\s+'
                                r'[«»“”"„]([^«»“”"„]{3,80})[«»“”"„]$')
_QUOTED_LINE = re.compile(r'^[«»“”"„]([^«»“”"„]{3,80})[«»“”"„]$')
# 'Boligsocial helhedsplan "X"', 'Den boligsociale indsats: »X«' (a report's cover names its plan)
_QUOTED_AFTER_PLAN = re.compile(r'(?:^|(?<=\s))(?:den\s+)?(?:boligsociale?\s+)?(?:helhedsplan(?:en)?|indsats(?:en)?'
                                r'|(?:strategisk(?:e)?\s+)?samarbejdsaftale(?:n)?|(?:den\s+)?strategiske\s+aftale\s+om)'
                                r'(?:\s+(?:i|for|på)\s+[A-ZÆØÅ][\wæøå-]*(?:\s+[A-ZÆØÅ][\wæøå-]*){0,2}\s+[–-])?\s*[:–-]?\s*'  # ("... indsats i
                                # Høng – "Høng Håb"")
                                r'[«»“”"„]([A-ZÆØÅ0-9][^«»“”"„]{2,80})[«»“”"„](?=[.,]?(?:\s|$))', re.I)
_BARE_DOCUMENT_TYPE = re.compile(r"^(?:strategisk\s+)?(?:samarbejds)?aftale\b.{0,40}$|^(?:boligsocial\s+)?"
                                 r"helhedsplan(?:\s+(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2,4})?\s*$"  # (its period)
                                 # an amendment's cover: "TILLÆG NR. 2" / "til strategisk samarbejdsaftale om ..."
                                 r"|^(?:årlig\s+)?(?:status|statusrapport|årsrapport|årsstatus|årsberetning|afrapportering|midtvejsstatus)"  # a report's
                                 r"(?:\s+(?:for\s+)?(?:19|20)\d{2})?(?:\s+[–—-]\s+(?:den\s+)?boligsociale?\s+(?:indsats|helhedsplan)"
                                 r"|\s+[–—-]\s+(?:første|andet|tredje|fjerde|femte|\d\.)\s+(?:driftsår|år|indsatsår))?$"  # ("– tredje driftsår")
                                 # type and year: "Årlig statusrapport 2024 – boligsocial indsats"
                                 r"|^(?:kommunikations|handle|handlings|aktivitets|evaluerings|beredskabs|tids|arbejds|års)"
                                 r"plan(?:\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?)?$"  # an annex's type: "KOMMUNIKATIONSPLAN 2026"
                                 # one word naming a kind of document: "SAMTYKKEERKLÆRING", "INTRODUKTIONSPROGRAM"
                                 r"|^[\wæøå-]*(?:erklæring|program|ansøgning|referat|dagsorden|notat|kvittering|regnskab"
                                 r"|beretning|invitation|nyhedsbrev|stillingsopslag|indstilling|høringssvar|skrivelse)"
                                 r"(?:\s+(?:19|20)\d{2})?$"
                                 r"|^(?:tillæg|allonge|addendum)\b.{0,20}$|^til\s+(?:den\s+)?(?:strategiske?\s+)?"
                                 r"(?:samarbejds)?aftale\b.*$", re.I)
# a document type's phrase before a title's name, and one after it ("Boligsocial helhedsplan Ringe Midt", "Vores
# Varde Vest Boligsocial indsats")
_TYPE_PREFIX = re.compile(r"^(?i:(?:strategisk\s+)?samarbejdsaftale|(?:den\s+)?boligsociale?\s+(?:helhedsplan|indsats)"
                          r"|helhedsplan)(?i:\s+om\s+(?:den\s+)?boligsociale?\s+(?:indsats|helhedsplan))?\s+(?=[A-ZÆØÅ][a-zæøå])")
_TYPE_TAIL = re.compile(r"(?<=[\wæøå])\s+(?:Boligsocial|BOLIGSOCIAL)e?\s+(?i:indsats|helhedsplan)\b.*$")
_LOWER_TAIL = re.compile(r"(?<=\w)\s+[–—-]\s+(?=[a-zæøå])[^–—]{3,60}$")
_INDSATS_TAIL = re.compile(r"\s+[–—·-]\s+(?:den\s+)?boligsociale?\s+(?:indsats|helhedsplan)\b.*$", re.I)
# "Vinderød Forbundet – ny boligsocial helhedsplan" (a web page's title): the tail, before the generic words go
_NEW_PLAN_TAIL = re.compile(r"\s+[–-]\s+(?:en\s+|vores\s+)?nye?\s+boligsociale?\s+(?:indsats|helhedsplan)\b.*$", re.I)
_LETTERHEAD_GAP = re.compile(r"\s{3,}|\t|\s+[·|•/]\s+")


# what a running header writes after the plan's name: the document's kind, number, date or version
_META_PART = re.compile(r"\d|referat|dagsorden|styregrupp|bestyrels|aftale|bilag|version|side|gælder|status|notat"
                        r"|helhedsplan|evaluering|kladde|udkast|aktiviteter|kalender|program|nyhedsbrev", re.I)
_PLAN_PART = re.compile(r"\d|helhedsplan|aftale|indsats|\bplan", re.I)  # (a title's part: "Helhedsplanen X 2023-2026")


_Q_OPEN, _Q_CLOSE = "[«»\"“„]", "[«»\"”“]"


def _q_name(group: str) -> str:
    return rf"{_Q_OPEN}(?P<{group}>[A-ZÆØÅ0-9][^«»\"“”„\n]{{1,50}}?){_Q_CLOSE}"


# the plan named in a sentence: 'Helhedsplanen får navnet "Kompasset"', 'den boligsociale helhedsplan »Mosaikken«',
# '"Auning Bevæger" – den første boligsociale helhedsplan i Auning'
_NAMED_IN_PROSE = re.compile(rf"\b(?:får|fik|har fået|bærer|hedder)\s+navnet\s+{_q_name('a')}"
                             rf"|\b(?:den\s+|en\s+)?(?:nye\s+)?boligsociale?\s+(?:helhedsplan|indsats)(?:en)?\s+{_q_name('b')}"
                             rf"|{_q_name('c')}\s*[–—-]\s*(?:(?:den|en)\s+(?:\w+\s+)?)?boligsociale?\s+helhedsplan"
                             rf"|\bhelhedsplanen\s+{_q_name('d')}"
                             rf"|\b(?:helhedsplanen|indsatsen|den\s+boligsociale\s+indsats)\s+(?:hedder|kaldes)\s+{_q_name('e')}"
                             r"|\b(?:[Hh]elhedsplanen|[Ii]ndsatsen|[Dd]en\s+boligsociale\s+indsats)\s+(?:hedder|kaldes)\s+"
                             r"(?P<f>(?-i:[A-ZÆØÅ][\wæøå-]+(?:\s+(?:(?:om|i|på|for|til|med)\s+)?[A-ZÆØÅ][\wæøå-]+){0,4}))"
                             r"(?=\s+og\b|\s*[.,;])"  # ("Sammen om Kolstrup": a connector between its words)
                             rf"|\barbejdstit(?:el|len)\s*:?\s*{_q_name('g')}"  # (a plan being prepared: 'arbejdstitel "X"')
                             r"|\bden\s+boligsociale\s+indsats\s+(?P<h>(?-i:[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+){1,4}))"
                             r"(?=\s+og\s|\s*[.,;(])"  # ('mellem den boligsociale indsats Jyllinge Nordmark Sammen og ...')
                             rf"|{_q_name('j')}\s+er\s+(?:den|en)\s+(?:nye\s+)?boligsociale?\s+(?:helhedsplan|indsats)\b"
                             rf"|{_q_name('k')},?\s+som\s+[^.\"“”]{{3,80}}?\s+har\s+indgået\s+(?:en\s+)?(?:strategisk\s+)?"
                             r"samarbejdsaftale"  # ('i "Pælebjerg Sammen", som Nordbybo og Fanø Kommune har indgået ...')
                             # ('"Nordregård Nu" er den boligsociale indsats i ...': quoted, the sentence's subject)
                             rf"|\b(?:den\s+)?strategiske?\s+samarbejdsaftale(?:n)?\s+{_q_name('i')}",  # ('at den strategiske
                             # samarbejdsaftale "Jersie i Fællesskab" for perioden ... godkendes')
                             re.I)  # ('Indsatsen hedder Egede Nabofællesskab og er et samarbejde ...': unquoted, capitalised)  # ('Indsatsen hedder "Banebyen" og skal løbe ...')  # ('... om deltagelse i helhedsplanen "Nabokraft"')
_PREDECESSOR = re.compile(r"(?i:videreføre\w*|afløse\w*|videre på|erfaringer\w* fra|efterfølge\w*|forrige|tidligere"
                          r"|forløber\w*|udløbne?)(?:\W+[\wæøå]+){0,3}\W+$")  # ("viderefører indsatsen fra helhedsplanen")
_PROSE_CHARS = 6000  # where a document names its plan in a sentence: its first pages


def named_in_prose(doc: Document) -> tuple[str, int] | None:
    """The plan's name as a sentence among the first pages gives it, in quotes, with the line it
    starts on (a council item, a press release, a consultation response: no label, no cover)."""
    head = doc.text[:_PROSE_CHARS].replace("\n", " ")  # (one offset a character: lines are found by counting)
    if "navnet" not in head and "hedder" not in head and "arbejdstit" not in head and "boligsociale indsats" not in head \
            and "samarbejdsaftale" not in head and "helhedsplan" not in head.lower():
        return None
    for m in _NAMED_IN_PROSE.finditer(head):
        group = next(g for g in ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k") if m.group(g))
        name = " ".join(m.group(group).split())
        if group == "d" and _PREDECESSOR.search(head, max(0, m.start() - 60), m.start()):
            continue  # ('en videreførelse af helhedsplanen "X"', 'afløser helhedsplanen "X"': the plan before)
        if 1 <= len(name.split()) <= 6 and not name.endswith("."):
            return name, doc.text.count("\n", 0, m.start(group))
    return None


def subject_of_plan(doc: Document) -> tuple[str, int] | None:
    """The plan named as a sentence's subject among the first pages ("Fælles Pejling er den boligsociale
    helhedsplan i Dragør Syd"), when nothing else names it."""
    head = doc.text[:_PROSE_CHARS].replace("\n\n", ". ").replace("\n", " ")  # (a paragraph's end as a sentence's:
    # the subject's words never run back into the paragraph before; one offset a character still)
    return _subject_of_plan(head, doc.text) if "boligsocial" in head or "strategiske samarbejdsaftale" in head else None


# "Fælles Pejling er den boligsociale helhedsplan i Dragør Syd": the plan named as a sentence's subject
_IS_THE_PLAN = re.compile(r"\s+er\s+(?:(?:den|en)\s+boligsociale?\s+(?:helhedsplan|indsats)|den\s+strategiske\s+samarbejdsaftale)\b")
_TAG_RUN = re.compile(r"<[^>]{0,200}>")


def _subject_of_plan(head: str, text: str) -> tuple[str, int] | None:
    """The capitalised words (five at most) just before "er den boligsociale helhedsplan", a page's "Om"
    before them and a title repeated before its sentence ("Om Fælles Pejling Fælles Pejling er ...") left out."""
    for m in _IS_THE_PLAN.finditer(head):
        if (quoted := _QUOTED_BEFORE.search(head, max(0, m.start() - 80), m.start())) is not None:
            return " ".join(quoted.group(1).split()), text.count("\n", 0, m.start())  # '"Skibby på Vej" er en ...'
        words = _TAG_RUN.sub(" ", head[max(0, m.start() - 200):m.start()]).split()
        run: list[str] = []
        while words and len(run) < 10 and (words[-1][:1].isupper() and words[-1].strip(".,:;!?") == words[-1]
                                           or run and words[-1] in _NAME_CONNECTORS and len(words) > 1
                                           and words[-2][:1].isupper() and words[-2][-1:].isalpha()):
            run.insert(0, words.pop())  # ("Skibby på Vej": a connector between two of the name's words)
        while run and run[0] in ("Om", "OM"):
            run = run[1:]
        while len(run) > 1 and (run[0].isupper() and len(run[0]) >= 5 or run[0] in _section_words()):
            run = run[1:]  # "3. BAGGRUND" or "Indledning" over the sentence: a heading, no part of the name
        half = len(run) // 2
        if half and run[:half] == run[half:]:
            run = run[half:]  # (a page's title over its first sentence)
        if 1 <= len(run) <= 5 and run[0] not in _NOT_SUBJECT:
            return " ".join(run), text.count("\n", 0, m.start())
    return None


def _section_words() -> frozenset[str]:
    from samspil.loaders.extract.org_lists import section_words

    return section_words()


_NAME_CONNECTORS = frozenset(("på", "i", "for", "og", "til", "med", "ved"))
_QUOTED_BEFORE = re.compile(r"[\"“»„']([A-ZÆØÅ][^\"“”»«„']{1,60})[\"”«']$")
_NOT_SUBJECT = frozenset("Det Den Dette Denne Her Der Indsatsen Planen Helhedsplanen Projektet Aftalen".split())


def _letterhead(text: str) -> bool:
    """A line of nothing but parties' names: a municipality, a housing organisation or
    a municipal unit ("Socialforvaltningen") under them."""
    from samspil.loaders.extract.org_lists import org_type_of

    parts = [p.strip() for p in _LETTERHEAD_GAP.split(text) if p.strip()]
    if len(parts) >= 2 and any(municipality(p) is not None for p in parts) \
            and all(len(p.split()) <= 5 and p[:1].isupper() and not _PLAN_PART.search(p) for p in parts):
        return True  # "Hillerød Kommune · Boligforeningen Slotsbo · Esrum Bolig" (a name without a cue word)
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


def title_name(doc: Document) -> tuple[str, int] | None:
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
        if _TITLE_FOR.match(text) and len(text.split()) <= 10 and not is_cover_noise(text):
            above = next(((j, t) for j in range(i - 1, max(-1, i - 3), -1) if (t := clean(doc.lines[j]))), None)
            if above is not None and _BARE_DOCUMENT_TYPE.match(above[1]) and (over := next(  # "ØLBY ÅBEN" over
                    ((j, t) for j in range(above[0] - 1, max(-1, above[0] - 3), -1) if (t := clean(doc.lines[j]))), None)) \
                    and _DISPLAY_TITLE.match(over[1]) and not _letterhead(over[1]) and not _ORG_WORD.search(over[1]):
                return over[1], over[0]  # "Årsstatus 2024 – tredje driftsår" over "Boligsocial helhedsplan for Ølby"
            if above is not None and (_DISPLAY_TITLE.match(above[1]) or _named_under_type(doc, above)) \
                    and not is_cover_noise(above[1]) and not _letterhead(above[1]) and not _ORG_WORD.search(above[1]):
                return above[1], above[0]  # "HAVNEBYEN I FÆLLESSKAB" over "Boligsocial helhedsplan for A, B og C":
                # the display title names the plan, the line under it says what it is and where
            return text, i
    return None


def _named_under_type(doc: Document, above: tuple[int, str]) -> bool:
    """Is ``above`` a short title in mixed case under the document's type and period alone on the
    line over it ("BOLIGSOCIAL HELHEDSPLAN 2017-2021" / "Rødding Nord Rykker" / "Helhedsplan for ...")?"""
    j, text = above
    words = text.split()
    if not 1 <= len(words) <= 5 or not all(w[:1].isupper() or w in ("i", "på", "og", "for") for w in words) \
            or text.endswith("."):
        return False
    over = next((clean(doc.lines[k]) for k in range(j - 1, -1, -1) if doc.lines[k].strip()), "")
    return bool(over) and _BARE_DOCUMENT_TYPE.match(over) is not None


# a cover's display title in capitals, two to six words, no number and no sentence
_DISPLAY_TITLE = re.compile(r"^[A-ZÆØÅ][A-ZÆØÅ-]+(?:\s+[A-ZÆØÅ&-]+){1,5}$")
_ORG_WORD = re.compile(r"BOLIG|KOMMUNE|SELSKAB|FORENING|FONDEN|AFDELING")  # (a letterhead's organisation, no title)


# a document whose title is one delaftale: "DELAFTALE", "Delaftale – X", "Delaftale om X",
# "Delaftale 3: X" (squashed; not "Delaftaler", the strategic agreement's list of them)
_OPENS_DELAFTALE = re.compile(r"^\W*delaftale(?!r)(?:$|[^a-zæøå]|om|for|vedr)")
