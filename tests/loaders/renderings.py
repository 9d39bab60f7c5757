"""One made-up agreement in the renderings a form arrives in: as written, flat (its line
breaks lost), Word and PDF; and names compared without case and punctuation. Shared by
the form tests (contacts, parties, role holders, zones)."""
from __future__ import annotations

import re


def extract_rendered(tmp_path, lines, how, make_docx, make_pdf):
    """The report of ``lines`` rendered ``how``: "as written", "flat" (the whole text on one
    line), "flattened" (a web copy: markup dropped, one line per page, ``test_eval_gold.flatten``),
    "docx" or "pdf"."""
    from samspil.loaders.pipeline import extract_file

    if how == "docx":
        return extract_file(make_docx(lines, tmp_path / "aftale.docx"))
    if how == "pdf":
        return extract_file(make_pdf(lines, tmp_path / "aftale.pdf"))
    text = "\n".join(lines) + "\n"
    path = tmp_path / "aftale.txt"
    if how == "flattened":
        from test_eval_gold import flatten

        path.write_text(flatten(text), encoding="utf-8")
        return extract_file(path)
    path.write_text(" ".join(text.split()) + "\n" if how == "flat" else text, encoding="utf-8")
    return extract_file(path)


def domain(name: str) -> str:
    """A made-up e-mail domain from a name: "Præstøhus" -> "praestoehus.dk" (Danish letters spelt out)."""
    return name.lower().replace("ø", "oe").replace("æ", "ae").replace("å", "aa") + ".dk"


def name_key(name: str | None) -> str:
    """A name without case, punctuation or repeated white space."""
    return " ".join(re.sub(r"\W+", " ", name or "").casefold().split())


def contact_facts(report) -> dict[str, tuple[str, str | None, str | None]]:
    """Each contact's (organisation key, e-mail, phone), by name."""
    return {c.name: (name_key(c.organisation), c.email, c.phone) for c in report.contacts}


def wanted_contacts(want: dict) -> dict[str, tuple[str, str | None, str | None]]:
    """``{person: (organisation, e-mail, phone)}`` in the form :func:`contact_facts` gives."""
    return {n: (name_key(o), e, p) for n, (o, e, p) in want.items()}


def activity_areas(report, areas: dict) -> tuple[dict, dict]:
    """(found, wanted): each wanted activity's focus area as the report gives it (None when it
    lists no such activity), and as ``areas`` ({focus area: [activity names]}) wants it."""
    got = {name_key(a.name): a.focus_area for a in report.activities}
    want = {name_key(n): area for area, names in areas.items() for n in names}
    return {k: got.get(k) for k in want}, want


def draw_departments(pdf) -> None:
    """A table of three departments drawn cell by cell on an fpdf2 PDF's current page (no text
    flow: pdfium gives its rows as a layout; the PDF reader's tests)."""
    for y, row in enumerate([("Afdeling", "Boligorganisation", "Boliger"), ("Engparken", "Lejerbo", "310"),
                             ("Kildevang", "Boligselskabet Fjord", "186")]):
        for x, cell in enumerate(row):
            pdf.text(20 + 60 * x, 30 + 8 * y, cell)
