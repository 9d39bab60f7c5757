"""The Neo4j store (``SAMSPIL_STORE=neo4j``): the same contract as the embedded store.

* The official ``neo4j`` driver; ``bolt://``, ``neo4j://`` (routing: clusters,
  Aura) and ``+s`` URIs all work unchanged.
* Uniqueness constraints on ``id`` for every label (and on the bookkeeping
  nodes) plus a ``name`` index are created on first use.
* Every report is written in its own managed transaction (``execute_write``);
  the resolved graph is then replaced in one managed transaction of batched,
  parameterised ``UNWIND $rows AS row MERGE ...`` statements. Labels and
  relationship types come from the closed vocabulary of graph/model.py; every
  value travels as a parameter, never inside the Cypher text.
* ``sources``, ``mentions`` and ``merges`` (lists of maps, which Neo4j
  properties cannot hold) are stored as JSON strings ``sources_json`` ...;
  ``documents`` (the contributing documents) is a list property used by the
  ``where=`` pushdown.
* Driver errors become :class:`StoreUnavailable` / :class:`StoreError` with a
  message that says what to do.
"""
from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from samspil.graph.build import build_graph, builder_stamp
from samspil.graph.model import LABELS, REL_ENDPOINTS, PartnershipGraph
from samspil.graph.people import PersonKey, forget_keys, person_to_forget, scrub_report
from samspil.graph.resolve import load_overrides
from samspil.graph.settings import Settings
from samspil.graph.store import (DocumentInfo, GraphFilter, SaveSummary, node_documents,
                                 same_but_path, selected_documents, summarise)
from samspil.loaders.errors import NotFound, StoreError, StoreUnavailable
from samspil.loaders.model import AgreementReport
from samspil.loaders.validate import check_report

__all__ = ["Neo4jStore", "BATCH", "schema_statements", "node_statement", "edge_statement"]

BATCH = 1000
# The driver logs each retried transaction and lost connection as multi-line records;
# samspil reports the outcome itself (one line on failure), so the driver's records do
# not reach the application's handlers (attach one to the "neo4j" logger to see them).
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False
JSON_PROPS = ("sources", "mentions", "merges")
NODE_LABEL = "SamspilNode"     # extra label on every graph node (for whole-graph queries)


def schema_statements() -> list[str]:
    out = [f"CREATE CONSTRAINT samspil_{lab.lower()}_id IF NOT EXISTS "
           f"FOR (n:{lab}) REQUIRE n.id IS UNIQUE" for lab in LABELS]
    out += [f"CREATE INDEX samspil_{lab.lower()}_name IF NOT EXISTS FOR (n:{lab}) ON (n.name)"
            for lab in LABELS]
    out += ["CREATE CONSTRAINT samspil_node_id IF NOT EXISTS "
            f"FOR (n:{NODE_LABEL}) REQUIRE n.id IS UNIQUE",
            "CREATE CONSTRAINT samspil_report_document IF NOT EXISTS "
            "FOR (r:SamspilReport) REQUIRE r.document IS UNIQUE",
            "CREATE CONSTRAINT samspil_meta_key IF NOT EXISTS "
            "FOR (m:SamspilMeta) REQUIRE m.key IS UNIQUE"]
    return out


def node_statement(label: str) -> str:
    if label not in LABELS:
        raise ValueError(f"unknown label {label!r}")
    return (f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) "
            f"SET n = row.props, n:{NODE_LABEL}")


def edge_statement(rel: str) -> str:
    src, dst = REL_ENDPOINTS[rel]
    return (f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}) MATCH (b:{dst} {{id: row.dst}}) "
            f"MERGE (a)-[r:{rel}]->(b) SET r = row.props")


PUT_REPORT = ("OPTIONAL MATCH (old:SamspilReport {document: $document}) "
              "WITH old, old.report AS before "
              "MERGE (r:SamspilReport {document: $document}) "
              "SET r.report = $report, r.checksum = $checksum, r.plan = $plan, "
              "r.loaded_at = toString(datetime()) "
              "MERGE (m:SamspilMeta {key: 'generation'}) "
              "SET m.docs = coalesce(m.docs, 0) + CASE WHEN before = $report THEN 0 ELSE 1 END "
              "RETURN before")
READ_REPORTS = "MATCH (r:SamspilReport) RETURN r.document AS document, r.report AS report ORDER BY r.document"
DELETE_REPORT = ("MATCH (r:SamspilReport {document: $document}) DETACH DELETE r "
                 "WITH count(*) AS n MERGE (m:SamspilMeta {key: 'generation'}) "
                 "SET m.docs = coalesce(m.docs, 0) + 1 RETURN n")
UPDATE_REPORT = "MATCH (r:SamspilReport {document: $document}) SET r.report = $report"
ADD_FORGOTTEN = ("UNWIND $rows AS row MERGE (f:SamspilForgotten {kind: row.kind, digest: row.digest}) "
                 "WITH count(*) AS n MERGE (m:SamspilMeta {key: 'generation'}) "
                 "SET m.docs = coalesce(m.docs, 0) + 1")
READ_FORGOTTEN = "MATCH (f:SamspilForgotten) RETURN f.kind AS kind, f.digest AS digest"
READ_META = ("MATCH (m:SamspilMeta {key: 'generation'}) RETURN m.docs AS docs, m.graph AS graph, "
             "m.overrides AS overrides, m.built_by AS built_by, m.merged AS merged, "
             "m.counts_json AS counts")
SET_GRAPH_META = ("MERGE (m:SamspilMeta {key: 'generation'}) SET m.graph = $generation, "
                  "m.overrides = $overrides, m.built_by = $built_by, m.merged = $merged, "
                  "m.counts_json = $counts")
CLEAR_GRAPH = f"MATCH (n:{NODE_LABEL}) WHERE NOT n.id IN $keep DETACH DELETE n"
CLEAR_EDGES = f"MATCH (:{NODE_LABEL})-[r]->(:{NODE_LABEL}) DELETE r"
READ_NODES = f"MATCH (n:{NODE_LABEL}) RETURN labels(n) AS labels, properties(n) AS props"
READ_NODES_IN = (f"MATCH (n:{NODE_LABEL}) WHERE any(d IN n.documents WHERE d IN $documents) "
                 "AND (size($labels) = 0 OR any(l IN labels(n) WHERE l IN $labels)) "
                 "RETURN labels(n) AS labels, properties(n) AS props")
READ_EDGES = (f"MATCH (a:{NODE_LABEL})-[r]->(b:{NODE_LABEL}) RETURN a.id AS src, b.id AS dst, "
              "type(r) AS type, properties(r) AS props")
READ_EDGES_IN = (f"MATCH (a:{NODE_LABEL})-[r]->(b:{NODE_LABEL}) "
                 "WHERE any(d IN r.documents WHERE d IN $documents) AND a.id IN $ids AND b.id IN $ids "
                 "RETURN a.id AS src, b.id AS dst, type(r) AS type, properties(r) AS props")
READ_PLANS = "MATCH (p:Plan) RETURN properties(p) AS props"
READ_DOCUMENTS = ("MATCH (r:SamspilReport) RETURN r.document AS id, r.checksum AS checksum, "
                  "r.plan AS plan, r.loaded_at AS loaded_at ORDER BY r.document")


def _props(d: dict[str, Any], skip: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in d.items():
        if k in skip or v is None:
            continue
        if k in JSON_PROPS or isinstance(v, dict) or (isinstance(v, list) and v and
                                                      isinstance(v[0], (dict, list))):
            out[k + "_json"] = json.dumps(v, ensure_ascii=False)
        else:
            out[k] = v
    out["documents"] = sorted(node_documents(d))
    return out


def _unprops(p: dict[str, Any], label: str | None = None) -> dict[str, Any]:
    """Stored properties back to graph attributes (``documents`` is kept on Plans only)."""
    out = {}
    for k, v in p.items():
        if k.endswith("_json"):
            out[k[:-5]] = json.loads(v)
        elif k != "documents" or label == "Plan":
            out[k] = v
    return out


def graph_rows(graph: PartnershipGraph) -> tuple[dict[str, list], dict[str, list]]:
    """Rows per label and per relationship type, as the write statements take them."""
    nodes: dict[str, list] = defaultdict(list)
    for n, d in graph.g.nodes(data=True):
        nodes[d["label"]].append({"id": n, "props": {"id": n, **_props(d, ("id",))}})
    edges: dict[str, list] = defaultdict(list)
    for u, v, k, d in graph.g.edges(keys=True, data=True):
        edges[k].append({"src": u, "dst": v, "props": _props(d, ("type",))})
    return nodes, edges


def _batches(rows: list, size: int = BATCH) -> Iterable[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


class Neo4jStore:
    """Graph store on a Neo4j 5 server (see the module docstring)."""

    def __init__(self, settings: Settings, driver: Any = None) -> None:
        self.uri = settings.neo4j_uri
        self.database = settings.neo4j_database
        self.overrides_path = settings.overrides_path
        if driver is None:
            import neo4j
            if not settings.neo4j_password:
                raise StoreUnavailable("no Neo4j password: set SAMSPIL_NEO4J_PASSWORD (and "
                                       "SAMSPIL_NEO4J_USER / SAMSPIL_NEO4J_URI)")
            driver = self._call(lambda: neo4j.GraphDatabase.driver(
                self.uri, auth=(settings.neo4j_user, settings.neo4j_password),
                max_transaction_retry_time=settings.neo4j_retry_seconds,
                notifications_min_severity="OFF"))   # no "property does not exist" chatter
            self._call(driver.verify_connectivity)
        self.driver = driver
        self._call(self._ensure_schema)

    # -- plumbing ----------------------------------------------------------------
    def _call(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` and map driver errors to samspil errors that say what to do."""
        try:
            import neo4j.exceptions as nex
        except ImportError as exc:  # pragma: no cover
            raise StoreUnavailable("the neo4j driver is not installed: pip install neo4j") from exc
        try:
            return fn()
        except nex.AuthError as exc:
            raise StoreUnavailable(f"Neo4j at {self.uri} refused the credentials; check "
                                   "SAMSPIL_NEO4J_USER and SAMSPIL_NEO4J_PASSWORD") from exc
        except (nex.ServiceUnavailable, nex.SessionExpired, OSError) as exc:
            raise StoreUnavailable(f"Cannot reach Neo4j at {self.uri} - is `docker compose up "
                                   "neo4j` running? (set SAMSPIL_NEO4J_URI otherwise)") from exc
        except nex.ConfigurationError as exc:
            raise StoreUnavailable(f"bad Neo4j URI {self.uri!r} ({exc}); use bolt://host:7687, "
                                   "neo4j://host:7687 or neo4j+s://... for Aura") from exc
        except nex.ClientError as exc:
            if "database" in str(exc).lower() and "not found" in str(exc).lower():
                raise StoreUnavailable(f"Neo4j has no database {self.database!r}; create it or "
                                       "set SAMSPIL_NEO4J_DATABASE") from exc
            raise StoreError(f"Neo4j rejected a statement: {exc}") from exc
        except nex.Neo4jError as exc:
            raise StoreError(f"Neo4j error: {exc}; retry, or check the server log") from exc

    def _session(self) -> Any:
        return self.driver.session(database=self.database) if self.database else self.driver.session()

    def _write(self, work: Callable[..., Any], *args: Any) -> Any:
        def run() -> Any:
            with self._session() as s:
                return s.execute_write(work, *args)
        return self._call(run)

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        def run() -> Any:
            with self._session() as s:
                return s.execute_read(lambda tx: [r.data() for r in tx.run(query, params)])
        return self._call(run)

    def _ensure_schema(self) -> None:
        """Create the constraints and indexes that are missing, each in a managed
        (retried) transaction. Two processes doing this at once may deadlock (retried)
        or find the rule made by the other (an equivalent rule exists): both are fine."""
        import neo4j.exceptions as nex
        with self._session() as s:
            have = {r["name"] for q in ("SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name")
                    for r in s.execute_read(lambda tx, q=q: list(tx.run(q)))}
            for statement in schema_statements():
                if statement.split()[2] in have:
                    continue
                try:
                    s.execute_write(lambda tx, q=statement: tx.run(q).consume())
                except nex.ClientError as exc:
                    if "EquivalentSchemaRuleAlreadyExists" not in (exc.code or ""):
                        raise

    # -- the contract --------------------------------------------------------------
    def save(self, reports: Iterable[AgreementReport]) -> SaveSummary:
        before = self._size()
        added, replaced, unchanged, moved = [], [], [], False
        forgotten = self._forgotten()
        for report in reports:
            check_report(report)            # refused before anything of it is written
            report = scrub_report(report, forgotten)
            text = json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True)
            prev = self._write(lambda tx, r=report, t=text: tx.run(
                PUT_REPORT, document=r.document, report=t, checksum=r.checksum,
                plan=r.plan.name).single()["before"])
            same = prev == text or bool(prev) and same_but_path(prev, text)
            moved = moved or same and prev != text         # (only the path: rebuilt, "unchanged")
            (unchanged if same else replaced if prev else added).append(report.document)
        if added or replaced or moved or self._stale():
            return summarise(self._rebuild(), added, replaced, unchanged, before)
        return self._unchanged_summary(unchanged, before)

    def _unchanged_summary(self, unchanged: list[str], before: tuple[int, int]) -> SaveSummary:
        """Nothing changed: the counts kept at the last rebuild, not a read of the graph."""
        meta = self._read(READ_META)
        if not meta or meta[0]["counts"] is None:          # a graph from before they were kept
            return summarise(self.load(), [], [], unchanged, before)
        return SaveSummary(unchanged=tuple(unchanged), merged=meta[0]["merged"], nodes=before[0],
                           edges=before[1], nodes_before=before[0], edges_before=before[1],
                           counts=json.loads(meta[0]["counts"]))

    def _size(self) -> tuple[int, int]:
        rows = self._read(f"MATCH (n:{NODE_LABEL}) OPTIONAL MATCH (n)-[r]->() "
                          "RETURN count(DISTINCT n) AS n, count(r) AS e")
        return (rows[0]["n"], rows[0]["e"]) if rows else (0, 0)

    def _forgotten(self) -> frozenset[PersonKey]:
        return frozenset(PersonKey(r["kind"], r["digest"]) for r in self._read(READ_FORGOTTEN))

    def _overrides_hash(self) -> str:
        import hashlib
        p = self.overrides_path
        return hashlib.sha256(p.read_bytes()).hexdigest() if p and p.exists() else ""

    def _stale(self) -> bool:
        rows = self._read(READ_META)
        if not rows:
            return False
        meta = rows[0]
        return (meta["docs"] != meta["graph"] or (meta["overrides"] or "") != self._overrides_hash()
                or (meta["built_by"] or "") != builder_stamp())

    def _rebuild(self) -> PartnershipGraph:
        overrides, forgotten = load_overrides(self.overrides_path), self._forgotten()
        holder: dict[str, PartnershipGraph] = {}

        def work(tx: Any) -> None:
            meta = tx.run(READ_META).single()
            reports = [AgreementReport.from_dict(json.loads(r["report"]))
                       for r in tx.run(READ_REPORTS)]
            graph = build_graph(reports, overrides, forgotten)
            write_graph(tx, graph)
            size = summarise(graph, [], [], [], (0, 0))
            tx.run(SET_GRAPH_META, generation=meta["docs"] if meta else 0,
                   overrides=self._overrides_hash(), built_by=builder_stamp(), merged=size.merged,
                   counts=json.dumps(size.counts)).consume()
            holder["graph"] = graph

        self._write(work)
        return holder["graph"]

    def load(self, where: GraphFilter | None = None) -> PartnershipGraph:
        if self._stale():
            self._rebuild()
        if where is None or where.is_empty():
            nodes, edges = self._read(READ_NODES), self._read(READ_EDGES)
        else:
            plans = [(r["props"]["id"], _unprops(r["props"], "Plan"))
                     for r in self._read(READ_PLANS)]
            docs = sorted(selected_documents(plans, where))
            nodes = self._read(READ_NODES_IN, documents=docs, labels=list(where.labels))
            ids = [r["props"]["id"] for r in nodes]
            edges = self._read(READ_EDGES_IN, documents=docs, ids=ids)
        nodes.sort(key=lambda r: r["props"]["id"])         # the order of build_graph
        edges.sort(key=lambda r: (r["src"], r["dst"], r["type"]))
        g = PartnershipGraph()
        for r in nodes:
            label = next(lab for lab in r["labels"] if lab in LABELS)
            props = _unprops(r["props"], label)
            props["label"] = label
            g.g.add_node(props["id"], **props)
        for r in edges:
            g.g.add_edge(r["src"], r["dst"], key=r["type"], type=r["type"], **_unprops(r["props"]))
        return g

    def forget(self, document_id: str) -> None:
        doc = document_id.removeprefix("doc:")
        n = self._write(lambda tx: tx.run(DELETE_REPORT, document=doc).single()["n"])
        if not n:
            raise NotFound(f"no loaded document {document_id!r}; `samspil stats` lists them",
                           api_message=f"no loaded document {document_id!r}; "
                                       "GET /api/documents lists the loaded documents")
        self._rebuild()

    def forget_person(self, ref: str) -> str:
        graph = self.load()
        pid = person_to_forget(graph, ref)
        node = graph.node(pid)
        keys = set(forget_keys(None, node.get("email")))
        keys |= {k for m in node.get("mentions") or [] for k in forget_keys(m["name"], None)}
        rows = [{"kind": k.kind, "digest": k.digest} for k in keys]
        docs = sorted({m["document"] for m in node.get("mentions") or []})

        def work(tx: Any) -> None:
            tx.run(ADD_FORGOTTEN, rows=rows).consume()
            forgotten = frozenset(PersonKey(r["kind"], r["digest"]) for r in tx.run(READ_FORGOTTEN))
            for r in tx.run(READ_REPORTS).data():
                if r["document"] in docs:
                    clean = scrub_report(AgreementReport.from_dict(json.loads(r["report"])), forgotten)
                    tx.run(UPDATE_REPORT, document=r["document"], report=json.dumps(
                        clean.to_dict(), ensure_ascii=False, sort_keys=True)).consume()

        self._write(work)
        self._rebuild()
        return pid

    def forget_email(self, email: str) -> list[Any]:
        """As ``SqliteStore.forget_email``: the address scrubbed from every stored report."""
        from samspil.graph.people import scrub_email
        rows = [{"kind": k.kind, "digest": k.digest} for k in forget_keys(None, email)]
        places: list[Any] = []

        def work(tx: Any) -> None:          # (run again on a lost connection: start over)
            places.clear()
            clean = {}
            for r in tx.run(READ_REPORTS).data():
                if email.strip().lower() in r["report"].lower():
                    data, found = scrub_email(json.loads(r["report"]), email, r["document"])
                    if found:
                        places.extend(found)
                        clean[r["document"]] = json.dumps(data, ensure_ascii=False, sort_keys=True)
            if clean:
                tx.run(ADD_FORGOTTEN, rows=rows).consume()
                for doc, text in clean.items():
                    tx.run(UPDATE_REPORT, document=doc, report=text).consume()

        self._write(work)
        if places:
            self._rebuild()
        return places

    def documents(self) -> list[DocumentInfo]:
        return [DocumentInfo(r["id"], r["checksum"], r["plan"], r["loaded_at"])
                for r in self._read(READ_DOCUMENTS)]

    def close(self) -> None:
        self.driver.close()


def write_graph(tx: Any, graph: PartnershipGraph) -> None:
    """Replace the stored graph inside the managed transaction ``tx`` (batched UNWIND)."""
    nodes, edges = graph_rows(graph)
    keep = sorted(graph.g.nodes)
    tx.run(CLEAR_GRAPH, keep=keep).consume()
    tx.run(CLEAR_EDGES).consume()
    for label in sorted(nodes):
        for batch in _batches(nodes[label]):
            tx.run(node_statement(label), rows=batch).consume()
    for rel in sorted(edges):
        for batch in _batches(edges[rel]):
            tx.run(edge_statement(rel), rows=batch).consume()
