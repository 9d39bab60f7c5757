"""A short title line followed by prose is read as a project only where nothing else
names the activities (older plans); in a delaftale whose activities are labelled, the
section headings around them ("Boligområder i delaftalen", "Roller og ansvar") are no
activities."""
from __future__ import annotations

from samspil.loaders import extract_file

_DELAFTALE = """DELAFTALE
Indsatsområde: Uddannelse og livschancer
Boligsocial helhedsplan: Lemvig Syd

Samarbejdspartnere
Lemvig Bibliotek · Lemvig Skole

Boligområder i delaftalen
Tangsøparken (Lemvig Boligforening afd. 4) med 210 boliger.

Aktiviteter i delaftalen

Aktivitet 1: Lektiecafé Syd
Målgruppe: Skolebørn 7-15 år
Beskrivelse: Frivillige hjælper med lektier to gange om ugen.

Aktivitet 2: Læseklubben
Målgruppe: Børn 4-8 år
Beskrivelse: Biblioteket læser højt hver torsdag.

Roller og ansvar
Projektlederen har ansvaret for den daglige drift og refererer til styregruppen.

Opfølgning
Aktiviteterne følges op hvert halve år på et møde i styregruppen.
"""

_OLDER = """Helhedsplan for Lemvig Syd 2010-2013

Indsatsområde 1 – Børn og unge

Lektiecafé Syd
Frivillige hjælper skolebørnene med lektier to gange om ugen i beboerhuset.

Læseklubben
Lemvig Bibliotek læser højt for børn og forældre hver torsdag.
"""


def _activities(tmp_path, text: str) -> list[str]:
    path = tmp_path / "lemvig.txt"
    path.write_text(text, encoding="utf-8")
    return [a.name for a in extract_file(path).activities]


def test_section_headings_after_labelled_activities_are_no_activities(tmp_path):
    assert _activities(tmp_path, _DELAFTALE) == ["Lektiecafé Syd", "Læseklubben"]


def test_title_lines_are_projects_where_nothing_else_names_them(tmp_path):
    assert _activities(tmp_path, _OLDER) == ["Lektiecafé Syd", "Læseklubben"]
