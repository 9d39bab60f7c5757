"""Two people of one name over the API (a real uvicorn on the real store): the
candidates of an ambiguous look-up, search hits and list rows say what tells them apart,
never their whole e-mail address or phone while contact details are hidden."""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest

LAYOUTS = Path(__file__).resolve().parent.parent / "fixtures" / "layouts"
DOCS = ["randers_party_roles.txt", "vejle_person_first.txt", "randers_delaftale_oneline.txt"]
ADDRESSES = ["ah@randers.dk", "anhol@vejle.dk", "aho@fjord-bolig.dk", "89151515", "40112233"]


@pytest.fixture(scope="module")
def anne_holm_store(tmp_path_factory):
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store
    from samspil.loaders.pipeline import extract_paths

    data = tmp_path_factory.mktemp("anne-holm-api")
    store = open_store(Settings(data_dir=data))
    store.save([r.report for r in extract_paths([LAYOUTS / f for f in DOCS])])
    yield data, store
    store.close()


@pytest.fixture(scope="module", params=["hidden", "redacted", "shown"])
def api(request, anne_holm_store, served):
    from samspil.api.app import create_app
    from samspil.graph.settings import Settings

    data, store = anne_holm_store
    settings = Settings(data_dir=data, api_redact=request.param == "redacted",
                        api_show_contact_details=request.param == "shown")
    with served(create_app(store, settings)) as url:
        yield request.param, url


def _told(candidates: list[dict]) -> list[str]:
    return [c["context"] for c in candidates]


def test_an_ambiguous_person_lists_what_tells_them_apart(api):
    """Before: 409 with three candidates '(Anne Holm)', alike but for the id."""
    mode, url = api
    if mode == "redacted":      # names are roles then: looked up by role, never by name
        r = httpx.get(f"{url}/api/persons/Afdelingsl")
    else:
        r = httpx.get(f"{url}/api/persons/Anne Holm")
    assert r.status_code == 409, r.text
    told = _told(r.json()["candidates"])
    assert len(told) >= 3 and len(set(told)) == len(told), told
    assert any("contact for Engparken" in t for t in told) and any("Løget By" in t for t in told)
    if mode == "redacted":
        assert not any("@" in t for t in told)          # not even the domain
    else:
        assert any("e-mail @fjord-bolig.dk" in t for t in told), told
        assert any("Afdelingsleder at UU Randers" in t for t in told), told
    if mode != "shown":
        assert not any(a in r.text for a in ADDRESSES)


def test_search_hits_and_list_rows_carry_about(api):
    mode, url = api
    q = "Afdelingsleder" if mode == "redacted" else "Anne Holm"
    hits = httpx.get(f"{url}/api/search", params={"q": q, "label": "Person"}).json()["items"]
    abouts = [h["about"] for h in hits]
    assert len(abouts) >= 3 and all(abouts) and len(set(abouts)) == len(abouts), abouts
    body = httpx.get(f"{url}/api/persons", params={"q": q}).text
    rows = httpx.get(f"{url}/api/persons", params={"q": q}).json()["items"]
    assert all(r["about"] for r in rows) and len(rows) >= 3
    if mode == "hidden":
        assert {r.get("email_domain") for r in rows} >= {"randers.dk", "vejle.dk", "fjord-bolig.dk"}
    if mode == "redacted":
        assert not any("email_domain" in r for r in rows)
    if mode != "shown":
        assert not any(a in body for a in ADDRESSES)
    act = httpx.get(f"{url}/api/search", params={"q": "Sund i Engparken"}).json()["items"]
    assert act and act[0]["about"] == "in Engparken"
