"""Session 22's new-user trial (set R's twelve municipalities, the seeds, bad files), the
command line's part.

* An ambiguous name listed its candidates as "org:sundhedsplejen/01-broendby-nord-strategisk
  (Sundhedsplejen)": eight lines alike but for a hash of a file name. Now each candidate is
  its name and where it belongs (municipality and plan, as `samspil search` says it; a
  plan: municipality, period and document), its id on the line under it.
* `samspil load` of a bad file into a new store created the store (folder, database and
  lock) and said "created a new store", with nothing in it; later commands then read
  that empty store instead of saying that none exists.
* A 15 MB text loaded for 42-77 s with nothing on the screen.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from samspil.cli.main import cli

BLIND_R = Path(__file__).parents[1] / "fixtures" / "blind_r"
DOCS = [BLIND_R / "docs" / f for f in ("01_broendby_nord_strategisk.txt",
                                       "04_mariagerfjord_hadsund_helhedsplan_2013.txt",
                                       "07_hilleroed_trollesminde_web.txt",
                                       "08_halsnaes_hundested_pdf.txt")] + [
        BLIND_R / "formats" / "08_halsnaes_hundested_pdf.pdf"]


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    d = tmp_path_factory.mktemp("blind-r")
    r = run("load", "--data-dir", d, *DOCS)
    assert r.exit_code == 0, r.output
    return d


def _candidates(output: str) -> list[tuple[str, str]]:
    """(the line naming a candidate, its id) per candidate."""
    lines = [line.strip() for line in output.splitlines()]
    return [(lines[i - 1], line[4:]) for i, line in enumerate(lines) if line.startswith("id: ")]


@pytest.mark.parametrize("args", [("partners-of", "Sundhedsplejen"), ("show", "Sundhedsplejen"),
                                  ("timeline", "Sundhedsplejen", "--as", "organisation")])
def test_an_ambiguous_organisation_lists_where_each_belongs(data, args):
    r = run(*args, "--data-dir", data)
    assert r.exit_code == 1
    cands = dict(_candidates(r.output))
    assert len(cands) == 4, r.output
    assert cands["- Sundhedsplejen (Brøndby Kommune · in Nordlyset)"] == \
        "org:sundhedsplejen/01-broendby-nord-strategisk"
    assert cands["- Sundhedsplejen (Mariagerfjord Kommune · in Fjordlys)"] == \
        "org:sundhedsplejen/04-mariagerfjord-hadsund-helhedsplan-2013"
    assert cands["- Sundhedsplejen (Hillerød Kommune · in Solskiftet)"] == \
        "org:sundhedsplejen/07-hilleroed-trollesminde-web"
    # the id given as the candidate says works
    r = run(args[0], "org:sundhedsplejen/01-broendby-nord-strategisk", *args[2:], "--data-dir", data)
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("args", [("shared-partners", "Hundested", "Fjordlys"),
                                  ("compare", "Hundested", "Fjordlys"), ("gaps", "Hundested")])
def test_an_ambiguous_plan_lists_municipality_period_and_document(data, args):
    r = run(*args, "--data-dir", data)
    assert r.exit_code == 1
    told = [line for line, _id in _candidates(r.output)]
    assert len(told) == 2, r.output
    assert all("Halsnæs Kommune · 2017–2021" in t for t in told), told
    assert any(t.endswith("· 08_halsnaes_hundested_pdf.txt)") for t in told), told
    assert any(t.endswith("· 08_halsnaes_hundested_pdf.pdf)") for t in told), told


def test_a_load_that_stores_nothing_creates_no_store(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    broken = tmp_path / "broken.docx"
    broken.write_bytes((BLIND_R / "formats" / "09_toender_skaerbaek_strategisk_word.docx").read_bytes()[:3000])
    store = tmp_path / "new-store"
    r = run("load", "--data-dir", store, empty, broken)
    assert r.exit_code == 1
    assert f"{empty}: the file is empty" in r.output and f"{broken}: not a readable .docx" in r.output
    assert "nothing was stored, and no store was created" in r.output
    assert "created a new store" not in r.output
    assert not store.exists()
    # a reading command still says that there is no store, not that it is empty
    r = run("plans", "--data-dir", store)
    assert r.exit_code != 0 and "does not exist" in r.output, r.output
    # one good file among them: the store is made, the good one stored, the exit still 1
    r = run("load", "--data-dir", store, empty, DOCS[0], broken)
    assert r.exit_code == 1 and "created a new store" in r.output
    assert "documents: 1 added" in r.output and (store / "samspil.sqlite").exists()


def test_a_large_file_is_announced_while_it_is_read(tmp_path):
    text = DOCS[0].read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(text * (1_050_000 // len(text.encode()) + 1), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text(text, encoding="utf-8")
    p = subprocess.run([sys.executable, "-c", "from samspil.cli.main import cli; cli()", "load",
                        "--data-dir", str(tmp_path / "store"), str(small), str(big)],
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    size = big.stat().st_size / 1e6
    lines = p.stderr.splitlines()
    assert f"reading {big} ({size:.1f} MB): a large file takes a while ..." in lines, p.stderr
    assert any(line.startswith(f"read {big} in ") and line.endswith(" s") for line in lines), p.stderr
    assert not any(str(small) in line for line in lines)    # a small one is not announced
