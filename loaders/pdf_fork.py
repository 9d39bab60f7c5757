"""A big PDF's later pages read by a forked helper process while the caller reads the first ones.

pdfium's page and text-page loading is about a third of a dense PDF's extraction (~60 ms of
~170 ms for the 48-page dense PDF of bench/bench_extract.py) and the only part that needs no
other page: the rest is Python that needs the whole document. A thread cannot run it beside the
caller (Python's lock is handed over after every pdfium call: docs/notes/extraction-core.md,
session 14); a process can. For a PDF of :data:`MIN_PAGES` pages or more, :func:`start` forks
a helper that opens the file again, reads pages ``first..n-1`` with the caller's own code
(``page_text``) and writes each page's text down a pipe; the caller reads pages ``0..first-1``
meanwhile, then takes the helper's pages in order (it cleans their lines while the helper
reads on). Where the helper has not got the next page ready (its core is busy with another
job: the load average said a core was idle a minute ago), the caller does not wait: it reads
the last pages itself meanwhile, from the end down, until the two meet
(``pdf_pages._texts``), so a helper that runs slowly still saves the pages it read and one
that does not run costs the caller no more than the fork.

The helper only saves time, it decides nothing: the caller gets the same text for every page
as when it reads the page itself, and checks the deadline before every page as it does then.
When the helper cannot give a page - it could not be started, pdfium failed on a page, the
deadline passed in the helper, the pipe broke, the helper died - the caller reads that page
and those after it itself, so every error is raised as without a helper, by the caller.
:meth:`Helper.close` ends a helper still running (the caller stopped early) and reaps it.

A helper is forked only where that is safe and can pay: on Linux, in a process running one
thread (a fork copies only the calling thread: a lock held by another thread would stay held
in the helper; the API server's threads never fork), allowed two cores or more, not a batch's
worker (``pdf_pages.read_in_caller``: every core busy already), on a machine whose load average
leaves a core idle, and not when turned off with ``SAMSPIL_PDF_FORK=0``. Where no core is free
the two processes take turns on one and the document takes longer by the clock. The helper costs
CPU time (the fork, its copy-on-write faults, opening the file again, the pipe: ~39 ms of the
helper's for the ~33 ms of pdfium it takes off the caller): it makes a document faster by the
clock where a core is free, not cheaper.
"""
from __future__ import annotations

import os
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from samspil.loaders.limits import Deadline
from samspil.loaders.pdf_pages import _cores, _load  # (the cores this process may use; the load average)

__all__ = ["MIN_PAGES", "Helper", "start", "may_fork"]

MIN_PAGES = 16  # (below this a fork and a second opening of the file cost more than half the pages save)
SHARE = 0.45  # the share of the pages the caller reads itself: it also cleans every page's lines
_HEAD = struct.Struct("<I")
_FAILED = 0xFFFFFFFF  # in place of a page's length: the helper gives no more pages
_ENABLED = [True]


def may_fork(pages: int) -> bool:
    """Would a PDF of ``pages`` pages be read with a helper process here and now?"""
    return (_ENABLED[0] and pages >= MIN_PAGES and sys.platform.startswith("linux") and hasattr(os, "fork")
            and os.environ.get("SAMSPIL_PDF_FORK", "1") != "0" and threading.active_count() == 1
            and (cores := _cores()) >= 2 and _load() < cores - 0.5)


def disable() -> None:
    """Never fork a helper in this process (a batch's worker process)."""
    _ENABLED[0] = False


def start(path: Path, pages: int, deadline: Deadline, page_text: Callable[[object, int], str]) -> Helper | None:
    """A helper reading pages ``first..pages-1`` of ``path`` (``page_text(pdf, i)`` each, ``pdf``
    the helper's own ``PdfDocument``), or None where none may be forked or the fork failed."""
    if not may_fork(pages):
        return None
    first = max(1, round(pages * SHARE))
    try:
        r, w = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return None
    if pid == 0:  # the helper: never returns
        code = 1
        try:
            os.close(r)
            _serve(path, first, pages, deadline, page_text, w)
            code = 0
        except BaseException:  # (KeyboardInterrupt too: the pipe's end tells the caller to read on
            pass  # itself; a page half written is never taken, so no mark is written after it)
        finally:
            os._exit(code)  # (no atexit handler, finalizer or buffered output of the caller's runs here)
    os.close(w)
    os.set_blocking(r, False)
    return Helper(pid, r, first, pages)


def _serve(path: Path, first: int, pages: int, deadline: Deadline,
           page_text: Callable[[object, int], str], w: int) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))  # (its own: the caller's file offset is not shared)
    for i in range(first, pages):
        if deadline.clock() - deadline.start > deadline.limits.max_seconds:
            break  # (the caller's check names the page)
        try:
            data = page_text(pdf, i).encode("utf-8", "surrogatepass")
        except Exception:
            break  # (the caller reads the page and raises its error)
        _write_all(w, _HEAD.pack(len(data)) + data)
    else:
        return
    _write_all(w, _HEAD.pack(_FAILED))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class Helper:
    """The caller's end of a helper reading pages ``first..`` (see :func:`start`)."""

    def __init__(self, pid: int, fd: int, first: int, pages: int) -> None:
        self.pid, self.fd, self.first, self.pages = pid, fd, first, pages
        self.started = time.monotonic()
        self.buffer = bytearray()
        self.texts: list[str] = []  # pages first, first + 1, ... as they came
        self.ended = False  # no more pages will come (all sent, a failure, the pipe closed)

    def page(self, i: int) -> str | None:
        """Page ``i``'s text from the helper, or None: a page before ``first`` (the pipe is
        drained meanwhile, so the helper never waits for the caller) or one it cannot give
        (the caller reads it and the rest itself)."""
        if i < self.first:
            self._take(block=False)
            return None
        k = i - self.first
        while len(self.texts) <= k and not self.ended:
            self._take(block=True)
        return self.texts[k] if k < len(self.texts) else None

    def has(self, i: int) -> bool:
        """Has page ``i`` (``first`` or later) come, or will it never come (:meth:`page` would not
        wait)? Told without waiting: a caller that finds it has not may read another page meanwhile."""
        self._take(block=False)
        return self.ended or len(self.texts) > i - self.first

    def _take(self, block: bool) -> None:
        if self.ended:
            return
        try:
            if block:  # (waits for the next bytes or the pipe's end; no select: any descriptor number)
                os.set_blocking(self.fd, True)
                chunk = os.read(self.fd, 1 << 20)
                os.set_blocking(self.fd, False)
                self.buffer += chunk
                if not chunk:
                    self.ended = True  # (the helper closed the pipe: it exited)
            while not self.ended and (chunk := os.read(self.fd, 1 << 20)):
                self.buffer += chunk
            else:
                self.ended = True
        except BlockingIOError:
            pass
        except OSError:
            self.ended = True
        buffer, at = self.buffer, 0
        while len(buffer) - at >= 4:
            (n,) = _HEAD.unpack_from(buffer, at)
            if n == _FAILED:
                self.ended = True
                break
            if len(buffer) - at - 4 < n:
                break
            self.texts.append(buffer[at + 4:at + 4 + n].decode("utf-8", "surrogatepass"))
            at += 4 + n
        del buffer[:at]

    def close(self) -> None:
        """End the helper if it still runs, reap it, close the pipe."""
        if self.pid:
            try:
                pid, _ = os.waitpid(self.pid, os.WNOHANG)
                if pid == 0:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
            except OSError:
                pass
            self.pid = 0
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
