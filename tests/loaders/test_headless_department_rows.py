"""A department list laid out as a table without a head row ("Klintebo afd. 2<TAB>Tårnparken<TAB>186
boliger<TAB>Store Heddinge Nord"; set L's older plan, session 15): each row is a department named
by its name cell, with its count, not "Afd. 2". Made-up plans of three municipalities, as written
and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "stevns": ("Klintebo", {"Tårnparken": ("2", 186), "Kirkeengen": ("7", 64)}),
    "koege": ("Køge Boligselskab", {"Ellebækparken": ("3", 412), "Søndervang": ("11", 96)}),
    "faxe": ("Faxe Bolig", {"Bakkehaven": ("1", 120), "Rolighed": ("4", 58)}),
}


def _lines(owner, departments):
    return ["BOLIGSOCIAL HELHEDSPLAN FOR NORD", "", "Projektperiode: 1. september 2007 - 31. august 2010", "",
            "--- 2. OMRÅDET ---", "", "Planen omfatter:",
            *[f"{owner} afd. {code}\t{name}\t{count} boliger\tNordbyen" for name, (code, count) in departments.items()],
            "", "Mange beboere er børnefamilier.", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_headless_department_row_is_named_by_its_name_cell(tmp_path, make_docx, make_pdf, case, how):
    owner, departments = CASES[case]
    r = _extract(tmp_path, _lines(owner, departments), how, make_docx, make_pdf)
    zones = {name_key(z.name): z.units for z in r.zones if z.type == "housing_department"}
    assert {name_key(n): count for n, (_, count) in departments.items()}.items() <= zones.items()
    assert not any(n.startswith("afd ") for n in zones)
