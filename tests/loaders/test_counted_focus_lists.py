"""An older plan that counts its focus areas under "... indsatsområder:" ("1. Tryghed og
trivsel", "2. ...") and repeats each as a numbered heading over its "Projekt 1.1 X" sections
(set J's PDF plan, session 14): the counted list names the focus areas, and each project
belongs to the area of the numbered heading above it. A counted list ends where its count
does. Made-up plans of three municipalities, as written, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "broendby": ("Brøndby", {"Tryghed og trivsel": ["Nabohjælpere", "Festugen"],
                             "Kriminalpræventiv indsats": ["Natteravne"],
                             "Forebyggende indsats og forældreansvar": ["Familiestøtte", "Mødregruppen"]}),
    "lolland": ("Lolland", {"Uddannelse og beskæftigelse": ["Jobvejen", "Lektiecaféen"],
                            "Sundhed og trivsel": ["Sund i Nakskov"]}),
    "herlev": ("Herlev", {"Børn og unge": ["Klubben Tinghøj"], "Beskæftigelse": ["Jobhjørnet"],
                          "Beboerdemokrati og netværk": ["Aktive beboere", "Netværk for ældre"]}),
}


def _lines(town, areas):
    lines = [f"Boligsocial helhedsplan for Østerbyen, {town} 2013-2016", "",
             "Indsatsområder", "", f"Helhedsplanen omfatter {len(areas)} af Landsbyggefondens indsatsområder:", ""]
    lines += [f"{k}. {area}" for k, area in enumerate(areas, 1)]
    lines += ["", f"{len(areas) + 3}. Bilag til ansøgningen", "",
              "For hvert indsatsområde er beskrevet mål, delmål og de konkrete projekter.", ""]
    for k, (area, names) in enumerate(areas.items(), 1):
        lines += [f"{k}. {area}", ""]
        for m, name in enumerate(names, 1):
            lines += [f"Projekt {k}.{m} {name}", "Projektet drives af frivillige og medarbejdere i helhedsplanen.",
                      "Målgruppen er alle beboere.", ""]
    return lines


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_counted_focus_areas_and_their_projects(tmp_path, make_docx, make_pdf, case, how):
    town, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, areas), how, make_docx, make_pdf)
    assert [_key(f.name) for f in r.focus_areas] == [_key(a) for a in areas]  # (not the attachments' "Bilag")
    got, want = activity_areas(r, areas)
    assert got == want
