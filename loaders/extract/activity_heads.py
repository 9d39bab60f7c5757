"""Activities under headings of their own: "Aktivitet 1: X", "Delprojekt 2 – X", a numbered
title "1.2 X" inside a focus area's section, a bare title over an activity's fields, and a
numbered heading whose first field ran onto its line ("1.1 Jobværkstedet Status: ...").
Used by activities.py.
"""
from __future__ import annotations

import re
from itertools import takewhile

from samspil.loaders.document import Document
from samspil.loaders.extract.activity_lists import NOT_ACTIVITY, Block, outline_focus
from samspil.loaders.extract.area_items import description_start
from samspil.loaders.extract.orgs import name_key
from samspil.loaders.extract.outline import outline, run_on_title
from samspil.loaders.extract.sections import delaftale_starts
from samspil.loaders.labels import STATUS_WORDS
from samspil.loaders.segment import NUMBERED_CAPS_HEAD

__all__ = ["labelled_blocks"]

_SENTENCE_END = re.compile(r"(?<=[a-zæøå]{3})\.\s+(?=[A-ZÆØÅ])")

# "Aktivitet 1: X", "Aktivitet 1.2 X", "Delprojekt 2 – X", "Projekt: X", "Indsats 3. X" (older and other templates),
# and a numbered title "1.2 X" after an "Indsatsområde: Y" head: an activity when its fields
# follow and its title is not one of the plan's focus areas
_LABELLED_HEAD = re.compile(r"^\W{0,3}(?:(?:del)?projekt|(?:del)?aktivitet|(?:del)?indsats|tiltag|initiativ|akt\.(?=\s*\d))"
                            r"(?:\s+(?:nr\.\s*)?(?P<id>[A-Z]?\d{1,2}(?:\.\d{1,2}){0,2}\.?[a-z]?|[IVX]{1,4}\.\d{1,2})"
                            r"\s*[:.–—-]?\s+|\s*[:.–—-]\s*)"
                            r"(?P<title>[A-ZÆØÅ0-9\"«»“].+)$", re.I)
_AREA_FIELD = re.compile(r"^\W{0,3}(?:indsatsområde|fokusområde|tema)\s*:\s*\S", re.I)
_NEXT_NUMBERED = re.compile(r"^\W{0,3}\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+[A-ZÆØÅ]")
_DESCRIPTION_DASH = re.compile(r"\s+[–—-]\s+(?=[a-zæøå])")  # a dash before a description in lower case
_NUMBERED_HEAD = re.compile(r"^\W{0,3}\d{1,2}(?:\.\d{1,2}){1,2}\.?\s+(?P<title>[A-ZÆØÅ].{1,80})$")
_ACTIVITY_FIELD = re.compile(r"^\W*(?:(?:formål|målgruppe|indhold|beskrivelse|aktivitetsbeskrivelse|samarbejdspartner"
                             r"|partnere|succeskriterie)\w*\s*(?:\(r\))?\s*:|(?:målgr|partn|samarb)\.\s*:|(?:hvem|hvad)\s*:\s*\S"
                             r"|(?:hvem er målgruppen|for hvem|hvad gør vi"
                             r"|hvordan|hvad er formålet)\s*\?)", re.I)


# a status report's activity: its name, a dotted leader and its status ("Jobklubben ...... GRØN")
# (the dotted leader read as a table's cell break: "Jobklubben<TAB>GRØN")
_LEADER_STATUS = re.compile(r"^\W{0,3}(?P<title>[A-ZÆØÅ\"«“][^.:\t]{1,60}?)(?:\s*\.{4,}\s*|\s*\t+\s*)" + STATUS_WORDS + r"\s*$")


# a status report's activity after its status in brackets: "[GRØN] Lektiecaféen Toften", "[Gul] Ungeguiderne"
_BRACKET_STATUS = re.compile(r"^\s*[-•*]?\s*\[\s*" + STATUS_WORDS + r"\s*\]\s+(?P<title>[A-ZÆØÅ\"«“][^\t:]{0,200}?)\s*(?::|$)")


# a project's heading or one of its fields, over its "Aktivitet:" field
_PROJECT_ABOVE = re.compile(r"\W{0,3}(?:(?:Del)?[Pp]rojekt\s+(?:[A-H]|\d{1,2})\b|Målgruppe|Maalgruppe|Formål|Formaal)")


def _labelled_heading(doc: Document, i: int, plain: list[str]) -> str | None:
    """The title of an activity heading at line ``i`` that is followed (within six
    lines) by an activity's fields, else None."""
    if ("\t" in doc.lines[i] or "...." in doc.lines[i]) and (status := _LEADER_STATUS.match(doc.lines[i])
                                                            or _LEADER_STATUS.match(_after_area(doc, doc.lines[i]))):
        title = status.group("title").strip(" \"«»“”")
        return None if NOT_ACTIVITY.match(title) or len(title.split()) > 8 else title
    if "[" in plain[i] and (status := _BRACKET_STATUS.match(plain[i])):  # "[GRØN] Lektiecaféen Toften" over its
        from samspil.loaders.extract.flat_activity_tables import _lower_target  # details: a status report's

        words = status.group("title").split(" · ")[0].split()  # activity, its light first (its details' lines
        cut = next((k for k in range(1, len(words)) if _lower_target(words, k)), len(words))  # run on after its
        title = " ".join(words[:cut]).strip(" \"«»“”,")  # name: "[GRØN] Lektiecaféen Toften børn 6-16 år · ...")
        return None if NOT_ACTIVITY.match(title) or len(title.split()) > 8 else title
    if _COUNTER_FIELD.match(plain[i]) and _TITLE_FIELD.match(next((t for t in plain[i + 1:i + 3] if t), "")):
        return None  # "4.1 Aktivitet A" over "Navn: Jobspor Syd": the form's counter, its title the field below
    m = _COUNTED_TITLE.match(plain[i]) or _LABELLED_HEAD.match(plain[i]) or _NUMBERED_HEAD.match(plain[i]) \
        or _form_title(plain, i)
    if m is None or ":" in plain[i] and _FIELD_RUN_HEAD.match(plain[i]):
        return _field_run_title(doc, i, plain[i]) or _bare_title(doc, i, plain)
    title = m.group("title").strip(" .:")
    if title[-1:] == "]":
        title = _AREA_CODE_AFTER.sub("", title)  # "Vængernes Nabohjælp [område a]": the area's code after the name
    if m.re is _LABELLED_HEAD and (dash := _DESCRIPTION_DASH.search(title)) is not None \
            and title.count("[", 0, dash.start()) == title.count("]", 0, dash.start()) \
            and title.count("(", 0, dash.start()) == title.count(")", 0, dash.start()):
        title = title[:dash.start()]  # "Aktivitet 1.1 Jobvejen – individuel jobrettet vejledning ...": its description
    first = _SENTENCE_END.split(title, 1)[0]  # "Projekt: Jobbutikken. Jobcenter Esbjerg har ..."
    title = first if first != title and len(first.split()) <= 8 else title
    if len(title.split()) > 3 and m.re is _LABELLED_HEAD and "." in m.group("title").rstrip(" :")[-80:]:
        title = run_on_title(f"{title}.").strip(" .:") or title  # "Aktivitet 2.1: Lektiecafe I samarbejde ..."
        if (cut := description_start(title.split())) is not None:  # "Sund Start Madlavning og motion ..."
            title = " ".join(title.split()[:cut])
        elif (cut := _target_start(title.split())) is not None:  # "Uddannelsesmentor Unge 16-25 år uden ...": the
            title = " ".join(title.split()[:cut])  # description opens with its target group
    words = title.split()
    if not words or len(words) > 12 or NOT_ACTIVITY.match(title) or title.endswith(".") and len(words) > 6:
        return None
    if m.re is _LABELLED_HEAD and title[:1].islower() and len(words) > 5 and _PROJECT_ABOVE.match(
            next((t for t in reversed(plain[max(0, i - 3):i]) if t), "")):
        return None  # "Aktivitet: aftenklub to gange om ugen ..." under 'Projekt A: "Klubben i Kælderen"': what it does
    following = [t for t in plain[i + 1:i + 12] if t][:6]
    if m.re is _NUMBERED_HEAD:  # (its own fields: up to the next numbered heading, "1.3 Boligafdelinger" over a list
        following = list(takewhile(lambda t: not _NEXT_NUMBERED.match(t), following))  # and "2.1 Aktivitet A")
    if not any(_ACTIVITY_FIELD.match(t) for t in following) and not _in_numbered_series(doc, m, title, plain):
        return None
    return title.strip(" \"«»“”")


def _target_start(words: list[str]) -> int | None:
    """Where a target group opens the description run onto a title ("Unge 16-25 år ..."), after its first word."""
    from samspil.loaders.extract.activity_tables import _starts_target

    return next((k for k in range(1, min(len(words) - 1, 7)) if _starts_target(words, k)), None)


# a project form's title field under its number field ("Delprojekt nr.: I.1" over "Titel: Familiehuset")
_TITLE_FIELD = re.compile(r"^\W{0,3}(?:titel|navn|overskrift)\s*:\s*(?P<title>[A-ZÆØÅ0-9\"«“].{1,80})$", re.I)
_COUNTER_FIELD = re.compile(r"^\W{0,3}(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+)?(?:(?:del)?projekt|aktivitet|indsats|tiltag|initiativ)"
                            r"\s*(?:nr\.?|nummer)?\s*:?\s*"  # (its section's number first: "4.1 Aktivitet A" over "Navn: X")
                            r"[A-ZÆØÅ0-9][A-ZÆØÅ0-9.]{0,7}\s*$", re.I)


# the two run onto one line (its breaks lost): "Aktivitet nr. 2 Navn: Forældrecaféen"
_COUNTED_TITLE = re.compile(r"^\W{0,3}(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+)?(?:(?:del)?projekt|aktivitet|indsats|tiltag|initiativ)"
                            r"\s*(?:(?:nr\.?|nummer)\s*:?\s*[A-ZÆØÅ0-9][A-ZÆØÅ0-9.]{0,7}|[A-H]\d?|\d{1,2})\s+(?:titel|navn)\s*:\s*"
                            r"(?P<title>[A-ZÆØÅ0-9\"«“].{1,80})$", re.I)  # (or "4.1 Aktivitet A Navn: X")


def _areas_by_parent(doc: Document, plain: list[str], lines: list[int]) -> dict[int, str]:
    """Line -> focus area, where an activity's heading is numbered under an area's heading
    ("Delindsats 3.1.1 Gadeplan Taulov" after "3.1 Kriminalpræventiv indsats" in the list of the areas):
    the area whose number is the activity's without its last part."""
    from samspil.loaders.extract.outline import focus_headings

    numbered = {h.number: name for h, name in focus_headings(doc)}
    out = {}
    for i in lines:
        if (m := _LABELLED_HEAD.match(plain[i])) and (n := (m.group("id") or "").rstrip(".")).count(".") >= 1 \
                and all(p.isdigit() for p in n.split(".")):
            parent = tuple(int(p) for p in n.split(".")[:-1])
            if parent in numbered:
                out[i] = numbered[parent]
    return out


def _areas_by_number(doc: Document, plain: list[str], lines: list[int]) -> dict[int, str]:
    """Line -> focus area, when every activity's heading is numbered "N.M" ("AKTIVITET 2.1
    Jobhjørnet", "Projekt II.1 Jobbutikken") and the first numbers are exactly 1 to the number of the document's focus areas:
    the N-th area as the document lists them (a form that lists its areas once, then its activities)."""
    from samspil.loaders.extract.focus_areas import ordinal

    ids = {i: m.group("id") for i in lines if (m := _LABELLED_HEAD.match(plain[i])) and m.group("id")}
    firsts = {i: int(first) if first.isdigit() else ordinal(f"{first}.") for i, n in ids.items()
              if ((first := n.split(".")[0]).isdigit() or set(first) <= set("IVX")) and "." in n.rstrip(".")}
    firsts = {i: k for i, k in firsts.items() if k}  # ("II.1": the second area, in Roman numerals)
    if len(firsts) < 2 or len(firsts) != len(lines):
        return {}
    ordered = _areas_in_text_order(doc)
    if set(firsts.values()) != set(range(1, len(ordered) + 1)):
        return {}
    return {i: ordered[k - 1] for i, k in firsts.items()}


def _areas_in_text_order(doc: Document) -> list[str]:
    """The document's focus areas in the order its text first names them (the order it counts them in)."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas

    low = doc.lower_text
    return sorted((a.name for a in extract_focus_areas(doc)), key=lambda n: low.find(n.lower()) % (len(low) + 1))


def _numbered_area(doc: Document, i: int, plain: list[str]) -> str | None:
    """The focus area a project form's number names by its first part ("Delprojekt nr.: II.1"
    -> the second of the areas, as the document counts them: "I. X", "II. Y")."""
    from samspil.loaders.extract.focus_areas import ordinal

    if not _form_title(plain, i):
        return None
    above = next((t for t in reversed(plain[max(0, i - 3):i]) if t), "")
    number = ordinal(above.split()[-1].split(".")[0].upper() + ".")
    areas = _areas_in_text_order(doc)
    return areas[number - 1] if number and number <= len(areas) else None


def _form_title(plain: list[str], i: int) -> re.Match | None:
    """The title field of a project form, right under the form's number field."""
    if not (m := _TITLE_FIELD.match(plain[i])):
        return None
    above = next((t for t in reversed(plain[max(0, i - 3):i]) if t), "")
    return m if _COUNTER_FIELD.match(above) else None


# "1.1 Jobværkstedet Status: Gennemført ...", "Aktivitet 2.3 Ungeklubben Nord Målgruppe: ...": a
# numbered activity's heading whose first field ran onto its line (its line breaks lost)
_FIELD_RUN_HEAD = re.compile(r"^\W{0,3}(?P<label>(?:(?:del)?projekt|aktivitet|indsats|tiltag)\s+)?\d{1,2}(?:\.\d{1,2}){1,2}\.?"
                             r"\s+(?P<title>[A-ZÆØÅ\"«“][^:.!?]{1,60}?)\s+(?=(?:Status|Målgruppe|Formål|Indhold|Beskrivelse"
                             r"|Samarbejdspartnere|Partnere|Ansvarlig|Tovholder)(?:\(r\)|r)?\s*:)", re.I)


def _field_run_title(doc: Document, i: int, text: str) -> str | None:
    """The title of a numbered activity heading whose first field ran onto its line, inside a
    focus area's section (or labelled "Aktivitet")."""
    from samspil.loaders.extract.sections import focus_area_at

    if ":" not in text or not (m := _FIELD_RUN_HEAD.match(text)):
        return None
    title = m.group("title").strip(" \"«»“”")
    if len(title.split()) > 8 or NOT_ACTIVITY.match(title) or not m.group("label") and focus_area_at(doc, i) is None:
        return None
    return title


def _in_numbered_series(doc: Document, m: re.Match[str], title: str, plain: list[str]) -> bool:
    """'Aktivitet 2.1: X' or 'Aktivitet: X' with a short title, when the document heads two
    or more lines with the same label (numbered, or both with a colon and no number): a
    series of activities even without their fields (a status report's "Aktivitet: X" over
    "Status: ...")."""
    if m.re is not _LABELLED_HEAD or len(title.split()) > 8:
        return False
    label = (m.group(0).split()[0].strip(" *#:").casefold(), bool(m.group("id")))
    series = doc.memo("activity_series", lambda: [
        (h.group(0).split()[0].strip(" *#:").casefold(), bool(h.group("id")))
        for t in plain if t and (h := _LABELLED_HEAD.match(t))])
    return series.count(label) >= 2


def _bare_title(doc: Document, i: int, plain: list[str]) -> str | None:
    """A title with no label or number ("Lektiecafé i Vejleå Park", a Word heading) inside
    a focus area's section, when an activity's field follows on the next line; in a line
    that lost its breaks, the title after the last sentence or list heading ("... hver tirsdag.
    Lektiecafé", "... Aktiviteter Lektiecafé")."""
    from samspil.loaders.extract.sections import focus_area_at
    from samspil.loaders.segment import starts_with_label

    text = plain[i].strip(" .")
    if len(text.split()) > 8 and not plain[i].rstrip().endswith("."):
        text = _LIST_HEAD.split(_LAST_SENTENCE.split(text)[-1])[-1]
    elif "Læs mere" in text or "ter " in text:  # "• Tryghed + Aktiviteter Lektiecafé", "Læs mereUng Kraft"
        text = _LIST_HEAD.split(text)[-1]
    words = text.split()
    if not 0 < len(words) <= 8 or not text[0].isupper() or ":" in text or plain[i].rstrip().endswith(".") \
            or _ACTIVITY_FIELD.match(text) or NOT_ACTIVITY.match(text) or starts_with_label(text):
        return None
    following = next((t for t in plain[i + 1:i + 4] if t), "")
    whole = text == plain[i].strip(" .")
    above = next((t for t in reversed(plain[max(0, i - 3):i]) if t), "")
    tag = (whole or len(plain[i + 1 if i + 1 < len(plain) else i]) > 70) and not above.endswith(":") \
        and not _PLAN_WORDS.search(text) and _card_tag(doc, i, plain) is not None  # "Gårdmændene" / "Tryghed og
    # trivsel" / "Målgruppe(r): ..." (not a label's value over the next field: "... hører under:" / "Helhedsplan X")
    if not (_ACTIVITY_FIELD.match(following) or tag) \
            or focus_area_at(doc, i) is None and not tag and outline_focus(doc, i) is None \
            and area_line_above(doc, i) is None \
            or whole and i in dict(delaftale_starts(doc)):
        return None
    if whole and i in _party_lines(doc) and i > 0 and plain[i - 1]:  # a party list's last entry, no heading
        return None
    return text


_PLAN_WORDS = re.compile(r"helhedsplan|boligsocial|aftale\b|delaftale|indsatsområde", re.I)  # a plan's title, no card


def _card_tag(doc: Document, i: int, plain: list[str]) -> str | None:
    """The focus area an activity's card names on the line under its title, with the card's
    fields right after it (a web page's or HTML export's "<h3>X</h3><p>Tryghed og trivsel</p>
    <p>Målgruppe(r): ...</p>"): one of the document's focus areas, else None."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas

    below = [(j, t) for j, t in enumerate(plain[i + 1:i + 5], i + 1) if t][:2]
    if not below:
        return None
    areas = doc.memo("focus_area_keys", lambda: {name_key(fa.name): fa.name for fa in extract_focus_areas(doc)})
    if len(below[0][1]) > 70:
        return _run_on_area(below[0][1], areas)[0]
    field = _AREA_FIELD.match(below[0][1])  # "Indsatsområde: X" under the title: the card's own field
    if not field and (len(below) < 2 or not _ACTIVITY_FIELD.match(below[1][1])):
        return None
    return areas.get(name_key(field.group(1) if field else below[0][1]))


def _run_on_area(line: str, areas: dict[str, str]) -> tuple[str | None, str]:
    """The focus area of a card's "Indsatsområde: X" field that ran on into the card's text
    (line breaks lost: "Indsatsområde: Uddannelse og livschancer Skoleelever fra 4. klasse
    ..."): one of the document's focus areas followed by a capitalised word, and the text
    after it; else (None, "")."""
    if not (m := _AREA_RUN.match(line)):
        return None, ""
    words = m.group(1).split()
    for n in range(min(len(words) - 1, 8), 0, -1):
        if words[n][:1].isupper() and (area := areas.get(name_key(" ".join(words[:n])))):
            return area, " ".join(words[n:])
    return None, ""


def _after_area(doc: Document, line: str) -> str:
    """A line's text after the focus-area field it opens with ("Indsatsområde: Tryghed og
    trivsel Beboernetværket ...... GRØN", a status report's line breaks lost), else ""."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas

    if not _AREA_RUN.match(line):
        return ""
    areas = doc.memo("focus_area_keys", lambda: {name_key(fa.name): fa.name for fa in extract_focus_areas(doc)})
    return _run_on_area(line, areas)[1]


_AREA_FIELD = re.compile(r"^\W{0,3}(?:Indsatsområde|Fokusområde|Tema)\s*:\s*(.{3,70}?)\s*\.?$", re.I)
_AREA_RUN = re.compile(r"^\W{0,3}(?:Indsatsområde|Fokusområde|Tema)\s*:\s*(.{3,})", re.I)


_LAST_SENTENCE = re.compile(r"(?<=[\wæøå)]{2}[.!?])\s+(?=[A-ZÆØÅ])|\s(?:Aktiviteter|Projekter|Indsatser)\s+(?=[A-ZÆØÅ])")
# (a web card's link glued to the next card's title: "Læs mereUng Kraft")
_LIST_HEAD = re.compile(r"(?:^|\s)(?:(?:Aktiviteter|Projekter|Indsatser)\s+|Læs mere\s*)(?=[A-ZÆØÅ])")


def _party_lines(doc: Document) -> set[int]:
    """The lines of the party lists ("Parter i delaftalen: ... Klubben X, Anna Holm (leder)")."""
    from samspil.loaders.extract.sections import party_blocks

    return doc.memo("party_lines", lambda: {j for b in party_blocks(doc) for j in b.lines})


def labelled_blocks(doc: Document) -> list[Block]:
    """Activities under headings such as 'Aktivitet 1: X' (see :data:`_LABELLED_HEAD`), each
    running to the next such heading or the next delaftale / focus-area heading."""
    from samspil.loaders.extract.sections import focus_area_at, plain_lines

    from samspil.loaders.extract.focus_areas import extract_focus_areas

    plain = plain_lines(doc)
    starts = [(i, t) for i in range(len(plain)) if plain[i] and (t := _labelled_heading(doc, i, plain))
              and (not _NUMBERED_HEAD.match(plain[i]) or focus_area_at(doc, i) is not None)]
    if starts:  # a section about a focus area ("5.1 Tryghed og trivsel", "Formål: ...") is no activity
        areas = {name_key(fa.name) for fa in extract_focus_areas(doc)}
        starts = [(i, t) for i, t in starts if name_key(t) not in areas]
    heads = sorted(h for h, _ in delaftale_starts(doc))
    by_number = _areas_by_parent(doc, plain, [i for i, _ in starts]) or _areas_by_number(doc, plain, [i for i, _ in starts])
    blocks = []
    for n, (i, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(doc.lines)
        end = next((h for h in heads if i < h < end and not (h == i + 1 and _AREA_FIELD.match(plain[h]))), end)
        # (a record's area field right under its name, "Aktivitet: X" over "Indsatsområde: Y", starts no section)
        end = _section_end(doc, i, end)
        if n + 1 == len(starts):  # the last activity ends at the plan's money or revision clause, or at the next
            end = next((j for j in range(i + 1, end) if _closing(doc.lines[j]) or _CAPS_CHAPTER.match(doc.lines[j])),
                       end)  # chapter's heading in capitals ("5 ØKONOMI (kr.) 2008 2009 ...", its line breaks lost)
        blocks.append(Block(title, i, end, _letter_area(doc, title) or _area_code_after(doc, plain[i])
                            or by_number.get(i) or _card_tag(doc, i, plain)
                            or focus_area_at(doc, i)
                            or outline_focus(doc, i) or _heading_area(doc, i) or _numbered_area(doc, i, plain)
                            or area_line_above(doc, i)))  # (a card's own area
        # first: the card above set the scope)
    return blocks


_AREA_CODE_AFTER = re.compile(r"\s*\[(?:(?:indsats)?område|omr\.|tema)?\s*([a-hA-H]|\d)\]\s*$")  # "Akt. 1 X [område a]"


def _area_code_after(doc: Document, line: str) -> str | None:
    """The area an activity's heading names by its code in square brackets at its end ("Akt. 1  Vængernes
    Nabohjælp  [område a]" under areas listed "(a) Tryghed og trivsel", ...), if the document lists one with it."""
    from samspil.loaders.extract.activity_tables import focus_code

    if line[-1:] != "]" or (code := _AREA_CODE_AFTER.search(line)) is None:
        return None
    return coded if (coded := focus_code(doc, code.group(1).upper())) != code.group(1).upper() else None


def _letter_area(doc: Document, title: str) -> str | None:
    """The area an activity's code names by the area's letter ("A.1 Jobværkstedet" under areas listed
    "A) ...", "B) ..."), if the document lists one with it."""
    from samspil.loaders.extract.activity_records import _LETTER_CODE
    from samspil.loaders.extract.activity_tables import focus_code

    if not title[:1].isupper() or (letter := _LETTER_CODE.match(title)) is None:
        return None
    return coded if (coded := focus_code(doc, letter.group(1))) != letter.group(1) else None


def _section_end(doc: Document, i: int, end: int) -> int:
    """Where the numbered section holding line ``i`` ends, when before ``end``: at the next
    numbered heading of its depth or above ("3. Personale og organisation" after the last
    activity of "2.3 X")."""
    body = doc.memo("outline_body", lambda: sorted((h for h in outline(doc) if not h.in_toc), key=lambda h: h.line))
    within = [h for h in body if h.line < i]
    if not within:
        return end
    depth = max(within, key=lambda h: h.line).depth
    return next((h.line for h in body if i < h.line < end and h.depth <= depth), end)


def _heading_area(doc: Document, i: int) -> str | None:
    """The focus area a numbered heading above line ``i`` names ("1. Tryghed og trivsel" over
    "Projekt 1.1 X"): the nearest line above that is a number and one of the document's focus
    areas, nothing else."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas
    from samspil.loaders.extract.sections import plain_lines

    areas = doc.memo("focus_area_keys", lambda: {name_key(fa.name): fa.name for fa in extract_focus_areas(doc)})
    if not areas:  # (asked once a document, not once a block)
        return None
    plain = plain_lines(doc)
    for j in range(i - 1, max(-1, i - 400), -1):
        if (m := _NUMBERED_AREA.match(plain[j])) and (area := areas.get(name_key(m.group(1)))):
            return area
    return None


_NUMBERED_AREA = re.compile(r"^\W{0,3}\d{1,2}\.?\s+([A-ZÆØÅ][^.:;!?]{2,70})$")


def area_line_above(doc: Document, i: int) -> str | None:
    """The focus area a line of its own above line ``i`` names ("Uddannelse og livschancer" over "Lektieflåden –
    lektiehjælp ..." and its fields, under "6. Aktiviteter"): the nearest such line within the chapter (a numbered
    chapter's heading above it ends the search), one of the document's focus areas, else None."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas
    from samspil.loaders.extract.sections import plain_lines

    areas = doc.memo("focus_area_keys", lambda: {name_key(fa.name): fa.name for fa in extract_focus_areas(doc)})
    if not areas:
        return None
    plain = plain_lines(doc)
    for j in range(i - 1, max(-1, i - 40), -1):
        if len(plain[j]) < 70 and (area := areas.get(name_key(plain[j].strip(" :")))):
            return area
        if _NEXT_NUMBERED.match(plain[j]):
            return None
    return None


_CAPS_CHAPTER = re.compile(NUMBERED_CAPS_HEAD)


def _closing(line: str) -> bool:
    from samspil.loaders.extract.activities import CLOSING_HEAD

    return len(line) < 90 and CLOSING_HEAD.match(line.strip()) is not None
