"""Domain vocabulary as data: YAML files under ``loaders/vocab/``.

Each file is loaded once (cached) and validated; a malformed file fails loudly
with :class:`VocabularyError` naming the file. Users extend the vocabulary by
editing these files (or pointing ``SAMSPIL_VOCAB_DIR`` at a folder with files
of the same names, which are merged over the bundled ones).
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from samspil.loaders.errors import VocabularyError

# libyaml's parser when PyYAML was built with it (the wheels are): same safe
# subset of YAML, about ten times faster than the pure-Python loader.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["load_vocab", "vocab_layers", "vocab_dir"]


def vocab_dir() -> Path:
    return Path(__file__).parent / "vocab"


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"cannot read vocabulary file: {exc}", document=str(path)) from exc
    if not isinstance(data, dict):
        raise VocabularyError("a vocabulary file must be a YAML mapping", document=str(path))
    return data


@lru_cache(maxsize=None)
def load_vocab(name: str) -> dict[str, Any]:
    """The vocabulary ``name`` (file ``<name>.yaml``), user overrides merged over it."""
    path = vocab_dir() / f"{name}.yaml"
    if not path.exists():
        raise VocabularyError(f"no vocabulary named {name!r}", document=str(path))
    data = _read(path)
    extra_dir = os.environ.get("SAMSPIL_VOCAB_DIR")
    if extra_dir and (Path(extra_dir) / f"{name}.yaml").exists():
        for key, value in _read(Path(extra_dir) / f"{name}.yaml").items():
            if isinstance(value, dict) and isinstance(data.get(key), dict):
                data[key] = {**data[key], **value}
            elif isinstance(value, list) and isinstance(data.get(key), list):
                data[key] = data[key] + value
            else:
                data[key] = value
    return data


@lru_cache(maxsize=None)
def vocab_layers(name: str) -> tuple[dict[str, Any], ...]:
    """The bundled ``<name>.yaml`` and, when ``SAMSPIL_VOCAB_DIR`` has one, the user's, unmerged
    (for vocabularies whose lists a user extends rather than replaces, e.g. towns per municipality)."""
    path = vocab_dir() / f"{name}.yaml"
    if not path.exists():
        raise VocabularyError(f"no vocabulary named {name!r}", document=str(path))
    extra_dir = os.environ.get("SAMSPIL_VOCAB_DIR")
    extra = Path(extra_dir) / f"{name}.yaml" if extra_dir else None
    return (_read(path), _read(extra)) if extra and extra.exists() else (_read(path),)
