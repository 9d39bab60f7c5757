"""Names of organisations: the resolution vocabulary, normalisation and the careful
fuzzy comparison (rapidfuzz) used by :mod:`samspil.graph.resolve`.

The abbreviation vocabulary itself (KK, BUF, SOF, ...) is the loaders' one
(loaders/vocab/abbreviations.yaml); graph/resolution.yaml adds spelling variants,
generic names that never link two documents, stopwords, sibling codes and the
fuzzy thresholds.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from samspil.loaders.errors import VocabularyError

__all__ = ["Vocabulary", "Overrides", "load_vocabulary", "load_overrides", "normalise",
           "same_name", "fold_name", "compact", "tokens", "is_code", "derived_names",
           "stated_parent", "parent_abbreviation"]


@dataclass(frozen=True)
class Vocabulary:
    canonical: dict[str, str]      # normalised variant/abbreviation -> normalised canonical name
    display: dict[str, str]        # normalised canonical name -> display form
    generic: frozenset[str]
    stopwords: frozenset[str]
    codes: frozenset[str]
    min_score: float = 90
    token_score: float = 85
    min_length: int = 6
    parent_abbreviations: frozenset[str] = frozenset()
    local: dict[str, str] = field(default_factory=dict)  # key of a local abbreviation's expansion -> its municipality
    local_services: frozenset[str] = frozenset()         # a municipality's own services, named without place


@dataclass(frozen=True)
class Overrides:
    """``same`` / ``different`` pairs of names or ids from the user's YAML file."""

    same: tuple[tuple[str, str], ...] = ()
    different: tuple[tuple[str, str], ...] = ()


_CARE_OF = re.compile(r"\s+(?:v/|v\.|c/o)\s*\S.*$")
_GENITIVE = re.compile(r"[’']s\b")
_PUNCT = re.compile(r"[^\w\s]|_")


@lru_cache(maxsize=200_000)
def fold_name(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).casefold()
    t = t.replace("&", " og ")
    t = _CARE_OF.sub("", t)      # "3B v/KAB", "PAB v. fa09"
    t = _GENITIVE.sub("", t)     # "3B's"
    t = _PUNCT.sub(" ", t)
    return " ".join(t.split())


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The resolution vocabulary: loaders' abbreviations + graph/resolution.yaml."""
    path = Path(__file__).with_name("resolution.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        abbreviations = _loader_abbreviations()
        canonical: dict[str, str] = {}
        display: dict[str, str] = {}
        for abbr, full in abbreviations.items():
            canonical[fold_name(str(abbr))] = fold_name(str(full))
            display[fold_name(str(full))] = str(full)
        for full, variants in (data.get("variants") or {}).items():
            display[fold_name(full)] = full
            for v in variants or []:
                canonical[fold_name(str(v))] = fold_name(full)
        fz = data.get("fuzzy") or {}
        local = {}
        for place, abbrs in _loader_abbreviations("local").items():  # ("SSP": SSP København in Copenhagen only)
            for abbr in abbrs or []:
                if (expanded := canonical.get(fold_name(str(abbr)))) is not None:
                    local[expanded] = local[compact(expanded)] = fold_name(str(place))
        return Vocabulary(
            local=local, local_services=frozenset(fold_name(n) for n in data.get("local_services") or []),
            canonical=canonical, display=display,
            generic=frozenset(fold_name(g) for g in data.get("generic") or []),
            parent_abbreviations=frozenset(fold_name(a) for a in
                                           data.get("parent_abbreviations") or []),
            stopwords=frozenset(data.get("stopwords") or []),
            codes=frozenset(data.get("codes") or []),
            min_score=float(fz.get("min_score", 90)), token_score=float(fz.get("token_score", 85)),
            min_length=int(fz.get("min_length", 6)))
    except (OSError, yaml.YAMLError, AttributeError, TypeError, ValueError) as exc:
        raise VocabularyError(f"bad resolution vocabulary: {exc}", document=str(path)) from exc


def _loader_abbreviations(part: str = "abbreviations") -> dict:
    try:
        from samspil.loaders.vocab import load_vocab
    except ImportError:  # pragma: no cover - the loaders' vocabulary is optional
        return {}
    try:
        return dict(load_vocab("abbreviations").get(part) or {})
    except VocabularyError:
        return {}


def load_overrides(path: Path | None) -> Overrides:
    """Read the overrides YAML (``same: [[a, b]]``, ``different: [[a, b]]``); none -> empty."""
    if path is None or not Path(path).exists():
        return Overrides()
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise TypeError("expected a mapping with keys 'same' and 'different'")

        def pairs(key: str) -> tuple[tuple[str, str], ...]:
            out = []
            for item in data.get(key) or []:
                if not isinstance(item, (list, tuple)) or len(item) < 2:
                    raise TypeError(f"each entry of '{key}' must be a list of two or more names")
                out.extend((str(item[0]), str(other)) for other in item[1:])
            return tuple(out)

        return Overrides(same=pairs("same"), different=pairs("different"))
    except (OSError, yaml.YAMLError, TypeError) as exc:
        raise VocabularyError(f"bad overrides file ({exc}); fix it or remove it",
                              document=str(path)) from exc


def normalise(name: str, vocab: Vocabulary | None = None) -> str:
    """Comparison form of a name: folded, punctuation-free, vocabulary applied.

    >>> normalise("Boligforeningen 3B v/KAB")
    'boligforeningen 3b'
    >>> normalise("SOF") == normalise("Socialforvaltningen")
    True
    """
    key = fold_name(name)
    return (vocab or load_vocabulary()).canonical.get(key, key)


# -- comparison ---------------------------------------------------------------
@lru_cache(maxsize=200_000)
def compact(key: str) -> str:
    """Space-free form ("sydhavns compagniet" = "sydhavnscompagniet"), marked with "~"."""
    return key if key.startswith("~") else "~" + key.replace(" ", "")


def tokens(key: str, vocab: Vocabulary) -> list[str]:
    return [t for t in key.split() if t not in vocab.stopwords]


def is_code(token: str, vocab: Vocabulary) -> bool:
    return len(token) <= 3 or any(c.isdigit() for c in token) or token in vocab.codes


def same_name(a: str, b: str, vocab: Vocabulary | None = None) -> float:
    """Similarity (0-1) of two *normalised* names under the careful fuzzy rule; 0 = different.

    >>> same_name("landsbyggefonden", "landsbyggerfonden") > 0.9
    True
    >>> same_name("valby skole", "vigerslev skole"), same_name("buf uu københavn", "buf")
    (0.0, 0.0)
    >>> same_name("remisevænget øst", "remisevænget syd")
    0.0
    >>> same_name("midt og vestjyllands politi", "midt og vestsjællands politi")
    0.0
    """
    vocab = vocab or load_vocabulary()
    if a.replace(" ", "") == b.replace(" ", ""):
        return 1.0
    ta, tb = tokens(a, vocab), tokens(b, vocab)
    if not ta or not tb or min(len(a), len(b)) < vocab.min_length:
        return 0.0
    if {t for t in ta if is_code(t, vocab)} != {t for t in tb if is_code(t, vocab)}:
        return 0.0
    sa, sb = set(ta), set(tb)
    if sa < sb or sb < sa:
        return 0.0
    if len(ta) != len(tb) and "".join(sorted(ta)) != "".join(sorted(tb)):
        return 0.0
    for xs, ys in ((ta, tb), (tb, ta)):
        if any(max(fuzz.ratio(x, y) for y in ys) < vocab.token_score for x in xs):
            return 0.0
    score = fuzz.token_sort_ratio(" ".join(ta), " ".join(tb))
    if score < vocab.min_score or _apart_by_name(a, b, ta, tb):
        return 0.0
    return score / 100


def _apart_by_name(a: str, b: str, ta: list[str], tb: list[str]) -> bool:
    """Two names the gazetteer tells apart, however alike they are written: each a different
    known organisation ("Midt- og Vestjyllands Politi", "Midt- og Vestsjællands Politi"), or
    differing in a town's or municipality's name ("Jobcenter Vejle", "Jobcenter Vejen")."""
    from samspil.loaders.gazetteer import known_organisation, municipality, municipality_of_town

    ka, kb = known_organisation(a), known_organisation(b)
    if ka and kb and ka[0] != kb[0]:
        return True
    apart = set(ta) ^ set(tb)
    return any(municipality(t) is not None or municipality_of_town(t) is not None for t in apart)


def derived_names(name: str, vocab: Vocabulary) -> set[str]:
    """Aliases a name implies: without its parent ("SOF Københavnerteamet",
    "Københavnerteamet (Socialforvaltningen)") or municipality qualifier
    ("Socialforvaltningen i Københavns Kommune")."""
    out = set()
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()
    if bare and bare != name.strip():
        out.add(normalise(bare, vocab))
    qualified = re.sub(r"\s+i\s+(KK|\w+s Kommune)$|^\w+s Kommunes\s+", "", name.strip(), flags=re.I)
    if qualified != name.strip():
        out.add(normalise(qualified, vocab))
    m = re.match(r"(\S+?)(?:\s*[-–,:]\s*|\s+)(.+)$", name.strip())
    if m and len(fold_name(m.group(1))) <= 4 and fold_name(m.group(1)) in vocab.canonical:
        out.add(normalise(m.group(2), vocab))     # "SOF Københavnerteamet", "TMF – Green Team"
    return out


def stated_parent(name: str, vocab: Vocabulary) -> str:
    """The parent a name states ("SOF X" and "X (Socialforvaltningen)" -> socialforvaltningen)."""
    m = re.search(r"\(([^)]*)\)\s*$", name)
    if m:
        return normalise(m.group(1), vocab)
    m = re.match(r"(\S+?)(?:\s*[-–,:]\s*|\s+)(.+)$", name.strip())
    if m and len(fold_name(m.group(1))) <= 4 and fold_name(m.group(1)) in vocab.canonical:
        return normalise(m.group(1), vocab)
    return ""




_PAREN_END = re.compile(r"\(([^)]*)\)\s*$")
_HEAD_REST = re.compile(r"(\S+?)(?:\s*[-–,:]\s*|\s+)(.+)$")


def parent_abbreviation(name: str, vocab: Vocabulary) -> str | None:
    """The vocabulary abbreviation a name states as its parent, if any:
    "SOF Københavnerteamet", "TMF – Green Team", "Jobcenter København (BIF)" -> SOF, TMF, BIF;
    not when the abbreviation is the name's own ("Ungeenheden (UNG)")."""
    m = _PAREN_END.search(name)
    abbr, rest = (m.group(1), name[:m.start()]) if m else (None, None)
    if abbr is None:
        m = _HEAD_REST.match(name.strip())
        abbr, rest = (m.group(1), m.group(2)) if m else (None, None)
    if not abbr or fold_name(abbr) not in vocab.parent_abbreviations:
        return None
    return None if normalise(abbr, vocab) == normalise(rest, vocab) else abbr.strip()
