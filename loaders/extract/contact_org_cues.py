"""A contact's organisation told by the label their entry opens with or by the domain of
their e-mail address.

A signature or contact line may open with the organisation's short form, which the
document defines elsewhere ("Aftalen indgås mellem Frederikssund Kommune (FK) og ...";
"FK: Dato ______ Navn: Kasper Wiberg Holt, kommunaldirektør").

Danish organisations write their e-mail addresses under their own name: a housing
organisation ("jrm@fjordhusene.dk" works for Boligselskabet Fjordhusene), a plan's
secretariat ("tr@sammenomgrevenord.dk": Sammen om Greve Nord), a municipality
("pebj@vordingborg.dk": Vordingborg Kommune). When no rule found a contact's organisation
in the text around them (a signature line, "Boligsocial leder: Jonas Ravn Mikkelsen –
2486 3301 – jrm@fjordhusene.dk"), the domain names it, but only as one of the
organisations the document itself names: a domain never makes an organisation.
"""
from __future__ import annotations

import re
from functools import lru_cache

from samspil.loaders.extract.orgs import name_key
from samspil.loaders.folding import fold
from samspil.loaders.gazetteer import is_town, municipality
from samspil.loaders.model import Contact, Organisation

__all__ = ["organisations_by_email"]

# addresses anyone can have: they say nothing of where the person works
_PUBLIC_MAIL = frozenset({"gmail", "hotmail", "outlook", "live", "yahoo", "icloud", "mail", "jubii", "get2net",
                          "stofanet", "youmail", "webspeed", "privat", "protonmail", "msn", "me", "email"})

# words an organisation's name opens with that its domain leaves out ("Boligselskabet Fjordhusene": fjordhusene.dk)
_KIND_FIRST = re.compile(r"^(?:(?:den |det )?(?:almene |selvejende )?(?:boligselskab(?:et)?|boligforening(?:en)?|"
                         r"andelsboligforening(?:en)?|boligorganisation(?:en)?|boligsocial(?:e)? sekretariat(?:et)?|"
                         r"sekretariat(?:et)?|helhedsplan(?:en)?|projekt(?:et)?|foreningen|fonden) )+")
_KIND_WORDS = frozenset({"bolig", "boliger", "boligselskab", "boligforening", "bo", "almen", "almene"})
_LABEL = re.compile(r"^\W*(?:[Ff]or\s+)?([A-ZÆØÅ][^:]{1,50}):")  # an entry's opening "FK:", "For Holmehjem:"
_NOT_KEY = re.compile(r"[^a-z0-9]+")
_MIN_PREFIX = 6  # "haderslevbolig" for Haderslev Boligforening; shorter stems say too little


def organisations_by_email(organisations: list[Organisation], contacts: list[Contact],
                           plan_name: str | None = None) -> None:
    """Set the organisation of each contact that has none from their e-mail's domain,
    when the domain is the name of exactly one of ``organisations`` (the name, an alias,
    the name without the word for its kind or without a town at its end, or a
    municipality's name without "Kommune"), or else the plan's own name
    ("tr@sammenomgrevenord.dk" of the plan "Sammen om Greve Nord": its secretariat, which
    is then one of the organisations)."""
    labelled = [(c, m) for c in contacts if c.organisation is None and c.sources
                and (m := _LABEL.match(c.sources[0].excerpt or "")) is not None]
    if labelled:  # "FK: Dato ______ Navn: Kasper Wiberg Holt"
        named = {name_key(n): o.name for o in organisations for n in (o.name, *o.aliases)}
        for c, m in labelled:
            c.organisation = named.get(name_key(m.group(1)))
    mailed = [c for c in contacts if c.organisation is None and c.email and "@" in c.email]
    if not mailed:
        return
    exact: dict[str, dict[str, int]] = {}
    for o in organisations:
        for key, rank in _keys(o).items():
            names = exact.setdefault(key, {})
            names[o.name] = min(rank, names.get(o.name, rank))
    police = [o.name for o in organisations if o.type == "police"]
    for c in mailed:
        domain = c.email.rsplit("@", 1)[1]
        name = _by_domain(domain, exact, police)
        if name is None and plan_name and (name := _plan_by_domain(domain, plan_name)) is not None \
                and not any(o.name == name for o in organisations):
            organisations.append(Organisation(name=name, type="other", roles=["mentioned"], sources=list(c.sources[:1])))
        if name is not None:
            c.organisation = name


def _plan_by_domain(domain: str, plan_name: str) -> str | None:
    """The plan's name (or its part before a dash: "Grenaa Vest – Sammen om hverdagen") when
    the domain spells it."""
    label = domain.lower().split(".")[-2] if "." in domain else ""
    keys = set(_domain_keys(label)) if label and label not in _PUBLIC_MAIL else set()
    for name in dict.fromkeys((plan_name, _PLAN_PART.split(plan_name, 1)[0].strip())):
        if len(name) >= 4 and _NOT_KEY.sub("", fold(name)) in keys:
            return name
    return None


_PLAN_PART = re.compile(r"\s[–-]\s|:\s")


def _by_domain(domain: str, exact: dict[str, dict[str, int]], police: list[str]) -> str | None:
    labels = domain.lower().split(".")
    if len(labels) < 2:
        return None
    label = labels[-2]  # the registered name ("mail.kk.dk": kk)
    if label in _PUBLIC_MAIL:
        return None
    if label == "politi":
        return police[0] if len(police) == 1 else None
    for key in _domain_keys(label):
        if names := exact.get(key):  # the name it is before a name it is the end of
            best = min(names.values())  # ("Lejerbo" before "Lejerbo, Fredericia")
            closest = [n for n, rank in names.items() if rank == best]
            return closest[0] if len(closest) == 1 else None
    whole = _NOT_KEY.sub("", fold(label))
    if len(whole) >= _MIN_PREFIX:  # "haderslevbolig" for "Haderslev Boligforening"
        names = {n for key, ns in exact.items() if key.startswith(whole) and len(whole) * 3 >= len(key) * 2
                 for n in ns}  # (two names of one organisation: none taken)
        if len(names) == 1:
            return names.pop()
    return None


def _domain_keys(label: str) -> list[str]:
    """The domain's name as a whole, and without a place written before or after it
    with a hyphen ("strandbo-koege": strandbo)."""
    keys = [_NOT_KEY.sub("", fold(label))]
    parts = label.split("-")
    if len(parts) == 2:
        for keep, place in ((parts[0], parts[1]), (parts[1], parts[0])):
            if len(keep) >= 3 and (is_town(place) or municipality(place) is not None or place in _KIND_WORDS):
                keys.append(_NOT_KEY.sub("", fold(keep)))  # (or a word for its kind: "obb-bolig" for ØBB)
    return [k for k in keys if len(k) >= 2]


def _keys(o: Organisation) -> dict[str, int]:
    """The organisation's keys, each with how far it is from its name (0: the name itself)."""
    keys: dict[str, int] = {}
    for name in (o.name, *o.aliases):
        for key, rank in _name_keys(name, o.type == "municipality"):
            if keys.get(key, rank + 1) > rank:
                keys[key] = rank
    return keys


@lru_cache(maxsize=8192)
def _name_keys(name: str, municipality: bool) -> tuple[tuple[str, int], ...]:
    """(key, rank) of one name: itself 0, without its kind's word or "Kommune" 1, without a
    town at its end 2 ("Fjordbo Kalundborg": fjordbo.dk)."""
    folded = fold(name)
    bare = _KIND_FIRST.sub("", folded)
    texts = [(folded, 0), (bare, 1)]
    if municipality and bare.endswith(" kommune"):
        texts.append((bare[: -len(" kommune")], 1))
    words = bare.split()
    if len(words) >= 2 and is_town(words[-1]):
        texts.append((" ".join(words[:-1]), 2))
    return tuple((key, rank) for text, rank in texts if len(key := _NOT_KEY.sub("", text)) >= 2)
