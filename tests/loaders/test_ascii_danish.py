"""A plan from an old case system that spells æ, ø and å as "ae", "oe" and "aa" (set L, session
15): "INDSATSOMRAADE 1: BOERN, UNGE OG FAMILIER", "Maalgruppe: unge 12-18 aar", a printed form
"Navn ........ Soeren Holm". Its focus areas, activities and contacts are read as in a plan
spelt with the letters; names the word list does not know stay as written, e-mail addresses
are never touched, and a plan spelt with the letters is left as it is. Made-up plans of three
municipalities, as written, flattened and Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "faxe": ("FAXE", "Boligselskabet Sjaelsoe", {"BOERN, UNGE OG FAMILIER": ["Familiecafeen", "Ungeklubben Fyret"],
                                                 "BESKAEFTIGELSE": ["Jobstarten"]}),
    "lejre": ("LEJRE", "Boligforeningen Aasen", {"TRYGHED OG TRIVSEL": ["Gaardmaendene"],
                                                 "UDDANNELSE OG BESKAEFTIGELSE": ["Lektiehjaelp i Kirkebakken"]}),
    "dragoer": ("DRAGOER", "Boligselskabet Oestersoe", {"SUNDHED": ["Motion for kvinder"],
                                                        "BOERN, UNGE OG FAMILIER": ["Foraeldrecafe"]}),
}


def _lines(town, housing, areas):
    lines = [f"{town} KOMMUNE                                   Udskrevet 14-06-2007", "",
             f"BOLIGSOCIAL HELHEDSPLAN FOR {town} NORD", "",
             "Projektperiode: 1. september 2007 - 31. august 2010 (3 aar)", "",
             f"Helhedsplanen er udarbejdet af {housing} i samarbejde med {town.title()} Kommune.", "",
             "--- 3. INDSATSOMRAADER OG AKTIVITETER ---", ""]
    for n, (area, names) in enumerate(areas.items(), 1):
        lines += [f"INDSATSOMRAADE {n}: {area}", ""]
        for k, name in enumerate(names, 1):
            lines += [f"{n}.{k} {name}", "    Maalgruppe: unge paa 12-18 aar og deres foraeldre",
                      "    Aktiviteten foregaar i faelleshuset hver onsdag.", ""]
    return lines + ["--- 4. KONTAKT ---", "", "Projektleder:", "  Navn ........ Soeren Holm Aagaard",
                    "  E-post ...... soeren.aagaard@boligsjaelland.dk", "  Telefon ..... 56 50 21 44", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_plan_spelt_without_danish_letters(tmp_path, make_docx, make_pdf, case, how):
    town, housing, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, housing, areas), how, make_docx, make_pdf)
    assert {_folded(fa.name) for fa in r.focus_areas} == {_folded(a) for a in areas}
    assert {_folded(a.name): _folded(a.focus_area) for a in r.activities} == {
        _folded(n): _folded(area) for area, names in areas.items() for n in names}
    if how == "as written":  # a fact is quoted as the file writes it (a new user's trial, session 15)
        written = set(_lines(town, housing, areas))
        assert all(fa.sources[0].excerpt in written for fa in r.focus_areas)
    facts = contact_facts(r)
    assert ("Søren Holm Aagaard", "soeren.aagaard@boligsjaelland.dk", "56502144") in {
        (n, e, p) for n, (_, e, p) in facts.items()}


def _folded(name: str | None) -> str:
    """A name compared as an ASCII system spells it ("Børn" = "BOERN")."""
    return name_key(name).translate(str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"}))


def test_letters_are_restored_only_in_a_plan_spelt_without_them():
    from samspil.loaders.ascii_danish import looks_ascii_danish, restore_letters

    assert looks_ascii_danish(["Maalgruppe: boern og unge", "Indsatsomraade 2: Sundhed", "aeldre beboere"])
    assert not looks_ascii_danish(["Målgruppe: børn og unge", "Aarhus Kommune, Haarlev Boligselskab, Aase Krogh"])
    assert restore_letters("Aase Krogh, Aagaard, beboere, aaa@boern.dk") == "Aase Krogh, Aagaard, beboere, aaa@boern.dk"
