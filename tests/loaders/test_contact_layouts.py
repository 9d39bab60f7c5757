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
    r = extract_file(LAYOUTS / "vejle_people_tables.md")
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
    r = extract_file(LAYOUTS / "vejle_people_tables.md")
    assert _people(r)["Søren Krag"][1:3] == ("Jobcenter Vejle", "sk@vejle.dk")
    orgs = {o.name: o for o in r.organisations}
    assert not orgs["Jobcenter Vejle"].is_party


def _flat(tmp_path, name):
    """The same agreement with its line breaks lost (as text copied from a web page)."""
    src = LAYOUTS / name
    flat = tmp_path / name
    flat.write_text(" ".join(src.read_text(encoding="utf-8").split()), encoding="utf-8")
    return flat


def test_contacts_outside_party_lists():
    """A steering group written 'Title Name, Unit'; a 'Kontakt' page with one field a line;
    a Kontaktperson line with a phone and no e-mail; a 'Navn: ... Titel: ...' form. Each
    person gets the unit of their own entry, else the heading the entry sits under."""
    people = _people(extract_file(LAYOUTS / "kolding_older_plan_contacts.txt"))
    assert people["Niels Dam"] == ("Formand", "Lejerbo Kolding", None, None)
    assert people["Grethe Wind"][:2] == ("Forstander", "Skovbyskolen")
    assert people["Bo Hjort"][:2] == ("Centerchef", "Kolding Kommune")
    assert people["Susanne Friis"] == ("Projektleder", "Lejerbo Kolding", "sf@lejerbo-kolding.dk", "75501234")
    assert people["Tariq Malik"] == ("virksomhedskonsulent", "Jobcenter Kolding", None, "79791234")
    assert people["Eva Storm"] == ("bibliotekar", "Kolding Bibliotekerne", None, "79792200")
    assert people["Kim Lauritsen"] == ("Afdelingsleder", "Ungdomsskolen Kolding", None, "23456789")
    assert len(people) == 7  # no heading, label or sentence read as a person


def test_parties_of_an_older_plan_written_in_a_sentence():
    """'A har i samarbejde med B og C udarbejdet denne helhedsplan': A, B and C are parties."""
    orgs = {o.name: o for o in extract_file(LAYOUTS / "kolding_older_plan_contacts.txt").organisations}
    assert {n for n, o in orgs.items() if o.is_party} == {
        "Lejerbo Kolding", "Kolding Kommune", "Boligselskabet Trekanten"}


def test_party_headings_and_a_table_of_contents(tmp_path):
    """'Samarbejdsparter' and 'Parter i delaftalen' alone on their line head party lists; the
    table of contents' 'Delaftale: X ..... 3' starts no delaftale, so the parties before
    the first real delaftale stay parties; a delaftale's list gives partners."""
    for path in (LAYOUTS / "naestved_contents_and_headings.txt",):
        r = extract_file(path)
        orgs = {o.name: o for o in r.organisations}
        assert {n for n, o in orgs.items() if o.is_party} == {
            "Boligselskabet Sjælland", "Næstved Almene Boliger", "Næstved Kommune"}
        assert not orgs["Jobcenter Næstved"].is_party
        assert _people(r)["Mia Holst"] == ("virksomhedskonsulent", "Jobcenter Næstved", None, "55881122")


def test_parties_stated_in_prose_on_a_page_run_onto_one_line():
    """'Aftalens parter er A, B, C (...) og D.dk på vegne af ...': four parties, the web
    domain kept and the clause after 'på vegne af' left out; the contact after the
    sentence has the title of its own sentence, and an entry with a phone and no e-mail is
    read too."""
    r = extract_file(LAYOUTS / "vordingborg_prose_parties.txt")
    orgs = {o.name: o for o in r.organisations}
    assert {n for n, o in orgs.items() if o.is_party} >= {
        "Vordingborg Kommune", "Boligselskabet Sydkysten", "Bolig.dk"}
    assert any(n.startswith("BSV") and o.is_party for n, o in orgs.items())
    assert _people(r)["Lene Falk"] == ("Projektleder", "Boligselskabet Sydkysten", "lf@sydkysten.dk", None)
    assert _people(r)["Ole Vang"] == ("SSP-konsulent", "SSP Vordingborg", None, "22334455")  # a phone, no e-mail


def test_a_delaftale_names_the_parties_of_the_whole_agreement(tmp_path):
    """A delaftale that 'udmønter den strategiske samarbejdsaftale mellem A, B og C for ...'
    names the agreement's parties; its own list under 'Parter i delaftalen' gives partners
    and their contacts ('Org – Unit' then 'Name, title, phone'), and the heading of the
    text after the list is no organisation."""
    for path in (LAYOUTS / "faxe_delaftale_prose.txt", _flat(tmp_path, "faxe_delaftale_prose.txt")):
        r = extract_file(path)
        orgs = {o.name: o for o in r.organisations}
        assert {"Faxe Boligselskab", "Boligselskabet Køgebugt", "Faxe Kommune"} <= {
            n for n, o in orgs.items() if o.is_party}
        assert "Problemstilling" not in orgs
    r = extract_file(LAYOUTS / "faxe_delaftale_prose.txt")
    assert _people(r)["Jens Brix"] == ("teamleder", "Jobcenter Faxe", None, "56203040")
    assert _people(r)["Bente Kure"][:2] == ("koordinator", "Faxe Frivilligcenter")
    assert not {n: o for n, o in ((o.name, o) for o in r.organisations)}["Jobcenter Faxe"].is_party


def test_a_title_for_a_domain_and_a_unit_for_topics(tmp_path):
    """'rådmand for Børn og Familie Søren Rask': the words after 'for' are the title's domain,
    no person, and the municipality before the comma is his organisation; 'Center for
    Læring og Trivsel' in a party list is one unit; a label line ('Underskrevet af:') is
    no organisation. The same with the line breaks lost."""
    for path in (LAYOUTS / "herning_titles_for_units.txt", _flat(tmp_path, "herning_titles_for_units.txt")):
        r = extract_file(path)
        assert {c.name: c.organisation for c in r.contacts} == {
            "Lone Vinther": "Boligselskabet Herning", "Søren Rask": "Herning Kommune",
            "Jette Bruun": "Center for Læring og Trivsel"}
        names = {o.name for o in r.organisations}
        assert "Center for Læring og Trivsel" in names and "Trivsel" not in names
        assert not any(n.startswith("Underskrevet") for n in names)


def test_a_party_table_ends_the_party_list():
    """What follows a party table ('Økonomi', a budget line) is no party."""
    orgs = {o.name for o in extract_file(LAYOUTS / "vejle_people_tables.md").organisations}
    assert orgs == {"Boligselskabet Fjordbo", "Vejle Almene Boliger", "Vejle Kommune", "UU Vejle",
                    "Sundhed og Omsorg", "Jobcenter Vejle"}


def test_tables_of_people_whose_line_breaks_were_lost(tmp_path):
    """The same tables run onto one line (their cells still between '|'): the rows are dealt
    out by the head row, so each person keeps their own row's organisation, and the party
    table still gives the parties."""
    r = extract_file(_flat(tmp_path, "vejle_people_tables.md"))
    people = _people(r)
    assert people["Anne Kjeldsen"] == ("Direktør", "Boligselskabet Fjordbo", None, None)
    assert people["Mette Rask"] == ("Projektleder", "Boligselskabet Fjordbo", "mr@fjordbo.dk", "75821100")
    assert people["Jonas Friis"] == ("Vejleder", "UU Vejle", "jf@vejle.dk", None)  # an empty phone cell
    assert people["Sara Lind"][1:] == ("Sundhed og Omsorg", "sl@vejle.dk", "76810000")
    assert people["Søren Krag"][0] == "afdelingsleder"
    assert {o.name for o in r.organisations if o.is_party} == {
        "Boligselskabet Fjordbo", "Vejle Almene Boliger", "Vejle Kommune"}


def test_a_name_two_organisations_answer_to_joins_the_same_one_every_run():
    """A mention whose names match two organisations found so far ('BUF' a partner, the
    written-out name a party) joins the first-seen one, whatever the order of a set of
    name keys is in this run (Python varies it with PYTHONHASHSEED)."""
    import os
    import subprocess
    import sys

    code = ("from samspil.loaders.extract.orgs import _Index\n"
            "from samspil.loaders.model import Organisation\n"
            "i = _Index()\n"
            "for n in ('Tønder Boligforvaltning', 'TBF', 'Teknisk Forvaltning', 'Kulturhuset Tønder'):\n"
            "    i.add(Organisation(name=n, aliases=[], type='other'))\n"
            "print(i.find(['Kulturhuset Tønder', 'Teknisk Forvaltning', 'TBF', 'Tønder Boligforvaltning']).name)\n")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip() for seed in range(8)}
    assert seen == {"Tønder Boligforvaltning"}


def test_an_abbreviation_with_its_town_and_a_unit_before_a_dash(tmp_path):
    """'Holstebro Boligforening (HBF Holstebro)' in a party table is the party with an alias;
    'Kontakt: Holstebro Frivilligcenter – Maja Lund, leder' under a delaftale's party list:
    the unit before the dash, not the list's last entry."""
    src = tmp_path / "holstebro.txt"
    src.write_text("Strategisk samarbejdsaftale for Nørrebakken 2025-2028\n\nParter\n\n"
                   "Part\tRepræsentant\nHolstebro Boligforening (HBF Holstebro)\tDirektør Lars Vind\n"
                   "Holstebro Kommune\tBorgmester Eva Dahl\n\nDelaftale: Sammenhængskraft\n\n"
                   "Delaftalens parter: Kultur og Fritid, Holstebro Kommune; Holstebro Frivilligcenter; "
                   "afdelingsbestyrelsen i Nørrebakken.\n"
                   "Kontakt: Holstebro Frivilligcenter – Maja Lund, leder, ml@frivillig-holstebro.dk\n",
                   encoding="utf-8")
    r = extract_file(src)
    orgs = {o.name: o for o in r.organisations}
    assert orgs["Holstebro Boligforening"].is_party and "HBF Holstebro" in orgs["Holstebro Boligforening"].aliases
    assert _people(r)["Maja Lund"][1:3] == ("Holstebro Frivilligcenter", "ml@frivillig-holstebro.dk")
    assert _people(r)["Lars Vind"][:2] == ("Direktør", "Holstebro Boligforening")


def test_a_contact_label_naming_its_organisation(tmp_path):
    """'Kontaktperson i Holstebro Kommune: Pia Holt, Børne- og Ungeforvaltningen, ph@...': the
    label names the municipality, the entry its unit."""
    src = tmp_path / "holstebro.txt"
    src.write_text("Helhedsplan for Nørrebakken 2012-2015\n\nKontakt\n\n"
                   "Kontaktperson i Holstebro Kommune: Pia Holt, Børne- og Ungeforvaltningen, ph@holstebro.dk\n",
                   encoding="utf-8")
    assert _people(extract_file(src))["Pia Holt"][1:3] == ("Børne- og Ungeforvaltningen", "ph@holstebro.dk")
