"""Stable layouts computed in Python (so a view looks the same every time it opens).

Small graphs get a seeded Fruchterman-Reingold layout (``networkx.spring_layout``).
That costs ~34 s at 5,000 nodes on the benchmark machine, so large graphs get an
*anchor* layout: spring layout of the best-connected nodes only, then every
other node placed at the centre of its placed neighbours plus a small
deterministic offset (hash of its id). Linear in nodes + edges. Nodes without any link
are left out of either and set in a row under the drawing.
"""
from __future__ import annotations

import hashlib
import math

import networkx as nx

__all__ = ["positions", "SMALL_GRAPH", "cull_labels", "fit_scale", "stretch_to_canvas"]

SMALL_GRAPH = 400  # nodes; above this the anchor layout is used
ANCHORS = 250
SEED = 7
DENSE, DENSE_MIN, DENSE_MAX = 0.2, 8, 80   # a dense small graph is drawn as a ring


def positions(g: nx.Graph, *, scale: float | None = None) -> dict[str, tuple[float, float]]:
    """Node -> (x, y) in screen pixels, deterministic for the same graph."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    ug = _canonical(g)
    alone = sorted((v for v in ug if ug.degree(v) == 0), key=str)
    if alone and len(alone) < n:
        # a node without links (a plan without activities in the gaps view) was pushed to
        # the far edge by the spring layout, and the rest shrank to a third of the picture
        pos = positions(ug.subgraph([v for v in ug if ug.degree(v)]).copy(), scale=scale)
        return {**pos, **_row_below(pos, alone)}
    scale = scale or max(450.0, 75.0 * math.sqrt(n))
    if DENSE_MIN <= n <= DENSE_MAX and nx.density(ug) > DENSE:
        return _ring(ug)
    if n <= SMALL_GRAPH:
        # k above networkx's 1/sqrt(n) default: dense groups (co-partnership) spread out
        pos = nx.spring_layout(ug, seed=SEED, iterations=80, scale=scale, k=2.0 / math.sqrt(n))
        if n > SPREAD_FROM and not nx.is_connected(ug):
            pos = spread_out(pos)
        return {k: (round(float(x), 1), round(float(y), 1)) for k, (x, y) in pos.items()}
    return _anchor_layout(ug, scale)


def _canonical(g: nx.Graph) -> nx.Graph:
    """``g`` undirected, its nodes and links in sorted order: the spring layout (and the
    ring's order) depends on the order nodes were added, which for a graph built from a
    set changes with Python's string hashing from one process to the next (a view's
    names were drawn over each other in one process and apart in another)."""
    out = nx.Graph()
    out.add_nodes_from(sorted(g.nodes, key=str))
    out.add_edges_from(sorted((tuple(sorted((u, v), key=str)) for u, v in g.edges()), key=str))
    return out


SPREAD_FROM = 60     # nodes; a smaller drawing keeps the spring layout as it is
EVEN = 0.25          # how far each axis is evened out (0: the spring layout, 1: even ranks)


def spread_out(pos: dict, even: float | None = None) -> dict[str, tuple[float, float]]:
    """``pos`` with each axis moved ``even`` of the way to evenly spaced ranks, in the
    same box: the spring layout of several groups of linked nodes (fifteen plans, a few
    of them sharing partners) left wide empty bands between the groups and packed the
    largest group, where most names are, into a corner, its names over each other. The
    order of the nodes along each axis is kept, so every group stays where it was and
    keeps its shape, stretched where it was crowded.

    >>> p = spread_out({"a": (0.0, 0.0), "b": (1.0, 1.0), "c": (2.0, 2.0), "d": (100.0, 100.0)}, 0.5)
    >>> p["b"], p["c"], p["d"]
    ((17.2, 17.2), (34.3, 34.3), (100.0, 100.0))
    """
    even = EVEN if even is None else even
    out = {k: [0.0, 0.0] for k in pos}
    for axis in (0, 1):
        values = sorted(float(p[axis]) for p in pos.values())
        lo, hi = values[0], values[-1]
        if hi - lo < 1e-9:
            for k in pos:
                out[k][axis] = float(pos[k][axis])
            continue
        first: dict[float, int] = {}
        last: dict[float, int] = {}
        for i, v in enumerate(values):
            first.setdefault(v, i)
            last[v] = i
        n = len(values) - 1
        for k, p in pos.items():
            v = float(p[axis])
            rank = (first[v] + last[v]) / 2 / n
            out[k][axis] = lo + (hi - lo) * ((1 - even) * (v - lo) / (hi - lo) + even * rank)
    return {k: (round(x, 1), round(y, 1)) for k, (x, y) in out.items()}


ROW_STEP = 140.0    # layout units between nodes in a row (a ring's spacing)


def _row_below(pos: dict, nodes: list) -> dict[str, tuple[float, float]]:
    """``nodes`` in rows under the drawing ``pos``, centred, as wide as it (at least one)."""
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    per_row = max(1, int((max(xs) - min(xs)) // ROW_STEP) + 1)
    centre, top = (min(xs) + max(xs)) / 2, max(ys) + ROW_STEP
    out = {}
    for i, v in enumerate(nodes):
        row, col = divmod(i, per_row)
        count = min(per_row, len(nodes) - row * per_row)
        out[v] = (round(centre + (col - (count - 1) / 2) * ROW_STEP, 1), round(top + row * ROW_STEP, 1))
    return out


def _ring(g: nx.Graph) -> dict[str, tuple[float, float]]:
    """Nodes on an ellipse (the canvas' proportions), ordered so that nodes with the
    same neighbours sit together: a spring layout of a near-clique is a ball in which
    every node and name overlaps; on a ring each keeps its place and its name, and the
    links become chords."""
    from samspil.viz.matrix import seriate

    nodes = sorted(g.nodes, key=str)
    nb = {v: set(g[v]) | {v} for v in nodes}
    sim = {(a, b): len(nb[a] & nb[b]) / len(nb[a] | nb[b])
           for i, a in enumerate(nodes) for b in nodes[i + 1:]}
    order = seriate(nodes, sim)
    rx = max(450.0, 80.0 * len(nodes) / math.pi)   # ~140 units between neighbours
    ry = rx * CANVAS[1] / CANVAS[0]
    step = 2 * math.pi / len(order)
    return {v: (round(rx * math.cos(i * step - math.pi / 2), 1),
                round(ry * math.sin(i * step - math.pi / 2), 1)) for i, v in enumerate(order)}


def _jitter(node: str, radius: float) -> tuple[float, float]:
    h = hashlib.blake2b(str(node).encode(), digest_size=8).digest()
    angle = int.from_bytes(h[:4], "big") / 2**32 * 2 * math.pi
    r = radius * (0.35 + 0.65 * int.from_bytes(h[4:], "big") / 2**32)
    return r * math.cos(angle), r * math.sin(angle)


def _anchor_layout(g: nx.Graph, scale: float) -> dict[str, tuple[float, float]]:
    by_degree = sorted(g.nodes, key=lambda v: (-g.degree(v), str(v)))
    anchors = by_degree[:ANCHORS]
    pos: dict = {k: (float(x), float(y)) for k, (x, y) in
                 nx.spring_layout(g.subgraph(anchors), seed=SEED, iterations=60,
                                  scale=scale).items()}
    spread = scale / math.sqrt(len(anchors))
    # breadth-first from the anchors: each node near the centre of its placed neighbours
    frontier = list(anchors)
    placed = set(anchors)
    while frontier:
        nxt: list = []
        for u in frontier:
            for v in sorted(g.neighbors(u), key=str):
                if v in placed:
                    continue
                near = [pos[w] for w in g.neighbors(v) if w in pos]
                cx = sum(p[0] for p in near) / len(near)
                cy = sum(p[1] for p in near) / len(near)
                dx, dy = _jitter(v, spread)
                pos[v] = (cx + dx, cy + dy)
                placed.add(v)
                nxt.append(v)
        frontier = nxt
    # unconnected to any anchor: a ring outside the picture
    rest = [v for v in by_degree if v not in pos]
    for i, v in enumerate(rest):
        a = 2 * math.pi * i / max(1, len(rest))
        pos[v] = (1.25 * scale * math.cos(a), 1.25 * scale * math.sin(a))
    return {k: (round(x, 1), round(y, 1)) for k, (x, y) in pos.items()}


CANVAS = (650.0, 690.0)    # px the network fills at 1400x900 in the explorer (740x780 less
                           # the margin kept for outer names); a saved view is wider
LABEL_PX = {True: 15.0, False: 11.0}   # screen px of a plan's / another node's name at fit
LABEL_MAX = {True: 40.0, False: 30.0}  # layout units a name is drawn at most (a large layout's
                                       # names are smaller on screen: names.js, view.html)
CHAR_W = 0.58              # average glyph width / font size (sans-serif)
MAX_LABELS = 40            # names drawn at once; the rest on hover


def fit_scale(nodes: list[tuple[str, float, float, float, str, bool]]) -> float:
    """Screen px per layout unit at the zoom that fits every node into :data:`CANVAS`."""
    xs = [n[1] for n in nodes] or [0.0]
    ys = [n[2] for n in nodes] or [0.0]
    w, h = max(xs) - min(xs) + 100, max(ys) - min(ys) + 100
    return min(CANVAS[0] / w, CANVAS[1] / h, 2.0)


FEW = 30                   # a view this small names every node it can (crossing a dot is fine)
MAX_STRETCH = 1.6          # the most one axis of a layout is stretched to the canvas' proportions


def stretch_to_canvas(nodes: list[tuple[str, float, float, float, str, bool]],
                      shown: dict[str, str]) -> tuple[float, float]:
    """(x, y) factors that give the drawing, its names included, the proportions of
    :data:`CANVAS`, stretching the short axis only (at most :data:`MAX_STRETCH`). A spring
    layout is as wide as tall whatever the canvas, and names widen it: the network of
    seventeen plans, long plan names at its left and right ends, filled the width and
    three fifths of the height. Names are drawn at a fixed size on screen
    (:data:`LABEL_PX`), so they are measured in pixels at the zoom that fits; ``shown``
    is what :func:`cull_labels` returned for ``nodes``.

    >>> stretch_to_canvas([("a", 0.0, 0.0, 5.0, "A", False), ("b", 1000.0, 0.0, 5.0, "B", False),
    ...                    ("c", 0.0, 500.0, 5.0, "C", False)], {})
    (1.0, 1.6)
    >>> stretch_to_canvas([], {})
    (1.0, 1.0)
    """
    if not nodes:
        return 1.0, 1.0
    xs, ys = [n[1] for n in nodes], [n[2] for n in nodes]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    if w < 1 or h < 1:
        return 1.0, 1.0
    scale = fit_scale(nodes)
    left, right, top, bottom = min(xs) - 50, max(xs) + 50, min(ys) - 50, max(ys) + 50  # (fit_scale's margin)
    for nid, x, y, size, name, hub in nodes:
        if nid in shown:
            box = _name_box(x, y, size, name, hub, scale, shown[nid], drawn=True)
            left, right = min(left, box[0]), max(right, box[2])
            top, bottom = min(top, box[1]), max(bottom, box[3])
    over_x, over_y = (right - left - w) * scale, (bottom - top - h) * scale   # screen px
    room_x, room_y = CANVAS[0] - over_x, CANVAS[1] - over_y
    if room_x <= 0 or room_y <= 0:
        return 1.0, 1.0
    ratio = (room_y / h) / (room_x / w)       # > 1: the drawing is too wide for the canvas
    ratio = min(MAX_STRETCH, max(1 / MAX_STRETCH, ratio))
    return (1.0, round(ratio, 3)) if ratio >= 1 else (round(1 / ratio, 3), 1.0)


def _name_box(x: float, y: float, size: float, name: str, hub: bool, scale: float,
              where: str, drawn: bool = False) -> tuple[float, float, float, float]:
    """A name's box in layout units at ``scale`` (screen px per unit), below or above its
    node, at :data:`LABEL_PX`; ``drawn``: as the explorer draws it, at most
    :data:`LABEL_MAX` units (culling keeps the larger box: room for wider fonts)."""
    font = LABEL_PX[hub] / scale
    if drawn:
        font = min(font, LABEL_MAX[hub])
    half = CHAR_W * font * min(len(name), 40) / 2 + 2 / scale
    tall = 1.25 * font
    top = y + size if where == "below" else y - size - tall - 4 / scale
    return x - half, top, x + half, top + tall


def cull_labels(nodes: list[tuple[str, float, float, float, str, bool]]) -> dict[str, str]:
    """The ids whose names are drawn, each with where: ``"below"`` its node (as
    vis-network draws a name) or ``"above"`` it where below is taken. At the zoom that
    fits the layout into :data:`CANVAS`, names are drawn at a readable size
    (:data:`LABEL_PX`), the most important first: plans, then the largest nodes (the
    most plans or links), each only where it overlaps no name already placed, at most
    :data:`MAX_LABELS`; the others show their names on hover. A name may cross the dot
    of a smaller node (an important node in a dense middle keeps its name) and, in a
    view of at most :data:`FEW` nodes, any dot; a small node's name crosses none.
    ``nodes``: (id, x, y, size, name, is_hub) in layout units; of nodes the same size, the one
    given first is named first."""
    if not nodes:
        return {}
    scale = fit_scale(nodes)
    discs = _Discs(nodes)
    least = min((n[3] for n in nodes if not n[5]), default=0.0)
    few = len(nodes) <= FEW
    placed: dict[str, tuple] = {}   # id -> (where, its box, the other side's box or None: no room)
    for nid, x, y, size, name, hub in sorted(nodes, key=lambda n: (not n[5], -n[3])):  # (ties: as given)
        if len(placed) >= MAX_LABELS:
            break
        # a plan's name may cross any dot; a larger node's the dots smaller than it
        sides = {where: _name_box(x, y, size, name, hub, scale, where) for where in ("below", "above")}
        free = [w for w, box in sides.items()
                if hub or few or not discs.hit(box, nid, 0.0 if size <= least else size)]
        options = [(w, sides[w], sides[_OTHER[w]] if _OTHER[w] in free else None) for w in free]
        for where, box, other in options:
            if not any(_hit(box, p[1]) for p in placed.values()):
                placed[nid] = (where, box, other)
                break
        else:   # names in the way move to their node's other side where it is free
            _make_room(nid, options, placed)
    return {nid: p[0] for nid, p in placed.items()}


_OTHER = {"below": "above", "above": "below"}


class _Discs:
    """The nodes' dots in a grid of cells, for "does this box cover a dot of at least
    this size" (a test of every dot for every name made culling quadratic)."""

    def __init__(self, nodes: list) -> None:
        self.cell = max(60.0, 2 * max(n[3] for n in nodes))
        self.grid: dict[tuple[int, int], list] = {}
        for nid, x, y, size, _name, _hub in nodes:
            disc = (nid, size, (x - size, y - size, x + size, y + size))
            for key in self._cells(disc[2]):
                self.grid.setdefault(key, []).append(disc)

    def _cells(self, box: tuple) -> list[tuple[int, int]]:
        c = self.cell
        return [(i, j) for i in range(math.floor(box[0] / c), math.floor(box[2] / c) + 1)
                for j in range(math.floor(box[1] / c), math.floor(box[3] / c) + 1)]

    def hit(self, box: tuple, nid: str, least: float) -> bool:
        """Whether ``box`` covers the dot of a node other than ``nid`` of size ``least`` or more."""
        return any(o != nid and size >= least and _hit(box, d)
                   for key in self._cells(box) for o, size, d in self.grid.get(key, ()))


def _make_room(nid: str, options: list, placed: dict, depth: int = 2) -> None:
    """Place ``nid``'s name at the first of ``options`` where the names in its way can
    move to their node's other side, and the names in the way of those (``depth``
    steps), every name then free of every other; leave it out where none can. (A plan's
    name in the middle of a dense group, and the organisation in the most plans beside
    it, found both sides taken by other plans' names that had room on their other side,
    or would have once a third name moved.)"""
    for where, box, other in options:
        moved = _in_the_way(box, placed, frozenset(), depth)
        if moved is None:
            continue
        final = {o: (p[2] if o in moved else p[1]) for o, p in placed.items()}
        if any(_hit(box, b) for b in final.values()) or any(
                _hit(final[o], b) for o in moved for q, b in final.items() if q != o):
            continue
        for o in moved:
            w, mine, alt = placed[o]
            placed[o] = (_OTHER[w], alt, mine)
        placed[nid] = (where, box, other)
        return


def _in_the_way(box: tuple, placed: dict, moved: frozenset, depth: int) -> set | None:
    """The names to move to their other side (with those in the way there) so that
    ``box`` is free, or None."""
    out = set(moved)
    for o, (_w, mine, alt) in placed.items():
        if o in out or not _hit(box, mine):
            continue
        if depth == 0 or alt is None:
            return None
        out.add(o)
        further = _in_the_way(alt, placed, frozenset(out), depth - 1)
        if further is None:
            return None
        out |= further
    return out


def _hit(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
