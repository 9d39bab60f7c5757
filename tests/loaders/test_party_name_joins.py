"""Party names that hold "&" or "og" inside one name, and lists separated by middle dots (set I,
session 13): "Erhvervsforeningen Middelfart & Omegn" and "Erhvervsrådet Herning & Ikast-Brande"
are one organisation each (not "Erhvervsforeningen Omegn"); "Center for Dagtilbud og Skole" is
one unit (the topics it is for); "A · B · C" lists three. Made-up delaftaler of three
municipalities, as written, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "odder": ("Odder", "Erhvervsforeningen Odder & Omegn", "Center for Dagtilbud og Skole", "Odder Bibliotek"),
    "billund": ("Billund", "Erhvervsrådet Billund & Vejen", "Center for Børn og Unge", "Grindsted Bibliotek"),
    "tonder": ("Tønder", "Handelsstandsforeningen Tønder & Omegn", "Center for Sundhed og Omsorg",
               "Tønder Bibliotekerne"),
}


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])  # (flat: "Jobcenter Odder Erhvervsforeningen
@pytest.mark.parametrize("case", list(CASES))                   # Odder & Omegn" run together is not cut yet)
def test_one_name_with_an_and_inside(tmp_path, make_docx, make_pdf, case, how):
    town, business, unit, library = CASES[case]
    lines = ["Delaftale for indsatsområdet Beskæftigelse", "",
             "Navn på den boligsociale indsats, som delaftalen vedrører:", f"Sammen i {town}", "",
             "Delaftalens parter:", f"Jobcenter {town}", business, "",
             f"Samarbejdspartnere: {unit}, {town} Kommune · {town}skolen · {library}", "",
             "Aktivitetsnavn: Jobnetværket", "Målgruppe(r): Ledige beboere over 25 år", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    names = {_key(o.name) for o in r.organisations}
    assert {_key(business), _key(unit), _key(f"{town}skolen"), _key(library), _key(f"{town} Kommune")} <= names
    assert not [n for n in names if n.endswith(" omegn") and n != _key(business) or n in ("skole", "unge", "omsorg")]
