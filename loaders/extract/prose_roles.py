"""Role holders and signatories named in running text, for :mod:`contacts`.

Besides contact lists and signature blocks, agreements name people in sentences::

    Bestyrelsen består af direktør Anne Krog (Lejerbo), centerchef Ole Vind (Center for
    Børn og Familie) og ...                        (a title, the name, the unit in brackets)
    Underskrevet af Lars Holm (direktør, Boligforeningen Fjord) og ...   (the title in the bracket)
    Aftalen er underskrevet af borgmester Ole Sand på vegne af Faxe Kommune
    Kommunens kontaktperson er Ida Holm fra Børne- og Familieafdelingen (ih@x.dk)
    Boligsocial leder bliver Ida Lund, der ansættes i Boligselskabet Faxe (il@..., tlf. ...)

A person is a run of two to four capitalised words from a known first name; the unit
must name an organisation (a cue word or one of the document's organisations), and a
bracket after a name needs a title word before it or an organisation the document
names, so "(Kommuneplan 2024)" or "Hansen (2019)" make no contact. The whole text is
searched for each form's literal ("(", "på vegne af", "ansæt", "ansat"), so a long document
costs a few scans, not a pass over every line.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from samspil.loaders.document import Document
from samspil.loaders.extract.entry_orgs import ContactMention
from samspil.loaders.extract.org_lists import org_type_of
from samspil.loaders.extract.people import Person, _any_first_name, is_title_word
from samspil.loaders.extract.person_units import contact_unit
from samspil.loaders.extract.text import EMAIL, PHONE, digits

__all__ = ["prose_roles", "titled_brackets"]

# "(Lejerbo)" after a word in lower case and a space: the name's last letters
_BRACKET = re.compile(r"\((?<=[a-zæøå] \()(?P<org>[A-ZÆØÅ][^()]{1,60})\)")  # (a bracket may wrap)
# "Lars Holm (direktør, Boligforeningen Fjord)": the title in lower case, then the unit, in the bracket
_TITLE_BRACKET = re.compile(r"\((?<=[a-zæøå] \()(?P<title>[a-zæøå][a-zæøå-]{2,30}(?: [a-zæøå-]{2,20}){0,3}),[ \t]*"
                            r"(?P<org>[A-ZÆØÅ][^()]{1,60})\)")
# "på vegne af Faxe Kommune", ", der ansættes i Boligselskabet Faxe"
_ORG_AFTER = r"(?P<org>[A-ZÆØÅ0-9][\w.&/-]*(?:[ \t]+(?:[A-ZÆØÅ0-9][\w.&/-]*|for|og|i|af)){0,5})"
_ON_BEHALF = re.compile(r"på[ \t]+vegne[ \t]+af[ \t]+" + _ORG_AFTER)
_FROM = re.compile(r"fra[ \t]+" + _ORG_AFTER)
_CONTACT_CUE = re.compile(r"(?i:kontakt|tovholder|koordinator|ansvarlig)")
_EMPLOYED = re.compile(r",?\s+(?:(?:der|som)\s+)?(?:(?:den\s+)?\d{1,2}\.\s+[a-zæø]+\s+)?(?:er\s+|blev\s+)?"
                       r"(?:ansættes|ansat|bliver\s+ansat)(?:\s+som\s+(?P<title>[a-zæøå][a-zæøå -]{2,40}?))?"
                       r"\s+(?:i|hos|ved|af)[ \t]+" + _ORG_AFTER)  # (", der den 1. september blev ansat som
# boligsocial leder i X": a date and the title on the way)
# after "... tovholder er": the name, its unit (and municipality) after commas, the e-mail in brackets
_IS_NAME_UNIT_MAIL = re.compile(r"(?P<name>[A-ZÆØÅ][\wæøå-]+(?:[ \t]+[A-ZÆØÅ][\wæøå-]+){1,3}),\s+"
                                r"(?P<org>[A-ZÆØÅ][^().;:@]{2,90}?)\s*(?:\((?P<mail>" + EMAIL.pattern + r")|(?P<end>\.)(?=\s|$))")
# (a line break may fall in the unit; the e-mail in brackets, or the sentence's end: "Kommunens kontaktperson er
# Torben Iversen, Børn og Skole, Aabenraa Kommune.")
_TRAILING_SMALL = re.compile(r"(?:[ \t]+(?:for|og|i|af))+$")
_WORD = re.compile(r"[A-ZÆØÅ][a-zæøåé]+(?:-[A-ZÆØÅ][a-zæøåé]+)?$")


def prose_roles(doc: Document, known: set[str]) -> list[ContactMention]:
    """The people running text names with their organisation (``known``: the names of the
    document's organisations, in lower case)."""
    text = doc.text
    found: list[tuple[int, Person, str]] = []
    for m in _BRACKET.finditer(text):
        word = text.rfind(" ", max(0, m.start() - 30), m.start() - 1)
        if word < 0 or not text[word + 1].isupper():
            continue  # (told first: the word before the bracket is no name's last word)
        if (who := _name_before(text, m.start())) and (org := _unit(m.group("org"), known, text)) \
                and (who[0] or org.lower() in known):
            found.append((who[2], _person(text, who, m.end()), org))
    found += titled_brackets(text, known)
    for at in _finds(text, " fra "):  # "Kommunens kontaktperson er Karina Holm fra Børne- og Familieafdelingen (...)"
        word = text.rfind(" ", max(0, at - 30), at)  # (the word before " fra " a name's last: told first)
        if word >= 0 and text[word + 1:word + 2].isupper() and text[at - 1:at].isalpha() \
                and (m := _FROM.match(text, at + 1)) and (who := _name_before(text, at)) \
                and (org := _unit(m.group("org"), known, text)):
            person = _person(text, who, m.end())
            if person.email or person.phone or _CONTACT_CUE.search(text, max(0, who[2] - 40), who[2]):
                found.append((who[2], person, org))  # (a contact: not "tak til X fra Y" in a speech)
    for at in _finds(text, " er "):  # "Kommunens tovholder er Mette Brun, Center for X, Y Kommune (mb@x.dk)."
        if _CONTACT_CUE.search(text, max(0, at - 30), at) and (m := _IS_NAME_UNIT_MAIL.match(text, at + 4)) \
                and _first_name(m.group("name").split()[0]) and (org := _unit(m.group("org"), known, text)):
            found.append((at + 4, _person(text, (None, m.group("name"), at + 4),
                                          m.start("mail") if m.group("mail") else m.end("org")), org))
    for at in _finds(text, "på vegne af"):
        if (m := _ON_BEHALF.match(text, at)) and (who := _name_before(text, at)) \
                and (org := _unit(m.group("org"), known, text)):
            found.append((who[2], _person(text, who, m.end()), org))
    for at in [*_finds(text, "ansæt"), *_finds(text, "ansat")]:  # (str.find: twice as fast as a pattern)
        clause = max(text.rfind(" der ", max(0, at - 36), at), text.rfind(" som ", max(0, at - 36), at))
        clause -= clause > 0 and text[clause - 1] == ","
        if clause <= 0 and text[max(0, at - 4):at] == " er ":  # "Projektleder X er ansat af Østersøbo"
            clause = at - 4
        if clause > 0 and (m := _EMPLOYED.match(text, clause)) and (who := _name_before(text, clause)) \
                and (org := _unit(m.group("org"), known, text)):
            if m.group("title") and not who[0]:
                who = (m.group("title").strip(), *who[1:])  # (the title the clause gives)
            found.append((who[2], _person(text, who, m.end()), org))
    if not found:
        return []
    starts = doc.memo("line_starts", lambda: [0, *accumulate(len(line) + 1 for line in doc.lines)])
    return [ContactMention(p, org, bisect_right(starts, at) - 1, None) for at, p, org in sorted(found, key=lambda f: f[0])]


def titled_brackets(text: str, known: set[str] | frozenset[str] = frozenset()) -> list[tuple[int, Person, str]]:
    """(where, the person, the organisation) of each "Lars Holm (direktør, Boligforeningen Fjord)" in ``text``."""
    found = []
    for m in _TITLE_BRACKET.finditer(text) if "(" in text else ():
        if is_title_word(m.group("title").split()[0]) and (who := _name_before(text, m.start())) \
                and (org := _unit(m.group("org"), known, text)):
            found.append((who[2], _person(text, (m.group("title"), *who[1:]), m.end()), org))
    return found


def _finds(text: str, literal: str) -> list[int]:
    out, at = [], text.find(literal)
    while at >= 0:
        out.append(at)
        at = text.find(literal, at + len(literal))
    return out


def _name_before(text: str, end: int) -> tuple[str | None, str, int] | None:
    """(title, name, where the name starts) of the person named right before ``end``: two to
    four capitalised words from a known first name, a title word before them if there is one."""
    window = text[max(0, end - 80):end]
    words = window.split()
    k = 0
    while k < min(4, len(words)) and _WORD.match(words[-1 - k]):
        k += 1
    names = words[len(words) - k:]
    first = next((j for j, w in enumerate(names) if _first_name(w)), None)
    if first is None and len(names) >= 3 and is_title_word(names[0]):
        first = 1  # "Formand Keld Laursen": a title word before a name of a rarer first name
    if first is None or len(names) - first < 2:
        return None
    names = names[first:]
    before = words[len(words) - len(names) - 1] if len(words) > len(names) else ""
    title = before.strip(",") if before and is_title_word(before) else None
    if title is None and not _first_name(names[0]) or org_type_of(" ".join(names)) != "other":
        return None
    name = " ".join(names)
    return title, name, max(0, end - 80) + window.rfind(name)


def _first_name(word: str) -> bool:
    """A first name (the gazetteer's ~11,000 too: "Jørn"), also two joined by a hyphen ("Anne-Mette", "Jens-Peter")."""
    return _any_first_name(word) or "-" in word and all(map(_any_first_name, word.split("-")))


def _unit(org: str, known: set[str], text: str = "") -> str | None:
    """The organisation a bracket or clause names, or None when it names none (of "Fællesbo.
    Karen Damgaard kan ...", the sentence's end: "Fællesbo")."""
    if ". " in org and (whole := _unit(org.split(". ", 1)[0] + ".", known, text)):
        return whole
    unit = contact_unit(_TRAILING_SMALL.sub("", " ".join(org.split()).rstrip(".")))
    if not unit or any(c.isdigit() for c in unit):
        return None  # "(Kommuneplan 2024)", "(KK 2022, særudtræk)"
    if unit.lower() in known or org_type_of(unit) != "other":
        return unit
    # "ansat af Østersøbo": the distinctive word of an organisation the document names in full
    full = next((k for k in sorted(known) if k.endswith(" " + unit.lower()) and len(unit) >= 4), None)
    written = re.search(re.escape(full), text, re.I) if full and text else None
    return written.group(0) if written else None


# the clause after a unit ends at a line break, a sentence's end or the next capitalised
# word (the next entry's title or name; not a "Tlf."/"Mobil"/"E-mail" field)
_CLAUSE_END = re.compile(r"\n|[.;](?:\s+[A-ZÆØÅ]|\s*$)|\s(?=[A-ZÆØÅ](?!lf\b|lf\.|obil|elefon|-mail|ail\b))")


# the sentence after a person's that gives their details ("Hun kan træffes på tlf. ...")
_REACHED = re.compile(r"kontakt|træffes|fanges|nås\b|ringe", re.I)


def _person(text: str, who: tuple[str | None, str, int], end: int) -> Person:
    """The person with the e-mail and phone written in the clause after the unit."""
    clause = _CLAUSE_END.split(text[end:end + 90], maxsplit=1)[0]
    if "@" not in clause and not PHONE.search(clause) and (nxt := _next_sentence(text, end + len(clause))) \
            and nxt.startswith((who[1], who[1].split()[0], "Han ", "Hun ")) and _REACHED.search(nxt):
        clause = nxt  # "..., som er ansat i Fællesbo. Karen Damgaard kan kontaktes på tlf. ... eller e-mail ..."
    email = EMAIL.search(clause) if "@" in clause else None
    phone = PHONE.search(clause)
    return Person(name=who[1], title=who[0], email=email.group(0) if email else None,
                  phone=digits(phone.group(0)) if phone else None,
                  start=who[2], end=who[2] + len(who[1]))


def _next_sentence(text: str, at: int) -> str | None:
    """The sentence after the one that ends at or after ``at`` (up to 200 characters), when
    it follows on the same line."""
    end = re.compile(r"[.!?]\s+(?=[A-ZÆØÅ])").search(text, at, at + 40)
    if end is None or "\n" in text[at:end.end()]:
        return None
    sentence = text[end.end():end.end() + 200]
    stop = re.search(r"(?<=[a-zæøå0-9])(?<![Tt]lf)(?<!\bnr)(?<!\bca)(?<!\bevt)\.(?:\s|$)(?![a-z])|\n", sentence)
    return sentence[:stop.start()] if stop else sentence
