"""Brokers in the explorer (new-user trial 11: `samspil brokers` answered who links the
plans, the explorer had no way to it)."""
from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size,opener", [((1280, 800), "#show-brokers"), ((800, 600), "#hint-brokers")])
def test_the_brokers_are_one_click_away_and_a_name_opens_its_network(browser, server_url, wait_js,
                                                                     size, opener):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(server_url + "/")
        page.wait_for_selector("body[data-ready]", timeout=30_000)
        want = httpx.get(server_url + "/api/analyses/brokers", params={"limit": 15}).json()["items"]
        assert want
        box = page.locator(opener).bounding_box()        # in sight as the page opens
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= size[1]
        page.locator(opener).click()
        page.wait_for_selector("#details ol.brokers li", timeout=10_000)
        names = page.locator("#details ol.brokers li a").all_inner_texts()
        assert names == [b["name"] for b in want]
        facts = page.locator("#details ol.brokers li .facts").first.inner_text()
        assert all(p in facts for p in want[0]["context_names"])
        # the brokers the network draws are highlighted in it
        drawn = {n["id"] for n in httpx.get(server_url + "/api/graph").json()["nodes"]}
        selected = page.evaluate("window.samspilNetwork.getSelectedNodes()")
        assert set(selected) == {b["id"] for b in want} & drawn
        page.locator("#details ol.brokers li a").first.click()
        wait_js(page, f"document.body.getAttribute('data-selected') === {want[0]['id']!r} && "
                      "document.body.getAttribute('data-view') === 'ego'")
        assert page.locator("#details h3").inner_text() == want[0]["name"]
        assert errors == []
    finally:
        context.close()


def test_the_brokers_are_those_of_the_ticked_plans(page, server_url):
    """With some plans ticked (one municipality's, say), the brokers are those of their
    network, as `samspil brokers --plan` gives them."""
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    boxes = page.locator("#plans input")
    for i in range(2, boxes.count()):
        boxes.nth(i).uncheck()
    ticked = [boxes.nth(i).get_attribute("value") for i in range(2)]
    want = httpx.get(server_url + "/api/analyses/brokers",
                     params={"limit": 15, "plan": ticked}).json()["items"]
    assert want != httpx.get(server_url + "/api/analyses/brokers", params={"limit": 15}).json()["items"]
    page.locator("#show-brokers").click()
    page.wait_for_selector("#details ol.brokers li", timeout=10_000)
    assert page.locator("#details ol.brokers li a").all_inner_texts() == [b["name"] for b in want]
    assert "2 ticked plans" in page.locator("#details").inner_text()
