"""Analysis endpoints: thin wrappers over ``samspil.graph.analyses`` (one call each).

Each answers ``{"ok": true, "total", "limit", "offset", "items"}`` with the
analysis' frozen dataclasses as JSON objects (evidence included). Results are
computed once per loaded graph and URL.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from samspil.api.errors import ERROR_RESPONSES
from samspil.api.routes import Limit, Offset, cached_json, snap
from samspil.api.schemas import LIST, ok_json
from samspil.api.snapshot import Snapshot
from samspil.cli.common import to_jsonable
from samspil.graph import analyses as an

__all__ = ["router"]

router = APIRouter(prefix="/api/analyses", tags=["analyses"],
                   responses={**ERROR_RESPONSES, **ok_json(LIST)})

Plans = Annotated[list[str] | None, Query(max_length=50,
                                          description="Plan ids, names or prefixes; all when empty.")]
Dimension = Literal["partners", "target-groups", "activities", "zones"]
GapKind = Literal[an.GAP_KINDS]  # type: ignore[valid-type]  # one list of kinds: graph/analyses
Aspect = Literal["partners", "target-groups", "focus-areas", "zones", "activities"]


def page(request: Request, fn: Callable[..., Any], limit: int, offset: int,
         **kwargs: Any) -> Response:
    """One page of ``fn(graph, **kwargs)``."""
    def compute(s: Snapshot) -> dict[str, Any]:
        rows = list(fn(s.graph, **kwargs))
        return {"ok": True, "total": len(rows), "limit": limit, "offset": offset,
                "items": to_jsonable(rows[offset:offset + limit])}
    return cached_json(request, snap(request), compute)


@router.get("/shared-partners")
def shared_partners(request: Request, plan: Plans = None,
                    min_plans: Annotated[int | None, Query(ge=1, le=1000)] = None,
                    limit: Limit = 100, offset: Offset = 0) -> Response:
    """Organisations and contact persons that two or more of the plans share."""
    return page(request, an.shared_partners, limit, offset, plans=plan, min_plans=min_plans)


@router.get("/overlaps")
def overlaps(request: Request, by: Dimension = "partners", plan: Plans = None,
             min_shared: Annotated[int, Query(ge=1, le=10_000)] = 1,
             limit: Limit = 100, offset: Offset = 0) -> Response:
    """Plan x plan overlaps by partners, target groups, activity kinds or zones."""
    return page(request, an.overlaps, limit, offset, by=by, plans=plan, min_shared=min_shared)


@router.get("/gaps")
def gaps(request: Request, plan: Plans = None,
         kind: Annotated[list[GapKind] | None, Query(max_length=8)] = None,
         limit: Limit = 100, offset: Offset = 0) -> Response:
    """What plans name but do not cover, each with its reason and evidence."""
    return page(request, an.gaps, limit, offset, plans=plan, kinds=kind)


@router.get("/brokers")
def brokers(request: Request, by: Literal["plans", "focus-areas"] = "plans",
            exact: bool = False, plan: Plans = None, limit: Limit = 20,
            offset: Offset = 0) -> Response:
    """Organisations bridging plans (or focus areas): betweenness on the organisation
    projection, sampled with a fixed seed unless ``exact``; with ``plan``, in those plans'
    network only."""
    return page(request, _all_brokers, limit, offset, by=by, exact=exact, plans=plan)


def _all_brokers(graph: Any, **kwargs: Any) -> list[Any]:
    return an.brokers(graph, limit=None, **kwargs)


@router.get("/compare")
def compare(request: Request, a: Annotated[str, Query(min_length=1, max_length=300)],
            b: Annotated[str, Query(min_length=1, max_length=300)],
            aspect: Annotated[list[Aspect] | None, Query(max_length=5)] = None,
            limit: Limit = 500, offset: Offset = 0) -> Response:
    """What was kept, dropped and new from the earlier to the later of two plans."""
    kwargs = {"aspects": tuple(aspect)} if aspect else {}
    return page(request, an.compare, limit, offset, plan_a=a, plan_b=b, **kwargs)


@router.get("/timeline")
def timeline(request: Request, ref: Annotated[str, Query(min_length=1, max_length=300)],
             limit: Limit = 100, offset: Offset = 0) -> Response:
    """An area's or an organisation's plans over time."""
    return page(request, an.timeline, limit, offset, ref=ref)


@router.get("/communities")
def communities(request: Request, by: Literal["plans", "focus-areas"] = "plans",
                limit: Limit = 100, offset: Offset = 0) -> Response:
    """Groups of organisations that work together (Louvain, fixed seed)."""
    return page(request, an.communities, limit, offset, by=by)
