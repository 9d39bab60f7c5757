"""A small partnership graph with known answers, built by hand (see the module docstring
of test_small_graph.py for the facts the tests rely on)."""
from __future__ import annotations

import pytest

from samspil.graph.model import PartnershipGraph
from samspil.graph.people import person_id_for

# persons get the ids the graph builder gives (a hash of the e-mail, else name@organisation)
ANNA, BO, CARL = (person_id_for(k) for k in ("anna@kk.dk", "bo-berg@org:3b", "carl@lejerbo.dk"))


def src(doc: str, line: int, excerpt: str = "") -> list[dict]:
    return [{"document": doc, "line": line, "excerpt": excerpt or f"{doc}:{line}"}]


@pytest.fixture
def toy() -> PartnershipGraph:
    g = PartnershipGraph()
    plans = [("plan:old", "Old Valby", "2013-01-01", "2016-12-31", "Valby", "old.txt"),
             ("plan:new", "New Valby", "2017-01-01", "2020-12-31", "Valby", "new.txt"),
             ("plan:south", "South Harbour", "2017-01-01", "2020-12-31", "Sydhavn", "south.txt")]
    for pid, name, start, end, area, doc in plans:
        g.add_node(pid, "Plan", name, period_start=start, period_end=end, area=area,
                   document_type="strategic_agreement", sources=src(doc, 1, name))
    orgs = [("org:kk", "Københavns Kommune", "municipality"),
            ("org:buf", "Børne- og Ungdomsforvaltningen", "municipal_unit"),
            ("org:3b", "Boligforeningen 3B", "housing_organisation"),
            ("org:lejerbo", "Lejerbo København", "housing_organisation"),
            ("org:library", "Valby Bibliotek", "culture_leisure"),
            ("org:club", "Sydhavn Boldklub", "culture_leisure"),
            ("org:ngo", "Red Barnet", "ngo")]
    for oid, name, typ in orgs:
        g.add_node(oid, "Organisation", name, type=typ)
    g.add_edge("org:buf", "org:kk", "UNIT_OF")
    for oid, pid, rel, line in [("org:kk", "plan:old", "PARTY_TO", 3),
                                ("org:lejerbo", "plan:old", "PARTY_TO", 4),
                                ("org:kk", "plan:new", "PARTY_TO", 3),
                                ("org:3b", "plan:new", "PARTY_TO", 4),
                                ("org:ngo", "plan:new", "PARTNER_IN", 9),
                                ("org:kk", "plan:south", "PARTY_TO", 3),
                                ("org:3b", "plan:south", "PARTY_TO", 4),
                                ("org:library", "plan:south", "PARTNER_IN", 9)]:
        g.add_edge(oid, pid, rel, sources=src(pid[5:] + ".txt", line))
    for fid, name in [("focus:children", "Børn"), ("focus:education", "Uddannelse"),
                      ("focus:employment", "Beskæftigelse"), ("focus:safety", "Tryghed")]:
        g.add_node(fid, "FocusArea", name)
    for pid, fid in [("plan:old", "focus:children"), ("plan:new", "focus:education"),
                     ("plan:new", "focus:employment"), ("plan:south", "focus:education"),
                     ("plan:south", "focus:safety")]:
        g.add_edge(pid, fid, "HAS_FOCUS_AREA", sources=src(pid[5:] + ".txt", 20))
    for cat in ("children", "youth", "unemployed"):
        g.add_node("target:" + cat, "TargetGroup", cat, category=cat)
    g.add_edge("plan:new", "target:youth", "ADDRESSES", phrases=["unge i Folehaven"],
               sources=src("new.txt", 30, "unge i Folehaven"))
    g.add_edge("plan:new", "target:children", "ADDRESSES", phrases=["børn"],
               sources=src("new.txt", 31))
    zones = [("zone:valby", "Valby", "district"), ("zone:akacieparken", "Akacieparken",
              "housing_department"), ("zone:folehaven", "Folehaven", "housing_department"),
             ("zone:gronrisvej", "Grønrisvej", "housing_department"),
             ("zone:sjaelor", "Sjælør Boulevard", "housing_department")]
    for zid, name, typ in zones:
        g.add_node(zid, "Zone", name, type=typ)
    g.add_edge("zone:akacieparken", "zone:valby", "PART_OF")
    for pid, zid in [("plan:old", "zone:valby"), ("plan:old", "zone:akacieparken"),
                     ("plan:new", "zone:folehaven"), ("plan:new", "zone:gronrisvej"),
                     ("plan:south", "zone:sjaelor"), ("plan:south", "zone:folehaven")]:
        g.add_edge(pid, zid, "COVERS", sources=src(pid[5:] + ".txt", 40))
    acts = [("activity:old/lektiecafe", "Lektiecafé", "plan:old", "focus:children",
             ["target:children"], ["zone:akacieparken"], ["org:library"]),
            ("activity:new/lektiehjaelp", "Lektiehjælp i Folehaven", "plan:new",
             "focus:education", ["target:children"], ["zone:folehaven"],
             ["org:buf", "org:library"]),
            ("activity:new/jobcafe", "Jobcafé", "plan:new", "focus:employment",
             ["target:unemployed"], [], []),
            ("activity:south/fodbold", "Fodbold for unge", "plan:south", "focus:education",
             ["target:youth"], [], ["org:club"])]
    for aid, name, pid, fid, targets, zs, partners in acts:
        doc = pid[5:] + ".txt"
        g.add_node(aid, "Activity", name, plan=pid, sources=src(doc, 50, name))
        g.add_edge(pid, aid, "HAS_ACTIVITY", sources=src(doc, 50))
        g.add_edge(aid, fid, "IN_FOCUS_AREA", sources=src(doc, 50))
        for t in targets:
            g.add_edge(aid, t, "TARGETS", sources=src(doc, 51))
        for z in zs:
            g.add_edge(aid, z, "LOCATED_IN", sources=src(doc, 52))
        for o in partners:
            g.add_edge(o, aid, "INVOLVED_IN", sources=src(doc, 53, name))
    people = [(ANNA, "Anna Holm", "anna@kk.dk", "33660000",
               ["plan:old", "plan:new"]),
              (BO, "Bo Berg", None, "21212121", ["plan:south"]),
              (CARL, "Carl Lund", "carl@lejerbo.dk", None, ["plan:old"])]
    for pid_, name, email, phone, plans_ in people:
        g.add_node(pid_, "Person", name, email=email, phone=phone)
        for p in plans_:
            g.add_edge(pid_, p, "CONTACT_FOR", sources=src(p[5:] + ".txt", 60, name))
    g.add_edge(ANNA, "org:kk", "WORKS_AT")
    return g
