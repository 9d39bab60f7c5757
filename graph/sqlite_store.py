"""The embedded store: one SQLite file (standard library, WAL mode).

Tables: ``documents`` (one extraction report per document: the source of
truth), ``nodes`` / ``edges`` (the resolved graph, properties as JSON),
``node_docs`` / ``edge_docs`` (which documents contribute to which node and
relationship: the ``where=`` pushdown and the per-document contributions),
``forgotten`` (hashed keys of persons removed on request) and ``meta``
(format, schema version, generations).

Writes (loads, forgets) hold the store's :class:`~samspil.graph.writelock.WriterLock`
for the whole operation, so there is one writer at a time across threads and
processes; a save's documents are committed in ``BEGIN IMMEDIATE`` transactions of
up to 256 (graph/doc_batch.py), each holding whole documents, and the graph is
replaced in one transaction after a batch, so a killed process leaves either a whole
document or none. Every thread uses its own connection (a connection shared between
threads fails with "cannot start a transaction within a transaction"). Readers never wait for a writer and never
rebuild while one runs: they read the last committed graph, whose revision
(:meth:`SqliteStore.data_version`) grows with every rebuild.
"""
from __future__ import annotations

import gc
import hashlib
import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from samspil.graph.doc_batch import DocBatch
from samspil.graph.inc_schema import STATE_SCHEMA, STATE_TABLES
from samspil.graph.jsontext import dumps_sorted
from samspil.graph.model import PartnershipGraph
from samspil.graph.stamp import builder_stamp
from samspil.graph.snapshot import WHOLE, read_part, write_snapshot
from samspil.graph.sqlite_reads import PartReads
from samspil.graph.sqlite_rows import to_graph
from samspil.graph.writelock import WriterLock
from samspil.graph.store_guard import damaged, guarded
from samspil.graph.store import (SCHEMA_VERSION, DocumentInfo, GraphFilter, SaveSummary,
                                 apply_filter, same_but_path, selected_documents, summarise,
                                 summary_from_meta)
from samspil.loaders.errors import NotFound, StoreBusy, StoreFormatError, StoreUnavailable
from samspil.loaders.model import AgreementReport
from samspil.loaders.validate import check_report

if TYPE_CHECKING:
    from samspil.graph.people import PersonKey

# ``None`` bound as a parameter is SQL NULL either way, but sqlite3 sends every value that
# is not exactly a str, int, float or bytearray through its adapters: with none registered
# for ``NoneType`` that is two failed protocol look-ups (``__adapt__``, ``__conform__``),
# ~3,300 instructions per ``None`` (a full load binds ~1.6 M at 10,000 plans: pages and
# lines of sources, empty columns of the incremental state). An adapter for ``NoneType``
# that gives ``None`` back (a C method: ``{}.get(None)`` is ``None``) is one dict hit. The
# registry is the process's: any other code binding ``None`` gets NULL as before.
sqlite3.register_adapter(type(None), {}.get)

# The resolver (graph/build.py, graph/people.py, graph/resolve.py, with rapidfuzz and
# numpy) is imported by the writing methods only: a command that reads the graph
# does not pay for it.

__all__ = ["SqliteStore"]

APP = "samspil"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(id TEXT PRIMARY KEY, checksum TEXT, plan TEXT,
    report TEXT NOT NULL, loaded_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes(id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT,
    props TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS edges(src TEXT NOT NULL, dst TEXT NOT NULL, type TEXT NOT NULL,
    props TEXT NOT NULL, PRIMARY KEY(src, dst, type)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS node_docs(node_id TEXT NOT NULL, document TEXT NOT NULL,
    PRIMARY KEY(document, node_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS edge_docs(src TEXT NOT NULL, dst TEXT NOT NULL, type TEXT NOT NULL,
    document TEXT NOT NULL, PRIMARY KEY(document, src, dst, type)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sources(id INTEGER PRIMARY KEY, document TEXT NOT NULL,
    line INTEGER, page INTEGER, excerpt TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS forgotten(kind TEXT NOT NULL, digest TEXT NOT NULL,
    PRIMARY KEY(kind, digest));
CREATE INDEX IF NOT EXISTS nodes_label ON nodes(label);
CREATE INDEX IF NOT EXISTS edges_dst ON edges(dst);
CREATE INDEX IF NOT EXISTS node_docs_node ON node_docs(node_id);
""" + STATE_SCHEMA
# ``edge_docs`` has no index by relationship (a store made before session 22 has
# ``edge_docs_edge``, dropped by its next full write): a relationship's documents are the
# documents its sources name, so the rows of a relationship written again are found from its
# stored ``@s`` (graph/sqlite_rows.py ``write_items``), and a filter finds the relationships of
# the chosen documents by document (:meth:`SqliteStore._filtered`). At 10,000 plans that index
# held 1.64 M entries (176 MB) that a full load sorted and wrote for these two uses only.
# ``edges`` is a WITHOUT ROWID table in a store made since session 8 (its rows are small:
# one B-tree keyed by the relationship instead of a rowid table plus an index of its key,
# 10,000 plans: ~170 MB fewer pages written by a full load); a store made before keeps its
# table, which every query reads alike.
# A new store's page size. 16 KiB instead of SQLite's 4 KiB: a full load writes a few GB of
# pages (staging, sorting, the WAL, the checkpoint), a quarter as many system calls; the rows
# of big clusters (megabytes of JSON) span a quarter as many overflow pages. An existing
# store keeps its page size (it cannot change in WAL mode).
PAGE_SIZE = 16384
# The relationships a document of ``temp.sel`` contributes to (``_filtered``): up to half
# of the documents, found by document in ``edge_docs`` (in proportion to the choice); more,
# every relationship is read and kept when a source of it names a chosen document, which is
# what its ``edge_docs`` rows say (``node_documents``) without a look-up per relationship.
_CHOSEN_EDGES = ("SELECT e.src, e.dst, e.type, e.props FROM edges e WHERE (e.src, e.dst, e.type) "
                 "IN (SELECT x.src, x.dst, x.type FROM sel s CROSS JOIN edge_docs x "
                 "ON x.document = s.document)")
_CITING_EDGES = ("SELECT e.src, e.dst, e.type, e.props FROM edges e WHERE EXISTS (SELECT 1 FROM "
                 "json_each(e.props, '$.\"@s\"') j CROSS JOIN sources s ON s.id = j.value "
                 "CROSS JOIN sel ON sel.document = s.document)")
_TABLES = {"meta", "documents", "nodes", "edges", "node_docs", "edge_docs", "sources", "forgotten",
           *STATE_TABLES}


@guarded
class SqliteStore(PartReads):
    """Embedded graph store in ``path`` (created with its folder on first use).

    ``read_only``: reading commands set it; a graph older than the stored reports is
    then built in memory for the answer instead of being written back."""

    read_only = False

    def __init__(self, path: str | Path, overrides_path: str | Path | None = None,
                 timeout: float = 120.0) -> None:
        self.path = Path(path)
        self.overrides_path = Path(overrides_path) if overrides_path else None
        self.timeout = timeout
        self._local = threading.local()
        self._conns: list[sqlite3.Connection] = []
        self._conns_lock = threading.Lock()
        self.lock = WriterLock(self.path.with_name(self.path.name + ".lock"), timeout)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db.execute("SELECT 1")
        except (OSError, sqlite3.Error) as exc:
            raise StoreUnavailable(f"cannot open the store at {self.path}: {exc}; check the "
                                   "folder's permissions or set SAMSPIL_DATA_DIR / --data-dir") from exc
        self._check_format()

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection (opened on first use; never shared between threads)."""
        conn = getattr(self._local, "db", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None,
                                   check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
            if self._conns:      # the first connection sets WAL (a persistent file mode)
                conn.execute("PRAGMA synchronous=NORMAL")
            self._local.db = conn
            with self._conns_lock:
                self._conns.append(conn)
        return conn

    def data_version(self) -> int:
        """The committed graph's revision: grows with every rebuild (in any process)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'graph_revision'").fetchone()
        return int(row[0]) if row else 0

    # -- opening ---------------------------------------------------------------
    def _check_format(self) -> None:
        hint = (f"move {self.path} aside or choose another folder with SAMSPIL_DATA_DIR "
                "/ --data-dir; samspil never overwrites it")
        try:
            tables = {r[0] for r in self.db.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
            if tables and "meta" not in tables:
                raise StoreFormatError(f"{self.path} is an SQLite file but not a samspil store; {hint}")
            if not tables or not _TABLES <= tables:     # new file, or an older format
                if not tables:       # a new file: larger pages (fixed once WAL is on), see PAGE_SIZE
                    self.db.execute(f"PRAGMA page_size={PAGE_SIZE}")
                with self._write():
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            self.db.execute(statement)
                    self.db.executemany(
                        "INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)",
                        [("app", APP), ("schema_version", str(SCHEMA_VERSION)),
                         ("docs_generation", "0"), ("graph_generation", "0"),
                         ("overrides_hash", "")])
                    self.db.execute("UPDATE meta SET value = '-1' WHERE key = 'graph_generation'")
            meta = self._meta()
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc):     # a first load holds the file (SqliteStore._alone)
                raise StoreUnavailable(f"the store {self.path} is busy ({exc}): another samspil is "
                                       "loading it - try again when it is done") from exc
            raise StoreFormatError(f"{self.path} is not a readable samspil store ({exc}); {hint}") from exc
        except sqlite3.DatabaseError as exc:
            raise StoreFormatError(f"{self.path} is not a readable samspil store ({exc}); {hint}") from exc
        if meta.get("app") != APP:
            raise StoreFormatError(f"{self.path} is not a samspil store; {hint}")
        try:
            version = int(meta.get("schema_version", 0))
        except ValueError:
            raise damaged(self.path, f"its schema version {meta.get('schema_version')!r} "
                          "is not a number") from None
        if version > SCHEMA_VERSION:
            raise StoreFormatError(
                f"{self.path} was written by a newer samspil (store format {version}, this version "
                f"reads {SCHEMA_VERSION}); upgrade samspil (pip install -U samspil) to use it")

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction on this thread's connection, under the writer lock."""
        with self.lock.hold():
            try:
                self.db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:    # a writer that ignores our lock
                raise StoreBusy(f"the store {self.path} is locked by another program ({exc}); "
                                "try again when it has finished") from exc
            try:
                yield
            except BaseException:
                if self.db.in_transaction:  # (SQLite has rolled back already on a full disk)
                    self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def _meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta").fetchall())

    def _set_meta(self, **values: Any) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                            [(k, str(v)) for k, v in values.items()])

    # -- writing ---------------------------------------------------------------
    def save(self, reports: Iterable[AgreementReport]) -> SaveSummary:
        """Store the reports (a few hundred to a transaction, each whole), then rebuild or
        update the graph once; the writer lock is held throughout, so readers keep the last
        graph until then."""
        gc_was_on = gc.isenabled()
        gc.disable()      # reports read, validated and stored one by one leave no cycles, but
        try:              # the cyclic GC's passes over them were ~5% of a full load
            with self.lock.hold():
                return self._save(reports)
        finally:
            if gc_was_on:
                gc.enable()

    def _save(self, reports: Iterable[AgreementReport]) -> SaveSummary:
        before = self._size()
        fresh = not self._stale()
        # the changed reports, kept for an incremental update only while it can apply
        changed: dict[str, AgreementReport] | None = {} if fresh else None
        total = self.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        forgotten = self._forgotten()
        # into an empty store: what the rebuild's first reading takes from each report, kept
        # from the report in hand instead of read back (graph/sqlite_fold.py ``held_report``)
        first: dict[str, tuple[AgreementReport, bool]] | None = None
        alone = False
        if total == 0 and not forgotten:
            first = {}
            alone = self._alone()    # (the file to itself for the save: see there)
        try:
            out = self._save_all(reports, forgotten, first, changed, fresh, total, before)
        except BaseException:
            if alone:
                with suppress(sqlite3.Error):    # (the save's own error is the one to tell)
                    self._shared()
            raise
        if alone:
            self._shared()
        return out

    def _save_all(self, reports: Iterable[AgreementReport], forgotten: frozenset[PersonKey],
                  first: dict[str, tuple[AgreementReport, bool]] | None,
                  changed: dict[str, AgreementReport] | None, fresh: bool, total: int,
                  before: tuple[int, int]) -> SaveSummary:
        from samspil.graph.people import scrub_report
        if first is not None:
            from samspil.graph.sqlite_fold import foreign_data, held_report
        added, replaced, unchanged, moved = [], [], [], False
        with DocBatch(self) as batch:
            for report in reports:
                data = check_report(report)     # refused before anything of it is written
                scrubbed = scrub_report(report, forgotten)
                report, data = scrubbed, (data if scrubbed is report else scrubbed.to_dict())
                outcome = batch.put(report, data)
                if first is not None:
                    first[report.document] = (held_report(report), foreign_data(data))
                moved = moved or outcome == "moved"   # (the same text read from another path:
                {"added": added, "replaced": replaced, "unchanged": unchanged,   # unchanged to
                 "moved": unchanged}[outcome].append(report.document)      # the user; the path)
                if outcome != "unchanged" and changed is not None:
                    changed[report.document] = report
                    if len(changed) > max(5, (total + len(changed)) // 20):
                        changed = None      # incremental.apply would refuse so many: rebuild
        if changed and fresh and self._update(changed):
            return self._summary(added, replaced, unchanged, before)
        if added or replaced or moved or self._stale():
            self._rebuild(first)
            return self._summary(added, replaced, unchanged, before)
        if self._meta().get("counts"):
            return self._summary(added, replaced, unchanged, before)
        return summarise(self.load(), added, replaced, unchanged, before)

    def _alone(self) -> bool:
        """For a save into an empty store that no other connection has open (in any
        process; this object's other threads included): hold SQLite's lock on the file
        for the whole save (``locking_mode=EXCLUSIVE``) and write through a rollback
        journal instead of the WAL; True when done (:meth:`_shared` undoes it).

        A full load into an empty store writes every page of the graph and its state
        once (10,000 plans: ~2 GB): through the WAL each page was written twice (the
        WAL, then the checkpoint into the file) and every page read looked up the
        WAL's index. A rollback journal keeps only the pages the store held before the
        transaction (new pages need none), so the file is written once, and a killed
        load still rolls back to the last committed batch of documents (the journal is
        hot; the next connection to open the file rolls it back). Other connections
        cannot read meanwhile: one that opens the file during such a save waits for it
        (up to its timeout, then "busy"); the store had no documents to read. Leaving
        WAL mode needs every other connection closed: with one open (a reader, the
        API's other threads), the switch fails at once and the save runs as before."""
        db = self.db
        if len(self._conns) != 1 or db.in_transaction:
            return False
        db.execute("PRAGMA busy_timeout=0")
        try:
            db.execute("PRAGMA locking_mode=EXCLUSIVE")     # first: no window for another
            try:                                            # connection to switch it back
                mode = db.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            except sqlite3.OperationalError:               # ("database is locked": not alone)
                mode = None
            if mode != "delete":
                db.execute("PRAGMA locking_mode=NORMAL")
                return False
            return True
        finally:
            db.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")

    def _shared(self) -> None:
        """Back to WAL mode and normal locking after :meth:`_alone` (the lock is released
        by this access: the locking mode goes first, as SQLite keeps a connection that
        entered WAL mode in exclusive locking mode exclusive until it leaves it). Should it
        fail, the file stays in rollback mode, whole, and the next opening sets WAL."""
        db = self.db
        if db.in_transaction:
            db.execute("ROLLBACK")
        db.execute("PRAGMA locking_mode=NORMAL")
        db.execute("PRAGMA journal_mode=WAL")

    def _update(self, changed: dict[str, AgreementReport | None]) -> bool:
        """Fold the changed documents into the stored graph (graph/incremental.py) in one
        transaction; False when it does not apply (the caller rebuilds everything)."""
        from samspil.graph.incremental import apply
        if not apply(self, changed):
            return False
        self._drop_derived()
        return True

    def _summary(self, added: list[str], replaced: list[str], unchanged: list[str],
                 before: tuple[int, int]) -> SaveSummary:
        """The summary from the counts kept in ``meta`` (no need to read the graph)."""
        return summary_from_meta(self._meta(), self._size(), added, replaced, unchanged, before)

    def _put(self, report: AgreementReport, data: dict[str, Any] | None = None) -> str:
        """Store one report in its own transaction (``data``: its ``to_dict()``, when the
        caller has it)."""
        with self._write():
            return self._put_row(report, data)

    def _put_row(self, report: AgreementReport, data: dict[str, Any] | None = None) -> str:
        """Store one report inside the caller's transaction."""
        text = dumps_sorted(data if data is not None else report.to_dict())
        row = self.db.execute("SELECT report FROM documents WHERE id = ?",
                              (report.document,)).fetchone()
        if row and row[0] == text:
            return "unchanged"
        outcome = "moved" if row and same_but_path(row[0], text) else "replaced" if row else "added"
        self.db.execute(
            "INSERT OR REPLACE INTO documents(id, checksum, plan, report, loaded_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (report.document, report.checksum, report.plan.name, text,
             datetime.now(timezone.utc).isoformat(timespec="seconds")))
        self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                        "WHERE key = 'docs_generation'")
        return outcome

    def forget(self, document_id: str) -> None:
        """Remove a document and everything only it contributed."""
        with self.lock.hold():
            self._forget(document_id)

    def _forget(self, document_id: str) -> None:
        doc = gone = document_id.removeprefix("doc:")
        fresh = not self._stale()
        with self._write():
            cur = self.db.execute("DELETE FROM documents WHERE id = ?", (doc,))
            if cur.rowcount == 0:
                ids = [r[0] for r in self.db.execute("SELECT id FROM documents")]
                match = [i for i in ids if i == Path(doc).name or Path(i).stem == doc]
                if len(match) != 1:
                    raise NotFound(f"no loaded document {document_id!r}; "
                                   "`samspil stats` lists the loaded documents",
                                   api_message=f"no loaded document {document_id!r}; "
                                               "GET /api/documents lists the loaded documents")
                gone = match[0]
                self.db.execute("DELETE FROM documents WHERE id = ?", (gone,))
            self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                            "WHERE key = 'docs_generation'")
        if not (fresh and self._update({gone: None})):
            self._rebuild()

    def forget_person(self, ref: str) -> str:
        """Remove a person (e-mail or id) and their personal data from every document."""
        with self.lock.hold():
            return self._forget_person(ref)

    def _forget_person(self, ref: str) -> str:
        from samspil.graph.people import forget_keys, person_to_forget, scrub_report
        graph = self.load()
        pid = person_to_forget(graph, ref)
        node = graph.node(pid)
        keys = set(forget_keys(None, node.get("email")))
        keys |= {k for m in node.get("mentions") or [] for k in forget_keys(m["name"], None)}
        docs = sorted({m["document"] for m in node.get("mentions") or []})
        self.db.execute("PRAGMA secure_delete=ON")
        with self._write():
            self.db.executemany("INSERT OR IGNORE INTO forgotten(kind, digest) VALUES (?, ?)",
                                [(k.kind, k.digest) for k in keys])
            forgotten = self._forgotten()
            for doc in docs:
                row = self.db.execute("SELECT report FROM documents WHERE id = ?", (doc,)).fetchone()
                if row:
                    clean = scrub_report(AgreementReport.from_dict(json.loads(row[0])), forgotten)
                    self.db.execute("UPDATE documents SET report = ? WHERE id = ?",
                                    (json.dumps(clean.to_dict(), ensure_ascii=False,
                                                sort_keys=True), doc))
            self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                            "WHERE key = 'docs_generation'")
        self._rebuild()
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return pid

    def forget_email(self, email: str) -> list[Any]:
        """Scrub an e-mail address from every stored report wherever it is written (an
        excerpt, a contact's field) and keep it out of documents loaded again; where it
        was (``people.EmailPlace``), empty when it occurs nowhere."""
        with self.lock.hold():
            return self._forget_email(email)

    def _forget_email(self, email: str) -> list[Any]:
        from samspil.graph.people import forget_keys, scrub_email
        places: list[Any] = []
        rows = self.db.execute("SELECT id, report FROM documents WHERE instr(lower(report), ?) > 0 "
                               "ORDER BY id", (email.strip().lower(),)).fetchall()
        clean: dict[str, str] = {}
        for doc, text in rows:
            data, found = scrub_email(json.loads(text), email, doc)
            if found:
                places += found
                clean[doc] = json.dumps(data, ensure_ascii=False, sort_keys=True)
        if not clean:
            return places
        self.db.execute("PRAGMA secure_delete=ON")
        with self._write():
            self.db.executemany("INSERT OR IGNORE INTO forgotten(kind, digest) VALUES (?, ?)",
                                [(k.kind, k.digest) for k in forget_keys(None, email)])
            self.db.executemany("UPDATE documents SET report = ? WHERE id = ?",
                                [(text, doc) for doc, text in clean.items()])
            self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                            "WHERE key = 'docs_generation'")
        self._rebuild()
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return places

    def _forgotten(self) -> frozenset[PersonKey]:
        from samspil.graph.people import PersonKey
        return frozenset(PersonKey(k, d) for k, d in self.db.execute(
            "SELECT kind, digest FROM forgotten"))

    def _overrides_hash(self) -> str:
        p = self.overrides_path
        return hashlib.sha256(p.read_bytes()).hexdigest() if p and p.exists() else ""

    def _stale(self) -> bool:
        meta = self._meta()
        return (meta.get("graph_generation") != meta.get("docs_generation")
                or meta.get("overrides_hash", "") != self._overrides_hash()
                or meta.get("built_by", "") != builder_stamp())

    def _rebuild(self, first: dict[str, tuple[AgreementReport, bool]] | None = None) -> None:
        """Derive the graph from every stored report and replace it in one transaction:
        each document's fragment is stored as it is emitted, then the graph's rows are
        folded from the stored fragments (graph/sqlite_fold.py), so neither every
        fragment nor the whole graph is ever in memory. ``first``: document -> (its
        report as the first reading takes it, whether it cites another document), for
        every stored document (a save into an empty store), used up as it is read."""
        from samspil.graph.resolve import load_overrides
        from samspil.graph.sqlite_fold import full_write
        overrides = load_overrides(self.overrides_path)
        with self._write():
            generation = self._meta().get("docs_generation", "0")
            forgotten = self._forgotten()
            if first is not None and (forgotten or len(first) != self.db.execute(
                    "SELECT count(*) FROM documents").fetchone()[0]):
                first.clear()        # (not held during the rebuild: 10,000 plans, ~0.5 GB)
                first = None
            whole = full_write(self.db, overrides, forgotten, first)
            revision = int(self._meta().get("graph_revision", "0")) + 1
            self._set_meta(graph_generation=generation, overrides_hash=self._overrides_hash(),
                           built_by=builder_stamp(), graph_revision=revision,
                           state_revision=revision,
                           graph_token=uuid.uuid4().hex, counts=json.dumps(whole["counts"]),
                           merged=whole["merged"],
                           incremental="0" if (overrides.same or overrides.different
                                                  or whole["foreign"]) else "1")
        self._drop_derived()

    # -- reading ---------------------------------------------------------------
    def load(self, where: GraphFilter | None = None, *,
             defer_snapshot: Callable[[Callable[[], None]], None] | None = None) -> PartnershipGraph:
        """The graph (or the part ``where`` selects) as a PartnershipGraph: the last
        committed one. A graph older than the reports is rebuilt first only when no
        write is running (a killed load, an upgrade); during a write, readers get the
        graph as it was before it and the writer rebuilds. A reading command
        (``read_only``) never writes: it gets a stale graph rebuilt in memory.
        ``defer_snapshot``: a whole graph read from the tables is not written as the
        snapshot here; the write is handed to it instead (the API does it after it
        starts serving: 1.6 s at 1,000 plans)."""
        if self.read_only and self._stale():
            return apply_filter(self._built(), where)
        if self._stale():
            with self.lock.try_hold() as free:
                if free and self._stale():
                    self._rebuild()
        whole = where is None or where.is_empty()
        if whole and not self._stale():
            if defer_snapshot is None:      # the kept parts, those missing made and kept
                return self.load_part(WHOLE)
            if (graph := read_part(self.parts_path, self._token(), WHOLE)) is not None:
                return graph
        self.db.execute("BEGIN")       # one consistent snapshot for all reads
        try:
            token = self._token()
            if whole:
                nodes = self.db.execute("SELECT id, label, name, props FROM nodes").fetchall()
                edges = self.db.execute("SELECT src, dst, type, props FROM edges").fetchall()
            else:
                nodes, edges = self._filtered(where)
            sources = self.db.execute(
                "SELECT id, document, line, page, excerpt FROM sources").fetchall()
        finally:
            self.db.execute("COMMIT")
        # the order of build_graph, as in every store (analyses break ties by order); rows
        # come in that order already (linear for timsort) unless an older samspil wrote them
        # or an update replaced them. Keys are unique, so the rows sort as their keys do,
        # without a key function (10,000 plans: 0.4 -> 0.1 s)
        nodes.sort()
        edges.sort()
        gc_was_on = gc.isenabled()
        gc.disable()        # hundreds of thousands of new dicts: cyclic GC passes only cost
        try:
            graph = to_graph(nodes, edges, sources)
        finally:
            if gc_was_on:
                gc.enable()
        if whole and defer_snapshot is not None:  # (from the graph in hand: no reads from a thread)
            defer_snapshot(lambda: write_snapshot(self.parts_path, token, graph))
        return graph

    def _token(self) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'graph_token'").fetchone()
        return row[0] if row else None

    def _built(self) -> PartnershipGraph:
        """The graph of the stored reports, built in memory (nothing is written)."""
        from samspil.graph.build import build_graph
        from samspil.graph.resolve import load_overrides
        reports = [AgreementReport.from_dict(json.loads(r[0]))
                   for r in self.db.execute("SELECT report FROM documents ORDER BY id")]
        return build_graph(reports, load_overrides(self.overrides_path), self._forgotten())

    def _filtered(self, where: GraphFilter) -> tuple[list, list]:
        plans = [(r[0], {"name": r[1], **json.loads(r[2])}) for r in self.db.execute(
            "SELECT id, name, props FROM nodes WHERE label = 'Plan'")]
        docs = sorted(selected_documents(plans, where))
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS sel(document TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM sel")
        self.db.executemany("INSERT INTO sel VALUES (?)", [(d,) for d in docs])
        labels = list(where.labels)
        label_sql = f" AND n.label IN ({','.join('?' * len(labels))})" if labels else ""
        nodes = self.db.execute(
            "SELECT n.id, n.label, n.name, n.props FROM nodes n WHERE n.id IN "
            "(SELECT node_id FROM node_docs WHERE document IN (SELECT document FROM sel))"
            + label_sql, labels).fetchall()
        keep = {r[0] for r in nodes}
        every = self.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        edges = [r for r in self.db.execute(_CHOSEN_EDGES if 2 * len(docs) <= every else _CITING_EDGES)
                 if r[0] in keep and r[1] in keep]
        return nodes, edges

    def documents(self) -> list[DocumentInfo]:
        return [DocumentInfo(*r) for r in self.db.execute(
            "SELECT id, checksum, plan, loaded_at FROM documents ORDER BY id")]

    def report(self, document_id: str) -> AgreementReport | None:
        row = self.db.execute("SELECT report FROM documents WHERE id = ?",
                              (document_id,)).fetchone()
        return AgreementReport.from_dict(json.loads(row[0])) if row else None

    def _size(self) -> tuple[int, int]:
        """(nodes, relationships): from the counts kept in ``meta`` while the graph is
        current (counting 1.5 million rows cost 0.06 s of every one-document load at
        10,000 plans), else counted."""
        meta = self._meta()
        if meta.get("counts") and not self._stale():
            from samspil.graph.model import LABELS
            counts = json.loads(meta["counts"])
            nodes = sum(v for k, v in counts.items() if k in LABELS)
            return nodes, sum(counts.values()) - nodes
        return (self.db.execute("SELECT count(*) FROM nodes").fetchone()[0],
                self.db.execute("SELECT count(*) FROM edges").fetchone()[0])

    def close(self) -> None:
        with self._conns_lock:
            for conn in self._conns:
                conn.close()
            self._conns.clear()
        self._local = threading.local()

    def __enter__(self) -> "SqliteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
