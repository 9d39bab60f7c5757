"""``AgreementReport.from_dict`` / ``to_dict``: the fast paths (issue 13: a full load at
10,000 plans converts every report three times) give what the plain dataclass
constructors give, and anything else still goes through them."""
from __future__ import annotations

import dataclasses
import importlib.util
import pickle
from pathlib import Path

import pytest

from samspil.loaders.model import (Activity, AgreementReport, Contact, FocusArea, Organisation,
                                   Plan, SourceRef, TargetGroup, Zone)

ROOT = Path(__file__).resolve().parents[2]


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "bench" / "synthetic.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _plainly(data: dict) -> AgreementReport:
    """``from_dict`` as the dataclasses' own constructors do it (the reference)."""
    def refs(items):
        return [SourceRef(**r) for r in items or []]

    def build(kind, items):
        known = {f.name for f in dataclasses.fields(kind)}
        return [kind(**{**{k: v for k, v in it.items() if k in known}, "sources": refs(it.get("sources"))})
                for it in items or []]
    plan = dict(data.get("plan") or {})
    plan["sources"] = refs(plan.get("sources"))
    known = {f.name for f in dataclasses.fields(Plan)}
    return AgreementReport(
        document=data["document"], plan=Plan(**{k: v for k, v in plan.items() if k in known}),
        focus_areas=build(FocusArea, data.get("focus_areas")),
        organisations=build(Organisation, data.get("organisations")),
        contacts=build(Contact, data.get("contacts")), zones=build(Zone, data.get("zones")),
        activities=build(Activity, data.get("activities")),
        target_groups=build(TargetGroup, data.get("target_groups")),
        checksum=data.get("checksum"), source_path=data.get("source_path"),
        warnings=list(data.get("warnings") or []))


def test_from_dict_equals_the_constructors_on_a_synthetic_corpus():
    for report in _synthetic().generate_reports(30):
        data = report.to_dict()
        fast, plain = AgreementReport.from_dict(data), _plainly(data)
        assert fast == plain
        assert fast.to_dict() == data == dataclasses.asdict(fast)
        # the same objects down to their attributes' order (pickled alike)
        assert pickle.dumps(fast) == pickle.dumps(plain)
        ref = fast.activities[0].sources[0]
        assert type(ref) is SourceRef and hash(ref) == hash(plain.activities[0].sources[0])
        with pytest.raises(dataclasses.FrozenInstanceError):
            ref.line = 1


def test_source_refs_with_missing_or_unknown_keys_go_through_the_constructor():
    data = {"document": "d", "organisations": [
        {"name": "A", "sources": [{"document": "d", "line": 3}]},             # defaults filled
        {"name": "B", "sources": [{"document": "d", "excerpt": "x", "page": 2}]}]}
    orgs = AgreementReport.from_dict(data).organisations
    assert orgs[0].sources == [SourceRef("d", 3, None, "")]
    assert orgs[1].sources == [SourceRef("d", None, 2, "x")]
    with pytest.raises(TypeError):            # no document: as SourceRef(**r) refuses it
        AgreementReport.from_dict({"document": "d", "zones": [{"name": "Z", "sources": [{"line": 1}]}]})
    with pytest.raises(TypeError):            # an unknown key: likewise
        AgreementReport.from_dict({"document": "d", "zones": [
            {"name": "Z", "sources": [{"document": "d", "colour": "red"}]}]})


def test_unknown_item_keys_are_dropped_and_missing_sources_are_empty():
    report = AgreementReport.from_dict({"document": "d", "activities": [
        {"name": "Lektiecafé", "colour": "red"}, {"name": "Fritidsjob", "sources": None}]})
    assert [a.name for a in report.activities] == ["Lektiecafé", "Fritidsjob"]
    assert [a.sources for a in report.activities] == [[], []]
