"""An administration area named by its topics: "Børn, Unge og Familie", "Kultur, Fritid og
Borgerservice", "Ældre og Sundhed", "Center for Dagtilbud og Skole" (session 15).

Capitalised topic words (vocabulary ``unit_topics`` in organisations.yaml) listed with commas
and a final "og" name one municipal unit, not one organisation per word; a known focus area's
name ("Børn, Unge og Familier") is a heading, not a unit. Used by org_lists (party lists),
person_units and contacts (a contact's unit, a title "direktør for X, Y og Z"), run_candidates
(running text) and graph/resolve (such units are common nouns across municipalities).
"""
from __future__ import annotations

import re
from functools import lru_cache

from samspil.loaders.vocab import load_vocab

__all__ = ["is_focus_area_name", "is_topic_name", "is_topic_series", "is_unit_topic", "join_topic_series"]


_FOR_TOPIC_END = re.compile(r"\sfor\s+[A-ZÆØÅ][a-zæøå]+$")


def join_topic_series(parts: list[str]) -> list[str]:
    """'Børn', 'Unge og Familie' -> 'Børn, Unge og Familie': single topic words before a
    topic pair are one administration area's name, not a list of organisations.

    >>> join_topic_series(["Odense Kommune", "Kultur", "Fritid og Borgerservice", "Lejerbo"])
    ['Odense Kommune', 'Kultur, Fritid og Borgerservice', 'Lejerbo']
    """
    out: list[str] = []
    k = 0
    while k < len(parts):
        j = k + 1 if _FOR_TOPIC_END.search(parts[k]) else k  # "direktør for Børn", "Kultur og Sundhed"
        while j < len(parts) and is_unit_topic(parts[j]) and " " not in parts[j]:
            j += 1
        if j > k and j < len(parts) and is_topic_series(parts[j]):
            out.append(", ".join(parts[k:j + 1]))
            k = j + 1
        else:
            out.append(parts[k])
            k += 1
    return out


def is_unit_topic(word: str) -> bool:
    """A capitalised topic word of an administration area's name ("Ældre", "Borgerservice";
    vocabulary ``unit_topics``).

    >>> is_unit_topic("Ældre"), is_unit_topic("ældre"), is_unit_topic("Lejerbo")
    (True, False, False)
    """
    return word[:1].isupper() and word.casefold() in _unit_topics()


@lru_cache(maxsize=1)
def _unit_topics() -> frozenset[str]:
    return frozenset(str(w).casefold() for w in load_vocab("organisations").get("unit_topics", []) or [])


def is_topic_name(text: str) -> bool:
    """Is ``text`` only an administration area's topics ("Dagtilbud og Skole", "Børn, unge og
    familie"), as a unit named by what it is for is ("Center for Dagtilbud og Skole")?

    >>> is_topic_name("Dagtilbud og Skole"), is_topic_name("Børn, unge og familie"), is_topic_name("Red Barnet")
    (True, True, False)
    """
    words = [w for w in re.split(r"[\s,]+", text.strip()) if w and w not in ("og", "&")]
    return bool(words) and all(w.casefold() in _unit_topics() for w in words)


def is_focus_area_name(name: str) -> bool:
    """A focus area the LBF rounds name ("Børn, Unge og Familier", "Uddannelse og Beskæftigelse"):
    a heading of the plan, not an administration area's unit.

    >>> is_focus_area_name("Børn, Unge & Familier"), is_focus_area_name("Børn, Unge og Familie")
    (True, False)
    """
    return " ".join(name.replace("&", "og").casefold().split()) in _focus_area_names()


@lru_cache(maxsize=1)
def _focus_area_names() -> frozenset[str]:
    vocab = load_vocab("focus_areas")
    names = [*vocab.get("regulativ_2019_2026", []), *vocab.get("older", [])]
    names += [v for variants in (vocab.get("synonyms", {}) or {}).values() for v in variants]
    return frozenset(str(n).casefold() for n in names)


def is_topic_series(part: str) -> bool:
    """'Unge og Familie', 'Plan og Miljø': an administration area's name ends its comma list."""
    words = part.split()
    return len(words) == 3 and words[1] in ("og", "&") and is_unit_topic(words[0]) and is_unit_topic(words[2])
