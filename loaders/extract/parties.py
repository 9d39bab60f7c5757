"""Parse party lists and signature blocks into organisation and contact mentions.

Three entry shapes occur in LBF agreements (all handled per line):

* an organisation line followed by ``Kontaktperson: ...`` lines;
* ``Organisation, Unit, Person, e-mail, phone`` on one line (several per line);
* ``Organisation (PARENT) v. Title Person, e-mail``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from samspil.loaders.document import Document
from samspil.loaders.extract.org_lists import (ALNUM, AND_LIST, KOMMUNE_THEN_NAME, PLACEHOLDER, STREET, fixed_og_pair,
                                               org_type_of, split_at_municipality, split_org_text, split_party_entries)
from samspil.loaders.extract.people import Person, find_people, is_title_word
from samspil.loaders.extract.prose_parties import prose_party_entries
from samspil.loaders.extract.person_units import (KONTAKT, details_end, person_first, person_first_run,
                                                  unit_after_name, unit_before_name)
from samspil.loaders.extract.contact_tables import block_without_tables, person_tables
from samspil.loaders.extract.flat_tables import flat_table_lines
from samspil.loaders.extract.sections import (PARTY_LABEL, Block, drop_header_words, focus_area_at, party_blocks,
                                              plain_lines, signature_blocks)
from samspil.loaders.extract.text import EMAIL, PHONE, clean, tidy_og_hyphen
from samspil.loaders.vocab import load_vocab

__all__ = ["OrgMention", "ContactMention", "parse_parties", "split_org_text"]

ALIAS_DEF = re.compile(r"\(\s*(?:(?:efterfølgende|herefter|i det følgende)\s+(?:omtalt|benævnt|kaldet)\s+som"
                       r"|(?P<former>(?:det\s+)?(?:tidl\.|tidligere|fhv\.|før))(?=\s+[A-ZÆØÅ0-9]))\s+([^)]+)\)", re.I)
# (a former name may list its abbreviation: "Civica (tidl. Fyns Almennyttige Boligselskab, FAB)")
FORMER_ABBREVIATION = re.compile(r",\s*([A-ZÆØÅ]{2,6})\s*$")
ADMIN = re.compile(r"\s+v(?:/|\.\s*|\s+)\s*(?P<admin>[^,()]+?)\s*$")
TRAILING_ABBR = re.compile(r"\s*\(\s*([A-ZÆØÅ][A-ZÆØÅa-z0-9&./ -]{0,12}|[A-ZÆØÅ]{2,6}\s[A-ZÆØÅ][\wæøå-]+)\s*\)\s*$")
# ("(SAB Sønderborg)": an abbreviation with its town)
TRAILING_UNIT = re.compile(r"\s*\(\s*([A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøåÆØÅ-]+){1,4})\s*\)\s*$")
TRAILING_NAME = re.compile(r"\s*\(\s*([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅa-zæøå]+)*)\s*\)\s*$")
LOWER_PAREN = re.compile(r"\s*\((?=[a-zæøå])[^)]*\)")
LABELLED = re.compile(r"^(?P<label>[A-ZÆØÅ][\wÆØÅæøå.-]*(?:\s[\wÆØÅæøå.-]+){0,3})\s*:\s*(?P<rest>.+)$")
PROSE_CUT = re.compile(r"\s+(?:kan|er|vil|har|skal|tilbyder|bidrager|deltager|står)\s.*$")


@dataclass
class OrgMention:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None
    role: str = "partner"  # party | partner | administrator | signatory
    delaftale: str | None = None

    def __post_init__(self) -> None:
        self.name = tidy_og_hyphen(self.name)
        self.aliases = [tidy_og_hyphen(a) for a in self.aliases]


@dataclass
class ContactMention:
    person: Person
    organisation: str | None
    line: int
    delaftale: str | None = None

    def __post_init__(self) -> None:
        if self.organisation:
            self.organisation = tidy_og_hyphen(self.organisation)


def _abbr_parent(name: str) -> tuple[str, list[str], str | None]:
    """Peel trailing '(ABBR)' groups: a municipal administration is the parent, else an alias.

    >>> _abbr_parent("Center for Beskæftigelse og Afklaring (CBA) (BIF)")
    ('Center for Beskæftigelse og Afklaring', ['CBA'], 'BIF')
    >>> _abbr_parent("Kultur- og fritidsforvaltningen (KFF)")
    ('Kultur- og fritidsforvaltningen', ['KFF'], None)
    >>> _abbr_parent("Amager Partnerskab (Tryghedspartnerskabet) (ØKF)")
    ('Amager Partnerskab', ['Tryghedspartnerskabet'], 'ØKF')
    >>> _abbr_parent("EKI (Socialforvaltningen)")
    ('EKI', [], 'SOF')
    """
    vocab = load_vocab("abbreviations")
    admins = set(vocab["municipal_administrations"])
    aliases, parent = [], None
    while True:
        m = TRAILING_ABBR.search(name)
        if not m or m.start() == 0:
            unit = TRAILING_UNIT.search(name)  # "Center for Unge (Børn og Unge)": its magistratsafdeling
            if unit and unit.start() > 0 and parent is None and _names_a_unit(unit.group(1)):
                parent, name = unit.group(1), name[: unit.start()].strip()
                continue
            other = TRAILING_NAME.search(name)  # "Amager Partnerskab (Tryghedspartnerskabet)"
            if not other or other.start() == 0:
                break
            word, rest = other.group(1), name[: other.start()].strip()
            admin = next((a for a in admins if vocab["abbreviations"].get(a, "").casefold() == word.casefold()),
                         None)
            if admin and parent is None:  # "EKI (Socialforvaltningen)": the unit's forvaltning
                parent = admin
            elif _same_kind(word, rest):
                aliases.append(word)
            else:
                break
            name = rest
            continue
        abbr = m.group(1).strip()
        rest = name[: m.start()].strip()
        full = vocab["abbreviations"].get(abbr, "")
        if abbr in admins and full.lower() != rest.lower() and "forvaltning" not in rest.lower() and parent is None:
            parent = abbr
        else:
            aliases.append(abbr)
        name = rest
    return name, aliases, parent


def _names_a_unit(words: str) -> bool:
    """Several words in brackets after a unit that name a municipal unit: a cue word
    ("Socialforvaltningen i Aarhus") or an 'og' inside one unit's name ("Børn og Unge")."""
    w = words.split()
    return org_type_of(words) == "municipal_unit" or any(
        x == "og" and 0 < k < len(w) - 1 and fixed_og_pair(w[k - 1], w[k + 1]) for k, x in enumerate(w))


def _same_kind(word: str, name: str) -> bool:
    """Does one word in parentheses after a name name the same organisation again?
    Only when both carry cues of the same organisation type ("Amager Partnerskab
    (Tryghedspartnerskabet)"); a place, a parent or a kind of thing is no alias."""
    kind = org_type_of(word)
    return kind != "other" and kind == org_type_of(name)


def _org_mentions(text: str, line: int, role: str, delaftale: str | None) -> list[OrgMention]:
    """Organisations named in a text with no person in it."""
    unit = _UNIT_OF_MUNICIPALITY.match(clean(text))
    if unit and " og " in unit.group(2) and len(split_party_entries(unit.group(2))) > 1:
        unit = None  # "Kolding Kommune, ALFABO og AAB": a list of parties, not the municipality's unit
    if unit:  # "Randers Kommune, Børn og Unge": the municipality and its unit ("og" inside the unit's name)
        return [OrgMention(unit.group(1), line, [], None, role, delaftale),
                OrgMention(unit.group(2), line, [], unit.group(1), role, delaftale)]
    if role in ("party", "signatory") and (PLACEHOLDER.search(text) or KOMMUNE_THEN_NAME.search(text)) \
            or role in ("party", "partner") and AND_LIST.search(text) \
            or role in ("party", "signatory", "partner") and len(split_at_municipality(clean(text))) > 1:
        return [m for entry in split_party_entries(text)
                for m in _org_mentions_one(entry, line, role, delaftale)]
    return _org_mentions_one(text, line, role, delaftale)


def _org_mentions_one(text: str, line: int, role: str, delaftale: str | None) -> list[OrgMention]:
    out: list[OrgMention] = []
    aliases: list[str] = []
    m = ALIAS_DEF.search(text)
    if m:
        alias = m.group(2)
        short = FORMER_ABBREVIATION.search(alias) if m.group("former") else None
        aliases += [clean(alias[:short.start()]), short.group(1)] if short else [clean(alias)]
        text = text[: m.start()] + text[m.end():]
    text = clean(LOWER_PAREN.sub("", text))
    text = re.sub(r"\s+v[./]?$", "", text)
    if len(text.split()[-1:][0] if text.split() else "") > 4:
        text = text.rstrip(".")
    lab = LABELLED.match(text)
    if lab:  # "BBE: Social frikort ...", "NGO: Diversity Works", "Lærepladsindsatsen: direkte: Tlf ..."
        rest = PROSE_CUT.sub("", lab.group("rest")).strip()
        if not re.search(r"[^\W\d_]", rest):
            return []  # "Aftaleperiode: 01.01.2023 - 31.12.2026": a field with a date, no organisation
        if rest and rest[0].isupper() and not PHONE.search(rest) and not rest.lower().startswith(("tlf", "tel", "mail")):
            if lab.group("label").isupper() and lab.group("label") != "NGO":
                aliases.append(lab.group("label"))
            text = rest
        else:
            text = lab.group("label")
    admin = None
    a = ADMIN.search(text)
    if a and is_title_word(a.group("admin").split()[0]):
        text = text[: a.start()].strip()  # "KVUC v. Uddannelsesleder": a title, not an administrator
    elif a and (len(a.group("admin").split()) == 1 or a.group("admin").isupper()):
        candidate = a.group("admin").strip()
        if candidate[:1].isupper() or candidate[:1].isdigit():  # "v/KAB", "v. 3B"
            admin = candidate
            aliases.append(text)
        # else "PAB v. fa09": a person's initials or handle, no organisation
        text = text[: a.start()].strip()
    segments = split_org_text(text) if not aliases else [text]
    parent = None
    for seg in segments:
        seg = clean(seg)
        if not seg or seg[0].islower() or EMAIL.search(seg) or PHONE.fullmatch(seg):
            continue
        if len(seg.split()) == 1 and STREET.search(seg):
            continue  # "Otillavej, Socialpsykiatrien ...": an address, not an organisation
        if len(seg.split()) > 2 and seg.split()[1] == "for" and is_title_word(seg.split()[0]):
            seg = " ".join(seg.split()[2:])  # "Centerchefen for Center City"
        name, extra, par = _abbr_parent(seg)
        out.append(OrgMention(name, line, aliases + extra, par or parent, role, delaftale))
        if par and " " in par:  # "(Børn og Unge)": a magistratsafdeling named, not abbreviated
            out.insert(len(out) - 1, OrgMention(par, line, [], None, "mentioned", delaftale))  # the unit last
        if parent is None and len(segments) > 1 and (name.isupper() or _MUNICIPALITY.fullmatch(name)):
            parent = name  # "TMF, Green Team", "Randers Kommune, Børn og Unge": the first is the parent
    if admin and out:
        out.append(OrgMention(admin, line, [], None, "administrator", delaftale))
    return out


_MUNICIPALITY = re.compile(r"[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?s? [Kk]ommune")
_UNIT_OF_MUNICIPALITY = re.compile(r"^(?:[A-ZÆØÅ][\wæøå()]{0,30}:\s*)?(" + _MUNICIPALITY.pattern
                                   + r"),\s+([A-ZÆØÅ][^,;:()@]{2,60})$")  # ("Kommunen: X Kommune, Unit")
_DIGIT = re.compile(r"\d")  # every date has one (tried before the costlier _PLACE_DATE)
_SIGNED_FOR = re.compile(r"^(?:for|på vegne af)\s+(?=[A-ZÆØÅ0-9])", re.I)
_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
# (the word run is possessive: splitting a word across repetitions can reach no other end, and
# backtracking into it cost ~30 µs a line)
_PLACE_DATE = re.compile(rf"^(?:[A-ZÆØÅ][\wæøå.-]*+\s?){{1,3}},?\s+(?:den\s+)?(?:\d{{1,2}}\.?\s*(?:{_MONTHS})"
                         rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}})\b.{{0,12}}$", re.I)


# "Kontakt: Vejle Frivilligcenter – Ida Holm, leder": the unit, a dash, the person
_DASH_BEFORE = re.compile(r"^[^,–]*:\s*[A-ZÆØÅ][^,–:]{2,80}\s[–-]\s*$")


def _line_entries(doc: Document, block: Block, role: str):
    orgs: list[OrgMention] = []
    contacts: list[ContactMention] = []
    current: str | None = None
    items = _block_texts(doc, block, role)
    idx = [i for i, _ in items]
    skip = set()
    for n, (i, raw) in enumerate(items):
        if n in skip:
            continue
        text = clean(raw)
        if i == block.label_line and (label := PARTY_LABEL.match(text)):
            text = label.group(1).strip()  # "Aftalens parter Kolding Kommune ALFABO": the entries only
        text = _SIGNED_FOR.sub("", drop_header_words(text))  # "For Aarhus Kommune" under a signature line
        if (_DIGIT.search(text) and _PLACE_DATE.match(text)) or not ALNUM.search(text):
            continue  # "Aarhus, den 1. marts 2023": where and when it was signed; "_____": where
        # a contact line whose e-mail or phone wrapped onto the next line
        if n + 1 < len(idx) and (text.endswith((":", "/", "-")) or KONTAKT.match(text) and "@" not in text) \
                and re.match(r"^\W*(?:[\w.+-]+@|\+?\d|tlf|mail|e-mail)", clean(items[n + 1][1]), re.I):
            text = text + " " + clean(items[n + 1][1])
            skip.add(n + 1)
        people = find_people(text, strict=not KONTAKT.match(text))
        if (label := KONTAKT.match(text)) and people and not person_first(text, people[0]) \
                and re.search(r"\s+v[./]\s*", text[label.end():people[0].start]):
            # "Kontaktpersoner: Teknik og Miljøforvaltningen v. konsulent Per Holm": the label
            # and a unit-first entry on one line (a list whose line breaks were lost)
            text = text[label.end():]
            people = find_people(text)
        if KONTAKT.match(text):
            for p in people:
                unit = unit_after_name(text, p) if person_first(text, p) else (
                    unit_before_name(text, p) if _DASH_BEFORE.search(text, 0, p.start) else None)
                if unit:  # person first: "Kontaktperson: Lise Bang, Vejleder, Jobcenter Esbjerg, lb@..."
                    orgs.append(OrgMention(unit, i, [], None, role, block.delaftale))
                contacts.append(ContactMention(p, unit or current, i, block.delaftale))
            continue
        if not people:
            if raw.rstrip(" *").endswith(":") and (len(text) > 25 or any(w[:1].islower() for w in text.split()[1:])):
                continue  # a category heading ("Gældsrådgivning/ økonomiske rådgivninger:"),
                # or a label ("Underskrevet af:")
            found = _org_mentions(text.rstrip(":"), i, role, block.delaftale)
            orgs.extend(found)
            if found:
                current = found[0].name if len(found) == 1 or found[-1].role == "administrator" else found[-1].name
            continue
        if (run := person_first_run(text, people)) is not None:
            for p, unit in run:  # "Peter Lund, Planlægger, Teknik og Miljø Anne Holm, Afdelingsleder, ..."
                if unit:
                    orgs.append(OrgMention(unit, i, [], None, role, block.delaftale))
                contacts.append(ContactMention(p, unit or current, i, block.delaftale))
            continue
        pos = 0
        for p in people:
            if not text[pos:p.start].strip(" ,;") and (unit := unit_after_name(text[pos:], p)):
                # person first: "Peter Lund, Planlægger, Teknik, Plan og Miljø, pl@x.dk"
                orgs.append(OrgMention(unit, i, [], None, role, block.delaftale))
                contacts.append(ContactMention(p, unit, i, block.delaftale))
                pos = max(p.end, details_end(text, p))
                continue
            before = text[pos:p.start]
            before = re.sub(r"^[\s,;]*(?:og|samt)\s+", "", EMAIL.sub("", PHONE.sub("", before))).strip(" ,;")
            org_text = re.split(r"\s+v[./]\s*", before)[0]
            if p.title and org_text.endswith(p.title) and (org_text.strip() != p.title.strip()
                                                           or all(map(is_title_word, p.title.split()))):
                org_text = org_text[: -len(p.title)]  # "KVUC, Uddannelsesleder" -> "KVUC"; "Rådmand" -> ""
            found = _org_mentions(org_text, i, role, block.delaftale) if org_text.strip() else []
            orgs.extend(found)
            if found:
                current = found[-1].name
            contacts.append(ContactMention(p, current, i, block.delaftale))
            pos = max(p.end, details_end(text, p))
    return orgs, contacts


def _block_texts(doc: Document, block: Block, role: str) -> list[tuple[int, str]]:
    """(line index, text) of a block's entries. A table row's cells are one entry's
    fields; in a signature block, rows of as many cells as the row before them are
    columns, one party each ("For Civica<TAB>For FAB" over "Direktør Jens Jensen<TAB>
    Direktør Lone Berg"), and each column is one entry."""
    items: list[tuple[int, str]] = []
    lines = block.lines
    k = 0
    while k < len(lines):
        cells = doc.lines[lines[k]].split("\t")
        run = [cells]
        while role == "signatory" and len(cells) > 1 and k + len(run) < len(lines) and ":" not in cells[-1] \
                and len(doc.lines[lines[k + len(run)]].split("\t")) == len(cells):
            run.append(doc.lines[lines[k + len(run)]].split("\t"))
        if len(run) > 1:
            items += [(lines[k], ", ".join(row[j].strip() for row in run)) for j in range(len(cells))]
        else:
            items.append((lines[k], _cells_as_fields(doc.lines[lines[k]])))
        k += len(run)
    return [(i, _unfilled(text)) for i, text in items]


# a template's field left unfilled: "Dato: [dato]", "Navn: [navn]", "[Indsæt navn]"
_UNFILLED = re.compile(r"(?:\b[A-ZÆØÅa-zæøå]+:\s*)?\[[^\[\]]{0,40}\][,;]?")


def _unfilled(text: str) -> str:
    """An entry without its unfilled template fields.

    >>> _unfilled("Bolig Fjord, Dato: [dato], Navn: [navn]")
    'Bolig Fjord'
    >>> _unfilled("Rødby Kommune, Dato: [dato], Navn: Ole Holm, borgmester")
    'Rødby Kommune, Ole Holm, borgmester'
    """
    if "[" not in text:
        return text
    text = _FIELD_LABEL.sub("", _UNFILLED.sub(" ", text))  # "Navn: Merete Holm" of the same row: her name
    return " ".join(text.split()).strip(" ,;")


_FIELD_LABEL = re.compile(r"\b(?:Dato|Navn|Underskrift|Titel|Stilling|Sted):\s*")


def _cells_as_fields(line: str) -> str:
    """A table row's cells are the fields of one entry ("Søren Dahl<TAB>Lejerbo Kolding<TAB>..."
    -> "Søren Dahl, Lejerbo Kolding, ..."); a row of labels and values ("Kommune:<TAB>Holbæk
    Kommune") stays as it is."""
    cells = line.split("\t")
    if len(cells) < 2 or any(c.rstrip().endswith(":") for c in cells):
        return line
    return ", ".join(c.strip() for c in cells)


def _prose_parties(doc: Document, role: str) -> list[OrgMention]:
    found = prose_party_entries(doc)
    if found is None:
        return []
    line, entries, whole_agreement = found
    role = "party" if whole_agreement else role
    return [o for e in entries for o in _org_mentions_one(e, line, role, None)]


_SUB_LABEL = re.compile(r"^\W*(?:delaftalens|parter(?:ne)?\s+i\s+delaftalen)", re.I)


def _table_entries(doc: Document, strategic: bool) -> tuple[list[OrgMention], list[ContactMention]]:
    """The organisations and people of the tables of people (see :mod:`contact_tables`): a
    party table of a strategic agreement lists its parties, any other table partners."""
    orgs: list[OrgMention] = []
    contacts: list[ContactMention] = []
    in_tables = {i for t in person_tables(doc) for i in t.lines}
    for line, tables in flat_table_lines(doc.lines, in_tables):  # a table whose line breaks were lost
        for party, rows in tables:
            area = focus_area_at(doc, line)
            role = "party" if party and strategic and area is None else "partner"
            for org, person in rows:
                orgs += _org_mentions_one(org, line, role, area) if org else []
                contacts += [ContactMention(person, org, line, area)] if person else []
    for table in person_tables(doc):
        area = focus_area_at(doc, table.head_line)
        role = "party" if table.party and strategic and not table.sub and area is None else "partner"
        for line, org, person in table.rows:
            if org:  # a cell is one entry: "Randers Kommune, Sundhed og Ældre" is the municipality's unit
                orgs += _org_mentions_one(org, line, role, area)
            if person:
                contacts.append(ContactMention(person, org, line, area))
    return orgs, contacts


def parse_parties(doc: Document, strategic: bool) -> tuple[list[OrgMention], list[ContactMention]]:
    """All organisation and contact mentions of the party lists and signature blocks."""
    return doc.memo(f"parties:{strategic}", lambda: _parse_parties(doc, strategic))


def _parse_parties(doc: Document, strategic: bool) -> tuple[list[OrgMention], list[ContactMention]]:
    orgs, contacts = _table_entries(doc, strategic)
    in_tables = {i for t in person_tables(doc) for i in t.lines}
    for block in party_blocks(doc):
        role = "party" if strategic and block.delaftale is None and not _SUB_LABEL.match(
            plain_lines(doc)[block.label_line]) else "partner"
        o, c = _line_entries(doc, block_without_tables(doc, block, in_tables), role)
        orgs += o
        contacts += c
    for block in signature_blocks(doc):
        o, c = _line_entries(doc, block_without_tables(doc, block, in_tables), "signatory")
        orgs += o
        contacts += c
    if not any(o.role == "party" for o in orgs):
        orgs += _prose_parties(doc, "party" if strategic or not orgs else "partner")
    return orgs, contacts
