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
from functools import lru_cache

from samspil.loaders.digits import has_digit
from samspil.loaders.document import Document
from samspil.loaders.extract.cue_words import WORD as _WORD
from samspil.loaders.extract.target_cues import (_AGE_RANGE, Starts, _age_hits, _cues,
                                                 _has_age, _line_starts, _may_name_age, _may_start, _texts_cue_starts,
                                                 _traits, _word_test, age_categories)
from samspil.loaders.extract.plan import squashed_lines
from samspil.loaders.extract.text import markup_free, may_hold, strip_markup
from samspil.loaders.model import TARGET_GROUPS, Activity, TargetGroup
from samspil.loaders.segment import ACTIVITY_NAME
from samspil.loaders.vocab import load_vocab
from samspil.loaders.errors import VocabularyError

__all__ = ["classify", "dominant_groups", "age_categories", "extract_target_groups", "label_of",
           "groups_by_activity_name"]

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9•\-])|\s*•\s*|\n")
# [,;:()[]•] | \s-\s | \s–\s, written to open with one character class (the engine then skips to it)
_CLAUSE_STOP = re.compile(r"[,;:()\[\]•\s](?:(?<=[,;:()\[\]•])|(?<=\s)[-–]\s)")
# its matches in a text without a dash: the punctuation alone (the engine then skips to
# punctuation, not to every space)
_CLAUSE_MARK = re.compile(r"[,;:()\[\]•]")
_FIVE_WORDS = re.compile(r"(?:\s*\S+){0,5}")
_LAST_WORDS_REVERSED = re.compile(r"\s*\S+(?:\s+\S+){0,2}")  # a stretch's last three words, read backwards
_NAME_LABEL_AT_START = re.compile(r"^\W*" + ACTIVITY_NAME + r"\s*:", re.I)
_SENTENCE_START = re.compile(r"(?:^|[.:!?•*\-–(\"'”]|\d\))\s*$")
MAX_PHRASE_WORDS = 9
MAX_PHRASES = 15  # per category and document


def label_of(category: str) -> str:
    """How a category is shown to people: 'udsatte voksne (vulnerable adults)'
    (``labels`` in target_groups.yaml; the code with spaces when it has none).

    >>> label_of("vulnerable_adults")
    'udsatte voksne (vulnerable adults)'
    """
    labels = load_vocab("target_groups").get("labels") or {}
    return str(labels.get(category) or category.replace("_", " "))


# --------------------------------------------------------------------------- classify
def _clause_stops(sentence: str) -> tuple[list[int], list[int]]:
    """Starts and ends of a sentence's clause stops (commas, colons, brackets, dashes)."""
    stop = _CLAUSE_STOP if "-" in sentence or "–" in sentence else _CLAUSE_MARK
    spans = [m.span() for m in stop.finditer(sentence)]
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


def _sentence_hits(sentence: str, in_traits: bool = False,
                   starts: list[tuple[int, frozenset[str]]] | None = None, ages: bool = True,
                   trait_cues: bool = True, low: str | None = None,
                   skip: frozenset[str] | set[str] = frozenset()) -> tuple[list[tuple[str, int, int]], bool]:
    """(category, start, end) of every cue and age in one sentence, and whether
    the text describes the group's traits from here on.

    After a trait cue ("ramt af", "kendetegnet ved") the text describes the
    group, so hits of the categories in ``not_after_characteristics`` there are
    dropped ("Det kan fx være manglende beskæftigelse, sprogbarrierer"). ``ages``,
    ``trait_cues``: False when the caller knows the sentence names no age (no digit, or
    none of the words an age is written with) or holds none of the trait cues' words.
    ``low``: the sentence in lower case, when the caller has it. ``skip``: categories whose cues
    are not looked for (the caller keeps none of their hits; a category's hits depend on no other
    category's, and ages are still read: an age decides over the cue words next to it).
    """
    pattern, not_after, words = _traits()
    if low is None:
        low = sentence.lower()
    m = pattern.search(sentence) if pattern and trait_cues and not in_traits and (
        words is None or may_hold(low, words)) else None
    start = 0 if in_traits else (m.start() if m else len(sentence))
    age_hits = _age_hits(sentence, low) if ages else []
    hits = _cue_hits(sentence, starts, low, skip)
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


# _SENTENCE's matches, found by a pattern that opens with the character every one of them
# starts at ('.', '!', '?', white space, '•'), so the engine skips to those instead of
# trying every position; after a '.', '!' or '?' the break is the white space (group 1)
_SENTENCE_BREAK = re.compile(r"[.!?\s•](?:(?<=[.!?])(\s+)(?=[A-ZÆØÅ0-9•\-])|(?<=\s)\s*•\s*|(?<=•)\s*|(?<=\n))")
# its matches in a text without a bullet or a line break: a full stop's (the engine then
# skips to '.', '!' and '?', not to every space)
_FULL_STOP_BREAK = re.compile(r"[.!?](\s+)(?=[A-ZÆØÅ0-9•\-])")
# and in a text without "!" and "?" (most): a pattern that opens with the literal "." (the engine skips
# to it in a comparison a character; a class of three cost a call of its set test at each)
_DOT_BREAK = re.compile(r"\.(\s+)(?=[A-ZÆØÅ0-9•\-])")


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces ``_SENTENCE.split(text)`` gives (none is empty-matched)."""
    pos = 0
    pattern = _SENTENCE_BREAK if "•" in text or "\n" in text else \
        _FULL_STOP_BREAK if "!" in text or "?" in text else _DOT_BREAK
    for m in pattern.finditer(text):
        start = m.start(1)
        yield pos, start if start >= 0 else m.start()
        pos = m.end()
    yield pos, len(text)


def _cue_hits(sentence: str, starts: list[tuple[int, frozenset[str]]] | None = None,
              low: str | None = None, skip: frozenset[str] | set[str] = frozenset()) -> list[tuple[str, int, int]]:
    """(category, start, end) of every cue in one sentence: per category the same
    non-overlapping matches as ``finditer``. ``starts``: the sentence's cue-word
    starts when the caller has them; ``low``: the sentence in lower case; ``skip``:
    categories not looked for."""
    test = _word_test()
    if starts == [] and test is not None and test.every_category:
        return []  # no cue word in the sentence, and every category's cues start at one
    if low is None:
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
        if cat in skip:
            continue
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


def _only_done(starts: Starts, done: frozenset[str] | set[str]) -> bool:
    """Are the categories of every cue word in ``starts`` in ``done``? Then no cue of another category
    can match there (when every category's cues start at a cue word), and a text whose cue words
    these are names no other category but by an age."""
    for _, cats in starts:  # (a loop: a generator costs more than the tests)
        if not cats <= done:
            return False
    test = _word_test()
    return test is not None and test.every_category


def _classify(text: str, may: bool, starts: Starts | None, done: frozenset[str] | set[str] = frozenset(),
              low: str | None = None) -> dict[str, list[str]]:
    """:func:`classify` of a markup-free ``text`` whose :func:`_line_starts` are given;
    the categories in ``done`` are left out (their phrases are not worked out); ``low``:
    the text in lower case, when the caller has it."""
    if not may:
        return {}  # no cue and no age anywhere: nothing to find (the common case)
    found: dict[str, list[str]] = {}
    traits = False  # once a text turns to the group's traits, it stays there
    at = [p for p, _ in starts] if starts is not None else []  # (in text order)
    # what no sentence can hold when the whole text does not, told once for all of them
    if low is None:
        low = text.lower()
    same = len(low) == len(text)  # (then a sentence's lower case is its slice of the text's)
    ages = has_digit(text) and _may_name_age(low)
    if done and starts is not None and _only_done(starts, done) and not (ages and _has_age(text, low if same else None)):
        return {}  # (every cue word's categories have all their phrases, and no sentence names an age: nothing to add)
    words = _traits()[2]
    trait_cues = words is None or may_hold(low, words)
    for lo, hi in _sentence_spans(text):
        sentence = text[lo:hi]
        if not sentence or not sentence.strip():
            continue
        mine = [(p - lo, cats) for p, cats in starts[bisect_left(at, lo):bisect_left(at, hi)]] \
            if starts is not None else None
        hits, traits = _sentence_hits(sentence, traits, mine, ages, trait_cues, low[lo:hi] if same else None, done)
        if done and hits:
            hits = [h for h in hits if h[0] not in done]
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


# a sentence about who governs the plan (its board, steering group, their members)
_GOVERNANCE = re.compile(r"\b(?:repræsentant(?:er)?\s+(?:for|fra)|formand(?:en|ene)?\s+for|består\s+af|styregruppe\w*"
                         r"|bestyrelse(?:n|rne)?\s+og|inddrages|følgegruppe\w*|sekretariat\w*)\b", re.I)


def extract_target_groups(doc: Document, activities: list[Activity],
                          organisation_names: list[str] | None = None) -> list[TargetGroup]:
    """Document-level target groups with phrases, contexts and source lines."""
    in_activity = _activity_lines(doc, activities)
    mask = _org_name_mask(organisation_names or [])
    groups: dict[str, TargetGroup] = {}
    strip = (lambda text: text) if markup_free(doc) else strip_markup  # (a document without markup: each line as it is)
    texts = [strip(mask(line)) if line.strip() else "" for line in doc.lines]
    cue_starts = _texts_cue_starts(texts, doc) if texts else None
    lows = doc.lower_lines if texts == doc.lines else [None] * len(texts)
    # per context, the categories a line can add nothing to: their phrases are all found,
    # and the context is theirs already (their phrases need not be worked out again)
    done: dict[str, set[str]] = {"activity": set(), "problem": set()}
    for i, text in enumerate(texts):
        if not doc.lines[i].strip():
            continue
        context = "activity" if i in in_activity else "problem"
        if cue_starts is None:
            may, starts = _line_starts(text)
        else:  # (whether the line may name a group is told only for a line that may add to one)
            per_text, low, bases = cue_starts
            starts, at = per_text[i], bases[i]
            if done[context] and _only_done(starts, done[context]) and not _has_age(text, low, at):
                continue  # (what _classify would tell before reading the line's sentences)
            may = _may_start(text, low[at:at + len(text)], starts) if starts else _has_age(text, low, at)
        if not may:
            continue
        for cat, phrases in _classify(text, may, starts, done[context], lows[i]).items():
            if cat == "tenant_democracy" and context == "problem" and _GOVERNANCE.search(text) \
                    and all("afdelingsbestyrelse" in p.casefold() for p in phrases):
                continue  # "Bestyrelsen består af ... en repræsentant for afdelingsbestyrelserne": who governs the
                # plan, not whom it is for
            g = groups.get(cat) or groups.setdefault(cat, TargetGroup(category=cat))
            for phrase in phrases:
                if phrase not in g.phrases and len(g.phrases) < MAX_PHRASES:
                    g.phrases.append(phrase)
                    if len(g.sources) < 20:
                        g.sources.append(doc.ref(i, phrase))
            if context not in g.contexts:
                g.contexts.append(context)
            if len(g.phrases) >= MAX_PHRASES:
                done[context].add(cat)
    for act in activities:
        for cat in act.target_groups:
            if cat not in TARGET_GROUPS:
                continue
            g = groups.get(cat) or groups.setdefault(cat, TargetGroup(category=cat))
            if "activity" not in g.contexts:
                g.contexts.append("activity")
                g.sources.extend(act.sources[:1])
    return [groups[c] for c in TARGET_GROUPS if c in groups]
