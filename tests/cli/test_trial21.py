"""Session 21's new-user trial, the CLI's part.

`samspil timeline Slagelse` ("how did the plans of Slagelse change?") said "'Slagelse'
matches 3 organisations; give an id or a longer name" and listed Slagelse Bibliotekerne,
Slagelse Handelsstandsforening and Slagelse Kommune, though the README promises that a
plan is also named by its municipality's words, and `samspil gaps Slagelse` found the
plan. The timeline read an area in a plan's name, area and zones only.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from samspil.cli.main import cli

BLIND_Q = Path(__file__).parents[1] / "fixtures" / "blind_q" / "docs"
DOCS = ["01_slagelse_skovsoe_strategisk.txt", "10_greve_karlslunde_evalueringsudbud.txt",
        "11_kalundborg_stejlhoej_opstartsdag.txt"]


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    d = tmp_path_factory.mktemp("blind-q")
    r = CliRunner().invoke(cli, ["load", "--data-dir", str(d), *(str(BLIND_Q / f) for f in DOCS)])
    assert r.exit_code == 0, r.output
    return d


def _timeline(d, *args):
    r = CliRunner().invoke(cli, ["timeline", "--data-dir", str(d), *args, "--json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


@pytest.mark.parametrize("word, plan", [("Slagelse", "Skovsø Sammen"),
                                        ("Kalundborg", "Stejlhøj Bygger Bro"),
                                        ("greve", "Kompas Karlslunde")])
def test_a_municipality_word_gives_its_plans_timeline(three, word, plan):
    rows = _timeline(three, word)
    assert [r["name"] for r in rows] == [plan]
    assert all(not r["roles"] for r in rows)        # an area's timeline: no roles


def test_a_municipality_named_whole_is_still_the_organisation(three):
    rows = _timeline(three, "Slagelse Kommune")
    assert [r["name"] for r in rows] == ["Skovsø Sammen"] and rows[0]["roles"], rows
    r = CliRunner().invoke(cli, ["timeline", "--data-dir", str(three), "Slagelse",
                                 "--as", "organisation"])       # the other reading, asked for
    assert r.exit_code == 1 and "matches 3 organisations" in r.output, r.output


def test_the_api_reads_a_municipality_word_alike(three):
    from fastapi.testclient import TestClient

    from samspil.api.app import create_app
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store

    settings = Settings(data_dir=three)
    store = open_store(settings)
    try:
        with TestClient(create_app(store, settings), base_url="http://localhost") as c:
            body = c.get("/api/analyses/timeline", params={"ref": "Kalundborg"}).json()
        assert body["ok"], body
        assert [i["name"] for i in body["items"]] == ["Stejlhøj Bygger Bro"]
    finally:
        store.close()
