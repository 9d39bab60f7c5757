"""Overlaps between plans: plan x plan by partners, target groups, activity kinds or zones.

Each dimension is a bipartite graph *plan -- item*; the plan x plan overlap is
its projection onto the plans (``networkx.algorithms.bipartite.projected_graph``),
weighted by the number of shared items and by their Jaccard index
``|A & B| / |A | B|``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
from networkx.algorithms import bipartite

from samspil.graph.analyses.common import (
    activity_kind, edge_sources, evidence_of, name_of, org_roles, plan_activities,
    resolve_plans,
)
from samspil.graph.model import PartnershipGraph

__all__ = ["DIMENSIONS", "PlanOverlap", "OrganisationReach", "plan_items", "overlaps",
           "organisations_in_most_plans"]

DIMENSIONS = ("partners", "target-groups", "activities", "zones")


@dataclass(frozen=True)
class PlanOverlap:
    """What two plans share along one dimension (``id``/``name``: the two plans)."""

    id: tuple[str, str]
    name: tuple[str, str]
    by: str
    shared_count: int
    jaccard: float
    shared: tuple[str, ...]          # ids of organisations, target groups, kinds or zones
    shared_names: tuple[str, ...]
    evidence: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class OrganisationReach:
    """An organisation and the plans it takes part in."""

    id: str
    name: str
    type: str | None
    plan_count: int
    plans: tuple[str, ...]
    plan_names: tuple[str, ...]
    roles: tuple[str, ...]
    evidence: tuple[dict[str, Any], ...]


def plan_items(graph: PartnershipGraph, plan_id: str, by: str) -> dict[str, list[dict]]:
    """The items of one plan along a dimension, each with the sources that link them.

    ``partners``: organisation ids (any role); ``target-groups``: target groups the
    plan addresses or its activities target; ``activities``: activity kinds
    (``kind:<name>``); ``zones``: zones the plan covers or its activities are in.
    """
    out: dict[str, list[dict]] = {}
    acts = plan_activities(graph, plan_id)
    if by == "partners":
        pairs = [(o, plan_id, rel) for rel in ("PARTY_TO", "PARTNER_IN")
                 for o in graph.into(plan_id, rel)]
        pairs += [(o, a, "INVOLVED_IN") for a in acts for o in graph.into(a, "INVOLVED_IN")]
        for o, target, rel in pairs:
            out.setdefault(o, []).extend(edge_sources(graph, o, target, rel))
        return out
    if by == "target-groups":
        pairs = [(plan_id, t, "ADDRESSES") for t in graph.out(plan_id, "ADDRESSES")]
        pairs += [(a, t, "TARGETS") for a in acts for t in graph.out(a, "TARGETS")]
    elif by == "zones":
        pairs = [(plan_id, z, "COVERS") for z in graph.out(plan_id, "COVERS")]
        pairs += [(a, z, "LOCATED_IN") for a in acts for z in graph.out(a, "LOCATED_IN")]
    elif by == "activities":
        for a in acts:
            kind = activity_kind(graph, a)
            if kind:
                out.setdefault("kind:" + kind, []).extend(graph.node(a).get("sources") or [])
        return out
    else:
        raise ValueError(f"unknown overlap dimension {by!r}; use one of {', '.join(DIMENSIONS)}")
    for u, item, rel in pairs:
        out.setdefault(item, []).extend(edge_sources(graph, u, item, rel))
    return out


def overlaps(graph: PartnershipGraph, by: str = "partners",
             plans: Iterable[str] | None = None, min_shared: int = 1) -> list[PlanOverlap]:
    """Plan x plan overlaps along one dimension, most shared first.

    Parameters
    ----------
    graph : PartnershipGraph
        The loaded graph; not modified.
    by : {"partners", "target-groups", "activities", "zones"}
        What to compare.
    plans : iterable of str, optional
        Restrict to these plans (ids, names or prefixes); all plans when empty.
    min_shared : int
        Leave out pairs that share fewer items.

    Returns
    -------
    list of PlanOverlap
        One per pair of plans sharing at least ``min_shared`` items.

    Examples
    --------
    >>> g = PartnershipGraph()
    >>> for p in ("plan:a", "plan:b"):
    ...     g.add_node(p, "Plan", p[5:])
    >>> for o in ("org:x", "org:y", "org:z"):
    ...     g.add_node(o, "Organisation", o[4:])
    >>> for o, p in [("org:x", "plan:a"), ("org:y", "plan:a"), ("org:x", "plan:b"),
    ...              ("org:z", "plan:b")]:
    ...     g.add_edge(o, p, "PARTY_TO")
    >>> [(o.id, o.shared, round(o.jaccard, 3)) for o in overlaps(g)]
    [(('plan:a', 'plan:b'), ('org:x',), 0.333)]
    """
    pids = resolve_plans(graph, plans)
    items = {p: plan_items(graph, p, by) for p in pids}
    b = nx.Graph()
    b.add_nodes_from(pids, bipartite=0)
    for p, its in items.items():
        b.add_edges_from((p, ("item", i)) for i in its)
    proj = bipartite.projected_graph(b, pids)
    order = {p: i for i, p in enumerate(pids)}
    out = []
    for u, v in proj.edges():
        if order[u] > order[v]:
            u, v = v, u
        a, c = items[u].keys(), items[v].keys()
        shared = sorted(a & c)
        if len(shared) < min_shared:
            continue
        out.append(PlanOverlap(
            (u, v), (name_of(graph, u), name_of(graph, v)), by, len(shared),
            len(shared) / len(a | c), tuple(shared),
            tuple(_item_name(graph, i) for i in shared),
            evidence_of(*(items[p][i] for i in shared for p in (u, v)))))
    out.sort(key=lambda o: (-o.shared_count, -o.jaccard, order[o.id[0]], order[o.id[1]]))
    return out


def _item_name(graph: PartnershipGraph, item: str) -> str:
    return item[5:] if item.startswith("kind:") else name_of(graph, item)


def organisations_in_most_plans(graph: PartnershipGraph, limit: int | None = 10,
                                plans: Iterable[str] | None = None) -> list[OrganisationReach]:
    """Organisations ranked by the number of plans they take part in.

    Examples
    --------
    >>> g = PartnershipGraph()
    >>> for p in ("plan:a", "plan:b"):
    ...     g.add_node(p, "Plan", p[5:])
    >>> g.add_node("org:kk", "Organisation", "KK", type="municipality")
    >>> g.add_edge("org:kk", "plan:a", "PARTY_TO"); g.add_edge("org:kk", "plan:b", "PARTY_TO")
    >>> [(r.name, r.plan_count) for r in organisations_in_most_plans(g)]
    [('KK', 2)]
    """
    wanted = set(resolve_plans(graph, plans))
    out = []
    for oid, d in graph.nodes("Organisation"):
        roles = {p: r for p, r in org_roles(graph, oid).items() if p in wanted}
        if not roles:
            continue
        pids = tuple(sorted(roles))
        all_roles = tuple(r for r in ("party", "partner", "activity_partner")
                          if any(r in roles[p]["roles"] for p in pids))
        out.append(OrganisationReach(
            oid, d.get("name") or oid, d.get("type"), len(pids), pids,
            tuple(name_of(graph, p) for p in pids), all_roles,
            evidence_of(*(roles[p]["sources"] for p in pids))))
    out.sort(key=lambda r: (-r.plan_count, r.name.casefold(), r.id))
    return out[:limit] if limit else out
