"""A normalised document: the text extraction works on, with a map back to the source."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from samspil.loaders.model import SourceRef, new_source_ref

__all__ = ["Document"]

EXCERPT_CHARS = 160


@dataclass
class Document:
    """Normalised lines (segments) of one document.

    ``lines[i]`` is normalised text; ``origin[i]`` is ``(line, page)`` of where
    it starts in the original file: a 1-based line number for text-like
    formats (.txt, .md, .docx paragraphs), a 1-based page for PDFs.
    """

    id: str  # the file name, e.g. "000_30f294d84ea1894d.txt"
    lines: list[str]
    origin: list[tuple[int | None, int | None]]
    path: str | None = None
    format: str = "txt"
    warnings: list[str] = field(default_factory=list)
    # character offset of each line (a segment, see loaders/segment.py) in the
    # normalised source line it was cut from; None when lines were not segmented
    offsets: list[int] | None = None
    # the file spells Danish without æ, ø and å: its words were restored for the extractors
    # (loaders/ascii_danish.py), its excerpts are folded back
    ascii_spelt: bool = False
    # results of per-document computations shared by the extractors (see memo())
    cache: dict = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: str, compute):
        """``compute()`` once per document; later calls return the stored result."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    def __post_init__(self) -> None:
        if len(self.lines) != len(self.origin):
            raise ValueError("lines and origin must have the same length")

    @property
    def text(self) -> str:
        """The lines joined by line breaks (made once)."""
        return self.memo("text", lambda: "\n".join(self.lines))

    @property
    def lower_lines(self) -> list[str]:
        """Every line in lower case (made once: lowering Danish text is ~4 ns a character,
        and several extractors look at every line in lower case).

        >>> Document("d", ["Aftalens PARTER:", "Ærø Kommune"], [(1, None), (2, None)]).lower_lines
        ['aftalens parter:', 'ærø kommune']
        """
        def compute() -> list[str]:
            lows = self.lower_text.split("\n")  # (the same as each line lowered: "\n" ends
            return lows if len(lows) == len(self.lines) else [ln.lower() for ln in self.lines]  # a word)
        return self.memo("lower_lines", compute)

    @property
    def lower_text(self) -> str:
        """:attr:`text` in lower case (made once)."""
        return self.memo("lower_text", lambda: self.text.lower())

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def ref(self, index: int, excerpt: str | None = None) -> SourceRef:
        """Provenance for normalised line ``index`` (0-based); the line's own excerpt
        is made once (a line holding many mentions is cited for each)."""
        if excerpt is None:
            refs = self.cache.setdefault("refs", {})
            if index not in refs:
                refs[index] = self._ref(index, None)
            return refs[index]
        return self._ref(index, excerpt)

    def ref_near(self, index: int, needle: str) -> SourceRef:
        """Provenance for line ``index`` whose excerpt shows ``needle``: the line's own excerpt
        when it holds the needle, else a window of the line around the needle's first occurrence
        (a long line, a paragraph or a page run together, names a partner past its first 160
        characters), "…" where it is cut."""
        line = self.lines[index] if 0 <= index < len(self.lines) else ""
        if len(line) <= EXCERPT_CHARS or not needle:
            return self.ref(index)
        at = line.find(needle, 0, _NEAR_SEARCH)
        if at < 0 or at + len(needle) <= EXCERPT_CHARS - 20:
            return self.ref(index)  # (found early, or not at all: the line's own excerpt)
        start = line.rfind(" ", 0, max(0, at - EXCERPT_CHARS // 3)) + 1
        return self._ref(index, "…" + _excerpt(line[start:start + 4 * EXCERPT_CHARS])[:EXCERPT_CHARS - 1].rstrip("…")
                         + ("…" if start + EXCERPT_CHARS < len(line) else ""))

    def _ref(self, index: int, excerpt: str | None) -> SourceRef:
        line, page = self.origin[index] if 0 <= index < len(self.origin) else (None, None)
        text = _excerpt(excerpt if excerpt is not None else self.lines[index])
        if self.ascii_spelt:
            from samspil.loaders.ascii_danish import fold_letters

            text = fold_letters(text)
        return new_source_ref(self.id, line, page, text)

    @classmethod
    def from_text(cls, doc_id: str, text: str, *, path: str | None = None,
                  format: str = "txt") -> "Document":
        """A document whose line i is original line i+1 (no page map)."""
        lines = text.split("\n")
        return cls(id=doc_id, lines=lines, origin=[(i + 1, None) for i in range(len(lines))],
                   path=path, format=format)


_NEAR_SEARCH = 20_000  # how far into a line a mention is looked for (a document of one huge line stays linear)


def _excerpt(text: str) -> str:
    """White space collapsed, cut to EXCERPT_CHARS. Only as much of the line is looked
    at as the excerpt needs: a document that is one long line (text copied from a PDF)
    would otherwise cost its whole length per reference, quadratic in all."""
    head = text[:EXCERPT_CHARS + 1]
    if head[:1] != " " and head[-1:] != " " and "  " not in head and head.isprintable():
        # (most texts: single-spaced already as far as the excerpt reaches, which collapsing the white
        # space leaves as it is; ``isprintable`` is False for every white space but the space)
        return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"
    size = 4 * EXCERPT_CHARS
    while True:
        head = " ".join(text[:size].split())
        if len(head) > EXCERPT_CHARS:
            return head[: EXCERPT_CHARS - 1] + "…"
        if size >= len(text):
            return head
        size *= 4
