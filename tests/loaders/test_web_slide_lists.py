"""Activities listed under their focus area's heading on a web page (an <h2>/<h3> heading
or an "Indsatsområde: X" paragraph over <li> items, the name in <strong>/<b> or before a
dash or colon) and in a slide deck's text ("Indsatsområde 2. Beskæftigelse" over bullets):
made-up agreements in other municipalities' names, as written, Word and PDF; the slide
decks also with their line breaks lost. The item's name is the activity, never its whole
sentence ("Lektiecafé for 3.-6. klasse" keeps its ordinal's dot)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered  # noqa: E402

AREAS = [("Uddannelse og livschancer", [("Lektiecafé", "for børn i 3.-6. klasse"),
                                        ("Forældrekurser", "for forældre til småbørn")]),
         ("Beskæftigelse", [("Jobvejleder i boligområdet", "individuel vejledning af ledige"),
                            ("Kvindenetværket", "netværk for kvinder uden job")])]
WANT = [(name, area) for area, items in AREAS for name, _ in items]
WEB_HEADS = ["<h3>{a}</h3>", "<h2>{a}</h2>", "<p>Indsatsområde: {a}</p>", "<h3>{a}</h3>"]
WEB_ITEMS = ["<li><strong>{x}</strong> – {d}</li>", "<li><b>{x}</b>: {d}</li>", "<li>{x} – {d}</li>",
             "<li>{x}</li>"]
SLIDE_HEADS = ["Indsatsområde {n}: {a}", "Indsatsområde {n}. {a}", "INDSATSOMRÅDE {n} – {A}", "Indsatsområde {n} - {a}"]
SLIDE_ITEMS = ["• {x}", "- {x} – {d}", "▪ {x}: {d}", "• {x} ({d})"]
TOWNS = ["Viborg", "Skive", "Holstebro", "Ringkøbing-Skjern"]


def _web(k: int) -> list[str]:
    lines = [f"<nav>Forside &gt; Boligsocialt arbejde &gt; Helhedsplan Solhaven {TOWNS[k]}</nav>",
             f"<h1>Helhedsplan Solhaven 2023-2026</h1>",
             f"<p>Helhedsplanen er et samarbejde mellem {TOWNS[k]} Kommune og Boligselskabet Nord.</p>", ""]
    for area, items in AREAS:
        lines += [WEB_HEADS[k].format(a=area), "<ul>"] + [WEB_ITEMS[k].format(x=x, d=d) for x, d in items] \
            + ["</ul>", ""]
    return lines


def _slides(k: int) -> list[str]:
    lines = [f"Boligsocial helhedsplan Skovparken 2022-2025", f"{TOWNS[k]} Kommune · Boligselskabet Midt", ""]
    for n, (area, items) in enumerate(AREAS, start=1):
        lines += [SLIDE_HEADS[k].format(n=n, a=area, A=area.upper())] \
            + [SLIDE_ITEMS[k].format(x=x, d=d) for x, d in items] + [""]
    return lines


def _acts(report) -> list[tuple[str, str | None]]:
    return [(a.name, a.focus_area and a.focus_area.casefold()) for a in report.activities]


def _want() -> list[tuple[str, str]]:
    return [(x, a.casefold()) for x, a in WANT]


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("k", range(len(WEB_HEADS)))
def test_activities_listed_under_a_web_pages_headings(tmp_path, make_docx, make_pdf, k, how):
    report = extract_rendered(tmp_path, _web(k), how, make_docx, make_pdf)
    assert _acts(report) == _want()
    assert [f.name.casefold() for f in report.focus_areas] == [a.casefold() for a, _ in AREAS]


@pytest.mark.parametrize("how", ["as written", "flat", "flattened", "docx", "pdf"])
@pytest.mark.parametrize("k", range(len(SLIDE_HEADS)))
def test_activities_listed_under_a_slides_headings(tmp_path, make_docx, make_pdf, k, how):
    report = extract_rendered(tmp_path, _slides(k), how, make_docx, make_pdf)
    assert _acts(report) == _want()


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
def test_a_pages_lists_of_parties_and_related_pages_are_no_focus_areas(tmp_path, make_docx, make_pdf, how):
    """Headings over a list of the parties, of related documents or of partners (the page's
    chrome, or the agreement's parties) head no focus area, and their items are no
    activities."""
    lines = ["<h1>Helhedsplan for Lyngparken 2024-2027</h1>",
             "<p>Helhedsplanen er et samarbejde mellem boligorganisationerne og Herning Kommune.</p>",
             "<h3>Helhedsplanens parter</h3>", "<ul>", "<li>Boligselskabet Herning</li>",
             "<li>Herning Kommune</li>", "<li>Lejerbo Herning</li>", "</ul>",
             "<h3>Samarbejdspartnere</h3>", "<ul>", "<li>Jobcenter Herning – beskæftigelse</li>",
             "<li>Herning Bibliotekerne – lektiehjælp</li>", "<li>Midt- og Vestjyllands Politi</li>", "</ul>",
             "<h3>Relaterede dokumenter</h3>", "<ul>", "<li>Strategisk samarbejdsaftale (pdf)</li>",
             "<li>Årsrapport 2023 (pdf)</li>", "</ul>"]
    report = extract_rendered(tmp_path, lines, how, make_docx, make_pdf)
    assert report.focus_areas == [] and report.activities == []
