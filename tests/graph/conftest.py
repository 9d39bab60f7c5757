"""Fixtures of the graph/store tests: hand-built reports, the extracted seeds, the
synthetic generator (bench/synthetic.py) and a store factory per store kind."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from samspil.loaders.model import (Activity, AgreementReport, Contact, Organisation, Plan,
                                   SourceRef, Zone)

ROOT = Path(__file__).resolve().parents[2]


def fingerprint(graph) -> tuple[list, list]:
    """A graph's nodes and relationships with their properties, in a comparable form."""
    dump = lambda d: json.dumps(d, sort_keys=True, ensure_ascii=False, default=str)  # noqa: E731
    return (sorted((n, dump(d)) for n, d in graph.g.nodes(data=True)),
            sorted((u, v, k, dump(d)) for u, v, k, d in graph.g.edges(keys=True, data=True)))


def ref(doc: str, line: int, excerpt: str = "") -> list[SourceRef]:
    return [SourceRef(document=doc, line=line, excerpt=excerpt or f"line {line}")]


def org(doc: str, line: int, name: str, *aliases: str, **kw: Any) -> Organisation:
    return Organisation(name=name, aliases=list(aliases), sources=ref(doc, line, name), **kw)


def report(doc: str, plan: str, orgs: list[Organisation], contacts: list[Contact] = (),
           start: str = "2020-01-01", end: str = "2023-12-31",
           kind: str = "strategic_agreement", **kw: Any) -> AgreementReport:
    return AgreementReport(document=doc, plan=Plan(name=plan, document_type=kind, period_start=start,
                                                   period_end=end, sources=ref(doc, 1, plan)),
                           organisations=list(orgs), contacts=list(contacts), checksum=doc, **kw)


def load_synthetic():
    spec = importlib.util.spec_from_file_location("samspil_bench_synthetic",
                                                  ROOT / "bench" / "synthetic.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture
def kit():
    """Helpers to hand-build reports: ``kit.org``, ``kit.report``, ``kit.ref``, ``kit.synthetic``."""
    from types import SimpleNamespace
    return SimpleNamespace(org=org, report=report, ref=ref, synthetic=load_synthetic)


@pytest.fixture(scope="session")
def seed_reports() -> list[AgreementReport]:
    """The five bundled seeds, extracted once per test session."""
    from samspil.loaders.pipeline import bundled_examples, extract_paths

    results = list(extract_paths([bundled_examples()]))
    assert all(r.ok for r in results), [str(r.error) for r in results if not r.ok]
    return [r.report for r in results]


@pytest.fixture
def small_corpus() -> list[AgreementReport]:
    """Three documents of two plans; organisations spelled as the seeds spell them."""
    a = report("a.txt", "Mit Kvarter", [
        org("a.txt", 3, "Boligforeningen 3B", "3B", is_party=True, type="housing_organisation"),
        org("a.txt", 4, "Københavns Kommune", "KK", is_party=True, type="municipality"),
        org("a.txt", 5, "Socialforvaltningen", "SOF", roles=["partner"], parent="Københavns Kommune"),
        org("a.txt", 6, "BUF - Valby Skole", "Valby Skole", roles=["partner"], type="school"),
        org("a.txt", 7, "Landsbyggefonden", "LBF", roles=["partner"]),
    ], [Contact(name="Anne Holm", organisation="Socialforvaltningen", email="ah@sof.kk.dk",
                sources=ref("a.txt", 20, "Anne Holm, ah@sof.kk.dk, 21438324"), phone="21438324")],
        activities=[Activity(name="Lektiecafé", focus_area="Uddannelse", target_groups=["children"],
                             partners=["Valby Skole"], zones=["Folehaven"], sources=ref("a.txt", 30))],
        zones=[Zone(name="Folehaven", type="housing_department", units=973,
                    housing_organisation="3B", sources=ref("a.txt", 40))])
    b = report("b.txt", "Mit Kvarter", [
        org("b.txt", 2, "SOF", roles=["partner"]),
        org("b.txt", 3, "BUF - Vigerslev Skole", roles=["partner"], type="school"),
        org("b.txt", 4, "3B", roles=["partner"]),
    ], [Contact(name="Anne Holm", organisation="SOF", sources=ref("b.txt", 9, "Anne Holm, SOF"))],
        kind="sub_agreement", start="2021-01-01", end=None)
    c = report("c.txt", "SURF Valby", [
        org("c.txt", 2, "Boligforeningen 3B", is_party=True),
        org("c.txt", 3, "Københavns Kommune", is_party=True),
        org("c.txt", 4, "Landsbyggerfonden", roles=["partner"]),
        org("c.txt", 5, "BUF", "Børne- og Ungdomsforvaltningen", roles=["partner"]),
    ], [Contact(name="Anne Holm", organisation="Boligforeningen 3B", email="anne@3b.dk",
                sources=ref("c.txt", 8, "Anne Holm, 3B, anne@3b.dk"))],
        start="2017-01-01", end="2020-12-31")
    return [a, b, c]


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def make_store(request, tmp_path):
    """A factory of fresh, empty stores of each kind (Neo4j: the test database is wiped)."""
    opened = []

    def factory(overrides: Path | None = None):
        if request.param == "embedded":
            from samspil.graph.sqlite_store import SqliteStore
            store = SqliteStore(tmp_path / "store.sqlite", overrides_path=overrides)
        else:
            from samspil.graph.neo4j_store import Neo4jStore
            settings = request.getfixturevalue("neo4j_settings")
            store = Neo4jStore(settings.model_copy(update={"overrides_file": overrides}))
            if not opened:
                request.getfixturevalue("neo4j_wipe")(store)
        opened.append(store)
        return store

    yield factory
    for s in opened:
        s.close()
