"""The embedded store's full write of the graph, folded from the stored fragments.

A full build (graph/build.py with ``fold=False``) stores each document's fragment in
the ``frag`` table (graph/inc_state.py) as it is emitted and keeps only the Plan,
Organisation and Person nodes. :func:`write_graph` then reads the fragments in
``(item, part, document)`` order, the table's primary key, so every node and
relationship comes with its documents' versions in the order
:class:`samspil.graph.fragments.Folder` folds them, folds each with the same
functions the incremental update uses (``merge_node`` / ``merge_edge``) and writes its
rows, a few thousand items at a time. Items come in id order (a relationship's item
``source\\x1ftarget\\x1ftype`` sorts as the tuple does, ids holding no control
characters), which is the order ``PartnershipGraph.canonical`` gives, so the rows are
those :func:`samspil.graph.sqlite_rows.insert_graph` writes for the whole graph, and
the whole graph is never in memory (issue 13: 10,000 plans).
"""
from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from typing import Any

from samspil.graph.build import made
from samspil.graph.emit import source_sort_key
from samspil.graph.fragments import finish_node, merge_edge, merge_node
from samspil.graph.model import PartnershipGraph, _source_key
from samspil.graph.inc_schema import STATE_TABLES
from samspil.graph.jsontext import dumps, loads
from samspil.graph.sqlite_bulk import BulkWrite
from samspil.graph.sqlite_rows import source_id
from samspil.graph.store import node_documents

__all__ = ["full_write", "write_graph"]

_CHUNK = 5000
_encode = dumps


def full_write(db: sqlite3.Connection, overrides: Any, forgotten: frozenset) -> dict[str, Any]:
    """Replace the graph and the incremental state by the full build of every stored
    report, inside the caller's transaction; :func:`write_graph`'s figures plus
    ``foreign`` (a report cites another document: no incremental updates)."""
    from samspil.graph.build import build
    from samspil.graph.inc_state import clear_state, put_fragment, write_org_state, write_state
    from samspil.graph.incremental import foreign_sources
    from samspil.loaders.model import AgreementReport
    foreign = []

    def reports(check: bool = False) -> Iterator[AgreementReport]:   # read twice, one at a
        for (text,) in db.execute("SELECT report FROM documents ORDER BY id"):   # time
            report = AgreementReport.from_dict(loads(text))
            if check:
                foreign.append(foreign_sources([report]))
            yield report
    tables = ("nodes", "edges", "node_docs", "edge_docs", "sources")
    for table in tables:
        db.execute(f"DELETE FROM {table}")   # noqa: S608 - fixed table names
    clear_state(db)
    # a larger page cache for the bulk write (10,000 plans: 63 -> 25 s of system time
    # spilling and re-reading pages), given back afterwards
    db.execute("PRAGMA cache_size=-32768")
    bulk = BulkWrite(db, tables + STATE_TABLES)     # rows in key order, indexes after
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        def resolved(orgs: Any, org_ids: dict, clusters: list, fuzzy: list) -> None:
            write_org_state(bulk, orgs.entities, org_ids, clusters, fuzzy)
            for e in orgs.entities:     # blocking keys, read by nothing after resolution
                e.keys = e.bare = e.raw_keys = frozenset()   # (10,000 plans: ~200 MiB)
        built = build(reports(check=True), overrides, forgotten, fold=False, again=reports,
                      sink=lambda doc, part, frag: put_fragment(bulk, doc, part, frag),
                      resolved=resolved)
        write_state(bulk, built, orgs=False)    # first: the resolution's entities and
        nodes, built = built.graph, None        # clusters are let go before the fold
        bulk.move("frag")                            # read back, in key order, by the fold
        out = write_graph(bulk, nodes, take=True)
        bulk.finish()
    finally:
        if gc_was_on:
            gc.enable()
        db.execute("PRAGMA cache_size=-2000")
    return {**out, "foreign": any(foreign)}


def write_graph(db: sqlite3.Connection, nodes: PartnershipGraph, take: bool = False
                ) -> dict[str, Any]:
    """Write every node and relationship: ``nodes`` (Plan, Organisation, Person, not yet
    finished) merged in id order with the items folded from the ``frag`` table. Returns
    ``counts`` (per label, then per type, in the order they first come, as
    ``PartnershipGraph.counts``), ``merged`` (organisations and persons read from
    several documents) and the numbers of ``nodes`` and ``edges``. ``take``: ``nodes`` is
    the caller's no more (it is emptied)."""
    out = _Rows(db)
    cluster = {n: d for n, d in nodes.g.nodes(data=True)}
    if take:              # ``nodes`` is given up: each node is freed once it is written
        nodes.g.clear()
    ids = iter(sorted(cluster))
    nxt = next(ids, None)
    for item, attrs in _folded(db, cluster):
        if "\x1f" in item:
            out.edge(item.split("\x1f"), attrs)
            continue
        while nxt is not None and nxt < item:
            if nxt in cluster:        # not folded with fragments: finished here
                out.node(nxt, finish_node(made(cluster.pop(nxt))))
            nxt = next(ids, None)
        out.node(item, attrs)
    while nxt is not None:
        if nxt in cluster:
            out.node(nxt, finish_node(made(cluster.pop(nxt))))
        nxt = next(ids, None)
    out.flush()
    return {"counts": {**out.labels, **out.types}, "merged": out.merged,
            "nodes": sum(out.labels.values()), "edges": sum(out.types.values())}


def _folded(db: sqlite3.Connection, cluster: dict[str, dict]) -> Iterator[tuple[str, dict]]:
    """Every item of the fragments, folded in document order (nodes finished); a node
    that is also in ``cluster`` is folded onto it (and taken out of it)."""
    prev, acc, keys, edge = None, None, None, False
    for item, props in db.execute("SELECT item, props FROM frag ORDER BY item, part, doc"):
        if item != prev:
            if prev is not None:
                yield prev, (acc if edge else finish_node(acc))
            prev, edge, keys = item, "\x1f" in item, None
            acc = None if edge else made(cluster.pop(item, None))
        d = loads(props)
        if not edge and "label" not in d:
            continue                  # only the end of a relationship
        if acc is None:
            acc = d                   # (a decoded row is nobody else's: no copy needed)
            continue
        if keys is None:
            keys = {(_source_key if edge else source_sort_key)(s) for s in acc["sources"]}
        (merge_edge if edge else merge_node)(acc, d, keys)
    if prev is not None:
        yield prev, (acc if edge else finish_node(acc))


class _Rows:
    """Rows of nodes, relationships, their documents and new sources, written in chunks."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.seen: set[int] = set()
        self.ids: dict[tuple, int] = {}     # recent sources' ids (hashing them is dear)
        self.labels: dict[str, int] = {}
        self.types: dict[str, int] = {}
        self.merged = 0
        self._clear()

    def _clear(self) -> None:
        self.n, self.nd, self.e, self.ed, self.s = [], [], [], [], []

    def _props(self, d: dict[str, Any], skip: tuple[str, ...]) -> tuple[str, set[str]]:
        """The row's properties (sources as ids) and the documents contributing to it
        (``node_documents``, found in the same pass over the sources)."""
        out = {k: v for k, v in d.items() if k not in skip}
        refs, docs, ids = [], set(), self.ids
        for src in out.pop("sources", None) or ():
            key = (src.get("document"), src.get("line"), src.get("page"), src.get("excerpt", ""))
            if key[0]:
                docs.add(key[0])
            sid = ids.get(key)
            if sid is None:
                if len(ids) > 100_000:    # items come in id order: a relationship follows
                    ids.clear()           # its source node, citing the same lines
                sid = ids[key] = source_id(key)
                if sid not in self.seen:
                    self.seen.add(sid)
                    self.s.append((sid, *key))
            refs.append(sid)
        out["@s"] = refs
        if d.get("mentions") or d.get("documents") or d.get("label") == "Document":
            docs |= node_documents(d)
        return _encode(out), docs

    def node(self, n: str, d: dict[str, Any]) -> None:
        label = d["label"]
        self.labels[label] = self.labels.get(label, 0) + 1
        if label in ("Organisation", "Person"):
            self.merged += len({m["document"] for m in d.get("mentions") or []}) > 1
        props, docs = self._props(d, ("id", "label", "name"))
        self.n.append((n, label, d.get("name"), props))
        self.nd.extend((n, doc) for doc in docs)
        self._maybe_flush()

    def edge(self, e: list[str], d: dict[str, Any]) -> None:
        u, v, k = e
        self.types[k] = self.types.get(k, 0) + 1
        props, docs = self._props(d, ("type",))
        self.e.append((u, v, k, props))
        self.ed.extend((u, v, k, doc) for doc in docs)
        self._maybe_flush()

    def _maybe_flush(self) -> None:
        if len(self.n) + len(self.e) >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        db = self.db
        db.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?)", self.n)
        db.executemany("INSERT OR IGNORE INTO node_docs VALUES (?, ?)", self.nd)
        db.executemany("INSERT INTO edges VALUES (?, ?, ?, ?)", self.e)
        db.executemany("INSERT OR IGNORE INTO edge_docs VALUES (?, ?, ?, ?)", self.ed)
        db.executemany("INSERT OR IGNORE INTO sources VALUES (?, ?, ?, ?, ?)", self.s)
        self._clear()
