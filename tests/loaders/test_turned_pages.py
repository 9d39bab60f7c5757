"""A landscape page kept on a portrait sheet and turned by the viewer (``/Rotate 90`` or ``270``,
its text drawn turned, as a Word section in landscape often comes out): its text read as the reader
sees it, a table's rows across the page with their cells (set U's signed agreement: its activity
annex read column by column from the foot up before)."""
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from conftest import _pdf  # noqa: E402

ROWS = [("Aktivitet", "Delaftale", "Målgruppe", "Samarbejdspartnere"),
        ("Læsebånd og lektier", "1", "børn 6-12 år", "Aabenraa Skole, Aabenraa Bibliotek"),
        ("Ung i Kolstrup", "1", "unge 13-17 år", "Aabenraa Ungdomsskole, SSP Aabenraa"),
        ("Kolstrup Madklub", "2", "alle beboere, enlige ældre", "Frivilligcenter Aabenraa")]
COLUMNS = [0, 70, 100, 160]  # mm from the landscape frame's left edge


def _turned_pdf(path: Path, rotate: int) -> Path:
    """One portrait page: a heading and the table drawn turned (up the page for ``rotate`` 90, down for
    270) about its centre, then the page's /Rotate set, so that a viewer shows it in landscape."""
    pdf = _pdf()
    cx, cy = pdf.w / 2, pdf.h / 2
    left, top = cx - pdf.h / 2 + 15, cy - pdf.w / 2 + 20
    with pdf.rotation(90 if rotate == 90 else -90, cx, cy):
        pdf.text(left, top, "Bilag 1 – Aktivitetsoversigt for Kolstrup Sammen")
        for r, row in enumerate(ROWS):
            for c, cell in enumerate(row):
                pdf.text(left + COLUMNS[c], top + 12 + 8 * r, cell)
        pdf.text(left, top + 12 + 8 * len(ROWS) + 4, "Aktiviteterne beskrives nærmere i delaftale 1 og 2.")
    pdf.output(str(path))
    doc = pdfium.PdfDocument(str(path))
    doc[0].set_rotation(rotate)
    turned = path.with_name("turned-" + path.name)
    doc.save(str(turned))
    doc.close()
    return turned


@pytest.mark.parametrize("rotate", [90, 270])
def test_a_turned_page_s_table_is_read_across(tmp_path, rotate):
    from samspil.loaders.readers import read_document

    lines = read_document(_turned_pdf(tmp_path / "bilag.pdf", rotate)).lines
    assert lines[0] == "Bilag 1 – Aktivitetsoversigt for Kolstrup Sammen"
    rows = [line.split("\t") for line in lines[1:1 + len(ROWS)]]
    assert rows == [list(row) for row in ROWS]
    assert lines[1 + len(ROWS)] == "Aktiviteterne beskrives nærmere i delaftale 1 og 2."


@pytest.mark.parametrize("rotate", [90, 270])
def test_a_turned_page_s_activities_are_extracted(tmp_path, rotate):
    from samspil.loaders.pipeline import extract_file

    r = extract_file(_turned_pdf(tmp_path / "bilag.pdf", rotate))
    got = {a.name: a for a in r.activities}
    assert set(got) == {row[0] for row in ROWS[1:]}
    assert "SSP Aabenraa" in got["Ung i Kolstrup"].partners


def test_a_page_turned_with_its_text_running_across_is_read_as_it_is(tmp_path):
    """A page with /Rotate 90 whose text runs across the sheet (the viewer shows it on its side): pdfium's
    own text, as before."""
    from samspil.loaders.readers import read_document

    pdf = _pdf()
    pdf.text(20, 30, "Bilag 2 – Budget for Kolstrup Sammen")
    for k in range(8):
        pdf.text(20, 40 + 6 * k, f"Post {k + 1}: Landsbyggefonden og Aabenraa Kommune betaler {k + 1}00.000 kr. om året.")
    pdf.output(str(tmp_path / "b.pdf"))
    doc = pdfium.PdfDocument(str(tmp_path / "b.pdf"))
    doc[0].set_rotation(90)
    doc.save(str(tmp_path / "c.pdf"))
    doc.close()
    assert read_document(tmp_path / "c.pdf").lines[0] == "Bilag 2 – Budget for Kolstrup Sammen"
