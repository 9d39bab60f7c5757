"""Zones (departments, numbered zones, districts) from the real seed agreements."""
from __future__ import annotations

import doctest

import pytest

from samspil.loaders.document import Document
from samspil.loaders.extract import zones as zones_module
from samspil.loaders.extract.zones import extract_zones, parse_units
from samspil.loaders.model import Organisation
from samspil.loaders.pipeline import bundled_examples
from samspil.loaders.readers import read_document

SEEDS = {
    "000": "000_30f294d84ea1894d.txt",
    "001": "001_e8c151fb7002ac80.txt",
    "002": "002_9a46c293956cd688.txt",
    "004": "004_42c3f15766fe7c7e.txt",
}
HOUSING = [
    Organisation(name="Boligforeningen 3B", aliases=["3B"], type="housing_organisation"),
    Organisation(name="Boligselskabet AKB, København", aliases=["AKB, København", "AKB"],
                 type="housing_organisation"),
    Organisation(name="Boligforeningen Vibo", aliases=["Vibo"], type="housing_organisation"),
]


@pytest.fixture(scope="module")
def zones() -> dict[str, dict]:
    out = {}
    for key, name in SEEDS.items():
        found = extract_zones(read_document(bundled_examples() / name), HOUSING)
        out[key] = {z.name: z for z in found}
    return out


def test_department_list_with_dwelling_counts(zones):
    z = zones["000"]
    # l. 98-103: "- Boligforeningen 3B: Folehaven (973 lejeboliger), ..."
    expected = {"Folehaven": 973, "Valby ejendommene": 389, "Grønrisvej": 66, "Händelsvej": 114,
                "Damagervej": 141, "Stubmøllevej": 56, "Ved Rosenhaven": 38, "Hammelstruphus": 56,
                "Sjælør Boulevard": 267, "Grønnegården": 310, "Havekildegård": 190,
                "Elleparken": 270, "Hornemanns Vænge": 288, "Afd. 50": 274}
    assert {n: z[n].units for n in expected} == expected
    assert all(z[n].type == "housing_department" for n in expected)
    assert z["Folehaven"].housing_organisation == "Boligforeningen 3B"
    assert z["Grønnegården"].housing_organisation == "Boligselskabet AKB, København"
    assert z["Havekildegård"].housing_organisation == "Boligforeningen Vibo"
    assert "Afd. 105" in z["Havekildegård"].aliases


def test_a_range_of_departments_is_one_zone(zones):
    karre = zones["000"]["Frederiksholm karre 1-8, 11-12, 14-15, 17-18"]
    assert (karre.type, karre.units) == ("zone", 2339)


def test_districts_and_part_of(zones):
    z = zones["000"]
    assert z["Valby/Vigerslev"].type == z["Sjælør/Sydhavnen"].type == "district"
    assert z["Folehaven"].part_of == "Valby/Vigerslev"          # "Afdelingerne i Valby/Vigerslev"
    assert z["Sjælør Boulevard"].part_of == "Sjælør/Sydhavnen"
    assert z["Grønrisvej"].part_of is None                       # the text does not place it
    # nothing else: no street, station or institution became a zone
    assert len(z) == 17


def test_department_table_of_a_free_form_plan(zones):
    z = zones["001"]
    assert z["Akacieparken"].units == 394 and "Afd. 463-0 Akacieparken" in z["Akacieparken"].aliases
    assert z["Lukretiavej"].part_of == "Gl. Valby"   # 'område der betegnes "Gl. Valby"'
    assert z["Gl. Valby"].part_of == "Valby"
    assert z["Valby"].type == "district"
    assert not any(name.lower().startswith("i alt") for name in z)


def test_org_place_table_rows(zones):
    z = zones["002"]
    row = z["AKB – Sjælør Boulevard"]
    assert (row.type, row.part_of) == ("housing_department", "Sjælør Boulevard")
    assert row.housing_organisation == "Boligselskabet AKB, København"
    assert z["Kgs. Enghave"].type == "district"                 # "bydelen Kgs. Enghave"
    assert z["3B – Kgs. Enghave"].part_of == "Kgs. Enghave"
    assert "Baseline" not in z                                   # "(... pr. 1000 boliger)" is no count


def test_numbered_zones_of_a_letter_spaced_pdf_text(zones):
    z = zones["004"]
    assert {n: z[n].units for n in ("Zone 1", "Zone 2", "Zone 3", "Zone 4")} == \
        {"Zone 1": 2388, "Zone 2": 436, "Zone 3": 1025, "Zone 4": 659}
    assert z["Remisevænget Øst"].part_of == "Zone 1"             # "Remisevænget Nord, Øst og Vest"
    assert z["Gullandsgården"].housing_organisation == "HAB"
    assert z["Skotlandsgade"].housing_organisation == "Boligforeningen Vibo"
    assert "Televænget II + III" in z                            # "Televænget I I + I I I"
    assert "Hørgården" not in z and "Hørgården" in z["Hørgården 1+2"].aliases
    assert "Holmbladsgade" in z["Zone 4"].aliases
    assert z["Abildgården"].part_of == "Zone 3"                  # "... og nu også Abildgården (SAB)"


def test_every_zone_has_provenance(zones):
    for found in zones.values():
        for zone in found.values():
            assert zone.sources and zone.sources[0].line and zone.sources[0].excerpt


def test_small_synthetic_plan():
    text = ("Helhedsplanen dækker afdelingerne Nørreparken (FSB) og Søparken (FSB).\n"
            "Afd. 12 Nørreparken\t410 lejemål\n"
            "I alt\t410 lejemål\n")
    found = {z.name: z for z in extract_zones(Document.from_text("s.txt", text), [])}
    assert set(found) == {"Nørreparken", "Søparken"}
    assert found["Nørreparken"].units == 410 and found["Nørreparken"].housing_organisation == "FSB"


def test_parse_units_and_doctests():
    assert parse_units("(1.025 lejemål)") == 1025
    assert parse_units("30 beboere") is None
    assert doctest.testmod(zones_module).failed == 0


def test_zone_paragraphs_joined_into_one_line():
    text = ("Afdelingerne er inddelt i zoner: Zone 1) Nordparken (FSB), Sydparken (FSB). "
            "I alt 300 lejemål. Zone 2) Vestervang (AAB) og Østervang. I alt 120 lejemål.")
    found = {z.name: z for z in extract_zones(Document.from_text("z.txt", text), [])}
    assert (found["Zone 1"].units, found["Zone 2"].units) == (300, 120)
    assert found["Østervang"].part_of == "Zone 2" and found["Nordparken"].housing_organisation == "FSB"


def test_department_table_and_colon_rows():
    text = ("Afdeling\tLejemål\tBeboere\nFolehaven\t973\t2.036\nValbyparken\t1.200\t2500\n"
            "I alt\t2.173\t4536\n\nHelhedsplanen omfatter også:\n- Grønnehave: 120 lejemål\n"
            "- I alt: 120 lejemål\n")
    found = {z.name: z for z in extract_zones(Document.from_text("t.txt", text), [])}
    assert {n: z.units for n, z in found.items()} == {"Folehaven": 973, "Valbyparken": 1200,
                                                     "Grønnehave": 120}
    assert found["Valbyparken"].sources[0].line == 3


def test_a_sentence_on_all_departments_places_them_in_its_one_district():
    text = ("Områdets navn:\nValby/Vigerslev – den boligsociale helhedsplan Eksempel\n\n"
            "Helhedsplanen dækker tre boligafdelinger: Folehaven (3B), Valbyparken (3B) og Sønderhaven (PAB).\n"
            "Afdelingerne er alle tre beliggende i det vestlige Valby / Vigerslev. Tyngden ligger i Folehaven.\n"
            "Afdelingerne ligger i områderne Valby/Vigerslev og Sjælør/Sydhavnen.\n")
    found = {z.name: z for z in extract_zones(Document.from_text("p.txt", text), HOUSING)}
    assert found["Valby/Vigerslev"].type == "district"
    assert {found[n].part_of for n in ("Folehaven", "Valbyparken", "Sønderhaven")} == {"Valby/Vigerslev"}
    assert found["Sønderhaven"].housing_organisation == "PAB"


def test_department_named_with_its_organisation_and_number():
    text = ("Helhedsplanen omfatter:\n- Brabrand Boligforening afd. 4 Gellerupparken (1.762 lejemål) "
            "og Brabrand Boligforening afd. 5 Toveshøj (570 lejemål)\n")
    found = {z.name: z for z in extract_zones(Document.from_text("a.txt", text), [])}
    assert {n: z.units for n, z in found.items()} == {"Gellerupparken": 1762, "Toveshøj": 570}
    assert found["Toveshøj"].housing_organisation == "Brabrand Boligforening"
    assert "Brabrand Boligforening afd. 5" in found["Toveshøj"].aliases


def test_a_department_table_with_other_heads_and_an_owner_column(tmp_path):
    """'Bebyggelse | Boligselskab | Boliger': departments, their units and their owner."""
    path = tmp_path / "viborg.txt"
    path.write_text("Boligsocial helhedsplan for Nordbyen 2022-2025\n\n"
                    "Aftalens parter: Boligselskabet Viborg og Viborg Kommune\n\n"
                    "Bebyggelse\tBoligselskab\tBoliger\n"
                    "Nørreparken\tBoligselskabet Viborg\t312\n"
                    "Skovhøj\tBoligselskabet Viborg\t180\n"
                    "I alt\t\t492\n", encoding="utf-8")
    from samspil.loaders.pipeline import extract_file

    zones = [(z.name, z.type, z.units, z.housing_organisation) for z in extract_file(path).zones]
    assert zones == [("Nørreparken", "housing_department", 312, "Boligselskabet Viborg"),
                     ("Skovhøj", "housing_department", 180, "Boligselskabet Viborg"),
                     ("Nordbyen", "district", None, None)]  # the plan's area, named by its title
