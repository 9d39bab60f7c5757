"""Translating between a :class:`PartnershipGraph` and the embedded store's rows.

Each distinct source (document, line, page, excerpt) is stored once in ``sources``;
node and edge properties (JSON) refer to them by id under ``@s``.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from samspil.graph.model import PartnershipGraph, _nx
from samspil.graph.store import node_documents

__all__ = ["insert_graph", "to_graph"]


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
    g = _nx().MultiDiGraph()
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
