"""Contacts written 'Org: title Name' or 'Org – title Name' on a line of their own, and
tables of people whose cells stand between tabs or runs of spaces (the head row naming the
columns in any order); made-up agreements in other municipalities' names, as written, with
the line breaks lost (the whole text on one line, and a web copy's pages), Word and PDF."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered, wanted_contacts  # noqa: E402

HOWS = ["as written", "flat", "flattened", "docx", "pdf"]
HEAD = ["Boligsocial helhedsplan for Houlkær 2023-2026", "",
        "Helhedsplanen er et samarbejde mellem {town} Kommune og Boligselskabet Nord. Den skal styrke trivsel "
        "og tryghed i området.", "", "Indsatsområde: Beskæftigelse", "Aktivitetsnavn: Jobcaféen",
        "Målgruppe: ledige beboere", "", "Kontaktpersoner"]
PEOPLE = [("Jobcenter {town}", "teamleder", "Mette Lund", "mel@{mail}.dk", "8787 1234"),
          ("Boligselskabet Nord", "projektleder", "Kim Ravn", "kr@bnord.dk", "2020 3030"),
          ("Sundhedsplejen", "sundhedsplejerske", "Hanne Bak", "hb@{mail}.dk", "2233 4455")]
TOWNS = [("Viborg", "viborg"), ("Skive", "skive"), ("Lemvig", "lemvig"), ("Struer", "struer")]
LINE_FORMS = ["{org}: {title} {name}, {mail}, {phone}",
              "{org} – {title} {name}, {mail}, tlf. {phone}",
              "{org} — {title} {name} ({mail}, {phone})",
              "{org}: {title} {name}, e-mail: {mail}, telefon {phone}"]


def _want(town: str, mail: str) -> dict:
    return {name: (org.format(town=town), em.format(mail=mail), phone.replace(" ", ""))
            for org, _, name, em, phone in PEOPLE}


def _titles(report) -> dict[str, str | None]:
    return {c.name: c.title for c in report.contacts}


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize("form", range(len(LINE_FORMS)))
def test_contact_lines_unit_then_title_then_name(tmp_path, make_docx, make_pdf, form, how):
    town, mail = TOWNS[form]
    lines = [h.format(town=town) for h in HEAD] + [
        LINE_FORMS[form].format(org=org.format(town=town), title=title, name=name, mail=em.format(mail=mail),
                                phone=phone) for org, title, name, em, phone in PEOPLE]
    report = extract_rendered(tmp_path, lines, how, make_docx, make_pdf)
    assert contact_facts(report) == wanted_contacts(_want(town, mail))
    assert _titles(report) == {name: title for _, title, name, _, _ in PEOPLE}


TABLE_ORDERS = [("Navn", "Titel", "Organisation", "Mail", "Telefon"),
                ("Titel", "Navn", "Mail", "Organisation", "Telefon"),
                ("Organisation", "Navn", "Stilling", "Telefon", "E-mail"),
                ("Navn", "Organisation", "Telefon", "Mail")]
SEPARATORS = ["\t", "   ", "  "]


def _cell(kind: str, person: tuple, town: str, mail: str) -> str:
    org, title, name, em, phone = person
    return {"Navn": name, "Titel": title, "Stilling": title, "Organisation": org.format(town=town),
            "Mail": em.format(mail=mail), "E-mail": em.format(mail=mail), "Telefon": phone}[kind]


@pytest.mark.parametrize("how", HOWS)
@pytest.mark.parametrize(("order", "sep"), [(0, 0), (1, 1), (2, 2), (3, 0), (1, 2)])
def test_contact_tables_split_by_tabs_or_spaces(tmp_path, make_docx, make_pdf, order, sep, how):
    town, mail = TOWNS[order]
    heads = TABLE_ORDERS[order]
    lines = [h.format(town=town) for h in HEAD] + [SEPARATORS[sep].join(heads)] + [
        SEPARATORS[sep].join(_cell(k, p, town, mail) for k in heads) for p in PEOPLE]
    report = extract_rendered(tmp_path, lines, how, make_docx, make_pdf)
    assert contact_facts(report) == wanted_contacts(_want(town, mail))
    if "Titel" in heads or "Stilling" in heads:
        assert _titles(report) == {name: title for _, title, name, _, _ in PEOPLE}
