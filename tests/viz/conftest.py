"""Graphs for the view tests: the seeds (real extraction + build) and the XSS report."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from samspil.graph.build import build_graph
from samspil.loaders.model import AgreementReport
from samspil.loaders.pipeline import bundled_examples, extract_paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
XSS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="session")
def seed_reports() -> list[AgreementReport]:
    results = list(extract_paths([bundled_examples()]))
    assert all(r.ok for r in results)
    return [r.report for r in results]


@pytest.fixture(scope="session")
def xss_report() -> AgreementReport:
    return AgreementReport.from_dict(
        json.loads((FIXTURES / "xss_report.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def seeds_graph(seed_reports):
    return build_graph(seed_reports)


@pytest.fixture(scope="session")
def xss_graph(xss_report):
    return build_graph([xss_report])
