"""A summary table of two columns aligned with spaces in a text copy ("Indsatsområde   Aktivitetsnavn"
over its rows), and departments listed as "VH afd. 4 – Østparken, 344 lejemål" (set J's
strategic agreement, session 14): the table's rows are the activities with their focus areas (its
head row is no "Indsatsområde:" label), each department is named by what follows its number's
dash, with its dwellings. Two cells of other words aligned alike stay text. Made-up agreements of
three municipalities."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "fredericia": ("Fredericia", "Boligselskabet Lillebælt (BL)", "BL",
                   [("4", "Østparken", 344), ("11", "Nørregade-blokkene", 120)],
                   {"Kriminalitetsforebyggelse": ["Stationsholdet", "Forældrekraft"], "Beskæftigelse": ["Jobkompasset"]}),
    "hvidovre": ("Hvidovre", "Boligforeningen Hvidovre Hjem (HH)", "HH",
                 [("2", "Stationsvænget", 132), ("7", "Friheden Syd", 410)],
                 {"Uddannelse og livschancer": ["Lektiebanden"], "Sammenhængskraft og medborgerskab": ["Beboerkøkkenet"]}),
    "randers": ("Randers", "Boligforeningen Kristrup (BK)", "BK",
                [("12", "Vestervang", 288), ("14", "Lindevang", 96)],
                {"Beskæftigelse": ["Job i Vest", "Ungejob"], "Kriminalitetsforebyggelse": ["Natteravnene"]}),
}


def _lines(town, owner, short, departments, areas):
    lines = ["STRATEGISK SAMARBEJDSAFTALE OM BOLIGSOCIAL INDSATS", "", "Områdets navn: Østbyen", "",
             "Aftalens parter:", f"{town} Kommune", owner, "", "1. Kort om boligområdet", "", "Indsatsen omfatter:", ""]
    lines += [f"  {short} afd. {n} – {name}, {units} lejemål" for n, name, units in departments]
    lines += ["", "3. Indsatsområder", "", "Aktiviteterne er kort opsummeret her:", "",
              "Indsatsområde".ljust(39) + "Aktivitetsnavn"]
    lines += [area.ljust(39) + name for area, names in areas.items() for name in names]
    return lines + ["", "Navn og adresse    skrives nedenfor", "Dato og underskrift    efter mødet", ""]


@pytest.mark.parametrize("case", list(CASES))
def test_a_two_column_space_table_and_dashed_departments(tmp_path, make_docx, make_pdf, case):
    town, owner, short, departments, areas = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), "as written", make_docx, make_pdf)
    got, want = activity_areas(r, areas)
    assert got == want
    zones = {_key(z.name): z for z in r.zones}
    for _, name, units in departments:
        assert _key(name) in zones, name
        assert zones[_key(name)].units == units
    assert not [z for z in r.zones if z.name.lower().startswith("afd")]
