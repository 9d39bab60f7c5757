"""Forms of session 20's blind set Q, as made-up delaftaler and plans of three other
municipalities:

* a delaftale's activity table (name, target group, partners, description) whose target
  cells are written in lower case ("ledige beboere 30-64 år"), with its line breaks lost: each
  row is found at its target cell right after the name's last capitalised word, and the name
  runs from the end of the row before (its description's full stop)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = ["Nyborg", "Ringsted", "Varde"]


def _delaftale(town):
    return [f"Delaftale for indsatsområdet Beskæftigelse – Bakkebo, {town}", "",
            f"Delaftalens parter: Jobcenter {town}, Erhverv {town} og helhedsplanens sekretariat", "",
            "Aktiviteter", "",
            "Aktivitetsnavn\tMålgruppe\tSamarbejdspartnere\tBeskrivelse",
            f"Jobcaféen Bakkebo\tledige beboere 30-64 år, herunder kontanthjælpsmodtagere\tJobcenter {town}"
            "\tUgentlig café i fælleshuset med fremskudt jobkonsulent.",
            f"Fritidsjob Bakkebo\tunge 13-17 år\tErhverv {town}\tFormidling af fritidsjob i butikker og på havnen.",
            f"Praktikbroen\tkvinder uden erhvervserfaring\tJobcenter {town}, Erhverv {town}"
            "\tVirksomhedspraktik med mentor fra helhedsplanen.", "",
            "Underskrifter", f"For Jobcenter {town}: Henriette Munk, jobcenterchef"]


@pytest.mark.parametrize("town", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flat", "flattened", "docx"])
def test_a_table_with_target_cells_in_lower_case(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _delaftale(town), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Jobcaféen Bakkebo", "Fritidsjob Bakkebo", "Praktikbroen"}, set(acts)
    assert "unemployed" in acts["Jobcaféen Bakkebo"].target_groups
    assert "youth" in acts["Fritidsjob Bakkebo"].target_groups
    assert "women" in acts["Praktikbroen"].target_groups
    assert name_key(f"Erhverv {town}") in {name_key(p) for p in acts["Fritidsjob Bakkebo"].partners}


def _council(town):
    """A council item's overview: an area, its activities in one cell (semicolons), its main
    partners under a qualified head ("Primære samarbejdspartnere")."""
    return [f"{town} Kommune – Kommunalbestyrelsen", "",
            "Punkt 7. Strategisk samarbejdsaftale for Lindevang 2026-2030", "",
            "Parterne har valgt tre indsatsområder. De vigtigste aktiviteter fremgår af oversigten:", "",
            "Indsatsområde\tAktiviteter\tPrimære samarbejdspartnere",
            f"Uddannelse og livschancer\tSprogstimuli i hjemmet; Lektiecafé Lindevang\tSundhedsplejen, Lindevang Skole, {town} Bibliotek",
            f"Beskæftigelse\tJobværksted Lindevang; Fritidsjobformidling\tJobcenter {town}, {town} Erhvervsråd",
            f"Kriminalitetsforebyggelse\tGadeplan Lindevang; Forældrevandringer\tSSP {town}, {town} Ungdomsskole", "",
            "Målgrupperne er især børn i førskolealderen og deres forældre.", ""]


@pytest.mark.parametrize("town", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
def test_several_activities_in_one_cell(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _council(town), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Sprogstimuli i hjemmet", "Lektiecafé Lindevang", "Jobværksted Lindevang",
                         "Fritidsjobformidling", "Gadeplan Lindevang", "Forældrevandringer"}, set(acts)
    assert acts["Fritidsjobformidling"].focus_area == "Beskæftigelse"
    assert name_key(f"Jobcenter {town}") in {name_key(p) for p in acts["Fritidsjobformidling"].partners}
    names = {name_key(o.name) for o in r.organisations}
    assert not any(n.startswith(("fritidsjobformidling", "forældrevandringer")) for n in names), names


def _status(town):
    """An annual status report's table: the activity, a traffic-light code, the participants
    of the year ("Deltagere 2022"), the partners; a remark in brackets after one name; a budget
    table after it ("Post | Budget 2022 | Forbrug 2022 | Afvigelse")."""
    return [f"Årsstatus 2022 – Helhedsplanen Tranehaven, {town}", "",
            "Delaftale: Uddannelse og livschancer",
            "Aktivitet\tStatus\tDeltagere 2022\tSamarbejdspartnere",
            f"Lektiecafé Tranehaven\tG\t64 børn\tTranehavnskolen, {town} Bibliotek",
            f"Sprogleg for småbørn\tGu\t22 familier\tSundhedsplejen {town}",
            f"Tranehavens Madklub (ny i 2022)\tG\tca. 45 pr. gang\tRøde Kors {town}",
            f"Ferieaktiviteter\tR\t140 børn/unge\t{town} Ungdomsskole", "",
            "Økonomi 2022", "",
            "Post\tBudget 2022\tForbrug 2022\tAfvigelse",
            "Personale\t1.610.000\t1.585.000\t25.000",
            "Aktiviteter\t520.000\t471.000\t49.000", ""]


@pytest.mark.parametrize("town", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
def test_a_status_table_with_codes(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _status(town), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Lektiecafé Tranehaven", "Sprogleg for småbørn", "Tranehavens Madklub",
                         "Ferieaktiviteter"}, set(acts)
    assert {name_key(p) for p in acts["Lektiecafé Tranehaven"].partners} == {name_key("Tranehavnskolen"),
                                                                             name_key(f"{town} Bibliotek")}
    assert name_key(f"Røde Kors {town}") in {name_key(p) for p in acts["Tranehavens Madklub"].partners}
    names = {name_key(o.name) for o in r.organisations}
    assert not any(" g " in f" {n} " or n.endswith((" gu", " r")) for n in names), names


def _web_plan(town, place):
    """A strategic agreement whose parties are defined with their initials in a sentence
    ("Hjørring Kommune (HK)") and sign by them, whose delaftaler were copied from a web page:
    each headed "<area> – delaftale mellem ...", its fields run together ("... i BT og
    BKAktivitet: ..."), partners in an "Ansvar:" field, institutions named by a definite
    compound and their town ("Kystskolen Hirtshals")."""
    initial = town[0]
    return [f"{town} Kommune – Boligsocial indsats", "", "STRATEGISK SAMARBEJDSAFTALE", f"{place} i Medvind", "",
            f"Aftalen indgås mellem {town} Kommune ({initial}K), Boligselskabet Tornbo (BT) og Boligforeningen Kjulbo (BK).",
            "", "Underskrifter", f"{initial}K: Claus Skov Thrane, kommunaldirektør", "BT: Jytte Grøn Mølbak, direktør", "",
            "Indsatsområder", "a) Tryghed og trivsel", "b) Uddannelse og beskæftigelse", "",
            "Delaftaler og aktiviteter",
            "Tryghed og trivsel – delaftale mellem BT, BK og sekretariatetAktivitet: NaboskabsvejlederneMålgruppe: alle "
            "beboere og afdelingsbestyrelserneAnsvar: sekretariatet med driftslederne i BT og BKAktivitet: "
            f"{place} HavnefestMålgruppe: alle beboereAnsvar: afdelingsbestyrelserne, Natteravnene {place}",
            f"Uddannelse og beskæftigelse – delaftale mellem Jobcenter {town}, Kystskolen {place} og sekretariatetAktivitet: "
            f"Lektier ved HavetMålgruppe: elever i 0.-6. klasseAnsvar: Kystskolen {place}, Familiecentret {town}", ""]


PLACES = {"Hjørring": "Hirtshals", "Frederikshavn": "Sæby", "Vejle": "Jelling"}


@pytest.mark.parametrize("town", PLACES)
@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
def test_initials_defined_in_a_sentence_and_a_web_copy_of_delaftaler(tmp_path, make_docx, make_pdf, town, how):
    place = PLACES[town]
    r = _extract(tmp_path, _web_plan(town, place), how, make_docx, make_pdf)
    orgs = {o.name: o for o in r.organisations}
    assert f"{town[0]}K" in orgs[f"{town} Kommune"].aliases and orgs[f"{town} Kommune"].is_party
    assert f"{town[0]}K" not in orgs
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Naboskabsvejlederne", f"{place} Havnefest", "Lektier ved Havet"}, set(acts)
    assert acts["Naboskabsvejlederne"].focus_area == "Tryghed og trivsel"
    assert acts["Lektier ved Havet"].focus_area == "Uddannelse og beskæftigelse"
    assert name_key(f"Kystskolen {place}") in {name_key(p) for p in acts["Lektier ved Havet"].partners}
    assert {f"Kystskolen {place}", f"Familiecentret {town}"} <= set(orgs), set(orgs)
    if how != "flattened":  # (flattened, the next delaftale's heading runs onto it: "Natteravnene Jelling Uddannelse ...")
        assert f"Natteravnene {place}" in orgs, set(orgs)


def _pdf_table(town):
    """A PDF's table of activities as its text comes out: the head row alone on a line, each
    row's cells one space apart (a row wrapped onto the next line), the focus areas as rows of
    their own, target cells in lower case."""
    return [f"Strategisk samarbejdsaftale for Gødvang, {town} 2025-2028", "",
            "Bilag 1 – Aktivitetsoversigt",
            "Aktivitet Målgruppe Samarbejdspartnere",
            "Uddannelse og livschancer",
            f"Lektiecafé Gødvang elever i 2.-7. klasse Gødvangskolen, {town} Bibliotek, frivillige fra",
            f"Dansk Røde Kors {town}",
            f"Sprogkassen børn 1-5 år og deres forældre Dagtilbud {town} Vest, Sundhedsplejen",
            "Forældrecaféen Gødvang forældre til børn i 0.-3. klasse Gødvangskolen, Sundhedsplejen",
            "Beskæftigelse",
            f"Job i Gødvang ledige beboere 25-64 år Jobcenter {town}, {town} Erhvervsforum",
            f"Første Job unge 14-17 år Jobcenter {town}",
            "Side 4 af 5", ""]


@pytest.mark.parametrize("town", TOWNS)
def test_a_pdf_table_whose_cells_came_as_words(tmp_path, make_docx, make_pdf, town):
    r = _extract(tmp_path, _pdf_table(town), "as written", make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Lektiecafé Gødvang", "Sprogkassen", "Forældrecaféen Gødvang", "Job i Gødvang",
                         "Første Job"}, set(acts)
    assert acts["Lektiecafé Gødvang"].focus_area == "Uddannelse og livschancer"
    assert acts["Første Job"].focus_area == "Beskæftigelse"
    assert name_key(f"Jobcenter {town}") in {name_key(p) for p in acts["Første Job"].partners}
    assert acts["Første Job"].sources[0].line in (11, 12)  # (cited at its line: its own, or the one the reader joined it to)


def _programme(town):
    """A kick-off day's programme: workshops lettered A, B, C, each named with its focus area in
    brackets (the document lists the areas nowhere else), its description and host below."""
    return [f"Invitation til opstartsdag – helhedsplanen for Bakkehøj, {town}", "",
            "10.55  WORKSHOPRUNDE 1 – vælg én",
            "  A  Lektiecafé Bakkehøj  [Uddannelse og livschancer]",
            "     For elever i 1.-9. klasse. Med skoleleder Ib Dreyer, Bakkehøjskolen",
            "  B  Jobspottet  [Beskæftigelse]",
            f"     For ledige over 25 år. Med virksomhedskonsulent Yasmin Poulsen, Jobcenter {town}",
            "  C  Gadeteam Bakkehøj  [Kriminalitetsforebyggelse]",
            f"     For unge 13-22 år. Med SSP-konsulent Michael Krogh, SSP {town}", "",
            "12.00  Frokost", ""]


@pytest.mark.parametrize("town", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_workshops_tagged_with_their_focus_areas(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _programme(town), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Lektiecafé Bakkehøj", "Jobspottet", "Gadeteam Bakkehøj"}, set(acts)
    assert acts["Jobspottet"].focus_area == "Beskæftigelse"
    names = {o.name for o in r.organisations}
    assert not any("[" in n for n in names) and "Bakkehøjskolen" in names, names
    assert {c.name: c.organisation for c in r.contacts}.get("Yasmin Poulsen") == f"Jobcenter {town}"


def _draft(town):
    """A delaftale's Word draft: a running header "Delaftale – <area> · <plan> · UDKAST" over
    numbered chapters ("4. Kontaktpersoner", "5. Aktiviteter"), the activities in a table."""
    return [f"{town} Kommune · Jobcenter {town}", "Delaftale – Beskæftigelse · Nyt Kapitel · UDKAST", "",
            "1. Delaftalens rammer", "Indsatsområde: Beskæftigelse", "",
            "2. Baggrund", "Mange beboere står uden for arbejdsmarkedet.", "",
            "3. Kontaktpersoner", "Organisation\tNavn og titel\tMail",
            f"Jobcenter {town}\tOsman Friis, jobkonsulent\tof@jobcenter.dk", "",
            "4. Aktiviteter", "Aktivitetsnavn\tMålgruppe\tSamarbejdspartnere",
            f"Jobcaféen Engbo\tledige beboere 30-64 år\tJobcenter {town}",
            f"Praktikbroen\tkvinder uden erhvervserfaring\tJobcenter {town}", "",
            "5. Ressourcer og organisering", "Delaftalen koordineres af sekretariatet.", ""]


@pytest.mark.parametrize("town", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_drafts_running_header_and_numbered_chapters(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _draft(town), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Jobcaféen Engbo", "Praktikbroen"}, set(acts)
    assert {a.focus_area for a in r.activities} == {"Beskæftigelse"}
    assert [f.name for f in r.focus_areas] == ["Beskæftigelse"]
