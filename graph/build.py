"""Extraction reports -> one PartnershipGraph: the ONE translation point.

``build_graph(reports, overrides)`` is a pure function of the set of reports
(sorted by document id first, so load order never matters): it resolves plans,
organisations and persons across documents (:mod:`samspil.graph.resolve`,
:mod:`samspil.graph.people`) and emits the nodes and relationships of the
graph conventions, each with its sources.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from samspil.graph.model import PartnershipGraph, node_id, slug
from samspil.graph.stamp import builder_stamp  # noqa: F401 - re-exported
from samspil.graph.people import PersonKey, person_id, resolve_persons, scrub_report
from samspil.graph.plans import PlanInfo, resolve_plans
from samspil.graph.names import compact, parent_abbreviation
from samspil.graph.resolve import (Cluster, Entity, Overrides, all_names, canonical_name,
                                   load_vocabulary, normalise, resolve_entities)
from samspil.loaders.errors import VocabularyError
from samspil.loaders.extract.targets import label_of
from samspil.loaders.model import AgreementReport, SourceRef

__all__ = ["build_graph", "builder_stamp", "activity_kind", "source_sort_key", "zone_names"]


def source_sort_key(s: dict[str, Any]) -> tuple:
    return (s.get("document") or "", s.get("line") or 0, s.get("page") or 0, s.get("excerpt") or "")


def _sources(refs: Iterable[SourceRef], document: str) -> list[dict[str, Any]]:
    """Source dicts; an entity the report gives no source for still names its document."""
    out = [r.to_dict() for r in refs]
    return out or [{"document": document, "excerpt": ""}]


def _mention(document: str, name: str, refs: list[SourceRef]) -> dict[str, Any]:
    m: dict[str, Any] = {"document": document, "name": name}
    if refs and refs[0].line is not None:
        m["line"] = refs[0].line
    elif refs and refs[0].page is not None:
        m["page"] = refs[0].page
    return m


@lru_cache(maxsize=1)
def _kinds() -> list[tuple[str, re.Pattern[str]]]:
    path = Path(__file__).with_name("activity_kinds.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return [(kind, re.compile("|".join(cues), re.I)) for kind, cues in data["kinds"].items()]
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
        raise VocabularyError(f"bad activity kinds vocabulary: {exc}", document=str(path)) from exc


def activity_kind(name: str) -> str | None:
    """Normalised kind of an activity from its name (graph/activity_kinds.yaml).

    >>> activity_kind("Lektiecafé for 4.-10. klasse")
    'homework_cafe'
    """
    for kind, rx in _kinds():
        if rx.search(name):
            return kind
    return None


# -- organisations --------------------------------------------------------------
class _Orgs:
    """Organisation entities of all reports and the per-document name lookup."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.local: dict[str, dict[str, int]] = defaultdict(dict)   # doc -> key -> entity idx

    def add_report(self, r: AgreementReport) -> None:
        for o in r.organisations:
            self._add(r.document, o.name, o.aliases, o.sources,
                      {"type": o.type, "parent": o.parent, "is_party": o.is_party, "roles": o.roles,
                       "municipality": r.plan.municipality, "plan": r.plan.name})
        refs: list[tuple[str, list[SourceRef]]] = []
        refs += [(o.parent, o.sources) for o in r.organisations if o.parent]
        vocab = load_vocabulary()       # a parent the name states ("BUF - Valby Skole")
        refs += [(abbr, o.sources) for o in r.organisations
                 if not o.parent and (abbr := parent_abbreviation(o.name, vocab))]
        refs += [(c.organisation, c.sources) for c in r.contacts if c.organisation]
        refs += [(p, a.sources) for a in r.activities for p in a.partners]
        refs += [(z.housing_organisation, z.sources) for z in r.zones if z.housing_organisation]
        for name, srcs in refs:
            if self.lookup(r.document, name) is None:
                self._add(r.document, name, [], srcs, {"type": "other", "roles": ["mentioned"],
                                                       "municipality": r.plan.municipality, "plan": r.plan.name})

    def _add(self, doc: str, name: str, aliases: list[str], srcs: list[SourceRef],
             data: dict[str, Any]) -> None:
        if not name or not name.strip():
            return
        idx = len(self.entities)
        names = [name] + [a for a in aliases if a and a.strip()]
        mention = _mention(doc, name, srcs)
        if names[1:]:
            mention["written_as"] = names[1:]  # the document's other forms, merged while extracting
        self.entities.append(Entity(doc, idx, name.strip(), names, [mention],
                                    {**data, "sources": _sources(srcs, doc)}))
        table = self.local[doc]
        table.setdefault(normalise(name), idx)
        for a in aliases:
            if a and a.strip():
                table.setdefault(normalise(a), idx)

    def lookup(self, doc: str, name: str | None) -> int | None:
        return None if not name else self.local[doc].get(normalise(name))


def _org_nodes(g: PartnershipGraph, clusters: list[Cluster]) -> dict[tuple[str, int], str]:
    vocab = load_vocabulary()
    named = [(canonical_name(c, vocab), c) for c in clusters]
    taken: dict[str, int] = defaultdict(int)
    for name, _ in named:
        taken[node_id("Organisation", name)] += 1
    ids: dict[tuple[str, int], str] = {}
    for name, c in named:
        nid = node_id("Organisation", name)
        if taken[nid] > 1:      # two organisations share a name: qualify by first document
            nid = node_id("Organisation", name, c.members[0].document.rsplit(".", 1)[0])
        rules = _rules(c)
        types = [e.data.get("type") for e in c.members if e.data.get("type") not in (None, "other")]
        sources = sorted({_key(s): s for e in c.members for s in e.data["sources"]}.values(),
                         key=source_sort_key)
        g.add_node(nid, "Organisation", name,
                   aliases=[n for n in all_names(c) if n != name],
                   type=max(sorted(set(types)), key=types.count) if types else "other",
                   mentions=[{**m, "rule": rules.get(e.ref, "first")} for e in c.members
                             for m in e.mentions],
                   merges=[m.to_dict() for m in c.merges], sources=sources)
        for e in c.members:
            ids[(e.document, e.index)] = nid
    return ids


def _rules(c: Cluster) -> dict[str, str]:
    """Entity ref -> the rule that brought it into its cluster ("first" for the anchor)."""
    out: dict[str, str] = {}
    for m in c.merges:
        out.setdefault(m.right, m.rule)
        out.setdefault(m.left, m.rule)
    if c.members:
        out[c.members[0].ref] = "first"
    return out


def _key(s: dict[str, Any]) -> tuple:
    return source_sort_key(s)


# -- the build -----------------------------------------------------------------
def build_graph(reports: Iterable[AgreementReport], overrides: Overrides | None = None,
                forgotten: frozenset[PersonKey] = frozenset()) -> PartnershipGraph:
    """One resolved graph from extraction reports (pure; order of ``reports`` is irrelevant)."""
    reports = [scrub_report(r, forgotten) for r in sorted(reports, key=lambda r: r.document)]
    g = PartnershipGraph()
    plans = resolve_plans(reports)
    for info in {p.id: p for p in plans.values()}.values():
        _plan_node(g, info)
    orgs = _Orgs()
    for r in reports:
        orgs.add_report(r)
    org_ids = _org_nodes(g, resolve_entities(orgs.entities, overrides, "org"))
    parents = _unit_edges(g, orgs, org_ids)
    zones = zone_names(reports)
    for r in reports:
        _report_edges(g, r, plans[r.document], orgs, org_ids, zones)
    _persons(g, reports, plans, orgs, org_ids, parents, overrides)
    g.g.graph.pop("_seen", None)
    for _, d in g.nodes():
        d["sources"].sort(key=source_sort_key)
    return g.canonical()


def _plan_node(g: PartnershipGraph, p: PlanInfo) -> None:
    g.add_node(p.id, "Plan", p.name, aliases=p.aliases, document_type=p.document_type,
               period_start=p.period_start, period_end=p.period_end,
               municipality=p.municipality, area=p.area, documents=p.documents,
               sources=p.sources)


def _parent_id(e: Entity, orgs: _Orgs, org_ids: dict) -> str | None:
    """The organisation the report names as parent, else the one the name states
    ("BUF - Valby Skole", "Perspektiv (BIF)"); always an entity of the same document."""
    parent = e.data.get("parent") or parent_abbreviation(e.name, load_vocabulary())
    pidx = orgs.lookup(e.document, parent)
    return None if pidx is None else org_ids[(e.document, pidx)]


def _unit_edges(g: PartnershipGraph, orgs: _Orgs, org_ids: dict) -> dict[str, set[str]]:
    parents: dict[str, set[str]] = defaultdict(set)
    for e in orgs.entities:
        par = _parent_id(e, orgs, org_ids)
        if par is None:
            continue
        child = org_ids[(e.document, e.index)]
        if child != par:
            g.add_edge(child, par, "UNIT_OF", sources=list(e.data["sources"][:1]))
            parents[child].add(par)
    for child in list(parents):      # transitive closure (small chains)
        stack, seen = list(parents[child]), set()
        while stack:
            p = stack.pop()
            if p not in seen:
                seen.add(p)
                stack.extend(parents.get(p, ()))
        parents[child] = seen
    return parents


def _report_edges(g: PartnershipGraph, r: AgreementReport, plan: PlanInfo, orgs: _Orgs,
                  org_ids: dict, zones: dict[str, str]) -> None:
    doc = r.document
    did = node_id("Document", doc)
    g.add_node(did, "Document", doc, path=r.source_path, format=Path(doc).suffix.lstrip(".") or None,
               checksum=r.checksum, sources=[{"document": doc, "excerpt": ""}])
    g.add_edge(plan.id, did, "DESCRIBED_IN", sources=[{"document": doc, "excerpt": ""}])
    for o in r.organisations:
        oid = org_ids.get((doc, orgs.lookup(doc, o.name)))
        if oid is None:
            continue
        if o.is_party:
            g.add_edge(oid, plan.id, "PARTY_TO", sources=_sources(o.sources, doc))
        elif set(o.roles) - {"mentioned"} or not o.roles:
            role = "activity_partner" if o.roles == ["activity_partner"] else "partner"
            g.add_edge(oid, plan.id, "PARTNER_IN", role=role, sources=_sources(o.sources, doc))
    for f in r.focus_areas:
        fid = node_id("FocusArea", f.name)
        _ensure(g, r.document, fid, "FocusArea", f.name, f.sources)
        g.add_edge(plan.id, fid, "HAS_FOCUS_AREA", sources=_sources(f.sources, doc))
    zone_ids = _zones(g, r, plan, orgs, org_ids, zones)
    for t in r.target_groups:
        tid = node_id("TargetGroup", t.category)
        _ensure(g, r.document, tid, "TargetGroup", label_of(t.category), t.sources, category=t.category)
        g.node(tid).setdefault("phrases", [])
        g.node(tid)["phrases"] = sorted(set(g.node(tid)["phrases"]) | set(t.phrases))
        if "problem" in t.contexts or not t.contexts:
            g.add_edge(plan.id, tid, "ADDRESSES", phrases=sorted(t.phrases),
                       sources=_sources(t.sources, doc))
    _activities(g, r, plan, orgs, org_ids, zone_ids)


def _ensure(g: PartnershipGraph, document: str, nid: str, label: str, name: str,
            refs: list[SourceRef], **props: Any) -> None:
    seen = g.g.graph.setdefault("_seen", {})
    if nid not in g:
        g.add_node(nid, label, name, sources=_sources(refs, document), **props)
        seen[nid] = {_key(s) for s in g.node(nid)["sources"]}
    else:
        srcs, keys = g.node(nid)["sources"], seen.setdefault(nid, set())
        for s in _sources(refs, document):
            if _key(s) not in keys:
                keys.add(_key(s))
                srcs.append(s)


def zone_names(reports: Iterable[AgreementReport]) -> dict[str, str]:
    """Spelling-insensitive zone key -> the display name used for the shared Zone node
    ("Valby ejendommene" = "Valbyejendommene"; the most used spelling, then the first)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in reports:
        for z in r.zones:
            for n in (z.name, z.part_of):
                if n:
                    counts[compact(normalise(n))][n.strip()] += 1
    return {k: sorted(v, key=lambda n: (-v[n], n))[0] for k, v in counts.items()}


def _zone_id(names: dict[str, str], name: str) -> str:
    return node_id("Zone", names.get(compact(normalise(name)), name))


def _zones(g: PartnershipGraph, r: AgreementReport, plan: PlanInfo, orgs: _Orgs,
           org_ids: dict, names: dict[str, str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for z in r.zones:
        zid = _zone_id(names, z.name)
        for n in [z.name, *z.aliases]:
            ids[normalise(n)] = zid
        shown = names.get(compact(normalise(z.name)), z.name)
        _ensure(g, r.document, zid, "Zone", shown, z.sources, type=z.type, units=z.units)
        node = g.node(zid)
        node["aliases"] = sorted((set(node.get("aliases") or []) | set(z.aliases)
                                  | {z.name.strip()}) - {shown})
        node["units"] = node.get("units") or z.units
        g.add_edge(plan.id, zid, "COVERS", sources=_sources(z.sources, r.document))
        owner = org_ids.get((r.document, orgs.lookup(r.document, z.housing_organisation)))
        if owner:
            g.add_edge(owner, zid, "OWNS", sources=_sources(z.sources, r.document))
    for z in r.zones:
        if z.part_of:
            pid = ids.get(normalise(z.part_of)) or _zone_id(names, z.part_of)
            _ensure(g, r.document, pid, "Zone", names.get(compact(normalise(z.part_of)), z.part_of),
                    z.sources, type="district", units=None)
            if pid != _zone_id(names, z.name):
                g.add_edge(_zone_id(names, z.name), pid, "PART_OF",
                           sources=_sources(z.sources, r.document))
    return ids


def _activities(g: PartnershipGraph, r: AgreementReport, plan: PlanInfo, orgs: _Orgs,
                org_ids: dict, zone_ids: dict[str, str]) -> None:
    plan_part = plan.id.split(":", 1)[1]
    spans = _activity_spans(r)
    for a in r.activities:
        aid = f"activity:{plan_part}/{slug(a.name)}"
        _ensure(g, r.document, aid, "Activity", a.name, a.sources, plan=plan.id,
                focus_area=a.focus_area, kind=activity_kind(a.name))
        srcs = _sources(a.sources, r.document)
        g.add_edge(plan.id, aid, "HAS_ACTIVITY", sources=srcs)
        if a.focus_area:
            fid = node_id("FocusArea", a.focus_area)
            _ensure(g, r.document, fid, "FocusArea", a.focus_area, a.sources)
            g.add_edge(aid, fid, "IN_FOCUS_AREA", sources=srcs)
        for cat in a.target_groups:
            tid = node_id("TargetGroup", cat)
            _ensure(g, r.document, tid, "TargetGroup", label_of(cat), a.sources, category=cat,
                    phrases=[])
            g.add_edge(aid, tid, "TARGETS", sources=srcs)
        for p in a.partners:
            idx = orgs.lookup(r.document, p)
            oid = org_ids.get((r.document, idx))
            if oid:
                g.add_edge(oid, aid, "INVOLVED_IN",
                           sources=_naming(orgs.entities[idx].data.get("sources") or [],
                                           spans.get(id(a)), srcs))
        for zname in a.zones:
            zid = zone_ids.get(normalise(zname))
            if zid:
                g.add_edge(aid, zid, "LOCATED_IN", sources=srcs)


def _activity_spans(r: AgreementReport) -> dict[int, tuple[str, int, int]]:
    """Activity (by ``id``) -> (unit, first, end): the lines (or pages) from its heading
    to the next activity's heading, where the text naming its partners is."""
    starts = []
    for a in r.activities:
        s = next((x for x in a.sources if x.line is not None or x.page is not None), None)
        if s is not None:
            starts.append(("line", s.line, a) if s.line is not None else ("page", s.page, a))
    starts.sort(key=lambda t: (t[0], t[1]))
    out: dict[int, tuple[str, int, int]] = {}
    for i, (unit, first, a) in enumerate(starts):
        nxt = next((t[1] for t in starts[i + 1:] if t[0] == unit and t[1] > first), None)
        out[id(a)] = (unit, first, nxt if nxt is not None else first + (40 if unit == "line" else 1))
    return out


def _naming(org_sources: list[dict[str, Any]], span: tuple[str, int, int] | None,
            fallback: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evidence of an activity partner: the organisation's own mentions inside the
    activity's text (the sentence that names it), else the activity's heading."""
    if span is None:
        return fallback
    unit, first, end = span
    inside = [s for s in org_sources if isinstance(s.get(unit), int) and first <= s[unit] < end]
    return inside or fallback


def _persons(g: PartnershipGraph, reports: list[AgreementReport], plans: dict[str, PlanInfo],
             orgs: _Orgs, org_ids: dict, parents: dict[str, set[str]],
             overrides: Overrides | None) -> None:
    entities: list[Entity] = []
    org_of: dict[tuple[str, int], str | None] = {}
    for r in reports:
        for i, c in enumerate(r.contacts):
            if not c.name or not c.name.strip():
                continue
            e = Entity(r.document, i, c.name.strip(), [c.name.strip()],
                       [_mention(r.document, c.name, c.sources)],
                       {"email": c.email, "phone": c.phone, "title": c.title,
                        "sources": _sources(c.sources, r.document)})
            entities.append(e)
            org_of[(r.document, i)] = org_ids.get((r.document, orgs.lookup(r.document, c.organisation)))
    for cluster in resolve_persons(entities, org_of, parents, overrides):
        pid = person_id(cluster, org_of, taken=g)
        rules = _rules(cluster)
        first = cluster.members[0]
        pick = lambda k: next((e.data[k] for e in cluster.members if e.data.get(k)), None)  # noqa: E731
        sources = sorted({_key(s): s for e in cluster.members for s in e.data["sources"]}.values(),
                         key=source_sort_key)
        g.add_node(pid, "Person", first.name, title=pick("title"), email=pick("email"),
                   phone=pick("phone"), sources=sources,
                   mentions=[{**m, "rule": rules.get(e.ref, "first")} for e in cluster.members
                             for m in e.mentions],
                   merges=[m.to_dict() for m in cluster.merges])
        for e in cluster.members:
            srcs = e.data["sources"]
            if oid := org_of.get((e.document, e.index)):
                g.add_edge(pid, oid, "WORKS_AT", sources=srcs)
            g.add_edge(pid, plans[e.document].id, "CONTACT_FOR", sources=srcs)
