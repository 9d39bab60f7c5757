"""LBF templates filled in as PDF forms (AcroForm): the labels are page text, the answers the
values of form fields shown by widgets. Written here byte by byte (a page's text in Helvetica,
text fields, a multiline one, an unfilled one, a field shown on two pages, check boxes), as a
form tool writes them; and a table whose running footer is drawn before the page's body, whose
cells end in soft hyphens and whose last row is a total (fpdf2). All made up (Randers, Viborg)."""
from __future__ import annotations

import re
from pathlib import Path

import pypdfium2 as pdfium

from samspil.loaders.limits import Deadline, current_limits
from samspil.loaders.pipeline import extract_file
from samspil.loaders.readers import PdfReader, read_document


def _pdf_string(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _literal(text: str) -> bytes:
    return b"(" + text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def write_form(path: Path, pages: list[list[tuple[float, float, str]]], fields: list[dict]) -> Path:
    """A PDF of A4 pages with ``pages``' texts ((x, y, text) in Helvetica 10) and ``fields``:
    dicts of name, value (None: unfilled), rects [(page, (l, b, r, t)), ...] (several: one field
    shown by several widgets), kind ("Tx" or "Btn"), multiline, checked."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    mark = add(b"<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Length 0 >>\nstream\n\nendstream")
    page_ids, annots = [], {k: [] for k in range(len(pages))}
    field_ids = []
    for f in fields:
        parent = len(objects) + 1
        kids = []
        value = ""
        if f.get("kind", "Tx") == "Tx":
            value = f"/V {_pdf_string(f['value'])}" if f.get("value") is not None else ""
            flags = 4096 if f.get("multiline") else 0
            head = f"/FT /Tx /Ff {flags} /DA (/Helv 0 Tf 0 g)"
        else:
            value = "/V /Yes" if f.get("checked") else "/V /Off"
            head = "/FT /Btn /Ff 0"
        add(b"")  # (the field, written when its kids are known)
        for page, rect in f["rects"]:
            state = (("/AS /Yes" if f.get("checked") else "/AS /Off") + f" /AP << /N << /Yes {mark} 0 R /Off {mark} 0 R >> >>"
                     if f.get("kind") == "Btn" else "")
            kid = add(f"<< /Type /Annot /Subtype /Widget /Rect [{' '.join(map(str, rect))}] /F 4 "
                      f"/Parent {parent} 0 R {state} >>".encode())
            kids.append(kid)
            annots[page].append(kid)
        objects[parent - 1] = (f"<< /T ({f['name']}) {head} {value} /Kids [{' '.join(f'{k} 0 R' for k in kids)}] >>"
                               ).encode()
        field_ids.append(parent)
    for k, texts in enumerate(pages):
        stream = b"BT /F1 10 Tf " + b" ".join(f"1 0 0 1 {x} {y} Tm ".encode() + _literal(t) + b" Tj" for x, y, t in texts) \
            + b" ET"
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(add(f"<< /Type /Page /Parent PAGES 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
                            f"/Resources << /Font << /F1 {font} 0 R >> >> "
                            f"/Annots [{' '.join(f'{a} 0 R' for a in annots[k])}] >>".encode()))
    pages_id = add(f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] /Count {len(page_ids)} >>".encode())
    objects[:] = [o.replace(b"PAGES 0 R", f"{pages_id} 0 R".encode()) for o in objects]
    acro = add(f"<< /Fields [{' '.join(f'{i} 0 R' for i in field_ids)}] /DA (/Helv 0 Tf 0 g) "
               f"/DR << /Font << /Helv {font} 0 R >> >> >>".encode())
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R /AcroForm {acro} 0 R >>".encode())
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


PAGE_1 = [(50, 780, "Strategisk samarbejdsaftale om boligsocial indsats"),
          (50, 740, "Områdets navn:"), (50, 710, "Aftalens parter:"),
          (50, 650, "Samarbejdsaftalen gælder fra - til:"), (50, 620, "Boligsocial leder:"),
          (50, 590, "Valgte indsatsområder"), (70, 570, "Uddannelse og livschancer"),
          (70, 555, "Beskæftigelse"), (70, 540, "Sundhed og trivsel"),
          (50, 500, "Kontaktpersoner"), (50, 480, "Part"), (200, 480, "Navn / titel / mail / tlf"),
          (50, 460, "Randers Kommune"), (50, 440, "Boligforeningen Østbo")]
FIELDS = [
    {"name": "navn", "value": "Vorup Nord - den boligsociale helhedsplan »Vorup Sammen«", "rects": [(0, (225, 735, 545, 752))]},
    {"name": "parter", "multiline": True, "rects": [(0, (225, 680, 545, 722))],
     "value": "Randers Kommune\nBoligforeningen Østbo (herefter BØ)\nAndelsboligforeningen Gudenåhuse (herefter AG)"},
    {"name": "periode", "value": "01.07.2027 - 30.06.2031", "rects": [(0, (225, 645, 545, 662))]},
    {"name": "leder", "value": None, "rects": [(0, (225, 615, 545, 632))]},
    {"name": "kontakt_1", "rects": [(0, (198, 455, 560, 470))],
     "value": "Lærke Bødker Vinding / områdechef / lbv@randers.dk / 8915 1540"},
    {"name": "kontakt_2", "rects": [(0, (198, 435, 560, 450))],
     "value": "Anders Tougaard Friis / boligsocial leder / atf@oestbo.dk / 8642 7310"},
    {"name": "plan", "value": "Vorup Sammen 2027-2031", "rects": [(0, (360, 800, 560, 815)), (1, (360, 800, 560, 815))]},
    {"name": "valg_uddannelse", "kind": "Btn", "checked": True, "rects": [(0, (52, 567, 62, 577))]},
    {"name": "valg_beskaeftigelse", "kind": "Btn", "checked": True, "rects": [(0, (52, 552, 62, 562))]},
    {"name": "valg_sundhed", "kind": "Btn", "checked": False, "rects": [(0, (52, 537, 62, 547))]},
]
PAGE_2 = [(50, 780, "Underskrifter"), (50, 760, "For Randers Kommune: borgmester Torben Hjort Lauesen")]


def _randers(path: Path) -> Path:
    return write_form(path, [PAGE_1, PAGE_2], FIELDS)


def test_field_values_are_text_beside_their_labels(tmp_path: Path) -> None:
    doc = read_document(_randers(tmp_path / "randers.pdf"))
    lines = doc.lines
    assert "Områdets navn: Vorup Nord - den boligsociale helhedsplan »Vorup Sammen«" in lines
    assert any(re.fullmatch(r"Samarbejdsaftalen gælder fra - til:\s+01.07.2027 - 30.06.2031", line) for line in lines)
    parties = lines.index("Aftalens parter: Randers Kommune")
    assert lines[parties + 1: parties + 3] == ["Boligforeningen Østbo (herefter BØ)",
                                              "Andelsboligforeningen Gudenåhuse (herefter AG)"]
    assert any(re.match(r"Randers Kommune\s+Lærke Bødker Vinding\W+områdechef", line) for line in lines)
    limits = current_limits()
    raw, _ = PdfReader().raw(tmp_path / "randers.pdf", [], limits, Deadline(limits, "randers.pdf"))
    assert raw[raw.index("Valgte indsatsområder") + 1:][:3] == [  # (before the ticks are read)
        "[x] Uddannelse og livschancer", "[x] Beskæftigelse", "[ ] Sundhed og trivsel"]
    assert "Boligsocial leder:" in lines  # (an unfilled field adds nothing)
    assert sum("Vorup Sammen 2027-2031" in line for line in lines) == 1  # (a field on two pages: once)
    assert [p for (_, p), line in zip(doc.origin, lines) if "Vorup Sammen 2027-2031" in line] == [1]


def test_a_filled_pdf_form_gives_its_plan_parties_and_contacts(tmp_path: Path) -> None:
    report = extract_file(_randers(tmp_path / "randers.pdf"))
    assert "Vorup" in report.plan.name
    assert (report.plan.period_start, report.plan.period_end) == ("2027-07-01", "2031-06-30")
    parties = {o.name for o in report.organisations if o.is_party}
    assert {"Randers Kommune", "Boligforeningen Østbo", "Andelsboligforeningen Gudenåhuse"} <= parties
    contacts = {c.name: c for c in report.contacts}
    assert (contacts["Lærke Bødker Vinding"].email, contacts["Lærke Bødker Vinding"].phone) == \
        ("lbv@randers.dk", "89151540")
    assert contacts["Anders Tougaard Friis"].email == "atf@oestbo.dk"
    focus = {f.name for f in report.focus_areas}
    assert "Uddannelse og livschancer" in focus and "Sundhed og trivsel" not in focus


def test_a_long_value_is_wrapped_in_its_box_and_letters_beyond_helvetica_kept_readable(tmp_path: Path) -> None:
    long = ("Viborg Kommune, Boligselskabet Sct. Jørgen, Viborg Andelsboligforening og "
            "Boligforeningen Skovbakken samt Ayşe Kılıç fra beboerrådet")
    path = write_form(tmp_path / "viborg.pdf", [[(50, 740, "Aftalens parter:"), (50, 600, "Indsatsområder")]],
                      [{"name": "p", "value": long, "multiline": True, "rects": [(0, (225, 650, 400, 750))]},
                       {"name": "kort", "value": "Houlkær " * 12, "rects": [(0, (225, 590, 300, 606))]}])
    text = " ".join(read_document(path).lines)
    assert "Viborg Kommune, Boligselskabet Sct. Jørgen, Viborg Andelsboligforening og Boligforeningen Skovbakken" in text
    assert "Ayse Kiliç fra beboerrådet" in text  # (Helvetica has no "ş", "ı")
    assert text.count("Houlkær") == 12


def test_the_form_check_costs_a_document_without_a_form_one_call(tmp_path: Path, make_pdf) -> None:
    from samspil.loaders.pdf_forms import form_text

    plain = make_pdf(["Strategisk samarbejdsaftale for Vorup", "Aftalens parter: Randers Kommune"], tmp_path / "p.pdf")
    pdf = pdfium.PdfDocument(str(plain))
    try:
        assert form_text(pdf) is None and pdf.formenv is None
    finally:
        pdf.close()


# ------------------------------------------------------------------ a table's page, footer first
def test_a_footer_drawn_first_soft_hyphens_and_a_total_row(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    pdf.text(120, 285, "Strategisk samarbejdsaftale Vorup · side 1 af 1")  # (the running footer, drawn first)
    pdf.set_xy(15, 20)
    pdf.cell(0, 6, "Aktivitetsoversigt", new_x="LMARGIN", new_y="NEXT")
    rows = [("Nr.", "Indsatsområde", "Aktivitet", "Samarbejdspartnere"),
            ("1", "Uddannelse og beskæf\u00ad|tigelse", "Lektiecafé Vorup", "Randers Bibliotek"),
            ("2", "Uddannelse og beskæf\u00ad|tigelse", "Jobværkstedet", "Jobcenter Randers, Randers Handelsstands\u00ad|forening"),
            ("3", "Tryghed og trivsel", "Gårdvandringer", "Østjyllands Politi")]
    y = 30.0
    for row in rows:
        height = 0
        for x, cell in zip((15, 30, 75, 125), row):
            for k, part in enumerate(cell.split("|")):
                pdf.text(x, y + k * 4, part)
                height = max(height, k)
        y += 6 + height * 4
    pdf.text(15, y + 4, "Afdeling")
    pdf.text(75, y + 4, "Lejemål")
    pdf.text(15, y + 9, "Vorup Nord")
    pdf.text(75, y + 9, "412")
    pdf.text(45, y + 14, "I alt")
    pdf.text(75, y + 14, "412")
    pdf.output(str(tmp_path / "tabel.pdf"))
    lines = read_document(tmp_path / "tabel.pdf").lines
    assert "2\tUddannelse og beskæftigelse\tJobværkstedet\tJobcenter Randers, Randers Handelsstandsforening" in lines
    assert "1\tUddannelse og beskæftigelse\tLektiecafé Vorup\tRanders Bibliotek" in lines
    assert not any("412 412" in line for line in lines)
