"""A contact table saved from Word with empty cells (set L, session 15): a row with no title
("Lokalpolitiet i X<TAB>Politiassistent Sanne Juhl<TAB><TAB>2531 8840<TAB>") keeps its empty cell,
so its phone stays in the phone column and is not read as the person's title. Made-up
agreements of three municipalities, as written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, wanted_contacts  # noqa: E402

CASES = {
    "egedal": ("Egedal", "Boligforeningen Egehjem", "Sanne Juhl", "25318840"),
    "allerod": ("Allerød", "Boligselskabet Lillevang", "Hans Krog", "48101212"),
    "solrod": ("Solrød", "Boligforeningen Strandly", "Nina Bech", "56182233"),
}


def _lines(town, housing, name, phone):
    spaced = f"{phone[:4]} {phone[4:]}"
    return ["Strategisk samarbejdsaftale om boligsocial indsats", "", "3. Kontaktpersoner",
            "Organisation\tNavn\tStilling\tTelefon\tE-mail",
            f"{housing}\tCharlotte Iversen\tBoligsocial leder\t+45 2871 6603\tci@bolig.dk",
            f"{town} Kommune, Børne- og Ungerådgivningen\tIb Marcussen\tAfsnitsleder\t\tim@kommune.dk",
            f"Lokalpolitiet i {town}\tPolitiassistent {name}\t\t{spaced}\t", "", "4. Økonomi", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_contact_table_row_with_empty_cells(tmp_path, make_docx, make_pdf, case, how):
    town, housing, name, phone = CASES[case]
    r = _extract(tmp_path, _lines(town, housing, name, phone), how, make_docx, make_pdf)
    assert contact_facts(r).get(name) == wanted_contacts({name: (f"Lokalpolitiet i {town}", None, phone)})[name]
    assert next(c.title for c in r.contacts if c.name == name) == "Politiassistent"
