"""What a newcomer tripped on, on a real store: empty folders, misspelt plan names,
``explain --csv``, the gaps CSV speaking the JSON's field names."""
from __future__ import annotations

import csv
import io
import json
import shlex

import pytest
from click.testing import CliRunner

from samspil.cli.main import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize("command", ["load", "extract"])
def test_a_folder_without_agreements_is_an_error(tmp_path, command):
    (tmp_path / "notes.odt").write_text("not an agreement")
    extra = ["--data-dir", tmp_path / "data"] if command == "load" else []
    r = run(command, tmp_path, *extra)
    assert r.exit_code == 1
    assert f"{tmp_path}: no agreements found" in r.output and ".docx" in r.output


def test_a_misspelt_plan_gets_the_closest_names_and_a_command_that_runs(store_dir):
    r = run("gaps", "Mit Kvarterr", "--data-dir", store_dir)
    assert r.exit_code != 0 and "did you mean 'Mit Kvarter'" in r.output
    cmd = r.output.split("try `", 1)[1].split("`", 1)[0]
    assert shlex.split(cmd) == ["samspil", "search", "Mit Kvarterr"]   # quoted: runs as pasted
    r = run("shared-partners", "Amager planen", "SURF", "--data-dir", store_dir)
    assert "did you mean 'Amagerplanen'" in r.output


def test_explain_csv(store_dir):
    r = run("explain", "Boligforeningen 3B", "--csv", "--data-dir", store_dir)
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert {row["id"] for row in rows} == {"org:boligforeningen-3b"}
    assert len({row["document"] for row in rows}) == 4 and all(row["rule"] for row in rows)


def test_gaps_csv_and_json_have_the_same_fields(store_dir):
    as_json = json.loads(run("gaps", "--json", "--data-dir", store_dir).output)
    rows = list(csv.DictReader(io.StringIO(run("gaps", "--csv", "--data-dir", store_dir).output)))
    assert len(rows) == len(as_json) > 10
    assert set(rows[0]) == set(as_json[0]) - {"evidence"}
    assert [(r["kind"], r["plan"], r["id"]) for r in rows] == \
        [(g["kind"], g["plan"], g["id"]) for g in as_json]
