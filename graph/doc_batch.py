"""A save's documents committed a few at a time (issue 13, session 14).

The embedded store (graph/sqlite_store.py) stores each report of a save before it
builds or updates the graph. One ``BEGIN IMMEDIATE`` / ``COMMIT`` per document wrote
WAL frames and committed 11,992 times in a 10,000-plan load (~3-4 s); :class:`DocBatch`
holds the documents in transactions of up to :data:`_BATCH_DOCS`, each document whole
in the one that holds it, so a kill still leaves whole documents only.
"""
from __future__ import annotations

import sqlite3
import time
from typing import TYPE_CHECKING, Any

from samspil.loaders.errors import StoreBusy
from samspil.loaders.model import AgreementReport

if TYPE_CHECKING:
    from samspil.graph.sqlite_store import SqliteStore

__all__ = ["DocBatch"]


class DocBatch:
    """The documents of a save, committed a few at a time: each is whole in the
    transaction that holds it (a kill or an error loses at most the documents of the open
    transaction, never part of one), and a 10,000-document load commits ~50 times
    instead of 10,000 (issue 13, session 14: ~4 s of WAL writes and commits). A
    transaction is committed after :data:`_BATCH_DOCS` documents or
    :data:`_BATCH_SECONDS` seconds (documents extracted slowly are not held back)."""

    def __init__(self, store: "SqliteStore") -> None:
        self.store, self.open, self.n, self.since = store, False, 0, 0.0

    def __enter__(self) -> "DocBatch":
        return self

    def put(self, report: AgreementReport, data: dict[str, Any]) -> str:
        db = self.store.db
        if not self.open:
            try:
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:    # a writer that ignores our lock
                raise StoreBusy(f"the store {self.store.path} is locked by another program "
                                f"({exc}); try again when it has finished") from exc
            self.open, self.n, self.since = True, 0, time.monotonic()
        try:
            outcome = self.store._put_row(report, data)
        except BaseException:
            self.open = False
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        self.n += 1
        if self.n >= _BATCH_DOCS or time.monotonic() - self.since > _BATCH_SECONDS:
            self.commit()
        return outcome

    def commit(self) -> None:
        if self.open:
            self.open = False
            self.store.db.execute("COMMIT")

    def __exit__(self, *exc: object) -> None:
        self.commit()       # (the documents put so far are whole, whatever stopped the save)


_BATCH_DOCS = 256
_BATCH_SECONDS = 1.0
