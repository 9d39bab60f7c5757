"""What each compiled pattern costs one warm extraction, by call site.

Run: ``python bench/regex_costs.py [FILE] [--top N]`` (default: bundled agreement 000
rendered to the dense PDF of ``bench_extract.py``; ``SAMSPIL_PDF_FORK=0`` for one process).

Every call of a compiled pattern's ``search``, ``match``, ``fullmatch``, ``finditer``,
``findall``, ``sub``, ``subn`` and ``split`` made during one warm ``extract_file`` is recorded
with its arguments and the line that made it; each (pattern, method, line) group is then
replayed on its own, with no wrapper in the loop, and its least time of several replays is
printed: the engine's own cost of that pattern at that place, which a profiler's per-call
overhead (~1 µs a call, ~40,000 calls) would swamp. The patterns are wrapped before
``samspil`` is imported, so every module's patterns are seen (``re.compile`` and ``re``'s
module functions, which compile through ``re._compile``).
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
import tempfile
import time
from pathlib import Path

_METHODS = frozenset(("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"))
_CALLS: dict[tuple, list] = collections.defaultdict(list)
_RECORDING = [False]
_compile = re._compile  # type: ignore[attr-defined]


class _Recorded:
    """A compiled pattern whose matching calls are recorded while ``_RECORDING``."""

    __slots__ = ("_p",)  # (not "pattern": the wrapped pattern's own attribute)

    def __init__(self, pattern: re.Pattern) -> None:
        self._p = pattern

    def __getattr__(self, name: str):
        attr = getattr(self._p, name)
        if name not in _METHODS:
            return attr

        def call(*args, **kwargs):
            if _RECORDING[0]:
                frame = sys._getframe(1)
                site = f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}"
                _CALLS[(self._p, name, site)].append((args, kwargs))
            return attr(*args, **kwargs)
        return call

    def __hash__(self) -> int:
        return hash(self._p)

    def __eq__(self, other: object) -> bool:
        return self._p == (other._p if isinstance(other, _Recorded) else other)

    def __repr__(self) -> str:
        return repr(self._p)


def _recording_compile(pattern, flags=0):
    if isinstance(pattern, _Recorded):
        return pattern
    return _Recorded(_compile(pattern, flags))


def replay(calls: list, pattern: re.Pattern, method: str, repeat: int = 5) -> float:
    """The least time of ``repeat`` replays of ``calls`` (seconds)."""
    bound = getattr(pattern, method)
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        if method == "finditer":
            for args, kwargs in calls:
                for _m in bound(*args, **kwargs):
                    pass
        else:
            for args, kwargs in calls:
                bound(*args, **kwargs)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", type=Path, help="a document (default: the dense PDF)")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    re._compile = _recording_compile  # type: ignore[attr-defined]
    re.compile = lambda pattern, flags=0: _recording_compile(pattern, flags)  # type: ignore[assignment]
    from samspil.loaders.pipeline import extract_file

    with tempfile.TemporaryDirectory() as tmp:
        path = args.file
        if path is None:
            sys.path.insert(0, str(Path(__file__).parent))
            from bench_extract import make_dense_pdf

            from samspil.loaders.pipeline import bundled_examples
            path = make_dense_pdf(Path(tmp) / "dense.pdf", sorted(bundled_examples().glob("*.txt"))[0])
        extract_file(path)
        extract_file(path)  # (warm: patterns compiled, per-name caches filled)
        _RECORDING[0] = True
        took = time.perf_counter()
        extract_file(path)
        took = time.perf_counter() - took
        _RECORDING[0] = False
    rows = [(replay(calls, p, m), len(calls), m, p, site) for (p, m, site), calls in _CALLS.items()]
    total = sum(r[0] for r in rows)
    print(f"{path.name}: {sum(r[1] for r in rows):,} pattern calls at {len(rows)} sites, replayed "
          f"{total * 1e3:.1f} ms (the recorded extraction, wrappers included, took {took * 1e3:.0f} ms)")
    for seconds, n, method, pattern, site in sorted(rows, key=lambda r: -r[0])[:args.top]:
        print(f"{seconds * 1e3:7.3f} ms {n:6d} {method:9s} {site:28s} {pattern.pattern[:90]!r}")


if __name__ == "__main__":
    main()
