"""Tables of people: a head row names the columns, each row below is one person.

Agreements list their parties' signatories and their contact persons as tables
(Word and Markdown tables arrive as rows of tab-separated cells, a plain-text
table as cells between ``|``)::

    Part<TAB>Repræsenteret ved<TAB>Underskrift
    Boligforeningen Fjord (BF)<TAB>Direktør Anne Holm<TAB>________

    Navn | Titel | Organisation | E-mail | Telefon
    Ole Bak | Vejleder | UU Vejle | ob@vejle.dk | 76 81 00 00

The head row tells which cell is the person, the title, the organisation, the
e-mail and the phone, so a head row never becomes an organisation and a row's
organisation comes from its own column. A table under a party heading ("Parter",
"Aftalens parter") or with a "Part" column lists the agreement's parties.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from samspil.loaders.document import Document
from samspil.loaders.extract.org_lists import org_type_of
from samspil.loaders.extract.people import Person, find_people
from samspil.loaders.extract.sections import Block, plain_lines
from samspil.loaders.extract.text import clean

__all__ = ["KIND", "joint_kind", "PersonTable", "block_without_tables", "person_row", "person_tables", "PARTY_HEADING"]

# what a column head says its cells hold ("repræsenteret ved": the person signing for the party)
_HEADS = {
    "name": ("navn", "kontaktperson", "kontaktpersoner", "medlem", "medlemmer", "repræsentant", "repræsentanter",
             "repræsenteret ved", "underskriver", "person", "deltager"),
    "title": ("titel", "stilling", "funktion", "rolle", "titel/funktion"),
    "org": ("organisation", "organisationer", "part", "parter", "aftalepart", "institution", "enhed",
            "forvaltning", "myndighed", "virksomhed", "forening", "org", "org.", "arbejdssted", "ansat i"),
    "email": ("e-mail", "email", "mail", "e-mailadresse"),
    "phone": ("telefon", "tlf", "tlf.", "telefonnr", "telefonnr.", "mobil", "telefonnummer"),
    "details": ("kontaktoplysninger", "kontakt", "kontaktinfo"),
    "skip": ("underskrift", "dato", "sted", "bemærkning", "bemærkninger"),
    "short": ("forkortelse", "forkortet", "kortnavn", "kort navn", "initialer"),  # the party's short form
}
KIND = {word: kind for kind, words in _HEADS.items() for word in words}
_PARTY_HEADS = frozenset(("part", "parter", "aftalepart"))
# a heading over a table of the agreement's parties ("Parter", "Aftalens parter", "Samarbejdsparter")
PARTY_HEADING = re.compile(r"^\W*(?:(?:(?:del)?aftalens|samarbejdsaftalens|helhedsplanens)\s+)?(?:samarbejds)?parter"
                           r"(?:ne)?(?:\s+i\s+(?:del|samarbejds)?aftalen)?\s*:?\s*$", re.I)
_SUB = re.compile(r"delaftale", re.I)


@dataclass
class PersonTable:
    head_line: int
    party: bool  # under a party heading, or a "Part" column
    sub: bool  # the heading is a delaftale's ("Delaftalens parter"): its parties are partners
    rows: list[tuple[int, str | None, Person | None]] = field(default_factory=list)  # (line, organisation, person)
    lines: set[int] = field(default_factory=set)  # every line the table covers, head row included


def _cells(line: str) -> list[str] | None:
    if "\t" in line:
        cells = line.split("\t")
    elif " | " in line or line.strip().startswith("|"):
        cells = line.strip().strip("|").split("|")
    else:
        return None
    return [clean(c) for c in cells]


def _columns(cells: list[str]) -> list[str] | None:
    """The kind of each column of a head row, or None when the row is no head of a table of people."""
    kinds = [KIND.get(c.casefold().strip(" :"), "") or joint_kind(c) for c in cells]
    if len(cells) < 2 or "" in kinds or "name" not in kinds and "name_org" not in kinds:
        return None
    return kinds if {"org", "title", "email", "phone", "details", "name_org", "title_org"} & set(kinds) else None


def joint_kind(cell: str) -> str:
    """A head that names two kinds: "Navn / organisation" (the person, then the organisation after a
    comma: "name_org"), "Mail / tlf.", "Mail, tlf." (contact details); else ""."""
    parts = {KIND.get(p.strip(" :."), KIND.get(p.strip(" :"), "")) for p in _JOINT.split(cell.casefold())}
    if len(parts) < 2 or "" in parts:
        return ""
    if "name" in parts:
        return "name_org" if parts <= {"name", "org", "title"} else ""
    if parts == {"title", "org"}:
        return "title_org"  # "Titel / enhed": "Koordinator, Børn og Unge"
    return "details" if parts <= {"email", "phone", "details"} else ""


_JOINT = re.compile(r"\s*(?:/|&|,|\bog\b)\s*")


_TITLE_CODE = re.compile(r"^([A-ZÆØÅa-zæøå][\wæøå.-]*(?:\s+[a-zæøå][\wæøå.-]*){0,3})\s+([A-ZÆØÅ]{2,6})$")


def _unit_first(org: str) -> str:
    """'B&U, Skanderborg Kommune' -> 'B&U': a unit before its municipality (else the cell as it is)."""
    from samspil.loaders.gazetteer import municipality

    head, _, last = org.rpartition(", ")
    return head if head and "," not in head and municipality(last) is not None else org


def _name_org_cell(cell: str) -> tuple[str, str | None, str | None]:
    """'Karim Obeidi Lassen, CBUL, Furesø Kommune' -> (the person, 'CBUL', None); 'Lise Dal,
    forretningsfører' -> (the person, None, 'forretningsfører'): the name, its first organisation
    and its title after commas."""
    name, *rest = [p.strip() for p in cell.split(",")]
    titles = [p for p in rest if p[:1].islower() or _capital_title(p)]  # ("UU-vejleder", "Boligsocial leder")
    org = next((p for p in rest if p[:1].isupper() and p not in titles), None)
    return name, org, titles[0] if titles else None


def _capital_title(part: str) -> bool:
    """Is a capitalised part of a name cell the person's title ("UU-vejleder", "Boligsocial leder"), not an
    organisation ("Jobcenter Faxe", "Børn og Unge")?"""
    from samspil.loaders.extract.people import is_title_word

    words = part.split()
    return 0 < len(words) <= 3 and is_title_word(words[0]) and all(w[:1].islower() for w in words[1:]) \
        and (len(words) == 1 or org_type_of(part) == "other")  # ("UU-vejleder": the title's own unit in it)


_NUMBERED_HEADING = re.compile(r"^\d{1,2}\s*\.\s*[A-ZÆØÅ]")


def person_tables(doc: Document) -> list[PersonTable]:
    """Every table of people in the document (computed once)."""
    return doc.memo("person_tables", lambda: _person_tables(doc))


def _person_tables(doc: Document) -> list[PersonTable]:
    out = []
    plain = plain_lines(doc)
    i = 0
    while i < len(doc.lines):
        cells = _cells(doc.lines[i]) if ("\t" in doc.lines[i] or "|" in doc.lines[i]) else None
        kinds = _columns(cells) if cells else None
        if not kinds:
            i += 1
            continue
        heading = next((plain[j] for j in range(i - 1, max(i - 4, -1), -1) if plain[j]), "")
        under_party = bool(PARTY_HEADING.match(heading))
        table = PersonTable(i, under_party or bool(_PARTY_HEADS & {c.casefold() for c in cells}),
                            bool(_SUB.search(heading)), lines={i})
        i = _read_rows(doc, i + 1, kinds, table)
        out.append(table)
    return out


def _read_rows(doc: Document, i: int, kinds: list[str], table: PersonTable) -> int:
    """The rows after a head row; a row without cells (an organisation with no one named) is
    read as the organisation alone when a row of cells follows it (one with an e-mail or a
    phone lost its cells: the party-list reader reads it)."""
    group = None  # a row naming only an organisation heads the people below it
    while i < len(doc.lines):
        cells = _cells(doc.lines[i])
        if cells is None:
            nxt, after = (doc.lines[k] if k < len(doc.lines) else "" for k in (i + 1, i + 2))
            text = clean(doc.lines[i])
            if not text or len(text) > 80 or _cells(nxt) is None and (len(nxt) > 40 or _cells(after) is None) \
                    or _NUMBERED_HEADING.match(text):
                break  # (a row of cells follows it, or a short line and then one: a wrapped group cell; not the next
                # chapter's numbered heading: "8. UNDERSKRIFTER" over the signatures' columns)
            if "@" not in text and not any(ch.isdigit() for ch in text):
                if table.rows and table.rows[-1][0] == i - 1 and table.rows[-1][2] is None and group:
                    text = f"{table.rows.pop()[1]} {text}"  # a group cell wrapped in two lines (PDF)
                table.rows.append((i, text, None))
                table.lines.add(i)
                group = text
            i += 1  # a row whose cells were lost is left to the party-list reader
            continue
        org, person = person_row(cells, kinds)
        if person is None and org is None and len(filled := [c for c in cells if c]) == 1:
            org = group = filled[0]  # "Ringsted Kommune, Børn og Unge" in a row of its own
        elif person is not None and org is None:
            org = group
        table.rows.append((i, org, person))
        table.lines.add(i)
        i += 1
    return i


def person_row(cells: list[str], kinds: list[str]) -> tuple[str | None, Person | None]:
    by_kind: dict[str, list[str]] = {}
    for cell, kind in zip(cells, kinds):
        if kind == "org" and "@" in cell:
            kind = "details"  # an e-mail in the organisation's column: the row lost a cell before it
        if cell and kind != "skip":
            by_kind.setdefault(kind, []).append(cell)
    names = by_kind.get("name", [])
    org = ", ".join(by_kind.get("org", [])) or None
    own_title = None
    if joint_cell := by_kind.get("title_org"):  # "Boligsocial leder, Værebrohuse": the title, then the unit
        _, cell_org, own_title = _name_org_cell(f"-, {joint_cell[0]}")
        own_title = own_title or (joint_cell[0] if "," not in joint_cell[0] and _capital_title(joint_cell[0]) else None)
        org = org or (", ".join(p.strip() for p in joint_cell[0].split(",")[1:]) if own_title and "," in joint_cell[0]
                      else cell_org)
    if not names and (joint := by_kind.get("name_org")):  # "Navn / organisation": "Anne Holm, BSG"
        name, cell_org, own_title = _name_org_cell(joint[0])
        names, org = [name], org or cell_org
        role = by_kind.get("title", [""])[0]
        if org is None and ", " in role and (named := role.rsplit(", ", 1)[1])[:1].isupper():
            org = named  # "Kontakt, ABM" in the role's column: the organisation the contact is for
    if org and (short := by_kind.get("short")) and re.fullmatch(r"[A-ZÆØÅ0-9]{2,8}", short[0]):
        org = f"{org} ({short[0]})"  # "Aabenraa Kommune | AK | ...": the short form the text goes on to use
    if not names:
        return org, None
    details = [*by_kind.get("email", []), *by_kind.get("phone", []), *by_kind.get("details", [])]
    people = find_people(", ".join([_given_first(names[0]), *details]))
    if not people:
        return org, None
    person = people[0]
    if org and ", " in org and not by_kind.get("name_org"):
        org = _unit_first(org)  # "B&U, Skanderborg Kommune": the unit (its municipality is its parent)
    title_cell = by_kind.get("title", [""])[0]
    if org is None and not own_title and (coded := _TITLE_CODE.match(title_cell)):
        org, own_title = coded.group(2), coded.group(1)  # "Formand APV": the title and the organisation's short form
    if own_title:
        person.title = own_title  # (the person's own title in the cell before the role's column)
    elif by_kind.get("title") and not (by_kind.get("name_org") and ", " in by_kind["title"][0]):
        person.title = by_kind["title"][0]
    return org, person


# a name cell written surname first, as a register or spreadsheet writes it: "Rasmussen, Thor Egede"
_SURNAME_FIRST = re.compile(r"^([A-ZÆØÅ][\wæøåéü-]+),\s+([A-ZÆØÅ][\wæøåéü-]+(?:\s+[A-ZÆØÅ][\wæøåéü-]+){0,2})$")


def _given_first(cell: str) -> str:
    """'Rasmussen, Thor Egede' -> 'Thor Egede Rasmussen' when the words after the comma open
    with a first name and the word before it is none; else the cell.

    >>> _given_first("Rasmussen, Thor Egede"), _given_first("Anna Holm, Leder")
    ('Thor Egede Rasmussen', 'Anna Holm, Leder')
    """
    from samspil.loaders.gazetteer import is_first_name

    m = _SURNAME_FIRST.match(cell.strip())
    if m is None or not is_first_name(m.group(2).split()[0]) or is_first_name(m.group(1)):
        return cell
    return f"{m.group(2)} {m.group(1)}"


def block_without_tables(doc: Document, block: Block, lines: set[int]) -> Block:
    """The block without the rows of a table of people (read column by column instead); a
    block that opens with such a table ends with it (the table is the list)."""
    kept = [i for i in block.lines if i not in lines]
    first = next((t for t in person_tables(doc) if block.lines and block.lines[0] in t.lines), None)
    if first is not None:  # rows inside the table that lost their cells stay
        kept = [i for i in kept if i < max(first.lines)]
    if kept and kept[-1] != block.label_line and _heads_running_text(doc, kept[-1]):
        kept.pop()  # "Problemstilling" over the text after the list: a heading, no entry
    return Block(block.kind, block.label_line, kept, block.delaftale)


def _heads_running_text(doc: Document, i: int) -> bool:
    """Is line ``i`` a one-word heading whose next non-empty line is running text?"""
    plain = plain_lines(doc)
    word = plain[i].strip(" :")
    if " " in word or not word[:1].isupper() or word.isupper() or org_type_of(word) != "other":
        return False  # (one word that names no kind of organisation: "Baggrund", "Problemstilling")
    nxt = next((t for t in plain[i + 1:i + 4] if t), "")
    return len(nxt.split()) >= 8 and nxt.rstrip().endswith((".", ":")) and "@" not in nxt
