"""The layout's promises hold for graphs near the seeds', not only for theirs: one
extraction rule (a municipality only mentioned in an activity's text is no partner of
it) took two organisations out of the seeds' graph, and the plan network then lost a
plan's name and printed a plan's name over three nodes. Here the seeds are drawn with
each agreement left out in turn, with and without the XSS report's plan beside them."""
from __future__ import annotations

import itertools
import re

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from samspil.graph.build import build_graph
from samspil.viz.output import corpus_note
from samspil.viz.pictures import DPI, _network_figure, caption_for
from samspil.viz.views import plan_network

VARIANTS = [(drop, xss) for drop in range(5) for xss in (False, True)]


@pytest.fixture(scope="module")
def nearby(seed_reports, xss_report):
    def graph(drop: int, xss: bool):
        return build_graph([r for i, r in enumerate(seed_reports) if i != drop] + ([xss_report] if xss else []))
    return graph


def _in_most_plans(view) -> set[str]:
    plans = {n.id: int(re.search(r"plans: (\d+)", n.hover).group(1)) for n in view.nodes if n.kind != "Plan"}
    return {o for o, k in plans.items() if k == max(plans.values())}


@pytest.mark.parametrize("drop,xss", VARIANTS, ids=[f"without-{d}{'-xss' if x else ''}" for d, x in VARIANTS])
def test_every_plan_and_an_organisation_in_the_most_plans_are_named(nearby, drop, xss):
    view = plan_network(nearby(drop, xss))
    named = {n.id for n in view.nodes if n.label}
    assert {n.id for n in view.nodes if n.kind == "Plan"} <= named
    assert _in_most_plans(view) & named


@pytest.mark.parametrize("drop,xss", VARIANTS, ids=[f"without-{d}{'-xss' if x else ''}" for d, x in VARIANTS])
def test_the_picture_prints_no_name_over_a_node(nearby, drop, xss):
    """As tests/viz/test_pictures.py measures it, on the plan network of each graph."""
    graph = nearby(drop, xss)
    view = plan_network(graph)
    fig = _network_figure(view, caption_for(view, corpus_note(graph)))
    fig.set_dpi(DPI)
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    marks = [(tuple(np.round(line.get_xydata()[0], 3)), line.get_window_extent(renderer))
             for line in ax.lines if len(line.get_xdata()) == 1]
    names = [(t.get_text(), tuple(np.round(t.xy, 3)), t.get_window_extent(renderer)) for t in ax.texts]
    area = ax.get_window_extent(renderer)
    assert [n for n, _xy, b in names if not (b.x0 >= area.x0 - 0.5 and b.x1 <= area.x1 + 0.5
                                             and b.y0 >= area.y0 - 0.5 and b.y1 <= area.y1 + 0.5)] == []
    assert [(n, o) for n, xy, b in names for o, m in marks if o != xy and b.overlaps(m)] == []
    assert [(a[0], b[0]) for a, b in itertools.combinations(names, 2) if a[2].overlaps(b[2])] == []
    printed = {n for n, _xy, _b in names}
    assert {n.name if len(n.name) <= 40 else n.name[:38] + "…" for n in view.nodes if n.kind == "Plan"} <= printed
