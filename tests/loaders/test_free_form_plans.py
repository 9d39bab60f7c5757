"""An older free-form helhedsplan as a new user outside Copenhagen brings it (made-up plans in
three municipalities; as written, with the line breaks lost, in Word and PDF):

* lettered areas under an "Indsatser" heading ("A. Uddannelse og beskæftigelse") are the
  plan's focus areas (only "Indsatsområder" / "Delaftaler" introduced such a list);
* "Helhedsplanen samarbejder med SSP Vejle og Sydøstjyllands Politi om ..." makes both
  partners of the plan, while an organisation only mentioned ("Vejle Bibliotek har åbent")
  and the fund that supports every plan ("støttet af Landsbyggefonden") stay mentioned;
* "Projektleder er Karen Holm, tlf. ..." gives the title "Projektleder" and no organisation
  "Projektleder er".
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "vejle": ("Vejle", "Nordbyen", "Boligselskabet Sydbo", "SSP Vejle", "Sydøstjyllands Politi", "Vejle Bibliotek",
              "Karen Holm", "kh@sydbo.dk", "23 45 67 89"),
    "holstebro": ("Holstebro", "Trekanten", "Holstebro Boligforening", "Jobcenter Holstebro",
                  "Holstebro Ungdomsskole", "Holstebro Musikskole", "Mads Krogh", "mk@hbf.dk", "41 22 33 44"),
    "naestved": ("Næstved", "Kalbyris", "Næstved Boligselskab", "UU Næstved", "Næstved Frivilligcenter",
                 "Næstved Svømmehal", "Sofie Berg", "sb@nbs.dk", "60 70 80 90"),
}
AREAS = ["Uddannelse og beskæftigelse", "Børn og unge", "Sundhed og trivsel"]


def _lines(town, area, housing, partner1, partner2, other, person, mail, phone):
    return [f"Boligsocial helhedsplan for {area} 2009-2012", "",
            f"Helhedsplanen er udarbejdet af {housing} og {town} Kommune.", "",
            "Indsatser", "",
            f"A. {AREAS[0]}",
            f"Helhedsplanen samarbejder med {partner1} og {partner2} om at få de unge i uddannelse og job.", "",
            f"B. {AREAS[1]}",
            f"{other} har åbent for alle hver dag. Lektiecaféen holder åbent to dage om ugen.", "",
            f"C. {AREAS[2]}",
            "Der holdes motionshold og fællesspisning i beboerhuset.", "",
            "Helhedsplanen er støttet af Landsbyggefonden.", "",
            "Kontakt",
            f"Projektleder er {person}, tlf. {phone}, e-mail {mail}."]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_free_form_plan_areas_collaborators_and_contact(tmp_path, make_docx, make_pdf, case, how):
    town, area, housing, partner1, partner2, other, person, mail, phone = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == AREAS
    roles = {_key(o.name): set(o.roles) for o in r.organisations}
    assert "partner" in roles[_key(partner1)] and "partner" in roles[_key(partner2)]
    assert "partner" not in roles[_key(other)] and "partner" not in roles[_key("Landsbyggefonden")]
    assert {_key(o.name) for o in r.organisations if o.is_party} == {_key(housing), _key(f"{town} Kommune")}
    assert not [n for n in roles if n.startswith("projektleder")]
    contact = {c.name: c for c in r.contacts}[person]
    assert (contact.title, contact.email, contact.phone) == ("Projektleder", mail, phone.replace(" ", ""))
