"""The explorer's search with two people of one name, in headless Chromium on a real
uvicorn: each hit says who it is (title, organisation, plan, e-mail domain)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

LAYOUTS = Path(__file__).resolve().parent.parent / "fixtures" / "layouts"
DOCS = ["randers_party_roles.txt", "vejle_person_first.txt", "randers_delaftale_oneline.txt"]


@pytest.fixture(scope="module")
def anne_holm_url(tmp_path_factory, served):
    from samspil.api.app import create_app
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store
    from samspil.loaders.pipeline import extract_paths

    settings = Settings(data_dir=tmp_path_factory.mktemp("anne-holm-browser"))
    store = open_store(settings)
    store.save([r.report for r in extract_paths([LAYOUTS / f for f in DOCS])])
    with served(create_app(store, settings)) as url:
        yield url
    store.close()


def test_search_hits_of_one_name_say_who_is_who(page, anne_holm_url, tmp_path):
    """Before: three lines 'Anne Holm Person', nothing to choose by."""
    page.goto(anne_holm_url + "/")
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    page.locator("#search").fill("Anne Holm")
    page.wait_for_selector("#search-results li", timeout=10_000)
    page.wait_for_timeout(300)
    page.screenshot(path=str(tmp_path / "search-anne-holm.png"))
    hits = page.locator("#search-results li").all_inner_texts()
    assert len(hits) == 3 and len(set(hits)) == 3, hits
    assert any("UU Randers" in h and "Engparken" in h and "@randers.dk" in h for h in hits), hits
    assert not any("ah@randers.dk" in h for h in hits)           # the domain, not the address
    which = next(i for i, h in enumerate(hits) if "Jobcenter Vejle" in h)
    page.locator("#search-results li").nth(which).click()
    page.wait_for_selector("body[data-view='ego']", timeout=20_000)
    details = page.locator("#details").inner_text()
    assert "Jobcenter Vejle" in details and "vejle.dk" in details
    assert page.errors == []
