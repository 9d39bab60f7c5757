"""What the embedded store reads besides the whole graph (issue 13): a part of the
graph from the snapshot in parts (:mod:`samspil.graph.snapshot`), a few nodes' neighbourhood
with indexed queries, the kept counts, and where kept answers live
(:mod:`samspil.graph.answers`). A mixin of :class:`~samspil.graph.sqlite_store.SqliteStore`
(which provides ``db``, ``path``, ``load``, ``_stale``, ``_token`` and ``_built``), kept
apart so the store module stays about writing and whole-graph reads.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from samspil.graph.model import PartnershipGraph, assemble_graph
from samspil.graph.snapshot import (GraphPart, Names, around, assemble_part, names_graph, names_only,
                                    part_keys, project, read_parts, read_summary, summary_of,
                                    write_part)
from samspil.graph.sqlite_rows import edge_items, node_items, source_dicts, to_graph
from samspil.graph.store_guard import guarded

__all__ = ["PartReads", "make_parts", "name_rows", "summary_from_rows"]


@guarded
class PartReads:
    """Reads in proportion to what is asked (see the module docstring)."""

    def load_part(self, part: GraphPart | Names) -> PartnershipGraph:
        """The part of the whole graph an answer reads (:mod:`samspil.graph.snapshot`;
        ``Names``: the nodes' names only): the kept parts of the committed graph, and
        those not kept yet made from the rows and kept (the first read after a change
        makes only what it reads). A graph older than the reports: from the whole graph."""
        if self._stale():
            whole = self.load()
            return names_graph(whole, part.labels) if isinstance(part, Names) else project(whole, part)
        keys = part_keys(part)
        self.db.execute("BEGIN")       # the token and the rows of one committed graph
        try:
            token = self._token()
            values = read_parts(self.parts_path, token, keys)
            missing = [k for k in keys if k not in values]
            if missing:
                made = make_parts(self.db, missing)
                for key in missing:
                    write_part(self.parts_path, token, key, made[key])
                values.update(made)
                del made
        finally:
            self.db.execute("COMMIT")
        return assemble_part(part, values)

    def plan_rows(self) -> list[Any]:
        """``queries.plans`` of the committed graph from the plans' rows, one scan of the
        relationships' keys (parties, partners, activities) and the organisations'
        names: no part of the graph is read or made."""
        from samspil.graph.queries import PlanRow, plan_order, plans
        if self._stale():
            return plans(self.load_part(GraphPart.of("PARTY_TO", "PARTNER_IN", "HAS_ACTIVITY",
                                                     "INVOLVED_IN")))
        self.db.execute("BEGIN")
        try:
            found = self.db.execute("SELECT id, name, props FROM nodes WHERE label = 'Plan'").fetchall()
            edges = self.db.execute("SELECT type, src, dst FROM edges WHERE type IN "
                                    "('PARTY_TO', 'PARTNER_IN', 'HAS_ACTIVITY', 'INVOLVED_IN')").fetchall()
            names = dict(self.db.execute("SELECT id, name FROM nodes WHERE label = 'Organisation'"))
        finally:
            self.db.execute("COMMIT")
        parties: dict[str, list[str]] = {}
        count: dict[tuple[str, str], int] = {}
        named: dict[str, set[str]] = {}          # plan -> its parties and partners
        acts: dict[str, list[str]] = {}          # plan -> its activities
        involved: dict[str, set[str]] = {}       # activity -> organisations in it
        for k, u, v in edges:
            if k in ("PARTY_TO", "PARTNER_IN"):
                named.setdefault(v, set()).add(u)
            if k == "INVOLVED_IN":
                if u in names:
                    involved.setdefault(v, set()).add(u)
                continue
            if k == "HAS_ACTIVITY":
                acts.setdefault(u, []).append(v)
            if k == "PARTY_TO":
                if u in names:
                    parties.setdefault(v, []).append(names[u])
            else:
                key = (k, u if k == "HAS_ACTIVITY" else v)
                count[key] = count.get(key, 0) + 1
        rows = []
        for pid, name, props in found:
            d = json.loads(props)
            rows.append(PlanRow(pid, name, d.get("document_type"), d.get("period_start"),
                                d.get("period_end"), d.get("municipality"),
                                tuple(d.get("documents") or ()), tuple(sorted(parties.get(pid, ()))),
                                count.get(("PARTNER_IN", pid), 0), count.get(("HAS_ACTIVITY", pid), 0),
                                len(set().union(*(involved.get(a, ()) for a in acts.get(pid, ())))
                                    - named.get(pid, set()))))
        return sorted(rows, key=plan_order)

    def load_topology(self, part: GraphPart) -> PartnershipGraph:
        """The nodes and relationships of ``part`` without their attributes (nodes keep
        their label and name, plans all their attributes but sources), in the order of
        every store: what an analysis that first only counts (which pairs of plans share
        most) reads, from the keys of the rows, without parsing or keeping any part."""
        if self._stale():          # a graph older than the reports: the graph in memory
            return project(self.load(), part)
        labels, rels = sorted(part.labels), sorted(part.rels)
        self.db.execute("BEGIN")
        try:
            nodes = self.db.execute(
                f"SELECT id, label, name, CASE label WHEN 'Plan' THEN props END FROM nodes "  # noqa: S608
                f"WHERE label IN ({','.join('?' * len(labels))}) ORDER BY id", labels).fetchall()
            edges = self.db.execute(
                f"SELECT src, dst, type FROM edges WHERE type IN ({','.join('?' * len(rels))})",  # noqa: S608
                rels).fetchall()
        finally:
            self.db.execute("COMMIT")
        edges.sort()
        items = []
        for n, label, name, props in nodes:
            d = json.loads(props) if props else {}
            d.pop("@s", None)
            d["id"], d["label"], d["name"] = n, label, name
            items.append((n, d))
        return assemble_graph(items, [(u, v, k, {}) for u, v, k in edges])

    def _plan_ids(self, refs: Iterable[str]) -> list[str]:
        """The plans ``refs`` name: by the plans' names first, then also by the words of their
        municipality and area ("gaps Samsø": the names part holds names only)."""
        from samspil.graph.analyses.common import resolve_plans
        from samspil.loaders.errors import NotFound

        try:
            return resolve_plans(self.load_part(Names.of("Plan")), refs)
        except NotFound:
            return resolve_plans(self.load_part(GraphPart.of(labels=["Plan"])), refs)

    def gaps(self, plans: Iterable[str] = (), kinds: Iterable[str] | None = None,
             today: Any = None) -> list[Any]:
        """``analyses.gaps`` of the committed graph from the relationships' keys and a
        few properties, the sources read only for the gaps found (graph/gap_keys.py):
        no part of the graph is made. A graph older than the reports: its gaps part."""
        from datetime import date

        from samspil.graph.analyses import coverage
        from samspil.graph.analyses.common import resolve_plans
        from samspil.graph.analyses.parts import GAPS
        from samspil.graph.gap_keys import KeyView
        wanted = coverage.check_kinds(kinds)
        if self._stale():
            return coverage.gaps(self.load_part(GAPS), plans, wanted, today)
        pids = self._plan_ids(plans) if plans else None
        self.db.execute("BEGIN")       # the keys, properties and sources of one graph
        try:
            view = KeyView(self.db, GAPS)
            found = coverage.find_gaps(view, pids, wanted, today or date.today())
            view.fetch({r for row in found for r in row[7]})
        finally:
            self.db.execute("COMMIT")
        return coverage.with_evidence(view, found)

    def load_around(self, node_ids: str | Iterable[str], ends: bool = True) -> PartnershipGraph:
        """Nodes, their relationships and the nodes at their other ends (``samspil
        show``, two plans compared): indexed queries, whatever the size of the graph.
        ``ends=False``: the nodes at the other ends with their id, label and name only
        (an organisation of a thousand plans is not read whole for one plan's rows)."""
        want = [node_ids] if isinstance(node_ids, str) else sorted(set(node_ids))
        if self.read_only and self._stale():
            return around(self._built(), want)
        self.db.execute("BEGIN")
        try:
            found = {r[:3]: r for col in ("src", "dst") for r in self._rows(
                f"SELECT src, dst, type, props FROM edges WHERE {col} IN", want)}  # noqa: S608
            edges = list(found.values())
            ids = sorted(set(want) | {e[0] for e in edges} | {e[1] for e in edges})
            if ends:
                nodes = self._rows("SELECT id, label, name, props FROM nodes WHERE id IN", ids)
            else:
                mine = set(want)
                nodes = self._rows("SELECT id, label, name, props FROM nodes WHERE id IN", want)
                nodes += [r for r in self._rows("SELECT id, label, name, '{}' FROM nodes WHERE id IN",
                                                [i for i in ids if i not in mine])]
            refs = sorted({i for r in nodes + edges for i in json.loads(r[3]).get("@s", ())})
            sources = self._rows("SELECT id, document, line, page, excerpt FROM sources WHERE id IN",
                                 refs)
        finally:
            self.db.execute("COMMIT")
        nodes.sort(key=lambda r: r[0])
        edges.sort(key=lambda r: r[:3])
        return to_graph(nodes, edges, sources)

    def relationships_of(self, node_ids: Iterable[str], types: Iterable[str]
                         ) -> list[tuple[str, str, str, dict[str, Any]]]:
        """The relationships of ``types`` leaving ``node_ids``, whole (sources resolved),
        in key order: the evidence of a few organisations ranked on the keys alone
        (brokers, communities), read with the primary key's index."""
        want, kinds = sorted(set(node_ids)), sorted(set(types))
        if self.read_only and self._stale():
            g = self._built().g
            return [(u, v, k, d) for u in want if u in g for v, keys in g._succ[u].items()
                    for k, d in keys.items() if k in kinds]
        self.db.execute("BEGIN")
        try:
            rows = self._rows(f"SELECT src, dst, type, props FROM edges WHERE type IN "  # noqa: S608
                              f"({','.join('?' * len(kinds))}) AND src IN", want, kinds)
            refs = sorted({i for r in rows for i in json.loads(r[3]).get("@s", ())})
            sources = self._rows("SELECT id, document, line, page, excerpt FROM sources WHERE id IN",
                                 refs)
        finally:
            self.db.execute("COMMIT")
        rows.sort(key=lambda r: r[:3])
        return edge_items(rows, source_dicts(sources))

    def _rows(self, sql: str, keys: list, before: list = ()) -> list:
        out: list = []
        for i in range(0, len(keys), 500):      # SQLite's limit on parameters
            chunk = keys[i:i + 500]
            out += self.db.execute(f"{sql} ({','.join('?' * len(chunk))})",
                                   [*before, *chunk]).fetchall()
        return out

    def summary(self) -> dict[str, Any]:
        """Counts per label and type (``samspil stats``) without loading the graph: the
        counts the writer keeps and one query for the cross-document counts, kept as
        the ``summary`` part."""
        if self._stale():
            return summary_of(self.load())
        self.db.execute("BEGIN")
        try:
            token = self._token()
            got = read_summary(self.parts_path, token)
            if got is None:
                got = summary_from_rows(self.db)
                write_part(self.parts_path, token, ("summary",), got)
        finally:
            self.db.execute("COMMIT")
        return got

    @property
    def answers_dir(self) -> Path:
        """Answers kept per graph revision (:mod:`samspil.graph.answers`)."""
        return self.path.with_name(self.path.name + ".answers")

    def answer_token(self) -> str | None:
        """The token answers are filed under: the committed graph's, ``None`` when the
        graph is older than the reports (its answers would not be kept)."""
        return None if self._stale() else self._token()

    @property
    def parts_path(self) -> Path:
        """The folder of the snapshot's parts (:mod:`samspil.graph.snapshot`)."""
        return self.path.with_name(self.path.name + ".parts")

    snapshot_path = parts_path

    def _drop_derived(self) -> None:
        """After every change of the graph: the snapshot's parts and the kept answers may
        hold what was just removed (forget-person), so they go (readers would ignore them
        anyway: they are tagged with the previous graph token)."""
        shutil.rmtree(self.parts_path, ignore_errors=True)
        self.path.with_name(self.path.name + ".graph").unlink(missing_ok=True)  # one file, before
        shutil.rmtree(self.answers_dir, ignore_errors=True)


def make_parts(db: Any, keys: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], Any]:
    """The snapshot's parts ``keys`` (``nodes``, ``edges`` or ``names`` of a label or
    type; :mod:`samspil.graph.snapshot`) from the store's rows: what ``_parts(whole
    graph read from the rows)`` gives for them, reading only their labels and types
    (names without parsing the nodes' properties)."""
    keys = list(keys)
    labels = sorted({k[1] for k in keys if k[0] == "nodes"})
    types = sorted({k[1] for k in keys if k[0] == "edges"})
    out: dict[tuple[str, ...], Any] = {("names", k[1]): name_rows(db, k[1])
                                       for k in keys if k[0] == "names"}
    if not (labels or types):
        return out
    src = source_dicts(db.execute("SELECT id, document, line, page, excerpt FROM sources").fetchall())
    ids: dict[str, str] = {}      # one string object per id: pickled once per part
    for lab in labels:
        rows = db.execute("SELECT id, label, name, props FROM nodes WHERE label = ?", (lab,)).fetchall()
        rows.sort()               # ids are unique: the order of the ids
        out[("nodes", lab)] = items = node_items(rows, src)
        del rows
        ids.update((n, n) for n, _ in items)
    by_type: dict[str, list] = {t: [] for t in types}
    if types:
        for u, v, k, props in db.execute(
                f"SELECT src, dst, type, props FROM edges WHERE type IN ({','.join('?' * len(types))})",  # noqa: S608
                types):
            by_type[k].append((ids.setdefault(u, u), ids.setdefault(v, v), k, props))
    for t in types:
        rows = by_type.pop(t)
        rows.sort()               # (source, target) is unique within a type
        out[("edges", t)] = edge_items(rows, src)
        del rows
    return out


def name_rows(db: Any, label: str) -> list[tuple[str, dict[str, Any]]]:
    """The ``names`` part of a label (``snapshot.names_only`` of each node, by id): the
    name, aliases and e-mail are taken out of the properties by SQLite, so an
    organisation's thousands of mentions are never parsed here."""
    out = []
    for n, lab, name, aliases, a_type, email, e_type in db.execute(
            "SELECT id, label, name, json_extract(props, '$.aliases'), json_type(props, '$.aliases'), "
            "json_extract(props, '$.email'), json_type(props, '$.email') FROM nodes WHERE label = ? "
            "ORDER BY id", (label,)):
        d: dict[str, Any] = {"id": n, "label": lab, "name": name}
        if a_type is not None:
            d["aliases"] = json.loads(aliases) if a_type in ("array", "object") else aliases
        if e_type is not None:
            d["email"] = json.loads(email) if e_type in ("array", "object") else email
        out.append((n, names_only(n, d)))
    return out


def summary_from_rows(db: Any) -> dict[str, Any]:
    """``snapshot.summary_of`` of the committed graph from its rows: the counts the
    writer keeps in ``meta`` (counted when absent) and, per label, the organisations
    and persons whose mentions name more than one document (one query)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'counts'").fetchone()
    counts = json.loads(row[0]) if row and row[0] else None
    if counts is None:
        counts = dict(db.execute("SELECT label, count(*) FROM nodes GROUP BY label").fetchall())
        counts.update(db.execute("SELECT type, count(*) FROM edges GROUP BY type").fetchall())
    counts = {k: v for k, v in counts.items() if v}
    cross = {"Organisation": 0, "Person": 0}
    cross.update(db.execute(
        "SELECT label, count(*) FROM nodes WHERE label IN ('Organisation', 'Person') AND "
        "(SELECT count(DISTINCT json_extract(m.value, '$.document')) "
        " FROM json_each(props, '$.mentions') AS m) > 1 GROUP BY label").fetchall())
    return {"counts": counts, "cross_document": cross}
