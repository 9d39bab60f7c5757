"""The graph commands end to end on a real store in a temporary folder."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from samspil.cli.main import cli
from samspil.graph.people import person_id_for

COMMANDS = ["load", "stats", "plans", "show", "search", "explain", "forget", "forget-person",
            "export"]


@pytest.fixture
def loaded(tmp_path, small_corpus):
    """A data dir with the small corpus loaded through `samspil load` of report JSON files."""
    files = []
    for r in small_corpus:
        f = tmp_path / f"{r.document}.json"
        f.write_text(json.dumps(r.to_dict(), ensure_ascii=False), encoding="utf-8")
        files.append(str(f))
    data = tmp_path / "data"
    result = CliRunner().invoke(cli, ["load", *files, "--data-dir", str(data)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "documents: 3 added, 0 replaced, 0 unchanged" in result.output
    return data


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    assert "--data-dir" in run(command, "--help") or command == "export"


def test_load_the_bundled_seeds_and_print_stats(tmp_path):
    from samspil.loaders.pipeline import bundled_examples
    out = run("load", str(bundled_examples()), "--data-dir", str(tmp_path))
    assert "documents: 5 added" in out
    stats = json.loads(run("stats", "--json", "--data-dir", str(tmp_path)))
    assert stats["nodes"]["Plan"] >= 4 and stats["nodes"]["Document"] == 5
    assert stats["cross_document_organisations"] >= 3


def test_stats_plans_search_show_explain(loaded):
    d = str(loaded)
    stats = json.loads(run("stats", "--json", "--data-dir", d))
    assert stats["nodes"]["Plan"] == 2 and stats["cross_document_persons"] == 1
    plans = json.loads(run("plans", "--json", "--data-dir", d))
    assert [p["id"] for p in plans] == ["plan:surf-valby-2017-2020", "plan:mit-kvarter-2020-2023"]
    hits = json.loads(run("search", "skole", "--json", "--data-dir", d))
    assert {h["id"] for h in hits} >= {"org:buf-valby-skole", "org:buf-vigerslev-skole"}
    show = json.loads(run("show", "org:socialforvaltningen", "--json", "--data-dir", d))
    assert {(x["type"], x["other"]) for x in show["links"]} >= {
        ("PARTNER_IN", "plan:mit-kvarter-2020-2023"), ("WORKS_AT", person_id_for("ah@sof.kk.dk"))}
    out = run("explain", "Socialforvaltningen", "--data-dir", d)
    assert "b.txt" in out and "SOF" in out and "alias" in out and "also written" in out
    ex = json.loads(run("explain", "Socialforvaltningen", "--json", "--data-dir", d))
    # the forms one document used, merged while extracting, stay visible
    assert {m["document"]: m.get("written_as") for m in ex["mentions"]}["a.txt"] == ["SOF"]


def test_unknown_and_ambiguous_refs_fail_with_one_clear_line(loaded):
    result = CliRunner().invoke(cli, ["show", "no such thing", "--data-dir", str(loaded)])
    assert result.exit_code == 1 and "samspil search" in result.output
    result = CliRunner().invoke(cli, ["show", "BUF - V", "--data-dir", str(loaded)])
    assert result.exit_code == 1 and "candidates" in result.output


def test_forget_and_forget_person(loaded):
    d = str(loaded)
    # an id of the scheme before issue 12 (person:<e-mail>) still names her
    assert f"forgot {person_id_for('ah@sof.kk.dk')}" in run("forget-person", "person:ah@sof.kk.dk",
                                                             "--data-dir", d)
    assert "ah@sof.kk.dk" not in run("export", "--data-dir", d)
    run("forget", "c.txt", "--data-dir", d)
    plans = json.loads(run("plans", "--json", "--data-dir", d))
    assert [p["id"] for p in plans] == ["plan:mit-kvarter-2020-2023"]


def test_exports(loaded, tmp_path):
    d = str(loaded)
    data = json.loads(run("export", "--format", "node-link", "--data-dir", d))
    node = next(n for n in data["nodes"] if n["id"] == "org:boligforeningen-3b")
    assert {m["document"] for m in node["mentions"]} == {"a.txt", "b.txt", "c.txt"}
    assert any(link["key"] == "PARTY_TO" for link in data["links"])
    for fmt in ("graphml", "gexf"):
        out = tmp_path / f"g.{fmt}"
        run("export", "--format", fmt, "-o", str(out), "--data-dir", d)
        root = ET.parse(out).getroot()
        assert "boligforeningen-3b" in ET.tostring(root, encoding="unicode")
    rows = run("export", "--format", "csv", "--data-dir", d).splitlines()
    assert rows[0].startswith("record,id,label_or_type") and len(rows) > 20
    # a CSV file opens in Excel as UTF-8 (byte-order mark); stdout stays plain for pipes
    run("export", "--format", "csv", "-o", str(tmp_path / "g.csv"), "--data-dir", d)
    raw = (tmp_path / "g.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw[3:].decode("utf-8").splitlines() == rows


def test_a_bad_file_is_reported_and_the_rest_loaded(tmp_path):
    good = tmp_path / "ok.md"
    good.write_text("# Strategisk samarbejdsaftale\n\nOmrådets navn: Testkvarter\n", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(good), str(bad), "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert "bad.json" in result.output and "documents: 1 added" in result.output


def test_a_damaged_store_gives_one_clear_line(tmp_path):
    (tmp_path / "samspil.sqlite").write_bytes(b"garbage" * 500)
    result = CliRunner().invoke(cli, ["stats", "--data-dir", str(tmp_path)])
    assert result.exit_code == 1 and "not a readable samspil store" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", [["plans"], ["search", "kommune"], ["gaps"], ["brokers"]])
def test_an_empty_store_says_so_with_its_location(tmp_path, command):
    data = tmp_path / "empty-folder"
    data.mkdir()
    result = CliRunner().invoke(cli, [*command, "--data-dir", str(data)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "holds no documents yet" in result.stderr and str(data) in result.stderr
    assert result.stdout.strip().endswith("none")  # not an empty table frame


def test_no_match_is_said_and_a_loaded_store_gives_no_note(loaded):
    result = CliRunner().invoke(cli, ["search", "zzzz-no-such-name", "--data-dir", str(loaded)],
                                catch_exceptions=False)
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.strip().endswith("none")


@pytest.mark.parametrize("command", [["plans"], ["stats"], ["search", "kommune"], ["show", "x"], ["gaps"],
                                     ["overlaps"], ["brokers"], ["export", "--format", "csv"],
                                     ["viz", "gaps", "-o", "x.png"], ["serve", "--port", "0"]])
def test_a_store_folder_that_does_not_exist_is_refused(tmp_path, command, monkeypatch):
    """Trial 11, finding 10: a mistyped --data-dir made a new empty store and answered from it."""
    monkeypatch.chdir(tmp_path)
    data = tmp_path / "vejle-stor" / "x"
    result = CliRunner().invoke(cli, [*command, "--data-dir", str(data)], catch_exceptions=False)
    assert result.exit_code != 0
    assert f"no store at {data}: the folder does not exist" in result.output
    assert not (tmp_path / "vejle-stor").exists()        # nothing created


def test_the_env_variable_is_refused_alike(tmp_path, monkeypatch):
    monkeypatch.setenv("SAMSPIL_DATA_DIR", str(tmp_path / "nonexistent" / "x"))
    result = CliRunner().invoke(cli, ["stats"], catch_exceptions=False)
    assert result.exit_code == 1 and "no store at" in result.output
    assert not (tmp_path / "nonexistent").exists()


def test_load_into_a_new_folder_says_it_created_a_store(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("# Strategisk samarbejdsaftale\n\nOmrådets navn: Testkvarter\n", encoding="utf-8")
    data = tmp_path / "new-store"
    first = CliRunner().invoke(cli, ["load", str(good), "--data-dir", str(data)], catch_exceptions=False)
    assert first.exit_code == 0 and f"created a new store at {data / 'samspil.sqlite'}" in first.stderr
    again = CliRunner().invoke(cli, ["load", str(good), "--data-dir", str(data)], catch_exceptions=False)
    assert again.exit_code == 0 and "created a new store" not in again.output


def test_loading_many_files_into_a_new_store_writes_nothing_else_on_stderr(tmp_path):
    """Piped, `samspil load loaders/examples` (five files: the progress bar's turn) left an
    empty line on stderr after 'created a new store at ...': a bar that is not drawn (no
    terminal) must not print anything either."""
    from samspil.loaders.pipeline import bundled_examples

    data = tmp_path / "new-store"
    result = CliRunner().invoke(cli, ["load", str(bundled_examples()), "--data-dir", str(data)],
                                catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr == f"created a new store at {data / 'samspil.sqlite'}\n"
