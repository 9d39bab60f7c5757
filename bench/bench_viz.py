"""View benchmarks and screenshots.

    python bench/bench_viz.py [--nodes 5000] [--runs 3]
    python bench/bench_viz.py --screenshots docs/screenshots

The benchmark builds a synthetic partnership graph of ``--nodes`` nodes (one
plan per ten organisations; every organisation in 1-4 plans, a few hubs in
many), times the view (layout) and the HTML in Python, then opens the saved
file in headless Chromium with the network cut off and measures the time from
navigation start to vis-network's first ``afterDrawing``.

``--screenshots`` loads the five bundled seeds (plus nothing else) into a
temporary store, serves the explorer with uvicorn, and saves a PNG of each
view: the explorer with a selected node, co-partnership, overlaps, gaps, and
the saved plan-partner view opened offline.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from samspil.graph.model import PartnershipGraph
from samspil.viz.browser import open_page
from samspil.viz.render import to_html
from samspil.viz.views import plan_network
from interpreter import describe as interpreter  # bench/interpreter.py

TYPES = ("municipality", "municipal_unit", "school", "ngo", "culture_leisure",
         "housing_organisation", "health", "other")


def synthetic_graph(nodes: int, seed: int = 1) -> PartnershipGraph:
    """Plans and organisations only (what the plan-partner view draws)."""
    rnd = random.Random(seed)
    n_plans = max(2, nodes // 11)
    n_orgs = nodes - n_plans
    g = PartnershipGraph()
    plans = [f"plan:p{i}" for i in range(n_plans)]
    for i, p in enumerate(plans):
        g.add_node(p, "Plan", f"Plan {i}", period_start="2025-01-01", period_end="2028-12-31",
                   sources=[{"document": f"plan{i}.txt", "line": 1, "excerpt": f"Plan {i}"}])
    for j in range(n_orgs):
        o = f"org:o{j}"
        g.add_node(o, "Organisation", f"Organisation {j}", type=rnd.choice(TYPES),
                   sources=[{"document": "x.txt", "line": j, "excerpt": f"Organisation {j} ..."}])
        k = 40 if j < 10 else rnd.choice((1, 1, 1, 2, 2, 3, 4))
        for p in rnd.sample(plans, min(k, n_plans)):
            g.add_edge(o, p, "PARTNER_IN" if rnd.random() < 0.8 else "PARTY_TO")
    return g


def render_ms(path: Path) -> float:
    with open_page(1400, 900, offline=True) as page:
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-rendered]", timeout=120_000)
        return page.evaluate("window.samspilRendered")


def bench(nodes: int, runs: int) -> None:
    g = synthetic_graph(nodes)
    t = time.perf_counter()
    view = plan_network(g)
    t_view = time.perf_counter() - t
    t = time.perf_counter()
    html = to_html(view)
    t_html = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "view.html"
        path.write_text(html, encoding="utf-8")
        times = [render_ms(path) for _ in range(runs)]
    print(f"# {interpreter()}, {os.cpu_count()} cores, headless Chromium, offline")
    print(f"view: {len(view.nodes)} nodes, {len(view.edges)} links; layout+view {t_view:.2f} s; "
          f"HTML {t_html:.2f} s ({len(html) / 2**20:.1f} MiB)")
    print(f"first render in Chromium (navigation start -> first drawing), {runs} runs: "
          f"median {statistics.median(times) / 1000:.2f} s, max {max(times) / 1000:.2f} s")


def screenshots(out: Path) -> None:
    import uvicorn

    from samspil.api.app import create_app
    from samspil.api.explore import load_into
    from samspil.cli.serve_cmds import free_port
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store
    from samspil.viz.render import write

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp))
        store = open_store(settings)
        print(load_into(store), file=sys.stderr)
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(store, settings), port=port,
                                               log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        url = f"http://127.0.0.1:{port}/"
        with open_page(1400, 900, offline=False) as page:
            page.goto(url)
            page.wait_for_selector("body[data-ready]", timeout=60_000)
            page.evaluate("window.samspilExplorer.select('org:kobenhavns-kommune', 'Organisation')")
            page.wait_for_selector("body[data-selected]", timeout=10_000)
            page.wait_for_timeout(500)
            page.screenshot(path=str(out / "explorer-plan-network.png"))
            # every view opened from a bare address, as a link opens it; a matrix with a
            # cell clicked (its evidence in the right panel)
            for view, cell in (("copartnership", None), ("overlap", 1), ("gaps", 3)):
                page.goto("about:blank")
                page.goto(f"{url}#view={view}")
                page.wait_for_selector(f"body[data-ready][data-view='{view}']", timeout=60_000)
                if cell is not None:
                    page.locator("td.cell.shared, td.cell.gap").nth(cell).click()
                    page.wait_for_selector("body[data-cell]", timeout=10_000)
                page.wait_for_timeout(800)
                page.screenshot(path=str(out / f"explorer-{view}.png"))
            page.goto("about:blank")
            page.goto(url)
            page.wait_for_selector("body[data-ready]", timeout=60_000)
            page.fill("#search", "Amagerplanen")
            page.wait_for_selector("#search-results li")
            page.locator("#search-results li").first.click()
            page.wait_for_selector("body[data-view='ego']", timeout=60_000)
            page.wait_for_timeout(800)
            page.screenshot(path=str(out / "explorer-ego-search.png"))
        saved = write(plan_network(store.load()), Path(tmp) / "plan-network.html")
        with open_page(1400, 900, offline=True) as page:
            page.goto(saved.as_uri())
            page.wait_for_selector("body[data-rendered]", timeout=60_000)
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / "saved-view-offline.png"))
        server.should_exit = True
        store.close()
    print(f"screenshots in {out}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--screenshots", type=Path, help="save PNGs of every view on the seeds here")
    args = ap.parse_args()
    if args.screenshots:
        screenshots(args.screenshots)
    else:
        bench(args.nodes, args.runs)


if __name__ == "__main__":
    main()
