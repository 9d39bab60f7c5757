"""Privacy: no e-mails or phones unless asked; --redact also removes names."""
from __future__ import annotations

import json

from samspil.viz.redact import hide_contact_details, redact
from samspil.viz.render import to_html
from samspil.viz.views import ego


def _dump(graph) -> str:
    return json.dumps([(n, d) for n, d in graph.nodes()], ensure_ascii=False) + json.dumps(
        [(u, v, d) for u, v, d in graph.edges()], ensure_ascii=False)


def test_hide_contact_details(xss_graph):
    g = hide_contact_details(xss_graph)
    text = _dump(g)
    assert "anna@testbo.dk" not in text and "12345678" not in text
    assert "Anna <i>Test</i>" in text                       # names stay
    assert "anna@testbo.dk" in _dump(xss_graph)             # input untouched
    assert len(g) == len(xss_graph)


def test_redact_persons_become_roles(xss_graph):
    g = redact(xss_graph)
    persons = [d for _, d in g.nodes("Person")]
    assert [p["name"] for p in persons] == ["Projektleder at Boligselskabet Testbo"]
    text = _dump(g)
    for secret in ("Anna", "anna@testbo.dk", "12345678"):
        assert secret not in text
    assert g.counts() == xss_graph.counts()


def test_redacted_view_has_no_personal_data(seeds_graph):
    g = redact(seeds_graph)
    emails = [d["email"] for _, d in seeds_graph.nodes("Person") if d.get("email")]
    names = [d["name"] for _, d in seeds_graph.nodes("Person")]
    assert emails and names
    page = to_html(ego(g, "Københavns Kommune", radius=2))
    assert [e for e in emails if e in page] == []
    assert [n for n in names if len(n) > 6 and n in page] == []
    everything = _dump(g)     # attributes, evidence, mentions, merge notes
    assert [e for e in emails if e in everything] == []
    assert [n for n in names if len(n) > 6 and n in everything] == []
