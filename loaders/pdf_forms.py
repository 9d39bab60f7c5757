"""A filled PDF form's answers as text of its pages, where they show.

A template filled in as a PDF form (AcroForm) prints its labels as page text ("Områdets navn:")
and keeps the answers as the values of form fields, shown by widget annotations: pdfium's text
page, like any text layer, holds only the page's own content, so the plan's name, the parties and
the contacts would be missing. Here each filled field's value becomes text of the page where its
widget sits, before the page's text is read: a text object in the widget's rectangle (its lines
from the top, wrapped at the rectangle's width; one line shrunk to fit), placed in the page's
content just after the text that precedes the widget in reading order (the label to its left, or
the line above). pdfium's text and the table rows rebuilt from its rectangles
(:mod:`samspil.loaders.pdf_layout`) then read "Områdets navn: Sallinghøj" as if it were printed.

- Text fields and choice fields give their value; a field left empty adds nothing; a check box
  or radio button gives "[x]" when ticked and "[ ]" when not (read like "☒"/"☐":
  :mod:`samspil.loaders.symbols`); push buttons and signature fields nothing; hidden widgets nothing.
- A field shown by several widgets (on every page, or twice on one) is text once, at its first.
- The text is set in the standard Helvetica (Windows-1252 letters, æøå included); a letter
  beyond it is written without its accent ("ş" -> "s", "ı" -> "i") or as "?".
- Only a document whose catalog has a form (``FPDF_GetFormType``, read once) pays for any of
  this; its form environment is set up before its first page is loaded. Nothing is saved: the
  pages are changed in memory only.
- A free-text annotation (a viewer's "Fill & Sign" or comment box typed onto the page: signatures,
  a date, a note) is text of its page the same way, in a document with or without a form
  (:func:`free_text`, asked only for a page that has annotations).
"""
from __future__ import annotations

import ctypes
import unicodedata

import pypdfium2.raw as pdfium_c

__all__ = ["FormText", "form_text", "free_text"]

_TEXT_FIELDS = {pdfium_c.FPDF_FORMFIELD_TEXTFIELD, pdfium_c.FPDF_FORMFIELD_COMBOBOX, pdfium_c.FPDF_FORMFIELD_LISTBOX}
_BOXES = {pdfium_c.FPDF_FORMFIELD_CHECKBOX, pdfium_c.FPDF_FORMFIELD_RADIOBUTTON}
_HIDDEN = pdfium_c.FPDF_ANNOT_FLAG_HIDDEN | pdfium_c.FPDF_ANNOT_FLAG_NOVIEW | pdfium_c.FPDF_ANNOT_FLAG_INVISIBLE
_TEXT_OBJECT = pdfium_c.FPDF_PAGEOBJ_TEXT
SIZE = 10.0  # a field's font size where its appearance says "fit" (0)
MIN_SIZE = 4.0
PAD = 2.0  # the inner margin of a field's box


def form_text(pdf) -> "FormText | None":
    """The form of an open ``PdfDocument`` (before any of its pages is loaded), or None when its
    catalog has none (the usual case: one call)."""
    if pdfium_c.FPDF_GetFormType(pdf.raw) == pdfium_c.FORMTYPE_NONE:
        return None
    return FormText(pdf)


def free_text(pdf, page) -> int:
    """Write the text of the raw ``page``'s free-text annotations into it (a document with no form: its
    signatures typed with a viewer's "Fill & Sign", kept only as annotations); the number placed. Asked
    only of a page that has annotations."""
    writer = getattr(pdf, "_samspil_free_text", None)
    if writer is None:
        writer = FormText(pdf, forms=False)
        pdf._samspil_free_text = writer  # (one writer, and its font, per document)
    return writer.place(page)


def _wide(fn, *args) -> str:
    """A UTF-16 string pdfium writes into a buffer (its length asked first)."""
    n = fn(*args, None, 0)
    if n <= 2:
        return ""
    buffer = ctypes.create_string_buffer(n)
    fn(*args, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), n)
    return buffer.raw[:n - 2].decode("utf-16-le", errors="replace")


_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "ŀ": "l"})


def _printable(text: str) -> str:
    """``text`` in the letters Helvetica's Windows-1252 encoding has."""
    try:
        text.encode("cp1252")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text.translate(_LETTERS):
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            try:
                base.encode("cp1252")
                out.append(base or "?")
            except UnicodeEncodeError:
                out.append("?")
    return "".join(out)


def _bounds(obj) -> tuple[float, float, float, float]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value


class FormText:
    """The filled fields of one document, placed page by page (:meth:`place`)."""

    def __init__(self, pdf, forms: bool = True) -> None:
        if forms:
            pdf.init_forms()
        self.doc = pdf.raw
        self.form = pdf.formenv.raw if forms else None  # (without: only free-text annotations are placed)
        self.font = pdfium_c.FPDFText_LoadStandardFont(self.doc, b"Helvetica")
        self.placed: set[str] = set()  # the fields whose value is text already
        self._widths: dict[tuple[str, float], float] = {}

    def place(self, page) -> int:
        """Write the filled fields of the raw page ``page`` into it; the number of texts placed."""
        values = []
        for k in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
            annot = pdfium_c.FPDFPage_GetAnnot(page, k)
            if not annot:
                continue
            try:
                found = self._value(annot, k)
            finally:
                pdfium_c.FPDFPage_CloseAnnot(annot)
            if found is not None:
                values.append(found)
        if not values:
            return 0
        texts = self._texts(page)
        for value, rect, size, multiline in values:
            self._write(page, texts, value, rect, size, multiline)
        return len(values)

    def _value(self, annot, k: int):
        """(value, rect, font size, multiline) of a filled widget not placed yet, or of a free-text annotation
        (a viewer's "Fill & Sign": a signatory's name, title and date typed onto the page), else None."""
        subtype = pdfium_c.FPDFAnnot_GetSubtype(annot)
        if pdfium_c.FPDFAnnot_GetFlags(annot) & _HIDDEN:
            return None
        if subtype == pdfium_c.FPDF_ANNOT_FREETEXT:
            return self._free_text(annot)
        if subtype != pdfium_c.FPDF_ANNOT_WIDGET or self.form is None:
            return None
        kind = pdfium_c.FPDFAnnot_GetFormFieldType(self.form, annot)
        name = _wide(pdfium_c.FPDFAnnot_GetFormFieldName, self.form, annot)
        if kind in _TEXT_FIELDS:
            value = _wide(pdfium_c.FPDFAnnot_GetFormFieldValue, self.form, annot).strip()
            key = name
        elif kind in _BOXES:
            state = _wide(pdfium_c.FPDFAnnot_GetStringValue, annot, b"AS")  # (the state it shows)
            value = "[x]" if pdfium_c.FPDFAnnot_IsChecked(self.form, annot) or state not in ("", "Off") else "[ ]"
            key = f"{name}#{pdfium_c.FPDFAnnot_GetFormControlIndex(self.form, annot)}"
        else:
            return None
        if not value or key in self.placed:
            return None
        self.placed.add(key)
        rect = pdfium_c.FS_RECTF()
        if not pdfium_c.FPDFAnnot_GetRect(annot, rect):
            return None
        size = ctypes.c_float()
        if not pdfium_c.FPDFAnnot_GetFontSize(self.form, annot, size) or size.value <= 0:
            size.value = SIZE
        multiline = kind == pdfium_c.FPDF_FORMFIELD_TEXTFIELD and bool(
            pdfium_c.FPDFAnnot_GetFormFieldFlags(self.form, annot) & pdfium_c.FPDF_FORMFLAG_TEXT_MULTILINE)
        box = (min(rect.left, rect.right), min(rect.bottom, rect.top), max(rect.left, rect.right),
               max(rect.bottom, rect.top))
        if kind in _BOXES:  # (its mark as wide as it reads, up to the label beside it: "[x] Beskæftigelse")
            return value, box, min(SIZE, max(box[3] - box[1], 6.0)), None
        return _printable(value), box, min(size.value, SIZE * 2), multiline

    @staticmethod
    def _free_text(annot):
        value = _wide(pdfium_c.FPDFAnnot_GetStringValue, annot, b"Contents").strip()
        rect = pdfium_c.FS_RECTF()
        if not value or not pdfium_c.FPDFAnnot_GetRect(annot, rect):
            return None
        box = (min(rect.left, rect.right), min(rect.bottom, rect.top), max(rect.left, rect.right),
               max(rect.bottom, rect.top))
        return _printable(value), box, SIZE, True

    # ------------------------------------------------------------------ layout
    def _width(self, text: str, size: float) -> float:
        key = (text, size)
        if key not in self._widths:
            obj = self._object(text, size)
            left, _, right, _ = _bounds(obj)
            pdfium_c.FPDFPageObj_Destroy(obj)
            self._widths[key] = right - left
        return self._widths[key]

    def _object(self, text: str, size: float):
        obj = pdfium_c.FPDFPageObj_CreateTextObj(self.doc, self.font, ctypes.c_float(size))
        data = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(data, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        return obj

    def _lines(self, value: str, width: float, size: float) -> list[str]:
        """``value``'s lines wrapped at ``width`` (a word wider than it keeps a line of its own)."""
        out: list[str] = []
        for paragraph in value.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            line = ""
            for word in paragraph.split():
                if line and self._width(f"{line} {word}", size) > width:
                    out.append(line)
                    line = word
                else:
                    line = f"{line} {word}" if line else word
            out.append(line)
        return out

    def _layout(self, value: str, box, size: float, multiline: bool | None) -> tuple[list[str], float]:
        """The value's lines and font size in ``box``: one line shrunk to fit the width (a
        field's text scrolls, but all of it is wanted); several wrapped, smaller till they fit."""
        width, height = box[2] - box[0] - 2 * PAD, box[3] - box[1]
        if multiline is None:  # a check box's mark
            return [value], size
        if not multiline and "\n" not in value.strip():
            fit = self._width(value, size)
            if fit <= width:
                return [value], size
            if size * width / fit >= MIN_SIZE:
                return [value], size * width / fit
            size, multiline = MIN_SIZE, True
        while True:
            lines = self._lines(value, width, size)
            if size <= 6 or len(lines) * size * 1.15 <= height:
                return lines, size
            size = max(6.0, size - 1)

    def _write(self, page, texts: list[tuple[float, ...]], value: str, box, size: float,
               multiline: bool | None) -> None:
        lines, size = self._layout(value, box, size, multiline)
        if len(lines) == 1:  # (one line sits in the middle of its box, several from its top)
            baseline = box[1] + (box[3] - box[1]) / 2 - 0.35 * size
        else:
            baseline = box[3] - PAD - 0.8 * size
        for k, line in enumerate(lines):
            if not line:
                continue
            y = baseline - k * 1.15 * size
            index, x = _after(texts, box[0], y, y + 0.75 * size)
            obj = self._object(line, size)  # (after a label that runs into the box, not over it)
            pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, max(box[0] + PAD, x + 0.6 * size), y)
            if not pdfium_c.FPDFPage_InsertObjectAtIndex(page, obj, index):
                pdfium_c.FPDFPage_InsertObject(page, obj)
            texts[:] = [(t[0] + 1, *t[1:]) if t[0] >= index else t for t in texts]  # (moved one place on)
            texts.append((index, *_bounds(obj)))

    @staticmethod
    def _texts(page) -> list[tuple[float, ...]]:
        """(index, left, bottom, right, top) of the page's text objects, in the content's order."""
        out = []
        for k in range(pdfium_c.FPDFPage_CountObjects(page)):
            obj = pdfium_c.FPDFPage_GetObject(page, k)
            if pdfium_c.FPDFPageObj_GetType(obj) == _TEXT_OBJECT:
                out.append((k, *_bounds(obj)))
        return out


def _after(texts: list[tuple[float, ...]], left: float, bottom: float, top: float) -> tuple[int, float]:
    """Where a text at ``left`` on the line ``bottom``..``top`` goes in the content: after the text
    just before it in reading order (the nearest one that starts left of it on its line: a label,
    also one running into the field's box; else the last on the lowest line above it), at the
    start when nothing precedes it; and where the text before it on its line ends."""
    middle = (bottom + top) / 2
    beside = [t for t in texts if t[2] <= middle <= t[4] and t[1] < left - 1]
    if beside:
        before = max(beside, key=lambda t: t[1])
        return int(before[0]) + 1, before[3]
    above = [t for t in texts if (t[2] + t[4]) / 2 > top]
    if not above:
        return 0, left
    lowest = min((t[2] + t[4]) / 2 for t in above)
    line = [t for t in above if (t[2] + t[4]) / 2 - lowest <= 0.5 * max(t[4] - t[2], 1.0)]
    return int(max(line, key=lambda t: t[1])[0]) + 1, left
