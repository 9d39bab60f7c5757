"""A restarted server reads its privatised, indexed graph back (kept per graph revision
beside the store) instead of privatising and indexing again; each privacy setting
keeps its own, and a write makes the next start build it anew."""
from __future__ import annotations

import warnings

from samspil.api.app import create_app
from samspil.graph.settings import Settings
from samspil.graph.store import open_store

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402




def _emails(settings: Settings) -> set[str]:
    """E-mails anywhere in the served graph of a freshly started app."""
    store = open_store(settings)
    try:
        app = create_app(store, settings)
        graph = app.state.cache.graph()
        return {d["email"] for _, d in graph.nodes("Person") if d.get("email")}
    finally:
        store.close()


def _names(settings: Settings) -> set[str]:
    store = open_store(settings)
    try:
        graph = create_app(store, settings).state.cache.graph()
        return {d["name"] for _, d in graph.nodes("Person")}
    finally:
        store.close()


def test_each_privacy_setting_keeps_its_own_served_graph(tmp_path, reports) -> None:
    hidden = Settings(data_dir=tmp_path)
    redacted = Settings(data_dir=tmp_path, api_redact=True)
    shown = Settings(data_dir=tmp_path, api_show_contact_details=True)
    store = open_store(hidden)
    store.save(reports[:2])
    store.close()
    assert _emails(shown)                                    # the seeds name contacts' e-mails
    assert not (tmp_path / "samspil.sqlite.answers").exists()   # shown: the store's graph as is
    assert not _emails(hidden)                               # hidden by default ...
    real = _names(hidden)
    assert real and not real & _names(redacted)              # ... names gone when redacted
    kept = {p.name for p in (tmp_path / "samspil.sqlite.answers").iterdir()}
    assert len(kept) == 2                                    # ... one kept graph per setting
    assert not _emails(hidden) and _emails(shown)            # read back: still each its own
    assert _names(hidden) == real and not real & _names(redacted)
    assert {p.name for p in (tmp_path / "samspil.sqlite.answers").iterdir()} == kept


def test_a_restart_after_a_write_serves_the_new_graph(tmp_path, reports) -> None:
    settings = Settings(data_dir=tmp_path)
    store = open_store(settings)
    store.save(reports[:1])
    with TestClient(create_app(store, settings), base_url="http://localhost") as c:
        before = c.get("/api/plans").json()
    store.save(reports[1:3])
    store.close()
    store = open_store(settings)
    try:
        with TestClient(create_app(store, settings), base_url="http://localhost") as c:
            after = c.get("/api/plans").json()
    finally:
        store.close()
    assert len(str(after)) > len(str(before))
    fresh = open_store(settings)
    try:
        names = {d["name"] for _, d in fresh.load().nodes("Plan")}
    finally:
        fresh.close()
    assert all(n in str(after) for n in names)
