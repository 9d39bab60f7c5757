"""Made-up agreements naming their housing departments (afdelinger) in prose and lists with
the area they lie in (``part_of``): "Boligområdet X består af afdelingerne A, B og C",
"A (Org, afd. 7) med 140 lejligheder, ..., der tilsammen udgør bydelen X", "Afdelingerne
ligger i bydelen X", a heading "Boligområdet X" / "Boligområde: X" / "BOLIGOMRÅDET X" /
"Bydelen X" over a list of "A, Org afd. 7 – 140 boliger" items (bullets or numbers); each
as written, with its line breaks lost, and from Word and PDF. "Afd. 7" of a department
that has a name is no zone of its own. Names are invented."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

HEAD = ["Strategisk samarbejdsaftale for Hyldebakken 2025-2028", "", "Boligområdet", ""]
TAIL = ["", "Indsatsområde: Uddannelse og livschancer", "Aktivitet: Lektiecafé", "Formål: At styrke børns skolegang."]
THREE = {"solbakken", "engstien", "kløverbakken"}

CASES = {  # lines -> (area, its type, {department: dwellings or None})
    "bestaar-af": (["Boligområdet Hyldebakken består af afdelingerne Solbakken, Engstien og Kløverbakken, "
                    "i alt 540 boliger."], "Hyldebakken", "zone", dict.fromkeys(THREE)),
    "tilsammen-udgoer": (["Afdelingerne Solbakken (Boligselskabet Faxe, afd. 7) med 140 lejligheder, Engstien "
                          "(Lejerbo afd. 12) med 312 boliger og Kløverbakken med 88 boliger, der tilsammen udgør "
                          "bydelen Hyldebakken."], "Hyldebakken", "district",
                         {"solbakken": 140, "engstien": 312, "kløverbakken": 88}),
    "udgoer-tilsammen": (["Boligafdelingerne Solbakken (Faxe Boligselskab afd. 7, 140 boliger) og Engstien "
                          "(Lejerbo, afd. 12) med 312 lejemål udgør tilsammen bydelen Kærbyen."], "Kærbyen", "district",
                         {"solbakken": 140, "engstien": 312}),
    "ligger-i": (["Helhedsplanen omfatter boligafdelingerne Solbakken, Engstien og Kløverbakken.",
                  "Afdelingerne ligger i bydelen Østerby."], "Østerby", "district", dict.fromkeys(THREE)),
    "heading-bullets": (["Boligområdet Hyldebakken", "- Solbakken, Boligselskabet Faxe afd. 7 – 140 boliger",
                         "- Engstien, Lejerbo afd. 12 – 312 boliger",
                         "- Kløverbakken, Boligselskabet Faxe afd. 3 – 88 boliger"], "Hyldebakken", "zone",
                        {"solbakken": 140, "engstien": 312, "kløverbakken": 88}),
    "heading-colon-numbered": (["Boligområde: Kærbyen", "1. Solbakken (Boligselskabet Faxe afd. 7) – 140 boliger",
                                "2. Engstien (Lejerbo afd. 12) – 312 boliger"], "Kærbyen", "zone",
                               {"solbakken": 140, "engstien": 312}),
    "heading-caps-dots": (["BOLIGOMRÅDET KÆRBYEN", "• Solbakken, FAB afd. 7, 140 boliger",
                           "• Engstien, Lejerbo afd. 12, 312 boliger"], "Kærbyen", "zone",
                          {"solbakken": 140, "engstien": 312}),
    "bydel-heading-blank": (["Bydelen Nordvest", "", "- Solbakken, Boligselskabet Faxe afd. 7 – 140 boliger",
                             "- Engstien, Lejerbo afd. 12 – 312 boliger"], "Nordvest", "district",
                            {"solbakken": 140, "engstien": 312}),
    # the plan placing its own area in a district in a sentence of its own, apart from the departments
    "vi-er-paa-bydelen": (["Helhedsplanen omfatter boligafdelingerne Solbakken, Engstien og Kløverbakken.", "",
                           "Indledning", "Vi er på Nørrebakken, bydelen der netop er kortlagt som den hårdest "
                           "ramte i Næstved."], "Nørrebakken", "district", dict.fromkeys(THREE)),
    "boligomraadet-ligger-i": (["Boligområdet ligger centralt i Hasseris, bydelen med flest almene boliger i "
                                "kommunen.", "", "Helhedsplanen dækker afdelingerne Solbakken (afd. 7, 140 boliger) "
                                "og Engstien (afd. 12, 312 boliger)."], "Hasseris", "district",
                               {"solbakken": 140, "engstien": 312}),
    "vi-arbejder-i-den-bydel": (["Planen dækker afdelingerne Solbakken, Engstien og Kløverbakken.", "",
                                 "Vi arbejder i Vestervang, den bydel i Viborg hvor flest unge står uden "
                                 "uddannelse."], "Vestervang", "district", dict.fromkeys(THREE)),
}




@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_departments_and_the_area_they_lie_in(tmp_path, make_docx, make_pdf, case, how):
    lines, area, kind, departments = CASES[case]
    r = _extract(tmp_path, HEAD + lines + TAIL, how, make_docx, make_pdf)
    zones = {_key(z.name): z for z in r.zones}
    assert {k for k, z in zones.items() if z.type == "housing_department"} == set(departments)
    assert {k: zones[k].units for k in departments} == departments
    assert {_key(zones[k].part_of) for k in departments} == {_key(area)}
    assert zones[_key(area)].type == kind


@pytest.mark.parametrize("how", ["as written", "flat"])
def test_an_area_named_in_passing_holds_no_departments(tmp_path, make_docx, make_pdf, how):
    """'Bydelen Vestby - her bor ...' is no heading over a list: the departments named in the
    next sentence lie in no area the text gives."""
    lines = HEAD + ["Bydelen Vestby - her bor mange børnefamilier.",
                    "Helhedsplanen omfatter afdelingerne Solbakken, Engstien og Kløverbakken.",
                    "Området Syd: et godt sted at bo for familier med børn."] + TAIL
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    zones = {_key(z.name): z for z in r.zones}
    assert THREE <= set(zones)
    assert {zones[k].part_of for k in THREE} == {None}
