"""Made-up agreements with tables of activities and departments in many shapes, and the
renderings each is read in (tabs, pipes, spaces, a grid of rule lines, wrapped cells,
line breaks lost, .docx and .pdf cells). Shared by test_table_kinds.py; not a test module.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Case:
    name: str
    before: str
    rows: list[tuple[str, ...]]
    after: str = ""
    caption: str | None = None
    # activity name -> (focus area, partners, target categories)
    activities: dict[str, tuple[str | None, set[str], set[str]]] = field(default_factory=dict)
    # department name -> (owner, units, part_of)
    zones: dict[str, tuple[str | None, int | None, str | None]] = field(default_factory=dict)
    not_orgs: set[str] = field(default_factory=set)


def tabs(rows) -> str:
    return "\n".join("\t".join(r) for r in rows)


def pipes(rows) -> str:
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join([lines[0], "|" + "---|" * len(rows[0]), *lines[1:]])


def grid(rows) -> str:
    """A grid drawn with +---+ rule lines and | between cells, aligned."""
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]))]
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    body = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in rows]
    return "\n".join([rule, body[0], rule.replace("-", "="), *body[1:], rule])


def spaces(rows, wrap: int | None = None, gap: int = 3) -> str:
    """Columns aligned with runs of spaces; with ``wrap``, a cell longer than that many
    characters continues on the next line(s) in its own column, the others left empty."""
    cells = [[textwrap.wrap(c, wrap, break_long_words=False, break_on_hyphens=False) or [""] if wrap else [c]
              for c in r] for r in rows]
    widths = [max(len(part) for r in cells for part in r[k]) + gap for k in range(len(rows[0]))]
    out = []
    for r in cells:
        for n in range(max(len(c) for c in r)):
            out.append("".join((c[n] if n < len(c) else "").ljust(w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(out)


def ruled_spaces(rows) -> str:
    """Spaces between cells, a line of dashes under the head row and one under the table."""
    text = spaces(rows).splitlines()
    rule = "-" * max(map(len, text))
    return "\n".join([text[0], rule, *text[1:], rule])


def capitals(rows) -> str:
    """Spaces, the head row in capitals with a colon after each head ("AKTIVITET:")."""
    return spaces([tuple(f"{c.upper()}:" for c in rows[0]), *rows[1:]])


TEXT_STYLES = {"tabs": tabs, "pipes": pipes, "grid": grid, "spaces": spaces, "ruled": ruled_spaces,
               "wrapped": lambda rows: spaces(rows, wrap=22), "capitals": capitals}


def text_of(case: Case, style: str) -> str:
    caption = f"{case.caption}\n" if case.caption else ""
    return f"{case.before.strip()}\n\n{caption}{TEXT_STYLES[style](case.rows)}\n\n{case.after.strip()}\n"


def flat(text: str) -> str:
    """The text with its line breaks lost (a web copy): one line, single spaces."""
    return "1 " + " ".join(text.replace("\t", " ").split()) + "\n"


def write_docx(case: Case, path: Path) -> Path:
    import docx

    d = docx.Document()
    for line in case.before.strip().splitlines() + ([case.caption] if case.caption else []):
        d.add_paragraph(line)
    table = d.add_table(rows=len(case.rows), cols=len(case.rows[0]))
    for r, row in enumerate(case.rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for line in case.after.strip().splitlines():
        d.add_paragraph(line)
    d.save(path)
    return path


def write_pdf(case: Case, path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    for line in case.before.strip().splitlines() + ([case.caption] if case.caption else []):
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(first_row_as_headings=False) as table:
        for row in case.rows:
            cells = table.row()
            for text in row:
                cells.cell(text)
    for line in case.after.strip().splitlines():
        pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def write(case: Case, style: str, folder: Path) -> Path:
    """The case rendered in ``style`` (a text style, "<style>-flat", "docx" or "pdf")."""
    if style == "docx":
        return write_docx(case, folder / f"{case.name}.docx")
    if style == "pdf":
        return write_pdf(case, folder / f"{case.name}.pdf")
    base, _, lost = style.partition("-")
    text = text_of(case, base)
    path = folder / f"{case.name}-{style}.txt"
    path.write_text(flat(text) if lost else text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- activity tables

_GULDBORGSUND = """STRATEGISK SAMARBEJDSAFTALE
Områdets navn: Nykøbing Øst
Aftalens parter:
Guldborgsund Kommune
Boligselskabet Falster
Samarbejdsaftalen gælder fra 1. januar 2025 til 31. december 2028.

3. Aktiviteter
Boligselskabet Falster og kommunen har sammen valgt de aktiviteter, der står herunder."""

GULDBORGSUND = Case(
    "guldborgsund", _GULDBORGSUND,
    [("Indsatsområde", "Aktivitet", "Målgruppe", "Samarbejdspartnere"),
     ("Uddannelse og livschancer", "Lektiecafé Øst", "Børn 6-12 år", "Nykøbing Bibliotek, Østre Skole"),
     ("Uddannelse og livschancer", "Forældreklubben", "Forældre til små børn", "Sundhedsplejen Guldborgsund"),
     ("Beskæftigelse", "Jobværkstedet", "Ledige over 30 år", "Jobcenter Guldborgsund"),
     ("Kriminalitetsforebyggelse", "Natteravne Øst", "Unge 13-17 år", "SSP Guldborgsund, Sydsjællands Politi")],
    "4. Økonomi\nIndsatsen finansieres af Landsbyggefonden.",
    caption="Oversigt over aktiviteter",
    activities={"Lektiecafé Øst": ("Uddannelse og livschancer", {"Nykøbing Bibliotek", "Østre Skole"}, {"children"}),
                "Forældreklubben": ("Uddannelse og livschancer", {"Sundhedsplejen Guldborgsund"}, {"parents_families"}),
                "Jobværkstedet": ("Beskæftigelse", {"Jobcenter Guldborgsund"}, {"unemployed"}),
                "Natteravne Øst": ("Kriminalitetsforebyggelse", {"SSP Guldborgsund", "Sydsjællands Politi"},
                                   {"youth"})},
    not_orgs={"Lektiecafé Øst", "Jobværkstedet", "Natteravne Øst", "Forældreklubben", "Uddannelse og livschancer"})

_HJOERRING = """Boligsocial helhedsplan for Hjørring Vest 2024-2027
Aftalens parter: Hjørring Kommune og Vendsyssel Bolig
Samarbejdsaftalen gælder fra 1. januar 2024 til 31. december 2027.

Indsatsområde 2: Tryghed og trivsel
Aktiviteterne i indsatsområdet er vist i tabellen."""

HJOERRING = Case(
    "hjoerring", _HJOERRING,
    [("Nr.", "Aktiviteter", "Målgrupper", "Partnere", "Ansvarlig"),
     ("A1", "Gårdmændenes netværk", "Beboerdemokrater", "Vendsyssel Bolig", "Boligsocial leder"),
     ("A2", "Tryg i opgangen", "Alle beboere", "Nordjyllands Politi, Hjørring Kommune", "Projektleder"),
     ("A3", "Fritidsjob Vest", "Unge 15-17 år", "Ungdomsskolen Hjørring", "Ungekoordinator")],
    "Indsatsområde 3: Beskæftigelse\nHer står en beskrivelse af beskæftigelsesindsatsen.",
    caption="Tabel 3. Aktiviteter i indsatsområdet",
    activities={"Gårdmændenes netværk": ("Tryghed og trivsel", {"Vendsyssel Bolig"}, {"tenant_democracy"}),
                "Tryg i opgangen": ("Tryghed og trivsel", {"Nordjyllands Politi", "Hjørring Kommune"},
                                    {"residents_all"}),
                "Fritidsjob Vest": ("Tryghed og trivsel", {"Ungdomsskolen Hjørring"}, {"youth"})},
    not_orgs={"Gårdmændenes netværk", "Tryg i opgangen", "Fritidsjob Vest", "Boligsocial leder"})

_SILKEBORG = """Strategisk samarbejdsaftale for Helhedsplan Sydbyen
Parterne i aftalen: Silkeborg Kommune og Boligselskabet Midtjylland.
Aftalen gælder fra 1. januar 2026 til 31. december 2029.

Projekterne"""

SILKEBORG = Case(
    "silkeborg", _SILKEBORG,
    [("Tema", "Projekt", "Målgr.", "Samarb.", "Budget (kr.)"),
     ("Beskæftigelse", "Vejen til job", "Ledige kvinder over 25 år",
      "Jobcenter Silkeborg, Sprogcenter Midtjylland", "450.000"),
     ("Uddannelse og livschancer", "Læsevenner", "Børn i 1.-3. klasse og deres forældre",
      "Sydbyens Skole, Silkeborg Bibliotekerne", "200.000"),
     ("Sammenhængskraft og medborgerskab", "Grønne gårde", "Frivillige beboere",
      "Boligselskabet Midtjylland", "125.000")],
    "Økonomi\nLandsbyggefonden finansierer 75 procent.",
    activities={"Vejen til job": ("Beskæftigelse", {"Jobcenter Silkeborg", "Sprogcenter Midtjylland"},
                                  {"unemployed", "women"}),
                "Læsevenner": ("Uddannelse og livschancer", {"Sydbyens Skole", "Silkeborg Bibliotekerne"},
                               {"children", "parents_families"}),
                "Grønne gårde": ("Sammenhængskraft og medborgerskab", {"Boligselskabet Midtjylland"},
                                 {"volunteers"})},
    not_orgs={"Vejen til job", "Læsevenner", "Grønne gårde", "450.000"})

_FREDERICIA = """Samarbejdsaftale om den boligsociale indsats i Fredericia Nord
Aftalens parter: Fredericia Kommune, Lejerbo Fredericia og Boligselskabet Lillebælt
Aftalen gælder fra 1. april 2025 til 31. marts 2029.

Helhedsplanen har tre indsatsområder:
A. Uddannelse og livschancer
B. Beskæftigelse
C. Sammenhængskraft og medborgerskab

Aktiviteter"""

FREDERICIA = Case(
    "fredericia", _FREDERICIA,
    [("Aktivitet", "Indsatsomr.", "Målgruppe", "Partnere"),
     ("Sprogstart", "A", "Småbørnsfamilier", "Dagtilbud Nord"),
     ("Job i Nord", "B", "Ledige unge 18-29 år", "Jobcenter Fredericia"),
     ("Fællesspisning", "C", "Alle beboere", "Lejerbo Fredericia"),
     ("Klubaftener", "A", "Unge 13-17 år", "Fredericia Ungdomsskole")],
    "Underskrifter\nFredericia, den 1. marts 2025",
    activities={"Sprogstart": ("Uddannelse og livschancer", {"Dagtilbud Nord"}, {"parents_families"}),
                "Job i Nord": ("Beskæftigelse", {"Jobcenter Fredericia"}, {"young_adults", "unemployed"}),
                "Fællesspisning": ("Sammenhængskraft og medborgerskab", {"Lejerbo Fredericia"}, {"residents_all"}),
                "Klubaftener": ("Uddannelse og livschancer", {"Fredericia Ungdomsskole"}, {"youth"})},
    not_orgs={"Sprogstart", "Job i Nord", "Fællesspisning", "Klubaftener"})

_HADERSLEV = """Delaftale for indsatsområdet Kriminalitetsforebyggelse
Navn på den boligsociale indsats, som delaftalen vedrører: Haderslev Syd
Delaftalens parter: Haderslev Kommune, Haderslev Boligforening, Syd- og Sønderjyllands Politi
Delaftalen gælder fra - til: 1. januar 2025 til 31. december 2028"""

HADERSLEV = Case(
    "haderslev", _HADERSLEV,
    [("Aktivitetens navn", "Budget", "Målgrupper", "Samarbejdspartnere", "Indsatsområde"),
     ("Gadeplan Syd", "300.000 kr.", "Unge 14-20 år", "SSP Haderslev, Syd- og Sønderjyllands Politi",
      "Kriminalitetsforebyggelse"),
     ("Mentor for unge", "180.000 kr.", "Unge i risiko", "Haderslev Kommune, Ungeenheden",
      "Kriminalitetsforebyggelse")],
    "Kontaktperson: Lone Mikkelsen, projektleder, lomi@haderslev.dk, 74 34 34 34",
    caption="Skema 4 Aktiviteter",
    activities={"Gadeplan Syd": ("Kriminalitetsforebyggelse", {"SSP Haderslev", "Syd- og Sønderjyllands Politi"},
                                 {"youth"}),
                "Mentor for unge": ("Kriminalitetsforebyggelse", {"Ungeenheden"}, {"youth"})},
    not_orgs={"Gadeplan Syd", "Mentor for unge", "300.000 kr.", "Budget"})

_RINGSTED = """Boligsocial helhedsplan for Ringsted Øst 2025-2028
Aftalens parter:
Ringsted Kommune
Boligselskabet Sjælland Midt
Aftalen gælder fra 1. januar 2025 til 31. december 2028.

2. Indsatsområder
2.1 Uddannelse og livschancer
2.2 Beskæftigelse"""

RINGSTED = Case(
    "ringsted", _RINGSTED,
    [("Nr", "Indsats", "Område", "Målgruppe", "Parter"),
     ("2.1.1", "Lektieværksted", "Uddannelse og livschancer", "Skoleelever i 4.-9. klasse", "Ringsted Bibliotek"),
     ("2.1.2", "Familiekurser", "Uddannelse og livschancer", "Forældre", "Sundhedsplejen Ringsted"),
     ("2.2.1", "Virksomhedsbroen", "Beskæftigelse", "Ledige beboere", "Jobcenter Ringsted, Ringsted Erhvervsråd")],
    "3. Organisering\nStyregruppen mødes fire gange om året.",
    activities={"Lektieværksted": ("Uddannelse og livschancer", {"Ringsted Bibliotek"}, {"children"}),
                "Familiekurser": ("Uddannelse og livschancer", {"Sundhedsplejen Ringsted"}, {"parents_families"}),
                "Virksomhedsbroen": ("Beskæftigelse", {"Jobcenter Ringsted", "Ringsted Erhvervsråd"},
                                     {"unemployed"})},
    not_orgs={"Lektieværksted", "Familiekurser", "Virksomhedsbroen"})

# ---------------------------------------------------------------- department tables

_ROSKILDE = """Strategisk samarbejdsaftale
Områdets navn: Helhedsplan Musicon Syd
Aftalens parter:
Roskilde Kommune
Boligselskabet Sjælland
Roskilde Almennyttige Boligselskab
Aftalen gælder fra 1. januar 2025 til 31. december 2028.

Helhedsplanen dækker disse boligafdelinger:"""

ROSKILDE = Case(
    "roskilde", _ROSKILDE,
    [("Boligafdeling", "Boligorganisation", "Antal boliger", "Bydel"),
     ("Hedeparken", "Boligselskabet Sjælland afd. 11", "412", "Roskilde Syd"),
     ("Rørmosen", "Boligselskabet Sjælland afd. 14", "236", "Roskilde Syd"),
     ("Bakkegården", "Roskilde Almennyttige Boligselskab", "1.024", "Trekroner"),
     ("I alt", "", "1.672", "")],
    "Kontaktperson: Jens Hald, boligsocial leder, jeha@bosj.dk, 46 30 20 10",
    caption="Skema 1. Boligafdelinger i helhedsplanen",
    zones={"Hedeparken": ("Boligselskabet Sjælland", 412, "Roskilde Syd"),
           "Rørmosen": ("Boligselskabet Sjælland", 236, "Roskilde Syd"),
           "Bakkegården": ("Roskilde Almennyttige Boligselskab", 1024, "Trekroner")},
    not_orgs={"Hedeparken", "Rørmosen", "Bakkegården", "I alt", "Roskilde Syd"})

_HVIDOVRE = """Den boligsociale helhedsplan Hvidovre Nord 2024-2027
Aftalens parter: Hvidovre Kommune, AAB og Hvidovre Boligselskab
Helhedsplanen gælder fra 1. januar 2024 til 31. december 2027.

Boligområderne"""

_HVIDOVRE_AFTER = """Indikatorer
Indikator\tZone 1\tZone 2\tKommunen
Andel uden for arbejdsmarkedet\t31 %\t28 %\t12 %
Antal beboere\t2.104\t1.310\t53.000

Kontaktperson: Signe Berg, projektleder, sb@aab.dk"""

HVIDOVRE = Case(
    "hvidovre", _HVIDOVRE,
    [("Bebyggelse", "Zone", "Ejer", "Lejemål"),
     ("Avedøre Stationsby Nord", "1", "AAB", "610"),
     ("Friheden", "1", "Hvidovre Boligselskab", "288"),
     ("Rebæk Søpark", "2", "AAB", "545"),
     ("Samlet", "", "", "1.443")],
    _HVIDOVRE_AFTER,
    zones={"Avedøre Stationsby Nord": ("AAB", 610, "Zone 1"), "Friheden": ("Hvidovre Boligselskab", 288, "Zone 1"),
           "Rebæk Søpark": ("AAB", 545, "Zone 2")},
    not_orgs={"Avedøre Stationsby Nord", "Friheden", "Rebæk Søpark", "Samlet", "Indikator", "Kommunen",
              "Andel uden for arbejdsmarkedet"})

_SKANDERBORG = """Boligsocial helhedsplan Skanderborg Vest 2025-2028
Aftalens parter: Skanderborg Kommune, Skanderborg Andelsboligforening og Boligselskabet Østjylland
Aftalen gælder fra 1. januar 2025 til 31. december 2028.

Boligafdelingerne"""

SKANDERBORG = Case(
    "skanderborg", _SKANDERBORG,
    [("Boligselskab", "Afd.", "Lejligheder", "Kvarter"),
     ("Skanderborg Andelsboligforening", "Søtoften", "180", "Vestbyen"),
     ("Skanderborg Andelsboligforening", "Bakkehusene", "96", "Vestbyen"),
     ("Boligselskabet Østjylland", "Lyngvejen", "312", "Hørning")],
    "Helhedsplanens indsatsområder er beskæftigelse og sammenhængskraft.",
    zones={"Søtoften": ("Skanderborg Andelsboligforening", 180, "Vestbyen"),
           "Bakkehusene": ("Skanderborg Andelsboligforening", 96, "Vestbyen"),
           "Lyngvejen": ("Boligselskabet Østjylland", 312, "Hørning")},
    not_orgs={"Søtoften", "Bakkehusene", "Lyngvejen", "Vestbyen"})

ACTIVITY_CASES = [GULDBORGSUND, HJOERRING, SILKEBORG, FREDERICIA, HADERSLEV, RINGSTED]
ZONE_CASES = [ROSKILDE, HVIDOVRE, SKANDERBORG]
CASES = ACTIVITY_CASES + ZONE_CASES
