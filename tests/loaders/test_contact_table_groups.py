"""Made-up tables of contact persons whose organisation stands in a row of its own above
its people (a group row: one filled cell, or a line without cells), in the renderings a
table arrives in (tabs, pipes, a grid, Word cells, PDF cells): each person gets the
organisation of the group row above (the most specific unit: "Ringsted Kommune, Center for
Børn og Unge" -> the centre), and the head row "Navn / Titel / E-mail / Telefon" keeps its
columns (its words are no labels to cut at)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from table_cases import Case, write  # noqa: E402

from samspil.loaders import extract_file  # noqa: E402

AFTER = "Indsatsområde: Uddannelse og livschancer\nAktivitet: Lektiecafé i Egevangen\nFormål: At styrke børns skolegang."
TABLES = {
    "navn-titel": ([("Navn", "Titel", "E-mail", "Telefon"),
                    ("Ringsted Kommune, Center for Børn og Unge", "", "", ""),
                    ("Lise Hald", "Leder", "lh@ringsted.dk", "57 87 60 01"),
                    ("Mads Berg", "Konsulent", "mabe@ringsted.dk", "57 87 60 02"),
                    ("Boligselskabet Ringsted", "", "", ""),
                    ("Kirsten Vang", "Direktør", "kv@bo-ringsted.dk", "23 45 67 89")],
                   {"Lise Hald": ("Center for Børn og Unge", "lh@ringsted.dk", "57876001"),
                    "Mads Berg": ("Center for Børn og Unge", "mabe@ringsted.dk", "57876002"),
                    "Kirsten Vang": ("Boligselskabet Ringsted", "kv@bo-ringsted.dk", "23456789")}),
    "kontaktperson-funktion": ([("Kontaktperson", "Funktion", "Mail", "Tlf."),
                                ("Lejerbo", "", "", ""),
                                ("Ida Lund", "Boligsocial leder", "il@lejerbo.dk", "+45 22 33 44 55"),
                                ("Faxe Kommune – Jobcenter Faxe", "", "", ""),
                                ("Per Holm", "Virksomhedskonsulent", "ph@faxe.dk", "5620 3041"),
                                ("Anne Krog", "Teamleder", "ak@faxe.dk", "5620 3042")],
                               {"Ida Lund": ("Lejerbo", "il@lejerbo.dk", "+4522334455"),
                                "Per Holm": ("Jobcenter Faxe", "ph@faxe.dk", "56203041"),
                                "Anne Krog": ("Jobcenter Faxe", "ak@faxe.dk", "56203042")}),
}


@pytest.mark.parametrize("style", ["tabs", "pipes", "grid", "docx", "pdf"])
@pytest.mark.parametrize("table", list(TABLES))
def test_people_under_a_group_row_get_its_organisation(tmp_path, table, style):
    rows, want = TABLES[table]
    case = Case(name=table, before="Strategisk samarbejdsaftale for Egevangen 2025-2028\n\nKontaktpersoner",
                rows=rows, after=AFTER)
    r = extract_file(write(case, style, tmp_path))
    got = {c.name: ((c.organisation or "").casefold(), c.email, c.phone) for c in r.contacts}
    assert got == {n: (o.casefold(), e, p) for n, (o, e, p) in want.items()}
