"""A document's fragment without networkx (graph/emit.py, for the incremental update).

A fragment is built, stored as rows and never analysed, so the incremental update
need not import networkx (a quarter of a second, a fifth of a one-document load)
for it. :class:`FragGraph` is the part of ``networkx.MultiDiGraph`` that
:class:`samspil.graph.model.PartnershipGraph` and the fragment readers use: nodes
and keyed edges with attribute dicts, ``g.nodes[n]`` / ``g.nodes(data=True)``,
``g.edges[u, v, k]`` / ``g.edges(keys=True, data=True)``, an edge's ends added as
attribute-less nodes as networkx adds them. The full build keeps networkx
fragments; tests/graph/test_incremental.py compares the two paths' graphs.
"""
from __future__ import annotations

from typing import Any, Iterator

__all__ = ["FragGraph"]


class _Nodes:
    def __init__(self, node: dict[str, dict]) -> None:
        self._node = node

    def __getitem__(self, n: str) -> dict:
        return self._node[n]

    def __call__(self, data: bool = False) -> Iterator:
        return iter(self._node.items()) if data else iter(self._node)


class _Edges:
    def __init__(self, edge: dict[tuple[str, str, str], dict]) -> None:
        self._edge = edge

    def __getitem__(self, e: tuple[str, str, str]) -> dict:
        return self._edge[e]

    def __call__(self, keys: bool = False, data: bool = False) -> Iterator:
        if keys:        # (the full write reads every edge so: no tuples joined per edge)
            return (((u, v, k, d) for (u, v, k), d in self._edge.items()) if data
                    else iter(self._edge))
        return (((u, v, d) for (u, v, _), d in self._edge.items()) if data
                else ((u, v) for u, v, _ in self._edge))


class FragGraph:
    """Nodes and keyed, directed edges with attribute dicts (see the module docstring)."""

    def __init__(self) -> None:
        self.graph: dict[str, Any] = {}
        self._node: dict[str, dict] = {}
        self._edge: dict[tuple[str, str, str], dict] = {}
        self.nodes, self.edges = _Nodes(self._node), _Edges(self._edge)

    def __contains__(self, n: object) -> bool:
        return n in self._node

    def add_node(self, n: str, **attrs: Any) -> None:
        self._node.setdefault(n, {}).update(attrs)

    def has_edge(self, u: str, v: str, key: str | None = None) -> bool:
        if key is None:
            return any(e[:2] == (u, v) for e in self._edge)
        return (u, v, key) in self._edge

    def add_edge(self, u: str, v: str, key: str, **attrs: Any) -> str:
        self._node.setdefault(u, {})
        self._node.setdefault(v, {})
        self._edge.setdefault((u, v, key), {}).update(attrs)
        return key

    def number_of_nodes(self) -> int:
        return len(self._node)
