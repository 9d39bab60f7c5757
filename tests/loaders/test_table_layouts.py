"""Made-up agreements whose departments, parties and activities sit in tables:
aligned with spaces in plain text, as markdown pipes, and as .docx tables; and
departments named with their number and dwellings in brackets."""
from pathlib import Path

import pytest

from samspil.loaders import extract_file

DEPARTMENT_ROWS = [
    ("Afdeling", "Boligselskab", "Antal lejemål", "Bydel"),
    ("Afd. 7 Tjørnebakken", "Boligselskabet Fjordbo", "388", "Sønderby"),
    ("Afd. 12 Kløverengen", "Boligselskabet Fjordbo", "1.140", "Sønderby"),
    ("Egeskov (afd. 4)", "Næstved Boligforening", "205", "Østervang"),
    ("Bo-Syd afd. 31 Lundby", "Bo-Syd Næstved", "96", "Lundby"),
]
HEAD = """STRATEGISK SAMARBEJDSAFTALE
Områdets navn: Sammen i Næstved Syd
Aftalens parter:
Boligselskabet Fjordbo
Næstved Boligforening
Bo-Syd Næstved
Næstved Kommune

Boligområderne
"""
TAIL = "\nHelhedsplanen gælder fra 1. januar 2025 til 31. december 2028.\n"


def _spaced(rows) -> str:
    widths = [max(len(r[k]) for r in rows) + 3 for k in range(len(rows[0]))]
    return "\n".join("".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def _piped(rows) -> str:
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join([lines[0], "|" + "---|" * len(rows[0]), *lines[1:]])


def _docx(path: Path, rows, head: list[str] | None = None) -> Path:
    """A Word file: ``head`` (default HEAD's lines) as paragraphs, a table of ``rows``, TAIL."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in head if head is not None else HEAD.strip().splitlines():
        d.add_paragraph(line)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    d.add_paragraph(TAIL.strip())
    d.save(path)
    return path


@pytest.fixture(params=["spaces", "pipes", "docx"])
def department_table(request, tmp_path) -> Path:
    if request.param == "docx":
        return _docx(tmp_path / "naestved.docx", DEPARTMENT_ROWS)
    body = _spaced(DEPARTMENT_ROWS) if request.param == "spaces" else _piped(DEPARTMENT_ROWS)
    path = tmp_path / "naestved.txt"
    path.write_text(HEAD + "\n" + body + "\n" + TAIL, encoding="utf-8")
    return path


def test_a_department_table_gives_each_row_its_owner_dwellings_and_district(department_table):
    r = extract_file(department_table)
    zones = {z.name: z for z in r.zones}
    got = {n: (z.housing_organisation, z.units, z.part_of) for n, z in zones.items() if z.type == "housing_department"}
    assert got == {
        "Tjørnebakken": ("Boligselskabet Fjordbo", 388, "Sønderby"),
        "Kløverengen": ("Boligselskabet Fjordbo", 1140, "Sønderby"),
        "Egeskov": ("Næstved Boligforening", 205, "Østervang"),
        # the department named as its district keeps its whole cell, apart from the district
        "Bo-Syd afd. 31 Lundby": ("Bo-Syd Næstved", 96, "Lundby"),
    }
    # (and the plan's own quarter, "Områdets navn: Sammen i Næstved Syd")
    assert {n for n, z in zones.items() if z.type == "district"} == {"Sønderby", "Østervang", "Lundby", "Næstved Syd"}
    assert "afd. 4" in zones["Egeskov"].aliases
    names = {o.name for o in r.organisations}
    assert not any("Tjørnebakken" in n or "Egeskov" in n or n == "Afdeling" for n in names)


def test_a_line_before_the_table_names_the_district_of_all_rows(tmp_path):
    rows = [r[:3] for r in DEPARTMENT_ROWS]
    path = tmp_path / "naestved_intro.txt"
    path.write_text(HEAD + "Indsatsen dækker disse boligafdelinger i Næstved Syd:\n" + _spaced(rows) + "\n" + TAIL,
                    encoding="utf-8")
    zones = {z.name: z for z in extract_file(path).zones}
    assert zones["Næstved Syd"].type == "district"
    assert {zones[n].part_of for n in ("Tjørnebakken", "Kløverengen", "Egeskov")} == {"Næstved Syd"}


ACTIVITY_ROWS = [
    ("Aktivitet", "Målgruppe", "Samarbejdspartnere"),
    ("Lektiestuen Tjørnebakken", "Skoleelever i 3.-9. klasse", "Sønderby Skole, Næstved Bibliotek"),
    ("Ungeguiden", "Unge 16-24 år uden job", "Jobcenter Næstved, Produktionsskolen Næstved"),
]


def _activity_docx(path: Path) -> Path:
    return _docx(path, ACTIVITY_ROWS, [*HEAD.strip().splitlines()[:-1], "Delaftale A: Uddannelse og livschancer",
                                       "Delaftalens parter:", "• Sønderby Skole", "• Næstved Bibliotek"])


def test_activity_and_target_cells_of_a_table_are_no_organisations(tmp_path):
    r = extract_file(_activity_docx(tmp_path / "naestved_delaftale.docx"))
    orgs = {o.name: o for o in r.organisations}
    for cell in ("Aktivitet", "Målgruppe", "Samarbejdspartnere", "Lektiestuen Tjørnebakken", "Ungeguiden",
                 "Skoleelever i 3.-9. klasse", "Unge 16-24 år uden job"):
        assert cell not in orgs
    # the partner column's organisations are partners, not signing parties
    for name in ("Jobcenter Næstved", "Produktionsskolen Næstved"):
        assert name in orgs and not orgs[name].is_party


def test_a_budget_tables_first_column_still_names_its_funders(tmp_path):
    path = tmp_path / "budget.txt"
    path.write_text(HEAD + "Finansieringskilde\tBeløb i alt\tAndel\nLandsbyggefonden\t6.000.000 kr.\t75 %\n"
                    "Næstved Kommune\t2.000.000 kr.\t25 %\n" + TAIL, encoding="utf-8")
    assert "Landsbyggefonden" in {o.name for o in extract_file(path).organisations}


@pytest.mark.parametrize("flat", [False, True])
def test_departments_named_with_number_and_dwellings_in_brackets(tmp_path, flat):
    text = ("STRATEGISK SAMARBEJDSAFTALE\nAftalens parter:\nBoligselskabet Fjordbo\nVejen Kommune\n\n"
            "Helhedsplanen omfatter boligafdelingerne Hedebo (Fjordbo afd. 3, 1.024 boliger) og "
            "Lyngtoften (Fjordbo afd. 8, 212 boliger), der begge ligger i bydelen Vejen Nord.\n")
    path = tmp_path / "vejen.txt"
    path.write_text(" ".join(text.split("\n")) if flat else text, encoding="utf-8")
    zones = {z.name: z for z in extract_file(path).zones}
    assert (zones["Hedebo"].units, zones["Lyngtoften"].units) == (1024, 212)
    assert "Fjordbo afd. 3" in zones["Hedebo"].aliases
    assert zones["Hedebo"].part_of == "Vejen Nord"
    assert not any(n.startswith("Afd.") for n in zones)  # "1.024 boliger" is no "afd. 1"


@pytest.mark.parametrize("gap", ["         ", "\t"])
def test_unfilled_signature_fields_name_no_organisation(tmp_path, gap):
    path = tmp_path / "skive.txt"
    path.write_text("STRATEGISK SAMARBEJDSAFTALE\nAftalens parter:\nBolig Skive\nSkive Kommune\n\nUnderskrifter:\n"
                    f"Bolig Skive  {gap}Dato: [dato]{gap}Navn: [navn]\n"
                    f"Skive Kommune{gap}Dato: [dato]{gap}Navn: Ulla Berg, borgmester\n", encoding="utf-8")
    r = extract_file(path)
    assert not any("[" in o.name or o.name in ("Navn", "Dato") for o in r.organisations)
    assert {c.name: c.organisation for c in r.contacts} == {"Ulla Berg": "Skive Kommune"}


AREAS = ("Boligsocial helhedsplan for Lindebo og Kærgården\n\n"
         "Med planen fortsætter Boligforeningen Lindebo, Kolding Boligselskab og Kolding Kommune arbejdet "
         "i Lindebo og Kærgården.\n\n1 Områderne\n\n"
         "Lindebo blev bygget 1969-72 og rummer 1.312 lejligheder fordelt på 40 opgange. Kærgården består af "
         "Kolding Boligselskabs afd. 4 og 5 med tilsammen 610 boliger. Begge områder ligger i Kolding Sydvest, "
         "tæt på motorvejen.\n\nBebyggelsen rummer 200 boliger til ældre.\n")


@pytest.mark.parametrize("flat", [False, True])
def test_areas_named_in_sentences_with_their_dwellings_and_district(tmp_path, flat):
    path = tmp_path / "kolding.txt"
    path.write_text(" ".join(AREAS.split("\n")) if flat else AREAS, encoding="utf-8")
    zones = {z.name: z for z in extract_file(path).zones}
    assert (zones["Lindebo"].type, zones["Lindebo"].units, zones["Lindebo"].part_of) == (
        "housing_department", 1312, "Kolding Sydvest")
    assert (zones["Kærgården"].type, zones["Kærgården"].units, zones["Kærgården"].part_of) == (
        "zone", 610, "Kolding Sydvest")
    assert zones["Kolding Sydvest"].type == "district"
    assert "Bebyggelsen" not in zones  # a common noun opening a sentence is no area


def test_a_department_called_as_its_district_stays_apart_from_it(tmp_path):
    path = tmp_path / "slagelse.txt"
    path.write_text("Aftalens parter:\nBoligselskabet Fjordbo\nBo-Vest\nSlagelse Kommune\n\n"
                    "Indsatsen dækker Rosenhøj (Fjordbo afd. 2, 410 boliger) og Bo-Vests afdeling Slagelse Øst "
                    "(afd. 17-0, 180 boliger). Alle tre afdelinger ligger i Slagelse Øst.\n", encoding="utf-8")
    zones = {z.name: z for z in extract_file(path).zones}
    assert zones["Slagelse Øst"].type == "district"
    dept = zones["Bo-Vest afd. Slagelse Øst"]
    assert (dept.units, dept.part_of, "afd. 17-0" in dept.aliases) == (180, "Slagelse Øst", True)
    assert zones["Rosenhøj"].part_of == "Slagelse Øst"


@pytest.mark.parametrize("flat", [False, True])
def test_a_department_list_with_owner_and_dwellings_in_brackets(tmp_path, flat):
    path = tmp_path / "greve.txt"
    text = ("Aftalens parter:\nBoligselskabet Fjordbo\nGreve Boligselskab\nGreve Kommune\n\n"
            "Indsatsen omfatter to boligområder i Greve Nord:\n"
            "  Hedeparken (Boligselskabet Fjordbo, 702 boliger, opført 1970)\n"
            "  Strandvænget (Greve Boligselskab, 344 boliger)\n")
    path.write_text(" ".join(text.split()) if flat else text, encoding="utf-8")
    zones = {z.name: z for z in extract_file(path).zones}
    assert (zones["Hedeparken"].housing_organisation, zones["Hedeparken"].units) == ("Boligselskabet Fjordbo", 702)
    assert (zones["Strandvænget"].housing_organisation, zones["Strandvænget"].units) == ("Greve Boligselskab", 344)


@pytest.mark.parametrize("flat", [False, True])
def test_districts_named_for_known_departments_and_for_the_first_of_a_list(tmp_path, flat):
    text = ("Aftalens parter:\nBoligselskabet Fjordbo\nBo-Vest\nHerning Kommune\n\n"
            "Helhedsplanen dækker fire afdelinger: Fjordbo afd. 2 Lyngbakken (300 lejemål), Fjordbo afd. 6 Enghaven "
            "(120 lejemål), Bo-Vest afd. 9 Kildebo (95 lejemål) samt Bo-Vest Møllegården (afd. 14, 210 lejemål). "
            "De tre første ligger i Holtbjerg, mens Møllegården ligger i bydelen Herning Øst.\n")
    path = tmp_path / "herning.txt"
    path.write_text(text.replace("\n", " ") if flat else text, encoding="utf-8")
    zones = {z.name: z for z in extract_file(path).zones}
    assert {n: zones[n].part_of for n in ("Lyngbakken", "Enghaven", "Kildebo", "Møllegården")} == {
        "Lyngbakken": "Holtbjerg", "Enghaven": "Holtbjerg", "Kildebo": "Holtbjerg", "Møllegården": "Herning Øst"}
    assert zones["Møllegården"].units == 210  # the owner's name before it is no part of its name
    assert not {"Fjordbo", "Bo-Vest", "Bo-Vest Møllegården"} & set(zones)  # an owner before "afd." is no department


def test_an_area_sentence_with_its_departments_and_the_area_it_lies_in(tmp_path):
    path = tmp_path / "viby.txt"
    path.write_text("Boligsocial helhedsplan for Rosenvang\nAftalens parter:\nBoligselskabet Fjordbo\nAarhus Kommune\n\n"
                    "Helhedsplanen gælder i Rosenvang og omegn. Rosenvang er byens tætteste almene boligområde med "
                    "780 boliger i Boligselskabet Fjordbos afd. 3 Rosenvang Nord (500 boliger) og afd. 4 Rosenvang Syd "
                    "(280 boliger). Området ligger i Viby Syd.\n", encoding="utf-8")
    zones = {z.name: z for z in extract_file(path).zones}
    assert (zones["Rosenvang"].type, zones["Rosenvang"].units, zones["Rosenvang"].part_of) == ("zone", 780, "Viby Syd")
    assert {zones[n].part_of for n in ("Rosenvang Nord", "Rosenvang Syd")} == {"Rosenvang"}


@pytest.mark.parametrize("named", [True, False])
def test_departments_listed_under_a_line_naming_their_area(tmp_path, named):
    intro = "Indsatsen gælder alle afdelinger i Skovhøj:" if named else "Indsatsen gælder disse afdelinger:"
    path = tmp_path / "vejle.txt"
    path.write_text("Aftalens parter:\nBoligselskabet Fjordbo\nVejle Kommune\n\n" + intro + "\n"
                    "Fjordbo afd. Birkely,\nFjordbo afd. Askely\n\nResten af teksten.\n", encoding="utf-8")
    zones = {z.name: z for z in extract_file(path).zones}
    assert {zones[n].part_of for n in ("Birkely", "Askely")} == ({"Skovhøj"} if named else {None})


@pytest.mark.parametrize("layout", ["spaces", "pipes"])
def test_a_department_table_whose_line_breaks_were_lost(tmp_path, layout):
    """The text copy of DEPARTMENT_ROWS on one line: each row ends after its count and its
    district, the owner is the cell a housing organisation's name ends the row body with."""
    rows = DEPARTMENT_ROWS if layout == "spaces" else [("| " + " | ".join(r) + " |",) for r in DEPARTMENT_ROWS]
    table = " ".join(" ".join(r) for r in rows)
    path = tmp_path / "naestved_flat.txt"
    path.write_text(" ".join(HEAD.split("\n")) + " Boligområderne i Næstved Syd: " + table + " I alt 1.829 " + TAIL,
                    encoding="utf-8")
    report = extract_file(path)
    zones = {z.name: z for z in report.zones}
    got = {n: (z.units, z.part_of) for n, z in zones.items() if z.type == "housing_department"}
    assert got == {"Tjørnebakken": (388, "Sønderby"), "Kløverengen": (1140, "Sønderby"), "Egeskov": (205, "Østervang"),
                   "Bo-Syd afd. 31 Lundby": (96, "Lundby")}
    assert zones["Tjørnebakken"].housing_organisation == "Boligselskabet Fjordbo"


def test_the_rows_of_a_department_table_on_one_line_name_no_organisation_but_their_owner(tmp_path):
    path = tmp_path / "vejle_flat.txt"
    path.write_text("Helhedsplan for Nordby 2024-2027. Boligafdelinger Afdeling Boligorganisation Antal boliger Bydel "
                    "Afd. 3 Egevej Vejle Boligforening af 1950 300 Nordby Afd. 8 Bøgevej Vejle Boligforening af 1950 "
                    "210 Nordby I alt 510. Helhedsplanen drives af et sekretariat.", encoding="utf-8")
    report = extract_file(path)
    names = {o.name for o in report.organisations}
    assert not any(w in n for n in names for w in ("Egevej", "Bøgevej", "Nordby", "Afdeling", "Antal"))
    assert {z.name: z.units for z in report.zones if z.type == "housing_department"} == {"Egevej": 300, "Bøgevej": 210}


def test_a_department_line_with_its_count_after_a_comma(tmp_path):
    path = tmp_path / "skanderborg.txt"
    path.write_text("Aftalens parter:\nBoligselskabet Fjordbo\nSkanderborg Kommune\n\nIndsatsen dækker:\n"
                    "- Fjordbo afd. 17 Lyngby Vest, 390 lejemål\n- Fjordbo afd. 2, Kirkebakken: 120 boliger\n",
                    encoding="utf-8")
    zones = {z.name: z for z in extract_file(path).zones}
    assert (zones["Lyngby Vest"].units, zones["Kirkebakken"].units) == (390, 120)


def test_an_area_sentence_after_a_heading_run_onto_it(tmp_path):
    path = tmp_path / "ikast.txt"
    path.write_text("Helhedsplan for beboerne i Stadionparken. Problemkompleks Stadionparken er byens største almene "
                    "boligområde med 1.140 boliger. Området ligger i Ikast Nord.", encoding="utf-8")
    zones = {z.name: z for z in extract_file(path).zones}
    assert (zones["Stadionparken"].units, zones["Stadionparken"].part_of) == (1140, "Ikast Nord")


@pytest.mark.parametrize("gap", [" ", " | "])
def test_an_activity_table_run_into_a_party_list_ends_the_list(tmp_path, gap):
    path = tmp_path / "kerteminde.txt"
    path.write_text("Delaftale for indsatsområdet Beskæftigelse Delaftalens parter: Jobcenter Kerteminde, "
                    f"Kerteminde Erhvervsråd, Kerteminde Bibliotek. Aktivitet{gap}Målgruppe{gap}Samarbejdspartnere "
                    f"Jobklubben{gap}Ledige over 30 år{gap}Jobcenter Kerteminde Sommerjob{gap}Unge 15-17 år"
                    f"{gap}Kerteminde Erhvervsråd", encoding="utf-8")
    names = {o.name for o in extract_file(path).organisations}
    assert {"Jobcenter Kerteminde", "Kerteminde Erhvervsråd", "Kerteminde Bibliotek"} <= names
    assert not any("Målgruppe" in n or "Aktivitet" in n or "Jobklubben" in n for n in names)
