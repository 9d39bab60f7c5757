"""Focus areas and activities in papers that sum a plan up (a town council's agenda item,
a municipality's or housing organisation's web page): made-up agreements in other
municipalities' names, as written, with their line breaks lost, Word and PDF.

* a web page's list under each area's heading whose items describe the activity at length
  ("<li><b>Name</b> – a long sentence ...</li>");
* the areas opening paragraphs ("Beskæftigelse – bl.a. "Jobbroen", hvor ..."), their
  activities named in quotes;
* the web list with its markup and line breaks lost: the area's name, then "Name –
  description." items run together.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered  # noqa: E402

LONG = ("for familier i boligområdet, med faste ugentlige mødetider i beboerhuset og et tæt samarbejde med "
        "skolens lærere og områdets frivillige")
AREAS = [("Uddannelse og livschancer", [("Lektiehjælp Nord", "lektiehjælp for elever i 4.-9. klasse"),
                                        ("Familiekurset", "forældrekurser og skole-hjem-samarbejde")]),
         ("Kriminalitetsforebyggelse", [("Gadeteamet", "opsøgende arbejde og mentorforløb for unge 12-24 år"),
                                        ("Fritidsjobbanken", "formidling af fritidsjob til unge 13-17 år")]),
         ("Sammenhængskraft og medborgerskab", [("Naboskab Nord", "fællesspisning og sommerfester"),
                                                ("Bydelsmødrene", "frivillige kvinder støtter andre kvinder")])]
TOWNS = ["Holbæk", "Herning", "Hjørring", "Haderslev"]
ITEMS = ["<li><b>{x}</b> – {d} {long}.</li>", "- **{x}** – {d} {long}.", "• {x} — {d} {long}.",
         "<li><strong>{x}</strong> – {d} {long}.</li>"]
HEADS = ["<h3>{a}</h3>", "### {a}", "{a}", "<h2>{a}</h2>"]


def _acts(report) -> list[tuple[str, str | None]]:
    return [(a.name, a.focus_area and a.focus_area.casefold()) for a in report.activities]


def _want(areas=AREAS) -> list[tuple[str, str]]:
    return [(x, a.casefold()) for a, items in areas for x, _ in items]


def _web(k: int) -> list[str]:
    town = TOWNS[k]
    lines = [f"<h1>Boligsocial indsats i {town} Nord</h1>", "",
             f"<p>{town} Kommune og Boligselskabet Nordvest har indgået en strategisk samarbejdsaftale om "
             "helhedsplanen Fælles Nord, der løber fra 2024 til 2027.</p>", "",
             "<h2>Indsatsområder og aktiviteter</h2>", ""]
    for area, items in AREAS:
        lines += [HEADS[k].format(a=area), "<ul>" if k != 1 else ""]
        lines += [ITEMS[k].format(x=x, d=d, long=LONG) for x, d in items] + ["</ul>" if k != 1 else "", ""]
    return lines + ["<h2>Kontakt</h2>", f"<p>Sekretariatsleder Eva Holm, eva.holm@{town.lower()}nord.dk</p>"]


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("k", range(len(ITEMS)))
def test_a_web_list_whose_items_describe_at_length(tmp_path, make_docx, make_pdf, k, how):
    report = extract_rendered(tmp_path, _web(k), how, make_docx, make_pdf)
    assert _acts(report) == _want()
    assert [f.name for f in report.focus_areas] == [a for a, _ in AREAS]


@pytest.mark.parametrize("k", [0, 1, 3])
def test_a_web_list_that_lost_its_markup_and_line_breaks(tmp_path, make_docx, make_pdf, k):
    """The web list flattened: "... Kriminalitetsforebyggelse Gadeteamet – opsøgende ... .
    Fritidsjobbanken – ..." (the areas the regulativ names mark where each list starts)."""
    report = extract_rendered(tmp_path, _web(k), "flattened", make_docx, make_pdf)
    assert _acts(report) == _want()
    assert [f.name for f in report.focus_areas] == [a for a, _ in AREAS]


PARAGRAPHS = [
    ('{a} – bl.a. aktiviteten "{x}", der {d}, og "{y}" for {e}.'),
    ('{a}: blandt andet «{x}», hvor {d}, samt «{y}» ({e}).'),
    ('{a} – herunder bl.a. “{x}” ({d}) og “{y}”, der tilbyder {e}.'),
]
PARA_AREAS = [("Uddannelse og livschancer", "Sprogleg", "børnene øver sproget med pædagoger", "Lektieværkstedet",
               "elever på Bakkeskolen"),
              ("Beskæftigelse", "Jobbanen", "jobcentret har en medarbejder i beboerhuset", "Fritidsjobklubben",
               "unge 13-17 år"),
              ("Kriminalitetsforebyggelse", "Tryg i Parken", "SSP og politiet går natlige ture", "Ungekontakten",
               "unge i risiko for kriminalitet")]


def _agenda(k: int) -> list[str]:
    town = ["Fredericia", "Hillerød", "Silkeborg"][k]
    lines = [f"{town} Kommune", "Byrådet", "Referat", "",
             f"Punkt 9. Godkendelse af boligsocial helhedsplan for Parkvej og Engen 2022-2025", "",
             "Sagsfremstilling",
             f"Boligforeningen Fjorden og {town} Kommune har udarbejdet en helhedsplan for boligområderne Parkvej "
             "og Engen. Landsbyggefonden har prækvalificeret helhedsplanen.", "",
             "Helhedsplanen har tre indsatsområder:", ""]
    for area, x, d, y, e in PARA_AREAS:
        lines += [PARAGRAPHS[k].format(a=area, x=x, d=d, y=y, e=e), ""]
    lines += ["Helhedsplanen ledes af en bestyrelse. Evalueringen af \"Sammen i Parken\" viser bl.a. flere i job.", "",
              "Bilag", "1. Strategisk samarbejdsaftale Parkvej og Engen 2022-2025", "2. Budget", "",
              "Beslutning", "Indstillingen godkendt."]
    return lines


@pytest.mark.parametrize("how", ["as written", "flat", "flattened", "docx", "pdf"])
@pytest.mark.parametrize("k", range(len(PARAGRAPHS)))
def test_focus_areas_opening_an_agenda_items_paragraphs(tmp_path, make_docx, make_pdf, k, how):
    report = extract_rendered(tmp_path, _agenda(k), how, make_docx, make_pdf)
    assert [f.name for f in report.focus_areas] == [a for a, *_ in PARA_AREAS]
    assert _acts(report) == [(n, a.casefold()) for a, x, _, y, _ in PARA_AREAS for n in (x, y)]


def test_one_area_opening_a_paragraph_is_no_series(tmp_path, make_docx, make_pdf):
    """A single "Beskæftigelse – ..." paragraph in running text heads no focus area (its quoted activities,
    'aktiviteten "Jobbanen", der ...', are read as the document's activities, in no area)."""
    lines = _agenda(0)
    lines = [t for t in lines if not t.startswith(("Uddannelse", "Kriminalitet"))]
    report = extract_rendered(tmp_path, lines, "as written", make_docx, make_pdf)
    assert report.focus_areas == [] and all(a.focus_area is None for a in report.activities)


# An older plan: "Kapitel N" chapters, "N.M Indsatsområde: X" headings, lettered projects
# ("Projekt A – X"), a budget table that repeats the letters, and the partners listed last
# (none of them a project).
PROJECTS = ["Projekt {id} – {x}", "Delprojekt {id}: {x}", "Aktivitet {id} – {x}", "Projekt {id}. {x}"]
CHAPTERS = ["Kapitel {n} {t}", "KAPITEL {n} {T}", "Kapitel {n}: {t}", "Kapitel {n} {t}"]
OLD_AREAS = [("Børn og unge", [("Lektieklub Syd", "Lektiehjælp for skolebørn to gange om ugen i beboerhuset."),
                               ("Pigeklubben", "Fredagsklub for piger 10-14 år i samarbejde med Ungdomsskolen.")]),
             ("Tryghed", [("Nattevandring", "Forældre og frivillige går ture i området fredag aften."),
                          ("Gårdmændene", "To gårdmænd er til stede i området om aftenen.")]),
             ("Job og uddannelse", [("Jobcaféen", "Ugentlig jobcafé med Jobcenter Kalundborg for ledige beboere."),
                                    ("Uddannelsesguiden", "Vejledning af unge 16-25 år uden uddannelse.")])]


def _older_plan(k: int) -> list[str]:
    town = ["Kalundborg", "Ringsted", "Thisted", "Varde"][k]
    chap = lambda n, t: CHAPTERS[k].format(n=n, t=t, T=t.upper())  # noqa: E731
    lines = ["Boligsocial helhedsplan 2012-2015", '"Sammen i Syd"', f"Skovbakken, {town}", "",
             f"Boligforeningen Syd · {town} Kommune", "", chap(1, "Baggrund"), "",
             "Skovbakken har en høj andel af beboere uden for arbejdsmarkedet.", "", chap(2, "Indsatsområder"), ""]
    letters = iter("ABCDEFGH")
    for n, (area, items) in enumerate(OLD_AREAS, start=1):
        lines += [f"2.{n} Indsatsområde: {area}", ""]
        for x, d in items:
            lines += [PROJECTS[k].format(id=next(letters), x=x), d, ""]
    lines += [chap(3, "Budget"), "", "(1.000 kr.)   2012   2013   2014   I alt"]
    lines += [f"Projekt {c}        90    140    140    370" for c in "ABCDEF"] + [""]
    lines += [chap(4, "Samarbejdspartnere"), "", f"- {town} Kommune: Jobcenter {town} og Ungdomsskolen",
              f"- {town} Bibliotek", f"- Frivilligcenter {town}", ""]
    return lines


@pytest.mark.parametrize("how", ["as written", "flattened", "docx", "pdf"])
@pytest.mark.parametrize("k", range(len(PROJECTS)))
def test_an_older_plans_lettered_projects_under_numbered_areas(tmp_path, make_docx, make_pdf, k, how):
    report = extract_rendered(tmp_path, _older_plan(k), how, make_docx, make_pdf)
    assert [f.name for f in report.focus_areas] == [a for a, _ in OLD_AREAS]
    assert _acts(report) == _want(OLD_AREAS)


# A status report's numbered activities, each heading followed by its fields ("Status:",
# "Målgruppe:"); with the line breaks lost the first field runs onto the heading's line
# ("1.1 Jobværkstedet Status: Gennemført ...").
REPORT_HEADS = ["Aktivitet {n} {x}", "{n} {x}", "Projekt {n} {x}"]
REPORT_FIELDS = [("Status", "Målgruppe"), ("Formål", "Målgruppe"), ("Status", "Samarbejdspartnere")]
REPORT_AREAS = [("Uddannelse og beskæftigelse", [("Jobværkstedet", "ledige beboere over 25 år"),
                                                 ("Fritidsjobformidling", "unge 13-17 år")]),
                ("Sundhed og trivsel", [("Motion for kvinder", "kvinder i alle aldre"),
                                        ("Seniorklubben", "ældre beboere over 65 år")])]


def _status_report(k: int) -> list[str]:
    town = ["Aabenraa", "Tønder", "Nyborg"][k]
    first, second = REPORT_FIELDS[k]
    lines = [f"Boligsocial helhedsplan for Kærgården, {town}", "Statusrapport for 2016", "",
             f"Helhedsplanen er et samarbejde mellem Boligselskabet Kærgården og {town} Kommune.", ""]
    for a, (area, items) in enumerate(REPORT_AREAS, start=1):
        lines += [f"Indsatsområde {a}: {area}", "", "Mål: Flere beboere i job og bedre trivsel.", ""]
        for b, (x, group) in enumerate(items, start=1):
            lines += [REPORT_HEADS[k].format(n=f"{a}.{b}", x=x),
                      f"{first}: Gennemført som planlagt. Der har været 40 deltagere i 2016.",
                      f"{second}: {group[0].upper()}{group[1:]}.", ""]
    return lines


@pytest.mark.parametrize("how", ["as written", "flattened", "docx", "pdf"])
@pytest.mark.parametrize("k", range(len(REPORT_HEADS)))
def test_a_status_reports_numbered_activities_with_their_fields(tmp_path, make_docx, make_pdf, k, how):
    report = extract_rendered(tmp_path, _status_report(k), how, make_docx, make_pdf)
    assert _acts(report) == _want(REPORT_AREAS)
