"""A big PDF's later pages read by a forked helper process (loaders/pdf_fork.py): the pages and the
errors of reading every page in the caller, and no helper process left after a read, however it ended."""
from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import draw_departments  # noqa: E402

from samspil.loaders import pdf_fork, pdf_pages, readers
from samspil.loaders.errors import CorruptDocument
from samspil.loaders.limits import Deadline, LimitExceeded, Limits
from samspil.loaders.pdf_pages import read_pages
from samspil.loaders.readers import read_document

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
PAGES = 20


@pytest.fixture(autouse=True)
def idle(monkeypatch) -> None:
    """An idle machine of two cores (the test's own may be busy), reading in the caller's thread."""
    if not (pdf_fork.sys.platform.startswith("linux") and hasattr(os, "fork")):
        pytest.skip("a helper is forked on Linux only")
    if threading.active_count() != 1:
        pytest.skip("a process running threads forks no helper")
    monkeypatch.setattr(pdf_fork, "_load", lambda: 0.0)
    monkeypatch.setattr(pdf_fork, "_cores", lambda: 2)
    monkeypatch.setattr(pdf_fork, "_ENABLED", [True])
    monkeypatch.setattr(pdf_pages, "_THREADED", [False])
    monkeypatch.delenv("SAMSPIL_PDF_FORK", raising=False)


@pytest.fixture
def started(monkeypatch) -> list:
    """The helpers started (None where none was)."""
    helpers: list = []
    real = pdf_fork.start

    def start(*args):
        helpers.append(real(*args))
        if helpers[-1] is not None:
            _PIDS.append(helpers[-1].pid)
        return helpers[-1]
    monkeypatch.setattr(pdf_fork, "start", start)
    return helpers


def _agreement(tmp_path: Path, new_pdf) -> Path:
    """PAGES pages: a seed's text, a table of three columns after it, an empty last page."""
    pdf = new_pdf()
    seed = [ln for ln in sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8").splitlines() if ln.strip()]
    for k in range(PAGES - 3):
        for line in seed[k * 20:k * 20 + 20] or [f"Side {k + 1}"]:
            pdf.multi_cell(0, 5, line.replace("*", ""), new_x="LMARGIN", new_y="NEXT")
        pdf.add_page()
    draw_departments(pdf)
    pdf.add_page()
    pdf.multi_cell(0, 5, "Aftalens parter: Lejerbo og Vejle Kommune", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    path = tmp_path / "aftale.pdf"
    pdf.output(str(path))
    return path


def _sequential(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf_pages._page_text(pdf, i) for i in range(len(pdf))]
    finally:
        pdf.close()


def _lines(path: Path, limits: Limits = Limits()) -> list[str]:
    return list(read_pages(path, limits, Deadline(limits, str(path))))


_PIDS: list[int] = []  # every helper process started


def _no_helper_left() -> bool:
    """Has every helper started ended and been reaped?"""
    for pid in _PIDS:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue  # (reaped)
        return False
    return True


def test_the_helper_reads_the_pages_the_caller_reads(tmp_path: Path, new_pdf, started) -> None:
    path = _agreement(tmp_path, new_pdf)
    pages = _lines(path)
    assert started and started[0] is not None and started[0].first < PAGES - 2
    assert len(pages) >= PAGES and pages[-1] == "" and "\t" in pages[-3]  # (the table: tabs)
    assert pages == _sequential(path)
    assert _no_helper_left()


def test_a_document_reads_the_same_with_and_without_a_helper(tmp_path: Path, new_pdf, started,
                                                             monkeypatch) -> None:
    path = _agreement(tmp_path, new_pdf)
    helped = read_document(path)
    monkeypatch.setenv("SAMSPIL_PDF_FORK", "0")
    alone = read_document(path)
    assert started[0] is not None and started[1] is None
    assert (helped.lines, helped.origin, helped.warnings) == (alone.lines, alone.origin, alone.warnings)


def test_no_helper_where_none_can_pay_or_be_safe(monkeypatch) -> None:
    assert pdf_fork.may_fork(PAGES) and not pdf_fork.may_fork(pdf_fork.MIN_PAGES - 1)
    with monkeypatch.context() as m:
        m.setenv("SAMSPIL_PDF_FORK", "0")
        assert not pdf_fork.may_fork(PAGES)
    with monkeypatch.context() as m:
        m.setattr(pdf_fork, "_cores", lambda: 1)
        assert not pdf_fork.may_fork(PAGES)
    with monkeypatch.context() as m:
        m.setattr(pdf_fork, "_load", lambda: 1.7)  # (two cores, both busy)
        assert not pdf_fork.may_fork(PAGES)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not pdf_fork.may_fork(PAGES)  # (a fork copies only the calling thread)
    finally:
        stop.set()
        other.join()
    from samspil.loaders import pipeline

    monkeypatch.setattr(pdf_pages, "_THREADED", [True])
    pipeline._worker_start()  # (a batch's worker: every core busy already)
    assert not pdf_fork.may_fork(PAGES)


def test_a_helper_that_fails_leaves_its_pages_to_the_caller(tmp_path: Path, new_pdf, started,
                                                           monkeypatch) -> None:
    path = _agreement(tmp_path, new_pdf)
    real = pdf_pages._page_text
    for bad, how in ((PAGES - 5, "fails"), (PAGES - 1, "fails"), (PAGES - 4, "dies"), (PAGES - 6, "interrupted")):
        def page_text(pdf, i: int, bad=bad, how=how) -> str:
            if i == bad and os.getpid() != parent:  # (in the helper only)
                if how == "dies":
                    os._exit(3)
                if how == "interrupted":
                    raise KeyboardInterrupt
                raise pdfium.PdfiumError("Failed to load page.")
            return real(pdf, i)
        parent = os.getpid()
        monkeypatch.setattr(pdf_pages, "_page_text", page_text)
        assert _lines(path) == _sequential(path)
        assert started[-1] is not None and _no_helper_left()


@pytest.mark.parametrize("bad", [2, PAGES - 3])  # (a page of the caller's, one of the helper's)
def test_a_page_pdfium_cannot_load_is_named_by_the_caller(tmp_path: Path, new_pdf, started,
                                                          monkeypatch, bad: int) -> None:
    from samspil.loaders import pdf_text

    path = _agreement(tmp_path, new_pdf)
    real_init, loaded = pdf_text.PageText.__init__, []

    def init(self, doc, index: int) -> None:
        loaded.append(index)  # (the caller's list: the helper's own copy is not seen here)
        if index == bad:
            raise pdfium.PdfiumError("Failed to load page.")
        real_init(self, doc, index)
    monkeypatch.setattr(pdf_text.PageText, "__init__", init)
    with pytest.raises(CorruptDocument, match=rf"aftale.pdf.*page {bad + 1}.*Failed to load page") as info:
        read_document(path)
    assert info.value.page == bad + 1 and isinstance(info.value.__cause__, pdfium.PdfiumError)
    assert started[0] is not None and bad in loaded and _no_helper_left()  # (the caller read the bad page itself;
    # on a busy machine it may have read pages from the end down before it, so not always last)


def test_the_deadline_names_the_page_it_stopped_at(tmp_path: Path, new_pdf, started) -> None:
    path = _agreement(tmp_path, new_pdf)
    for stop in (3, PAGES - 3):  # (a page of the caller's, one of the helper's)
        ticks = iter(range(1000))
        limits = Limits(max_seconds=stop - 0.5)  # (the clock ticks a second a look)
        with pytest.raises(LimitExceeded) as info:
            readers.PdfReader().read(path, limits, Deadline(limits, str(path), clock=lambda: next(ticks)))
        assert info.value.limit == "max_seconds" and info.value.page == stop and "reading the PDF" in str(info.value)
        assert _no_helper_left()


def test_limits_and_reads_left_unfinished_end_the_helper(tmp_path: Path, new_pdf, started,
                                                        read_interrupted) -> None:
    path = _agreement(tmp_path, new_pdf)
    first = len(_sequential(path)[0])
    with pytest.raises(LimitExceeded) as info:
        read_document(path, Limits(max_chars=first + 10))
    assert info.value.limit == "max_chars" and info.value.page == 2 and _no_helper_left()
    with pytest.raises(LimitExceeded, match="max_pdf_pages"):
        read_document(path, Limits(max_pdf_pages=PAGES - 1))
    limits = Limits()
    pages = read_pages(path, limits, Deadline(limits, str(path)))
    assert next(pages) == _sequential(path)[0]
    pages.close()
    assert _no_helper_left()
    assert len(read_interrupted(path)) == 40 and _no_helper_left()
    assert _lines(path) == _sequential(path)


def test_a_pdf_read_while_another_is_read_gives_its_pages(tmp_path: Path, new_pdf, started) -> None:
    first = _agreement(tmp_path, new_pdf)
    (tmp_path / "b").mkdir()
    second = _agreement(tmp_path / "b", new_pdf)
    limits = Limits()
    outer = read_pages(first, limits, Deadline(limits, str(first)))
    pages = [next(outer)]
    inner = _lines(second)
    pages += list(outer)
    assert pages == _sequential(first) and inner == _sequential(second)
    assert len([h for h in started if h is not None]) == 2 and _no_helper_left()


@pytest.fixture
def late_helper(monkeypatch) -> list[int]:
    """A helper that reads slowly (its core busy with another job): the pages the caller reads
    through ``_page_text`` (read ahead from the end) are listed."""
    real, parent, read = pdf_pages._page_text, os.getpid(), []

    def page_text(pdf, i: int) -> str:
        if os.getpid() != parent:
            import time

            time.sleep(0.2)
        else:
            read.append(i)
        return real(pdf, i)
    monkeypatch.setattr(pdf_pages, "_page_text", page_text)
    return read


def test_a_late_helper_leaves_the_last_pages_to_the_caller(tmp_path: Path, new_pdf, started, late_helper) -> None:
    path = _agreement(tmp_path, new_pdf)
    pages = _sequential(path)
    late_helper.clear()
    assert _lines(path) == pages
    first = started[0].first
    assert late_helper and min(late_helper) > first and sorted(late_helper, reverse=True) == late_helper \
        and max(late_helper) == len(pages) - 1  # (from the last page down)
    assert _no_helper_left()
    late_helper.clear()  # where the pages read ahead meet the helper's, the helper is ended at once
    limits = Limits()
    reader = read_pages(path, limits, Deadline(limits, str(path)))
    for k, text in enumerate(reader):
        if late_helper and k == min(late_helper) - 1:
            assert _no_helper_left()  # (before the pages read ahead are handed over)
            break
    reader.close()
    assert late_helper and _no_helper_left()
    late_helper.clear()
    ticks = iter(range(1000))  # the deadline is checked, and named, page by page in order
    limits = Limits(max_seconds=len(pages) - 3 - 0.5)
    with pytest.raises(LimitExceeded) as info:
        readers.PdfReader().read(path, limits, Deadline(limits, str(path), clock=lambda: next(ticks)))
    assert info.value.page == len(pages) - 3 and late_helper and _no_helper_left()


def test_a_page_read_ahead_that_fails_is_raised_in_its_turn(tmp_path: Path, new_pdf, started, late_helper,
                                                             monkeypatch) -> None:
    from samspil.loaders import pdf_text

    path = _agreement(tmp_path, new_pdf)
    pages = _sequential(path)
    bad = len(pages) - 2
    late_helper.clear()
    real_init = pdf_text.PageText.__init__

    def init(self, doc, index: int, *form) -> None:
        if index == bad:
            raise pdfium.PdfiumError("Failed to load page.")
        real_init(self, doc, index, *form)
    monkeypatch.setattr(pdf_text.PageText, "__init__", init)
    got: list[str] = []
    limits = Limits()
    with pytest.raises(pdf_pages.PageError) as info:
        for text in read_pages(path, limits, Deadline(limits, str(path))):
            got.append(text)
    assert info.value.page == bad + 1 and got == pages[:bad]
    assert bad in late_helper and min(late_helper) == bad and _no_helper_left()  # (none read ahead after it)
    with pytest.raises(CorruptDocument, match=rf"page {bad + 1}"):
        read_document(path)
