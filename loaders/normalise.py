"""Normalise raw text lines into the lines extraction reads, keeping the line map.

Every reader hands over raw lines, each with its origin ``(line, page)``;
:func:`normalise` returns clean lines with the origin of the raw line each one
starts in. The steps, each a small pure function:

1. :func:`fix_characters` - NFC, no-break/odd spaces, soft hyphens, ligatures,
   private-use PDF bullets.
2. :func:`clean_markup` - stray HTML (``<p>``, ``<ul ...>``, ``<br>``, ``<i>``),
   entities (``&amp;``), markdown emphasis and ``[text](#)`` links. Block tags
   and "•" bullets become line breaks so list items stay separate; fused
   table cells (``**A****B**``) become separate lines.
3. :func:`~samspil.loaders.letterspacing.repair_letter_spacing` - letter-spaced
   PDF runs ("Ak t i v i te tsnavn :" -> "Aktivitetsnavn:"), lines detected only.
4. :func:`tidy_whitespace` - trailing/leading/double spaces (tabs are kept:
   they separate flattened table cells).
5. :func:`~samspil.loaders.line_joins.join_wrapped` - only for PDF text (or text that looks like it,
   :func:`looks_like_pdf_text`): a line ending in a hyphen inside a word is
   de-hyphenated, and a hard-wrapped line is joined to the next when that one
   starts in lower case (or the line ends with a comma or conjunction). Label
   lines ("Aktivitetsnavn:", "Kontaktperson: ...", "Zone 1) ..."), bullets and
   numbered items always keep their own line.
6. :func:`collapse_blank_lines`.

For PDFs, :func:`strip_repeated_margins` first drops running headers and
footers (lines repeated at the top or bottom of most pages).
"""
from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate, count
from operator import add

from samspil.loaders.digits import latin1
from samspil.loaders.structured_text import looks_structured, structured_lines
from samspil.loaders.bare_labels import glued_label_lines, template_label_lines
from samspil.loaders.dash_labels import dash_label_lines
from samspil.loaders.symbols import boxed_cards, drop_legend_tags, drop_note_marks, read_all_symbols
from samspil.loaders.vcards import vcard_lines
from samspil.loaders.wikitext import looks_like_wikitext, wiki_lines
from samspil.loaders.text_columns import split_cards, split_columns, tab_signatures
from samspil.loaders.ocr import looks_ocred, repair_ocr
from samspil.loaders.ascii_danish import (looks_ascii_danish, lost_letter_words, restore_label_words, restore_letters,
                                         restore_lost_letters)
from samspil.loaders.column_tables import column_lines_tables
from samspil.loaders.csv_tables import csv_tables
from samspil.loaders.letterspacing import (SPACED_RUN_LINE, counting_tokens, is_letter_spaced, repair_letter_spacing,
                                            spaced_runs)
from samspil.loaders.people_columns import people_column_rows
from samspil.loaders.space_tables import headed_pipe_rows, outer_pipes, join_item_continuations, cell_lines_tables, join_pipe_continuations, tab_space_tables, key_value_rows
from samspil.loaders.line_joins import (Origin, dehyphenate, join_contact_details, dehyphenate_inline, join_name_hyphens, join_open_brackets,
                                        join_wrapped, text_width)
from samspil.loaders.text_layout import rows_with_empty_cells, wrap_width
from samspil.loaders.webcopy import accordion_heads, split_read_more, strip_web_wrapper
from samspil.loaders.email_text import clean_email, looks_like_email
from samspil.loaders.transposed_tables import transposed_tables

__all__ = [
    "Origin", "normalise", "clean_line", "clean_page", "fix_characters", "clean_markup", "tidy_whitespace",
    "looks_like_pdf_text", "join_wrapped", "text_width", "collapse_blank_lines", "strip_repeated_margins",
]


_CHAR_MAP = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
    "\r": None, "\x0c": None, "\uf0b7": "•", "\uf0a7": "•", "\u25aa": "•", "\u25cf": "•",
    # (Word's and designers' other bullets: ► ▶ ➢ ■ ◆ ‣ ⁃, and Wingdings' arrow and diamonds in a PDF's private use)
    "\u25ba": "•", "\u25b6": "•", "\u27a2": "•", "\u25a0": "•", "\u25c6": "•", "\u2023": "•", "\u2043": "•",
    "\uf0d8": "•", "\uf076": "•",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
})
_MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in _CHAR_MAP) + "]")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:|www\.)[^>\s]+)>", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\([^)\s]*\)")
_BLOCK_TAG = re.compile(r"</?(?:p|ul|ol|li|br|hr|div|tr|table|tbody|thead|h[1-6]|dl|dt|dd|section|article|header"
                        r"|footer|blockquote|html|head|title|body|main|nav|aside|figure|figcaption|address|noscript"
                        r"|caption|details|summary)\b[^>]*/?>", re.I)
# what a web page holds that is no text of it: the document type, comments, pictures, scripts and styles
_NO_TEXT = re.compile(r"<!DOCTYPE[^>]*>|<!--.*?(?:-->|$)|<img\b[^>]*>|<(script|style)\b[^>]*>.*?(?:</\1>|$)",
                      re.I)
_LIST_ITEM = re.compile(r"<li\b[^>]*>", re.I)
_DEFINITION = re.compile(r"\s*:?\s*</dt>\s*<dd\b[^>]*>\s*", re.I)
_CELL_GAP = re.compile(r"</t[dh]>\s*<t[dh]\b[^>]*>", re.I)
_INLINE_TAG = re.compile(
    r"</?(?:i|b|u|em|strong|span|a|sup|sub|font|small|mark|s|del|ins|td|th|o:p|abbr|time|cite|q|label|code)\b[^>]*>",
    re.I)
_CELL_STARS = re.compile(r"(?<=\S)\*{3,}(?=\S)")  # "**A****B**": two emphasised cells
_LABEL_STARS = re.compile(r"(?<=:)\*{1,2}(?=[^\s*])")  # "Aktivitetsnavn:**Styrket"
_EMPH_STARS = re.compile(r"(?<=\S)\*{1,3}|\*{1,3}(?=\S)")
_SPACES = re.compile(r" {2,}")
_TAB_GAP = re.compile(r" ?\t[ \t]*")
_SPACE_COLON = re.compile(r"(?<=[^\W\d_)]) :(?=[\s\t]|$)")
_BULLET_SPLIT = re.compile(r"\s*(?=•)")
_OL_ITEM = re.compile(r"(?<=[^\s\d])(?=\d{1,2}\. [A-ZÆØÅ])")  # "Enghave2. Involvering"


def _column_width(lines: Sequence[str], raw_lines: Sequence[str]) -> int:
    """The page's column width in characters (:func:`text_width`). pdfium gives a line that ended
    in a hyphen with the next one joined on (U+FFFE between them): each such line counts as the
    printed lines it was, or a column hyphenated often reads half as wide again as it is, and
    its wrapped lines look short ("... sammen med AOF" + "Favrskov og ...": two lines)."""
    width = text_width(lines)
    if not any("\ufffe" in line for line in raw_lines):
        return width
    printed = [piece for line in raw_lines for piece in line.split("\ufffe")] if width else []
    return min(width, text_width([" ".join(piece.split()) for piece in printed]) + 1)


def fix_characters(line: str) -> str:
    """Unicode clean-up that never changes the words.

    >>> fix_characters("Kon\\u00adtakt\\u00a0person \\ufb01lm\\uf0b7")
    'Kontakt person film•'
    """
    if "\ufffe" in line:
        line = _pdf_hyphens(line)
    if _MAPPED.search(line):  # translate with a mapping is slow: only when it has work
        line = line.translate(_CHAR_MAP)
    return line if line.isascii() else unicodedata.normalize("NFC", line)


def _pdf_hyphens(line: str) -> str:
    """pdfium gives a hyphen that ended a line, with the next line joined on, as U+FFFE:
    decided like any hyphenated line break ("børnefa\ufffemilier" -> "børnefamilier",
    "kultur\ufffeog fritid" -> "kultur- og fritid").

    >>> _pdf_hyphens("styrke børnefa\ufffemilier, kultur\ufffeog fritidsliv")
    'styrke børnefamilier, kultur- og fritidsliv'
    """
    head, *tails = line.split("\ufffe")
    for tail in tails:
        head = dehyphenate(head + "-", tail) or f"{head}-{tail}"
    return head


def clean_markup(line: str) -> list[str]:
    """Strip stray HTML/markdown from one raw line; block tags and bullets split it.

    >>> clean_markup("<p>Det sker ved, at:</p> <ul style='x'>• Klæde forældre på• Styrke netværk")
    ['Det sker ved, at:', '• Klæde forældre på', '• Styrke netværk']
    >>> clean_markup("**Uddannelse og livschancer****Problemkompleks for indsatsområdet**")
    ['Uddannelse og livschancer', 'Problemkompleks for indsatsområdet']
    >>> clean_markup("Kontaktperson: [Camilla Brix](#), teamleder &amp; leder")
    ['Kontaktperson: Camilla Brix, teamleder & leder']
    >>> clean_markup("Aktivitsnavn:**Styrket skole-hjem-samarbejde****Formål:**")
    ['Aktivitsnavn: Styrket skole-hjem-samarbejde', 'Formål:']
    >>> clean_markup("## Delaftale for indsatsområdet *Beskæftigelse*")
    ['Delaftale for indsatsområdet Beskæftigelse']
    """
    if line.lstrip().startswith("|") and line.rstrip().endswith("|"):
        return _pipe_row(line)
    if ("<" in line or line.lstrip()[:2] == "**") and (lead := _BOLD_LEAD.match(line)) and _run_in_head(lead) \
            and (lead.group("tag") is None or lead.group("pre").strip()):  # (not a paragraph's wrapped line that
        # opens with a name in bold: "<strong>Boligselskabet X</strong> sammen om ...")
        line = f"{lead.group('pre')}{lead.group('name')} – {line[lead.end():]}"  # a paragraph's run-in head in bold
    if "<" in line:
        if "<!" in line or "<img" in line or "<script" in line or "<style" in line:
            line = _NO_TEXT.sub(" ", line)
        is_ordered = "<ol" in line.lower()
        line = _CELL_GAP.sub("\t", line)  # a table's cells keep their gap (a tab, as the readers give)
        if "<dd" in line or "<DD" in line:
            line = _DEFINITION.sub(": ", line)  # a definition list's term and its definition: "Periode: 2024-2028"
        line = _AUTOLINK.sub(r"\1", line)
        line = _LIST_ITEM.sub("\n• ", line)  # an <li> stays a bullet (a list's items are read as such)
        line = _BLOCK_TAG.sub("\n", line)
        line = _INLINE_TAG.sub("", line)
        if is_ordered:
            line = _OL_ITEM.sub("\n", line)
    if line.startswith("#"):
        line = _MD_HEADING.sub("", line)
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    if "*" in line:
        if line.lstrip()[:2] == "* ":
            line = "• " + line.lstrip()[2:]  # a markdown list's item: a bullet (not emphasis to strip)
        line = _CELL_STARS.sub("\n", line)
        line = _LABEL_STARS.sub(" ", line)
        line = _EMPH_STARS.sub("", line)
    if "&" in line:
        line = html.unescape(line)
        if _MAPPED.search(line):  # "&nbsp;" -> a no-break space -> a space
            line = line.translate(_CHAR_MAP)
    if "•" in line:
        line = _BULLET_SPLIT.sub("\n", line)
    if "\n" not in line:  # (the common case: one part)
        return [line.strip(" ")] if line.strip() else [""]
    parts = [p.strip(" ") for p in line.split("\n")]
    kept = [p for p in parts if p.strip()]
    return kept or [""]


# a paragraph that opens with a name in bold, its text run on after it: "<p><strong>UngeVejen</strong> hjælper unge
# ...", "**Lektier på Broen**: lektiehjælp ..." (a run-in head: the web's and markdown's way of heading an item)
_BOLD_LEAD = re.compile(r"(?P<pre>\s*(?:<(?:p|li|div)\b[^>]*>\s*)?)(?:<(?P<tag>strong|b)\b[^>]*>|\*\*)\s*"
                        r"(?P<name>[A-ZÆØÅ0-9][^<>*:.!?]{1,60}?)\s*(?:</(?P=tag)>|\*\*)"
                        r"(?P<mark>\s*[:–—-]\s*|\s+)(?=[^\s<*])", re.I)


def _run_in_head(lead: re.Match[str]) -> bool:
    """Is a paragraph's bold lead a run-in head (an item's name), not a label, a sentence's emphasis or a person?
    Text in lower case after it, or a dash; after a colon only a name of two capitalised words or more (not
    "Formål:", "Tid og sted:")."""
    from samspil.loaders.labels import starts_with_label

    name, mark = lead.group("name"), lead.group("mark").strip()
    words = name.split()
    if len(words) > 8 or starts_with_label(f"{name}:"):
        return False
    rest = lead.string[lead.end():lead.end() + 1]
    if mark in ("–", "—", "-"):
        return True
    if mark == ":":
        return sum(w[:1].isupper() or any(c.isupper() for c in w[1:]) for w in words) >= 2
    return rest.islower()


def _pipe_row(line: str) -> list[str]:
    r"""A markdown table's row: its cells tab-separated, as the readers give a table's rows;
    the rule under the head row is no line.

    >>> _pipe_row("| Himmerland Boligforening | Jens Jensen, direktør |"), _pipe_row("|---|:--|")
    (['Himmerland Boligforening\tJens Jensen, direktør'], [])
    """
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
    if all(re.fullmatch(r":?-{2,}:?|", c) for c in cells):
        return []
    return ["\t".join(clean_markup(c)[0] for c in cells).strip()]


def tidy_whitespace(line: str) -> str:
    """Single spaces, tabs kept (one per cell gap), no spaces at the ends.

    >>> tidy_whitespace("  Formål : \\t  At styrke   familier  ")
    'Formål:\\tAt styrke familier'
    >>> tidy_whitespace("lars@silkeborg. dk\\tsanne@silkeborg.d k\\tskriv til a@b.dk. og c@d.dk og")
    'lars@silkeborg.dk\\tsanne@silkeborg.dk\\tskriv til a@b.dk. og c@d.dk og'
    """
    if "  " in line:
        line = _SPACES.sub(" ", line)
    if "\t" in line:
        line = _TAB_GAP.sub("\t", line)
    if " :" in line:
        line = _SPACE_COLON.sub(":", line)
    if "@" in line and (". " in line or "." in line and " " in line):
        line = _WRAPPED_DOMAIN.sub(_join_domain, line)
    if " / " in line and line.count(" / ") >= 2 and ("@" in line or _PHONE_LIKE.search(line)):
        line = _slashed_fields(line)  # a contact's fields in one cell: "Name / title / org / mail / phone"
    return line.strip()


def _slashed_fields(line: str) -> str:
    """A contact's fields written "Name / title / mail / phone" with commas: the whole of a short
    line (a cell), in a long one (a page run onto one line) only the fields around each e-mail or
    phone (its breadcrumbs "Forside / Borger / ..." keep their slashes)."""
    if len(line) <= 240:
        return line.replace(" / ", ", ")
    spans = [(max(0, m.start() - 120), m.end() + 40) for m in _DETAIL.finditer(line)]
    out, last = [], 0
    for a, b in spans:
        a = max(a, last)
        if a >= b:
            continue
        piece = line[a:b]
        out += [line[last:a], piece.replace(" / ", ", ") if piece.count(" / ") >= 2 else piece]
        last = b
    return "".join(out) + line[last:]


_DETAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<!\d)\d{2} ?\d{2} ?\d{2} ?\d{2}(?!\d)")
_PHONE_LIKE = re.compile(r"(?<!\d)\d{2} ?\d{2} ?\d{2} ?\d{2}(?!\d)")
# an e-mail address wrapped in a table cell and its lines joined with a space: "lars@silkeborg. dk",
# "sanne@silkeborg.d k" (joined only into a top-level domain: not "a@b.dk. og", a sentence)
_WRAPPED_DOMAIN = re.compile(r"(@[\w-]+(?:\.[\w-]+)*\.)([a-z]{0,3}) ([a-z]{1,4})(?![\w@.])")
_DOMAINS = frozenset("dk com org net eu se no de nu info biz gov int edu fo gl".split())


def _join_domain(m: re.Match) -> str:
    """'@silkeborg.d k' -> '@silkeborg.dk' when the pieces make a known top-level domain."""
    return f"{m.group(1)}{m.group(2)}{m.group(3)}" if (m.group(2) + m.group(3)) in _DOMAINS else m.group(0)


_PAGE_OF = re.compile(r"\b(?:[Ss]ide|SIDE)\s+\d{1,3}\s+(?:af|/)\s+\d{1,3}\s*$")
_WORD_HYPHEN_END = re.compile(r"[a-zæøå]{2}-$")


def looks_like_pdf_text(raw_lines: Sequence[str]) -> bool:
    """True for text files that are PDF extractions (most lines end in a space).

    >>> looks_like_pdf_text(["Den nye plan bygger ", "på Amagerplanen. ", "", "Zonerne "] * 5)
    True
    >>> looks_like_pdf_text(["Et afsnit pr. linje.", "Endnu et."] * 10)
    False
    """
    nonblank = [ln for ln in raw_lines if ln.strip()]
    trailing = sum(1 for ln in nonblank if ln.endswith((" ", "\t")))
    if len(nonblank) >= 10 and trailing >= 0.5 * len(nonblank):
        return True
    # a PDF's text saved without its trailing spaces: page footers ("Side 2 af 6") and words
    # hyphenated across lines ("Stadion-" over "parken (Midtbo afd. 2, ...)")
    pages = sum(1 for ln in nonblank if _PAGE_OF.search(ln))
    hyphens = sum(1 for a, b in zip(raw_lines, raw_lines[1:]) if _WORD_HYPHEN_END.search(a) and b[:1].islower())
    return len(nonblank) >= 10 and pages >= 2 and hyphens >= 2


def collapse_blank_lines(lines: Sequence[str], origins: Sequence[Origin]
                         ) -> tuple[list[str], list[Origin]]:
    """At most one blank line in a row, none at the start or end.

    >>> collapse_blank_lines(["", "a", "", "", "b", ""], [(1, None)] * 6)[0]
    ['a', '', 'b']
    """
    out: list[str] = []
    orig: list[Origin] = []
    for line, origin in zip(lines, origins):
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
        orig.append(origin)
    if out and not out[-1]:
        out.pop()
        orig.pop()
    return out, orig


_NUMBER = re.compile(r"\d+")
_ASCII_NUMBER = re.compile("[0-9]+")


def _margin_keys(line: str, page: int) -> set[tuple[str, int | None]]:
    """Keys under which a margin line can repeat: its exact text, and its text
    with digits masked paired with each "number minus page index" (a page
    number moves with the page; other numbers do not)."""
    text = " ".join(line.split()).lower()
    number = _ASCII_NUMBER if latin1(text) else _NUMBER  # (the same in a Latin-1 text: loaders/digits.py)
    numbers = [int(n) for n in number.findall(text)[:4]]
    if not numbers:
        return {(text, None)}  # (nothing to mask)
    masked = number.sub("#", text)
    return {(text, None)} | {(masked, n - page) for n in numbers}


def _margin_slots(page: Sequence[str], depth: int) -> dict[int, str]:
    """Index -> slot name ("t0", "t1", "b0", ...) of the first/last non-blank lines."""
    first = _nonblank(range(len(page)), page, depth)  # (looked for from either end: not every line)
    last = _nonblank(range(len(page) - 1, -1, -1), page, depth)  # (in reverse order)
    slots = {i: f"b{k}" for k, i in enumerate(last)}
    slots.update({i: f"t{k}" for k, i in enumerate(first)})
    return slots


def _nonblank(order: range, page: Sequence[str], depth: int) -> list[int]:
    """The first ``depth`` indexes in ``order`` of non-blank lines of ``page``."""
    out = []
    for i in order:
        if page[i].strip():
            out.append(i)
            if len(out) == depth:
                break
    return out


def strip_repeated_margins(pages: Sequence[Sequence[str]], depth: int = 2) -> list[list[str]]:
    """Drop running headers/footers from PDF pages.

    A line is dropped when the same text sits in the same slot - one of the
    first or last ``depth`` non-blank lines - on at least half of 3+ pages
    (of a two-page PDF: the first or last line of both pages).
    Digits may differ only as page numbers do (same offset from the page
    index), so "Side 3 af 20" repeats but "I alt 436 lejemål" does not.
    Label lines ending in ":" are never dropped (an activity may start
    every page).

    >>> pages = [["Amagerplanen 2026", f"Zone {z}", f"ligger i {z}", f"Side {i} af 4"]
    ...          for i, z in enumerate("ABCD", 1)]
    >>> strip_repeated_margins(pages)[1]
    ['Zone B', 'ligger i B']
    """
    if len(pages) < 2:
        return [list(p) for p in pages]
    if len(pages) == 2:  # two pages: only the outermost line of each, on both pages
        depth = 1
    slots = [_margin_slots(p, depth) for p in pages]
    keys = [{i: _margin_keys(page[i], number) for i in sl} for number, (page, sl) in enumerate(zip(pages, slots))]
    counts: Counter[tuple] = Counter()
    for sl, page_keys in zip(slots, keys):
        counts.update({(s, *k) for i, s in sl.items() for k in page_keys[i]})
    repeated = {k for k, n in counts.items() if n >= (2 if len(pages) == 2 else max(3, len(pages) / 2))}
    if not repeated:
        return [list(p) for p in pages]  # (no margin repeats: every line stays)

    def is_margin(line: str, slot: str, line_keys: set) -> bool:
        return not line.rstrip().endswith(":") and any((slot, *k) in repeated for k in line_keys)

    out = []
    for page, sl, page_keys in zip(pages, slots, keys):  # (only a slot's line may go: the others are copied)
        kept = list(page)
        for i in sorted((i for i in sl if is_margin(page[i], sl[i], page_keys[i])), reverse=True):
            del kept[i]
        out.append(kept)
    return out


# a running header or footer of a PDF's pages kept in a text copy: a page marker ("side 2",
# "Side 3 af 7") or a middle dot between its parts ("Fjordbyen Lemvig · Delaftale ... · 2025-2029")
_PAGE_MARK = re.compile(r"\b(?:side|page|dias|slide)\s*#|#\s*af\s*#|·", re.I)  # ("Dias 3": a slide deck's)
_DIGITS = re.compile(r"\d+")
_COUNTED_ITEM_KEY = re.compile(r"\s*(?:aktivitet|delaftale|delprojekt|projekt|indsats|tiltag|spor|tema|bilag)\s*#\s*af\s*#\s*:?$", re.I)
_RAW_MARK = re.compile(r"·|(?i:side|page|dias|slide)\s*\d|\d\s*af\s*\d")  # (the marks of _PAGE_MARK in a raw line)


def _rendered_origins(rendered: list[str], raw: Sequence[str], origins: Sequence[Origin]) -> list[Origin]:
    """Each rendered line's origin: the first raw line from the last one's on that holds its
    value (the text after its label), else the last one's."""
    out: list[Origin] = []
    at = 0
    for line in rendered:
        value = line.split(": ", 1)[-1].strip("• ").split(" (", 1)[0].split(", ", 1)[0]
        if value:
            k = next((k for k in range(at, len(raw)) if value in raw[k]), None)
            if k is None:
                k = next((k for k in range(0, at) if value in raw[k]), at)
            at = k
        out.append(origins[min(at, len(origins) - 1)])
    return out


_INLINE_PAGE = re.compile(r"\s[Ss]ide\s+(\d{1,3})(?:\s+af\s+\d{1,3})?(?=\s|$)")
_MAX_HEAD_WORDS = 8


def drop_inline_running_heads(lines: Sequence[str]) -> list[str]:
    """``lines`` without the running header a PDF's pages repeat where the text came without its line breaks
    (each page's text on one line): the same words before "side N" two times or more, N a different page
    each time ("... 14. december 2007 Helhedsplan Ringe Midt 2008-2011 side 2 1. Indledning ...").

    >>> drop_inline_running_heads(["Forside tekst Plan X 2008-2011 side 2 Indledning her", "a b Plan X 2008-2011 side 3 c"])
    ['Forside tekst Plan X 2008-2011. Indledning her', 'a b . c']
    """
    if sum(line.count("ide ") for line in lines) < 2:
        return list(lines)
    found = [(k, m) for k, line in enumerate(lines) if "ide " in line for m in _INLINE_PAGE.finditer(line)]
    if len(found) < 2:
        return list(lines)
    befores = [lines[k][:m.start()].split()[-_MAX_HEAD_WORDS:] for k, m in found]
    tails: dict[tuple[str, ...], set[str]] = {}
    for (k, m), words in zip(found, befores):
        if len(words) >= 2:
            tails.setdefault(tuple(words[-2:]), set()).add(m.group(1))
    tail = max((t for t, pages in tails.items() if len(pages) >= 2), key=lambda t: len(tails[t]), default=None)
    if tail is None:
        return list(lines)
    group = [words for words in befores if tuple(words[-2:]) == tail]
    n = 2
    while n < _MAX_HEAD_WORDS and all(len(w) > n for w in group) and len({w[-n - 1] for w in group}) == 1:
        n += 1  # (the longest run of words every such page header shares)
    head = group[0][-n:]
    if not any(w[:1].isupper() for w in head):
        return list(lines)  # (words in lower case before "side 3": running text, no header)
    pattern = re.compile(r"(?:^|(?<=\s))(" + r"\s+".join(map(re.escape, head)) + r")" + _INLINE_PAGE.pattern + r"(?=\s|$)")
    first = [True]

    def cut(m: re.Match[str]) -> str:  # the first page's header keeps its words (a cover may name the plan only
        if first[0]:                   # there: "Fjordlys – helhedsplan for Hadsund Syd side 2"), the others go; a
            first[0] = False           # stop where each stood, so that names on either side stay apart
            return f"{m.group(1)}."
        return "."

    return [pattern.sub(cut, line).strip() if "ide " in line else line for line in lines]


def _spelt_label_words(lines: Sequence[str]) -> bool:
    """Does the text hold "omraad" or "aalgrup" in any case a heading writes them? (Substring searches of
    the joined text: a pattern tried at every character cost ~1% of a dense PDF's extraction.)"""
    whole = "\n".join(lines)
    return "mraad" in whole or "MRAAD" in whole or "algrup" in whole or "ALGRUP" in whole


_NAME_INITIALS = re.compile(r"(?<![\wæøå])([A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+){1,3})\s*\(([A-ZÆØÅ]{2,4})\)")


_INITIALS = re.compile(r"\([A-ZÆØÅ]{2,4}\)")


def drop_name_initials(line: str) -> str:
    """``line`` without the initials a person's name is given in brackets for later reference (minutes,
    interviews: "Deltagere: Lene Hjortshøj Brix (LHB), projektleder, ..."), which keep the record from reading as
    one; an organisation's short form stays ("Boligselskabet Flådebo (BF)").

    >>> drop_name_initials("Deltagere: Lene Hjortshøj Brix (LHB), projektleder, Boligselskabet Flådebo (BF);")
    'Deltagere: Lene Hjortshøj Brix, projektleder, Boligselskabet Flådebo (BF);'
    """
    if "(" not in line or not _INITIALS.search(line):  # (a search opening with "(": the engine skips to each)
        return line
    from samspil.loaders.gazetteer import is_first_name

    def cut(m: re.Match[str]) -> str:
        words = m.group(1).split()
        k = next((k for k, w in enumerate(words) if is_first_name(w) or "-" in w
                  and all(map(is_first_name, w.split("-")))), None)
        if k is None or len(words) - k < 2:
            return m.group(0)
        letters = "".join(w[0] for w in words[k:])
        initials = m.group(2)
        return m.group(1) if initials in (letters, letters[0] + letters[-1]) else m.group(0)

    return _NAME_INITIALS.sub(cut, line)


def drop_running_lines(lines: Sequence[str], origins: Sequence[Origin]) -> tuple[list[str], list[Origin]]:
    """``lines`` with the running headers and footers a text copy of a PDF repeats on each page
    made blank (a break between the pages' text, as the page gap was): a line (its numbers
    aside) found three times or more that holds a page marker or a middle dot, up to 150
    characters. (The PDF reader drops its pages' margins itself.)

    >>> drop_running_lines(["A · B side 1", "x", "A · B side 2", "y", "A · B side 3", "z"], [(k, None) for k in range(6)])[0]
    ['', 'x', '', 'y', '', 'z']
    """
    marked = [len(line) <= 150 and _RAW_MARK.search(line) is not None for line in lines]
    if sum(marked) < 2:
        return list(lines), list(origins)
    keys = [_DIGITS.sub("#", " ".join(line.split())) if hit else "" for line, hit in zip(lines, marked)]
    counts: dict[str, int] = {}
    texts: dict[str, set[str]] = {}
    for key, line in zip(keys, lines):
        if key and _PAGE_MARK.search(key) and not _COUNTED_ITEM_KEY.match(key):  # ("Aktivitet 2 af 3": an item's count)
            counts[key] = counts.get(key, 0) + 1
            texts.setdefault(key, set()).add(" ".join(line.split()))
    running = {key for key, n in counts.items() if n >= 3 or n == 2 and len(texts[key]) == 2}  # (twice, its page
    # numbers told apart: a two-page document's header, "... side 1" and "... side 2")
    if not running:
        return list(lines), list(origins)
    return ["" if key in running else line for line, key in zip(lines, keys)], list(origins)


_EMAIL_FIRST = re.compile(r"^\s*(?P<first>[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}|\((?:ingen|ikke)\s+(?:e-?)?mail\))"
                          r"\s+[–—-]\s+(?P<rest>[A-ZÆØÅ][\wæøå.-]+\s+[A-ZÆØÅ].*)$")


def email_last(lines: Sequence[str]) -> list[str]:
    """A contact list written e-mail first ("khl@x.dk     – Kathrine Holm Lassen – konsulent, Center X,") with each
    entry's e-mail after it, as the readers expect a person's details ("Kathrine Holm Lassen – konsulent, Center X, –
    khl@x.dk"); "(ingen mail)" dropped. Only where two entries or more are written so.

    >>> email_last(["ab@x.dk  – Anna Berg – leder", "(ingen mail)  – Per Holm – rådgiver", "Tekst"])
    ['Anna Berg – leder – ab@x.dk', 'Per Holm – rådgiver', 'Tekst']
    """
    found = [(k, m) for k, line in enumerate(lines) if ("@" in line or "mail)" in line) and (m := _EMAIL_FIRST.match(line))]
    if len(found) < 2:
        return list(lines)
    out = list(lines)
    for k, m in found:
        rest = m.group("rest").rstrip()
        out[k] = rest if m.group("first").startswith("(") else f"{rest.rstrip(',')} – {m.group('first')}"
    return out


def clean_line(raw: str) -> list[str]:
    """Steps 1-4 of one raw line: the normalised lines it makes (before lines are joined).

    >>> clean_line("<p>Ak t i v i te tsnavn :  </p>• Lektie- og lommepengejob")
    ['Aktivitetsnavn:', '• Lektie- og lommepengejob']
    """
    parts = []
    for part in clean_markup(fix_characters(raw)):
        part = tidy_whitespace(repair_letter_spacing(part))
        part = dehyphenate_inline(part) if "- " in part else part
        parts += split_read_more(part) if part[:1] in "LSR" else split_counted_run(part) if part[:1] == "(" else [part]
    return parts  # ("Læs mereUng Kraft": a web copy's link)


def split_counted_run(line: str) -> list[str]:
    """A list counted "(a)", "(b)" ... (or "(1)", "(2)" ...) set side by side on one line, as its items' lines.

    >>> split_counted_run("(a) Tryghed og trivsel (b) Børn, unge og forældre (c) Beskæftigelse")
    ['(a) Tryghed og trivsel', '(b) Børn, unge og forældre', '(c) Beskæftigelse']
    """
    first = _COUNTED_FIRST.match(line)
    if first is None:
        return [line]
    code, items, at = first.group(1), [], 0
    while True:
        code = chr(ord(code) + 1) if not code.isdigit() else str(int(code) + 1)
        found = re.compile(rf"\s\({code}\)\s").search(line, at + 3)
        if found is None:
            break
        nxt = found.start()
        items.append(line[at:nxt].strip())
        at = nxt + 1
    return items + [line[at:].strip()] if items else [line]


_COUNTED_FIRST = re.compile(r"^\(([aA1])\)\s+[A-ZÆØÅ]")


# what sends a line through :func:`clean_line`'s steps (each a step's own precondition, looked for as a
# string): a hyphen pdfium gave as U+FFFE and the characters mapped (fix_characters), markup (clean_markup),
# white space, a colon, an e-mail or slashed fields (tidy_whitespace); the single characters (found at
# memchr's speed) apart from the longer strings, each of those looked for by its rarer character
_LINE_WORK = ("\ufffe", "<", "*", "&", "•", "|", "\t", "@", *(chr(c) for c in _CHAR_MAP))
_LINE_WORK_PAIRS = (("](", "]"), (" :", ":"), (" / ", "/"), ("  ", "  "))


def clean_page(lines: Sequence[str], cleaned: dict[str, list[str]], text: str | None = None) -> None:
    """:func:`clean_line` of each of a page's ``lines`` not in ``cleaned`` yet, put in ``cleaned``: the same
    parts, with the steps' preconditions told for the whole page ``text`` (``"\\n".join(lines)``; no
    line holds a line break). A line holding none of the strings the steps look for (``_LINE_WORK``),
    found by searching the page for each, in NFC (told for the page: a line break composes with nothing,
    so a page in NFC has its lines in NFC), not opening with "#" and holding no token that may count
    towards a letter-spaced line (:func:`~samspil.loaders.letterspacing.counting_tokens` of the page's
    tokens, found in the page; a line that holds one is tested) is that line stripped, a hyphen inside
    it then joined as :func:`~samspil.loaders.line_joins.dehyphenate_inline` joins it and "Læs mere" cut
    off as :func:`~samspil.loaders.webcopy.split_read_more` cuts it; any other line goes through every step.

    >>> cleaned = {}
    >>> clean_page(["  Formål : At styrke ", "Ak t i v i te tsnavn :", "Læs mereUng Kraft", "", "i sam- arbejde med"], cleaned)
    >>> [cleaned[k] for k in ("  Formål : At styrke ", "Ak t i v i te tsnavn :", "Læs mereUng Kraft", "", "i sam- arbejde med")]
    [['Formål: At styrke'], ['Aktivitetsnavn:'], ['Læs mere', 'Ung Kraft'], [''], ['i samarbejde med']]
    """
    if text is None:
        text = "\n".join(lines)
    if not (text.isascii() or unicodedata.is_normalized("NFC", text)):
        for line in lines:  # (decomposed letters: each line through every step)
            if line not in cleaned:
                cleaned[line] = clean_line(line)
        return
    ends = list(map(add, accumulate(map(len, lines)), count(1)))  # (where each next line starts in ``text``: the
    # lengths so far and a line break after each, summed in C)
    busy = _lines_holding(text, ends, [(s, s) for s in _LINE_WORK if s in text]
                          + [(s, c) for s, c in _LINE_WORK_PAIRS if c in text])
    counting = counting_tokens(text.split())
    tested = _lines_holding_tokens(text, ends, counting) if counting else ()
    for k, line in enumerate(lines):
        if line in cleaned:
            continue
        if k not in busy:
            stripped = line.strip()
            if not stripped:
                cleaned[line] = [""]
                continue
            if stripped[:1] != "#" and not (stripped[1:2] == " " and stripped[3:4] == " ") \
                    and (k not in tested or (not is_letter_spaced(stripped) if len(stripped) < SPACED_RUN_LINE
                                             else not spaced_runs(stripped))):  # (" S T R A": spaced capitals; a
                # page run together)
                if "- " in stripped:
                    stripped = dehyphenate_inline(stripped)
                cleaned[line] = split_read_more(stripped) if stripped[:1] in "LSR" else [stripped]
                continue
        cleaned[line] = clean_line(line)


def _lines_holding(text: str, ends: list[int], strings: Sequence[tuple[str, str]]) -> set[int]:
    """Indexes of the lines (``ends``: where each next one starts in ``text``) holding one of
    ``strings``, each ``(string, a character of it looked for first)``."""
    found: set[int] = set()
    for s, c in strings:
        back = s.index(c)
        at = text.find(c)
        while at >= 0:
            if back and (at < back or not text.startswith(s, at - back)):
                at = text.find(c, at + 1)
                continue
            k = bisect_right(ends, at)
            found.add(k)
            at = text.find(c, ends[k]) if k + 1 < len(ends) else -1
    return found


def _lines_holding_tokens(text: str, ends: list[int], tokens: set[str]) -> set[int]:
    """Indexes of the lines (``ends``: where each next one starts in ``text``) holding one of ``tokens``
    as a token (white space or an end on either side)."""
    found: set[int] = set()
    end = len(text)
    for tok in tokens:
        n = len(tok)
        at = text.find(tok)
        while at >= 0:
            if (at == 0 or text[at - 1].isspace()) and (at + n == end or text[at + n].isspace()):
                k = bisect_right(ends, at)
                found.add(k)
                at = text.find(tok, ends[k]) if k + 1 < len(ends) else -1
            else:
                at = text.find(tok, at + 1)
    return found


_BLOCK_OPEN = re.compile(r"<(nav|script|style)\b[^>]*>", re.I)
_CRUMBS = re.compile(r"crumb|brødkrumme|broedkrumme|sti\b", re.I)
_CRUMB_MARKS = re.compile(r" (?:>|&gt;|›|»|/) |Du er her", re.I)


def without_page_blocks(lines: Sequence[str]) -> list[str]:
    """A web page's lines with its menus (``<nav>``, not a breadcrumb trail), scripts and styles
    blanked (each line kept, so the lines keep their numbers): a menu's links ("Borger | Erhverv |
    Politik") are no title, a script's data no text.

    >>> without_page_blocks(["<nav><a>Borger</a> |", "<a>Politik</a></nav>", "<h1>Give Vest</h1>"])
    ['', '', '<h1>Give Vest</h1>']
    """
    out: list[str] = []
    open_tag = None
    for line in lines:
        kept, at = [], 0
        while at <= len(line):
            if open_tag is None:
                m = _BLOCK_OPEN.search(line, at)
                if m is None:
                    kept.append(line[at:])
                    break
                if _CRUMBS.search(m.group(0)) or m.group(1).lower() == "nav" and _CRUMB_MARKS.search(line, m.end()):
                    # a breadcrumb trail ("Forside > Bolig > X", by its class or its marks) is the page's own text
                    kept.append(line[at:m.end()])
                    at = m.end()
                    continue
                kept.append(line[at:m.start()])
                open_tag, at = m.group(1).lower(), m.end()
            else:
                end = line.lower().find(f"</{open_tag}>", at)
                if end < 0:
                    break
                at, open_tag = end + len(open_tag) + 3, None
        out.append("".join(kept))
    return out


_ASIDE = re.compile(r"<aside\b[^>]*>(.*?)</aside>", re.I | re.S)
# the heading of a box of links to other pages: "Relateret", "Se også", "Læs også", "Andre indsatser"
_RELATED = re.compile(r"<h[1-6][^>]*>\s*(?:Relatere(?:t|de)(?:\s+\w+)?|Se også|Læs også|Læs mere|Andre\s+\w+|Genveje|Links)\s*"
                      r"</h[1-6]>", re.I)


def without_related_links(lines: Sequence[str]) -> list[str]:
    """A web page's lines with its boxes of links to other pages (``<aside>`` under a heading such as
    "Relateret" or "Se også", or holding nothing but links) blanked, each line kept: another page's title
    is no activity of this one (an aside with facts or a contact is kept).

    >>> without_related_links(["<p>X</p>", "<aside><h3>Relateret</h3><ul><li><a href='/k'>Indsats i Kokkedal</a></li>",
    ...                        "</ul></aside>"])
    ['<p>X</p>', '', '']
    """
    text = "\n".join(lines)

    def blank(m: re.Match) -> str:
        body = m.group(1)
        items = re.findall(r"<li\b[^>]*>(.*?)</li>", body, re.I | re.S)
        links_only = bool(items) and all(re.fullmatch(r"\s*<a\b[^>]*>[^<]*</a>\s*", item, re.I) for item in items)
        return "\n" * m.group(0).count("\n") if _RELATED.search(body) or links_only else m.group(0)

    return _ASIDE.sub(blank, text).split("\n")


def normalise(raw_lines: Sequence[str], origins: Sequence[Origin], *,
              pdf: bool = False, cleaned: dict[str, list[str]] | None = None, ascii_spelt: bool | None = None
              ) -> tuple[list[str], list[Origin]]:
    """Raw lines with their origins -> normalised lines with origins.

    ``pdf`` turns on hard-wrap joining; it is also on for text that
    :func:`looks_like_pdf_text`. ``cleaned``: :func:`clean_line` of raw lines worked out
    already (the PDF reader cleans each page's lines as the page comes); a line
    not in it is cleaned here. ``ascii_spelt``: whether the text is Danish spelt without
    æ, ø and å (:func:`looks_ascii_danish`, told here when not given).

    >>> normalise(["<p>Aftalens parter:</p>", "", "", "Ak t i v i te tsnavn :  "],
    ...           [(1, None), (2, None), (3, None), (4, None)])
    (['Aftalens parter:', '', 'Aktivitetsnavn:'], [(1, None), (2, None), (4, None)])
    """
    raw_lines, origins = strip_web_wrapper(raw_lines, origins)
    if lost_letter_words(raw_lines):  # "M?lgruppe", "Indsatsomr?de": æ, ø and å lost to question marks
        raw_lines = [restore_lost_letters(line) for line in raw_lines]  # (loaders/ascii_danish.py)
    raw_lines = accordion_heads(raw_lines)  # "+ Uddannelse og livschancer": a web page's folded section's head
    if not pdf and any("<nav" in line or "<script" in line for line in raw_lines):
        raw_lines = without_page_blocks(raw_lines)
    if not pdf and any("<aside" in line for line in raw_lines):
        raw_lines = without_related_links(raw_lines)  # a web page's box of links to other pages  # a web page's menus and scripts over several lines
    if not pdf and any("BEGIN:VC" in line or "begin:vc" in line for line in raw_lines):  # (no copy of the text)
        raw_lines = vcard_lines(raw_lines)  # contact cards from an address book (loaders/vcards.py)
    if not pdf and looks_like_wikitext(raw_lines):
        raw_lines = wiki_lines(raw_lines)  # a wiki page's markup (loaders/wikitext.py), line for line
    if not pdf and looks_structured(raw_lines) and (rendered := structured_lines(raw_lines)) is not None:
        raw_lines, origins = rendered, _rendered_origins(rendered, raw_lines, origins)  # a YAML/JSON export
    if looks_like_email(raw_lines):  # a thread the agreement was forwarded in (loaders/email_text.py)
        raw_lines = [clean_email(line) for line in raw_lines]
    wrap = pdf or looks_like_pdf_text(raw_lines)  # (its page footers tell, before they are blanked)
    if not pdf:  # (the PDF reader drops its pages' margins itself)
        raw_lines, origins = drop_running_lines(raw_lines, origins)
        raw_lines = drop_inline_running_heads(raw_lines)
    if not pdf:  # a two-column page copied with its layout: each column read in turn; people's cards side by
        raw_lines, origins = split_cards(*split_columns(raw_lines, origins))  # side, each card in turn (text_columns.py)
        raw_lines = tab_signatures(raw_lines)  # signatures side by side in columns of spaces: their cells tabbed
    if not pdf:  # a spreadsheet's rows pasted as CSV ("aktivitet;indsatsomraade;maalgruppe"): tab rows
        raw_lines = csv_tables(raw_lines)
    if any(" | " in line for line in raw_lines):  # a pipe table typed without outer pipes or a rule, under its
        raw_lines = headed_pipe_rows(raw_lines)  # head row: a markdown table's rows (before indented lines are joined)
    raw_lines = [drop_name_initials(line) if ")" in line else line for line in raw_lines]  # "Lene Brix (LHB), ..."
    raw_lines = drop_note_marks(read_all_symbols(boxed_cards(raw_lines)))  # pictographs as bullets, check boxes, unfilled
    # form fields; note marks glued to a word ("Køge Kommune[1]")
    raw_lines = drop_legend_tags(raw_lines)  # "[F] A1 Lektiecafé" under "Signatur: [F] = forankres, ..."
    raw_lines = email_last(raw_lines)  # "khl@x.dk  – Kathrine Holm – konsulent, ...": the e-mail after the entry
    raw_lines = dash_label_lines(raw_lines)  # "Partnere — A — B": "Partnere: A, B" (loaders/dash_labels.py)
    raw_lines = key_value_rows(raw_lines)  # a fact sheet's fields in two columns of spaces: "Key: value"
    if not wrap and not wrap_width(raw_lines):  # a list item's hard-wrapped lines, indented under its text: one line (a text
        raw_lines = join_item_continuations(raw_lines)  # file's list; a program's wrap is joined below)
    raw_lines, glued = template_label_lines(raw_lines)  # "Målgruppe for aktiviteten:": "Målgruppe(r):";
    # "Aktivitetsnavn Lektiecafé": "Aktivitetsnavn: Lektiecafé" (loaders/bare_labels.py)
    tabbed = raw_lines  # (the file's own tab tables: a grid's or spaces' cells made tabs below are not)
    raw_lines = join_pipe_continuations(outer_pipes(raw_lines))  # a pipe table's wrapped cells on rows of their own
    # (its outer pipes given first, where it was typed without them)
    raw_lines = tab_space_tables(cell_lines_tables(raw_lines))  # before spaces are squeezed: a table's columns
    raw_lines = people_column_rows(raw_lines)  # "Name<spaces>title, unit" without a head row (people_columns.py)
    if not pdf:  # a PDF's table read column by column ("Navn", the names, "Funktion", ...: column_tables.py)
        raw_lines = column_lines_tables(raw_lines)
    gapped = rows_with_empty_cells(tabbed, raw_lines)
    if looks_ocred(raw_lines):  # a scan's text layer: "he1hedsplan", "Kornmune" (loaders/ocr.py)
        raw_lines = [repair_ocr(line) for line in raw_lines]
    if looks_ascii_danish(raw_lines) if ascii_spelt is None else ascii_spelt:  # "Maalgruppe" (loaders/ascii_danish.py)
        raw_lines = [restore_letters(line) for line in raw_lines]
    elif _spelt_label_words(raw_lines):  # a label's word spelt without the Danish letters ("Indsatsomraader")
        raw_lines = [restore_label_words(line) for line in raw_lines]
    lines: list[str] = []
    orig: list[Origin] = []
    known = cleaned.get if cleaned is not None else {}.get
    for k, (raw, origin) in enumerate(zip(raw_lines, origins)):
        if gapped and k in gapped:  # a table's row with empty cells: each cell cleaned on its own, the gaps kept
            lines.append("\t".join(" ".join(clean_line(cell)) for cell in raw.rstrip("\n").split("\t")).rstrip("\t"))
            orig.append(origin)
            continue
        parts = known(raw)
        if parts is None:
            parts = clean_line(raw)
        if len(parts) == 1:  # (most lines)
            lines.append(parts[0])
            orig.append(origin)
        else:
            lines += parts
            orig += [origin] * len(parts)
    if glued:  # "Lektiecafé LanghøjMålgruppe: ...": the field a line of its own
        lines, orig = glued_label_lines(lines, orig)
    if wrap:
        lines, orig = join_wrapped(lines, orig, _column_width(lines, raw_lines))
    elif width := wrap_width(raw_lines):  # (wrapped by a program: a line is full when the next word
        lines, orig = join_wrapped(lines, orig, -width)  # would not have fit on it)
    elif any(line.endswith("-") for line in lines):
        lines, orig = join_name_hyphens(lines, orig)
    lines, orig = join_contact_details(*join_open_brackets(lines, orig))
    if any("\t" in line or "|---" in line for line in lines):  # a table of activities turned sideways: a record
        # per activity
        lines, orig = transposed_tables(lines, orig)  # (loaders/transposed_tables.py)
    return collapse_blank_lines(lines, orig)
