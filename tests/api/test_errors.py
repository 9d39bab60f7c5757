"""One error shape for every failure."""
from __future__ import annotations

import pytest

from samspil.api.app import create_app
from samspil.graph.model import PartnershipGraph
from samspil.graph.settings import Settings


def shape(r, status):
    assert r.status_code == status, r.text
    body = r.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert set(body) <= {"ok", "error", "status", "candidates", "details"}
    return body


def test_not_found(client):
    body = shape(client.get("/api/organisations/no-such-organisation-xyz"), 404)
    assert "no-such-organisation-xyz" in body["error"]


def test_ambiguous_lists_candidates(client):
    body = shape(client.get("/api/plans/plan:"), 409)
    assert len(body["candidates"]) >= 2


def test_validation(client):
    body = shape(client.get("/api/organisations", params={"limit": 0}), 422)
    assert "limit" in body["error"] and body["details"][0]["where"] == "query.limit"
    shape(client.get("/api/search"), 422)
    shape(client.get("/api/analyses/overlaps", params={"by": "colour"}), 422)


def test_unknown_route_and_method(client):
    shape(client.get("/api/nothing-here"), 404)
    shape(client.post("/api/plans"), 405)


def test_ego_needs_a_node(client):
    shape(client.get("/api/graph", params={"view": "ego"}), 422)


def test_unexpected_error_is_500_in_the_same_shape(tmp_path):
    from fastapi.testclient import TestClient

    class Broken:
        def load(self, where=None):
            raise RuntimeError("disk on fire")

    app = create_app(Broken(), Settings(data_dir=tmp_path))
    with TestClient(app, raise_server_exceptions=False, base_url="http://localhost") as c:
        body = shape(c.get("/api/plans"), 500)
    assert "RuntimeError" in body["error"] and "disk on fire" not in body["error"]


def test_store_errors_keep_their_status(tmp_path):
    from fastapi.testclient import TestClient
    from samspil.loaders.errors import StoreUnavailable

    class Down:
        def load(self, where=None):
            raise StoreUnavailable("Cannot reach Neo4j at bolt://localhost:7687")

    with TestClient(create_app(Down(), Settings(data_dir=tmp_path)), base_url="http://localhost") as c:
        assert "Neo4j" in shape(c.get("/api/plans"), 503)["error"]
