"""``samspil viz``, ``serve`` and ``explore`` on a real store."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import httpx
import pytest
from click.testing import CliRunner

from samspil.cli.main import cli
from samspil.graph.settings import Settings
from samspil.graph.store import open_store


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, seed_reports, xss_report):
    d = tmp_path_factory.mktemp("store")
    store = open_store(Settings(data_dir=d))
    store.save([*seed_reports, xss_report])
    store.close()
    return d


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result


def _served_url(proc: subprocess.Popen, seconds: float) -> tuple[str | None, list[str]]:
    """The http://127.0.0.1:PORT/ a served command prints, and the lines it printed until then."""
    url, lines = None, []
    deadline = time.monotonic() + seconds
    while url is None and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line and proc.poll() is not None:
            break
        lines.append(line)
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        url = m and m.group(1)
    return url, lines


@pytest.mark.parametrize("args", [
    ["plan-network"], ["copartnership"], ["overlap", "--by", "zones"], ["gaps"],
    ["ego", "Københavns Kommune", "--radius", "2"],
])
def test_viz_html(data_dir, tmp_path, args):
    out = tmp_path / "v.html"
    r = run("viz", *args, "-o", out, "--data-dir", data_dir)
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    matrix = args[0] in ("overlap", "gaps")
    assert page.startswith("<!DOCTYPE html>")
    assert ("samspilMatrix.draw" if matrix else "new vis.Network") in page
    if matrix:   # the network form stays available
        r = run("viz", *args, "--network", "-o", out, "--data-dir", data_dir)
        assert r.exit_code == 0 and "new vis.Network" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_viz_static_pictures_without_a_browser(data_dir, tmp_path, fmt, monkeypatch):
    monkeypatch.setenv("SAMSPIL_CHROMIUM", str(tmp_path / "no-chromium"))
    monkeypatch.setenv("PATH", "/nonexistent")      # no browser reachable at all
    out = tmp_path / f"o.{fmt}"
    r = run("viz", "overlap", "--format", fmt, "-o", out, "--data-dir", data_dir)
    assert r.exit_code == 0, r.output
    data = out.read_bytes()
    assert data[:8] == {"png": b"\x89PNG\r\n\x1a\n", "pdf": b"%PDF-1.4", "svg": b"<?xml ve"}[fmt]
    assert len(data) > 10_000


def test_viz_refuses_a_suffix_it_cannot_write(data_dir, tmp_path):
    r = run("viz", "overlap", "-o", tmp_path / "x.jpg", "--data-dir", data_dir)
    assert r.exit_code != 0 and ".svg, .png (300 dpi) or .pdf" in r.output
    assert not (tmp_path / "x.jpg").exists()


def test_viz_fragment_svg_and_redact(data_dir, tmp_path):
    frag = tmp_path / "f.html"
    assert run("viz", "plan-network", "-o", frag, "--fragment", "--data-dir", data_dir).exit_code == 0
    assert frag.read_text(encoding="utf-8").startswith("<iframe")
    svg = tmp_path / "v.svg"
    assert run("viz", "gaps", "--network", "-o", svg, "--data-dir", data_dir).exit_code == 0
    assert ET.parse(svg).getroot().tag.endswith("svg")
    red = tmp_path / "r.html"
    r = run("viz", "ego", "Boligselskabet Testbo", "-o", red, "--redact", "--data-dir", data_dir)
    assert r.exit_code == 0, r.output
    page = red.read_text(encoding="utf-8")
    assert "Projektleder at Boligselskabet Testbo" in page and "Anna" not in page


@pytest.mark.parametrize("args", [["gaps", "--fragment"], ["plan-network", "--fragment"],
                                  ["overlap"], ["overlap", "--format", "svg"],
                                  ["ego", "Københavns Kommune", "--fragment", "-o", "-"]])
def test_viz_without_a_file_prints_the_view_to_stdout(data_dir, tmp_path, args):
    """A report writer pipes the snippet: ``samspil viz gaps --fragment >> report.html``
    (the real command, its stdout a pipe)."""
    samspil = os.path.join(os.path.dirname(sys.executable), "samspil")
    r = subprocess.run([samspil, "viz", *args, "--data-dir", str(data_dir)], capture_output=True,
                       timeout=120, cwd=tmp_path)
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode("utf-8")
    start = ("<iframe" if "--fragment" in args else "<?xml" if "svg" in args else "<!DOCTYPE html>")
    assert out.startswith(start) and "Missing option" not in r.stderr.decode()
    assert list(tmp_path.iterdir()) == []                 # no file written anywhere
    if args[:2] == ["gaps", "--fragment"]:               # the same snippet -o writes
        run("viz", "gaps", "--fragment", "-o", tmp_path / "f.html", "--data-dir", data_dir)
        assert (tmp_path / "f.html").read_text(encoding="utf-8") == out


def test_viz_help_says_where_the_view_goes_without_a_file():
    text = " ".join(run("viz", "--help").output.split())
    assert "Without -o the view is printed to stdout" in text and "printed to stdout without -o" in text


def test_viz_errors_are_one_line(data_dir, tmp_path):
    r = run("viz", "ego", "-o", tmp_path / "x.html", "--data-dir", data_dir)
    assert r.exit_code != 0 and "needs the node" in r.output
    r = run("viz", "ego", "no such thing at all", "-o", tmp_path / "x.html", "--data-dir", data_dir)
    assert r.exit_code != 0 and "no node matches" in r.output and "Traceback" not in r.output


@pytest.mark.parametrize("cmd", ["serve", "explore", "viz"])
def test_help(cmd):
    r = run(cmd, "--help")
    assert r.exit_code == 0 and "Usage" in r.output


def test_explore_loads_and_serves(tmp_path, xss_report):
    env = {**os.environ, "SAMSPIL_DATA_DIR": str(tmp_path)}
    # a store that holds another document: explore says so instead of mixing them
    store = open_store(Settings(data_dir=tmp_path))
    store.save([xss_report])
    store.close()
    refused = subprocess.run([sys.executable, "-c", "from samspil.cli.main import cli; cli()",
                              "explore", "--port", "0"], capture_output=True, text=True, env=env,
                             timeout=120)
    assert refused.returncode == 1
    assert "already holds 1 other document(s)" in refused.stderr and "--fresh" in refused.stderr \
        and "samspil serve" in refused.stderr and "--data-dir" in refused.stderr
    proc = subprocess.Popen([sys.executable, "-c", "from samspil.cli.main import cli; cli()",
                             "explore", "--port", "0", "--fresh"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    try:
        url, lines = _served_url(proc, 90)
        assert url, "".join(lines)
        assert any("loaded 5 agreement(s)" in l for l in lines), lines
        for _ in range(100):
            try:
                health = httpx.get(url + "api/health", timeout=2).json()
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert health["counts"]["Plan"] == 5       # the other document was forgotten
        assert "samspil explorer" in httpx.get(url).text
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(15)


def test_a_busy_port_given_on_purpose_is_an_error(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = run("serve", "--port", port, "--data-dir", tmp_path)
        assert r.exit_code == 1 and f"port {port} on 127.0.0.1 is in use" in r.output
        assert "--port 0" in r.output


def test_a_busy_default_port_moves_to_a_free_one(tmp_path):
    """Only the default may move: `samspil serve` without --port, 8765 taken, serves on
    another port and says so."""
    import socket

    busy = socket.socket()
    try:
        try:
            busy.bind(("127.0.0.1", 8765))
            busy.listen()
        except OSError:
            pass                          # already taken by something else: busy either way
        proc = subprocess.Popen([sys.executable, "-c", "from samspil.cli.main import cli; cli()",
                                 "serve", "--data-dir", str(tmp_path)], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        try:
            served, lines = _served_url(proc, 60)
            url = served and int(served.rstrip("/").rsplit(":", 1)[1])
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(15)
    finally:
        busy.close()
    assert url and url != 8765, lines
    assert any(f"port 8765 is in use; using {url}" in line for line in lines), lines


def test_static_pictures_need_nothing_from_the_test_extras(data_dir, tmp_path):
    """`samspil viz overlap --format png|svg|pdf` as right after the README's install
    line: the test extras (playwright, igraph, hypothesis, ...) cannot be imported."""
    code = ("import sys\n"
            "for m in ('playwright', 'igraph', 'hypothesis', 'schemathesis', 'fpdf'):\n"
            "    sys.modules[m] = None\n"                       # importing them would fail
            "from samspil.cli.main import cli\n"
            "for fmt in ('png', 'svg', 'pdf'):\n"
            "    cli.main(['viz', 'overlap', '--format', fmt, '-o', sys.argv[1] + '/o.' + fmt,\n"
            "              '--data-dir', sys.argv[2]], standalone_mode=False)\n")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path), str(data_dir)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    from PIL import Image
    import pypdfium2 as pdfium

    png = Image.open(tmp_path / "o.png")
    assert png.width > 1500 and png.info["dpi"][0] > 299
    assert len(png.convert("RGB").getcolors(maxcolors=1_000_000)) > 50      # drawn, not blank
    svg = ET.parse(tmp_path / "o.svg").getroot()
    assert "Plan overlaps" in " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    pdf = pdfium.PdfDocument(str(tmp_path / "o.pdf"))
    assert len(pdf) == 1 and "Plan overlaps" in pdf[0].get_textpage().get_text_range()


def test_export_redact(data_dir, tmp_path):
    plain, red = tmp_path / "g.graphml", tmp_path / "r.graphml"
    assert run("export", "--format", "graphml", "-o", plain, "--data-dir", data_dir).exit_code == 0
    r = run("export", "--format", "graphml", "--redact", "-o", red, "--data-dir", data_dir)
    assert r.exit_code == 0, r.output
    assert "anna@testbo.dk" in plain.read_text(encoding="utf-8")
    text = red.read_text(encoding="utf-8")
    assert "anna@testbo.dk" not in text and "Anna" not in text and "12345678" not in text
    assert "Projektleder at Boligselskabet Testbo" in text
