"""Forms found in session 21 on the earlier blind sets' flattened copies, as made-up documents
of three other municipalities:

* a cover whose lines ran together: the letterhead's names between " · " stay one line (the
  last of them is not the plan's title), a caps heading keeps its number and its "TIL"
  ("BILAG 2 TIL STRATEGISK SAMARBEJDSAFTALE"), a title in capitals keeps its "I";
* a status table run together (name, focus area, target, partners, traffic light): each row's
  name is the cell after the row before's light;
* quoted list items run together without punctuation between them."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = [("Vejen", "Askov Boligselskab", "Boligforeningen Kongeå"), ("Struer", "Struer Andelsboligforening", "Limfjordsbo"),
         ("Faxe", "Boligselskabet Faxehus", "Haslev Bolig")]


def _annex(town, a, b):
    return [f"{town} Kommune · {a} · {b}", "",
            "BILAG 2 TIL STRATEGISK SAMARBEJDSAFTALE",
            "Engly Rykker – tids- og aktivitetsplan 2025-2028", "",
            f"Bilaget hører til den strategiske samarbejdsaftale mellem {a}, {b} og {town} Kommune "
            "om den boligsociale indsats i Engly. Aftalen gælder fra 1. januar 2025 til 31. december 2028.", ""]


def _letterhead(town, a, b):
    return [f"{town} Kommune · {a} · {b}", "", "ENGLY SAMMEN",
            "Strategisk samarbejdsaftale om den boligsociale indsats i Engly 2025-2028", "",
            f"1. Aftalens parter {a}, {b} og {town} Kommune. {a} er administrerende boligorganisation.", ""]


def _caps_title(town, a, b):
    return ["HELHEDSPLAN ENGLY I BEVÆGELSE 2013-2016",
            f"Ansøgning til Landsbyggefonden fra {a} og {b} i samarbejde med {town} Kommune", "",
            "Helhedsplanen løber fra 1. januar 2013 til 31. december 2016 og omfatter afdelingerne Engly og Kærhøj.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("form,name", [(_annex, "Engly Rykker"), (_letterhead, "ENGLY SAMMEN"),
                                       (_caps_title, "HELHEDSPLAN ENGLY I BEVÆGELSE")])
def test_a_cover_run_together_keeps_its_title(tmp_path, make_docx, make_pdf, town, a, b, form, name):
    for how in ("as written", "flattened"):
        r = _extract(tmp_path, form(town, a, b), how, make_docx, make_pdf)
        assert name_key(r.plan.name) == name_key(name), (how, r.plan.name)


def _status(town):
    return [f"Styregruppemøde i Engly, {town}", "", "Ad 2. Status på aktiviteterne", "",
            "Aktivitet\tIndsatsområde\tMålgruppe\tPartnere\tStatus",
            f"Lektieklubben\tUddannelse og livschancer\tbørn i 3.-6. klasse\tEngly Skole, {town} Bibliotek\tgrøn",
            "Småbørn i Engly\tUddannelse og livschancer\tforældre med børn 0-5 år\tSundhedsplejen\tgul",
            f"Ung Vejviser\tUddannelse og livschancer\tunge 15-25 år uden uddannelse\tKUI {town}\tgrøn",
            f"Naboskabet\tSammenhængskraft og medborgerskab\talle beboere\tFrivilligcenter {town}\tgrøn",
            f"Engly Kulturdage\tSammenhængskraft og medborgerskab\tbeboere og frivillige\t{town} Kulturhus\tgul", "",
            "Småbørn i Engly er gul, fordi sundhedsplejen har haft vakancer.", ""]


@pytest.mark.parametrize("town", [t for t, _, _ in TOWNS])
@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
def test_a_status_table_run_together_names_each_row(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _status(town), how, make_docx, make_pdf)
    names = {name_key(a.name) for a in r.activities}
    assert names == {name_key(n) for n in ("Lektieklubben", "Småbørn i Engly", "Ung Vejviser", "Naboskabet",
                                           "Engly Kulturdage")}, names
    ung = next(a for a in r.activities if name_key(a.name) == "ung vejviser")
    assert name_key(f"KUI {town}") in {name_key(p) for p in ung.partners} or ung.partners == [], ung.partners


def _council(town):
    """A council item's summary: the areas a sentence counts, each over its activities as
    quoted bullets; a paragraph and the annexes after them."""
    return [f"{town} Kommune – Kommunalbestyrelsen", "",
            "Punkt 8. Godkendelse af strategisk samarbejdsaftale for Engly 2025-2028", "",
            "Sagsfremstilling", f"Aftalen er indgået mellem Boligselskabet Engbo og {town} Kommune.", "",
            "Parterne har valgt to indsatsområder:", "",
            "Uddannelse og livschancer",
            f'- "Læsespiren" for børn i indskolingen, i samarbejde med Engly Skole og {town} Bibliotek',
            '- "Far og Barn" – forældrekurser for fædre med Sundhedsplejen', "",
            "Kriminalitetsforebyggelse og tryghed",
            f'- "Tryghedsvandringer" med {town} Politi',
            f'- "Nattevagten" – frivillige voksne på gaden med SSP {town}', "",
            "Indstilling: Administrationen indstiller, at aftalen godkendes, og at borgmesteren bemyndiges til at "
            "underskrive aftalen på kommunens vegne, og at den kommunale medfinansiering på 2,4 mio. kr. "
            "finansieres af puljen til boligsociale indsatser.", "",
            "Bilag", "1. Strategisk samarbejdsaftale for Engly (udkast)", "2. Kort over området", ""]


@pytest.mark.parametrize("town", [t for t, _, _ in TOWNS])
@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
def test_quoted_bullets_under_counted_areas_run_together(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _council(town), how, make_docx, make_pdf)
    got = {name_key(a.name): a.focus_area for a in r.activities}
    assert got == {"læsespiren": "Uddannelse og livschancer", "far og barn": "Uddannelse og livschancer",
                   "tryghedsvandringer": "Kriminalitetsforebyggelse og tryghed",
                   "nattevagten": "Kriminalitetsforebyggelse og tryghed"}, got


# --- forms of session 21's blind set R ---------------------------------------------------------

def _delaftaler_table(town, a, b):
    """Activities in a space-aligned table whose heads are worded in the municipality's own way
    ("Hvem er med", "Ansvarlig / medvirkende"); departments in a table "Afd. | Navn | Boligorg."."""
    return [f"AFTALE OM BOLIGSOCIAL INDSATS I ENGLY, {town.upper()}", "",
            f"Denne aftale indgås mellem {town} Kommune, {a} og {b} om helhedsplanen »Englyset«.", "",
            "B. BOLIGOMRÅDET",
            "Afd.  Navn              Boligorg.                  Lejemål",
            f"3     Agerlunden        {a:<26} 318",
            f"9     Kæret             {b:<26} 206",
            "I alt                                            524", "",
            "E. DELAFTALE 1 – UDDANNELSE OG LIVSCHANCER",
            f"Parter i delaftalen: Englyset, Engskolen, Sundhedsplejen og {town} Bibliotek.", "",
            "Aktivitet               Hvem er med                       Ansvarlig / medvirkende",
            f"Sprogkassen             børn 0-6 år og deres forældre     Sundhedsplejen, {town} Bibliotek",
            "Lektiehjælp Eng         elever i 4.-9. klasse             Engskolen", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_table_with_heads_in_own_words(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _delaftaler_table(town, a, b), "as written", make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Sprogkassen", "Lektiehjælp Eng"}, set(acts)
    assert name_key(f"{town} Bibliotek") in {name_key(p) for p in acts["Sprogkassen"].partners}
    assert "children" in acts["Lektiehjælp Eng"].target_groups
    zones = {z.name: z for z in r.zones}
    assert {"Agerlunden", "Kæret"} <= set(zones), set(zones)
    assert zones["Agerlunden"].units == 318 and "afd. 3" in zones["Agerlunden"].aliases


def _project_forms(town, a, b):
    """A 2006-10 application: areas counted in Roman numerals under "Indsatsområder og
    delprojekter" (a sentence between), a form per project ("Delprojekt nr.: II.1" over "Titel:"),
    departments with dotted leaders and a note after the dwellings."""
    return [f"{a} · {town} Kommune", "", "HELHEDSPLAN FOR ENGLY", f"Boligsocial indsats i {town} 2009-2012", "",
            "2. Boligområdet",
            "Afdeling 4, Agerlunden ... 196 boliger (opført 1972, 2-4 vær.)",
            "Afdeling 7, Kæret ....... 88 boliger (opført 1968)", "",
            "3. Indsatsområder og delprojekter",
            "Helhedsplanen har to indsatsområder. Hvert delprojekt er beskrevet i et projektskema.", "",
            "I.   Børn, unge og familier", "II.  Beboerliv og naboskab", "",
            "Delprojekt nr.: I.1", "Titel: Familiehuset i Engly", "Målgruppe: småbørnsfamilier",
            "Samarbejdspartnere: Sundhedsplejen", "Beskrivelse: Åbent hus tre eftermiddage om ugen.", "",
            "Delprojekt nr.: II.1", "Titel: Nabohjælp", "Målgruppe: alle beboere",
            f"Samarbejdspartnere: Ældre Sagen {town}", "Beskrivelse: Velkomstbesøg til nye beboere.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_project_forms_under_roman_areas(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _project_forms(town, a, b), how, make_docx, make_pdf)
    assert {f.name for f in r.focus_areas} == {"Børn, unge og familier", "Beboerliv og naboskab"}
    assert {a.name: a.focus_area for a in r.activities} == {"Familiehuset i Engly": "Børn, unge og familier",
                                                            "Nabohjælp": "Beboerliv og naboskab"}
    zones = {z.name: z for z in r.zones}
    assert zones["Agerlunden"].units == 196 and zones["Agerlunden"].aliases == ["afd. 4"], zones.get("Agerlunden")


def _report(town, a, b):
    """A designed annual report: the areas as headings, each activity a "►" bullet over its paragraph."""
    return [f"ENGLY SAMMEN – boligsocial helhedsplan i {town}", "", "ÅRSBERETNING 2024", "",
            "Beskæftigelse", "► Job i Engly",
            f"Vores jobrådgiver har træffetid to dage om ugen sammen med Jobcenter {town}, der også henviser borgere.",
            "► Sprogcafé (ny i 2024)", "Mandagscafé for beboere, der vil øve dansk med henblik på job.",
            "► Madklub for mænd", "Madlavning for mænd over 50 uden for arbejdsmarkedet.", "",
            "Sammenhængskraft og medborgerskab", "► Frivilligbørsen",
            f"Vi matcher beboere, der vil give en hånd, med opgaver. Frivilligcenter {town} holder kurser.",
            "► Fællesspisning", "Hver anden torsdag med gennemsnitligt 74 spisende.", "",
            "Holdet bag Engly Sammen", f"Kontakt: boligsocial leder Anna Krog, {a}", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_arrow_bullets_with_paragraphs_under_area_headings(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _report(town, a, b), how, make_docx, make_pdf)
    got = {x.name: x.focus_area for x in r.activities}
    assert got == {"Job i Engly": "Beskæftigelse", "Sprogcafé": "Beskæftigelse", "Madklub for mænd": "Beskæftigelse",
                   "Frivilligbørsen": "Sammenhængskraft og medborgerskab",
                   "Fællesspisning": "Sammenhængskraft og medborgerskab"}, got


def _press(town, a, b):
    """A press release: what the plan will do as a dash list under a sentence that says so (quotes
    also open with a dash), an activity named after its place ("på Engly Skole"), a national body's
    local branch ("Ældre Sagen <town>")."""
    return ["PRESSEMEDDELELSE", f"{town} Kommune · {a} · {b}", "",
            f"Ny helhedsplan skal skabe fællesskaber i Engly, {town}", "",
            f"Med underskriften på en strategisk samarbejdsaftale går {town} Kommune og to boligselskaber i gang med "
            '"Engly Bevæger".', "",
            "- Vi vil gerne have, at alle børn får en god skolestart, siger borgmesteren.", "",
            "Det skal helhedsplanen blandt andet lave:",
            "- Familiecaféen, hvor Sundhedsplejen giver råd til småbørnsforældre",
            f"- Lektiehjælp på Engly Skole to gange om ugen, med frivillige fra Ældre Sagen {town}",
            f"- Jobhuset Engly, et samarbejde med Jobcenter {town} for ledige beboere", "",
            "Styregruppen har følgende medlemmer:", f"- Direktør for {a}", f"- Chef for Jobcenter {town}", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_list_of_what_the_plan_will_do(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _press(town, a, b), how, make_docx, make_pdf)
    acts = {x.name: x for x in r.activities}
    assert set(acts) == {"Familiecaféen", "Lektiehjælp på Engly Skole", "Jobhuset Engly"}, set(acts)
    assert acts["Lektiehjælp på Engly Skole"].partners == [f"Ældre Sagen {town}"]
    assert f"Ældre Sagen {town}" in {o.name for o in r.organisations}


def _hearing(town, a, b):
    """A council's consultation response: the areas in a sentence whose subject they are, each a
    numbered section of remarks naming the activities in quotes; signatures side by side; the
    secretary's record under a role label, wrapped onto a second line."""
    return [f"INTEGRATIONSRÅDET I {town.upper()} KOMMUNE", "", "Vedr.: Høringssvar – strategisk samarbejdsaftale for Engly", "",
            f"Aftalen indgås mellem {town} Kommune, {a} og {b} om den boligsociale helhedsplan \"Englyset\".",
            "Indsatsområderne er Beskæftigelse og Uddannelse og livschancer.", "",
            "1. Beskæftigelse",
            f"Rådet støtter aktiviteten \"Jobvejen Engly\", som Jobcenter {town} driver.", "",
            "2. Uddannelse og livschancer",
            f"Rådet er positivt over for aktiviteten \"Lektieklub Engly\" med {town} Bibliotek.", "",
            "3. Rådets medvirken", "Rådet stiller sig gerne til rådighed.", "",
            "Med venlig hilsen", "",
            "Aisha Krog Bundsgaard                       Frank Lykke Boesgaard",
            "formand for Integrationsrådet                næstformand", "",
            f"Sekretær for rådet: Louise Brandt Hvidkjær, Borgerservice og Integration, {town} Kommune,",
            "lbh@engly-kommune.dk, tlf. 9960 3372", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_consultation_response(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _hearing(town, a, b), "as written", make_docx, make_pdf)
    assert {f.name for f in r.focus_areas} == {"Beskæftigelse", "Uddannelse og livschancer"}
    assert {x.name: x.focus_area for x in r.activities} == {"Jobvejen Engly": "Beskæftigelse",
                                                            "Lektieklub Engly": "Uddannelse og livschancer"}
    people = {c.name: c for c in r.contacts}
    assert {"Aisha Krog Bundsgaard", "Frank Lykke Boesgaard", "Louise Brandt Hvidkjær"} <= set(people), set(people)
    assert people["Louise Brandt Hvidkjær"].email == "lbh@engly-kommune.dk"
    assert people["Louise Brandt Hvidkjær"].organisation == "Borgerservice og Integration"


def _web_page(town, a, b):
    """A plan's web page: what "we" run under each area, in a paragraph whose lines wrap inside an area's name."""
    return ["Om helhedsplanen Englyset", "",
            f"Englyset er den boligsociale helhedsplan i Engly i {town}. Helhedsplanen er et samarbejde mellem {a},",
            f"{b} og {town} Kommune. Indsatsområder: Uddannelse og livschancer · Beskæftigelse", "",
            "Vi arbejder med to indsatsområder, som er aftalt i den strategiske samarbejdsaftale. Under Uddannelse",
            f"og livschancer driver vi Lektiecafé Englyset sammen med {town} Bibliotek, og Familiestuen, hvor",
            f"Sundhedsplejen møder forældre med små børn. Under Beskæftigelse driver vi Jobcaféen sammen med Jobcenter",
            f"{town} og Fritidsjobkorpset, som hjælper unge mellem 13 og 17 år til deres første fritidsjob.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_what_we_run_under_each_area(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _web_page(town, a, b), how, make_docx, make_pdf)
    assert {x.name: x.focus_area for x in r.activities} == {
        "Lektiecafé Englyset": "Uddannelse og livschancer", "Familiestuen": "Uddannelse og livschancer",
        "Jobcaféen": "Beskæftigelse", "Fritidsjobkorpset": "Beskæftigelse"}


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_an_excerpt_shows_the_name_it_cites(tmp_path, make_docx, make_pdf, town, a, b):
    """A name late in a long line (a paragraph, or a page that lost its breaks) is cited by a
    window of the line around it, not by the line's first 160 characters."""
    lines = [f"Helhedsplan for Engly, {town}", "",
             f"Aftalen er indgået mellem {a}, {b} og {town} Kommune. " + "Parterne arbejder sammen om trivsel. " * 6
             + f"Delaftalen om kriminalitetsforebyggelse udarbejdes sammen med SSP {town} og Sydsjællands Politi.", ""]
    for how in ("as written", "flattened"):
        r = _extract(tmp_path, lines, how, make_docx, make_pdf)
        police = next(o for o in r.organisations if o.name == "Sydsjællands Politi")
        assert all("Sydsjællands Politi" in s.excerpt and len(s.excerpt) <= 160 for s in police.sources), police.sources
        party = next(o for o in r.organisations if o.name == a)
        assert party.sources[0].excerpt.startswith(("Aftalen er indgået", "Helhedsplan")), party.sources


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_footnote_numbers_glued_to_names(tmp_path, make_docx, make_pdf, town, a, b, how):
    """A PDF's superscript note numbers copied as digits glued to the names they annotate
    ("Jobcenter Vejen3") are dropped where the document prints the notes' texts."""
    lines = [f"Helhedsplan for Engly, {town}", "",
             f"Den boligsociale leder er ansat i {a}1, og lederen refererer til bestyrelsen. Bestyrelsen mødes fire "
             "gange om året og følger op på målene for hvert af de tre indsatsområder, som parterne har valgt.",
             f"Delaftalens parter: Englyset, Jobcenter {town}2, {town} Bibliotek og {b}.", "",
             "1 Lederen er ansat i boligorganisationens boligsociale enhed.",
             f"2 Jobcenter {town} deltager med virksomhedskonsulenter.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    names = {o.name for o in r.organisations}
    assert {a, f"Jobcenter {town}"} <= names and not any(n[-1:].isdigit() for n in names), names


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_project_forms_run_together(tmp_path, make_docx, make_pdf, town, a, b):
    """The project forms of a page that lost its line breaks: each number field and title field cut apart."""
    r = _extract(tmp_path, _project_forms(town, a, b), "flattened", make_docx, make_pdf)
    assert {x.name for x in r.activities} == {"Familiehuset i Engly", "Nabohjælp"}


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_flattened_table_with_heads_in_own_words(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _delaftaler_table(town, a, b), "flattened", make_docx, make_pdf)
    assert {x.name for x in r.activities} == {"Sprogkassen", "Lektiehjælp Eng"}


def _committee(town, a, b):
    """A committee item: the departments in a sentence wrapped over two lines (its verb on the
    first), a fact box's "Afdelinger:" field, a board member's organisation with the role after it."""
    owner_a, owner_b = a.split()[-1], b.split()[-1]
    return [f"{town} Kommune – Social- og Sundhedsudvalget", "",
            "Sagsbeskrivelse", f"Aftalens parter: {a}, {b} og {town} Kommune.",
            "Helhedsplanen får navnet \"Kompasset\" og løber fra 1. januar 2025 til 31. december 2028. Den omfatter",
            f"{owner_a}s afdelinger Kulhuset og Tørvehuse samt {owner_b}s afdeling Stenhøjen. Kulhuset har 326",
            "boliger.", "",
            "FAKTA",
            f"Afdelinger: Kulhuset ({owner_a}, 326 boliger) · Tørvehuse ({owner_a}, 118 boliger)", "",
            f"Helhedsplanens bestyrelse består af direktør Lone Skibsby Harbo ({a},",
            f"formand) og formand Per Olsen Nybo ({b}).", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_departments_in_a_wrapped_sentence_and_a_fact_box(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _committee(town, a, b), "as written", make_docx, make_pdf)
    zones = {z.name: z for z in r.zones}
    assert {"Kulhuset", "Tørvehuse", "Stenhøjen"} <= set(zones), set(zones)
    assert zones["Tørvehuse"].units == 118
    assert not any(o.name.endswith("formand") for o in r.organisations), [o.name for o in r.organisations]


def _printed_form(town, a, b):
    """A 2011-14 application printed from a form: the areas counted with bare numbers under a
    heading with a note, then the activities numbered by area ("AKTIVITET 2.1")."""
    return [f"Engly – helhedsplan for {town} Syd", "", "HELHEDSPLANENS NAVN", "Engly", "",
            "ANSØGENDE BOLIGORGANISATION", a, "", "KOMMUNE", f"{town} Kommune", "",
            "INDSATSOMRÅDER (pulje 2011-2014)", "1  Tryghed og trivsel", "2  Uddannelse og beskæftigelse",
            "3  Børn, unge og forældre", "",
            "AKTIVITET 1.1  Gårdværterne", "Ansvarlig part: helhedsplanen", "Målgruppe: alle beboere", "",
            "AKTIVITET 2.1  Jobhjørnet", f"Ansvarlig part: Jobcenter {town}", "Målgruppe: ledige over 25 år", "",
            "AKTIVITET 3.1  Lektiecafé Engly", f"Ansvarlig part: {town} Bibliotek", "Målgruppe: børn 6-12 år", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_activities_numbered_by_the_counted_areas(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _printed_form(town, a, b), how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Tryghed og trivsel", "Uddannelse og beskæftigelse",
                                               "Børn, unge og forældre"]
    assert {x.name: x.focus_area for x in r.activities} == {"Gårdværterne": "Tryghed og trivsel",
                                                            "Jobhjørnet": "Uddannelse og beskæftigelse",
                                                            "Lektiecafé Engly": "Børn, unge og forældre"}


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("form,name", [
    (lambda t, a, b: [f"{t} Kommune – Udvalget for Familier og Unge – Referat", "", "Punkt 4. Ny helhedsplan", "",
                      f"Helhedsplanen får navnet \"Engbroen\" og løber fra 1. januar 2025 til 31. december 2028 "
                      f"i {a}s afdelinger.", ""], "Engbroen"),
    (lambda t, a, b: ["PRESSEMEDDELELSE", f"{t} Kommune · {a}", "", "Ny helhedsplan i Engly", "",
                      f"Med underskriften går {t} Kommune og {a} nu i gang med »Engly Bevæger« – den første",
                      "boligsociale helhedsplan i Engly.", ""], "Engly Bevæger"),
    (lambda t, a, b: [f"INTEGRATIONSRÅDET I {t.upper()} KOMMUNE", "", "Vedr.: Høringssvar – udkast til aftale for Engly", "",
                      "Rådet takker for muligheden for at afgive høringssvar om den boligsociale helhedsplan",
                      "\"Engmosaikken\" i Engly.", ""], "Engmosaikken"),
    (lambda t, a, b: [f"AFTALE OM BOLIGSOCIAL INDSATS I ENGLY, {t.upper()}", "",
                      "Indsatsens navn ........ Englyset – boligsocial helhedsplan for Engly Nord",
                      f"Aftalens parter: {a}, {b} og {t} Kommune", ""], "Englyset")])
def test_a_plan_named_in_a_sentence_or_before_what_it_is(tmp_path, make_docx, make_pdf, town, a, b, form, name):
    r = _extract(tmp_path, form(town, a, b), "as written", make_docx, make_pdf)
    assert r.plan.name == name, r.plan.name


def _paragraph_items(town, a, b):
    """Activities as "Name: description" paragraphs under lettered area headings, each paragraph
    wrapped over lines, its fields ("Målgruppe:", "Samarbejde:") inside it."""
    return [f"Engly Fremad · Boligsocial helhedsplan i {town}", "", "2. Indsatsområder",
            "Helhedsplanen arbejder inden for to af Landsbyggefondens indsatsområder:",
            "a) Tryghed og trivsel", "b) Uddannelse og beskæftigelse", "",
            "3. Aktiviteter", "a) Tryghed og trivsel",
            "Nabo til nabo: frivillige beboere byder nye tilflyttere velkommen og arrangerer fællesspisning hver",
            "måned. Målgruppe: alle beboere. Samarbejde: afdelingsbestyrelserne.",
            "Gårdfesten: en årlig fest i gården for alle beboere, arrangeret af frivillige.",
            "b) Uddannelse og beskæftigelse",
            f"Jobbroen Engly: virksomhedskonsulent fra Jobcenter {town} med kontor i Engly to",
            "dage om ugen. Målgruppe: ledige beboere over 30 år.",
            f"Lektiebussen: lektiehjælp for elever i 2.-7. klasse på Engly Skole med {town} Bibliotek.", "",
            "4. Organisering", f"Helhedsplanen ledes af en projektleder ansat i {a}.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_name_and_description_paragraphs_under_lettered_areas(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _paragraph_items(town, a, b), "as written", make_docx, make_pdf)
    assert {x.name: x.focus_area for x in r.activities} == {
        "Nabo til nabo": "Tryghed og trivsel", "Gårdfesten": "Tryghed og trivsel",
        "Jobbroen Engly": "Uddannelse og beskæftigelse", "Lektiebussen": "Uddannelse og beskæftigelse"}


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_arrow_bullets_under_area_headings_run_together(tmp_path, make_docx, make_pdf, town, a, b):
    """The annual report's page with its line breaks lost: each area's heading ends the paragraph
    before its bullets and is cut off onto a line of its own."""
    lines = _report(town, a, b)
    lines[2:2] = ["Året i tal: 412 lejemål i de tre afdelinger, 1.180 besøg i beboerhuset og 63 aktive frivillige, "
                  "der har lagt mere end 2.000 timer i fællesskabet og i beboerhusets caféer i løbet af året."]
    r = _extract(tmp_path, lines, "flattened", make_docx, make_pdf)
    got = {x.name: x.focus_area for x in r.activities}
    assert got.get("Job i Engly") == "Beskæftigelse" and got.get("Fællesspisning") == "Sammenhængskraft og medborgerskab", got


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_flattened_word_table_whose_partners_are_headed_parter(tmp_path, make_docx, make_pdf, town, a, b):
    """A Word template's activity table copied flat: "Aktivitet Målgruppe Parter" and rows whose
    target cells are in lower case."""
    lines = ["5. Delaftale: Uddannelse og livschancer",
             "Mål: Flere børn læser alderssvarende i 2. klasse, og flere unge påbegynder en ungdomsuddannelse.",
             "Aktivitet\tMålgruppe\tParter",
             f"Lektiecafé Engly\telever i 3.-9. klasse\tEngly Skole, Dansk Røde Kors {town}",
             f"Læsevenner\tbørn 3-8 år og deres forældre\t{town} Bibliotek, Dagtilbud {town}",
             f"Ung i Engly\tunge 13-17 år\tUngdomsskolen {town}", ""]
    r = _extract(tmp_path, lines, "flattened", make_docx, make_pdf)
    assert {x.name for x in r.activities} == {"Lektiecafé Engly", "Læsevenner", "Ung i Engly"}
