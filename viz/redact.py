"""Privacy for views, exports and the API: contact persons are personal data.

Two levels, both returning a new graph (the input is never changed). Neither
renames anybody: a person's id is a hash made when the graph is built
(graph/people.py), so one person has one id in the CLI, the API, every export
and every view, redacted or not.

* :func:`hide_contact_details`: no e-mail or phone anywhere (node attributes,
  and e-mail addresses / phone numbers inside evidence excerpts); a person keeps
  the domain of their e-mail (``email_domain``), which tells apart two people of
  one name, and ``has_email`` / ``has_phone`` (true) where it had them, so that the
  gaps analysis on the privatised graph does not count a hidden detail as a missing
  one. The read API applies it unless ``SAMSPIL_API_SHOW_CONTACT_DETAILS`` is set.
* :func:`redact`: additionally no names: a person becomes their role at their
  organisation ("Afdelingsleder at Københavns Kommune"), their name removed
  from every excerpt and mention. ``--redact`` and ``SAMSPIL_API_REDACT``.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any

import networkx as nx

from samspil.graph.distinguish import email_domain
from samspil.graph.model import PartnershipGraph

__all__ = ["hide_contact_details", "redact", "scrub_text", "person_role_label", "Privatiser"]

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
    if "@" in text:
        text = EMAIL_LOOSE.sub(REDACTED, text)
    if any(c.isdigit() for c in text):
        text = PHONE.sub(REDACTED, text)
    return _remove_names(text, _names_automaton(tuple(names))) if names else text


@lru_cache(maxsize=8)
def _names_automaton(names: tuple[str, ...]) -> Any:
    """One Aho-Corasick automaton (pyahocorasick) for all names, case-insensitive:
    one pass over a text however many names there are (a ``re.sub`` per name cost
    minutes for thousands of persons, and one alternation pattern is no better,
    since Python's ``re`` tries its alternatives one by one)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for n in names:
        if n and len(n) > 2:
            automaton.add_word(n.lower(), len(n))
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def _remove_names(text: str, automaton: Any) -> str:
    if automaton is None:
        return text
    low = text.lower()
    if len(low) != len(text):          # a letter whose lower case is longer: rare
        return _remove_names_slow(text, automaton)
    out, pos = [], 0
    for end, length in automaton.iter_long(low):       # leftmost, longest, no overlaps
        start = end - length + 1
        out += [text[pos:start], REDACTED]
        pos = end + 1
    return "".join(out) + text[pos:] if out else text


def _remove_names_slow(text: str, automaton: Any) -> str:
    names = sorted({k for k in automaton.keys()}, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, names)), re.IGNORECASE)
    return pattern.sub(REDACTED, text)


def person_role_label(graph: PartnershipGraph, pid: str) -> str:
    """"<title> at <organisation>" for a person (what a redacted view shows)."""
    d = graph.node(pid)
    orgs = [graph.node(o).get("name") or o for o in graph.out(pid, "WORKS_AT")]
    title = d.get("title") or "Contact person"
    return f"{title} at {orgs[0]}" if orgs else title


FREE_TEXT = ("sources", "mentions", "merges")  # attributes that quote documents


class _Scrubber:
    """Scrub every string inside a value (lists and dicts walked; document ids kept).
    Each distinct string, and each list or dict object (sources are shared between
    the nodes and edges that cite them), is scrubbed once; sharing is kept."""

    def __init__(self, names: list[str]) -> None:
        self.names = tuple(sorted(set(names)))
        self.texts: dict[str, str] = {}
        self.objects: dict[int, tuple[Any, Any]] = {}

    def __call__(self, value: Any) -> Any:
        if isinstance(value, str):
            out = self.texts.get(value)
            if out is None:
                out = self.texts[value] = scrub_text(value, self.names)
            return out
        if not isinstance(value, (list, dict)):
            return value
        hit = self.objects.get(id(value))
        if hit is not None and hit[0] is value:
            return hit[1]
        if isinstance(value, list):
            objects, out = self.objects, []
            for v in value:          # mostly source dicts already seen: look them up here
                hit = objects.get(id(v))
                out.append(hit[1] if hit is not None and hit[0] is v else self(v))
        else:
            out = {k: v if k == "document" else self(v) for k, v in value.items()}
        self.objects[id(value)] = (value, out)
        return out


PERSON_ID = re.compile(r"person:[0-9a-f]{12,64}")


def _legacy_ids(persons: list[str]) -> dict[str, str]:
    """Person ids are hashes (graph/people.py), the same in every view; an id of another
    shape (a graph built by hand, or an id of the earlier ``person:<e-mail>`` scheme)
    is replaced by a hash of it, so no e-mail or name leaves through an id."""
    return {p: "person:" + hashlib.sha256(p.encode()).hexdigest()[:16]
            for p in persons if not PERSON_ID.fullmatch(p)}


class Privatiser:
    """The privatised form of ``graph``'s nodes and relationships, one at a time
    (:meth:`node`, :meth:`edge`: what the API serialises) or all at once (:meth:`graph`).
    ``names=False`` also replaces persons' names by their roles. Both ways give the
    same dicts (one code path); the input graph is never changed."""

    def __init__(self, graph: PartnershipGraph, *, names: bool) -> None:
        self.source = graph
        self.names = names
        persons = [n for n, d in graph.nodes("Person")]
        person_names: list[str] = []
        if not names:
            for p in persons:
                d = graph.node(p)
                person_names.append(str(d.get("name") or ""))
                person_names.extend(str(m.get("name") or "") for m in d.get("mentions") or [])
        self.mapping = _legacy_ids(persons)     # empty for graphs samspil built
        self.scrub = _Scrubber(person_names)

    def edge(self, d: dict[str, Any]) -> dict[str, Any]:
        """A copy of a relationship's (or node's) attributes with their free text scrubbed
        (other values are shared with the source graph: read-only)."""
        out = dict(d)
        for key in FREE_TEXT:
            if out.get(key):
                out[key] = self.scrub(out[key])
        return out

    def node(self, n: str, d: dict[str, Any]) -> dict[str, Any]:
        """The privatised attributes of node ``n`` (``d``: its attributes in the source)."""
        out = self.edge(d)
        if d.get("label") == "Person":
            domain = email_domain(d) if self.names else None
            if domain:     # what tells apart two people of one name (never the address)
                out["email_domain"] = domain
            for key in ("email", "phone"):
                if out.pop(key, None):   # that one is given, not what it is: a hidden detail is
                    out[f"has_{key}"] = True   # no gap ("contact_without_details")
            out["id"] = self.mapping.get(n, n)
            if not self.names:
                out["name"] = person_role_label(self.source, n)
                out["mentions"] = [{k: v for k, v in m.items() if k != "name"}
                                   for m in out.get("mentions") or []]
        return out

    def graph(self) -> PartnershipGraph:
        """The whole privatised graph, nodes renamed by the legacy-id mapping. Built
        directly in networkx's dicts: a deep copy plus ``relabel_nodes`` took seconds
        at 1,000 plans."""
        src, g = self.source.g, nx.MultiDiGraph()
        node, succ, pred = g._node, g._succ, g._pred
        name, fresh = self.mapping.get, self.edge
        for n, d in src._node.items():
            m = name(n, n)
            node[m], succ[m], pred[m] = self.node(n, d), {}, {}
        for u, nbrs in src._succ.items():
            mu = name(u, u)
            for v, keyed in nbrs.items():
                mv = name(v, v)
                succ[mu][mv] = pred[mv][mu] = {k: fresh(d) for k, d in keyed.items()}
        return PartnershipGraph(g)


def hide_contact_details(graph: PartnershipGraph) -> PartnershipGraph:
    """A copy without e-mails and phones (attributes, excerpts)."""
    return Privatiser(graph, names=True).graph()


def redact(graph: PartnershipGraph) -> PartnershipGraph:
    """A copy where persons are roles at organisations: no names, e-mails or phones."""
    return Privatiser(graph, names=False).graph()
