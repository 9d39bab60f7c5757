"""Static pictures for reports: PNG (300 dpi), SVG and PDF drawn with matplotlib from
the same :class:`View` / :class:`Matrix` the HTML shows (positions, colours, shapes,
which names are drawn, legend), with a title and a caption naming the corpus and the
samspil version. No browser is needed; text stays text in SVG and PDF.

On paper nothing can be hovered and print is often black and white, so a picture
measures what it draws (matplotlib's Agg renderer): the caption is wrapped to the page,
the legend takes as many columns as fit above it, the drawing the room above that; a
name goes beside its node where it covers no other node and no other name (a plan's
name always stays, where it covers fewest); organisation types, which the explorer tells
apart by colour, also differ in shape or fill, a gap is a dashed link, and a matrix
legend's swatch carries the mark its cells carry.

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
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import Bbox
from matplotlib.text import Text

from samspil.viz.matrix import STATE_MARKS, Matrix
from samspil.viz.views import View

__all__ = ["picture", "caption_for", "DPI"]

DPI = 300
MARKERS = {"dot": "o", "diamond": "D", "triangle": "^", "square": "s", "hexagon": "h",
           "star": "*", "triangleDown": "v", "box": "s"}
# organisation type -> (marker, fill): the shape or fill repeats the type's colour for a
# black-and-white print; none is a marker another kind of node uses (MARKERS)
ORG_MARKS: dict[str, tuple[str, str]] = {
    # light colours (near white in grey) differ by shape, darker ones also by fill
    "housing_organisation": ("o", "full"), "ngo": ("o", "hollow"),
    "culture_leisure": ("o", "left"), "other": ("o", "bottom"),
    "education": ("<", "full"), "school": (">", "full"), "daycare": ("d", "full"),
    "municipality": ("p", "full"), "municipal_unit": ("p", "hollow"),
    "health": ("P", "full"), "national_body": ("P", "hollow"),
    "police": ("X", "full"), "company": ("X", "hollow"),
}
EDGE_DASHES = {"GAP": (0, (4, 2))}      # relationship kind -> line style (else solid)
HALO = [patheffects.withStroke(linewidth=2.5, foreground="white")]
STATE_TEXT_DARK = {"self", "unchecked"}
PAD = 0.12            # inches: page edge, caption, legend and drawing apart
CAPTION_PT = 7
TITLE_IN = 0.55       # inches the title takes at the top


def caption_for(view: View | Matrix, source: str = "") -> str:
    """The caption: how the view was made or read, ``source`` (the corpus), the version
    (after a no-break space: a wrapped caption keeps it whole)."""
    return " · ".join(x for x in (getattr(view, "note", "") or getattr(view, "caption", ""),
                                   source, f"samspil\u00a0{version('samspil')}") if x)


def picture(view: View | Matrix, fmt: str, *, source: str = "") -> bytes:
    """The view as ``png`` (300 dpi), ``svg`` or ``pdf`` bytes; ``source`` (the corpus)
    is printed in the caption with the samspil version."""
    caption = caption_for(view, source)
    fig = _matrix_figure(view, caption) if isinstance(view, Matrix) else _network_figure(view, caption)
    buf = io.BytesIO()
    meta = {"png": {"Software": f"samspil {version('samspil')}"},
            "svg": {"Creator": f"samspil {version('samspil')}", "Date": None},
            "pdf": {"Creator": f"samspil {version('samspil')}", "CreationDate": None}}[fmt]
    with matplotlib.rc_context({"svg.fonttype": "none", "pdf.fonttype": 42,
                                "svg.hashsalt": "samspil"}):
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=meta)
    return buf.getvalue()


def _renderer(fig: Figure):
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    return canvas.get_renderer()


def _wrap(text: str, fig: Figure, width_px: float, **font) -> str:
    """``text`` broken into lines no wider than ``width_px`` as the renderer measures them."""
    renderer = _renderer(fig)
    prop = Text(text="x", **font).get_fontproperties()
    lines: list[str] = []
    for word in text.split(" "):
        line = f"{lines[-1]} {word}" if lines else word
        if lines and renderer.get_text_width_height_descent(line, prop, ismath=False)[0] <= width_px:
            lines[-1] = line
        else:
            lines.append(word)
    return "\n".join(lines)


def _foot(fig: Figure, caption: str, handles=(), names=(), *, ncol: int = 4, left: bool = False,
          handler_map=None, **legend_kw) -> float:
    """The caption at the foot of the page, wrapped to its width, and the legend above it
    in the most columns (at most ``ncol``) that fit the page; both placed in inches from
    the bottom (they stay when the page grows). Returns the inches they take."""
    renderer = _renderer(fig)
    width = fig.get_figwidth()
    px = fig.dpi
    text = fig.text(PAD, PAD, _wrap(caption, fig, (width - 2 * PAD) * px, fontsize=CAPTION_PT),
                    transform=fig.dpi_scale_trans, fontsize=CAPTION_PT, color="#555555",
                    ha="left", va="bottom") if caption else None
    top = PAD + (text.get_window_extent(renderer).height / px if text else 0.0)
    if not handles:
        return top + PAD
    for cols in range(min(ncol, len(handles)), 0, -1):
        legend = fig.legend(list(handles), list(names), ncol=cols, fontsize=7, frameon=False,
                            loc="lower left" if left else "lower center", borderaxespad=0,
                            borderpad=0, handler_map=handler_map,
                            bbox_to_anchor=(PAD if left else width / 2, top + PAD / 2),
                            bbox_transform=fig.dpi_scale_trans, **legend_kw)
        box = legend.get_window_extent(renderer)
        if box.x0 >= PAD * px - 0.5 and box.x1 <= (width - PAD) * px + 0.5 or cols == 1:
            return box.y1 / px + PAD
        legend.remove()
    raise AssertionError("unreachable")


def _empty(fig: Figure, text: str) -> None:
    fig.text(0.5, 0.5, text, ha="center", va="center", fontsize=11, wrap=True, color="#444444")


def _darker(colour: str, by: float = 0.55) -> tuple[float, float, float]:
    return tuple(by * c for c in to_rgb(colour))


def _mark(kind: str, org_type: str | None, shape: str, colour: str) -> dict:
    """Line2D keywords of a node's marker (or its legend key)."""
    if kind == "Organisation" and org_type in ORG_MARKS or kind == "org-type":
        marker, fill = ORG_MARKS.get(org_type or "other", ORG_MARKS["other"])
        style = {"marker": marker, "markeredgecolor": _darker(colour), "markeredgewidth": 0.8}
        if fill == "hollow":
            return {**style, "markerfacecolor": "white", "markeredgewidth": 1.2}
        return {**style, "markerfacecolor": colour, "fillstyle": fill, "markerfacecoloralt": "white"}
    return {"marker": MARKERS.get(shape, "o"), "markerfacecolor": colour,
            "markeredgecolor": "white", "markeredgewidth": 0.4}


def _network_legend(view: View) -> tuple[list, list[str]]:
    handles = []
    for it in view.legend:
        if it.shape == "line":
            handles.append(Line2D([], [], color=it.colour, linewidth=2,
                                  linestyle=EDGE_DASHES.get(it.key, "solid")))
        else:
            org = it.key in ORG_MARKS and it.name.startswith("Organisation")
            handles.append(Line2D([], [], linestyle="none", markersize=7,
                                  **_mark("org-type" if org else it.key, it.key if org else None,
                                          it.shape, it.colour)))
    return handles, [it.name.split(" (hover")[0] for it in view.legend]   # a picture has no hover


def _network_figure(view: View, caption: str = "") -> Figure:
    fig = Figure(figsize=(11, 8.5))
    fig.suptitle(view.title, x=0.01, ha="left", fontsize=14, fontweight="bold")
    if not view.nodes:
        _empty(fig, view.empty or "Nothing to draw.")
        _foot(fig, caption)
        return fig
    handles, names = _network_legend(view)
    bottom = _foot(fig, caption, handles, names) / fig.get_figheight()
    ax = fig.add_axes((0.01, bottom, 0.98, 1 - TITLE_IN / fig.get_figheight() - bottom))
    ax.set_axis_off()
    pos = {n.id: (n.x, n.y) for n in view.nodes}
    segs, colours, widths, dashes = [], [], [], []
    for e in view.edges:
        if e.source in pos and e.target in pos:
            segs.append((pos[e.source], pos[e.target]))
            colours.append(e.colour)
            widths.append(0.4 + 0.8 * math.log2(e.weight) if e.weight > 1 else 0.4)
            dashes.append(EDGE_DASHES.get(e.kind, "solid"))
    ax.add_collection(LineCollection(segs, colors=colours, linewidths=widths, linestyles=dashes,
                                     alpha=0.55, zorder=1))
    marks = {}
    for n in sorted(view.nodes, key=lambda n: n.size):
        marks[n.id] = ax.plot(n.x, n.y, markersize=3 + 0.4 * n.size, zorder=2,
                              **_mark(n.kind, n.type, n.shape, n.colour))[0]
    ax.margins(x=0.06, y=0.04)       # room for the names of the outermost nodes
    ax.autoscale_view()
    ax.invert_yaxis()          # layout y grows downwards, as on screen
    ax.set_aspect("equal", adjustable="datalim")
    ax.apply_aspect()
    ax.set_xlim(ax.get_xlim())
    ax.set_ylim(ax.get_ylim())   # fixed: the names are placed against these limits
    _place_names(fig, ax, view, marks)
    return fig


def _place_names(fig: Figure, ax, view: View, marks: dict) -> None:
    """The names the view draws, the most important first (plans, then the largest
    nodes, then the most linked), each below, above, beside or diagonally off its node
    (near, then further: :func:`_spots`; a plan's name also on rings out to the size of a
    star of partners round it: :func:`_centres`): the first spot inside the drawing that
    covers no name already placed and no other node. A plan's name with no such spot
    takes the one that covers fewest nodes; another name is left out. Each name is measured once and its box moved to every spot."""
    renderer = _renderer(fig)
    area = ax.get_window_extent(renderer)
    dots = {nid: m.get_window_extent(renderer) for nid, m in marks.items()}
    placed: list = []
    px = fig.dpi / 72                                     # display px per point

    def inside(b) -> bool:
        return b.x0 >= area.x0 and b.x1 <= area.x1 and b.y0 >= area.y0 and b.y1 <= area.y1

    links: dict[str, int] = {}
    for e in view.edges:
        links[e.source] = links.get(e.source, 0) + 1
        links[e.target] = links.get(e.target, 0) + 1
    for n in sorted((n for n in view.nodes if n.label),        # (of one size: most links first,
                    key=lambda n: (n.kind != "Plan", -n.size, -links.get(n.id, 0), n.id)):  # as views)
        hub = n.kind == "Plan"
        gap = 2 + (3 + 0.4 * n.size) / 2                 # points from the centre to the name
        style = {"fontsize": 9 if hub else 6.5, "fontweight": "bold" if hub else "normal",
                 "path_effects": HALO, "zorder": 3, "ha": "center", "va": "center"}
        name = n.name if len(n.name) <= 40 else n.name[:38] + "…"
        text = ax.annotate(name, (n.x, n.y), xytext=(0, 0), textcoords="offset points", **style)
        box0 = text.get_window_extent(renderer)
        text.remove()
        w, h = box0.width, box0.height
        best = None
        for dx, dy in _centres(gap * px, w, h, n.label_above, rings=hub):
            box = Bbox.from_bounds(box0.x0 + dx, box0.y0 + dy, w, h)
            near = box.padded(px / 2)     # (a print's resolution draws glyphs a little wider)
            if not inside(box) or any(near.overlaps(b) for b in placed):
                continue
            covered = sum(1 for o, d in dots.items() if o != n.id and near.overlaps(d))
            if best is None or covered < best[0]:
                best = (covered, dx, dy, box)
            if not covered:
                break
        if best is None or (best[0] and not hub):
            continue
        _c, dx, dy, box = best
        ax.annotate(name, (n.x, n.y), xytext=(dx / px, dy / px), textcoords="offset points", **style)
        placed.append(box)


def _centres(gap: float, w: float, h: float, above: bool, rings: bool) -> list[tuple[float, float]]:
    """Where a ``w`` x ``h`` name's centre may go, in display px from its node's: the
    spots of :func:`_spots` (``gap``: px from the node to the name), then, with
    ``rings``, sixteen directions at four to fourteen ``gap`` off the node."""
    align = {"left": w / 2, "right": -w / 2, "center": 0.0, "bottom": h / 2, "top": -h / 2}
    out = [(ox + align[ha], oy + align[va]) for (ox, oy), ha, va in _spots(gap, above)]
    if rings:
        for k in range(4, 15):
            for i in range(16):
                a = -math.pi / 2 + i * math.pi / 8          # from straight below, round
                out.append((math.cos(a) * (k * gap + w / 2), math.sin(a) * (k * gap + h / 2)))
    return out


def _spots(gap: float, above: bool) -> list[tuple[tuple[float, float], str, str]]:
    """Where a name may go, nearest first, as (offset in points, ha, va): below or above
    its node (above first where the view draws it there), beside it, diagonally off it,
    then the same a step and two further out (a plan's name in a dense group covered a
    node at every near spot; a spot further out was free)."""
    out = [((0, -gap), "center", "top"), ((0, gap), "center", "bottom"), ((0, -2 * gap), "center", "top")]
    if above:
        out[0], out[1] = out[1], out[0]
    for k in (1, 2, 3):
        out += [((gap * k + 1, 0), "left", "center"), ((-gap * k - 1, 0), "right", "center"),
                ((0, (k + 1) * gap), "center", "bottom")]
        out += [((dx * gap * k, dy * gap * k), "left" if dx > 0 else "right", "bottom" if dy > 0 else "top")
                for dx in (1, -1) for dy in (-1, 1)]
        out += [((0, -(k + 2) * gap), "center", "top")] if k < 3 else []
    return out


def _cell_colour(cell, top: float) -> tuple[str | tuple, str]:
    if cell.state == "shared":
        t = math.sqrt(cell.value / top) if top else 0.0
        return matplotlib.colormaps["Blues"](0.15 + 0.8 * t), "white" if t > 0.55 else "#111111"
    from samspil.viz.matrix import STATE_COLOURS
    colour = STATE_COLOURS.get(cell.state, "#EEEEEE")
    return colour, "#111111" if cell.state in STATE_TEXT_DARK else "white"


class _CellKey(HandlerBase):
    """A matrix legend key drawn as a cell: its colour with the mark its cells carry."""

    def __init__(self, mark: str, ink: str) -> None:
        super().__init__()
        self.mark, self.ink = mark, ink

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        side = min(width, height)
        x0, y0 = -xdescent + (width - side) / 2, -ydescent + (height - side) / 2
        square = Rectangle((x0, y0), side, side, facecolor=orig_handle.get_facecolor(),
                           edgecolor="none", transform=trans)
        mark = Text(x0 + side / 2, y0 + side / 2, self.mark, ha="center", va="center",
                    color=self.ink, fontsize=1.3 * fontsize, fontweight="bold", transform=trans)
        return [square, mark]


def _matrix_figure(m: Matrix, caption: str = "") -> Figure:
    nr, nc = len(m.rows), len(m.cols)
    cell = 0.62 if m.kind == "overlap" else 0.3
    fig = Figure(figsize=(max(7.5, 3.2 + cell * nc), 4.0))
    fig.suptitle(m.title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    if m.empty:
        _empty(fig, m.empty)
        _foot(fig, caption)
        return fig
    ax = fig.add_axes((0.3, 0.3, 0.3, 0.3))      # placed below, once its names are measured
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
    named = set()
    for c in m.cells:
        x, y = col[c.col], row[c.row]
        named.add((x, y))
        face, ink = _cell_colour(c, m.max_value)
        ax.add_patch(Rectangle((x + 0.04, y + 0.04), 0.92, 0.92, facecolor=face, edgecolor="none"))
        ax.text(x + 0.5, y + 0.52, c.text, ha="center", va="center", color=ink,
                fontsize=10 if m.kind == "overlap" else 7, fontweight="bold")
    for r, i in row.items():     # a light frame for every cell: "not named" reads as blank
        for x in range(nc):
            if r in notes and (x, i) not in named:   # not named, by a plan without activities
                ax.add_patch(Rectangle((x + 0.04, i + 0.04), 0.92, 0.92, facecolor="white",
                                       edgecolor="#BBBBBB", linewidth=0, hatch="////"))
            ax.add_patch(Rectangle((x + 0.04, i + 0.04), 0.92, 0.92, facecolor="none",
                                   edgecolor="#DDDDDD", linewidth=0.4))
    # the page: as wide as the row names, cells and column heads need, as tall as the
    # title, column heads, cells, legend and caption
    renderer = _renderer(fig)
    px = fig.dpi
    cells = ax.get_window_extent(renderer)
    drawn = ax.get_tightbbox(renderer)
    left, right = (cells.x0 - drawn.x0) / px, (drawn.x1 - cells.x1) / px
    above, below = (drawn.y1 - cells.y1) / px, (cells.y0 - drawn.y0) / px
    width = max(7.5, PAD + left + cell * nc + right + PAD)
    fig.set_size_inches(width, 4.0)
    handles = [Patch(facecolor=it.colour) for it in m.legend]
    keys = {h: _CellKey(STATE_MARKS[it.key], "#111111" if it.key in STATE_TEXT_DARK else "white")
            for h, it in zip(handles, m.legend) if it.key in STATE_MARKS}
    foot = _foot(fig, caption, handles, [it.name for it in m.legend], ncol=3, left=True,
                 handler_map=keys, handleheight=1.6, handlelength=1.6)
    height = max(4.0, foot + below + cell * nr + above + TITLE_IN)
    fig.set_size_inches(width, height)
    ax.set_position(((PAD + left) / width, (foot + below) / height, cell * nc / width, cell * nr / height))
    return fig
