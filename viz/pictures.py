"""Static pictures for reports: PNG (300 dpi), SVG and PDF drawn with matplotlib from
the same :class:`View` / :class:`Matrix` the HTML shows (positions, colours, shapes,
which names are drawn, legend), with a title and a caption naming the corpus and the
samspil version. No browser is needed; text stays text in SVG and PDF.

matplotlib is the Python ecosystem's standard for static figures (networkx's own
``nx.draw`` builds on it); the ``Figure`` API is used directly (no pyplot state), with
the Agg, SVG and PDF backends that ship with it.
"""
from __future__ import annotations

import io
import math
from importlib.metadata import version

import matplotlib
from matplotlib import patheffects
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from samspil.viz.matrix import Matrix
from samspil.viz.views import View

__all__ = ["picture", "DPI"]

DPI = 300
MARKERS = {"dot": "o", "diamond": "D", "triangle": "^", "square": "s", "hexagon": "h",
           "star": "*", "triangleDown": "v", "box": "s"}
HALO = [patheffects.withStroke(linewidth=2.5, foreground="white")]
STATE_TEXT_DARK = {"self", "unchecked"}


def picture(view: View | Matrix, fmt: str, *, source: str = "") -> bytes:
    """The view as ``png`` (300 dpi), ``svg`` or ``pdf`` bytes; ``source`` (the corpus)
    is printed in the caption with the samspil version."""
    fig = _matrix_figure(view) if isinstance(view, Matrix) else _network_figure(view)
    caption = " · ".join(x for x in (getattr(view, "note", "") or getattr(view, "caption", ""),
                                       source, f"samspil {version('samspil')}") if x)
    fig.text(0.01, 0.01, caption, fontsize=7, color="#555555", ha="left", va="bottom", wrap=True)
    buf = io.BytesIO()
    meta = {"png": {"Software": f"samspil {version('samspil')}"},
            "svg": {"Creator": f"samspil {version('samspil')}", "Date": None},
            "pdf": {"Creator": f"samspil {version('samspil')}", "CreationDate": None}}[fmt]
    with matplotlib.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42,
                                "svg.hashsalt": "samspil"}):
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=meta)
    return buf.getvalue()


def _empty(fig: Figure, text: str) -> None:
    fig.text(0.5, 0.5, text, ha="center", va="center", fontsize=11, wrap=True, color="#444444")


def _network_figure(view: View) -> Figure:
    fig = Figure(figsize=(11, 8.5))
    fig.suptitle(view.title, x=0.01, ha="left", fontsize=14, fontweight="bold")
    if not view.nodes:
        _empty(fig, view.empty or "Nothing to draw.")
        return fig
    ax = fig.add_axes((0.01, 0.12, 0.98, 0.82))
    ax.set_axis_off()
    pos = {n.id: (n.x, n.y) for n in view.nodes}
    segs, colours, widths = [], [], []
    for e in view.edges:
        if e.source in pos and e.target in pos:
            segs.append((pos[e.source], pos[e.target]))
            colours.append(e.colour)
            widths.append(0.4 + 0.8 * math.log2(e.weight) if e.weight > 1 else 0.4)
    ax.add_collection(LineCollection(segs, colors=colours, linewidths=widths, alpha=0.55, zorder=1))
    for n in sorted(view.nodes, key=lambda n: n.size):
        ax.plot(n.x, n.y, marker=MARKERS.get(n.shape, "o"), markersize=3 + 0.4 * n.size,
                color=n.colour, markeredgecolor="white", markeredgewidth=0.4, zorder=2)
    for n in view.nodes:
        if n.label:
            hub = n.kind == "Plan"
            up = 1 if n.label_above else -1     # above the node where below is taken
            ax.annotate(n.name if len(n.name) <= 40 else n.name[:38] + "…", (n.x, n.y),
                        xytext=(0, up * (4 + 0.25 * n.size)), textcoords="offset points",
                        ha="center", va="bottom" if n.label_above else "top",
                        fontsize=9 if hub else 6.5,
                        fontweight="bold" if hub else "normal", path_effects=HALO, zorder=3)
    ax.autoscale_view()
    ax.invert_yaxis()          # layout y grows downwards, as on screen
    ax.set_aspect("equal", adjustable="datalim")
    handles = [Line2D([], [], color=it.colour, linewidth=2) if it.shape == "line" else
               Line2D([], [], linestyle="none", marker=MARKERS.get(it.shape, "o"), color=it.colour,
                      markersize=7) for it in view.legend]
    names = [it.name.split(" (hover")[0] for it in view.legend]   # a picture has no hover
    fig.legend(handles, names, loc="lower center", ncol=4, fontsize=7,
               frameon=False, bbox_to_anchor=(0.5, 0.03))
    return fig


def _cell_colour(cell, top: float) -> tuple[str | tuple, str]:
    if cell.state == "shared":
        t = math.sqrt(cell.value / top) if top else 0.0
        return matplotlib.colormaps["Blues"](0.15 + 0.8 * t), "white" if t > 0.55 else "#111111"
    from samspil.viz.matrix import STATE_COLOURS
    colour = STATE_COLOURS.get(cell.state, "#EEEEEE")
    return colour, "#111111" if cell.state in STATE_TEXT_DARK else "white"


def _matrix_figure(m: Matrix) -> Figure:
    nr, nc = len(m.rows), len(m.cols)
    cell = 0.62 if m.kind == "overlap" else 0.3
    width = max(7.5, 3.2 + cell * nc)
    height = max(4.0, 3.4 + cell * nr)
    fig = Figure(figsize=(width, height))
    fig.suptitle(m.title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    if m.empty:
        _empty(fig, m.empty)
        return fig
    left, bottom = 2.9 / width, 1.0 / height
    ax = fig.add_axes((left, bottom, cell * nc / width, cell * nr / height))
    ax.set_xlim(0, nc)
    ax.set_ylim(nr, 0)
    ax.set_xticks([i + 0.5 for i in range(nc)],
                  [c[1] if len(c[1]) <= 34 else c[1][:32] + "…" for c in m.cols],
                  rotation=60 if m.kind == "overlap" else 90, ha="left", fontsize=7)
    ax.xaxis.tick_top()
    notes = dict(m.row_notes)
    ax.set_yticks([i + 0.5 for i in range(nr)],
                  [((r[1] if len(r[1]) <= 36 else r[1][:34] + "…") + ("  (no activities)" if r[0] in notes else "")) for r in m.rows],
                  fontsize=8)
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    col = {c[0]: i for i, c in enumerate(m.cols)}
    row = {r[0]: i for i, r in enumerate(m.rows)}
    for c in m.cells:
        x, y = col[c.col], row[c.row]
        face, ink = _cell_colour(c, m.max_value)
        ax.add_patch(Rectangle((x + 0.04, y + 0.04), 0.92, 0.92, facecolor=face, edgecolor="none"))
        ax.text(x + 0.5, y + 0.52, c.text, ha="center", va="center", color=ink,
                fontsize=10 if m.kind == "overlap" else 7, fontweight="bold")
    for r, i in row.items():     # a light frame for every cell: "not named" reads as blank
        for x in range(nc):
            ax.add_patch(Rectangle((x + 0.04, i + 0.04), 0.92, 0.92, facecolor="none",
                                   edgecolor="#DDDDDD", linewidth=0.4))
    fig.legend([Patch(facecolor=it.colour) for it in m.legend], [it.name for it in m.legend],
               loc="lower left", ncol=1 if nc < 12 else 3, fontsize=7, frameon=False,
               bbox_to_anchor=(0.01, 0.04))
    return fig
