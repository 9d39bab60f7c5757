"""The housing organisation a zone's text names, for :mod:`zones` and its helpers.

A department's owner is written short ("AKB, København", "Fjords", "Domea") and is
resolved against the organisations the document names, or the vocabulary's
housing-organisation abbreviations (``vocab/zones.yaml``).
"""
from __future__ import annotations

import re

from samspil.loaders.extract.text import clean
from samspil.loaders.extract.zone_districts import zone_key as _key
from samspil.loaders.model import Organisation
from samspil.loaders.vocab import load_vocab

__all__ = ["resolve_org", "HousingLabels", "org_lookup"]


def _housing_abbreviations() -> list[str]:
    return [str(a) for a in load_vocab("zones").get("housing_organisation_abbreviations", [])]


def resolve_org(label: str, organisations: list[Organisation]) -> str | None:
    """The organisation a short label names ('AKB, København' -> its full name; not a long
    run of text that merely holds the label)."""
    label = clean(label)
    if not label:
        return None
    key = _key(label)
    for org in organisations:
        if key in {_key(org.name), *(_key(a) for a in org.aliases)}:
            return org.name
    for org in sorted(organisations, key=lambda o: ("–" in o.name, len(o.name))):
        if org.type == "housing_organisation" and len(org.name) <= len(label) + 40 and re.search(
                rf"(?<!\w){re.escape(label)}(?!\w)", org.name, re.IGNORECASE):
            return org.name
    return label


class HousingLabels:
    """The labels that name a housing organisation: a known abbreviation, or a name or
    alias of one of the document's housing organisations (their keys worked out once)."""

    def __init__(self, organisations: list[Organisation]) -> None:
        self.abbreviations = {a.lower() for a in _housing_abbreviations()}
        self.keys = {_key(n) for o in organisations if o.type == "housing_organisation"
                     for n in [o.name, *o.aliases]}

    def __contains__(self, label: str) -> bool:
        label = label.strip()
        return label.lower() in self.abbreviations or _key(label) in self.keys


def org_lookup(orgs: list[Organisation]):
    """name -> canonical organisation name, for the owners prose names ('Fjords', 'fsb')."""
    from samspil.loaders.extract.orgs import org_type

    by_key = {_key(n): o.name for o in orgs for n in [o.name, *o.aliases] if len(n) >= 2}

    def lookup(name: str) -> str | None:
        for form in (name, name[:-1] if name.endswith("s") else name):  # "Boligselskabet Fjords"
            if (hit := by_key.get(_key(form))):
                return hit
        longer = {o.name for o in orgs if o.name.split()[0].casefold() == name.casefold() != o.name.casefold()}
        if len(longer) == 1:  # "AAB" of a plan whose party is "AAB Kolding"
            return longer.pop()
        tail = {o.name for o in orgs if o.type == "housing_organisation" and len(o.name.split()) == len(name.split()) + 1
                and o.name.casefold().endswith(" " + name.casefold())}
        if len(tail) == 1:  # "Fjordbo" of a plan whose party is "Boligselskabet Fjordbo"
            return tail.pop()
        return name if org_type(name) == "housing_organisation" and len(name) >= 2 else None
    return lookup
