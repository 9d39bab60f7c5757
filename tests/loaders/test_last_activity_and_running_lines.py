"""The last activity of a text copy of a PDF (set J, a new user's trial, session 14): it ends at
the plan's money ("Økonomi") or the revision clause, so the funder named there is no partner of
it; the running header or footer repeated on every page ("Fjordbyen · Delaftale ... · 2025-2029",
"Side 2 af 4") names no organisation and no partner; and the area label's value with the plan's
own name in quotes ('Boligsocial indsats Ikast-Brande – "Broen" 2026-2029') names the plan by it,
not by a defined short form ('(herefter "Helhedsplanen")'). Made-up delaftaler of three
municipalities."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "lemvig": ("Lemvig", "Fjordbyen", ["Legestuen", "Læselyst"], "Lemvig Bibliotek", "Økonomi"),
    "tønder": ("Tønder", "Østerbyen", ["Nabohjælpere", "Mødregruppe"], "Sundhedsplejen", "Revision af delaftalen"),
    "thisted": ("Thisted", "Vores Kvarter", ["Jobcaféen", "Familieklubben"], "Jobcenter Thisted", "Budget"),
}


def _lines(town, plan, names, partner, closing):
    footer = f"{plan} {town} · Delaftale Uddannelse og livschancer · 2025-2029"
    lines = ["Delaftale for indsatsområdet Uddannelse og livschancer", "",
             f'Navn på den boligsociale indsats: Boligsocial indsats {town} – "{plan}" 2025-2029', "",
             f"Delaftalens parter: {town} Kommune og Boligselskabet Fjord", ""]
    for k, name in enumerate(names, 1):
        lines += [f"Aktivitetsnavn: {name}", "Målgruppe(r): Børn og forældre.",
                  f"Indhold og praksis: Ugentlige møder i samarbejde med {partner}.", "",
                  f"Side {k} af 3", footer, ""]
    return lines + [closing, "", "Den samlede ramme er 4 mio. kr., heraf 3 mio. kr. fra Landsbyggefonden.", "",
                    "Side 3 af 3", footer, ""]


@pytest.mark.parametrize("case", list(CASES))
def test_the_last_activity_ends_and_running_lines_name_nothing(tmp_path, make_docx, make_pdf, case):
    town, plan, names, partner, closing = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), "as written", make_docx, make_pdf)
    assert _key(r.plan.name) == _key(plan)
    got = {_key(a.name): {_key(p) for p in a.partners} for a in r.activities}
    assert set(got) == {_key(n) for n in names}
    assert all(_key(partner) in p and "landsbyggefonden" not in p for p in got.values()), got
    assert not [o.name for o in r.organisations if "delaftale" in _key(o.name) or _key(o.name) == _key(plan)]


def test_a_defined_short_form_in_quotes_is_no_name(tmp_path, make_docx, make_pdf):
    lines = ['Områdets navn: Helhedsplan for Gellerup og Toveshøj 2019-2022 (herefter "Helhedsplanen")', "",
             "Aftalens parter: Aarhus Kommune og Brabrand Boligforening", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert _key(r.plan.name) == _key("Helhedsplan for Gellerup og Toveshøj")


def test_lines_repeated_without_a_page_marker_stay():
    """A label repeated on every activity ("Målgruppe(r):") is no running line."""
    from samspil.loaders.normalise import drop_running_lines

    lines = ["Målgruppe(r): Børn", "x", "Målgruppe(r): Børn", "y", "Målgruppe(r): Børn"]
    assert drop_running_lines(lines, [(k, None) for k in range(5)])[0] == lines


def test_a_pdf_with_almost_no_text_is_called_a_scan(tmp_path, make_pdf):
    """A scanned agreement printed to PDF keeps only a printer's header ("12/5/26, 5:25 PM",
    the file's address): the error says so, and names the file."""
    from samspil.loaders.errors import EmptyDocument
    from samspil.loaders.pipeline import extract_file

    path = make_pdf(["12/5/26, 5:25 PM", "file:///aftale.html 1/1"], tmp_path / "scan.pdf")
    with pytest.raises(EmptyDocument) as err:
        extract_file(path)
    assert "scan" in str(err.value) and "OCR" in str(err.value) and "scan.pdf" in str(err.value)
