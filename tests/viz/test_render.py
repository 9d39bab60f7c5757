"""Rendering: self-contained, offline, escaped HTML (networks and matrices); fragment;
static SVG / PNG / PDF pictures drawn with matplotlib."""
from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET

import pytest

from samspil.loaders.errors import InputError
from samspil.viz.matrix import coverage_matrix_view, overlap_matrix_view
from samspil.viz.pictures import picture
from samspil.viz.render import HERE, to_fragment, to_html, write
from samspil.viz.views import ego, plan_network

XSS = "<img src=x onerror=alert(1)>"


def test_html_is_self_contained(seeds_graph):
    page = to_html(plan_network(seeds_graph))
    assert page.startswith("<!DOCTYPE html>")
    # nothing loaded from anywhere: no src=/href= attributes, no @import, no CDN
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    assert "@import" not in page and "cdn" not in page.lower().replace("cdn_", "")
    assert "new vis.Network" in page


@pytest.mark.parametrize("name", ["vis-network.min.js", "matrix.js", "matrix.css"])
def test_inlined_files_cannot_close_their_tag(name):
    text = (HERE / "static" / name).read_text(encoding="utf-8").lower()
    assert "</script" not in text and "</style" not in text


def test_document_strings_are_escaped(xss_graph):
    for view in (plan_network(xss_graph), ego(xss_graph, "org:img-src-x-onerror-alert-1")):
        page = to_html(view)
        assert XSS not in page and "<script>window.__xss" not in page
        assert "<b>Tryghed</b>" not in page
        assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page  # kept, as data


def test_fragment_is_an_iframe_with_the_whole_page(xss_graph, seeds_graph):
    frag = to_fragment(plan_network(xss_graph))
    assert frag.startswith("<iframe") and frag.endswith("</iframe>")
    srcdoc = re.search(r'srcdoc="([^"]*)"', frag).group(1)
    assert html.unescape(srcdoc) == to_html(plan_network(xss_graph), fill=True)
    assert XSS not in frag
    # the page fills the iframe (the network takes what header and legend leave), and the
    # iframe grows with the legend: a view with more legend rows gets a taller iframe
    assert "flex: 1 1 auto" in html.unescape(srcdoc)
    small, big = plan_network(xss_graph), plan_network(seeds_graph)
    height = [int(re.search(r"height:(\d+)px", to_fragment(v)).group(1)) for v in (small, big)]
    assert len(big.legend) > len(small.legend) and height[1] > height[0]


def test_notebook_repr_is_the_fragment(xss_graph):
    v = plan_network(xss_graph)
    assert v._repr_html_() == to_fragment(v)


def test_matrix_page_draws_cells_from_escaped_data(seeds_graph, xss_graph):
    page = to_html(overlap_matrix_view(seeds_graph))
    assert "samspilMatrix.draw" in page and "Mit Kvarter" in page
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    bad = to_html(coverage_matrix_view(xss_graph, "parties"))
    assert XSS not in bad and "\\u003cimg src=x onerror=alert(1)\\u003e" in bad


def test_png_is_300_dpi_with_pixels_drawn(seeds_graph):
    from PIL import Image

    data = picture(overlap_matrix_view(seeds_graph), "png", source="corpus: seeds")
    img = Image.open(io.BytesIO(data))
    assert img.info["dpi"][0] == pytest.approx(300, abs=1) and img.width > 1500
    colours = img.convert("RGB").getcolors(maxcolors=1_000_000)
    assert len(colours) > 50                       # more than a blank page
    assert img.convert("L").getextrema()[0] < 60   # dark ink (text, dark cells)


def test_svg_keeps_text_as_text_and_escaped(xss_graph, seeds_graph):
    svg = picture(plan_network(xss_graph), "svg", source="corpus: x").decode("utf-8")
    root = ET.fromstring(svg)
    texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "samspil" in texts and "corpus: x" in texts
    assert XSS not in svg       # escaped where it is drawn
    words = picture(coverage_matrix_view(seeds_graph), "svg").decode("utf-8")
    assert "SURF Valby" in words and "(no activities)" in words
    egos = picture(ego(seeds_graph, "Københavns Kommune"), "svg").decode("utf-8")
    assert "other relationship" in egos       # the legend of grey links, without "hover"
    for text in (svg, words, egos):
        assert "hover" not in text.lower() and "click" not in text.lower()


def test_pdf_opens_and_has_a_page(seeds_graph):
    import pypdfium2 as pdfium

    data = picture(coverage_matrix_view(seeds_graph, "zones"), "pdf")
    pdf = pdfium.PdfDocument(data)
    assert len(pdf) == 1
    text = pdf[0].get_textpage().get_text_range()
    assert "Gaps: zones" in text and "samspil" in text


def test_a_wrong_suffix_is_refused_with_the_formats(seeds_graph, tmp_path):
    with pytest.raises(InputError, match=r"\.jpg.*\.svg, \.png.*\.pdf"):
        write(plan_network(seeds_graph), tmp_path / "x.jpg")
    with pytest.raises(InputError, match="does not match --format png"):
        write(plan_network(seeds_graph), tmp_path / "x.svg", "png")
    assert not (tmp_path / "x.jpg").exists()


@pytest.mark.parametrize("kind,ref", [("plan-network", None), ("copartnership", None),
                                      ("ego", "plan:amagerplanen-2026-2029")])
def test_static_picture_names_stay_on_the_page_and_apart(seeds_graph, kind, ref):
    """The names a picture draws, measured where matplotlib put them: each whole on the
    page, none over another."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from samspil.viz.output import build_view
    from samspil.viz.pictures import _network_figure

    fig = _network_figure(build_view(seeds_graph, kind, ref=ref))
    FigureCanvasAgg(fig).draw()
    renderer = fig.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in fig.axes[0].texts]
    assert len(boxes) >= 10
    page = fig.bbox
    assert [n for n, b in boxes if b.x0 < page.x0 or b.x1 > page.x1 or b.y0 < page.y0
            or b.y1 > page.y1] == []
    assert [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[1].overlaps(b[1])] == []


def test_a_gaps_matrix_says_what_its_hatched_cells_are(seeds_graph):
    """A plan without activities loaded (SURF Valby, whose delaftaler are not bundled) has
    its unnamed cells hatched: the caption says so (it only explained blank cells)."""
    from samspil.viz.matrix import coverage_matrix_view

    m = coverage_matrix_view(seeds_graph)
    assert m.row_notes and "hatched: not named, by a plan without activities loaded" in m.caption


def test_an_overlap_cell_says_one_partner_in_the_singular(seeds_graph):
    """ "share 1 partners ... : (click for evidence)" read badly in the cell's tooltip."""
    from samspil.viz.matrix import overlap_matrix_view

    heads = [c.detail.split("\n")[0] for c in overlap_matrix_view(seeds_graph).cells if c.state == "shared"]
    assert heads and not any(re.search(r"share 1 partners", h) for h in heads)
    assert all(re.search(r"share (1 partner|\d+ partners) \(Jaccard", h) for h in heads)
    js = (HERE / "static" / "matrix.js").read_text(encoding="utf-8")
    assert 'split("\\n")[0].replace(/:$/, "")' in js   # (the tooltip drops the list's colon)


def test_a_picture_of_some_plans_names_only_those_in_its_caption(seeds_graph):
    """`samspil viz plan-network --plan X -o x.svg` was captioned with every plan of the
    store ("corpus: 5 plan(s) from 5 document(s) (...)") as if all were drawn."""
    from samspil.viz.output import view_bytes

    plans = {n: str(d["name"]) for n, d in seeds_graph.nodes() if d["label"] == "Plan"}
    chosen = sorted(plans)[0]
    docs = seeds_graph.out(chosen, "DESCRIBED_IN")
    svg = view_bytes(seeds_graph, "plan-network", fmt="svg", plans=[chosen]).decode("utf-8")
    texts = [t.text or "" for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    caption = next(t for t in texts if "corpus:" in t)
    assert f"1 of {len(plans)} plans from {len(docs)} document(s)" in caption
    assert plans[chosen] in caption
    assert not [name for p, name in plans.items() if p != chosen and name in caption]
    whole = view_bytes(seeds_graph, "plan-network", fmt="svg").decode("utf-8")
    assert all(name in whole for name in plans.values())    # no selection: every plan
