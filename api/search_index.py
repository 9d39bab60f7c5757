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

__all__ = ["TrigramIndex", "index_of"]

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


def index_of(holder: dict, rows: Sequence[Row]) -> TrigramIndex:
    """The index kept in ``holder`` (a snapshot's memo), built once."""
    found = holder.get("trigram-index")
    if found is None:
        with _BUILD_LOCK:
            found = holder.get("trigram-index")
            if found is None:
                found = holder["trigram-index"] = TrigramIndex(rows)
    return found
