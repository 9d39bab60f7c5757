"""What a newcomer met trying samspil on twelve municipalities' agreements (session 20)."""
from __future__ import annotations

from samspil.api.explore import load_into
from samspil.graph.settings import Settings
from samspil.graph.store import open_store


def test_explore_says_what_load_warns_about(tmp_path):
    """`samspil explore PATH` printed one summary line where `samspil load` warns that a
    document has no activities (its plan is then a blank row in the gaps view): a newcomer
    learnt it from the picture. Now the same warnings follow the summary."""
    doc = tmp_path / "kun-parter.txt"
    doc.write_text("Strategisk samarbejdsaftale\nAftalens parter: Randers Kommune og "
                   "Boligselskabet Randersbo\n", encoding="utf-8")
    store = open_store(Settings(data_dir=tmp_path / "store"))
    try:
        said = load_into(store, [doc]).splitlines()
    finally:
        store.close()
    assert said[0].startswith("loaded 1 agreement(s)")
    assert any(line.startswith(f"  warning: {doc}: found no") for line in said[1:]), said


def test_serve_prints_its_address_once_it_listens(tmp_path):
    """`samspil serve` printed its address before uvicorn listened and had its Ctrl+C
    handler: a connection right after the line was refused, and a Ctrl+C in that moment
    was lost, the server running on (tests/viz/test_cli.py's busy-port test timed out on
    a busy machine). Now the line comes when the address answers, and Ctrl+C stops it."""
    import re
    import signal
    import socket
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "from samspil.cli.main import cli; cli()", "serve",
                             "--port", "0", "--data-dir", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass                                  # refused before: nothing listened yet
        proc.send_signal(signal.SIGINT)
        assert proc.wait(15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
