"""What runs onto an organisation's name when the line breaks are lost: the title of the
person named after it ("Lejerbo Vejle Regionschef Ida Holm"), a contact card's field key
("Frederikshavn Boligforening Mobil: 21 45 77 80"), a web page's menu word ("... Søg bolig").
The organisation keeps its own name; a name that holds such a word as its own ("Center for
Boligsocial Udvikling") keeps it (made-up agreements in three municipalities, as a web copy)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "vejle": ("Vejle", "Lejerbo Vejle", "AAB Vejle"),
    "skive": ("Skive", "Skive Boligselskab", "Boligforeningen Skive"),
    "ikast": ("Ikast", "Ikast Boligforening", "Boligselskabet Ikast"),
}


def _lines(town, first, second):
    return [f"Sammen i {town} – boligsocial helhedsplan 2024-2027", "",
            f"Helhedsplanen er et samarbejde mellem {first}, {second} og {town} Kommune.", "",
            "Aktiviteter", "", "Forældreskole", "Status: Gennemført med 24 deltagere.", "",
            "Seniornetværket", "Status: Ændret til et månedligt møde.", "",
            "Kontakt", "", "Ida Holm", "Boligsocial leder", f"{first}", "Mobil: 21 45 77 80", "ih@bolig.dk", "",
            "Bo Lind", "Beboerrådgiver", f"{second}", "Mobil: 30 11 62 05", "bl@bolig.dk", "",
            "Evaluering", "", "Indsatsen evalueres løbende af Center for Boligsocial Udvikling.", ""]


@pytest.mark.parametrize("case", list(CASES))
def test_a_title_or_field_key_run_onto_a_name_is_no_part_of_it(tmp_path, make_docx, make_pdf, case):
    town, first, second = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), "flattened", make_docx, make_pdf)
    names = {_key(o.name) for o in r.organisations}
    assert {_key(first), _key(second), _key(f"{town} Kommune")} <= names
    assert not [n for n in names if n.endswith(("mobil", "status", "gennemført", "ændret"))]
    assert _key("Center for Boligsocial Udvikling") in names
