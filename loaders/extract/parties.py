"""Parse party lists and signature blocks into organisation and contact mentions.

Three entry shapes occur in LBF agreements (all handled per line):

* an organisation line followed by ``Kontaktperson: ...`` lines;
* ``Organisation, Unit, Person, e-mail, phone`` on one line (several per line);
* ``Organisation (PARENT) v. Title Person, e-mail``.
"""
from __future__ import annotations

import re

from samspil.loaders.digits import has_digit
from samspil.loaders.document import Document
from samspil.loaders.extract.entry_orgs import ContactMention, OrgMention, org_mentions, org_mentions_one
from samspil.loaders.extract.org_lists import ALNUM, party_run, section_words, split_org_text
from samspil.loaders.extract.people import find_people, is_title_word
from samspil.loaders.extract.prose_parties import prose_party_entries
from samspil.loaders.extract.prose_roles import titled_brackets
from samspil.loaders.extract.person_units import (ADDRESS, KONTAKT, addressed_entries, is_address, details_end, person_first, person_first_run,
                                                  unit_after_name, unit_before_name)
from samspil.loaders.extract.contact_tables import block_without_tables, person_tables
from samspil.loaders.extract.flat_tables import flat_table_lines
from samspil.loaders.extract.form_records import form_records, join_form_lines, opens_form
from samspil.loaders.extract.sections import (PARTY_LABEL, SIGNATURE_LABEL, Block, drop_header_words, focus_area_at, party_blocks,
                                              plain_lines, signature_blocks)
from samspil.loaders.extract.text import EMAIL, PHONE, clean, details_only

__all__ = ["OrgMention", "ContactMention", "parse_parties", "split_org_text"]

_SIGNED_FOR = re.compile(r"^(?:for|på vegne af)\s+(?=[A-ZÆØÅ0-9])", re.I)
_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
# a page's footer under the signatures: "Side 1 af 1 - Helhedsplan Fensmark 2013-2016 - version 3"
_PAGE_FOOTER = re.compile(r"(?:[Ss]ide|SIDE|Page)\s+\d{1,3}\s*(?:af|/|of)\s*\d{1,3}\b")
# (the word run is possessive: splitting a word across repetitions can reach no other end, and
# backtracking into it cost ~30 µs a line)
_PLACE_DATE = re.compile(rf"^(?:[A-ZÆØÅ][\wæøå./-]*+\s?){{1,3}},?\s+(?:den\s+)?(?:\d{{1,2}}\.?\s*(?:{_MONTHS})"
                         rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}})\b.{{0,12}}$", re.I)


# "Kontakt: Vejle Frivilligcenter – Ida Holm, leder": the unit, a dash, the person
_DASH_BEFORE = re.compile(r"^[^,–]*:\s*[A-ZÆØÅ][^,–:]{2,80}\s[–-]\s*$")


_ENTRY_COUNTER = re.compile(r"^\d{1,2}[.)]\s+(?=[A-ZÆØÅ])")
_FIRST_COUNTER = re.compile(r"^(?:\d{1,2}[.)]|[a-h]\))\s+(?=[A-ZÆØÅ])")  # the first entry's after its label
_LIST_LEAD = re.compile(r"\bmellem\s+(?:følgende|de\s+følgende|nedenstående)\b")  # (a list's lead-in, its entries below)
_SENTENCE_TAIL = re.compile(r"(?:,\s+(?:som|der)\s|(?<=[a-zæøå)])\.(?:\s|$)).*$")  # ", som tilsammen ...", ". BSG er ..."
# the parties as the subject of a sentence that enters the agreement: its verb and the rest cut off
_ENTER_TAIL = re.compile(r"(?<=[\wæøå)])\s+(?:indgår|indgik|underskriver|tiltræder)\s+(?:hermed\s+)?(?:denne|den|"
                         r"følgende|nærværende|en|hermed)\b.*$")
_CLAUSE = re.compile(r"^Stk\.\s*\d{1,2}\.?\s+")  # a legal clause's paragraph counter
_BETWEEN = re.compile(r"^(?:Aftalen|Samarbejdsaftalen|Delaftalen|Partnerskabet)\s+(?:indgås|er\s+indgået)\s+mellem\s+")


def _line_entries(doc: Document, block: Block, role: str):
    orgs: list[OrgMention] = []
    contacts: list[ContactMention] = []
    current: str | None = None
    lone: ContactMention | None = None  # a contact whose line held its name only
    items = join_form_lines(_block_texts(doc, block, role))
    idx = [i for i, _ in items]
    skip = set()
    in_clause = False  # (the entry before was a clause's paragraph: a line opening with a bracket is its rest)
    for n, (i, raw) in enumerate(items):
        if n in skip:
            continue
        text = _ENTRY_COUNTER.sub("", clean(raw))  # "1. Boligforeningen Hedelyng;"
        if " ind" in text or " under" in text or " tiltr" in text:
            text = _ENTER_TAIL.sub("", text)  # "X Kommune og Boligselskabet Y indgår denne aftale.": the parties
        if text[:4] == "Stk.":  # a clause's paragraph ("Stk. 1. Aftalen indgås mellem A og B"): the parties the
            text, in_clause = _BETWEEN.sub("", _CLAUSE.sub("", text)), True  # sentence names, as a list
        elif _BETWEEN.match(text) and not raw.rstrip().endswith((".", ":")) and not _LIST_LEAD.search(text):
            # the sentence wrapped onto the lines
            k = n  # below it ("Aftalen indgås mellem X og boligorganisationerne A" over "B (herefter AB) og ..."):
            while k + 1 < len(items) and items[k + 1][0] == items[k][0] + 1 and not clean(items[k][1]).endswith("."):
                k += 1  # the paragraph's lines, up to its first sentence's end, read as one list
                skip.add(k)
                text = f"{text} {clean(items[k][1])}"
            text = _SENTENCE_TAIL.sub("", _BETWEEN.sub("", text))
        elif text[:1] == "(" and in_clause:
            continue  # its wrapped rest ("(i det følgende benævnt BFR). Aftalen er ...", "(LBF) skabelon ..."): no entry
        else:
            in_clause = False
        was_cut = False
        if i == block.label_line and (label := PARTY_LABEL.match(text) or SIGNATURE_LABEL.match(text)):
            text = _FIRST_COUNTER.sub("", (label.group(1) or "").strip())  # "Aftalens parter Kolding Kommune ALFABO":
            # the entries only (without the first one's letter: "Aftalens parter a) X")
            text = _LEAD_IN.sub("", text)  # "Aftalen er indgået mellem følgende parter: X, Y" (breaks lost)
            if not opens_form(text):  # (a form's keys are no end of the list: "Navn: X Titel: Y Organisation: Z")
                text, whole = party_run(text, light=True), len(text)  # (and not the section run onto them:
                was_cut = whole - len(text) > _RUNNING_TEXT  # "... Indledning X ..."; its text read as running text)
        if "eriode" in text and (m := _PERIOD_FIELD.search(text)):
            text = text[:m.start()]  # "Vejle Kommune Helhedsplanens periode: 1. januar 2024 - ..." (breaks lost)
        if text.count(" | ") >= 3 and (cells := _table_run_orgs(text)):
            text = cells  # "Part | Navn | Titel A (HAB) | Per Lund | Direktør B | ...": a pipe table's rows run together
        text = _SIGNED_FOR.sub("", drop_header_words(text))  # "For Aarhus Kommune" under a signature line
        text = _DATE_FIELD_END.sub("", _DATE_LABEL.sub("", text))  # "Dato/Sted: Vejle, 1. marts 2024";
        # "Nyborg Kommune, Dato: ____" (the signature's date field after the party)
        if (has_digit(text) and (_PLACE_DATE.match(text) or _PAGE_FOOTER.match(text))) or not ALNUM.search(text):
            continue  # "Aarhus, den 1. marts 2023": where and when it was signed; "_____": where
        # a contact line whose e-mail or phone wrapped onto the next line
        if n + 1 < len(idx) and (text.endswith((":", "/", "-")) or KONTAKT.match(text) and "@" not in text) \
                and re.match(r"^\W*(?:[\w.+-]+@|\+?\d|tlf|mail|e-mail)", clean(items[n + 1][1]), re.I):
            text = text + " " + clean(items[n + 1][1])
            skip.add(n + 1)
        if contacts and contacts[-1].line >= i - 3 and (details := details_only(text)) is not None:
            person = contacts[-1].person  # "Line Kastrup, teamleder" over "E-mail: ..." and "Telefon: ..."
            person.email = person.email or details[0]
            person.phone = person.phone or details[1]
            continue
        if opens_form(text) and (records := form_records(text)):
            for p, unit in records:  # "Navn: Ida Holm Titel: Leder Organisation: Lejerbo Mail: ..."
                orgs.extend(org_mentions(unit, i, role, block.delaftale) if unit else [])
                contacts.append(ContactMention(p, unit or current, i, block.delaftale))
            continue
        if "(" in text and len(titled := titled_brackets(text)) >= 2:  # "Underskrevet af Lars Holm (direktør, X),
            for _, p, unit in titled:  # Anne Dahl (formand, Y) og ...": each person of the bracket's organisation
                orgs.extend(org_mentions(unit, i, role, block.delaftale))
                contacts.append(ContactMention(p, unit, i, block.delaftale))
            continue
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
            role = "partner" if role == "party" and not people else role  # (see below)
            continue
        if not people:
            if is_address(text) and (entries := addressed_entries(text)) is not None:
                text = "; ".join(entries[0])  # "Nordfyns Kommune, Rådhuspladsen 2, 5400 Bogense": the party, its
                # address dropped (and each party of such a list run onto one line, the text after them dropped)
            elif is_address(text) or text.rstrip(" :") in section_words():
                # "Torvegade 12, 7100 Vejle": no organisation; "Kontaktpersoner": the units listed
                # under the parties' contacts heading are no parties of their own
                role = "partner" if role == "party" and text.startswith("Kontakt") else role
                continue
            if raw.rstrip(" *").endswith(":") and not _DATE_FIELD_END.search(raw) \
                    and (len(text) > 25 or any(w[:1].islower() for w in text.split()[1:])):
                continue  # a category heading ("Gældsrådgivning/ økonomiske rådgivninger:"),
                # or a label ("Underskrevet af:")
            if role != "signatory":  # ("... Aftaleperiode: 2024-2027"; a list run together)
                text, whole = party_run(text, run_on=i == block.label_line or len(text) > _ENTRY_CHARS), len(text)
                was_cut = was_cut or whole - len(text) > _RUNNING_TEXT
            # "Sydbo, Vejle (afd. 15) AAB Vejle (afd. 9)": two entries, a line's break lost after the bracket
            found = [o for piece in _AFTER_BRACKET.split(text.rstrip(":"))
                     for o in org_mentions(piece, i, role, block.delaftale)]
            for o in found if was_cut else []:
                o.in_text = True  # (the rest of the line is read as running text)
            orgs.extend(found)
            if found and lone is not None and _title_led(text):
                _attach_below(lone, text, found[0].name)  # "Ida Holm" over "Direktør, Lejerbo Vejle"
            elif found:
                current = found[0].name if len(found) == 1 or found[-1].role == "administrator" else found[-1].name
            lone = None
            continue
        if (run := person_first_run(text, people)) is not None:
            for p, unit in run:  # "Peter Lund, Planlægger, Teknik og Miljø Anne Holm, Afdelingsleder, ..."
                if unit:
                    orgs.append(OrgMention(unit, i, [], None, role, block.delaftale))
                contacts.append(ContactMention(p, unit or current, i, block.delaftale))
            continue
        pos = 0
        for n, p in enumerate(people):
            lead = text[pos:p.start].strip(" ,;")
            stop = _entry_start(text, people[n + 1]) if n + 1 < len(people) else len(text)
            if (not lead or _title_before(lead) == lead) and (unit := unit_after_name(text[pos:stop], p)):
                # person first: "Peter Lund, Planlægger, Teknik, Plan og Miljø, pl@x.dk", also after
                # the title ("Adm. direktør Torben Lund, Lejerbo Skive", one entry a line or run together)
                p.title = lead or p.title
                orgs.append(OrgMention(unit, i, [], None, role, block.delaftale))
                contacts.append(ContactMention(p, unit, i, block.delaftale))
                pos = max(p.end, details_end(text, p), stop if lead and stop < len(text) else 0)
                continue
            before = text[pos:p.start]
            before = re.sub(r"^[\s,;]*(?:og|samt)\s+", "", EMAIL.sub("", PHONE.sub("", before))).strip(" ,;")
            before = ADDRESS.sub("", before).strip(" ,;") if is_address(before) else before  # (its address)
            if (k := _CONTACT_LABEL.search(before)) and k.start() > 0:  # "X; Y. Kontakt: Y – Ida Holm"
                orgs.extend(org_mentions(before[:k.start()], i, role, block.delaftale))
                before = before[k.end():].strip(" –-")
            org_text = re.split(r"\s+v[./]\s*", before)[0]
            if _NAME_COLON.search(org_text):  # "Vejle Kommune: Ida Holm, borgmester Lejerbo: Ole Berg, direktør"
                org_text = _labelled_org(org_text, text, p)
            elif p.title and ": " in p.title and org_text.strip() == p.title.strip() \
                    and "(" not in p.title.partition(": ")[0]:
                # "For Boligselskabet Sydbo: Direktør Peter Hjorth": the organisation, then the title
                org_text, _, title = p.title.partition(": ")
                p.title = title.strip() or None
            elif p.title and org_text.endswith(p.title) and (org_text.strip() != p.title.strip()
                                                             or all(map(is_title_word, p.title.split()))):
                org_text = org_text[: -len(p.title)]  # "KVUC, Uddannelsesleder" -> "KVUC"; "Rådmand" -> ""
            found = org_mentions(org_text, i, role, block.delaftale) if org_text.strip() else []
            orgs.extend(found)
            if found:
                current = _entry_org(found, org_text)
            contacts.append(ContactMention(p, current, i, block.delaftale))
            pos = max(p.end, details_end(text, p))
        lone = contacts[-1] if len(people) == 1 and text.strip(" ,;") == people[0].name else None
    return orgs, contacts


def _table_run_orgs(text: str) -> str | None:
    """The organisations of a pipe table whose rows ran together: each cell with the column
    head or title that ran onto it dropped ("Titel Horsens Almene Boligselskab (HAB)",
    "Direktør FOB Horsens"), the cells that name an organisation joined as a list."""
    from samspil.loaders.extract.org_lists import org_type_of, section_words

    out = []
    for cell in text.split("|"):
        words = cell.split()
        while len(words) > 1 and (is_title_word(words[0]) or words[0] in section_words()
                                  or words[0].lower() in _TABLE_HEADS):
            words.pop(0)
        name = " ".join(words).strip(" ,;")
        if name and org_type_of(name) != "other":
            out.append(name)
    return "; ".join(out) if len(out) >= 2 else None


_TABLE_HEADS = frozenset("part parter navn titel organisation repræsentant underskrift stilling".split())
_LEAD_IN = re.compile(r"^[A-ZÆØÅ][^:]{0,80}?\b(?:indgået|indgås|underskrevet)\b[^:]{0,40}:\s*")
_PERIOD_FIELD = re.compile(r"(?:^|\s)(?:[A-ZÆØÅ][\wæøå]*s\s+)?[\wæøå]*[Pp]eriode\s*:"
                           r"|\s(?:Aftalens|Helhedsplanens|Samarbejdsaftalens|Delaftalens|Indsatsens)\s+periode\b")
# (a bracket with a number in it, "(afd. 15, 620 boliger)": not an abbreviation, "Jobcenter (BIF) Center for ...")
_AFTER_BRACKET = re.compile(r"(?<=\d\))\s+(?=[A-ZÆØÅ])|(?<=[a-zæøå]\))\s+(?=[A-ZÆØÅ])")
# "Dato/Sted:", "Sted og dato:", "Dato:" before where and when it was signed
_DATE_FIELD_END = re.compile(r"[,;]?\s+(?:dato|sted|underskrift)(?:\s*(?:/|og|,)\s*(?:dato|sted))?\s*:?[\s_.]*"
                             r"(?:\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}|\d{1,2}\.\s*[a-zæøå]+\s+\d{4})?[\s_.]*$", re.I)
# (filled in too: "For SK: Kommunaldirektør X      Dato: 14.12.2020")
_DATE_LABEL = re.compile(r"^(?:dato|sted)(?:\s*(?:/|og|,)\s*(?:dato|sted))?\s*:\s*", re.I)


_RUNNING_TEXT = 150  # a party list's line run onto this much more text: the text is read for names too
_ENTRY_CHARS = 100  # a longer line in a party list holds several entries (its line breaks lost)
_CONTACT_LABEL = re.compile(r"(?<=[.;])\s+[Kk]ontakt(?:person(?:er)?)?\s*:\s*")
_NAME_COLON = re.compile(r"(?:^|\s)[A-ZÆØÅ0-9][^\s(:]*:$")  # (not "Unit (kontakt:")
_TITLE_AFTER = re.compile(r",\s*([a-zæøå][\wæøå-]*(?:\s+[a-zæøå][\wæøå-]*){0,3})(?=\s+[A-ZÆØÅ]|\s*$|\s*,)")


def _labelled_org(org_text: str, text: str, p) -> str:
    """The organisation a signature names before a colon ("... borgmester Lejerbo:" -> "Lejerbo",
    the previous entry's title dropped); the person's title is the one after their name."""
    words = org_text.rstrip(" :").split()
    while words and (words[0][:1].islower() or is_title_word(words[0])):
        words.pop(0)
    after = _TITLE_AFTER.match(text, p.end)
    if after or (p.title and p.title.split()[0] not in text[p.end:]):
        p.title = after.group(1) if after else None
    return " ".join(words)


def _title_before(text: str) -> str:
    """The title that ends ``text`` ("Lejerbo Skive Adm. direktør" -> "Adm. direktør"): its
    title words and an abbreviation before them ("Adm.", "Kst.", "Fg.")."""
    words = text.split()
    k = len(words)
    while k and is_title_word(words[k - 1]):
        k -= 1
    if k < len(words) and k and words[k - 1].endswith(".") and 2 <= len(words[k - 1]) <= 6 and words[k - 1][0].isupper():
        k -= 1
    return " ".join(words[k:]) if k < len(words) else ""


def _entry_start(text: str, p) -> int:
    """Where the entry of person ``p`` starts: at the title written before the name
    ("... Lejerbo Skive Adm. direktør Torben Lund, ...", a person-first list run together)."""
    head = text[:p.start].rstrip()
    title = _title_before(head[-60:]) if head[-1:].isalpha() else ""
    return len(head) - len(title) if title and head.endswith(title) else p.start


def _title_led(text: str) -> bool:
    """A line opening with a title before its organisation ("Borgmester, Vejle Kommune")."""
    first = text.split(",")[0].split()
    return bool(first) and is_title_word(first[0]) and "," in text


def _attach_below(contact: ContactMention, text: str, organisation: str) -> None:
    """A signature's name alone on its line takes the title and organisation written under it."""
    contact.organisation = organisation
    if not contact.person.title:
        contact.person.title = text.split(",")[0].strip()


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
        if len(run) > 1 and not _rows_are_entries(run):
            items += [(lines[k], ", ".join(c for row in run if (c := row[j].strip()) and not _CELL_PLACE_DATE.match(c)))
                      for j in range(len(cells))]  # (a column's place and date, "Kgs. Lyngby, den 12. marts 2025": no field)
        elif len(run) > 1:  # "BFH<TAB>Formand Jytte Lambrecht" / "KAS<TAB>Adm. direktør ...": a row a party
            items += [(lines[k + r], _cells_as_fields(doc.lines[lines[k + r]])) for r in range(len(run))]
        else:
            items.append((lines[k], _cells_as_fields(doc.lines[lines[k]])))
        k += len(run)
    if role == "signatory":  # "For Vejle Kommune: Ida Holm For Lejerbo: Ole Berg" (line breaks lost)
        items = [(i, part) for i, text in items for part in _SIGNED_FOR_RUN.split(text)]
    return [(i, _unfilled(text)) for i, text in items]


# a signature's place and date ("Kgs. Lyngby, den 12. marts 2025", "Brøndby, 12.12.2025"), or its line to sign on
_CELL_PLACE_DATE = re.compile(r"^(?:[A-ZÆØÅ][\wæøå./-]*(?:\s+[A-ZÆØÅ][\wæøå./-]*){0,2},?\s+(?:den\s+)?\d{1,2}\.\s*(?:\d{1,2}\.\s*\d{2,4}"
                         r"|[a-zæø]+\s+\d{4})|_{3,})\s*$")


def _rows_are_entries(run: list[list[str]]) -> bool:
    """Do the rows of a signature table hold one party each (a person in every row's later cells,
    none in its first), not one column a party ("For Civica<TAB>For FAB" over the signers)?"""
    return all(not find_people(row[0], strict=True) and any(find_people(c, strict=True) for c in row[1:])
               for row in run)


_SIGNED_FOR_RUN = re.compile(r"(?<=\S)\s+(?=(?:For|FOR|På vegne af|PÅ VEGNE AF)\s+[A-ZÆØÅ0-9])")


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
    line, entries, whole_agreement, kinds = found
    role = "party" if whole_agreement else "partner" if _OWN_SUB_SENTENCE.search(doc.lines[line]) else role
    refs = [OrgMention("", line, role=role, refers=kind) for kind in kinds]
    found = [o for e in entries for o in org_mentions_one(e, line, role, None)]
    for o in found:
        o.in_text = True
    return found + refs


# "Delaftalen indgås mellem A og B": a delaftale's own partners, no parties (SCHEMA)
_OWN_SUB_SENTENCE = re.compile(r"\b[Dd]elaftalen\s+(?:er\s+)?(?:indg|et\s+samarbejde|aftalt|underskrevet|udarbejdet)")
_SUB_LABEL = re.compile(r"^\W*(?:delaftalens|parter(?:ne)?\s+i\s+delaftalen)", re.I)


def _table_entries(doc: Document, strategic: bool) -> tuple[list[OrgMention], list[ContactMention]]:
    """The organisations and people of the tables of people (see :mod:`contact_tables`): a
    party table of a strategic agreement lists its parties, any other table partners."""
    orgs: list[OrgMention] = []
    contacts: list[ContactMention] = []
    in_tables = {i for t in person_tables(doc) for i in t.lines}
    names = doc.memo("has:Navn", lambda: "Navn" in doc.text)  # (one search, not one a line)
    for line, tables in flat_table_lines(doc.lines, in_tables, names):  # a table whose line breaks were lost
        for party, rows in tables:
            area = focus_area_at(doc, line)
            role = "party" if party and strategic and area is None else "partner"
            for org, person in rows:
                orgs += org_mentions_one(org, line, role, area) if org else []
                contacts += [ContactMention(person, org, line, area)] if person else []
    for table in person_tables(doc):
        area = focus_area_at(doc, table.head_line)
        role = "party" if table.party and strategic and not table.sub and area is None else "partner"
        for line, org, person in table.rows:
            if org:  # a cell is one entry: "Randers Kommune, Sundhed og Ældre" is the municipality's unit
                orgs += org_mentions_one(org, line, role, area)
            if person:
                contacts.append(ContactMention(person, org, line, area))
    return orgs, contacts


def _entry_org(found: list[OrgMention], org_text: str) -> str:
    """The organisation a person written after ``org_text`` belongs to: the last one named,
    but of a pair in the last entry ("..., Værestedet Amadeus og Pegasus, Jørgen Hansen") the
    first (the contact of both; the first is the one the entry leads with)."""
    last = org_text.rsplit(",", 1)[-1]
    if " og " in last or " & " in last or " samt " in last:
        pair = [o for o in found if o.name.split()[-1] in last]  # ("Værestedet Pegasus": the head shared)
        if len(pair) >= 2:
            return pair[0].name
    return found[-1].name


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
        if strategic and block.delaftale is None:  # who signs the strategic agreement is its party
            for m in o:
                m.role = "party" if m.role == "signatory" else m.role
        orgs += o
        contacts += c
    if not any(o.role == "party" for o in orgs):
        orgs += _prose_parties(doc, "party" if strategic or not orgs else "partner")
    return orgs, contacts
