"""Hostile requests (issue 14, findings 5 and 8): upload names, duplicates and limits,
no server paths in answers, security headers with a CSP that hashes each page's own
inline scripts, trusted hosts, and unknown query parameters refused."""
from __future__ import annotations

import base64
import hashlib
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from samspil.api.app import create_app
from samspil.graph.settings import Settings
from samspil.loaders.pipeline import bundled_examples

KEY = "test-key-0123456789"
H = {"X-API-Key": KEY}
SEED = sorted(bundled_examples().glob("*.txt"))[2]


def documents(c: TestClient) -> list[str]:
    return sorted(i["name"] for i in c.get("/api/documents", params={"limit": 1000}).json()["items"])


# -- finding 5: uploads ---------------------------------------------------------------
@pytest.mark.parametrize("name", ["..", ".", "../..", "/", "..\\.."])
def test_upload_names_that_are_no_file_names_are_refused(write_client, name: str) -> None:
    before = documents(write_client)
    r = write_client.post("/api/documents", headers=H, files=[("files", (name, SEED.read_bytes()))])
    assert r.status_code == 422, r.text
    assert r.json()["ok"] is False and "cannot be used" in r.json()["error"]
    assert documents(write_client) == before


def test_two_files_of_one_name_are_refused_and_nothing_is_loaded(write_client) -> None:
    before = documents(write_client)
    r = write_client.post("/api/documents", headers=H, files=[
        ("files", ("aftale.txt", SEED.read_bytes())), ("files", ("aftale.txt", b"Aftalens parter: KAB"))])
    assert r.status_code == 422 and "aftale.txt" in r.json()["error"]
    assert documents(write_client) == before


def test_upload_errors_show_no_server_path(write_client, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", bytes(80 * 2**20))      # 80 MiB of zeros, ~80 KB packed
    r = write_client.post("/api/documents", headers=H, files=[
        ("files", ("bomb.docx", bomb.read_bytes())), ("files", ("kaput.docx", b"PK\x03\x04 broken")),
        ("files", (SEED.name, SEED.read_bytes()))])
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["loaded"] == [SEED.name]
    errors = {e["document"]: e["error"] for e in body["errors"]}
    assert errors["bomb.docx"].startswith("bomb.docx: ") and "max_docx_part_mb" in errors["bomb.docx"]
    assert errors["kaput.docx"].startswith("kaput.docx: ")
    assert tempfile.gettempdir() not in r.text and "samspil-upload-" not in r.text


def test_documents_show_no_server_path(client) -> None:
    here = str(bundled_examples().resolve())
    docs = client.get("/api/documents").json()["items"]
    assert docs and all("path" not in d for d in docs)
    for d in docs:
        assert here not in client.get(f"/api/documents/{d['id']}").text
    assert here not in client.get("/api/graph", params={"view": "labels", "label": "Document"}).text


# -- finding 8: headers, hosts, query parameters --------------------------------------
@pytest.mark.parametrize("url", ["/", "/api/plans", "/api/nope", "/static/explorer.js", "/docs",
                                 "/api/views/plan-network.html", "/openapi.json"])
def test_every_response_carries_the_security_headers(client, url: str) -> None:
    r = client.get(url)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    csp = r.headers["content-security-policy"]
    assert "unsafe-inline" not in csp.split("script-src")[-1].split(";")[0]
    if not url.startswith("/api/views/"):
        assert "frame-ancestors 'none'" in csp and r.headers["x-frame-options"] == "DENY"


def test_pages_allow_exactly_their_own_inline_scripts(client) -> None:
    for url in ("/api/views/plan-network.html", "/docs"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        allowed = set(re.findall(r"'sha256-([^']+)'", csp))
        inline = [m for m in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", r.text, re.S)
                  if m.strip()]
        assert inline and allowed == {base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
                                      for s in inline}


def test_views_may_be_framed_only_by_configured_origins(store, data_dir) -> None:
    settings = Settings(data_dir=data_dir, embed_origins="https://intranet.example.dk")
    with TestClient(create_app(store, settings), base_url="http://localhost") as c:
        view = c.get("/api/views/gaps.html")
        assert "frame-ancestors 'self' https://intranet.example.dk" in view.headers["content-security-policy"]
        assert "x-frame-options" not in view.headers
        assert "frame-ancestors 'none'" in c.get("/").headers["content-security-policy"]


def test_foreign_host_names_are_refused(client, store, data_dir) -> None:
    r = client.get("/api/plans", headers={"Host": "evil.example:8765"})
    assert r.status_code == 400 and r.json()["ok"] is False and "SAMSPIL_ALLOWED_HOSTS" in r.json()["error"]
    assert client.get("/api/plans", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    settings = Settings(data_dir=data_dir, allowed_hosts="samspil.example.dk")
    with TestClient(create_app(store, settings), base_url="http://samspil.example.dk") as c:
        assert c.get("/api/plans").status_code == 200


def test_unknown_query_parameters_are_refused_and_never_cached(client) -> None:
    snap = client.app.state.cache.snapshot()
    assert client.get("/api/graph", params={"view": "gaps"}).status_code == 200
    cached = len(snap.memo)
    for i in range(20):
        r = client.get("/api/graph", params={"view": "gaps", f"x{i}": "1"})
        assert r.status_code == 422 and f"'x{i}'" in r.json()["error"]
        assert client.get(f"/api/views/gaps.html?cachebust={i}").status_code == 422
    assert len(client.app.state.cache.snapshot().memo) == cached
    assert client.get("/api/plans", params={"limit": 2, "q": "a"}).status_code == 200
