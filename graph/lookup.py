"""Find a node by id, name or unambiguous prefix (for the CLI and the API)."""
from __future__ import annotations

import shlex

from samspil.graph.model import PartnershipGraph
from samspil.loaders.errors import Ambiguous, NotFound
from samspil.loaders.folding import fold  # one folding for the CLI, the API and extraction

__all__ = ["resolve_ref", "fold"]


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
        raise NotFound(_not_found(graph, ref, label, what))
    cands = [f"{h}  ({graph.node(h).get('name')})" for h in sorted(hits)[:20]]
    raise Ambiguous(f"{ref!r} matches {len(hits)} {what}s; give an id or a longer name",
                    candidates=cands)


def _not_found(graph: PartnershipGraph, ref: str, label: str | None, what: str) -> str:
    """"no plan matches ..." with the closest names (fuzzy) and a search command quoted
    so that it runs as pasted."""
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
    return f"no {what} matches {ref!r}; {hint}try `samspil search {shlex.quote(ref)}`"
