"""Forms found in session 22 on the earlier blind sets' flattened copies, as made-up documents
of three other municipalities:

* an older plan's activity forms headed in capitals with their number ("AKTIVITET 1.1
  Gårdmændene" over "Ansvarlig part:", "Øvrige samarbejdspartnere:", "Målgruppe:"), their line
  breaks lost: each form's head starts a segment with its number, each field too;
* a collected agreement's delaftaler as records with a bracketed number ("[1.2] Name | Area"
  over "Målgruppe:", "Parter:", "Kontakt:"), run together."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract, name_key  # noqa: E402

TOWNS = [("Vordingborg", "Boligselskabet Sydkysten", "Præstø Boligforening"),
         ("Skanderborg", "Boligforeningen Søhøjlandet", "Ry Almene Boliger"),
         ("Hedensted", "Juelsminde Boligselskab", "Boligforeningen Hornsyld")]

ACTIVITIES = {"Tryghed og trivsel": ["Trappevenner", "Fællesspisning i Bakkehuset"],
              "Uddannelse og beskæftigelse": ["Jobstarten", "Unge med Mod"]}


def _partners(town, b):
    """One partner for each of :data:`ACTIVITIES`' activities, in order (Jobstarten's the job centre)."""
    return [f"{town} Frivilligcenter", f"{b}", f"Jobcenter {town}", f"{town} Ungdomsskole"]


def _older_plan(town, a, b):
    """A 2011-14 plan's activity forms: a caps head with its number, fields under it."""
    lines = [f"Helhedsplan for Bakkehøj, {town} 2013-2017", "",
             f"Ansøger: {a} i samarbejde med {b} og {town} Kommune", "",
             "INDSATSOMRÅDER", "1 Tryghed og trivsel", "2 Uddannelse og beskæftigelse", ""]
    partners = _partners(town, b)
    k = 0
    for n, (area, names) in enumerate(ACTIVITIES.items(), 1):
        for m, name in enumerate(names, 1):
            lines += [f"AKTIVITET {n}.{m}  {name}", f"Ansvarlig part: {a}",
                      f"Øvrige samarbejdspartnere: {partners[k]}", "Målgruppe: beboere i alle aldre",
                      "Succeskriterier: 30 faste deltagere om året", ""]
            k += 1
    return lines + ["UNDERSKRIFTER", f"{a}    {b}    {town} Kommune", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
def test_capitalised_activity_forms_with_their_number(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _older_plan(town, a, b), how, make_docx, make_pdf)
    names = {name_key(x.name) for x in r.activities}
    assert names == {name_key(n) for ns in ACTIVITIES.values() for n in ns}, names
    jobs = next(x for x in r.activities if name_key(x.name) == "jobstarten")
    assert name_key(f"Jobcenter {town}") in {name_key(p) for p in jobs.partners}, jobs.partners


def _bracketed(town, a, b):
    """One document with the agreement and its delaftaler as bracketed records."""
    lines = [f"Boligsocial helhedsplan BAKKEHØJ SAMMEN 2022-2025", "",
             f"Aftalens parter: {a} · {b} · {town} Kommune", "",
             "––––– DELAFTALER –––––", ""]
    for n, (area, names) in enumerate(ACTIVITIES.items(), 1):
        for m, name in enumerate(names, 1):
            lines += [f"[{n}.{m}] {name} | {area}", "Målgruppe: beboere i alle aldre",
                      f"Parter: {town} Frivilligcenter, afdelingsbestyrelsen",
                      "Kontakt: Lise Kjærgaard Holt, boligsocial leder, 22 41 18 90" if m == 1 else "Kontakt: se boligsocial leder",
                      ""]
    return lines


def _letter(town, a, b):
    """A municipality's letter-form agreement: what "vi vil" do under each focus area, as dash
    items that quote each activity's name."""
    return [f"{town} Kommune, Social og Sundhed", "", f"Aftale om den boligsociale indsats i Bakkehøj 2024-2027", "",
            f"Aftalen indgås mellem {a}, {b} og {town} Kommune. Indsatsen arbejder med tryghed og trivsel samt "
            "uddannelse og beskæftigelse, og beboerne inddrages i alle aktiviteter.", "",
            "Under tryghed og trivsel vil vi især:", "",
            f'– starte "Trappevenner", hvor frivillige fra {town} Frivilligcenter besøger nye beboere;', "",
            '– holde "Fællesspisning i Bakkehuset" hver anden torsdag for alle beboere;', "",
            "Under uddannelse og beskæftigelse vil vi især:", "",
            f'– tilbyde "Jobstarten" – forløb for ledige voksne med en konsulent fra Jobcenter {town};', "",
            '– hjælpe unge uden uddannelse gennem "Unge med Mod", hvor UU vejleder i beboerhuset.', "",
            "Hvordan organiserer vi os? Der nedsættes en styregruppe med parternes direktører.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
@pytest.mark.parametrize("form", [_bracketed, _letter])
def test_bracketed_records_and_what_we_will_do_run_together(tmp_path, make_docx, make_pdf, town, a, b, how, form):
    """'[1.2] X | Area' records; 'Under X vil vi især:' over dash items: each activity under its area."""
    r = _extract(tmp_path, form(town, a, b), how, make_docx, make_pdf)
    found, want = activity_areas(r, ACTIVITIES)
    assert found == want, r.activities


def _walk_report(town, a, b):
    """A report from one activity of a plan: the plan's period in a wrapped sentence, its areas
    named only in prose, its participants as a two-column list without a head row, the plan's
    other activities as quoted bullets under a lead-in that speaks of activities."""
    return ["Bakkehøj Sammen – boligsocial helhedsplan 2024-2028", "",
            "REFERAT AF BEBOERMØDE OM TRYGHED", "", "Baggrund",
            "Mødet er en del af helhedsplanens delaftale om Kriminalitetsforebyggelse. Bakkehøj Sammen er en",
            f"strategisk samarbejdsaftale mellem {town} Kommune, {a} og {b}, som løber fra 1. marts 2024 til",
            "28. februar 2028. Mødet holdes hvert forår.", "",
            "Deltagere",
            f"  Sanne Kjærsgaard Holm      boligsocial leder, Bakkehøj Sammen",
            f"  Torben Ravn Iversen        driftschef, {a}",
            f"  Helle Dybdahl Kirk         SSP-konsulent, SSP {town}",
            f"  Mogens Lysgaard            lokalbetjent, Sydøstjyllands Politi", "",
            "Mødet hænger sammen med to andre aktiviteter i delaftalen:",
            f'  • "Aftenåbent" i beboerhuset for unge 13-17 år, som drives af SSP {town} med',
            f"    hjælp fra {town} Ungdomsskole.",
            '  • "Gode Naboer", hvor frivillige beboere går aftenrunder.',
            "Indsatsområdet Uddannelse og livschancer behandles ikke i dette referat.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_report_from_one_activity(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _walk_report(town, a, b), "as written", make_docx, make_pdf)
    assert (r.plan.period_start, r.plan.period_end) == ("2024-03-01", "2028-02-28"), r.plan
    assert {name_key(f.name) for f in r.focus_areas} == {"kriminalitetsforebyggelse", "uddannelse og livschancer"}
    assert {name_key(x.name) for x in r.activities} >= {"aftenåbent", "gode naboer"}, r.activities
    people = {c.name: (c.title, name_key(c.organisation)) for c in r.contacts}
    assert people.get("Torben Ravn Iversen") == ("driftschef", name_key(a)), people
    assert people.get("Helle Dybdahl Kirk") == ("SSP-konsulent", name_key(f"SSP {town}")), people


def _accordion_page(town, a, b):
    """A municipality's web page: each focus area a folded section headed "+ Area", its
    activities as dash items "Name: for ..., sammen med ..."."""
    return [f"{town} Kommune", f"Forside > Borger > Bolig > Boligsocial indsats i Bakkehøj", "",
            "Boligsocial indsats i Bakkehøj – Bakkehøj Sammen", "",
            f"Bakkehøj Sammen er en boligsocial helhedsplan, som {a}, {b} og {town} Kommune står bag.", "",
            "Det arbejder vi med", "Helhedsplanen arbejder med to af Landsbyggefondens indsatsområder. Klik for at folde ud.", "",
            "+ Tryghed og trivsel", "  Vi vil have flere naboer, der kender hinanden.",
            f"  – Trappevenner: for nye beboere, sammen med {town} Frivilligcenter",
            "  – Fællesspisning i Bakkehuset: for alle beboere, med frivillige madhold", "",
            "+ Uddannelse og beskæftigelse", "  Vi vil have flere i job og uddannelse.",
            f"  – Jobstarten: for ledige voksne, sammen med Jobcenter {town}",
            "  – Unge med Mod: for unge 15-24 år uden uddannelse", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_web_page_s_folded_sections(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _accordion_page(town, a, b), how, make_docx, make_pdf)
    assert {name_key(f.name) for f in r.focus_areas} == {name_key(n) for n in ACTIVITIES}, r.focus_areas
    found, want = activity_areas(r, ACTIVITIES)
    assert found == want, r.activities


def _meeting_notice(town, a, b):
    """A department board's notice of a meeting on joining a plan: the plan named in the agenda,
    its areas as bullets that open with the area's name, each naming activities in quotes; the
    plan it follows named too."""
    return [f"{a} · afdeling 4 Bakkehøj", "", "INDKALDELSE TIL EKSTRAORDINÆRT AFDELINGSMØDE",
            "Tirsdag den 25. februar 2025 kl. 19.00 i Bakkesalen", "",
            "Afdelingsbestyrelsen indkalder hermed til ekstraordinært afdelingsmøde efter vedtægterne.", "",
            "Dagsorden", "  1. Valg af dirigent",
            '  2. Forslag fra afdelingsbestyrelsen om deltagelse i helhedsplanen "Bakkehøj Sammen" 2025-2029', "",
            "Hvad er Bakkehøj Sammen?",
            f'Bakkehøj Sammen viderefører arbejdet fra helhedsplanen "Bakkehøj Før" og er aftalt mellem {a} og {town}',
            "Kommune. Helhedsplanen arbejder med:",
            f'  * Tryghed og trivsel – fx "Trappevenner", hvor frivillige fra {town} Frivilligcenter besøger nye',
            '    beboere, og "Fællesspisning i Bakkehuset" hver anden torsdag',
            f'  * Uddannelse og beskæftigelse – "Jobstarten" hver mandag med en konsulent fra Jobcenter {town} og',
            '    "Unge med Mod", hvor unge 15-24 år får en mentor', "",
            "Med venlig hilsen", "Afdelingsbestyrelsen", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx", "flattened"])
def test_area_bullets_naming_activities_in_quotes(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _meeting_notice(town, a, b), how, make_docx, make_pdf)
    assert r.plan.name == "Bakkehøj Sammen", r.plan
    assert {name_key(f.name) for f in r.focus_areas} == {name_key(n) for n in ACTIVITIES}, r.focus_areas
    found, want = activity_areas(r, ACTIVITIES)
    assert found == want, r.activities


def _delaftale_cover(town, a, b):
    """A delaftale whose cover is its number over its focus area's name, the plan named in quotes
    in the sentence under them."""
    return ["DELAFTALE 2 AF 2", "Tryghed og trivsel", "",
            f'til den strategiske samarbejdsaftale om "Bakkehøj Sammen" – boligsocial helhedsplan for',
            f"Bakkehøj, indgået mellem {town} Kommune og {a} med tilsagn fra Landsbyggefonden", "",
            "Delaftalen gælder:      1.1.2024 – 31.12.2027", "",
            "1. PARTER I DELAFTALEN",
            f"Boligsocial leder Sanne Kjærsgaard Holm, {a}, sakh@bakkehoej.dk", "",
            "2. AKTIVITETER", f"- Trappevenner: for nye beboere, sammen med {town} Frivilligcenter",
            "- Fællesspisning i Bakkehuset: for alle beboere", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_delaftale_cover_of_number_and_area(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _delaftale_cover(town, a, b), how, make_docx, make_pdf)
    assert r.plan.name == "Bakkehøj Sammen", r.plan
    assert [name_key(f.name) for f in r.focus_areas] == ["tryghed og trivsel"], r.focus_areas


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("by_style", [False, True])
def test_a_word_template_s_hidden_guidance_is_not_read(tmp_path, town, a, b, by_style):
    """Word shows and prints no hidden text (w:vanish): a template's guidance that names example
    parties, on the run itself or through a character style, is no party of the agreement."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    from samspil.loaders.pipeline import extract_file

    document = docx.Document()
    if by_style:
        guidance = document.styles.add_style("Vejledning", WD_STYLE_TYPE.CHARACTER)
        guidance.font.hidden = True
    document.add_paragraph("Strategisk samarbejdsaftale – Bakkehøj Sammen 2024-2028")
    hint = document.add_paragraph().add_run("Vejledning (slettes inden underskrift): skriv parterne, fx "
                                            "Boligforeningen Eksempelbo og Eksempel Kommune.")
    if by_style:
        hint.style = "Vejledning"
    else:
        hint.font.hidden = True
    document.add_paragraph(f"Aftalens parter: {a}, {b} og {town} Kommune")
    path = tmp_path / "aftale.docx"
    document.save(path)
    names = {name_key(o.name) for o in extract_file(path).organisations}
    assert name_key(a) in names and not any("eksempel" in n for n in names), names


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat", "docx"])
def test_parties_in_a_sentence_with_the_short_names_it_defines(tmp_path, make_docx, make_pdf, town, a, b, how):
    lines = ["Strategisk samarbejdsaftale om Bakkehøj Sammen 2025-2028", "",
             f"Denne aftale indgås mellem {town} Kommune (herefter Kommunen), {a} og",
             f"{b} (herefter samlet boligorganisationerne) om den boligsociale helhedsplan",
             "»Bakkehøj Sammen«.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    parties = {name_key(o.name) for o in r.organisations if o.is_party}
    assert parties == {name_key(f"{town} Kommune"), name_key(a), name_key(b)}, parties


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_table_of_areas_with_their_owner_and_dwellings(tmp_path, make_docx, make_pdf, town, a, b, how):
    """'Område | Ejer | Boliger': each row is a department (an area an owner holds, with its
    dwellings), not a bydel."""
    lines = [f"Helhedsplan for Bakkehøj og Toften, {town} 2012-2015", "",
             f"Helhedsplanen er udarbejdet af {a} og {b} i samarbejde med {town} Kommune.", "",
             "Boligområdet",
             "Område                     Ejer                                Boliger   Beboere",
             f"Bakkehøj                   {a:<36}164       402",
             f"Toften                     {b:<36}86        198",
             "Samlet                                                         250       600", ""]
    if how == "docx":
        lines = [" \t".join(part for part in line.split("  ") if part).replace("\t ", "\t") if "  " in line else line
                 for line in lines]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    got = {z.name: (name_key(z.housing_organisation), z.units) for z in r.zones if z.type == "housing_department"}
    assert got == {"Bakkehøj": (name_key(a), 164), "Toften": (name_key(b), 86)}, r.zones


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_dash_items_with_a_colon_run_together(tmp_path, make_docx, make_pdf, town, a, b):
    """A web page's lists "– Name: for ..., sammen med ..." copied without their line breaks: each
    item starts a segment (not a numbered heading's dash: "Indsatsområde 1 – X Mål: ...")."""
    r = _extract(tmp_path, _accordion_page(town, a, b), "flattened", make_docx, make_pdf)
    got = {name_key(x.name) for x in r.activities}
    assert got >= {name_key(n) for ns in ACTIVITIES.values() for n in ns}, got


def _short_fields(town, a, b):
    """An agreement's activities as short fields: "Aktivitet: X" over "Hvem: ..." and "Ansvarlig: ..."."""
    lines = ["STRATEGISK SAMARBEJDSAFTALE", "om boligsocial indsats i Bakkehøj 2025-2029", "Indsatsens navn: Bakkehøj Sammen", "",
             f"Aftalen er indgået mellem {town} Kommune, {a} og {b}.", ""]
    partners = _partners(town, b)
    k = 0
    for n, (area, names) in enumerate(ACTIVITIES.items()):
        lines += [f"DELAFTALE {'AB'[n]} – {area.upper()}", f"Formål: at flere beboere trives.", ""]
        for name in names:
            lines += [f"Aktivitet: {name}", "  Hvem: beboere i alle aldre", f"  Ansvarlig: {partners[k]}"]
            k += 1
        lines.append("")
    return lines


def test_quoted_items_after_a_sentence_each_start_a_segment():
    """A list whose items open with a quoted name, run together after full stops ('... 2023/24. -
    "Sprogsporet" (...) ...'): each item starts a segment."""
    from samspil.loaders.segment import split_line

    line = ('Uddannelse og livschancer - "Havnens Lektiecafé" (skoleelever 1.-9. klasse) i samarbejde med Bakkeskolen: '
            '38 faste deltagere i skoleåret 2023/24. - "Sprogsporet" (børn 3-5 år og deres forældre) i samarbejde med '
            'Dagtilbud Bakkehøj: 22 familier har gennemført forløbet. - "Trygge gårde" med politiet og ejendomskontoret.')
    assert [s[:14] for s, _ in split_line(line)][1:] == ['- "Sprogsporet', '- "Trygge gård']


def _themes(town, a, b):
    """A 2006-10 application's themes, each over counted measures "Tiltag N  Title" with a line
    "For: ... · Partnere: ..." under each."""
    lines = [f"Helhedsplan for Bakkehøj, {town} 2008-2011", "", f"Ansøger: {a} i samarbejde med {town} Kommune", "",
             "3. Temaer og tiltag", ""]
    partners = _partners(town, b)
    k = 0
    for n, (area, names) in enumerate(ACTIVITIES.items(), 1):
        lines += [f"TEMA {n}: {area.upper()}"]
        for name in names:
            lines += [f"  Tiltag {k + 1}  {name}", f"            For: beboere i alle aldre · Partnere: {partners[k]}"]
            k += 1
        lines.append("")
    return lines


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
@pytest.mark.parametrize("form", [_short_fields, _themes])
def test_short_fields_and_counted_measures_name_every_activity(tmp_path, make_docx, make_pdf, town, a, b, how, form):
    """'Aktivitet: X' over 'Hvem:' and 'Ansvarlig:'; 'Tiltag 1  X' over 'For: ... · Partnere: ...'."""
    r = _extract(tmp_path, form(town, a, b), how, make_docx, make_pdf)
    names = {name_key(x.name) for x in r.activities}
    assert names == {name_key(n) for ns in ACTIVITIES.values() for n in ns}, names


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("subject", ["Indsatsen", "Helhedsplanen"])
def test_a_plan_named_by_what_it_is_called(tmp_path, make_docx, make_pdf, town, a, b, subject):
    """A council paper names no plan in its title: 'Indsatsen hedder "X"' does."""
    lines = [f"{town.upper()} KOMMUNE", "Center for Familie og Forebyggelse                 Sagsnr.: 24/21907", "",
             "Besvarelse af spørgsmål fra byrådsmedlem om den boligsociale helhedsplan i Bakkehøj", "",
             f'{subject} hedder "Bakkehøj Sammen" og er en strategisk samarbejdsaftale mellem {town} Kommune,',
             f"{a} og {b}.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert r.plan.name == "Bakkehøj Sammen", r.plan


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_page_title_names_the_plan_after_its_breadcrumb(tmp_path, make_docx, make_pdf, town, a, b):
    """'Forside > ... > Boligsocial indsats i Bakkehøj' over 'Boligsocial indsats i Bakkehøj – Bakkehøj
    Sammen': the plan is what the title names after the crumb's words."""
    lines = [f"{town} Kommune", "Forside > Borger > Bolig > Boligsocial indsats i Bakkehøj", "",
             "Boligsocial indsats i Bakkehøj – Bakkehøj Sammen", "Sidst opdateret 3. februar 2025", "",
             f"Helhedsplanen er en aftale mellem {town} Kommune, {a} og {b}.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert r.plan.name == "Bakkehøj Sammen", r.plan


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_the_areas_a_form_chooses_and_the_notes_after_them(tmp_path, make_docx, make_pdf, town, a, b, how):
    """A form's table of all areas with a "Valgt" column: the areas it says no to are none of the
    plan's; a list's note of an area's delaftale is no part of its name."""
    lines = ["Strategisk samarbejdsaftale – Bakkehøj Sammen 2020-2023", "",
             f"Aftalens parter: {town} Kommune, {a} og {b}", "", "4. Indsatsområder", "",
             "Indsatsområde\tValgt", "Tryghed og trivsel\tNej", "Uddannelse og beskæftigelse\tJa – delaftale 1",
             "Kriminalitetsforebyggelse\tNej", "Beskæftigelse\tJa – delaftale 2", "",
             "Delaftalerne:", "  A. Uddannelse og beskæftigelse (delaftale 1)", "  B. Beskæftigelse (delaftale 2)", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og beskæftigelse", "Beskæftigelse"], r.focus_areas


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_pipe_table_whose_cells_wrap_onto_rows_of_their_own(tmp_path, make_docx, make_pdf, town, a, b):
    """A table typed as text with pipes, a long cell wrapped onto the next row (its first cell empty,
    or going on in small letters): each wrapped cell read whole."""
    lines = ["DELAFTALE 1 AF 2", "Tryghed og trivsel", "", "1. PARTER I DELAFTALEN",
             "| Rolle                | Navn                  | Organisation              | Kontakt              |",
             "|----------------------|-----------------------|---------------------------|----------------------|",
             f"| Kultur- og fritids-  | Sanne Kjærsgaard Holm | Kultur og Fritid,         | sakh@{town.lower()}.dk |",
             f"| konsulent            |                       | {town} Kommune{' ' * (13 - len(town))}|                      |",
             f"| Leder                | Torben Ravn Iversen   | {town} Frivillig-{' ' * (15 - len(town))}| 22 57 93 08          |",
             "|                      |                       | center                    |                      |", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    people = {c.name: (c.title, name_key(c.organisation)) for c in r.contacts}
    assert people.get("Sanne Kjærsgaard Holm", ("",))[0] == "Kultur- og fritidskonsulent", people
    assert people.get("Torben Ravn Iversen") == ("Leder", name_key(f"{town} Frivilligcenter")), people


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat", "docx"])
def test_departments_named_along_a_route(tmp_path, make_docx, make_pdf, town, a, b, how):
    """A walk's route names the departments as it passes them: "Bakkehøjs fælleshus (afd. 1 under
    Owner, 212 boliger)", "Toften (Owner, 96 boliger)" (no number; the owner one the text names)."""
    lines = [f"Opsamling på tryghedsvandring i Bakkehøj, {town}", "",
             f"Bakkehøj Sammen er en strategisk samarbejdsaftale mellem {town} Kommune, {a} og {b}.", "",
             "Ruten", f"Start ved Bakkehøjs fælleshus (afd. 1 under {a}, 212 boliger) – stien langs skolen –",
             f"gennemgangen til Toften ({b}, 96 boliger) – p-pladsen ved Vinkelvej – retur.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    got = {z.name: (name_key(z.housing_organisation), z.units) for z in r.zones if z.type == "housing_department"}
    assert got == {"Bakkehøj": (name_key(a), 212), "Toften": (name_key(b), 96)}, r.zones


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_person_s_details_in_brackets_wrapped_onto_the_next_line(tmp_path, make_docx, make_pdf, town, a, b):
    """'... kontaktperson: Tina Dam' over '(Jobcenter X, tida@x.dk) har overtaget ...': the details and
    the unit in the brackets are hers; the clause before her name is no title."""
    lines = ["ÅRLIG STATUS 2025", f"Boligsocial indsats: Bakkehøj Sammen – {town}", "",
             "B. ÆNDRINGER I ÅRET",
             "Boligsocial leder Niels Overgaard Bech fratrådte 30.6.2025. Louise Brøndum Hvid tiltrådte 1.8.2025",
             "(lbh@bakkehoej.dk, 23 61 84 09). Jobcentret har udskiftet kontaktperson: Tina Lykkegaard Dam",
             f"(Jobcenter {town}, tlda@{town.lower()}.dk) har overtaget efter Peter Sandal Krogsgaard.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    people = {c.name: (c.title, name_key(c.organisation), c.email, c.phone) for c in r.contacts}
    assert people.get("Louise Brøndum Hvid", (None,) * 4)[2:] == ("lbh@bakkehoej.dk", "23618409"), people
    assert people.get("Tina Lykkegaard Dam") == ("kontaktperson", name_key(f"Jobcenter {town}"),
                                                 f"tlda@{town.lower()}.dk", None), people


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_lettered_area_headings_over_quoted_items_flattened(tmp_path, make_docx, make_pdf, town, a, b):
    """'a) Area' over '- "X" (...) ...' items, run together: the heading keeps its letter, each area its items."""
    lines = [f"{town.upper()} KOMMUNE", "Besvarelse af spørgsmål om den boligsociale helhedsplan i Bakkehøj", "",
             f"Helhedsplanen er en aftale mellem {town} Kommune, {a} og {b}.", "", "Svar", ""]
    for letter, (area, names) in zip("ab", ACTIVITIES.items()):
        lines += [f"{letter}) {area}"] + [f'   - "{n}" (beboere i alle aldre) i samarbejde med {town} Frivilligcenter: '
                                           "30 faste deltagere." for n in names] + [""]
    r = _extract(tmp_path, lines, "flattened", make_docx, make_pdf)
    found, want = activity_areas(r, ACTIVITIES)
    assert found == want, r.activities
