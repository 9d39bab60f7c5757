"""A committee's agenda item that approves a plan (set J, session 14): its subject "Punkt 9.
Godkendelse af ... helhedsplan "X" 2026-2029" names the plan in quotes; the focus areas are a
lettered list in lower case ("a) Uddannelse og livschancer") under "to indsatsområder:"; the
attachments list the delaftaler marked "(åben)"; and the activities are named in quotes in a
sentence that names their focus area ('Under a) X er der aftalt to aktiviteter: "Y" i samarbejde
med Z og "W" ...'). Made-up agenda items of three municipalities, as written, flattened, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "guldborgsund": ("Guldborgsund", "Nykøbing Øst – Fælles om fremtiden",
                     ("Uddannelse og livschancer", [("Læs med i Øst", "Østre Skole"), ("Familiehuset", "Sundhedsplejen")]),
                     ("Beskæftigelse", [("Jobvejen", "Jobcenter Guldborgsund")])),
    "vordingborg": ("Vordingborg", "Nordhavn Sammen",
                    ("Sammenhængskraft og medborgerskab", [("Beboerkøkkenet", "Vordingborg Bibliotek")]),
                    ("Kriminalitetsforebyggelse", [("Tryg Nordhavn", "SSP Vordingborg"), ("Natteravnene", "Foreningen Natteravnene")])),
    "thisted": ("Thisted", "Højvangen i Fællesskab",
                ("Beskæftigelse", [("Job i Højvangen", "Jobcenter Thisted")]),
                ("Forebyggelse og forældreansvar", [("Forældrecaféen", "Familiehuset Thisted")])),
}


def _quoted(items):
    return " og ".join(f'"{name}" i samarbejde med {partner}' for name, partner in items)


def _lines(town, plan, first, second):
    (area_a, items_a), (area_b, items_b) = first, second
    return [f"{town} Kommune", "Økonomiudvalget", "", "Dagsorden / Referat",
            "Ordinært møde tirsdag den 16. september 2025 kl. 15.00", "",
            f'Punkt 9. Godkendelse af strategisk samarbejdsaftale for boligsocial helhedsplan "{plan}" 2026-2029', "",
            "Sagsnr.: 25/11872", "", "Resumé",
            "Landsbyggefonden har prækvalificeret en ny boligsocial helhedsplan. Aftalen forelægges til godkendelse.", "",
            "Helhedsplanen vil arbejde med to indsatsområder:", f"a) {area_a}", f"b) {area_b}", "",
            f"Under a) {area_a} er der aftalt {len(items_a)} aktiviteter: {_quoted(items_a)}. "
            f"Under b) {area_b} er der aftalt aktiviteterne {_quoted(items_b)}.", "",
            "Bilag", f"1. Strategisk samarbejdsaftale {town} 2026-2029 (åben)", f"2. Delaftale {area_a} (åben)",
            f"3. Delaftale {area_b} (åben)", "4. Budget (lukket)", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_agenda_items_plan_focus_areas_and_activities(tmp_path, make_docx, make_pdf, case, how):
    town, plan, first, second = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    assert _key(r.plan.name) == _key(plan)
    assert [_key(f.name) for f in r.focus_areas] == [_key(first[0]), _key(second[0])]
    want = {_key(name): (_key(area), _key(partner)) for area, items in (first, second) for name, partner in items}
    got = {_key(a.name): a for a in r.activities}
    assert set(got) == set(want)
    for name, (area, partner) in want.items():
        assert _key(got[name].focus_area) == area
        assert partner in {_key(p) for p in got[name].partners}, name  # (its own partner, not the next one's)
        others = {p for n, (_, p) in want.items() if n != name}
        assert not others & {_key(p) for p in got[name].partners}, name


def test_a_quote_in_a_sentence_without_a_focus_area_is_no_activity(tmp_path, make_docx, make_pdf):
    """Quoted names in a sentence that names no focus area of the document stay what they were."""
    lines = ["Thisted Kommune", "Økonomiudvalget", "",
             'Punkt 4. Godkendelse af boligsocial helhedsplan "Højvangen i Fællesskab" 2026-2029', "",
             'Den tidligere plan havde aktiviteterne "Sommerlejren" og "Pigeklubben", som er afsluttet.', "",
             "Helhedsplanen vil arbejde med to indsatsområder:", "a) Beskæftigelse", "b) Forebyggelse og forældreansvar", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert not {_key(a.name) for a in r.activities} & {"sommerlejren", "pigeklubben"}
