"""A matrix embedded in a report (`samspil viz ... --fragment`) shows all its rows and its
legend: the frame fits its page, also where the report runs no scripts."""
from __future__ import annotations

import re

import pytest

from samspil.graph.build import build_graph
from samspil.loaders.pipeline import bundled_examples, extract_paths
from samspil.viz.matrix import coverage_matrix_view, overlap_matrix_view
from samspil.viz.render import to_fragment


@pytest.fixture(scope="module")
def matrices():
    reports = [r.report for r in extract_paths([bundled_examples()]) if r.report]
    out = []
    for k in (2, len(reports)):
        g = build_graph(reports[:k])
        out += [overlap_matrix_view(g), coverage_matrix_view(g), coverage_matrix_view(g, by="zones")]
    return out


def _report(page, fragment: str) -> tuple[float, float]:
    """(the frame's height, the bottom of the matrix and its legend inside it) once drawn."""
    page.set_content(f"<html><body style='margin:0'><h1>Rapport</h1><p>Tekst.</p>{fragment}"
                     "<p>Mere tekst.</p></body></html>")
    frame = page.wait_for_selector("iframe").content_frame()
    frame.wait_for_selector("body[data-rendered='1']", state="attached")
    page.wait_for_timeout(1200)  # (the page tells its frame its height after its load)
    height = page.eval_on_selector("iframe", "f => f.getBoundingClientRect().height")
    bottom = frame.evaluate("document.getElementById('matrix').getBoundingClientRect().bottom")
    return height, bottom


@pytest.mark.parametrize("scripts", [True, False])
def test_an_embedded_matrix_shows_every_row_and_its_legend(page, matrices, scripts):
    for view in matrices:
        fragment = to_fragment(view)
        if not scripts:  # a report that strips scripts keeps the estimated height
            fragment = re.sub(r"<script>.*?</script>$", "", fragment, flags=re.S)
        height, bottom = _report(page, fragment)
        assert bottom > 300 and height >= bottom, (view.title, len(view.rows), height, bottom)
        if scripts:  # fitted: no more than a scroll bar's room below the legend
            assert height <= bottom + 20, (view.title, height, bottom)


@pytest.fixture(scope="module")
def gaps_fragment(tmp_path_factory, saved_data_dir):
    """``samspil viz gaps --fragment -o FILE`` on a store with the bundled agreements
    (5 plans x 14 target groups), as a report writer makes it."""
    from click.testing import CliRunner

    from samspil.cli.main import cli

    data = saved_data_dir([r.report for r in extract_paths([bundled_examples()])], "gaps")
    out = tmp_path_factory.mktemp("report") / "gaps-frag.html"
    r = CliRunner().invoke(cli, ["viz", "gaps", "--fragment", "-o", str(out), "--data-dir", str(data)],
                           catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return out.read_text(encoding="utf-8")


def _in_column(page, fragment: str, width: int):
    page.set_content(f"<html><body style='margin:0'><div id='col' style='width:{width}px;margin:0 40px'>"
                     f"<h1>Rapport</h1><p>Tekst.</p>{fragment}<p>Mere tekst.</p></div></body></html>")
    frame = page.wait_for_selector("iframe").content_frame()
    frame.wait_for_selector("body[data-rendered='1']", state="attached")
    page.wait_for_timeout(600)
    return frame


HEADS_WHOLE = """() => Array.from(document.querySelectorAll('th.col span')).every(
    s => s.scrollWidth <= s.clientWidth + 1 && s.scrollHeight <= s.clientHeight + 1
         && !s.textContent.endsWith('…'))"""
INSIDE = """() => { var b = document.querySelector('.matrix-scroll').getBoundingClientRect();
    return b.left >= 0 && b.right <= document.documentElement.clientWidth; }"""


@pytest.mark.parametrize("width", [800, 1300])
def test_an_embedded_gaps_matrix_shows_all_its_columns_at_report_widths(page, gaps_fragment, width, tmp_path):
    frame = _in_column(page, gaps_fragment, width)
    page.screenshot(path=str(tmp_path / f"gaps-{width}.png"), full_page=True)
    assert frame.evaluate(HEADS_WHOLE)  # every column head readable whole (wrapped, not cut)
    assert frame.evaluate(INSIDE)       # the matrix ends inside the frame
    # the whole matrix in view: no column hidden, nothing to scroll to
    assert frame.evaluate("() => { var b = document.querySelector('.matrix-scroll');"
                          " return b.scrollWidth <= b.clientWidth; }")
    assert frame.locator(".scroll-hint").is_hidden()


def test_a_matrix_wider_than_its_column_scrolls_sideways_and_says_so(page, gaps_fragment):
    frame = _in_column(page, gaps_fragment, 480)
    assert frame.evaluate(INSIDE)
    hint = frame.locator(".scroll-hint")
    assert hint.is_visible() and " of 14 columns in view" in hint.inner_text()
    assert frame.locator(".matrix-wrap.more-right").count() == 1   # a shade at the edge with more
    frame.locator(".scroll-btn").nth(1).click()                     # the ▶ button
    page.wait_for_timeout(800)
    assert frame.evaluate("document.querySelector('.matrix-scroll').scrollLeft") > 100
    # the plan names stay in sight while the columns scroll
    assert frame.evaluate("""() => { var th = document.querySelector('th.row'),
        b = document.querySelector('.matrix-scroll').getBoundingClientRect();
        return th.getBoundingClientRect().left >= b.left - 1; }""")


def test_a_coverage_legend_carries_the_marks_of_its_cells(page, matrices):
    """Printed in black and white, the legend's green 'covered' and orange 'gap' were one
    grey: each swatch carries the mark its cells carry (the cells' own ✓ ✗ ?)."""
    from samspil.viz.render import to_html

    checked = 0
    for view in matrices:
        if view.kind != "gaps" or view.empty:
            continue
        texts = {}
        for c in view.cells:
            texts.setdefault(c.state, set()).add(c.text)
        page.set_content(to_html(view))
        page.wait_for_selector("body[data-rendered='1']", state="attached")
        shown = dict(page.eval_on_selector_all(
            "ul.legend li", "lis => lis.map(li => [li.lastChild.textContent, li.querySelector('.sw').textContent])"))
        for it in view.legend:
            if it.key in texts:
                (mark,) = texts[it.key]
                assert shown[it.name] == mark, it.name
                checked += 1
    assert checked >= 4


def test_the_explorers_gaps_legend_carries_the_marks_too(page, server_url):
    import httpx

    m = httpx.get(server_url + "/api/graph", params={"view": "gaps"}).json()
    texts = {}
    for c in m["cells"]:
        texts.setdefault(c["state"], set()).add(c["text"])
    page.goto(server_url + "/#view=gaps")
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    shown = dict(page.eval_on_selector_all(
        "#legend li", "lis => lis.map(li => [li.lastChild.textContent, li.querySelector('.sw').textContent])"))
    marked = {it["name"]: shown[it["name"]] for it in m["legend"] if it["key"] in texts}
    assert len(marked) >= 2
    assert marked == {it["name"]: next(iter(texts[it["key"]])) for it in m["legend"] if it["key"] in texts}
