"""``samspil explore``'s loading step: agreements into the store, one summary line."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from samspil.loaders.pipeline import bundled_examples, extract_paths

__all__ = ["load_into", "others_in"]


def others_in(store: Any, paths: Sequence[str | Path] = ()) -> list[str]:
    """Documents in ``store`` that are not among ``paths`` (default: the bundled seeds),
    compared by file name: what ``samspil explore`` would otherwise mix in."""
    from samspil.loaders.pipeline import expand_paths

    wanted = {p.name for p in expand_paths(list(paths) or [bundled_examples()])}
    return sorted(d.id for d in store.documents() if d.id not in wanted)


def load_into(store: Any, paths: Sequence[str | Path] = ()) -> str:
    """Extract ``paths`` (default: the bundled seed agreements) and save them in ``store``;
    a summary line, then a line per unreadable file and per warning."""
    results = list(extract_paths(list(paths) or [bundled_examples()]))
    reports = [r.report for r in results if r.ok]
    summary = store.save(reports) if reports else None
    lines = [f"loaded {len(reports)} agreement(s)" + (
        f" ({len(summary.added)} new, {len(summary.replaced)} changed, "
        f"{len(summary.unchanged)} unchanged; graph: {summary.nodes} nodes, {summary.edges} links)"
        if summary else "")]
    lines += [f"  could not read {r.path}: {r.error}" for r in results if not r.ok]
    # what an agreement always names and no rule found, as `samspil load` prints it: a
    # newcomer otherwise finds out from an empty row in the gaps view
    lines += [f"  warning: {r.path}: {w}" for r in results if r.ok for w in r.report.warnings]
    return "\n".join(lines)
