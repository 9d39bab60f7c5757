"""What a stored graph was derived with (kept apart from graph/build.py, so reading a
store does not import the resolver and its dependencies)."""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

__all__ = ["builder_stamp", "GRAPH_FORMAT"]

# What build_graph emits, beyond the version: raise it when ids or the graph's shape
# change without a release (2: person ids are hashes, not e-mails or names; 3: plans of
# one name and period in two municipalities have an id each, a magistratsafdeling's
# "Børn og Unge" links plans like a common noun; 4: a generic zone name such as "Zone 1"
# is scoped by its plan, graph/zone_ids.py), so every store built before rebuilds
# its graph from its reports on first use.
GRAPH_FORMAT = 4


@lru_cache(maxsize=1)
def builder_stamp() -> str:
    """What the graph a store holds was derived with: the samspil version,
    :data:`GRAPH_FORMAT` and the vocabulary files (names, labels and abbreviations
    shape the graph). A store whose graph was built with another stamp rebuilds it
    from its reports, so an upgrade or a vocabulary edit shows without reloading any
    document (the vocabulary is read once per process, so the stamp is too)."""
    from importlib.metadata import version

    import samspil.loaders   # (``loaders.vocab.vocab_dir()`` without importing YAML: every read asks)

    h = hashlib.sha256(f"{version('samspil')}/graph-{GRAPH_FORMAT}".encode())
    folders = [Path(samspil.loaders.__file__).parent / "vocab"] + ([Path(os.environ["SAMSPIL_VOCAB_DIR"])]
                               if os.environ.get("SAMSPIL_VOCAB_DIR") else [])
    for folder in folders:
        for f in sorted(folder.glob("*.yaml")):
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]
