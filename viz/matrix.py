"""Matrix views: the questions a leader asks as tables that read like heat maps.

* :func:`overlap_matrix_view`: plans x plans, each cell the number of items two
  plans share (partners, target groups, activity kinds or zones; Jaccard in the
  detail), the diagonal each plan's own count; plans ordered so that similar
  plans sit together. A cell's ``items`` are the shared items with their evidence.
* :func:`coverage_matrix_view`: plans x target groups (or zones, focus areas,
  parties), each cell ``covered`` (an activity of the plan reaches it), ``gap``
  (the plan names it, no activity reaches it: the reason from
  ``samspil.graph.analyses.gaps``) or ``unchecked`` (the plan has no activity
  in the loaded documents); no cell: the plan does not name it.

Like :class:`~samspil.viz.views.View`, a :class:`Matrix` knows nothing about
HTML or pictures; :mod:`samspil.viz.render` and :mod:`samspil.viz.static` draw it.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from samspil.graph.analyses.common import edge_sources, name_of, pred, resolve_plans, succ
from samspil.graph.model import PartnershipGraph
from samspil.viz.style import LegendItem

__all__ = ["MatrixCell", "Matrix", "overlap_matrix_view", "coverage_matrix_view",
           "COVERAGE_DIMENSIONS", "seriate", "MAX_COLUMNS"]

MAX_COLUMNS = 40      # columns of a coverage matrix; the rest is counted in the caption
MAX_CELL_ITEMS = 25   # shared items (with evidence) a cell lists
MAX_PLANS = 50        # rows of a matrix; above, the plans that share most / have most gaps
MAX_ITEM_EVIDENCE = 2
STATE_COLOURS = {"covered": "#009E73", "gap": "#D55E00", "unchecked": "#BBBBBB"}
STATE_MARKS = {"covered": "✓", "gap": "✗", "unchecked": "?"}   # drawn in the cell (and its legend swatch)
COVERAGE_DIMENSIONS = ("target-groups", "zones", "focus-areas", "parties")


@dataclass(frozen=True)
class MatrixCell:
    row: str
    col: str
    state: str                # overlap: shared | self; coverage: covered | gap | unchecked
    value: float              # what the shade encodes (shared count; 1 for coverage)
    text: str                 # drawn in the cell
    detail: str               # plain text: what the cell means, the reason, the evidence
    items: tuple[dict[str, Any], ...] = ()   # {"name", "evidence": [sources]} per item


@dataclass(frozen=True)
class Matrix:
    """A drawable plans x something table (``rows``/``cols``: (id, name) pairs in order)."""

    kind: str
    title: str
    rows: tuple[tuple[str, str], ...]
    cols: tuple[tuple[str, str], ...]
    cells: tuple[MatrixCell, ...]
    legend: tuple[LegendItem, ...] = ()
    row_notes: tuple[tuple[str, str], ...] = ()    # (row id, note shown on the row)
    caption: str = ""
    empty: str = ""           # why there is nothing to show, and what to change
    max_value: float = field(default=0.0)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "form": "matrix"}

    def _repr_html_(self) -> str:  # Jupyter: displays itself inline
        from samspil.viz.render import to_fragment
        return to_fragment(self)


def _where(s: dict[str, Any]) -> str:
    loc = str(s.get("document", "?"))
    if s.get("line") is not None:
        return f"{loc}:{s['line']}"
    return f"{loc} p.{s['page']}" if s.get("page") is not None else loc


def _item(name: str, sources: Iterable[dict[str, Any]]) -> dict[str, Any]:
    ev = [{k: s.get(k) for k in ("document", "line", "page", "excerpt")}
          for s in list(sources)[:MAX_ITEM_EVIDENCE]]
    return {"name": name, "evidence": ev}


def _items_text(items: Iterable[dict[str, Any]]) -> str:
    lines = []
    for it in items:
        lines.append(f"- {it['name']}")
        lines += [f"    {_where(s)}  {s.get('excerpt') or ''}".rstrip() for s in it["evidence"]]
    return "\n".join(lines)


def seriate(ids: list[str], sim: dict[tuple[str, str], float]) -> list[str]:
    """An order in which similar items sit together: a greedy chain that starts at the
    most similar pair and grows at whichever end has the most similar next item.

    >>> seriate(["a", "b", "c", "d"], {("a", "c"): 0.9, ("c", "d"): 0.5, ("b", "d"): 0.1})
    ['a', 'c', 'd', 'b']
    """
    def s(x: str, y: str) -> float:
        return sim.get((x, y), sim.get((y, x), 0.0))
    if len(ids) < 3:
        return list(ids)
    best = max(((s(x, y), -i, -j) for i, x in enumerate(ids) for j, y in enumerate(ids) if i < j))
    chain = [ids[-best[1]], ids[-best[2]]]
    rest = [x for x in ids if x not in chain]
    while rest:
        cand = max(((s(chain[-1], x), 1, -rest.index(x), x) for x in rest),
                   key=lambda t: t[:3])
        front = max(((s(chain[0], x), 0, -rest.index(x), x) for x in rest),
                    key=lambda t: t[:3])
        pick = cand if cand[:3] >= front[:3] else front
        chain.insert(len(chain) if pick[1] else 0, pick[3])
        rest.remove(pick[3])
    return chain


def overlap_matrix_view(graph: PartnershipGraph, by: str = "partners",
                        plans: Iterable[str] | None = None, min_shared: int = 1) -> Matrix:
    """Plans x plans by what they share along ``by`` (``samspil.graph.analyses.overlaps``)."""
    from samspil.graph.analyses.overlaps import overlap_matrix, plan_items

    pids = resolve_plans(graph, plans)
    m = overlap_matrix(graph, by, pids, max(1, min_shared))
    cut = ""
    if len(pids) > MAX_PLANS:   # a readable table: the plans that share most
        total = [0] * len(pids)
        for i, j, n, _jac in m.pairs:
            total[i] += n
            total[j] += n
        keep = sorted(range(len(pids)), key=lambda k: (-total[k], pids[k]))[:MAX_PLANS]
        cut = (f" The {MAX_PLANS} of {len(pids)} plans that share most are shown; choose "
               "plans to see others.")
        pids = [pids[k] for k in sorted(keep)]
        m = overlap_matrix(graph, by, pids, max(1, min_shared))
    items = {p: plan_items(graph, p, by) for p in pids}
    sim = {(m.id[i], m.id[j]): jac for i, j, _n, jac in m.pairs}
    order = seriate(list(m.id), sim)
    cells = [MatrixCell(p, p, "self", 0.0, str(m.sizes[m.id.index(p)]),
                        f"{name_of(graph, p)}: {m.sizes[m.id.index(p)]} {WORDS.get(by, by)} in all")
             for p in order]
    for i, j, n, jac in m.pairs:
        a, b = m.id[i], m.id[j]
        shared = sorted(m.shared(i, j), key=lambda x: _item_name(graph, x).casefold())
        its = tuple(_item(_item_name(graph, x), [*items[a][x][:1], *items[b][x][:1]])
                    for x in shared[:MAX_CELL_ITEMS])
        more = f" ({MAX_CELL_ITEMS} shown)" if n > MAX_CELL_ITEMS else ""
        what = WORDS.get(by, by)
        head = (f"{m.name[i]} and {m.name[j]} share {n} {what if n != 1 else _one(what)} "
                f"(Jaccard {jac:.2f}){more}:")
        names = "\n".join(f"- {it['name']}" for it in its)
        cells.append(MatrixCell(a, b, "shared", float(n), str(n), head + "\n" + names, its))
        # the mirror cell says the same; its items (with evidence) are the cell above's
        cells.append(MatrixCell(b, a, "shared", float(n), str(n), head + "\n" + names))
    rows = tuple((p, name_of(graph, p)) for p in order)
    words = WORDS.get(by, by)
    empty = "" if m.pairs else (
        f"No two of the {len(pids)} plans share {min_shared} or more {words}: lower "
        "“at least … shared”, choose more plans or another dimension." if len(pids) > 1 else
        "An overlap needs two or more plans: choose more plans.")
    return Matrix("overlap", f"Plan overlaps by {words}", rows, rows, tuple(cells),
                  (LegendItem(f"shared {words} (darker: more)", "#0072B2", "square", "shared"),
                   LegendItem(f"the plan's own {words} (diagonal)", "#EEEEEE", "square", "self")),
                  caption=f"Cells: the {words} two plans share; rows and columns ordered so "
                          "that similar plans sit together." + cut,
                  empty=empty, max_value=float(max((n for *_x, n, _j in m.pairs), default=0)))


def _one(words: str) -> str:
    """'partners' -> 'partner', 'activity kinds' -> 'activity kind' (one shared item)."""
    return ONE.get(words, words)


def _item_name(graph: PartnershipGraph, item: str) -> str:
    return item[5:] if item.startswith("kind:") else name_of(graph, item)


# -- coverage ----------------------------------------------------------------

# dimension -> (gap kind, relationships naming it from the plan, from its activities,
#               what "covered" means, whether an activity's link alone names it)
_COVERAGE = {
    "target-groups": ("unreached_target_group", [("ADDRESSES", "out")], [("TARGETS", "out")],
                      "targeted by an activity of the plan", True),
    "zones": ("zone_without_activity", [("COVERS", "out")], [("LOCATED_IN", "out")],
              "an activity of the plan is located in it", True),
    "focus-areas": ("focus_area_without_municipal_partner", [("HAS_FOCUS_AREA", "out")],
                    [("IN_FOCUS_AREA", "out")], "has an activity with a municipal partner", True),
    # columns: the signing parties and partners the plan names (not every activity partner)
    "parties": (("party_without_activity", "partner_without_activity"),
                [("PARTY_TO", "in"), ("PARTNER_IN", "in")],
                [("INVOLVED_IN", "in")], "involved in an activity of the plan", False),
}
WORDS = {"target-groups": "target groups", "zones": "zones", "focus-areas": "focus areas",
         "parties": "parties and partners", "partners": "partners",
         "activities": "activity kinds"}
ONE = {"target groups": "target group", "zones": "zone", "focus areas": "focus area",
       "parties and partners": "party or partner", "partners": "partner", "activity kinds": "activity kind"}


def _linked(graph: PartnershipGraph, node: str, rel: str, way: str) -> list[tuple[str, list]]:
    if way == "out":
        return [(x, edge_sources(graph, node, x, rel)) for x in succ(graph, node, rel)]
    return [(x, edge_sources(graph, x, node, rel)) for x in pred(graph, node, rel)]


def _plan_facts(graph: PartnershipGraph, pid: str, by: str
                ) -> tuple[dict[str, list], dict[str, list[str]], list[str]]:
    """(item -> sources naming it, item -> activities reaching it, the plan's activities)."""
    _kind, from_plan, from_acts, _covered, acts_name = _COVERAGE[by]
    acts = succ(graph, pid, "HAS_ACTIVITY")
    named: dict[str, list] = {}
    reached: dict[str, list[str]] = {}
    for rel, way in from_plan:
        for x, src in _linked(graph, pid, rel, way):
            named.setdefault(x, []).extend(src)
    for a in acts:
        for rel, way in from_acts:
            for x, src in _linked(graph, a, rel, way):
                if acts_name or x in named:
                    named.setdefault(x, []).extend(src)
                reached.setdefault(x, []).append(a)
    return named, reached, acts


def coverage_matrix_view(graph: PartnershipGraph, by: str = "target-groups",
                         plans: Iterable[str] | None = None) -> Matrix:
    """Plans x ``by``: what each plan names, and whether its activities reach it."""
    from samspil.graph.analyses import gaps

    if by not in _COVERAGE:
        from samspil.loaders.errors import InputError
        raise InputError(f"no coverage by {by!r}; choose one of {', '.join(COVERAGE_DIMENSIONS)}")
    kind, _p, _a, covered_means, _n = _COVERAGE[by]
    words = WORDS[by]
    pids = resolve_plans(graph, plans)
    kinds = list(kind) if isinstance(kind, tuple) else [kind]
    found = gaps(graph, plans=pids, kinds=[*kinds, "plan_without_activities"])
    gap_of = {(g.plan, g.id): g for g in found}
    cut = ""
    if len(pids) > MAX_PLANS:   # a readable table: the plans with most gaps
        per = {p: 0 for p in pids}
        for g in found:
            per[g.plan] += 1
        total = len(pids)
        pids = sorted(sorted(pids, key=lambda p: (-per[p], p))[:MAX_PLANS], key=pids.index)
        cut = f" The {MAX_PLANS} of {total} plans with most gaps are shown; choose plans to see others."
    facts = {p: _plan_facts(graph, p, by) for p in pids}
    count: dict[str, int] = {}
    for named, _r, _a in facts.values():
        for x in named:
            count[x] = count.get(x, 0) + 1
    cols_all = sorted(count, key=lambda x: (-count[x], name_of(graph, x).casefold(), x))
    cols = cols_all[:MAX_COLUMNS]
    cells = [_coverage_cell(graph, p, x, facts[p], gap_of.get((p, x)), covered_means)
             for p in pids for x in cols if x in facts[p][0]]
    notes = tuple((p, "no activities in the loaded documents: load its delaftaler "
                      "(sub-agreements) to check what it names")
                  for p in pids if (p, p) in gap_of)
    caption = (f"Rows: plans; columns: the {words} they name ({len(cols)} of {len(cols_all)}, "
               "named by most plans first)" if len(cols) < len(cols_all)
               else f"Rows: plans; columns: the {words} they name") + "; blank: not named" + (
        "; hatched: not named, by a plan without activities loaded." if notes else ".") + cut
    empty = ("No plan chosen: choose one or more plans." if not pids else
             f"None of the {len(pids)} plans names any {words}: try another dimension."
             if not cols else "")
    return Matrix("gaps", f"Gaps: {words} each plan names, reached by its activities?",
                  tuple((p, name_of(graph, p)) for p in pids),
                  _col_labels(graph, cols, facts), tuple(cells),
                  (LegendItem(f"covered: {covered_means}", STATE_COLOURS["covered"], "square", "covered"),
                   LegendItem("gap: named by the plan, not reached", STATE_COLOURS["gap"], "square",
                              "gap"),
                   LegendItem("not checked: the plan has no activities loaded",
                              STATE_COLOURS["unchecked"], "square", "unchecked")),
                  notes, caption, empty, 1.0)


def _col_labels(graph: PartnershipGraph, cols: list[str], facts: dict) -> tuple:
    """(id, label) per column; columns of one name ("Zone 1" of two plans) say whose."""
    names = {x: name_of(graph, x) for x in cols}
    seen: dict[str, int] = {}
    for n in names.values():
        seen[n] = seen.get(n, 0) + 1
    out = []
    for x in cols:
        owners = [p for p, f in facts.items() if x in f[0]]
        dup = seen[names[x]] > 1 and len(owners) == 1
        out.append((x, f"{names[x]} ({name_of(graph, owners[0])})" if dup else names[x]))
    return tuple(out)


def _coverage_cell(graph: PartnershipGraph, pid: str, item: str, facts: tuple, gap: Any,
                   covered_means: str) -> MatrixCell:
    named, reached, acts = facts
    head = f"{name_of(graph, pid)} · {name_of(graph, item)}"
    naming = _item("named in", named[item])
    if not acts:
        return MatrixCell(pid, item, "unchecked", 1.0, STATE_MARKS["unchecked"],
                          f"{head}: not checked, the plan has no activities in the loaded "
                          f"documents (load its delaftaler)\n{_items_text([naming])}", (naming,))
    if gap is not None:
        ev = _item("evidence", gap.evidence)
        return MatrixCell(pid, item, "gap", 1.0, STATE_MARKS["gap"], f"{head}: gap, {gap.reason}\n"
                          + _items_text([ev]), (ev,))
    its = tuple(_item(f"reached by: {name_of(graph, a)}", graph.node(a).get("sources") or [])
                for a in sorted(set(reached.get(item, ()))))
    return MatrixCell(pid, item, "covered", 1.0, STATE_MARKS["covered"], f"{head}: covered ({covered_means})\n"
                      + _items_text(its or (naming,)), its or (naming,))
