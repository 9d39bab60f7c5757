"""Two people of one name ("Anne Holm" in Løget By, Vejle, and twice in Engparken,
Randers: three persons) on the command line: what tells them apart is shown, on real
files and the real embedded store."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from samspil.cli.main import cli

LAYOUTS = Path(__file__).resolve().parent.parent / "fixtures" / "layouts"
DOCS = ["randers_party_roles.txt", "vejle_person_first.txt", "randers_delaftale_oneline.txt"]


def run(*args):
    return CliRunner(env={"COLUMNS": "200"}).invoke(cli, [str(a) for a in args],
                                                    catch_exceptions=False)


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    d = tmp_path_factory.mktemp("anne-holm")
    r = run("load", *[LAYOUTS / f for f in DOCS], "--data-dir", d)
    assert r.exit_code == 0, r.output
    return d


def _candidates(output: str) -> list[str]:
    """'<id>  <name (where it belongs)>' per candidate (listed as '- name (context)' over
    'id: <id>')."""
    lines = [line.strip() for line in output.splitlines()]
    return [f"{line[4:]}  {lines[i - 1]}" for i, line in enumerate(lines)
            if line.startswith("id: person:")]


def test_show_tells_apart_the_persons_of_one_name(data):
    """Before: three candidates 'person:...  (Anne Holm)', the same but for the hash."""
    r = run("show", "Anne Holm", "--data-dir", data)
    assert r.exit_code == 1
    cands = _candidates(r.output)
    assert len(cands) == 3
    told = [c.split("  ", 1)[1] for c in cands]
    assert len(set(told)) == 3, told
    assert any("Afdelingsleder at UU Randers" in c and "contact for Engparken" in c
               and "@randers.dk" in c for c in told), told
    assert any("Jobcenter Vejle" in c and "contact for Løget By" in c for c in told), told
    assert any("@fjord-bolig.dk" in c for c in told), told
    # a candidate's id shows the one person
    pid = cands[0].split()[0]
    r = run("show", pid, "--data-dir", data)
    assert r.exit_code == 0 and "Anne Holm" in r.output


def test_explain_and_forget_person_tell_them_apart_too(data):
    for args in (("explain", "Anne"), ("forget-person", "Anne Holm")):
        r = run(*args, "--data-dir", data)
        assert r.exit_code == 1
        told = [c.split("  ", 1)[1] for c in _candidates(r.output)]
        assert len(told) == 3 and len(set(told)) == 3, (args, r.output)


def test_search_adds_what_tells_persons_of_one_name_apart(data):
    r = run("search", "Anne Holm", "--data-dir", data, "--csv")
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert lines[0] == "id,label,name,matched,about,context"     # context: session 20
    abouts = [row["about"] for row in csv.DictReader(io.StringIO(r.output))]
    assert len(abouts) == 3 and len(set(abouts)) == 3 and all(abouts)
    # a search without two of one name keeps its columns
    r = run("search", "Engparken", "--data-dir", data, "--csv")
    assert r.output.splitlines()[0] == "id,label,name,matched,context"
