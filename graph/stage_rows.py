"""One document's fragment as the full write's staged rows (graph/fold_stage.py).

:func:`staged` is a pure function of the fragment: the rows of ``stage_node`` /
``stage_edge`` (each fragment in pieces of JSON text, see graph/fold_stage.py), the
lists of sources' text for ``stage_srcs``, the ``sources`` rows it names and its
relationships' ``edge_docs`` rows. :meth:`samspil.graph.fold_stage.Stage.add` writes
them and keeps the counts the fold needs. Being pure, it runs in the emission worker
(graph/emit_pool.py) as well as in the store's process: a ``stage_srcs`` row's id is
``base + n`` for the fragment's ``n``-th list, ``base`` given by the caller (one per
fragment, :data:`LISTS` apart), so rows made anywhere have the ids rows made in order
would have.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from samspil.graph.emit import source_sort_key
from samspil.graph.frag_store import FRAG_LABELS, part_of
from samspil.graph.jsontext import dumps
from samspil.graph.sqlite_rows import source_id

__all__ = ["Staged", "staged", "LISTS"]

LISTS = 1 << 20          # ``stage_srcs`` ids per fragment (a document has hundreds of lists)
_NODE_HEAD = ("id", "label", "name", "sources")
_EDGE_HEAD = ("type", "sources")
_NONE: list = []


@dataclass
class Staged:
    """A fragment's rows: ``texts`` ((id, text) of ``stage_srcs``), ``rows`` (the nodes'
    first, ``nodes`` of them, then the relationships'; graph/fold_stage.py ``COLUMNS``),
    ``mine`` (``edge_docs`` rows of relationships whose sources all name ``doc``, sorted
    when ``part`` is "d"), ``other`` (the rest of the ``edge_docs`` rows), ``new`` (the
    ``sources`` rows of the sources it names, once each)."""

    doc: str
    part: str
    texts: list[tuple[int, str]]
    rows: list[tuple]
    nodes: int
    mine: list[tuple[str, str, str, str]]
    other: list[tuple[str, str, str, str]]
    new: list[tuple]


def _inner(d: dict[str, Any] | None) -> str:
    return dumps(d)[1:-1] if d else ""


class _Lists:
    """A fragment's lists of sources: their text (once per list), their ids' text."""

    def __init__(self, doc: str, base: int) -> None:
        self.doc, self.n = doc, base
        self.texts: list[tuple[int, str]] = []
        self.cache: dict[tuple, str] = {}        # a source's id (text), by its items
        self.new: list[tuple] = []
        self.seen: dict[int, tuple[int, str, bool]] = {}    # id(list) -> encoded

    def text(self, srcs: list[dict[str, Any]]) -> int:
        self.n += 1
        self.texts.append((self.n, dumps(srcs)))
        return self.n

    def ids(self, srcs: list[dict[str, Any]]) -> str:
        cache, out = self.cache, []
        for s in srcs:
            text = cache.get(tuple(s.items()))
            if text is None:
                key = (s.get("document"), s.get("line"), s.get("page"), s.get("excerpt", ""))
                sid = source_id(key)
                self.new.append((sid, *key))
                text = cache[tuple(s.items())] = str(sid)
            out.append(text)
        return "[" + ", ".join(out) + "]"

    def encoded(self, srcs: list[dict[str, Any]]) -> tuple[int, str, bool]:
        """A list's text id, ids and whether they all name the document: once per list
        (an activity's relationships share one; every list lives as long as the fragment)."""
        hit = self.seen.get(id(srcs))
        if hit is None:
            hit = self.seen[id(srcs)] = (self.text(srcs), self.ids(srcs),
                                         bool(srcs) and all(s.get("document") == self.doc for s in srcs))
        return hit


def staged(doc: str, part: str, g: Any, base: int) -> Staged:
    """The staged rows of ``doc``'s fragment ``g`` (a PartnershipGraph) of ``part``."""
    lists = _Lists(doc, base)
    rows = []
    for n, d in g.g.nodes(data=True):
        if "label" not in d:
            continue
        label, name = d["label"], d.get("name")
        rest = {k: v for k, v in d.items() if k not in _NODE_HEAD}
        srcs = d.get("sources") or _NONE
        if len(srcs) > 1:       # (a sorted copy lives only here: not by its id)
            srcs = sorted(srcs, key=source_sort_key)
            text, ids = lists.text(srcs), lists.ids(srcs)
            own = all(s.get("document") == doc for s in srcs)
        else:
            text, ids, own = lists.encoded(srcs)
        simple = (own and part == part_of(label) and label in FRAG_LABELS
                  and not rest.get("mentions") and not rest.get("documents")
                  and (label != "Document" or name == doc))
        rows.append((n, doc, part, label, name, _inner(rest), text, ids, simple))
    nodes = len(rows)
    mine, other = [], []
    for u, v, k, d in g.g.edges(keys=True, data=True):
        rest = (None if len(d) == 2 and "type" in d and "sources" in d else
                {x: y for x, y in d.items() if x not in _EDGE_HEAD})
        srcs = d.get("sources") or _NONE
        text, ids, own = lists.encoded(srcs)
        rows.append((f"{u}\x1f{v}\x1f{k}", doc, part, k, None, _inner(rest), text, ids,
                     own and part == part_of(k)))
        if rest and ("mentions" in rest or "documents" in rest or "label" in rest):
            raise ValueError(f"a relationship with mentions or documents: {k}")  # (none has)
        if own:
            mine.append((u, v, k, doc))
        else:
            other += [(u, v, k, x) for x in {s["document"] for s in srcs if s.get("document")}]
    if part == "d":      # documents come in order: rows in the table's key order
        mine.sort()
    return Staged(doc, part, lists.texts, rows, nodes, mine, other, lists.new)
