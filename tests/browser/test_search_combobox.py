"""The explorer's search box as a combobox (session 20), in headless Chromium on a real
uvicorn over twelve municipalities' agreements (tests/fixtures/blind_p/docs): hits of one
name say where each belongs, and the list closes on a choice, a click outside, Escape and
Tab, answers to the keyboard (up, down, Enter) and carries the ARIA combobox attributes."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def twelve_url(twelve_municipalities, served):
    from samspil.api.app import create_app
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store

    settings = Settings(data_dir=twelve_municipalities)
    store = open_store(settings)
    with served(create_app(store, settings)) as url:
        yield url
    store.close()


def _open(page, url):
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready]", timeout=30_000)


def _results_open(page) -> bool:
    return page.evaluate("!document.getElementById('search-results').hidden")


def _type(page, text):
    page.locator("#search").fill(text)
    page.wait_for_selector("#search-results li", timeout=10_000)
    page.wait_for_timeout(200)


def test_hits_of_one_name_say_where_each_belongs(page, twelve_url, tmp_path):
    """Before: a dozen lines 'Sundhedsplejen Organisation', nothing to choose by."""
    _open(page, twelve_url)
    _type(page, "Sundhedsplejen")
    page.screenshot(path=str(tmp_path / "search-sundhedsplejen.png"))
    names = page.locator("#search-results li .name").all_inner_texts()
    texts = page.locator("#search-results li").all_inner_texts()
    hits = [t for n, t in zip(names, texts) if n == "Sundhedsplejen"]
    assert len(hits) >= 5 and len(set(hits)) == len(hits), hits
    struer = next(i for i, (n, t) in enumerate(zip(names, texts))
                  if n == "Sundhedsplejen" and "Struer Kommune" in t)
    page.locator("#search-results li").nth(struer).click()
    page.wait_for_selector("body[data-view='ego']", timeout=20_000)
    assert page.locator("#details h3").inner_text() == "Sundhedsplejen"
    # the details say where it belongs too (they listed an activity and an id)
    assert page.locator("#details p.context").inner_text().startswith("Struer Kommune · in ")
    assert not _results_open(page)
    assert page.errors == []


def test_the_list_closes_on_a_click_outside_escape_and_tab(page, twelve_url):
    """Before: a click on the network or the details left the list over the view."""
    _open(page, twelve_url)
    box = page.locator("#search")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-controls") == "search-results"
    assert page.locator("#search-results").get_attribute("role") == "listbox"
    assert box.get_attribute("aria-expanded") == "false"
    _type(page, "Jobcenter")
    assert _results_open(page) and box.get_attribute("aria-expanded") == "true"
    assert page.locator("#search-results li[role=option]").count() >= 5
    page.locator("#network").click(position={"x": 40, "y": 40})
    page.wait_for_timeout(300)
    assert not _results_open(page) and box.get_attribute("aria-expanded") == "false"
    _type(page, "Jobcenter")
    page.locator("#details").click()
    page.wait_for_timeout(300)
    assert not _results_open(page)
    _type(page, "Jobcenter")
    box.press("Escape")
    page.wait_for_timeout(300)
    assert not _results_open(page)
    assert box.input_value() == "Jobcenter"        # the first Escape closes, the text stays
    box.press("ArrowDown")                          # ... and the arrow opens it again
    page.wait_for_selector("#search-results:not([hidden])", timeout=10_000)
    box.press("Tab")
    page.wait_for_timeout(300)
    assert not _results_open(page)
    assert page.errors == []


def test_keyboard_moves_through_the_hits_and_enter_chooses(page, twelve_url):
    _open(page, twelve_url)
    _type(page, "Jobcenter")
    box = page.locator("#search")
    names = page.locator("#search-results li .name").all_inner_texts()
    box.press("ArrowDown")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    option = page.locator(f"#{active}")
    assert option.get_attribute("aria-selected") == "true"
    assert page.locator("#search-results li[aria-selected=true]").count() == 1
    assert option.locator(".name").inner_text() == names[1]
    box.press("ArrowUp")
    assert page.locator(f"#{box.get_attribute('aria-activedescendant')} .name").inner_text() == names[0]
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_selector("body[data-view='ego']", timeout=20_000)
    assert page.locator("#details h3").inner_text() == names[1]
    assert box.input_value() == names[1]
    assert not _results_open(page) and box.get_attribute("aria-activedescendant") is None
    assert page.errors == []


def test_enter_at_once_chooses_the_first_hit_and_the_list_stays_closed(page, twelve_url):
    """Before: Enter before the list came chose nothing, and the answer then opened the
    list over the view, where it stayed."""
    _open(page, twelve_url)
    box = page.locator("#search")
    box.fill("Fjordhøjen for Alle")
    box.press("Enter")
    page.wait_for_selector("body[data-view='ego']", timeout=20_000)
    assert page.locator("#details h3").inner_text() == "Fjordhøjen for Alle"
    page.wait_for_timeout(800)         # longer than the typing pause and the answer
    assert not _results_open(page)
    assert page.errors == []
