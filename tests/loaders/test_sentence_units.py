"""A contact's "organisation" that is a sentence ("Sekretariatet har adresse i Askerød
Beboerhus.", a flat web copy's text after the name, set I, session 13) is no organisation.
Made-up web pages of three municipalities, as written and flat."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract  # noqa: E402

CASES = {"greve": ("Greve", "Askerød"), "solrod": ("Solrød", "Trylleskoven"), "koege": ("Køge", "Ellemarken")}


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_sentence_after_a_contact_is_no_organisation(tmp_path, make_docx, make_pdf, case, how):
    town, area = CASES[case]
    lines = ["Strategisk samarbejdsaftale om boligsocial indsats", f"Aftalens parter: Boligselskabet {town} og "
             f"{town} Kommune", "", "2. Organisering", "",
             f"Helhedsplanen ledes af en bestyrelse med direktøren for Boligselskabet {town} (formand) og "
             f"{town} Kommunes centerchef for Børn og Familie. Sekretariatet har adresse i {area} Beboerhus.",
             f"Boligsocial leder: Tobias Ravnsborg, tr@{town.lower()}nord.dk, 4390 2218", "", "3. Indsatsområder", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert not [o.name for o in r.organisations if " har " in o.name]
    assert not [c.organisation for c in r.contacts if c.organisation and " har " in c.organisation]
