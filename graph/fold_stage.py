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
* ``srcs``: its sources (a node's sorted), encoded, in a table of their own
  (``stage_srcs``, once per list and document; the row holds its rowid);
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

Session 11: nodes and relationships are staged in two tables (``stage_node``,
``stage_edge``; session 16: a relationship's row holds its source and target, not its
item, so that its graph row takes them as they are, :data:`EDGE_COLUMNS`), and the hash of each row's item is kept in staging order. After the
last fragment, :meth:`Stage.split` finds the items whose hash several rows share or
whose row is not simple (a sort of the hashes in numpy) and names their rows by rowid
(``py_node``, ``py_edge``): only those are read back sorted and folded in Python
(:meth:`Stage.rows`; 1,000 plans: a fifth of the rows). Every other row is its item's
only fragment and simple, and :meth:`Stage.write_singles` writes it in SQL, its
properties joined as :func:`row_props` joins them, in one key-ordered insert per table
with the rows Python made; so the four fifths never become Python objects.
"""
from __future__ import annotations

from array import array
from collections.abc import Iterator
from typing import Any

import numpy as np

from samspil.graph.emit import source_sort_key
from samspil.graph.frag_store import FRAG_LABELS, PERSON_KINDS, part_of
from samspil.graph.jsontext import dumps
from samspil.graph.sqlite_bulk import fetched
from samspil.graph.sqlite_rows import source_id

__all__ = ["Stage", "COLUMNS", "READ", "fragment_text", "row_props"]

COLUMNS = ("item", "doc", "part", "kind", "name", "rest", "srcs", "ids", "simple")
READ = COLUMNS[:9]
# a relationship's row: its source and target instead of its item and name (the item,
# ``source\x1ftarget\x1ftype``, is joined for the fifth of the rows read back; the
# graph's rows take the ends as they are: 10,000 plans, ~1.5 M rows)
EDGE_COLUMNS = ("src", "dst", "doc", "part", "kind", "rest", "srcs", "ids", "simple")
_NODE_HEAD = ("id", "label", "name", "sources")
_EDGE_HEAD = ("type", "sources")
_MARKS = ', '.join('?' * len(COLUMNS))
_INSERT_NODES = f"INSERT INTO temp.stage_node VALUES ({_MARKS})"
_INSERT_EDGES = f"INSERT INTO temp.stage_edge VALUES ({', '.join('?' * len(EDGE_COLUMNS))})"
_SRCS = "INSERT INTO temp.stage_srcs VALUES (?, ?)"


_NONE: list = []
_hash = hash      # an item's hash (Stage.split; a test makes every item collide)
_EMPTY = np.empty(0, dtype=np.int64)
# a row of an item with one simple fragment, not folded in Python (Stage.split), in
# temp.stage_{table}
_SINGLE = "simple AND rowid NOT IN (SELECT id FROM temp.py_{table})"
# row_props in SQL
_PROPS = "'{' || CASE WHEN rest <> '' THEN rest || ', ' ELSE '' END || '\"@s\": ' || ids || '}'"


def _distinct(a: np.ndarray) -> np.ndarray:
    """``np.unique(a)`` (sorted, distinct) by a sort: numpy 2's ``unique`` of integers
    hashes them first (10,000 plans: ~1.2 s for the ~1.5 M item hashes and ~0.6 M
    source ids, against a few hundredths of a second sorted)."""
    a = np.sort(a)
    return a[np.concatenate(([True], a[1:] != a[:-1]))] if len(a) else a


def _among(a: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """``np.isin(a, ordered)`` for ``ordered`` sorted and distinct, by a binary search
    (``isin`` sorts ``a`` again with its inverse: ~1 s at 10,000 plans)."""
    if not len(ordered):
        return np.zeros(len(a), dtype=bool)
    at = np.searchsorted(ordered, a)
    at[at == len(ordered)] = 0
    return ordered[at] == a


def _inner(d: dict[str, Any] | None) -> str:
    return dumps(d)[1:-1] if d else ""


class Stage:
    """The staged fragments of a full write on ``bulk`` (a BulkWrite): :meth:`put` is
    the build's sink, :meth:`rows` gives them back in item order."""

    def __init__(self, bulk: Any) -> None:
        self.bulk = bulk
        for table, cols in (("stage_node", COLUMNS), ("stage_edge", EDGE_COLUMNS)):
            bulk.execute(f"DROP TABLE IF EXISTS temp.{table}")  # (nodes: a tenth of the rows)
            bulk.execute(f"CREATE TEMP TABLE {table}({', '.join(cols)})")
        bulk.execute("DROP TABLE IF EXISTS temp.stage_srcs")
        bulk.execute("CREATE TEMP TABLE stage_srcs(id INTEGER PRIMARY KEY, text)")
        self.lists = 0                       # stage_srcs rows so far
        self.texts: list[tuple[int, str]] = []     # ... of the fragment being staged
        # the document's sources by their items: (id, JSON text, whether it names the document)
        self.cache: dict[tuple, list] = {}
        self.doc = ""                        # the document being staged
        self.new: list[tuple] = []
        self.source_ids = array("q")         # every staged source row's id (staged_sources)
        # every staged row's hash of its item, in staging (rowid) order, per table
        self.hashes = {"node": array("q"), "edge": array("q")}
        self.folded = array("q")             # ... of a row that is not ``simple``
        self.kinds: dict[tuple[bool, str], list] = {}   # (relationship?, kind) -> [rows, least item]
        self.ekinds: dict[str, list] = {}    # ... of relationships, keyed by the type alone
        self.taken: dict[tuple[bool, str], int] = {}    # ... -> rows read by :meth:`rows`

    def source(self, src: dict[str, Any], key: tuple) -> tuple[str, str, bool]:
        """A source's id, its JSON text (its row staged once per document: a source
        names its own) and whether it names the document being staged; ``key``: its
        items, by which the document's cache holds them."""
        row = (src.get("document"), src.get("line"), src.get("page"), src.get("excerpt", ""))
        sid = source_id(row)
        self.new.append((sid, *row))
        self.source_ids.append(sid)
        # (the last two: the stage_srcs row and ids text of the document's list of this
        # source alone, once it is staged: see _encode)
        hit = self.cache[key] = [str(sid), dumps(src), row[0] == self.doc, 0, ""]
        return hit

    def _encode(self, srcs: list[dict[str, Any]]) -> tuple[int, str, bool]:
        """Stage a list of sources' text (once per list and document: an activity's
        relationships share one): the row of ``stage_srcs`` that holds it, and the
        sources' ids as text. Each distinct source of the document is encoded once and a
        list's text joined from them: the standard encoder's text of a list is its items'
        texts joined by ``", "`` in brackets (1,000 plans: 139,656 sources in 107,417 lists,
        57,281 distinct per document). Third: whether there are sources and each names
        the document being staged."""
        cache = self.cache
        if len(srcs) == 1:         # (most lists: one source)
            s = srcs[0]
            key = tuple(s.items())
            hit = cache.get(key)
            if hit is None:
                hit = self.source(s, key)
            if not hit[3]:         # a list of this source alone is staged once per document
                self.lists += 1    # (1,000 plans: 37,875 of 95,114 such lists met again)
                hit[3], hit[4] = self.lists, "[" + hit[0] + "]"
                self.texts.append((self.lists, "[" + hit[1] + "]"))
            return hit[3], hit[4], hit[2]
        self.lists += 1
        ids, texts, own = [], [], bool(srcs)
        for s in srcs:
            key = tuple(s.items())
            hit = cache.get(key)
            if hit is None:
                hit = self.source(s, key)
            ids.append(hit[0])
            texts.append(hit[1])
            own = own and hit[2]
        self.texts.append((self.lists, "[" + ", ".join(texts) + "]"))
        return self.lists, "[" + ", ".join(ids) + "]", own

    def put(self, doc: str, part: str, g: Any) -> None:
        """Stage a document's fragment (a PartnershipGraph)."""
        self.cache.clear()                   # (a document's sources recur in its own items)
        self.doc = doc
        lists: dict[int, tuple[int, str, bool]] = {}

        def encoded(srcs: list[dict[str, Any]]) -> tuple[int, str, bool]:
            """A list of sources' staged text, ids and whether they all name ``doc``: once per
            list (an activity's relationships share one; every list lives as long as ``g``)."""
            hit = lists.get(id(srcs))
            if hit is None:
                hit = lists[id(srcs)] = self._encode(srcs)
            return hit
        rows, kinds = [], self.kinds     # (the nodes' rows, then the relationships')
        node_h, edge_h = self.hashes["node"].append, self.hashes["edge"].append
        for n, d in g.g.nodes(data=True):
            if "label" not in d:
                continue
            label, name = d["label"], d.get("name")
            rest = {k: v for k, v in d.items() if k not in _NODE_HEAD}
            srcs = d.get("sources") or _NONE
            if len(srcs) > 1:       # (a sorted copy lives only here: not by its id)
                text, ids, own = self._encode(sorted(srcs, key=source_sort_key))
            else:
                text, ids, own = encoded(srcs)
            simple = (own and part == part_of(label) and label in FRAG_LABELS
                      and not rest.get("mentions") and not rest.get("documents")
                      and (label != "Document" or name == doc))
            h = _hash(n)
            node_h(h)
            if not simple:
                self.folded.append(h)
            seen = kinds.get((False, label))
            if seen is None:
                kinds[(False, label)] = [1, n]
            else:
                seen[0] += 1
                if n < seen[1]:
                    seen[1] = n
            rows.append((n, doc, part, label, name, _inner(rest), text, ids, int(simple)))
        edges: list[tuple] = []
        mine, other = [], []                 # the relationships' edge_docs rows
        ekinds, folded = self.ekinds, self.folded.append
        person = part == "p"                 # (part_of(k) == part, for a relationship)
        encode = self._encode
        for u, v, k, d in g.g.edges(keys=True, data=True):
            srcs = d.get("sources") or _NONE
            hit = lists.get(id(srcs))
            if hit is None:
                hit = lists[id(srcs)] = encode(srcs)
            text, ids, own = hit
            # (the item as a tuple: its hash made of its ends' cached ones, and it sorts as
            # its joined text ``source\x1ftarget\x1ftype`` does, ids holding no control
            # characters; the text is joined only for the fifth read back: rows)
            item = (u, v, k)
            h = _hash(item)
            edge_h(h)
            seen = ekinds.get(k)
            if seen is None:
                ekinds[k] = [1, item]
            else:
                seen[0] += 1
                if item < seen[1]:
                    seen[1] = item
            if len(d) == 2 and "type" in d and "sources" in d:
                inner = ""
            else:
                rest = {x: y for x, y in d.items() if x not in _EDGE_HEAD}
                if "mentions" in rest or "documents" in rest or "label" in rest:
                    raise ValueError(f"a relationship with mentions or documents: {k}")  # (none has)
                inner = _inner(rest)
            if own and (k in PERSON_KINDS) == person:
                edges.append((u, v, doc, part, k, inner, text, ids, 1))
            else:
                folded(h)
                edges.append((u, v, doc, part, k, inner, text, ids, 0))
            if own:
                mine.append((u, v, k, doc))
            else:
                other += [(u, v, k, x) for x in {s["document"] for s in srcs if s.get("document")}]
        self.bulk.executemany(_SRCS, self.texts)
        self.texts = []
        self.bulk.executemany(_INSERT_NODES, rows)
        self.bulk.executemany(_INSERT_EDGES, edges)
        if part == "d":      # documents come in order: rows in the table's key order
            mine.sort()
            self.bulk.executemany("INSERT OR IGNORE INTO main.edge_docs VALUES (?, ?, ?, ?)", mine)
        else:
            other += mine
        self.bulk.executemany("INSERT OR IGNORE INTO edge_docs VALUES (?, ?, ?, ?)", other)
        if self.new:
            self.bulk.executemany("INSERT OR IGNORE INTO sources VALUES (?, ?, ?, ?, ?)", self.new)
            self.new = []

    def split(self) -> None:
        """After the last fragment: mark the rows to fold in Python (their rowids in
        ``temp.py_node`` / ``temp.py_edge``): those of the items whose hash several rows
        share or one row that is not ``simple`` has. Every other row is its item's only
        one, simple, written by :meth:`write_singles` in SQL. Two items with one hash only
        send both to Python, which folds any item right. (By rowid, not by hash: the
        stage is then read in its own order, with no look-up of a hash per row.)"""
        hashes = {t: np.frombuffer(a, dtype=np.int64) if a else _EMPTY
                  for t, a in self.hashes.items()}
        folded = np.frombuffer(self.folded, dtype=np.int64) if self.folded else _EMPTY
        ordered = np.sort(np.concatenate(list(hashes.values())))
        again = _distinct(np.concatenate((ordered[1:][ordered[1:] == ordered[:-1]], folded)))
        del ordered
        for table, h in hashes.items():
            self.bulk.execute(f"DROP TABLE IF EXISTS temp.py_{table}")
            self.bulk.execute(f"CREATE TEMP TABLE py_{table}(id INTEGER PRIMARY KEY)")
            self.bulk.executemany(f"INSERT INTO temp.py_{table} VALUES (?)",
                                  ((int(i),) for i in np.flatnonzero(_among(h, again)) + 1))
        self.hashes = {t: array("q") for t in self.hashes}
        self.folded = array("q")

    def staged_sources(self) -> np.ndarray:
        """The ids of the ``sources`` rows staged so far, sorted, distinct (and let go
        here): the fold leaves out its own rows of these (graph/sqlite_fold.py)."""
        out = _distinct(np.frombuffer(self.source_ids, dtype=np.int64)) if self.source_ids else _EMPTY
        self.source_ids = array("q")
        return out

    def rows(self) -> Iterator[tuple]:
        """The staged rows of the items :meth:`split` left to Python, in item order (then
        part, document, staging order): :data:`READ`. (They are a fifth of the rows, so
        the sort carries their sources' text: reading it by rowid item by item cost more.)"""
        taken = self.taken
        joined = {"item": "f.src || char(31) || f.dst || char(31) || f.kind AS item",
                  "name": "NULL AS name"}      # (a relationship's: EDGE_COLUMNS)
        parts = []
        for t in ("node", "edge"):
            cols = ", ".join("s.text AS srcs" if c == "srcs" else joined[c]
                             if t == "edge" and c in joined else "f." + c for c in READ)
            parts.append(f"SELECT {cols}, f.rowid AS r FROM temp.py_{t} p CROSS JOIN "
                         f"temp.stage_{t} f ON f.rowid = p.id "
                         "JOIN temp.stage_srcs s ON s.id = f.srcs")
        staged = self.bulk.execute(f"SELECT {', '.join(READ)} FROM ("
                                   f"{' UNION ALL '.join(parts)}) ORDER BY item, part, doc, r")
        for row in fetched(staged):      # (a thousand at a time: see there)
            key = ("\x1f" in row[0], row[3])
            taken[key] = taken.get(key, 0) + 1
            yield row

    def single_counts(self) -> list[tuple[str, bool, int, str]]:
        """(label or type, whether a relationship, how many, an item not after the least
        one) of the items :meth:`write_singles` writes (after :meth:`rows` is read): each
        has one staged row, so they are the rows staged less those :meth:`rows` gave."""
        kinds = {**self.kinds, **{(True, k): [v[0], "\x1f".join(v[1])] for k, v in self.ekinds.items()}}
        return [(kind, edge, rows - self.taken.get((edge, kind), 0), least)
                for (edge, kind), (rows, least) in kinds.items()
                if rows > self.taken.get((edge, kind), 0)]

    def write_singles(self, nodes: str, edges: str) -> None:
        """Write the rows of every item with one simple fragment (as :func:`row_props`
        joins them), with the rows Python wrote into the temporary tables ``nodes`` and
        ``edges`` (same columns as the graph's tables), in key order; and the single nodes'
        ``node_docs`` rows (their fragment's document)."""
        bulk = self.bulk
        bulk.execute(f"INSERT OR IGNORE INTO node_docs SELECT item, doc FROM temp.stage_node "
                     f"WHERE {_SINGLE.format(table='node')}")
        bulk.execute(f"INSERT INTO main.nodes(id, label, name, props) SELECT * FROM ("
                     f"SELECT item, kind, name, {_PROPS} FROM temp.stage_node "
                     f"WHERE {_SINGLE.format(table='node')} "
                     f"UNION ALL SELECT id, label, name, props FROM {nodes}) ORDER BY 1")
        bulk.execute(f"INSERT INTO main.edges(src, dst, type, props) SELECT * FROM ("
                     f"SELECT src, dst, kind, {_PROPS} FROM temp.stage_edge "
                     f"WHERE {_SINGLE.format(table='edge')} "
                     f"UNION ALL SELECT src, dst, type, props FROM {edges}) ORDER BY 1, 2, 3")

    def drop(self) -> None:
        """Drop the stage (after :meth:`write_singles`)."""
        for table in ("stage_node", "stage_edge", "stage_srcs", "py_node", "py_edge"):
            self.bulk.execute(f"DROP TABLE temp.{table}")

    @staticmethod
    def sources(rows: list[tuple]) -> list[str]:
        """The sources' text of staged ``rows`` (as :meth:`rows` gives them)."""
        return [r[6] for r in rows]


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
