"""Gaps: what a plan promises or names but its activities and contacts do not cover.

Each gap says *why* it is a gap. The kinds, in the order they are reported:

``plan_without_activities``
    no activity of the plan is in the loaded documents (activities are agreed in
    the delaftaler, which may not be loaded). Reported instead of the checks that
    compare what the plan names with its activities (target groups, focus areas,
    zones, parties), which would otherwise list everything the plan names;
``unreached_target_group``
    a target group the plan names in its problem descriptions or goals
    (Plan -ADDRESSES-> TargetGroup) that no activity of the plan TARGETS;
``focus_area_without_municipal_partner``
    a focus area (indsatsområde) of the plan in which no activity involves a
    municipality, a municipal unit or a unit of one;
``activity_without_partner``
    an activity with no INVOLVED_IN organisation;
``activity_without_contact``
    an activity with no contact person: none linked to it, and no contact
    person of the plan WORKS_AT one of its partners (a parent or a unit of one
    counts too);
``zone_without_activity``
    a zone the plan COVERS in which no activity of the plan is LOCATED_IN
    (directly or in one of its sub-zones);
``party_without_activity``
    a signing party of the plan (PARTY_TO) that is involved in none of its activities;
``partner_without_activity``
    a partner the plan names (PARTNER_IN, not a signing party) that is involved in
    none of its activities;
``contact_without_details``
    a contact person of the plan without e-mail or without phone;
``stale_contact``
    a contact person of a plan whose period has ended (and of no running plan),
    or the plan itself when it names no contact person.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from samspil.graph.analyses.common import (
    edge_sources, evidence_of, municipal_organisations, name_of, parse_date,
    plan_activities, pred, rel_pairs, resolve_plans, succ,
)
from samspil.graph.model import PartnershipGraph

__all__ = ["GAP_KINDS", "Gap", "gaps"]

GAP_KINDS = (
    "plan_without_activities", "unreached_target_group", "focus_area_without_municipal_partner",
    "activity_without_partner", "activity_without_contact", "zone_without_activity",
    "party_without_activity", "partner_without_activity", "contact_without_details",
    "stale_contact",
)


@dataclass(frozen=True)
class Gap:
    """One gap of one plan; ``id``/``name``/``label`` name the entity it is about."""

    kind: str
    plan: str
    plan_name: str
    id: str
    name: str
    label: str
    reason: str
    evidence: tuple[dict[str, Any], ...]


def gaps(graph: PartnershipGraph, plans: Iterable[str] | None = None,
         kinds: Iterable[str] | None = None, today: date | None = None) -> list[Gap]:
    """The gaps of the given plans (all plans when empty).

    Parameters
    ----------
    graph : PartnershipGraph
        The loaded graph; not modified.
    plans : iterable of str, optional
        Plan ids, names or unambiguous prefixes.
    kinds : iterable of str, optional
        Only these kinds of :data:`GAP_KINDS`.
    today : datetime.date, optional
        The date that decides whether a period has ended; default today.

    Examples
    --------
    >>> g = PartnershipGraph()
    >>> g.add_node("plan:p", "Plan", "P", period_end="2016-12-31")
    >>> g.add_node("target:youth", "TargetGroup", "youth", category="youth")
    >>> g.add_edge("plan:p", "target:youth", "ADDRESSES", phrases=["unge"])
    >>> [(x.kind, x.id) for x in gaps(g, kinds=["unreached_target_group"])]
    [('unreached_target_group', 'target:youth')]
    """
    wanted = tuple(kinds or GAP_KINDS)
    bad = [k for k in wanted if k not in GAP_KINDS]
    if bad:
        raise ValueError(f"unknown gap kind(s) {bad}; use {', '.join(GAP_KINDS)}")
    today = today or date.today()
    shared = _Shared(graph)
    out: list[Gap] = []
    for pid in resolve_plans(graph, plans):
        ctx = _PlanContext(graph, pid, today, shared)
        explained = not ctx.acts and "plan_without_activities" in wanted
        for kind in wanted:
            if not (explained and kind in _NEED_ACTIVITIES):
                out.extend(getattr(ctx, kind)())
    return out


# checks that compare what a plan names with its activities: without any activity
# each would list everything the plan names
_NEED_ACTIVITIES = frozenset(("unreached_target_group", "focus_area_without_municipal_partner",
                              "zone_without_activity", "party_without_activity",
                              "partner_without_activity"))


class _Shared:
    """Facts every plan's checks need, read once per call: organisations and persons
    recur across plans, and an organisation in most plans has thousands of edges, so
    filtering its neighbours per plan would make the checks quadratic in plans."""

    def __init__(self, graph: PartnershipGraph) -> None:
        self.municipal = municipal_organisations(graph)
        self.parents: dict[str, list[str]] = {}          # unit -> parent organisations
        self.units: dict[str, list[str]] = {}            # parent -> its units
        for u, v in rel_pairs(graph, "UNIT_OF"):
            self.parents.setdefault(u, []).append(v)
            self.units.setdefault(v, []).append(u)
        self.works_at: dict[str, list[str]] = {}
        for u, v in rel_pairs(graph, "WORKS_AT"):
            self.works_at.setdefault(u, []).append(v)
        self.containers: dict[str, frozenset[str]] = {}  # zone -> zones containing it
        self.running: dict[str, bool] = {}               # person -> contact of a running plan


class _PlanContext:
    """The facts about one plan that the gap checks share (computed once)."""

    def __init__(self, graph: PartnershipGraph, pid: str, today: date, shared: _Shared) -> None:
        self.g, self.pid, self.today, self.s = graph, pid, today, shared
        self.municipal, self.containers, self.running = (shared.municipal, shared.containers,
                                                         shared.running)
        self.pname = name_of(graph, pid)
        self.acts = plan_activities(graph, pid)

    def gap(self, kind: str, nid: str, reason: str, *sources: Iterable[dict]) -> Gap:
        d = self.g.node(nid)
        return Gap(kind, self.pid, self.pname, nid, d.get("name") or nid, d["label"], reason,
                   evidence_of(*sources))

    def plan_without_activities(self) -> list[Gap]:
        if self.acts:
            return []
        docs = sorted(self.g.node(self.pid).get("documents") or [])
        named = [n for n, rel in (("target groups", "ADDRESSES"), ("focus areas", "HAS_FOCUS_AREA"),
                                  ("zones", "COVERS")) if succ(self.g, self.pid, rel)]
        why = ("no activity of the plan is in the loaded documents"
               + (f" ({', '.join(docs)})" if docs else "")
               + "; activities are agreed in the delaftaler (sub-agreements): load them to check "
               + ("its " + _and(named) if named else "what the plan names")
               + " against its activities")
        return [self.gap("plan_without_activities", self.pid, why,
                         self.g.node(self.pid).get("sources") or [])]

    def unreached_target_group(self) -> list[Gap]:
        reached = {t for a in self.acts for t in succ(self.g, a, "TARGETS")}
        out = []
        for t in succ(self.g, self.pid, "ADDRESSES"):
            if t in reached:
                continue
            e = self.g.g.edges[self.pid, t, "ADDRESSES"]
            said = ", ".join(f"'{p}'" for p in (e.get("phrases") or [])[:3])
            acts = (f"none of its {len(self.acts)} activities targets it" if self.acts
                    else "the graph holds no activity of the plan")
            why = (f"the plan names it{' as ' + said if said else ''} in its problem "
                   f"descriptions or goals, but {acts}")
            out.append(self.gap("unreached_target_group", t, why, e.get("sources") or []))
        return out

    def focus_area_without_municipal_partner(self) -> list[Gap]:
        areas: dict[str, list[str]] = {f: [] for f in succ(self.g, self.pid, "HAS_FOCUS_AREA")}
        for a in self.acts:
            for f in succ(self.g, a, "IN_FOCUS_AREA"):
                areas.setdefault(f, []).append(a)
        out = []
        for f, acts in areas.items():
            orgs = {o for a in acts for o in pred(self.g, a, "INVOLVED_IN")}
            if orgs & self.municipal:
                continue
            why = (f"none of its {len(acts)} activities involves a municipal partner" if acts
                   else "the plan has no activity in this focus area, so no municipal partner")
            if orgs:
                names = sorted(name_of(self.g, o) for o in orgs)[:5]
                why += " (partners: " + ", ".join(names) + ")"
            out.append(self.gap("focus_area_without_municipal_partner", f, why,
                                edge_sources(self.g, self.pid, f, "HAS_FOCUS_AREA"),
                                *(self.g.node(a).get("sources") or [] for a in acts)))
        return out

    def activity_without_partner(self) -> list[Gap]:
        return [self.gap("activity_without_partner", a, "no organisation is named as involved",
                         self.g.node(a).get("sources") or [])
                for a in self.acts if not pred(self.g, a, "INVOLVED_IN")]

    def activity_without_contact(self) -> list[Gap]:
        # organisations (and their parents) where a contact person of the plan works
        staffed = {o for p in pred(self.g, self.pid, "CONTACT_FOR")
                   for o in self.s.works_at.get(p, ())}
        staffed |= {parent for o in staffed for parent in self.s.parents.get(o, ())}
        out = []
        for a in self.acts:
            partners = set(pred(self.g, a, "INVOLVED_IN"))
            parents = {q for o in partners for q in self.s.parents.get(o, ())}
            if _has_contact(self.g, a) or (partners | parents) & staffed:
                continue
            why = ("no contact person is named for it, nor at any of its partners"
                   if partners else "no contact person and no partner is named for it")
            out.append(self.gap("activity_without_contact", a, why,
                                self.g.node(a).get("sources") or []))
        return out

    def zone_without_activity(self) -> list[Gap]:
        named = {z for a in self.acts for z in succ(self.g, a, "LOCATED_IN")}
        reached = set(named)
        for z in named:       # an activity in a sub-zone also reaches the zones containing it
            if z not in self.containers:
                self.containers[z] = _containers(self.g, z)
            reached |= self.containers[z]
        return [self.gap("zone_without_activity", z,
                         "the plan covers it, but no activity names it or a part of it",
                         edge_sources(self.g, self.pid, z, "COVERS"))
                for z in succ(self.g, self.pid, "COVERS") if z not in reached]

    def party_without_activity(self) -> list[Gap]:
        return self._idle("PARTY_TO", "party_without_activity", "a signing party", ())

    def partner_without_activity(self) -> list[Gap]:
        parties = set(pred(self.g, self.pid, "PARTY_TO"))   # reported as parties
        return self._idle("PARTNER_IN", "partner_without_activity", "a partner", parties)

    def _idle(self, rel: str, kind: str, role: str, skip: Iterable[str]) -> list[Gap]:
        involved = {o for a in self.acts for o in pred(self.g, a, "INVOLVED_IN")}
        out = []
        for o in pred(self.g, self.pid, rel):
            if o in skip or o in involved or any(u in involved for u in self.s.units.get(o, ())):
                continue
            out.append(self.gap(kind, o, f"{role} of the plan, but involved in none of its "
                                         "activities", edge_sources(self.g, o, self.pid, rel)))
            involved.add(o)
        return out

    def contact_without_details(self) -> list[Gap]:
        out = []
        for p in sorted(set(pred(self.g, self.pid, "CONTACT_FOR"))):
            d = self.g.node(p)
            missing = [w for w, k in (("e-mail", "email"), ("phone", "phone")) if not d.get(k)]
            if missing:
                out.append(self.gap("contact_without_details", p, "no " + " and no ".join(missing),
                                    edge_sources(self.g, p, self.pid, "CONTACT_FOR"),
                                    d.get("sources") or []))
        return out

    def stale_contact(self) -> list[Gap]:
        end = parse_date(self.g.node(self.pid).get("period_end"))
        if end is None or end >= self.today:
            return []
        people = sorted(set(pred(self.g, self.pid, "CONTACT_FOR")))
        if not people:
            return [self.gap("stale_contact", self.pid,
                             f"the plan period ended on {end.isoformat()} and it names no contact",
                             self.g.node(self.pid).get("sources") or [])]
        out = []
        for p in people:
            if p not in self.running:
                self.running[p] = any(
                    (parse_date(self.g.node(q).get("period_end")) or date.max) >= self.today
                    for q in succ(self.g, p, "CONTACT_FOR"))
            if self.running[p]:
                continue
            out.append(self.gap("stale_contact", p,
                                f"contact of a plan whose period ended on {end.isoformat()}; "
                                "check the person still holds the role",
                                edge_sources(self.g, p, self.pid, "CONTACT_FOR")))
        return out


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _has_contact(graph: PartnershipGraph, activity: str) -> bool:
    """An activity has a contact when a Person is linked to it or it lists ``contacts``."""
    if graph.node(activity).get("contacts"):
        return True
    nodes = graph.g._node
    return any(nodes[n].get("label") == "Person"
               for adj in (graph.g._pred, graph.g._succ) for n in adj[activity])


def _containers(graph: PartnershipGraph, zone: str) -> frozenset[str]:
    out: set[str] = set()
    todo = [zone]
    while todo:
        for z in succ(graph, todo.pop(), "PART_OF"):
            if z not in out:
                out.add(z)
                todo.append(z)
    return out
