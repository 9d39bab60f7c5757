"""The fast path of the incremental update (graph/inc_fold.py, graph/persons_fold.py):
a document that only adds mentions to existing organisations and persons is folded
into them by replaying their kept links, and gives exactly the graph of a full build;
one that changes a cluster's anchor is resolved the slow way, with the same result.
The property test (tests/graph/test_incremental.py) covers random orders; these
check that the fast path is really taken on a corpus like the benchmark's."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from samspil.graph import inc_fold, persons_fold
from samspil.graph.build import build_graph
from samspil.graph.sqlite_store import SqliteStore
from samspil.loaders.model import AgreementReport

_spec = importlib.util.spec_from_file_location("graph_test_kit", Path(__file__).with_name("conftest.py"))
_kit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_kit)
fingerprint = _kit.fingerprint


@pytest.fixture
def taken(monkeypatch) -> dict[str, list]:
    """Whether each update took the fast path, for organisations and for contacts."""
    seen: dict[str, list] = {"orgs": [], "persons": []}
    real_orgs, real_persons = inc_fold.fold, persons_fold.fold_persons

    def orgs(u, *args):
        ok = real_orgs(u, *args)
        seen["orgs"].append(ok or getattr(u, "fold_refused", ""))
        return ok

    def persons(u, *args):
        out = real_persons(u, *args)
        seen["persons"].append(out is not None or getattr(u, "fold_refused", ""))
        return out

    monkeypatch.setattr(inc_fold, "fold", orgs)
    monkeypatch.setattr(persons_fold, "fold_persons", persons)
    return seen


@pytest.fixture(scope="module")
def corpus() -> list[AgreementReport]:
    return _kit.load_synthetic().generate_reports(25, seed=11)


def copy_of(r: AgreementReport, document: str, plan: str) -> AgreementReport:
    """Another plan naming the same partners and contacts as ``r``, in ``document``."""
    text = json.dumps(r.to_dict(), ensure_ascii=False).replace(json.dumps(r.document), json.dumps(document))
    d = json.loads(text.replace(json.dumps(r.plan.name), json.dumps(plan)))
    return AgreementReport.from_dict(d)



def assert_as_rebuilt(store, docs) -> None:
    """The store the incremental save left is the one a rebuild writes, and its graph the one
    a full build of ``docs`` makes."""
    got = rows(store)
    store._rebuild()
    assert rows(store) == got
    assert fingerprint(store.load()) == fingerprint(build_graph(docs))

def test_a_plan_of_known_partners_and_a_replaced_document_are_folded(tmp_path, corpus, taken):
    store = SqliteStore(tmp_path / "s.db")
    docs = sorted(corpus, key=lambda r: r.document)
    store.save(docs)
    extra = copy_of(docs[3], "zz-another-plan.txt", "Et andet kvarter")   # sorts last
    store.save([extra])
    assert taken["orgs"] == [True]
    docs.append(extra)
    assert fingerprint(store.load()) == fingerprint(build_graph(docs))
    d = extra.to_dict()
    d["organisations"] = d["organisations"][:-1]         # one organisation fewer
    d["checksum"] = (d.get("checksum") or "") + "-v2"
    changed = AgreementReport.from_dict(d)
    store.save([changed])
    assert taken["orgs"] == [True, True] and taken["persons"][-1] is True   # contacts kept
    now = [changed if r.document == changed.document else r for r in docs]
    assert fingerprint(store.load()) == fingerprint(build_graph(now))
    third = copy_of(docs[3], "zzz-third-plan.txt", "Et tredje kvarter")
    store.save([third])             # its contacts' addresses now have two holders before it
    assert taken["orgs"][-1] is True and taken["persons"][-1] is True
    assert fingerprint(store.load()) == fingerprint(build_graph(now + [third]))
    store.close()


def test_a_document_that_becomes_the_anchor_is_resolved_the_slow_way(tmp_path, corpus, taken):
    """A document sorting before all others makes its names the first mentions (the
    anchors every link starts from): the merges of whole clusters change, so the fast
    path must refuse, and the slow path gives the full build's graph."""
    docs = sorted(corpus, key=lambda r: r.document)
    store = SqliteStore(tmp_path / "s.db")
    store.save(docs[1:])
    store.save([docs[0]])
    assert taken["orgs"] and taken["orgs"][0] is not True
    assert "anchor" in taken["orgs"][0]
    assert fingerprint(store.load()) == fingerprint(build_graph(docs))
    store.close()


def test_a_replaced_document_s_untouched_organisations_keep_their_sources(tmp_path, seed_reports):
    """Replacing a seed with one organisation fewer leaves the clusters of its unchanged
    organisations alone; their nodes still cite the document's sources, which must stay
    in the store (found by a random run: 49 sources were deleted under their nodes)."""
    store = SqliteStore(tmp_path / "s.db")
    store.save(seed_reports)
    victim = sorted(seed_reports, key=lambda r: r.document)[-1]
    d = victim.to_dict()
    d["organisations"] = d["organisations"][:-1]
    d["checksum"] = (d.get("checksum") or "") + "-v2"
    changed = AgreementReport.from_dict(d)
    store.save([changed])
    for table in ("nodes", "edges"):
        assert store.db.execute(
            f"SELECT count(*) FROM {table}, json_each({table}.props, '$.@s') j "  # noqa: S608
            "WHERE j.value NOT IN (SELECT id FROM sources)").fetchone()[0] == 0
    now = [changed if r.document == changed.document else r for r in seed_reports]
    assert fingerprint(store.load()) == fingerprint(build_graph(now))
    store.close()


_TABLES = ("nodes", "edges", "node_docs", "edge_docs", "sources", "inc_org", "inc_fold", "inc_sig",
           "inc_person", "frag")


def rows(store: SqliteStore) -> dict[str, list]:
    """Every row of the graph's tables and of the state the fold reads, sorted."""
    return {t: sorted(store.db.execute(f"SELECT * FROM {t}").fetchall()) for t in _TABLES}  # noqa: S608


def kulturhuset(doc: str, plan: str, municipality: str) -> AgreementReport:
    """A plan naming a common noun ("Kulturhuset"): plans of different municipalities
    mean different organisations, which share a name (their ids are qualified)."""
    r = _kit.report(doc, plan, [_kit.org(doc, 3, "Kulturhuset", roles=["partner"]),
                                _kit.org(doc, 4, "Lejerbo", roles=["party"])])
    r.plan.municipality = municipality
    for o in r.organisations:
        o.municipality = municipality
    return r


def test_a_new_organisation_sharing_a_name_is_folded_and_the_other_renamed(tmp_path, corpus, taken):
    """The first "Kulturhuset" of another municipality qualifies both ids by their first
    document (the stored one is renamed in place), a third adds one more qualified id;
    each time the fast path is taken and every row equals a full write's."""
    docs = sorted(corpus, key=lambda r: r.document)[:6] + [kulturhuset("x1.txt", "Plan X1", "Odense Kommune")]
    store = SqliteStore(tmp_path / "s.db")
    store.save(docs)
    assert store.load().node("org:kulturhuset")
    for doc, plan, muni in [("x2.txt", "Plan X2", "Aarhus Kommune"), ("x3.txt", "Plan X3", "Vejle Kommune")]:
        docs.append(kulturhuset(doc, plan, muni))
        store.save([docs[-1]])
        assert taken["orgs"][-1] is True
        got = rows(store)
        store._rebuild()
        assert rows(store) == got
    graph = store.load()
    assert fingerprint(graph) == fingerprint(build_graph(docs))
    assert {n for n, d in graph.nodes() if d.get("name") == "Kulturhuset"} == {
        "org:kulturhuset/x1", "org:kulturhuset/x2", "org:kulturhuset/x3"}
    store.close()


def _in_municipality(muni: str, *args, **kw) -> AgreementReport:
    """``_kit.report(*args, **kw)`` of a plan in municipality ``muni``."""
    r = _kit.report(*args, **kw)
    r.plan.municipality = muni
    return r


def test_a_cluster_whose_kept_links_are_not_in_applied_order_is_replayed_in_order(tmp_path, taken):
    """A cluster's kept links are grouped by the entity they start from, not in the order
    they were applied: "Skede Boldklub" joins "Kede Boldklub" fuzzily (applied last) and
    its namesakes by exact name (applied first). A new namesake's merge must go where a
    full build puts it (found at 10,000 synthetic plans: the merges came out in the
    stored order)."""
    def club(doc: str, name: str, muni: str) -> AgreementReport:
        return _in_municipality(muni, doc, f"Plan {doc}", [_kit.org(doc, 3, name, roles=["partner"])])
    docs = [club("a.txt", "Kede Boldklub", "Odense Kommune"), club("b.txt", "Skede Boldklub", "Vejle Kommune"),
            club("c.txt", "Skede Boldklub", "Aarhus Kommune")]
    store = SqliteStore(tmp_path / "s.db")
    store.save(docs)
    (node,) = [d for _, d in store.load().nodes() if d["label"] == "Organisation"]
    assert [m["rule"] for m in node["merges"]] == ["exact-name", "fuzzy(0.96)"]
    docs.append(club("d.txt", "Skede Boldklub", "Roskilde Kommune"))
    store.save([docs[-1]])
    assert taken["orgs"] == [True]
    assert_as_rebuilt(store, docs)
    store.close()


def test_a_plan_whose_id_stops_sharing_another_s_is_named_again(tmp_path, monkeypatch):
    """"Møllevangen" in Aarhus and "Mollevangen" in Odense (one slug, one period) get ids
    naming their municipalities; when the Odense document is replaced by another plan,
    the Aarhus plan's id is its name's again, as in a full build, though the two never
    shared a normalised name."""
    def plan(doc: str, name: str, muni: str) -> AgreementReport:
        return _in_municipality(muni, doc, name, [_kit.org(doc, 3, "Lejerbo", roles=["party"])],
                                start="2022-01-01", end="2025-12-31")
    docs = [plan("a.txt", "Møllevangen", "Aarhus Kommune"), plan("b.txt", "Mollevangen", "Odense Kommune"),
            plan("c.txt", "Skovparken", "Vejle Kommune")]
    store = SqliteStore(tmp_path / "s.db")
    store.save(docs)
    assert {n for n, d in store.load().nodes() if d["label"] == "Plan"} == {
        "plan:mollevangen-aarhus-2022-2025", "plan:mollevangen-odense-2022-2025", "plan:skovparken-2022-2025"}
    docs[1] = plan("b.txt", "Hedeparken", "Odense Kommune")
    monkeypatch.setattr(SqliteStore, "_rebuild", lambda self: pytest.fail("rebuilt, not updated"))
    store.save([docs[1]])
    assert fingerprint(store.load()) == fingerprint(build_graph(docs))
    assert store.load().node("plan:mollevangen-2022-2025")
    store.close()


def test_a_document_sorting_between_others_extends_shared_nodes_in_place(tmp_path, corpus, monkeypatch):
    """A plan added between others (not the last contributor of the target groups and
    focus areas every plan names) joins those nodes from their stored rows: its sources
    go where its document sorts among the stored ones (``@at``), phrases and aliases are
    united, the other fragments are not folded again (session 13: at 10,000 plans each
    target group was folded from ~10,000 fragments); the organisations it names are
    extended likewise, its mentions among theirs. Every row equals a full write's."""
    from samspil.graph import inc_append
    real, seen = inc_append._between, []
    real_ext, extended = inc_fold._Fold._extended, []

    def between(u, item, *args):
        out = real(u, item, *args)
        seen.append((item, out is not None))
        return out

    def ext(self, nid, c):
        out = real_ext(self, nid, c)
        extended.append((nid, out is not None and "@at" in out))
        return out
    monkeypatch.setattr(inc_append, "_between", between)
    monkeypatch.setattr(inc_fold._Fold, "_extended", ext)
    docs = sorted(corpus, key=lambda r: r.document)
    middle = copy_of(docs[3], "synthetic_00010b.txt", "Et andet kvarter")   # known partners
    store = SqliteStore(tmp_path / "s.db")
    store.save(docs)
    store.save([middle])
    docs.append(middle)
    done = {item for item, ok in seen if ok}
    assert any(i.startswith("target:") for i in done) and any(i.startswith("focus:") for i in done)
    assert any(ok for _, ok in extended)          # organisations joined between their members
    assert_as_rebuilt(store, docs)
    store.close()


def test_a_zone_s_units_decide_whether_it_is_extended_in_place(tmp_path, monkeypatch):
    """A zone that several documents name, with units in some: a document added between
    them that names other units than the stored ones cannot be placed without knowing
    which document gave them (folded again); with no units or the same ones it is
    extended in place. Either way the rows equal a full write's."""
    from samspil.graph import inc_append
    from samspil.loaders.model import SourceRef, Zone
    real, seen = inc_append._between, []

    def between(u, item, *args):
        out = real(u, item, *args)
        seen.append((item, out is not None))
        return out
    monkeypatch.setattr(inc_append, "_between", between)

    def plan(doc: str, spelling: str, units: int | None) -> AgreementReport:
        r = _kit.report(doc, f"Plan {doc}", [_kit.org(doc, 3, "Lejerbo", roles=["party"])])
        r.zones = [Zone(name=spelling, units=units,
                        sources=[SourceRef(document=doc, line=7, excerpt=spelling)])]
        return r
    base = [plan("a.txt", "Valby Nord", None), plan("b.txt", "VALBY NORD", 120),
            plan("d.txt", "Valby Nord", None)]
    for n, (extra, placed) in enumerate([(plan("c.txt", "Valby nord", None), True),
                                         (plan("c.txt", "Valby Nord", 90), False),
                                         (plan("c.txt", "Valby Nord", 120), True)]):
        seen.clear()
        store = SqliteStore(tmp_path / f"{n}.db")
        store.save(base)
        store.save([extra])
        assert [ok for item, ok in seen if item.startswith("zone:")] == [placed]
        assert_as_rebuilt(store, base + [extra])
        store.close()


def test_a_new_plan_s_new_partners_are_folded(tmp_path, corpus, taken):
    """A plan naming organisations no other document names (words no stored name has, a
    name the fuzzy rule pairs with nothing) takes the fast path (session 15: before, a
    name of new words or a new name of a fuzzy block was refused) and every row, the
    kept state included, equals a full write's."""
    docs = sorted(corpus, key=lambda r: r.document)[:8]
    store = SqliteStore(tmp_path / "s.db")
    store.save(docs)
    extra = copy_of(docs[3], "zz-new-partners.txt", "Et nyt kvarter")
    extra.organisations += [
        _kit.org(extra.document, 90, "Qorvex Spejdergruppe", roles=["partner"], type="ngo"),
        _kit.org(extra.document, 91, "Zylbo Boldklub", roles=["partner"], type="ngo")]
    store.save([extra])
    assert taken["orgs"] == [True]
    assert_as_rebuilt(store, docs + [extra])
    store.close()


def test_a_new_name_that_makes_a_shortening_ambiguous_is_resolved_the_slow_way(tmp_path, taken):
    """"Tryghedspartnerskabet" shortens one stored name; a plan naming a second
    "Tryghedspartnerskabet ..." makes it ambiguous: refused, and the slow way gives the
    full write's rows."""
    def plan(doc: str, name: str, *aliases: str) -> AgreementReport:
        return _kit.report(doc, f"Plan {doc}", [_kit.org(doc, 3, name, *aliases, roles=["partner"]),
                                                _kit.org(doc, 4, "Lejerbo", roles=["party"])])
    store = SqliteStore(tmp_path / "s.db")
    docs = [plan("a.txt", "Tryghedspartnerskabet Folehaven", "Tryghedspartnerskabet"),
            plan("b.txt", "Tryghedspartnerskabet")]
    store.save(docs)
    docs.append(plan("c.txt", "Tryghedspartnerskabet Amager"))
    store.save([docs[-1]])
    assert taken["orgs"] == ["the names that shortenings are judged against change"]
    assert_as_rebuilt(store, docs)
    store.close()


def test_two_new_names_that_together_make_a_shortening_ambiguous_are_refused(tmp_path, taken):
    """Neither new name alone would flip the stored shortening's ambiguity against the
    store with the other; both are new, so it flips: refused, and equal to a full write."""
    def plan(doc: str, *names: str) -> AgreementReport:
        orgs = [_kit.org(doc, 3 + i, n, roles=["partner"]) for i, n in enumerate(names)]
        return _kit.report(doc, f"Plan {doc}", orgs + [_kit.org(doc, 9, "Lejerbo", roles=["party"])])
    store = SqliteStore(tmp_path / "s.db")
    a = plan("a.txt", "Tryghedspartnerskabet Folehaven")
    a.organisations[0].aliases = ["Tryghedspartnerskabet"]
    docs = [a, plan("b.txt", "Tryghedspartnerskabet")]
    store.save(docs)
    docs.append(plan("c.txt", "Tryghedspartnerskabet Amager", "Tryghedspartnerskabet Valby"))
    store.save([docs[-1]])
    assert taken["orgs"] == ["the names that shortenings are judged against change"]
    assert_as_rebuilt(store, docs)
    store.close()
