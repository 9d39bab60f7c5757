"""The reader's own pdfium calls (loaders/pdf_text.py) read what pypdfium2's helpers read."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from samspil.loaders.pdf_layout import _rects
from samspil.loaders.pdf_text import PageText

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def _both(path: Path):
    """Per page: (helper's, PageText's) text, rectangles and text in each rectangle."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            helper = page.get_textpage()
            with PageText(pdf, i) as own:
                yield tuple((tp.get_text_range(), tp.count_rects(), _rects(tp),
                             [tp.get_text_bounded(*r) for r in _rects(tp)]) for tp in (helper, own))
            helper.close()
            page.close()
    finally:
        pdf.close()


def _table_page(new_pdf, path: Path) -> Path:
    pdf = new_pdf()
    for y, row in enumerate([("Afdeling", "Boligorganisation", "Boliger"), ("Engparken", "Lejerbo", "310"),
                             ("Kildevang", "Boligselskabet Fjord", "186")]):
        for x, cell in enumerate(row):
            pdf.text(20 + 60 * x, 30 + 8 * y, cell)
    pdf.add_page()  # a page without text
    pdf.output(str(path))
    return path


def test_a_page_reads_the_same_through_the_readers_own_calls(tmp_path, make_pdf, new_pdf):
    seed = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8").splitlines()[:400]
    files = [make_pdf(seed, tmp_path / "seed.pdf"), _table_page(new_pdf, tmp_path / "table.pdf")]
    pages = [pair for f in files for pair in _both(f)]
    assert len(pages) >= 5
    assert any(helper[0] and len(helper[2]) > 10 for helper, _ in pages)   # text and rectangles read
    assert any(helper[0] == "" for helper, _ in pages)                    # the empty page
    for helper, own in pages:
        assert own == helper


def test_a_page_that_cannot_be_loaded_is_an_error(tmp_path, make_pdf):
    path = make_pdf(["Aftalens parter: Lejerbo og Vejle Kommune"], tmp_path / "one.pdf")
    pdf = pdfium.PdfDocument(str(path))
    try:
        with pytest.raises(pdfium.PdfiumError):
            PageText(pdf, 5)     # (no sixth page)
    finally:
        pdf.close()
