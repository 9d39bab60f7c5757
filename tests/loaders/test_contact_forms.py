"""Contacts written as forms, one field a line ("Navn: / Titel: / Organisation: / Mail: /
Tlf.:"), or a record led by its organisation ("Organisation: X" over "Kontakt: forretningsfører
Y, y@..."; set K's delaftale, session 15): each person's unit is the record's Organisation
field, not the key "Navn" read as an organisation, under the party label and under a heading
of contacts alike. Made-up agreements of three municipalities, as written, flattened and Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, name_key, wanted_contacts  # noqa: E402

CASES = {
    "skive": ("Skive", "Boligselskabet Skivehus", "Ida Marie Holm", "ih@skivehus.dk", "97 52 11 20",
              "Kasper Lind", "Skive Kommune, Børn og Unge", "Børn og Unge", "Boligforeningen Fjordgården",
              "Ole Brask"),
    "struer": ("Struer", "Struer Boligselskab", "Hanne Vium", "hv@struerbolig.dk", "96 84 10 10",
               "Jonas Dahl Bech", "Struer Kommune, Jobcenter Struer", "Jobcenter Struer", "Andelsboligforeningen Limbo",
               "Gitte Kirk"),
    "assens": ("Assens", "Assens Boligselskab", "Mette Rask", "mr@assensbolig.dk", "64 71 22 33",
               "Karim Haddad", "Assens Kommune, Ungdomsskolen", "Ungdomsskolen", "Boligforeningen Vestbo",
               "Lars Toft"),
}


def _lines(label, town, housing, name, mail, phone, name2, unit2, short2, housing2, name3):
    return [f"Delaftale for indsatsområdet Uddannelse og livschancer", "",
            f"Navn på den boligsociale indsats, som delaftalen vedrører: Helhedsplan Syd, {town}", "",
            label, "",
            f"Navn: {name}", "Titel: Boligsocial leder", f"Organisation: {housing}", f"Mail: {mail}", f"Tlf.: {phone}", "",
            f"Navn: {name2}", "Titel: Konsulent", f"Organisation: {unit2}", "",
            f"Organisation: {housing2}", f"Kontakt: forretningsfører {name3}, kontor@bolig.dk", "",
            "Problemkompleks for indsatsområdet", "", "Mange unge står uden uddannelse.", ""]


@pytest.mark.parametrize("label", ["Delaftalens parter:", "Kontaktpersoner for indsatsen"])
@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_form_record_gives_its_person_their_organisation(tmp_path, make_docx, make_pdf, case, how, label):
    town, housing, name, mail, phone, name2, unit2, short2, housing2, name3 = CASES[case]
    r = _extract(tmp_path, _lines(label, *CASES[case]), how, make_docx, make_pdf)
    facts = contact_facts(r)
    want = wanted_contacts({name: (housing, mail, phone.replace(" ", "")), name2: (short2, None, None),
                            name3: (housing2, "kontor@bolig.dk", None)})
    assert {n: facts.get(n) for n in want} == want
    assert name_key("Navn") not in {name_key(o.name) for o in r.organisations}
