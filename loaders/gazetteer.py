"""Gazetteers: known Danish places, organisations and first names, for extraction.

The data are vocabulary files under ``loaders/vocab/`` (loaded, merged with a
user's ``SAMSPIL_VOCAB_DIR`` and validated like the others; a bad file raises
:class:`~samspil.loaders.errors.VocabularyError` naming it):

- ``municipalities.yaml``: the 98 kommuner, their spellings and the pre-2007
  municipalities each was formed from;
- ``towns.yaml``: towns (byer) and districts (bydele, housing areas) -> municipality;
- ``police_districts.yaml``: the 12 politikredse and the municipalities they cover;
- ``housing_organisations.yaml`` and ``national_bodies.yaml``: known
  organisations with abbreviations and SCHEMA.md types;
- ``first_names.txt``: first names used in Denmark (``scripts/build_first_names.py``).

Every table is built once (cached); a look-up is one dictionary access on the
folded name (:func:`samspil.loaders.folding.fold`, hyphens as spaces), and a
text scan is one pass of a regular expression compiled once from a trie of
the known names. Abbreviations (no lower-case letter, or four letters or fewer)
match only as written: "KAB" is KAB, "kab" is not.

>>> municipality("randers kommunes"), municipality("Århus"), municipality("Korsør Kommune")
('Randers Kommune', 'Aarhus Kommune', 'Slagelse Kommune')
>>> find_municipalities("i samarbejde med Københavns Kommune og Bornholms Regionskommune")
[(17, 35, 'Københavns Kommune'), (39, 63, 'Bornholms Regionskommune')]
>>> municipality_of_town("Gellerup"), police_district("Politikreds Fyn")
('Aarhus Kommune', 'Fyns Politi')
>>> known_organisation("LBF"), known_organisation("lbf")
(('Landsbyggefonden', 'national_body'), None)
>>> is_first_name("Mette"), is_first_name("Boligforeningen")
(True, False)
"""
from __future__ import annotations

import re
from functools import lru_cache

from samspil.loaders.gazetteer_data import (
    Organisations, Places, key, load_first_names, load_organisations, load_places, trie_pattern,
)

__all__ = [
    "key", "municipality", "municipalities", "find_municipalities", "municipality_of_town", "region_of",
    "police_district", "police_district_municipalities", "police_district_of",
    "known_organisation", "find_known_organisations", "is_first_name", "clear_caches",
]

_KOMMUNE_WORDS = ("regionskommunes", "regionskommune", "kommunens", "kommunes", "kommune", "kommunen")


@lru_cache(maxsize=1)
def _places() -> Places:
    return load_places()


@lru_cache(maxsize=1)
def _organisations() -> Organisations:
    return load_organisations()


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    return load_first_names()


def clear_caches() -> None:
    """Forget the loaded tables (after the vocabulary files or SAMSPIL_VOCAB_DIR changed)."""
    from samspil.loaders.vocab import load_vocab, vocab_layers

    load_vocab.cache_clear()
    vocab_layers.cache_clear()
    for f in (_places, _organisations, _first_names, _municipality_regex, _organisation_regex, municipality):
        f.cache_clear()


# -- municipalities ---------------------------------------------------------------------------

def municipalities() -> list[str]:
    """The canonical names of the 98 municipalities, in file order."""
    return list(_places().regions)


def region_of(canonical: str) -> str | None:
    """The region ("Midtjylland") of a municipality given by any of its names."""
    name = municipality(canonical)
    return _places().regions.get(name) if name else None


@lru_cache(maxsize=20_000)
def municipality(name: str) -> str | None:
    """The canonical municipality ("Randers Kommune") that ``name`` denotes, or None.

    Accepts the canonical name, a stem ("Randers"), any case, the genitive
    ("Randers kommunes", "Københavns Kommune"), old spellings ("Århus") and the
    pre-2007 municipalities (mapped to their successor).

    >>> municipality("Høje Taastrup"), municipality("Bornholms Regionskommune"), municipality("Kommunen")
    ('Høje-Taastrup Kommune', 'Bornholms Regionskommune', None)
    """
    index = _places().municipality_index
    k = key(name)
    if k in index:
        return index[k]
    head, _, last = k.rpartition(" ")
    if last in _KOMMUNE_WORDS and head:
        k = head
        if k in index:
            return index[k]
    if k.endswith("s") and len(k) > 2:
        return index.get(k[:-1])
    return None


@lru_cache(maxsize=1)
def _municipality_regex() -> re.Pattern[str]:
    places = _places()
    current = trie_pattern(places.current_stems, ignore_case=True)
    former = trie_pattern(places.former_stems, ignore_case=False)
    suffix = r"(?:s)?[ \t]*\n?[ \t]*(?:[Rr]egions)?[Kk]ommune(?:ns|s)?(?!\w)"
    return re.compile(
        rf"(?<!\w)(?:(?P<stem>(?i:{current})|{former}){suffix}"
        rf"|[Kk]ommune:[ \t]*(?P<after>(?i:{current})|{former})(?!\w))")


def find_municipalities(text: str) -> list[tuple[int, int, str]]:
    """Every "<name> Kommune" (any case, genitive, Regionskommune) and "Kommune: <name>" in ``text``,
    as (start, end, canonical name).

    >>> find_municipalities("Randers kommunes påtegning; Kommune: Aalborg; Skælskør Kommune")
    [(0, 16, 'Randers Kommune'), (28, 44, 'Aalborg Kommune'), (46, 62, 'Slagelse Kommune')]
    """
    index = _places().municipality_index
    found = []
    for m in _municipality_regex().finditer(text):
        stem = m.group("stem") or m.group("after")
        canonical = index.get(key(stem))
        if canonical:
            found.append((m.start(), m.end(), canonical))
    return found


# -- towns and police districts ---------------------------------------------------------------

def municipality_of_town(town: str) -> str | None:
    """The municipality of a town or district ("Vollsmose" -> "Odense Kommune");
    None when unknown or when towns of that name lie in several municipalities."""
    return _places().towns.get(key(town))


def police_district(name: str) -> str | None:
    """The canonical police district ("Fyns Politi") that ``name`` denotes, or None."""
    return _places().police_index.get(key(name))


def police_district_municipalities(name: str) -> list[str]:
    """The municipalities a police district (any of its names) covers; [] when unknown."""
    canonical = police_district(name)
    return list(_places().police[canonical]) if canonical else []


def police_district_of(name: str) -> str | None:
    """The police district that covers a municipality (any of its names)."""
    canonical = municipality(name)
    return _places().police_of.get(canonical) if canonical else None


# -- organisations ----------------------------------------------------------------------------

def known_organisation(name: str) -> tuple[str, str] | None:
    """(canonical name, SCHEMA.md type) of a known housing organisation, national
    body or foundation, by its name or abbreviation; abbreviations only as written."""
    orgs = _organisations()
    exact = orgs.exact.get(" ".join(name.split()))
    if exact:
        return exact
    return orgs.folded.get(key(name))


@lru_cache(maxsize=1)
def _organisation_regex() -> re.Pattern[str]:
    orgs = _organisations()
    folded = trie_pattern(orgs.surface_folded, ignore_case=True)
    exact = trie_pattern(orgs.surface_exact, ignore_case=False)
    return re.compile(rf"(?<![\w-])(?:(?P<f>(?i:{folded}))|(?P<e>{exact}))(?![\w-])")


def find_known_organisations(text: str) -> list[tuple[int, int, str, str]]:
    """Known organisations named in ``text``, as (start, end, canonical, type), longest first at
    each place, whole words only.

    >>> find_known_organisations("Lejerbo og AAB, med støtte fra Landsbyggefonden (LBF)")
    [(0, 7, 'Lejerbo', 'housing_organisation'), (11, 14, 'Arbejdernes Andels Boligforening', \
'housing_organisation'), (31, 47, 'Landsbyggefonden', 'national_body'), (49, 52, 'Landsbyggefonden', \
'national_body')]
    """
    orgs = _organisations()
    found = []
    for m in _organisation_regex().finditer(text):
        hit = orgs.folded.get(key(m.group("f"))) if m.group("f") else orgs.exact.get(" ".join(m.group("e").split()))
        if hit:
            found.append((m.start(), m.end(), *hit))
    return found


# -- first names ------------------------------------------------------------------------------

def is_first_name(token: str) -> bool:
    """True for a first name used in Denmark ("Mette", "Søren", "Ahmed"), any case."""
    if not token or not token[0].isalpha():
        return False
    return key(token) in _first_names()

