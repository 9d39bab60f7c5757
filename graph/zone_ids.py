"""Zone node ids: a zone that names a place is shared across plans, a generic one is not.

"Zone 1" of a plan in Vejle and "Zone 1" of Amagerplanen are two zones; "Løget By" or
"Remisevænget Nord" is the same place whichever plan names it. A *generic* zone name
names no place: a bare number or letter, or a word for a part of an area ("Zone",
"Område", "Delområde", "Afsnit", "Afdeling", "Kvarter", "Etape", ...) followed by
numbers, letters, roman numerals or compass words ("Delområde Nord"). Its node id
is scoped by the plan that names it (``zone:<plan>/zone-1``); every other zone keeps
``zone:<name>``. Called only from graph/emit.py, so the full rebuild and the
incremental update give the same ids.
"""
from __future__ import annotations

import re
from functools import lru_cache

from samspil.graph.model import node_id
from samspil.graph.names import normalise

__all__ = ["is_generic_zone", "zone_id"]

_WORD = (r"(?:zone|zoner|omraade|område|omrade|delomraade|delområde|delomrade|boligomraade|"
         r"boligområde|afsnit|afd|afdeling|del|kvarter|delkvarter|etape|blok|klynge|"
         r"area|sub ?area|district)")
_QUAL = (r"(?:\d+[a-z]?|[a-zæøå]|[ivx]+|nord|syd|øst|oest|ost|vest|midt|centrum|center|"
         r"nordøst|nordvest|sydøst|sydvest|nordoest|sydoest|første|anden|tredje|fjerde|femte)")
_GENERIC = re.compile(rf"(?:{_WORD}(?: {_QUAL})*|{_QUAL}(?: {_QUAL})*)(?: og {_QUAL})*")


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65_536)     # (10,000 plans: ~300,000 calls; the vocabulary is fixed)
def is_generic_zone(name: str) -> bool:
    """True when ``name`` names no place, only a part of some area.

    >>> [is_generic_zone(n) for n in ("Zone 1", "Zone A", "Område 2", "Delområde Nord", "3", "B")]
    [True, True, True, True, True, True]
    >>> [is_generic_zone(n) for n in ("Remisevænget Nord", "Løget By", "Valby", "Televænget I")]
    [False, False, False, False]
    >>> is_generic_zone("Afd. 50"), is_generic_zone("Afd. 463-0 Akacieparken")
    (True, False)
    """
    key = _SPACES.sub(" ", normalise(name).replace("-", " ")).strip()
    return bool(key) and _GENERIC.fullmatch(key) is not None


def zone_id(display: str, plan_id: str) -> str:
    """The node id of a zone shown as ``display`` and named by the plan ``plan_id``.

    >>> zone_id("Zone 1", "plan:amagerplanen-2026-2029")
    'zone:amagerplanen-2026-2029/zone-1'
    >>> zone_id("Løget By", "plan:amagerplanen-2026-2029")
    'zone:loget-by'
    """
    if is_generic_zone(display):
        return node_id("Zone", plan_id.split(":", 1)[-1], display)
    return node_id("Zone", display)
