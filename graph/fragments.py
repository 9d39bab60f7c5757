"""Folding the documents' fragments (graph/emit.py) into one graph.

A node or relationship several documents contribute to is the fold, in document
order, of each document's own version of it:

* relationships: sources appended in order without duplicates, other properties
  from the last document (as ``PartnershipGraph.add_edge`` updates them);
* nodes: properties from the first document, sources united (sorted at the end);
  a Zone's aliases are all names it was written with except its name, its units the
  first known; a TargetGroup's phrases are united.

The full build folds every document; the incremental update folds again only the
items a changed document touches, from the stored fragments of every document that
contributes to them, so both give the same graph.
"""
from __future__ import annotations

from typing import Any

from samspil.graph.emit import source_sort_key
from samspil.graph.model import PartnershipGraph, _source_key

__all__ = ["merge_node", "merge_edge", "finish_node", "Folder"]


def _first(frag: dict[str, Any]) -> dict[str, Any]:
    out = dict(frag)
    out["sources"] = list(frag["sources"])
    return out


def _add_sources(acc: dict[str, Any], frag: dict[str, Any], seen: set | None, key) -> None:
    """``frag``'s sources that ``acc`` does not have yet, appended in order (``seen``: the
    keys of ``acc``'s sources, when the caller keeps them)."""
    if seen is None:
        seen = {key(s) for s in acc["sources"]}
    for s in frag["sources"]:
        k = key(s)
        if k not in seen:
            seen.add(k)
            acc["sources"].append(s)


def merge_node(acc: dict[str, Any] | None, frag: dict[str, Any],
               keys: set | None = None) -> dict[str, Any]:
    """``acc`` with one more document's version ``frag`` of the node (``acc`` may be None).
    ``keys``: the sort keys of ``acc``'s sources, when the caller keeps them."""
    if acc is None:
        return _first(frag)
    _add_sources(acc, frag, keys, source_sort_key)
    label = acc["label"]
    if label == "Zone":
        if "aliases" in acc or "aliases" in frag:
            acc["aliases"] = sorted((set(acc.get("aliases") or []) | set(frag.get("aliases") or []))
                                    - {acc["name"]})
        acc["units"] = acc.get("units") or frag.get("units")
    elif label == "TargetGroup":
        acc["phrases"] = sorted(set(acc.get("phrases") or []) | set(frag.get("phrases") or []))
    return acc


def merge_edge(acc: dict[str, Any] | None, frag: dict[str, Any],
               seen: set | None = None) -> dict[str, Any]:
    """``acc`` with one more document's version ``frag`` of the relationship."""
    if acc is None:
        return _first(frag)
    _add_sources(acc, frag, seen, _source_key)
    acc.update({k: v for k, v in frag.items() if k != "sources"})
    return acc


def finish_node(d: dict[str, Any]) -> dict[str, Any]:
    d["sources"].sort(key=source_sort_key)
    return d


class Folder:
    """Folds fragments in document order into ``g``, keeping the keys of every item's
    sources so far (recomputing them per document was quadratic in the documents)."""

    def __init__(self, g: PartnershipGraph) -> None:
        self.g = g
        self.keys: dict[Any, set] = {}

    def node(self, acc: dict[str, Any] | None, n: str, d: dict[str, Any]) -> dict[str, Any]:
        if acc is None:
            return merge_node(None, d)    # most items have one document: no key set for them
        keys = self.keys.get(n)
        if keys is None:
            keys = self.keys[n] = {source_sort_key(s) for s in acc["sources"]}
        return merge_node(acc, d, keys)

    def edge(self, acc: dict[str, Any] | None, e: tuple, d: dict[str, Any]) -> dict[str, Any]:
        if acc is None:
            return merge_edge(None, d)
        keys = self.keys.get(e)
        if keys is None:
            keys = self.keys[e] = {_source_key(s) for s in acc["sources"]}
        return merge_edge(acc, d, keys)

    def fold(self, frag: PartnershipGraph) -> None:
        g, node = self.g.g, self.g.g._node
        for n, d in frag.g.nodes(data=True):
            if "label" not in d:
                continue
            acc = node.get(n)
            if acc is None:
                g.add_node(n, **self.node(None, n, d))
            elif "label" not in acc:         # so far only the end of a relationship
                acc.update(self.node(None, n, d))
            else:
                self.node(acc, n, d)
        for u, v, k, d in frag.g.edges(keys=True, data=True):
            if g.has_edge(u, v, k):
                self.edge(g.edges[u, v, k], (u, v, k), d)
            else:
                g.add_edge(u, v, key=k, **self.edge(None, (u, v, k), d))
