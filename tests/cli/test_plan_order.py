"""``samspil plans`` in a visible order (period start, undated last, then name), and an
area's timeline without the roles column only an organisation's timeline fills."""
from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from samspil.cli.main import cli
from samspil.loaders.pipeline import bundled_examples

UNDATED = ("Strategisk samarbejdsaftale for Aaparken\n\nAftalens parter:\nBoligselskabet Testbo\n"
           "Testby Kommune\n\nIndsatsområde: Tryghed og trivsel\n")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """The bundled agreements and an agreement without a period, loaded by ``samspil load``."""
    src = tmp_path_factory.mktemp("docs")
    for f in bundled_examples().glob("*.txt"):
        shutil.copy(f, src / f.name)
    (src / "aaparken.txt").write_text(UNDATED, encoding="utf-8")
    d = tmp_path_factory.mktemp("data")
    r = run("load", src, "--data-dir", d)
    assert r.exit_code == 0, r.output
    return d


def test_plans_are_listed_by_period_start_then_name_undated_last(data_dir):
    rows = json.loads(run("plans", "--json", "--data-dir", data_dir).stdout)
    starts = [r["period_start"] for r in rows]
    assert rows[-1]["name"] == "Aaparken" and starts[-1] is None   # no period: last, not first
    assert starts[:-1] == sorted(starts[:-1])
    same = [r["name"] for r in rows if r["period_start"] == "2017-01-01"]
    assert same == sorted(same, key=str.casefold) and len(same) == 2  # a tie: by name
    table = run("plans", "--data-dir", data_dir).stdout
    assert table.index("Rum for Liv") < table.index("Mit Kvarter") < table.index("Aaparken")
    assert "by the start of their period" in " ".join(run("plans", "--help").output.split())


def test_an_area_timeline_has_no_empty_roles_column(data_dir):
    area = run("timeline", "Valby", "--data-dir", data_dir).stdout
    head = next(ln for ln in area.splitlines() if "name" in ln and "period" in ln)
    assert "roles" not in head and "kept" in head
    org = run("timeline", "Boligforeningen 3B", "--data-dir", data_dir).stdout
    head = next(ln for ln in org.splitlines() if "name" in ln and "period" in ln)
    assert "roles" in head and re.search(r"\bparty\b", org)
    # JSON keeps its shape for programs
    rows = json.loads(run("timeline", "Valby", "--json", "--data-dir", data_dir).stdout)
    assert all(r["roles"] == [] for r in rows)
