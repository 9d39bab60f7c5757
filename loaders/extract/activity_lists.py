"""Activities written as lists: bullets under a list label ("Projekter:", "Aktiviteter:"),
each activity's focus area the enclosing delaftale's or numbered section's (tables of
activities: activity_tables.py). Used by activities.py when the document has no
"Aktivitetsnavn:" blocks, numbered activity sections or labelled activity headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from samspil.loaders.document import Document
from samspil.loaders.extract.sections import focus_area_at
from samspil.loaders.extract.text import clean, clean_keep_colon, strip_markup
from samspil.loaders.extract.unit_topics import is_focus_area_name

__all__ = ["Block", "NOT_ACTIVITY", "bullet_blocks", "outline_focus"]


@dataclass
class Block:
    name: str
    start: int
    end: int  # exclusive
    focus_area: str | None
    target: str | None = None  # the text of its Målgruppe column, for a table's row
    text: str | None = None  # a table row's own text, when the line holds more rows
    weak: bool = False  # a short title line read as an item (older plans): only when nothing else names any


NOT_ACTIVITY = re.compile(r"^(?:indsatsområde|delaftale|spor\s+\d|baggrund|organisering|økonomi|budget|formål|vision|mål\b"
                          r"|forventet\s+effekt|effekt(?:er)?\b"
                           r"|målgruppe|indledning|bilag|evaluering|tidsplan|kontaktliste|kontaktpersoner"
                           r"|(?:aktivitet|projekt|delprojekt|tiltag)\s+(?:nr\.\s*)?[A-Z0-9]{1,2}\s*$)", re.I)  # (a bare counter)


def outline_focus(doc: Document, i: int) -> str | None:
    """The focus area of the numbered section ("3.1 Beskæftigelse" under "3. Indsatsområder")
    that line ``i`` is in, if any."""
    from samspil.loaders.extract.outline import focus_headings

    before = [(h.line, name) for h, name in focus_headings(doc) if not h.in_toc and h.line < i]
    return max(before)[1] if before else None


# "Projekter:" / "Aktiviteter i delaftalen:" ending a line (alone, or after a section's text
# that lost its line breaks), and the bullets after it: "• Lektiecafé – for elever i 4.-6. klasse"
_LIST_LABEL = re.compile(r"(?:^\W{0,3}(?i:[pait])|\s[PAIT])(?i:rojekter(?:ne)?|ktiviteter(?:ne)?|ndsatser(?:ne)?"
                         r"|iltag(?:ene)?)(?:\s+(?:i|under|for)\s+\w+)?\s*:\s*$")  # (mid-line: capitalised)
# a status report's caption over its activities: "Status på aktiviteterne:", "Overblik over projekterne:"
_STATUS_LABEL = re.compile(r"(?:^\W{0,3}|(?<=[.!?\"”]\s))(?i:status|overblik|oversigt|nyt)\s+(?:på|over|fra)\s+(?:de\s+)?(?:enkelte\s+)?"
                           r"(?i:aktiviteter(?:ne)?|projekter(?:ne)?|indsatser(?:ne)?|delprojekter(?:ne)?)\s*:\s*$")
_BULLET_ITEM = re.compile(r"^\s*(?:[-•*▪◦–☐☒☑]|\[[ xX]\]|(?P<number>\d{1,2})[.)]|(?P<letter>[a-h])\))\s+(?P<item>\S.*)$")
# (a form's check boxes, ticked or not, are a list's marks: "[x] Lektiehjælp - tirsdage ...", "[ ] Gåklub - ...")
# the lead-in sentence of a list of activities: "Aftalen omfatter registrering i følgende aktiviteter:"
_FOLLOWING_WORDS = (r"\bfølgende\s+(?:\w+\s+)?(?:aktiviteter|aktivitet\(er\)|projekter|delprojekter|indsatser)"
                    r"(?:\s*\([^()]{1,30}\))?\s*:")  # (a form's "følgende aktivitet(er) (sæt kryds):")
_FOLLOWING = re.compile(_FOLLOWING_WORDS + r"\s*$")
# the area an item names in a bracket after its name: '"Lektieloftet" (delaftale Uddannelse og livschancer) – ...'
_AREA_BRACKET = re.compile(r"\((?:delaftale(?:n)?|indsatsområde(?:t)?)(?:\s+om)?[:\s]+([A-ZÆØÅ][^()]{2,60})\)")
_NAME_END = re.compile(r"\s+[–—-]\s+|:\s+|\s+\(")  # "Name – description", "Name: description", "Name (partner)"


_NUMBER_WORDS = re.compile(r"\d[\d.,%–-]*\s+[a-zæøå]")  # "40 børn, kører godt." (not a heading: "4 Organisation")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _bullet_name(item: str) -> str | None:
    """The item's name (area_items.item_name: before its separator, out of its quotes, never a
    sentence or a goal); under a list label also a long name ("Kursus i beboerdemokrati for nye
    afdelingsbestyrelsesmedlemmer, ved BL 1. kreds")."""
    from samspil.loaders.extract.area_items import is_goal_or_sentence, item_name

    if name := item_name(item):
        return name
    name = _NAME_END.split(clean(strip_markup(item)), 1)[0].strip(" .,;")
    if len(name.split()) > 8:
        name = name.split(", ")[0]
    if not name or not name[0].isupper() or len(name.split()) > 8 or NOT_ACTIVITY.match(name) \
            or is_goal_or_sentence(name):
        return None
    return name


def _bracket_area(item: str, name: str) -> str | None:
    """The area an item names in a bracket after its name ('"Lektieloftet" (delaftale Uddannelse og livschancer)')."""
    named = _AREA_BRACKET.search(item, 0, len(name) + 40) if "(" in item else None
    return named.group(1).strip() if named else None


def _list_kind(m: re.Match[str]) -> tuple[bool, bool]:
    """A list item's kind: counted by numbers, by letters, or bulleted (a list keeps its kind)."""
    return bool(m.group("number")), bool(m.group("letter"))


# a label and the activities' names after it, a sentence's list: "Aktiviteter: A, B, C og D."
_INLINE_LIST = re.compile(r"(?:Aktiviteter(?:ne)?|Projekter(?:ne)?)(?:\s+er)?\s*:\s+"  # (at a line's or sentence's start:
                          r"(?P<items>[A-ZÆØÅ\"“«][^.:;()]{3,300}?)\.(?=\s|$)")  # told after the word is found)
_INLINE_ITEM = re.compile(r"[A-ZÆØÅ\"“«][\wæøåÆØÅ'’\"”»&-]*(?:\s+[\wæøåÆØÅ'’\"”»&-]+){0,5}")


def _inline_names(line: str) -> list[str]:
    """The names of a labelled list written as a sentence (:data:`_INLINE_LIST`): two or more,
    each capitalised and short; "og" before the last one (not inside a name: both sides capitalised)."""
    m = next((m for m in _INLINE_LIST.finditer(line) if not m.start() or line[max(0, m.start() - 2):m.start()] in
              (". ", "! ", "? ")), None)
    if m is None:
        return []
    items = [s.strip() for s in m.group("items").split(",")]
    last = items.pop().split(" og ")
    items += [" og ".join(last)] if len(last) != 2 or not last[1][:1].isupper() else last
    names = [s.strip(' "“”«»') for s in items]
    if len(names) < 2 or not all(_INLINE_ITEM.fullmatch(s) and s[:1].isupper() for s in items):
        return []
    return names


def bullet_blocks(doc: Document) -> list[Block]:
    """Bullets under a list label ("Projekter:", "Aktiviteter:"), each an activity named by
    the text before its dash or colon, its focus area the enclosing section's."""
    blocks: list[Block] = []
    for i, line in enumerate(doc.lines):
        if (same := _LABEL_THEN_BULLETS.search(line)) \
                and (name_items := _RUN_ON_ITEM.split(_NEXT_CAPS_HEADING.split(line[same.end():], 1)[0])):
            focus = focus_area_at(doc, i) or outline_focus(doc, i)  # "... Aktiviteter: - A: x - B: y" on one line
            blocks += [Block(name, i, i + 1, focus) for item in name_items if (name := _bullet_name(item))]
            continue
        if ("ktiviteter" in line or "rojekter" in line) and (names := _inline_names(line)):
            focus = focus_area_at(doc, i) or outline_focus(doc, i)  # "Aktiviteter: Børnenes Værksted, Lektiefærgen
            blocks += [Block(name, i, i + 1, focus, text=name) for name in names]  # og Sommerjob på Øen." in a
            # sentence's place (each its own text: the others' words are not its target groups)
            continue
        if "følgende" in line and (lead := _FOLLOWING_THEN_LETTERS.search(line)):  # "... i følgende aktiviteter: a)
            items = _RUN_ON_LETTER.split(line[lead.end():])  # "A" (delaftale X) – ... b) "B" ...": the breaks lost
            if len(items) >= 2:
                blocks += [Block(name, i, i + 1, _bracket_area(item, name) or focus_area_at(doc, i))
                           for item in items if (name := _bullet_name(item))]
                continue
        if not (line.rstrip().endswith(":") and (_LIST_LABEL.search(clean_keep_colon(line)) or _PLAN_LEAD.search(line)
                                                 or _STATUS_LABEL.search(line) or _FOLLOWING.search(line))
                or len(line) < 60 and _CAPTION_ALONE.match(line) or _CAPTION_END.search(line[-40:])):
            continue
        items: list[int] = []
        for j in range(i + 1, min(i + 30, len(doc.lines))):
            if not doc.lines[j].strip():
                continue
            m = _BULLET_ITEM.match(doc.lines[j])
            number = m.group("number") or (str(ord(m.group("letter")) - ord("a") + 1) if m.group("letter") else None) \
                if m else None  # (a lettered list counts a, b, c ...)
            end = doc.lines[j - 1].rstrip()[-1:]  # (the line before's last character: "" after a blank line)
            if not m and items and end and (_indent(doc.lines[j]) > _indent(doc.lines[items[-1]]) or end in ":,"
                                            or doc.lines[j].lstrip()[:1].islower()
                                            or _NUMBER_WORDS.match(doc.lines[j].lstrip()) and end not in ".!?"):
                continue  # (an item's wrapped line: indented under its text, or going on from a colon, a comma,
                # in lower case or with a number: "- Læsemakkere (...):" over "40 børn, kører godt.")
            if not m or number and int(number) != len(items) + 1:  # (a numbered list counts 1, 2, 3 ...)
                break
            if items and _list_kind(m) != _list_kind(_BULLET_ITEM.match(doc.lines[items[0]])):
                break  # (a list keeps its kind: "3. Sundhed" after two bullets is the next heading)
            items.append(j)
            if _HEADING_RUN_ON.search(doc.lines[j]):
                break  # "• Naboklubben – ... TIDSLINJE": the next heading run onto the last item
        for n, j in enumerate(items):
            end = items[n + 1] if n + 1 < len(items) else j + 1
            bullet = _BULLET_ITEM.match(doc.lines[j])
            for item in _RUN_ON_ITEM.split(bullet.group("item")):
                if (name := _bullet_name(item)) and not (bullet.group("letter") and is_focus_area_name(name)):
                    # (not "a) Tryghed og trivsel" under "Helhedsplanen omfatter følgende indsatsområder:")
                    blocks.append(Block(name, j, end, _bracket_area(item, name) or focus_area_at(doc, j)
                                        or outline_focus(doc, j)))
    taken = {b.start for b in blocks}
    return blocks + _area_tagged_items(doc, taken) + _items_under_area_bullets(doc, taken)


_AREA_NOTE = re.compile(r"\s*\((?:delaftale|indsatsområde|bilag)\b[^()]{0,20}\)\s*:?$", re.I)  # "(delaftale 1)"
_COUNTED = re.compile(r"^\s*(?P<number>\d{1,2})[.)]\s+(?P<item>\S.*)$")


_RUN_ON_COUNTER = re.compile(r"\s(\d{1,2})\)\s+(?=[A-ZÆØÅ\"“«])")


def _run_on_counted(item: str, count: int) -> tuple[str, list[str]] | None:
    """(area, items) of a bullet naming a focus area with its counted items run on after it, counting on from
    ``count`` ("Uddannelse og livschancer (delaftale 1) 1) Lektiebussen – ... 2) Sprogkufferten – ..."), else None."""
    marks = list(_RUN_ON_COUNTER.finditer(item))
    if not marks or int(marks[0].group(1)) != count + 1 \
            or not is_focus_area_name(area := _AREA_NOTE.sub("", clean(item[:marks[0].start()]))):
        return None
    starts, want = [], count + 1
    for m in marks:
        if int(m.group(1)) == want:
            starts.append(m)
            want += 1
    items = [item[m.end():(starts[k + 1].start() if k + 1 < len(starts) else len(item))].strip()
             for k, m in enumerate(starts)]
    return area, items[:-1] + [_before_area_sentence(items[-1])]


def _before_area_sentence(text: str) -> str:
    """The last run-on item up to a sentence that opens with a known focus area ("... → SSP Faxe Beskæftigelse
    indgår ikke i aftalen"): the text after the list."""
    from samspil.loaders.extract.flat_activity_tables import _focus_at

    words = text.split()
    for k in range(2, len(words) - 1):
        if words[k][:1].isupper() and (n := _focus_at(words, k, ())) and k + n < len(words) \
                and words[k + n][:1].islower() and words[k + n] not in ("og", "samt", "i"):
            return " ".join(words[:k])
    return text


def _items_under_area_bullets(doc: Document, taken: set[int]) -> list[Block]:
    """Numbered items under bullets that name focus areas ("• Uddannelse og livschancer (delaftale 1)" over "1)
    Lektiebussen – lektiehjælp ..." and its partners' line, "• Kriminalitetsforebyggelse (delaftale 2)" over "3)
    Ungeteam ..."): each item an activity of the area above it, the count going on across the areas."""
    found: list[Block] = []
    area, count, items = None, 0, []  # (the area over the items being read; the last number; (line, name, area))

    def close(end: int) -> None:
        nonlocal items
        if count >= 2:
            for n, (j, name, where) in enumerate(items):
                found.append(Block(name, j, items[n + 1][0] if n + 1 < len(items) else end, where))
        items = []

    for j, line in enumerate(doc.lines):
        if not line.strip():
            close(j)
            area, count = None, 0
            continue
        bullet = _BULLET_ITEM.match(line)
        if bullet and (bullet.group("number") or bullet.group("letter")):
            bullet = None  # (a mark, not a counter)
        if bullet and is_focus_area_name(name := _AREA_NOTE.sub("", clean(bullet.group("item")))):
            area = name
            continue
        if bullet and ") " in line and (run_on := _run_on_counted(bullet.group("item"), count)) is not None:
            area, counted_items = run_on  # "• Uddannelse og livschancer (delaftale 1) 1) Lektiebussen – ... 2) ...":
            for text in counted_items:  # the area's items run onto its bullet (the line breaks lost)
                if name := _bullet_name(text):
                    count += 1
                    found.append(Block(name, j, j + 1, area, text=text))
            continue
        counted = _COUNTED.match(line) if area is not None else None
        if counted and int(counted.group("number")) == count + 1 and j not in taken \
                and (name := _bullet_name(counted.group("item"))):
            count += 1
            items.append((j, name, area))
        elif counted or area is None:
            close(j)
            area, count = None, 0
    close(len(doc.lines))
    return found


# a list item naming its focus area in brackets after its name, then a dash and what it is: "· Jobcafé Vinhuse
# (beskæftigelse) – ugentlig jobcafé for ledige beboere ..."
_TAGGED_ITEM = re.compile(r"^\s*[-•·▪◦–*]\s+(?P<name>[A-ZÆØÅ0-9\"“«][^()–—:]{1,60}?)\s+\((?P<area>[^()]{4,50})\)\s+[–—-]\s+\S")


# or heading its lines, the name after a mark or a counter ("Bord 1 · Lektiehjørnet (Uddannelse og livschancer)",
# "2. Jobcaféen (Beskæftigelse)"), the text on the lines under it
_TAGGED_HEAD = re.compile(r"^\s*(?:[-•·▪◦–*]\s+|\d{1,2}[.)]\s+|[A-ZÆØÅ][a-zæøå]{1,12}\s+\d{1,2}\s*[·:.–-]\s+)?"
                          r"(?P<name>[A-ZÆØÅ0-9\"“«][^()–—:·]{1,60}?)\s+\((?P<area>[^()]{4,50})\)\s*[*:]?\s*$")
_COUNTED_RUN_ON = re.compile(r"(?:^|\s)[A-ZÆØÅ][a-zæøå]{1,12}\s+\d{1,2}\s*[·:.–-]\s+(?P<name>[A-ZÆØÅ0-9\"“«][^()–—:·•]{1,60}?)"
                             r"\s+\((?P<area>[^()]{4,50})\)\*?(?=\s)")  # ("... Bord 1 · Lektiehjørnet (Uddannelse og
# livschancer) Børn i 2.-7. klasse ... Bord 2 · Klubaften (Uddannelse og livschancer) ...": counted heads run on)
_TAGGED_RUN_ON = re.compile(r"(?:^|\s)[•·▪]\s+(?P<name>[A-ZÆØÅ0-9\"“«][^()–—:·•]{1,60}?)\s+\((?P<area>[^()]{4,50})\)\s+[–—-]\s+\S")
def _item_end(line: str, at: int) -> int:
    """Where the last item of a run-on list ends: at its second sentence (the text after the list), else the line's end."""
    stops = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-ZÆØÅ])", line[at:])]
    return at + stops[1] if len(stops) > 1 else len(line)


_ANY_MARK = re.compile(r"^\s*[-•·▪◦–*]\s")


def _area_tagged_items(doc: Document, taken: set[int]) -> list[Block]:
    """Items of a list without a lead-in label, each naming a known focus area in brackets after its name
    (:data:`_TAGGED_ITEM`): activities of that area, where two or more such items follow each other."""
    from samspil.loaders.extract.focus_areas import _fkey, _known_focus_areas, _known_key

    known = _known_focus_areas()
    found = []
    for j, line in enumerate(doc.lines):
        if j in taken or "(" not in line:
            continue
        head = None if (m := _TAGGED_ITEM.match(line)) else _TAGGED_HEAD.match(line)
        if (m := m or head) is None:
            run_on = [r for r in _TAGGED_RUN_ON.finditer(line) if _known_key(_fkey(r.group("area"))) is not None] \
                or ([r for r in _COUNTED_RUN_ON.finditer(line) if _known_key(_fkey(r.group("area"))) is not None]
                    if line.count("(") >= 2 else [])  # (two items at least: two brackets)
            if len(run_on) >= 2:  # "... Kriminalitetsforebyggelse: · Jobcafé X (beskæftigelse) – ... · Mentorkorps
                ends = [r.start() for r in run_on[1:]] + [_item_end(line, run_on[-1].end())]  # (beskæftigelse) – ...":
                found += [Block(r.group("name").strip(' "“”«»'), j, j + 1,  # the list's breaks lost; each item its own
                                known[_known_key(_fkey(r.group("area")))], text=line[r.start():end].strip())  # text
                          for r, end in zip(run_on, ends)]
            continue
        if (key := _known_key(_fkey(m.group("area")))) is not None:
            end = next((k for k in range(j + 1, min(j + 8, len(doc.lines)))
                        if not doc.lines[k].strip() or _ANY_MARK.match(doc.lines[k]) or _TAGGED_HEAD.match(doc.lines[k])),
                       min(j + 8, len(doc.lines)))
            if head is not None and end == j + 1:
                continue  # (a heading over no text: "1. Safety and well-being (Tryghed og trivsel)", a list of areas)
            found.append(Block(m.group("name").strip(' "“”«»'), j, end, known[key]))  # (its wrapped lines with it)
    return found if len(found) >= 2 else []


_LABEL_THEN_BULLETS = re.compile(r"(?:^|\s)(?:(?:Status|Overblik)\s+(?:på|over)\s+(?:aktiviteterne|projekterne|indsatserne)"
                                 r"|Projekter|Aktiviteter|Indsatser|Tiltag|PROJEKTER(?:NE)?|AKTIVITETER(?:NE)?"
                                 r"|INDSATSER(?:NE)?|TILTAG(?:ENE)?)(?:\s*:\s+[-–•▪]|\s+[•▪])\s+(?=[A-ZÆØÅ0-9\"“«»])")
_FOLLOWING_THEN_LETTERS = re.compile(_FOLLOWING_WORDS + r"\s+a\)\s+")  # (its first item run onto it)
_RUN_ON_LETTER = re.compile(r"\s[b-h]\)\s+(?=[A-ZÆØÅ0-9\"“«»])")
_HEADING_RUN_ON = re.compile(r"\s[A-ZÆØÅ]{5,}(?:\s+[A-ZÆØÅ]{2,})*$")
# the list run on ends at the next heading in capitals ("... Sønderborg Madskole TIDSLINJE • 1. juli ...")
_NEXT_CAPS_HEADING = re.compile(r"\s(?=[A-ZÆØÅ]{5,}(?:\s+[A-ZÆØÅ]{2,})*\s+(?:[•▪]\s|$))")
# "... 2024-2027 Aktiviteter", "... PROJEKTER I OMRÅDET" ending a line that lost its breaks
_CAPTION_END = re.compile(r"\s(?:Projekter|Aktiviteter|Indsatser|Initiativer|PROJEKTER(?:NE)?|AKTIVITETER(?:NE)?"
                          r"|INDSATSER(?:NE)?|TILTAG(?:ENE)?)"
                          r"(?:\s+(?:i|I|under|UNDER|for|FOR)\s+\S+)?\s*$")
# a sentence that introduces what the plan will do: "Det skal helhedsplanen blandt andet lave:", "Konkret
# vil indsatsen bl.a. tilbyde:", "Helhedsplanen sætter blandt andet følgende i gang:"
_PLAN_LEAD = re.compile(r"(?!.*\b(?:medlem|styregrupp|bestyrels|følgegrupp|afdeling|parter|partner|boliger|område|mål)"
                        r")(?:\b(?:[Hh]elhedsplanen|[Pp]lanen|[Ii]ndsatsen)\b[^.:!?]{0,40}\b(?:blandt andet|bl\.\s?a\.|følgende"
                        r"|konkret)\b|\b(?:[Bb]landt andet|[Bb]l\.\s?a\.|[Kk]onkret)\b[^.:!?]{0,40}\b(?:helhedsplanen|planen"
                        r"|indsatsen)\b)[^.:!?]{0,40}:\s*$")
# a caption alone on its line: "Aktiviteter", "PROJEKTER I OMRÅDET"
_CAPTION_ALONE = re.compile(r"^\W{0,3}(?:(?:projekter|aktiviteter|indsatser|tiltag|initiativer)(?:ne)?"
                            r"(?:\s+(?:i|under|for)\s+[\wæøå ]{2,30})?"
                            r"|det\s+sker|hvad\s+sker\s+der\??|(?:vores\s+)?tilbud(?:ene)?)\W{0,2}$", re.I)  # (a newsletter's
# or web page's "DET SKER", "Vores tilbud" over its bullets)
# bullets run onto one line: "• A – x • B – y", "- A: x - B: y" (a dash only before a "Name:")
_RUN_ON_ITEM = re.compile(r"\s[•▪]\s+(?=[A-ZÆØÅ0-9\"“«»])|\s[-–]\s+(?=[A-ZÆØÅ][^:.]{0,40}:\s)")
