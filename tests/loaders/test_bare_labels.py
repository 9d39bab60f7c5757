"""The LBF template's field labels without their colon ("Aktivitetsnavn", "Målgruppe(r)",
"Aftalens parter", "Kontaktperson"), as a municipality's copy of the template's tables
gives them: one cell per line, a row read across, or a page run onto one line; made-up
delaftaler of three municipalities."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

from samspil.loaders.bare_labels import bare_label_lines

TOWNS = ["Assens", "Nyborg", "Skive"]


def _cells(town):
    """The delaftale's table, one cell per line (label, then its value)."""
    return ["Delaftale for indsatsområdet Uddannelse og livschancer", "",
            "Navn på den boligsociale indsats", f"Fyrrebakken {town} 2030",
            "Aftalens parter", f"Boligselskabet Granly, {town} Kommune",
            "Periode", "1. januar 2025 – 31. december 2028", "",
            "Aktivitetsnavn", "Lektiecafé Fyrrebakken",
            "Målgruppe(r)", "Skolebørn 7-14 år og deres forældre",
            "Samarbejdspartnere", f"{town} Bibliotek, Fyrrebakkeskolen", "",
            "Aktivitetsnavn", "Ungejob",
            "Målgruppe(r)", "Unge 15-24 år uden job eller uddannelse",
            "Samarbejdspartnere", f"Jobcenter {town}, Røde Kors {town}", "",
            "Kontaktperson", f"Lise Frandsen, boligsocial leder, Boligselskabet Granly, lf@granly.dk, 64 71 22 33"]


def _rows(town):
    """The same table with each row read across: "Aktivitetsnavn Lektiecafé Fyrrebakken"."""
    cells, out, k = _cells(town), [], 0
    while k < len(cells):
        line = cells[k]
        if line in _LABELS and k + 1 < len(cells):
            out.append(f"{line} {cells[k + 1]}")
            k += 2
        else:
            out.append(line)
            k += 1
    return out


_LABELS = {"Aftalens parter", "Periode", "Aktivitetsnavn", "Målgruppe(r)", "Samarbejdspartnere", "Kontaktperson"}


def _check(r, town):
    assert [a.name for a in r.activities] == ["Lektiecafé Fyrrebakken", "Ungejob"]
    partners = {a.name: {name_key(p) for p in a.partners} for a in r.activities}
    assert {name_key(f"{town} Bibliotek"), name_key("Fyrrebakkeskolen")} <= partners["Lektiecafé Fyrrebakken"]
    assert {name_key(f"Jobcenter {town}"), name_key(f"Røde Kors {town}")} <= partners["Ungejob"]
    targets = {a.name: set(a.target_groups) for a in r.activities}
    assert "children" in targets["Lektiecafé Fyrrebakken"] and "young_adults" in targets["Ungejob"]
    parties = {o.name for o in r.organisations if {"party", "partner"} & set(o.roles)}  # (a delaftale's: partners)
    assert parties == {"Boligselskabet Granly", f"{town} Kommune"}
    names = {o.name for o in r.organisations}
    assert not any(n.startswith(("Periode", "Samarbejdspartnere", "Målgruppe")) for n in names), names
    assert [(c.name, c.email) for c in r.contacts] == [("Lise Frandsen", "lf@granly.dk")]
    assert (r.plan.period_start, r.plan.period_end) == ("2025-01-01", "2028-12-31")


@pytest.mark.parametrize("how", ["as written", "flat", "flattened", "pdf"])
@pytest.mark.parametrize("town", TOWNS)
def test_labels_without_colons_one_cell_a_line(tmp_path, make_docx, make_pdf, town, how):
    _check(_extract(tmp_path, _cells(town), how, make_docx, make_pdf), town)


@pytest.mark.parametrize("how", ["as written", "flat", "pdf"])
@pytest.mark.parametrize("town", TOWNS)
def test_labels_without_colons_rows_read_across(tmp_path, make_docx, make_pdf, town, how):
    _check(_extract(tmp_path, _rows(town), how, make_docx, make_pdf), town)


def test_what_is_no_bare_label_is_left_alone():
    lines = ["Aktivitetsnavn", "Lektiecafé", "Målgruppe(r)", "Børn",  # (the template's evidence)
             "Aktivitet Indsatsområde Målgruppe Samarbejdspartnere Tidsplan",  # a table's head row
             "Nr.  Aktivitet        Indsatsområde   Målgruppe",  # one laid out with spaces
             "Kapitel 3 Indsatsområde A – Beskæftigelse",  # a heading's counter
             "Tabel 2. Kontaktpersoner",  # a caption's last word
             "Målgruppen er børn og unge, og vores Partnere er mange.",  # prose
             "Aktivitetsnavn:\tLektiecafé", "Målgruppe(r)\tBørn 6-12 år"]  # a colon; a table's row
    out = bare_label_lines(lines)
    assert out[:4] == ["Aktivitetsnavn:", "Lektiecafé", "Målgruppe(r):", "Børn"]
    assert out[4:] == lines[4:]


def test_one_kind_of_label_is_no_template():
    lines = ["Formål", "At flere unge får job.", "Periode", "2025-2028"]  # headings of a note, no field of the template
    assert bare_label_lines(lines) == lines


def _other_words(town):
    """A strategic agreement whose fields other templates' words name, the municipality and
    the housing organisation by initials it defines, a contact's fields in one cell."""
    return [f"Strategisk samarbejdsaftale for den boligsociale helhedsplan Kildeparken {town} 2025-2028", "",
            "Parter i aftalen:", f"Boligforeningen Kildebo (KB) og {town} Kommune (XK)", "",
            "Aftaleperiode: 1. januar 2025 til 31. december 2028", "",
            "Indsatsområde 1: Uddannelse og livschancer", "",
            "Indsatsens titel: Lektieklubben", "Målgruppe for aktiviteten: Børn i 3.-9. klasse",
            f"Involverede partnere: {town} Bibliotek, Vibeskolen", "",
            "Indsatsens titel: Forældrenetværket", "Målgruppe for aktiviteten: Forældre til børn 0-6 år",
            "Samarbejdspartnere: Sundhedsplejen, XK",
            f"Ansvarlig for indsatsen: Karim Aziz / familiekonsulent / XK / kaaz@{town.lower()}.dk / 6333 7010", "",
            "Indsatsområde 2: Beskæftigelse", "",
            "Indsatsens titel: Jobbutikken", "Målgruppe for aktiviteten: Ledige over 30 år",
            f"Partnere i aktiviteten: Jobcenter {town}, KB"]


@pytest.mark.parametrize("how", ["as written", "flat", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_fields_named_in_other_templates_words(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _other_words(town), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert list(acts) == ["Lektieklubben", "Forældrenetværket", "Jobbutikken"]
    assert [acts[n].focus_area for n in acts] == ["Uddannelse og livschancer"] * 2 + ["Beskæftigelse"]
    assert "children" in acts["Lektieklubben"].target_groups
    assert "parents_families" in acts["Forældrenetværket"].target_groups
    assert "unemployed" in acts["Jobbutikken"].target_groups
    partners = {n: {name_key(p) for p in a.partners} for n, a in acts.items()}
    assert {name_key(f"{town} Bibliotek"), name_key("Vibeskolen")} <= partners["Lektieklubben"]
    assert {name_key("Sundhedsplejen"), name_key(f"{town} Kommune")} <= partners["Forældrenetværket"]
    assert {name_key(f"Jobcenter {town}"), name_key("Boligforeningen Kildebo")} <= partners["Jobbutikken"]
    karim = next(c for c in r.contacts if c.name == "Karim Aziz")
    assert (karim.title, karim.email, karim.phone) == ("familiekonsulent", f"kaaz@{town.lower()}.dk", "63337010")
    assert name_key(karim.organisation) in {name_key(f"{town} Kommune"), "xk"}
    assert not any(o.name in {"Forældrenetværket", "Jobbutikken"} for o in r.organisations)
