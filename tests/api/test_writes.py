"""Write endpoints: off without a key, 401 with a wrong one, and real effects with the right one."""
from __future__ import annotations

from fastapi.testclient import TestClient

from samspil.api.app import create_app
from samspil.graph.settings import Settings
from samspil.loaders.pipeline import bundled_examples

KEY = "test-key-0123456789"
H = {"X-API-Key": KEY}


def test_writes_are_off_without_a_key(client):
    for r in (client.delete("/api/documents/x.txt"), client.delete("/api/persons/x"),
              client.post("/api/documents", files={"files": ("a.txt", b"x")})):
        assert r.status_code == 403 and r.json()["ok"] is False
        assert "SAMSPIL_API_KEY" in r.json()["error"]


def test_wrong_or_missing_key(write_client):
    assert write_client.delete("/api/persons/x").status_code == 401
    r = write_client.delete("/api/persons/x", headers={"X-API-Key": "nope"})
    assert r.status_code == 401 and r.json()["status"] == 401


def test_upload_then_forget_document(write_client):
    before = write_client.get("/api/plans").json()["total"]
    seed = sorted(bundled_examples().glob("*.txt"))[2]
    r = write_client.post("/api/documents", headers=H, files=[
        ("files", (seed.name, seed.read_bytes(), "text/plain")),
        ("files", ("broken.pdf", b"%PDF-1.4 not really", "application/pdf"))])
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["loaded"] == [seed.name]
    assert body["errors"][0]["document"] == "broken.pdf"
    assert write_client.get("/api/plans").json()["total"] == before + 1
    r = write_client.delete(f"/api/documents/{seed.name}", headers=H)
    assert r.status_code == 200, r.text
    assert write_client.get("/api/plans").json()["total"] == before
    assert write_client.delete("/api/documents/never-loaded.txt", headers=H).status_code == 404


def test_forget_person(write_client):
    hits = write_client.get("/api/search", params={"q": "Anna", "label": "Person"}).json()["items"]
    assert hits
    r = write_client.delete("/api/persons/anna@testbo.dk", headers=H)
    assert r.status_code == 200, r.text
    assert write_client.get("/api/search", params={"q": "Anna", "label": "Person"}).json()["total"] == 0


def test_no_store_no_writes(tmp_path):
    from samspil.graph.model import PartnershipGraph
    app = create_app(settings=Settings(data_dir=tmp_path, api_key=KEY), graph=PartnershipGraph())
    with TestClient(app, base_url="http://localhost") as c:
        r = c.delete("/api/persons/x", headers=H)
    assert r.status_code == 503 and "no store" in r.json()["error"]
