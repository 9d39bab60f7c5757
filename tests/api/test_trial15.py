"""What the trial of session 15 found in the API, on the real store and a real server."""
from __future__ import annotations


H = {"X-API-Key": "test-key-0123456789"}


def test_forgetting_an_email_scrubs_it_where_no_person_carries_it(write_client):
    r = write_client.delete("/api/persons/anna@testbo.dk", headers=H)
    assert r.status_code == 200, r.text
    assert r.json()["result"]["person"] and r.json()["result"]["found"]
    # again: no person carries it and no excerpt holds it any more; said, not a 404
    r = write_client.delete("/api/persons/ANNA@testbo.dk", headers=H)
    assert r.status_code == 200, r.text
    assert r.json()["result"] == {"person": None, "scrubbed": [], "found": False}
