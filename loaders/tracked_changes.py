"""A Word document's tracked changes and comments saved as text ("Vis markeringer" / "Show
markup" printed inline): "[Slettet: 31. december 2029][Indsat: 30. juni 2030]", "[Kommentar
[MVS1] Merete Vig Sørensen: ...]", "[Formateret: Skrifttype: Calibri, 11 pkt]".

The agreement is the text with its changes accepted: what was deleted is dropped, what was
inserted is kept without its marker, comments and formatting notes are dropped (a comment's
author is no party, a deleted contact no contact). Every line keeps its place; a line that
held only a deletion or a comment becomes empty. Danish and English markers.
"""
from __future__ import annotations

import re

__all__ = ["accept_tracked_changes"]

_DELETED = re.compile(r"\[(?:Slettet|Deleted|Fjernet)\s*:[^\[\]]*\]")
_INSERTED = re.compile(r"\[(?:Indsat|Inserted|Tilføjet)\s*:\s?([^\[\]]*)\]")
_COMMENT = re.compile(r"\[(?:Kommentar|Comment)\s*(?:\[[^\[\]]*\])?[^\[\]]*\]")
_FORMATTED = re.compile(r"\[(?:Formateret|Formatted|Formateringen er ændret)\s*:[^\[\]]*\]")
_MARKERS = ("[Slettet", "[Indsat", "[Kommentar", "[Formateret", "[Deleted", "[Inserted", "[Comment", "[Formatted",
            "[Fjernet", "[Tilføjet")


def _inserted(m: re.Match[str]) -> str:
    """An insertion's text, a space before it where it starts a word after a word ("Kors[Indsat: og X]")."""
    text, before = m.group(1), m.string[m.start() - 1:m.start()]
    return (" " if before.isalnum() and text[:1].isalnum() else "") + text


def accept_tracked_changes(lines: list[str]) -> list[str]:
    """``lines`` with their tracked changes accepted and comments dropped.

    >>> accept_tracked_changes(["Periode: 1. juli 2026 – [Slettet: 31. december 2029][Indsat: 30. juni 2030]",
    ...                         "[Kommentar [MVS1] Merete: LBF har bekræftet.]", "Røde Kors[Indsat: og Biblioteket]."])
    ['Periode: 1. juli 2026 – 30. juni 2030', '', 'Røde Kors og Biblioteket.']
    """
    text = "\n".join(lines)  # (most files: a few scans of the text in C)
    if "[" not in text or not any(m in text for m in _MARKERS):
        return list(lines)
    out = []
    for line in lines:
        if "[" in line:
            line = _FORMATTED.sub("", _COMMENT.sub("", _DELETED.sub("", line)))
            line = _INSERTED.sub(_inserted, line)
            line = re.sub(r"(?<=\S)\s{2,}(?=\S)", " ", line) if "  " in line.strip() else line
        out.append(line)
    return out
