"""Contacts written as forms: one field a line or run together ("Navn: Lene Holm / Titel:
Boligsocial leder / Organisation: Boligselskabet Fjord / Mail: lh@fjord.dk / Tlf.: 61 22 90 14").

A template that asks for each party's contact as a form gives every value its key, so the
person's unit is the Organisation (Enhed, Forvaltning, Arbejdssted ...) field, not a name
read before or after the person. A record opens with its "Navn:" or "Organisation:" key and
ends where a key it has had comes again ("Organisation: Lejerbo / Kontakt: direktør Ole
Berg, ob@..."); the lines of a record written one field a line are joined first.
"""
from __future__ import annotations

import re

from samspil.loaders.extract.people import Person, find_people
from samspil.loaders.extract.person_units import person_first
from samspil.loaders.extract.text import EMAIL, PHONE, digits

__all__ = ["FormRecord", "form_end", "form_records", "form_start", "join_form_lines", "opens_form"]

_KINDS = (
    ("name", r"Navn|Kontaktperson|Kontakt"),
    ("title", r"(?:Titel|Stilling|Funktion|Rolle)(?:\s*/\s*(?:titel|stilling|funktion|rolle))?"),  # ("Stilling/rolle:")
    ("unit", r"Organisation|Enhed|Forvaltning|Afdeling|Arbejdssted|Arbejdsplads|Arbejdsgiver|Virksomhed|Institution"
             r"|Myndighed"),
    ("email", r"E-?mail|Mail|E-?post"),
    ("phone", r"Telefon(?:nr\.?)?|Tlf\.?(?:\s*nr\.?)?|Mobil(?:nr\.?)?"),
)
# a key after the start, white space or a comma; any case ("NAVN:", "navn:")
# (and its colon, or the dotted leader of a printed form: "Navn ........ Søren Holm")
_KEY = re.compile(r"(?:(?<=^)|(?<=[\s,;]))(?:" + "|".join(f"(?P<{k}>{p})" for k, p in _KINDS) + r")\s*(?::|\.{3,}:?)\s*",
                  re.I)
_OPENING_KEY = re.compile(r"^\s*(?:Navn|NAVN|Organisation|ORGANISATION)\s*(?::|\.{3,})")


FormRecord = tuple[Person, str | None]


def opens_form(text: str) -> bool:
    """Does ``text`` open a form record ("Navn: ...", "Organisation: ...")?"""
    return _OPENING_KEY.match(text) is not None


# (the capital first lets the engine skip to the N's and O's; the look-behind then wants white
# space or the start before it)
_MID_OPENING = re.compile(r"[NO](?<![^\s][NO])(?:avn|AVN|rganisation|RGANISATION)\s*(?::|\.{3,})")


def form_start(text: str) -> int | None:
    """Where a form record opens in ``text``, also after a heading run onto it when line
    breaks were lost ("Kontaktpersoner Navn: Ida Holm Titel: Leder ..."): at its first
    "Navn:" or "Organisation:" key with a key of another kind after it; None when none does."""
    if "Navn" not in text and "NAVN" not in text and "Organisation" not in text and "ORGANISATION" not in text:
        return None
    if opens_form(text):
        return 0  # (its other fields may follow on lines of their own)
    for opening in _MID_OPENING.finditer(text):
        kind = _KEY.match(text, opening.start()).lastgroup
        if any(key.lastgroup != kind for key in _KEY.finditer(text, opening.end())):
            return opening.start()
    return None


def join_form_lines(items: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(line, text) items with each form record written one field a line joined into one item
    (at its "Navn:" line); other items as they are.

    >>> join_form_lines([(3, "Navn: Ida Holm"), (4, "Titel: Leder"), (5, "Organisation: Lejerbo"), (7, "Lejerbo")])
    [(3, 'Navn: Ida Holm Titel: Leder Organisation: Lejerbo'), (7, 'Lejerbo')]
    """
    out: list[tuple[int, str]] = []
    texts = [text for _, text in items]
    k = 0
    while k < len(items):
        end = form_end(texts, k)
        out.append((items[k][0], " ".join(t.strip() for t in texts[k:end])))
        k = end
    return out


def form_end(texts: list[str], k: int) -> int:
    """Where the form record that ``texts[k]`` opens ends (one field a line: up to the first line
    that is no field, or a field the record has had); ``k + 1`` when it opens none."""
    if not opens_form(texts[k]):
        return k + 1
    kinds = {_KEY.match(texts[k].lstrip()).lastgroup}
    end = k + 1
    while end < len(texts) and (key := _KEY.match(texts[end].lstrip())) and key.lastgroup not in kinds:
        kinds.add(key.lastgroup)
        end += 1
    return end


def form_records(text: str) -> list[FormRecord]:
    """The people of a text of form records, each with their unit (the Organisation field).

    >>> [(p.name, p.title, p.email, p.phone, unit) for p, unit in form_records(
    ...     "Navn: Ida Holm Titel: Leder Organisation: Vejle Kommune, Job & Integration Tlf.: 61 22 90 14 "
    ...     "Navn: Ole Berg Organisation: Lejerbo Mail: ob@lejerbo.dk")]
    [('Ida Holm', 'Leder', None, '61229014', 'Vejle Kommune, Job & Integration'), ('Ole Berg', None, 'ob@lejerbo.dk', None, 'Lejerbo')]
    """
    keys = list(_KEY.finditer(text))
    records: list[dict[str, str]] = []
    for key, nxt in zip(keys, [*keys[1:], None]):
        value = text[key.end():nxt.start() if nxt else len(text)].strip(" ,;")
        if not records or key.lastgroup in records[-1]:
            records.append({})  # a key the record has already had opens the next one
        if value:
            records[-1][key.lastgroup] = value
    out: list[FormRecord] = []
    for fields in records:
        if "name" not in fields or len(fields) < 2:
            continue
        people = find_people(fields["name"])
        if not people or not person_first(fields["name"], people[0]):
            continue  # ("Kontakt: forretningsfører Inger Brix, ib@...": a title before the name)
        person = people[0]
        email = EMAIL.search(fields.get("email", "")) or EMAIL.search(fields["name"])
        phone = PHONE.search(fields.get("phone", ""))
        out.append((Person(person.name, fields.get("title") or person.title, email.group(0) if email else None,
                           digits(phone.group(0)) if phone else person.phone,
                           person.start, person.end), fields.get("unit")))
    return out
