"""Made-up agreements in other municipalities' names for the ways contact persons and
parties are written besides "Name, title, e-mail" in a party list: tables with a head
row, a title before the name, one field a line, parties stated in prose."""
from pathlib import Path

from samspil.loaders import extract_file

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"


def _people(report):
    return {c.name: (c.title, c.organisation, c.email, c.phone) for c in report.contacts}


def test_tables_of_people_are_read_by_their_head_row():
    """A party table ('Part | Repræsenteret ved') gives the parties and their signatories;
    a contact table ('Navn | Titel | Organisation | E-mail | Telefon') gives each person the
    organisation of their own row, and its head row is no organisation."""
    r = extract_file(LAYOUTS / "vejle_people_tables.txt")
    people = _people(r)
    assert people["Anne Kjeldsen"] == ("Direktør", "Boligselskabet Fjordbo", None, None)
    assert people["Ib Larsen"][:2] == ("Kommunaldirektør", "Vejle Kommune")
    assert people["Mette Rask"] == ("Projektleder", "Boligselskabet Fjordbo", "mr@fjordbo.dk", "75821100")
    assert people["Jonas Friis"] == ("Vejleder", "UU Vejle", "jf@vejle.dk", None)
    assert people["Sara Lind"][1] == "Sundhed og Omsorg"  # the municipality's unit
    orgs = {o.name: o for o in r.organisations}
    assert {n for n, o in orgs.items() if o.is_party} == {
        "Boligselskabet Fjordbo", "Vejle Almene Boliger", "Vejle Kommune"}
    assert not any("Titel" in n or "|" in n for n in orgs)


def test_a_contacts_organisation_is_no_label_text():
    """'Jobcenter Vejle (kontaktperson: afdelingsleder Søren Krag, ...)' in a delaftale's
    party list: the organisation is the jobcentre, and a delaftale's parties are partners."""
    r = extract_file(LAYOUTS / "vejle_people_tables.txt")
    assert _people(r)["Søren Krag"][1:3] == ("Jobcenter Vejle", "sk@vejle.dk")
    orgs = {o.name: o for o in r.organisations}
    assert not orgs["Jobcenter Vejle"].is_party
