"""What one document contributes to the graph, given the resolution (graph/build.py).

``emit_document`` writes one report's nodes and relationships into a graph of its
own (a *fragment*); :mod:`samspil.graph.fragments` folds the fragments of all
documents, in document order, into the one graph. Organisation, Person and Plan
nodes are not emitted here: they belong to clusters and plan groups, not to one
document. Because every document's part is computed on its own, a changed document
re-emits only its own fragment (graph/incremental.py).
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
from samspil.graph.names import compact, parent_abbreviation
from samspil.graph.plans import PlanInfo
from samspil.graph.resolve import Entity, load_vocabulary, normalise
from samspil.graph.zone_ids import is_generic_zone, zone_id
from samspil.loaders.errors import VocabularyError
from samspil.loaders.extract.targets import label_of
from samspil.loaders.model import AgreementReport, SourceRef

__all__ = ["Orgs", "emit_document", "emit_person_edges", "activity_kind", "source_sort_key",
           "zone_names", "zone_counts", "sources_of", "mention"]


def source_sort_key(s: dict[str, Any]) -> tuple:
    return (s.get("document") or "", s.get("line") or 0, s.get("page") or 0, s.get("excerpt") or "")


def sources_of(refs: Iterable[SourceRef], document: str) -> list[dict[str, Any]]:
    """Source dicts; an entity the report gives no source for still names its document."""
    out = [r.to_dict() for r in refs]
    return out or [{"document": document, "excerpt": ""}]


def mention(document: str, name: str, refs: list[SourceRef]) -> dict[str, Any]:
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


@lru_cache(maxsize=65536)      # (activities recur by name across plans)
def activity_kind(name: str) -> str | None:
    """Normalised kind of an activity from its name (graph/activity_kinds.yaml).

    >>> activity_kind("Lektiecafé for 4.-10. klasse")
    'homework_cafe'
    """
    for kind, rx in _kinds():
        if rx.search(name):
            return kind
    return None


# -- organisations as the documents name them -----------------------------------
class Orgs:
    """Organisation entities of reports and the per-document name lookup. An entity's
    ``index`` counts within its document, so one document's entities are the same
    whether it is read alone or with all the others."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.local: dict[str, dict[str, int]] = defaultdict(dict)   # doc -> key -> local idx
        self.by_ref: dict[tuple[str, int], Entity] = {}
        self.counts: dict[str, int] = defaultdict(int)
        # name -> normalise(name): the same partners are named in thousands of documents
        # (10,000 plans: ~1.6 M look-ups of ~60,000 distinct names). An Orgs lives for one
        # build or update, under one vocabulary.
        self.norm: dict[str, str] = {}
        self.abbr: dict[str, str | None] = {}    # name -> its parent_abbreviation

    def _normalise(self, name: str) -> str:
        key = self.norm.get(name)
        if key is None:
            key = self.norm[name] = normalise(name)
        return key

    def add_report(self, r: AgreementReport) -> None:
        for o in r.organisations:
            self._add(r.document, o.name, o.aliases, o.sources,
                      {"type": o.type, "parent": o.parent, "is_party": o.is_party, "roles": o.roles,
                       "municipality": r.plan.municipality, "plan": r.plan.name})
        refs: list[tuple[str, list[SourceRef]]] = []
        refs += [(o.parent, o.sources) for o in r.organisations if o.parent]
        # a parent the name states ("BUF - Valby Skole")
        refs += [(abbr, o.sources) for o in r.organisations
                 if not o.parent and (abbr := self.parent_abbreviation(o.name))]
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
        table = self.local[doc]
        idx = self.counts[doc]
        self.counts[doc] += 1
        names = [name] + [a for a in aliases if a and a.strip()]
        m = mention(doc, name, srcs)
        if names[1:]:
            m["written_as"] = names[1:]  # the document's other forms, merged while extracting
        e = Entity(doc, idx, name.strip(), names, [m], {**data, "sources": sources_of(srcs, doc)})
        self.entities.append(e)
        self.by_ref[(doc, idx)] = e
        table.setdefault(self._normalise(name), idx)
        for a in aliases:
            if a and a.strip():
                table.setdefault(self._normalise(a), idx)

    def parent_abbreviation(self, name: str) -> str | None:
        """:func:`parent_abbreviation` under the vocabulary, once per name (read for every
        organisation in both readings of a full load: 10,000 plans, ~300,000 calls)."""
        hit = self.abbr.get(name, self)
        if hit is self:
            hit = self.abbr[name] = parent_abbreviation(name, load_vocabulary())
        return hit

    def lookup(self, doc: str, name: str | None) -> int | None:
        return None if not name else self.local[doc].get(self._normalise(name))


# -- one document's fragment ----------------------------------------------------
def emit_document(r: AgreementReport, plan: PlanInfo, orgs: Orgs,
                  org_ids: dict[tuple[str, int], str], zones: dict[str, str],
                  light: bool = False) -> PartnershipGraph:
    """Everything ``r`` contributes except persons: its Document node, the relationships
    of its organisations to its plan, units, focus areas, zones, target groups and
    activities. ``org_ids`` maps (document, entity index) to the organisation's node id.
    ``light``: on a :class:`~samspil.graph.frag_graph.FragGraph` (no networkx)."""
    g = _fragment(light)
    doc = r.document
    _unit_edges(g, doc, orgs, org_ids)
    did = node_id("Document", doc)
    g.add_node(did, "Document", doc, path=r.source_path, format=Path(doc).suffix.lstrip(".") or None,
               checksum=r.checksum, sources=[{"document": doc, "excerpt": ""}])
    g.add_edge(plan.id, did, "DESCRIBED_IN", sources=[{"document": doc, "excerpt": ""}])
    for o in r.organisations:
        oid = org_ids.get((doc, orgs.lookup(doc, o.name)))
        if oid is None:
            continue
        if o.is_party:
            g.add_edge(oid, plan.id, "PARTY_TO", sources=sources_of(o.sources, doc))
        elif set(o.roles) - {"mentioned"} or not o.roles:
            role = "activity_partner" if o.roles == ["activity_partner"] else "partner"
            g.add_edge(oid, plan.id, "PARTNER_IN", role=role, sources=sources_of(o.sources, doc))
    for f in r.focus_areas:
        fid = node_id("FocusArea", f.name)
        _ensure(g, doc, fid, "FocusArea", f.name, f.sources)
        g.add_edge(plan.id, fid, "HAS_FOCUS_AREA", sources=sources_of(f.sources, doc))
    zone_ids = _zones(g, r, plan, orgs, org_ids, zones)
    for t in r.target_groups:
        tid = node_id("TargetGroup", t.category)
        _ensure(g, doc, tid, "TargetGroup", label_of(t.category), t.sources, category=t.category)
        g.node(tid).setdefault("phrases", [])
        g.node(tid)["phrases"] = sorted(set(g.node(tid)["phrases"]) | set(t.phrases))
        if "problem" in t.contexts or not t.contexts:
            g.add_edge(plan.id, tid, "ADDRESSES", phrases=sorted(t.phrases),
                       sources=sources_of(t.sources, doc))
    _activities(g, r, plan, orgs, org_ids, zone_ids)
    g.g.graph.pop("_seen", None)
    return g


def emit_person_edges(doc: str, contacts: list[tuple[str, str | None, list[dict[str, Any]]]],
                      plan_id: str, light: bool = False) -> PartnershipGraph:
    """A document's WORKS_AT and CONTACT_FOR relationships: ``contacts`` holds, in the
    document's order, (person id, organisation id or None, sources) per contact."""
    g = _fragment(light)
    for pid, oid, srcs in contacts:
        if oid:
            g.add_edge(pid, oid, "WORKS_AT", sources=srcs)
        g.add_edge(pid, plan_id, "CONTACT_FOR", sources=srcs)
    return g


def _fragment(light: bool) -> PartnershipGraph:
    if not light:
        return PartnershipGraph()
    from samspil.graph.frag_graph import FragGraph
    return PartnershipGraph(FragGraph())     # type: ignore[arg-type]


def parent_of(e: Entity, orgs: Orgs) -> int | None:
    """The entity the report names as ``e``'s parent, else the one the name states
    ("BUF - Valby Skole", "Perspektiv (BIF)"); always an entity of the same document."""
    parent = e.data.get("parent") or orgs.parent_abbreviation(e.name)
    return orgs.lookup(e.document, parent)


def _unit_edges(g: PartnershipGraph, doc: str, orgs: Orgs, org_ids: dict) -> None:
    idx = 0
    while (e := orgs.by_ref.get((doc, idx))) is not None:
        idx += 1
        pidx = parent_of(e, orgs)
        if pidx is None:
            continue
        child, par = org_ids[(doc, e.index)], org_ids[(doc, pidx)]
        if child != par:
            g.add_edge(child, par, "UNIT_OF", sources=list(e.data["sources"][:1]))


def _ensure(g: PartnershipGraph, document: str, nid: str, label: str, name: str,
            refs: list[SourceRef], given: list[dict[str, Any]] | None = None, **props: Any) -> None:
    """Add the node, or add ``refs`` to its sources. ``given``: ``sources_of(refs,
    document)`` made already (an activity's, for its relationships too): its dicts are
    shared, never its list."""
    if nid not in g:
        g.add_node(nid, label, name, sources=sources_of(refs, document) if given is None
                   else list(given), **props)
    else:      # (the keys of a node's sources made when it is met again: most are met once)
        seen = g.g.graph.setdefault("_seen", {})
        srcs, keys = g.node(nid)["sources"], seen.get(nid)
        if keys is None:
            keys = seen[nid] = {source_sort_key(s) for s in srcs}
        for s in sources_of(refs, document) if given is None else given:
            k = source_sort_key(s)         # (once per source, not twice)
            if k not in keys:
                keys.add(k)
                srcs.append(s)


def zone_counts(r: AgreementReport) -> dict[tuple[str, str], int]:
    """(spelling-insensitive key, spelling) -> how often ``r`` writes the zone so."""
    out: dict[tuple[str, str], int] = defaultdict(int)
    for z in r.zones:
        for n in (z.name, z.part_of):
            if n:
                out[(compact(normalise(n)), n.strip())] += 1
    return out


def zone_names(reports: Iterable[AgreementReport]) -> dict[str, str]:
    """Spelling-insensitive zone key -> the display name used for the shared Zone node
    ("Valby ejendommene" = "Valbyejendommene"; the most used spelling, then the first)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in reports:
        for (k, n), c in zone_counts(r).items():
            counts[k][n] += c
    return {k: display_of(v) for k, v in counts.items()}


def display_of(spellings: dict[str, int]) -> str:
    return sorted(spellings, key=lambda n: (-spellings[n], n))[0]


def _zone_id(names: dict[str, str], name: str, plan_id: str) -> str:
    """A named zone is shared across plans; a generic one ("Zone 1") is the plan's."""
    return zone_id(_shown(names, name), plan_id)


def _shown(names: dict[str, str], name: str) -> str:
    """A zone's name as the graph shows it: a named zone's most common spelling across the
    documents; a generic one's ("Zone 1") as its document writes it, since its node is its
    plan's alone (a spelling chosen across all plans would change with documents of other
    plans, which an incremental update does not re-emit)."""
    return name if is_generic_zone(name) else names.get(compact(normalise(name)), name)


def _zones(g: PartnershipGraph, r: AgreementReport, plan: PlanInfo, orgs: Orgs,
           org_ids: dict, names: dict[str, str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for z in r.zones:
        zid = _zone_id(names, z.name, plan.id)
        for n in [z.name, *z.aliases]:
            ids[normalise(n)] = zid
        _ensure(g, r.document, zid, "Zone", _shown(names, z.name), z.sources, type=z.type, units=z.units)
        node = g.node(zid)
        node["aliases"] = sorted((set(node.get("aliases") or []) | set(z.aliases)
                                  | {z.name.strip()}) - {node["name"]})
        node["units"] = node.get("units") or z.units
        g.add_edge(plan.id, zid, "COVERS", sources=sources_of(z.sources, r.document))
        owner = org_ids.get((r.document, orgs.lookup(r.document, z.housing_organisation)))
        if owner:
            g.add_edge(owner, zid, "OWNS", sources=sources_of(z.sources, r.document))
    for z in r.zones:
        if z.part_of:
            pid = ids.get(normalise(z.part_of)) or _zone_id(names, z.part_of, plan.id)
            _ensure(g, r.document, pid, "Zone", _shown(names, z.part_of), z.sources, type="district", units=None)
            if pid != (zid := _zone_id(names, z.name, plan.id)):
                g.add_edge(zid, pid, "PART_OF",
                           sources=sources_of(z.sources, r.document))
    return ids


def _activities(g: PartnershipGraph, r: AgreementReport, plan: PlanInfo, orgs: Orgs,
                org_ids: dict, zone_ids: dict[str, str]) -> None:
    plan_part = plan.id.split(":", 1)[1]
    spans = _activity_spans(r)
    for a in r.activities:
        aid = f"activity:{plan_part}/{slug(a.name)}"
        srcs = sources_of(a.sources, r.document)      # (made once: its nodes' too)
        _ensure(g, r.document, aid, "Activity", a.name, a.sources, srcs, plan=plan.id,
                focus_area=a.focus_area, kind=activity_kind(a.name))
        g.add_edge(plan.id, aid, "HAS_ACTIVITY", sources=srcs)
        if a.focus_area:
            fid = node_id("FocusArea", a.focus_area)
            _ensure(g, r.document, fid, "FocusArea", a.focus_area, a.sources, srcs)
            g.add_edge(aid, fid, "IN_FOCUS_AREA", sources=srcs)
        for cat in a.target_groups:
            tid = node_id("TargetGroup", cat)
            _ensure(g, r.document, tid, "TargetGroup", label_of(cat), a.sources, srcs, category=cat,
                    phrases=[])
            g.add_edge(aid, tid, "TARGETS", sources=srcs)
        for p in a.partners:
            idx = orgs.lookup(r.document, p)
            oid = org_ids.get((r.document, idx))
            if oid:
                g.add_edge(oid, aid, "INVOLVED_IN",
                           sources=_naming(orgs.by_ref[(r.document, idx)].data.get("sources") or [],
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
