"""A real uvicorn server (seeds + the XSS report in a temporary store) and headless Chromium."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from samspil.viz.browser import LAUNCH_ARGS, chromium_path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CHROMIUM = chromium_path()

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(config, items):
    if CHROMIUM is None:
        skip = pytest.mark.skip(reason="no Chromium (apt-get install -y chromium, or set "
                                       "SAMSPIL_CHROMIUM); browser tests skipped")
        for item in items:
            if "tests/browser" in str(item.fspath):
                item.add_marker(skip)


@pytest.fixture(scope="session")
def server_url(tmp_path_factory, served):
    from samspil.api.app import create_app
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store
    from samspil.loaders.model import AgreementReport
    from samspil.loaders.pipeline import bundled_examples, extract_paths

    settings = Settings(data_dir=tmp_path_factory.mktemp("store"))
    store = open_store(settings)
    reports = [r.report for r in extract_paths([bundled_examples()])]
    reports.append(AgreementReport.from_dict(
        json.loads((FIXTURES / "xss_report.json").read_text(encoding="utf-8"))))
    store.save(reports)
    with served(create_app(store, settings)) as url:
        yield url
    store.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    pg.dialogs = []          # any alert()/confirm() the page opens
    pg.errors = []           # uncaught page errors
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


@pytest.fixture
def phone(browser):
    """A page in a phone's viewport (390 x 844 CSS pixels, touch), collecting page errors."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


@pytest.fixture
def wait_js():
    """``page.wait_for_function`` without eval: the pages' CSP forbids the eval it needs
    (issue 14); this polls ``page.evaluate``, which the browser's debugging protocol
    runs outside the page's CSP. A wait with a deadline, not a timed assertion."""

    def wait(page, expression: str, timeout: int = 10_000) -> None:
        deadline = time.monotonic() + timeout / 1000
        while not page.evaluate(expression):
            if time.monotonic() > deadline:
                raise AssertionError(f"not true within {timeout} ms: {expression}")
            page.wait_for_timeout(100)

    return wait
