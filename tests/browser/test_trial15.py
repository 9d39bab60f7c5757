"""What the trial of session 15 found in the explorer, in headless Chromium on a real
uvicorn: the co-partnership view opening empty, the network of fifteen plans, the
search box at a phone's width."""
from __future__ import annotations

from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.browser

BLIND_J = Path(__file__).resolve().parent.parent / "fixtures" / "blind_j" / "docs"


def _serve(tmp_path_factory, served, paths, name):
    from samspil.api.app import create_app
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store
    from samspil.loaders.pipeline import extract_paths

    settings = Settings(data_dir=tmp_path_factory.mktemp(name))
    store = open_store(settings)
    store.save([r.report for r in extract_paths(paths)])
    return store, served(create_app(store, settings))


@pytest.fixture(scope="module")
def twelve_plans_url(tmp_path_factory, served):
    """Twelve plans of twelve municipalities: no organisation takes part in two of them."""
    store, server = _serve(tmp_path_factory, served, [BLIND_J], "blind-j")
    with server as url:
        yield url
    store.close()


def _open(page, url, fragment=""):
    page.goto(url + "/" + fragment)
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    page.wait_for_timeout(500)


def test_co_partnership_opens_with_what_there_is_to_show(page, twelve_plans_url, tmp_path):
    """It opened at 'auto: 2' and drew nothing: no two organisations share two of these
    plans. Now it opens at the most plans any two share (here 1), and says so."""
    _open(page, twelve_plans_url, "#view=copartnership")
    page.wait_for_selector("body[data-view='copartnership']", timeout=20_000)
    page.screenshot(path=str(tmp_path / "copartnership.png"))
    assert int(page.get_attribute("body", "data-links")) > 0
    assert page.locator("#empty").is_hidden()
    status = page.locator("#status").inner_text()
    assert "organisations sharing a plan" in status and "no two share 2 or more" in status
    assert page.get_attribute("#min-shared", "placeholder") == "auto: 1"
    api = httpx.get(twelve_plans_url + "/api/graph", params={"view": "copartnership"}).json()
    assert len(api["edges"]) == int(page.get_attribute("body", "data-links"))
    assert page.errors == []


def test_co_partnership_says_so_when_there_is_nothing_to_show(page, twelve_plans_url):
    _open(page, twelve_plans_url, "#view=copartnership&plans=plan:nabo-i-nord-2024-2027")
    page.wait_for_selector("body[data-view='copartnership']", timeout=20_000)
    assert page.get_attribute("body", "data-links") == "0"
    assert "two or more plans" in page.locator("#empty").inner_text()
