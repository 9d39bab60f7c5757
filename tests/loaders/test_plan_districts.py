"""The district (bydel) a plan's departments lie in, named in a sentence ("Kærgården og
Engparken ligger begge i Holstebro Nord") or as the plan's area in its title ("Boligsocial
indsats i Skive Syd", "Helhedsplan for Hjortebo 2015-2018"): made-up agreements in other
municipalities' names, as written, flat, Word and PDF."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered  # noqa: E402

SENTENCES = [
    "Kærgården (Boligselskabet Fjord, afd. 4, 312 lejemål) og Engparken (Boligselskabet Fjord, afd. 9, "
    "208 lejemål) ligger i {district} og har haft en helhedsplan siden 2012.",
    "Helhedsplanen omfatter afdelingerne Kærgården og Engparken. Afdelingerne ligger alle i {district}, "
    "tæt på skolen og stationen.",
    "Boligområderne Kærgården og Engparken ligger begge i {district}, adskilt af en stor vej.",
]
DISTRICTS = ["Holstebro Nord", "Viborg Vestby", "Hedensted Syd"]


def _lines(k: int) -> list[str]:
    town = DISTRICTS[k].split()[0]
    return [f"Boligsocial helhedsplan 2024-2027 for Kærgården og Engparken", "",
            f"Aftalen er indgået mellem {town} Kommune og Boligselskabet Fjord.", "",
            "Baggrund", "", SENTENCES[k].format(district=DISTRICTS[k]), ""]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("k", range(len(SENTENCES)))
def test_the_district_the_departments_lie_in(tmp_path, make_docx, make_pdf, k, how):
    report = extract_rendered(tmp_path, _lines(k), how, make_docx, make_pdf)
    zones = {z.name: z for z in report.zones}
    assert DISTRICTS[k] in zones, sorted(zones)
    assert zones[DISTRICTS[k]].type == "district"
    placed = {zones[n].part_of for n in ("Kærgården", "Engparken") if n in zones}
    assert placed == {DISTRICTS[k]} if k < 2 else placed <= {DISTRICTS[k]}  # (k=2 names no department as one)


TITLES = ["Boligsocial indsats i {d}", "Helhedsplan for {d} 2015-2018", "Den boligsociale helhedsplan for {d}"]
TITLE_PLACES = ["Skive Syd", "Hjortebo", "Grindsted Øst"]


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("k", range(len(TITLES)))
def test_the_plans_area_in_its_title(tmp_path, make_docx, make_pdf, k, how):
    place = TITLE_PLACES[k]
    lines = [TITLES[k].format(d=place), "",
             f"Helhedsplanen er et samarbejde mellem Boligforeningen Vest og {place.split()[0]} Kommune.", ""]
    report = extract_rendered(tmp_path, lines, how, make_docx, make_pdf)
    assert [(z.name, z.type) for z in report.zones if z.name == place] == [(place, "district")]


def test_a_place_in_a_sentence_about_no_department_is_no_district(tmp_path, make_docx, make_pdf):
    """'... ligger i Koordinatorens arbejdsområde', '... ligger i Vejle Kommune': no district."""
    lines = ["Helhedsplan for Solbakken 2022-2025", "",
             "Opgaven ligger i Koordinatorens arbejdsområde. Beboerhuset ligger i Vejle Kommune.", ""]
    report = extract_rendered(tmp_path, lines, "as written", make_docx, make_pdf)
    assert not {z.name for z in report.zones} & {"Koordinatorens", "Vejle Kommune", "Vejle"}


@pytest.mark.parametrize("title", ["Helhedsplan for {d} 2015-2018", "Boligsocial helhedsplan for {d} 2021-2024",
                                   "Den boligsociale indsats i {d} 2019-2022"])
def test_the_plans_area_in_its_title_when_the_line_breaks_were_lost(tmp_path, make_docx, make_pdf, title):
    """Its period ends the title where what follows ran onto its line."""
    lines = [title.format(d="Lindholm"), "", "Struer Kommune og Boligforeningen Vest", "",
             "1. Indledning", "Helhedsplanen er et samarbejde mellem Boligforeningen Vest og Struer Kommune.", ""]
    report = extract_rendered(tmp_path, lines, "flattened", make_docx, make_pdf)
    assert [(z.name, z.type) for z in report.zones if z.name == "Lindholm"] == [("Lindholm", "district")]
