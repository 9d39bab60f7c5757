"""Parties named in full once and by abbreviation after (set L, session 15): "Aftalens pater:"
(a typo) over "Boligselskabet X (efterfølgende omtalt som" / "XY)" broken over two lines, "(efterf.
omtalt som Z)", and a glossary's "(HAB = Haarlev Almennyttige Boligselskab)": each short form is
an alias of the party it stands for, so the signatures "XY, direktør ..." name that party, not an
organisation of their own. Made-up agreements of three municipalities, as written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "faxe": ("Faxe", "Boligselskabet Sydsjællandske Hjem", "SSH", "Boligforeningen Teglhøj", "Teglhøj",
             "Haslev Boligselskab", "HB"),
    "stevns": ("Stevns", "Boligselskabet Østsjællands Bolig", "ØSB", "Boligforeningen Klintebo", "Klintebo",
               "Store Heddinge Boligselskab", "SHB"),
    "lejre": ("Lejre", "Boligselskabet Roskilde Fjord", "BRF", "Boligforeningen Lindely", "Lindely",
              "Hvalsø Boligselskab", "HB"),
}


def _lines(town, first, first_short, second, second_short, third, third_short):
    return ["Strategisk samarbejdsaftale om boligsocial indsats", "", "Aftalens pater:", "",
            f"{first} (efterfølgende omtalt som", f"{first_short})", f"{second} (efterf. omtalt som {second_short})",
            f"{town} Kommune", "",
            "Underskrifter:", "", f"{first_short}, adm. direktør Jens Kragh", f"{second_short}, formand Lise Nymand", "",
            "2. OMRÅDET", "", f"Planen omfatter også {third_short} afd. 1 Mosebo med 112 boliger.", "",
            f"({third_short} = {third})", "", f"{third_short} deltager i styregruppen.", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_short_forms_defined_in_the_party_list_are_aliases(tmp_path, make_docx, make_pdf, case, how):
    town, first, first_short, second, second_short, third, third_short = CASES[case]
    r = _extract(tmp_path, _lines(town, first, first_short, second, second_short, third, third_short), how,
                 make_docx, make_pdf)
    by_name = {name_key(o.name): o for o in r.organisations}
    assert by_name[name_key(first)].is_party and by_name[name_key(second)].is_party
    assert first_short in by_name[name_key(first)].aliases
    assert second_short in by_name[name_key(second)].aliases
    assert third_short in by_name[name_key(third)].aliases
    assert not {name_key(first_short), name_key(third_short)} & set(by_name)
