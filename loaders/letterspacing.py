"""Repair letter-spaced PDF text ("Ak t i v i te tsnavn :" -> "Aktivitetsnavn:").

PDF text extraction guesses word breaks from glyph gaps; tracked (letter-spaced)
headings come out as runs of 1-3 letter fragments. This module finds such lines
and re-segments them with a dynamic programme over the fragments: each gap
between two fragments is either a word break or not, and the split that
maximises the sum of word log-probabilities wins. Word probabilities come from
the Danish word list that ships inside the ``wordfreq`` wheel (``small_da``,
about 29,000 words, no network); Danish compounds missing from it
("indsatsområdet", "aktivitetsnavn") are scored as known head + known tail
(with the linking ``s``/``e``) or known stem + ending, and anything else as an
unknown word with a length-dependent penalty. A wide gap (2+ spaces) is always
a break; a single space between two whole words of ordinary prose is a likely
break. Numbers, e-mails, URLs and acronyms are never split or merged into
words; closing punctuation is glued to the word before.

The constants below were tuned on seed 004 and on random fragmentations of
common Danish words (see tests/loaders/test_normalise.py).

Only lines detected as letter-spaced are touched (:func:`is_letter_spaced`),
so ordinary prose passes through unchanged and the cost stays small.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import filterfalse

__all__ = ["is_letter_spaced", "repair_letter_spacing", "segment_fragments", "word_score"]

MAX_WORD_CHARS = 40
MAX_WORD_FRAGMENTS = 24
UNKNOWN_BASE = -20.0  # an unknown word costs this ...
UNKNOWN_PER_CHAR = -4.0  # ... plus this per character
INFLECTION_PENALTY = -2.0  # known stem + ending: "indikator" + "er"
SUFFIXES = ("er", "erne", "ernes", "en", "ens", "et", "ets", "ene", "e", "r", "s", "t", "ne", "ns")
FUNCTION_WORD = -7.0  # words this frequent ("den", "for", "til") are never compound parts
RARE_SHORT = -8.0  # 1-2 letter words rarer than this ...
RARE_SHORT_PENALTY = -8.0  # ... are probably fragments
COMPOUND_PENALTY = -0.5  # a compound of two known words
SHORT_HEAD_PENALTY = -0.5  # ... whose head has only 3 letters
SPACED_BREAK = -1.5  # a word break at a single space inside a spaced run
WORDS_BREAK = 3.0  # a single space between two whole known words is a real break
STRONG = -25.0  # a 4+ letter token scoring above this is a whole word on its own
CAMEL_PENALTY = -30.0  # "iByhaven": a lower->upper case change inside a word
_SUFFIX_SET = frozenset(SUFFIXES)
_SUFFIX_LENGTHS = tuple(sorted({len(x) for x in SUFFIXES}))
LINKS = ("", "s", "e")  # Danish linking morphemes: aktivitet-s-navn
ADJECTIVE_ENDINGS = ("ige", "iske", "iale", "ede", "ende")  # "sociale", "løbende": no compound heads

_WORD = re.compile(r"^[^\W\d_]+$")
_STRIP = ",;:!?()[]{}"
_PUNCT_GLUE_LEFT = set(".,;:!?)]}%»”’")
_PUNCT_GLUE_RIGHT = set("([{«“‘")


@lru_cache(maxsize=1)
def _logfreq() -> dict[str, float]:
    """Natural-log frequencies of the Danish word list (loaded once, on the first
    line that might be letter-spaced)."""
    try:
        return _read_wordlist()
    except (OSError, ValueError, ImportError, TypeError, IndexError):  # a changed package: its API
        import wordfreq

        return {w: math.log(f) for w, f in wordfreq.get_frequency_dict("da", wordlist="small").items()
                if f > 0}


def _read_wordlist() -> dict[str, float]:
    """The same figures as ``wordfreq.get_frequency_dict("da", "small")``, read
    straight from the wheel's data file in wordfreq's documented "cBpack" format
    (gzipped msgpack: a header, then one list of words per centibel of
    frequency). Importing wordfreq itself costs ~70 ms (ftfy, langcodes) that
    this path does not pay."""
    import gzip
    import importlib.util
    from pathlib import Path

    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("wordfreq is not installed")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "small_da.msgpack.gz"
    with gzip.open(path, "rb") as fh:
        data = msgpack.load(fh, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"unexpected wordfreq data header: {header!r}")
    out: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        lf = math.log(10 ** (-index / 100))
        for word in bucket:
            out[word] = lf
    return out


@lru_cache(maxsize=65536)
def word_score(word: str) -> float:
    """Log-probability-like score of one candidate word (higher is better).

    Known words score their log frequency (rare 1-2 letter "words" such as
    "ka" are penalised: in spaced text they are fragments); unknown words are
    tried as known stem + inflection ("indikator-er") and as a compound of two
    known words ("indsats-området", "aktivitet-s-navn"); anything else is
    unknown and costs more the longer it is.

    >>> word_score("strategisk") > word_score("strat") + word_score("egisk")
    True
    >>> word_score("indsatsområdet") > word_score("ndsatsområdet")
    True
    """
    w = word.lower()
    freqs = _logfreq()
    camel = CAMEL_PENALTY if any(a.islower() and b.isupper() for a, b in zip(word, word[1:])) else 0.0
    if w in freqs:
        lf = freqs[w]
        return (lf + RARE_SHORT_PENALTY if len(w) <= 2 and lf < RARE_SHORT else lf) + camel
    best = UNKNOWN_BASE + UNKNOWN_PER_CHAR * len(w)
    if len(w) >= 5 and _WORD.match(w):
        best = max(best, _inflected(w, freqs), _compound(w, freqs))
    return best + camel


def _inflected(w: str, freqs: dict[str, float]) -> float:
    """Score of ``w`` as a known stem plus an inflection ending."""
    best = -math.inf
    for k in _SUFFIX_LENGTHS:  # one set lookup per ending length, not one test per ending
        if len(w) - k >= 4 and w[-k:] in _SUFFIX_SET:
            lf = freqs.get(w[:-k])
            if lf is not None and lf + INFLECTION_PENALTY > best:
                best = lf + INFLECTION_PENALTY
    return best


def _definite(word: str, freqs: dict[str, float]) -> bool:
    """"aftalen", "området": a definite form, which Danish never uses as a compound head."""
    base = word[:-1]
    return (len(word) > 3 and word[-1] in "nt" and word[-2] == "e" and base in freqs
            and freqs[base] > freqs[word])  # "voksen" is commoner than "vokse": not definite


def _compound(w: str, freqs: dict[str, float]) -> float:
    """Best score of ``w`` as head (+ link) + tail, both known content words."""
    best = -math.inf
    for cut in range(3, len(w) - 2):
        tail = freqs.get(w[cut:])
        if tail is None and len(w) - cut >= 5:
            tail = _inflected(w[cut:], freqs)
        if tail is None or tail == -math.inf or tail > FUNCTION_WORD:
            continue
        for link in LINKS:
            if link and not w[:cut].endswith(link):
                continue
            head = w[: cut - len(link)]
            lf = freqs.get(head)
            if (lf is None or len(head) < 3 or lf > FUNCTION_WORD or _definite(head, freqs)
                    or head.endswith(ADJECTIVE_ENDINGS)):
                continue
            short = SHORT_HEAD_PENALTY if len(head) < 4 else 0.0  # "ide-lokale" vs "i de lokale"
            best = max(best, lf + tail + COMPOUND_PENALTY + short)
    return best


def _is_solid(tok: str) -> bool:
    """A whole known word: a single space next to another one is a real break."""
    w = tok.lower()
    lf = _logfreq().get(w)
    if len(tok) > 1 and tok.isupper():
        return True
    return lf is not None and (len(w) >= 3 or (lf > RARE_SHORT and (len(w) == 2 or w in "iåø")))


@lru_cache(maxsize=1)
def _common_short() -> frozenset[str]:
    """Short words frequent enough to be ordinary prose, not fragments."""
    return frozenset(w for w, lf in _logfreq().items()
                     if len(w) <= 3 and lf > math.log(2e-4) and len(w) > 1 or w in ("i", "å", "ø")) | _ENGLISH_SHORT \
        | _ABBREVIATIONS


# The agreements' short abbreviations ("afd. 3", "nr. 2", "jf.", "tlf."): words, not fragments
# ("Boligselskabet Hou afd. 3" is no letter-spaced line)
_ABBREVIATIONS = frozenset("afd nr ca jf tlf stk pkt evt inkl mht kl mv mfl fx dvs bl vh".split())


# Short English words Danish activity names borrow ("Eat and learn", "Girls on the run").
_ENGLISH_SHORT = frozenset("a an and the of on in to for with at by up out our we you it is be do go get "
                           "eat run fun job new art day way win".split())


def is_letter_spaced(line: str) -> bool:
    """True when a line looks like letter-spaced PDF output.

    Looks for a high share of 1-3 letter fragments that are not common short
    words; ordinary prose (with its many "i", "og", "at") is not flagged.

    >>> is_letter_spaced("Ak t i v i te tsnavn :")
    True
    >>> is_letter_spaced("De lmå l  og ind i ka to re r  for  i ndsa tsområde t")
    True
    >>> is_letter_spaced("Det er et krav, at der udarbejdes en strategisk samarbejdsaftale.")
    False
    >>> is_letter_spaced("1.5.3.3. Eat and learn 34")
    False
    """
    toks = line.split()
    if len(toks) < 3:
        return False
    fragment = _fragments()
    inert = _FRAGMENTS[2]
    if inert.issuperset(toks):
        return False  # (most lines: every token one seen before that never counts, told in C)
    remember = inert.add
    odd = 0
    for k, tok in enumerate(toks):
        if len(tok) > 6:
            remember(tok)
            continue
        is_fragment = fragment.get(tok)
        if is_fragment is None:
            is_fragment = _remember_fragment(fragment, tok)
        if not is_fragment:
            remember(tok)
            continue
        core = tok.strip(_STRIP)
        if core.isupper() and len(core) > 1:
            remember(tok)
            continue  # an acronym
        if core.isupper() and (k + 1 == len(toks) or not toks[k + 1].strip(_STRIP)[:1].islower()):
            continue  # a lone capital unless it starts a word: "B robygn ing"
        if core.istitle() and len(core) > 1 and not _fragment_next(fragment, toks, k):
            continue  # a short name ("Hou Strand", "Boligselskabet Hou afd. 3"), unless a fragment follows: "Ak t i"
        odd += 1
    return odd >= 2 and odd / len(toks) >= 0.2


# [the short words it was made with, token -> is it a fragment, tokens that never count]
_FRAGMENTS: list = [None, {}, set()]


def _fragments() -> dict[str, bool]:
    """Whether a (short) token is a fragment: 1-3 letters that are no common short word,
    remembered per token (tokens recur: "og", "i", "at"). Beside it, the tokens seen that
    never count towards a letter-spaced line (longer than 6 characters, no fragment, or an
    acronym): a line holding only those is told by one set test."""
    common = _common_short()
    if _FRAGMENTS[0] is not common or len(_FRAGMENTS[1]) > 100_000 or len(_FRAGMENTS) < 3 \
            or len(_FRAGMENTS[2]) > 200_000:
        _FRAGMENTS[:] = [common, {}, set()]
    return _FRAGMENTS[1]


def counting_tokens(tokens: Iterable[str]) -> set[str]:
    """Those of ``tokens`` that may count towards a letter-spaced line (:func:`is_letter_spaced`: a
    fragment that is no acronym); the others are remembered as never counting. A line holding
    none of them is not letter-spaced.

    >>> sorted(counting_tokens(["Ak", "t", "i", "tsnavn", "AKB", "og", "v"]))
    ['Ak', 't', 'v']
    """
    fragment = _fragments()
    inert = _FRAGMENTS[2]
    out: set[str] = set()
    # (the tokens not known to be inert, found by a look-up of each in C: most are, and a set of all a page's
    # tokens cost a third more)
    for tok in set(filterfalse(inert.__contains__, tokens)):
        if len(tok) <= 6:
            is_fragment = fragment.get(tok)
            if is_fragment is None:
                is_fragment = _remember_fragment(fragment, tok)
            if is_fragment:
                core = tok.strip(_STRIP)
                if not (core.isupper() and len(core) > 1):
                    out.add(tok)
                    continue
        inert.add(tok)
    return out


def _fragment_next(fragment: dict[str, bool], toks: list[str], k: int) -> bool:
    """Is the token after ``toks[k]`` a fragment?"""
    if k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    found = fragment.get(nxt)
    return _remember_fragment(fragment, nxt) if found is None else found


def _remember_fragment(fragment: dict[str, bool], tok: str) -> bool:
    core = tok.strip(_STRIP)  # "mm." / "fx." stay abbreviations
    fragment[tok] = result = 0 < len(core) <= 3 and core.isalpha() and core.lower() not in _common_short()
    return result


def _tokens(line: str) -> list[tuple[str, bool]]:
    """Fragments with a flag: was the gap before it a wide (2+ spaces) gap?"""
    out: list[tuple[str, bool]] = []
    for m in re.finditer(r"(\s*)(\S+)", line):
        out.append((m.group(2), len(m.group(1)) >= 2))
    return out


def _prose(j: int, solid: list[bool], wide: list[bool], one_letter: list[bool]) -> bool:
    """Is the gap before fragment ``j`` between two whole words in ordinary prose
    (both neighbours known words, and no stray fragment right around them)?"""
    n = len(solid)
    left = j < 2 or wide[j - 1] or solid[j - 2]
    right = j + 1 >= n or wide[j + 1] or solid[j + 1]
    # a lone one-letter word ("i") after a word break needs only one side
    return solid[j - 1] and solid[j] and (right or one_letter[j - 1]) and left


def segment_fragments(frags: list[str], wide: list[bool] | None = None) -> list[str]:
    """Best split of letter fragments into words (dynamic programming).

    ``wide[i]`` says the gap before ``frags[i]`` was wide: a break there is
    free, a break at a narrow gap costs a little.

    >>> segment_fragments(["s", "t", "ra", "teg", "isk"])
    ['strategisk']
    >>> segment_fragments(["om", "bo", "l", "i", "gområde", "t"])
    ['om', 'boligområdet']
    """
    n = len(frags)
    wide = wide or [False] * n
    solid = [_is_solid(f) for f in frags]
    strong = [len(f) >= 4 and word_score(f) > STRONG for f in frags]
    one_letter = [len(f) == 1 for f in frags]
    best = [0.0] + [-math.inf] * n
    back = [0] * (n + 1)
    for i in range(1, n + 1):
        word = ""
        for j in range(i - 1, max(-1, i - 1 - MAX_WORD_FRAGMENTS), -1):
            word = frags[j] + word
            if len(word) > MAX_WORD_CHARS:
                break
            if j + 1 < i and wide[j + 1]:
                break  # never join across a wide gap
            if j == 0 or wide[j]:
                brk = 0.0
            else:
                whole = _prose(j, solid, wide, one_letter) or strong[j - 1] or strong[j]
                brk = WORDS_BREAK if whole else SPACED_BREAK
            score = best[j] + word_score(word) + brk
            if score > best[i]:
                best[i], back[i] = score, j
    words: list[str] = []
    i = n
    while i > 0:
        words.append("".join(frags[back[i]:i]))
        i = back[i]
    return words[::-1]


_SEGMENT = re.compile(r"[^\W\d_]+|[^\w\s]")
_WHOLE = re.compile(r"@|://|www\.|\d")  # e-mails, URLs, numbers: never re-segmented


def _pieces(line: str) -> list[tuple[str, bool]]:
    """``(text, space_before)`` pieces of a letter-spaced line.

    Letter fragments between punctuation are re-segmented into words;
    numbers, e-mails, URLs and acronyms are kept whole; punctuation keeps
    the spacing it had, except that closing marks glue to the word before.
    """
    pieces: list[tuple[str, bool]] = []
    run: list[str] = []
    run_wide: list[bool] = []
    run_space = True

    def flush() -> None:
        nonlocal run_space
        if run:
            words = segment_fragments(run, run_wide)
            pieces.extend((w, run_space if k == 0 else True) for k, w in enumerate(words))
            run.clear()
            run_wide.clear()

    for tok, wide in _tokens(line):
        gap = 2 if wide else 1
        if _WHOLE.search(tok) or (len(tok) > 1 and tok.isupper() and tok.isalpha()):
            flush()
            pieces.append((tok, True))
            continue
        for seg in _SEGMENT.findall(tok):
            if _WORD.match(seg):
                if run and gap == 1:
                    run.append(seg)
                    run_wide.append(False)
                else:
                    flush()
                    run.append(seg)
                    run_wide.append(True)
                    run_space = gap > 0 and not (pieces and pieces[-1][0] in _PUNCT_GLUE_RIGHT)
            else:
                flush()
                glued = seg in _PUNCT_GLUE_LEFT and gap < 2
                pieces.append((seg, gap > 0 and not glued))
            gap = 0
    flush()
    return pieces


def repair_letter_spacing(line: str) -> str:
    """Re-segment a letter-spaced line; any other line is returned unchanged.

    >>> repair_letter_spacing(" Ak t i v i te tsnavn :  ")
    'Aktivitetsnavn:'
    >>> repair_letter_spacing("Må lg ruppe ( r ) :")
    'Målgruppe(r):'
    >>> repair_letter_spacing("Kontaktperson: Anna Holm, 2164 4146 / ab12@kk.dk")
    'Kontaktperson: Anna Holm, 2164 4146 / ab12@kk.dk'
    >>> repair_letter_spacing("S T R A T E G I S K   S A M A R B E J D S A F T A L E")
    'STRATEGISK   SAMARBEJDSAFTALE'
    """
    stripped = line.strip()
    if stripped[1:2] == " " and stripped[3:4] == " " and _SPACED_CAPITALS.match(stripped):
        # "S T R A T E G I S K   S A M A R B E J D S A F T A L E": a heading in spaced capitals, no acronyms
        line = _SPACED_CAPITALS.sub(lambda m: m.group(0).replace(" ", ""), line)
    if len(line) >= SPACED_RUN_LINE:  # (a page run together: its spaced runs only, not its names between them)
        if " " in line[1::2] and _SPACED_CAPITALS.search(line):
            line = _SPACED_CAPITALS.sub(_capitals_words, line)
        return _repair_spaced_runs(line)
    return _joined(line) if is_letter_spaced(line) else line


def _capitals_words(m: re.Match[str]) -> str:
    """A heading in spaced capitals whose wide gaps between words were lost, as words
    ("S T R A T E G I S K S A M A R B E J D S A F T A L E" -> "STRATEGISK SAMARBEJDSAFTALE")."""
    return " ".join(segment_fragments([c.lower() for c in m.group(0).split()])).upper()


def _joined(text: str) -> str:
    """A letter-spaced text's pieces joined as words."""
    out = ""
    for piece, space in _pieces(text):
        out += (" " if out and space else "") + piece
    # "Målgruppe (r)" -> "Målgruppe(r)": a short parenthesised suffix belongs to the word
    return _SUFFIX.sub(r"\1(\2)", out)


# A line this long may be a whole page run together (a PDF's text copied without its line
# breaks): its letter-spaced headings and labels are runs inside ordinary prose, which the
# whole line's share of fragments does not show.
SPACED_RUN_LINE = 160
SPACED_RUN_MIN = 3  # fragments in a run
_TOKEN = re.compile(r"\S+")


def spaced_runs(line: str) -> list[tuple[int, int]]:
    """The spans of ``line`` (start, end) that are letter-spaced runs: at least
    :data:`SPACED_RUN_MIN` fragments (as :func:`is_letter_spaced` counts them; two in a line that has
    such a run), each within two tokens of the next, with the token before and after the run (a word's first or last
    piece: "Ak t i v i te tsnavn").

    >>> line = "Beskrivelse: Sprogundervisning i fælleshuset. Ak t i v i te tsnavn : Sprog på Job Mål g r u p p e ( r ) : Voksne"
    >>> [line[a:b] for a, b in spaced_runs(line)]
    ['Ak t i v i te tsnavn :', 'Mål g r u p p e ( r ) :']
    """
    words = line.split()
    fragment = _fragments()
    odd = [k for k, w in enumerate(words) if len(w) <= 6 and fragment.get(w, True) and _odd_token(words, k)]
    # (a token known to be no fragment, most of a line's, told by one dictionary lookup)
    if len(odd) < 2:
        return []
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(odd):
        j = k
        while j + 1 < len(odd) and _same_run(words, odd[j], odd[j + 1]):
            j += 1
        runs.append((k, j))
        k = j + 1
    # (a text spaced somewhere has more such runs: there two fragments make one, "Fr i t i ds job for a l le")
    least = 2 if any(j - k + 1 >= SPACED_RUN_MIN for k, j in runs) else SPACED_RUN_MIN
    if not any(j - k + 1 >= least for k, j in runs):
        return []
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(line)]  # (the words' places, only where a run is)
    spans: list[tuple[int, int]] = []
    for k, j in runs:
        if j - k + 1 >= least:
            first, last = odd[k], odd[j]
            for _ in range(2):  # a word's first or last pieces beside the run ("Ak", "tsnavn"; no number)
                if first > 0 and _beside(words[first - 1], first == odd[k]):
                    first -= 1
                if last + 1 < len(toks) and _beside(words[last + 1], last == odd[j]):
                    last += 1
            spans.append((toks[first][0], toks[last][1]))
        k = j + 1
    return spans


def _beside(tok: str, next_to_fragment: bool) -> bool:
    """May ``tok`` beside a spaced run be part of it: letters, and a piece of a word unless it
    is next to one of the run's fragments?"""
    core = tok.strip(_STRIP)
    if not core:
        return tok in (")", ":", "):")  # (a label's closing marks: "Mål g r u p p e ( r ) :")
    return core.isalpha() and (next_to_fragment or not _is_solid(core))


def _piece(tok: str) -> bool:
    """A token that may be a piece of a spaced word: letters, not a known whole word."""
    core = tok.strip(_STRIP)
    return core.isalpha() and not _is_solid(core)


def _same_run(words: list[str], a: int, b: int) -> bool:
    """Are the fragments ``words[a]`` and ``words[b]`` in one spaced run: at most two tokens between
    them, pieces of spaced words or at most one known word ("samarbe jdsa f", "bo l i gsoc")?"""
    between = words[a + 1:b]
    return len(between) <= 2 and sum(not _piece(w) for w in between) <= 1


def _odd_token(toks: list[str], k: int) -> bool:
    """Does ``toks[k]`` count towards a letter-spaced text (:func:`is_letter_spaced`'s test)?"""
    tok = toks[k]
    if len(tok) > 6:
        return False
    fragment = _fragments()
    is_fragment = fragment.get(tok)
    if is_fragment is None:
        is_fragment = _remember_fragment(fragment, tok)
    if not is_fragment:
        return False
    core = tok.strip(_STRIP)
    if core.isupper() and (len(core) > 1 or k + 1 == len(toks) or not toks[k + 1].strip(_STRIP)[:1].islower()):
        return False
    return not (core.istitle() and len(core) > 1 and not _fragment_next(fragment, toks, k))


def _repair_spaced_runs(line: str) -> str:
    """``line`` with each of its letter-spaced runs (:func:`spaced_runs`) re-segmented."""
    if _FRAGMENTS[2].issuperset(line.split()):
        return line  # (most lines: no token that may count, told in C)
    spans = spaced_runs(line)
    for start, end in reversed(spans):
        text = line[start:end]
        if _WHOLE.search(text):
            continue  # (a run with numbers or an address beside it: left as it is)
        line = line[:start] + _joined(text) + line[end:]
    return line


_SUFFIX = re.compile(r"(\w) \(([a-zæøå]{1,2})\)")
# four or more single capitals a space apart: one word of a heading set in spaced capitals
_SPACED_CAPITALS = re.compile(r"(?<![\w-])[A-ZÆØÅ](?: [A-ZÆØÅ]){3,}(?![\w-])")
