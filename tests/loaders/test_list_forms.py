"""Activities and focus areas written as lists, counters and prose (made-up agreements in
other municipalities' names), each form in variants: lettered area headings with area
codes ("A) X" + "A1 Legestuen - ..."), sub-chapters under an "Indsatsområder" /
"Indsatser" / "Plan for indsatsen" chapter with counted items whose numbers run on across
areas and names in quotes, a comma or a dash after the name, activity headings with a
counter ("Aktivitet 1 — X", "Projekt 2. X"), projects named in quotes in a focus area's
prose; as written, with the line breaks lost, and from .docx and .pdf."""
from __future__ import annotations

from pathlib import Path

import pytest

from samspil.loaders import extract_file

AREAS = [("Uddannelse og livschancer", [("Legestuen", "åben legestue for småbørnsforældre"),
                                        ("Lektiecafé Vest", "lektiehjælp to gange om ugen")]),
         ("Beskæftigelse", [("Jobvejen", "individuel vejledning af ledige"),
                            ("Klar til job", "kurser for unge uden uddannelse")]),
         ("Sundhed og trivsel", [("Sund Start", "madlavning og motion for familier")])]
EXPECTED = [(name, area) for area, items in AREAS for name, _ in items]
PARTNER = ("Jobvejen", "Jobcenter Thisted")  # named in the item's description


def _flat(text: str) -> str:
    return "1 " + " ".join(text.split()) + "\n"


def _acts(path: Path) -> list[tuple[str, str | None]]:
    return [(a.name, a.focus_area) for a in extract_file(path).activities]


def _check(tmp_path: Path, text: str, expected: list[tuple[str, str | None]], areas: bool = True) -> None:
    for name, body in (("written.txt", text), ("flat.txt", _flat(text))):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        report = extract_file(path)
        assert [(a.name, a.focus_area) for a in report.activities] == expected, body
        if areas:
            assert [fa.name for fa in report.focus_areas] == list(dict.fromkeys(a for _, a in expected)), body


def _description(name: str, description: str) -> str:
    return f"{description}, drives af {PARTNER[1]}" if name == PARTNER[0] else description


# ------------------------------------------------------------ lettered headings and area codes
HEADS = ["{L}) {area}", "{L}. {area}", "{L}) {upper}"]
CODES = ["{L}{k} {name} - {description}", "{L}.{k} {name}: {description}", "{L}{k}. \"{name}\" – {description}",
         "{L}{k} »{name}« – {description}"]
CAPTIONS = ["", "Indsatser", "Aktiviteter:"]


def _lettered(town: str, head: int, code: int, caption: int) -> str:
    lines = [f"Strategisk samarbejdsaftale – Vestbyen, {town}", "Periode: 2025-2028", ""]
    for n, (area, items) in enumerate(AREAS):
        letter = "ABC"[n]
        lines.append(HEADS[head].format(L=letter, area=area, upper=area.upper()))
        lines += [CAPTIONS[caption]] if CAPTIONS[caption] else []
        lines += [CODES[code].format(L=letter, k=k, name=name, description=_description(name, d))
                  for k, (name, d) in enumerate(items, start=1)]
        lines.append("")
    return "\n".join(lines) + "\n"


def _upper_expected(head: int) -> list[tuple[str, str]]:
    if head != 2:
        return EXPECTED
    return [(name, area.upper()[0] + area.lower()[1:]) for name, area in EXPECTED]


@pytest.mark.parametrize(("head", "code", "caption"), [(0, 0, 1), (1, 1, 0), (0, 2, 2), (1, 0, 2), (2, 1, 1), (1, 3, 0)])
def test_lettered_headings_with_area_codes(tmp_path, head, code, caption):
    text = _lettered(["Thisted", "Ikast-Brande", "Svendborg", "Haderslev", "Struer"][(code + head) % 5], head, code, caption)
    _check(tmp_path, text, _upper_expected(head))
    acts = {a.name: a.partners for a in extract_file(tmp_path / "written.txt").activities}
    assert acts[PARTNER[0]] == [PARTNER[1]]


@pytest.mark.parametrize("head", [0, 1])
def test_lettered_headings_with_area_codes_from_word_and_pdf(tmp_path, make_docx, make_pdf, head):
    lines = _lettered("Lemvig", head, head, 1).splitlines()
    assert _acts(make_docx(lines, tmp_path / "plan.docx")) == EXPECTED
    assert _acts(make_pdf(lines, tmp_path / "plan.pdf")) == EXPECTED


def test_a_lettered_list_without_items_below_is_no_focus_area(tmp_path):
    text = ("Helhedsplan for Bakkegården, Fredericia\n\nA) Baggrund\nOmrådet har 600 boliger.\n\n"
            "B) Organisering\nStyregruppen mødes fire gange om året.\n")
    path = tmp_path / "plain.txt"
    path.write_text(text, encoding="utf-8")
    report = extract_file(path)
    assert report.focus_areas == [] and report.activities == []


# ------------------------------------------------------------ sub-chapters of an areas chapter
CHAPTERS = ["2 Indsatsområder", "2. Indsatser", "2 Plan for indsatsen"]
COUNTED = ["{n}. \"{name}\" – {description}", "{n}) {name}, {description}", "   {n}. {name} – {description}",
           "{n}. »{name}«: {description}"]


def _chaptered(town: str, chapter: int, counted: int, intro: bool) -> str:
    lines = [f"Boligsocial helhedsplan for Skovparken, {town} 2024-2027", "", CHAPTERS[chapter], ""]
    if intro:
        lines += ["Helhedsplanen har tre indsatsområder, som beskrives herunder.", ""]
    n = 0
    for k, (area, items) in enumerate(AREAS, start=1):
        lines += [f"2.{k} {area}", "", "Vi vil give flere beboere en bedre hverdag.", ""]
        for name, description in items:
            n += 1  # (the count runs on across the areas: 3. under the second)
            item = COUNTED[counted].format(n=n, name=name, description=_description(name, description))
            lines += [item, "      for beboere i hele området"] if counted == 2 else [item]
        lines.append("")
    lines += ["3 Organisering", "Styregruppen mødes fire gange om året."]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("chapter", "counted", "intro"), [(0, 0, True), (1, 1, False), (2, 2, True), (0, 1, False),
                                                       (2, 3, False)])
def test_counted_items_under_sub_chapters_of_an_areas_chapter(tmp_path, chapter, counted, intro):
    text = _chaptered(["Holstebro", "Vordingborg", "Sorø", "Herning", "Odsherred", "Middelfart"][chapter + counted], chapter,
                      counted, intro)
    _check(tmp_path, text, EXPECTED)
    acts = {a.name: a.partners for a in extract_file(tmp_path / "flat.txt").activities}
    assert acts[PARTNER[0]] == [PARTNER[1]]


def test_counted_items_under_sub_chapters_from_word_and_pdf(tmp_path, make_docx, make_pdf):
    lines = _chaptered("Skive", 0, 0, True).splitlines()
    assert _acts(make_docx(lines, tmp_path / "plan.docx")) == EXPECTED
    assert _acts(make_pdf(lines, tmp_path / "plan.pdf")) == EXPECTED


# ------------------------------------------------------------ activity headings with a counter
COUNTERS = ["Aktivitet {k} — {name}", "Aktivitet {k}: {name}", "Projekt {k}. {name}", "Indsats {L}{k} – {name}",
            "AKTIVITET {k} - {name}"]


@pytest.mark.parametrize("form", range(len(COUNTERS)))
def test_activity_headings_with_a_counter(tmp_path, form):
    lines = ["Helhedsplan for Lyngbakken, Silkeborg 2024-2027", ""]
    k = 0
    for _, items in AREAS:
        for name, description in items:
            k += 1
            lines += [COUNTERS[form].format(k=k, L="B", name=name), f"{description[0].upper()}{description[1:]}.", ""]
    text = "\n".join(lines) + "\n"
    _check(tmp_path, text, [(name, None) for name, _ in EXPECTED], areas=False)


# ------------------------------------------------------------ projects named in quotes in prose
PROSE = [
    ("Fritid og fællesskab", ['Projektet "Aktiv Fritid" skal give flere unge en fritidsinteresse.',
                              'Desuden oprettes en “Pigeklub” i beboerhuset.',
                              'Som en beboer siger: "Her er godt at bo".'],
     ["Aktiv Fritid", "Pigeklub"]),
    ("Sundhed", ['Sundhedsplejen Faxe tilbyder »Sund Start« – madlavning og motion for familier.',
                 'Rapporten "Sundhed i Faxe" viser, at mange beboere ryger.',
                 'Endvidere starter et forløb om "Lektiehjælp og vejledning" i beboerhuset.'],
     ["Sund Start", "Lektiehjælp og vejledning"]),
]
PROSE_HEADS = ["Indsatsområde {n}: {area}", "{n}.1 {area}", "{L}. {area}"]


@pytest.mark.parametrize("head", range(len(PROSE_HEADS)))
def test_projects_named_in_quotes_in_a_focus_area_s_prose(tmp_path, head):
    lines = ["Helhedsplan for Solbjerg, Faxe 2024-2027", "",
             "Helhedsplanen har to indsatsområder:" if head == 2 else "2 Indsatsområder", ""]
    if head == 2:
        lines += [f"{'AB'[n]}. {area}" for n, (area, _, _) in enumerate(PROSE)] + [""]
    for n, (area, sentences, _) in enumerate(PROSE, start=1):
        heading = PROSE_HEADS[head].format(n=n if head == 0 else n + 1, area=area, L="AB"[n - 1])
        lines += [heading.replace(f"{n + 1}.1", f"2.{n}"), "", " ".join(sentences), ""]
    text = "\n".join(lines) + "\n"
    _check(tmp_path, text, [(name, area) for area, _, names in PROSE for name in names])


# ------------------------------------------------------------ focus areas listed in a sentence
INLINE = ["Helhedsplanen har tre indsatsområder: {a}; {b} og {c}.",
          "Den boligsociale indsats arbejder med indsatsområderne {a}, {b} og {c}.",
          "Helhedsplanen omfatter følgende indsatsområder: {a}, {b} samt {c}.",
          # (a newsletter's words, session 16: "Planen", not "Helhedsplanen")
          "Aftalen er underskrevet. Planen har tre indsatsområder: {a}, {b} samt {c}."]


@pytest.mark.parametrize("form", range(len(INLINE)))
def test_focus_areas_listed_in_a_sentence(tmp_path, form):
    a, b, c = "Børn og unge", "Beskæftigelse", "Tryghed og naboskab"
    text = (f"Helhedsplan for Østbyen, Nyborg 2024-2027\n\n{INLINE[form].format(a=a, b=b, c=c)}\n\n"
            "Se også: Delaftale om Børn og unge (PDF)\nLæs delaftalen om beskæftigelse\n")
    for name, body in (("written.txt", text), ("flat.txt", _flat(text))):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        assert [fa.name for fa in extract_file(path).focus_areas] == [a, b, c], body


# ------------------------------------------------------------ items under a caption, marked or in bold
CAPTION_ITEMS = ['• "Madklub for alle" – fællesspisning hver torsdag', "• Lektiehjælp (Ikast Bibliotek)",
                 "• Vi vil styrke naboskabet i hele området.", "• Succeskriterium: 80 % af deltagerne er tilfredse.",
                 "• Familiecafé, åben for alle familier, i samarbejde med Red Barnet Ikast"]
CAPTIONS_ALONE = ["Aktiviteter", "PROJEKTER I OMRÅDET", "Tiltag:"]


@pytest.mark.parametrize("caption", CAPTIONS_ALONE)
def test_items_under_a_caption_without_a_focus_area(tmp_path, caption):
    text = f"Boligsocial helhedsplan Hedelyngen, Ikast-Brande 2024-2027\n\n{caption}\n\n" + "\n".join(CAPTION_ITEMS) + "\n"
    for name, body in (("written.txt", text), ("flat.txt", _flat(text))):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        acts = extract_file(path).activities
        assert [a.name for a in acts] == ["Madklub for alle", "Lektiehjælp", "Familiecafé"], body
        assert [a.partners for a in acts] == [[], ["Ikast Bibliotek"], ["Red Barnet Ikast"]], body


BOLD = ["<li><b>{name}</b> – {description}</li>", "<li><strong>{name}</strong>: {description}</li>",
        "**{name}** – {description}", "<p><b>{name}</b> - {description}</p>"]


@pytest.mark.parametrize("form", range(len(BOLD)))
def test_names_in_bold_under_a_focus_area_heading(tmp_path, form):
    lines = ["<h1>Helhedsplan Parkbyen, Hillerød 2025-2028</h1>" if form != 2 else "# Helhedsplan Parkbyen, Hillerød 2025-2028"]
    for n, (area, items) in enumerate(AREAS, start=1):
        lines.append(f"<h2>Indsatsområde {n}: {area}</h2>" if form != 2 else f"## Indsatsområde {n}: {area}")
        lines += ["<ul>"] if form < 2 else []
        lines += [BOLD[form].format(name=name, description=_description(name, d)) for name, d in items]
        lines += ["</ul>"] if form < 2 else []
        ending = "Indsatsen evalueres hvert år af Center for Boligsocial Udvikling."  # (no partner of the last item)
        lines += ["", f"<p>{ending}</p>" if form != 2 else ending, ""]
    path = tmp_path / ("plan.md" if form == 2 else "plan.txt")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    acts = extract_file(path).activities
    assert [(a.name, a.focus_area) for a in acts] == EXPECTED
    assert [a.partners for a in acts] == [[PARTNER[1]] if a.name == PARTNER[0] else [] for a in acts]


def test_names_in_bold_runs_of_word_paragraphs(tmp_path):
    import docx

    document = docx.Document()
    for n, (area, items) in enumerate(AREAS, start=1):
        document.add_heading(f"Indsatsområde {n}: {area}", level=2)
        for name, description in items:
            p = document.add_paragraph()
            p.add_run(name).bold = True
            p.add_run(f" – {_description(name, description)}")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    assert _acts(path) == EXPECTED


def test_form_fields_and_chapters_in_a_focus_area_are_no_items(tmp_path):
    text = ("Helhedsplan for Stengården, Kerteminde 2024-2027\n\nIndsatsområde 1: Beskæftigelse\n"
            "Tovholder: Jobcenter Kerteminde\nBudget: 200.000 kr.\nKapitel 3 – Organisering\n"
            "Den boligsociale indsats, som beskrives her: se bilag\n")
    path = tmp_path / "fields.txt"
    path.write_text(text, encoding="utf-8")
    assert extract_file(path).activities == []


# ------------------------------------------------------------ area titles under a chapter of areas
TITLED_CHAPTERS = ["Indsatsområder", "## Vores indsatser", "3. Helhedsplanens fokusområder"]
TITLE_FORMS = ["{area}", "### {n}. {area}", "{n}) {area}"]


@pytest.mark.parametrize(("chapter", "title", "caption"), [(0, 0, True), (1, 1, False), (2, 2, True), (0, 1, True)])
def test_area_titles_under_a_chapter_of_areas(tmp_path, chapter, title, caption):
    lines = ["Helhedsplan for Toftegården, Kalundborg 2024-2027", "", TITLED_CHAPTERS[chapter], ""]
    for n, (area, items) in enumerate(AREAS, start=1):
        lines += [TITLE_FORMS[title].format(n=n, area=area)] + (["Aktiviteter:"] if caption else [])
        lines += [f"- {name} – {_description(name, d)}" for name, d in items] + [""]
    lines += ["Organisering", "Styregruppen mødes fire gange om året."]
    path = tmp_path / "plan.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = extract_file(path)
    assert [fa.name for fa in report.focus_areas] == [area for area, _ in AREAS]
    assert _acts(path) == EXPECTED


def test_titles_with_one_counted_list_below_a_chapter_are_no_areas(tmp_path):
    text = ("Helhedsplan for Toftegården, Kalundborg 2024-2027\n\nIndsatser\n\n1. Jobcafé Toften\n"
            "2. Praktikbanken\n3. Natteravne\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    assert extract_file(path).focus_areas == []


def test_word_list_paragraphs_numbered_on_across_sub_chapters(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Helhedsplan for Hasselhøj, Aabenraa 2024-2027")
    document.add_heading("2 Indsatsområder", level=1)
    for k, (area, items) in enumerate(AREAS, start=1):
        document.add_heading(f"2.{k} {area}", level=2)
        document.add_paragraph("Vi vil give flere beboere en bedre hverdag.")
        for name, description in items:
            document.add_paragraph(f"{name} – {_description(name, description)}", style="List Number")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    assert _acts(path) == EXPECTED


def test_projects_named_in_quotes_from_word_and_pdf(tmp_path, make_docx, make_pdf):
    lines = ["Helhedsplan for Solbjerg, Faxe 2024-2027", "", "2 Indsatsområder", ""]
    for n, (area, sentences, _) in enumerate(PROSE, start=1):
        lines += [f"2.{n} {area}", "", " ".join(sentences), ""]
    expected = [(name, area) for area, _, names in PROSE for name in names]
    assert _acts(make_docx(lines, tmp_path / "plan.docx")) == expected
    assert _acts(make_pdf(lines, tmp_path / "plan.pdf")) == expected


@pytest.mark.parametrize(("title", "caption"), [("## {area}", "Aktiviteter:"), ("{area}", "Projekter"),
                                                ("**{area}**", "INDSATSER")])
def test_a_known_focus_area_as_a_title_over_a_caption_and_a_list(tmp_path, title, caption):
    areas = [("Beskæftigelse", ["Jobcafé Toften", "Praktikbanken"]), ("Tryghed og trivsel", ["Natteravne"])]
    lines = ["# Helhedsplan for Toftegården, Kalundborg 2024-2027", "", "Planen bygger på to års erfaringer.", ""]
    for area, names in areas:
        lines += [title.format(area=area), caption] + [f"- {name} – for alle beboere" for name in names] + [""]
    path = tmp_path / "plan.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = extract_file(path)
    assert [fa.name for fa in report.focus_areas] == [area for area, _ in areas]
    assert _acts(path) == [(name, area) for area, names in areas for name in names]


def test_a_known_focus_area_over_a_list_of_problems_is_no_area(tmp_path):
    text = ("Helhedsplan for Toftegården, Kalundborg 2024-2027\n\nUdfordringer\n\nTryghed og trivsel\n"
            "- Beboere udtrykker, at der mangler fællesskab\n- Mange sigtede: 32 pr. 1000 indbyggere\n")
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    report = extract_file(path)
    assert report.focus_areas == [] and report.activities == []


@pytest.mark.parametrize("title", [0, 2])
def test_area_titles_under_a_chapter_from_word_and_pdf(tmp_path, make_docx, make_pdf, title):
    lines = ["Helhedsplan for Toftegården, Kalundborg 2024-2027", "", "Indsatsområder", ""]
    for n, (area, items) in enumerate(AREAS, start=1):
        lines += [TITLE_FORMS[title].format(n=n, area=area), "Aktiviteter:"]
        lines += [f"• {name} – {_description(name, d)}" for name, d in items] + [""]
    assert _acts(make_docx(lines, tmp_path / "plan.docx")) == EXPECTED
    assert _acts(make_pdf(lines, tmp_path / "plan.pdf")) == EXPECTED


@pytest.mark.parametrize("caption", CAPTIONS_ALONE)
def test_items_under_a_caption_from_word_and_pdf(tmp_path, make_docx, make_pdf, caption):
    lines = ["Boligsocial helhedsplan Hedelyngen, Ikast-Brande 2024-2027", "", caption, ""] + CAPTION_ITEMS
    expected = [("Madklub for alle", None), ("Lektiehjælp", None), ("Familiecafé", None)]
    assert _acts(make_docx(lines, tmp_path / "plan.docx")) == expected
    assert _acts(make_pdf(lines, tmp_path / "plan.pdf")) == expected


# ------------------------------------------------------------ partners named in an item
PARTNER_ITEMS = [("Lektieværkstedet", "lektiehjælp i samarbejde med {a} og {b}", ["{a}", "{b}"]),
                 ("Madklubben ({a})", "fællesspisning for familier", ["{a}"]),
                 ("Sommerlejr", "en uge på landet med støtte fra {a}", ["{a}"]),
                 ("Ungeguiden", "drives af {a}", ["{a}"])]
PARTNER_ORGS = [("Sorø Bibliotek", "Red Barnet"), ("FOF Sorø", ""), ("Nordea-fonden", ""), ("DGI Vestsjælland", "")]


@pytest.mark.parametrize("mark", ["•", "-", "1."])
def test_partners_named_in_a_listed_item(tmp_path, mark):
    lines = ["Helhedsplan for Skovbakken, Sorø 2024-2027", "", "Indsatsområde 1: Børn og unge", ""]
    for k, ((name, description, _), (a, b)) in enumerate(zip(PARTNER_ITEMS, PARTNER_ORGS), start=1):
        marker = f"{k}." if mark == "1." else mark
        lines.append(f"{marker} {name.format(a=a)} – {description.format(a=a, b=b)}")
    text = "\n".join(lines) + "\n"
    # (as written, the paragraph after the list names no partner of its last item; with the line
    # breaks lost nothing tells where that item's description ends, so the flat copy has none)
    written = text + "\nIndsatsen evalueres af Center for Boligsocial Udvikling.\n"
    expected = [[p.format(a=a, b=b) for p in partners] for (_, _, partners), (a, b) in zip(PARTNER_ITEMS, PARTNER_ORGS)]
    for name, body in (("written.txt", written), ("flat.txt", _flat(text))):
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        acts = extract_file(path).activities
        assert [a.name for a in acts] == ["Lektieværkstedet", "Madklubben", "Sommerlejr", "Ungeguiden"], body
        assert [sorted(a.partners) for a in acts] == [sorted(p) for p in expected], body
