"""Forms of session 29, each in made-up agreements of three municipalities (Lolland, Tønder, Odsherred),
none of them from a real document:

* a short form defined in a prose party sentence whose letters come from a compound word's parts
  ("udarbejdet af Andelsboligforeningen Nakskovhjem (ABN)": andels-Bolig-foreningen), used later as
  the departments' owner and a contact's organisation (the other party's name opens with the same letter);
* a bracket after an organisation's genitive ("Boligforeningen Xs (BX) to afdelinger") or after a
  person ("direktør Lis Brøndum Holm (ABN)") in a sentence about departments: neither is a department.
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, name_key  # noqa: E402

TOWNS = [("Lolland", "Nakskov", "Andelsboligforeningen Nakskovhjem", "ABN", "Boligforeningen Maribobo", "BM"),
         ("Tønder", "Skærbæk", "Andelsboligforeningen Skærbækhus", "ABS", "Boligforeningen Toftlundbo", "BT"),
         ("Odsherred", "Asnæs", "Andelsboligforeningen Asnæshjem", "ABA", "Boligforeningen Fårevejlebo", "BF")]
WRITTEN = ["as written", "flat", "docx", "pdf"]


def _prose_parties(town, seat, housing, short, other, other_short):
    return [f"Boligsocial helhedsplan for {seat} Vest", "",
            f"Helhedsplanen er udarbejdet af {housing} ({short}) og Boligselskabet {seat}lund i samarbejde med "
            f"{town} Kommune, "
            "som medfinansierer planen og er part i den.",
            f"{short} er ansøger og har det administrative ansvar over for Landsbyggefonden.", "",
            "Boligafdelinger",
            "Afdeling\tEjer\tBoliger\tBeboere",
            f"Vesthaven (afd. 4)\t{short}\t208\t531",
            f"Kornvænget (afd. 7)\t{short}\t142\t366", "",
            f"Projektleder: Jamila Ouertani Bech, {short}, tlf. 26 51 73 09, jobe@{seat.lower()}hjem.dk", ""]


def _bracketed_owner(town, seat, housing, short, other, other_short):
    return [f"Statusrapport 2024 – {seat} Vest", "",
            f"Parter: {town} Kommune og {other}", "",
            f"Indsatsen dækker {other}s ({other_short}) to afdelinger i {seat}:",
            f"Vesthaven, afd. 4\t188 boliger", f"Kornvænget, afd. 6\t122 boliger", "",
            f"Styregruppen for afdelingerne består af socialchef Per Hedegaard Stokholm ({town} Kommune) og "
            f"direktør Lis Brøndum Holm ({other_short}).", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", WRITTEN)
def test_a_short_form_defined_in_a_prose_party_sentence_by_a_compound_s_parts(tmp_path, make_docx, make_pdf, town,
                                                                              seat, housing, short, other,
                                                                              other_short, how):
    r = _extract(tmp_path, _prose_parties(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    orgs = {name_key(o.name): o for o in r.organisations}
    assert name_key(short) not in orgs, sorted(orgs)
    assert short in orgs[name_key(housing)].aliases
    if how != "pdf":  # (the test PDF writer runs a table's cells into one line of text)
        owners = {name_key(z.name): name_key(z.housing_organisation) for z in r.zones}
        assert owners.get(name_key("Vesthaven")) == owners.get(name_key("Kornvænget")) == name_key(housing), owners
    assert contact_facts(r)["Jamila Ouertani Bech"][0] == name_key(housing)


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", WRITTEN)
def test_a_bracket_after_an_owner_s_genitive_or_a_person_is_no_department(tmp_path, make_docx, make_pdf, town, seat,
                                                                           housing, short, other, other_short, how):
    r = _extract(tmp_path, _bracketed_owner(town, seat, housing, short, other, other_short), how, make_docx,
                 make_pdf)
    zones = {name_key(z.name) for z in r.zones}
    assert not {name_key(f"{other}s"), name_key(other), name_key("Lis Brøndum Holm")} & zones, sorted(zones)


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", WRITTEN)
def test_a_party_list_ends_where_a_sentence_about_the_plan_opens(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                 short, other, other_short, how):
    """("Parter: A og B Indsatsen dækker Bs (BX) to afdelinger i X: Vesthaven, afd. 4 188 boliger ..." when the
    line breaks are lost: the list ends before "Indsatsen dækker", each row's name before its number)"""
    r = _extract(tmp_path, _bracketed_owner(town, seat, housing, short, other, other_short), how, make_docx,
                 make_pdf)
    orgs = {name_key(o.name): o for o in r.organisations}
    assert {name_key(f"{town} Kommune"), name_key(other)} <= set(orgs), sorted(orgs)
    assert not [k for k in orgs if "indsatsen" in k], sorted(orgs)
    assert orgs[name_key(other)].aliases == [other_short]
    zones = {name_key(z.name): (z.units, name_key(z.housing_organisation)) for z in r.zones}
    assert {name_key("Vesthaven"): (188, name_key(other)),
            name_key("Kornvænget"): (122, name_key(other))}.items() <= zones.items(), zones


def _application(town, seat, housing, short, other, other_short):
    return [f"{seat}egnens Fritidsfond – ansøgningsportal", "", "1. ANSØGER",
            f"Organisation: {other}", "", "2. PROJEKT", "Projekttitel: Pigeklubben", "",
            "3. BAGGRUND",
            f"{seat} Samler er den boligsociale indsats i {seat}. Den bygger på en strategisk samarbejdsaftale mellem "
            f"{town} Kommune, {other} og Boligforeningen Sct. Knuds Hjem for perioden 1.1.2025-31.12.2028. "
            "Indsatsen dækker tre afdelinger - i alt 430 boliger. Indsatsområderne er Uddannelse og livschancer (UL) "
            "samt Kriminalitetsforebyggelse (KF). Under den første arbejder vi med lektiecaféen.", "",
            "4. PROJEKTBESKRIVELSE (max 3.000 tegn)", "Pigeklubben er et ugentligt klubtilbud for piger 10-16 år.", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", WRITTEN)
def test_an_application_s_party_sentence_areas_sentence_and_capital_headings(tmp_path, make_docx, make_pdf, town, seat,
                                                                            housing, short, other, other_short, how):
    """(a party's "Sct." no sentence's end; "... 430 boliger. Indsatsområderne er A (UL) samt B (KF)." the plan's
    areas; a form's headings in capitals, "2. PROJEKT", "4. PROJEKTBESKRIVELSE", no organisations)"""
    r = _extract(tmp_path, _application(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    orgs = {name_key(o.name): o for o in r.organisations}
    assert {name_key(f"{town} Kommune"), name_key(other), name_key("Boligforeningen Sct. Knuds Hjem")} <= set(orgs)
    assert orgs[name_key("Boligforeningen Sct. Knuds Hjem")].is_party
    assert not {"projekt", "projektbeskrivelse", "ansøger", "boligforeningen sct"} & set(orgs), sorted(orgs)
    assert {name_key(f.name) for f in r.focus_areas} == {name_key("Uddannelse og livschancer"),
                                                         name_key("Kriminalitetsforebyggelse")}


def _sheet(town, seat, housing, short, other, other_short):
    return [f"Bilag 2 til strategisk samarbejdsaftale \"{seat} Samler\" – aktivitetsoversigt",
            f"Den strategiske samarbejdsaftale er indgået mellem {other} og {town} Kommune. Indsatsområderne er "
            "Uddannelse og livschancer (UL) og Beskæftigelse (BE).", "",
            "id;aktivitet;indsatsomraade;maalgruppe;partnere;kontakt;tlf",
            f'A1;Lektiecaféen;UL;"Børn 6-12 år; deres forældre";"{seat} Skole; {seat} Bibliotek";Louise Brink;="7666 0310"',
            f'A2;Jobbroen;BE;"Ledige voksne 30-60 år";"Jobcenter {town}; {seat} Turistforening";Sofie Lerke;="7666 0620"',
            ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat"])
def test_a_sheet_s_quoted_cells_are_no_activities(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                                  other_short, how):
    r = _extract(tmp_path, _sheet(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    assert {name_key(f.name) for f in r.focus_areas} == {name_key("Uddannelse og livschancer"),
                                                         name_key("Beskæftigelse")}
    names = [a.name for a in r.activities]
    assert not [n for n in names if ";" in n or not any(c.isalpha() for c in n)], names


def _coded_records(town, seat, housing, short, other, other_short):
    return [f"Boligsocial helhedsplan {seat} Vest 2012-2016", "", "2. Indsatsområder",
            "A) Uddannelse og beskæftigelse", "B) Forebyggelse og forældreansvar", "", "3. Aktiviteter",
            f"A.1 Jobværkstedet {seat}", "    Målgruppe: ledige beboere 25-55 år.",
            f"    Partnere: Jobcenter {town}, AOF {seat}.",
            "B.1 Familieværkstedet", "    Målgruppe: forældre med børn 0-12 år.", f"    Partner: Sundhedsplejen {town}.",
            "B.2 Gadeteamet", "    Målgruppe: unge 13-17 år.", f"    Partner: SSP {town}.",
            "==========================================================", "4. Organisering",
            f"Projektleder: Camilla Hjortkær, ansat i {other}, tlf. 96 84 21 50", "",
            "5. Aktiviteter i tal", f"Aktivitet 2.3 Seniorcaféen. Målgruppe: ældre beboere. Samarbejdspartner: "
            f"Ældre Sagen {seat}.", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_records_coded_by_their_area_s_letter_without_blank_lines_between(tmp_path, make_docx, make_pdf, town, seat,
                                                                          housing, short, other, other_short, how):
    """("A.1 Jobværkstedet" over its fields, the next record right under them: each record its own partners,
    its area the one its letter codes; "Aktivitet 2.3 Seniorcaféen." named without its number)"""
    r = _extract(tmp_path, _coded_records(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    acts = {name_key(a.name): a for a in r.activities}
    assert {name_key(f"Jobværkstedet {seat}"), "familieværkstedet", "gadeteamet"} <= set(acts), sorted(acts)
    assert not [k for k in acts if k[:1] in "ab" and k[1:2].isdigit() or k.startswith("aktivitet")], sorted(acts)
    assert acts[name_key(f"Jobværkstedet {seat}")].focus_area == "Uddannelse og beskæftigelse"
    assert acts["gadeteamet"].focus_area == "Forebyggelse og forældreansvar"
    assert {name_key(p) for p in acts["gadeteamet"].partners} == {name_key(f"SSP {town}")}
    assert {name_key(p) for p in acts["familieværkstedet"].partners} == {name_key(f"Sundhedsplejen {town}")}


def _paragraph_parties(town, seat, housing, short, other, other_short):
    return [f"{town.upper()} KOMMUNE", "Center for Børn, Unge og Læring", "",
            f"STRATEGISK SAMARBEJDSAFTALE OM DEN BOLIGSOCIALE INDSATS I {seat.upper()}", "", "§ 1  Parter",
            f"Aftalen indgås mellem {town} Kommune og boligorganisationerne {other.split()[0]}",
            f"{other.split()[1]} (herefter {other_short}) og {housing} (herefter {short}), som",
            f"tilsammen betegnes \"parterne\". {other_short} er ansøger.", "",
            "§ 4  Organisering",
            f"Bestyrelsen: centerchef for Center for Børn, Unge og Læring (CBUL), chefen for Børn og Unge, {town} "
            f"Kommune (herefter B&U), og direktøren i {other_short}.", "",
            "§ 5  Kontaktpersoner",
            "Rolle\tNavn / organisation\tMail / tlf.",
            f"Boligsocial leder\tAnne-Mette Vildbrad, {other_short}\tamv@{other_short.lower()}bo.dk 51 27 63 09",
            f"Kommunal tovholder\tKarim Obeidi Lassen, CBUL, {town} Kommune\tkol@{short.lower()}k.dk 72 16 48 30",
            f"Kontakt, {short}\tLise Hornbech Dal, forretningsfører\tlhd@{short.lower()}hjem.dk 44 95 21 70", "",
            "Funktion\tNavn\tEnhed\tMail / tlf.",
            f"Kommunal koordinator\tAnders Nørlem\tB&U, {town} Kommune\tanln@{short.lower()}k.dk 87 94 62 18",
            f"Formand {short}\tGunhild Fausing {short}\tgvf@gmail.com", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_numbered_party_heading_over_a_wrapped_sentence_and_joint_column_heads(tmp_path, make_docx, make_pdf, town,
                                                                                  seat, housing, short, other,
                                                                                  other_short, how):
    """("§ 1 Parter" over "Aftalen indgås mellem X og boligorganisationerne A (herefter AB) og B (herefter BB)"
    wrapped; a unit's series of topics with its short form, "Center for Børn, Unge og Læring (CBUL)", and a unit
    defined before its municipality, "Børn og Unge, X Kommune (herefter B&U)"; a contact table whose heads name
    two kinds, "Navn / organisation" and "Mail / tlf.", a role's column "Kontakt, AB", an organisation's column
    "B&U, X Kommune", and a row that lost a cell: "Formand AB | Name AB | e-mail")"""
    r = _extract(tmp_path, _paragraph_parties(town, seat, housing, short, other, other_short), how, make_docx,
                 make_pdf)
    orgs = {name_key(o.name): o for o in r.organisations}
    assert {k for k, o in orgs.items() if o.is_party} == {name_key(f"{town} Kommune"), name_key(other),
                                                           name_key(housing)}
    assert orgs[name_key(other)].aliases == [other_short] and orgs[name_key(housing)].aliases == [short]
    assert "CBUL" in orgs[name_key("Center for Børn, Unge og Læring")].aliases
    assert "B&U" in orgs[name_key("Børn og Unge")].aliases
    assert not {"center for børn", "børn unge og læring", "cbul", name_key(short), name_key(other_short)} & set(orgs)
    facts = {c.name: (name_key(c.organisation), c.title, c.email) for c in r.contacts}
    assert facts["Anne-Mette Vildbrad"] == (name_key(other), "Boligsocial leder", f"amv@{other_short.lower()}bo.dk")
    assert facts["Karim Obeidi Lassen"][:2] == (name_key("Center for Børn, Unge og Læring"), "Kommunal tovholder")
    assert facts["Lise Hornbech Dal"][:2] == (name_key(housing), "forretningsfører")
    assert facts["Anders Nørlem"][:2] == (name_key("Børn og Unge"), "Kommunal koordinator")
    assert facts["Gunhild Fausing"] == (name_key(housing), "Formand", "gvf@gmail.com")


def _around_a_plan(kind, town, seat, housing, short, other, other_short):
    name = f"{seat} på Vej"
    if kind == "consent":
        return [f"{name.upper()}\t{other}", f"Boligsocial indsats 2025-2029\t{town} Kommune", "", "SAMTYKKEERKLÆRING",
                "- til udveksling af oplysninger i forbindelse med Familieguiden", "", "Om indsatsen",
                f"\"{name}\" er en boligsocial indsats i Skibbyparken (afd. 7) under {other} ({other_short}). "
                f"Indsatsen er aftalt mellem {town} Kommune og {other_short}.", ""]
    if kind == "programme":
        return [f"{name} · {other} · {town} Kommune", "", "INTRODUKTIONSPROGRAM",
                "for ny boligsocial medarbejder (børn og unge), start 3. februar 2025", "",
                f"Velkommen til {name}! Programmet giver dig et overblik over indsatsen.", "",
                "Kort om indsatsen", f"{name} er den boligsociale indsats i {seat}, aftalt mellem {town} Kommune og "
                f"{other}.", ""]
    return [f"{seat}egnens Fritidsfond – ansøgningsportal", "Kvittering for modtaget ansøgning", "", "1. ANSØGER",
            f"Organisation: {other}", "", "3. BAGGRUND", f"{name} er den boligsociale indsats i {seat}-kvarteret. "
            f"Den bygger på en strategisk samarbejdsaftale mellem {town} Kommune og {other}.", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("kind", ["consent", "programme", "application"])
@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
def test_a_document_around_a_plan_names_the_plan_its_sentence_names(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                    short, other, other_short, kind, how):
    """(a form's one-word type in capitals, "SAMTYKKEERKLÆRING", "INTRODUKTIONSPROGRAM", no plan's name; the plan
    a sentence names in quotes ('"X på Vej" er en boligsocial indsats'); a fund's portal over the text, the plan
    its sentence names)"""
    r = _extract(tmp_path, _around_a_plan(kind, town, seat, housing, short, other, other_short), how, make_docx,
                 make_pdf)
    assert name_key(r.plan.name) == name_key(f"{seat} på Vej"), r.plan.name


def _delaftale_header(town, seat, housing, short, other, other_short):
    spelt = other.replace("å", "aa").replace("æ", "ae").replace("ø", "oe")
    return [f"{town} Kommune / {spelt} / {housing}",
            f"Delaftale 3 - Sundhed og trivsel - {seat} Sammen                      Side 1 af 2", "", "DELAFTALE",
            "Indsatsomraade: Sundhed og trivsel",
            f"Tilhørende strategisk samarbejdsaftale: {seat} Sammen ({town} Kommune,",
            f"{other} og {housing}, aftalens parter)", "Gyldig fra 1/1-2025 til 31/12-2028", "", "Problemstilling",
            "Mange ældre bor alene.", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
def test_a_delaftale_names_its_agreement_and_its_parties_in_a_bracket(tmp_path, make_docx, make_pdf, town, seat,
                                                                      housing, short, other, other_short, how):
    """(a letterhead of parties between slashes is no plan's name; "Tilhørende strategisk samarbejdsaftale: X (A, B
    og C, aftalens parter)" names the plan and its parties; the letterhead's "Aagaarden" spelling is "Ågården")"""
    other = other.replace("Maribobo", "Mariboågården").replace("Toftlundbo", "Toftlundgården")\
        .replace("Fårevejlebo", "Fårevejlegården")
    r = _extract(tmp_path, _delaftale_header(town, seat, housing, short, other, other_short), how, make_docx,
                 make_pdf)
    assert name_key(r.plan.name) == name_key(f"{seat} Sammen"), r.plan.name
    orgs = {name_key(o.name): o for o in r.organisations}
    assert {k for k, o in orgs.items() if o.is_party} == {name_key(f"{town} Kommune"), name_key(other),
                                                           name_key(housing)}, sorted(orgs)
    assert len(orgs) == 3, sorted(orgs)


def _roman_records(town, seat, housing, short, other, other_short):
    return [f"Boligsocial helhedsplan {seat} Havn 2008-2010", "", "3. INDSATSOMRÅDER", "I.   Børn, unge og familier",
            "II.  Beskæftigelse og uddannelse", "III. Beboerliv og netværk", "", "4. PROJEKTBESKRIVELSER",
            "Projekt I.1  Familieværkstedet", "  Målgruppe: småbørnsfamilier", f"  Samarbejde: Sundhedsplejen {town}",
            "Projekt II.1  Jobbutikken", "  Målgruppe: ledige beboere", f"  Samarbejde: Jobcenter {town}",
            "Projekt III.1  Netværkshuset", "  Målgruppe: alle beboere", f"  Samarbejde: {seat} Bibliotek", "",
            "5. ORGANISERING", f"Styregruppen består af {other}s direktør.", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_projects_numbered_by_their_area_s_roman_number(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                        other, other_short, how):
    r = _extract(tmp_path, _roman_records(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    assert {a.name: a.focus_area for a in r.activities} == {
        "Familieværkstedet": "Børn, unge og familier", "Jobbutikken": "Beskæftigelse og uddannelse",
        "Netværkshuset": "Beboerliv og netværk"}


def _cell_lines(town, seat, housing, short, other, other_short):
    return [f"{other} · {town} Kommune", "", f"Boligsocial helhedsplan {seat} Nord 2012-2016", "", "2 Boligområdet",
            "Afdeling", "Antal boliger", "Heraf ældreboliger", "Grønsundparken, afd. 21", "186", "0",
            "Bogøvænget, afd. 24", "72", "24", "Kirkestrædehusene, afd. 30", "58", "0", f"{seat} Nord i alt", "316", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_department_table_one_cell_a_line_name_before_number(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                short, other, other_short, how):
    """("Grønsundparken, afd. 21" over "186" over "0": each department by its name, its count the cell after it)"""
    r = _extract(tmp_path, _cell_lines(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    zones = {name_key(z.name): (z.units, [a for a in z.aliases if a.startswith("afd.")]) for z in r.zones
             if z.type == "housing_department"}  # (the cell as written may be an alias too: "Bogøvænget, afd. 24")
    assert zones == {"grønsundparken": (186, ["afd. 21"]), "bogøvænget": (72, ["afd. 24"]),
                     "kirkestrædehusene": (58, ["afd. 30"])}


def _viewer_tables(town, seat, housing, short, other, other_short):
    return [f"Strategisk samarbejdsaftale – {seat} Sammen 2021-2024", "", "Delaftale 1 – Tryghed og trivsel",
            "Aktivitet   Målgruppe   Ansvarlig / partnere",
            f"Trygge Trapper   alle beboere   {other_short}, Røde Kors {seat}",
            f"Gårdmænd   mænd 40-65 år uden for   {other_short}'s ejendomsfunktionærer", "arbejdsmarkedet",
            f"Aktiv fritid   børn og unge 7-16 år   {seat} Boldklub, {seat} Bibliotek",
            "Delaftale 2 – Beskæftigelse", "Aktivitet   Målgruppe   Ansvarlig / partnere",
            f"Jobcafé {seat}   ledige beboere, særligt   Jobcenter {town}", "kvinder med anden etnisk baggrund",
            f"Mentorbroen   unge 18-29 år uden   Jobcenter {town}, Familie-", f"uddannelse   rådgivningen {town}",
            f"Sommerjob i {seat}   unge 15-17 år   {other_short}, lokale virksomheder",
            f"Familierådgivningen {town} er medansvarlig for Mentorbroen, når den unge har en sag i kommunen.", "",
            "Navn   Funktion   E-mail   Telefon",
            f"Maja Dyhr   Boligsocial leder, {other_short}   mrd@{other_short.lower()}.dk   75 33 91 40",
            f"Yusuf Holt   Koordinator,   yah@{other_short.lower()}k.dk   79 72 68 15", f"Jobcenter {town}",
            "6. Underskrifter", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_viewer_s_copy_of_tables_with_wrapped_cells(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                      other, other_short, how):
    """(cells three spaces apart, not aligned, a cell wrapped onto a short line of its own: joined to the row's
    cell that goes on - "uden for" + "arbejdsmarkedet", "særligt" + "kvinder ...", "Familie-" + "rådgivningen";
    a heading or a paragraph after the table is no wrapped cell)"""
    r = _extract(tmp_path, _viewer_tables(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Trygge Trapper", "Gårdmænd", "Aktiv fritid", f"Jobcafé {seat}", "Mentorbroen",
                         f"Sommerjob i {seat}"}, sorted(acts)
    assert acts["Aktiv fritid"].focus_area == "Tryghed og trivsel"
    assert acts[f"Jobcafé {seat}"].focus_area == "Beskæftigelse"
    assert {name_key(p) for p in acts["Mentorbroen"].partners} >= {name_key(f"Jobcenter {town}"),
                                                                   name_key(f"Familierådgivningen {town}")}
    assert {name_key(p) for p in acts["Aktiv fritid"].partners} == {name_key(f"{seat} Boldklub"),
                                                                    name_key(f"{seat} Bibliotek")}
    facts = {c.name: (name_key(c.organisation), c.email) for c in r.contacts}
    assert facts["Yusuf Holt"] == (name_key(f"Jobcenter {town}"), f"yah@{other_short.lower()}k.dk")


def _letting_agreement(town, seat, housing, short, other, other_short):
    return ["AFTALE OM KOMBINERET UDLEJNING", f"mellem {town} Kommune og {other}", "",
            "§ 1 Aftalens parter og område", "Stk. 2. Aftalen omfatter følgende afdelinger:",
            "  afd. 14 Birkumvænget ............ 196 familieboliger",
            "  afd. 17 Banegårdsparken .......... 118 familieboliger (heraf 20 ungdomsboliger)",
            f"I alt 314 boliger i {seat} Syd.", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_departments_of_family_dwellings_and_the_area_their_total_names(tmp_path, make_docx, make_pdf, town, seat,
                                                                        housing, short, other, other_short, how):
    r = _extract(tmp_path, _letting_agreement(town, seat, housing, short, other, other_short), how, make_docx,
                 make_pdf)
    zones = {name_key(z.name): (z.units, z.part_of) for z in r.zones}
    assert zones == {"birkumvænget": (196, f"{seat} Syd"), "banegårdsparken": (118, f"{seat} Syd"),
                     name_key(f"{seat} Syd"): (314, None)}


def _quoted_in_clauses(town, seat, housing, short, other, other_short):
    return ["AFTALE OM KOMBINERET UDLEJNING", f"mellem {town} Kommune og {other}", "",
            "§ 5 Sammenhæng med den boligsociale indsats",
            f"Stk. 1. Begge afdelinger indgår i den boligsociale indsats \"{seat} Åbner Op\", som kommunen og "
            f"{other_short} har aftalt i en strategisk samarbejdsaftale.",
            "Stk. 2. Nye lejere tilbydes \"Bo godt fra start\" - et velkomstforløb med husbesøg, som gennemføres "
            "med frivillige fra Velkomstvennerne.",
            f"Stk. 3. Nytilflyttede ledige henvises til \"Jobspor {seat}\", indsatsens fremskudte jobvejledning, som "
            f"drives sammen med Jobcenter {town}.",
            f"Stk. 4. {other}, CVR 38 44 12 97 (i det følgende \"Selskabet\") sender en årlig opgørelse.", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat", "docx"])
def test_projects_named_in_quotes_in_a_document_that_lists_none(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                short, other, other_short, how):
    """(a quoted name with what it is beside it, "X" - et velkomstforløb, "Y", indsatsens jobvejledning: an
    activity; the plan in quotes and a short name defined in quotes are none)"""
    r = _extract(tmp_path, _quoted_in_clauses(town, seat, housing, short, other, other_short), how, make_docx,
                 make_pdf)
    assert {a.name for a in r.activities} == {"Bo godt fra start", f"Jobspor {seat}"}
    assert [name_key(p) for p in {a.name: a for a in r.activities}[f"Jobspor {seat}"].partners] \
        == [name_key(f"Jobcenter {town}")]


def _form_title(town, seat, housing, short, other, other_short):
    return [f"{seat}egnens Fritidsfond – ansøgningsportal", "", "1. ANSØGER", f"Organisation: {other}", "",
            "2. PROJEKT", f"Projekttitel: Pigeklubben {seat}", "Ansøgt beløb: 186.000 kr.",
            "Projektperiode: 1. marts 2026 – 28. februar 2027", "", "4. PROJEKTBESKRIVELSE",
            f"Pigeklubben {seat} er et ugentligt klubtilbud for piger 10-16 år i samarbejde med {seat} Ungdomsskole.",
            ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
def test_an_application_s_project_title_field(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                              other_short, how):
    r = _extract(tmp_path, _form_title(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    assert [a.name for a in r.activities] == [f"Pigeklubben {seat}"]


def _minutes(town, seat, housing, short, other, other_short):
    return [f"{town} Kommune", "Socialudvalget – Referat", "",
            f"Punkt 7. Strategisk samarbejdsaftale om boligsocial indsats i {seat}", "", "Sagsfremstilling",
            "Parterne har valgt to af Landsbyggefondens fire indsatsområder:", "", "  Uddannelse og livschancer",
            f"  - \"Lektiehjælp på Stationen\" – skolebørn 6-14 år ({seat} Skole)",
            f"  - \"Sommerskole {seat}\" – børn i 3.-7. klasse ({seat} Bibliotek)", "", "  Beskæftigelse",
            f"  - \"Jobcafé {seat}\" – ledige beboere (Jobcenter {town})", "",
            f"Den lokale bestyrelse består af direktør Gitte Brinkmann ({other}), formand Jørn Corfitzen ({housing}) "
            f"og formand Bjørn Aagaard ({seat} Boldklub).", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_areas_chosen_of_the_four_over_their_activities_and_board_members(tmp_path, make_docx, make_pdf, town, seat,
                                                                          housing, short, other, other_short, how):
    """("to af Landsbyggefondens fire indsatsområder:" counts two, each area over its quoted activities;
    board members with first names only the gazetteer knows, "formand Jørn Corfitzen (X)")"""
    r = _extract(tmp_path, _minutes(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]
    assert {a.name: a.focus_area for a in r.activities} == {
        "Lektiehjælp på Stationen": "Uddannelse og livschancer", f"Sommerskole {seat}": "Uddannelse og livschancer",
        f"Jobcafé {seat}": "Beskæftigelse"}
    facts = {c.name: (name_key(c.organisation), c.title) for c in r.contacts}
    assert facts["Jørn Corfitzen"] == (name_key(housing), "formand")
    assert facts["Bjørn Aagaard"] == (name_key(f"{seat} Boldklub"), "formand")


def _account_note(town, seat, housing, short, other, other_short):
    return [f"ÅRSREGNSKAB 2024 – den boligsociale indsats {seat} Fællesværk", f"{other} · {town} Kommune", "",
            "Indsatsen arbejder med indsatsområderne Beskæftigelse samt Uddannelse og livschancer.", "",
            "NOTE 3  AKTIVITETER FORDELT PÅ INDSATSOMRÅDER", "Beskæftigelse",
            f"  Jobvejen {seat} (ledige 25-64 år; med Jobcenter {town})          142.600",
            f"  Fritidsjob {seat} (unge 15-17 år; lokale arbejdsgivere)           58.900",
            "Uddannelse og livschancer", f"  Lektiecafé Brændgården (skolebørn; {seat} Skole, Røde Kors)       71.200",
            "  Sprogkuffert i dagplejen (børn 1-3 år)", "    - ikke igangsat i 2024                              0",
            "Fælles: beboerarrangementer og frivillige                           117.200",
            "Aktiviteter i alt                                                   390.000", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_an_account_s_cost_lines_under_the_areas(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                                 other_short, how):
    r = _extract(tmp_path, _account_note(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert {n: a.focus_area for n, a in acts.items()} == {
        f"Jobvejen {seat}": "Beskæftigelse", f"Fritidsjob {seat}": "Beskæftigelse",
        "Lektiecafé Brændgården": "Uddannelse og livschancer"}
    assert [name_key(p) for p in acts[f"Jobvejen {seat}"].partners] == [name_key(f"Jobcenter {town}")]


def _status_table(town, seat, housing, short, other, other_short):
    return [f"{seat.upper()} KOBLER · ÅRSSTATUS 2024", f"Boligsocial indsats i {seat}", "",
            "3. STATUS PÅ AKTIVITETERNE (G = gennemført, D = delvist, U = udskudt)", "Delaftale: Beskæftigelse",
            "Aktivitet   Status   Delt.   Samarbejdspartnere",
            f"Jobcafé {seat}   G   64   Jobcenter {town}, Aftenskolen {town} (IT-hjælp)",
            f"Praktikbroen (ny 2024)   D   11   Jobcenter {town}, lokale virksomheder",
            f"Unge i Gang   G   23   Kommunal Ungeindsats {town}", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat"])
def test_a_status_table_with_a_participants_column(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                                   other_short, how):
    """("Aktivitet Status Delt. Samarbejdspartnere": a row's name before its status code, a note in brackets
    after the partner cell of the row before, "... Aftenskolen X (IT-hjælp) Praktikbroen (ny 2024) D 11", no part
    of the name)"""
    r = _extract(tmp_path, _status_table(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    assert {a.name for a in r.activities} == {f"Jobcafé {seat}", "Praktikbroen", "Unge i Gang"}


def _weekly_schedule(town, seat, housing, short, other, other_short):
    return [f"{seat.upper()} SAMMEN · AKTIVITETER", "Forår 2026   ·   Gratis for alle beboere", "", "MANDAG",
            "14.00-16.00  Strikkecafé                       Fælleshuset",
            "             For: ældre og alle, der har lyst          Arr.: frivillige beboere",
            "15.00-17.30  Lektiecafé                       Skovparkens klubrum",
            f"             For: elever i 3.-9. klasse              Arr.: {seat} Bibliotek", "", "TORSDAG",
            f"13.00-15.00  Jobcafé                           Kontoret",
            f"             For: ledige beboere       Arr.: Jobcenter {town}",
            "17.30-19.30  Fællesspisning (første torsdag i måneden) Fælleshuset Engen",
            "             Pris 20 kr.      Arr.: afdelingsbestyrelserne", "", "FREDAG",
            "16.00-18.00  Knallertværkstedet               Det gamle vaskeri",
            f"             For: unge 14-20 år       Arr.: SSP {town}",
            "             ** HOLDER PAUSE HELE FORÅRET – vi søger nye lokaler **", "",
            "HVEM ER VI?", f"{seat} Sammen er den boligsociale helhedsplan for Skovparken ({other}).", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_weekly_schedule_s_rows_are_activities(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                                 other_short, how):
    """(under weekday headings, "14.00-16.00  Strikkecafé   Fælleshuset": the activity after its time, its place
    no part of its name; a row the schedule says is paused is none)"""
    r = _extract(tmp_path, _weekly_schedule(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Strikkecafé", "Lektiecafé", "Jobcafé", "Fællesspisning"}, sorted(acts)
    assert [name_key(p) for p in acts["Jobcafé"].partners] == [name_key(f"Jobcenter {town}")]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
def test_areas_named_as_the_delaftaler_worked_with(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                                   other_short, how):
    lines = [f"{seat} Engagerer · {other} · {town} Kommune", "", "INTRODUKTIONSPROGRAM", "",
             f"Kort om indsatsen: {seat} Engagerer er den boligsociale indsats i {seat}. Vi arbejder med delaftalerne "
             "Uddannelse og livschancer og Kriminalitetsforebyggelse. Du skal primært arbejde under den første.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Kriminalitetsforebyggelse"]


def _form_pdf_text(town, seat, housing, short, other, other_short):
    word = other.split()[-1]
    return [f"{town} Kommune · {other}", "", "Strategisk samarbejdsaftale", f"{seat} Tilsammen 2021-2025", "",
            "Aftalens parter", f"{town} Kommune og {other} (herefter {word})", "Områdets navn", f"{seat} Øst",
            "Aftaleperiode", "1. april 2021 – 31. marts 2025", "", "Aktivitetsnavn", "Jobspor", "Målgruppe",
            "ledige beboere 30-64 år", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_parties_with_a_word_as_short_form_over_a_bare_area_label(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                  short, other, other_short, how):
    """("A og Boligforeningen X (herefter X)": two parties, X the second's short form; "Områdets navn" without its
    colon over its value, no party)"""
    r = _extract(tmp_path, _form_pdf_text(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    parties = {name_key(o.name): o.aliases for o in r.organisations if o.is_party}
    assert parties == {name_key(f"{town} Kommune"): [], name_key(other): [other.split()[-1]]}, parties


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat", "docx"])
def test_areas_in_a_sentence_are_no_organisation(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                                 other_short, how):
    """("indsatsområderne Beskæftigelse og Sundhed og trivsel": the areas' capitals run together are no name)"""
    lines = [f"Strategisk samarbejdsaftale – {seat} Tilsammen", "", f"Aftalens parter: {town} Kommune og {other}", "",
             "Parterne har valgt indsatsområderne Beskæftigelse og Sundhed", "og trivsel. Kriminalitetsforebyggelse og "
             "Uddannelse og livschancer indgår ikke i denne aftale.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {name_key(o.name) for o in r.organisations} == {name_key(f"{town} Kommune"), name_key(other)}


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat", "docx"])
def test_a_company_in_a_responsible_field_is_no_person(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                       other, other_short, how):
    """("Ansvarlig: X med lokale virksomheder, fx Terndrup Trælast ApS, og Erhvervsforum Y": companies, no contact
    "Terndrup Trælast Ap"; a person with a first name in the same field still one)"""
    lines = [f"Delaftale: Beskæftigelse – {seat} Tilsammen", "Aktivitetsnavn: Første job", "Målgruppe: unge 18-29 år",
             f"Ansvarlig: {other_short} med lokale virksomheder, fx {seat} Trælast ApS, og Erhvervsforum {town}", "",
             "Aktivitetsnavn: Jobspor", "Målgruppe: ledige beboere", f"Ansvarlig: Hanne Lund, Jobcenter {town}", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [c.name for c in r.contacts] == ["Hanne Lund"]
