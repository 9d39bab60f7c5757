"""Contact persons outside the party lists: a colophon, a steering group, a "Kontakt" page.

Besides "Name, title, e-mail" they are written::

    Formand Erik Holm, Vejle Boligforening          (a title before the name, the unit after)
    Kontaktperson: Lise Bang, vejleder, tlf. 75 11 22 33   (a label; a phone and no e-mail)
    Navn: Ida Kure        Titel: Konsulent        (a form, its fields on one or more lines)

    Projektleder                                    (one field a line: a paragraph of a
    Hanne Berg                                       title, a name, the unit and the
    Boligselskabet Sydbo                             details, the name alone on its line)
    Telefon: 75 10 20 30

A line is read as a contact only when it is short and shaped like one (a label, a
title word before or after a name with a known first name), so running text gives none.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.contact_tables import person_tables
from samspil.loaders.extract.parties import ContactMention
from samspil.loaders.extract.people import FIELD_KEY, find_people, is_first_name, is_title_word, looks_like_name
from samspil.loaders.extract.person_units import KONTAKT, contact_unit, person_first, unit_after_name
from samspil.loaders.extract.sections import plain_lines
from samspil.loaders.extract.text import EMAIL, PHONE, clean

__all__ = ["loose_contacts"]

_NAME_KEY = re.compile(r"^\W*navn\s*:", re.I)
_MAX_LINE = 110  # a contact line; running text is longer
_MAX_FIELD = 60  # one field of a record written one field a line


def loose_contacts(doc: Document, seen_lines: set[int]) -> list[ContactMention]:
    """People printed outside the party lists and tables (``seen_lines``: read already)."""
    out: list[ContactMention] = []
    plain = plain_lines(doc)
    seen = seen_lines | {i for t in person_tables(doc) for i in t.lines}
    i = 0
    while i < len(plain):
        text = plain[i]
        if i in seen or not text:
            i += 1
            continue
        if "@" in text and EMAIL.search(text) and i - 1 not in seen:
            out += _with_email(plain, i)
        elif (record := _vertical_record(plain, i)) is not None:
            lines, joined = record
            out += _record_people(joined, lines[0], _heading_above(plain, lines[0]))
            seen |= set(lines)
        elif len(text) <= _MAX_LINE and (KONTAKT.match(text) or _NAME_KEY.match(text)):
            joined = _with_field_lines(plain, i, seen)
            out += _record_people(joined, i, _heading_above(plain, i), labelled=True)
        elif len(text) <= _MAX_LINE and not text.endswith(".") and _has_title(text):
            out += _record_people(text, i, None, titled=True)
        i += 1
    return out


def _has_title(text: str) -> bool:
    return any(is_title_word(w) for w in text.split()[:10])


def _with_email(plain: list[str], i: int) -> list[ContactMention]:
    """A person printed with an e-mail: the organisation is the line above when it is short."""
    out = []
    text = plain[i]
    for p in find_people(text, strict=True):
        if not p.email:
            continue
        above = next((plain[j] for j in range(i - 1, max(i - 3, -1), -1) if plain[j]), "")
        org = clean(above) if (above and len(above) < 100 and above[0].isupper()
                               and ":" not in above and "@" not in above) else None  # not a label or record
        if person_first(text, p):  # "Lise Bang, Vejleder, UU Esbjerg"
            org = unit_after_name(text, p) or org
        out.append(ContactMention(p, org, i, None))
    return out


def _vertical_record(plain: list[str], i: int) -> tuple[list[int], str] | None:
    """The paragraph around a line that holds a name and nothing else (or a name and a
    title after a comma), of a few short lines: one record, its lines joined by commas."""
    head = plain[i].split(",")[0]
    if not (looks_like_name(head) and is_first_name(head.split()[0])) or len(plain[i]) > _MAX_FIELD:
        return None
    start = i
    while start > 0 and plain[start - 1] and len(plain[start - 1]) <= _MAX_FIELD and i - start < 2 \
            and ":" not in plain[start - 1]:
        start -= 1
    end = i
    while end + 1 < len(plain) and plain[end + 1] and len(plain[end + 1]) <= _MAX_FIELD and end - i < 4:
        end += 1
    if end == start:
        return None
    lines = list(range(start, end + 1))
    return lines, ", ".join(plain[k] for k in lines)


def _with_field_lines(plain: list[str], i: int, seen: set[int]) -> str:
    """A labelled line and the form fields on the lines right after it ("Telefon: ...")."""
    parts = [plain[i]]
    k = i + 1
    while k < len(plain) and k not in seen and plain[k] and FIELD_KEY.match(plain[k]) \
            and not _NAME_KEY.match(plain[k]) and len(parts) < 4:
        parts.append(plain[k])
        k += 1
    return ", ".join(parts)


def _heading_above(plain: list[str], i: int) -> str | None:
    """The organisation a record sits under: the nearest short line above that is no field,
    label, sentence or record of its own."""
    for j in range(i - 1, max(i - 3, -1), -1):
        above = plain[j]
        if not above:
            continue
        if len(above) < 90 and above[0].isupper() and ":" not in above and "@" not in above \
                and not PHONE.search(above) and not above.endswith(".") and not find_people(above, strict=True):
            return above
        return None
    return None


def _record_people(text: str, line: int, heading: str | None, labelled: bool = False,
                   titled: bool = False) -> list[ContactMention]:
    """The person of one record: with a label every name counts; with ``titled`` only a
    person named with a title, first in the line ("Formand Erik Holm, ..."; "Erik Holm,
    formand, ...")."""
    body = KONTAKT.sub("", text) if labelled else text
    people = find_people(body, strict=not labelled)
    if not people or (titled and (len(people) > 1 or not people[0].title or not person_first(body, people[0])
                                  or not is_first_name(people[0].name.split()[0]) or body.endswith(":"))):
        return []  # (a heading, "Social vicevært Engparken:", names no one)
    out = []
    for p in people[:1] if titled else people:
        unit = unit_after_name(body, p) if person_first(body, p) else _unit_before(body, p)
        out.append(ContactMention(p, contact_unit(unit) or contact_unit(heading), line, None))
    return out


def _unit_before(text: str, p) -> str | None:
    """'Jobpunkt Vest, Kenneth Ravn, jobkonsulent': the unit written before the name."""
    before = text[:p.start].strip(" ,;–-")
    if p.title and before.endswith(p.title):
        before = before[:-len(p.title)].strip(" ,;–-")
    return before if before[:1].isupper() and len(before) < 90 else None
