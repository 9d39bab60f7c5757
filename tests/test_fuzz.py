"""A few hundred fuzzed inputs through the readers, the extraction and report loading
(scripts/fuzz.py; its long run takes 10,000): every one is extracted, stored, or refused
with a samspil error that names the file and the reason - never an uncaught exception."""
from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_fuzz():
    spec = importlib.util.spec_from_file_location("samspil_scripts_fuzz", ROOT / "scripts" / "fuzz.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod           # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_fuzzed_inputs_never_raise_uncaught(tmp_path: Path) -> None:
    logging.disable(logging.WARNING)
    try:
        tally = load_fuzz().run(200, seed=14, keep=tmp_path / "failing", window=10)
    finally:
        logging.disable(logging.NOTSET)
    assert tally.inputs == 200
    assert set(tally.by_format) == {"txt", "md", "docx", "pdf", "json"}
    assert not tally.failures, "\n".join(tally.failures[:5])
    refused = sum(n for k, n in tally.outcomes.items() if k.startswith("refused"))
    assert refused and tally.outcomes["extracted"], tally.outcomes
