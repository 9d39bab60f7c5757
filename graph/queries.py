"""Small read-only queries behind ``samspil stats / plans / show / search / explain``.

Pure functions of a loaded :class:`PartnershipGraph` returning frozen dataclasses,
so the CLI and the API format the same results.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from samspil.graph.lookup import fold, folded_names, resolve_ref
from samspil.graph.model import LABELS, REL_TYPES, PartnershipGraph

__all__ = ["Stats", "PlanRow", "Hit", "Link", "NodeView", "Explanation", "stats", "plans", "plan_order",
           "search", "show", "explain", "stats_from_summary"]


@dataclass(frozen=True)
class Stats:
    nodes: dict[str, int]
    relationships: dict[str, int]
    documents: int
    cross_document_organisations: int
    cross_document_persons: int


@dataclass(frozen=True)
class PlanRow:
    id: str
    name: str
    document_type: str | None
    period_start: str | None
    period_end: str | None
    municipality: str | None
    documents: tuple[str, ...]
    parties: tuple[str, ...]
    partners: int
    activities: int
    activity_partners: int = 0     # organisations in the plan's activities, not party or partner


@dataclass(frozen=True)
class Hit:
    id: str
    label: str
    name: str
    matched: str


@dataclass(frozen=True)
class Link:
    direction: str      # out | in
    type: str
    other: str
    other_name: str
    sources: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class NodeView:
    id: str
    label: str
    name: str
    properties: dict[str, Any]
    links: tuple[Link, ...]
    sources: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Explanation:
    id: str
    label: str
    name: str
    mentions: tuple[dict[str, Any], ...]    # {document, name, line|page, rule}
    merges: tuple[dict[str, str], ...]      # {left, right, rule}
    documents: tuple[str, ...]


def stats(graph: PartnershipGraph) -> Stats:
    """Node counts per label, relationship counts per type, resolution summary."""
    from samspil.graph.snapshot import summary_of
    return stats_from_summary(summary_of(graph))


def stats_from_summary(summary: dict[str, Any]) -> Stats:
    """:func:`stats` from the counts a store keeps (``samspil.graph.store.graph_summary``)."""
    c, multi = summary["counts"], summary["cross_document"]
    return Stats(nodes={lab: c.get(lab, 0) for lab in LABELS},
                 relationships={t: c.get(t, 0) for t in REL_TYPES if c.get(t)},
                 documents=c.get("Document", 0),
                 cross_document_organisations=multi["Organisation"],
                 cross_document_persons=multi["Person"])


def plan_order(row: PlanRow) -> tuple[bool, str, str]:
    """The order plans are listed in: by start of period (the earliest first; a plan
    without a known start last), then by name."""
    return (not row.period_start, row.period_start or "", row.name.casefold())


def plans(graph: PartnershipGraph) -> list[PlanRow]:
    """Every plan, in :func:`plan_order` (start of period, undated last, then name)."""
    rows = []
    for pid, d in graph.nodes("Plan"):
        parties = tuple(sorted(graph.node(o)["name"] for o in graph.into(pid, "PARTY_TO")))
        acts = graph.out(pid, "HAS_ACTIVITY")
        named = set(graph.into(pid, "PARTY_TO")) | set(graph.into(pid, "PARTNER_IN"))
        in_acts = {o for a in acts for o in graph.into(a, "INVOLVED_IN")
                   if graph.node(o)["label"] == "Organisation"}
        rows.append(PlanRow(pid, d["name"], d.get("document_type"), d.get("period_start"),
                            d.get("period_end"), d.get("municipality"),
                            tuple(d.get("documents") or ()), parties,
                            len(graph.into(pid, "PARTNER_IN")), len(acts), len(in_acts - named)))
    return sorted(rows, key=plan_order)


def search(graph: PartnershipGraph, text: str, label: str | None = None,
           limit: int = 50) -> list[Hit]:
    """Nodes whose id, name, alias or e-mail contains ``text`` (case- and accent-insensitive)."""
    want = fold(text)
    hits = []
    for nid, d in graph.nodes(label):
        for n, f in zip(*folded_names(nid, d)):
            if want and want in f:
                hits.append(Hit(nid, d["label"], d.get("name") or "", n))
                break
    hits.sort(key=lambda h: (fold(h.name) != want, not fold(h.name).startswith(want),
                             h.label, h.name))
    return hits[:limit]


def show(graph: PartnershipGraph, ref: str) -> NodeView:
    """One node with its properties and relationships (``ref``: id, name or prefix)."""
    nid = resolve_ref(graph, ref)
    d = graph.node(nid)
    props = {k: v for k, v in d.items()
             if k not in ("id", "label", "name", "sources", "mentions", "merges")}
    links = [Link("out", k, v, graph.node(v).get("name") or v, tuple(e.get("sources") or ()))
             for _, v, k, e in graph.g.out_edges(nid, keys=True, data=True)]
    links += [Link("in", k, u, graph.node(u).get("name") or u, tuple(e.get("sources") or ()))
              for u, _, k, e in graph.g.in_edges(nid, keys=True, data=True)]
    links.sort(key=lambda x: (x.direction, x.type, x.other_name))
    return NodeView(nid, d["label"], d.get("name") or "", props, tuple(links),
                    tuple(d.get("sources") or ()))


def explain(graph: PartnershipGraph, ref: str) -> Explanation:
    """Which names from which documents were merged into a node, and by which rule."""
    nid = resolve_ref(graph, ref)
    d = graph.node(nid)
    mentions = d.get("mentions") or [
        {k: v for k, v in s.items() if k != "excerpt"} | {"name": d.get("name"), "rule": "source"}
        for s in d.get("sources") or []]
    docs = sorted({m["document"] for m in mentions})
    return Explanation(nid, d["label"], d.get("name") or "", tuple(mentions),
                       tuple(d.get("merges") or ()), tuple(docs))


def organisation_document_counts(graph: PartnershipGraph) -> Counter:
    """Organisation id -> number of documents it was read from."""
    return Counter({n: len({m["document"] for m in d.get("mentions") or []})
                    for n, d in graph.nodes("Organisation")})
