"""Readers on real files: seeds, generated .docx/.pdf, and every kind of bad input."""
from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from samspil.loaders.errors import CorruptDocument, EmptyDocument, InputError, UnsupportedFormat
from samspil.loaders.pipeline import bundled_examples
from samspil.loaders.readers import READERS, DocumentNotFound, UnreadableFile, read_document

SEEDS = sorted(bundled_examples().glob("*.txt"))


def test_readers_are_registered_by_suffix() -> None:
    assert set(READERS) == {".txt", ".md", ".docx", ".pdf"}
    assert {r.format for r in READERS.values()} == {"txt", "docx", "pdf"}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_origins_point_at_the_raw_line(seed: Path) -> None:
    doc = read_document(seed)
    raw = seed.read_text(encoding="utf-8").split("\n")
    assert doc.id == seed.name and doc.format == "txt" and not doc.warnings
    assert len(doc.lines) == len(doc.origin) > 100
    lines = [ln for ln, _ in doc.origin]
    assert lines == sorted(lines) and lines[0] >= 1 and lines[-1] <= len(raw)
    assert doc.offsets is not None and len(doc.offsets) == len(doc.lines)
    for text, (line, page), offset in zip(doc.lines, doc.origin, doc.offsets):
        assert page is None
        if offset:  # a segment cut from inside its line (loaders/segment.py) starts mid-line
            assert text.split()[0][:2] in "".join(raw[line - 1: line + 20]).replace(" ", ""), (line, text)
        elif text and "\t" not in text and "<" not in raw[line - 1] and "*" not in raw[line - 1]:
            # a normalised line starts with (a repaired form of) its raw line's first word
            first = text.split()[0][:2]
            assert first in raw[line - 1].replace(" ", ""), (line, text, raw[line - 1])


def test_seed_html_and_markdown_are_gone() -> None:
    text = read_document(SEEDS[0]).text
    for junk in ("<p>", "</p>", "<ul", "<i>", "**", "](#)", "&amp;"):
        assert junk not in text
    lines = read_document(SEEDS[0]).lines
    assert "Kontaktperson: Camilla Rosenkrantz Brix, teamleder: 21530521 / KE1W@kk.dk" in lines
    bullets = [ln for ln in lines if ln.startswith("• ")]
    assert len(bullets) > 15  # list items stay separate lines
    assert "• Forbedre sproglige færdigheder hos børn og forældre" in lines


def test_markdown_file(tmp_path: Path) -> None:
    md = tmp_path / "aftale.md"
    md.write_text("**Aftalens parter:**\n\n- [Fællesbo](https://x.dk) &amp; Kommune\n", encoding="utf-8")
    assert read_document(md).lines == ["Aftalens parter:", "", "- Fællesbo & Kommune"]


def test_legacy_cp1252_file_is_read_with_a_warning(tmp_path: Path) -> None:
    legacy = tmp_path / "gammel.txt"
    legacy.write_bytes("Aftalens parter:\nBoligselskabet Ærø & Søn – Århus\n".encode("cp1252"))
    doc = read_document(legacy)
    assert doc.lines[1] == "Boligselskabet Ærø & Søn – Århus"
    assert len(doc.warnings) == 1 and "cp1252" in doc.warnings[0] and "line 2" in doc.warnings[0]


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffAktivitetsnavn:\r\nJobcafé Åbo\r\n".encode("utf-8"))
    doc = read_document(p)
    assert doc.lines == ["Aktivitetsnavn:", "Jobcafé Åbo"] and not doc.warnings


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Aftalens parter:")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Organisation", "Kontaktperson"
    table.cell(1, 0).text, table.cell(1, 1).text = "Fællesbo", "Anne Brønd, asb@faellesbo.dk"
    merged = d.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Aktivitetsnavn:\nJobcafé Åbo"
    d.add_paragraph("Målgruppe(r): ledige voksne")
    path = tmp_path / "aftale.docx"
    d.save(str(path))
    doc = read_document(path)
    assert doc.lines == ["Aftalens parter:", "Organisation\tKontaktperson",
                         "Fællesbo\tAnne Brønd, asb@faellesbo.dk", "Aktivitetsnavn:", "Jobcafé Åbo",
                         "Målgruppe(r): ledige voksne"]
    # line = 1-based paragraph/table-row index in document order
    assert [ln for ln, _ in doc.origin] == [1, 2, 3, 4, 4, 5]


def test_pdf_pages_and_running_headers(tmp_path: Path, new_pdf) -> None:
    pdf = new_pdf()
    pdf.set_auto_page_break(False)
    names = ["Jobcafé Åbo", "Fritidsjob for unge", "Lektiecafé", "Kvinder i Front"]
    for n, name in enumerate(names, start=1):
        if n > 1:
            pdf.add_page()
        pdf.set_xy(10, 10)
        pdf.cell(0, 5, "Helhedsplanen Nørrebro Øst – delaftale 2026", new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 5, f"Aktivitetsnavn:\n{name}\nÅbent fra kl. {10 - n % 2} til 16.")
        pdf.set_xy(10, 280)
        pdf.cell(0, 5, f"Side {n} af 4")
    path = tmp_path / "sider.pdf"
    pdf.output(str(path))
    doc = read_document(path)
    assert doc.format == "pdf"
    assert doc.lines == [ln for n, name in enumerate(names, start=1) for ln in (
        "Aktivitetsnavn:", name, f"Åbent fra kl. {10 - n % 2} til 16.")]
    assert [p for _, p in doc.origin] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]


LABELS = ["Aktivitetsnavn:", "Delmål og indikatorer for indsatsområdet", "Målgruppe(r):",
          "Delaftalens parter:", "Kontaktperson: Anna Holm"]


def _spaced_pdf(path: Path, new_pdf, spaced, gaps) -> Path:
    pdf = new_pdf()
    for i, text in enumerate(LABELS):
        spaced(pdf, text, 20 + 10 * i, gaps)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize("name,gaps", [
    ("every-letter", lambda i: 1.0),
    ("fragments", lambda i: 1.0 if i % 3 == 1 else 0.0),
    ("irregular", lambda i: (0.0, 0.9, 0.0, 0.0, 1.2)[i % 5]),
])
def test_letter_spaced_pdf_is_repaired(tmp_path: Path, new_pdf, spaced, name: str, gaps) -> None:
    path = _spaced_pdf(tmp_path / f"{name}.pdf", new_pdf, spaced, gaps)
    raw = pdfium.PdfDocument(str(path))[0].get_textpage().get_text_range()
    assert "Aktivitetsnavn:" not in raw  # pdfium really returns it letter-spaced ...
    assert read_document(path).lines == LABELS  # ... and the reader repairs it


def test_char_spacing_operator_needs_no_repair(tmp_path: Path, new_pdf) -> None:
    """fpdf2's set_char_spacing (the PDF Tc operator) keeps glyphs in one text
    object, and pdfium reads it without spaces: nothing to repair."""
    pdf = new_pdf()
    pdf.set_char_spacing(4)
    for text in LABELS:
        pdf.cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "tc.pdf"
    pdf.output(str(path))
    assert read_document(path).lines == LABELS


# --- bad input: each an InputError subclass that names the file and says why ---

def _pdf_bytes(tmp_path: Path, new_pdf) -> bytes:
    pdf = new_pdf()
    pdf.multi_cell(0, 5, "Aftalens parter:\nBoligforeningen Fællesbo\n" * 40)
    path = tmp_path / "good.pdf"
    pdf.output(str(path))
    return path.read_bytes()


@pytest.mark.parametrize("name,content,error,reason", [
    ("empty.txt", b"", EmptyDocument, "empty"),
    ("blank.txt", b"  \n\n \t\n", EmptyDocument, "empty"),
    ("binary.txt", b"\x00\x01\x02PK\x00" * 50, CorruptDocument, "binary"),
    ("random.pdf", os.urandom(4096), CorruptDocument, "not a readable PDF"),
    ("empty.pdf", b"", CorruptDocument, "not a readable PDF"),
    ("broken.docx", b"PK\x03\x04 this is not a zip file at all", CorruptDocument, ".docx"),
    ("text.docx", "Aftalens parter: ikke en Word-fil".encode(), CorruptDocument,
     "not a .docx file: it is not a Word document package"),
    ("empty.docx", b"", EmptyDocument, "the file is empty"),
    ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), CorruptDocument, "save it as .docx"),
    ("aftale.rtf", b"{\\rtf1 Aftalens parter}", UnsupportedFormat, "unsupported file type '.rtf'"),
    ("noext", b"Aftalens parter:", UnsupportedFormat, "unsupported"),
])
def test_bad_input(tmp_path: Path, name: str, content: bytes, error: type, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as info:
        read_document(path)
    assert isinstance(info.value, InputError)
    assert info.value.document == str(path)
    assert str(path) in str(info.value) and reason in str(info.value)


def test_truncated_pdf(tmp_path: Path, new_pdf) -> None:
    data = _pdf_bytes(tmp_path, new_pdf)
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptDocument, match="truncated.pdf: not a readable PDF") as info:
        read_document(path)
    assert isinstance(info.value.__cause__, pdfium.PdfiumError)  # mapped with raise ... from


def test_a_page_pdfium_cannot_load_is_named(tmp_path: Path, new_pdf, monkeypatch) -> None:
    """A page that fails in pdfium (a damaged page object: pdfium's own error, raised here
    for page 2 of a real PDF, since no small file makes pdfium fail on one page only)."""
    from samspil.loaders import pdf_text

    pdf = new_pdf()
    pdf.multi_cell(0, 5, "Side et")
    pdf.add_page()
    pdf.multi_cell(0, 5, "Side to")
    path = tmp_path / "sider.pdf"
    pdf.output(str(path))
    real_init = pdf_text.PageText.__init__

    def init(self, doc, index: int) -> None:
        if index == 1:
            raise pdfium.PdfiumError("Failed to load page.")
        real_init(self, doc, index)
    monkeypatch.setattr(pdf_text.PageText, "__init__", init)
    with pytest.raises(CorruptDocument, match=r"sider.pdf.*page 2.*not a readable PDF \(Failed to load page\)") as info:
        read_document(path)
    assert info.value.page == 2 and isinstance(info.value.__cause__, pdfium.PdfiumError)


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "arkiv.docx"
    shutil.make_archive(str(tmp_path / "arkiv"), "zip", root_dir=bundled_examples())
    (tmp_path / "arkiv.zip").rename(path)
    with pytest.raises(CorruptDocument) as info:
        read_document(path)
    assert str(info.value) == (f"{path}: a zip archive, but not a Word document (it has no "
                               "[Content_Types].xml); open it in Word (or LibreOffice) and save "
                               "it as a Word document (.docx)")
    assert "KeyError" not in str(info.value)


def test_an_office_package_that_is_no_word_document(tmp_path: Path) -> None:
    path = tmp_path / "budget.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(CorruptDocument, match=r"budget.docx: a spreadsheet \(.xlsx\), not a Word "
                                              r"document .*save it as a Word document"):
        read_document(path)


@pytest.mark.parametrize("data", [
    b"\xff\xfe\x00garbage\x00\x01",                      # a UTF-16 mark, then noise
    bytes(range(1, 32)) * 40 + b"Aftalens parter",          # no zero byte: control characters
    b"\xfe\xff" + bytes(range(0x4e, 0x9f)) * 30,            # "UTF-16" that is all CJK-looking noise
], ids=["utf16-mark-then-noise", "control-characters", "utf16-cjk-noise"])
def test_binary_data_in_a_text_file_is_refused_naming_the_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(data)
    with pytest.raises(CorruptDocument) as info:
        read_document(path)
    assert str(info.value) == f"{path}: not a text file: it holds binary data"


def test_utf16_danish_text_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "aftale.txt"
    path.write_bytes("Strategisk samarbejdsaftale for Sjælør og Kgs. Enghave\n".encode("utf-16"))
    assert "Sjælør" in read_document(path).lines[0]


def test_pdf_without_text_layer(tmp_path: Path, new_pdf) -> None:
    pdf = new_pdf()
    pdf.rect(20, 20, 100, 50)  # a page with a drawing and no text, like a scan
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(EmptyDocument, match="OCR"):
        read_document(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentNotFound, match="nope.txt: no such file"):
        read_document(tmp_path / "nope.txt")
    folder = tmp_path / "mappe.pdf"
    folder.mkdir()
    with pytest.raises(UnreadableFile, match="folder"):
        read_document(folder)
