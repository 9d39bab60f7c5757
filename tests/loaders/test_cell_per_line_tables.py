"""A table copied one cell a line, its head cells first ("Afdeling" / "Boligorganisation" / "By" /
"Boliger" / "Engvej" / "Vesterhavsbo" / "Ringkøbing" / "164" / ...; set K's 2012 plan, session 14):
each department with its owner, town and dwellings; a total row ends it; three short lines of other
words stay text. Made-up plans of three municipalities, as written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "ringkoebing": ("Ringkøbing-Skjern", [("Engvej", "Boligselskabet Vesterhavsbo", "Ringkøbing", 164),
                                          ("Skovbakken", "Skjern Almene Boligselskab", "Skjern", 310),
                                          ("Ringvej Syd", "Tarm Boligforening", "Tarm", 128)]),
    "varde": ("Varde", [("Kløvermarken", "Boligselskabet Vardeå", "Varde", 220), ("Ådalen", "Boligforeningen Vest", "Varde", 96)]),
    "struer": ("Struer", [("Fjordparken", "Struer Boligselskab", "Struer", 180), ("Engen", "Boligforeningen Limfjord", "Struer", 88),
                          ("Kirkebakken", "Struer Boligselskab", "Struer", 64)]),
}


def _lines(town, rows):
    owners = sorted({o for _, o, _, _ in rows})
    lines = [f"Boligsocial helhedsplan i {town} 2012-2016", "",
             f"Ansøgere: {', '.join(owners)} i samarbejde med {town} Kommune", "",
             "Kapitel 1 Baggrund", "", "Tabel 1. Afdelinger i helhedsplanen", "", "Afdeling", "Boligorganisation", "By", "Boliger"]
    for name, owner, place, units in rows:
        lines += [name, owner, place, str(units)]
    return lines + ["I alt", "", str(sum(r[3] for r in rows)), "", "Kilde: Landsbyggefondens beboerdata.", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_table_one_cell_a_line(tmp_path, make_docx, make_pdf, case, how):
    town, rows = CASES[case]
    r = _extract(tmp_path, _lines(town, rows), how, make_docx, make_pdf)
    zones = {_key(z.name): z for z in r.zones}
    for name, owner, place, units in rows:
        z = zones.get(_key(name))
        assert z is not None, (name, sorted(zones))
        assert (z.units, _key(z.housing_organisation)) == (units, _key(owner))


def test_short_lines_of_other_words_stay_text():
    from samspil.loaders.space_tables import cell_lines_tables

    lines = ["Mål", "Delmål", "Indhold", "Flere i job", "Færre ledige", "Jobcafé", "Flere unge", "Færre", "Klub"]
    assert cell_lines_tables(lines) == lines
