"""The text of a Word document in reading order, from every part that holds facts
(python-docx reads only the body's paragraphs and tables; agreements made in Word keep
facts elsewhere too).

- **Body**: paragraphs and table rows in document order, one block each. A paragraph Word
  numbers automatically gets its number in front ("5.1 Lektiecafé"), in the body, in table
  cells and in text boxes alike (:mod:`samspil.loaders.docx_numbering`).
- **Text boxes and shapes** (``w:txbxContent``: a fact box, a sidebar of contacts): their
  paragraphs and tables come right after the paragraph that anchors them, between blank
  lines, as part of its block. Word writes a modern box twice, as a DrawingML shape
  (``mc:Choice``) and as its VML copy for old readers (``mc:Fallback``): the copy is skipped;
  a VML box on its own (``w:pict``) is read.
- **Table cells**: a cell's paragraphs, then the rows of a table nested in it, each row's
  cells joined with tabs. A row's cells are joined with tabs; a row with one filled cell
  keeps that cell's lines as lines ("Aktivitetsnavn:", "Lektiecafé"); in a row of several
  cells a cell's own paragraphs are joined with spaces and the rows of a nested table
  follow the row as lines of their own, shifted by tabs under the cell that holds them
  (the continuation rows of a table written out as text: "\\t\\tJobcenter\\tvisitation"); a table
  of one or two columns without a head row nested in a cell beside two filled ones is that cell's text, its rows
  between semicolons, a row's second cell in brackets ("Jobcenter (visitation); BFN (lokaler)").
- **Imported chunks** (``w:altChunk``: an HTML page, a web archive or plain text a case system
  put into the file for Word to import when it opens it): a line per block or table row.
- **Page headers and footers** (default, first-page and even-page ones, of every section):
  each distinct one once (sections repeat theirs, and a header linked to the previous
  section's is that one), headers before the body and footers after it.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.blkcntnr import BlockItemContainer
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from samspil.loaders.docx_numbering import Numbering
from samspil.loaders.docx_text import CUSTOM_XML, SDT, SDT_CONTENT, InlineText, placeholder

__all__ = ["WordText"]

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"  # (python-docx's qn() does not know mc:)
_BOX = qn("w:txbxContent")
_FALLBACK = _MC + "Fallback"
_CHOICE = _MC + "Choice"
_P = qn("w:p")
_TBL = qn("w:tbl")
_TR = qn("w:tr")
_TC = qn("w:tc")
_TC_PR = qn("w:tcPr")
_VAL = qn("w:val")
_ALT_CHUNK = qn("w:altChunk")


class _Container(BlockItemContainer):
    """Paragraphs and tables of any element (a text box's ``w:txbxContent``, which python-docx
    has no class for)."""


def _inner(container: Any) -> Iterator[Paragraph | Table]:
    """The paragraphs and tables of a body, cell, text box or header, in order."""
    return _items(container._element, container)


def _items(element: Any, parent: Any) -> Iterator[Paragraph | Table]:
    """Also those inside block-level content controls (but not an unfilled one) and custom XML."""
    for child in element:
        tag = child.tag
        if tag == _P:
            yield Paragraph(child, parent)
        elif tag == _TBL:
            yield Table(child, parent)
        elif tag == SDT:
            if not placeholder(child):
                yield from _items(child.find(SDT_CONTENT), parent)
        elif tag == CUSTOM_XML:
            yield from _items(child, parent)
        elif tag == _ALT_CHUNK:
            yield _AltChunk(child, parent)


class _AltChunk:
    """A ``w:altChunk``: content Word imports when it opens the file, kept in a part of its own (an HTML page,
    a web archive or plain text a case system put there: a contact list, a table), read as lines."""

    def __init__(self, element: Any, parent: Any) -> None:
        rid = element.get(qn("r:id"))
        part = getattr(getattr(parent, "part", None), "related_parts", {}).get(rid)
        try:
            self.lines = _chunk_lines(part.content_type, part.blob) if part is not None else []
        except Exception:  # (a broken chunk is left out, as Word leaves out what it cannot import)
            self.lines = []


def _chunk_lines(content_type: str, data: bytes) -> list[str]:
    """The text of an imported chunk: an HTML page's blocks and table rows (cells between tabs), a web
    archive's HTML part, a plain text's lines; other kinds (RTF, another document) none."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "message/rfc822":  # a web archive (.mht): its HTML part
        import email

        html = next((p.get_payload(decode=True) for p in email.message_from_bytes(data).walk()
                     if p.get_content_type() == "text/html"), None)
        return _html_lines(html) if html else []
    if kind in ("text/html", "application/xhtml+xml"):
        return _html_lines(data)
    if kind == "text/plain":
        return data.decode("utf-8", errors="replace").splitlines()
    return []


_HTML_BLOCKS = frozenset("p div li h1 h2 h3 h4 h5 h6 dt dd blockquote pre address caption section article header "
                         "footer td th".split())


def _html_lines(data: bytes) -> list[str]:
    """An HTML page's text: a line per block (a list item after a bullet), a line per table row."""
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring(data)
    for junk in root.xpath("//script|//style|//head"):
        junk.drop_tree()
    out: list[str] = []

    def text(value: str | None) -> None:
        if value and value.split():
            out.append(" ".join(value.split()))

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "tr":
            out.append("\t".join(" ".join(c.text_content().split()) for c in el
                                  if isinstance(c.tag, str) and c.tag in ("td", "th")))
            return
        inner = [c for c in el.iterdescendants() if isinstance(c.tag, str) and (c.tag in _HTML_BLOCKS or c.tag == "tr")]
        if tag in _HTML_BLOCKS and not inner:
            words = " ".join(el.text_content().split())
            if words:
                out.append(f"• {words}" if tag == "li" else words)
            return
        text(el.text)
        for child in el:
            walk(child)
            text(child.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    return out


def _wrapped(element: Any, tag: str) -> Iterator[Any]:
    """``element``'s children of ``tag`` (rows of a table, cells of a row), also those wrapped in
    a content control (a repeating section's rows, a cell-level control) or custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            if not placeholder(child):
                yield from _wrapped(child.find(SDT_CONTENT), tag)
        elif child.tag == CUSTOM_XML:
            yield from _wrapped(child, tag)


def _span(tc: Any) -> tuple[int, bool]:
    """How many grid columns the cell spans, and whether it continues a vertical merge."""
    pr = tc.find(_TC_PR)
    if pr is None:
        return 1, False
    span_el = pr.find(qn("w:gridSpan"))
    try:
        span = max(1, int(span_el.get(_VAL, "1"))) if span_el is not None else 1
    except ValueError:
        span = 1
    merge = pr.find(qn("w:vMerge"))
    return span, merge is not None and merge.get(_VAL, "continue") == "continue"


class _Part:
    """The parent a header's or footer's paragraphs need (for their styles)."""

    def __init__(self, part: Any) -> None:
        self.part = part


class _NotesPart:
    """What a note's paragraphs need of a part: the document's styles, the notes part's links."""

    def __init__(self, document_part: Any, notes_part: Any) -> None:
        self.get_style = document_part.get_style
        self.rels = notes_part.rels


class WordText:
    """A python-docx ``Document``'s text: :meth:`blocks` in reading order (:meth:`headers`,
    :meth:`body`, :meth:`footers`, called in that order: automatic numbers count in reading
    order). Each block is a list of texts (a text may hold line breaks).

    >>> import docx
    >>> d = docx.Document()
    >>> d.sections[0].header.paragraphs[0].text = "Helhedsplan 2027-2030"
    >>> _ = d.add_paragraph("Aftalens parter")
    >>> t = d.add_table(rows=1, cols=2)
    >>> t.cell(0, 0).text = "Aktivitet"
    >>> inner = t.cell(0, 1).add_table(rows=2, cols=2)
    >>> for r, row in enumerate((("Partner", "Rolle"), ("Jobcenter", "visitation"))):
    ...     for c, text in enumerate(row):
    ...         inner.cell(r, c).text = text
    >>> w = WordText(d)
    >>> w.headers(), list(w.body()), w.footers()
    ([['Helhedsplan 2027-2030']], [['Aftalens parter'], ['Aktivitet\\t', '\\tPartner\\tRolle', '\\tJobcenter\\tvisitation']], [])
    """

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.numbering = Numbering(doc)
        self.inline = InlineText(doc)
        self.boxes = False  # whether the part being read has text boxes at all (most have none)

    # ------------------------------------------------------------------ parts
    def blocks(self) -> Iterator[list[str]]:
        """Every block in reading order: the page headers', the body's, the page footers';
        a blank line after the headers and before the footers (a footer's contact is no
        continuation of the body's last paragraph)."""
        headers = self.headers()
        for k, block in enumerate(headers, start=1):
            yield block + [""] if k == len(headers) else block
        yield from self.body()
        for k, block in enumerate(self.notes()):
            yield [""] + block if k == 0 else block
        for k, block in enumerate(self.footers()):
            yield [""] + block if k == 0 else block

    def body(self) -> Iterator[list[str]]:
        """One list of texts per body paragraph (with its text boxes) or table row."""
        self.boxes = self.doc.element.body.find(".//" + _BOX) is not None
        yield from self._blocks(self.doc._body)

    def notes(self) -> list[list[str]]:
        """The blocks of the footnotes and endnotes the text referred to, each note's first
        paragraph after its marker ("[1] Den strategiske ..."), in the order of the markers (read
        after the body: the references number them)."""
        blocks: list[list[str]] = []
        for marker, note, part in self.inline.notes():
            self.inline.reading(marker)
            self.boxes = note.find(".//" + _BOX) is not None
            found = [b for b in self._blocks(_Container(note, _Part(_NotesPart(self.doc.part, part))))
                     if any(t.strip() for t in b)]
            if found and not found[0][0].startswith(marker):  # (a note without its own mark)
                found[0][0] = f"{marker} {found[0][0]}"
            blocks += found
        self.inline.reading("")
        return blocks

    def headers(self) -> list[list[str]]:
        """The blocks of each distinct page header, in the order of the sections."""
        return self._margins("w:headerReference")

    def footers(self) -> list[list[str]]:
        """The blocks of each distinct page footer, in the order of the sections."""
        return self._margins("w:footerReference")

    def _margins(self, tag: str) -> list[list[str]]:
        """Blocks of the header or footer parts the sections refer to, each part once: a
        section whose header is linked to the previous one has no reference of its own. A
        first-page one counts when the section has one (``w:titlePg``), even-page ones when
        the document has them (``w:evenAndOddHeaders``), as Word shows them."""
        blocks: list[list[str]] = []
        seen: set[str] = set()
        even = self._even_pages()
        for sect_pr in self.doc.element.sectPr_lst:
            title_pg = sect_pr.find(qn("w:titlePg"))
            first = title_pg is not None and title_pg.get(qn("w:val"), "true") not in ("0", "false")
            for ref in sect_pr.findall(qn(tag)):
                kind = ref.get(qn("w:type"), "default")
                rid = ref.get(qn("r:id"))
                if (kind == "first" and not first) or (kind == "even" and not even) or rid in seen:
                    continue
                seen.add(rid)
                part = self.doc.part.related_parts.get(rid)
                if part is None:
                    continue
                self.boxes = part.element.find(".//" + _BOX) is not None
                found = [b for b in self._blocks(_Container(part.element, _Part(part)))
                         if any(t.strip() for t in b)]
                blocks += found
        return blocks

    def _even_pages(self) -> bool:
        try:
            return bool(self.doc.settings.odd_and_even_pages_header_footer)
        except (KeyError, AttributeError):  # no settings part
            return False

    # ------------------------------------------------------------------ blocks
    def _blocks(self, container: Any) -> Iterator[list[str]]:
        for item in _inner(container):
            if isinstance(item, Table):
                yield from self._rows(item)
            elif isinstance(item, _AltChunk):
                yield from ([line] for line in item.lines)
            else:
                yield self._paragraph(item)

    def _paragraph(self, paragraph: Paragraph) -> list[str]:
        """The paragraph's text (its number in front), then its text boxes' lines."""
        label = self.numbering.label(paragraph)
        text = self.inline.text(paragraph)
        out = [f"{label} {text}" if label and text.strip() else text]
        if self.boxes:
            boxed = [t for box in _boxes(paragraph._p)
                     for block in self._blocks(_Container(box, paragraph)) for t in block]
            if any(t.strip() for t in boxed):
                out += ["", *boxed, ""]
        return out

    def _rows(self, table: Table) -> Iterator[list[str]]:
        """One list of texts per row (see the module's note on cells)."""
        above: dict[int, tuple[list[str], list[str]]] = {}  # grid column -> the cell a vertical merge starts with
        for tr in _wrapped(table._tbl, _TR):
            cells: list[tuple[list[str], list[str]]] = []
            column = 0
            for tc in _wrapped(tr, _TC):
                span, merged = _span(tc)
                # a vertically merged cell's text again on the rows it spans; a cell spanning
                # columns, followed by empty ones (the row's cells stay under their column heads)
                cell = above.get(column, ([], [])) if merged else self._cell(_Cell(tc, table))
                above[column] = cell
                cells += [cell] + [([], [])] * (span - 1)
                column += span
            filled = [c for c in cells if c[0] or c[1]]
            if sum(bool(c[0]) for c in cells) > 1:  # a list of two columns nested in a cell beside filled ones: the
                # cell's text
                cells = [(own + [_inline(nested)], []) if _inline(nested) else (own, nested) for own, nested in cells]
            if len(filled) == 1:  # a one-cell row keeps its paragraphs as lines ("Aktivitetsnavn:\nLektiecafé")
                own, nested = filled[0]
                yield ["\n".join(own), *nested] if own else nested
                continue
            line = "\t".join(" ".join(" ".join(own).split("\n")).strip() for own, _ in cells)
            under = [("\t" * k) + nested_line for k, (_, nested) in enumerate(cells) for nested_line in nested]
            yield [line, *under]

    def _cell(self, cell: Any) -> tuple[list[str], list[str]]:
        """A cell's own lines (paragraphs and their text boxes) and its nested tables' rows."""
        own: list[str] = []
        nested: list[str] = []
        for item in _inner(cell):
            if isinstance(item, Table):
                nested += [line for block in self._rows(item) for t in block for line in t.split("\n")]
            elif isinstance(item, _AltChunk):
                own += item.lines
            else:
                own += [t.strip() for t in self._paragraph(item)]
        while own and not own[-1]:
            own.pop()
        while own and not own[0]:
            own.pop(0)
        return own, nested


def _inline(nested: list[str]) -> str | None:
    """A cell's nested table of one or two columns as one text, each row's second cell in brackets after
    its first ("Jobcenter Horsens (fremskudt konsulent); BFN (lokaler)"), or None (none, or wider)."""
    from samspil.loaders.extract.tables import column_kind

    rows = [line.strip("\t").split("\t") for line in nested if line.strip()]
    if not rows or any(len(r) > 2 for r in rows) or all(column_kind(c) for c in rows[0]):
        return None  # (a table with a head row, "Partner | Rolle": its rows stay lines under the cell)
    return "; ".join(r[0].strip() + (f" ({r[1].strip()})" if len(r) == 2 and r[1].strip() else "") for r in rows)


def _boxes(p: Any) -> list[Any]:
    """The text boxes a paragraph anchors, each once: not a box inside another box (read
    with the paragraph inside that box), not the VML copy of a DrawingML box."""
    found = []
    for box in p.iter(_BOX):
        anc = box.getparent()
        while anc is not None and anc is not p:
            if anc.tag == _BOX:
                break
            if anc.tag == _FALLBACK:
                choice = anc.getparent().find(_CHOICE) if anc.getparent() is not None else None
                if choice is not None and choice.find(".//" + _BOX) is not None:
                    break
            anc = anc.getparent()
        else:
            found.append(box)
    return found
