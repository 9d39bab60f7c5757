"""Forms found in session 26 on the earlier blind sets and the new blind set W, as made-up
documents of three other municipalities:

* a cover whose lines ran together when the line breaks were lost: the document's type phrase, the
  plan's name, then what kind of effort it is ("Strategisk samarbejdsaftale Nordlys Vest Boligsocial
  indsats 2026-2029 Indhold ...", "Boligsocial helhedsplan Engen Midt 2010-2013 ..."): the name is what
  stands between the type phrases."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = [("Viborg", "Bjerringbro", "Boligselskabet Gudenåhjem"),
         ("Kalundborg", "Høng", "Vestsjællands Boligselskab"),
         ("Tønder", "Toftlund", "Andelsboligforeningen Sønderhjem")]


def _run_on_cover(town, seat, housing, opening):
    name = f"Nordlys {seat}"
    head = {"strategic": [f"Strategisk samarbejdsaftale", name, "Boligsocial indsats 2026-2029"],
            "older": ["Boligsocial helhedsplan", f"{name} 2010-2013", f"{housing}"]}[opening]
    return [*head, "", "Indhold", "1. Aftalens parter og periode 2", "2. Boligområdet 3", "",
            "1. Aftalens parter og periode", f"Aftalen er indgået mellem {town} Kommune og {housing}.",
            f"Indsatsen omfatter afdelingerne Kærparken og Lindely i {seat} med i alt 410 boliger.", ""]


@pytest.mark.parametrize("town,seat,housing", TOWNS)
@pytest.mark.parametrize("opening", ["strategic", "older"])
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_cover_run_together_names_the_plan_between_its_type_phrases(tmp_path, make_docx, make_pdf, town, seat,
                                                                      housing, opening, how):
    r = _extract(tmp_path, _run_on_cover(town, seat, housing, opening), how, make_docx, make_pdf)
    assert name_key(r.plan.name) == name_key(f"Nordlys {seat}"), r.plan.name
