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
from samspil.loaders.extract.contact_tables import KIND, person_tables
from samspil.loaders.extract.entry_orgs import ContactMention
from samspil.loaders.extract.form_records import form_end, form_records, form_start
from samspil.loaders.extract.org_lists import org_type_of
from samspil.loaders.extract.tables import column_kind
from samspil.loaders.extract.people import FIELD_KEY, _any_first_name, find_people, is_title_word, looks_like_name
from samspil.loaders.extract.person_units import (KONTAKT, contact_unit, is_address, details_end, person_first, unit_after_name,
                                                  unit_before_name, unit_then_title)
from samspil.loaders.extract.sections import plain_lines
from samspil.loaders.extract.text import EMAIL, PHONE, clean, details_only
from samspil.loaders.gazetteer import is_first_name  # (the first names used in Denmark)

__all__ = ["loose_contacts"]

_NAME_KEY = re.compile(r"(?:^\W*[Nn]|\sN)avn\s*:")  # (tried at every start: searched only where "avn" is)
_MAX_LINE = 110  # a contact line; running text is longer
_MAX_FIELD = 60  # one field of a record written one field a line


def loose_contacts(doc: Document, seen_lines: set[int]) -> list[ContactMention]:
    """People printed outside the party lists and tables (``seen_lines``: read already)."""
    out: list[ContactMention] = []
    plain = plain_lines(doc)
    seen = seen_lines | {i for t in person_tables(doc) for i in t.lines}
    groups: dict[int, str] = {}  # line -> the group heading its last run-on entry sat under
    i = 0
    while i < len(plain):
        text = plain[i]
        if i in seen or not text:
            i += 1
            continue
        if out and out[-1].line == i - 1 or out and out[-1].line == i - 2 and is_address(plain[i - 1]):
            if (details := details_only(text)) is not None:  # "Trine Bak, HAB" over "Telefon 9623 4411 –
                person = out[-1].person                      # e-mail tsb@x.dk" (an address between)
                person.email = person.email or details[0]
                person.phone = person.phone or details[1]
                seen.add(i)
                i += 1
                continue
        if text[:1] == "(" and out and out[-1].line == i - 1 and (unit := _bracketed_unit(text)) is not None:
            out[-1].organisation = unit  # "Virksomhedskonsulent  Hatice Bonde  hdb@x.dk  89 64 57 02" over
            seen.add(i)  # "(Jobcenter Favrskov, Team Virksomhed)": the unit under the person's row
            i += 1
            continue
        if out and out[-1].line == i - 1 and i + 1 < len(plain) and (unit := _card_unit(text)) \
                and (details := details_only(plain[i + 1])) is not None:
            mention = out[-1]  # a card: "• Signe Bak, boligsocial leder" over "Boligselskabet Strandlyst"
            person = mention.person  # over "sbl@strandlyst.dk · 56 18 22 40"
            mention.organisation = mention.organisation or contact_unit(unit)
            person.email = person.email or details[0]
            person.phone = person.phone or details[1]
            seen |= {i, i + 1}
            i += 2
            continue
        if (at := form_start(text)) is not None:  # "Navn: X" / "Titel: Y" / "Organisation: Z" / ...
            texts = [text[at:], *plain[i + 1:i + 8]]
            end = form_end(texts, 0)
            records = form_records(" ".join(texts[:end]))
            units = all(unit for _, unit in records)
            # (a record without its Organisation field mid-line: the words before it name the unit, read below)
            if records and (at == 0 or units):
                heading = None if units else _heading_above(plain, i)
                out += [ContactMention(p, unit or heading, i) for p, unit in records]
                seen |= set(range(i, i + end))
                i += end
                continue
        if "@" in text and EMAIL.search(text) and i - 1 not in seen:
            found = _run_on_entries(text, i, groups) if len(text) > _MAX_LINE and _has_title(text) else []
            cells = doc.lines[i].split("\t") if "\t" in doc.lines[i] else None
            out += found + [m for m in _with_email(plain, i, groups, cells) if m.person.name not in {f.person.name for f in found}]
        elif "\t" in doc.lines[i] and (columns := _signature_columns(doc, i)) is not None:
            lines, found = columns  # "Name<TAB>Name" over "title<TAB>title": signatures side by side
            out += found
            seen |= set(lines)
            i = lines[-1] + 1
            continue
        elif (record := _vertical_record(plain, i, seen)) is not None:
            lines, joined = record
            out += _record_people(joined, lines[0], _heading_above(plain, lines[0])
                                  or _group_heading(plain, lines[0], groups))
            seen |= set(lines)
        elif ":" in text[:60] and (role := _ROLE_LABEL.match(text)) and not KONTAKT.match(text) \
                and is_title_word(role.group("role").split()[0]) \
                and (record := _role_record(plain, i, role)) is not None:
            lines, found = record  # "Sekretær for rådet: Name, unit, organisation," over "mail, tlf. ..."
            out += found
            seen |= set(lines)
            i = lines[-1] + 1
            continue
        elif (len(text) <= _MAX_LINE or KONTAKT.match(text) and len(_NEXT_HEADING.sub("", text)) <= _MAX_LINE) \
                and (KONTAKT.match(text) or "avn" in text and _NAME_KEY.search(text)):
            joined = _with_field_lines(plain, i, seen)
            out += _record_people(joined, i, _heading_above(plain, i), labelled=True)
        elif (len(text) <= _MAX_LINE or _name_dense(text)) and _has_title(text) \
                and (len(text) > _MAX_LINE or not text.endswith(".") or PHONE.search(text) or _name_first_record(text)):
            out += _run_on_entries(text, i, groups)
        elif len(text) <= _MAX_LINE and _UNIT_COLON_NAME.match(text) and PHONE.search(text):
            out += _run_on_entries(text, i, groups)  # "Sundhedsplejen, Langeland Kommune: Marianne Fals, 24 29 17 03"
        elif len(text) <= _MAX_LINE and out and out[-1].line == i - 1 and PHONE.search(text) \
                and (entry := _run_on_entries(text, i, groups)) and entry[0].person.start == 0:
            out += entry  # the next entry of a contact list, its phone and no e-mail, its role no title word the
            # vocabulary knows ("Annemette Due (Familieafdelingen X, kommunens tovholder) – 99 88 61 42")
        i += 1
    return out


# a unit as the label of its person's entry, the person without a title: "Sundhedsplejen, X Kommune: Marianne Fals, ..."
_UNIT_COLON_NAME = re.compile(r"^\W{0,3}[A-ZÆØÅ][^:]{2,60}:\s+[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?\s+[A-ZÆØÅ]")
# a role as a label before the person's record: "Sekretær for rådet: Name, unit, ...", "Koordinator: Name, ..."
_ROLE_LABEL = re.compile(r"^\W{0,3}(?P<role>[A-ZÆØÅ][a-zæøå-]{3,30}(?:\s+(?:for|i|på|ved)\s+[\wæøå-]{2,30}){0,2})\s*:\s+"
                         r"(?=[A-ZÆØÅ][a-zæøå]+\s+[A-ZÆØÅ])")


def _role_record(plain: list[str], i: int, role: re.Match[str]) -> tuple[list[int], list[ContactMention]] | None:
    """The person a role label names, the record's details on the line below when it ends with a
    comma (wrapped); the role is the person's title when the record gives none."""
    text, lines = plain[i][role.end():], [i]
    if text.rstrip().endswith(",") and i + 1 < len(plain) and plain[i + 1] and (EMAIL.search(plain[i + 1])
                                                                              or PHONE.search(plain[i + 1])):
        text, lines = f"{text} {plain[i + 1]}", [i, i + 1]
    if not (EMAIL.search(text) or PHONE.search(text)):
        return None  # (a role and a name in running text: prose_roles.py reads those)
    found = _record_people(text, i, None)
    if len(found) != 1 or not text.startswith(found[0].person.name):
        return None
    found[0].person.title = found[0].person.title or role.group("role")
    return lines, found


def _signature_columns(doc: Document, i: int) -> tuple[list[int], list[ContactMention]] | None:
    """Signatures side by side: a row of two to four names, tab-separated, over rows of as many
    cells (titles, organisations): each column one person's record."""
    from samspil.loaders.extract.text import strip_markup

    cells = [clean(c) for c in strip_markup(doc.lines[i]).split("\t")]
    if not 2 <= len(cells) <= 4 or not all(looks_like_name(c) or _name_and_title(c) for c in cells):
        return None
    lines, columns = [i], [[c] for c in cells]
    for j in range(i + 1, min(i + 4, len(doc.lines))):
        below = [clean(c) for c in strip_markup(doc.lines[j]).split("\t")]
        if not doc.lines[j].strip() or len(below) != len(cells):
            break
        lines.append(j)
        for column, cell in zip(columns, below):
            column += [cell] if cell and not _SIGN_MARK.fullmatch(cell) else []  # (not "(sign.)" under a name)
    signed_for = False
    for j in range(i - 1, max(-1, i - 5), -1):  # "For Lyngby-Taarbæk Kommune<TAB>For Boligselskabet X" over the
        above = [clean(c) for c in strip_markup(doc.lines[j]).split("\t")]  # names (the lines signed on, a place
        if len(above) == len(cells) and all(_SIGNED_FOR.match(c) for c in above):  # and date between)
            for column, cell in zip(columns, above):
                column.append(_SIGNED_FOR.sub("", cell))
            signed_for = True
            break
    if len(lines) < 2 and not signed_for:  # (a row of names alone, nothing under or over it: no signatures)
        return None
    found = [m for column in columns for m in _record_people(", ".join(column), i, None)]
    return (lines, found) if found else None


_SIGNED_FOR = re.compile(r"^(?:For|FOR|På vegne af|Pva\.?)\s+(?=[A-ZÆØÅ0-9])")


_SIGN_MARK = re.compile(r"\(?\s*(?:sign|underskr|e-?signeret|digitalt\s+underskrevet)[\w.]*\s*\)?", re.I)


def _name_first_record(text: str) -> bool:
    """A record that opens with a person's name and, after a comma, their title, ended by a full stop as a list's
    last entry is ("Tarik Osmanovic, boligsocial medarbejder, Boligselskabet Flådebo.")."""
    name, _, rest = text.partition(", ")
    return bool(rest) and 2 <= len(name.split()) <= 4 and looks_like_name(name) and is_first_name(name.split()[0]) \
        and is_title_word(rest.split()[0].strip(",."))


def _name_and_title(cell: str) -> bool:
    """A signature's cell of a name and its title ("Jeanette Kold Frydendahl, borgmester")."""
    name, _, title = cell.partition(",")
    return bool(title.strip()) and looks_like_name(name.strip()) and any(is_title_word(w) for w in title.split())


def _has_title(text: str) -> bool:
    return any(map(is_title_word, text.split()))


def _name_dense(text: str) -> bool:
    """A long line of entries run together is mostly names, titles and units (capitalised):
    a paragraph of prose, a third of whose words are capitalised at most, holds none.
    ``text``: a plain line (:func:`~samspil.loaders.extract.sections.plain_lines`: single-spaced)."""
    if not text:
        return True
    # (a plain line's words are what split() gives, one space between them: a word opens the line or
    # follows a space. Counted so, no word is made: 1.65 -> 0.68 ms for a dense PDF's ~390 long lines)
    capitals = len(_SPACE_CAPITAL.findall(text)) + (text[0] in _CAPITALS)
    return capitals >= (text.count(" ") + 1) / 3


_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ")
_SPACE_CAPITAL = re.compile(" [A-ZÆØÅ]")  # (opens with the space: the engine skips to each)


def _run_on_entries(text: str, line: int, groups: dict[int, str]) -> list[ContactMention]:
    """Entries run together in a long line (a list whose line breaks were lost): each person
    written 'Title Name, Unit' or 'Name, title, phone' is one entry, from its title (or name)
    to the next entry; its unit is written after the name, else between the previous entry's
    details (or the label or sentence before) and the name."""
    people = find_people(text, strict=True)
    for p in people:
        _from_first_name(p)
    people = [p for p in people if is_first_name(p.name.split()[0])]
    starts = []
    for p in people:
        title_at = _title_start(text, p.start)
        after = text[p.end + 2:].split(" ", 2) if text.startswith(", ", p.end) else [""]
        title_after = (after[1] if len(after) > 1 and after[0] in _TITLE_MODIFIERS else after[0]).strip(",")  # ("ny
        # boligsocial leder", "konstitueret centerchef": the title after its modifier)
        if title_at is not None and p.title and (text.startswith(",", p.end) or p.phone or p.email):
            starts.append(title_at)  # "Formand Niels Dam, Lejerbo"
        elif title_after and (is_title_word(title_after) or p.phone or p.email):
            p.title = p.title or (title_after if is_title_word(title_after) else None)
            starts.append(p.start)  # "Jens Brix, teamleder, 5620 3040"
        elif text.startswith((" (", " – ", " - ", " · "), p.end) and (p.phone or p.email) and not text[:p.start].strip():
            starts.append(p.start)  # "Anne Due (Familieafdelingen X, kommunens tovholder) – 99 88 61 42", "Vibeke
            # Ørum – ledende sundhedsplejerske, Sundhedsplejen X, tlf. ..."
        else:
            starts.append(None)
    out = []
    prev_end = 0
    group = None  # the unit written before the last entry: the heading of a group of people
    kept = [(p, a) for p, a in zip(people, starts) if a is not None]
    for k, (p, a) in enumerate(kept):
        end = kept[k + 1][1] if k + 1 < len(kept) else min(len(text), p.end + _MAX_LINE)
        entry = _SENTENCE_END.split(text[a:end])[0]
        q = next((x for x in find_people(entry, strict=True) if x.name.endswith(p.name)), None)
        if q is None:
            continue
        _from_first_name(q)
        q.title = q.title or p.title
        unit = unit_after_name(entry, q) if q.title and entry.startswith(q.title.split()[0]) else None
        unit = unit or _unit_before_details(entry, q) or unit_then_title(entry, q, text[prev_end:a] + entry[:q.start])
        if (bracket := _details_bracket(entry, q)) is not None:
            unit = bracket  # "... ruoe@x.dk 89 64 52 18 (Familie og Forebyggelse, X Kommune)": the unit after the details
        if unit is None and entry.startswith(" (", q.end) and (close := entry.find(")", q.end)) > 0:
            unit = _bracketed_unit(f"({entry[q.end + 2:close].split(',')[0]})")  # "Anne Due
            # (Familieafdelingen X, kommunens tovholder) – ...": the unit first in the bracket after the name
        between = text[prev_end:a]
        if unit is None and (unit := _unit_between(between)):
            group = unit
        elif unit is None and not between.strip(" ,;.–-"):
            unit = group  # "Sorø Kommune, Børn og Unge Lise Hald, ... Mads Berg, ...": both under it
        out.append(ContactMention(q, contact_unit(unit), line, None))
        prev_end = a + details_end(entry, q)
    if group and out and out[-1].organisation == contact_unit(group):
        groups[line] = contact_unit(group)
    return out


_SENTENCE_END = re.compile(r"(?<=[a-zæøå0-9)])[.!?]\s+(?=[A-ZÆØÅ])")
_TITLE_MODIFIERS = frozenset("ny nye nyansat konstitueret fungerende kommende tidligere midlertidig afgående".split())
_LEADING_LABEL = re.compile(r"^.*(?:\b(?:[Pp]arter(?:ne)?(?:\s+i\s+\w+)?|[Ss]amarbejdsparte?r?\w*|[Kk]ontakt\w*"
                            r"|[Ss]tyregruppe\w*)\s*:?\s+|:\s+)")


def _from_first_name(p) -> None:
    """'Kolding Tariq Malik' (a place run onto the name): the name from its first name on."""
    words = p.name.split()
    k = next((k for k, w in enumerate(words[:-1]) if is_first_name(w)), 0)
    if k:
        p.start += len(" ".join(words[:k])) + 1
        p.name = " ".join(words[k:])


def _unit_between(text: str) -> str | None:
    """The unit written before a name: the words after the last sentence, label or entry."""
    text = _SENTENCE_END.split(text)[-1]
    if text.rstrip().endswith(":"):  # "Kontaktpersoner Vordingborg Kommune: Karen Frost": the organisation
        head = _LEADING_LABEL.sub("", text.rstrip()[:-1].rsplit(":", 1)[-1] + " ").strip(" ,;–-#*•")
        head = _FIELD_WORD_END.sub("", head)  # "Jobcenter Vejle Navn: Ole Hvid": the jobcentre
        if head and head.split()[-1][:1].isupper() and org_type_of(head) != "other" and len(head.split()) <= 7:
            return head  # (not "Sekretariatet ledes af:")
    text = _LEADING_LABEL.sub("", text).strip(" ,;–-#*•")  # (a markdown heading's or bullet's marks)
    if _CASE_NUMBER.search(text):
        return None  # "Sags ID: SOC-2024-0318  Sagsbehandler: ...": a case's number, no unit
    if text[:4] in ("Den ", "Det ") and org_type_of(text) == "other":
        return None  # "Den boligsociale leder, Name": the title's first words, no unit
    words = [w for w in text.split() if w not in _DASHES]
    if not words or len(words) > 7 or not text[:1].isupper() or FIELD_KEY.search(text):
        return None
    if is_title_word(words[0]) and org_type_of(text) == "other":
        return None  # "Koordinator er Bo Kragh": the title and a verb, no unit
    if words[-1] in _LINKING_VERBS and org_type_of(text) == "other":
        return None  # "Kommunens tovholder er Mette Brun": a sentence naming the person, no unit
    return text


_LINKING_VERBS = frozenset("er var bliver blev hedder".split())


_DASHES = {"-", "–", "—", "&"}
_CASE_NUMBER = re.compile(r"\d{4}[-/.]\d{2,}|\d{5,}")
_FIELD_WORD_END = re.compile(r"\s+(?:[Nn]avn|NAVN|[Kk]ontakt\w*|[Tt]itel|[Ss]tilling|[Aa]nsvarlig)$")


def _title_start(text: str, name_start: int) -> int | None:
    """Where the title words right before a name begin ("... Kolding Forstander Grethe": at
    "Forstander"), or None when no title word stands there."""
    at = None
    for m in reversed(list(re.finditer(r"\S+", text[:name_start]))):
        if not is_title_word(m.group(0)):
            break
        at = m.start()
    return at


_LAST_SENTENCE = re.compile(r"(?<=[a-zæøå)\d][.!?])\s+(?=[A-ZÆØÅ])")


def _with_email(plain: list[str], i: int, groups: dict[int, str], cells: list[str] | None = None) -> list[ContactMention]:
    """A person printed with an e-mail: the organisation is the line above when it is short. A table's
    row (``cells``) is read with a comma between its cells: a name ends with its cell ("Signe Winde<TAB>
    Trørødgård<TAB>slw@...", not "Signe Winde Trørødgård")."""
    out = []
    text = ", ".join(" ".join(c.split()) for c in cells if c.strip()) if cells else plain[i]
    if text[:1] == "(" and i and plain[i - 1] and not plain[i - 1].endswith((".", ":", ";", "!", "?")) \
            and not any(p.email for p in find_people(text, strict=True)):  # (not "(p.t. Name, e-mail)": its own)
        # a person's details in brackets wrapped onto a line of their own: "... Louise Hvid tiltrådte 1.8.2025"
        # over "(lbh@x.dk, 23 61 84 09). Jobcentret ...": the sentence's start on the line above read with them
        text = f"{_LAST_SENTENCE.split(plain[i - 1])[-1]} {text}"
    for p in find_people(text, strict=True):
        if not p.email:
            continue
        above = next((plain[j] for j in range(i - 1, max(i - 4, -1), -1) if plain[j] and not is_address(plain[j])), "")
        org = clean(above) if (above and len(above) < 100 and above[0].isupper() and ":" not in above
                               and "@" not in above and KIND.get(above.casefold().strip(" :>#*")) is None
                               and not above.rstrip().endswith((".", "!", "?"))) else None
        # (not a label, record or sentence, nor a heading naming a column's kind: "KONTAKT")
        if org and len(org) <= _MAX_FIELD and is_title_word(org.split()[0].strip(",")) and org_type_of(org) == "other" \
                and text.startswith(p.name):
            p.title = p.title or org  # a card's title over its name ("Medarbejder, beskæftigelse" / "Ahmad Bundgaard
            org = None  # asb@..."): the person's title, no unit
        org = contact_unit(org) or contact_unit(_heading_above(plain, i)) or _group_heading(plain, i, groups)
        org = None if org is not None and org == p.title else org  # (the card's title read as its heading)
        label = KONTAKT.match(text)
        named = contact_unit(label.group("org")) if label and label.group("org") else None  # "Kontaktperson for X:"
        if (own := unit_then_title(text, p)) is not None:  # "Jobcenter Viborg: teamleder Mette Lund"
            org = own
        elif person_first(text, p):  # "Lise Bang, Vejleder, UU Esbjerg"
            after = unit_after_name(text, p)
            after = None if after and p.title and after.casefold() == p.title.casefold() else after
            org = after or named or org  # (not "(SSP-koordinator)", the title in brackets)
        elif (own := _unit_between(text[:p.start])) and (org_type_of(own) != "other" or _defined_code(plain, own)):
            org = groups[i] = own  # "Boligselskabet Vest, Bo Holm, bo@x.dk" under a heading: the entry's own (or
            # the short form the document defined: "BFT Hanne Bisgaard / leder / hwb@..." under "Skive Kommune ...")
        else:
            org = named or org
        at = text.find(p.name)
        if at >= 0 and (bracket := _BRACKET_UNIT.match(text, at + len(p.name))) and org_type_of(bracket.group(1)) != "other":
            org = bracket.group(1)  # "Tina Dam (Jobcenter Varde, tlda@varde.dk)": the unit in her brackets
        if text[-1:] == ")" and (unit := _details_bracket(text, p)) is not None:
            org = unit  # "Kommunal koordinator Rune Østby ruoe@x.dk 89 64 52 18 (Familie og Forebyggelse, X Kommune)"
        if (employer := _EMPLOYED.search(text, p.end, (p.end + 160))) is not None \
                and org_type_of(employer.group(1)) != "other" and not EMAIL.search(text, p.end, employer.start()):
            org = employer.group(1)  # "Name Title, Project Ansat i Boligselskabet X jmt@...": the employer
        if i + 1 < len(plain) and (note := _EMPLOYED_NOTE.match(plain[i + 1])) \
                and note.group(1) == p.name.split()[0] and org_type_of(note.group(2)) != "other":
            org = note.group(2)  # "(Hatice er ansat i Center for Børn og Familie, Holbæk Kommune)" under her row
        if p.title and p.title[:1].isupper() and " " in p.title and _CLAUSE_TITLE.match(p.title):
            p.title = p.title.rsplit(" ", 1)[-1]  # "Jobcentret har udskiftet kontaktperson": the title is its last word
        out.append(ContactMention(p, org, i, None))
    return out


def _defined_code(plain: list[str], code: str) -> bool:
    """Is ``code`` a short form in capitals the document defines ("Boligforeningen Tulstrupgaard (herefter BFT)",
    "... (BFT)")?"""
    if not (code.isupper() and code.isalpha() and 2 <= len(code) <= 6):
        return False
    return any(code in line and re.search(rf"\((?:herefter|i det følgende|fremover)?\s*(?:kaldet\s+)?[\"“»]?{code}[\"”«]?\)",
                                          line) for line in plain)


def _details_bracket(entry: str, p) -> str | None:
    """The unit in brackets right after a person's e-mail and phone, at the entry's end."""
    at = entry.find(p.email) if p.email else -1
    if at < 0 or not entry.rstrip(" .,;").endswith(")"):
        return None
    start = entry.find("(", at)
    if start < 0 or EMAIL.search(entry, at + len(p.email), start) or any(c.isalpha() for c in entry[at + len(p.email):start]):
        return None  # (only the phone between: "ruoe@x.dk 89 64 52 18 (...)")
    return _bracketed_unit(entry[start:].rstrip(" .,;"))


def _bracketed_unit(text: str) -> str | None:
    """A line that is only a unit and its parents in brackets ("(Familie og Forebyggelse, Favrskov
    Kommune)", "(Jobcenter Favrskov, Team Virksomhed)"): its most specific unit, the last one that is
    no municipality (a team is named after its department)."""
    if not text.endswith(")") or len(text) > 120 or "@" in text or any(c.isdigit() for c in text):
        return None
    parts = [clean(p) for p in text[1:-1].split(",")]
    if not all(p[:1].isupper() and len(p.split()) <= 6 for p in parts):
        return None
    units = [p for p in parts if org_type_of(p) != "municipality"]
    return units[-1] if units and (len(parts) > 1 or org_type_of(units[-1]) != "other") else None


_BRACKET_UNIT = re.compile(r"\s*\(\s*([A-ZÆØÅ][^(),@]{2,60}?)\s*,\s*[^()]*@")
_CLAUSE_TITLE = re.compile(r"[A-ZÆØÅ][a-zæøå]+\s+(?:har|er|blev|bliver)\s")  # a sentence's clause before the name


def _vertical_record(plain: list[str], i: int, seen: set[int]) -> tuple[list[int], str] | None:
    """The paragraph around a line that holds a name and nothing else (or a name and a
    title after a comma), of a few short lines: one record, its lines joined by commas.
    It ends at a blank line, a label, or the first line after its details (the next
    record's heading when the paragraphs run together)."""
    if len(plain[i]) > _MAX_FIELD:
        return None  # (told first: a long line is not split and read for a name)
    head = plain[i].split(",")[0]
    words = head.split()
    while len(words) > 2 and "," not in plain[i] and is_title_word(words[0]):
        words = words[1:]  # "Projektleder Mette Vang" alone on its line: the title before the name
    if not (words and looks_like_name(" ".join(words)) and is_first_name(words[0])):
        return None
    if "," in plain[i] and any(0 <= k < len(plain) and "," in plain[k] and _person_line(plain[k]) for k in (i - 1, i + 1)):
        return None  # (one person a line, "Name, title, unit": a list of entries, each read on its own)
    start = i
    while start > 0 and i - start < 2 and _field_line(plain[start - 1]) and start - 1 not in seen \
            and ":" not in plain[start - 1]:
        start -= 1
    end, details = i, False
    while end + 1 < len(plain) and end - i < 4 and (_field_line(plain[end + 1]) or _details_line(plain[end + 1])) \
            and not plain[end + 1].endswith(":"):
        nxt = plain[end + 1]
        is_detail = bool(FIELD_KEY.match(nxt) or EMAIL.search(nxt) or PHONE.search(nxt))
        if details and not is_detail or ":" in plain[end + 1] and not is_detail:
            break
        details = details or is_detail
        end += 1
    if end == start:
        return None
    lines = list(range(start, end + 1))
    return lines, ", ".join(plain[k] for k in lines)


def _field_line(text: str) -> bool:
    return bool(text) and len(text) <= _MAX_FIELD


def _details_line(text: str) -> bool:
    """A card's last line, its e-mail and phone joined onto the field above them ("Ansat i Boligselskabet X
    jmt@x.dk · +45 51 87 32 14"): longer than one field, no sentence."""
    return len(text) <= 2 * _MAX_FIELD and "@" in text and EMAIL.search(text) is not None and ". " not in text


def _with_field_lines(plain: list[str], i: int, seen: set[int]) -> str:
    """A labelled line and the form fields on the lines right after it ("Telefon: ...")."""
    parts = [plain[i]]
    k = i + 1
    while k < len(plain) and k not in seen and plain[k] and FIELD_KEY.match(plain[k]) \
            and not _NAME_KEY.match(plain[k]) and len(parts) < 4:
        parts.append(plain[k])
        k += 1
    return ", ".join(parts)


# a note under a person's row naming their employer: "(Hatice er ansat i Center for Børn og Familie, Holbæk Kommune)"
_EMPLOYED_NOTE = re.compile(r"^\(\s*([A-ZÆØÅ][\wæøå-]+)\s+er\s+ansat\s+(?:i|hos|ved)\s+([A-ZÆØÅ][^()]{2,80}?)\s*\.?\)\s*\.?$")


def _heading_above(plain: list[str], i: int) -> str | None:
    """The organisation a record sits under: the nearest short line above that is no field,
    label, sentence or record of its own."""
    for j in range(i - 1, max(i - 3, -1), -1):
        above = plain[j]
        if not above:
            continue
        if ":" in above and not FIELD_KEY.search(above):  # "Samarbejdspartnere: Kolding Bibliotek"
            head, _, above = above.rpartition(":")
            if _NO_ORG_FIELD & {column_kind(head.strip(" *"))}:
                return None  # a field that names no organisation: "Indsatsområder: A; B; C" over a contact's field
            above = above.strip() or (head if ":" not in head and org_type_of(head) != "other" else "")
            # ("Vordingborg Kommune:" over its people: the organisation, not a label)
        if above and len(above) < 120 and above[0].isupper() and ":" not in above and "@" not in above \
                and not PHONE.search(above) and not above.endswith(".") and not find_people(above, strict=True):
            if KIND.get(above.casefold().strip(" :>#*")) is not None:
                return None  # a heading that names a column's kind: "KONTAKT", "Kontaktpersoner"
            return None if _PHRASE.match(above) and org_type_of(above) == "other" else above  # (not a page's
            # heading in words: "Mød medarbejderne", "Kontakt os")
        if above and (run := _NEXT_HEADING.search(above)):  # the record above ran on into this one's heading
            return run.group("org")
        return None
    return None


_NO_ORG_FIELD = frozenset({"focus_area", "target", "activity", "description", "money", "department", "units", "district",
                           "zone", "number", "residents", "built"})


# a heading in words, its second word in lower case ("Mød medarbejderne", "Kontakt os", "Her finder du os"), not
# a name of words in capitals ("Boligselskabet Sydbo", "Fællesbo")
_PHRASE = re.compile(r"^[A-ZÆØÅ][a-zæøå]+\s+(?!og\b|for\b|i\b|af\b|på\b)[a-zæøå]")


# "... uu-vejleder Odense Kommune, By- og Kulturforvaltningen Vollsmose Bibliotek": after a
# person's title in lower case, the next entry's municipality and unit (a party list's lines run together)
_NEXT_HEADING = re.compile(r"(?<=[a-zæøå])\s+(?P<org>[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?s?\s(?:[Kk]ommune|KOMMUNE)"
                           r",\s[^:@,]{3,90})$")


def _unit_before_details(text: str, p) -> str | None:
    """An organisation written between a name and its e-mail or phone without a comma
    ("Projektleder Mette Vang Boligselskabet Faxe mv@...": a record whose lines were joined)."""
    detail = p.email or p.phone
    end = text.find(p.email) if p.email else (m.start() if (m := PHONE.search(text, p.end)) else -1)
    if not detail or end <= p.end:
        return None
    between = _DETAIL_KEY.split(text[p.end:end], 1)[0].strip(" ,;–-")
    if p.title and between.startswith(p.title):
        between = between[len(p.title):].strip(" ,;–-")
    if not between or len(between.split()) > 6 or not between[:1].isupper() or org_type_of(between) == "other":
        return None
    return contact_unit(between)


_DETAIL_KEY = re.compile(r"[,;]?\s*\b(?:[Ee]-?mail|[Mm]ail|[Tt]lf|[Tt]elefon|[Mm]obil)\b")


def _group_heading(plain: list[str], i: int, groups: dict[int, str]) -> str | None:
    """The heading of a group of people ("Sorø Kommune, Børn og Unge" over "Lise Hald, leder,
    lh@..." and "Mads Berg, ..."): the first line above the group's other people and
    their details that is shaped like a heading (see :func:`_heading_above`), or the heading
    the nearest of them sat under in a line of entries run together."""
    for j in range(i - 1, max(i - _GROUP_REACH, -1), -1):
        above = plain[j]
        if j in groups:
            return groups[j]
        if not above or "@" in above or FIELD_KEY.match(above) or PHONE.search(above) or _person_line(above):
            continue  # a blank, another person of the group or their details
        return contact_unit(_heading_above(plain, j + 1))
    return None


def _person_line(text: str) -> bool:
    """'Birgit Sand, teamleder': a line that opens with a person's name (a cheap test: no
    search for names through the line)."""
    words = text.split(",", 1)[0].split()
    return 2 <= len(words) <= 4 and is_first_name(words[0].lstrip("-•*# ")) and looks_like_name(" ".join(words))


_GROUP_REACH = 16  # lines: a group of five or six people written two or three lines each


def _record_people(text: str, line: int, heading: str | None, labelled: bool = False) -> list[ContactMention]:
    """The people of one record (with a label every name counts, else a name needs a title or
    a known first name); the unit is the record's own, else the heading it sits under."""
    body = KONTAKT.sub("", text) if labelled else text
    body = _NEXT_HEADING.sub("", body) if labelled else body  # (the next entry's heading, run on)
    label = KONTAKT.match(text) if labelled else None
    out = []
    responsible = label is not None and label.group(0).lstrip(" -•*").lower().startswith("ansvarlig")
    people = _title_units_dropped(body, find_people(body, strict=not labelled))
    for p in people:
        if responsible and not (p.email or p.phone or p.title) and not _any_first_name(p.name.split()[0]):
            continue  # "Ansvarlig: X med lokale virksomheder, fx Terndrup Trælast ApS": who is responsible may be
            # an organisation; a name without a first name, title or details is none of its people
        unit = unit_then_title(body, p) or (unit_after_name(body, p) if person_first(body, p) else unit_before_name(body, p))
        if unit and is_title_word(unit.split()[0].strip(",")) and org_type_of(unit) == "other":
            unit = None  # a card's title line over the name ("Medarbejder, beskæftigelse"): no unit
        if (employer := _EMPLOYED.search(unit or "") or (_EMPLOYED.search(body) if len(people) == 1 else None)):
            unit = employer.group(1)  # "Dyssegård Dialog, Ansat i Dyssebo": the employer (also on a card's line of
            # its own under the title's unit, the project: "Boligsocial leder, X" / "Ansat i Boligselskabet Y")
        unit = contact_unit(unit) or contact_unit(label.group("org") if label else None) \
            or _unit_before_details(body, p)  # "Kontaktperson for Lejerbo: Name"; "Name Org e-mail"
        out.append(ContactMention(p, unit or contact_unit(heading), line, None))
    return out


_EMPLOYED = re.compile(r"\b(?i:ansat)\s+(?:i|hos|ved|af)\s+([A-ZÆØÅ][\wæøåÆØÅ&.'-]*(?:\s+[A-ZÆØÅ][\wæøåÆØÅ&.'-]*){0,4})")


def _title_units_dropped(body: str, people: list) -> list:
    """People of a card with the unit after a person's title read as no person of its own: "Amalie Frost
    Kjærulff Boligsocial leder, Dyssegård Dialog Ansat i Dyssebo Tlf. ..." holds one person (the unit's
    first word no first name); their details go to the person before it."""
    from samspil.loaders.gazetteer import is_first_name

    out: list = []
    for p in people:
        if out and (before := out[-1]) and not is_first_name(p.name.split()[0]) \
                and (between := body[before.end:p.start].strip(" ,")) and _has_title(between) \
                and len(between.split()) <= 4 and "," in body[before.end:p.start]:
            before.email = before.email or p.email
            before.phone = before.phone or p.phone
            continue
        out.append(p)
    return out


def _card_unit(text: str) -> str | None:
    """A line of a contact card naming the person's unit alone ("Boligselskabet Strandlyst",
    "Solrød Kommune, Børne- og Familierådgivningen", "Kystskolen"): short, capitalised, no
    details, no sentence, and shaped as an organisation (a cue word in it)."""
    text = text.strip(" •*-–")
    if not text or len(text) > _MAX_FIELD or not text[:1].isupper() or text.endswith((".", ":")) \
            or "@" in text or any(c.isdigit() for c in text) or _has_title(text):
        return None
    return text if org_type_of(text) != "other" else None
