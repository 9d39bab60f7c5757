"""Cross-document entity resolution: one node per organisation and per person.

An *entity* is one organisation (or contact) as one document lists it, with the
names that document uses for it. Resolution groups entities into clusters with
a union-find over candidate links, strongest rule first:

``override``  the user's overrides file says ``same`` (always applied);
``exact-name`` / ``alias``  equal normalised names (a name on one side at
    least: two documents that merely share an alias are not linked);
``abbreviation``  equal after the abbreviation vocabulary (``SOF`` =
    ``Socialforvaltningen``, loaders/vocab/abbreviations.yaml, graph/resolution.yaml);
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
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from samspil.graph.model import slug
from samspil.loaders.errors import VocabularyError

__all__ = ["Entity", "Merge", "Cluster", "Overrides", "Vocabulary", "load_vocabulary",
           "load_overrides", "normalise", "resolve_entities", "same_name"]

RULE_RANK = {"override": 0, "exact-name": 1, "abbreviation": 2, "alias": 3, "fuzzy": 4}


@dataclass(frozen=True)
class Vocabulary:
    canonical: dict[str, str]      # normalised variant/abbreviation -> normalised canonical name
    display: dict[str, str]        # normalised canonical name -> display form
    generic: frozenset[str]
    stopwords: frozenset[str]
    codes: frozenset[str]
    min_score: float = 90
    token_score: float = 85
    min_length: int = 6


@dataclass(frozen=True)
class Overrides:
    """``same`` / ``different`` pairs of names or ids from the user's YAML file."""

    same: tuple[tuple[str, str], ...] = ()
    different: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Merge:
    left: str    # "document: name"
    right: str
    rule: str    # exact-name | alias | abbreviation | fuzzy(0.93) | override

    def to_dict(self) -> dict[str, str]:
        return {"left": self.left, "right": self.right, "rule": self.rule}


@dataclass
class Entity:
    """One organisation or person as one document names it."""

    document: str
    index: int
    name: str
    names: list[str]                       # name first, then aliases
    mentions: list[dict[str, Any]] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    keys: set[str] = field(default_factory=set)     # set by resolve_entities
    primary: str = ""

    @property
    def ref(self) -> str:
        return f"{self.document}: {self.name}"

    @property
    def sort_key(self) -> tuple[str, str, int]:
        return (self.document, self.primary, self.index)


@dataclass
class Cluster:
    members: list[Entity]
    merges: list[Merge]


# -- vocabulary ---------------------------------------------------------------
def _fold(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).casefold()
    t = t.replace("&", " og ")
    t = re.sub(r"\s+(?:v/|v\.|c/o)\s*\S.*$", "", t)    # "3B v/KAB", "PAB v. fa09"
    t = re.sub(r"[’']s\b", "", t)                        # "3B's"
    t = re.sub(r"[^\w\s]|_", " ", t)
    return " ".join(t.split())


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The resolution vocabulary: loaders' abbreviations + graph/resolution.yaml."""
    path = Path(__file__).with_name("resolution.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        abbreviations = _loader_abbreviations()
        canonical: dict[str, str] = {}
        display: dict[str, str] = {}
        for abbr, full in abbreviations.items():
            canonical[_fold(str(abbr))] = _fold(str(full))
            display[_fold(str(full))] = str(full)
        for full, variants in (data.get("variants") or {}).items():
            display[_fold(full)] = full
            for v in variants or []:
                canonical[_fold(str(v))] = _fold(full)
        fz = data.get("fuzzy") or {}
        return Vocabulary(
            canonical=canonical, display=display,
            generic=frozenset(_fold(g) for g in data.get("generic") or []),
            stopwords=frozenset(data.get("stopwords") or []),
            codes=frozenset(data.get("codes") or []),
            min_score=float(fz.get("min_score", 90)), token_score=float(fz.get("token_score", 85)),
            min_length=int(fz.get("min_length", 6)))
    except (OSError, yaml.YAMLError, AttributeError, TypeError, ValueError) as exc:
        raise VocabularyError(f"bad resolution vocabulary: {exc}", document=str(path)) from exc


def _loader_abbreviations() -> dict[str, str]:
    try:
        from samspil.loaders.vocab import load_vocab
    except ImportError:  # pragma: no cover - the loaders' vocabulary is optional
        return {}
    try:
        return dict(load_vocab("abbreviations").get("abbreviations") or {})
    except VocabularyError:
        return {}


def load_overrides(path: Path | None) -> Overrides:
    """Read the overrides YAML (``same: [[a, b]]``, ``different: [[a, b]]``); none -> empty."""
    if path is None or not Path(path).exists():
        return Overrides()
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise TypeError("expected a mapping with keys 'same' and 'different'")

        def pairs(key: str) -> tuple[tuple[str, str], ...]:
            out = []
            for item in data.get(key) or []:
                if not isinstance(item, (list, tuple)) or len(item) < 2:
                    raise TypeError(f"each entry of '{key}' must be a list of two or more names")
                out.extend((str(item[0]), str(other)) for other in item[1:])
            return tuple(out)

        return Overrides(same=pairs("same"), different=pairs("different"))
    except (OSError, yaml.YAMLError, TypeError) as exc:
        raise VocabularyError(f"bad overrides file ({exc}); fix it or remove it",
                              document=str(path)) from exc


def normalise(name: str, vocab: Vocabulary | None = None) -> str:
    """Comparison form of a name: folded, punctuation-free, vocabulary applied.

    >>> normalise("Boligforeningen 3B v/KAB")
    'boligforeningen 3b'
    >>> normalise("SOF") == normalise("Socialforvaltningen")
    True
    """
    vocab = vocab or load_vocabulary()
    key = _fold(name)
    return vocab.canonical.get(key, key)


# -- comparison ---------------------------------------------------------------
def _tokens(key: str, vocab: Vocabulary) -> list[str]:
    return [t for t in key.split() if t not in vocab.stopwords]


def _is_code(token: str, vocab: Vocabulary) -> bool:
    return len(token) <= 3 or any(c.isdigit() for c in token) or token in vocab.codes


def same_name(a: str, b: str, vocab: Vocabulary | None = None) -> float:
    """Similarity (0-1) of two *normalised* names under the careful fuzzy rule; 0 = different.

    >>> same_name("landsbyggefonden", "landsbyggerfonden") > 0.9
    True
    >>> same_name("valby skole", "vigerslev skole"), same_name("buf uu københavn", "buf")
    (0.0, 0.0)
    >>> same_name("remisevænget øst", "remisevænget syd")
    0.0
    """
    vocab = vocab or load_vocabulary()
    if a.replace(" ", "") == b.replace(" ", ""):
        return 1.0
    ta, tb = _tokens(a, vocab), _tokens(b, vocab)
    if not ta or not tb or min(len(a), len(b)) < vocab.min_length:
        return 0.0
    if {t for t in ta if _is_code(t, vocab)} != {t for t in tb if _is_code(t, vocab)}:
        return 0.0
    sa, sb = set(ta), set(tb)
    if sa < sb or sb < sa:
        return 0.0
    if len(ta) != len(tb) and "".join(sorted(ta)) != "".join(sorted(tb)):
        return 0.0
    for xs, ys in ((ta, tb), (tb, ta)):
        if any(max(fuzz.ratio(x, y) for y in ys) < vocab.token_score for x in xs):
            return 0.0
    score = fuzz.token_sort_ratio(" ".join(ta), " ".join(tb))
    return score / 100 if score >= vocab.min_score else 0.0


# -- union-find with cannot-links -------------------------------------------
class _Clusters:
    def __init__(self, entities: list[Entity], different: list[tuple[set[str], set[str]]]) -> None:
        self.parent = list(range(len(entities)))
        self.entities = entities
        self.docs: list[dict[str, set[str]]] = [{e.document: {e.primary}} for e in entities]
        self.names: list[set[str]] = [set(e.keys) for e in entities]
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
        self.names[ra] |= self.names[rb]
        self.merges[ra] += self.merges[rb]
        self.merges[ra].append(Merge(self.entities[a].ref, self.entities[b].ref, rule))
        return True


def _override_keys(ref: str, prefix: str, vocab: Vocabulary) -> set[str]:
    if ref.startswith(prefix + ":"):
        return {"#" + ref}
    return {normalise(ref, vocab)}


def _entity_keys(e: Entity, prefix: str) -> set[str]:
    return e.keys | {f"#{prefix}:{slug(n)}" for n in e.names} | {"#" + n.casefold() for n in e.names}


def _candidate_links(entities: list[Entity], vocab: Vocabulary
                     ) -> list[tuple[int, float, tuple, tuple, int, int, str]]:
    by_key: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for i, e in enumerate(entities):
        for k in e.keys:
            by_key[k].append((i, k == e.primary))
    links = []
    for key, hits in by_key.items():
        if key in vocab.generic or len(hits) < 2:
            continue
        primaries = sorted((i for i, p in hits if p), key=lambda i: entities[i].sort_key)
        if not primaries:
            continue            # only aliases share this key: too weak across documents
        anchor = primaries[0]
        for i, is_primary in hits:
            if i == anchor:
                continue
            e, a = entities[i], entities[anchor]
            raw = {_fold(n) for n in e.names} & {_fold(n) for n in a.names}
            rule = ("exact-name" if _fold(e.name) == _fold(a.name)
                    else "alias" if raw else "abbreviation")
            links.append((RULE_RANK[rule], -1.0, (key,), e.sort_key, anchor, i, rule))
    links.extend(_fuzzy_links(entities, vocab))
    links.sort(key=lambda x: (x[0], x[1], x[2], x[3]))
    return links


def _fuzzy_links(entities: list[Entity], vocab: Vocabulary) -> list[tuple]:
    """Fuzzy candidates between primary names (rapidfuzz cdist prefilter, then the careful rule)."""
    first: dict[str, int] = {}
    for i, e in sorted(enumerate(entities), key=lambda x: x[1].sort_key):
        if e.primary not in vocab.generic and len(e.primary) >= vocab.min_length:
            first.setdefault(e.primary, i)
    keys = sorted(first)
    if len(keys) < 2:
        return []
    matrix = process.cdist(keys, keys, scorer=fuzz.token_sort_ratio,
                           score_cutoff=vocab.min_score, workers=-1)
    out = []
    rows, cols = matrix.nonzero()
    for r, c in zip(rows.tolist(), cols.tolist()):
        if r >= c:
            continue
        score = same_name(keys[r], keys[c], vocab)
        if score > 0:
            a, b = first[keys[r]], first[keys[c]]
            out.append((RULE_RANK["fuzzy"], -score, (keys[r], keys[c]), entities[b].sort_key,
                        a, b, f"fuzzy({score:.2f})"))
    return out


def resolve_entities(entities: list[Entity], overrides: Overrides | None = None,
                     prefix: str = "org", vocab: Vocabulary | None = None) -> list[Cluster]:
    """Group ``entities`` into clusters (see the module docstring); deterministic."""
    vocab = vocab or load_vocabulary()
    overrides = overrides or Overrides()
    for e in entities:
        e.primary = normalise(e.name, vocab)
        e.keys = {normalise(n, vocab) for n in e.names if n.strip()} | {e.primary}
    _drop_ambiguous_aliases(entities)
    different = [(_override_keys(a, prefix, vocab), _override_keys(b, prefix, vocab))
                 for a, b in overrides.different]
    uf = _Clusters(entities, different)
    for i, e in enumerate(entities):
        uf.names[i] = _entity_keys(e, prefix)
    _apply_same(uf, entities, overrides, prefix, vocab)
    # repeated names in one document (an extraction duplicate) are one entity
    for _, _, _, _, a, b, rule in _candidate_links(entities, vocab):
        uf.union(a, b, rule)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(entities)):
        groups[uf.find(i)].append(i)
    return [Cluster(members=sorted((entities[i] for i in idx), key=lambda e: e.sort_key),
                    merges=uf.merges[root]) for root, idx in sorted(groups.items())]


def _drop_ambiguous_aliases(entities: list[Entity]) -> None:
    """An alias two entities of one document share names neither of them."""
    per_doc: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for e in entities:
        for k in e.keys:
            per_doc[e.document][k] += 1
    for e in entities:
        counts = per_doc[e.document]
        e.keys = {k for k in e.keys if k == e.primary or counts[k] == 1}


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


def _strip_admin(name: str) -> str:
    return re.sub(r"\s+(?:v/|v\.|c/o)\s*\S.*$", "", name.strip())


def all_names(cluster: Cluster) -> list[str]:
    seen: dict[str, str] = {}
    for e in cluster.members:
        for n in e.names:
            seen.setdefault(_fold(n), n.strip())
    return sorted(seen.values())


def iter_members(clusters: Iterable[Cluster]) -> Iterable[tuple[Cluster, Entity]]:
    for c in clusters:
        for e in c.members:
            yield c, e
