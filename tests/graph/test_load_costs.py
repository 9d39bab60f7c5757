"""Work the full load no longer does (issue 13, session 20), each checked against what it
replaced: the same answers, without the calls that cost the time."""
from __future__ import annotations

import random

import networkx as nx
import pytest

from samspil.graph import people
from samspil.graph.frag_graph import FragGraph
from samspil.graph.model import PartnershipGraph
from samspil.graph.resolve import Entity


def _persons(rng: random.Random, n_orgs: int) -> people._Persons:
    """Contacts at random organisations, with a random unit-of hierarchy among them."""
    from samspil.graph.build import parents_closure
    orgs = [f"org:{i}" for i in range(n_orgs)]
    # a forvaltning (org:0) with many units, some of them with units of their own
    pairs = [(orgs[i], orgs[0] if rng.random() < 0.7 else orgs[rng.randrange(i)])
             for i in range(1, n_orgs)]
    parents = parents_closure(pairs)
    named = [orgs[0], *rng.sample(orgs[1:], 4)]        # the contacts name only a few
    entities = [Entity(f"d{i:03d}.txt", 0, "Anne Holm", ["Anne Holm"], [],
                       {"email": None, "sources": []}) for i in range(40)]
    org_of = {(e.document, e.index): (rng.choice(named) if rng.random() < 0.8 else None)
              for e in entities}
    return people._Persons(entities, org_of, parents, None)


@pytest.mark.parametrize("seed", range(12))
def test_near_scans_the_organisations_without_a_call_per_organisation(seed, monkeypatch):
    """``_near`` over a contact's few organisations (the scan of ``by_org``) gives the
    clusters ``_compatible`` allows, without calling it once per organisation (~4 M
    calls at 10,000 plans)."""
    rng = random.Random(seed)
    uf = _persons(rng, 30)
    by_org: dict = {}
    pos: dict[int, int] = {}
    for i in range(len(uf.entities)):
        pos[i] = len(pos)
        for o in uf.orgs[i] or (None,):
            by_org.setdefault(o, []).append(i)
    compatible = people._compatible
    expected = {}
    for rb in range(len(uf.entities)):
        if uf.orgs[rb]:
            y = min(uf.orgs[rb])
            want = set()
            for o, members in by_org.items():
                if o is None or compatible(o, y, uf.parents):
                    want.update(members)
            expected[rb] = sorted(want, key=pos.__getitem__)
    calls = []
    monkeypatch.setattr(people, "_compatible", lambda *a: calls.append(a) or compatible(*a))
    for rb, want in expected.items():
        assert people._near(uf, rb, by_org, pos) == want
    assert calls == []


def test_a_fragments_new_relationship_is_added_without_the_graph_calls():
    """A new relationship of a fragment (FragGraph) goes straight into its dicts: the
    same attributes, in the same order, and the same ends as nodes, as networkx's graph
    and FragGraph's own ``add_edge`` give; a relationship added again still merges."""
    calls = []

    class Spy(FragGraph):
        def add_edge(self, *a, **k):
            calls.append("add_edge")
            return super().add_edge(*a, **k)

        def has_edge(self, *a, **k):
            calls.append("has_edge")
            return super().has_edge(*a, **k)

    frag = PartnershipGraph(FragGraph())
    spied = PartnershipGraph(Spy())
    nxg = PartnershipGraph(nx.MultiDiGraph())
    for g in (frag, spied, nxg):
        g.add_node("plan:p", "Plan", "P")
        g.add_edge("org:a", "plan:p", "PARTNER_IN", role="partner",
                   sources=[{"document": "d.txt", "line": 3, "excerpt": "a"}])
        g.add_edge("org:b", "plan:p", "PARTY_TO")
    assert "add_edge" not in calls and "has_edge" not in calls
    for g in (frag, spied):
        assert list(g.g.edges(keys=True, data=True)) == list(nxg.g.edges(keys=True, data=True))
        assert [list(d) for _, _, _, d in g.g.edges(keys=True, data=True)] == \
            [["type", "role", "sources"], ["type", "sources"]]
        assert list(g.g.nodes(data=True)) == list(nxg.g.nodes(data=True))
        g.add_edge("org:a", "plan:p", "PARTNER_IN", role="partner",
                   sources=[{"document": "e.txt", "line": 4, "excerpt": "b"}])
        assert [s["document"] for s in g.g.edges["org:a", "plan:p", "PARTNER_IN"]["sources"]] \
            == ["d.txt", "e.txt"]
    assert "has_edge" in calls          # (the second time: merged as before)
