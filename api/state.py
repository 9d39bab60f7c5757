"""The graph the API serves: loaded from the store once, reloaded when the store changes.

Reading a store per request would cost far more than the 100 ms latency goal,
so :class:`GraphCache` keeps one loaded (and, per settings, privatised) graph
plus the indexes the endpoints need, and reloads only when the store's data
version changes (a counter the store exposes; without one, the cache's own
counter, bumped by every write through the API).
"""
from __future__ import annotations

import gc
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from samspil.graph.lookup import fold
from samspil.graph.model import PartnershipGraph
from samspil.graph.settings import Settings
from samspil.viz.redact import hide_contact_details, redact

__all__ = ["GraphCache", "Snapshot"]

log = logging.getLogger(__name__)

VERSION_ATTRS = ("data_version", "version")
MEMO_SIZE = 4096             # cached responses per loaded graph ...
MEMO_BYTES = 256 * 2**20     # ... and at most this many bytes of them
_MEMO_LOCK = threading.Lock()
UNVERSIONED_TTL = 60.0     # seconds; for stores without a data version
CHECK_INTERVAL = 1.0  # seconds between looks at the store's version


@dataclass(frozen=True)
class Snapshot:
    """One loaded graph and the indexes built from it (never changed once built)."""

    graph: PartnershipGraph
    version: Any
    search_index: tuple[tuple[str, str, str, tuple[str, ...]], ...]  # (id, label, name, folded names)
    by_label: dict[str, tuple[str, ...]] = field(default_factory=dict)
    plan_members: dict[str, frozenset[str]] = field(default_factory=dict)
    memo: dict[Any, Any] = field(default_factory=dict)   # results of views / analyses
    memo_bytes: list[int] = field(default_factory=lambda: [0])
    indexes: dict[str, Any] = field(default_factory=dict)   # built on first use (search)

    def cached(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per snapshot and key (views and analyses are pure)."""
        try:
            return self.memo[key]
        except KeyError:
            pass
        value = compute()
        size = len(value) if isinstance(value, (bytes, str)) else 1024
        with _MEMO_LOCK:
            self.memo[key] = value
            self.memo_bytes[0] += size
            while len(self.memo) > MEMO_SIZE or self.memo_bytes[0] > MEMO_BYTES:
                old = self.memo.pop(next(iter(self.memo)))
                self.memo_bytes[0] -= len(old) if isinstance(old, (bytes, str)) else 1024
        return value


def _index(graph: PartnershipGraph, version: Any) -> Snapshot:
    rows = []
    by_label: dict[str, list[str]] = {}
    for nid, d in graph.nodes():
        names = [d.get("name") or "", *(d.get("aliases") or [])]
        rows.append((nid, d["label"], d.get("name") or nid,
                     tuple(fold(n) for n in names if n) + (fold(nid),)))
        by_label.setdefault(d["label"], []).append(nid)
    members: dict[str, frozenset[str]] = {}
    und = graph.g
    for pid in by_label.get("Plan", []):
        near = set(und.predecessors(pid)) | set(und.successors(pid))
        for a in graph.out(pid, "HAS_ACTIVITY"):
            near |= set(und.predecessors(a)) | set(und.successors(a))
        near.discard(pid)
        members[pid] = frozenset(near)
    ordered = {k: tuple(sorted(v, key=lambda n: (fold(graph.node(n).get("name") or n), n)))
               for k, v in by_label.items()}
    return Snapshot(graph, version, tuple(rows), ordered, members)


class GraphCache:
    """Thread-safe holder of the current :class:`Snapshot`."""

    def __init__(self, settings: Settings, store: Any = None,
                 graph: PartnershipGraph | None = None) -> None:
        self.settings = settings
        self.store = store
        self._static = graph
        self._local_version = 0
        self._snap: Snapshot | None = None
        self._lock = threading.Lock()
        self._checked: tuple[float, Any] | None = None
        self._bg_lock = threading.Lock()
        self._refreshing = False

    def store_version(self) -> Any:
        """(store's data version, own write counter); looked up at most every second."""
        now = time.monotonic()
        if self._checked is not None and now - self._checked[0] < CHECK_INTERVAL:
            return (self._checked[1], self._local_version)
        v: Any = None
        for attr in VERSION_ATTRS:
            found = getattr(self.store, attr, None)
            if found is not None:
                v = found() if callable(found) else found
                break
        else:
            db = getattr(self.store, "db", None)
            if isinstance(db, sqlite3.Connection):
                # changes when another connection (another samspil process) commits
                v = db.execute("PRAGMA data_version").fetchone()[0]
            elif self.store is not None:
                # a store that cannot tell (e.g. Neo4j written by another process):
                # reload at most once per UNVERSIONED_TTL seconds
                v = ("ttl", int(now // UNVERSIONED_TTL))
        self._checked = (now, v)
        return (v, self._local_version)

    def changed(self) -> None:
        """Call after a write: the next read reloads."""
        with self._lock:
            self._local_version += 1
            self._checked = None

    def snapshot(self) -> Snapshot:
        """The served snapshot. When the store has a newer graph (written by another
        process), it is loaded in a background thread and readers keep the current one
        meanwhile: a reader never waits for a reload, except for the very first."""
        version = self.store_version()
        snap = self._snap
        if snap is not None and snap.version == version:
            return snap
        if snap is not None:
            self._refresh_in_background(version)
            return snap
        return self.refresh(version)

    def refresh(self, version: Any = None) -> Snapshot:
        """Load and index the store's graph now, in the calling thread, and serve it
        (the write worker calls this after a write, so the writer reads its write)."""
        with self._lock:
            version = self.store_version() if version is None else version
            if self._snap is not None and self._snap.version == version:
                return self._snap
            first = self._snap is None
            gc_was_on = gc.isenabled()
            gc.disable()      # building a million dicts: collections would find nothing
            try:
                self._snap = self._build(version)
            finally:
                if gc_was_on:
                    gc.enable()
            # the served graph lives long and is only read: move it out of the cyclic
            # GC's generations, so collections do not walk its million objects again
            # (on a reload unfrozen first, so the previous graph can still be collected)
            if not first:
                gc.unfreeze()
                gc.collect()
            gc.freeze()
            return self._snap

    def _build(self, version: Any) -> Snapshot:
        """The privatised graph and its indexes; from a store that keeps answers per
        graph revision (:mod:`samspil.graph.answers`) they are read back after the
        first time, so a restarted server does not privatise and index again."""
        if self._static is not None or self.store is None:
            return _index(self._privatise(self._load()), version)
        from samspil.graph.answers import cached_answer

        mode = ("api-snapshot", bool(self.settings.api_redact),
                bool(self.settings.api_show_contact_details))
        s = cached_answer(self.store, mode, lambda: _index(self._privatise(self._load()), None))
        return Snapshot(s.graph, version, s.search_index, s.by_label, s.plan_members)

    def _refresh_in_background(self, version: Any) -> None:
        with self._bg_lock:
            if self._refreshing:
                return
            self._refreshing = True

        def run() -> None:
            try:
                self.refresh(version)
            except Exception:      # readers keep the old graph; the next look retries
                log.exception("reloading the graph failed; still serving the previous one")
            finally:
                self._refreshing = False

        threading.Thread(target=run, name="samspil-reload", daemon=True).start()

    def graph(self) -> PartnershipGraph:
        return self.snapshot().graph

    def _load(self) -> PartnershipGraph:
        if self._static is not None:
            return self._static
        if self.store is None:
            return PartnershipGraph()
        return self.store.load()

    def _privatise(self, graph: PartnershipGraph) -> PartnershipGraph:
        if self.settings.api_redact:
            return redact(graph)
        if not self.settings.api_show_contact_details:
            return hide_contact_details(graph)
        return graph
