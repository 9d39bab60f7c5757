"""What the Neo4j store sends to the real test server (tests/conftest.py), recorded
by a spy around the real driver: values only as parameters, batched UNWIND writes,
one managed transaction per document; and driver errors mapped to messages that
say what to do. The behaviour is the neo4j leg of test_store_contract.py."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from samspil.graph import neo4j_store as ns
from samspil.graph.settings import Settings
from samspil.loaders.errors import StoreUnavailable

SYNTHETIC = Path(__file__).resolve().parents[2] / "bench" / "synthetic.py"


class Spy:
    """Wraps the real driver, its sessions and managed transactions, and records every
    statement sent to the real server with its parameters and transaction number."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self.calls: list[tuple[str, dict[str, Any], int]] = []   # query, params, transaction no.
        self.tx_no = 0

    def session(self, **kw: Any) -> "SpySession":
        return SpySession(self, self.driver.session(**kw))

    def close(self) -> None:
        self.driver.close()

    def record(self, target: Any, query: str, parameters: dict | None, kw: dict) -> Any:
        self.calls.append((query, {**(parameters or {}), **kw}, self.tx_no))
        return target.run(query, parameters, **kw)


class SpySession:
    def __init__(self, spy: Spy, session: Any) -> None:
        self.spy, self.session = spy, session

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.session.close()
        return False

    def _managed(self, execute, work, *args):
        self.spy.tx_no += 1
        return execute(lambda tx, *a: work(SpyTx(self.spy, tx), *a), *args)

    def execute_write(self, work, *args):
        return self._managed(self.session.execute_write, work, *args)

    def execute_read(self, work, *args):
        return self._managed(self.session.execute_read, work, *args)

    def run(self, query: str, parameters: dict | None = None, **kw: Any):
        self.spy.tx_no += 1
        return self.spy.record(self.session, query, parameters, kw)


class SpyTx:
    def __init__(self, spy: Spy, tx: Any) -> None:
        self.spy, self.tx = spy, tx

    def run(self, query: str, parameters: dict | None = None, **kw: Any):
        return self.spy.record(self.tx, query, parameters, kw)


@pytest.fixture(scope="module")
def recorded(neo4j_settings, neo4j_wipe):
    """60 synthetic plans saved through the spy (once per module); ``rec.saved`` holds
    the statements of the first opening and the save."""
    import importlib.util

    import neo4j
    spec = importlib.util.spec_from_file_location("synthetic_for_cypher", SYNTHETIC)
    synthetic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    settings = neo4j_settings
    driver = neo4j.GraphDatabase.driver(settings.neo4j_uri,
                                        auth=(settings.neo4j_user, settings.neo4j_password))
    for kind in ("CONSTRAINT", "INDEX"):          # a database without samspil's schema
        names, _, _ = driver.execute_query(f"SHOW {kind}ES YIELD name" if kind == "INDEX"
                                           else f"SHOW {kind}S YIELD name")
        for r in names:
            if r["name"].startswith("samspil_"):
                driver.execute_query(f"DROP {kind} {r['name']} IF EXISTS")
    rec = Spy(driver)
    store = ns.Neo4jStore(settings, driver=rec)
    neo4j_wipe(store)
    reports = synthetic.generate_reports(60, seed=3)
    store.save(reports)
    rec.store, rec.saved = store, list(rec.calls)
    yield rec, reports
    store.close()


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
    assert rec.saved
    for query, params, _ in rec.saved:
        assert set(PARAM.findall(query)) == set(params), query
        assert set(LITERAL.findall(query)) <= {"'generation'"}, query
        assert not any(v in query for v in values), query
        assert not re.search(r"\b\d{2,}\b", query.replace("samspil_", "")), query


def test_graph_writes_are_batched_unwind_merges(recorded):
    rec, _ = recorded
    writes = [(q, p) for q, p, _ in rec.saved if q.startswith("UNWIND $rows AS row M")]
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
    put_tx = [tx for q, _, tx in rec.saved if q == ns.PUT_REPORT]
    assert len(put_tx) == len(set(put_tx)) == len(reports)
    graph_tx = {tx for q, _, tx in rec.saved if q.startswith("UNWIND $rows AS row M")}
    assert len(graph_tx) == 1 and not graph_tx & set(put_tx)


def test_schema_constraints_on_first_use_only(recorded, neo4j_settings):
    rec, _ = recorded
    schema = [q for q, _, _ in rec.saved if q.startswith("CREATE ")]
    assert len([q for q in schema if "IS UNIQUE" in q]) >= 8
    assert all("IF NOT EXISTS" in q for q in schema)
    assert sorted(schema) == sorted(ns.schema_statements())
    rec.calls.clear()
    ns.Neo4jStore(neo4j_settings, driver=rec)        # a second opening creates nothing
    assert not [q for q, _, _ in rec.calls if q.startswith("CREATE ")]


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


def test_a_bad_report_is_refused_before_anything_is_written(recorded):
    """Issue 14, finding 3, for the server store: validated before the first statement."""
    from samspil.loaders.model import AgreementReport, Organisation
    from samspil.loaders.validate import InvalidReport

    rec, _ = recorded
    before = rec.store.documents()
    rec.calls.clear()
    bad = AgreementReport(document="x.txt", organisations=[Organisation(name=123)])  # type: ignore[arg-type]
    with pytest.raises(InvalidReport, match=r"organisations\[0\]\.name"):
        rec.store.save([bad])
    writes = [q for q, _, _ in rec.calls if re.search(r"\b(MERGE|CREATE|SET|DELETE)\b", q)]
    assert writes == []                          # not one write reached the server
    assert rec.store.documents() == before
