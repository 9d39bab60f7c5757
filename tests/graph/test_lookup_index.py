"""Name look-ups through the sorted name index answer as scanning every node does."""
from __future__ import annotations

import random

import pytest

from samspil.graph.build import build_graph
from samspil.graph.lookup import SCANS_BEFORE_INDEX, fold, resolve_ref
from samspil.loaders.errors import Ambiguous, NotFound


def _scan(graph, ref, label=None):
    """The look-up as it was: fold every name (and a person's e-mail) of every node."""
    if ref in graph and (label is None or graph.node(ref)["label"] == label):
        return ("id", ref)
    want, exact, prefix = fold(ref), [], []
    for nid, d in graph.nodes(label):
        folded = [fold(n) for n in [d.get("name") or "", *(d.get("aliases") or []),
                                    d.get("email") or ""] if n]
        if want in folded or want == fold(nid):
            exact.append(nid)
        elif any(n.startswith(want) for n in folded) or fold(nid).startswith(want):
            prefix.append(nid)
    if len(exact) > 1 and len(named := [h for h in exact if fold(graph.node(h).get("name") or "") == want]) == 1:
        exact = named  # (one node has the name itself, the others it as an alias: lookup.resolve_ref's rule)
    hits = exact or prefix
    return ("one", hits[0]) if len(hits) == 1 else ("many" if hits else "none", sorted(hits))


def _indexed(graph, ref, label=None):
    try:
        nid = resolve_ref(graph, ref, label, words=False)    # (the index: names, not words)
        return ("id", nid) if ref == nid else ("one", nid)
    except NotFound:
        return ("none", [])
    except Ambiguous as exc:
        return ("many", sorted(c["id"] for c in exc.candidates))


def test_the_index_answers_every_reference_as_the_scan_does(seed_reports):
    graph = build_graph(seed_reports)
    for _ in range(SCANS_BEFORE_INDEX):                # the look-ups below use the index
        resolve_ref(graph, "Københavns Kommune")
    assert graph._name_index[1] is not None
    rnd = random.Random(13)
    nodes = list(graph.nodes())
    refs = ["", "x", "københavn", "koebenhavns kommune", "KOBENHAVNS", "org:", "person:"]
    for nid, d in rnd.sample(nodes, 200):
        name = rnd.choice([d.get("name") or nid, *(d.get("aliases") or []), nid,
                           d.get("email") or nid])
        refs += [name, name[: rnd.randint(1, max(1, len(name)))], name.upper()]
    for ref in refs:
        for label in (None, "Organisation", "Plan", "Person"):
            want = _scan(graph, ref, label)
            got = _indexed(graph, ref, label)
            if want[0] == "many":      # the error lists at most 20 candidates
                assert got[0] == "many" and got[1] == want[1][:20], (ref, label)
            else:
                assert got == want, (ref, label)


def test_a_graph_that_grows_is_indexed_again(small_corpus):
    graph = build_graph(small_corpus[:1])
    for _ in range(SCANS_BEFORE_INDEX + 1):            # from here on through the index
        with pytest.raises(NotFound):
            resolve_ref(graph, "Brand new organisation")
    assert graph._name_index[1] is not None
    graph.add_node("org:brand-new", "Organisation", "Brand new organisation")
    assert resolve_ref(graph, "brand new") == "org:brand-new"


def test_a_name_one_node_has_wins_over_the_alias_another_has():
    """'Ishøj Kommune' is one organisation's name and, wrongly merged from a list "B og Ishøj
    Kommune", another's alias: the node of that name is meant (it was 'ambiguous', and `show`
    refused), with or without the index."""
    from samspil.graph.model import PartnershipGraph

    g = PartnershipGraph()
    g.add_node("org:ishoj-kommune", "Organisation", "Ishøj Kommune")
    g.add_node("org:tranegaarden", "Organisation", "Boligselskabet Tranegaarden og Ishøj Kommune",
               aliases=["Boligselskabet Tranegaarden", "Ishøj Kommune"])
    for _ in range(SCANS_BEFORE_INDEX + 2):
        assert resolve_ref(g, "ishøj kommune") == "org:ishoj-kommune"
    g.add_node("org:ishoj-kommune-2", "Organisation", "Ishøj Kommune")
    with pytest.raises(Ambiguous):
        resolve_ref(g, "Ishøj Kommune")
