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


def test_an_upload_of_which_nothing_loads_is_refused(write_client):
    """Every file refused (a picture, an empty file, a text that is no agreement): 422 and
    ``ok: false`` with each file's reason, nothing stored (it answered 201 and ``ok: true``)."""
    before = write_client.get("/api/documents", params={"limit": 1000}).json()["total"]
    r = write_client.post("/api/documents", headers=H, files=[
        ("files", ("billede.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")),
        ("files", ("tom.txt", b"", "text/plain"))])
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["ok"] is False and body["loaded"] == [] and "nothing was stored" in body["error"]
    assert {e["document"] for e in body["errors"]} == {"billede.png", "tom.txt"}
    assert write_client.get("/api/documents", params={"limit": 1000}).json()["total"] == before


def test_an_upload_answers_with_the_agreements_warnings(write_client):
    r = write_client.post("/api/documents", headers=H, files=[
        ("files", ("kun-parter.txt", "Strategisk samarbejdsaftale\nAftalens parter: Randers Kommune og "
                   "Boligselskabet Randersbo\n".encode(), "text/plain"))])
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["ok"] is True and body["loaded"] == ["kun-parter.txt"]
    assert any(w["document"] == "kun-parter.txt" and "found no" in w["warning"] for w in body["warnings"])
