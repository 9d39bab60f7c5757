"""Cross-plan analysis commands: shared-partners, overlaps, gaps, brokers, partners-of,
compare, timeline. Each loads the stored graph and calls one function of
:mod:`samspil.graph.analyses`; output goes through :func:`samspil.cli.common.emit`.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import click

from samspil.cli.common import emit, handle_errors, output_options
from samspil.cli.main import cli
from samspil.graph import analyses as an
from samspil.graph.model import PartnershipGraph

__all__ = ["load_graph", "store_option", "evidence_text"]


def store_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--data-dir``: the folder of the embedded store (default: SAMSPIL_DATA_DIR)."""
    return click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
                        default=None, envvar="SAMSPIL_DATA_DIR", show_envvar=True,
                        help="Folder of the store (default: the user data folder).")(fn)


def load_graph(data_dir: Path | None) -> PartnershipGraph:
    """The whole stored graph (the store named by the settings)."""
    from samspil.graph.settings import Settings, get_settings
    from samspil.graph.store import open_store

    settings = Settings(data_dir=data_dir) if data_dir else get_settings()
    store = open_store(settings)
    try:
        return store.load()
    finally:
        store.close()


def evidence_text(evidence: Iterable[dict[str, Any]], width: int = 70) -> str:
    """One line per source: ``document:line "excerpt"`` (``document p.N`` for pages)."""
    lines = []
    for s in evidence:
        where = s.get("document") or "?"
        if s.get("line") is not None:
            where += f":{s['line']}"
        elif s.get("page") is not None:
            where += f" p.{s['page']}"
        ex = " ".join(str(s.get("excerpt") or "").split())
        ex = ex if len(ex) <= width else ex[: width - 1] + "…"
        lines.append(f'{where} "{ex}"' if ex else where)
    return "\n".join(lines)


def _show(results: Sequence[Any], to_row: Callable[[Any], dict[str, Any]],
          columns: list[str], *, as_json: bool, as_csv: bool, evidence: bool,
          title: str) -> None:
    rows = []
    for r in results:
        row = to_row(r)
        if evidence:
            row["evidence"] = evidence_text(r.evidence)
        rows.append(row)
    cols = columns + (["evidence"] if evidence else [])
    emit(rows, columns=cols, as_json=as_json, as_csv=as_csv, title=title,
         payload=list(results))


def analysis_command(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Stack the shared options: errors, store, output format."""
    return handle_errors(store_option(output_options(fn)))


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
    res = an.shared_partners(load_graph(data_dir), plans, min_plans=min_plans)
    _show(res, lambda r: {"id": r.id, "name": r.name, "kind": r.label, "plans": r.plan_count,
                          "roles": _roles(r.plans)},
          ["name", "kind", "plans", "roles", "id"], title="Shared partners", **out)


@cli.command("overlaps")
@click.option("--by", type=click.Choice(an.DIMENSIONS), default="partners", show_default=True,
              help="What two plans are compared by.")
@click.option("--plan", "plans", multiple=True, help="Only these plans (repeatable).")
@click.option("--most-plans", is_flag=True,
              help="Instead: the organisations present in the most plans.")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many rows.")
@analysis_command
def overlaps_cmd(by: str, plans: tuple[str, ...], most_plans: bool, limit: int,
                 data_dir: Path | None, **out: Any) -> None:
    """Plan x plan overlap (shared count and Jaccard) by partners, target groups,
    activity kinds or zones; or, with --most-plans, the organisations in most plans."""
    graph = load_graph(data_dir)
    if most_plans:
        res = an.organisations_in_most_plans(graph, limit=limit, plans=plans)
        _show(res, lambda r: {"id": r.id, "name": r.name, "type": r.type, "plans": r.plan_count,
                              "roles": ", ".join(r.roles), "plan_names": "; ".join(r.plan_names)},
              ["name", "type", "plans", "roles", "plan_names", "id"],
              title="Organisations in the most plans", **out)
        return
    res = an.overlaps(graph, by=by, plans=plans)[:limit]
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
    res = an.gaps(load_graph(data_dir), plans, kinds=kinds or None, today=day)
    _show(res, lambda r: {"id": r.id, "name": r.name, "plan": r.plan_name, "gap": r.kind,
                          "reason": r.reason},
          ["plan", "gap", "name", "reason"], title="Gaps", **out)
