"""A PDF's pages one by one, optionally read in a thread of their own while the caller works
on those read so far.

Most of the time of reading a PDF is pdfium's: loading a page and its text page (~1.2 ms of
a dense page, ~60 ms of a 48-page agreement), C code called through ctypes, which lets go
of Python's interpreter lock for the call. :func:`read_pages` hands the pages' text over as
they come; in a thread (:func:`threaded`) it makes every pdfium call of a document (opening it,
its pages, closing it) in one reader thread, so the caller's own work on a page (the
normaliser's line clean-up: :func:`samspil.loaders.normalise.clean_line`) can run on another
core while pdfium loads the next page.

pdfium is not thread-safe: no two of its calls may run at once, not even on different
documents. Within a read only the reader thread calls it, and ``_PDFIUM`` lets one read at a
time into pdfium in this process (the API extracts in one writer thread; a caller that reads
PDFs from several threads waits its turn instead of crashing). The pages and the errors are
the same as reading page after page in the caller's thread: a page pdfium cannot read names
its page, the limits (pages, characters, the deadline) are checked where they were, and when
the caller stops early (an error, a limit, ``KeyboardInterrupt``, a generator left unfinished)
the reader stops after the page it is on and is waited for: no thread outlives the read.

The thread is used only when asked for (``SAMSPIL_PDF_THREAD=1``): on the shared two-core
machine it was measured on, it did not pay (the clean-up it overlaps is ~4% of the time, and the
hand-overs between the threads cost about as much; docs/notes/extraction-core.md, session 14).
Even then, in a process allowed one core, in the worker processes of a parallel batch (one a
core, every core busy: ``pipeline._worker_start``) and on a machine whose load average says
every core is busy (:func:`threaded`), the pages are read in the caller's thread, with the same
calls, pages and errors.
"""
from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from queue import SimpleQueue

from samspil.loaders.limits import Deadline, Limits

__all__ = ["read_pages", "PageError", "threaded", "read_in_caller"]

# one document in pdfium at a time (see the module's text; re-entrant: a caller reading in its own
# thread may open another PDF while it reads one, its calls still one at a time)
_PDFIUM = threading.RLock()
_DONE = object()


class PageError(Exception):
    """Reading page ``page`` (1-based) raised ``error`` (the reader maps it to the input error
    that names the page, as when the pages were read in the caller's thread)."""

    def __init__(self, page: int, error: BaseException) -> None:
        super().__init__(page, error)
        self.page, self.error = page, error


def read_pages(path: Path, limits: Limits, deadline: Deadline) -> Iterator[str]:
    """Each page's text in order (pdfium's text, or the page's table rows with tabs between
    their cells: :func:`samspil.loaders.pdf_layout.table_page_lines`), read in a thread when
    :func:`threaded` says a core can run it, else in the caller's thread (the same pages and errors).

    Raises what opening the document raises (pdfium's error, the ``max_pdf_pages`` limit),
    the deadline's :class:`~samspil.loaders.limits.LimitExceeded` naming the page it stopped
    at, and :class:`PageError` for a page pdfium cannot read, each after the pages before it."""
    if not threaded():
        with _PDFIUM:
            yield from _texts(path, limits, deadline)
        return
    out: SimpleQueue = SimpleQueue()
    stop = threading.Event()
    reader = threading.Thread(target=_read, args=(path, limits, deadline, out, stop),
                              name="samspil-pdf-reader", daemon=True)
    reader.start()
    try:
        while True:
            item = out.get()
            if item is _DONE:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        reader.join()


# Read in a thread? Not in a process with one core, nor in a batch's worker process (one a
# core, every core busy: the thread would only add its hand-overs).
_THREADED = [True]


def threaded() -> bool:
    """Are a PDF's pages read in a thread of their own now? Only when asked for
    (``SAMSPIL_PDF_THREAD=1``: measured on a shared two-core machine the thread did not pay, see
    docs/notes/extraction-core.md, session 14) and where a core is free for the thread: the
    process may use two or more, it is no batch's worker (:func:`read_in_caller`), and the
    machine's load average (which counts this process) leaves a core idle. On a machine whose
    cores are all busy the two threads wait for each other to be scheduled: by the clock the
    dense PDF took 230-297 ms read in a thread against 214-249 ms in the caller's (load average
    2-2.5 on two cores)."""
    if not _THREADED[0] or os.environ.get("SAMSPIL_PDF_THREAD") != "1":
        return False
    cores = _cores()
    return cores >= 2 and _load() < cores - 0.5


def _cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _load() -> float:
    """The machine's load average over the last minute (0 where the system does not say)."""
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return 0.0


def read_in_caller() -> None:
    """Read every PDF of this process in the caller's thread and no helper process (a batch's
    worker process: every core is busy)."""
    from samspil.loaders import pdf_fork

    _THREADED[0] = False
    pdf_fork.disable()


def _read(path: Path, limits: Limits, deadline: Deadline, out: SimpleQueue,
          stop: threading.Event) -> None:
    """The reader thread: every page's text onto ``out``, then ``_DONE``; an exception is put
    on ``out`` in place of the rest (the caller raises it)."""
    try:
        with _PDFIUM, contextlib.closing(_texts(path, limits, deadline)) as texts:
            for text in texts:
                out.put(text)
                if stop.is_set():
                    return
    except BaseException as exc:  # (handed to the caller: nothing is lost with the thread)
        out.put(exc)
    else:
        out.put(_DONE)


def _texts(path: Path, limits: Limits, deadline: Deadline) -> Iterator[str]:
    import pypdfium2 as pdfium

    from samspil.loaders import pdf_fork
    from samspil.loaders.pdf_forms import form_text
    from samspil.loaders.pdf_layout import may_hold_table, table_page_lines, turned_page_lines, upward_page_lines
    from samspil.loaders.pdf_marginalia import has_signs, take_out
    from samspil.loaders.pdf_text import PageText

    pdf = pdfium.PdfDocument(str(path))
    helper = None
    try:
        if len(pdf) > limits.max_pdf_pages:
            raise limits.refuse("max_pdf_pages", f"the PDF has {len(pdf):,} pages", str(path))
        form = form_text(pdf)  # (a filled form's values: read in this process, no helper)
        if form is None and len(pdf) >= pdf_fork.MIN_PAGES:  # (the later pages in a helper process where one may run)
            helper = pdf_fork.start(path, len(pdf), deadline, _page_text)
        ahead = _Ahead(len(pdf))  # (pages read from the end while the helper was late)
        for i in range(len(pdf)):
            deadline.check("reading the PDF", page=i + 1)
            if helper is not None and i >= helper.first:
                ahead.read(pdf, i, helper, deadline)
                if ahead.low <= i + 1:  # every later page read ahead: the helper has page i at most to give,
                    text = helper.page(i) if helper.has(i) else None  # and is ended now, not waited for
                    helper.close()  # (on a busy machine it shares the caller's core: it would only slow it)
                    helper = None
                    if text is not None:
                        yield text
                        continue
            if i >= ahead.low:
                if isinstance(text := ahead.texts.pop(i), PageError):
                    raise text
                yield text
                continue
            if helper is not None and (text := helper.page(i)) is not None:
                yield text
                continue
            try:
                textpage = PageText(pdf, i) if form is None else PageText(pdf, i, form)
            except Exception as exc:
                raise PageError(i + 1, exc) from None
            try:
                text = textpage.get_text_range()
                if has_signs(text) and take_out(textpage):  # margin line numbers, drop caps (pdf_marginalia.py)
                    text = textpage.get_text_range()
                table = turned_page_lines(textpage) or upward_page_lines(textpage) \
                    or (table_page_lines(textpage) if may_hold_table(textpage, text) else None)
            except Exception as exc:
                textpage.close()
                raise PageError(i + 1, exc) from None
            try:  # (handed over before the page is closed: a thread's caller starts on it meanwhile)
                yield text if table is None else "\n".join(table)
            finally:
                textpage.close()
    finally:
        if helper is not None:
            helper.close()
        pdf.close()


class _Ahead:
    """The pages the caller read from the end down while the helper had not got its next page
    ready: pages ``low..`` (the caller's own text, or the :class:`PageError` reading it raised,
    raised when its turn comes, after the pages before it)."""

    def __init__(self, pages: int) -> None:
        self.low = pages
        self.texts: dict[int, str | PageError] = {}
        self.failed = False

    def read(self, pdf, i: int, helper, deadline: Deadline) -> None:
        """While the helper has not got page ``i`` ready, read the last page not read yet, above
        ``i`` (none after one that failed, nor once ``max_seconds`` have passed by the clock: the
        deadline itself is checked, and named, page by page in order)."""
        while self.low - 1 > i and not self.failed and not helper.has(i):
            if time.monotonic() - helper.started > deadline.limits.max_seconds:
                return
            self.low -= 1
            try:
                self.texts[self.low] = _page_text(pdf, self.low)
            except Exception as exc:
                self.texts[self.low] = PageError(self.low + 1, exc)
                self.failed = True


def _page_text(pdf, i: int) -> str:
    """Page ``i``'s text as :func:`_texts` reads it (in a helper process: ``pdf_fork``)."""
    from samspil.loaders.pdf_layout import may_hold_table, table_page_lines, turned_page_lines, upward_page_lines
    from samspil.loaders.pdf_text import PageText

    from samspil.loaders.pdf_marginalia import has_signs, take_out

    with PageText(pdf, i) as textpage:
        text = textpage.get_text_range()
        if has_signs(text) and take_out(textpage):
            text = textpage.get_text_range()
        table = turned_page_lines(textpage) or upward_page_lines(textpage) \
            or (table_page_lines(textpage) if may_hold_table(textpage, text) else None)
    return text if table is None else "\n".join(table)
