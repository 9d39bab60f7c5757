"""A party and a contact table written as pipe tables (a web page or a Markdown copy) whose
line breaks were lost: the rows run together, so a name's text holds the table's cell bars
and its neighbours' cells ("Horsens Almene Boligselskab (HAB) | Kirsten Bjerre | Direktør FOB
Horsens ..."; "| Kontaktperson | Kontaktoplysninger Boligselskabet Viborg |"). No
organisation's name holds a cell bar: the one cell that names an organisation is it, its
bracketed abbreviation an alias, a column head run onto it dropped (made-up agreements in
three municipalities, as written and with the line breaks lost). The parties' representatives
stay their contacts. (Not yet: the contact table run onto the party table, with no label
between them, gives no contacts of its own.)
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "horsens": ("Horsens", "Horsens Almene Boligselskab", "HAB", "Direktør", "Per Lund", "pl@hab.dk"),
    "struer": ("Struer", "Struer Boligselskab", "SBS", "Direktør", "Anne Mose", "am@sbs.dk"),
    "varde": ("Varde", "Varde Boligforening", "VBF", "Formand", "Ib Dahl", "id@vbf.dk"),
}


def _lines(town, housing, abbr, title, person, mail):
    return [f"Strategisk samarbejdsaftale for Sundparken {town} 2021-2024", "",
            "Aftalens parter", "",
            "Part | Navn | Titel", f"{housing} ({abbr}) | {person} | {title}",
            f"Boligselskabet Fjordbo {town} | Lis Krull | {title}", f"{town} Kommune | Ole Bæk | Borgmester", "",
            "Kontaktpersoner", "",
            "| Organisation | Kontaktperson | Kontaktoplysninger |", "|---|---|---|",
            f"| {housing} | {person}, boligsocial leder | {mail} |",
            f"| Jobcenter {town} | Mia Holt, teamleder | mh@{town.lower()}.dk |", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
@pytest.mark.parametrize("case", list(CASES))
def test_no_organisation_holds_a_tables_cell_bars(tmp_path, make_docx, make_pdf, case, how):
    town, housing, abbr, *_ = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    assert not [o.name for o in r.organisations if "|" in o.name]
    names = {_key(o.name): o for o in r.organisations}
    assert _key(housing) in names
    assert {_key(o.name) for o in r.organisations if o.is_party} == {
        _key(housing), _key(f"Boligselskabet Fjordbo {town}"), _key(f"{town} Kommune")}
    assert not [n for n in names if n.startswith(("kontakt", "part ", "direktør", "formand"))]
    people = {c.name: _key(c.organisation) for c in r.contacts}
    assert people[CASES[case][4]] == _key(housing) and people["Ole Bæk"] == _key(f"{town} Kommune")
