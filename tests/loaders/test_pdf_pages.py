"""The PDF reader's thread (loaders/pdf_pages.py): the pages and the errors of reading page after
page in the caller's thread, and no thread left running after a read, however it ended."""
from __future__ import annotations

import sys

import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import draw_departments  # noqa: E402

from samspil.loaders import pdf_pages, readers
from samspil.loaders.errors import CorruptDocument
from samspil.loaders.limits import Deadline, LimitExceeded, Limits
from samspil.loaders.normalise import normalise
from samspil.loaders.pdf_layout import may_hold_table, table_page_lines
from samspil.loaders.pdf_pages import read_pages
from samspil.loaders.pdf_text import PageText
from samspil.loaders.readers import read_document

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def _sequential(path: Path) -> list[str]:
    """Every page's text read in this thread, page after page (the reader before its thread)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for i in range(len(pdf)):
            with PageText(pdf, i) as textpage:
                text = textpage.get_text_range()
                table = table_page_lines(textpage) if may_hold_table(textpage, text) else None
                texts.append(text if table is None else "\n".join(table))
        return texts
    finally:
        pdf.close()


def _agreement(tmp_path: Path, new_pdf) -> Path:
    """Eight pages: a seed's text, a table of three columns, an empty page."""
    pdf = new_pdf()
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8").splitlines()[:160]
    for line in seed:
        if line.strip():
            pdf.multi_cell(0, 5, line.replace("*", ""), new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    draw_departments(pdf)
    pdf.add_page()
    path = tmp_path / "aftale.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture(params=["thread", "caller"], autouse=True)
def where(request, monkeypatch) -> str:
    """Every test reads in a thread of its own and in the caller's thread (a batch's worker)."""
    monkeypatch.setenv("SAMSPIL_PDF_THREAD", "1")
    monkeypatch.setattr(pdf_pages, "_load", lambda: 0.0)  # (an idle machine: the test's own may be busy)
    if request.param == "caller":
        monkeypatch.setattr(pdf_pages, "_THREADED", [False])
    assert pdf_pages.threaded() == (request.param == "thread" and pdf_pages._cores() >= 2)
    return request.param


def _readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "samspil-pdf-reader"]


def _lines(path: Path, limits: Limits = Limits()) -> list[str]:
    return list(read_pages(path, limits, Deadline(limits, str(path))))


def test_the_reader_thread_reads_what_the_caller_read_page_after_page(tmp_path: Path, new_pdf) -> None:
    path = _agreement(tmp_path, new_pdf)
    pages = _lines(path)
    assert len(pages) >= 5 and pages[-1] == "" and any("\t" in p for p in pages)  # (the table: tabs)
    assert pages == _sequential(path)
    assert not _readers()


def test_lines_cleaned_while_reading_are_those_the_normaliser_makes(tmp_path: Path, new_pdf) -> None:
    path = _agreement(tmp_path, new_pdf)
    limits = Limits()
    lines, origins, cleaned = readers.PdfReader().raw_cleaned(path, [], limits, Deadline(limits, "x"))
    assert cleaned and set(lines) <= set(cleaned)
    assert normalise(lines, origins, pdf=True, cleaned=cleaned) == normalise(lines, origins, pdf=True)


def test_two_threads_reading_at_once_read_what_each_reads_alone(tmp_path: Path, new_pdf, make_pdf) -> None:
    """pdfium is not thread-safe: reads from two threads take turns (the module's lock)."""
    first = _agreement(tmp_path, new_pdf)
    second = make_pdf([f"Aktivitetsnavn: Lektiecafé {i}" for i in range(300)], tmp_path / "lang.pdf")
    alone = {p: _lines(p) for p in (first, second)}
    together: dict[Path, list[list[str]]] = {first: [], second: []}
    workers = [threading.Thread(target=lambda p=p: [together[p].append(_lines(p)) for _ in range(3)])
               for p in (first, second)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert together == {p: [alone[p]] * 3 for p in (first, second)}
    assert not _readers()


def test_a_page_pdfium_cannot_load_is_named_and_the_reader_stops(tmp_path: Path, new_pdf,
                                                                  monkeypatch) -> None:
    from samspil.loaders import pdf_text

    path = _agreement(tmp_path, new_pdf)
    real_init, loaded = pdf_text.PageText.__init__, []

    def init(self, doc, index: int) -> None:
        loaded.append(index)
        if index == 2:
            raise pdfium.PdfiumError("Failed to load page.")
        real_init(self, doc, index)
    monkeypatch.setattr(pdf_text.PageText, "__init__", init)
    with pytest.raises(CorruptDocument, match=r"aftale.pdf.*page 3.*Failed to load page") as info:
        read_document(path)
    assert info.value.page == 3 and isinstance(info.value.__cause__, pdfium.PdfiumError)
    assert loaded == [0, 1, 2] and not _readers()


def test_the_deadline_names_the_page_it_stopped_at(tmp_path: Path, new_pdf) -> None:
    path = _agreement(tmp_path, new_pdf)
    ticks = iter(range(100))
    limits = Limits(max_seconds=3.5)  # (the clock ticks a second a look: page 4 is past it)
    with pytest.raises(LimitExceeded) as info:
        readers.PdfReader().read(path, limits, Deadline(limits, str(path), clock=lambda: next(ticks)))
    assert info.value.limit == "max_seconds" and info.value.page == 4 and "reading the PDF" in str(info.value)
    assert not _readers()


def test_limits_checked_by_the_caller_stop_the_reader(tmp_path: Path, new_pdf) -> None:
    path = _agreement(tmp_path, new_pdf)
    first = len(_sequential(path)[0])
    with pytest.raises(LimitExceeded) as info:
        read_document(path, Limits(max_chars=first + 10))
    assert info.value.limit == "max_chars" and info.value.page == 2
    with pytest.raises(LimitExceeded, match="max_pdf_pages"):
        read_document(path, Limits(max_pdf_pages=2))
    with pytest.raises(CorruptDocument, match="not a readable PDF"):
        (tmp_path / "halb.pdf").write_bytes(path.read_bytes()[:2000])
        read_document(tmp_path / "halb.pdf")
    assert not _readers()
    assert _lines(path) == _sequential(path)  # (pdfium free for the next read)


def test_an_interrupt_while_the_pages_are_cleaned_stops_the_reader(tmp_path: Path, new_pdf,
                                                                   read_interrupted) -> None:
    path = _agreement(tmp_path, new_pdf)
    cleaned = read_interrupted(path)
    assert len(cleaned) == 40 and not _readers()
    assert _lines(path) == _sequential(path)


def test_a_read_left_unfinished_stops_the_reader(tmp_path: Path, new_pdf) -> None:
    path = _agreement(tmp_path, new_pdf)
    limits = Limits()
    pages = read_pages(path, limits, Deadline(limits, str(path)))
    assert next(pages) == _sequential(path)[0]
    pages.close()
    assert not _readers()
    assert _lines(path) == _sequential(path)


def test_a_batchs_worker_reads_in_its_own_thread(monkeypatch) -> None:
    from samspil.loaders import pipeline

    from samspil.loaders import pdf_fork

    monkeypatch.setattr(pdf_pages, "_THREADED", [True])
    monkeypatch.setattr(pdf_fork, "_ENABLED", [True])  # (no helper process in a worker either)
    pipeline._worker_start()
    assert not pdf_pages.threaded() and not pdf_fork._ENABLED[0]


def test_a_pdf_read_while_another_is_read_gives_its_pages(tmp_path: Path, new_pdf, make_pdf) -> None:
    """(A caller may open a second PDF before the first is read: pdfium's calls stay one at a time.)"""
    first = _agreement(tmp_path, new_pdf)
    second = make_pdf(["Aftalens parter: Lejerbo og Vejle Kommune"], tmp_path / "kort.pdf")
    limits = Limits()
    outer = read_pages(first, limits, Deadline(limits, str(first)))
    pages = [next(outer)]
    inner = _lines(second)
    pages += list(outer)
    assert pages == _sequential(first) and inner == _sequential(second)
    assert not _readers()


def test_a_machine_with_every_core_busy_reads_in_the_callers_thread(monkeypatch) -> None:
    monkeypatch.setattr(pdf_pages, "_THREADED", [True])
    monkeypatch.setattr(pdf_pages, "_cores", lambda: 2)
    monkeypatch.setattr(pdf_pages, "_load", lambda: 1.2)  # (this process and a little more)
    assert pdf_pages.threaded()
    monkeypatch.setattr(pdf_pages, "_load", lambda: 1.9)
    assert not pdf_pages.threaded()
    monkeypatch.setattr(pdf_pages, "_cores", lambda: 1)
    monkeypatch.setattr(pdf_pages, "_load", lambda: 0.0)
    assert not pdf_pages.threaded()


def test_the_reader_thread_is_used_only_when_asked_for(monkeypatch) -> None:
    monkeypatch.setattr(pdf_pages, "_THREADED", [True])
    monkeypatch.setattr(pdf_pages, "_cores", lambda: 4)
    monkeypatch.setattr(pdf_pages, "_load", lambda: 0.0)
    monkeypatch.delenv("SAMSPIL_PDF_THREAD")
    assert not pdf_pages.threaded()
    monkeypatch.setenv("SAMSPIL_PDF_THREAD", "1")
    assert pdf_pages.threaded()
