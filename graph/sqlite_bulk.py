"""The full write's SQLite connection: big tables written in key order, indexes built after.

A full rebuild (graph/sqlite_fold.py) inserts millions of rows at 10,000 plans. Most
of them arrive in document order while their table is keyed otherwise (``frag`` by
item, ``node_docs`` / ``edge_docs`` by document, ``sources`` by a hash, the
incremental state by key), so each insert landed on a random page of a B-tree larger
than SQLite's page cache, and every secondary index was kept up to date row by row:
at 10,000 plans these inserts and the commit that wrote their pages out were about 85
of the load's ~200 CPU seconds, growing faster than the data.

:class:`BulkWrite` wraps the connection for the duration of the write. Its inserts
into the :data:`STAGED` tables go to unindexed temporary tables instead (appends);
:meth:`BulkWrite.move` copies a staged table into its real one in primary-key order,
ties in insertion order, so ``INSERT OR IGNORE`` keeps the first row and ``INSERT OR
REPLACE`` the last, as the direct inserts did; the secondary indexes of every written
table are dropped at the start and created again at the end, each built by one sort
(except partial ones, which take their few rows as they come: building one scans the
whole table).
Everything happens inside the caller's transaction: a killed or failed write rolls
back to the previous graph with its indexes, and the rows are the ones the direct
inserts gave (tests/graph/test_full_write.py compares).

Rows given to :meth:`BulkWrite.executemany` for an ``INSERT ... VALUES (?, ...)`` are
gathered per table and written 200 at a time by one multi-row ``VALUES``
statement (issue 13, session 9): ``executemany`` steps, resets and re-binds its statement
for every row, which cost 30-45% more CPU than one statement of many rows. The rows go in
in the order they were given, so ``OR IGNORE`` / ``OR REPLACE`` keep the same ones; any
other statement (a read, a move, an index) first writes what is gathered.

Session 24: with ``threaded`` (the full write's), the gathered statements are run by a
thread of their own (:class:`_Writer`) on the same connection, in the order they were
given, while the caller's thread goes on making the next rows: SQLite's work on a
statement (``sqlite3_step``) runs without Python's lock, so on a second core the
inserts of the stage, the kept state and the fold (10,000 plans: ~12 s of SQL) are
taken off the load's one busy thread. Any other statement waits for the thread to have
run every statement before it (:meth:`BulkWrite.flush`), so each statement sees the
rows it saw before and the store is the same; a read cursor left open (the fold's staged
rows) is read meanwhile, of tables nothing written then touches. An error of the
thread's is raised in the caller's at its next statement or flush, with the rows of the
statements after it left unwritten (the write fails and is rolled back as before).
No thread where the process may use one core only, or with ``SAMSPIL_BULK_THREAD=0``.
"""
from __future__ import annotations

import os
import queue
import re
import sqlite3
import sys
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain, islice
from typing import Any

__all__ = ["BulkWrite", "STAGED", "fetched"]

# tables whose rows do not come in key order during a full write
STAGED = ("frag", "node_docs", "edge_docs", "sources", "inc_okey", "inc_stok", "inc_prim",
          "inc_sig", "inc_fold", "inc_zone", "inc_fuzzy")
_PARTIAL = re.compile(r"\)\s*WHERE\s", re.I)
_INSERT = re.compile(r"\s*INSERT(\s+OR\s+(?:IGNORE|REPLACE))?\s+INTO\s+(\w+)\b", re.I)
# an insert of one row of parameters: its head (verb, table, columns) and its row
_VALUES = re.compile(r"\s*INSERT(?:\s+OR\s+\w+)?\s+INTO\s+([\w.]+)(?:\s*\([^)]*\))?\s+VALUES\s*"
                     r"(\((?:\s*\?\s*,)*\s*\?\s*\))\s*;?\s*$", re.I)
_ROWS = 200             # rows per multi-row statement (fewer if SQLite allows fewer variables)
_QUEUED = 32            # statements given to the writer thread and not yet run, at most
# Python's switch interval while the writer thread runs: the thread takes Python's lock
# before and after each statement's SQLite work (binding its rows, returning), and at the
# default 5 ms it could wait longer for the caller's thread to give it up than most
# statements take (not tuned: session 24's host was too busy to time values apart)
_SWITCH = 0.0002


@lru_cache(maxsize=256)
def _parse(sql: str) -> tuple[str, str, str] | None:
    """An insert into a :data:`STAGED` table: (table, its verb, the statement into its
    stage); else None. (Each statement's text parsed once: a full load gives the same few
    statements ~100,000 times.)"""
    m = _INSERT.match(sql)
    if not m or m.group(2) not in STAGED:
        return None
    table = m.group(2)
    return (table, " ".join(("INSERT", *(m.group(1) or "").split())),
            sql[:m.start(2)] + f"temp.stage_{table}" + sql[m.end(2):])


@lru_cache(maxsize=256)
def _shape(sql: str) -> tuple[str, int] | None:
    """(table, parameters per row) of an insert of one row of parameters; else None."""
    m = _VALUES.match(sql)
    return None if m is None else (m.group(1), m.group(2).count("?"))


class BulkWrite:
    """``db`` with inserts into :data:`STAGED` tables staged (see the module docstring);
    anything else is passed through. Use :meth:`move` for a table that is read back
    during the write and :meth:`finish` at the end."""

    def __init__(self, db: sqlite3.Connection, tables: tuple[str, ...], threaded: bool = False
                 ) -> None:
        """``threaded``: the gathered inserts run by a thread of their own (see the
        module docstring; ``db`` opened with ``check_same_thread=False``), where this
        process may use two cores; call :meth:`close` in any case."""
        self.db = db
        self.verbs: dict[str, str] = {}        # staged table -> "INSERT OR ..." used
        marks = ",".join("?" * len(tables))
        # partial indexes stay: they take few rows as they come (the fragments' UNIT_OF
        # ones: 5% of the rows, mostly in order), while building one scans the whole table
        self.indexes = [(n, sql, t) for n, sql, t in db.execute(
            "SELECT name, sql, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks})", tables).fetchall()    # noqa: S608 - placeholders
            if not _PARTIAL.search(sql)]
        for name, _, _ in self.indexes:
            db.execute(f'DROP INDEX "{name}"')
        # the staging tables' database (this connection's temporary file) with the store's
        # page size, not SQLite's 4 KiB: a quarter as many reads and writes of its pages
        # (ignored once that database has pages, as SQLite ignores any late page size)
        size = db.execute("PRAGMA main.page_size").fetchone()[0]
        db.execute(f"PRAGMA temp.page_size={int(size)}")
        # no zeros written over the staging tables' freed pages (Debian's SQLite is built
        # with secure_delete on): each stage dropped was read and written once more for
        # nothing (10,000 plans: 1.7 of 6.5 GB written). The temporary file is this
        # connection's own, deleted as it is opened; the store keeps its setting.
        db.execute("PRAGMA temp.secure_delete=OFF")
        limit = getattr(db, "getlimit", None)      # (Python 3.11+; SQLite's least default else)
        self.variables = limit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if limit else 999
        self.pending: dict[str, tuple[str, list]] = {}   # table -> (sql, rows gathered)
        self.texts: dict[tuple[str, int], str] = {}           # (sql, rows) -> multi-row text
        self.writer = _Writer(db) if threaded and _two_cores() else None

    def close(self) -> None:
        """Stop the writer thread: after :meth:`finish` (which calls this), or when the
        write failed (the statements it still holds are not run)."""
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def __getattr__(self, name: str) -> Any:
        self.flush()
        return getattr(self.db, name)

    def _staged(self, sql: str) -> str:
        parsed = _parse(sql)
        if parsed is None:
            return sql
        table, verb, staged = parsed
        if table not in self.verbs:
            self.db.execute(f"DROP TABLE IF EXISTS temp.stage_{table}")
            self.db.execute(f"CREATE TEMP TABLE stage_{table} AS SELECT * FROM main.{table} WHERE 0")
            self.verbs[table] = verb
        return staged

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        self.flush()
        return self.db.execute(self._staged(sql), *args)

    def _run(self, sql: str, params: Any, many: bool = False) -> None:
        """Run a gathered statement (``many``: once per row of ``params``), by the writer
        thread when there is one."""
        if self.writer is not None:
            self.writer.put((sql, params, many))
        elif many:
            self.db.executemany(sql, params)
        else:
            self.db.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Any]) -> None:
        """Insert ``rows`` (gathered, see the module docstring) or run ``sql`` for each."""
        sql = self._staged(sql)
        shape = _shape(sql)
        if shape is None:
            self.flush()
            self.db.executemany(sql, rows)
            return
        table, marks = shape
        if table in self.pending and self.pending[table][0] != sql:
            self._write(table)            # another statement into the table: in order
        _, held = self.pending.setdefault(table, (sql, []))
        per = max(1, min(_ROWS, self.variables // marks))
        rows = iter(rows)
        while True:
            held.extend(islice(rows, per - len(held)))
            if len(held) < per:
                return
            self._many(sql, held)
            held.clear()

    def _many(self, sql: str, rows: list) -> None:
        """``rows`` by one statement of as many ``VALUES`` rows (the statement is kept in
        the connection's cache: every full batch has the same size)."""
        if len(rows) == 1:
            self._run(sql, rows[0])
            return
        text = self.texts.get((sql, len(rows)))
        if text is None:
            head, _, one = sql.rpartition("VALUES")
            row = one.strip().rstrip(";")
            text = self.texts[(sql, len(rows))] = f"{head}VALUES {','.join([row] * len(rows))}"
        self._run(text, list(chain.from_iterable(rows)))      # (a new list: ``rows`` is reused)

    def _write(self, table: str) -> None:
        sql, rows = self.pending.pop(table)
        if rows:
            self._run(sql, rows, many=True)

    def flush(self) -> None:
        """Write every gathered row (and wait until the writer thread has)."""
        for table in list(self.pending):
            self._write(table)
        if self.writer is not None:
            self.writer.wait()

    def move(self, table: str) -> None:
        """Copy the staged rows of ``table`` into it in key order and drop the stage."""
        for sql in self._move(table):
            self.db.execute(sql)

    def _move(self, table: str) -> list[str]:
        """The statements of :meth:`move` (after a flush)."""
        self.flush()
        if table not in self.verbs:
            return []
        info = self.db.execute(f"PRAGMA main.table_info({table})").fetchall()
        cols = ", ".join(f'"{r[1]}"' for r in info)
        key = ", ".join(f'"{r[1]}"' for r in sorted((r for r in info if r[5]), key=lambda r: r[5]))
        return [f"{self.verbs.pop(table)} INTO main.{table}({cols}) SELECT {cols} "
                f"FROM temp.stage_{table} ORDER BY {key or 'rowid'}, rowid",
                f"DROP TABLE temp.stage_{table}"]

    def finish_tables(self, tables: tuple[str, ...]) -> None:
        """What :meth:`finish` does for ``tables``, written in full: their staged rows
        moved and their indexes created, by the writer thread when there is one, while the
        caller goes on (session 24: the organisations' kept state, 10,000 plans ~4 s,
        while the persons are resolved); the caller's next statement waits for them."""
        todo = [sql for table in tables for sql in self._move(table)]
        todo += [sql for _, sql, t in self.indexes if t in tables]
        self.indexes = [x for x in self.indexes if x[2] not in tables]
        for sql in todo:
            self._run(sql, ())

    def finish(self) -> None:
        """Move every staged table and create the dropped indexes again."""
        self.flush()
        for table in list(self.verbs):
            self.move(table)
        for _, sql, _ in self.indexes:
            self.db.execute(sql)
        self.db.execute("PRAGMA temp.secure_delete=ON")     # (SQLite's own setting again)
        self.close()


def fetched(cursor: sqlite3.Cursor, n: int = 1000) -> Iterator[Any]:
    """A cursor's rows, read ``n`` at a time. Each row read steps the statement under the
    connection's lock, which a :class:`BulkWrite`'s writer thread holds for the whole of
    each of its statements: a cursor read row by row beside it (the fold's staged rows,
    10,000 plans: 423,195) waited for the statement in progress at many of its rows, one
    read in chunks at one in ``n`` at most. The same rows in the same order."""
    while rows := cursor.fetchmany(n):
        yield from rows


def _two_cores() -> bool:
    """May this process run on two cores or more (and is the writer thread not turned off)?"""
    cores = (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
             else (os.cpu_count() or 1))
    return cores > 1 and os.environ.get("SAMSPIL_BULK_THREAD", "1") != "0"


class _Writer:
    """A thread running statements on a connection in the order they are put."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.jobs: queue.Queue = queue.Queue(maxsize=_QUEUED)    # (bounded: memory)
        self.error: BaseException | None = None
        self.stopping = False
        self.interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self.interval, _SWITCH))
        self.thread = threading.Thread(target=self._loop, name="samspil-bulk-writer", daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        db, jobs = self.db, self.jobs
        while True:
            job = jobs.get()
            try:
                if job is None:
                    return
                if self.error is None and not self.stopping:   # (after an error: none)
                    sql, params, many = job
                    if many:
                        db.executemany(sql, params)
                    else:
                        db.execute(sql, params)
            except BaseException as exc:        # noqa: BLE001 - raised in the caller's thread
                self.error = exc
            finally:
                jobs.task_done()

    def put(self, job: tuple[str, Any, bool]) -> None:
        if self.error is not None:
            self.wait()
        self.jobs.put(job)

    def wait(self) -> None:
        """Until every statement put has run; the first error of one is raised here."""
        self.jobs.join()
        if self.error is not None:
            exc, self.error = self.error, None
            self.stopping = True          # (the statements after it are not run)
            raise exc

    def close(self) -> None:
        """End the thread; statements not yet run are dropped."""
        self.stopping = True
        if self.thread.is_alive():
            self.jobs.put(None)
            self.thread.join()
        sys.setswitchinterval(self.interval)
