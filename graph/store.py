"""Graph stores: one query surface over an embedded SQLite file or a Neo4j server.

Both stores keep two things:

* the **extraction report of every document** (the source of truth), written
  in transactions that each hold whole documents (the embedded store commits a
  save's documents 256 at a time, the Neo4j store one per transaction), so a
  crash or a kill never leaves half a document behind; and
* the **resolved graph** derived from all reports by
  :func:`samspil.graph.build.build_graph`, replaced as a whole in one
  transaction after each batch. Because resolution is a pure function of the
  set of reports, loading twice gives the same graph, a changed document
  replaces exactly its own contributions, ``forget`` leaves nothing stale, and
  the result does not depend on load order. A graph older than the reports (a
  kill between the two steps) or than the overrides file is rebuilt on the
  next ``load``.

Analyses never talk to a store: they get a :class:`PartnershipGraph` from
``load(where=...)``; :class:`GraphFilter` is the small pushdown both stores
implement (and :func:`apply_filter` is its in-memory reference).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from samspil.graph.model import PartnershipGraph
from samspil.graph.settings import Settings, get_settings
from samspil.loaders.errors import StoreError
from samspil.loaders.model import AgreementReport

__all__ = ["GraphStore", "GraphFilter", "SaveSummary", "DocumentInfo", "open_store",
           "apply_filter", "selected_documents", "node_documents", "summarise", "load_part", "load_around", "load_plans_around",
           "graph_summary", "plan_rows", "timeline_of", "overlaps_of", "brokers_of", "gaps_of", "communities_of",
           "summary_from_meta"]

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class GraphFilter:
    """Which part of the graph to load. Empty fields do not filter.

    The plans are chosen first (by id, document, municipality, period overlap);
    the result holds every node and relationship that a document of a chosen
    plan contributes, restricted to ``labels`` if given.
    """

    plans: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    municipality: str | None = None
    period_from: str | None = None    # ISO date: keep plans whose period reaches it
    period_to: str | None = None      # ISO date: keep plans that started by then
    labels: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not (self.plans or self.documents or self.municipality or self.period_from
                    or self.period_to or self.labels)


@dataclass(frozen=True)
class DocumentInfo:
    id: str
    checksum: str | None
    plan: str | None
    loaded_at: str


@dataclass(frozen=True)
class SaveSummary:
    """What a save did: documents added / replaced / unchanged and the graph's size."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    merged: int = 0            # organisation and person nodes resolved from several documents
    nodes: int = 0
    edges: int = 0
    nodes_before: int = 0
    edges_before: int = 0
    counts: dict[str, int] = field(default_factory=dict)


@runtime_checkable
class GraphStore(Protocol):
    def save(self, reports: Iterable[AgreementReport]) -> SaveSummary: ...
    def load(self, where: GraphFilter | None = None) -> PartnershipGraph: ...
    def forget(self, document_id: str) -> None: ...
    def forget_person(self, ref: str) -> str: ...
    def forget_email(self, email: str) -> list[Any]: ...
    def documents(self) -> list[DocumentInfo]: ...
    def close(self) -> None: ...


def open_store(settings: Settings | None = None) -> GraphStore:
    """The configured store (``SAMSPIL_STORE``: ``embedded`` default, or ``neo4j``)."""
    settings = settings or get_settings()
    kind = (settings.store or "embedded").lower()
    if kind in ("embedded", "sqlite"):
        from samspil.graph.sqlite_store import SqliteStore
        return SqliteStore(settings.sqlite_path, overrides_path=settings.overrides_path)
    if kind == "neo4j":
        from samspil.graph.neo4j_store import Neo4jStore
        return Neo4jStore(settings)
    raise StoreError(f"unknown store {settings.store!r}; set SAMSPIL_STORE to 'embedded' or 'neo4j'")


def load_part(store: GraphStore, part: Any) -> PartnershipGraph:
    """The part of the store's whole graph an answer reads (a
    :class:`~samspil.graph.snapshot.GraphPart`, or ``snapshot.Names`` for the nodes'
    names only). The embedded store reads just that part of its snapshot; a store
    without one loads the whole graph and projects it (same answer, slower)."""
    own = getattr(store, "load_part", None)
    if own is not None:
        return own(part)
    from samspil.graph.snapshot import Names, names_graph, project
    graph = store.load()
    return names_graph(graph, part.labels) if isinstance(part, Names) else project(graph, part)


def load_around(store: GraphStore, node_ids: str | Iterable[str]) -> PartnershipGraph:
    """Nodes with their relationships and the nodes at the other ends (``snapshot.around``)."""
    own = getattr(store, "load_around", None)
    if own is not None:
        return own(node_ids)
    from samspil.graph.snapshot import around
    return around(store.load(), node_ids)


def load_plans_around(store: GraphStore, plan_ids: Iterable[str]) -> PartnershipGraph:
    """A few plans and their activities, each with everything next to it
    (``snapshot.plans_around``): what ``compare`` and ``shared-partners`` of two or
    three plans read, in two indexed queries on the embedded store."""
    from samspil.graph.snapshot import plans_around
    return plans_around(lambda ids: load_around(store, ids), plan_ids)


def plan_rows(store: GraphStore) -> list[Any]:
    """``queries.plans`` of the store's graph: the embedded store answers with a few
    queries of its tables; another store from the plans' part of its graph."""
    own = getattr(store, "plan_rows", None)
    if own is not None:
        return own()
    from samspil.graph.analyses.parts import PLANS
    from samspil.graph.queries import plans
    return plans(load_part(store, PLANS))


def overlaps_of(store: GraphStore, by: str = "partners", plans: Iterable[str] = (),
                limit: int | None = None) -> list[Any]:
    """``analyses.overlaps`` of the store's graph. The top pairs of all plans by
    partners are counted on the keys of the relationships alone (the embedded store's
    ``load_topology``), and only their plans are then read with what is next to them
    for the rows' names and evidence; any other overlap reads its part of the graph."""
    from samspil.graph.analyses.overlaps import overlap_matrix, overlap_rows, overlaps
    from samspil.graph.analyses.parts import PARTNERS, overlaps_part
    topology = getattr(store, "load_topology", None)
    if by == "partners" and not plans and limit and topology is not None:
        m = overlap_matrix(topology(PARTNERS), by, limit=limit)
        from samspil.graph.snapshot import plans_around
        pids = sorted({m.id[k] for i, j, _, _ in m.pairs for k in (i, j)})
        return overlap_rows(plans_around(lambda ids: store.load_around(ids, ends=False), pids), m)
    return overlaps(load_part(store, overlaps_part(by)), by=by, plans=plans, limit=limit)


def brokers_of(store: GraphStore, by: str = "plans", limit: int | None = 20,
               exact: bool = False, plans: Iterable[str] | None = None) -> list[Any]:
    """``analyses.brokers`` of the store's graph: the betweenness is computed on the
    keys of the relationships (the embedded store's ``load_topology``), and only the
    brokers' own relationships are then read whole for their evidence."""
    from dataclasses import replace

    from samspil.graph.analyses.parts import brokers_part
    from samspil.graph.analyses.structure import brokers, org_evidence
    topology = getattr(store, "load_topology", None)
    if topology is None:
        return brokers(load_part(store, brokers_part(by)), by=by, limit=limit, exact=exact, plans=plans)
    graph = topology(brokers_part(by))
    found = brokers(graph, by=by, limit=limit, exact=exact, plans=plans)
    _read_whole(store, graph, [b.id for b in found])
    return [replace(b, evidence=org_evidence(graph, b.id)) for b in found]


def communities_of(store: GraphStore, by: str = "plans") -> list[Any]:
    """``analyses.communities`` of the store's graph: the projection and Louvain on the
    keys of the relationships (the embedded store's ``load_topology``), then only the
    relationships of each community's best-connected members read whole, for the
    rows' evidence."""
    from samspil.graph.analyses.parts import brokers_part
    from samspil.graph.analyses.structure import communities, community_groups, community_rows
    topology = getattr(store, "load_topology", None)
    if topology is None:
        return communities(load_part(store, brokers_part(by)), by=by)
    graph = topology(brokers_part(by))
    groups = community_groups(graph, by)
    _read_whole(store, graph, sorted({o for _, top in groups for o in top}))
    return community_rows(graph, groups)


def _read_whole(store: GraphStore, graph: PartnershipGraph, ids: list[str]) -> None:
    """Put the whole relationships of ``ids`` (with their sources) into a graph read from
    the keys (``load_topology``), in place of their bare keys."""
    succ = graph.g._succ
    types = sorted({k for u in ids for keys in succ.get(u, {}).values() for k in keys})
    for u, v, k, d in store.relationships_of(ids, types):
        if k in succ.get(u, {}).get(v, ()):
            succ[u][v][k] = d


def gaps_of(store: GraphStore, plans: Iterable[str] = (), kinds: Iterable[str] | None = None,
            today: Any = None) -> list[Any]:
    """``analyses.gaps`` of the store's graph: the embedded store answers from the keys of
    the relationships and reads sources only for the gaps found; another store from
    the part of its graph the gaps read."""
    own = getattr(store, "gaps", None)
    if own is not None:
        return own(plans, kinds, today)
    from samspil.graph.analyses.coverage import gaps
    from samspil.graph.analyses.parts import GAPS
    return gaps(load_part(store, GAPS), plans, kinds, today)


def same_but_path(old: str, new: str) -> bool:
    """Are two stored reports (JSON) the same but for the file's path (the bundled
    agreements read by `explore` from the installed package, then from a clone)? The
    store then counts the document unchanged and only its Document node's path moves."""
    a, b = json.loads(old), json.loads(new)
    a.pop("source_path", None)
    b.pop("source_path", None)
    return a == b


def timeline_of(store: GraphStore, ref: str, kind: str | None = None) -> list[Any]:
    """``analyses.timeline`` of the store's graph. An area's plans are found among the
    plans and the zones they cover, and its timeline is made from those plans, their
    activities and the names of what is next to them (indexed queries on the embedded
    store), which is all it reads; an organisation's timeline reads the part of the
    graph timelines read."""
    from samspil.graph.analyses import timeline
    from samspil.graph.analyses.change import area_plans
    from samspil.graph.analyses.parts import TIMELINE
    from samspil.graph.snapshot import GraphPart
    if kind != "organisation" and getattr(store, "load_around", None) is not None:
        covers = load_part(store, GraphPart.of("COVERS"))
        pids = area_plans(covers, ref)
        if pids and kind is None and not area_plans(covers, ref, whole=True):
            from samspil.graph.lookup import exact_ref
            from samspil.graph.snapshot import NAMES
            if exact_ref(load_part(store, NAMES), ref, "Organisation") is not None:
                pids = []   # the organisation's timeline ("AAB", not a zone holding the word)
        if pids:
            from samspil.graph.snapshot import plans_around
            near = plans_around(lambda ids: store.load_around(ids, ends=False), pids)
            if area_plans(near, ref) == pids:      # (no other plan is next to them)
                return timeline(near, ref, kind=kind)
    return timeline(load_part(store, TIMELINE), ref, kind=kind)


def graph_summary(store: GraphStore) -> dict[str, Any]:
    """Counts per label and type and cross-document counts (``snapshot.summary_of``)."""
    own = getattr(store, "summary", None)
    if own is not None:
        return own()
    from samspil.graph.snapshot import summary_of
    return summary_of(store.load())


# -- the filter, in memory (reference for both stores' pushdown) ---------------
def node_documents(attrs: dict[str, Any]) -> set[str]:
    """Documents that contribute to a node or edge (its sources, mentions, plan documents)."""
    docs = {s["document"] for s in attrs.get("sources") or [] if s.get("document")}
    docs |= {m["document"] for m in attrs.get("mentions") or [] if m.get("document")}
    docs |= set(attrs.get("documents") or [])
    if attrs.get("label") == "Document":
        docs.add(attrs["name"])
    return docs


def _plan_matches(d: dict[str, Any], where: GraphFilter, plan_id: str) -> bool:
    if where.plans and plan_id not in where.plans and d.get("name") not in where.plans:
        return False
    if where.documents and not set(d.get("documents") or []) & set(where.documents):
        return False
    if where.municipality and (d.get("municipality") or "").casefold() != where.municipality.casefold():
        return False
    if where.period_from and d.get("period_end") and d["period_end"] < where.period_from:
        return False
    if where.period_to and d.get("period_start") and d["period_start"] > where.period_to:
        return False
    return True


def selected_documents(plans: Iterable[tuple[str, dict[str, Any]]], where: GraphFilter) -> set[str]:
    docs: set[str] = set()
    for pid, d in plans:
        if _plan_matches(d, where, pid):
            docs |= set(d.get("documents") or [])
    if where.documents:
        docs &= set(where.documents)
    return docs


def apply_filter(graph: PartnershipGraph, where: GraphFilter | None) -> PartnershipGraph:
    """The in-memory meaning of ``where`` (stores push the same down to their query)."""
    if where is None or where.is_empty():
        return graph
    docs = selected_documents(graph.nodes("Plan"), where)
    keep = {n for n, d in graph.nodes() if node_documents(d) & docs
            and (not where.labels or d["label"] in where.labels)}
    out = PartnershipGraph()
    out.g.add_nodes_from((n, graph.node(n)) for n in keep)
    out.g.add_edges_from((u, v, k, d) for u, v, k, d in graph.g.edges(keys=True, data=True)
                         if u in keep and v in keep and node_documents(d) & docs)
    return out


def summarise(graph: PartnershipGraph, added: list[str], replaced: list[str],
              unchanged: list[str], before: tuple[int, int]) -> SaveSummary:
    merged = sum(1 for _, d in _entities(graph)
                 if len({m["document"] for m in d.get("mentions") or []}) > 1)
    return SaveSummary(added=tuple(added), replaced=tuple(replaced), unchanged=tuple(unchanged),
                       merged=merged, nodes=graph.g.number_of_nodes(),
                       edges=graph.g.number_of_edges(), nodes_before=before[0],
                       edges_before=before[1], counts=graph.counts())


def _entities(graph: PartnershipGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    for n, d in graph.nodes():
        if d["label"] in ("Organisation", "Person"):
            yield n, d


def summary_from_meta(meta: dict[str, str], size: tuple[int, int], added: list[str],
                      replaced: list[str], unchanged: list[str],
                      before: tuple[int, int]) -> SaveSummary:
    """A save's summary from the counts the embedded store keeps in ``meta`` (kept up to
    date by the full build and the incremental update), without reading the graph."""
    counts = {k: v for k, v in json.loads(meta["counts"]).items() if v}
    return SaveSummary(added=tuple(added), replaced=tuple(replaced), unchanged=tuple(unchanged),
                       merged=int(meta.get("merged", 0)), nodes=size[0], edges=size[1],
                       nodes_before=before[0], edges_before=before[1], counts=counts)
