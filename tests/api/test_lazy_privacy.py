"""The API privatises what it serves node by node (issue 13: a start after a load no
longer copies and scrubs the whole graph first). Every detail, list row, search row
and name look-up must equal what the whole privatised graph gives, hidden and
redacted, for every node of the seeds."""
from __future__ import annotations

import pytest

from samspil.api.routes import detail, summary
from samspil.api.snapshot import make_snapshot
from samspil.graph.build import build_graph
from samspil.graph.lookup import resolve_ref
from samspil.loaders.errors import Ambiguous, NotFound
from samspil.viz.redact import Privatiser


def _lookup(names, ref, label):
    try:
        return resolve_ref(names, ref, label)
    except (NotFound, Ambiguous) as exc:
        return type(exc).__name__


@pytest.mark.parametrize("names", [True, False], ids=["hidden", "redacted"])
def test_served_node_by_node_equals_the_whole_privatised_graph(reports, names) -> None:
    raw = build_graph(reports)
    lazy = make_snapshot(raw, 1, Privatiser(raw, names=names))
    whole = make_snapshot(Privatiser(raw, names=names).graph(), 1, None)
    assert not lazy.ready and whole.ready
    assert lazy.search_index == whole.search_index
    assert lazy.by_label == whole.by_label and lazy.plan_members == whole.plan_members
    assert dict(lazy.names.nodes()) == dict(whole.names.nodes())
    persons = 0
    for nid, d in raw.nodes():
        assert detail(lazy, nid) == detail(whole, nid), nid
        assert summary(lazy, nid) == summary(whole, nid), nid
        if d["label"] == "Person":
            persons += 1
            served = lazy.node(nid)
            assert "email" not in served and "phone" not in served
            for ref in (d.get("email"), d["name"]):
                if ref:      # an e-mail never finds a person; a redacted name neither
                    found = _lookup(lazy.names, ref, "Person")
                    assert found == _lookup(whole.names, ref, "Person")
                    assert found != nid or (names and ref == d["name"])
    assert persons > 10
    assert lazy.graph.counts() == whole.graph.counts() and lazy.ready
    for nid, _d in raw.nodes():            # and once the whole graph is made, still equal
        assert detail(lazy, nid) == detail(whole, nid), nid
