"""Render a :class:`~samspil.viz.views.View`: self-contained HTML (pyvis data, own
template), an iframe fragment, SVG (own writer, from the Python layout) and PNG
(headless Chromium screenshot of the HTML).

The HTML works offline and inside reports: vis-network 9.1.2 (vendored from the
pyvis wheel into ``viz/static``) is inlined, and the template links no CDN, font
or stylesheet. Every string from a document reaches the page only as escaped
text: the template autoescapes, the graph data is embedded with ``tojson``
(``<``, ``>``, ``&`` and ``'`` become ``\\u003c``...), and vis-network shows
hover text with ``innerText``.
"""
from __future__ import annotations

import html
import json
import math
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network

from samspil.viz.views import View

__all__ = ["to_html", "to_fragment", "to_svg", "to_png", "write", "LARGE_VIEW", "FORMATS"]

HERE = Path(__file__).parent
LARGE_VIEW = 1000  # nodes; above this labels are hidden until zoomed in, edges hide on drag
FORMATS = ("html", "fragment", "svg", "png")


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(str(HERE / "templates")),
                       autoescape=select_autoescape(["html"], default=True))


@lru_cache(maxsize=1)
def _visjs() -> Markup:
    # our own vendored file, trusted; "</script" cannot occur in it (checked in tests)
    return Markup((HERE / "static" / "vis-network.min.js").read_text(encoding="utf-8"))


def _network(view: View) -> Network:
    """The pyvis network: nodes, edges and vis-network options of the view."""
    large = len(view.nodes) > LARGE_VIEW
    net = Network(height="100%", width="100%", directed=True)
    for n in view.nodes:
        net.add_node(n.id, label=n.name if len(n.name) <= 40 else n.name[:38] + "…",
                     shape=n.shape, color=n.colour, size=n.size, x=n.x, y=n.y,
                     title=n.hover, physics=False, hub=n.kind == "Plan")
    known = set(net.node_ids)
    arrows = "to" if view.kind in ("ego", "subgraph") else ""
    for e in view.edges:
        if e.source in known and e.target in known:
            # pyvis's add_edge scans all nodes and edges per call (quadratic at 5,000 nodes)
            net.edges.append(Edge(e.source, e.target, True, arrows=arrows, title=e.hover or None,
                                  color=e.colour, width=round(1 + 2 * math.log2(e.weight), 2)
                                  if e.weight > 1 else 1).options)
    net.options = {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": not large, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "hideEdgesOnZoom": large},
        "nodes": {"font": {"size": 12, "face": "system-ui, sans-serif"}, "borderWidth": 1,
                  "scaling": {"label": {"drawThreshold": 9 if large else 5}}},
        "edges": {"smooth": False, "color": {"inherit": False}, "selectionWidth": 2},
    }
    return net


def to_html(view: View, *, height: str = "720px", note: str | None = None) -> str:
    """A full, self-contained HTML page (no network access needed to open it)."""
    net = _network(view)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options)}
    return _env().get_template("view.html").render(
        title=view.title, height=height, legend=view.legend, data=data, visjs=_visjs(),
        node_count=len(nodes), edge_count=len(edges), note=note, version=version("samspil"))


def to_fragment(view: View, *, height: str = "760px") -> str:
    """An iframe snippet carrying the whole page in ``srcdoc`` (paste into any report)."""
    page = to_html(view, height="calc(100vh - 90px)")
    return (f'<iframe title="{html.escape(view.title)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{html.escape(height)};border:0" '
            f'srcdoc="{html.escape(page, quote=True)}"></iframe>')


_POLY = {
    "diamond": [(0, -1), (1, 0), (0, 1), (-1, 0)],
    "triangle": [(0, -1), (0.87, 0.5), (-0.87, 0.5)],
    "triangleDown": [(0, 1), (0.87, -0.5), (-0.87, -0.5)],
    "square": [(-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)],
    "box": [(-1, -0.6), (1, -0.6), (1, 0.6), (-1, 0.6)],
    "hexagon": [(math.cos(a), math.sin(a)) for a in (i * math.pi / 3 for i in range(6))],
    "star": [((1 if i % 2 == 0 else 0.45) * math.sin(i * math.pi / 5),
              -(1 if i % 2 == 0 else 0.45) * math.cos(i * math.pi / 5)) for i in range(10)],
}


def _shape_svg(shape: str, x: float, y: float, r: float, colour: str) -> str:
    if shape not in _POLY:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"/>'
    pts = " ".join(f"{x + r * px:.1f},{y + r * py:.1f}" for px, py in _POLY[shape])
    return f'<polygon points="{pts}" fill="{colour}"/>'


def to_svg(view: View, *, labels: bool | None = None) -> str:
    """A static SVG drawn from the Python layout (for PDF and Word reports)."""
    esc = html.escape
    if not view.nodes:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80"></svg>'
    labels = len(view.nodes) <= 300 if labels is None else labels
    pad = 60
    xs = [n.x for n in view.nodes]
    ys = [n.y for n in view.nodes]
    x0, y0 = min(xs) - pad, min(ys) - pad - 30
    w, h = max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad + 30 + 18 * (1 + len(view.legend) // 4)
    pos = {n.id: n for n in view.nodes}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0:.0f} {y0:.0f} {w:.0f} {h:.0f}" '
           f'width="{w:.0f}" height="{h:.0f}" font-family="sans-serif" font-size="11">',
           f'<title>{esc(view.title)}</title>',
           f'<rect x="{x0:.0f}" y="{y0:.0f}" width="{w:.0f}" height="{h:.0f}" fill="#fff"/>',
           f'<text x="{x0 + 10:.0f}" y="{y0 + 20:.0f}" font-size="16">{esc(view.title)}</text>']
    for e in view.edges:
        a, b = pos.get(e.source), pos.get(e.target)
        if a and b:
            width = 1 + 2 * math.log2(e.weight) if e.weight > 1 else 1
            out.append(f'<line x1="{a.x}" y1="{a.y}" x2="{b.x}" y2="{b.y}" stroke="{e.colour}" '
                       f'stroke-width="{width:.1f}"><title>{esc(e.hover)}</title></line>')
    for n in view.nodes:
        out.append(f'<g><title>{esc(n.hover)}</title>{_shape_svg(n.shape, n.x, n.y, n.size / 1.5, n.colour)}')
        if labels:
            name = n.name if len(n.name) <= 40 else n.name[:38] + "…"
            out.append(f'<text x="{n.x}" y="{n.y + n.size / 1.5 + 12:.1f}" text-anchor="middle">{esc(name)}</text>')
        out.append("</g>")
    ly = y0 + h - 18 * (1 + len(view.legend) // 4) + 4
    for i, item in enumerate(view.legend):
        lx, lyy = x0 + 10 + (i % 4) * 230, ly + (i // 4) * 18
        out.append(_shape_svg("square" if item.shape == "line" else item.shape, lx + 6, lyy, 6, item.colour))
        out.append(f'<text x="{lx + 16}" y="{lyy + 4}">{esc(item.name)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def to_png(view: View, *, width: int = 1400, height: int = 900) -> bytes:
    """A PNG screenshot of the HTML view in headless Chromium (offline; no CDN)."""
    from samspil.viz.browser import open_page

    with open_page(width=width, height=height) as page:
        page.set_content(to_html(view, height=f"{height - 120}px"))
        page.wait_for_selector("body[data-rendered]", timeout=30_000)
        return page.screenshot(full_page=True)


def write(view: View, path: str | Path, fmt: str | None = None) -> Path:
    """Write the view to ``path`` as html, fragment, svg or png (default: from the suffix)."""
    path = Path(path)
    fmt = fmt or {".svg": "svg", ".png": "png"}.get(path.suffix.lower(), "html")
    if fmt == "png":
        path.write_bytes(to_png(view))
        return path
    text = {"html": to_html, "fragment": to_fragment, "svg": to_svg}[fmt](view)
    path.write_text(text, encoding="utf-8")
    return path
