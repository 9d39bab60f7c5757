"""A real SQLite store (seeds + the XSS report) in a temporary data dir, and the app on it."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from samspil.api.app import create_app
from samspil.graph.settings import Settings
from samspil.graph.store import open_store
from samspil.loaders.model import AgreementReport
from samspil.loaders.pipeline import bundled_examples, extract_paths

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
KEY = "test-key-0123456789"


@pytest.fixture(scope="session")
def reports() -> list[AgreementReport]:
    out = [r.report for r in extract_paths([bundled_examples()])]
    out.append(AgreementReport.from_dict(
        json.loads((FIXTURES / "xss_report.json").read_text(encoding="utf-8"))))
    return out


@pytest.fixture(scope="session")
def data_dir(saved_data_dir, reports) -> Path:
    return saved_data_dir(reports)


@pytest.fixture(scope="session")
def store(data_dir):
    s = open_store(Settings(data_dir=data_dir))
    yield s
    s.close()


@pytest.fixture(scope="session")
def client(store, data_dir) -> TestClient:
    app = create_app(store, Settings(data_dir=data_dir))
    with TestClient(app, base_url="http://localhost") as c:
        yield c


@pytest.fixture
def write_client(tmp_path, reports):
    """Its own store (writes change it) with an API key configured."""
    settings = Settings(data_dir=tmp_path, api_key=KEY)
    s = open_store(settings)
    s.save(reports[-2:])
    with TestClient(create_app(s, settings), base_url="http://localhost") as c:
        yield c
    s.close()


@pytest.fixture
def seeded_write_client(tmp_path, reports):
    """Its own store holding every report (writes change it), an API key configured;
    the app's answer cache is ``client.app.state.cache``."""
    settings = Settings(data_dir=tmp_path, api_key=KEY)
    s = open_store(settings)
    s.save(reports)
    try:
        with TestClient(create_app(s, settings), base_url="http://localhost") as c:
            yield c
    finally:
        s.close()


@pytest.fixture(scope="module")
def neo4j_client(reports, neo4j_settings, neo4j_wipe, tmp_path_factory) -> TestClient:
    """The app on the session's real Neo4j (tests/conftest.py) holding the same reports."""
    from samspil.graph.neo4j_store import Neo4jStore
    s = Neo4jStore(neo4j_settings)
    neo4j_wipe(s)
    s.save(reports)
    settings = neo4j_settings.model_copy(update={"data_dir": tmp_path_factory.mktemp("neo4j-api")})
    with TestClient(create_app(s, settings), base_url="http://localhost") as c:
        yield c
    s.close()
