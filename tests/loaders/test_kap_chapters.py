"""An early plan whose chapters are "Kap. N  Title" (set J's 2006 plan, session 14): the
sections "4.1 X" of "Kap. 4  Temaer og projekter" are its focus areas, the projects named in
quotes in their prose are their activities, and the next chapter ("Kap. 5  Organisation")
ends the last area (its budget lines are no activities). Made-up plans of three
municipalities, as written, flattened, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "ishoej": ("Ishøj", "Temaer og projekter", {"Børn og unge": ["Legepatruljen"], "Integration": ["Velkommen til Ishøj"],
                                                 "Beboerdemokrati": ["Beboerakademiet"]}),
    "koege": ("Køge", "Indsatsområder og aktiviteter", {"Sundhed": ["Sund i Ellemarken"], "Uddannelse": ["Lektiecaféen"]}),
    "vejle": ("Vejle", "Temaer", {"Tryghed": ["Natteravnene"], "Fællesskab": ["Madklubben", "Café Kilden"]}),
}


def _lines(town, chapter, areas):
    lines = [f"Helhedsplan for Vestbyen, {town} 2006-2009", "", "Indhold", "Kap. 1  Baggrund", f"Kap. 4  {chapter}",
             "Kap. 5  Organisation og ansvar", "", "Kap. 1  Baggrund", "",
             "Området har mange børnefamilier og en høj ledighed.", "", f"Kap. 4  {chapter}", ""]
    for k, (area, names) in enumerate(areas.items(), 1):
        text = " ".join(f'Vi vil derfor starte projektet "{name}", som drives af frivillige.' for name in names)
        lines += [f"4.{k} {area}", "", f"Der mangler tilbud i området. {text}", ""]
    return lines + ["Kap. 5  Organisation og ansvar", "", "Styregruppen mødes fire gange om året.", "",
                    "Kap. 6  Budget", "", "- Landsbyggefonden 2,1 mio. kr.", f"- {town} Kommune 0,5 mio. kr.", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_areas_of_a_kap_chapter_and_their_quoted_projects(tmp_path, make_docx, make_pdf, case, how):
    town, chapter, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, chapter, areas), how, make_docx, make_pdf)
    assert [_key(f.name) for f in r.focus_areas] == [_key(a) for a in areas]
    got, want = activity_areas(r, areas)
    assert got == want
