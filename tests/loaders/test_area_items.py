"""Activities listed under a focus area's heading in every form (made-up agreements in
other municipalities' names): heading forms ("Indsatsområde 2 – X", "5.1 Indsatsområde:
X", "INDSATSOMRÅDE B: X" between rule lines, "Tema 3: X", "Fokusområde 1 - X"), bullets
of every kind and counted items, a name with its description after a dash, after a colon
or on the lines below, lettered and numbered ids; each as written, with its line breaks
lost, and from .docx and .pdf. Goals listed under "Mål:" and lists after other lead-ins
are no activities."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from samspil.loaders import extract_file

TOWNS = ["Vejen", "Frederikshavn", "Hjørring", "Ringsted", "Nyborg", "Kalundborg", "Guldborgsund", "Tønder",
         "Assens", "Mariagerfjord", "Faaborg-Midtfyn", "Skanderborg"]
AREAS = [("Beskæftigelse", ["Jobcafé Østervang", "Virksomhedsbesøg", "Sommerjob for unge"]),
         ("Tryghed og trivsel", ["Natteravne", "Fælles madklub"])]
DESCRIPTIONS = ["åben rådgivning om job hver tirsdag", "Ture til lokale virksomheder for unge.",
                "hjælp til at finde et fritidsjob", "Frivillige voksne går rundt fredag aften.",
                "spisning for alle beboere i beboerhuset"]


def _heading(form: int, n: int, area: str) -> list[str]:
    letter = "AB"[n - 1]
    return [[f"Indsatsområde {n} – {area}"], [f"Indsatsområde {n}: {area}"], [f"5.{n} Indsatsområde: {area}"],
            ["=" * 30, f"INDSATSOMRÅDE {letter}: {area.upper()}", "=" * 30],
            ["*" * 30, f"Tema {n}: {area}", "*" * 30], [f"Fokusområde {n} - {area}"]][form]


def _item(mark: str, k: int, name: str, sep: int, description: str) -> list[str]:
    mark = {"1)": f"{k + 1})", "a)": f"{'abc'[k]})", "1.": f"{k + 1}."}.get(mark, mark)
    if sep == 0:
        return [f"{mark} {name} – {description}"]
    if sep == 1:
        return [f"{mark} {name}: {description}"]
    if sep == 2:
        return [f"{mark} {name}", f"   {description[0].upper()}{description[1:]}"]
    return [f"{mark} {name}"]


def _agreement(town: str, form: int, mark: str, sep: int, lead: bool) -> str:
    lines = [f"Boligsocial helhedsplan for Østervang, {town}", "Periode: 2024-2027", ""]
    for n, (area, names) in enumerate(AREAS, start=1):
        lines += _heading(form, n, area) + [""]
        if lead:
            lines += ["Mål:", "- Flere beboere skal være i job eller uddannelse.", "", "Aktiviteter:"]
        for k, name in enumerate(names):
            lines += _item(mark, k, name, sep, DESCRIPTIONS[(k + n) % len(DESCRIPTIONS)])
        lines += [""]
    return "\n".join(lines) + "\n"


MARKS = ["•", "-", "*", "o", "▪", "–", "1)", "a)", "1."]
CASES = [(mark, form, sep, lead) for (k, mark), (form, sep) in
         zip(enumerate(MARKS), itertools.cycle([(f, s) for s in range(4) for f in range(6)][::5]))
         for lead in [k % 2 == 1]]
CASES += [("•", form, (form + 1) % 4, form % 2 == 0) for form in range(6)]  # every heading form
EXPECTED = [(name, area) for area, names in AREAS for name in names]


def _flat(text: str) -> str:
    return "1 " + " ".join(text.split()) + "\n"


def _acts(path: Path) -> list[tuple[str, str | None]]:
    return [(a.name, a.focus_area) for a in extract_file(path).activities]


@pytest.mark.parametrize(("mark", "form", "sep", "lead"), CASES,
                         ids=[f"{m}-heading{f}-sep{s}-{'lead' if lead else 'bare'}" for m, f, s, lead in CASES])
def test_items_under_a_focus_area_heading_as_written_and_flat(tmp_path, mark, form, sep, lead):
    text = _agreement(TOWNS[(form + sep) % len(TOWNS)], form, mark, sep, lead)
    written = tmp_path / "written.txt"
    written.write_text(text, encoding="utf-8")
    assert _acts(written) == EXPECTED, text
    flat = tmp_path / "flat.txt"
    flat.write_text(_flat(text), encoding="utf-8")
    assert _acts(flat) == EXPECTED, _flat(text)


@pytest.mark.parametrize(("mark", "form", "sep"), [("•", 0, 0), ("-", 4, 2), ("1)", 3, 1)])
def test_items_under_a_focus_area_heading_from_word_and_pdf(tmp_path, make_docx, make_pdf, mark, form, sep):
    lines = _agreement("Holstebro", form, mark, sep, False).splitlines()
    assert _acts(make_docx(lines, tmp_path / "plan.docx")) == EXPECTED
    assert _acts(make_pdf(lines, tmp_path / "plan.pdf")) == EXPECTED


IDS = ["A1. {name}", "A.{k} {name}", "{L}{k} – {name}", "{n}.{k} {name}"]


@pytest.mark.parametrize("form", range(len(IDS)))
def test_lettered_and_numbered_ids_with_the_description_below(tmp_path, form):
    lines = ["Strategisk samarbejdsaftale", "Boligsocial indsats: Sammen i Nord", ""]
    for n, (area, names) in enumerate(AREAS, start=1):
        lines += [f"Indsatsområde {n} – {area}", ""]
        for k, name in enumerate(names, start=1):
            ident = IDS[form].replace("A1.", f"{'AB'[n - 1]}{k}.").format(name=name, k=k, n=n + 2, L="AB"[n - 1])
            lines += [ident, f"{DESCRIPTIONS[k][0].upper()}{DESCRIPTIONS[k][1:].rstrip('.')}.", ""]
    text = "\n".join(lines) + "\n"
    for name, body in (("ids.txt", text), ("ids_flat.txt", _flat(text))):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        assert _acts(path) == EXPECTED, body


def test_goals_and_other_lists_under_a_focus_area_are_no_activities(tmp_path):
    text = ("Helhedsplan for Lindevang, Viborg\n\nIndsatsområde 1: Beskæftigelse\n\nMål\n"
            "- Andelen af ledige beboere skal falde fra 40 % til 30 %.\n- Flere unge skal have et fritidsjob.\n\n"
            "Styregruppen består af:\n- Viborg Kommune, Jobcenter\n- Boligselskabet Viborg\n\n"
            "Målgrupper for indsatsen:\n- Ledige voksne\n- Unge uden uddannelse\n\nAktiviteter:\n"
            "• Jobcafé Lindevang – åben rådgivning\n• Lommepengejob\n")
    for name, body in (("goals.txt", text), ("goals_flat.txt", _flat(text))):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        assert _acts(path) == [("Jobcafé Lindevang", "Beskæftigelse"), ("Lommepengejob", "Beskæftigelse")], body


def test_a_table_of_contents_line_before_a_heading_keeps_its_page_number_apart(tmp_path):
    """'..... 3 Indsatsområde 1 – X' in run-on contents is no numbered heading '3 Indsatsområde'."""
    text = ("Helhedsplan for Bøgeparken, Næstved\n\nIndhold\nIndledning ........ 2\nIndsatsområde 1 – Sundhed ..... 3\n\n"
            "Indsatsområde 1 – Sundhed\n• Gåklub for seniorer\n• Sund mad for familier\n")
    path = tmp_path / "toc_flat.txt"
    path.write_text(_flat(text), encoding="utf-8")
    assert _acts(path) == [("Gåklub for seniorer", "Sundhed"), ("Sund mad for familier", "Sundhed")]


# ---------------------------------------------------------------- labelled activities
NAME_LABELS = ["Aktivitet:", "AKTIVITET:", "Aktivitetens navn:", "Navn på aktivitet:", "Projekt:", "Tiltag:"]
TARGET_FIELDS = ["Hvem er målgruppen?", "Målgruppe:", "For hvem?", "MÅLGRUPPE:"]
WHAT_FIELDS = ["Hvad gør vi?", "Formål:", "Hvordan?", "Beskrivelse:"]
LABELLED = [("Motion i Solbakken", "Voksne beboere og seniorer", {"adults", "seniors"}),
            ("Lektier og leg", "Børn i 3.-6. klasse", {"children"}),
            ("Mødregruppen", "Kvinder med anden etnisk baggrund", {"women"})]


def _labelled(town: str, shift: int, html: bool) -> str:
    lines = ["Delaftale for indsatsområdet Sundhed og trivsel", f"Boligsocial indsats: Solbakken, {town}", ""]
    for k, (name, target, _) in enumerate(LABELLED):
        label = NAME_LABELS[(k + shift) % len(NAME_LABELS)]
        fields = [f"{label} {name}", f"{TARGET_FIELDS[(k + shift) % 4]} {target}",
                  f"{WHAT_FIELDS[(k + shift) % 4]} Faste ugentlige møder i beboerhuset.", ""]
        if html:
            head, _, value = fields[0].rpartition(":")
            fields = [f"<p><strong>{head}:</strong>&nbsp;{value.strip()}</p>",
                      f"<p>{fields[1]}<br/>{fields[2]}</p>", ""]
        lines += fields
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("shift", range(len(NAME_LABELS)))
@pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
def test_labelled_activities_with_question_fields_as_written_and_flat(tmp_path, shift, html):
    text = _labelled(TOWNS[shift], shift, html)
    for name, body in (("labels.txt", text), ("labels_flat.txt", _flat(text))):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        report = extract_file(path)
        assert [(a.name, a.focus_area) for a in report.activities] == \
               [(n, "Sundhed og trivsel") for n, _, _ in LABELLED], body
        for act, (_, _, groups) in zip(report.activities, LABELLED):
            assert groups <= set(act.target_groups), (act.name, act.target_groups)
        assert report.plan.name == "Solbakken, " + TOWNS[shift]


def test_labelled_activities_from_word(tmp_path, make_docx):
    report = extract_file(make_docx(_labelled("Odder", 2, False).splitlines(), tmp_path / "labels.docx"))
    assert [a.name for a in report.activities] == [n for n, _, _ in LABELLED]


def test_a_name_label_in_lower_case_at_the_start_of_a_line(tmp_path):
    text = _labelled("Vesthimmerland", 0, False).replace("Aktivitet:", "aktivitet:").replace("AKTIVITET:", "aktivitet :")
    path = tmp_path / "lower.txt"
    path.write_text(text, encoding="utf-8")
    assert [a.name for a in extract_file(path).activities] == [n for n, _, _ in LABELLED]


# ---------------------------------------------------------------- plan name and period
COVERS = [
    (["Version 2.1 – godkendt af bestyrelsen 12. marts 2024",
      "Navn: Fællesskab i Ølby Periode: 1. januar 2024 – 31. december 2027"],
     "Fællesskab i Ølby", ("2024-01-01", "2027-12-31")),
    (["Udkast 3 – revideret 1. februar 2023", "Indsatsens navn: Sammen på Toften Aftaleperiode: 01.08.2020 - 31.07.2024"],
     "Sammen på Toften", ("2020-08-01", "2024-07-31")),
    (["Side 1 af 14", "Den boligsociale indsats: Kvarteret i Midten Periode: 2022-2025"],
     "Kvarteret i Midten", ("2022-01-01", "2025-12-31")),
    (["Boligsocial helhedsplan for Hedelyngen 2015-2018", "Indholdsfortegnelse", "1. Indledning ..... 2"],
     "Boligsocial helhedsplan for Hedelyngen", ("2015-01-01", "2018-12-31")),
    (["Samarbejdsaftale om Engvej og Mosevej", "Godkendt i kommunalbestyrelsen 4. april 2022",
      "Aftalen gælder fra 1. maj 2022 til 30. april 2026"], "Engvej og Mosevej", ("2022-05-01", "2026-04-30")),
]


@pytest.mark.parametrize(("cover", "name", "period"), COVERS, ids=[c[1] for c in COVERS])
def test_plan_name_and_period_past_version_lines_run_on_labels_and_contents(tmp_path, cover, name, period):
    text = "\n".join([*cover, "", "Aftalens parter: Lejerbo og Næstved Kommune", "",
                      "Indsatsområde 1 – Beskæftigelse", "• Jobcafé", "• Lommepengejob"]) + "\n"
    for file, body in (("cover.txt", text), ("cover_flat.txt", _flat(text))):
        path = tmp_path / file
        path.write_text(body, encoding="utf-8")
        plan = extract_file(path).plan
        assert (plan.name, (plan.period_start, plan.period_end)) == (name, period), body


def test_a_document_type_title_names_the_plan_after_for(tmp_path):
    path = tmp_path / "title.txt"
    path.write_text("VERSION 1.0 GODKENDT 3. MAJ 2021\nStrategisk samarbejdsaftale for Boligsocial indsats Lindehøj\n"
                    "Periode: 1. september 2012 – 31. august 2016\n", encoding="utf-8")
    plan = extract_file(path).plan
    assert (plan.name, plan.period_start, plan.period_end) == ("Lindehøj", "2012-09-01", "2016-08-31")


# ---------------------------------------------------------------- older plans: headings in capitals
CAPS_PLANS = [
    ("BØRN OG UNGE", ["Legepladsen", "Juniorklubben"], "BESKÆFTIGELSE", ["Jobbutikken"], False),
    ("TRYGHED", ["Gårdmandsordningen", "Naboskabsdage i Lyngparken"], "SUNDHED OG TRIVSEL", ["Gåklubben", "Madskolen"], False),
    ("UDDANNELSE", ["Lektiecaféen", "Forældreskolen"], "FÆLLESSKAB", ["Beboercaféen"], True),
]


@pytest.mark.parametrize(("area1", "titles1", "area2", "titles2", "bulleted"), CAPS_PLANS,
                         ids=[p[0] for p in CAPS_PLANS])
def test_an_older_plan_with_focus_areas_in_capitals_and_project_titles(tmp_path, area1, titles1, area2, titles2,
                                                                       bulleted):
    lines = ["Boligsocial helhedsplan for Lyngparken 2011-2014", "", "INDLEDNING", "",
             "Helhedsplanen er udarbejdet af Boligselskabet Lyngbo og Struer Kommune.", ""]
    for area, titles in ((area1, titles1), (area2, titles2)):
        lines += [area, ""]
        for t in titles:
            lines += [f"• {t}", ""] if bulleted else [t, "Tilbuddet er åbent to gange om ugen for alle beboere.", ""]
    lines += ["ØKONOMI", "", "Budget", "Indsatsen koster 4,2 mio. kr. om året.", ""]
    path = tmp_path / "caps.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = extract_file(path)
    sentence = [a[0] + a[1:].lower() for a in (area1, area2)]
    assert [f.name for f in report.focus_areas] == sentence
    assert [(a.name, a.focus_area) for a in report.activities] == \
           [(t, sentence[0]) for t in titles1] + [(t, sentence[1]) for t in titles2]


@pytest.mark.parametrize("caption", ["Aktiviteter", "AKTIVITETER I DELAFTALEN", "Projekter:", "Indsatser under delaftalen"])
def test_activities_after_the_parties_under_a_caption(tmp_path, caption):
    text = ("Delaftale for indsatsområdet Kriminalitetsforebyggelse\nBoligsocial indsats: Trekanten, Sønderborg\n\n"
            "Delaftalens parter:\n- Sønderborg Kommune, SSP\n- Syd- og Sønderjyllands Politi\n\n"
            f"{caption}\n\n- Natteravne – frivillige voksne går rundt fredag aften\n- Gadeteam: opsøgende arbejde\n")
    for name, body in (("caption.txt", text), ("caption_flat.txt", _flat(text))):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        assert _acts(path) == [("Natteravne", "Kriminalitetsforebyggelse"), ("Gadeteam", "Kriminalitetsforebyggelse")], body


PARTNER_PHRASES = ["Partnere: {org}.", "Samarbejdspartnere: {org}.", "I samarbejde med {org}.", "Drives sammen med {org}."]


@pytest.mark.parametrize("phrase", PARTNER_PHRASES)
def test_partners_and_target_groups_inside_a_listed_activity(tmp_path, phrase):
    text = ("Helhedsplan for Skovgården, Ringkøbing-Skjern\n\n"
            "Aftalens parter: Ringkøbing-Skjern Kommune og Boligselskabet Vestbo\n\n"
            "Indsatsområde 1 – Børn og unge\n"
            f"• Lektiecafé Skovgården – for børn i 1.-6. klasse. {phrase.format(org='Ringkøbing Bibliotek')}\n"
            "• Fritidsjob\n  Målgruppe: Unge 13-17 år.\n"
            f"  {phrase.format(org='Jobcenter Ringkøbing-Skjern')}\n")
    for name, body in (("partners.txt", text), ("partners_flat.txt", _flat(text))):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        acts = extract_file(path).activities
        assert [(a.name, a.partners) for a in acts] == [("Lektiecafé Skovgården", ["Ringkøbing Bibliotek"]),
                                                        ("Fritidsjob", ["Jobcenter Ringkøbing-Skjern"])], body
        assert "children" in acts[0].target_groups and acts[1].target_groups == ["youth"], body
