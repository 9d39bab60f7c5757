"""Forms of session 27, each in made-up agreements of three municipalities (Næstved, Hedensted,
Jammerbugt), none of them from a real document:

* a legend of codes run onto one line when the breaks are lost ("Signaturforklaring: SUN = Sundhedsplejen
  FSK = Fjordskolen BIB = Fensmark Bibliotek JC = Jobcenter Næstved"): each name without the next entry's
  code ("Fensmark Bibliotek", not "Fensmark Bibliotek JC");
* a contact table whose first column is the person's role ("Rolle Navn Organisation Mail Telefon", the
  role "Boligsocial leder" or "Kontakt Lektiecaféen") or whose details share a column ("Kontakt":
  "x@y.dk, 55 12 34 56"), its breaks lost: each person with the organisation of the row, a name ending
  where an organisation opening with a town or a cue word begins ("... Brogaard Næstved Kommune");
* signatories in a sentence, each with title and organisation in a bracket ("Underskrevet af Lars Holm
  (direktør, Boligforeningen X), Anne-Mette Dahl (formand, Y) og ..."), a first name of two joined by a
  hyphen among them: each a contact of the bracket's organisation;
* a department table headed "Afd. Navn Boligorg. Lejemål" (the department's code, then its name), its
  breaks lost ("K3 Kærparken FAB 212 K7 Lindely FAB 168 ..."): each department by its name, with its
  dwellings and the code as an alias;
* an activity table whose area column gives each area by the code the agreement defines in a bracket
  ("Uddannelse og livschancer (UL)"; "Nr. Aktivitet Indsatsområde K3 K7 1 Lektiehjørnet UL X X ..."), its
  breaks lost: each row an activity of the area its code names.
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = [("Næstved", "Fensmark", "Boligselskabet Fjordbo", "FJB"),
         ("Hedensted", "Juelsminde", "Boligselskabet Kysthjem", "KYH"),
         ("Jammerbugt", "Aabybro", "Andelsboligforeningen Vestvolden", "ABV")]
FLAT = ["flat", "flattened"]


def _cover(town, seat, housing, short):
    return [f"STRATEGISK SAMARBEJDSAFTALE – FÆLLES OM {seat.upper()} 2024-2027",
            f"Parter: {housing} ({short}) og {town} Kommune", "Periode: 1. januar 2024 – 31. december 2027",
            "Indsatsområder: Uddannelse og livschancer (UL), Beskæftigelse (BE), Sammenhængskraft og medborgerskab (SM)",
            ""]


def _legend(town, seat, housing, short):
    return [*_cover(town, seat, housing, short), "Tabel 3 Partnere pr. aktivitet", "Nr. SUN FSK BIB JC FRI",
            "1 X X", "2 X X X", "", "Signaturforklaring:", "SUN = Sundhedsplejen", "FSK = Fjordskolen",
            f"BIB = {seat} Bibliotek", f"JC = Jobcenter {town}", f"FRI = Frivilligcenter {town}", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", *FLAT])
def test_a_legend_run_together_names_each_organisation_without_the_next_code(tmp_path, make_docx, make_pdf, town,
                                                                            seat, housing, short, how):
    r = _extract(tmp_path, _legend(town, seat, housing, short), how, make_docx, make_pdf)
    names = {name_key(o.name) for o in r.organisations}
    want = {name_key(n) for n in ("Fjordskolen", f"{seat} Bibliotek", f"Jobcenter {town}", f"Frivilligcenter {town}")}
    assert want <= names, names
    assert not any(n.split()[-1] in {"sun", "fsk", "bib", "jc", "fri"} for n in names if " " in n), names


PEOPLE = [("Boligsocial leder", "Signe Krarup Eskildsen", "{housing}", "ske@{short}.dk", "29 64 18 03"),
          ("Kommunal tovholder", "Rasmus Vedel Brogaard", "{town} Kommune", "rvb@{domain}.dk", "76 29 41 67"),
          ("Kontakt Lektiecaféen", "Nadia Sørensen Amiri", "Jobcenter {town}", "nsa@{domain}.dk", "76 29 55 90")]


def _ascii(town):
    return town.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")


def _contact_table(town, seat, housing, short, details):
    fill = {"town": town, "housing": housing, "short": short.lower(), "domain": _ascii(town)}
    head = "Rolle Navn Organisation " + ("Kontakt" if details == "one column" else "Mail Telefon")
    rows = [f"{role} {name} {org.format(**fill)} {mail.format(**fill).lower()}{',' if details == 'one column' else ''}"
            f" {phone}" for role, name, org, mail, phone in PEOPLE]
    return [*_cover(town, seat, housing, short), "Tabel 2.5 Kontaktpersoner", head, *rows,
            "Aftalen træder i kraft ved underskrift.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("details", ["own columns", "one column"])
@pytest.mark.parametrize("how", FLAT)
def test_a_contact_table_with_a_role_column_gives_each_person_the_row_s_organisation(tmp_path, make_docx, make_pdf,
                                                                                    town, seat, housing, short,
                                                                                    details, how):
    r = _extract(tmp_path, _contact_table(town, seat, housing, short, details), how, make_docx, make_pdf)
    fill = {"town": town, "housing": housing, "short": short.lower(), "domain": _ascii(town)}
    got = {c.name: (name_key(c.organisation), c.email) for c in r.contacts}
    want = {name: (name_key(org.format(**fill)), mail.format(**fill).lower()) for _, name, org, mail, _ in PEOPLE}
    assert {n: got.get(n) for n in want} == want, got


def _signed(town, seat, housing, short):
    return [*_cover(town, seat, housing, short), "Underskrifter",
            f"Underskrevet 15. december 2023 af Lars Bjørn Holmgaard (direktør, {housing}), Anne-Mette Thygesen "
            f"(formand, {seat} Almene Boligselskab) og Jakob Skjødt Lunding (kommunaldirektør, {town} Kommune).", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
def test_signatories_with_title_and_organisation_in_a_bracket_are_contacts(tmp_path, make_docx, make_pdf, town, seat,
                                                                           housing, short, how):
    r = _extract(tmp_path, _signed(town, seat, housing, short), how, make_docx, make_pdf)
    got = {c.name: (c.title, name_key(c.organisation)) for c in r.contacts}
    want = {"Lars Bjørn Holmgaard": ("direktør", name_key(housing)),
            "Anne-Mette Thygesen": ("formand", name_key(f"{seat} Almene Boligselskab")),
            "Jakob Skjødt Lunding": ("kommunaldirektør", name_key(f"{town} Kommune"))}
    assert {n: got.get(n) for n in want} == want, got


def _departments(town, seat, housing, short):
    return [*_cover(town, seat, housing, short), "Tabel 2.1 Afdelinger i helhedsplanen",
            "Afd. Navn Boligorg. Lejemål", f"K3 Kærparken {short} 212", f"K7 Lindely {short} 168",
            f"F12 Fjordly {short} 90", "I alt 470", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", FLAT)
def test_a_department_table_headed_by_code_and_name_gives_each_department(tmp_path, make_docx, make_pdf, town, seat,
                                                                          housing, short, how):
    r = _extract(tmp_path, _departments(town, seat, housing, short), how, make_docx, make_pdf)
    got = {name_key(z.name): (z.units, z.aliases) for z in r.zones if z.type == "housing_department"}
    assert got == {"kærparken": (212, ["K3"]), "lindely": (168, ["K7"]), "fjordly": (90, ["F12"])}, got


def _coded_areas(town, seat, housing, short):
    return [*_cover(town, seat, housing, short), "Tabel 2.2 Aktiviteter og afdelinger",
            "Nr. Aktivitet Indsatsområde K3 K7 F12", "1 Lektiehjørnet UL X X", "2 Familiestarten UL X X X",
            "3 Jobstedet BE X X", "4 Naboskabsfesten SM X", "", "Tabel 2.3 Økonomi", "Budgettet fremgår af bilag 4.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", FLAT)
def test_an_activity_table_gives_each_row_the_area_its_code_names(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                  short, how):
    r = _extract(tmp_path, _coded_areas(town, seat, housing, short), how, make_docx, make_pdf)
    got = {name_key(a.name): a.focus_area for a in r.activities}
    assert got == {"lektiehjørnet": "Uddannelse og livschancer", "familiestarten": "Uddannelse og livschancer",
                   "jobstedet": "Beskæftigelse", "naboskabsfesten": "Sammenhængskraft og medborgerskab"}, got


def _records(town, seat, housing, short):
    return [f"{town} Kommune – {housing}", "DELAFTALE", "Kriminalitetsforebyggelse", "",
            f'Delaftalen er en del af den strategiske samarbejdsaftale "Sammen i {seat}" mellem {town} Kommune og '
            f"{housing}.", "", f"Område:         {seat} Øst", "Indsatsområde:  Kriminalitetsforebyggelse", "",
            "1. Formål", "Delaftalen skal bidrage til, at færre unge kommer i kontakt med kriminalitet.", "",
            "2. Delaftalens parter", f"- {town} Kommune, Center for Børn og Familie", f"- {housing}, Driften",
            f"- {town} Ungdomsskole", "", "3. Aktiviteter", "Aktivitet nr. 1", "Navn: Gadeteamet",
            "Hvem: unge 12-17 år, der opholder sig i området om aftenen",
            f"Hvad: Opsøgende arbejde i weekenderne sammen med SSP {town}.", "Ansvarlig: sekretariatet", "",
            "Aktivitet nr. 2", "Navn: Forældrecaféen", "Hvem: forældre til børn og unge i risiko",
            "Hvad: Dialogmøder med Center for Børn og Familie.", "Ansvarlig: Center for Børn og Familie", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", *FLAT, "docx", "pdf"])
def test_a_delaftale_s_activity_records_named_under_their_counter(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                  short, how):
    """A delaftale under a line naming its parties ("X Kommune – Boligselskabet Y" over "DELAFTALE") is a
    delaftale; its activities counted "Aktivitet nr. 1" over "Navn: X", "Hvem: ...", "Hvad: ..." are named
    by their name fields, and the list under its chapter "2. Delaftalens parter" is no activity; also with its
    breaks lost ("... Ansvarlig: sekretariatet Aktivitet nr. 2 Navn: Forældrecaféen Hvem: ...")."""
    r = _extract(tmp_path, _records(town, seat, housing, short), how, make_docx, make_pdf)
    assert r.plan.document_type == "sub_agreement"
    assert {name_key(a.name): a.focus_area for a in r.activities} == \
        {"gadeteamet": "Kriminalitetsforebyggelse", "forældrecaféen": "Kriminalitetsforebyggelse"}, \
        [(a.name, a.focus_area) for a in r.activities]


def _letter(town, seat, housing, short):
    domain = _ascii(town)
    return ["LANDSBYGGEFONDEN", "Studiestræde 50 · 1554 København V · Tlf. 33 76 20 00", "",
            f"{housing}                         Dato: 27. juni 2024",
            "Att.: direktør Ole Brandhøj Sommer                   J.nr.: 2024-118/BS-0457",
            "Torvet 12                                            Sagsbehandler: LEH", f"Kopi: {town} Kommune", "",
            f'PRÆKVALIFIKATION AF BOLIGSOCIAL INDSATS – "{seat.upper()} I FREMDRIFT"', "",
            f"Landsbyggefonden har modtaget jeres ansøgning om prækvalifikation af en boligsocial indsats i {seat}.",
            "", "Indsatsområder", "Fonden har noteret, at indsatsen vil arbejde inden for indsatsområderne",
            "  · Uddannelse og livschancer", "  · Beskæftigelse",
            'Fonden bemærker, at området "Sundhed og trivsel" ikke kan indgå.', "",
            "Kontaktpersoner oplyst i ansøgningen",
            f"Boligorganisationen: udviklingschef Hanne Skjold Brøndum, hsb@{short.lower()}.dk, 59 43 22 80",
            f"Kommunen: chefkonsulent Morten Ilsø Kjærulff, Center for Børn og Unge, mokj@{domain}.dk", "",
            "Hvis I har spørgsmål til afgørelsen, er I velkomne til at kontakte fuldmægtig",
            "Lene Egholm Hartvig, direkte tlf. 33 76 21 47, leh@lbf.dk.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
def test_a_letter_under_its_letterhead_names_plan_areas_and_contacts(tmp_path, make_docx, make_pdf, town, seat,
                                                                     housing, short, how):
    """A fund's letter: the organisation of its address block without the date field beside it ("Boligselskabet X
    Dato: ..."); the plan named in quotes in its subject under the address block; the areas listed with middle
    dots under a sentence that ends in "indsatsområderne" without a colon; a contact labelled by the word for
    its kind ("Boligorganisationen:", "Kommunen:") of the document's housing organisation or of the unit
    written after the name; a contact whose line above is a sentence has no organisation from it."""
    r = _extract(tmp_path, _letter(town, seat, housing, short), how, make_docx, make_pdf)
    names = {name_key(o.name) for o in r.organisations}
    assert name_key(housing) in names and not any("dato" in n or n in {"kommunen", "boligorganisationen"}
                                                  for n in names), names
    assert name_key(r.plan.name) == name_key(f"{seat} i fremdrift"), r.plan.name
    assert {name_key(a.name) for a in r.focus_areas} == {"uddannelse og livschancer", "beskæftigelse"}, r.focus_areas
    got = {c.name: name_key(c.organisation) for c in r.contacts}
    assert got.get("Hanne Skjold Brøndum") == name_key(housing), got
    assert got.get("Morten Ilsø Kjærulff") == "center for børn og unge", got
    assert "spørgsmål" not in got.get("Lene Egholm Hartvig", ""), got


def _older_plan(town, seat, housing, short):
    return [f"{town.upper()} KOMMUNE · {housing.upper()}", f"Boligsocial helhedsplan 2013-2016 for {seat}", "",
            f'"SAMMEN OM {seat.upper()}"', "", "Landsbyggefondens pulje 2011-2014 til boligsociale helhedsplaner",
            "Helhedsplanen er godkendt af Landsbyggefonden ved skrivelse af 20.11.2012 og gennemføres i",
            "perioden 1.1.2013-31.12.2016 (fire år).", "", "1. Baggrund",
            f"{seat} er en stationsby. Området har en høj andel af unge uden uddannelse.", "", "2. Indsatsomraader",
            "Helhedsplanen omfatter følgende indsatsområder fra regulativet:", "  1) Uddannelse og beskæftigelse",
            "  2) Forebyggelse og forældreansvar", "  3) Kapacitetsopbygning", "", "3. Underskrifter",
            f"{seat}/{town}, den 15. januar 2013", "",
            f"For {housing}".ljust(44) + f"For {town} Kommune", "Kurt Hvilsom Brandt".ljust(44) + "Merete Toft Eskildsen",
            "Direktør".ljust(44) + "Direktør for Børne- og Ungeforvaltningen", "",
            f"Side 1 af 1 - Helhedsplan {seat} 2013-2016 - version 3", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
def test_an_older_plan_s_period_areas_and_signing_parties(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                           how):
    """An older plan: the fund's pool's years ("Landsbyggefondens pulje 2011-2014") are not its period (the
    sentence's "perioden 1.1.2013-31.12.2016" is); its areas under a heading typed without the Danish letters
    ("2. Indsatsomraader"); its parties the organisations signed for, not the place signed in ("Fensmark/Næstved,
    den 15. januar 2013") nor the page's footer under the signatures ("Side 1 af 1 - Helhedsplan ..."); also where
    the two signatures' columns ran together (a PDF: "Direktør Direktør for Børne- og Ungeforvaltningen" under
    "Kurt Hvilsom Brandt Merete Toft Eskildsen" under "For X For Y"): two people, each of the organisation signed
    for, and the unit in the titles no party."""
    r = _extract(tmp_path, _older_plan(town, seat, housing, short), how, make_docx, make_pdf)
    assert (r.plan.period_start, r.plan.period_end) == ("2013-01-01", "2016-12-31")
    assert {a.name for a in r.focus_areas} == {"Uddannelse og beskæftigelse", "Forebyggelse og forældreansvar",
                                               "Kapacitetsopbygning"}, r.focus_areas
    assert {name_key(o.name) for o in r.organisations if o.is_party} == {name_key(housing), name_key(f"{town} Kommune")}, \
        [o.name for o in r.organisations if o.is_party]
    got = {c.name: name_key(c.organisation) for c in r.contacts}
    assert got == {"Kurt Hvilsom Brandt": name_key(housing), "Merete Toft Eskildsen": name_key(f"{town} Kommune")}, got


def _annex(town, seat, housing, short):
    return [f'Bilag 6 til strategisk samarbejdsaftale "{seat} Mødes" 2025-2029', "", "DATABEHANDLERAFTALE", "",
            "mellem", "", housing, '(herefter "den dataansvarlige")', "", "og", "", "Aktivdata ApS",
            '(herefter "databehandleren")', "", "1. Baggrund og formål",
            f"1.1 {town} Kommune og {housing} har indgået en strategisk samarbejdsaftale om den boligsociale indsats.",
            "1.2 Aftalen omfatter registrering i følgende aktiviteter:",
            '    a) "Lektieloftet" (delaftale Uddannelse og livschancer) – børn 6-14 år; henvisning',
            f"       fra {seat} Skole",
            '    b) "Forældrestyrke" (delaftale Uddannelse og livschancer) – forældre, herunder',
            f"       fædre, i samarbejde med Familiehuset {town}",
            '    c) "Job i Byen" (delaftale Beskæftigelse) – ledige beboere 18-64 år', "",
            "2. Behandlingens karakter", "2.1 Kategorier af registrerede: deltagere, forældre og frivillige.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", *FLAT, "docx", "pdf"])
def test_lettered_activities_after_a_lead_in_each_of_the_delaftale_its_bracket_names(tmp_path, make_docx, make_pdf,
                                                                                   town, seat, housing, short, how):
    """An annex listing the activities it covers after "... i følgende aktiviteter:", lettered ("a)", "b)"), each
    quoted with its delaftale in a bracket ('"Lektieloftet" (delaftale Uddannelse og livschancer) – ...'), also run
    onto one line: each an activity of that area, and the areas the plan's."""
    r = _extract(tmp_path, _annex(town, seat, housing, short), how, make_docx, make_pdf)
    assert {a.name: a.focus_area for a in r.activities} == {
        "Lektieloftet": "Uddannelse og livschancer", "Forældrestyrke": "Uddannelse og livschancer",
        "Job i Byen": "Beskæftigelse"}, [(a.name, a.focus_area) for a in r.activities]
    assert {a.name for a in r.focus_areas} == {"Uddannelse og livschancer", "Beskæftigelse"}, r.focus_areas


def _web_page(town, seat, housing, short):
    domain = _ascii(town)
    return ['<p class="crumbs">Forside &gt; Bolig &gt; Boligsociale indsatser</p>', "<main>",
            f'<h1>{seat} Midt – "Vi i {seat}"</h1>',
            f"<p>{town} Kommune og <strong>{housing}</strong> har indgået en strategisk samarbejdsaftale om en",
            f"boligsocial indsats i {seat}. Aftalen løber fra 1. september 2023 til 31. august 2027.</p>",
            "<h2>Hvad arbejder vi med?</h2>", "<h3>Spor 1: Uddannelse og livschancer</h3>",
            f'<p><a href="/lektier">Lektier i Laden</a> – hver tirsdag for skolebørn, med {town} Bibliotek.</p>',
            "<h3>Spor 2: Sundhed og trivsel</h3>",
            '<p><a href="/spis">Torsdagsspisning</a> – fællesspisning for alle beboere.</p>',
            "<h2>Mød medarbejderne</h2>",
            '<div class="card"><strong>Gry Krabbe Lyngholm</strong><br>Boligsocial leder<br>',
            f'☎ 96 18 33 52<br><a href="mailto:gkl@{short.lower()}.dk">gkl@{short.lower()}.dk</a></div>',
            '<div class="card"><strong>Said Hamdi Ottesen</strong><br>Fritids- og ungemedarbejder<br>',
            "☎ 96 18 33 57</div>",
            f"<p>Kommunens kontaktperson er Karina Vestbjerg Ditlevsen fra Børne- og Familieafdelingen,",
            f'{town} Kommune (<a href="mailto:kvd@{domain}.dk">kvd@{domain}.dk</a>).</p>',
            "<h2>Læs mere</h2>", '<ul class="links">',
            '<li><a href="/aftale.pdf">Strategisk samarbejdsaftale (pdf)</a></li>',
            '<li><a href="https://www.lbf.dk">Landsbyggefonden</a></li>',
            '<li><a href="/gammel">Den tidligere helhedsplan</a></li>', "</ul>", "</main>"]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_a_plan_s_web_page_its_cards_contact_sentence_and_links(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                 short):
    """A plan's web page: its staff cards under "Mød medarbejderne" (a heading in words, no organisation), one
    card's second line a title alone ("Fritids- og ungemedarbejder"), not a unit; "Kommunens kontaktperson er X
    fra Børne- og Familieafdelingen, ... (x@y.dk)" a contact of that unit; the links under "Læs mere" no
    activities."""
    r = _extract(tmp_path, _web_page(town, seat, housing, short), "as written", make_docx, make_pdf)
    got = {c.name: (c.title, c.organisation) for c in r.contacts}
    assert got.get("Said Hamdi Ottesen") == ("Fritids- og ungemedarbejder", None), got
    assert got.get("Karina Vestbjerg Ditlevsen", (None, None))[1] == "Børne- og Familieafdelingen", got
    assert "medarbejderne" not in (got.get("Gry Krabbe Lyngholm", (None, ""))[1] or "").lower(), got
    assert {a.name for a in r.activities} == {"Lektier i Laden", "Torsdagsspisning"}, [a.name for a in r.activities]


def _coded_delaftale(town, seat, housing, short):
    word = housing.split()[-1]
    return [f'Strategisk samarbejdsaftale om den boligsociale indsats "{seat} Stærkere"', "",
            f"Aftalen er indgået mellem {town} Kommune og Andelsboligforeningen {word} (AB {word}).", "",
            "DELAFTALE A - UDDANNELSE OG LIVSCHANCER",
            f"Delaftalens parter: {town} Kommune (Børn & Unge), AB {word}, {seat}skolen og",
            f"Dagtilbud {seat}.", "", "Aktivitet A1: Sprogleg i Vænget", "Målgruppe: Børn 2-5 år og deres forældre",
            f"Indhold: Legestue to formiddage om ugen med Dagtilbud {seat}.", "", "Aktivitet A2: Lektier i Laden",
            "Målgruppe: Skolebørn i 1.-6. klasse", f"Indhold: Lektiehjælp med frivillige fra Dansk Røde Kors {town}.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
def test_a_delaftale_s_parties_end_at_a_coded_activity_and_a_kind_s_initials_alias(tmp_path, make_docx, make_pdf, town,
                                                                                   seat, housing, short, how):
    """The list after "Delaftalens parter:" ends at the next activity's label with its code ("Aktivitet A1: X"),
    so the activity is no organisation; "Andelsboligforeningen X (AB X)": one organisation, "AB X" its alias."""
    r = _extract(tmp_path, _coded_delaftale(town, seat, housing, short), how, make_docx, make_pdf)
    names = {name_key(n) for o in r.organisations for n in (o.name, *o.aliases)}
    assert "sprogleg i vænget" not in names and "lektier i laden" not in names, names
    word = housing.split()[-1]
    assert [o for o in r.organisations if {name_key(f"Andelsboligforeningen {word}"), name_key(f"AB {word}")}
            <= {name_key(n) for n in (o.name, *o.aliases)}], [(o.name, o.aliases) for o in r.organisations]


def _area_coded_rows(town, seat, housing, short):
    return [f"Boligsocial helhedsplan {seat} Midt 2008-2011", "", "2. Boligområdet", f"Helhedsplanen omfatter {seat} Midt.",
            "", "3. Indsatsområder",
            "Planen har tre indsatsområder: A. Børn, unge og familier B. Beskæftigelse og uddannelse C. Beboerliv og "
            "integration", "", "4. Aktiviteter", "Tabel 2. Aktiviteter fordelt på indsatsområder",
            "Indsats- område Aktivitet Målgruppe Samarbejdspartnere",
            f"A Lektiecafé Ringparken Børn 7-14 år {seat} Østre Skole, {seat} Bibliotek",
            f"A Familieklubben Småbørnsfamilier Sundhedsplejen {town}",
            f"B Jobværkstedet Ledige voksne Jobcenter {town}",
            "C Beboerdemokrati-kurser Afdelingsbestyrelser BL 6. kreds", "", "5. Organisation",
            "Planen styres af en styregruppe.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", FLAT)
def test_an_activity_table_opening_each_row_with_its_area_s_code(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                  short, how):
    """A table whose first column gives each row's area by the code of the plan's list ("A. Børn, unge og
    familier B. ..."), its head's word broken in its cell ("Indsats- område"), a target cell of one plural
    word before the partners' capitals ("Familieklubben Småbørnsfamilier Sundhedsplejen X"), its breaks lost:
    each row an activity of the area its code names (the chapters numbered 2-5 no codes of areas)."""
    r = _extract(tmp_path, _area_coded_rows(town, seat, housing, short), how, make_docx, make_pdf)
    assert {a.name: a.focus_area for a in r.activities} == {
        "Lektiecafé Ringparken": "Børn, unge og familier", "Familieklubben": "Børn, unge og familier",
        "Jobværkstedet": "Beskæftigelse og uddannelse", "Beboerdemokrati-kurser": "Beboerliv og integration"}, \
        [(a.name, a.focus_area) for a in r.activities]


def _inline_headers(town, seat, housing, short):
    head = f"Helhedsplan {seat} Midt 2008-2011"
    return [f"1 Boligsocial helhedsplan {seat} Midt 2008-2011 Udarbejdet af {housing} i samarbejde med {town} Kommune "
            f"{head} side 2 1. Indledning Helhedsplanen gælder for perioden 1. januar 2008 til 31. december 2011. "
            f"{head} side 3 2. Organisation Planen styres af en styregruppe med {housing} og {town} Kommune. "
            f"{head} side 4 3. Underskrifter {housing} Ejner Bak Mortensen, formand",
            "", f"2 {head} side 5 {town} Kommune Bent Oxholm Friis, kommunaldirektør", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_a_running_header_repeated_inline_is_no_organisation(tmp_path, make_docx, make_pdf, town, seat, housing, short):
    """A PDF's running header kept in a copy without line breaks ("... Helhedsplan X 2008-2011 side 3 2.
    Organisation ..."), the same words before a different page's number each time: no organisation of it, and
    the names around it stay apart."""
    r = _extract(tmp_path, _inline_headers(town, seat, housing, short), "as written", make_docx, make_pdf)
    names = [o.name for o in r.organisations]
    assert not any(" side " in n or n.startswith("2 ") for n in names), names
    assert {name_key(o.name) for o in r.organisations if o.is_party} >= {name_key(housing), name_key(f"{town} Kommune")}, names


def _form_parties(town, seat, housing, short):
    word = housing.split()[-1]
    return ["Strategisk samarbejdsaftale om boligsocial indsats", f"Områdets navn: {seat} Samler",
            f"Aftalens parter: {town} Kommune", f"Boligforeningen {word} (herefter BFT)",
            "Andelsboligforeningen Nørrelyng (herefter ABN)", "Samarbejdsaftalen gælder fra - til: 01.01.2017 - 31.12.2020",
            "", "1. Kort om boligområdet", "Omfattede afdelinger", "Afd. nr. Afdeling Boligorganisation Lejemål",
            f"14 {seat}parken BFT 232", "2 Nørrelyng Syd ABN 118", "I alt 350", "", "2. Organisering",
            "Bestyrelsen består af kommunaldirektøren og direktørerne.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", FLAT)
def test_a_form_s_parties_with_short_forms_and_its_numbered_departments(tmp_path, make_docx, make_pdf, town, seat,
                                                                        housing, short, how):
    """A template form run onto one line: the parties after the municipality, each with its short form
    ("X Kommune Boligforeningen Y (herefter BFT) Andelsboligforeningen Z (herefter ABN)"), each a party; a
    department table headed "Afd. nr. Afdeling Boligorganisation Lejemål" ("14 Xparken BFT 232 2 ..."): each
    department by its name, with its dwellings."""
    r = _extract(tmp_path, _form_parties(town, seat, housing, short), how, make_docx, make_pdf)
    word = housing.split()[-1]
    assert {name_key(o.name) for o in r.organisations if o.is_party} == {
        name_key(f"{town} Kommune"), name_key(f"Boligforeningen {word}"), "andelsboligforeningen nørrelyng"}, \
        [o.name for o in r.organisations if o.is_party]
    got = {name_key(z.name): z.units for z in r.zones if z.type == "housing_department"}
    assert got == {name_key(f"{seat}parken"): 232, "nørrelyng syd": 118}, got


def _interview(town, seat, housing, short):
    return [f"SLUTEVALUERING AF HELHEDSPLANEN »NABOSKAB {seat.upper()}« 2012-2016", "",
            "Interview 1 – sekretariatet (14. april 2016)",
            f"Deltagere: Lene Hjortshøj Brix (LHB), projektleder, {housing};",
            f"Tarik Osmanović (TO), boligsocial medarbejder, {housing}.", "",
            "LHB: Det er kvarteret med to afdelinger.", "TO: Jobcaféen har virket.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
def test_participants_named_with_their_initials_are_contacts(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                             short, how):
    """Minutes' or an interview's participants, each given the initials the text refers to them by ("Lene
    Hjortshøj Brix (LHB), projektleder, X;"), the last entry ended by a full stop and its first name one of the
    ~11,000 the gazetteer knows ("Tarik Osmanović (TO), boligsocial medarbejder, X."): each a contact of X."""
    r = _extract(tmp_path, _interview(town, seat, housing, short), how, make_docx, make_pdf)
    got = {c.name: name_key(c.organisation) for c in r.contacts}
    assert got == {"Lene Hjortshøj Brix": name_key(housing), "Tarik Osmanović": name_key(housing)}, got


def _summary_tables(town, seat, housing, short):
    return ["Strategisk samarbejdsaftale om boligsocial indsats", f"Områdets navn: {seat} Sammen",
            f"Aftalens parter: {town} Kommune og {housing}", "", "2. Indsatsområder",
            "Helhedsplanen arbejder med to indsatsområder. Delaftalerne er sammenfattet i tabellerne nedenfor.", "",
            "Delaftale – Uddannelse og livschancer", "Aktivitetsnavn\tMålgruppe(r)\tDelaftalens parter",
            f"Lektier i Skovvænget\tElever i 1.-9. klasse\t{seat} Skole; {town} Bibliotek",
            f"Ung på vej\tUnge 15-25 år uden job eller uddannelse\tJobcenter {town}", "",
            "Delaftale – Sammenhængskraft og medborgerskab", "Aktivitetsnavn\tMålgruppe(r)\tDelaftalens parter",
            f"Havnefrontens Café\tÆldre beboere og frivillige\tFrivilligcenter {town}", "", "3. Organisering",
            "Bestyrelsen består af direktørerne.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", FLAT)
def test_a_delaftale_summary_table_whose_partners_column_is_headed_by_the_label(tmp_path, make_docx, make_pdf, town,
                                                                                 seat, housing, short, how):
    """Tables summing up each delaftale, headed "Aktivitetsnavn Målgruppe(r) Delaftalens parter", their breaks
    lost: the label heading the third column is no cut in the head row, and each row is an activity."""
    r = _extract(tmp_path, _summary_tables(town, seat, housing, short), how, make_docx, make_pdf)
    assert {a.name for a in r.activities} == {"Lektier i Skovvænget", "Ung på vej", "Havnefrontens Café"}, \
        [a.name for a in r.activities]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", FLAT)
def test_an_older_plan_s_counted_areas_run_onto_one_line(tmp_path, make_docx, make_pdf, town, seat, housing, short, how):
    """The older plan's areas counted "1) X 2) Y 3) Z" after "... følgende indsatsområder fra regulativet:", its
    breaks lost and the next sentence run onto the last ("3) Kapacitetsopbygning Indsatsområdet "X" er fravalgt"):
    the three, not the one left out."""
    lines = _older_plan(town, seat, housing, short)
    at = lines.index("  3) Kapacitetsopbygning") + 1
    lines[at:at] = ['Indsatsområdet "Kriminalpræventive indsatser" er fravalgt, da området ikke har problemer med det.']
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {a.name for a in r.focus_areas} == {"Uddannelse og beskæftigelse", "Forebyggelse og forældreansvar",
                                               "Kapacitetsopbygning"}, r.focus_areas


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", *FLAT, "docx", "pdf"])
def test_activities_a_sentence_lists_in_quotes_after_the_word_for_them(tmp_path, make_docx, make_pdf, town, seat,
                                                                       housing, short, how):
    """A fund's condition naming the activities the delaftaler must describe ('... beskrive aktiviteterne
    "Lektiebussen" (med X Skole og X Bibliotek), "Jobdøren" (med Jobcenter X) og "Ungeguiden" (med ...), som
    ...'): each an activity."""
    lines = _letter(town, seat, housing, short)
    at = lines.index("Kontaktpersoner oplyst i ansøgningen")
    lines[at:at] = ["Vilkår", "1. Parterne skal indsende en strategisk samarbejdsaftale og to delaftaler. Delaftalerne skal",
                    f'bl.a. beskrive aktiviteterne "Lektiebussen" (med {seat} Skole og {town} Bibliotek), "Jobdøren" (med',
                    f'Jobcenter {town}) og "Ungeguiden {seat}" (med EUC Nordvestsjælland), som ansøgningen lægger op til.',
                    ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {a.name for a in r.activities} == {"Lektiebussen", "Jobdøren", f"Ungeguiden {seat}"}, \
        [a.name for a in r.activities]


def _numbered_parties(town, seat, housing, short):
    return [f"{town} Kommune · {housing}", f"Strategisk samarbejdsaftale for {seat}kvarteret", "",
            "1. Parter", f"{town} Kommune, Torvegade 74, 6700 {town}",
            f"{housing} ({short}), Kirkegade 31, 6700 {town}", "",
            "2. Aftaleperiode", "1. april 2021 – 31. marts 2025 (fire år)", "", "3. Organisering",
            f"Den strategiske styregruppe består af direktørerne for {short} og kommunen.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", FLAT)
def test_a_numbered_parties_chapter_run_onto_its_entries(tmp_path, make_docx, make_pdf, town, seat, housing, short, how):
    """"1. Parter" over the parties with their addresses, the breaks lost ("1. Parter X Kommune, Torvegade 74, 6700 X
    Boligselskabet Y (YB), Kirkegade 31, ..."): the parties without the town of the address before them."""
    r = _extract(tmp_path, _numbered_parties(town, seat, housing, short), how, make_docx, make_pdf)
    assert {name_key(o.name) for o in r.organisations if o.is_party} == {name_key(f"{town} Kommune"), name_key(housing)}, \
        [o.name for o in r.organisations if o.is_party]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["flat", "flattened"])
def test_a_web_page_s_areas_with_their_items_run_onto_them(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                            how):
    """The web page's areas with their activities, each "Name – what it is.", its breaks lost ("Spor 1: Uddannelse og
    livschancer Lektier i Laden – hver tirsdag ... . Små skridt – sprog og leg ... . UngSnedsted – ..."): each an
    activity of the area it follows."""
    lines = _web_page(town, seat, housing, short)
    at = lines.index("<h3>Spor 2: Sundhed og trivsel</h3>")
    lines[at:at] = ['<p><a href="/sma">Små skridt</a> – sprog og leg for familier med børn under 3 år.</p>',
                    '<p><a href="/ung">UngSeat</a> – vejledning for unge 15-24 år med Jobcenter.</p>']
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    got = {a.name: a.focus_area for a in r.activities}
    assert {n: got.get(n) for n in ("Lektier i Laden", "Små skridt", "UngSeat")} == dict.fromkeys(
        ("Lektier i Laden", "Små skridt", "UngSeat"), "Uddannelse og livschancer"), got


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
def test_a_plan_name_label_opening_with_the_quoted_name_then_a_note(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                    short, how):
    """'Boligsocial indsats: "X i Spil" – Landsbyggefondens skabelon 2019': the plan is named by the quotes."""
    lines = [f"{town} Kommune · {housing}", f"Strategisk samarbejdsaftale for {seat}kvarteret",
             f'Boligsocial indsats: "{seat} i Spil" – Landsbyggefondens skabelon 2019', "",
             f"Aftalens parter: {town} Kommune og {housing}", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert r.plan.name == f"{seat} i Spil", r.plan.name


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_signatures_typed_with_fill_and_sign_are_read_from_the_pdf_s_annotations(tmp_path, town, seat, housing, short):
    """A PDF whose signatures were typed with a viewer's "Fill & Sign": the names and titles exist only as
    free-text annotations over the signature lines, not in the page's text. They are text of the page: each
    signatory a contact of the organisation signed for. (The made-up PDF is drawn with fpdf2, the annotations
    added as /FreeText, as the viewers write them.)"""
    from conftest import _pdf

    from samspil.loaders.pipeline import extract_file

    pdf = _pdf()
    pdf.add_page()
    for text in ["Strategisk samarbejdsaftale", f"Aftalens parter: {town} Kommune og {housing}", "", "8. Underskrifter"]:
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 4
    pdf.set_xy(10, y)
    pdf.cell(90, 6, f"For {town} Kommune")
    pdf.cell(90, 6, f"For {housing}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_xy(10, y + 18)
    pdf.cell(90, 6, "Navn, titel og dato")
    pdf.cell(90, 6, "Navn, titel og dato", new_x="LMARGIN", new_y="NEXT")
    pdf.free_text_annotation("Anne-Lise Vognsen Dam, borgmester", x=10, y=y + 9, w=85, h=7)
    pdf.free_text_annotation("Peder Holm Kjærgaard, direktør", x=100, y=y + 9, w=85, h=7)
    path = tmp_path / "underskrevet.pdf"
    pdf.output(str(path))
    r = extract_file(path)
    got = {c.name: name_key(c.organisation) for c in r.contacts}
    assert got == {"Anne-Lise Vognsen Dam": name_key(f"{town} Kommune"), "Peder Holm Kjærgaard": name_key(housing)}, got
