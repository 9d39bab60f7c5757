"""Departments numbered and then named in two lists of one length, with their dwellings
"henholdsvis" ("Østersøbos afdelinger 21 og 23, Skovløkken og Kildegården, rummer henholdsvis 286
og 144 boliger"), and a department added by "Desuden indgår X (ca. 90 boliger)" (set J's 2006 plan,
session 14): each department by its name with its number, owner and dwellings; no zone named
"Desuden indgår X". Made-up plans of three municipalities, as written, flattened and Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "bornholm": ("Rønne", "Boligselskabet Østersøbo", "Østersøbos", [("21", "Skovløkken", 286), ("23", "Kildegården", 144)],
                 "Agerhuset", 90),
    "tarnby": ("Kastrup", "Boligselskabet Amagerbo", "Amagerbos", [("7", "Amagerlund", 402), ("9", "Sneglehusene", 118),
                                                                 ("12", "Tømmerup", 96)], "Løvparken", 60),
    "viborg": ("Viborg", "Boligselskabet Viborg", "Boligselskabet Viborgs",
               [("3", "Houlkær", 520), ("5", "Skaldehøj", 210)], "Vestervang", 75),
}


def _lines(town, org, genitive, departments, extra, units):
    codes = " og ".join(c for c, _, _ in departments[-2:])
    codes = ", ".join(c for c, _, _ in departments[:-2]) + (", " if len(departments) > 2 else "") + codes
    names = ", ".join(n for _, n, _ in departments[:-2]) + (", " if len(departments) > 2 else "") + \
        " og ".join(n for _, n, _ in departments[-2:])
    counts = ", ".join(str(u) for _, _, u in departments[:-2]) + (", " if len(departments) > 2 else "") + \
        " og ".join(str(u) for _, _, u in departments[-2:])
    return [f"Helhedsplan for {town} Syd 2006-2009", "", f"Helhedsplanen er udarbejdet af {org} og {town} Kommune.", "",
            "Kap. 2  Området og beboerne", "",
            f"{genitive} afdelinger {codes}, {names}, rummer henholdsvis {counts} boliger og blev opført i 1960'erne. "
            f"Desuden indgår {extra} (ca. {units} boliger), der deler beboerhus med de andre.", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_departments_numbered_then_named(tmp_path, make_docx, make_pdf, case, how):
    town, org, genitive, departments, extra, units = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    zones = {_key(z.name): z for z in r.zones}
    for code, name, n in departments:
        z = zones.get(_key(name))
        assert z is not None, (name, sorted(zones))
        assert (z.units, _key(z.housing_organisation)) == (n, _key(org))
        assert f"afd. {code}" in z.aliases
    assert zones[_key(extra)].units == units
    assert not [z for z in r.zones if z.name.startswith("Desuden")]
