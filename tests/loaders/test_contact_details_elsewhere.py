"""A contact's organisation, e-mail or phone written somewhere other than their entry
(session 17, from the seventh-twelfth sets' misses: 58 contacts of the annotated sets had no
organisation though the reference gives one):

* the e-mail's domain names one of the document's organisations ("jrm@fjordhusene.dk" of
  Boligselskabet Fjordhusene, "pebj@vordingborg.dk" of Vordingborg Kommune) or the plan's own
  secretariat ("tr@sammenomgrevenord.dk" of the plan "Sammen om Greve Nord");
* a contact card, one field a line: "• Name, title" over the unit over "e-mail · phone";
* a sentence: "Henvendelse ... kan ske til Gitte Hauge på tlf. 57 87 62 14 eller gh@x.dk."

Made-up agreements of three municipalities, as written, flattened and Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, wanted_contacts  # noqa: E402

CASES = {
    "herning": ("Herning", "Boligselskabet Engbo", "engbo", "Fælles Gullestrup", "faellesgullestrup"),
    "holstebro": ("Holstebro", "Boligforeningen Søparken", "soeparken", "Nørreland Sammen", "norrelandsammen"),
    "skive": ("Skive", "Andelsboligforeningen Fjordglimt", "fjordglimt", "Resen i Fællesskab", "reseniFaellesskab"),
}


def _agreement(town, housing, domain, plan, plan_domain):
    return ["Strategisk samarbejdsaftale", "", f"Navn på den boligsociale indsats: {plan}", "",
            "Aftalens parter:", f"{town} Kommune", housing, "",
            "Samarbejdsaftalen gælder fra - til: 01.01.2026 – 31.12.2029", "",
            f"Boligsocial leder: Jonas Ravn Mikkelsen – 2486 3301 – jrm@{domain}.dk", "",
            f"Kommunens koordinator er Pia Lund Brix (pilb@{town.lower()}.dk).", "",
            f"Sekretariatsleder: Ali Demir, ad@{plan_domain.lower()}.dk, 2211 3344", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_e_mail_domain_names_the_contact_s_organisation(tmp_path, make_docx, make_pdf, case, how):
    town, housing, domain, plan, plan_domain = CASES[case]
    r = _extract(tmp_path, _agreement(town, housing, domain, plan, plan_domain), how, make_docx, make_pdf)
    orgs = {c.name: c.organisation for c in r.contacts}
    assert orgs.get("Jonas Ravn Mikkelsen") == housing
    assert orgs.get("Pia Lund Brix") == f"{town} Kommune"
    assert orgs.get("Ali Demir") == plan
    assert plan in {o.name for o in r.organisations}


def test_a_domain_names_no_organisation_the_document_does_not_name(tmp_path, make_docx, make_pdf):
    lines = ["Strategisk samarbejdsaftale", "", "Aftalens parter:", "Herning Kommune", "Boligselskabet Engbo", "",
             "5. Organisering", "", "Helhedsplanen ledes af en styregruppe.", "", "Boligsocial leder: Jonas Ravn Mikkelsen – 2486 3301 – jrm@fjordhusene.dk", "",
             "Frivilligkoordinator: Eva Bak Holm, evabh@gmail.com, 2211 3344", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    orgs = {c.name: c.organisation for c in r.contacts}
    assert orgs.get("Jonas Ravn Mikkelsen") is None and orgs.get("Eva Bak Holm") is None
    assert not any("fjordhus" in o.name.lower() or "gmail" in o.name.lower() for o in r.organisations)


CARDS = {
    "viborg": ("Viborg", "Boligselskabet Tinghøj", "Signe Bak Lauritzen", "sbl@tinghoej.dk", "56 18 22 40"),
    "randers": ("Randers", "Boligforeningen Vestervang", "Torben Vinkel", "tv@vestervang.dk", "86 42 11 90"),
    "vejle": ("Vejle", "Andelsboligforeningen Nørremarken", "Henriette Rask", "hr@noerremarken.dk", "75 82 33 10"),
}


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CARDS))
def test_a_contact_card_one_field_a_line(tmp_path, make_docx, make_pdf, case, how):
    town, housing, name, mail, phone = CARDS[case]
    lines = ["Strategisk samarbejdsaftale", "", "Aftalens parter:", f"{town} Kommune", housing, "",
             "4. Kontaktpersoner", "", f"• {name}, boligsocial leder", housing, f"{mail} · {phone}",
             "• Anders Tolstrup, viceskoleleder", f"{town} Østre Skole", "56 18 33 77", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    facts = contact_facts(r)
    want = wanted_contacts({name: (housing, mail, phone.replace(" ", "")),
                            "Anders Tolstrup": (f"{town} Østre Skole", None, "56183377")})
    assert {n: facts.get(n) for n in want} == want


PROSE = {
    "soroe": ("Sorø Bo", "Gitte Hauge", "57 87 62 14", "gh@soroebo.dk"),
    "kalundborg": ("Kalundborg Hjem", "Peter Viborg Lund", "59 53 44 10", "pvl@kalundborghjem.dk"),
    "slagelse": ("Slagelse Boligselskab", "Nadia Yilmaz", "58 50 12 00", "ny@slagelsebolig.dk"),
}


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(PROSE))
def test_a_contact_s_details_in_a_later_sentence(tmp_path, make_docx, make_pdf, case, how):
    housing, name, phone, mail = PROSE[case]
    lines = ["Helhedsplan 2010-2013", "", "7. Organisering", "",
             f"Den daglige ledelse varetages af projektleder {name}, der ansættes af {housing}. "
             f"Henvendelse om helhedsplanen kan ske til {name} på tlf. {phone} eller {mail}.", "",
             "Styregruppen mødes fire gange om året. Kontakt sekretariatet på tlf. 70 20 30 40.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    facts = contact_facts(r)
    assert facts.get(name, (None, None, None))[1:] == (mail, phone.replace(" ", ""))
