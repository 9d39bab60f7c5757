"""What tells apart nodes that share a name (two people called "Anne Holm" in different
plans; a "Lektiecafé" in five plans), for the candidates of an ambiguous name, search
hits and list rows in the CLI and the API.

A person is told by their title, organisation, the plans they are contact for and the
domain of their e-mail address (never the address itself: the API hides contact
details, ``samspil.viz.redact`` keeps only the domain as ``email_domain``); an activity
by its plan. Other nodes carry no such description (a plan's municipality is shown by
:func:`samspil.graph.lookup.resolve_ref` already; organisations of one name are one node).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from samspil.graph.model import PartnershipGraph

__all__ = ["about", "about_in", "context", "context_in", "describer", "documents_of", "email_domain",
           "period"]

Link = tuple[str, str, dict[str, Any]]       # (relationship type, direction, other end)
MOST = 3                                     # organisations or plans named, then "+N"


def email_domain(d: dict[str, Any]) -> str | None:
    """The domain of a person's e-mail (``email_domain`` of a privatised node)."""
    if d.get("email_domain"):
        return str(d["email_domain"])
    email = str(d.get("email") or "")
    return email.rsplit("@", 1)[1].lower() if "@" in email else None


def _names(nodes: list[dict[str, Any]]) -> str:
    names = sorted({str(n.get("name") or "") for n in nodes} - {""}, key=str.casefold)
    more = f" +{len(names) - MOST}" if len(names) > MOST else ""
    return ", ".join(names[:MOST]) + more


def about(d: dict[str, Any], links: Iterable[Link]) -> str:
    """A short description of a node from its attributes ``d`` and its relationships,
    e.g. 'Afdelingsleder at UU Randers, contact for Engparken, e-mail @randers.dk'
    ("" for labels without one).

    >>> about({"label": "Person", "title": "Afdelingsleder", "email": "ah@randers.dk"},
    ...       [("WORKS_AT", "out", {"name": "UU Randers"}),
    ...        ("CONTACT_FOR", "out", {"name": "Engparken"})])
    'Afdelingsleder at UU Randers, contact for Engparken, e-mail @randers.dk'
    >>> about({"label": "Activity"}, [("HAS_ACTIVITY", "in", {"name": "Mit Kvarter"})])
    'in Mit Kvarter'
    """
    label = d.get("label")
    links = list(links)
    if label == "Activity":
        plans = _names([o for k, way, o in links if k == "HAS_ACTIVITY" and way == "in"])
        return f"in {plans}" if plans else ""
    if label != "Person":
        return ""
    orgs = _names([o for k, way, o in links if k == "WORKS_AT" and way == "out"])
    plans = _names([o for k, way, o in links if k == "CONTACT_FOR" and way == "out"])
    role = " at ".join(x for x in (str(d.get("title") or ""), orgs) if x)
    domain = email_domain(d)
    parts = [role, f"contact for {plans}" if plans else "", f"e-mail @{domain}" if domain else ""]
    return ", ".join(p for p in parts if p)


def about_in(graph: PartnershipGraph, nid: str) -> str:
    """:func:`about` of a node of ``graph`` (which holds its neighbours)."""
    g = graph.g
    links = [(k, "out", g.nodes[v]) for _, v, k in g.out_edges(nid, keys=True)]
    links += [(k, "in", g.nodes[u]) for u, _, k in g.in_edges(nid, keys=True)]
    return about(graph.node(nid), links)


def describer(load: Callable[[list[str]], PartnershipGraph]) -> Callable[[list[str]], dict[str, str]]:
    """``describe(ids) -> {id: about}`` for :func:`samspil.graph.lookup.resolve_ref`,
    reading the nodes and their neighbours with ``load(ids)`` (a store's ``load_around``)
    only when a name is ambiguous."""
    def describe(ids: list[str]) -> dict[str, str]:
        graph = load(ids)
        return {n: about_in(graph, n) for n in ids if n in graph}
    return describe


# -- a search hit's context ------------------------------------------------------------
PlanInfo = tuple[str, str, "str | None"]     # (id, name, municipality)


def period(d: dict[str, Any]) -> str:
    """A plan's period as years: '2021–2024', '2017–?', '' when undated."""
    start, end = (str(d.get(k) or "")[:4] for k in ("period_start", "period_end"))
    return f"{start or '?'}–{end or '?'}" if start or end else ""


def documents_of(d: dict[str, Any], most: int = 3, scan: int = 50) -> list[str]:
    """The first ``most`` documents that name a node (its mentions, else its sources;
    at most ``scan`` of them looked at)."""
    found: list[str] = []
    for m in list(d.get("mentions") or d.get("sources") or [])[:scan]:
        doc = m.get("document") if isinstance(m, dict) else None
        if doc and doc not in found:
            found.append(doc)
            if len(found) == most:
                break
    return found


def context(d: dict[str, Any], *, parents: Iterable[str] = (), plans: list[PlanInfo] = (),
            plan_count: int | None = None, municipalities: Iterable[str] = (),
            about_text: str = "", documents: Iterable[str] = ()) -> str:
    """One line that tells a search hit from others of its name: where it belongs.
    An organisation: the organisation it is a unit of, the municipalities and names of
    the plans it is in; a plan: its municipality and period; a person: :func:`about`
    and their plans' municipalities; anything else: municipalities and plans.
    ``plans`` are the first few (sorted by name) of ``plan_count`` (default: all given);
    a node in no plan says which ``documents`` name it.

    >>> context({"label": "Organisation"}, plans=[("plan:a", "Fjordhøjen for Alle", "Struer Kommune")],
    ...         municipalities=["Struer Kommune"])
    'Struer Kommune · in Fjordhøjen for Alle'
    >>> context({"label": "Organisation"}, parents=["Køge Kommune"], municipalities=["Køge Kommune"],
    ...         plans=[("p1", "A", None), ("p2", "B", None), ("p3", "C", None)], plan_count=5)
    'unit of Køge Kommune · in A, B, C +2'
    >>> context({"label": "Plan", "municipality": "Struer Kommune", "period_start": "2021-01-01",
    ...          "period_end": "2024-12-31"})
    'Struer Kommune · 2021–2024'
    >>> context({"label": "Organisation"}, municipalities=["Tårnby Kommune"], documents=["09.txt"])
    'Tårnby Kommune · only named in 09.txt'
    """
    label = d.get("label")
    units = sorted(set(parents) - {""}, key=str.casefold)
    munis = sorted(set(municipalities) - {None, ""} - set(units), key=str.casefold)
    where = ", ".join(munis[:MOST]) + (f" +{len(munis) - MOST}" if len(munis) > MOST else "")
    if label == "Plan":
        return " · ".join(x for x in (str(d.get("municipality") or ""), period(d)) if x)
    if label == "Person" and about_text:
        return " · ".join(x for x in (about_text, where) if x)
    names = [name for _id, name, _m in list(plans)[:MOST]]
    more = (plan_count if plan_count is not None else len(list(plans))) - len(names)
    in_plans = ("in " + ", ".join(names) + (f" +{more}" if more > 0 else "")) if names else ""
    docs = list(documents)
    if not in_plans and docs:
        in_plans = "only named in " + ", ".join(docs)
    unit = "unit of " + ", ".join(units[:MOST]) if units else ""
    return " · ".join(x for x in (unit, where, in_plans) if x)


def context_in(graph: PartnershipGraph, nid: str) -> str:
    """:func:`context` of a node of ``graph`` read from its neighbours: the plans it or its
    activities are in (those ``graph`` holds), their municipalities, the organisations it
    is a unit of; a node in no plan: the documents that name it. What an ambiguous name's
    candidates show (``resolve_ref``) where no store or index tells more.

    >>> g = PartnershipGraph()
    >>> g.g.add_node("plan:a", label="Plan", name="Nordlyset", municipality="Brøndby Kommune")
    >>> g.g.add_node("org:s", label="Organisation", name="Sundhedsplejen")
    >>> _ = g.g.add_edge("org:s", "plan:a", key="PARTNER_IN")
    >>> context_in(g, "org:s")
    'Brøndby Kommune · in Nordlyset'
    """
    g = graph.g
    d = g.nodes[nid]
    label = d.get("label")
    if label == "Plan":
        return context(d)
    pids: set[str] = set()
    for other in {*g._succ[nid], *g._pred[nid]}:
        o = g.nodes[other]
        if o.get("label") == "Plan":
            pids.add(other)
        elif o.get("label") == "Activity" and o.get("plan") in g:
            pids.add(o["plan"])
    plans = sorted(((p, g.nodes[p]) for p in pids),
                   key=lambda pd: (str(pd[1].get("name") or pd[0]).casefold(), pd[0]))
    parents = [g.nodes[v].get("name") or v for v, keys in g._succ[nid].items() if "UNIT_OF" in keys]
    return context(d, parents=parents,
                   plans=[(p, str(pd.get("name") or p), pd.get("municipality")) for p, pd in plans[:MOST]],
                   plan_count=len(plans), municipalities=[pd.get("municipality") for _p, pd in plans],
                   documents=documents_of(d) if not plans else (),
                   about_text=about_in(graph, nid) if label == "Person" else "")
