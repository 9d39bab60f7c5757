"""Bad reports and damaged store files (issue 14, findings 3, 4 and 10): a bad report is
refused with its field and the store is unchanged; every damaged store gives a message
(file, what is wrong, what to do), never a traceback; `samspil doctor` finds and repairs;
`samspil stats` never writes."""
from __future__ import annotations

import hashlib
import json
import random
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from samspil.cli.main import cli
from samspil.graph.sqlite_store import SqliteStore
from samspil.loaders.model import Organisation
from samspil.loaders.validate import InvalidReport

BAD = {"document": "x.txt", "organisations": [{"name": 123}]}


def invoke(*args: str):
    result = CliRunner().invoke(cli, list(args))
    # a damaged store may fail, but only as a samspil error: never a Python traceback
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


@pytest.fixture
def data(tmp_path: Path, small_corpus) -> Path:
    with SqliteStore(tmp_path / "data" / "samspil.sqlite") as store:
        store.save(small_corpus)
    return tmp_path / "data"


def db_file(data: Path) -> Path:
    return data / "samspil.sqlite"


def rows(data: Path) -> list[tuple]:
    with sqlite3.connect(db_file(data)) as db:
        return db.execute("SELECT id, report FROM documents ORDER BY id").fetchall()


# -- finding 3: a bad report is refused before anything is written --------------------
def test_bad_report_json_is_refused_and_the_store_is_unchanged(data: Path, tmp_path: Path) -> None:
    before = rows(data)
    bad = tmp_path / "x.json"
    bad.write_text(json.dumps(BAD), encoding="utf-8")
    result = invoke("load", str(bad), "--data-dir", str(data))
    assert result.exit_code == 1
    assert f"{bad}: not a valid report: organisations[0].name" in result.output
    assert rows(data) == before
    for command in ("stats", "plans"):
        assert invoke(command, "--data-dir", str(data)).exit_code == 0


def test_bad_report_object_is_refused_by_the_store(data: Path, small_corpus) -> None:
    before = rows(data)
    broken = small_corpus[0]
    broken = type(broken)(**{**broken.__dict__, "document": "y.txt",
                             "organisations": [Organisation(name=123)]})  # type: ignore[arg-type]
    with SqliteStore(db_file(data)) as store, pytest.raises(InvalidReport, match="organisations"):
        store.save([broken])
    assert rows(data) == before


def test_a_report_read_from_its_file_is_validated_once(tmp_path: Path, small_corpus) -> None:
    """The store does not validate again the very report object ``read_report_file``
    validated (issue 13: ~1.8 s of a full load at 10,000 plans); any other object, or
    ``again=True`` for one its caller changed, is validated."""
    from samspil.loaders.model import AgreementReport
    from samspil.loaders.validate import check_report, read_report_file

    path = tmp_path / "r.json"
    path.write_text(json.dumps(small_corpus[0].to_dict()), encoding="utf-8")
    report = read_report_file(path)
    assert check_report(report) == small_corpus[0].to_dict()
    report.organisations[0].name = 123       # type: ignore[assignment]
    check_report(report)                     # the same object: not validated again
    with pytest.raises(InvalidReport, match=r"organisations\[0\]\.name"):
        check_report(report, again=True)
    with pytest.raises(InvalidReport, match=r"organisations\[0\]\.name"):
        check_report(AgreementReport(**report.__dict__))      # another object


def test_an_invalid_report_stored_by_an_older_version_is_named(data: Path) -> None:
    with sqlite3.connect(db_file(data)) as db:
        db.execute("INSERT INTO documents VALUES ('x.txt', NULL, NULL, ?, '2024-01-01')",
                   (json.dumps(BAD),))
        db.execute("UPDATE meta SET value = value + 1 WHERE key = 'docs_generation'")
    result = invoke("stats", "--data-dir", str(data))
    assert result.exit_code == 1
    assert "x.txt" in result.output and "samspil forget x.txt" in result.output
    assert invoke("forget", "x.txt", "--data-dir", str(data)).exit_code == 0
    assert invoke("stats", "--data-dir", str(data)).exit_code == 0


# -- finding 4: damaged and foreign store files ----------------------------------------
def damage(data: Path, how: str) -> None:
    path = db_file(data)
    if how == "random-bytes":
        raw = bytearray(path.read_bytes())
        rnd = random.Random(14)
        first = int.from_bytes(raw[16:18], "big")            # the file header's page size
        for start in range(first, len(raw), 4096):           # garble every page but the first
            raw[start + 100:start + 600] = bytes(rnd.randrange(256) for _ in range(500))
        path.write_bytes(bytes(raw))
        return
    sql = {"schema-version": "UPDATE meta SET value = 'one' WHERE key = 'schema_version'",
           "report-not-json": "UPDATE documents SET report = '{not json' WHERE rowid = 1",
           "report-not-utf8": "UPDATE documents SET report = CAST(x'7b22ff' AS TEXT) WHERE rowid = 1",
           "props-not-json": "UPDATE nodes SET props = 'not json' WHERE rowid = 1"}[how]
    with sqlite3.connect(path) as db:
        db.execute(sql)
        if how.startswith("report"):    # a stale graph: the next read rebuilds from the reports
            db.execute("UPDATE meta SET value = value + 1 WHERE key = 'docs_generation'")


@pytest.mark.parametrize("how", ["random-bytes", "schema-version", "report-not-json",
                                 "report-not-utf8", "props-not-json"])
def test_damaged_store_gives_a_message_and_doctor_repairs_it(data: Path, how: str) -> None:
    damage(data, how)
    # `stats` reads kept counts, not every node's properties: a command that reads them all
    reading = ("export", "--format", "node-link") if how == "props-not-json" else ("stats",)
    result = invoke(*reading, "--data-dir", str(data))
    assert result.exit_code == 1, result.output
    assert str(db_file(data)) in result.output and "samspil doctor" in result.output
    assert "Traceback" not in result.output
    checked = invoke("doctor", "--data-dir", str(data))
    assert checked.exit_code == 1 and "repair" in checked.output
    repaired = invoke("doctor", "--repair", "--data-dir", str(data))
    assert repaired.exit_code == 0, repaired.output
    assert list(data.glob("samspil.sqlite.damaged-*")), "the damaged file is kept"
    healthy = invoke("doctor", "--data-dir", str(data))
    assert healthy.exit_code == 0 and "no problems found" in healthy.output  # (not "...: none")
    assert invoke("stats", "--data-dir", str(data)).exit_code == 0


@pytest.mark.parametrize("content", [b"hello, not a database" * 50, b""])
def test_foreign_files_are_not_stores(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "samspil.sqlite").write_bytes(content)
    result = invoke("stats", "--data-dir", str(tmp_path))
    if content:
        assert result.exit_code == 1 and str(tmp_path / "samspil.sqlite") in result.output
        assert (tmp_path / "samspil.sqlite").read_bytes() == content   # never overwritten


def test_doctor_keeps_refused_reports(data: Path) -> None:
    damage(data, "report-not-json")
    assert invoke("doctor", "--repair", "--data-dir", str(data)).exit_code == 0
    kept = next(data.glob("samspil.sqlite.refused-*.jsonl")).read_text(encoding="utf-8")
    assert json.loads(kept.splitlines()[0])["report"] == "{not json"


# -- finding 10: a reading command never writes ----------------------------------------
def test_stats_on_a_stale_store_does_not_write(data: Path) -> None:
    db = sqlite3.connect(db_file(data))
    with db:
        db.execute("UPDATE meta SET value = value + 1 WHERE key = 'docs_generation'")
        db.execute("DELETE FROM nodes WHERE label = 'Plan'")     # the stale graph lacks plans
    db.close()

    def files() -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in data.glob("samspil.sqlite*")}

    before = files()
    result = invoke("stats", "--json", "--data-dir", str(data))
    assert result.exit_code == 0
    assert json.loads(result.output)["nodes"]["Plan"] == 2      # built in memory ...
    assert files() == before                                     # ... and nothing written


@pytest.mark.parametrize("command", [["stats"], ["extract", "x.txt"]])
def test_a_bad_setting_is_named_not_a_traceback(data: Path, command: list[str], monkeypatch) -> None:
    from samspil.graph.settings import get_settings

    monkeypatch.setenv("SAMSPIL_MAX_CHARS", "many")
    get_settings.cache_clear()
    try:
        result = invoke(*command, "--data-dir", str(data)) if command[0] == "stats" else invoke(*command)
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1 and "SAMSPIL_MAX_CHARS" in result.output and "many" in result.output


# -- a full disk: said as such, not as damage, and nothing half-written -------------
def test_a_full_disk_is_said_as_such_and_the_store_is_unchanged(data: Path, small_corpus) -> None:
    from samspil.loaders.errors import SamspilError

    before = rows(data)
    grown = type(small_corpus[0]).from_dict({**small_corpus[0].to_dict(), "document": "grown.txt",
                                             "checksum": "grown"})
    grown.organisations += [Organisation(name=f"Forening nr. {k} i Vordingborg Nord " + "x" * 200)
                            for k in range(400)]
    with SqliteStore(db_file(data)) as store:
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 2}")  # as a disk that fills up
        with pytest.raises(SamspilError) as caught:
            store.save([grown])
    message = str(caught.value)
    assert "full" in message and "damaged" not in message, message
    assert rows(data) == before
    assert invoke("stats", "--data-dir", str(data)).exit_code == 0
