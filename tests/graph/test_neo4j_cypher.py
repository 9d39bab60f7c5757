"""The Neo4j store without a server: every statement it sends is recorded by a
stand-in driver and checked (values only as parameters, batched UNWIND writes,
one managed transaction per document), and driver errors are mapped. The
same store against a real server is the neo4j leg of test_store_contract.py."""
from __future__ import annotations

import re
from typing import Any

import pytest

from samspil.graph import neo4j_store as ns
from samspil.graph.settings import Settings
from samspil.loaders.errors import StoreUnavailable


class Result:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def __iter__(self):
        return iter([Record(r) for r in self.rows])

    def single(self):
        return Record(self.rows[0]) if self.rows else None

    def data(self):
        return list(self.rows)

    def consume(self):
        return None


class Record(dict):
    def data(self):
        return dict(self)


class Recorder:
    """Plays the driver, session and managed transaction; keeps reports like a server."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any], int]] = []   # query, params, transaction no.
        self.tx_no = 0
        self.write_transactions = 0
        self.reports: dict[str, str] = {}
        self.meta = {"docs": 0, "graph": 0, "overrides": ""}
        self.nodes: dict[str, tuple[str, dict]] = {}       # id -> (label, props)
        self.edges: dict[tuple, dict] = {}                 # (src, dst, type) -> props

    # driver
    def session(self, **_: Any) -> "Recorder":
        return self

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    # session
    def execute_write(self, work, *args):
        self.tx_no += 1
        self.write_transactions += 1
        return work(self, *args)

    def execute_read(self, work, *args):
        self.tx_no += 1
        return work(self, *args)

    # transaction
    def run(self, query: str, parameters: dict | None = None, **kw: Any) -> Result:
        params = {**(parameters or {}), **kw}
        self.calls.append((query, params, self.tx_no))
        if query == ns.PUT_REPORT:
            before = self.reports.get(params["document"])
            self.reports[params["document"]] = params["report"]
            self.meta["docs"] += before != params["report"]
            return Result([{"before": before}])
        if query == ns.READ_REPORTS:
            return Result([{"document": d, "report": r} for d, r in sorted(self.reports.items())])
        if query == ns.READ_META:
            return Result([dict(self.meta)])
        if query == ns.SET_GRAPH_META:
            self.meta.update(graph=params["generation"], overrides=params["overrides"])
        if query.startswith("MATCH (n:SamspilNode) OPTIONAL MATCH"):
            return Result([{"n": len(self.nodes), "e": len(self.edges)}])
        return Result(self._graph(query, params))

    def _graph(self, query: str, params: dict) -> list[dict]:
        """Just enough of the graph statements to read back what was written."""
        if query == ns.CLEAR_GRAPH:
            self.nodes = {k: v for k, v in self.nodes.items() if k in set(params["keep"])}
        elif query == ns.CLEAR_EDGES:
            self.edges = {}
        elif query.startswith("UNWIND $rows AS row MERGE (n:"):
            label = query.split("(n:")[1].split(" ")[0]
            self.nodes.update({r["id"]: (label, dict(r["props"])) for r in params["rows"]})
        elif query.startswith("UNWIND $rows AS row MATCH"):
            rel = query.split("[r:")[1].split("]")[0]
            self.edges.update({(r["src"], r["dst"], rel): dict(r["props"]) for r in params["rows"]})
        elif query == ns.READ_NODES:
            return [{"labels": [lab, "SamspilNode"], "props": p} for lab, p in self.nodes.values()]
        elif query == ns.READ_EDGES:
            return [{"src": s, "dst": d, "type": t, "props": p} for (s, d, t), p in self.edges.items()]
        return []


@pytest.fixture
def recorded(kit):
    rec = Recorder()
    store = ns.Neo4jStore(Settings(store="neo4j", neo4j_password="x"), driver=rec)
    reports = kit.synthetic().generate_reports(60, seed=3)
    store.save(reports)
    rec.store = store
    return rec, reports


def test_what_is_written_reads_back_as_the_same_graph(recorded):
    from samspil.graph.build import build_graph
    rec, reports = recorded
    rec.calls.clear()
    loaded, built = rec.store.load(), build_graph(reports)

    def set_(d):    # Neo4j stores no nulls: a None property comes back absent
        return {k: v for k, v in d.items() if v is not None}

    assert loaded.ids() == built.ids()
    assert all(loaded.node(n) == set_(built.node(n)) for n in built.g.nodes)
    assert all(loaded.g.edges[u, v, k] == set_(d)
               for u, v, k, d in built.g.edges(keys=True, data=True))


PARAM = re.compile(r"\$(\w+)")
LITERAL = re.compile(r"'[^']*'|\"[^\"]*\"")


def test_every_statement_takes_its_values_as_parameters(recorded):
    rec, reports = recorded
    values = {r.document for r in reports} | {o.name for r in reports for o in r.organisations}
    values |= {c.email for r in reports for c in r.contacts if c.email}
    assert rec.calls
    for query, params, _ in rec.calls:
        assert set(PARAM.findall(query)) == set(params), query
        assert set(LITERAL.findall(query)) <= {"'generation'"}, query
        assert not any(v in query for v in values), query
        assert not re.search(r"\b\d{2,}\b", query.replace("samspil_", "")), query


def test_graph_writes_are_batched_unwind_merges(recorded):
    rec, _ = recorded
    writes = [(q, p) for q, p, _ in rec.calls if q.startswith("UNWIND $rows AS row M")]
    assert writes and all(0 < len(p["rows"]) <= ns.BATCH for q, p in writes)
    per_statement: dict[str, int] = {}
    for q, p in writes:
        per_statement[q] = per_statement.get(q, 0) + len(p["rows"])
    assert max(per_statement.values()) > ns.BATCH        # so some statement ran in several batches
    assert all("MERGE" in q for q, _ in writes)
    # labels and types in the text come from the closed vocabulary only
    from samspil.graph.model import LABELS, REL_TYPES
    for q, _ in writes:
        names = set(re.findall(r":(\w+)", q)) - {"SamspilNode"}
        assert names <= set(LABELS) | set(REL_TYPES), q


def test_one_managed_transaction_per_document_then_one_for_the_graph(recorded):
    rec, reports = recorded
    put_tx = [tx for q, _, tx in rec.calls if q == ns.PUT_REPORT]
    assert len(put_tx) == len(set(put_tx)) == len(reports)
    graph_tx = {tx for q, _, tx in rec.calls if q.startswith("UNWIND $rows AS row M")}
    assert len(graph_tx) == 1 and not graph_tx & set(put_tx)


def test_schema_constraints_on_first_use(recorded):
    rec, _ = recorded
    schema = [q for q, _, _ in rec.calls if q.startswith("CREATE ")]
    assert len([q for q in schema if "IS UNIQUE" in q]) >= 8
    assert all("IF NOT EXISTS" in q for q in schema)


def test_an_unreachable_server_says_what_to_do():
    settings = Settings(store="neo4j", neo4j_uri="bolt://127.0.0.1:9", neo4j_password="x")
    with pytest.raises(StoreUnavailable, match=r"Cannot reach Neo4j at bolt://127.0.0.1:9 - is "
                                               r"`docker compose up neo4j` running"):
        ns.Neo4jStore(settings)


def test_a_missing_password_says_which_setting():
    with pytest.raises(StoreUnavailable, match="SAMSPIL_NEO4J_PASSWORD"):
        ns.Neo4jStore(Settings(store="neo4j", neo4j_password=None))


def test_routing_uris_are_accepted_by_the_driver():
    import neo4j
    for uri in ("neo4j://localhost:7687", "neo4j+s://example.databases.neo4j.io", "bolt+s://h:7687"):
        neo4j.GraphDatabase.driver(uri, auth=("neo4j", "x")).close()
