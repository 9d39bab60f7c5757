"""Answers kept per graph revision (graph/answers.py) on the real embedded store: read
back while the graph is unchanged, computed again after any change, gone after a
rebuild (a forgotten person leaves no trace in them)."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from samspil.cli.main import load_all_commands
from samspil.graph import analyses as an
from samspil.graph.analyses import parts
from samspil.graph.answers import cached_answer
from samspil.graph.sqlite_store import SqliteStore


class Counted:
    """An analysis that counts how often it really ran."""

    def __init__(self, store: SqliteStore) -> None:
        self.store, self.runs = store, 0

    def __call__(self) -> list:
        self.runs += 1
        return an.shared_partners(self.store.load_part(parts.SHARED_PARTNERS))


def test_an_answer_is_kept_until_the_revision_changes(tmp_path: Path, small_corpus) -> None:
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(small_corpus[:2])
        fn, key = Counted(store), ("shared-partners", ())
        first = cached_answer(store, key, fn)
        assert cached_answer(store, key, fn) == first and fn.runs == 1
        assert cached_answer(store, ("other",), fn) == first and fn.runs == 2   # per key
        revision = store.data_version()
        store.save(small_corpus[2:])                     # a new plan: a new revision
        assert store.data_version() > revision and not store.answers_dir.exists()
        second = cached_answer(store, key, fn)
        assert fn.runs == 3 and second != first
        assert second == an.shared_partners(store.load())
        assert cached_answer(store, key, fn) == second and fn.runs == 3


def test_a_damaged_or_foreign_answer_is_computed_again(tmp_path: Path, small_corpus) -> None:
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(small_corpus)
        fn = Counted(store)
        expected = cached_answer(store, ("k",), fn)
        [kept] = store.answers_dir.iterdir()
        assert kept.stat().st_mode & 0o077 == 0          # owner-only: answers quote documents
        kept.write_bytes(b"\x80garbage")
        assert cached_answer(store, ("k",), fn) == expected and fn.runs == 2
        with store._write():                             # another graph token, same folder
            store.db.execute("UPDATE meta SET value = 'other' WHERE key = 'graph_token'")
        assert cached_answer(store, ("k",), fn) == expected and fn.runs == 3


def test_a_forgotten_person_is_in_no_kept_answer(tmp_path: Path, small_corpus) -> None:
    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(small_corpus)
        cached_answer(store, ("people",), lambda: [d.get("email") for _, d in store.load().nodes("Person")])
        assert any(b"ah@sof.kk.dk" in f.read_bytes() for f in store.answers_dir.iterdir())
        store.forget_person("ah@sof.kk.dk")
        assert not store.answers_dir.exists()
        assert "ah@sof.kk.dk" not in json.dumps(
            cached_answer(store, ("people",), lambda: [d.get("email") for _, d in store.load().nodes("Person")]))


def test_the_gaps_command_answers_the_current_graph(tmp_path: Path, small_corpus) -> None:
    """Through the CLI: the kept answer is the one a fresh computation gives, before
    and after a load changes the graph."""
    cli, data = load_all_commands(), tmp_path / "data"
    with SqliteStore(data / "samspil.sqlite") as store:
        store.save(small_corpus[:2])

    def gaps() -> list:
        out = CliRunner().invoke(cli, ["gaps", "--json", "--today", "2024-06-01", "--data-dir", str(data)])
        assert out.exit_code == 0, out.output
        return json.loads(out.output)

    first = gaps()
    assert gaps() == first and len(list((data / "samspil.sqlite.answers").iterdir())) == 1
    with SqliteStore(data / "samspil.sqlite") as store:
        store.save(small_corpus[2:])
        from datetime import date
        fresh = an.gaps(store.load(), today=date(2024, 6, 1))
    after = gaps()
    assert after != first and len(after) == len(fresh)
    assert {(g["kind"], g["plan"], g["id"]) for g in after} == {(g.kind, g.plan, g.id) for g in fresh}


def test_the_communities_command_answers_the_current_graph(tmp_path: Path, small_corpus) -> None:
    """``brokers --communities`` keeps its answer per graph: the same until a load
    changes the graph, then the communities of the new graph."""
    cli, data = load_all_commands(), tmp_path / "data"
    with SqliteStore(data / "samspil.sqlite") as store:
        store.save(small_corpus[:2])

    def communities() -> list:
        out = CliRunner().invoke(cli, ["brokers", "--communities", "--json", "--limit", "1000",
                                       "--data-dir", str(data)])
        assert out.exit_code == 0, out.output
        return json.loads(out.output)

    first = communities()
    assert first and communities() == first
    assert len(list((data / "samspil.sqlite.answers").iterdir())) == 1
    with SqliteStore(data / "samspil.sqlite") as store:
        store.save(small_corpus[2:])
        fresh = an.communities(store.load())
    after = communities()
    assert after != first
    assert [(c["id"], c["members"]) for c in after] == [(c.id, list(c.members)) for c in fresh]


def test_an_answer_kept_by_another_samspil_version_is_computed_again(tmp_path: Path, small_corpus,
                                                                      monkeypatch) -> None:
    """After an upgrade an analysis may order or count otherwise (``samspil plans`` went on
    listing the old order until the graph changed)."""
    from samspil.graph import answers

    with SqliteStore(tmp_path / "samspil.sqlite") as store:
        store.save(small_corpus[:2])
        fn, key = Counted(store), ("shared-partners", ())
        monkeypatch.setattr(answers, "_version", lambda: "0.1")
        cached_answer(store, key, fn)
        cached_answer(store, key, fn)
        assert fn.runs == 1
        monkeypatch.setattr(answers, "_version", lambda: "0.2")
        cached_answer(store, key, fn)
        assert fn.runs == 2
