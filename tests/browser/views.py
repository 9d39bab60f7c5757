"""Helpers the explorer's browser tests share: a real server over a store of chosen agreements,
and a view opened until it has drawn."""
from __future__ import annotations


def serve_agreements(tmp_path_factory, served, name: str, paths: list):
    """Yield the address of a real server over a new store holding the agreements of ``paths``
    (a generator for a fixture to delegate to: ``yield from serve_agreements(...)``)."""
    from samspil.api.app import create_app
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store
    from samspil.loaders.pipeline import extract_paths

    settings = Settings(data_dir=tmp_path_factory.mktemp(name))
    store = open_store(settings)
    store.save([r.report for r in extract_paths(paths)])
    with served(create_app(store, settings)) as url:
        yield url
    store.close()


def open_view(page, url: str, fragment: str, form: str) -> None:
    """Open the explorer at ``fragment`` and wait until it is ready and draws ``form`` (a view's
    network or matrix)."""
    page.goto(url + "/" + fragment)
    page.wait_for_selector("body[data-ready]", timeout=30_000)
    page.wait_for_selector(f"body[data-form='{form}']", timeout=20_000)
    page.wait_for_timeout(300)
