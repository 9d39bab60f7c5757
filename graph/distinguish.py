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

__all__ = ["about", "about_in", "describer", "email_domain"]

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
