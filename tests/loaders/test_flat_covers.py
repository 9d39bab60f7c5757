"""A cover whose line breaks were lost names its plan as the cover did (made-up covers in
other municipalities' names, as written and with each page run onto one line): a title in
capitals over a subtitle, a quoted name after the years, a letterhead over the document
type and "X – boligsocial indsats i Y", a two-column table with "Navn på indsatsen", and
a web page's chrome and breadcrumb over its title. Each cover is followed by a page of
text, so the flat copy's first line holds the cover and the text after it (the name was
missing, or the letterhead and document type ran into it).
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract  # noqa: E402

TEXT = ["", "Indledning", "",
        "Helhedsplanen bygger videre på erfaringerne fra de seneste år. Beboerne, afdelingsbestyrelserne og "
        "kommunen har i fællesskab peget på de udfordringer, indsatsen skal tage fat på i perioden.", ""]

COVERS = {
    "caps title": (["HELHEDSPLAN FOR SKOVBAKKEN", "Boligsocial indsats 2009-2012", "",
                    "Ansøgning til Landsbyggefonden om støtte til boligsociale aktiviteter", "Skive, maj 2009"],
                   "helhedsplan for skovbakken"),
    "quoted name": (["Boligsocial helhedsplan 2012-2015", "\"Sammen på Fjordsiden\"", "Fjordsiden og Møllehaven, Struer",
                     "", "Struer Boligselskab · Struer Kommune"], "sammen på fjordsiden"),
    "letterhead": (["Kalundborg Kommune", "", "STRATEGISK SAMARBEJDSAFTALE",
                    "Nyt Nordbyen – boligsocial indsats i Nordbyen og Solvangen", "", "Samarbejdsparter",
                    "  Kalundborg Boligselskab", "  Kalundborg Kommune"], "nyt nordbyen"),
    "table": (["STRATEGISK SAMARBEJDSAFTALE – BOLIGSOCIAL INDSATS RINGSTED SYD 2021-2024", "",
               "| Felt | Indhold |", "|---|---|", "| Navn på indsatsen | Ringsted Sammen |",
               "| Aftaleperiode | 1. april 2021 – 31. marts 2025 |", "| Kommune | Ringsted Kommune |"],
              "ringsted sammen"),
    "web page": (["Spring til indhold", "Lejerbo Ikast", "Søg bolig | Beboer | Om os | Kontakt", "",
                  "Vi bruger cookies for at forbedre din oplevelse. Accepter alle   Kun nødvendige", "",
                  "Forside &gt; Om os &gt; Boligsocialt arbejde &gt; Stadion Allé i Udvikling", "",
                  "<h1>Stadion Allé i Udvikling – boligsocial helhedsplan 2019-2022</h1>"], "stadion allé i udvikling"),
}


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("cover", list(COVERS))
def test_a_cover_run_onto_the_text_still_names_the_plan(tmp_path, make_docx, make_pdf, cover, how):
    lines, want = COVERS[cover]
    r = _extract(tmp_path, lines + TEXT, how, make_docx, make_pdf)
    names = [r.plan.name or "", *r.plan.aliases]
    assert want in [n.casefold() for n in names], (r.plan.name, r.plan.aliases)
    assert not r.plan.name.casefold().startswith(("strategisk", "kalundborg kommune", "spring"))
