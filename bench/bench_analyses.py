"""Benchmark the cross-plan analyses on the synthetic corpus (not a test).

    python bench/bench_analyses.py                 # 1,000 plans
    python bench/bench_analyses.py --plans 1000 3000 10000

For each size: generate the reports (bench/synthetic.py), build the graph once,
then time shared partners of two plans (by name, so name resolution counts),
the full overlap matrix per dimension, gaps for all plans, brokers (sampled
betweenness, k=200, seed 0) and communities. Goals on a 2-core machine:
shared partners < 50 ms, overlap matrix and all gaps < 5 s each, brokers < 10 s.
"""
from __future__ import annotations

import argparse
import os
import importlib.util
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from samspil.graph import analyses as an
from samspil.graph.build import build_graph
from samspil.graph.model import PartnershipGraph, node_id
from interpreter import describe as interpreter  # bench/interpreter.py

_spec = importlib.util.spec_from_file_location("synthetic",
                                               Path(__file__).with_name("synthetic.py"))
synthetic = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(synthetic)  # type: ignore[union-attr]


def timed(fn: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    """Median wall time in seconds over ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def direct_graph(reports: list) -> PartnershipGraph:
    """A graph straight from the synthetic reports, without entity resolution (ids from
    names): for sizes where build_graph takes too long. Same labels and relationships."""
    g = PartnershipGraph()

    def src(x: Any) -> list[dict[str, Any]]:
        return [s.to_dict() for s in x.sources]

    for r in reports:
        p = r.plan
        pid = node_id("Plan", f"{p.name}-{(p.period_start or '')[:4]}")
        g.add_node(pid, "Plan", p.name, period_start=p.period_start, period_end=p.period_end,
                   area=p.area, document_type="strategic_agreement", sources=src(p))
        for o in r.organisations:
            oid = node_id("Organisation", o.name)
            g.add_node(oid, "Organisation", o.name, type=o.type, aliases=o.aliases)
            g.add_edge(oid, pid, "PARTY_TO" if o.is_party else "PARTNER_IN", sources=src(o))
            if o.parent:
                g.add_node(node_id("Organisation", o.parent), "Organisation", o.parent)
                g.add_edge(oid, node_id("Organisation", o.parent), "UNIT_OF")
        for z in r.zones:
            g.add_node(node_id("Zone", z.name), "Zone", z.name, type=z.type)
            g.add_edge(pid, node_id("Zone", z.name), "COVERS", sources=src(z))
        for f in r.focus_areas:
            g.add_node(node_id("FocusArea", f.name), "FocusArea", f.name)
            g.add_edge(pid, node_id("FocusArea", f.name), "HAS_FOCUS_AREA", sources=src(f))
        for t in r.target_groups:
            g.add_node(node_id("TargetGroup", t.category), "TargetGroup", t.category)
            g.add_edge(pid, node_id("TargetGroup", t.category), "ADDRESSES", sources=src(t),
                       phrases=t.phrases)
        _add_activities(g, pid, r.activities, src)
        for c in r.contacts:
            cid = node_id("Person", c.name)
            g.add_node(cid, "Person", c.name, email=c.email, phone=c.phone)
            g.add_edge(cid, pid, "CONTACT_FOR", sources=src(c))
            if c.organisation:
                g.add_edge(cid, node_id("Organisation", c.organisation), "WORKS_AT")
    return g


def _add_activities(g: PartnershipGraph, pid: str, activities: list, src: Callable) -> None:
    for a in activities:
        aid = node_id("Activity", pid[5:], a.name)
        g.add_node(aid, "Activity", a.name, plan=pid, sources=src(a))
        g.add_edge(pid, aid, "HAS_ACTIVITY", sources=src(a))
        if a.focus_area:
            g.add_edge(aid, node_id("FocusArea", a.focus_area), "IN_FOCUS_AREA")
        for t in a.target_groups:
            g.add_node(node_id("TargetGroup", t), "TargetGroup", t)
            g.add_edge(aid, node_id("TargetGroup", t), "TARGETS", sources=src(a))
        for z in a.zones:
            g.add_edge(aid, node_id("Zone", z), "LOCATED_IN", sources=src(a))
        for o in a.partners:
            g.add_edge(node_id("Organisation", o), aid, "INVOLVED_IN", sources=src(a))


def bench(n_plans: int, communities: bool = True, all_rows: bool = True,
          dimensions: tuple[str, ...] = an.DIMENSIONS,
          direct: bool = False) -> list[tuple[str, float, str]]:
    """Generate ``n_plans`` synthetic plans, build their graph, time the analyses."""
    rows: list[tuple[str, float, str]] = []
    secs, reports = timed(lambda: synthetic.generate_reports(n_plans, seed=0))
    rows.append(("generate reports", secs, f"{len(reports)} documents"))
    builder = direct_graph if direct else build_graph
    secs, graph = timed(lambda: builder(reports))
    c = graph.counts()
    rows.append(("build graph (" + ("direct, no resolution" if direct else "graph/build.py") + ")",
                 secs,
                 f"{len(graph)} nodes, {graph.g.number_of_edges()} edges, "
                 f"{c.get('Organisation', 0)} organisations"))
    return rows + bench_analyses(graph, communities, all_rows, dimensions)


def bench_analyses(graph: PartnershipGraph, communities: bool, all_rows: bool,
                   dimensions: tuple[str, ...]) -> list[tuple[str, float, str]]:
    """Time each analysis on one graph: ``(step, seconds, result)`` rows."""
    rows: list[tuple[str, float, str]] = []
    top = an.overlaps(graph, by="partners", limit=1)[0]   # a pair that shares partners
    a, b = (graph.node(p)["name"] for p in top.id)
    secs, res = timed(lambda: an.shared_partners(graph, [a, b]), repeat=20)
    rows.append(("shared partners of two plans (by name)", secs, f"{len(res)} shared"))
    secs, res = timed(lambda: an.shared_partners(graph, list(top.id)), repeat=20)
    rows.append(("shared partners of two plans (by id)", secs, f"{len(res)} shared"))
    for by in dimensions:
        secs, res = timed(lambda: an.overlap_matrix(graph, by=by))
        rows.append((f"full overlap matrix by {by}", secs, f"{len(res.pairs)} plan pairs"))
    secs, res = timed(lambda: an.overlaps(graph, by="partners", limit=50))
    rows.append(("overlaps by partners, top 50 rows with evidence", secs, f"{len(res)} rows"))
    if all_rows:
        secs, res = timed(lambda: an.overlaps(graph, by="partners"))
        rows.append(("overlaps by partners, every pair as a row with evidence", secs,
                     f"{len(res)} rows"))
    secs, res = timed(lambda: an.organisations_in_most_plans(graph))
    rows.append(("organisations in most plans", secs, f"top: {res[0].name} ({res[0].plan_count})"))
    secs, res = timed(lambda: an.gaps(graph))
    rows.append(("gaps, all plans", secs, f"{len(res)} gaps"))
    secs, res = timed(lambda: an.brokers(graph))
    rows.append(("brokers (sampled k=200)" if res and res[0].sampled else "brokers (exact)",
                 secs, f"top: {res[0].name}" if res else "none"))
    if communities:
        secs, res = timed(lambda: an.communities(graph))
        rows.append(("communities (Louvain)", secs, f"{len(res)} communities"))
    org = an.organisations_in_most_plans(graph, limit=1)[0].id
    secs, res = timed(lambda: an.partners_of(graph, org), repeat=5)
    rows.append(("partners-of the most present organisation", secs, f"{len(res)} partners"))
    first, last = an.timeline(graph, org)[0].id, an.timeline(graph, org)[-1].id
    secs, res = timed(lambda: an.compare(graph, first, last), repeat=5)
    rows.append(("compare two plans", secs, f"{len(res)} changes"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, nargs="+", default=[1000])
    ap.add_argument("--no-communities", action="store_true")
    ap.add_argument("--direct", action="store_true",
                    help="Build the graph straight from the reports (no entity resolution).")
    ap.add_argument("--no-matrix", action="store_true",
                    help="Skip the full overlap matrices (quadratic memory; for 10,000 plans).")
    ap.add_argument("--partners-only", action="store_true",
                    help="Time the overlap matrix by partners only.")
    ap.add_argument("--no-all-rows", action="store_true",
                    help="Skip materialising every overlapping pair as a row with evidence.")
    args = ap.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{interpreter()}, {platform.machine()}, {os.cpu_count()} cores, "
          f"load average {load:.1f} at start")
    for n in args.plans:
        print(f"\n## {n:,} plans\n")
        print("| step | seconds | result |\n|---|---:|---|")
        for name, secs, note in bench(n, communities=not args.no_communities,
                                     all_rows=not args.no_all_rows,
                                     dimensions=() if args.no_matrix else ("partners",)
                                     if args.partners_only else an.DIMENSIONS,
                                     direct=args.direct):
            shown = f"{secs * 1000:.1f} ms" if secs < 1 else f"{secs:.2f} s"
            print(f"| {name} | {shown} | {note} |", flush=True)


if __name__ == "__main__":
    main()
