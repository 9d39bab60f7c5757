"""Find a node by id, name or unambiguous prefix (for the CLI and the API)."""
from __future__ import annotations

import unicodedata

from samspil.graph.model import PartnershipGraph
from samspil.loaders.errors import Ambiguous, NotFound

__all__ = ["resolve_ref", "fold"]


_DANISH = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})


def fold(text: str) -> str:
    """Case- and accent-insensitive form for matching user input, with the Danish
    letters folded the ways keyboards without them write them: ø as o or oe,
    å as a or aa, æ as ae ("kobenhavns", "koebenhavns" and "Københavns" match).

    >>> fold("Københavns Kommune") == fold("kobenhavns kommune") == fold("KOEBENHAVNS  kommune")
    True
    >>> fold("Sjælør Boulevard") == fold("sjaelor boulevard"), fold("Århus") == fold("Aarhus")
    (True, True)
    >>> fold("Café Rose")
    'cafe rose'
    """
    t = unicodedata.normalize("NFKC", text).casefold().translate(_DANISH)
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    t = t.replace("aa", "a").replace("oe", "o")
    return " ".join(t.split())


def resolve_ref(graph: PartnershipGraph, ref: str, label: str | None = None) -> str:
    """Return the node id that ``ref`` names.

    ``ref`` may be an id, a name or alias (case-insensitive), or a prefix of either
    that fits exactly one node. Raises :class:`NotFound` or :class:`Ambiguous`
    (with the candidates).
    """
    if ref in graph and (label is None or graph.node(ref)["label"] == label):
        return ref
    want = fold(ref)
    exact: list[str] = []
    prefix: list[str] = []
    for nid, d in graph.nodes(label):
        names = [d.get("name") or "", *(d.get("aliases") or [])]
        folded = [fold(n) for n in names if n]
        if want in folded or want == fold(nid):
            exact.append(nid)
        elif any(n.startswith(want) for n in folded) or fold(nid).startswith(want):
            prefix.append(nid)
    hits = exact or prefix
    what = (label or "node").lower()
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise NotFound(f"no {what} matches {ref!r}; try `samspil search {ref}`")
    cands = [f"{h}  ({graph.node(h).get('name')})" for h in sorted(hits)[:20]]
    raise Ambiguous(f"{ref!r} matches {len(hits)} {what}s; give an id or a longer name",
                    candidates=cands)
