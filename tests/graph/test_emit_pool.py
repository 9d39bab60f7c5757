"""The full write's emission in a worker process (graph/emit_pool.py, issue 13 session 15):
the store it writes is the store the serial emission writes, whoever emits which
document, also when the worker cannot run; an error in the worker fails the write."""
from __future__ import annotations

import json

import pytest

from samspil.graph import emit_pool
from samspil.graph.sqlite_store import SqliteStore
from samspil.loaders import subworker


def _tables(store: SqliteStore) -> dict[str, list]:
    """Every table but the documents' load times and the graph's random token."""
    db = store.db
    names = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out = {t: db.execute(f"SELECT * FROM {t}").fetchall() for t in names  # noqa: S608
           if t not in ("documents", "meta")}
    out["documents"] = db.execute("SELECT id, checksum, plan, report FROM documents").fetchall()
    out["meta"] = sorted(r for r in db.execute("SELECT key, value FROM meta") if r[0] != "graph_token")
    return out


def _counted(monkeypatch) -> list[int]:
    """How many chunks the worker emitted, per write (a spy on the results read)."""
    seen: list[int] = []
    real = subworker.Worker.result

    def spy(self):
        value = real(self)
        if isinstance(value, list):
            seen[-1] += 1
        return value
    real_emit = emit_pool.EmitPool.emit

    def emit(self, *args, **kw):
        seen.append(0)
        return real_emit(self, *args, **kw)
    monkeypatch.setattr(subworker.Worker, "result", spy)
    monkeypatch.setattr(emit_pool.EmitPool, "emit", emit)
    return seen


def _load(path, reports, forget: str | None = None) -> dict[str, list]:
    with SqliteStore(path) as store:
        store.save(reports)
        if forget:
            store.forget_person(forget)
        return _tables(store)


def test_the_worker_s_documents_give_the_serial_write_s_store(tmp_path, monkeypatch, seed_reports,
                                                               small_corpus):
    reports = seed_reports + small_corpus
    serial = _load(tmp_path / "serial" / "samspil.sqlite", reports, forget="ah@sof.kk.dk")
    monkeypatch.setattr(emit_pool, "POOL_MIN", 0)
    monkeypatch.setattr(emit_pool, "_CHUNK", 1)       # many chunks: both processes emit
    chunks = _counted(monkeypatch)
    assert _load(tmp_path / "pooled" / "samspil.sqlite", reports, forget="ah@sof.kk.dk") == serial
    assert len(chunks) == 2 and all(chunks), chunks     # the save's rebuild and the forget's
    assert json.loads(dict(serial["meta"])["counts"])


def test_a_worker_that_cannot_run_leaves_every_document_to_the_store(tmp_path, monkeypatch,
                                                                      seed_reports, small_corpus):
    reports = seed_reports + small_corpus
    serial = _load(tmp_path / "serial" / "samspil.sqlite", reports)
    monkeypatch.setattr(emit_pool, "POOL_MIN", 0)
    monkeypatch.setattr(subworker, "_BOOT", "import sys; sys.exit(3)")
    chunks = _counted(monkeypatch)
    assert _load(tmp_path / "dead" / "samspil.sqlite", reports) == serial
    assert chunks == [0]


def test_an_error_in_the_worker_is_raised_in_the_store_s_process():
    worker = subworker.Worker()
    try:
        assert worker.submit(emit_pool._HERE + "_setup", {}, frozenset())
        assert worker.result() is True
        worker.submit(emit_pool._HERE + "_emit_chunk", [("a.txt", "{not json", 1, None, [])])
        with pytest.raises(ValueError):        # (orjson's JSONDecodeError, pickled back)
            worker.result()
        assert worker.submit("os:getpid") and worker.result() != 0     # it goes on
    finally:
        worker.close()
    assert not worker.alive and worker.result() is subworker.GONE


def test_a_write_whose_emission_fails_keeps_the_graph(tmp_path, monkeypatch, seed_reports,
                                                      small_corpus):
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(seed_reports + small_corpus)
        before = _tables(store)
        monkeypatch.setattr(emit_pool, "POOL_MIN", 0)
        monkeypatch.setattr(emit_pool, "_CHUNK", 1)
        real = emit_pool.EmitPool._result

        def fail(self):
            real(self)
            raise OSError("disk full")
        monkeypatch.setattr(emit_pool.EmitPool, "_result", fail)
        with pytest.raises(OSError, match="disk full"):
            store._rebuild()
        assert _tables(store) == before
