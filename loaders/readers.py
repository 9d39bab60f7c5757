"""Document readers: one small class per format, registered by suffix in ``READERS``.

Like alephdata/ingest-file's ingestors, a reader declares the suffixes it
handles and turns one file into raw lines with their origin ``(line, page)``;
:func:`samspil.loaders.normalise.normalise` makes them a :class:`Document`.
There is no plugin machinery: add a class and list it in ``_ALL``.

- ``.txt``/``.md``: UTF-8 (a BOM is fine), UTF-16 (by its BOM or its zero
  bytes); a few damaged bytes in a UTF-8 file are replaced and reported by line,
  legacy files that are not UTF-8 are read as Windows-1252 (cp1252) with a
  warning in ``Document.warnings`` (:mod:`samspil.loaders.encoding`).
  Line = 1-based line of the file. Text that looks like PDF output (most lines
  end in a space) also gets hard-wrap joining.
- ``.docx`` (python-docx, :mod:`samspil.loaders.docx_parts`): page headers, body
  paragraphs and table rows in document order (text boxes with the paragraph that
  anchors them, nested tables' rows under their cell), page footers; line = 1-based
  index of the paragraph/row in that reading order (a page header's paragraphs come
  first, so a document with headers numbers its body after them; a text box's lines
  cite their anchoring paragraph, a nested table's rows the outer row). A row's cells are joined with tabs,
  like the tab-flattened tables of the text seeds. Content controls, footnotes and endnotes
  (after the body), ``mailto:`` addresses and merged cells: :mod:`samspil.loaders.docx_text`.
- ``.pdf`` (pypdfium2): text per page; page = 1-based page. Running headers
  and footers are dropped, hard wraps joined. A filled form's values are text where their
  widgets sit (:mod:`samspil.loaders.pdf_forms`).

Every failure is an :class:`~samspil.loaders.errors.InputError` subclass that
names the file; foreign exceptions are mapped in :func:`_foreign_errors`.
Sizes are checked against :class:`~samspil.loaders.limits.Limits` before the
costly step: the file size before reading, a .docx package's declared part
sizes before anything is inflated (:mod:`zipfile` never inflates a part past
its declared size: it stops there and fails the CRC check), a PDF's page count
before its pages are read, and the characters as they arrive.
"""
from __future__ import annotations

import contextlib
import logging
import os
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from samspil.loaders.document import Document
from samspil.loaders.ascii_danish import looks_ascii_danish
from samspil.loaders.encoding import decode_text
from samspil.loaders.mojibake import repair_mojibake
from samspil.loaders.tracked_changes import accept_tracked_changes
from samspil.loaders.errors import CorruptDocument, EmptyDocument, InputError, UnsupportedFormat
from samspil.loaders.limits import MiB, Deadline, Limits, current_limits
from samspil.loaders.normalise import Origin, clean_page, normalise, strip_repeated_margins
from samspil.loaders.segment import segment
from samspil.loaders.space_tables import split_run_on_heads

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

    def raw(self, path: Path, warnings: list[str], limits: Limits,
            deadline: Deadline) -> tuple[list[str], list[Origin]]:
        raise NotImplementedError

    def raw_cleaned(self, path: Path, warnings: list[str], limits: Limits, deadline: Deadline
                    ) -> tuple[list[str], list[Origin], dict[str, list[str]] | None]:
        """:meth:`raw`, and the raw lines cleaned already (:func:`normalise`'s ``cleaned``) or None."""
        return (*self.raw(path, warnings, limits, deadline), None)

    def read(self, path: Path, limits: Limits | None = None,
             deadline: Deadline | None = None) -> Document:
        limits = limits or current_limits()
        deadline = deadline or Deadline(limits, str(path))
        warnings: list[str] = []
        with _foreign_errors(path, self.format):
            size = path.stat().st_size
            if size > limits.max_file_mb * MiB:
                raise limits.refuse("max_file_mb", f"the file is {size / MiB:.1f} MiB", str(path))
            lines, origins, cleaned = self.raw_cleaned(path, warnings, limits, deadline)
        deadline.check("reading")
        repaired = None
        if not self.pdf_like:  # "SÃ¸vang" (loaders/mojibake.py: text files and Word, where damaged text is pasted)
            lines, repaired = repair_mojibake(lines, origins)
            lines = accept_tracked_changes(lines)  # "[Slettet: X][Indsat: Y]" (loaders/tracked_changes.py)
        if repaired:
            warnings.append(f"{path.name}: {repaired}")
        ascii_spelt = looks_ascii_danish(lines)  # (its excerpts are spelt back as the file writes them)
        lines, origins = normalise(lines, origins, pdf=self.pdf_like, cleaned=cleaned, ascii_spelt=ascii_spelt)
        deadline.check("reading")
        if not any(ln.strip() for ln in lines):
            raise EmptyDocument(self.empty_message, document=str(path))
        lines, origins, offsets = split_run_on_heads(*segment(lines, origins))
        return Document(id=path.name, lines=lines, origin=origins, path=str(path),
                        format=self.format, warnings=warnings, offsets=offsets, ascii_spelt=ascii_spelt)


def _check_chars(n: int, limits: Limits, path: Path, **where) -> None:
    if n > limits.max_chars:
        raise limits.refuse("max_chars", f"the text reaches {n:,} characters", str(path),
                            **where)


class TextReader(Reader):
    """Plain text and markdown (the seeds: HTML fragments, emphasis, tab tables)."""

    suffixes = (".txt", ".md")
    format = "txt"

    def raw(self, path: Path, warnings: list[str], limits: Limits,
            deadline: Deadline) -> tuple[list[str], list[Origin]]:
        data = path.read_bytes()
        if not data.strip():
            raise EmptyDocument("the file is empty", document=str(path))
        text, notes = decode_text(data, str(path))
        for note in notes:
            warnings.append(f"{path.name}: {note}")
            log.info("%s: %s", path.name, note)  # (the report carries it; callers show it once)
        if not text.strip():
            raise EmptyDocument("the file is empty", document=str(path))
        _check_chars(len(text), limits, path)
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if "\x0c" in text:  # a form feed breaks the page (pdftotext's pages): its line ends there, the
            return _form_feeds(lines)  # next page's first line keeps the line's number
        return lines, [(i, None) for i in range(1, len(lines) + 1)]


def _form_feeds(lines: list[str]) -> tuple[list[str], list[Origin]]:
    """``lines`` cut at their form feeds (each part keeps its line's number).

    >>> _form_feeds(["a", "Side 1 af 2\x0cKriminalitet", "b"])
    (['a', 'Side 1 af 2', 'Kriminalitet', 'b'], [(1, None), (2, None), (2, None), (3, None)])
    """
    out: list[str] = []
    origins: list[Origin] = []
    for i, line in enumerate(lines, 1):
        parts = line.split("\x0c")
        out += parts
        origins += [(i, None)] * len(parts)
    return out, origins


class DocxReader(Reader):
    """Word documents: page headers, paragraphs and table rows in document order (with text
    boxes and nested tables), page footers (python-docx; :mod:`samspil.loaders.docx_parts`)."""

    suffixes = (".docx",)
    format = "docx"

    def raw(self, path: Path, warnings: list[str], limits: Limits,
            deadline: Deadline) -> tuple[list[str], list[Origin]]:
        import docx

        from samspil.loaders.docx_parts import WordText
        from samspil.loaders.docx_strict import transitional_copy

        with path.open("rb") as fh:
            head = fh.read(4)
        if not head:
            raise EmptyDocument("the file is empty", document=str(path))
        if head[:2] != b"PK":  # every .docx is a ZIP package
            hint = " (an old Word .doc file? save it as .docx)" if head == b"\xd0\xcf\x11\xe0" else ""
            raise CorruptDocument(f"not a .docx file: it is not a Word document package{hint}",
                                  document=str(path))
        _check_package(path, limits)
        doc = docx.Document(transitional_copy(path) or str(path))  # (a "Strict Open XML" file: read as the usual kind)
        deadline.check("reading the .docx package")
        lines: list[str] = []
        origins: list[Origin] = []
        chars = 0
        for n, block in enumerate(WordText(doc).blocks(), start=1):
            for text in block:
                chars += len(text)
                lines.extend(text.split("\n"))
                origins.extend([(n, None)] * (text.count("\n") + 1))
            if n % 1000 == 0:
                _check_chars(chars, limits, path, line=n)
                deadline.check("reading the .docx text", line=n)
        _check_chars(chars, limits, path)
        return lines, origins


def _check_package(path: Path, limits: Limits) -> None:
    """Refuse a .docx whose parts would inflate past the limits, before inflating any.

    The sizes come from the package's directory; :mod:`zipfile` (which python-docx
    reads with) never inflates a part past its declared size, so a part that lies
    about its size fails its CRC check instead of filling memory."""
    with zipfile.ZipFile(path) as z:
        total = 0
        for info in z.infolist():
            if info.file_size > limits.max_docx_part_mb * MiB:
                raise limits.refuse("max_docx_part_mb", f"the part {info.filename} inflates to "
                                    f"{info.file_size / MiB:,.0f} MiB (a zip bomb?)", str(path))
            total += info.file_size
        if total > limits.max_docx_total_mb * MiB:
            raise limits.refuse("max_docx_total_mb", f"the package inflates to "
                                f"{total / MiB:,.0f} MiB (a zip bomb?)", str(path))
        _check_word_parts(path, set(z.namelist()))


_SAVE_AS_DOCX = "open it in Word (or LibreOffice) and save it as a Word document (.docx)"


def _check_word_parts(path: Path, names: set[str]) -> None:
    """A zip that is no Word package says so, and what to do (python-docx would say
    ``KeyError: "There is no item named '[Content_Types].xml' in the archive"``)."""
    if "[Content_Types].xml" not in names:
        raise CorruptDocument("a zip archive, but not a Word document (it has no "
                              f"[Content_Types].xml); {_SAVE_AS_DOCX}", document=str(path))
    if not any(n.startswith("word/") for n in names):  # (the main part may be word/document2.xml)
        other = ("a spreadsheet (.xlsx)" if any(n.startswith("xl/") for n in names) else
                 "a presentation (.pptx)" if any(n.startswith("ppt/") for n in names) else
                 "an Office package")
        raise CorruptDocument(f"{other}, not a Word document (it has no word/ part); "
                              f"{_SAVE_AS_DOCX}", document=str(path))


# fewer characters than this per page on average: no agreement's text layer (a page of an
# agreement holds a thousand or more; a cover a hundred or more)
_SCAN_CHARS_PER_PAGE = 80


class PdfReader(Reader):
    """PDF text per page (pypdfium2: fast, BSD/Apache licensed)."""

    suffixes = (".pdf",)
    format = "pdf"
    pdf_like = True
    empty_message = "the PDF has no text layer (a scan?) - run OCR on it first"

    def raw(self, path: Path, warnings: list[str], limits: Limits,
            deadline: Deadline) -> tuple[list[str], list[Origin]]:
        return self.raw_cleaned(path, warnings, limits, deadline)[:2]

    def raw_cleaned(self, path: Path, warnings: list[str], limits: Limits, deadline: Deadline
                    ) -> tuple[list[str], list[Origin], dict[str, list[str]] | None]:
        """The pages come one by one (:mod:`samspil.loaders.pdf_pages`: in a thread of their own when
        asked for); each page's lines are cleaned (:func:`~samspil.loaders.normalise.clean_page`) here
        as it comes (while pdfium reads the next page, when a thread reads them)."""
        from samspil.loaders.pdf_pages import PageError, read_pages

        pages: list[list[str]] = []
        cleaned: dict[str, list[str]] = {}
        chars = 0
        try:  # (closed at once on an error here: the reader thread stops and is waited for)
            with contextlib.closing(read_pages(path, limits, deadline)) as texts:
                for text in texts:
                    chars += len(text)
                    _check_chars(chars, limits, path, page=len(pages) + 1)
                    text = text.replace("\r\n", "\n").replace("\r", "\n")
                    page_lines = text.split("\n")
                    pages.append(page_lines)
                    clean_page(page_lines, cleaned, text)
        except PageError as exc:
            with _foreign_errors(path, "pdf", page=exc.page):
                raise exc.error  # mapped to the input error that names the page
        if not pages:
            raise CorruptDocument("the PDF has no pages", document=str(path))
        if chars < _SCAN_CHARS_PER_PAGE * len(pages):  # a scan whose only text is a printer's header or a stamp
            raise EmptyDocument(f"the PDF has almost no text ({chars} characters on {len(pages)} "
                                f"page{'s' if len(pages) > 1 else ''}): a scan? - run OCR on it first",
                                document=str(path))
        lines: list[str] = []
        origins: list[Origin] = []
        for number, page_lines in enumerate(strip_repeated_margins(pages), start=1):
            lines.extend(page_lines)
            origins.extend([(None, number)] * len(page_lines))
        return lines, origins, cleaned


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

        # zlib.error: a damaged deflate stream; NotImplementedError: a compression
        # method zipfile does not know; EOFError: a truncated part
        docx_errors = (OpcError, zipfile.BadZipFile, KeyError, ValueError, AttributeError,
                       zlib.error, NotImplementedError, EOFError, LookupError, TypeError)

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


# other office formats an agreement arrives in, and what to do with one
OFFICE_SUFFIXES = frozenset({".doc", ".rtf", ".odt", ".wpd", ".pages", ".docm", ".dot", ".dotx"})
SAVE_AS = "open it in Word or LibreOffice and save it as .docx (or export it as PDF)"


def read_document(path: str | Path, limits: Limits | None = None,
                  deadline: Deadline | None = None) -> Document:
    """Read one file into a normalised :class:`Document` (raises :class:`InputError`,
    :class:`~samspil.loaders.limits.LimitExceeded` past ``limits``)."""
    p = Path(path)
    if p.is_symlink() and not p.exists():
        raise UnreadableFile(f"a symbolic link that leads nowhere ({_link_problem(p)}); "
                             "fix or remove the link", document=str(p))
    reader = READERS.get(p.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"unsupported file type {p.suffix or '(none)'!r}; samspil reads {known}"
                                + (f"; {SAVE_AS}" if p.suffix.lower() in OFFICE_SUFFIXES else ""), document=str(p))
    if not p.exists():
        raise DocumentNotFound("no such file", document=str(p))
    if p.is_dir():
        raise UnreadableFile("this is a folder, not a file", document=str(p))
    return reader.read(p, limits, deadline)


def _link_problem(p: Path) -> str:
    try:
        p.resolve(strict=True)
    except RuntimeError:
        return "a loop of links"
    except OSError as exc:
        return "a loop of links" if exc.errno == 40 else f"its target is missing: {os.readlink(p)}"
    return "unreadable"
