"""Read endpoints: entity lists and details, search, graph views.

Every list pages with ``limit``/``offset`` and answers
``{"ok": true, "total", "limit", "offset", "items"}``; every detail answers
``{"ok": true, "item", "relationships", "evidence"}``. Entities are named by
id, name or unambiguous prefix (``samspil.graph.lookup.resolve_ref``).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from samspil.api.errors import ERROR_RESPONSES
from samspil.api.fastpath import cache_key
from samspil.api.schemas import DETAIL, GRAPH, LIST, SEARCH, ok_json
from samspil.api.search_index import context_of, index_of
from samspil.api.state import Snapshot
from samspil.graph import distinguish
from samspil.graph.lookup import fold, plan_documents, resolve_ref

__all__ = ["router", "KINDS", "summary", "detail"]

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

# URL segment -> graph label
KINDS: dict[str, str] = {
    "plans": "Plan", "organisations": "Organisation", "persons": "Person",
    "activities": "Activity", "zones": "Zone", "target-groups": "TargetGroup",
    "focus-areas": "FocusArea", "documents": "Document",
}
HIDDEN = {"sources", "mentions", "path"}
PRIVATE = {"path"}      # where a document was read on this machine: never shown by the API
TYPE_KEYS = ("type", "document_type", "category", "kind")
TOLD = {"Person", "Activity"}     # rows that carry ``about``: many share a name

Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Ref = Annotated[str, Query(min_length=1, max_length=300)]


def snap(request: Request) -> Snapshot:
    return request.app.state.cache.snapshot()


def cached_json(request: Request, s: Snapshot, compute: Callable[[Snapshot], Any]) -> Response:
    """The JSON of ``compute(s)``, serialised once per loaded graph and URL (path + query):
    repeated reads cost a dictionary lookup, which is what keeps p99 low under load; a
    dear one is computed again for the next graph before that is served."""
    def recipe(snapshot: Snapshot) -> bytes:
        return _serialise(compute(snapshot))
    body = s.cached(cache_key(request.scope), lambda: recipe(s), recipe)
    return Response(body, media_type="application/json")


def _serialise(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                      default=_jsonable).encode("utf-8")


def _jsonable(obj: Any) -> Any:
    from samspil.cli.common import to_jsonable
    out = to_jsonable(obj)
    if out is obj:
        return str(obj)
    return out


def about(s: Snapshot, nid: str) -> str:
    """What tells a person or activity apart from others of its name (``distinguish``)."""
    return distinguish.about(s.node(nid), [(k, way, s.node(o)) for way, o, k, _d in s.relationships(nid)])


def describe(s: Snapshot) -> Callable[[list[str]], dict[str, str]]:
    """For ``resolve_ref``: an ambiguous name's candidates told apart by the line their
    search hits show (``context``: municipality, plans, a person's role)."""
    def told(ids: list[str]) -> dict[str, str]:
        where = context_of(s.indexes, s)
        out = {n: _hit_context(s, where, n, s.node(n)["label"])["context"] for n in ids}
        for n in ids:      # two plans of one name: two documents' readings
            if s.node(n)["label"] == "Plan" and s.node(n).get("documents"):
                out[n] = " · ".join(x for x in (out[n], plan_documents(s.node(n)["documents"])) if x)
        return out
    return told


def summary(s: Snapshot, nid: str) -> dict[str, Any]:
    d = s.node(nid)
    out = {k: v for k, v in d.items() if k not in HIDDEN}
    out["id"] = nid
    if d["label"] in TOLD:
        out["about"] = about(s, nid)
    out["evidence_count"] = len(d.get("sources") or [])
    return out


def detail(s: Snapshot, nid: str) -> dict[str, Any]:
    rels = [_rel(direction, k, other, d, s) for direction, other, k, d in s.relationships(nid)]
    rels.sort(key=lambda r: (r["type"], r["direction"], fold(r["name"]), r["id"]))
    item = {k: v for k, v in s.node(nid).items() if k not in PRIVATE}
    item["id"] = nid
    return {"ok": True, "item": item, "relationships": rels, "evidence": item.get("sources", []),
            "context": _detail_context(s, nid, item, rels)}


def _detail_context(s: Snapshot, nid: str, d: dict[str, Any], rels: list[dict[str, Any]]) -> str:
    """The line a search hit shows (``context``), from the relationships a detail lists
    anyway (no index: a detail is read right after a start): the plans it or its
    activities are in, their municipalities, the organisations it is a unit of."""
    label = d["label"]
    pids: set[str] = set()
    if label != "Plan":
        for r in rels:
            if r["label"] == "Plan":
                pids.add(r["id"])
            elif r["label"] == "Activity" and (p := s.node(r["id"]).get("plan")):
                pids.add(p)
    plans = sorted(((p, s.node(p)) for p in pids if p in s.plan_members),
                   key=lambda pd: (fold(pd[1].get("name") or pd[0]), pd[0]))
    munis = [m for _p, pd in plans if (m := pd.get("municipality"))]
    docs: list[str] = []
    if not plans and label != "Plan":
        docs = distinguish.documents_of(d, MOST_DOCS)
        if docs:      # (the search's index, built once, knows each document's plans)
            where = context_of(s.indexes, s)
            munis = [where.plan[p][1] for doc in docs for p in where.doc_plans.get(doc, ())]
    parents = [r["name"] for r in rels if r["type"] == "UNIT_OF" and r["direction"] == "out"]
    return distinguish.context(d, parents=parents, municipalities=munis,
                               plans=[(p, pd.get("name") or p, pd.get("municipality")) for p, pd in
                                      plans[:PLANS_SHOWN]], plan_count=len(plans), documents=docs,
                               about_text=about(s, nid) if label == "Person" else "")


def _rel(direction: str, rel: str, other: str, d: dict[str, Any], s: Snapshot) -> dict[str, Any]:
    o = s.node(other)
    extra = {k: v for k, v in d.items() if k not in ("type", "sources")}
    return {"type": rel, "direction": direction, "id": other, "label": o["label"],
            "name": o.get("name") or other, "sources": d.get("sources", []), **extra}


def _matches(s: Snapshot, nid: str, q: str | None, plan_members: frozenset[str] | None,
             type_: str | None) -> bool:
    d = s.node(nid)
    if plan_members is not None and nid not in plan_members:
        return False
    if type_ and type_ not in {str(d.get(k)) for k in TYPE_KEYS if d.get(k)}:
        return False
    if q:
        want = fold(q)
        names = [d.get("name") or "", *(d.get("aliases") or []), nid]
        return any(want in fold(n) for n in names if n)
    return True


def _list_endpoint(segment: str, label: str):
    def list_entities(request: Request, q: Annotated[str | None, Query(max_length=200)] = None,
                      plan: Annotated[str | None, Query(max_length=300,
                                                        description="Only those in this plan.")] = None,
                      type: Annotated[str | None, Query(max_length=80,
                                                        description="Type / category / kind.")] = None,
                      limit: Limit = 50, offset: Offset = 0) -> Response:
        def compute(s: Snapshot) -> dict[str, Any]:
            members = None
            if plan:
                members = s.plan_members.get(resolve_ref(s.names, plan, "Plan"), frozenset())
            hits = [n for n in s.by_label.get(label, ()) if _matches(s, n, q, members, type)]
            return {"ok": True, "total": len(hits), "limit": limit, "offset": offset,
                    "items": [summary(s, n) for n in hits[offset:offset + limit]]}
        return cached_json(request, snap(request), compute)

    list_entities.__name__ = f"list_{segment.replace('-', '_')}"
    list_entities.__doc__ = f"{label} nodes, by name; filter by text, plan and type."
    return list_entities


def _detail_endpoint(segment: str, label: str):
    def get_entity(request: Request, ref: str) -> Response:
        return cached_json(request, snap(request),
                           lambda s: detail(s, resolve_ref(s.names, ref, label, describe=describe(s))))

    get_entity.__name__ = f"get_{segment.replace('-', '_')}"
    get_entity.__doc__ = (f"One {label} by id, name or unambiguous prefix: its properties, "
                          "relationships (with their evidence) and evidence.")
    return get_entity


for _seg, _label in KINDS.items():
    router.add_api_route(f"/{_seg}", _list_endpoint(_seg, _label), methods=["GET"],
                         tags=["entities"], summary=f"List {_seg.replace('-', ' ')}",
                         responses=ok_json(LIST))
    router.add_api_route(f"/{_seg}/{{ref:path}}", _detail_endpoint(_seg, _label), methods=["GET"],
                         tags=["entities"], summary=f"One of the {_seg.replace('-', ' ')}",
                         responses=ok_json(DETAIL))


@router.get("/search", tags=["entities"], responses=ok_json(SEARCH))
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           label: Annotated[Literal["Plan", "Document", "Organisation", "Person", "Activity",
                                    "Zone", "TargetGroup", "FocusArea"] | None, Query()] = None,
           limit: Limit = 20, offset: Offset = 0) -> Response:
    """Nodes whose name, alias or id contains ``q`` (case- and accent-insensitive):
    exact matches first, then prefixes, then the rest, by name. Each hit says where it
    belongs (``context``, ``municipalities``, ``plans``, ``plan_count``, ``parents``), so
    that hits of one name (a "Sundhedsplejen" in every municipality) can be told apart."""
    return cached_json(request, snap(request), lambda s: _search(s, q, label, limit, offset))


def search_body(s: Snapshot, q: str, label: str | None, limit: int, offset: int) -> bytes:
    """The JSON ``/api/search`` answers (for the fast path, which answers before routing)."""
    return _serialise(_search(s, q, label, limit, offset))


def _search(s: Snapshot, q: str, label: str | None, limit: int, offset: int) -> dict[str, Any]:
    want = fold(q)
    hits = []
    rows = s.search_index
    for i in index_of(s.indexes, rows).candidates(want):
        nid, lab, name, names = rows[i]
        if label and lab != label:
            continue
        if want in names:
            rank = 0
        elif any(n.startswith(want) for n in names):
            rank = 1
        elif any(want in n for n in names):
            rank = 2
        else:
            continue
        # the row's first folded name is its folded name (``make_snapshot``), unless the
        # node has no name (its id stands in): folding each hit again took ~40% of a search
        hits.append((rank, names[0] if name != nid else fold(name), nid, lab, name))
    hits.sort()
    page = hits[offset:offset + limit]
    where = context_of(s.indexes, s) if page else None
    return {"ok": True, "total": len(hits), "limit": limit, "offset": offset,
            "items": [{"id": nid, "label": lab, "name": name, "match": ("exact", "prefix", "contains")[r],
                       **_hit_context(s, where, nid, lab)}
                      for r, _f, nid, lab, name in page]}


PLANS_SHOWN = 5     # a hit's plans listed (``plan_count`` says how many there are)
MOST_DOCS = 3       # documents named in the context of a hit linked to no plan


def _hit_context(s: Snapshot, where: Any, nid: str, label: str) -> dict[str, Any]:
    """What tells a search hit from others of its name, from the context index (no
    scan per hit): ``about`` (persons, activities, as before), ``context`` (one line to
    show), ``municipalities``, ``plans`` (the first few, by name), ``plan_count`` and
    ``parents`` (the organisations it is a unit of)."""
    out: dict[str, Any] = {}
    told = about(s, nid) if label in TOLD else ""
    if label in TOLD:
        out["about"] = told
    d = s.node(nid)
    if label == "Plan":
        pids: tuple[str, ...] = ()
        munis = [d["municipality"]] if d.get("municipality") else []
    else:
        pids, munis = where.plans(nid), where.municipalities(nid)
    docs: list[str] = []
    if not pids and label != "Plan":    # linked to no plan: the documents that name it
        docs = distinguish.documents_of(d, MOST_DOCS)
        munis = sorted({where.plan[p][1] for doc in docs for p in where.doc_plans.get(doc, ())}
                       - {None}, key=str.casefold)
    shown = [(p, *where.plan[p]) for p in pids[:PLANS_SHOWN]]
    parents = [(p, s.node(p).get("name") or p) for p in where.parents_of.get(nid, ())]
    out["context"] = distinguish.context(d, parents=[n for _p, n in parents], plans=shown,
                                         plan_count=len(pids), municipalities=munis,
                                         about_text=told, documents=docs)
    out["municipalities"] = munis
    out["plans"] = [{"id": p, "name": n} for p, n, _m in shown]
    out["plan_count"] = len(pids)
    out["parents"] = [{"id": p, "name": n} for p, n in parents]
    return out


ViewKind = Literal["plan-network", "copartnership", "ego", "overlap", "gaps", "labels"]
Labels = Literal["Plan", "Document", "Organisation", "Person", "Activity", "Zone",
                 "TargetGroup", "FocusArea"]


By = Literal["partners", "target-groups", "activities", "zones", "focus-areas", "parties"]
BY_HELP = ("overlap: what plans share (partners, target-groups, activities, zones; default "
           "partners); gaps: the matrix's columns (target-groups, zones, focus-areas, parties; "
           "default target-groups).")
FORM_HELP = "overlap and gaps: `matrix` (default) or `network`."
MIN_HELP = ("Overlap and co-partnership: leave out links with fewer shared items "
            "(co-partnership default: the fewest that keep the picture legible).")


def _view(s: Snapshot, view: str, plan: list[str] | None, node: str | None, radius: int,
          by: str | None, label: list[str] | None, min_shared: int | None = None,
          form: str | None = None):
    """The view with the defaults every way in shares (``samspil.viz.output.build_view``)."""
    from samspil.viz.output import build_view          # views: imported on first use
    from samspil.viz.views import make_view, subgraph_view
    if view == "ego" or (node and view == "plan-network" and not plan):
        if not node:
            from samspil.loaders.errors import InputError
            raise InputError("the ego view needs `node` (an id, name or prefix)")
        return make_view(s.graph, "ego", ref=node, radius=radius)
    if view == "labels":
        wanted = set(label or ["Plan", "Organisation"])
        return subgraph_view(s.graph, [n for lab in wanted for n in s.by_label.get(lab, ())],
                             kind="labels", title=", ".join(sorted(wanted)))
    return build_view(s.graph, view, plans=plan, by=by, min_shared=min_shared, form=form)


@router.get("/graph", tags=["graph"], responses=ok_json(GRAPH))
def graph(request: Request, view: ViewKind = "plan-network",
          plan: Annotated[list[str] | None, Query(max_length=50)] = None,
          node: Annotated[str | None, Query(max_length=300)] = None,
          radius: Annotated[int, Query(ge=0, le=4)] = 1,
          by: Annotated[By | None, Query(description=BY_HELP)] = None,
          label: Annotated[list[Labels] | None, Query(max_length=8)] = None,
          min_shared: Annotated[int | None, Query(ge=1, le=1000, description=MIN_HELP)] = None,
          form: Annotated[Literal["matrix", "network"] | None, Query(description=FORM_HELP)] = None
          ) -> Response:
    """A view: the plan-partner network of some or all plans, an ego network
    (``view=ego&node=...``), the organisation co-partnership network, the plan overlap
    matrix, the gap coverage matrix (``form=network`` for those two as networks), or
    every node of some labels (``view=labels&label=Plan&label=Zone``). Networks have
    positions, colours, sizes and a legend; matrices rows, columns and cells with the
    evidence; ``empty`` says why nothing is drawn."""
    return cached_json(request, snap(request), lambda s: {
        "ok": True, **_view(s, view, plan, node, radius, by, label, min_shared, form).to_dict()})


@router.get("/views/{view}.html", response_class=HTMLResponse, tags=["graph"])
def view_html(request: Request, view: ViewKind,
              plan: Annotated[list[str] | None, Query(max_length=50)] = None,
              node: Annotated[str | None, Query(max_length=300)] = None,
              radius: Annotated[int, Query(ge=0, le=4)] = 1,
              by: Annotated[By | None, Query(description=BY_HELP)] = None,
              label: Annotated[list[Labels] | None, Query(max_length=8)] = None,
              min_shared: Annotated[int | None, Query(ge=1, le=1000, description=MIN_HELP)] = None,
              form: Annotated[Literal["matrix", "network"] | None,
                              Query(description=FORM_HELP)] = None) -> HTMLResponse:
    """The same view as a self-contained HTML page (works offline; embed with an iframe)."""
    s = snap(request)
    key = ("html", view, tuple(plan or ()), node, radius, by, tuple(label or ()), min_shared, form)
    def recipe(snapshot: Snapshot) -> str:
        from samspil.viz.render import to_html
        return to_html(_view(snapshot, view, plan, node, radius, by, label, min_shared, form))
    page = s.cached(key, lambda: recipe(s), recipe)
    return HTMLResponse(page)
