"""The plan's name where a web page's breadcrumb trail or a board paper's subject line
gives it.

A municipality's web page opens with its breadcrumb trail ("Forside > Boligsocialt
arbejde > Helhedsplan Solhaven 2023-2026"); a committee's or board's paper with the
item's subject ("Punkt 7: Godkendelse af helhedsplan for Nørrevang 2019-2022", "Sag:
Boligsocial helhedsplan for Sølyst", "Emne – ..."). Neither line is the plan's title, but
both name the area the plan is for, and the area is the plan's name. Asked before the
cover's title (plan.py); a document whose first lines hold neither form pays a few
literal tests.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document

__all__ = ["crumb_or_subject_name"]

HEAD_LINES = 15  # both forms sit at the very top
HEAD_CHARS = 700  # of a line (a web copy that lost its line breaks has them in its first line)
_CRUMB_SEPARATOR = re.compile(r"\s(?:>|›|»|→|&gt;)\s")
# "Punkt 7:", "Pkt. 4 -", "Sag:", "Sagens titel:", "Emne:", "Vedr.:", "Dagsordenspunkt 3 –", "Titel:"
_SUBJECT = re.compile(r"(?:^|(?<=\s))(?:Punkt|Pkt\.|Dagsordenspunkt|Beslutningspunkt|Sag(?:ens titel)?|Emne|Vedr\.?"
                      r"|Vedrørende|Titel|Overskrift)\s*(?:nr\.\s*)?(?:\d{0,3}\.?\s*[:–—-]|(?<=[Pp]unkt)\s\d{1,3}\.(?=\s))\s*", re.I)
# the plan word, then the area ("helhedsplan for Nørrevang", "Helhedsplan Solhaven",
# "den boligsociale indsats i Sølyst")
_PLAN_AREA = re.compile(r"\b(?:(?:den\s+)?boligsociale?\s+)?(?:helhedsplan(?:en)?|indsats(?:en)?"
                        r"|(?:strategisk(?:e)?\s+)?samarbejdsaftale(?:n)?)"  # ("... samarbejdsaftale – Trygt Hjem 2024-2028")
                        r"(?:\s+(?:for|i|på|om))?(?:\s+[–—-])?\s+(?=[«\"“„]?[A-ZÆØÅ])", re.I)
# the plan's name in quotes after the plan word ('helhedsplan "Grenaa Vest – Sammen om hverdagen"')
_QUOTED = re.compile(r'[«"“„]([A-ZÆØÅ][^«»"“”„]{2,80})[»"”“]')
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_AREA_WORD = re.compile(r"[A-ZÆØÅ][\wæøåÆØÅ'’.-]*|og|i|ved|på|&")
# words that open what follows the subject on a board paper (when the line breaks are lost)
_STOP_WORDS = frozenset("Resumé Resume Sagsnr Sagsnr. Sagsfremstilling Indstilling Baggrund Beslutning Bilag "
                        "Sammenfatning Beskrivelse Forside Læs Helhedsplanen Helhedsplan Den Det Der".split())


def crumb_or_subject_name(doc: Document) -> tuple[str, str, int] | None:
    """(area, the plan as the line names it, line) of a breadcrumb trail or a board paper's
    subject naming a plan among the first lines, else None."""
    return doc.memo("plan:crumb_or_subject", lambda: _find(doc))


def _find(doc: Document) -> tuple[str, str, int] | None:
    for i, line in enumerate(doc.lines[:HEAD_LINES]):
        head = line[:HEAD_CHARS]
        if "<" in head:
            head = _TAG.sub(" ", head)  # "<nav>Forside > ... </nav>"
        if "elhedsplan" not in head and "ELHEDSPLAN" not in head and "ndsats" not in head \
                and "amarbejdsaftale" not in head:
            continue
        crumb = _crumb(head) if ">" in head or "›" in head or "»" in head or "→" in head else None
        found = crumb or (_subject(head) if ":" in head or "–" in head or "-" in head else None)
        if found is not None:
            if crumb is not None and (titled := _titled_below(doc, i, found[1])) is not None:
                return titled  # the page's title under the trail names the plan after the crumb's words
            return (*found, i)
    return None


def _titled_below(doc: Document, i: int, crumb: str) -> tuple[str, str, int] | None:
    """(name, title, line) of a page title under a breadcrumb trail that repeats the last crumb and
    names the plan after a dash ("Forside > ... > Boligsocial indsats i Ry" over "Boligsocial indsats
    i Ry – Broerne i Ry": "Broerne i Ry"), else None."""
    for j in range(i + 1, min(i + 4, len(doc.lines))):
        line = doc.lines[j].strip()
        if line.startswith(crumb) and (m := _AFTER_DASH.fullmatch(line, len(crumb))) \
                and 1 <= len(m.group(1).split()) <= 6:
            return m.group(1), line, j
    return None


_AFTER_DASH = re.compile(r"\s+[–—-]\s+([A-ZÆØÅ«»\"“][^–—.:;]{1,60}?)\s*")


def _crumb(text: str) -> tuple[str, str] | None:
    """'Forside > Boligsocialt arbejde > Helhedsplan Solhaven 2023-2026' -> Solhaven."""
    seps = list(_CRUMB_SEPARATOR.finditer(text))
    if len(seps) < 2:
        return None
    last = text[seps[-1].end():]
    if (titled := _CRUMB_TITLE.match(last)) is not None:  # "› X X – ny boligsocial helhedsplan"
        return titled.group("name"), titled.group("name")
    return _area(last)


# the last crumb, then the page's title naming it a plan ("Vinderød Forbundet – ny boligsocial
# helhedsplan"), the crumb repeated when the page's line breaks are lost
_CRUMB_TITLE = re.compile(r"(?P<name>[A-ZÆØÅ][\wæøåÆØÅ'’.-]*(?:\s+(?:[A-ZÆØÅ][\wæøåÆØÅ'’.-]*|og|i|på)){0,4}?)"
                          r"\s+(?:(?P=name)\s+)?[–—-]\s+(?:en\s+|vores\s+)?(?:nye?\s+)?boligsociale?\s+(?:indsats|helhedsplan)\b")


def _subject(text: str) -> tuple[str, str] | None:
    """'Punkt 7: Godkendelse af helhedsplan for Nørrevang 2019-2022' -> Nørrevang."""
    m = _SUBJECT.search(text)
    if m is None:
        return None
    return _area(text[m.end(): m.end() + 160])


def _area(text: str) -> tuple[str, str] | None:
    """(area, the plan word and the area) after the plan word near the start of ``text``:
    capitalised words (and the small words between them), up to a year, a lower-case word
    or a board paper's heading."""
    for m in _PLAN_AREA.finditer(text[:90]):  # ("samarbejdsaftale for boligsocial helhedsplan "X"": the later one)
        if (found := _area_after(text, m)) is not None:
            return found
    return None


def _area_after(text: str, m: re.Match[str]) -> tuple[str, str] | None:
    if (quoted := _QUOTED.match(text, m.end())) is not None and len(quoted.group(1).split()) <= 8:
        return quoted.group(1).strip(), " ".join(text[m.start(): quoted.end()].split())
    words: list[str] = []
    for w in text[m.end():].split()[:8]:
        bare = w.rstrip(",;:)")
        if not _AREA_WORD.fullmatch(bare) or bare.rstrip(".") in _STOP_WORDS or words and bare == words[0]:
            break  # (the page's title repeating the crumb, when the line breaks are lost)
        words.append(bare)
        if bare != w:
            break  # "Skovparken, perioden 2022-2025"
    while words and not words[-1][:1].isupper():
        words.pop()  # "Nørrevang og" before a year
    area = " ".join(words).strip(" ,.–-")
    if words and words[-1].endswith(".") and len(words[-1]) > 5:
        area = area.rstrip(".")  # a sentence's full stop, not an abbreviation ("Kgs.")
    if not 1 <= len(words) <= 5:
        return None
    named = " ".join(text[m.start(): m.end()].split() + [area])
    return area, named[:1].upper() + named[1:]
