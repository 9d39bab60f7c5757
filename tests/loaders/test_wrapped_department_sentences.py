"""Departments named in a sentence that wraps onto the next lines, their dwellings given there
"henholdsvis" ("Boligforeningen X afd. 21, Tjørnehaven, og afd. 23, Bøgelunden, ligger i den" /
"nordlige del af Køge og består af henholdsvis 248 og 316 boliger."; set I, session 13), and an
area sentence whose departments wrap ("Y består af ... afdelinger A (afd. 22, 318 lejemål)" /
"og B (afd. 24, 140 lejemål)."). A capitalised line after an unfinished one is no wrap. Made-up
older plans of three municipalities, as written, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "dragoer": ("Dragør", "Boligforeningen Dragørbo", ("Tjørnehaven", 248), ("Bøgelunden", 316)),
    "hoersholm": ("Hørsholm", "Hørsholm Almennyttige Boligselskab", ("Breelteparken", 412), ("Folehaven", 96)),
    "aeroe": ("Ærø", "Ærø Boligforening", ("Vestergade", 88), ("Pilebakken", 130)),
}


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_dwellings_given_respectively_on_the_next_line(tmp_path, make_docx, make_pdf, case, how):
    town, owner, (a, na), (b, nb) = CASES[case]
    lines = [f"Helhedsplan for {a} og {b}, {town} 2008-2011", f"Udarbejdet af {owner}", "",
             "1. Boligområdet", "",
             f"{owner} afd. 21, {a}, og afd. 23, {b}, ligger i den",
             f"nordlige del af {town} og består af henholdsvis {na} og {nb} boliger. Afdelingerne er",
             "opført i 1968-72.", "", "Projekter", "Lektiecafé i beboerhuset", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    units = {_key(z.name): z.units for z in r.zones}
    assert (units.get(_key(a)), units.get(_key(b))) == (na, nb)
