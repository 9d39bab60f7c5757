"""Focus areas and activities in the layouts agreements use besides the LBF template's
own labels (made-up agreements in other municipalities' names): delaftaler headed
"DELAFTALE 2 - X", "Delaftale B: X" or a title page "DELAFTALE / for indsatsområdet X";
lettered and Roman-numbered sections under a list of indsatsområder; activities as
"Aktivitet A1: X", as bullets under a list label, and as table rows (pipes, tabs, a .pdf
table with wrapped cells); template placeholders, which are never activities."""
from pathlib import Path

from samspil.loaders import extract_file

LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"


def _flat(text: str) -> str:
    """The text as a web copy of one page gives it: all on one line after the page number."""
    return "1 " + " ".join(text.split()) + "\n"


def _extract(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def _acts(report):
    return [(a.name, a.focus_area) for a in report.activities]


def test_lettered_delaftaler_with_lettered_activity_ids_and_an_unfilled_one():
    r = extract_file(LAYOUTS / "naestved_lettered_delaftaler.txt")
    assert [f.name for f in r.focus_areas] == ["Beskæftigelse", "Sammenhængskraft og medborgerskab"]
    assert _acts(r) == [("Jobstarter Kalbyris", "Beskæftigelse"), ("Sommerjob for unge", "Beskæftigelse"),
                        ("Fælles gårdfester", "Sammenhængskraft og medborgerskab")]  # not "[Aktivitetens navn]"


def test_roman_numbered_sections_and_activities_numbered_without_fields():
    r = extract_file(LAYOUTS / "skive_roman_sections.txt")
    assert [f.name for f in r.focus_areas] == ["Tryghed og trivsel", "Børn, unge og familier", "Image og kommunikation"]
    assert _acts(r) == [("Gårdmændene", "Tryghed og trivsel"), ("Nabocaféen", "Tryghed og trivsel"),
                        ("Legestuen", "Børn, unge og familier"), ("Beboeravisen", "Image og kommunikation")]


def test_lettered_items_without_an_indsatsomraader_list_are_no_focus_areas(tmp_path):
    r = _extract(tmp_path, "fredericia.txt", "Helhedsplan for Korskærparken\n\nBilag:\n\nA. Budget for 2024\n"
                 "B. Organisationsdiagram\n")
    assert r.focus_areas == []


# a markdown copy (a web page saved as text): its table of activities in pipes
_PIPE_TABLE = ('DELAFTALE\nfor indsatsområdet Kriminalitetsforebyggelse\n\nBoligsocial indsats: "Tryg i Thisted" (2025-2028)\nDelaftalen gælder fra 1. januar 2025.\n\nAktiviteter\n\n| Nr. | Aktivitet | Målgruppe | Samarbejdspartnere |\n|-----|-----------|-----------|--------------------|\n| 1 | Nattevandring | Alle beboere | Nordjyllands Politi |\n| 2 | Klub efter skole | Børn 10-14 år | Thisted Ungdomsskole |\n\nBeskrivelse af aktiviteterne\n\n1. Nattevandring\nFrivillige går rundt i området fredag aften.\n')


def test_a_standalone_delaftale_with_a_title_page_and_a_numbered_pipe_table(tmp_path):
    for name, text in (("thisted.txt", _PIPE_TABLE), ("thisted_flat.txt", _flat(_PIPE_TABLE))):
        r = _extract(tmp_path, name, text)
        assert [f.name for f in r.focus_areas] == ["Kriminalitetsforebyggelse"], name
        assert _acts(r) == [("Nattevandring", "Kriminalitetsforebyggelse"),
                            ("Klub efter skole", "Kriminalitetsforebyggelse")], name
        klub = r.activities[1]
        assert "children" in klub.target_groups and klub.partners == ["Thisted Ungdomsskole"], name  # its row's


# the text a .pdf table gives: cells apart by tabs, a long cell wrapped onto lines of its own
_PDF_TABLE = ('Kalundborg Vest - strategisk samarbejdsaftale\nDelaftale 1 - Uddannelse og livschancer\nParter: Kalundborg Kommune, Center for Skole; Kalundborg Bibliotekerne.\nAktivitet\tMålgruppe\tSamarbejdspartner\nLæseklubben\tBørn 7-11 år\tKalundborg Bibliotekerne\nForældrecafé\tForældre til skolebørn\tCenter for Skole,\nKalundborg\nBibliotekerne\nDelaftale 2 - Beskæftigelse\nAktivitetsnavn\tMålgruppe\tBeskrivelse Fremskudt vejledning\nJobhjørnet\tLedige over 30 år\ti beboerhuset.\n6. Økonomi\nFinansiering\tBeløb\tAndel\nLandsbyggefonden\t4.000.000 kr.\t70 %\n')


def test_a_pdf_table_with_wrapped_cells_ends_at_the_next_heading(tmp_path):
    r = _extract(tmp_path, "kalundborg.txt", _PDF_TABLE)
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]
    assert _acts(r) == [("Læseklubben", "Uddannelse og livschancer"), ("Forældrecafé", "Uddannelse og livschancer"),
                        ("Jobhjørnet", "Beskæftigelse")]  # not the budget's rows


_CAPITALS = """STRATEGISK SAMARBEJDSAFTALE
Boligsocial indsats i Vejle Kommune

DELAFTALE 1 - Uddannelse og livschancer

Parter i delaftalen:
Vejle Kommune, Børn og Familie

Aktivitet: Lektieværkstedet
Målgruppe: Elever i 5.-9. klasse

DELAFTALE 2 - Beskæftigelse

Aktivitet: Jobguiden
Målgruppe: Ledige over 25 år

Aktivitet: [Indsæt aktivitetens navn]
Målgruppe: [Beskriv målgruppen]
"""


def test_delaftaler_headed_in_capitals_with_a_number(tmp_path):
    for name, text in (("vejle.txt", _CAPITALS), ("vejle_flat.txt", _flat(_CAPITALS))):
        r = _extract(tmp_path, name, text)
        assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"], name
        assert _acts(r) == [("Lektieværkstedet", "Uddannelse og livschancer"), ("Jobguiden", "Beskæftigelse")], name


_BULLETS = """Helhedsplan for Stengården 2013-2016

3 Indsatsområderne

3.1 Tryghed og trivsel

Beboerne oplever uro om aftenen ved butikscentret, og flere fortæller, at de undgår stierne
mellem blokkene efter mørkets frembrud. Afdelingsbestyrelserne ønsker flere voksne i området.

Indsatser:
• Gadeteamet – voksne fra SSP og klubben går i området torsdag og fredag aften og taler med de unge
• Nabohjælp – beboere hjælper nye naboer i gang med vaskeri, affald og husorden i afdelingen

3.2 Beskæftigelse

Mange beboere står uden for arbejdsmarkedet, og jobcentret har svært ved at nå dem.

Indsatser:
• Jobværkstedet – hjælp til ansøgninger og cv hver tirsdag i beboerhuset sammen med jobcentret
• Praktik i boligafdelingen (ejendomskontoret)

4 Organisation

Styregruppen mødes fire gange om året.
"""


def test_bullets_under_a_list_label_in_a_numbered_section(tmp_path):
    expected = [("Gadeteamet", "Tryghed og trivsel"), ("Nabohjælp", "Tryghed og trivsel"),
                ("Jobværkstedet", "Beskæftigelse"), ("Praktik i boligafdelingen", "Beskæftigelse")]
    for name, text in (("gladsaxe.txt", _BULLETS), ("gladsaxe_flat.txt", _flat(_BULLETS))):
        r = _extract(tmp_path, name, text)
        assert [f.name for f in r.focus_areas] == ["Tryghed og trivsel", "Beskæftigelse"], name
        assert _acts(r) == expected, name


def test_a_labelled_title_that_runs_into_its_description(tmp_path):
    text = ("Helhedsplan for Skovvejen 2015-2018\n\n4. Indsatsområder\n\n4.1 Sundhed\n\n"
            "Projekt: Motionsholdet. Beboerne træner sammen i hallen hver onsdag med en instruktør.\n"
            "Målgruppe: voksne beboere over 50 år.\n\n"
            "Projekt: Madklubben. Fællesspisning en gang om måneden i beboerhuset, som frivillige står for.\n"
            "Målgruppe: ensomme ældre.\n")
    r = _extract(tmp_path, "ringsted.txt", text)
    assert _acts(r) == [("Motionsholdet", "Sundhed"), ("Madklubben", "Sundhed")]


def test_the_last_entry_of_a_party_list_is_no_activity(tmp_path):
    text = ("Delaftale: Uddannelse og livschancer\n\nParter i delaftalen:\nHerning Kommune, Børn og Unge\n"
            "Fritidsklubben Holtbjerg, Mette Dahl (leder)\n\nFormål: Flere unge i uddannelse.\n\n"
            "Aktivitet: Lektiehjørnet\nMålgruppe: Skolebørn\n")
    r = _extract(tmp_path, "herning.txt", text)
    assert _acts(r) == [("Lektiehjørnet", "Uddannelse og livschancer")]


def test_focus_area_sections_headed_with_a_letter_and_a_table_with_the_name_column_so_called(tmp_path):
    text = ("Boligsocial helhedsplan for Bispehaven 2022-2025\n\nIndsatsområde A: Beskæftigelse\n\n"
            "Navn på aktivitet\tMålgruppe\tTovholder\nJobbroen\tLedige 30-50 år\tJobcenter Aarhus\n\n"
            "Indsatsområde B - Kriminalitetsforebyggelse\n\n"
            "Navn på aktivitet\tMålgruppe\tTovholder\nGadeholdet\tUnge 13-17 år\tSSP Aarhus\n")
    r = _extract(tmp_path, "aarhus_bispehaven.txt", text)
    assert [f.name for f in r.focus_areas] == ["Beskæftigelse", "Kriminalitetsforebyggelse"]
    assert _acts(r) == [("Jobbroen", "Beskæftigelse"), ("Gadeholdet", "Kriminalitetsforebyggelse")]


def test_a_lettered_list_of_goals_is_no_list_of_focus_areas(tmp_path):
    text = ("Delaftale: Beskæftigelse\n\nIndsatsområdet skal bidrage til disse mål:\n\n"
            "A. Flere voksne i job\nB. Færre unge uden uddannelse\n\nAktivitet: Jobstedet\nMålgruppe: Ledige\n")
    r = _extract(tmp_path, "holstebro.txt", text)
    assert [f.name for f in r.focus_areas] == ["Beskæftigelse"]
    assert _acts(r) == [("Jobstedet", "Beskæftigelse")]


def test_a_word_table_copied_with_pipes_between_cells_and_none_between_rows(tmp_path):
    text = ("1 Delaftale: Beskæftigelse Formål: Flere beboere i job eller uddannelse. "
            "Aktivitet | Målgruppe | Samarbejdspartnere Jobhuset | Ledige over 30 år | Jobcenter Slagelse, "
            "Slagelse Erhvervscenter Praktik i butik | Unge 16-20 år | Lokale butikker, Jobcenter Slagelse "
            "Mentorordning for kvinder | Kvinder uden job | Foreningen Nydansker\n")
    r = _extract(tmp_path, "slagelse.txt", text)
    assert _acts(r) == [("Jobhuset", "Beskæftigelse"), ("Praktik i butik", "Beskæftigelse"),
                        ("Mentorordning for kvinder", "Beskæftigelse")]


_TAB_TABLE = """Delaftale: Uddannelse og livschancer

Aktivitet\tMålgruppe\tSamarbejdspartnere\tAnsvarlig
Læsevenner\tBørn 6-9 år og deres forældre\tTårnby Bibliotek\tFælles i Tårnby
Lektieklub\tUnge 13-16 år\tKastrup Skole, frivillige\tFælles i Tårnby
Vejen til uddannelse\tUnge 16-24 år uden uddannelse\tUU Tårnby\tUU Tårnby
"""


def test_a_table_of_activities_read_also_when_its_cells_became_single_spaces(tmp_path):
    """A tab table in a web copy: the cells' tabs became spaces, so each row is found at its
    Målgruppe cell (a target group starting it), the name before it; the value the last
    column repeats for every row ('Fælles i Tårnby') is no part of the next row's name."""
    expected = [("Læsevenner", "Uddannelse og livschancer"), ("Lektieklub", "Uddannelse og livschancer"),
                ("Vejen til uddannelse", "Uddannelse og livschancer")]
    for name, text in (("taarnby.txt", _TAB_TABLE), ("taarnby_flat.txt", _flat(_TAB_TABLE))):
        assert _acts(_extract(tmp_path, name, text)) == expected, name


_TITLES = """Delaftale – Beskæftigelse

Mål
Flere beboere i job eller uddannelse

Aktiviteter

Jobcaféen
Målgruppe: Ledige over 30 år
Indhold: Hjælp til ansøgninger hver torsdag i beboerhuset.

Sprogtræning
Målgruppe: Kvinder uden for arbejdsmarkedet
Indhold: Samtalegrupper med frivillige fra Dansk Flygtningehjælp.
"""


def test_activity_titles_without_a_label_also_at_the_end_of_a_run_on_line(tmp_path):
    expected = [("Jobcaféen", "Beskæftigelse"), ("Sprogtræning", "Beskæftigelse")]
    for name, text in (("kolding.txt", _TITLES), ("kolding_flat.txt", _flat(_TITLES))):
        assert _acts(_extract(tmp_path, name, text)) == expected, name


def test_a_table_of_activities_with_a_focus_area_column(tmp_path):
    text = ("Boligsocial helhedsplan for Høje Gladsaxe 2022-2025\n\n"
            "Aktivitet\tIndsatsområde\tMålgruppe\nUngeguiden\tBeskæftigelse\tUnge 18-25 år\n"
            "Åben skolegård\tKriminalitetsforebyggelse\tBørn 8-14 år\n")
    r = _extract(tmp_path, "gladsaxe_hoeje.txt", text)
    assert _acts(r) == [("Ungeguiden", "Beskæftigelse"), ("Åben skolegård", "Kriminalitetsforebyggelse")]


def test_an_unfilled_template_names_no_focus_area(tmp_path):
    text = ("Delaftale for indsatsområdet [Vælg indsatsområde]\n\nIndsatsområde: <indsatsområde>\n\n"
            "Aktivitetsnavn: XX\nMålgruppe: [Beskriv målgruppen]\n")
    r = _extract(tmp_path, "ringkoebing.txt", text)
    assert r.focus_areas == [] and r.activities == []


_MIXED = """DELAFTALE FOR INDSATSOMRÅDET BESKÆFTIGELSE

Aktivitet | Formål | Målgruppe | Ansvarlig
Jobguide | Flere i job | Ledige over 30 år | Jobcenter Hedensted
Praktikbroen | Praktik i lokale virksomheder | Unge 18-25 år | Jobcenter Hedensted

Indsatsområde 2: Tryghed og trivsel

Aktiviteter:
- Nattevagten: frivillige voksne går rundt i området i weekenden
- Gårdfesten: to årlige fester i gården

Delprojekt 3: Ungeklubben
Formål: Et sted at være om aftenen.
Målgruppe: Unge 13-17 år
"""


def test_one_document_with_a_table_bullets_and_a_labelled_heading(tmp_path):
    """A plan that writes its activities in a table in one section, as bullets in another
    and under a labelled heading in a third gives all of them, each in its section."""
    r = _extract(tmp_path, "hedensted.txt", _MIXED)
    assert [f.name for f in r.focus_areas] == ["Beskæftigelse", "Tryghed og trivsel"]
    assert _acts(r) == [("Jobguide", "Beskæftigelse"), ("Praktikbroen", "Beskæftigelse"),
                        ("Nattevagten", "Tryghed og trivsel"), ("Gårdfesten", "Tryghed og trivsel"),
                        ("Ungeklubben", "Tryghed og trivsel")]


def test_focus_area_heading_and_dash_bullets_run_onto_one_line(tmp_path):
    text = _MIXED.split("Delprojekt 3")[0].split("Indsatsområde 2")[1]
    r = _extract(tmp_path, "hedensted_flat.txt", _flat("Indsatsområde 2" + text))
    assert [f.name for f in r.focus_areas] == ["Tryghed og trivsel"]  # not "Tryghed og trivsel Aktiviteter"
    assert _acts(r) == [("Nattevagten", "Tryghed og trivsel"), ("Gårdfesten", "Tryghed og trivsel")]
