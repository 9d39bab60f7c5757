"""Which fragments the ``frag`` table keeps, and the others made from the graph's rows.

Every document's fragment (graph/emit.py) is folded into the graph; the incremental
update (graph/incremental.py) folds again the items a changed document touches, from
the fragments of every document contributing to them. Most items have one contributor
(1,000 plans: 156,852 of 163,707 items), and such an item's row in ``nodes`` /
``edges`` *is* its one fragment, folded: a relationship's row is its fragment, a node's
is its fragment with the sources sorted. So ``frag`` keeps only the fragments of items
that are *shared* (two or more documents' fragments) or that the row cannot give back
(no sources, or sources naming another document: the contributor is not known from
them); the others are *derived* from the row and the ``sources`` table when an update
needs them (issue 13, session 10: a fifth of the rows, written, sorted and indexed once).

A fragment is stored as :func:`node_text` / :func:`edge_text`: its dict with the id,
label and name (a relationship's type) first and the sources last (a node's sorted, stably: folding is blind to the order of one
document's sources, graph/fragments.py), the other keys in their own order, so the
text made from a row (:func:`derived`) equals the text made from the emitted fragment;
tests/graph/test_frag_store.py checks this for every item of the seeds and of a
synthetic corpus.

Invariant: an item's fragments are either all in ``frag`` or none is, and then the
item has one contributor whose fragment :func:`derived` gives from the graph's rows.
The incremental update *materialises* (copies into ``frag``) every item of a document
it re-emits or drops, and of its new fragment, before changing them, so ``frag`` is
complete for every item it touches; at its end, :func:`prune` removes again the ones
left with one derivable fragment.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from samspil.graph.emit import source_sort_key
from samspil.graph.jsontext import dumps, loads
from samspil.graph.sqlite_rows import source_dicts, source_id, src_key

__all__ = ["PERSON_KINDS", "FRAG_LABELS", "part_of", "frag_rows", "derivable", "derived",
           "doc_items", "prune", "FragEdits"]

PERSON_KINDS = frozenset({"WORKS_AT", "CONTACT_FOR"})      # a document's part "p"
FRAG_LABELS = ("Activity", "Document", "FocusArea", "TargetGroup", "Zone")
_NODE_HEAD = ("id", "label", "name", "sources")
_EDGE_HEAD = ("type", "sources")
_CHUNK = 400


def part_of(kind: str) -> str:
    """The part of a document's fragment an item of this kind (label or type) is in."""
    return "p" if kind in PERSON_KINDS else "d"


def node_text(n: str, d: dict[str, Any]) -> str:
    out = {"id": n, "label": d["label"], "name": d.get("name")}
    for k, v in d.items():
        if k not in _NODE_HEAD:
            out[k] = v
    srcs = d.get("sources") or []
    out["sources"] = sorted(srcs, key=source_sort_key) if len(srcs) > 1 else list(srcs)
    return dumps(out)


def edge_text(k: str, d: dict[str, Any]) -> str:
    if next(iter(d), None) != "type" or next(reversed(d)) != "sources":   # (as emitted, mostly)
        d = {"type": k, **{x: v for x, v in d.items() if x not in _EDGE_HEAD},
             "sources": d.get("sources") or []}
    return dumps(d)


def frag_rows(doc: str, part: str, g: Any) -> list[tuple]:
    """A document's fragment (a PartnershipGraph) as ``frag`` rows: (item, doc, part,
    kind, source, target, text)."""
    rows = [(n, doc, part, d["label"], None, None, node_text(n, d))
            for n, d in g.g.nodes(data=True) if "label" in d]
    rows += [(f"{u}\x1f{v}\x1f{k}", doc, part, k, u, v, edge_text(k, d))
             for u, v, k, d in g.g.edges(keys=True, data=True)]
    return rows


def derivable(doc: str, part: str, kind: str, d: dict[str, Any]) -> bool:
    """Whether an item whose only fragment is ``d`` (decoded) can be left out of
    ``frag``: :func:`derived` gives it back from the item's row."""
    srcs = d.get("sources")
    if not srcs or part != part_of(kind) or ("label" in d and kind not in FRAG_LABELS):
        return False
    for s in srcs:
        if s.get("document") != doc:
            return False
    return True


def _sources(db: sqlite3.Connection, ids: set[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    ids = list(ids)
    for k in range(0, len(ids), _CHUNK):
        chunk = ids[k:k + _CHUNK]
        out |= source_dicts(db.execute(
            "SELECT id, document, line, page, excerpt FROM sources WHERE id IN "
            f"({','.join('?' * len(chunk))})", chunk).fetchall())    # noqa: S608 - placeholders
    return out


def derived(db: sqlite3.Connection, items: Iterable[str]) -> list[tuple]:
    """The ``frag`` rows of ``items`` that are in the graph but not in ``frag`` (each
    one document's), made from their rows; items that are neither give none."""
    found: list[tuple[str, str, str | None, str | None, dict]] = []
    for item in items:
        if db.execute("SELECT 1 FROM frag WHERE item = ? LIMIT 1", (item,)).fetchone():
            continue
        if "\x1f" in item:
            a, b, k = item.split("\x1f")
            row = db.execute("SELECT props FROM edges WHERE src = ? AND dst = ? AND type = ?",
                             (a, b, k)).fetchone()
            if row:
                found.append((item, k, a, b, {"type": k, **loads(row[0])}))
        else:
            row = db.execute("SELECT label, name, props FROM nodes WHERE id = ?", (item,)).fetchone()
            if row:
                found.append((item, row[0], None, None,
                              {"id": item, "label": row[0], "name": row[1], **loads(row[2])}))
    srcs = _sources(db, {i for *_, p in found for i in p.get("@s", ())})
    rows = []
    for item, kind, a, b, p in found:
        p["sources"] = [srcs[i] for i in p.pop("@s", ())]
        if not p["sources"]:
            raise ValueError(f"graph item {item!r} without sources is not in frag")
        rows.append((item, p["sources"][0]["document"], part_of(kind), kind, a, b, dumps(p)))
    return rows


def doc_items(db: sqlite3.Connection, doc: str, part: str, skip: set[str]) -> set[str]:
    """The items of ``doc``'s fragment ``part``: its rows in ``frag`` and, of the graph's
    items citing it, those not in ``frag`` (nor in ``skip``: items the caller copied
    into ``frag`` already)."""
    out = {i for (i,) in db.execute("SELECT item FROM frag WHERE doc = ? AND part = ?", (doc, part))}
    kinds = ",".join(f"'{k}'" for k in sorted(PERSON_KINDS))
    if part == "d":
        labels = ",".join(f"'{x}'" for x in FRAG_LABELS)
        out |= {i for (i,) in db.execute(
            "SELECT d.node_id FROM node_docs d JOIN nodes n ON n.id = d.node_id "
            f"WHERE d.document = ? AND n.label IN ({labels}) "     # noqa: S608 - constants
            "AND NOT EXISTS (SELECT 1 FROM frag f WHERE f.item = d.node_id)", (doc,))
            if i not in skip}
    test = "IN" if part == "p" else "NOT IN"
    out |= {i for (i,) in db.execute(
        "SELECT i FROM (SELECT src || char(31) || dst || char(31) || type AS i FROM edge_docs "
        f"WHERE document = ? AND type {test} ({kinds})) "           # noqa: S608 - constants
        "WHERE NOT EXISTS (SELECT 1 FROM frag f WHERE f.item = i)", (doc,)) if i not in skip}
    return out


def prune(db: sqlite3.Connection, items: Iterable[str]) -> None:
    """Remove from ``frag`` the items of ``items`` left with one fragment that the graph's
    row gives back (after the graph's rows are written)."""
    gone = []
    for item in items:
        rows = db.execute("SELECT doc, part, kind, props FROM frag WHERE item = ? LIMIT 2",
                          (item,)).fetchall()
        if len(rows) == 1 and derivable(rows[0][0], rows[0][1], rows[0][2], loads(rows[0][3])):
            gone.append((item,))
    db.executemany("DELETE FROM frag WHERE item = ?", gone)


class FragEdits:
    """The incremental update's changes to ``frag`` (a mixin of graph/incremental.py's
    ``_Update``: ``db``, ``q``, ``changed``, ``touched``, ``kept``, ``materialised``)."""

    db: sqlite3.Connection
    changed: dict
    touched: set[str]
    kept: set[int]
    materialised: set[str]

    def _drop_frags(self, d: str, part: str) -> None:
        items = doc_items(self.db, d, part, self.materialised)
        self._materialise(items)
        self.touched |= items
        self.db.execute("DELETE FROM frag WHERE doc = ? AND part = ?", (d, part))

    def replace_frags(self, d: str, part: str, frag: Any) -> None:
        """Store a document's new fragment; only items whose part differs are folded again
        (an item all of whose fragments are unchanged is unchanged)."""
        rows = frag_rows(d, part, frag)
        self._materialise(doc_items(self.db, d, part, self.materialised) | {r[0] for r in rows})
        old = dict(self.db.execute("SELECT item, props FROM frag WHERE doc = ? AND part = ?",
                                   (d, part)).fetchall())
        self.db.execute("DELETE FROM frag WHERE doc = ? AND part = ?", (d, part))
        self.db.executemany("INSERT INTO frag VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        new = {r[0]: r[6] for r in rows}
        self.touched |= {i for i in old.keys() | new.keys() if old.get(i) != new.get(i)}
        if d in self.changed:     # its sources stay in the store even where nothing changed
            self.kept |= {source_id(src_key(s)) for _, x in frag.g.nodes(data=True) if "label" in x
                          for s in x["sources"]}
            self.kept |= {source_id(src_key(s)) for *_, x in frag.g.edges(keys=True, data=True)
                          for s in x["sources"]}

    def _materialise(self, items: set[str]) -> None:
        """Copy into ``frag`` the fragments of ``items`` it leaves out, once per update:
        from here on ``frag`` holds every fragment of them."""
        items = items - self.materialised
        self.materialised |= items
        self.db.executemany("INSERT INTO frag VALUES (?, ?, ?, ?, ?, ?, ?)", derived(self.db, items))
