"""The doctest examples of every analysis module run; activity kinds come from the node
or, when it has none, from the graph builder's vocabulary."""
from __future__ import annotations

import doctest
import importlib

import pytest

from samspil.graph.analyses import activity_kind
from samspil.graph.model import PartnershipGraph

MODULES = ["common", "shared", "overlaps", "coverage", "structure", "change"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests_run(name):
    mod = importlib.import_module(f"samspil.graph.analyses.{name}")
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_activity_kind_prefers_the_node_attribute():
    g = PartnershipGraph()
    g.add_node("activity:p/a", "Activity", "Lektiecafé", kind="special")
    g.add_node("activity:p/b", "Activity", "Lektiecafé i Folehaven")
    g.add_node("activity:p/c", "Activity", "Xyzzy")
    assert activity_kind(g, "activity:p/a") == "special"
    assert activity_kind(g, "activity:p/b") == "homework_cafe"
    assert activity_kind(g, "activity:p/c") is None
