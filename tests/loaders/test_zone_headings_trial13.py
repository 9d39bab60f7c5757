"""Zone forms seen in set H (session 13), each in made-up agreements of three municipalities:

* "Områdets navn: Køge Nord – A og B": a town's quarter named by its bearing is the plan's
  district (not "Fælles Køge Nord": the plan's own name);
* "Zone 1: Ellekilde" over its departments' bullets: the zone is Ellekilde ("Zone 1" an alias),
  its departments lie in it, and the first department's dwellings are not the zone's;
* an organisation diagram "|-- Zone 1: Ellekilde – familiemedarbejder" names staff, no department;
* a text whose Danish letters were lost ("afd. 22, 318 lejemal", "bestar af"): the count is
  the department's dwellings, not a second department; "X består af ... A (afd. 12, 412
  lejemål)" gives X no dwellings of A's.
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

TOWNS = {
    "koege": ("Køge", "Køge Nord", ["Ellekilde", "Hastrupparken"], ["Søndergården", "Agerhaven"]),
    "varde": ("Varde", "Varde Øst", ["Lunden", "Kongensgade"], ["Stadion", "Byparken"]),
    "struer": ("Struer", "Struer Vest", ["Bremdal", "Holmegården"], ["Østerbro", "Vestervang"]),
}


def _cover(town, district, zones):
    return ["Strategisk samarbejdsaftale om boligsocial indsats",
            f"Områdets navn: {district} – {zones[0]} og {zones[1]}",
            "Aftalens parter:", f"Boligselskabet {town}", f"{town} Kommune", ""]


def _bulleted(town, district, zones, departments):
    return [*_cover(town, district, zones),
            "1. Boligområdet", "",
            "Afdelingerne er i samarbejdet inddelt i to zoner:", "",
            f"Zone 1: {zones[0]}",
            f"- Boligselskabet {town}, afd. 3 {departments[0]} – 412 lejemål",
            f"- Boligselskabet {town}, afd. 5 {departments[1]} – 188 lejemål", "",
            f"{zones[0]} ligger tæt på skolen og rummer et beboerhus.", "",
            f"Zone 2: {zones[1]}",
            f"- Boligselskabet {town}, afd. 9 {zones[1]}parken – 230 lejemål", "",
            "Organisationsdiagram:", "Sekretariatet",
            f"  |-- Zone 1: {zones[0]} – familiemedarbejder, ungemedarbejder",
            f"  |-- Zone 2: {zones[1]} – boligsocial medarbejder (30 timer)",
            "  |-- Tværgående – kommunikation", ""]


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("case", list(TOWNS))
def test_a_zone_headed_over_its_department_bullets(tmp_path, make_docx, make_pdf, case, how):
    town, district, zones, departments = TOWNS[case]
    r = _extract(tmp_path, _bulleted(town, district, zones, departments), how, make_docx, make_pdf)
    by = {_key(z.name): z for z in r.zones}
    first = by[_key(zones[0])]
    assert first.type == "zone" and "Zone 1" in first.aliases and first.units is None
    assert [by[_key(d)].part_of for d in departments] == [zones[0], zones[0]]
    assert by[_key(departments[0])].units == 412
    assert by[_key(zones[1] + "parken")].part_of == zones[1]
    assert not [z.name for z in r.zones if "medarbejder" in z.name or "kommunikation" in z.name]
    assert by[_key(district)].type == "district" and first.part_of == district


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(TOWNS))
def test_the_area_label_names_a_district_by_its_bearing(tmp_path, make_docx, make_pdf, case, how):
    town, district, zones, _ = TOWNS[case]
    lines = [*_cover(town, district, zones), "1. Boligområdet",
             f"Helhedsplanen omfatter afdelingerne {zones[0]} (afd. 4, 320 boliger) og {zones[1]} "
             "(afd. 7, 140 boliger).", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    by = {_key(z.name): z for z in r.zones}
    assert by[_key(district)].type == "district"
    assert [by[_key(z)].part_of for z in zones] == [district, district]


@pytest.mark.parametrize("case", list(TOWNS))
def test_a_plan_named_after_its_quarter_is_no_district(tmp_path, make_docx, make_pdf, case):
    town, district, zones, _ = TOWNS[case]
    lines = _cover(town, district, zones)
    lines[1] = f"Områdets navn: Fælles {district} ({zones[0]} og {zones[1]})"
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert _key(district) not in {_key(z.name) for z in r.zones if z.type == "district"}


def _ascii(text: str) -> str:
    return text.replace("å", "a").replace("ø", "o").replace("æ", "ae").replace("Ø", "O").replace("Å", "A")


@pytest.mark.parametrize("letters", ["danish", "lost"])
@pytest.mark.parametrize("case", list(TOWNS))
def test_dwellings_after_a_department_number_are_a_count(tmp_path, make_docx, make_pdf, case, letters):
    town, district, _, departments = TOWNS[case]
    lines = ["Strategisk samarbejdsaftale om boligsocial indsats", "Aftalens parter:",
             f"Boligselskabet {town}", f"{town} Kommune", "", "1. Formål", "",
             f"{district} består af Boligselskabet {town}s afdelinger {departments[0]} (afd. 22, 318 lejemål)",
             f"og {departments[1]} (afd. 24, 140 lejemål). I alt 458 lejemål med ca. 1.000 beboere.", ""]
    if letters == "lost":
        lines = [_ascii(line) for line in lines]
        departments = [_ascii(d) for d in departments]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    by = {_key(z.name): z for z in r.zones}
    assert [by[_key(d)].units for d in departments] == [318, 140]
    assert not [z.name for z in r.zones if z.name.lower().startswith("afd")]
    if letters == "danish":  # (the area's sentence is read in Danish only)
        area = by[_key(district)]
        assert area.units is None and [by[_key(d)].part_of for d in departments] == [area.name] * 2


PLACES = {
    "greve": ("Greve", "Greve Strand", "Hundige Parkerne", ["Askerød", "Tune Vænge"], "GB", "Greve Boligselskab"),
    "hedensted": ("Hedensted", "Juelsminde By", "Havnegården", ["Søbakken", "Skovvænget"], "HBF",
                  "Hedensted Boligforening"),
    "favrskov": ("Favrskov", "Hinnerup Syd", "Rønnebærparken", ["Lærkevej", "Grønnegården"], "FAB",
                 "Favrskov Almene Boliger"),
}


def _decision(town, place, big, others, short, owner):
    return [f"{town} Kommune", "Kommunalbestyrelsen", "Referat fra ordinært møde", "",
            "12. Godkendelse af strategisk samarbejdsaftale for den boligsociale helhedsplan 2024-2028", "",
            "Sagsfremstilling", "",
            f"Landsbyggefonden har givet tilsagn om 18 mio. kr. til en ny boligsocial helhedsplan i {place} for "
            "perioden 1. juli 2024 til 30. juni 2028.", "",
            f"Aftalens parter er {owner} ({short}) og {town} Kommune.", "",
            f"Helhedsplanen omfatter {big} ({owner}, 1.204 boliger), {others[0]} ({short}'s afd. 8, 462 boliger) "
            f"og {others[1]} ({short}'s afd. 11, 204 boliger), i alt 1.870 boliger i {place}.", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(PLACES))
def test_a_sentence_places_the_plan_and_its_list_of_departments(tmp_path, make_docx, make_pdf, case, how):
    town, place, big, others, short, owner = PLACES[case]
    r = _extract(tmp_path, _decision(town, place, big, others, short, owner), how, make_docx, make_pdf)
    by = {_key(z.name): z for z in r.zones}
    assert not [z.name for z in r.zones if "omfatter" in z.name]
    assert by[_key(big)].units == 1204 and by[_key(place)].type == "district"
    assert [by[_key(n)].part_of for n in [big, *others]] == [place] * 3
    assert {by[_key(n)].housing_organisation for n in [big, *others]} == {owner}
