"""What a newcomer met trying samspil on twelve municipalities' agreements (session 20)."""
from __future__ import annotations

from samspil.api.explore import load_into
from samspil.graph.settings import Settings
from samspil.graph.store import open_store


def test_explore_says_what_load_warns_about(tmp_path):
    """`samspil explore PATH` printed one summary line where `samspil load` warns that a
    document has no activities (its plan is then a blank row in the gaps view): a newcomer
    learnt it from the picture. Now the same warnings follow the summary."""
    doc = tmp_path / "kun-parter.txt"
    doc.write_text("Strategisk samarbejdsaftale\nAftalens parter: Randers Kommune og "
                   "Boligselskabet Randersbo\n", encoding="utf-8")
    store = open_store(Settings(data_dir=tmp_path / "store"))
    try:
        said = load_into(store, [doc]).splitlines()
    finally:
        store.close()
    assert said[0].startswith("loaded 1 agreement(s)")
    assert any(line.startswith(f"  warning: {doc}: found no") for line in said[1:]), said
