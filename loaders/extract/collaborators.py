"""Organisations the plan's own text says it works with, outside any activity.

An older free-form helhedsplan often names no activities, only what it does and with whom:
"Helhedsplanen samarbejder med SSP Vejle og Sydøstjyllands Politi om natteravne", "Jobcenter
Vejle og helhedsplanen driver i fællesskab en jobbutik", "Der samarbejdes med Vejle
Erhvervsudvikling om praktikpladser". An organisation that no party list, partner field or
activity claims, named in a sentence that says so, is a partner of the plan (role
``partner``): otherwise it would stand in the graph linked to nothing, and the plan would
share no partner with the plans after it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from samspil.loaders.document import Document
from samspil.loaders.model import Activity, Organisation

__all__ = ["mark_collaborators"]

# a cue and the side of it a partner is named on: after "i samarbejde med", "sammen med", "et
# samarbejde mellem", "partnerskab med" (its list); before "samarbejder", "driver i fællesskab"
_AFTER_CUE = re.compile(r"\b(?:samarbejd\w*|partnerskab|sammen)\s+(?:tæt\s+)?(?:med|mellem)\b", re.I)
_BEFORE_CUE = re.compile(r"\b(?:samarbejder|samarbejdede|samarbejdet|samarbejdes|(?:driver|arbejder|står)\s+i\s+fællesskab|"
                         r"i\s+fællesskab)\b", re.I)
# the words that may stand between a cue and a name of its list (besides other names)
_FILLER_AFTER = frozenset("og samt både bl.a. blandt andet f.eks. fx eksempelvis bl a den det de lokale kommunale "
                          "lokal nære nærmeste".split())
_FILLER_BEFORE = frozenset("og samt helhedsplanen vi projektet indsatsen sekretariatet medarbejderne har i tæt "
                           "driver arbejder står allerede".split())
_WORD = re.compile(r"[\wæøåÆØÅ.]+")
_SENTENCE = re.compile(r"[^.!?]*(?:[.!?](?=\s|$)|$)")
# bodies that fund or frame every plan (Landsbyggefonden, CFBU, ministries, agencies): working
# "with" them is no partnership of the plan's own
_FRAME_TYPES = frozenset({"national_body"})


def mark_collaborators(doc: Document, orgs: list[Organisation], activities: list[Activity]) -> None:
    """Give the role ``partner`` to each merely mentioned organisation that a sentence names as
    working with the plan: in the list after "i samarbejde med" / "sammen med", or just before
    "samarbejder" / "i fællesskab".

    >>> doc = Document.from_text("p.txt", "Helhedsplanen samarbejder med SSP Vejle om natteravne. "
    ...                          "Vejle Bibliotek har åbent hver dag. Ungdomsskolen Vejle har givet os "
    ...                          "erfaring i at samarbejde med driften.\\n")
    >>> orgs = [Organisation(name=n, roles=["mentioned"])
    ...         for n in ("SSP Vejle", "Vejle Bibliotek", "Ungdomsskolen Vejle")]
    >>> mark_collaborators(doc, orgs, [])
    >>> [(o.name, o.roles) for o in orgs]
    [('SSP Vejle', ['mentioned', 'partner']), ('Vejle Bibliotek', ['mentioned']), ('Ungdomsskolen Vejle', ['mentioned'])]
    """
    candidates = [o for o in orgs if not o.is_party and not set(o.roles) - {"mentioned"}
                  and o.type not in _FRAME_TYPES]
    if not candidates:
        return
    cue_lines = [line for line, low in zip(doc.lines, doc.lower_lines)
                 if "samarbejd" in low or "fællesskab" in low or "sammen med" in low or "partnerskab" in low]
    claimed = {p for a in activities for p in a.partners}
    every_name = sorted({n for o in orgs for n in (o.name, *o.aliases) if len(n) >= 3}, key=len, reverse=True)
    text = "\n".join(cue_lines)  # (each name looked for once in the cue lines together, not in each line)
    starts = [0, *accumulate(len(line) + 1 for line in cue_lines)]
    for o in candidates:
        if o.name in claimed:
            continue
        names = [n for n in (o.name, *o.aliases) if len(n) >= 3]
        if any(_names_collaborator(cue_lines[k], names, every_name) for k in _lines_naming(text, starts, names)):
            o.roles.append("partner")


def _lines_naming(text: str, starts: list[int], names: list[str]) -> list[int]:
    """Indexes, in order, of the lines joined in ``text`` (``starts``: where each begins) that hold one
    of ``names`` (a name that runs across a line break is in no line)."""
    found: set[int] = set()
    for name in names:
        at = text.find(name)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            if at + len(name) < starts[k + 1]:  # (inside line k: its line break is at starts[k + 1] - 1)
                found.add(k)
                at = text.find(name, starts[k + 1])
            else:
                at = text.find(name, at + 1)
    return sorted(found)


def _names_collaborator(line: str, names: list[str], every_name: list[str]) -> bool:
    """Does a sentence of ``line`` name one of ``names`` on the partner side of a cue?"""
    for m in _SENTENCE.finditer(line):
        sentence = m.group(0)
        for name in names:
            for at in (k.start() for k in re.finditer(re.escape(name), sentence)):
                if any(_only_filler(sentence[c.end():at], every_name, _FILLER_AFTER)
                       for c in _AFTER_CUE.finditer(sentence, 0, at)):
                    return True
                end = at + len(name)
                if any(_only_filler(sentence[end:c.start()], every_name, _FILLER_BEFORE)
                       for c in _BEFORE_CUE.finditer(sentence, end)):
                    return True
    return False


def _only_filler(gap: str, every_name: list[str], filler: frozenset[str]) -> bool:
    """Is ``gap`` (between a cue and a name) only other names, separators and ``filler``?"""
    if len(gap) > 160:
        return False
    for n in every_name:
        gap = gap.replace(n, " ")
    return all(w.lower() in filler for w in _WORD.findall(gap))
