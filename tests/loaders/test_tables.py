"""Tables of parties and departments, in PDF and Word. PDF: pdfium runs a row's cells together with single spaces ("Søren Dahl
Lejerbo Kolding Boligsocial leder ..."); the reader puts a tab between cells that
sit side by side, and joins a cell's wrapped lines back into its row. Real PDFs
drawn with fpdf2, read with the real pdfium; real .docx tables from python-docx."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from samspil.loaders import extract_file
from samspil.loaders.pdf_layout import may_hold_table, table_page_lines

BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def _table(pdf, rows, widths) -> None:
    with pdf.table(col_widths=widths, first_row_as_headings=False, v_align="TOP") as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)


def _agreement(pdf) -> None:
    def para(text: str) -> None:
        pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")

    para("Delaftale for indsatsområdet Tryghed og trivsel")
    para("Navn på den boligsociale indsats, som delaftalen vedrører: Helhedsplan for Skovparken")
    para("Delaftalens parter:")
    _table(pdf, PARTIES, (28, 58, 34, 40, 26))
    para("Helhedsplanen dækker følgende afdelinger:")
    _table(pdf, DEPARTMENTS, (40, 40, 30))


PARTIES = [("Navn", "Organisation", "Titel", "E-mail", "Telefon"),
           ("Birgitte Holm", "Kolding Kommune, Børne- og Uddannelsesforvaltningen", "Afdelingsleder",
            "biho@kolding.dk", "79 79 12 34"),
           ("Søren Dahl", "Lejerbo Kolding", "Boligsocial leder", "sd@lejerbo.dk", "20 30 40 50"),
           ("Lars Nygaard", "Sydøstjyllands Politi", "Politikommissær", "lny001@politi.dk", "")]
DEPARTMENTS = [("Afdeling", "Boligorganisation", "Antal boliger"), ("Skovparken", "Lejerbo Kolding", "420"),
               ("Skovgården", "AAB Kolding", "186")]


def _docx(path: Path) -> Path:
    """The same agreement in Word, the tables right after each other's lead-in."""
    import docx

    d = docx.Document()
    for text in ("Delaftale for indsatsområdet Tryghed og trivsel",
                 "Navn på den boligsociale indsats, som delaftalen vedrører: Helhedsplan for Skovparken",
                 "Delaftalens parter:"):
        d.add_paragraph(text)
    for lead, rows in (("", PARTIES), ("Helhedsplanen dækker følgende afdelinger:", DEPARTMENTS)):
        if lead:
            d.add_paragraph(lead)
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for i, values in enumerate(rows):
            for j, value in enumerate(values):
                table.cell(i, j).text = value
    d.save(str(path))
    return path


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_party_table_and_a_department_table_keep_their_columns(fmt, new_pdf, tmp_path: Path) -> None:
    path = tmp_path / f"kolding_tables.{fmt}"
    if fmt == "pdf":
        pdf = new_pdf()
        _agreement(pdf)
        pdf.output(str(path))
    else:
        _docx(path)
    r = extract_file(path)
    people = {c.name: (c.title, c.organisation, c.email, c.phone) for c in r.contacts}
    assert people == {
        "Birgitte Holm": ("Afdelingsleder", "Børne- og Uddannelsesforvaltningen", "biho@kolding.dk", "79791234"),
        "Søren Dahl": ("Boligsocial leder", "Lejerbo Kolding", "sd@lejerbo.dk", "20304050"),
        "Lars Nygaard": ("Politikommissær", "Sydøstjyllands Politi", "lny001@politi.dk", None)}
    zones = {z.name: (z.housing_organisation, z.units) for z in r.zones}
    assert zones == {"Skovparken": ("Lejerbo Kolding", 420), "Skovgården": ("AAB Kolding", 186)}
    orgs = {o.name for o in r.organisations}
    assert {"Lejerbo Kolding", "AAB Kolding", "Sydøstjyllands Politi", "Børne- og Uddannelsesforvaltningen"} <= orgs
    assert not any("Dahl" in o or "Skovparken" in o or "Antal" in o for o in orgs)  # no name across two cells


def _prose(pdf) -> None:
    pdf.add_font("DejaVu", "B", str(BOLD))
    for k in range(20):
        pdf.set_font("DejaVu", "", 10)
        pdf.write(5, f"Linje {k}: beboerne i afdelingen mødes i ")
        pdf.set_font("DejaVu", "B", 10)
        pdf.write(5, "Beboerhuset")
        pdf.set_font("DejaVu", "", 10)
        pdf.write(5, " hver tirsdag med frivillige fra Røde Kors.")
        pdf.ln(6)


def test_running_text_in_several_fonts_keeps_pdfiums_own_text(new_pdf, tmp_path: Path) -> None:
    """A prose page whose lines change font mid-line has several runs a line, but no
    cell gap between them: the page is no table, and pdfium's text is kept; with a
    table below it, the prose lines come out whole and the table's cells tabbed."""
    pdf = new_pdf()
    _prose(pdf)
    pdf.output(str(tmp_path / "prose.pdf"))
    textpage = pdfium.PdfDocument(str(tmp_path / "prose.pdf"))[0].get_textpage()
    assert textpage.count_rects() > 20  # several runs a line: the case this guards
    assert table_page_lines(textpage) is None
    pdf = new_pdf()
    _prose(pdf)
    _table(pdf, [("Navn", "E-mail"), ("Anna Holm", "ah@x.dk")], (40, 40))
    pdf.output(str(tmp_path / "both.pdf"))
    lines = table_page_lines(pdfium.PdfDocument(str(tmp_path / "both.pdf"))[0].get_textpage())
    assert lines is not None and "Navn\tE-mail" in lines and "Anna Holm\tah@x.dk" in lines
    assert "Linje 3: beboerne i afdelingen mødes i Beboerhuset hver tirsdag med frivillige fra Røde Kors." in lines


def test_only_a_page_with_more_text_runs_than_lines_is_looked_at_for_a_table(new_pdf, tmp_path: Path) -> None:
    """The reader reads a page's text rectangles only when the page has more of them than
    lines of text: a table's row holds several, running text one a line (or several
    in a line that changes font, with no cell gap: looked at, and no table)."""
    def page(draw) -> object:
        pdf = new_pdf()
        draw(pdf)
        pdf.output(str(tmp_path / "page.pdf"))
        return pdfium.PdfDocument(str(tmp_path / "page.pdf"))[0].get_textpage()

    def plain(pdf) -> None:
        for k in range(20):
            pdf.multi_cell(0, 5, f"Linje {k}: beboerne i afdelingen mødes hver tirsdag.", new_x="LMARGIN", new_y="NEXT")

    running = page(plain)
    assert running.count_rects() >= 20 and not may_hold_table(running, running.get_text_range())
    tables = page(_agreement)
    assert may_hold_table(tables, tables.get_text_range()) and table_page_lines(tables) is not None
    fonts = page(_prose)
    assert may_hold_table(fonts, fonts.get_text_range()) and table_page_lines(fonts) is None


def test_a_page_in_two_columns_with_a_table_keeps_pdfiums_reading_order(new_pdf, tmp_path: Path) -> None:
    """Lines rebuilt across the page would interleave two columns of text: a page set
    in columns keeps pdfium's order (each column whole), table or not."""
    pdf = new_pdf()
    with pdf.text_columns(ncols=2, gutter=8, balance=True) as cols:
        cols.write(" ".join(f"Sætning {k}: beboerne mødes i beboerhuset hver tirsdag." for k in range(40)))
    pdf.ln(5)
    _table(pdf, [("Navn", "E-mail"), ("Anna Holm", "ah@x.dk")], (40, 40))
    pdf.output(str(tmp_path / "columns.pdf"))
    textpage = pdfium.PdfDocument(str(tmp_path / "columns.pdf"))[0].get_textpage()
    rects = [textpage.get_rect(k) for k in range(textpage.count_rects())]
    assert min(r[0] for r in rects[:20]) < 100 < 250 < max(r[0] for r in rects)  # really two columns
    assert table_page_lines(textpage) is None
    text = " ".join(textpage.get_text_range().split())
    assert "Sætning 1: beboerne mødes i beboerhuset hver tirsdag. Sætning 2:" in text


ACTIVITIES = [("Aktivitet", "Beskrivelse", "Målgruppe", "Samarbejdspartnere"),
              ("Lektiecafé", "Frivillige hjælper med lektier to gange om ugen", "Børn i 1.-6. klasse",
               "Munkebo Skole, Røde Kors"),
              ("Jobcafé", "Vejledning om job og uddannelse", "Ledige over 25 år", "Jobcenter Kerteminde")]


@pytest.mark.parametrize("fmt", ["txt", "pdf", "docx"])
def test_a_table_of_activities_gives_one_activity_a_row(fmt, new_pdf, tmp_path: Path) -> None:
    """Older plans list their activities in a table (Aktivitet | Beskrivelse | Målgruppe |
    Samarbejdspartnere): each row is an activity of the section's focus area, with the
    target groups of its Målgruppe cell and the partners of its row."""
    intro = ["Boligsocial helhedsplan for Munkebo 2016-2019", "Indsatsområde: Børn, unge og familier"]
    path = tmp_path / f"munkebo.{fmt}"
    if fmt == "txt":
        path.write_text("\n\n".join(intro) + "\n\n" + "\n".join("\t".join(r) for r in ACTIVITIES) + "\n",
                        encoding="utf-8")
    elif fmt == "pdf":
        pdf = new_pdf()
        for text in intro:
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        _table(pdf, ACTIVITIES, (30, 60, 45, 45))
        pdf.output(str(path))
    else:
        import docx

        d = docx.Document()
        for text in intro:
            d.add_paragraph(text)
        table = d.add_table(rows=len(ACTIVITIES), cols=4)
        for i, values in enumerate(ACTIVITIES):
            for j, value in enumerate(values):
                table.cell(i, j).text = value
        d.save(str(path))
    r = extract_file(path)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Lektiecafé", "Jobcafé"}
    assert all(a.focus_area == "Børn, unge og familier" for a in acts.values())
    assert acts["Lektiecafé"].target_groups == ["children"] and acts["Jobcafé"].target_groups == ["unemployed"]
    assert set(acts["Lektiecafé"].partners) == {"Munkebo Skole", "Røde Kors"}
    assert acts["Jobcafé"].partners == ["Jobcenter Kerteminde"]


@pytest.mark.parametrize("fmt", ["txt", "pdf"])
def test_signatures_side_by_side_are_one_party_a_column(fmt, new_pdf, tmp_path: Path) -> None:
    """Parties sign side by side: "For Civica | For FAB | For Odense Kommune" over
    "Direktør Jens Jensen | ...": each column is one party with its signatory."""
    intro = ["Strategisk samarbejdsaftale for Vollsmose 2021-2024", "Aftalens parter: Civica, FAB og Odense Kommune",
             "Underskrifter:", "Odense, den 1. marts 2021"]
    rows = [("For Civica", "For FAB", "For Odense Kommune"),
            ("Direktør Jens Jensen", "Direktør Lone Berg", "Rådmand Per Holm")]
    path = tmp_path / f"signatures.{fmt}"
    if fmt == "txt":
        path.write_text("\n\n".join(intro) + "\n\n" + "\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    else:
        pdf = new_pdf()
        for text in intro:
            pdf.multi_cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
        for row in rows:  # text placed in three columns, no table lines: how signature blocks are set
            for k, text in enumerate(row):
                pdf.text(20 + 62 * k, pdf.get_y() + 5, text)
            pdf.ln(6)
        pdf.output(str(path))
    r = extract_file(path)
    assert {c.name: (c.title, c.organisation) for c in r.contacts} == {
        "Jens Jensen": ("Direktør", "Civica"), "Lone Berg": ("Direktør", "FAB"), "Per Holm": ("Rådmand", "Odense Kommune")}
    assert {o.name for o in r.organisations} == {"Civica", "FAB", "Odense Kommune"}


def test_justified_text_set_word_by_word_is_no_table(new_pdf, tmp_path: Path) -> None:
    """Some PDF producers place every word on its own; a justified paragraph then has wide,
    equal gaps between runs on each line, and lines share gap positions by chance: it
    is running text all the same, and pdfium's text is kept."""
    words = ("Helhedsplanen er et samarbejde mellem Boligselskabet Fjord og Randers Kommune om en "
             "indsats for børn og unge i Engparken hvor Jobcenter Randers og Randers Ungdomsskole "
             "deltager med medarbejdere og frivillige fra Røde Kors hver uge hele året").split() * 3
    pdf = new_pdf()
    width, y, k = 120.0, 30.0, 0
    while k < len(words):
        line = words[k:k + 5 + k % 3]
        k += len(line)
        gap = (width - sum(pdf.get_string_width(w) for w in line)) / max(len(line) - 1, 1)
        x = pdf.l_margin
        for w in line:
            pdf.text(x, y, w)
            x += pdf.get_string_width(w) + gap
        y += 5
    pdf.output(str(tmp_path / "justified.pdf"))
    textpage = pdfium.PdfDocument(str(tmp_path / "justified.pdf"))[0].get_textpage()
    assert textpage.count_rects() > 60  # a run a word: the case this guards
    assert table_page_lines(textpage) is None


# An activity table whose cells are centred vertically (a one-line cell sits beside the middle of a
# wrapped one), on a two-page PDF with a running head and page numbers.
CENTRED = [("Aktivitet", "Målgruppe", "Samarbejdspartnere"),
           ("Gårdvagter", "Unge 13-18 år", "SSP Vejen, Sydøstjyllands Politi, Vejen Idrætsforening"),
           ("Mødregruppen", "Mødre på barsel med en anden etnisk baggrund end dansk", "Sundhedsplejen Vejen"),
           ("Lektiehjørnet", "Skolebørn", "Vejen Bibliotek")]


def _centred_pdf(new_pdf, path: Path) -> Path:
    pdf = new_pdf()
    pdf.set_auto_page_break(False)

    def head() -> None:
        pdf.set_xy(10, 5)
        pdf.cell(0, 5, "Vejen Nord - strategisk samarbejdsaftale")
        pdf.set_xy(10, 20)

    def foot() -> None:
        pdf.set_xy(10, 285)
        pdf.cell(0, 5, f"Side {pdf.page_no()}", align="C")

    head()
    pdf.multi_cell(0, 5, "Delaftale 1 - Tryghed og trivsel", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(40, 50, 60), first_row_as_headings=False, v_align="MIDDLE") as table:
        for values in CENTRED:
            row = table.row()
            for value in values:
                row.cell(value)
    foot()
    pdf.add_page()
    head()
    pdf.multi_cell(0, 5, "Kontaktpersoner", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 5, "Boligsocial leder: Anne Holt, Boligselskabet Vejen, ah@bsv.dk", new_x="LMARGIN", new_y="NEXT")
    foot()
    pdf.output(str(path))
    return path


def test_a_table_with_vertically_centred_cells_keeps_each_row_whole(new_pdf, tmp_path: Path) -> None:
    from samspil.loaders.readers import read_document

    lines = read_document(_centred_pdf(new_pdf, tmp_path / "vejen.pdf")).lines
    rows = [line.split("\t") for line in lines if "\t" in line]
    assert rows == [list(r) for r in CENTRED]
    # the running head and the page numbers of a two-page PDF are no text of it
    assert not any(line.startswith(("Side ", "Vejen Nord - strategisk")) for line in lines)
    orgs = {o.name for o in extract_file(tmp_path / "vejen.pdf").organisations}
    assert {"SSP Vejen", "Sydøstjyllands Politi", "Vejen Idrætsforening", "Sundhedsplejen Vejen"} <= orgs
    assert not orgs & {"Gårdvagter", "Mødregruppen", "Unge 13-18 år", "Skolebørn", "Aktivitet", "Målgruppe"}


# Vertically centred tables whose FIRST cell wraps onto two lines: its lines stand one above
# and one below the row's other cells ("Skanderborg" / "Søtoften  180  Vestbyen" /
# "Andelsboligforening"), each row of them whole again.
WRAPPED_FIRST = [
    ((45, 30, 20), [("Boligorganisation", "Afdeling", "Boliger"),
                    ("Lemvig Almennyttige Boligselskab", "Østergade", "212"),
                    ("Boligforeningen Ringkøbing-Skjern", "Vestergården", "96"),
                    ("Lemvig Boligforening", "Nørrevang", "140")]),
    ((40, 45), [("Samarbejdspartner", "Rolle"),
                ("Frederiksberg Frivilligcenter", "Rekrutterer frivillige"),
                ("Ungdomsskolen Frederiksberg", "Klubtilbud"),
                ("SSP", "Koordinerer")]),
    ((42, 35, 25, 40), [("Boligselskab", "Afd.", "Lejemål", "Bydel"),
                        ("Boligkontoret Danmark Assens", "Nordbyen", "310", "Assens Nord"),
                        ("Assens Andelsboligforening", "Skovvænget", "88", "Assens Nord")]),
]


@pytest.mark.parametrize("widths,rows", WRAPPED_FIRST, ids=["lemvig", "frederiksberg", "assens"])
def test_a_centred_table_whose_first_cells_wrap_keeps_each_row_whole(new_pdf, tmp_path: Path,
                                                                     widths, rows) -> None:
    from samspil.loaders.readers import read_document

    pdf = new_pdf()
    pdf.multi_cell(0, 5, "Helhedsplanens afdelinger og partnere", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(width=sum(widths), col_widths=widths, first_row_as_headings=False, v_align="MIDDLE",
                   align="LEFT") as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.multi_cell(0, 5, "Aftalen er indgået for perioden 2025-2028.", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "wrapped.pdf"))
    lines = read_document(tmp_path / "wrapped.pdf").lines
    assert [line.split("\t") for line in lines if "\t" in line] == [list(r) for r in rows]
    # the heading above the table and the sentence under it stay lines of their own
    assert lines[0] == "Helhedsplanens afdelinger og partnere"
    assert lines[-1] == "Aftalen er indgået for perioden 2025-2028."


@pytest.mark.parametrize("line", [
    "Parter: SSP Vejle; Vejle Bibliotek. Aktivitet Målgruppe Samarbejdspartnere Lektiebus Børn 6-12 år",
    "aktivitet Tiltag-plan (Indsats) Projekter: Initiativ X-Aktivitet | Aktivitetens navn | Målgruppe | Partnere",
    "Ingen tabel her, kun en Aktivitetsbeskrivelse og et tiltag i teksten.",
])
def test_a_run_on_head_row_is_looked_for_at_exactly_the_places_its_pattern_matches(line: str) -> None:
    from samspil.loaders import space_tables

    expected = [m.span() for m in space_tables._head_starts().finditer(line)]
    assert [m.span() for m in space_tables._head_matches(line)] == expected


def test_only_heads_that_open_with_a_plain_letter_narrow_where_a_head_row_is_looked_for() -> None:
    from samspil.loaders.space_tables import _opens_with_letter

    assert _opens_with_letter("aktivitet(?:er|en|snavn)?") and _opens_with_letter("aktivitetens navn")
    assert not any(map(_opens_with_letter, ["a?ktivitet", "tiltag|projekt", r"\w+", "[Aa]ktivitet", "(?:akt)"]))
