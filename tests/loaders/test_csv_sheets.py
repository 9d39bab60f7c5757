"""A spreadsheet annex exported as semicolon-separated text (set M, session 16): Excel's hint
"sep=;", a head row in machine spelling ("afd_nr;afdeling;lejemaal", "indsatsomraade;maalgruppe"),
a quoted cell holding a semicolon or a line break, phones kept as text (="7666 0310") and a
name written surname first ("Rasmussen, Thor"). Each sheet is read as the table it is: the
departments with their dwellings, the activities with their areas (written by the short forms
the annex defines), the contacts with their phones; the plan is named by its quoted name;
"Boligforeningen X" and "X" are one organisation. Made-up annexes of three municipalities, as
written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, contact_facts, extract_rendered as _extract, name_key  # noqa: E402

CODES = {"Skovbo": "SKB", "Odderbo": "ODB", "Limfjordsbo": "LFB"}  # (a glossary's code for the one-word name)
CASES = {
    "hilleroed": ("Hillerød", "Skovbo", "Trollesbro", [("3", "Skovparken", 84), ("7", "Ålholm", 60)],
                  {"Uddannelse og livschancer": ["Lektiehjørnet"], "Beskæftigelse": ["Jobspiren", "Praktik Nord"]}),
    "odder": ("Odder", "Odderbo", "Hou Strand", [("12", "Rosenhøj", 140), ("14", "Fælledgården", 52)],
              {"Beskæftigelse": ["Jobvejen Odder"], "Uddannelse og livschancer": ["Sprogstart", "Ung i Odder"]}),
    "struer": ("Struer", "Limfjordsbo", "Bremdal", [("1", "Østparken", 210), ("5", "Holstebrovej", 96)],
               {"Uddannelse og livschancer": ["Læseklubben"], "Beskæftigelse": ["Fra Ledig til Job"]}),
}
SHORT = {"Uddannelse og livschancer": "UL", "Beskæftigelse": "BE"}


def _lines(town, housing, plan, departments, areas):
    lines = [f'Bilag 2 til strategisk samarbejdsaftale "{plan} Sammen" – aktivitets- og kontaktoversigt', "",
             f"Samarbejdsaftalen er indgået mellem Boligforeningen {housing} og {town} Kommune.",
             "Forkortelser: " + "; ".join(f"{s} = {a}" for a, s in SHORT.items())
             + f"; {CODES[housing]} = {housing}; FK = {town} Kommune.", "",
             "=== Ark 1: Afdelinger ===", "sep=;", "afd_nr;afdeling;boligorganisation;lejemaal"]
    lines += [f"{n};{name};{CODES[housing]};{units}" for n, name, units in departments]
    lines += [f";I ALT;;{sum(u for *_, u in departments)}", "", "=== Ark 2: Aktiviteter ===", "sep=;",
              "id;aktivitet;indsatsomraade;maalgruppe;partnere;status"]
    k = 0
    for area, acts in areas.items():
        for act in acts:
            k += 1
            lines += [f'A{k};{act};{SHORT[area]};"Børn 6-12 år; deres forældre";"{town} Bibliotek; Sundhedsplejen";Aktiv']
    lines += [f'A{k + 1};Fælles Frokost;{SHORT[next(iter(areas))]};"Voksne, der pendler til', f'uddannelse i {town}";;Aktiv']
    lines += ["", "=== Ark 3: Kontakter ===", "sep=;", "navn;titel;organisation;mail;tlf",
              f'Mette Holm;Boligsocial leder;{housing};mh@{housing.lower()}.dk;="2384 5561"',
              f'"Rasmussen, Thor";Formand;Boligforeningen {housing};;="4021 9937"', ""]
    return lines


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_spreadsheet_annex_exported_as_csv(tmp_path, make_docx, make_pdf, case, how):
    town, housing, plan, departments, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, housing, plan, departments, areas), how, make_docx, make_pdf)
    assert r.plan.name == f"{plan} Sammen"
    zones = {z.name: z.units for z in r.zones}
    assert {name: zones.get(name) for _, name, _ in departments} == {name: units for _, name, units in departments}
    found, want = activity_areas(r, {**areas, next(iter(areas)): [*next(iter(areas.values())), "Fælles Frokost"]})
    assert found == want
    facts = contact_facts(r)
    assert facts.get("Mette Holm") == (name_key(housing), f"mh@{housing.lower()}.dk", "23845561")
    assert facts.get("Thor Rasmussen", (None, None, None))[2] == "40219937"
    housing_orgs = [o for o in r.organisations if name_key(housing) in name_key(o.name)]
    assert [o.name for o in housing_orgs] == [f"Boligforeningen {housing}"]
    assert CODES[housing] in housing_orgs[0].aliases  # "SKB = Skovbo": the owner column's code
    assert {z.housing_organisation for z in r.zones if z.type == "housing_department"} == {f"Boligforeningen {housing}"}
    assert not {name_key(o.name) for o in r.organisations} & {"beskæftigelse", name_key(CODES[housing])}
