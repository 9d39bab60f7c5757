"""Department lists with their owners (made-up delaftaler in three municipalities; as
written, with the line breaks lost, in Word and PDF):

* "Delaftalen omfatter alle afdelinger i Vollsmose: Civica afd. Bøgeparken, Civica afd.
  Egeparken samt Fyns Almennyttige Boligselskabs afd. Fyrreparken og Birkeparken." - every
  department with its owner, the last two of an owner the document names nowhere else (they
  were Civica's, and the last was lost), and all in the district, also on one line;
* "Boligselskabet Sydfyn, afd. Hømarken – 310 boliger" as a row: the department Hømarken of
  that owner with its dwellings (it was a zone named "Boligselskabet Sydfyn, afd. Hømarken").
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {  # district, known owner, its departments, other owner (genitive), its departments, row owner, row dept
    "odense": ("Vollsmose", "Civica", ["Bøgeparken", "Egeparken"], "Fyns Almennyttige Boligselskab",
               ["Fyrreparken", "Birkeparken"], "Boligselskabet Sydfyn", "Hømarken"),
    "kolding": ("Skovparken", "Lejerbo", ["Skovbrynet", "Skovly"], "Kolding Almennyttige Boligselskab",
                ["Skovvej", "Skovhaven"], "Boligselskabet Kolding Syd", "Skovgården"),
    "naestved": ("Kalbyris", "AAB Næstved", ["Kildemarken", "Kildeparken"], "Næstved Almennyttige Boligforening",
                 ["Kildebo", "Kildevang"], "Boligselskabet Sjælland", "Kildehusene"),
}


def _lines(district, owner, own, other, others, row_owner, row_dept):
    return ["Delaftale om tryghed og trivsel", "", f"Boligsocial helhedsplan: Sammen i {district} 2024-2027", "",
            "Delaftalens parter", f"{owner} og Næstved Kommune", "",
            "Boligområder i delaftalen", "",
            f"Delaftalen omfatter alle afdelinger i {district}: {owner} afd. {own[0]}, {owner} afd. {own[1]} "
            f"samt {other}s afd. {others[0]} og {others[1]}.", "",
            "Afdelingerne med boligsociale medarbejdere:", f"{row_owner}, afd. {row_dept} – 310 boliger", "",
            "Økonomi", "Budgettet fremgår af bilag 1.", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_departments_with_their_owners_and_district(tmp_path, make_docx, make_pdf, case, how):
    district, owner, own, other, others, row_owner, row_dept = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    zones = {_key(z.name): z for z in r.zones}
    for dept in own:
        assert (_key(zones[_key(dept)].housing_organisation), zones[_key(dept)].part_of) == (_key(owner), district)
    for dept in others:
        assert (_key(zones[_key(dept)].housing_organisation), zones[_key(dept)].part_of) == (_key(other), district)
    row = zones[_key(row_dept)]
    assert (_key(row.housing_organisation), row.units) == (_key(row_owner), 310)
    assert not [n for n in zones if "afd" in n]
