"""Change between periods: what successive plans kept, dropped and added, and timelines.

``compare`` puts two plans in period order (earlier first) and lists, per
aspect, what was ``kept``, ``dropped`` (only in the earlier plan) or ``new``
(only in the later one). ``timeline`` lists one area's plans (matched on the
plan's ``area``, name, aliases or covered zones) or one organisation's plans
over time.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from samspil.graph.analyses.common import (
    edge_sources, evidence_of, name_of, org_roles, plan_ids, plan_organisations,
    plan_sort_key, succ,
)
from samspil.graph.analyses.overlaps import plan_items
from samspil.graph.lookup import exact_ref, fold, resolve_ref
from samspil.graph.model import PartnershipGraph
from samspil.loaders.errors import NotFound

__all__ = ["ASPECTS", "Change", "TimelineEntry", "compare", "timeline", "area_plans"]

ASPECTS = ("partners", "target-groups", "focus-areas", "zones", "activities")
_STATUS_ORDER = {"kept": 0, "dropped": 1, "new": 2}


@dataclass(frozen=True)
class Change:
    """One entity (or activity kind) kept, dropped or new between two plans."""

    aspect: str
    status: str                      # kept | dropped | new
    id: str
    name: str
    earlier: str                     # plan ids, in period order
    later: str
    evidence: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class TimelineEntry:
    """One plan in an area's or an organisation's timeline."""

    id: str
    name: str
    period_start: str | None
    period_end: str | None
    document_type: str | None
    roles: tuple[str, ...]           # the organisation's roles (organisation timelines)
    partner_count: int
    kept_partners: int | None        # partners also in the previous plan (None for the first)
    new_partners: int | None
    evidence: tuple[dict[str, Any], ...]


def _aspect_items(graph: PartnershipGraph, pid: str, aspect: str) -> dict[str, list[dict]]:
    if aspect == "focus-areas":
        items = {f: edge_sources(graph, pid, f, "HAS_FOCUS_AREA")
                 for f in succ(graph, pid, "HAS_FOCUS_AREA")}
        for a in succ(graph, pid, "HAS_ACTIVITY"):
            for f in succ(graph, a, "IN_FOCUS_AREA"):
                items.setdefault(f, []).extend(edge_sources(graph, a, f, "IN_FOCUS_AREA"))
        return items
    return plan_items(graph, pid, aspect)


def compare(graph: PartnershipGraph, plan_a: str, plan_b: str,
            aspects: tuple[str, ...] = ASPECTS) -> list[Change]:
    """What changed from the earlier to the later of two plans.

    Examples
    --------
    >>> g = PartnershipGraph()
    >>> g.add_node("plan:new", "Plan", "New", period_start="2017-01-01")
    >>> g.add_node("plan:old", "Plan", "Old", period_start="2013-01-01")
    >>> for o in ("org:kk", "org:lejerbo", "org:3b"):
    ...     g.add_node(o, "Organisation", o[4:])
    >>> for o, p in [("org:kk", "plan:old"), ("org:lejerbo", "plan:old"),
    ...              ("org:kk", "plan:new"), ("org:3b", "plan:new")]:
    ...     g.add_edge(o, p, "PARTY_TO")
    >>> [(c.status, c.name) for c in compare(g, "New", "Old", aspects=("partners",))]
    [('kept', 'kk'), ('dropped', 'lejerbo'), ('new', '3b')]
    """
    a = resolve_ref(graph, plan_a, "Plan")
    b = resolve_ref(graph, plan_b, "Plan")
    if plan_sort_key(graph, a) > plan_sort_key(graph, b):
        a, b = b, a
    out: list[Change] = []
    for aspect in aspects:
        old, new = _aspect_items(graph, a, aspect), _aspect_items(graph, b, aspect)
        rows = []
        for item in old.keys() | new.keys():
            status = "kept" if item in old and item in new else "dropped" if item in old else "new"
            name = item[5:] if item.startswith("kind:") else name_of(graph, item)
            rows.append(Change(aspect, status, item, name, a, b,
                               evidence_of(old.get(item, []), new.get(item, []), limit=6)))
        rows.sort(key=lambda c: (_STATUS_ORDER[c.status], c.name.casefold(), c.id))
        out.extend(rows)
    return out


def timeline(graph: PartnershipGraph, ref: str, kind: str | None = None) -> list[TimelineEntry]:
    """An area's plans over time, or, when no plan matches ``ref`` as an area,
    an organisation's plans over time with its roles in each.

    ``kind`` ("area" or "organisation") forces one reading of ``ref``. Raises
    ``NotFound`` when ``ref`` is neither, ``Ambiguous`` for several organisations.

    Examples
    --------
    >>> g = PartnershipGraph()
    >>> g.add_node("plan:a", "Plan", "A", area="Valby", period_start="2013-01-01")
    >>> g.add_node("plan:b", "Plan", "B", area="Valby", period_start="2017-01-01")
    >>> g.add_node("org:kk", "Organisation", "KK")
    >>> g.add_edge("org:kk", "plan:a", "PARTY_TO"); g.add_edge("org:kk", "plan:b", "PARTY_TO")
    >>> [(t.id, t.kept_partners) for t in timeline(g, "valby")]
    [('plan:a', None), ('plan:b', 1)]
    """
    if kind not in (None, "area", "organisation"):
        raise ValueError(f"kind must be 'area' or 'organisation', not {kind!r}")
    pids = area_plans(graph, ref) if kind != "organisation" else []
    if pids and kind is None and not area_plans(graph, ref, whole=True) \
            and exact_ref(graph, ref, "Organisation") is not None:
        pids = []  # "AAB" names an organisation; a zone "AAB – Sjælør Boulevard" only holds the word
    roles: dict[str, dict[str, Any]] = {}
    if not pids and kind == "area":
        raise NotFound(f"no plan's area, name or covered zone matches {ref!r}")
    if not pids:
        try:
            org = resolve_ref(graph, ref, "Organisation")
        except NotFound:
            raise NotFound(f"no plan area and no organisation matches {ref!r}; "
                           "try a district, housing department or organisation name") from None
        roles = org_roles(graph, org)
        pids = sorted(roles, key=lambda p: plan_sort_key(graph, p))
    out, previous = [], None
    for pid in pids:
        d = graph.node(pid)
        partners = set(plan_organisations(graph, pid))
        kept = len(partners & previous) if previous is not None else None
        ev = roles[pid]["sources"] if roles else d.get("sources") or []
        out.append(TimelineEntry(
            pid, d.get("name") or pid, d.get("period_start"), d.get("period_end"),
            d.get("document_type"), tuple(roles[pid]["roles"]) if roles else (),
            len(partners), kept, len(partners) - kept if kept is not None else None,
            evidence_of(ev, limit=6)))
        previous = partners
    return out


def area_plans(graph: PartnershipGraph, ref: str, whole: bool = False) -> list[str]:
    """Plans whose area, name, aliases, covered zones or municipality contain ``ref`` as
    words (``whole``: whose area, name, aliases or zones are ``ref``; a municipality named
    whole, "Slagelse Kommune", is the organisation when one has that name).

    >>> g = PartnershipGraph()
    >>> g.add_node("plan:s", "Plan", "Skovsø Sammen", municipality="Slagelse Kommune")
    >>> area_plans(g, "slagelse"), area_plans(g, "Slagelse Kommune", whole=True)
    (['plan:s'], [])
    """
    want = _words(fold(ref))
    if not want:
        return []

    def hit(text: Any) -> bool:
        t = fold(str(text or ""))
        return bool(t) and (t == want or _words(t) == want or not whole and f" {want} " in f" {_words(t)} ")

    out = []
    for pid in plan_ids(graph):
        d = graph.node(pid)
        texts = [d.get("area"), d.get("name"), *(d.get("aliases") or [])]
        texts += [name_of(graph, z) for z in succ(graph, pid, "COVERS")]
        if not whole:    # "Slagelse": the plans of Slagelse Kommune (an area, as `gaps` reads it)
            texts.append(d.get("municipality"))
        if any(hit(t) for t in texts):
            out.append(pid)
    return out


def _words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())
