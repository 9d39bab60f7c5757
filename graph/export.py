"""File exports of a PartnershipGraph: thin translators over networkx.

``node-link``  networkx node-link JSON, every node attribute kept (``mentions``,
               ``sources`` included), edges under ``links`` with their ``key``;
``graphml``    for yEd, Cytoscape, igraph, Gephi: unique edge ids
               (``source|TYPE|target``), typed attributes (``d0`` ... declared
               with ``attr.type``), the relationship type as the edge attribute
               ``relationship``; list and dict attributes are JSON strings (the
               format holds only scalars), None is left out;
``gexf``       GEXF 1.3 for Gephi: the node *name* as its label, ``kind`` (the
               graph label: Organisation, Plan, ...), ``type``, ``plans`` and
               ``sources`` as attributes; the relationship type as the edge label
               and the edge attribute ``relationship`` (GEXF reserves the edge
               ``type`` for directed / undirected / mutual);
``csv``        one table, a row per node and per relationship
               (``record`` = node | edge), attributes as JSON in ``properties``;
``neo4j-csv``  a folder of ``neo4j-admin database import full`` files (see
               :func:`write_neo4j_csv`).

Every node of GraphML and GEXF also carries ``plans``: the names of the plans it
is linked to directly or through one of the plan's activities (so Gephi can
filter or colour by plan).
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any, TextIO

from samspil.graph.model import PartnershipGraph, _nx

__all__ = ["FORMATS", "export_graph", "node_link", "scalar_graph", "node_plans", "edge_id",
           "write_neo4j_csv"]

FORMATS = ("node-link", "graphml", "gexf", "csv", "neo4j-csv")


def node_link(graph: PartnershipGraph) -> dict[str, Any]:
    """networkx node-link data (``links`` key, ``key`` = relationship type)."""
    return _nx().node_link_data(graph.g, edges="links")


def edge_id(u: str, rel: str, v: str) -> str:
    """The export id of a relationship: unique, since a pair holds one relationship per type."""
    return f"{u}|{rel}|{v}"


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def node_plans(graph: PartnershipGraph) -> dict[str, list[str]]:
    """Node -> sorted names of the plans it is linked to directly or through one of
    the plan's activities (a plan lists itself)."""
    g = graph.g
    out: dict[str, set[str]] = {}
    for pid, d in g.nodes(data=True):
        if d.get("label") != "Plan":
            continue
        name = str(d.get("name") or pid)
        out.setdefault(pid, set()).add(name)
        near = {pid, *g.successors(pid), *g.predecessors(pid)}
        for a in list(graph.out(pid, "HAS_ACTIVITY")):
            near.update(g.successors(a))
            near.update(g.predecessors(a))
        for n in near:
            if n == pid or g.nodes[n].get("label") != "Plan":
                out.setdefault(n, set()).add(name)
    return {n: sorted(s) for n, s in out.items()}


def scalar_graph(graph: PartnershipGraph, *, for_gexf: bool = False) -> Any:
    """A copy with scalar attributes, ``plans`` on every node, unique edge ids and the
    relationship type as ``relationship`` (GraphML; with ``for_gexf`` the GEXF naming)."""
    plans = node_plans(graph)
    g = _nx().MultiDiGraph()
    for n, d in graph.g.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in d.items() if v is not None}
        attrs["plans"] = _scalar(plans.get(n, []))
        if not for_gexf:   # the GraphML node id is the id (an "id" key would clash in igraph)
            attrs.pop("id", None)
        else:   # GEXF's label is what Gephi draws: the name; the graph label is the kind
            attrs["kind"] = attrs.pop("label")
            attrs["label"] = str(d.get("name") or n)
        g.add_node(n, **attrs)
    for u, v, k, d in graph.g.edges(keys=True, data=True):
        attrs = {a: _scalar(b) for a, b in d.items() if b is not None and a != "type"}
        attrs["relationship"] = k
        if for_gexf:
            attrs.update(id=edge_id(u, k, v), label=k)
        g.add_edge(u, v, key=edge_id(u, k, v), **attrs)
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
        w.writerow(["edge", edge_id(u, k, v), k, u, v, "",
                    json.dumps(props, ensure_ascii=False, sort_keys=True)])


def export_graph(graph: PartnershipGraph, fmt: str) -> bytes:
    """The graph in ``fmt`` (one of :data:`FORMATS` but ``neo4j-csv``) as UTF-8 bytes."""
    if fmt == "node-link":
        return json.dumps(node_link(graph), ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        _csv(graph, buf)
        return buf.getvalue().encode("utf-8")
    if fmt == "graphml":
        return "\n".join(_nx().generate_graphml(scalar_graph(graph))).encode("utf-8")
    if fmt == "gexf":
        text = "\n".join(_nx().generate_gexf(scalar_graph(graph, for_gexf=True), version="1.3"))
        # networkx 3.6 writes the XML Schema instance namespace without "www."
        return text.replace('"http://w3.org/2001/XMLSchema-instance"',
                            '"http://www.w3.org/2001/XMLSchema-instance"', 1).encode("utf-8")
    if fmt == "neo4j-csv":
        raise ValueError("neo4j-csv is a folder of files: use write_neo4j_csv(graph, folder) "
                         "(`samspil export --format neo4j-csv -o FOLDER`)")
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _neo4j_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(_scalar(value))


def write_neo4j_csv(graph: PartnershipGraph, folder: str | Path) -> list[Path]:
    """``neo4j-admin database import full`` files: ``nodes_<Label>.csv`` (header
    ``id:ID,:LABEL,name,...``) and ``relationships_<TYPE>.csv`` (``:START_ID,:END_ID,
    :TYPE,...``), one per label and type; lists and evidence as JSON strings. Returns
    the files written, nodes first (the order the import command lists them)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    by_label: dict[str, list[tuple[str, dict]]] = {}
    for n, d in graph.g.nodes(data=True):
        by_label.setdefault(d["label"], []).append((n, d))
    by_type: dict[str, list[tuple[str, str, dict]]] = {}
    for u, v, k, d in graph.g.edges(keys=True, data=True):
        by_type.setdefault(k, []).append((u, v, d))
    written = []
    for label, rows in sorted(by_label.items()):
        keys = sorted({k for _n, d in rows for k in d} - {"id", "label", "name"})
        written.append(_write_rows(folder / f"nodes_{label}.csv", ["id:ID", ":LABEL", "name", *keys],
                                   ([n, label, d.get("name") or "", *(d.get(k) for k in keys)]
                                    for n, d in sorted(rows, key=lambda r: r[0]))))
    for rel, rows in sorted(by_type.items()):
        keys = sorted({k for _u, _v, d in rows for k in d} - {"type"})
        written.append(_write_rows(folder / f"relationships_{rel}.csv",
                                   [":START_ID", ":END_ID", ":TYPE", *keys],
                                   ([u, v, rel, *(d.get(k) for k in keys)]
                                    for u, v, d in sorted(rows, key=lambda r: r[:2]))))
    return written


def _write_rows(path: Path, header: list[str], rows: Any) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows:
            w.writerow([_neo4j_value(x) for x in r])
    return path
