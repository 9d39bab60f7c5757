"""Document readers: one small class per format, registered by suffix in ``READERS``.

Like alephdata/ingest-file's ingestors, a reader declares the suffixes it
handles and turns one file into raw lines with their origin ``(line, page)``;
:func:`samspil.loaders.normalise.normalise` makes them a :class:`Document`.
There is no plugin machinery: add a class and list it in ``_ALL``.

- ``.txt``/``.md``: UTF-8 (a BOM is fine); legacy files that are not UTF-8
  are read as Windows-1252 (cp1252) with a warning in ``Document.warnings``.
  Line = 1-based line of the file. Text that looks like PDF output (most lines
  end in a space) also gets hard-wrap joining.
- ``.docx`` (python-docx): body paragraphs and table rows in document order;
  line = 1-based index of the paragraph/row in that order. A row's cells are
  joined with tabs, like the tab-flattened tables of the text seeds.
- ``.pdf`` (pypdfium2): text per page; page = 1-based page. Running headers
  and footers are dropped, hard wraps joined.

Every failure is an :class:`~samspil.loaders.errors.InputError` subclass that
names the file; foreign exceptions are mapped in :func:`_foreign_errors`.
"""
from __future__ import annotations

import contextlib
import logging
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from samspil.loaders.document import Document
from samspil.loaders.errors import CorruptDocument, EmptyDocument, InputError, UnsupportedFormat
from samspil.loaders.normalise import Origin, normalise, strip_repeated_margins
from samspil.loaders.segment import segment

__all__ = ["READERS", "read_document", "Reader", "TextReader", "DocxReader", "PdfReader",
           "DocumentNotFound", "UnreadableFile"]

log = logging.getLogger(__name__)


class DocumentNotFound(InputError):
    """The path does not exist."""

    status = 404


class UnreadableFile(InputError):
    """The file exists but cannot be opened (a folder, no permission, ...)."""


class Reader:
    """Base of the readers: ``suffixes`` and ``raw(path) -> (lines, origins)``."""

    suffixes: ClassVar[tuple[str, ...]] = ()
    format: ClassVar[str] = ""
    pdf_like: ClassVar[bool] = False  # hard-wrap joining on for every file
    empty_message: ClassVar[str] = "the file has no text"

    def raw(self, path: Path, warnings: list[str]) -> tuple[list[str], list[Origin]]:
        raise NotImplementedError

    def read(self, path: Path) -> Document:
        warnings: list[str] = []
        with _foreign_errors(path, self.format):
            lines, origins = self.raw(path, warnings)
        lines, origins = normalise(lines, origins, pdf=self.pdf_like)
        if not any(ln.strip() for ln in lines):
            raise EmptyDocument(self.empty_message, document=str(path))
        lines, origins, offsets = segment(lines, origins)
        return Document(id=path.name, lines=lines, origin=origins, path=str(path),
                        format=self.format, warnings=warnings, offsets=offsets)


class TextReader(Reader):
    """Plain text and markdown (the seeds: HTML fragments, emphasis, tab tables)."""

    suffixes = (".txt", ".md")
    format = "txt"

    def raw(self, path: Path, warnings: list[str]) -> tuple[list[str], list[Origin]]:
        data = path.read_bytes()
        if not data.strip():
            raise EmptyDocument("the file is empty", document=str(path))
        if b"\x00" in data[:4096]:
            raise CorruptDocument("this is a binary file, not text", document=str(path))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            text = data.decode("cp1252", errors="replace")
            msg = (f"{path.name}: not valid UTF-8 (first bad byte on line {line}); "
                   "read as Windows-1252 (cp1252) - check letters like æ, ø, å")
            warnings.append(msg)
            log.warning(msg)
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return lines, [(i, None) for i in range(1, len(lines) + 1)]


class DocxReader(Reader):
    """Word documents: paragraphs and table rows in document order (python-docx)."""

    suffixes = (".docx",)
    format = "docx"

    def raw(self, path: Path, warnings: list[str]) -> tuple[list[str], list[Origin]]:
        import docx
        from docx.table import Table

        with path.open("rb") as fh:
            head = fh.read(4)
        if not head:
            raise EmptyDocument("the file is empty", document=str(path))
        if head[:2] != b"PK":  # every .docx is a ZIP package
            hint = " (an old Word .doc file? save it as .docx)" if head == b"\xd0\xcf\x11\xe0" else ""
            raise CorruptDocument(f"not a .docx file: it is not a Word document package{hint}",
                                  document=str(path))
        doc = docx.Document(str(path))
        lines: list[str] = []
        origins: list[Origin] = []
        for n, block in enumerate(_blocks(doc, Table), start=1):
            for text in block:
                lines.extend(text.split("\n"))
                origins.extend([(n, None)] * (text.count("\n") + 1))
        return lines, origins


def _blocks(doc, table_type: type) -> Iterator[list[str]]:
    """One list of texts per body paragraph or table row, in document order."""
    for item in doc.iter_inner_content():
        if not isinstance(item, table_type):
            yield [item.text]
            continue
        for row in item.rows:
            cells, seen = [], set()
            for cell in row.cells:  # merged cells repeat: keep each once
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(cell.text.strip())
            filled = [c for c in cells if c]
            # a one-cell row keeps its paragraphs as lines ("Aktivitetsnavn:\nLektiecafé")
            yield [filled[0]] if len(filled) == 1 else ["\t".join(c.replace("\n", " ") for c in cells)]


class PdfReader(Reader):
    """PDF text per page (pypdfium2: fast, BSD/Apache licensed)."""

    suffixes = (".pdf",)
    format = "pdf"
    pdf_like = True
    empty_message = "the PDF has no text layer (a scan?) - run OCR on it first"

    def raw(self, path: Path, warnings: list[str]) -> tuple[list[str], list[Origin]]:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            pages: list[list[str]] = []
            for i in range(len(pdf)):
                with _foreign_errors(path, "pdf", page=i + 1):
                    page = pdf[i]
                    textpage = page.get_textpage()
                    text = textpage.get_text_range()
                    textpage.close()
                    page.close()
                pages.append(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        finally:
            pdf.close()
        if not pages:
            raise CorruptDocument("the PDF has no pages", document=str(path))
        lines: list[str] = []
        origins: list[Origin] = []
        for number, page_lines in enumerate(strip_repeated_margins(pages), start=1):
            lines.extend(page_lines)
            origins.extend([(None, number)] * len(page_lines))
        return lines, origins


_ALL: tuple[Reader, ...] = (TextReader(), DocxReader(), PdfReader())
READERS: dict[str, Reader] = {suffix: r for r in _ALL for suffix in r.suffixes}


class _NeverRaised(Exception):
    """Stands in for the exception of a library that the format does not use."""


@contextlib.contextmanager
def _foreign_errors(path: Path, fmt: str, page: int | None = None) -> Iterator[None]:
    """The one place where library exceptions become samspil input errors.

    A format's library is imported only for that format (python-docx pulls in
    lxml: ~70 ms that a text file should not pay)."""
    pdf_error: type[BaseException] = _NeverRaised
    docx_errors: tuple[type[BaseException], ...] = ()
    if fmt == "pdf":
        import pypdfium2 as pdfium

        pdf_error = pdfium.PdfiumError
    elif fmt == "docx":
        from docx.opc.exceptions import OpcError

        docx_errors = (OpcError, zipfile.BadZipFile, KeyError, ValueError, AttributeError)

    try:
        yield
    except InputError:
        raise
    except FileNotFoundError as exc:
        raise DocumentNotFound("no such file", document=str(path)) from exc
    except (IsADirectoryError, PermissionError) as exc:
        raise UnreadableFile(f"cannot open the file ({exc.strerror})", document=str(path)) from exc
    except pdf_error as exc:
        raise CorruptDocument(f"not a readable PDF ({str(exc).rstrip('.')})", document=str(path),
                              page=page) from exc
    except docx_errors as exc:
        raise CorruptDocument(f"not a readable .docx file ({type(exc).__name__}: {exc})",
                              document=str(path)) from exc
    except OSError as exc:
        raise UnreadableFile(f"cannot read the file ({exc})", document=str(path)) from exc
    except Exception as exc:  # lxml and friends: a damaged file, never a traceback
        if fmt == "docx" and type(exc).__module__.startswith("lxml"):
            raise CorruptDocument(f"not a readable .docx file ({exc})", document=str(path)) from exc
        raise


def read_document(path: str | Path) -> Document:
    """Read one file into a normalised :class:`Document` (raises :class:`InputError`)."""
    p = Path(path)
    reader = READERS.get(p.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"unsupported file type {p.suffix or '(none)'!r}; samspil reads {known}",
                                document=str(p))
    if not p.exists():
        raise DocumentNotFound("no such file", document=str(p))
    if p.is_dir():
        raise UnreadableFile("this is a folder, not a file", document=str(p))
    return reader.read(p)
