"""Forms a new user's trial showed (bundled agreements and their PDF rendering), written
again in made-up agreements of other municipalities: a table's first cell that wraps in a
PDF ("Fællesbo – Vestergade" / "Boulevard"), a contact written after two organisations
joined by "og" (the first is the contact's), a municipal unit whose name opens with
"Bolig- og" ("Bolig- og beskæftigelsesenheden": an enhed), and one organisation written
"Tryghedspartnerskab i X" and "Tryghedspartnerskabet X"."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered, name_key  # noqa: E402

HOWS = ["as written", "flat", "flattened", "docx", "pdf"]
ROWS = [("Fællesbo – Vestergade Boulevard", "2", "2", "0"), ("Horsensbo – Vestergade Boulevard", "0", "4", "3"),
        ("Fællesbo – Sønderport Nord", "30", "13", "9"), ("Boligselskabet Horsens – Sønderport Nord", "5", "5", "1")]
VARIANTS = [("Horsens", 30, "TOP"), ("Vejle", 34, "TOP"), ("Randers", 38, "TOP")]


def _table_pdf(path: Path, town: str, width: float, align: str, new_pdf) -> Path:
    pdf = new_pdf()  # (the fixture, not "from conftest import": another folder's conftest may hold that name)
    for text in (f"Boligsocial helhedsplan for Vestbyen, {town} 2024-2027",
                 f"Aftalens parter: {town} Kommune, Boligselskabet Horsens, Horsensbo og Fællesbo", "",
                 "Boligafdelingerne i helhedsplanen"):
        pdf.multi_cell(0, 5, text or " ", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=(width, 15, 15, 15), width=width + 45, text_align="LEFT", first_row_as_headings=False,
                   v_align=align) as table:
        for cells in [("Boligafdeling", "2011", "2012", "2013"), *ROWS]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.output(str(path))
    return path


@pytest.mark.parametrize(("town", "width", "align"), VARIANTS)
def test_a_first_cell_wrapped_in_a_pdf_table_stays_one_department(tmp_path, new_pdf, town, width, align):
    from samspil.loaders.pipeline import extract_file

    report = extract_file(_table_pdf(tmp_path / "aftale.pdf", town, width, align, new_pdf))
    names = {name_key(z.name) for z in report.zones}
    assert {name_key(r[0]) for r in ROWS} <= names, names
    assert not {"fællesbo", "horsensbo", "vestergade", "boulevard"} & names


PAIRS = [  # (entry line, the organisation the contact belongs to, the other)
    ("Socialpsykiatriske væresteder, Værestedet Solsikken og Stjernen, Jens Holm, solsikken@odense.dk, 66131415",
     "Værestedet Solsikken", "Stjernen"),
    ("Fritidstilbud, Klubben Nord og Ungehuset, Mette Bak, mb@aarhus.dk, 87131415",
     "Klubben Nord", "Ungehuset"),
    ("Rådgivning, Familiehuset Vest & Café Væksten, Ole Due, od@aalborg.dk, 99131415",
     "Familiehuset Vest", "Café Væksten"),
]


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize(("k", "pair"), enumerate(PAIRS))
def test_a_contact_after_two_organisations_belongs_to_the_first(tmp_path, make_docx, make_pdf, k, pair, how):
    line, first, _ = pair
    town = ["Odense", "Aarhus", "Aalborg"][k]
    lines = [f"Delaftale for indsatsområdet Tryghed og trivsel, {town}", "",
             "Delaftalens parter:", f"{town} Kommune, Socialforvaltningen, Lise Berg, lb@{town.lower()}.dk", line, "",
             "Formål", "Delaftalen skal styrke trygheden i boligområdet."]
    report = extract_rendered(tmp_path, lines, how, make_docx, make_pdf)
    contact = next(c for c in report.contacts if c.name == line.split(", ")[-3])
    assert name_key(contact.organisation) == name_key(first)


SHARED = [("Værestedet Lærken og Orion", "Værestedet Orion", "municipal_unit"),
          ("Biblioteket Vest og Nord", "Biblioteket Nord", "culture_leisure"),
          ("Klubben Nord og Ungehuset", "Ungehuset", None)]


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("shared", SHARED)
def test_a_bare_name_after_og_shares_the_head_noun(tmp_path, make_docx, make_pdf, shared, how):
    entry, second, kind = shared
    lines = ["Delaftale for indsatsområdet Tryghed og trivsel, Esbjerg", "", "Delaftalens parter:",
             "Esbjerg Kommune, Socialforvaltningen, Lise Berg, lb@esbjerg.dk",
             f"{entry}, Jens Holm, jh@esbjerg.dk, 76131415", "", "Formål",
             "Delaftalen skal styrke trygheden i boligområdet."]
    report = extract_rendered(tmp_path, lines, how, make_docx, make_pdf)
    org = next(o for o in report.organisations if name_key(second) in {name_key(n) for n in [o.name, *o.aliases]})
    assert kind is None or org.type == kind


UNITS = ["Bolig- og beskæftigelsesenheden", "Bolig- og Integrationsenheden", "Bolig & Beskæftigelsesenheden",
         "Bolig- og Socialforvaltningen"]


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize(("k", "unit"), enumerate(UNITS))
def test_a_unit_named_bolig_og_is_a_municipal_unit(tmp_path, make_docx, make_pdf, k, unit, how):
    town = ["Holbæk", "Næstved", "Slagelse", "Køge"][k]
    lines = [f"Boligsocial helhedsplan for Nørreparken, {town} 2023-2026", "",
             f"Aftalens parter: {town} Kommune og Boligselskabet {town}", "",
             "Samarbejdspartnere:", f"{unit} (boligrådgivere og jobmentorer), Sundhedsplejen", ""]
    report = extract_rendered(tmp_path, lines, how, make_docx, make_pdf)
    org = next(o for o in report.organisations if name_key(unit) in {name_key(n) for n in [o.name, *o.aliases]})
    assert org.type == "municipal_unit"


SAME = [("Tryghedspartnerskab i Nørreparken", "Tryghedspartnerskabet Nørreparken"),
        ("Bydelsnetværk i Østbyen", "Bydelsnetværket Østbyen"),
        ("Lektiecaféen i Skovparken", "Lektiecafé Skovparken")]


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize(("k", "same"), enumerate(SAME))
def test_one_organisation_written_with_i_and_in_its_definite_form(tmp_path, make_docx, make_pdf, k, same, how):
    a, b = same
    town = ["Holbæk", "Svendborg", "Frederikshavn"][k]
    lines = [f"Boligsocial helhedsplan for Nørreparken, {town} 2023-2026", "",
             f"Aftalens parter: {town} Kommune og Boligselskabet {town}", "",
             "Samarbejdspartnere:", f"{a}, {town} Bibliotek", "",
             f"Helhedsplanen samarbejder tæt med {b} om trygheden. {b} mødes hver måned."]
    report = extract_rendered(tmp_path, lines, how, make_docx, make_pdf)
    hits = [o for o in report.organisations
            if {name_key(a), name_key(b)} & {name_key(n) for n in [o.name, *o.aliases]}]
    assert len(hits) == 1, [(o.name, o.aliases) for o in hits]
