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
folded name (:func:`samspil.loaders.folding.fold`, hyphens, dashes and dots as
spaces). A text scan finds the literal "kommune" and reads the name before it
(municipalities), or runs one regular expression compiled once from a trie of
the known names over the lower-cased text (organisations). Abbreviations (no
lower-case letter, or four letters or fewer) match only as written: "KAB" is
KAB, "kab" is not. How the data were made and how users extend them:
docs/notes/gazetteers.md.

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
    for f in (_places, _organisations, _first_names, _municipality_regexes, _organisation_regexes, municipality):
        f.cache_clear()
    from samspil.loaders.extract.core import clear_name_caches

    clear_name_caches()


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
    pre-2007 municipalities (mapped to their successor). Former names match here in
    any case, and some are also words ("give", "ringe", "hals", "ry"): in running
    text use :func:`find_municipalities`, which takes them only capitalised.

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
def _municipality_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Names that end right before "kommune" (current ones in lower case, run on the lower-cased
    text; former ones as written), and names right after "kommune:" (the same two ways)."""
    places = _places()
    current = trie_pattern(places.current_stems, ignore_case=True)
    former = trie_pattern(places.former_stems, ignore_case=False)
    gap = r"s?[ \t]*\n?[ \t]*\Z"
    return (re.compile(rf"(?<!\w)(?:{current}){gap}"), re.compile(rf"(?<!\w)(?:{former}){gap}"),
            re.compile(rf"[ \t]*(?:{current})(?!\w)"), re.compile(rf"[ \t]*(?:{former})(?!\w)"))


_KOMMUNE_END = re.compile(r"(?:ns|s)?(?!\w)")


def find_municipalities(text: str) -> list[tuple[int, int, str]]:
    """Every "<name> Kommune" (any case, genitive, Regionskommune) and "Kommune: <name>" in ``text``,
    as (start, end, canonical name). Current names match in any case, former ones
    ("Give", "Ringe", "Hals" are also words) only capitalised as written.

    >>> find_municipalities("Randers kommunes påtegning; Kommune: Aalborg; Skælskør Kommune")
    [(0, 16, 'Randers Kommune'), (28, 44, 'Aalborg Kommune'), (46, 62, 'Slagelse Kommune')]
    """
    low = _lower(text)
    found: list[tuple[int, int, str]] = []
    at = low.find("kommune")
    while at >= 0:
        hit = _municipality_at(text, low, at)
        if hit:
            found.append(hit)
        at = low.find("kommune", at + 7)
    return found


def _municipality_at(text: str, low: str, at: int) -> tuple[int, int, str] | None:
    """The municipality named around the word "kommune" found at ``at`` in ``low``."""
    before_current, before_former, after_current, after_former = _municipality_regexes()
    start = at - 7 if low.startswith("regions", at - 7) else at
    if start > 0 and (low[start - 1].isalnum() or low[start - 1] == "_"):
        return None  # "Landkommune", "Regionskommune" handled by its own start
    end = _KOMMUNE_END.match(low, at + 7)
    if not end:
        return None
    window = max(0, start - 60)
    m = before_current.search(low, window, start) or before_former.search(text, window, start)
    if m and not (m.start() > 0 and (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_")):
        return _hit(m.start(), end.end(), text[m.start():start])
    if end.end() == at + 7 and low.startswith(":", at + 7):
        m = after_current.match(low, at + 8) or after_former.match(text, at + 8)
        if m:
            return _hit(start, m.end(), text[m.start():m.end()])
    return None


def _hit(start: int, end: int, name: str) -> tuple[int, int, str] | None:
    """(start, end, canonical) when ``name`` (or ``name`` less a genitive s) is a municipality's."""
    index, name = _places().municipality_index, name.strip()
    canonical = index.get(key(name)) or (index.get(key(name[:-1])) if name.endswith("s") else None)
    return (start, end, canonical) if canonical else None


def _lower(text: str) -> str:
    """``text`` in lower case with the same offsets (the rare letters whose lower case is
    longer, such as "İ", are kept as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# -- towns and police districts ---------------------------------------------------------------

def municipality_of_town(town: str) -> str | None:
    """The municipality of a town or district ("Vollsmose" -> "Odense Kommune");
    None when unknown or when towns of that name lie in several municipalities."""
    return _places().towns.get(key(town))


def is_town(name: str) -> bool:
    """Is ``name`` a town of towns.yaml (not one of its districts or housing areas)?"""
    return key(name) in _places().town_keys


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
def _organisation_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Names in lower case (run on the lower-cased text: much faster than ignoring case)
    and abbreviations as written (run on the text)."""
    orgs = _organisations()
    bound = r"(?<![\w-])(?:{})(?![\w-])"
    return (re.compile(bound.format(trie_pattern(orgs.surface_folded, ignore_case=True))),
            re.compile(bound.format(trie_pattern(orgs.surface_exact, ignore_case=False))))


def find_known_organisations(text: str) -> list[tuple[int, int, str, str]]:
    """Known organisations named in ``text``, as (start, end, canonical, type): whole words only,
    the longest name where names overlap.

    >>> find_known_organisations("Lejerbo og AAB, med støtte fra Landsbyggefonden (LBF)")
    [(0, 7, 'Lejerbo', 'housing_organisation'), (11, 14, 'Arbejdernes Andels Boligforening', \
'housing_organisation'), (31, 47, 'Landsbyggefonden', 'national_body'), (49, 52, 'Landsbyggefonden', \
'national_body')]
    """
    orgs = _organisations()
    names, abbreviations = _organisation_regexes()
    hits = [(m.start(), m.end(), orgs.folded.get(key(m.group()))) for m in names.finditer(_lower(text))]
    hits += [(m.start(), m.end(), orgs.exact.get(" ".join(m.group().split()))) for m in abbreviations.finditer(text)]
    hits.sort(key=lambda h: (h[0], -h[1]))
    found: list[tuple[int, int, str, str]] = []
    for start, end, hit in hits:
        if hit and not (found and start < found[-1][1]):
            found.append((start, end, *hit))
    return found


# -- first names ------------------------------------------------------------------------------

def is_first_name(token: str) -> bool:
    """True for a first name used in Denmark ("Mette", "Søren", "Ahmed"), any case."""
    if not token or not token[0].isalpha():
        return False
    return key(token) in _first_names()

