"""Forms found in session 23 on the earlier blind sets' flattened copies, as made-up documents
of three other municipalities:

* a delaftale set as a definition list with em dashes ("Aktivitetsnavn — Læsevennerne",
  "Partnere — A — B"), its line breaks lost: each field found where it starts in the run-on
  text and read as "Label: value"."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, name_key  # noqa: E402

TOWNS = [("Sorø", "Boligselskabet Sorøsø", "Dianalund Almennyttige Boliger"),
         ("Haderslev", "Haderslev Boligforening", "Vojens Boligselskab"),
         ("Brønderslev", "Boligforeningen Jyllandsparken", "Dronninglund Boligselskab")]

DASH_ACTIVITIES = [("Læsevennerne", "skolebørn 6-10 år — deres forældre", "{town} Bibliotek — {town} Skole"),
                   ("Jobhjørnet", "ledige voksne 25-64 år", "Jobcenter {town} — {town} Frivilligcenter"),
                   ("Unge på Vej", "unge 15-24 år uden job eller uddannelse", "Ungdommens Uddannelsesvejledning {town}")]


def _dash_fields(town, a, b):
    """A delaftale whose fields are "Label — value", values' items parted by dashes too."""
    lines = ["DELAFTALE — UDDANNELSE OG BESKÆFTIGELSE", "",
             "Helhedsplan — Sammen i Vestbyen",
             f"Delaftalens parter — {a} — {town} Kommune, Børn og Unge",
             "Periode — 1. januar 2026 — 31. december 2029",
             "Indsatsområde — Uddannelse og beskæftigelse",
             f"Kontaktperson for delaftalen — Signe Vestergaard Holt — boligsocial leder — {a} — svh@vestbyen.dk — 61 24 80 13",
             "Formål — flere unge i uddannelse og flere voksne i job", "", "AKTIVITETER"]
    for name, targets, partners in DASH_ACTIVITIES:
        lines += [f"Aktivitetsnavn — {name}", f"Målgruppe(r) — {targets}", f"Partnere — {partners.format(town=town)}",
                  "Omfang — ugentligt, 40 uger om året", ""]
    return lines + ["Underskrevet — 12. december 2025", f"For {a} — Henrik Dam — direktør", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
def test_a_definition_list_with_em_dashes_run_together(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _dash_fields(town, a, b), how, make_docx, make_pdf)
    names = {name_key(x.name): x for x in r.activities}
    assert set(names) == {name_key(n) for n, _, _ in DASH_ACTIVITIES}, list(names)
    assert {name_key(p) for p in names["jobhjørnet"].partners} == {f"jobcenter {name_key(town)}",
                                                                   f"{name_key(town)} frivilligcenter"}
    assert {f.name for f in r.focus_areas} == {"Uddannelse og beskæftigelse"}
    assert all(x.focus_area == "Uddannelse og beskæftigelse" for x in r.activities)
    assert (r.plan.period_start, r.plan.period_end) == ("2026-01-01", "2029-12-31")
    assert contact_facts(r)["Signe Vestergaard Holt"] == (name_key(a), "svh@vestbyen.dk", "61248013")


AREAS = ["Tryghed og trivsel", "Uddannelse og beskæftigelse", "Børn, unge og forældre"]


def _counted_areas(town, a, b, heading):
    """An older plan's focus areas as a counted list under their heading, each activity's form
    counted by its area."""
    lines = [f"Helhedsplan for Søndermarken, {town} 2012-2015", "", f"Ansøger: {a} og {b} i samarbejde med {town} Kommune", "",
             heading] + [f"{n}  {area}" for n, area in enumerate(AREAS, 1)] + [""]
    for n, area in enumerate(AREAS, 1):
        lines += [f"AKTIVITET {n}.1  Projekt {['Gårdlauget', 'Jobbroen', 'Familieholdet'][n - 1]}",
                  f"Ansvarlig part: {a}", "Målgruppe: beboere i alle aldre", ""]
    return lines


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
@pytest.mark.parametrize("heading", ["INDSATSOMRÅDER (pulje 2011-2014)", "Helhedsplanens indsatsområder:"])
def test_a_counted_list_of_focus_areas_run_together(tmp_path, make_docx, make_pdf, town, a, b, how, heading):
    r = _extract(tmp_path, _counted_areas(town, a, b, heading), how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == AREAS
    by_name = {x.name: x.focus_area for x in r.activities}
    assert by_name == {"Projekt Gårdlauget": AREAS[0], "Projekt Jobbroen": AREAS[1], "Projekt Familieholdet": AREAS[2]}


ROMAN_AREAS = ["Børn og familier", "Job og uddannelse", "Fællesskab og naboskab"]
PROJECTS = ["Familiehuset", "Jobstedet", "Nabohjælp"]


def _older_application(town, a, b):
    """A 2006-10 application: departments with dotted leaders to their dwellings, the focus areas
    counted in Roman numerals under a numbered heading and a sentence, project forms between rules."""
    rule = "-" * 60
    lines = [f"Boligsocial helhedsplan for Kirkebakken, {town} 2009-2012", "",
             f"1. Ansøgere", f"{a} og {b} i samarbejde med {town} Kommune.", "",
             "2. Boligområdet",
             f"Afdeling 3, Kirkebakken ..... 212 boliger (opført 1971)",
             f"Afdeling 9, Toftegården ........ 96 boliger (opført 1969, heraf 20 ældreboliger)",
             "I alt 308 boliger med ca. 690 beboere.", "",
             "3. Indsatsområder og delprojekter",
             "Helhedsplanen har tre indsatsområder. Hvert delprojekt er beskrevet i et skema.", ""]
    lines += [f"{r}.{' ' * (5 - len(r))}{area}" for r, area in zip(["I", "II", "III"], ROMAN_AREAS)] + [""]
    for r, project in zip(["I", "II", "III"], PROJECTS):
        lines += [rule, f"Delprojekt nr.: {r}.1", f"Titel: {project}", "Målgruppe: beboere i alle aldre",
                  f"Samarbejdspartnere: {town} Frivilligcenter"]
    return lines + [rule, ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
def test_an_older_application_s_departments_and_roman_areas_run_together(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _older_application(town, a, b), how, make_docx, make_pdf)
    assert {(z.name, z.units) for z in r.zones if z.units} == {("Kirkebakken", 212), ("Toftegården", 96)}
    assert [f.name for f in r.focus_areas] == ROMAN_AREAS
    assert {x.name: x.focus_area for x in r.activities} == dict(zip(PROJECTS, ROMAN_AREAS))


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
@pytest.mark.parametrize("area", ["Beskæftigelse", "Kriminalitetsforebyggelse"])
def test_a_delaftale_counted_of_its_siblings_names_its_area_below(tmp_path, make_docx, make_pdf, town, a, b, how, area):
    lines = ["DELAFTALE 2 AF 3", area, "",
             f'til den strategiske samarbejdsaftale om "Vestbyen Sammen" mellem {town} Kommune og {a}', "",
             "Delaftalen gælder: 1.1.2026 – 31.12.2029", "",
             "AKTIVITETER", "Aktivitetsnavn: Broen", "Målgruppe(r): unge 15-24 år", f"Partnere: {town} Frivilligcenter", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == [area]


SUMMARY = [("Kriminalitetsforebyggelse", "Natholdet"), ("Kriminalitetsforebyggelse", "Forældre på Banen"),
           ("Beskæftigelse", "Jobkompasset Vest"), ("Sammenhængskraft og medborgerskab", "Beboerkøkkenet")]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
@pytest.mark.parametrize("ampersand", [False, True])
def test_a_summary_of_two_columns_area_and_activity(tmp_path, make_docx, make_pdf, town, a, b, how, ampersand):
    lines = [f"Strategisk samarbejdsaftale for Østparken, {town} 2025-2028", "",
             f"Aftalens parter: {a}, {b} og {town} Kommune", "", "3. Indsatsområder", "",
             "Helhedsplanen har tre indsatsområder. Aktiviteterne fremgår af delaftalerne og er kort opsummeret her:", "",
             f"{'Indsatsområde':38s} Aktivitetsnavn"]
    lines += [f"{area.replace(' og ', ' & ') if ampersand else area:38s} {name}" for area, name in SUMMARY]
    lines += ["", "4. Organisering", "", "Bestyrelsen for den boligsociale indsats består af aftalens parter.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    written = {area: area.replace(' og ', ' & ') if ampersand else area for area, _ in SUMMARY}
    assert {(x.name, x.focus_area) for x in r.activities} == set((n, written[area]) for area, n in SUMMARY)


GRID = {"Tryghed og trivsel": [("A1", "Gårdlauget", "HHB's driftsafdeling"), ("A2", "Tryghedsvandringer", "Nordjyllands Politi")],
        "Børn og unge": [("B1", "Lektiecafé Nord", "{town} Bibliotek"), ("B2", "Sommerholdet", "{town} IF")]}


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_grid_s_rows_across_name_the_area_of_the_rows_below(tmp_path, make_docx, make_pdf, town, a, b, how):
    """An ASCII grid whose focus areas are rows across the whole table ("| | INDSATSOMRÅDE A: TRYGHED
    OG TRIVSEL |") over their activities' rows."""
    rule = "+----+----------------------+--------------------+----------------------+"
    lines = [f"Helhedsplan for Nørrevang, {town} 2013-2016", "", f"Ansøgere: {a} og {b} i samarbejde med {town} Kommune", "",
             rule, "| Nr | Aktivitet            | Målgruppe          | Samarbejdspartnere   |", rule]
    for n, (area, rows) in enumerate(GRID.items()):
        lines.append(f"|    | INDSATSOMRÅDE {'AB'[n]}: {area.upper():40s}|")
        lines += [f"| {nr} | {name:20s} | {'Alle beboere':18s} | {p.format(town=town):20s} |" for nr, name, p in rows]
        lines.append(rule)
    lines += ["", "3  ORGANISERING", "Styregruppen mødes fire gange om året.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {(x.name, x.focus_area) for x in r.activities} == {(name, area) for area, rows in GRID.items()
                                                             for _, name, _ in rows}


ANNEXES = {"Uddannelse og livschancer": [("Sprogkufferten", "Dagtilbud {town}, Sundhedsplejen"),
                                         ("Lektieværkstedet", "{town} Bibliotek, Ungdommens Røde Kors")],
           "Beskæftigelse": [("Jobstien", "Jobcenter {town}"), ("Virksomhedsbroen", "{town} Erhverv, Jobcenter {town}")]}


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("heads", [("Indhold", "Ansvarlig og samarbejdspartnere"), ("Indhold og praksis", "Partnere")])
def test_delaftaler_as_annexes_with_tables_of_content_and_partners(tmp_path, make_docx, make_pdf, town, a, b, how, heads):
    """A 2019-template agreement whose delaftaler are annexes ("Bilag 1 – Delaftale for X") holding
    a table "Aktivitet | Indhold | Ansvarlig og samarbejdspartnere"; the annexes listed first."""
    lines = [f"Strategisk samarbejdsaftale for Granhøjen, {town}", "",
             f"Aftalens parter: {town} Kommune og {a}", "",
             "Bilag: 1. Delaftale for Uddannelse og livschancer 2. Delaftale for Beskæftigelse", ""]
    for n, (area, rows) in enumerate(ANNEXES.items(), 1):
        lines += [f"Bilag {n} – Delaftale for {area}", "\t".join(["Aktivitet", *heads])]
        lines += ["\t".join([name, "Et forløb for beboerne hver uge", partners.format(town=town)]) for name, partners in rows]
        lines.append("")
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {(x.name, x.focus_area) for x in r.activities} == {(n, area) for area, rows in ANNEXES.items() for n, _ in rows}
    assert f"Jobcenter {town}" in {p for x in r.activities for p in x.partners if x.name == "Jobstien"}


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx", "flattened"])
def test_quoted_activities_in_a_cell_with_their_partners_in_notes(tmp_path, make_docx, make_pdf, town, a, b, how):
    """A committee item's table of spaced columns "Indsatsområde | Aktiviteter (foreløbige)" whose
    cells list quoted activities, each with a note naming its partner ("frivillige fra X", "i
    samarbejde med X og Y", ", med X")."""
    lines = [f"Punkt 7. Strategisk samarbejdsaftale for {town} Vest", "",
             f"Parterne ({a} og {town} Kommune) har valgt to indsatsområder:", "",
             f"{'Indsatsområde':32s}Aktiviteter (foreløbige)",
             f"{'-' * 30}  {'-' * 48}",
             f'{"Uddannelse og livschancer":32s}"Læsevenner" (frivillige læsevenner fra Ældre',
             f'{"":32s}Sagen {town} for børn i 0.-3. klasse); "Ungespor"',
             f'{"":32s}(vejledning af unge i samarbejde med {town} Gymnasium)',
             f'{"Sundhed og trivsel":32s}"Gå-sammen" (for voksne med stress, med',
             f'{"":32s}Sundhedscenter {town}); "Værestedet" (åbent hus)',
             f"{'-' * 30}  {'-' * 48}", "", "Indstilling: at udvalget godkender aftalen.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    got = {x.name: (x.focus_area, set(x.partners)) for x in r.activities}
    assert got == {"Læsevenner": ("Uddannelse og livschancer", {f"Ældre Sagen {town}"}),
                   "Ungespor": ("Uddannelse og livschancer", {f"{town} Gymnasium"}),
                   "Gå-sammen": ("Sundhed og trivsel", {f"Sundhedscenter {town}"}),
                   "Værestedet": ("Sundhed og trivsel", set())}


ABBR = {"Sorø": ("SSB", "Sydsjællands Boligselskab", "ssb-bolig.dk"),
        "Haderslev": ("HBF", "Haderslev Boligforening", "hbf-bolig.dk"),
        "Brønderslev": ("VBB", "Vendsysselbo Boligselskab", "vbb-bolig.dk")}


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_web_page_s_staff_cards_side_by_side(tmp_path, make_docx, make_pdf, town, a, b):
    """A housing organisation's page: its name line "ABBR – Full name", staff cards drawn side by side
    in box frames ("Leder af X" a title, no person; the heading "Mød os" no unit), their e-mail domain
    the organisation's abbreviation with "-bolig"; the municipality's contact on a line wrapped before
    their details ("Unit, X Kommune")."""
    short, full, domain = ABBR[town]
    lines = [f"{short} – {full}", "Find bolig | Beboer | Kontakt", "", f"# Vestbyen Sammen – boligsocial indsats i {town}", "",
             "## Mød os",
             "┌──────────────────────────────────┐ ┌──────────────────────────────────┐",
             "│ Malene Kofoed Ipsen              │ │ Troels Holm Sonne                │",
             "│ Leder af Vestbyen Sammen         │ │ Beskæftigelsesmedarbejder        │",
             f"│ ☎ 2045 8813                      │ │ ☎ 2045 8817                      │",
             f"│ ✉ mki@{domain:27s}│ │ ✉ ths@{domain:27s}│",
             "└──────────────────────────────────┘ └──────────────────────────────────┘",
             f"Kommunens kontaktperson: Amina Yusuf Hasle, Børn og Familie, {town}",
             f"Kommune – amina.hasle@{town.lower().replace('ø', 'oe')}.dk – 5692 6031", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    facts = contact_facts(r)
    assert set(facts) == {"Malene Kofoed Ipsen", "Troels Holm Sonne", "Amina Yusuf Hasle"}, facts
    assert facts["Malene Kofoed Ipsen"] == (name_key(full), f"mki@{domain}", "20458813")
    assert facts["Troels Holm Sonne"][0] == name_key(full)
    assert facts["Amina Yusuf Hasle"][1:] == (f"amina.hasle@{town.lower().replace('ø', 'oe')}.dk", "56926031")
    assert facts["Amina Yusuf Hasle"][0] == "børn og familie"
    assert {short} == {a for o in r.organisations if o.name == full for a in o.aliases}


WEEK = [("Mandag", "Lektiehjørnet", "Skolebørn 1.-9. kl.", "{town} Skole", "#uddannelse", "Uddannelse og livschancer"),
        ("Tirsdag", "Jobklubben Havnen", "Ledige voksne", "Jobcenter {town}", "#beskæftigelse", "Beskæftigelse"),
        ("Torsdag", "Ungeaften", "Unge 13-17 år", "Ungdomsskolen {town}", "#uddannelse", "Uddannelse og livschancer")]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
def test_a_week_s_activities_tagged_by_focus_area(tmp_path, make_docx, make_pdf, town, a, b, how):
    """A web page's week plan "Dag | Aktivitet | For hvem | Sammen med | Tema", its focus areas as
    hashtags."""
    lines = [f"# Nabolag {town} – den boligsociale indsats", "", "## Det arbejder vi med",
             "**Uddannelse og livschancer** – vi hjælper børn og unge i gang med skolen.",
             "**Beskæftigelse** – vi støtter voksne, der vil tættere på job.", "", "## Ugens aktiviteter",
             "| Dag | Aktivitet | For hvem | Sammen med | Tema |", "|---|---|---|---|---|"]
    lines += [f"| {d} | {n} | {t} | {p.format(town=town)} | {tag} |" for d, n, t, p, tag, _ in WEEK] + [""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {(x.name, x.focus_area) for x in r.activities} == {(n, area) for _, n, _, _, _, area in WEEK}
    assert {p for x in r.activities if x.name == "Jobklubben Havnen" for p in x.partners} == {f"Jobcenter {town}"}


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
def test_tracks_named_once_then_counted_over_their_activities(tmp_path, make_docx, make_pdf, town, a, b, how):
    """An annual report's section: the plan's tracks named once ("Spor 1: X"), then "Spor 1" over its
    activities as bullets."""
    lines = [f"{a.upper()}", "Årsberetning 2025", "", f"3.4 Boligsocial indsats – \"Vestliv\"", "",
             f"Indsatsen drives sammen med {town} Kommune og har to spor, som følger de to delaftaler:",
             "Spor 1: Sammenhængskraft og medborgerskab", "Spor 2: Beskæftigelse", "", "Årets aktiviteter", "",
             "Spor 1", f"• Fælleskøkkenet – fællesspisning hver anden fredag med frivillige fra {town} Frivilligforening.",
             "• Velkomstbesøg – besøg hos nye lejere.", "", "Spor 2",
             f"• Sæsonjob – kontakt til sommerarbejdspladser. Partnere: Jobcenter {town}.", "", "Organisering", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Sammenhængskraft og medborgerskab", "Beskæftigelse"]
    assert {(x.name, x.focus_area) for x in r.activities} == {
        ("Fælleskøkkenet", "Sammenhængskraft og medborgerskab"), ("Velkomstbesøg", "Sammenhængskraft og medborgerskab"),
        ("Sæsonjob", "Beskæftigelse")}


def _partnership(town, a, b):
    """A safety partnership between police, housing organisation and municipality: numbered chapters
    in capitals, the parties indented under "1.  PARTER", the joint actions numbered under "4.  FÆLLES
    INDSATSER", the plan's one focus area named in a sentence."""
    return ["                TRYGHEDSPARTNERSKAB", f"                VESTBYEN – 2025-2029", "",
            "1.  PARTER", "    Sydøstjyllands Politi", f"    {a}", f"    {town} Kommune", '    – i det følgende "parterne".', "",
            "2.  BAGGRUND", f"    Parterne samarbejder om helhedsplanen \"Vestbyen Sammen\". Dette partnerskab uddyber",
            "    helhedsplanens indsatsområde Kriminalitetsforebyggelse.", "",
            "3.  FÆLLES INDSATSER",
            "    3.1 Fast områdebetjent", "        Politiet udpeger en områdebetjent, som er synlig i området.",
            "    3.2 Hærværksregistrering", f"        {a} registrerer hærværk og deler oversigten med SSP {town}.",
            "    3.3 Natteravne", f"        Natteravnene {town} går i området fredag og lørdag aften.", "",
            "4.  VARIGHED", "    Partnerskabet gælder fra 1. marts 2025 til 28. februar 2029.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_safety_partnership_s_parties_and_joint_actions(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _partnership(town, a, b), how, make_docx, make_pdf)
    assert {o.name for o in r.organisations if o.is_party} >= {"Sydøstjyllands Politi", a, f"{town} Kommune"}
    assert [f.name for f in r.focus_areas] == ["Kriminalitetsforebyggelse"]
    assert {(x.name, x.focus_area) for x in r.activities} == {
        (n, "Kriminalitetsforebyggelse") for n in ("Fast områdebetjent", "Hærværksregistrering", "Natteravne")}
    assert f"SSP {town}" in {p for x in r.activities if x.name == "Hærværksregistrering" for p in x.partners}


def _feed(town, a, b):
    """A plan's social-media page copied as text: a pinned post naming the areas, dated posts whose
    names open them in capitals, hashtags for their areas, reactions and comments between."""
    page = f"Kystliv – boligsocial indsats i {town}"
    posts = [("3. oktober 2025", "🍲 SUPPEKLUBBEN er tilbage! Første fredag i måneden i beboerhuset. #uddannelseoglivschancer"),
             ("14. maj 2025", f"☀️ SOMMERJOB PÅ HAVNEN 2025 ☀️ Sammen med {town} Erhvervsforening har vi 19 jobs klar! #beskæftigelse"),
             ("2. april 2025", "Ny kollega! 🙌 Sig hej til vores nye tovholder."),
             ("6. februar 2025", f"🎓 UDDANNELSESGUIDEN: Hver onsdag sidder en vejleder fra KUI {town} i beboerhuset. "
                                 "#uddannelseoglivschancer")]
    lines = [page, "Fællesskab · 1,2K synes godt om", "", "📌 FASTGJORT OPSLAG", page, "12. april 2023 · 🌐",
             f"Velkommen! Bag indsatsen står {a} og {town} Kommune, og vi arbejder med to indsatsområder:",
             "👉 Uddannelse og livschancer", "👉 Beskæftigelse", "Følg med her!", "👍❤️ 87 · 9 kommentarer", ""]
    for date, text in posts:
        lines += [page, f"{date} · 🌐", text, "👍 34 · 5 kommentarer", "   Kirsten B.: Glæder mig!", ""]
    return lines


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_feed_s_posts_name_activities_in_capitals(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _feed(town, a, b), how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]
    assert {(x.name, x.focus_area) for x in r.activities} == {
        ("Suppeklubben", "Uddannelse og livschancer"), ("Sommerjob på havnen", "Beskæftigelse"),
        ("Uddannelsesguiden", "Uddannelse og livschancer")}
    assert f"{town} Erhvervsforening" in {p for x in r.activities for p in x.partners}


def _viewer_copy(town, a, b):
    """A printed plan's text as a PDF viewer copies it: table cells apart by three spaces, not in
    columns; "INDSATSOMRÅDE 1" over the area's name; two signatures side by side over a footer."""
    return [f"BOLIGSOCIAL HELHEDSPLAN 2017-2021", "Nord Rykker", "",
            "Fakta om området", "Afdeling   Boliger   Beboere   Under 18 år",
            "Højskolehusene (afd. 3)   124   311   96", "Troldhøj (afd. 7)   86   204   71",
            "Nord i alt   210   515   167", "",
            "INDSATSOMRÅDE 1", "Uddannelse og beskæftigelse", "Målgruppe: unge 15-25 år uden uddannelse.", "",
            "Aktivitet 1.1 Lektiecafé Troldhøj", f"Lektiehjælp tre eftermiddage om ugen med frivillige fra Red Barnet {town}.", "",
            "INDSATSOMRÅDE 2", "Forebyggelse og forældreansvar", "Målgruppe: småbørnsfamilier.", "",
            "Aktivitet 2.1 Familiestartpakken", f"Hjemmebesøg i samarbejde med Sundhedsplejen i {town} Kommune.", "",
            "Kontakt", f"Projektleder   Karina Ladefoged Brink   kalb@vestbo.dk   24 37 90 15",
            f"Boligsocial medarbejder   Hamid Sadeghi Friis   hasf@vestbo.dk   24 37 90 16",
            f"Kommunal koordinator   Anne Mette Grønbæk   amgr@kommune.dk   79 96 63 41", "",
            "Underskrifter", f"{town}, den 17. januar 2017", "",
            "Søren Høeg Skelmose   Villads Borch Helms", f"Direktør, {a}   Kommunaldirektør, {town} Kommune",
            "Nord Rykker · side 3", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
def test_a_viewer_s_copy_of_a_printed_plan(tmp_path, make_docx, make_pdf, town, a, b):
    r = _extract(tmp_path, _viewer_copy(town, a, b), "as written", make_docx, make_pdf)
    assert {(z.name, z.units) for z in r.zones if z.units} == {("Højskolehusene", 124), ("Troldhøj", 86), ("Nord", 210)}
    # (the total row names the area: a zone of the departments' dwellings, since session 26)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og beskæftigelse", "Forebyggelse og forældreansvar"]
    assert {(x.name, x.focus_area) for x in r.activities} == {
        ("Lektiecafé Troldhøj", "Uddannelse og beskæftigelse"), ("Familiestartpakken", "Forebyggelse og forældreansvar")}
    facts = contact_facts(r)
    assert facts["Karina Ladefoged Brink"][1:] == (f"kalb@vestbo.dk", "24379015")
    assert facts["Søren Høeg Skelmose"][0] == name_key(a) and facts["Villads Borch Helms"][0] == name_key(f"{town} Kommune")


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_minutes_list_quoted_activities_with_their_area_in_brackets(tmp_path, make_docx, make_pdf, town, a, b, how):
    """A volunteer association's minutes: the chair's report lists what it ran as dash items wrapped
    onto indented lines, each quoted name's area in brackets; the lead-in names no activity."""
    lines = ["Referat af ordinær generalforsamling i Foreningen Aktive Naboer", "", "Ad 2. Formanden fremlagde beretningen:",
             f"Foreningen er den frivillige forening bag flere aktiviteter i den boligsociale indsats, som {a} og",
             f"{town} Kommune står bag. Indsatsen arbejder med to indsatsområder: Uddannelse og livschancer samt",
             "Sammenhængskraft og medborgerskab.", "", "I 2025 har foreningen stået for:",
             '- "Lektiecaféen" hver tirsdag og torsdag for børn i 1.-6. klasse, i',
             f"  samarbejde med {town} Skole (Uddannelse og livschancer). 12 faste",
             "  frivillige.",
             '- "Byttemarkedet" fire lørdage om året i gården, hvor alle beboere',
             "  kan bytte tøj og legetøj (Sammenhængskraft og medborgerskab).", "",
             "Beretningen blev godkendt.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {(x.name, x.focus_area) for x in r.activities} == {("Lektiecaféen", "Uddannelse og livschancer"),
                                                             ("Byttemarkedet", "Sammenhængskraft og medborgerskab")}


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
def test_counted_area_headings_over_their_name(tmp_path, make_docx, make_pdf, town, a, b, how):
    """"INDSATSOMRÅDE 1" over the area's name, its activities counted under it; read also when the
    line breaks are lost ("... 2021. INDSATSOMRÅDE 1 Uddannelse og beskæftigelse Målgruppe: ...")."""
    lines = [f"Helhedsplan for Nordbyen, {town} 2017-2021", "",
             f"{a} og {town} Kommune har udarbejdet planen. Den løber fra 1. marts 2017 til 28. februar 2021.", ""]
    for n, (area, acts) in enumerate([("Uddannelse og beskæftigelse", ["Lektiecafé Nord", "Jobværkstedet"]),
                                      ("Forebyggelse og forældreansvar", ["Familiestartpakken"])], 1):
        lines += [f"INDSATSOMRÅDE {n}", area, "Målgruppe: beboere i alle aldre.", ""]
        lines += [line for m, name in enumerate(acts, 1)
                  for line in (f"Aktivitet {n}.{m} {name}", "Ugentlige forløb i fælleshuset.", "")]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og beskæftigelse", "Forebyggelse og forældreansvar"]
    assert {(x.name, x.focus_area) for x in r.activities} == {
        ("Lektiecafé Nord", "Uddannelse og beskæftigelse"), ("Jobværkstedet", "Uddannelse og beskæftigelse"),
        ("Familiestartpakken", "Forebyggelse og forældreansvar")}


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
def test_a_form_s_short_description_ends_the_activity_s_name(tmp_path, make_docx, make_pdf, town, a, b, how):
    """"Navn på aktivitet:" over "Kort beskrivelse:", "Ansvarlig:", "Samarbejdspartnere:" (a Word form's
    fields; run together when the line breaks are lost)."""
    lines = ["DELAFTALE", "Indsatsområde: Uddannelse og livschancer", "", "4. Aktiviteter"]
    for name, partners in (("Sprogkuffert", f"Sundhedsplejen, {town} Bibliotek"), ("Næste Skridt", f"KUI {town}")):
        lines += [f"Navn på aktivitet: {name}", "Kort beskrivelse: Hjemmebesøg og samtaler for familierne.",
                  "Ansvarlig: Boligsocial medarbejder", f"Samarbejdspartnere: {partners}", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {x.name: set(x.partners) for x in r.activities} == {
        "Sprogkuffert": {"Sundhedsplejen", f"{town} Bibliotek"}, "Næste Skridt": {f"KUI {town}"}}


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_department_table_numbered_then_named_over_its_total(tmp_path, make_docx, make_pdf, town, a, b, how):
    """"Afd.nr | Navn | Opført | Antal lejemål" with a head cell wrapped below and a total row whose first
    cell is empty: each row a department named by its Navn column, the total none."""
    lines = ["§ 2. Områdets afgrænsning", f"Indsatsen omfatter boligområdet {town} Midt, dvs. de to afdelinger:", "",
             "  Afd.nr  Navn               Opført   Antal lejemål   Heraf ældre-",
             "                                                      boliger",
             "  4       Engbrinken         1971     148             12",
             "  9       Lundsgårdparken    1994      96              0",
             "          I alt                       244", "", "§ 3. Valgte indsatsområder", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {(z.name, z.units) for z in r.zones if z.units} == {("Engbrinken", 148), ("Lundsgårdparken", 96)}


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["flattened", "flat"])
def test_numbered_chapters_in_capitals_run_into_their_text(tmp_path, make_docx, make_pdf, town, a, b, how):
    """"1. PARTER Sydøstjyllands Politi ..." and "2. BAGGRUND Kvarteret ...": each chapter's heading cut off
    its text when the line breaks are lost (the parties read as the parties' chapter's)."""
    r = _extract(tmp_path, _partnership(town, a, b), how, make_docx, make_pdf)
    assert {o.name for o in r.organisations if o.is_party} >= {"Sydøstjyllands Politi", f"{town} Kommune"}
    assert not any(o.name.startswith(("PARTER", "BAGGRUND")) for o in r.organisations)


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_clause_numbered_agreement_s_parties_and_title(tmp_path, make_docx, make_pdf, town, a, b, how):
    """A municipality's own clauses: a letterhead with case numbers, "§ 1. Aftalens parter" over "Stk. 1.
    Aftalen indgås mellem A og B" and its wrapped rest; the plan named in quotes before a dash."""
    lines = [f"{town.upper()} KOMMUNE                                   Sag: 24/18337",
             "Social & Sundhed, Udsatte Børn og Unge                  Dok.nr. 412977/25", "",
             "Strategisk aftale om den boligsociale indsats", '"Brobyg Vest" – Engbrinken og Lundsgårdparken', "",
             "§ 1. Aftalens parter", f"Stk. 1. Aftalen indgås mellem {town} Kommune og {a}",
             "(i det følgende benævnt BFR). Aftalen er udarbejdet efter Landsbyggefondens",
             "(LBF) skabelon for strategiske aftaler 2023.",
             "Stk. 2. Aftaleperioden løber fra den 1.1.2026 til og med den 31.12.2029.", "",
             "§ 2. Områdets afgrænsning", "Indsatsen omfatter boligområdet Vest.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {o.name for o in r.organisations if o.is_party} == {f"{town} Kommune", a}
    assert r.plan.name == "Brobyg Vest"


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_an_annex_s_cover_line_names_its_agreement_s_plan(tmp_path, make_docx, make_pdf, town, a, b, how):
    """A delaftale issued as an annex: "Bilag 1 til strategisk aftale for X   Version 2.1 – 14.03.2024"."""
    lines = [f"Bilag 1 til strategisk aftale for {town} Spirer                 Version 2.1 – 14.03.2024", "",
             "DELAFTALE", "Indsatsområde: Uddannelse og livschancer", "",
             f"Delaftalen indgår i den strategiske aftale mellem {town} Kommune og {a}.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert r.plan.name == f"{town} Spirer"
