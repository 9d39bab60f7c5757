"""One-call entry points: a view to a file (CLI, reports) or inline in a notebook."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from samspil.graph.model import PartnershipGraph
from samspil.viz.redact import redact as redact_graph
from samspil.viz.render import write
from samspil.viz.views import View, make_view

__all__ = ["build_view", "view_file", "show"]


def build_view(graph: PartnershipGraph, kind: str, *, ref: str | None = None,
               plans: Iterable[str] | None = None, by: str = "partners", radius: int = 1,
               min_shared: int = 1, redact: bool = False) -> View:
    """The view ``kind`` of ``graph`` (``ref`` names the centre of an ego view)."""
    if redact:
        graph = redact_graph(graph)
    if kind == "ego":
        if not ref:
            from samspil.loaders.errors import InputError
            raise InputError("the ego view needs the node it centres on, e.g. "
                             "`samspil viz ego \"Københavns Kommune\" -o ego.html`")
        return make_view(graph, "ego", ref=ref, radius=radius)
    kwargs: dict = {"plans": list(plans or ()) or None}
    if kind == "overlap":
        kwargs["by"] = by
    if kind in ("overlap", "copartnership"):
        kwargs["min_shared"] = min_shared
    return make_view(graph, kind, **kwargs)


def view_file(graph: PartnershipGraph, kind: str, output: str | Path, *, fmt: str | None = None,
              **kwargs) -> Path:
    """Write the view to ``output`` as html (default), fragment, svg or png."""
    return write(build_view(graph, kind, **kwargs), output, fmt)


def show(kind: str = "plan-network", graph: PartnershipGraph | None = None, **kwargs) -> View:
    """In Jupyter: ``samspil.viz.show("plan-network")`` displays the view inline (a View
    renders itself as an iframe); the graph defaults to the configured store's."""
    if graph is None:
        from samspil.graph.store import open_store
        store = open_store()
        try:
            graph = store.load()
        finally:
            store.close()
    return build_view(graph, kind, **kwargs)
