"""Activities: the template's ``Aktivitetsnavn:`` blocks, or numbered activity
sections of an older free-form helhedsplan ("5.1.1 Forældre & Læring" under
"5. Indsatsområder").

Each activity gets its focus area (the enclosing delaftale or section), its
target groups (categories of its ``Målgruppe(r):`` text) and its partners
(known organisations named in its block, including the ``Ansvars- og
rollefordeling`` and ``Samarbejdsrelationer`` fields).
"""
from __future__ import annotations

import re
from functools import lru_cache

from samspil.loaders.document import Document
from samspil.loaders.extract.area_short_forms import area_short_form, is_short_form
from samspil.loaders.extract import targets
from samspil.loaders.extract.org_lists import is_phrase_name
from samspil.loaders.extract.orgs import name_key
from samspil.loaders.extract.feed_posts import feed_blocks
from samspil.loaders.extract.outline import activity_headings, chapter_headings, run_on_contents
from samspil.loaders.extract.activity_records import record_blocks
from samspil.loaders.extract.prose_activities import (caps_activity_blocks, named_list_blocks, prose_activity_blocks,
                                                      quoted_bullet_blocks, quoted_sentence_blocks, schedule_blocks)
from samspil.loaders.extract.focus_areas import canonical_focus_area
from samspil.loaders.extract.plan import squashed_lines
from samspil.loaders.extract.area_items import activity_lead_ins, area_item_blocks
from samspil.loaders.extract.activity_lists import NOT_ACTIVITY, Block, bullet_blocks
from samspil.loaders.extract.activity_tables import _coded_focus, activity_columns, table_blocks
from samspil.loaders.extract.activity_heads import labelled_blocks
from samspil.loaders.extract.activity_chapters import chapter_blocks
from samspil.loaders.extract.tagged_activities import tagged_blocks
from samspil.loaders.extract.budget_activities import area_cost_blocks, budget_blocks
from samspil.loaders.extract.quoted_projects import area_sentence_blocks, focus_quoted_blocks
from samspil.loaders.extract.sections import PARTY_LABEL, delaftale_starts, focus_area_at, plain_lines
from samspil.loaders.extract.text import (clean, clean_keep_colon, drop_citations, is_placeholder,
                                         strip_links,
                                         strip_markup)
from samspil.loaders.model import Activity, Contact, FocusArea, Organisation, Zone
from samspil.loaders.segment import ACTIVITY_NAME

__all__ = ["extract_activities", "activity_blocks"]

# "Aktivitetsnavn:" and the other ways templates ask for an activity's name (segment.py)
NAME_LABEL = re.compile(ACTIVITY_NAME + r"\s*:", re.I)
FIELD_LABEL = re.compile(
    r"^\W*(formål|indhold|målgruppe|succeskriterier|ansvars|ansvarlig|partnere|medarbejderressourcer|forankring|"
    r"hvem er|hvad |hvordan|hvorfor|for hvem|i samarbejde med|"
    r"samarbejdsrelationer|samarbejdspartnere|lokal evaluering|aktiviteter, som|delmål|organisering|tidsplan|økonomi"
    r"|beskrivelse|aktivitetsbeskrivelse|kontaktperson|projektleder|tovholder|budget|mål\s*:)\w*", re.I)
# "Målgruppe(r):", and the field asked as a question: "Hvem er målgruppen?", "For hvem?"
TARGET_LABEL = re.compile(r"^\W*(?:(?:primær |sekundær )?målgruppe\w*(?:\s*\(r\))?\s*:?|(?:hvem er målgruppen|for hvem"
                          r"|hvem er (?:aktiviteten|indsatsen|tilbuddet) for)\s*[?:])\s*(.*)$", re.I)
# "Aktivitet: X", "PROJEKT: X": the name label of a template that asks for little else
SHORT_NAME_LABEL = re.compile(r"^\W{0,3}(?:aktivitet|(?:del)?projekt|tiltag|initiativ)\s*:\s*(?=\S)", re.I)
TOC = re.compile(r"(\.{3,}|\t\s*\d+\s*$)")
HEADING3 = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{1,2})\.?\s+(\S.{1,80}?)\s*$")
HEADING2 = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.?\s+(\S.{1,80}?)\s*$")


_DIGIT_CODE = re.compile(r"\d[A-ZÆØÅ]")  # "3B", "5B": short, but no ordinary word
SHORT_BODY = 400  # an activity described in a few sentences: one mention of a group counts


def _chunks(raw: str) -> list[str]:
    """Split a raw line at markdown bold markers: 'A:**B****C:**' -> ['A:', 'B', 'C:']."""
    return [c for c in (clean_keep_colon(x).strip(" *") for x in re.split(r"\*\*+", strip_links(raw))) if c]


_FIELD_AFTER_NAME = re.compile(r"(?<=[\wæøå)])\s+[A-ZÆØÅ][a-zæøå]+(?:\s+[a-zæøå]+){0,3}\s*:\s")  # the next field's key


def _name_after_label(doc: Document, i: int) -> tuple[str | None, int]:
    chunks = _chunks(doc.lines[i])
    for k, c in enumerate(chunks):
        m = NAME_LABEL.search(c)
        if m:
            rest = [clean(c[m.end():])] + chunks[k + 1:]
            rest = [r for r in rest if r]
            if rest and not FIELD_LABEL.match(rest[0]):
                return rest[0], i
            break
    for j in range(i + 1, min(i + 6, len(doc.lines))):
        text = clean(strip_markup(doc.lines[j]))
        if text:
            return (None, j) if FIELD_LABEL.match(text) else (text, j)
    return None, i


# what follows a delaftale's last activity, not part of it: the parties, the signatures
# a heading, alone on its line, of what follows the last activity: the money ("Økonomi",
# "Budget"), the revision clause ("Revision af delaftalen ..."), the evaluation
CLOSING_HEAD = re.compile(r"^\W{0,3}(?:\d{1,2}\.?\s+)?(?:økonomi|budget|budgetramme|finansiering|lokal evaluering"
                          r"|evaluering)\s*$"
                          r"|^\W{0,3}(?:\d{1,2}\.?\s+)?(?:økonomi|organisering|personale)\b[^.:;,]{0,30}$"  # ("ØKONOMI 2024
                          r"|^\W{0,3}(?:\d{1,2}\.?\s+)?revision\s+af\s+(?:den\s+\w+\s+)?(?:del|samarbejds)?aftalen\b",
                          re.I)
_ENDS_ACTIVITIES = re.compile(PARTY_LABEL.pattern + r"|^\W*(?:underskrifter|(?:ansøgningen er )?udarbejdet af)\b"
                              # the delaftale's contacts under a heading of their own, after its last activity
                              r"|^\W*(?:kontaktpersoner|kontaktperson|kontakt|kontaktoplysninger)(?:\s+for\s+delaftalen)?"
                              r"(?:\W*$|\s+[a-zæøå][\wæøå-]*(?:\s+[\wæøå-]+){0,3}\s*:)"  # (or its first entry run on)
                              # the plan's money and the agreement's revision clause after the last activity
                              r"|" + CLOSING_HEAD.pattern
                              # the plan's organisation or documents as a heading alone on its line
                              + r"|^\W{0,3}(?:\d{1,2}\.?\s+)?(?:organisering|organisation|bilag|dokumenter)\s*$", re.I)


_SENTENCE_END = re.compile(r"(?<=[a-zæøå]{3})\.\s+(?=[A-ZÆØÅ])")


def _template_blocks(doc: Document) -> list[Block]:
    starts: list[tuple[int, str]] = []
    for i, (line, sq) in enumerate(zip(doc.lines, squashed_lines(doc))):
        if "aktivitetsnavn:" in sq or (("navn" in sq or "titel" in sq or "ı" in sq or "\u0307" in sq or "ſ" in sq)
                                       and NAME_LABEL.search(strip_markup(line))):  # (may_hold written out: a line each)
            if "\t" in line and activity_columns(strip_markup(line).split("\t")):
                continue  # a table's head row ("AKTIVITETENS NAVN:<TAB>MÅLGRUPPE:"): activity_tables.py
            name, _ = _name_after_label(doc, i)
            if name:
                name = re.sub(r"\b\d(?: \d){2,}\b", lambda m: m.group(0).replace(" ", ""), name)  # "2 3 0 0"
                name = re.sub(r"^\d+\.\s*|^\d{1,3}\s+(?=[A-ZÆØÅ])", "", name)  # (a page number)
                if len(name) > 40 and (field := _FIELD_AFTER_NAME.search(name)):
                    name = name[:field.start()]  # "Pigeklubben Ansøgt beløb: 186.000 kr. ..." (a form's breaks lost)
                if len(name) > 60:  # the name's line ran into the description: its first sentence
                    name = _SENTENCE_END.split(name, 1)[0]
                starts.append((i, name.rstrip(". ")))
    if starts:  # the same template's shorter label ("Aktivitet: X") beside "Aktivitetens navn: X"
        starts = sorted(starts + _short_labelled(doc, {i for i, _ in starts}))
    heads = delaftale_starts(doc)
    if starts and (lead_ins := activity_lead_ins(doc)):  # ("Hvilke aktiviteter hører under X?" over them)
        heads = sorted(heads + lead_ins)
    if starts and not heads:  # the plan's areas as headings of their own over the activities
        heads = _area_name_lines(doc, starts[0][0])
    blocks = []
    for n, (i, name) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(doc.lines)
        nxt = next((h for h, _ in heads if i < h < end), None)
        end = nxt if nxt is not None else end
        if n + 1 == len(starts) or nxt is not None:  # the last of a delaftale: ends at the parties
            end = next((j for j in range(i + 1, end) if _ENDS_ACTIVITIES.match(doc.lines[j])), end)
        focus = None
        for h, fa in heads:
            if h <= i:
                focus = fa
        blocks.append(Block(name, i, end, focus))
    return blocks


def _area_name_lines(doc: Document, first: int) -> list[tuple[int, str]]:
    """Lines that hold nothing but the name of one of the plan's focus areas (listed elsewhere:
    "Helhedsplanen arbejder med tre indsatsområder: A · B · C"), one at least before the first
    activity ``first``: each heads the activities below it (two or more such lines)."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas

    areas = doc.memo("focus_area_keys", lambda: {name_key(fa.name): fa.name for fa in extract_focus_areas(doc)})
    if len(areas) < 2:  # (the memo activity_heads keeps too: the areas worked out once a document)
        return []
    found = [(i, areas[key]) for i, line in enumerate(plain_lines(doc)) if 3 <= len(line) <= 70 and ":" not in line
             and (key := name_key(line.strip(" #*•-"))) in areas]
    return found if len(found) >= 2 and found[0][0] < first else []


def _short_labelled(doc: Document, taken: set[int]) -> list[tuple[int, str]]:
    out = []
    for i, text in enumerate(plain_lines(doc)):
        if i not in taken and text[:1] in _SHORT_FIRST and (m := SHORT_NAME_LABEL.match(text)):
            name = _SENTENCE_END.split(clean(text[m.end():]), 1)[0].rstrip(". ")
            if name and len(name.split()) <= 10 and not is_placeholder(name):
                out.append((i, name))
    return out


_SHORT_FIRST = frozenset("aApPtTdDiI*•-")


def _section_blocks(doc: Document) -> list[Block]:
    """Numbered sections under a heading that names a focus area (see outline.py)."""
    blocks = [Block(_HEAD_LABEL.sub("", h.title) or h.title, h.line, end, focus)
              for h, focus, end in activity_headings(doc)]  # ("3.1.1 Aktivitet: Jobloftet": its name after the label)
    return blocks or [Block(name, line, line + 1, focus) for focus, names, line in run_on_contents(doc)
                      for name in names]


def _chapter_sections(doc: Document) -> list[Block]:
    """Numbered sections under a chapter of the activities that names no focus area (see outline.py);
    a section's note of its area's code ("4.1 Familieværkstedet (indsatsområde A)") gives its area."""
    from samspil.loaders.extract.activity_tables import focus_code

    blocks = []
    for h, end in chapter_headings(doc):
        if (note := _AREA_NOTE.search(h.title)) is None:
            blocks.append(Block(h.title, h.line, end, focus_area_at(doc, h.line)))
            continue
        focus = focus_code(doc, note.group(1))  # (the code itself when the document lists no area with it)
        blocks.append(Block(h.title[:note.start()].rstrip(), h.line, end, focus if focus != note.group(1) else None))
    return blocks


_HEAD_LABEL = re.compile(r"^(?:Aktivitet|Projekt|Delprojekt|Tiltag|Indsats)(?:ens|ets)?(?:\s+navn)?\s*:\s*(?=\S)")


# a section's note of its focus area's code: "(indsatsområde A)", "(tema 2)", "(spor B)"
_AREA_NOTE = re.compile(r"\s*\((?i:indsatsområde|tema|spor|fokusområde)\s+([A-H]|\d{1,2})\)$")


def activity_blocks(doc: Document) -> list[Block]:
    return doc.memo("activity_blocks",
                    lambda: _template_blocks(doc) or _section_blocks(doc) or _listed_blocks(doc))


def _listed_blocks(doc: Document) -> list[Block]:
    """Labelled headings, bullets and table rows together (one document may use each in
    another delaftale), in document order; a name found twice is kept once (its first)."""
    seen: set[str] = set()
    out = []
    tagged = tagged_blocks(doc)  # "▸ Legestuen [Uddannelse og livschancer]": its name without the tag
    marked = tagged + labelled_blocks(doc) + table_blocks(doc) + record_blocks(doc) + schedule_blocks(doc)  # activities
    # the text marks as such
    # (a sentence that names an activity's focus area is read first: its area wins over a section's)
    items = area_item_blocks(doc)
    if marked and (first := min(b.start for b in marked)) > 0:
        starts = {b.start for b in marked}
        items = [b for b in items if b.start > first and b.start not in starts]  # (the text above the first labelled
        # activity: a form's fields and lists under the delaftale's heading, no activities of its area; nor the line of
        # a labelled one)
    found = area_sentence_blocks(doc) + marked + bullet_blocks(doc) + items + focus_quoted_blocks(doc)
    found += _field_titled_blocks(doc) + prose_activity_blocks(doc) + feed_blocks(doc)  # (a page's posts)
    found += named_list_blocks(doc)  # ('... beskrive aktiviteterne "A" (med X), "B" og "C"')
    found = found or chapter_blocks(doc) or _chapter_sections(doc) or budget_blocks(doc) \
        or caps_activity_blocks(doc) or quoted_bullet_blocks(doc) or area_cost_blocks(doc) \
        or quoted_sentence_blocks(doc)  # ("5.
    # Aktiviteterne kort" over "Name: ..."; a project named in quotes in a sentence that says what it is;
    # entries, an application's budget rows under "INDSATSOMRÅDE 1: X", an account's cost lines under an
    # area's heading: when nothing else)
    if tagged:
        lines = {b.start for b in tagged}
        found = [b for b in found if b.start not in lines or b in tagged]
    if marked:  # title lines alone count only where no label or table names the activities
        found = [b for b in found if not b.weak]
    for b in sorted(found, key=lambda b: b.start):
        if name_key(b.name) not in seen:
            seen.add(name_key(b.name))
            out.append(b)
    return out


def _marked_up(text: str) -> bool:
    return "[" in text or "<" in text or "*" in text or "_" in text   # (strip_markup's test)


def _target_text(doc: Document, block: Block) -> str:
    out: list[str] = []
    collecting = False
    lows = doc.lower_lines
    for j in range(block.start, block.end):
        line = doc.lines[j]
        if not collecting and not _marked_up(line):   # (most lines: a label needs one of
            low = lows[j]                             # the words; markup could hide one)
            if "målgruppe" not in low and "hvem" not in low:
                continue
        text = clean(strip_markup(line))
        m = TARGET_LABEL.match(text)
        if m and len(text) < 400 or text.lower().startswith("målgruppe"):
            collecting = True
            out.append(m.group(1) if m else text)
            continue
        if collecting and FIELD_LABEL.match(text) and not text.lower().startswith("målgruppe"):
            collecting = False
        if collecting and text:
            out.append(text)
    return " ".join(out)


def _contacts_in(body: str, contacts: list[Contact], words: set[str]) -> list[str]:
    """The contacts named inside an activity's text ("Projektleder: Hanne Sørensen, ..."
    under its name); ``words``: the text's case-folded words (a name's first word must
    be one of them before the text is searched for the whole name)."""
    if "_" in body:  # (a word character: "_Hanne_" is no word "hanne")
        return [c.name for c in contacts if c.name in body]
    return [c.name for c in contacts if _first_word(c.name) in words and c.name in body]


def _first_word(name: str) -> str:
    """A name's first word, case-folded (in the form ``_WORD`` finds words)."""
    first = _WORD.search(name.casefold())
    return first.group(0) if first else ""


def _mentions(low: str, names: "_NameIndex", words: set[str] | None = None) -> list[str]:
    """Canonical names of organisations (or zones) whose name or alias occurs in
    ``low`` (a text in the form :func:`_words_form` gives; ``words``: its words). A one-word
    variant (no white space: no space, and printable) is looked up in ``words``: " variant "
    stands in ``low`` exactly when it is one of them (not searched for in the whole text)."""
    found: list[str] = []
    for canonical, variant in names.candidates(low, words):
        if canonical not in found and (variant in words if words is not None and variant and " " not in variant
                                       and variant.isprintable() else f" {variant} " in low):
            found.append(canonical)
    return found


@lru_cache(maxsize=16384)
def _words_form(text: str) -> str:
    """' word word ': case-folded words between single spaces, for phrase lookups (a
    name's: names recur, so it is remembered)."""
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


_ZONE_HEADS = frozenset(("zone", "zoner"))


def _numbered_zones(words: list[str]) -> list[str]:
    """An activity's words with a list of zone numbers written out: "zone 1, 2 og 3" (its
    words "zone 1 2 og 3") reads "zone 1 zone 2 og zone 3", so each zone is named.

    >>> " ".join(_numbered_zones("i zone 1 2 og 3 samt".split()))
    'i zone 1 zone 2 og zone 3 samt'
    >>> " ".join(_numbered_zones("zonerne 1 og 2 zoner 4 og 5".split()))
    'zonerne 1 og 2 zone 4 og zone 5'
    """
    out: list[str] = []
    k, n = 0, len(words)
    while k < n:
        out.append(words[k])
        if words[k] in _ZONE_HEADS and k + 1 < n and words[k + 1].isdigit() and len(words[k + 1]) <= 2:
            out[-1] = "zone"
            out.append(words[k + 1])
            k += 2
            while k < n and (words[k].isdigit() and len(words[k]) <= 2 or words[k] in ("og", "samt")
                             and k + 1 < n and words[k + 1].isdigit() and len(words[k + 1]) <= 2):
                out += ["zone", words[k]] if words[k].isdigit() else [words[k]]
                k += 1
            continue
        k += 1
    return out


_WORD = re.compile(r"\w+")  # (æøå are word characters; finding the words is cheaper than
# replacing what lies between them)


class _NameIndex:
    """(canonical, variant) pairs by the first word of the variant: a text can only
    mention the variants whose first word it contains (kept in list order)."""

    def __init__(self, names: list[tuple[str, str]]) -> None:
        self.names = names
        self.by_first: dict[str, list[int]] = {}
        self.always: list[int] = []
        for k, (_, variant) in enumerate(names):
            words = variant.split()
            (self.by_first.setdefault(words[0], []) if words else self.always).append(k)

    def candidates(self, low: str, words: set[str] | None = None) -> list[tuple[str, str]]:
        hits = list(self.always)
        for w in (set(low.split()) if words is None else words) & self.by_first.keys():
            hits += self.by_first[w]
        return [self.names[k] for k in sorted(hits)]


# an activity's own focus-area field, a sentence at the end of its text ("... i huset. Indsatsområde:
# Børn, unge og familier."): with its full stop, unlike a heading that opens an area's section
_FOCUS_FIELD = re.compile(r"^\W{0,3}(?:Indsatsområde|Fokusområde|Tema)\s*:\s*(?P<name>[A-ZÆØÅ][^:.]{2,60})\.\s*$")


def _focus_fields(doc: Document, blocks: list[Block]) -> dict[int, str]:
    """{block's start line: the focus area its own field names} for blocks whose text (up to
    the next block's start, at most 12 lines) ends with such a field (``_FOCUS_FIELD``)."""
    starts = sorted({b.start for b in blocks})
    out: dict[int, str] = {}
    for k, start in enumerate(starts):
        stop = min(starts[k + 1] if k + 1 < len(starts) else len(doc.lines), start + 12)
        for j in range(start + 1, stop):
            line = doc.lines[j]
            if line[:1] in "IFT" and (m := _FOCUS_FIELD.match(line)):
                out[start] = m.group("name").strip()
                break
    return out


def _field_titled_blocks(doc: Document) -> list[Block]:
    """Activities headed by a title line of their own (after a blank line) whose text ends with
    their own focus-area field within three lines ("Familiehuset" / "Et åbent tilbud ..." /
    "Indsatsområde: Børn, unge og familier."): a web page's or a report's list of activities."""
    if "ndsatsområde:" not in doc.text and "okusområde:" not in doc.text and "Tema:" not in doc.text:
        return []
    out = []
    for i, line in enumerate(doc.lines):
        if not line or line[:1] not in "IFT" or not (m := _FOCUS_FIELD.match(line)):
            continue
        title = next((j for j in range(i - 1, max(-1, i - 4), -1) if j == 0 or not doc.lines[j - 1].strip()), None)
        if title is None or title >= i - 1:
            continue  # (a title line, then its text, then the field: one line of text at least)
        text = doc.lines[title].strip()
        words = text.split()
        if 0 < len(words) <= 8 and text[0].isupper() and not text.endswith((".", ":")) \
                and not NOT_ACTIVITY.match(text) and _FOCUS_FIELD.match(text) is None:
            out.append(Block(text, title, i + 1, m.group("name").strip()))
    return out


def _canonical_focus(name: str | None, focus_areas: list[FocusArea], doc: Document | None = None) -> str | None:
    if not name:
        return None
    if doc is not None and is_short_form(name):  # "UL", as the document defines it (area_short_forms.py)
        name = area_short_form(doc, name) or name
    canonical = canonical_focus_area(name, focus_areas)
    if canonical != name:
        return canonical
    key = name_key(name)
    for fa in focus_areas:
        if name_key(fa.name) == key or len(key) >= 4 and (key in name_key(fa.name) or name_key(fa.name) in key):
            return fa.name
    return name


# a status note after an activity's name, as status reports and revised plans write it:
# "Sprog og arbejde (NY i 2022)", "Lektiecafé (fortsat)", "Jobcafé (2019-2021)"
_STATUS_NOTE = re.compile(r"\s*\((?:[^()]*\b(?:nye?|nyt|fortsat|fortsætter|afsluttet|lukket|ophørt|udvidet|videreført"
                          r"|pilot|opstart|startet)\b|[^()]*\b(?:19|20)\d\d\b)[^()]*\)\s*$", re.I)


def activity_name(title: str) -> str:
    """An activity's name without a status note after it (``_STATUS_NOTE``) or a name in
    brackets after it: a translation or a short form ("Sund Start (Healthy Start)", "Ung i Job
    (UIJ)").

    >>> activity_name("Sund Start (Healthy Start)"), activity_name("Lektiecafé (fortsat)"), activity_name("Job (13-17 år)")
    ('Sund Start', 'Lektiecafé', 'Job (13-17 år)')
    >>> activity_name("Beboerfesten (evt., afhængig af fondsmidler)")
    'Beboerfesten'
    >>> activity_name("Sprogstart – for de mindste"), activity_name("Psykisk sårbare – netværk og brobygning")
    ('Sprogstart', 'Psykisk sårbare – netværk og brobygning')
    >>> activity_name("A.1 Jobværkstedet"), activity_name("Aktivitet 1.1 Jobbroen"), activity_name("3F Ungdom")
    ('Jobværkstedet', 'Jobbroen', '3F Ungdom')
    """
    if title[-3:] in ("===", "---", "___", "~~~"):
        title = _UNDERLINE.sub("", title) or title  # "Fritidsguide Sengeløse ======": its heading's underline, run on
    if "STATUS" in title or "Status:" in title:  # "Jobcaféen Havkanten ...... STATUS: på sporet": its status field
        title = _STATUS_FIELD.sub("", title) or title
    name = _STATUS_NOTE.sub("", title) or title
    if name[:1].isupper() or name[:1].isdigit():
        name = _CODE_FIRST.sub("", name) or name  # "A.1 Jobværkstedet", "Aktivitet 1.1 Jobbroen": its number
    name = _REMARK.sub("", name) or name  # "Beboerfesten (evt., afhængig af fondsmidler)"
    name = _TAGLINE.sub("", name) or name  # "Sprogstart – for de mindste": its tagline
    return _BRACKETED_NAME.sub("", name) or name


_UNDERLINE = re.compile(r"\s+(?:={3,}|-{3,}|_{3,}|~{3,})$")
_CLOSED_STATUS = re.compile(r"STATUS\s*:\s*(?:lukket|ophørt|stoppet|nedlagt|udgået)\b", re.I)
_STATUS_FIELD = re.compile(r"\s*(?:\t|\.{3,}|…+)?\s*(?:STATUS|Status)\s*:.*$")
# a remark in brackets after the name, opening in lower case ("(aftenklub fredag og lørdag)",
# "(evt., afhængig af fondsmidler)"); not an age or a class ("Job (13-17 år)")
_REMARK = re.compile(r"(?<=\w)\s+\((?=[a-zæøå])[^()]{3,80}\)$")


# an activity's number before its name: "A.1 ", "B2. ", "Aktivitet 1.1 ", "2.3: " (a capital or a quote after it)
_CODE_FIRST = re.compile(r"^(?:(?:Aktivitet|Delprojekt|Projekt|Indsats)\s+)?(?:(?:[A-ZÆØÅ]|[IVX]{1,4})\.?\d{1,2}(?:\.\d{1,2})?"
                         r"|\d{1,2}(?:\.\d{1,2}){1,2})\.?:?\s+(?=[A-ZÆØÅ\"“»])")
_TAGLINE = re.compile(r"(?<=\w)\s+[–—]\s+(?:for|til|med|om|hos)\s[^–—]{2,60}$")  # (not "X – naboskabsaktiviteter")


_STOPPED = re.compile(r"\s(?:[–—-]\s*|\()(?:udgår|udgået|ophørt|nedlagt|aflyst|stoppet)(?:\)|\s*[-–—,:][^()]*\))?\s*$", re.I)
_DROPPED_AFTER = re.compile(r"\budgår\b|\ber udgået\b")  # an activity's own text says it is dropped ("X udgår ...")
_BRACKETED_NAME = re.compile(r"(?<=\w)\s+\([A-ZÆØÅ][^()\d:]{0,50}\)$")  # (...) opening with a capital, no digits


def extract_activities(doc: Document, focus_areas: list[FocusArea], organisations: list[Organisation],
                       zones: list[Zone] | None = None, contacts: list[Contact] | None = None,
                       municipality: str | None = None) -> list[Activity]:
    names = [(o.name, v) for o in organisations for v in
             {k for n in [o.name, *o.aliases] if len(n) >= 3 or _DIGIT_CODE.fullmatch(n)
              for k in (name_key(n), _words_form(n).strip())}]
    names.sort(key=lambda t: -len(t[1]))
    # two capitals the agreement defines for a name ("Nyborg Kommune (NK)"), looked for as written:
    # in lower case they are words of their own ("nb", "ok"); not where they are defined ("(UU)")
    initials = [(o.name, a) for o in organisations for a in o.aliases if len(a) == 2 and a.isupper() and a.isalpha()]
    zone_names = [(z.name, v) for z in (zones or []) for v in
                  {name_key(n) for n in [z.name, *z.aliases] if len(n) >= 4}]
    org_index, zone_index = _NameIndex(names), _NameIndex(zone_names)
    # a municipality only mentioned (no party, no partner field): a place in an activity's text
    # ("STENO IDAB implementeres i Gladsaxe Kommune, Hillerød Kommune og ..."), no partner of it
    places = {o.name for o in organisations if o.type == "municipality" and not o.is_party
              and set(o.roles) <= {"mentioned"} and name_key(o.name) != name_key(municipality)} \
        if municipality else set()  # (the plan's own municipality may be named in passing and still take part)
    out: list[Activity] = []
    blocks = activity_blocks(doc)
    fields = _focus_fields(doc, blocks)
    for b in blocks:
        if is_placeholder(b.name) or _STOPPED.search(b.name) or "; " in b.name or not _LETTERS.search(b.name) \
                or "STATUS" in b.name and _CLOSED_STATUS.search(b.name):  # ("... STATUS: lukket": closed)
            continue  # the template's "[Aktivitetens navn]" left unfilled; "Ferieskolen — udgår": no activity of
            # the agreement; a sheet's quoted cell ("Nordby Skole; Fanø Bibliotek", "2384 5561"): no name
        body = b.text or " ".join(doc.lines[b.start:b.end])
        if "udg" in body and f"{b.name} udg" in body and _DROPPED_AFTER.search(body, len(b.name)):
            continue  # "Cykelværkstedet udgår efter Landsbyggefondens bemærkninger ...": dropped from the plan
            # (the name before "udg" tested first: the pattern opens with \b and is tried at every position of
            # a body holding "udg" anywhere, "udgør", "udgangspunkt": ~0.5 ms for a dense PDF's eight bodies)
        found = _WORD.findall(drop_citations(body).casefold())  # (the form of _words_form, and its
        # words; a source the activity's text cites is no partner of it)
        split = set(found)  # (its words as a set first: "zone" looked up there, not in the list)
        if "zone" in split or "zoner" in split:
            found = _numbered_zones(found)
            split = set(found)
        words = " " + " ".join(found) + " "
        target_text = b.target if b.target is not None else _target_text(doc, b)
        groups = list(targets.classify(target_text)) if target_text else \
            targets.dominant_groups(body, min_sentences=1 if len(body) < SHORT_BODY else 2)
        groups = groups or targets.groups_by_activity_name(b.name)
        coded = None if b.start in fields else _coded_focus(doc, b.name) if b.name[:1] in "ABCDEFGH" \
            else _coded_focus(doc, doc.lines[b.start]) if doc.lines[b.start][:1] in "ABCDEFGH" else None
        act = Activity(
            name=activity_name(b.name),
            focus_area=_canonical_focus(coded or fields.get(b.start, b.focus_area), focus_areas, doc),  # ("A.1 X":
            # the area the document lists as A)
            target_groups=groups,
            partners=[p for p in _mentions(words, org_index, split)
                      if (p in body or not is_phrase_name(p)) and p not in places],
            zones=_mentions(words, zone_index, split),
            contacts=_contacts_in(body, contacts or [], split),
            sources=[doc.ref(b.start, b.name)],
        )
        for name, initial in initials:
            if name not in act.partners and _written_alone(body, initial):
                act.partners.append(name)
        if zones is not None and "zone" in split:
            _add_field_zones(doc, b, act, zones)
        if not any(name_key(a.name) == name_key(act.name) for a in out):
            out.append(act)
    return out


_LETTERS = re.compile(r"[^\W\d_]{2}")


def _written_alone(text: str, word: str) -> bool:
    """Does ``word`` occur in ``text`` as a word of its own, not in brackets ("(UU)" defines it)?
    (found with str.find: a pattern opening with a look-behind is tried at every character)"""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (not at or not (text[at - 1].isalnum() or text[at - 1] in "_(")) \
                and (end == len(text) or not (text[end].isalnum() or text[end] in "_)")):
            return True
        at = text.find(word, at + 1)
    return False


# an activity's zone field: "Zone: Zone 2", "Zoner: Zone 1 og Zone 3", "Zone: 1, 2 og 3"
_ZONE_FIELD = re.compile(r"^\W*zoner?\s*:\s*(?P<value>(?:zone\s*)?\d{1,2}(?:\s*(?:,|og|samt|&)\s*(?:zone\s*)?\d{1,2})*)\W*$",
                         re.I)


def _add_field_zones(doc: Document, block: Block, act: Activity, zones: list[Zone]) -> None:
    """The zones an activity's "Zone:" field names, also when the document defines none (a
    delaftale of its own file names its plan's "Zone 2"): a zone it does not know is added
    (plan-scoped by its generic name when the graph is built)."""
    for j in range(block.start, min(block.end, block.start + 40)):
        if not (m := _ZONE_FIELD.match(clean(strip_markup(doc.lines[j])))):
            continue
        for number in re.findall(r"\d{1,2}", m.group("value")):
            name = f"Zone {int(number)}"
            known = next((z for z in zones if name_key(z.name) == name_key(name)), None)
            if known is None:
                known = Zone(name=name, type="zone", sources=[doc.ref(j, name)])
                zones.append(known)
            if known.name not in act.zones:
                act.zones.append(known.name)
