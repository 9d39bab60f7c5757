"""Answers from a part of the graph equal answers from the whole graph.

Reading commands load only the labels and relationship types their analysis reads
(graph/analyses/parts.py) from the embedded store's snapshot in parts
(graph/snapshot.py), names from the light names graph, ``show`` from three indexed
queries and ``stats`` from stored counts. Each is checked here against the whole graph
of a real store holding the five extracted seeds and 40 synthetic plans."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from samspil.graph import analyses as an
from samspil.graph import queries
from samspil.graph.analyses import parts
from samspil.graph.build import build_graph
from samspil.graph.lookup import resolve_ref
from samspil.graph.snapshot import (NAMES, WHOLE, GraphPart, Names, around, names_graph, plans_around,
                                    project)
from samspil.graph.sqlite_store import SqliteStore
from samspil.graph.store import (graph_summary, load_around, load_part, load_plans_around, plan_rows,
                                 overlaps_of, timeline_of, brokers_of, gaps_of,
                                 communities_of)

TODAY = date(2024, 6, 1)


@pytest.fixture(scope="module")
def saved(tmp_path_factory, seed_reports) -> SqliteStore:
    from importlib.util import module_from_spec, spec_from_file_location

    spec = spec_from_file_location("samspil_bench_synthetic_parts",
                                   Path(__file__).resolve().parents[3] / "bench" / "synthetic.py")
    synthetic = module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    s = SqliteStore(tmp_path_factory.mktemp("parts") / "samspil.sqlite")
    s.save([*seed_reports, *synthetic.generate_reports(40)])
    s.load()          # the first whole load writes the snapshot
    assert s.snapshot_path.exists()
    yield s
    s.close()


@pytest.fixture(scope="module")
def whole(saved: SqliteStore):
    return saved.load()


def _same(a, b) -> None:
    """Same nodes and relationships, with the same attributes, in the same order."""
    assert list(a.g.nodes(data=True)) == list(b.g.nodes(data=True))
    assert list(a.g.edges(keys=True, data=True)) == list(b.g.edges(keys=True, data=True))
    for n in a.g:      # the adjacency order too (analyses break ties by it)
        assert list(a.g._pred[n]) == list(b.g._pred[n]) and list(a.g._succ[n]) == list(b.g._succ[n])


ALL_PARTS = [parts.PARTNERS, parts.PLANS, parts.SHARED_PARTNERS, parts.GAPS, parts.COMPARE,
             parts.TIMELINE, parts.brokers_part("focus-areas"), WHOLE,
             *(parts.overlaps_part(by) for by in an.DIMENSIONS)]


@pytest.mark.parametrize("part", ALL_PARTS, ids=lambda p: f"{len(p.rels)}rels-{len(p.labels)}labels")
def test_a_part_from_the_snapshot_is_the_projection_of_the_whole_graph(saved, whole, part) -> None:
    got = saved.load_part(part)
    _same(got, project(whole, part))
    assert got.g.number_of_edges() < whole.g.number_of_edges() or part.is_whole()


def _plans(whole) -> list[str]:
    return [d["name"] for _, d in whole.nodes("Plan")]


def _calls(whole) -> list[tuple[GraphPart, object]]:
    p = _plans(whole)
    org = next(n for n, d in whole.nodes("Organisation") if len(whole.g._succ[n]) > 3)
    area = next(d["area"] for _, d in whole.nodes("Plan") if d.get("area"))
    out = [(parts.PLANS, lambda g: queries.plans(g)),
           (parts.SHARED_PARTNERS, lambda g: an.shared_partners(g)),
           (parts.SHARED_PARTNERS, lambda g: an.shared_partners(g, p[:2])),
           (parts.GAPS, lambda g: an.gaps(g, today=TODAY)),
           (parts.GAPS, lambda g: an.gaps(g, p[-2:], today=TODAY)),
           (parts.PARTNERS, lambda g: an.partners_of(g, org)),
           (parts.COMPARE, lambda g: an.compare(g, p[0], p[1])),
           (parts.TIMELINE, lambda g: an.timeline(g, area)),
           (parts.TIMELINE, lambda g: an.timeline(g, org, kind="organisation")),
           (parts.overlaps_part("partners", most_plans=True),
            lambda g: an.organisations_in_most_plans(g, limit=20))]
    out += [(parts.overlaps_part(by), lambda g, by=by: an.overlaps(g, by=by, limit=30))
            for by in an.DIMENSIONS]
    for by in ("plans", "focus-areas"):
        out += [(parts.brokers_part(by), lambda g, by=by: an.brokers(g, by=by, limit=10)),
                (parts.brokers_part(by), lambda g, by=by: an.communities(g, by=by))]
    return out


def test_every_analysis_gives_on_its_part_what_it_gives_on_the_whole_graph(saved, whole) -> None:
    calls = _calls(whole)
    assert len(calls) == 18
    for part, fn in calls:
        expected = fn(whole)
        assert expected, part           # a comparison of empty answers proves nothing
        assert fn(saved.load_part(part)) == expected, part


def test_names_stats_and_show_without_the_whole_graph(saved, whole) -> None:
    names = saved.load_part(NAMES)
    assert names.g.number_of_edges() == 0 and set(names.g) == set(whole.g)
    _same(names, names_graph(whole))
    for text in ("skole", "kommune", "plan:", "ø", "helhedsplan", "@", "kk.dk"):
        assert queries.search(names, text) == queries.search(whole, text)
    email = next(d["email"] for _, d in whole.nodes("Person") if d.get("email"))
    for ref in [*_plans(whole)[:3], "Boligforeningen 3B", "org:kobenhavns-kommune", email]:
        nid = resolve_ref(names, ref)
        assert nid == resolve_ref(whole, ref)
        assert queries.show(saved.load_around(nid), nid) == queries.show(whole, nid)
        _same(saved.load_around(nid), around(whole, nid))
    assert queries.stats_from_summary(graph_summary(saved)) == queries.stats(whole)
    assert plan_rows(saved) == queries.plans(whole) and len(plan_rows(saved)) > 40


def test_a_few_plans_are_answered_from_their_neighbourhood(saved, whole) -> None:
    """``compare`` and ``shared-partners`` of given plans read only the plans and their
    activities with what is next to them (two indexed queries)."""
    names = saved.load_part(Names.of("Plan"))
    assert {d["label"] for _, d in names.nodes()} == {"Plan"}
    plans = _plans(whole)
    pairs = [plans[:2], plans[-2:], plans[3:6], [plans[0], plans[-1]]]
    for refs in pairs:
        ids = [resolve_ref(names, r, "Plan") for r in refs]
        near = load_plans_around(saved, ids)
        assert near.g.number_of_nodes() < whole.g.number_of_nodes() / 4
        _same(near, plans_around(lambda x: around(whole, x), ids))
        assert an.shared_partners(near, ids) == an.shared_partners(whole, refs)
        assert an.compare(near, *ids[:2]) == an.compare(whole, *refs[:2])
    assert any(an.shared_partners(whole, refs) for refs in pairs)     # not all empty


def test_a_store_without_parts_projects_the_whole_graph(whole) -> None:
    """What the Neo4j store (no snapshot) gets from the same helpers."""

    class Plain:
        def load(self):
            return whole

    _same(load_part(Plain(), parts.GAPS), project(whole, parts.GAPS))
    _same(load_part(Plain(), NAMES), names_graph(whole))
    _same(load_part(Plain(), Names.of("Plan")), names_graph(whole, ["Plan"]))
    nid = next(iter(whole.g))
    _same(load_around(Plain(), nid), around(whole, nid))
    assert queries.stats_from_summary(graph_summary(Plain())) == queries.stats(whole)
    assert plan_rows(Plain()) == queries.plans(whole)


def test_a_part_names_its_endpoints_and_refuses_unknown_names() -> None:
    part = GraphPart.of("WORKS_AT")
    assert part.labels == {"Person", "Organisation"}
    with pytest.raises(ValueError, match="BOSS_OF"):
        GraphPart.of("BOSS_OF")


def test_the_first_read_after_a_load_makes_only_the_parts_it_reads(tmp_path, small_corpus) -> None:
    """After a load no part is kept; the first read makes (from the rows) and keeps only
    its own parts, the next read takes them, and after another load the parts kept for
    the previous graph are never served, even when they are put back in place."""
    from samspil.graph.snapshot import part_keys

    def files(store: SqliteStore) -> dict[str, bytes]:
        folder = store.parts_path
        return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else {}

    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(small_corpus[:2])
        assert files(store) == {}
        got = store.load_part(parts.PLANS)
        _same(got, project(build_graph(small_corpus[:2]), parts.PLANS))
        kept = files(store)
        assert set(kept) == {"-".join(k) + ".pickle" for k in part_keys(parts.PLANS)}
        _same(store.load_part(parts.PLANS), got)
        assert files(store) == kept                 # read back, not made again
        store.load_part(Names.of("Plan"))
        assert set(files(store)) == set(kept) | {"names-Plan.pickle"}
        store.save(small_corpus[2:])                # another graph: its token is new
        assert files(store) == {}
        for name, blob in kept.items():             # the previous graph's parts put back
            store.parts_path.mkdir(exist_ok=True)
            (store.parts_path / name).write_bytes(blob)
        now = build_graph(small_corpus)
        assert project(now, parts.PLANS).ids() != got.ids()
        _same(store.load_part(parts.PLANS), project(now, parts.PLANS))
        assert all(files(store)[name] != blob for name, blob in kept.items())
        store.save(small_corpus[2:3] + [small_corpus[0]])       # unchanged: nothing dropped
        before = files(store)
        assert plan_rows(store) == queries.plans(now)           # the table of plans: queries,
        assert queries.stats_from_summary(graph_summary(store)) == queries.stats(now)
        assert set(files(store)) == set(before) | {"summary.pickle"}     # no part made


def test_a_timeline_reads_an_areas_plans_and_what_is_next_to_them(saved, whole, tmp_path,
                                                                 small_corpus) -> None:
    """``timeline_of`` gives ``timeline`` of the whole graph: an area's from the plans
    and the zones they cover, then the plans' neighbourhood (no other part made); an
    organisation's from the timelines' part; nothing found: the same error."""
    from samspil.loaders.errors import NotFound

    for ref, kind in _timeline_refs(whole):
        expected = an.timeline(whole, ref, kind=kind)
        assert expected, ref
        assert timeline_of(saved, ref, kind) == expected, ref
    with pytest.raises(NotFound):
        timeline_of(saved, "no such place anywhere", "area")
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(small_corpus)
        assert timeline_of(store, "Mit Kvarter") == an.timeline(build_graph(small_corpus), "Mit Kvarter")
        assert {p.name for p in store.parts_path.iterdir()} == {
            "nodes-Plan.pickle", "nodes-Zone.pickle", "edges-COVERS.pickle"}


def _timeline_refs(whole) -> list[tuple[str, str | None]]:
    org = next(d["name"] for n, d in whole.nodes("Organisation") if len(whole.g._succ[n]) > 3)
    area = next(d["area"] for _, d in whole.nodes("Plan") if d.get("area"))
    zone = next(d["name"] for _, d in whole.nodes("Zone"))
    return [(area, None), (area, "area"), (_plans(whole)[0], None), (zone, None),
            (org, None), (org, "organisation")]


def test_the_top_overlaps_are_counted_on_the_keys_then_read_around_their_plans(saved, whole,
                                                                               tmp_path,
                                                                               small_corpus) -> None:
    """``overlaps_of`` gives ``overlaps`` of the whole graph: the top pairs by partners
    from the relationships' keys and the rows from the pairs' plans (no part made),
    anything else from its part."""
    topology = saved.load_topology(parts.PARTNERS)
    assert set(topology.g) == set(project(whole, parts.PARTNERS).g)
    assert all(not d for _, _, d in topology.g.edges(data=True))
    for limit in (1, 5, 30, 500):
        expected = an.overlaps(whole, by="partners", limit=limit)
        assert expected and overlaps_of(saved, "partners", (), limit) == expected, limit
    assert overlaps_of(saved, "zones", (), 10) == an.overlaps(whole, by="zones", limit=10)
    two = _plans(whole)[:3]
    assert overlaps_of(saved, "partners", two, 5) == an.overlaps(whole, plans=two, limit=5)
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(small_corpus)
        got = overlaps_of(store, "partners", (), 10)
        assert got and got == an.overlaps(build_graph(small_corpus), limit=10)
        assert not store.parts_path.exists()


def test_brokers_are_ranked_on_the_keys_and_read_whole_for_their_evidence(saved, whole) -> None:
    """``brokers_of`` gives ``brokers`` of the whole graph, evidence included."""
    for by in ("plans", "focus-areas"):
        for limit, exact in ((3, False), (20, False), (None, True)):
            expected = an.brokers(whole, by=by, limit=limit, exact=exact)
            assert expected and any(b.evidence for b in expected), (by, limit)
            assert brokers_of(saved, by, limit, exact) == expected, (by, limit)


def test_communities_are_found_on_the_keys_and_read_whole_for_their_evidence(saved, whole) -> None:
    """``communities_of`` gives ``communities`` of the whole graph, evidence included."""
    for by in ("plans", "focus-areas"):
        expected = an.communities(whole, by=by)
        assert len(expected) > 1 and all(c.evidence for c in expected), by
        assert communities_of(saved, by) == expected, by


def test_gaps_are_found_on_the_keys_and_read_whole_only_where_found(saved, whole, tmp_path,
                                                                    small_corpus) -> None:
    """``gaps_of`` gives ``gaps`` of the whole graph, evidence and reasons included: every
    kind is checked from the relationships' keys and a few properties, and only the
    gaps' own nodes and relationships are read for their sources (no part made)."""
    expected = an.gaps(whole, today=TODAY)
    assert {g.kind for g in expected} == set(an.GAP_KINDS)     # every check has something
    assert gaps_of(saved, (), None, TODAY) == expected
    two = _plans(whole)[-2:]
    idle = next(g.plan_name for g in expected if g.kind == "partner_without_activity")
    for plans, kinds in ((two, None), ((), ("stale_contact", "unreached_target_group")),
                         ([idle], ("partner_without_activity",))):
        want = an.gaps(whole, plans, kinds=kinds, today=TODAY)
        assert want and gaps_of(saved, plans, kinds, TODAY) == want, (plans, kinds)
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(small_corpus)
        got = gaps_of(store, (), None, TODAY)
        assert got and got == an.gaps(build_graph(small_corpus), today=TODAY)
        assert not store.parts_path.exists()


def test_a_graph_older_than_the_reports_is_answered_from_the_graph_built_in_memory(
        tmp_path, small_corpus) -> None:
    """A reading command on a store whose graph is older than its reports (a killed
    load, an upgrade) builds the graph in memory: the key-first reads must not mix
    the old rows with it."""
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(small_corpus)
        store.db.execute("UPDATE meta SET value = value + 1 WHERE key = 'docs_generation'")
        store.db.execute("DELETE FROM edges WHERE type = 'PARTNER_IN'")   # the old rows differ
        store.read_only = True
        assert store._stale()
        built = build_graph(small_corpus)
        assert overlaps_of(store, "partners", (), 10) == an.overlaps(built, limit=10)
        assert brokers_of(store, "plans", 5, False) == an.brokers(built, limit=5)
        assert gaps_of(store, (), None, TODAY) == an.gaps(built, today=TODAY)
        assert communities_of(store) == an.communities(built)
        assert timeline_of(store, "Mit Kvarter") == an.timeline(built, "Mit Kvarter")
        assert plan_rows(store) == queries.plans(built)
