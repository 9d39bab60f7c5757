"""Property-based run of every operation in the OpenAPI schema: no server errors, and
every answer (errors included) matches the schema the document declares.

The app runs over the real seeds store with an API key configured; generated
requests carry a wrong key (schemathesis cannot know the right one), so the
write operations are exercised down to their auth check.
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from samspil.api.app import create_app
from samspil.graph.settings import Settings


@pytest.fixture(scope="module")
def api_schema(store, data_dir):
    app = create_app(store, Settings(data_dir=data_dir, api_key="not-guessable-key-42",
                                     allowed_hosts=["localhost", "testserver"]))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
