"""Plain text wrapped at a fixed width by the program that wrote it (a council's minutes from its
case system, an e-mail; set L, session 15): a sentence that lists the focus areas, and each
activity's bullet, broken over lines at 72 characters. Its lines are joined where the next
word would not have fit, so the list and the bullets are read whole; a short line (a heading,
a cover line) stays its own. Made-up minutes of three municipalities, as written and in Word."""
import sys
import textwrap
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "skanderborg": ("Skanderborg", "Boligforeningen Søhusene", {
        "Uddannelse og livschancer": ["Lektiebussen", "Sprogstart"], "Beskæftigelse": ["Jobvejen"]}),
    "favrskov": ("Favrskov", "Hinnerup Almene Boliger", {
        "Kriminalitetsforebyggelse": ["Trygge Gader"], "Uddannelse og livschancer": ["Skolestart Hinnerup"]}),
    "halsnaes": ("Halsnæs", "Boligselskabet Kysten", {
        "Sammenhængskraft og medborgerskab": ["Fællesspisning Vinderød"], "Beskæftigelse": ["Praktikbroen"]}),
}


def _lines(town, housing, areas):
    names = list(areas)
    prose = (f"Landsbyggefonden har prækvalificeret en boligsocial helhedsplan for {town} Nord. Byrådet skal "
             f"godkende den strategiske samarbejdsaftale mellem {housing} og {town} Kommune. Parterne har valgt "
             f"{len(names)} indsatsområder: {' og '.join(names)}. Helhedsplanen indeholder bl.a. følgende aktiviteter:")
    lines = [f"{town} Kommune", "Byrådet – Referat", "Mødedato: 27. maj 2024, kl. 17.00", "",
             f"Punkt 14. Godkendelse af strategisk samarbejdsaftale for den boligsociale helhedsplan", "",
             "Sagsfremstilling", *textwrap.wrap(prose, 72), ""]
    for area, acts in areas.items():
        for act in acts:
            bullet = f'- "{act}": et tilbud til beboerne i samarbejde med lokale foreninger og kommunens medarbejdere ({area}).'
            lines += textwrap.wrap(bullet, 72, subsequent_indent="  ")
    return lines + ["", "Beslutning i Byrådet den 27. maj 2024", "Godkendt.", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_minutes_wrapped_by_their_program(tmp_path, make_docx, make_pdf, case, how):
    town, housing, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, housing, areas), how, make_docx, make_pdf)
    assert {name_key(fa.name) for fa in r.focus_areas} == {name_key(a) for a in areas}
    found, want = activity_areas(r, areas)
    assert found == want


def test_a_cover_line_that_would_have_fit_stays_its_own():
    from samspil.loaders.normalise import normalise

    text = textwrap.wrap("Helhedsplanen dækker afdelingerne Engparken og Søhusene, i alt 412 boliger, og "
                         "den løber fra 2024 til 2028 med støtte fra Landsbyggefonden og kommunen.", 72) * 4
    raw = ["Boligselskabet Søhuse, afd. 7 Engparken og afd. 9 Søhusene", "Bevilget 14. juni 2007", "", *text]
    lines, _ = normalise(raw, [(k + 1, None) for k in range(len(raw))])
    assert lines[:2] == raw[:2]
    assert lines[3].startswith("Helhedsplanen dækker") and lines[3].endswith("kommunen.")
