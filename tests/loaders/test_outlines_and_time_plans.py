"""Forms of session 18's blind set O, as made-up agreements of three other municipalities:

* an older plan written as an outline ("I. / A. / 1. / a) / i)"): its focus areas are the
  lettered sections of the chapter that names them ("III. INDSATSOMRÅDER"), not those of
  the introduction ("A. Baggrund", "B. Periode"); each counted item an activity with its
  fields as lettered sub-items, the partners counted "i) X; ii) Y"; the parties a counted
  list under "A. Parter", the signatures under "V. UNDERSKRIFTER";
* a time plan (Gantt chart) laid out with spaces: rules drawn with box-drawing lines, a
  group's row in capitals ("B  SUNDHED") naming the focus area of the rows under it, the
  quarters' cells drawn with filled squares;
* activities grouped by target group, each with its focus area in brackets after its name
  ("▸ Lektiecaféen [Uddannelse og livschancer]"), the areas listed in a sentence under the
  "Indsatsområder" heading;
* an agreement kept on a wiki: MediaWiki markup (links, bold, templates with the plan's
  facts and a contact box, struck-out text, categories);
* fields written "Label — value — value"; an organisation diagram drawn as a tree; questions
  and answers; a board charter's "5.1 Delaftale 1 – X" and "Pkt. 6"; vCards."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = ["Randers", "Slagelse", "Viborg"]


def _outline(town):
    return [f"HELHEDSPLAN FOR ENGTOFTEN I {town.upper()}", "»Sammen i Engtoften« – helhedsplan 2009-2012", "",
            "I.   INDLEDNING", "     A. Baggrund",
            "        1. Engtoften består af to afdelinger med i alt 420 boliger.",
            "     B. Periode", "        1. Helhedsplanen løber fra 1. juli 2009 til 30. juni 2012.", "",
            "II.  PARTER OG ORGANISERING", "     A. Parter",
            f"        1. Boligselskabet {town}bo (ansøger og projektejer);", f"        2. {town} Kommune.",
            "     B. Styregruppe", f"        1. Ole Dam, direktør, Boligselskabet {town}bo (formand);",
            f"        2. Eva Lind, chef for Børn og Familie, {town} Kommune.", "",
            "III. INDSATSOMRÅDER OG AKTIVITETER", "     A. Uddannelse", "        1. Lektiehjælpen",
            "           a) Målgruppe: børn i 1.-6. klasse.",
            f"           b) Samarbejdspartnere: i) {town} Bibliotek; ii) Røde Kors {town}.",
            f"           c) Ansvarlig: Mia Holt, bibliotekar, {town} Bibliotek, tlf. 89 15 20 30.",
            "        2. Forældreskolen", "           a) Målgruppe: forældre til skolebørn.",
            f"           b) Samarbejdspartnere: i) Sundhedsplejen {town}.",
            "     B. Tryghed og trivsel", "        1. Nattevandring", "           a) Målgruppe: unge 14-18 år.",
            f"           b) Samarbejdspartnere: i) SSP {town}; ii) Natteravnene.",
            "        2. Gårdfesten", "           a) Målgruppe: alle beboere.", "",
            "IV.  ØKONOMI", "     A. Samlet budget 3,1 mio. kr.", "",
            "V.   UNDERSKRIFTER", f"     For Boligselskabet {town}bo: Ole Dam, direktør",
            f"     For {town} Kommune: Jens Krog, kommunaldirektør"]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_an_older_plan_written_as_an_outline(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _outline(town), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Uddannelse", "Tryghed og trivsel"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Lektiehjælpen", "Uddannelse"), ("Forældreskolen", "Uddannelse"),
        ("Nattevandring", "Tryghed og trivsel"), ("Gårdfesten", "Tryghed og trivsel")]
    partners = {a.name: {name_key(p) for p in a.partners} for a in r.activities}
    assert {name_key(f"{town} Bibliotek"), name_key(f"Røde Kors {town}")} <= partners["Lektiehjælpen"]
    assert name_key(f"SSP {town}") in partners["Nattevandring"]
    parties = {o.name for o in r.organisations if "party" in o.roles}
    assert parties == {f"Boligselskabet {town}bo", f"{town} Kommune"}


def _row(*cells, at=(0, 27, 61, 66, 75)):
    line = ""
    for cell, col in zip(cells, at):
        line = line.ljust(col) + cell
    return line


def _time_plan(town):
    rule = "─" * 84
    return ["BILAG 1 TIL STRATEGISK SAMARBEJDSAFTALE", f"Vestparken, {town} – tids- og aktivitetsplan 2025-2026", "",
            "TIDSPLAN (K = kvartal)", "", _row("Aktivitet", "Partnere", "Mg.", "2025", "2026"),
            _row("", "", "", "1 2 3 4", "1 2 3 4"), rule, "",
            "A  BESKÆFTIGELSE",
            _row("Jobcaféen", f"Jobcenter {town}", "V", "■ ■ ■ ■", "■ ■ ■ ■"),
            _row("Praktikbroen", f"Jobcenter {town}, Erhvervsrådet", "U", "· · ■ ■", "■ ■ ■ ■"), "",
            "B  SUNDHED",
            _row("Motion for kvinder", f"Sundhedscenter {town}", "K", "■ ■ · ·", "■ ■ · ·"),
            _row("Madklubben", f"Frivilligcenter {town}", "A", "· ■ · ·", "· ■ · ·"), rule,
            "Målgruppekoder: V = ledige voksne · U = unge · K = kvinder · A = alle beboere"]


@pytest.mark.parametrize("town", TOWNS)
def test_a_time_plan_laid_out_with_spaces_and_squares(tmp_path, make_docx, make_pdf, town):
    r = _extract(tmp_path, _time_plan(town), "as written", make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Beskæftigelse", "Sundhed"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Jobcaféen", "Beskæftigelse"), ("Praktikbroen", "Beskæftigelse"),
        ("Motion for kvinder", "Sundhed"), ("Madklubben", "Sundhed")]
    partners = {a.name: {name_key(p) for p in a.partners} for a in r.activities}
    assert name_key(f"Jobcenter {town}") in partners["Praktikbroen"]
    assert name_key(f"Sundhedscenter {town}") in partners["Motion for kvinder"]


def _by_target_group(town):
    return ["Strategisk samarbejdsaftale 2025-2028", f"MØLLEBAKKEN SAMMEN – den boligsociale indsats i Møllebakken, {town}", "",
            "Aftalens parter", f"Boligforeningen {town}bo · {town} Kommune", "",
            "Indsatsområder", "Parterne har indgået delaftaler inden for tre indsatsområder: Uddannelse og",
            "livschancer, Beskæftigelse samt Tryghed og trivsel.", "",
            "INDSATSER EFTER MÅLGRUPPE", "",
            "Børn 0-12 år", "  ▸ Lektiecaféen Møllen [Uddannelse og livschancer]",
            f"    For skolebørn i 1.-6. klasse. Samarbejde med {town} Bibliotek.", "",
            "Unge 13-17 år", "  ▸ Fritidsjobhjælpen [Beskæftigelse]",
            f"    Hjælp til første fritidsjob. Samarbejde med Jobcenter {town}.",
            "  ▸ Aftenklubben [Tryghed og trivsel – også relevant for Uddannelse og livschancer]",
            f"    Klub fredag aften. Samarbejde med SSP {town}.", "",
            "Alle beboere", "  ▸ Gårdfesten [Tryghed og trivsel]",
            "    Årlig fest med afdelingsbestyrelserne.", "",
            "Økonomi", "Landsbyggefonden 6,1 mio. kr."]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_activities_grouped_by_target_group_with_their_focus_area_in_brackets(tmp_path, make_docx, make_pdf,
                                                                             town, how):
    r = _extract(tmp_path, _by_target_group(town), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse", "Tryghed og trivsel"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Lektiecaféen Møllen", "Uddannelse og livschancer"), ("Fritidsjobhjælpen", "Beskæftigelse"),
        ("Aftenklubben", "Tryghed og trivsel"), ("Gårdfesten", "Tryghed og trivsel")]
    acts = {a.name: a for a in r.activities}
    assert "children" in acts["Lektiecaféen Møllen"].target_groups
    assert "youth" in acts["Fritidsjobhjælpen"].target_groups
    assert name_key(f"Jobcenter {town}") in {name_key(p) for p in acts["Fritidsjobhjælpen"].partners}


def _wiki_page(town):
    return [f"Intranet › Boligsocialt Netværk › {town} › Østerlund Sammen", "",
            "{{Infobox boligsocial indsats", "| navn         = Østerlund Sammen",
            "| billede      = [[Fil:Oesterlund.jpg|220px]]",
            "| periode      = 1. januar 2024 – 31. december 2027",
            f"| parter       = [[Boligselskabet {town}hus]]<br />[[{town} Kommune]]", "}}",
            f"'''Østerlund Sammen''' er den boligsociale helhedsplan for Østerlund i [[{town}]].<ref>Aftalen, 2023.</ref>",
            "", "== Indsatsområder og delaftaler ==", "=== Beskæftigelse ===",
            f"* '''Jobhuset''' – målgruppe: ledige voksne – partnere: [[Jobcenter {town}|Jobcentret]], [[{town} Erhvervsråd]]",
            f"* <s>'''Cykelværkstedet'''</s> – lukket 2025", "=== Uddannelse og livschancer ===",
            f"* '''Lektiecaféen''' – målgruppe: skolebørn – partnere: [[{town} Bibliotek|biblioteket]]",
            "* '''Sprogleg''' – målgruppe: børn 0-5 år – partnere: [[Sundhedsplejen]]", "",
            "== Kontakt ==", "{{Kontaktboks", "| navn  = Lise Bach Holm", "| titel = Boligsocial leder",
            f"| org   = [[Boligselskabet {town}hus]]", f"| mail  = lbh@{town.lower()}hus.dk", "| tlf   = 41 22 33 44", "}}",
            "", "== Se også ==", "* [[Østerlund Sammen/Delaftale 1|Delaftale 1]]", "",
            "[[Kategori:Boligsociale helhedsplaner]]"]


@pytest.mark.parametrize("town", TOWNS)
def test_an_agreement_kept_on_a_wiki_page(tmp_path, make_docx, make_pdf, town):
    r = _extract(tmp_path, _wiki_page(town), "as written", make_docx, make_pdf)
    assert r.plan.name == "Østerlund Sammen"
    assert [fa.name for fa in r.focus_areas] == ["Beskæftigelse", "Uddannelse og livschancer"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Jobhuset", "Beskæftigelse"), ("Lektiecaféen", "Uddannelse og livschancer"),
        ("Sprogleg", "Uddannelse og livschancer")]   # (struck out: no activity)
    assert name_key(f"Jobcenter {town}") in {name_key(p) for p in r.activities[0].partners}
    assert {o.name for o in r.organisations if "party" in o.roles} == {f"Boligselskabet {town}hus", f"{town} Kommune"}
    (c,) = [c for c in r.contacts if c.name == "Lise Bach Holm"]
    assert (c.email, c.phone, c.organisation) == (f"lbh@{town.lower()}hus.dk", "41223344", f"Boligselskabet {town}hus")
    assert not any("[[" in o.name or "'''" in o.name for o in r.organisations)


def _charter(town):
    return ["KOMMISSORIUM OG FORRETNINGSORDEN", "for bestyrelsen for den boligsociale helhedsplan »Nørrebakken Nu«", "",
            "Pkt. 1  Grundlag", f"1.1  Bestyrelsen er nedsat i henhold til den strategiske samarbejdsaftale mellem",
            f"     Boligselskabet {town}gård og {town} Kommune.", "",
            "Pkt. 5  Delaftaler og aktiviteter under bestyrelsens tilsyn", "5.1  Delaftale 1 – Beskæftigelse",
            f"     – Jobtræffet: ledige voksne; partner Jobcenter {town}.",
            f"     – Praktikhjælpen: unge 18-29 år; partnere Jobcenter {town} og {town} Erhvervsforum.",
            "5.2  Delaftale 2 – Kriminalitetsforebyggelse",
            f"     – Nattevandring: alle beboere; partner Natteravnene {town}.", "",
            "Pkt. 6  Habilitet og tavshedspligt",
            "6.1  Et medlem deltager ikke i behandlingen af sager, hvor medlemmet er inhabilt.", "",
            "Pkt. 7  Ændringer", "7.1  Forretningsordenen kan ændres med enighed blandt parterne."]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_a_board_charter_s_numbered_delaftaler_and_points(tmp_path, make_docx, make_pdf, town, how):
    """'5.1 Delaftale 1 – Beskæftigelse' names the focus area Beskæftigelse (not 'Delaftale 1 –
    Beskæftigelse'); 'Pkt. 6 Habilitet ...' after the last activity is the next point, no activity."""
    r = _extract(tmp_path, _charter(town), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Beskæftigelse", "Kriminalitetsforebyggelse"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Jobtræffet", "Beskæftigelse"), ("Praktikhjælpen", "Beskæftigelse"), ("Nattevandring", "Kriminalitetsforebyggelse")]


def _dash_fields(town):
    return ["DELAFTALE — BESKÆFTIGELSE", f"Fælles Fremtid — boligsocial helhedsplan i {town}", "",
            "Helhedsplan — Fælles Fremtid",
            f"Delaftalens parter — Boligselskabet {town}vang — {town} Kommune, Jobcenter {town} —",
            f"                     {town} Erhvervsråd",
            "Periode — 1. januar 2026 — 31. december 2029", "Indsatsområde — Beskæftigelse", "",
            f"Kontaktperson for delaftalen — Per Vang — boligsocial leder — Boligselskabet {town}vang —",
            f"                               pv@{town.lower()}vang.dk — 40 50 60 70", "",
            "Aktivitetsnavn — Jobbroen — for unge", "Målgruppe(r) — unge 18-29 år uden job",
            f"Partnere — Jobcenter {town} — {town} Erhvervsråd", "",
            "Aktivitetsnavn — Kvindejob", "Målgruppe(r) — kvinder uden for arbejdsmarkedet",
            f"Partnere — Jobcenter {town}", "",
            "Aktivitetsnavn — Sommerjob — udgår", "Bemærkning — erstattet af kommunens egen ordning"]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_fields_written_label_dash_value(tmp_path, make_docx, make_pdf, town, how):
    """'Label — value — value' fields (an em dash for the colon and between a value's items);
    an activity whose name ends '— udgår' is no activity of the agreement."""
    r = _extract(tmp_path, _dash_fields(town), how, make_docx, make_pdf)
    assert [(a.name, a.focus_area) for a in r.activities] == [("Jobbroen", "Beskæftigelse"), ("Kvindejob", "Beskæftigelse")]
    assert {name_key(p) for p in r.activities[0].partners} == {name_key(f"Jobcenter {town}"), name_key(f"{town} Erhvervsråd")}
    (c,) = [c for c in r.contacts if c.name == "Per Vang"]
    assert (c.email, c.organisation) == (f"pv@{town.lower()}vang.dk", f"Boligselskabet {town}vang")
    assert (r.plan.period_start, r.plan.period_end) == ("2026-01-01", "2029-12-31")


def _org_diagram(town):
    return [f"{town} Kommune · Boligforeningen {town}bo · Vestbo", "", "ENGEN LØFTER",
            f"Strategisk samarbejdsaftale om den boligsociale indsats i Engen 2025-2028", "",
            "1. Aftalens parter", f"Boligforeningen {town}bo, Vestbo og {town} Kommune.", "",
            "2. Indsatsområder og delaftaler",
            "Parterne har valgt to indsatsområder med hver sin delaftale: Uddannelse og",
            "livschancer samt Kriminalitetsforebyggelse.", "",
            "3. Organisering", "Bestyrelsen for Engen Løfter",
            f"├── Formand: Eva Holm, direktør, Boligforeningen {town}bo",
            f"└── Boligsocial leder: Kim Lund, Boligforeningen {town}bo",
            f"    │   tlf. 40 11 22 33 · kl@{town.lower()}bo.dk",
            "    ├── Medarbejder, Uddannelse og livschancer: Sara Bak",
            "    │   ├── Lektieklubben", "    │   │     målgruppe: børn 6-12 år",
            f"    │   │     partnere: Engskolen, {town} Bibliotek",
            "    │   └── Familiestart", "    │         målgruppe: forældre til børn 0-5 år",
            "    │         partnere: Sundhedsplejen",
            "    └── Medarbejder, Kriminalitetsforebyggelse: Ali Demir",
            "        └── Gadeteamet", "              målgruppe: unge 13-17 år",
            f"              partnere: SSP {town}", "",
            "4. Økonomi", "Landsbyggefonden bevilger 7,2 mio. kr."]


@pytest.mark.parametrize("town", TOWNS)
def test_an_organisation_diagram_drawn_as_a_tree(tmp_path, make_docx, make_pdf, town):
    """Activities as the leaves of a tree under the staff member for their focus area
    ("Medarbejder, Uddannelse og livschancer: ..."); the letterhead of the parties' names
    over the title is no plan name."""
    r = _extract(tmp_path, _org_diagram(town), "as written", make_docx, make_pdf)
    assert r.plan.name is not None and r.plan.name.casefold() == "engen løfter"
    assert [fa.name for fa in r.focus_areas] == ["Uddannelse og livschancer", "Kriminalitetsforebyggelse"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Lektieklubben", "Uddannelse og livschancer"), ("Familiestart", "Uddannelse og livschancer"),
        ("Gadeteamet", "Kriminalitetsforebyggelse")]
    assert name_key(f"{town} Bibliotek") in {name_key(p) for p in r.activities[0].partners}
    (c,) = [c for c in r.contacts if c.name == "Kim Lund"]
    assert (c.email, c.phone) == (f"kl@{town.lower()}bo.dk", "40112233")


def _questions(town):
    return [f"Strategisk samarbejdsaftale for den boligsociale indsats »Lindely Sammen« i {town}",
            "– fortalt som spørgsmål og svar", "",
            "Hvem er parterne?", f"Svar: Aftalens parter er Boligselskabet {town}hjem og {town} Kommune.", "",
            "Hvilke indsatsområder har parterne valgt?",
            "Svar: To: Tryghed og trivsel samt Uddannelse og livschancer. Der er en delaftale for hvert.", "",
            "Hvilke aktiviteter hører under Tryghed og trivsel?",
            "Svar: Aktivitetsnavn: Nabohjælpen. Målgruppe: alle beboere. Partner: Frivilligcenter " + town + ".",
            "Aktivitetsnavn: Fællesspisning. Målgruppe: børnefamilier og enlige.", "",
            "Hvilke aktiviteter hører under Uddannelse og livschancer?",
            f"Svar: Aktivitetsnavn: Lektierummet. Målgruppe: skolebørn. Partnere: {town} Bibliotekerne.", "",
            "Hvem kan jeg kontakte?", f"Svar: Boligsocial leder Ida Kvist, Boligselskabet {town}hjem, ik@{town.lower()}hjem.dk."]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_an_agreement_told_as_questions_and_answers(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _questions(town), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Tryghed og trivsel", "Uddannelse og livschancer"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Nabohjælpen", "Tryghed og trivsel"), ("Fællesspisning", "Tryghed og trivsel"),
        ("Lektierummet", "Uddannelse og livschancer")]


def _cards(town):
    low = town.lower()
    return [f"DELAFTALE – KRIMINALITETSFOREBYGGELSE", f"Skovparken · boligsocial helhedsplan i {town} Kommune", "",
            f"Delaftalens parter: Boligselskabet {town}skov og SSP {town}.", "Indsatsområde: Kriminalitetsforebyggelse", "",
            "Aktivitetsnavn: Aftenpatruljen", "Målgruppe(r): unge 14-18 år", f"Partnere: SSP {town}", "",
            "Kontaktpersoner", "BEGIN:VCARD", "VERSION:3.0", "N:Holm;Lise;;;", "FN:Lise Holm",
            f"ORG:{town} Kommune;SSP {town}", "TITLE:SSP-koordinator\\, Skovparken",
            f"EMAIL;TYPE=INTERNET:lh@{low}.dk", "TEL;TYPE=CELL:+45 25 13 86 02", "END:VCARD", "",
            "BEGIN:VCARD", "VERSION:2.1",
            "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:S=C3=B8ren S=C3=B8rensen",
            f"ORG:Boligselskabet {town}skov", f"EMAIL;INTERNET:sos@{low}skov.dk", "END:VCARD", "",
            "BEGIN:VCARD", "VERSION:4.0", "FN:Anna Bjørk", f"ORG:Politiet;Lokalpolitiet {town[:4]}",
            f" {town[4:]}", "TEL;VALUE=uri;TYPE=cell:tel:+45-7258-1149", "END:VCARD"]


@pytest.mark.parametrize("town", TOWNS)
def test_contacts_pasted_as_vcards(tmp_path, make_docx, make_pdf, town):
    """vCards 2.1-4.0 (a folded line, an escaped comma, quoted-printable Danish letters, a
    'tel:' number): each a contact with its most specific unit; the plan named before '·'."""
    r = _extract(tmp_path, _cards(town), "as written", make_docx, make_pdf)
    got = {c.name: (c.organisation, c.email, c.phone) for c in r.contacts}
    assert got["Lise Holm"] == (f"SSP {town}", f"lh@{town.lower()}.dk", "+4525138602")
    assert got["Søren Sørensen"] == (f"Boligselskabet {town}skov", f"sos@{town.lower()}skov.dk", None)
    assert got["Anna Bjørk"][0] == f"Lokalpolitiet {town}" and got["Anna Bjørk"][2] == "+4572581149"
    assert r.plan.name == "Skovparken"


def _budget(town):
    row = lambda a, b, *n: _row(a, b, *n, at=(0, 5, 60, 66, 72))  # noqa: E731
    return [f"HELHEDSPLAN STRANDPARKEN I FÆLLESSKAB 2013-2016",
            "Bilag 3 til ansøgning om støtte fra Landsbyggefonden: BUDGET OG FINANSIERING", "",
            f"Ansøger: Boligselskabet {town}bo i samarbejde med {town} Kommune", "",
            "Tabel 1. Udgifter fordelt på indsatsområder og aktiviteter", "",
            row("Nr.", "Post", "2013", "2014", "I alt"),
            row("1", "INDSATSOMRÅDE 1: BESKÆFTIGELSE"),
            row("1.1", "Jobcaféen Strand – drift og materialer", "120", "125", "245"),
            row("", f"(konsulenten udlånes af Jobcenter {town})"),
            row("1.2", "Ung i Job – mentorhonorarer", "80", "85", "165"),
            row("2", "INDSATSOMRÅDE 2: BØRN, UNGE OG FAMILIER"),
            row("2.1", "Lektiecafé Strand – materialer", "40", "40", "80"),
            row("3", "FÆLLES OMKOSTNINGER"),
            row("3.1", "Projektleder, 37 t./uge", "520", "530", "1050"),
            row("", "I ALT", "760", "780", "1540")]


@pytest.mark.parametrize("town", TOWNS)
def test_activities_named_only_in_a_budget(tmp_path, make_docx, make_pdf, town):
    """An application's budget annex: cost rows under "INDSATSOMRÅDE N: X" are the area's
    activities (named before the dash), shared costs none."""
    r = _extract(tmp_path, _budget(town), "as written", make_docx, make_pdf)
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Jobcaféen Strand", "Beskæftigelse"), ("Ung i Job", "Beskæftigelse"),
        ("Lektiecafé Strand", "Børn, unge og familier")]
    assert name_key(f"Jobcenter {town}") in {name_key(p) for p in r.activities[0].partners}


@pytest.mark.parametrize("how", ["as written", "flat", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_parties_listed_in_a_sentence_with_their_role_after_them(tmp_path, make_docx, make_pdf, town, how):
    """'... samarbejdsaftale mellem A,' / 'B og C (aftalens parter) om ...': three parties (the
    last two were one, "B og C", with the note after them; the list wrapped over two lines)."""
    lines = ["BILAG 2 TIL STRATEGISK SAMARBEJDSAFTALE", f"Lindegården – tids- og aktivitetsplan 2024-2027", "",
             f"Bilaget er en del af den strategiske samarbejdsaftale mellem Boligforeningen {town}hjem,",
             f"Boligselskabet {town}bo og {town} Kommune (aftalens parter) om den boligsociale indsats i",
             "Lindegården. Aftalen gælder fra 1. januar 2024 til 31. december 2027.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {o.name for o in r.organisations if "party" in o.roles} == {
        f"Boligforeningen {town}hjem", f"Boligselskabet {town}bo", f"{town} Kommune"}


@pytest.mark.parametrize("town", TOWNS)
def test_other_municipalities_named_in_an_activity_s_text_are_no_partners(tmp_path, make_docx, make_pdf, town):
    """"Projektet implementeres også i Gladsaxe Kommune og Hillerød Kommune": places, not partners
    of the activity (they made a Copenhagen plan share partners with plans in those towns, and
    one of them the store's first broker); the plan's own municipality named so stays one."""
    lines = ["Delaftale for indsatsområdet Sundhed", f"Aftalens parter: Boligselskabet {town}hus og {town} Kommune", "",
             "Aktivitetsnavn: Sund i Parken",
             "Målgruppe(r): voksne med diabetes",
             f"Beskrivelse: Sundhedsambassadører uddannes sammen med {town} Kommune og Steno Diabetes Center.",
             "Projektet implementeres også i Gladsaxe Kommune og Hillerød Kommune.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    (act,) = r.activities
    assert f"{town} Kommune" in act.partners
    assert not {"Gladsaxe Kommune", "Hillerød Kommune"} & set(act.partners)


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_a_running_header_s_fields_after_the_plan_s_name(tmp_path, make_docx, make_pdf, town, how):
    """"Østerby Sammen · Styregruppen · Referat 2/2025" (a Word header read before the body):
    the plan's name is its first field."""
    lines = ["Østerby Sammen · Styregruppen · Referat 2/2025", "",
             "Referat af styregruppens møde den 12. marts 2025",
             f"Aftalens parter: Boligselskabet {town}bo og {town} Kommune", "",
             "1. Godkendelse af dagsorden", "Dagsordenen blev godkendt.", "",
             "2. Status på den boligsociale helhedsplan", "Sekretariatet orienterede om årets aktiviteter."]
    assert _extract(tmp_path, lines, how, make_docx, make_pdf).plan.name == "Østerby Sammen"
