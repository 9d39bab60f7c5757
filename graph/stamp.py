"""What a stored graph was derived with (kept apart from graph/build.py, so reading a
store does not import the resolver and its dependencies)."""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

__all__ = ["builder_stamp"]


@lru_cache(maxsize=1)
def builder_stamp() -> str:
    """What the graph a store holds was derived with: the samspil version and the
    vocabulary files (names, labels and abbreviations shape the graph). A store
    whose graph was built with another stamp rebuilds it from its reports, so an
    upgrade or a vocabulary edit shows without reloading any document (the
    vocabulary is read once per process, so the stamp is too)."""
    from importlib.metadata import version

    from samspil.loaders.vocab import vocab_dir

    h = hashlib.sha256(version("samspil").encode())
    folders = [vocab_dir()] + ([Path(os.environ["SAMSPIL_VOCAB_DIR"])]
                               if os.environ.get("SAMSPIL_VOCAB_DIR") else [])
    for folder in folders:
        for f in sorted(folder.glob("*.yaml")):
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]
