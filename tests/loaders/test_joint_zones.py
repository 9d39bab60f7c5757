"""Two departments that make a zone together ("Højvangen og Frydenlund ligger side om side og udgør
tilsammen "Højvangskvarteret""; set H's strategic agreement, session 14): the zone is named, and
the two departments lie in it. Made-up agreements of three municipalities, as written and
flattened."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "hjoerring": ("Hjørring", "HAB", [("14", "Højvangen", 342), ("19", "Frydenlund", 186), ("22", "Kirkebakken", 94)],
                  "Højvangskvarteret", 'udgør tilsammen "{z}"'),
    "svendborg": ("Svendborg", "SB", [("3", "Skovparken", 400), ("5", "Hømarken", 210), ("7", "Byparken", 96)],
                  "Skovkvarteret", "danner samlet {z}"),
    "naestved": ("Næstved", "NB", [("1", "Ydernæs", 300), ("2", "Kalbyris", 250), ("9", "Vesterbro", 88)],
                 "Vestområdet", "udgør sammen {z}"),
}


def _lines(town, short, departments, zone, phrase):
    (_, a, _), (_, b, _), _ = departments
    return ["Områdets navn: Helhedsplan Nord", "", f"Aftalens parter: Boligforeningen Nord ({short}) og {town} Kommune", "",
            "1. Kort om boligområdet", "", "Helhedsplanen omfatter tre afdelinger:", "",
            *(f"{short} afd. {c} {n} – {u} lejemål" for c, n, u in departments), "",
            f"{a} og {b} ligger side om side og {phrase.format(z=zone)}, som er det mest udsatte delområde.", ""]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("case", list(CASES))
def test_two_departments_make_a_zone(tmp_path, make_docx, make_pdf, case, how):
    town, short, departments, zone, phrase = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    zones = {_key(z.name): z for z in r.zones}
    assert zones[_key(zone)].type == "zone"
    (_, a, _), (_, b, _), (_, c, _) = departments
    assert _key(zones[_key(a)].part_of) == _key(zones[_key(b)].part_of) == _key(zone)
    assert _key(zones[_key(c)].part_of) != _key(zone)
