"""Score extraction on the blind set of made-up agreements (tests/fixtures/blind) with
the reference scorer in ../shared/eval, as written and with their line breaks lost.

The floors sit below what the code scored when the set was added (session 7: mean
0.89 as written, 0.85 flat; the lowest document 0.78), so a rule that helps one
layout but breaks another shows here.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from samspil.loaders import extract_file

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "blind"
SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"
needs_scorer = pytest.mark.skipif(not SCORER.exists(), reason=f"no reference scorer at {SCORER}")
FLOORS = {"docs": (0.85, 0.70), "flat": (0.80, 0.65)}  # (mean, each document)


@needs_scorer
@pytest.mark.parametrize("variant", sorted(FLOORS))
def test_blind_set_scores_above_its_floors(tmp_path, variant):
    pred = tmp_path / "pred"
    pred.mkdir()
    sources = sorted((BLIND / variant).iterdir())
    assert len(sources) == 14
    for src in sources:
        report = extract_file(src)
        (pred / f"{src.stem}.json").write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), "--gold-dir", str(BLIND / "gold"), "--pred-dir", str(pred),
                          "--json"], capture_output=True, text=True, check=True)
    docs = json.loads(out.stdout)["documents"]
    scores = {d["document"]: d["headline_f1"] for d in docs}
    mean_floor, each_floor = FLOORS[variant]
    assert sum(scores.values()) / len(scores) >= mean_floor, scores
    assert min(scores.values()) >= each_floor, scores
