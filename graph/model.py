"""PartnershipGraph: the one graph model every store, analysis and view shares.

A thin wrapper over a ``networkx.MultiDiGraph``:

* node key = deterministic, readable id (``org:kobenhavns-kommune``,
  ``person:afcb5755702f``, ``plan:mit-kvarter-2025-2028`` ...);
* node attributes: ``label`` (one of :data:`LABELS`), ``name``, label-specific
  properties (see :data:`NODE_PROPERTIES`), ``sources`` (list of
  ``{"document", "line"|"page", "excerpt"}`` dicts) and, for Organisation and
  Person, ``mentions`` (list of ``{"document", "name", "line"|"page"}``);
* edge key = relationship type (one of :data:`REL_TYPES`), so there is at most
  one edge of a type between two nodes; edge attributes: ``type`` and
  ``sources``, plus ``role`` on PARTNER_IN where useful.

Labels and relationship types come only from this closed vocabulary, never
from document text.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from samspil.graph.frag_graph import FragGraph

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "LABELS", "REL_TYPES", "REL_ENDPOINTS", "NODE_PROPERTIES", "PartnershipGraph",
    "slug", "node_id",
]

LABELS = ("Plan", "Document", "Organisation", "Person", "Activity", "Zone",
          "TargetGroup", "FocusArea")

# relationship type -> (source label, target label)
REL_ENDPOINTS: dict[str, tuple[str, str]] = {
    "PARTY_TO": ("Organisation", "Plan"),
    "PARTNER_IN": ("Organisation", "Plan"),
    "UNIT_OF": ("Organisation", "Organisation"),
    "WORKS_AT": ("Person", "Organisation"),
    "CONTACT_FOR": ("Person", "Plan"),
    "HAS_ACTIVITY": ("Plan", "Activity"),
    "IN_FOCUS_AREA": ("Activity", "FocusArea"),
    "INVOLVED_IN": ("Organisation", "Activity"),
    "TARGETS": ("Activity", "TargetGroup"),
    "COVERS": ("Plan", "Zone"),
    "PART_OF": ("Zone", "Zone"),
    "OWNS": ("Organisation", "Zone"),
    "DESCRIBED_IN": ("Plan", "Document"),
    "HAS_FOCUS_AREA": ("Plan", "FocusArea"),
    "ADDRESSES": ("Plan", "TargetGroup"),   # named in problem descriptions / goals
    "LOCATED_IN": ("Activity", "Zone"),      # an activity names the zone / department
}
REL_TYPES = tuple(REL_ENDPOINTS)

# documented properties per label (besides id, label, name, sources)
NODE_PROPERTIES: dict[str, tuple[str, ...]] = {
    "Plan": ("document_type", "period_start", "period_end", "municipality", "area", "aliases"),
    "Document": ("path", "format", "checksum"),
    "Organisation": ("aliases", "type", "mentions"),
    "Person": ("title", "email", "phone", "mentions"),
    "Activity": ("plan", "focus_area", "kind"),
    "Zone": ("type", "units", "aliases"),
    "TargetGroup": ("category", "phrases"),
    "FocusArea": (),
}


def _nx():  # noqa: ANN202
    """networkx, imported on first use: a command answered from kept counts or a kept
    answer never builds a graph and does not pay the ~0.15 s import."""
    import networkx

    return networkx


@lru_cache(maxsize=500_000)
def slug(text: str) -> str:
    """A readable, deterministic id fragment.

    >>> slug("Københavns Kommune")
    'kobenhavns-kommune'
    >>> slug("Mit Kvarter 2025-2028")
    'mit-kvarter-2025-2028'
    """
    text = text.lower().replace("ø", "o").replace("æ", "ae").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9@.]+", "-", text).strip("-.") or "x"


_PREFIX = {"Plan": "plan:", "Document": "doc:", "Organisation": "org:", "Person": "person:",
           "Activity": "activity:", "Zone": "zone:", "TargetGroup": "target:",
           "FocusArea": "focus:"}


def node_id(label: str, *parts: str) -> str:
    """``node_id("Organisation", "Københavns Kommune") == "org:kobenhavns-kommune"``.
    (The prefixes made once, and one part slugged without a join: 10,000 plans, ~650,000
    calls, nearly all of one part.)"""
    if len(parts) == 1:
        return _PREFIX[label] + slug(parts[0])
    return _PREFIX[label] + "/".join([slug(p) for p in parts])


def _source_key(source: dict[str, Any]) -> tuple:
    """A hashable stand-in for a source dict (equal dicts, equal keys)."""
    return tuple(sorted((k, repr(v)) for k, v in source.items()))


class PartnershipGraph:
    """The typed partnership graph. Wraps (never exposes mutably by accident)
    a ``networkx.MultiDiGraph`` available as :attr:`g` for algorithms."""

    def __init__(self, g: nx.MultiDiGraph | None = None) -> None:
        if g is None:
            g = _nx().MultiDiGraph()
        self.g: nx.MultiDiGraph = g
        self._seen: dict[int, tuple[list, set]] = {}
        # a fragment's graph (graph/frag_graph.py): its node and edge dicts, for the
        # new relationship's path of add_edge (1.6 M at 10,000 plans)
        self._frag = (g._node, g._edge) if isinstance(g, FragGraph) else None

    def canonical(self) -> "PartnershipGraph":
        """The same graph with nodes in id order and relationships in (source, target,
        type) order. Analyses break ties by iteration order, so every store returns
        this order (SQLite keeps insertion order, Neo4j reads with ORDER BY) and the
        answers do not depend on which store a graph came from."""
        out = _nx().MultiDiGraph(**self.g.graph)
        out.add_nodes_from(sorted(self.g.nodes(data=True), key=lambda n: n[0]))
        out.add_edges_from(sorted(self.g.edges(keys=True, data=True), key=lambda e: e[:3]))
        return PartnershipGraph(out)

    # -- building ---------------------------------------------------------
    def add_node(self, node_id: str, label: str, name: str, **props: Any) -> None:
        if label not in LABELS:
            raise ValueError(f"unknown label {label!r}")
        props.setdefault("sources", [])
        if node_id in self.g:
            self.g.nodes[node_id].update(props)
            self.g.nodes[node_id]["name"] = name
        else:
            self.g.add_node(node_id, id=node_id, label=label, name=name, **props)

    def add_edge(self, source: str, target: str, rel: str, **props: Any) -> None:
        if rel not in REL_ENDPOINTS:
            raise ValueError(f"unknown relationship type {rel!r}")
        props.setdefault("sources", [])
        frag = self._frag
        if frag is not None and (source, target, rel) not in frag[1]:
            nodes = frag[0]      # (FragGraph.add_edge inline: the ends as nodes, then the
            if source not in nodes:               # relationship, type first)
                nodes[source] = {}
            if target not in nodes:
                nodes[target] = {}
            frag[1][(source, target, rel)] = {"type": rel, **props}
            return
        if self.g.has_edge(source, target, key=rel):
            data = self.g.edges[source, target, rel]
            # a set of the sources already there (kept beside the graph, not in it):
            # a list scan made this quadratic for edges with thousands of sources
            # (keyed by the list itself: the builder may pass one list to several edges)
            lst = data["sources"]
            entry = self._seen.get(id(lst))
            if entry is None or entry[0] is not lst:
                entry = self._seen[id(lst)] = (lst, {_source_key(s) for s in lst})
            seen = entry[1]
            for s in props.pop("sources"):
                key = _source_key(s)
                if key not in seen:
                    seen.add(key)
                    data["sources"].append(s)
            data.update(props)
        else:
            self.g.add_edge(source, target, key=rel, type=rel, **props)

    # -- reading ----------------------------------------------------------
    def nodes(self, label: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        for n, d in self.g.nodes(data=True):
            if label is None or d.get("label") == label:
                yield n, d

    def node(self, node_id: str) -> dict[str, Any]:
        return self.g.nodes[node_id]

    def edges(self, rel: str | None = None) -> Iterator[tuple[str, str, dict[str, Any]]]:
        for u, v, k, d in self.g.edges(keys=True, data=True):
            if rel is None or k == rel:
                yield u, v, d

    def out(self, node_id: str, rel: str) -> list[str]:
        return [v for _, v, k in self.g.out_edges(node_id, keys=True) if k == rel]

    def into(self, node_id: str, rel: str) -> list[str]:
        return [u for u, _, k in self.g.in_edges(node_id, keys=True) if k == rel]

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.g

    def __len__(self) -> int:
        return self.g.number_of_nodes()

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for _, d in self.g.nodes(data=True):
            out[d["label"]] = out.get(d["label"], 0) + 1
        for _, _, k in self.g.edges(keys=True):
            out[k] = out.get(k, 0) + 1
        return out

    def subgraph(self, nodes: Iterable[str]) -> "PartnershipGraph":
        return PartnershipGraph(self.g.subgraph(list(nodes)).copy())

    def ids(self) -> tuple[set[str], set[tuple[str, str, str]]]:
        """Node ids and (source, target, type) edge ids: for order-insensitive comparisons."""
        return set(self.g.nodes), {(u, v, k) for u, v, k in self.g.edges(keys=True)}


def assemble_graph(nodes: Iterable[tuple[str, dict]], edges: Iterable[tuple[str, str, str, dict]]
                   ) -> "PartnershipGraph":
    """A graph from (id, attributes) and (source, target, type, attributes), filling the
    MultiDiGraph's dicts directly: several times faster than ``add_edges_from`` for
    100k+ edges. Every edge's ends must be among ``nodes``."""
    g = _nx().MultiDiGraph()
    node, succ, pred = g._node, g._succ, g._pred
    for n, d in nodes:
        node[n] = d
        succ[n], pred[n] = {}, {}
    for u, v, k, d in edges:
        su = succ[u]
        if v in su:
            su[v][k] = d
        else:
            su[v] = pred[v][u] = {k: d}
    return PartnershipGraph(g)
