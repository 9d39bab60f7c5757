"""samspil.viz: network views of the partnership graph (pyvis data, own offline template).

In a notebook, ``samspil.viz.show("plan-network")`` displays a view inline;
``samspil.viz.view_file(graph, "gaps", "gaps.html")`` writes one for a report.
"""
from samspil.viz.output import build_view, show, view_file

__all__ = ["build_view", "show", "view_file"]
