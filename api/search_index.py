"""Substring search over the served graph's names without scanning every name.

A trigram index (the technique of SQLite FTS5's trigram tokenizer and PostgreSQL's
pg_trgm, kept in memory beside the snapshot): every folded name (Danish letters
and accents folded as everywhere in samspil) is cut into its three-letter pieces,
and each piece lists the rows that contain it. A query of three or more letters
is looked up as the intersection of its pieces' lists (smallest first) and only
those candidates are checked, so a search costs what it finds, not the size of
the graph; one or two letters fall back to checking every row. Built on the first
search of a snapshot (cold start does not pay for it).
"""
from __future__ import annotations

import threading
from collections.abc import Sequence

__all__ = ["ContextIndex", "TrigramIndex", "context_of", "index_of"]

Row = tuple[str, str, str, tuple[str, ...]]     # (id, label, name, folded names)


def _grams(text: str) -> set[str]:
    return {text[i:i + 3] for i in range(len(text) - 2)}


class TrigramIndex:
    """Rows (``Snapshot.search_index``) by the trigrams of their folded names."""

    def __init__(self, rows: Sequence[Row]) -> None:
        postings: dict[str, list[int]] = {}
        for i, (_nid, _label, _name, names) in enumerate(rows):
            grams: set[str] = set()
            for n in names:
                grams |= _grams(n)
            for g in grams:
                postings.setdefault(g, []).append(i)
        self.rows = rows
        self.postings = postings

    def candidates(self, want: str) -> Sequence[int]:
        """Indexes of the rows that may contain ``want`` (folded), in row order."""
        if len(want) < 3:
            return range(len(self.rows))
        lists = sorted((self.postings.get(g, []) for g in _grams(want)), key=len)
        if not lists[0]:
            return []
        keep = set(lists[0])
        for other in lists[1:]:
            keep.intersection_update(other)
            if not keep:
                return []
        return sorted(keep)


_BUILD_LOCK = threading.Lock()


def _built_once(holder: dict, key: str, build):  # noqa: ANN001, ANN202
    """``holder[key]`` (a snapshot's memo), made by ``build()`` the first time, by one thread."""
    found = holder.get(key)
    if found is None:
        with _BUILD_LOCK:
            found = holder.get(key)
            if found is None:
                found = holder[key] = build()
    return found


def index_of(holder: dict, rows: Sequence[Row]) -> TrigramIndex:
    """The index kept in ``holder`` (a snapshot's memo), built once."""
    return _built_once(holder, "trigram-index", lambda: TrigramIndex(rows))


class ContextIndex:
    """What a search hit is shown with (its context), looked up instead of worked out per
    hit: each node's plans (ids, by plan name) and the set of their municipalities, from
    the snapshot's plan members in one pass; each organisation's parents (``UNIT_OF``).
    A plan's own municipality is its context, not an index entry; a node linked to no
    plan is placed by the documents that name it (``doc_plans``)."""

    def __init__(self, snap) -> None:       # noqa: ANN001 - api.snapshot.Snapshot
        plans_of: dict[str, list[str]] = {}
        munis_of: dict[str, set[str]] = {}
        self.plan: dict[str, tuple[str, str | None]] = {}
        self.doc_plans: dict[str, list[str]] = {}           # document file name -> plans
        for pid in snap.by_label.get("Plan", ()):           # by folded name
            d = snap.node(pid)
            muni = d.get("municipality") or None
            self.plan[pid] = (d.get("name") or pid, muni)
            for doc in d.get("documents") or ():
                self.doc_plans.setdefault(doc, []).append(pid)
            for n in snap.plan_members.get(pid, ()):
                found = plans_of.get(n)
                if found is None:
                    plans_of[n] = [pid]
                    munis_of[n] = {muni} if muni else set()
                else:
                    found.append(pid)
                    if muni:
                        munis_of[n].add(muni)
        self.plans_of = {n: tuple(v) for n, v in plans_of.items()}
        self.munis_of = munis_of
        self.parents_of = {n: tuple(ps) for n in snap.by_label.get("Organisation", ())
                           if (ps := snap.out_neighbours(n, "UNIT_OF"))}

    def plans(self, nid: str) -> tuple[str, ...]:
        return self.plans_of.get(nid, ())

    def municipalities(self, nid: str) -> list[str]:
        return sorted(self.munis_of.get(nid, ()), key=str.casefold)


def context_of(holder: dict, snap) -> ContextIndex:      # noqa: ANN001
    """The context index kept in ``holder`` (a snapshot's memo), built once."""
    return _built_once(holder, "context-index", lambda: ContextIndex(snap))
