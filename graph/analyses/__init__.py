"""Cross-plan analyses: pure functions on a loaded :class:`PartnershipGraph`.

Each returns frozen dataclasses that carry ``id`` and ``name`` of the entities
they are about and an ``evidence`` tuple of source dicts (document, line or
page, excerpt). None of them changes the graph.

===============================  =======================================================
``shared_partners``              organisations and contacts two or more plans share
``overlaps``                     plan x plan overlap by partners, target groups,
                                 activity kinds or zones (count and Jaccard), with the
                                 shared items and evidence
``overlap_matrix``               the same for all pairs at once: counts and Jaccard only
``organisations_in_most_plans``  the organisations present in the most plans
``gaps``                         what plans name but do not cover, each with the reason
``brokers``                      organisations bridging plans or focus areas
``communities``                  organisations that work together
``partners_of``                  an organisation's ego network
``compare``                      partners, target groups, focus areas, zones, activity
                                 kinds kept, dropped and new between two plans
``timeline``                     an area's or an organisation's plans over time
===============================  =======================================================
"""
from samspil.graph.analyses.change import ASPECTS, Change, TimelineEntry, compare, timeline
from samspil.graph.analyses.common import activity_kind
from samspil.graph.analyses.coverage import GAP_KINDS, Gap, gaps
from samspil.graph.analyses.overlaps import (
    DIMENSIONS, OrganisationReach, OverlapMatrix, PlanOverlap, organisations_in_most_plans,
    overlap_matrix, overlaps,
)
from samspil.graph.analyses.shared import PlanRole, SharedPartner, shared_partners

__all__ = [
    "ASPECTS", "DIMENSIONS", "GAP_KINDS", "Broker", "Change", "Collaborator", "Community",
    "Gap", "OrganisationReach", "OverlapMatrix", "PlanOverlap", "PlanRole", "SharedPartner",
    "TimelineEntry", "activity_kind", "brokers", "communities", "compare", "gaps",
    "organisation_projection", "organisations_in_most_plans", "overlap_matrix", "overlaps",
    "partners_of", "shared_partners", "timeline",
]

# brokers, communities and ego networks (with the betweenness and Louvain modules) are
# imported on first use: ``samspil gaps`` or ``overlaps`` does not pay for them
_STRUCTURE = frozenset(("Broker", "Collaborator", "Community", "brokers", "communities",
                        "organisation_projection", "partners_of"))


def __getattr__(name: str):  # noqa: ANN202 - PEP 562
    if name in _STRUCTURE:
        from samspil.graph.analyses import structure
        return getattr(structure, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
