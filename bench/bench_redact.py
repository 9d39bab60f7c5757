"""What hiding contact details and redacting names cost, in process, on a loaded store.

    python bench/bench_redact.py --data-dir DIR [--repeat 3]

On the store's graph (read once), per privacy setting (hidden: no e-mails or phones,
the API's default; redacted: ``--redact`` / ``SAMSPIL_API_REDACT``, also no names):
the API's snapshot (privatised names and indexes, :func:`samspil.api.snapshot.make_snapshot`),
the whole privatised graph views and analyses read (``Privatiser.graph``) and a
snapshot answering the details of 2,000 nodes (each privatised as it is served).
CPU seconds, the least of ``--repeat`` runs, and redacted / hidden. Goal: redaction
costs < 2x hiding.
"""
from __future__ import annotations

import argparse
import gc
import os
import random
import time
from pathlib import Path


def least(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
        gc.enable()
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from samspil.api.routes import detail
    from samspil.api.snapshot import make_snapshot
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store
    from samspil.viz.redact import Privatiser

    store = open_store(Settings(data_dir=args.data_dir))
    graph = store.load()
    nodes = random.Random(5).sample([n for n, _ in graph.nodes()], min(2000, graph.g.number_of_nodes()))
    print(f"# {graph.g.number_of_nodes():,} nodes, {graph.g.number_of_edges():,} relationships; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; CPU s, least of {args.repeat}")
    print(f"{'what':<44} {'hidden':>8} {'redacted':>9} {'ratio':>6}")
    rows = {
        "API snapshot (names, indexes)": lambda names: make_snapshot(
            graph, 1, Privatiser(graph, names=names)),
        "whole privatised graph (views, analyses)": lambda names: Privatiser(
            graph, names=names).graph(),
        "API snapshot + 2,000 details (node by node)": lambda names: [
            detail(s, n) for s in [make_snapshot(graph, 1, Privatiser(graph, names=names))]
            for n in nodes],
    }
    for what, fn in rows.items():
        hidden = least(lambda: fn(True), args.repeat)
        redacted = least(lambda: fn(False), args.repeat)
        print(f"{what:<44} {hidden:8.2f} {redacted:9.2f} {redacted / hidden:6.2f}")
    store.close()


if __name__ == "__main__":
    main()
