"""Target groups (målgrupper): which groups of people a plan addresses.

:func:`classify` maps a Danish text to target-group categories (SCHEMA.md),
each with the phrases that justify it. It works on a short Målgruppe(r) field
("Unge i alderen 12-17 år") as well as on a paragraph. Cues live in
``loaders/vocab/target_groups.yaml`` (regular expressions per category, age
bands); ages are read in code.

:func:`extract_target_groups` classifies the whole document and records where
each category was found in ``TargetGroup.contexts``:

* ``"activity"``: an activity's own text (its Aktivitetsnavn block with the
  Målgruppe(r) field, or its section), or a category the activities extractor
  attached to an activity;
* ``"problem"``: everything else (problem descriptions, goals, area
  descriptions), so an analysis can find groups a plan names but no activity
  reaches.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate
from functools import lru_cache

from samspil.loaders.document import Document
from samspil.loaders.extract.cue_words import WORD, WordTest, start_spec
from samspil.loaders.extract.plan import squashed_lines
from samspil.loaders.extract.text import may_hold, strip_markup
from samspil.loaders.model import TARGET_GROUPS, Activity, TargetGroup
from samspil.loaders.segment import ACTIVITY_NAME
from samspil.loaders.vocab import load_vocab
from samspil.loaders.errors import VocabularyError

__all__ = ["classify", "dominant_groups", "age_categories", "extract_target_groups", "label_of",
           "groups_by_activity_name"]

_AGE_RANGE = re.compile(
    r"(?<![\d.,])(?:mellem\s+(\d{1,2})\s+og\s+|(\d{1,2})\s*(?:-|–|til)\s*)(\d{1,2})\s*(?:-\s*)?"
    r"(?:år\b|årige\b|års\b)", re.IGNORECASE)
_AGE_BOUND = re.compile(
    r"\b(børn|unge|voksne|beboere|borgere|enlige|personer)\s+(?:på\s+)?(under|over)\s+(\d{1,2})\b",
    re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9•\-])|\s*•\s*|\n")
# [,;:()[]•] | \s-\s | \s–\s, written to open with one character class (the engine then skips to it)
_CLAUSE_STOP = re.compile(r"[,;:()\[\]•\s](?:(?<=[,;:()\[\]•])|(?<=\s)[-–]\s)")
_DIGIT = re.compile(r"\d")
_FIVE_WORDS = re.compile(r"(?:\s*\S+){0,5}")
_LAST_WORDS_REVERSED = re.compile(r"\s*\S+(?:\s+\S+){0,2}")  # a stretch's last three words, read backwards
_NAME_LABEL_AT_START = re.compile(r"^\W*" + ACTIVITY_NAME + r"\s*:", re.I)
_STATS = re.compile(r"%|\bandel(?:en)?\b|\bprocent", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.:!?•*\-–(\"'”]|\d\))\s*$")
MAX_PHRASE_WORDS = 9
MAX_PHRASES = 15  # per category and document


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
            excl = [re.compile("|".join(rf"\b(?:{p})" for p in spec.get("exclude", []) or []), flags)] \
                if spec.get("exclude") else []
        except (re.error, AttributeError) as exc:
            raise VocabularyError(f"target_groups.yaml, category {cat}: {exc}") from exc
        out[cat] = (pats, excl, flags == 0)
    return out


def label_of(category: str) -> str:
    """How a category is shown to people: 'udsatte voksne (vulnerable adults)'
    (``labels`` in target_groups.yaml; the code with spaces when it has none).

    >>> label_of("vulnerable_adults")
    'udsatte voksne (vulnerable adults)'
    """
    labels = load_vocab("target_groups").get("labels") or {}
    return str(labels.get(category) or category.replace("_", " "))


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


def _age_hits(sentence: str) -> list[tuple[str, int, int]]:
    """(category, start, end) of the ages named in one sentence (not in statistics)."""
    if not _DIGIT.search(sentence) or not _may_name_age(sentence.lower()) or _STATS.search(sentence):
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


# --------------------------------------------------------------------------- classify
def _clause_stops(sentence: str) -> tuple[list[int], list[int]]:
    """Starts and ends of a sentence's clause stops (commas, colons, brackets, dashes)."""
    spans = [m.span() for m in _CLAUSE_STOP.finditer(sentence)]
    return [a for a, _ in spans], [b for _, b in spans]


def _phrase(sentence: str, start: int, end: int, stops: tuple[list[int], list[int]] | None = None) -> str:
    """The clause around a hit, at most a few words either side, as written (``stops``:
    :func:`_clause_stops` of the sentence, when the caller has them)."""
    starts, ends = stops or _clause_stops(sentence)
    k = bisect_right(ends, start)  # the stops that end at or before the hit
    lo = ends[k - 1] if k else 0
    j = bisect_left(starts, end)
    hi = starts[j] if j < len(starts) else len(sentence)
    last3 = _LAST_WORDS_REVERSED.match(sentence[lo:start][::-1])  # linear, also on long stretches
    after = _FIVE_WORDS.match(sentence, end, hi).end()  # the end of the (up to) five words after it
    text = sentence[start - last3.end() if last3 else start: after]
    words = text.split()
    return " ".join(words[:MAX_PHRASE_WORDS]).strip(" .,;:*_-")


def _is_name_part(sentence: str, start: int) -> bool:
    """A capitalised cue in mid-sentence is most likely part of a name."""
    word = _WORD.match(sentence, start)
    if word is None or word.group(0).isupper():  # acronyms (NEET, PTSD) are cues
        return False
    return sentence[start].isupper() and not _SENTENCE_START.search(sentence[:start])


@lru_cache(maxsize=1)
def _traits() -> tuple[re.Pattern[str] | None, frozenset[str], tuple[str, ...] | None]:
    """The trait cues' pattern, the categories dropped after one, and the cues in lower
    case when a sentence can be told by them not to hold any (plain Danish letters)."""
    vocab = load_vocab("target_groups")
    cues = vocab.get("characteristic_cues", []) or []
    pattern = re.compile("|".join(rf"\b{re.escape(c)}\b" for c in cues), re.I) if cues else None
    words = tuple(str(c).lower() for c in cues)
    plain = all(re.fullmatch(r"[a-zæøåé .'-]+", w) for w in words)
    return pattern, frozenset(vocab.get("not_after_characteristics", []) or []), words if plain else None


def _sentence_hits(sentence: str, in_traits: bool = False,
                   starts: list[tuple[int, frozenset[str]]] | None = None, ages: bool = True,
                   trait_cues: bool = True) -> tuple[list[tuple[str, int, int]], bool]:
    """(category, start, end) of every cue and age in one sentence, and whether
    the text describes the group's traits from here on.

    After a trait cue ("ramt af", "kendetegnet ved") the text describes the
    group, so hits of the categories in ``not_after_characteristics`` there are
    dropped ("Det kan fx være manglende beskæftigelse, sprogbarrierer"). ``ages``,
    ``trait_cues``: False when the caller knows the sentence names no age (no digit, or
    none of the words an age is written with) or holds none of the trait cues' words.
    """
    pattern, not_after, words = _traits()
    m = pattern.search(sentence) if pattern and trait_cues and not in_traits and (
        words is None or may_hold(sentence.lower(), words)) else None
    start = 0 if in_traits else (m.start() if m else len(sentence))
    age_hits = _age_hits(sentence) if ages else []
    hits = _cue_hits(sentence, starts)
    if age_hits:
        hits = [h for h in hits if not _age_overrides(h, age_hits, sentence)]
    kept = [h for h in hits + age_hits if not (h[0] in not_after and h[1] >= start)]
    return kept, in_traits or m is not None


def _age_overrides(hit: tuple[str, int, int], ages: list[tuple[str, int, int]], sentence: str) -> bool:
    """'unge over 18 år': an age right after an age word decides, not the word."""
    cat, start, end = hit
    if cat not in ("children", "youth", "adults"):
        return False
    near = [a for a in ages if a[1] == start or (  # "unge over 18" governs its own noun,
        end < a[1] <= end + 40 and _AGE_RANGE.match(sentence, a[1])  # "unge i alderen 17-25": the nouns before
        and not _CLAUSE_STOP.search(sentence, end, a[1]))]
    if not near:
        return False
    first = min(a[1] for a in near)
    return cat not in {a[0] for a in near if a[1] == first}


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
    if test is None or _DIGIT.search(text) or not all(lowered for _, _, lowered in cues.values()):
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


def _texts_starts(texts: list[str]) -> list[tuple[bool, Starts]] | None:
    """:func:`_line_starts` of every text, with the cue words looked up in one pass
    over all of them (their words and cue words found once, not per text). None
    when that cannot be done (see :func:`_line_starts`): then each text alone."""
    test, cues = _word_test(), _cues()
    joined = "\n".join(texts)  # no word runs across the joins: the same whole words
    low = joined.lower()
    if test is None or len(low) != len(joined) or not all(lowered for _, _, lowered in cues.values()):
        return None
    bases = [0, *accumulate(len(t) + 1 for t in texts)]
    per_text: list[Starts] = [[] for _ in texts]
    for p, cats in test.all_starts(low):
        k = bisect_right(bases, p) - 1
        per_text[k].append((p - bases[k], cats))
    return [(_may_start(t, low[b:b + len(t)], s) if s else _has_age(t), s)
            for t, b, s in zip(texts, bases, per_text)]


def _has_age(text: str) -> bool:
    """Whether some sentence of ``text`` may name an age (a sentence split only
    removes context, so a sentence's age is an age in the whole text)."""
    return _DIGIT.search(text) is not None and _may_name_age(text.lower()) and (
        _AGE_RANGE.search(text) is not None or _AGE_BOUND.search(text) is not None)


def _may_name_age(low: str) -> bool:
    """False when ``low`` (lower case) certainly holds no :data:`_AGE_RANGE` ('år') and
    no :data:`_AGE_BOUND` ('under', 'over')."""
    return may_hold(low, ("år", "under", "over"))


# _SENTENCE's matches, found by a pattern that opens with the character every one of them
# starts at ('.', '!', '?', white space, '•'), so the engine skips to those instead of
# trying every position; after a '.', '!' or '?' the break is the white space (group 1)
_SENTENCE_BREAK = re.compile(r"[.!?\s•](?:(?<=[.!?])(\s+)(?=[A-ZÆØÅ0-9•\-])|(?<=\s)\s*•\s*|(?<=•)\s*|(?<=\n))")


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces ``_SENTENCE.split(text)`` gives (none is empty-matched)."""
    pos = 0
    for m in _SENTENCE_BREAK.finditer(text):
        start = m.start(1)
        yield pos, start if start >= 0 else m.start()
        pos = m.end()
    yield pos, len(text)


def _cue_hits(sentence: str, starts: list[tuple[int, frozenset[str]]] | None = None
              ) -> list[tuple[str, int, int]]:
    """(category, start, end) of every cue in one sentence: per category the same
    non-overlapping matches as ``finditer``. ``starts``: the sentence's cue-word
    starts when the caller has them."""
    test = _word_test()
    if starts == [] and test is not None and test.every_category:
        return []  # no cue word in the sentence, and every category's cues start at one
    low = sentence.lower()
    if len(low) != len(sentence):  # a character whose lower case is longer: keep positions right
        low = sentence
    if starts is None:
        starts = test.starts(low) if test is not None else []
    at: dict[str, list[int]] = {}  # category -> the starts where its cues may begin
    for p, cats in starts:
        for cat in cats:
            at.setdefault(cat, []).append(p)
    hits = []
    cues = _cues()
    for cat in (test.categories_to_try(at) if test is not None and test.every_category else cues):
        pats, excl, lowered = cues[cat]
        text = low if lowered else sentence
        if lowered and test is not None:
            if cat not in at:
                continue
            found, nxt = [], 0
            for p in at[cat]:
                if p >= nxt:
                    m = pats[0].match(text, p)
                    if m is not None:
                        found.append(m)
                        nxt = m.end() if m.end() > p else p + 1
        else:
            found = [m for pat in pats for m in pat.finditer(text)]
        if not found:
            continue
        blocked = [(m.start(), m.end()) for e in excl for m in e.finditer(text)]
        for m in found:
            if any(s <= m.start() < e for s, e in blocked) or _is_name_part(sentence, m.start()):
                continue
            hits.append((cat, m.start(), m.end()))
    return hits


def classify(text: str) -> dict[str, list[str]]:
    """Target-group categories named in ``text``, each with the phrases that justify it.

    Categories come in the order of ``TARGET_GROUPS``; phrases in text order.

    >>> classify("Unge i alderen 12-17 år")
    {'youth': ['Unge i alderen 12-17 år']}
    >>> sorted(classify("udsatte børnefamilier - særligt familier med børn i førskolealderen"))
    ['children', 'parents_families']
    >>> classify("ledige boliger i afdelingen")
    {}
    """
    text = strip_markup(text or "")
    return _classify(text, *_line_starts(text))


def _classify(text: str, may: bool, starts: Starts | None) -> dict[str, list[str]]:
    """:func:`classify` of a markup-free ``text`` whose :func:`_line_starts` are given."""
    if not may:
        return {}  # no cue and no age anywhere: nothing to find (the common case)
    found: dict[str, list[str]] = {}
    traits = False  # once a text turns to the group's traits, it stays there
    at = [p for p, _ in starts] if starts is not None else []  # (in text order)
    # what no sentence can hold when the whole text does not, told once for all of them
    low = text.lower()
    ages = _DIGIT.search(text) is not None and _may_name_age(low)
    words = _traits()[2]
    trait_cues = words is None or may_hold(low, words)
    for lo, hi in _sentence_spans(text):
        sentence = text[lo:hi]
        if not sentence or not sentence.strip():
            continue
        mine = [(p - lo, cats) for p, cats in starts[bisect_left(at, lo):bisect_left(at, hi)]] \
            if starts is not None else None
        hits, traits = _sentence_hits(sentence, traits, mine, ages, trait_cues)
        stops = _clause_stops(sentence) if len(hits) > 1 else None
        for cat, start, end in sorted(hits, key=lambda h: h[1]):
            phrase = _phrase(sentence, start, end, stops)
            if phrase and phrase not in found.setdefault(cat, []):
                found[cat].append(phrase)
    return {cat: found[cat] for cat in TARGET_GROUPS if cat in found}


@lru_cache(maxsize=1)
def _name_groups() -> list[tuple[re.Pattern[str], list[str]]]:
    out = []
    for entry in load_vocab("target_groups").get("activity_name_groups", []) or []:
        try:
            groups = [str(g) for g in entry["groups"]]
            pattern = re.compile(str(entry["pattern"]), re.I)
        except (KeyError, TypeError, re.error) as exc:
            raise VocabularyError(f"target_groups.yaml, activity_name_groups {entry!r}: {exc}") from exc
        if unknown := [g for g in groups if g not in TARGET_GROUPS]:
            raise VocabularyError(f"target_groups.yaml, activity_name_groups: unknown categories {unknown}")
        out.append((pattern, groups))
    return out


def groups_by_activity_name(name: str) -> list[str]:
    """The groups an activity's kind is for, from its name, for an activity whose
    text names none ("Lektiecafé" -> children, youth).

    >>> groups_by_activity_name("Lektiecafé"), groups_by_activity_name("Kvarternetværk")
    (['children', 'youth'], [])
    """
    found = {g for pattern, groups in _name_groups() if pattern.search(name) for g in groups}
    return [g for g in TARGET_GROUPS if g in found]


def dominant_groups(text: str, min_sentences: int = 2, share: float = 0.34) -> list[str]:
    """The categories a longer text is mainly about, for activities without a Målgruppe field.

    A category counts once per sentence; it is kept when it occurs in at least
    ``min_sentences`` sentences and in at least ``share`` of the sentences of the
    most frequent category. Most frequent first.

    >>> dominant_groups("Lektiehjælp til børn. Børn og forældre mødes. Frivillige hjælper.")
    ['children']
    """
    counts: dict[str, int] = {}
    for sentence in _SENTENCE.split(strip_markup(text or "")):
        if sentence.strip():
            for cat in {h[0] for h in _sentence_hits(sentence)[0]}:
                counts[cat] = counts.get(cat, 0) + 1
    if not counts:
        return []
    top = max(counts.values())
    ranked = sorted(counts, key=lambda c: (-counts[c], TARGET_GROUPS.index(c)))
    return [c for c in ranked if counts[c] >= max(min_sentences, top * share)]


# --------------------------------------------------------------------------- document
def _is_label(line: str) -> bool:
    text = strip_markup(line).strip()
    return 0 < len(text) <= 80 and (text.endswith(":") or text.rstrip().endswith(":\t"))


def _activity_lines(doc: Document, activities: list[Activity]) -> set[int]:
    """Indexes of lines inside an activity block (Aktivitetsnavn / an activity's section)."""
    marked: set[int] = set()
    n = len(doc.lines)
    by_origin: dict[int, list[int]] = {}  # several segments can share one source line
    for i, o in enumerate(doc.origin):
        if o[0] is not None:
            by_origin.setdefault(o[0], []).append(i)

    def start_of(a: Activity, line: int) -> int:
        cands = by_origin[line]
        return next((i for i in cands if a.name[:30] in doc.lines[i]), cands[-1])
    starts = {start_of(a, s.line) for a in activities for s in a.sources[:1]
              if s.line is not None and s.line in by_origin}
    squashed = squashed_lines(doc)
    starts |= {i for i, sq in enumerate(squashed) if sq.startswith("aktivitetsnavn")
               or (sq.startswith(("aktivitetens", "navnpå", "titelpå", "projekt", "tiltagets"))
                   and _NAME_LABEL_AT_START.match(doc.lines[i]))}
    for i in sorted(starts):  # an activity block runs to the next activity or heading
        j = i + 1
        while j < n and j not in starts and not _block_end(doc.lines[j], squashed[j]):
            j += 1
        marked.update(range(i, j))
    for i, line in enumerate(doc.lines):  # an activity's Målgruppe(r) field, to its end
        # (a Målgruppe field of a focus area, outside any activity, states a goal: "problem")
        if i in marked and _TARGET_FIELD.match(squashed[i]) and ":" in line[:40]:
            marked.add(i)
            j = i + 1
            while j < n and j - i <= 12 and not (doc.lines[j].strip() and _is_label(doc.lines[j])):
                marked.add(j)
                j += 1
    return marked


def _block_end(line: str, sq: str) -> bool:
    return (sq.startswith("delaftaleforindsatsområdet") or sq.startswith("medarbejderressourcer")
            or _SECTION_HEAD.match(line) is not None)


_TARGET_FIELD = re.compile(r"^(?:primær|sekundær)?målgruppe")
_SECTION_HEAD = re.compile(r"^\s*\d{1,2}\.(?:\d{1,2}\.?)?\s+[A-ZÆØÅ]")


@lru_cache(maxsize=16384)
def _names_group(name: str) -> bool:
    """Does an organisation's name name a target group (names recur: remembered)?"""
    return bool(classify(name))


def _org_name_mask(names: list[str]):
    """A function that blanks out the organisation names whose own words are
    target-group cues ("Center for Børn, unge og familier", "Ungdomsskolen"):
    a name is not a statement about whom the plan addresses."""
    cued = sorted({n for n in names if len(n) >= 5 and _names_group(n)}, key=len, reverse=True)
    if not cued:
        return lambda line: line
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in cued))
    firsts = tuple({n.split()[0] for n in cued})

    def mask(line: str) -> str:
        for first in firsts:  # (a loop: a generator costs more than the tests)
            if first in line:
                return pattern.sub(" ", line)
        return line
    return mask


def extract_target_groups(doc: Document, activities: list[Activity],
                          organisation_names: list[str] | None = None) -> list[TargetGroup]:
    """Document-level target groups with phrases, contexts and source lines."""
    in_activity = _activity_lines(doc, activities)
    mask = _org_name_mask(organisation_names or [])
    groups: dict[str, TargetGroup] = {}
    texts = [strip_markup(mask(line)) if line.strip() else "" for line in doc.lines]
    found = _texts_starts(texts) or [_line_starts(t) for t in texts]
    for i, (text, (may, starts)) in enumerate(zip(texts, found)):
        if not may or not doc.lines[i].strip():
            continue
        context = "activity" if i in in_activity else "problem"
        for cat, phrases in _classify(text, may, starts).items():
            g = groups.get(cat) or groups.setdefault(cat, TargetGroup(category=cat))
            for phrase in phrases:
                if phrase not in g.phrases and len(g.phrases) < MAX_PHRASES:
                    g.phrases.append(phrase)
                    if len(g.sources) < 20:
                        g.sources.append(doc.ref(i, phrase))
            if context not in g.contexts:
                g.contexts.append(context)
    for act in activities:
        for cat in act.target_groups:
            if cat not in TARGET_GROUPS:
                continue
            g = groups.get(cat) or groups.setdefault(cat, TargetGroup(category=cat))
            if "activity" not in g.contexts:
                g.contexts.append("activity")
                g.sources.extend(act.sources[:1])
    return [groups[c] for c in TARGET_GROUPS if c in groups]
