"""The API's write worker: one thread, a bounded queue, off the event loop.

Uploads (extraction is CPU-bound: seconds to minutes for a large PDF), forgets
and the reload of the served graph after a write run here, one at a time, in
arrival order. The event loop only reads the request and awaits the result, so
``/api/health`` and every read keep answering during a large upload. When
``max_pending`` writes are already waiting, a new one is refused at once with
:class:`~samspil.loaders.errors.StoreBusy` (503 and ``Retry-After``) instead of
piling up. The thread is a daemon: SIGTERM stops the server without waiting for
a running extraction (a write cut short is rolled back by SQLite; nothing
committed is lost).
"""
from __future__ import annotations

import asyncio
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from samspil.loaders.errors import StoreBusy

__all__ = ["WriteWorker"]

log = logging.getLogger(__name__)


def _settle(fut: asyncio.Future, result: Any, exc: BaseException | None) -> None:
    if fut.done():            # the client went away and the request was cancelled
        return
    if exc is not None:
        fut.set_exception(exc)
    else:
        fut.set_result(result)


class WriteWorker:
    """Runs write jobs one at a time in a daemon thread; at most ``max_pending`` wait."""

    def __init__(self, max_pending: int = 8) -> None:
        self.max_pending = max_pending
        self._jobs: queue.Queue = queue.Queue(max_pending)
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def _ensure_thread(self) -> None:
        with self._start_lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="samspil-writer",
                                                daemon=True)
                self._thread.start()

    def _loop(self) -> None:
        while True:
            fn, fut, loop = self._jobs.get()
            result, error = None, None
            try:
                result = fn()
            except BaseException as exc:      # handed to the request, which maps it
                error = exc
            try:
                loop.call_soon_threadsafe(_settle, fut, result, error)
            except RuntimeError:              # the event loop has closed (shutdown)
                log.warning("a write finished after the server stopped")

    async def run(self, fn: Callable[[], Any]) -> Any:
        """``fn()`` in the writer thread; :class:`StoreBusy` when the queue is full."""
        self._ensure_thread()
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        try:
            self._jobs.put_nowait((fn, fut, loop))
        except queue.Full:
            raise StoreBusy(f"{self.max_pending} writes are already waiting; try again in a "
                            "few seconds", retry_after=5) from None
        return await fut
