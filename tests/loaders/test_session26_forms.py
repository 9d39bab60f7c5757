"""Forms found in session 26 on the earlier blind sets and the new blind set W, as made-up
documents of three other municipalities:

* a cover whose lines ran together when the line breaks were lost: the document's type phrase, the
  plan's name, then what kind of effort it is ("Strategisk samarbejdsaftale Nordlys Vest Boligsocial
  indsats 2026-2029 Indhold ...", "Boligsocial helhedsplan Engen Midt 2010-2013 ..."): the name is what
  stands between the type phrases; a running header over it ("Helhedsplan Engen 2012-2015 | Side 1") is
  no part of it;
* a department table whose total row names the area ("Kærby Nord i alt   410", also with the cells one
  a line, "Kærby Nord i alt" / "" / "410"): the area a zone of that many dwellings, the departments
  in it;
* an older plan's areas lettered in a list ("A. Børn, unge og familier") and its activities' numbered
  headings coded by their area's letter ("4.1 Lektieklubben (A)"), also run onto one line: each heading
  an activity of its letter's area, no area of its own;
* a status report, minutes or a web page about a plan that lists no parties: the plan's municipality
  and its housing organisations are the parties (every helhedsplan is agreed between them); a
  delaftale's parties are its own, none assumed;
* the municipality's health visitors named only in lower case ("i samarbejde med sundhedsplejen"): the
  service Sundhedsplejen, as every municipality calls it; not a second time beside "Sundhedsplejen X";
* a committee paper's paragraph naming each area and then its projects in quotes ('Under Uddannelse og
  livschancer etableres "A" ... Kriminalitetsforebyggelse omfatter "B", et samarbejde ..., og "C", hvor
  ...'), the sentences wrapped over lines: each project of the area named before it;
* an agreement seconding a municipal adviser to the plan, its tasks counted by letter, each naming the
  project it joins in quotes after a verb ('a) holde "Åben rådgivning" i beboerhuset ...', 'b) deltage i
  "Familieholdet", et gruppeforløb ...'): each a project; a task naming none is none; the area it serves
  named by its delaftale ("Det fremgår af delaftalen om Sundhed og trivsel, at ...") read whole;
* a mayor's speech naming the areas by their place ("Helhedsplanen har to indsatsområder. Det første
  hedder Uddannelse og livschancer.") and then, in the paragraph's next sentences, the projects in
  quotes ('Her starter vi "Lektieskuret" sammen med ...', 'Vi starter også "Ø-forældre", et netværk
  ...'): the areas, and each project of its paragraph's area;
* a standalone delaftale whose first section is its basis ("1. Aftalegrundlag"), naming the plan's
  other delaftale in a sentence ("Delaftale 1 om Uddannelse og livschancer er vedlagt som bilag 1."):
  no activity of the section, the other area by its name without the sentence;
* a summary table of activities whose area column gives each delaftale by its first word ("Trygge
  Stier   Tryghed   alle beboere   Fyns Politi"), its cells run together when the breaks are lost: each
  row an activity of the area that word opens;
* key figures giving each department by its name before its number ("Kærparken, afd. 11:  148 boliger
  / 322 beboere") and the area's total ("Nordlys i alt:  234 boliger"): the departments by their names,
  with their dwellings, in the area;
* a status report's activity tables drawn in ASCII (a rule of dashes under the head row) with the status
  in words ("På sporet", "Forsinket", "Afsluttet"), run onto one line when the breaks are lost: each row
  an activity of its delaftale; an activity table numbered by row under an ASCII rule ("Nr. Aktivitet
  Målgruppe Samarbejdspartnere" / "--- ------" / "2.1 Jobstedet ..."), its rows cut at their numbers
  when the breaks are lost;
* two signatures side by side whose lines ran together ("For X Kommune For Boligforeningen Y Town, den 11.
  december 2019 Town, den 13. december 2019 Anna Holm Berg Ole Ravn Sørensen Borgmester Formand"): two
  people, each of the organisation signed for, and the organisation without the town it was signed in;
* a plan's own web page: a menu, a two-item breadcrumb ("Forside > Om os"), the title "Om X" and the
  first sentence "X er den boligsociale helhedsplan i Y": the plan is X;
* a Word table's department cells broken by a soft line break, saved as text: the name on a line of its
  own over "afd. 21<TAB>56<TAB>1968": each department by its name, with its dwellings;
* a cooperation agreement between a school and a plan whose contact list labels a person by the plan
  ("Helhedsplanen: Boligsocial medarbejder X, x@y.dk"): not the plan's name (its quoted title is);
* a standalone delaftale's activities numbered "2.1", "2.2" (its number among the plan's delaftaler) while
  its text names the other delaftale's area first: each of the delaftale's own area."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = [("Viborg", "Bjerringbro", "Boligselskabet Gudenåhjem"),
         ("Kalundborg", "Høng", "Vestsjællands Boligselskab"),
         ("Tønder", "Toftlund", "Andelsboligforeningen Sønderhjem")]


def _run_on_cover(town, seat, housing, opening):
    name = f"Nordlys {seat}"
    head = {"strategic": [f"Strategisk samarbejdsaftale", name, "Boligsocial indsats 2026-2029"],
            "older": ["Boligsocial helhedsplan", f"{name} 2010-2013", f"{housing}"]}[opening]
    return [*head, "", "Indhold", "1. Aftalens parter og periode 2", "2. Boligområdet 3", "",
            "1. Aftalens parter og periode", f"Aftalen er indgået mellem {town} Kommune og {housing}.",
            f"Indsatsen omfatter afdelingerne Kærparken og Lindely i {seat} med i alt 410 boliger.", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("opening", ["strategic", "older"])
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_cover_run_together_names_the_plan_between_its_type_phrases(tmp_path, make_docx, make_pdf, town, seat,
                                                                      housing, opening, how):
    r = _extract(tmp_path, _run_on_cover(town, seat, housing, opening), how, make_docx, make_pdf)
    assert name_key(r.plan.name) == name_key(f"Nordlys {seat}"), r.plan.name


def _running_header(town, seat, housing):
    return [f"Helhedsplan {seat} 2012-2015 | Side 1", "BOLIGSOCIAL HELHEDSPLAN", f"{seat.upper()} VOKSER",
            f"{housing} og {town} Kommune", "", "1. RESUMÉ",
            f"{seat} Vokser er en fireårig boligsocial indsats i afdelingerne Kærparken og Lindely.", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_running_header_over_a_cover_is_not_its_title(tmp_path, make_docx, make_pdf, town, seat, housing, how):
    r = _extract(tmp_path, _running_header(town, seat, housing), how, make_docx, make_pdf)
    assert name_key(r.plan.name) in {name_key(f"{seat} Vokser"), name_key(f"Boligsocial helhedsplan {seat} Vokser")}, \
        r.plan.name


def _total_row(town, seat, housing, cells):
    rows = [("Kærparken (afd. 3)", "212"), ("Lindely (afd. 7)", "168"), (f"{seat} Nord i alt", "380")]
    table = [x for name, n in rows for x in (name, housing.split()[-1], n)] if cells == "one a line" else \
        [f"{name}   {housing.split()[-1] if 'i alt' not in name else ''}   {n}" for name, n in rows]
    if cells == "one a line":
        table[-2:] = ["", "380"]  # (the total row's empty cell)
    return [f"Strategisk samarbejdsaftale for {seat} Nord", "", f"Aftalens parter: {town} Kommune og {housing}", "",
            "2. Boligområdet", f"Helhedsplanen omfatter boligområdet {seat} Nord, der består af følgende afdelinger:",
            *(["Afdeling", "Boligorganisation", "Boliger"] if cells == "one a line" else
              ["Afdeling   Boligorganisation   Boliger"]), *table, "", "3. Indsatsområder", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("cells", ["in columns", "one a line"])
@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
def test_a_department_table_s_total_row_names_the_area(tmp_path, make_docx, make_pdf, town, seat, housing, cells, how):
    r = _extract(tmp_path, _total_row(town, seat, housing, cells), how, make_docx, make_pdf)
    got = {name_key(z.name): (z.units if "afd" not in z.name else None, name_key(z.part_of)) for z in r.zones}
    area = name_key(f"{seat} Nord")
    assert {name: (units if name == area else None, part_of) for name, (units, part_of) in got.items()} == \
        {area: (380, ""), "kærparken": (None, area), "lindely": (None, area)}, got


CODED = [("Børn, unge og familier", [("Lektieklubben", "Lektiehjælp for skolebørn to dage om ugen med {town} Bibliotek."),
                                     ("Familiecaféen", "Fællesspisning for børnefamilier med sundhedsplejen.")]),
         ("Beskæftigelse og uddannelse", [("Jobklubben", "Jobsøgning for ledige beboere med Jobcenter {town}.")]),
         ("Fællesskab og beboerdemokrati", [("Seniortræf", "Ugentlig café for ældre beboere med Ældre Sagen {town}.")])]


def _coded_headings(town, seat, housing):
    lines = [f"BOLIGSOCIAL HELHEDSPLAN FOR {seat.upper()}", f"Ansøgning til Landsbyggefondens pulje 2006-2010", "",
             "4. Indsatsområder og aktiviteter", "Planen har tre indsatsområder:"]
    lines += [f"  {'ABC'[k]}. {area}" for k, (area, _) in enumerate(CODED)] + [""]
    n = 0
    for k, (_, items) in enumerate(CODED):
        for name, text in items:
            n += 1
            lines += [f"4.{n} {name} ({'ABC'[k]})", text.format(town=town), ""]
    return lines + ["5. Underskrifter", f"For {housing}   For {town} Kommune", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "docx", "pdf"])
def test_activities_coded_by_their_area_s_letter(tmp_path, make_docx, make_pdf, town, seat, housing, how):
    r = _extract(tmp_path, _coded_headings(town, seat, housing), how, make_docx, make_pdf)
    assert {name_key(a.name): a.focus_area for a in r.activities} == \
        {name_key(name): area for area, items in CODED for name, _ in items}, [(a.name, a.focus_area) for a in r.activities]
    assert [f.name for f in r.focus_areas] == [area for area, _ in CODED]


def _no_party_list(town, seat, housing, kind):
    title = {"report": [f"Årsrapport 2025 for den boligsociale helhedsplan Nordlys {seat}", "",
                        f"Helhedsplanen i {seat} løber fra 1. januar 2024 til 31. december 2027. {housing} og {town} Kommune "
                        "mødes hvert kvartal."],
             "delaftale": [f"Delaftale for indsatsområdet Beskæftigelse – Nordlys {seat}", "",
                           f"Delaftalen hører under helhedsplanen Nordlys {seat}. Jobcenter {town} leder arbejdet."]}
    return [*title[kind], "", "Aktiviteter", f"Jobcaféen drives sammen med Jobcenter {town} og Røde Kors {seat}.", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("kind", ["report", "delaftale"])
def test_a_document_without_a_party_list_has_the_plan_s_parties(tmp_path, make_docx, make_pdf, town, seat, housing, kind):
    r = _extract(tmp_path, _no_party_list(town, seat, housing, kind), "as written", make_docx, make_pdf)
    parties = {name_key(o.name) for o in r.organisations if o.is_party}
    assert parties == ({name_key(f"{town} Kommune"), name_key(housing)} if kind == "report" else set()), \
        [(o.name, o.type, o.is_party) for o in r.organisations]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("written", ["sundhedsplejen", "Sundhedsplejen {town}"])
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_the_health_visitors_named_in_lower_case(tmp_path, make_docx, make_pdf, town, seat, housing, written, how):
    lines = [f"Strategisk samarbejdsaftale for Nordlys {seat}", "", f"Aftalens parter: {town} Kommune og {housing}", "",
             "Aktivitetsnavn: Familiecaféen",
             f"Beskrivelse: Fællesspisning for børnefamilier i samarbejde med {written.format(town=town)}.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    got = [(o.name, o.type) for o in r.organisations if "sundhedspleje" in o.name.lower()]
    assert got == [(written.format(town=town)[:1].upper() + written.format(town=town)[1:], "municipal_unit")], got


def _areas_in_prose(town, seat, housing):
    return [f"Punkt 4. Godkendelse af strategisk samarbejdsaftale for Nordlys {seat}", "",
            "Parterne har valgt to indsatsområder:", "  – Uddannelse og livschancer", "  – Kriminalitetsforebyggelse", "",
            'Under Uddannelse og livschancer etableres "Læseklubben" for børn i indskolingen i',
            f'samarbejde med {seat} Skole, samt "Forældreholdet", hvor sundhedsplejen underviser forældre.',
            f'Kriminalitetsforebyggelse omfatter "Gadeholdet", et samarbejde mellem SSP {town},',
            f"Syd- og Sønderjyllands Politi og {seat} Ungdomsklub om opsøgende arbejde med unge om",
            'aftenen, og "Nabovagten", hvor frivillige beboere gennemfører tryghedsvandringer.', ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
def test_projects_in_quotes_after_the_area_a_sentence_names(tmp_path, make_docx, make_pdf, town, seat, housing):
    r = _extract(tmp_path, _areas_in_prose(town, seat, housing), "as written", make_docx, make_pdf)
    assert {a.name: a.focus_area for a in r.activities} == {
        "Læseklubben": "Uddannelse og livschancer", "Forældreholdet": "Uddannelse og livschancer",
        "Gadeholdet": "Kriminalitetsforebyggelse", "Nabovagten": "Kriminalitetsforebyggelse"}


def _secondment(town, seat, housing):
    return [f"AFTALE OM FREMSKUDT FAMILIERÅDGIVER", f'i den boligsociale helhedsplan "Nordlys {seat}"', "",
            "Mellem", f"{town} Kommune, Familie og Forebyggelse", "og", housing, "",
            "Det fremgår af delaftalen om Sundhed og trivsel, at kommunen stiller en familierådgiver til rådighed.", "",
            "3. Opgaver", "Familierådgiveren skal",
            'a) holde "Åben rådgivning" i beboerhuset hver tirsdag kl. 9-12 for',
            "   børnefamilier og enlige forsørgere,",
            f'b) sammen med sundhedsplejen i {town} Kommune deltage i "Familieholdet",',
            "   et gruppeforløb for forældre med børn 0-6 år,",
            f'c) deltage i "Ung på Vej", hvor {seat} Ungdomsskole hjælper unge videre i uddannelse,',
            "d) deltage i helhedsplanens koordinationsforum hver 6. uge.", "",
            "4. Ledelse", "Den faglige ledelse ligger hos lederen af Familie og Forebyggelse.", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
def test_a_secondment_s_tasks_name_the_projects_joined(tmp_path, make_docx, make_pdf, town, seat, housing, how):
    r = _extract(tmp_path, _secondment(town, seat, housing), how, make_docx, make_pdf)
    assert sorted(a.name for a in r.activities) == ["Familieholdet", "Ung på Vej", "Åben rådgivning"]
    assert [f.name for f in r.focus_areas] == ["Sundhed og trivsel"]


def _speech(town, seat, housing):
    return [f"{town} Kommune – Borgmesterens tale", f'Underskrivelse af den boligsociale helhedsplan "Nordlys {seat}"', "",
            f"Det er en stor dag for {seat}. Om lidt sætter jeg og formanden for {housing} vores navne under aftalen.", "",
            "Helhedsplanen har to indsatsområder. Det første hedder Uddannelse og livschancer.",
            f'Her starter vi "Lektieskuret" sammen med {seat} Skole – og jeg har hørt,',
            'at der bliver serveret boller. Vi starter også "Ø-forældre", et netværk for nye forældre.', "",
            'Det andet indsatsområde hedder Sundhed og trivsel. Her vil jeg særligt nævne "Havnegangen",',
            f"hvor {seat} Idrætsforening inviterer til gåture hver søndag.", "", "Tak for ordet.", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_speech_names_areas_by_their_place_and_projects_after(tmp_path, make_docx, make_pdf, town, seat, housing, how):
    r = _extract(tmp_path, _speech(town, seat, housing), how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Sundhed og trivsel"]
    assert {a.name: a.focus_area for a in r.activities} == {
        "Lektieskuret": "Uddannelse og livschancer", "Ø-forældre": "Uddannelse og livschancer",
        "Havnegangen": "Sundhed og trivsel"}


def _delaftale_basis(town, seat, housing):
    return [f"{housing} · {town} Kommune", f"Nordlys {seat} 2024-2028", "", "DELAFTALE – BESKÆFTIGELSE", "",
            "1. Aftalegrundlag",
            f'Denne delaftale er en del af den boligsociale helhedsplan "Nordlys {seat}", som {town} Kommune og',
            f"{housing} har indgået for perioden 1. maj 2024 til 30. april 2028.",
            "Delaftale 1 om Uddannelse og livschancer er vedlagt som bilag 1.", "",
            "2. Delaftalens parter", f"   Jobcenter {town}", "", "3. Aktiviteter",
            "Aktivitetsnavn: Jobstedet", "Målgruppe: ledige beboere 18-64 år", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
def test_a_delaftale_s_basis_section_and_the_other_delaftale_named_in_a_sentence(tmp_path, make_docx, make_pdf,
                                                                                  town, seat, housing):
    r = _extract(tmp_path, _delaftale_basis(town, seat, housing), "as written", make_docx, make_pdf)
    assert [a.name for a in r.activities] == ["Jobstedet"]
    assert sorted(f.name for f in r.focus_areas) == ["Beskæftigelse", "Uddannelse og livschancer"]


def _short_area_cells(town, seat, housing):
    return [f"Strategisk samarbejdsaftale for Nordlys {seat}", "", f"Aftalens parter: {town} Kommune og {housing}", "",
            "3. Indsatsområder og delaftaler", "Delaftale 1: Tryghed og trivsel", "Delaftale 2: Uddannelse og livschancer", "",
            "6. Aktivitetsoversigt (uddrag af delaftalerne)", "Aktivitet   Delaftale   Målgruppe   Partnere",
            "Trygge Stier   Tryghed   alle beboere   Syd- og Sønderjyllands Politi, Natteravnene",
            "Velkommen til   Tryghed   nye beboere   afdelingsbestyrelserne",
            f"Lektietoget   Uddannelse   børn 6-12 år   {seat} Skole, Røde Kors {seat}",
            f"Sommerskolen   Uddannelse   børn og unge   {town} Bibliotek", "", "7. Opfølgning",
            "Indsatsen følges op på styregruppens møder.", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_summary_table_gives_each_area_by_its_first_word(tmp_path, make_docx, make_pdf, town, seat, housing, how):
    r = _extract(tmp_path, _short_area_cells(town, seat, housing), how, make_docx, make_pdf)
    assert {a.name: a.focus_area for a in r.activities} == {
        "Trygge Stier": "Tryghed og trivsel", "Velkommen til": "Tryghed og trivsel",
        "Lektietoget": "Uddannelse og livschancer", "Sommerskolen": "Uddannelse og livschancer"}


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_key_figures_name_departments_before_their_numbers(tmp_path, make_docx, make_pdf, town, seat, housing, how):
    lines = [f"BOLIGSOCIAL HELHEDSPLAN FOR {seat.upper()} NORD", f"{housing} og {town} Kommune", "",
             "Nøgletal pr. 1.9.2011", "  Kærparken, afd. 11:    148 boliger / 322 beboere",
             "  Lindely, afd. 14:       86 boliger / 190 beboere", f"  {seat} Nord i alt:     234 boliger / 512 beboere",
             "  Andel børn og unge under 18:  31 %", "", "2. INDSATSOMRÅDER", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    got = {z.name: z.units for z in r.zones if z.type == "housing_department"}
    assert got == {"Kærparken": 148, "Lindely": 86}, [(z.name, z.units) for z in r.zones]


def _ascii_status(town, seat, housing):
    return [f"ÅRSSTATUS 2025 Boligsocial indsat \"Nordlys {seat}\" – strategisk samarbejdsaftale 2024-2028", "",
            "3. DELAFTALER OG AKTIVITETER", "Delaftale 1 – Beskæftigelse",
            "Aktivitet             Status      Deltagere  Partnere",
            "--------------------  ----------  ---------  ------------------------------",
            f"Jobspot {seat:<13s} På sporet   64         Jobcenter {town}; {town} Erhvervsforum",
            f"Kvindenetværket       Forsinket   11         Jobcenter {town}; FOF {town}",
            f"Sommerjob for unge    Afsluttet   23         {town} Erhvervsforum", "",
            "Delaftale 2 – Kriminalitetsforebyggelse", "Aktivitet             Status      Deltagere  Partnere",
            "--------------------  ----------  ---------  ------------------------------",
            f"Fredagsklubben        På sporet   38         {seat} Ungdomsklub; SSP {town}",
            f"Trappeholdet          Afsluttet   --         {town} Politi; Red Barnet",
            f"Nattevandring         På sporet   12         Natteravnene", "", "4. OPFØLGNING", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_ascii_status_tables_with_statuses_in_words(tmp_path, make_docx, make_pdf, town, seat, housing, how):
    r = _extract(tmp_path, _ascii_status(town, seat, housing), how, make_docx, make_pdf)
    assert {a.name: a.focus_area for a in r.activities} == {
        f"Jobspot {seat}": "Beskæftigelse", "Kvindenetværket": "Beskæftigelse", "Sommerjob for unge": "Beskæftigelse",
        "Fredagsklubben": "Kriminalitetsforebyggelse", "Trappeholdet": "Kriminalitetsforebyggelse",
        "Nattevandring": "Kriminalitetsforebyggelse"}, [(a.name, a.focus_area) for a in r.activities]


def _numbered_ascii(town, seat, housing):
    return [f"DELAFTALE – BESKÆFTIGELSE", f"Nordlys {seat} 2024-2028", "", "5. Aktiviteter", "",
            "   Nr.  Aktivitet                  Målgruppe                   Samarbejdspartnere",
            "   ---  -------------------------  --------------------------  ------------------------------",
            f"   2.1  Jobstedet                  ledige beboere 18-64 år     Jobcenter {town}",
            f"   2.2  Kvinder i Arbejde          kvinder uden for            Jobcenter {town}, Sprogcenter",
            f"                                   arbejdsmarkedet             {town}",
            f"   2.3  UngeSpotter                unge ledige 18-29 år        {town} Ungdomsskole", "",
            "6. Økonomi", "Delaftalens samlede budget er 2,4 mio. kr.", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_numbered_ascii_activity_table(tmp_path, make_docx, make_pdf, town, seat, housing, how):
    r = _extract(tmp_path, _numbered_ascii(town, seat, housing), how, make_docx, make_pdf)
    assert sorted(a.name for a in r.activities) == ["Jobstedet", "Kvinder i Arbejde", "UngeSpotter"]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_two_signatures_side_by_side_run_together(tmp_path, make_docx, make_pdf, town, seat, housing, how):
    lines = [f"Strategisk samarbejdsaftale for Nordlys {seat}", "", f"Aftalens parter: {town} Kommune og {housing}", "",
             "8. Underskrifter", f"For {town} Kommune   For {housing}",
             f"{town}, den 11. december 2019   {seat}, den 13. december 2019", "",
             "Bente Holm Kragelund   Ole Ravn Sørensen", "Borgmester   Formand for organisationsbestyrelsen", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {c.name: name_key(c.organisation) for c in r.contacts} == {
        "Bente Holm Kragelund": name_key(f"{town} Kommune"), "Ole Ravn Sørensen": name_key(housing)}
    assert not any(seat in o.name for o in r.organisations), [o.name for o in r.organisations]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_plan_s_about_page_names_it(tmp_path, make_docx, make_pdf, town, seat, housing, how):
    lines = ["Spring til indhold", f"NORDLYS {seat.upper()} | Forside | Aktiviteter | Om os | Kontakt",
             '<nav aria-label="brødkrumme">Forside &gt; Om os</nav>', "", f"<h1>Om Nordlys {seat}</h1>",
             f"<p><strong>Nordlys {seat}</strong> er den boligsociale helhedsplan i {seat} Syd. Planen er aftalt mellem",
             f"<strong>{housing}</strong> og <strong>{town} Kommune</strong>.</p>", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert r.plan.name == f"Nordlys {seat}"


@pytest.mark.parametrize("town,seat,housing", TOWNS)
def test_department_cells_broken_by_a_soft_line_break(tmp_path, make_docx, make_pdf, town, seat, housing):
    lines = [f"Boligsocial helhedsplan for {seat} Fjordside", "", "Afdelingerne:", "Afdeling\tBoliger\tOpført",
             "Kærparken", "afd. 21\t56\t1968", "Lindely", "afd. 24\t40\t1974", f"{seat} Fjordside i alt\t96\t", "",
             "2. Indsatsområder", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert {z.name: (z.units, z.part_of) for z in r.zones} == {
        "Kærparken": (56, f"{seat} Fjordside"), "Lindely": (40, f"{seat} Fjordside"), f"{seat} Fjordside": (96, None)}


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_contact_labelled_by_the_plan_is_not_its_name(tmp_path, make_docx, make_pdf, town, seat, housing, how):
    lines = ["SAMARBEJDSAFTALE", f'mellem {seat} Skole og den boligsociale helhedsplan "Nordlys {seat}"', "",
             "§ 1 Parter", f"{seat} Skole", f"{housing} på vegne af helhedsplanen", "", "§ 6 Kontaktpersoner",
             f"Skolen: Viceskoleleder Merete Holbæk Sandal, mhs@skole.dk, 87 92 46 10",
             f"Helhedsplanen: Boligsocial medarbejder Kristian Aagaard Fenger, kaf@bolig.dk,", "tlf. 22 61 04 87", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert r.plan.name == f"Nordlys {seat}"


@pytest.mark.parametrize("town,seat,housing", TOWNS)
def test_a_delaftale_s_numbered_activities_are_its_own_area_s(tmp_path, make_docx, make_pdf, town, seat, housing):
    lines = _delaftale_basis(town, seat, housing)[:9] + ["", "5. Aktiviteter",
             "   Nr.  Aktivitet                  Målgruppe                   Samarbejdspartnere",
             f"   2.1  Jobstedet                  ledige beboere 18-64 år     Jobcenter {town}",
             f"   2.2  Kvinder i Arbejde          kvinder uden for job        Jobcenter {town}", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert {a.name: a.focus_area for a in r.activities} == {"Jobstedet": "Beskæftigelse",
                                                            "Kvinder i Arbejde": "Beskæftigelse"}
