"""Privacy for views, exports and the API: contact persons are personal data.

Two levels, both returning a new graph (the input is never changed):

* :func:`hide_contact_details`: no e-mail or phone anywhere (node attributes,
  ids built from an e-mail, and e-mail addresses / phone numbers inside
  evidence excerpts). The read API applies it unless
  ``SAMSPIL_API_SHOW_CONTACT_DETAILS`` is set.
* :func:`redact`: additionally no names: a person becomes their role at their
  organisation ("Afdelingsleder at Københavns Kommune"), their id a stable
  hash, their name removed from every excerpt and mention. ``--redact`` and
  ``SAMSPIL_API_REDACT``.
"""
from __future__ import annotations

import copy
import hashlib
import re
from typing import Any

import networkx as nx

from samspil.graph.model import PartnershipGraph, slug

__all__ = ["hide_contact_details", "redact", "scrub_text", "person_role_label"]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# in excerpts also a cut-off address ("bz3x@k…")
EMAIL_LOOSE = re.compile(r"[\w.+-]+@[\w-]*(?:\.[\w-]+)*")
# Danish numbers: 8 digits, maybe grouped 2-2-2-2 / 4-4 with spaces, maybe +45 / 0045
# (not hyphenated, so periods such as 2025-2028 stay)
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)45 ?)?(?:\d{8}|\d{2} \d{2} \d{2} \d{2}|\d{4} \d{4})(?!\w)")
REDACTED = "[redacted]"


def scrub_text(text: str, names: list[str] | tuple[str, ...] = ()) -> str:
    """Remove e-mails, phone numbers and the given names from ``text``.

    >>> scrub_text("Kontakt Anna Berg, ab@kk.dk, tlf. 21 43 83 24", ["Anna Berg"])
    'Kontakt [redacted], [redacted], tlf. [redacted]'
    """
    text = EMAIL_LOOSE.sub(REDACTED, text)
    text = PHONE.sub(REDACTED, text)
    for n in sorted((n for n in names if n and len(n) > 2), key=len, reverse=True):
        text = re.sub(re.escape(n), REDACTED, text, flags=re.IGNORECASE)
    return text


def person_role_label(graph: PartnershipGraph, pid: str) -> str:
    """"<title> at <organisation>" for a person (what a redacted view shows)."""
    d = graph.node(pid)
    orgs = [graph.node(o).get("name") or o for o in graph.out(pid, "WORKS_AT")]
    title = d.get("title") or "Contact person"
    return f"{title} at {orgs[0]}" if orgs else title


FREE_TEXT = ("sources", "mentions", "merges")  # attributes that quote documents


def _scrub(value: Any, names: list[str]) -> Any:
    """Scrub every string inside ``value`` (lists and dicts walked; document ids kept)."""
    if isinstance(value, str):
        return scrub_text(value, names)
    if isinstance(value, list):
        return [_scrub(v, names) for v in value]
    if isinstance(value, dict):
        return {k: v if k == "document" else _scrub(v, names) for k, v in value.items()}
    return value


def _new_person_id(graph: PartnershipGraph, pid: str, names: bool, taken: set[str]) -> str:
    if not names:
        return "person:" + hashlib.blake2b(pid.encode(), digest_size=5).hexdigest()
    if not EMAIL.search(pid):
        return pid
    d = graph.node(pid)
    orgs = graph.out(pid, "WORKS_AT")
    base = f"person:{slug(d.get('name') or 'x')}@{slug(orgs[0].split(':', 1)[-1]) if orgs else 'x'}"
    new, i = base, 2
    while new in taken:
        new, i = f"{base}-{i}", i + 1
    return new


def _privatise(graph: PartnershipGraph, *, names: bool) -> PartnershipGraph:
    g = copy.deepcopy(graph.g)
    persons = [n for n, d in g.nodes(data=True) if d.get("label") == "Person"]
    person_names: list[str] = []
    if not names:
        for p in persons:
            person_names.append(str(g.nodes[p].get("name") or ""))
            person_names.extend(str(m.get("name") or "") for m in g.nodes[p].get("mentions") or [])
    for _n, d in g.nodes(data=True):
        for key in FREE_TEXT:
            if d.get(key):
                d[key] = _scrub(d[key], person_names)
    for _u, _v, d in g.edges(data=True):
        for key in FREE_TEXT:
            if d.get(key):
                d[key] = _scrub(d[key], person_names)
    taken: set[str] = set(g.nodes)
    mapping = {}
    for p in persons:
        d = g.nodes[p]
        d.pop("email", None)
        d.pop("phone", None)
        if not names:
            d["name"] = person_role_label(graph, p)
            d["mentions"] = [{k: v for k, v in m.items() if k != "name"}
                             for m in d.get("mentions") or []]
        new = _new_person_id(graph, p, names, taken)
        if new != p:
            mapping[p] = new
            taken.add(new)
            d["id"] = new
    if mapping:
        g = nx.relabel_nodes(g, mapping, copy=True)
    return PartnershipGraph(g)


def hide_contact_details(graph: PartnershipGraph) -> PartnershipGraph:
    """A copy without e-mails and phones (attributes, e-mail-based ids, excerpts)."""
    return _privatise(graph, names=True)


def redact(graph: PartnershipGraph) -> PartnershipGraph:
    """A copy where persons are roles at organisations: no names, e-mails or phones."""
    return _privatise(graph, names=False)
