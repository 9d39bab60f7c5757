"""Forms of session 30, each in made-up agreements of three municipalities (Haderslev, Holbæk,
Fredensborg), none of them from a real document:

* an activity table flattened row by row whose focus-area cells wrapped ("1 Uddannelse og beskæf-
  Lektiecafé X skolebørn 6-16 år Biblioteket tigelse 2 ..."): the area's first line before the name,
  the rest of it among the next line's cells;
* a heading's list of known focus areas run on after it, no commas or "og" between them
  ("3. Valgte indsatsområder Uddannelse og beskæftigelse Forebyggelse og forældreansvar Tryghed og trivsel");
* a contact line opening with a party's short form the agreement defined ("(herefter BV)"), under a line
  of another party's contact: the contact is the short form's party's.
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, name_key  # noqa: E402

TOWNS = [("Haderslev", "Vojens", "Boligforeningen Vojenshjem", "BV", "Andelsboligforeningen Gram", "ABG"),
         ("Holbæk", "Jyderup", "Boligforeningen Jyderuphus", "BJH", "Andelsboligforeningen Tølløse", "ABT"),
         ("Fredensborg", "Humlebæk", "Boligforeningen Humlebækhjem", "BH", "Andelsboligforeningen Kokkedal", "ABK")]


def _wrapped_area_table(town, seat, housing, short, other, other_short):
    return [f"Strategisk samarbejdsaftale {seat} Syd", "",
            "3. Valgte indsatsområder", "Uddannelse og beskæftigelse", "Forebyggelse og forældreansvar", "",
            "4. Aktivitetsoversigt",
            "Nr. Indsatsområde Aktivitet Målgruppe Samarbejdspartnere",
            f"1 Uddannelse og beskæf\u00ad Lektiecafé {seat} skolebørn 6-16 år {seat}skolen, {seat} Bibliotek tigelse",
            f"2 Uddannelse og beskæf\u00ad Jobværkstedet ledige unge 18-29 år Jobcenter {town}, {short} tigelse",
            f"3 Forebyggelse og Forældrenetværket børnefamilier med børn Sundhedsplejen {town}, forældreansvar "
            f"0-12 år Familiehuset {seat}",
            f"4 Forebyggelse og Mødrecaféen mødre med anden etnisk {seat}skolen forældreansvar baggrund end dansk", ""]


WANT = {"Lektiecafé {seat}": "Uddannelse og beskæftigelse", "Jobværkstedet": "Uddannelse og beskæftigelse",
        "Forældrenetværket": "Forebyggelse og forældreansvar", "Mødrecaféen": "Forebyggelse og forældreansvar"}


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_flattened_activity_table_whose_area_cells_wrapped(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                              other, other_short):
    lines = _wrapped_area_table(town, seat, housing, short, other, other_short)
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    areas = {a.name: a.focus_area for a in r.activities}
    assert areas == {k.format(seat=seat): v for k, v in WANT.items()}, areas
    partners = {p for a in r.activities for p in a.partners}
    assert not any("tigelse" in p or "forældreansvar" in p for p in partners), partners
    assert f"{seat} Bibliotek" in partners


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_cut_area_needs_its_rest_in_the_row(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                               other_short):
    """Without the rest of the area's name later in the row, the words before the name stay the name's."""
    lines = [f"Strategisk samarbejdsaftale {seat} Syd", "", "4. Aktivitetsoversigt",
             "Nr. Indsatsområde Aktivitet Målgruppe Samarbejdspartnere",
             f"1 Uddannelse og beskæf\u00ad Lektiecafé {seat} skolebørn 6-16 år {seat}skolen, {seat} Bibliotek",
             f"2 Uddannelse og beskæf\u00ad Jobværkstedet ledige unge 18-29 år Jobcenter {town}, {short}", ""]
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    assert not any(a.focus_area == "Uddannelse og beskæftigelse" for a in r.activities), \
        [(a.name, a.focus_area) for a in r.activities]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["flat", "as written"])
def test_a_heading_s_list_of_known_areas_run_on(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                                other_short, how):
    lines = [f"1 Strategisk samarbejdsaftale {seat} Syd Aftalens parter: {town} Kommune, {housing} "
             "3. Valgte indsatsområder Uddannelse og beskæftigelse Forebyggelse og forældreansvar Tryghed og trivsel "
             f"4. Organisering Bestyrelsen mødes fire gange om året i {seat}.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [a.name for a in r.focus_areas] == ["Uddannelse og beskæftigelse", "Forebyggelse og forældreansvar",
                                                "Tryghed og trivsel"]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_areas_named_in_a_sentence_after_the_definite_word_are_no_heading_s_list(tmp_path, make_docx, make_pdf, town,
                                                                                 seat, housing, short, other,
                                                                                 other_short):
    lines = [f"Strategisk samarbejdsaftale {seat} Syd", "", "3. Indsatsområder",
             "Parterne har valgt ét indsatsområde: Sundhed og trivsel.",
             "Indsatsområderne Beskæftigelse Uddannelse og livschancer indgår ikke i aftalen.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert "Beskæftigelse" not in [a.name for a in r.focus_areas]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_contact_line_opening_with_a_defined_short_form(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                          other, other_short, how):
    lines = [f"Strategisk samarbejdsaftale {seat} Syd", "", "Aftalens parter:", f"{town} Kommune",
             f"{housing} (herefter {short})", f"{other} (herefter {other_short})", "",
             "2. Organisering og kontaktpersoner", "Part Navn / titel / mail / tlf",
             f"{town} Kommune Ole-Jakob Frandsen / områdechef / olja@kommune.dk / 9915 6040",
             f"{short} Hanne Würtz Bisgaard / boligsocial leder / hwb@boligforening.dk / 9752 3318",
             f"{other_short} Karsten Hedegaard Munk / forretningsfører / khm@andelsbolig.dk", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    facts = contact_facts(r)
    assert facts["Hanne Würtz Bisgaard"][0] == name_key(housing), facts
    assert facts["Karsten Hedegaard Munk"][0] == name_key(other), facts
    assert facts["Ole-Jakob Frandsen"][0] == name_key(f"{town} Kommune"), facts


def _old_plan(town, seat, housing, short, other, other_short):
    return [f"{town.upper()} KOMMUNE", "Socialforvaltningen / Teknisk Forvaltning", "",
            f"\"{seat.upper()} - ET GODT STED AT BO\"",
            f"Helhedsplan for boligområdet {seat} Nord. Ansøgning til Landsbyggefondens pulje 2006-2010", "",
            f"{town} Kommune og {housing} ({short}) søger hermed om støtte til en 4-årig boligsocial helhedsplan. "
            "Knap halvdelen af husstandene har anden etnisk baggrund end dansk.", "Indsatsområder",
            "I. Børn og unge", "II. Beskæftigelse og uddannelse", "III. Beboernes sundhed og naboskab", "",
            "I. BØRN OG UNGE", "Projekt 1: Lektiecafé i beboerhuset", "Målgruppe: skolebørn 6-16 år",
            f"Samarbejde: {seat}skolen og frivillige fra Dansk Flygtningehjælp.",
            "II. BESKÆFTIGELSE OG UDDANNELSE", "Projekt 2: Brobyggeren", "Målgruppe: ledige beboere 18-40 år",
            f"Samarbejde: Jobcenter {town}.",
            "III. BEBOERNES SUNDHED OG NABOSKAB", "Projekt 3: Sundhedspatruljen", "Målgruppe: familier med små børn",
            "Samarbejde: Sundhedsplejen.", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["flat", "as written"])
def test_an_older_plan_whose_roman_chapters_and_cover_title_ran_on(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                   short, other, other_short, how):
    """The quoted cover title in capitals after the letterhead's units names the plan; the list of areas under a
    heading run onto the paragraph before it, and each area's chapter in capitals run in between its projects."""
    r = _extract(tmp_path, _old_plan(town, seat, housing, short, other, other_short), how, make_docx, make_pdf)
    assert name_key(r.plan.name) == name_key(f"{seat} - et godt sted at bo"), r.plan.name
    areas = ["Børn og unge", "Beskæftigelse og uddannelse", "Beboernes sundhed og naboskab"]
    assert [a.name for a in r.focus_areas] == areas
    assert {a.name: a.focus_area for a in r.activities} == dict(zip(
        ["Lektiecafé i beboerhuset", "Brobyggeren", "Sundhedspatruljen"], areas))


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_counted_list_of_areas_with_an_item_run_on_into_the_one_before(tmp_path, make_docx, make_pdf, town, seat,
                                                                        housing, short, other, other_short):
    lines = [f"Boligsocial helhedsplan {seat} 2017-2020. Boligområdet: {housing} afd. 17 {seat}parken (356 lejemål). "
             "Indsatsområder 1. Tryghed og trivsel 2. Kriminalpræventiv indsats 3. Uddannelse og beskæftigelse "
             f"4. Forebyggelse og forældreansvar Boligsocial leder og kontakt for alle delaftaler: Henriette Bak "
             f"Gravesen, {housing}, hbg@{seat.lower()}.dk.", ""]
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    assert [a.name for a in r.focus_areas] == ["Tryghed og trivsel", "Kriminalpræventiv indsats",
                                                "Uddannelse og beskæftigelse", "Forebyggelse og forældreansvar"]


def _web_page(town, seat, housing, short, other, other_short):
    return ["<div class=\"cookie-banner\">Vi bruger cookies. <button>Accepter</button></div>",
            f"<h1>{seat} Sammen – boligsocial indsats i {seat}</h1>",
            f"<p>{seat} Sammen er en boligsocial indsats, som {town} Kommune og {housing}",
            "driver sammen fra 1. september 2024 til 31. august 2028.</p>", "",
            "<h2>Vores aktiviteter</h2>", "<h3>Uddannelse og livschancer</h3>",
            "<p><strong>Lørdagsklubben</strong> er leg, læsning og udflugter for børn 3-10 år",
            f"og deres forældre. Vi samarbejder med {town} Bibliotek og dagtilbuddet",
            "Mariehønen.</p>",
            "<p><strong>Lektier i Huset</strong>: lektiehjælp for skolebørn i 4.-9. klasse",
            "hver tirsdag med frivillige fra Røde Kors.</p>",
            f"<p><strong>Vejen Videre</strong> hjælper unge 15-25 år videre i uddannelse i samarbejde med",
            f"Kommunal Ungeindsats {town}.</p>", "",
            "<h3>Sundhed og trivsel</h3>",
            "<p><strong>Formål</strong>: at styrke beboernes sundhed.</p>",
            "<p><strong>Gå-holdet</strong> – gåture og fællesskab for voksne, der føler sig ensomme.</p>", "",
            "<h2>Kontakt</h2>", "<div class=\"contact-card\">", "<b>Jonas Meldgaard Trier</b><br>",
            f"Boligsocial leder, {seat} Sammen<br>", f"Ansat i {housing}<br>",
            f"<a href=\"mailto:jmt@boligsocial.dk\">jmt@boligsocial.dk</a> · +45 51 87 32 14", "</div>", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_web_page_s_activities_named_in_bold_at_their_paragraph_s_start(tmp_path, make_docx, make_pdf, town, seat,
                                                                        housing, short, other, other_short):
    """A paragraph's run-in head in bold (then text in lower case, a dash, or a colon after a name of two capitalised
    words) is the item's name; a label in bold ("Formål") is none."""
    r = _extract(tmp_path, _web_page(town, seat, housing, short, other, other_short), "as written", make_docx, make_pdf)
    assert {a.name: a.focus_area for a in r.activities} == {
        "Lørdagsklubben": "Uddannelse og livschancer", "Lektier i Huset": "Uddannelse og livschancer",
        "Vejen Videre": "Uddannelse og livschancer", "Gå-holdet": "Sundhed og trivsel"}


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_an_institution_named_after_its_kind_and_a_card_s_employer_line(tmp_path, make_docx, make_pdf, town, seat,
                                                                       housing, short, other, other_short):
    r = _extract(tmp_path, _web_page(town, seat, housing, short, other, other_short), "as written", make_docx, make_pdf)
    orgs = {o.name: o for o in r.organisations}
    assert orgs["Mariehønen"].type == "daycare" and "dagtilbuddet Mariehønen" in orgs["Mariehønen"].aliases
    assert orgs[f"Kommunal Ungeindsats {town}"].type == "municipal_unit"
    assert not any(n.startswith("Ansat") for n in orgs), sorted(orgs)
    assert contact_facts(r)["Jonas Meldgaard Trier"][0] == name_key(housing)


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_word_after_an_institution_s_kind_that_is_a_target_group_or_common_word_is_no_name(
        tmp_path, make_docx, make_pdf, town, seat, housing, short, other, other_short):
    lines = [f"Helhedsplan for {seat}", "",
             f"Læselyst i vuggestuen Småbørnsfamilier med børn 0-3 år Dagtilbud {seat}.",
             "Vi mødes i børnehaven Tirsdag og torsdag.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    names = {o.name for o in r.organisations}
    assert "Småbørnsfamilier" not in names and "Tirsdag" not in names, names


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_label_after_an_institution_s_kind_is_no_name(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                        other, other_short):
    lines = [f"Delaftale {seat}: Aktivitetsnavn — Lektieværkstedet Partnere — {seat} Skole — idrætsforeningen "
             "Aktivitetsnavn — Ferieskolen Målgruppe(r) — børn 6-12 år", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert "Aktivitetsnavn" not in {o.name for o in r.organisations}


def _handover_note(town, seat, housing, short, other, other_short):
    return [f"NOTAT – OVERDRAGELSE AF LEDELSEN AF {seat.upper()} BRO",
            "Fra: Lasse Brøndum Kvist, boligsocial leder (fratræder 31.01.2026)",
            "Til: Amalie Ries Thorhauge, ny boligsocial leder (tiltræder 01.02.2026)",
            f"Cc: Susanne Egelund Krag, udviklingschef, {housing}", "", "1. Kort om indsatsen",
            f"{seat} Bro er den strategiske samarbejdsaftale mellem {town} Kommune og {housing} ({short}) for",
            "perioden 01.09.2024-31.08.2028. Delaftalerne er Uddannelse og livschancer samt Sundhed og trivsel.", "",
            "2. Nøglepersoner",
            f"- Sundhedsplejen, {town} Kommune: Marianne Fals, 24 29 17 03", "",
            "3. Aktiviteter – status januar 2026", "Uddannelse og livschancer:",
            "  * Lektieskibet – lektiehjælp for børn 6-14 år i fælleshuset. Kører godt.",
            f"  * Småbørnsbølgen – legestue for familier med børn 0-3 år sammen med Sundhedsplejen.",
            "Sundhed og trivsel:",
            f"  * Havnetræf – ugentligt formiddagstræf for ældre beboere, med Ældre Sagen {town}.",
            "  * Løbeklubben – løbe- og gågruppe for voksne.", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_handover_note_of_the_plan_s_leader(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                              other_short):
    """The plan named by the sentence that says what it is (the title ending with that name); "Delaftalerne er A samt B";
    a known area's lead-in with a colon over its activities' markdown bullets; the memo's addressee with a title after
    a modifier ("ny boligsocial leder") and a dated note; a unit labelling its person's entry without a title."""
    r = _extract(tmp_path, _handover_note(town, seat, housing, short, other, other_short), "as written", make_docx,
                 make_pdf)
    assert r.plan.name == f"{seat} Bro"
    assert [a.name for a in r.focus_areas] == ["Uddannelse og livschancer", "Sundhed og trivsel"]
    assert {a.name: a.focus_area for a in r.activities} == {
        "Lektieskibet": "Uddannelse og livschancer", "Småbørnsbølgen": "Uddannelse og livschancer",
        "Havnetræf": "Sundhed og trivsel", "Løbeklubben": "Sundhed og trivsel"}
    people = {c.name: c for c in r.contacts}
    assert people["Lasse Brøndum Kvist"].title == "boligsocial leder"
    assert "Amalie Ries Thorhauge" in people
    assert people["Marianne Fals"].organisation == "Sundhedsplejen" and people["Marianne Fals"].phone == "24291703"


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_signatures_side_by_side_under_rules_when_the_breaks_were_lost(tmp_path, make_docx, make_pdf, town, seat,
                                                                       housing, short, other, other_short):
    """"For X For Y", the signatures' rules, then both names and both titles run together: two people, each of the
    organisation signed for, the second title told by its own title word (not the first's domain "for Social og
    Beskæftigelse")."""
    lines = [f"Delaftale om beskæftigelse – {seat} Håndslag", "",
             f"1.1 Delaftalen er en del af den strategiske samarbejdsaftale mellem {town} Kommune og {housing}.", "",
             f"7. Underskrifter For {town} Kommune For {housing} _____________________________ "
             "_____________________________ Lise Bødtcher Kragelund Torben Vinge Halkjær Direktør for Social og "
             f"Beskæftigelse Direktør {seat}, den 28. november 2025", ""]
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    people = {c.name: (c.organisation, c.title) for c in r.contacts}
    assert people.get("Lise Bødtcher Kragelund") == (f"{town} Kommune", "Direktør for Social og Beskæftigelse"), people
    assert people.get("Torben Vinge Halkjær") == (housing, "Direktør"), people


def _status_cards(town, seat, housing, short, other, other_short):
    return ["ÅRSSTATUS 2024", f"{seat} i Fællesskab",
            f"Boligsocial indsats i {seat} · strategisk samarbejdsaftale 1.7.2023 – 30.6.2027", "",
            f"Indsatsen er et samarbejde mellem {town} Kommune og {housing} (herefter {short}).", "",
            "4 KONTAKT", "Boligsocial leder", "Line Kjærsgaard Mølbak", "lkm@boligsocial.dk · 24 81 30 67", "",
            "Medarbejder, beskæftigelse", "Ahmad Sharif Bundgaard", "asb@boligsocial.dk · 24 81 30 68", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_status_report_s_title_and_its_cards_titled_above_the_name(tmp_path, make_docx, make_pdf, town, seat,
                                                                      housing, short, other, other_short):
    """"ÅRSSTATUS 2024" is the report's kind and year, not the plan's name; a card's first line a title ("Medarbejder,
    beskæftigelse") is the person's title, not their unit."""
    r = _extract(tmp_path, _status_cards(town, seat, housing, short, other, other_short), "as written", make_docx,
                 make_pdf)
    assert r.plan.name == f"{seat} i Fællesskab"
    people = {c.name: c for c in r.contacts}
    assert (people["Ahmad Sharif Bundgaard"].title or "").startswith("Medarbejder")
    assert not (people["Ahmad Sharif Bundgaard"].organisation or "").startswith("Medarbejder")


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_an_older_plan_s_delaktivitet_headings(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                               other_short):
    lines = [f"Boligsocial helhedsplan for {seat} Nord 2012-2016", "", "3. Indsatsomraader", "",
             "Indsatsomraade 1: Tryghed og trivsel", "  Delaktivitet 1.1 Nabohjælp i Nordkvarteret",
             "  Beboerne etablerer et nabohjælpsnetværk med støtte fra Fyns Politi. Målgruppe: alle beboere.",
             "  Delaktivitet 1.2 Aktive Gårde", "  Afdelingsbestyrelserne arrangerer aktiviteter i gårdene hver sommer.",
             "", "Indsatsomraade 2: Uddannelse og beskæftigelse", "  Delaktivitet 2.1 Fra Bænk til Job",
             f"  Jobcenter {town} tilbyder kortere forløb med virksomhedspraktik for ledige beboere.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert {a.name: a.focus_area for a in r.activities} == {
        "Nabohjælp i Nordkvarteret": "Tryghed og trivsel", "Aktive Gårde": "Tryghed og trivsel",
        "Fra Bænk til Job": "Uddannelse og beskæftigelse"}


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_nomination_form_s_person_with_a_slashed_key_and_a_department(tmp_path, make_docx, make_pdf, town, seat,
                                                                        housing, short, other, other_short):
    """"Stilling/rolle:" is the title's key; "Organisation: X, afd. 4 Y" is X (the department the person is of)."""
    lines = [f"INDSTILLING TIL {town.upper()}PRISEN 2025", "", "A. INDSTILLER",
             "Navn*:               Kirsten Havgaard Bøjesen",
             f"Stilling/rolle*:     Formand for afdelingsbestyrelsen i {seat}husene",
             f"Organisation:        {housing}, afd. 4 {seat}husene",
             "E-mail*:             k.havgaard@beboer.dk", "Telefon:             23 81 44 06", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    person = {c.name: c for c in r.contacts}["Kirsten Havgaard Bøjesen"]
    assert person.title == f"Formand for afdelingsbestyrelsen i {seat}husene"
    assert person.organisation == housing and person.phone == "23814406"


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_survey_s_subtitle_quotes_the_plan_under_a_question(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                              short, other, other_short):
    lines = [f"{housing} · {town} Kommune", "", f"HVORDAN ER DET AT BO I {seat.upper()}?",
             f"Beboerundersøgelse 2026 – \"{seat} Ombord\"", "", "Kære beboer", "",
             f"Den boligsociale indsats {seat} Ombord har nu kørt i halvandet år.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert r.plan.name == f"{seat} Ombord"


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_web_page_s_contact_cards_run_together(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                                 other_short):
    """Cards whose breaks were lost: "Name Title, Project Ansat i Employer e-mail · phone Name Fremskudt sagsbehandler
    Unit, Municipality e-mail": neither "Ansat" nor "Fremskudt" is part of a name; the employer and the unit are the
    organisations."""
    lines = [f"{seat} Bro – boligsocial indsats i {seat}", "",
             f"Kontakt Jonas Meldgaard Trier Boligsocial leder, {seat} Bro Ansat i {housing} jmt@boligsocial.dk · "
             f"+45 51 87 32 14 Sofie Wendelboe Lykke Fremskudt sagsbehandler Center for Familie og Børn, {town} Kommune "
             "swa@kommune.dk · 48 10 06 52 Læs også: Nyt fælleshus åbnet", ""]
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    people = {c.name: (c.organisation, c.email) for c in r.contacts}
    assert people == {"Jonas Meldgaard Trier": (housing, "jmt@boligsocial.dk"),
                      "Sofie Wendelboe Lykke": ("Center for Familie og Børn", "swa@kommune.dk")}, people


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_minutes_item_s_areas_and_bullets_run_together(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                         other, other_short):
    """"Parterne har valgt to indsatsområder: A • x – ... • y – ... B • z – ...": the second area's name run onto the
    last item of the first; the annexes counted after "... Bilag" at a sentence's end are no activities."""
    lines = [f"{town} Kommune Udvalget for Børn og Familie Referat Punkt 6 Godkendelse af strategisk samarbejdsaftale "
             f"for boligsocial indsats i {seat}. {housing} og {town} Kommune har udarbejdet en strategisk "
             f"samarbejdsaftale. Indsatsen får navnet \"Hjertet i {seat}\". Parterne har valgt to indsatsområder: "
             "Uddannelse og livschancer • Lektiecafé Hjertet – lektiehjælp for skolebørn i samarbejde med "
             f"{town} Bibliotekerne • Ung-til-Ung mentor – unge er mentorer for elever på {seat} Skole Sundhed og "
             "trivsel • Gå-fællesskab – gåture for ældre og ensomme beboere • Psykisk sundhed i hverdagen – åben "
             "rådgivning for psykisk sårbare voksne. Beslutning Anbefales. Fraværende: Jette Bruun Kvist Bilag "
             f"1. Udkast til strategisk samarbejdsaftale, Hjertet i {seat} 2. Prækvalifikationsbrev fra "
             "Landsbyggefonden af 11. juni 2025", ""]
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    assert [a.name for a in r.focus_areas] == ["Uddannelse og livschancer", "Sundhed og trivsel"]
    assert {a.name: a.focus_area for a in r.activities} == {
        "Lektiecafé Hjertet": "Uddannelse og livschancer", "Ung-til-Ung mentor": "Uddannelse og livschancer",
        "Gå-fællesskab": "Sundhed og trivsel", "Psykisk sundhed i hverdagen": "Sundhed og trivsel"}


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("spelt", ["indsatsområdet", "indsatsomraadet"])
def test_a_delaftale_headed_by_its_area_after_the_kind_word(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                            other, other_short, spelt):
    lines = [f"Delaftale om {spelt} Kriminalitetsforebyggelse",
             f"Boligsocial indsats \"{seat} Sammen\" – {town} Kommune og {housing}", "",
             f"Delaftalen er et bilag til den strategiske samarbejdsaftale mellem {town} Kommune og {housing}.", "",
             "4. Aktiviteter", "Aktivitetsnavn: Aftenpatrulje", "Målgruppe(r): unge 13-20 år", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert [a.name for a in r.focus_areas] == ["Kriminalitetsforebyggelse"]
    assert {a.name: a.focus_area for a in r.activities} == {"Aftenpatrulje": "Kriminalitetsforebyggelse"}


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_pipe_table_with_the_area_first_whose_rows_ran_together(tmp_path, make_docx, make_pdf, town, seat, housing,
                                                                  short, other, other_short):
    """"Indsatsområde | Aktivitet | Målgruppe | Samarbejdspartnere A | x | ... | P1, P2 A | y | ..." (breaks lost): each
    row's area cut from the end of the cell it shares with the row before (an area seen before, or a name in sentence
    case), the last cell from the text after the table."""
    lines = [f"Helhedsplan for {seat} 2016-2019. 4. Indsatsområder Planen arbejder inden for tre af puljens fire "
             "indsatsområder: Uddannelse og beskæftigelse, Forældreansvar og familie samt Tryghed og trivsel. "
             "5. Aktivitetsoversigt Indsatsområde | Aktivitet | Målgruppe | Samarbejdspartnere Uddannelse og "
             f"beskæftigelse | Jobhuset {seat} | ledige voksne 25-60 år | Jobcenter {town}, EUC Syd Uddannelse og "
             f"beskæftigelse | Lektiehjørnet | skolebørn 6-13 år | {seat}skolen, frivillige fra Dansk Flygtningehjælp "
             "Forældreansvar og familie | Familiestuen | forældre med småbørn | Sundhedsplejen, Familierådgivningen "
             f"Tryghed og trivsel | Naboringen | ældre og ensomme beboere | Ældre Sagen {seat} Aktiviteterne er "
             "beskrevet nærmere i bilag 2. 6. Organisering Styregruppen mødes fire gange om året.", ""]
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    assert [a.name for a in r.focus_areas] == ["Uddannelse og beskæftigelse", "Forældreansvar og familie",
                                                "Tryghed og trivsel"]
    assert {a.name: a.focus_area for a in r.activities} == {
        f"Jobhuset {seat}": "Uddannelse og beskæftigelse", "Lektiehjørnet": "Uddannelse og beskæftigelse",
        "Familiestuen": "Forældreansvar og familie", "Naboringen": "Tryghed og trivsel"}


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_sentence_s_list_of_areas_wrapped_after_a_comma(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                          other, other_short, how):
    lines = [f"Helhedsplan for {seat} 2016-2019", "", "4. Indsatsområder",
             "Planen arbejder inden for tre af puljens fire indsatsområder: Uddannelse og beskæftigelse,",
             "Forældreansvar og familie samt Tryghed og trivsel. Kriminalpræventiv indsats indgår ikke, da SSP",
             f"{town} allerede har en lokal handleplan.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [a.name for a in r.focus_areas] == ["Uddannelse og beskæftigelse", "Forældreansvar og familie",
                                                "Tryghed og trivsel"]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["flat", "as written"])
def test_a_status_report_s_fact_box_with_dotted_leaders(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                        other, other_short, how):
    lines = [f"ÅRLIG STATUSRAPPORT 2024 – {seat.upper()} REJSER SIG",
             f"Den boligsociale indsats i {seat} · 2. driftsår", "", "STAMDATA",
             f"Indsatsens navn ........ {seat} Rejser Sig", "Aftaleperiode .......... 01.01.2023 - 31.12.2026",
             f"Boligorganisation ...... {housing} ({short})", f"Kommune ................ {town} Kommune",
             "Indsatsområder ......... Uddannelse og livschancer / Kriminalitetsforebyggelse", "",
             "1. SAMMENFATNING", "2024 har været et år med stabil drift.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert r.plan.name == f"{seat} Rejser Sig"
    assert [a.name for a in r.focus_areas] == ["Uddannelse og livschancer", "Kriminalitetsforebyggelse"]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["flat", "as written"])
def test_an_older_plan_s_project_codes_labels_and_signatures_are_no_organisations(tmp_path, make_docx, make_pdf, town,
                                                                                 seat, housing, short, other,
                                                                                 other_short, how):
    """"Delprojekt A1" is an item's label and code, "Projektperiode" a field's label after a department's name, the
    second signature's "For" no part of the first's organisation, and "Kommunens" (kontaktperson) no unit."""
    lines = [f"Helhedsplan for {seat}parken og {seat}haven", "Projektperiode: 1. april 2007 - 31. marts 2011", "",
             f"Kommunens kontaktperson: Jørgen Bach Lerche, familiekonsulent", "",
             "KAPITEL 3 INDSATSOMRÅDER OG DELPROJEKTER", "Indsatsområde A – Børn og familier",
             f"Delprojekt A1: Familieværkstedet", f"Partnere: Sundhedsplejen {town}, {short}",
             "Delprojekt A2: Fritidsbroen", f"Partnere: {seat} Fritidsklub", "",
             "KAPITEL 5 GODKENDELSE", f"{seat}, den 30. januar 2007",
             f"For {housing} For {town} Kommune", "Ib Skovsende Thygesen Merete Hald Kappel",
             "direktør kommunaldirektør", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    names = {o.name for o in r.organisations}
    assert not any(n.startswith("Delprojekt") or n.endswith((" For", "Projektperiode")) for n in names), names
    assert housing in names and f"{town} Kommune" in names
    assert {c.name: c.organisation for c in r.contacts}.get("Jørgen Bach Lerche") != "Kommunens"


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_municipal_strategy_s_section_on_the_plan(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                                    other_short, how):
    """"Aftalen har to delaftaler:" over each area's name and its bullets of quoted activities; the chapter's next
    numbered section after the bullets is no activity."""
    lines = [f"{town.upper()} KOMMUNE", "Boligsocial strategi 2025-2030", "",
             f"4  Boligsociale indsatser i {town} Kommune", f"4.1  {seat}",
             f"Den nye strategiske samarbejdsaftale \"{seat} Viser Vej\" er indgået mellem {town} Kommune og {housing} "
             "og gælder fra 1. juli 2025 til 30. juni 2029.", "",
             f"Indsatsen dækker {seat}gården (afd. 3, 240 boliger). Aftalen har to delaftaler:", "",
             "  Uddannelse og livschancer",
             f"   - \"Læs med i {seat}\": læsehjælp for børn 6-10 år og deres forældre ({seat}skolen)",
             f"   - \"Ung i {seat}\": vejledning for unge 15-24 år (Kommunal Ungeindsats {town})", "",
             "  Beskæftigelse", f"   - \"Vejen til Job\": jobrådgivning for ledige beboere (Jobcenter {town})",
             f"   - \"Frivilligjob\": frivilligt arbejde som vej til job (Frivilligcenter {town})", "",
             "4.2  Områder med forebyggende indsats",
             "Uden for området følges fire boligområder tæt gennem styringsdialogen.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [a.name for a in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]
    assert {a.name: a.focus_area for a in r.activities} == {
        f"Læs med i {seat}": "Uddannelse og livschancer", f"Ung i {seat}": "Uddannelse og livschancer",
        "Vejen til Job": "Beskæftigelse", "Frivilligjob": "Beskæftigelse"}


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx", "flat"])
def test_a_report_s_items_tagged_with_their_area_in_brackets(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                             other, other_short, how):
    """"Indsatsen arbejder med to indsatsområder, A og B:" (the areas after a comma) over items "· Name (area) – ..."
    that name their area in brackets, with no list label: each an activity of that area."""
    lines = [f"{housing.upper()}", "ESG-rapport 2024", "", f"Kommentar til S7: Boligsocial indsats i {seat}",
             f"Afdelingerne i {seat} er omfattet af den strategiske samarbejdsaftale \"{seat} Varig\" med {town} Kommune.",
             "", "Indsatsen arbejder med to indsatsområder, Beskæftigelse og Kriminalitetsforebyggelse:", "",
             f"  · Jobcafé {seat} (beskæftigelse) – ugentlig jobcafé for ledige beboere, især unge 18-29 år.",
             f"    Jobcenter {town} har en medarbejder fast tilknyttet.",
             "  · Mentorkorps (beskæftigelse) – frivillige mentorer følger unge i fritidsjob.",
             f"  · Tryg i {seat} (kriminalitetsforebyggelse) – gadeplansarbejde i samarbejde med SSP {town}.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [a.name for a in r.focus_areas] == ["Beskæftigelse", "Kriminalitetsforebyggelse"]
    assert {a.name: a.focus_area for a in r.activities} == {
        f"Jobcafé {seat}": "Beskæftigelse", "Mentorkorps": "Beskæftigelse", f"Tryg i {seat}": "Kriminalitetsforebyggelse"}


def _annual_status(town, seat, housing, short, other, other_short, after="5. Medarbejdere og kontakt"):
    return [f"{seat.upper()} ÅBEN", "Årsstatus 2024 – tredje driftsår",
            f"Boligsocial helhedsplan for {seat}, {town} Kommune · 1.1.2022-31.12.2025", "",
            "1. Året kort fortalt", f"Helhedsplanen er et samarbejde mellem {housing} ({short}) og {town} Kommune.", "",
            "3. BESKÆFTIGELSE", "Mål: 60 flere beboere i job eller uddannelse i perioden.", "",
            "Jobspottet (i drift)", f"Ugentlig jobcafé i beboerhuset med en jobkonsulent fra Jobcenter {town}.", "",
            "Kvindecafé med jobfokus (ny i 2024)", "For kvinder med anden etnisk baggrund, der ønsker at komme tættere på "
            "arbejdsmarkedet.", "",
            "4. FOREBYGGELSE OG FORÆLDREANSVAR", "Mål: Flere forældre støtter deres børns trivsel og skolegang.", "",
            "Familiestarten (i drift)", f"Gruppeforløb for forældre med børn 0-3 år i samarbejde med Sundhedsplejen {town}.",
            "", after, "Boligsocial leder Mikkel Sejersen Dall, msd@boligsocial.dk", ""]


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_status_report_s_area_chapters_and_activity_titles_with_their_status(tmp_path, make_docx, make_pdf, town,
                                                                                seat, housing, short, other,
                                                                                other_short):
    """The display title over the report's kind and "Boligsocial helhedsplan for X" names the plan; chapters titled by
    known areas (the next a closing chapter) head activities titled with their status in brackets."""
    r = _extract(tmp_path, _annual_status(town, seat, housing, short, other, other_short), "as written", make_docx,
                 make_pdf)
    assert name_key(r.plan.name) == name_key(f"{seat} Åben")
    assert [a.name for a in r.focus_areas] == ["Beskæftigelse", "Forebyggelse og forældreansvar"]
    assert {a.name: a.focus_area for a in r.activities} == {
        "Jobspottet": "Beskæftigelse", "Kvindecafé med jobfokus": "Beskæftigelse",
        "Familiestarten": "Forebyggelse og forældreansvar"}


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_letter_to_the_editor_names_the_plan_in_its_text(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                           other, other_short):
    """The newspaper's running head (a weekday, a date) is no plan's name; the sentence that says what the plan is
    names it; the byline's "Af" is no unit."""
    lines = [f"DEBAT · {town} og omegn · torsdag 13. november 2025", "", "LÆSERBREV", "",
             f"Helhedsplanen i {seat} er ikke spildte penge – kom og se selv", "",
             f"Af Bodil Sønderskov Fabricius, formand for afdelingsbestyrelsen i {seat}gård", "",
             f"{seat} i Flok er den boligsociale helhedsplan for {seat}gård og Stoldalen – i alt 389 lejemål, som alle "
             f"ejes af {housing}. Planen er en aftale mellem {housing} og {town} Kommune.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert r.plan.name == f"{seat} i Flok"
    assert {c.name: c.organisation for c in r.contacts}.get("Bodil Sønderskov Fabricius") != "Af"


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_an_activity_s_code_and_a_heading_run_on_are_no_part_of_an_organisation(tmp_path, make_docx, make_pdf, town,
                                                                               seat, housing, short, other,
                                                                               other_short):
    """"A3 Virksomhedsbroen" is an activity's code and name; "... med {town} Ungdomsskole Under Sundhed ..." (a heading
    run on) ends the school's name at "Under"."""
    lines = [f"Forandringsteori for {seat} Strand", "",
             "AKTIVITETER A1 Jobdøren åben jobrådgivning for ledige voksne beboere A3 Virksomhedsbroen praktik og "
             f"fritidsjob for unge i samarbejde med {town} Ungdomsskole Under Sundhed og trivsel arbejder vi med "
             "familierne.", ""]
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    names = {o.name for o in r.organisations}
    assert "A3 Virksomhedsbroen" not in names and f"{town} Ungdomsskole Under Sundhed" not in names, names
    assert f"{town} Ungdomsskole" in names


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_glossary_of_codes_run_together(tmp_path, make_docx, make_pdf, town, seat, housing, short, other,
                                          other_short):
    """"Forkortelser i aftalen KOM X Kommune BV Boligforeningen Y CSB Center for Social og Beskæftigelse 1 Parter ...":
    each code the short form of the name after it, no name run across two entries."""
    lines = [f"STRATEGISK SAMARBEJDSAFTALE Boligsocial indsats i {seat} Forkortelser i aftalen KOM {town} Kommune "
             f"{short} {housing} CSB Center for Social og Beskæftigelse 1 Parter Aftalen indgås mellem KOM og {short}. "
             "CSB deltager i bestyrelsen på kommunens vegne.", ""]
    r = _extract(tmp_path, lines, "flat", make_docx, make_pdf)
    orgs = {o.name: o for o in r.organisations}
    assert short in orgs[housing].aliases and "CSB" in orgs["Center for Social og Beskæftigelse"].aliases, sorted(orgs)
    assert not any(f" {short} " in n or n.startswith(("CSB ", f"{short} ")) for n in orgs), sorted(orgs)


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
@pytest.mark.parametrize("how", ["flat", "as written"])
def test_a_heading_s_words_after_boligomraadet_are_no_zone(tmp_path, make_docx, make_pdf, town, seat, housing, short,
                                                           other, other_short, how):
    lines = [f"Strategisk samarbejdsaftale om boligsocial indsats i {seat} 2021-2025", "",
             f"1. AFTALENS PARTER", f"Aftalen er indgået mellem {town} Kommune og {housing} (herefter {short}).", "",
             "2. BOLIGOMRÅDET OG AFDELINGER", "Afdeling\tBoligorganisation\tLejemål",
             f"{seat}bakken, afd. 14\t{short}\t312", f"{seat}haven, afd. 3\t{short}\t164", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert not any(z.name.split()[0].lower() == "og" for z in r.zones), [z.name for z in r.zones]
    assert all((z.part_of or "").split()[:1] != ["OG"] for z in r.zones)


@pytest.mark.parametrize("town,seat,housing,short,other,other_short", TOWNS)
def test_a_contact_table_ends_at_the_next_chapter_s_numbered_heading(tmp_path, make_docx, make_pdf, town, seat,
                                                                     housing, short, other, other_short):
    """The signatures' columns under "8 . U N D E R S K R I F T E R" (a PDF's letter-spaced heading) are no rows of
    the contact table above it: each signatory with their own title."""
    lines = [f"Strategisk samarbejdsaftale {seat} 2021-2025", "", "7. KONTAKT",
             "Funktion\tNavn\tTelefon\tE-mail",
             f"Boligsocial leder\tTrine Malling Skovbo, {short}\t96 31 44 08\ttms@boligsocial.dk",
             "8 . U N D E R S K R I F T E R", f"{seat}, den 15. marts 2021",
             f"For {town} Kommune\tFor {housing}", "Lasse Rørdam Hvidt\tHelle Bjørnskov Daugaard",
             "rådmand\tdirektør", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    people = {c.name: c.title for c in r.contacts}
    assert people.get("Helle Bjørnskov Daugaard") == "direktør" and people.get("Lasse Rørdam Hvidt") == "rådmand", people
