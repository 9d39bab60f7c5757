"""One writer at a time per store file, across threads and processes.

Every write to the embedded store (``samspil load``, an API upload or forget, a
rebuild) holds :class:`WriterLock` for the whole operation: an ``flock`` on
``<store>.lock`` (released by the kernel if the process dies, so a killed load
never leaves the store locked) plus a re-entrant thread lock, so a write may
call another write step without deadlocking. Readers never take it; a reader
that finds the graph older than the reports only rebuilds when it can take the
lock at once (no write running: a crash or an upgrade left it stale), and
otherwise reads the last committed graph.

SQLite's own lock would serialise the transactions too, but not the
multi-transaction operations (the documents in batches, then the graph),
and its busy handler gives up with ``database is locked``; this lock waits up to
the store's timeout and then raises :class:`StoreBusy`, which the CLI prints and
the API answers with 503 and ``Retry-After``.
"""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from samspil.loaders.errors import StoreBusy, StoreUnavailable

try:
    import fcntl
except ImportError:      # pragma: no cover - Windows: the thread lock alone
    fcntl = None  # type: ignore[assignment]

__all__ = ["WriterLock"]


class WriterLock:
    """Re-entrant writer lock on ``path`` (a small file beside the store)."""

    def __init__(self, path: str | Path, timeout: float) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def hold(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the lock, waiting up to ``timeout`` seconds; :class:`StoreBusy` after that."""
        wait = self.timeout if timeout is None else timeout
        if not self._acquire(wait):
            raise StoreBusy(f"the store {self.path.with_suffix('')} is busy with another write "
                            f"(a load, upload or forget) for more than {wait:g} s; "
                            "try again when it has finished")
        try:
            yield
        finally:
            self._release()

    @contextmanager
    def try_hold(self) -> Iterator[bool]:
        """Take the lock only if it is free now; yields whether it was taken."""
        got = self._acquire(0)
        try:
            yield got
        finally:
            if got:
                self._release()

    def held(self) -> bool:
        """Whether this thread holds the lock."""
        if not self._thread_lock.acquire(blocking=False):
            return False
        try:
            return self._depth > 0
        finally:
            self._thread_lock.release()

    def _acquire(self, wait: float) -> bool:
        deadline = time.monotonic() + wait
        if not (self._thread_lock.acquire(timeout=wait) if wait > 0
                else self._thread_lock.acquire(blocking=False)):
            return False
        if self._depth == 0 and not self._lock_file(deadline):
            self._thread_lock.release()
            return False
        self._depth += 1
        return True

    def _lock_file(self, deadline: float) -> bool:
        if fcntl is None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            if deadline <= time.monotonic():    # a reader's try: it just does not rebuild
                return False
            raise StoreUnavailable(f"cannot create the lock file {self.path} ({exc.strerror}); "
                                   "a store needs a folder it may write to: check its "
                                   "permissions or set SAMSPIL_DATA_DIR / --data-dir") from exc
        pause = 0.005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._fd = fd
                return True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    return False
                time.sleep(min(pause, max(deadline - time.monotonic(), 0.0)))
                pause = min(pause * 2, 0.1)

    def _release(self) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            os.close(self._fd)        # closing the descriptor releases the flock
            self._fd = None
        self._thread_lock.release()
