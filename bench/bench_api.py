"""API latency under concurrent clients, against a real uvicorn server on loopback.

    python bench/bench_api.py [--clients 50] [--requests 40] [--data-dir DIR]

Loads the five bundled seeds into a store (a temporary one unless --data-dir
names a loaded store), starts ``samspil serve`` as a separate process (so the
client does not share the server's interpreter), warms each endpoint once,
then runs ``--clients`` concurrent asyncio clients, each sending
``--requests`` requests per endpoint, and prints p50 / p99 / max latency and
throughput per endpoint. Not a test: numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from interpreter import describe as interpreter  # bench/interpreter.py

ENDPOINTS = {
    "detail": "/api/organisations/org:kobenhavns-kommune",
    "search": "/api/search?q=kommune",
    "shared partners": "/api/analyses/shared-partners",
}


def prepare_store(data_dir: Path) -> None:
    from samspil.api.explore import load_into
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store

    store = open_store(Settings(data_dir=data_dir))
    try:
        if not store.documents():
            print(load_into(store), file=sys.stderr)
    finally:
        store.close()


def start_server(data_dir: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "SAMSPIL_DATA_DIR": str(data_dir)}
    proc = subprocess.Popen([sys.executable, "-c", "from samspil.cli.main import cli; cli()",
                             "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(url + "/api/health", timeout=1)
            return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("server did not start")


async def client(port: int, path: str, n: int, out: list[float]) -> None:
    """One keep-alive HTTP/1.1 connection sending ``n`` requests in turn.

    A minimal client on asyncio streams: httpx's async pool costs more CPU per
    request than the server, and client and server share the machine's 2 cores.
    """
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               "Accept-Encoding: gzip\r\n\r\n").encode()
    try:
        for _ in range(n):
            t = time.perf_counter()
            writer.write(request)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length"))
            await reader.readexactly(length)
            out.append(time.perf_counter() - t)
            if status != 200:
                raise SystemExit(f"{path}: HTTP {status}")
    finally:
        writer.close()


async def run_endpoint(port: int, path: str, clients: int, n: int) -> tuple[list[float], float]:
    httpx.get(f"http://127.0.0.1:{port}{path}", timeout=60)  # warm: computes and caches
    lat: list[float] = []
    t = time.perf_counter()
    await asyncio.gather(*(client(port, path, n, lat) for _ in range(clients)))
    return lat, time.perf_counter() - t


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]

async def raw_get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One GET on a kept-alive connection, read to its end; the status code. (A minimal
    client: httpx costs a load test's clients more CPU than the server it measures.)"""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    length = next(int(h.split(b":")[1]) for h in head.split(b"\r\n")
                  if h.lower().startswith(b"content-length"))
    await reader.readexactly(length)
    return int(head.split(b" ", 2)[1])



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=40, help="per client and endpoint")
    ap.add_argument("--data-dir", type=Path)
    args = ap.parse_args()
    from samspil.cli.serve_cmds import free_port

    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        prepare_store(data_dir)
        port = free_port()
        proc = start_server(data_dir, port)
        try:
            print(f"# {args.clients} concurrent clients x {args.requests} requests per endpoint; "
                  f"uvicorn (1 process) on loopback; {interpreter()}, "
                  f"{os.cpu_count()} cores")
            print(f"{'endpoint':<16} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} {'req/s':>8}")
            for name, path in ENDPOINTS.items():
                lat, wall = asyncio.run(run_endpoint(port, path, args.clients, args.requests))
                print(f"{name:<16} {pct(lat, 50) * 1000:8.1f} {pct(lat, 99) * 1000:8.1f} "
                      f"{max(lat) * 1000:8.1f} {len(lat) / wall:8.0f}")
                sys.stdout.flush()
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    main()
