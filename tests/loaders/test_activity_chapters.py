"""A plan described in prose whose activities stand in a chapter of their own, one
"Name: what it is" entry after another ("5. Aktiviteterne kort", set J's web page, session 14);
each activity's focus area is the one a sentence elsewhere names before it ("Under
Beskæftigelse arbejder vi med Jobbutikken"), and its partners are those of its own entry.
Made-up web pages of three municipalities, as written, flattened, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "hjoerring": ("Hjørring", "Aktiviteterne kort",
                  {"Uddannelse og livschancer": [("Lektiehjælp i Nørrebakken", "Hjørring Frivilligcenter"),
                                                 ("Familieklub Vendsyssel", "Sundhedsplejen")],
                   "Beskæftigelse": [("Jobbutikken", "Jobcenter Hjørring")]}),
    "skive": ("Skive", "Aktiviteter",
              {"Sammenhængskraft og medborgerskab": [("Fællesspisning på tværs", "Skive Bibliotek")],
               "Beskæftigelse": [("Ungejob Skive", "UU Skive"), ("Jobcaféen", "Jobcenter Skive")]}),
    "greve": ("Greve", "Vores aktiviteter i overblik",
              {"Kriminalitetsforebyggelse": [("Natteravne i Hedelyngen", "Foreningen Natteravnene")],
               "Uddannelse og livschancer": [("Lektiecafé Hedelyngen", "Greve Bibliotek"),
                                             ("Mor og barn-klubben", "Sundhedsplejen")]}),
}


def _lines(town, chapter, areas):
    mentions = " ".join(f"Under {area} arbejder vi med " + " og med ".join(n for n, _ in items) + "."
                        for area, items in areas.items())
    lines = ["Spring til indhold", f"Forside > Om helhedsplanen > Helhedsplan Bakkely, {town}", "",
             f"Strategisk samarbejdsaftale Områdets navn: Bakkely Aftalens parter: {town} Kommune og Boligselskabet Nord.",
             "", "1. Indsatsområder", f"Helhedsplanen arbejder inden for {len(areas)} indsatsområder:",
             " ".join(f"• {area}" for area in areas), "", mentions, "",
             f"2. {chapter}"]
    for items in areas.values():
        lines += [f"{name}: ugentlige aktiviteter for beboerne i samarbejde med {partner}." for name, partner in items]
    return lines + ["", "Kontakt", "Kommunens kontaktperson: Helle Munk, konsulent, hemu@example.dk", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_entries_of_an_activities_chapter(tmp_path, make_docx, make_pdf, case, how):
    town, chapter, areas = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    want = {_key(n): (_key(area), _key(p)) for area, items in areas.items() for n, p in items}
    got = {_key(a.name): a for a in r.activities}
    assert set(got) == set(want)
    for name, (area, partner) in want.items():
        assert _key(got[name].focus_area) == area
        partners = {_key(p) for p in got[name].partners}
        assert partner in partners, name
        assert not partners & {p for n, (_, p) in want.items() if n != name}, name  # (the next entry's)


def test_one_entry_or_contact_lines_are_no_activities(tmp_path, make_docx, make_pdf):
    """A chapter with one "Name:" entry, and the contact lines after it, name no activities."""
    lines = ["Helhedsplan Bakkely, Skive", "", "Aftalens parter: Skive Kommune og Boligselskabet Nord.", "",
             "2. Aktiviteter", "Lektiecafé: hver tirsdag i beboerhuset.", "Kontakt: Helle Munk, hemu@example.dk",
             "Tlf.: 12345678", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert not {_key(a.name) for a in r.activities} & {"kontakt", "tlf"}


OLDER = {"taarnby": ("Tårnby", ["Natteravne Kastrup", "Opgangsvenner", "Seniorcafé"]),
         "ishoej": ("Ishøj", ["Lektiecafé Vildtbanen", "Kvindeklubben"]),
         "roskilde": ("Roskilde", ["Ungdomsklubben Basen", "Fædregruppen", "Mødrecafé"])}


@pytest.mark.parametrize("how", ["as written", "flat"])
@pytest.mark.parametrize("case", list(OLDER))
def test_entries_under_a_heading_in_capitals_after_a_flattened_table(tmp_path, make_docx, make_pdf, case, how):
    """An older plan's "PROJEKTERNE" chapter: a budget table whose cells lost their tabs, then one
    "Name: ..." entry per project (the first right after the table's last amount); the
    project leader's line after "ORGANISERING" is no project."""
    town, names = OLDER[case]
    lines = [f"Helhedsplan for Vestparken, {town} 2007-2010", "", "INDSATSOMRÅDER", "I. Tryghed", "II. Børn og unge", "",
             "PROJEKTERNE", "Projekt Indsatsområde Budget pr. år"]
    lines += [f"{name} I {40 + k}.000" for k, name in enumerate(names)]
    lines += [f"{name}: Beboerne mødes hver uge, og frivillige hjælper til." for name in names]
    lines += ["", "ORGANISERING", "Projektleder: Kirsten Dalsgaard, tlf. 32501781", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {_key(a.name) for a in r.activities} == {_key(n) for n in names}


def test_template_labels_are_no_entries(tmp_path, make_docx, make_pdf):
    """Under a page's menu that names "Aktiviteter", the agreement's own labels ("Områdets navn:",
    "Aftalens parter:") are no activities of a chapter."""
    lines = ["Forside", "Aktiviteter", "Kontakt", "", "Områdets navn: Bakkely", "Aftalens parter: Skive Kommune og Boligselskabet Nord",
             "Samarbejdsaftalen gælder fra - til: 1. januar 2024 til 31. december 2027", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert not {_key(a.name) for a in r.activities} & {"områdets navn", "aftalens parter", "samarbejdsaftalen gælder fra til"}
