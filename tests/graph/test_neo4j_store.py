"""The Neo4j store against the real test server (tests/conftest.py), next to the
embedded store: the five bundled agreements give the same graph and every analysis
the same answer on both; what Neo4j itself holds (every property of every node and
relationship, constraints, indexes, the build stamp) is queried directly."""
from __future__ import annotations

import json
from datetime import date

import pytest

from samspil.graph import analyses as an
from samspil.graph.neo4j_store import Neo4jStore
from samspil.graph.people import person_id_for
from samspil.graph.sqlite_store import SqliteStore
from samspil.loaders.errors import NotFound, StoreUnavailable

pytestmark = pytest.mark.neo4j
TODAY = date(2026, 11, 26)


def canon(value):
    """An order-insensitive, hashable form of a property value."""
    if isinstance(value, dict):
        return tuple(sorted((k, canon(v)) for k, v in value.items() if v is not None))
    if isinstance(value, (list, tuple)):
        return tuple(sorted((canon(v) for v in value), key=repr))
    return value


def graph_form(g) -> tuple[set, set]:
    nodes = {(n, canon(d)) for n, d in g.nodes()}
    edges = {(u, v, d["type"], canon(d)) for u, v, d in g.edges()}
    return nodes, edges


@pytest.fixture(scope="module")
def both(tmp_path_factory, seed_reports, neo4j_settings, neo4j_wipe):
    """The five seeds saved into an embedded store and into Neo4j; both loaded back."""
    embedded = SqliteStore(tmp_path_factory.mktemp("parity") / "samspil.sqlite")
    neo = Neo4jStore(neo4j_settings)
    neo4j_wipe(neo)
    embedded.save(seed_reports)
    neo.save(seed_reports)
    yield embedded.load(), neo.load()
    embedded.close()
    neo.close()


def dump(store: Neo4jStore) -> str:
    """Every property of every node and relationship in the database, as text."""
    nodes = store._read("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    rels = store._read("MATCH ()-[r]->() RETURN type(r) AS t, properties(r) AS p")
    return json.dumps(nodes + rels, ensure_ascii=False, default=str)


def test_the_seeds_give_the_same_graph_in_both_stores(both):
    emb, neo = both
    assert emb.g.number_of_nodes() > 400 and emb.g.number_of_edges() > 1000
    e_nodes, e_edges = graph_form(emb)
    n_nodes, n_edges = graph_form(neo)
    assert {n for n, _ in n_nodes} == {n for n, _ in e_nodes}
    assert n_nodes == e_nodes            # labels, properties, sources and mentions
    assert n_edges == e_edges            # endpoints, types, properties and sources
    assert emb.counts() == neo.counts()


ANALYSES = {
    "shared partners": lambda g: an.shared_partners(g, ["Mit Kvarter", "SURF Valby"]),
    "shared partners, all plans": lambda g: an.shared_partners(g),
    "overlaps": lambda g: [an.overlaps(g, by=by) for by in an.DIMENSIONS],
    "organisations in most plans": lambda g: an.organisations_in_most_plans(g, limit=None),
    "gaps": lambda g: an.gaps(g, today=TODAY),
    "brokers": lambda g: an.brokers(g, limit=None),
    "brokers exact, by focus areas": lambda g: an.brokers(g, by="focus-areas", exact=True),
    "communities": lambda g: an.communities(g),
    "partners of": lambda g: an.partners_of(g, "Boligforeningen 3B"),
    "compare": lambda g: an.compare(g, "Rum for Liv", "Mit Kvarter"),
    "timeline of an area": lambda g: an.timeline(g, "Valby"),
    "timeline of an organisation": lambda g: an.timeline(g, "Boligforeningen 3B"),
}


@pytest.mark.parametrize("name", ANALYSES)
def test_every_analysis_gives_the_same_answer_on_both_stores(both, name):
    emb, neo = both
    answer = ANALYSES[name](emb)
    assert answer, f"{name}: empty on the seeds, so the comparison would prove nothing"
    assert ANALYSES[name](neo) == answer


def test_constraints_and_indexes_exist_and_hold(neo4j_settings, neo4j_wipe, small_corpus):
    from samspil.graph.model import LABELS
    store = Neo4jStore(neo4j_settings)
    try:
        neo4j_wipe(store)
        store.save(small_corpus)
        constraints = {r["name"]: r for r in store._read(
            "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties")}
        indexes = {r["name"] for r in store._read("SHOW INDEXES YIELD name")}
        for label in LABELS:
            c = constraints[f"samspil_{label.lower()}_id"]
            assert (c["type"], c["labelsOrTypes"], c["properties"]) == ("UNIQUENESS", [label], ["id"])
            assert f"samspil_{label.lower()}_name" in indexes
        with pytest.raises(Exception, match="already exists"):       # the constraint is enforced
            store._write(lambda tx: tx.run("CREATE (:Organisation {id: 'org:socialforvaltningen'})")
                         .consume())
    finally:
        store.close()


def test_forget_and_forget_person_leave_no_trace_in_any_property(neo4j_settings, neo4j_wipe,
                                                                 seed_reports):
    store = Neo4jStore(neo4j_settings)
    try:
        neo4j_wipe(store)
        store.save(seed_reports)
        before = dump(store)
        person = ("fj2f@kk.dk", "Charlotte Kølle Jørgensen", "21438324")
        assert all(v in before for v in person)
        assert store.forget_person("fj2f@kk.dk") == person_id_for("fj2f@kk.dk")
        after = dump(store)
        assert [v for v in person if v in after] == []
        store.save(seed_reports)                                  # reloading does not bring her back
        assert [v for v in person if v in dump(store)] == []
        doc = "002_9a46c293956cd688.txt"
        assert doc in after
        store.forget(doc)
        assert doc not in dump(store)
    finally:
        store.close()


def test_forget_person_refuses_a_node_that_is_not_a_person(neo4j_settings, neo4j_wipe, small_corpus):
    store = Neo4jStore(neo4j_settings)
    try:
        neo4j_wipe(store)
        store.save(small_corpus)
        before = dump(store)
        with pytest.raises(NotFound, match="is a Organisation, not a person"):
            store.forget_person("org:socialforvaltningen")
        assert dump(store) == before
    finally:
        store.close()


def test_a_graph_built_by_another_version_is_rebuilt(neo4j_settings, neo4j_wipe, small_corpus):
    old = "person:ah@sof.kk.dk"
    store = Neo4jStore(neo4j_settings)
    try:
        neo4j_wipe(store)
        store.save(small_corpus)
        fresh = {n: d.get("name") for n, d in store.load().nodes()}
        store._write(lambda tx: tx.run("MATCH (n:Organisation {id: 'org:socialforvaltningen'}) "
                                       "SET n.name = 'stale name'").consume())
        assert store.load().node("org:socialforvaltningen")["name"] == "stale name"  # same stamp
        # a person under the id scheme before issue 12 (her e-mail): gone after the upgrade
        store._write(lambda tx: tx.run("MATCH (n:Person {id: $new}) SET n.id = $old", old=old,
                                       new=person_id_for("ah@sof.kk.dk")).consume())
        assert old in store.load()
        store._write(lambda tx: tx.run("MATCH (m:SamspilMeta {key: 'generation'}) "
                                       "SET m.built_by = 'an-older-samspil'").consume())
    finally:
        store.close()
    upgraded = Neo4jStore(neo4j_settings)
    try:
        assert {n: d.get("name") for n, d in upgraded.load().nodes()} == fresh
        assert old not in upgraded.load() and person_id_for("ah@sof.kk.dk") in fresh
        assert upgraded._read("MATCH (m:SamspilMeta) RETURN m.built_by AS b")[0]["b"] != \
            "an-older-samspil"
    finally:
        upgraded.close()


def test_a_routing_uri_works_as_well_as_bolt(neo4j_settings, neo4j_wipe, small_corpus):
    from samspil.graph.build import build_graph
    routed = neo4j_settings.model_copy(
        update={"neo4j_uri": neo4j_settings.neo4j_uri.replace("bolt://", "neo4j://")})
    assert routed.neo4j_uri.startswith("neo4j://")
    store = Neo4jStore(routed)
    try:
        neo4j_wipe(store)
        store.save(small_corpus)
        assert graph_form(store.load()) == graph_form(build_graph(small_corpus))
    finally:
        store.close()


def test_a_wrong_password_says_which_settings_to_check(neo4j_settings):
    if not neo4j_settings.neo4j_password:
        pytest.skip("the Neo4j under test has authentication off")
    wrong = neo4j_settings.model_copy(update={"neo4j_password": "not-the-password"})
    with pytest.raises(StoreUnavailable, match="refused the credentials; check "
                                               "SAMSPIL_NEO4J_USER and SAMSPIL_NEO4J_PASSWORD"):
        Neo4jStore(wrong)
