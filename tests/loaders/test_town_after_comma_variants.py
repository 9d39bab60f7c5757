"""One housing organisation written with its town after a comma and without it in one document
("Boligforeningen Ådalen, Kokkedal" as a party, "Boligforeningen Ådalen" read from its signature; set J's
strategic agreement and a new user's trial, session 14): one organisation, the other form an
alias, so the graph has one party, not two. Made-up agreements of three municipalities."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {"fredensborg": ("Fredensborg", "Boligforeningen Ådalen", "Kokkedal", "Ådalen"),
         "lolland": ("Lolland", "Boligforeningen Vesterbo", "Nakskov", "Vesterbo"),
         "vejen": ("Vejen", "Boligselskabet Kongeåbo", "Brørup", "Kongeåbo")}


@pytest.mark.parametrize("case", list(CASES))
def test_a_town_after_a_comma_is_the_same_organisation(tmp_path, make_docx, make_pdf, case):
    town, org, place, short = CASES[case]
    lines = ["Strategisk samarbejdsaftale om boligsocial indsats", "", "Områdets navn: Helhedsplan Syd 2023-2026", "",
             "Aftalens parter:", "", f"{town} Kommune", f"{org}, {place} (efterfølgende omtalt som {short})", "",
             "Samarbejdsaftalen gælder fra - til: 1. april 2023 til 31. marts 2026", "", "Underskrifter:", "",
             f"{town} Kommune", "Dato", "Navn: Morten Ibsen, kommunaldirektør", "",
             f"{org}, {place}", "Dato", "Navn: Jens-Ole Bech, formand for organisationsbestyrelsen", "",
             f"Zone 1) {place} Vest: Bakkebo ({short} afd. 5, 214 lejemål) og Ådalsparken ({short} afd. 3, 612 lejemål).", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    same = [o for o in r.organisations if _key(o.name).startswith(_key(org))]
    assert len(same) == 1, [o.name for o in same]
    assert same[0].is_party
