"""An amendment (tillæg) to a strategic agreement (set M, session 16): the cover "TILLÆG NR. 2 /
til strategisk samarbejdsaftale om boligsocial indsats / X 2021-2024" names plan X, not "tillæg
nr. 2"; "Aftalens udløb ændres fra 31. december 2024 til 30. juni 2025" changes the end (the
period runs from the start the agreement keeps to the new end, not from the old end); the
signatures end where the annex begins ("Bilag 1. ..."); an annex lists the departments owner
first with dotted leaders to their dwellings (also indented, also with a short leader "..");
a focus area with an amendment's note "(uændret)" is the area. Made-up amendments of three
municipalities, as written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "struer": ("Struer", "Holmgård Kvarterplan", "Limfjordsbo", [("4", "Østparken", 340), ("9", "Bremdal Have", 128)]),
    "odder": ("Odder", "Rosenhøj Sammen", "Odderbo", [("12", "Rosenhøj", 210), ("14", "Fælledgården", 52)]),
    "morsoe": ("Morsø", "Nykøbing Nord Plan", "Morsø Boligforening", [("2", "Grønnegården", 156), ("5", "Skovbakken", 96)]),
}


def _lines(town, plan, housing, departments):
    lines = ["TILLÆG NR. 2", "til strategisk samarbejdsaftale om boligsocial indsats", f"{plan} 2021-2024", "",
             "Mellem", housing, f"{town} Kommune", "",
             "§ 1 Aftalens periode", "1.1 Aftalen gælder fortsat fra 1. januar 2021.",
             "1.2 Aftalens udløb ændres fra 31. december 2024 til 30. juni 2025.", "",
             "Underskrifter", "", housing, "Jens Holm, direktør                Dato: 19.09.2024", "",
             f"{town} Kommune", "Mette Rye, direktør               Dato: 30.09.2024", "", "",
             "Bilag 1. Konsolideret oversigt efter tillæg nr. 2", "", "A. Boligområdet (uændret)",
             f"{plan} omfatter:"]
    for k, (nr, name, units) in enumerate(departments):
        leader = " .. " if k == len(departments) - 1 else " " + "." * 8 + " "
        lines.append(f"  {housing} afd. {nr}, {name}{leader}{units} lejemål")
    return lines + ["", "B. Indsatsområder: Uddannelse og livschancer; Kriminalitetsforebyggelse (uændret)", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_amendment_to_a_strategic_agreement(tmp_path, make_docx, make_pdf, case, how):
    town, plan, housing, departments = CASES[case]
    r = _extract(tmp_path, _lines(town, plan, housing, departments), how, make_docx, make_pdf)
    assert r.plan.name == plan
    assert (r.plan.period_start, r.plan.period_end) == ("2021-01-01", "2025-06-30")
    assert {name_key(o.name) for o in r.organisations} == {name_key(housing), name_key(f"{town} Kommune")}
    units = {z.name: z.units for z in r.zones}
    assert {name: units.get(name) for _, name, _ in departments} == {name: u for _, name, u in departments}
    assert {name_key(fa.name) for fa in r.focus_areas} == {"uddannelse og livschancer", "kriminalitetsforebyggelse"}
