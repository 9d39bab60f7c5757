"""``samspil export`` read back by two independent readers each: GraphML by networkx
and python-igraph, GEXF 1.3 by networkx and by lxml checked against the rules of the
published GEXF 1.3 schema; the neo4j-admin CSV set by the csv module."""
from __future__ import annotations

import csv
import json

import igraph
import networkx as nx
import pytest
from click.testing import CliRunner
from lxml import etree

from samspil.cli.main import cli
from samspil.graph.settings import Settings
from samspil.graph.store import open_store

GEXF_NS = "http://gexf.net/1.3"
G = "{%s}" % GEXF_NS


@pytest.fixture(scope="module")
def store_dir(saved_data_dir, seed_reports):
    return saved_data_dir(seed_reports)


@pytest.fixture(scope="module")
def graph(store_dir):
    store = open_store(Settings(data_dir=store_dir))
    try:
        return store.load()
    finally:
        store.close()


def export(store_dir, tmp_path, fmt: str):
    out = tmp_path / f"graph.{fmt}"
    r = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out), "--data-dir",
                                 str(store_dir)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return out


def test_graphml_read_by_networkx_and_igraph(store_dir, graph, tmp_path):
    path = export(store_dir, tmp_path, "graphml")
    nxg = nx.read_graphml(path)
    assert (nxg.number_of_nodes(), nxg.number_of_edges()) == (graph.g.number_of_nodes(),
                                                              graph.g.number_of_edges())
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount()) == (graph.g.number_of_nodes(), graph.g.number_of_edges())
    kk = ig.vs.find(id="org:kobenhavns-kommune")
    assert (kk["name"], kk["label"]) == ("Københavns Kommune", "Organisation")
    assert "Mit Kvarter" in json.loads(kk["plans"])
    assert set(ig.es["relationship"]) == {t for _u, _v, t in graph.g.edges(keys=True)}
    assert {d["relationship"] for _u, _v, d in nxg.edges(data=True)} == set(ig.es["relationship"])
    ids = [e for _u, _v, e in nx.read_graphml(path, force_multigraph=True).edges(keys=True)]
    assert len(set(ids)) == len(ids) == graph.g.number_of_edges()  # edge ids unique
    root = etree.parse(str(path)).getroot()   # attributes declared with a type
    keys = {k.get("attr.name"): k.get("attr.type") for k in root.iter("{*}key")}
    assert keys["name"] == "string" and keys["relationship"] == "string"


def test_gexf_13_read_by_networkx_and_checked_by_lxml(store_dir, graph, tmp_path):
    path = export(store_dir, tmp_path, "gexf")
    nxg = nx.read_gexf(path, version="1.3")
    assert (nxg.number_of_nodes(), nxg.number_of_edges()) == (graph.g.number_of_nodes(),
                                                              graph.g.number_of_edges())
    assert nxg.nodes["org:kobenhavns-kommune"]["label"] == "Københavns Kommune"
    assert nxg.nodes["org:kobenhavns-kommune"]["kind"] == "Organisation"
    root = etree.parse(str(path)).getroot()
    assert root.tag == G + "gexf" and root.get("version") == "1.3"
    decl = {c: {a.get("id"): a.get("title") for a in el.iter(G + "attribute")}
            for el in root.iter(G + "attributes") for c in [el.get("class")]}
    assert {"kind", "type", "plans", "sources"} <= set(decl["node"].values())
    assert "relationship" in decl["edge"].values()
    nodes = {n.get("id"): n for n in root.iter(G + "node")}
    assert len(nodes) == graph.g.number_of_nodes()
    labels = {n.get("label") for n in nodes.values()}
    assert "Københavns Kommune" in labels and "Organisation" not in labels
    edges = list(root.iter(G + "edge"))
    assert len(edges) == graph.g.number_of_edges() == len({e.get("id") for e in edges})
    rel_attr = next(i for i, t in decl["edge"].items() if t == "relationship")
    rels = set()
    for e in edges:   # GEXF 1.3: edge type only directed/undirected/mutual; ends are nodes
        assert e.get("type") in (None, "directed", "undirected", "mutual")
        assert e.get("source") in nodes and e.get("target") in nodes
        for v in e.iter(G + "attvalue"):
            assert v.get("for") in decl["edge"]
            if v.get("for") == rel_attr:
                rels.add(v.get("value"))
    assert rels == {t for _u, _v, t in graph.g.edges(keys=True)}


def test_neo4j_admin_csv_set(store_dir, graph, tmp_path):
    out = tmp_path / "neo"
    r = CliRunner().invoke(cli, ["export", "--format", "neo4j-csv", "-o", str(out), "--data-dir",
                                 str(store_dir)], catch_exceptions=False)
    assert r.exit_code == 0 and "neo4j-admin database import full --nodes=" in r.output
    ids, rels = set(), 0
    for f in sorted(out.glob("nodes_*.csv")):
        rows = list(csv.DictReader(f.open(encoding="utf-8")))
        assert list(rows[0])[:3] == ["id:ID", ":LABEL", "name"]
        assert {row[":LABEL"] for row in rows} == {f.stem[len("nodes_"):]}
        ids |= {row["id:ID"] for row in rows}
    for f in sorted(out.glob("relationships_*.csv")):
        rows = list(csv.DictReader(f.open(encoding="utf-8")))
        assert list(rows[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
        assert all(row[":START_ID"] in ids and row[":END_ID"] in ids for row in rows)
        rels += len(rows)
    assert (len(ids), rels) == (graph.g.number_of_nodes(), graph.g.number_of_edges())
    bad = CliRunner().invoke(cli, ["export", "--format", "neo4j-csv", "--data-dir", str(store_dir)])
    assert bad.exit_code != 0 and "folder" in bad.output
