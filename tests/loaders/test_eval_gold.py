"""Score extraction against the reference annotations in ../shared/eval (when present).

The annotations live outside the repository (they are shared read-only
material); CI clones the repository next to them. Without them the test is
skipped and says so.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from samspil.loaders import bundled_examples, extract_file

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"


@pytest.mark.skipif(not (EVAL / "score.py").exists(), reason=f"no reference annotations at {EVAL}")
def test_headline_f1_and_contact_accuracy_on_annotated_seeds(tmp_path):
    for gold in sorted((EVAL / "gold").glob("*.json")):
        report = extract_file(bundled_examples() / f"{gold.stem}.txt")
        (tmp_path / gold.name).write_text(json.dumps(report.to_dict(), ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold-dir", str(EVAL / "gold"),
                          "--pred-dir", str(tmp_path), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)
    docs = scores["documents"] if "documents" in scores else scores
    for name, doc in (docs.items() if isinstance(docs, dict) else ((d["document"], d) for d in docs)):
        assert doc["headline_f1"] >= 0.85, (name, doc["headline_f1"])
        attrs = doc["kinds"]["contact_attributes"]
        for field in ("email", "phone"):
            if attrs.get(field) is not None:
                assert attrs[field] >= 0.95, (name, field, attrs[field])
