"""The same agreement as .txt, generated .docx and generated .pdf reads and extracts alike."""
from __future__ import annotations

from pathlib import Path

import pytest

from samspil.loaders.model import AgreementReport
from samspil.loaders.pipeline import bundled_examples, extract_file
from samspil.loaders.readers import read_document


def _flat(text: str) -> str:
    """Equivalence modulo whitespace: a PDF hard wrap is just a space."""
    return " ".join(text.split())


def _facts(report: AgreementReport) -> dict[str, set]:
    return {
        "organisations": {o.name for o in report.organisations},
        "contacts": {(c.name, c.email, c.phone) for c in report.contacts},
        "activities": {a.name for a in report.activities},
    }


@pytest.fixture
def three_formats(tmp_path: Path, fixture_text: str, make_docx, make_pdf) -> dict[str, Path]:
    paragraphs = fixture_text.split("\n")
    txt = tmp_path / "delaftale.txt"
    txt.write_text(fixture_text, encoding="utf-8")
    return {"txt": txt,
            "docx": make_docx(paragraphs, tmp_path / "delaftale.docx"),
            "pdf": make_pdf(paragraphs, tmp_path / "delaftale.pdf")}


def test_fixture_text_is_the_same_in_all_formats(three_formats: dict[str, Path]) -> None:
    docs = {fmt: read_document(p) for fmt, p in three_formats.items()}
    assert {d.format for d in docs.values()} == {"txt", "docx", "pdf"}
    reference = _flat(docs["txt"].text)
    assert "Delaftale for indsatsområdet Beskæftigelse" in reference  # markdown emphasis gone
    assert "Kontaktperson: Mads Ørsted Kjær, teamleder: 3012 5577 / ab12@kk.dk" in reference
    for fmt in ("docx", "pdf"):
        assert _flat(docs[fmt].text) == reference, fmt


def test_label_lines_keep_their_own_line_in_every_format(three_formats: dict[str, Path]) -> None:
    for fmt, path in three_formats.items():
        lines = read_document(path).lines
        assert lines.count("Aktivitetsnavn:") == 2, fmt
        assert lines.count("Målgruppe(r):") == 2, fmt
        assert "Jobcafé Åbo" in lines, fmt
        assert sum(ln.startswith("Kontaktperson: ") for ln in lines) == 4, fmt
        assert "Aftalens parter:" in lines, fmt


def test_fixture_extracts_the_same_facts_in_all_formats(three_formats: dict[str, Path]) -> None:
    facts = {fmt: _facts(extract_file(p)) for fmt, p in three_formats.items()}
    assert facts["docx"] == facts["txt"]
    assert facts["pdf"] == facts["txt"]


def test_origins_point_back_to_lines_and_pages(three_formats: dict[str, Path]) -> None:
    txt = read_document(three_formats["txt"])
    i = txt.lines.index("Jobcafé Åbo")
    raw = three_formats["txt"].read_text(encoding="utf-8").split("\n")
    line, page = txt.origin[i]
    assert raw[line - 1] == "Jobcafé Åbo" and page is None

    docx = read_document(three_formats["docx"])
    line, page = docx.origin[docx.lines.index("Jobcafé Åbo")]
    assert line == raw.index("Jobcafé Åbo") + 1 and page is None  # one paragraph per raw line

    pdf = read_document(three_formats["pdf"])
    pages = [p for _, p in pdf.origin]
    assert pages == sorted(pages) and pages[0] == 1 and all(ln is None for ln, _ in pdf.origin)


@pytest.fixture
def seed_formats(tmp_path: Path, make_docx, make_pdf) -> dict[str, Path]:
    """Seed 002 as it ships, and as Word/PDF files with the same paragraphs."""
    seed = bundled_examples() / "002_9a46c293956cd688.txt"
    paragraphs = read_document(seed).lines
    return {"txt": seed,
            "docx": make_docx(paragraphs, tmp_path / "002.docx"),
            "pdf": make_pdf(paragraphs, tmp_path / "002.pdf")}


def test_real_seed_is_the_same_in_all_formats(seed_formats: dict[str, Path]) -> None:
    docs = {fmt: read_document(p) for fmt, p in seed_formats.items()}
    assert docs["pdf"].origin[-1][1] >= 5  # a multi-page PDF
    reference = _flat(docs["txt"].text)
    assert "Lokal Politi, Jesper Nielsen, jni049@politi.dk, 72589286" in reference
    for fmt in ("docx", "pdf"):
        assert _flat(docs[fmt].text) == reference, fmt


def test_real_seed_extracts_the_same_facts_in_all_formats(seed_formats: dict[str, Path]) -> None:
    facts = {fmt: _facts(extract_file(p)) for fmt, p in seed_formats.items()}
    assert facts["docx"] == facts["txt"]
    assert facts["pdf"] == facts["txt"]


def test_a_pdf_whose_tables_are_laid_out_with_spaces_keeps_its_zones(tmp_path: Path, make_pdf) -> None:
    """A PDF table comes out as cells separated by spaces, not tabs: rows such as
    'AKB – Sjælør Boulevard 2 2 0 1 1' still name the departments."""
    seed = bundled_examples() / "002_9a46c293956cd688.txt"
    paragraphs = [ln.replace("\t", " ") for ln in read_document(seed).lines]
    assert not any("\t" in p for p in paragraphs)
    spaced = extract_file(make_pdf(paragraphs, tmp_path / "002-spaces.pdf"))
    reference = extract_file(seed)
    zones = {z.name for z in reference.zones}
    assert len(zones) >= 8
    assert {z.name for z in spaced.zones} == zones
