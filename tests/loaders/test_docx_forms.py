"""LBF templates filled in as Word forms: the answers in content controls (``w:sdt``, inline
in a cell's paragraph and around paragraphs, tables and rows; date pickers; unfilled ones
still showing Word's placeholder), e-mails as ``mailto:`` links, the strategic agreement's
parties only in a footnote, a merged organisation cell over its units' rows and organisations
spanning two columns. All made up here (python-docx and raw WordprocessingML)."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

from samspil.loaders.pipeline import extract_file
from samspil.loaders.readers import read_document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = f'xmlns:w="{W}" xmlns:r="{R}"'
PLACEHOLDER = "Klik eller tryk her for at skrive tekst."


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _sdt(inner: str, tag: str = "felt", date: str | None = None, empty: bool = False) -> str:
    """A content control around ``inner`` (runs, or paragraphs/tables/rows/cells)."""
    pr = f'<w:alias w:val="{tag}"/><w:tag w:val="{tag}"/>'
    if date:
        pr += f'<w:date w:fullDate="{date}T00:00:00Z"><w:dateFormat w:val="dd-MM-yyyy"/></w:date>'
    if empty:
        pr += "<w:showingPlcHdr/>"
    return f"<w:sdt><w:sdtPr>{pr}</w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>"


def _field(text: str, **kw) -> str:
    return _sdt(_run(text), **kw)


def _unfilled() -> str:
    return _sdt('<w:r><w:rPr><w:color w:val="808080"/></w:rPr>'
                f'<w:t xml:space="preserve">{PLACEHOLDER}</w:t></w:r>', empty=True)


def _p(*inline: str) -> str:
    return f"<w:p>{''.join(inline)}</w:p>"


def _tc(*inline: str, span: int = 1, merge: str | None = None) -> str:
    pr = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>" if merge else "")
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{_p(*inline)}</w:tc>"


def _table(cols: int, rows: list[str]) -> str:
    grid = "".join('<w:gridCol w:w="1800"/>' for _ in range(cols))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _tr(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def _mail(d, address: str, text: str | None = None) -> str:
    rid = d.part.relate_to(f"mailto:{address}", RT.HYPERLINK, is_external=True)
    return f'<w:hyperlink r:id="{rid}">{_run(text or address)}</w:hyperlink>'


def _body(d, xml: str) -> None:
    """Append blocks written as raw WordprocessingML to the body (before its section)."""
    body = d.element.body
    for block in parse_xml(f"<w:body {NS}>{xml}</w:body>"):
        body.insert(len(body) - 1, block)


def _footnotes(d, notes: dict[int, str]) -> None:
    """A footnotes part holding ``notes`` (id -> text), as Word writes it."""
    xml = "".join(
        f'<w:footnote w:id="{k}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'{_run(" " + text)}</w:p></w:footnote>' for k, text in notes.items())
    blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {NS}>'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            f"{xml}</w:footnotes>").encode()
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", blob, d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)


def _ref(k: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{k}"/></w:r>'


# ------------------------------------------------------------------ a delaftale filled in Word (Slagelse)
def _slagelse(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Delaftale for indsatsområdet Uddannelse og livschancer", 1)
    _footnotes(d, {1: "Den strategiske samarbejdsaftale for Ringparken Sammen er indgået mellem "
                      "Slagelse Kommune, Boligselskabet Vestsjælland og Andelsboligforeningen Skovsøhuse."})
    _body(d, _table(2, [
        _tr(_tc(_run("Navn på den boligsociale indsats, som delaftalen vedrører:")),
            _tc(_field("Ringparken Sammen 2026-2029", tag="indsats"))),
        _tr(_tc(_run("Delaftalen gælder fra - til:")),
            _tc(_field("01-03-2026", tag="fra", date="2026-03-01"), _run(" til "),
                _field("28-02-2030", tag="til", date="2030-02-28"))),
        _tr(_tc(_run("Omfattede afdelinger:")),
            _tc(_field("Boligselskabet Vestsjælland afd. 7 Ringparken Nord (310 lejemål) og afd. 8 "
                       "Ringparken Syd (205 lejemål)", tag="afdelinger"))),
    ]))
    d.add_heading("Delaftalens parter", 2)
    _body(d, _table(5, [
        _tr(*(_tc(_run(h)) for h in ("Organisation", "Enhed", "Kontaktperson", "Mail", "Telefon"))),
        _tr(_tc(_run("Slagelse Kommune"), _ref(1), merge="restart"), _tc(_run("Børn og Unge")),
            _tc(_field("Signe Vestergaard Holm, skolekonsulent")), _tc(_mail(d, "sivho@slagelse.dk")),
            _tc(_field("5857 3601"))),
        _tr(_tc(merge="continue"), _tc(_run("Jobcenter Slagelse")),
            _tc(_field("Torben Aaskov Lind, virksomhedskonsulent")), _tc(_mail(d, "toali@slagelse.dk")),
            _tc(_unfilled())),
        _tr(_tc(_run("Boligselskabet Vestsjælland"), span=2),
            _tc(_field("Pernille Dyrholm Krag, boligsocial leder")),
            _tc(_mail(d, "pdk@bsvest.dk", "Skriv til Pernille")), _tc(_field("2175 4410"))),
    ]))
    d.add_heading("Aktiviteter", 2)
    activity = _table(2, [
        _tr(_tc(_run("Aktivitetsnavn:")), _tc(_field("Lektiecafé Ringparken", tag="aktivitet"))),
        _tr(_tc(_run("Målgruppe(r):")), _tc(_field("Skolebørn 6-16 år og deres forældre"))),
        _tr(_tc(_run("Ansvar og samarbejdspartnere:")),
            _tc(_field("Helhedsplanen i samarbejde med Slagelse Bibliotekerne og Røde Kors Slagelse"))),
    ])
    _body(d, _sdt(activity, tag="aktivitet1"))  # (a block-level control around the activity's table)
    d.add_paragraph("Godkendt af bestyrelsen den 2. februar 2026.")
    d.save(str(path))
    return path


def test_the_answers_in_content_controls_are_read_where_they_stand(tmp_path: Path) -> None:
    doc = read_document(_slagelse(tmp_path / "slagelse.docx"))
    assert "Navn på den boligsociale indsats, som delaftalen vedrører:\tRingparken Sammen 2026-2029" in doc.lines
    assert "Delaftalen gælder fra - til:\t01-03-2026 til 28-02-2030" in doc.lines
    assert any(line.startswith("Aktivitetsnavn:") and line.endswith("Lektiecafé Ringparken") for line in doc.lines)
    assert not any(PLACEHOLDER in line for line in doc.lines)  # (an unfilled control adds nothing)


def test_a_word_form_gives_its_plan_contacts_and_activities(tmp_path: Path) -> None:
    report = extract_file(_slagelse(tmp_path / "slagelse.docx"))
    assert report.plan.name.startswith("Ringparken Sammen")
    assert (report.plan.period_start, report.plan.period_end) == ("2026-03-01", "2030-02-28")
    contacts = {c.name: c for c in report.contacts}
    assert {"Signe Vestergaard Holm", "Torben Aaskov Lind", "Pernille Dyrholm Krag"} <= set(contacts)
    assert (contacts["Signe Vestergaard Holm"].email, contacts["Signe Vestergaard Holm"].phone) == \
        ("sivho@slagelse.dk", "58573601")
    assert contacts["Torben Aaskov Lind"].phone is None
    assert contacts["Pernille Dyrholm Krag"].email == "pdk@bsvest.dk"  # (only the link's target holds it)
    assert "Lektiecafé Ringparken" in {a.name for a in report.activities}
    assert {"Ringparken Nord", "Ringparken Syd"} <= {z.name for z in report.zones}


def test_the_parties_named_only_in_a_footnote(tmp_path: Path) -> None:
    path = _slagelse(tmp_path / "slagelse.docx")
    doc = read_document(path)
    assert doc.lines[-1].startswith("[1] Den strategiske samarbejdsaftale for Ringparken Sammen")
    assert any(line.startswith("Slagelse Kommune\tBørn og Unge") for line in doc.lines)  # (the mark dropped:
    # symbols.drop_note_marks)
    parties = {o.name for o in extract_file(path).organisations if o.is_party}
    assert "Andelsboligforeningen Skovsøhuse" in parties


def test_merged_cells_keep_the_rows_under_their_column_heads(tmp_path: Path) -> None:
    doc = read_document(_slagelse(tmp_path / "slagelse.docx"))
    rows = [line.split("\t") for line in doc.lines if "@" in line or "Pernille" in line]
    assert [r[:2] for r in rows] == [["Slagelse Kommune", "Børn og Unge"], ["Slagelse Kommune", "Jobcenter Slagelse"],
                                     ["Boligselskabet Vestsjælland", ""]]
    assert [r[2].split(",")[0] for r in rows] == ["Signe Vestergaard Holm", "Torben Aaskov Lind", "Pernille Dyrholm Krag"]
    assert rows[2][3] == "Skriv til Pernille (pdk@bsvest.dk)"


# ------------------------------------------------------------------ controls around blocks and rows (Viborg)
def test_controls_around_paragraphs_and_repeating_rows_and_endnotes(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Strategisk samarbejdsaftale for Houlkær 2027-2030")
    _body(d, _sdt(_p(_run("Aftalens parter: Viborg Kommune, Boligselskabet Sct. Jørgen og Viborg Andelsboligforening."))
                  + _p(_run("Kontaktperson: boligsocial leder Rikke Lund Bech, rlb@houlkaer.dk"),
                       '<w:r><w:endnoteReference w:id="2"/></w:r>'), tag="parter")
          + _sdt(_p(_run(PLACEHOLDER)), empty=True)
          + _table(2, [_tr(_tc(_run("Afdeling")), _tc(_run("Lejemål"))),
                       _sdt(_tr(_tc(_field("Sct. Jørgen afd. 12 Houlkær Øst")), _tc(_run("240")))
                            + _tr(_tc(_run("Viborg Andelsboligforening afd. 3 Houlkær Vest")), _sdt(_tc(_run("180")))),
                            tag="rækker")])
          + _p('<w:del w:id="9" w:author="x"><w:r><w:delText>Aftalen udløber 2029.</w:delText></w:r></w:del>',
               '<w:ins w:id="10" w:author="x"><w:r><w:t>Aftalen udløber 2030.</w:t></w:r></w:ins>'))
    blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:endnotes {NS}>'
            f'<w:endnote w:id="2"><w:p><w:r><w:endnoteRef/></w:r>{_run(" Ansat i Boligselskabet Sct. Jørgen.")}'
            "</w:p></w:endnote></w:endnotes>").encode()
    part = Part(PackURI("/word/endnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml", blob, d.part.package)
    d.part.relate_to(part, RT.ENDNOTES)
    d.save(str(tmp_path / "viborg.docx"))
    doc = read_document(tmp_path / "viborg.docx")
    assert "Aftalens parter: Viborg Kommune, Boligselskabet Sct. Jørgen og Viborg Andelsboligforening." in doc.lines
    assert "Kontaktperson: boligsocial leder Rikke Lund Bech, rlb@houlkaer.dk[i]" in doc.lines
    assert "Sct. Jørgen afd. 12 Houlkær Øst\t240" in doc.lines
    assert "Viborg Andelsboligforening afd. 3 Houlkær Vest\t180" in doc.lines
    assert "Aftalen udløber 2030." in doc.lines and not any("2029" in line for line in doc.lines)
    assert doc.lines[-1] == "[i] Ansat i Boligselskabet Sct. Jørgen."
    assert not any(PLACEHOLDER in line for line in doc.lines)
    report = extract_file(tmp_path / "viborg.docx")
    assert {"Viborg Kommune", "Boligselskabet Sct. Jørgen"} <= {o.name for o in report.organisations if o.is_party}
