"""Translating between a :class:`PartnershipGraph` and the embedded store's rows.

Each distinct source (document, line, page, excerpt) is stored once in ``sources``;
node and edge properties (JSON) refer to them by id under ``@s``.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from samspil.graph.jsontext import dumps as _dumps
from samspil.graph.model import PartnershipGraph, assemble_graph
from samspil.graph.store import node_documents

__all__ = ["insert_graph", "to_graph", "node_items", "edge_items", "source_dicts", "write_items",
           "source_id", "src_key"]


def source_id(key: tuple, _blake2b: Any = hashlib.blake2b, _int: Any = int.from_bytes) -> int:
    """A source's row id, derived from its content (document, line, page, excerpt): the
    full build and the incremental update give one source the same id. (The hash and
    ``int.from_bytes`` bound once, ``encode()``'s UTF-8 without its argument: ~0.5 us of
    ~3.5 us a call, ~1 M calls at 10,000 plans; the same bytes, the same id.)"""
    if len(key) == 4:        # its repr joined without the tuple's (same text, ~0.5 us less)
        d, line, page, excerpt = key
        text = f"({d!r}, {line!r}, {page!r}, {excerpt!r})"
    else:
        text = repr(key)
    return _int(_blake2b(text.encode(), digest_size=8).digest(), "big") >> 1


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
            sid = index.get(key)
            if sid is None:
                sid = index[key] = source_id(key)
            refs.append(sid)
        out["@s"] = refs
        return dumps(out, ensure_ascii=False)

    # rows are generated as they are inserted (never a list of every row), sources last
    g = graph.g
    db.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?)",
                   ((n, d["label"], d.get("name"), props(d, ("id", "label", "name")))
                    for n, d in g.nodes(data=True)))
    db.executemany("INSERT OR IGNORE INTO node_docs VALUES (?, ?)",
                   ((n, doc) for n, d in g.nodes(data=True) for doc in node_documents(d)))
    db.executemany("INSERT INTO edges VALUES (?, ?, ?, ?)",
                   ((u, v, k, props(d, ("type",))) for u, v, k, d in g.edges(keys=True, data=True)))
    db.executemany("INSERT OR IGNORE INTO edge_docs VALUES (?, ?, ?, ?)",
                   ((u, v, k, doc) for u, v, k, d in g.edges(keys=True, data=True)
                    for doc in node_documents(d)))
    db.executemany("INSERT OR IGNORE INTO sources VALUES (?, ?, ?, ?, ?)",
                   ((i, *key) for key, i in index.items()))


def source_dicts(rows: list) -> dict[int, dict[str, Any]]:
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
    src = source_dicts(sources)
    return assemble_graph(node_items(nodes, src), edge_items(edges, src))


def node_items(rows: list, src: dict[int, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """``(id, attributes)`` of node rows (id, label, name, props), sources resolved."""
    props = json.loads("[" + ",".join(r[3] for r in rows) + "]") if rows else []
    for (n, lab, name, _), p in zip(rows, props):
        p["sources"] = [src[i] for i in p.pop("@s", ())]
        p["id"], p["label"], p["name"] = n, lab, name
    return [(r[0], p) for r, p in zip(rows, props)]


def edge_items(rows: list, src: dict[int, dict[str, Any]]) -> list[tuple[str, str, str, dict]]:
    """``(source, target, type, attributes)`` of edge rows (src, dst, type, props)."""
    props = json.loads("[" + ",".join(r[3] for r in rows) + "]") if rows else []
    for (_, _, k, _), p in zip(rows, props):
        p["sources"] = [src[i] for i in p.pop("@s")]
        p["type"] = k
    return [(u, v, k, p) for (u, v, k, _), p in zip(rows, props)]


def src_key(src: dict[str, Any]) -> tuple:
    return (src.get("document"), src.get("line"), src.get("page"), src.get("excerpt", ""))


def write_items(db: sqlite3.Connection, items: dict[str, dict[str, Any] | None],
                changed: set[str], kept: set[int] = frozenset()) -> dict[str, Any]:
    """Replace nodes (key: id) and relationships (key: ``src\x1fdst\x1ftype``) by the
    given attributes (None: delete); a row that would not change is left alone. Then
    drop the sources of the ``changed`` documents no item cites any more. Attributes
    with ``@s`` *extend* the stored item: ``@s`` are the ids of its stored sources, which
    precede ``sources`` (graph/inc_append.py), and its documents stay. Returns the
    change in counts per label and type, and in merged organisations and persons."""
    delta: dict[str, int] = {}
    out = {"merged": 0, "used": set(kept), "srcs": {}, "rows_n": [], "rows_e": [],
           "docs_n": [], "docs_e": [], "undocs_n": [], "del_n": [], "del_e": [], "del_s": []}
    for item, attrs in items.items():
        if "\x1f" in item:
            _edge_item(db, item.split("\x1f"), attrs, changed, delta, out)
        else:
            _node_item(db, item, attrs, changed, delta, out)
    db.executemany("DELETE FROM nodes WHERE id = ?", out["del_n"])
    db.executemany("DELETE FROM node_docs WHERE node_id = ?", out["del_n"])
    db.executemany("DELETE FROM edges WHERE src = ? AND dst = ? AND type = ?", out["del_e"])
    db.executemany("DELETE FROM edge_docs WHERE document = ? AND src = ? AND dst = ? AND type = ?",
                   _edge_doc_rows(db, out["del_e"], out["del_s"]))
    db.executemany("INSERT OR IGNORE INTO sources VALUES (?, ?, ?, ?, ?)",
                   [(i, *k) for i, k in out["srcs"].items()])
    db.executemany("DELETE FROM node_docs WHERE node_id = ? AND document = ?", out["undocs_n"])
    db.executemany("INSERT OR REPLACE INTO nodes VALUES (?, ?, ?, ?)", out["rows_n"])
    db.executemany("INSERT OR IGNORE INTO node_docs VALUES (?, ?)", out["docs_n"])
    db.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?)", out["rows_e"])
    db.executemany("INSERT OR IGNORE INTO edge_docs VALUES (?, ?, ?, ?)", out["docs_e"])
    for d in changed:
        gone = [(sid,) for (sid,) in db.execute("SELECT id FROM sources WHERE document = ?", (d,))
                if sid not in out["used"]]
        db.executemany("DELETE FROM sources WHERE id = ?", gone)
    return {"delta": delta, "merged": out["merged"]}


def _edge_doc_rows(db: sqlite3.Connection, edges: list[tuple], refs: list[list[int]]
                   ) -> list[tuple[str, str, str, str]]:
    """The ``edge_docs`` keys of stored relationships (``refs``: each one's source ids,
    its row's ``@s``): the documents their sources name, as every write puts them there
    (``node_documents``; ``edge_docs`` has no index by relationship). Read before the
    sources of changed documents are dropped."""
    wanted = sorted({i for ids in refs for i in ids})
    docs: dict[int, str] = {}
    for k in range(0, len(wanted), 500):
        chunk = wanted[k:k + 500]
        docs.update(db.execute(f"SELECT id, document FROM sources WHERE id IN "  # noqa: S608
                               f"({','.join('?' * len(chunk))})", chunk).fetchall())
    return [(d, *e) for e, ids in zip(edges, refs)
            for d in sorted({docs[i] for i in ids} - {""})]


def _refs(attrs: dict[str, Any], changed: set[str], out: dict) -> list[int]:
    """The source ids of an item's row: ``@s`` (stored ids) with the ids of ``sources``
    after them, or at index ``@at`` among them."""
    refs = []
    for src in attrs.get("sources") or []:
        key = src_key(src)
        sid = source_id(key)
        out["srcs"][sid] = key
        refs.append(sid)
        if key[0] in changed:
            out["used"].add(sid)
    stored = list(attrs.get("@s") or ())
    at = attrs.get("@at", len(stored))
    stored[at:at] = refs
    return stored


def _node_item(db: sqlite3.Connection, item: str, attrs: dict[str, Any] | None,
               changed: set[str], delta: dict[str, int], out: dict) -> None:
    old = db.execute("SELECT label, name, props FROM nodes WHERE id = ?", (item,)).fetchone()
    row = None
    if attrs is not None:
        props = {k: v for k, v in attrs.items() if k not in ("sources", "id", "label", "name", "@s", "@at")}
        props["@s"] = _refs(attrs, changed, out)
        row = (item, attrs["label"], attrs.get("name"), _dumps(props))
    if old and row and tuple(old) == row[1:]:
        return                                   # unchanged
    docs = set()
    extended = row is not None and "@s" in attrs and old is not None and old[0] not in (
        "Organisation", "Person")      # its stored documents stay: no need to read them
    if old:
        delta[old[0]] = delta.get(old[0], 0) - 1
        if not extended:
            docs = {d for (d,) in db.execute("SELECT document FROM node_docs WHERE node_id = ?",
                                             (item,))}
        if old[0] in ("Organisation", "Person"):
            out["merged"] -= len(docs) > 1
        if not row:
            out["del_n"].append((item,))
    if row:
        delta[row[1]] = delta.get(row[1], 0) + 1
        out["rows_n"].append(row)
        new = node_documents(attrs)    # a node of a thousand documents changes in a few
        if "@s" in attrs:
            new |= docs
        out["docs_n"].extend((item, d) for d in new - docs)
        out["undocs_n"].extend((item, d) for d in docs - new)
        if row[1] in ("Organisation", "Person"):
            out["merged"] += len({m["document"] for m in attrs.get("mentions") or []}) > 1


def _edge_item(db: sqlite3.Connection, edge: list[str], attrs: dict[str, Any] | None,
               changed: set[str], delta: dict[str, int], out: dict) -> None:
    old = db.execute("SELECT props FROM edges WHERE src = ? AND dst = ? AND type = ?",
                     edge).fetchone()
    row = None
    if attrs is not None:
        props = {k: v for k, v in attrs.items() if k not in ("sources", "type", "@s", "@at")}
        props["@s"] = _refs(attrs, changed, out)
        row = (*edge, _dumps(props))
    if old and row and old[0] == row[3]:
        return
    if old:
        delta[edge[2]] = delta.get(edge[2], 0) - 1
        if not (row and "@s" in attrs):     # extended: its row is replaced, its documents stay
            out["del_e"].append(tuple(edge))
            out["del_s"].append(json.loads(old[0]).get("@s") or [])
    if row:
        delta[edge[2]] = delta.get(edge[2], 0) + 1
        out["rows_e"].append(row)
        out["docs_e"].extend((*edge, d) for d in node_documents(attrs))
