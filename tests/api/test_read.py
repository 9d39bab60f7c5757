"""Read endpoints on the real stores - the embedded one and the session's Neo4j,
each holding the seeds: status, shape, paging, filters, details, evidence."""
from __future__ import annotations

import re

import pytest

from samspil.api.routes import KINDS

XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def client(request, client):
    """Every read test runs on the embedded store (conftest's ``client``) and on Neo4j."""
    return client if request.param == "embedded" else request.getfixturevalue("neo4j_client")


def ok(r, status=200):
    assert r.status_code == status, r.text
    body = r.json()
    assert body["ok"] is True
    return body


@pytest.mark.parametrize("segment", list(KINDS))
def test_every_list_and_its_first_detail(client, segment):
    body = ok(client.get(f"/api/{segment}", params={"limit": 3}))
    assert set(body) == {"ok", "total", "limit", "offset", "items"}
    assert body["total"] >= 1 and len(body["items"]) == min(3, body["total"])
    item = body["items"][0]
    assert item["label"] == KINDS[segment] and "sources" not in item
    d = ok(client.get(f"/api/{segment}/{item['id']}"))
    assert d["item"]["id"] == item["id"]
    assert isinstance(d["relationships"], list) and isinstance(d["evidence"], list)


def test_paging_walks_the_whole_list_once(client):
    total = ok(client.get("/api/organisations", params={"limit": 1}))["total"]
    seen = []
    for offset in range(0, total, 100):
        seen += [i["id"] for i in ok(client.get("/api/organisations",
                                                params={"limit": 100, "offset": offset}))["items"]]
    assert len(seen) == len(set(seen)) == total > 100
    assert ok(client.get("/api/organisations", params={"offset": total}))["items"] == []


def test_filters(client):
    plans = ok(client.get("/api/plans"))["items"]
    mit = next(p for p in plans if p["name"] == "Mit Kvarter")
    in_plan = ok(client.get("/api/organisations", params={"plan": mit["id"], "limit": 1000}))
    allorgs = ok(client.get("/api/organisations", params={"limit": 1}))["total"]
    assert 0 < in_plan["total"] < allorgs
    munis = ok(client.get("/api/organisations", params={"type": "municipality", "limit": 1000}))
    assert munis["total"] >= 1 and all(o["type"] == "municipality" for o in munis["items"])
    q = ok(client.get("/api/organisations", params={"q": "københavns kommune"}))
    assert any(o["id"] == "org:kobenhavns-kommune" for o in q["items"])


def test_detail_by_name_with_relationships_and_evidence(client):
    d = ok(client.get("/api/organisations/Københavns Kommune"))
    assert d["item"]["id"] == "org:kobenhavns-kommune"
    types = {r["type"] for r in d["relationships"]}
    assert "PARTY_TO" in types
    party = next(r for r in d["relationships"] if r["type"] == "PARTY_TO")
    assert party["direction"] == "out" and party["label"] == "Plan" and party["sources"]
    ev = d["evidence"][0]
    assert ev["document"].endswith(".txt") and ev["excerpt"] and ("line" in ev or "page" in ev)


def test_activity_ids_with_slashes(client):
    act = ok(client.get("/api/activities", params={"limit": 1}))["items"][0]
    assert "/" in act["id"]
    assert ok(client.get(f"/api/activities/{act['id']}"))["item"]["id"] == act["id"]


def test_no_email_or_phone_by_default(client):
    persons = ok(client.get("/api/persons", params={"limit": 1000}))["items"]
    assert persons
    assert not any("email" in p or "phone" in p for p in persons)
    assert all(re.fullmatch(r"person:[0-9a-f]{12,}", p["id"]) for p in persons)
    d = ok(client.get(f"/api/persons/{persons[0]['id']}"))
    assert "email" not in d["item"] and "phone" not in d["item"]
    anna = ok(client.get("/api/search", params={"q": "Anna"}))["items"]
    text = str(ok(client.get(f"/api/persons/{anna[0]['id']}")))
    assert "anna@testbo.dk" not in text and "12345678" not in text


def test_search_ranks_exact_then_prefix(client):
    body = ok(client.get("/api/search", params={"q": "Mit Kvarter"}))
    assert body["items"][0]["name"] == "Mit Kvarter" and body["items"][0]["match"] == "exact"
    lab = ok(client.get("/api/search", params={"q": "kommune", "label": "Organisation"}))
    assert lab["total"] > 1 and all(i["label"] == "Organisation" for i in lab["items"])
    assert ok(client.get("/api/search", params={"q": "zzqqxx"}))["total"] == 0


@pytest.mark.parametrize("typed", ["kobenhavns kommune", "koebenhavns kommune", "KØBENHAVNS KOMMUNE"])
def test_search_without_danish_letters(client, typed):
    body = ok(client.get("/api/search", params={"q": typed}))
    assert body["items"][0]["name"] == "Københavns Kommune" and body["items"][0]["match"] == "exact"


def test_xss_strings_come_back_as_data(client):
    body = ok(client.get("/api/search", params={"q": "img src"}))
    assert body["items"][0]["name"] == XSS


@pytest.mark.parametrize("params", [
    {}, {"view": "copartnership"}, {"view": "overlap", "by": "zones", "form": "network"},
    {"view": "gaps", "form": "network"},
    {"view": "ego", "node": "Københavns Kommune", "radius": 2},
    {"view": "labels", "label": ["Plan", "Zone"]},
])
def test_graph_endpoint_returns_positions(client, params):
    body = ok(client.get("/api/graph", params=params))
    assert body["nodes"] and body["legend"]
    n = body["nodes"][0]
    assert {"id", "name", "kind", "x", "y", "size", "colour", "shape", "hover"} <= set(n)
    ids = {n["id"] for n in body["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in body["edges"])


def test_graph_min_shared_thins_links(client):
    one = ok(client.get("/api/graph", params={"view": "copartnership", "min_shared": 1}))
    two = ok(client.get("/api/graph", params={"view": "copartnership", "min_shared": 2}))
    assert 0 < len(two["edges"]) < len(one["edges"])
    assert all(e["weight"] >= 2 for e in two["edges"])
    # the default is the one the CLI and the explorer use: legible, and said so
    default = ok(client.get("/api/graph", params={"view": "copartnership"}))
    assert 0 < len(default["edges"]) <= 300 < len(one["edges"])
    assert default["params"]["min_shared"] >= 2 and "300 links" in default["note"]


@pytest.mark.parametrize("params", [{"view": "overlap"}, {"view": "overlap", "by": "zones"},
                                    {"view": "gaps"}, {"view": "gaps", "by": "parties"}])
def test_overlap_and_gaps_are_matrices_with_evidence(client, params):
    body = ok(client.get("/api/graph", params=params))
    assert body["form"] == "matrix" and body["rows"] and body["cells"] and not body["empty"]
    keys = {r[0] for r in body["rows"]} | {c[0] for c in body["cols"]}
    assert all(c["row"] in keys and c["col"] in keys for c in body["cells"])
    assert any(c["items"] and c["items"][0]["evidence"] for c in body["cells"])


def test_bad_dimension_is_a_clear_error(client):
    r = client.get("/api/graph", params={"view": "gaps", "by": "partners"})
    assert r.status_code in (400, 422) and "target-groups" in r.json()["error"]


def test_graph_of_some_plans(client):
    plans = [p["id"] for p in ok(client.get("/api/plans"))["items"]]
    one = ok(client.get("/api/graph", params={"plan": plans[0]}))
    both = ok(client.get("/api/graph", params={"plan": plans[:2]}))
    assert 1 < len(one["nodes"]) < len(both["nodes"])
    assert [n["id"] for n in one["nodes"] if n["kind"] == "Plan"] == [plans[0]]


def test_view_html(client):
    r = client.get("/api/views/plan-network.html")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "new vis.Network" in r.text and XSS not in r.text


@pytest.mark.parametrize("path,params", [
    ("shared-partners", {}), ("shared-partners", {"min_plans": 3}),
    ("overlaps", {"by": "target-groups"}), ("gaps", {"kind": "unreached_target_group"}),
    ("brokers", {}), ("communities", {}),
    ("compare", {"a": "Amagerplanen", "b": "Mit Kvarter"}),
    ("timeline", {"ref": "Københavns Kommune"}),
])
def test_analyses(client, path, params):
    body = ok(client.get(f"/api/analyses/{path}", params=params))
    assert body["total"] >= 1 and body["items"]
    assert set(body) == {"ok", "total", "limit", "offset", "items"}


def test_brokers_of_some_plans_are_the_librarys(client, store):
    """The explorer asks for the brokers of the ticked plans (the library's ``plans``)."""
    from samspil.graph import analyses as an

    plans = [p["id"] for p in ok(client.get("/api/plans"))["items"]][:3]
    got = ok(client.get("/api/analyses/brokers", params={"plan": plans, "limit": 50}))["items"]
    want = an.brokers(store.load(), limit=50, plans=plans)
    assert got and [b["id"] for b in got] == [b.id for b in want]
    assert all(set(b["contexts"]) <= set(plans) for b in got)


def test_shared_partners_content(client):
    items = ok(client.get("/api/analyses/shared-partners", params={"min_plans": 3}))["items"]
    assert all(i["plan_count"] >= 3 and len(i["plans"]) == i["plan_count"] for i in items)
    assert any(i["id"] == "org:kobenhavns-kommune" for i in items)
    assert items[0]["evidence"]


def test_health_and_docs(client):
    h = ok(client.get("/api/health"))
    assert h["counts"]["Plan"] == 6 and h["writes"] is False
    docs = client.get("/docs")
    assert docs.status_code == 200 and "https://" not in docs.text  # no CDN
    for asset in re.findall(r'(?:src|href)="(/[^"]+)"', docs.text):
        assert client.get(asset).status_code == 200, asset
    redoc = client.get("/redoc")
    assert redoc.status_code == 200 and "https://" not in redoc.text
    spec = client.get("/openapi.json").json()
    for p in ("/api/plans", "/api/search", "/api/graph", "/api/analyses/shared-partners",
              "/api/analyses/overlaps", "/api/analyses/gaps", "/api/analyses/brokers",
              "/api/analyses/compare", "/api/documents"):
        assert p in spec["paths"], p


def test_explorer_page_and_assets(client):
    page = client.get("/")
    assert page.status_code == 200 and "samspil" in page.text
    for asset in ("/static/explorer.js", "/static/explorer.css", "/static/vis/vis-network.min.js"):
        assert client.get(asset).status_code == 200, asset


def test_redact_setting_hides_names(store, data_dir):
    from fastapi.testclient import TestClient

    from samspil.api.app import create_app
    from samspil.graph.settings import Settings

    with TestClient(create_app(store, Settings(data_dir=data_dir, api_redact=True)), base_url="http://localhost") as c:
        persons = ok(c.get("/api/persons", params={"limit": 1000}))["items"]
        assert "Projektleder at Boligselskabet Testbo" in {p["name"] for p in persons}
        assert ok(c.get("/api/search", params={"q": "Anna"}))["total"] == 0
        graph = c.get("/api/graph", params={"view": "ego", "node": "Boligselskabet Testbo"}).text
        assert "Anna" not in graph and "anna@testbo.dk" not in graph


def test_show_contact_details_setting(store, data_dir):
    from fastapi.testclient import TestClient

    from samspil.api.app import create_app
    from samspil.graph.settings import Settings

    settings = Settings(data_dir=data_dir, api_show_contact_details=True)
    with TestClient(create_app(store, settings), base_url="http://localhost") as c:
        pid = ok(c.get("/api/search", params={"q": "Anna", "label": "Person"}))["items"][0]["id"]
        d = ok(c.get(f"/api/persons/{pid}"))
        assert d["item"]["email"] == "anna@testbo.dk" and d["item"]["phone"] == "12345678"


def test_cache_reloads_after_a_write_elsewhere(tmp_path, reports):
    """Another process (here: another store object) loads a document: the API sees it."""
    from fastapi.testclient import TestClient

    from samspil.api.app import create_app
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store

    settings = Settings(data_dir=tmp_path)
    mine, other = open_store(settings), open_store(settings)
    mine.save(reports[:1])
    with TestClient(create_app(mine, settings), base_url="http://localhost") as c:
        assert ok(c.get("/api/plans"))["total"] == 1
        other.save(reports[1:2])
        import time
        # the store's version is looked at once a second; the new graph is then loaded
        # in the background while readers keep getting the previous one
        seen, deadline = [], time.monotonic() + 60
        while not seen or seen[-1] != 2:
            assert time.monotonic() < deadline, f"never reloaded: {seen}"
            seen.append(ok(c.get("/api/plans"))["total"])
            time.sleep(0.05)
        assert set(seen) <= {1, 2}
    mine.close()
    other.close()


def test_view_html_cache_keeps_every_parameter_apart(client):
    pages = [client.get("/api/views/copartnership.html", params={"min_shared": k}).text
             for k in (1, 2, 1)]
    counts = [re.search(r"(\d+) links", p).group(1) for p in pages]
    assert counts[0] != counts[1] and counts[0] == counts[2]
    matrix = client.get("/api/views/overlap.html").text
    network = client.get("/api/views/overlap.html", params={"form": "network"}).text
    assert "samspilMatrix.draw" in matrix and "new vis.Network" in network
