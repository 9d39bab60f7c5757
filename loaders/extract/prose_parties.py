"""The parties of a plan stated in a sentence, when it has no party list.

"Helhedsplanen er et samarbejde mellem A, B og C", "Aftalens parter er A, B og C",
"A har i samarbejde med B og C udarbejdet denne helhedsplan", "Bag helhedsplanen står
A og B"; a delaftale that "udmønter den strategiske samarbejdsaftale mellem A, B og C"
names the parties of the whole agreement.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.org_lists import split_party_entries
from samspil.loaders.extract.text import clean

__all__ = ["PROSE_PARTIES", "prose_party_entries"]

# Parties stated in prose when a plan has no party list.
# (the list ends at a sentence end, "om"/"for at", or a cover's colophon run onto it:
# "... og Kolding Kommune Udgivet af ByLivKolding Februar 2022")
PROSE_PARTIES = re.compile(r"\b(?:(?:et\s+)?samarbejde|[Ii]nitiativaftale|[Ss]amarbejdsaftale|[Aa]ftale|indgået|aftalt"
                           r"|underskrevet)\s+mellem\s+"
                           r"(?P<a>[A-ZÆØÅ0-9](?:[^.:;]|\.(?=\w)){3,200}?)(?=\.(?!\w)|;|$|\s+om\b|\s+for\s+(?:at|den|det|de)\b|\s+på\s+vegne\s+af\b"
                           r"|\s+(?:[Uu]dgivet|[Uu]darbejdet|[Rr]edigeret)\s+af\b)"
                           r"|\b(?i:ansøgningen|helhedsplanen|aftalen)\s+er\s+udarbejdet\s+af\s*:?\s*"
                           r"(?P<b>[A-ZÆØÅ0-9][^.;]{3,200})"
                           # "Parterne bag helhedsplanen er X og Y", "Bag helhedsplanen står X og Y",
                           # "Aftalens parter er X, Y og Z"
                           r"|\b(?i:parterne\s+(?:bag|i)\s+(?:helhedsplanen|aftalen|indsatsen)\s+er"
                           r"|(?:aftalens|helhedsplanens|samarbejdsaftalens)\s+parter\s+er"
                           r"|bag\s+(?:helhedsplanen|aftalen|indsatsen)\s+står)\s*:?\s*(?P<c>[A-ZÆØÅ0-9](?:[^.;]|\.(?=\w)){3,200}?)"
                           r"(?=\.(?!\w)|;|$|\s+for\s+(?:at|den|det|de)\b|\s+på\s+vegne\s+af\b)")


_PROSE_CUE = re.compile(r"mellem|udarbejdet|[Bb]ag (?:helhedsplanen|aftalen|indsatsen)|parter er")
# "A har i samarbejde med B og C udarbejdet denne helhedsplan": A, B and C
_PREPARED_WITH = re.compile(r"(?:^|(?<=[.:]\s))(?P<a>[A-ZÆØÅ][^.:;]{2,80}?)\s+har\s+i\s+samarbejde\s+med\s+"
                            r"(?P<b>[A-ZÆØÅ][^.:;]{3,200}?)\s+udarbejdet\s+(?:denne|den|nærværende)?\s*"
                            r"(?:boligsociale\s+)?(?:helhedsplan|plan|aftale|ansøgning)")
# the parties of the strategic agreement named in a delaftale ("udmønter samarbejdsaftalen mellem ...")
_WHOLE_AGREEMENT = re.compile(r"samarbejdsaftale|strategisk|parter", re.I)


def prose_party_entries(doc: Document) -> tuple[int, list[str], bool] | None:
    """(line, the entries, whether the sentence names the whole agreement's parties) of the
    first sentence in the opening lines that names two or more parties."""
    for i, line in enumerate(doc.lines[:80]):
        if not _PROSE_CUE.search(line):
            continue
        text = clean(line)
        whole = False
        if m := _PREPARED_WITH.search(text):
            entries = [m.group("a"), *split_party_entries(m.group("b"))]
        elif m := PROSE_PARTIES.search(text):
            entries = split_party_entries(m.group("a") or m.group("b") or m.group("c"))
            whole = bool(_WHOLE_AGREEMENT.search(text[max(0, m.start() - 12):m.start() + 30]))
        else:
            continue
        if len(entries) >= 2:
            return i, entries, whole
    return None
