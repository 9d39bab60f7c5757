"""The numbers Word draws in front of numbered paragraphs ("5.1", "2)", "a."), which
python-docx does not give: a document whose headings are numbered automatically
would otherwise lose its outline ("5.1 Lektiecafé" read as "Lektiecafé").

Word keeps numbering in ``numbering.xml``: each paragraph (directly or through its
style) names a numbering instance (``w:numId``) and a level (``w:ilvl``); the
instance points to an abstract definition whose levels give the start value, the
number format and the label text ("%1.%2"). Counters run per abstract definition,
in document order, and a level restarts when a higher level advances.
"""
from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

__all__ = ["Numbering"]


def _val(el: Any, tag: str, default: str | None = None) -> str | None:
    child = el.find(qn(tag)) if el is not None else None
    return child.get(qn("w:val")) if child is not None else default


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(), "lowerRoman": _roman, "upperRoman": lambda n: _roman(n).upper(),
}


class Numbering:
    """Labels of a document's numbered paragraphs, computed in document order.

    >>> import docx
    >>> d = docx.Document()
    >>> paragraphs = [d.add_paragraph(t, style="List Number") for t in ("Lektiecafé", "Fritidsjob")]
    >>> numbering = Numbering(d)
    >>> [numbering.label(p) for p in paragraphs]
    ['1.', '2.']
    """

    def __init__(self, document: Any) -> None:
        self.abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.nums: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict[str | None, tuple[str | None, str | None]] = {}  # style id -> its (numId, level)
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: nothing is numbered
        for an in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in an.findall(qn("w:lvl")):
                start = int(_val(lvl, "w:start", "1") or 1)
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    start, _val(lvl, "w:numFmt", "decimal") or "decimal", _val(lvl, "w:lvlText", "") or "")
            self.abstract[an.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            self.nums[num.get(qn("w:numId"))] = _val(num, "w:abstractNumId") or ""

    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        """(numId, level) of a paragraph: its own numbering, else its style's (and their bases)."""
        p_pr = paragraph._p.pPr
        own = p_pr.numPr if p_pr is not None else None
        num_id = _val(own, "w:numId") if own is not None else None
        level = _val(own, "w:ilvl") if own is not None else None
        if num_id is None:
            style_id = _val(p_pr, "w:pStyle") if p_pr is not None else None
            if style_id not in self.styles:
                self.styles[style_id] = self._style_num_pr(paragraph.style)
            num_id, style_level = self.styles[style_id]
            level = level or style_level
        if num_id is None or num_id == "0":
            return None
        return num_id, int(level or 0)

    @staticmethod
    def _style_num_pr(style: Any) -> tuple[str | None, str | None]:
        """(numId, level) a paragraph style (or its bases) gives; worked out once per style:
        python-docx finds a paragraph's style (the default one most of all) by going through
        every style of the document, a millisecond a paragraph."""
        num_id = level = None
        while num_id is None and style is not None:
            s_pr = style.element.pPr
            if s_pr is not None and s_pr.numPr is not None:
                num_id = _val(s_pr.numPr, "w:numId")
                level = level or _val(s_pr.numPr, "w:ilvl")
            style = style.base_style
        return num_id, level

    def label(self, paragraph: Any) -> str | None:
        """The label Word draws in front of ``paragraph`` ('5.1', '•'), advancing the
        counters; None for an unnumbered paragraph. Call once per paragraph, in order."""
        found = self._num_pr(paragraph)
        if found is None:
            return None
        abstract_id = self.nums.get(found[0])
        levels = self.abstract.get(abstract_id or "", {})
        if found[1] not in levels:
            return None
        start, fmt, text = levels[found[1]]
        if fmt == "bullet":
            return "•"
        counters = self.counters.setdefault(abstract_id or "", {})
        counters[found[1]] = counters.get(found[1], start - 1) + 1
        for deeper in [k for k in counters if k > found[1]]:
            del counters[deeper]  # a higher level advanced: the levels below restart
        for k in range(found[1] + 1):
            s, f, _ = levels.get(k, (1, "decimal", ""))
            value = counters.setdefault(k, s)
            text = text.replace(f"%{k + 1}", _FORMATS.get(f, str)(value))
        return text.strip() or None
