"""Helpers that write real .docx and .pdf files (python-docx, fpdf2) into tmp_path."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# fpdf2's core fonts are latin-1 only; DejaVu (Debian fonts-dejavu-core) covers æøå – ” ½ ...
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

WriteFn = Callable[[Sequence[str], Path], Path]


def write_docx(paragraphs: Sequence[str], path: Path) -> Path:
    """One Word paragraph per line; ``*x*`` becomes an italic run, as in Word."""
    import docx

    doc = docx.Document()
    for text in paragraphs:
        p = doc.add_paragraph()
        for i, part in enumerate(re.split(r"\*+", text)):
            if part:
                p.add_run(part).italic = bool(i % 2)
    doc.save(str(path))
    return path


def _pdf():
    from fpdf import FPDF

    if not DEJAVU.exists():
        pytest.skip(f"{DEJAVU} missing: apt-get install fonts-dejavu-core")
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("DejaVu", "", str(DEJAVU))
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    return pdf


def write_pdf(paragraphs: Sequence[str], path: Path) -> Path:
    """Paragraphs wrapped by fpdf2 (real hard wraps), pages broken automatically."""
    pdf = _pdf()
    for text in paragraphs:
        text = text.replace("*", "").replace("\t", "    ")
        if text.strip():
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    pdf.output(str(path))
    return path


def draw_spaced(pdf, text: str, y: float, gaps: Callable[[int], float]) -> None:
    """Place ``text`` glyph by glyph with ``gaps(i)`` mm after glyph i, the way
    letter-spaced (tracked) headings come out of DTP tools; pdfium then reads
    the wide gaps as spaces."""
    x = pdf.l_margin
    for i, ch in enumerate(text):
        if ch != " ":
            pdf.text(x, y, ch)
        x += pdf.get_string_width(ch) + (2.2 if ch == " " else gaps(i))


@pytest.fixture
def fixture_text() -> str:
    return (FIXTURES / "delaftale_beskaeftigelse.txt").read_text(encoding="utf-8")


@pytest.fixture
def make_docx() -> WriteFn:
    return write_docx


@pytest.fixture
def make_pdf() -> WriteFn:
    return write_pdf


@pytest.fixture
def spaced():
    """:func:`draw_spaced`, for tests that draw letter-spaced text."""
    return draw_spaced


@pytest.fixture
def new_pdf():
    """A fresh fpdf2 document with a Unicode font and one page."""
    return _pdf


NARROW_MM = 85  # one column of a two-column A4 page, ~45 characters a line


def print_narrow(src: Path, path: Path) -> Path:
    """The document's lines printed in a column NARROW_MM wide (fpdf2 wraps them)."""
    from samspil.loaders.readers import read_document

    pdf = _pdf()
    for line in read_document(src).lines:
        pdf.multi_cell(NARROW_MM, 5, line.replace("\t", "    ") or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.fixture
def narrow_pdf():
    """:func:`print_narrow`: a document as a narrow PDF column, for tests of hard wraps."""
    return print_narrow


@pytest.fixture
def read_interrupted(monkeypatch):
    """``read(path)``: read_document(path) with an interrupt (Ctrl-C) raised while the 40th line is
    cleaned; gives the lines cleaned until then (the PDF reader's tests: no reader thread or
    helper process is left behind)."""
    from samspil.loaders import readers

    def read(path: Path) -> list[str]:
        cleaned: list[str] = []

        def clean_page(lines: list[str], parts: dict[str, list[str]], text: str | None = None) -> None:
            for line in lines:
                if line not in parts:
                    cleaned.append(line)
                    if len(cleaned) == 40:
                        raise KeyboardInterrupt
                    parts[line] = [line]
        monkeypatch.setattr(readers, "clean_page", clean_page)
        with pytest.raises(KeyboardInterrupt):
            readers.read_document(path)
        return cleaned
    return read

