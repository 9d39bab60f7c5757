"""Render a :class:`~samspil.viz.views.View` or :class:`~samspil.viz.matrix.Matrix`:
self-contained HTML (pyvis data and our own template; a matrix as a table drawn by
``viz/static/matrix.js``), an iframe fragment, and static SVG / PNG / PDF pictures
(:mod:`samspil.viz.pictures`, matplotlib, from the same layout and styling).

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

from samspil.viz.matrix import Matrix
from samspil.viz.views import View

__all__ = ["to_html", "to_fragment", "write", "render", "check_format", "LARGE_VIEW", "FORMATS"]

HERE = Path(__file__).parent
LARGE_VIEW = 1000  # nodes; above this labels are hidden until zoomed in, edges hide on drag
FORMATS = ("html", "fragment", "svg", "png", "pdf")
PICTURES = ("svg", "png", "pdf")


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(str(HERE / "templates")),
                       autoescape=select_autoescape(["html"], default=True))


@lru_cache(maxsize=4)
def _static(name: str) -> Markup:
    # our own files, trusted; "</script" / "</style" cannot occur in them (checked in tests)
    return Markup((HERE / "static" / name).read_text(encoding="utf-8"))


def _network(view: View) -> Network:
    """The pyvis network: nodes, edges and vis-network options of the view."""
    large = len(view.nodes) > LARGE_VIEW
    net = Network(height="100%", width="100%", directed=True)
    for n in view.nodes:
        net.add_node(n.id, label=n.name if len(n.name) <= 40 else n.name[:38] + "…",
                     shape=n.shape, color=n.colour, size=n.size, x=n.x, y=n.y,
                     title=n.hover, physics=False, hub=n.kind == "Plan")
        if n.label_above:  # drawn above the node (names.js: samspilAbove)
            net.nodes[-1]["above"] = True
        if not n.label:   # culled: the name would overlap a larger node's (shown on hover)
            net.nodes[-1]["name"] = net.nodes[-1]["label"]    # back when zoomed in
            net.nodes[-1]["label"] = " "
            net.nodes[-1]["named"] = False
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


def to_html(view: View | Matrix, *, height: str = "720px", fill: bool = False) -> str:
    """A full, self-contained HTML page (no network access needed to open it); ``fill``:
    the page fills its window (an iframe), the legend always in sight."""
    if isinstance(view, Matrix):
        return _env().get_template("matrix.html").render(
            title=view.title, data=view.to_dict(), matrixjs=_static("matrix.js"),
            css=_static("matrix.css"), version=version("samspil"),
            meta=f"{len(view.rows)} plans × {len(view.cols)} columns")
    net = _network(view)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options)}
    return _env().get_template("view.html").render(
        title=view.title, height=height, fill=fill, legend=view.legend, data=data,
        visjs=_static("vis-network.min.js"), namesjs=_static("names.js"),
        node_count=len(nodes), edge_count=len(edges),
        note=view.note, empty=view.empty, version=version("samspil"))


def to_fragment(view: View | Matrix, *, height: str | None = None) -> str:
    """An iframe snippet carrying the whole page in ``srcdoc`` (paste into any report).
    Its height is worked out from what the view holds (the header, a matrix's rows and
    rotated column heads, every legend row); a matrix page also tells its frame how tall
    it really is, and the snippet's script sets the frame to that (where the report
    lets scripts run; the estimate stands where it does not)."""
    page = to_html(view, fill=True)
    if height is None:
        height = f"{_fragment_height(view)}px"
    frame = (f'<iframe title="{html.escape(view.title)}" sandbox="allow-scripts" '
             f'style="width:100%;height:{html.escape(height)};border:0" '
             f'srcdoc="{html.escape(page, quote=True)}"></iframe>')
    return frame + (_FIT_FRAME if isinstance(view, Matrix) else "")


def _fragment_height(view: View | Matrix) -> int:
    """Pixels a view needs in a frame (measured in Chromium on the seeds' matrices with
    2-5 plans: an overlap matrix's rows are 49 px, a coverage matrix's 40 px, above
    ~310 px of header, column heads and legend)."""
    legend_rows = math.ceil(len(view.legend) / 4)
    if isinstance(view, View):
        return 720 + 90 + 22 * legend_rows
    row = 49 if view.kind == "overlap" else 40
    # (16 px for a scroll bar, 24 for the line that says how many columns are in view)
    return 360 + row * len(view.rows) + 22 * max(0, legend_rows - 1)


# the snippet's own script: the frame takes the height its page reports (matrix.html)
_FIT_FRAME = ('<script>(function(){var f=document.currentScript.previousElementSibling;'
              'addEventListener("message",function(e){if(e.source===f.contentWindow&&e.data&&'
              'e.data.samspil==="height"){f.style.height=(e.data.height+2)+"px";}});})();</script>')


def write(view: View | Matrix, path: str | Path, fmt: str | None = None,
          source: str = "") -> Path:
    """Write the view to ``path`` as html, fragment, svg, png or pdf (default: from the
    suffix); ``source`` (the corpus and version) goes into a static picture's caption.
    A suffix that names no format, or another format than ``fmt``, is refused."""
    path = Path(path)
    path.write_bytes(render(view, check_format(path, fmt), source=source))
    return path


def render(view: View | Matrix, fmt: str, *, source: str = "") -> bytes:
    """The view in ``fmt`` (html, fragment, svg, png or pdf) as a file's bytes."""
    if fmt in PICTURES:
        from samspil.viz.pictures import picture
        return picture(view, fmt, source=source)
    return {"html": to_html, "fragment": to_fragment}[fmt](view).encode("utf-8")


def check_format(path: Path, fmt: str | None) -> str:
    """The format to write ``path`` in; an unknown or contradicting suffix is an error."""
    from samspil.loaders.errors import InputError

    suffix = path.suffix.lower()
    known = {".html": "html", ".htm": "html", ".svg": "svg", ".png": "png", ".pdf": "pdf"}
    if suffix and suffix not in known:
        raise InputError(f"{path}: samspil cannot write {suffix} files; use .html (a page), "
                         ".svg, .png (300 dpi) or .pdf, or --format html|svg|png|pdf")
    from_suffix = known.get(suffix)
    if fmt is None:
        return from_suffix or "html"
    if from_suffix and from_suffix != fmt and not (fmt == "fragment" and from_suffix == "html"):
        raise InputError(f"{path}: the suffix {suffix} does not match --format {fmt}; "
                         f"name the file .{fmt if fmt != 'fragment' else 'html'} or drop --format")
    return fmt
