"""Forms of session 31, each in made-up agreements of three municipalities (Faxe, Hedensted,
Billund), none of them from a real document:

* a department table headed "Boligafd. Selskab Boliger" whose department cells give the number after
  the name ("Engtoften 12   Haslevbo   286") and whose total row names the area after "I alt"
  ("I alt Haslev Nord   538"), as written and with its line breaks lost;
* an administration area named by its topics with its short form in brackets ("Sundhed, Omsorg og
  Arbejdsmarked (SOA)", "Børn og Skole (B&S)"), also in a party table's "Repræsenteret ved" cell.
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract  # noqa: E402

TOWNS = [("Faxe", "Haslev", "Haslevbo", "Boligselskabet Haslevbo"),
         ("Hedensted", "Juelsminde", "Juelsbo", "Boligselskabet Juelsbo"),
         ("Billund", "Grindsted", "Grindstedhjem", "Boligselskabet Grindstedhjem")]


def _numbered_department_table(town, seat, short, housing):
    return [f"Strategisk samarbejdsaftale – {seat} Nord", "",
            "1  Parter",
            f"{town} Kommune og {housing} indgår denne aftale.", "",
            "2  Boligområdet",
            f"Områdenavn: {seat} Nord",
            "Boligafd.".ljust(22) + "Selskab".ljust(18) + "Boliger",
            "Engtoften 12".ljust(22) + short.ljust(18) + "    286",
            "Kløverhaven 7".ljust(22) + short.ljust(18) + "    154",
            "Stensbo 31".ljust(22) + f"{town}Bolig".ljust(18) + "     98",
            f"I alt {seat} Nord".ljust(40) + "    538", "",
            "3  Indsatsområder", "Uddannelse og livschancer", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_department_table_with_the_number_after_the_name_and_a_named_total(tmp_path, make_docx, make_pdf, town,
                                                                               seat, short, housing, how):
    r = _extract(tmp_path, _numbered_department_table(town, seat, short, housing), how, make_docx, make_pdf)
    zones = {z.name: z for z in r.zones}
    assert {"Engtoften", "Kløverhaven", "Stensbo", f"{seat} Nord"} <= set(zones), sorted(zones)
    assert zones["Engtoften"].units == 286 and zones["Stensbo"].units == 98
    assert "Engtoften 12" in zones["Engtoften"].aliases and "afd. 7" in zones["Kløverhaven"].aliases
    assert zones["Engtoften"].housing_organisation == housing
    assert zones[f"{seat} Nord"].units == 538
    assert {zones[n].part_of for n in ("Engtoften", "Kløverhaven", "Stensbo")} == {f"{seat} Nord"}
    assert not any(name.endswith(("12", "7", "31")) for name in zones), sorted(zones)


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_plain_name_and_number_row_stays_one_name_without_the_owner_column(tmp_path, make_docx, make_pdf, town,
                                                                             seat, short, housing, how):
    """A department table without an owner's column whose rows are "Name count": no number is split off."""
    lines = [f"Helhedsplan for {seat} Nord", "", f"Helhedsplanen dækker to afdelinger i {seat} Nord.",
             "Afdeling".ljust(24) + "Boliger",
             "Engtoften".ljust(24) + "    286", "Kløverhaven".ljust(24) + "    154", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    zones = {z.name: z.units for z in r.zones}
    assert zones.get("Engtoften") == 286 and zones.get("Kløverhaven") == 154, zones


def _topic_units(town, seat, short, housing):
    return [f"Strategisk samarbejdsaftale – {seat} Nord", "",
            "1  Parter",
            "Part".ljust(46) + "Repræsenteret ved",
            f"{town} Kommune".ljust(46) + "Sundhed, Omsorg og Arbejdsmarked (SOA)",
            housing.ljust(46) + "direktør og organisationsbestyrelse", "",
            f"Børn og Skole (B&S) i {town} Kommune er medunderskriver af delaftale 1.", "",
            "2  Delaftale 1",
            f"Delaftalens parter: SOA, B&S, {short}", ""]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_an_administration_area_named_by_its_topics_with_its_short_form(tmp_path, make_docx, make_pdf, town, seat,
                                                                         short, housing, how):
    r = _extract(tmp_path, _topic_units(town, seat, short, housing), how, make_docx, make_pdf)
    orgs = {o.name: o for o in r.organisations}
    assert "SOA" in orgs["Sundhed, Omsorg og Arbejdsmarked"].aliases, sorted(orgs)
    assert "B&S" in orgs["Børn og Skole"].aliases
    assert "SOA" not in orgs and "B&S" not in orgs, sorted(orgs)
    assert orgs["Sundhed, Omsorg og Arbejdsmarked"].type == "municipal_unit"


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_person_with_initials_in_a_party_row_is_no_organisation(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                   housing):
    """A party row's representative with initials in brackets ("Per Holm Lund (PHL)") names no unit."""
    lines = [f"Strategisk samarbejdsaftale – {seat} Nord", "", "1  Parter",
             "Part".ljust(46) + "Repræsenteret ved",
             f"{town} Kommune".ljust(46) + "Per Holm Lund (PHL), direktør",
             housing.ljust(46) + "Anne Bøgh Krag (ABK), formand", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    names = {o.name for o in r.organisations}
    assert not {"Per Holm Lund", "Anne Bøgh Krag", "PHL", "ABK"} & names, sorted(names)
    assert {f"{town} Kommune", housing} <= names


def _counted_subactivities(town, seat, short, housing):
    return [f"Helhedsplan 2012-2016 – {seat} i Bevægelse", "", "3. Indsatsområder", "",
            "Indsatsområde 1: Tryghed og trivsel",
            f"  Delaktivitet 1.1 Nabohjælp i {seat}",
            "  Beboerne etablerer et nabohjælpsnetværk med støtte fra politiet.",
            "  Målgruppe: alle beboere.",
            "  Delaktivitet 1.2 Aktive Gårde",
            "  Afdelingsbestyrelserne arrangerer aktiviteter i gårdene hver sommer.", "",
            "Indsatsområde 2: Uddannelse og beskæftigelse",
            "  Delaktivitet 2.1 Fra Bænk til Job",
            f"  Jobcenter {town} tilbyder kortere forløb med virksomhedspraktik for ledige beboere.",
            "  Delaktivitet 2.2 Uddannelsesmentor",
            "  Unge 16-25 år uden uddannelse får en mentor.", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_counted_subactivities_whose_description_follows_the_title(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                    housing, how):
    """"Delaktivitet 2.1 Fra Bænk til Job" over its description: with the breaks lost the title ends where the
    description's subject (an organisation of two words) or its target group ("Unge 16-25 år") begins."""
    r = _extract(tmp_path, _counted_subactivities(town, seat, short, housing), how, make_docx, make_pdf)
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {f"Nabohjælp i {seat}": "Tryghed og trivsel", "Aktive Gårde": "Tryghed og trivsel",
                   "Fra Bænk til Job": "Uddannelse og beskæftigelse",
                   "Uddannelsesmentor": "Uddannelse og beskæftigelse"}, got


def _status_report(town, seat, short, housing):
    return [f"STATUSRAPPORT 2025", f"Mødested {seat} – boligsocial indsats 1. januar 2024 – 31. december 2027", "",
            "A. KORT OM INDSATSEN",
            f"Mødested {seat} er en strategisk samarbejdsaftale mellem {town} Kommune og {housing}. Indsatsområder: "
            "Uddannelse og livschancer samt Sundhed og trivsel.", "",
            "C. STATUS PÅ AKTIVITETERNE", "(G = gennemføres som planlagt, Y = forsinket, R = sat i bero)", "",
            "Uddannelse og livschancer",
            "Aktivitet".ljust(24) + "Status  " + "Deltagere 2025".ljust(29) + "Samarbejde med",
            "Lektiehjælp Banegården".ljust(24) + "G       " + "46 skolebørn 6-13 år".ljust(29) + f"{seat} Skole, Røde Kors {town}",
            "Små Skridt".ljust(24) + "G       " + "19 familier med børn 0-3 år".ljust(29) + f"Sundhedsplejen {town}",
            "Ung Retning".ljust(24) + "Y       " + "12 unge 15-24 år".ljust(29) + f"Jobcenter {town} (ny 2025)", "",
            "Sundhed og trivsel",
            "Aktivitet".ljust(24) + "Status  " + "Deltagere 2025".ljust(29) + "Samarbejde med",
            "Seniorcaféen".ljust(24) + "Y       " + "22 ældre beboere".ljust(29) + f"Ældre Sagen {town}",
            "Gåfællesskabet".ljust(24) + "G       " + "31 voksne beboere".ljust(29) + "DGI Østjylland",
            "Rollespilsklubben".ljust(24) + "R       " + "–".ljust(29) + f"{seat} Ungdomsklub", ""]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_status_table_with_codes_partners_after_samarbejde_med_and_areas_between(tmp_path, make_docx, make_pdf,
                                                                                    town, seat, short, housing, how):
    """A status report's tables ("Aktivitet Status Deltagere 2025 Samarbejde med") under their focus areas, the
    breaks lost: each row's name after the known organisation ending the row before ("Røde Kors X | Små
    Skridt"), the focus area between the tables its own line, the title in capitals and its year no part of
    the plan's name, and "Indsatsområder: A samt B. ..." in a sentence no table's head."""
    r = _extract(tmp_path, _status_report(town, seat, short, housing), how, make_docx, make_pdf)
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {"Lektiehjælp Banegården": "Uddannelse og livschancer", "Små Skridt": "Uddannelse og livschancer",
                   "Ung Retning": "Uddannelse og livschancer", "Seniorcaféen": "Sundhed og trivsel",
                   "Gåfællesskabet": "Sundhed og trivsel", "Rollespilsklubben": "Sundhed og trivsel"}, got
    assert {f.name for f in r.focus_areas} == {"Uddannelse og livschancer", "Sundhed og trivsel"}
    assert r.plan.name == f"Mødested {seat}"
    partners = {p for a in r.activities for p in a.partners}
    assert f"Ældre Sagen {town}" in partners or "Ældre Sagen" in partners, partners


def _area_label_and_number_column(town, seat, short, housing):
    return [f"{town} Kommune · {housing}  –  Strategisk samarbejdsaftale {seat} i Trivsel", f"{seat} i Trivsel",
            "STRATEGISK SAMARBEJDSAFTALE 2021-2024", "", "1. Aftalens parter",
            f"Aftalen er indgået mellem {town} Kommune og {housing}.", "",
            "2. Områdets navn og boligafdelinger", f"Områdets navn: {seat}",
            "Afdeling   Afd.nr.   Boliger", "Engtoften   41   224", "Kløverhaven   43   168", "Stensbo   47   96",
            f"{seat} i alt   488", "", "3. Indsatsområder",
            "Parterne har valgt indsatsområderne Uddannelse og livschancer og Beskæftigelse.", ""]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_number_column_after_the_name_and_a_title_that_extends_the_area_label(tmp_path, make_docx, make_pdf, town,
                                                                                 seat, short, housing, how):
    """"Afdeling Afd.nr. Boliger" (the number after the name) read with the breaks lost too, and the plan named by
    its title ("X i Trivsel") when the area label names only its area ("Områdets navn: X")."""
    r = _extract(tmp_path, _area_label_and_number_column(town, seat, short, housing), how, make_docx, make_pdf)
    zones = {z.name: z for z in r.zones}
    assert {"Engtoften", "Kløverhaven", "Stensbo", seat} <= set(zones), sorted(zones)
    assert (zones["Engtoften"].units, zones["Stensbo"].units, zones[seat].units) == (224, 96, 488)
    assert "afd. 41" in zones["Engtoften"].aliases
    assert zones["Kløverhaven"].part_of == seat
    assert r.plan.name == f"{seat} i Trivsel" and seat in r.plan.aliases, (r.plan.name, r.plan.aliases)


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_an_area_label_alone_still_names_the_plan(tmp_path, make_docx, make_pdf, town, seat, short, housing):
    """A title that does not extend the area's name leaves the label's name the plan's."""
    lines = ["STRATEGISK SAMARBEJDSAFTALE", "", f"Områdets navn: {seat} Nord", "Periode: 2024-2027", "",
             f"Aftalen er indgået mellem {town} Kommune og {housing}.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert r.plan.name == f"{seat} Nord"


def _web_page(town, seat, short, housing):
    return ["<!DOCTYPE html>",
            f'<html lang="da"><head><title>{seat}s Puls – boligsocial indsats | {town} Kommune</title></head>',
            "<body>", "<noscript>Aktivér JavaScript for at se kortet.</noscript>",
            "<!-- CMS: sidetype=artikel, sidst publiceret 02-09-2025 -->", "<main>",
            f"<h1>{seat}s Puls – den boligsociale indsats i {seat}</h1>",
            f"<p>Fra 1. juli 2025 til 30. juni 2029 arbejder <strong>{town} Kommune</strong> og",
            f"<strong>{housing}</strong> sammen om en boligsocial indsats i {seat}.",
            'Indsatsen er støttet af <abbr title="Landsbyggefonden">LBF</abbr>.</p>',
            f'<img src="/media/kort.png" alt="Kort over Engtoften">',
            "<h2>Det arbejder vi med</h2>",
            "<p>Indsatsen har to indsatsområder: <em>Kriminalitetsforebyggelse</em> og "
            "<em>Uddannelse og livschancer</em>.</p>",
            "<h3>Kriminalitetsforebyggelse</h3>", "<ul>",
            f"<li><b>Gadeplan {seat}</b> – opsøgende arbejde aften og weekend.</li>",
            "<li><b>Klubaftener</b> – åben klub tirsdag og torsdag for 12-17-årige.</li>",
            "<li><b>Forældrenetværket</b> – dialogmøder for forældre til unge.</li>", "</ul>",
            "<h3>Uddannelse og livschancer</h3>", "<ul>",
            f"<li><b>Lektiecafé {seat}</b> – hver onsdag på skolen.</li>",
            "<li><b>Første Job</b> – hjælp til fritidsjob.</li>", "</ul>", "</main>", "</body></html>"]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_web_page_with_its_doctype_comments_pictures_and_project_compounds(tmp_path, make_docx, make_pdf, town, seat,
                                                                             short, housing, how):
    """A page's <!DOCTYPE>, comments and pictures are no text; "Indsatsen har to indsatsområder: A og B" lists
    the areas; items under an area's heading whose names are compounds with an organisation's word
    ("Klubaftener", "Forældrenetværket") are still the area's activities; a wrapped line that opens with a
    name in bold is no run-in head."""
    r = _extract(tmp_path, _web_page(town, seat, short, housing), how, make_docx, make_pdf)
    assert r.plan.name == f"{seat}s Puls", r.plan.name
    assert {f.name for f in r.focus_areas} == {"Kriminalitetsforebyggelse", "Uddannelse og livschancer"}
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {f"Gadeplan {seat}": "Kriminalitetsforebyggelse", "Klubaftener": "Kriminalitetsforebyggelse",
                   "Forældrenetværket": "Kriminalitetsforebyggelse", f"Lektiecafé {seat}": "Uddannelse og livschancer",
                   "Første Job": "Uddannelse og livschancer"}, got
    assert housing in {o.name for o in r.organisations}
    assert not any("DOCTYPE" in o.name or "CMS" in o.name for o in r.organisations)


def _areas_over_dashed_items(town, seat, short, housing):
    return [f"Forside › Bolig › Boligsociale indsatser › {seat} Liv", f"{seat} Liv – boligsocial helhedsplan i {seat}",
            f"{seat} Liv er en boligsocial indsats i {seat}, som {town} Kommune og {housing} står bag.", "",
            "Det arbejder vi med", "", "Uddannelse og livschancer", "",
            "Lektier & Leg – lektiehjælp og leg for børn i 0.-6. klasse, med frivillige fra Red Barnet.",
            f"UngeSpor – vejledning af unge 15-25 år sammen med {seat} Ungdomsskole.", "",
            "Sundhed og trivsel", "",
            "Familiekøkkenet – fællesspisning og madkurser for børnefamilier.",
            "Snakkeklubben – et mødested for ældre og ensomme beboere.",
            "Mentalt Frikvarter – samtalegrupper for psykisk sårbare voksne.", "",
            "Kontakt os", f"Mette Brix Holm, boligsocial leder, {housing}", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_known_areas_over_their_dashed_items_with_the_breaks_lost(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                  housing, how):
    """A web page's area headings over "Name – what" items, run onto one line ("... Det arbejder vi med
    Uddannelse og livschancer Lektier & Leg – lektiehjælp ... UngeSpor – ..."): each area heads its items."""
    r = _extract(tmp_path, _areas_over_dashed_items(town, seat, short, housing), how, make_docx, make_pdf)
    assert {f.name for f in r.focus_areas} == {"Uddannelse og livschancer", "Sundhed og trivsel"}
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {"Lektier & Leg": "Uddannelse og livschancer", "UngeSpor": "Uddannelse og livschancer",
                   "Familiekøkkenet": "Sundhed og trivsel", "Snakkeklubben": "Sundhed og trivsel",
                   "Mentalt Frikvarter": "Sundhed og trivsel"}, got


def _minutes_item(town, seat, short, housing):
    return [f"{town} Kommune", "Referat – Børne- og Skoleudvalget", "",
            f"12. Godkendelse af strategisk samarbejdsaftale for {seat}-området", "",
            "Sagsfremstilling",
            f"{town} Kommune og {housing} har udarbejdet en strategisk samarbejdsaftale. Parterne har valgt to "
            "indsatsområder:", "",
            "Uddannelse og livschancer",
            "- Lektiebussen – lektiehjælp for skolebørn 3.-9. klasse med frivillige fra",
            "  Ungdommens Røde Kors",
            "- Sprogleg – leg og sprog for børn 1-5 år og deres forældre", "",
            "Kriminalitetsforebyggelse",
            f"- Aftenåbent i {seat}hallen – idræt fredag aften for unge 12-17 år",
            "- Trygt Naboskab – tryghedsvandringer for alle beboere", "",
            "Bilag",
            f"1. Strategisk samarbejdsaftale {seat} Sammen",
            "2. Delaftale Uddannelse og livschancer",
            "3. Delaftale Kriminalitetsforebyggelse", ""]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_hyphen_items_under_area_headings_and_an_annex_list_of_delaftaler(tmp_path, make_docx, make_pdf, town, seat,
                                                                          short, housing, how):
    """A minutes item's lists marked by hyphens ("- Name – what") under its area headings, also run onto one
    line; the annexes' list under "Bilag" ("2. Delaftale Uddannelse og livschancer") heads no section."""
    r = _extract(tmp_path, _minutes_item(town, seat, short, housing), how, make_docx, make_pdf)
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {"Lektiebussen": "Uddannelse og livschancer", "Sprogleg": "Uddannelse og livschancer",
                   f"Aftenåbent i {seat}hallen": "Kriminalitetsforebyggelse",
                   "Trygt Naboskab": "Kriminalitetsforebyggelse"}, got


def _counted_form_delaftale(town, seat, short, housing):
    return [f'BILAG 2 TIL STRATEGISK SAMARBEJDSAFTALE "{seat.upper()} SAMMEN"',
            "Delaftale for indsatsområdet Beskæftigelse", "Version 1.2 – godkendt af bestyrelsen 24.10.2025", "",
            "1. Stamoplysninger",
            f"1.1  Boligsocial indsats ........ {seat} Sammen",
            f"1.2  Område ..................... {seat} Syd ({town} Kommune)",
            "1.3  Boligafdelinger",
            f"     - Engtoften, {short} afd. 3 ........................ 284 boliger",
            f"     - Kløverhaven, {short} afd. 9 ................... 98 boliger", "",
            "2. Aktiviteter",
            "2.1  Aktivitet A", "     Navn: Jobspor Syd", "     Målgruppe: ledige voksne 25-64 år",
            f"     Samarbejdspartnere: Jobcenter {town}", "",
            "2.2  Aktivitet B", "     Navn: Kvinder i Arbejde", "     Målgruppe: kvinder uden for arbejdsmarkedet",
            f"     Samarbejdspartnere: Sprogcenter {town}", ""]


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_delaftale_form_with_counted_activities_named_in_their_name_field(tmp_path, make_docx, make_pdf, town, seat,
                                                                             short, housing):
    """"2.1 Aktivitet A" over "Navn: Jobspor Syd": the activity is the name field's; the form's fields and the
    departments' list above the first activity are no activities of the delaftale's area."""
    r = _extract(tmp_path, _counted_form_delaftale(town, seat, short, housing), "as written", make_docx, make_pdf)
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {"Jobspor Syd": "Beskæftigelse", "Kvinder i Arbejde": "Beskæftigelse"}, got


def _key_value_sheet(town, seat, short, housing):
    k = lambda key: key.ljust(27)  # noqa: E731 (the value's column)
    return [f"ÅRSSTATUS 2024 – BOLIGSOCIAL INDSATS {seat.upper()}KREDSEN", "", "STAMDATA",
            k("Indsatsens navn") + f"{seat}kredsen", k("Kommune") + f"{town} Kommune",
            k("Boligorganisationer") + f"{housing} ({short.upper()[:3]})", " " * 27 + "Boligselskabet Lillevang",
            k("Afdelinger") + f"Engtoften, {short} afd. 6 – 310 lejemål",
            " " * 27 + "Lillevangsgården, Lillevang afd. 2 –", " " * 27 + "142 lejemål",
            k("Indsatsområder") + "Uddannelse og livschancer;", " " * 27 + "Sundhed og trivsel", "",
            "AKTIVITETSSTATUS",
            k("Aktivitet") + "Lektieklubben", k("Indsatsområde") + "Uddannelse og livschancer",
            k("Målgruppe") + "børn 7-12 år", k("Partnere") + f"{seat}skolen; {town} Bibliotek &",
            " " * 27 + "Borgerservice", k("Status") + "I drift. 46 børn tilmeldt.", "",
            k("Aktivitet") + "Sundhedscaféen", k("Indsatsområde") + "Sundhed og trivsel",
            k("Målgruppe") + "voksne med kroniske sygdomme og", " " * 27 + "socialt isolerede beboere",
            k("Partnere") + f"Sundhedscenter {town}", k("Status") + "I drift.", "",
            "ORGANISERING", k("Bestyrelse") + "Centerchef Flemming Bak Toft (formand), direktør Else",
            " " * 27 + f"Marie Skov, {short}", k("Personale") + "3,5 årsværk.", ""]


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_fact_sheet_of_fields_in_two_columns_of_spaces(tmp_path, make_docx, make_pdf, town, seat, short, housing):
    """Fields in two columns of spaces without a head row ("Målgruppe      børn 7-12 år"), wrapped values on
    lines indented to the value's column: each a field with its whole value, a list's entries apart
    ("Boligselskabet X (FAH)" over "Boligselskabet Lillevang"), a name wrapped in the middle whole; a
    department's owner between its name and number ("Engtoften, X afd. 6 – 310 lejemål")."""
    r = _extract(tmp_path, _key_value_sheet(town, seat, short, housing), "as written", make_docx, make_pdf)
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {"Lektieklubben": "Uddannelse og livschancer", "Sundhedscaféen": "Sundhed og trivsel"}, got
    partners = {p for a in r.activities for p in a.partners}
    assert f"{town} Bibliotek & Borgerservice" in partners, partners
    orgs = {o.name for o in r.organisations}
    assert {housing, "Boligselskabet Lillevang"} <= orgs, sorted(orgs)
    zones = {z.name: z for z in r.zones}
    assert zones["Engtoften"].units == 310 and zones["Lillevangsgården"].units == 142, sorted(zones)
    assert "afd. 6" in zones["Engtoften"].aliases
    assert not any(n.startswith("Afd.") for n in zones), sorted(zones)
    assert {f.name for f in r.focus_areas} == {"Uddannelse og livschancer", "Sundhed og trivsel"}


def test_two_column_text_with_few_known_keys_is_left_alone(tmp_path, make_docx, make_pdf):
    """Lines in two columns whose left words are no labels (names beside their roles) stay as they were."""
    from samspil.loaders.space_tables import key_value_rows

    lines = ["Per Holm Lund            formand", "Anne Bøgh Krag            næstformand",
             "Ole Vang                  kasserer", "Mette Skov                bestyrelsesmedlem"]
    assert key_value_rows(lines) == lines


def _indented_fields(town, seat, short, housing):
    k = lambda key, indent="": (indent + key).ljust(25)  # noqa: E731
    return [f"ÅRLIG STATUS 2024 – BOLIGSOCIAL HELHEDSPLAN       {seat} Sammen", "",
            k("Helhedsplan") + f"{seat} Sammen", k("Kommune") + f"{town} Kommune",
            k("Indsatsområder") + "Uddannelse og livschancer", " " * 25 + "Beskæftigelse", " " * 25 + "Sundhed og trivsel",
            k("Boligsocial leder") + "Frederik Lund Askgaard", " " * 25 + f"fla@{short.lower()}.dk / 7536 2480", "",
            "2. Aktiviteter", "Indsatsområde: Uddannelse og livschancer",
            k("Aktivitet", "  ") + "Lektiehjørnet", k("Status", "  ") + "Kører som planlagt",
            k("Målgruppe", "  ") + "børn i 1.-6. klasse", k("Partnere", "  ") + f"{seat} Skole",
            k("Aktivitet", "  ") + "Sommerskolen", k("Status", "  ") + "Ny i 2024",
            k("Målgruppe", "  ") + "børn 6-12 år", k("Partnere", "  ") + f"{town} Bibliotek",
            "Indsatsområde: Beskæftigelse",
            k("Aktivitet", "  ") + "Fritidsjobformidling", k("Status", "  ") + "Kører; 19 unge i job",
            k("Målgruppe", "  ") + "unge 13-17 år", k("Partnere", "  ") + f"Jobcenter {town}", ""]


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_fields_indented_under_area_fields_and_a_list_value_of_areas(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                     housing):
    """Two-column fields indented under "Indsatsområde: X" lines are each activity's record; a list of areas in
    a field's value ("Indsatsområder   A" over "B" over "C") names three areas, and no contact's organisation."""
    r = _extract(tmp_path, _indented_fields(town, seat, short, housing), "as written", make_docx, make_pdf)
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {"Lektiehjørnet": "Uddannelse og livschancer", "Sommerskolen": "Uddannelse og livschancer",
                   "Fritidsjobformidling": "Beskæftigelse"}, got
    assert {f.name for f in r.focus_areas} == {"Uddannelse og livschancer", "Beskæftigelse", "Sundhed og trivsel"}
    leader = next(c for c in r.contacts if c.name == "Frederik Lund Askgaard")
    assert leader.organisation is None or "trivsel" not in leader.organisation, leader.organisation


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_lettered_list_of_areas_after_the_plans_sentence(tmp_path, make_docx, make_pdf, town, seat, short, housing,
                                                           how):
    """"Helhedsplanen har tre indsatsområder:" over "A  Børn, unge og forældre", "B  ...", "C  ...": with the breaks
    lost the letters still part the areas (a comma inside one)."""
    lines = [f"Helhedsplan for {seat} Øst 2012-2015", "", "2. INDSATSOMRÅDER", "Helhedsplanen har tre indsatsområder:",
             "  A  Børn, unge og forældre", "  B  Beskæftigelse og uddannelse",
             "  C  Boligsocialt netværk og beboerdemokrati", "", "3. AKTIVITETER", "Skemaet er kopieret fra ansøgningen.",
             ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Børn, unge og forældre", "Beskæftigelse og uddannelse",
                                               "Boligsocialt netværk og beboerdemokrati"]


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_areas_named_as_two_omraader_in_a_letter(tmp_path, make_docx, make_pdf, town, seat, short, housing, how):
    """A letter's "Vi arbejder med to områder:" over "A og B." names the areas when both are known ones, and a
    heading in capitals above ("PRAKTISK") is none."""
    lines = [housing, "", "Kære nye beboer", "", "PRAKTISK", "* Ejendomskontoret har åbent man-fre kl. 8.00-9.00.", "",
             f"OM {seat.upper()} BRO", f"{seat} Bro er et samarbejde mellem {housing} og {town} Kommune.",
             "Vi arbejder med to områder:", "Uddannelse og livschancer og Beskæftigelse.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]
    lines[-2] = "Tryghed, madklub og Beskæftigelse."  # (not every item a known area: no areas read there)
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert "Tryghed" not in [f.name for f in r.focus_areas]


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_number_column_after_the_owner_and_a_total_under_a_rule(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                  housing, how):
    """"Afdeling Boligorg. Afd.nr. Lejemål" (the number after the owner's column) and the total under the table's
    rule ("----" over "X Nord i alt 456"), also with the breaks lost."""
    lines = [f"Strategisk samarbejdsaftale – {seat} Nord", "",
             f"Indsatsen dækker {seat} Nord, som består af tre afdelinger:",
             "Afdeling          Boligorg.   Afd.nr.   Lejemål",
             f"Engtoften         {short.upper()[:4]}        11        212",
             f"Kløverhaven       {short.upper()[:4]}        14         96",
             f"Stensbo           {short.upper()[:4]}         3        148",
             "-" * 50, f"{seat} Nord i alt                         456", "",
             "Parterne har valgt to indsatsområder: Uddannelse og livschancer samt Beskæftigelse.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    zones = {z.name: z for z in r.zones}
    assert (zones["Engtoften"].units, zones["Kløverhaven"].units, zones["Stensbo"].units) == (212, 96, 148), sorted(zones)
    assert "afd. 11" in zones["Engtoften"].aliases
    assert zones[f"{seat} Nord"].units == 456 and zones["Stensbo"].part_of == f"{seat} Nord"


@pytest.mark.parametrize("how", ["flat", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_counted_form_run_onto_its_name_field_and_dotted_departments(tmp_path, make_docx, make_pdf, town, seat,
                                                                        short, housing, how):
    """The same delaftale form with its breaks lost: "2.1 Aktivitet A Navn: Jobspor Syd" names Jobspor Syd, and
    "Engtoften, X afd. 3 ........ 284 boliger" is Engtoften (its owner between name and number, its count after
    the dots)."""
    r = _extract(tmp_path, _counted_form_delaftale(town, seat, short, housing), how, make_docx, make_pdf)
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {"Jobspor Syd": "Beskæftigelse", "Kvinder i Arbejde": "Beskæftigelse"}, got
    zones = {z.name: z.units for z in r.zones}
    assert zones.get("Engtoften") == 284 and zones.get("Kløverhaven") == 98, zones


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_table_row_coded_by_its_areas_letter(tmp_path, make_docx, make_pdf, town, seat, short, housing):
    """Areas listed "A  X", "B  Y" and an activity table whose names carry codes "A1 Name", "B1 Name" (no area
    column the vocabulary knows): each activity in its letter's area."""
    lines = [f"Helhedsplan for {seat} Øst 2012-2015", "", "2. INDSATSOMRÅDER", "Helhedsplanen har to indsatsområder:",
             "  A  Børn, unge og forældre", "  B  Beskæftigelse og uddannelse", "", "3. AKTIVITETER", "",
             "Aktivitet              Omr.  Målgruppe              Tovholder",
             "A1 Familieværkstedet   A     familier med børn      " + short,
             "A2 Ungeværkstedet      A     unge 13-18 år          " + short,
             f"B1 Jobbroen            B     ledige 18-30 år        Jobcenter {town}", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {"Familieværkstedet": "Børn, unge og forældre", "Ungeværkstedet": "Børn, unge og forældre",
                   "Jobbroen": "Beskæftigelse og uddannelse"}, got


def _caps_titled_delaftale(town, seat, short, housing):
    return [f"Bilag 2 til strategisk samarbejdsaftale · {seat} Nær · ver. 3 · 11-11-2024", "",
            "DELAFTALE: SUNDHED OG TRIVSEL", "",
            f"1. Delaftalen hører under den strategiske samarbejdsaftale mellem {town} Kommune og {housing}.", "",
            "6. Aktiviteter", "Aktivitet 1", "Aktivitetsnavn: Gå-mødet", "Målgruppe: ældre beboere",
            f"Partnere: Ældre Sagen {town}", "Aktivitet 2", "Aktivitetsnavn: Sund Start",
            "Målgruppe: gravide og familier med børn 0-2 år", f"Partnere: Dagplejen {town}", ""]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_delaftale_titled_in_capitals_and_counters_over_records(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                   housing, how):
    """"DELAFTALE: SUNDHED OG TRIVSEL" titles the document (also run onto its first line) and its area is the
    activities' and the document's; a bare counter "Aktivitet 2" over a record's fields ends the record before it
    (not a partner's name: "Partnere: Ældre Sagen X Aktivitet 2")."""
    r = _extract(tmp_path, _caps_titled_delaftale(town, seat, short, housing), how, make_docx, make_pdf)
    assert {a.name: a.focus_area for a in r.activities} == {"Gå-mødet": "Sundhed og trivsel",
                                                             "Sund Start": "Sundhed og trivsel"}
    assert [f.name for f in r.focus_areas] == ["Sundhed og trivsel"]
    assert not any("Aktivitet" in o.name for o in r.organisations), [o.name for o in r.organisations]


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_table_coding_its_rows_by_the_areas_section_numbers(tmp_path, make_docx, make_pdf, town, seat, short, housing,
                                                              how):
    """Areas listed as sections "2.1 X", "2.2 Y" and an activity table whose area column gives those numbers
    ("Aktivitet  Indsatsomr.  Målgruppe  Partnere" over "Natteravne  2.1  unge 13-20 år  ..."): each activity in
    the area its number names, also with the breaks lost."""
    lines = [f"Helhedsplan 2012-2015 – {seat} Vest", "", "2  INDSATSOMRÅDER",
             "Efter LBF's regulativ vælges følgende indsatsområder:", "  2.1 Kriminalpræventiv indsats",
             "  2.2 Beskæftigelse og uddannelse", "", "3  AKTIVITETER",
             "Aktivitet                    Indsatsomr.  Målgruppe            Partnere",
             f"Natteravne {seat}".ljust(29) + f"2.1          unge 13-20 år        Natteravnene {town}",
             f"Jobværkstedet                2.2          ledige 18-30 år      Jobcenter {town}",
             f"Mentorkorps                  2.2          unge uden uddannelse UU {town}", "", "4  ORGANISERING", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {f"Natteravne {seat}": "Kriminalpræventiv indsats", "Jobværkstedet": "Beskæftigelse og uddannelse",
                   "Mentorkorps": "Beskæftigelse og uddannelse"}, got


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_pdf_page_drawn_from_the_bottom_up(tmp_path, town, seat, short, housing):
    """A page whose content stream draws its body's lines from the last up (its running head first and its
    footer last): the lines read top to bottom, so each delaftale's heading stays above its activities."""
    from conftest import _pdf
    from samspil.loaders.pipeline import extract_file

    body = [f"5. Delaftaler og aktiviteter", "Delaftale 1 – Uddannelse og livschancer",
            f"• Læselyst {seat} – børn 3-10 år og deres forældre", f"• Brobyggerne – unge 15-24 år uden uddannelse",
            "Delaftale 2 – Beskæftigelse", f"• Job i {seat} – ledige voksne og kvinder uden for arbejdsmarkedet",
            f"• Erhvervsmentor – ledige unge med {town} Erhverv", "", "6. Økonomi",
            "Landsbyggefonden bidrager med 75 procent.", "Kommunen bidrager med 25 procent.",
            "Boligorganisationerne stiller lokaler til rådighed."]
    pdf = _pdf()
    pdf.text(20, 12, f"Strategisk samarbejdsaftale – {seat} Nord")  # (the running head, drawn first)
    for k in reversed(range(len(body))):  # the body from its last line up
        if body[k]:
            pdf.text(20, 30 + 7 * k, body[k])
    pdf.text(20, 285, "Side 3 af 3")  # (the footer, drawn last)
    path = tmp_path / "aftale.pdf"
    pdf.output(str(path))
    r = extract_file(path)
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {f"Læselyst {seat}": "Uddannelse og livschancer", "Brobyggerne": "Uddannelse og livschancer",
                   f"Job i {seat}": "Beskæftigelse", "Erhvervsmentor": "Beskæftigelse"}, got
