"""Fields written "Label — value" (an em dash for the colon), read as "Label: value".

Some agreements set their fields as a definition list with dashes::

    Delaftalens parter — Boligforeningen Egelunden — Albertslund Kommune, Børn og Skole —
                         Albertslund Bibliotek
    Afdelinger — Egelunden afd. 3 Vridsløsehaven — 356 lejemål
               — Tueholm afd. 8 Holsbjerghusene — 214 lejemål
    Aktivitetsnavn — Sprogstart — for de mindste

In a text with three or more such lines whose label is one the agreements use, each
such line (any label of up to six words) becomes "Label: value" with the dashes inside its value commas (in an activity's name
the first one a name's dash: "Sprogstart – for de mindste"), a line that goes on with
a dash below it an item of its own, and an indented line that wraps the value commas
for its dashes. Nothing else is touched.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["dash_label_lines"]

_LABEL = re.compile(r"^(?P<label>[A-ZÆØÅ][\wæøå()'.,/-]*(?:\s+[\wæøå()'.,/-]+){0,5})\s+—\s+(?=\S)")
_KNOWN = re.compile(r"aktivitet|målgruppe|partner|parter\b|periode|indsatsområde|kontakt|afdeling|helhedsplan"
                    r"|delaftale|formål|finansiering|underskrevet|boligorganisation|kommune", re.I)
_NAME_LABEL = re.compile(r"^(?:aktivitetsnavn|aktivitet|navn på aktivitet(?:en)?|projekt(?:navn)?)$", re.I)
MIN_LINES = 3


def dash_label_lines(lines: Sequence[str]) -> list[str]:
    """``lines`` with their "Label — value" fields as "Label: value" (see the module's doc)."""
    if "—" not in "".join(lines[:300]):
        return list(lines)
    labelled = {k: m for k, line in enumerate(lines) if (m := _LABEL.match(line))}
    if sum(1 for m in labelled.values() if _KNOWN.search(m.group("label"))) < MIN_LINES:
        return list(lines)
    out = list(lines)
    labels = set(labelled)
    in_field = False
    for k, line in enumerate(lines):
        if k in labels:
            m = _LABEL.match(line)
            value = line[m.end():].rstrip()
            if _NAME_LABEL.match(m.group("label")):
                value = value.replace(" — ", " – ", 1)
            elif "eriode" in m.group("label"):
                value = value.replace(" — ", " – ")  # "1. januar 2025 — 31. december 2028"
            out[k] = f"{m.group('label')}: {_commas(value)}"
            in_field = True
        elif in_field and line[:1] in " \t" and line.strip():
            text = line.strip()
            out[k] = "• " + _commas(text[1:].strip()) if text.startswith("—") else _commas(text)
        else:
            in_field = False
    return out


def _commas(value: str) -> str:
    return re.sub(r"\s+—\s*$", ",", re.sub(r"\s+—\s+", ", ", value))
