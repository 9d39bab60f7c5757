"""What the embedded store reads besides the whole graph (issue 13): a part of the
graph from the snapshot in parts (:mod:`samspil.graph.snapshot`), a few nodes' neighbourhood
with indexed queries, the kept counts, and where kept answers live
(:mod:`samspil.graph.answers`). A mixin of :class:`~samspil.graph.sqlite_store.SqliteStore`
(which provides ``db``, ``path``, ``load``, ``_stale``, ``_token`` and ``_built``), kept
apart so the store module stays about writing and whole-graph reads.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import Any

from samspil.graph.model import PartnershipGraph
from samspil.graph.model import LABELS, REL_TYPES
from samspil.graph.snapshot import (GraphPart, Names, around, names_graph, names_only, project,
                                    read_part, read_summary, summary_of, write_parts)
from samspil.graph.sqlite_rows import edge_items, node_items, source_dicts, to_graph
from samspil.graph.store_guard import guarded

__all__ = ["PartReads"]


@guarded
class PartReads:
    """Reads in proportion to what is asked (see the module docstring)."""

    def load_part(self, part: GraphPart | Names) -> PartnershipGraph:
        """The part of the whole graph an answer reads (:mod:`samspil.graph.snapshot`;
        ``Names``: the nodes' names only), from the snapshot when it is current, which
        costs what the part holds; otherwise from the whole graph."""
        if not self._stale():
            got = read_part(self.snapshot_path, self._token(), part)
            if got is None and self.write_snapshot():     # the first read after a change
                got = read_part(self.snapshot_path, self._token(), part)
            if got is not None:
                return got
        whole = self.load()
        return names_graph(whole, part.labels) if isinstance(part, Names) else project(whole, part)

    def write_snapshot(self) -> bool:
        """Write the snapshot of the committed graph from its rows, one part at a time, so
        the whole graph is never in memory (:func:`row_parts`); False when it could not
        be written (a read-only folder, a full disk)."""
        self.db.execute("BEGIN")       # one consistent snapshot of the rows
        try:
            return write_parts(self.snapshot_path, self._token(), row_parts(self.db))
        finally:
            self.db.execute("COMMIT")

    def load_around(self, node_ids: str | Iterable[str]) -> PartnershipGraph:
        """Nodes, their relationships and the nodes at their other ends (``samspil
        show``, two plans compared): indexed queries, whatever the size of the graph."""
        want = [node_ids] if isinstance(node_ids, str) else sorted(set(node_ids))
        if self.read_only and self._stale():
            return around(self._built(), want)
        self.db.execute("BEGIN")
        try:
            found = {r[:3]: r for col in ("src", "dst") for r in self._rows(
                f"SELECT src, dst, type, props FROM edges WHERE {col} IN", want)}  # noqa: S608
            edges = list(found.values())
            ids = sorted(set(want) | {e[0] for e in edges} | {e[1] for e in edges})
            nodes = self._rows("SELECT id, label, name, props FROM nodes WHERE id IN", ids)
            refs = sorted({i for r in nodes + edges for i in json.loads(r[3]).get("@s", ())})
            sources = self._rows("SELECT id, document, line, page, excerpt FROM sources WHERE id IN",
                                 refs)
        finally:
            self.db.execute("COMMIT")
        nodes.sort(key=lambda r: r[0])
        edges.sort(key=lambda r: r[:3])
        return to_graph(nodes, edges, sources)

    def _rows(self, sql: str, keys: list) -> list:
        out: list = []
        for i in range(0, len(keys), 500):      # SQLite's limit on parameters
            chunk = keys[i:i + 500]
            out += self.db.execute(f"{sql} ({','.join('?' * len(chunk))})", chunk).fetchall()
        return out

    def summary(self) -> dict[str, Any]:
        """Counts per label and type (``samspil stats``) without loading the graph
        when the snapshot is current."""
        if not self._stale() and (got := read_summary(self.snapshot_path, self._token())):
            return got
        return summary_of(self.load())

    @property
    def answers_dir(self) -> Path:
        """Answers kept per graph revision (:mod:`samspil.graph.answers`)."""
        return self.path.with_name(self.path.name + ".answers")

    def answer_token(self) -> str | None:
        """The token answers are filed under: the committed graph's, ``None`` when the
        graph is older than the reports (its answers would not be kept)."""
        return None if self._stale() else self._token()

    @property
    def snapshot_path(self) -> Path:
        return self.path.with_name(self.path.name + ".graph")

    def _drop_derived(self) -> None:
        """After every change of the graph: the snapshot and the kept answers may hold
        what was just removed (forget-person), so they go (readers would ignore them
        anyway: they are tagged with the previous graph token)."""
        self.snapshot_path.unlink(missing_ok=True)
        shutil.rmtree(self.answers_dir, ignore_errors=True)


def row_parts(db: Any) -> Iterator[tuple[tuple[str, ...], Any]]:
    """The snapshot's parts (:mod:`samspil.graph.snapshot`) from the store's rows, one
    label or relationship type at a time: what ``write_snapshot(path, token,
    to_graph(every row))`` writes, without the whole graph in memory."""
    src = source_dicts(db.execute("SELECT id, document, line, page, excerpt FROM sources").fetchall())
    ids: dict[str, str] = {}      # one string object per id: pickled once per part
    firsts: dict[str, tuple] = {}
    counts: dict[str, int] = {}
    cross = {"Organisation": 0, "Person": 0}
    by_label: dict[str, list] = {lab: [] for lab in LABELS}
    for row in db.execute("SELECT id, label, name, props FROM nodes"):
        by_label[row[1]].append(row)
    for lab in LABELS:
        rows = by_label.pop(lab)
        rows.sort(key=itemgetter(0))
        items = node_items(rows, src)
        del rows
        ids.update((n, n) for n, _ in items)
        if items:
            firsts[lab], counts[lab] = (items[0][0],), len(items)
        if lab in cross:
            cross[lab] = sum(len({m["document"] for m in d.get("mentions") or []}) > 1
                             for _, d in items)
        yield ("nodes", lab), items
        yield ("names", lab), [(n, names_only(n, d)) for n, d in items]
        del items
    by_type: dict[str, list] = {t: [] for t in REL_TYPES}
    for u, v, k, props in db.execute("SELECT src, dst, type, props FROM edges"):
        by_type[k].append((ids.get(u, u), ids.get(v, v), k, props))
    for t in REL_TYPES:
        rows = by_type.pop(t)
        rows.sort(key=itemgetter(0, 1))
        items = edge_items(rows, src)
        del rows
        if items:
            firsts[t], counts[t] = items[0][:3], len(items)
        yield ("edges", t), items
        del items
    # summary_of's order: labels, then types, as they first come in id order
    labels = sorted((k for k in firsts if k in LABELS), key=firsts.__getitem__)
    types = sorted((k for k in firsts if k not in LABELS), key=firsts.__getitem__)
    yield ("summary",), {"counts": {k: counts[k] for k in labels + types}, "cross_document": cross}
