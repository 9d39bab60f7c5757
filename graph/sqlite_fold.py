"""The embedded store's full write of the graph, folded from the staged fragments.

A full build (graph/build.py with ``fold=False``) stages each document's fragment as
it is emitted (graph/fold_stage.py: a temporary table, each fragment in pieces of JSON
text) and keeps only the Plan, Organisation and Person nodes. :func:`write_graph` then
reads the staged fragments in ``(item, part, document)`` order, so every node and
relationship comes with its documents' versions in the order
:class:`samspil.graph.fragments.Folder` folds them. An item with one fragment (most:
1,000 plans, 156,852 of 163,707) becomes its rows by joining the staged text, in SQL
(session 11: ``Stage.write_singles``; Python reads back only the other items' rows); the
others are folded with the functions the incremental update uses (``merge_node`` /
``merge_edge``), and their fragments are kept in ``frag`` for it (graph/frag_store.py).
Python's rows go to temporary tables a few thousand items at a time and are inserted
into the graph's tables with the SQL-written ones, in key order. Items come in id order (a
relationship's item ``source\\x1ftarget\\x1ftype`` sorts as the tuple does, ids holding no
control characters), which is the order ``PartnershipGraph.canonical`` gives, so the
rows are those :func:`samspil.graph.sqlite_rows.insert_graph` writes for the whole
graph, and the whole graph is never in memory (issue 13: 10,000 plans).
"""
from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from typing import Any

import numpy as np

from samspil.graph.build import made
from samspil.graph.emit import source_sort_key
from samspil.graph.fold_stage import Stage, fragment_text, row_props
from samspil.graph.frag_store import derivable
from samspil.graph.fragments import merge_edge, merge_node
from samspil.graph.model import PartnershipGraph, _source_key
from samspil.graph.inc_schema import STATE_TABLES
from samspil.graph.jsontext import dumps, loads
from samspil.graph.sqlite_bulk import BulkWrite, fetched
from samspil.graph.sqlite_rows import source_id
from samspil.graph.store import node_documents

__all__ = ["full_write", "write_graph", "light_report", "held_report", "foreign_data"]

_CHUNK = 5000
# the tables write_org_state writes, and nothing after it (graph/inc_state.py)
ORG_STATE = ("inc_org", "inc_okey", "inc_prim", "inc_fuzzy", "inc_stok", "inc_fold")
_encode = dumps


def full_write(db: sqlite3.Connection, overrides: Any, forgotten: frozenset,
               first: dict[str, tuple[Any, bool]] | None = None) -> dict[str, Any]:
    """Replace the graph and the incremental state by the full build of every stored
    report, inside the caller's transaction; :func:`write_graph`'s figures plus
    ``foreign`` (a report cites another document: no incremental updates). ``first``:
    every stored document -> (:func:`held_report` of its report, :func:`foreign_data`),
    given by a save into an empty store: the first reading takes them (and empties
    ``first``) instead of reading the stored reports."""
    from samspil.graph.build import build
    from samspil.graph.inc_state import clear_state, write_org_state, write_state
    from samspil.loaders.model import AgreementReport
    foreign = []

    def reports(check: bool = False) -> Iterator[AgreementReport]:   # read twice, one at a
        if check and first is not None:                                          # time
            docs = sorted(first, reverse=True)
            while docs:            # (each let go once the build has read it)
                report, cites = first.pop(docs.pop())
                foreign.append(cites)
                yield report
            return
        # (the stored text's UTF-8 bytes, as orjson parses them: not decoded to a str
        # only for orjson to encode it back; 10,000 plans: ~190 MB); read a few at a time
        # beside the bulk write's thread (sqlite_bulk.fetched; ~16 KB each)
        stored = db.execute("SELECT CAST(report AS BLOB) FROM documents ORDER BY id")
        for (text,) in fetched(stored, 64):
            data = loads(text)
            if check:         # the first reading: what the resolution reads (light_report)
                foreign.append(foreign_data(data))
                if not forgotten:
                    data = light_report(data)
            yield AgreementReport.from_dict(data)
    tables = ("nodes", "edges", "node_docs", "edge_docs", "sources")
    for table in tables:
        db.execute(f"DELETE FROM {table}")   # noqa: S608 - fixed table names
    clear_state(db)
    db.execute("DROP INDEX IF EXISTS edge_docs_edge")   # (a store made before session 22)
    # a larger page cache for the bulk write (10,000 plans: 63 -> 25 s of system time
    # spilling and re-reading pages), given back afterwards
    db.execute("PRAGMA cache_size=-32768")
    # rows in key order, indexes after; the inserts run by a thread of their own
    bulk = BulkWrite(db, tables + STATE_TABLES, threaded=True)
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        def resolved(orgs: Any, org_ids: dict, clusters: list, fuzzy: list) -> None:
            write_org_state(bulk, orgs.entities, org_ids, clusters, fuzzy)
            for e in orgs.entities:     # blocking keys, read by nothing after resolution
                e.keys = e.bare = e.raw_keys = frozenset()   # (10,000 plans: ~200 MiB)
        def emitted() -> None:
            # the organisations' kept state is written in full: its staged rows are moved
            # and its indexes made by the bulk write's thread while the persons are
            # resolved (10,000 plans: ~4 s of SQL beside ~3 s of Python)
            bulk.finish_tables(ORG_STATE)
        stage = Stage(bulk)
        built = build(reports(check=True), overrides, forgotten, fold=False, again=reports,
                      sink=stage.put, resolved=resolved, emitted=emitted)
        write_state(bulk, built, orgs=False)    # first: the resolution's entities and
        nodes, built = built.graph, None        # clusters are let go before the fold
        out = write_graph(bulk, nodes, stage)
        bulk.finish()
    finally:
        bulk.close()           # (after a failure: the writer thread ended before the rollback)
        if gc_was_on:
            gc.enable()
        db.execute("PRAGMA cache_size=-2000")
    return {**out, "foreign": any(foreign)}


def light_report(data: dict[str, Any]) -> dict[str, Any]:
    """A stored report's dict with what the full build's first reading uses (graph/build.py
    ``_read``: the plan, organisations, contacts and zones, and the activities' partners
    with their sources, which name organisations too), for ``from_dict``: making the
    activities, focus areas and target groups' objects only to drop them cost ~2 s at
    10,000 plans (session 13). Not for a store with forgotten persons (their scrubbing
    reads the whole report)."""
    out = {k: data[k] for k in _LIGHT if k in data}
    out["activities"] = [{"name": a.get("name"), "partners": a["partners"], "sources": a.get("sources")}
                         for a in data.get("activities") or () if a.get("partners")]
    return out


def held_report(r: Any) -> Any:
    """:func:`light_report` of a report object in hand (a save into an empty store), made
    of its own parts instead of decoded from the stored text: the same values (the stored
    text is the report's ``to_dict()``, and the first reading reads nothing else)."""
    from samspil.loaders.model import Activity, AgreementReport
    return AgreementReport(r.document, plan=r.plan, organisations=r.organisations,
                           contacts=r.contacts, zones=r.zones, checksum=r.checksum,
                           source_path=r.source_path,
                           activities=[Activity(a.name, partners=a.partners, sources=a.sources)
                                       for a in r.activities if a.partners])


_LIGHT = ("document", "plan", "organisations", "contacts", "zones", "checksum", "source_path")
_GROUPS = ("focus_areas", "organisations", "contacts", "zones", "activities", "target_groups")


def foreign_data(data: dict[str, Any]) -> bool:
    """:func:`samspil.graph.incremental.foreign_sources` of a stored report's dict: whether
    a source names another document."""
    doc = data["document"]
    for s in (data.get("plan") or {}).get("sources") or ():
        if s.get("document") != doc:
            return True
    for group in _GROUPS:
        for x in data.get(group) or ():
            for s in x.get("sources") or ():
                if s.get("document") != doc:
                    return True
    return False


def write_graph(db: BulkWrite, nodes: PartnershipGraph, stage: Stage) -> dict[str, Any]:
    """Write every node and relationship: ``nodes`` (Plan, Organisation, Person, not yet
    finished) merged in id order with the items folded from the staged fragments
    (graph/fold_stage.py), of which only the shared ones go to ``frag``
    (graph/frag_store.py). Returns
    ``counts`` (per label, then per type, in the order they first come, as
    ``PartnershipGraph.counts``), ``merged`` (organisations and persons read from
    several documents) and the numbers of ``nodes`` and ``edges``. ``nodes`` is given up:
    it is emptied, and each node's attributes are consumed as it is written."""
    stage.split()
    for table, cols in (("fold_nodes", "id, label, name, props"),
                        ("fold_edges", "src, dst, type, props")):
        db.execute(f"DROP TABLE IF EXISTS temp.{table}")
        db.execute(f"CREATE TEMP TABLE {table}({cols})")
    out = _Rows(db, stage.staged_sources())
    cluster = {n: d for n, d in nodes.g.nodes(data=True)}
    nodes.g.clear()                  # each node is freed once it is written
    ids = iter(sorted(cluster))
    nxt = next(ids, None)
    edge, node = out.edge, out.node
    for item, ends, attrs, row, sids in _folded(db, stage, cluster):
        if ends is not None:
            if row is None:
                edge(ends, attrs, sids)
            else:
                out.edge_row(ends, row)
            continue
        while nxt is not None and nxt < item:
            if nxt in cluster:        # not folded with fragments: its sources are sorted
                # already (a Plan's by build's finish_node, an Organisation's or Person's
                # made so by build._sorted_sources): not sorted again here
                node(nxt, made(cluster.pop(nxt)))
            nxt = next(ids, None)
        if row is None:
            node(item, attrs, sids)
        else:
            out.node_row(item, row)
    while nxt is not None:
        if nxt in cluster:
            node(nxt, made(cluster.pop(nxt)))
        nxt = next(ids, None)
    out.flush()
    for kind, is_edge, n, least in stage.single_counts():
        out.count(kind, tuple(least.split("\x1f")) if is_edge else least, n)
    stage.write_singles("temp.fold_nodes", "temp.fold_edges")
    stage.drop()
    db.execute("DROP TABLE temp.fold_nodes")
    db.execute("DROP TABLE temp.fold_edges")
    return {"counts": {**out.ordered(out.labels), **out.ordered(out.types)}, "merged": out.merged,
            "nodes": sum(out.labels.values()), "edges": sum(out.types.values())}


def _finish(d: dict[str, Any]) -> dict[str, Any]:
    """``finish_node``: the sources sorted (one source is sorted already)."""
    if len(d["sources"]) > 1:
        d["sources"].sort(key=source_sort_key)
    return d


def _folded(db: BulkWrite, stage: Stage, cluster: dict[str, dict]
            ) -> Iterator[tuple[str, list[str] | None, dict | None, tuple | None, Any]]:
    """Every item of the staged fragments in id order: (item, a relationship's (source,
    target, type) or None, its attributes folded in document order (a node's finished),
    or instead the staged row when it is the item's only fragment and ``simple``: its
    rows are joined from the row's text; and the staged ids of the folded sources,
    :class:`_SourceIds`). A node that is also in ``cluster`` is folded onto it (and
    taken out of it)."""
    prev, group = None, []
    for row in stage.rows():
        if row[0] != prev:
            if group:
                yield _item(db, stage, group, cluster)
            prev, group = row[0], []
        group.append(row)
    if group:
        yield _item(db, stage, group, cluster)


def _item(db: BulkWrite, stage: Stage, group: list[tuple], cluster: dict[str, dict]
          ) -> tuple[str, list[str] | None, dict | None, tuple | None, Any]:
    """One item of :func:`_folded`; its fragments go to ``frag`` unless it has one that
    the graph's row gives back (graph/frag_store.py)."""
    item = group[0][0]
    ends = item.split("\x1f") if "\x1f" in item else None
    if len(group) == 1 and group[0][8] and (ends is not None or item not in cluster):
        return item, ends, None, group[0], None
    acc = None if ends is not None else made(cluster.pop(item, None))
    keys, first = None, None
    ks: list[tuple] | None = None    # a node's sources' sort keys, in its sources' order
    texts = [fragment_text(r, t) for r, t in zip(group, stage.sources(group))]
    sids = _SourceIds()
    for row, text in zip(group, texts):
        d = loads(text)
        sids.add(d["sources"], row[7])
        if acc is None:
            acc, first = d, row       # (a decoded row is nobody else's: no copy needed)
            continue
        if ends is not None:
            if keys is None:
                keys = {_source_key(s) for s in acc["sources"]}
            merge_edge(acc, d, keys)
            continue
        # a node: merge_node's new sources added here, each sort key kept beside its
        # source, so that the sources are sorted by the keys made once (the TargetGroup
        # and FocusArea nodes fold ~25,000 sources each at 10,000 plans)
        srcs = acc["sources"]
        if ks is None:
            ks = [source_sort_key(s) for s in srcs]
            keys = set(ks)
        for src in d["sources"]:
            k = source_sort_key(src)
            if k not in keys:
                keys.add(k)
                srcs.append(src)
                ks.append(k)
        d["sources"] = _NO_SOURCES     # (their ids are kept by sids: the list is held there)
        merge_node(acc, d, keys)       # its other properties (a Zone's, a TargetGroup's)
    if len(group) > 1 or first is None or not derivable(first[1], first[2], first[3], acc):
        a, b = (ends[0], ends[1]) if ends is not None else (None, None)
        db.executemany(_KEEP, [(r[0], r[1], r[2], r[3], a, b, t) for r, t in zip(group, texts)])
    if ends is not None:
        return item, ends, acc, None, sids
    if ks is None:
        return item, ends, _finish(acc), None, sids
    srcs = acc["sources"]        # finish_node's stable sort by the keys kept
    srcs[:] = [srcs[i] for i in sorted(range(len(ks)), key=ks.__getitem__)]
    return item, ends, acc, None, sids


_NO_SOURCES: tuple = ()


class _SourceIds:
    """The staged ids of a folded item's sources, by the decoded source dicts themselves
    (``id()``): each fragment's ``ids`` text (graph/fold_stage.py, made by the same
    :func:`source_id` when its sources' rows were staged) lists the ids of its sources in
    order, so a folded item's sources are never hashed again, nor looked up by their
    items (10,000 plans: 423,195 fragments; before, each source's items were made a
    tuple key of a cache that was emptied every 100,000 entries, and the sources met
    after an emptying were hashed again). Every decoded fragment is kept here until the
    item's row is written, so no dict registered here is freed and its address reused by
    another while the ids are read."""

    __slots__ = ("ids", "kept")

    def __init__(self) -> None:
        self.ids: dict[int, int] = {}
        self.kept: list[list[dict[str, Any]]] = []

    def add(self, srcs: list[dict[str, Any]], ids: str) -> None:
        self.kept.append(srcs)
        self.ids.update(zip(map(id, srcs), loads(ids)))


_KEEP = "INSERT INTO main.frag VALUES (?, ?, ?, ?, ?, ?, ?)"


class _Rows:
    """Rows of nodes, relationships, their documents and new sources, written in chunks."""

    def __init__(self, db: sqlite3.Connection, staged: Any = None) -> None:
        self.db = db
        self.seen: set[int] = set()
        # the ids of the sources whose rows the stage wrote already, sorted (numpy): the
        # rows of those the fold meets again (an organisation's or person's sources are its
        # members', which their documents' relationships cite: 10,000 plans, ~400,000 of
        # the ~410,000 the fold hashes) are not staged a second time to be ignored
        self.staged = staged if staged is not None and len(staged) else None
        self.ids: dict[tuple, tuple] = {}   # recent sources' ids and documents (hashing is dear)
        self.labels: dict[str, int] = {}
        self.types: dict[str, int] = {}
        self.first: dict[tuple[bool, str], Any] = {}   # (relationship?, kind) -> its least item
        self.merged = 0
        self._clear()

    def _clear(self) -> None:
        self.n, self.nd, self.e, self.s = [], [], [], []   # (edge_docs: graph/fold_stage.py)

    def _source(self, src: dict[str, Any], ck: tuple) -> tuple[int, str | None]:
        """(id, document) of a source not in the recent ones (``ck``: its items)."""
        key = (src.get("document"), src.get("line"), src.get("page"), src.get("excerpt", ""))
        if len(self.ids) > 100_000:   # items come in id order: a relationship follows
            self.ids.clear()          # its source node, citing the same lines
        sid = source_id(key)
        if sid not in self.seen:
            self.seen.add(sid)
            self.s.append((sid, *key))
        hit = self.ids[ck] = (sid, key[0] or None)
        return hit

    def _props(self, d: dict[str, Any], skip: tuple[str, ...], docs: set[str] | None,
               sids: _SourceIds | None = None) -> str:
        """The row's properties (sources as ids), made from ``d`` in place (it is the
        writer's); the documents its sources name are added to ``docs`` (None: not
        wanted). ``sids``: the staged ids of a folded item's sources. Other sources are
        looked up among the recent ones by their items (a cheap key: equal dicts with their
        keys in another order only miss, and get the same id), else hashed."""
        for k in skip:
            d.pop(k, None)
        srcs = d.pop("sources", None) or ()
        refs = None
        if sids is not None:
            get = sids.ids.get
            refs = [get(id(src)) for src in srcs]
            if None in refs:           # (a node folded onto a Plan: its own sources)
                refs = None
            elif docs is not None:
                docs.update([doc for src in srcs if (doc := src.get("document"))])
        if refs is None:
            refs = []
            ids, add = self.ids, (docs.add if docs is not None else None)
            for src in srcs:
                ck = tuple(src.items())
                hit = ids.get(ck)
                if hit is None:
                    hit = self._source(src, ck)
                refs.append(hit[0])
                if hit[1] and add is not None:
                    add(hit[1])
        d["@s"] = refs
        return _encode(d)

    def count(self, kind: str, item: str | tuple, n: int = 1) -> None:
        """Count ``n`` items of a label (``item`` a node id) or type (``item`` a
        relationship's (source, target, type)), the least ``item`` of each kept."""
        edge = isinstance(item, tuple)
        counts = self.types if edge else self.labels
        counts[kind] = counts.get(kind, 0) + n
        key = (edge, kind)
        if key not in self.first or item < self.first[key]:
            self.first[key] = item

    def ordered(self, counts: dict[str, int]) -> dict[str, int]:
        """``counts`` in the order their kinds first come in id order (``PartnershipGraph.counts``)."""
        edge = counts is self.types
        return {k: counts[k] for k in sorted(counts, key=lambda k: self.first[(edge, k)])}

    def node(self, n: str, d: dict[str, Any], sids: _SourceIds | None = None) -> None:
        label = d["label"]
        self.count(label, n)
        if label in ("Organisation", "Person"):
            self.merged += len({m["document"] for m in d.get("mentions") or []}) > 1
        name = d.get("name")
        docs = (node_documents(d) if d.get("mentions") or d.get("documents") or label == "Document"
                else set())
        props = self._props(d, ("id", "label", "name"), docs, sids)
        self.n.append((n, label, name, props))
        self.nd.extend([(n, doc) for doc in docs])
        if len(self.n) + len(self.e) >= _CHUNK:
            self.flush()

    def edge(self, e: list[str], d: dict[str, Any], sids: _SourceIds | None = None) -> None:
        u, v, k = e
        self.count(k, (u, v, k))
        props = self._props(d, ("type",), None, sids)  # (edge_docs: written by the stage)
        self.e.append((u, v, k, props))
        if len(self.n) + len(self.e) >= _CHUNK:
            self.flush()

    def node_row(self, n: str, row: tuple) -> None:
        """A node whose only fragment is the staged ``row`` (graph/fold_stage.py)."""
        label = row[3]
        self.count(label, n)
        self.n.append((n, label, row[4], row_props(row)))
        self.nd.append((n, row[1]))
        if len(self.n) + len(self.e) >= _CHUNK:
            self.flush()

    def edge_row(self, e: list[str], row: tuple) -> None:
        """A relationship whose only fragment is the staged ``row``."""
        u, v, k = e
        self.count(k, (u, v, k))
        self.e.append((u, v, k, row_props(row)))
        if len(self.n) + len(self.e) >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        db = self.db
        db.executemany("INSERT INTO temp.fold_nodes VALUES (?, ?, ?, ?)", self.n)
        db.executemany("INSERT OR IGNORE INTO node_docs VALUES (?, ?)", self.nd)
        db.executemany("INSERT INTO temp.fold_edges VALUES (?, ?, ?, ?)", self.e)
        rows = self.s
        if rows and self.staged is not None:
            ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
            at = np.searchsorted(self.staged, ids)
            at[at == len(self.staged)] = 0
            rows = [r for r, old in zip(rows, (self.staged[at] == ids).tolist()) if not old]
        db.executemany("INSERT OR IGNORE INTO sources VALUES (?, ?, ?, ?, ?)", rows)
        self._clear()
