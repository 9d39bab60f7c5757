"""Forms found in session 24 on the earlier blind sets' flattened copies and on the new blind
set U, as made-up documents of three other municipalities:

* a committee paper's areas counted by a sentence ("Parterne har valgt to indsatsområder:"),
  each area's name over its activities' bullets, its line breaks lost: each area's name cut
  from the item before it ("... – forældre til børn i mellemtrinnet Tryghed og trivsel • ...")."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = [("Tønder", "Tønder Almennyttige Boligselskab", "Skærbæk Boligforening"),
         ("Guldborgsund", "Boligselskabet Guldborg", "Nykøbing F. Boligforening"),
         ("Skanderborg", "Boligforeningen Fælleshjem", "Ry Almene Boliger")]

BULLETED = [("Tryghed og trivsel", [("Natteravnene", "Natteravnene {town}, SSP {town}", "unge 13-17 år og deres forældre"),
                                    ("Gårdmandsordningen", "{a}", "alle beboere i området")]),
            ("Uddannelse og livschancer", [("Læseklubben", "{town} Bibliotek", "børn 6-10 år"),
                                           ("Ungevejen", "Kommunal Ungeindsats {town}", "unge 15-24 år uden uddannelse")])]


def _counted_bullets(town, a, b):
    lines = [f"{town} Kommune – Børne- og Skoleudvalget – Referat", "",
             f"4. Strategisk samarbejdsaftale for Vestbyen {town} 2026-2029", "",
             f"Sagsfremstilling: {a} og {town} Kommune har udarbejdet en ny aftale.",
             "Parterne har valgt to indsatsområder:", ""]
    for area, items in BULLETED:
        lines.append(area)
        lines += [f"  • {name} ({partners.format(town=town, a=a)}) – {target}" for name, partners, target in items]
        lines.append("")
    return lines + ["Indstilling: Forvaltningen indstiller, at aftalen godkendes.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
def test_areas_counted_by_a_sentence_over_their_bullets_run_together(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _counted_bullets(town, a, b), how, make_docx, make_pdf)
    assert {f.name for f in r.focus_areas} == {area for area, _ in BULLETED}
    got = {name_key(x.name): x.focus_area for x in r.activities}
    assert got == {name_key(name): area for area, items in BULLETED for name, _, _ in items}, got


NUMBERED_ROWS = [("1.1", "Tryghedsvandringer", "alle beboere og afdelingsbestyrelser", "{town} Politi, {town} Kommune"),
                 ("1.2", "Sommer i Vestbyen", "børn og unge 6-17 år", "{town} Ungdomsskole"),
                 ("2.1", "Lektiecafé Kastanjen", "skoleelever i 4.-10. klasse", "{town} Bibliotek"),
                 ("2.2", "Jobguiden", "ledige 18-30 år", "Jobcenter {town}"),
                 ("3.1", "Mødrenetværket", "flygtningekvinder og deres børn", "Dansk Flygtningehjælp {town}")]
NUMBERED_AREAS = ["Tryghed og trivsel", "Uddannelse og beskæftigelse", "Forebyggelse og forældreansvar"]


def _numbered_rows(town, a, b):
    """An older plan whose activity table numbers its rows by area ("1.1", "2.1") under a chapter
    numbered after the areas' chapter, its target groups in lower case."""
    lines = [f"Boligsocial helhedsplan 2012-2016 for Vestbyen, {town}", "", f"Hovedansøger: {a}",
             f"Samarbejdskommune: {town} Kommune", "", "1. Boligområdet", f"Vestbyen har 540 boliger i {b}s afdelinger.", "",
             "2. Indsatsområder", "Helhedsplanen arbejder inden for tre af puljens indsatsområder: "
             "(1) Tryghed og trivsel, (2) Uddannelse og beskæftigelse og (3) Forebyggelse og forældreansvar.", "",
             "3. Aktivitetsoversigt", "Nr.\tAktivitet\tMålgruppe\tSamarbejdspartnere"]
    lines += [f"{no}\t{name}\t{target}\t{partners.format(town=town)}" for no, name, target, partners in NUMBERED_ROWS]
    return lines + ["", "4. Organisering", f"Projektleder: Lene Bach Winther, {a}, lbw@vestbyen.dk", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
def test_a_table_numbering_its_rows_by_area_is_no_chapter_of_areas(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _numbered_rows(town, a, b), how, make_docx, make_pdf)
    assert {name_key(x.name) for x in r.activities} == {name_key(name) for _, name, _, _ in NUMBERED_ROWS}
    assert {f.name for f in r.focus_areas} == set(NUMBERED_AREAS)  # (not "Lektiecafé Kastanjen", "Jobguiden")
    job = next(x for x in r.activities if x.name == "Jobguiden")
    assert "unemployed" in job.target_groups and {name_key(p) for p in job.partners} == {f"jobcenter {name_key(town)}"}


LOWER_ROWS = [("Sprogleg i Vestparken", "børn 1-5 år og deres forældre", "Dagtilbud {town}, Sundhedsplejen {town}"),
              ("Lektieværkstedet", "skolebørn 6-14 år", "{town} Skole, frivillige fra Dansk Flygtningehjælp {town}"),
              ("Unge på vej", "unge 15-25 år uden ungdomsuddannelse", "Jobcenter {town}"),
              ("Fædre på banen", "fædre, særligt enlige fædre", "Familiehuset {town}")]


def _lower_target_table(town, a, b):
    """A delaftale's table of activities with its target groups in lower case, each partner cell
    ending in the town's name, after a party list with an abbreviation in brackets."""
    lines = ["Delaftale 1: Uddannelse og livschancer", "",
             f"Delaftalens parter: {a}, Dagtilbud {town} og Ungdommens Uddannelsesvejledning {town} (UU {town}).", "",
             "Aktivitetsnavn\tMålgruppe(r)\tAnsvarlig og samarbejdspartnere"]
    lines += [f"{name}\t{target}\t{partners.format(town=town)}" for name, target, partners in LOWER_ROWS]
    return lines + ["", "Delaftalen følges op to gange årligt i bestyrelsen.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
def test_a_table_with_target_groups_in_lower_case_run_together(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _lower_target_table(town, a, b), how, make_docx, make_pdf)
    got = {name_key(x.name): x for x in r.activities}
    assert set(got) == {name_key(name) for name, _, _ in LOWER_ROWS}, list(got)
    assert "youth" in got["unge på vej"].target_groups and "children" in got["lektieværkstedet"].target_groups
    assert f"sundhedsplejen {name_key(town)}" in {name_key(p) for p in got["sprogleg i vestparken"].partners}


STATUS_ITEMS = [("Læsemakkere", "frivillige læser med børn i 0.-3. klasse; sammen med {town} Bibliotek", "40 børn, kører godt."),
                ("Ungdomsklubben Vestparken", "for unge 13-17 år, drives med {town} Ungdomsskole", "2 aftener om ugen."),
                ("Fællesspisning", "med afdelingsbestyrelserne", "60-80 deltagere pr. gang.")]


def _dialogue_minutes(town, a, b):
    """A steering dialogue's minutes (styringsdialog) with the plan as one item: its areas quoted in the
    sentence about the agreement, its activities' status as a list whose items wrap after a colon."""
    lines = [f"{town} Kommune – Boligadministration", "", "REFERAT AF STYRINGSDIALOGMØDE 2024", "",
             "1. Økonomi og regnskab", "Regnskabet er revideret uden forbehold.", "",
             '5. Boligsocial indsats "Vestparken Sammen"',
             f"Den strategiske samarbejdsaftale mellem {a} og {town} Kommune løber fra 1. juli 2022 til 30. juni 2026",
             'og omfatter indsatsområderne "Uddannelse og livschancer" og "Sammenhængskraft og medborgerskab".',
             "Status på aktiviteterne:"]
    for name, note, status in STATUS_ITEMS:
        lines += [f"  - {name} ({note.format(town=town)}):", f"    {status}"]
    return lines + ["Parterne aftalte at begynde forberedelsen af en ny aftale.", "", "6. Renovering",
                    "Ansøgningen om renovering er prækvalificeret.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_status_list_of_activities_in_meeting_minutes(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _dialogue_minutes(town, a, b), how, make_docx, make_pdf)
    assert {f.name for f in r.focus_areas} == {"Uddannelse og livschancer", "Sammenhængskraft og medborgerskab"}
    got = {name_key(x.name): x for x in r.activities}
    assert set(got) == {name_key(name) for name, _, _ in STATUS_ITEMS}, list(got)
    assert f"{name_key(town)} ungdomsskole" in {name_key(p) for p in got["ungdomsklubben vestparken"].partners}


def _cards(town, a, b, side_by_side):
    """A web page's staff as cards (name, "title, plan", "Ansat i X", phone, e-mail), side by side in
    two columns of spaces, or one under the other."""
    left = ["Signe Lund Kragh", "Boligsocial leder, Vestparken Sammen", f"Ansat i {a}", "Tlf. 51 84 29 06", "slk@vestparken.dk"]
    right = ["Omar Said Bakri", "Ungemedarbejder, Vestparken Sammen", f"Ansat i {b}", "Tlf. 51 84 29 07", "osb@vestparken.dk"]
    lines = ["Vestparken Sammen – boligsocial indsats", "",
             f"{town} Kommune og {a} arbejder sammen om den boligsociale indsats Vestparken Sammen.", "", "Kontakt", ""]
    if side_by_side:
        lines += [f"  {x:<46}{y}" for x, y in zip(left, right)]
    else:
        lines += left + [""] + right
    return lines + ["", "Del siden:  Facebook  LinkedIn  Mail", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("side_by_side", [True, False])
def test_staff_cards_with_their_employer(tmp_path, make_docx, make_pdf, town, a, b, side_by_side):
    from renderings import contact_facts

    r = _extract(tmp_path, _cards(town, a, b, side_by_side), "as written", make_docx, make_pdf)
    facts = contact_facts(r)
    assert set(facts) == {"Signe Lund Kragh", "Omar Said Bakri"}, facts  # (not "Vestparken Sammen")
    assert facts["Signe Lund Kragh"] == (name_key(a), "slk@vestparken.dk", "51842906")
    assert facts["Omar Said Bakri"] == (name_key(b), "osb@vestparken.dk", "51842907")


def _tracks_page(town, a, b):
    """A municipality's web page: a menu bar, a breadcrumb, folded sections ("[+] Aktiviteter i Spor 1")
    whose activities are lines "Name – text", the tracks named as the focus areas once."""
    return ["Spring til indhold", f"{town} Kommune   Søg   Selvbetjening   Kontakt   English",
            f"Forside > Borger > Boligsociale indsatser > Vestparken Sammen", "",
            "Vestparken Sammen – boligsocial indsats i Vestparken", "",
            f"I Vestparken arbejder {town} Kommune og {a} sammen om den boligsociale indsats Vestparken Sammen.",
            "Indsatsen løber fra 1. marts 2024 til 29. februar 2028.", "",
            "[+] Hvad arbejder vi med?", "    Indsatsen har to spor, som svarer til Landsbyggefondens indsatsområder:",
            "    Spor 1 – Kriminalitetsforebyggelse", "    Spor 2 – Sammenhængskraft og medborgerskab", "",
            "[+] Aktiviteter i Spor 1", "    Nattevandring – frivillige voksne går i området fredag aften.",
            f"    Sker i samarbejde med Natteravnene og SSP {town}.",
            "    Ungeteamet – opsøgende ungemedarbejdere for unge 12-18 år.", "",
            "[+] Aktiviteter i Spor 2", "    Dialogcaféen – åben café hver onsdag for alle beboere.",
            "    Grønne Fingre – fællesdyrkning i gårdrummet sammen med afdelingsbestyrelserne.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_web_page_s_activities_under_its_tracks(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _tracks_page(town, a, b), how, make_docx, make_pdf)
    assert r.plan.name == "Vestparken Sammen" and r.plan.document_type == "strategic_agreement"
    got = {x.name: x.focus_area for x in r.activities}
    assert got == {"Nattevandring": "Kriminalitetsforebyggelse", "Ungeteamet": "Kriminalitetsforebyggelse",
                   "Dialogcaféen": "Sammenhængskraft og medborgerskab",
                   "Grønne Fingre": "Sammenhængskraft og medborgerskab"}, got


SIGNERS = [("Preben Lykke Storm", "Direktør"), ("Anni Vester Kloster", "Formand"), ("Ole Haahr Rimmer", "Borgmester")]


def _older_plan(town, a, b):
    """A 2011-14 plan on two pages with a running header ("... side 1"), a display title in capitals over
    "Boligsocial helhedsplan for ...", areas headed "Indsatsområde 1 · X", and three signatures side by side
    in columns of spaces ("For X" over a place and date, the lines signed on, names, titles)."""
    header = f"Helhedsplan for Havnebyen 2012-2016                                    side {{}}"
    orgs = [a, b, f"{town} Kommune"]
    lines = [header.format(1), "-" * 70, "", "HAVNEBYEN I FÆLLESSKAB",
             "Boligsocial helhedsplan for Fiskerhusene, Molevej og Strandengen", "",
             f"Udarbejdet af {a} og {b} i samarbejde med {town} Kommune.", "",
             "2. INDSATSOMRÅDER OG AKTIVITETER", "",
             "Indsatsområde 1 · Børn og unge", "Aktivitet 1.1 – Havnens Lektieklub", "  Partnere:  Havneskolen", "",
             "Indsatsområde 2 · Beskæftigelse", "Aktivitet 2.1 – Jobcaféen", f"  Partnere:  Jobcenter {town}", "",
             header.format(2), "-" * 70, "", "3. UNDERSKRIFTER", "",
             "".join(f"{'For ' + o:<44}" for o in orgs).rstrip(),
             "".join(f"{town + ', den 2. marts 2012':<44}" for _ in orgs).rstrip(), "",
             "".join(f"{'_' * 30:<44}" for _ in orgs).rstrip(),
             "".join(f"{n:<44}" for n, _ in SIGNERS).rstrip(),
             "".join(f"{t:<44}" for _, t in SIGNERS).rstrip(), ""]
    return lines


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_an_older_plan_s_cover_areas_and_signatures_side_by_side(tmp_path, make_docx, make_pdf, town, a, b):
    from renderings import contact_facts

    r = _extract(tmp_path, _older_plan(town, a, b), "as written", make_docx, make_pdf)
    assert r.plan.name == "HAVNEBYEN I FÆLLESSKAB"  # (not the running header, nor the line under the title)
    assert {x.name: x.focus_area for x in r.activities} == {"Havnens Lektieklub": "Børn og unge",
                                                           "Jobcaféen": "Beskæftigelse"}
    facts = contact_facts(r)
    assert {n: facts[n][0] for n, _ in SIGNERS} == {"Preben Lykke Storm": name_key(a), "Anni Vester Kloster": name_key(b),
                                                    "Ole Haahr Rimmer": f"{name_key(town)} kommune"}, facts
    assert {c.name: c.title for c in r.contacts} == dict(SIGNERS)


def _article(town, a, b):
    """A local newspaper's article about a new plan: its name in a sentence without quotes, its activities
    named in capitals in the text, its leader in a clause ("..., der den 1. september blev ansat som
    boligsocial leder i X"), her e-mail in the fact box by its initials only."""
    return [f"{town.upper()} AVIS                                  Lokalt · {town}", "Tirsdag 8. oktober 2024 · Opdateret kl. 14.12", "",
            "NYT FÆLLESSKAB SKAL LØFTE VESTPARKEN", "",
            f"{town.upper()}: Når beboerne i Vestparken samles til kick-off, er det startskuddet på fire års arbejde.",
            f"Indsatsen hedder Vestparken Sammen og er et samarbejde mellem {a} og {town} Kommune.", "",
            f"- Vi mangler noget at lave for de store børn, siger Signe Lund Kragh, der den 1. september",
            f"blev ansat som boligsocial leder i {a}.", "",
            f"{town} Skole stiller et klasselokale til rådighed for LEKTIECAFÉEN to eftermiddage om ugen.",
            "Den anden store satsning er FRITIDSJOBBANKEN, hvor unge mellem 13 og 17 år hjælpes til et job.",
            f"Sundhedsplejen åbner en MØDREGRUPPE for nybagte mødre i fælleshuset hver torsdag.", "",
            "FAKTA: VESTPARKEN SAMMEN", f"• Boligsocial indsats i {town}, 1.10.2024 - 30.9.2028",
            f"• Parter: {a} og {town} Kommune", "• Afdelinger: Vestparken (186 boliger) og Østparken (74 boliger)",
            "• Kontakt: slk@vestparken.dk, tlf. 22 58 91 30", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_newspaper_article_about_a_plan(tmp_path, make_docx, make_pdf, town, a, b):
    from renderings import contact_facts

    r = _extract(tmp_path, _article(town, a, b), "as written", make_docx, make_pdf)
    assert r.plan.name == "Vestparken Sammen" and r.plan.document_type == "strategic_agreement"
    assert {x.name for x in r.activities} == {"Lektiecaféen", "Fritidsjobbanken", "Mødregruppe"}
    assert contact_facts(r)["Signe Lund Kragh"] == (name_key(a), "slk@vestparken.dk", "22589130")
    assert {o.name for o in r.organisations if o.is_party} == {a, f"{town} Kommune"}  # (not the next field's value)


STATUS_TABLE = [("Uddannelse og livschancer", [("Lektiecafé Vest", "●", "46", "{town} Skole; Red Barnet {town}"),
                                               ("Sommerskolen", "●", "38", "{town} Ungdomsskole"),
                                               ("Forældreuniversitetet", "◐", "19", "PPR {town}")]),
                ("Beskæftigelse", [("Fritidsjobformidling", "◐", "22", "Jobcenter {town}; {town} Handelsstandsforening"),
                                   ("Vejledning i Beboerhuset", "○", "11", "Jobcenter {town}")]),
                ("Sammenhængskraft og medborgerskab", [("Naboskabsfesten", "●", "180", "afdelingsbestyrelsen"),
                                                       ("Strikkeklubben", "●", "24", "Frivilligcenter {town}"),
                                                       ("Bestyrelsesakademiet", "●", "12", "BL – Danmarks Almene Boliger")])]


def _status_report(town, a, b):
    """An annual status report: a table of activities under each delaftale's heading (a traffic light
    after it), the head row only over the first, the status column a symbol, a partner cell wrapped."""
    lines = ["ÅRSSTATUS 2024", f'Boligsocial indsats "Vestparken Sammen" – {town}', "",
             f"Strategisk aftale mellem {town} Kommune og {a}", "Aftaleperiode: 01.01.2023-31.12.2026", "",
             "3. Status pr. delaftale", "Signatur: ● grøn = på sporet · ◐ gul = delvist · ○ rød = ikke på sporet", ""]
    for n, (area, rows) in enumerate(STATUS_TABLE, 1):
        lines.append(f"{f'DELAFTALE {n} – {area.upper()}':<75}●")
        if n == 1:
            lines.append(f"  {'Aktivitet':<28}{'Status':<9}{'Deltagere':<12}Samarbejde")
        for name, light, count, partners in rows:
            partners = partners.format(town=town)
            first, _, rest = partners.partition("; ") if len(partners) > 30 else (partners, "", "")
            lines.append(f"  {name:<30}{light:<10}{count:>3}      {first}{';' if rest else ''}")
            if rest:
                lines.append(" " * 51 + rest)
        lines.append("")
    return lines + ["4. Økonomi", "Forbrug 2024: 1.422.000 kr.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_status_report_s_table_under_its_delaftaler(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _status_report(town, a, b), "as written", make_docx, make_pdf)
    got = {x.name: x.focus_area for x in r.activities}
    assert got == {name: area for area, rows in STATUS_TABLE for name, _, _, _ in rows}, got
    job = next(x for x in r.activities if x.name == "Fritidsjobformidling")
    assert {name_key(p) for p in job.partners} == {f"jobcenter {name_key(town)}", f"{name_key(town)} handelsstandsforening"}


def _pulje_application(town, a, b):
    """A 2006-10 application: its name quoted above the departments ('"X" for afdelingerne ...'), its areas
    lettered, its projects numbered sections of a "DELPROJEKTER" chapter, each with its area's letter."""
    return [f"{a} · {town} Kommune", "", "HELHEDSPLAN 2008-2010", '"Vestparken Trives"',
            "for afdelingerne Voldgraven og Skovhusene", "",
            "1. INDLEDNING", f"{a} søger sammen med {town} Kommune om støtte fra Landsbyggefondens pulje.",
            "Helhedsplanen løber fra 1. januar 2008 til 31. december 2010.", "",
            "3. MÅL OG INDSATSOMRÅDER", "Planen har tre indsatsområder:", "   A. Børn, unge og familier",
            "   B. Beskæftigelse og uddannelse", "   C. Naboskab og beboerdemokrati", "",
            "4. DELPROJEKTER", "", "4.1 Familieværkstedet (indsatsområde A)",
            "Ugentlige eftermiddage i fælleshuset for småbørnsfamilier.", "",
            "4.2 Jobstarten (indsatsområde B)", f"Individuel vejledning af ledige beboere med Jobcenter {town}.", "",
            "4.3 Naboskabsgrupper (indsatsområde C)", "Beboere i hver opgang vælger en kontaktperson.", "",
            "5. ORGANISERING OG ØKONOMI", "Styregruppen mødes fire gange om året.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_an_application_s_projects_under_their_area_letters(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _pulje_application(town, a, b), "as written", make_docx, make_pdf)
    assert r.plan.name == "Vestparken Trives"
    assert {x.name: x.focus_area for x in r.activities} == {"Familieværkstedet": "Børn, unge og familier",
                                                           "Jobstarten": "Beskæftigelse og uddannelse",
                                                           "Naboskabsgrupper": "Naboskab og beboerdemokrati"}


def _word_plan(town, a, b):
    """A 2015-18 plan saved from Word: each activity one line 'Aktivitet 1.1 Name – description ...' under
    its area's heading, one of them dropped in a sentence after it ("X udgår efter ...")."""
    return ["Boligsocial helhedsplan for Klokkerparken 2016-2020", "", f"Ansøger: {a}", "",
            "3. Indsatsområder og aktiviteter", "Indsatsområde 1: Uddannelse og beskæftigelse",
            f"Aktivitet 1.1 Jobvejen – individuel jobrettet vejledning for ledige beboere i samarbejde med Jobcenter {town}.",
            f"Aktivitet 1.2 Lektiecafé Klokken – lektiehjælp for børn i 1.-6. klasse med frivillige fra {town} Bibliotek.",
            "Indsatsområde 2: Tryghed og trivsel",
            "Aktivitet 2.1 Sognestuen – åbent værested og fællesspisning for alle beboere.",
            "Aktivitet 2.2 Cykelværkstedet – reparation af cykler med unge fra området.",
            "Cykelværkstedet udgår efter Landsbyggefondens bemærkninger; midlerne overføres til 2.1.",
            "4. Organisering", "Styregruppen mødes fire gange om året.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_activity_lines_with_their_description_after_a_dash(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _word_plan(town, a, b), how, make_docx, make_pdf)
    assert {x.name: x.focus_area for x in r.activities} == {"Jobvejen": "Uddannelse og beskæftigelse",
                                                           "Lektiecafé Klokken": "Uddannelse og beskæftigelse",
                                                           "Sognestuen": "Tryghed og trivsel"}


def _bare_pipe_table(town, a, b):
    """A delaftale's table typed with pipes between its cells only (no pipe at either end), a rule of
    dashes under its head row and a partner cell wrapped onto a row whose first cells are empty."""
    return ["DELAFTALE A – UDDANNELSE OG LIVSCHANCER", "Formål: Flere børn gennemfører grundskolen.", "",
            "Aktivitet             | Målgruppe                 | Samarbejdspartnere            | Ansvarlig",
            "--------------------- | ------------------------- | ----------------------------- | ---------",
            "A1 Lektiehjørnet      | skolebørn 6-12 år         | Vestskolen, Røde Kors         | VB",
            f"                      |                           | {town:<29} |",
            f"A2 Forældrekaffe      | forældre til skolebørn    | Vestskolen, Sundhedsplejen    | VB", "",
            "Bemærkning: Forældrekaffen holder til i fælleshuset.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_pipe_table_without_its_outer_pipes(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _bare_pipe_table(town, a, b), "as written", make_docx, make_pdf)
    got = {x.name: x for x in r.activities}
    assert set(got) == {"Lektiehjørnet", "Forældrekaffe"}, list(got)
    assert f"røde kors {name_key(town)}" in {name_key(p) for p in got["Lektiehjørnet"].partners}
    assert all(x.focus_area == "Uddannelse og livschancer" for x in r.activities)


def _one_of_two(town, a, b):
    """A standalone delaftale that counts itself one of two under its strategic agreement, named in quotes."""
    return [f"{town.upper()} KOMMUNE", f"Center for Børn, Unge og Familier · Rådhusvej 2 · {town}", "",
            'Delaftale 1 af 2 under den strategiske aftale om "Vestparken Sammen" (2024-2027)', "",
            "DELAFTALE: KRIMINALITETSFOREBYGGELSE", "Gælder fra 1. juli 2024 til 30. juni 2027", "",
            f"Den strategiske aftale er indgået mellem {town} Kommune og {a}.", "",
            'INDSATS 1: "Aftenrummet"', f"Åben aften i beboerhuset for unge 12-17 år med SSP {town}.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_delaftale_counted_one_of_two_under_its_named_agreement(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _one_of_two(town, a, b), "as written", make_docx, make_pdf)
    assert (r.plan.name, r.plan.document_type) == ("Vestparken Sammen", "sub_agreement")
    assert {f.name for f in r.focus_areas} == {"Kriminalitetsforebyggelse"}


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["flattened", "flat"])
def test_an_older_plan_s_counted_areas_and_activities_run_together(tmp_path, make_docx, make_pdf, town, a, b, how):
    """The older plan above with its line breaks lost: "Indsatsområde 1 · X" and "Aktivitet 1.1 – Y" cut apart."""
    r = _extract(tmp_path, _older_plan(town, a, b), how, make_docx, make_pdf)
    assert {x.name: x.focus_area for x in r.activities} == {"Havnens Lektieklub": "Børn og unge",
                                                           "Jobcaféen": "Beskæftigelse"}


def _lettered_parties(town, a, b):
    """An agreement whose parties are a lettered list under a sentence ("Denne aftale er indgået mellem"),
    a sentence about the agreement after them (the list itself is not read yet: the parties come from the
    signatures where there are any, as in set U's 01)."""
    return ["STRATEGISK AFTALE", f'om den boligsociale indsats "Vestparken Sammen" i {town}', "",
            "1. Parter", "Denne aftale er indgået mellem", f"  a) {town} Kommune, Rådhuset, Torvet 1, 6270 {town}",
            f"  b) {a} (herefter VB), Parkvej 70, 6270 {town}", "Aftalen er udarbejdet efter Landsbyggefondens skabelon og er",
            "godkendt af Kommunalbestyrelsen den 27. februar 2025.", "", "2. Området", "Indsatsen dækker Vestparken.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_the_sentences_around_a_lettered_party_list_name_no_party(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _lettered_parties(town, a, b), "as written", make_docx, make_pdf)
    names = {o.name for o in r.organisations}
    assert not any(n == "Aftalen" or n.startswith("Denne aftale") for n in names), names
    assert r.plan.name == "Vestparken Sammen"


def _budget_agreement(town, a, b):
    """A municipality's political budget agreement: the plan's projects named in quotes in the bullets
    of what the parties stress, no other list of activities."""
    return [f"BUDGETAFTALE 2025-2028 FOR {town.upper()} KOMMUNE", "", "7. Boligsocial helhedsplan for Vestparken",
            f"Aftalepartierne støtter den boligsociale helhedsplan for Vestparken, som {a} og kommunen indgår.", "",
            "Aftalepartierne lægger særlig vægt på:",
            f'  • at helhedsplanens lektiecafé "Vest Læser" etableres i samarbejde med {town} Skole og',
            f"    {town} Bibliotek,",
            f'  • at der i samarbejde med SSP {town} oprettes en åben ungeaften, "Fredagsbaren", for unge 14-17 år.', "",
            "8. Veje og trafik", "Aftalepartierne afsætter 2 mio. kr. til cykelstier.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_projects_quoted_in_a_political_agreement_s_bullets(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _budget_agreement(town, a, b), "as written", make_docx, make_pdf)
    got = {x.name: x for x in r.activities}
    assert set(got) == {"Vest Læser", "Fredagsbaren"}, list(got)
    assert f"ssp {name_key(town)}" in {name_key(p) for p in got["Fredagsbaren"].partners}
