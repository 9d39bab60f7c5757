"""Forms of session 28, each in made-up agreements of three municipalities (Faxe, Sorø, Vordingborg),
none of them from a real document:

* a cover whose first line is the document's type, not its plan's name: a report's "Årlig statusrapport
  2025 – boligsocial indsats", an annex's "KOMMUNIKATIONSPLAN 2026", a plan's "BOLIGSOCIAL HELHEDSPLAN
  2017-2021", a running header with its page ("Boligsocial helhedsplan for X 2012-2016   Side 1");
* focus areas in a form's field after a dotted leader ("Indsatsområder ....... 1) A  2) B"), in a field
  with a note after each ("A (delaftale) samt B (delaftale)"), under delaftale headings with a middle
  dot ("DELAFTALE 1 · BESKÆFTIGELSE"), as a list's lead-in ("Delaftale Beskæftigelse:"), and in a
  sentence spelt without å ("fire indsatsomraader:");
* a status report's tables of activities, each under a heading that names its area ("C1. Uddannelse og
  livschancer"); an older plan's chapter of activities whose headings repeat the areas listed before
  ("3.1 UDDANNELSE OG BESKÆFTIGELSE" over "3.1.1 Aktivitet: Jobværkstedet");
* parties with their register number ("Boligforeningen X, CVR 2914 7730 (i det følgende BX)"), a
  municipality by its forvaltning ("X Kommune v/ Beskæftigelses- og Socialforvaltningen"), a short form
  that is a word of the name ("(i det følgende Kildebo)"); organisations the gazetteer knows by one word
  in running text ("Natteravnene", "FOF Haslev"), a school named after its place ("Bakkeskolen" - not
  "Ungdomsskolen"), an institution's short name and its town, a day-care institution and its name;
* departments listed "Name, Owner afd. N – U boliger", and a dotted leader's value wrapped onto lines
  indented under it;
* a web page run onto one line: each area's "Mål: ... Aktiviteter: A – ... . B – ..." after its name,
  and cards after a bare "Aktiviteter" heading ("Lektiecafé HaslevHver tirsdag ... Læs mere...");
* a letter whose subject names the plan in quotes after its area ("vedr. ansøgning ... i Haslev –
  "Haslev Håb""), the parties' field followed by the area's field;
* a contact table run onto one line whose organisation cell is one word or "X og Y" after the name.
"""
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, contact_facts, extract_rendered as _extract, name_key, wanted_contacts  # noqa: E402

TOWNS = [("Faxe", "Haslev", "Boligforeningen Haslevbo", "HB"),
         ("Sorø", "Dianalund", "Boligselskabet Skovbo", "SB"),
         ("Vordingborg", "Præstø", "Andelsboligforeningen Fjordly", "AF")]
WRITTEN = ["as written", "docx", "pdf"]


def _keys(names) -> set[str]:
    return {name_key(n) for n in names}


def _covers(town, seat, housing, short):
    name = f"{seat} Samler"
    return {
        "report": [f"Årlig statusrapport 2025 – boligsocial indsats", name.upper(),
                   "Rapporteringsår: 1. januar – 31. december 2025", "",
                   f"Parter: {town} Kommune og {housing}", "Indsatsen har to indsatsområder.", ""],
        "annex": ["KOMMUNIKATIONSPLAN 2026", f"{name} – boligsocial indsats i {seat}",
                  "Bilag 4 til den strategiske samarbejdsaftale", "",
                  f"{name} er et samarbejde mellem {town} Kommune og {housing}.", ""],
        "type and period": ["BOLIGSOCIAL HELHEDSPLAN 2017-2021", name, f"Helhedsplan for Engen og Toften i {seat}",
                            f"{housing} og {town} Kommune har udarbejdet denne helhedsplan med støtte fra "
                            "Landsbyggefondens pulje 2015-2018.", ""],
        "running header": [f"Boligsocial helhedsplan for {seat} 2012-2016                          Side 1",
                           f"{housing} · {town} Kommune", "", name.upper(),
                           "Helhedsplan under Landsbyggefondens pulje 2011-2014", "",
                           f"Ansøger:        {housing}", ""],
    }


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("cover,how", [(c, h) for c in ("report", "annex", "type and period") for h in WRITTEN]
                         + [("running header", "as written"), ("running header", "docx")])
def test_a_cover_s_type_line_is_no_plan_name(tmp_path, make_docx, make_pdf, town, seat, housing, short, cover, how):
    r = _extract(tmp_path, _covers(town, seat, housing, short)[cover], how, make_docx, make_pdf)
    assert name_key(r.plan.name) == name_key(f"{seat} Samler"), r.plan


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_a_run_on_cover_s_type_and_period_before_the_name(tmp_path, make_docx, make_pdf, town, seat, housing, short):
    lines = _covers(town, seat, housing, short)["type and period"] + [
        "Fakta om området: Engen (afd. 3) 124 boliger og Toften (afd. 7) 86 boliger. " * 3, ""]
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    assert name_key(r.plan.name) == name_key(f"{seat} Samler"), r.plan


AREAS = ["Uddannelse og livschancer", "Beskæftigelse"]


def _leader_field(town, seat, housing, short):
    return [f"Årlig statusrapport 2025 – {seat.upper()} SAMLER", "", "A. Stamdata",
            "Indsatsperiode ............ 01.07.2024 – 30.06.2028",
            f"Parter ..................... {town} Kommune, {housing}",
            "Indsatsområder ............. 1) Uddannelse og livschancer  2) Beskæftigelse", "",
            "B. Bemanding", f"Boligsocial leder: Mette Lund Vester, {housing}, mlv@{short.lower()}.dk", ""]


def _noted_field(town, seat, housing, short):
    return [f"Til: {town} Kommune og {housing}", "", "SAMARBEJDSERKLÆRING", "",
            f"  Parter:        {town} Kommune og {housing}",
            "  Indsatsområde: Uddannelse og livschancer (delaftale) samt Beskæftigelse (delaftale)", "",
            "Vi bakker op om ansøgningen om en boligsocial indsats.", ""]


def _dotted_delaftaler(town, seat, housing, short):
    return [f"STRATEGISK SAMARBEJDSAFTALE – {seat.upper()} SAMLER 2025-2029", "",
            f"Aftalens parter: {town} Kommune og {housing}", "",
            "DELAFTALE 1 · UDDANNELSE OG LIVSCHANCER", "Aktivitetsnavn: Lektiebussen", "Målgruppe: skolebørn", "",
            "DELAFTALE 2 · BESKÆFTIGELSE", "Aktivitetsnavn: Jobsparring", "Målgruppe: ledige voksne", ""]


def _lead_ins(town, seat, housing, short):
    return ["KOMMUNIKATIONSPLAN 2026", f"{seat} Samler – boligsocial indsats i {seat}", "",
            "4  Aktiviteter, der kommunikeres om i 2026", "Delaftale Uddannelse og livschancer:",
            f"  - Lektiebussen (lektiehjælp 3.-9. klasse; {seat} Skole)", "  - Familieværkstedet (legestue)",
            "Delaftale Beskæftigelse:", f"  - Jobsparring {seat} (ledige voksne; Jobcenter {town})", ""]


FOCUS_FORMS = {"leader field": (_leader_field, ["as written", "flat", "docx", "pdf"]),
               "noted field": (_noted_field, WRITTEN),
               "dotted delaftaler": (_dotted_delaftaler, ["as written", "flat", "docx", "pdf"]),
               "lead-ins": (_lead_ins, WRITTEN)}


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("form,how", [(f, h) for f, (_, hows) in FOCUS_FORMS.items() for h in hows])
def test_focus_areas_in_a_form_s_field_or_heading(tmp_path, make_docx, make_pdf, town, seat, housing, short, form, how):
    r = _extract(tmp_path, FOCUS_FORMS[form][0](town, seat, housing, short), how, make_docx, make_pdf)
    assert _keys(a.name for a in r.focus_areas) == _keys(AREAS), r.focus_areas
    if form == "lead-ins":
        got, want = activity_areas(r, {AREAS[0]: ["Lektiebussen", "Familieværkstedet"],
                                       AREAS[1]: [f"Jobsparring {seat}"]})
        assert got == want


def _ascii_plan(town, seat, housing, short):
    return [f"HELHEDSPLAN FOR {seat.upper()}", f"Boligsocial indsats 2008-2011 – {housing}", "",
            "3. INDSATSER", "Helhedsplanen er bygget op om to indsatsomraader:", "",
            "I.  BØRN OG UNGE", "    Projekt 1: Klub Nordlyset", "    Aftenklub for 10-17-årige.",
            "II. INTEGRATION OG BESKÆFTIGELSE", "    Projekt 2: Jobstedet", "    Job- og uddannelsesvejledning.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", WRITTEN)
def test_areas_a_sentence_spelt_without_a_ring_introduces(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                         how):
    r = _extract(tmp_path, _ascii_plan(town, seat, housing, short), how, make_docx, make_pdf)
    assert _keys(a.name for a in r.focus_areas) == _keys(["Børn og unge", "Integration og beskæftigelse"])
    got, want = activity_areas(r, {"Børn og unge": ["Klub Nordlyset"], "Integration og beskæftigelse": ["Jobstedet"]})
    assert got == want


def _status_tables(town, seat, housing, short):
    def row(*cells):
        return "".join(c.ljust(w) for c, w in zip(cells, (26, 33, 11, 4))).rstrip()

    head = row("Aktivitet", "Samarbejdspartnere", "Deltagere", "Mål")
    return [f"Årlig statusrapport 2025 – {seat.upper()} SAMLER", "",
            "Indsatsområder: Uddannelse og livschancer samt Beskæftigelse", "", "C. Status på aktiviteter", "",
            "C1. Uddannelse og livschancer", head, row("Legestuen Engen", f"Sundhedsplejen {town}", "31", "H"),
            row(f"Lektiehjælp {seat}", f"{seat} Skole", "44", "D"), "",
            "C2. Beskæftigelse", head, row(f"Jobcafé {seat}", f"Jobcenter {town}", "58", "H"),
            row("Sprogpraktik", f"VUC {town}", "9", "H"), ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_table_s_activities_take_the_area_its_heading_names(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                              short, how):
    r = _extract(tmp_path, _status_tables(town, seat, housing, short), how, make_docx, make_pdf)
    got, want = activity_areas(r, {AREAS[0]: ["Legestuen Engen", f"Lektiehjælp {seat}"],
                                   AREAS[1]: [f"Jobcafé {seat}", "Sprogpraktik"]})
    assert got == want


def _older_outline(town, seat, housing, short):
    return [f"Boligsocial helhedsplan for {seat} 2012-2016", "", "2. Indsatsområder",
            "Helhedsplanen arbejder med to af puljens temaer:", "  2.1  Uddannelse og beskæftigelse",
            "  2.2  Børn, unge og forældre", "", "3. Aktiviteter", "3.1 UDDANNELSE OG BESKÆFTIGELSE",
            "3.1.1 Aktivitet: Jobværkstedet", "      Målgruppe: ledige 25-64 år", f"      Tovholder: Jobcenter {town}",
            "3.2 BØRN, UNGE OG FORÆLDRE", "3.2.1 Aktivitet: Familiestuen", "      Målgruppe: småbørnsfamilier",
            "3.2.2 Aktivitet: Lektier i Lyset", "      Målgruppe: skolebørn 6-16 år", "", "4. Organisering",
            f"Projektleder: Malene Kjeldgaard, {housing}", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", WRITTEN)
def test_an_older_plan_s_activity_headings_under_the_areas_repeated(tmp_path, make_docx, make_pdf, town, seat,
                                                                    housing, short, how):
    r = _extract(tmp_path, _older_outline(town, seat, housing, short), how, make_docx, make_pdf)
    got, want = activity_areas(r, {"Uddannelse og beskæftigelse": ["Jobværkstedet"],
                                   "Børn, unge og forældre": ["Familiestuen", "Lektier i Lyset"]})
    assert got == want
    assert not any(a.name.startswith("Aktivitet") for a in r.activities)


def _parties(town, seat, housing, short):
    place = {"Haslev": "Bakke", "Dianalund": "Kilde", "Præstø": "Fjord"}[seat]
    return [f"STRATEGISK SAMARBEJDSAFTALE – {seat.upper()} SAMLER 2025-2029", "", "1. Aftalens parter",
            f"   a) {town} Kommune v/ Beskæftigelses- og Socialforvaltningen (i det følgende BSF)",
            f"   b) {housing}, CVR 2914 7730 (i det følgende {short})",
            "   c) Almennyttigt Boligselskab Kildebo, CVR 1187 2265 (i det følgende Kildebo)", "",
            "Aktivitetsnavn: Natteravne", "Beskrivelse: Weekendvandringer med Natteravnene fredag og lørdag aften.",
            "Aktivitetsnavn: Kvinder i Arbejde", f"Beskrivelse: Forløb med praktik. Afholdes med FOF {seat} og "
            f"Jobcenter {town}.",
            "Aktivitetsnavn: Forældrenetværket",
            f"Beskrivelse: Forældremøder med {place}skolen og Ungdomsskolen. Sommerferien byder på Ferieskolen.",
            "Aktivitetsnavn: Læsestart",
            f"Beskrivelse: Samarbejde med EUC {seat} og Børnehuset Lærkereden.", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
def test_parties_register_numbers_units_and_organisations_known_by_one_word(tmp_path, make_docx, make_pdf, town,
                                                                            seat, housing, short, how):
    r = _extract(tmp_path, _parties(town, seat, housing, short), how, make_docx, make_pdf)
    orgs = {name_key(o.name): o for o in r.organisations}
    place = {"Haslev": "Bakke", "Dianalund": "Kilde", "Præstø": "Fjord"}[seat]
    assert not any("cvr" in n for n in orgs), sorted(orgs)
    assert orgs[name_key(housing)].is_party and short in orgs[name_key(housing)].aliases
    assert orgs[name_key("Almennyttigt Boligselskab Kildebo")].aliases == ["Kildebo"]
    assert orgs[name_key(f"{town} Kommune")].is_party
    unit = orgs[name_key("Beskæftigelses- og Socialforvaltningen")]
    assert (unit.parent, unit.is_party, unit.aliases) == (f"{town} Kommune", False, ["BSF"])
    assert _keys(["Natteravnene", f"FOF {seat}", f"{place}skolen", f"EUC {seat}", "Børnehuset Lærkereden"]) <= set(orgs)
    assert not _keys(["Ungdomsskolen", "Ferieskolen"]) & set(orgs)


def _departments(town, seat, housing, short):
    return [f"DELAFTALE – {seat.upper()} SAMLER", "Indsatsområde: Uddannelse og livschancer", "",
            "Boligafdelinger", f"Tranehaven, {housing} afd. 7 – 204 boliger",
            f"Kirkebækken, {housing} afd. 2 – 176 boliger", "", "Stamdata",
            f"Boligområde ................ {seat} Nord ({short} afd. 5 Hyldetoften, 144 boliger; afd. 9",
            "                             Vibevænget, 78 boliger)", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_departments_named_before_owner_and_number_and_in_a_wrapped_leader_field(tmp_path, make_docx, make_pdf, town,
                                                                               seat, housing, short, how):
    r = _extract(tmp_path, _departments(town, seat, housing, short), how, make_docx, make_pdf)
    zones = {name_key(z.name): z for z in r.zones}
    assert {name_key(n): u for n, u in [("Tranehaven", 204), ("Kirkebækken", 176), ("Hyldetoften", 144),
                                        ("Vibevænget", 78)]}.items() <= {k: z.units for k, z in zones.items()}.items()
    assert not any(k.startswith("afd") for k in zones), sorted(zones)
    assert name_key(zones[name_key("Tranehaven")].housing_organisation) == name_key(housing)


def _web_page(town, seat, housing, short):
    return ["Spring til indhold", "Forside", "Aktiviteter", "Kontakt", "Vi bruger cookies. Accepter alle",
            f"Forside > Om helhedsplanen > {seat} Samler", f"{seat} Samler – boligsocial helhedsplan i {seat}", "",
            "3. Indsatsområder og aktiviteter",
            "Helhedsplanen arbejder med tre indsatsområder: Uddannelse og livschancer, Beskæftigelse samt "
            "Sammenhængskraft og medborgerskab.",
            "Uddannelse og livschancer",
            "Mål: Flere børn klarer sig godt i skolen. Aktiviteter: Lektiecafé i Kvartershuset – mandag og onsdag "
            f"for børn fra 1. til 10. klasse. Forældrenetværket – et netværk for forældre med børn i skolealderen.",
            "Beskæftigelse",
            f"Mål: Flere voksne i job. Aktiviteter: Job i {seat} – åben jobrådgivning hver tirsdag. Fritidsjob "
            f"{seat} – unge på 13-17 år hjælpes til et fritidsjob.",
            "Sammenhængskraft og medborgerskab",
            "Mål: Flere beboere i fællesskaber. Aktiviteter: Naboskabsdage – fire årlige arrangementer. "
            "Frivillignetværket – et netværk for frivillige beboere.", ""]


def _cards(town, seat, housing, short):
    return ["Spring til indhold", "Vi bruger cookies", "Tillad alle", f"{seat} Samler", "Forside", "Aktiviteter",
            "Kontakt", "", f"{seat} Samler er den boligsociale helhedsplan for {seat}.",
            "Læs strategisk samarbejdsaftale (PDF, 1,2 MB)", "", "Aktiviteter",
            f"Lektiecafé {seat}Hver tirsdag og torsdag kl. 15-17 i beboerhuset.Læs mere"
            "JobcaféenEr du ledig og vil gerne i job? Jobcaféen hjælper med CV.Læs mere"
            "Ung i Job – fritidsjobFritidsjob til unge 13-17 år.Læs mere", "", "Mød holdet", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_a_web_page_s_areas_and_their_activities_run_onto_one_line(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                  short):
    r = _extract(tmp_path, _web_page(town, seat, housing, short), "flattened", make_docx, make_pdf)
    got, want = activity_areas(r, {"Uddannelse og livschancer": ["Lektiecafé i Kvartershuset", "Forældrenetværket"],
                                   "Beskæftigelse": [f"Job i {seat}", f"Fritidsjob {seat}"],
                                   "Sammenhængskraft og medborgerskab": ["Naboskabsdage", "Frivillignetværket"]})
    assert got == want


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_web_cards_after_a_bare_heading_in_a_line_that_lost_its_breaks(tmp_path, make_docx, make_pdf, town, seat,
                                                                      housing, short):
    r = _extract(tmp_path, _cards(town, seat, housing, short), "flattened", make_docx, make_pdf)
    assert _keys([f"Lektiecafé {seat}", "Jobcaféen", "Ung i Job – fritidsjob"]) <= _keys(a.name for a in r.activities)


def _letter(town, seat, housing, short):
    return [f"{seat.upper()} GYMNASIUM OG HF", f"Gymnasievej 8 · {seat} · tlf. 58 85 20 00", "",
            f"                                   Til: {town} Kommune", f"                                   og {housing}",
            f"                                   {seat}, den 3. marts 2026", "",
            "                  SAMARBEJDSERKLÆRING (STØTTEERKLÆRING)",
            f"    vedr. ansøgning til Landsbyggefonden om boligsocial indsats i {seat} – \"{seat} Håb\"", "",
            "Kære ansøgere", "", "Vi bakker op om ansøgningen. Vi har forstået indsatsen således:", "",
            f"  Parter:        {town} Kommune, {housing} og Boligselskabet Halsebo",
            f"  Område:        {short} afd. 6 Solsikkebakken (186 boliger) og Halsebo afd. 12",
            "                 Kornvængerne (94 boliger)", "  Periode:       forventet 1. juli 2026 – 30. juni 2030", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", WRITTEN)
def test_a_letter_s_subject_names_the_plan_and_its_fields_end_the_parties(tmp_path, make_docx, make_pdf, town, seat,
                                                                          housing, short, how):
    r = _extract(tmp_path, _letter(town, seat, housing, short), how, make_docx, make_pdf)
    assert r.plan.name == f"{seat} Håb"
    parties = _keys(o.name for o in r.organisations if o.is_party)
    assert parties == _keys([f"{town} Kommune", housing, "Boligselskabet Halsebo"]), parties
    assert not any("boliger" in o.name for o in r.organisations)


def _contact_row_table(town, seat, housing, short):
    word = housing.split()[-1]
    domain = town.lower().replace("ø", "oe")
    return [f"STRATEGISK SAMARBEJDSAFTALE – {seat.upper()} SAMLER", "", f"Aftalens parter: {town} Kommune og {housing}", "",
            "5. KONTAKTPERSONER", "Rolle   Navn   Organisation   Mail   Telefon",
            f"Boligsocial leder   Tine Mølby Harreskov   {word}   tmh@{short.lower()}.dk   75 58 12 40",
            f"Kommunal koordinator   Jesper Vinkel Dam   Børn og Uddannelse   jevd@{domain}.dk   79 79 31 86", "",
            "6. UNDERSKRIFTER", f"For {town} Kommune   For {housing}",
            "Jørgen Skaarup Bech   Lone Dyrvig Fenger", "Borgmester   Direktør", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_a_contact_table_s_one_word_organisation_after_the_name_its_breaks_lost(tmp_path, make_docx, make_pdf, town,
                                                                               seat, housing, short):
    r = _extract(tmp_path, _contact_row_table(town, seat, housing, short), "flat", make_docx, make_pdf)
    names = {c.name for c in r.contacts}
    assert {"Tine Mølby Harreskov", "Jesper Vinkel Dam"} <= names, names
    assert not any(len(o.name.split()) > 6 for o in r.organisations), [o.name for o in r.organisations]


def _partnership(town, seat, housing, short):
    return ["PARTNERSKABSAFTALE OM JOB OG PRAKTIK",
            f"mellem Jobcenter {town}, den boligsociale indsats {seat} Samler og Nordlys Facility A/S", "",
            "§ 1 Baggrund", f"{seat} Samler er den boligsociale indsats for {housing}s afdelinger i {seat}.", "",
            "§ 4 Forløb",
            "a) Virksomhedsspor: Indsatsen og Jobcentret screener kandidater; Virksomheden stiller 10",
            "   praktikpladser om året til rådighed.",
            f"b) Jobdating i {seat}: to gange årligt, hvor Virksomheden præsenterer job i beboerhuset.",
            "c) Brancheforløb Rengøring: 8 ugers forløb med AMU-kursus og praktik.", "",
            "§ 5 Forpligtelser", "Jobcentret: bevilger praktik og løntilskud.", "Indsatsen: finder og forbereder kandidater.",
            ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", WRITTEN)
def test_lettered_courses_under_a_paragraph_of_courses(tmp_path, make_docx, make_pdf, town, seat, housing, short, how):
    r = _extract(tmp_path, _partnership(town, seat, housing, short), how, make_docx, make_pdf)
    assert _keys(a.name for a in r.activities) == _keys(["Virksomhedsspor", f"Jobdating i {seat}",
                                                         "Brancheforløb Rengøring"])


def _name_first_table(town, seat, housing, short):
    domain = town.lower().replace("ø", "oe")
    return [f"STRATEGISK SAMARBEJDSAFTALE – {seat.upper()} SAMLER", "", f"Aftalens parter: {town} Kommune og {housing}", "",
            "4. Kontaktpersoner", "Navn   Titel   Organisation   Mail   Telefon",
            f"Louise Kjærgaard Poulsen   Boligsocial leder   {seat} Samler   lkp@{short.lower()}.dk   +45 2964 1180",
            f"Gitte Borup   Afdelingsleder   Ungeenheden {town}   gibo@{domain}.dk",
            f"Yusuf Demir   Skoleleder   {seat} Skole   yude@{domain}.dk   79 94 50 02", "", "5. Underskrifter", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_a_contact_table_run_on_with_an_empty_phone_cell(tmp_path, make_docx, make_pdf, town, seat, housing, short):
    r = _extract(tmp_path, _name_first_table(town, seat, housing, short), "flat", make_docx, make_pdf)
    domain = town.lower().replace("ø", "oe")
    assert wanted_contacts({"Gitte Borup": (f"Ungeenheden {town}", f"gibo@{domain}.dk", None),
                            "Yusuf Demir": (f"{seat} Skole", f"yude@{domain}.dk", "79945002")}).items() \
        <= contact_facts(r).items(), contact_facts(r)


def _participants(town, seat, housing, short):
    return [f"Referat af styregruppemøde nr. 3/2025 – {seat} Samler", "Dato: Onsdag den 11. juni 2025 kl. 14.00-16.00",
            "", "Deltagere", "Navn   Titel   Organisation   Rolle",
            f"Ole Brix Vestergaard   direktør   {housing}   formand for styregruppen",
            f"Søs Kamper Madsen   centerchef   {town} Kommune, Center for Børn og Unge   medlem",
            f"Leila Haidari Krog   formand   Afdelingsbestyrelsen {seat}parken   beboerrepræsentant", "",
            "Dagsorden", "1. Godkendelse af referat", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_participants_with_title_organisation_and_role_run_onto_one_line(tmp_path, make_docx, make_pdf, town, seat,
                                                                         housing, short):
    r = _extract(tmp_path, _participants(town, seat, housing, short), "flat", make_docx, make_pdf)
    got = {c.name: name_key(c.organisation) for c in r.contacts}
    assert {"Ole Brix Vestergaard": name_key(housing),
            "Søs Kamper Madsen": name_key("Center for Børn og Unge"),  # (its municipality the unit's parent)
            "Leila Haidari Krog": name_key(f"Afdelingsbestyrelsen {seat}parken")}.items() <= got.items(), got


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_a_word_file_saved_as_strict_open_xml_reads_as_the_usual_kind(tmp_path, make_docx, town, seat, housing,
                                                                       short):
    from samspil.loaders.docx_strict import _as_strict
    from samspil.loaders.pipeline import extract_file

    usual = make_docx(_parties(town, seat, housing, short), tmp_path / "aftale.docx")
    strict = _as_strict(usual, tmp_path / "strict.docx")
    with zipfile.ZipFile(strict) as z:
        assert b"purl.oclc.org/ooxml" in z.read("_rels/.rels") and b"/2006/main" not in z.read("word/document.xml")
    a, b = extract_file(usual), extract_file(strict)
    assert len(a.organisations) >= 5
    assert [(o.name, o.is_party) for o in b.organisations] == [(o.name, o.is_party) for o in a.organisations]
    assert [x.name for x in b.activities] == [x.name for x in a.activities]


def _sub_efforts(town, seat, housing, short):
    return [f"Boligsocial helhedsplan for {seat} 2012-2016", "", "3. Indsatsområder og delindsatser",
            "Helhedsplanen arbejder inden for tre af puljens indsatsområder:", "3.1 Kriminalpræventiv indsats",
            "3.2 Uddannelse og beskæftigelse", "3.3 Forebyggelse og forældreansvar", "",
            f"Delindsats 3.1.1 Gadeplan {seat}", "Målgruppe: unge 13-20 år", f"Samarbejde: SSP {town}", "",
            "Delindsats 3.2.1 Jobtræning i boligområdet", "Målgruppe: ledige voksne", f"Samarbejde: Jobcenter {town}", "",
            "Delindsats 3.3.1 Familieklubben", "Målgruppe: børnefamilier", "Samarbejde: Sundhedsplejen", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", WRITTEN)
def test_sub_efforts_numbered_under_their_area_s_number(tmp_path, make_docx, make_pdf, town, seat, housing, short, how):
    r = _extract(tmp_path, _sub_efforts(town, seat, housing, short), how, make_docx, make_pdf)
    got, want = activity_areas(r, {"Kriminalpræventiv indsats": [f"Gadeplan {seat}"],
                                   "Uddannelse og beskæftigelse": ["Jobtræning i boligområdet"],
                                   "Forebyggelse og forældreansvar": ["Familieklubben"]})
    assert got == want


def _anchoring(town, seat, housing, short):
    return [f"FORANKRINGSPLAN 2025 – {seat} Samler", "",
            "Indsatsområder i aftalen: (A) Uddannelse og livschancer, (B) Beskæftigelse, (C) Sundhed og trivsel.", "",
            "Aktiviteter og forankring", "Signatur: [F] = forankres, [D] = delvist forankret, [O] = ophører", "",
            f"[F] A1 Lektiecafé {seat}", "    Målgruppe: børn og unge i 1.-10. klasse",
            f"    Forankres hos: {seat} Bibliotek", "    Ansvarlig: bibliotekar Karina Holm", "",
            "[D] B1 Jobbanken", "    Målgruppe: ledige beboere 18-64 år", f"    Forankres hos: Jobcenter {town}",
            "    Ansvarlig: jobkonsulent Dina Wulff", "",
            "[O] C1 Beboerrådgivningen", "    Målgruppe: alle beboere", "    Ansvarlig: sekretariatet", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_records_coded_by_their_area_s_letter_under_a_legend_s_tags(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                    short, how):
    r = _extract(tmp_path, _anchoring(town, seat, housing, short), how, make_docx, make_pdf)
    assert _keys(a.name for a in r.focus_areas) == _keys(["Uddannelse og livschancer", "Beskæftigelse", "Sundhed og trivsel"])
    got, want = activity_areas(r, {"Uddannelse og livschancer": [f"Lektiecafé {seat}"], "Beskæftigelse": ["Jobbanken"],
                                   "Sundhed og trivsel": ["Beboerrådgivningen"]})
    assert got == want


def _volunteer(town, seat, housing, short):
    return ["FRIVILLIGAFTALE", f"mellem den boligsociale indsats \"{seat} Samler\" og frivillig", "",
            f"{seat} Samler er en boligsocial helhedsplan i {seat}, aftalt mellem {town} Kommune og {housing} for",
            "perioden 1. maj 2024 - 30. april 2028. Helhedsplanen arbejder med Uddannelse og livschancer samt Sundhed",
            "og trivsel i afdelingerne Engen og Toften.", "",
            "2. Opgave", "Den frivillige indgår i følgende aktivitet(er) (sæt kryds):",
            f"[x] Lektiehjælp i {seat} - tirsdage kl. 15-17 i beboerhuset.",
            "[ ] Familiecafé Toften - onsdage, for småbørnsfamilier.", "[x] Pigeklubben - torsdage kl. 17-19.",
            "[ ] Andet: ______________________", "", "3. Det kan du forvente af os", "- en fast kontaktperson", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_form_s_ticked_and_unticked_activities_and_areas_a_sentence_names(tmp_path, make_docx, make_pdf, town, seat,
                                                                            housing, short, how):
    r = _extract(tmp_path, _volunteer(town, seat, housing, short), how, make_docx, make_pdf)
    assert _keys(a.name for a in r.activities) == _keys([f"Lektiehjælp i {seat}", "Familiecafé Toften", "Pigeklubben"])
    assert _keys(a.name for a in r.focus_areas) == _keys(["Uddannelse og livschancer", "Sundhed og trivsel"])


def _cooperation_fields(town, seat, housing, short):
    return [f"HELHEDSPLAN FOR {seat.upper()} 2008-2011", f"Ansøger: {housing}", "", "I. BØRN OG UNGE",
            "Projekt 1: Lektiecaféen", "Målgruppe: skolebørn 7-16 år",
            f"Samarbejde: {seat} Skole, frivillige fra Dansk Røde Kors {seat}", "", "II. BESKÆFTIGELSE",
            "Projekt 2: Brobyggeren", "Målgruppe: ledige beboere 18-40 år",
            f"Samarbejde: AF Storstrøm, Sprogcentret {town}, AOF {seat}", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_cooperation_field_s_organisations_also_where_volunteers_come_from(tmp_path, make_docx, make_pdf, town, seat,
                                                                              housing, short, how):
    r = _extract(tmp_path, _cooperation_fields(town, seat, housing, short), how, make_docx, make_pdf)
    assert _keys([f"{seat} Skole", f"Dansk Røde Kors {seat}", "AF Storstrøm", f"AOF {seat}"]) \
        <= _keys(o.name for o in r.organisations), [o.name for o in r.organisations]


def _signature_columns(town, seat, housing, short):
    return [f"DELAFTALE – {seat.upper()} SAMLER", "Indsatsområde: Beskæftigelse", "", "Underskrifter",
            f"{seat}, den 1. juni 2025", "", "_______________________          _______________________",
            "Kirsten Paaske Frimodt              Bo Elmelund Haarder", "Jobcenterchef                    Direktør",
            f"{town} Kommune{' ' * (33 - len(town) - 8)}{housing}", ""]


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_signatures_side_by_side_with_the_names_a_few_columns_off(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                 short):
    r = _extract(tmp_path, _signature_columns(town, seat, housing, short), "as written", make_docx, make_pdf)
    got = {c.name: name_key(c.organisation) for c in r.contacts}
    assert {"Kirsten Paaske Frimodt": name_key(f"{town} Kommune"), "Bo Elmelund Haarder": name_key(housing)}.items() \
        <= got.items(), got


@pytest.mark.parametrize("town,seat,housing,short", TOWNS)
def test_a_municipal_youth_unit_and_a_day_care_house_are_typed(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                               short):
    lines = [f"DELAFTALE – {seat.upper()} SAMLER", "Indsatsområde: Uddannelse og livschancer", "",
             "Aktivitetsnavn: Læsestart", "Målgruppe: børn 0-6 år",
             f"Samarbejdspartnere: Kommunal Ungeindsats {town}, Børnehuset Mælkebøtten", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    types = {name_key(o.name): o.type for o in r.organisations}
    assert types[name_key(f"Kommunal Ungeindsats {town}")] == "municipal_unit"
    assert types[name_key("Børnehuset Mælkebøtten")] == "daycare"
