"""Run the examples in the extraction modules' docstrings."""
import doctest
import importlib

import pytest

MODULES = ["samspil.loaders.extract.text", "samspil.loaders.extract.people", "samspil.loaders.extract.parties", "samspil.loaders.extract.entry_orgs",
           "samspil.loaders.extract.orgs", "samspil.loaders.extract.mentions", "samspil.graph.model",
           "samspil.loaders.docx_numbering", "samspil.loaders.docx_parts", "samspil.loaders.extract.dates", "samspil.loaders.extract.plan",
           "samspil.loaders.extract.variants", "samspil.loaders.extract.zone_prose",
           "samspil.loaders.extract.org_lists", "samspil.loaders.extract.person_units",
           "samspil.loaders.extract.targets", "samspil.loaders.extract.target_cues",
           "samspil.loaders.extract.focus_areas", "samspil.loaders.extract.mention_scan", "samspil.loaders.webcopy"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
