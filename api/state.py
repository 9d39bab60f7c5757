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
import weakref
from typing import Any

from samspil.api.snapshot import Snapshot, make_snapshot
from samspil.graph.model import PartnershipGraph
from samspil.graph.settings import Settings
from samspil.viz.redact import Privatiser

__all__ = ["GraphCache", "Snapshot"]

log = logging.getLogger(__name__)

VERSION_ATTRS = ("data_version", "version")
UNVERSIONED_TTL = 60.0     # seconds; for stores without a data version
CHECK_INTERVAL = 1.0  # seconds between looks at the store's version
RETIRED_GRACE = 30.0  # seconds a retired graph may stay in use before a full collection


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
        self._retired: list[tuple[float, weakref.ref]] = []   # (when, graph) of old snapshots
        self.full_collections = 0
        self._later: list = []          # work to do after the next swap (in the background)

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
        """Load and index the store's graph now, in the calling thread, prepare the dear
        answers the served snapshot had, and only then serve it (the write worker calls
        this after a write, so the writer reads its write; readers keep the previous
        snapshot until the swap)."""
        with self._lock:
            version = self.store_version() if version is None else version
            old = self._snap
            if old is not None and old.version == version:
                return old
            gc_was_on = gc.isenabled()
            gc.disable()      # building a million dicts: collections would find nothing
            try:
                new = self._build(version)
                if old is not None:
                    new.warm_from(old)
                # ... and they leave the collector's generations before it runs again: the
                # first collection after enabling it would walk them all (10,000 plans: 1.3 s)
                gc.freeze()
            finally:
                if gc_was_on:
                    gc.enable()
            self._snap = new
            self._settle(new, old)
            return new

    def _settle(self, snap: Snapshot, old: Snapshot | None) -> None:
        """After a swap. The served graph lives long and is only read, so it leaves the
        cyclic GC's generations (``gc.freeze``). The previous one is released (its
        cycles broken, :meth:`Snapshot.release`) and freed by reference counting when
        its last reader is done; only if a graph retired more than ``RETIRED_GRACE``
        seconds ago is still alive is the full collection run (unfrozen first), which
        stops every thread while it walks the process (it ran after every write
        before: 0.1 s a write with the seeds). The whole privatised graph (and the
        store's snapshot, when the graph was read from its tables) is made in the
        background."""
        now = time.monotonic()
        if old is not None:
            old.release()
            stuck = [r for t, r in self._retired if r() is not None and now - t > RETIRED_GRACE]
            self._retired = [(t, r) for t, r in self._retired if r() is not None]
            self._retired += [(now, weakref.ref(g)) for g in old.graphs()]
            if stuck:
                gc.unfreeze()
                gc.collect()
                self.full_collections += 1
        gc.freeze()
        later, self._later = self._later, []
        if not snap.ready or later:
            def make() -> None:
                try:
                    for job in later:     # the store's snapshot, when the graph came from rows
                        job()
                    snap.graph
                    gc.freeze()
                except Exception:      # noqa: BLE001 - made again by the first view asking
                    log.exception("making the privatised graph failed")
            threading.Thread(target=make, name="samspil-private", daemon=True).start()

    def _build(self, version: Any) -> Snapshot:
        """The snapshot of the store's committed graph, privatised where it is read
        (:mod:`samspil.api.snapshot`). The whole privatised graph, once made, is kept
        per graph revision and privacy setting beside an embedded store
        (:mod:`samspil.graph.answers`), so a restarted server reads it back."""
        own = getattr(self.store, "answer_token", None) if self._static is None else None
        token = own() if own is not None else None      # read before the graph is
        key = ("api-private-graph", 2, bool(self.settings.api_redact))   # 2: persons' has_email/has_phone
        if token is not None and self._privacy():
            from samspil.graph.answers import kept_answer

            kept = kept_answer(self.store, key, token)   # a restart: no raw graph needed
            if kept is not None:
                return make_snapshot(kept[0], version, None)
        raw = self._load()
        privatiser = self._privatiser(raw)
        make_private = None
        if privatiser is not None and token is not None:
            from samspil.graph.answers import cached_answer

            make_private = lambda: cached_answer(self.store, key,   # noqa: E731
                                                 privatiser.graph, token=token)
        return make_snapshot(raw, version, privatiser, make_private)

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
        from samspil.graph.sqlite_store import SqliteStore
        if isinstance(self.store, SqliteStore) and not self._privacy():
            # the store's graph served as it is: its snapshot parts, written after the start,
            # are what a restart reads (with privacy, a restart reads the kept privatised graph)
            return self.store.load(defer_snapshot=self._later.append)
        if isinstance(self.store, SqliteStore):
            return self.store.load(defer_snapshot=lambda write: None)
        return self.store.load()

    def _privacy(self) -> bool:
        return bool(self.settings.api_redact or not self.settings.api_show_contact_details)

    def _privatiser(self, graph: PartnershipGraph) -> Privatiser | None:
        if not self._privacy():
            return None
        return Privatiser(graph, names=not self.settings.api_redact)
