"""'Zone 1) Resenbro: Silkeborg Boligselskab afd. 4, Resenbro (186 boliger)': a zone's area
before the colon, then each department with its owner, number, name and dwellings (new-user
trial, session 12; made-up plans in three municipalities, as written, with the line breaks
lost, in Word and PDF). The area is no owner and no organisation (it was the owner of the
zone's departments and a housing organisation of its own), and a department named like
its zone's area is a department of that zone (it was folded into the zone and lost).
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {  # town, (area, owner, number, department, dwellings) per zone
    "silkeborg": ("Silkeborg", [("Resenbro", "Silkeborg Boligselskab", 4, "Resenbro", 186),
                                ("Alderslyst", "Boligselskabet Sct. Jørgen", 12, "Nylandsparken", 312)]),
    "thisted": ("Thisted", [("Vestervang", "Thisted Boligselskab", 3, "Vestervang", 220),
                            ("Sydbyen", "Boligforeningen Thy", 7, "Rosengården", 164)]),
    "koege": ("Køge", [("Ellemarken", "Køge Boligselskab", 21, "Ellemarken", 410),
                       ("Søndre Havn", "Boligselskabet Køge Bugt", 5, "Strandparken", 198)]),
}


def _lines(town, zones):
    return ["Strategisk samarbejdsaftale", "", f"Boligsocial helhedsplan: Sammen i {town} 2024-2027", "",
            "Aftalens parter", f"{zones[0][1]}, {zones[1][1]} og {town} Kommune", "",
            "Boligområdet", "Helhedsplanen dækker følgende afdelinger, som er inddelt i to zoner:",
            *[f"Zone {k}) {area}: {owner} afd. {n}, {dept} ({units} boliger)"
              for k, (area, owner, n, dept, units) in enumerate(zones, 1)], ""]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_zones_area_label_then_its_departments_with_owners(tmp_path, make_docx, make_pdf, case, how):
    town, zones = CASES[case]
    r = _extract(tmp_path, _lines(town, zones), how, make_docx, make_pdf)
    got = {_key(z.name): (_key(z.housing_organisation), z.units, z.part_of) for z in r.zones
           if z.type == "housing_department"}
    for k, (area, owner, n, dept, units) in enumerate(zones, 1):  # the zone named by its area (unless
        assert got[_key(dept)] == (_key(owner), units, area if area != dept else f"Zone {k}")  # its department's)
    orgs = {_key(o.name) for o in r.organisations}
    assert not {_key(area) for area, *_ in zones} & orgs
