"""Small text helpers shared by the extractors (patterns, cleaning, labels)."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, count
from operator import add

__all__ = ["EMAIL", "PHONE", "clean", "details_only", "drop_citations", "single_spaced", "tidy_og_hyphen", "clean_keep_colon", "digits", "holding_lines", "lines_to_read", "markup_free", "may_hold", "strip_links", "strip_markup"]

# (the local part is possessive: "@" is not in it, so giving characters back never finds one,
# and not trying that halves the work at every word of a text without an e-mail)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}")
# Danish phone numbers: 8 digits, optionally +45/0045, grouped 8 / 4 4 / 2 2 2 2.
# (opened by a look-ahead at the first character, a digit or "+": the engine skips to those
# instead of trying the look-behind at every position, a third of the time)
PHONE = re.compile(
    r"(?=[\d+])(?<![\d/.-])(?:(?:\+|00)45[ ]?)?(?:\d{8}|\d{4}[ .]\d{4}|\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{2})(?![\d-])")
# the labels of a line that holds only a contact's e-mail and phone
_DETAIL_WORDS = re.compile(r"(?:e-?mail|mail|tlf|telefon(?:nr)?|mobil(?:nr)?|direkte|nr|kontor|og)\.?", re.I)
_LETTER = re.compile(r"[^\W\d_]")


def details_only(text: str) -> tuple[str | None, str | None] | None:
    """(e-mail, phone digits) of a line that holds nothing else ("E-mail: lk@x.dk",
    "Telefon 9623 4411 – e-mail tsb@x.dk"), or None.

    >>> details_only("Telefon: 72 10 63 27")
    (None, '72106327')
    >>> details_only("Line Kastrup, lk@x.dk") is None
    True
    """
    if "@" not in text and not any(c.isdigit() for c in text):
        return None
    emails, phones = EMAIL.findall(text), PHONE.findall(text)
    if not emails and not phones:
        return None
    if _LETTER.search(_DETAIL_WORDS.sub(" ", PHONE.sub(" ", EMAIL.sub(" ", text)))):
        return None  # (words besides the labels: a name, an organisation)
    return (emails[0] if emails else None, digits(phones[0]) if phones else None)


_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^)]*)\)")
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPH = re.compile(r"(\*\*|__|\*)")


# A source cited in brackets: a name or a title right before a year ("(CFBU 2015: "20
# løsninger ...")", "(CFBU, Inspirationskatalog 2023)", "("Skolefravær ...", VIVE 2024)").
# Who wrote a report the plan cites is no partner of it (SCHEMA: not the authors of cited
# reports); "(i samarbejde med Jobcenter Vejle fra 2024)" is no citation (no name before the year).
_CITATION = re.compile(r"\((?=[^()]{0,240}?[A-ZÆØÅ][\wæøåÆØÅ&.-]*,?\s+(?:19|20)\d{2}\b)[^()]{0,240}\)")


def drop_citations(text: str) -> str:
    """``text`` with its cited sources (see ``_CITATION``) blanked out, offsets kept.

    >>> drop_citations("lidelser senere i livet (CFBU 2015: 20 løsninger). Jobcenter Vejle (fra 2024)")
    'lidelser senere i livet                          . Jobcenter Vejle (fra 2024)'
    """
    if "(" not in text:
        return text
    return _CITATION.sub(lambda m: " " * len(m.group(0)), text)


def strip_links(text: str) -> str:
    """Markdown links to their text: '[Camilla Brix](#)' -> 'Camilla Brix'."""
    return _MD_LINK.sub(r"\1", text)


def strip_markup(text: str) -> str:
    """Remove markdown links/emphasis and HTML tags that survive normalisation.

    >>> strip_markup("[Camilla Brix](#), **teamleder**")
    'Camilla Brix, teamleder'
    """
    if "[" not in text and "<" not in text and "*" not in text and "_" not in text:
        return text  # the common case: nothing to strip (:func:`_no_markup`'s test, written out: ~4,500 calls a document)
    text = strip_links(text)
    text = _TAGS.sub(" ", text)
    text = _EMPH.sub("", text)
    return text


def single_spaced(text: str) -> str:
    """``" ".join(text.split())``, told without splitting a text that is so already (most
    lines: normalising made them so): a printable text holds no white space but the space.

    >>> [single_spaced(t) for t in ("a b", " a  b ", "a\tb", "a\u00a0b", "a\u2003 b", "")]
    ['a b', 'a b', 'a b', 'a b', 'a b', '']
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def clean(text: str) -> str:
    """Markup removed, white space collapsed, stray punctuation trimmed."""
    if "[" in text or "<" in text or "*" in text or "_" in text:  # (strip_markup's test written out: ~800 calls a
        text = strip_markup(text)  # document, most with nothing to strip)
    return single_spaced(text).strip(" ,;:–-•·")


_OG_HYPHEN = re.compile(r"(?<=\w)(?: -|-)og(?=\s)")


def tidy_og_hyphen(name: str) -> str:
    """A compound's hyphen where the template has it ("Sundheds -og Omsorgsforvaltningen",
    "Sundheds-og Omsorgsforvaltningen" -> "Sundheds- og Omsorgsforvaltningen").

    >>> tidy_og_hyphen("Sundheds -og Omsorgsforvaltningen")
    'Sundheds- og Omsorgsforvaltningen'
    """
    return _OG_HYPHEN.sub("- og", name) if "-og" in name else name


# (compiled once: a pattern given as a string to re's functions is looked up in re's cache at each call)
_NON_DIGITS = re.compile(r"\D")


def digits(phone: str) -> str:
    """'+45 4078 8284' -> '+4540788284'; '30 57 28 60' -> '30572860'."""
    d = _NON_DIGITS.sub("", phone)
    if phone.strip().startswith("+"):
        return "+" + d
    if d.startswith("0045") and len(d) == 12:
        return "+" + d[2:]
    return d


def clean_keep_colon(text: str) -> str:
    return single_spaced(strip_markup(text))


# The characters of a lower-case text that case-folding still changes (ß -> ss, ς -> σ, µ -> μ, ﬁ -> fi,
# ...): a lower-case text holding none of them is its own case-folded form. (Read from Unicode's tables:
# tests/loaders/test_text_helpers.py checks the list against the running interpreter's.)
FOLDED_OTHERWISE = re.compile(
    "[\u00b5\u00df\u0149\u017f\u01f0\u0345\u0390\u03b0\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5"
    "\u0587\u13f8-\u13fd\u1c80-\u1c88\u1e96-\u1e9b\u1f50\u1f52\u1f54\u1f56\u1f80-\u1f87\u1f90-\u1f97"
    "\u1fa0-\u1fa7\u1fb2-\u1fb4\u1fb6\u1fb7\u1fbe\u1fc2-\u1fc4\u1fc6\u1fc7\u1fd2\u1fd3\u1fd6\u1fd7"
    "\u1fe2-\u1fe4\u1fe6\u1fe7\u1ff2-\u1ff4\u1ff6\u1ff7\uab70-\uabbf\ufb00-\ufb06\ufb13-\ufb17]")


def folded_text_holds(doc, words: str) -> bool:
    """Does the document's text case-folded (``doc.text.casefold()``) hold ``words`` (case-folded)?

    Told from its lower case, made once for the document, where that answers: every character
    case-folds as its lower case does, so ``words`` (unchanged by case-folding) found in the lower
    case is found in the case-folded text, and a lower case that holds no character of
    :data:`FOLDED_OTHERWISE` is the case-folded text (a document's text case-folded cost ~7 M
    instructions, ~0.5% of a dense PDF's extraction). The text is case-folded only otherwise.

    >>> from samspil.loaders.document import Document
    >>> doc = Document.from_text("d", "Landsbyggefonden\\nGroße Straße")
    >>> folded_text_holds(doc, "landsbyggefonden"), folded_text_holds(doc, "strasse"), folded_text_holds(doc, "fond x")
    (True, True, False)
    """
    low = doc.lower_text
    if words in low:
        return True
    if doc.memo("folds_as_lower", lambda: not _may_fold_otherwise(low)):
        return False
    return words in doc.memo("folded_text", lambda: doc.text.casefold())


# the high bytes of FOLDED_OTHERWISE's characters beyond U+00FF (all in the Basic Multilingual Plane)
_FOLDED_OTHERWISE_HIGH = (0x01, 0x03, 0x05, 0x13, 0x1C, 0x1E, 0x1F, 0xAB, 0xFB)


def _may_fold_otherwise(low: str) -> bool:
    """Does ``low`` hold a character of :data:`FOLDED_OTHERWISE`? Searched for only where ``low`` holds µ
    or ß, or a character whose UTF-16 unit's high byte is one of theirs (the engine's scan for a class
    of characters over a whole document, ~1 ms, costs about what case-folding it does; the text's
    UTF-16 form and the bytes' searches cost a fifth of that)."""
    if "µ" in low or "ß" in low:
        return True
    if low.isascii():
        return False
    high = low.encode("utf-16-le", "surrogatepass")[1::2]
    return any(b in high for b in _FOLDED_OTHERWISE_HIGH) and FOLDED_OTHERWISE.search(low) is not None


def holding_lines(doc, words: tuple[str, ...], lower: bool = True) -> set[int]:
    """Indexes of the document's lines whose lower case :func:`may_hold` one of ``words`` (``lower``;
    else the lines that hold one as written), found by searching the whole text for each word (and
    for each letter ``may_hold`` lets through) once, not every line for every word: ~1 µs a line
    less for a pass that tests each line (no word holds a line break). Made once per document and
    word list.

    >>> from samspil.loaders.document import Document
    >>> doc = Document.from_text("d", "Boliger\\nAfdelingerne\\nI alt 40 lejeboliger\\n\\nſ")
    >>> sorted(holding_lines(doc, ("boliger", "afdeling"))), sorted(holding_lines(doc, ("boliger",), lower=False))
    ([0, 1, 2, 4], [2])
    """
    def compute() -> set[int]:
        lines = doc.lower_lines if lower else doc.lines
        text = doc.lower_text if lower else doc.text
        if lower and len(text) != len(doc.text):  # (lowering changed a length: each line told alone)
            return {i for i, low in enumerate(lines) if may_hold(low, words)}
        if not lower and (wider := doc.cache.get(f"holding_lines:True:{words}")) is not None \
                and all(w.islower() for w in words):  # (lower-case words: a line holding one as written holds it in its
            # lower case, so only the lines found there are tested, not the whole text searched again for each word)
            return {i for i in wider for w in words if w in lines[i]}
        found: set[int] = set()
        starts = None
        for w in (*_not_holding_another(words), *_READ_OTHERWISE) if lower else _not_holding_another(words):
            at = text.find(w)
            if at < 0:
                continue
            if starts is None:  # (where each next line starts in ``text``)
                starts = list(map(add, accumulate(map(len, lines)), count(1)))
            while at >= 0:
                k = bisect_right(starts, at)
                found.add(k)
                at = text.find(w, starts[k]) if k + 1 < len(lines) else -1
        return found
    return doc.memo(f"holding_lines:{lower}:{words}", compute)


def _not_holding_another(words: tuple[str, ...]) -> list[str]:
    """``words`` without those that hold another of them ("lejeboliger" holds "boliger"): a line holding
    the longer holds the shorter, so the lines holding one of them are found by searching for the others.

    >>> _not_holding_another(("lejeboliger", "lejebolig", "boliger", "lejemål", "boliger"))
    ['lejebolig', 'boliger', 'lejemål']
    """
    out: list[str] = []
    for k, w in enumerate(words):
        if w not in out and not any(v in w and v != w for v in words[:k] + words[k + 1:]):
            out.append(w)
    return out


def markup_free(doc) -> bool:
    """Does the document hold none of what :func:`strip_markup` removes (then it leaves every line as
    it is; most PDFs and Word files)? Told once per document."""
    return doc.memo("markup_free", lambda: _no_markup(doc.text))


def _no_markup(text: str) -> bool:
    return "[" not in text and "<" not in text and "*" not in text and "_" not in text


def lines_to_read(doc, words: tuple[str, ...], lower: bool = False) -> list[int] | range:
    """Indexes, in order, of the lines whose text with its markup stripped may hold one of ``words``
    (as written; ``lower``: in its lower case, as :func:`may_hold` tells): in a document without
    markup, the lines that hold one (:func:`holding_lines`); else every line."""
    return sorted(holding_lines(doc, words, lower=lower)) if markup_free(doc) else range(len(doc.lines))


_READ_OTHERWISE = ("ı", "\u0307", "ſ")  # (the letters may_hold lets through: re.IGNORECASE reads them as i, s)


def may_hold(low: str, words: tuple[str, ...]) -> bool:
    """A cheap test before a case-insensitive pattern that only matches text holding one
    of ``words`` (lower case): False only when ``low`` (the text in lower case) certainly
    holds none of them, also as ``re.IGNORECASE`` compares letters (a dotless or dotted
    I, a long s read as i and s).

    >>> may_hold("aktivitetens navn:", ("navn", "titel")), may_hold("formål:", ("navn",))
    (True, False)
    """
    for w in words:  # (a loop: a generator costs more than the tests)
        if w in low:
            return True
    return "ı" in low or "\u0307" in low or "ſ" in low


# A template's unfilled field: "[Aktivitetens navn]", "<navn>", "{titel}", "XX", "Indsæt navn", "..."
_PLACEHOLDER = re.compile(r"^\W*[\[<{].*[\]>}]\W*$|(?<![\w-])(?-i:X{2,})(?![\w-])|^\W*(?:indsæt|beskriv|angiv|udfyld)\b"
                          r"|^[\s._…-]*$", re.I)


def is_placeholder(text: str) -> bool:
    """Is ``text`` a template's unfilled field rather than a name?

    >>> [is_placeholder(t) for t in ("[Aktivitetens navn]", "<navn>", "Aktivitet XX", "Indsæt titel", "Lektiecafé")]
    [True, True, True, True, False]
    """
    return bool(_PLACEHOLDER.search(text))
