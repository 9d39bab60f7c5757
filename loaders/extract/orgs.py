"""Organisations: party lists, delaftale parties and organisations named in the text.

Mentions found by :mod:`parties` (and :mod:`mention_scan` for running text) are
merged within the document: the same key after normalisation, an alias of
another entry, a municipal prefix ("BUF Ellebjerg skole" ~ "Ellebjerg skole")
or a near-identical spelling with the same codes (rapidfuzz).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz, process

from samspil.loaders.document import Document
from samspil.loaders.extract.org_lists import fixed_og_pair
from samspil.loaders.extract.entry_orgs import OrgMention
from samspil.loaders.extract.name_cuts import one_cell, without_tail
from samspil.loaders.extract.parties import parse_parties
from samspil.loaders.extract.text import clean, folded_text_holds, holding_lines
from samspil.loaders.extract.variants import merge_variants
from samspil.loaders.gazetteer import find_known_organisations, find_municipalities, known_organisation
from samspil.loaders.gazetteer import municipality as canonical_municipality
from samspil.loaders.gazetteer import municipality, municipality_of_town
from samspil.loaders.model import Organisation, SourceRef
from samspil.loaders.vocab import load_vocab

__all__ = ["extract_organisations", "org_type", "name_key", "is_strategic"]

_PUNCT = re.compile(r"[^\wæøå ]+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Comparison key: case-folded, punctuation removed, genitive -s dropped.

    >>> name_key("KFF – Valby Biblioteker") == name_key("KFF Valby Biblioteker")
    True
    """
    key = " ".join(_PUNCT.sub(" ", name.casefold()).split())
    return re.sub(r"(?<=\w\w\w)s$", "", key)


@lru_cache(maxsize=1)
def _type_patterns() -> list[tuple[str, list[re.Pattern[str]]]]:
    vocab = load_vocab("organisations")
    kinds = [*vocab["types"].items(), *(vocab.get("type_only") or {}).items()]  # type_only: checked last
    return [(t, [re.compile("|".join(f"(?:{p})" for p in cues), re.I)]) for t, cues in kinds]


_UNIT_OF = re.compile(r"^[A-ZÆØÅ][\wæøå-]+\s+(?:i|hos)\s+([A-ZÆØÅ].*)$")


@lru_cache(maxsize=16384)
def org_type(name: str) -> str:
    """The SCHEMA.md type of an organisation from cue words in its name.

    >>> org_type("BUF Ellebjerg skole"), org_type("Københavns Kommune"), org_type("Incita ApS")
    ('school', 'municipality', 'company')
    """
    if (known := known_organisation(name)) is not None:
        return known[1]
    unit_of = _UNIT_OF.match(name)  # "Kursusafdelingen i Lejerbo": a housing organisation's own unit
    if unit_of and org_type(unit_of.group(1)) == "housing_organisation":
        return "housing_organisation"
    pair = name.split()
    if 3 <= len(pair) <= 4 and pair[-2] in ("og", "&") and fixed_og_pair(pair[-3], pair[-1]):
        return "municipal_unit"  # "Teknik og Miljø", "Børn og Unge", "Børn & Unge": a magistratsafdeling's name
    topics = _UNIT_FOR.match(name) is not None  # "Center for Dagtilbud og Skole": a unit, not a school
    for t, patterns in _type_patterns():
        if topics and t in _TOPIC_TYPES:
            continue
        if any(p.search(name) for p in patterns):
            return t
    if (branch := _known_branch(name)) is not None:
        return branch  # "Ældre Sagen Tårnby": a known organisation's local branch
    return "other"


_UNIT_FOR = re.compile(r"(?:Center|Centret|Centeret|Afdeling(?:en)?|Enhed(?:en)?|Sekretariat(?:et)?|Team(?:et)?)\s+for\s", re.I)
_TOPIC_TYPES = frozenset(("school", "daycare", "education", "culture_leisure", "health"))


def _known_branch(name: str) -> str | None:
    """The type of the known organisation a name opens with, when a place or two words follow."""
    hits = find_known_organisations(name)
    if hits and hits[0][0] == 0:
        rest = name[hits[0][1]:].strip(" ,-–")
        if rest and rest[:1].isupper() and len(rest.split()) <= 2:
            return hits[0][3]
    return None


def is_strategic(doc: Document) -> bool:
    """Does the document open as a strategic (samarbejds)aftale?"""
    head = " ".join(doc.lines[:60]).lower()
    return "strategisk samarbejdsaftale" in head or "strategisk aftale" in head or \
        "strategiske samarbejdsaftale" in head and "delaftale for" not in head[:200]


def _is_master_plan(doc: Document) -> bool:
    """An older helhedsplan (no strategic agreement, no delaftale): its "Aftalens parter"
    sign it, as a strategic agreement's do."""
    from samspil.loaders.extract.plan import _document_type

    return doc.memo("plan:document_type", lambda: _document_type(doc)) == "master_plan"


@lru_cache(maxsize=65536)
def _codes(key: str) -> frozenset[str]:
    return frozenset(t for t in key.split() if any(c.isdigit() for c in t) or len(t) <= 3)


@lru_cache(maxsize=1)
def _admins() -> frozenset[str]:
    return frozenset(a.lower() for a in load_vocab("abbreviations")["municipal_administrations"])


@lru_cache(maxsize=65536)
def _strip_admin_prefix(key: str) -> str:
    admins = _admins()
    parts = key.split()
    return " ".join(parts[1:]) if len(parts) >= 2 and parts[0] in admins else key


def _keys(names: list[str]) -> set[str]:
    return set().union(*map(_name_keys, names))


@lru_cache(maxsize=65536)
def _name_keys(name: str) -> frozenset[str]:
    """The keys one name is looked up by: its key, without a final s, without a
    forvaltning in front (a name recurs in every mention of its organisation: cached)."""
    keys = {name_key(name)}
    keys |= {re.sub(r"s$", "", k) for k in keys}
    if (m := _NOUN_OF_PLACE.match(name)) is not None:  # "Tryghedspartnerskab i Folehaven" ~ "-skabet Folehaven"
        keys.add(f"{m.group(1).casefold()} {name_key(m.group(2))}")
    return frozenset(keys | {_strip_admin_prefix(k) for k in keys})


# a common noun (a long compound), in its definite form or followed by "i"/"på", then the
# place it belongs to: "Tryghedspartnerskabet Folehaven", "Tryghedspartnerskab i Folehaven",
# "Lektiecaféen i Skovparken" ~ "Lektiecafé Skovparken" (one more key: the bare noun and the place)
_NOUN_OF_PLACE = re.compile(r"^([A-ZÆØÅ][a-zæøåé]{6,}?)(?:(?:et|en)\s+|\s+(?:i|på)\s+)([A-ZÆØÅ][\wæøå.-]*(?:\s+[A-ZÆØÅ][\wæøå.-]*)?)$")


class _Index:
    """Organisations found so far, looked up by every key of every name."""

    def __init__(self) -> None:
        self.orgs: list[Organisation] = []
        self.by_key: dict[str, int] = {}
        self.main_keys: list[str] = []
        self.position: dict[int, int] = {}  # id(org) -> its index (list.index compares whole dataclasses)
        self.sources: dict[int, set[SourceRef]] = {}  # id(org) -> its sources, for membership

    def find(self, names: list[str], keys: set[str] | None = None) -> Organisation | None:
        hits = [self.by_key[k] for k in (keys if keys is not None else _keys(names)) if k in self.by_key]
        if hits:  # the first-seen of the organisations a key names (not a set's order: the same every run)
            return self.orgs[min(hits)]
        kb = name_key(names[0])
        if len(kb) > 8 and self.main_keys:
            hit = process.extractOne(kb, self.main_keys, scorer=fuzz.ratio, score_cutoff=92)
            if hit and _codes(hit[0]) == _codes(kb):
                return self.orgs[hit[2]]
        return None

    def add(self, org: Organisation) -> None:
        self.position[id(org)] = len(self.orgs)
        self.sources[id(org)] = set(org.sources)
        self.orgs.append(org)
        self.main_keys.append(name_key(org.name))
        self.update(org, [org.name])

    def update(self, org: Organisation, names: list[str], keys: set[str] | None = None) -> None:
        i = self.position[id(org)]
        for k in keys if keys is not None else _keys(names):
            self.by_key.setdefault(k, i)


def merge_mentions(doc: Document, mentions: list[OrgMention]) -> list[Organisation]:
    index = _Index()
    spellings: dict[int, Counter] = {}  # id(org) -> how often each spelling was mentioned
    for m in mentions:
        names = [m.name, *m.aliases]
        keys = _keys(names)  # (looked up and then added: worked out once)
        target = index.find(names, keys)
        ref = doc.ref_near(m.line, m.name)
        if target is None:
            target = Organisation(name=m.name, aliases=[], type=org_type(m.name), parent=m.parent)
            index.add(target)
        if target.name.endswith("s") and m.name == target.name[:-1] \
                or _abbreviation(target.name) and not _abbreviation(m.name) and target.name in m.aliases:
            target.aliases.append(target.name)  # "Lejerbo Københavns" is the genitive of "Lejerbo København";
            target.name = m.name                # "FK" met before "Frederikssund Kommune (FK)" is its short form
            target.aliases = [a for a in target.aliases if a != m.name]
            if (kind := org_type(m.name)) != "other":
                target.type = kind
        for n in names:
            if name_key(n) != name_key(target.name) and n not in target.aliases:
                target.aliases.append(n)
        index.update(target, names, keys)
        if m.role == "party":
            target.is_party = True
        if m.role not in target.roles:
            target.roles.append(m.role)
        if target.parent is None and m.parent:
            target.parent = m.parent
        if ref not in index.sources[id(target)]:
            index.sources[id(target)].add(ref)
            target.sources.append(ref)
        counts = spellings.get(id(target))
        if counts is None:  # (not setdefault: that would make a Counter for every mention)
            counts = spellings[id(target)] = Counter()
        counts[m.name] += 1
    for org in index.orgs:
        _most_used_spelling(org, spellings[id(org)])
    return index.orgs


_LISTED_ROLES = ("party", "partner", "signatory", "administrator")


def _abbreviation(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isupper() and " " not in name


def _most_used_spelling(org: Organisation, counts: Counter) -> None:
    """Name an organisation known only from running text by the spelling the
    document uses most ("Landsbyggefonden" x7, not the first-seen typo
    "Landsbyggerfonden"). Genitives count with their base form; abbreviations
    never become the name; a name from a party or partner list is kept."""
    if any(r in _LISTED_ROLES for r in org.roles):
        return
    by_key: dict[str, int] = Counter()
    first_form: dict[str, str] = {}
    for name, n in counts.items():
        key = name_key(name)
        by_key[key] += n
        if key not in first_form or len(name) < len(first_form[key]):
            first_form[key] = name  # "Landsbyggefonden" rather than its genitive
    current = name_key(org.name)
    best = max((k for k in by_key if not first_form[k].isupper()),
               key=lambda k: (by_key[k], k == current), default=current)
    if best == current or by_key[best] <= by_key.get(current, 0):
        return
    new = first_form[best]
    org.aliases = [a for a in org.aliases if a != new] + [org.name]
    org.name = new
    better_type = org_type(new)
    if better_type != "other":
        org.type = better_type


def _tokens(o: Organisation) -> list[set[str]]:
    return [set(_strip_admin_prefix(name_key(n)).split()) for n in [o.name, *o.aliases]]


# (compiled once: a pattern given as a string to re's functions is looked up in re's cache at each call)
_SHORT_CAPS = re.compile(r"[A-ZÆØÅ]{2,5}")


def absorb_fragments(doc: Document, orgs: list[Organisation]) -> list[Organisation]:
    """Merge an organisation that was only mentioned in running text into the one
    other organisation whose name contains all its words ("Ungeværket" ->
    "Ungeværket Rubinen"), and an abbreviation into the one party whose name
    holds it as a word when the text never spells the abbreviation out."""
    vocab = load_vocab("abbreviations")
    abbr = {k: v for k, v in vocab["abbreviations"].items() if k not in vocab["municipal_administrations"]}
    keep: list[Organisation] = []
    known_tokens: dict[int, list[set[str]]] = {}
    holders: dict[str, set[int]] = {}  # token -> the organisations with a name holding it

    def tokens(i: int) -> list[set[str]]:
        if i not in known_tokens:
            known_tokens[i] = _tokens(orgs[i])
            for t in set().union(*known_tokens[i]):
                holders.setdefault(t, set()).add(i)
        return known_tokens[i]

    for i in range(len(orgs)):
        tokens(i)
    for o in orgs:
        listed = any(r in ("party", "partner", "signatory", "administrator") for r in o.roles)
        mine = set(_strip_admin_prefix(name_key(o.name)).split())
        short = next((a for a in [o.name, *o.aliases] if a in abbr), None)
        if short and not folded_text_holds(doc, abbr[short].casefold()):  # (the text case-folded only where its
            # lower case cannot tell)
            mine = {short.casefold()}
        elif not listed and _SHORT_CAPS.fullmatch(o.name) and o.name not in vocab["municipal_administrations"]:
            short, mine = o.name, {o.name.casefold()}  # "AKB" of "Boligselskabet AKB, København"
        elif short or listed or not mine or o.name.isupper() or o.type == "municipality":
            keep.append(o)  # (a municipality is no fragment of its unit's name: "Sundhedsplejen i Morsø Kommune")
            continue
        # only an organisation holding every word of ``mine`` can be its host
        maybe = set.intersection(*(holders.get(t, set()) for t in mine))
        hosts = [(min(len(t - mine) for t in tokens(i) if mine < t or (short and mine <= t)), i)
                 for i in sorted(maybe) if orgs[i] is not o
                 and any(mine < t or (short and mine <= t) for t in tokens(i))]
        hosts.sort()
        if hosts and (len(hosts) == 1 or hosts[0][0] < hosts[1][0]):
            host = orgs[hosts[0][1]]
            known_tokens.pop(hosts[0][1], None)  # its aliases change
            for n in [o.name, *o.aliases]:
                if n not in host.aliases and name_key(n) != name_key(host.name):
                    host.aliases.append(n)
            host.sources += [s for s in o.sources if s not in host.sources]
            tokens(hosts[0][1])
        else:
            keep.append(o)
    return keep


def _owner_is_party(doc: Document, orgs: list[Organisation]) -> None:
    """An older helhedsplan without a party list: the housing organisation named
    in its title lines ("Lejerbo Københavns boligsociale indsats i Valby") owns
    the plan and is its party."""
    def bare(text: str) -> str:
        return " ".join(re.sub(r"s$", "", w) for w in name_key(text).split())

    title = [line for line in doc.lines[:40] if line.strip()][:6]
    text = " " + " ".join(bare(t) for t in title) + " "
    for o in orgs:
        if o.type == "housing_organisation" and any(
                f" {bare(n)} " in text for n in [o.name, *o.aliases] if len(n) > 2):
            o.is_party = True
            o.roles.append("party")


def add_department_owners(doc: Document, orgs: list[Organisation], zones) -> None:
    """The owner of a department the plan covers ("fsb afdeling Gravervænget", "Zone 1)
    ... afdelinger er Boligforeningen 3B") is one of its organisations; in an older plan
    without a party list, the owner named in the title owns the plan."""
    known = {name_key(n) for o in orgs for n in [o.name, *o.aliases]}
    has_party = any(o.is_party for o in orgs)
    for z in zones:
        owner = z.housing_organisation
        if not owner or name_key(owner) in known:
            continue
        known.add(name_key(owner))
        first = min((s.line or 0 for s in z.sources), default=0)
        title = not has_party and not is_strategic(doc) and first <= 20 and not any(
            o.type == "housing_organisation" for o in orgs)
        orgs.append(Organisation(name=owner, type="housing_organisation", is_party=title,
                                 roles=["party" if title else "owner"], sources=list(z.sources[:1])))


def without_department_names(orgs: list[Organisation], zones, contacts) -> list[Organisation]:
    """``orgs`` without one whose name is a housing department's the text numbers ("Højskolebakken
    (AHS afd. 7)": a compound of a cue word, "Højskole", read as a school), unless it is a party, a housing
    organisation (an owner named as its department: "Boligforeningen Stengården") or a contact's organisation
    (then the text names it as an organisation too)."""
    departments = {name_key(z.name) for z in zones if z.type == "housing_department"
                   and any(a.lower().startswith("afd") or " afd" in a.lower() for a in z.aliases)}
    if not departments:
        return orgs
    used = {name_key(c.organisation) for c in contacts if c.organisation}
    return [o for o in orgs if o.is_party or o.type == "housing_organisation" or name_key(o.name) not in departments
            or name_key(o.name) in used]


def add_plan_municipality(doc: Document, orgs: list[Organisation], municipality: str | None) -> None:
    """The plan's own municipality is one of its organisations wherever the text names it: also
    written in lower case ("i samarbejde med mariagerfjord kommune") or only as the parent of
    its units ("Mariagerfjord Kommunes Familieafdeling", "Socialpsykiatrien i Mariagerfjord
    Kommune"), which name no organisation of their own for it."""
    if not municipality or any(o.type == "municipality" and municipality in (o.name, *o.aliases, canonical_municipality(o.name))
                               for o in orgs):
        return  # (also written "Nyborg kommune", or an OCR's "Helsingor Kommune" with the name as its alias)
    hit = next(((i, a, b) for i, line in enumerate(doc.lines) if "ommune" in line or "OMMUNE" in line
                for a, b, name in find_municipalities(line) if name == municipality), None)
    if hit is not None:
        i, a, b = hit
        orgs.append(Organisation(name=municipality, type="municipality", roles=["mentioned"],
                                 sources=[doc.ref(i, doc.lines[i][a:b])]))


def default_parties(orgs: list[Organisation], municipality: str | None, document_type: str | None) -> None:
    """A plan or strategic agreement that names no party of a kind (a report, minutes, a web page, a plan
    whose parties are only in prose): its parties of that kind are the plan's municipality, and the
    housing organisations (not their departments or units), as every strategic agreement is made between
    them. An older plan naming a party has no other assumed (it was often the housing organisation's
    application alone); a delaftale's parties are its own partners: none are assumed."""
    if document_type == "sub_agreement" or document_type == "master_plan" and any(o.is_party for o in orgs):
        return  # (an older plan was often the housing organisation's application alone)
    for kind in ("housing_organisation", "municipality"):  # (each kind of party that none is of)
        if any(o.is_party and o.type == kind for o in orgs):
            continue
        for o in orgs:
            if o.parent is None and o.type == kind and (kind != "municipality" or o.name == municipality):
                o.is_party = True
                o.roles.append("party")


def add_lowercase_services(doc: Document, orgs: list[Organisation]) -> None:
    """A municipal service every municipality has under one name, written only in lower case
    ("Forældrekurser i samarbejde med sundhedsplejen"): one of the document's organisations, when no
    organisation's name holds it already (vocab/organisations.yaml ``lowercase_services``)."""
    for word, (name, kind) in load_vocab("organisations").get("lowercase_services", {}).items():
        if word not in doc.lower_text or any(word[:-1] in n.lower() for o in orgs for n in (o.name, *o.aliases)):
            continue
        hit = next(((i, m) for i in sorted(holding_lines(doc, (word,), lower=False))
                    if (m := re.search(rf"(?<![\wæøå-]){word}(?![\wæøå-])", doc.lines[i]))), None)
        if hit is not None:
            i, m = hit
            orgs.append(Organisation(name=name, type=kind, roles=["mentioned"],
                                     sources=[doc.ref(i, doc.lines[i][max(0, m.start() - 40):m.end() + 40].strip())]))


def add_contact_units(orgs: list[Organisation], contacts) -> None:
    """A contact's organisation that no other rule found ("Mette Lund, Sundhedsplejen,
    mel@odense.dk") is one of the document's organisations, when it names a kind of
    organisation (a cue in its name) or a known one."""
    known = {name_key(n).replace(" og ", " ").replace("&", " ") for o in orgs for n in [o.name, *o.aliases]}
    ends = tuple(" ".join(n.split()) for n in known if n)  # (one endswith for them all)
    for c in contacts:
        head, _, place = (c.organisation or "").rpartition(",")
        if head.strip() and "(" not in head and bare_place(place.strip()) \
                and org_type(head) not in ("other", "housing_organisation"):
            c.organisation = head.strip()  # "Østjyllands Politi, Randers": where it is (but a housing
            # organisation's registered name may hold its town: "Boligselskabet AKB, København")
        name = c.organisation
        k = name_key(name or "").replace(" og ", " ").replace("&", " ")
        if not name or not plausible_name(name) or k.endswith(ends):
            continue  # known, also as the end of a longer name ("Social frikort Kbh. Bolig & ...")
        kind = org_type(name)
        if kind == "other" and known_organisation(name) is None:
            continue
        ends += (" ".join(k.split()),) if k else ()
        orgs.append(Organisation(name=name, type=kind, roles=["mentioned"], sources=list(c.sources[:1])))


_LETTER = re.compile(r"[^\W\d_]")


def plausible_name(name: str) -> bool:
    """False for what no organisation is called, whichever rule found it: no
    letter ("1 2", a page frame), a question ("Hvor ofte føler du dig ...?"), a
    label and its value run together ("... Survey: Har du ...").

    >>> plausible_name("3B"), plausible_name("1 2"), plausible_name("Hvor ofte mødes I?")
    (True, False, False)
    >>> plausible_name("Sekretariatet har adresse i Askerød Beboerhus."), plausible_name("Sekretariatet")
    (False, True)
    """
    name = name.strip()
    return bool(_LETTER.search(name)) and not name.endswith("?") and not (": " in name and re.search(r"\w: \w", name)) \
        and not _SENTENCE_NAME.search(name) and not _mostly_marks(name)


def _mostly_marks(text: str) -> bool:
    """Fewer letters and digits than other marks ("}{ . E . /_.": a scanned signature read as text)."""
    chars = "".join(text.split())  # (``split`` and ``isspace`` agree on what white space is)
    if chars.isalnum():
        return False  # (most names: every mark a letter or digit, told in C)
    return sum(map(str.isalnum, chars)) * 2 < len(chars)  # (each character told in C)


# a sentence, not a name: a finite verb after the first word and a full stop at the end
# ("Sekretariatet har adresse i Askerød Beboerhus.")
_SENTENCE_NAME = re.compile(r"^\S+\s+(?:har|er|ligger|holder|bliver|blev|skal|vil|kan|får|gør|drives|ledes)\s.*[a-zæøå]\.$")


def bare_place(name: str) -> bool:
    """A town's or municipality's name alone ("Vejle" in "Boligselskabet Sydbo, Vejle (afd. 15)",
    "Gellerup"): where an organisation is, not an organisation.

    >>> bare_place("Vejle"), bare_place("Vejle Kommune"), bare_place("Jobcenter Vejle"), bare_place("Lejerbo")
    (True, False, False, False)
    """
    if len(name.split()) > 2 or "kommune" in name.lower() or known_organisation(name) is not None:
        return False
    return municipality_of_town(name) is not None or municipality(name) is not None


def without_signing_place(doc: Document, name: str) -> str:
    """A signature's organisation without the place it was signed in, run onto it when the line breaks were
    lost ("For Boligforeningen Lehnskovbo Svendborg, den 11. december 2019": Boligforeningen Lehnskovbo)."""
    words = name.split()
    if len(words) < 3 or f"{name}," not in doc.text \
            or municipality_of_town(words[-1]) is None and municipality(words[-1]) is None:
        return name  # (a substring test first: most names are never followed by a comma)
    signed = doc.memo(f"signing_place:{name}", lambda: re.search(re.escape(name) + r",\s+(?:den\s+)?\d", doc.text))
    return " ".join(words[:-1]) if signed else name


def _resolve_references(orgs: list[Organisation], refs: list[OrgMention]) -> None:
    """Parties named by their kind ("indgået mellem Vejle Kommune og de to boligorganisationer")
    are the organisations of that kind the document names: with a number, the ones it names
    most often."""
    for m in refs:
        if m.role != "party" or m.refers is None:
            continue
        kind, count = m.refers
        of_kind = sorted((o for o in orgs if o.type == kind and o.parent is None), key=lambda o: -len(o.sources))
        for o in of_kind[:count or (1 if kind == "municipality" else len(of_kind))]:
            o.is_party = True
            o.roles.append("party")


def extract_organisations(doc: Document) -> list[Organisation]:
    from samspil.loaders.extract import mention_scan

    strategic = is_strategic(doc)
    party, _ = parse_parties(doc, strategic or _is_master_plan(doc))
    refs = [m for m in party if m.refers]
    party = [m for m in party if not m.refers]
    found = [m for m in party + mention_scan.text_mentions(doc, party) if "|" not in m.name or one_cell(m)]
    for m in found:
        m.name = without_signing_place(doc, without_tail(m.name))
    orgs = [o for o in merge_variants(absorb_fragments(doc, merge_mentions(doc, found)))
            if plausible_name(o.name) and not bare_place(o.name)]
    _resolve_references(orgs, refs)
    if not strategic and not party:
        _owner_is_party(doc, orgs)
    for o in orgs:
        if o.type == "other":
            o.type = next((org_type(a) for a in o.aliases if org_type(a) != "other"), "other")
        if o.type == "other" and o.parent and (name_key(o.parent) in _admins() or org_type(o.parent) == "municipality"):
            o.type = "municipal_unit"  # a unit of a forvaltning ("EKI (SOF)") or a municipality is a municipal unit
        if o.type == "other" and strategic and o.is_party and o.parent is None and o.name.isupper() \
                and len(o.name) >= 3:
            o.type = "housing_organisation"  # a strategic agreement's parties: the municipality and the
            # housing organisations, often by an acronym no cue word types ("ALFABO")
        o.name = clean(o.name)
    return orgs
