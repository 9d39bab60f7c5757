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
