"""Network views of a :class:`PartnershipGraph`: what to draw, where, and how.

A view is a frozen :class:`View` (nodes with positions, colours, shapes,
sizes and a plain-text hover with evidence; edges with weights; a legend).
It knows nothing about HTML: :mod:`samspil.viz.render` turns it into a
self-contained page, an iframe fragment, SVG or PNG, and the API returns it
as JSON for the explorer page.

Views:

* :func:`plan_network`: plans and the organisations taking part in them;
* :func:`copartnership`: organisations linked by the number of plans they share;
* :func:`ego`: one node and everything within ``radius`` steps of it;
* :func:`overlap_view`: plan x plan, linked by what they share (``overlaps``);
* :func:`gap_view`: plans and the target groups they name, covered or not by an activity.

Strings from documents are kept as data; every renderer escapes them.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import networkx as nx

from samspil.graph.analyses.common import plan_organisations, resolve_plans
from samspil.graph.lookup import resolve_ref
from samspil.graph.model import PartnershipGraph
from samspil.viz.matrix import Matrix, coverage_matrix_view, overlap_matrix_view
from samspil.viz.layout import cull_labels, positions, stretch_to_canvas
from samspil.viz.style import DEFAULT_EDGE_COLOUR, EDGE_COLOURS, LegendItem, legend_for, node_style

__all__ = ["ViewNode", "ViewEdge", "View", "VIEW_KINDS", "make_view", "plan_network",
           "copartnership", "ego", "overlap_view", "gap_view", "subgraph_view"]

MAX_EVIDENCE_LINES = 5
OVERLAP_BY = ("partners", "target-groups", "activities", "zones")
LINK_LIMIT = 300   # links a first picture may draw and stay legible (co-partnership default)
# the gaps a leader acts on; the activity/contact bookkeeping gaps are in the API and CLI
GAP_VIEW_KINDS = ("plan_without_activities", "unreached_target_group", "zone_without_activity",
                  "focus_area_without_municipal_partner")


@dataclass(frozen=True)
class ViewNode:
    id: str
    name: str
    kind: str                 # graph label: Plan, Organisation, ...
    x: float
    y: float
    size: float
    colour: str
    shape: str
    hover: str                # plain text: kind, name, facts, evidence
    type: str | None = None   # organisation / zone type
    label: bool = True        # draw the name (False: it would overlap a larger node's name)
    label_above: bool = False  # the name above the node (below it another name is in the way)


@dataclass(frozen=True)
class ViewEdge:
    source: str
    target: str
    kind: str                 # relationship type or view edge kind (SHARED_PLANS, GAP, ...)
    weight: float = 1.0
    colour: str = DEFAULT_EDGE_COLOUR
    hover: str = ""


@dataclass(frozen=True)
class View:
    """A drawable network with a stable layout."""

    kind: str
    title: str
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    legend: tuple[LegendItem, ...] = field(default_factory=tuple)
    note: str = ""            # how the view was thinned (and how to change it)
    empty: str = ""           # why nothing is drawn, and what to change
    params: tuple[tuple[str, Any], ...] = ()   # the options used, defaults filled in

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "form": "network", "params": dict(self.params)}

    def _repr_html_(self) -> str:  # Jupyter: one call (just the view) displays it inline
        from samspil.viz.render import to_fragment
        return to_fragment(self)


# -- helpers --------------------------------------------------------------

def _evidence_text(sources: Iterable[dict[str, Any]] | None) -> list[str]:
    out = []
    for s in list(sources or [])[:MAX_EVIDENCE_LINES]:
        loc = s.get("document", "?")
        if s.get("line") is not None:
            loc += f":{s['line']}"
        elif s.get("page") is not None:
            loc += f" p.{s['page']}"
        out.append(f"  {loc}  {s.get('excerpt', '')}".rstrip())
    return out


def node_hover(graph: PartnershipGraph, nid: str, facts: Iterable[str] = ()) -> str:
    d = graph.node(nid)
    lines = [f"{d.get('label')}: {d.get('name') or nid}", *facts]
    for key in ("type", "title", "kind", "municipality", "period_start", "period_end", "units"):
        if d.get(key) not in (None, "", []):
            lines.append(f"{key.replace('_', ' ')}: {d[key]}")
    ev = _evidence_text(d.get("sources"))
    if ev:
        lines += ["evidence:", *ev]
    return "\n".join(lines)


def _size(reach: float, top: float) -> float:
    return round(8 + 22 * math.sqrt(reach / top), 1) if top > 0 else 8.0


def _build(graph: PartnershipGraph, kind: str, title: str, layout_graph: nx.Graph,
           edges: list[ViewEdge], reach: dict[str, float],
           facts: dict[str, list[str]] | None = None) -> View:
    pos = positions(layout_graph)
    top = max(reach.values(), default=0)
    nodes = []
    for nid in sorted(layout_graph.nodes, key=str):
        d = graph.node(nid)
        colour, shape = node_style(d["label"], d.get("type"))
        x, y = pos[nid]
        nodes.append(ViewNode(nid, d.get("name") or nid, d["label"], x, y,
                              _size(reach.get(nid, 0), top), colour, shape,
                              node_hover(graph, nid, (facts or {}).get(nid, ())),
                              d.get("type") if d["label"] in ("Organisation", "Zone") else None))
    by_links = sorted(nodes, key=lambda n: (-layout_graph.degree(n.id), n.id))  # (of one size: most links first)
    shown = cull_labels(_label_items(by_links))
    fx, fy = stretch_to_canvas(_label_items(by_links), shown)
    if (fx, fy) != (1.0, 1.0):   # the drawing in the canvas' proportions, its names culled again
        nodes = [replace(n, x=round(n.x * fx, 1), y=round(n.y * fy, 1)) for n in nodes]
        by_links = sorted(nodes, key=lambda n: (-layout_graph.degree(n.id), n.id))
        shown = cull_labels(_label_items(by_links))
    nodes = [replace(n, label=n.id in shown, label_above=shown.get(n.id) == "above") for n in nodes]
    kinds = {(n.kind, n.type if n.kind == "Organisation" else None) for n in nodes}
    legend = legend_for(kinds, {e.kind for e in edges})
    return View(kind, title, tuple(nodes), tuple(edges), legend)


def _label_items(nodes: list[ViewNode]) -> list[tuple[str, float, float, float, str, bool]]:
    return [(n.id, n.x, n.y, n.size, n.name, n.kind == "Plan") for n in nodes]


# -- views ----------------------------------------------------------------

def plan_network(graph: PartnershipGraph, plans: Iterable[str] | None = None) -> View:
    """Plans and the organisations taking part in them (party, partner, activity partner).

    Organisations are sized by the number of plans they take part in; plans by
    their number of organisations.
    """
    pids = resolve_plans(graph, plans)
    lg = nx.Graph()
    edges: list[ViewEdge] = []
    reach: dict[str, float] = {}
    for pid in pids:
        lg.add_node(pid)
        orgs = plan_organisations(graph, pid)
        reach[pid] = len(orgs)
        for oid, roles in sorted(orgs.items()):
            lg.add_edge(oid, pid)
            reach[oid] = reach.get(oid, 0) + 1
            rel = "PARTY_TO" if "party" in roles else "PARTNER_IN"
            edges.append(ViewEdge(oid, pid, rel, 2.0 if rel == "PARTY_TO" else 1.0,
                                  EDGE_COLOURS[rel], f"{', '.join(roles)}"))
    facts = {n: [f"plans: {int(reach[n])}"] for n in lg if graph.node(n)["label"] != "Plan"}
    return _build(graph, "plan-network", "Plans and partners", lg, edges, reach, facts)


def copartnership(graph: PartnershipGraph, plans: Iterable[str] | None = None,
                  min_shared: int | None = None) -> View:
    """Organisations linked when they take part in the same plans (weight = shared plans;
    ``samspil.graph.analyses.organisation_projection``). ``min_shared`` None: the
    smallest threshold that keeps the links under :data:`LINK_LIMIT`."""
    from samspil.graph.analyses import organisation_projection

    if plans:
        keep = set(resolve_plans(graph, plans))
        graph = graph.subgraph(n for n, d in graph.nodes() if d["label"] != "Plan" or n in keep)
    proj = organisation_projection(graph, by="plans")
    weights = sorted(proj.edges(data="weight"))
    if sum(1 for _n, d in graph.nodes() if d["label"] == "Plan") < 2:
        weights = []          # in one plan every organisation shares it with every other
    auto = min_shared is None
    if auto:
        min_shared = legible_threshold([w for _u, _v, w in weights])
    lg = nx.Graph()
    lg.add_nodes_from(proj.nodes)
    edges = []
    for u, v, w in weights:
        if w >= min_shared:
            lg.add_edge(u, v)
            edges.append(ViewEdge(u, v, "SHARED_PLANS", float(w), EDGE_COLOURS["SHARED_PLANS"],
                                  f"{w} shared plan(s)"))
    if min_shared > 1:   # only the organisations that still have a link
        lg.remove_nodes_from([o for o in list(lg) if lg.degree(o) == 0])
    reach = {o: float(proj.degree(o, weight="weight")) for o in lg}
    facts = {o: [f"co-partners: {lg.degree(o)}"] for o in lg}
    view = _build(graph, "copartnership", "Organisations by shared plans", lg, edges, reach, facts)
    note = (f"organisations sharing {min_shared}+ plans" if min_shared > 1 else "organisations sharing a plan") \
        + ("" if not auto else f", the fewest that keep it under {LINK_LIMIT} links"
           if len(edges) <= LINK_LIMIT else
           f"; no two share {min_shared + 1} or more, so all {len(edges)} links are drawn: "
           "choose fewer plans for a lighter picture")
    empty = "" if edges else _copartnership_empty(graph, weights, min_shared)
    return replace(view, note=note, empty=empty, params=(("min_shared", min_shared),))


def _copartnership_empty(graph: PartnershipGraph, weights: list, k: int) -> str:
    n_plans = sum(1 for _n, d in graph.nodes() if d["label"] == "Plan")
    if n_plans < 2:
        return ("Co-partnership needs two or more plans: in one plan every organisation shares "
                "it with every other. Choose more plans, or open “Plans and partners”.")
    below = sum(1 for _u, _v, w in weights if w >= k - 1) if k > 1 else 0
    if below:
        return (f"No two organisations share {k} or more of the chosen plans; at {k - 1} the "
                f"picture would have {below} links. Choose other plans, or set “at least … "
                f"shared” to {k - 1}.")
    return "No two organisations share a plan: choose more plans."


def legible_threshold(weights: list[float]) -> int:
    """The smallest ``min_shared`` that keeps at most :data:`LINK_LIMIT` links (at least
    1), but never above the most plans any two organisations share: a first picture
    that could show links is never empty (above :data:`LINK_LIMIT` links then).

    >>> legible_threshold([1] * 500 + [2] * 100 + [3] * 10)
    2
    >>> legible_threshold([1] * 766)       # no two share 2 plans: all 766, not an empty picture
    1
    >>> legible_threshold([1] * 400 + [2] * 301)
    2
    """
    k, most = 1, max(weights, default=1)
    while k < most and sum(1 for w in weights if w >= k) > LINK_LIMIT:
        k += 1
    return k


def ego(graph: PartnershipGraph, ref: str, radius: int = 1) -> View:
    """One node (id, name or prefix) and its neighbourhood of ``radius`` steps. Above
    :data:`LINK_LIMIT` links, the centre's own links are kept and the links among its
    neighbours thinned (the note says how many are left out)."""
    center = resolve_ref(graph, ref)    # candidates told apart by where they belong
    und = graph.g.to_undirected(as_view=True)
    near = nx.single_source_shortest_path_length(und, center, cutoff=max(0, radius))
    view = subgraph_view(graph, near, kind="ego",
                         title=f"Network of {graph.node(center).get('name') or center}")
    if len(view.edges) <= LINK_LIMIT:
        return view
    own = [e for e in view.edges if center in (e.source, e.target)]
    rest = sorted((e for e in view.edges if center not in (e.source, e.target)),
                  key=lambda e: (near[e.source] + near[e.target], e.source, e.target, e.kind))
    kept = own + rest[:max(0, LINK_LIMIT - len(own))]
    note = (f"{len(view.edges) - len(kept)} of the {len(view.edges)} links among the neighbours "
            "left out to keep the picture legible; open a neighbour's network for its links")
    return replace(view, edges=tuple(kept), note=note, params=(("radius", radius),))


def subgraph_view(graph: PartnershipGraph, node_ids: Iterable[str], *, kind: str = "subgraph",
                  title: str = "Subgraph") -> View:
    """Any set of nodes with every relationship between them (sized by degree)."""
    keep = set(node_ids)
    lg = nx.Graph()
    lg.add_nodes_from(sorted(keep, key=str))
    edges = []
    for u, v, d in graph.edges():
        if u in keep and v in keep:
            lg.add_edge(u, v)
            edges.append(ViewEdge(u, v, d["type"], 1.0, EDGE_COLOURS.get(d["type"], DEFAULT_EDGE_COLOUR),
                                  "\n".join([d["type"].replace("_", " ").lower(),
                                             *_evidence_text(d.get("sources"))])))
    reach = {n: float(lg.degree(n)) for n in lg}
    return _build(graph, kind, title, lg, edges, reach)


def overlap_view(graph: PartnershipGraph, by: str = "partners",
                 plans: Iterable[str] | None = None, min_shared: int = 1) -> View:
    """Plan x plan: an edge per pair of plans sharing partners / target groups / kinds / zones."""
    from samspil.graph.analyses import overlaps

    pids = resolve_plans(graph, plans)
    lg = nx.Graph()
    lg.add_nodes_from(pids)
    edges = []
    for o in overlaps(graph, by=by, plans=pids, min_shared=min_shared):
        u, v = o.id
        lg.add_edge(u, v)
        edges.append(ViewEdge(u, v, "OVERLAP", float(o.shared_count), EDGE_COLOURS["OVERLAP"],
                              f"{o.shared_count} shared {by} (Jaccard {o.jaccard:.2f}):\n  "
                              + "\n  ".join(o.shared_names[:15])))
    reach = {p: float(sum(e.weight for e in edges if p in (e.source, e.target))) for p in pids}
    return _build(graph, "overlap", f"Plan overlaps by {by}", lg, edges, reach)


def gap_view(graph: PartnershipGraph, plans: Iterable[str] | None = None,
             kinds: Iterable[str] | None = None) -> View:
    """Plans and what they leave uncovered (``samspil.graph.analyses.gaps``): a red link
    from a plan to each target group, focus area, zone, activity, party or contact with a
    gap, the reason on hover; green links to the target groups its activities do reach."""
    from samspil.graph.analyses import gaps

    pids = resolve_plans(graph, plans)
    kinds = list(kinds) if kinds else list(GAP_VIEW_KINDS)
    lg = nx.Graph()
    lg.add_nodes_from(pids)
    edges: list[ViewEdge] = []
    reasons: dict[tuple[str, str], list[str]] = {}
    for gp in gaps(graph, plans=pids, kinds=kinds):
        reasons.setdefault((gp.plan, gp.id), []).append(f"{gp.kind.replace('_', ' ')}: {gp.reason}")
    for (pid, nid), why in sorted(reasons.items()):
        if nid == pid:
            continue
        lg.add_edge(pid, nid)
        edges.append(ViewEdge(pid, nid, "GAP", 2.0, EDGE_COLOURS["GAP"], "\n".join(why)))
    for pid in pids:
        for tid in sorted({t for a in graph.out(pid, "HAS_ACTIVITY") for t in graph.out(a, "TARGETS")}):
            if (pid, tid) not in reasons:
                lg.add_edge(pid, tid)
                edges.append(ViewEdge(pid, tid, "COVERED", 1.0, EDGE_COLOURS["COVERED"],
                                      "targeted by an activity of the plan"))
    count = {p: sum(1 for (q, _n) in reasons if q == p) for p in pids}
    facts = {p: [f"gaps: {count[p]}"] + [w for (q, n), ws in reasons.items() if q == p == n for w in ws]
             for p in pids}
    reach = {n: float(lg.degree(n)) for n in lg}
    return _build(graph, "gaps", "Gaps: what plans name but do not cover", lg, edges, reach, facts)


VIEW_KINDS = {
    "plan-network": plan_network,
    "copartnership": copartnership,
    "ego": ego,
    "overlap": overlap_view,
    "gaps": gap_view,
}


def make_view(graph: PartnershipGraph, kind: str, *, form: str | None = None,
              **kwargs: Any) -> View | Matrix:
    """Dispatch by view name (used by the CLI, the API and the explorer alike).

    ``overlap`` and ``gaps`` are matrices (:mod:`samspil.viz.matrix`) unless ``form``
    is ``"network"``; ``by`` picks the overlap dimension or the gap matrix's columns.
    """
    try:
        fn = VIEW_KINDS[kind]
    except KeyError:
        from samspil.loaders.errors import NotFound
        raise NotFound(f"no view {kind!r}; choose one of {', '.join(VIEW_KINDS)}") from None
    kwargs = {k: v for k, v in kwargs.items() if v is not None}
    if form not in (None, "matrix", "network"):
        from samspil.loaders.errors import InputError
        raise InputError(f"no form {form!r}; choose matrix or network")
    if kind == "overlap" and kwargs.get("by", "partners") not in OVERLAP_BY:
        from samspil.loaders.errors import InputError
        raise InputError(f"overlaps are by {', '.join(OVERLAP_BY)}, not {kwargs['by']!r}")
    if kind in ("overlap", "gaps") and form != "network":
        if kind == "overlap":
            return overlap_matrix_view(graph, **kwargs)
        kwargs.pop("min_shared", None)
        return coverage_matrix_view(graph, **kwargs)
    if kind == "gaps":
        kwargs.pop("by", None)
    view = fn(graph, **kwargs)
    if not view.nodes and not view.empty:
        view = replace(view, empty="Nothing to draw: no plan chosen, or the chosen plans have "
                                   "nothing of this kind. Choose more plans or another view.")
    return view
