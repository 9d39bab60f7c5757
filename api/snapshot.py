"""One committed graph as the API serves it: privatised where it is read, indexed once.

A :class:`Snapshot` holds the store's graph as it was committed (*raw*: with contact
details) and serves it privatised (``samspil.viz.redact``) without copying it whole
first: a detail, a list row or a search hit privatises only the nodes and
relationships it shows, when it shows them (:meth:`Snapshot.node`,
:meth:`Snapshot.relationships`), through the same :class:`~samspil.viz.redact.Privatiser`
that makes the whole privatised graph. That whole graph, which views and analyses
read, is made on first use (the API starts one in the background right after it
starts), so a start after a load no longer waits seconds for it (issue 13). The
names that look-ups, lists and search read are the privatised ones from the start
(a redacted person is found by their role, never by their name or e-mail).

Answers are kept per snapshot (:meth:`Snapshot.cached`): computed once per key even
when fifty clients ask at the same moment (the others wait for that one computation
instead of repeating it), and an answer that cost more than ``WARM_CPU`` seconds is
computed again for the next snapshot *before* that snapshot is served
(:meth:`Snapshot.warm_from`), so after a write readers keep the previous revision's
answers until the new ones are ready instead of all waiting for them.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from samspil.graph.lookup import fold
from samspil.graph.model import PartnershipGraph, assemble_graph

__all__ = ["Snapshot", "make_snapshot", "WARM_CPU"]

MEMO_SIZE = 4096             # cached responses per loaded graph ...
MEMO_BYTES = 256 * 2**20     # ... and at most this many bytes of them
WARM_CPU = 0.005             # seconds: answers dearer than this are prepared for the next graph
WARM_MOST = 32               # ... at most this many of them (the dearest kept)
_MEMO_LOCK = threading.Lock()

Row = tuple[str, str, str, tuple[str, ...]]     # (id, label, name, folded names)
Recipe = Callable[["Snapshot"], Any]


class Snapshot:
    """One loaded graph, its indexes and its kept answers (never changed once served,
    except that answers and the whole privatised graph are added on first use)."""

    def __init__(self, raw: PartnershipGraph, version: Any, privatiser: Any,
                 names: PartnershipGraph, search_index: tuple[Row, ...],
                 by_label: dict[str, tuple[str, ...]], plan_members: dict[str, frozenset[str]],
                 make_private: Callable[[], PartnershipGraph] | None = None) -> None:
        self.version = version
        self.names = names                    # privatised names only: for resolve_ref
        self.search_index = search_index
        self.by_label = by_label
        self.plan_members = plan_members
        self.memo: dict[Any, Any] = {}        # serialised answers (the fast path reads it)
        self.memo_bytes = [0]
        self.indexes: dict[str, Any] = {}     # built on first use (search)
        self.recipes: dict[Any, tuple[float, Recipe]] = {}   # dear answers: (CPU s, recipe)
        self._flights: dict[Any, threading.Lock] = {}
        # (graph, privatiser or None): swapped in one assignment once the whole
        # privatised graph exists, so a reader never mixes the two
        self._view: tuple[PartnershipGraph, Any] = (raw, privatiser)
        self._nodes: dict[str, dict[str, Any]] = {}
        self._make_private = make_private or (lambda: privatiser.graph() if privatiser else raw)
        self._private_lock = threading.Lock()

    # -- the graph -------------------------------------------------------------
    @property
    def graph(self) -> PartnershipGraph:
        """The whole privatised graph (views and analyses read it): made on first use."""
        g, privatiser = self._view
        if privatiser is None:
            return g
        with self._private_lock:
            g, privatiser = self._view
            if privatiser is not None:
                raw, g = g, self._make_private()
                self._view = (g, None)
                self._nodes = {}
                self._make_private = None       # nothing refers to the raw graph now ...
                _break_cycles(raw.g)            # ... and it is freed when readers are done
        return g

    @property
    def ready(self) -> bool:
        """Whether the whole privatised graph exists (nothing is made on first use)."""
        return self._view[1] is None

    def node(self, nid: str) -> dict[str, Any]:
        """A node's attributes as served (privatised)."""
        g, privatiser = self._view
        if privatiser is None:
            return g.node(nid)
        d = self._nodes.get(nid)
        if d is None:
            d = self._nodes[nid] = privatiser.node(nid, g.node(nid))
        return d

    def relationships(self, nid: str):
        """``(direction, other end, type, attributes as served)`` of a node's relationships."""
        g, privatiser = self._view
        fresh = privatiser.edge if privatiser is not None else (lambda d: d)
        for _u, v, k, d in g.g.out_edges(nid, keys=True, data=True):
            yield "out", v, k, fresh(d)
        for u, _v, k, d in g.g.in_edges(nid, keys=True, data=True):
            yield "in", u, k, fresh(d)

    def out_neighbours(self, nid: str, rel: str) -> list[str]:
        """The nodes ``nid`` links to by ``rel`` (its adjacency, not a scan)."""
        succ = self._view[0].g._succ.get(nid) or {}
        return [v for v, keys in succ.items() if rel in keys]

    def counts(self) -> dict[str, int]:
        return self._view[0].counts()

    def graphs(self) -> list[Any]:
        """The networkx graphs this snapshot holds (for :meth:`release` and its check)."""
        return [self._view[0].g, self.names.g]

    def release(self) -> None:
        """Break the reference cycles of this (retired) snapshot's graphs: networkx keeps
        its views (``G.nodes``, ``G.adj`` ...) in the graph's ``__dict__``, each pointing
        back at the graph, so a dropped graph would wait for a full cyclic collection,
        which walks every object of the process (~0.1 s with the seeds, seconds at
        1,000 plans) while holding the GIL. Without the cycles reference counting frees
        it as soon as the last reader is done. Safe while readers still use it: a view
        is made again on its next use."""
        for g in self.graphs():
            _break_cycles(g)
        self.memo.clear()
        self.recipes.clear()

    # -- answers ---------------------------------------------------------------
    def cached(self, key: Any, compute: Callable[[], Any], recipe: Recipe | None = None) -> Any:
        """``compute()`` once per snapshot and key (views and analyses are pure); callers
        asking while it runs wait for it. ``recipe(snapshot)`` computes the same answer on
        another snapshot: given, a dear answer is prepared for the next graph."""
        try:
            return self.memo[key]
        except KeyError:
            pass
        flight = self._flights.setdefault(key, threading.Lock())
        with flight:
            try:
                return self.memo[key]
            except KeyError:
                pass
            began = time.thread_time()
            value = compute()
            cost = time.thread_time() - began
            self.keep(key, value)
            if recipe is not None and cost >= WARM_CPU:
                self.recipes[key] = (cost, recipe)
        self._flights.pop(key, None)
        return value

    def keep(self, key: Any, value: Any) -> None:
        """Keep ``value`` as the answer to ``key`` (the oldest go beyond the limits)."""
        size = len(value) if isinstance(value, (bytes, str)) else 1024
        with _MEMO_LOCK:
            self.memo[key] = value
            self.memo_bytes[0] += size
            while len(self.memo) > MEMO_SIZE or self.memo_bytes[0] > MEMO_BYTES:
                oldest = next(iter(self.memo))
                old = self.memo.pop(oldest)
                self.recipes.pop(oldest, None)
                self.memo_bytes[0] -= len(old) if isinstance(old, (bytes, str)) else 1024

    def warm_from(self, old: "Snapshot") -> int:
        """Compute here the dear answers ``old`` had (at most ``WARM_MOST``, dearest
        first), before this snapshot is served; returns how many."""
        if "trigram-index" in old.indexes:        # searched before: search at once
            from samspil.api.search_index import context_of, index_of
            index_of(self.indexes, self.search_index)
            context_of(self.indexes, self)
        dear = sorted(old.recipes.items(), key=lambda kv: -kv[1][0])[:WARM_MOST]
        for key, (_cost, recipe) in dear:
            try:
                self.cached(key, lambda r=recipe: r(self), recipe)
            except Exception:      # noqa: BLE001 - e.g. a plan the write removed: asked again later
                pass
        return len(dear)


def _break_cycles(g: Any) -> None:
    """Drop the views networkx keeps in a graph's ``__dict__`` (each refers back to the
    graph); the next use of one makes it again."""
    for name in [k for k, v in vars(g).items()
                 if type(v).__module__.startswith(("networkx.classes.reportviews",
                                                   "networkx.classes.coreviews"))]:
        vars(g).pop(name, None)


def _served_names(raw: PartnershipGraph, privatiser: Any, n: str,
                  d: dict[str, Any]) -> dict[str, Any]:
    """What a node is looked up and listed by, as served: a person has no e-mail, and
    under redaction their role instead of their name (as ``Privatiser.node`` gives)."""
    out = {"label": d["label"], "name": d.get("name")}
    if d.get("aliases"):
        out["aliases"] = d["aliases"]
    if d["label"] == "Plan":          # a plan is also looked up by its municipality's name
        out.update({k: d[k] for k in ("municipality", "area") if d.get(k)})
    if d["label"] == "Person" and privatiser is not None:
        if not privatiser.names:
            out["name"] = privatiser.node(n, {"label": "Person"})["name"]
    elif d.get("email"):
        out["email"] = d["email"]
    return out


def make_snapshot(raw: PartnershipGraph, version: Any, privatiser: Any,
                  make_private: Callable[[], PartnershipGraph] | None = None) -> Snapshot:
    """The snapshot of ``raw``: its served names, search rows, nodes by label (sorted by
    folded name) and each plan's members. A privatiser that renames persons (ids of an
    older scheme) makes the whole privatised graph at once instead."""
    if privatiser is not None and privatiser.mapping:
        raw, privatiser = privatiser.graph(), None
    names = []
    rows = []
    by_label: dict[str, list[tuple[str, str]]] = {}
    for nid, d in raw.nodes():
        served = _served_names(raw, privatiser, nid, d)
        names.append((nid, served))
        name = served["name"] or ""
        folded = tuple(fold(x) for x in (name, *(served.get("aliases") or [])) if x)
        rows.append((nid, d["label"], served["name"] or nid, folded + (fold(nid),)))
        by_label.setdefault(d["label"], []).append((folded[0] if name else fold(nid), nid))
    members: dict[str, frozenset[str]] = {}
    pred, succ = raw.g._pred, raw.g._succ
    for _key, pid in by_label.get("Plan", []):
        near = set(pred[pid]) | set(succ[pid])
        for a in raw.out(pid, "HAS_ACTIVITY"):
            near |= set(pred[a]) | set(succ[a])
        near.discard(pid)
        members[pid] = frozenset(near)
    ordered = {k: tuple(n for _f, n in sorted(v)) for k, v in by_label.items()}
    return Snapshot(raw, version, privatiser, assemble_graph(names, ()), tuple(rows), ordered,
                    members, make_private)
