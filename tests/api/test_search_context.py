"""Search hits of one name told apart (session 20): twelve municipalities' agreements
(tests/fixtures/blind_p/docs) each name their own "Sundhedsplejen"; every hit now says
where it belongs (municipality, plans, the organisation it is a unit of), in fields
added to the old ones, and what it says is what the graph holds."""
from __future__ import annotations

import pytest

from samspil.api.app import create_app
from samspil.graph.settings import Settings
from samspil.graph.store import open_store

from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def blind_client(twelve_municipalities):
    store = open_store(Settings(data_dir=twelve_municipalities))
    with TestClient(create_app(store, Settings(data_dir=twelve_municipalities)),
                    base_url="http://localhost") as c:
        yield c, store.load()
    store.close()


def _expected(graph, nid: str) -> tuple[set[str], set[str], set[str]]:
    """(plans, municipalities, parents) of a node worked out from the whole graph: the
    plans it or one of its activities is linked to, those plans' municipalities, and
    the organisations it is a unit of."""
    g = graph.g
    plans = set()
    for other in set(g.predecessors(nid)) | set(g.successors(nid)):
        label = graph.node(other)["label"]
        if label == "Plan":
            plans.add(other)
        elif label == "Activity":
            plans |= {p for p in g.predecessors(other) if graph.node(p)["label"] == "Plan"}
    plans.discard(nid)
    munis = {graph.node(p).get("municipality") for p in plans} - {None}
    parents = {v for _u, v, k in g.out_edges(nid, keys=True) if k == "UNIT_OF"}
    return plans, munis, parents


def test_hits_of_one_name_say_where_they_belong(blind_client):
    """Before: a dozen items {"id", "label": "Organisation", "name": "Sundhedsplejen",
    "match": "exact"}, alike but for an id nobody reads."""
    client, _graph = blind_client
    body = client.get("/api/search", params={"q": "Sundhedsplejen", "limit": 50}).json()
    same = [h for h in body["items"] if h["name"] == "Sundhedsplejen"]
    assert len(same) >= 5, body
    for h in same:        # the old fields are all still there
        assert {"id", "label", "name", "match"} <= set(h) and h["match"] == "exact"
        assert {"context", "municipalities", "plans", "plan_count", "parents"} <= set(h)
        assert h["context"] and h["municipalities"], h
    contexts = [h["context"] for h in same]
    assert len(set(contexts)) == len(contexts), contexts
    struer = [h for h in same if h["municipalities"] == ["Struer Kommune"]]
    assert len(struer) == 1 and "Struer Kommune" in struer[0]["context"]
    assert struer[0]["plans"] and struer[0]["plans"][0]["name"] in struer[0]["context"]


def test_every_organisation_hit_matches_the_graph(blind_client):
    """Plans, municipalities and parents of every organisation's search hit are those the
    graph holds (worked out here by walking it): the index is no approximation."""
    client, graph = blind_client
    checked = 0
    for nid, d in graph.nodes("Organisation"):
        hits = client.get("/api/search", params={"q": d["name"], "label": "Organisation",
                                                  "limit": 1000}).json()["items"]
        hit = next(h for h in hits if h["id"] == nid)
        plans, munis, parents = _expected(graph, nid)
        assert hit["plan_count"] == len(plans), (nid, hit)
        assert {p["id"] for p in hit["plans"]} <= plans and len(hit["plans"]) == min(5, len(plans))
        if plans:
            assert set(hit["municipalities"]) == munis, (nid, hit)
        assert {p["id"] for p in hit["parents"]} == parents, (nid, hit)
        for p in hit["parents"]:
            assert f"unit of {p['name']}" in hit["context"] or "unit of" in hit["context"]
        checked += 1
    assert checked > 100


def test_plans_persons_and_activities_have_context_too(blind_client):
    client, graph = blind_client
    plan = next(d for _n, d in graph.nodes("Plan") if d.get("municipality") and d.get("period_start"))
    hit = next(h for h in client.get("/api/search", params={"q": plan["name"], "label": "Plan"}).json()["items"]
               if h["id"] == plan["id"])
    assert plan["municipality"] in hit["context"] and plan["period_start"][:4] in hit["context"]
    person = client.get("/api/search", params={"q": "a", "label": "Person", "limit": 5}).json()["items"]
    assert person and all(h["about"] and h["context"].startswith(h["about"]) for h in person), person
    assert not any("@" in h["context"] and "e-mail @" not in h["context"] for h in person)
    acts = client.get("/api/search", params={"q": "a", "label": "Activity", "limit": 5}).json()["items"]
    assert acts and all(h["about"] and h["plans"] and h["plans"][0]["name"] in h["context"] for h in acts)


def test_search_context_is_the_same_on_the_fast_path(blind_client):
    """The second search of a snapshot is answered before routing (``fastpath.search_now``)
    once the indexes exist: it carries the same context."""
    client, _graph = blind_client
    first = client.get("/api/search", params={"q": "Sundhedsplejen", "limit": 30}).json()
    cache = client.app.state.cache.snapshot()
    assert "context-index" in cache.indexes and "trigram-index" in cache.indexes
    cache.memo.clear()
    again = client.get("/api/search", params={"q": "Sundhedsplejen", "limit": 30}).json()
    assert again == first


def test_a_detail_says_where_it_belongs_as_its_search_hit_does(blind_client):
    """The details of one of the "Sundhedsplejen"s listed an activity and an id; now they
    carry the line its search hit shows, worked out from the detail's own relationships:
    equal to the hit's for every node."""
    client, graph = blind_client
    from samspil.api.routes import KINDS
    segment = {label: seg for seg, label in KINDS.items()}
    compared = 0
    for nid, d in graph.nodes():
        hits = client.get("/api/search", params={"q": d.get("name") or nid, "limit": 1000}).json()["items"]
        hit = next((h for h in hits if h["id"] == nid), None)
        if hit is None:
            continue
        body = client.get(f"/api/{segment[d['label']]}/{nid}").json()
        assert {"item", "relationships", "evidence"} <= set(body)
        assert body["context"] == hit["context"], nid
        compared += 1
    assert compared > 300
