"""A plan named by its municipality's word ("samspil gaps Samsø"; a new user's trial, session 16):
the gaps command resolved plans against the plans' names only and said "no plan matches
'Samsø'", where the README promises that a municipality's or area's words find a plan (and
`shared-partners` did find it)."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from samspil.cli.main import cli

BLIND_M = Path(__file__).parents[1] / "fixtures" / "blind_m" / "docs"


def test_gaps_of_a_plan_named_by_its_municipality(tmp_path):
    runner = CliRunner()
    docs = [BLIND_M / "08_samsoe_tranebjerg_beboerblad.txt", BLIND_M / "09_fanoe_nordby_csv.txt"]
    assert runner.invoke(cli, ["load", "--data-dir", str(tmp_path), *map(str, docs)]).exit_code == 0
    plans = json.loads(runner.invoke(cli, ["plans", "--data-dir", str(tmp_path), "--json"]).output)
    by_municipality = {p["municipality"]: p["id"] for p in plans}
    assert set(by_municipality) == {"Samsø Kommune", "Fanø Kommune"}
    for word in ("Samsø", "Fanø"):
        result = runner.invoke(cli, ["gaps", "--data-dir", str(tmp_path), word, "--json"])
        assert result.exit_code == 0, result.output
        gaps = json.loads(result.output)
        assert gaps and {g["plan"] for g in gaps} == {by_municipality[f"{word} Kommune"]}
    missing = runner.invoke(cli, ["gaps", "--data-dir", str(tmp_path), "Vallensbæk"])
    assert missing.exit_code != 0 and "no plan matches 'Vallensbæk'" in missing.output
