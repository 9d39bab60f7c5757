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
The incremental update (:class:`FragEdits`) *materialises* (copies into ``frag``) the
items another document's new fragment names before changing them, compares a
re-emitted document's items of one document with the text made from their rows, and
holds back its new rows of items still single until another document names them or
the touched items are read back; so ``frag`` is complete for every item it reads. At
its end, :func:`prune` removes again the touched items left with one derivable
fragment.
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


def _items_table(db: sqlite3.Connection, items: Iterable[str]) -> None:
    """``items`` into the temporary table ``t_frag_items`` (item, and a relationship's
    ends and type)."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS t_frag_items(i TEXT PRIMARY KEY, a TEXT, b TEXT, "
               "k TEXT) WITHOUT ROWID")
    db.execute("DELETE FROM temp.t_frag_items")
    db.executemany("INSERT OR IGNORE INTO temp.t_frag_items VALUES (?, ?, ?, ?)",
                   [(i, *i.split("\x1f")) if "\x1f" in i else (i, None, None, None) for i in items])


def derived(db: sqlite3.Connection, items: Iterable[str], insert: bool = False) -> list[tuple]:
    """The ``frag`` rows of ``items`` that are in the graph but not in ``frag`` (each
    one document's), made from their rows; items that are neither give none.
    ``insert``: also insert them into ``frag``."""
    _items_table(db, items)
    absent = "NOT EXISTS (SELECT 1 FROM frag f WHERE f.item = t.i)"
    found: list[tuple[str, str, str | None, str | None, dict]] = [
        (i, label, None, None, {"id": i, "label": label, "name": name, **loads(props)})
        for i, label, name, props in db.execute(
            "SELECT t.i, n.label, n.name, n.props FROM temp.t_frag_items t CROSS JOIN nodes n ON n.id = t.i "
            f"WHERE t.a IS NULL AND {absent}")]     # noqa: S608 - constant
    found += [(i, k, a, b, {"type": k, **loads(props)}) for i, a, b, k, props in db.execute(
        "SELECT t.i, t.a, t.b, t.k, e.props FROM temp.t_frag_items t CROSS JOIN edges e "
        f"ON e.src = t.a AND e.dst = t.b AND e.type = t.k WHERE {absent}")]   # noqa: S608
    srcs = _sources(db, {i for *_, p in found for i in p.get("@s", ())})
    rows = []
    for item, kind, a, b, p in found:
        p["sources"] = [srcs[i] for i in p.pop("@s", ())]
        if not p["sources"]:
            raise ValueError(f"graph item {item!r} without sources is not in frag")
        rows.append((item, p["sources"][0]["document"], part_of(kind), kind, a, b, dumps(p)))
    if insert:
        db.executemany("INSERT INTO frag VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
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
    _items_table(db, items)
    gone = [(item,) for item, doc, part, kind, props in db.execute(   # (one row: two probes
        "SELECT f.item, f.doc, f.part, f.kind, f.props FROM temp.t_frag_items t "  # at most)
        "CROSS JOIN frag f ON f.item = t.i "
        "WHERE (SELECT count(*) FROM (SELECT 1 FROM frag g WHERE g.item = t.i LIMIT 2)) = 1"
        ).fetchall() if derivable(doc, part, kind, loads(props))]
    db.executemany("DELETE FROM frag WHERE item = ?", gone)


class FragEdits:
    """The incremental update's changes to ``frag`` (a mixin of graph/incremental.py's
    ``_Update``: ``db``, ``q``, ``changed``, ``touched``, ``kept``, ``materialised``)."""

    db: sqlite3.Connection
    changed: dict
    touched: set[str]
    kept: set[int]
    materialised: set[str]
    pending: dict[tuple[str, str], dict[str, tuple]]   # (doc, part) -> item -> row held back
    pending_of: dict[str, tuple[str, str]]

    def _drop_frags(self, d: str, part: str) -> None:
        items = doc_items(self.db, d, part, self.materialised)
        self.materialised |= items       # (its items of one document go with it)
        self.touched |= items
        self.db.execute("DELETE FROM frag WHERE doc = ? AND part = ?", (d, part))

    def replace_frags(self, d: str, part: str, frag: Any) -> None:
        """Store a document's new fragment; only items whose part differs are folded again
        (an item all of whose fragments are unchanged is unchanged). The document's items
        of one document are compared with the text made from their rows, not copied into
        ``frag``, and their new rows are held back (``pending``) while no other document
        names them: most stay single and would only be pruned again (a change re-emitting
        a thousand documents); other documents' items the new fragment names are copied in."""
        rows = frag_rows(d, part, frag)
        mine = doc_items(self.db, d, part, self.materialised)
        old = dict(self.db.execute("SELECT item, props FROM frag WHERE doc = ? AND part = ?",
                                   (d, part)).fetchall())
        single = mine - old.keys()          # (an item in frag has all its fragments there)
        old |= {r[0]: r[6] for r in derived(self.db, single)}
        for item, row in self.pending.pop((d, part), {}).items():   # (emitted twice)
            old[item] = row[6]
            del self.pending_of[item]
        self.materialised |= mine
        self._materialise({r[0] for r in rows})
        self.db.execute("DELETE FROM frag WHERE doc = ? AND part = ?", (d, part))
        held = {r[0]: r for r in rows if r[0] in single and r[3] != "UNIT_OF"}
        self.db.executemany("INSERT INTO frag VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [r for r in rows if r[0] not in held])
        if held:
            self.pending[(d, part)] = held
            self.pending_of.update(dict.fromkeys(held, (d, part)))
        new = {r[0]: r[6] for r in rows}
        self.touched |= {i for i in old.keys() | new.keys() if old.get(i) != new.get(i)}
        if d in self.changed:     # its sources stay in the store even where nothing changed
            self.kept |= {source_id(src_key(s)) for _, x in frag.g.nodes(data=True) if "label" in x
                          for s in x["sources"]}
            self.kept |= {source_id(src_key(s)) for *_, x in frag.g.edges(keys=True, data=True)
                          for s in x["sources"]}

    def _materialise(self, items: set[str]) -> None:
        """Copy into ``frag`` the fragments of ``items`` it leaves out, once per update
        (and any held back): from here on ``frag`` holds every fragment of them."""
        self._release(items)
        items = items - self.materialised
        self.materialised |= items
        if items:
            derived(self.db, items, insert=True)

    def _release(self, items: set[str]) -> None:
        """Insert the held-back rows of ``items``."""
        rows = []
        for item in [i for i in items if i in self.pending_of]:
            key = self.pending_of.pop(item)
            rows.append(self.pending[key].pop(item))
        self.db.executemany("INSERT INTO frag VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def release_touched(self) -> None:
        """Before the touched items are read back (their new rows must be in ``frag``)."""
        self._release(self.touched)
