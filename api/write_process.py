"""The CPU-bound part of the API's writes in a child process (issue 13).

Extracting an upload, resolving it into the graph and writing the store cost seconds
of pure Python. Run in a thread of the server, that work held the interpreter's lock
(GIL) for most of every second under a steady writer, and every read waited for it:
the load test's read p99 was 3.4 s. Here one long-lived child process (started with
``spawn`` on the first write, so nothing of the threaded server is forked) opens the
same embedded store and runs the writes one at a time; the server's write worker
thread only sends the job and waits, without the lock, and then loads the committed
graph for readers (:meth:`samspil.api.state.GraphCache.refresh`).

The child is a daemon: it is stopped when the server exits (also on SIGTERM during an
extraction) and when its pipe closes. A store that is not the embedded SQLite store
(Neo4j: its server does the heavy part) is written in the worker thread as before.
"""
from __future__ import annotations

import logging
import multiprocessing
import signal
import tempfile
from pathlib import Path
from typing import Any

from samspil.cli.common import to_jsonable
from samspil.loaders.errors import StoreUnavailable

__all__ = ["StoreWriter", "save_uploads", "OPS"]

log = logging.getLogger(__name__)


def _error(name: str, exc: Any) -> str:
    """An extraction error as the client sees it: its file name, never a server path."""
    where = f":{exc.line}" if getattr(exc, "line", None) else \
        f" (page {exc.page})" if getattr(exc, "page", None) else ""
    return f"{name}{where}: {getattr(exc, 'message', str(exc))}"


def save_uploads(store: Any, uploads: list[tuple[str, bytes]], limits: Any) -> dict[str, Any]:
    """Extract the uploaded files and save the readable ones: the upload's answer."""
    from samspil.loaders.pipeline import extract_paths   # the extractors: on first upload

    with tempfile.TemporaryDirectory(prefix="samspil-upload-") as tmp:
        paths = []
        for name, data in uploads:
            p = Path(tmp) / name
            p.write_bytes(data)
            paths.append(p)
        results = list(extract_paths(paths, limits))
    reports = [r.report for r in results if r.ok]
    for r in reports:
        r.source_path = None            # the upload's temporary path means nothing to anyone
    summary = store.save(reports) if reports else None
    return {"ok": bool(reports), "loaded": [r.document for r in reports],
            "errors": [{"document": r.path.name, "error": _error(r.path.name, r.error)}
                       for r in results if not r.ok],
            # what an agreement always names and none of the rules found ("found no activity")
            "warnings": [{"document": r.document, "warning": w} for r in reports for w in r.warnings],
            "summary": to_jsonable(summary)}


def _forget_person(store: Any, ref: str) -> dict[str, Any]:
    """The person forgotten (None when no person carries the e-mail given) and the
    places the e-mail address was scrubbed from."""
    from samspil.graph.people import forget_contact
    done = forget_contact(store, ref)
    return {"person": done.person, "scrubbed": to_jsonable(list(done.scrubbed)),
            "found": not done.nothing}


OPS = {
    "upload": save_uploads,
    "forget": lambda store, document_id: to_jsonable(store.forget(document_id)),
    "forget_person": lambda store, ref: _forget_person(store, ref),
}


def _child(conn: Any, path: str, overrides: str | None, timeout: float) -> None:
    """The child's loop: one job at a time until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)      # Ctrl+C is the server's to handle
    from samspil.graph.sqlite_store import SqliteStore

    store = SqliteStore(path, overrides, timeout)
    while True:
        try:
            name, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = (True, OPS[name](store, *args))
        except BaseException as exc:      # noqa: BLE001 - handed to the request, which maps it
            reply = (False, exc)
        try:
            conn.send(reply)
        except Exception as exc:          # noqa: BLE001 - an answer that does not pickle
            conn.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


class StoreWriter:
    """Runs write operations on ``store``: in a child process for the embedded store,
    in the calling thread otherwise. Called from one thread at a time (the API's
    :class:`~samspil.api.worker.WriteWorker`)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self._proc: Any = None
        self._conn: Any = None
        from samspil.graph.sqlite_store import SqliteStore
        self._spec = ((str(store.path), str(store.overrides_path) if store.overrides_path
                       else None, store.timeout) if isinstance(store, SqliteStore) else None)

    def call(self, op: str, *args: Any) -> Any:
        """``OPS[op](store, *args)``; its exception is raised here."""
        if self._spec is None:
            return OPS[op](self.store, *args)
        conn = self._start()
        try:
            conn.send((op, args))
            ok, value = conn.recv()
        except (EOFError, OSError) as exc:
            self.close()
            raise StoreUnavailable("the server's write process stopped during this write "
                                   f"({exc or type(exc).__name__}); nothing half-written was "
                                   "kept, try again") from None
        if not ok:
            raise value
        return value

    def _start(self) -> Any:
        if self._proc is None or not self._proc.is_alive():
            ctx = multiprocessing.get_context("spawn")
            self._conn, theirs = ctx.Pipe()
            self._proc = ctx.Process(target=_child, args=(theirs, *self._spec),
                                     name="samspil-write", daemon=True)
            self._proc.start()
            theirs.close()
        return self._conn

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs (tests look at its CPU time)."""
        return self._proc.pid if self._proc is not None and self._proc.is_alive() else None

    def close(self) -> None:
        """Stop the child (a write it was running is rolled back by SQLite)."""
        proc, self._proc = self._proc, None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if proc is not None and proc.is_alive():
            proc.terminate()
            proc.join(5)
