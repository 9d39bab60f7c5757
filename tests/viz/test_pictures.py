"""Static pictures as a report writer prints them (new-user trial 11): every name, the
legend and the caption whole on the page and clear of each other, no name over another
node, and a legend whose entries still differ when the page is printed in greyscale.
Everything is measured where matplotlib put it (the Agg renderer, the page's pixels)."""
from __future__ import annotations

import itertools

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from samspil.viz.output import build_view, corpus_note
from samspil.viz.pictures import DPI, _matrix_figure, _network_figure, caption_for

NETWORKS = [("plan-network", {}), ("copartnership", {}),
            ("ego", {"ref": "Københavns Kommune"}),
            ("overlap", {"form": "network"}), ("gaps", {"form": "network"})]
MATRICES = [("overlap", {}), ("gaps", {}), ("gaps", {"by": "zones"}), ("gaps", {"by": "parties"})]


def _figure(graph, kind, kwargs):
    view = build_view(graph, kind, **kwargs)
    make = _network_figure if kwargs.get("form") == "network" or kind not in ("overlap", "gaps") \
        else _matrix_figure
    fig = make(view, caption_for(view, corpus_note(graph)))
    fig.set_dpi(DPI)                     # the PNG's resolution: a print's detail
    FigureCanvasAgg(fig).draw()
    return fig, fig.canvas.get_renderer()


def _inside(inner, outer) -> bool:
    return (inner.x0 >= outer.x0 - 0.5 and inner.x1 <= outer.x1 + 0.5
            and inner.y0 >= outer.y0 - 0.5 and inner.y1 <= outer.y1 + 0.5)


def _foot(fig, renderer):
    caption = [t for t in fig.texts if "corpus:" in t.get_text()]
    assert len(caption) == 1
    return fig.legends[0].get_window_extent(renderer), caption[0].get_window_extent(renderer)


@pytest.mark.parametrize("kind,kwargs", NETWORKS + MATRICES,
                         ids=[f"{k}-{'-'.join(map(str, kw.values()))}" for k, kw in NETWORKS + MATRICES])
def test_the_legend_and_caption_are_whole_on_the_page_and_clear_of_the_drawing(
        seeds_graph, kind, kwargs):
    """The gaps matrix's legend ran off the right edge of the page ('... activities
    loade'), and a caption of two lines ran up into the legend."""
    fig, renderer = _figure(seeds_graph, kind, kwargs)
    legend, caption = _foot(fig, renderer)
    page = fig.bbox
    assert _inside(legend, page) and _inside(caption, page)
    assert not legend.overlaps(caption)
    drawing = fig.axes[0].get_tightbbox(renderer)      # cells, names and column heads
    assert not drawing.overlaps(legend) and not drawing.overlaps(caption)


def _marks(ax, renderer):
    """(data point, display box) of every node drawn (one marker each)."""
    return [(tuple(np.round(line.get_xydata()[0], 3)), line.get_window_extent(renderer))
            for line in ax.lines if len(line.get_xdata()) == 1 and line.get_marker() not in (None, "None")]


@pytest.mark.parametrize("kind,kwargs", NETWORKS, ids=[k for k, _ in NETWORKS])
def test_a_name_covers_no_other_node_and_stays_in_the_drawing(seeds_graph, kind, kwargs):
    """'Landsbyggefonden' was printed over two organisations' dots (its white halo hid
    them): the explorer's rule lets a name cross smaller dots; on paper nothing can be
    hovered, so a name goes beside its node where it is free or is left out (a plan's
    name stays)."""
    fig, renderer = _figure(seeds_graph, kind, kwargs)
    ax = fig.axes[0]
    marks = _marks(ax, renderer)
    names = [(t.get_text(), tuple(np.round(t.xy, 3)), t.get_window_extent(renderer)) for t in ax.texts]
    assert len(names) >= 4
    area = ax.get_window_extent(renderer)
    assert [n for n, _xy, box in names if not _inside(box, area)] == []
    covered = [(n, other) for n, xy, box in names for other, mark in marks
               if other != xy and box.overlaps(mark)]
    assert covered == []
    assert [(a[0], b[0]) for a, b in itertools.combinations(names, 2) if a[2].overlaps(b[2])] == []
    plans = {d["name"] for _n, d in seeds_graph.nodes() if d["label"] == "Plan"}
    view = build_view(seeds_graph, kind, **kwargs)
    hubs = {n.name for n in view.nodes if n.kind == "Plan" and n.label}
    assert hubs <= {n for n, _xy, _b in names} and hubs <= plans


def _grey_swatches(fig, renderer):
    """Each legend entry's key (the swatch left of its text) as the greyscale pixels a
    black-and-white print shows (ITU-R 601 luma), all cut to one size."""
    rgba = np.asarray(fig.canvas.buffer_rgba(), dtype=float)
    grey = rgba[..., 0] * 0.299 + rgba[..., 1] * 0.587 + rgba[..., 2] * 0.114
    legend = fig.legends[0]
    boxes = [h.get_window_extent(renderer) for h in legend.legend_handles]
    w = int(max(b.width for b in boxes)) + 4
    h = int(max(max(b.height for b in boxes), max(t.get_window_extent(renderer).height
                                                  for t in legend.get_texts()))) + 2
    height = grey.shape[0]
    out = []
    for b in boxes:
        cx, cy = int(round((b.x0 + b.x1) / 2)), int(round(height - (b.y0 + b.y1) / 2))
        out.append(grey[cy - h // 2: cy - h // 2 + h, cx - w // 2: cx - w // 2 + w])
    return [t.get_text() for t in legend.get_texts()], out


@pytest.mark.parametrize("kind,kwargs", [("plan-network", {}), ("ego", {"ref": "Københavns Kommune"}),
                                         ("gaps", {"form": "network"}), ("gaps", {}), ("overlap", {})],
                         ids=["plan-network", "ego", "gaps-network", "gaps", "overlap"])
def test_every_legend_entry_still_differs_printed_in_greyscale(seeds_graph, kind, kwargs):
    """Thirteen organisation types were dots told apart by hue alone, and 'covered' and
    'gap' (green and orange) are one grey on paper: two entries must differ in their
    pixels (half a square millimetre of the print clearly lighter or darker) by shape,
    fill, dashes, a mark, or in lightness."""
    fig, renderer = _figure(seeds_graph, kind, kwargs)
    names, swatches = _grey_swatches(fig, renderer)
    assert len(names) >= 2
    mm2 = (DPI / 25.4) ** 2 / 2                    # pixels of half a square millimetre
    alike = [(names[i], names[j]) for i, j in itertools.combinations(range(len(names)), 2)
             if (np.abs(swatches[i] - swatches[j]) > 60).sum() < mm2]
    assert alike == []


def test_the_hatched_cells_the_caption_names_are_drawn(seeds_graph):
    """The gaps picture's caption said 'hatched: not named, by a plan without activities
    loaded' but drew those cells blank (the page hatches them)."""
    m = build_view(seeds_graph, "gaps")
    assert m.row_notes
    fig, _r = _figure(seeds_graph, "gaps", {})
    hatched = [p for p in fig.axes[0].patches if p.get_hatch()]
    noted = {r for r, _note in m.row_notes}
    named = {(c.row, c.col) for c in m.cells}
    expected = sum(1 for r, _n in m.rows if r in noted for c, _n2 in m.cols if (r, c) not in named)
    assert expected and len(hatched) == expected
