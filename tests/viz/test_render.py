"""Rendering: self-contained, offline, escaped HTML; fragment; SVG."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from samspil.viz.render import HERE, to_fragment, to_html, to_svg, write
from samspil.viz.views import ego, plan_network

XSS = "<img src=x onerror=alert(1)>"


def test_html_is_self_contained(seeds_graph):
    page = to_html(plan_network(seeds_graph))
    assert page.startswith("<!DOCTYPE html>")
    # nothing loaded from anywhere: no src=/href= attributes, no @import, no CDN
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page)
    assert "@import" not in page and "cdn" not in page.lower().replace("cdn_", "")
    assert "new vis.Network" in page


def test_vendored_vis_cannot_close_the_script_tag():
    js = (HERE / "static" / "vis-network.min.js").read_text(encoding="utf-8")
    assert "</script" not in js.lower()


def test_document_strings_are_escaped(xss_graph):
    for view in (plan_network(xss_graph), ego(xss_graph, "org:img-src-x-onerror-alert-1")):
        page = to_html(view)
        assert XSS not in page and "<script>window.__xss" not in page
        assert "<b>Tryghed</b>" not in page
        assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page  # kept, as data


def test_fragment_is_an_iframe_with_the_whole_page(xss_graph):
    frag = to_fragment(plan_network(xss_graph))
    assert frag.startswith("<iframe") and frag.endswith("</iframe>")
    srcdoc = re.search(r'srcdoc="([^"]*)"', frag).group(1)
    assert html.unescape(srcdoc) == to_html(plan_network(xss_graph), height="calc(100vh - 90px)")
    assert XSS not in frag


def test_svg_is_valid_and_escaped(xss_graph, tmp_path):
    svg = to_svg(plan_network(xss_graph))
    root = ET.fromstring(svg)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert XSS in texts          # shown as text ...
    assert XSS not in svg        # ... because it is escaped
    out = write(plan_network(xss_graph), tmp_path / "v.svg")
    assert ET.parse(out).getroot().tag.endswith("svg")


def test_notebook_repr_is_the_fragment(xss_graph):
    v = plan_network(xss_graph)
    assert v._repr_html_() == to_fragment(v)
