"""A signing copy's margin line numbers and a designed page's drop caps (loaders/pdf_marginalia.py),
in made-up agreements drawn with fpdf2 (Thisted, Syddjurs, Vordingborg)."""
import pytest

from samspil.loaders import extract_file
from samspil.loaders.pdf_marginalia import has_signs
from samspil.loaders.readers import read_document

TOWNS = [("Thisted", "Hurup"), ("Syddjurs", "Ebeltoft"), ("Vordingborg", "Præstø")]


def _draw(pdf, paragraphs, numbers: bool, caps: bool) -> None:
    """Each (heading, body lines) with the body's first letter as a drop cap; a number every fifth line."""
    y, count = 30.0, 0
    left = pdf.l_margin + 12
    for heading, lines in paragraphs:
        pdf.set_font("DejaVu", size=11)
        pdf.text(left, y, heading)
        y += 8
        for k, line in enumerate(lines):
            text = line
            if caps and k == 0:
                pdf.set_font("DejaVu", size=28)
                pdf.text(left, y + 5.5, line[0])  # (its top at the first line's, two lines high)
                text = line[1:]
            pdf.set_font("DejaVu", size=10)
            pdf.text(left + (9 if caps and k < 2 else 0), y, text)
            count += 1
            if numbers and count % 5 == 0:
                pdf.set_font("DejaVu", size=7)
                pdf.text(pdf.l_margin, y, str(count))
            y += 5
        y += 4


def _paragraphs(town, seat):
    return [("1. Parter", [f"{town} Kommune og Boligselskabet {seat}bo indgår denne strategiske",
                           f"samarbejdsaftale om den boligsociale indsats {seat} Nord.",
                           "Aftalen gælder fra 1. januar 2025 til 31. december 2028.",
                           "Parterne samarbejder med Landsbyggefonden som bevillingsgiver."]),
            ("2. Delaftale 1 – Uddannelse og livschancer",
             ["Læseløftet: læsegrupper for børn 6-12 år, der læser under klassetrin,",
              f"i samarbejde med {seat} Skole og {town} Bibliotekerne.",
              f"Ungdomsbroen: fritidstilbud for unge 13-17 år med {town} Ungdomsskole."]),
            ("3. Delaftale 2 – Beskæftigelse",
             [f"Jobhuset {seat}: fremskudt jobrådgivning for ledige beboere 18-64 år",
              f"to dage om ugen sammen med Jobcenter {town}.",
              "Jobcenteret stiller en virksomhedskonsulent til rådighed for beboerne."]),
            ("4. Organisering", ["Bestyrelsen består af kommunaldirektøren og direktøren for boligselskabet.",
                                 "Sekretariatet holder til i beboerhuset."])]


@pytest.mark.parametrize("numbers,caps", [(True, True), (True, False), (False, True)])
@pytest.mark.parametrize("town,seat", TOWNS)
def test_margin_numbers_and_drop_caps_are_taken_out(tmp_path, new_pdf, town, seat, numbers, caps):
    pdf = new_pdf()
    _draw(pdf, _paragraphs(town, seat), numbers, caps)
    path = tmp_path / "aftale.pdf"
    pdf.output(str(path))
    lines = read_document(path).lines
    text = "\n".join(lines)
    assert f"{town} Kommune og Boligselskabet {seat}bo" in text, lines
    assert "Læseløftet:" in text and "Ungdomsbroen:" in text and f"Jobhuset {seat}:" in text, lines
    assert not any(line.strip() in ("L", "U", "J", "1") or line[:3] in ("5 ", "10 ") for line in lines), lines
    r = extract_file(path)
    assert {a.name for a in r.activities} >= {"Læseløftet", "Ungdomsbroen", f"Jobhuset {seat}"}
    assert f"{town} Kommune" in {o.name for o in r.organisations}


def test_a_page_without_the_signs_is_not_looked_at():
    assert not has_signs("1. Parter\r\nRanders Kommune og Boligselskabet Fjord\r\n2. Boligområdet\r\n")
    assert has_signs("1. Parter\r\nF\r\navrskov Kommune og ...")
    assert has_signs("5 for de to delaftaler\r\nog mere\r\n10 64 boliger\r\n")
