"""What the trial of session 15 found in the API, on the real store and a real server."""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest


H = {"X-API-Key": "test-key-0123456789"}


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
