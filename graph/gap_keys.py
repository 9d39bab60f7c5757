"""The gaps of the embedded store's graph read from its rows (issue 13).

``samspil gaps`` of all plans asks per plan which target groups, zones, parties and
partners no activity of the plan reaches: questions about the relationships' keys.
:class:`KeyView` is the :class:`~samspil.graph.analyses.coverage.View` the checks
read, made from one scan of the keys of the relationships the checks follow (the
covering index of ``edges``), the nodes' names and the few properties a check looks
at (a plan's period and documents, an organisation's type, whether an activity lists
contacts, whether a person has an e-mail and a phone), taken out of the properties
by SQLite. Sources are read last, only for the nodes and relationships the gaps
found cite (two joins on their keys): no part of the graph is made or kept, and no
property of a node or relationship that is not a gap's is parsed.

The same checks run on the whole graph (``coverage.gaps``); both give equal answers
(``tests/graph/analyses/test_parts.py``).
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from samspil.graph.analyses.common import Ref
from samspil.graph.snapshot import GraphPart
from samspil.graph.sqlite_rows import source_dicts

__all__ = ["KeyView", "ATTRS", "OUT", "IN"]

# the properties the checks read, per label (``coverage``: node(...).get(...))
ATTRS = {"Plan": ("documents", "period_start", "period_end"), "Organisation": ("type",),
         "Activity": ("contacts",), "Person": ("email", "phone")}


# the directions the checks follow, made in the one pass over the keys (any other is
# made from the keys when first asked for)
OUT = frozenset(("HAS_ACTIVITY", "ADDRESSES", "TARGETS", "HAS_FOCUS_AREA", "IN_FOCUS_AREA",
                 "LOCATED_IN", "COVERS", "PART_OF", "CONTACT_FOR", "UNIT_OF", "WORKS_AT"))
IN = frozenset(("INVOLVED_IN", "CONTACT_FOR", "PARTY_TO", "PARTNER_IN"))


class KeyView:
    """The checks' view of the committed graph's ``part`` (read inside the caller's
    read transaction; :meth:`fetch` reads the sources of what the gaps cite)."""

    def __init__(self, db: sqlite3.Connection, part: GraphPart) -> None:
        self.db = db
        self.nodes: dict[str, dict[str, Any]] = {}
        self.by_label: dict[str, list[str]] = {}
        for label in sorted(part.labels):
            self.by_label[label] = [n for n, _ in _node_rows(db, label, ATTRS.get(label, ()),
                                                             self.nodes)]
        self.rels = sorted(part.rels)
        rows = db.execute(f"SELECT src, dst, type FROM edges WHERE type IN "  # noqa: S608
                          f"({','.join('?' * len(self.rels))}) ORDER BY src, dst, type",
                          self.rels)
        self._out = _Side(db, 0, {r: {} for r in self.rels if r in OUT})
        self._in = _Side(db, 1, {r: {} for r in self.rels if r in IN})
        out, inn = self._out, self._in
        for u, v, k in rows:       # key order: each list in the order of the graph's adjacency
            o = out.get(k)
            if o is not None:
                if u in o:
                    o[u].append(v)
                else:
                    o[u] = [v]
            i = inn.get(k)
            if i is not None:
                if v in i:
                    i[v].append(u)
                else:
                    i[v] = [u]
        self._sources: dict[Ref, list[dict[str, Any]]] = {}
        self._near_person: set[str] | None = None

    def out(self, node: str, rel: str) -> list[str]:
        return self._out[rel].get(node, [])

    def inn(self, node: str, rel: str) -> list[str]:
        return self._in[rel].get(node, [])

    def node(self, node: str) -> dict[str, Any]:
        return self.nodes[node]

    def phrases(self, u: str, v: str, rel: str) -> list[str]:
        row = self.db.execute("SELECT props -> '$.phrases' FROM edges "
                              "WHERE src = ? AND dst = ? AND type = ?", (u, v, rel)).fetchone()
        return list(json.loads(row[0]) or []) if row and row[0] is not None else []

    def pairs(self, rel: str) -> list[tuple[str, str]]:
        return [(u, v) for u, vs in self._out[rel].items() for v in vs]

    def ids(self, label: str) -> list[str]:
        return self.by_label.get(label, [])

    def person_next_to(self, node: str) -> bool:
        if self._near_person is None:       # once: the nodes next to a Person
            types = ",".join("?" * len(self.rels))
            self._near_person = {n for (n,) in self.db.execute(
                f"SELECT e.dst FROM nodes AS p JOIN edges AS e ON e.src = p.id "  # noqa: S608
                f"WHERE p.label = 'Person' AND e.type IN ({types}) UNION "
                f"SELECT e.src FROM nodes AS p JOIN edges AS e ON e.dst = p.id "
                f"WHERE p.label = 'Person' AND e.type IN ({types})", self.rels * 2)}
        return node in self._near_person

    def sources(self, ref: Ref) -> list[dict[str, Any]]:
        return self._sources.get(ref, [])

    def fetch(self, refs: set[Ref]) -> None:
        """Read the sources of the nodes and relationships ``refs`` names (a missing
        relationship has none, as ``common.edge_sources`` says)."""
        nodes = sorted(r for r in refs if not isinstance(r, tuple))
        edges = sorted(r for r in refs if isinstance(r, tuple))
        found = self.db.execute(
            "SELECT n.id, json_extract(n.props, '$.\"@s\"') FROM json_each(?) AS w "
            "JOIN nodes AS n ON n.id = w.value", (json.dumps(nodes),)).fetchall()
        found += self.db.execute(
            "SELECT e.src, e.dst, e.type, json_extract(e.props, '$.\"@s\"') FROM json_each(?) AS w "
            "JOIN edges AS e ON e.src = json_extract(w.value, '$[0]') "
            "AND e.dst = json_extract(w.value, '$[1]') AND e.type = json_extract(w.value, '$[2]')",
            (json.dumps(edges),)).fetchall()
        ids = json.loads("[" + ",".join(r[-1] or "[]" for r in found) + "]")
        wanted = sorted({i for refs_ in ids for i in refs_})
        src = source_dicts(self.db.execute(
            "SELECT id, document, line, page, excerpt FROM sources WHERE id IN "
            "(SELECT value FROM json_each(?))", (json.dumps(wanted),)).fetchall())
        for row, sids in zip(found, ids):
            key = row[0] if len(row) == 2 else row[:3]
            self._sources[key] = [src[i] for i in sids]


class _Side(dict):
    """``{type: {node: neighbours}}`` in one direction (``at``: 0 from the source, 1 from
    the target); a type not made in the pass over the keys is read on first use."""

    def __init__(self, db: sqlite3.Connection, at: int, made: dict) -> None:
        super().__init__(made)
        self.db, self.at = db, at

    def __missing__(self, rel: str) -> dict[str, list[str]]:
        got: dict[str, list[str]] = {}
        for row in self.db.execute("SELECT src, dst FROM edges WHERE type = ? ORDER BY src, dst",
                                   (rel,)):
            got.setdefault(row[self.at], []).append(row[1 - self.at])
        self[rel] = got
        return got


def _node_rows(db: sqlite3.Connection, label: str, keys: tuple[str, ...],
               into: dict[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """``(id, {id, label, name, the properties keys})`` of a label's nodes, in id order;
    a property the node does not have is left out, as in its attribute dict (SQLite
    takes each out of the properties as JSON text, decoded here in one go)."""
    cols = "".join(f", props -> '$.{k}'" for k in keys)
    rows = db.execute(f"SELECT id, name{cols} FROM nodes WHERE label = ? ORDER BY id",  # noqa: S608
                      (label,)).fetchall()
    texts = [t for r in rows for t in r[2:] if t is not None]
    values = iter(json.loads("[" + ",".join(texts) + "]")) if texts else iter(())
    out = []
    for row in rows:
        d: dict[str, Any] = {"id": row[0], "label": label, "name": row[1]}
        for k, t in zip(keys, row[2:]):
            if t is not None:
                d[k] = next(values)
        into[row[0]] = d
        out.append((row[0], d))
    return out
