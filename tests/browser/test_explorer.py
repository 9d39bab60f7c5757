"""The explorer page and saved views in headless Chromium."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=alert(1)>"


def open_explorer(page, server_url):
    page.goto(server_url + "/")
    page.wait_for_selector("body[data-ready]", timeout=30_000)


def painted(page, selector="#network canvas"):
    """Non-transparent pixels on the network's canvas (0 = nothing drawn)."""
    return page.evaluate("""(sel) => { const c = document.querySelector(sel);
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let k = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) k++; return k; }""", selector)


def click_node(page, node_id):
    box = page.locator("#network").bounding_box()
    xy = page.evaluate("""(id) => { const n = window.samspilNetwork;
        return n.canvasToDOM(n.getPosition(id)); }""", node_id)
    page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])


def test_explorer_loads_with_the_seeds(page, server_url):
    open_explorer(page, server_url)
    names = page.locator("#plans li").all_inner_texts()
    assert any("Mit Kvarter" in n for n in names) and len(names) == 6
    assert page.get_attribute("body", "data-view") == "plan-network"
    import httpx
    want = httpx.get(server_url + "/api/graph").json()["nodes"]
    assert int(page.get_attribute("body", "data-nodes")) == len(want) > 50
    assert page.locator("#network canvas").count() == 1
    page.wait_for_timeout(300)
    assert painted(page) > 1000
    assert page.locator("#legend li").count() >= 3
    assert page.errors == []


def test_node_click_shows_details_and_evidence(page, server_url):
    open_explorer(page, server_url)
    click_node(page, "org:kobenhavns-kommune")
    page.wait_for_selector("body[data-selected='org:kobenhavns-kommune']", timeout=10_000)
    assert page.locator("#details h3").inner_text() == "Københavns Kommune"
    assert page.locator("#details .evidence").count() >= 1
    assert "party to" in page.locator("#details").inner_text().lower()


def test_switch_views_and_search(page, server_url):
    open_explorer(page, server_url)
    for view in ("overlap", "gaps", "copartnership"):
        page.check(f"#views input[value='{view}']")
        page.wait_for_selector(f"body[data-view='{view}']", timeout=20_000)
        page.wait_for_timeout(200)
        if view == "copartnership":
            assert painted(page) > 100, view
        else:     # matrices: a table of cells instead of a canvas
            assert page.locator("#matrix td.cell").count() > 10, view
    page.fill("#search", "Amagerplanen")
    page.wait_for_selector("#search-results li", timeout=10_000)
    page.locator("#search-results li").first.click()
    page.wait_for_selector("body[data-view='ego']", timeout=20_000)
    assert page.locator("#details h3").inner_text() == "Amagerplanen"
    assert page.errors == []


def test_xss_document_renders_as_text(page, server_url):
    open_explorer(page, server_url)
    page.fill("#search", "img src")
    page.wait_for_selector("#search-results li", timeout=10_000)
    assert XSS in page.locator("#search-results").inner_text()
    page.locator("#search-results li").first.click()
    page.wait_for_selector("body[data-view='ego']", timeout=20_000)
    assert page.locator("#details h3").inner_text() == XSS
    # the activity named "Lektiecafé <script>...</script>" is listed as text too
    assert "<script>window.__xss=1</script>" in page.locator("#details").inner_text()
    click_node(page, "org:img-src-x-onerror-alert-1")
    page.mouse.move(10, 10)
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src='x'], #details img, #details script, #details b").count() == 0


def test_saved_view_opens_offline(browser, tmp_path):
    import json
    from pathlib import Path

    from samspil.graph.build import build_graph
    from samspil.loaders.model import AgreementReport
    from samspil.viz.render import write
    from samspil.viz.views import plan_network

    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "xss_report.json"
    graph = build_graph([AgreementReport.from_dict(json.loads(fixture.read_text("utf-8")))])
    view = plan_network(graph)
    out = write(view, tmp_path / "view.html")
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 800})
    page = context.new_page()
    requests, dialogs = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-rendered]", timeout=15_000)
    assert requests == [out.as_uri()]          # nothing fetched besides the file itself
    assert painted(page, "#net canvas") > 100
    assert page.evaluate("window.samspilNetwork.body.data.nodes.length") == len(view.nodes) > 2
    # hover the XSS organisation: its tooltip shows the text, runs nothing
    xy = page.evaluate("""() => { const n = window.samspilNetwork;
        return n.canvasToDOM(n.getPosition('org:img-src-x-onerror-alert-1')); }""")
    box = page.locator("#net").bounding_box()
    page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
    assert XSS in page.locator("div.vis-tooltip").inner_text()
    assert dialogs == [] and page.evaluate("window.__xss") is None
    context.close()


def test_api_docs_render_without_any_outside_request(page, server_url):
    """/docs (Swagger UI) is served from the swagger-ui-bundle wheel: it renders the
    API's operations with every request going to our own server."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server_url + "/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    assert page.locator(".opblock").count() >= 10
    assert "/api/plans" in page.locator(".swagger-ui").inner_text()
    assert requests and all(u.startswith(server_url) or u.startswith("data:") for u in requests), requests
    assert page.errors == []


def test_a_link_reopens_the_view_the_plans_and_the_selection(page, browser, server_url):
    open_explorer(page, server_url)
    page.check("#views input[value='gaps']")
    page.wait_for_selector("body[data-view='gaps']", timeout=20_000)
    page.check("#as-network")
    page.wait_for_selector("body[data-view='gaps'][data-form='network']", timeout=20_000)
    before = page.get_attribute("body", "data-nodes")
    page.uncheck("#plans li:has-text('Rum for Liv') input")
    # redrawn (a selector, not wait_for_function: the page's CSP forbids the eval that needs)
    page.wait_for_selector(f"body:not([data-nodes='{before}'])", timeout=20_000)
    page.evaluate("window.samspilExplorer.select('plan:mit-kvarter-2025-2028', 'Plan')")
    page.wait_for_selector("body[data-selected='plan:mit-kvarter-2025-2028']", timeout=10_000)
    link = page.url
    assert "view=gaps" in link and "node=plan" in link and "form=network" in link

    other = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    other.goto(link)
    other.wait_for_selector("body[data-ready][data-view='gaps']", timeout=20_000)
    other.wait_for_selector("body[data-selected='plan:mit-kvarter-2025-2028']", timeout=10_000)
    assert other.is_checked("#views input[value='gaps']")
    assert not other.is_checked("#plans li:has-text('Rum for Liv') input")
    assert other.is_checked("#plans li:has-text('Mit Kvarter') input")
    assert other.locator("#details h3").inner_text() == "Mit Kvarter"
    assert other.evaluate("window.samspilNetwork.getSelectedNodes()") == ["plan:mit-kvarter-2025-2028"]
    other.context.close()


@pytest.mark.parametrize("fragment", ["view=plan-network", "view=copartnership", "view=overlap",
                                      "view=gaps", "view=overlap&by=zones", "view=gaps&by=parties",
                                      "view=ego&node=plan:amagerplanen-2026-2029&kind=Plan"])
def test_every_view_opens_legible_from_a_bare_address(page, server_url, fragment):
    """A link with nothing but the view opens at the library's defaults (the same as the
    CLI and the API), drawing no more links than a reader can follow."""
    import httpx

    from samspil.viz.views import LINK_LIMIT

    view = fragment.split("&")[0].split("=")[1]
    page.goto(f"{server_url}/#{fragment}")
    page.wait_for_selector(f"body[data-ready][data-view='{view}']", timeout=30_000)
    drawn = page.evaluate("window.samspilNetwork && !document.getElementById('network').hidden"
                          " ? window.samspilNetwork.body.data.edges.length : 0")
    assert drawn == int(page.get_attribute("body", "data-links")) <= LINK_LIMIT
    if view in ("overlap", "gaps"):
        assert page.get_attribute("body", "data-form") == "matrix"
        assert page.locator("#matrix td.cell").count() == int(page.get_attribute("body", "data-cells")) > 4
    elif view == "copartnership":
        api = httpx.get(server_url + "/api/graph", params={"view": "copartnership"}).json()
        every = httpx.get(server_url + "/api/graph",
                          params={"view": "copartnership", "min_shared": 1}).json()
        assert drawn == len(api["edges"]) > 0 and len(every["edges"]) > LINK_LIMIT
    else:
        assert drawn > 0 and painted(page) > 100
    assert page.errors == []


def test_an_empty_result_says_why(page, server_url):
    page.goto(f"{server_url}/#view=copartnership&plans=plan:mit-kvarter-2025-2028")
    page.wait_for_selector("body[data-ready][data-view='copartnership']", timeout=30_000)
    assert page.get_attribute("body", "data-links") == "0"
    assert "two or more plans" in page.locator("#empty").inner_text()
    page.goto(f"{server_url}/#view=plan-network&plans=-")
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    assert "No plan chosen" in page.locator("#empty").inner_text()


def test_a_matrix_cell_shows_the_reason_and_the_evidence(page, server_url, wait_js):
    page.goto(f"{server_url}/#view=gaps")
    page.wait_for_selector("body[data-ready][data-view='gaps']", timeout=30_000)
    page.locator("#matrix td.cell.gap").first.click()
    page.wait_for_selector("body[data-cell]", timeout=10_000)
    text = page.locator("#details").inner_text()
    assert "gap, the plan names it as" in text and ".txt:" in text
    assert page.locator("#matrix th.row .row-note").count() == 1      # SURF Valby
    page.goto(f"{server_url}/#view=overlap")
    page.wait_for_selector("body[data-ready][data-view='overlap']", timeout=30_000)
    page.locator("#matrix td.cell.shared").first.click()
    wait_js(page, "document.querySelector('#details').innerText.includes('share')")
    assert page.locator("#details .evidence").count() > 0



def test_culled_names_show_when_zoomed_in(page, server_url, wait_js):
    page.goto(f"{server_url}/#view=plan-network")
    page.wait_for_selector("body[data-ready][data-view='plan-network']", timeout=30_000)
    count = """() => window.samspilNetwork.body.data.nodes.get()
        .filter(n => n.label === undefined).length"""
    culled = page.evaluate(count)
    assert culled > 50                       # most names wait for hover or zoom at first
    box = page.locator("#network").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(12):
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(50)
    wait_js(page, f"({count})() === 0", timeout=10_000)
    for _ in range(12):
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(50)
    wait_js(page, f"({count})() === {culled}", timeout=10_000)


LABEL_BOXES = """(sel) => { const n = window.samspilNetwork; n.redraw();
    const c = document.querySelector(sel).getBoundingClientRect();
    const boxes = [];
    for (const id of n.body.nodeIndices) {
        const node = n.body.nodes[id];
        if (!node.options.label || !node.options.label.trim()) continue;
        const s = node.labelModule.size, up = (node.options.font || {}).vadjust || 0;
        const a = n.canvasToDOM({x: s.left, y: s.top + up});
        const b = n.canvasToDOM({x: s.left + s.width, y: s.top + s.height + up});
        boxes.push([node.options.label, a.x, a.y, b.x, b.y]);
    }
    return {boxes: boxes, width: c.width, height: c.height}; }"""


def names_cut_off_or_overlapping(page, selector, least: int = 5):
    """(names not whole on the canvas, pairs of names drawn over each other)."""
    drawn = page.evaluate(LABEL_BOXES, selector)
    boxes = drawn["boxes"]
    assert len(boxes) >= least
    outside = [b[0] for b in boxes if b[1] < -1 or b[2] < -1 or b[3] > drawn["width"] + 1
               or b[4] > drawn["height"] + 1]
    overlapping = [(p[0], q[0]) for i, p in enumerate(boxes) for q in boxes[i + 1:]
                   if p[1] < q[3] - 1 and q[1] < p[3] - 1 and p[2] < q[4] - 1 and q[2] < p[4] - 1]
    return outside, overlapping


@pytest.mark.parametrize("view", ["plan-network", "copartnership",
                                  "ego&node=plan:amagerplanen-2026-2029&kind=Plan"])
def test_drawn_names_stay_inside_the_canvas_and_apart(page, server_url, view):
    """At 1400x900 every name a network view shows at first is whole on the canvas and
    overlaps no other name (measured on the names Chromium drew)."""
    page.goto(f"{server_url}/#view={view}")
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    assert names_cut_off_or_overlapping(page, "#network canvas") == ([], [])


@pytest.mark.parametrize("view", ["plan-network", "copartnership"])
def test_saved_views_keep_their_names_inside_and_apart(page, server_url, view):
    page.goto(f"{server_url}/api/views/{view}.html")
    page.wait_for_selector("body[data-rendered]", timeout=30_000)
    assert names_cut_off_or_overlapping(page, "#net canvas") == ([], [])


@pytest.mark.parametrize("width", [700, 1400])
def test_a_fragment_iframe_is_tall_enough_for_its_legend(browser, width):
    """``--fragment`` in a report column: the legend is whole inside the iframe (no
    scrolling, nothing cut) and the network keeps its height; an iframe sized without
    the legend's rows fails this (checked with a fixed 640 px)."""
    from samspil.graph.build import build_graph
    from samspil.loaders.pipeline import bundled_examples, extract_paths
    from samspil.viz.render import to_fragment
    from samspil.viz.views import plan_network

    graph = build_graph([r.report for r in extract_paths([bundled_examples()])])
    view = plan_network(graph)
    assert len(view.legend) > 12                   # a legend of several rows
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_content(f"<!doctype html><body style='margin:0'>{to_fragment(view)}</body>")
    frame = page.frames[1]
    frame.wait_for_selector("body[data-rendered]", timeout=30_000)
    fit = frame.evaluate("""() => { const ul = document.querySelector('ul.legend').getBoundingClientRect();
        const net = document.getElementById('net').getBoundingClientRect();
        const root = document.scrollingElement;
        return {legend_bottom: ul.bottom, height: window.innerHeight, net: net.height,
                scrolls: root.scrollHeight > root.clientHeight}; }""")
    context.close()
    assert fit["legend_bottom"] <= fit["height"] and not fit["scrolls"], fit
    assert fit["net"] >= 650, fit     # the network keeps its drawing height (720 px planned)
