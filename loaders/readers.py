"""PLACEHOLDER (to be replaced by the readers helper): .txt only."""
from __future__ import annotations

from pathlib import Path

from samspil.loaders.document import Document
from samspil.loaders.errors import EmptyDocument, UnsupportedFormat

READERS = {".txt": None, ".md": None}


def read_document(path: str | Path) -> Document:
    p = Path(path)
    if p.suffix.lower() not in READERS:
        raise UnsupportedFormat(f"unsupported file type {p.suffix!r}", document=p.name)
    text = p.read_text(encoding="utf-8")
    if not text.strip():
        raise EmptyDocument("the file is empty", document=p.name)
    return Document.from_text(p.name, text, path=str(p))
