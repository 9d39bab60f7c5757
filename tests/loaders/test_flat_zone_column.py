"""A table of departments whose last column is the zone each lies in ("Afdeling<TAB>
Boligorganisation<TAB>Lejemål<TAB>Zone" over "Solbjerghaven<TAB>FH<TAB>402<TAB>Zone A – Solbjerg"),
with its tabs and line breaks lost in a web copy (set J's Word document, flattened, session 14):
each department with its dwellings, in its zone, and each zone once. Made-up agreements of three
municipalities, flattened and as written."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "frederiksberg": ("Frederiksberg", [("Solbjerghaven", 402, "Zone A – Solbjerg"), ("Godthåbsgården", 186, "Zone A – Solbjerg"),
                                        ("Nyelandshusene", 414, "Zone B – Nyelandsvej")]),
    "gladsaxe": ("Gladsaxe", [("Værebro Park", 1050, "Zone 1"), ("Høje Gladsaxe", 1120, "Zone 2"), ("Bagsværd Vest", 210, "Zone 2")]),
    "odense": ("Odense", [("Bøgeparken", 620, "Zone A – Vollsmose"), ("Egeparken", 540, "Zone A – Vollsmose"),
                          ("Birkeparken", 480, "Zone B – Øst")]),
}


def _lines(town, rows):
    return [f"Strategisk samarbejdsaftale Områdets navn: Helhedsplan {town}", "",
            f"Aftalens parter: {town} Kommune og Boligselskabet Hjem (BH)", "", "1. Kort om boligområdet", "",
            "Helhedsplanen omfatter afdelingerne i to zoner.", "",
            "Afdeling\tBoligorganisation\tLejemål\tZone", *(f"{n}\tBH\t{u}\t{z}" for n, u, z in rows),
            f"I alt\t\t{sum(u for _, u, _ in rows)}\t", "", "2. Vision", "", "Et godt sted at bo.", ""]


@pytest.mark.parametrize("how", ["flattened", "as written"])
@pytest.mark.parametrize("case", list(CASES))
def test_departments_in_the_zones_of_their_column(tmp_path, make_docx, make_pdf, case, how):
    town, rows = CASES[case]
    r = _extract(tmp_path, _lines(town, rows), how, make_docx, make_pdf)
    zones = {_key(z.name): z for z in r.zones}
    for name, units, zone in rows:
        z = zones.get(_key(name))
        assert z is not None, (name, sorted(zones))
        assert (z.units, _key(z.part_of)) == (units, _key(zone))
    assert sorted(_key(z.name) for z in r.zones if z.type == "zone") == sorted({_key(z) for *_, z in rows})
