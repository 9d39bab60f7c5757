"""Forms of session 32, each in made-up agreements of three municipalities (Thisted, Syddjurs,
Vordingborg), none of them from a real document:

* a status report's activity records whose labels lost their colons, the same labels in the same
  order in every record ("Aktivitet X Indsatsområde Y Målgruppe børn 7-12 år Partnere Z Status ...");
* a fact box whose keys lost their colons ("Indsatsens navn X Kommune Y Kommune Boligorganisationer
  ... Afdelinger ..."), as written (one key a line) and run onto one line;
* departments listed "Name (Org afd. N) – N lejemål" run together, with a total row after them;
* a place and date before a staff label ("Hurup, den 12.02.2024 Boligsocial leder: ...") is no unit.
"""
import sys
from pathlib import Path

import pytest

from samspil.loaders.bare_labels import fact_label_edits, record_label_edits
from samspil.loaders.extract.person_units import contact_unit

sys.path.insert(0, str(Path(__file__).parent))
from renderings import domain as _domain, extract_rendered as _extract  # noqa: E402

TOWNS = [("Thisted", "Hurup", "Thybo", "Boligselskabet Thybo", "HTB"),
         ("Syddjurs", "Ebeltoft", "Molsbo", "Boligforeningen Molsbo", "BMB"),
         ("Vordingborg", "Præstø", "Præstøhus", "Boligselskabet Præstøhus", "BPH")]


def _status_report(town, seat, short, housing, abbr):
    return [f"ÅRSSTATUS 2024 – BOLIGSOCIAL INDSATS {seat.upper()} NORD",
            "Indberetning til Landsbyggefonden, 2. driftsår", "",
            "STAMDATA",
            f"Indsatsens navn {seat} Sammen",
            f"Kommune {town} Kommune",
            f"Boligorganisationer {housing} ({abbr}) Boligforeningen {seat}hjem",
            f"Afdelinger Fjordparken, {abbr} afd. 4 – 212 lejemål Klitgården, {seat}hjem afd. 1 – 96 lejemål",
            "Aftaleperiode 01-01-2023 til 31-12-2026",
            "Indsatsområder Uddannelse og livschancer; Sundhed og trivsel",
            f"Boligsocial leder Mette Skov Thomsen, {abbr} mst@{_domain(short)} · 2911 4455", "",
            "AKTIVITETSSTATUS",
            "Aktivitet Lektieværkstedet Indsatsområde Uddannelse og livschancer Målgruppe børn 7-12 år "
            f"Partnere {seat} Skole; {town} Bibliotek Status I drift, 38 børn.",
            "Aktivitet Ungeguiden Indsatsområde Uddannelse og livschancer Målgruppe unge 15-19 år "
            f"Partnere Ungdommens Uddannelsesvejledning {town} Status I drift.",
            f"Aktivitet Gåholdet Fjordparken Indsatsområde Sundhed og trivsel Målgruppe ældre beboere "
            f"Partnere Ældre Sagen {seat} Status Lukket 30.06.2024.", "",
            "ØKONOMI 2024", "Budget 2.100.000 kr. Forbrug 1.950.000 kr.", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_activity_records_whose_labels_lost_their_colons(tmp_path, make_docx, make_pdf, town, seat, short, housing,
                                                          abbr, how):
    r = _extract(tmp_path, _status_report(town, seat, short, housing, abbr), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Lektieværkstedet", "Ungeguiden", "Gåholdet Fjordparken"}, sorted(acts)
    assert acts["Lektieværkstedet"].focus_area == acts["Ungeguiden"].focus_area == "Uddannelse og livschancer"
    assert acts["Gåholdet Fjordparken"].focus_area == "Sundhed og trivsel"
    assert "children" in acts["Lektieværkstedet"].target_groups and "youth" in acts["Ungeguiden"].target_groups
    assert "seniors" in acts["Gåholdet Fjordparken"].target_groups
    assert {f"{seat} Skole", f"{town} Bibliotek"} <= set(acts["Lektieværkstedet"].partners)
    assert acts["Gåholdet Fjordparken"].partners == [f"Ældre Sagen {seat}"]


@pytest.mark.parametrize("how", ["as written", "flat", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_a_fact_box_whose_keys_lost_their_colons(tmp_path, make_docx, make_pdf, town, seat, short, housing, abbr, how):
    r = _extract(tmp_path, _status_report(town, seat, short, housing, abbr), how, make_docx, make_pdf)
    assert r.plan.name == f"{seat} Sammen"
    assert r.plan.municipality == f"{town} Kommune"
    orgs = {o.name for o in r.organisations}
    assert {housing, f"Boligforeningen {seat}hjem", f"{town} Kommune"} <= orgs, sorted(orgs)
    assert not any(word in name for name in orgs for word in ("Boligorganisationer", "Afdelinger", "Kommune Bolig"))
    zones = {z.name: z for z in r.zones}
    assert zones["Fjordparken"].units == 212 and zones["Klitgården"].units == 96, sorted(zones)
    contact = next(c for c in r.contacts if c.name == "Mette Skov Thomsen")
    assert contact.organisation in (housing, abbr) and contact.email == f"mst@{_domain(short)}"


def test_numbered_headings_are_no_record_fields():
    """ "Indsatsområde 2 · X" between counted activities is a heading, not a field of the record before it."""
    line = ("Indsatsområde 1 · Børn og unge Aktivitet 1.1 – Lektieklubben Formål: bedre skoleresultater "
            "Partnere: Hurup Skole Aktivitet 1.2 – Fritidsjob Formål: job til unge Indsatsområde 2 · Beskæftigelse "
            "Aktivitet 2.1 – Jobcaféen Formål: ledige i job Indsatsområde 3 · Sundhed Aktivitet 3.1 – Gåholdet "
            "Formål: motion Indsatsområde 4 · Naboskab Aktivitet 4.1 – Fælleshuset Formål: fællesskab")
    assert record_label_edits(line) == []


def test_a_record_label_without_a_value_is_a_head_row():
    line = "Aktivitet Status Målgruppe Partnere Aktivitet Status Målgruppe Partnere"
    assert record_label_edits(line) == []


def test_section_headings_are_no_fact_keys():
    """A flattened agreement's numbered sections ("1. Parter ... 2. Boligafdelinger ...") keep their words."""
    line = ("1. Parter Syddjurs Kommune og Boligforeningen Molsbo indgår denne aftale om en boligsocial indsats. "
            "2. Boligafdelinger Fjordparken (afd. 4) med 212 boliger og Klitgården (afd. 1) med 96 boliger. "
            "3. Indsatsområder Uddannelse og livschancer samt Sundhed og trivsel.")
    assert fact_label_edits(line) == []


def test_far_apart_keys_are_no_fact_box():
    filler = "Indsatsen arbejder med fællesskab og trivsel i hele området hele året rundt. " * 4
    line = (f"Parter Syddjurs Kommune og Boligforeningen Molsbo {filler}Afdelinger Fjordparken og Klitgården "
            f"{filler}Indsatsområder Uddannelse og livschancer")
    assert fact_label_edits(line) == []


@pytest.mark.parametrize("how", ["as written", "flat", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_departments_with_dash_counts_run_together_and_a_total_row(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                    housing, abbr, how):
    lines = [f"Boligsocial indsats i {seat} Nord", "",
             f"Indsatsen er et samarbejde mellem {housing} og {town} Kommune.", "",
             f"Hvor foregår indsatsen? Møllebakken ({abbr} afd. 12) – 98 boliger Højskolebakken ({abbr} afd. 15) "
             f"– 64 boliger I alt 162 boliger i {seat} Nord, hvor ca. 370 beboere bor.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    zones = {z.name: z for z in r.zones}
    assert zones["Møllebakken"].units == 98 and zones["Højskolebakken"].units == 64, sorted(zones)
    assert zones["Møllebakken"].part_of == zones["Højskolebakken"].part_of == f"{seat} Nord"
    assert "Højskolebakken" not in {o.name for o in r.organisations}  # (a department, not a school)


def test_a_place_and_date_is_no_contact_unit():
    assert contact_unit("Hurup, den 12.02.2024") is None
    assert contact_unit("Ebeltoft 03.05.2025") is None
    assert contact_unit("Syddjurs Kommune, Center for Børn og Familie") == "Center for Børn og Familie"


def _ruled_fields(town, seat, short, housing, abbr):
    rule = "-" * 30 + "+" + "-" * 40
    return [f"STATUSRAPPORT 2025 – BOLIGSOCIAL INDSATS \"{seat.upper()} MIDT\"", "",
            "STAMDATA",
            f"{'Indsats':30}| {seat} Midt",
            f"{'Kommune':30}| {town} Kommune",
            f"{'Boligorganisation(er)':30}| {housing} ({abbr})",
            f"{'Afdelinger':30}| Klittoppen, {abbr} afd. 5 – 74 boliger",
            f"{'':30}| Sandhjelmen, {abbr} afd. 6 – 40 boliger",
            f"{'Indsatsområder':30}| Beskæftigelse; Sundhed og trivsel", "",
            "DELAFTALE 1: BESKÆFTIGELSE",
            f"{'Aktivitet':30}| Jobcafé {seat}",
            f"{'Målgruppe':30}| ledige beboere 18-64 år",
            f"{'Partnere':30}| Jobcenter {town}; {seat} Erhvervsforening",
            f"{'Status':30}| Grøn – 41 deltagere, 12 i job eller",
            f"{'':30}| uddannelse",
            rule,
            f"{'Aktivitet':30}| Havnejob",
            f"{'Målgruppe':30}| unge 16-24 år",
            f"{'Partnere':30}| Kommunal Ungeindsats {town}",
            f"{'Status':30}| Gul – 9 deltagere", "",
            "DELAFTALE 2: SUNDHED OG TRIVSEL",
            f"{'Aktivitet':30}| Gå-fællesskabet",
            f"{'Målgruppe':30}| voksne og seniorer",
            f"{'Partnere':30}| DGI Nordjylland; {seat} Bibliotek",
            f"{'Status':30}| Grøn – 3 hold", "",
            f"{'Dato':30}| 22.01.2026" + " " * 20 + "Side 1 af 1", ""]


@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_fields_in_two_columns_with_a_rule_between_them(tmp_path, make_docx, make_pdf, town, seat, short, housing,
                                                        abbr):
    r = _extract(tmp_path, _ruled_fields(town, seat, short, housing, abbr), "as written", make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {f"Jobcafé {seat}", "Havnejob", "Gå-fællesskabet"}, sorted(acts)
    assert acts[f"Jobcafé {seat}"].focus_area == "Beskæftigelse" and acts["Gå-fællesskabet"].focus_area == "Sundhed og trivsel"
    assert "unemployed" in acts[f"Jobcafé {seat}"].target_groups and "youth" in acts["Havnejob"].target_groups
    assert set(acts[f"Jobcafé {seat}"].partners) == {f"Jobcenter {town}", f"{seat} Erhvervsforening"}
    assert r.plan.name == f"{seat} Midt" and r.plan.municipality == f"{town} Kommune"
    zones = {z.name: z for z in r.zones}
    assert zones["Klittoppen"].units == 74 and zones["Sandhjelmen"].units == 40, sorted(zones)
    assert not any("|" in o.name or o.name.startswith("Side") for o in r.organisations)


def _workshop(town, seat, short, housing, abbr):
    return [f'OPSAMLING – BEBOERWORKSHOP "HVAD SKAL VI LAVE I {seat.upper()} VEST?"',
            "Lørdag 25. oktober 2025, kl. 10-14, Beboerhuset", "",
            "Hvorfor en workshop?",
            f"{seat} Vest er den boligsociale helhedsplan for afdelingerne Skovtoften og Agerhøj. Planen er aftalt",
            f"mellem {town} Kommune og {housing} og løber 1. maj 2025 – 30. april 2029.", "",
            "Det sagde I – bord for bord",
            "Bord 1 · Lektiehjørnet (Uddannelse og livschancer)",
            f"   Børn i 2.-7. klasse, hjælp fra frivillige og bibliotekarer fra {seat} Bibliotek.",
            "Bord 2 · Toftens Jobcafé (Beskæftigelse)",
            f"   For ledige; en jobkonsulent fra Jobcenter {town} kommer hver onsdag.",
            "Bord 3 · Nabovenner (Beskæftigelse)*",
            "   Frivillige naboer hjælper nye beboere med breve og e-Boks.", "",
            "Prioritering", "Lektiehjørnet ........ 41", "Toftens Jobcafé ........ 18", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_items_headed_by_a_counter_and_their_focus_area_in_brackets(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                     housing, abbr, how):
    r = _extract(tmp_path, _workshop(town, seat, short, housing, abbr), how, make_docx, make_pdf)
    acts = {a.name: a.focus_area for a in r.activities}
    assert acts == {"Lektiehjørnet": "Uddannelse og livschancer", "Toftens Jobcafé": "Beskæftigelse",
                    "Nabovenner": "Beskæftigelse"}
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]
    assert r.plan.name == f"{seat} Vest"  # (not the title's question)


@pytest.mark.parametrize("how", ["as written", "flat"])
def test_a_list_of_areas_with_their_danish_names_is_no_activity(tmp_path, make_docx, make_pdf, how):
    lines = ["Hurup Together – an English summary", "", "The plan works with three focus areas:",
             "1. Safety and well-being (Tryghed og trivsel)", "2. Education and employment (Uddannelse og beskæftigelse)",
             "3. Prevention (Forebyggelse og forældreansvar)", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert not r.activities, [a.name for a in r.activities]


@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_a_headless_department_table_with_the_name_first(tmp_path, make_docx, make_pdf, town, seat, short, housing,
                                                         abbr):
    lines = [f"Helhedsplan for {seat} Nord", "",
             f"Parterne er {town} Kommune, {housing} (herefter {abbr}) og Boligforeningen Stengården (herefter BSTG).",
             "Området består af:",
             f"  Præstemosen      {abbr} afd. 6       186 boliger",
             f"  Ganløsevang      {abbr} afd. 8        72 boliger",
             "  Stengården       BSTG afd. 1         104 boliger",
             f"  {seat} Nord i alt                  362 boliger", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    zones = {z.name: z for z in r.zones}
    assert {"Præstemosen", "Ganløsevang", "Stengården"} <= set(zones), sorted(zones)
    assert not any(name.startswith("Afd.") for name in zones), sorted(zones)
    assert (zones["Præstemosen"].units, zones["Ganløsevang"].units, zones["Stengården"].units) == (186, 72, 104)
    assert zones["Præstemosen"].housing_organisation == housing
    assert zones["Stengården"].housing_organisation == "Boligforeningen Stengården"
    assert "afd. 6" in zones["Præstemosen"].aliases


def _directory(town, seat, short, housing, abbr):
    return ["KONTAKTOVERSIGT FOR FAGPERSONER", f'Boligsocial indsats "{seat} Samvær"', "",
            "Om indsatsen",
            f"{seat} Samvær er en strategisk samarbejdsaftale mellem {town} Kommune og {housing} om",
            f"afdelingerne Sandrevlen i Vesterby (afd. 4, 52 boliger) og Marehalmen i Østerby (afd. 6, 34 boliger).",
            "Aftalen løber 1.1.2025-31.12.2028 og har to delaftaler: Uddannelse og livschancer og Beskæftigelse.",
            "Aktiviteter: Børnenes Værksted, Lektiefærgen, Jobstarter Øst og Sommerjob på Havnen.", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_activities_and_areas_listed_in_sentences(tmp_path, make_docx, make_pdf, town, seat, short, housing, abbr,
                                                  how):
    r = _extract(tmp_path, _directory(town, seat, short, housing, abbr), how, make_docx, make_pdf)
    assert [a.name for a in r.activities] == ["Børnenes Værksted", "Lektiefærgen", "Jobstarter Øst",
                                              "Sommerjob på Havnen"]
    assert not r.activities[2].target_groups  # (another item's words are not its target group)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_a_department_named_before_the_place_it_lies_in(tmp_path, make_docx, make_pdf, town, seat, short, housing,
                                                        abbr, how):
    r = _extract(tmp_path, _directory(town, seat, short, housing, abbr), how, make_docx, make_pdf)
    zones = {z.name: z for z in r.zones}
    assert (zones["Sandrevlen"].units, zones["Sandrevlen"].part_of) == (52, "Vesterby"), sorted(zones)
    assert (zones["Marehalmen"].units, zones["Marehalmen"].part_of) == (34, "Østerby")
    assert zones["Vesterby"].type != "housing_department" and zones["Vesterby"].units is None
    assert zones["Sandrevlen"].housing_organisation == housing


def test_a_sentence_naming_activities_without_a_list_is_none():
    from samspil.loaders.extract.activity_lists import _inline_names

    assert _inline_names("Aktiviteter: de fleste foregår i beboerhuset og på skolen.") == []
    assert _inline_names("Aktiviteter: Lektiecaféen.") == []  # (one name: no list)
    assert _inline_names("Projekter: Mor og Barn, Jobbroen og Fritidsjob.") == ["Mor og Barn", "Jobbroen", "Fritidsjob"]


@pytest.mark.parametrize("how", ["as written", "flat", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_a_department_table_whose_owner_cell_holds_the_number(tmp_path, make_docx, make_pdf, town, seat, short,
                                                              housing, abbr, how):
    """ "Kærhøjparken   GEAB afd. 3   188": the owner and the number in one cell, its line breaks lost too."""
    lines = [f"Strategisk samarbejdsaftale for {seat} Midtby", "",
             f"Aftalens parter: {town} Kommune, {housing} ({abbr}) og Boligforeningen Bramsnæsbo (BRB)", "",
             f"Områdets navn: {seat} Midtby",
             "Afdelinger          Boligorganisation      Lejemål",
             f"Kærhøjparken        {abbr} afd. 3            188",
             f"Skovgrøften         {abbr} afd. 7             96",
             "Hyldemarken         BRB afd. 12            134",
             f"I alt, {seat} Midtby                     418", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    zones = {z.name: z for z in r.zones}
    assert {"Kærhøjparken", "Skovgrøften", "Hyldemarken"} <= set(zones), sorted(zones)
    assert (zones["Kærhøjparken"].units, zones["Hyldemarken"].units) == (188, 134)
    assert zones["Kærhøjparken"].housing_organisation == housing
    assert zones["Hyldemarken"].housing_organisation == "Boligforeningen Bramsnæsbo"
    assert "afd. 7" in zones["Skovgrøften"].aliases
    assert zones["Skovgrøften"].part_of == f"{seat} Midtby"


def _lost_letters_plan(town, seat, short, housing, abbr):
    return [f"Boligsocial helhedsplan 2013-2016 for Hjortebakken og Skovskellet, {seat}", "",
            f"Ansøger: {housing} i samarbejde med {town} Kommune", "",
            "2. Boligområdet",
            "Afd. 14  Hjortebakken       1972   etageboliger     204 boliger",
            "Afd. 15  Skovskellet      1975   rækkehuse        114 boliger",
            f"{seat} Nord i alt                            318 boliger", "",
            "Indsatsomr?de 1: Kriminalpr?vention og tryghed",
            "  Nr.  Aktivitet                 M?lgruppe                 Samarbejde",
            f"  1.1  Natteliv i Nord           unge 14-20 ?r             SSP {town}, Fyns Politi",
            "  1.2  Tryghedsvandringer        alle beboere              Fyns Politi", ""]


@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_letters_lost_to_question_marks(tmp_path, make_docx, make_pdf, town, seat, short, housing, abbr):
    """A section pasted through a system without æ, ø and å: "M?lgruppe", "Indsatsomr?de", "14-20 ?r"."""
    r = _extract(tmp_path, _lost_letters_plan(town, seat, short, housing, abbr), "as written", make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Kriminalprævention og tryghed"]
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Natteliv i Nord", "Tryghedsvandringer"}, sorted(acts)
    assert "youth" in acts["Natteliv i Nord"].target_groups
    assert acts["Natteliv i Nord"].focus_area == "Kriminalprævention og tryghed"


def test_a_question_is_no_lost_letter():
    from samspil.loaders.ascii_danish import lost_letter_words, restore_lost_letters

    assert not lost_letter_words(["Hvad sker der? Hvem er med?", "Hvorfor? Fordi vi kan.", "Mød os?"])
    assert restore_lost_letters("Hvorfor? Se www.x.dk/?q=1 eller skriv") == "Hvorfor? Se www.x.dk/?q=1 eller skriv"
    assert restore_lost_letters("unge 14-20 ?r og b?rn i skolen") == "unge 14-20 år og børn i skolen"


@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_department_rows_opening_with_their_number(tmp_path, make_docx, make_pdf, town, seat, short, housing, abbr):
    r = _extract(tmp_path, _lost_letters_plan(town, seat, short, housing, abbr), "as written", make_docx, make_pdf)
    zones = {z.name: z for z in r.zones}
    assert {"Hjortebakken", "Skovskellet"} <= set(zones), sorted(zones)
    assert "afd. 14" in zones["Hjortebakken"].aliases and "afd. 15" in zones["Skovskellet"].aliases
    assert not any(name.startswith("Afd.") for name in zones)


def _annex(town, seat, short, housing, abbr):
    return [f"Strategisk samarbejdsaftale for {seat} Nord", "",
            f"Aftalens parter: {town} Kommune og {housing} (herefter {abbr})", "",
            "2. Boligområde og afdelinger", f"Boligområdets navn: {seat} Nord",
            "Afdeling Boligorganisation Antal boliger",
            f"Rypevangen {abbr} afd. 4 214", f"Agerhønen {abbr} afd. 9 96", f"I alt {seat} Nord 310", "",
            "Bilag 1 – Aktiviteter og kontaktpersoner",
            "Delaftale\tAktivitet\tMålgruppe\tSamarbejdspartnere",
            f"A\tSprogstart {seat}\tbørn 0-6 år og deres forældre\tSundhedsplejen {town}",
            f"B\tAftenpatruljen\tunge 13-24 år\tSSP {town}, Nordsjællands Politi",
            "Kontaktpersoner",
            f"Boligsocial leder\tSigne Lykkeberg Winde\t{abbr}\tslw@{_domain(short)}\t45 80 31 27",
            f"Kommunal koordinator\tRasmus Tolstrup Heide\tBørn og Unge, {town} Kommune\trthe@{_domain(town)}\t46 11 52 90",
            f"SSP-konsulent\tYasmin El-Khatib Brandi\tSSP {town}\tyeh@{_domain(town)}", ""]


@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_an_annex_of_activities_then_contacts(tmp_path, make_docx, make_pdf, town, seat, short, housing, abbr):
    """The contacts' heading ends the activity table above it; each contact row's name ends with its cell."""
    r = _extract(tmp_path, _annex(town, seat, short, housing, abbr), "as written", make_docx, make_pdf)
    assert [a.name for a in r.activities] == [f"Sprogstart {seat}", "Aftenpatruljen"]
    people = {c.name: c for c in r.contacts}
    assert set(people) == {"Signe Lykkeberg Winde", "Rasmus Tolstrup Heide", "Yasmin El-Khatib Brandi"}, sorted(people)
    assert people["Signe Lykkeberg Winde"].phone == "45803127"


@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_department_rows_single_spaced(tmp_path, make_docx, make_pdf, town, seat, short, housing, abbr):
    """A PDF's table row without its cells' gaps: "Rypevangen GEAB afd. 4 214"."""
    r = _extract(tmp_path, _annex(town, seat, short, housing, abbr), "as written", make_docx, make_pdf)
    zones = {z.name: z for z in r.zones}
    assert {"Rypevangen", "Agerhønen"} <= set(zones), sorted(zones)
    assert "afd. 4" in zones["Rypevangen"].aliases and zones["Rypevangen"].housing_organisation == housing
    assert not any(name.startswith("Afd.") for name in zones)


@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_lettered_areas_each_opening_its_own_text(tmp_path, make_docx, make_pdf, town, seat, short, housing, abbr):
    """ "Aftalen har to indsatsområder:" over "a) Beskæftigelse. Aktiviteterne er ..." (minutes of a committee)."""
    lines = [f"{town.upper()} KOMMUNE", "Økonomiudvalget – Referat", "",
             f"Punkt 7. Strategisk samarbejdsaftale for boligområdet {seat} Overdrev", "",
             "Aftalen har to indsatsområder:",
             f'a) Beskæftigelse. Aktiviteterne er "Jobfokus {seat}", hvor Jobcenter {town} har en fremskudt',
             "   medarbejder i beboerhuset, og \"Unge i Gang\" for unge 16-25 år.",
             'b) Uddannelse og livschancer. Aktiviteterne er "Familiestøtte" og "Lektiecaféen" for skolebørn.', ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Beskæftigelse", "Uddannelse og livschancer"]


def test_an_item_and_its_description_is_no_focus_area():
    from samspil.loaders.extract.focus_areas import _candidate

    assert _candidate("Jobspor Hurup – ledige 25-64 år; Jobcenter Thisted") is None
    assert _candidate("Beskæftigelse – Bakkebo, Nyborg") == "Beskæftigelse"
    assert _candidate("Tryghed og trivsel") == "Tryghed og trivsel"


@pytest.mark.parametrize("town,seat,short,housing,abbr", TOWNS)
def test_a_department_named_by_its_number_elsewhere_is_one_department(tmp_path, make_docx, make_pdf, town, seat,
                                                                       short, housing, abbr):
    """ "Ansøger: X, afdeling 1 og 2" and a table "Afd. 1 Egeløkken ... Lejemaal": two departments, not four; the
    chairman after "afd. 1," is no department."""
    lines = [f"Boligsocial helhedsplan for {seat}-omraadet 2008-2011", "", f"Ansøger: {housing}, afdeling 1 og 2", "",
             "Afdeling              Adresse                Lejemaal",
             "Afd. 1 Egeløkken        Egeløkken 1-44             76",
             "Afd. 2 Ridebanen         Ridebanevej 2-30            58", "",
             f"Styregruppen består af direktøren for {housing} samt formanden for afd. 1, Gunnar Egeskov.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    zones = {z.name: z for z in r.zones if z.type == "housing_department"}
    assert set(zones) == {"Egeløkken", "Ridebanen"}, sorted(zones)
    assert (zones["Egeløkken"].units, zones["Ridebanen"].units) == (76, 58)
    assert zones["Egeløkken"].housing_organisation == housing


def test_a_title_naming_only_the_documents_kind_gives_way_to_the_plan(tmp_path, make_docx, make_pdf):
    lines = ["DREJEBOG", 'Fællesspisning "Hurupbordet"', "", "Baggrund",
             "Ø-fællesskabet er den strategiske samarbejdsaftale mellem Thisted Kommune og Boligselskabet Thybo "
             "for afdelingerne Klintevangen og Kastaniegården i Hurup.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert r.plan.name == "Ø-fællesskabet"
