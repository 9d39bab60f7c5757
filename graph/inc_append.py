"""Folding the touched nodes and relationships again (graph/incremental.py ``_refold``):
from the stored fragments of every document that contributes to them, in document
order, or, when the changed document is an item's last contributor, from the item's
stored version.

A zone, focus area, target group or unit relationship that a thousand plans name is
the fold of a thousand fragments in document order (graph/fragments.py). When the
update only adds a document that sorts after every other contributor of the item,
that fold is the stored item folded with the new document's fragment: nodes unite
their sources (sorted at the end), zones and target groups unite aliases and
phrases, relationships append sources and take the last document's properties.
The sources of the new document name it, so none of them is already there.
"""
from __future__ import annotations

from typing import Any

from samspil.graph.emit import source_sort_key
from samspil.graph.fragments import _add_sources, finish_node, merge_edge, merge_node
from samspil.graph.jsontext import loads
from samspil.graph.model import _source_key
from samspil.graph.sqlite_rows import source_dicts

__all__ = ["appended", "refold", "insert_at"]


def refold(u: Any) -> dict[str, dict[str, Any] | None]:
    """Every touched item's attributes after the update (None: gone), with the
    organisation, person and plan nodes the update rewrote."""
    items: dict[str, dict | None] = dict(u.rewritten_nodes)
    for item in sorted(u.touched):
        if (acc := appended(u, item)) is not None:
            items[item] = acc
            continue
        acc, keys = None, None
        edge = "\x1f" in item
        for (props,) in u.q("SELECT props FROM frag WHERE item = ? ORDER BY part, doc", item):
            d = loads(props)
            if acc is None:
                acc = merge_edge(None, d) if edge else merge_node(None, d)
                keys = {(_source_key if edge else source_sort_key)(s) for s in acc["sources"]}
            else:
                (merge_edge if edge else merge_node)(acc, d, keys)
        if acc is not None and not edge:
            finish_node(acc)
        items[item] = acc
    return items


def appended(u: Any, item: str) -> dict[str, Any] | None:
    """The item after the update, from its stored version and the one new document's
    fragment; None when that does not apply (fold every fragment again)."""
    if len(u.changed) != 1 or not u.new or getattr(u, "replacing", True):
        return None
    (doc,) = u.changed
    # another contributor emitted again in this update (a zone whose display name the new
    # document changed) has a new fragment: the stored item is stale, fold them all
    again = set(getattr(u, "emit_docs", ())) - {doc}
    if again and again & {d for (d,) in u.q("SELECT doc FROM frag WHERE item = ?", item)}:
        return None
    mine = u.q("SELECT part, props FROM frag WHERE item = ? AND doc = ?", item, doc)
    last = u.q("SELECT part, doc FROM frag WHERE item = ? AND doc != ? ORDER BY part DESC, doc DESC "
               "LIMIT 1", item, doc)
    if len(mine) != 1 or not last:
        return None
    edge = "\x1f" in item
    frag = loads(mine[0][1])
    if tuple(last[0]) > (mine[0][0], doc):       # not the last contributor
        return None if edge else _between(u, item, doc, mine[0][0], frag)
    if (ids := _after_all(u, item, doc, frag)) is not None:
        return ids
    stored = _stored_edge(u, item) if edge else _stored_node(u, item)
    if stored is None:
        return None
    if edge:
        return merge_edge(stored, frag)
    return finish_node(merge_node(stored, frag))


def _after_all(u: Any, item: str, doc: str, frag: dict[str, Any]) -> dict[str, Any] | None:
    """The item after the update without reading its stored sources back, when the new
    document sorts after every other contributor (so after every stored source: each
    source names its own document): the stored source ids (``@s``) stay first and in
    order, the document's own sources follow, sorted for a node (graph/sqlite_rows.py
    ``write_items`` reads ``@s``). None when that does not hold."""
    if any(s.get("document") != doc for s in frag["sources"]):
        return None
    if (u.q("SELECT max(doc) FROM frag WHERE item = ? AND doc != ?", item, doc)[0][0] or "") >= doc:
        return None
    if "\x1f" in item:
        a, b, k = item.split("\x1f")
        row = u.q("SELECT props FROM edges WHERE src = ? AND dst = ? AND type = ?", a, b, k)
        if not row:
            return None
        props = loads(row[0][0])
        acc = merge_edge({**props, "type": k, "sources": []}, frag, set())
        return acc
    row = u.q("SELECT label, name, props FROM nodes WHERE id = ?", item)
    if not row:
        return None
    props = loads(row[0][2])
    acc = {**props, "id": item, "label": row[0][0], "name": row[0][1], "sources": []}
    return finish_node(merge_node(acc, frag, set()))


def _between(u: Any, item: str, doc: str, part: str, frag: dict[str, Any]) -> dict[str, Any] | None:
    """A node after the update without folding its fragments again, when the new document
    is neither of its first two contributors (session 13: a target group that ten
    thousand plans name was folded from every fragment, and its ~20,000 sources hashed
    and written again, when a plan sorting before the last one was added). The first
    contributor's properties stay; by then the fold has set every key it sets
    (``units`` of a Zone, ``phrases`` of a TargetGroup), so only ``aliases`` can be
    added, at the end, as the full fold adds it. The sources are sorted by document
    first and the new document's name it alone, so they go, sorted, where the stored
    ones naming documents after it begin (``@at``, read by graph/sqlite_rows.py
    ``write_items``): found by bisecting the stored ids. None when that does not hold
    (a Zone whose units the new document would set otherwise than stored)."""
    if any(s.get("document") != doc for s in frag["sources"]):
        return None
    before = u.q("SELECT count(*) FROM (SELECT 1 FROM frag WHERE item = ? AND (part < ? OR "
                 "(part = ? AND doc < ?)) LIMIT 2)", item, part, part, doc)[0][0]
    row = u.q("SELECT label, name, props FROM nodes WHERE id = ?", item)
    if before < 2 or not row or row[0][0] != frag.get("label"):
        return None
    label, name = row[0][0], row[0][1]
    props = loads(row[0][2])
    if label == "Zone":
        mine, kept = frag.get("units"), props.get("units")
        if "units" not in props or (mine and kept and mine != kept):
            return None
        if mine and not kept:
            props["units"] = mine
        if "aliases" in props or "aliases" in frag:
            props["aliases"] = sorted((set(props.get("aliases") or []) | set(frag.get("aliases") or []))
                                      - {name})
    elif label == "TargetGroup":
        if "phrases" not in props:
            return None
        props["phrases"] = sorted(set(props["phrases"]) | set(frag.get("phrases") or []))
    if (at := insert_at(u.q, props.get("@s") or [], doc)) is None:
        return None
    acc = {**props, "id": item, "label": label, "name": name, "sources": []}
    _add_sources(acc, frag, set(), source_sort_key)
    acc["@at"] = at
    return finish_node(acc)


def insert_at(q: Any, ids: list[int], doc: str) -> int | None:
    """Where in ``ids`` (stored source ids sorted by document first, none naming ``doc``)
    the sources of ``doc`` go: the first one naming a document after it, found by
    bisecting (``q``: a query function); None when a source is missing."""
    lo, hi = 0, len(ids)
    while lo < hi:
        mid = (lo + hi) // 2
        got = q("SELECT document FROM sources WHERE id = ?", ids[mid])
        if not got:
            return None
        if (got[0][0] or "") < doc:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _sources(u: Any, ids: list[int]) -> list[dict[str, Any]]:
    rows = {}
    for k in range(0, len(ids), 500):
        chunk = ids[k:k + 500]
        rows |= source_dicts(u.q("SELECT id, document, line, page, excerpt FROM sources WHERE id IN "
                                  f"({','.join('?' * len(chunk))})", *chunk))   # noqa: S608
    if len(rows) != len(set(ids)):
        return None
    return [dict(rows[i]) for i in ids]


def _with_sources(u: Any, props_json: str, **fields: Any) -> dict[str, Any] | None:
    """A stored row's properties with its sources read back (None when one is missing)."""
    props = loads(props_json)
    sources = _sources(u, props.pop("@s", []))
    return None if sources is None else {**props, **fields, "sources": sources}


def _stored_node(u: Any, item: str) -> dict[str, Any] | None:
    row = u.q("SELECT label, name, props FROM nodes WHERE id = ?", item)
    return _with_sources(u, row[0][2], id=item, label=row[0][0], name=row[0][1]) if row else None


def _stored_edge(u: Any, item: str) -> dict[str, Any] | None:
    a, b, k = item.split("\x1f")
    row = u.q("SELECT props FROM edges WHERE src = ? AND dst = ? AND type = ?", a, b, k)
    return _with_sources(u, row[0][0], type=k) if row else None
