"""Focus areas that open a paragraph, and the activities named in it.

Papers that only sum a plan up (a town council's agenda item, a web page, a newsletter)
name its focus areas where a paragraph starts, a dash or colon after the name, and the
area's activities in the same paragraph:

    Beskæftigelse – bl.a. "Jobbroen", hvor Jobcenter Odense har en fremskudt medarbejder ...
    Kriminalitetsforebyggelse: blandt andet «Tryg i Parken» i samarbejde med SSP Vejle.

A web page's list of activities under each area's heading reads alike once its markup
and line breaks are lost: the heading, then "Name – description." items run together
("... Kriminalitetsforebyggelse Ungeindsatsen – opsøgende arbejde ... . Fritidsjob – ...").

Only the focus areas the LBF regulativ names (``focus_areas.yaml``: a name a document
can be trusted to use as one) count, at a paragraph's start or after a sentence's end or
a caption ("Indsatsområder og aktiviteter"), and only when two or more of them do (a
series). Asked only when no other heading names a focus area.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.vocab import load_vocab

__all__ = ["area_paragraphs", "named_items", "paragraph_of"]

# what may stand before an area's name: nothing, a sentence's or a lead-in's end, a page
# number (a line that lost its breaks), or a caption ("Indsatsområder og aktiviteter")
_BEFORE = re.compile(r"(?:^|[.:;!?\"»”]|^\d{1,3}|(?i:indsatsområder(?:ne)?|aktiviteter(?:ne)?|indsatser(?:ne)?"
                     r"|projekter(?:ne)?|temaer(?:ne)?))\s*$")
# what follows it: a dash or a colon and its text, or the first item's "Name – "
_AFTER = re.compile(r"\s*[–—:-]\s+\S|\s+[A-ZÆØÅ\"«“][^\s–—:.]*(?:\s+[^\s–—:.]+){0,5}\s+[–—-]\s+\S")
# an item run on after a sentence's end or at its bullet (kept or lost): "Lektiecaféen Syd – lektiehjælp ... ."
_ITEM = re.compile(r"(?:^|(?<=[.!?])\s+|\s+(?=[-•▪*–]\s))(?:[-•▪*–]\s+)?([A-ZÆØÅ\"«“][^\s–—:.]*(?:\s+[^\s–—:.]+){0,5})\s+[–—]\s+(?=\S)")
_NOT_NAME = re.compile(r"^(?:Indsatsområde|Målgruppe|Formål|Kontakt|Status|Der|Det|Den|De|Vi|Helhedsplanen)\b")


def _known_areas() -> list[str]:
    vocab = load_vocab("focus_areas")
    return [n.casefold() for n in vocab.get("regulativ_2019_2026", []) + vocab.get("older", [])]


def area_paragraphs(doc: Document) -> dict[int, list[str]]:
    """Line -> the known focus areas (as the document writes them) that open a paragraph or
    a run-on item list on it, in order; empty unless two or more areas do."""
    return doc.memo("area_paragraphs", lambda: _area_paragraphs(doc))


def _area_paragraphs(doc: Document) -> dict[int, list[str]]:
    low_text = doc.lower_text
    known = [n for n in _known_areas() if n in low_text]
    if len(known) < 2:
        return {}
    found: dict[int, list[tuple[int, str]]] = {}
    for i, low in enumerate(doc.lower_lines):
        for name in known:
            k = low.find(name)
            while k >= 0:
                line = doc.lines[i]
                end = k + len(name)
                if (end == len(line) or not line[end].isalnum()) and _BEFORE.search(line, 0, k) \
                        and _AFTER.match(line, end):
                    found.setdefault(i, []).append((k, line[k:end]))
                k = low.find(name, end)
    if len({name.casefold() for hits in found.values() for _, name in hits}) < 2:
        return {}
    return {i: [name for _, name in sorted(hits)] for i, hits in found.items()}


def named_items(text: str) -> list[tuple[str, str]]:
    """(name, its text) of each "Name – description." item of a run-on list.

    >>> named_items("Lektiecaféen Syd – lektiehjælp for elever. Naboskab i Syd – fællesspisning og fester.")
    [('Lektiecaféen Syd', 'Lektiecaféen Syd – lektiehjælp for elever.'), ('Naboskab i Syd', 'Naboskab i Syd – fællesspisning og fester.')]
    """
    if "–" not in text and "—" not in text:
        return []
    text = text.strip()
    hits = [m for m in _ITEM.finditer(text) if not _NOT_NAME.match(m.group(1))]
    out = []
    for n, m in enumerate(hits):
        end = hits[n + 1].start(1) if n + 1 < len(hits) else len(text)
        name = m.group(1).strip(" \"«»“”")
        if sum(w[:1].islower() for w in name.split()) <= 2:
            out.append((name, text[m.start(1):end].strip()))
    return out


PARAGRAPH_CHARS, PARAGRAPH_SENTENCES = 600, 3  # an area's paragraph in a summary: a few sentences
_SENTENCE_END = re.compile(r"(?<=[\wæøå)\"”»]{2}[.!?])\s+(?=[A-ZÆØÅ])")


def paragraph_of(text: str) -> str:
    """``text`` up to the end of its third sentence, within PARAGRAPH_CHARS characters (the
    area's paragraph, when the text after it ran on)."""
    if len(text) <= 200:
        return text
    ends = [m.start() for m in _SENTENCE_END.finditer(text, 0, PARAGRAPH_CHARS)][:PARAGRAPH_SENTENCES]
    if len(ends) < PARAGRAPH_SENTENCES and len(text) <= PARAGRAPH_CHARS:
        return text
    return text[:ends[-1]] if ends else text[:PARAGRAPH_CHARS]
