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

_TARGET_FIELD = re.compile(r"^\W{0,3}(?:Målgrupper?|Målgruppe\(r\))\s*:\s*\S")
_OTHER_FIELD = re.compile(r"^\W{0,3}(?:Parter|Partnere|Samarbejdspartnere|Samarbejdsparter|Kontakt\w*|Beskrivelse|Indhold"
                          r"|Ansvarlig\w*|Aktiviteter|Tidsplan|Økonomi)\s*:")
# the title's id before its name: "[2.1]", "2.1", "A1.", "B)"
_ID = re.compile(r"^\W{0,2}(?:\[[\w.]{1,6}\]|\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|[A-H]\d{0,2}[.)])\s+")
_FOCUS_AFTER = re.compile(r"\s+[|]\s+|\s+[–—]\s+(?=[A-ZÆØÅ])")
_MAX_WORDS = 8
# "Projekt 1 – Lektieværkstedet": a counted label, its name after the dash (read by area_items.py)
_LABEL_WORD = re.compile(r"(?i:(?:del)?projekt|aktivitet|indsats|tiltag|initiativ)\w*\s+\S{1,4}$")


def record_blocks(doc: Document) -> list[Block]:
    """Each titled record of an activity's fields, in document order."""
    if "ålgrupp" not in doc.text:
        return []
    lines = doc.lines
    out: list[Block] = []
    for i, line in enumerate(lines[:-2]):
        if not line or not _TARGET_FIELD.match(lines[i + 1]) or _TARGET_FIELD.match(line) or _OTHER_FIELD.match(line):
            continue
        if not any(_OTHER_FIELD.match(t) for t in lines[i + 2:i + 6]):
            continue
        title = _ID.sub("", line.strip(" *#"))
        name, *focus = _FOCUS_AFTER.split(title, 1)
        name = name.strip(" .")
        words = name.split()
        if not 0 < len(words) <= _MAX_WORDS or not name[0].isupper() or name.endswith(":") or ":" in name \
                or NOT_ACTIVITY.match(name) or _LABEL_WORD.match(name):
            continue
        end = next((j for j in range(i + 2, len(lines)) if not lines[j].strip()), len(lines))
        out.append(Block(name, i, end, focus[0].strip() if focus else None))
    return out
