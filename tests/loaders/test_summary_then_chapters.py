"""A plan that opens with a summary (here in English) listing its focus areas as a numbered
list "1. ... 2. ... 3. ...", then its chapters numbered from 1 again: "3. Indsatsområder og
aktiviteter" with "3.1 Tryghed og trivsel" over the activities, each a title with its name in
another language in brackets ("Sund Start (Healthy Start)") over "Målgruppe: ..." (set M,
session 16: the summary's list took the chapters' numbers, so no focus area and no activity
was found). Made-up plans of three municipalities, as written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "morsoe": ("Morsø", {"Tryghed og trivsel": [("Gadefest Nord", "Street Party North")],
                         "Uddannelse og beskæftigelse": [("Lektieklubben", "Homework Club"), ("Jobstart", "Job Start")]}),
    "odder": ("Odder", {"Forebyggelse og forældreansvar": [("Familiestøtte", "Family Support")],
                        "Sundhed": [("Gå-holdet", "Walking Group"), ("Sund Start", "Healthy Start")]}),
    "hilleroed": ("Hillerød", {"Uddannelse og beskæftigelse": [("Ung i Job", "Young at Work")],
                               "Tryghed og trivsel": [("Naboskab i Ålholm", "Good Neighbours")]}),
}
ENGLISH = {"Tryghed og trivsel": "Safety and well-being", "Uddannelse og beskæftigelse": "Education and employment",
           "Forebyggelse og forældreansvar": "Prevention", "Sundhed": "Health"}


def _lines(town, areas):
    lines = [f"{town.upper()} NORD SAMMEN", "Boligsocial helhedsplan 2016-2019", "", "SUMMARY IN ENGLISH", "",
             f"{town} Nord Sammen is a four-year social housing master plan.", "", "Focus areas"]
    lines += [f"{k}. {ENGLISH[a]} ({a})" for k, a in enumerate(areas, 1)]
    lines += ["", "DANSK UDGAVE", "", "1. Indledning", f"{town} Nord Sammen er en boligsocial helhedsplan.", "",
              "2. Boligområdet", "Området har 400 boliger.", "", "3. Indsatsområder og aktiviteter / Focus areas", ""]
    for k, (area, acts) in enumerate(areas.items(), 1):
        lines += [f"3.{k} {area}"]
        for name, english in acts:
            lines += [f"{name} ({english})", "Målgruppe: alle beboere. Aktiviteten holdes hver uge i beboerhuset."]
        lines.append("")
    return lines + ["4. Organisation / Governance", f"Styregruppen består af parterne og {town} Kommune.", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_chapters_numbered_again_after_a_summary_list(tmp_path, make_docx, make_pdf, case, how):
    town, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, areas), how, make_docx, make_pdf)
    assert {name_key(fa.name) for fa in r.focus_areas} == {name_key(a) for a in areas}
    found, want = activity_areas(r, {area: [name for name, _ in acts] for area, acts in areas.items()})
    assert found == want
    assert len(r.activities) == sum(len(acts) for acts in areas.values())
