"""Tables read by what their columns hold, whatever their layout: made-up agreements
(table_cases.py) with activity and department tables in several column orders and head
spellings, each rendered with tabs, pipes, a +---+ grid, spaces, spaces between rule
lines, spaces with wrapped cells, head words in capitals, as a .docx table, as .pdf cells and
with the line breaks lost."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from samspil.loaders import extract_file
from samspil.loaders.extract.activity_tables import activity_columns
from samspil.loaders.extract.zone_tables import owner_cell
from samspil.loaders.space_tables import join_wrapped_cells, tab_space_tables

_spec = importlib.util.spec_from_file_location("table_cases", Path(__file__).with_name("table_cases.py"))
cases = sys.modules.setdefault("table_cases", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(cases)

STYLES = ["tabs", "pipes", "grid", "spaces", "ruled", "wrapped", "capitals", "docx", "pdf", "pipes-flat"]


def _render(case, style: str, tmp_path: Path) -> Path:
    if style == "docx":
        pytest.importorskip("docx")
    if style == "pdf":
        pytest.importorskip("fpdf")
        if not Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists():
            pytest.skip("DejaVu font missing")
    return cases.write(case, style, tmp_path)


def _names(report) -> set[str]:
    return {o.name for o in report.organisations} | {a for o in report.organisations for a in o.aliases}


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("case", cases.ACTIVITY_CASES, ids=lambda c: c.name)
def test_each_row_of_an_activity_table_is_an_activity_with_its_columns(case, style, tmp_path):
    r = extract_file(_render(case, style, tmp_path))
    acts = {a.name: a for a in r.activities}
    assert set(acts) == set(case.activities), style
    for name, (focus, partners, targets) in case.activities.items():
        a = acts[name]
        assert a.focus_area == focus, (name, style)
        assert partners <= set(a.partners), (name, a.partners, style)
        assert targets <= set(a.target_groups), (name, a.target_groups, style)
    names = _names(r)
    assert all(p in names for _, partners, _ in case.activities.values() for p in partners)
    assert not [n for n in case.not_orgs if any(n in o.name for o in r.organisations)], style


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("case", cases.ZONE_CASES, ids=lambda c: c.name)
def test_each_row_of_a_department_table_is_a_department_with_its_columns(case, style, tmp_path):
    r = extract_file(_render(case, style, tmp_path))
    deps = {z.name: z for z in r.zones if z.type == "housing_department"}
    assert set(deps) == set(case.zones), style
    for name, (owner, units, part_of) in case.zones.items():
        assert (deps[name].housing_organisation, deps[name].units, deps[name].part_of) == (owner, units, part_of)
    assert not [n for n in case.not_orgs if any(n in o.name for o in r.organisations)], style


def test_an_owner_cell_with_a_department_number_gives_the_department_that_alias(tmp_path):
    r = extract_file(_render(cases.ROSKILDE, "tabs", tmp_path))
    hede = next(z for z in r.zones if z.name == "Hedeparken")
    assert "afd. 11" in hede.aliases and "Boligselskabet Sjælland afd. 11" in hede.aliases
    assert owner_cell("Bo-Vest, afd. 3-2") == ("Bo-Vest", "afd. 3-2")
    assert owner_cell("Boligforeningen af 1942") == ("Boligforeningen af 1942", None)


def test_a_zone_column_of_numbers_names_the_zones(tmp_path):
    r = extract_file(_render(cases.HVIDOVRE, "tabs", tmp_path))
    zones = {z.name: z for z in r.zones}
    assert zones["Zone 1"].type == "zone" and zones["Zone 2"].type == "zone"
    assert "Samlet" not in zones and "Indikator" not in zones


def test_head_rows_are_told_by_their_column_kinds_in_any_order():
    assert activity_columns(["Aktivitetens navn", "Budget", "Målgrupper", "Samarbejdspartnere", "Indsatsområde"]) \
        == cases_columns(0, 2, 4)
    assert activity_columns(["Tema", "Projekt", "Målgr.", "Samarb.", "Budget (kr.)"]) == cases_columns(1, 2, 0)
    assert activity_columns(["Nr.", "Tiltag", "Område", "Ansvarlig"]) == cases_columns(1, None, 2, place=True)
    assert activity_columns(["Aktivitet", "2025", "2026", "I alt"]) is None  # a budget
    assert activity_columns(["Afdeling", "Boliger", "Bydel"]) is None
    assert activity_columns(["Aktivitet", "Kommentar", "Noget", "Målgruppe"]) is None  # two unknown heads


def cases_columns(name, target, focus, place=False):
    from samspil.loaders.extract.activity_tables import Columns

    return Columns(name, target, focus, place=place)


def test_an_area_column_of_places_gives_no_focus_area(tmp_path):
    """'Område' heads a column of focus areas in one table and of places in another: a place
    is no focus area (the enclosing delaftale's is the activity's)."""
    path = tmp_path / "naestved.txt"
    path.write_text("Delaftale for indsatsområdet Beskæftigelse\n\nAktivitet\tOmråde\tMålgruppe\n"
                    "Jobcafé\tVestbyen\tLedige over 30 år\nVirksomhedsbesøg\tBeskæftigelse\tUnge 18-29 år\n",
                    encoding="utf-8")
    assert {a.name: a.focus_area for a in extract_file(path).activities} == {
        "Jobcafé": "Beskæftigelse", "Virksomhedsbesøg": "Beskæftigelse"}


def test_wrapped_cells_of_a_space_aligned_table_join_their_rows():
    rows = ["Aktivitet      Målgruppe        Samarbejdspartnere",
            "Vejledning     Unge 15-17 år    Ungdommens Uddannelses-",
            "                                vejledning Vest, SSP",
            "Mentorer       Unge i           Foreningen Nydansk",
            "               risiko           Ungdom",
            "Klubaften      Alle             Klubben"]
    out = [r for r in tab_space_tables(rows) if r != "|---|"]
    assert out == ["Aktivitet\tMålgruppe\tSamarbejdspartnere",
                   "Vejledning\tUnge 15-17 år\tUngdommens Uddannelsesvejledning Vest, SSP",
                   "Mentorer\tUnge i risiko\tForeningen Nydansk Ungdom",
                   "Klubaften\tAlle\tKlubben"]
    # a name wrapped in capitals under a row of several cells, a rule under the head row
    rows = ["Bebyggelse     Ejer         Lejemål", "-------------------------------------",
            "Avedøre        AAB          610", "Stationsby", "Friheden       Hvidovre     288"]
    assert [r for r in tab_space_tables(rows) if r != "|---|"] == [
        "Bebyggelse\tEjer\tLejemål", "Avedøre Stationsby\tAAB\t610", "Friheden\tHvidovre\t288"]
    assert join_wrapped_cells(["A\tB", "Syd-\tx", "og Sønderjylland\t"]) == ["A\tB", "Syd- og Sønderjylland\tx", "|---|"]


def test_a_line_of_underscores_is_a_place_to_sign_not_a_rule():
    rows = ["For Vejle Kommune", "______________________", "Borgmester Jens Ejner Christensen"]
    assert tab_space_tables(rows) == rows


LEADERS = """Boligsocial helhedsplan for Aabenraa Nord 2025-2028
Aftalens parter: Aabenraa Kommune og Boligselskabet Nord

Indhold
1. Indledning {lead} 3
2. Boligområderne {lead} 4

2. Boligområderne
Solhaven {lead} Boligselskabet Nord, 712 {word}
Kløvermarken{lead}Aabenraa Boligselskab, 318 {word}
Hjelmvej {lead} Boligselskabet Nord (afd. 7), 96 {word}
Engtoften {lead} 1.204 {word}

Kontakt
Projektleder {lead} Hanne Holm, hh@bsnord.dk, 74 62 11 22
"""


@pytest.mark.parametrize("lead,word", [("..................", "boliger"), ("……………", "lejemål"), (". . . . . .", "Boliger"),
                                       ("\t", "lejligheder")])
def test_a_list_with_dotted_leaders_gives_departments_with_owner_and_dwellings(tmp_path, lead, word):
    path = tmp_path / "aabenraa.txt"
    path.write_text(LEADERS.format(lead=lead, word=word), encoding="utf-8")
    r = extract_file(path)
    deps = {z.name: (z.housing_organisation, z.units) for z in r.zones if z.type == "housing_department"}
    assert deps == {"Solhaven": ("Boligselskabet Nord", 712), "Kløvermarken": ("Aabenraa Boligselskab", 318),
                    "Hjelmvej": ("Boligselskabet Nord", 96), "Engtoften": (None, 1204)}
    assert "afd. 7" in next(z for z in r.zones if z.name == "Hjelmvej").aliases
    names = {o.name for o in r.organisations}
    assert not any("Solhaven" in n or "Indledning" in n for n in names)
    assert [(c.name, c.title, c.email) for c in r.contacts] == [("Hanne Holm", "Projektleder", "hh@bsnord.dk")]
    assert not [f for f in r.focus_areas if "Boligområderne" in f.name]  # (the contents stay contents)


def test_focus_area_codes_from_a_list_that_lost_its_line_breaks(tmp_path):
    text = cases.flat(cases.text_of(cases.FREDERICIA, "pipes"))
    path = tmp_path / "fredericia.txt"
    path.write_text(text, encoding="utf-8")
    acts = {a.name: a.focus_area for a in extract_file(path).activities}
    assert acts == {"Sprogstart": "Uddannelse og livschancer", "Job i Nord": "Beskæftigelse",
                    "Fællesspisning": "Sammenhængskraft og medborgerskab", "Klubaftener": "Uddannelse og livschancer"}


@pytest.mark.parametrize("style", ["tabs-flat", "spaces-flat"])
@pytest.mark.parametrize("case", [cases.GULDBORGSUND, cases.SILKEBORG, cases.FREDERICIA, cases.HADERSLEV],
                         ids=lambda c: c.name)
def test_a_flattened_activity_table_in_any_column_order(case, style, tmp_path):
    """Cells and rows lost (single spaces): a row starts at its focus area's name, its
    activity's name running to its target group; or, the name first, a row is found at its
    second cell (a focus area's code, an amount) and named by the words before it."""
    r = extract_file(cases.write(case, style, tmp_path))
    acts = {a.name: a for a in r.activities}
    assert {n: a.focus_area for n, a in acts.items()} == {n: v[0] for n, v in case.activities.items()}
    for name, (_, _, targets) in case.activities.items():
        assert targets <= set(acts[name].target_groups), name


@pytest.mark.parametrize("style", ["tabs-flat", "spaces-flat", "pipes-flat"])
def test_a_flattened_department_table_with_department_numbers_in_the_owner_column(style, tmp_path):
    """"Hedeparken Boligselskabet Sjælland afd. 11 412 Roskilde Syd ...": the owner without its
    number, and no department named after the owner, the number or the caption ("Skema 1.")."""
    r = extract_file(cases.write(cases.ROSKILDE, style, tmp_path))
    deps = {z.name: z for z in r.zones if z.type == "housing_department"}
    assert {n: (z.units, z.part_of) for n, z in deps.items()} == {n: v[1:] for n, v in cases.ROSKILDE.zones.items()}
    # (the owner as the party list names it: that list, run onto one line, is read elsewhere)
    assert all("afd." not in z.housing_organisation for z in deps.values())
    assert "afd. 11" in deps["Hedeparken"].aliases


@pytest.mark.parametrize("style", ["tabs-flat", "spaces-flat"])
@pytest.mark.parametrize("case", [cases.GULDBORGSUND, cases.HADERSLEV], ids=lambda c: c.name)
def test_a_flattened_activity_table_is_dealt_into_rows_with_partner_cells(case, style, tmp_path):
    """Where every row's cells can be told (a target group, then the partners up to an amount
    or a focus area), the flattened table becomes rows again: its partner cells name
    organisations, its activity cells none."""
    r = extract_file(cases.write(case, style, tmp_path))
    acts = {a.name: a for a in r.activities}
    for name, (_, partners, _) in case.activities.items():
        assert partners <= set(acts[name].partners), (name, acts[name].partners)
    names = _names(r)
    assert all(p in names for _, partners, _ in case.activities.values() for p in partners)
    assert not [n for n in case.activities if n in names]
