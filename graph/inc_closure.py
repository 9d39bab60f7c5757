"""Finding the affected component of organisation entities (graph/incremental.py):
everything reachable from the changed documents' entities through shared blocking
keys and fuzzy candidates, set-at-a-time through temporary tables."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from rapidfuzz import fuzz, process

from samspil.graph.names import same_name
from samspil.graph.resolve import fuzzy_block

__all__ = ["Closure", "fuzzy_pairs"]


def fuzzy_pairs(q: Any, vocab: Any, block: str, ps: list[str]) -> list[tuple[str, str]]:
    """The pairs (both ways) the fuzzy rule makes of the primary names ``ps`` with the
    stored primary names of their ``block`` (``q``: the update's query function)."""
    cands = [r[0] for r in q("SELECT DISTINCT prim FROM inc_prim WHERE block = ?", block)]
    if len(ps) == 1:     # (the same scores as cdist's without importing numpy: ~0.3 s of
        hits = [(0, c) for _, _, c in process.extract(      # a one-document load)
            ps[0], cands, scorer=fuzz.token_sort_ratio, score_cutoff=vocab.min_score, limit=None)]
    else:
        m = process.cdist(ps, cands, scorer=fuzz.token_sort_ratio, score_cutoff=vocab.min_score,
                          workers=1)
        hits = zip(*(x.tolist() for x in m.nonzero()))
    out = []
    for r, c in hits:
        a, z = sorted((ps[r], cands[c]))
        if a != z and same_name(a, z, vocab) > 0:
            out += [(a, z), (z, a)]
    return out


class Closure:
    """Mixin of the update: needs ``db``, ``q``, ``vocab``, ``orgs`` and ``compared``."""

    def _closure(self, seeds: set, keys: set[str]) -> set:
        """Entities reachable from ``seeds`` and ``keys`` through shared keys and fuzzy
        candidates (set-at-a-time: one query per step through temporary tables)."""
        comp: set[tuple[str, int]] = set()
        frontier = set(seeds) | self._holders(keys)
        done_keys, done_prims = set(keys), set()
        while True:
            frontier -= comp
            if not frontier:
                return comp
            comp |= frontier
            self._temp("t_ents", "doc TEXT, idx INTEGER", frontier)
            new_keys = {k for (k,) in self.q("SELECT DISTINCT o.key FROM t_ents t JOIN inc_okey o "
                                             "ON o.doc = t.doc AND o.idx = t.idx")} - done_keys
            prims = {tuple(r) for r in self.q("SELECT DISTINCT o.block, o.prim FROM t_ents t JOIN "
                                             "inc_prim o ON o.doc = t.doc AND o.idx = t.idx")}
            new_keys |= self._fuzzy_partners(prims - done_prims) - done_keys
            done_prims |= prims
            done_keys |= new_keys
            frontier = self._holders(new_keys)

    def _temp(self, name: str, cols: str, rows: Any) -> None:
        self.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name}({cols})")
        self.db.execute(f"DELETE FROM {name}")     # noqa: S608 - fixed names
        width = cols.count(",") + 1
        self.db.executemany(f"INSERT INTO {name} VALUES ({','.join('?' * width)})",  # noqa: S608
                            [r if width > 1 else (r,) for r in rows])

    def _holders(self, keys: set[str]) -> set[tuple[str, int]]:
        if not keys:
            return set()
        self._temp("t_keys", "key TEXT", keys)
        return {tuple(r) for r in self.q("SELECT o.doc, o.idx FROM t_keys t JOIN inc_okey o "
                                         "ON o.key = t.key")}

    def _fuzzy_partners(self, prims: set[tuple[str, str]]) -> set[str]:
        """Primary names the fuzzy rule pairs with ``prims``: the stored pairs, and for the
        changed documents' own names pairs computed now against every stored name of
        their block (a pair is stored when the later of its two names arrives, so the
        stored pairs of names already there are complete)."""
        mine = {(b, e.primary) for e in self.orgs.entities
                if (b := fuzzy_block(e.primary, self.vocab)) is not None}
        todo = [(b, p) for b, p in prims if (b, p) in mine and p not in self.compared]
        by_block: dict[str, list[str]] = defaultdict(list)
        for b, p in todo:
            by_block[b].append(p)
            self.compared.add(p)
        pairs = []
        for b, ps in by_block.items():
            pairs += fuzzy_pairs(self.q, self.vocab, b, ps)
        self.db.executemany("INSERT OR IGNORE INTO inc_fuzzy VALUES (?, ?)", pairs)
        self._temp("t_prims", "prim TEXT", {p for _, p in prims})
        return {b for (b,) in self.q("SELECT f.b FROM t_prims t JOIN inc_fuzzy f ON f.a = t.prim")}
