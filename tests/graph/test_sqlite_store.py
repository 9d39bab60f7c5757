"""The embedded store on its own: file format safety, SIGKILL, concurrent writers,
the seeds loaded twice and with one changed, and the data-protection scrub."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from samspil.graph.build import build_graph
from samspil.graph.sqlite_store import SqliteStore
from samspil.graph.model import LABELS
from samspil.graph.people import person_id_for
from samspil.graph.store import GraphFilter, node_documents
from samspil.loaders.errors import StoreFormatError
from samspil.loaders.model import AgreementReport
from samspil.loaders.pipeline import bundled_examples, extract_file

LOAD = [sys.executable, "-c", "from samspil.cli.main import cli; cli()", "load"]


def test_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "samspil.sqlite"
    path.write_bytes(b"this is not a database\n" * 200)
    before = path.read_bytes()
    with pytest.raises(StoreFormatError, match="not a readable samspil store.*move"):
        SqliteStore(path)
    assert path.read_bytes() == before


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "samspil.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE invoices(id INTEGER)")
    with pytest.raises(StoreFormatError, match="not a samspil store"):
        SqliteStore(path)


def test_a_newer_format_is_refused_with_what_to_do(tmp_path, small_corpus):
    path = tmp_path / "samspil.sqlite"
    with SqliteStore(path) as store:
        store.save(small_corpus)
        store.db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreFormatError, match="newer samspil.*upgrade"):
        SqliteStore(path)


def test_a_graph_built_by_another_version_is_rebuilt_from_the_reports(tmp_path, small_corpus):
    """After an upgrade (or a vocabulary edit) the stored graph is derived again on the
    next load: what a new version names differently shows without reloading documents."""
    path = tmp_path / "samspil.sqlite"
    with SqliteStore(path) as store:
        store.save(small_corpus)
        fresh = {n: d.get("name") for n, d in store.load().nodes()}
        victim = next(n for n in fresh if n.startswith("org:"))
        store.db.execute("UPDATE nodes SET name = 'stale name' WHERE id = ?", (victim,))
        # as that version's rebuild would: a new graph token (the whole-graph snapshot
        # beside the store belongs to the previous one and is not used)
        store.db.execute("UPDATE meta SET value = 'another-build' WHERE key = 'graph_token'")
        assert store.load().node(victim)["name"] == "stale name"      # same stamp: kept as stored
        store.db.execute("UPDATE meta SET value = 'an-older-samspil' WHERE key = 'built_by'")
    with SqliteStore(path) as store:
        assert {n: d.get("name") for n, d in store.load().nodes()} == fresh
        assert store._meta()["built_by"] != "an-older-samspil"


def test_a_store_holding_the_earlier_e_mail_person_ids_gets_hashed_ids_on_upgrade(tmp_path,
                                                                                  small_corpus):
    """Before issue 12 a person's id was ``person:<e-mail>``; such a store rebuilds its
    graph (a new GRAPH_FORMAT in the build stamp) and the e-mail id is gone."""
    path = tmp_path / "samspil.sqlite"
    new, old = person_id_for("ah@sof.kk.dk"), "person:ah@sof.kk.dk"
    with SqliteStore(path) as store:
        store.save(small_corpus)
        for table, column in (("nodes", "id"), ("edges", "src"), ("node_docs", "node_id"),
                              ("edge_docs", "src")):
            store.db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (old, new))
        store.db.execute("UPDATE nodes SET props = replace(props, ?, ?)", (new, old))
        store.db.execute("UPDATE meta SET value = 'another-build' WHERE key = 'graph_token'")
        assert old in store.load() and new not in store.load()      # same stamp: as stored
        store.db.execute("UPDATE meta SET value = 'samspil-0.1.0' WHERE key = 'built_by'")
    with SqliteStore(path) as store:
        g = store.load()
        assert new in g and old not in g
        assert g.out(new, "WORKS_AT") == ["org:socialforvaltningen"]


def test_wal_mode_and_schema_version(tmp_path):
    with SqliteStore(tmp_path / "s.sqlite") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._meta()["schema_version"] == "1"


def test_forgotten_person_is_not_left_in_the_file(tmp_path, small_corpus):
    path = tmp_path / "s.sqlite"
    with SqliteStore(path) as store:
        store.save(small_corpus)
        store.forget_person(person_id_for("ah@sof.kk.dk"))
    data = path.read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("s.sqlite-*"))
    assert b"ah@sof.kk.dk" not in data and b"21438324" not in data


# -- the seeds ------------------------------------------------------------------------
def test_seeds_load_twice_identically_and_recurring_partners_are_single_nodes(tmp_path, seed_reports):
    with SqliteStore(tmp_path / "s.sqlite") as store:
        store.save(seed_reports)
        first = store.load()
        assert store.save(seed_reports).unchanged == tuple(sorted(r.document for r in seed_reports))
        assert store.load().ids() == first.ids()
    kk = [d for n, d in first.nodes("Organisation") if d["name"] == "Københavns Kommune"]
    assert len(kk) == 1 and len({m["document"] for m in kk[0]["mentions"]}) >= 2
    assert len(first.out(kk[0]["id"], "PARTY_TO")) >= 2


def test_changing_one_seed_changes_only_its_contributions(tmp_path, seed_reports):
    changed_doc = "003_1fe8f10e134b8e04.txt"
    text = (bundled_examples() / changed_doc).read_text(encoding="utf-8")
    edited = tmp_path / changed_doc
    edited.write_text(text.replace("\nPAB\n", "\n", 1) + "\nKontakt: Test Person, tp@example.dk\n",
                      encoding="utf-8")
    new = extract_file(edited)
    assert new.to_dict() != next(r for r in seed_reports if r.document == changed_doc).to_dict()
    with SqliteStore(tmp_path / "s.sqlite") as store:
        store.save(seed_reports)
        before = store.load()
        assert store.save([new]).replaced == (changed_doc,)
        after = store.load()
    others = [r for r in seed_reports if r.document != changed_doc]
    for r in others:
        assert _contrib(after, r.document) == _contrib(before, r.document), r.document
    clean = build_graph([*others, new])
    assert _contrib(after, changed_doc) == _contrib(clean, changed_doc)
    assert after.ids() == clean.ids()


def _contrib(graph, doc):
    return ({n for n, d in graph.nodes() if doc in node_documents(d)}
            | {(u, v, d["type"]) for u, v, d in graph.edges() if doc in node_documents(d)})


# -- processes: SIGKILL and concurrent writers -----------------------------------------
@pytest.fixture(scope="module")
def report_files(tmp_path_factory):
    from samspil.graph.build import build_graph  # noqa: F401  (warm import for the fixture)
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "synthetic_for_kill", Path(__file__).resolve().parents[2] / "bench" / "synthetic.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    folder = tmp_path_factory.mktemp("reports")
    files = []
    for r in mod.generate_reports(30, seed=7):
        f = folder / (r.document + ".json")
        f.write_text(json.dumps(r.to_dict(), ensure_ascii=False), encoding="utf-8")
        files.append(f)
    return files


def _canonical(report: AgreementReport) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True)


def _originals_and_a_clean_load(tmp_path, report_files) -> tuple[dict[str, str], float]:
    """Each report's canonical form by document, and how long one clean load (into a folder of its
    own) takes on this machine right now."""
    originals = {}
    for f in report_files:
        r = AgreementReport.from_dict(json.loads(f.read_text(encoding="utf-8")))
        originals[r.document] = _canonical(r)
    started = time.monotonic()
    subprocess.run(LOAD + [str(f) for f in report_files], check=True, capture_output=True,
                   env={**os.environ, "SAMSPIL_DATA_DIR": str(tmp_path / "clean")})
    return originals, time.monotonic() - started


def _load_killed_within(files, env, share: float, duration: float) -> tuple[bool, float]:
    """``samspil load`` of ``files`` killed with SIGKILL after ``share`` of ``duration`` (whether it
    was still running, and the duration to aim at next: shorter when the load had ended already, so
    the kills keep landing while loading on any machine)."""
    proc = subprocess.Popen(LOAD + [str(f) for f in files], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(share * duration)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return killed, duration if killed else duration * 0.7


def test_sigkill_at_random_moments_leaves_whole_documents_only(tmp_path, report_files):
    rng = random.Random(1)
    originals, duration = _originals_and_a_clean_load(tmp_path, report_files)
    env = {**os.environ, "SAMSPIL_DATA_DIR": str(tmp_path)}
    kills = runs = 0
    # at least ten runs and five kills: a load that finished before its kill (a busy CI
    # machine's clean run was slow, or half the documents were already stored) makes the
    # next kill come sooner, so the kills keep landing while loading on any machine
    while runs < 10 or (kills < 5 and runs < 40):
        runs += 1
        files = rng.sample(report_files, len(report_files))
        killed, duration = _load_killed_within(files, env, rng.uniform(0.3, 1.0), duration)
        kills += killed
        with SqliteStore(tmp_path / "samspil.sqlite") as store:
            stored = {d.id: _canonical(store.report(d.id)) for d in store.documents()}
            assert all(originals[doc] == text for doc, text in stored.items())
            graph = store.load()
            present = [AgreementReport.from_dict(json.loads(t)) for t in stored.values()]
            assert graph.ids() == build_graph(present).ids()
            drop = rng.sample(sorted(stored), len(stored) // 2)      # keep the next run writing
            with store._write():
                store.db.executemany("DELETE FROM documents WHERE id = ?", [(d,) for d in drop])
                store.db.execute("UPDATE meta SET value = value + 1 WHERE key = 'docs_generation'")
    assert kills >= 5, f"the kills should land while loading ({kills} of {runs} runs)"


def test_two_concurrent_loads_lose_nothing(tmp_path, report_files):
    env = {**os.environ, "SAMSPIL_DATA_DIR": str(tmp_path)}
    half = len(report_files) // 2
    procs = [subprocess.Popen(LOAD + [str(f) for f in part], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
             for part in (report_files[:half], report_files[half:])]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        assert len(store.documents()) == len(report_files)
        graph = store.load()
    reports = [AgreementReport.from_dict(json.loads(f.read_text())) for f in report_files]
    assert graph.ids() == build_graph(reports).ids()


def test_load_gives_the_build_order_whatever_order_the_rows_are_in(tmp_path, small_corpus):
    """Analyses break ties by iteration order, so every store returns build_graph's order
    (the Neo4j store too): also from rows an older samspil wrote in another order."""
    with SqliteStore(tmp_path / "s.sqlite") as store:
        store.save(small_corpus)
        with store._write():
            for table, key in (("nodes", "id"), ("edges", "src, dst, type")):
                rows = store.db.execute(f"SELECT * FROM {table} ORDER BY {key} DESC").fetchall()
                store.db.execute(f"DELETE FROM {table}")
                store.db.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})",
                                     rows)
        g, built = store.load(), build_graph(small_corpus)
        assert list(g.g.nodes) == list(built.g.nodes) == sorted(built.g.nodes)
        assert list(g.g.edges(keys=True)) == list(built.g.edges(keys=True))


def test_the_whole_graph_snapshot_follows_every_rebuild(tmp_path, small_corpus):
    """The pickled graph beside the store is used only for the graph it was made from:
    after a save or a forget the next load reads the rows again (and writes a new one)."""
    path = tmp_path / "samspil.sqlite"
    with SqliteStore(path) as store:
        store.save(small_corpus[:2])
        first = store.load()
        assert store.snapshot_path.exists()
        assert store.load().ids() == first.ids()            # from the snapshot
        store.save(small_corpus[2:])
        assert store.load().ids() == store.load(GraphFilter(labels=tuple(LABELS))).ids()
        assert store.load().ids() != first.ids()
        store.forget(small_corpus[2].document)
        assert not store.snapshot_path.exists()            # gone with the graph it copied
        assert store.load().ids() == first.ids()
        parts = sorted(store.parts_path.iterdir())
        assert parts
        for part in parts:                                  # damaged: the rows answer
            part.write_bytes(b"not a pickle")
        assert store.load().ids() == first.ids()
        assert all(p.read_bytes() != b"not a pickle" for p in parts)    # and made again


# -- a first load: the file held, a rollback journal (issue 13, session 20) -------------
def _during_rebuild(monkeypatch, path, seen):
    """Record, while the graph is written, the journal mode and whether another
    connection can read the file."""
    from samspil.graph import sqlite_fold
    full_write = sqlite_fold.full_write

    def spy(db, *args):
        seen.append(db.execute("PRAGMA journal_mode").fetchone()[0])
        other = sqlite3.connect(path, timeout=0)
        try:
            other.execute("SELECT count(*) FROM documents").fetchone()
            seen.append("readable")
        except sqlite3.OperationalError as exc:
            seen.append(str(exc))
        finally:
            other.close()
        return full_write(db, *args)
    monkeypatch.setattr(sqlite_fold, "full_write", spy)


def test_a_first_load_holds_the_file_and_writes_no_wal(tmp_path, small_corpus, monkeypatch):
    """A save into an empty store that nothing else has open writes through a rollback
    journal with the file locked (each page written once, not to the WAL and again by the
    checkpoint); the store is back in WAL mode afterwards, readable by others, and its
    graph is the build's."""
    path = tmp_path / "s.sqlite"
    seen: list[str] = []
    _during_rebuild(monkeypatch, path, seen)
    with SqliteStore(path) as store:
        store.save(small_corpus[:2])
        assert seen == ["delete", "database is locked"]
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA locking_mode").fetchone()[0] == "normal"
        other = sqlite3.connect(path, timeout=0)
        assert other.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        other.close()
        store.save(small_corpus[2:])            # not empty: as before, in WAL mode
        assert seen[2:] == ["wal", "readable"] or seen[2:] == []    # (an incremental update)
        assert store.load().ids() == build_graph(small_corpus).ids()
    assert not list(tmp_path.glob("s.sqlite-journal"))


def test_a_first_load_beside_another_connection_stays_in_wal_mode(tmp_path, small_corpus,
                                                                  monkeypatch):
    """Readers never wait for a store they have open: with another connection open the
    save keeps the WAL (leaving it would need every other connection closed)."""
    path = tmp_path / "s.sqlite"
    seen: list[str] = []
    with SqliteStore(path) as store:
        reader = sqlite3.connect(path)
        reader.execute("SELECT count(*) FROM documents").fetchone()
        _during_rebuild(monkeypatch, path, seen)
        store.save(small_corpus)
        assert seen == ["wal", "readable"]
        assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
        reader.close()


def test_a_reader_opening_during_a_first_load_is_told_the_store_is_busy(tmp_path, small_corpus,
                                                                      monkeypatch):
    from samspil.graph import sqlite_fold
    from samspil.loaders.errors import StoreUnavailable
    path = tmp_path / "s.sqlite"
    full_write, raised = sqlite_fold.full_write, []

    def spy(db, *args):
        try:
            SqliteStore(path, timeout=0.1)
        except StoreUnavailable as exc:
            raised.append(str(exc))
        return full_write(db, *args)
    monkeypatch.setattr(sqlite_fold, "full_write", spy)
    with SqliteStore(path) as store:
        store.save(small_corpus)
    assert len(raised) == 1 and "busy" in raised[0] and "try again" in raised[0]
    with SqliteStore(path, timeout=0.1) as reader:      # and afterwards it reads
        assert len(reader.documents()) == 3


def test_a_killed_first_load_leaves_whole_documents_and_a_wal_store(tmp_path, report_files):
    """SIGKILL while the first load holds the file (rollback journal): the next opening
    rolls the hot journal back to the last committed documents, and WAL mode is set again."""
    rng = random.Random(3)
    originals, duration = _originals_and_a_clean_load(tmp_path, report_files)
    kills = runs = 0
    while runs < 8 or (kills < 4 and runs < 30):
        runs += 1
        folder = tmp_path / f"run{runs}"
        killed, duration = _load_killed_within(report_files, {**os.environ, "SAMSPIL_DATA_DIR": str(folder)},
                                               rng.uniform(0.4, 1.0), duration)
        kills += killed
        if not (folder / "samspil.sqlite").exists():
            continue
        with SqliteStore(folder / "samspil.sqlite") as store:
            assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            stored = {d.id: _canonical(store.report(d.id)) for d in store.documents()}
            assert all(originals[doc] == text for doc, text in stored.items())
            present = [AgreementReport.from_dict(json.loads(t)) for t in stored.values()]
            assert store.load().ids() == build_graph(present).ids()
    assert kills >= 4, f"the kills should land while loading ({kills} of {runs} runs)"


def test_a_failed_first_load_gives_the_file_back_in_wal_mode(tmp_path, small_corpus, monkeypatch):
    """A first load whose graph fails to build: its documents stay committed, the error is
    the build's, and the file is back in WAL mode with normal locking, readable by others
    (the graph is built by the next writer or reader)."""
    from samspil.graph import sqlite_fold
    path = tmp_path / "s.sqlite"

    def boom(*args):
        raise RuntimeError("boom")
    monkeypatch.setattr(sqlite_fold, "full_write", boom)
    with SqliteStore(path) as store:
        with pytest.raises(RuntimeError, match="boom"):
            store.save(small_corpus)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA locking_mode").fetchone()[0] == "normal"
        other = sqlite3.connect(path, timeout=0)
        assert other.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
        other.close()
    monkeypatch.undo()
    with SqliteStore(path) as store:
        assert store.load().ids() == build_graph(small_corpus).ids()
