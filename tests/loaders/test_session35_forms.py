"""Forms of session 35, each in made-up agreements of three municipalities (Odder, Tårnby,
Jammerbugt), none of them from a real document:

* a pipe table typed without outer pipes, each row opening with its number ("Nr. | Aktivitet |
  Målgruppe | Samarbejdspartnere", "1.1 | Lektiecafé | ..."), maybe with a group's heading between
  rows (a focus area, or "Indsatsområde 2: ..."), whose line breaks were lost: each row's last cell
  runs into the next row's number; a table of people after it ("Navn | Funktion | Mail") is no part
  of it.
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import domain as _domain, extract_rendered as _extract  # noqa: E402

TOWNS = [("Odder", "Hou", "Houbo", "Boligforeningen Odder Hjem"),
         ("Tårnby", "Kastrup Nord", "Kastrupbo", "Boligselskabet Amager Vænge"),
         ("Jammerbugt", "Brovst", "Brovstbo", "Boligselskabet Jammerbo")]


def _numbered_table(town, seat, short, housing, heading):
    area = (lambda n, name: f"Indsatsområde {n}: {name}") if heading == "numbered" else (lambda n, name: name)
    mail = _domain(town)
    return [f"Boligsocial helhedsplan for {seat} 2025-2029", "",
            f"Helhedsplanen er et samarbejde mellem {housing} og {town} Kommune. Den har to indsatsområder: "
            "Tryghed og trivsel samt Uddannelse og beskæftigelse.", "",
            "4. Aktiviteter",
            "Nr. | Aktivitet | Målgruppe | Samarbejdspartnere",
            area(1, "Tryghed og trivsel"),
            f"1.1 | Gårdlauget {seat} | alle beboere | Frivilligcenter {town}",
            f"1.2 | Seniorkaffen | ældre beboere, der bor alene | Ældre Sagen {town}",
            area(2, "Uddannelse og beskæftigelse"),
            f"2.1 | Jobtrappen | ledige 25-64 år | Jobcenter {town}",
            f"2.2 | Lektiebåden | skolebørn i 1.-9. klasse | {seat} Skole, {town} Bibliotekerne",
            "",
            "5. Organisering og kontaktpersoner",
            f"Projektlederen er ansat i {short}.",
            "Navn | Funktion | Mail | Telefon",
            f"Merete Bruun Skovhus | Projektleder, {short} | mbs@{_domain(short)} | 61 22 30 48",
            f"Aksel Dyhr Fogh | Chef for Børn og Unge, {town} Kommune | adf@{mail} | 87 80 31 22", "",
            "6. Økonomi",
            "Landsbyggefonden støtter helhedsplanen med 9 mio. kr."]


@pytest.mark.parametrize("heading", ["area", "numbered"])
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_numbered_pipe_table_without_outer_pipes(tmp_path, make_docx, make_pdf, town, seat, short, housing, how,
                                                   heading):
    r = _extract(tmp_path, _numbered_table(town, seat, short, housing, heading), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    want = {f"Gårdlauget {seat}": "Tryghed og trivsel", "Seniorkaffen": "Tryghed og trivsel",
            "Jobtrappen": "Uddannelse og beskæftigelse", "Lektiebåden": "Uddannelse og beskæftigelse"}
    assert {n: acts[n].focus_area if n in acts else None for n in want} == want, sorted(acts)
    assert set(acts) == set(want), sorted(acts)  # (the people's table after it no rows of it)
    assert f"Jobcenter {town}" in acts["Jobtrappen"].partners, acts["Jobtrappen"].partners
    assert f"Ældre Sagen {town}" in acts["Seniorkaffen"].partners, acts["Seniorkaffen"].partners
    assert "seniors" in acts["Seniorkaffen"].target_groups
    assert {"Merete Bruun Skovhus", "Aksel Dyhr Fogh"} <= {c.name for c in r.contacts}


def _department_table(town, seat, short, housing, shape):
    heads, rows = {
        "subset with dashes": ("Afdeling Boligorganisation Antal lejemål Heraf ungdomsboliger",
                               [f"Engtoften (afd. 4) {short.upper()[:3]} 212 –", f"Kærgården (afd. 7) {short.upper()[:3]} 96 24",
                                f"Stationshusene Andelsboligforeningen {seat}hjem 140 –"]),
        "number first": ("Afdeling Boligorganisation Boliger",
                         [f"afd. 4 Engtoften {short} 212", f"afd. 7 Kærgården {short} 96",
                          f"afd. 9 Stationshusene {short} 140"]),
        "organisation column": ("Afdeling Organisation Lejemål Tomgang",
                                [f"Engtoften, afd. 4 {short.upper()[:3]} 212 3", f"Kærgården, afd. 7 {short.upper()[:3]} 96 0",
                                 f"Stationshusene {short.upper()[:3]} 140 1"]),
    }[shape]
    return [f"Strategisk samarbejdsaftale for {seat} Vest 2026-2029", "",
            f"1. Parter: {town} Kommune og {housing} (herefter {short.upper()[:3]}).", "",
            f"2. Boligområdet {seat} Vest omfatter tre afdelinger med i alt 448 lejemål:",
            heads, *rows, f"{seat} Vest i alt 448", "",
            "3. Indsatsområder",
            "Parterne har valgt Uddannelse og livschancer samt Kriminalitetsforebyggelse."]


@pytest.mark.parametrize("shape", ["subset with dashes", "number first", "organisation column"])
@pytest.mark.parametrize("how", ["flattened", "flat"])  # (its cells one space apart: a table only when run together)
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_department_table_whose_line_breaks_were_lost(tmp_path, make_docx, make_pdf, town, seat, short, housing, how,
                                                        shape):
    r = _extract(tmp_path, _department_table(town, seat, short, housing, shape), how, make_docx, make_pdf)
    zones = {z.name: z for z in r.zones}
    want = {"Engtoften": 212, "Kærgården": 96, "Stationshusene": 140}
    assert {n: zones[n].units if n in zones else None for n in want} == want, sorted(zones)
    assert {zones[n].type for n in want} == {"housing_department"}
    assert not [n for n in zones if set(n.split()) & {"Tomgang", "Organisation", "Boligorganisation"}], sorted(zones)


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("town,seat,housing,short", [("Odder", "Hou", "Boligselskabet Lindholt", "BLH"),
                                                     ("Tårnby", "Kastrup Nord", "Boligforeningen Kærvang", "BKV"),
                                                     ("Jammerbugt", "Brovst", "Boligselskabet Rørdalsbo", "BRB")])
def test_a_short_form_of_letters_inside_a_place_name(tmp_path, make_docx, make_pdf, town, seat, housing, short, how):
    lines = [f"Helhedsplan for {seat} Syd 2013-2017", "", "ANSØGENDE BOLIGORGANISATION",
             f"{housing} (i det følgende {short})", "", f"Samarbejdspartner: {town} Kommune.", "",
             f"{short} har ansvaret for helhedsplanen, og {short} ansætter projektlederen."]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    orgs = {o.name: o for o in r.organisations}
    assert short in orgs[housing].aliases, {n: o.aliases for n, o in orgs.items()}
    assert short not in orgs, sorted(orgs)


def _register_export(town, seat, short, housing):
    return ["AKTIVITETSREGISTRERING – UDTRÆK", "",
            f"Parter: {town} Kommune; {housing}", "",
            "Id\tAktivitet\tIndsatsområde\tMålgruppe (registreret)\tSamarbejdspartner(e)\tGange\tNye\tStatus",
            f"B-11\tLæsehulen {seat}\tUddannelse og livschancer\tBørn 6-12 år\t{seat} Skole\t20\t4\tAktiv",
            f"B-12\tMotionsmødrene\tSundhed og trivsel\tKvinder 25+\t{seat} Gymnastikforening\t12\t3\tAktiv",
            f"B-13\tMadmod\tSundhed og trivsel\tVoksne, psykisk sårbare\tSundhedscenter {town}\t9\t2\tAktiv", "",
            "Sum pr. indsatsområde\tGange\tNye",
            "Uddannelse og livschancer\t20\t4",
            "Sundhed og trivsel\t21\t5", "",
            "Noter",
            f"B-12 Sundhedsplejen {town} deltager hver anden gang.",
            "B-13 Madmod er flyttet til beboerhuset."]


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_register_export_with_notes_by_id(tmp_path, make_docx, make_pdf, town, seat, short, housing):
    r = _extract(tmp_path, _register_export(town, seat, short, housing), "as written", make_docx, make_pdf)
    acts = {a.name: a.focus_area for a in r.activities}
    assert acts == {f"Læsehulen {seat}": "Uddannelse og livschancer", "Motionsmødrene": "Sundhed og trivsel",
                    "Madmod": "Sundhed og trivsel"}, acts  # (the sums' table after it no rows of it)
    orgs = {o.name for o in r.organisations}
    assert f"Sundhedsplejen {town}" in orgs and not [o for o in orgs if o.startswith("B-1")], sorted(orgs)


def _spreadsheet_rows(town, seat, short, housing):
    return [f"Statusrapport 2025 – {seat} Nord", "",
            "2 AKTIVITETER",
            "(kopieret fra regnearket – Aktivitet;Delaftale;Status;Samarbejde)",
            f"Jobankeret;Beskæftigelse;I drift;Jobcenter {town}, Sprogcenter {town}",
            f"Lærepladsjagten;Beskæftigelse;I drift;KUI {town}",
            f"Suppeklubben;Sundhed og trivsel;I drift;Ældre Sagen {town}", "",
            "Jobankeret har haft 40 ledige i forløb."]


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_spreadsheet_rows_under_a_caption_naming_the_columns(tmp_path, make_docx, make_pdf, town, seat, short,
                                                             housing):
    r = _extract(tmp_path, _spreadsheet_rows(town, seat, short, housing), "as written", make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert {n: a.focus_area for n, a in acts.items()} == {
        "Jobankeret": "Beskæftigelse", "Lærepladsjagten": "Beskæftigelse", "Suppeklubben": "Sundhed og trivsel"}
    assert f"Jobcenter {town}" in acts["Jobankeret"].partners


def _area_bullets(town, seat, short, housing):
    return [f"{town} Kommune", "Referat – Socialudvalget", "",
            f"4. Godkendelse af strategisk samarbejdsaftale for {seat} 2026-2030", "",
            f"Aftalen indgås mellem {town} Kommune og {housing}.", "",
            "Parterne har valgt to indsatsområder:", "",
            "  • Uddannelse og livschancer (delaftale 1)",
            "      1) Læsebåden – lektiehjælp for skolebørn i 0.-6. kl.",
            f"         → {seat} Skole, {town} Bibliotekerne",
            "      2) Sprogkassen – sprogstimulering for børn 0-5 år og deres forældre",
            f"         → Sundhedsplejen {town}",
            "  • Kriminalitetsforebyggelse (delaftale 2)",
            "      3) Gadeholdet – opsøgende arbejde blandt unge 14-22 år",
            f"         → SSP {town}",
            "", "Beskæftigelse indgår ikke i aftalen."]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_numbered_items_under_bullets_naming_focus_areas(tmp_path, make_docx, make_pdf, town, seat, short, housing,
                                                         how):
    r = _extract(tmp_path, _area_bullets(town, seat, short, housing), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert {n: a.focus_area for n, a in acts.items()} == {
        "Læsebåden": "Uddannelse og livschancer", "Sprogkassen": "Uddannelse og livschancer",
        "Gadeholdet": "Kriminalitetsforebyggelse"}
    assert f"SSP {town}" in acts["Gadeholdet"].partners
    assert {f.name for f in r.focus_areas} == {"Uddannelse og livschancer", "Kriminalitetsforebyggelse"}


def _coded_records(town, seat, short, housing):
    return [f"Helhedsplan 2012-2016  –  {seat} Vænge                                    s. 1/3", "",
            f"Boligorganisation(er):    {housing} ({short.upper()[:3]})",
            f"Kommune:                  {town} Kommune", "",
            "INDSATSOMRÅDER",
            "(a) Tryghed og trivsel  (b) Børn, unge og forældre", "(c) Beskæftigelse og uddannelse", "",
            "AKTIVITETER",
            "Akt. 1  Gårdfesterne                                                [område a]",
            "        Målgr.: alle beboere, især nyindflyttede",
            f"        Partn.: afdelingsbestyrelserne, Frivilligcenter {town}",
            f"Akt. 2  Legestuen {seat}                                          [område b]",
            "        Målgr.: familier med børn 0-3 år",
            f"        Partn.: Sundhedsplejen {town}",
            "Akt. 3  Jobkaffen                                                   [område c]",
            "        Målgr.: ledige over 25 år",
            f"        Partn.: Jobcenter {town}", "",
            "ORGANISERING",
            f"Styregruppe med {short.upper()[:3]}'s direktør og kommunens familiechef."]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_abbreviated_activity_records_coded_by_the_areas_letters(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                  housing, how):
    r = _extract(tmp_path, _coded_records(town, seat, short, housing), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert {n: a.focus_area for n, a in acts.items()} == {
        "Gårdfesterne": "Tryghed og trivsel", f"Legestuen {seat}": "Børn, unge og forældre",
        "Jobkaffen": "Beskæftigelse og uddannelse"}
    assert f"Sundhedsplejen {town}" in acts[f"Legestuen {seat}"].partners
    assert {f.name for f in r.focus_areas} == {"Tryghed og trivsel", "Børn, unge og forældre",
                                               "Beskæftigelse og uddannelse"}


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_partner_field_with_a_note_in_brackets_and_a_rota_after_it(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                     housing):
    lines = [f"Vagtplan for frivillige – {seat}", "",
             f"Aftalen er indgået mellem {town} Kommune og {housing}.", "",
             f"Samarbejde: {seat} Centralskole (læreren kommer de lige uger), Ungdommens Røde Kors {town}",
             "uge 36: Birgit J. + Ahmed H.", "",
             f"Samarbejde: Ældre Sagen {seat} uge 36-39: Villads + Inger (fast hold)"]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    orgs = {o.name for o in r.organisations}
    assert {f"{seat} Centralskole", f"Ungdommens Røde Kors {town}", f"Ældre Sagen {seat}"} <= orgs, sorted(orgs)


def _cells_a_line(town, seat, short, housing):
    return ["DELAFTALE – Uddannelse og livschancer",
            f'til den strategiske samarbejdsaftale "{seat} Løft" mellem {town} Kommune og',
            f"{housing}", "",
            "4. Aktiviteter", "(tabellen er kopieret fra Word – én celle pr. linje)", "",
            "Aktivitet", "Målgruppe", "Samarbejdspartnere", "",
            "Lektiebåden", "børn i 0.-6. klasse", f"{seat} Skole, {town} Bibliotekerne,",
            "frivillige fra Dansk Flygtningehjælp", "",
            "Ung-til-ung kompasset", "unge 14-19 år", f"UU {town}, {town} Gymnasium", "",
            "Forældreskolen", "forældre", f"Børn og Familie, {seat} Skole", "",
            "5. Økonomi", "LBF-tilskud 1.480.000 kr."]


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_table_one_cell_a_line_its_rows_apart_by_blank_lines(tmp_path, make_docx, make_pdf, town, seat, short,
                                                               housing):
    r = _extract(tmp_path, _cells_a_line(town, seat, short, housing), "as written", make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert {n: a.focus_area for n, a in acts.items()} == {
        "Lektiebåden": "Uddannelse og livschancer", "Ung-til-ung kompasset": "Uddannelse og livschancer",
        "Forældreskolen": "Uddannelse og livschancer"}
    assert {f"{seat} Skole", f"{town} Bibliotekerne"} <= set(acts["Lektiebåden"].partners)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer"]


def _area_lines_over_records(town, seat, short, housing):
    return ["STRATEGISK SAMARBEJDSAFTALE", f"{seat} Fællesskab 2022-2025", "",
            "1. Aftalens parter", f"Aftalen er indgået mellem {town} Kommune og {housing}.", "",
            "3. Indsatsområder", "Parterne har valgt Uddannelse og livschancer samt Forebyggelse og",
            "forældreansvar. Beskæftigelse indgår ikke i aftalen.", "",
            "6. Aktiviteter", "Uddannelse og livschancer",
            "Lektieskibet – lektiehjælp for skolebørn i 2.-9. klasse i beboerhuset.",
            f"   Målgruppe: skolebørn og unge under 16 år. Partnere: {seat} Skole, {town} Bibliotek.",
            "Forebyggelse og forældreansvar",
            "Forældrefløjen – netværksgrupper for forældre med anden etnisk baggrund.",
            f"   Målgruppe: forældre til børn 0-12 år. Partnere: Sundhedsplejen {town}.",
            "Fisketure for familier – fællesskab for hele familien.",
            f"   Målgruppe: familier. Partnere: {seat} Lystfiskerforening.", "",
            "7. Økonomi", "Samlet budget 6.200.000 kr."]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_records_under_lines_naming_their_areas(tmp_path, make_docx, make_pdf, town, seat, short, housing, how):
    r = _extract(tmp_path, _area_lines_over_records(town, seat, short, housing), how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Forebyggelse og forældreansvar"]
    if how == "as written":  # (flattened, the area's heading runs onto the first record's title: only that one told)
        assert {a.name: a.focus_area for a in r.activities} == {
            "Lektieskibet": "Uddannelse og livschancer", "Forældrefløjen": "Forebyggelse og forældreansvar",
            "Fisketure for familier": "Forebyggelse og forældreansvar"}


def _business_case(town, seat, short, housing):
    return [f"Business case for kommunal medfinansiering – {seat}", "",
            f"Parterne er {town} Kommune og {housing}.", "",
            "3. Effektkæde – de aktiviteter, der bærer business casen",
            "Indsatsområde Beskæftigelse",
            f' B1  "Jobvejen {seat}" – jobrettede forløb for ledige beboere 30-55 år på',
            f"     kontanthjælp; Jobcenter {town} og {seat} Planteskole ApS (praktik)",
            "     Forventet effekt: 6 personer pr. år i job ~ 0,9 mio. kr./år",
            "Indsatsområde Forebyggelse og forældreansvar",
            f' F1  "Familiebroen" – tidlig familiestøtte til familier med børn 0-12 år; Sundhedsplejen {town}',
            "     Forventet effekt: 1 færre anbringelse over perioden ~ 1,2 mio. kr.", "",
            "4. Økonomi", "Samlet budget 1,7 mio. kr."]


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_coded_items_under_area_headings_without_number_or_colon(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                 housing):
    r = _extract(tmp_path, _business_case(town, seat, short, housing), "as written", make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert {n: a.focus_area for n, a in acts.items()} == {
        f"Jobvejen {seat}": "Beskæftigelse", "Familiebroen": "Forebyggelse og forældreansvar"}
    assert f"{seat} Planteskole ApS" in acts[f"Jobvejen {seat}"].partners
    assert "ApS" not in {o.name for o in r.organisations}


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_party_bullets_with_a_dashed_short_form_and_a_sentence_after_them(tmp_path, make_docx, make_pdf, town, seat,
                                                                          short, housing, how):
    lines = [f"Strategisk samarbejdsaftale 2026-2029 for den boligsociale indsats i {seat}", "",
             "§ 1. Aftalens parter",
             f" • {town} Kommune, Rådhuset, 8000 {town}",
             f' • {housing} – herefter "{short}"',
             f' • {seat}huse A.m.b.a. – herefter "SJH"',
             "Landsbyggefonden (LBF) er bevillingsgiver og ikke part. Politiet inviteres",
             "til bestyrelsens møder efter behov.", "",
             "§ 2. Periode", "Aftalen gælder fra 01.02.2026 og udløber 31.01.2030."]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    orgs = {o.name: o for o in r.organisations}
    assert orgs[housing].is_party and short in orgs[housing].aliases, {n: o.aliases for n, o in orgs.items()}
    if how == "as written":  # (flat, the last entry runs into the sentence after it: not told)
        assert orgs[f"{seat}huse A.m.b.a."].is_party and "SJH" in orgs[f"{seat}huse A.m.b.a."].aliases, sorted(orgs)
    assert not [n for n, o in orgs.items() if o.is_party and ("part" in n or "Landsbyggefonden" in n)], sorted(orgs)


def _plan_chapter(town, seat, short, housing):
    return [f"UDVIKLINGSPLAN FOR {seat.upper()} jf. almenboliglovens § 168 a", "",
            "Kapitel 5. Boligsociale tiltag",
            f'Den fysiske omdannelse understøttes af en boligsocial helhedsplan, "{seat} Frit", som {town} Kommune og',
            f"{housing} har indgået som strategisk samarbejdsaftale. Aftalen har tre delaftaler:", "",
            "5.1 Kriminalitetsforebyggelse",
            "   - Aftenholdet: synlige medarbejdere om aftenen, dialog med alle beboere. Samarbejde med",
            f"     SSP {town}.",
            "5.2 Uddannelse og livschancer",
            f"   - Læsekassen: læsegrupper for børn i 1.-4. klasse med {seat} Skole.",
            "5.3 Beskæftigelse",
            f"   - Jobstien: individuelle forløb for ledige. Jobcenter {town}.", "",
            "Kapitel 6. Organisering og kontakt",
            "Udviklingsplanen styres af en partnerskabsgruppe."]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_delaftaler_counted_over_numbered_sections_of_bullets(tmp_path, make_docx, make_pdf, town, seat, short,
                                                              housing, how):
    r = _extract(tmp_path, _plan_chapter(town, seat, short, housing), how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Kriminalitetsforebyggelse", "Uddannelse og livschancer", "Beskæftigelse"]
    assert {a.name: a.focus_area for a in r.activities} == {
        "Aftenholdet": "Kriminalitetsforebyggelse", "Læsekassen": "Uddannelse og livschancer",
        "Jobstien": "Beskæftigelse"}


def _invitation(town, seat, short, housing):
    mail = _domain(short)
    return ["BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN", "VERSION:2.0",
            "METHOD:REQUEST", "BEGIN:VEVENT",
            f'ORGANIZER;CN="Anders Brink Lysholt":mailto:abl@{mail}',
            f'ATTENDEE;CN="Susanne Holm Brix";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=',
            f" TRUE:mailto:shb@{mail}",
            f"SUMMARY;LANGUAGE=da-DK:Bestyrelsesmøde {seat} Sammen (boligsocial indsats)",
            "DTSTART:20251118T090000", "DTEND:20251118T110000",
            f"LOCATION:Beboerhuset\\, {seat} 12\\, {town}",
            *_folded("DESCRIPTION;LANGUAGE=da-DK:Kære bestyrelse\\n\\nHermed indkaldelse til bestyrelsesmøde i "
                     f"{seat} Sammen. Aftalens parter er {town} Kommune og {housing}.\\n\\nDAGSORDEN\\n1. Godkendelse "
                     "af referat\\n2. Status på delaftale 1 – Uddannelse og livschancer\\n   a) Lektiesluppen for børn "
                     f"i 3.-6. klasse (m. {town} Bibliotek)\\n   b) Børnesprog i hjemmet for familier med børn 0-3 år "
                     f"(m. Sundhedsplejen {town})\\n3. Status på delaftale 2 – Beskæftigelse\\n   a) Jobspejlet – "
                     f"ledige beboere (m. Jobcenter {town})\\n4. Evt.\\n\\nMvh\\nAnders Brink Lysholt\\nBoligsocial "
                     f"leder\\n{housing}\\nTlf. 51 94 27 80\\n"),
            "UID:040000008200E00074C5B7101A82E00800000000D05E4C1A6B2ADC01", "END:VEVENT", "END:VCALENDAR"]


def _folded(line: str, width: int = 74) -> list[str]:
    """An iCalendar content line folded as RFC 5545 folds it: 74 characters a line, each next one opening with a space
    (a word cut anywhere)."""
    return [line[:width]] + [" " + line[k:k + width - 1] for k in range(width, len(line), width - 1)]


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_meeting_invitation_saved_as_icalendar_text(tmp_path, make_docx, make_pdf, town, seat, short, housing):
    r = _extract(tmp_path, _invitation(town, seat, short, housing), "as written", make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert {"Børnesprog i hjemmet", "Jobspejlet"} <= set(acts), sorted(acts)
    assert acts["Jobspejlet"].focus_area == "Beskæftigelse"
    assert acts["Børnesprog i hjemmet"].focus_area == "Uddannelse og livschancer"
    assert f"Sundhedsplejen {town}" in acts["Børnesprog i hjemmet"].partners
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]
    contacts = {c.name: c for c in r.contacts}
    assert contacts["Anders Brink Lysholt"].email == f"abl@{_domain(short)}"
    assert not [o.name for o in r.organisations if "VEVENT" in o.name or "Dagsorden" in o.name.title()]


def _project_records(town, seat, short, housing):
    return [f"Ansøgning om støtte fra Landsbyggefondens pulje 2006-2010 til en boligsocial helhedsplan for {seat} Nord",
            "", "1 INDLEDNING", f"{housing} søger hermed om midler til en 4-årig helhedsplan.", "",
            "4 INDSATSOMRÅDER OG PROJEKTER", "4.1 Børn og unge",
            "Projekt 4.1.a  Lektieklub Åen", "   Hvem: skolebørn fra 1.-7. kl.",
            f"   Sammen med: {seat} Byskole og Dansk Røde Kors",
            f"Projekt 4.1.b  Fritidspas {seat}", "   Hvem: børn og unge 10-17 år",
            f"   Sammen med: {seat} Idrætsforening", "",
            "4.2 Beskæftigelse og uddannelse",
            "Projekt 4.2.a  Jobværkstedet", "   Hvem: ledige beboere",
            f"   Sammen med: Jobcenter {town}", "",
            "5 ØKONOMI (kr.)", "                 2008      2009      i alt",
            "LBF-tilskud    410.000   410.000   820.000", "",
            "6 UNDERSKRIFTER", f"{town}, 14. nov. 2007", f"For {housing}     Tiltrådt for {town} Kommune"]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_counted_project_records_with_question_fields(tmp_path, make_docx, make_pdf, town, seat, short, housing, how):
    r = _extract(tmp_path, _project_records(town, seat, short, housing), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert {n: a.focus_area for n, a in acts.items()} == {
        "Lektieklub Åen": "Børn og unge", f"Fritidspas {seat}": "Børn og unge",
        "Jobværkstedet": "Beskæftigelse og uddannelse"}
    assert acts["Jobværkstedet"].partners == [f"Jobcenter {town}"]  # (its text ends at the next chapter)


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_areas_counted_after_a_sentence_s_colon(tmp_path, make_docx, make_pdf, town, seat, short, housing, how):
    lines = [f"STRATEGISK SAMARBEJDSAFTALE om den boligsociale indsats »{seat} i Fællesskab« 2025-2029", "",
             "§ 1 Parter", f"Part 1: {town} Kommune", f"Part 2: {housing}", "",
             "§ 3 Indsatsområder",
             "Parterne har valgt følgende to indsatsområder, som udmøntes i hver sin delaftale (bilag 1 og 2):",
             "  a) Beskæftigelse", "  b) Kriminalitetsforebyggelse",
             "Uddannelse og livschancer samt Sundhed og trivsel er ikke en del af denne aftale.", "",
             "§ 4 Organisering", "Den boligsociale indsats har sekretariat i beboerhuset."]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Beskæftigelse", "Kriminalitetsforebyggelse"]


@pytest.mark.parametrize("label", ["Øvr. samarbejdspartn.", "Eksterne partnere", "Partn."])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_an_abbreviated_partner_field(tmp_path, make_docx, make_pdf, town, seat, short, housing, label):
    lines = [f"DELAFTALE NR. 2 – SUNDHED OG TRIVSEL – {seat}", "",
             f"Delaftalens parter: {town} Kommune og {housing}.", "",
             "AKTIVITETER", "Aktivitetsnavn:        Bevæg dig glad",
             "Målgruppe:             ældre og psykisk sårbare beboere",
             f"{label}: DGI Nordsjælland; lokale foreninger, f.eks. {seat} Petanqueklub", "",
             "Økonomi", "Budgettet er 1,2 mio. kr."]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert "DGI Nordsjælland" in acts["Bevæg dig glad"].partners, acts["Bevæg dig glad"].partners


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_departments_in_prose_with_genitive_owners_and_bare_counts(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                   housing, how):
    lines = [f"Statusrapport 2025 – {seat}", "",
             f"Indsatsen er et samarbejde mellem {town} Kommune, {housing} og Boligselskabet Solvang.",
             f"Den dækker 432 boliger: {housing}'s afdelinger Tørvehaven (204) og Pilehaven (156) samt",
             "Boligselskabet Solvangs afdeling Lærkely (72).", "",
             f"{seat} Nord består af Boligselskabet Solvang's afd. Flintely (opf. 1968, 180 lejl.) og",
             "afd. Kalkhaven (opf. 1971, 96 lejl.) - i alt 276 lejl."]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    zones = {z.name: z.units for z in r.zones if z.type == "housing_department"}
    assert {n: zones.get(n) for n in ("Tørvehaven", "Pilehaven", "Lærkely", "Flintely", "Kalkhaven")} == {
        "Tørvehaven": 204, "Pilehaven": 156, "Lærkely": 72, "Flintely": 180, "Kalkhaven": 96}, zones


@pytest.mark.parametrize("note,rest", [("(opf.", "1971, 96 lejl.) og afd. Stenhaven."),
                                       ("(tidligere", "Engparken) og afd. Stenhaven.")])
def test_a_bracket_s_note_wrapped_onto_the_next_line_joins_it(note, rest):
    from samspil.loaders.line_joins import join_wrapped

    first = f"Området består af afd. Flintehaven (opf. 1968, 180 lejl.), afd. Kalkhaven {note}"
    lines, _ = join_wrapped([first, rest, "Kontaktperson: Anna Berg"], [(1, None), (2, None), (3, None)], width=-90)
    assert lines == [f"{first} {rest}", "Kontaktperson: Anna Berg"]
    kept, _ = join_wrapped(["Budgettet er delt (se afsnit 4.", "Det samlede budget er 5 mio. kr."],
                           [(1, None), (2, None)], width=-90)
    assert len(kept) == 2  # (a sentence that closes no bracket early is the next one's)


@pytest.mark.parametrize("entry,unit", [("{p} (Familieafdelingen {town}, kommunens tovholder) – 99 88 61 42",
                                         "Familieafdelingen {town}"),
                                        ("{p}, tovholder, tlf. 99 88 61 42", None),
                                        ("{p} · tovholder · 99 88 61 42", None)])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_contact_list_s_next_entry_with_a_phone_and_no_e_mail(tmp_path, make_docx, make_pdf, town, seat, short,
                                                                housing, entry, unit):
    person = "Annemette Græsbøll Due"
    lines = [f"Statusrapport 2025 – {seat}", "",
             f"Aftalen er indgået mellem {town} Kommune og {housing}.", "",
             "7. Kontakt", f"Tobias Lind Hjortdal (barselsvikar) – 23 19 84 06 – tlh@{_domain(short)}",
             entry.format(p=person, town=town)]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    contacts = {c.name: c for c in r.contacts}
    assert contacts[person].phone == "99886142", sorted(contacts)
    if unit:
        assert contacts[person].organisation == unit.format(town=town)


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_first_name_shortened_as_older_documents_write_it(tmp_path, make_docx, make_pdf, town, seat, short,
                                                             housing, how):
    lines = [f"Helhedsplan for {seat} Nord 2008-2011", "",
             f"Aftalen er indgået mellem {town} Kommune og {housing}.", "",
             "Kontakt: Sv. Aage Ingvorsen, formand, tlf. 74 71 33 08",
             f"Chr. Holm Bech, projektleder, chb@{_domain(short)}"]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    contacts = {c.name: c for c in r.contacts}
    assert {"Sv. Aage Ingvorsen", "Chr. Holm Bech"} <= set(contacts), sorted(contacts)
    assert not [o.name for o in r.organisations if o.name in ("Sv.", "Chr.")]


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_contact_list_written_e_mail_first(tmp_path, make_docx, make_pdf, town, seat, short, housing):
    mail, hmail = _domain(town), _domain(short)
    lines = [f"DELAFTALE NR. 2 – SUNDHED OG TRIVSEL – {seat}", "",
             f"Delaftalens parter: {town} Kommune og {housing}.", "", "Kontaktpersoner",
             f"khl@{mail}     – Kathrine Holm Lassen – sundhedskonsulent, Center for Sundhed,",
             "                     tlf. 72 35 52 14",
             f"mds@{hmail}   – Mikkel Duus Sejerø – boligsocial leder, {short}, mob. 24 18 90 55",
             f"(ingen mail)       – Vibeke Ørum – ledende sundhedsplejerske, Sundhedsplejen {town},",
             "                     tlf. 72 35 60 02", "", "Underskrifter"]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    contacts = {c.name: (c.email, c.phone) for c in r.contacts}
    assert contacts == {"Kathrine Holm Lassen": (f"khl@{mail}", "72355214"),
                        "Mikkel Duus Sejerø": (f"mds@{hmail}", "24189055"), "Vibeke Ørum": (None, "72356002")}


@pytest.mark.parametrize("tail", ["Grøn", "Mål", "Forventet", "Status"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_status_or_field_word_run_onto_a_partner_s_name(tmp_path, make_docx, make_pdf, town, seat, short, housing,
                                                          tail):
    lines = [f"Statusrapport 2025 – {seat}", "",
             f"Aftalen er indgået mellem {town} Kommune og {housing}.", "",
             f"Aktivitetsnavn: Familiefrokost {seat}", "Målgruppe: alle beboere, særligt ældre enlige",
             f"Samarbejde: Ældre Sagen {town} og Sundhedsplejen {town}", f"{tail}: 40 deltagere pr. måned."]
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    orgs = {o.name for o in r.organisations}
    assert f"Sundhedsplejen {town}" in orgs and f"Sundhedsplejen {town} {tail}" not in orgs, sorted(orgs)


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_column_s_head_run_onto_a_partner_s_name(tmp_path, make_docx, make_pdf, town, seat, short, housing):
    lines = [f"Helhedsplan for {seat} 2021-2024", "", f"Aftalen er indgået mellem {town} Kommune og {housing}.", "",
             f"Kontakt: {town} Frivilligcenter – Anne Mette Bro, leder, amb@{_domain(town)}",
             "Aktivitet | Målgruppe | Samarbejdspartnere", "Frivilligakademiet | Nye og erfarne frivillige | "
             f"{town} Frivilligcenter", f"Fællesspisning | Alle beboere | {seat} Madklub"]
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    orgs = {o.name for o in r.organisations}
    assert not [o for o in orgs if o.startswith("Samarbejdspartnere")], sorted(orgs)


@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_a_people_table_flattened_with_a_role_column_first(tmp_path, make_docx, make_pdf, town, seat, short, housing):
    mail, hmail = _domain(town), _domain(short)
    lines = [f"Strategisk samarbejdsaftale for {seat} 2024-2027", "",
             f"Aftalen er indgået mellem {town} Kommune og {housing}.", "",
             "5. Kontaktpersoner", "Rolle                 Navn                 Organisation            E-mail      Telefon",
             f"Boligsocial leder     Maja Thorsø Elkjær   {housing}   mte@{hmail}   86 61 32 05",
             f"Koordinator           Jonas Bach Hedegaard {town} Kommune   jbh@{mail}   87 87 54 12",
             f"Forebyggelse          Brian Thyregod       SSP {town}   bth005@{mail}", "",
             "6. DELAFTALE A – UDDANNELSE OG LIVSCHANCER"]
    r = _extract(tmp_path, lines, "flattened", make_docx, make_pdf)
    contacts = {c.name: c.email for c in r.contacts}
    assert {"Maja Thorsø Elkjær": f"mte@{hmail}", "Jonas Bach Hedegaard": f"jbh@{mail}",
            "Brian Thyregod": f"bth005@{mail}"}.items() <= contacts.items(), contacts


@pytest.mark.parametrize("how", ["flattened", "flat"])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_signatures_side_by_side_under_their_lines_without_for(tmp_path, make_docx, make_pdf, town, seat, short,
                                                               housing, how):
    lines = [f"Delaftale om kriminalitetsforebyggelse i {seat} 2025-2028", "",
             f"Aftalen er indgået mellem {town} Kommune og {housing}.", "",
             "6. Underskrift for delaftalens parter", f"{town}, den 24. juni 2025", "",
             "_________________________            _________________________",
             "Pernille Brahe Sommer                 Kirsten Ørum Lyhne",
             f"Chef for Familie og Forebyggelse      Direktør, {housing}"]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    contacts = {c.name: c for c in r.contacts}
    assert {"Pernille Brahe Sommer", "Kirsten Ørum Lyhne"} <= set(contacts), sorted(contacts)
    assert contacts["Kirsten Ørum Lyhne"].organisation == housing


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("sentence", ["Bestyrelsen består af direktøren og en repræsentant for afdelingsbestyrelserne.",
                                      "Formanden for afdelingsbestyrelsen i {seat} deltager i styregruppen.",
                                      "Afdelingsbestyrelserne inddrages i den årlige status til Landsbyggefonden."])
@pytest.mark.parametrize("town,seat,short,housing", TOWNS)
def test_the_plan_s_governance_names_no_target_group(tmp_path, make_docx, make_pdf, town, seat, short, housing,
                                                     sentence, how):
    lines = [f"Strategisk samarbejdsaftale for {seat} 2024-2027", "",
             f"Aftalen er indgået mellem {town} Kommune og {housing}.", "", "4. Organisering",
             sentence.format(seat=seat), "", "5. Aktiviteter",
             "Aktivitetsnavn: Lektiecafé", "Målgruppe: skolebørn 6-12 år"]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert "tenant_democracy" not in {g.category for g in r.target_groups}
