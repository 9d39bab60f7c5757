"""Parse party lists and signature blocks into organisation and contact mentions.

Three entry shapes occur in LBF agreements (all handled per line):

* an organisation line followed by ``Kontaktperson: ...`` lines;
* ``Organisation, Unit, Person, e-mail, phone`` on one line (several per line);
* ``Organisation (PARENT) v. Title Person, e-mail``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from samspil.loaders.document import Document
from samspil.loaders.gazetteer import find_municipalities
from samspil.loaders.extract.people import FIELD_KEY, Person, find_people, is_title_word
from samspil.loaders.extract.sections import PARTY_LABEL, Block, drop_header_words, party_blocks, signature_blocks
from samspil.loaders.extract.text import EMAIL, PHONE, clean, tidy_og_hyphen
from samspil.loaders.vocab import load_vocab

__all__ = ["OrgMention", "ContactMention", "parse_parties", "split_org_text"]

# "Kontaktperson:" and the labels other templates use for the same field (with a colon)
KONTAKT = re.compile(r"^\W*(?:kontakt\s*person(?:er|\(er\))?\b\s*:?|(?:kontakt(?:oplysninger)?|tovholdere?"
                     r"|projekt(?:leder|koordinator|ansvarlig)e?"
                     r"|ansvarlige?(?:\s+for\s+aktiviteten)?)\s*:)\s*", re.I)
ALIAS_DEF = re.compile(r"\(\s*(?:efterfølgende|herefter|i det følgende)\s+(?:omtalt|benævnt|kaldet)\s+som\s+([^)]+)\)", re.I)
ADMIN = re.compile(r"\s+v(?:/|\.\s*|\s+)\s*(?P<admin>[^,()]+?)\s*$")
TRAILING_ABBR = re.compile(r"\s*\(\s*([A-ZÆØÅ][A-ZÆØÅa-z0-9&./ -]{0,12})\s*\)\s*$")
TRAILING_UNIT = re.compile(r"\s*\(\s*([A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøåÆØÅ-]+){1,4})\s*\)\s*$")
TRAILING_NAME = re.compile(r"\s*\(\s*([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅa-zæøå]+)*)\s*\)\s*$")
STREET = re.compile(r"(?:vej|gade|allé|alle|plads|vænge|boulevard|torv)$", re.I)
LOWER_PAREN = re.compile(r"\s*\((?=[a-zæøå])[^)]*\)")
LABELLED = re.compile(r"^(?P<label>[A-ZÆØÅ][\wÆØÅæøå.-]*(?:\s[\wÆØÅæøå.-]+){0,3})\s*:\s*(?P<rest>.+)$")
PROSE_CUT = re.compile(r"\s+(?:kan|er|vil|har|skal|tilbyder|bidrager|deltager|står)\s.*$")
PLACE_QUALIFIERS = {"københavn", "kbh", "kbh.", "aarhus", "odense", "aalborg", "amager", "valby", "selvejende"}


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
    from samspil.loaders.extract.orgs import org_type

    w = words.split()
    return org_type(words) == "municipal_unit" or any(
        x == "og" and 0 < k < len(w) - 1 and fixed_og_pair(w[k - 1], w[k + 1]) for k, x in enumerate(w))


def _same_kind(word: str, name: str) -> bool:
    """Does one word in parentheses after a name name the same organisation again?
    Only when both carry cues of the same organisation type ("Amager Partnerskab
    (Tryghedspartnerskabet)"); a place, a parent or a kind of thing is no alias."""
    from samspil.loaders.extract.orgs import org_type

    kind = org_type(word)
    return kind != "other" and kind == org_type(name)


# "Center for Børn": a unit named by the topics it is for, which a comma list may continue
FOR_TOPICS = re.compile(r"^(?:\w+\s+)?(?:center|centret|enhed(?:en)?|afdeling(?:en)?|team(?:et)?|sekretariat(?:et)?)"
                        r"\s+for\s+[A-ZÆØÅ]?[\wæøå-]+$", re.I)


def split_org_text(text: str) -> list[str]:
    """Split a list of organisations on commas, keeping 'AKB, København'-like names whole.

    >>> split_org_text("Frivillige foreninger, Ungdommens Røde Kors, Red Barnet Ungdom")
    ['Frivillige foreninger', 'Ungdommens Røde Kors', 'Red Barnet Ungdom']
    >>> split_org_text("Boligselskabet AKB, København v/KAB")
    ['Boligselskabet AKB, København v/KAB']
    >>> split_org_text("Center for Børn, Unge og Familier, Odense Kommune")
    ['Center for Børn, Unge og Familier', 'Odense Kommune']
    >>> split_org_text("Foreningen Nydansker, Odense Bibliotekerne")
    ['Foreningen Nydansker', 'Odense Bibliotekerne']
    """
    parts: list[str] = []
    depth = 0
    buf = ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(buf)
            buf = ""
        else:
            buf += ch
    parts.append(buf)
    out: list[str] = []
    for p in (x.strip() for x in parts):
        if not p:
            continue
        words = p.split()
        first = words[0].lower()
        qualifier = (len(words) <= 2 and (first in PLACE_QUALIFIERS or STREET.search(words[0]))
                     and not words[-1].lower().startswith("kommune")
                     and (p[0].islower() or _org_type(re.split(r"\s+v[/.]", p)[0]) == "other"))  # not "Odense Bibliotekerne"
        topics = out and FOR_TOPICS.search(out[-1]) and re.search(r"\s(?:og|&)\s", p) and len(words) <= 5
        short = _LEADING_ABBR.match(p)
        if out and short and initials_fit(out[-1], short.group(1)):
            out[-1] += f" ({short.group(1)})" + p[short.end():]  # "Enheden for X Y, EXY (SOF)"
        elif out and (qualifier or topics) and not p.split(" v")[0].strip().isupper():
            out[-1] += ", " + p  # "AKB, København"; "Center for Børn, Unge og Familier"
        elif not p[0].islower():
            out.append(p)
    return out


_LEADING_ABBR = re.compile(r"([A-ZÆØÅ]{2,6})(?=\s*\(|\s+v[./]|\s*$)")
_INITIAL_CONNECTORS = frozenset(("og", "for", "i", "af", "til", "med"))


def initials_fit(full: str, short: str) -> bool:
    """Is ``short`` the abbreviation of ``full``: the initials of its capitalised words, or
    of every word ("Enheden for Kriminalpræventive Indsatser" / EKI, "Center for
    Boligsocial Udvikling" / CFBU)? Only words and the usual connectors count.

    >>> initials_fit("Enheden for Kriminalpræventive Indsatser", "EKI"), initials_fit("Lejerbo", "KAB")
    (True, False)
    """
    words = re.findall(r"[\wæøåÆØÅ-]+", full)
    if len(words) < 2 or not words[0][0].isupper() or any(
            w[0].islower() and w not in _INITIAL_CONNECTORS for w in words):
        return False
    return short in ("".join(w[0] for w in words if w[0].isupper()), "".join(w[0] for w in words).upper())


def _org_type(name: str) -> str:
    from samspil.loaders.extract.orgs import org_type

    return org_type(name)


# Unfilled fields of a template's party list or signature block.
PLACEHOLDER = re.compile(r"\b(?:Dato|Navn|Underskrift|Titel|Stilling|Sted)\b\s*:?", re.I)
PLACEHOLDER_NAME = re.compile(r"^(?:boligorganisation(?:en)?|kommune(?:n)?(?:\s+x+)?|x+\s+kommune|"
                              r"organisation|forening|afdeling|[xX.]+)$", re.I)
# "Kolding Kommune ALFABO": a municipality's name ends at "Kommune".
KOMMUNE_THEN_NAME = re.compile(r"(?<=\b[Kk]ommune)\s+(?=[A-ZÆØÅ0-9])")
AND_LIST = re.compile(r"\s+(?:og|samt|&)\s+")


def split_party_entries(text: str) -> list[str]:
    """A party list written as running text, cut into its entries: commas
    (see :func:`split_org_text`), 'og'/'samt' between two names that each
    look like an organisation, a municipality followed by the next name, and
    unfilled template fields removed.

    >>> split_party_entries("Bolig Fjord, Engbo og Randers Kommune")
    ['Bolig Fjord', 'Engbo', 'Randers Kommune']
    >>> split_party_entries("Kolding Kommune ALFABO")
    ['Kolding Kommune', 'ALFABO']
    >>> split_party_entries("Børne- og Ungdomsforvaltningen")
    ['Børne- og Ungdomsforvaltningen']
    >>> split_party_entries("Boligorganisation Dato Navn")
    []
    >>> split_party_entries("Civica, FAB og Odense Kommune i fællesskab")
    ['Civica', 'FAB', 'Odense Kommune']
    """
    text = " ".join(PLACEHOLDER.sub(" ", text).split())
    text = _JOINTLY.sub("", text)  # "... og Odense Kommune i fællesskab"
    out: list[str] = []
    for part in split_org_text(text):
        pieces = [part]
        if "(" not in part and "," not in part:  # a part that kept its comma is one name
            pieces = [q for p in KOMMUNE_THEN_NAME.split(part) for q in split_at_municipality(p)]
            pieces = [q for p in pieces for q in _split_and(p)]
            pieces = [q for p in pieces for q in _split_run_on(p)]
        out += [p.strip(" ,;") for p in pieces if p.strip(" ,;") and not PLACEHOLDER_NAME.match(p.strip(" ,;"))]
    return out


def split_at_municipality(name: str) -> list[str]:
    """A municipality run together with the names around it ("Boligselskabet Fjord Randers
    Kommune Jobcenter Randers") is a name of its own; "Randers Kommunes Ungdomsskole" is one.

    >>> split_at_municipality("Boligselskabet Fjord Randers Kommune")
    ['Boligselskabet Fjord', 'Randers Kommune']
    >>> split_at_municipality("Socialforvaltningen i Randers Kommune")
    ['Socialforvaltningen i Randers Kommune']
    """
    hits = [(a, b) for a, b, _ in find_municipalities(name) if name[a:b].endswith("Kommune")
            and (b == len(name) or name[b] in " .")
            and not re.search(r"(?:\b(?:i|under|på|ved|for|af|til)|:)\s*$", name[:a])]  # "Socialforvaltningen i
    # X Kommune"; "Kommune: X Kommune" is a labelled field
    if not hits or hits == [(0, len(name))]:
        return [name]
    out, pos = [], 0
    for a, b in hits:
        out += [_TRAILING_AND.sub("", name[pos:a].strip()), name[a:b]]
        pos = b
    out.append(name[pos:].strip())
    return [p for p in out if _ALNUM.search(p)]


_TRAILING_AND = re.compile(r"(?:^|\s+)(?:og|samt|&)$")


# how a prose party list can end: "X, Y og Z i fællesskab / i samarbejde / i forening"
_JOINTLY = re.compile(r"\s+i\s+(?:fællesskab|samarbejde|forening)\s*$")
_HEADS = re.compile(r"^(?:Boligselskabet|Boligforeningen|Boligorganisationen|Andelsboligforeningen|Fællesorganisationens)$")


def _split_run_on(text: str) -> list[str]:
    """Names listed with nothing between them ("ALFABO AAB Boligselskabet Kolding"): a
    new name starts at an upper-case acronym after another word, and at a housing
    organisation's head noun.

    >>> _split_run_on("ALFABO AAB Boligselskabet Kolding")
    ['ALFABO', 'AAB', 'Boligselskabet Kolding']
    >>> _split_run_on("Boligforeningen 3B"), _split_run_on("KAB Fællesskabet")
    (['Boligforeningen 3B'], ['KAB Fællesskabet'])
    """
    words = text.split()
    if len(words) < 2:
        return [text]
    out = [[words[0]]]
    for prev, w in zip(words, words[1:]):
        acronyms = w.isupper() and w.isalpha() and len(w) >= 2 and prev.isupper() and prev.isalnum()
        if acronyms or _HEADS.match(w):
            out.append([w])
        else:
            out[-1].append(w)
    return [" ".join(ws) for ws in out]


def _split_and(text: str) -> list[str]:
    """'A og B' -> [A, B] when both sides name an organisation on their own."""
    from samspil.loaders.extract.orgs import org_type

    parts = AND_LIST.split(text)
    seps = AND_LIST.findall(text)
    out = [parts[0]]
    for sep, right in zip(seps, parts[1:]):
        left = out[-1]
        if (left.endswith("-") or not right[:1].isupper() or len(right.split()) > 6 or _fixed_pair(left, sep, right)
                or not (_org_like(left, org_type) and _org_like(right, org_type))):
            out[-1] = left + sep + right
        else:
            out.append(right)
    return out


def _fixed_pair(left: str, sep: str, right: str) -> bool:
    return fixed_og_pair(left.split()[-1] if left.split() else "", right.split()[0] if right.split() else "")


def fixed_og_pair(before: str, after: str) -> bool:
    """'Børn og Unge', 'Teknik og Miljøforvaltningen' (the hyphen left out): the words
    either side of an 'og' inside one unit's name (vocabulary ``fixed_og_pairs``), not
    between two organisations.

    >>> fixed_og_pair("Teknik", "Miljøforvaltningen"), fixed_og_pair("PAB", "AAB")
    (True, False)
    """
    around = f"{before} og {after}".casefold()
    return any(around.startswith(p) or p.startswith(around) or p in around for p in _fixed_pairs())


@lru_cache(maxsize=1)
def _fixed_pairs() -> tuple[str, ...]:
    return tuple(str(p).casefold() for p in load_vocab("organisations").get("fixed_og_pairs", []) or [])


def _org_like(name: str, org_type) -> bool:
    """Can ``name`` stand alone as an organisation: a cue word, an abbreviation, or
    two or more capitalised words ("Bolig Korsør")?"""
    words = name.split()
    if org_type(name) != "other" or name.isupper() and len(name) >= 2:
        return True
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 2 or len(words) == 1 and name[:1].isupper() \
        and len(name) >= 4 and not name.islower()


def _org_mentions(text: str, line: int, role: str, delaftale: str | None) -> list[OrgMention]:
    """Organisations named in a text with no person in it."""
    unit = _UNIT_OF_MUNICIPALITY.match(clean(text))
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
        aliases.append(clean(m.group(1)))
        text = text[: m.start()] + text[m.end():]
    text = clean(LOWER_PAREN.sub("", text))
    text = re.sub(r"\s+v[./]?$", "", text)
    if len(text.split()[-1:][0] if text.split() else "") > 4:
        text = text.rstrip(".")
    lab = LABELLED.match(text)
    if lab:  # "BBE: Social frikort ...", "NGO: Diversity Works", "Lærepladsindsatsen: direkte: Tlf ..."
        rest = PROSE_CUT.sub("", lab.group("rest")).strip()
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
_ALNUM = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")  # every date has one (tried before the costlier _PLACE_DATE)
_SIGNED_FOR = re.compile(r"^(?:for|på vegne af)\s+(?=[A-ZÆØÅ0-9])", re.I)
_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
_PLACE_DATE = re.compile(rf"^(?:[A-ZÆØÅ][\wæøå.-]*\s?){{1,3}},?\s+(?:den\s+)?(?:\d{{1,2}}\.?\s*(?:{_MONTHS})"
                         rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}})\b.{{0,12}}$", re.I)


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
        if (_DIGIT.search(text) and _PLACE_DATE.match(text)) or not _ALNUM.search(text):
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
                unit = unit_after_name(text, p) if person_first(text, p) else None
                if unit:  # person first: "Kontaktperson: Lise Bang, Vejleder, Jobcenter Esbjerg, lb@..."
                    orgs.append(OrgMention(unit, i, [], None, role, block.delaftale))
                contacts.append(ContactMention(p, unit or current, i, block.delaftale))
            continue
        if not people:
            if text.endswith(":") and len(text) > 25:
                continue  # a category heading such as "Gældsrådgivning/ økonomiske rådgivninger:"
            found = _org_mentions(text.rstrip(":"), i, role, block.delaftale)
            orgs.extend(found)
            if found:
                current = found[0].name if len(found) == 1 or found[-1].role == "administrator" else found[-1].name
            continue
        if (run := _person_first_run(text, people)) is not None:
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
                pos = max(p.end, _details_end(text, p))
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
            pos = max(p.end, _details_end(text, p))
    return orgs, contacts


def _person_first_run(text: str, people: list[Person]) -> list[tuple[Person, str | None]] | None:
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
    title, unit = (part.strip(" ,;") for part in p.title.split(",", 1))
    if not title or not is_title_word(title.split()[0]) or not unit[:1].isupper() or EMAIL.search(unit):
        return None
    p.title = title
    return unit


_PAREN_UNIT = re.compile(r"\s*\(([A-ZÆØÅ][^()]{1,100})\)")
_DETAIL_START = re.compile(r"[:;(/]|\b(?:tlf|telefon|mobil|e-?mail|mail)\b", re.I)


def person_first(text: str, p: Person) -> bool:
    """Does the entry open with the person (after its label, and a title at most:
    "Kontaktperson: Lise Bang, ...", "Sekretariatsleder Mette Bruun (...)")?"""
    before = KONTAKT.sub("", text[:p.start]).strip(" ,;")
    return all(is_title_word(w) for w in before.split())


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
    if FIELD_KEY.search(after):
        return None  # a form ("Navn: X Titel: Y"), read field by field elsewhere
    if (paren := _PAREN_UNIT.match(after)) and not EMAIL.search(paren.group(1)):
        return _most_specific(paren.group(1).strip())  # "Mette Bruun (Brabrand Boligforening), mb@..."
    stops = [m.start() for m in (EMAIL.search(after), PHONE.search(after), _DETAIL_START.search(after)) if m]
    clauses = [c.strip(" .") for c in after[:min(stops, default=len(after))].split(",")]
    clauses = [c for c in clauses if c]
    if p.title and p.title in after:  # the title was read from these clauses, unit and all
        p.title = next((c for c in clauses if is_title_word(c.split()[0])), None)
    while clauses and is_title_word(clauses[0].split()[0]):
        p.title = p.title or clauses[0]
        clauses.pop(0)
    while len(clauses) > 1 and is_title_word(clauses[-1].split()[0]):  # a table's Titel column after the unit
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
    clauses = [c.strip() for c in unit.split(",")]
    if len(clauses) < 2:
        return unit
    typed = [(c, _org_type(c)) for c in clauses]
    unit_of = next((c for c, t in typed if t not in ("other", "municipality")), None)
    others = [c for c, t in typed if t != "municipality"]
    if unit_of is None and len(others) < len(clauses) and others:
        unit_of = ", ".join(others)  # "Aarhus Kommune, Sociale Forhold og Beskæftigelse": the unit
    return unit_of or unit


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
        while role == "signatory" and len(cells) > 1 and k + len(run) < len(lines) \
                and len(doc.lines[lines[k + len(run)]].split("\t")) == len(cells):
            run.append(doc.lines[lines[k + len(run)]].split("\t"))
        if len(run) > 1:
            items += [(lines[k], ", ".join(row[j].strip() for row in run)) for j in range(len(cells))]
        else:
            items.append((lines[k], _cells_as_fields(doc.lines[lines[k]])))
        k += len(run)
    return items


def _cells_as_fields(line: str) -> str:
    """A table row's cells are the fields of one entry ("Søren Dahl<TAB>Lejerbo Kolding<TAB>..."
    -> "Søren Dahl, Lejerbo Kolding, ..."); a row of labels and values ("Kommune:<TAB>Holbæk
    Kommune") stays as it is."""
    cells = line.split("\t")
    if len(cells) < 2 or any(c.rstrip().endswith(":") for c in cells):
        return line
    return ", ".join(c.strip() for c in cells)


def _details_end(text: str, p: Person) -> int:
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


# Parties stated in prose when a plan has no party list.
# (the list ends at a sentence end, "om"/"for at", or a cover's colophon run onto it:
# "... og Kolding Kommune Udgivet af ByLivKolding Februar 2022")
PROSE_PARTIES = re.compile(r"\b(?:(?:et\s+)?samarbejde|[Ii]nitiativaftale|[Ss]amarbejdsaftale|[Aa]ftale|indgået|aftalt"
                           r"|underskrevet)\s+mellem\s+"
                           r"(?P<a>[A-ZÆØÅ0-9][^.:;]{3,200}?)(?=\.|;|$|\s+om\b|\s+for\s+at\b"
                           r"|\s+(?:[Uu]dgivet|[Uu]darbejdet|[Rr]edigeret)\s+af\b)"
                           r"|\b(?i:ansøgningen|helhedsplanen|aftalen)\s+er\s+udarbejdet\s+af\s*:?\s*"
                           r"(?P<b>[A-ZÆØÅ0-9][^.;]{3,200})"
                           # "Parterne bag helhedsplanen er X og Y", "Bag helhedsplanen står X og Y"
                           r"|\b(?i:parterne\s+(?:bag|i)\s+(?:helhedsplanen|aftalen|indsatsen)\s+er"
                           r"|bag\s+(?:helhedsplanen|aftalen|indsatsen)\s+står)\s*:?\s*(?P<c>[A-ZÆØÅ0-9][^.;]{3,200})")


_PROSE_CUE = re.compile(r"mellem|udarbejdet|[Bb]ag (?:helhedsplanen|aftalen|indsatsen)")


def _prose_parties(doc: Document, role: str) -> list[OrgMention]:
    for i, line in enumerate(doc.lines[:80]):
        m = PROSE_PARTIES.search(clean(line)) if _PROSE_CUE.search(line) else None
        if m:
            entries = split_party_entries(m.group("a") or m.group("b") or m.group("c"))
            if len(entries) >= 2:
                return [o for e in entries for o in _org_mentions_one(e, i, role, None)]
    return []


def parse_parties(doc: Document, strategic: bool) -> tuple[list[OrgMention], list[ContactMention]]:
    """All organisation and contact mentions of the party lists and signature blocks."""
    return doc.memo(f"parties:{strategic}", lambda: _parse_parties(doc, strategic))


def _parse_parties(doc: Document, strategic: bool) -> tuple[list[OrgMention], list[ContactMention]]:
    orgs: list[OrgMention] = []
    contacts: list[ContactMention] = []
    for block in party_blocks(doc):
        role = "party" if strategic and block.delaftale is None else "partner"
        o, c = _line_entries(doc, block, role)
        orgs += o
        contacts += c
    for block in signature_blocks(doc):
        o, c = _line_entries(doc, block, "signatory")
        orgs += o
        contacts += c
    if not any(o.role == "party" for o in orgs):
        orgs += _prose_parties(doc, "party" if strategic or not orgs else "partner")
    return orgs, contacts
