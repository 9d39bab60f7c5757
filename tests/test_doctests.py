"""The examples in the library's docstrings run and hold (they are documentation:
a wrong one misleads its reader)."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ("loaders", "graph", "viz", "cli", "api")


def _modules() -> list[str]:
    names = []
    for package in PACKAGES:
        top = importlib.import_module(f"samspil.{package}")
        names.append(top.__name__)
        names += [m.name for m in pkgutil.walk_packages(top.__path__, prefix=f"{top.__name__}.")]
    return sorted(names)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"


def test_the_examples_are_found():
    """(a walk that found no module, or modules without their examples, would pass above)"""
    finder = doctest.DocTestFinder()
    examples = sum(len(t.examples) for name in _modules() for t in finder.find(importlib.import_module(name)))
    assert examples > 150
