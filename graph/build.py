"""Extraction reports -> one PartnershipGraph: the ONE translation point.

``build_graph(reports, overrides)`` is a pure function of the set of reports
(sorted by document id first, so load order never matters): it resolves plans,
organisations and persons across documents (:mod:`samspil.graph.resolve`,
:mod:`samspil.graph.people`), emits what each document contributes as a fragment
(:mod:`samspil.graph.emit`) and folds the fragments in document order
(:mod:`samspil.graph.fragments`). The incremental update (graph/incremental.py)
uses the same pieces for the part of the graph a changed document touches.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from typing import Any

from samspil.graph.emit import (Orgs, activity_kind, emit_document, emit_person_edges, mention,
                                source_sort_key, sources_of, zone_names)
from samspil.graph.fragments import Folder, finish_node
from samspil.graph.model import PartnershipGraph, assemble_graph, node_id
from samspil.graph.people import PersonKey, person_id, resolve_persons, scrub_report
from samspil.graph.plans import PlanInfo, resolve_plans
from samspil.graph.resolve import (Cluster, Entity, Overrides, all_names, canonical_name,
                                   load_vocabulary, resolve_entities)
from samspil.graph.stamp import builder_stamp  # noqa: F401 - re-exported
from samspil.loaders.model import AgreementReport

# a node attribute holding the function that makes the node's other attributes (``made``)
LATER = "@later"

__all__ = ["build_graph", "build", "Built", "made", "builder_stamp", "activity_kind", "source_sort_key",
           "zone_names", "org_node", "org_type", "person_node", "plan_node", "org_names", "qualified_id",
           "contact_entities", "parents_closure", "unit_pairs", "person_rows"]


@dataclass
class Built:
    """A full build with what the embedded store keeps for incremental updates."""

    graph: PartnershipGraph
    reports: list[AgreementReport]
    plans: dict[str, PlanInfo]
    orgs: Orgs
    org_clusters: list[Cluster]
    org_ids: dict[tuple[str, int], str]
    contacts: list[Entity]
    contact_org: dict[tuple[str, int], int | None]
    person_clusters: list[Cluster]
    person_ids: dict[tuple[str, int], str]
    frags: dict[str, PartnershipGraph] = field(default_factory=dict)
    person_frags: dict[str, PartnershipGraph] = field(default_factory=dict)
    fuzzy_pairs: list[tuple[str, str]] = field(default_factory=list)


def build_graph(reports: Iterable[AgreementReport], overrides: Overrides | None = None,
                forgotten: frozenset[PersonKey] = frozenset()) -> PartnershipGraph:
    """One resolved graph from extraction reports (pure; order of ``reports`` is irrelevant)."""
    return build(reports, overrides, forgotten).graph


def build(reports: Iterable[AgreementReport], overrides: Overrides | None = None,
          forgotten: frozenset[PersonKey] = frozenset(),
          sink: Callable[[str, str, PartnershipGraph], None] | None = None,
          fold: bool = True,
          again: Callable[[], Iterable[AgreementReport]] | None = None,
          resolved: Callable[[Orgs, dict, list[Cluster], list], None] | None = None,
          emitted: Callable[[], None] | None = None) -> Built:
    """The full build. Each document's fragment is folded as soon as it is emitted;
    with ``sink`` it is handed on (``sink(document, "d" | "p", fragment)``) instead of
    kept in :attr:`Built.frags` / :attr:`Built.person_frags`, so a large corpus never
    holds every fragment at once. ``fold=False`` (with a ``sink``): the fragments are
    not folded (so they are made without networkx: graph/frag_graph.py), and
    :attr:`Built.graph` holds only the Plan, Organisation and Person nodes, unsorted,
    the latter two to be made by :func:`made`; the embedded store folds the stored fragments itself
    (graph/sqlite_fold.py), so the whole graph is never in memory. ``again``: a
    function giving the same reports once more, both times sorted by document; the
    resolution then keeps only each report's entities, plan and zones, and the
    fragments are emitted from the second reading (10,000 plans: the reports are
    ~0.75 GB as objects). ``resolved(orgs, org_ids, clusters, fuzzy pairs)`` is called as
    soon as the organisations are resolved, ``emitted()`` once every document's fragment
    is (before the persons are resolved)."""
    if not fold and sink is None:
        raise ValueError("build(fold=False) needs a sink for the fragments")
    reports, light, orgs, (contacts, contact_org) = _read(reports, forgotten, keep=again is None)
    g = PartnershipGraph()
    plans = resolve_plans(light)
    for info in {p.id: p for p in plans.values()}.values():
        g.add_node(info.id, "Plan", info.name, **plan_node(info))
    fuzzy: list[tuple[str, str]] = []
    clusters = resolve_entities(orgs.entities, overrides, "org", fuzzy_pairs=fuzzy)
    org_ids = _org_nodes(g, clusters, later=not fold)
    if resolved is not None:
        resolved(orgs, org_ids, clusters, fuzzy)
    zones = zone_names(light)
    folder = Folder(g) if fold else None
    frags: dict[str, PartnershipGraph] = {}
    units: list[tuple[str, str]] = []
    ncontacts: dict[str, int] = {}
    for r in reports if again is None else (scrub_report(x, forgotten) for x in again()):
        frag = emit_document(r, plans[r.document], orgs, org_ids, zones, light=not fold)
        units += unit_pairs(frag)      # Person nodes are in no document's fragment, so
        ncontacts[r.document] = len(r.contacts)      # folding before adding them changes nothing
        _fold(folder, frag, r.document, "d", sink, frags)
    if emitted is not None:
        emitted()
    org_of = {k: (org_ids.get((k[0], i)) if i is not None else None) for k, i in contact_org.items()}
    pclusters = resolve_persons(contacts, org_of, parents_closure(units), overrides)
    pids: dict[tuple[str, int], str] = {}
    for c in pclusters:
        pid = person_id(c, org_of, taken=g)
        g.add_node(pid, "Person", c.members[0].name,
                   **({LATER: partial(person_node, c)} if not fold else person_node(c)))
        for e in c.members:
            pids[(e.document, e.index)] = pid
    by_ref = {(e.document, e.index): e for e in contacts}
    pfrags: dict[str, PartnershipGraph] = {}
    for r in light:
        rows = person_rows(r.document, ncontacts[r.document], pids, org_of, by_ref)
        _fold(folder, emit_person_edges(r.document, rows, plans[r.document].id, light=not fold),
              r.document, "p", sink, pfrags)
    for _, d in g.nodes():
        finish_node(d)
    return Built(_canonical(g) if fold else g, reports if fold else light, plans, orgs, clusters,
                 org_ids, contacts, contact_org, pclusters, pids, frags, pfrags, fuzzy)


def _read(reports: Iterable[AgreementReport], forgotten: frozenset[PersonKey], keep: bool
          ) -> tuple[list[AgreementReport], list[AgreementReport], Orgs, tuple[list[Entity], dict]]:
    """The reports sorted by document and scrubbed (all of them when ``keep``, else
    none), their light forms (plan and zones: what is read after the fragments), their
    organisation entities and their contacts (:func:`contact_entities`)."""
    held, light, orgs, contacts = [], [], Orgs(), ([], {})
    for r in sorted(reports, key=lambda r: r.document) if keep else reports:
        r = scrub_report(r, forgotten)
        orgs.add_report(r)
        contact_entities([r], orgs, contacts)
        light.append(AgreementReport(r.document, plan=r.plan, zones=r.zones))
        if keep:
            held.append(r)
    return held, light, orgs, contacts


def _canonical(g: PartnershipGraph) -> PartnershipGraph:
    """``g.canonical()`` for a graph given up: the attribute dicts move to the sorted
    graph instead of being copied, and ``g`` is emptied before the new adjacency is
    made, so the build never holds two whole graphs."""
    nodes = sorted(g.g.nodes(data=True), key=itemgetter(0))
    edges = sorted(g.g.edges(keys=True, data=True), key=itemgetter(0, 1, 2))
    attrs = dict(g.g.graph)
    g.g.clear()
    out = assemble_graph(nodes, edges)
    out.g.graph.update(attrs)
    return out


def _org_nodes(g: PartnershipGraph, clusters: list[Cluster], later: bool = False
               ) -> dict[tuple[str, int], str]:
    """Add an Organisation node per cluster; (document, entity index) -> node id.
    ``later``: the node's attributes are made when it is written (:func:`made`)."""
    org_ids: dict[tuple[str, int], str] = {}
    names = org_names(clusters)
    taken: dict[str, int] = defaultdict(int)
    for name, _ in names:
        taken[node_id("Organisation", name)] += 1
    for name, c in names:
        nid = qualified_id(c, name, taken[node_id("Organisation", name)] > 1)
        g.add_node(nid, "Organisation", name,
                   **({LATER: partial(org_node, c, name)} if later else org_node(c, name)))
        for e in c.members:
            org_ids[(e.document, e.index)] = nid
    return org_ids


def made(d: dict[str, Any] | None) -> dict[str, Any] | None:
    """An Organisation or Person node's attributes, made now if the build left them for
    when the node is written (``fold=False``: its mentions, merges and sources copied
    from the members would otherwise all be held at once, 10,000 plans: ~N MiB)."""
    later = d.pop(LATER, None) if d is not None else None
    if later is None:
        return d
    out = {"id": d["id"], "label": d["label"], "name": d["name"], **later()}
    out.setdefault("sources", [])
    return out


def _fold(folder: Folder | None, frag: PartnershipGraph, doc: str, part: str,
          sink: Callable[[str, str, PartnershipGraph], None] | None,
          kept: dict[str, PartnershipGraph]) -> None:
    if folder is not None:
        folder.fold(frag)
    if sink is None:
        kept[doc] = frag
    else:
        sink(doc, part, frag)
        # networkx caches views that point back at their graph (``g.edges``), so a used
        # fragment is a reference cycle, freed only by the cyclic GC, which the store's
        # rebuild pauses: without this, every fragment stayed in memory until the end
        vars(frag.g).clear()


def person_rows(doc: str, n: int, pids: dict, org_of: dict, by_ref: dict) -> list[tuple]:
    """(person id, organisation id, sources) of a document's contacts, in its order."""
    return [(pids[(doc, i)], org_of[(doc, i)], by_ref[(doc, i)].data["sources"])
            for i in range(n) if (doc, i) in pids]


def plan_node(p: PlanInfo) -> dict[str, Any]:
    return dict(aliases=p.aliases, document_type=p.document_type, period_start=p.period_start,
                period_end=p.period_end, municipality=p.municipality, area=p.area,
                documents=p.documents, sources=p.sources)


def org_names(clusters: list[Cluster]) -> list[tuple[str, Cluster]]:
    vocab = load_vocabulary()
    return [(canonical_name(c, vocab), c) for c in clusters]


def qualified_id(c: Cluster, name: str, shared: bool) -> str:
    """The node id of a cluster: its name's, qualified by its first document when
    another cluster has the same name."""
    if shared:
        return node_id("Organisation", name, c.members[0].document.rsplit(".", 1)[0])
    return node_id("Organisation", name)


def org_node(c: Cluster, name: str) -> dict[str, Any]:
    rules = _rules(c)
    sources = _sorted_sources(c)
    return dict(aliases=[n for n in all_names(c) if n != name], type=org_type(c),
                mentions=[{**m, "rule": rules.get(e.ref, "first")} for e in c.members
                          for m in e.mentions],
                merges=[m.to_dict() for m in c.merges], sources=sources)


def org_type(c: Cluster) -> str:
    """An organisation's type: its members' most common one (ties: alphabetical)."""
    types = [e.data.get("type") for e in c.members if e.data.get("type") not in (None, "other")]
    return max(sorted(set(types)), key=types.count) if types else "other"


def person_node(c: Cluster) -> dict[str, Any]:
    rules = _rules(c)
    pick = lambda k: next((e.data[k] for e in c.members if e.data.get(k)), None)  # noqa: E731
    sources = _sorted_sources(c)
    return dict(title=pick("title"), email=pick("email"), phone=pick("phone"), sources=sources,
                mentions=[{**m, "rule": rules.get(e.ref, "first")} for e in c.members
                          for m in e.mentions],
                merges=[m.to_dict() for m in c.merges])


def _sorted_sources(c: Cluster) -> list[dict[str, Any]]:
    """The members' sources, one per sort key (the last met), sorted by it: the keys are
    distinct, so sorting them gives the order of the sources sorted by their keys, with
    one key made per source instead of two."""
    by_key = {source_sort_key(s): s for e in c.members for s in e.data["sources"]}
    return [by_key[k] for k in sorted(by_key)]


def _rules(c: Cluster) -> dict[str, str]:
    """Entity ref -> the rule that brought it into its cluster ("first" for the anchor)."""
    out: dict[str, str] = {}
    for m in c.merges:
        out.setdefault(m.right, m.rule)
        out.setdefault(m.left, m.rule)
    if c.members:
        out[c.members[0].ref] = "first"
    return out


def contact_entities(reports: Iterable[AgreementReport], orgs: Orgs,
                     into: tuple[list[Entity], dict] | None = None
                     ) -> tuple[list[Entity], dict[tuple[str, int], int | None]]:
    """Contact persons as entities, and the organisation entity (local index) each names
    (added to ``into`` when given)."""
    entities, org_of = into if into is not None else ([], {})
    for r in reports:
        for i, c in enumerate(r.contacts):
            if not c.name or not c.name.strip():
                continue
            entities.append(Entity(r.document, i, c.name.strip(), [c.name.strip()],
                                   [mention(r.document, c.name, c.sources)],
                                   {"email": c.email, "phone": c.phone, "title": c.title,
                                    "sources": sources_of(c.sources, r.document)}))
            org_of[(r.document, i)] = orgs.lookup(r.document, c.organisation)
    return entities, org_of


def unit_pairs(frag: PartnershipGraph) -> list[tuple[str, str]]:
    return [(u, v) for u, v, k in frag.g.edges(keys=True) if k == "UNIT_OF"]


def parents_closure(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Organisation id -> the ids it is (transitively) a unit of."""
    parents: dict[str, set[str]] = defaultdict(set)
    for child, par in pairs:
        parents[child].add(par)
    out: dict[str, set[str]] = {}
    for child in parents:      # transitive closure (small chains)
        stack, seen = list(parents[child]), set()
        while stack:
            p = stack.pop()
            if p not in seen:
                seen.add(p)
                stack.extend(parents.get(p, ()))
        out[child] = seen
    return out
