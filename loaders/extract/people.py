"""Recognise person names, titles, e-mails and phones in a contact text.

Contact texts come in many shapes in LBF agreements::

    Kontaktperson: Afdelingsleder, Afdeling for unge, Charlotte Kølle Jørgensen: 21438324 / fj2f@kk.dk
    Kontaktperson klyngeleder Maiken Andersen: 52106634 / D320@kk.dk
    Kontaktpersoner: Britt Holmgaard, leder: ux3d@kk.dk, 30 57 28 60 og Lone Haahr Mogensen, ...: bz3x@kk.dk
    TMF, Green Team, Jakob Hjuler Tamsmark, E60T@tmf.kk.dk, 20594225
    UNG (BIF) v. Afdelingschef Jesper Lang-Jensen, qn01@kk.dk

:func:`find_people` finds the names by shape (capitalised tokens, initials,
hyphens) minus title words and organisation words from ``vocab/people.yaml``,
then gives each e-mail and phone to the nearest person before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from samspil.loaders.digits import has_digit
from samspil.loaders.extract.text import EMAIL, PHONE, digits, strip_markup
from samspil.loaders.gazetteer import find_known_organisations, find_municipalities
from samspil.loaders.gazetteer import is_first_name as _gazetteer_first_name
from samspil.loaders.vocab import load_vocab

__all__ = ["Person", "find_people", "is_title_word", "looks_like_name"]

# (a surname with a capital inside after a particle: "DiBona", "McLean", "LeBlanc")
# (the Latin letters of names from anywhere: "Yıldız", "Şahin", "Paweł", "Nguyễn Văn", not only Danish ones;
# capitals of Latin-1, and both cases of Latin Extended-A and Extended Additional)
_UP = "A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ"
_LOW = "a-zß-öø-ÿĀ-ſḀ-ỿ"
# first names older documents shorten ("Sv. Aage Ingvorsen", "Chr. Holm", "Kr. Bech")
_FIRST_NAME_SHORT = frozenset("Sv. Chr. Kr. Joh. Fr. Th. Ths. Jac. Vilh. Wm. Aug.".split())
_TOKEN = re.compile(rf"(?:{'|'.join(sorted(w[:-1] for w in _FIRST_NAME_SHORT))})\.(?=\s[A-ZÆØÅ])|[”\"“]?(?:(?:Mc|Mac|Di|De|Da|Le|La|Van|Von)(?=[A-Z]))?[{_UP}][{_LOW}'’]+"
                    rf"(?:-[{_UP}{_LOW}][{_LOW}]+)*[”\"“]?|[A-ZÆØÅ]\.(?:[A-ZÆØÅ]\.)*(?=\s)")  # (a first name shortened first:
# "Sv. Aage Ingvorsen", "Chr. Holm")
# (opened by a look-ahead at the characters a name starts with: the engine skips to those
# instead of trying the look-behind at every position, ~45% less time)
_RUN = re.compile(
    rf"(?=[”\"“{_UP}])(?<![\w@.])(?:" + _TOKEN.pattern + r")(?:[ ](?:" + _TOKEN.pattern + r"|(?:de|van|von|la|le|al|el)(?=[ ][A-ZÆØÅ])))*")


# the keys of a contact written as a form ("Navn: Anna Holm, Titel: Leder, E-mail: ...")
FIELD_KEY = re.compile(r"(?=[NTSFEMntsfem])(?:(?<=^)|(?<=[\s,;]))(?:Navn|Titel|Stilling|Funktion|E-?mail|Mail|Telefon(?:nr\.?)?"
                        r"|Tlf\.?(?:\s*nr\.?)?|Mobil(?:nr\.?)?)\s*:", re.I)


@dataclass
class Person:
    name: str
    title: str | None
    email: str | None
    phone: str | None
    start: int
    end: int


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    v = load_vocab("people")
    return (frozenset(t.lower() for t in v["titles"]), tuple(v["title_suffixes"]),
            frozenset(v["not_name"]))


@lru_cache(maxsize=1)
def _names_vocab() -> tuple[frozenset[str], tuple[str, ...]]:
    v = load_vocab("people")
    return frozenset(v["first_names"]), tuple(v["org_stems"])


def is_first_name(token: str) -> bool:
    return token.strip("”\"“") in _names_vocab()[0]


def _any_first_name(token: str) -> bool:
    """A first name of the vocabulary or of the gazetteer's ~11,000 names used in Denmark: where
    a person's name begins in a run ("Familierådgivningen Svendborg Anja Krogh"). Not used to
    tell a person from an organisation named after one ("Peder Lykke Skolen")."""
    return is_first_name(token) or _gazetteer_first_name(token.strip("”\"“"))


_TITLE_ENDINGS = tuple(re.compile(e) for e in (r"en$", r"n$", r"ne$", r"erne$"))


@lru_cache(maxsize=16384)
def is_title_word(token: str) -> bool:
    """'Afdelingsleder' -> True, 'Charlotte' -> False."""
    titles, suffixes, _ = _cues()
    t = token.lower().strip(",.:;")
    for form in (t, *(ending.sub("", t) for ending in _TITLE_ENDINGS)):
        if form in titles or (len(form) > 5 and form.endswith(suffixes)):
            return True
    return False


def looks_like_name(text: str) -> bool:
    """Is ``text`` (a whole segment) shaped like a person's name?

    >>> looks_like_name("Charlotte Kølle Jørgensen"), looks_like_name("Borgercenter Voksne")
    (True, False)
    >>> _trim("Kenneth Gøtterup Lokal Politi", 0), _trim("Lars Nygaard Sydøstjyllands Politi", 0)
    (('Kenneth Gøtterup', 0), ('Lars Nygaard', 0))
    """
    m = _RUN.fullmatch(text.strip())
    return bool(m) and _trim(text.strip(), 0)[0] == text.strip()


@lru_cache(maxsize=16384)
def _bad(token: str) -> bool:
    _, _, not_name = _cues()
    bare = token.strip("”\"“")
    low = bare.lower()
    return (is_title_word(token) or bare in not_name or (bare.isupper() and len(bare) > 1 and not bare.endswith("."))
            or any(stem in low for stem in _names_vocab()[1]))


def _trim(run: str, start: int) -> tuple[str, int]:
    """The name inside a capitalised run: after the last title/organisation word,
    trailing title words dropped; '' if no name remains."""
    name, at = _trim_run(run)
    return name, start + at


@lru_cache(maxsize=16384)
def _trim_run(run: str) -> tuple[str, int]:
    """:func:`_trim` of a run at offset 0 (runs recur: remembered)."""
    start = 0
    tokens = run.split(" ")
    while tokens and (is_title_word(tokens[-1]) or tokens[-1].lower() in ("de", "van", "von", "la", "le", "al", "el")):
        tokens = tokens[:-1]
    bad = [i for i, t in enumerate(tokens) if _bad(t)]
    first = next((k for k, t in enumerate(tokens[:bad[0]]) if is_first_name(t)), None) if bad else None
    if bad and bad[-1] == len(tokens) - 1 and first is not None and bad[0] - first >= 2:
        # a name run into the organisation after it, as a flattened list runs them:
        # "Kenneth Gøtterup Lokal Politi", "Lars Nygaard Sydøstjyllands Politi" (and a word
        # before the first name: "Familie Søren Rask Delaftale")
        end = bad[0] - 1 if bad[0] - first >= 3 and tokens[bad[0] - 1].endswith("s") else bad[0]
        return " ".join(tokens[first:end]), start + sum(len(t) + 1 for t in tokens[:first])
    cut = max((i + 1 for i in bad), default=0)
    offset = start + sum(len(t) + 1 for t in tokens[:cut])
    tokens = tokens[cut:]
    known = [i for i, t in enumerate(tokens[:-1]) if _any_first_name(t)]
    if known and known[0] > 0:
        first = known[0] - (tokens[known[0] - 1] in _FIRST_NAME_SHORT)  # ("Sv. Aage Ingvorsen": a first name shortened)
        offset += sum(len(t) + 1 for t in tokens[:first])
        tokens = tokens[first:]
    if len(tokens) < 2 or len(tokens) > 6:
        return "", offset
    if tokens[0].endswith(".") and not _INITIALS.fullmatch(tokens[0]) and tokens[0] not in _FIRST_NAME_SHORT \
            or all(t.endswith(".") for t in tokens[1:]):
        return "", offset  # (but "H.C. Østerby", "J.P. Holm": two initials open a name; so does "Chr.")
    return " ".join(tokens), offset


_INITIALS = re.compile(r"(?:[A-ZÆØÅ]\.){2,3}")
_TITLE_FOR = re.compile(r"(?<![\w-])(?:\w*(?:mand|direktør|chef|leder|ansvarlig))\s+for\s+$", re.I)


def _title_for(text: str, start: int) -> bool:
    """Does a title and "for" end just before ``start`` ("rådmand for ")? The pattern (tried at
    every position of the 40 characters before) only where they end in "for" and white space."""
    before = text[max(0, start - 40):start]
    head = before.rstrip()
    return len(head) < len(before) and head[-3:].lower() == "for" \
        and _TITLE_FOR.search(text, max(0, start - 40), start) is not None


_WORD_REST = re.compile(r"[A-Za-zÆØÅæøå]{1,2}(?![A-Za-zÆØÅæøå])")  # the rest of a word after a run: "S" of "ApS"


def _names(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _RUN.finditer(text):
        run = m.group(0)
        if text[m.end():m.end() + 1].isupper() and (rest := _WORD_REST.match(text, m.end())) and rest.group(0).isupper():
            run = run.rsplit(" ", 1)[0] if " " in run else ""  # "Terndrup Trælast ApS": a word's part ("Ap"), no name
            if not run:  # (not a glued web copy's "Rikke Lunde HjortBoligsocial leder": a word follows)
                continue
        if text.startswith(("- og ", "-og ", "- eller "), m.end()) and " " in run:
            run = run.rsplit(" ", 1)[0]  # "Kenneth Holm Midt- og Vestsjællands Politi": "Midt-" opens a name
        if (cut := _organisation_inside(run)) is not None:
            run = run[:cut].rstrip()  # "Susanne Friis Lejerbo Kolding": a name run into a known organisation
        name, start = _trim(run, m.start())
        if name and start == m.start() and _title_for(text, start):
            continue  # "rådmand for Sociale Forhold og ...": the title's domain, no person
        if name and not _known_organisation_first(name) and not _organisation_shaped(name):
            out.append((name, start, start + len(name)))
    return out


@lru_cache(maxsize=16384)
def _organisation_inside(run: str) -> int | None:
    """Where a known organisation or a municipality ("Herning Kommune") begins inside a
    capitalised run, after two or more words."""
    if run.count(" ") < 2:
        return None
    found = [a for a, *_ in (*find_known_organisations(run), *find_municipalities(run))]
    hits = sorted(a for a in found if a > 0 and run[a - 1] == " " and run[:a].count(" ") >= 2)
    return hits[0] if hits else None


@lru_cache(maxsize=16384)
def _organisation_shaped(name: str) -> bool:
    """A run that opens with no first name and carries an organisation's cue word
    ("Sundhedshuset Randers", "Jobcenter Aarhus") names an organisation, not a person."""
    from samspil.loaders.extract.orgs import org_type

    first = name.split()[0]
    return not is_first_name(first) and org_type(first) != "other"


@lru_cache(maxsize=16384)
def _known_organisation_first(name: str) -> bool:
    """Does ``name`` open with a known organisation ("Røde Kors Esbjerg")? Then it is no person."""
    hits = find_known_organisations(name)
    return bool(hits) and hits[0][0] == 0


_TITLE_LEAD = re.compile(r"^\W*(kontaktpersoner|kontaktperson|kontaktoplysninger|kontakt|tovholdere|tovholder|"
                         r"ansvarlige? for aktiviteten|ansvarlige?|samt|og|v\.|v/)\W*", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-zæøå0-9)])[.!?]\s+(?=[A-ZÆØÅ])")
_COPULA_END = re.compile(r"\s+(?:er|var|bliver|hedder)$")
_TITLE_TAIL = re.compile(r"\b(tlf|mobil|telefon|e-?mail|mail|nr)\b.*$", re.I)


_SIGNED_FOR = re.compile(r"\s+For\s+(?=[A-ZÆØÅ])")
# (compiled once: a pattern given as a string to re's functions is looked up in re's cache at each call)
_CLAUSE_BREAK = re.compile(r",| v\. | v/")


def _title(text: str, name_start: int, name_end: int, prev_end: int, next_detail: int) -> str | None:
    """A title: title words in the clauses just before the name (nearest first,
    "Afdelingsleder, Afdeling for unge, Charlotte ..."), else just after it."""
    before = _CLAUSE_BREAK.split(text[prev_end:name_start])
    after = text[name_end:next_detail]
    for k, chunk in enumerate([*reversed(before[-3:]), after]):
        if "For " in chunk:  # two signatures on one line: "X, formand For Horsens Kommune: Y, direktør": the next
            chunk = _SIGNED_FOR.split(chunk)[0 if k == len(before[-3:]) else -1]  # one's "For ..." ends a title
        chunk = _SENTENCE_END.split(chunk)[-1]  # "... om året. Projektleder Lene Falk": the last sentence's words
        chunk = _TITLE_LEAD.sub("", chunk.strip())
        chunk = _TITLE_TAIL.sub("", chunk)
        chunk = _COPULA_END.sub("", chunk.strip(" ,.:;/–-()"))  # "Projektleder er Karen ...": the title
        words = chunk.split()
        if words and any(is_title_word(w) for w in words) and len(words) <= 8:
            return chunk
    return None


def find_people(text: str, strict: bool = False) -> list[Person]:
    """Persons named in ``text`` with the e-mail and phone printed after each.

    With ``strict``, a name needs a title or a known first name.

    >>> [(p.name, p.email, p.phone) for p in find_people(
    ...     "Kontaktperson: Anne Graah, skoleleder: 51142562 / BN50@kk.dk")]
    [('Anne Graah', 'BN50@kk.dk', '51142562')]
    >>> [(p.name, p.title) for p in find_people("UNG (BIF) v. Afdelingschef Jesper Lang-Jensen, qn01@kk.dk")]
    [('Jesper Lang-Jensen', 'Afdelingschef')]
    >>> [(p.name, p.email) for p in find_people("Leder Jonas Vad (Sociale Forhold og Beskæftigelse), jv@x.dk",
    ...                                         strict=True)]
    [('Jonas Vad', 'jv@x.dk')]
    """
    text = strip_markup(text)
    if ":" in text:  # "Navn: X, Titel: Y": the keys blanked out (each ends in a colon)
        text = FIELD_KEY.sub(lambda m: " " * len(m.group(0)), text)
    if "@" in text:  # (every e-mail has one)
        emails = [(m.start(), m.end(), m.group(0).rstrip(".")) for m in EMAIL.finditer(text)]
        masked = EMAIL.sub(lambda m: " " * len(m.group(0)), text)
    else:
        emails, masked = [], text
    # (PHONE's digits need a \d: the pattern, tried at every position, only in a text holding one)
    phones = [(m.start(), m.end(), digits(m.group(0))) for m in PHONE.finditer(masked)] if has_digit(masked) else []
    names = [n for n in _names(masked)]
    details = sorted([(s, e, v, "email") for s, e, v in emails] + [(s, e, v, "phone") for s, e, v in phones])
    people = _attach(text, names, details, strict)
    if strict and len(people) < len(names):  # a name that is no person ("Sociale Forhold")
        kept = {(p.start, p.end) for p in people}  # must not take the details of the one before it
        people = _attach(text, [n for n in names if (n[1], n[2]) in kept], details, strict)
    return people


_TITLE_OF = re.compile(r"\s(?:af|for|hos|ved|i)$")


def _attach(text: str, names: list[tuple[str, int, int]], details: list, strict: bool) -> list[Person]:
    """Each name with the e-mail and phone printed between it and the next name, and its title."""
    people: list[Person] = []
    prev_end = 0
    for i, (name, s, e) in enumerate(names):
        nxt = names[i + 1][1] if i + 1 < len(names) else len(text)
        mine = [d for d in details if e <= d[0] < nxt]
        first_detail = mine[0][0] if mine else nxt
        colon = text.find(":", e, first_detail)
        stop = colon if colon != -1 else first_detail
        if stop == nxt and i + 1 < len(names):  # words before the next name are its title
            stop = e
        email = next((d[2] for d in mine if d[3] == "email"), None)
        phone = next((d[2] for d in mine if d[3] == "phone"), None)
        title = _title(text, s, e, prev_end, stop)
        prev_end = max(e, mine[-1][1] if mine else e)
        if strict and not (title or _any_first_name(name.split()[0]) or _INITIALS.fullmatch(name.split()[0])):
            continue
        if title and title[-1:] in "frsdi" and _TITLE_OF.search(title) and not _any_first_name(name.split()[0]):
            continue  # "Leder af Nexø Nabolag": what the title is of, no person
        people.append(Person(name, title, email, phone, s, e))
    return people
