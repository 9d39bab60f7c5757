"""How samspil grows with the number of plans: one command, a Markdown table.

    python bench/bench_scale.py [--plans 100 1000 10000] [--clients 50] [--requests 20]

Per size it writes the synthetic corpus (``bench/synthetic.py``) as report JSON
files and measures, each as a separate ``samspil`` process (so every figure
includes interpreter start and imports, as a user sees it):

* full load (``samspil load DIR``) wall time and peak RSS (``wait4``);
* add one document (the next plan of the corpus; a plan of another corpus) and
  replace one (an existing document changed);
* the whole process of each CLI analysis: first on a copy of the store as the last
  write left it (nothing kept or made yet: the first answer a user sees after a
  load), then the best of more runs (kept answers and parts);
* API cold start (``samspil serve`` until ``/api/health`` answers) and p50/p99 at
  ``--clients`` concurrent clients for detail (varied organisations), uncached
  search (a different query per request) and shared partners (random plan pairs).

Then the growth exponent per line between consecutive sizes (``log(t2/t1) /
log(n2/n1)``: 1 is linear, 2 quadratic). Not a test: numbers depend on the
machine, which is printed with them.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_api import pct, raw_get  # noqa: E402
from bench_graph import _synthetic  # noqa: E402
from interpreter import describe as interpreter  # bench/interpreter.py

SAMSPIL = [sys.executable, "-c", "from samspil.cli.main import cli; cli()"]


CPU: dict[str, float] = {}     # CPU seconds (user + system) of the last run per command


def run(args: list[str], data_dir: Path) -> tuple[float, float]:
    """Wall seconds and peak MiB of one ``samspil`` process (fails loudly); its CPU
    seconds go to ``CPU`` (on a shared machine CPU time says more than wall time)."""
    env = {**os.environ, "SAMSPIL_DATA_DIR": str(data_dir), "COLUMNS": "120"}
    t = time.perf_counter()
    proc = subprocess.Popen(SAMSPIL + args, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    if status != 0:
        raise SystemExit(f"samspil {' '.join(args)} failed: {proc.stderr.read().decode()[-2000:]}")
    proc.stderr.close()
    CPU[" ".join(args[:1])] = usage.ru_utime + usage.ru_stime
    return wall, usage.ru_maxrss / 1024


def write_corpus(n: int, folder: Path) -> list:
    reports = _synthetic().generate_reports(n)
    folder.mkdir(parents=True)
    for r in reports:
        (folder / (r.document + ".json")).write_text(json.dumps(r.to_dict(), ensure_ascii=False),
                                                     encoding="utf-8")
    return reports


def changes(reports: list, n: int, folder: Path) -> tuple[Path, Path, Path]:
    """Three one-document loads: the next plan of the same corpus (its own document id,
    sorting after the others), a plan of another corpus named ``added-one.txt`` (it sorts
    first, and its "SOF" becomes the anchor that joins every "Socialforvaltningen" of the
    corpus into one organisation: a genuinely large change, see the README), and a changed
    document."""
    nxt = _synthetic().generate_reports(n + 1)[-1]
    folder.mkdir(parents=True, exist_ok=True)
    following = folder / "added-next.json"
    following.write_text(json.dumps(nxt.to_dict(), ensure_ascii=False), encoding="utf-8")
    extra = _synthetic().generate_reports(n + 1, seed=99)[-1]
    folder.mkdir(parents=True, exist_ok=True)
    add = folder / "added-one.json"       # a new document: its sources name it too
    add.write_text(json.dumps(extra.to_dict(), ensure_ascii=False).replace(
        json.dumps(extra.document), json.dumps("added-one.txt")), encoding="utf-8")
    victim = reports[len(reports) // 2]
    data = victim.to_dict()
    data["organisations"] = data["organisations"][:-1]      # one organisation fewer
    rep = folder / "replaced-one.json"
    rep.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return add, following, rep


def analyses(reports: list) -> dict[str, list[str]]:
    plans = list(dict.fromkeys(r.plan.name for r in reports))   # a plan may have 2 documents
    return {"stats": ["stats"], "plans": ["plans"], "search": ["search", "skole"],
            "show": ["show", plans[0]],
            "shared-partners 2 plans": ["shared-partners", plans[0], plans[1]],
            "gaps (all)": ["gaps"], "overlaps top": ["overlaps", "--limit", "50"],
            "brokers": ["brokers", "--limit", "20"], "communities": ["brokers", "--communities"],
            "timeline": ["timeline", plans[0]],
            "compare": ["compare", plans[0], plans[1]]}


def best(args: list[str], data_dir: Path, repeat: int) -> tuple[float, float, float]:
    """CPU seconds of the first run (answers of all-plans analyses are not kept yet
    after a load), then the fastest of ``repeat`` more runs: (first CPU, wall, CPU)."""
    run(args, data_dir)
    first = CPU[args[0]]
    runs = []
    for _ in range(repeat):
        runs.append((run(args, data_dir)[0], CPU[args[0]]))
    return (first, *min(runs))


def _cpu_of(pid: int) -> float:
    """CPU seconds (user + system) a running process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _serve(data_dir: Path) -> tuple[subprocess.Popen, int, float, float]:
    """A ``samspil serve`` answering ``/api/health``: (process, port, seconds it took,
    CPU seconds the server used until then)."""
    from samspil.cli.serve_cmds import free_port
    import httpx

    port = free_port()
    env = {**os.environ, "SAMSPIL_DATA_DIR": str(data_dir)}
    t = time.perf_counter()
    proc = subprocess.Popen(SAMSPIL + ["serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=600).status_code == 200:
                return proc, port, time.perf_counter() - t, _cpu_of(proc.pid)
        except httpx.TransportError:
            time.sleep(0.05)


def _first_analysis(port: int, started: float) -> float:
    """Seconds from the start until an all-plans analysis answers (it reads the whole
    privatised graph, made in the background after the server answers)."""
    import httpx
    httpx.get(f"http://127.0.0.1:{port}/api/analyses/shared-partners?limit=1", timeout=600)
    return time.perf_counter() - started


def api_figures(data_dir: Path, reports: list, clients: int, requests: int) -> dict[str, float]:
    """Cold start after a load, a restart (the whole privatised graph kept per revision
    is read back), and the latencies on the restarted server."""
    import httpx

    t = time.perf_counter()
    proc, port, first, first_cpu = _serve(data_dir)
    analysis = _first_analysis(port, t)
    proc.terminate()
    proc.wait(30)
    t = time.perf_counter()
    proc, port, again, again_cpu = _serve(data_dir)
    try:
        out = {"API cold start, first after a load": first,
               "API cold start, first after a load CPU": first_cpu,
               "API first all-plans analysis after a load (from the start)": analysis,
               "API cold start, restart": again, "API cold start, restart CPU": again_cpu,
               # the latencies below are of a server whose privatised graph is made
               "API first all-plans analysis after a restart (from the start)":
                   _first_analysis(port, t)}
        rnd = random.Random(7)
        orgs = sorted({o.name for r in reports for o in r.organisations})
        words = sorted({w for name in orgs for w in name.split() if len(w) >= 4})
        plans = list(dict.fromkeys(r.plan.name for r in reports))
        paths = {
            "detail": lambda: "/api/organisations/" + quote(rnd.choice(orgs), safe=""),
            "search": lambda: "/api/search?" + str(httpx.QueryParams(
                {"q": rnd.choice(words)[: rnd.randint(4, 8)], "limit": rnd.randint(5, 50)})),
            "shared partners": lambda: "/api/analyses/shared-partners?" + str(httpx.QueryParams(
                [("plan", p) for p in rnd.sample(plans, 2)])),
        }
        for name, make in paths.items():
            lat = asyncio.run(_load(port, [[make() for _ in range(requests)]
                                           for _ in range(clients)]))
            out[f"API {name} p50"], out[f"API {name} p99"] = pct(lat, 50), pct(lat, 99)
        return out
    finally:
        proc.terminate()
        proc.wait(30)


async def _load(port: int, per_client: list[list[str]]) -> list[float]:
    lat: list[float] = []

    async def one(paths: list[str]) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for path in paths:
                t = time.perf_counter()
                await raw_get(reader, writer, path)
                lat.append(time.perf_counter() - t)
        finally:
            writer.close()

    await asyncio.gather(*(one(p) for p in per_client))
    return lat


def measure(n: int, root: Path, args: argparse.Namespace) -> dict[str, float]:
    corpus, data_dir = root / f"corpus-{n}", root / f"store-{n}"
    if args.api_only:
        return api_only(n, corpus, data_dir, args)
    reports = write_corpus(n, corpus)
    repeat = 1 if n >= 10_000 else 2
    out: dict[str, float] = {}
    out["full load"], out["full load peak MiB"] = run(["load", str(corpus)], data_dir)
    out["full load CPU"] = CPU["load"]
    add, following, rep = changes(reports, n, root / f"changes-{n}")
    out["add one document (next plan)"] = run(["load", str(following)], data_dir)[0]
    out["add one document (next plan) CPU"] = CPU["load"]
    out["add one document (other corpus)"] = run(["load", str(add)], data_dir)[0]
    out["add one document (other corpus) CPU"] = CPU["load"]
    out["replace one document"] = run(["load", str(rep)], data_dir)[0]
    out["replace one document CPU"] = CPU["load"]
    if args.writes_only:
        return out
    loaded = root / f"store-{n}.loaded"      # each analysis first runs on the store as
    shutil.rmtree(loaded, ignore_errors=True)  # the last write left it: nothing kept or made
    shutil.copytree(data_dir, loaded)
    for name, cmd in analyses(reports).items():
        shutil.rmtree(data_dir)
        shutil.copytree(loaded, data_dir)
        (out[f"samspil {name} first CPU"], out[f"samspil {name}"],
         out[f"samspil {name} CPU"]) = best(cmd, data_dir, repeat)
        print(f"  {n}: {name} done", file=sys.stderr, flush=True)
    shutil.rmtree(loaded)
    out.update(api_figures(data_dir, reports, args.clients, args.requests))
    return out


def api_only(n: int, corpus: Path, data_dir: Path, args: argparse.Namespace) -> dict[str, float]:
    """Only the API rows: the corpus (written once, kept with --keep) loaded into a new
    store, then :func:`api_figures`."""
    reports = _synthetic().generate_reports(n)
    if not corpus.exists():
        write_corpus(n, corpus)
    shutil.rmtree(data_dir, ignore_errors=True)
    out = {"full load (setup)": run(["load", str(corpus)], data_dir)[0]}
    out.update(api_figures(data_dir, reports, args.clients, args.requests))
    return out


def table(results: dict[int, dict[str, float]]) -> str:
    sizes = sorted(results)
    head = "| what | " + " | ".join(f"{n:,} plans" for n in sizes) + " | growth exponent |"
    lines = [head, "|---|" + "---|" * (len(sizes) + 1)]
    for key in results[sizes[0]]:
        vals = [results[n].get(key) for n in sizes]
        unit = "" if "MiB" in key else " s"
        cells = [("–" if v is None else (f"{v * 1000:.0f} ms" if unit and v < 1 else
                                          f"{v:.2f}{unit}" if unit else f"{v:.0f}")) for v in vals]
        exps = [f"{math.log(b / a) / math.log(m / k):.2f}" for (k, a), (m, b)
                in zip(zip(sizes, vals), list(zip(sizes, vals))[1:]) if a and b and a > 0]
        lines.append(f"| {key} | " + " | ".join(cells) + f" | {' / '.join(exps) or '–'} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=20, help="per client and endpoint")
    ap.add_argument("--keep", type=Path, help="keep corpora and stores in this folder")
    ap.add_argument("--writes-only", action="store_true",
                    help="only the full load and the add / replace rows")
    ap.add_argument("--api-only", action="store_true",
                    help="only a full load and the API rows (cold start, latencies)")
    args = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        for n in args.plans:
            results[n] = measure(n, root, args)
            print(json.dumps({"plans": n, **results[n]}), file=sys.stderr, flush=True)
    print(f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python "
          f"{interpreter()}, load average at the end "
          f"{os.getloadavg()[0]:.1f}\n")
    print(table(results))


if __name__ == "__main__":
    main()
