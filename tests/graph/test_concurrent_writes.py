"""One writer at a time, readers on the last committed graph (issue 13).

Each test reproduces a failure seen with one connection shared by every thread and
readers that rebuilt the graph whenever it lagged behind the reports:
"cannot start a transaction within a transaction", "no more rows available", lost
writes, and every `samspil stats` during a `samspil load` rebuilding the graph.
"""
from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from samspil.graph.sqlite_store import SqliteStore
from samspil.loaders.errors import StoreBusy


def _renamed(report, name):
    """The same report as another document (a plan's documents differ only by name)."""
    return replace(report, document=name, checksum=name)


def _plans(store):
    return {d["name"] for _, d in store.load().nodes("Plan")}


def _run_all(jobs):
    errors: list[BaseException] = []

    def guard(job):
        try:
            job()
        except BaseException as exc:   # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=guard, args=(j,)) for j in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_threads_and_processes_writing_at_once_lose_nothing(tmp_path, small_corpus):
    """Three threads share one store object (as the API's threads do) and a fourth
    writes through its own (as a `samspil load` process does); each loads and forgets
    its documents several times. No error, and the end state equals one sequential load."""
    path = tmp_path / "graph.sqlite"
    shared, other = SqliteStore(path), SqliteStore(path)
    base = small_corpus[0]

    def writer(store, i):
        def job():
            mine = [_renamed(base, f"w{i}-{n}.txt") for n in range(2)]
            for _ in range(3):
                store.save(mine)
                store.forget(mine[0].document)
                store.load()
            store.save(mine[:1])
        return job

    readers_done = threading.Event()

    def reader():
        while not readers_done.is_set():
            shared.load()
            shared.documents()

    read = threading.Thread(target=reader)
    read.start()
    errors = _run_all([writer(shared, i) for i in range(3)] + [writer(other, 3)])
    readers_done.set()
    read.join()
    assert errors == []
    expected = SqliteStore(tmp_path / "sequential.sqlite")
    for i in range(4):
        expected.save([_renamed(base, f"w{i}-{n}.txt") for n in range(2)])
    assert sorted(d.id for d in shared.documents()) == sorted(d.id for d in expected.documents())
    assert shared.load().ids() == expected.load().ids()
    for s in (shared, other, expected):
        s.close()


def test_a_reader_during_a_write_gets_the_last_graph_and_does_not_rebuild(tmp_path, small_corpus):
    """While a load is between its documents and its graph, `stats` (another store
    object: another process) reads the graph as it was, at the same revision."""
    path = tmp_path / "graph.sqlite"
    writer, reader = SqliteStore(path), SqliteStore(path)
    writer.save(small_corpus[:1])
    before, revision = reader.load().ids(), reader.data_version()
    with writer.lock.hold():
        writer._put(small_corpus[2])          # committed report, graph not yet rebuilt
        assert reader._stale()
        assert reader.load().ids() == before
        assert "SURF Valby" not in _plans(reader)
        assert reader.data_version() == revision
        with pytest.raises(StoreBusy, match="try again"):
            with reader.lock.hold(timeout=0.2):
                pass
    writer.save([])                           # the writer finishes its batch
    assert reader.data_version() == revision + 1
    assert "SURF Valby" in _plans(reader)
    writer.close()
    reader.close()


def test_a_stale_graph_left_by_a_killed_load_is_rebuilt_by_the_next_reader(tmp_path, small_corpus):
    path = tmp_path / "graph.sqlite"
    store = SqliteStore(path)
    store.save(small_corpus[:1])
    store._put(small_corpus[2])               # as if the load was killed before its graph
    reader = SqliteStore(path)
    assert "SURF Valby" in _plans(reader)  # no writer holds the lock: rebuilt
    assert not reader._stale()
    store.close()
    reader.close()


def test_a_store_in_a_folder_without_write_access_is_still_readable(tmp_path, small_corpus):
    """Readers never need the lock file; a writer gets a clear error naming it."""
    import os

    from samspil.loaders.errors import StoreUnavailable

    path = tmp_path / "graph.sqlite"
    with SqliteStore(path) as store:
        store.save(small_corpus[:1])
    with SqliteStore(path) as store:
        store._put(small_corpus[2])                 # graph now older than the reports ...
        store.lock.path = tmp_path / "missing-folder" / "graph.sqlite.lock"  # cannot be created
        assert "SURF Valby" not in _plans(store)     # ... read as committed, not rebuilt
        with pytest.raises(StoreUnavailable, match="lock file .*missing-folder"):
            store.save(small_corpus[1:2])
    assert os.path.exists(path)
