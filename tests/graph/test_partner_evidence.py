"""Evidence for an activity partner cites the text that names the partner inside the
activity's section, not just the activity's heading."""
from __future__ import annotations

import re

from samspil.graph.build import build_graph
from samspil.loaders.folding import fold


def _words(text: str) -> str:
    return " " + " ".join(re.sub(r"[\W_]+", " ", fold(text)).split()) + " "


def test_activity_partner_evidence_names_the_partner(seed_reports):
    g = build_graph(seed_reports)
    involved = [(u, v, d) for u, v, k, d in g.g.edges(keys=True, data=True) if k == "INVOLVED_IN"]
    own = named = 0
    for u, v, d in involved:
        heading = g.node(v)["sources"][0]
        src = d["sources"][0]
        if (src.get("line"), src.get("excerpt")) == (heading.get("line"), heading.get("excerpt")):
            continue                      # no mention of the partner in the section: the heading
        own += 1
        assert src in g.node(u)["sources"], (u, src)          # the partner's own mention ...
        assert src["document"] == heading["document"] and src["line"] >= heading["line"]
        names = [g.node(u)["name"], *(g.node(u).get("aliases") or []),
                 *(m["name"] for m in g.node(u).get("mentions") or [] if m.get("name"))]
        named += any(_words(n) in _words(src["excerpt"]) for n in names)
    assert own > len(involved) / 2       # most partners are cited where they are named
    assert named > own / 2               # ... in an excerpt that (mostly visibly) names them
