"""Typed extraction report: what one agreement document says.

The shape follows ``shared/eval/SCHEMA.md`` (the exchange format printed by
``samspil extract --json``). Every entity carries ``sources``: where in the
document it was read (document name, line for text files or page for PDFs,
and a short excerpt), so every fact in the graph can be traced back.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "SourceRef", "Plan", "FocusArea", "Organisation", "Contact", "Zone",
    "Activity", "TargetGroup", "AgreementReport",
    "DOCUMENT_TYPES", "ORGANISATION_TYPES", "ZONE_TYPES", "TARGET_GROUPS",
]

DOCUMENT_TYPES = ("strategic_agreement", "sub_agreement", "master_plan")
ORGANISATION_TYPES = (
    "housing_organisation", "municipality", "municipal_unit", "school", "daycare",
    "culture_leisure", "police", "health", "education", "ngo", "company",
    "national_body", "other",
)
ZONE_TYPES = ("housing_department", "zone", "district")
TARGET_GROUPS = (
    "children", "youth", "young_adults", "parents_families", "adults", "seniors",
    "women", "men", "vulnerable_adults", "unemployed", "residents_all",
    "volunteers", "tenant_democracy", "ethnic_minorities", "professionals",
)


@dataclass(frozen=True)
class SourceRef:
    """Where a fact was read: document id, 1-based line (text) or page (PDF)."""

    document: str
    line: int | None = None
    page: int | None = None
    excerpt: str = ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"document": self.document, "excerpt": self.excerpt}
        if self.line is not None:
            d["line"] = self.line
        if self.page is not None:
            d["page"] = self.page
        return d


@dataclass
class Plan:
    name: str | None = None
    aliases: list[str] = field(default_factory=list)
    document_type: str | None = None
    period_start: str | None = None  # ISO date
    period_end: str | None = None
    municipality: str | None = None
    area: str | None = None  # the housing area / city district the plan serves
    sources: list[SourceRef] = field(default_factory=list)


@dataclass
class FocusArea:
    """An indsatsområde (focus area) the document commits to."""

    name: str
    sources: list[SourceRef] = field(default_factory=list)


@dataclass
class Organisation:
    name: str
    aliases: list[str] = field(default_factory=list)
    type: str = "other"
    is_party: bool = False
    parent: str | None = None  # name of the organisation this is a unit of
    roles: list[str] = field(default_factory=list)  # party, partner, activity_partner, mentioned
    sources: list[SourceRef] = field(default_factory=list)


@dataclass
class Contact:
    name: str
    title: str | None = None
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None
    focus_area: str | None = None
    sources: list[SourceRef] = field(default_factory=list)


@dataclass
class Zone:
    name: str
    type: str = "zone"
    housing_organisation: str | None = None
    units: int | None = None
    part_of: str | None = None
    aliases: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)


@dataclass
class Activity:
    name: str
    focus_area: str | None = None
    target_groups: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)  # contact names
    sources: list[SourceRef] = field(default_factory=list)


@dataclass
class TargetGroup:
    category: str
    phrases: list[str] = field(default_factory=list)
    # where the phrase was found: "activity", "problem" (problem description / goals)
    contexts: list[str] = field(default_factory=list)
    sources: list[SourceRef] = field(default_factory=list)


@dataclass
class AgreementReport:
    """Everything extracted from one document."""

    document: str
    plan: Plan = field(default_factory=Plan)
    focus_areas: list[FocusArea] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    zones: list[Zone] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    target_groups: list[TargetGroup] = field(default_factory=list)
    # content hash of the normalised text, so a store can tell a changed document
    checksum: str | None = None
    source_path: str | None = None
    warnings: list[str] = field(default_factory=list)

    def found_nothing(self) -> bool:
        """True when extraction found none of what makes an agreement: no plan name,
        party, focus area, activity, contact or zone (not a partnership agreement)."""
        return not (self.plan.name or self.focus_areas or self.activities or self.contacts
                    or self.zones or any(o.is_party for o in self.organisations))

    def to_dict(self) -> dict[str, Any]:
        """The JSON report of SCHEMA.md (plus provenance keys the schema allows): what
        ``dataclasses.asdict`` gives, several times faster (a full load converts every
        report twice)."""
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "AgreementReport":
        def refs(items: list[dict[str, Any]] | None) -> list[SourceRef]:
            return [_source_ref(r) for r in (items or [])]

        def build(kind: type, items: list[dict[str, Any]] | None) -> list[Any]:
            out = []
            known = _known(kind)
            for it in items or []:
                srcs = refs(it.get("sources"))
                if it.keys() <= known:      # (as a report's own dict always is)
                    out.append(kind(**{**it, "sources": srcs}))
                else:
                    out.append(kind(**{k: v for k, v in it.items() if k in known and k != "sources"},
                                    sources=srcs))
            return out

        plan = dict(data.get("plan") or {})
        plan["sources"] = refs(plan.get("sources"))
        known_plan = set(Plan.__dataclass_fields__)
        return cls(
            document=data["document"],
            plan=Plan(**{k: v for k, v in plan.items() if k in known_plan}),
            focus_areas=build(FocusArea, data.get("focus_areas")),
            organisations=build(Organisation, data.get("organisations")),
            contacts=build(Contact, data.get("contacts")),
            zones=build(Zone, data.get("zones")),
            activities=build(Activity, data.get("activities")),
            target_groups=build(TargetGroup, data.get("target_groups")),
            checksum=data.get("checksum"),
            source_path=data.get("source_path"),
            warnings=list(data.get("warnings") or []),
        )


_FIELDS: dict[type, tuple[str, ...]] = {}
_KNOWN: dict[type, frozenset[str]] = {}
_REF_KEYS = frozenset(("document", "line", "page", "excerpt"))
_new = object.__new__


def _known(kind: type) -> frozenset[str]:
    """A dataclass's field names."""
    known = _KNOWN.get(kind)
    if known is None:
        known = _KNOWN[kind] = frozenset(kind.__dataclass_fields__)
    return known


def new_source_ref(document: str, line: int | None, page: int | None, excerpt: str) -> SourceRef:
    """``SourceRef(document, line, page, excerpt)`` without the frozen dataclass's ``__init__``
    (an ``object.__setattr__`` per field: ~2 µs, and an extraction makes ~600); the same fields in the
    same order.

    >>> new_source_ref("d", 3, None, "x") == SourceRef("d", 3, None, "x")
    True
    """
    ref = _new(SourceRef)
    ref.__dict__.update(document=document, line=line, page=page, excerpt=excerpt)
    return ref


def _source_ref(r: dict[str, Any]) -> SourceRef:
    """``SourceRef(**r)``, made without the frozen dataclass's ``__init__`` (its
    ``object.__setattr__`` per field: a full load at 10,000 plans makes millions) when
    ``r`` has the document and only known keys; the same fields in the same order."""
    if "document" not in r or not r.keys() <= _REF_KEYS:
        return SourceRef(**r)
    ref = _new(SourceRef)
    ref.__dict__.update(document=r["document"], line=r.get("line"), page=r.get("page"),
                        excerpt=r.get("excerpt", ""))
    return ref


def _plain(obj: Any) -> Any:
    """``dataclasses.asdict`` of a report: dataclasses to dicts, lists, tuples and dicts
    copied, strings, numbers and None as they are, anything else deep-copied."""
    kind = type(obj)
    if kind is str or kind is int or obj is None or kind is float or kind is bool:
        return obj
    if kind is list:
        return [_plain(x) for x in obj]
    names = _FIELDS.get(kind)
    if names is None and hasattr(kind, "__dataclass_fields__"):
        names = _FIELDS[kind] = tuple(f.name for f in fields(kind))
    if names is not None:
        return {n: _plain(getattr(obj, n)) for n in names}
    if isinstance(obj, tuple) and not hasattr(obj, "_fields"):
        return kind(_plain(x) for x in obj)
    if isinstance(obj, (list, dict)):
        return kind(_plain(x) for x in obj) if isinstance(obj, list) else \
            kind((_plain(k), _plain(v)) for k, v in obj.items())
    return copy.deepcopy(obj)
