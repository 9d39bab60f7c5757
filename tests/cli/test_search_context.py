"""`samspil search` tells hits of one name apart (session 20): twelve municipalities'
agreements (tests/fixtures/blind_p/docs) each name a "Sundhedsplejen" of their own; each
row now has a `context` column (municipality, plans, the organisation it is a unit of),
the same words the API's search hits carry."""
from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner
from fastapi.testclient import TestClient

from samspil.cli.main import cli


def run(*args):
    return CliRunner(env={"COLUMNS": "200"}).invoke(cli, [str(a) for a in args],
                                                    catch_exceptions=False)


def test_search_rows_of_one_name_say_where_they_belong(twelve_municipalities):
    """Before: a dozen rows 'org:sundhedsplejen/... Organisation Sundhedsplejen
    Sundhedsplejen', told apart only by the document slug in the id."""
    r = run("search", "Sundhedsplejen", "--data-dir", twelve_municipalities, "--csv")
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert list(rows[0]) == ["id", "label", "name", "matched", "context"]
    same = [row for row in rows if row["name"] == "Sundhedsplejen"]
    assert len(same) >= 5
    contexts = [row["context"] for row in same]
    assert all(contexts) and len(set(contexts)) == len(contexts), contexts
    assert any(c.startswith("Struer Kommune · in ") for c in contexts), contexts
    table = run("search", "Sundhedsplejen", "--data-dir", twelve_municipalities).output
    assert "context" in table and "Struer Kommune" in table


def test_search_json_carries_the_apis_fields(twelve_municipalities):
    r = run("search", "Kultur", "--data-dir", twelve_municipalities, "--json")
    rows = json.loads(r.output)
    assert rows and all({"id", "label", "name", "matched", "context", "municipalities", "plans",
                         "plan_count", "parents"} <= set(row) for row in rows)


def test_the_cli_and_the_api_say_the_same(twelve_municipalities):
    """One context, worked out twice (the CLI reads the store with indexed queries, the API
    its context index): equal for every hit of a few searches across every label."""
    from samspil.api.app import create_app
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store

    settings = Settings(data_dir=twelve_municipalities)
    store = open_store(settings)
    try:
        with TestClient(create_app(store, settings), base_url="http://localhost") as client:
            compared = 0
            for q in ("Sundhedsplejen", "Jobcenter", "kommune", "unge", "Anne", "Fjordhøjen", ".txt"):
                cli_rows = json.loads(run("search", q, "--data-dir", twelve_municipalities,
                                          "--json").output)
                api = {h["id"]: h for h in client.get("/api/search", params={
                    "q": q, "limit": 1000}).json()["items"]}
                for row in cli_rows:
                    hit = api.get(row["id"])
                    if hit is None:         # found by an e-mail address, which the API hides
                        assert row["label"] == "Person"
                        continue
                    want = hit["context"]
                    if hit["label"] == "Person":   # the API hides e-mails: the CLI shows the domain too
                        assert row["context"].split(" · ")[-1] == want.split(" · ")[-1]
                    else:
                        assert row["context"] == want, (q, row["id"])
                    for key in ("municipalities", "plans", "plan_count", "parents"):
                        assert row[key] == hit[key], (q, row["id"], key)
                    compared += 1
            assert compared > 60
    finally:
        store.close()
