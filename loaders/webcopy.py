"""The page around an agreement that was copied from a document-sharing website.

Agreements found on the web are often read on sites that show a PDF's text as a
"transcript" (docplayer.dk and its siblings): the copy then opens with the site's
chrome ("Save this PDF as:", "WORD PNG TXT JPG", "Størrelse: px", "Starte visningen
fra side:", 'Download "<title>"', "Transkript") and may end with other documents'
titles and first lines ("Lignende dokumenter", "Relaterede dokumenter", "Similar
documents"). Those other documents name other plans' parties and activities, so the
tail is dropped; so is the head but for its first line, the document's title. Only
a copy that has the site's "Transkript" line under its chrome is touched. A copy
whose line breaks were lost holds the same chrome inside its first line: the span
from "Save this PDF as:" to "Transkript" is cut out there, and the other documents
from "Lignende dokumenter" on.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["accordion_heads", "split_read_more", "strip_web_wrapper"]

_TRANSCRIPT = re.compile(r"^\s*(?:Transkript|Transcript|Afskrift)\s*$", re.I)
_CHROME = re.compile(r"^\s*(?:Save this PDF as|Gem denne PDF som|Størrelse|Size|Starte visningen|Start display|Download\b)",
                     re.I)
_OTHER_DOCUMENTS = re.compile(r"^\s*(?:Lignende|Relaterede|Andre|Similar|Related)\s+(?:dokumenter|documents)\s*:?\s*$",
                              re.I)
HEAD_LINES = 40  # the chrome sits at the very top
_INLINE_CHROME = re.compile(r"\s*\b(?:Save this PDF as|Gem denne PDF som)\s*:.{0,600}?\b(?:Transkript|Transcript|Afskrift)\b\s*",
                            re.I | re.S)
_INLINE_OTHERS = re.compile(r"\s*\b(?:Lignende|Relaterede|Similar|Related)\s+(?:dokumenter|documents)\b\s*:?\s.*$",
                            re.I | re.S)


def strip_web_wrapper(lines: Sequence[str], origins: Sequence) -> tuple[list[str], list]:
    """``lines`` without a document-sharing site's head and its list of other documents.

    >>> strip_web_wrapper(["Title", "Save this PDF as:", "Transkript", "1 Aftalens parter: A",
    ...                    "Lignende dokumenter", "Other plan Aftalens parter: B"], list(range(6)))
    (['Title', '1 Aftalens parter: A'], [0, 3])
    """
    top = next((k for k, line in enumerate(lines[:HEAD_LINES]) if _TRANSCRIPT.match(line)), None)
    if top is None:
        return _strip_inline(lines, origins)
    if not any(_CHROME.match(line) for line in lines[:top]):
        return list(lines), list(origins)
    end = next((k for k in range(top + 1, len(lines)) if _OTHER_DOCUMENTS.match(lines[k])), len(lines))
    title = [0] if lines[0].strip() and not _CHROME.match(lines[0]) else []  # the site's title line
    keep = title + list(range(top + 1, end))
    return [lines[k] for k in keep], [origins[k] for k in keep]


def _strip_inline(lines: Sequence[str], origins: Sequence) -> tuple[list[str], list]:
    """The same for a copy whose line breaks were lost: the chrome inside one of the
    first lines, and the other documents after it (only when the chrome was there).

    >>> strip_web_wrapper(["1 Title Save this PDF as: WORD Download Title Transkript 1 Aftalens parter: A "
    ...                    "Lignende dokumenter Other plan"], [0])
    (['1 Title 1 Aftalens parter: A'], [0])
    """
    k = next((k for k, line in enumerate(lines[:HEAD_LINES]) if _INLINE_CHROME.search(line)), None)
    if k is None:
        return list(lines), list(origins)
    out = list(lines)
    chrome = _INLINE_CHROME.search(out[k])
    head = out[k][:chrome.start()]
    out[k] = out[k][chrome.end():]  # (the site's "Related documents" heading can stand in its
    # chrome, above the transcript: only what follows the transcript counts)
    end = next((j for j in range(k, len(out)) if _INLINE_OTHERS.search(out[j])), len(out) - 1)
    out[end] = _INLINE_OTHERS.sub("", out[end])
    out[k] = f"{head} {out[k]}".strip()
    return out[:end + 1], list(origins[:end + 1])


# a card's "Læs mere" link glued to the next card's title when a web page is copied ("Læs mereUng Kraft")
_READ_MORE_GLUED = re.compile(r"^(?:Læs mere|Se mere|Læs videre|Read more)(?=[A-ZÆØÅ0-9\"«])")


def split_read_more(line: str) -> list[str]:
    """A copied web page's line that opens with a card's "Læs mere" link glued to the next
    card's title: the link and the title on lines of their own.

    >>> split_read_more("Læs mereUng Kraft"), split_read_more("Læs mere om planen")
    (['Læs mere', 'Ung Kraft'], ['Læs mere om planen'])
    """
    if (link := _READ_MORE_GLUED.match(line)) is None:
        return [line]
    return [link.group(0), line[link.end():]]


# a web page's folded sections ("accordions"), each head marked "+": "+ Uddannelse og livschancer" over the
# section's text (not "►", "›": bullets and a page's jump list)
_ACCORDION = re.compile(r"^(\s*)\+(?: |\u00a0)(?=[A-ZÆØÅ][\wæøå])")


def accordion_heads(lines: Sequence[str]) -> list[str]:
    """``lines`` with the marks of a web page's folded sections taken off their heads, so a head
    reads as the heading it is; only where two or more short lines are marked so.

    >>> accordion_heads(["+ Uddannelse og livschancer", "  – Lektier på Broen: for skolebørn",
    ...                  "+ Sammenhængskraft og medborgerskab", "+ 9 beboere"])
    ['Uddannelse og livschancer', '  – Lektier på Broen: for skolebørn', 'Sammenhængskraft og medborgerskab', '+ 9 beboere']
    """
    marked = [k for k, line in enumerate(lines) if line[:1] in "+ " and len(line) < 90 and _ACCORDION.match(line)]
    if len(marked) < 2:
        return list(lines)
    out = list(lines)
    for k in marked:
        out[k] = _ACCORDION.sub(r"\1", out[k], 1)
    return out
