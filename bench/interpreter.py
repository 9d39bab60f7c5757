"""Which Python runs a benchmark, and how it was built.

samspil's extraction and graph building are pure Python, so the interpreter's build
matters: a CPython whose executable calls libpython as a shared library (pyenv's and
many hand-built Pythons: ``--enable-shared``, position-independent code, no profile-guided
optimisation) ran the dense-PDF extraction and the 10,000-plan load 10-15% slower on the
same machine than Debian's ``/usr/bin/python3`` (libpython linked into the executable,
built with PGO and LTO, as in the ``python:3.11-slim`` image the Dockerfile uses). Every
benchmark prints this line, so figures from different interpreters are not compared
unawares (README, "Benchmarks").
"""
from __future__ import annotations

import platform
import sys

__all__ = ["describe"]


def describe() -> str:
    """``Python 3.11.2 (/usr/bin/python3.11, libpython linked in)``; "libpython shared" when
    the running executable loaded libpython as a shared library (Linux only; elsewhere the
    build is not told)."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            shared = any("/libpython" in line for line in maps)
        build = "libpython shared" if shared else "libpython linked in"
    except OSError:
        build = platform.python_implementation()
    return f"Python {platform.python_version()} ({sys.executable}, {build})"
