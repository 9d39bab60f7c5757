"""Find a node by id, name or unambiguous prefix (for the CLI and the API)."""
from __future__ import annotations

import bisect
import re
import shlex
import threading
from collections.abc import Callable

from samspil.graph.model import PartnershipGraph
from samspil.loaders.errors import Ambiguous, NotFound
from samspil.loaders.folding import fold  # one folding for the CLI, the API and extraction

__all__ = ["resolve_ref", "exact_ref", "candidate", "candidate_lines", "plan_documents", "fold",
           "folded_names", "plan_word_matches"]


def resolve_ref(graph: PartnershipGraph, ref: str, label: str | None = None, *,
                words: bool = True, describe: Describe | None = None) -> str:
    """Return the node id that ``ref`` names.

    ``ref`` may be an id, a name or alias (case-insensitive), a person's e-mail, or a
    prefix of any of these that fits exactly one node. A plan is also found by the
    words of its name, aliases, municipality and area when nothing else fits: each word
    of ``ref`` the start of one of theirs ("Gentofte" finds the plan of Gentofte
    Kommune, "Vejen" "Fællesskab i Vejen og Brørup"; ``words=False``: not by words, for
    a names graph without the plans' municipalities). Raises :class:`NotFound` or
    :class:`Ambiguous` (with the candidates; ``describe(ids)`` adds what tells them
    apart, ``samspil.graph.distinguish``: two persons of one name).
    """
    if ref in graph and (label is None or graph.node(ref)["label"] == label):
        return ref
    exact, prefix = _find(graph, ref, label)
    if len(exact) > 1 and len(named := [h for h in exact if fold(graph.node(h).get("name") or "") == fold(ref)]) == 1:
        exact = named  # one node has the name itself, the others it as an alias
    hits = exact or prefix
    what = (label or "node").lower()
    by_words = not hits and label == "Plan" and words
    if by_words:
        hits = plan_word_matches(graph, ref)
    if len(hits) == 1:
        return hits[0]
    if not hits:
        message, api_message = _not_found(graph, ref, label, what)
        raise NotFound(message, api_message=api_message)
    shown = sorted(hits)[:20]
    told = describe(shown) if describe else {}
    cands = [candidate(graph, h, told.get(h)) for h in shown]
    how = " by its words" if by_words else ""
    raise Ambiguous(f"{ref!r} matches {len(hits)} {what}s{how}; give an id or a longer name",
                    candidates=cands)


def candidate(graph: PartnershipGraph, nid: str, told: str | None = None) -> dict[str, str]:
    """An ambiguous name's candidate as people read it and programs use it: ``id``,
    ``label``, ``name`` and ``context``, where it belongs (``told`` by the caller, who may
    read more than ``graph`` holds, else :func:`samspil.graph.distinguish.context_in`:
    twelve municipalities' "Sundhedsplejen" by their municipality and plan, a plan by its
    municipality and period). A plan also names its documents: two plans of one name
    and period are two documents' readings."""
    from samspil.graph.distinguish import context_in

    d = graph.node(nid)
    where = told if told is not None else context_in(graph, nid)
    if told is None and d.get("label") == "Plan" and d.get("documents"):
        where = " · ".join(x for x in (where, plan_documents(d["documents"])) if x)
    return {"id": nid, "label": str(d.get("label") or ""), "name": str(d.get("name") or nid),
            "context": where}


def plan_documents(documents: list[str], most: int = 2) -> str:
    """A plan's documents for a candidate: 'a.txt, b.pdf +1'."""
    docs = list(documents)
    return ", ".join(docs[:most]) + (f" +{len(docs) - most}" if len(docs) > most else "")


def candidate_lines(candidates: list) -> list[str]:
    """An ambiguous name's candidates for a terminal: the name and where it belongs on one
    line, the id to give on the next.

    >>> candidate_lines([{"id": "org:s/01", "name": "Sundhedsplejen",
    ...                   "context": "Brøndby Kommune · in Nordlyset"}])
    ['- Sundhedsplejen (Brøndby Kommune · in Nordlyset)', '  id: org:s/01']
    """
    lines = []
    for c in candidates:
        if not isinstance(c, dict):          # an error raised with plain strings
            lines.append(f"- {c}")
            continue
        lines.append(f"- {c['name']}" + (f" ({c['context']})" if c.get("context") else ""))
        lines.append(f"  id: {c['id']}")
    return lines


_WORD = re.compile(r"\w+")
Describe = Callable[[list[str]], dict[str, str]]


def plan_word_matches(graph: PartnershipGraph, ref: str) -> list[str]:
    """Plans each of whose words of ``ref`` starts a word of the plan's name, aliases,
    municipality or area (folded: case, accents and the Danish letters ignored).

    >>> from samspil.graph.model import PartnershipGraph
    >>> g = PartnershipGraph()
    >>> g.g.add_node("plan:a", label="Plan", name="Nabo i Nord", municipality="Gentofte Kommune")
    >>> g.g.add_node("plan:b", label="Plan", name="Fællesskab i Vejen og Brørup")
    >>> plan_word_matches(g, "gentofte"), plan_word_matches(g, "brorup faell")
    (['plan:a'], ['plan:b'])
    """
    words = _WORD.findall(fold(ref))
    if not words:
        return []
    hits = []
    for nid, d in graph.nodes("Plan"):
        text = " ".join(str(x) for x in (d.get("name"), *(d.get("aliases") or []),
                                         d.get("municipality"), d.get("area")) if x)
        own = _WORD.findall(fold(text))
        if all(any(o.startswith(w) for o in own) for w in words):
            hits.append(nid)
    return hits


def exact_ref(graph: PartnershipGraph, ref: str, label: str) -> str | None:
    """The one ``label`` node whose id, name or alias is ``ref`` itself (case-insensitive,
    no prefix), or None."""
    if ref in graph and graph.node(ref)["label"] == label:
        return ref
    exact, _ = _find(graph, ref, label)
    return exact[0] if len(exact) == 1 else None


def _find(graph: PartnershipGraph, ref: str, label: str | None) -> tuple[list[str], list[str]]:
    """(exact, prefix) matches of ``ref``'s folded form, from the name index or a scan."""
    want = fold(ref)
    index = _index(graph)
    return index.find(want, label) if index else _scan(graph, want, label)


API_LISTS = {"Plan": "plans", "Organisation": "organisations", "Person": "persons",
             "Activity": "activities", "Zone": "zones", "TargetGroup": "target-groups",
             "FocusArea": "focus-areas", "Document": "documents"}


def _not_found(graph: PartnershipGraph, ref: str, label: str | None,
               what: str) -> tuple[str, str]:
    """"no plan matches ..." with the closest names (fuzzy) and what to do: for the
    command line a search command quoted so that it runs as pasted, for the API
    (``api_message``) the routes that list and search."""
    from rapidfuzz import fuzz, process

    names: dict[str, str] = {}
    for nid, d in graph.nodes(label):
        for n in [d.get("name") or "", *(d.get("aliases") or [])]:
            if n:
                names.setdefault(fold(n), str(d.get("name") or nid))
    close = process.extract(fold(ref), list(names), scorer=fuzz.WRatio, limit=8, score_cutoff=70)
    seen: list[str] = []
    for key, _score, _i in close:
        if names[key] not in seen:
            seen.append(names[key])
    hint = f"did you mean {' or '.join(repr(n) for n in seen[:3])}? " if seen else ""
    from urllib.parse import urlencode
    query = urlencode({"q": ref, **({"label": label} if label else {})})
    lists = f"GET /api/{API_LISTS[label]} lists the {what}s, " if label in API_LISTS else ""
    api = f"no {what} matches {ref!r}; {hint}{lists}GET /api/search?{query} searches by name"
    return f"no {what} matches {ref!r}; {hint}try `samspil search {shlex.quote(ref)}`", api


def folded_names(nid: str, d: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A node's name, aliases, id and a person's e-mail (``""`` for none; the id is
    always second to last) and their folded forms; the names graph of a snapshot
    (``snapshot.names_graph``) carries the folded ones under ``folded``, so a look-up
    does not fold 25,000 names per command."""
    names = (d.get("name") or "", *(d.get("aliases") or []), nid, d.get("email") or "")
    return names, d.get("folded") or tuple(fold(n) for n in names)


def _scan(graph: PartnershipGraph, want: str, label: str | None) -> tuple[list[str], list[str]]:
    """(exact, prefix) matches by folding every name: cheaper than building the
    index for the one or two look-ups of a CLI command."""
    exact: list[str] = []
    prefix: list[str] = []
    for nid, d in graph.nodes(label):
        names, folded = folded_names(nid, d)
        at_id = len(names) - 2
        named = [f for i, (n, f) in enumerate(zip(names, folded)) if n and i != at_id]
        if want in named or want == folded[at_id]:
            exact.append(nid)
        elif any(n.startswith(want) for n in named) or folded[at_id].startswith(want):
            prefix.append(nid)
    return exact, prefix


def _names(d: dict) -> list[str]:
    """What a node is looked up by besides its id: name, aliases, and a person's e-mail
    (person ids are hashes, so ``samspil show ab@kk.dk`` finds the person this way)."""
    return [d.get("name") or "", *(d.get("aliases") or []), d.get("email") or ""]


SCANS_BEFORE_INDEX = 3     # look-ups of one graph answered by scanning before it is indexed


class _NameIndex:
    """Folded names, aliases and ids of every node, sorted: an exact name or a prefix
    is a binary search instead of folding every name of the graph per look-up (the
    API looks names up on every request; 35-280 ms a look-up at 1,000-10,000 plans)."""

    def __init__(self, graph: PartnershipGraph) -> None:
        entries = []
        for order, (nid, d) in enumerate(graph.nodes()):
            names = {fold(n) for n in _names(d) if n}
            entries += [(key, order, nid, d["label"], False) for key in names]
            entries.append((fold(nid), order, nid, d["label"], True))
        entries.sort()
        self.keys = [e[0] for e in entries]
        self.entries = entries

    def find(self, want: str, label: str | None) -> tuple[list[str], list[str]]:
        """(exact, prefix) matches in graph order, as a scan of every node gives them."""
        exact: dict[int, str] = {}
        prefix: dict[int, str] = {}
        for key, order, nid, lab, _is_id in self.entries[bisect.bisect_left(self.keys, want):]:
            if not key.startswith(want):
                break
            if label is None or lab == label:
                (exact if key == want else prefix)[order] = nid
        prefix = {k: v for k, v in prefix.items() if k not in exact}
        return [exact[k] for k in sorted(exact)], [prefix[k] for k in sorted(prefix)]


_LOCK = threading.Lock()


def _index(graph: PartnershipGraph) -> _NameIndex | None:
    """The graph's name index once it has been looked up ``SCANS_BEFORE_INDEX`` times
    (a long-lived graph: the API's), built again when nodes were added or removed
    (names live on nodes; counting edges would cost as much as a scan)."""
    stamp = graph.g.number_of_nodes()
    found = getattr(graph, "_name_index", None)
    if found is not None and found[0] == stamp and found[1] is not None:
        return found[1]
    with _LOCK:
        found = getattr(graph, "_name_index", None)
        if found is None or found[0] != stamp:
            found = (stamp, None, 1)
        elif found[1] is None and found[2] + 1 >= SCANS_BEFORE_INDEX:
            found = (stamp, _NameIndex(graph), found[2] + 1)
        elif found[1] is None:
            found = (stamp, None, found[2] + 1)
        graph._name_index = found      # type: ignore[attr-defined]
    return found[1]
