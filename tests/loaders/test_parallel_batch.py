"""A batch extracted by worker processes (``--jobs``) gives what one process gives."""
from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

from samspil.loaders.errors import CorruptDocument
from samspil.loaders.limits import LimitExceeded, Limits
from samspil.loaders.pipeline import auto_jobs, bundled_examples, extract_paths


def _batch(tmp_path: Path) -> Path:
    for p in sorted(bundled_examples().glob("*.txt"))[:3]:
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "long.txt").write_text("Aftalens parter: Randers Kommune\n" * 12_000, encoding="utf-8")
    return tmp_path


def _outcome(results) -> list:
    return [(r.path.name, r.report.to_dict() if r.ok else (type(r.error).__name__, str(r.error)))
            for r in results]


def test_workers_give_the_same_reports_errors_and_order(tmp_path: Path) -> None:
    folder = _batch(tmp_path)
    limits = Limits(max_chars=300_000)  # long.txt (396,000) is over it: a limit error from a worker
    alone = _outcome(extract_paths([folder], limits, jobs=1))
    workers = _outcome(extract_paths([folder], limits, jobs=2))
    assert workers == alone
    errors = dict((name, out) for name, out in workers if isinstance(out, tuple))
    assert errors["broken.pdf"][0] == "CorruptDocument" and "broken.pdf" in errors["broken.pdf"][1]
    assert errors["long.txt"][0] == "LimitExceeded" and "max_chars" in errors["long.txt"][1]
    assert len(workers) - len(errors) == 3


def test_errors_survive_the_trip_between_processes() -> None:
    exc = LimitExceeded("the text is too long", limit="max_chars", document="a.txt", line=3)
    back = pickle.loads(pickle.dumps(exc))
    assert (type(back), back.limit, back.document, back.line, str(back)) == \
        (LimitExceeded, "max_chars", "a.txt", 3, str(exc))
    page = pickle.loads(pickle.dumps(CorruptDocument("bad", document="b.pdf", page=2)))
    assert str(page) == "b.pdf (page 2): bad"


def test_small_batches_stay_in_process(tmp_path: Path) -> None:
    files = sorted(bundled_examples().glob("*.txt"))
    assert auto_jobs(files) == 1  # 0.5 MB: starting workers would cost more than it saves
    assert auto_jobs(files[:1]) == 1
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (4 * 1024 * 1024))
    import os
    cores = len(os.sched_getaffinity(0))
    assert auto_jobs([big, files[0]]) == min(cores, 2)


def test_cli_load_with_jobs_reports_the_bad_file_and_loads_the_rest(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    folder = _batch(tmp_path / "docs")
    samspil = Path(sys.executable).with_name("samspil")
    run = subprocess.run([str(samspil), "load", str(folder), "--jobs", "2", "--data-dir", str(tmp_path / "d")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1
    assert "broken.pdf: not a readable PDF" in run.stderr
    assert "documents: 4 added" in run.stdout  # the seeds and long.txt
