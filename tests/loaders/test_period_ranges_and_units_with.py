"""A plan whose sentence names its prequalification's date before its period ("på baggrund af
Landsbyggefondens prækvalifikation af 12. juni 2013 og løber fra 1. februar 2014 til 31. januar
2017"), and departments counted with "med" ("afd. 13 Houlkær Syd med 396 lejemål") (set F's PDF
plan, session 14): the period is the two dates joined as a range, and each department has its
dwellings. Made-up plans of three municipalities, as written and flattened."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "viborg": ("Viborg", "Boligselskabet Viborg", "13", "Houlkær Syd", 396, ("2014-02-01", "2017-01-31"),
               "1. februar 2014 til 31. januar 2017"),
    "horsens": ("Horsens", "Boligforeningen Horsens", "7", "Sundparken Øst", 288, ("2021-01-01", "2024-12-31"),
                "1. januar 2021 – 31. december 2024"),
    "holbaek": ("Holbæk", "Boligselskabet Holbæk", "22", "Ladegårdsparken", 154, ("2019-04-01", "2023-03-31"),
                "1. april 2019 til og med 31. marts 2023"),
}


def _lines(town, org, code, name, units, _, period):
    return [f"Boligsocial helhedsplan for {name} {town}", "", "1. Indledning", "",
            f"{org} har sammen med {town} Kommune udarbejdet denne helhedsplan. Helhedsplanen er udarbejdet på "
            f"baggrund af Landsbyggefondens prækvalifikation af 12. juni 2012 og løber fra {period}.", "",
            f"Helhedsplanen omfatter {org}s afd. {code} {name} med {units} lejemål.", ""]


@pytest.mark.parametrize("how", ["as written", "flattened"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_period_as_a_range_and_dwellings_with_med(tmp_path, make_docx, make_pdf, case, how):
    town, org, code, name, units, period, _ = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    assert (r.plan.period_start, r.plan.period_end) == period
    zones = {_key(z.name): z for z in r.zones}
    assert zones[_key(name)].units == units
