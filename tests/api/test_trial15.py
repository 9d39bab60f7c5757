"""What the trial of session 15 found in the API, on the real store and a real server."""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest


KEY = "test-key-0123456789"
H = {"X-API-Key": KEY}


def test_forgetting_an_email_scrubs_it_where_no_person_carries_it(write_client):
    r = write_client.delete("/api/persons/anna@testbo.dk", headers=H)
    assert r.status_code == 200, r.text
    assert r.json()["result"]["person"] and r.json()["result"]["found"]
    # again: no person carries it and no excerpt holds it any more; said, not a 404
    r = write_client.delete("/api/persons/ANNA@testbo.dk", headers=H)
    assert r.status_code == 200, r.text
    assert r.json()["result"] == {"person": None, "scrubbed": [], "found": False}


BLIND_J = Path(__file__).resolve().parent.parent / "fixtures" / "blind_j" / "docs"


@pytest.fixture(scope="module")
def blind_j_url(tmp_path_factory, served):
    """A real uvicorn serving a store with Kokkedal (Fredensborg), Nabo i Nord (Gentofte)
    and Fællesskab i Vejen og Brørup (Vejen)."""
    from samspil.api.app import create_app
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store
    from samspil.loaders.pipeline import extract_paths

    settings = Settings(data_dir=tmp_path_factory.mktemp("blind-j-api"))
    store = open_store(settings)
    store.save([r.report for r in extract_paths([
        BLIND_J / "01_fredensborg_kokkedal_strategisk.txt",
        BLIND_J / "02_gentofte_delaftale_beskaeftigelse.txt",
        BLIND_J / "08_vejen_kongeaabo_aarsrapport.txt"])])
    with served(create_app(store, settings)) as url:
        yield url
    store.close()


def test_the_api_names_a_plan_by_a_word_of_its_municipality(blind_j_url):
    r = httpx.get(f"{blind_j_url}/api/plans/gentofte")
    assert r.status_code == 200, r.text
    assert r.json()["item"]["id"] == "plan:nabo-i-nord-2024-2027"
    r = httpx.get(f"{blind_j_url}/api/organisations", params={"plan": "Brorup"})
    assert r.status_code == 200 and r.json()["total"] > 0
    r = httpx.get(f"{blind_j_url}/api/plans/kommune")
    assert r.status_code == 409 and len(r.json()["candidates"]) == 3


@pytest.fixture(scope="module")
def api_url(store, data_dir, served):
    from samspil.api.app import create_app
    from samspil.graph.settings import Settings
    with served(create_app(store, Settings(data_dir=data_dir, api_key=KEY))) as url:
        yield url


@pytest.mark.parametrize("method, path, route", [
    ("GET", "/api/plans/Mit%20Kvarterr", "GET /api/plans"),
    ("GET", "/api/organisations/xyzzy", "GET /api/organisations"),
    ("GET", "/api/persons/nobody", "GET /api/persons"),
    ("GET", "/api/organisations?plan=nope", "GET /api/plans"),
    ("GET", "/api/analyses/compare?a=nope&b=Mit", "GET /api/plans"),
    ("GET", "/api/analyses/shared-partners?plan=nope&plan=Mit", "GET /api/plans"),
    ("GET", "/api/graph?view=ego&node=nope", "GET /api/search"),
    ("DELETE", "/api/documents/never-loaded.txt", "GET /api/documents"),
    ("GET", "/api/no-such-thing", "/docs"),
])
def test_a_404_tells_the_api_user_what_to_do_in_api_terms(api_url, method, path, route):
    r = httpx.request(method, api_url + path, headers=H)
    assert r.status_code == 404, r.text
    body = r.json()
    assert set(body) >= {"ok", "error", "status"} and body["ok"] is False and body["status"] == 404
    assert "samspil " not in body["error"] and "`" not in body["error"], body["error"]
    assert route in body["error"], body["error"]
    if "GET /api/search?" in body["error"]:                 # the route it names answers
        url = body["error"].split("GET ", 2)[-1].split()[0]
        assert httpx.get(api_url + url).status_code == 200


def test_the_command_line_still_names_its_command():
    from samspil.graph.build import build_graph
    from samspil.graph.lookup import resolve_ref
    from samspil.loaders.errors import NotFound
    try:
        resolve_ref(build_graph([]), "Mit Kvarterr", "Plan")
    except NotFound as exc:
        assert "try `samspil search 'Mit Kvarterr'`" in str(exc)
        assert "GET /api/plans" in exc.api_message
