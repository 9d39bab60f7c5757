"""Analyses on a hand-built graph whose answers were worked out by hand (conftest.py).

Plans: Old Valby 2013-2016 (parties KK, Lejerbo; activity partner Valby Bibliotek),
New Valby 2017-2020 (parties KK, 3B; partner Red Barnet; activity partners BUF (a
unit of KK) and Valby Bibliotek), South Harbour 2017-2020 (parties KK, 3B;
partner Valby Bibliotek; activity partner Sydhavn Boldklub).
"""
from __future__ import annotations

import copy
from datetime import date

import pytest

from samspil.graph.analyses import (
    brokers, communities, compare, gaps, organisation_projection, organisations_in_most_plans,
    overlaps, partners_of,
    shared_partners, timeline,
)
from samspil.graph.people import person_id_for
from samspil.loaders.errors import Ambiguous, NotFound

# persons get the ids the graph builder gives (a hash of the e-mail, else name@organisation)
ANNA, BO, CARL = (person_id_for(k) for k in ("anna@kk.dk", "bo-berg@org:3b", "carl@lejerbo.dk"))


def test_shared_partners_of_two_plans_with_roles_and_activities(toy):
    rows = {r.id: r for r in shared_partners(toy, ["Old Valby", "New Valby"])}
    assert set(rows) == {"org:kk", "org:library", ANNA}
    kk = rows["org:kk"]
    assert [(p.plan, p.roles) for p in kk.plans] == [("plan:old", ("party",)),
                                                     ("plan:new", ("party",))]
    lib = rows["org:library"]
    assert [p.roles for p in lib.plans] == [("activity_partner",), ("activity_partner",)]
    assert [p.activity_names for p in lib.plans] == [("Lektiecafé",),
                                                     ("Lektiehjælp i Folehaven",)]
    assert rows[ANNA].label == "Person"
    assert {e["document"] for e in kk.evidence} == {"old.txt", "new.txt"}


def test_shared_partners_of_all_plans_needs_two(toy):
    rows = {r.id: r.plan_count for r in shared_partners(toy)}
    # three plans given: shared by all three
    assert rows == {"org:kk": 3, "org:library": 3}
    rows = {r.id: r.plan_count for r in shared_partners(toy, min_plans=2)}
    assert rows == {"org:kk": 3, "org:library": 3, "org:3b": 2, ANNA: 2}
    south = {p.plan: p.roles for p in
             next(r for r in shared_partners(toy, min_plans=2) if r.id == "org:library").plans}
    assert south["plan:south"] == ("partner",)


def test_overlap_by_partners_counts_and_jaccard(toy):
    got = {o.id: (o.shared, round(o.jaccard, 4)) for o in overlaps(toy, by="partners")}
    assert got == {
        ("plan:new", "plan:south"): (("org:3b", "org:kk", "org:library"), 0.5),
        ("plan:old", "plan:south"): (("org:kk", "org:library"), 0.4),
        ("plan:old", "plan:new"): (("org:kk", "org:library"), round(2 / 6, 4)),
    }
    first = overlaps(toy)[0]
    assert first.id == ("plan:new", "plan:south") and first.shared_count == 3
    assert first.evidence


def test_overlap_by_zones_activities_and_target_groups(toy):
    zones = overlaps(toy, by="zones")
    assert [(o.id, o.shared) for o in zones] == [(("plan:new", "plan:south"), ("zone:folehaven",))]
    kinds = overlaps(toy, by="activities")
    assert [(o.id, o.shared_names) for o in kinds] == [(("plan:old", "plan:new"),
                                                        ("homework_cafe",))]
    assert kinds[0].jaccard == 0.5
    tg = {o.id: o.shared for o in overlaps(toy, by="target-groups")}
    assert tg[("plan:old", "plan:new")] == ("target:children",)
    assert tg[("plan:new", "plan:south")] == ("target:youth",)
    with pytest.raises(ValueError):
        overlaps(toy, by="colours")


def test_organisations_in_most_plans(toy):
    top = organisations_in_most_plans(toy, limit=3)
    assert [(r.id, r.plan_count) for r in top[:2]] == [("org:kk", 3), ("org:library", 3)]
    assert top[2].id == "org:3b"
    assert top[1].roles == ("partner", "activity_partner")


def _kinds(rows, kind):
    return {(g.plan, g.id) for g in rows if g.kind == kind}


def test_gaps_each_kind_with_reason(toy):
    rows = gaps(toy, today=date(2024, 1, 1))
    assert _kinds(rows, "unreached_target_group") == {("plan:new", "target:youth")}
    why = next(g for g in rows if g.kind == "unreached_target_group")
    assert "unge i Folehaven" in why.reason and why.evidence[0]["line"] == 30
    assert _kinds(rows, "focus_area_without_municipal_partner") == {
        ("plan:old", "focus:children"), ("plan:new", "focus:employment"),
        ("plan:south", "focus:education"), ("plan:south", "focus:safety")}
    assert _kinds(rows, "activity_without_partner") == {("plan:new", "activity:new/jobcafe")}
    # Anna (a contact of Old and New Valby) works at KK, the parent of BUF, which is a
    # partner of Lektiehjælp; the other three activities have no contact
    assert _kinds(rows, "activity_without_contact") == {
        ("plan:old", "activity:old/lektiecafe"), ("plan:new", "activity:new/jobcafe"),
        ("plan:south", "activity:south/fodbold")}
    assert _kinds(rows, "zone_without_activity") == {
        ("plan:new", "zone:gronrisvej"), ("plan:south", "zone:sjaelor"),
        ("plan:south", "zone:folehaven")}
    # signing parties and named partners are told apart (a partner is not called a party)
    assert _kinds(rows, "party_without_activity") | _kinds(rows, "partner_without_activity") == {
        ("plan:old", "org:kk"), ("plan:old", "org:lejerbo"), ("plan:new", "org:3b"),
        ("plan:new", "org:ngo"), ("plan:south", "org:kk"), ("plan:south", "org:3b"),
        ("plan:south", "org:library")}
    for g in rows:
        if g.kind in ("party_without_activity", "partner_without_activity"):
            rel = "PARTY_TO" if g.kind == "party_without_activity" else "PARTNER_IN"
            assert toy.g.has_edge(g.id, g.plan, key=rel), g
            assert ("signing party" in g.reason) == (rel == "PARTY_TO")
    details = {g.id: g.reason for g in rows if g.kind == "contact_without_details"}
    assert details == {BO: "no e-mail", CARL: "no phone"}
    assert _kinds(rows, "stale_contact") == {("plan:old", ANNA),
                                             ("plan:old", CARL),
                                             ("plan:new", ANNA),
                                             ("plan:south", BO)}


def test_stale_plan_without_contacts_is_reported_itself(toy):
    toy.g.remove_edge(BO, "plan:south", "CONTACT_FOR")
    rows = gaps(toy, ["South"], kinds=["stale_contact"], today=date(2021, 1, 1))
    assert [(g.id, g.label) for g in rows] == [("plan:south", "Plan")]
    assert "2020-12-31" in rows[0].reason


def test_analyses_do_not_change_the_graph(toy):
    before = copy.deepcopy(dict(toy.g.nodes(data=True))), copy.deepcopy(
        list(toy.g.edges(keys=True, data=True)))
    shared_partners(toy), overlaps(toy), gaps(toy), brokers(toy), communities(toy)
    partners_of(toy, "org:kk"), compare(toy, "Old", "New"), timeline(toy, "Valby")
    organisations_in_most_plans(toy)
    after = dict(toy.g.nodes(data=True)), list(toy.g.edges(keys=True, data=True))
    assert before == after


def test_stale_contact_skips_people_of_a_running_plan(toy):
    rows = gaps(toy, ["Old Valby"], kinds=["stale_contact"], today=date(2019, 6, 1))
    assert [(g.id, g.plan) for g in rows] == [(CARL, "plan:old")]
    assert gaps(toy, ["New"], kinds=["stale_contact"], today=date(2019, 6, 1)) == []


def test_brokers_on_the_plan_projection(toy):
    ranked = brokers(toy)
    assert {b.id for b in ranked[:2]} == {"org:kk", "org:library"}
    assert ranked[0].betweenness == ranked[1].betweenness > ranked[2].betweenness > 0
    assert ranked[2].id == "org:3b"
    # organisations in one plan only bridge nothing and are left out
    assert not {"org:lejerbo", "org:buf", "org:ngo", "org:club"} & {b.id for b in ranked}
    assert not any(b.sampled for b in ranked)


def test_brokers_match_networkx_on_the_projection_when_ties_are_single():
    """Where no two organisations share more than one plan, the bipartite computation
    equals networkx's betweenness on the projection."""
    import networkx as nx
    from samspil.graph.model import PartnershipGraph
    g = PartnershipGraph()
    plans = {"p0": "abc", "p1": "cde", "p2": "efg", "p3": "gha", "p4": "ci", "p5": "ij"}
    for p, orgs in plans.items():
        g.add_node(f"plan:{p}", "Plan", p)
        for o in orgs:
            g.add_node(f"org:{o}", "Organisation", o)
            g.add_edge(f"org:{o}", f"plan:{p}", "PARTY_TO")
    want = nx.betweenness_centrality(organisation_projection(g))
    got = {b.id: b.betweenness for b in brokers(g, limit=None)}
    assert got.keys() == {o for o, v in want.items() if v > 0}
    for o, v in got.items():
        assert v == pytest.approx(want[o])


def test_brokers_by_focus_area(toy):
    proj = organisation_projection(toy, by="focus-areas")
    # BUF, the library and the club share focus:education; the library alone has children
    assert {frozenset(e) for e in proj.edges()} == {
        frozenset(p) for p in [("org:buf", "org:library"), ("org:buf", "org:club"),
                               ("org:library", "org:club")]}
    assert brokers(toy, by="focus-areas") == []      # a triangle has no broker
    toy.add_node("org:x", "Organisation", "X")
    toy.add_edge("org:x", "activity:old/lektiecafe", "INVOLVED_IN")
    ranked = brokers(toy, by="focus-areas")
    # now the library links X (children) to BUF and the club (education)
    assert [b.id for b in ranked] == ["org:library"]
    assert set(ranked[0].contexts) == {"focus:children", "focus:education"}


def test_sampled_betweenness_is_reproducible(toy, monkeypatch):
    import samspil.graph.analyses.structure as mod
    monkeypatch.setattr(mod, "EXACT_WORK", 2)
    a, b = brokers(toy, k=3, seed=7), brokers(toy, k=3, seed=7)   # 7 organisations > k
    assert a == b and all(x.sampled for x in a)
    assert not brokers(toy, k=3, exact=True)[0].sampled


def test_communities_split_two_clusters():
    from samspil.graph.model import PartnershipGraph
    g = PartnershipGraph()
    for i in range(4):
        g.add_node(f"plan:{i}", "Plan", f"P{i}")
    members = {0: "abcd", 1: "abce", 2: "wxyz", 3: "wxyv"}
    for i, letters in members.items():
        for ch in letters:
            g.add_node(f"org:{ch}", "Organisation", ch.upper())
            g.add_edge(f"org:{ch}", f"plan:{i}", "PARTY_TO")
    g.add_edge("org:a", "plan:2", "PARTNER_IN")   # one weak tie between the clusters
    groups = [set(c.members) for c in communities(g)]
    assert {"org:b", "org:c", "org:d", "org:e"} <= groups[0] | groups[1]
    assert len(groups) == 2
    sets = sorted(groups, key=len)
    assert not ({"org:b", "org:c"} <= sets[0] and {"org:w", "org:x"} <= sets[0])


def test_partners_of_is_the_ego_network(toy):
    got = {c.id: (c.weight, c.plans, c.activities) for c in partners_of(toy, "Valby Bib")}
    assert got["org:kk"] == (3, ("plan:new", "plan:old", "plan:south"), ())
    assert got["org:buf"] == (2, ("plan:new",), ("activity:new/lektiehjaelp",))
    assert set(got) == {"org:kk", "org:3b", "org:buf", "org:lejerbo", "org:ngo", "org:club"}
    assert partners_of(toy, "Valby Bib")[0].id == "org:kk"


def test_compare_orders_by_period_and_lists_changes(toy):
    rows = compare(toy, "New Valby", "Old Valby")
    assert {r.earlier for r in rows} == {"plan:old"} and {r.later for r in rows} == {"plan:new"}
    part = {(r.status, r.id) for r in rows if r.aspect == "partners"}
    assert part == {("kept", "org:kk"), ("kept", "org:library"), ("dropped", "org:lejerbo"),
                    ("new", "org:3b"), ("new", "org:buf"), ("new", "org:ngo")}
    focus = {(r.status, r.id) for r in rows if r.aspect == "focus-areas"}
    assert focus == {("dropped", "focus:children"), ("new", "focus:education"),
                     ("new", "focus:employment")}
    tg = {(r.status, r.id) for r in rows if r.aspect == "target-groups"}
    assert tg == {("kept", "target:children"), ("new", "target:youth"),
                  ("new", "target:unemployed")}
    kinds = {(r.status, r.name) for r in rows if r.aspect == "activities"}
    assert kinds == {("kept", "homework_cafe"), ("new", "job_counselling")}


def test_timeline_of_an_area_and_of_an_organisation(toy):
    area = timeline(toy, "valby")
    assert [(t.id, t.partner_count, t.kept_partners, t.new_partners) for t in area] == [
        ("plan:old", 3, None, None), ("plan:new", 5, 2, 3)]
    org = timeline(toy, "Boligforeningen 3B")
    assert [(t.id, t.roles) for t in org] == [("plan:new", ("party",)),
                                              ("plan:south", ("party",))]
    with pytest.raises(NotFound):
        timeline(toy, "Aarhus")
    # "Valby Bibliotek" is read as an area first (no plan matches), so as the library
    assert [t.id for t in timeline(toy, "Valby Bibliotek")] == ["plan:old", "plan:new",
                                                                "plan:south"]
    assert [t.id for t in timeline(toy, "Valby", kind="area")] == ["plan:old", "plan:new"]
    # as an organisation, "Valby" is the unambiguous prefix of Valby Bibliotek
    assert len(timeline(toy, "Valby", kind="organisation")) == 3
    with pytest.raises(NotFound):
        timeline(toy, "Valby Bibliotek", kind="area")


def test_unknown_and_ambiguous_names_list_candidates(toy):
    with pytest.raises(NotFound):
        shared_partners(toy, ["Odense plan", "Old"])
    with pytest.raises(Ambiguous) as exc:
        compare(toy, "plan:", "Old")
    assert len(exc.value.candidates) == 3
    with pytest.raises(Ambiguous) as exc:
        partners_of(toy, "org:l")   # org:lejerbo and org:library
    assert len(exc.value.candidates) == 2


def _random_graph(seed: int, n_plans: int = 12, n_orgs: int = 15):
    import random
    from samspil.graph.model import PartnershipGraph
    rng = random.Random(seed)
    g = PartnershipGraph()
    for p in range(n_plans):
        g.add_node(f"plan:{p:02d}", "Plan", f"P{p:02d}")
        for o in rng.sample(range(n_orgs), rng.randint(0, 6)):
            g.add_node(f"org:{o:02d}", "Organisation", f"O{o:02d}")
            g.add_edge(f"org:{o:02d}", f"plan:{p:02d}", rng.choice(["PARTY_TO", "PARTNER_IN"]))
    return g


@pytest.mark.parametrize("seed", range(5))
def test_overlaps_agree_with_networkx_jaccard_and_limit(seed):
    import networkx as nx
    from networkx.algorithms import bipartite
    g = _random_graph(seed)
    b = nx.Graph()
    plans = [p for p, _ in g.nodes("Plan")]
    b.add_nodes_from(plans)
    b.add_edges_from((u, v) for u, v, _ in g.edges())
    want = bipartite.overlap_weighted_projected_graph(b, plans, jaccard=True)
    rows = overlaps(g)
    assert {frozenset(r.id) for r in rows} == {frozenset(e) for e in want.edges()}
    for r in rows:
        assert r.jaccard == pytest.approx(want.edges[r.id]["weight"])
        assert r.shared_count == len(set(g.g.pred[r.id[0]]) & set(g.g.pred[r.id[1]]))
    for k in (1, 3, 7):
        assert [r.id for r in overlaps(g, limit=k)] == [r.id for r in rows[:k]]


def test_an_empty_graph_gives_empty_answers():
    from samspil.graph.model import PartnershipGraph
    g = PartnershipGraph()
    assert shared_partners(g) == overlaps(g) == gaps(g) == brokers(g) == communities(g) == []
    assert organisations_in_most_plans(g) == []
    with pytest.raises(NotFound):
        partners_of(g, "Københavns Kommune")


def test_a_plan_without_activities_is_one_gap_not_a_list_of_everything_it_names(toy):
    for a in list(toy.out("plan:south", "HAS_ACTIVITY")):
        toy.g.remove_node(a)
    rows = [g for g in gaps(toy, ["South"], today=date(2024, 1, 1))]
    kinds = {g.kind for g in rows}
    assert _kinds(rows, "plan_without_activities") == {("plan:south", "plan:south")}
    assert "delaftaler" in next(g.reason for g in rows if g.kind == "plan_without_activities")
    assert not kinds & {"unreached_target_group", "zone_without_activity",
                        "focus_area_without_municipal_partner", "party_without_activity",
                        "partner_without_activity"}
    assert "stale_contact" in kinds  # checks that need no activity still run
    # asked for one of the comparing kinds only, it is answered as asked
    only = gaps(toy, ["South"], kinds=["zone_without_activity"], today=date(2024, 1, 1))
    assert _kinds(only, "zone_without_activity") == {("plan:south", "zone:sjaelor"),
                                                     ("plan:south", "zone:folehaven")}
    # plans with activities have no such gap
    assert not _kinds(gaps(toy, today=date(2024, 1, 1)), "plan_without_activities") - {
        ("plan:south", "plan:south")}


def test_the_best_pairs_equal_the_best_of_all_pairs():
    """The pruned top-k of overlap_matrix(limit=k) is the head of the full ranking."""
    import random

    from samspil.graph.analyses.overlaps import _score_pairs

    rnd = random.Random(13)
    for _ in range(40):
        n = rnd.randint(0, 30)
        masks = [rnd.getrandbits(rnd.randint(0, 24)) if rnd.random() > 0.1 else 0 for _ in range(n)]
        sizes = [m.bit_count() for m in masks]
        for min_shared in (1, 2, 4):
            full = _score_pairs(masks, sizes, min_shared, None)
            for k in (1, 3, 10, 1000):
                assert _score_pairs(masks, sizes, min_shared, k) == full[:k]


def _src(doc: str, line: int) -> list[dict]:
    return [{"document": doc, "line": line, "excerpt": f"{doc}:{line}"}]


def test_an_activity_in_a_whole_zone_reaches_the_departments_in_it(toy):
    """New-user trial (session 12): an activity located in "Zone 2" serves the departments
    the plan places in Zone 2, so none of them is a zone without activity; a department in
    no zone an activity names still is."""
    toy.add_node("zone:zone-2", "Zone", "Zone 2", type="zone")
    toy.add_edge("zone:gronrisvej", "zone:zone-2", "PART_OF")
    toy.add_edge("plan:new", "zone:zone-2", "COVERS", sources=_src("new.txt", 41))
    before = _kinds(gaps(toy, ["New"], kinds=["zone_without_activity"], today=date(2024, 1, 1)),
                    "zone_without_activity")
    assert before == {("plan:new", "zone:gronrisvej"), ("plan:new", "zone:zone-2")}
    toy.add_edge("activity:new/jobcafe", "zone:zone-2", "LOCATED_IN", sources=_src("new.txt", 52))
    after = gaps(toy, ["New"], kinds=["zone_without_activity"], today=date(2024, 1, 1))
    assert _kinds(after, "zone_without_activity") == set()
    toy.add_node("zone:solbakken", "Zone", "Solbakken", type="housing_department")
    toy.add_edge("plan:new", "zone:solbakken", "COVERS", sources=_src("new.txt", 42))
    assert _kinds(gaps(toy, ["New"], kinds=["zone_without_activity"], today=date(2024, 1, 1)),
                  "zone_without_activity") == {("plan:new", "zone:solbakken")}


def test_brokers_among_some_plans_only(toy):
    """New-user trial (session 12): brokers of one municipality's plans, not the whole
    store's (the bundled Copenhagen plans filled the top 20). 3B bridges New and South; among
    Old and New only it is in one plan and bridges nothing, and KK and Valby Bibliotek are
    ranked on those two plans alone."""
    every = {b.id: b for b in brokers(toy, limit=None)}
    some = {b.id: b for b in brokers(toy, limit=None, plans=["Old", "New Valby"])}
    assert set(every) == {"org:kk", "org:library", "org:3b"}
    assert set(some) == {"org:kk", "org:library"}
    assert all(b.contexts == ("plan:new", "plan:old") for b in some.values())
    assert some["org:kk"].betweenness < every["org:kk"].betweenness


@pytest.mark.parametrize("typ", ["school", "daycare"])
def test_a_school_or_daycare_is_a_municipal_partner(toy, typ):
    """Danish folkeskoler and dagtilbud are the municipality's: a focus area whose only partner is one
    has a municipal partner (typed by what it is, a school or daycare, not as a municipal unit)."""
    g = copy.deepcopy(toy)
    g.node("org:club")["type"] = typ  # Fodbold for unge (South Harbour, education)'s only partner
    got = _kinds(gaps(g, today=date(2024, 1, 1)), "focus_area_without_municipal_partner")
    assert ("plan:south", "focus:education") not in got and ("plan:south", "focus:safety") in got, got
