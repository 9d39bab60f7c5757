"""The organisations one entry of a party list, a signature block or a table names.

An entry's text ("Civica (tidl. Fyns Almennyttige Boligselskab, FAB)", "Randers Kommune,
Børn og Unge", "KVUC v. Uddannelsesleder", "Center for Unge (Børn og Unge)") becomes
:class:`OrgMention` objects: the name, its aliases (abbreviations, a former name), the
parent unit, the role the list gives it. The mention dataclasses live here so that the
modules reading lists (:mod:`parties`) and running text (:mod:`mention_scan`) share them.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from samspil.loaders.extract.org_lists import (AND_LIST, KOMMUNE_THEN_NAME, municipality_written_out, own_short_form, PLACEHOLDER, PLACEHOLDER_NAME, STREET,
                                               fixed_og_pair, org_type_of, section_words, split_at_municipality,
                                               split_org_text, split_party_entries)
from samspil.loaders.extract.people import Person, is_title_word
from samspil.loaders.extract.person_units import is_address
from samspil.loaders.extract.text import EMAIL, PHONE, clean, tidy_og_hyphen
from samspil.loaders.gazetteer import find_municipalities
from samspil.loaders.vocab import load_vocab

__all__ = ["OrgMention", "ContactMention", "ALIAS_DEF", "FORMER_WORDS", "former_names", "org_mentions", "org_mentions_one",
           "MUNICIPALITY"]

# a former name in brackets: "Civica (tidl. Fyns Almennyttige Boligselskab, FAB)"; the one
# pattern for it, used here and by :mod:`mention_scan` for running text
FORMER_WORDS = r"(?:det\s+)?(?:tidl\.|tidligere|fhv\.|før)"
ALIAS_DEF = re.compile(r"\(\s*(?:(?:efterfølgende|efterf\.|herefter|i det følgende)\s+(?:omtalt|benævnt|kaldet)\s+som"
                       r"|(?:efterfølgende|efterf\.|herefter|i det følgende)(?:\s+(?:kaldet|benævnt))?(?=\s+[\"“]?(?-i:[A-ZÆØÅ]{2,6})[\"”]?\s*\))"
                       rf"|(?P<former>{FORMER_WORDS})(?=\s+[A-ZÆØÅ0-9]))\s+([^)]+)\)", re.I)
# (the short form bare or "kaldet" only when it is capitals: "(herefter SK)", "(herefter kaldet "BH")"; not
# "(herefter Kommunen)", a word every municipality would share)
# (a former name may list its abbreviation: "Civica (tidl. Fyns Almennyttige Boligselskab, FAB)")
_WORD_ALIAS = re.compile(r"\(\s*(?:efterfølgende|herefter|i det følgende)(?:\s+(?:kaldet|benævnt))?\s+[\"“]?([A-ZÆØÅ][a-zæøå]{3,})"
                         r"[\"”]?\s*\)")
_DASH_ALIAS = re.compile(r"\s+[–—-]\s+(?:herefter|i det følgende|efterfølgende)(?:\s+(?:kaldet|benævnt))?\s+[\"“»]?"
                         r"([A-ZÆØÅ][\wæøåÆØÅ&-]{1,20})[\"”«]?(?:\s*[.,;]?\s*$|\s+(?=[A-ZÆØÅ]))")  # (the text after it run on)
_FORMER_ABBREVIATION = re.compile(r",\s*([A-ZÆØÅ]{2,6})\s*$")


def former_names(former: str) -> list[str]:
    """A former name and the abbreviation listed with it.

    >>> former_names("Fyns Almennyttige Boligselskab, FAB"), former_names("Sæby Skole")
    (['Fyns Almennyttige Boligselskab', 'FAB'], ['Sæby Skole'])
    """
    short = _FORMER_ABBREVIATION.search(former)
    return [clean(former[:short.start()]), short.group(1)] if short else [clean(former)]


ADMIN = re.compile(r"\s+v(?:/|\.\s*|\s+)\s*(?P<admin>[^,()]+?)\s*$")
TRAILING_ABBR = re.compile(r"\s*\(\s*([A-ZÆØÅ][A-ZÆØÅa-z0-9&./ -]{0,12}|[A-ZÆØÅ]{2,6}\s[A-ZÆØÅ][\wæøå-]+)\s*\)\s*$")
# ("(SAB Sønderborg)": an abbreviation with its town)
TRAILING_UNIT = re.compile(r"\s*\(\s*([A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøåÆØÅ&-]+){1,4})\s*\)\s*$")  # ("(Børn & Unge)")
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
    # a party named by its kind ("de to boligorganisationer"): the type, and how many (0: not said)
    refers: tuple[str, int] | None = None
    in_text: bool = False  # named in a sentence: the sentence's other names are read as running text

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
    w = words.replace("&", "og").split()
    return org_type_of(words) == "municipal_unit" or any(
        x == "og" and 0 < k < len(w) - 1 and fixed_og_pair(w[k - 1], w[k + 1]) for k, x in enumerate(w))


def _same_kind(word: str, name: str) -> bool:
    """Does one word in parentheses after a name name the same organisation again?
    Only when both carry cues of the same organisation type ("Amager Partnerskab
    (Tryghedspartnerskabet)"); a place, a parent or a kind of thing is no alias."""
    kind = org_type_of(word)
    return kind != "other" and kind == org_type_of(name)


# (compiled once: a pattern given as a string to re's functions is looked up in re's cache at each call)
_TRAILING_V = re.compile(r"\s+v[./]?$")


def org_mentions(text: str, line: int, role: str, delaftale: str | None) -> list[OrgMention]:
    """Organisations named in a text with no person in it."""
    if _AGREEMENT_SENTENCE.match(text.lstrip()):
        return []  # ("Aftalen er udarbejdet efter ... og er godkendt af ...": a sentence about the agreement)
    if "CVR" in text:
        text = _CVR.sub("", text)  # "Boligforeningen Odinsgaard, CVR 2914 7730 (i det følgende BOG)": its register number
    if ";" in text:  # "Holbæk Kommune, Center for Skole; Ladegårdsskolen; UU Holbæk": one entry each
        return [m for part in text.split(";") if part.strip() for m in org_mentions(part, line, role, delaftale)]
    text = _DEPARTMENT_PAREN.sub("", text) if "(" in text else text
    text = _DEPARTMENT_TAIL.sub("", text) if "afd" in text else text
    if role != "mentioned" and (at := _municipality_with_unit(text)):  # "AL2bolig Ringgården Aarhus Kommune,
        return [m for e in split_party_entries(text[:at]) for m in org_mentions_one(e, line, role, delaftale)] \
            + org_mentions(text[at:], line, role, delaftale)  # Borgmesterens Afdeling": the unit the municipality's
    unit = UNIT_OF_MUNICIPALITY.match(clean(text))
    if unit and " og " in unit.group(2) and len(split_party_entries(unit.group(2))) > 1:
        unit = None  # "Kolding Kommune, ALFABO og AAB": a list of parties, not the municipality's unit
    if unit:  # "Randers Kommune, Børn og Unge": the municipality and its unit ("og" inside the unit's name)
        return [OrgMention(unit.group(1), line, [], None, role, delaftale),
                OrgMention(unit.group(2), line, [], unit.group(1), role, delaftale)]
    if role in ("party", "signatory") and (PLACEHOLDER.search(text) or KOMMUNE_THEN_NAME.search(text)) \
            or role in ("party", "partner") and AND_LIST.search(text) \
            or role in ("party", "signatory", "partner") and len(split_at_municipality(clean(text))) > 1:
        return [m for entry in split_party_entries(text)
                for m in org_mentions_one(_LEADING_AND.sub("", entry), line, role, delaftale)]
    return org_mentions_one(text, line, role, delaftale)


_UNIT_NOUN = re.compile(r"^[A-ZÆØÅ].*(?:forvaltning|afdeling|center|centret|sekretariat|direktion|administration)(?:en)?$")
_CVR = re.compile(r",?\s*\(?CVR(?:-?nr\.?)?\s*:?\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\)?")
_LEADING_AND = re.compile(r"^(?:og|samt)\s+(?=[A-ZÆØÅ0-9])")  # ("Haderslev Kommune og Haderslev Boligforening", cut
# before the town's name that opens the second: "og Haderslev Boligforening")


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Words that name a kind of organisation or a section, never one organisation."""
    vocab = load_vocab("organisations")
    return frozenset(vocab["generic_single"]) | section_words()


def _municipality_with_unit(text: str) -> int | None:
    """Where a municipality followed by its unit ("X Kommune, Unit") starts after other names."""
    if "ommune, " not in text:
        return None
    for a, b, _ in find_municipalities(text):
        if a > 0 and text.startswith(", ", b) and text[a:b].endswith("Kommune") \
                and not _BEFORE_MUNICIPALITY.search(text, 0, a) and "," not in text[:a]:
            return a
    return None


_BEFORE_MUNICIPALITY = re.compile(r"(?:\b(?:i|under|på|ved|for|af|til|og|samt)|[:(])\s*$")


_AGREEMENT_SENTENCE = re.compile(r"^(?:(?:Denne|Den|Nærværende)\s+(?:strategiske\s+)?(?:samarbejds|del)?aftale\b"
                                 r"|(?:Aftalen|Samarbejdsaftalen|Delaftalen)\s+(?:er|indgås|gælder|udarbejdes|træder|"
                                 r"bygger|følger)\b|(?:Aftalen|Samarbejdsaftalen|Delaftalen)\s*$)")  # (alone: no party's name)


def org_mentions_one(text: str, line: int, role: str, delaftale: str | None) -> list[OrgMention]:
    out: list[OrgMention] = []
    aliases: list[str] = []
    m = ALIAS_DEF.search(text)
    if m:
        aliases += former_names(m.group(2)) if m.group("former") else [clean(m.group(2))]
        text = text[: m.start()] + text[m.end():]
    elif "(" in text and (m := _WORD_ALIAS.search(text)) and own_short_form(m.group(1), text[:m.start()].split()):
        aliases.append(m.group(1))  # "Almennyttigt Boligselskab Fynshjem (i det følgende Fynshjem)": a word of its name
        text = text[: m.start()] + text[m.end():]
    elif ("herefter" in text or "følgende" in text) and (m := _DASH_ALIAS.search(text)):
        from samspil.loaders.extract.org_lists import KIND_START

        if not KIND_START.match(m.group(1)):  # (not "herefter Kommunen", a word every municipality would share)
            aliases.append(m.group(1))  # "Boligforeningen Skovlyhøj – herefter "Skovlyhøj"": after a dash, not in
        text = text[:m.start()]  # brackets
    text = clean(LOWER_PAREN.sub("", _DEPARTMENT_PAREN.sub("", text)))
    if text.endswith(" K."):
        text = municipality_written_out(text)  # "Næstved K.": the municipality
    if PLACEHOLDER_NAME.match(text) or _AGREEMENT_SENTENCE.match(text):
        return []  # "Boligorganisation", a running header's "STRATEGISK SAMARBEJDSAFTALE": no one's name; "Denne
        # aftale er indgået mellem", "Aftalen er udarbejdet efter ...": the sentence about the parties, no party
    text = _TRAILING_V.sub("", text)
    if len(text.split()[-1:][0] if text.split() else "") > 4 and not text.casefold().endswith("a.m.b.a."):
        text = text.rstrip(".")  # (a sentence's stop; not a company's form: "Stjærhuse A.m.b.a.")
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
    if a and _UNIT_NOUN.search(a.group("admin")) and MUNICIPALITY.fullmatch(text[:a.start()].strip()) \
            and not is_title_word(a.group("admin").split()[0]):  # "Odense Kommune v/ Beskæftigelses- og
        municipality = text[:a.start()].strip()  # Socialforvaltningen": the municipality is the party, by its unit
        return [OrgMention(municipality, line, [], None, role, delaftale),
                OrgMention(a.group("admin").strip(), line, aliases, municipality, "mentioned", delaftale)]
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
        while len(seg.split()) > 1 and seg.split()[0] in section_words():
            seg = seg.split(None, 1)[1]  # "Kontaktpersoner Thisted Kommune": a heading glued to the name
        while len(seg.split()) > 1 and seg.split()[-1] in section_words():
            seg = seg.rsplit(None, 1)[0]  # "Boligselskabet Vest Kontaktpersoner": the next heading
        if seg in _generic_words() or is_address(seg):
            continue  # "Kommunen", "Indsatsen", "Kontaktoplysninger": a kind of thing or a heading
        if _BRANCH.fullmatch(seg):
            continue  # "Lejerbo, Hjørring afdeling": where the organisation before it works
        if len(seg.split()) == 1 and STREET.search(seg):
            continue  # "Otillavej, Socialpsykiatrien ...": an address, not an organisation
        if is_title_word(seg.split()[0]) and all(is_title_word(w) or w.islower() for w in seg.split()[1:]):
            continue  # "Borgmester, Vejle Kommune", "Boligsocial leder": a title, no organisation
        words = seg.split()
        k = 0
        while k < len(words) - 2 and is_title_word(words[k]):
            k += 1
        own_role = role
        if k and words[k] == "for":
            seg = " ".join(words[k + 1:])  # "Centerchefen for Center City"; two signatures' titles run together:
            # "Direktør Direktør for Børne- og Ungeforvaltningen"
            own_role = "mentioned" if role in ("party", "signatory") and k > 1 else role  # (a signatory's unit under
            # the signatures: not a party of its own)
        name, extra, par = _abbr_parent(seg)
        out.append(OrgMention(name, line, aliases + extra, par or parent, own_role, delaftale))
        if par and " " in par:  # "(Børn og Unge)": a magistratsafdeling named, not abbreviated
            out.insert(len(out) - 1, OrgMention(par, line, [], None, "mentioned", delaftale))  # the unit last
        if parent is None and len(segments) > 1 and (name.isupper() or MUNICIPALITY.fullmatch(name)):
            parent = name  # "TMF, Green Team", "Randers Kommune, Børn og Unge": the first is the parent
    if admin and out:
        out.append(OrgMention(admin, line, [], None, "administrator", delaftale))
    return out


# "Lejerbo (Lejerbo Vejle, afd. 3)": the department the organisation takes part with
_DEPARTMENT_PAREN = re.compile(r"\s*\([^()]*\b(?:afd\.|afdeling)[^()]*\)")
# "Tåstrup Boligselskab, afd. Gadehavegård, v/ Domea.dk": the organisation's department
_DEPARTMENT_TAIL = re.compile(r",\s*(?:afd\.|afdeling)\s*[^,()]*(?=,|$)")
_BRANCH = re.compile(r"[A-ZÆØÅ][\wæøå-]+\s+(?:afdeling|afd\.?)(?:en)?")
MUNICIPALITY = re.compile(r"[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?s? [Kk]ommune")
UNIT_OF_MUNICIPALITY = re.compile(r"^(?:[A-ZÆØÅ][\wæøå()]{0,30}:\s*)?(" + MUNICIPALITY.pattern
                                   + r"),\s+([A-ZÆØÅ][^,;:()@]{2,60})$")  # ("Kommunen: X Kommune, Unit")
