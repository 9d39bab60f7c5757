"""Target-group cues (internal to :mod:`targets`): the vocabulary's patterns, ages,
and the cheap tests that tell a text certainly names no group.

``loaders/vocab/target_groups.yaml`` holds regular expressions per category, the
age bands and the trait cues; :func:`_cues` compiles them once. Ages ("unge i
alderen 12-17 år", "børn under 6") are read in code (:func:`_age_hits`). The
prefilter (:func:`_line_starts`, :func:`_texts_starts`) finds the words a cue can
start at (see ``cue_words.py``), so most lines are rejected without running a
single category pattern.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from samspil.loaders.digits import has_digit
from samspil.loaders.document import Document
from samspil.loaders.errors import VocabularyError
from samspil.loaders.extract.cue_words import WORD, WordTest, start_spec
from samspil.loaders.extract.text import may_hold
from samspil.loaders.labels import opening_class
from samspil.loaders.model import TARGET_GROUPS
from samspil.loaders.vocab import load_vocab

# (each opened by a look-ahead at the characters a match can start with: the engine skips
# to those instead of trying the look-behind or word boundary at every position)
_AGE_RANGE = re.compile(
    r"(?=[m\d])(?<![\d.,])(?:mellem\s+(\d{1,2})\s+og\s+|(\d{1,2})\s*(?:-|–|til)\s*)(\d{1,2})\s*(?:-\s*)?"
    r"(?:år\b|årige\b|års\b)", re.IGNORECASE)
# whether _AGE_RANGE matches anywhere, told by its branches apart: the digits' branch opening with the digit
# (the look-behind after it: the engine skips to digits, where a pattern opening with a look-ahead under
# re.IGNORECASE is tried at every position), the "mellem" branch searched only in a text holding the word
_AGE_RANGE_DIGITS = re.compile(r"\d(?<![\d.,]\d)\d?\s*(?:-|–|til)\s*\d{1,2}\s*(?:-\s*)?(?:år\b|årige\b|års\b)", re.IGNORECASE)
_AGE_RANGE_MELLEM = re.compile(r"(?<![\d.,])mellem\s+\d{1,2}\s+og\s+\d{1,2}\s*(?:-\s*)?(?:år\b|årige\b|års\b)", re.IGNORECASE)
_AGE_BOUND = re.compile(
    r"(?=[buvep])\b(børn|unge|voksne|beboere|borgere|enlige|personer)\s+(?:på\s+)?(under|over)\s+(\d{1,2})\b",
    re.IGNORECASE)
_STATS = re.compile(r"(?=[%ap])(?:%|\bandel(?:en)?\b|\bprocent)", re.IGNORECASE)


# --------------------------------------------------------------------------- vocabulary
_UPPER_OUTSIDE_ESCAPES = re.compile(r"(?<!\\)[A-ZÆØÅ]")


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[list[re.Pattern[str]], list[re.Pattern[str]], bool]]:
    vocab = load_vocab("target_groups")
    cats = vocab.get("categories")
    if not isinstance(cats, dict):
        raise VocabularyError("target_groups.yaml needs a 'categories' mapping")
    out = {}
    for cat, spec in cats.items():
        if cat not in TARGET_GROUPS:
            raise VocabularyError(f"target_groups.yaml: unknown category {cat!r}")
        # one alternation per category: 15 searches per sentence, not ~100. Patterns
        # written in lower case are matched against the lower-cased sentence without
        # re.IGNORECASE (same matches, a third faster); others keep IGNORECASE.
        try:
            raw = list(spec.get("patterns", [])) + list(spec.get("exclude", []) or [])
            flags = re.I if any(_UPPER_OUTSIDE_ESCAPES.search(p) for p in raw) else 0
            # (one \b in front of the alternation, not one per branch: the engine can then
            # reject a branch by its first letter)
            pats = [re.compile("|".join(rf"\b(?:{p})" for p in spec.get("patterns", [])), flags)] \
                if spec.get("patterns") else []
            excl = [re.compile(_opened("|".join(rf"\b(?:{p})" for p in spec.get("exclude", []) or []), flags),
                               flags)] if spec.get("exclude") else []
        except (re.error, AttributeError) as exc:
            raise VocabularyError(f"target_groups.yaml, category {cat}: {exc}") from exc
        out[cat] = (pats, excl, flags == 0)
    return out


def _opened(pattern: str, flags: int) -> str:
    """``pattern`` opened by a look-ahead at its first characters when they can be read
    (searched in whole sentences: the engine then skips to them instead of trying the
    alternation at every word)."""
    opening = opening_class(pattern) if not flags else ""
    return f"{opening}(?:{pattern})" if opening else pattern


def _bands() -> tuple[dict[str, tuple[int, int]], int, int]:
    vocab = load_vocab("target_groups")
    bands = {k: (int(v[0]), int(v[1])) for k, v in vocab.get("age_bands", {}).items()}
    return bands, int(vocab.get("min_overlap_years", 2)), int(vocab.get("wide_adult_span", 25))


# --------------------------------------------------------------------------- ages
def age_categories(lo: int, hi: int) -> list[str]:
    """Categories an age range ``lo``-``hi`` (years, inclusive) belongs to.

    >>> age_categories(12, 17)
    ['youth']
    >>> age_categories(7, 17)
    ['children', 'youth']
    >>> age_categories(15, 29)
    ['youth', 'young_adults']
    >>> age_categories(18, 64)
    ['adults']
    """
    bands, min_overlap, wide = _bands()
    if lo > hi:
        lo, hi = hi, lo
    if lo >= 18 and hi <= 70 and hi - lo >= wide:  # "18-64 år": working-age adults
        return ["adults"]
    out = []
    for cat, (blo, bhi) in bands.items():
        overlap = min(hi, bhi) - max(lo, blo) + 1
        if overlap >= min(min_overlap, hi - lo + 1):
            out.append(cat)
    return out


def _bound_range(noun: str, word: str, n: int) -> tuple[int, int]:
    noun = noun.lower()
    floor = {"børn": 0, "unge": 13}.get(noun, 18)
    if word.lower() == "under":
        return floor, max(floor, n - 1)
    ceiling = {"børn": 12, "unge": 17 if n < 17 else 29}.get(noun, 120 if n >= 60 else 64)
    return n + (1 if noun in ("børn", "unge") else 0), max(n, ceiling)


def _age_hits(sentence: str, low: str | None = None) -> list[tuple[str, int, int]]:
    """(category, start, end) of the ages named in one sentence (not in statistics;
    ``low``: the sentence in lower case, when the caller has it)."""
    if not has_digit(sentence) or not _may_name_age(sentence.lower() if low is None else low) \
            or _STATS.search(sentence):
        return []  # every age has a digit, and 'år' or 'under'/'over'
    hits = []
    for m in _AGE_RANGE.finditer(sentence):
        lo, hi = int(m.group(1) or m.group(2)), int(m.group(3))
        if hi <= lo or hi > 120:
            continue
        hits += [(c, m.start(), m.end()) for c in age_categories(lo, hi)]
    for m in _AGE_BOUND.finditer(sentence):
        lo, hi = _bound_range(m.group(1), m.group(2), int(m.group(3)))
        hits += [(c, m.start(), m.end()) for c in age_categories(lo, hi)]
    return hits


@lru_cache(maxsize=1)
def _traits() -> tuple[re.Pattern[str] | None, frozenset[str], tuple[str, ...] | None]:
    """The trait cues' pattern, the categories dropped after one, and the cues in lower
    case when a sentence can be told by them not to hold any (plain Danish letters)."""
    vocab = load_vocab("target_groups")
    cues = vocab.get("characteristic_cues", []) or []
    before, subgroups = vocab.get("not_traits_before"), set(vocab.get("subgroup_cues", []) or [])
    guard = f"(?!{before})" if before else ""
    pattern = re.compile("|".join(rf"\b{re.escape(c)}\b{guard if c in subgroups else ''}" for c in cues),
                         re.I) if cues else None
    words = tuple(str(c).lower() for c in cues)
    plain = all(re.fullmatch(r"[a-zæøåé .'-]+", w) for w in words)
    return pattern, frozenset(vocab.get("not_after_characteristics", []) or []), words if plain else None


# --------------------------------------------------------------------------- cue starts
# (see cue_words.py: a cue is tried only at the words it can start at)
_WORD = WORD
_WORD_TEST: list = [None, None]  # [the cues it was built from, its WordTest or None]


def _word_test() -> WordTest | None:
    """The word test of the loaded vocabulary's lower-case categories (None when
    some pattern's start cannot be told: then those texts are scanned)."""
    cues = _cues()
    if _WORD_TEST[0] is not cues:
        specs = {}
        try:
            try:
                from re import _constants as C, _parser as P  # Python 3.11+
            except ImportError:  # pragma: no cover - Python 3.10
                import sre_constants as C  # type: ignore[no-redef]
                import sre_parse as P  # type: ignore[no-redef]
            for cat, (pats, _, lowered) in cues.items():
                if lowered and pats:
                    specs[cat] = start_spec(list(P.parse(pats[0].pattern)), C)
        except Exception:  # noqa: BLE001 - the parser is the standard library's private module
            specs = {"": None}
        ok = all(spec is not None for spec in specs.values())
        test = WordTest(specs) if ok else None
        if test is not None:  # (for _categories_to_try)
            test.every_category = all(lowered for _, _, lowered in cues.values())
            test.order = {cat: k for k, cat in enumerate(cues)}
        _WORD_TEST[:] = [cues, test]
    return _WORD_TEST[1]


def _may_name_group(text: str) -> bool:
    """False only when ``text`` certainly names no target group (the common case)."""
    if not text:
        return False
    test = _word_test()
    cues = _cues()
    if test is None or has_digit(text) or not all(lowered for _, _, lowered in cues.values()):
        return True
    low = text.lower()
    return any(cues[cat][0][0].match(low, p) for p, cats in test.starts(low) for cat in cats)


Starts = list[tuple[int, frozenset[str]]]


def _line_starts(text: str) -> tuple[bool, Starts | None]:
    """Whether a whole (markup-free) text may name a group (False: certainly not, no
    cue matches at any cue-word start and there is no age), and its cue-word starts,
    computed once for all its sentences (None when they cannot be told this way:
    then every sentence is scanned)."""
    test, cues = _word_test(), _cues()
    low = text.lower()
    if test is None or len(low) != len(text) or not all(lowered for _, _, lowered in cues.values()):
        return _may_name_group(text), None
    starts = test.starts(low)
    return _may_start(text, low, starts), starts


def _may_start(text: str, low: str, starts: Starts) -> bool:
    """Whether some cue matches at one of ``starts`` in ``low`` (``text`` lower-cased), or
    ``text`` names an age."""
    cues = _cues()
    for p, cats in starts:  # (loops: a generator costs more than the tests)
        for cat in cats:
            if cues[cat][0][0].match(low, p):
                return True
    return _has_age(text)


def _texts_starts(texts: list[str], doc: Document | None = None) -> list[tuple[bool, Starts]] | None:
    """:func:`_line_starts` of every text, with the cue words looked up in one pass
    over all of them (their words and cue words found once, not per text). None
    when that cannot be done (see :func:`_line_starts`): then each text alone.
    ``doc``: the document whose lines the texts are, perhaps changed (when they are
    not, its joined and lowered text is used)."""
    found = _texts_cue_starts(texts, doc)
    if found is None:
        return None
    per_text, low, bases = found
    return [(_may_start(t, low[b:b + len(t)], s) if s else _has_age(t, low, b), s)
            for t, b, s in zip(texts, bases, per_text)]


def _texts_cue_starts(texts: list[str], doc: Document | None = None) -> tuple[list[Starts], str, list[int]] | None:
    """The cue-word starts of every text (the second half of :func:`_texts_starts`), the texts
    joined in lower case and where each starts in it; None when they cannot be told this way."""
    test, cues = _word_test(), _cues()
    if doc is not None and texts == doc.lines:
        joined, low = doc.text, doc.lower_text
    else:
        joined = "\n".join(texts)  # no word runs across the joins: the same whole words
        low = joined.lower()
    if test is None or len(low) != len(joined) or not all(lowered for _, _, lowered in cues.values()):
        return None
    bases = [0, *accumulate(len(t) + 1 for t in texts)]
    per_text: list[Starts] = [[] for _ in texts]
    for p, cats in test.all_starts(low):
        k = bisect_right(bases, p) - 1
        per_text[k].append((p - bases[k], cats))
    return per_text, low, bases


def _has_age(text: str, low: str | None = None, at: int = 0) -> bool:
    """Whether some sentence of ``text`` may name an age (a sentence split only
    removes context, so a sentence's age is an age in the whole text). ``low``: a lower-case
    text that holds ``text`` lowered at ``at`` (sliced, not lowered again, when it is needed)."""
    if not has_digit(text):
        return False
    lowered = text.lower() if low is None else low[at:at + len(text)]
    return _may_name_age(lowered) and (_AGE_RANGE_DIGITS.search(text) is not None or "mellem" in lowered
                                       and _AGE_RANGE_MELLEM.search(text) is not None or _AGE_BOUND.search(text) is not None)


def _may_name_age(low: str) -> bool:
    """False when ``low`` (lower case) certainly holds no :data:`_AGE_RANGE` ('år') and
    no :data:`_AGE_BOUND` ('under', 'over')."""
    return may_hold(low, ("år", "under", "over"))
