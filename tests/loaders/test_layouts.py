"""Made-up agreements in other municipalities' names, one per class of layout that
real agreements have (issue 10): a delaftale whose page text lost its line
breaks, departments named in prose, a signature block with unfilled fields."""
import re
from pathlib import Path

import pytest

from samspil.loaders import extract_file

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"


def _orgs(report):
    return {o.name: o for o in report.organisations}


def test_a_delaftale_on_one_line_keeps_its_labels():
    r = extract_file(LAYOUTS / "randers_delaftale_oneline.txt")
    assert r.plan.name == "Engparken" and r.plan.document_type == "sub_agreement"
    assert (r.plan.period_start, r.plan.period_end) == ("2024-01-01", "2027-12-31")
    assert r.plan.municipality == "Randers Kommune"
    orgs = _orgs(r)
    assert {"Boligselskabet Fjord", "Randers Kommune"} <= set(orgs)  # "A og B" split into two parties
    assert not any(" og " in name for name in orgs)
    people = {c.name: c for c in r.contacts}
    assert people["Peter Lund"].email == "peter.lund@randers.dk" and people["Peter Lund"].phone == "89151515"
    assert people["Anne Holm"].phone == "40112233"
    assert all(c.organisation is None or ":" not in c.organisation for c in r.contacts)  # not a label line
    assert [(a.name, a.focus_area) for a in r.activities] == [("Sund i Engparken", "Sundhed")]
    assert [f.name for f in r.focus_areas] == ["Sundhed"]


def test_departments_named_in_prose():
    r = extract_file(LAYOUTS / "aalborg_prose_zones.txt")
    zones = {z.name: z for z in r.zones}
    assert (zones["Kildevang"].housing_organisation, zones["Kildevang"].units) == ("Boligselskabet Fjord", 180)
    assert (zones["Engtoften"].units, zones["Engtoften"].part_of) == (312, "Bakkely")
    assert zones["Solsikken"].housing_organisation == "Himmerland Boligforening"
    assert zones["Bakkely"].type == "district"
    assert "Skovbrynet" not in zones  # "som ikke indgår i helhedsplanen"
    orgs = _orgs(r)
    assert orgs["Aalborg Kommune"].type == "municipality"
    assert all(orgs[n].is_party for n in ("Boligselskabet Fjord", "Himmerland Boligforening", "Aalborg Kommune"))


def test_a_signature_block_with_unfilled_fields():
    r = extract_file(LAYOUTS / "slagelse_signatures.txt")
    orgs = _orgs(r)
    assert set(orgs) == {"Boligselskabet Vest", "Bolig Nord", "Slagelse Kommune"}
    assert all(o.is_party for o in orgs.values())
    assert orgs["Bolig Nord"].type == "housing_organisation"
    assert r.contacts == []  # "Dato Navn" names nobody
    assert r.plan.name == "Skovparken" and r.plan.period_start == "2023-01-01"


def test_an_older_plan_with_numbered_indsatsomraader_and_activity_titles_on_the_next_line():
    r = extract_file(LAYOUTS / "horsens_older_plan.txt")
    assert r.plan.document_type == "master_plan" and (r.plan.period_start, r.plan.period_end) == (
        "2012-01-01", "2016-12-31")
    assert [f.name for f in r.focus_areas] == ["Børn og unge", "Sundhed"]
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Lektiecafé i Sundparken", "Fritidsjob", "Motion for kvinder"}  # not "Aktivitet 1"
    assert acts["Motion for kvinder"].focus_area == "Sundhed"
    assert acts["Lektiecafé i Sundparken"].partners == ["Dansk Røde Kors"]  # a genitive-looking name
    assert acts["Motion for kvinder"].partners == ["Horsens håndboldklub"]  # a lower-case head noun
    assert "women" in acts["Motion for kvinder"].target_groups and "youth" in acts["Fritidsjob"].target_groups
    assert "Organisering" not in acts


def test_person_first_entries_keep_title_and_unit_apart():
    r = extract_file(LAYOUTS / "vejle_person_first.txt")
    people = {c.name: c for c in r.contacts}
    assert (people["Peter Lund"].title, people["Peter Lund"].organisation) == ("Planlægger", "Teknik, Plan og Miljø")
    assert (people["Anne Holm"].title, people["Anne Holm"].organisation) == ("Afdelingsleder", "Jobcenter Vejle")
    orgs = _orgs(r)
    assert orgs["Vejle Kommune"].is_party and orgs["AAB Vejle"].is_party
    assert not orgs["Jobcenter Vejle"].is_party  # a delaftale's party is a partner
    assert r.activities[0].partners == ["Jobcenter Vejle"]  # named in its Ansvars- og rollefordeling


def test_target_group_words_inside_an_organisations_name_are_no_target_group(tmp_path):
    text = ("Delaftale for indsatsområdet Beskæftigelse\n\nNavn på den boligsociale indsats, som delaftalen "
            "vedrører: Vestparken\n\nDelaftalens parter:\nCenter for Børn, unge og familier, Odense Kommune\n"
            "Jobcenter Odense\n\nAktivitetsnavn: Jobcafé\n\nMålgruppe(r): Ledige over 30 år\n\nIndhold og praksis: "
            "Center for Børn, unge og familier og Jobcenter Odense holder jobcafé hver uge.\n")
    path = tmp_path / "odense.txt"
    path.write_text(text, encoding="utf-8")
    r = extract_file(path)
    assert "Center for Børn, unge og familier" in _orgs(r)
    categories = {g.category for g in r.target_groups}
    assert "unemployed" in categories
    assert not categories & {"children", "youth", "parents_families"}


def test_run_on_contents_of_an_older_plan_give_focus_areas_and_projects():
    r = extract_file(LAYOUTS / "naestved_runon_contents.txt")
    assert [f.name for f in r.focus_areas] == ["Fællesskab", "Beskæftigelse"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Lektiecafé", "Fællesskab"), ("Fælles madklub", "Fællesskab"), ("Jobklub", "Beskæftigelse")]
    orgs = _orgs(r)
    assert orgs["Boligselskabet Skoven"].is_party and orgs["Næstved Kommune"].is_party  # "er udarbejdet af"
    assert r.plan.municipality == "Næstved Kommune"


def test_contacts_written_as_forms_one_field_a_line(tmp_path):
    """'Navn:', 'Titel:', 'E-mail:', 'Telefon:' on lines of their own, under 'Kontaktperson:'
    (also with the whole text on one line); 'Aarhus Kommune, Børn og Unge' keeps its unit whole."""
    src = LAYOUTS / "aarhus_contact_forms.txt"
    r = extract_file(src)
    people = {c.name: (c.title, c.email, c.phone, c.organisation) for c in r.contacts}
    assert people == {
        "Mette Kjærgaard": ("Boligsocial leder", "mkj@brabrand-bolig.dk", "87441234", "Brabrand Boligforening"),
        "Jens Peter Holm": ("Skoleleder", "jph@aarhus.dk", "41852210", "Børn og Unge"),
    }
    assert set(_orgs(r)) == {"Brabrand Boligforening", "Aarhus Kommune", "Børn og Unge"}  # no "Navn", "E-mail"
    flat = tmp_path / src.name
    flat.write_text(" ".join(src.read_text(encoding="utf-8").split()), encoding="utf-8")
    assert {c.name: (c.email, c.phone) for c in extract_file(flat).contacts} == {
        n: (p[1], p[2]) for n, p in people.items()}


def test_a_party_table_with_a_head_row(tmp_path):
    """'Organisation<TAB>Kontaktperson<TAB>E-mail<TAB>Telefon' rows: the head row names no
    organisation, the rows give parties and their contacts (also with the text on one
    line), and the sentence after the table is not a party."""
    src = LAYOUTS / "odense_party_table.txt"
    flat = tmp_path / src.name
    flat.write_text(" ".join(src.read_text(encoding="utf-8").split()), encoding="utf-8")
    for path in (src, flat):
        r = extract_file(path)
        assert {n for n, o in _orgs(r).items() if o.is_party} == set(_orgs(r)) == {
            "Fyns Almennyttige Boligselskab", "Civica", "Odense Kommune"}
        assert {c.name: (c.email, c.organisation) for c in r.contacts} == {
            "Lise Hansen": ("lh@fab.dk", "Fyns Almennyttige Boligselskab"),
            "Ole Bak": ("ob@civica.dk", "Civica"),
            "Karen Mortensen": ("kamo@odense.dk", "Odense Kommune")}
        assert (r.plan.period_start, r.plan.period_end) == ("2021-04-01", "2024-03-31")


def test_activities_under_labelled_headings(tmp_path):
    """'Aktivitet 1: X' / 'Delprojekt 3: X' headings followed by Formål / Målgruppe fields,
    under 'Indsatsområde N: Y' heads (also with the text on one line)."""
    src = LAYOUTS / "horsens_labelled_activities.txt"
    flat = tmp_path / src.name
    flat.write_text(" ".join(src.read_text(encoding="utf-8").split()), encoding="utf-8")
    for path in (src, flat):
        r = extract_file(path)
        assert [(a.name, a.focus_area) for a in r.activities] == [
            ("Lektiecafé i Sundparken", "Børn og unge"), ("Fritidsjob for unge", "Børn og unge"),
            ("Jobcafé", "Beskæftigelse")]
        acts = {a.name: a for a in r.activities}
        assert acts["Lektiecafé i Sundparken"].partners == ["Sundparkens Skole", "Horsens Bibliotek"]
        assert acts["Jobcafé"].target_groups == ["adults", "unemployed"]
        assert [f.name for f in r.focus_areas] == ["Børn og unge", "Beskæftigelse"]


def test_signatures_under_lines_with_for_and_a_place_and_date():
    """'For Aarhus Kommune', a line to sign on, 'Rådmand Anders Winnerskjold', and
    'Aarhus, den 1. marts 2023': two signatories of two parties, no other organisation."""
    r = extract_file(LAYOUTS / "aarhus_signature_lines.txt")
    assert set(_orgs(r)) == {"Brabrand Boligforening", "Aarhus Kommune"}
    assert {c.name: (c.title, c.organisation) for c in r.contacts} == {
        "Anders Winnerskjold": ("Rådmand", "Aarhus Kommune"),
        "Keld Albrechtsen": ("Formand", "Brabrand Boligforening")}


def test_projects_labelled_under_numbered_focus_areas():
    """An older plan: '3. Indsatsområder', '3.1 Beskæftigelse og uddannelse', then
    'Projekt: Jobbutikken' with its fields: each project an activity of its section."""
    r = extract_file(LAYOUTS / "odense_older_plan_projects.txt")
    assert r.plan.document_type == "master_plan" and r.plan.municipality == "Odense Kommune"
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Jobbutikken", "Beskæftigelse og uddannelse"), ("Lektiehjælp", "Beskæftigelse og uddannelse"),
        ("Sund i Vollsmose", "Sundhed og trivsel")]
    assert set(next(a for a in r.activities if a.name == "Jobbutikken").partners) == {
        "Jobcenter Odense", "Vollsmose Bibliotek"}
    assert _orgs(r)["Abildgårdskolen"].type == "school"  # a compound school name
    assert {n for n, o in _orgs(r).items() if o.is_party} == {"Civica", "FAB", "Odense Kommune"}


def test_party_rows_labelled_boligorganisation_and_kommune(tmp_path):
    """'Aftalens parter:' with rows 'Boligorganisation(er): X' and 'Kommune: Y Kommune', as
    written and with the text on one line ('... Sct. Jørgen Kommune: Holbæk Kommune')."""
    src = LAYOUTS / "holbaek_party_rows.txt"
    flat = tmp_path / src.name
    flat.write_text(" ".join(src.read_text(encoding="utf-8").split()), encoding="utf-8")
    for path in (src, flat):
        r = extract_file(path)
        assert {n: (o.is_party, o.type) for n, o in _orgs(r).items()} == {
            "Boligselskabet Sct. Jørgen": (True, "housing_organisation"), "Holbæk Kommune": (True, "municipality")}
        assert (r.plan.name, r.plan.municipality, r.plan.period_start) == ("Skovparken", "Holbæk Kommune", "2022-01-01")


def test_names_without_cue_words_in_running_text():
    """A lower-case head noun ('Randers håndboldklub'), foundations with no space
    ('Trygfonden'), a club ('Lions Club Randers') and a name that starts with a digit
    ('5B') in a list of organisations; the department list has none of that."""
    orgs = _orgs(extract_file(LAYOUTS / "randers_hard_names.txt"))
    assert {"Randers håndboldklub", "Velux Fonden", "Trygfonden", "Red Barnet", "Lions Club Randers",
            "5B"} <= set(orgs)
    assert "5B" in extract_file(LAYOUTS / "randers_hard_names.txt").activities[0].partners
    assert orgs["Lions Club Randers"].type == "ngo" and orgs["Randers håndboldklub"].type == "ngo"  # a members' club (as the annotations type them)


def test_web_pages_with_html_and_page_numbers_in_front_keep_activity_names():
    """Each page on one line with its number in front and HTML in it; an activity's
    name is the next page's first words ("2 Uddannelsesvejledning ..."): the page
    number is no part of the name, wherever the markup cuts the line."""
    r = extract_file(LAYOUTS / "esbjerg_web_pages_html.txt")
    assert [a.name for a in r.activities] == ["Uddannelsesvejledning i Stengårdsparken", "Lektiecafé i beboerhuset"]
    assert all(not a.sources[0].excerpt[:1].isdigit() for a in r.activities)
    people = {c.name: c for c in r.contacts}
    assert people["Lise Bang"].organisation == "Ungdommens Uddannelsesvejledning Esbjerg"
    assert people["Mads Krogh"].phone == "35259200"


@pytest.mark.parametrize("flat", [False, True], ids=["as written", "on one line"])
def test_an_older_plan_with_project_fields_and_person_first_project_leaders(flat, tmp_path):
    """An older plan's projects ("Projektets navn:", "Projektleder: Name, Unit, e-mail"),
    departments listed with their numbers and dwellings in brackets, parties "i fællesskab";
    the same with the whole text on one line."""
    path = LAYOUTS / "odense_project_fields_2011.txt"
    if flat:
        path = tmp_path / path.name
        path.write_text("1 " + " ".join((LAYOUTS / path.name).read_text(encoding="utf-8").split()), encoding="utf-8")
    r = extract_file(path)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Lektiehjælp i Vollsmose", "Ungeklubben", "Job i Vollsmose", "Sund Familie"}
    assert acts["Job i Vollsmose"].focus_area == "Beskæftigelse og uddannelse"
    # the Målgruppe field, not the "Beskrivelse:" after it ("Frivillige lektiehjælpere ...")
    assert acts["Lektiehjælp i Vollsmose"].target_groups == ["children", "parents_families"]
    assert acts["Lektiehjælp i Vollsmose"].contacts == ["Hanne Sørensen"]  # its Projektleder
    people = {c.name: c for c in r.contacts}
    assert {n: (c.title, c.organisation) for n, c in people.items()} == {
        "Hanne Sørensen": ("Projektleder", "Civica"),
        "Ali Hassan": ("Projektleder", "Børn- og Ungeforvaltningen"),  # the unit, not its municipality
        "Karen Mortensen": ("Projektleder", "Jobcenter Odense"),
        "Mette Lund": ("Projektleder", "Sundhedsplejen")}
    orgs = _orgs(r)
    assert {n for n, o in orgs.items() if o.is_party} == {"Civica", "Fyns almennyttige Boligselskab", "Odense Kommune"}
    assert {"Foreningen Nydansker", "Odense Bibliotekerne", "Sundhedsplejen", "Børn- og Ungeforvaltningen"} <= set(orgs)
    zones = {z.name: z for z in r.zones}
    assert set(zones) == {"Bøgeparken", "Egeparken", "Granparken", "Vollsmose"}  # no "Afd. 780"
    assert zones["Vollsmose"].type == "district"  # the plan's area, named by its title (as the annotations do)
    assert (zones["Bøgeparken"].aliases, zones["Bøgeparken"].units) == (["afd. 4"], 780)


def test_contacts_with_their_unit_in_brackets():
    """ "Sekretariatsleder Mette Bruun (Brabrand Boligforening), mbr@..." : the unit in
    brackets is the person's organisation; a bracket that names no person ("Sociale
    Forhold og Beskæftigelse") does not take the e-mail of the person before it."""
    r = extract_file(LAYOUTS / "aarhus_board_members.txt")
    people = {c.name: (c.title, c.organisation, c.email) for c in r.contacts}
    assert people == {
        "Mette Bruun": ("Sekretariatsleder", "Brabrand Boligforening", "mbr@bbbo.dk"),
        "Jonas Vad": ("Områdeleder", "Sociale Forhold og Beskæftigelse", "jova@aarhus.dk"),
        # the board's members are role holders (SCHEMA): contacts, here without details
        "Keld Laursen": ("Formand", "Brabrand Boligforening", None), "Karen Jensen": ("Direktør", "Alboa", None),
        "Søren Hald": (None, "Børn og Unge", None), "Lone Friis": ("Politiinspektør", "Østjyllands Politi", None)}
    assert {o.name for o in r.organisations if o.is_party} == {"Brabrand Boligforening", "Alboa", "Aarhus Kommune"}


@pytest.mark.parametrize("flat", [False, True], ids=["as written", "on one line"])
def test_activities_numbered_within_their_focus_area(flat, tmp_path):
    """ "Aktivitet 1.1 Lektiecafé" under "Indsatsområde 1: ...": the number is no part of
    the name; "Syd- og Sønderjyllands Politi" is one organisation."""
    path = LAYOUTS / "esbjerg_numbered_activities.txt"
    if flat:
        path = tmp_path / path.name
        path.write_text("1 " + " ".join((LAYOUTS / path.name).read_text(encoding="utf-8").split()), encoding="utf-8")
    r = extract_file(path)
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Lektiecafé", "Uddannelse, livschancer og beskæftigelse"),
        ("Jobformidling", "Uddannelse, livschancer og beskæftigelse"), ("Gadeplan", "Kriminalitetsforebyggelse")]
    orgs = {o.name for o in r.organisations}
    assert "Syd- og Sønderjyllands Politi" in orgs and "Sønderjyllands Politi" not in orgs
    assert set(r.activities[2].partners) == {"SSP Esbjerg", "Syd- og Sønderjyllands Politi"}


def test_activities_under_word_headings_without_numbers(tmp_path):
    """A Word plan whose activities are headings (no number, no label) with their fields
    below, under "Indsatsområde: X" headings."""
    import docx

    d = docx.Document()
    d.add_heading("Boligsocial helhedsplan for Vejleå Park 2018-2021", 0)
    d.add_paragraph("Helhedsplanen er et samarbejde mellem Ishøj Boligselskab, KAB og Ishøj Kommune.")
    for area, acts in (("Uddannelse og beskæftigelse", [("Lektiecafé i Vejleå Park", "Børn i 4.-10. klasse"),
                                                        ("Jobklubben", "Ledige mellem 25 og 60 år")]),
                       ("Tryghed og trivsel", [("Nattevandring", "Unge over 15 år")])):
        d.add_heading(f"Indsatsområde: {area}", 1)
        for name, target in acts:
            d.add_heading(name, 2)
            d.add_paragraph("Formål: At styrke beboernes muligheder.")
            d.add_paragraph(f"Målgruppe: {target}")
    path = tmp_path / "ishoj.docx"
    d.save(str(path))
    r = extract_file(path)
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Lektiecafé i Vejleå Park", "Uddannelse og beskæftigelse"), ("Jobklubben", "Uddannelse og beskæftigelse"),
        ("Nattevandring", "Tryghed og trivsel")]
    assert [a.target_groups for a in r.activities] == [["children"], ["adults", "unemployed"], ["youth"]]


def test_a_flattened_party_list_keeps_a_person_without_e_mail_apart_from_the_next_entry(tmp_path):
    """ "..., Kenneth Holm Midt- og Vestsjællands Politi, Jesper Nielsen, jn@..." on one line:
    the person without e-mail is a person, and the police district the next entry's unit."""
    path = tmp_path / "holbaek_flat.txt"
    path.write_text("1 Delaftale for indsatsområdet Tryghed Navn på den boligsociale indsats, som delaftalen "
                    "vedrører: Holbæk Øst Delaftalens parter: Ungeenheden, Holbæk Kommune, Kenneth Holm "
                    "Midt- og Vestsjællands Politi, Jesper Nielsen, jni049@politi.dk, 72 58 92 86 "
                    "Distriktspsykiatrien Holbæk, Hans Knudsen, hk@regionsjaelland.dk Formål: Større tryghed.\n",
                    encoding="utf-8")
    r = extract_file(path)
    people = {c.name: c.organisation for c in r.contacts}
    assert people["Jesper Nielsen"] == "Midt- og Vestsjællands Politi"
    assert people["Hans Knudsen"] == "Distriktspsykiatrien Holbæk"
    assert "Kenneth Holm" in people
    assert not any("Kenneth" in o.name for o in r.organisations)


def test_zone_lines_that_name_departments_by_owner_and_number():
    """ "Zone 1) Skovparken: Lejerbo afd. 12 (420 boliger) og AAB afd. 3 (186 boliger)": each
    department with its owner (the party's full name), number, dwellings and zone (named by its
    place, "Zone 1" an alias)."""
    r = extract_file(LAYOUTS / "kolding_zone_departments.txt")
    zones = {z.name: (z.type, z.housing_organisation, z.units, z.part_of) for z in r.zones}
    assert zones["Afd. 12"] == ("housing_department", "Lejerbo", 420, "Skovparken")
    assert zones["Afd. 3"] == ("housing_department", "AAB Kolding", 186, "Skovparken")
    assert "Zone 1" in next(z.aliases for z in r.zones if z.name == "Skovparken")
    assert zones["Zone 2"][3] is None  # never part of itself
    assert not any("afd" in name and not name.startswith("Afd.") for name in zones)  # no "Lejerbo afd"


def test_a_web_transcript_copy_loses_the_sites_chrome_and_its_other_documents():
    """A copy from a document-sharing site: its head ("Save this PDF as", "Transkript") and
    the list of other documents at its foot (another plan's parties and contacts) are no
    part of the agreement; the title line is."""
    r = extract_file(LAYOUTS / "viborg_web_transcript.txt")
    assert {o.name for o in r.organisations if o.is_party} == {"Boligselskabet Viborg", "Viborg Kommune"}
    assert not any("Skive" in o.name for o in r.organisations)
    assert [c.name for c in r.contacts] == ["Line Dahl"]
    assert r.plan.name and "Ellekonebakken" in r.plan.name
    assert [a.name for a in r.activities] == ["Lektiecafé"]


@pytest.mark.parametrize("flat", [False, True])
def test_a_web_copy_whose_related_documents_heading_stands_above_the_transcript(flat, tmp_path):
    """Some sharing sites put their "Relaterede dokumenter" heading in the chrome above the
    transcript as well as before the other documents at the foot: only the one after the
    transcript ends the agreement (with the line breaks lost, the first one cut the whole
    agreement away: one organisation was left)."""
    head = ['Samarbejdsaftale for Sønderparken 2021-2024 - PDF Gratis download', 'Relaterede dokumenter',
            'Gem denne PDF som:', ' WORD  PNG  TXT  JPG', 'Størrelse: px', 'Transkript']
    body = ['1 Strategisk samarbejdsaftale om boligsocial indsats Områdets navn: Sønderparken Aftalens parter: '
            'Boligforeningen Ringsted og Ringsted Kommune Samarbejdsaftalen gælder fra 1. januar 2021 til '
            '31. december 2024.', '2 Delaftale for indsatsområdet Beskæftigelse Aktivitetsnavn: Jobcaféen '
            'Kontaktperson: Eva Lund, Jobkonsulent, Jobcenter Ringsted, evl@ringsted.dk']
    foot = ['Relaterede dokumenter', 'Helhedsplan Korsgården 2018', 'Aftalens parter: Lejerbo Sorø og Sorø Kommune']
    lines = head + body + foot
    path = tmp_path / "ringsted_web.txt"
    path.write_text(" ".join(lines) + "\n" if flat else "\n".join(lines) + "\n", encoding="utf-8")
    r = extract_file(path)
    assert {o.name for o in r.organisations if o.is_party} == {"Boligforeningen Ringsted", "Ringsted Kommune"}
    assert not any("Sorø" in o.name for o in r.organisations)
    assert [(c.name, c.organisation) for c in r.contacts] == [("Eva Lund", "Jobcenter Ringsted")]
    assert [a.name for a in r.activities] == ["Jobcaféen"]


def test_words_broken_at_line_ends_in_a_web_copy_are_whole(tmp_path):
    """A PDF's hyphenated line ends, run onto one line by a web copy ("Socialforvalt- ningen",
    "Jobcenter Ran- ders"): names are read whole; compounds keep their hyphen."""
    path = tmp_path / "randers_hyphens.txt"
    path.write_text("1 Strategisk samarbejdsaftale om boligsocial indsats Områdets navn: Engparken Aftalens "
                    "parter: Boligselskabet Fjord og Randers Kommune Kontaktperson: Anne Holm, Afdelingsleder, "
                    "Socialforvalt- ningen, ah@randers.dk Indsatsen sker i sam- arbejde med Jobcenter Ran- ders "
                    "og Børne- og Ungdomsforvaltningen.\n", encoding="utf-8")
    r = extract_file(path)
    orgs = {o.name for o in r.organisations}
    assert {"Socialforvaltningen", "Jobcenter Randers", "Børne- og Ungdomsforvaltningen"} <= orgs
    assert r.contacts[0].organisation == "Socialforvaltningen"


@pytest.mark.parametrize("sentence", [
    "Parterne bag helhedsplanen er Boligforeningen Kristiansdal og Vejle Kommune.",
    "Bag helhedsplanen står Boligforeningen Kristiansdal og Vejle Kommune i fællesskab.",
    "Helhedsplanen er indgået mellem Boligforeningen Kristiansdal og Vejle Kommune.",
    "Helhedsplanen er udarbejdet i et samarbejde mellem Boligforeningen Kristiansdal og Vejle Kommune."])
def test_parties_stated_in_a_sentence(sentence, tmp_path):
    path = tmp_path / "vejle_prose_parties.txt"
    path.write_text(f"Boligsocial helhedsplan for Løget By 2014-2017\n\n{sentence}\n\n"
                    "Indsatsen skal styrke beboernes trivsel.\n", encoding="utf-8")
    r = extract_file(path)
    assert {o.name for o in r.organisations if o.is_party} == {"Boligforeningen Kristiansdal", "Vejle Kommune"}


@pytest.mark.parametrize("kind, parties", [
    ("Boligsocial helhedsplan for Bakkebo 2012-2015", {"Boligselskabet Vejen", "Vejen Kommune"}),
    ("Delaftale for indsatsområdet Beskæftigelse", set())])
def test_an_older_plans_own_party_label_names_its_parties(kind, parties, tmp_path):
    """An older helhedsplan (no strategic agreement above it) that lists "Aftalens parter"
    is signed by them, as a strategic agreement is; a delaftale's parties stay partners."""
    path = tmp_path / "vejen_plan.txt"
    path.write_text(f"{kind}\n\nAftalens parter: Boligselskabet Vejen og Vejen Kommune\n\n"
                    "Indsatsområde 1 - Børn og familier\n", encoding="utf-8")
    r = extract_file(path)
    assert {o.name for o in r.organisations} == {"Boligselskabet Vejen", "Vejen Kommune"}
    assert {o.name for o in r.organisations if o.is_party} == parties


def test_a_municipality_and_its_unit_in_one_party_entry():
    """ "Kommunen: Randers Kommune, Børn og Unge": the municipality and its unit (a
    magistratsafdeling with "og" in its name, no cue word), the unit a municipal unit of it."""
    r = extract_file(LAYOUTS / "randers_party_roles.txt")
    orgs = _orgs(r)
    assert (orgs["Børn og Unge"].type, orgs["Børn og Unge"].parent) == ("municipal_unit", "Randers Kommune")
    assert orgs["Randers Kommune"].type == "municipality"
    assert {"Boligselskabet Fjord", "Randers Ungdomsskole", "UU Randers"} <= set(orgs)


@pytest.mark.parametrize("flat", [False, True], ids=["as written", "on one line"])
def test_unit_names_as_other_municipalities_write_them(tmp_path, flat):
    """A made-up Aarhus delaftale: a unit whose compound lost its hyphen ('Teknik og
    Miljøforvaltningen') or has it on the wrong side ('Sundheds -og'), an abbreviation
    after a comma ('Center for Unge og Uddannelse, CUU (Børn og Unge)'), genitives before
    the noun they govern ('Østjyllands Politis tryghedsmåling'), a surname with an inner
    capital; on one line also the party list run together with the municipality."""
    src = LAYOUTS / "aarhus_partner_list.txt"
    if flat:
        src, text = tmp_path / src.name, src.read_text(encoding="utf-8")
        src.write_text(" ".join(text.split()), encoding="utf-8")
    r = extract_file(src)
    orgs = _orgs(r)
    assert {"Brabrand Boligforening", "Aarhus Kommune", "Teknik og Miljøforvaltningen",
            "Sundheds- og Omsorgsforvaltningen", "Center for Unge og Uddannelse", "Østjyllands Politi",
            "VIA Professionshøjskole", "Jobcenter Aarhus"} <= set(orgs)
    assert not {"Teknik", "Miljøforvaltningen", "CUU", "Center for Unge"} & set(orgs)
    assert not any("(" in n or n.endswith(("Politis", "skoles")) for n in orgs)
    cuu = orgs["Center for Unge og Uddannelse"]
    assert cuu.aliases == ["CUU"] and cuu.parent == "Børn og Unge"
    assert orgs["VIA Professionshøjskole"].type == "education" and orgs["Østjyllands Politi"].type == "police"
    # magistratsafdelinger, named by an 'og' pair with no cue word: in brackets and in prose
    assert orgs["Børn og Unge"].type == orgs["Sociale Forhold og Beskæftigelse"].type == "municipal_unit"
    people = {c.name: c.organisation for c in r.contacts}
    assert people == {"Per Holm": "Teknik og Miljøforvaltningen", "Lise Kragh": "Sundheds- og Omsorgsforvaltningen",
                      "Tone DiBona": "Center for Unge og Uddannelse"}


@pytest.mark.parametrize("flat", [False, True], ids=["as written", "on one line"])
def test_an_older_plan_with_project_fields(tmp_path, flat):
    """A made-up Esbjerg plan of 2010: 'Projekt:' / 'Projektansvarlig:' fields under
    numbered focus areas, and 'Helhedsplanen omfatter afdeling 6, Stengårdsvej (522
    boliger)', where the words before 'afdeling' are a sentence, not the owner."""
    src = LAYOUTS / "esbjerg_projects_2010.txt"
    if flat:
        src, text = tmp_path / src.name, src.read_text(encoding="utf-8")
        src.write_text(" ".join(text.split()), encoding="utf-8")
    r = extract_file(src)
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Jobværkstedet", "Beskæftigelse og uddannelse"), ("Lektiecafé Kvaglund", "Beskæftigelse og uddannelse"),
        ("Sund i Kvaglund", "Sundhed og trivsel")]
    assert [f.name for f in r.focus_areas] == ["Beskæftigelse og uddannelse", "Sundhed og trivsel"]
    zones = {z.name: z for z in r.zones}
    assert {n: (z.housing_organisation, z.units, z.part_of) for n, z in zones.items() if z.type != "district"} == {
        "Stengårdsvej": ("Boligforeningen Ungdomsbo", 522, "Kvaglund"),
        "Kvaglundparken": ("Boligforeningen Ungdomsbo", 760, "Kvaglund")}
    people = {c.name: (c.organisation, c.email) for c in r.contacts}
    assert people["Hanne Sørensen"] == ("Boligforeningen Ungdomsbo", "hs@ungdomsbo.dk")
    assert people["Mette Lund"] == ("Sundhedscenter Esbjerg", "ml@esbjergkommune.dk")
    assert _orgs(r)["Sundhedscenter Esbjerg"].type == "health"


def test_partners_listed_on_the_line_below_their_label():
    """'Samarbejdspartnere:' alone with its list on the next line (a table cell that
    wrapped, a PDF column): the list's names are the activity's partners, also one with
    no organisation cue word ('Afdelingsbestyrelserne')."""
    r = extract_file(LAYOUTS / "vejle_partners_below_label.txt")
    assert {a.name: sorted(a.partners) for a in r.activities} == {
        "Nabofællesskaber": ["Afdelingsbestyrelserne", "Frivilligcenter Vejle", "Vejle Bibliotekerne"],
        "Lektiecafé": ["Dansk Flygtningehjælp"]}


def test_entries_run_together_on_one_line():
    """The issue's own examples, each page on one line: person-first party entries with
    nothing between them but the next name ('Peter Lund, Planlægger, Teknik og Miljø Anne
    Holm, ...'); 'og 5B' in a partner list; a named department after 'afd.'; the area
    after a list of departments; kinds of actors that are no organisation."""
    r = extract_file(LAYOUTS / "randers_runon_entries.txt")
    assert {c.name: (c.organisation, c.email) for c in r.contacts} == {
        "Peter Lund": ("Teknik og Miljø", None), "Anne Holm": ("Sundhedshuset Randers", "ah@randers.dk")}
    orgs = _orgs(r)
    assert orgs["Teknik og Miljø"].type == "municipal_unit"
    assert not {"Planlægger", "Projekterne", "Virksomheder i Randers", "Randers håndboldklub og 5B"} & set(orgs)
    assert sorted(r.activities[0].partners) == ["5B", "Randers håndboldklub", "Sundhedshuset Randers"]
    zones = {z.name: (z.housing_organisation, z.part_of) for z in r.zones}
    assert zones["Rosenhaven"] == (None, "Randers Nord") and zones["Solbakken"] == (None, "Randers Nord")
    assert zones["Solsikken"] == ("Lejerbo", None)
    assert zones["Afd. 3"] == ("AAB", None) and zones["Afd. 12"] == ("AAB", None)


def test_own_projects_budget_rows_and_abbreviated_variants():
    """A made-up Odense delaftale: the plan's own projects ('Lommepengeprojektet',
    'Lektiecaféen') and a budget head row are no organisations; 'UU Odense' and
    'Ungdommens Uddannelsesvejledning Odense' are one organisation."""
    r = extract_file(LAYOUTS / "odense_own_projects_variants.txt")
    orgs = _orgs(r)
    assert "UU Odense" in orgs["Ungdommens Uddannelsesvejledning Odense"].aliases and "UU Odense" not in orgs
    assert not any(n.startswith(("Lommepenge", "Lektiecaf", "KOMMUNE", "Projektet")) for n in orgs)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Lommepengeprojektet", "Forældrecafé"}
    assert {"Ungdommens Uddannelsesvejledning Odense", "Odense Ungdomsskole"} <= set(acts["Lommepengeprojektet"].partners)


def test_markdown_and_html_tables_of_a_web_copy():
    """A web copy saved as markdown: a pipe table of parties and contacts, and an HTML
    table of zones whose cells had no space between them once the tags were dropped."""
    r = extract_file(LAYOUTS / "aalborg_markdown_tables.md")
    assert (r.plan.name, r.plan.period_start) == ("Aalborg Øst", "2019-01-01")  # "Aalborg Øst – helhedsplan 2019-2022"
    orgs = _orgs(r)
    assert set(orgs) == {"Himmerland Boligforening", "Alabu Bolig", "Aalborg Kommune",
                         "Familie- og Beskæftigelsesforvaltningen"}
    assert orgs["Familie- og Beskæftigelsesforvaltningen"].parent == "Aalborg Kommune"
    assert {c.name: (c.organisation, c.email, c.phone) for c in r.contacts} == {
        "Jens Jensen": ("Himmerland Boligforening", "jj@himmerland.dk", "96314400"),
        "Lone Madsen": ("Alabu Bolig", "lm@alabu.dk", "98123456"),
        "Mette Skov": ("Familie- og Beskæftigelsesforvaltningen", "ms@aalborg.dk", "99313131")}
    zones = {z.name: (z.housing_organisation, z.part_of, z.units) for z in r.zones}
    # ("Zone 1)" | "Kildeparken: ..." joined as "Zone 1): Kildeparken: ...": the zone is its place, session 16)
    assert zones["Kildeparken"][2] == 1000 and zones["Afd. 7"] == ("Alabu Bolig", "Fyrkildevej", 400)
    assert {z.name: z.aliases for z in r.zones if z.type == "zone"} == {"Kildeparken": ["Zone 1"],
                                                                        "Fyrkildevej": ["Zone 2"]}


def _facts(report):
    return {"organisations": {o.name for o in report.organisations},
            "contacts": {(c.name, c.organisation, c.email) for c in report.contacts},
            "activities": {(a.name, a.focus_area) for a in report.activities},
            "zones": {(z.name, z.housing_organisation) for z in report.zones}}


@pytest.mark.parametrize("src", sorted(LAYOUTS.glob("*.txt")), ids=lambda p: p.stem)
def test_each_layout_reads_the_same_from_a_narrow_pdf_column(tmp_path, src, narrow_pdf):
    """Every made-up agreement above printed in an 85 mm column (one column of a two-column
    page, ~45 characters a line, fpdf2's own wraps) gives the same organisations,
    contacts, activities and zones as its text: headings, names, party entries, form
    fields and department lists cut across lines are joined again, lists kept apart."""
    pdf = narrow_pdf(src, tmp_path / f"{src.stem}.pdf")
    assert _facts(extract_file(pdf)) == _facts(extract_file(src))


@pytest.mark.parametrize("src", sorted(LAYOUTS.glob("*.txt")), ids=lambda p: p.stem)
def test_each_layout_reads_the_same_with_the_whole_text_on_one_line(tmp_path, src):
    """The made-up agreements with every line break lost (the whole text one line, as a
    copy from a PDF viewer can be) give the same contacts, activities and zones: labels,
    numbered titles, signature columns, zone lines and page numbers are found mid-line,
    and a document-sharing site's frame around a transcript is cut out of the line."""
    text = src.read_text(encoding="utf-8")
    flat = tmp_path / src.name
    flat.write_text("1 " + " ".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text)) + "\n",
                    encoding="utf-8")
    written, one_line = _facts(extract_file(src)), _facts(extract_file(flat))
    assert {k: v for k, v in one_line.items() if k != "organisations"} == \
           {k: v for k, v in written.items() if k != "organisations"}


def test_a_party_by_acronym_and_its_short_form(tmp_path):
    """A strategic agreement's party named only by an acronym no cue word types is a
    housing organisation ('ALFABO'); 'AAB' in the party list and 'AAB Kolding' in the
    text are one organisation (the name with its place is kept)."""
    src = tmp_path / "kolding.txt"
    src.write_text("Strategisk samarbejdsaftale om boligsocial indsats\n\nOmrådets navn: Skovparken\n\n"
                   "Aftalens parter: Kolding Kommune, ALFABO og AAB\n\n"
                   "Helhedsplanen er et samarbejde mellem ALFABO, AAB Kolding og Kolding Kommune.\n",
                   encoding="utf-8")
    orgs = _orgs(extract_file(src))
    assert set(orgs) == {"Kolding Kommune", "ALFABO", "AAB Kolding"}
    assert orgs["ALFABO"].type == orgs["AAB Kolding"].type == "housing_organisation"
    assert orgs["AAB Kolding"].is_party and "AAB" in orgs["AAB Kolding"].aliases


def test_a_text_that_is_no_agreement_says_so(tmp_path):
    """A file with names and contacts but none of an agreement's words (a newsletter, a
    README) is extracted with a warning, so a batch does not take it for a plan unseen."""
    src = tmp_path / "nyhedsbrev.txt"
    src.write_text("Nyhedsbrev fra Aarhus Kommune\n\nKontaktperson: Anna Holm, Brabrand Boligforening, "
                   "ah@bb.dk\n\nVi holder sommerfest i Gellerup den 12. juni.\n", encoding="utf-8")
    r = extract_file(src)
    assert any("may not be a boligsocial agreement" in w for w in r.warnings)
    agreement = extract_file(LAYOUTS / "aarhus_partner_list.txt")
    assert not any("may not be" in w for w in agreement.warnings)


def test_a_plan_named_in_capitals_on_its_cover(tmp_path):
    """A cover in capitals ('SKOVLYST') when the text writes 'SkovLyst': the text's spelling,
    the capitals an alias (the plan's id is the same either way)."""
    src = tmp_path / "vejle.txt"
    src.write_text("SKOVLYST\n\nBoligsocial helhedsplan 2022-2025\n\nSkovLyst er en helhedsplan for "
                   "Vejle Kommune og AAB Vejle. I SkovLyst arbejder vi med børn og unge.\n", encoding="utf-8")
    r = extract_file(src)
    assert r.plan.name == "SkovLyst" and "SKOVLYST" in r.plan.aliases


def test_a_capitals_title_far_from_goals_is_no_focus_area_on_one_line(tmp_path):
    """An older plan's focus areas as headings in capitals whose "Mål ... Succeskriterier"
    follow within a few project titles, written line by line and with its line breaks
    lost; the plan's title in capitals, pages before the first goals, is not one."""
    intro = ("Helhedsplanen er udarbejdet af boligselskabet og kommunen i fællesskab. Den bygger på "
             "beboermøder, statistik og interviews med ansatte i skoler, klubber og jobcenter. ") * 4
    lines = ["SKOVPARKEN-LIFE", "Boligsocial helhedsplan for Skovparken 2009-2013", intro, "SUNDHED",
             "Motion for kvinder", "Sund mad", "Mål: Flere beboere er fysisk aktive.",
             "Succeskriterier: 40 deltagere om året.", "UNGE OG UDDANNELSE", "Lektiecafé",
             "Mål: Flere unge gennemfører en uddannelse.", "Succeskriterier: 20 unge i uddannelse."]
    written, flat = tmp_path / "svendborg.txt", tmp_path / "svendborg_flat.txt"
    written.write_text("\n".join(lines) + "\n", encoding="utf-8")
    flat.write_text("1 " + " ".join(lines) + "\n", encoding="utf-8")
    for path in (written, flat):
        names = [f.name for f in extract_file(path).focus_areas]
        assert names == ["Sundhed", "Unge og uddannelse"], path.name


@pytest.mark.parametrize("name,kind", [
    ("Lokalpolitiet i Skive", "police"), ("Nærpolitiet Vejle Øst", "police"),
    ("EUC Lillebælt", "education"), ("Social- og Sundhedsskolen Fyn", "education"),
    ("Erhvervsakademi Aarhus", "education"),
    # clubs run by their members are associations; a municipal club or hall is leisure
    ("Tarup IF", "ngo"), ("Boldklubben Skjold", "ngo"), ("Thisted Idrætsforening", "ngo"),
    ("KFUM-spejderne i Nakskov", "ngo"), ("Fritidsklubben Toppen", "culture_leisure"),
    ("Idrætshallen Syd", "culture_leisure"),
    # a jobcentre's business service is the municipality's (new-user trial, session 12: "company")
    ("Virksomhedsservice Silkeborg", "municipal_unit"), ("Jobcenter Holstebro, Virksomhedsservice", "municipal_unit"),
    ("Fællesbo", "housing_organisation"), ("Vejlebo", "housing_organisation"),
])
def test_organisation_types_from_their_names(name, kind):
    from samspil.loaders.extract.orgs import org_type

    assert org_type(name) == kind


def test_a_former_name_in_brackets_is_the_same_organisation(tmp_path):
    """ "Bovia (tidl. Vestjysk Boligselskab, VJB)" in a partner list or a sentence: one
    organisation, known by its present name, its former name and that name's
    abbreviation, also where the text later uses the former name."""
    for k, block in enumerate(["Samarbejdspartnere i delaftalen:\n\nBovia (tidl. Vestjysk Boligselskab, VJB)\n"
                               "Herning Kommune, Jobcenter Herning",
                               "Indsatsen drives af Bovia (tidl. Vestjysk Boligselskab, VJB) og Herning Kommune."]):
        path = tmp_path / f"herning{k}.txt"
        path.write_text("Delaftale for indsatsområdet Beskæftigelse\n\n" + block +
                        "\n\nVestjysk Boligselskabs afdelinger i Holtbjerg deltager.\n", encoding="utf-8")
        names = [{o.name, *o.aliases} for o in extract_file(path).organisations
                 if {"Bovia", "Vestjysk Boligselskab"} & {o.name, *o.aliases}]
        assert len(names) == 1 and {"Bovia", "Vestjysk Boligselskab", "VJB"} <= names[0], block


def test_unfilled_signature_fields_in_brackets_are_no_names(tmp_path):
    """ "Dato: [dato]   Navn: [navn]" and "Underskrift: ______" after each party of a
    template's signature block: the parties are read, the blanks are no organisation."""
    path = tmp_path / "nyborg.txt"
    path.write_text("Strategisk samarbejdsaftale om boligsocial indsats\n\nUnderskrifter:\n"
                    "Nyborg Boligselskab   Dato: [dato]   Navn: [navn]\n"
                    "Boligforeningen Birkhoved   Dato: <dato>   Underskrift: ________\n"
                    "Nyborg Kommune   Dato: [dato]   Navn: Karen Holst, borgmester\n", encoding="utf-8")
    r = extract_file(path)
    assert {o.name for o in r.organisations} == {"Nyborg Boligselskab", "Boligforeningen Birkhoved", "Nyborg Kommune"}
    assert [(c.name, c.organisation) for c in r.contacts] == [("Karen Holst", "Nyborg Kommune")]


def test_names_with_two_topics_or_a_founding_year_stay_whole_in_running_text(tmp_path):
    """ "Center for Familier og Forebyggelse" is one unit with two topics (not "Center for
    Familier" and "Forebyggelse"); "Lolland Boligforening af 1945" and "Boligforeningen
    af 1938" keep their founding year; an adjective after "og" starts no topic."""
    path = tmp_path / "lolland.txt"
    path.write_text("Helhedsplan for Byskov\n\nIndsatsen drives i samarbejde med Center for Familier og "
                    "Forebyggelse, Lolland Boligforening af 1945 og Boligforeningen af 1938. Vi henviser "
                    "til Center for Sundhed og Lettilgængelige tilbud i kommunen.\n", encoding="utf-8")
    names = {o.name for o in extract_file(path).organisations}
    assert {"Center for Familier og Forebyggelse", "Lolland Boligforening af 1945",
            "Boligforeningen af 1938", "Center for Sundhed"} <= names
    assert not names & {"Center for Familier", "Forebyggelse", "Lolland Boligforening",
                        "Center for Sundhed og Lettilgængelige"}


@pytest.mark.parametrize("name", ["Vejen til Idræts- og fritidslivet", "Mod Forenings- eller kulturlivet",
                                  "Brobygning til Fritids- og klubtilbud"])
def test_a_compounds_first_half_is_no_organisation(name, tmp_path):
    """ "Brobygning til Forenings- og kulturliv": the capitalised words up to the suspended
    hyphen ("... Forenings-") are the first half of a compound, not an organisation."""
    path = tmp_path / "soroe_delaftale.txt"
    path.write_text("Delaftale for indsatsområdet Uddannelse og livschancer\n\n"
                    f"Aktivitetsnavn: {name}\n\nMålgruppe(r): Børn og unge 10-17 år\n\n"
                    f"Aktiviteten {name} drives af Sorø Kommune.\n", encoding="utf-8")
    r = extract_file(path)
    assert [a.name for a in r.activities] == [name]
    assert {o.name for o in r.organisations} == {"Sorø Kommune"}
