"""The view's options in the explorer's side panel (headless Chromium, real uvicorn on
the bundled agreements): each option keeps its box and its words together."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ROWS = """() => ['gap-by-row', 'form-row'].map(id => { const e = document.getElementById(id);
    const r = e.getBoundingClientRect();
    return {id: id, lines: e.getClientRects().length, top: r.top, bottom: r.bottom, right: r.right}; })"""


@pytest.mark.parametrize("width", [1280, 1400, 390])
def test_the_gap_views_options_keep_their_words_with_their_boxes(browser, server_url, width):
    """At 1280 px (a 220 px panel) the gaps view's 'as a network' box sat at the end of
    the 'columns' line and its words alone on the next; at 390 px it shared the line of
    'columns'. Now each option has its own line, box and words together, inside the panel."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(server_url + "/#view=gaps")
    page.wait_for_selector("body[data-form='matrix']", timeout=30_000)
    columns, network = page.evaluate(ROWS)
    assert network["lines"] == 1, network
    assert network["top"] >= columns["bottom"] - 1                   # a line of its own
    box = page.locator("#as-network").bounding_box()
    assert network["top"] - 1 <= box["y"] and box["y"] + box["height"] <= network["bottom"] + 1
    panel = page.locator("aside.left").bounding_box()
    assert columns["right"] <= panel["x"] + panel["width"]
    page.locator("#form-row").click()                                # the words tick the box
    page.wait_for_selector("body[data-form='network']", timeout=20_000)
    context.close()
