"""The explorer at a phone's width (390 px), in headless Chromium on a real uvicorn over
the bundled agreements: matrices that fit the screen with whole plan names, a network
whose names can be read; and the desktop layout left as it was."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_explorer import names_cut_off_or_overlapping  # noqa: E402  (the explorer's measure)
from views import open_view, serve_agreements  # noqa: E402

pytestmark = pytest.mark.browser

WIDTH = 390


@pytest.fixture(scope="module")
def seeds_url(tmp_path_factory, served):
    """The five bundled agreements only (five plans)."""
    from samspil.loaders.pipeline import bundled_examples

    yield from serve_agreements(tmp_path_factory, served, "phone", [bundled_examples()])


ROW_NAMES = """() => Array.from(document.querySelectorAll('#matrix th.row')).map(th => {
    const r = th.getBoundingClientRect();
    const name = th.firstChild;       // (cut: one line with "…", or more than three lines)
    return {name: name.textContent, cut: th.scrollWidth > th.clientWidth + 1 ||
                                         name.scrollHeight > name.clientHeight + 1,
            left: r.left, right: r.right}; })"""


def test_the_overlap_matrix_fits_a_phone_with_whole_plan_names(phone, seeds_url, tmp_path):
    """At 390 px the overlap matrix sat in a 400 px pane with a scroll bar of its own
    (its last plan's row below it), its last column off the edge, and plan names cut to
    'Helhedsplan…' (the whole name only on hover, which a phone has not). Now the five
    plans' matrix is whole on the screen, the page scrolls, and plan names wrap."""
    open_view(phone, seeds_url, "#view=overlap", "matrix")
    phone.screenshot(path=str(tmp_path / "overlap-390.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH
    rows = phone.evaluate(ROW_NAMES)
    assert len(rows) == 5
    assert [r["name"] for r in rows if r["cut"]] == []
    assert any(r["name"] == "Helhedsplanen for Sjælør og Kgs. Enghave" for r in rows)
    cells = phone.locator("#matrix td.cell")
    assert cells.count() == 25
    for i in range(cells.count()):
        box = cells.nth(i).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, i
    matrix = phone.locator("#matrix")
    assert matrix.evaluate("m => m.scrollHeight <= m.clientHeight + 1")     # no scroll bar of its own
    assert phone.locator(".scroll-hint").is_hidden()                         # nothing to scroll to
    assert phone.errors == []


def _in_sight(page, selector):
    box = page.locator(selector).bounding_box()
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 844


def test_a_tap_on_a_phone_brings_the_details_into_sight(phone, seeds_url, wait_js):
    """The details are under the view on a phone: a tapped cell showed its evidence
    there, out of sight, as if nothing had happened. Now the tap scrolls to them; a
    plan's name at the head of a row opens the plan (its whole name, where a long one
    is cut after three lines)."""
    open_view(phone, seeds_url, "#view=overlap", "matrix")
    assert not _in_sight(phone, "#details")
    phone.locator("#matrix td.cell").nth(1).tap()
    phone.wait_for_selector("#details h3", timeout=10_000)
    phone.wait_for_timeout(800)                     # (a smooth scroll)
    assert "·" in phone.locator("#details h3").inner_text()
    assert _in_sight(phone, "#details h3")
    phone.evaluate("window.scrollTo(0, 0)")
    row = phone.locator("#matrix th.row", has_text="Helhedsplanen")
    row.tap()
    wait_js(phone, "(document.querySelector('#details h3') || {}).textContent === "
                   "'Helhedsplanen for Sjælør og Kgs. Enghave'")
    phone.wait_for_timeout(800)
    assert phone.locator("#details h3").inner_text() == "Helhedsplanen for Sjælør og Kgs. Enghave"
    assert _in_sight(phone, "#details h3")
    open_view(phone, seeds_url, "#view=plan-network", "network")
    pos = phone.evaluate("""() => { const n = window.samspilNetwork;
        const p = n.canvasToDOM(n.getPosition('plan:mit-kvarter-2025-2028'));
        const r = document.querySelector('#network').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }""")
    phone.touchscreen.tap(pos[0], pos[1])
    wait_js(phone, "(document.querySelector('#details h3') || {}).textContent === 'Mit Kvarter'")
    phone.wait_for_timeout(800)
    assert phone.locator("#details h3").inner_text() == "Mit Kvarter"
    assert _in_sight(phone, "#details h3")
    assert phone.errors == []


def test_the_gap_matrix_keeps_whole_plan_names_at_a_phones_width(phone, seeds_url, tmp_path):
    open_view(phone, seeds_url, "#view=gaps", "matrix")
    phone.screenshot(path=str(tmp_path / "gaps-390.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH
    rows = phone.evaluate(ROW_NAMES)
    assert len(rows) == 5 and [r["name"] for r in rows if r["cut"]] == []
    assert all(r["left"] >= 0 and r["right"] <= 130 for r in rows)     # room left for the cells
    box = phone.locator(".matrix-scroll").bounding_box()                   # the columns scroll
    assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH               # inside the screen
    assert phone.locator(".scroll-hint").is_visible()
    assert phone.locator("#matrix").evaluate("m => m.scrollHeight <= m.clientHeight + 1")
    assert phone.errors == []


NAME_SIZES = """() => { const n = window.samspilNetwork, b = n.body, scale = n.getScale();
    return b.nodeIndices.filter(id => (b.nodes[id].options.label || '').trim()).map(id => {
        const nd = b.nodes[id], s = nd.labelModule.size;
        const lines = nd.options.label.split('\\n').length;
        return {name: nd.options.label, px: (nd.options.font.size || 12) * scale,
                lines: lines, width: s.width * scale}; }); }"""


def test_the_network_names_are_readable_at_a_phones_width(phone, seeds_url, tmp_path):
    """Fitted to 390 px, the plans and partners drew 25 names 6-8 px high, smaller
    because the widest plan name ('Helhedsplanen for Sjælør og Kgs. Enghave', 40
    letters on one line) had to fit too. Now long names are drawn on several lines
    and every drawn name is at least 10 px high; fewer are drawn, none over another,
    the others on hover, tap (the details) and zoom."""
    open_view(phone, seeds_url, "", "network")
    phone.screenshot(path=str(tmp_path / "network-390.png"))
    names = phone.evaluate(NAME_SIZES)
    assert len(names) >= 10
    assert [n["name"] for n in names if n["px"] < 10] == []
    frame = phone.locator("#network").bounding_box()
    assert max(n["width"] for n in names) <= 0.5 * frame["width"]
    plan = [n for n in names if n["name"].replace("\n", " ") == "Helhedsplanen for Sjælør og Kgs. Enghave"]
    assert plan and plan[0]["lines"] >= 2
    assert names_cut_off_or_overlapping(phone, "#network canvas", least=10) == ([], [])
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert phone.errors == []


def test_the_brokers_button_on_a_phone_shows_the_brokers(phone, seeds_url, wait_js):
    """The button is at the top of the page, the list it fills at the bottom: a tap
    seemed to do nothing. Now it scrolls to the list."""
    open_view(phone, seeds_url, "", "network")
    phone.locator("#show-brokers").tap()
    wait_js(phone, "document.body.hasAttribute('data-brokers')")
    phone.wait_for_timeout(800)
    assert phone.locator("#details h3").inner_text() == "Brokers"
    assert _in_sight(phone, "#details h3") and _in_sight(phone, "#details ol.brokers li:first-child")
    assert phone.errors == []


def test_the_desktop_layout_is_unchanged(page, seeds_url):
    """What the phone's rules change stays at the phone: at 1400 px plan names keep one
    line (cut with the whole name on hover), overlap cells 64 px, names one line."""
    open_view(page, seeds_url, "#view=overlap", "matrix")
    th = page.locator("#matrix th.row").first
    assert th.evaluate("t => getComputedStyle(t).whiteSpace") == "nowrap"
    assert round(page.locator("#matrix td.cell").first.bounding_box()["width"]) == 64
    assert page.locator("#matrix").evaluate("m => getComputedStyle(m).position") == "absolute"
    open_view(page, seeds_url, "#view=plan-network", "network")
    names = page.evaluate(NAME_SIZES)
    assert names and all(n["lines"] == 1 for n in names)
