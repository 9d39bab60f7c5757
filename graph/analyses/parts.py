"""Which part of the graph each analysis reads (labels and relationship types).

A command loads only its part (:func:`samspil.graph.store.load_part`): the embedded
store then unpickles that part of its snapshot instead of the whole graph. An
analysis run on its part gives exactly what it gives on the whole graph, because it
never looks at a label or relationship type outside it; ``tests/graph/analyses/
test_parts.py`` runs every analysis both ways and compares.
"""
from __future__ import annotations

from samspil.graph.snapshot import GraphPart

__all__ = ["PARTNERS", "PLANS", "SHARED_PARTNERS", "GAPS", "COMPARE", "TIMELINE",
           "overlaps_part", "brokers_part"]

# an organisation's roles in plans: party, partner, activity partner (common.org_roles)
PARTNERS = GraphPart.of("PARTY_TO", "PARTNER_IN", "HAS_ACTIVITY", "INVOLVED_IN")
PLANS = GraphPart.of("PARTY_TO", "PARTNER_IN", "HAS_ACTIVITY", "INVOLVED_IN")   # (activity partners)
SHARED_PARTNERS = PARTNERS | GraphPart.of("CONTACT_FOR")
GAPS = PARTNERS | GraphPart.of("ADDRESSES", "TARGETS", "HAS_FOCUS_AREA", "IN_FOCUS_AREA",
                               "UNIT_OF", "WORKS_AT", "CONTACT_FOR", "COVERS", "LOCATED_IN",
                               "PART_OF")
COMPARE = PARTNERS | GraphPart.of("ADDRESSES", "TARGETS", "COVERS", "LOCATED_IN",
                                  "HAS_FOCUS_AREA", "IN_FOCUS_AREA")
# ``compare`` and ``shared-partners`` of given plans read even less: the plans and their
# activities with what is next to them (``store.load_plans_around``)
TIMELINE = PARTNERS | GraphPart.of("COVERS")
_OVERLAPS = {"partners": PARTNERS, "target-groups": GraphPart.of("HAS_ACTIVITY", "ADDRESSES", "TARGETS"),
             "zones": GraphPart.of("HAS_ACTIVITY", "COVERS", "LOCATED_IN"),
             "activities": GraphPart.of("HAS_ACTIVITY")}


def overlaps_part(by: str, most_plans: bool = False) -> GraphPart:
    """The part ``overlaps(by=...)`` reads (``organisations_in_most_plans``: partners)."""
    return PARTNERS if most_plans else _OVERLAPS.get(by, PARTNERS)


def brokers_part(by: str) -> GraphPart:
    """The part ``brokers`` / ``communities`` read (evidence: the organisations' roles)."""
    return PARTNERS | GraphPart.of("IN_FOCUS_AREA") if by == "focus-areas" else PARTNERS
