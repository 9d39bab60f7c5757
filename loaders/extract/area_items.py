"""Activities listed under a focus area's heading (indsatsområde), in any list form.

Under "Indsatsområde 2: X", "INDSATSOMRÅDE A: X", "Tema 3: X", "5.1 Indsatsområde: X", a
lettered section of a list of indsatsområder or a numbered section of an older plan's
"Indsatsområder" chapter (every heading ``sections.focus_area_at`` and
``outline.focus_headings`` know), each item of a list is an activity of that area:

* bullets of any kind (``•``, ``-``, ``*``, ``o``, ``▪``, ``–``) and counted items (``1)``,
  ``2.``, ``a)``), their first line the name, optionally ``– description`` or
  ``: description`` after it, the lines below their description;
* lettered or numbered ids: ``A1. X``, ``A.2 X``, ``B2 – X``, ``1.2 X`` (the description in
  the following paragraph).

A list introduced by another lead-in ("Mål:", "Det sker ved, at:") holds goals or
steps, not activities: it is skipped up to the next heading or activity list label
("Aktiviteter:", "Projekter:"). In a line that lost its line breaks the items are cut at
their bullets ("... Børn og unge - Lektiecafé: hjælp ... - Ferieaktiviteter Udflugter
...") and a name without a separator ends before the capital that starts its description.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.activity_lists import NOT_ACTIVITY, Block
from samspil.loaders.extract.area_paragraphs import area_paragraphs, named_items, paragraph_of
from samspil.loaders.extract.caps_headings import caps_headings, is_title_line, list_headings
from samspil.loaders.extract.quoted_projects import quoted_projects
from samspil.loaders.extract.sections import SUBSECTION_HEAD, plain_lines
from samspil.loaders.extract.text import clean, clean_keep_colon, strip_markup

__all__ = ["activity_lead_ins", "area_item_blocks", "description_start", "is_goal_or_sentence", "item_name"]

# an item at the start of a line: a bullet, a counted item, or a lettered / numbered id
_ITEM = re.compile(r"^\W{0,2}?(?:(?P<mark>[-•*▪◦–·o])|(?P<num>\d{1,2})[.)]|(?P<let>[a-h])[.)]"
                   r"|(?P<id>[A-H]\.?\d{1,2}(?:\.\d{1,2})?|\d{1,2}\.\d{1,2})\.?(?:\s+[–:-])?)"
                   r"\s+(?P<item>[A-ZÆØÅ\"«»“].*)$")
# the same inside a line that lost its breaks (a bullet mark or counted item after a space)
# (or a project's counter: "... i beboerhuset. Projekt B. Pigeklubben ...")
_RUN_ON = re.compile(r"\s(?:[-•*▪◦–o]|\d{1,2}[.)]|[a-h]\)|[A-H]\.?\d{1,2}\.?|(?:(?:Del)?[Pp]rojekt|Aktivitet)\s+[A-H]\d{0,2}[.:]?(?:\s[–—-])?)"
                     r"\s+(?=[A-ZÆØÅ\"«»“])")
_NAME_END = re.compile(r"\s+[–—-]\s+|:\s+|\s+\(")  # "Name – description", "Name: ...", "Name (x)"
# a counter before the name: "Aktivitet 1 — X", "Projekt 3. X", "Indsats B2 – X", "Tiltag nr. 4: X"
# (or a letter alone: "Projekt A – Lektiecafé", "Delprojekt C: Familiekurser")
_COUNTER = re.compile(r"^(?:(?:del)?projekt|aktivitet|indsats|tiltag|initiativ)\s+(?:nr\.\s*)?(?:[A-H]?\.?\d{1,2}"
                      r"(?:\.\d{1,2})*|(?-i:[A-H]))\s*[.:)–—-]?\s+(?=[A-ZÆØÅ\"«“„'])", re.I)
# a name in quotes ('"Ung i Job" – ...', '«Madklub»: ...'), or before a comma and a word in
# lower case ("Familieholdet, som samler ...", "Praktikbroen, praktikpladser hos ...")
_QUOTED = re.compile(r"^[\"«»“„']([A-ZÆØÅ0-9][^\"«»“”„']{1,60}?)[\"»«”'][\s,:.–—-]*")
_COMMA_NAME = re.compile(r"^([A-ZÆØÅ][\wæøå&/-]*(?:\s+[\wæøå&/-]+){0,4}),\s+(?=[a-zæøå])")
# a numbered heading: "5. Økonomi", "Kapitel 7 Samarbejdspartnere", "Afsnit 3: Organisering", "Pkt. 6 Habilitet"
_CHAPTER = re.compile(r"^\W{0,3}(?:(?:Kapitel|KAPITEL|Kap\.|Afsnit|AFSNIT|Pkt\.|PKT\.|Punkt|§)\s*)?\d{1,2}(?:\.\d{1,2})*\.?:?\s+[A-ZÆØÅ]")
# headings, alone on their line, of what follows the plan's areas (a board paper's attachments)
_CLOSING_HEADS = frozenset(("Bilag", "Bilagsliste", "Bilagsoversigt", "Indstilling", "Beslutning", "Underskrifter",
                            "Økonomi", "BILAG", "ØKONOMI",
                            # (a council paper's sections after its case: "Lovgrundlag", "Økonomiske konsekvenser")
                            "Lovgrundlag", "Retsgrundlag", "Økonomiske konsekvenser", "Bevillingsmæssige konsekvenser",
                            "Høring", "Videre proces",
                            # (a web page's parts after its text: links to documents and pages)
                            "Relaterede dokumenter", "Dokumenter", "Se også", "Læs også", "Læs mere", "Links",
                            "Relaterede links", "Mere information", "Find os", "Kontakt os"))
# a numbered chapter after the areas run on with its text ("4. Vilkår a) Støtten udbetales ..."): its first word
_CLOSING_CHAPTER = re.compile(r"\d{1,2}\.?\s+([A-ZÆØÅ][a-zæøå]+)\b")
_CLOSING_WORDS = frozenset(("Vilkår", "Kontakt", "Kontaktpersoner", "Organisering", "Økonomi", "Budget", "Evaluering",
                            "Underskrifter", "Bilag", "Tidsplan", "Forankring", "Indstilling", "Beslutning", "Klagevejledning"))
_LETTER_COUNTER = re.compile(r"(?:(?:del)?projekt|aktivitet|indsats|tiltag|initiativ)\s+(?-i:[A-H])\b", re.I)
_CHAPTER_IN = re.compile(r"\s(?:Kapitel|KAPITEL)\s+\d{1,2}\.?:?\s+[A-ZÆØÅ]")  # inside a line that lost its breaks
_RULE = re.compile(r"^\W*[-=*_~#]{4,}\W*$")  # "-----", "=====", "*****"
_RULE_RUN = re.compile(r"\s*[-=*_~]{4,}\s*")
# lead-ins that open an activity list, and labels whose lists hold no activities
_LIST_LEAD = re.compile(r"\b(?:aktivitet(?:er|erne)?|(?:del)?projekt(?:er|erne)?|indsatser(?:ne)?|tiltag(?:ene)?"
                        r"|initiativer(?:ne)?)\b", re.I)
_GOALS = re.compile(r"^\W*(?:mål|delmål|effektmål|resultatmål|succeskriteri\w*|milepæle|baggrund|problem\w*"
                    r"|udfordring\w*|vision|målgrupper?)\b", re.I)
_VERBS = frozenset("skal vil er har kan bliver får sker øges stige falde halveres".split())
_LIST_HEADING = re.compile(r"^\W{0,3}(?:aktiviteter(?:ne)?|projekter(?:ne)?|indsatser(?:ne)?|tiltag(?:ene)?|initiativer)"
                           r"(?:\s+(?:i|under|for)\s+[\wæøå ]{2,30})?\W{0,2}$", re.I)
_GOALS_LIST = re.compile(r"\b(?:Mål|Delmål|Effektmål|Succeskriterier|Milepæle)\s*:?\s+[-–•▪*]\s")
# a list's caption run on before its first item: "Indsatser A1 ...", "Aktiviteter: - ..."
_CAPTION_RUN = re.compile(r"^(?:Aktiviteter|Projekter|Indsatser|Tiltag|Initiativer)\b[^-–•:]{0,30}?:?\s+(?=\S)")
_FIRST_STOP = re.compile(r"\.\s+(?=[A-ZÆØÅ0-9\"«»“])")  # a sentence's end, not an ordinal's dot ("6. klasse")
_STOPS = frozenset(".:!?")  # (a single counted item or code after a sentence's end)
_LONE_MARKS = frozenset("- – • * ▪ o".split())
_SMALL = frozenset("i og for på til med af om ved fra en et de den det der som at".split())
MAX_NAME_WORDS = 8
_MAX_PIECE = 250  # characters of a run-on list's item (its name and a short description)
SCOPE_LINES = 400  # an area's list ends this far below its heading at the latest


def _headings(doc: Document) -> dict[int, str]:
    """Line -> focus area of every focus-area heading the other readers know."""
    return {i: names[-1] for i, names in _all_headings(doc).items()}


def _all_headings(doc: Document) -> dict[int, list[str]]:
    """Line -> the focus areas headed on it (several in a line that lost its breaks)."""
    from samspil.loaders.extract.outline import focus_headings
    from samspil.loaders.extract.sections import delaftale_starts, lettered_sections

    heads: dict[int, list[str]] = {}
    for i, name in delaftale_starts(doc):
        heads.setdefault(i, []).append(name)
    for i, name, _ in lettered_sections(doc):
        if name not in heads.get(i, ()):
            heads.setdefault(i, []).append(name)
    heads.update({h.line: [name] for h, name in focus_headings(doc) if not h.in_toc})
    heads.update({i: [name] for i, name in activity_lead_ins(doc) if i not in heads})
    for i in _annex_items(doc) & heads.keys():
        del heads[i]  # ("Bilag" over "2. Delaftale Uddannelse og livschancer": an annex's title, no heading)
    return heads or _fallback_heads(doc) or _counted_heads(doc) or _known_area_lines(doc) or area_paragraphs(doc)
    # (an older plan's headings in capitals, when nothing else heads areas; else the areas that
    # open a paragraph of a summary)


_ANNEX_HEAD = re.compile(r"(?:^\W*|\s)(?:Bilag(?:sliste|soversigt|sfortegnelse)?|BILAG)\s*:?\s*$")  # (at a line's end:
# the label run onto the text above it, "... for alle beboere Bilag")
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s+\S")


def _annex_items(doc: Document) -> set[int]:
    """The lines of each numbered list under a line "Bilag" (a list of the annexes)."""
    out: set[int] = set()
    for i, line in enumerate(doc.lines):
        if "ILAG" in line[-16:].upper() and _ANNEX_HEAD.search(strip_markup(line)):
            j = i + 1
            while j < len(doc.lines) and _NUMBERED_ITEM.match(doc.lines[j]):
                out.add(j)
                j += 1
    return out


def _fallback_heads(doc: Document) -> dict[int, list[str]]:
    """Headings in capitals or over lists; where the document lists its focus areas elsewhere
    ("INDSATSOMRÅDERNE" + "1. ..."), only those naming one of them (a fact sheet's "SAMMEN PÅ
    KÆRHØJ", "TIDSLINJE" head no area)."""
    from samspil.loaders.extract.focus_areas import canonical_focus_area, extract_focus_areas

    found = caps_headings(doc) or list_headings(doc)
    found = {i: name for i, name in found.items() if not _FACT_BOX.match(name)}  # ("FAKTA: X" over its fields)
    areas = extract_focus_areas(doc) if found else []
    if areas:
        known = {a.name for a in areas}
        found = {i: name for i, name in found.items() if canonical_focus_area(name, areas) in known}
    return {i: [name] for i, name in found.items()}


_FACT_BOX = re.compile(r"^\W*(?i:fakta(?:boks)?|facts|kort fortalt)\b")  # a fact box's heading: its bullets are fields


# "Aktiviteter under Uddannelse og livschancer:", "Projekter inden for indsatsområdet Beskæftigelse:"
_AREA_LEAD_IN = re.compile(r"^\W{0,3}(?:\d{1,2}\.?\s+)?(?i:aktiviteter|projekter|indsatser|tiltag)(?i:ne)?\s+"
                           r"(?:(?:under|inden for|i|for)\s+(?:indsatsområdet\s+)?|[–—-]\s+)"  # (or a dash: "2. AKTIVITETER
                           r"(?P<area>[A-ZÆØÅa-zæøå][^:.]{2,60}?)\s*:?\s*$")  # – UDDANNELSE OG LIVSCHANCER")


# "Stk. 1. Under indsatsområdet Kriminalitetsforebyggelse gennemføres aktiviteterne" (a legal style)
_UNDER_AREA_CARRIED_OUT = re.compile(r"^(?:Stk\.\s*\d+\.\s*)?Under\s+(?:indsatsområdet\s+)?(?P<area>[A-ZÆØÅ][^:.]{2,60}?)\s+"
                                     r"(?:gennemføres|igangsættes|etableres|videreføres)\s+(?:følgende\s+)?"
                                     r"(?:aktiviteter(?:ne)?|projekter(?:ne)?|indsatser(?:ne)?)\s*:?\s*$")


# an organisation diagram's staff over the activities they run: "Medarbejder, Uddannelse og
# livschancer: Signe Holm", "Koordinator for Beskæftigelse (30 t./uge): ..."
_STAFF_AREA = re.compile(r"^(?:•\s+)?(?:Medarbejder|Koordinator|Konsulent|Tovholder|Projektleder)e?\s*,?\s+(?:for\s+)?"
                         r"(?P<area>[A-ZÆØÅ][^:()]{2,60}?)\s*(?:\([^()]*\))?\s*:")


# an agreement told as questions and answers: "Hvilke aktiviteter hører under Tryghed og trivsel?"
_AREA_QUESTION = re.compile(r"^Hvilke\s+(?:aktiviteter|projekter|indsatser|tiltag)\s+(?:hører|er|ligger|findes)\s+"
                            r"(?:under|inden for|i)\s+(?:indsatsområdet\s+)?(?P<area>[A-ZÆØÅa-zæøå][^?]{2,60}?)\s*\?$")


def activity_lead_ins(doc: Document) -> list[tuple[int, str]]:
    """Lead-ins that name one of the document's focus areas over its activities (a line of
    their own)."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas
    from samspil.loaders.extract.orgs import name_key

    lines = [(i, m) for i, line in enumerate(plain_lines(doc))
             if (line[:1] in "AaPpIiT•-*" or line[:1].isdigit()) and (m := _AREA_LEAD_IN.match(line))
             or line[:1] in "SU" and (m := _UNDER_AREA_CARRIED_OUT.match(line))
             or line[:1] in "•MKTP" and (m := _STAFF_AREA.match(line))
             or line[:6] == "Hvilke" and (m := _AREA_QUESTION.match(line))]
    if not lines:
        return []
    areas = {name_key(fa.name): fa.name for fa in extract_focus_areas(doc)}
    return [(i, areas[key]) for i, m in lines if (key := name_key(m.group("area"))) in areas]


def _counted_heads(doc: Document) -> dict[int, list[str]]:
    """The areas a sentence counts ("Parterne har valgt to indsatsområder:"), as headings over
    their activities' bullets (focus_areas.headed_area_groups)."""
    from samspil.loaders.extract.focus_areas import headed_area_groups

    return {i: [name] for i, name in headed_area_groups(doc).items()}


_SECTION_NO = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+")  # "2. Uddannelse og livschancer": a numbered section


def _known_area_lines(doc: Document) -> dict[int, list[str]]:
    """Lines that hold a known focus area's name and nothing else, each over its own text (not
    a list of the names one a line), when the document has two or more."""
    from samspil.loaders.extract.focus_areas import _fkey, _known_focus_areas

    known = _known_focus_areas()
    names = {i: name for i, line in enumerate(doc.lines) if 3 <= len(line) <= 70
             and (name := known.get(_fkey(_SECTION_NO.sub("", strip_markup(line).strip(" #*:")))))}
    heads = {i: [name] for i, name in names.items() if i + 1 not in names and i - 1 not in names
             and (not _ITEM.match(next((t for t in doc.lines[i + 1:i + 4] if t.strip()), "-"))
                  or SUBSECTION_HEAD.match(doc.lines[i].strip()))}  # (a numbered subsection's heading over its list:
    # "5.1 Kriminalitetsforebyggelse" over "- Tryghedsteamet: ...", a chapter's part, no list of problems)
    if not heads:
        heads = _run_on_area_heads(doc)
    return heads if sum(map(len, heads.values())) >= 2 else {}  # (over a paragraph: a list under it may be the
    # area's problems)


def _run_on_area_heads(doc: Document) -> dict[int, list[str]]:
    """The focus areas headed inside lines that lost their breaks: a known area's name after a
    sentence's end and before its text's first field ("... medborgerskab. Uddannelse og
    livschancer Mål: ... Aktiviteter: ..."), in order along each line."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas

    heads: dict[int, list[str]] = {}
    names = [a.name for a in extract_focus_areas(doc)]
    if len(names) < 2:
        return heads
    pattern = re.compile(r"(?:^|(?<=[.!?]\s))(?i:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                         + r")(?=\s+" + _AREA_FIELD + r")")
    for i, line in enumerate(doc.lines):
        if len(line) > _PARAGRAPH and ":" in line:
            found = [m.group(0) for m in pattern.finditer(line)]
            if found:
                heads[i] = found
    return heads


# the first field of an area's text: its goal, its activities ("Mål: ...", "Aktiviteter: ...")
_AREA_FIELD = r"(?:Mål|Målsætning(?:er)?|Formål|Aktiviteter|Projekter|Indsatser|Succeskriterier)\s*:"


def _by_heading(line: str, names: list[str]) -> list[tuple[str | None, str]]:
    """A line that heads several areas cut at each heading: (area, its text) in order; the
    text before the first is ``(None, text)``."""
    cuts = []
    low, start = line.casefold(), 0
    for name in names:
        k = _head_at(line, low, name.casefold(), start)
        if k < 0:
            return [(names[-1], line)]
        cuts.append((k, name))
        start = k + len(name)
    pieces = [(None, line[:cuts[0][0]])]
    for n, (k, name) in enumerate(cuts):
        pieces.append((name, line[k:cuts[n + 1][0] if n + 1 < len(cuts) else len(line)]))
    return pieces


def _head_at(line: str, low: str, name: str, start: int) -> int:
    """Where ``name`` heads its text in ``line`` from ``start``: its first place after a sentence's
    end and not in a list of names ("tre indsatsområder: A, B samt C. A Mål: ..."), else its first
    place; -1 when it is not there."""
    first = k = low.find(name, start)
    while k >= 0:
        before = line[start:k].rstrip()
        if (not before or before[-1] in ".!?") and not line[k + len(name):k + len(name) + 1] in (",", ""):
            return k
        k = low.find(name, k + 1)
    return first


# the labels of an item's fields ("Læringsværkstedet" over "Partnere: ...", "Rækkevidde: ...")
_FIELD_WORDS = (r"Partnere?|Parter|Samarbejdspart\w+|Rækkevidde|Vurdering|Status|Målgrupper?|Målgruppe\(r\)|Kontakt\w*"
                r"|Beskrivelse|Indhold|Ansvarlig\w*")
_FIELD_AFTER = re.compile(rf"\s(?=(?:{_FIELD_WORDS})\s*:)")  # the fields run onto the item's name


def item_name(text: str) -> str | None:
    """An item's name: the text before its dash, colon or bracket; without one, the
    words before the capital that starts its description ("Ferieaktiviteter Udflugter i
    sommerferien" -> "Ferieaktiviteter"); None for a sentence or a goal.

    >>> item_name("Jobcafé Nørrevang – åben rådgivning"), item_name("Ferieaktiviteter Udflugter i sommerferien.")
    ('Jobcafé Nørrevang', 'Ferieaktiviteter')
    >>> item_name("Flere unge skal gennemføre en ungdomsuddannelse inden de fylder 25 år.") is None
    True
    """
    text = _COUNTER.sub("", _RULE_RUN.split(clean(strip_markup(text)), 1)[0])
    if "." in text and ((amounts := _AMOUNTS_AFTER.search(text)) if text[-1:].isdigit() else None
                        or (amounts := _AMOUNT_PAIR.search(text))):
        text = text[:amounts.start()]  # "Jobstedet Bramming 520.000 534.120 2": a budget's row, its amounts and note
        # (two amounts in a row, the text after them another row's: a budget run onto one line)
    if ":" in text and (field := _FIELD_AFTER.search(text)):  # "Læringsværkstedet Partnere: ..." (its fields
        text = f"{text[:field.start()]} – {text[field.start():]}"  # run on when the line breaks were lost)
    if (quoted := _QUOTED.match(text)) or (quoted := _COMMA_NAME.match(text)):
        text = f"{quoted.group(1)} – {text[quoted.end():]}"  # '"Ung i Job" vejledning', 'Familieholdet, som ...'
    parts = _NAME_END.split(text, 1)
    name = parts[0].strip(" ,;:*")
    words = name.split()
    cut = description_start(words)
    if cut is not None and (len(parts) == 1 or name.endswith(".")):  # its description ran on
        name, words = " ".join(words[:cut]), words[:cut]
    elif len(parts) == 1:
        if _VERBS.intersection(words[:12]):
            return None  # a sentence: a goal or a step
        name = _FIRST_STOP.split(name, 1)[0] if ". " in name else name  # its first sentence (not "3.-6. klasse")
        words = name.split()
    if len(words) > MAX_NAME_WORDS and ", " in name:
        name = name.split(", ")[0]  # "Kursus i ... for nye medlemmer, ved BL 1. kreds"
        words = name.split()
    last = max((k for k, w in enumerate(words) if w[:1].isupper()), default=0)
    if len(parts) == 1 and last > 1 and len(words) - last > 3 and all(w[:1].islower() for w in words[last + 1:]):
        name, words = " ".join(words[:last + 1]), words[:last + 1]  # "Lektiehjælp på Auning Skole to gange om ugen"
    if words and (len(words) > MAX_NAME_WORDS or sum(w[:1].islower() for w in words) > 4) \
            and (group := _FOR_GROUP.search(name)) and len(name[:group.start()].split()) <= 4 \
            and sum(w[:1].islower() and w not in _SMALL for w in name[:group.start()].split()) <= 1:
        name = name[:group.start()]  # "Børnesprog i hjemmet for familier med børn 0-3 år": who it is for, run on
        words = name.split()
    if not words or not name[0].isupper() or len(words) > MAX_NAME_WORDS or NOT_ACTIVITY.match(name) \
            or _GOALS.match(name) or sum(w[:1].islower() for w in words) > 4 or _VERBS.intersection(words) \
            or _CHAPTER_NAME.fullmatch(name):
        return None  # (a verb: a sentence, a goal or a step; a chapter's name: "4. Kontaktpersoner")
    return name.strip(" .")


# who an item is for, after its name: "for familier med børn 0-3 år", "for unge 16-24 år"
_FOR_GROUP = re.compile(r"\s+for\s+(?:børn|unge|familier|forældre|ældre|kvinder|mænd|ledige|beboere|voksne|piger|drenge"
                        r"|skolebørn|seniorer|nye)\b")


_AMOUNT_CELL = re.compile(r"|\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?(?:\s*kr\.?)?|–|-")
# a budget row's amounts after its name (thousands apart by stops: "520.000 534.120"), its note's number last
_AMOUNT_PAIR = re.compile(r"\s+\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?\s+\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?\b")
_AMOUNTS_AFTER = re.compile(r"(?:\s+\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?(?:\s*kr\.?)?){1,4}(?:\s+\d{1,2})?$")


# the names of an agreement's chapters, counted like a list's items ("4. Kontaktpersoner", "5. Aktiviteter")
_CHAPTER_NAME = re.compile(r"(?i:kontaktpersoner|kontaktoplysninger|aktiviteter(?:ne)?|ressourcer(?: og \w+)?"
                           r"|underskrifter|opfølgning|parter(?:ne)?|økonomi og opfølgning|mål og succeskriterier"
                           r"|aftalegrundlag(?:et)?|aftalens grundlag|(?:del)?aftalens parter|indledning|formål)")


_COUNTED_IN = re.compile(r"(?:^|\s)(?:\d{1,2}[.)]|[A-H]\.?\d{1,2}\.?|\d{1,2}\.\d{1,2}\.?"
                         r"|(?:(?:Del)?[Pp]rojekt|Aktivitet|Indsats|Tiltag)\s+(?:[A-H]\d{0,2}|\d{1,2})[.:]?)"
                         r"\s+[\"“«–A-ZÆØÅ]")  # counted items ("3. \"Jobvejen\" – ...", "Projekt A – X"): read by their count


# the chapters of parties, contacts and signatures (a chapter's name counted like a list's item)
_PARTY_CHAPTER = re.compile(r"(?i:kontaktpersoner|kontaktoplysninger|underskrifter|parter(?:ne)?|(?:del)?aftalens parter"
                            r"|parterne i (?:del)?aftalen)")
_PARTY_CHAPTER_OPENS = re.compile(rf"(?:{_PARTY_CHAPTER.pattern})(?:\s*[:.]?\s*$|\s+[-–•]\s|\s*:\s)")  # (its list
# run onto its line: "2. Delaftalens parter - X, Y - Z")


def is_goal_or_sentence(name: str) -> bool:
    """A goal ("Succeskriterium: ...") or a sentence ("Vi vil styrke ...") rather than a name."""
    return bool(_GOALS.match(name) or _VERBS.intersection(name.split()))


def description_start(words: list[str]) -> int | None:
    """Where a name's description starts when it ran onto the name: the capital that begins
    a sentence ("Ferieaktiviteter Udflugter i ...", "Sund Start Madlavning og motion ...").

    >>> description_start("Sund Start Madlavning og motion for familier".split())
    2
    """
    return next((k for k in range(1, len(words) - 1) if words[k][:1].isupper() and words[k + 1][:1].islower()
                 and words[k - 1].casefold() not in _SMALL
                 and (words[k + 1] not in ("og", "&") or words[k + 2:k + 3] and words[k + 2][:1].islower())
                 and not (words[k - 1][:1].isupper() and _institution_head(words[k]))), None)


def _institution_head(word: str) -> bool:
    """A head noun that ends a place's or institution's name after a proper name ("Auning Skole",
    "Vejen Bibliotek"): no description starts there (a compound, "Ungdomsklub med ...", may)."""
    return word.strip(",.;:") in _HEAD_NOUNS


_HEAD_NOUNS = frozenset("Skole Skolen Bibliotek Biblioteket Bibliotekerne Kirke Kirken Hal Hallen Station Stadion "
                        "Gymnasium Centret Center Sogn Havn Bibliotekshus Kulturhus Medborgerhus".split())


def _parts(line: str) -> list[str]:
    """A line as the lines it would have been: a written line is itself; a line that lost
    its breaks is cut before each bullet or counted item (of the first item's kind), after
    each sentence and before each lead-in ("Aktiviteter:", "Målgrupper for indsatsen:")."""
    line = f" {line}"  # (a mark at the start counts: it tells the kind of the list's marks)
    marks = [m for m in _RUN_ON.finditer(line)] if len(line) > 20 else []
    if not marks and ":" not in line:
        return [line.strip()]
    by_kind: dict[str, list[int]] = {}  # each kind of mark: "•", "-", "1)", "a)", "A1"
    for m in marks:
        by_kind.setdefault(_kind(m.group(0)), []).append(m.start() + 1)
    found = [k for kind, at in by_kind.items()
             if len(at) >= 2 or kind not in "-–" and (at[0] == 1 or line[at[0] - 2] in _STOPS)
             if kind not in "-–" or not any(b - a > _MAX_PIECE for a, b in zip(at, at[1:])) for k in at]
    # (a dash in running text is no bullet: a list of dashes has two or more short items)
    cuts = sorted({*found, *(m.end() for m in _SENTENCE.finditer(line)), *(m.start() + 1 for m in _LEAD_IN.finditer(line))})
    return [p for p in (line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)])) if p]


_SENTENCE = re.compile(r"(?<=[a-zæøå%)]{2}[.!?])\s+(?=[A-ZÆØÅ])")
# a lead-in that ends where its list begins: "... Målgrupper for indsatsen: - Ledige ..."
_LEAD_IN = re.compile(r"\s(?=[A-ZÆØÅ][\wæøå]*(?:\s+[a-zæøå][\wæøå]*){0,4}:(?:\s*$|\s+(?:[-–•▪*o]|\d{1,2}[.)]|[a-h]\))\s)"
                      r"|(?:Aktiviteter|AKTIVITETER|Projekter|PROJEKTER|Indsatser|INDSATSER|Tiltag|TILTAG)\b[^-–•:.]{0,30}"
                      r"\s[-–•▪*]\s)")  # (or a caption alone: "... Politi Aktiviteter - Natteravne ...")


# an item without a mark, its name once in bold ("**Beboerbazar** – ...", "<b>X</b>: ..."), and
# the fields of a form that read alike ("Målgruppe: ...", "Tovholder: ...")
_NAME_COLON_WHAT = re.compile(r"[A-ZÆØÅ][^:.;,()]{1,50}:\s[a-zæøå]")
_BARE = re.compile(r"^[A-ZÆØÅ\"«“][^:–—]{0,60}?(?:\s[–—-]\s|:\s)")
_FIELD_WORD = re.compile(r"^\W*(?:formål|målgruppe|indhold|partner|samarbejd|ansvarlig|tovholder|kontakt|budget|periode"
                         r"|tid|økonomi|status|beskrivelse|organisering|evaluering|sted|hvornår|hvor|hvem|hvad|note|bemærk"
                         r"|finansiering|varighed|opstart|start|slut|omfang|ressourcer|forankring|resultat|effekt"
                         r"|kapitel|afsnit|bilag|side|del\b|delaftale|indsatsområde|fokusområde|tema\b|boligsocial|helhedsplan)",
                         re.I)


def _bare_item(text: str) -> str | None:
    """The name of a list item written without a mark: "Beboerbazar – to gange om året"."""
    bare = _BARE.match(text)
    if not bare or _FIELD_WORD.match(text) or not text[bare.end():].strip() \
            or bare.group(0).endswith(": ") and not text[bare.end():][:1].islower():
        return None  # (after a colon, a description in lower case: "Haveholdet: fælles køkkenhave ...")
    from samspil.loaders.segment import starts_with_label

    name = item_name(text)
    head = bare.group(0).rstrip(" :–—-").strip(" \"«»“”")
    return name if name == head and len(name.split()) <= 6 and not starts_with_label(text) else None


def _counted_item(text: str) -> str | None:
    """The name of a project its letter marks, without a bullet: "Projekt F – Jobklub Vest
    Ugentlig jobklub ...", "Delprojekt B: Pigeklubben", "Aktivitet C. Jobcaféen" (numbered ones,
    "Aktivitet 2.1: X", are labelled headings: activities.py)."""
    if not _LETTER_COUNTER.match(text):
        return None
    name = item_name(text)
    return name if name and len(name.split()) <= 6 and _COUNTER.sub("", text).startswith(name) else None


# a field of an item written under it: a short label, its value on the same line
_ITEM_FIELD = re.compile(rf"^(?:{_FIELD_WORDS}|Mål|Resultat\w*|Deltagere|Budget|Økonomi|Tidsplan|Periode|Frivillige"
                         r"|Effekt|Indikator\w*)(?:\s+(?:i\s+)?(?:19|20)\d\d)?\s*:\s+\S", re.I)  # ("Deltagere 2025: 31 børn")  # (any case: "målgruppe: ..." after "Name –")


def _lead_state(text: str) -> bool | None:
    """What the end of ``text`` says of a list after it: True after a lead-in of activities
    ("Aktiviteter:", "... følgende projekter:"), False after one of another kind
    ("Målgrupper for indsatsen samlet:", "Styregruppen består af:") or a goals heading
    ("Mål", "Succeskriterier", "Mål: Flere i job."), None after running text."""
    if _GOALS_LIST.search(text):  # "... Mål - Andelen af beboere ...": a list of goals begins
        return False
    clause = " ".join(re.split(r"[.!?]\s", text.strip())[-1].split()[-8:])
    if _LIST_HEADING.match(text.strip()):  # "Aktiviteter", "Projekter i delaftalen" alone on a line
        return True
    if clause.endswith(":"):
        return bool(_LIST_LEAD.search(clause)) and not _GOALS.match(clause)
    if _GOALS.match(" ".join(clause.split()[-2:])) or _GOALS.match(text):
        return False
    return None


# an activities label inside a paragraph, its items after it on the same line
_INLINE_LABEL = re.compile(r"(?:^|(?<=[.!?]\s))(?:Aktiviteter|Projekter|Indsatser|Tiltag)(?:ne)?\s*:\s+(?=\S)")


def _kind(mark: str) -> str:
    mark = mark.strip()
    return "1)" if mark[0].isdigit() else "a)" if mark[0].islower() and len(mark) > 1 else \
        "A1" if mark[0].isupper() and len(mark) > 1 else mark


def area_item_blocks(doc: Document) -> list[Block]:
    """Activities listed under focus-area headings, in document order."""
    return doc.memo("area_item_blocks", lambda: _blocks(doc))


def _blocks(doc: Document) -> list[Block]:
    all_heads = _all_headings(doc)
    if not all_heads:
        return []
    heads = {i: names[-1] for i, names in all_heads.items()}
    state, mark, plain = _State(), "", plain_lines(doc)
    state.named = "area_paragraphs" in doc.cache and all_heads is doc.cache["area_paragraphs"]
    annexes = _annex_items(doc)
    for i, raw in enumerate(doc.lines):
        if i in annexes:
            state.focus = None  # the annexes' list ends the areas' ("Bilag" over "1. Strategisk samarbejdsaftale X")
            continue
        if raw.strip() in _LONE_MARKS:  # a bullet cut from its item ("Projekter: -" + "Jobshoppen - ...")
            mark = raw.strip()
            continue
        raw, mark = (f"{mark} {raw}" if mark and raw else raw), ""
        if i - 1 in heads and raw[:1] in "–-:" and raw.lstrip("–-: ").casefold().startswith(heads[i - 1].casefold()):
            raw = _after_name(raw, heads[i - 1])  # "Delaftale A" + "– Uddannelse og livschancer Glumsø Læsespor: ...":
            # the heading's area cut onto the next line (its dash read as a bullet), the first item after it
        if i in all_heads and (len(all_heads[i]) > 1 or (at := raw.casefold().find(heads[i].casefold())) > _PREFIX
                               and not _LABEL_BEFORE.search(raw, 0, at)):
            _read_areas(state, i, _by_heading(raw, all_heads[i]))  # "A1 X - ... B) Y", "A) X A1 ... B) Y B1 ..."
            continue
        if i in heads:
            state.open(i, heads[i])
            raw = _after_name(raw, heads[i])  # a list or a lead-in run onto the heading's line
            if _SUBTITLE.fullmatch(raw):
                raw = ""  # "Delaftale for indsatsområdet Beskæftigelse – Bakkebo, Nyborg": the plan's name
            elif len(raw) > 120 and not state.named and not _COUNTED_IN.search(raw) and len(items := named_items(raw)) >= 2:
                state.starts += [(i, name, heads[i], own) for name, own in items]  # "Spor 1: X Lektier i Laden – hver
                state.last = i  # tirsdag ... . Små skridt – sprog og leg ...": its items, each "Name – what", run on
                continue
            if state.named:  # a summary's paragraph: the area's text is its own
                state.read_named(i, raw)
                continue
            if not raw.strip(" :"):  # (the colon of a lead-in: "Aktiviteter under Beskæftigelse:")
                continue
        elif state.named and state.read_continued(i, raw):
            continue
        elif state.focus is None or not raw or _RULE.match(raw):
            continue
        elif raw.count("\t") >= 2:
            cells = raw.split("\t")
            if not _ITEM.match(cells[0].strip()) or not all(_AMOUNT_CELL.fullmatch(c.strip()) for c in cells[1:]):
                continue  # (a table's row: its activities are read by their columns, activity_tables.py)
            raw = cells[0]  # "2.1 Lektiecaféen Hovedgården | 310.000 | 322.480 | 3": a budget's row, the item its first cell
        elif i - state.last > SCOPE_LINES:
            state.focus = None
            continue
        if state.focus and (inline := _INLINE_LABEL.search(raw)) and (items := named_items(raw[inline.end():])):
            # "Mål: ... . Aktiviteter: Job i Thy – åben jobrådgivning ... . Fritidsjob Thy – ..."
            state.starts += [(i, name, state.focus, own) for name, own in items]
            state.last = i
            continue
        state.after_blank = i > 0 and not doc.lines[i - 1].strip()
        above = i - 2 if i > 1 and not doc.lines[i - 1].strip() else i - 1  # (over a blank line: a paragraph's end)
        state.after_sentence = above >= 0 and doc.lines[above].rstrip().endswith((".", "!", "?"))
        chapter = _CHAPTER_IN.search(raw, 1) if "apitel " in raw or "APITEL " in raw else None
        parts = _parts(raw[:chapter.start()] if chapter else raw)
        written = len(parts) == 1 or not (doc.offsets and doc.offsets[i])  # (a segment cut from within a line is none)
        for k, part in enumerate(parts):
            state.read(i, part, k > 0 or not written)  # (the first part of a written line opens it as a line
            # does: "Name: ... om" wrapped onto "ugen. Jobcenteret ..." is one line, its sentences parts)
        if chapter:  # "... Kapitel 5 Budget ...": the areas end there (a line that lost its breaks)
            state.focus = None
        elif len(parts) == 1 and state.listing and state.focus and is_title_line(plain, i) \
                and not _ITEM.match(raw) and not _after_coded(plain, state.starts) and (name := item_name(plain[i])):
            state.starts.append((i, name, state.focus, None))  # a project's title, its description below
            state.weak.add(i)
        elif len(parts) == 1 and state.focus and (status := _STATUS_TITLE.match(plain[i])) \
                and i + 1 < len(plain) and plain[i + 1][:1].isupper() and len(plain[i + 1]) > 40:
            state.starts.append((i, status.group(1), state.focus, None))  # "Jobspottet (i drift)" over its text: a
            # status report's activity, its status in brackets after its name
    return _as_blocks(doc, state.starts, heads, state.weak)


_PREFIX = 40  # characters before a heading's name that are more than its number or label
# an activity's title with its status in brackets, alone on its line ("Kvindecafé med jobfokus (ny i 2024)")
_STATUS_TITLE = re.compile(r"^([A-ZÆØÅ\"“«][^():]{1,50}?)\s+\((?:i drift|ny(?: i \d{4})?|nyt?|sat på pause|på pause|afsluttet"
                           r"|ophørt|udsat|forsinket|i gang|igangsat|planlagt|gennemført|genstartet|videreført)\)$", re.I)


def _after_coded(plain: list[str], starts: list) -> bool:
    """Is the item before coded by an id ("B2. Forældreskolen – ...")? Then a title line after it is
    the next section's heading ("Vilkår for tilsagnet"), not a project's title: coded items all
    have their code."""
    return bool(starts) and (m := _ITEM.match(plain[starts[-1][0]])) is not None and m.group("id") is not None


def _read_areas(state: "_State", i: int, pieces: list[tuple[str | None, str]]) -> None:
    """A line that lost its breaks around headings: the text before the first heading goes
    on with the area before it, each heading's text opens its own."""
    for name, piece in pieces:
        if name is None:
            if len(piece) <= _PREFIX or state.named and state.read_continued(i, piece):
                continue
            parts = _parts(piece)
        else:
            state.open(i, name)
            piece = _after_name(piece, name)
            if state.named:
                state.read_named(i, piece)
                continue
            if (inline := _INLINE_LABEL.search(piece)) and (items := named_items(piece[inline.end():])):
                state.starts += [(i, item, name, own) for item, own in items]  # "X Mål: ... . Aktiviteter: A – ... ."
                state.last = i
                continue
            parts = _parts(_CAPTION_RUN.sub("", piece))
        for part in parts:
            state.read(i, part, True)


# a heading's subtitle after its area's name: a dash and a few words, a place after a comma,
# no second item ("– Bakkebo, Nyborg", "– Helhedsplanen Sønderbro 2024-2027")
_SUBTITLE = re.compile(r"[–—·|-]\s+[A-ZÆØÅ][\wæøå.-]*(?:\s+[\wæøåÆØÅ.-]+){0,4}(?:,\s+[A-ZÆØÅ][\wæøå-]+(?:\s+Kommune)?)?"
                       r"(?:\s+\d{4}\s*[-–]\s*\d{4})?(?:\s+[·|]\s+[A-ZÆØÅ][\wæøåÆØÅ.-]*){0,2}")  # (a header's "· Plan · UDKAST")


# the heading's own label right before its area ("Nyt Kapitel – delaftale for indsatsområdet Beskæftigelse":
# the plan's name before it, no item)
_LABEL_BEFORE = re.compile(r"(?i:delaftale(?:\s+for)?(?:\s+indsatsområde(?:t)?)?|indsatsområde(?:t)?)\s*:?\s*$")


def _after_name(line: str, name: str) -> str:
    k = line.casefold().find(name.casefold())
    if k < 0 and (counted := _DELAFTALE_COUNTED.match(line)) is not None:
        return line[counted.end():].strip()  # "Delaftale 1 - A: x - B: y", its area named by its number elsewhere
    return _RULE_RUN.sub(" ", line[k + len(name):]).strip() if k >= 0 else ""


_DELAFTALE_COUNTED = re.compile(r"\W*(?:[Dd]elaftale|DELAFTALE)\s+(?:nr\.\s*)?\d{1,2}\b\.?(?=\s+[-–•]\s)")


_PARAGRAPH = 160  # a line this long without an item's mark is a paragraph of its own (segment.LONG_LINE)


class _State:
    """Where the reader is: the focus area, whether the current list holds activities,
    the count of a counted list, and the items found so far."""

    def __init__(self) -> None:
        self.focus: str | None = None
        self.listing, self.count, self.last, self.carry, self.bare_ok = False, 0, -1, 0, False
        self.starts: list[tuple[int, str, str, str | None]] = []  # (line, name, focus area, own text)
        self.weak: set[int] = set()  # the lines of items read from a title line alone
        self.bulleted = False  # the last item was a bullet
        self.marked = False  # ... a bullet's mark (not a number)
        self.after_blank = False  # the line read follows a blank line
        self.after_sentence = False  # ... or a line that ends a sentence
        self.bare_run = False  # items without marks read in this area ("Nabo til nabo: ..." paragraphs)
        self.by_number = True  # the counted list counts 1., 2. (not a), b))
        self.field = -1  # the line of the last item's last field ("Målgruppe: ...")
        self.named = False  # the areas open paragraphs of a summary (area_paragraphs.py)
        self.area: str | None = None  # there: the area whose run-on list may go on on the next line

    def read_named(self, i: int, text: str) -> None:
        """An area's paragraph in a summary (area_paragraphs.py; the last one's text runs on
        into what follows when the line breaks were lost): its "Name – description." items (a
        web page's list that lost its markup and breaks), else its projects named in quotes.
        The lines below are none of the area's, but for a run-on list's items that the
        normaliser put on a line of their own ("- Name – ... ." after a sentence's end)."""
        text = paragraph_of(text)
        items = named_items(text) or quoted_projects(text)
        self.starts += [(i, name, self.focus, own) for name, own in items]
        self.area, self.focus, self.last = (self.focus if items else None), None, i

    def read_continued(self, i: int, text: str) -> bool:
        """The items of a summary's run-on list on the line after its area's (see read_named)."""
        if not (self.area and i == self.last + 1 and (items := named_items(text))):
            return False
        self.starts += [(i, name, self.area, own) for name, own in items]
        self.last = i
        return True

    def open(self, i: int, focus: str) -> None:
        self.carry = self.count or self.carry  # a count may run on across areas: 3. under the second
        self.focus, self.listing, self.count, self.last, self.bare_ok = focus, True, 0, i, True

    def read(self, i: int, text: str, run_on: bool) -> None:
        if self.focus is None or _RULE.match(text):
            return
        if run_on and text[:1].isdigit() and (closing := _CLOSING_CHAPTER.match(text)) \
                and closing.group(1) in _CLOSING_WORDS:
            self.focus = None  # "4. Vilkår a) Støtten ...": a chapter after the areas, run on (a page that lost its breaks)
            return
        m = _ITEM.match(text)
        if m is None and not run_on and self.bulleted and self.starts and self.last >= i - 4 \
                and (self.starts[-1][0] >= i - 4 or self.field >= i - 2) and _ITEM_FIELD.match(text):
            self.bare_ok, self.field = False, i  # "Partnere: ...", "Rækkevidde: ..." right under an
            return                # item: its fields; the list goes on with its next marked item
        if m is None:
            state = None
            if _PARTY_CHAPTER.fullmatch(text.strip(" :.")) and not run_on:
                self.listing, self.count = False, 0  # "Delaftalens parter" (its number cut off above it): its list is the
                return  # parties, not the area's activities (a caption, "Aktiviteter", opens the next list)
            if (_CHAPTER.match(text) or text.strip(" :") in _CLOSING_HEADS) and not run_on \
                    or text.rstrip(" :").endswith((" Bilag", " BILAG")):  # "4 Organisation",
                # "5. Økonomi", "Bilag" (also run onto a sentence's end, its list below): the areas end
                self.focus = None
            elif not run_on and len(text) >= _PARAGRAPH and self.bulleted and self.starts and self.after_blank \
                    and self.starts[-1][2] == self.focus:
                self.focus = None  # a paragraph after a bulleted list and a blank line (a page that lost its
                # breaks): the list ended (right under an item, a paragraph is its description)
            elif self.listing and (name := _counted_item(text)):  # "Projekt F – Jobklub Vest ..."
                self.starts.append((i, name, self.focus, text if run_on else None))
                self.last, self.bare_ok = i, True
                return
            elif self.bare_run and _FIELD_WORD.match(text) and not text.rstrip().endswith(":"):
                return  # an item's field inside its paragraph ("Målgruppe: ...", "Samarbejde: ..."): the list goes on
            elif (state := _lead_state(clean_keep_colon(text))) is not None:  # a lead-in: activities or not
                self.listing, self.count = state, 0
            elif quoted := quoted_projects(text) if self.focus is not None else []:
                self.starts += [(i, name, self.focus, sentence) for name, sentence in quoted]
            elif self.listing and (self.bare_ok or self.bare_run and (self.after_sentence or run_on)) \
                    and (not run_on or _NAME_COLON_WHAT.match(text)) and (name := _bare_item(text)):
                # (run on after a sentence: only "Name: what it is", its description in lower case)
                self.starts.append((i, name, self.focus, None))  # "Beboerbazar – ..." (its bold lost)
                self.last, self.bare_run = i, True  # (the next "Name: ..." may follow its wrapped paragraph)
                return
            elif run_on and self.starts and self.starts[-1][0] == i and self.starts[-1][3] is not None:
                j, name, focus, own = self.starts[-1]  # its description, read with it (partners, groups)
                self.starts[-1] = (j, name, focus, f"{own} {text}")
            self.bare_ok = bool(state)  # (a list without marks goes on only after an item or a lead-in)
            return
        self.bare_ok = True
        if (code := m.group("id")) and code[0].isdigit() and self.starts and self.bulleted and self.marked and not run_on:
            self.focus = None  # "4.2 Områder med ..." after an area's bullets: the chapter's next section, no item
            return
        self.marked = bool(m.group("mark"))
        if m.group("num") and _PARTY_CHAPTER_OPENS.match(m.group("item")):
            self.listing, self.count = False, 0  # "2. Delaftalens parter", "4. Kontaktpersoner": the agreement's next
            return  # chapter, whose list is its parties, not the area's activities
        if not self.listing and not (m.group("id") and m.group("id")[0].isalpha()):
            return  # (a project's lettered id, "A1. Lektiehjælp", names one after a goals paragraph too)
        number = m.group("num") or m.group("let")
        if number and self.count and bool(m.group("num")) != self.by_number:
            return  # "a) Målgruppe: ..." under "1. Jobbutikken": the item's fields, not the next item
        if number:
            self.by_number = bool(m.group("num"))
            ordinal = int(number) if number.isdigit() else ord(number) - ord("a") + 1
            if ordinal == self.carry + 1 and self.count == 0 and self.carry:
                self.count = self.carry  # (the previous area's count goes on)
            if ordinal != self.count + 1:
                if ordinal > self.count + 1 and m.group("num") and len(text.split()) <= 5 and not run_on:
                    self.focus = None  # a chapter's number, not the next item
                return
            self.count = ordinal
        self.last = i
        if name := item_name(m.group("item")):
            self.starts.append((i, name, self.focus, text if run_on else None))
            # (its fields below it keep a bulleted or counted list going)
            self.bulleted = text.lstrip()[:1] in "•-*▪–" or bool(number)


def _as_blocks(doc: Document, starts: list[tuple[int, str, str, str | None]], heads: dict[int, str],
               weak: set[int]) -> list[Block]:
    """Each item runs to the next item's line, the next heading, the end of its paragraph or
    twelve lines on; an item that shares its line with others (a run-on list) is its own text."""
    ends = sorted(heads)
    blocks = []
    for n, (i, name, focus, text) in enumerate(starts):
        nxt = next((s[0] for s in starts[n + 1:] if s[0] > i), len(doc.lines))
        end = min(nxt, next((h for h in ends if h > i), nxt), i + 12, len(doc.lines))
        if i not in weak:  # a listed item's text ends with its paragraph (what follows the list is none of it)
            below = len(doc.lines[i]) < len(name) + 12  # (a name alone: its description may follow a blank line)
            end = next((j for j in range(i + 1 + below, end) if not doc.lines[j].strip()), end)
        blocks.append(Block(name, i, end, focus, text=text, weak=i in weak and text is None))
    return blocks
