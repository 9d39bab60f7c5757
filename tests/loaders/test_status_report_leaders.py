"""An annual status report (årsstatus) that lists each activity as its name, a dotted leader and
a traffic-light status ("Jobklubben ........ GRØN"; set L, session 15): the activity is named
without its status, under the "Indsatsområde: X" it is listed under. Made-up reports of three
municipalities, as written, in Word, as PDF and with the report's line breaks lost (session 16:
"Indsatsområde: X Jobklubben ...... GRØN Ledige mødes ..." on one line)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract  # noqa: E402

CASES = {
    "billund": ({"Uddannelse og beskæftigelse": [("Lektiecaféen Ådalen", "GRØN"), ("Jobklubben", "GUL")],
                 "Tryghed og trivsel": [("Nattevandring", "RØD")]}),
    "vejle": ({"Beskæftigelse": [("Praktikbanken", "Gennemført")],
               "Kriminalitetsforebyggelse": [("Gadeplan Øst", "I gang"), ("Fritidsjob", "GRØN")]}),
    "thisted": ({"Sundhed": [("Motion for kvinder", "Grøn")], "Forebyggelse og forældreansvar": [("Mødrecaféen", "Lukket")]}),
}


def _lines(report):
    lines = ["ÅRSSTATUS 2015", 'Boligsocial helhedsplan "Plads til Alle"', "Helhedsplanperiode: 1. januar 2013 – 31. december 2016",
             "", "3. Status på aktiviteterne", ""]
    for area, acts in report.items():
        lines += [f"Indsatsområde: {area}", ""]
        for name, status in acts:
            lines += [f"{name} {'.' * (60 - len(name))} {status}",
                      "Aktiviteten kører hver uge med faste deltagere fra boligområdet.", ""]
    return lines + ["4. Økonomi", "Forbrug 2015: 1.812.000 kr.", ""]


@pytest.mark.parametrize("how", ["as written", "docx", "pdf", "flattened"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_activity_with_its_status_after_a_dotted_leader(tmp_path, make_docx, make_pdf, case, how):
    report = CASES[case]
    r = _extract(tmp_path, _lines(report), how, make_docx, make_pdf)
    found, want = activity_areas(r, {area: [name for name, _ in acts] for area, acts in report.items()})
    assert found == want
