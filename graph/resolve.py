"""Cross-document entity resolution: one node per organisation and per person.

An *entity* is one organisation (or contact) as one document lists it, with the
names that document uses for it. Resolution groups entities into clusters with
a union-find over candidate links, strongest rule first:

``override``  the user's overrides file says ``same`` (always applied);
``exact-name`` / ``alias``  equal normalised names (a name on one side at
    least: two documents that merely share an alias are not linked);
``abbreviation``  equal after the abbreviation vocabulary (``SOF`` =
    ``Socialforvaltningen``, loaders/vocab/abbreviations.yaml, graph/resolution.yaml);
    A bare common noun ("Socialforvaltningen", "Lektiecaféen") links two plans only
    with support: the same stated parent or the same municipality;
``fuzzy(score)``  rapidfuzz ``token_sort_ratio`` >= 90 with every token paired
    (>= 85), codes equal and neither name's tokens a subset of the other's, so a
    unit never merges into its parent and two siblings stay two.

A link is refused when it would put two different entities of one document in
one cluster (the document itself told them apart) or when the overrides say
``different``. Links are sorted before they are applied, so the result does
not depend on the order in which documents were loaded. Every applied link is
kept as a :class:`Merge` so ``samspil explain`` can say who was merged and why.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from samspil.graph.fuzzy import FUZZY_RANK, fuzzy_block, fuzzy_links
from samspil.graph.model import slug
from samspil.graph.nouns import common_noun, noun  # noqa: F401 - common_noun re-exported
from samspil.graph.names import (Overrides, Vocabulary, compact, derived_names, fold_name,
                                 load_overrides, load_vocabulary, normalise, same_name,
                                 stated_parent, tokens)

__all__ = ["Entity", "Merge", "Cluster", "Overrides", "Vocabulary", "load_vocabulary",
           "load_overrides", "normalise", "resolve_entities", "same_name"]

RULE_RANK = {"override": 0, "exact-name": 1, "abbreviation": 2, "alias": 3, "fuzzy": FUZZY_RANK}


@dataclass(frozen=True, slots=True)
class Merge:
    left: str    # "document: name"
    right: str
    rule: str    # exact-name | alias | abbreviation | fuzzy(0.93) | override

    def to_dict(self) -> dict[str, str]:
        return {"left": self.left, "right": self.right, "rule": self.rule}


_NONE: frozenset[str] = frozenset()


@dataclass(slots=True)
class Entity:
    """One organisation or person as one document names it. (Slots, and one shared empty
    set until resolution sets the keys: 10,000 plans hold ~350,000 entities.)"""

    document: str
    index: int
    name: str
    names: list[str]                       # name first, then aliases
    mentions: list[dict[str, Any]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    keys: set[str] | frozenset[str] = _NONE         # set by resolve_entities
    primary: str = ""
    bare: set[str] | frozenset[str] = _NONE         # the name without parent / qualifier
    parent: str = ""                                # the parent the name states, normalised
    raw_keys: set[str] | frozenset[str] = _NONE     # keys before ambiguous aliases are dropped

    @property
    def ref(self) -> str:
        return f"{self.document}: {self.name}"

    @property
    def sort_key(self) -> tuple[str, str, int]:
        return (self.document, self.primary, self.index)


@dataclass(slots=True)
class Cluster:
    members: list[Entity]
    merges: list[Merge]
    log: list[tuple] = field(default_factory=list)   # applied links (sort key, ends, rule)
    blocked: bool = False                            # a link touching it was refused


# -- union-find with cannot-links -------------------------------------------
class _Clusters:
    """``names`` (what an overrides file may call each entity) only with overrides.
    A root's docs and merges move to the new root on a union (10,000 plans: a cluster
    of ~10,000 mentions grown one by one kept every earlier copy)."""

    def __init__(self, entities: list[Entity], different: list[tuple[set[str], set[str]]],
                 names: list[set[str]] | None = None) -> None:
        self.parent = list(range(len(entities)))
        self.entities = entities
        # per document, the bare names of the cluster's entities: two entities of one
        # document join only when one's bare name is the other's ("SOF" / "SOF i KK")
        self.docs: list[dict[str, set[str]] | None] = [{e.document: set(e.bare) | {e.primary}}
                                                       for e in entities]
        self.names = names
        self.merges: list[list[Merge]] = [[] for _ in entities]
        self.different = different

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def blocked(self, ra: int, rb: int) -> bool:
        da, db = self.docs[ra], self.docs[rb]
        for doc in da.keys() & db.keys():
            if not da[doc] & db[doc]:
                return True     # two entities one document tells apart
        if not self.different:
            return False
        na, nb = self.names[ra], self.names[rb]
        return any((x & na and y & nb) or (x & nb and y & na) for x, y in self.different)

    def union(self, a: int, b: int, rule: str, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (not force and self.blocked(ra, rb)):
            return False
        ra, rb = min(ra, rb), max(ra, rb)
        self.parent[rb] = ra
        for doc, keys in self.docs[rb].items():
            self.docs[ra].setdefault(doc, set()).update(keys)
        self.docs[rb] = None
        if self.names is not None:
            self.names[ra] |= self.names[rb]
        self.merges[ra] += self.merges[rb]
        self.merges[rb] = []
        self.merges[ra].append(Merge(self.entities[a].ref, self.entities[b].ref, rule))
        return True


def _override_keys(ref: str, prefix: str, vocab: Vocabulary) -> set[str]:
    if ref.startswith(prefix + ":"):
        return {"#" + ref}
    return {normalise(ref, vocab)}


def _entity_keys(e: Entity, prefix: str) -> set[str]:
    return e.keys | {f"#{prefix}:{slug(n)}" for n in e.names} | {"#" + n.casefold() for n in e.names}


class ShorteningIndex:
    """Whether a short name is ambiguous: it shortens two names neither of which
    contains the other ("Tryghedspartnerskabet" of "... Folehaven" and "... på Amager").
    Parenthesised parts name a parent ("Driftsområde H (3B)") and are left out.
    Subclasses say where the names are (:meth:`token_sets`): in memory here, in the
    store for an incremental update (graph/inc_state.py)."""

    vocab: Vocabulary

    def token_sets(self, ts: frozenset[str]) -> set[frozenset[str]]:
        raise NotImplementedError

    def ambiguous(self, key: str) -> bool:
        ts = frozenset(tokens(key.lstrip("~"), self.vocab))
        if not ts:
            return False
        supersets = {x for x in self.token_sets(ts) if x > ts}
        minimal = [x for x in supersets if not any(y < x for y in supersets)]
        return len(minimal) > 1


class _Shortenings(ShorteningIndex):
    """:class:`ShorteningIndex` over a list of entities in memory."""

    def __init__(self, entities: list[Entity], vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.tokens: dict[str, frozenset[str]] = {}
        self.index: dict[str, set[str]] = defaultdict(set)
        seen: set[str] = set()         # (a recurring partner's name: once)
        for e in entities:
            if e.name in seen:
                continue
            seen.add(e.name)
            bare, ts = shortening_name(e.name, vocab)
            self.tokens[bare] = ts
            for t in ts:
                self.index[t].add(bare)

    def token_sets(self, ts: frozenset[str]) -> set[frozenset[str]]:
        """The token sets of every name holding all of ``ts``."""
        names = set.intersection(*(self.index.get(t, set()) for t in ts))
        return {self.tokens[n] for n in names}


def shortening_name(name: str, vocab: Vocabulary) -> tuple[str, frozenset[str]]:
    """The name without parenthesised parts, and its tokens (for :class:`_Shortenings`)."""
    bare = normalise(re.sub(r"\([^)]*\)", " ", name), vocab)
    return bare, frozenset(tokens(bare, vocab))


def _risky_alias(key: str, holder: Entity, several: bool, shortenings: "_Shortenings") -> bool:
    """An alias links documents only when it can stand for one organisation: not an alias
    of two different ones, and, if it shortens its holder's name ("Tryghedspartnerskabet"
    of "Tryghedspartnerskabet Folehaven"), not the shortening of two unrelated names."""
    if several or key.startswith("~"):
        return True
    return key not in holder.bare and shortenings.ambiguous(key)


def key_link_rule(e: Any, a: Any, key: str | None = None) -> str | None:
    """The rule by which entity ``e`` joins anchor ``a`` on a shared ``key`` ("exact-name",
    "alias", "abbreviation"), or None: two common-noun names of different documents
    with nothing to corroborate them stay apart, and so do two names that meet only on
    another municipality's abbreviation ("SSP" of "SSP Rebild" is not SSP København)."""
    if e.document != a.document and (noun(a.name) and noun(e.name)
                                     or local_service(a.name) and local_service(e.name)) and not _corroborated(e, a):
        return None
    if key is not None and e.document != a.document and (_foreign_abbreviation(key, e) or _town_acronym(key, e, a)):
        return None
    raw = {fold_name(n) for n in e.names} & {fold_name(n) for n in a.names}
    return "exact-name" if fold_name(e.name) == fold_name(a.name) else "alias" if raw else "abbreviation"


def local_service(name: str) -> bool:
    """A municipality's own service named without its place ("Ungdommens Uddannelsesvejledning",
    "SSP", "Sundhedsplejen", "Jobcentret": ``local_services`` in graph/resolution.yaml): every
    municipality has one, so the name alone does not say two plans mean the same one."""
    return fold_name(name) in load_vocabulary().local_services


def _foreign_abbreviation(key: str, e: Entity) -> bool:
    """Does the joining entity ``e`` meet ``key`` - the expansion of an abbreviation that holds in
    one municipality only ("SSP": SSP København) - only through that short form as an alias of a
    longer name ("SSP Rebild"), in a plan of another municipality?"""
    home = load_vocabulary().local.get(key)
    if home is None:
        return False
    if e.name.isupper() and " " not in e.name.strip():
        return False  # the short form alone ("BIF"): as the vocabulary reads it (the user's overrides decide)
    stem = home.split()[0].rstrip("s")  # ("københavns kommune": a name that says "Københavns ..." is its own)
    place = e.data.get("municipality")  # (the joining entity: the anchor's own name is the expansion)
    return bool(place) and fold_name(place) != home and not any(
        key in (fold_name(n), compact(fold_name(n))) or stem in fold_name(n) for n in e.names)


def _town_acronym(key: str, e: Entity, a: Entity) -> bool:
    """Do ``e`` and ``a`` meet only on an acronym ("HAB") that one of them writes out with
    its own town ("Horsens Almene Boligselskab (HAB)") while the other is in another
    municipality's plan (Copenhagen's "HAB")? An organisation named after its town is that
    town's; the same letters elsewhere are another organisation's."""
    if len(key) > 6 or not key.isalpha():
        return False
    em, am = e.data.get("municipality"), a.data.get("municipality")
    if not em or not am or fold_name(em) == fold_name(am):
        return False
    for x, other in ((e, am), (a, em)):
        if fold_name(x.name) == key:
            continue  # (the short form alone says nothing of its town)
        home = _named_town(x.name)
        if home is not None and fold_name(home) != fold_name(other):
            return True
    return False


@lru_cache(maxsize=16384)
def _named_town(name: str) -> str | None:
    """The municipality of the first town or municipality a name holds ("Horsens Almene
    Boligselskab": Horsens Kommune), if any."""
    from samspil.loaders.gazetteer import municipality, municipality_of_town

    for word in name.replace("-", " ").split():
        if word[:1].isupper() and len(word) > 2 and (home := municipality_of_town(word) or municipality(word)):
            return home
    return None


def _corroborated(e: Entity, a: Entity) -> bool:
    """Two documents' common-noun names are one organisation only with support: the
    same plan, the same stated parent, or plans in the same municipality."""
    if e.parent and e.parent == a.parent or e.data.get("plan") and e.data.get("plan") == a.data.get("plan"):
        return True
    em, am = e.data.get("municipality"), a.data.get("municipality")
    return bool(em) and em == am


def _candidate_links(entities: list[Entity], vocab: Vocabulary, shortenings: Any = None,
                     fuzzy_pairs: list | None = None
                     ) -> list[tuple[int, float, tuple, tuple, int, int, str]]:
    by_key: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for i, e in enumerate(entities):
        own = (e.primary, compact(e.primary))
        for k in e.keys:
            by_key[k].append((i, k in own))
    links = []
    generic = vocab.generic | {compact(g) for g in vocab.generic}
    shortenings = shortenings or _Shortenings(entities, vocab)
    for key, hits in by_key.items():
        if key in generic or len(hits) < 2:
            continue
        # the anchor: the least primary holder (the least of distinct sort keys, as the
        # first of them sorted was: a recurring partner's keys have thousands of holders)
        anchor = min((i for i, p in hits if p), key=lambda i: entities[i].sort_key, default=None)
        if anchor is None:
            continue            # only aliases share this key: too weak across documents
        several = len({(key, entities[i].parent) if key in entities[i].bare else entities[i].primary
                       for i, p in hits if not p}) > 1
        for i, is_primary in hits:
            if i == anchor or (not is_primary and _risky_alias(key, entities[i], several,
                                                                shortenings)):
                continue
            e = entities[i]
            rule = key_link_rule(e, entities[anchor], key)
            if rule is not None:
                links.append((RULE_RANK[rule], -1.0, (key,), e.sort_key, anchor, i, rule))
    links.extend(fuzzy_links(entities, vocab, fuzzy_pairs))
    links.sort(key=lambda x: (x[0], x[1], x[2], x[3]))
    return links


def prepare_entity(e: Entity, vocab: Vocabulary) -> None:
    """Set the comparison forms of ``e``: primary name, keys, bare names, stated parent."""
    e.primary = normalise(e.name, vocab)
    e.keys = {normalise(n, vocab) for n in e.names if n.strip()} | {e.primary}
    e.bare = {e.primary} | derived_names(e.name, vocab)
    e.parent = stated_parent(e.name, vocab)
    e.keys |= e.bare - {""}
    e.keys |= {compact(k) for k in e.keys}
    e.raw_keys = set(e.keys)


def prepare_entities(entities: list[Entity], vocab: Vocabulary) -> None:
    """:func:`prepare_entity` for each entity, once per distinct name and names: a
    recurring partner is named alike in thousands of documents (10,000 plans: 255,877
    organisation entities, 18,396 distinct name lists). Entities named alike share
    their key sets, which nothing changes in place (:func:`_drop_ambiguous_aliases`
    gives each entity a new ``keys``)."""
    seen: dict[tuple, Entity] = {}
    for e in entities:
        first = seen.get(key := (e.name, *e.names))
        if first is None:
            prepare_entity(e, vocab)
            seen[key] = e
        else:
            e.primary, e.keys, e.bare, e.parent, e.raw_keys = (
                first.primary, first.keys, first.bare, first.parent, first.raw_keys)


def resolve_entities(entities: list[Entity], overrides: Overrides | None = None,
                     prefix: str = "org", vocab: Vocabulary | None = None,
                     shortenings: Any = None, fuzzy_pairs: list | None = None) -> list[Cluster]:
    """Group ``entities`` into clusters (see the module docstring); deterministic.
    ``shortenings`` answers whether a short name is ambiguous (default: among
    ``entities``; the incremental update asks the whole store); ``fuzzy_pairs``
    collects the pairs of primary names the fuzzy rule accepts (a list), or gives them
    (a set: the rapidfuzz prefilter is then skipped)."""
    vocab = vocab or load_vocabulary()
    overrides = overrides or Overrides()
    prepare_entities(entities, vocab)
    _drop_ambiguous_aliases(entities)
    different = [(_override_keys(a, prefix, vocab), _override_keys(b, prefix, vocab))
                 for a, b in overrides.different]
    uf = _Clusters(entities, different, [_entity_keys(e, prefix) for e in entities]
                   if different or overrides.same else None)
    _apply_same(uf, entities, overrides, prefix, vocab)
    # repeated names in one document (an extraction duplicate) are one entity
    logs, refused = defaultdict(list), set()     # applied links per cluster (graph/inc_fold.py)
    for link in _candidate_links(entities, vocab, shortenings, fuzzy_pairs):
        if uf.union(link[4], link[5], link[6]):
            logs[link[4]].append((link[:4], *((entities[i].document, entities[i].index)
                                                for i in link[4:6]), link[6]))
        elif uf.find(link[4]) != uf.find(link[5]):
            refused |= {link[4], link[5]}
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(entities)):
        groups[uf.find(i)].append(i)
    return [Cluster(members=sorted((entities[i] for i in idx), key=lambda e: e.sort_key),
                    merges=uf.merges[root], log=[x for i in idx for x in logs.get(i, ())],
                    blocked=not refused.isdisjoint(idx)) for root, idx in sorted(groups.items())]


def _drop_ambiguous_aliases(entities: list[Entity]) -> None:
    """An alias two entities of one document share names neither of them."""
    per_doc: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for e in entities:
        for k in e.keys:
            per_doc[e.document][k] += 1
    for e in entities:
        counts = per_doc[e.document]
        e.keys = {k for k in e.keys
                  if k in (e.primary, compact(e.primary)) or k in e.bare or counts[k] == 1}


def _apply_same(uf: _Clusters, entities: list[Entity], overrides: Overrides,
                prefix: str, vocab: Vocabulary) -> None:
    for a, b in overrides.same:
        ka, kb = _override_keys(a, prefix, vocab), _override_keys(b, prefix, vocab)
        left = [i for i, _ in enumerate(entities) if uf.names[i] & ka]
        right = [i for i, _ in enumerate(entities) if uf.names[i] & kb]
        for i in left[:1]:
            for j in left[1:] + right:
                uf.union(i, j, "override", force=True)


def canonical_name(cluster: Cluster, vocab: Vocabulary | None = None) -> str:
    """Display name of a cluster: the vocabulary's form, else the most used name, longest first."""
    vocab = vocab or load_vocabulary()
    for e in cluster.members:
        if e.primary in vocab.display:
            return vocab.display[e.primary]
    counts: dict[str, int] = defaultdict(int)
    for e in cluster.members:
        counts[_strip_admin(e.name)] += 1
    return sorted(counts, key=lambda n: (-counts[n], -len(n), n))[0]


@lru_cache(maxsize=100_000)
def _strip_admin(name: str) -> str:
    return re.sub(r"\s+(?:v/|v\.|c/o)\s*\S.*$", "", name.strip())


def all_names(cluster: Cluster) -> list[str]:
    seen: dict[str, str] = {}
    for e in cluster.members:
        for n in e.names:
            seen.setdefault(fold_name(n), n.strip())
    return sorted(seen.values())


def iter_members(clusters: Iterable[Cluster]) -> Iterable[tuple[Cluster, Entity]]:
    for c in clusters:
        for e in c.members:
            yield c, e
