"""A PDF page's text through pdfium's own calls.

pypdfium2's helper objects (``PdfPage``, ``PdfTextPage``) keep a tree of parents and
children with a finalizer per object so that nothing is closed twice: ~30 µs a page
of Python around pdfium's own work, ~3% of reading a dense PDF (48 pages: ~1.5 ms).
The reader opens and closes each page itself, in order, so :class:`PageText` makes the
same calls through ``pypdfium2.raw`` (the library's public ctypes bindings) and reads
the text as the helpers do, under their names: :meth:`PageText.get_text_range` is the
helper's for the whole page (with its guard against excluded characters at either end,
https://crbug.com/pdfium/2079), :meth:`PageText.get_text_bounded` and
:meth:`PageText.count_rects` are the helper's (tests/loaders/test_pdf_text.py
compares them on real PDFs).
"""
from __future__ import annotations

import ctypes
import threading
from codecs import decode

import pypdfium2.raw as pdfium_c
from pypdfium2 import PdfiumError

__all__ = ["PageText"]

_BUFFER = threading.local()  # (.array: the UTF-16 buffer get_text_range reads a page's text into)


class PageText:
    """Page ``index`` of an open ``PdfDocument`` and its text page; close it (or use it as
    a context manager) before the document is closed. With a ``form``
    (:class:`samspil.loaders.pdf_forms.FormText`) the page's filled fields are text of it."""

    def __init__(self, pdf, index: int, form=None) -> None:
        self.page = pdfium_c.FPDF_LoadPage(pdf.raw, index)
        if not self.page:
            raise PdfiumError("Failed to load page.")
        if form is not None or pdfium_c.FPDFPage_GetAnnotCount(self.page):  # a filled form's values, or the text of
            try:  # free-text annotations ("Fill & Sign"), written into the page first (loaders/pdf_forms.py)
                if form is not None:
                    form.place(self.page)
                else:
                    from samspil.loaders.pdf_forms import free_text

                    free_text(pdf, self.page)
            except BaseException:
                pdfium_c.FPDF_ClosePage(self.page)
                raise
        self.rotation = pdfium_c.FPDFPage_GetRotation(self.page)  # (quarter turns the viewer gives the page)
        if self.rotation:  # the text read in the page's own frame, where its author set it: pdfium orders a turned
            pdfium_c.FPDFPage_SetRotation(self.page, 0)  # page's lines as the viewer shows them (a page of running
            # text on its side read from its last line up); a landscape page drawn turned: pdf_layout.turned_page_lines
        self.raw = pdfium_c.FPDFText_LoadPage(self.page)
        if not self.raw:
            pdfium_c.FPDF_ClosePage(self.page)
            raise PdfiumError("Failed to load text page.")
        self.inserts: dict[int, str] = {}  # character index -> text written in front of it (a drop cap's letter:
        # loaders/pdf_marginalia.py)

    def reload(self) -> None:
        """Read the page's text again (after objects were taken off the page)."""
        pdfium_c.FPDFText_ClosePage(self.raw)
        self.raw = pdfium_c.FPDFText_LoadPage(self.page)
        if not self.raw:
            raise PdfiumError("Failed to load text page.")

    def close(self) -> None:
        if self.raw:
            pdfium_c.FPDFText_ClosePage(self.raw)
            self.raw = None
        if self.page:
            pdfium_c.FPDF_ClosePage(self.page)
            self.page = None

    def __enter__(self) -> "PageText":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def count_rects(self) -> int:
        n = pdfium_c.FPDFText_CountRects(self.raw, 0, -1)
        if n == -1:
            raise PdfiumError("Failed to count rectangles.")
        return n

    def get_text_bounded(self, left: float, bottom: float, right: float, top: float) -> str:
        """The text inside a rectangle (PDF units)."""
        n = pdfium_c.FPDFText_GetBoundedText(self.raw, left, top, right, bottom, None, 0)
        if n <= 0:
            return ""
        buffer = (ctypes.c_ushort * n)()
        pdfium_c.FPDFText_GetBoundedText(self.raw, left, top, right, bottom, buffer, n)
        return decode(buffer, "utf-16-le", errors="ignore")

    def get_text_range(self) -> str:
        """The page's whole text, in pdfium's order (lines end in CR LF)."""
        count = pdfium_c.FPDFText_CountChars(self.raw)
        if count == -1:
            raise PdfiumError("Failed to get character count.")
        first, last = 0, count - 1
        to_text = pdfium_c.FPDFText_GetTextIndexFromCharIndex
        while first <= last and to_text(self.raw, first) == -1:   # (excluded characters at
            first += 1                                           # either end are left out)
        while first <= last and to_text(self.raw, last) == -1:
            last -= 1
        if first > last:
            return ""
        t_start, t_end = to_text(self.raw, first), to_text(self.raw, last)
        size = t_end + 2 - t_start  # (the text and pdfium's terminating NUL)
        buffer = getattr(_BUFFER, "array", None)  # (one buffer a thread for pages of up to 64 K
        if buffer is None or len(buffer) < size:  # characters: not a zeroed array made for every page)
            buffer = (ctypes.c_ushort * max(size, 8192))()
            if size <= 65536:
                _BUFFER.array = buffer
        written = pdfium_c.FPDFText_GetText(self.raw, first, last - first + 1, buffer)
        if written < 1:  # (nothing written: what the helper's zeroed array of the text's size gives)
            return "\x00" * (size - 1)
        text = decode(memoryview(buffer)[:written - 1], "utf-16-le", errors="ignore")
        for k, letter in sorted(self.inserts.items(), reverse=True):
            if first <= k <= last and 0 <= (at := to_text(self.raw, k) - t_start) <= len(text):
                text = text[:at] + letter + text[at:]
        return text
