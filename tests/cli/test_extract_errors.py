"""`samspil extract` with bad files: one clear line each, the good ones still extracted."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from samspil.cli.main import cli
from samspil.loaders.pipeline import bundled_examples

SEED = bundled_examples() / "002_9a46c293956cd688.txt"


@pytest.fixture
def batch(tmp_path: Path) -> dict[str, Path]:
    files = {
        "good": tmp_path / "good.txt",
        "bad_pdf": tmp_path / "bad.pdf",
        "empty": tmp_path / "empty.txt",
        "broken_docx": tmp_path / "broken.docx",
        "truncated": tmp_path / "truncated.pdf",
        "legacy": tmp_path / "legacy.txt",
        "unsupported": tmp_path / "aftale.rtf",
    }
    shutil.copy(SEED, files["good"])
    files["bad_pdf"].write_bytes(os.urandom(2048))
    files["empty"].write_bytes(b"")
    files["broken_docx"].write_bytes(b"PK\x03\x04 not really a zip")
    files["truncated"].write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    files["legacy"].write_bytes(SEED.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    files["unsupported"].write_bytes(b"{\\rtf1 Aftalens parter}")
    return files


REASONS = {
    "bad_pdf": "not a readable PDF",
    "empty": "empty",
    "broken_docx": "not a readable .docx",
    "truncated": "not a readable PDF",
    "unsupported": "unsupported file type '.rtf'",
}


def test_bad_files_get_one_line_each_and_good_ones_are_extracted(batch: dict[str, Path]) -> None:
    missing = batch["good"].parent / "missing.txt"
    args = ["extract", *map(str, batch.values()), str(missing)]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == len(REASONS) + 1, result.stderr
    for key, reason in REASONS.items():
        [line] = [ln for ln in errors if str(batch[key]) in ln]
        assert reason in line, line
    assert any(str(missing) in ln and "no such file" in ln for ln in errors)
    # both good files were extracted; the legacy one says how it was read
    assert result.stdout.count("  plan:") == 2, result.stdout
    assert "good.txt" in result.stdout and "legacy.txt" in result.stdout
    assert "cp1252" in result.output


def test_all_good_exits_zero(batch: dict[str, Path]) -> None:
    result = CliRunner().invoke(cli, ["extract", str(batch["good"])], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_real_console_script(batch: dict[str, Path]) -> None:
    # the script pip installed next to this interpreter (CI runs .venv/bin/pytest
    # without activating the venv, so it need not be on PATH)
    beside = Path(sys.executable).parent / "samspil"
    exe = str(beside) if beside.exists() else shutil.which("samspil")
    if exe is None:
        pytest.skip("the samspil console script is not installed (pip install -e .)")
    proc = subprocess.run([exe, "extract", str(batch["good"]), str(batch["bad_pdf"]),
                           str(batch["empty"])], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr + proc.stdout
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2, proc.stderr
    assert str(batch["bad_pdf"]) in errors[0] and "not a readable PDF" in errors[0]
    assert str(batch["empty"]) in errors[1] and "empty" in errors[1]
    assert "good.txt" in proc.stdout and "  plan:" in proc.stdout


def test_a_folder_with_word_97_files_says_what_it_skipped_and_counts_failures(tmp_path):
    """New-user trial (session 12): a .doc in a folder was passed over without a word, a
    folder of only .doc/.rtf files said just 'no agreements found', and the load summary did
    not count the files that failed. Now each skipped file is named with what to do, and the
    summary says how many failed."""
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    shutil.copy(SEED, mixed / "god.txt")
    (mixed / "gammel.doc").write_bytes(b"\xd0\xcf\x11\xe0 Word 97")
    (mixed / "ødelagt.pdf").write_bytes(b"%PDF-1.7 broken")
    runner = CliRunner()
    out = runner.invoke(cli, ["load", "--data-dir", str(tmp_path / "store"), str(mixed)])
    assert out.exit_code == 1
    assert "gammel.doc: skipped" in out.output and "save it as .docx" in out.output
    assert "1 added" in out.output and "1 failed" in out.output
    only = tmp_path / "only"
    only.mkdir()
    (only / "aftale.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (only / "plan.rtf").write_bytes(b"{\\rtf1 x}")
    out = runner.invoke(cli, ["load", "--data-dir", str(tmp_path / "store"), str(only)])
    assert out.exit_code == 1
    assert "aftale.doc, plan.rtf" in out.output and "save them as .docx" in out.output
    out = runner.invoke(cli, ["extract", str(only / "aftale.doc")])
    assert out.exit_code == 1 and "save it as .docx" in out.output
