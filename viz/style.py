"""Colours, shapes and the legend of every view: one table, used by HTML, SVG and the API.

Colours are chosen to stay distinguishable for the common colour-vision
deficiencies (Okabe-Ito palette) and shapes repeat the distinction, so a view
printed in black and white still reads.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KIND_STYLE", "ORG_TYPE_COLOURS", "EDGE_COLOURS", "LegendItem", "node_style", "legend_for"]

# graph label -> (colour, vis-network shape); every shape draws its label underneath,
# so ``size`` applies to all of them.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "Plan": ("#0072B2", "diamond"),
    "Organisation": ("#E69F00", "dot"),
    "Person": ("#CC79A7", "triangle"),
    "Activity": ("#009E73", "square"),
    "Zone": ("#56B4E9", "hexagon"),
    "TargetGroup": ("#D55E00", "star"),
    "FocusArea": ("#7F7F7F", "triangleDown"),
    "Document": ("#999999", "box"),
}

# Organisation type (SCHEMA.md) -> colour; the shape stays a dot.
ORG_TYPE_COLOURS: dict[str, str] = {
    "housing_organisation": "#E69F00",
    "municipality": "#8C510A",
    "municipal_unit": "#BF812D",
    "school": "#F0E442",
    "daycare": "#DFC27D",
    "culture_leisure": "#35978F",
    "police": "#01665E",
    "health": "#C51B7D",
    "education": "#F6E8C3",
    "ngo": "#80CDC1",
    "company": "#762A83",
    "national_body": "#4D4D4D",
    "other": "#BABABA",
}

# relationship type (or view-specific edge kind) -> colour
EDGE_COLOURS: dict[str, str] = {
    "PARTY_TO": "#0072B2",
    "PARTNER_IN": "#9FBAD0",
    "SHARED_PLANS": "#E69F00",
    "OVERLAP": "#0072B2",
    "COVERED": "#009E73",
    "GAP": "#D55E00",
}
DEFAULT_EDGE_COLOUR = "#B0B0B0"


@dataclass(frozen=True)
class LegendItem:
    """One legend entry: what a colour/shape means in this view."""

    name: str
    colour: str
    shape: str
    key: str = ""     # what it stands for: the label, organisation type, relationship or cell state


def node_style(label: str, org_type: str | None = None) -> tuple[str, str]:
    """(colour, shape) for a node of ``label`` (and organisation type)."""
    colour, shape = KIND_STYLE.get(label, ("#BABABA", "dot"))
    if label == "Organisation" and org_type:
        colour = ORG_TYPE_COLOURS.get(org_type, ORG_TYPE_COLOURS["other"])
    return colour, shape


_NICE = {"TargetGroup": "Target group", "FocusArea": "Focus area"}


def legend_for(kinds: set[tuple[str, str | None]], edge_kinds: set[str]) -> tuple[LegendItem, ...]:
    """Legend entries for the (label, organisation type) pairs and edge kinds present."""
    items: list[LegendItem] = []
    for label in KIND_STYLE:
        types = sorted(t or "" for lab, t in kinds if lab == label)
        if not types:
            continue
        if label == "Organisation" and any(types):
            for t in types:
                colour, shape = node_style(label, t or None)
                items.append(LegendItem(f"Organisation: {(t or 'other').replace('_', ' ')}",
                                        colour, shape, t or "other"))
        else:
            colour, shape = node_style(label)
            items.append(LegendItem(_NICE.get(label, label), colour, shape, label))
    plain = False
    for e in sorted(edge_kinds):
        if e not in EDGE_COLOURS:
            plain = True     # one entry for every relationship drawn in the default grey
            continue
        items.append(LegendItem(e.replace("_", " ").lower(), EDGE_COLOURS[e], "line", e))
    if plain:
        items.append(LegendItem("other relationship (hover a link for its type)",
                                DEFAULT_EDGE_COLOUR, "line"))
    return tuple(items)
