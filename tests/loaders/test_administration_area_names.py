"""A municipal administration area named by its topics ("Børn, Unge og Familie", "Ældre og
Sundhed", "Kultur, Fritid og Borgerservice"; a new user's trial, session 14): in a party list
and in a contact's entry it is one unit, not one organisation per topic word ("Børn", "Unge",
"Familie"). Made-up agreements of three municipalities, as written, flattened and Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, name_key, wanted_contacts  # noqa: E402

CASES = {
    "assens": ("Assens", "Boligselskabet Lillebo", "Børn, Unge og Familie", "Ældre og Sundhed",
               "Kultur, Fritid og Borgerservice"),
    "morsoe": ("Morsø", "Boligforeningen Limfjordsbo", "Skole, Dagtilbud og Familie", "Job og Velfærd",
               "Teknik, Plan og Miljø"),
    "odder": ("Odder", "Andelsboligforeningen Fjordvang", "Social, Sundhed og Omsorg", "Børn og Familie",
              "Natur, Klima og Byg"),
}


def _lines(town, housing, unit_a, unit_b, unit_c):
    return [f"Strategisk samarbejdsaftale for den boligsociale helhedsplan Sølyst 2024-2027", "",
            f"Aftalens parter: {housing}, {town} Kommune, {unit_a}, {unit_b} samt Jobcenter {town}.", "",
            f"Kontaktperson: Lene Dahl, afdelingsleder, {unit_a}, {town} Kommune, ld@kommune.dk, 72 53 10 10", "",
            f"Kontaktperson: Jens Bo, konsulent, {unit_c}, jb@kommune.dk, 72 53 10 11", "",
            "4. Indsatsområder", "", "4.1 Børn, Unge og Familier", "",
            f"Helhedsplanen styres af en bestyrelse med direktøren for {unit_c} og chefen for Jobcenter {town}.", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_administration_area_is_one_unit(tmp_path, make_docx, make_pdf, case, how):
    town, housing, unit_a, unit_b, unit_c = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    parties = {name_key(o.name) for o in r.organisations if o.is_party}
    assert parties >= {name_key(n) for n in (housing, f"{town} Kommune", unit_a, unit_b, f"Jobcenter {town}")}
    topics = {name_key(w) for unit in (unit_a, unit_b, unit_c) for w in unit.replace(",", " ").split() if w != "og"}
    assert not {name_key(o.name) for o in r.organisations} & topics
    assert not {name_key(o.name) for o in r.organisations} & {name_key(u.split(", ")[-1]) for u in (unit_a, unit_c)}
    types = {name_key(o.name): o.type for o in r.organisations}
    assert types[name_key(unit_a)] == types[name_key(unit_c)] == "municipal_unit"
    assert name_key("Børn, Unge og Familier") not in types  # a focus area's heading
    facts = contact_facts(r)
    assert facts.get("Lene Dahl") == wanted_contacts({"Lene Dahl": (unit_a, "ld@kommune.dk", "72531010")})["Lene Dahl"]
    assert facts.get("Jens Bo") == wanted_contacts({"Jens Bo": (unit_c, "jb@kommune.dk", "72531011")})["Jens Bo"]
