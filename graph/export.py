"""File exports of a PartnershipGraph: thin translators over networkx.

``node-link``  networkx node-link JSON, every node attribute kept (``mentions``,
               ``sources`` included), edges under ``links`` with their ``key``;
``graphml`` / ``gexf``  for Gephi, yEd, Cytoscape; list and dict attributes are
               JSON strings there (those formats hold only scalars), None is left out;
``csv``        one table, a row per node and per relationship
               (``record`` = node | edge), attributes as JSON in ``properties``.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any, TextIO

import networkx as nx

from samspil.graph.model import PartnershipGraph

__all__ = ["FORMATS", "export_graph", "node_link", "scalar_graph"]

FORMATS = ("node-link", "graphml", "gexf", "csv")


def node_link(graph: PartnershipGraph) -> dict[str, Any]:
    """networkx node-link data (``links`` key, ``key`` = relationship type)."""
    return nx.node_link_data(graph.g, edges="links")


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def scalar_graph(graph: PartnershipGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are scalars (for GraphML and GEXF)."""
    g = nx.MultiDiGraph()
    for n, d in graph.g.nodes(data=True):
        g.add_node(n, **{k: _scalar(v) for k, v in d.items() if v is not None})
    for u, v, k, d in graph.g.edges(keys=True, data=True):
        g.add_edge(u, v, key=k, **{a: _scalar(b) for a, b in d.items() if b is not None})
    return g


def _csv(graph: PartnershipGraph, out: TextIO) -> None:
    w = csv.writer(out)
    w.writerow(["record", "id", "label_or_type", "source", "target", "name", "properties"])
    for n, d in sorted(graph.g.nodes(data=True)):
        props = {k: v for k, v in d.items() if k not in ("id", "label", "name")}
        w.writerow(["node", n, d["label"], "", "", d.get("name") or "",
                    json.dumps(props, ensure_ascii=False, sort_keys=True)])
    for u, v, k, d in sorted(graph.g.edges(keys=True, data=True), key=lambda e: e[:3]):
        props = {a: b for a, b in d.items() if a != "type"}
        w.writerow(["edge", f"{u}|{k}|{v}", k, u, v, "",
                    json.dumps(props, ensure_ascii=False, sort_keys=True)])


def export_graph(graph: PartnershipGraph, fmt: str) -> bytes:
    """The graph in ``fmt`` (one of :data:`FORMATS`) as bytes (UTF-8 text)."""
    if fmt == "node-link":
        return json.dumps(node_link(graph), ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        _csv(graph, buf)
        return buf.getvalue().encode("utf-8")
    if fmt in ("graphml", "gexf"):
        g = scalar_graph(graph)
        writer = nx.generate_graphml if fmt == "graphml" else nx.generate_gexf
        return "\n".join(writer(g)).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
