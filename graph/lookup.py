"""Find a node by id, name or unambiguous prefix (for the CLI and the API)."""
from __future__ import annotations

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
        raise NotFound(f"no {what} matches {ref!r}; try `samspil search {ref}`")
    cands = [f"{h}  ({graph.node(h).get('name')})" for h in sorted(hits)[:20]]
    raise Ambiguous(f"{ref!r} matches {len(hits)} {what}s; give an id or a longer name",
                    candidates=cands)
