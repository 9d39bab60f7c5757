"""Incremental resolution: fold changed documents into the stored graph.

``update(db, changed)`` (``changed``: document id -> its new report, or None when
forgotten) re-resolves only the part of the graph the documents can touch and
rewrites it in the caller's transaction; the result equals ``build_graph`` of
all stored reports (tests/graph/test_incremental.py compares them exactly).

1. Organisations: the *affected component* starts from the entities of the changed
   documents (old and new) and grows through everything the resolver looks at
   together: entities sharing a blocking key, fuzzy candidates (same block,
   rapidfuzz prefilter), names whose ambiguity as a shortening the change can flip,
   and clusters whose node id (qualified when two clusters share a name) can
   change. The resolver runs on that component alone, asking the whole store
   whether a shortening is ambiguous.
2. Plans are resolved again from every document's small plan row (cheap); zones'
   display names from their spelling counts.
3. Documents whose organisation ids, plan or zone names changed are emitted again
   (graph/emit.py); every node or relationship their fragments touch is folded
   again from the stored fragments of all documents (graph/fragments.py).
4. Persons: the same, over e-mails, names and the organisations they work at.

``Fallback`` is raised where this is not sound or not worth it (the caller then
rebuilds everything): overrides, sources naming another document, a shortening
with too many tokens, node ids shared by two clusters or plan groups.
"""
from __future__ import annotations

import gc
import json
import sqlite3
import uuid
from collections import defaultdict
from typing import Any

from samspil.graph import frag_store as fs
from samspil.graph import inc_state as st
from samspil.graph.inc_closure import Closure
from samspil.graph.build import org_names, org_node, person_node, plan_node, qualified_id
from samspil.graph.emit import Orgs, display_of, emit_document, source_sort_key, zone_counts
from samspil.graph.model import node_id
from samspil.graph.plans import resolve_plans
from samspil.graph.resolve import (Entity, load_vocabulary, prepare_entity, resolve_entities,
                                   shortening_name)
from samspil.graph.resolve import _drop_ambiguous_aliases as drop_ambiguous_aliases
from samspil.graph.sqlite_rows import write_items
from samspil.loaders.model import AgreementReport, Plan, SourceRef

__all__ = ["update", "apply", "Fallback", "foreign_sources"]


class Fallback(Exception):
    """The incremental update does not apply here: rebuild the whole graph."""


def apply(store: Any, changed: dict[str, AgreementReport | None]) -> bool:
    """Run :func:`update` in one write transaction of the embedded ``store`` and move its
    revision on; False (nothing written) when the full rebuild must do it: the store
    was built with overrides or with sources naming other documents, or the batch is
    more than a twentieth of the documents (a rebuild is then as fast)."""
    meta = store._meta()
    total = store.db.execute("SELECT count(*) FROM documents").fetchone()[0]
    if (meta.get("incremental") != "1" or not meta.get("counts")
            or meta.get("state_revision") != meta.get("graph_revision")   # an older samspil wrote
            or len(changed) > max(5, total // 20)):
        return False
    gc_was_on = gc.isenabled()
    gc.disable()     # tens of thousands of short-lived objects: cyclic GC passes cost a fifth
    try:
        with store._write():
            generation = store._meta().get("docs_generation", "0")
            out = update(store.db, changed, store.report)
            counts = json.loads(meta["counts"])
            for k, v in out["delta"].items():
                counts[k] = counts.get(k, 0) + v
            revision = int(meta.get("graph_revision", "0")) + 1
            store._set_meta(graph_generation=generation, counts=json.dumps(counts),
                            merged=int(meta.get("merged", 0)) + out["merged"],
                            graph_revision=revision, state_revision=revision,
                            graph_token=uuid.uuid4().hex)
    except Fallback:
        return False
    finally:
        if gc_was_on:
            gc.enable()
    return True


class _PlanDoc:
    __slots__ = ("document", "plan")

    def __init__(self, document: str, plan: Plan) -> None:
        self.document, self.plan = document, plan


def _plan_of(text: str) -> Plan:
    d = json.loads(text)
    d["sources"] = [SourceRef(**s) for s in d.get("sources") or []]
    return Plan(**d)


def update(db: sqlite3.Connection, changed: dict[str, AgreementReport | None],
           reports: Any) -> dict[str, Any]:
    """Apply ``changed`` to the stored graph (inside the caller's transaction).
    ``reports(doc)`` reads a stored report. Returns counters for the summary."""
    if foreign_sources(r for r in changed.values() if r is not None):
        raise Fallback("a source names another document")
    return _Update(db, changed, reports).run()


def foreign_sources(reports) -> bool:
    """Whether a report cites another document (then sources are not the document's own)."""
    return any(s.document != r.document for r in reports for s in _all_refs(r))


def _all_refs(r: AgreementReport):
    yield from r.plan.sources
    for group in (r.focus_areas, r.organisations, r.contacts, r.zones, r.activities,
                  r.target_groups):
        for x in group:
            yield from x.sources


class _Update(Closure, fs.FragEdits):
    def __init__(self, db: sqlite3.Connection, changed: dict, reports: Any) -> None:
        self.db, self.changed, self.read = db, changed, reports
        self.vocab = load_vocabulary()
        self.new = {d: r for d, r in changed.items() if r is not None}
        self.touched: set[str] = set()
        self.materialised: set[str] = set()  # items whose fragments are all in frag now
        self.pending: dict = {}              # new rows held back (graph/frag_store.py)
        self.pending_of: dict = {}
        self.emit_docs: set[str] = set(self.new)
        self.rewritten_nodes: dict[str, dict | None] = {}   # cluster/plan node id -> attrs
        self.kept: set[int] = set()          # source ids of changed documents still cited
        self.compared: set[str] = set()      # primary names compared fuzzily in this update

    def q(self, sql: str, *args: Any) -> list:
        return self.db.execute(sql, args).fetchall()

    def run(self) -> dict[str, Any]:
        old_ents = self._drop_old_entities()
        self.orgs = Orgs()
        for d in sorted(self.new):
            self.orgs.add_report(self.new[d])
        for e in self.orgs.entities:
            prepare_entity(e, self.vocab)
        drop_ambiguous_aliases(self.orgs.entities)       # per document: its own entities
        st.put_entities(self.db, self.orgs.entities, {}, self.vocab)
        self._resolve_orgs(old_ents)
        self._plans()
        self._zones()
        self._emit()
        self.release_touched()     # (the persons' step reads touched unit relationships)
        self._persons()
        self.release_touched()
        self._refold()
        return self.stats

    # -- organisations -------------------------------------------------------
    def _drop_old_entities(self) -> list[tuple]:
        docs = list(self.changed)
        rows = []
        self.old_roles: dict[int, dict[str, str]] = defaultdict(dict)
        self.old_org_nodes: dict[tuple[str, int], str] = {}
        self.old_extra: dict[tuple[str, int], str] = {}
        self.replacing = any(self.q("SELECT 1 FROM inc_plan WHERE doc = ?", d) for d in docs)
        for d in docs:
            rows += [(d, i, t, n) for i, t, n in self.q(
                "SELECT idx, entity, node FROM inc_org WHERE doc = ?", d)]
            self.old_org_nodes |= {(d, i): n for d, i, _, n in rows if d == d}
            self.old_extra |= {(d, i): x for i, x in self.q("SELECT idx, extra FROM inc_org WHERE doc = ?", d)}
            for i, k, role in self.q("SELECT idx, key, role FROM inc_okey WHERE doc = ?", d):
                self.old_roles[i][k] = role
            for t in ("inc_org", "inc_okey", "inc_prim", "inc_stok"):
                self.db.execute(f"DELETE FROM {t} WHERE doc = ?", (d,))   # noqa: S608
        return rows

    def _resolve_orgs(self, old_rows: list[tuple]) -> None:
        from samspil.graph.inc_fold import fold
        if fold(self, old_rows, self.old_roles):
            return
        keys: set[str] = set()
        snames: set[frozenset[str]] = set()
        old_ids: dict[tuple[str, int], str] = {}
        for d, i, text, node in old_rows:
            e = entity_prepared(d, i, text, self.vocab)
            keys |= e.raw_keys
            snames.add(shortening_name(e.name, self.vocab)[1])
            old_ids[(d, i)] = node
        for e in self.orgs.entities:
            keys |= e.raw_keys
            snames.add(shortening_name(e.name, self.vocab)[1])
        seeds: set[tuple[str, int]] = {(e.document, e.index) for e in self.orgs.entities}
        for ts in snames:
            subsets = st.subsets_text(ts)
            if subsets is None:
                raise Fallback("a name with too many words")
            for s in subsets:
                seeds |= {(d, i) for d, i in self.q(
                    "SELECT doc, idx FROM inc_okey WHERE ktoks = ?", s)}
        ids_before = set(old_ids.values())
        while True:
            comp = self._closure(seeds, keys)
            ents, clusters, named = self._cluster(comp)
            bases = {node_id("Organisation", n) for n, _ in named}
            bases |= {i.split("/")[0] for i in ids_before | set(self._old_ids(comp).values()) if i}
            extra = self._clusters_sharing(bases, comp)
            if not extra:
                break
            seeds |= extra
        self._write_orgs(comp, ents, named, old_ids)

    def _old_ids(self, comp: set) -> dict:
        if not hasattr(self, "_oid_cache"):
            self._oid_cache = {}
        for d, i in comp:
            if (d, i) not in self._oid_cache:
                row = self.q("SELECT node FROM inc_org WHERE doc = ? AND idx = ?", d, i)
                self._oid_cache[(d, i)] = row[0][0] if row else None
        return {k: self._oid_cache[k] for k in comp}

    def _clusters_sharing(self, bases: set[str], comp: set) -> set:
        out = set()
        for b in bases:
            for d, i in self.q("SELECT doc, idx FROM inc_org WHERE node = ? UNION ALL "
                               "SELECT doc, idx FROM inc_org WHERE node > ? AND node < ?",
                               b, b + "/", b + "0"):      # qualified: "<base>/<document>"
                if (d, i) not in comp:
                    out.add((d, i))
        return out

    def _cluster(self, comp: set) -> tuple:
        ents: list[Entity] = []
        mine = {(e.document, e.index): e for e in self.orgs.entities}
        self._temp("t_ents", "doc TEXT, idx INTEGER", comp)
        stored = {(d, i): t for d, i, t in self.q(
            "SELECT o.doc, o.idx, o.entity FROM t_ents t JOIN inc_org o "
            "ON o.doc = t.doc AND o.idx = t.idx")}
        for d, i in sorted(comp):
            if (d, i) in mine:
                ents.append(_fresh(mine[(d, i)]))
            else:
                ents.append(st.entity_from(d, i, stored[(d, i)]))
        pairs = {tuple(r) for r in self.q(
            "SELECT f.a, f.b FROM t_ents t JOIN inc_prim p ON p.doc = t.doc AND p.idx = t.idx "
            "JOIN inc_fuzzy f ON f.a = p.prim")}
        clusters = resolve_entities(ents, None, "org", self.vocab,
                                    st.SqlShortenings(self.db, self.vocab), fuzzy_pairs=pairs)
        return ents, clusters, org_names(clusters)

    def _write_orgs(self, comp: set, ents: list[Entity], named: list, old_ids: dict) -> None:
        before = self._old_ids(comp) | old_ids
        taken: dict[str, int] = defaultdict(int)
        for name, _ in named:
            taken[node_id("Organisation", name)] += 1
        new_ids: dict[tuple[str, int], str] = {}
        nodes = {}
        sigs: dict[str, str] = {}
        for name, c in named:
            nid = qualified_id(c, name, taken[node_id("Organisation", name)] > 1)
            if nid in nodes:
                raise Fallback("two organisations with one id")
            nodes[nid], sigs[nid] = c, st.signature(name, c)
            for e in c.members:
                new_ids[(e.document, e.index)] = nid
        for nid in {i for i in before.values() if i} - set(nodes):
            self.rewritten_nodes[nid] = None
            self.db.execute("DELETE FROM inc_sig WHERE node = ?", (nid,))
            self.db.execute("DELETE FROM inc_fold WHERE node = ?", (nid,))
        self.rewrite_clusters(nodes, sigs, dict(named_by_id(named, nodes)))
        self.db.executemany("INSERT OR REPLACE INTO inc_fold VALUES (?, ?, ?, ?)", st.fold_rows(
            [(nid, c) for nid, c in sorted(nodes.items()) if nid in self.rewritten_nodes]))
        self.db.executemany("UPDATE inc_fold SET blocked = ? WHERE node = ?",   # links refused
                            [(int(c.blocked), nid) for nid, c in nodes.items()])
        self.org_changed = {k for k, v in new_ids.items() if before.get(k) != v}
        self.db.executemany("UPDATE inc_org SET node = ? WHERE doc = ? AND idx = ?",
                            [(v, *k) for k, v in new_ids.items()
                             if k in self.org_changed or k[0] in self.new])   # new rows: no id yet
        self.emit_docs |= {d for d, _ in self.org_changed}
        self.stats = {"org_component": len(comp)}

    def rewrite_clusters(self, clusters: dict, sigs: dict[str, str], names: dict,
                         made: dict[str, dict] | None = None) -> None:
        """Rewrite the organisation or person nodes whose signature changed or that have
        a member in a changed document (``made``: nodes already made); keep the signatures."""
        old = st.stored_signatures(self.db, set(clusters))
        for nid, c in clusters.items():
            if old.get(nid) == sigs[nid] and not any(e.document in self.changed for e in c.members):
                continue
            if made and nid in made:
                self.rewritten_nodes[nid] = made[nid]
            elif names.get(nid) is None:
                self.rewritten_nodes[nid] = {"id": nid, "label": "Person", "name": c.members[0].name,
                                             **person_node(c)}
            else:
                st.fill_extra(self.db, c.members, nid)
                self.rewritten_nodes[nid] = {"id": nid, "label": "Organisation", "name": names[nid],
                                             **org_node(c, names[nid])}
        self.db.executemany("INSERT OR REPLACE INTO inc_sig VALUES (?, ?)", list(sigs.items()))

    # -- plans and zones -------------------------------------------------------
    def _plans(self) -> None:
        """Plans again from the documents that share a plan name with the changed ones
        (through ``inc_pname``, transitively: plans group only documents sharing a name);
        every other document keeps its stored plan."""
        st.plan_names(self.db)
        docs = self._plan_closure()
        old = {d: (p, i) for d, p, i in self._rows_of("inc_plan", "x.doc, x.plan, x.info", docs)}
        plans = {d: _plan_of(p) for d, (p, _) in old.items() if d not in self.changed}
        plans |= {d: r.plan for d, r in self.new.items()}
        infos = resolve_plans([_PlanDoc(d, plans[d]) for d in sorted(plans)])
        self.plans = _Plans(self.db, infos)
        texts = {d: st.info_text(infos[d]) for d in plans}
        moved = {d for d in plans if d in self.changed or old.get(d, (0, 0))[1] != texts[d]}
        self.emit_docs |= moved
        before = {json.loads(i)["id"] for _, i in old.values()}
        gone = {json.loads(old[d][1])["id"] for d in moved | set(self.changed) if d in old}
        keep = {infos[d].id for d in moved}
        ids = defaultdict(set)
        for d, info in infos.items():
            ids[info.id].add(tuple(info.documents))
        if any(len(v) > 1 for v in ids.values()) or any(
                self.q("SELECT 1 FROM nodes WHERE id = ?", i) for i in set(ids) - before):
            raise Fallback("two plans with one id")
        for pid in gone - keep:
            self.rewritten_nodes[pid] = None
        for d in moved:
            if d in infos:
                info = infos[d]
                attrs = {"id": info.id, "label": "Plan", "name": info.name, **plan_node(info)}
                attrs["sources"] = sorted(attrs["sources"], key=source_sort_key)
                self.rewritten_nodes[info.id] = attrs
        for d in self.changed:
            self.db.execute("DELETE FROM inc_plan WHERE doc = ?", (d,))
            self.db.execute("DELETE FROM inc_pname WHERE doc = ?", (d,))
        self.db.executemany("INSERT OR REPLACE INTO inc_plan VALUES (?, ?, ?)",
                            [st.plan_row(d, plans[d], infos[d]) for d in sorted(moved)])
        st.put_plan_names(self.db, {d: r.plan for d, r in self.new.items()})

    def _plan_closure(self) -> set[str]:
        """The changed documents and every document sharing a plan name with them, and
        with those, and so on (old and new names)."""
        from samspil.graph.plans import plan_names
        names = {n for d in self.changed for (n,) in self.q("SELECT name FROM inc_pname WHERE doc = ?", d)}
        names |= {n for d, r in self.new.items() for n in plan_names(d, r.plan)}
        docs, seen = set(self.changed), set()
        while names - seen:
            seen |= names
            self._temp("t_pnames", "name TEXT", names)
            found = {d for (d,) in self.q("SELECT p.doc FROM t_pnames t JOIN inc_pname p ON p.name = t.name")}
            found -= docs
            docs |= found
            self._temp("t_pdocs", "doc TEXT", found)
            names = {n for (n,) in self.q("SELECT p.name FROM t_pdocs t JOIN inc_pname p ON p.doc = t.doc")}
        return docs

    def _rows_of(self, table: str, columns: str, docs: set[str]) -> list:
        self._temp("t_pdocs", "doc TEXT", docs)
        return self.q(f"SELECT {columns} FROM t_pdocs t JOIN {table} x ON x.doc = t.doc")  # noqa: S608

    def _zones(self) -> None:
        keys = {k for d in self.changed for (k,) in self.q(
            "SELECT DISTINCT key FROM inc_zone WHERE doc = ?", d)}
        counts = {d: zone_counts(r) for d, r in self.new.items()}
        keys |= {k for c in counts.values() for k, _ in c}
        before = {k: self._display(k) for k in keys}
        for d in self.changed:
            self.db.execute("DELETE FROM inc_zone WHERE doc = ?", (d,))
        self.db.executemany("INSERT INTO inc_zone VALUES (?, ?, ?, ?)",
                            [(k, n, d, c) for d, cs in counts.items() for (k, n), c in cs.items()])
        for k in keys:
            if self._display(k) != before[k]:
                self.emit_docs |= {d for (d,) in self.q("SELECT DISTINCT doc FROM inc_zone WHERE key = ?", k)}

    def _display(self, key: str) -> str | None:
        rows = self.q("SELECT spelling, sum(n) FROM inc_zone WHERE key = ? GROUP BY spelling", key)
        return display_of(dict(rows)) if rows else None

    def _zone_map(self, r: AgreementReport) -> dict[str, str]:
        keys = {k for k, _ in zone_counts(r)}
        return {k: v for k in keys if (v := self._display(k)) is not None}

    # -- re-emitting documents -------------------------------------------------
    def _report(self, d: str) -> AgreementReport:
        return self.new[d] if d in self.new else self.read(d)

    def _emit(self) -> None:
        gone = {d for d, r in self.changed.items() if r is None}
        self.emit_docs -= gone
        for d in gone:
            self._drop_frags(d, "d")
            self._drop_frags(d, "p")
        for d in sorted(self.emit_docs):
            r = self._report(d)
            orgs = Orgs()
            orgs.add_report(r)
            ids = {(d, i): n for i, n in self.q("SELECT idx, node FROM inc_org WHERE doc = ?", d)}
            self.replace_frags(d, "d", emit_document(r, self.plans[d], orgs, ids, self._zone_map(r),
                                                          light=True))

    # -- persons ---------------------------------------------------------------
    def _persons(self) -> None:
        from samspil.graph.persons_inc import update_persons
        update_persons(self)

    # -- writing the touched part ------------------------------------------------
    def _refold(self) -> None:
        from samspil.graph.inc_append import refold
        self.stats |= write_items(self.db, refold(self), set(self.changed), self.kept)
        fs.prune(self.db, self.materialised | self.touched)


class _Plans(dict):
    """Document id -> PlanInfo: the plans resolved again, and every other document's
    stored plan, read when asked for."""

    def __init__(self, db: sqlite3.Connection, infos: dict[str, Any]) -> None:
        super().__init__(infos)
        self.db = db

    def _stored(self, d: str) -> Any:
        from samspil.graph.plans import PlanInfo
        row = self.db.execute("SELECT info FROM inc_plan WHERE doc = ?", (d,)).fetchone()
        if row is None:
            return None
        info = PlanInfo(**json.loads(row[0]))
        self[d] = info
        return info

    def __missing__(self, d: str) -> Any:
        if (info := self._stored(d)) is None:
            raise KeyError(d)
        return info

    def __contains__(self, d: object) -> bool:
        return dict.__contains__(self, d) or (isinstance(d, str) and self._stored(d) is not None)


def named_by_id(named: list, clusters: dict) -> list[tuple[str, str]]:
    ids = {id(c): nid for nid, c in clusters.items()}
    return [(ids[id(c)], name) for name, c in named]


def entity_prepared(d: str, i: int, text: str, vocab) -> Entity:
    e = st.entity_from(d, i, text)
    prepare_entity(e, vocab)
    return e


def _fresh(e: Entity) -> Entity:
    return Entity(e.document, e.index, e.name, e.names, e.mentions, e.data)
