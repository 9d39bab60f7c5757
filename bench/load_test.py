"""Load test on loopback: many readers and a concurrent writer against `samspil serve`.

    python bench/load_test.py [--clients 50] [--seconds 60] [--data-dir DIR]

Starts ``samspil serve`` (writes on, a throw-away API key) on 127.0.0.1 over a
store holding the five bundled agreements (a temporary one unless --data-dir
names a loaded store), then for ``--seconds`` runs ``--clients`` concurrent
clients mixing details, lists, searches (a different query each time) and
analyses, while one writer uploads a bundled agreement under a new name and
forgets it again, in turn. Prints per kind the count, errors, p50 / p99 / max
latency, and exits 1 on any error (a 503 with Retry-After counts as an answer
to retry, not an error, and is counted apart). Bounded: loopback only, a
fixed duration, at most ``--clients`` connections.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_api import pct, prepare_store, raw_get  # noqa: E402

READS = {
    "detail": ["/api/organisations/org:kobenhavns-kommune", "/api/plans?limit=50",
               "/api/organisations?limit=100", "/api/health"],
    "search": [],     # made per request
    "analysis": ["/api/analyses/shared-partners", "/api/analyses/gaps?limit=50",
                 "/api/analyses/overlaps?by=zones", "/api/analyses/brokers?limit=10"],
}
WORDS = ["kommune", "skole", "bolig", "social", "valby", "amager", "kvarter", "forvaltning",
         "københavn", "koebenhavn", "fritid", "job", "børn", "unge", "center", "klub"]


def serve(data_dir: Path, key: str) -> tuple[subprocess.Popen, int]:
    from samspil.cli.serve_cmds import free_port

    port = free_port()
    env = {**os.environ, "SAMSPIL_DATA_DIR": str(data_dir), "SAMSPIL_API_KEY": key}
    proc = subprocess.Popen([sys.executable, "-c", "from samspil.cli.main import cli; cli()",
                             "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=5).status_code == 200:
                return proc, port
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("samspil serve did not start")


async def reader(port: int, until: float, rnd: random.Random, out: dict) -> None:
    """One keep-alive connection sending reads in turn. A minimal HTTP/1.1 client on
    asyncio streams (as ``bench_api.py``): httpx spent ~6 ms of CPU per request, so 50
    httpx clients on these 2 cores measured mostly their own queue (the server used a
    third of the CPU the client did)."""
    conn = None
    while time.monotonic() < until:
        kind = rnd.choice(["detail", "detail", "search", "search", "analysis"])
        if kind == "search":
            word = rnd.choice(WORDS)
            path = f"/api/search?q={quote(word[: rnd.randint(3, len(word))])}&limit={rnd.randint(5, 60)}"
        else:
            path = rnd.choice(READS[kind])
        if conn is None:
            conn = await asyncio.open_connection("127.0.0.1", port)
        t = time.perf_counter()
        try:
            status = await raw_get(*conn, path)
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            status, conn = type(exc).__name__, None
        _record(out, kind, "GET", path, time.perf_counter() - t, status)
    if conn is not None:
        conn[1].close()


async def writer(client: httpx.AsyncClient, until: float, key: str, out: dict) -> None:
    from samspil.loaders.pipeline import bundled_examples

    seed = sorted(bundled_examples().glob("*.txt"))[2]
    data, n = seed.read_bytes(), 0
    while time.monotonic() < until:
        name = f"load-test-{n}.txt"
        await _timed(client, "POST", "/api/documents", "write", out, headers={"X-API-Key": key},
                     files=[("files", (name, data, "text/plain"))])
        await _timed(client, "DELETE", f"/api/documents/{name}", "write", out,
                     headers={"X-API-Key": key})
        n += 1


async def _timed(client: httpx.AsyncClient, method: str, path: str, kind: str, out: dict,
                 **kw) -> None:
    t = time.perf_counter()
    try:
        r = await client.request(method, path, **kw)
        status = r.status_code
    except httpx.HTTPError as exc:
        status = type(exc).__name__
    _record(out, kind, method, path, time.perf_counter() - t, status)


def _record(out: dict, kind: str, method: str, path: str, seconds: float, status) -> None:
    lat, errors, busy = out.setdefault(kind, ([], [], [0]))
    lat.append(seconds)
    if status == 503:
        busy[0] += 1
    elif status not in (200, 201):
        errors.append(f"{method} {path}: {status}")


async def run(port: int, clients: int, seconds: float, key: str) -> dict:
    out: dict = {}
    # idle connections are dropped by the client after 2 s, before uvicorn closes them
    # (5 s): with both at 5 s a request could go out on a connection the server was
    # closing at that moment and fail with ReadError - a client setting, not a server fault
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1, keepalive_expiry=2.0)
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=120,
                                 limits=limits) as client:
        until = time.monotonic() + seconds
        await asyncio.gather(writer(client, until, key, out),
                             *(reader(port, until, random.Random(i), out)
                               for i in range(clients)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--data-dir", type=Path)
    args = ap.parse_args()
    key = secrets.token_hex(16)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        prepare_store(data_dir)
        proc, port = serve(data_dir, key)
        try:
            out = asyncio.run(run(port, args.clients, args.seconds, key))
        finally:
            proc.terminate()
            proc.wait(30)
    print(f"# {args.clients} clients + 1 writer for {args.seconds:g} s on loopback; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"{'kind':<9} {'requests':>8} {'errors':>6} {'503':>5} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    failed = []
    reads = [v for k, v in out.items() if k != "write"]
    out["all reads"] = ([x for lat, _e, _b in reads for x in lat], [], [sum(b[0] for *_x, b in reads)])
    for kind, (lat, errors, busy) in sorted(out.items()):
        print(f"{kind:<9} {len(lat):8d} {len(errors):6d} {busy[0]:5d} {pct(lat, 50) * 1000:8.1f} "
              f"{pct(lat, 99) * 1000:8.1f} {max(lat) * 1000:8.1f}")
        failed += errors
    for e in failed[:20]:
        print("error:", e, file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
