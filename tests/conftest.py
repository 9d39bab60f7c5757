"""Session-wide fixtures: the real Neo4j that the Neo4j leg of the suite runs against.

``neo4j_settings`` starts one embedded Neo4j Community DBMS per test session
(tests/neo4j_server/: built by Maven on first use, then offline) and sets
``SAMSPIL_TEST_NEO4J_URI`` / ``_PASSWORD`` for the tests and the processes they
start. A ``SAMSPIL_TEST_NEO4J_URI`` set beforehand (e.g. docker-compose's Neo4j 5,
with ``SAMSPIL_TEST_NEO4J_PASSWORD``) is used instead and nothing is started. Only
without Java or Maven are the Neo4j tests skipped, with that reason.
"""
from __future__ import annotations

import contextlib
import importlib.util
import os
from pathlib import Path

import pytest

SERVER_MODULE = Path(__file__).resolve().parent / "neo4j_server" / "server.py"


def load_server_module():
    """tests/neo4j_server/server.py (tests/ is not a package: importlib mode)."""
    spec = importlib.util.spec_from_file_location("samspil_test_neo4j_server", SERVER_MODULE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def neo4j_server_module():
    return load_server_module()


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_server_module):
    """Settings of the session's Neo4j (``store="neo4j"``); the database is shared:
    tests that need it empty wipe it first (see ``wipe_neo4j``)."""
    from samspil.graph.settings import Settings

    server = None
    saved = {k: os.environ.get(k) for k in ("SAMSPIL_TEST_NEO4J_URI", "SAMSPIL_TEST_NEO4J_PASSWORD")}
    if not saved["SAMSPIL_TEST_NEO4J_URI"]:
        reason = neo4j_server_module.missing_tools()
        if reason:
            pytest.skip(reason)
        server = neo4j_server_module.Neo4jServer()
        os.environ["SAMSPIL_TEST_NEO4J_URI"] = server.start()
        os.environ["SAMSPIL_TEST_NEO4J_PASSWORD"] = server.password
    try:
        yield Settings(store="neo4j", neo4j_uri=os.environ["SAMSPIL_TEST_NEO4J_URI"],
                       neo4j_user=os.environ.get("SAMSPIL_TEST_NEO4J_USER", "neo4j"),
                       neo4j_password=os.environ.get("SAMSPIL_TEST_NEO4J_PASSWORD"),
                       neo4j_database=os.environ.get("SAMSPIL_TEST_NEO4J_DATABASE"))
    finally:
        if server:
            server.stop()
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v


def wipe_neo4j(store) -> None:
    """Empty the test database (every node and relationship; the schema stays)."""
    store._write(lambda tx: tx.run("MATCH (n) DETACH DELETE n").consume())


@pytest.fixture(scope="session")
def neo4j_wipe():
    return wipe_neo4j


@pytest.fixture(scope="session")
def saved_data_dir(tmp_path_factory):
    """A factory: a fresh embedded store in a temporary data dir holding ``reports``."""
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store

    def make(reports, name: str = "store"):
        d = tmp_path_factory.mktemp(name)
        store = open_store(Settings(data_dir=d))
        store.save(reports)
        store.close()
        return d
    return make


@pytest.fixture(scope="session")
def twelve_municipalities(saved_data_dir) -> Path:
    """The data dir of a store holding tests/fixtures/blind_p/docs: twelve municipalities'
    agreements, most naming a unit of their own called "Sundhedsplejen" (twelve
    organisations of one name, rightly apart)."""
    from samspil.loaders.pipeline import extract_paths

    docs = Path(__file__).resolve().parent / "fixtures" / "blind_p" / "docs"
    return saved_data_dir([r.report for r in extract_paths([docs])], "blind-p")


@contextlib.contextmanager
def _served(app):
    import threading
    import time

    import uvicorn

    from samspil.cli.serve_cmds import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="session")
def served():
    """``with served(app) as url``: the ASGI app under a real uvicorn on a free loopback port."""
    return _served


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The PDF helper's tests (tests/loaders/test_pdf_fork.py) first: a helper is forked only by a
    process running one thread, and the servers other tests start leave threads behind; run
    later, those tests would be skipped in the whole suite (session 16's clean-clone run
    skipped 9)."""
    first = [item for item in items if item.fspath.basename == "test_pdf_fork.py"]
    if first:
        items[:] = first + [item for item in items if item.fspath.basename != "test_pdf_fork.py"]
