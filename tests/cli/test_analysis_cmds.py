"""The analysis commands against the real SQLite store holding the five seeds."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from samspil.cli.main import cli
from samspil.graph.settings import Settings
from samspil.graph.store import open_store
from samspil.loaders.pipeline import bundled_examples, extract_file

COMMANDS = ["shared-partners", "overlaps", "gaps", "brokers", "partners-of", "compare",
            "timeline"]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("store")
    store = open_store(Settings(data_dir=path))
    store.save([extract_file(p) for p in sorted(bundled_examples().glob("*.txt"))])
    store.close()
    return str(path)


def run(*args: str):
    # rich wraps tables to COLUMNS (80 without a terminal); wide enough for file names
    result = CliRunner(env={"COLUMNS": "200"}).invoke(cli, list(args), catch_exceptions=False)
    return result


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_help(cmd):
    result = run(cmd, "--help")
    assert result.exit_code == 0, result.output
    assert "--json" in result.output and "--evidence" in result.output


def test_shared_partners_json_has_ids_names_and_evidence(data_dir):
    result = run("shared-partners", "Mit Kvarter", "SURF", "--json", "--data-dir", data_dir)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    names = {r["name"] for r in rows}
    assert {"Boligforeningen 3B", "PAB", "Københavns Kommune"} <= names
    assert all(r["id"] and r["evidence"] for r in rows)
    assert all(e["document"] and ("line" in e or "page" in e) for r in rows for e in r["evidence"])


def test_shared_partners_table_with_evidence(data_dir):
    result = run("shared-partners", "Mit Kvarter", "SURF", "--evidence", "--data-dir", data_dir)
    assert result.exit_code == 0, result.output
    assert "PAB" in result.output and "003_1fe8f10e134b8e04.txt" in result.output


def test_overlaps_csv_and_most_plans(data_dir):
    result = run("overlaps", "--csv", "--data-dir", data_dir)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    valby = [r for r in rows if {r["plan_a"], r["plan_b"]} == {"Mit Kvarter", "SURF Valby"}]
    assert len(valby) == 1 and int(valby[0]["shared"]) >= 3 and "PAB" in valby[0]["items"]
    result = run("overlaps", "--most-plans", "--json", "--data-dir", data_dir)
    top = json.loads(result.output)
    assert "Københavns Kommune" in {r["name"] for r in top if r["plan_count"] >= 2}


@pytest.mark.parametrize("by", ["target-groups", "activities", "zones"])
def test_overlaps_by_other_dimensions(data_dir, by):
    result = run("overlaps", "--by", by, "--json", "--data-dir", data_dir)
    assert result.exit_code == 0, result.output
    assert all(r["by"] == by and len(r["id"]) == 2 for r in json.loads(result.output))


def test_gaps_of_one_plan(data_dir):
    result = run("gaps", "SURF", "--kind", "stale_contact", "--today", "2026-11-26", "--json",
                 "--data-dir", data_dir)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and {r["plan"] for r in rows} == {"plan:surf-valby-2017-2020"}
    assert all("2020-12-31" in r["reason"] for r in rows)
    result = run("gaps", "SURF", "--kind", "stale_contact", "--today", "2026-11-26", "--csv",
                 "--data-dir", data_dir)
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and {r["plan"] for r in rows} == {"plan:surf-valby-2017-2020"}  # as in --json
    assert all(r["id"].startswith("person:") for r in rows)


def test_brokers_partners_of_compare_timeline(data_dir):
    for args in (["brokers"], ["brokers", "--communities"], ["partners-of", "PAB"],
                 ["compare", "SURF", "Mit Kvarter"], ["timeline", "PAB"]):
        result = run(*args, "--data-dir", data_dir)
        assert result.exit_code == 0, (args, result.output)
    result = run("compare", "Mit Kvarter", "SURF", "--aspect", "partners", "--json",
                 "--data-dir", data_dir)
    kept = {r["name"] for r in json.loads(result.output) if r["status"] == "kept"}
    assert {"Boligforeningen 3B", "PAB", "Københavns Kommune"} <= kept


def test_unknown_and_ambiguous_names_fail_with_candidates(data_dir):
    result = run("partners-of", "Nowhere Housing", "--data-dir", data_dir)
    assert result.exit_code != 0 and "no organisation matches" in result.output
    result = run("compare", "plan:", "SURF", "--data-dir", data_dir)
    assert result.exit_code != 0
    assert "candidates" in result.output and "plan:rum-for-liv-2013-2016" in result.output


def test_a_long_table_shows_the_first_rows_a_count_and_where_the_rest_are(data_dir):
    every = json.loads(run("gaps", "--json", "--data-dir", data_dir).output)
    assert len(every) > 40                       # the seeds have more gaps than a screen
    table = run("gaps", "--data-dir", data_dir)
    assert table.exit_code == 0, table.output
    last = table.output.strip().splitlines()[-1]
    assert last.startswith(f"the first 40 of {len(every):,} gaps (")
    kinds = {g["kind"] for g in every}
    assert all(f"{k}: " in last for k in kinds) and "--all" in last and "--csv" in last
    full = run("gaps", "--all", "--data-dir", data_dir)
    assert "the first 40" not in full.output
    assert len(full.output) > len(table.output)
    rows = list(csv.DictReader(io.StringIO(run("gaps", "--csv", "--data-dir", data_dir).output)))
    assert len(rows) == len(every)


def test_a_reader_that_stops_reading_is_no_failure(data_dir):
    """`samspil gaps --all | head` under `set -o pipefail`: the reader closing the pipe is
    not an error of samspil's (click exits 1 on EPIPE): exit 0, nothing on stderr."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "from samspil.cli.main import cli; cli()",
                             "gaps", "--all", "--data-dir", str(data_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()   # the reader is gone before the first line is written
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and err == b""


def test_gaps_in_a_100_column_terminal_wraps_words_whole(data_dir):
    """A text column is never narrower than its longest word: `samspil gaps` in a
    100-column terminal printed "konflikthåndterin" / "g"."""
    import re

    gaps = json.loads(run("gaps", "--all", "--json", "--data-dir", data_dir).output)
    words = {w for g in gaps for w in re.findall(r"[^\W\d_]+", g["name"]) if len(w) <= 24}
    result = CliRunner(env={"COLUMNS": "100", "FORCE_COLOR": "1"}).invoke(
        cli, ["gaps", "--all", "--data-dir", data_dir], catch_exceptions=False)
    printed = set(re.findall(r"[^\W\d_]+", re.sub(r"\x1b\[[0-9;]*m", "", result.output)))
    assert "konflikthåndtering" in words
    assert words <= printed, sorted(words - printed)[:5]
