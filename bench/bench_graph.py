"""Benchmarks of the graph store (not timed tests): run ``python bench/bench_graph.py``.

Each scenario runs in a fresh child process, so its peak memory (ru_maxrss) is
its own. Prints a Markdown table (wall and CPU seconds, peak MiB) and the
machine it ran on. ``--plans N`` changes the synthetic corpus size (default 1000).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from interpreter import describe as interpreter  # bench/interpreter.py

HERE = Path(__file__).resolve().parent


def _synthetic():
    import importlib.util
    spec = importlib.util.spec_from_file_location("synthetic", HERE / "synthetic.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class Clock:
    def __enter__(self) -> "Clock":
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def scenario(name: str, store_dir: Path, plans: int) -> dict:
    from samspil.graph.sqlite_store import SqliteStore

    path = store_dir / "samspil.sqlite"
    out: dict = {"scenario": name}
    if name == "seeds":
        from samspil.loaders.pipeline import bundled_examples, extract_paths
        with Clock() as c1:
            reports = [r.report for r in extract_paths([bundled_examples()])]
        with Clock() as c2, SqliteStore(path) as store:
            s = store.save(reports)
        out.update(extract_s=c1.wall, save_s=c2.wall, save_cpu_s=c2.cpu, nodes=s.nodes, edges=s.edges)
    elif name == "synthetic-save":
        reports = _synthetic().generate_reports(plans)
        with Clock() as c, SqliteStore(path) as store:
            s = store.save(reports)
        out.update(documents=len(reports), save_s=c.wall, save_cpu_s=c.cpu, nodes=s.nodes,
                   edges=s.edges, file_mib=path.stat().st_size / 2**20)
    elif name == "reopen":
        with Clock() as c:
            store = SqliteStore(path)
        store.close()
        out.update(reopen_s=c.wall)
    elif name == "load":
        store = SqliteStore(path)
        best = None
        for _ in range(3):
            with Clock() as c:
                g = store.load()
            best = c if best is None or c.wall < best.wall else best
        out.update(load_s=best.wall, load_cpu_s=best.cpu, nodes=len(g), edges=g.g.number_of_edges())
    elif name == "resave-unchanged":
        reports = _synthetic().generate_reports(plans)
        with Clock() as c, SqliteStore(path) as store:
            s = store.save(reports)
        out.update(save_s=c.wall, unchanged=len(s.unchanged))
    elif name == "add-one":
        extra = _synthetic().generate_reports(plans + 1, seed=99)[-1]
        extra.document = "one-more.txt"
        with Clock() as c, SqliteStore(path) as store:
            store.save([extra])
        out.update(save_s=c.wall, save_cpu_s=c.cpu)
    out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--scenario")
    ap.add_argument("--dir")
    args = ap.parse_args()
    if args.scenario:
        print(json.dumps(scenario(args.scenario, Path(args.dir), args.plans)))
        return
    rows = []
    with tempfile.TemporaryDirectory() as seeds_dir, tempfile.TemporaryDirectory() as syn_dir:
        plan = [("seeds", seeds_dir)] + [(s, syn_dir) for s in
                                         ("synthetic-save", "reopen", "load", "resave-unchanged",
                                          "add-one", "load")]
        for name, folder in plan:
            res = subprocess.run([sys.executable, __file__, "--scenario", name, "--dir", folder,
                                  "--plans", str(args.plans)], capture_output=True, text=True,
                                 check=True)
            rows.append(json.loads(res.stdout.strip().splitlines()[-1]))
            print(json.dumps(rows[-1]), file=sys.stderr)
    print(f"\nmachine: {platform.platform()}, {os.cpu_count()} cores, Python "
          f"{interpreter()}, load average {os.getloadavg()[0]:.1f}\n")
    print("| scenario | wall s | CPU s | peak MiB | notes |\n|---|---|---|---|---|")
    for r in rows:
        wall = r.get("save_s") or r.get("load_s") or r.get("reopen_s") or 0
        cpu = r.get("save_cpu_s") or r.get("load_cpu_s") or 0
        notes = ", ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                          for k, v in r.items() if k not in ("scenario", "save_s", "load_s",
                                                              "reopen_s", "save_cpu_s",
                                                              "load_cpu_s", "peak_mib"))
        print(f"| {r['scenario']} | {wall:.3f} | {cpu:.2f} | {r['peak_mib']:.0f} | {notes} |")


if __name__ == "__main__":
    main()
