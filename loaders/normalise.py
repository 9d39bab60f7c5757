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
5. :func:`join_wrapped` - only for PDF text (or text that looks like it,
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
from collections import Counter
from collections.abc import Sequence

from samspil.loaders.letterspacing import repair_letter_spacing, word_score
from samspil.loaders.webcopy import strip_web_wrapper

__all__ = [
    "Origin", "normalise", "fix_characters", "clean_markup", "tidy_whitespace",
    "looks_like_pdf_text", "join_wrapped", "text_width", "collapse_blank_lines", "strip_repeated_margins",
]

Origin = tuple[int | None, int | None]

_CHAR_MAP = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
    "\r": None, "\x0c": None, "\uf0b7": "•", "\uf0a7": "•", "\u25aa": "•", "\u25cf": "•",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
})
_MAPPED = re.compile("[" + "".join(re.escape(chr(c)) for c in _CHAR_MAP) + "]")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:|www\.)[^>\s]+)>", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\([^)\s]*\)")
_BLOCK_TAG = re.compile(r"</?(?:p|ul|ol|li|br|div|tr|table|tbody|thead|h[1-6])\b[^>]*>", re.I)
_CELL_GAP = re.compile(r"</t[dh]>\s*<t[dh]\b[^>]*>", re.I)
_INLINE_TAG = re.compile(
    r"</?(?:i|b|u|em|strong|span|a|sup|sub|font|small|mark|s|del|ins|td|th|o:p)\b[^>]*>", re.I)
_CELL_STARS = re.compile(r"(?<=\S)\*{3,}(?=\S)")  # "**A****B**": two emphasised cells
_LABEL_STARS = re.compile(r"(?<=:)\*{1,2}(?=[^\s*])")  # "Aktivitetsnavn:**Styrket"
_EMPH_STARS = re.compile(r"(?<=\S)\*{1,3}|\*{1,3}(?=\S)")
_SPACES = re.compile(r" {2,}")
_TAB_GAP = re.compile(r" ?\t[ \t]*")
_SPACE_COLON = re.compile(r"(?<=[^\W\d_)]) :(?=[\s\t]|$)")
_BULLET_SPLIT = re.compile(r"\s*(?=•)")
_OL_ITEM = re.compile(r"(?<=[^\s\d])(?=\d{1,2}\. [A-ZÆØÅ])")  # "Enghave2. Involvering"


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
        head = _dehyphenate(head + "-", tail) or f"{head}-{tail}"
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
    if "<" in line:
        is_ordered = "<ol" in line.lower()
        line = _CELL_GAP.sub("\t", line)  # a table's cells keep their gap (a tab, as the readers give)
        line = _AUTOLINK.sub(r"\1", line)
        line = _BLOCK_TAG.sub("\n", line)
        line = _INLINE_TAG.sub("", line)
        if is_ordered:
            line = _OL_ITEM.sub("\n", line)
    if line.startswith("#"):
        line = _MD_HEADING.sub("", line)
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    if "*" in line:
        line = _CELL_STARS.sub("\n", line)
        line = _LABEL_STARS.sub(" ", line)
        line = _EMPH_STARS.sub("", line)
    if "&" in line:
        line = html.unescape(line)
    if "•" in line:
        line = _BULLET_SPLIT.sub("\n", line)
    if "\n" not in line:  # (the common case: one part)
        return [line.strip(" ")] if line.strip() else [""]
    parts = [p.strip(" ") for p in line.split("\n")]
    kept = [p for p in parts if p.strip()]
    return kept or [""]


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
    """
    if "  " in line:
        line = _SPACES.sub(" ", line)
    if "\t" in line:
        line = _TAB_GAP.sub("\t", line)
    if " :" in line:
        line = _SPACE_COLON.sub(":", line)
    return line.strip()


def looks_like_pdf_text(raw_lines: Sequence[str]) -> bool:
    """True for text files that are PDF extractions (most lines end in a space).

    >>> looks_like_pdf_text(["Den nye plan bygger ", "på Amagerplanen. ", "", "Zonerne "] * 5)
    True
    >>> looks_like_pdf_text(["Et afsnit pr. linje.", "Endnu et."] * 10)
    False
    """
    nonblank = [ln for ln in raw_lines if ln.strip()]
    trailing = sum(1 for ln in nonblank if ln.endswith((" ", "\t")))
    return len(nonblank) >= 10 and trailing >= 0.5 * len(nonblank)


_ITEM_START = r"^(?:[•\-–*▪]\s|\d{1,2}[.)]\s|\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-ZÆØÅ]|[a-zæøå][.)]\s|Zone\s+\d"
_KEEPS_OWN_LINE = re.compile(_ITEM_START + r"|[A-ZÆØÅ(][^\s:,]{0,30}(?:\s[^\s:,]{1,20}){0,5}\s?:(?:\s|$))")
_ITEM_LINE = re.compile(_ITEM_START + ")")  # (the same on a line without a colon: it holds no label)
_CONJUNCTION_END = (",", " og", " eller", " samt", " i", " på", " til", " for", " med", " af",
                    " fra", " ved", " v.", " &")
MIN_WRAP_WIDTH = 38  # below this, lines are not body text and "full" means nothing (a column of a
# two-column page holds ~40-50 characters)
_SENTENCE_END = (".", ":", "!", "?", ";")
_NEXT_CONJ = re.compile(r"^(?:og|eller|samt|til)\b")
# "... Mathilde G." (a middle initial), "Områdefornyelsen Gl." (a place's abbreviation): no sentence end
_INITIAL_END = re.compile(r"\s[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ]\.$|\s(?:Gl|Sdr|Nr|Ndr|Sct|Skt|St|Ll|Vr|Øvr|Kgs|Kbh)\.$|/(?:Kgs|Sdr|Nr|Gl)\.$")


def _record_end(line: str) -> bool:
    """Does the line end with an e-mail, URL or number (the end of a contact record)? A
    short number is part of a name ("Agent 21")."""
    last = line.rsplit(None, 1)[-1] if line.strip() else ""
    return "@" in last or last.startswith(("http://", "https://", "www.")) or last[-1:].isdigit() and (
        sum(c.isdigit() for c in last) >= 4 or len(line) == len(last) or _PHONE_END.search(line) is not None) \
        or _ALIAS_END.search(line) is not None


_FORM_KEY_END = re.compile(r"\S.*,\s*(?:Titel|Stilling|Funktion|E-?mail|Mail|Telefon|Tlf\.?|Mobil)\s*:$", re.I)
_FORM_KEY_TAIL = re.compile(r"\s*(?:Titel|Stilling|Funktion|E-?mail|Mail|Telefon|Tlf\.?|Mobil)\s*:", re.I)


def _ends_form_key(text: str) -> bool:
    """``_FORM_KEY_END.search(text)`` for a text without line breaks, reading its end only
    (the search tries every start and runs to the end from each: on a paragraph joined
    so far, called for every line of it, that cost ~45 ms a dense 48-page PDF). A key has
    no comma: only the text after the last comma can be the key, after something not blank.

    >>> _ends_form_key("Anna Holm, leder, Titel:"), _ends_form_key(", Titel:"), _ends_form_key("Anna, Titel")
    (True, False, False)
    """
    head, comma, tail = text.rpartition(",")
    return bool(comma) and bool(head) and not head.isspace() and _FORM_KEY_TAIL.fullmatch(tail) is not None
_PHONE_END = re.compile(r"\d{2} \d{2} \d{2} \d{2}$|\d{4} \d{4}$")


# a party entry's "(efterfølgende omtalt som AKB)": the entry ends there
_ALIAS_END = re.compile(r"\((?:efterfølgende|herefter|i det følgende)\s+(?:omtalt|benævnt|kaldet)\s+som\s+[^()]+\)$")


def _name_wrapped(last: str, line: str) -> bool:
    """A contact's name broken after the first name ("Kontaktperson: Afdelingschef Jesper"
    + "Lang-Jensen, Mobil: ..."): the next line begins with the surname.

    >>> _name_wrapped("Kontaktperson: Afdelingschef Jesper", "Lang-Jensen, Mobil: 2199 6280")
    True
    >>> _name_wrapped("Kontaktperson: Afdelingschef Jesper Lund", "Lejerbo København")
    False
    """
    from samspil.loaders.extract.people import is_first_name

    words = last.split()
    first = line.split(None, 1)[0].rstrip(",") if line.split() else ""
    return (len(words) >= 2 and is_first_name(words[-1]) and ":" in last and "@" not in last
            and first[:1].isupper() and first[1:2].islower() and not is_first_name(first))


# a name broken after its head noun ("Aftalens parter: Boligforeningen" + "Ungdomsboliger i
# Esbjerg") or before "Kommune" ("... og Esbjerg" + "Kommune"): one name across two lines
_NAME_HEAD_END = re.compile(r"(?:^|\s)(?:Boligforeningen|Boligselskabet|Andelsboligforeningen|Foreningen)$")
_KOMMUNE_START = re.compile(r"Kommunes?(?=$|[\s.,;:])")


def _starts_lower(line: str) -> bool:
    """A line that can only continue the one before: lower case first, or a slash
    ("Red Barnet" + "/København City")."""
    return bool(line) and (line[0].islower() or line[0] == "/" or line.startswith("(efterfølgende "))


def _keeps_own_line(line: str) -> bool:
    """Label lines, bullets, numbered items and zone lines never get joined onto.

    >>> [_keeps_own_line(s) for s in ("Kontaktperson: Anna", "Målgruppe(r):", "• punkt",
    ...  "Zone 2) Gullandsgården", "og unge i området", "1. Kort om boligområdet",
    ...  "Haahr Mogensen, sundhedsplejerske: bz3x@kk.dk", "5.1.3 Foreningsguider", "2.500 beboere")]
    [True, True, True, True, False, True, False, True, False]
    """
    return (_KEEPS_OWN_LINE if ":" in line else _ITEM_LINE).match(line) is not None


def _dehyphenate(head: str, tail: str) -> str | None:
    """Join ``head`` ending in "<letter>-" with ``tail``; None when it is no word break.

    >>> _dehyphenate("styrke udsatte børnefa-", "milier i området")
    'styrke udsatte børnefamilier i området'
    >>> _dehyphenate("palle.skov@aeldresagen-", "post.dk")
    'palle.skov@aeldresagen-post.dk'
    >>> _dehyphenate("Børne-", "og Ungdomsforvaltningen")
    'Børne- og Ungdomsforvaltningen'
    """
    if not head.endswith("-") or not tail:
        return None
    word = head.rsplit(None, 1)[-1][:-1]
    if not word or not (word[-1].isalpha()):
        return None
    if _NEXT_CONJ.match(tail):
        return f"{head} {tail}"  # "Kultur- og fritid": a real hyphen before a conjunction
    if not tail[0].isalnum():
        return None
    if any(c in word for c in "@./") or word.isupper() or not tail[0].islower():
        return head + tail  # e-mail, URL, "NEET-unge", "Superkræfter-Forløb": keep the hyphen
    first = re.match(r"[^\W\d_]*", tail).group(0)
    joined = word.split("-")[-1] + first
    hyphened = word_score(first) > -12 and word_score(word.split("-")[-1]) > -12
    if hyphened and word_score(joined) < -40:
        return head + tail  # two known words and no joined word: a real compound hyphen
    return head[:-1] + tail


_INLINE_BREAK = re.compile(r"- (?<=[^\W\d_]- )(?=[a-zæøå])")  # (opens with its literal: the engine skips to "- ")


def dehyphenate_inline(line: str) -> str:
    """A word broken at a line end whose lines were later run together ("Socialforvalt-
    ningen", "Ran- ders" in a web copy) is whole again; compounds keep their hyphen
    ("Børne- og Unge", "Kultur- og fritid").

    >>> dehyphenate_inline("i sam- arbejde med Socialforvalt- ningen og Børne- og Ungdomsforvaltningen")
    'i samarbejde med Socialforvaltningen og Børne- og Ungdomsforvaltningen'
    """
    out, pos = [], 0
    for m in _INLINE_BREAK.finditer(line):
        head, tail = line[pos:m.start() + 1], line[m.end():]
        joined = _dehyphenate(head, tail)
        if joined is not None and joined == head[:-1] + tail:
            out.append(head[:-1])
            pos = m.end()
    return "".join(out) + line[pos:] if out else line


_NAME_COLON = re.compile(r"^[A-ZÆØÅ][\wæøå-]*(?:\s[A-ZÆØÅa-zæøå][\wæøå-]*){0,3}:\s")


def _wrapped_name(last: str, line: str) -> bool:
    """'... Bolig Korsør: Dato Navn Slagelse' + 'Boligselskab: Dato Navn': a name that
    wrapped before its colon, not a template label starting a new line.

    >>> _wrapped_name("Bolig Korsør: Dato Navn Slagelse", "Boligselskab: Dato Navn")
    True
    >>> _wrapped_name("Bolig Korsør: Dato Navn Slagelse", "Kontaktperson: Anne Holm")
    False
    """
    from samspil.loaders.segment import starts_with_label

    tail = last.rsplit(None, 1)[-1] if last.strip() else ""
    return (tail[:1].isupper() and not tail.endswith(":") and bool(_NAME_COLON.match(line))
            and not starts_with_label(line))


def _caps_heading_wrap(last: str, line: str, width: int) -> bool:
    """An upper-case heading wrapped in a narrow column: 'KONFLIKTHÅNDTERING OG BEDRE' +
    'MULIGHEDER BLANDT UNGE' (capitals are wide: the line holds fewer characters).

    >>> _caps_heading_wrap("KONFLIKTHÅNDTERING OG BEDRE", "MULIGHEDER BLANDT UNGE Rollemodeller", 45)
    True
    >>> _caps_heading_wrap("SUNDHED", "NYE SAMARBEJDSPARTNERE", 45)
    False
    """
    if not (width >= MIN_WRAP_WIDTH and len(last) >= 0.55 * width and last.isupper()):
        return False  # (the common case, told before the line is split)
    words = line.split()
    return (len(words) >= 2 and words[0].isupper() and not last.endswith(_SENTENCE_END)
            and (words[1].isupper() or last.endswith((",", " OG", " I", " FOR", " AF", " TIL", " MED", " PÅ"))))


_DETAIL_START = re.compile(r"^(?:[\w.+-]+@[\w-]+\.[\w.]+|\+?(?:\d{2} ?){3}\d{2}\b)")
_DETAIL_LEAD = re.compile(r"(?::|\b(?:[Tt]lf|[Tt]elefon|[Mm]obil|[Nn]r|[Mm]ail|e-mail)\.?:?|/|@[\w.-]+\.[a-z]{2,},)$")
_PHONE_HEAD = re.compile(r"(?:^|[\s,:/])(\d{2}(?: \d{2}){0,2})$")
_PHONE_TAIL = re.compile(r"^(\d{2}(?: \d{2}){0,2})\b")


def _detail_wrapped(last: str, line: str) -> bool:
    """A contact's e-mail or phone on the next line after its lead ('..., koordinator:' +
    'bz3x@kk.dk'; 'Tlf. Nr.' + '29113690'), or a phone number cut in two ('30 57 28' + '60').

    >>> _detail_wrapped("leder: ux3d@kk.dk, 30 57 28", "60 og Lone Haahr Mogensen")
    True
    >>> _detail_wrapped("faglig koordinator:", "bz3x@kk.dk"), _detail_wrapped("I alt 2019", "2020 boliger")
    (True, False)
    >>> _detail_wrapped("Lokal Politi, Jesper Nielsen, jni049@politi.dk,", "72589286")
    True
    """
    if _DETAIL_START.match(line) and _DETAIL_LEAD.search(last):  # (the anchored test first: cheaper)
        return True
    tail = _PHONE_TAIL.match(line)
    head = _PHONE_HEAD.search(last) if tail else None
    return bool(head and tail) and len((head.group(1) + tail.group(1)).replace(" ", "")) == 8


def text_width(lines: Sequence[str]) -> int:
    """Typical full-line length in characters (90th percentile of non-blank lines).

    >>> text_width(["x" * n for n in range(1, 101)])
    90
    """
    lengths = sorted(len(ln) for ln in lines if ln.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _full(last: str, line: str, paragraph: str, width: int) -> bool:
    """Was ``last`` (a physical line) broken by the column, not by its writer? It is near
    the width, or the next line's first word would not have fit on it - inside a paragraph
    already wrapped or after a lower-case word (a list's short lines, each ending in a
    name, stay apart) - and it ends no sentence or record."""
    if width < MIN_WRAP_WIDTH or not last:
        return False
    tail = last.split()[-1]
    near = len(last) >= 0.8 * width
    word_did_not_fit = (line and len(last) > 0.5 * width and (len(paragraph) > len(last) or tail.isalpha()
                                                              and tail.islower())
                        and len(last) + 1 + len(line.split(None, 1)[0]) > width)
    return bool((near or word_did_not_fit)
                and (not last.endswith(_SENTENCE_END) or _INITIAL_END.search(last) is not None)
                and not _record_end(last))


def join_wrapped(lines: Sequence[str], origins: Sequence[Origin], width: int = 0
                 ) -> tuple[list[str], list[Origin]]:
    """Join PDF hard wraps and hyphenated line breaks; a joined line keeps its first origin.

    A line is joined to the next when that one starts in lower case, when it
    ends with a comma or conjunction, or when it is full (at least 80% of
    ``width`` characters) and does not end a sentence. Never onto a label,
    bullet, numbered item or zone line, never after a colon, never a table's row (tabs).

    >>> join_wrapped(["Konkrete aftaler om de lokale", "kommunale institutioner.", "Kontaktperson: Anna"],
    ...              [(1, 1), (2, 1), (3, 1)])
    (['Konkrete aftaler om de lokale kommunale institutioner.', 'Kontaktperson: Anna'], [(1, 1), (3, 1)])
    >>> join_wrapped(["Frivillige foreninger, Røde Kors, Red Barnet Ungdom, KFUM spejderne",
    ...               "Sydhavn"], [(None, 1)] * 2, width=70)[0]
    ['Frivillige foreninger, Røde Kors, Red Barnet Ungdom, KFUM spejderne Sydhavn']
    """
    out: list[str] = []
    orig: list[Origin] = []
    physical = ""  # the previous line as it was, before any joining
    for line, origin in zip(lines, origins):
        last, physical = physical, line
        full = _full(last, line, out[-1] if out else "", width)
        full = full or _caps_heading_wrap(last, line, width)
        if "\t" in line or "\t" in last:  # a table's row (cells tabbed by the reader) is whole
            out.append(line)
            orig.append(origin)
            continue
        if out and out[-1] and line and (not _keeps_own_line(line) or full and _wrapped_name(last, line)):
            prev = out[-1]
            joined = _dehyphenate(prev, line)
            runs_on = prev.endswith(_CONJUNCTION_END) and not _record_end(last.rstrip(", "))
            if joined is None and (prev.endswith(":") and _ends_form_key(prev) or not prev.endswith(":") and (
                    _starts_lower(line) or runs_on or full)):
                joined = f"{prev} {line}"  # (a form's "Titel:" whose value wrapped joins it)
            if joined is None and (_detail_wrapped(last, line) or _name_wrapped(last, line)
                                   or _NAME_HEAD_END.search(last) or _KOMMUNE_START.match(line)):
                joined = f"{prev} {line}"
            if joined is not None:
                out[-1] = joined
                continue
        out.append(line)
        orig.append(origin)
    return out, orig


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


def _margin_keys(line: str, page: int) -> set[tuple[str, int | None]]:
    """Keys under which a margin line can repeat: its exact text, and its text
    with digits masked paired with each "number minus page index" (a page
    number moves with the page; other numbers do not)."""
    text = " ".join(line.split()).lower()
    numbers = [int(n) for n in _NUMBER.findall(text)[:4]]
    masked = _NUMBER.sub("#", text)
    return {(text, None)} | {(masked, n - page) for n in numbers}


def _margin_slots(page: Sequence[str], depth: int) -> dict[int, str]:
    """Index -> slot name ("t0", "t1", "b0", ...) of the first/last non-blank lines."""
    idx = [i for i, ln in enumerate(page) if ln.strip()]
    slots = {i: f"b{k}" for k, i in enumerate(reversed(idx[-depth:]))}
    slots.update({i: f"t{k}" for k, i in enumerate(idx[:depth])})
    return slots


def strip_repeated_margins(pages: Sequence[Sequence[str]], depth: int = 2) -> list[list[str]]:
    """Drop running headers/footers from PDF pages.

    A line is dropped when the same text sits in the same slot - one of the
    first or last ``depth`` non-blank lines - on at least half of 3+ pages.
    Digits may differ only as page numbers do (same offset from the page
    index), so "Side 3 af 20" repeats but "I alt 436 lejemål" does not.
    Label lines ending in ":" are never dropped (an activity may start
    every page).

    >>> pages = [["Amagerplanen 2026", f"Zone {z}", f"ligger i {z}", f"Side {i} af 4"]
    ...          for i, z in enumerate("ABCD", 1)]
    >>> strip_repeated_margins(pages)[1]
    ['Zone B', 'ligger i B']
    """
    if len(pages) < 3:
        return [list(p) for p in pages]
    slots = [_margin_slots(p, depth) for p in pages]
    keys = [{i: _margin_keys(page[i], number) for i in sl} for number, (page, sl) in enumerate(zip(pages, slots))]
    counts: Counter[tuple] = Counter()
    for sl, page_keys in zip(slots, keys):
        counts.update({(s, *k) for i, s in sl.items() for k in page_keys[i]})
    repeated = {k for k, n in counts.items() if n >= max(3, len(pages) / 2)}

    def is_margin(line: str, slot: str, line_keys: set) -> bool:
        return not line.rstrip().endswith(":") and any((slot, *k) in repeated for k in line_keys)

    return [[ln for i, ln in enumerate(page) if i not in sl or not is_margin(ln, sl[i], page_keys[i])]
            for page, sl, page_keys in zip(pages, slots, keys)]


def normalise(raw_lines: Sequence[str], origins: Sequence[Origin], *,
              pdf: bool = False) -> tuple[list[str], list[Origin]]:
    """Raw lines with their origins -> normalised lines with origins.

    ``pdf`` turns on hard-wrap joining; it is also on for text that
    :func:`looks_like_pdf_text`.

    >>> normalise(["<p>Aftalens parter:</p>", "", "", "Ak t i v i te tsnavn :  "],
    ...           [(1, None), (2, None), (3, None), (4, None)])
    (['Aftalens parter:', '', 'Aktivitetsnavn:'], [(1, None), (2, None), (4, None)])
    """
    raw_lines, origins = strip_web_wrapper(raw_lines, origins)
    wrap = pdf or looks_like_pdf_text(raw_lines)
    lines: list[str] = []
    orig: list[Origin] = []
    for raw, origin in zip(raw_lines, origins):
        for part in clean_markup(fix_characters(raw)):
            part = tidy_whitespace(repair_letter_spacing(part))
            lines.append(dehyphenate_inline(part) if "- " in part else part)
            orig.append(origin)
    if wrap:
        lines, orig = join_wrapped(lines, orig, text_width(lines))
    return collapse_blank_lines(lines, orig)
