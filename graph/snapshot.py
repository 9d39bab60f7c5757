"""The embedded store's read snapshot: the committed graph in parts, beside the store.

A reading command needs a part of the graph (``overlaps`` the plans, organisations,
activities and the four relationship types between them; ``stats`` only counts), so
the snapshot keeps the graph cut into independently loadable *parts*, one pickle file
each in ``<store>.parts/``:

* ``("nodes", label)``: ``[(id, attributes), ...]`` sorted by id, one part per label;
* ``("edges", type)``: ``[(source, target, type, attributes), ...]`` sorted, one per type;
* ``("names", label)``: the id, label, name and aliases (and their folded forms)
  of every node of a label: what name look-ups and ``search`` read;
* ``("summary",)``: the counts behind ``samspil stats``.

Each file starts with a header (format, the graph token the store drew for this
graph, the part's key) and is written atomically, so a part is made once, by the
first reader that needs it (from the store's rows: ``graph/sqlite_reads.py``), and
only the parts a command reads are ever made: the first ``samspil plans`` after a load
makes the plans, organisations, activities and three relationship types, not the
whole graph. :func:`read_parts` reads the kept parts of the current graph,
:func:`assemble_part` assembles a :class:`GraphPart` into a :class:`PartnershipGraph`
in the order every store returns (nodes by id, relationships by source, target and
type), so an analysis of the part gives what it gives on the whole graph when it
reads only the labels and relationship types the part holds (tests check each
command's part). :func:`project` is the in-memory meaning of a part, for stores
without a snapshot.
"""
from __future__ import annotations

import gc
import os
import pickle
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from samspil.graph.model import LABELS, REL_ENDPOINTS, REL_TYPES, PartnershipGraph, _nx, assemble_graph

__all__ = ["GraphPart", "Names", "WHOLE", "NAMES", "project", "around", "plans_around", "names_graph",
           "names_only", "summary_of", "part_keys", "read_part", "read_parts", "read_summary",
           "assemble_part", "write_snapshot", "write_part"]

FORMAT = 5


@dataclass(frozen=True)
class GraphPart:
    """The labels and relationship types an answer reads. The endpoint labels of the
    relationship types are always included (:meth:`of` adds them)."""

    rels: frozenset[str]
    labels: frozenset[str]

    @classmethod
    def of(cls, *rels: str, labels: Iterable[str] = ()) -> "GraphPart":
        bad = [r for r in rels if r not in REL_ENDPOINTS] + [x for x in labels if x not in LABELS]
        if bad:
            raise ValueError(f"unknown labels or relationship types {bad}")
        ends = {lab for r in rels for lab in REL_ENDPOINTS[r]}
        return cls(frozenset(rels), frozenset(labels) | ends)

    def __or__(self, other: "GraphPart") -> "GraphPart":
        return GraphPart(self.rels | other.rels, self.labels | other.labels)

    def is_whole(self) -> bool:
        return self.rels >= set(REL_TYPES) and self.labels >= set(LABELS)


WHOLE = GraphPart.of(*REL_TYPES, labels=LABELS)


@dataclass(frozen=True)
class Names:
    """The light names graph of these labels (:func:`names_graph`): what name look-ups
    and ``search`` read; :meth:`of` names the labels (a plan look-up needs only plans)."""

    labels: frozenset[str]

    @classmethod
    def of(cls, *labels: str) -> "Names":
        return cls(frozenset(labels))


NAMES = Names(frozenset(LABELS))


def project(graph: PartnershipGraph, part: GraphPart) -> PartnershipGraph:
    """The part of ``graph`` that ``part`` names (its order kept): the in-memory
    reference of :func:`read_part`."""
    if part.is_whole():
        return graph
    out = _nx().MultiDiGraph()
    out.add_nodes_from((n, d) for n, d in graph.g.nodes(data=True) if d["label"] in part.labels)
    out.add_edges_from((u, v, k, d) for u, v, k, d in graph.g.edges(keys=True, data=True)
                       if k in part.rels and u in out and v in out)
    return PartnershipGraph(out)


def around(graph: PartnershipGraph, node_ids: str | Iterable[str]) -> PartnershipGraph:
    """The nodes, their relationships and the nodes at the other ends (the in-memory
    reference of ``SqliteStore.load_around``); unknown ids are left out."""
    want = {node_ids} if isinstance(node_ids, str) else set(node_ids)
    g = graph.g
    want &= set(g)
    keep = set(want)
    for n in want:
        keep |= set(g._succ[n]) | set(g._pred[n])
    out = _nx().MultiDiGraph()
    out.add_nodes_from((n, d) for n, d in g.nodes(data=True) if n in keep)
    out.add_edges_from((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)
                       if u in want or v in want)
    return PartnershipGraph(out)


def plans_around(load: Any, plan_ids: Iterable[str]) -> PartnershipGraph:
    """What an analysis of a few plans reads (``compare``, ``shared-partners`` of 2-3
    plans): the plans and their activities with all their relationships and the nodes
    at the other ends. ``load(ids)`` is a store's ``load_around``."""
    plan_ids = list(plan_ids)
    first = load(plan_ids)
    acts = [a for p in plan_ids if p in first for a, keys in first.g._succ[p].items()
            if "HAS_ACTIVITY" in keys]
    return load([*plan_ids, *acts])


_NAME_KEYS = ("id", "label", "name", "aliases", "email")


def names_only(n: str, d: dict[str, Any]) -> dict[str, Any]:
    from samspil.graph.lookup import folded_names
    out = {k: d[k] for k in _NAME_KEYS if k in d}
    out["folded"] = folded_names(n, d)[1]
    return out


def names_graph(graph: PartnershipGraph, labels: Iterable[str] = LABELS) -> PartnershipGraph:
    """Every node with only its id, label, name, aliases and their folded forms
    (``folded``: name, aliases, id), and no relationships: enough for
    :func:`samspil.graph.lookup.resolve_ref` and ``queries.search``."""
    out = _nx().MultiDiGraph()
    labels = set(labels)
    out.add_nodes_from((n, names_only(n, d)) for n, d in graph.g.nodes(data=True)
                       if d["label"] in labels)
    return PartnershipGraph(out)


def summary_of(graph: PartnershipGraph) -> dict[str, Any]:
    """What ``samspil stats`` reports: counts per label and type, and how many
    organisations and persons were read from several documents."""
    def multi(label: str) -> int:
        return sum(len({m["document"] for m in d.get("mentions") or []}) > 1
                   for _, d in graph.nodes(label))
    return {"counts": graph.counts(), "cross_document": {lab: multi(lab) for lab in
                                                         ("Organisation", "Person")}}


# -- writing ------------------------------------------------------------------------
def _parts(graph: PartnershipGraph) -> Iterator[tuple[tuple[str, ...], Any]]:
    g = graph.g
    nodes: dict[str, list] = {lab: [] for lab in LABELS}
    for n, d in g.nodes(data=True):
        nodes[d["label"]].append((n, d))
    edges: dict[str, list] = {t: [] for t in REL_TYPES}
    ids = {n: n for n in g}      # one string object per id: pickled once per part
    for u, v, k, d in g.edges(keys=True, data=True):
        edges[k].append((ids[u], ids[v], k, d))
    for lab, rows in nodes.items():
        rows.sort(key=itemgetter(0))
        yield ("nodes", lab), rows
        yield ("names", lab), [(n, names_only(n, d)) for n, d in rows]
    for t, rows in edges.items():
        yield ("edges", t), sorted(rows, key=itemgetter(0, 1))
    yield ("summary",), summary_of(graph)


def part_keys(part: GraphPart | Names) -> list[tuple[str, ...]]:
    """The stored parts a :class:`GraphPart` (or :class:`Names`) is assembled from."""
    if isinstance(part, Names):
        return [("names", lab) for lab in sorted(part.labels)]
    return [("nodes", lab) for lab in sorted(part.labels)] + [("edges", t) for t in sorted(part.rels)]


def write_snapshot(folder: Path, token: str | None, graph: PartnershipGraph) -> bool:
    """Write every part of ``graph`` (the graph ``token`` names): see :func:`write_part`."""
    return all([write_part(folder, token, key, value) for key, value in _parts(graph)])


def _file(folder: Path, key: tuple[str, ...]) -> Path:
    return folder / ("-".join(key) + ".pickle")


def write_part(folder: Path, token: str | None, key: tuple[str, ...], value: Any) -> bool:
    """Write one part atomically (a temporary file, owner-only, renamed over the old
    one): a header (format, token, key), then the value. A reader never sees half a
    part, and a part of another graph is never taken for this one's (the token). A
    failure (read-only folder, full disk) is ignored, False: the parts are a cache."""
    if not token:
        return False
    path = _file(folder, key)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            pickle.dump((FORMAT, token, key), f, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return True
    except (OSError, pickle.PicklingError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False


# -- reading ------------------------------------------------------------------------
def read_parts(folder: Path, token: str | None,
               keys: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], Any]:
    """The parts ``keys`` kept for the graph ``token``; a part that is absent, of
    another graph or damaged is left out (the caller makes it from the rows)."""
    out: dict[tuple[str, ...], Any] = {}
    if not token:
        return out
    gc_was_on = gc.isenabled()
    gc.disable()       # hundreds of thousands of new dicts: cyclic GC passes only cost
    try:
        for key in keys:
            try:
                with open(_file(folder, key), "rb") as f:
                    if pickle.load(f) == (FORMAT, token, key):
                        out[key] = pickle.load(f)
            except Exception:    # noqa: BLE001 - absent, half-written or damaged: only a cache
                pass
    finally:
        if gc_was_on:
            gc.enable()
    return out


def read_summary(folder: Path, token: str | None) -> dict[str, Any] | None:
    """The ``summary`` part, or ``None`` when it is absent, stale or damaged."""
    return read_parts(folder, token, [("summary",)]).get(("summary",))


def read_part(folder: Path, token: str | None, part: GraphPart | Names) -> PartnershipGraph | None:
    """The graph's ``part`` (:class:`Names`: the names graph) from the kept parts, or
    ``None`` when one of them is absent, belongs to another graph or is damaged."""
    keys = part_keys(part)
    found = read_parts(folder, token, keys)
    return assemble_part(part, found) if len(found) == len(keys) else None


def assemble_part(part: GraphPart | Names, values: dict[tuple[str, ...], Any]) -> PartnershipGraph:
    """The graph of ``part`` from its parts' values (``values[key]`` for every key of
    :func:`part_keys`), in the order of every store: nodes by id, relationships by
    source, target and type."""
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        # each label's ids share a prefix ("org:", "plan:" ...): its part is one
        # block of the id order, so the blocks only need ordering by first id
        kind = "names" if isinstance(part, Names) else "nodes"
        blocks = sorted((b for lab in part.labels if (b := values[(kind, lab)])),
                        key=lambda b: b[0][0])
        nodes = [row for b in blocks for row in b]
        edges: list = []
        if not isinstance(part, Names):
            edges = [row for t in sorted(part.rels) for row in values[("edges", t)]]
            edges.sort(key=itemgetter(0, 1, 2))
        return assemble_graph(nodes, edges)
    finally:
        if gc_was_on:
            gc.enable()
