"""Whether an organisation's name is a bare common noun (graph/resolve.py: two such names
of different documents link only with corroboration).
"""
from __future__ import annotations

import re

__all__ = ["common_noun", "noun"]


_DEFINITE = re.compile(r"^[A-ZÆØÅ][a-zæøåé-]{3,}(?:en|et|ne|erne)$")


def common_noun(name: str) -> bool:
    """A bare common noun in its definite form ("Lektiecaféen", "Socialforvaltningen",
    "Fritidsklubben"): every plan has one of its own, so the name alone does not say
    two plans mean the same organisation. Names the gazetteer knows are proper names
    ("Landsbyggefonden").

    A magistratsafdeling named by its fields ("Børn og Unge", "Teknik og Miljø"): every
    municipality has one of that name.

    >>> common_noun("Socialforvaltningen"), common_noun("Landsbyggefonden"), common_noun("Kvartershuset")
    (True, False, True)
    >>> common_noun("Børn og Unge"), common_noun("Red Barnet og Unge")
    (True, False)
    >>> common_noun("Center for Dagtilbud og Skole"), common_noun("Børn, Unge og Familie")
    (True, True)
    """
    fixed_og_pair, known_organisation, is_topic_name = _noun_helpers or _import_noun_helpers()
    name = name.strip()
    words = name.split()
    if 3 <= len(words) <= 4 and words[-2] == "og" and fixed_og_pair(words[-3], words[-1]):
        return True
    if "," in name and " og " in name and is_topic_name(name):  # "Børn, Unge og Familie"
        return True
    if (unit := _UNIT_FOR.match(name)) and is_topic_name(unit.group(1)):  # "Center for Dagtilbud og Skole"
        return True
    return bool(_DEFINITE.match(name)) and known_organisation(name) is None


# a unit named by what it is for: every municipality has a "Center for Børn og Familie"
_UNIT_FOR = re.compile(r"^(?:Center|Centret|Centeret|Afdeling(?:en)?|Team(?:et)?|Enhed(?:en)?|Sekretariat(?:et)?"
                       r"|Området|Område)\s+for\s+(.+)$", re.I)


_noun_helpers: tuple = ()


def _import_noun_helpers() -> tuple:
    """:func:`common_noun`'s helpers, imported on its first call (it is called for every
    candidate pair: an import statement per call was ~2% of a full load)."""
    global _noun_helpers
    from samspil.loaders.extract.org_lists import fixed_og_pair
    from samspil.loaders.extract.unit_topics import is_topic_name
    from samspil.loaders.gazetteer import known_organisation
    _noun_helpers = (fixed_og_pair, known_organisation, is_topic_name)
    return _noun_helpers


_nouns: dict[str, bool] = {}


def noun(name: str) -> bool:
    """:func:`common_noun`, once per name (a pure function of it; a recurring partner's
    name is asked about for each of its thousands of entities)."""
    hit = _nouns.get(name)
    if hit is None:
        if len(_nouns) > 100_000:
            _nouns.clear()
        hit = _nouns[name] = common_noun(name)
    return hit
