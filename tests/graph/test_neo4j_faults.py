"""Faults on a real Neo4j: a server of its own (tests/neo4j_server/, a kept store
folder and a fixed port, so it can be killed and restarted) under `samspil load`
processes. Killed in the middle of a load, Neo4j recovers whole documents only
(each is one transaction) and a rerun gives the graph of a clean load; stopped
before a load, the command says what to do and exits non-zero."""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from samspil.graph.build import build_graph
from samspil.graph.neo4j_store import READ_REPORTS, Neo4jStore
from samspil.graph.settings import Settings
from samspil.loaders.model import AgreementReport

pytestmark = pytest.mark.neo4j
LOAD = [sys.executable, "-c", "from samspil.cli.main import cli; cli()", "load"]
PASSWORD = "fault-test-password"
SYNTHETIC = Path(__file__).resolve().parents[2] / "bench" / "synthetic.py"


@pytest.fixture(scope="module")
def server(neo4j_server_module, tmp_path_factory):
    reason = neo4j_server_module.missing_tools()
    if reason:
        pytest.skip(reason)
    srv = neo4j_server_module.Neo4jServer(password=PASSWORD, port=neo4j_server_module.free_port(),
                                          store=tmp_path_factory.mktemp("neo4j-fault-store"))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def report_files(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("synthetic_for_faults", SYNTHETIC)
    synthetic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    folder = tmp_path_factory.mktemp("fault-reports")
    files = []
    for r in synthetic.generate_reports(60, seed=7):
        f = folder / f"{r.document}.json"
        f.write_text(json.dumps(r.to_dict(), ensure_ascii=False), encoding="utf-8")
        files.append(f)
    return files


def env_for(srv) -> dict[str, str]:
    return {**os.environ, "SAMSPIL_STORE": "neo4j", "SAMSPIL_NEO4J_URI": srv.uri,
            "SAMSPIL_NEO4J_PASSWORD": PASSWORD, "SAMSPIL_NEO4J_RETRY_SECONDS": "2"}


def open_store(srv) -> Neo4jStore:
    return Neo4jStore(Settings(store="neo4j", neo4j_uri=srv.uri, neo4j_password=PASSWORD))


def stored_reports(store: Neo4jStore) -> dict[str, str]:
    return {r["document"]: r["report"] for r in store._read(READ_REPORTS)}


def stored_count(store: Neo4jStore) -> int:
    return store._read("MATCH (r:SamspilReport) RETURN count(r) AS n")[0]["n"]


def canonical(f) -> tuple[str, str]:
    r = AgreementReport.from_dict(json.loads(f.read_text(encoding="utf-8")))
    return r.document, json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True)


def graph_form(g):
    """Nodes and relationships with their properties (None = absent: Neo4j stores no nulls)."""
    def text(d):
        return json.dumps({k: v for k, v in d.items() if v is not None}, sort_keys=True)
    return {(n, text(d)) for n, d in g.nodes()}, {(u, v, text(d)) for u, v, d in g.edges()}


def test_killed_mid_load_whole_documents_survive_and_a_rerun_equals_a_clean_load(server,
                                                                                 report_files):
    originals = dict(canonical(f) for f in report_files)
    watcher = open_store(server)
    # (connected and its count query planned before the load starts: a first query's connection and
    # planning could otherwise take longer than the whole load's documents, and freeze it too late)
    assert stored_count(watcher) == 0
    load = subprocess.Popen(LOAD + [str(f) for f in report_files], env=env_for(server),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # (a count, not the reports: a poll that reads every stored report grows slower as the
    # load goes on, and on a busy machine the whole load could finish between two polls)
    while stored_count(watcher) < 3 and load.poll() is None:
        time.sleep(0.01)
    assert load.poll() is None, "the load ended before the server could be killed"
    load.send_signal(signal.SIGSTOP)  # frozen mid-load, so the crash lands there however fast it runs
    assert stored_count(watcher) < len(originals), "every document was stored before the load froze"
    server.kill()                                     # SIGKILL: a crash, in the middle of the load
    watcher.driver.close()
    load.send_signal(signal.SIGCONT)
    out, err = load.communicate(timeout=120)
    assert load.returncode != 0
    assert err.strip().splitlines()[-1].startswith(f"Error: Cannot reach Neo4j at {server.uri}")
    assert "Traceback" not in err and "retried" not in err, err

    server.start()                                    # same store folder and port: crash recovery
    store = open_store(server)
    try:
        survived = stored_reports(store)
        assert 3 <= len(survived) < len(originals)
        assert {doc: originals[doc] for doc in survived} == survived     # whole documents only
        present = [AgreementReport.from_dict(json.loads(t)) for t in survived.values()]
        assert graph_form(store.load()) == graph_form(build_graph(present))
        rerun = subprocess.run(LOAD + [str(f) for f in report_files], env=env_for(server),
                               capture_output=True, text=True, timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        assert stored_reports(store) == originals
        clean = build_graph([AgreementReport.from_dict(json.loads(t)) for t in originals.values()])
        assert graph_form(store.load()) == graph_form(clean)
    finally:
        store.close()


def test_a_stopped_server_gives_a_clear_message_and_a_non_zero_exit(server, report_files):
    server.stop()
    assert server.proc.returncode == 0        # the launcher shut down when its stdin closed
    done = subprocess.run(LOAD + [str(report_files[0])], env=env_for(server),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert lines == [f"Error: Cannot reach Neo4j at {server.uri} - is `docker compose up neo4j` "
                     "running? (set SAMSPIL_NEO4J_URI otherwise)"], done.stderr
