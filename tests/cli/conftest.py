"""Fixtures shared by the CLI tests."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    """A data folder whose embedded store holds the five bundled agreements."""
    from samspil.graph.settings import Settings
    from samspil.graph.store import open_store
    from samspil.loaders.pipeline import bundled_examples, extract_paths

    d = tmp_path_factory.mktemp("store")
    store = open_store(Settings(data_dir=d))
    store.save([r.report for r in extract_paths([bundled_examples()])])
    store.close()
    return d
