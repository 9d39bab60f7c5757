"""Forms a new user outside Copenhagen wrote (session 12's trial, made-up plans in three
municipalities; as written, with the line breaks lost, in Word and PDF):

* a party list in bullets followed by the heading "Aftalens periode" (no colon): the heading
  is no party;
* "Helhedsplanen er udarbejdet af A og B i tæt samarbejde med C Kommune": A and B are the
  parties (B was "B i tæt samarbejde med"), the municipality that only co-operates is not;
* "Den daglige ledelse varetages af projektleder X, som er ansat i A. X kan kontaktes på
  tlf. ... eller e-mail ...": X works for A, with that phone and e-mail (her organisation was
  "Den daglige ledelse varetages af", her details lost);
* "Sammen med Jobcenter X etableres en jobcafé": the jobcentre is the plan's partner.
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "skive": ("Skive", "Skive Boligselskab", "Boligforeningen Skive", "Line Krogh", "lk@skivebolig.dk", "97 51 22 33"),
    "struer": ("Struer", "Struer Boligselskab", "Boligforeningen Vestbo", "Mads Friis", "mf@struerbolig.dk",
               "96 84 10 20"),
    "ringsted": ("Ringsted", "Boligselskabet Ringsted", "Ringsted Boligforening", "Sara Holt", "sh@ringbo.dk",
                 "57 61 44 55"),
}


def _agreement(town, first, second, person, mail, phone):
    return ["Strategisk samarbejdsaftale", "", f"Boligsocial helhedsplan: Nordparken {town} 2024-2027", "",
            "Aftalens parter", "Aftalen er indgået mellem følgende parter:",
            f"• {first}", f"• {second}", f"• {town} Kommune", "",
            "Aftalens periode", "Aftalen gælder for perioden 1. januar 2024 til 31. december 2027.", "",
            "Boligområdet", "Helhedsplanen dækker afdelingerne Nordparken og Sydparken.", ""]


def _older_plan(town, first, second, person, mail, phone):
    return [f"Boligsocial helhedsplan for Nordparken {town}", "Perioden 2010-2014", "", "1. Indledning", "",
            f"Helhedsplanen er udarbejdet af {first} og {second} i tæt samarbejde med {town} Kommune og "
            "afdelingsbestyrelserne.", "", "2. Organisering", "",
            f"Den daglige ledelse varetages af projektleder {person}, som er ansat i {first}. {person} kan "
            f"kontaktes på tlf. {phone} eller e-mail {mail}.", "", "3. Beskæftigelse", "",
            f"Sammen med Jobcenter {town} etableres en ugentlig jobcafé, hvor ledige beboere får hjælp til "
            "ansøgninger.", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_period_heading_after_the_party_list_is_no_party(tmp_path, make_docx, make_pdf, case, how):
    town, first, second, *_ = CASES[case]
    r = _extract(tmp_path, _agreement(*CASES[case]), how, make_docx, make_pdf)
    assert {_key(o.name) for o in r.organisations if o.is_party} == {_key(first), _key(second),
                                                                     _key(f"{town} Kommune")}


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_older_plans_parties_manager_and_partner_in_prose(tmp_path, make_docx, make_pdf, case, how):
    town, first, second, person, mail, phone = CASES[case]
    r = _extract(tmp_path, _older_plan(*CASES[case]), how, make_docx, make_pdf)
    assert {_key(o.name) for o in r.organisations if o.is_party} == {_key(first), _key(second)}
    contact = {c.name: c for c in r.contacts}[person]
    assert (_key(contact.organisation), contact.email, contact.phone) == (_key(first), mail, phone.replace(" ", ""))
    roles = {_key(o.name): o.roles for o in r.organisations}
    assert "partner" in roles[_key(f"Jobcenter {town}")]
