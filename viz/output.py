"""One-call entry points: a view to a file (CLI, reports) or inline in a notebook."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from samspil.graph.analyses.common import resolve_plans
from samspil.graph.model import PartnershipGraph
from samspil.viz.matrix import Matrix
from samspil.viz.redact import redact as redact_graph
from samspil.viz.render import write
from samspil.viz.views import View, make_view

__all__ = ["build_view", "view_file", "view_bytes", "show", "corpus_note"]


def build_view(graph: PartnershipGraph, kind: str, *, ref: str | None = None,
               plans: Iterable[str] | None = None, by: str | None = None, radius: int = 1,
               min_shared: int | None = None, form: str | None = None,
               redact: bool = False) -> View | Matrix:
    """The view ``kind`` of ``graph`` with the defaults every way in shares (the CLI,
    the API, the explorer): ``overlap`` and ``gaps`` as matrices (``form="network"``
    for the network), co-partnership thinned to a legible number of links.
    ``ref`` names the centre of an ego view; ``by`` the overlap dimension
    (default partners) or the gap matrix's columns (default target groups)."""
    if redact:
        graph = redact_graph(graph)
    if kind == "ego":
        if not ref:
            from samspil.loaders.errors import InputError
            raise InputError("the ego view needs the node it centres on, e.g. "
                             "`samspil viz ego \"Københavns Kommune\" -o ego.html`")
        return make_view(graph, "ego", ref=ref, radius=radius)
    kwargs: dict = {"plans": list(plans or ()) or None, "form": form}
    if kind in ("overlap", "gaps"):
        kwargs["by"] = by
    if kind in ("overlap", "copartnership"):
        kwargs["min_shared"] = min_shared
    return make_view(graph, kind, **kwargs)


def corpus_note(graph: PartnershipGraph, plans: Iterable[str] | None = None) -> str:
    """What a picture was drawn from (for captions): the plans and their documents; with
    ``plans`` (ids, names or prefixes, as ``--plan`` takes them) only those, out of how many."""
    every = sorted(n for n, d in graph.nodes() if d["label"] == "Plan")
    chosen = sorted(set(resolve_plans(graph, list(plans)))) if plans else every
    names = sorted(str(graph.node(p).get("name") or p) for p in chosen)
    docs = {d for p in chosen for d in graph.out(p, "DESCRIBED_IN")} if plans \
        else {n for n, d in graph.nodes() if d["label"] == "Document"}
    named = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
    what = f"{len(chosen)} of {len(every)} plans" if plans else f"{len(chosen)} plan(s)"
    return f"corpus: {what} from {len(docs)} document(s) ({named})"


def view_file(graph: PartnershipGraph, kind: str, output: str | Path, *, fmt: str | None = None,
              **kwargs) -> Path:
    """Write the view to ``output`` as html (default), fragment, svg, png or pdf."""
    from samspil.viz.render import check_format
    check_format(Path(output), fmt)       # a wrong suffix is refused before any work
    return write(build_view(graph, kind, **kwargs), output, fmt,
                 source=corpus_note(graph, kwargs.get("plans")))


def view_bytes(graph: PartnershipGraph, kind: str, *, fmt: str | None = None, **kwargs) -> bytes:
    """The view as the bytes of a file in ``fmt`` (default html; ``fragment`` for the
    embeddable snippet): what ``samspil viz`` prints when it is given no file."""
    from samspil.viz.render import render
    return render(build_view(graph, kind, **kwargs), fmt or "html",
                  source=corpus_note(graph, kwargs.get("plans")))


def show(kind: str = "plan-network", graph: PartnershipGraph | None = None,
         **kwargs) -> View | Matrix:
    """In Jupyter: ``samspil.viz.show("plan-network")`` displays the view inline (a View
    or Matrix renders itself as an iframe); the graph defaults to the configured store's."""
    if graph is None:
        from samspil.graph.store import open_store
        store = open_store()
        try:
            graph = store.load()
        finally:
            store.close()
    return build_view(graph, kind, **kwargs)
