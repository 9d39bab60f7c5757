"""The trigram index finds exactly what checking every name finds."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from samspil.api.routes import _search
from samspil.api.search_index import TrigramIndex
from samspil.api.snapshot import make_snapshot
from samspil.graph.build import build_graph
from samspil.graph.lookup import fold


def _scan(rows, want):
    return [i for i, (_n, _l, _name, names) in enumerate(rows) if any(want in n for n in names)]


def _snapshot(reports):
    return make_snapshot(build_graph(reports), 1, None)


def test_every_substring_of_every_name_finds_the_same_rows(reports):
    rows = _snapshot(reports).search_index
    index = TrigramIndex(rows)
    rnd = random.Random(13)
    names = [n for _i, _l, _name, ns in rows for n in ns]
    queries = {"", "zzzq", "æøå", "kobenhavn", "koebenhavn"}
    for n in rnd.sample(names, 300):
        a = rnd.randrange(len(n))
        queries.add(n[a:a + rnd.randint(1, 12)])
    for q in sorted(queries):
        want = fold(q)
        found = [i for i in index.candidates(want) if any(want in n for n in rows[i][3])]
        assert found == _scan(rows, want), q


@settings(max_examples=60, deadline=None)
@given(q=st.text(alphabet="abcdefghijklmnoprstuvyæøåé -.", min_size=1, max_size=8))
def test_search_answers_are_unchanged_by_the_index(reports, q):
    s = _snapshot_cache(reports)
    got = _search(s, q, None, 1000, 0)
    want = fold(q)
    expected = {r[0] for i, r in enumerate(s.search_index) if i in set(_scan(s.search_index, want))}
    assert {item["id"] for item in got["items"]} == expected
    assert got["total"] == len(expected)


_CACHE: dict = {}


def _snapshot_cache(reports):
    if "s" not in _CACHE:
        _CACHE["s"] = _snapshot(reports)
    return _CACHE["s"]
