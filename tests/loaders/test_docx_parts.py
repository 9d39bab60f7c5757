"""Word documents that keep facts outside the body's paragraphs and tables: the period in
the page header, the boligsocial leder in the page footer, the departments and a contact
in a text box, the partners in a table nested in a cell. All made up here (python-docx,
and raw XML where it has no API: text boxes)."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml

from samspil.loaders.pipeline import extract_file
from samspil.loaders.readers import read_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (f'xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>" for t in texts)


def _box_run(texts: list[str], vml_only: bool = False) -> object:
    """A run anchoring a text box that holds ``texts``: a DrawingML shape with its VML copy
    (as Word writes it), or a VML shape alone (as older Word wrote it)."""
    vml = (f'<w:pict><v:shape style="position:absolute;width:170pt;height:120pt"><v:textbox>'
           f'<w:txbxContent>{_paragraphs(texts)}</w:txbxContent></v:textbox></v:shape></w:pict>')
    if vml_only:
        return parse_xml(f"<w:r {NS}>{vml}</w:r>")
    return parse_xml(
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:txbx><w:txbxContent>{_paragraphs(texts)}</w:txbxContent></wps:txbx></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r>')


def _body(d, texts: list[str]) -> None:
    for text in texts:
        d.add_paragraph(text)


# ------------------------------------------------------------------ page headers and footers
RANDERS = [
    "Strategisk samarbejdsaftale for den boligsociale indsats i Vorup",
    "Aftalens parter",
    "Aftalen er indgået mellem Randers Boligforening, Boligselskabet Nørrebro og Randers Kommune.",
    "Indsatsområder",
    "Uddannelse og livschancer",
    "Beskæftigelse",
]


def _randers(path: Path) -> Path:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Vorup Sammen · Strategisk samarbejdsaftale 2027-2030"
    d.sections[0].footer.paragraphs[0].text = (
        "Kontaktperson: boligsocial leder Mette Krogh Sørensen, Boligsocialt Sekretariat Vorup, "
        "mks@randersbolig.dk, tlf. 87 11 22 33")
    _body(d, RANDERS[:3])
    d.add_section()  # its header and footer linked to the first section's: the same text
    _body(d, RANDERS[3:])
    d.save(str(path))
    return path


def test_the_period_in_a_page_header_and_the_contact_in_a_page_footer(tmp_path: Path) -> None:
    report = extract_file(_randers(tmp_path / "randers.docx"))
    assert (report.plan.period_start, report.plan.period_end) == ("2027-01-01", "2030-12-31")
    contact = next(c for c in report.contacts if c.name == "Mette Krogh Sørensen")
    assert (contact.email, contact.phone) == ("mks@randersbolig.dk", "87112233")


def test_each_header_and_footer_is_read_once_around_the_body(tmp_path: Path) -> None:
    path = _randers(tmp_path / "randers.docx")
    d = docx.Document(str(path))
    third = d.add_section()
    third.header.is_linked_to_previous = False
    third.header.paragraphs[0].text = "Bilag: Delaftale om beskæftigelse"
    third.different_first_page_header_footer = True
    third.first_page_footer.is_linked_to_previous = False
    third.first_page_footer.paragraphs[0].text = "Forside: udkast til byrådet"
    d.add_paragraph("Jobcaféen i Vorup")
    d.save(str(path))
    doc = read_document(path)
    assert sum("2027-2030" in line for line in doc.lines) == 1  # (three sections show it)
    assert sum("Mette Krogh" in line for line in doc.lines) == 1
    header, other = doc.lines.index("Vorup Sammen · Strategisk samarbejdsaftale 2027-2030"), \
        doc.lines.index("Bilag: Delaftale om beskæftigelse")
    first_body = doc.lines.index(RANDERS[0])
    footer = next(i for i, line in enumerate(doc.lines) if "Mette Krogh" in line)
    assert header < other < first_body < doc.lines.index("Jobcaféen i Vorup") < footer
    assert doc.lines[footer - 1] == "" and "Forside: udkast til byrådet" in doc.lines
    assert all(line is not None and line >= 1 for line, _ in doc.origin)
    assert doc.origin[header] < doc.origin[first_body] < doc.origin[footer]


# ------------------------------------------------------------------ text boxes
SLAGELSE = [
    "Helhedsplan for Ringparken og Motalavej 2026-2029",
    "Aftalens parter",
    "Aftalen er indgået mellem Slagelse Boligselskab, Boligselskabet Sjælland og Slagelse Kommune.",
]
BOX = ["Boligafdelinger i helhedsplanen", "Slagelse Boligselskab afd. 7 Ringparken – 610 boliger",
       "Boligselskabet Sjælland afd. 30 Motalavej – 420 boliger"]
CONTACT_BOX = ["Kontakt", "Projektleder Søren Vilhelm Dahl, Boligsocialt Hus, svd@slagelsebolig.dk, tlf. 58 50 12 34"]


def _slagelse(path: Path, vml_only: bool = False) -> Path:
    d = docx.Document()
    _body(d, SLAGELSE)
    d.paragraphs[-1]._p.append(_box_run(BOX, vml_only))
    d.add_paragraph("Indsatsområder")
    d.add_paragraph("Tryghed og trivsel")._p.append(_box_run(CONTACT_BOX, vml_only))
    d.add_paragraph("Beskæftigelse")
    d.save(str(path))
    return path


def test_departments_and_a_contact_in_text_boxes(tmp_path: Path) -> None:
    for vml_only in (False, True):
        report = extract_file(_slagelse(tmp_path / f"slagelse{vml_only}.docx", vml_only))
        assert {"Ringparken", "Motalavej"} <= {z.name for z in report.zones}, vml_only
        contact = next(c for c in report.contacts if c.name == "Søren Vilhelm Dahl")
        assert (contact.email, contact.phone) == ("svd@slagelsebolig.dk", "58501234")


def test_a_text_box_is_read_once_after_its_anchoring_paragraph(tmp_path: Path) -> None:
    doc = read_document(_slagelse(tmp_path / "slagelse.docx"))
    anchor = doc.lines.index(SLAGELSE[2])
    assert doc.lines[anchor + 1: anchor + 5] == ["", *BOX]  # (not its VML copy as well)
    assert sum(line == BOX[1] for line in doc.lines) == 1
    assert {doc.origin[anchor + k] for k in range(1, 4)} == {doc.origin[anchor]}
    assert doc.lines.index("Indsatsområder") > anchor + 4


# ------------------------------------------------------------------ nested tables
HERNING_ROWS = [("Lektiecafé Holtbjerg", "børn 7-14 år", [("Herning Bibliotekerne", "frivillige lektiehjælpere"),
                                                          ("Fermaten", "lokaler")]),
                ("Job i Gullestrup", "ledige 25-60 år", [("Jobcenter Herning", "virksomhedskonsulent"),
                                                         ("Herning Erhvervsråd", "praktikpladser")])]


def _herning(path: Path) -> Path:
    d = docx.Document()
    _body(d, ["Delaftale om beskæftigelse og uddannelse i Holtbjerg og Gullestrup 2026-2029",
              "Aftalen er indgået mellem AAB Herning, Herning Boligforening og Herning Kommune.",
              "Aktiviteter"])
    table = d.add_table(rows=1 + len(HERNING_ROWS), cols=3)
    for cell, text in zip(table.rows[0].cells, ("Aktivitet", "Målgruppe", "Samarbejdspartnere")):
        cell.text = text
    for row, (name, target, partners) in zip(table.rows[1:], HERNING_ROWS):
        row.cells[0].text, row.cells[1].text = name, target
        inner = row.cells[2].add_table(rows=1 + len(partners), cols=2)
        for cells, texts in zip(inner.rows, [("Partner", "Rolle"), *partners]):
            cells.cells[0].text, cells.cells[1].text = texts
    d.add_paragraph("Økonomi")
    d.save(str(path))
    return path


def test_partners_in_a_table_nested_in_a_cell(tmp_path: Path) -> None:
    report = extract_file(_herning(tmp_path / "herning.docx"))
    assert {a.name for a in report.activities} >= {"Lektiecafé Holtbjerg", "Job i Gullestrup"}
    orgs = {o.name for o in report.organisations}
    assert {"Fermaten", "Herning Erhvervsråd", "Jobcenter Herning"} <= orgs  # (Fermaten: by its column alone)


def test_nested_rows_are_lines_under_their_cell(tmp_path: Path) -> None:
    doc = read_document(_herning(tmp_path / "herning.docx"))
    row = doc.lines.index("Lektiecafé Holtbjerg\tbørn 7-14 år")
    assert doc.lines[row + 1: row + 4] == ["\t\tPartner\tRolle", "\t\tHerning Bibliotekerne\tfrivillige lektiehjælpere",
                                           "\t\tFermaten\tlokaler"]
    assert {doc.origin[row + k] for k in range(4)} == {doc.origin[row]}


def test_a_one_cell_row_keeps_its_paragraphs_and_nested_rows_as_lines(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Delaftale om tryghed i Holtbjerg")
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "Aktivitetsnavn:"
    cell.add_paragraph("Nattevandring")
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "SSP Herning", "koordinering"
    cell.add_paragraph("Samarbejdspartnere", style="List Number")  # (numbered by Word in a cell too)
    d.save(str(tmp_path / "celle.docx"))
    doc = read_document(tmp_path / "celle.docx")
    at = doc.lines.index("Aktivitetsnavn:")
    assert [line for line in doc.lines[at + 1:] if line] == ["Nattevandring", "1. Samarbejdspartnere",
                                                              "SSP Herning\tkoordinering"]
