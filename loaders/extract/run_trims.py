"""Organisations whose capitalised run took in the name of the activity after them.

When a table of activities loses its cell gaps (a web copy, a flattened PDF), one row's last
partner and the next row's name stand side by side in capitals: "... Nyborg Svømmeklub
Lektiehjælp Kernen Uddannelse og beskæftigelse ...", "Sundhedsplejen Mødregruppe". The run
"Nyborg Svømmeklub Lektiehjælp Kernen" then reads as one organisation. Once the activities'
names are known (they are found without the organisations), such a name is cut back to the
organisation before the activity's name, merged with that organisation when the document
names it already; contacts that cite the long name cite the short one. core.py asks this
before the activities' partners are read.
"""
from __future__ import annotations

from functools import lru_cache

from samspil.loaders.model import Contact, Organisation

__all__ = ["trim_activity_names"]

_CONNECTORS = frozenset(("&", "og", "for", "i", "på", "af", "-", "–", "ved", "til"))


@lru_cache(maxsize=1)
def _bare_words() -> frozenset[str]:
    """The vocabulary's head nouns and generic words ("Kulturhus", "Skolen"), in lower case."""
    from samspil.loaders.vocab import load_vocab

    vocab = load_vocab("organisations")
    return frozenset(w.casefold() for w in [*vocab.get("heads", []), *vocab.get("generic_single", [])])


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    """The vocabulary's words that name a kind, not an organisation, alone ("Foreningen")."""
    from samspil.loaders.vocab import load_vocab

    return frozenset(w.casefold() for w in load_vocab("organisations").get("generic_single", []))


def trim_activity_names(organisations: list[Organisation], contacts: list[Contact], names: list[str]) -> None:
    """Cut ``organisations`` whose name ends with one of the activity ``names`` (see the module),
    in place."""
    from samspil.loaders.extract.org_lists import org_type_of
    from samspil.loaders.extract.orgs import name_key

    bare = _bare_words()
    endings = sorted({" " + name_key(n) for n in names if n and len(n) >= 4 and n.casefold() not in bare},
                     key=len, reverse=True)  # (not "Kulturhus": a head noun of organisations' names alone)
    if not endings:
        return
    by_key = {name_key(o.name): o for o in organisations}
    renamed: dict[str, str] = {}
    for org in list(organisations):
        key = name_key(org.name)
        ending = next((e for e in endings if key.endswith(e) and len(key) > len(e)), None)
        if ending is None:
            continue
        words = org.name.split()
        short = " ".join(words[:len(words) - len(ending.split())]).strip(" ,;")
        if not short or name_key(short) + ending != key or short.split()[-1] in _CONNECTORS \
                or short.casefold() in _generic():  # ("Foreningen Natteravnene": a word that names no one alone)
            continue  # (the ending is not whole words of the name as written)
        if name_key(short) not in by_key and org_type_of(short) == "other":
            continue  # what is left names no organisation: the activity's name may be the organisation's
        renamed[org.name] = short
        kept = by_key.get(name_key(short))
        if kept is not None and kept is not org:
            kept.sources += [s for s in org.sources if s not in kept.sources]
            kept.is_party = kept.is_party or org.is_party
            organisations.remove(org)
        else:
            org.name = short
            org.aliases = [a for a in org.aliases if name_key(a) != key]
            by_key[name_key(short)] = org
    for contact in contacts:
        if contact.organisation in renamed:
            contact.organisation = renamed[contact.organisation]
