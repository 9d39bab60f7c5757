"""Activities written as records: a title line with the activity's fields right under it.

Compact agreements (many short delaftaler), project databases and reports write each
activity as its name, perhaps with an id and its focus area, over its fields::

    [2.1] Gadeteam Løvbakken | Kriminalpræventiv indsats
    Målgruppe: unge 12-17 år, der færdes i området om aftenen
    Parter: SSP Herning, Midt- og Vestjyllands Politi
    Kontakt: Susanne Hald Wittrup, SSP-konsulent, ...

The target-group field right under the title, and one more of an activity's fields
(partners, contact, description, responsible) below it, make the title an activity's name
without the template's "Aktivitetsnavn:" label.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.activity_lists import NOT_ACTIVITY, Block

__all__ = ["record_blocks"]

_TARGET_FIELD = re.compile(r"^\W{0,3}(?:Målgrupper?|Målgruppe\(r\))\s*:\s*\S", re.I)  # (also in capitals)
_OTHER_FIELD = re.compile(r"^\W{0,3}(?:Parter|Partnere?|Samarbejdspartnere?|Samarbejdsparter|Kontakt\w*|Beskrivelse|Indhold"
                          r"|Ansvarlig\w*|Aktiviteter|Tidsplan|Økonomi)\s*:", re.I)
# the title's id before its name: "[2.1]", "2.1", "A1.", "B)"
_ID = re.compile(r"^\W{0,2}(?:\[[\w.]{1,6}\]|\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[A-H]\d{0,2}[.)]|[A-H]\.?\d{1,2}(?=\s+[A-ZÆØÅ]))\s+")
# ("A1 Lektiecafé": an area's letter and the item's number, its area the one the document lists as "(A) X")
_LETTER_CODE = re.compile(r"^\W{0,2}(?:(?:Projekt|Aktivitet|Delprojekt|Indsats)\s+)?([A-H]|[IVX]{1,4})\.?\d{1,2}[.)]?\s")
# (also "A.1 Jobværkstedet", "Projekt II.1 Jobbutikken": the area's letter or roman number)
_FOCUS_AFTER = re.compile(r"\s+[|]\s+|\s+[–—]\s+(?=[A-ZÆØÅ])")
_MAX_WORDS = 8
_DESCRIPTION_AFTER = re.compile(r"\s+[–—-]\s+(?=[a-zæøå])")  # a dash before a description in small letters
_RULE_OR_HEADING = re.compile(r"^\s*(?:[=_*~-]{5,}\s*$|\d{1,2}\.?\s+[A-ZÆØÅ][\wæøå]+(?:\s+og\s+[\wæøå]+)?\s*$)")
_AREA_NUMBER = re.compile(r"^(\d{1,2})\.\d{1,2}\b")  # "1.1", "[2.3]": the area's number, then the item's
# "Projekt 1 – Lektieværkstedet": a counted label, its name after the dash (read by area_items.py)
_LABEL_WORD = re.compile(r"(?i:(?:del)?projekt|aktivitet|indsats|tiltag|initiativ)\w*\s+\S{1,4}$")


def _numbered_area(doc: Document, n: int) -> str | None:
    """The document's n-th focus area ("1.1 JOBBUTIKKEN LYSBRO" under areas counted "1. ...",
    "2. ..."), when it names n or more."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas

    areas = extract_focus_areas(doc)
    return areas[n - 1].name if 0 < n <= len(areas) else None


def _area_before(doc: Document, name: str) -> str | None:
    """The document's focus area that opens ``name`` with more words after it, if any."""
    from samspil.loaders.extract.focus_areas import extract_focus_areas

    low = name.casefold()
    return next((fa.name for fa in extract_focus_areas(doc) if low.startswith(fa.name.casefold() + " ")
                 and name[len(fa.name) + 1:len(fa.name) + 2].isupper()), None)


def record_blocks(doc: Document) -> list[Block]:
    """Each titled record of an activity's fields, in document order."""
    from samspil.loaders.extract.activity_heads import area_line_above
    from samspil.loaders.extract.activity_tables import focus_code  # (it imports this module's neighbours)

    if "ålgrupp" not in doc.text and "ÅLGRUPP" not in doc.text:
        return []
    lines = doc.lines
    out: list[Block] = []
    for i, line in enumerate(lines[:-2]):
        if not line or not _TARGET_FIELD.match(lines[i + 1]) or _TARGET_FIELD.match(line) or _OTHER_FIELD.match(line):
            continue
        if not any(_OTHER_FIELD.match(t) for t in lines[i + 2:i + 6]):
            continue
        number = _AREA_NUMBER.match(line.strip(" *#[") )
        title = _ID.sub("", line.strip(" *#"))
        name, *focus = _FOCUS_AFTER.split(title, 1)
        name = _DESCRIPTION_AFTER.split(name, 1)[0].strip(" .")  # ("Lektieflåden – lektiehjælp for ...": its name)
        if not focus and (lead := _area_before(doc, name)) is not None:
            focus, name = [lead], name[len(lead):].strip()  # "Uddannelse og livschancer Lektieflåden": the area's
            # heading run onto the record's title (its line break lost)
        words = name.split()
        if not 0 < len(words) <= _MAX_WORDS or not name[0].isupper() or name.endswith(":") or ":" in name \
                or NOT_ACTIVITY.match(name) or _LABEL_WORD.match(name):
            continue
        end = next((j for j in range(i + 2, len(lines)) if not lines[j].strip() or _RULE_OR_HEADING.match(lines[j])),
                   len(lines))  # (the record ends at a blank line, a page's rule or the next chapter's heading)
        if name.isupper():  # "1.1 JOBBUTIKKEN LYSBRO": a heading in capitals, named in sentence case
            name = name[0] + name[1:].lower()
        area = focus[0].strip() if focus else _numbered_area(doc, int(number.group(1))) if number else None
        if area is None and (letter := _LETTER_CODE.match(line)) is not None:
            area = coded if (coded := focus_code(doc, letter.group(1))) != letter.group(1) else None
        if area is None:
            area = area_line_above(doc, i)  # ("Uddannelse og livschancer" on a line of its own over the records)
        out.append(Block(name, i, end, area))
    for k in range(len(out) - 1):  # records with no blank line between them: each ends at the next one's title
        out[k].end = min(out[k].end, out[k + 1].start)
    return out
