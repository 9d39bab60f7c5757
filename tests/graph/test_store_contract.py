"""One contract, every store: the embedded SQLite store always, Neo4j when
SAMSPIL_TEST_NEO4J_URI names a server (skipped with that reason otherwise)."""
from __future__ import annotations

import dataclasses

import pytest

from samspil.graph.build import build_graph
from samspil.graph.people import person_id_for
from samspil.graph.store import GraphFilter, GraphStore, apply_filter, node_documents
from samspil.loaders.errors import NotFound


def contributions(graph, doc: str) -> set:
    nodes = {n for n, d in graph.nodes() if doc in node_documents(d)}
    edges = {(u, v, d["type"]) for u, v, d in graph.edges() if doc in node_documents(d)}
    return nodes | edges


def same_graph(a, b) -> bool:
    """Same ids and attributes (a None attribute counts as absent: Neo4j stores no nulls)."""
    def attrs(d):
        return {k: v for k, v in d.items() if v is not None}
    return (a.ids() == b.ids() and all(attrs(a.node(n)) == attrs(b.node(n)) for n in b.g.nodes)
            and all(attrs(a.g.edges[u, v, k]) == attrs(d)
                    for u, v, k, d in b.g.edges(keys=True, data=True)))


def test_a_store_returns_exactly_the_built_graph(make_store, small_corpus):
    store = make_store()
    assert isinstance(store, GraphStore)
    summary = store.save(small_corpus)
    assert sorted(summary.added) == ["a.txt", "b.txt", "c.txt"]
    assert summary.merged >= 3          # 3B, KK, SOF, LBF, Anne Holm appear in several documents
    assert same_graph(store.load(), build_graph(small_corpus))
    assert [d.id for d in store.documents()] == ["a.txt", "b.txt", "c.txt"]


def test_the_same_agreements_from_another_folder_are_unchanged(make_store, small_corpus, tmp_path):
    """The bundled agreements loaded by `explore` from the installed package, then by
    `samspil load` from a clone: the same text from another path is "unchanged" to the
    user (it was "replaced"), and the documents' nodes take the new path."""
    import copy
    store = make_store()
    store.save(small_corpus)
    first = store.load()
    moved = [copy.deepcopy(r) for r in small_corpus]
    for r in moved:
        r.source_path = str(tmp_path / "clone" / r.document)
    again = store.save(moved)
    assert (again.added, again.replaced, sorted(again.unchanged)) == ((), (), ["a.txt", "b.txt", "c.txt"])
    now = store.load()
    assert now.ids() == first.ids()
    assert {d["path"] for _, d in now.nodes("Document")} == {r.source_path for r in moved}


def test_loading_twice_gives_identical_ids(make_store, small_corpus):
    store = make_store()
    saved = store.save(small_corpus)
    first = store.load()
    again = store.save(list(reversed(small_corpus)))
    assert again.added == () and sorted(again.unchanged) == ["a.txt", "b.txt", "c.txt"]
    assert (again.nodes, again.edges, again.merged, again.counts) == \
        (saved.nodes, saved.edges, saved.merged, saved.counts) == \
        (first.g.number_of_nodes(), first.g.number_of_edges(), saved.merged, first.counts())
    assert (again.nodes_before, again.edges_before) == (saved.nodes, saved.edges)
    assert store.load().ids() == first.ids()


def test_a_changed_document_replaces_only_its_contributions(make_store, small_corpus):
    store = make_store()
    store.save(small_corpus)
    before = store.load()
    a, b, c = small_corpus
    c2 = dataclasses.replace(c, organisations=c.organisations[:2])   # drops LBF spelling and BUF
    summary = store.save([c2])
    assert summary.replaced == ("c.txt",)
    after = store.load()
    for doc in ("a.txt", "b.txt"):
        assert contributions(after, doc) == contributions(before, doc)
    assert contributions(after, "c.txt") == contributions(build_graph([a, b, c2]), "c.txt")
    for gone in ("org:borne-og-ungdomsforvaltningen", "org:landsbyggefonden"):  # nothing stale
        assert "c.txt" not in {m["document"] for m in after.node(gone)["mentions"]}
    assert same_graph(after, build_graph([a, b, c2]))


def test_forget_a_document(make_store, small_corpus):
    store = make_store()
    store.save(small_corpus)
    store.forget("c.txt")
    assert same_graph(store.load(), build_graph(small_corpus[:2]))
    with pytest.raises(NotFound):
        store.forget("nope.txt")


def test_forget_person_removes_personal_data_everywhere(make_store, small_corpus):
    store = make_store()
    store.save(small_corpus)
    pid = store.forget_person("ah@sof.kk.dk")
    assert pid == person_id_for("ah@sof.kk.dk")
    g = store.load()
    assert pid not in g
    text = repr([d for _, d in g.nodes()]) + repr([d for *_, d in g.edges()])
    assert "ah@sof.kk.dk" not in text and "21438324" not in text
    assert person_id_for("anne@3b.dk") in g            # the namesake with another address stays
    store.save(small_corpus)                    # re-loading does not bring her back
    assert pid not in store.load()


def test_forget_email_scrubs_the_address_wherever_it_is_written(make_store, small_corpus):
    store = make_store()
    store.save(small_corpus)
    places = store.forget_email("AH@sof.kk.dk")
    assert places and {p.document for p in places} <= {"a.txt", "b.txt", "c.txt"}
    assert "excerpt" in {p.field for p in places}

    def text():
        g = store.load()
        return (repr([d for _, d in g.nodes()]) + repr([d for *_, d in g.edges()])).lower()
    assert "ah@sof.kk.dk" not in text() and "[removed]" in text()
    store.save(small_corpus)                    # re-loading does not bring the address back
    assert "ah@sof.kk.dk" not in text()
    assert store.forget_email("ah@sof.kk.dk") == []     # occurs nowhere now


@pytest.mark.parametrize("where", [
    GraphFilter(plans=("plan:surf-valby-2017-2020",)),
    GraphFilter(documents=("b.txt",)),
    GraphFilter(period_from="2021-01-01"),
    GraphFilter(period_to="2019-01-01", labels=("Organisation", "Plan")),
    GraphFilter(municipality="Nowhere"),
])
def test_filter_pushdown_matches_the_in_memory_filter(make_store, small_corpus, where):
    store = make_store()
    store.save(small_corpus)
    assert same_graph(store.load(where), apply_filter(build_graph(small_corpus), where))


def test_overrides_are_applied_on_reload(make_store, small_corpus, tmp_path):
    path = tmp_path / "overrides.yaml"
    store = make_store(overrides=path)
    store.save(small_corpus)
    assert "org:buf-vigerslev-skole" in store.load()
    path.write_text("same:\n  - [BUF - Valby Skole, BUF - Vigerslev Skole]\n", encoding="utf-8")
    g = store.load()
    schools = [d for n, d in g.nodes("Organisation") if n.startswith("org:buf-v")]
    assert len(schools) == 1
    assert any(m["rule"] == "override" for m in schools[0]["mentions"])
