r"""Where target-group cues may start: the words a category's patterns can begin at.

A regular-expression scan with a long alternation tries every branch at every
position (~20 ms per 100 kB of text here, for every line and block that is
classified). Instead each category's patterns are analysed once: a cue can only
start at a word that begins with one of the category's literal prefixes
('unge', 'børn') or, for ``\w*børn`` style patterns, contains its literal.
Each distinct word is tested once, set operations do the rest, and the
category's own pattern is then tried with ``match`` at those word starts only:
the same matches as ``finditer``, a fraction of the work.
"""
from __future__ import annotations

import re
from itertools import compress

__all__ = ["WORD", "WordTest", "start_spec"]

WORD = re.compile(r"\w+")


class WordTest:
    """Which categories' cues may start at a (lower-case) word."""

    MAX_REMEMBERED = 500_000

    def __init__(self, specs: dict[str, tuple[set[str], set[str], set[str]]]) -> None:
        self.specs = {cat: (tuple(sorted(pre)), tuple(sorted(inf)), frozenset(ex))
                      for cat, (pre, inf, ex) in specs.items()}
        self.prefixes = tuple(sorted({p for pre, _, _ in specs.values() for p in pre}))
        self.exact = frozenset(w for _, _, ex in specs.values() for w in ex)
        infixes = sorted({x for _, inf, _ in specs.values() for x in inf})
        self.infix = re.compile("|".join(map(re.escape, infixes))) if infixes else None
        self.cats: dict[str, frozenset[str]] = {}  # cue words -> their categories
        self.no: set[str] = set()
        self.tokens = _TokenStarts(self)  # token -> its cue words (worked out when first looked up)
        self.every_category = False  # (set by the caller: do all categories' cues start at cue words?)
        self.order: dict[str, int] = {}  # category -> its place in the vocabulary

    def cue_words(self, low: str) -> set[str]:
        """The words of ``low`` at which some cue may start."""
        words = set(WORD.findall(low))
        new = words - self.no - self.cats.keys()
        if new:
            if len(self.no) > self.MAX_REMEMBERED:
                self.no.clear()
            for w in new:
                self._learn(w)
        return words & self.cats.keys()

    def _learn(self, w: str) -> frozenset[str] | None:
        """The categories whose cues may start at word ``w`` (None: none), remembered."""
        cats = frozenset(cat for cat, (pre, inf, ex) in self.specs.items()
                         if w.startswith(pre) or any(x in w for x in inf) or w in ex) \
            if w in self.exact or w.startswith(self.prefixes) or (self.infix and self.infix.search(w)) else None
        if cats:
            self.cats[w] = cats
            return cats
        self.no.add(w)
        return None

    def all_starts(self, low: str) -> list[tuple[int, frozenset[str]]]:
        """The same as :meth:`starts` for a long text, found through its white-space
        separated tokens (split in C; a regular-expression pass over every word costs
        three times as much): each distinct token's cue words are worked out once (when
        the look-up that picks the tokens holding one first meets it: one pass over the tokens, not
        a set of them made first), and only the tokens holding one are looked up in the text, in order."""
        if len(self.tokens) > self.MAX_REMEMBERED:
            self.tokens.clear()
        tokens, known, out = low.split(), self.tokens, []
        find, pos, end = low.find, 0, len(low)
        for t in compress(tokens, map(known.__getitem__, tokens)):
            i = find(t, pos)  # the first whole token t from pos on is this one: an
            pos = i + len(t)  # earlier one would hold the same cue words
            while (i and not low[i - 1].isspace()) or (pos < end and not low[pos].isspace()):
                i = find(t, i + 1)
                pos = i + len(t)
            for k, cats in known[t]:
                out.append((i + k, cats))
        return out

    def _token_starts(self, token: str) -> tuple[tuple[int, frozenset[str]], ...]:
        """(offset, categories) of the cue words in one token (no white space in it)."""
        if len(self.no) > self.MAX_REMEMBERED:
            self.no.clear()
        cats, no, out = self.cats, self.no, []
        for m in WORD.finditer(token):
            w = m.group()
            found = cats.get(w)
            if found is None and (w in no or (found := self._learn(w)) is None):
                continue
            out.append((m.start(), found))
        return tuple(out)

    def categories_to_try(self, at: dict[str, list[int]]) -> list[str]:
        """The categories with a cue word in a sentence (``at``: category -> its cue words'
        starts), in vocabulary order: when every category's cues start at a cue word, the
        only ones whose cues can match there."""
        return sorted(at, key=self.order.__getitem__) if len(at) > 1 else list(at)

    def starts(self, low: str) -> list[tuple[int, frozenset[str]]]:
        """(position, categories) of every cue word in ``low``, in text order."""
        out = []
        for w in self.cue_words(low):
            cats, i = self.cats[w], low.find(w)
            while i >= 0:
                end = i + len(w)
                if (i == 0 or not WORD.match(low, i - 1)) and (end == len(low) or not WORD.match(low, end)):
                    out.append((i, cats))
                i = low.find(w, end)
        out.sort(key=lambda s: s[0])
        return out


def start_spec(items: list, C) -> tuple[set[str], set[str], set[str]] | None:
    """(prefixes, infixes, words) for a parsed pattern: every match starts at a word
    that begins with one of the prefixes, contains one of the infixes or is one of
    the words (a literal the pattern must follow with a non-word character: 'de'
    in 'de ældre', not every word that begins with 'de'). None when that cannot be told."""
    while items and items[0][0] is C.AT:  # \b
        items = items[1:]
    if not items:
        return None
    op, av = items[0]
    rest = items[1:]
    if op is C.BRANCH or op is C.SUBPATTERN:  # each alternative, followed by the rest
        return _union([start_spec(list(a) + rest, C) for a in (av[1] if op is C.BRANCH else [av[3]])])
    if op is C.MAX_REPEAT and av[0] == 0:
        if av[1] == 1:  # optional: with it, or without it
            return _union([start_spec(list(av[2]) + rest, C), start_spec(rest, C)])
        if list(av[2]) == [(C.IN, [(C.CATEGORY, C.CATEGORY_WORD)])]:  # \w*X: the word contains X
            inner = start_spec(rest, C)
            return (set(), inner[0] | inner[2], set()) if inner and not inner[1] else None
        return None
    word = ""
    for op, av in items:
        if op is not C.LITERAL or not (chr(av).isalnum() or chr(av) == "_"):
            break  # a non-literal, a space or punctuation: the prefix ends here
        word += chr(av)
    if not word:
        return None
    after = items[len(word):len(word) + 1]
    return (set(), set(), {word}) if after and _ends_word(after[0], C) else ({word}, set(), set())


def _ends_word(item, C) -> bool:
    """Does the parsed pattern item ``item`` only match where a word has ended (a
    non-word literal, white space, one or more of them, a word boundary)?"""
    op, av = item
    if op is C.LITERAL:
        return not (chr(av).isalnum() or chr(av) == "_")
    if op is C.IN:
        return all(o is C.CATEGORY and a in (C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD)
                   or o is C.LITERAL and not (chr(a).isalnum() or chr(a) == "_") for o, a in av)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return av[0] >= 1 and len(av[2]) == 1 and _ends_word(list(av[2])[0], C)
    return op is C.AT and av is C.AT_BOUNDARY


def _union(specs: list) -> tuple[set[str], set[str], set[str]] | None:
    if any(spec is None for spec in specs):
        return None
    return tuple(set().union(*(s[k] for s in specs)) for k in range(3))  # type: ignore[return-value]


class _TokenStarts(dict):
    """token -> (offset, categories) of its cue words (:meth:`WordTest._token_starts`), a token
    not seen yet worked out when it is looked up."""

    __slots__ = ("test",)

    def __init__(self, test: WordTest) -> None:
        super().__init__()
        self.test = test

    def __missing__(self, token: str) -> tuple[tuple[int, frozenset[str]], ...]:
        starts = self[token] = self.test._token_starts(token)
        return starts
