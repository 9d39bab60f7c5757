"""Word files saved as "Strict Open XML" read as the ordinary (transitional) kind.

Word can save a document in the Strict conformance class of ISO/IEC 29500 ("Strict Open XML
Document (*.docx)"). The text is the same; the XML namespaces and the package's relationship
types are not: ``http://purl.oclc.org/ooxml/wordprocessingml/main`` instead of
``http://schemas.openxmlformats.org/wordprocessingml/2006/main`` and so on. python-docx knows only
the transitional names and cannot even find the main document part of a Strict package. So a
Strict package is rewritten in memory, each Strict name replaced by its transitional twin (the
table of ECMA-376 Part 1, Annex A; the same mapping Apache POI's Strict converter uses), and
python-docx reads the copy. A transitional package is not touched.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

__all__ = ["transitional_copy"]

_STRICT = b"http://purl.oclc.org/ooxml/"
_T = b"http://schemas.openxmlformats.org/"
# Strict name -> transitional name, longest first where one name opens another
_NAMES = [
    (b"officeDocument/relationships/extendedProperties", b"officeDocument/2006/relationships/extended-properties"),
    (b"officeDocument/relationships/customProperties", b"officeDocument/2006/relationships/custom-properties"),
    (b"officeDocument/relationships", b"officeDocument/2006/relationships"),
    (b"officeDocument/extendedProperties", b"officeDocument/2006/extended-properties"),
    (b"officeDocument/customProperties", b"officeDocument/2006/custom-properties"),
    (b"officeDocument/docPropsVTypes", b"officeDocument/2006/docPropsVTypes"),
    (b"officeDocument/math", b"officeDocument/2006/math"),
    (b"officeDocument/sharedTypes", b"officeDocument/2006/sharedTypes"),
    (b"officeDocument/bibliography", b"officeDocument/2006/bibliography"),
    (b"officeDocument/customXml", b"officeDocument/2006/customXml"),
    (b"wordprocessingml/main", b"wordprocessingml/2006/main"),
    (b"drawingml/main", b"drawingml/2006/main"),
    (b"drawingml/wordprocessingDrawing", b"drawingml/2006/wordprocessingDrawing"),
    (b"drawingml/picture", b"drawingml/2006/picture"),
    (b"drawingml/chart", b"drawingml/2006/chart"),
    (b"drawingml/diagram", b"drawingml/2006/diagram"),
    (b"schemaLibrary/main", b"schemaLibrary/2006/main"),
]


def transitional_copy(path: Path) -> io.BytesIO | None:
    """An in-memory transitional copy of the Strict Open XML package at ``path``; None for an
    ordinary package (nothing to rewrite). Parts other than XML are copied as they are.

    >>> import docx, tempfile
    >>> d = docx.Document(); _ = d.add_paragraph("Aftalens parter: Faxe Kommune")
    >>> tmp = Path(tempfile.mkdtemp()) / "a.docx"; d.save(tmp)
    >>> transitional_copy(tmp) is None
    True
    >>> strict = tmp.with_name("strict.docx"); _ = _as_strict(tmp, strict)
    >>> docx.Document(transitional_copy(strict)).paragraphs[0].text
    'Aftalens parter: Faxe Kommune'
    """
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        if "_rels/.rels" not in names or _STRICT not in z.read("_rels/.rels"):
            return None
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
            for info in z.infolist():
                data = z.read(info)
                if info.filename.endswith((".xml", ".rels")) and _STRICT in data:
                    for strict, transitional in _NAMES:
                        data = data.replace(_STRICT + strict, _T + transitional)
                w.writestr(info.filename, data)
    out.seek(0)
    return out


def _as_strict(src: Path, dst: Path) -> Path:
    """``src`` (a transitional package) written as a Strict one: the test's fixture."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            data = z.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for strict, transitional in _NAMES:
                    data = data.replace(_T + transitional, _STRICT + strict)
            w.writestr(info.filename, data)
    return dst
