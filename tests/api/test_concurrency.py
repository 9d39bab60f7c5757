"""A real `samspil serve` process under concurrent writes (issue 13).

Reproduces what two clients uploading and deleting documents got before: 500s
("cannot start a transaction within a transaction", "no more rows available") and
reset connections; a large upload extracted on the event loop, which froze
/api/health and kept SIGTERM from stopping the server.
"""
from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from samspil.cli.serve_cmds import free_port
from samspil.graph.settings import Settings
from samspil.graph.store import open_store
from samspil.loaders.pipeline import bundled_examples

KEY = "test-key-0123456789"
H = {"X-API-Key": KEY}
SEEDS = sorted(bundled_examples().glob("*.txt"))


@pytest.fixture
def server(tmp_path, reports):
    store = open_store(Settings(data_dir=tmp_path))
    store.save(reports[-2:])
    store.close()
    port = free_port()
    env = {**os.environ, "SAMSPIL_API_KEY": KEY, "SAMSPIL_DATA_DIR": str(tmp_path)}
    exe = Path(sys.executable).with_name("samspil")
    proc = subprocess.Popen([str(exe), "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        assert proc.poll() is None, proc.stderr.read().decode()
        try:
            if httpx.get(url + "/api/health").status_code == 200:
                break
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, "samspil serve did not start"
        time.sleep(0.1)
    yield proc, url, tmp_path
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def _write(client, method, path, **kw):
    """One write; a 503 must carry Retry-After and is retried, as a client should."""
    while True:
        r = client.request(method, path, headers=H, **kw)
        if r.status_code != 503:
            return r
        assert r.headers.get("Retry-After") and "try again" in r.json()["error"]
        time.sleep(0.2)


def test_concurrent_uploads_and_forgets_never_fail_and_lose_nothing(server):
    _proc, url, data_dir = server
    statuses: list[int] = []
    failures: list[BaseException] = []
    text = SEEDS[2].read_bytes()

    def writer(i):
        try:
            with httpx.Client(base_url=url, timeout=120) as c:
                for n in range(2):
                    name = f"w{i}-{n}.txt"
                    r = _write(c, "POST", "/api/documents", files=[("files", (name, text))])
                    statuses.append(r.status_code)
                    r = _write(c, "DELETE", f"/api/documents/{name}")
                    statuses.append(r.status_code)
                r = _write(c, "POST", "/api/documents", files=[("files", (f"w{i}.txt", text))])
                statuses.append(r.status_code)
        except BaseException as exc:     # noqa: BLE001 - asserted below
            failures.append(exc)

    def reader(stop):
        with httpx.Client(base_url=url, timeout=120) as c:
            while not stop.is_set():
                for path in ("/api/plans", "/api/search?q=kommune", "/api/health"):
                    statuses.append(c.get(path).status_code)

    stop = threading.Event()
    read = threading.Thread(target=reader, args=(stop,))
    read.start()
    threads = [threading.Thread(target=writer, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    read.join()
    assert failures == []
    assert set(statuses) <= {200, 201}, sorted(set(statuses))
    store = open_store(Settings(data_dir=data_dir))
    names = {d.id for d in store.documents()}
    store.close()
    assert {"w0.txt", "w1.txt", "w2.txt"} <= names
    assert not any(n.startswith(("w0-", "w1-", "w2-")) for n in names)
    plans = httpx.get(url + "/api/documents", params={"limit": 100}).json()
    assert {"w0.txt", "w1.txt", "w2.txt"} <= {i["name"] for i in plans["items"]}


def _send_upload(url: str, name: str, data: bytes) -> socket.socket:
    """POST the whole upload on a raw socket and return it unread: when this returns,
    the server has the request, and its answer is still to come."""
    req = httpx.Request("POST", url + "/api/documents", headers=H, files=[("files", (name, data))])
    body = req.read()
    host, port = req.url.host, req.url.port
    head = [f"POST /api/documents HTTP/1.1", f"Host: {host}:{port}", "Connection: close",
            f"Content-Length: {len(body)}",
            *(f"{k}: {v}" for k, v in req.headers.items() if k.lower() not in
              ("host", "content-length", "connection"))]
    sock = socket.create_connection((host, port))
    sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)
    return sock


def _answered(sock: socket.socket) -> bool:
    return bool(select.select([sock], [], [], 0)[0])


def test_health_answers_during_a_large_upload_and_sigterm_stops_the_server(server):
    """The upload's extraction (~7 s for 7 MB of text) runs off the event loop:
    health answers while it runs, and SIGTERM stops the server before it ends."""
    proc, url, _ = server
    big = SEEDS[0].read_bytes() * 48     # 7.4 MB of agreement text: ~7 s to extract
    sock = _send_upload(url, "big.txt", big)
    with httpx.Client(base_url=url, timeout=120) as c:
        for _ in range(5):
            assert c.get("/api/health").status_code == 200
            assert not _answered(sock), "the upload finished first: make the file larger"
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    assert proc.returncode is not None
    reply = sock.recv(100)
    sock.close()
    assert not reply.startswith(b"HTTP/1.1 201"), "the server waited for the extraction"


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _write_process(server_pid: int) -> int | None:
    for p in Path("/proc").iterdir():
        try:
            stat = (p / "stat").read_text()
            cmd = (p / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == server_pid and b"spawn_main" in cmd:
            return int(p.name)
    return None


def test_an_upload_is_extracted_outside_the_server_process(server):
    """Extraction, resolution and the store write run in the write process: the
    server's own CPU (which every read needs, under one GIL) stays free while a large
    upload is worked on. Before, they ran in a thread of the server, and the load
    test's reads waited seconds for them."""
    proc, url, _ = server
    big = SEEDS[0].read_bytes() * 24     # 3.7 MB of agreement text: seconds to extract
    sock = _send_upload(url, "big.txt", big)
    deadline = time.monotonic() + 60
    while (child := _write_process(proc.pid)) is None:
        assert time.monotonic() < deadline, "no write process was started"
        time.sleep(0.05)
    server0, child0 = _cpu(proc.pid), _cpu(child)
    with httpx.Client(base_url=url, timeout=120) as c:
        while not _answered(sock) and _cpu(child) - child0 < 2.0:
            assert c.get("/api/health").status_code == 200
            time.sleep(0.05)
    worked, served = _cpu(child) - child0, _cpu(proc.pid) - server0
    sock.close()
    assert worked > 0.5, "the upload finished first: make the file larger"
    assert served < worked / 3, (served, worked)
