"""Analyses on the five seed agreements, asserting facts checked by reading them:

* 003 (SURF Valby, 2017-2020) lines 9-17: "Aftalens parter: Boligforeningen 3B, PAB,
  Københavns Kommune"; 000 (Mit Kvarter, 2025-2028) lines 11-17 lists the same three
  among its parties. So the two Valby plans share these three partners, as parties.
* 000 names "Boligselskabet AKB, København" as a party; 002 (the Sjælør og Kgs.
  Enghave delaftale) names AKB's departments and AKB as a partner.
* 003 commits to Tryghed og trivsel, Kriminalpræventiv indsats, Uddannelse og
  beskæftigelse, Forebyggelse og forældreansvar (lines 125-197); 001 (Rum for Liv,
  2013-2016) to Børn, unge og familier, Uddannelse, beskæftigelse og erhverv,
  Beboernetværk, inddragelse og demokrati, Image og kommunikation.
* 003 line 121: the plan covers Folehaven (3B), Valbyejendommene and Hornemanns Vænge
  (PAB); 000 line 98 lists Folehaven among 3B's departments in Mit Kvarter.
* 001 is Lejerbo København's plan (the helhedsplan of Akacieparken).
* Periods: 001 ended 2016-12-31, 003 ended 2020-12-31, 000 runs 2025-2028.
"""
from __future__ import annotations

from datetime import date

import pytest

from samspil.graph.analyses import (
    brokers, compare, gaps, organisations_in_most_plans, overlaps, partners_of,
    shared_partners, timeline,
)
from samspil.graph.build import build_graph
from samspil.graph.lookup import fold

VALBY_PARTIES = {"Boligforeningen 3B", "PAB", "Københavns Kommune"}
TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def seeds(seed_reports):
    """The graph of the five seeds (``seed_reports``: session fixture, tests/graph/conftest.py)."""
    return build_graph(seed_reports)


def test_valby_plans_share_their_three_parties(seeds):
    rows = {r.name: r for r in shared_partners(seeds, ["Mit Kvarter", "SURF Valby"])}
    assert VALBY_PARTIES <= set(rows)
    for name in VALBY_PARTIES:
        assert all("party" in p.roles for p in rows[name].plans), name
        docs = {e["document"][:3] for e in rows[name].evidence}
        assert docs == {"000", "003"}, name


def test_mit_kvarter_and_sjaelor_share_akb(seeds):
    rows = shared_partners(seeds, ["Mit Kvarter", "Helhedsplanen for Sjælør"])
    assert any("akb" in fold(r.name) for r in rows)


def test_overlap_of_the_valby_plans(seeds):
    pairs = {frozenset(o.name): o for o in overlaps(seeds, by="partners")}
    o = pairs[frozenset({"Mit Kvarter", "SURF Valby"})]
    assert VALBY_PARTIES <= set(o.shared_names)
    assert 0 < o.jaccard <= 1 and o.shared_count == len(o.shared)
    top = {r.name: r.plan_count for r in organisations_in_most_plans(seeds, limit=None)}
    assert all(top[n] >= 2 for n in VALBY_PARTIES)


def test_the_valby_plans_both_cover_folehaven(seeds):
    pairs = {frozenset(o.name): o for o in overlaps(seeds, by="zones")}
    o = pairs[frozenset({"Mit Kvarter", "SURF Valby"})]
    assert "folehaven" in {fold(n) for n in o.shared_names}
    assert {e["document"][:3] for e in o.evidence} == {"000", "003"}


def test_compare_valby_periods(seeds):
    rows = compare(seeds, "Mit Kvarter", "SURF Valby")     # given later first
    assert rows[0].earlier == "plan:surf-valby-2017-2020"
    kept = {r.name for r in rows if r.aspect == "partners" and r.status == "kept"}
    assert VALBY_PARTIES <= kept
    # 001 (Rum for Liv) is Lejerbo København's plan; SURF Valby is signed by 3B, PAB, KK
    old = compare(seeds, "Rum for Liv", "SURF Valby", aspects=("partners",))
    assert any("lejerbo" in fold(r.name) for r in old if r.status == "dropped")
    assert {"Boligforeningen 3B", "PAB"} <= {r.name for r in old if r.status == "new"}
    old = compare(seeds, "Rum for Liv", "SURF Valby", aspects=("focus-areas",))
    dropped = {fold(r.name) for r in old if r.status == "dropped"}
    new = {fold(r.name) for r in old if r.status == "new"}
    assert {fold("Image og kommunikation"), fold("Beboernetværk, inddragelse og demokrati")} <= dropped
    assert {fold("Tryghed og trivsel"), fold("Kriminalpræventiv indsats")} <= new


def test_timeline_of_pab(seeds):
    got = [(t.name, t.period_start[:4]) for t in timeline(seeds, "PAB")]
    assert got[:1] == [("SURF Valby", "2017")] and ("Mit Kvarter", "2025") in got
    assert all("party" in t.roles for t in timeline(seeds, "PAB"))


def test_stale_contacts_only_in_ended_plans(seeds):
    rows = gaps(seeds, kinds=["stale_contact"], today=TODAY)
    plans = {r.plan for r in rows}
    assert "plan:surf-valby-2017-2020" in plans
    assert plans <= {"plan:surf-valby-2017-2020", "plan:rum-for-liv-2013-2016"}


def test_every_gap_names_a_plan_and_a_reason(seeds):
    rows = gaps(seeds, today=TODAY)
    assert rows and all(r.reason and r.plan.startswith("plan:") for r in rows)
    frederikke = [r for r in rows if r.name == "Frederikke Byder"]   # 000: no e-mail, no phone
    assert [r.reason for r in frederikke if r.kind == "contact_without_details"] == [
        "no e-mail and no phone"]


def test_brokers_bridge_plans(seeds):
    ranked = brokers(seeds)
    assert ranked and all(len(b.contexts) >= 2 for b in ranked)
    assert any("akb" in fold(b.name) for b in ranked)
    ego = {c.name for c in partners_of(seeds, "PAB")}
    assert {"Boligforeningen 3B", "Københavns Kommune"} <= ego


def test_shared_partners_of_one_plan_is_refused(seeds):
    from samspil.loaders.errors import InvalidQuery

    with pytest.raises(InvalidQuery, match="at least two plans"):
        shared_partners(seeds, ["Mit Kvarter"])
    with pytest.raises(InvalidQuery):
        shared_partners(seeds, ["Mit Kvarter", "mit kvarter"])  # one plan, named twice


def test_an_organisations_exact_name_beats_a_zone_that_holds_it(seeds):
    """ "AAB" names the housing organisation; the zone "AAB – Sjælør Boulevard" only holds
    the word, so the timeline is the organisation's (it was the zone's plan, with no roles)."""
    assert any(z.startswith("AAB") for _, d in seeds.nodes("Zone") for z in [d.get("name") or ""])
    rows = timeline(seeds, "AAB")
    assert rows and all(t.roles for t in rows)
    assert [t.id for t in timeline(seeds, "AAB", kind="area")]  # the area reading still asked for
