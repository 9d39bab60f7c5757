"""One organisation written several ways in one document becomes one entry.

Agreements name the same body in more than one form, and two entries for it in
one report would later defeat cross-document resolution (each form links to a
different cluster). Within a document, these forms are merged before the
report is written; the other forms become aliases, so ``samspil explain``
shows what was merged:

* an abbreviation beside its full name: ``KTS – Københavns Tekniske Skole``,
  ``Ungdommens Uddannelsesvejledning – UU`` (the letters are the initials);
* spacing, the definite ending and c/k: ``Sydhavns Compagniet`` /
  ``Sydhavnskompagniet``, ``Socialforvaltningen`` / ``Socialforvaltning``;
* the municipality in front: ``Københavns Kommunes Socialforvaltning`` /
  ``Socialforvaltningen``.

Codes (digits, short upper-case tokens) must agree, so "AAB afd. 24" and "AAB
afd. 42" or "Ung 2300" and "Ung 2400" stay apart.
"""
from __future__ import annotations

import re
from functools import lru_cache

from samspil.loaders.model import Organisation
from samspil.loaders.vocab import load_vocab

__all__ = ["merge_variants", "split_abbreviation", "variant_key"]

_WORDS = re.compile(r"[^\W\d_]{2,}")
_DASHED = re.compile(r"^(?P<a>.+?)\s+[–-]\s+(?P<b>.+)$")
_MUNICIPAL_PREFIX = re.compile(r"^\w+s\s+kommunes\s+", re.I)
_LISTED = ("party", "partner", "signatory", "administrator")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())


def split_abbreviation(name: str) -> tuple[str, str] | None:
    """(full name, abbreviation) when ``name`` is 'ABBR – Full' or 'Full – ABBR' and
    the abbreviation's letters are the full name's initials.

    >>> split_abbreviation("KTS – Københavns Tekniske Skole")
    ('Københavns Tekniske Skole', 'KTS')
    >>> split_abbreviation("Ungdommens Uddannelsesvejledning – UU")
    ('Ungdommens Uddannelsesvejledning', 'UU')
    >>> split_abbreviation("KFF – Valby Bibliotek") is None
    True
    """
    m = _DASHED.match(name)
    if not m:
        return None
    a, b = m.group("a").strip(), m.group("b").strip()
    for short, full in ((a, b), (b, a)):
        if short.isupper() and 2 <= len(short) <= 6 and " " not in short and _initials(full) == short:
            return full, short
    return None


def variant_key(name: str) -> str:
    """The form two spellings of one name share: case, spaces, punctuation, the
    municipality in front, a definite ending and c/k set aside.

    >>> variant_key("Sydhavns Compagniet") == variant_key("Sydhavnskompagniet")
    True
    >>> variant_key("Københavns Kommunes Socialforvaltning") == variant_key("Socialforvaltningen")
    True
    >>> variant_key("Boligforeningen Vesterbo, Nakskov") == variant_key("Boligforeningen Vesterbo")
    True
    >>> variant_key("Boligselskabet Aagaarden") == variant_key("Boligselskabet Ågården")
    True
    >>> variant_key("Børn og Unge i Roskilde Kommune") == variant_key("Børn og Unge")
    True
    """
    if (town := _TOWN_TAIL.search(name)) is not None and _is_town(town.group(1)):
        name = name[:town.start()]  # "Boligforeningen Ådalen, Kokkedal": the town after a comma
    elif (held := _MUNICIPALITY_TAIL.search(name)) is not None and _is_municipality(held.group(1)):
        name = name[:held.start()]  # "Børn og Unge i Roskilde Kommune": a unit and the municipality it is of
    text = _MUNICIPAL_PREFIX.sub("", name.casefold())
    text = _NON_WORD.sub("", text).replace("c", "k")
    if "aa" in text or "ae" in text or "oe" in text:  # "Aagaarden" is "Ågården", "Moellehuset" "Møllehuset" (æøå
        text = text.replace("aa", "å").replace("ae", "æ").replace("oe", "ø")  # spelt out or lost)
    return _DEFINITE_END.sub("", text)


_TOWN_TAIL = re.compile(r"(?<=\w{3}),\s+([A-ZÆØÅ][\wæøå-]+)$")


_MUNICIPALITY_TAIL = re.compile(r"(?<=\w{3})(?:,|\s+i)\s+([A-ZÆØÅ][\wæøå-]+(?:[- ][A-ZÆØÅ][\wæøå-]+)?)\s+(?:Kommune|K\.)$")


def _is_municipality(name: str) -> bool:
    from samspil.loaders.gazetteer import municipality

    return municipality(f"{name} Kommune") is not None


def _is_town(word: str) -> bool:
    from samspil.loaders.gazetteer import is_town

    return is_town(word)


_NON_WORD = re.compile(r"[^\wæøå]+")
_DEFINITE_END = re.compile(r"(?<=\w{5})(?:en|et|n)$")


def _expanded(name: str) -> str:
    """A leading abbreviation written out when a place follows it ("UU Odense" ->
    "Ungdommens Uddannelsesvejledning Odense"), so both spellings meet.

    >>> _expanded("UU Odense"), _expanded("UU")
    ('Ungdommens Uddannelsesvejledning Odense', 'UU')
    """
    head, _, rest = name.partition(" ")
    if not rest or not head.isupper():
        return name
    full = _abbreviations().get(head)
    return f"{full} {rest}" if full and " " in full and not full.endswith(rest) else name


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return dict(load_vocab("abbreviations")["abbreviations"])


# (compiled once: a pattern given as a string to re's functions is looked up in re's cache at each call)
_CODE_TOKEN = re.compile(r"[\wæøåÆØÅ]+")


def _codes(name: str) -> frozenset[str]:
    # (a token of letters only holds no digit: its characters are not looked at one by one)
    return frozenset(t for t in _CODE_TOKEN.findall(name) if not t.isalpha() and any(c.isdigit() for c in t)
                     or (t.isupper() and len(t) <= 4))


def _rank(o: Organisation) -> tuple:
    listed = any(r in _LISTED for r in o.roles)
    return (listed, o.is_party, len(o.name.split()), len(o.sources))


def _absorb(keep: Organisation, other: Organisation) -> None:
    for n in [other.name, *other.aliases]:
        if n != keep.name and n not in keep.aliases:
            keep.aliases.append(n)
    keep.sources += [s for s in other.sources if s not in keep.sources]
    keep.roles += [r for r in other.roles if r not in keep.roles]
    keep.is_party = keep.is_party or other.is_party
    if keep.type == "other":
        keep.type = other.type
    keep.parent = keep.parent or other.parent


def merge_variants(orgs: list[Organisation]) -> list[Organisation]:
    """``orgs`` with the variants of one organisation merged (order kept)."""
    for o in orgs:
        if (split := split_abbreviation(o.name)) and not any(r in _LISTED for r in o.roles):
            full, short = split
            o.aliases = [a for a in [o.name, short, *o.aliases] if a != full]
            o.name = full
    _parent_first(orgs)
    groups: dict[tuple[str, frozenset[str]], Organisation] = {}
    out: list[Organisation] = []
    from samspil.loaders.gazetteer import municipality

    for o in orgs:
        name = _expanded(o.name)
        if o.type == "municipality":  # "Morsoe Kommune" (pasted without æøå) is "Morsø Kommune"
            name = municipality(name) or name
        k = (variant_key(name), _codes(_MUNICIPAL_PREFIX.sub("", name)))
        if not k[0]:
            out.append(o)
            continue
        known = groups.get(k)
        if known is None:
            groups[k] = o
            out.append(o)
            continue
        keep, other = (known, o) if _rank(known) >= _rank(o) else (o, known)
        _absorb(keep, other)
        if keep is o:
            out[next(i for i, x in enumerate(out) if x is known)] = o
            groups[k] = o
    return _short_forms(out)


def _parent_first(orgs: list[Organisation]) -> None:
    """'BUF – Ungdommens Uddannelsesvejledning København', where 'BUF' is another organisation of
    the document (its name or an alias): the unit, written after its parent, is named by itself
    (the whole kept as an alias, the parent as its parent), so it meets its other spellings."""
    named = {n: o for o in orgs for n in (o.name, *o.aliases)}
    for o in orgs:
        m = _DASHED.match(o.name)
        if not m or any(r in _LISTED for r in o.roles):
            continue
        head, unit = m.group("a").strip(), m.group("b").strip()
        parent = named.get(head) or _initialled(head, orgs)
        if parent is None or parent is o or len(_WORDS.findall(unit)) < 2 or not unit[0].isupper() \
                or split_abbreviation(o.name) or _top_level(unit):
            continue  # ("HAB - Helsingør Kommune": two organisations run together, no unit)
        o.aliases = [a for a in [o.name, *o.aliases] if a != unit]
        o.name, o.parent = unit, o.parent or parent.name


def _top_level(name: str) -> bool:
    """A municipality or a known housing organisation, national body or foundation: no unit of
    another organisation."""
    from samspil.loaders.gazetteer import known_organisation, municipality

    return municipality(name) is not None or known_organisation(name) is not None


def _initialled(short: str, orgs: list[Organisation]) -> Organisation | None:
    """The one organisation whose name ``short`` abbreviates ("CBU": "Center for Børn og Unge";
    "BUF": "Børne- og Ungdomsforvaltningen", as the vocabulary writes it out), if exactly one does."""
    from samspil.loaders.extract.org_lists import initials_fit

    if not (short.isupper() and 2 <= len(short) <= 6):
        return None
    known = _abbreviations().get(short)  # ("BUF": the usual abbreviations, compounds' letters too)
    fits = [o for o in orgs if initials_fit(o.name, short)
            or known and variant_key(o.name) == variant_key(known)]
    return fits[0] if len(fits) == 1 else None


# a housing organisation's or association's name after the word for its kind, which the text
# leaves out once it has named it ("Boligforeningen Vadehavsbo" ... "Vadehavsbo")
_CUE_FIRST = re.compile(r"^(?:Boligforeningen|Boligselskabet|Andelsboligforeningen|Boligorganisationen"
                        r"|Foreningen|Fonden)\s+([A-ZÆØÅ0-9][\wæøåÆØÅ-]*(?:\s+[A-ZÆØÅ0-9][\wæøåÆØÅ-]*){0,2})$")


def _short_forms(orgs: list[Organisation]) -> list[Organisation]:
    """'AAB' and 'AAB Kolding', 'Ungdommens Uddannelsesvejledning' and 'Ungdommens
    Uddannelsesvejledning København' in one plan: the short form of the name with its place
    (one or two words at its end), or without the word for its kind ('Vadehavsbo' and
    'Boligforeningen Vadehavsbo'), when exactly one organisation fits (the longer name is kept)."""
    from samspil.loaders.gazetteer import municipality, municipality_of_town

    def place(words: list[str]) -> bool:
        text = " ".join(words)
        return bool(words) and (municipality_of_town(text) is not None or municipality(text) is not None)

    by_head: dict[str, list[Organisation]] = {}
    for o in orgs:
        words = o.name.split()
        for k in range(1, min(len(words), 4)):  # the place: the last one or two words
            if len(words) - k <= 2 and place(words[k:]):
                by_head.setdefault(" ".join(words[:k]), []).append(o)
                break
    for o in orgs:  # "Boligforeningen Vadehavsbo" for "Vadehavsbo": the name after its kind's word
        if (cued := _CUE_FIRST.match(o.name)) is not None:
            by_head.setdefault(cued.group(1), []).append(o)
    out: list[Organisation] = []
    for o in orgs:
        longer = by_head.get(o.name, [])
        if len(longer) == 1 and longer[0] is not o:
            _absorb(longer[0], o)
        else:
            out.append(o)
    return out
