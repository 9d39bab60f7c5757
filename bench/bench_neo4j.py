"""Benchmark of the Neo4j store (not a timed test): ``python bench/bench_neo4j.py``.

Saves the synthetic corpus (``--plans``, default 1,000: bench/synthetic.py) into an
empty Neo4j and reads it back, and says where the time goes: the per-document
report transactions, ``build_graph`` (resolution, in Python), the batched
``UNWIND ... MERGE`` writes of the graph (one transaction), and for ``load()`` the
two read queries versus building the networkx graph. Without ``--uri`` it starts the
test suite's embedded Neo4j 5.26 (tests/neo4j_server/, Java and Maven needed,
``--heap`` for its JVM); with ``--uri``/``--password`` it uses that server and
**wipes its database** (use a throw-away one, e.g. docker-compose's).
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import resource
import time
from collections import defaultdict
from pathlib import Path
from interpreter import describe as interpreter  # bench/interpreter.py

ROOT = Path(__file__).resolve().parents[1]
TIMES: dict[str, float] = defaultdict(float)


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def timed(key: str, fn):
    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[key] += time.perf_counter() - t
    return wrapper


def instrument() -> None:
    """Time the phases by wrapping the store module's own functions."""
    from samspil.graph import neo4j_store as ns
    ns.build_graph = timed("build_graph (resolution, Python)", ns.build_graph)
    ns.write_graph = timed("write the graph (UNWIND MERGE batches, one transaction)", ns.write_graph)
    ns.Neo4jStore._rebuild = timed("rebuild (read reports + build + write)", ns.Neo4jStore._rebuild)
    read = ns.Neo4jStore._read

    def _read(self, query, **params):
        key = ("read nodes" if query in (ns.READ_NODES, ns.READ_NODES_IN) else
               "read relationships" if query in (ns.READ_EDGES, ns.READ_EDGES_IN) else "other reads")
        return timed(key, read)(self, query, **params)
    ns.Neo4jStore._read = _read


def run(settings, plans: int, server=None) -> list[tuple[str, float, str]]:
    from samspil.graph.neo4j_store import Neo4jStore
    reports = _module("synthetic", ROOT / "bench" / "synthetic.py").generate_reports(plans)
    store = Neo4jStore(settings)
    _wipe(store)
    rows = []
    instrument()
    t = time.perf_counter()
    summary = store.save(reports)
    total = time.perf_counter() - t
    rebuild = TIMES["rebuild (read reports + build + write)"]
    rows.append((f"save {len(reports)} documents into an empty Neo4j", total,
                 f"{summary.nodes} nodes, {summary.edges} relationships"))
    rows.append(("  of which: one transaction per report", total - rebuild, ""))
    for key in ("build_graph (resolution, Python)",
                "write the graph (UNWIND MERGE batches, one transaction)"):
        rows.append((f"  of which: {key}", TIMES[key], ""))
    TIMES.clear()
    best = None
    for _ in range(3):
        TIMES.clear()
        t = time.perf_counter()
        g = store.load()
        wall = time.perf_counter() - t
        if best is None or wall < best[0]:
            best = (wall, dict(TIMES), g)
    wall, parts, g = best
    rows.append(("`load()` the whole graph (best of 3)", wall,
                 f"{len(g)} nodes, {g.g.number_of_edges()} relationships"))
    for key in ("read nodes", "read relationships"):
        rows.append((f"  of which: {key} (query + transfer)", parts.get(key, 0.0), ""))
    rows.append(("  of which: staleness check, networkx graph", wall - parts.get("read nodes", 0)
                 - parts.get("read relationships", 0), ""))
    t = time.perf_counter()
    again = store.save(reports)
    rows.append(("save the same documents again", time.perf_counter() - t,
                 f"{len(again.unchanged)} unchanged, no rebuild"))
    store.close()
    if server is not None:
        rows.append(("Neo4j JVM peak resident memory (MiB)", server.peak_rss_mib() or 0, "VmHWM"))
    rows.append(("this process: peak resident memory (MiB)",
                 resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "ru_maxrss"))
    return rows


def _wipe(store) -> None:
    with store.driver.session() as s:
        s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def main() -> None:
    from samspil.graph.settings import Settings
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--uri", help="an existing Neo4j 5 (its database is wiped)")
    ap.add_argument("--user", default="neo4j")
    ap.add_argument("--password")
    ap.add_argument("--heap", default="2g", help="heap of the started JVM (default 2g)")
    args = ap.parse_args()
    server = None
    if not args.uri:
        srv = _module("neo4j_server", ROOT / "tests" / "neo4j_server" / "server.py")
        # full JIT here (the test suite's JVM stops at C1, which starts faster)
        server = srv.Neo4jServer(heap=args.heap, jvm_options=("-XX:+UseParallelGC",
                                                              "-Dfile.encoding=UTF-8"))
        t = time.perf_counter()
        args.uri, args.password = server.start(), server.password
        print(f"started the embedded Neo4j 5.26 (-Xmx{args.heap}) in {time.perf_counter() - t:.1f} s")
    try:
        settings = Settings(store="neo4j", neo4j_uri=args.uri, neo4j_user=args.user,
                            neo4j_password=args.password)
        rows = run(settings, args.plans, server)
    finally:
        if server:
            server.stop()
    print(f"\nmachine: {platform.platform()}, {os.cpu_count()} cores, Python "
          f"{interpreter()}, load average {os.getloadavg()[0]:.1f}\n")
    print("| what | s (or MiB) | notes |\n|---|---|---|")
    for what, value, notes in rows:
        print(f"| {what} | {value:.2f} | {notes} |")


if __name__ == "__main__":
    main()
