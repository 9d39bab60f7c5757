"""A PDF page's margin line numbers and drop caps, taken out of its text.

A signing copy printed "med linjenumre" has a small number in the left margin every fifth
line ("5", "10", "15"); a designed agreement opens a section with a drop cap, the first
letter set large beside the paragraph's first lines. pdfium reads each where it stands:
the number before a line's words ("5 for de to delaftaler ..."), the letter as a line of
its own above the rest of its word ("F" over "avrskov Kommune ..."); and, side by side with
the body, both make the page look like a table to the layout reader, whose cells then cut
the paragraph apart.

Where the page's text shows either sign (:func:`has_signs`: a line of one capital over a
line in small letters, or lines opening with a number), its text objects are looked at
(:func:`take_out`): a number alone in a smaller size left of the body's left edge is taken
off the page, and so is a single capital letter set at 1.8 times the body's size or more,
its letter then written in front of the first character of the line beside its top
(:attr:`PageText.inserts <samspil.loaders.pdf_text.PageText>`). Other pages are not looked
at: the objects are read only where the text asks for it.
"""
from __future__ import annotations

import ctypes
import re
from statistics import median

__all__ = ["has_signs", "take_out"]

_DROP_CAP_SIGN = re.compile(r"(?m)^[A-ZÆØÅ]\r?\n[a-zæøå]")
_NUMBER_SIGN = re.compile(r"(?m)^\d{1,3} ")
MIN_NUMBERS = 2  # margin numbers on a page before any is taken for one
DROP_CAP_SIZE = 1.8  # times the body's font size
NUMBER_SIZE = 0.9  # a margin number's size at most this times the body's


def has_signs(text: str) -> bool:
    """Does a page's text (pdfium's order) show a drop cap or margin line numbers?"""
    return _DROP_CAP_SIGN.search(text) is not None or len(_NUMBER_SIGN.findall(text)) >= MIN_NUMBERS


def _objects(textpage) -> list[tuple[object, str, float, tuple[float, float, float, float]]]:
    """(object, text, font size, (left, bottom, right, top)) of the page's text objects."""
    import pypdfium2.raw as pdfium_c

    out = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    size = ctypes.c_float()
    for k in range(pdfium_c.FPDFPage_CountObjects(textpage.page)):
        obj = pdfium_c.FPDFPage_GetObject(textpage.page, k)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        n = pdfium_c.FPDFTextObj_GetText(obj, textpage.raw, None, 0)
        if n <= 0 or not pdfium_c.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)) \
                or not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        buffer = (ctypes.c_ushort * n)()
        pdfium_c.FPDFTextObj_GetText(obj, textpage.raw, buffer, n)
        text = bytes(buffer).decode("utf-16-le", errors="ignore").rstrip("\x00")
        out.append((obj, text, size.value, (left.value, bottom.value, right.value, top.value)))
    return out


def take_out(textpage) -> bool:
    """Take the page's margin numbers and drop caps out of its text (see the module's doc);
    True when something was taken out (the text page is then read again)."""
    import pypdfium2.raw as pdfium_c

    objects = _objects(textpage)
    body = [o for o in objects if len(o[1].strip()) >= 10]
    if not body:
        return False
    size = median(o[2] for o in body)
    body_left = min(o[3][0] for o in body)
    numbers = [o for o in objects if o[1].strip().isdigit() and o[2] <= NUMBER_SIZE * size and o[3][2] <= body_left + 1]
    caps = [o for o in objects if len(o[1].strip()) == 1 and o[1].strip().isupper() and o[2] >= DROP_CAP_SIZE * size]
    if len(numbers) < MIN_NUMBERS:
        numbers = []
    if not numbers and not caps:
        return False
    beside = []  # (the letter, the line beside its top: its first character's place)
    for _obj, letter, _size, (_l, _b, right, top) in caps:
        line = min((o for o in body if o[3][0] >= right - 1 and abs(o[3][3] - top) <= size),
                   key=lambda o: (abs(o[3][3] - top), o[3][0]), default=None)
        if line is not None:
            beside.append((letter.strip(), line[3]))
    for obj, *_ in numbers + caps:
        pdfium_c.FPDFPage_RemoveObject(textpage.page, obj)
        pdfium_c.FPDFPageObj_Destroy(obj)
    textpage.reload()
    for letter, (left, bottom, _right, top) in beside:
        k = pdfium_c.FPDFText_GetCharIndexAtPos(textpage.raw, left + 1.5, (bottom + top) / 2, 2.0, (top - bottom) / 2)
        while k > 0 and _on_line(textpage, k - 1, left, bottom, top):
            k -= 1  # (the point may fall on the line's second character: its first is the one to write before)
        if k >= 0:
            textpage.inserts[k] = letter
    return True


def _on_line(textpage, k: int, left: float, bottom: float, top: float) -> bool:
    """Is character ``k`` on the line from ``left`` (within its height, not left of it)?"""
    import pypdfium2.raw as pdfium_c

    box = [ctypes.c_double() for _ in range(4)]
    if not pdfium_c.FPDFText_GetCharBox(textpage.raw, k, *box):
        return False
    c_left, _c_right, c_bottom, c_top = (b.value for b in box)
    return c_left >= left - 1 and c_top > bottom and c_bottom < top and not chr(pdfium_c.FPDFText_GetUnicode(
        textpage.raw, k)).isspace()
