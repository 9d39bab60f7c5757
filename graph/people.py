"""Persons across documents: resolution, ids, and the data-protection scrub.

Persons are merged by e-mail (rule ``email``) where their names agree (one shares the
other's surname, or is an initial, a shorter form or a typo of it: a mailbox two
people share, ``boligsocial@...``, does not make them one person), else by the same
name within a compatible organisation (rule ``name+org``): the same organisation
node, one organisation a unit of the other, or one side naming no organisation. Two
contacts with different e-mail addresses are never merged by name.

A forgotten person (``samspil forget-person``) is remembered only as a salted
hash of the e-mail or the name, so a re-loaded document does not bring the
person back, and nothing readable about them stays in the store.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections import defaultdict
from functools import lru_cache
from collections.abc import Container
from dataclasses import dataclass
from typing import Any, Callable

from samspil.graph.lookup import resolve_ref
from samspil.graph.model import PartnershipGraph, slug
from samspil.graph.resolve import Cluster, Entity, Merge, Overrides
from samspil.loaders.errors import NotFound
from samspil.loaders.model import AgreementReport

__all__ = ["resolve_persons", "names_agree", "person_id", "person_id_for", "identity_key", "person_to_forget",
           "forget_keys", "is_forgotten", "scrub_report", "scrub_email", "forget_contact",
           "PersonKey", "EmailPlace", "Forgotten"]

_SALT = b"samspil-forget-v1:"
_ID_SALT = b"samspil-person-id-v1:"
ID_DIGITS = 12      # 48 bits: a collision among 100,000 persons has odds of ~1 in 50,000


_NOT_NAME = re.compile(r"[^\w\s@.-]")


@lru_cache(maxsize=262_144)
def _fold(text: str) -> str:
    """(Cached: a contact's name is folded for resolution and again for the kept state,
    and the same persons recur across plans; 10,000 plans: ~500,000 calls.)"""
    return " ".join(_NOT_NAME.sub(" ", text.casefold()).split())


def _name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s.-]+", _fold(name).replace("@", " ")) if t]


def names_agree(a: str, b: str) -> bool:
    """Whether two contacts holding one e-mail address may be one person: one name's
    last word (the surname) is a word of the other, a single word is one of the
    other's, or the names differ by a typo; a one-letter word is an initial.

    >>> names_agree("Anne Holm", "A. Holm"), names_agree("Anne Holm", "Anne Holm Jensen")
    (True, True)
    >>> names_agree("Mette", "Mette Kruse"), names_agree("Jens Pedersen", "Jens Petersen")
    (True, True)
    >>> names_agree("Anne Holm", "Peter Lund"), names_agree("Anne Holm", "Anne Lund")
    (False, False)
    """
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb or ta == tb:
        return True

    def word_of(w: str, words: list[str]) -> bool:
        return any(w == t or (len(w) == 1 and t.startswith(w)) or (len(t) == 1 and w.startswith(t))
                   for t in words)
    if word_of(ta[-1], tb) or word_of(tb[-1], ta):
        return True
    return difflib.SequenceMatcher(None, " ".join(ta), " ".join(tb)).ratio() >= 0.85


def _h(text: str) -> str:
    return hashlib.sha256(_SALT + text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class PersonKey:
    """What identifies a forgotten person: a hashed e-mail or hashed name (+ organisation)."""

    kind: str   # email | name
    digest: str


def forget_keys(name: str | None, email: str | None) -> list[PersonKey]:
    keys = []
    if email:
        keys.append(PersonKey("email", _h(email.strip().lower())))
    if name:
        keys.append(PersonKey("name", _h(_fold(name))))
    return keys


def is_forgotten(name: str | None, email: str | None, forgotten: frozenset[PersonKey]) -> bool:
    """A contact with an e-mail is forgotten by its e-mail only (a namesake with another
    address is another person); one without, by its name."""
    if not forgotten:
        return False
    if email:
        return PersonKey("email", _h(email.strip().lower())) in forgotten
    return bool(name) and PersonKey("name", _h(_fold(name))) in forgotten


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w-]|\.\w)")
REMOVED = "[removed]"


def _rewrite(value: object, change: "Callable[[str, str], str]", field: str = "") -> object:
    """``value`` (a report's JSON data) with every string passed through
    ``change(field, text)``, ``field`` the name of the innermost key holding it."""
    if isinstance(value, str):
        return change(field, value)
    if isinstance(value, list):
        return [_rewrite(v, change, field) for v in value]
    if isinstance(value, dict):
        return {k: _rewrite(v, change, k) for k, v in value.items()}
    return value


def _forgotten_emails(data: dict, forgotten: frozenset[PersonKey]) -> dict:
    """``data`` with every e-mail address whose key is forgotten replaced by ``[removed]``
    (an address forgotten on its own, :func:`scrub_email`, stays out of a re-loaded
    document's excerpts)."""
    if not any(k.kind == "email" for k in forgotten):
        return data

    def one(m: re.Match) -> str:
        return REMOVED if PersonKey("email", _h(m.group(0).lower())) in forgotten else m.group(0)
    return _rewrite(data, lambda _f, text: _EMAIL.sub(one, text) if "@" in text else text)


def scrub_report(report: AgreementReport, forgotten: frozenset[PersonKey]) -> AgreementReport:
    """A copy of ``report`` without the forgotten persons: contacts dropped, their
    name, e-mail and phone replaced by ``[removed]`` in every excerpt and field, and
    every forgotten e-mail address replaced wherever it is written."""
    if not forgotten:
        return report
    gone = [c for c in report.contacts if is_forgotten(c.name, c.email, forgotten)]
    if not gone:
        data = report.to_dict()
        clean = _forgotten_emails(data, forgotten)
        return report if clean is data or clean == data else AgreementReport.from_dict(clean)
    data = report.to_dict()
    data["contacts"] = [c for c in data["contacts"]
                        if not is_forgotten(c["name"], c.get("email"), forgotten)]
    text = json.dumps(data, ensure_ascii=False)
    for c in gone:
        for value in (c.email, c.phone, c.name):
            if value and len(value) >= 3:
                text = text.replace(json.dumps(value, ensure_ascii=False)[1:-1], "[removed]")
    return AgreementReport.from_dict(_forgotten_emails(json.loads(text), forgotten))


@dataclass(frozen=True)
class EmailPlace:
    """Where a scrubbed e-mail address was written: ``count`` times in a report's
    ``field`` (``excerpt``, ``email``, ...) of ``document``."""

    document: str
    field: str
    count: int


def scrub_email(data: dict, email: str, document: str = "") -> tuple[dict, list[EmailPlace]]:
    """``data`` (a report's JSON data) with ``email`` replaced by ``[removed]`` wherever it
    is written (case-insensitive, whole addresses only), and where it was.

    >>> data = {"contacts": [], "x": [{"excerpt": "Mail: Ab@kk.dk / xab@kk.dk"}]}
    >>> clean, places = scrub_email(data, "ab@KK.dk", "a.txt")
    >>> clean["x"][0]["excerpt"], places
    ('Mail: [removed] / xab@kk.dk', [EmailPlace(document='a.txt', field='excerpt', count=1)])
    """
    pattern = re.compile(r"(?<![\w.+-])" + re.escape(email.strip()) + r"(?![\w-]|\.\w)",
                         re.IGNORECASE)
    counts: dict[str, int] = {}

    def one(field: str, text: str) -> str:
        new, n = pattern.subn(REMOVED, text)
        if n:
            counts[field] = counts.get(field, 0) + n
        return new
    clean = _rewrite(data, one)
    return clean, [EmailPlace(document, f, n) for f, n in sorted(counts.items())]  # type: ignore[return-value]


@dataclass(frozen=True)
class Forgotten:
    """What ``forget-person`` removed: the person (None when no person carries the
    e-mail given) and every other place the e-mail address was still written."""

    ref: str
    person: str | None
    scrubbed: tuple[EmailPlace, ...] = ()

    @property
    def nothing(self) -> bool:
        return self.person is None and not self.scrubbed


def forget_contact(store: Any, ref: str) -> Forgotten:
    """A data-protection request: forget the person ``ref`` names (e-mail, name or id)
    and, for an e-mail address, scrub it from every stored report wherever it is still
    written (an excerpt that quotes it, a contact no person was made of). An e-mail no
    person carries is not an error: it is scrubbed where it occurs, or the result says
    it occurs nowhere (:attr:`Forgotten.nothing`)."""
    email = ref.removeprefix("person:").strip() if "@" in ref else None
    try:
        person = store.forget_person(ref)
    except NotFound:
        if email is None:
            raise
        person = None
    places = tuple(store.forget_email(email)) if email else ()
    return Forgotten(ref, person, places)


def person_id_for(key: str, length: int = ID_DIGITS) -> str:
    """The id a person with identifying ``key`` gets: ``person:`` and ``length`` hex
    digits of a hash, so no id shows an e-mail, a phone or a name.

    >>> person_id_for("fj2f@kk.dk")
    'person:afcb5755702f'
    """
    return "person:" + hashlib.sha256(_ID_SALT + key.encode("utf-8")).hexdigest()[:length]


def identity_key(members: list[Entity], org_of: dict[tuple[str, int], str | None]) -> str:
    """What identifies a person across documents: their e-mail (the smallest, when a
    forced merge joined several), else the first member's name at their organisation."""
    emails = sorted({e.data["email"].strip().lower() for e in members if e.data.get("email")})
    if emails:
        return emails[0]
    orgs = sorted({o for e in members if (o := org_of.get((e.document, e.index)))})
    return f"{slug(members[0].name)}@{orgs[0] if orgs else 'unknown'}"


def person_id(cluster: Cluster, org_of: dict[tuple[str, int], str | None],
              taken: Container[str] = ()) -> str:
    """The person's id, assigned once when the graph is built and used unchanged by the
    CLI, the API, exports, views (also redacted) and both stores: a hash of
    :func:`identity_key`. ``taken`` holds the ids given so far; should two persons meet
    on one id (the same key, kept apart by the overrides file, or a hash collision),
    the later one's id also hashes its members' documents and positions, longer."""
    key = identity_key(cluster.members, org_of)
    pid = person_id_for(key)
    if pid not in taken:
        return pid
    where = key + "|" + ";".join(f"{e.document}:{e.index}" for e in cluster.members)
    for length in range(ID_DIGITS + 4, 65, 4):
        if (pid := person_id_for(where, length)) not in taken:
            return pid
    raise ValueError(f"no free person id for {cluster.members[0].ref!r}")   # pragma: no cover


def _compatible(a: str | None, b: str | None, parents: dict[str, set[str]]) -> bool:
    if a is None or b is None or a == b:
        return True
    return b in parents.get(a, _NONE) or a in parents.get(b, _NONE)


_NONE: frozenset[str] = frozenset()


class _Persons:
    """Union-find over contact entities with the person rules (see module docstring)."""

    def __init__(self, entities: list[Entity], org_of: dict[tuple[str, int], str | None],
                 parents: dict[str, set[str]], overrides: Overrides | None) -> None:
        self.entities, self.parents = entities, parents
        self.parent = list(range(len(entities)))
        self.emails = [{e.data["email"].lower()} if e.data.get("email") else set()
                       for e in entities]
        self.orgs = [{o} if (o := org_of.get((e.document, e.index))) else set() for e in entities]
        self.merges: list[list[Merge]] = [[] for _ in entities]
        self._children: dict[str, set[str]] | None = None
        self.keys = [_person_keys(e, org_of) for e in entities]
        self.different = [(_ref_keys(a), _ref_keys(b))
                          for a, b in (overrides.different if overrides else ())]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def children(self) -> dict[str, set[str]]:
        """Organisation id -> the ids that are (transitively) its units."""
        if self._children is None:
            self._children = defaultdict(set)
            for child, ups in self.parents.items():
                for p in ups:
                    self._children[p].add(child)
        return self._children

    def refused(self, ra: int, rb: int, rule: str) -> bool:
        if self.emails[ra] and self.emails[rb] and not self.emails[ra] & self.emails[rb]:
            return True
        ka, kb = self.keys[ra], self.keys[rb]
        if any((x & ka and y & kb) or (x & kb and y & ka) for x, y in self.different):
            return True
        return rule == "name+org" and not all(
            _compatible(x, y, self.parents)
            for x in self.orgs[ra] or {None} for y in self.orgs[rb] or {None})

    def union(self, a: int, b: int, rule: str, force: bool = False) -> bool:
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra == rb or (not force and self.refused(ra, rb, rule)):
            return False
        self.parent[rb] = ra
        for attr in (self.keys, self.emails, self.orgs):
            attr[ra] |= attr[rb]
        self.merges[ra].extend(self.merges[rb])     # in place: copying was quadratic
        self.merges[rb] = []
        self.merges[ra].append(Merge(self.entities[a].ref, self.entities[b].ref, rule))
        return True


def resolve_persons(entities: list[Entity], org_of: dict[tuple[str, int], str | None],
                    parents: dict[str, set[str]], overrides: Overrides | None = None
                    ) -> list[Cluster]:
    """Cluster contact entities; ``org_of`` maps (document, index) -> organisation id and
    ``parents`` maps an organisation id to the ids it is (transitively) a unit of."""
    entities = sorted(entities, key=lambda e: (e.document, e.index))
    uf = _Persons(entities, org_of, parents, overrides)
    by_email: dict[str, list[int]] = defaultdict(list)
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entities):
        if e.data.get("email"):
            by_email[e.data["email"].lower()].append(i)
        if len(_fold(e.name).split()) >= 2:
            by_name[_fold(e.name)].append(i)
    _apply_person_overrides(entities, overrides, uf)
    for idx in by_email.values():
        _union_same_email(uf, idx)
    for idx in by_name.values():
        _union_same_name(uf, idx)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(entities)):
        groups[uf.find(i)].append(i)
    return [Cluster(members=[entities[i] for i in idx], merges=uf.merges[root])
            for root, idx in sorted(groups.items())]


def _union_same_email(uf: "_Persons", idx: list[int]) -> None:
    """The holders of one address joined to its first holder where their names agree
    (:func:`names_agree`), else to the first earlier holder whose name does (a name
    tried once: an address has few names), else to nobody."""
    first = uf.entities[idx[0]].name
    names: dict[str, int] = {_fold(first): idx[0]}
    for j in idx[1:]:
        name = uf.entities[j].name
        if names_agree(first, name):
            uf.union(idx[0], j, "email")
        elif (a := next((k for n, k in names.items() if names_agree(n, name)), None)) is not None:
            uf.union(a, j, "email")
        names.setdefault(_fold(name), j)


def _union_same_name(uf: "_Persons", idx: list[int]) -> None:
    """Try each entity of a name against one member of every cluster formed so far
    (the earliest), in the order the clusters were formed, so this costs entities x
    clusters, not entities squared; see :func:`_union_same_name_indexed`."""
    if not uf.different:
        return _union_same_name_indexed(uf, idx)
    reps = idx[:1]
    for b in idx[1:]:
        roots: dict[int, int] = {}
        for a in reps:
            roots.setdefault(uf.find(a), a)
        for a in roots.values():
            uf.union(a, b, "name+org")
        if uf.find(b) not in {uf.find(a) for a in reps}:
            reps.append(b)


def _union_same_name_indexed(uf: "_Persons", idx: list[int]) -> None:
    """:func:`_union_same_name` without trying the unions that must be refused: a
    contact is tried only against the clusters whose organisations can be compatible
    with its own (:func:`_near`), in the same order. (A common name at 10,000 plans:
    ~5,000 contacts in ~1,000 clusters.) ``first_of``: root -> its cluster's earliest
    entity of the name; ``pos``: the order of those; ``gone``: entities no longer the
    earliest of their cluster; ``by_org``: entities by the organisations their cluster
    had when they were added (None: none)."""
    first_of: dict[int, int] = {}
    pos: dict[int, int] = {}
    by_org: dict[str | None, list[int]] = defaultdict(list)
    gone: set[int] = set()

    def add(b: int, r: int) -> None:
        first_of[r], pos[b] = b, len(pos)
        for o in uf.orgs[r] or (None,):
            by_org[o].append(b)
    add(idx[0], uf.find(idx[0]))
    for b in idx[1:]:
        rb = uf.find(b)
        joined = []
        for a in _near(uf, rb, by_org, pos):
            if a not in gone and (ra := uf.find(a)) != rb and uf.union(a, b, "name+org"):
                joined.append(a)
                first_of.pop(ra)
        own = first_of.pop(rb, None)
        if not joined and own is None:      # a cluster of its own
            add(b, rb)
            continue
        merged = joined + ([own] if own is not None else [])
        keep = min(merged, key=pos.__getitem__)
        gone.update(a for a in merged if a != keep)
        first_of[uf.find(b)] = keep


def _near(uf: "_Persons", rb: int, by_org: dict[str | None, list[int]],
          pos: dict[int, int]) -> list[int]:
    """The entities whose clusters a contact of cluster ``rb`` may join, in order: all
    when it names no organisation, else those of clusters without one or with one
    compatible with (the same as, a unit of, or a parent of) one of its own. A
    cluster's organisations only grow, and growing makes it compatible with less, so
    this holds every cluster the union would accept."""
    orgs = uf.orgs[rb]
    if not orgs:
        return list(pos)
    y = min(orgs)
    ups, downs = uf.parents.get(y, set()), uf.children().get(y, set())
    if 1 + len(ups) + len(downs) < len(by_org):      # a municipality has thousands of units
        near = [o for o in (y, *ups, *downs) if o in by_org] + [None]
    else:         # (compatible with y: y itself, one of its parents or one of its units;
        near = [o for o in by_org      # inline: ~4 M calls of _compatible at 10,000 plans)
                if o is None or o == y or o in ups or o in downs]
    out = set()
    for o in near:
        out.update(by_org.get(o, ()))
    return sorted(out, key=pos.__getitem__)


def _person_keys(e: Entity, org_of: dict[tuple[str, int], str | None]) -> set[str]:
    """What an overrides file may call the contact: name, e-mail, or the id it has alone."""
    out = {_fold(e.name), slug(e.name), person_id_for(identity_key([e], org_of))}
    if e.data.get("email"):
        out.add(e.data["email"].strip().lower())
    return out


def _ref_keys(ref: str) -> set[str]:
    bare = ref.removeprefix("person:")
    return {ref, _fold(bare), bare.lower(), bare.split("@")[0]}


def _apply_person_overrides(entities: list[Entity], overrides: Overrides | None,
                            uf: "_Persons") -> None:
    if not overrides or not overrides.same:
        return

    def hits(ref: str) -> list[int]:
        ref_f = _fold(ref.removeprefix("person:"))
        return [i for i, e in enumerate(entities)
                if ref_f in {_fold(e.name), _fold(e.data.get("email") or "")} or ref in uf.keys[i]]

    for a, b in overrides.same:
        group = hits(a) + hits(b)
        for j in group[1:]:
            uf.union(group[0], j, "override", force=True)


def person_to_forget(graph: PartnershipGraph, ref: str) -> str:
    """The Person node a data-protection request names: a person id, an e-mail
    address or a name. Any other node (an organisation's id, say) is refused,
    so ``forget-person`` can never erase something that is not a person."""
    if ref.startswith("person:") and "@" in ref and ref not in graph:
        ref = ref.removeprefix("person:")     # an id of the earlier scheme: person:<e-mail>
    pid = ref if ref.startswith("person:") else None
    if pid is None and "@" in ref:
        pid = _by_email(graph, ref)
    if pid is None and ref in graph:
        raise NotFound(f"{ref!r} is a {graph.node(ref)['label']}, not a person; forget-person "
                       "takes a person's e-mail, name or id (person:...)")
    pid = pid or resolve_ref(graph, ref, "Person")
    if pid not in graph:
        raise NotFound(f"no person {ref!r}; try `samspil search {ref}`",
                       api_message=f"no person {ref!r}; GET /api/persons lists the persons")
    return pid


def _by_email(graph: PartnershipGraph, email: str) -> str | None:
    """The person whose id was made from ``email``, or whose e-mail it is."""
    email = email.strip().lower()
    if (pid := person_id_for(email)) in graph:
        return pid
    return next((n for n, d in graph.nodes("Person")
                 if (d.get("email") or "").strip().lower() == email), None)
