"""Health latency during a large upload, and how fast SIGTERM stops the server.

    python bench/bench_upload.py [--mib 50]

Starts ``samspil serve`` (writes on) over a store holding the five bundled
agreements, uploads one ``--mib`` MiB agreement (the first seed repeated), and
while the server extracts it asks ``/api/health`` every 50 ms, printing the
p50 / p99 / max latency of those answers and how long the upload took. Then it
uploads the same file again, sends SIGTERM during the extraction and prints the
seconds until the process has exited. Not a test: numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_api import pct, prepare_store  # noqa: E402

KEY = "bench-upload-key-0123456789"


def start(data_dir: Path) -> tuple[subprocess.Popen, str]:
    from samspil.cli.serve_cmds import free_port

    port = free_port()
    env = {**os.environ, "SAMSPIL_DATA_DIR": str(data_dir), "SAMSPIL_API_KEY": KEY}
    proc = subprocess.Popen([sys.executable, "-c", "from samspil.cli.main import cli; cli()",
                             "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            if httpx.get(url + "/api/health", timeout=5).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.1)


def send_upload(url: str, data: bytes):
    import socket

    req = httpx.Request("POST", url + "/api/documents", headers={"X-API-Key": KEY},
                        files=[("files", ("big.txt", data, "text/plain"))])
    body = req.read()
    head = [f"POST /api/documents HTTP/1.1", f"Host: {req.url.host}", "Connection: close",
            f"Content-Length: {len(body)}",
            f"Content-Type: {req.headers['content-type']}", f"X-API-Key: {KEY}"]
    sock = socket.create_connection((req.url.host, req.url.port))
    sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)
    return sock


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mib", type=float, default=50)
    args = ap.parse_args()
    from samspil.loaders.pipeline import bundled_examples

    seed = sorted(bundled_examples().glob("*.txt"))[0].read_bytes()
    data = seed * max(1, int(args.mib * 2**20 / len(seed)))
    with tempfile.TemporaryDirectory() as tmp:
        prepare_store(Path(tmp))
        proc, url = start(Path(tmp))
        t0 = time.perf_counter()
        sock = send_upload(url, data)
        lat = []
        with httpx.Client(base_url=url, timeout=600) as c:
            while not select.select([sock], [], [], 0)[0]:
                t = time.perf_counter()
                c.get("/api/health")
                lat.append(time.perf_counter() - t)
                time.sleep(0.05)
        status = sock.recv(12).decode()
        sock.close()
        took = time.perf_counter() - t0
        sock = send_upload(url, data + b"\nagain\n")
        time.sleep(2)
        t = time.perf_counter()
        proc.send_signal(signal.SIGTERM)
        proc.wait(600)
        stopped = time.perf_counter() - t
        sock.close()
    print(f"upload of {len(data) / 2**20:.1f} MiB: {status.strip()} after {took:.1f} s; "
          f"{len(lat)} health answers meanwhile: p50 {pct(lat, 50) * 1000:.0f} ms, "
          f"p99 {pct(lat, 99) * 1000:.0f} ms, max {max(lat) * 1000:.0f} ms; "
          f"SIGTERM during the next upload's extraction: exited after {stopped:.1f} s; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
