"""A synthetic corpus that resembles the seed agreements, for benchmarks.

``generate_reports(n_plans, seed=0)`` returns one :class:`AgreementReport` per
plan (a strategic agreement with its delaftaler appended, like seeds 000 and
004) and, for about one plan in five, a separate delaftale document of the same
plan. Parties are housing organisations plus a municipality; partners are
municipal units (forvaltning + school, library, club ...), NGOs and companies
drawn from Zipf-like pools so that partners and contact persons recur across
plans, written in the spellings the seeds use ("Boligforeningen 3B" / "3B",
"BUF - Valby Skole" / "Valby Skole", "Socialforvaltningen" / "SOF").

Deterministic for a given ``seed``. Reused by the analyses and API benchmarks::

    import importlib.util, pathlib
    spec = importlib.util.spec_from_file_location("synthetic", "bench/synthetic.py")
"""
from __future__ import annotations

import random
from collections.abc import Sequence

from samspil.loaders.model import (Activity, AgreementReport, Contact, FocusArea, Organisation,
                                   Plan, SourceRef, TargetGroup, Zone)

__all__ = ["generate_reports"]

SYL = ["val", "by", "vig", "ers", "lev", "fole", "ha", "ven", "sjæl", "ør", "en", "ge", "ris",
       "ske", "bro", "holm", "gård", "lund", "høj", "mark", "dal", "strand", "vang", "toft",
       "rød", "ager", "bak", "ke", "sol", "nør", "re", "vest", "lin", "de", "kil", "de"]
FORVALTNINGER = [("BUF", "Børne- og Ungdomsforvaltningen"), ("SOF", "Socialforvaltningen"),
                 ("BIF", "Beskæftigelses- og Integrationsforvaltningen"),
                 ("KFF", "Kultur- og Fritidsforvaltningen"), ("TMF", "Teknik- og Miljøforvaltningen"),
                 ("ØKF", "Økonomiforvaltningen"), ("SUF", "Sundheds- og Omsorgsforvaltningen")]
UNIT_KINDS = [("BUF", "Skole", "school"), ("KFF", "Bibliotek", "culture_leisure"),
              ("BUF", "Fritidsklub", "culture_leisure"), ("SOF", "Borgercenter", "municipal_unit"),
              ("BIF", "Jobcenter", "municipal_unit"), ("BUF", "Sundhedspleje", "municipal_unit")]
NGO_KINDS = ["Boldklub", "Bydelsmødre", "Kulturhus", "Lektiecafé-forening", "Spejdergruppe",
             "Beboerforening", "Idrætsforening", "Fond", "Netværk", "Teater"]
FOCUS = ["Uddannelse og livschancer", "Beskæftigelse", "Kriminalitetsforebyggelse",
         "Sundhed og trivsel", "Tryghed og trivsel", "Børn, unge og familier"]
ACTIVITIES = ["Lektiecafé", "Familieindsats", "Fritidsjob", "Sommerferieaktiviteter",
              "Jobvejledning", "Forældrecafé", "Gældsrådgivning", "Bydelsmødre", "Idræt for piger",
              "Uddannelsesvejledning", "Beboerdemokrati", "Netværksgrupper", "Sundhedscafé"]
TARGETS = ["children", "youth", "young_adults", "parents_families", "adults", "seniors", "women",
           "vulnerable_adults", "unemployed", "residents_all", "volunteers", "tenant_democracy"]
FIRST = ["Anne", "Mette", "Søren", "Lars", "Fatima", "Ahmed", "Charlotte", "Jens", "Line", "Ole",
         "Sara", "Mikkel", "Hanne", "Ali", "Camilla", "Peter", "Louise", "Rasmus", "Nadia", "Kim"]
LAST = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Larsen", "Kølle", "Holm", "Berg",
        "Møller", "Yilmaz", "Khan", "Thomsen", "Dahl", "Vestergaard", "Lund", "Kristensen"]


def _word(rng: random.Random, n: int = 2) -> str:
    return "".join(rng.choice(SYL) for _ in range(n)).capitalize()


_CUM: dict[tuple[int, float], list[float]] = {}


def _zipf(rng: random.Random, pool: Sequence, s: float = 1.1):
    """An item drawn Zipf-like (rank 1 most common)."""
    cum = _CUM.get((len(pool), s))
    if cum is None:
        total, cum = 0.0, []
        for i in range(len(pool)):
            total += 1 / (i + 1) ** s
            cum.append(total)
        _CUM[(len(pool), s)] = cum
    return rng.choices(pool, cum_weights=cum)[0]


class _Pools:
    def __init__(self, rng: random.Random, n_plans: int) -> None:
        self.areas = sorted({_word(rng, rng.choice([2, 3])) for _ in range(max(60, n_plans // 2))})
        self.housing = [(f"Boligforeningen {_word(rng, 1).upper()[:3]}{i}", f"{_word(rng, 1).upper()[:3]}{i}")
                        for i in range(max(40, n_plans // 10))]
        self.munis = [f"{_word(rng)}s Kommune" for _ in range(max(10, n_plans // 50))]
        self.ngos = [f"{_word(rng)} {rng.choice(NGO_KINDS)}" for _ in range(max(300, n_plans * 3))]
        self.people = [(f"{rng.choice(FIRST)} {rng.choice(LAST)} {_word(rng, 1)}", f"p{i:05d}")
                       for i in range(max(500, n_plans * 5))]


def _src(doc: str, line: int, text: str) -> list[SourceRef]:
    return [SourceRef(document=doc, line=line, excerpt=text[:80])]


class _Lines:
    """Line numbers of a synthetic document, handed out in order."""

    def __init__(self, start: int = 10) -> None:
        self.n = start

    def next(self, step: int = 1) -> int:
        self.n += step
        return self.n


def _organisations(rng: random.Random, pools: _Pools, doc: str, muni: str,
                   line: _Lines) -> list[Organisation]:
    out = []
    for name, short in sorted({_zipf(rng, pools.housing) for _ in range(rng.randint(1, 3))}):
        out.append(Organisation(name=name, aliases=[short], type="housing_organisation",
                                is_party=True, roles=["party"],
                                sources=_src(doc, line.next(), f"{name} (omtalt som {short})")))
    out.append(Organisation(name=muni, type="municipality", is_party=True, roles=["party"],
                            sources=_src(doc, line.n + 1, muni)))
    for abbr, full in rng.sample(FORVALTNINGER, rng.randint(2, 5)):
        name, aliases = (abbr, [full]) if rng.random() < 0.5 else (full, [abbr])
        out.append(Organisation(name=name, aliases=aliases, type="municipal_unit", parent=muni,
                                roles=["partner"], sources=_src(doc, line.next(2), f"{abbr}: {full}")))
    units: list[str] = []
    for _ in range(rng.randint(3, 8)):
        parent, kind, typ = rng.choice(UNIT_KINDS)
        unit = f"{parent} - {_zipf(rng, pools.areas)} {kind}"
        if unit not in units:
            units.append(unit)
            out.append(Organisation(name=unit, aliases=[unit.split(" - ", 1)[1]], type=typ,
                                    parent=parent, roles=["partner"],
                                    sources=_src(doc, line.next(), unit)))
    for n in sorted({_zipf(rng, pools.ngos) for _ in range(rng.randint(5, 20))}):
        out.append(Organisation(name=n, type="ngo", roles=["activity_partner"],
                                sources=_src(doc, line.next(), f"samarbejde med {n}")))
    return out


def _zones(rng: random.Random, pools: _Pools, doc: str, area: str, owner: str,
           line: _Lines) -> list[Zone]:
    out: list[Zone] = []
    for _ in range(rng.randint(2, 6)):
        z = f"{_zipf(rng, pools.areas)}parken"
        if z not in [x.name for x in out]:
            out.append(Zone(name=z, type="housing_department", units=rng.randint(100, 1200),
                            housing_organisation=owner, part_of=area,
                            sources=_src(doc, line.next(), f"{z}, {rng.randint(100, 1200)} lejemål")))
    return out


def _activities(rng: random.Random, r: AgreementReport, focus: list[str],
                line: _Lines) -> list[Activity]:
    partners = [o.name for o in r.organisations if not o.is_party]
    zones = [z.name for z in r.zones]
    out = []
    for k in range(rng.randint(6, 18)):
        name = f"{rng.choice(ACTIVITIES)} {k + 1}"
        out.append(Activity(
            name=name, focus_area=rng.choice(focus), target_groups=rng.sample(TARGETS, 2),
            partners=rng.sample(partners, min(len(partners), rng.randint(1, 4))),
            zones=rng.sample(zones, 1), sources=_src(r.document, line.next(5), f"Aktivitetsnavn: {name}")))
    return out


def _contacts(rng: random.Random, pools: _Pools, r: AgreementReport, line: _Lines) -> list[Contact]:
    out = []
    for _ in range(rng.randint(4, 14)):
        name, uid = _zipf(rng, pools.people, 0.9)
        org = rng.choice(r.organisations)
        email = f"{uid}@{org.name.split()[0].lower()}.dk" if rng.random() < 0.8 else None
        out.append(Contact(name=name, title="Projektleder", organisation=org.name, email=email,
                           phone=f"{rng.randint(20000000, 99999999)}",
                           sources=_src(r.document, line.next(), f"{name}, {org.name}")))
    return out


def _plan_report(rng: random.Random, pools: _Pools, i: int, doc: str) -> AgreementReport:
    area = pools.areas[i % len(pools.areas)]
    start = rng.randint(2013, 2027)
    muni = _zipf(rng, pools.munis)
    r = AgreementReport(document=doc, checksum=f"synthetic-{i}")
    r.plan = Plan(name=f"Helhedsplan {area} {i}", document_type="strategic_agreement",
                  period_start=f"{start}-01-01", period_end=f"{start + 3}-12-31",
                  municipality=muni, area=area, sources=_src(doc, 3, f"Områdets navn: {area}"))
    line = _Lines()
    r.organisations = _organisations(rng, pools, doc, muni, line)
    r.zones = _zones(rng, pools, doc, area, r.organisations[0].name, line)
    focus = rng.sample(FOCUS, rng.randint(2, 4))
    r.focus_areas = [FocusArea(name=f, sources=_src(doc, 40 + j, f)) for j, f in enumerate(focus)]
    r.activities = _activities(rng, r, focus, line)
    r.contacts = _contacts(rng, pools, r, line)
    r.target_groups = [TargetGroup(category=c, phrases=[c], contexts=["problem"],
                                   sources=_src(doc, 60, c)) for c in rng.sample(TARGETS, 4)]
    return r


def _sub_agreement(rng: random.Random, main: AgreementReport, doc: str) -> AgreementReport:
    """A separate delaftale of the same plan: same plan name, some of its partners."""
    r = AgreementReport(document=doc, checksum=main.checksum + "-sub")
    r.plan = Plan(name=main.plan.name, document_type="sub_agreement",
                  period_start=main.plan.period_start, period_end=main.plan.period_end,
                  municipality=main.plan.municipality, sources=_src(doc, 2, main.plan.name or ""))
    picked = rng.sample(main.organisations, min(6, len(main.organisations)))
    r.organisations = [Organisation(name=o.name, aliases=list(o.aliases), type=o.type, roles=["partner"],
                                    parent=o.parent, sources=_src(doc, 5 + k, o.name))
                       for k, o in enumerate(picked)]
    r.activities = [Activity(name=a.name, focus_area=a.focus_area, target_groups=list(a.target_groups),
                             sources=_src(doc, 30 + k, a.name)) for k, a in enumerate(main.activities[:3])]
    r.contacts = [Contact(name=c.name, organisation=c.organisation if c.organisation in
                          {o.name for o in picked} else None, email=c.email,
                          sources=_src(doc, 50 + k, c.name)) for k, c in enumerate(main.contacts[:3])]
    return r


def generate_reports(n_plans: int, seed: int = 0) -> list[AgreementReport]:
    """Reports of ``n_plans`` synthetic plans (about 1.2 documents per plan)."""
    rng = random.Random(seed)
    pools = _Pools(rng, n_plans)
    out = []
    for i in range(n_plans):
        main = _plan_report(rng, pools, i, f"synthetic_{i:05d}.txt")
        out.append(main)
        if rng.random() < 0.2:
            out.append(_sub_agreement(rng, main, f"synthetic_{i:05d}_delaftale.txt"))
    return out
