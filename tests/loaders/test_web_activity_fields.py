"""A web page that lists its activities as headings, each with a paragraph that ends with the
activity's own focus-area field ("... i huset. Indsatsområde: Børn, unge og familier."), and
links to documents and pages after them ("Relaterede dokumenter", "Se også") (set F's and set
H's web pages, session 14): each activity keeps the area its own field names, the areas are
named without the full stop, and the links are no activities. Made-up pages of three
municipalities, as written."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "frederikshavn": ("Frederikshavn", {"Børn, unge og familier": ["Familiehuset Abildgård", "Lektiehjælp i Abildgård"],
                                        "Uddannelse og beskæftigelse": ["Ung i Abildgård", "Job-Café"],
                                        "Fællesskab og naboskab": ["Beboerrådgivning"]}),
    "soenderborg": ("Sønderborg", {"Uddannelse og livschancer": ["Lektiecaféen Nørager"],
                                  "Beskæftigelse": ["Jobhjørnet", "Fritidsjob Nord"]}),
    "holbaek": ("Holbæk", {"Sammenhængskraft og medborgerskab": ["Beboerkøkkenet", "Naboskab i Nord"],
                          "Kriminalitetsforebyggelse": ["Natteravne Holbæk"]}),
}


def _lines(town, areas):
    lines = ["Spring til indhold", f"Forside &gt; Om os &gt; Boligsocialt arbejde &gt; Helhedsplan Nord, {town}", "",
             f"<h1>Helhedsplan Nord – boligsocial helhedsplan i {town}</h1>",
             f"<p>Helhedsplanen er et samarbejde mellem Boligforeningen Nord og {town} Kommune.</p>", "",
             "<h2>Indsatsområder</h2>", "<ul>", *(f"<li><strong>{a}</strong></li>" for a in areas), "</ul>", "",
             "<h2>Aktiviteter</h2>", ""]
    for area, names in areas.items():
        for name in names:
            lines += [f"<h3>{name}</h3>", f"<p>Et åbent tilbud hver uge i beboerhuset.&nbsp;Indsatsområde: {area}.</p>", ""]
    return lines + ["<h2>Relaterede dokumenter</h2>", "<ul>",
                    '<li><a href="/media/1.pdf">Helhedsplan Nord 2017-2020 (pdf)</a></li>',
                    '<li><a href="/media/2.pdf">Årsrapport 2018 (pdf)</a></li>', "</ul>", "",
                    "<h2>Se også</h2>", "<ul>", '<li><a href="/nyheder/">Nyheder</a></li>', "</ul>", ""]


@pytest.mark.parametrize("case", list(CASES))
def test_each_activity_keeps_its_own_focus_field(tmp_path, make_docx, make_pdf, case):
    town, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, areas), "as written", make_docx, make_pdf)
    assert [_key(f.name) for f in r.focus_areas] == [_key(a) for a in areas]
    got, want = activity_areas(r, areas)
    assert got == want  # (the first too: its title line, text and field, before any area is named)
    assert not {_key(a.name) for a in r.activities} & {"nyheder", "årsrapport 2018"}

