"""A contact's label misspelt ("Kontakperson:", "Kontatkperson:") and the last contact line right
above "Problemkompleks for indsatsområdet" (set K's delaftale and a new user's trial, session 15:
"Kontakperson" became an organisation merged across plans, and the contact's line - name, e-mail
and phone - became a focus area, the API showing a hidden address). Made-up delaftaler of three
municipalities, as written, flattened and Word."""
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, name_key, wanted_contacts  # noqa: E402

CASES = {
    "glostrup": ("Glostrup", "Boligselskabet Vestergården", "Kim Rask", "kimr@vestergaarden.dk", "40 11 28 63"),
    "tarnby": ("Tårnby", "Tårnby Almene Boliger", "Eva Lind", "el@taarnbybolig.dk", "32 50 11 22"),
    "greve": ("Greve", "Boligselskabet Hundige", "Omar Saleh", "os@hundigebo.dk", "43 97 12 12"),
}


def _lines(town, housing, name, mail, phone):
    return ["Delaftale for indsatsområdet Kriminalitetsforebyggelse", "",
            f"Navn på den boligsociale indsats, som delaftalen vedrører: Helhedsplan Vest, {town}", "",
            "Delaftalens parter:", "", f"{town} Kommune, SSP {town}",
            f"Kontakperson: Tobias Krogh, SSP-konsulent, SSP {town}, tk@{town.lower()}.dk, 43 23 61 48", "",
            housing, f"Kontatkperson: {name}, driftschef, {mail}, {phone}", "",
            "Problemkompleks for indsatsområdet", "", "Der er uro i området om aftenen.", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_misspelt_contact_label_and_a_contact_over_the_problem_heading(tmp_path, make_docx, make_pdf, case, how):
    town, housing, name, mail, phone = CASES[case]
    r = _extract(tmp_path, _lines(town, housing, name, mail, phone), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Kriminalitetsforebyggelse"]
    assert not any("@" in fa.name or re.search(r"\d{2} \d{2}", fa.name) for fa in r.focus_areas)
    assert not {name_key(o.name) for o in r.organisations} & {"kontakperson", "kontatkperson"}
    assert contact_facts(r).get(name) == wanted_contacts({name: (housing, mail, phone.replace(" ", ""))})[name]


# an activity's target-group label misspelt ("Målgrupe(r):", "Målgruper:"), the document's
# line breaks lost (set L's strategic agreement, flattened): the activity's name ran on into
# the label and its target group
ACTIVITIES = {
    "dragoer": ("Dragør", "Lektier i Hollænderhuset", "Målgrupe(r):", "Børn i 4.-7. klasse"),
    "allerod": ("Allerød", "Familiestart Lillerød", "Målgruper:", "Forældre til børn 0-3 år"),
    "rebild": ("Rebild", "Jobklar Støvring", "Malgrupe(r):", "Ledige voksne 30-55 år"),
}


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(ACTIVITIES))
def test_a_misspelt_target_group_label_ends_the_activity_name(tmp_path, make_docx, make_pdf, case, how):
    town, activity, label, group = ACTIVITIES[case]
    lines = ["Delaftale for indsatsområdet Uddannelse og livschancer", "",
             f"Navn på den boligsociale indsats, som delaftalen vedrører: Helhedsplan Nord, {town}", "",
             "Delaftalens parter:", "", f"{town} Kommune", f"Boligselskabet {town} Nord", "",
             "Aktivitetsnavn: " + activity, f"{label} {group}.",
             "Beskrivelse: Aktiviteten holdes to gange om ugen i beboerhuset.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [a.name for a in r.activities] == [activity]


# a contact's entry naming their housing organisation by its short name after the title and
# name ("Kontaktperson: Beboerkonsulent Dorte Ærenlund, Søvang Hjem, doa@x.dk, 4016 9382", set M,
# session 16): the short name is no second person who takes the e-mail and phone; a signatory's
# title has no "– dato 28.11.2023"
SHORT_NAMES = {
    "struer": ("Boligselskabet Holmehjem", "Dorte Ærenlund", "doa@holmehjem.dk", "4016 9382"),
    "odder": ("Boligforeningen Rosenly", "Kasper Bøg", "kb@rosenly.dk", "8780 1122"),
    "morsoe": ("Boligselskabet Fjordlyst", "Inge Skov", "is@fjordlyst.dk", "9772 3344"),
}


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(SHORT_NAMES))
def test_a_housing_organisation_s_short_name_in_a_contact_entry(tmp_path, make_docx, make_pdf, case, how):
    housing, name, mail, phone = SHORT_NAMES[case]
    short = housing.split(" ", 1)[1]
    lines = ["Delaftale for indsatsområdet Uddannelse og livschancer", "", "Delaftalens parter:", housing,
             f"Kontaktperson: Beboerkonsulent {name}, {short}, {mail}, {phone}", "", "Underskrifter:",
             f"For {short}: Jens Holm, direktør – dato 28.11.2023", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    facts = contact_facts(r)
    assert facts.get(name, (None, None, None))[1:] == (mail, phone.replace(" ", ""))
    assert name_key(short) not in {name_key(c.name) for c in r.contacts}
    assert {c.name: c.title for c in r.contacts}.get("Jens Holm") == "direktør"
