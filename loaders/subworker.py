"""One helper process doing tasks in order (issue 13, session 15: the full load's second core).

:class:`Worker` starts a fresh interpreter (``python -c``) and hands it tasks, each a
function named ``"module:function"`` with its arguments, pickled over the worker's stdin;
results come back pickled over its stdout, in the order the tasks were given. Two
threads carry them (a task may be written while a result fills the other pipe, and the
caller can see whether a result is in without waiting for it).

Not ``multiprocessing``: its spawn and forkserver children import the caller's main
module again (an unguarded script would run twice), and a forked child of a process
holding a large heap keeps its own copy of every page the parent goes on to change
(10,000 plans: +460 MiB and 8 s of system time). A worker that cannot start or dies
makes :meth:`Worker.result` return :data:`GONE`; callers then do the work themselves.
"""
from __future__ import annotations

import importlib
import multiprocessing
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["Worker", "GONE", "usable", "in_order"]

GONE = object()          # the result of a task whose worker is gone
_BOOT = ("import pickle, sys; sys.path[:0] = pickle.load(sys.stdin.buffer); "
         "from samspil.loaders.subworker import serve; serve()")


def usable() -> bool:
    """Whether a helper process may pay: a second core, and not a daemonic process (the
    API's write process may not have children)."""
    return (os.cpu_count() or 1) >= 2 and not multiprocessing.current_process().daemon


class Worker:
    """A helper process; :meth:`submit` tasks, read their :meth:`result` in order."""

    def __init__(self, boot: str | None = None) -> None:
        self.proc: subprocess.Popen | None = subprocess.Popen(
            [sys.executable, "-c", boot or _BOOT], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.tasks: queue.Queue = queue.Queue()
        self.results: queue.Queue = queue.Queue()
        self.waiting = 0          # tasks given whose results are not read yet
        self.sender = threading.Thread(target=self._send, name="samspil-worker-in", daemon=True)
        self.reader = threading.Thread(target=self._read, name="samspil-worker-out", daemon=True)
        self.sender.start()
        self.reader.start()
        self.tasks.put(sys.path)

    def _send(self) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        out = self.proc.stdin
        try:
            while (task := self.tasks.get()) is not None:
                pickle.dump(task, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
            out.close()
        except (OSError, ValueError):     # the worker is gone: the reader says so
            pass

    def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        inp = self.proc.stdout
        while True:
            try:
                reply = pickle.load(inp)
            except (EOFError, OSError, ValueError, pickle.UnpicklingError):
                self.results.put(None)
                return
            self.results.put(reply)

    @property
    def alive(self) -> bool:
        return self.proc is not None

    def submit(self, fn: str, *args: Any) -> bool:
        """Give the task ``fn(*args)`` (``fn``: "module:function"); False if the worker is gone."""
        if self.proc is None:
            return False
        self.tasks.put((fn, args))
        self.waiting += 1
        return True

    def ready(self) -> bool:
        """Whether the next result is in (reading it will not wait)."""
        return not self.results.empty()

    def result(self) -> Any:
        """The next task's result (an exception it raised is raised here), or
        :data:`GONE` when the worker has died or was let go."""
        if self.proc is None:
            return GONE
        reply = self.results.get()
        if reply is None:
            self.close()
            return GONE
        self.waiting -= 1
        ok, value = reply
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Let the worker go: it ends when its input does; stopped if it has work left
        (the caller gave up on it) or does not end."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if self.waiting:
            proc.kill()
        self.tasks.put(None)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        self.sender.join()
        self.reader.join()
        if proc.stdout is not None:
            proc.stdout.close()


def serve() -> None:
    """The worker's loop: ("module:function", arguments) in, (ok, result or exception) out."""
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr        # (nothing else may write into the results' pipe)
    found: dict[str, Any] = {}
    while True:
        try:
            name, args = pickle.load(inp)
        except EOFError:
            return
        try:
            if name not in found:
                module, _, attr = name.partition(":")
                found[name] = getattr(importlib.import_module(module), attr)
            reply = (True, found[name](*args))
        except Exception as exc:   # noqa: BLE001 - raised again in the caller
            reply = (False, exc)
        pickle.dump(reply, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()


_WAIT = object()


def in_order(worker: Worker | None, fn: str, chunks: Iterable[Any], here: Callable[[Any], Any],
             ahead: int = 4) -> Iterator[tuple[Any, Any]]:
    """(chunk, its result) for every chunk, in order: ``ahead`` chunks are kept with the
    worker (``fn(chunk)`` there), and while the first of them is not done, the next chunk
    is done here (``here(chunk)``) instead of waiting, so the two processes share the
    chunks as their speeds allow. Without a worker (or once it is gone) every chunk is
    done here. Chunks are taken from ``chunks`` in order, one at a time."""
    pending: deque[list] = deque()
    chunks = iter(chunks)
    while True:
        while worker is not None and worker.alive and worker.waiting < ahead:
            if (c := next(chunks, _WAIT)) is _WAIT:
                break
            pending.append([c, _WAIT] if worker.submit(fn, c) else [c, here(c)])
        busy = (worker is not None and worker.alive and pending and pending[0][1] is _WAIT
                and not worker.ready())
        if busy or not pending:
            if (c := next(chunks, _WAIT)) is not _WAIT:
                pending.append([c, here(c)])
                if busy:
                    continue
        if not pending:
            return
        c, r = pending.popleft()
        if r is _WAIT:
            r = worker.result() if worker is not None else GONE
            r = here(c) if r is GONE else r
        yield c, r
