"""Plans across documents: a strategic agreement and the delaftaler (sub-agreements)
of the same plan - same name or alias and an overlapping period - are one Plan."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from samspil.graph.model import node_id, slug
from samspil.graph.resolve import normalise
from samspil.loaders.model import AgreementReport

__all__ = ["PlanInfo", "resolve_plans", "plan_id", "plan_names"]

_TYPE_RANK = {"strategic_agreement": 0, "master_plan": 1, "sub_agreement": 2, None: 3}


@dataclass
class PlanInfo:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    document_type: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    municipality: str | None = None
    area: str | None = None
    documents: list[str] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)


def plan_id(name: str, start: str | None, end: str | None) -> str:
    """``plan:<slug(name)>-<start year>-<end year>`` (years left out when unknown)."""
    years = [d[:4] for d in (start, end) if d]
    return node_id("Plan", "-".join([slug(name), *years]))


def _years(r: AgreementReport) -> tuple[int, int]:
    s, e = r.plan.period_start, r.plan.period_end
    lo = int(s[:4]) if s else -10**6
    hi = int(e[:4]) if e else 10**6
    return lo, hi


def _names(r: AgreementReport) -> set[str]:
    names = [r.plan.name or r.document.rsplit(".", 1)[0], *r.plan.aliases]
    return {normalise(n) for n in names if n}


def plan_names(document: str, plan: Any) -> set[str]:
    """The names that tie a document's plan to others (the incremental update resolves
    again the documents sharing one, transitively): its normalised names, which plans
    are grouped by, and its names' slugs (prefixed "#"), which plan ids are made of (two
    plans whose ids would be one are told apart by municipality: :func:`resolve_plans`).
    None without a plan name."""
    if not plan.name:
        return set()
    names = [n for n in [plan.name, *plan.aliases] if n]
    return {normalise(n) for n in names} | {"#" + slug(n) for n in names}


def _overlap(a: AgreementReport, b: AgreementReport) -> bool:
    (a0, a1), (b0, b1) = _years(a), _years(b)
    return a0 <= b1 and b0 <= a1


def _same_plan(a: AgreementReport, b: AgreementReport) -> bool:
    """Overlapping periods, and not two different municipalities ("Skovparken" in
    Holbæk and in Slagelse are two plans)."""
    ma, mb = a.plan.municipality, b.plan.municipality
    return _overlap(a, b) and (not ma or not mb or ma == mb)


def resolve_plans(reports: list[AgreementReport]) -> dict[str, PlanInfo]:
    """Document id -> PlanInfo (documents of one plan share one PlanInfo)."""
    reports = sorted(reports, key=lambda r: r.document)
    groups: list[list[AgreementReport]] = []
    by_name: dict[str, list[int]] = {}      # normalised plan name -> group indexes
    for r in reports:
        names = _names(r) if r.plan.name else set()
        home = next((gi for n in sorted(names) for gi in by_name.get(n, ())
                     if all(_same_plan(r, o) for o in groups[gi])), None)
        if home is None:
            groups.append([r])
            home = len(groups) - 1
        else:
            groups[home].append(r)
        for n in names:
            if home not in by_name.setdefault(n, []):
                by_name[n].append(home)
    infos = [_info(grp) for grp in groups]
    _qualify_shared_ids(infos)
    out: dict[str, PlanInfo] = {}
    for grp, info in zip(groups, infos):
        for r in grp:
            out[r.document] = info
    return out


def _qualify_shared_ids(infos: list[PlanInfo]) -> None:
    """Plans of one name and period in different municipalities: each id names its
    municipality ("plan:skovparken-holbaek-2022-2025"), whichever was loaded first."""
    by_id: dict[str, list[PlanInfo]] = {}
    for info in infos:
        by_id.setdefault(info.id, []).append(info)
    for same in (v for v in by_id.values() if len(v) > 1):
        for info in same:
            place = (info.municipality or "").removesuffix(" Kommune").removesuffix(" Regionskommune")
            info.id = plan_id(f"{info.name} {place}".strip(), info.period_start, info.period_end)


def _info(grp: list[AgreementReport]) -> PlanInfo:
    lead = sorted(grp, key=lambda r: (_TYPE_RANK.get(r.plan.document_type, 3), r.document))[0]
    name = lead.plan.name or lead.document.rsplit(".", 1)[0]

    def first(attr: str) -> Any:
        for r in [lead, *grp]:
            if getattr(r.plan, attr):
                return getattr(r.plan, attr)
        return None

    start, end = first("period_start"), first("period_end")
    aliases = sorted({n for r in grp for n in [r.plan.name, *r.plan.aliases] if n and n != name})
    sources = [s.to_dict() for r in grp for s in r.plan.sources]
    sources += [{"document": r.document, "excerpt": ""} for r in grp if not r.plan.sources]
    return PlanInfo(id=plan_id(name, start, end), name=name, aliases=aliases,
                    document_type=first("document_type"), period_start=start, period_end=end,
                    municipality=first("municipality"), area=first("area"),
                    documents=sorted(r.document for r in grp), sources=sources)
