"""A known kind of organisation named with the place it serves written as two towns joined by a
hyphen ("Ungdommens Uddannelsesvejledning Dragør-Tårnby"; set M and a new user's trial, session
16): the place stays in the name (without it, every municipality's UU became one organisation
across plans). Made-up delaftaler of three municipalities, as written, flattened and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

CASES = {"odder": "Odder-Skanderborg", "morsoe": "Morsø-Thisted", "hilleroed": "Hillerød-Gribskov"}


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_unit_named_with_two_towns(tmp_path, make_docx, make_pdf, case, how):
    place = CASES[case]
    town = place.split("-")[0]
    lines = ["Delaftale for indsatsområdet Uddannelse og livschancer", "", "Delaftalens parter:",
             "Boligselskabet Nord", f"{town} Kommune", "", "Aktivitetsnavn: Ung på vej",
             f"Beskrivelse: Mentorforløb i samarbejde med Ungdommens Uddannelsesvejledning {place} og "
             f"{town} Gymnasium (fx brobygning).", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    names = {name_key(o.name) for o in r.organisations}
    assert name_key(f"Ungdommens Uddannelsesvejledning {place}") in names
    assert "ungdommens uddannelsesvejledning" not in names
