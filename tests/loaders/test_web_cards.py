"""A web page's activity cards copied without their breaks ("Lektiecafé MunkeboHver tirsdag ...
Læs mereMødregruppen "Mor & Mig"For mødre ... Læs mere...") under an "Aktiviteter" heading, with
the page's menu naming "Aktiviteter" too (set K's web page, session 14): each card's title is an
activity, its partners those of its own text. Made-up pages of three municipalities."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "kerteminde": ("Kerteminde", [("Lektiecafé Munkebo", "Hver tirsdag for børn med frivillige fra", "Munkebo Skole"),
                                  ('Mødregruppen "Mor & Mig"', "For mødre med små børn sammen med", "Sundhedsplejen"),
                                  ("Jobcaféen", "Er du ledig? Hver mandag med", "Jobcenter Kerteminde")]),
    "faaborg": ("Faaborg", [("Lektiehjælp Øst", "Hver onsdag med lærere fra", "Østerskolen"),
                            ("Fællesspisning", "Vi spiser sammen hver fredag med", "Faaborg Frivilligcenter")]),
    "assens": ("Assens", [("Klub Vest", "For unge 13-17 år i samarbejde med", "Assens Ungdomsskole"),
                          ("Hindsholm Venner", "Et netværk for ældre beboere med", "Ældre Sagen Assens"),
                          ("Boligsocial rådgivning", "Gratis rådgivning til beboere sammen med", "Borgerservice")]),
}


def _lines(town, cards):
    page = "".join(f"{title}{text} {partner}.Læs mere" for title, text, partner in cards)
    return ["Spring til indhold", "Forside", "Om helhedsplanen", "Aktiviteter", "Kalender", "Kontakt", "",
            f"Helhedsplan Vest – boligsocial helhedsplan i {town} Kommune", "",
            f"Helhedsplanen er et samarbejde mellem Boligselskabet Vest og {town} Kommune.", "",
            "Aktiviteter", page, "", "Mød holdet", ""]


@pytest.mark.parametrize("case", list(CASES))
def test_each_card_title_is_an_activity(tmp_path, make_docx, make_pdf, case):
    town, cards = CASES[case]
    r = _extract(tmp_path, _lines(town, cards), "as written", make_docx, make_pdf)
    got = {_key(a.name): {_key(p) for p in a.partners} for a in r.activities}
    assert set(got) == {_key(t) for t, _, _ in cards}
    for title, _, partner in cards:
        assert not got[_key(title)] & {_key(p) for t, _, p in cards if t != title}
