"""A plan whose text names one district: the departments and zones it places nowhere else
lie in that district, also when no sentence says so ("Boligsocial indsats i Ringsted Syd" over
its departments; made-up plans in three municipalities; as written, with the line breaks
lost, in Word and PDF)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "ringsted": ("Ringsted", "Ringsted Syd", ["Søndervang", "Vestervang"]),
    "nyborg": ("Nyborg", "Nyborg Nord", ["Høje Bøge", "Kogtvedparken"]),
    "thisted": ("Thisted", "Thisted Vest", ["Solvang", "Ringparken"]),
}


def _lines(town, district, departments):
    return [f"Boligsocial indsats i {district} 2024-2027", "",
            "Aftalens parter", f"{town} Boligselskab og {town} Kommune", "",
            "Boligområdet",
            f"Helhedsplanen dækker afdelingerne {departments[0]} (afd. 4, 320 boliger) og "
            f"{departments[1]} (afd. 9, 210 boliger).",
            f"Indsatsen i {district} bygger på erfaringerne fra den forrige helhedsplan.", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_departments_of_a_plan_in_one_district_lie_in_it(tmp_path, make_docx, make_pdf, case, how):
    town, district, departments = CASES[case]
    r = _extract(tmp_path, _lines(town, district, departments), how, make_docx, make_pdf)
    part_of = {_key(z.name): z.part_of for z in r.zones}
    assert [part_of[_key(d)] for d in departments] == [district, district]
