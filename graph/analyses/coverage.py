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
    municipality, a municipal unit or a unit of one, a school or a daycare institution
    (Danish folkeskoler and dagtilbud are the municipality's);
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

The checks read the graph through a small view (``common.View``: neighbours by
relationship type, a node's attributes, the sources behind a node or relationship;
``common.GraphView`` over a loaded graph), so the embedded store can answer them
from the relationships' keys and a few of the nodes' properties, reading sources
only for the gaps found (``samspil.graph.gap_keys``), with this one implementation
of every check.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from samspil.graph.analyses.common import (
    MUNICIPAL_TYPES, GraphView, Ref, View, evidence_of, parse_date, resolve_plans, with_units,
)
from samspil.graph.model import PartnershipGraph

__all__ = ["GAP_KINDS", "Gap", "gaps", "find_gaps", "with_evidence", "check_kinds"]

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


def check_kinds(kinds: Iterable[str] | None) -> tuple[str, ...]:
    """The kinds asked for (all by default); an unknown kind is refused."""
    wanted = tuple(kinds or GAP_KINDS)
    bad = [k for k in wanted if k not in GAP_KINDS]
    if bad:
        raise ValueError(f"unknown gap kind(s) {bad}; use {', '.join(GAP_KINDS)}")
    return wanted


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
    wanted = check_kinds(kinds)
    view = GraphView(graph)
    pids = resolve_plans(graph, plans) if plans else None
    return with_evidence(view, find_gaps(view, pids, wanted, today or date.today()))


def with_evidence(view: View, found: list[tuple]) -> list[Gap]:
    """Gaps from :func:`find_gaps`' rows, each with the sources its references name."""
    src = view.sources
    return [Gap(*row[:7], evidence_of(*(src(r) for r in row[7]))) for row in found]


def find_gaps(view: View, pids: list[str] | None, wanted: tuple[str, ...],
              today: date) -> list[tuple]:
    """The gaps of the plans ``pids`` (all, oldest period first, when ``None``) as rows
    ``(kind, plan, plan name, id, name, label, reason, evidence references)``."""
    if pids is None:          # oldest period first, as ``common.plan_ids`` (plan_sort_key)
        pids = sorted(view.ids("Plan"), key=lambda p: _period_key(view.node(p), p))
    shared = _Shared(view)
    out: list[tuple] = []
    for pid in pids:
        ctx = _PlanContext(view, pid, today, shared)
        explained = not ctx.acts and "plan_without_activities" in wanted
        for kind in wanted:
            if not (explained and kind in _NEED_ACTIVITIES):
                out.extend(getattr(ctx, kind)())
    return out


def _period_key(d: dict[str, Any], pid: str) -> tuple[str, str, str]:
    return (str(d.get("period_start") or "9999"), str(d.get("period_end") or "9999"), pid)


# checks that compare what a plan names with its activities: without any activity
# each would list everything the plan names
_NEED_ACTIVITIES = frozenset(("unreached_target_group", "focus_area_without_municipal_partner",
                              "zone_without_activity", "party_without_activity",
                              "partner_without_activity"))


class _Shared:
    """Facts every plan's checks need, read once per call: organisations and persons
    recur across plans, and an organisation in most plans has thousands of edges, so
    filtering its neighbours per plan would make the checks quadratic in plans."""

    def __init__(self, view: View) -> None:
        self.parents: dict[str, list[str]] = {}          # unit -> parent organisations
        units: dict[str, set[str]] = {}
        for u, v in view.pairs("UNIT_OF"):
            self.parents.setdefault(u, []).append(v)
            units.setdefault(v, set()).add(u)
        # as sets, so a plan's few organisations are looked up in them: a forvaltning can
        # be the parent of thousands of units, and a unit of hundreds of parents
        self.units = {o: frozenset(us) for o, us in units.items()}
        self.above = {o: frozenset(ps) for o, ps in self.parents.items()}
        self.municipal = _municipal(view, self.parents)
        self.works_at: dict[str, list[str]] = {}
        for u, v in view.pairs("WORKS_AT"):
            self.works_at.setdefault(u, []).append(v)
        self.containers: dict[str, frozenset[str]] = {}  # zone -> zones containing it
        self.running: dict[str, bool] = {}               # person -> contact of a running plan
        self.ends: dict[str, date] = {}                  # plan -> end of its period


# a focus area's municipal partner: also a school or a daycare institution, which in Denmark are the
# municipality's (folkeskoler, dagtilbud: a plan's municipal partners in "Uddannelse og livschancer" are
# mostly these, typed by what they are, not by who runs them)
MUNICIPAL_PARTNER_TYPES = MUNICIPAL_TYPES | {"school", "daycare"}


def _municipal(view: View, parents: dict[str, list[str]]) -> frozenset[str]:
    """``common.municipal_organisations``: municipal types (:data:`MUNICIPAL_PARTNER_TYPES`), and units
    (of units) of them."""
    return with_units({o for o in view.ids("Organisation") if view.node(o).get("type") in MUNICIPAL_PARTNER_TYPES},
                      parents)


class _PlanContext:
    """The facts about one plan that the gap checks share (computed once)."""

    def __init__(self, view: View, pid: str, today: date, shared: _Shared) -> None:
        self.v, self.pid, self.today, self.s = view, pid, today, shared
        self.municipal, self.containers, self.running = (shared.municipal, shared.containers,
                                                         shared.running)
        self.pname = view.node(pid).get("name") or pid
        self.acts = view.out(pid, "HAS_ACTIVITY")
        self.partners = {a: view.inn(a, "INVOLVED_IN") for a in self.acts}   # read by four checks

    def gap(self, kind: str, nid: str, reason: str, *refs: Ref) -> tuple:
        d = self.v.node(nid)
        return (kind, self.pid, self.pname, nid, d.get("name") or nid, d["label"], reason, refs)

    def plan_without_activities(self) -> list[tuple]:
        if self.acts:
            return []
        docs = sorted(self.v.node(self.pid).get("documents") or [])
        named = [n for n, rel in (("target groups", "ADDRESSES"), ("focus areas", "HAS_FOCUS_AREA"),
                                  ("zones", "COVERS")) if self.v.out(self.pid, rel)]
        why = ("no activity of the plan was found in the loaded documents"
               + (f" ({', '.join(docs)})" if docs else "")
               + "; activities are usually agreed in the delaftaler (sub-agreements): load them to check "
               + ("its " + _and(named) if named else "what the plan names")
               + " against its activities (if a loaded document does list activities, `samspil extract FILE`"
               " shows what was read from it)")
        return [self.gap("plan_without_activities", self.pid, why, self.pid)]

    def unreached_target_group(self) -> list[tuple]:
        reached = {t for a in self.acts for t in self.v.out(a, "TARGETS")}
        out = []
        for t in self.v.out(self.pid, "ADDRESSES"):
            if t in reached:
                continue
            said = ", ".join(f"'{p}'" for p in self.v.phrases(self.pid, t, "ADDRESSES")[:3])
            acts = (f"none of its {len(self.acts)} activities targets it" if self.acts
                    else "the graph holds no activity of the plan")
            why = (f"the plan names it{' as ' + said if said else ''} in its problem "
                   f"descriptions or goals, but {acts}")
            out.append(self.gap("unreached_target_group", t, why, (self.pid, t, "ADDRESSES")))
        return out

    def focus_area_without_municipal_partner(self) -> list[tuple]:
        areas: dict[str, list[str]] = {f: [] for f in self.v.out(self.pid, "HAS_FOCUS_AREA")}
        for a in self.acts:
            for f in self.v.out(a, "IN_FOCUS_AREA"):
                areas.setdefault(f, []).append(a)
        out = []
        for f, acts in areas.items():
            orgs = {o for a in acts for o in self.partners[a]}
            if orgs & self.municipal:
                continue
            why = (f"none of its {len(acts)} activities involves a municipal partner" if acts
                   else "the plan has no activity in this focus area, so no municipal partner")
            if orgs:
                names = sorted(self.v.node(o).get("name") or o for o in orgs)[:5]
                why += " (partners: " + ", ".join(names) + ")"
            out.append(self.gap("focus_area_without_municipal_partner", f, why,
                                (self.pid, f, "HAS_FOCUS_AREA"), *acts))
        return out

    def activity_without_partner(self) -> list[tuple]:
        return [self.gap("activity_without_partner", a, "no organisation is named as involved", a)
                for a in self.acts if not self.partners[a]]

    def activity_without_contact(self) -> list[tuple]:
        # organisations (and their parents) where a contact person of the plan works
        staffed = {o for p in self.v.inn(self.pid, "CONTACT_FOR")
                   for o in self.s.works_at.get(p, ())}
        staffed |= {parent for o in staffed for parent in self.s.parents.get(o, ())}
        above, none = self.s.above, frozenset()
        out = []
        for a in self.acts:
            partners = self.partners[a]      # a partner or a parent of one is staffed:
            if self._has_contact(a) or any(o in staffed or not staffed.isdisjoint(above.get(o, none))
                                           for o in partners):
                continue
            why = ("no contact person is named for it, nor at any of its partners"
                   if partners else "no contact person and no partner is named for it")
            out.append(self.gap("activity_without_contact", a, why, a))
        return out

    def _has_contact(self, activity: str) -> bool:
        """A Person is linked to the activity, or it lists ``contacts``."""
        return bool(self.v.node(activity).get("contacts")) or self.v.person_next_to(activity)

    def zone_without_activity(self) -> list[tuple]:
        named = {z for a in self.acts for z in self.v.out(a, "LOCATED_IN")}
        for z in named:       # an activity in a sub-zone also reaches the zones containing it
            if z not in self.containers:
                self.containers[z] = _containers(self.v, z)
        within = [self.containers[z] for z in named]    # (each may be large: not united)
        out = []
        for z in self.v.out(self.pid, "COVERS"):
            if z in named or any(z in c for c in within):
                continue
            if z not in self.containers:
                self.containers[z] = _containers(self.v, z)
            if self.containers[z] & named:
                continue  # an activity in the whole zone ("Zone 2") reaches the departments in it
            out.append(self.gap("zone_without_activity", z,
                                "the plan covers it, but no activity names it, a part of it or a zone it lies in",
                                (self.pid, z, "COVERS")))
        return out

    def party_without_activity(self) -> list[tuple]:
        return self._idle("PARTY_TO", "party_without_activity", "a signing party", ())

    def partner_without_activity(self) -> list[tuple]:
        parties = set(self.v.inn(self.pid, "PARTY_TO"))   # reported as parties
        return self._idle("PARTNER_IN", "partner_without_activity", "a partner", parties)

    def _idle(self, rel: str, kind: str, role: str, skip: Iterable[str]) -> list[tuple]:
        involved = {o for ps in self.partners.values() for o in ps}
        # an organisation one of whose units is involved counts as involved (``isdisjoint``
        # walks the smaller set: a forvaltning has units in thousands of plans)
        units, none = self.s.units, frozenset()
        out = []
        for o in self.v.inn(self.pid, rel):
            if o in skip or o in involved or not involved.isdisjoint(units.get(o, none)):
                continue
            out.append(self.gap(kind, o, f"{role} of the plan, but involved in none of its "
                                         "activities", (o, self.pid, rel)))
            involved.add(o)
        return out

    def contact_without_details(self) -> list[tuple]:
        out = []
        for p in sorted(set(self.v.inn(self.pid, "CONTACT_FOR"))):
            d = self.v.node(p)
            missing = [w for w, k in (("e-mail", "email"), ("phone", "phone"))
                       if not d.get(k) and not d.get(f"has_{k}")]   # (has_: hidden by the API)
            if missing:
                out.append(self.gap("contact_without_details", p, "no " + " and no ".join(missing),
                                    (p, self.pid, "CONTACT_FOR"), p))
        return out

    def _ends(self, plan: str) -> date:
        """When a plan's period ends (``date.max`` when unknown), parsed once per call."""
        end = self.s.ends.get(plan)
        if end is None:
            end = self.s.ends[plan] = parse_date(self.v.node(plan).get("period_end")) or date.max
        return end

    def stale_contact(self) -> list[tuple]:
        end = parse_date(self.v.node(self.pid).get("period_end"))
        if end is None or end >= self.today:
            return []
        people = sorted(set(self.v.inn(self.pid, "CONTACT_FOR")))
        if not people:
            return [self.gap("stale_contact", self.pid,
                             f"the plan period ended on {end.isoformat()} and it names no contact",
                             self.pid)]
        out = []
        for p in people:
            if p not in self.running:
                self.running[p] = any(self._ends(q) >= self.today
                                      for q in self.v.out(p, "CONTACT_FOR"))
            if self.running[p]:
                continue
            out.append(self.gap("stale_contact", p,
                                f"contact of a plan whose period ended on {end.isoformat()}; "
                                "check the person still holds the role",
                                (p, self.pid, "CONTACT_FOR")))
        return out


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _containers(view: View, zone: str) -> frozenset[str]:
    out: set[str] = set()
    todo = [zone]
    while todo:
        for z in view.out(todo.pop(), "PART_OF"):
            if z not in out:
                out.add(z)
                todo.append(z)
    return out
