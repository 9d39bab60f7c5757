"""The full write's staged fragments, each kept in pieces of JSON text so that an item
with one fragment becomes its rows by joining text (issue 13, session 10).

The full write (graph/sqlite_fold.py) stages every document's fragment as it is
emitted and reads the staged rows back in item order to fold them. Most items have
one fragment (1,000 plans: 156,852 of 163,707), and such an item's row is its
fragment with the sources as ids: decoding each staged text only to encode it again
(the sources swapped for ids) was most of the fold's Python time. A staged row
therefore holds the fragment's text in three pieces, made when it is emitted:

* ``rest``: its properties other than id, label, name (a relationship's type) and
  sources, encoded as the inside of a JSON object (``json.dumps(rest)[1:-1]``);
* ``srcs``: its sources (a node's sorted), encoded;
* ``ids``: their source ids (graph/sqlite_rows.py ``source_id``), encoded; the sources
  table's rows are written as they are met, once per document (``INSERT OR IGNORE``:
  a source met again has the same id and row).

The standard encoder's text is compositional (``", "`` between members, ``": "``
after keys), so ``{rest, "@s": ids}`` is the row's properties as
:class:`samspil.graph.sqlite_fold._Rows` writes them, and ``{head, rest, "sources":
srcs}`` is the fragment's text as graph/frag_store.py stores it (tests compare both
with the decoded path: tests/graph/test_full_write.py, tests/graph/test_frag_store.py).
A relationship's ``edge_docs`` rows (the documents its sources name: the union over
its fragments, as :func:`samspil.graph.store.node_documents` of the folded sources
gives) are written here too, not by the fold: the rows of a document's own
relationships go straight into ``edge_docs`` in its key order (document first: the
documents' fragments come in document order), the others (persons' relationships, made
in a second pass; sources naming another document) through the bulk write's staging.
``simple`` marks a fragment whose row can be joined so when it is its item's only one:
:func:`samspil.graph.frag_store.derivable`, and (a node) no mentions or plan documents,
a Document named as its document, so that its only document is the one it came from.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from samspil.graph.emit import source_sort_key
from samspil.graph.frag_store import FRAG_LABELS, part_of
from samspil.graph.jsontext import dumps
from samspil.graph.sqlite_rows import source_id

__all__ = ["Stage", "COLUMNS", "READ", "fragment_text", "row_props"]

COLUMNS = ("item", "doc", "part", "kind", "name", "rest", "srcs", "ids", "simple")
READ = COLUMNS[:6] + ("rowid",) + COLUMNS[7:]
_NODE_HEAD = ("id", "label", "name", "sources")
_EDGE_HEAD = ("type", "sources")
_INSERT = f"INSERT INTO temp.stage_fold VALUES ({', '.join('?' * len(COLUMNS))})"


_NONE: list = []


def _inner(d: dict[str, Any] | None) -> str:
    return dumps(d)[1:-1] if d else ""


class Stage:
    """The staged fragments of a full write on ``bulk`` (a BulkWrite): :meth:`put` is
    the build's sink, :meth:`rows` gives them back in item order."""

    def __init__(self, bulk: Any) -> None:
        self.bulk = bulk
        bulk.execute("DROP TABLE IF EXISTS temp.stage_fold")
        bulk.execute(f"CREATE TEMP TABLE stage_fold({', '.join(COLUMNS)})")
        self.cache: dict[tuple, int] = {}    # the document's sources' ids, by their items
        self.new: list[tuple] = []

    def source(self, src: dict[str, Any]) -> int:
        ck = tuple(src.items())
        sid = self.cache.get(ck)
        if sid is None:
            key = (src.get("document"), src.get("line"), src.get("page"), src.get("excerpt", ""))
            sid = self.cache[ck] = source_id(key)
            self.new.append((sid, *key))     # (once per document: a source names its own)
        return sid

    def _ids(self, srcs: list[dict[str, Any]]) -> str:
        return "[" + ", ".join([str(self.source(s)) for s in srcs]) + "]"

    def put(self, doc: str, part: str, g: Any) -> None:
        """Stage a document's fragment (a PartnershipGraph)."""
        self.cache.clear()                   # (a document's sources recur in its own items)
        lists: dict[int, tuple[str, str, bool]] = {}

        def encoded(srcs: list[dict[str, Any]]) -> tuple[str, str, bool]:
            """A list of sources' text, ids and whether they all name ``doc``: once per list
            (an activity's relationships share one; every list lives as long as ``g``)."""
            hit = lists.get(id(srcs))
            if hit is None:
                hit = lists[id(srcs)] = (dumps(srcs), self._ids(srcs),
                                         bool(srcs) and all(s.get("document") == doc for s in srcs))
            return hit
        rows = []
        for n, d in g.g.nodes(data=True):
            if "label" not in d:
                continue
            label, name = d["label"], d.get("name")
            rest = {k: v for k, v in d.items() if k not in _NODE_HEAD}
            srcs = d.get("sources") or _NONE
            if len(srcs) > 1:       # (a sorted copy lives only here: not by its id)
                srcs = sorted(srcs, key=source_sort_key)
                text, ids = dumps(srcs), self._ids(srcs)
                own = all(s.get("document") == doc for s in srcs)
            else:
                text, ids, own = encoded(srcs)
            simple = (own and part == part_of(label) and label in FRAG_LABELS
                      and not rest.get("mentions") and not rest.get("documents")
                      and (label != "Document" or name == doc))
            rows.append((n, doc, part, label, name, _inner(rest), text, ids, simple))
        mine, other = [], []                 # the relationships' edge_docs rows
        for u, v, k, d in g.g.edges(keys=True, data=True):
            rest = (None if len(d) == 2 and "type" in d and "sources" in d else
                    {x: y for x, y in d.items() if x not in _EDGE_HEAD})
            srcs = d.get("sources") or _NONE
            text, ids, own = encoded(srcs)
            rows.append((f"{u}\x1f{v}\x1f{k}", doc, part, k, None, _inner(rest), text, ids,
                         own and part == part_of(k)))
            if rest and ("mentions" in rest or "documents" in rest or "label" in rest):
                raise ValueError(f"a relationship with mentions or documents: {k}")  # (none has)
            if own:
                mine.append((u, v, k, doc))
            else:
                other += [(u, v, k, x) for x in {s["document"] for s in srcs if s.get("document")}]
        self.bulk.executemany(_INSERT, rows)
        if part == "d":      # documents come in order: rows in the table's key order
            mine.sort()
            self.bulk.executemany("INSERT OR IGNORE INTO main.edge_docs VALUES (?, ?, ?, ?)", mine)
        else:
            other += mine
        self.bulk.executemany("INSERT OR IGNORE INTO edge_docs VALUES (?, ?, ?, ?)", other)
        if self.new:
            self.bulk.executemany("INSERT OR IGNORE INTO sources VALUES (?, ?, ?, ?, ?)", self.new)
            self.new = []

    def rows(self) -> Iterator[tuple]:
        """Every staged row in item order (then part, document, staging order), with its
        rowid where the sources' text was (:data:`READ`: the sort and the rows read carry
        no sources; :meth:`sources` reads them for the items folded from their text)."""
        return self.bulk.execute(f"SELECT {', '.join(READ)} FROM temp.stage_fold "
                                 "ORDER BY item, part, doc, rowid")

    def drop(self) -> None:
        """Drop the stage (after the last row's item is written)."""
        self.bulk.execute("DROP TABLE temp.stage_fold")

    def sources(self, rows: list[tuple]) -> list[str]:
        """The sources' text of staged ``rows`` (as :meth:`rows` gives them)."""
        db = self.bulk.db          # (a read: the rows gathered for other tables can wait)
        return [db.execute("SELECT srcs FROM temp.stage_fold WHERE rowid = ?", (r[6],)).fetchone()[0]
                for r in rows]


def fragment_text(row: tuple, srcs: str) -> str:
    """A staged row's fragment (``srcs``: its sources' text) as graph/frag_store.py
    stores it."""
    item, _, _, kind, name, rest = row[:6]
    if "\x1f" in item:
        head = '"type": ' + dumps(kind)
    else:
        head = ('"id": ' + dumps(item) + ', "label": ' + dumps(kind) + ', "name": '
                + ("null" if name is None else dumps(name)))
    return "{" + head + (", " + rest if rest else "") + ', "sources": ' + srcs + "}"


def row_props(row: tuple) -> str:
    """A staged row's properties as the graph's row holds them (sources as ids), for an
    item whose only fragment it is."""
    rest = row[5]
    return "{" + (rest + ", " if rest else "") + '"@s": ' + row[7] + "}"
