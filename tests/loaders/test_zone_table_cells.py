"""Zones given as a two-cell table, "Zone 1)" in the first cell and "Place: X afd. N (n boliger)"
in the second (an HTML or Word table; session 16: the cells joined as "Zone 1): Place: ..." gave
the zone an empty alias and made the whole report invalid). The zone is named by its place, with
"Zone N" as its alias, and holds its department. Made-up agreements of three municipalities, as
HTML in a text file, as written with tabs and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract  # noqa: E402

CASES = {
    "morsoe": ("Morsø", [("Østerparken", "Morsø Boligforening", "4", 212), ("Skovbakken", "Limfjordsbo", "9", 96)]),
    "struer": ("Struer", [("Holmgården", "Struer Almene", "2", 140), ("Bremdal Nord", "Limfjordsbo", "11", 88)]),
    "odder": ("Odder", [("Rosenhøj", "Odderbo", "12", 310), ("Hou Strand", "Boligselskabet Hou", "3", 74)]),
}


def _lines(town, zones, how):
    lines = [f"Strategisk samarbejdsaftale for {town} Øst", "",
             "Aftalens parter: " + " og ".join(sorted({o for _, o, _, _ in zones})) + f" samt {town} Kommune", ""]
    rows = [(f"Zone {k})", f"{place}: {org} afd. {nr} ({units} boliger)") for k, (place, org, nr, units) in enumerate(zones, 1)]
    if how == "html":
        lines.append("<table>" + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows) + "</table>")
    else:
        lines += [f"{a}\t{b}" for a, b in rows]
    return lines + [""]


@pytest.mark.parametrize("how", ["html", "as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_zones_in_a_two_cell_table(tmp_path, make_docx, make_pdf, case, how):
    town, zones = CASES[case]
    r = _extract(tmp_path, _lines(town, zones, how), "as written" if how == "html" else how, make_docx, make_pdf)
    by_name = {z.name: z for z in r.zones}
    for k, (place, org, nr, units) in enumerate(zones, 1):
        assert place in by_name and f"Zone {k}" in by_name[place].aliases
        assert all(a.strip() for z in r.zones for a in z.aliases)
        parts = [z for z in r.zones if z.part_of == place and z.type == "housing_department"]
        assert [z.units for z in parts] == [units]
