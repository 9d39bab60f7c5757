"""Cross-plan analysis commands: shared-partners, overlaps, gaps, brokers, partners-of,
compare, timeline. Each loads the stored graph and calls one function of
:mod:`samspil.graph.analyses`; output goes through :func:`samspil.cli.common.emit`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from samspil.cli.common import TABLE_ROWS, emit, handle_errors, output_options, without_gc
from samspil.cli.graph_cmds import data_dir_option, store_from
from samspil.cli.main import cli
from samspil.graph import analyses as an
from samspil.graph.analyses import parts
from samspil.graph.answers import cached_answer
from samspil.graph.model import PartnershipGraph
from samspil.graph.lookup import resolve_ref
from samspil.graph.snapshot import WHOLE, GraphPart, Names
from samspil.loaders.errors import NotFound
from samspil.graph.store import brokers_of, communities_of, gaps_of, load_part, load_plans_around, overlaps_of, timeline_of

__all__ = ["load_graph", "evidence_text", "analysis_command"]


def answer(data_dir: Path | None, part: GraphPart, key: tuple,
           compute: Callable[[PartnershipGraph], Any]) -> Any:
    """``compute`` of the graph's ``part``, kept per graph revision (an analysis of all
    plans is computed once after each load; the next call reads the answer back)."""
    with store_from(data_dir) as store:
        return cached_answer(store, key, lambda: compute(load_part(store, part)))


def plans_graph(data_dir: Path | None, refs: Sequence[str]) -> tuple[PartnershipGraph, list[str]]:
    """The plans ``refs`` name (ids, names, prefixes), their activities and everything
    next to them, and the plans' ids: what an analysis of a few plans reads."""
    with store_from(data_dir) as store:
        names = load_part(store, Names.of("Plan"))
        ids = []
        for ref in refs:
            try:
                ids.append(resolve_ref(names, ref, "Plan", words=False))
            except NotFound:    # by the words of the plans' names and municipalities, too
                names = load_part(store, GraphPart.of(labels=["Plan"]))
                ids.append(resolve_ref(names, ref, "Plan"))
        return load_plans_around(store, ids), ids


def load_graph(data_dir: Path | None, part: GraphPart = WHOLE) -> PartnershipGraph:
    """The stored graph, or the part of it an analysis reads (the store the settings
    name, ``--data-dir`` applied)."""
    with store_from(data_dir) as store:
        return load_part(store, part)


def evidence_text(evidence: Sequence[dict[str, Any]], width: int = 70, most: int = 6) -> str:
    """One line per source: ``document:line "excerpt"`` (``document p.N`` for pages);
    at most ``most`` lines, then a count of the rest (all of them are in ``--json``)."""
    lines = []
    for s in evidence[:most]:
        where = s.get("document") or "?"
        if s.get("line") is not None:
            where += f":{s['line']}"
        elif s.get("page") is not None:
            where += f" p.{s['page']}"
        ex = " ".join(str(s.get("excerpt") or "").split())
        ex = ex if len(ex) <= width else ex[: width - 1] + "…"
        lines.append(f'{where} "{ex}"' if ex else where)
    if len(evidence) > most:
        lines.append(f"... {len(evidence) - most} more in --json")
    return "\n".join(lines)


def _show(results: Sequence[Any], to_row: Callable[[Any], dict[str, Any]],
          columns: list[str], *, as_json: bool, as_csv: bool, evidence: bool,
          title: str, show_all: bool = False, summary: str | None = None) -> None:
    rows = []
    for r in results:
        row = to_row(r)
        if evidence:
            row["evidence"] = evidence_text(r.evidence)
        rows.append(row)
    # ids are for pipes: in CSV (and JSON), not in the table people read
    cols = [c for c in columns if as_csv or not (c == "id" or c.endswith("_id"))]
    cols += ["evidence"] if evidence else []
    emit(rows, columns=cols, as_json=as_json, as_csv=as_csv, title=title,
         payload=list(results), most=None if show_all else TABLE_ROWS, summary=summary)


def analysis_command(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Stack the shared options: errors, ``--data-dir`` (from graph_cmds), output format."""
    fn = click.option("--all", "show_all", is_flag=True,
                      help=f"Print every row as a table (default: the first {TABLE_ROWS} "
                           "and a count).")(fn)
    return handle_errors(data_dir_option(output_options(without_gc(fn))))


def _roles(plans: Iterable[an.PlanRole]) -> str:
    return "\n".join(f"{p.plan_name}: {', '.join(p.roles)}"
                     + (f" ({'; '.join(p.activity_names)})" if p.activity_names else "")
                     for p in plans)


@cli.command("shared-partners")
@click.argument("plans", nargs=-1)
@click.option("--min-plans", type=int, default=None,
              help="Shared by at least this many of the plans (default: all of 2-3, else 2).")
@analysis_command
def shared_partners_cmd(plans: tuple[str, ...], min_plans: int | None, data_dir: Path | None,
                        **out: Any) -> None:
    """Organisations and contact persons that PLANS share (all plans when none given),
    with each one's role in each plan and the activities it is involved in."""
    if plans:
        graph, ids = plans_graph(data_dir, plans)
        res = an.shared_partners(graph, ids if len(set(ids)) >= 2 else plans, min_plans=min_plans)
    else:
        res = answer(data_dir, parts.SHARED_PARTNERS, ("shared-partners", min_plans),
                     lambda g: an.shared_partners(g, min_plans=min_plans))
    _show(res, lambda r: {"id": r.id, "name": r.name, "kind": r.label, "plans": r.plan_count,
                          "roles": _roles(r.plans)},
          ["name", "kind", "plans", "roles", "id"], title="Shared partners", **out)


@cli.command("overlaps")
@click.option("--by", type=click.Choice(an.DIMENSIONS), default="partners", show_default=True,
              help="What two plans are compared by.")
@click.option("--plan", "plans", multiple=True, help="Only these plans (repeatable).")
@click.option("--most-plans", is_flag=True,
              help="Instead: the organisations present in the most plans.")
@click.option("--limit", type=int, default=50, show_default=True,
              help="At most this many rows (0: all pairs).")
@analysis_command
def overlaps_cmd(by: str, plans: tuple[str, ...], most_plans: bool, limit: int,
                 data_dir: Path | None, **out: Any) -> None:
    """Plan x plan overlap (shared count and Jaccard) by partners, target groups,
    activity kinds or zones; or, with --most-plans, the organisations in most plans."""
    part = parts.overlaps_part(by, most_plans)
    if most_plans:
        res = answer(data_dir, part, ("most-plans", limit, plans),
                     lambda g: an.organisations_in_most_plans(g, limit=limit, plans=plans))
        _show(res, lambda r: {"id": r.id, "name": r.name, "type": r.type, "plans": r.plan_count,
                              "roles": ", ".join(r.roles), "plan_names": "; ".join(r.plan_names)},
              ["name", "type", "plans", "roles", "plan_names", "id"],
              title="Organisations in the most plans", **out)
        return
    with store_from(data_dir) as store:
        res = cached_answer(store, ("overlaps", by, plans, limit),
                            lambda: overlaps_of(store, by, plans, limit or None))
    _show(res, lambda r: {"id": " & ".join(r.id), "plan_a": r.name[0], "plan_b": r.name[1],
                          "shared": r.shared_count, "jaccard": r.jaccard,
                          "items": "; ".join(r.shared_names)},
          ["plan_a", "plan_b", "shared", "jaccard", "items"], title=f"Overlaps by {by}", **out)


@cli.command("gaps")
@click.argument("plans", nargs=-1)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(an.GAP_KINDS),
              help="Only gaps of this kind (repeatable).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Date that decides whether a plan period has ended (default: today).")
@analysis_command
def gaps_cmd(plans: tuple[str, ...], kinds: tuple[str, ...], today: Any,
             data_dir: Path | None, **out: Any) -> None:
    """Gaps of PLANS (all plans when none given), each with the reason it is a gap."""
    day: date | None = today.date() if today else None
    day = day or date.today()
    with store_from(data_dir) as store:
        res = cached_answer(store, ("gaps", plans, kinds, day.isoformat()),
                            lambda: gaps_of(store, plans, kinds or None, day))
    if out["as_csv"]:   # the field names of --json, one row per gap
        _show(res, lambda r: {k: getattr(r, k) for k in GAP_FIELDS}, list(GAP_FIELDS),
              title="Gaps", **out)
        return
    _show(res, lambda r: {"id": r.id, "name": r.name, "plan": r.plan_name, "gap": r.kind,
                          "reason": r.reason, "plan_id": r.plan},
          ["plan", "gap", "name", "reason", "id", "plan_id"], title="Gaps", summary="gap", **out)


GAP_FIELDS = ("kind", "plan", "plan_name", "id", "name", "label", "reason")


@cli.command("brokers")
@click.option("--by", type=click.Choice(["plans", "focus-areas"]), default="plans",
              show_default=True, help="Organisations are linked by shared plans or focus areas.")
@click.option("--limit", type=int, default=20, show_default=True, help="At most this many.")
@click.option("--exact", is_flag=True, help="Exact betweenness even on a large graph (slow).")
@click.option("--communities", "show_communities", is_flag=True,
              help="Instead: communities of organisations that work together.")
@click.option("--plan", "plans", multiple=True,
              help="Only the network of these plans (repeatable; e.g. one municipality's).")
@analysis_command
def brokers_cmd(by: str, limit: int, exact: bool, show_communities: bool, plans: tuple[str, ...],
                data_dir: Path | None, **out: Any) -> None:
    """Organisations that bridge otherwise separate plans or focus areas (betweenness
    on the organisation projection; sampled with a fixed seed when large).

    Columns: betweenness (the share of shortest paths between other organisations that
    pass through this one), degree (how many other organisations it shares a plan or
    focus area with) and the plans it is in. Organisations in exactly the same plans
    tie."""
    if show_communities:
        with store_from(data_dir) as store:
            res = cached_answer(store, ("communities", by), lambda: communities_of(store, by))[:limit]
        _show(res, lambda r: {"id": r.id, "name": r.name, "size": r.size,
                              "members": "; ".join(r.member_names)},
              ["id", "size", "name", "members"], title="Communities", **out)
        return
    with store_from(data_dir) as store:
        res = cached_answer(store, ("brokers", by, limit, exact, plans),
                            lambda: brokers_of(store, by, limit, exact, plans))
    _show(res, lambda r: {"id": r.id, "name": r.name, "betweenness": r.betweenness,
                          "degree": r.degree, by: "; ".join(r.context_names)},
          ["name", "betweenness", "degree", by, "id"],
          title="Brokers" + (" (sampled)" if res and res[0].sampled else ""), **out)


@cli.command("partners-of")
@click.argument("org")
@click.option("--limit", type=int, default=100, show_default=True, help="At most this many.")
@analysis_command
def partners_of_cmd(org: str, limit: int, data_dir: Path | None, **out: Any) -> None:
    """ORG's ego network: the organisations it shares plans and activities with."""
    graph = load_graph(data_dir, parts.PARTNERS)
    res = an.partners_of(graph, org)[:limit]
    _show(res, lambda r: {"id": r.id, "name": r.name, "weight": r.weight,
                          "plans": "; ".join(r.plan_names),
                          "activities": "; ".join(r.activity_names)},
          ["name", "weight", "plans", "activities", "id"],
          title=f"Partners of {graph.node(res[0].of)['name']}" if res else "Partners", **out)


@cli.command("compare")
@click.argument("plan_a")
@click.argument("plan_b")
@click.option("--aspect", "aspects", multiple=True, type=click.Choice(an.ASPECTS),
              help="Only this aspect (repeatable; default: all).")
@analysis_command
def compare_cmd(plan_a: str, plan_b: str, aspects: tuple[str, ...], data_dir: Path | None,
                **out: Any) -> None:
    """What changed between two plans (earlier period first): partners, target groups,
    focus areas, zones and activity kinds kept, dropped and new."""
    graph, (a, b) = plans_graph(data_dir, (plan_a, plan_b))
    res = an.compare(graph, a, b, aspects=aspects or an.ASPECTS)
    _show(res, lambda r: {"id": r.id, "name": r.name, "aspect": r.aspect, "status": r.status},
          ["aspect", "status", "name", "id"],
          title=(f"{graph.node(res[0].earlier)['name']} -> {graph.node(res[0].later)['name']}"
                 if res else "Compare"), **out)


@cli.command("timeline")
@click.argument("ref", metavar="AREA|ORG")
@click.option("--as", "kind", type=click.Choice(["area", "organisation"]), default=None,
              help="Read REF only as an area or only as an organisation (default: area first).")
@analysis_command
def timeline_cmd(ref: str, kind: str | None, data_dir: Path | None, **out: Any) -> None:
    """An area's plans over time (parties and partners kept and new from one plan to
    the next; an area is words of a plan's name, area, zones or municipality: "Valby",
    "Slagelse"), or an organisation's plans over time with its roles in each (an area's
    table has no roles column: an area has no role in a plan). A municipality named whole
    ("Slagelse Kommune") is the organisation."""
    with store_from(data_dir) as store:
        res = cached_answer(store, ("timeline", ref, kind), lambda: timeline_of(store, ref, kind))
    of_org = any(r.roles for r in res)   # an organisation's timeline: a role in every plan
    _show(res, lambda r: {"id": r.id, "name": r.name, "period": _period(r),
                          "type": r.document_type, "roles": ", ".join(r.roles),
                          "parties_and_partners": r.partner_count, "kept": r.kept_partners,
                          "new": r.new_partners},
          ["name", "period", "type", *(["roles"] if of_org else []), "parties_and_partners",
           "kept", "new", "id"], title=f"Timeline: {ref}", **out)


def _period(r: an.TimelineEntry) -> str:
    return f"{(r.period_start or '?')[:4]}-{(r.period_end or '?')[:4]}"
