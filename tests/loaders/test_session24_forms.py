"""Forms found in session 24 on the earlier blind sets' flattened copies and on the new blind
set U, as made-up documents of three other municipalities:

* a committee paper's areas counted by a sentence ("Parterne har valgt to indsatsområder:"),
  each area's name over its activities' bullets, its line breaks lost: each area's name cut
  from the item before it ("... – forældre til børn i mellemtrinnet Tryghed og trivsel • ...")."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = [("Tønder", "Tønder Almennyttige Boligselskab", "Skærbæk Boligforening"),
         ("Guldborgsund", "Boligselskabet Guldborg", "Nykøbing F. Boligforening"),
         ("Skanderborg", "Boligforeningen Fælleshjem", "Ry Almene Boliger")]

BULLETED = [("Tryghed og trivsel", [("Natteravnene", "Natteravnene {town}, SSP {town}", "unge 13-17 år og deres forældre"),
                                    ("Gårdmandsordningen", "{a}", "alle beboere i området")]),
            ("Uddannelse og livschancer", [("Læseklubben", "{town} Bibliotek", "børn 6-10 år"),
                                           ("Ungevejen", "Kommunal Ungeindsats {town}", "unge 15-24 år uden uddannelse")])]


def _counted_bullets(town, a, b):
    lines = [f"{town} Kommune – Børne- og Skoleudvalget – Referat", "",
             f"4. Strategisk samarbejdsaftale for Vestbyen {town} 2026-2029", "",
             f"Sagsfremstilling: {a} og {town} Kommune har udarbejdet en ny aftale.",
             "Parterne har valgt to indsatsområder:", ""]
    for area, items in BULLETED:
        lines.append(area)
        lines += [f"  • {name} ({partners.format(town=town, a=a)}) – {target}" for name, partners, target in items]
        lines.append("")
    return lines + ["Indstilling: Forvaltningen indstiller, at aftalen godkendes.", ""]


@pytest.mark.parametrize("town,a,b", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
def test_areas_counted_by_a_sentence_over_their_bullets_run_together(tmp_path, make_docx, make_pdf, town, a, b, how):
    r = _extract(tmp_path, _counted_bullets(town, a, b), how, make_docx, make_pdf)
    assert {f.name for f in r.focus_areas} == {area for area, _ in BULLETED}
    got = {name_key(x.name): x.focus_area for x in r.activities}
    assert got == {name_key(name): area for area, items in BULLETED for name, _, _ in items}, got
