"""An activity table's own reach: its rows end where another table's head row starts,
and the focus areas its column names are the document's when nothing else names them."""
from __future__ import annotations

import pytest

from samspil.loaders import extract_file

_ACTIVITIES = {"Lektiestuen": "Uddannelse og livschancer", "Madklubben": "Sundhed og trivsel",
               "Jobbanken": "Beskæftigelse"}


def _table(sep: str, caps: bool) -> str:
    head = ["Nr", "Aktivitet", "Indsatsområde", "Målgruppe", "Samarbejdspartnere"]
    if caps:
        head = [f"{h.upper()}:" for h in head]
    rows = [[str(k), name, focus, "Børn og unge", "Sorø Bibliotek"]
            for k, (name, focus) in enumerate(_ACTIVITIES.items(), start=1)]
    return "\n".join(sep.join(r) for r in [head, *rows])


def _agreement(tmp_path, sep: str, caps: bool = False):
    text = f"""Boligsocial helhedsplan Sorø Nord 2022-2025
Aftalens parter: Sorø Kommune og Boligselskabet Midtsjælland

Oversigt over aktiviteter
{_table(sep, caps)}

Kontaktliste
Navn\tTitel\tOrganisation\tE-mail\tTelefon
Lene Bjerre\tProjektleder\tBoligsocialt sekretariat\tlb@soroenord.dk\t+45 22 33 44 55
Kasper Holm\tSSP-konsulent\tSSP Sorø\tkaho@soroe.dk\t5787 6000
"""
    path = tmp_path / "soroe.txt"
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


@pytest.mark.parametrize("sep, caps", [(" | ", False), ("\t", False), ("\t", True), (" | ", True)])
def test_an_activity_table_ends_at_the_next_tables_head_row(tmp_path, sep, caps):
    report = _agreement(tmp_path, sep, caps)
    assert {a.name: a.focus_area for a in report.activities} == _ACTIVITIES
    assert {c.name for c in report.contacts} >= {"Lene Bjerre", "Kasper Holm"}


@pytest.mark.parametrize("sep, caps", [(" | ", False), ("\t", True)])
def test_the_focus_areas_of_an_activity_tables_column(tmp_path, sep, caps):
    report = _agreement(tmp_path, sep, caps)
    assert [f.name for f in report.focus_areas] == list(dict.fromkeys(_ACTIVITIES.values()))
