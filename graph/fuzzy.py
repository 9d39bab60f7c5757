"""Fuzzy candidate links between organisation names (graph/resolve.py's ``fuzzy`` rule).

Primary names are compared within a *block* (the first letter of their longest token)
with rapidfuzz's ``cdist`` prefilter (``token_sort_ratio`` at the minimum score), then
each candidate pair with the careful rule, :func:`samspil.graph.names.same_name`.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from rapidfuzz import fuzz, process

from samspil.graph.names import Vocabulary, is_code, same_name, tokens

__all__ = ["fuzzy_block", "fuzzy_links", "known_fuzzy", "FUZZY_RANK"]

FUZZY_RANK = 4      # graph/resolve.py RULE_RANK["fuzzy"]


def fuzzy_block(primary: str, vocab: Vocabulary) -> str | None:
    """The fuzzy-comparison block of a primary name (None: never compared fuzzily)."""
    if primary in vocab.generic or len(primary) < vocab.min_length:
        return None
    return max(primary.split(), key=len)[0]


def fuzzy_links(entities: list[Any], vocab: Vocabulary, pairs: list | None = None) -> list[tuple]:
    """Fuzzy candidates between primary names (rapidfuzz cdist prefilter, then the careful rule)."""
    first: dict[str, int] = {}
    for i, e in sorted(enumerate(entities), key=lambda x: x[1].sort_key):
        if fuzzy_block(e.primary, vocab) is not None:
            first.setdefault(e.primary, i)
    if isinstance(pairs, set):          # the pairs are known (the store keeps them)
        return known_fuzzy(entities, first, pairs, vocab)
    out = []
    for x, y in _fuzzy_candidates(sorted(first), vocab):
        score = same_name(x, y, vocab)
        if score > 0 and pairs is not None:
            pairs.append((x, y))
        if score > 0:
            a, b = first[x], first[y]
            out.append((FUZZY_RANK, -score, (x, y), entities[b].sort_key, a, b,
                        f"fuzzy({score:.2f})"))
    return out


def _fuzzy_candidates(keys: list[str], vocab: Vocabulary) -> list[tuple[str, str]]:
    """Pairs (x < y) of sorted primary names in one block (the first letter of the
    longest token) whose ``token_sort_ratio`` reaches the minimum score. The rule accepts
    two names only when their codes are equal (or they differ only in spaces), so a
    block is compared in parts of equal codes, plus the pairs of equal space-free forms
    across parts: the same candidates the rule accepts as comparing the whole block,
    with a fraction of the comparisons (10,000 plans: ~7,000 names in the largest block)."""
    blocks: dict[tuple, list[str]] = defaultdict(list)
    spaceless: dict[tuple[str, str], list[str]] = defaultdict(list)
    for k in keys:
        block = fuzzy_block(k, vocab)
        blocks[(block, frozenset(t for t in tokens(k, vocab) if is_code(t, vocab)))].append(k)
        spaceless[(block, k.replace(" ", ""))].append(k)
    out = set()
    for part in blocks.values():
        if len(part) < 2:
            continue
        matrix = process.cdist(part, part, scorer=fuzz.token_sort_ratio,
                               score_cutoff=vocab.min_score, workers=-1)
        rows, cols = matrix.nonzero()
        out.update((part[r], part[c]) for r, c in zip(rows.tolist(), cols.tolist()) if r < c)
    for same in spaceless.values():
        out.update((x, y) for i, x in enumerate(same) for y in same[i + 1:]
                   if fuzz.token_sort_ratio(x, y, score_cutoff=vocab.min_score))
    return sorted(out)


def known_fuzzy(entities: list[Any], first: dict[str, int], pairs: set[tuple[str, str]],
                 vocab: Vocabulary) -> list[tuple]:
    """The fuzzy links among ``entities`` from pairs already known to pass the rule."""
    out = []
    for a, z in sorted(p for p in pairs if p[0] < p[1] and p[0] in first and p[1] in first):
        score = same_name(a, z, vocab)
        out.append((FUZZY_RANK, -score, (a, z), entities[first[z]].sort_key,
                    first[a], first[z], f"fuzzy({score:.2f})"))
    return out
