"""The ``frag`` table keeps only the fragments of shared items (graph/frag_store.py):
the others are made again from the graph's rows, and must be exactly the fragments
the documents emit; the incremental update copies them in and takes them out again,
leaving the table a full write would."""
from __future__ import annotations

import importlib.util
import json
from collections import defaultdict
from pathlib import Path

import pytest

from samspil.graph.build import build, build_graph
from samspil.graph.frag_store import derivable, derived, doc_items, frag_rows
from samspil.graph.sqlite_store import SqliteStore
from samspil.loaders.model import AgreementReport

_spec = importlib.util.spec_from_file_location("graph_test_kit", Path(__file__).with_name("conftest.py"))
_kit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_kit)
fingerprint = _kit.fingerprint


@pytest.fixture(scope="module")
def reports(seed_reports) -> list[AgreementReport]:
    return list(seed_reports) + _kit.load_synthetic().generate_reports(30, seed=5)


def emitted(reports: list[AgreementReport]) -> dict[str, list[tuple]]:
    """Every document's fragment rows, by item, as the full build emits them."""
    out: dict[str, list[tuple]] = defaultdict(list)

    def sink(doc, part, frag):
        for row in frag_rows(doc, part, frag):
            out[row[0]].append(row)
    build(reports, sink=sink, fold=False)
    return out


def kept_rows(by_item: dict[str, list[tuple]]) -> list[tuple]:
    """The rows frag keeps: those of items with several fragments or one the graph's row
    cannot give back."""
    return [r for rows in by_item.values()
            if len(rows) > 1 or not derivable(*rows[0][1:4], json.loads(rows[0][6])) for r in rows]


def frag_table(store: SqliteStore) -> list[tuple]:
    return sorted(store.db.execute("SELECT * FROM frag").fetchall())


def test_frag_keeps_shared_items_and_the_rows_give_back_the_others(tmp_path, reports):
    by_item = emitted(reports)
    store = SqliteStore(tmp_path / "s.db")
    store.save(reports)
    kept = kept_rows(by_item)
    assert frag_table(store) == sorted(kept)
    alone = sorted(i for i, rows in by_item.items() if len(rows) == 1 and i not in {r[0] for r in kept})
    assert len(alone) > len(kept) > 0          # both kinds are there
    assert sorted(derived(store.db, alone)) == sorted(by_item[i][0] for i in alone)
    assert derived(store.db, [kept[0][0], "zone:nowhere"]) == []    # in frag; not in the graph
    for r in reports[:8]:                     # a document's items, from frag and the rows
        for part in ("d", "p"):
            mine = {i for i, rows in by_item.items() for x in rows if x[1:3] == (r.document, part)}
            assert doc_items(store.db, r.document, part, set()) == mine
    store.close()


def changed(r: AgreementReport) -> AgreementReport:
    d = r.to_dict()
    d["organisations"] = d["organisations"][:-1]
    d["zones"] = d["zones"][1:]
    d["checksum"] = (d.get("checksum") or "") + "-v2"
    return AgreementReport.from_dict(d)


def copy_of(r: AgreementReport, document: str) -> AgreementReport:
    """``r`` under another document id: every item it names becomes shared."""
    text = json.dumps(r.to_dict(), ensure_ascii=False).replace(json.dumps(r.document), json.dumps(document))
    return AgreementReport.from_dict(json.loads(text))


def test_updates_leave_the_frag_table_of_a_full_write(tmp_path, reports):
    """Adding a copy of a document makes its items shared (copied into frag), replacing
    and forgetting documents make them single again (taken out); after each step the
    graph and every row of ``frag`` equal a full write's, and the update was incremental."""
    docs = sorted(reports, key=lambda r: r.document)
    store = SqliteStore(tmp_path / "s.db")
    store.save(docs)
    present = {r.document: r for r in docs}
    victim = docs[len(docs) // 2]
    twin = copy_of(victim, victim.document.rsplit(".", 1)[0] + "-twin.json")
    steps = [("save", twin), ("save", changed(victim)), ("forget", twin.document),
             ("save", changed(docs[3])), ("forget", docs[-1].document)]
    for n, (op, arg) in enumerate(steps):
        revision = store.data_version()
        if op == "save":
            store.save([arg])
            present[arg.document] = arg
        else:
            store.forget(arg)
            del present[arg]
        assert store._meta()["incremental"] == "1"
        full = SqliteStore(tmp_path / f"full{n}.db")
        full.save(list(present.values()))
        assert fingerprint(store.load()) == fingerprint(full.load()) == fingerprint(
            build_graph(present.values()))
        assert frag_table(store) == frag_table(full), (op, n)
        assert store.data_version() == revision + 1
        full.close()
    store.close()


def test_a_store_whose_frag_holds_every_fragment_still_updates(tmp_path, reports):
    """A store written before keeps every fragment in frag: the update reads them as
    they are and leaves the graph a full build gives."""
    docs = sorted(reports, key=lambda r: r.document)
    store = SqliteStore(tmp_path / "s.db")
    store.save(docs[:-1])
    with store.db:
        rows = derived(store.db, [i for (i,) in store.db.execute(
            "SELECT id FROM nodes WHERE label IN ('Activity', 'Document', 'FocusArea', 'TargetGroup', 'Zone') "
            "UNION ALL SELECT src || char(31) || dst || char(31) || type FROM edges")])
        store.db.executemany("INSERT INTO frag VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    assert rows
    store.save([docs[-1], changed(docs[2])])
    assert store._meta()["incremental"] == "1"
    now = [changed(r) if r is docs[2] else r for r in docs]
    assert fingerprint(store.load()) == fingerprint(build_graph(now))
    store.close()


def test_a_full_write_whose_last_item_is_shared(tmp_path, seed_reports):
    """Two copies of one document share every item, the last one too: its fragments'
    sources are read after the last staged row (a run of 10,000 plans failed so)."""
    r = seed_reports[0]
    docs = [r, copy_of(r, "zz-" + r.document)]
    store = SqliteStore(tmp_path / "s.db")
    store.save(docs)
    assert fingerprint(store.load()) == fingerprint(build_graph(docs))
    by_item = emitted(docs)
    assert len(by_item[max(by_item)]) == 2
    assert frag_table(store) == sorted(kept_rows(by_item))
    store.close()
