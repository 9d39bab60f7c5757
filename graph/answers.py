"""Answers kept per graph revision: computed once, then read back until the graph changes.

An analysis of all plans (the gaps of every plan, the overlap of every pair, brokers,
communities) or the API's privatised, indexed graph costs seconds at 1,000 plans, and
its answer is a pure function of the committed graph and the arguments. The embedded
store keeps such answers in ``<store>.answers/`` (one pickle per key, owner-only),
each tagged with the graph token its graph was drawn with; an answer whose token is
not the store's current one is computed again. Every rebuild of the graph deletes the
folder (so nothing a ``forget-person`` removed lingers in an answer), and the token is
read before the graph is, so an answer is never filed under a newer graph than the
one it was computed from. An answer is also tagged with the samspil version that
computed it: after an upgrade (an analysis may order or count differently) it is
computed again. A store without this (Neo4j) computes every time.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cached_answer", "kept_answer", "read_answer", "write_answer"]

T = TypeVar("T")


@functools.lru_cache(maxsize=1)
def _version() -> str:
    from importlib.metadata import version
    return version("samspil")


def cached_answer(store: Any, key: tuple, compute: Callable[[], T],
                  token: str | None = None) -> T:
    """``compute()``, or its answer kept for the store's current graph and ``key`` (a
    tuple of plain values naming the analysis and every argument). ``token``: the graph
    token read before the graph ``compute`` uses was read (default: the current one)."""
    if token is None:
        own = getattr(store, "answer_token", None)
        token = own() if own is not None else None
    if token is None:
        return compute()
    path = _path(store, key)
    found = read_answer(path, token, key)
    if found is not None:
        return found[0]
    value = compute()
    write_answer(path, token, key, value)
    return value


def _path(store: Any, key: tuple) -> Path:
    return store.answers_dir / (hashlib.sha256(repr(key).encode()).hexdigest()[:32] + ".pickle")


def kept_answer(store: Any, key: tuple, token: str | None) -> tuple[Any] | None:
    """``(answer,)`` when one is kept for ``key`` and the graph ``token``, else ``None``
    (nothing is computed)."""
    if token is None or getattr(store, "answers_dir", None) is None:
        return None
    return read_answer(_path(store, key), token, key)


def read_answer(path: Path, token: str, key: tuple) -> tuple[Any] | None:
    """``(answer,)`` if ``path`` holds the answer to ``key`` for the graph ``token``."""
    try:
        with open(path, "rb") as f:
            if pickle.load(f) != (token, _version(), repr(key)):
                return None
            return (pickle.load(f),)
    except Exception:      # noqa: BLE001 - absent, half-written or damaged: compute again
        return None


def write_answer(path: Path, token: str, key: tuple, value: Any) -> None:
    """Write atomically (a temporary file renamed), owner-only; failures are ignored."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(mode=0o700, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            pickle.dump((token, _version(), repr(key)), f, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        tmp.unlink(missing_ok=True)
