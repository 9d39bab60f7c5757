"""samspil.viz: network views of the partnership graph (pyvis data, own offline template).

In a notebook, ``samspil.viz.show("plan-network")`` displays a view inline;
``samspil.viz.view_file(graph, "gaps", "gaps.html")`` writes one for a report.
"""
__all__ = ["build_view", "show", "view_file"]


def __getattr__(name: str):  # noqa: ANN202 - PEP 562: ``samspil.viz.show`` etc. on first use
    """Import the views (pyvis, jinja2, matplotlib's neighbours) only when one is asked
    for: ``samspil.viz.redact``, which the API and exports need, comes without them."""
    if name in __all__:
        from samspil.viz import output
        return getattr(output, name)
    raise AttributeError(f"module 'samspil.viz' has no attribute {name!r}")
