"""Translating between a :class:`PartnershipGraph` and the embedded store's rows.

Each distinct source (document, line, page, excerpt) is stored once in ``sources``;
node and edge properties (JSON) refer to them by id under ``@s``.
"""
from __future__ import annotations

import gc
import json
import os
import pickle
import sqlite3
import threading
from pathlib import Path
from typing import Any

import networkx as nx

from samspil.graph.model import PartnershipGraph
from samspil.graph.store import node_documents

__all__ = ["insert_graph", "to_graph", "read_snapshot", "write_snapshot"]


def insert_graph(db: sqlite3.Connection, graph: PartnershipGraph) -> None:
    """Write nodes, edges and contributions; each distinct source is stored once
    (props hold source ids under ``@s``), which keeps the file small and loading fast."""
    dumps = json.dumps
    index: dict[tuple, int] = {}

    def props(d: dict[str, Any], skip: tuple[str, ...]) -> str:
        out = {k: v for k, v in d.items() if k not in skip}
        refs = []
        for src in out.pop("sources", None) or []:
            key = (src.get("document"), src.get("line"), src.get("page"), src.get("excerpt", ""))
            refs.append(index.setdefault(key, len(index)))
        out["@s"] = refs
        return dumps(out, ensure_ascii=False)

    node_rows, node_docs = [], []
    for n, d in graph.g.nodes(data=True):
        node_rows.append((n, d["label"], d.get("name"), props(d, ("id", "label", "name"))))
        node_docs.extend((n, doc) for doc in node_documents(d))
    edge_rows, edge_docs = [], []
    for u, v, k, d in graph.g.edges(keys=True, data=True):
        edge_rows.append((u, v, k, props(d, ("type",))))
        edge_docs.extend((u, v, k, doc) for doc in node_documents(d))
    db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
                        [(i, *key) for key, i in index.items()])
    db.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?)", node_rows)
    db.executemany("INSERT OR IGNORE INTO node_docs VALUES (?, ?)", node_docs)
    db.executemany("INSERT INTO edges VALUES (?, ?, ?, ?)", edge_rows)
    db.executemany("INSERT OR IGNORE INTO edge_docs VALUES (?, ?, ?, ?)", edge_docs)


def _source_dicts(rows: list) -> dict[int, dict[str, Any]]:
    out = {}
    for i, doc, line, page, excerpt in rows:
        d: dict[str, Any] = {"document": doc, "excerpt": excerpt}
        if line is not None:
            d["line"] = line
        if page is not None:
            d["page"] = page
        out[i] = d
    return out


def to_graph(nodes: list, edges: list, sources: list) -> PartnershipGraph:
    """Build the MultiDiGraph directly (the dict-of-dicts networkx keeps), which is
    several times faster than ``add_edges_from`` for 100k+ edges. Source dicts are
    shared between the nodes and edges that cite the same place: treat them as read-only."""
    src = _source_dicts(sources)
    props = json.loads("[" + ",".join(r[3] for r in nodes) + "]") if nodes else []
    g = nx.MultiDiGraph()
    node, succ, pred = g._node, g._succ, g._pred
    for (n, lab, name, _), p in zip(nodes, props):
        p["sources"] = [src[i] for i in p.pop("@s", ())]
        p["id"], p["label"], p["name"] = n, lab, name
        node[n] = p
        succ[n], pred[n] = {}, {}
    props = json.loads("[" + ",".join(r[3] for r in edges) + "]") if edges else []
    for (u, v, k, _), p in zip(edges, props):
        p["sources"] = [src[i] for i in p.pop("@s")]
        p["type"] = k
        su = succ[u]
        if v in su:
            su[v][k] = p
        else:
            su[v] = pred[v][u] = {k: p}
    return PartnershipGraph(g)


# -- the compact snapshot: the whole graph as one pickle beside the store -------------
SNAPSHOT_FORMAT = 1


def read_snapshot(path: Path, token: str | None) -> PartnershipGraph | None:
    """The graph pickled by :func:`write_snapshot` if it belongs to the graph ``token``
    names (every rebuild draws a new one); ``None`` if absent, stale or unreadable.
    Unpickling is about twice as fast as rebuilding the graph from the JSON rows."""
    if not token:
        return None
    try:
        with open(path, "rb") as f:
            head = pickle.load(f)
            if head != (SNAPSHOT_FORMAT, token):
                return None
            gc_was_on = gc.isenabled()
            gc.disable()
            try:
                return PartnershipGraph(pickle.load(f))
            finally:
                if gc_was_on:
                    gc.enable()
    except FileNotFoundError:
        return None
    except Exception:       # noqa: BLE001 - a damaged snapshot is only a cache: read the rows
        return None


def write_snapshot(path: Path, token: str | None, graph: PartnershipGraph) -> None:
    """Write the snapshot atomically (a temporary file renamed over it), readable only
    by the store's owner; a failure (read-only folder, full disk) is ignored."""
    if not token:
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            pickle.dump((SNAPSHOT_FORMAT, token), f, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(graph.g, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
