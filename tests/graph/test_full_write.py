"""The embedded store's full write (issue 13): the graph's rows are folded from the stored
fragments (graph/sqlite_fold.py) and the snapshot is written part by part from the rows
(graph/sqlite_reads.py ``row_parts``); both must give exactly what the whole in-memory
graph gives."""
from __future__ import annotations

import gc
import json
import sqlite3
import weakref

from samspil.graph.build import build, build_graph
from samspil.graph.snapshot import _parts
from samspil.graph.sqlite_reads import make_parts, summary_from_rows
from samspil.graph.sqlite_rows import insert_graph, to_graph
from samspil.graph.sqlite_store import SqliteStore

_TABLES = ("nodes", "edges", "node_docs", "edge_docs", "sources")


def _rows(db: sqlite3.Connection) -> dict[str, list]:
    """Every row of the graph's tables, in rowid order where the table has one."""
    return {t: db.execute(f"SELECT * FROM {t}").fetchall() for t in _TABLES}  # noqa: S608


def test_the_full_write_stores_the_rows_of_the_whole_graph(tmp_path, seed_reports, small_corpus):
    """Rows, their order and the kept counts equal ``insert_graph(build_graph(...))``."""
    reports = seed_reports + small_corpus
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(reports)
        got = _rows(store.db)
        meta = store._meta()
    graph = build_graph(reports)
    ref = sqlite3.connect(tmp_path / "reference.sqlite")
    for table, rows in got.items():       # the same columns, without indexes or keys
        ref.execute(f"CREATE TABLE {table} ({','.join(f'c{i}' for i in range(len(rows[0])))})")
    insert_graph(ref, graph)
    want = _rows(ref)
    assert got["nodes"] == want["nodes"] and got["edges"] == want["edges"]
    for table in ("node_docs", "edge_docs", "sources"):
        assert sorted(got[table]) == sorted(want[table])
    assert json.loads(meta["counts"]) == graph.counts()
    assert list(json.loads(meta["counts"])) == list(graph.counts())      # same order
    assert int(meta["merged"]) == sum(
        len({m["document"] for m in d["mentions"]}) > 1
        for _, d in graph.nodes() if d["label"] in ("Organisation", "Person"))


def _store_rows(path, reports) -> tuple[dict[str, list], dict[str, str], list]:
    """Every table of a store after a full load of ``reports`` (documents without their
    load time, meta without the graph's random token)."""
    with SqliteStore(path) as store:
        store.save(reports)
        db = store.db
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        rows = {t: db.execute(f"SELECT * FROM {t}").fetchall() for t in tables  # noqa: S608
                if t not in ("documents", "meta")}
        rows["documents"] = db.execute("SELECT id, checksum, plan, report FROM documents").fetchall()
        meta = {k: v for k, v in store._meta().items() if k != "graph_token"}
        indexes = sorted(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    return rows, meta, indexes


def test_items_of_one_fragment_written_by_sql_equal_those_folded_in_python(
        tmp_path, monkeypatch, seed_reports, small_corpus):
    """Items with one simple fragment are written by SQL from the stage, the others folded
    in Python (graph/fold_stage.py ``Stage.split``). With every item's hash made equal,
    every item goes through Python: every table and the kept counts must be the same, and
    the SQL path must really have been taken the first time (most items skip Python)."""
    from samspil.graph import fold_stage
    reports = seed_reports + small_corpus
    read = []
    rows_of = fold_stage.Stage.rows

    def rows(self):
        for row in rows_of(self):
            read.append(row[0])
            yield row
    monkeypatch.setattr(fold_stage.Stage, "rows", rows)
    split = _store_rows(tmp_path / "split.sqlite", reports)
    items = len(split[0]["nodes"]) + len(split[0]["edges"])
    assert 0 < len(set(read)) < items / 2, (len(set(read)), items)
    read.clear()
    monkeypatch.setattr(fold_stage, "_hash", lambda item: 7)
    python = _store_rows(tmp_path / "python.sqlite", reports)
    assert len({i for i in read if "\x1f" in i}) == len(split[0]["edges"])   # every one
    assert split == python
    assert list(json.loads(split[1]["counts"])) == list(json.loads(python[1]["counts"]))


def test_the_parts_made_from_the_rows_are_the_parts_of_the_whole_graph(tmp_path, seed_reports,
                                                                       small_corpus):
    """Part by part, values and dict order (``repr``) as ``_parts(to_graph(rows))``, each
    part made on its own and all together; the summary from the kept counts and one
    query equals the whole graph's (after an incremental update too)."""
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(seed_reports)
        for step in range(2):
            db = store.db
            nodes = sorted(db.execute("SELECT id, label, name, props FROM nodes"))
            edges = sorted(db.execute("SELECT src, dst, type, props FROM edges"), key=lambda r: r[:3])
            sources = db.execute("SELECT id, document, line, page, excerpt FROM sources").fetchall()
            want = dict(_parts(to_graph(nodes, edges, sources)))
            summary = want.pop(("summary",))
            got = make_parts(db, list(want))
            assert list(got) != [] and set(got) == set(want)
            for key, value in want.items():
                assert repr(got[key]) == repr(value), key
                assert repr(make_parts(db, [key])[key]) == repr(value), key
            assert summary_from_rows(db) == summary
            assert summary["cross_document"]["Organisation"] > 0
            if step == 0:
                store.save(small_corpus[:1])        # one document more: the update's counts


def test_fragments_handed_to_a_sink_are_freed_without_the_cyclic_gc(seed_reports):
    """networkx's cached views make a used fragment a reference cycle; the store's
    rebuild runs with the cyclic GC paused, so the build must break it (before, every
    fragment stayed in memory until the end: 10,000 plans, gigabytes)."""
    refs: list[weakref.ref] = []
    gc.disable()
    try:
        built = build(seed_reports, sink=lambda doc, part, frag: refs.append(weakref.ref(frag.g)),
                      fold=False)
        assert refs and all(r() is None for r in refs)
    finally:
        gc.enable()
    assert {d["label"] for _, d in built.graph.nodes()} == {"Plan", "Organisation", "Person"}


def test_the_store_s_json_text_is_the_text_of_json_dumps(seed_reports):
    """graph/jsontext.py's encoders made once write what ``json.dumps`` writes, sorted or
    not, and refuse what it refuses."""
    import pytest

    from samspil.graph.jsontext import dumps, dumps_sorted

    values = [r.to_dict() for r in seed_reports]
    values += ["Børne- og Ungdomsforvaltningen \"BUF\"\n", 3, 2.5, float("nan"), None, True,
               [], {}, {"b": [1, None, {"æ": "ø"}], "a": "\u2028"}, {1: "int key"}]
    for v in values:
        assert dumps(v) == json.dumps(v, ensure_ascii=False)
        assert dumps_sorted(v) == json.dumps(v, ensure_ascii=False, sort_keys=True)
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps({"a": object()})


def test_a_new_store_uses_16_kib_pages(tmp_path):
    """A new store's pages are 16 KiB (a quarter of the page writes of a full load)."""
    with SqliteStore(tmp_path / "new.sqlite") as store:
        assert store.db.execute("PRAGMA page_size").fetchone()[0] == 16384


def test_rows_gathered_by_the_bulk_write_go_in_in_the_order_given(tmp_path, monkeypatch):
    """Inserts gathered into multi-row statements (graph/sqlite_bulk.py) keep the rows
    ``executemany`` keeps: first for OR IGNORE, last for OR REPLACE, across batches,
    calls and a staged table's sorted copy; another statement (here an update and a read)
    comes after them. Likewise when a writer thread runs them (session 24)."""
    from samspil.graph import sqlite_bulk
    from samspil.graph.sqlite_bulk import _ROWS, BulkWrite
    monkeypatch.setattr(sqlite_bulk, "_two_cores", lambda: True)

    rows = [(f"k{i % 97:03d}", f"v{i}") for i in range(5 * _ROWS + 37)]   # keys repeat
    sqls = ("INSERT OR IGNORE INTO t VALUES (?, ?)", "INSERT OR REPLACE INTO t VALUES (?, ?)",
            "INSERT OR IGNORE INTO sources(id, document, excerpt) VALUES (?, ?, ?)")

    def written(bulk: bool, threaded: bool = False) -> list:
        db = sqlite3.connect(tmp_path / f"{bulk}{threaded}.sqlite", isolation_level=None,
                             check_same_thread=not threaded)
        db.execute("CREATE TABLE t(k TEXT PRIMARY KEY, v TEXT)")
        db.execute("CREATE TABLE sources(id INTEGER PRIMARY KEY, document TEXT, excerpt TEXT)")
        db.execute("BEGIN")
        out = BulkWrite(db, ("t", "sources"), threaded=threaded) if bulk else db
        assert not bulk or (out.writer is not None) == threaded
        for sql in sqls:
            for start, stop in ((0, 150), (150, 151), (151, 2 * _ROWS + 3), (2 * _ROWS + 3, None)):
                part = rows[start:stop]
                if "sources" in sql:
                    part = [(int(k[1:]), v, k) for k, v in part]
                out.executemany(sql, (r for r in part) if start else part)
            if sql.startswith("INSERT OR REPLACE"):        # (straight after the OR IGNORE)
                out.execute("UPDATE t SET v = v || '!' WHERE k = 'k001'")   # in between
                seen = out.execute("SELECT * FROM t ORDER BY k").fetchall()   # before the end
        if bulk:
            out.finish()
        db.execute("COMMIT")
        return [seen, db.execute("SELECT * FROM t ORDER BY k").fetchall(),
                db.execute("SELECT * FROM sources ORDER BY id").fetchall()]

    plain, gathered = written(False), written(True)
    assert gathered == plain
    assert written(True, threaded=True) == plain
    last = (len(rows) - 1) // 97 * 97
    assert gathered[0] == gathered[1] and gathered[1][0] == ("k000", f"v{last}")
    assert len(gathered[1]) == 97 and gathered[2][0] == (0, "v0", "k000")


def test_the_first_reading_s_light_report_gives_the_resolution_the_same_entities(seed_reports, small_corpus):
    """The full write's first reading decodes only what the resolution reads
    (``light_report``: session 13); the organisation and contact entities, plans and
    zones made from it equal those of the whole report, and ``foreign_data`` of the
    stored dict says what ``foreign_sources`` of the report says."""
    from samspil.graph.build import contact_entities
    from samspil.graph.emit import Orgs
    from samspil.graph.incremental import foreign_sources
    from samspil.graph.sqlite_fold import foreign_data, light_report
    from samspil.loaders.model import AgreementReport

    def entities(r: AgreementReport) -> tuple:
        orgs = Orgs()
        orgs.add_report(r)
        contacts, org_of = contact_entities([r], orgs)
        fields = [(e.document, e.index, e.name, e.names, e.mentions, e.data)
                  for e in [*orgs.entities, *contacts]]
        return fields, org_of, r.plan, r.zones
    assert any(a.partners for r in seed_reports for a in r.activities)
    for r in [*seed_reports, *small_corpus]:
        data = json.loads(json.dumps(r.to_dict()))
        light = AgreementReport.from_dict(light_report(data))
        assert entities(light) == entities(AgreementReport.from_dict(data))
        assert foreign_data(data) is foreign_sources([r]) is False
    data = seed_reports[0].to_dict()
    data["target_groups"][0]["sources"][0]["document"] = "another.txt"
    assert foreign_data(data) is foreign_sources([AgreementReport.from_dict(data)]) is True


def test_a_save_into_an_empty_store_reads_the_reports_in_hand_first(tmp_path, seed_reports,
                                                                    small_corpus, monkeypatch):
    """Into an empty store the rebuild's first reading takes each report from the save
    (``held_report``, session 14) instead of decoding the stored text; every table, the
    kept state included, equals a rebuild that reads the stored reports."""
    from samspil.graph import sqlite_fold
    given = []
    real = sqlite_fold.full_write

    def spy(db, overrides, forgotten, first=None):
        given.append(first is not None)
        return real(db, overrides, forgotten, first)
    monkeypatch.setattr(sqlite_fold, "full_write", spy)
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save([*seed_reports, *small_corpus[:1]])
        db = store.db
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                  if t not in ("documents", "meta")]

        def rows() -> dict[str, list]:
            return {t: db.execute(f"SELECT * FROM {t}").fetchall() for t in tables}  # noqa: S608
        held = rows()
        store._rebuild()
        assert rows() == held
        assert given == [True, False]


def test_none_is_bound_through_its_adapter(tmp_path):
    """``None`` parameters take sqlite3's adapter for ``NoneType`` (one dict hit, not two
    failed protocol look-ups per value: a full load binds millions) and are still NULL."""
    with SqliteStore(tmp_path / "s.sqlite") as store:
        adapter = sqlite3.adapters.get((type(None), sqlite3.PrepareProtocol))
        assert adapter is not None and adapter(None) is None
        db = store.db
        db.execute("CREATE TEMP TABLE n(a, b)")
        db.execute("INSERT INTO n VALUES (?, ?)", (None, 1))
        db.executemany("INSERT INTO n VALUES (?, ?)", [(None, None), ("x", None)])
        assert db.execute("SELECT typeof(a), typeof(b) FROM n ORDER BY rowid").fetchall() == [
            ("null", "integer"), ("null", "null"), ("text", "null")]


def test_a_clusters_sources_are_its_members_sorted_once_per_key():
    """An Organisation or Person node's sources: one per sort key (the last member's),
    sorted by it, as ``sorted({key: s}.values(), key=source_sort_key)`` gives them."""
    from types import SimpleNamespace

    from samspil.graph.build import _sorted_sources
    from samspil.graph.emit import source_sort_key

    a = [{"document": "b.txt", "line": 3, "excerpt": "x"}, {"document": "a.txt", "excerpt": ""},
         {"document": "a.txt", "page": 2, "excerpt": "y"}, {"document": "a.txt", "line": 3, "excerpt": "x"}]
    b = [{"excerpt": "x", "line": 3, "document": "b.txt"}, {"document": "a.txt", "line": 1, "excerpt": "z"},
         {"document": "a.txt", "line": 3, "excerpt": "w"}]
    c = SimpleNamespace(members=[SimpleNamespace(data={"sources": s}) for s in (a, b)])
    want = sorted({source_sort_key(s): s for e in c.members for s in e.data["sources"]}.values(),
                  key=source_sort_key)
    got = _sorted_sources(c)
    assert got == want and [id(s) for s in got] == [id(s) for s in want]
    assert got[-1] is b[0]          # the last of equal keys is kept


def test_the_bulk_write_s_thread_raises_its_error_in_the_caller_and_runs_nothing_after(
        tmp_path, monkeypatch):
    """A statement failing in the writer thread (session 24) raises its error in the
    caller's thread at its next flush, the statements put after it are not run, and
    :meth:`BulkWrite.close` ends the thread and gives Python's switch interval back; one
    core, or ``SAMSPIL_BULK_THREAD=0``: no thread. ``fetched`` reads a cursor's rows in
    chunks, the same rows in the same order."""
    import sys
    import threading

    import pytest

    from samspil.graph import sqlite_bulk
    from samspil.graph.sqlite_bulk import BulkWrite

    interval = sys.getswitchinterval()
    monkeypatch.setattr(sqlite_bulk, "_two_cores", lambda: True)
    db = sqlite3.connect(tmp_path / "b.sqlite", isolation_level=None, check_same_thread=False)
    db.execute("CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT)")
    db.execute("BEGIN")
    bulk = BulkWrite(db, ("t",), threaded=True)
    assert bulk.writer is not None and sys.getswitchinterval() < interval
    bulk.executemany("INSERT INTO t VALUES (?, ?)", [(1, "a"), (2, "b")])
    bulk.executemany("INSERT INTO t VALUES (?, ?)", [(1, "again")])      # (another statement:
    bulk.executemany("INSERT OR IGNORE INTO t VALUES (?, ?)", [(3, "c")])   # the first's rows
    with pytest.raises(sqlite3.IntegrityError):                             # go first)
        bulk.flush()
    bulk.close()
    assert sys.getswitchinterval() == interval
    assert not any(t.name == "samspil-bulk-writer" for t in threading.enumerate())
    assert db.execute("SELECT k FROM t ORDER BY k").fetchall() == [(1,), (2,)]
    db.execute("ROLLBACK")
    sql = "SELECT value FROM json_each('[5, 3, 9, 1, 7, 2, 8]') ORDER BY value"
    assert list(sqlite_bulk.fetched(db.execute(sql), 3)) == db.execute(sql).fetchall()
    monkeypatch.undo()
    monkeypatch.setattr(sqlite_bulk.os, "sched_getaffinity", lambda pid: {0})
    assert BulkWrite(db, ("t",), threaded=True).writer is None
    monkeypatch.undo()
    monkeypatch.setenv("SAMSPIL_BULK_THREAD", "0")
    assert BulkWrite(db, ("t",), threaded=True).writer is None


def test_a_staged_table_moved_and_written_again_is_staged_again(tmp_path):
    """The bulk write parses each statement once: a table whose stage was moved gets a
    new stage when it is written again, and every row arrives."""
    from samspil.graph.sqlite_bulk import BulkWrite

    db = sqlite3.connect(tmp_path / "b.sqlite", isolation_level=None)
    db.execute("CREATE TABLE sources(id INTEGER PRIMARY KEY, document TEXT, excerpt TEXT)")
    db.execute("BEGIN")
    bulk = BulkWrite(db, ("sources",))
    sql = "INSERT OR IGNORE INTO sources(id, document, excerpt) VALUES (?, ?, ?)"
    bulk.executemany(sql, [(3, "c", None), (1, "a", "")])
    bulk.move("sources")
    bulk.executemany(sql, [(2, "b", "x"), (1, "again", "")])
    bulk.finish()
    db.execute("COMMIT")
    assert db.execute("SELECT * FROM sources ORDER BY id").fetchall() == [
        (1, "a", ""), (2, "b", "x"), (3, "c", None)]
    assert not db.execute("SELECT name FROM sqlite_temp_master WHERE name LIKE 'stage_%'").fetchall()


def test_tables_finished_early_are_moved_and_indexed_at_once_the_others_at_the_end(
        tmp_path, monkeypatch):
    """``BulkWrite.finish_tables`` (session 24: the organisations' kept state, while the
    persons are resolved) moves the named tables' staged rows and creates their indexes,
    by the writer thread, before the caller's next statement; the other tables wait for
    ``finish``; the rows are those ``finish`` alone gives."""
    from samspil.graph import sqlite_bulk
    from samspil.graph.sqlite_bulk import BulkWrite
    monkeypatch.setattr(sqlite_bulk, "_two_cores", lambda: True)

    def written(early: bool) -> list:
        db = sqlite3.connect(tmp_path / f"{early}.sqlite", isolation_level=None,
                             check_same_thread=False)
        for t in ("a", "b"):
            db.execute(f"CREATE TABLE {t}(k INTEGER PRIMARY KEY, v TEXT)")
            db.execute(f"CREATE INDEX {t}_v ON {t}(v)")
        db.execute("BEGIN")
        bulk = BulkWrite(db, ("a", "b"), threaded=True)
        monkeypatch.setattr(sqlite_bulk, "STAGED", ("a", "b"))
        for t in ("a", "b"):
            bulk.executemany(f"INSERT OR IGNORE INTO {t} VALUES (?, ?)",
                             [(i % 50, f"{t}{i}") for i in range(300, 0, -1)])
        if early:
            bulk.finish_tables(("a",))
            indexes = bulk.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
            assert indexes == [("a_v",)]
            assert bulk.execute("SELECT count(*) FROM a").fetchone()[0] == 50
            assert bulk.execute("SELECT count(*) FROM b").fetchone()[0] == 0
        bulk.finish()
        db.execute("COMMIT")
        return [db.execute(f"SELECT * FROM {t} ORDER BY k").fetchall() for t in ("a", "b")] + [
            db.execute("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY 1").fetchall()]

    assert written(True) == written(False)


def test_the_staging_tables_freed_pages_are_not_zeroed(tmp_path):
    """The bulk write turns secure_delete off for the staging tables' temporary database
    only (dropping a stage wrote zeros over every page of it: 10,000 plans, 1.7 GB) and
    back on after; the store's own setting is untouched."""
    from samspil.graph.sqlite_bulk import BulkWrite

    db = sqlite3.connect(tmp_path / "b.sqlite", isolation_level=None)
    db.execute("CREATE TABLE sources(id INTEGER PRIMARY KEY, document TEXT, excerpt TEXT)")
    db.execute("PRAGMA secure_delete=ON")
    db.execute("BEGIN")
    bulk = BulkWrite(db, ("sources",))
    bulk.executemany("INSERT INTO sources VALUES (?, ?, ?)", [(1, "a", "x" * 5000)])
    assert db.execute("PRAGMA temp.secure_delete").fetchone()[0] == 0
    assert db.execute("PRAGMA main.secure_delete").fetchone()[0] == 1
    bulk.finish()
    db.execute("COMMIT")
    assert db.execute("PRAGMA temp.secure_delete").fetchone()[0] == 1
    assert db.execute("SELECT id, document FROM sources").fetchall() == [(1, "a")]


def test_a_source_s_id_is_the_hash_of_its_repr():
    """A source's id is the first 63 bits of the BLAKE2b hash of its key's repr: stores
    written before hold these ids, and the full and incremental writes must agree."""
    import hashlib

    from samspil.graph.sqlite_rows import source_id

    for key in [("synthetic_00001", 12, None, "Boligselskabet Sjælland – 'x' \"y\" \\ \t"),
                ("d", None, 3, ""), ("d", None, None, "a\ud800b")]:
        h = hashlib.blake2b(repr(key).encode("utf-8"), digest_size=8).digest()
        assert source_id(key) == int.from_bytes(h, "big") >> 1
    assert source_id(("d", 1, None, "")) == 830154749051033482


def test_the_fold_takes_folded_sources_ids_from_the_stage_and_stages_no_source_twice(
        tmp_path, monkeypatch, seed_reports, small_corpus):
    """Session 22: a folded item's sources get the ids staged with its fragments (never
    hashed again: only the Organisation, Person and Plan nodes made from their members'
    sources are), and a source row the stage wrote is not given to ``sources`` again by the
    fold (an organisation's sources are those its documents' relationships cite). The rows
    are the same (the first test of this file)."""
    from samspil.graph import sqlite_bulk, sqlite_fold
    hashed, given, folding = [], {False: [], True: []}, []
    source_of = sqlite_fold._Rows._source
    write_graph = sqlite_fold.write_graph
    monkeypatch.setattr(sqlite_fold, "write_graph", lambda *a: (folding.append(1), write_graph(*a))[1])
    props_of = sqlite_fold._Rows._props

    def props(self, d, skip, docs, sids=None):
        label = d.get("label", "relationship")
        before = len(hashed)
        out = props_of(self, d, skip, docs, sids)
        if len(hashed) > before:
            hashed.append(label)
        return out
    monkeypatch.setattr(sqlite_fold._Rows, "_source", lambda self, s, ck: (hashed.append(None),
                                                                         source_of(self, s, ck))[1])
    monkeypatch.setattr(sqlite_fold._Rows, "_props", props)
    many = sqlite_bulk.BulkWrite.executemany

    def executemany(self, sql, rows):
        if "INTO sources" in sql:
            rows = list(rows)
            given[bool(folding)].extend(r[0] for r in rows)
        return many(self, sql, rows)
    monkeypatch.setattr(sqlite_bulk.BulkWrite, "executemany", executemany)
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(seed_reports + small_corpus)
        stored = {i for (i,) in store.db.execute("SELECT id FROM sources")}
    assert {x for x in hashed if x is not None} <= {"Organisation", "Person", "Plan"}
    assert None in hashed                       # (the path was taken)
    assert given[True] and not set(given[True]) & set(given[False])
    assert set(given[True]) | set(given[False]) == stored


def test_edge_docs_have_no_index_by_relationship_and_an_older_store_s_goes_at_its_next_full_write(
        tmp_path, small_corpus):
    """Session 22: nothing reads ``edge_docs`` by relationship any more (see
    :func:`test_a_filter_finds_the_chosen_documents_relationships_by_document_or_by_sources`
    and graph/sqlite_rows.py ``_edge_doc_rows``), so a full load does not build that index."""
    def indexes(store):
        return {n for (n,) in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'edge_docs'")}
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(small_corpus)
        assert indexes(store) == set()
        rows = sorted(store.db.execute("SELECT * FROM edge_docs"))
        store.db.execute("CREATE INDEX edge_docs_edge ON edge_docs(src, dst, type)")   # as made
        store._rebuild()                                                          # before
        assert indexes(store) == set()
        assert sorted(store.db.execute("SELECT * FROM edge_docs")) == rows


def test_a_filter_finds_the_chosen_documents_relationships_by_document_or_by_sources(
        tmp_path, seed_reports, small_corpus):
    """``SqliteStore._filtered`` finds the relationships of up to half of the documents by
    document (``edge_docs``' key), of more by whether a source names a chosen document:
    both give the relationships whose ``edge_docs`` rows name a chosen document, for every
    document alone, for every document but one and for all."""
    from samspil.graph.sqlite_store import _CHOSEN_EDGES, _CITING_EDGES
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(seed_reports + small_corpus)
        db = store.db
        docs = [d for (d,) in db.execute("SELECT id FROM documents ORDER BY id")]
        by_doc = db.execute("SELECT document, src, dst, type FROM edge_docs").fetchall()
        db.execute("CREATE TEMP TABLE IF NOT EXISTS sel(document TEXT PRIMARY KEY)")
        for chosen in [[d] for d in docs] + [docs[:k] + docs[k + 1:] for k in range(len(docs))] + [docs]:
            db.execute("DELETE FROM sel")
            db.executemany("INSERT INTO sel VALUES (?)", [(d,) for d in chosen])
            want = {r[1:] for r in by_doc if r[0] in chosen}
            for sql in (_CHOSEN_EDGES, _CITING_EDGES):
                got = db.execute(sql).fetchall()
                assert {r[:3] for r in got} == want and len(got) == len(want)


def test_a_relationship_written_again_or_removed_loses_exactly_its_edge_docs_rows(tmp_path,
                                                                                small_corpus):
    """``write_items`` finds a stored relationship's ``edge_docs`` rows from the documents
    its stored sources name (no index by relationship): removed, it has none left; written
    again with other sources, it has theirs; every other relationship keeps its rows."""
    from samspil.graph.sqlite_rows import write_items
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(small_corpus)
        db = store.db
        before = set(db.execute("SELECT document, src, dst, type FROM edge_docs"))
        shared = db.execute("SELECT src, dst, type FROM edge_docs GROUP BY src, dst, type "
                            "HAVING count(*) > 1 LIMIT 1").fetchone()
        single = db.execute("SELECT src, dst, type FROM edge_docs GROUP BY src, dst, type "
                            "HAVING count(*) = 1 LIMIT 1").fetchone()
        assert shared and single
        db.execute("BEGIN")
        write_items(db, {"\x1f".join(shared): None,
                         "\x1f".join(single): {"type": single[2], "sources": [
                             {"document": "elsewhere.txt", "excerpt": "x"}]}}, set())
        after = set(db.execute("SELECT document, src, dst, type FROM edge_docs"))
        db.execute("ROLLBACK")
    assert after == {r for r in before if r[1:] not in (shared, single)} | {("elsewhere.txt", *single)}
