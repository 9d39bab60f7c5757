"""Shared partners: the organisations and contact persons that plans have in common.

An organisation is *in* a plan when it is a signing party (PARTY_TO), a partner
(PARTNER_IN, e.g. a party of a delaftale) or an activity partner (INVOLVED_IN an
activity of the plan). A contact person is in a plan when CONTACT_FOR it.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from samspil.graph.analyses.common import (
    edge_sources, evidence_of, name_of, plan_roles, pred, resolve_plans, succ,
)
from samspil.graph.model import PartnershipGraph
from samspil.loaders.errors import InvalidQuery

__all__ = ["PlanRole", "SharedPartner", "shared_partners"]


@dataclass(frozen=True)
class PlanRole:
    """How one organisation or person takes part in one plan."""

    plan: str
    plan_name: str
    roles: tuple[str, ...]          # party, partner, activity_partner, contact
    activities: tuple[str, ...]     # activity ids it is involved in
    activity_names: tuple[str, ...]


@dataclass(frozen=True)
class SharedPartner:
    """An organisation or a person that takes part in at least two of the plans."""

    id: str
    name: str
    label: str                       # Organisation or Person
    plan_count: int
    plans: tuple[PlanRole, ...]
    evidence: tuple[dict[str, Any], ...]


def shared_partners(graph: PartnershipGraph, plans: Iterable[str] | None = None,
                    min_plans: int | None = None) -> list[SharedPartner]:
    """Organisations and contact persons shared by the given plans.

    Parameters
    ----------
    graph : PartnershipGraph
        The loaded graph; not modified.
    plans : iterable of str, optional
        Plan ids, names or unambiguous prefixes. All plans when empty.
    min_plans : int, optional
        Report an entity when it is in at least this many of the plans. Default:
        all of them when two or three plans are given, else 2.

    Returns
    -------
    list of SharedPartner
        Most shared first, then by name. Each lists its roles and activities per plan.

    Raises
    ------
    NotFound, Ambiguous
        When a plan reference names no plan or several.
    InvalidQuery
        When plans are given but they name fewer than two plans.

    Examples
    --------
    >>> g = PartnershipGraph()
    >>> for p in ("plan:a", "plan:b"):
    ...     g.add_node(p, "Plan", p[5:].upper())
    >>> g.add_node("org:kk", "Organisation", "Københavns Kommune")
    >>> g.add_edge("org:kk", "plan:a", "PARTY_TO")
    >>> g.add_edge("org:kk", "plan:b", "PARTNER_IN", role="partner")
    >>> [(s.name, [p.roles for p in s.plans]) for s in shared_partners(g, ["A", "B"])]
    [('Københavns Kommune', [('party',), ('partner',)])]
    """
    plans = list(plans or [])
    pids = resolve_plans(graph, plans)
    if plans and len(pids) < 2:
        raise InvalidQuery(f"partners are shared between plans: name at least two plans, or none for "
                           f"all plans (given: {', '.join(plans)})")
    if min_plans is None:
        min_plans = len(pids) if len(pids) <= 3 else 2
    min_plans = max(2, min(min_plans, len(pids))) if len(pids) >= 2 else 1
    order = {p: i for i, p in enumerate(pids)}
    roles = {p: plan_roles(graph, p) for p in pids}
    counts: dict[str, int] = {}
    for pid in pids:
        for nid in [*roles[pid], *set(pred(graph, pid, "CONTACT_FOR"))]:
            counts[nid] = counts.get(nid, 0) + 1
    out = []
    for nid, n in counts.items():
        if n < min_plans:
            continue
        if graph.node(nid)["label"] == "Person":
            out.append(_person_row(graph, nid, set(pids), order))
        else:
            out.append(_org_row(graph, nid, pids, roles))
    out.sort(key=lambda s: (-s.plan_count, s.label != "Organisation", s.name.casefold(), s.id))
    return out


def _org_row(graph: PartnershipGraph, oid: str, pids: list[str],
             roles: dict[str, dict[str, dict[str, Any]]]) -> SharedPartner:
    rows, sources = [], []
    for pid in pids:
        r = roles[pid].get(oid)
        if r is None:
            continue
        acts = tuple(sorted(set(r["activities"])))
        rows.append(PlanRole(pid, name_of(graph, pid), tuple(r["roles"]), acts,
                             tuple(name_of(graph, a) for a in acts)))
        sources.append(r["sources"])
    return SharedPartner(oid, name_of(graph, oid), "Organisation", len(rows), tuple(rows),
                         evidence_of(*sources))


def _person_row(graph: PartnershipGraph, person: str, wanted: set[str],
                order: dict[str, int]) -> SharedPartner:
    pids = sorted((p for p in set(succ(graph, person, "CONTACT_FOR")) if p in wanted),
                  key=order.__getitem__)
    rows = tuple(PlanRole(p, name_of(graph, p), ("contact",), (), ()) for p in pids)
    ev = evidence_of(*(edge_sources(graph, person, p, "CONTACT_FOR") for p in pids),
                     graph.node(person).get("sources") or [])
    return SharedPartner(person, name_of(graph, person), "Person", len(rows), rows, ev)
