"""Answers under concurrency (issue 13): one computation per answer however many ask
at once, and after a write the dear answers are ready before the new graph is served
(readers meanwhile keep the previous one), instead of every reader recomputing them."""
from __future__ import annotations

import threading
import time

from samspil.api.snapshot import make_snapshot
from samspil.graph.model import PartnershipGraph

KEY = "test-key-0123456789"  # the key conftest configures


def test_an_answer_is_computed_once_while_many_ask() -> None:
    snap = make_snapshot(PartnershipGraph(), 1, None)
    calls: list[int] = []
    release = threading.Event()

    def compute() -> bytes:
        calls.append(1)
        release.wait(10)
        return b"answer"

    got: list[bytes] = []
    threads = [threading.Thread(target=lambda: got.append(snap.cached("k", compute)))
               for _ in range(10)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 2      # without one computation per key: 10 calls by now
    while len(calls) < 10 and time.monotonic() < deadline:
        time.sleep(0.01)
    release.set()
    for t in threads:
        t.join()
    assert calls == [1] and got == [b"answer"] * 10


def test_after_a_write_the_dear_answers_are_ready_when_the_new_graph_is_served(
        seeded_write_client, reports) -> None:
    c = seeded_write_client
    cache = c.app.state.cache
    assert c.get("/api/analyses/brokers").status_code == 200
    before = cache.snapshot()
    assert any(k[1] == "/api/analyses/brokers" for k in before.recipes)
    r = c.delete(f"/api/documents/{reports[-1].document}", headers={"X-API-Key": KEY})
    assert r.status_code == 200, r.text
    after = cache.snapshot()
    assert after is not before
    key = next(k for k in after.memo if k[1] == "/api/analyses/brokers")
    assert c.get("/api/analyses/brokers").content == after.memo[key]
