"""A contact's unit in a person-first entry ("Peter Lund, Planlægger, Teknik og Miljø,
pl@..."; "Mette Bruun (Brabrand Boligforening), mb@..."), and where an entry's
details end. Used by the party-list parser and the loose-contact finder."""
from __future__ import annotations

import re

from samspil.loaders.extract.people import FIELD_KEY, Person, find_people, is_title_word
from samspil.loaders.extract.org_lists import municipality_written_out, org_type_of, section_words
from samspil.loaders.extract.unit_topics import join_topic_series
from samspil.loaders.extract.text import EMAIL, PHONE

__all__ = ["ADDRESS", "address_lead", "addressed_entries", "is_address", "KONTAKT", "contact_unit", "details_end", "unit_before_name", "person_first", "person_first_run", "unit_after_name", "unit_after_title", "unit_then_title"]

# "Kontaktperson:" and the labels other templates use for the same field (with a colon);
# "Kontaktperson i Aalborg Kommune:" is the same label
KONTAKT = re.compile(r"^\W*(?:konta(?:kt|k|tk)\s*person(?:er|\(er\))?\b(?:\s+(?:i|hos|fra|ved|for)\s+(?P<org>[A-ZÆØÅ][^:,@]{1,50}):)?\s*:?|(?:kontakt(?:oplysninger)?|tovholdere?"
                     r"|projekt(?:leder|koordinator|ansvarlig)e?"
                     r"|ansvarlige?(?:\s+for\s+aktiviteten)?)\s*:)\s*", re.I)


def person_first_run(text: str, people: list[Person]) -> list[tuple[Person, str | None]] | None:
    """Several person-first entries run together on one line (a flattened party list:
    "Peter Lund, Planlægger, Teknik og Miljø Anne Holm, Afdelingsleder, Sundhedshuset
    Randers, ah@..."): each entry runs from its name to the next name, its title and unit
    after the name (find_people read a title before each name: in this order it is the
    previous entry's)."""
    if len(people) < 2 or text[:people[0].start].strip(" ,;") or not all(
            text[q.end:q.end + 2].startswith(",") for q in people):
        return None
    out = []
    for k, p in enumerate(people):
        end = people[k + 1].start if k + 1 < len(people) else len(text)
        p.title = None
        out.append((p, unit_after_name(text[p.start:end], p)))
    return out


def unit_after_title(p: Person) -> str | None:
    """In a person-first entry the words after the title name the person's unit, commas
    and all ("Planlægger, Teknik, Plan og Miljø" -> "Teknik, Plan og Miljø"); the
    person's title keeps only the title."""
    if not p.title or "," not in p.title:
        return None
    title, *rest = join_topic_series([part.strip(" ,;") for part in p.title.split(",")])
    if not rest:
        return None  # "direktør for Børn, Kultur og Sundhed": a title naming its area
    unit = ", ".join(rest)
    if not title or not is_title_word(title.split()[0]) or not unit[:1].isupper() or EMAIL.search(unit):
        return None
    p.title = title
    return unit


_SENTENCE_END = re.compile(r"(?<=[a-zæøå0-9)])[.!?]\s+(?=[A-ZÆØÅ])")
_PAREN_UNIT = re.compile(r"\s*\(([A-ZÆØÅ][^()]{1,100})\)")


_DETAIL_START = re.compile(r"[:;(/]|\b(?:tlf|telefon|mobil|e-?mail|mail)\b", re.I)


def person_first(text: str, p: Person) -> bool:
    """Does the entry open with the person (after its label, and a title at most:
    "Kontaktperson: Lise Bang, ...", "Sekretariatsleder Mette Bruun (...)")?"""
    before = _SENTENCE_END.split(text[:p.start])[-1]  # "... om året. Projektleder Lene Falk, ..."
    before = KONTAKT.sub("", _OWNERS_LABEL.sub("", before)).strip(" ,;")  # ("Kommunens kontaktperson: X, ...")
    return all(is_title_word(w) for w in before.split())


_OWNERS_LABEL = re.compile(r"^\W*[A-ZÆØÅ][\wæøå-]*s\s+kontaktperson(?:er)?\s*:\s*")


def _unit_named(clause: str) -> bool:
    """A clause that opens with a title's word but names a unit: "Social og Sundhed" (an administration's
    topics, capitalised on both sides of "og")."""
    words = clause.split()
    return len(words) == 3 and words[1] in ("og", "&") and words[2][:1].isupper() and org_type_of(clause) == "municipal_unit"


def unit_after_name(text: str, p: Person) -> str | None:
    """The unit in a person-first entry: after the title ("Peter Lund, Planlægger, Teknik, Plan
    og Miljø, pl@x.dk"), or right after the name when the title stood before it or nowhere
    ("Projektleder: Hanne Sørensen, Civica, hs@civica.dk"). The title keeps only the title.

    >>> text = "Projektleder: Hanne Sørensen, Civica, hs@civica.dk, tlf. 63 11 22 33"
    >>> unit_after_name(text, find_people(text)[0])
    'Civica'
    >>> text = "Sekretariatsleder Mette Bruun (Aarhus Kommune, Sociale Forhold), mb@aarhus.dk"
    >>> unit_after_name(text, find_people(text)[0])
    'Sociale Forhold'
    >>> text = "Kontaktperson: Anne Graah, skoleleder: 51142562 / BN50@kk.dk"
    >>> unit_after_name(text, find_people(text)[0]) is None
    True
    """
    if (unit := unit_after_title(p)) is not None:
        return _most_specific(unit)
    at = text.find(p.name)
    if at < 0:
        return None
    after = text[at + len(p.name):]
    if key := FIELD_KEY.search(after):  # a form ("Navn: X Titel: Y") names no unit after its keys
        after = after[:key.start()]
    if (paren := _PAREN_UNIT.match(after)) and not EMAIL.search(paren.group(1)):
        return _most_specific(paren.group(1).strip())  # "Mette Bruun (Brabrand Boligforening), mb@..."
    stops = [m.start() for m in (EMAIL.search(after), PHONE.search(after), _DETAIL_START.search(after)) if m]
    clauses = [c.strip(" .") for c in after[:min(stops, default=len(after))].split(",")]
    clauses = join_topic_series([c for c in clauses if c])
    if p.title and p.title in after:  # the title was read from these clauses, unit and all
        p.title = next((c for c in clauses if is_title_word(c.split()[0])), None)
    while clauses and is_title_word(clauses[0].split()[0]) and not _unit_named(clauses[0]):
        p.title = p.title or clauses[0]
        clauses.pop(0)
    while len(clauses) > 1 and is_title_word(clauses[-1].split()[0]) and not _unit_named(clauses[-1]):  # a table's Titel column after the unit
        p.title = p.title or clauses[-1]
        clauses.pop()
    unit = ", ".join(clauses)
    if not unit[:1].isupper() or len(unit) > 100 or find_people(unit, strict=True):
        return None  # another person's name, not a unit
    return _most_specific(unit)


def _most_specific(unit: str) -> str:
    """Of a unit written in several clauses, the first that names a kind of organisation
    other than the municipality ("Odense Kommune, Børn- og Ungeforvaltningen" -> the
    forvaltning; "Sundhedsplejen, Odense Kommune" -> Sundhedsplejen; "Aarhus Kommune, Børn
    og Unge" -> Børn og Unge); clauses none of which does stay whole ("Teknik, Plan og Miljø")."""
    clauses = join_topic_series([c.strip() for c in unit.split(",")])
    if len(clauses) < 2:
        return unit
    typed = [(c, org_type_of(c)) for c in clauses]
    unit_of = next((c for c, t in typed if t not in ("other", "municipality")), None)
    others = [c for c, t in typed if t != "municipality"]
    if unit_of is None and len(others) < len(clauses) and others:
        unit_of = ", ".join(others)  # "Aarhus Kommune, Sociale Forhold og Beskæftigelse": the unit
    return unit_of or unit


def unit_before_name(text: str, p: Person) -> str | None:
    """'Jobpunkt Vest, Kenneth Ravn, jobkonsulent'; 'Kontakt: Vejle Frivilligcenter – Ida Holm,
    leder': the unit written before the name (after a label, without the title)."""
    before = FIELD_KEY.sub("", KONTAKT.sub("", text[:p.start])).strip(" ,;–-")
    if p.title and before.endswith(p.title):
        before = before[:-len(p.title)].strip(" ,;–-")
    return before if before[:1].isupper() and len(before) < 90 else None


# "Jobcenter Viborg: teamleder Mette Lund", "Boligselskabet Nord – projektleder Kim Ravn",
# "Børn og Unge, Viborg Kommune: afdelingsleder Sofie Holm": the unit, a colon or a dash, the
# title (title words, or none) and then the name; the unit a run of capitalised words and
# the small words between them, after the previous entry's details or a sentence
_UNIT_THEN_TITLE = re.compile(
    r"(?P<unit>[A-ZÆØÅ][\wæøåÆØÅ.&/'’-]*(?:,?\s+(?:[A-ZÆØÅ0-9][\wæøåÆØÅ.&/'’-]*|og|for|i|af|under|ved|&))*)"
    r"\s*(?::|\s[–—-])\s+(?P<title>[a-zæøåA-ZÆØÅ][^:;–—@(),]{0,50}?)\s*$")


def unit_then_title(text: str, p: Person, before: str | None = None) -> str | None:
    """The unit of an entry written 'Org: title Name' or 'Org – title Name', else None; ``before``: what precedes the
    name when ``text`` is not where ``p`` was found. The person's title keeps only the title."""
    before = (text[:p.start] if before is None else before)[-160:]
    if ":" not in before and "–" not in before and "—" not in before and " - " not in before:
        return None
    m = _UNIT_THEN_TITLE.search(before)
    if m is None:
        return None
    title = (m.group("title") or "").strip()
    if not title or not is_title_word(title.split()[0]):
        return None  # (not a bullet's dash: "Lejerbo - Ida Lund")
    words = m.group("unit").split()
    while words and (KONTAKT.match(words[0] + ":") or words[0].strip(",") in section_words()):
        words.pop(0)  # "Kontaktpersoner Jobcenter Viborg:" (a heading run onto the entry)
    unit = " ".join(words).strip(" ,")
    if not unit or all(is_title_word(w) for w in unit.split()) or FIELD_KEY.search(unit + ":"):
        return None
    if title:
        p.title = title
    return _most_specific(unit) if "," in unit else unit


def details_end(text: str, p: Person) -> int:
    end = p.end
    for value in (p.email, p.phone):
        if value:
            k = text.find(value, p.end)
            if k != -1:
                end = max(end, k + len(value))
    if p.phone and end == p.end:
        m = PHONE.search(text, p.end)
        end = m.end() if m else end
    return end


_LABEL_TAIL = re.compile(r"\s*(?:\(\s*(?:kontakt|tlf|telefon|e-?mail|v\.|v/)|[-–]\s*kontakt|\bkontakt(?:person)?\s*:"
                         r"|\s[Kk]ontaktperson(?:er)?\b|\s[Kk]ontakt(?:oplysninger)?\s*$).*$",
                         re.I)  # "Jobcenter Vejle (kontaktperson: teamleder", "Egeskolen - kontaktperson"
_FORMERLY = re.compile(r"\s*\((?:tidl\.|tidligere|før|fhv\.)[^)]*\)", re.I)  # "Civica (tidl. FAB)"
_TRAILING_PAREN = re.compile(r"\s*\((?:[A-ZÆØÅ0-9][\wæøåÆØÅ&./-]*(?:\s+[\wæøåÆØÅ&./-]+){0,4}|[a-zæøå][^()]*)\)\s*$")
# ("(SDE)", "(forening)", "(Nærpolitiet Aalborg Øst)": an abbreviation, a remark, a parent or a unit in brackets)
_SIGNED_FOR = re.compile(r"^(?:\d{1,3}\s+)?(?:for|på vegne af)\s+(?=[A-ZÆØÅ0-9])", re.I)  # "For Lejerbo"
_NOT_A_UNIT = re.compile(r"[|\t]|\w:\s|\d{1,3}\.\d{3}\b|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d\b"
                         r"|^(?:Kap\.|Kapitel|KAPITEL|Afsnit)\s*\d"  # (a chapter's heading before the person)
                         r"|\s(?:os|jer|dig|vores|jeres)\b"  # (a web page's heading: "Mød os", "Kontakt os")
                         r"|\bden\s+\d{1,2}\.|\b\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d\b")  # (a place and date: "Odder, den 12.02.2024")
_TRAILING_VED = re.compile(r"[\s,]+v[./]?$")
_DASH = re.compile(r"\s+[–-]\s+")


_DASHED_REMARK = re.compile(r"\s+[–—-]\s+(?:ikke|dvs|bl\.a|fx|herunder|tidl|tidligere|se|jf|også)\b.*$")


def contact_unit(text: str | None) -> str | None:
    """A contact's organisation as a name: label text, a former name, a trailing
    abbreviation or remark in brackets and a signature's "For" dropped; of "A – B" the
    unit B when A is written out ("Odder Kommune – Center for Familie" -> the centre; an
    abbreviation in front stays, "KFF – Bibliotek", and B does not replace A when it
    spells A out, "FOB Vejle – Fællesorganisationens Boligforening"); of "X Kommune, Unit"
    the unit. Table text, labels with values, amounts and a running header's period are no unit.

    >>> contact_unit("Egeskolen - kontaktperson"), contact_unit("Jobcenter Vejle (kontakt: leder")
    ('Egeskolen', 'Jobcenter Vejle')
    >>> contact_unit("Odder Kommune – Center for Familie"), contact_unit("Bo Vest (tidl. Vestbo, VB)")
    ('Center for Familie', 'Bo Vest')
    >>> contact_unit("KFF – Bibliotek"), contact_unit("Odder Kommune, Sundhed og Omsorg")
    ('KFF – Bibliotek', 'Sundhed og Omsorg')
    >>> contact_unit("Budget 150.000 150.000") is None, contact_unit("Helhedsplan Vest 2015-2018 9") is None
    (True, True)
    >>> contact_unit("Torvegade 12, 7100 Vejle") is None, contact_unit("Kontaktoplysninger") is None
    (True, True)
    >>> contact_unit("Odense Kommune, By- og Kulturforvaltningen Vollsmose Bibliotek & Kulturhus")
    'Vollsmose Bibliotek & Kulturhus'
    >>> contact_unit("Boligselskabet Roskildefjord, formand")
    'Boligselskabet Roskildefjord'
    """
    if not text:
        return None
    if "\t" in text:  # (the row's next cell: "Stejlhøjskolen<TAB>[Uddannelse og livschancer]")
        text = text.split("\t", 1)[0]
    if text.endswith("]") and (tag := text.rfind("[")) > 0:
        text = text[:tag]  # "Stejlhøjskolen [Uddannelse og livschancer]": a list item's tag after it
    text = _FORMERLY.sub("", _LABEL_TAIL.sub("", " ".join(text.split()))).strip(" ,;:–—-")
    if " – " in text or " - " in text:
        text = _DASHED_REMARK.sub("", text)  # "Amager Almene Boliger (AAB-T) – ikke at forveksle med ...": a remark
    if text.endswith(" K."):  # "Børn og Unge, Næstved K.": the municipality's name cut short
        text = municipality_written_out(text)
    text = _TRAILING_VED.sub("", _SIGNED_FOR.sub("", text))  # "Team Vest, v." before the person
    while (paren := _TRAILING_PAREN.search(text)) and paren.start() > 0:
        text = text[:paren.start()].strip()
    if text.endswith((" er", " var")):  # "Projektleder er" (Karen ...): a title in a sentence
        text = text.rsplit(" ", 1)[0]
    if ", " in text and is_title_word(last := text.rsplit(", ", 1)[1]) and " " not in last:
        text = text.rsplit(", ", 1)[0]  # "(Boligselskabet Roskildefjord, formand)": the person's role after it
    if (employer := _EMPLOYER_IN.search(text)) is not None and org_type_of(employer.group(1)) != "other":
        text = employer.group(1)  # "Blovstrød Bro Ansat i Boligselskabet Kongevejsbo": the employer (a card's lines run on)
    elif (titled := _TITLE_FIRST.match(text)) and is_title_word(titled.group(1)) and org_type_of(text[titled.end():]) != "other":
        text = text[titled.end():]  # "Fremskudt sagsbehandler Center for Familie og Børn": the title before the unit
    if ", " in text and (dept := _DEPARTMENT_TAIL.search(text)) and dept.start():
        text = text[:dept.start()]  # "Boligselskabet Ærøhjem, afd. 4 Bregningehusene": the department the person is of
    if text.rsplit(" ", 1)[-1] in _OPEN_ENDED:
        return None  # "Den daglige ledelse varetages af" (projektleder Karen ...): a sentence, no unit
    if _GENITIVE_KIND.fullmatch(text) or text in _BYLINE_WORDS:
        return None  # "Kommunens (kontaktperson)": whose the person is; "Af" (a byline's): no unit's name
    if not text or len(text) > 90 or _NOT_A_UNIT.search(text) or all(is_title_word(w) for w in text.split()) \
            or is_address(text) or text in section_words() or not _plausible(text):
        return None  # (nor a sentence: "Sekretariatet har adresse i Askerød Beboerhus.")
    parts = _DASH.split(text)
    if len(parts) == 2 and parts[1][:1].isupper():
        if org_type_of(parts[1]) == "housing_organisation":
            return parts[0]
        if not _ABBREVIATED.search(parts[0]):
            return parts[1]
    if (last := _MUNICIPALITY_LAST.match(text)) and org_type_of(last.group(1)) != "other":
        return last.group(1)  # "Børn og Familie, Bornholms Regionskommune": the unit, its municipality after it
    if _MUNICIPALITY_FIRST.match(text):
        if run := _ADMINISTRATION_RUN.match(text):  # the unit under its forvaltning, their lines run together
            return run.group("unit")
        return _most_specific(text)
    return text


_BYLINE_WORDS = frozenset("Af AF Fra Til Ved Hos Cc Kopi Skrevet Interview".split())
_GENITIVE_KIND = re.compile(r"(?i:kommunen|boligorganisationen|boligselskabet|boligforeningen|projektet|indsatsen"
                            r"|helhedsplanen|politiet|fonden|jobcentret|jobcenteret)s")
_EMPLOYER_IN = re.compile(r"\b(?:[Aa]nsat|ANSAT)\s+(?:i|hos|ved)\s+([A-ZÆØÅ][^,;()]{2,60})$")
_TITLE_FIRST = re.compile(r"^(?:[A-ZÆØÅ][a-zæøå]+\s+)?([a-zæøå-]{4,30})\s+(?=[A-ZÆØÅ])")  # "(Fremskudt )sagsbehandler "
_DEPARTMENT_TAIL = re.compile(r",\s+(?:afd\.|afdeling)\s*\d{1,3}\b.*$", re.I)


def _plausible(text: str) -> bool:
    from samspil.loaders.extract.orgs import plausible_name

    return plausible_name(text)


# a clause that ends in a preposition or conjunction goes on with the person: no unit's name ends so
_OPEN_ENDED = frozenset("af med i på til for ved og hos fra under som der at".split())


# an address: a postcode and town ("7100 Vejle"), a street and number ("Torvegade 12")
_ADDRESS = re.compile(r"\b\d{4}\s+[A-ZÆØÅ]|[a-zæøå](?:vej|gade|allé|alle|plads|vænge|torv|boulevard|parken|stræde|stien)"
                      r"\s+\d{1,3}\b")


# the whole of an address, to take it out of an entry ("Thisted Kommune Torvegade 12, 7700 Thisted")
ADDRESS = re.compile(r"[A-ZÆØÅ][\wæøå-]*(?:vej|gade|allé|alle|plads|vænge|torv|boulevard|parken|stræde|stien)\s+\d{1,3}"
                     r"[A-Za-z]?(?:,?\s*\d{4}\s+[A-ZÆØÅ][\wæøå-]+)?|\b\d{4}\s+[A-ZÆØÅ][\wæøå-]+")


def is_address(text: str) -> bool:
    """Is ``text`` an address line ("Torvegade 12, 7100 Vejle"), no organisation?"""
    return bool(_ADDRESS.search(text))


# the parts of a postal address after a comma: a street and its number ("Rådhuspladsen 2", "Dr.
# Margrethes Vej 4B, 2. sal"), a post box, a town hall, the post code and town ("5400 Bogense")
_ADDRESS_PART = re.compile(r"(?:[A-ZÆØÅ][\wæøå.'-]*\s+){0,3}[\wæøå.'-]+\s+\d{1,4}[A-Za-z]?(?:\s*[,.]?\s*\d{1,2}\.\s*(?:sal|th|tv|mf)\.?)?"
                           r"|(?:Postboks|Boks)\s+\d{1,5}|Rådhuset|\d\.\s*(?:sal|th|tv|mf)\.?")
_POST_TOWN = re.compile(r"(?:DK-)?\d{4}\s+[A-ZÆØÅ][\wæøå.-]*(?:\s+[A-ZÆØÅ][\wæøå.-]*){0,2}")


def address_lead(text: str) -> str | None:
    """The organisation before a postal address, when ``text`` is nothing else: "Nordfyns Kommune,
    Rådhuspladsen 2, 5400 Bogense" -> "Nordfyns Kommune" (a party list giving each party's address)."""
    head, *parts = [part.strip() for part in text.strip(" ,;.").split(",")]
    if not parts or not head[:1].isupper() or _ADDRESS.search(head) or any(c.isdigit() for c in head) \
            or not _POST_TOWN.fullmatch(parts[-1]) \
            or not all(_ADDRESS_PART.fullmatch(part) for part in parts[:-1]):
        return None
    return head


_POST_CODE = re.compile(r"\b\d{4}\s+(?P<town>[A-ZÆØÅ][\wæøå-]+)(?:\s+(?P<next>[A-ZÆØÅ][\wæøå-]*))?")
_TOWN_PART = frozenset("C K N S V Ø NV NØ SV SØ".split())  # "8000 Aarhus C", "2400 København NV"


def addressed_entries(text: str) -> tuple[list[str], str] | None:
    """The organisations of a party list whose entries give their postal addresses, run onto one
    line (its breaks lost): "X Kommune, Rådhuspladsen 2, 9600 Aars Himmerlandsbo, Søndergade 14,
    9600 Aars Aftalen følger ..." -> (["X Kommune", "Himmerlandsbo"], "Aftalen følger ..."): each
    entry ends after its post code and town (one word, two where the gazetteer knows the town or
    the second is a part of a city, "Aarhus C"); the text after the last is returned as the rest."""
    from samspil.loaders.gazetteer import is_town

    leads, start = [], 0
    for m in _POST_CODE.finditer(text):
        end = m.end("town")
        if (after := m.group("next")) and (after in _TOWN_PART or is_town(f"{m.group('town')} {after}")):
            end = m.end("next")
        if (lead := address_lead(text[start:end])) is None:
            return None
        leads.append(lead)
        start = end
    return (leads, text[start:].strip(" ,;.")) if leads else None


_ABBREVIATED = re.compile(r"[()/]|\b[A-ZÆØÅ]{2,}\b")
# "Odense Kommune, Børn- og Ungeforvaltningen Ungdommens Uddannelsesvejledning Odense": a party
# list's municipality, forvaltning and unit, written on lines of their own and run together
_ADMINISTRATION_RUN = re.compile(r"^[^,]+, (?:[A-ZÆØÅ][\wæøå]*-? og )?[\wæøåÆØÅ-]*forvaltning(?:en)?"
                                 r"(?:\s*\([A-ZÆØÅ]{2,6}\))? (?P<unit>[A-ZÆØÅ].{2,})$")
_MUNICIPALITY_LAST = re.compile(r"^([A-ZÆØÅ][^,]{2,60}),\s+[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?s?\s(?:[Rr]egions)?[Kk]ommune$")
_MUNICIPALITY_FIRST = re.compile(r"^[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?s? (?:[Kk]ommune|KOMMUNE), ")
