"""One person, one id: `samspil show`, the API over real HTTP, the export files and a
redacted view all name Charlotte Kølle Jørgensen (fj2f@kk.dk, seed 000) by the same
id, and that id holds neither her e-mail, her phone nor her name (issue 12)."""
from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET

import httpx
import networkx as nx
import pytest
from click.testing import CliRunner

from samspil.api.app import create_app
from samspil.cli.main import cli
from samspil.graph.people import person_id_for
from samspil.graph.settings import Settings

EMAIL, PHONE, NAME = "fj2f@kk.dk", "21438324", "Charlotte Kølle Jørgensen"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def http_url(store, data_dir, served):
    """The API (default settings: contact details hidden) under a real uvicorn."""
    with served(create_app(store, Settings(data_dir=data_dir))) as url:
        yield url


def test_one_person_has_one_id_in_the_cli_the_api_the_exports_and_a_redacted_view(
        data_dir, http_url, tmp_path):
    d = str(data_dir)
    shown = json.loads(run("show", EMAIL, "--json", "--data-dir", d))      # found by e-mail
    pid = shown["id"]
    assert pid == person_id_for(EMAIL) and re.fullmatch(r"person:[0-9a-f]{12}", pid)
    assert shown["name"] == NAME
    for secret in (EMAIL, PHONE, "charlotte", "jorgensen", "fj2f"):
        assert secret not in pid

    # the API over HTTP: found by name, listed and shown under the same id
    http = httpx.Client(base_url=http_url, headers={"Host": "localhost"})
    hits = http.get("/api/search", params={"q": NAME, "label": "Person"}).json()["items"]
    assert [h["id"] for h in hits] == [pid]
    item = http.get(f"/api/persons/{pid}").json()["item"]
    assert item["id"] == pid and item["name"] == NAME and "email" not in item

    # exports: GEXF (Gephi), GraphML --redact, neo4j-admin CSV
    run("export", "--format", "gexf", "-o", str(tmp_path / "g.gexf"), "--data-dir", d)
    assert nx.read_gexf(tmp_path / "g.gexf").nodes[pid]["label"] == NAME
    run("export", "--format", "graphml", "--redact", "-o", str(tmp_path / "r.graphml"),
        "--data-dir", d)
    redacted = nx.read_graphml(tmp_path / "r.graphml").nodes[pid]
    assert redacted["label"] == "Person" and "Charlotte" not in redacted["name"]
    run("export", "--format", "neo4j-csv", "-o", str(tmp_path / "csv"), "--data-dir", d)
    with open(tmp_path / "csv" / "nodes_Person.csv", encoding="utf-8") as fh:
        rows = {r["id:ID"]: r for r in csv.DictReader(fh)}
    assert rows[pid]["name"] == NAME

    # a redacted view centred on her by that id: the id is there, her name is not
    page = tmp_path / "ego.html"
    run("viz", "ego", pid, "--redact", "-o", str(page), "--data-dir", d)
    html = page.read_text(encoding="utf-8")
    assert pid in html and NAME not in html and EMAIL not in html


def test_every_person_id_is_the_same_hidden_redacted_and_exported(store, data_dir, tmp_path):
    from samspil.viz.redact import hide_contact_details, redact

    graph = store.load()
    ids = sorted(n for n, _ in graph.nodes("Person"))
    assert len(ids) > 50
    assert sorted(n for n, _ in hide_contact_details(graph).nodes("Person")) == ids
    assert sorted(n for n, _ in redact(graph).nodes("Person")) == ids
    run("export", "--format", "graphml", "-o", str(tmp_path / "g.graphml"), "--data-dir", str(data_dir))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = ET.parse(tmp_path / "g.graphml").getroot().iterfind(".//g:node", ns)
    assert sorted(n.get("id") for n in nodes if n.get("id").startswith("person:")) == ids
    assert not [i for i in ids if "@" in i]
