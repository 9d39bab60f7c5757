"""Session 22's new-user trial, the API's part (a real uvicorn; `samspil serve` itself for
the request line).

* `curl "http://127.0.0.1:8765/api/search?q=Skærbæk"` (æ, ø, å typed as they are) got
  "Invalid HTTP request received." and a 400: curl sends the letters as raw UTF-8 bytes,
  which uvicorn's parser (httptools) refuses before the app sees the request. A browser
  and `curl --data-urlencode` encode them; a person typing a URL into a terminal does
  not. `samspil serve` now encodes a request line's raw non-ASCII bytes itself.
* An ambiguous name's 409 listed its candidates as strings, "org:sundhedsplejen/01-broendby-
  nord-strategisk  (Sundhedsplejen)": eight alike but for a hash, and a program had to
  split them. Now each is an object: ``id``, ``label``, ``name`` and ``context`` (where it
  belongs, the line its search hit shows).
"""
from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

BLIND_R = Path(__file__).parents[1] / "fixtures" / "blind_r"
DOCS = [BLIND_R / "docs" / f for f in ("01_broendby_nord_strategisk.txt",
                                       "04_mariagerfjord_hadsund_helhedsplan_2013.txt",
                                       "07_hilleroed_trollesminde_web.txt",
                                       "08_halsnaes_hundested_pdf.txt",
                                       "09_toender_skaerbaek_strategisk_word.txt")] + [
        BLIND_R / "formats" / "08_halsnaes_hundested_pdf.pdf"]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store
    from samspil.loaders.pipeline import extract_paths

    d = tmp_path_factory.mktemp("blind-r-api")
    store = open_store(Settings(data_dir=d))
    store.save([r.report for r in extract_paths(DOCS)])
    store.close()
    return d


@pytest.fixture(scope="module")
def serve(data):
    """`samspil serve` on a free port over ``data``: (host, port)."""
    proc = subprocess.Popen([sys.executable, "-c", "from samspil.cli.main import cli; cli()", "serve",
                             "--port", "0", "--data-dir", str(data)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        yield "127.0.0.1", int(re.search(r"http://127\.0\.0\.1:(\d+)/", line).group(1))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _raw(address, *pieces: bytes) -> list[tuple[int, dict]]:
    """Send ``pieces`` (one request, or several on one connection) as they are, each
    its own write; the status and JSON body of every answer."""
    answers = []
    with socket.create_connection(address, timeout=30) as s:
        for piece in pieces:
            s.sendall(piece)
            if piece.endswith(b"\r\n\r\n"):
                answers.append(_answer(s))
    return answers


def _answer(s: socket.socket) -> tuple[int, dict]:
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(65536)
    head, body = data.split(b"\r\n\r\n", 1)
    length = int(re.search(rb"content-length: (\d+)", head, re.I).group(1))
    while len(body) < length:
        body += s.recv(65536)
    return int(head.split()[1]), json.loads(body[:length])


def _get(target: bytes, close: bool = True) -> bytes:
    return (b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + (b"Connection: close\r\n" if close else b"") + b"\r\n")


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_raw_danish_letters_in_the_url_are_read(serve, encoding):
    """curl sends what is typed: Skærbæk as raw bytes (UTF-8, or Latin-1 from an old
    terminal). The answer is the one the percent-encoded URL gets."""
    want = httpx.get(f"http://{serve[0]}:{serve[1]}/api/search", params={"q": "Skærbæk", "limit": 3}).json()
    assert want["items"][0]["name"] == "Skærbæk"
    [(status, body)] = _raw(serve, _get("/api/search?q=Skærbæk&limit=3".encode(encoding)))
    assert status == 200, body
    assert body == want
    # in the path too, and in a plan's word
    [(status, body)] = _raw(serve, _get("/api/plans/Skærbæk%20i%20Fællesskab".encode(encoding)))
    assert status == 200 and body["item"]["name"] == "Skærbæk i Fællesskab", body


def test_a_request_line_in_pieces_and_a_second_request_on_the_connection(serve):
    """A letter's two bytes split between two writes; then a second raw request on the
    same (kept-alive) connection, and a third with an ASCII line."""
    line = _get("/api/search?q=Tønder%20Kommune&limit=1".encode(), close=False)
    cut = line.index("ø".encode()) + 1
    answers = _raw(serve, line[:cut], line[cut:],
                   _get("/api/plans/Skærbæk".encode(), close=False), _get(b"/api/plans/Nordlyset"))
    assert [a[0] for a in answers] == [200, 200, 200], answers
    assert answers[0][1]["items"][0]["name"] == "Tønder Kommune"
    assert answers[1][1]["item"]["name"] == "Skærbæk i Fællesskab"
    assert answers[2][1]["item"]["name"] == "Nordlyset"


def test_an_ambiguous_name_lists_its_candidates_as_objects(serve):
    base = f"http://{serve[0]}:{serve[1]}"
    r = httpx.get(f"{base}/api/organisations/Sundhedsplejen")
    assert r.status_code == 409, r.text
    cands = r.json()["candidates"]
    assert {c["id"]: c["context"] for c in cands} == {
        "org:sundhedsplejen/01-broendby-nord-strategisk": "Brøndby Kommune · in Nordlyset",
        "org:sundhedsplejen/04-mariagerfjord-hadsund-helhedsplan-2013": "Mariagerfjord Kommune · in Fjordlys",
        "org:sundhedsplejen/07-hilleroed-trollesminde-web": "Hillerød Kommune · in Solskiftet",
        # (the .txt and the .pdf of one plan read as two plans, their titles' lines joined differently in the PDF;
        # the health visitors take part in both since session 33 read the PDF's "Familieguiden" activity)
        "org:sundhedsplejen/08-halsnaes-hundested-pdf":
            "Halsnæs Kommune · in Hundested Fremad, Hundested Fremad for Spodsbjergparken og Lynæshusene i Hundested"}
    assert all(c["name"] == "Sundhedsplejen" and c["label"] == "Organisation" for c in cands)
    # each candidate's context is the one its search hit shows
    hits = httpx.get(f"{base}/api/search", params={"q": "Sundhedsplejen", "label": "Organisation"}).json()
    assert {h["id"]: h["context"] for h in hits["items"]} == {c["id"]: c["context"] for c in cands}
    # an analysis' plans: municipality, period and document
    for url, params in (("/api/analyses/shared-partners", {"plan": ["Hundested", "Fjordlys"]}),
                        ("/api/analyses/gaps", {"plan": "Hundested"}), ("/api/plans/Hundested", {})):
        r = httpx.get(base + url, params=params)
        assert r.status_code == 409, r.text
        told = sorted(c["context"] for c in r.json()["candidates"])
        assert told == ["Halsnæs Kommune · 2017–2021 · 08_halsnaes_hundested_pdf.pdf",
                        "Halsnæs Kommune · 2017–2021 · 08_halsnaes_hundested_pdf.txt"], (url, told)


def test_the_openapi_schema_describes_the_candidates(serve):
    spec = httpx.get(f"http://{serve[0]}:{serve[1]}/openapi.json").json()
    text = json.dumps(spec)
    assert '"candidates": {"type": "array", "items": {"type": "object"' in text

