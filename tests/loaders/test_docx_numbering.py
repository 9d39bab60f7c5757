"""Word documents whose headings Word numbers itself: the numbers are not in the
paragraph text, yet the outline grammar needs them ("5.1 Lektiecafé")."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from samspil.loaders.pipeline import extract_file
from samspil.loaders.readers import read_document

# one abstract definition with three decimal levels, "%1.", "%1.%2", "%1.%2.%3" (Word's
# "1 / 1.1 / 1.1.1" heading list), as numbering.xml holds it
ABSTRACT = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
            + "".join(f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                      f'<w:lvlText w:val="{".".join(f"%{j + 1}" for j in range(k + 1))}{"." if k == 0 else ""}"/></w:lvl>'
                      for k in range(3))
            + "</w:abstractNum>")
NUM = f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'

PLAN = [
    (0, "Helhedsplan for Skovparken 2012-2016"), (None, "Boligselskabet Fjord og Horsens Kommune."),
    (1, "Baggrund"), (None, "Skovparken har 600 boliger."),
    (1, "Indsatsområder"),
    (2, "Børn og unge"), (3, "Lektiecafé i Skovparken"), (None, "Lektiehjælp til børn i 6-12 år."),
    (3, "Fritidsjob"), (None, "Unge 13-17 år hjælpes i fritidsjob."),
    (2, "Sundhed"), (3, "Motion for kvinder"), (None, "Motion for kvinder med anden etnisk baggrund."),
]


def _numbered_docx(path: Path) -> Path:
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    numbering.append(parse_xml(NUM))
    for level, style in ((0, "Heading 1"), (1, "Heading 2"), (2, "Heading 3")):
        p_pr = d.styles[style].element.get_or_add_pPr()
        p_pr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    for level, text in PLAN:
        if level == 0:
            d.add_paragraph(text, style="Title")
        elif level is None:
            d.add_paragraph(text)
        else:
            d.add_paragraph(text, style=f"Heading {level}")
    d.save(path)
    return path


def test_word_numbers_are_read_in_front_of_their_headings(tmp_path: Path) -> None:
    lines = [ln for ln in read_document(_numbered_docx(tmp_path / "plan.docx")).lines if ln.strip()]
    assert "1. Baggrund" in lines and "2. Indsatsområder" in lines
    assert ["2.1 Børn og unge", "2.1.1 Lektiecafé i Skovparken", "2.1.2 Fritidsjob", "2.2 Sundhed",
            "2.2.1 Motion for kvinder"] == [ln for ln in lines if ln[:3] in ("2.1", "2.2")]


def test_a_numbered_word_plan_gives_the_same_outline_as_its_text(tmp_path: Path) -> None:
    word = extract_file(_numbered_docx(tmp_path / "plan.docx"))
    assert [f.name for f in word.focus_areas] == ["Børn og unge", "Sundhed"]
    assert [(a.name, a.focus_area) for a in word.activities] == [
        ("Lektiecafé i Skovparken", "Børn og unge"), ("Fritidsjob", "Børn og unge"), ("Motion for kvinder", "Sundhed")]
