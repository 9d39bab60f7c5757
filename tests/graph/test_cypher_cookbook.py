"""The README's Cypher cookbook, run on the session's real Neo4j with the five
bundled agreements loaded; every answer is checked against the Python analysis
that answers the same question (and every query in the cookbook has a check)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from samspil.graph import analyses as an
from samspil.graph.build import build_graph
from samspil.graph.neo4j_store import Neo4jStore
from samspil.graph.people import person_id_for

pytestmark = pytest.mark.neo4j
README = Path(__file__).resolve().parents[2] / "README.md"


def cookbook() -> dict[str, str]:
    """``{title: query}`` from the ```cypher block of the README's Neo4j section."""
    section = README.read_text(encoding="utf-8").split("## Neo4j (the server store)")[1]
    block = re.search(r"```cypher\n(.*?)```", section, re.S).group(1)
    out: dict[str, str] = {}
    for chunk in re.split(r"^// ", block, flags=re.M)[1:]:
        title, _, query = chunk.partition("\n")
        out[title.split(" (")[0].strip()] = query.strip().rstrip(";")
    return out


@pytest.fixture(scope="module")
def seeded(neo4j_settings, neo4j_wipe, seed_reports):
    store = Neo4jStore(neo4j_settings)
    neo4j_wipe(store)
    store.save(seed_reports)
    yield store, build_graph(seed_reports)
    store.close()


def check_shared_partners(rows, g):
    plans = ["plan:mit-kvarter-2025-2028", "plan:surf-valby-2017-2020"]
    python = {r.id for r in an.shared_partners(g, plans) if r.label == "Organisation"}
    assert {r["id"] for r in rows} == python and len(python) >= 3


def check_most_plans(rows, g):
    python = {r.id: r.plan_count for r in an.organisations_in_most_plans(g, limit=None)}
    assert len(rows) == 25
    assert {r["id"]: r["plans"] for r in rows} == {r["id"]: python[r["id"]] for r in rows}
    left_out = [n for i, n in python.items() if i not in {r["id"] for r in rows}]
    assert min(r["plans"] for r in rows) >= max(left_out)          # really the top 25
    assert rows[0]["plans"] == max(python.values()) >= 4


def check_unreached_target_groups(rows, g):
    python = {(x.plan, x.id) for x in an.gaps(g) if x.kind == "unreached_target_group"}
    assert {(r["plan_id"], r["target_id"]) for r in rows} == python and python


def check_persons_plans(rows, g):
    pid = person_id_for("fj2f@kk.dk")
    assert [r["person"] for r in rows] == [g.node(pid)["name"]]
    assert sorted(rows[0]["plans"]) == sorted(g.out(pid, "CONTACT_FOR"))
    assert sorted(rows[0]["organisations"]) == sorted(g.node(o)["name"]
                                                      for o in g.out(pid, "WORKS_AT"))


def check_activities_per_target_group(rows, g):
    python = {t: len({a for a in g.into(t, "TARGETS")}) for t, _ in g.nodes("TargetGroup")}
    assert {r["target_id"]: r["activities"] for r in rows} == {t: n for t, n in python.items() if n}


CHECKS = {
    "shared partners of two plans": check_shared_partners,
    "organisations in the most plans": check_most_plans,
    "target groups a plan names that none of its activities reaches": check_unreached_target_groups,
    "a person's plans": check_persons_plans,
    "activities per target group": check_activities_per_target_group,
}


def test_every_cookbook_query_has_a_check():
    assert set(cookbook()) == set(CHECKS)


@pytest.mark.parametrize("title", CHECKS)
def test_cookbook_query_agrees_with_the_python_analysis(seeded, title):
    store, graph = seeded
    rows = store._read(cookbook()[title])
    assert rows, f"{title}: no rows on the seeds"
    CHECKS[title](rows, graph)
