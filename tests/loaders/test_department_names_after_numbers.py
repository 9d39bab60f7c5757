"""Departments named after their number, in brackets or by the street they stand on, with their
dwellings after "med" ("Vestjysk Boligforenings afdeling 11 (Nørrevang I) med 318 boliger og
afdeling 12 (Nørrevang II) med 164 boliger samt Holstebro Almennyttige Boligselskabs afdeling 31 på
Hjermvej med 120 boliger"; set H's 2010 plan, session 14): each by its name, number, owner and
dwellings (the second keeps the first's owner). Made-up plans of three municipalities, as written
and flattened."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "holstebro": ("Holstebro", "Vestjysk Boligforening", "Holstebro Almennyttige Boligselskab",
                  [("11", "Nørrevang I", 318), ("12", "Nørrevang II", 164)], ("31", "Hjermvej", 120)),
    "skive": ("Skive", "Skivehus Boligselskab", "Boligforeningen Skive",
              [("4", "Egeris Nord", 240), ("5", "Egeris Syd", 188)], ("9", "Kongensgade", 64)),
    "randers": ("Randers", "Boligforeningen Kristrup", "Randers Boligforening",
                [("7", "Vestervang I", 300), ("8", "Vestervang II", 150)], ("14", "Tøjhushavevej", 90)),
}


def _lines(town, first, second, pair, last):
    (c1, n1, u1), (c2, n2, u2) = pair
    c3, n3, u3 = last
    return [f"Helhedsplan for {n1.split()[0]}, {town} 2010-2013", "",
            f"Helhedsplanen er udarbejdet af {first}, {second} og {town} Kommune.", "", "2. Beskrivelse af området", "",
            f"Boligområdet består af {first}s afdeling {c1} ({n1}) med {u1} boliger og afdeling {c2} ({n2}) med "
            f"{u2} boliger samt {second}s afdeling {c3} på {n3} med {u3} boliger. I alt {u1 + u2 + u3} boliger.", ""]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("case", list(CASES))
def test_names_in_brackets_or_streets_after_the_numbers(tmp_path, make_docx, make_pdf, case, how):
    town, first, second, pair, last = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    zones = {_key(z.name): z for z in r.zones}
    for (code, name, units), owner in [(pair[0], first), (pair[1], first), (last, second)]:
        z = zones.get(_key(name))
        assert z is not None, (name, sorted(zones))
        assert (z.units, _key(z.housing_organisation)) == (units, _key(owner))
        assert f"afd. {code}" in z.aliases
    assert not [z for z in r.zones if z.name.startswith("Afd.")]
