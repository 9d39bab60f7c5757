"""A Word paragraph's text as Word shows it, and the footnotes and endnotes it refers to.

python-docx's ``Paragraph.text`` reads only the runs and hyperlinks that are the paragraph's
own children. A form filled in Word keeps its answers elsewhere:

- **Content controls** (``w:sdt``: a plain-text or rich-text control, a date picker, a
  drop-down): their runs sit in ``w:sdtContent``; they are read where they stand. A control
  that still shows its placeholder (``w:showingPlcHdr``, or one of Word's own placeholder
  texts, "Klik eller tryk her for at skrive tekst.") adds nothing: nobody filled it in. A date
  picker shows its date as formatted text; one whose text is empty gives its ``w:fullDate``
  ("1. januar 2025").
- Runs inside **tracked insertions** (``w:ins``, ``w:moveTo``), smart tags, custom XML and simple
  fields are read; deleted and moved-away text (``w:del``, ``w:moveFrom``) and field codes are not
  (the document with its changes accepted, as it prints).
- **E-mail links** (``w:hyperlink`` to ``mailto:``): the link's text, and the address after it in
  brackets where the text does not show it ("skriv til Mads (mhl@koege.dk)").
- **Footnote and endnote references**: a marker where the reference stands ("Køge Kommune[1]",
  endnotes "[i]"), numbered in reading order as Word numbers them, and the notes' own text at the
  end of the document, each after its marker ("[1] Den strategiske samarbejdsaftale ...") as Word
  saves a document as plain text (:meth:`InlineText.notes`).

Block-level content controls (around paragraphs, tables, rows and cells) are read by
:mod:`samspil.loaders.docx_parts`, with :func:`placeholder` to skip the unfilled ones.
"""
from __future__ import annotations

from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import qn

__all__ = ["InlineText", "placeholder", "SDT", "SDT_CONTENT", "CUSTOM_XML"]

SDT = qn("w:sdt")
SDT_CONTENT = qn("w:sdtContent")
CUSTOM_XML = qn("w:customXml")
_SDT_PR = qn("w:sdtPr")
_T = qn("w:t")
_R = qn("w:r")
_HYPERLINK = qn("w:hyperlink")
_RPR, _VANISH, _RSTYLE = qn("w:rPr"), qn("w:vanish"), qn("w:rStyle")
_TEXT = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_BR = qn("w:br")
_TRANSPARENT = frozenset(qn(t) for t in ("w:r", "w:ins", "w:moveTo", "w:smartTag", "w:customXml",
                                         "w:fldSimple", "w:dir", "w:bdo"))
_NOTE_REFS = {qn("w:footnoteReference"): "footnote", qn("w:endnoteReference"): "endnote"}
_NOTE_MARKS = {qn("w:footnoteRef"), qn("w:endnoteRef")}
_ID = qn("w:id")
_VAL = qn("w:val")
_RID = qn("r:id")

# Word's own placeholder texts of an unfilled control (Danish and English Word)
_PLACEHOLDERS = frozenset(t.casefold() for t in (
    "Klik eller tryk her for at skrive tekst.", "Klik her for at skrive tekst.", "Klik her for at angive tekst.",
    "Klik eller tryk for at angive en dato.", "Klik her for at angive en dato.", "Vælg et element.",
    "Click or tap here to enter text.", "Click here to enter text.", "Click or tap to enter a date.",
    "Click here to enter a date.", "Choose an item.",
))
_MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
           "november", "december")


def placeholder(sdt: Any) -> bool:
    """Does the content control ``sdt`` show its placeholder (nobody filled it in)?"""
    pr = sdt.find(_SDT_PR)
    if pr is not None:
        flag = pr.find(qn("w:showingPlcHdr"))
        if flag is not None and flag.get(_VAL, "true") not in ("0", "false", "off"):
            return True
    content = sdt.find(SDT_CONTENT)
    if content is None:
        return True
    text = "".join(t.text or "" for t in content.iter(_T)).strip()
    return text.casefold() in _PLACEHOLDERS


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _date(sdt: Any) -> str:
    """A date picker's chosen date ("1. januar 2025"), or ''."""
    pr = sdt.find(_SDT_PR)
    date = pr.find(qn("w:date")) if pr is not None else None
    full = (date.get(qn("w:fullDate")) or "") if date is not None else ""
    try:
        year, month, day = (int(x) for x in full[:10].split("-"))
        return f"{day}. {_MONTHS[month - 1]} {year}"
    except (ValueError, IndexError):
        return ""


class InlineText:
    """Paragraph texts of one document, with the notes they refer to (markers numbered in the
    order the paragraphs are read).

    >>> import docx
    >>> d = docx.Document()
    >>> p = d.add_paragraph("Kontakt: ")
    >>> p._p.append(parse_xml(
    ...     '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:sdtPr>'
    ...     '<w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>Klik her</w:t></w:r></w:sdtContent></w:sdt>'))
    >>> p._p.append(parse_xml(
    ...     '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:sdtPr/>'
    ...     '<w:sdtContent><w:r><w:t>Ida Lund</w:t></w:r></w:sdtContent></w:sdt>'))
    >>> InlineText(d).text(p)
    'Kontakt: Ida Lund'
    """

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.markers: dict[tuple[str, str], str] = {}  # (kind, id) -> "[1]", in order of first reference
        self._note_mark = ""  # the marker of the note being read (its own footnoteRef)
        self._hidden_ids: frozenset[str] | None = None

    def text(self, paragraph: Any) -> str:
        out: list[str] = []
        self._walk(paragraph._p, out, paragraph.part)
        return "".join(out)

    def _walk(self, element: Any, out: list[str], part: Any) -> None:
        for child in element:
            tag = child.tag
            if tag == _T:
                out.append(child.text or "")
            elif tag == _R and self._hidden(child):
                continue  # hidden text: a template's guidance, deleted-on-signing notes (w:vanish)
            elif tag in _TRANSPARENT:
                self._walk(child, out, part)
            elif tag in _TEXT:
                out.append(_TEXT[tag])
            elif tag == _BR:
                if child.get(qn("w:type"), "textWrapping") == "textWrapping":
                    out.append("\n")
            elif tag == _HYPERLINK:
                self._link(child, out, part)
            elif tag == SDT:
                if not placeholder(child):
                    inner: list[str] = []
                    self._walk(child.find(SDT_CONTENT), inner, part)
                    out.append("".join(inner) if "".join(inner).strip() else _date(child))
            elif tag in _NOTE_REFS:
                out.append(self._marker(_NOTE_REFS[tag], child.get(_ID, "")))
            elif tag in _NOTE_MARKS:
                out.append(self._note_mark)

    def _hidden(self, run: Any) -> bool:
        """Is the run hidden (``w:vanish`` on it, or on its character style)? Word shows and prints
        no hidden text: a template's guidance to whoever fills it in ("Vejledning (slettes inden
        underskrift): ...") names example parties that are no party."""
        props = run.find(_RPR)
        if props is None:
            return False
        vanish = props.find(_VANISH)
        if vanish is not None:
            return vanish.get(_VAL, "true").lower() not in ("0", "false", "off")
        style = props.find(_RSTYLE)
        return style is not None and style.get(_VAL) in self._hidden_styles()

    def _hidden_styles(self) -> frozenset[str]:
        """The ids of the document's character styles that hide their text (read once)."""
        if self.__dict__.get("_hidden_ids") is None:
            ids = set()
            try:
                styles = self.doc.styles.element
            except Exception:  # noqa: BLE001 - (no styles part: nothing hidden by style)
                styles = None
            for style in (styles.findall(qn("w:style")) if styles is not None else ()):
                props = style.find(_RPR)
                vanish = props.find(_VANISH) if props is not None else None
                if vanish is not None and vanish.get(_VAL, "true").lower() not in ("0", "false", "off"):
                    ids.add(style.get(qn("w:styleId")))
            self._hidden_ids = frozenset(ids)
        return self._hidden_ids

    def _link(self, link: Any, out: list[str], part: Any) -> None:
        """A hyperlink's text; a ``mailto:`` link's address after it where the text lacks it."""
        inner: list[str] = []
        self._walk(link, inner, part)
        text = "".join(inner)
        out.append(text)
        rid = link.get(_RID)
        rels = getattr(part, "rels", None)
        rel = rels.get(rid) if rid and rels is not None else None
        target = str(getattr(rel, "target_ref", "") or "") if rel is not None else ""
        if target[:7].lower() == "mailto:":
            from urllib.parse import unquote

            address = unquote(target[7:].split("?", 1)[0]).strip()
            if address and address.casefold() not in text.casefold():
                out.append(f" ({address})" if text.strip() else address)

    def _marker(self, kind: str, note_id: str) -> str:
        key = (kind, note_id)
        if key not in self.markers:
            n = sum(1 for k in self.markers if k[0] == kind) + 1
            self.markers[key] = f"[{n}]" if kind == "footnote" else f"[{_roman(n)}]"
        return self.markers[key]

    # ------------------------------------------------------------------ notes
    def notes(self) -> list[tuple[str, Any, Any]]:
        """The referenced notes in the order of their markers: (marker, note element, its part);
        the elements' paragraphs are read with :meth:`text` (a note's own mark gives its marker:
        call :meth:`reading` first)."""
        found: list[tuple[str, Any, Any]] = []
        for kind in ("footnote", "endnote"):
            keys = [k for k in self.markers if k[0] == kind]
            part = self._notes_part(kind) if keys else None
            if part is None:
                continue
            element = getattr(part, "element", None)  # (python-docx has no class for the notes parts:
            root = element if element is not None else parse_xml(part.blob)  # a plain Part, parsed here)
            by_id = {el.get(_ID): el for el in root.findall(qn(f"w:{kind}"))}
            found += [(self.markers[k], by_id[k[1]], part) for k in keys if k[1] in by_id]
        return found

    def reading(self, marker: str) -> None:
        """The note being read is the one of ``marker`` (its own mark is written as that)."""
        self._note_mark = marker

    def _notes_part(self, kind: str) -> Any:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        try:
            return self.doc.part.part_related_by(RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)
        except KeyError:
            return None
