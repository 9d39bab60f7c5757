"""Lists of organisations written as text: split into their entries.

A party list, a partner field or a signature line names several organisations with
little between them: commas (but "AKB, København" and "Center for Børn, Unge og
Familier" are one name), "og"/"samt" (but "Børn og Unge", "Teknik og Miljø" are one
unit), a municipality run into the next name, names listed with nothing between them
("ALFABO AAB Boligselskabet Kolding"), an abbreviation after a comma ("Enheden for
Kriminalpræventive Indsatser, EKI"), unfilled template fields ("Dato Navn").
"""
from __future__ import annotations

import re
from functools import lru_cache

from samspil.loaders.gazetteer import find_known_organisations, find_municipalities
from samspil.loaders.extract.unit_topics import is_unit_topic, join_topic_series
from samspil.loaders.vocab import load_vocab

__all__ = ["ALNUM", "AND_LIST", "KOMMUNE_THEN_NAME", "PLACEHOLDER", "PLACEHOLDER_NAME", "STREET", "fixed_og_pair",
           "initials_fit", "is_phrase_name", "org_type_of", "split_at_municipality", "split_org_text",
           "split_party_entries"]


STREET = re.compile(r"(?:vej|gade|allé|alle|plads|vænge|boulevard|torv)$", re.I)


PLACE_QUALIFIERS = {"københavn", "kbh", "kbh.", "aarhus", "odense", "aalborg", "amager", "valby", "selvejende"}


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
    >>> split_org_text("i) Jobcenter Randers; ii) Sprogcenter Randers")
    ['Jobcenter Randers', 'Sprogcenter Randers']
    """
    if ";" in text or ")" in text:
        text = _ENUMERATOR.sub("", text)
    if "(" not in text and ")" not in text:  # (no bracket: every comma and semicolon divides; split in C,
        parts = text.replace(";", ",").split(",")  # not a character at a time in Python)
    else:
        parts = []
        depth = 0
        buf = ""
        for ch in text:
            depth += ch == "("
            depth -= ch == ")"
            if ch in ",;" and depth == 0:
                parts.append(buf)
                buf = ""
            else:
                buf += ch
        parts.append(buf)
    out: list[str] = []
    parts = join_topic_series([x.strip() for x in parts])
    for p in parts:
        if not p:
            continue
        words = p.split()
        first = words[0].lower()
        qualifier = (len(words) <= 2 and (first in PLACE_QUALIFIERS or STREET.search(words[0]))
                     and not words[-1].lower().startswith("kommune")
                     and (p[0].islower() or org_type_of(re.split(r"\s+v[/.]", p)[0]) == "other"))  # not "Odense Bibliotekerne"
        topics = out and FOR_TOPICS.search(out[-1]) and re.search(r"\s(?:og|&)\s", p) and len(words) <= 5
        short = _LEADING_ABBR.match(p)
        if out and short and initials_fit(out[-1], short.group(1)):
            out[-1] += f" ({short.group(1)})" + p[short.end():]  # "Enheden for X Y, EXY (SOF)"
        elif out and (qualifier or topics) and not p.split(" v")[0].strip().isupper():
            out[-1] += ", " + p  # "AKB, København"; "Center for Børn, Unge og Familier"
        elif not p[0].islower():
            out.append(p)
    return out


# a list's counters inside a value: "i) X; ii) Y", "1) X, 2) Y", "a) X"
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s;:,]))(?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s+(?=[A-ZÆØÅ])")
_LEADING_ABBR = re.compile(r"([A-ZÆØÅ]{2,6})(?=\s*\(|\s+v[./]|\s*$)")


_INITIAL_CONNECTORS = frozenset(("og", "for", "i", "af", "til", "med"))


# (compiled once: a pattern given as a string to re's functions is looked up in re's cache at each call)
_INITIALS_WORD = re.compile(r"[\wæøåÆØÅ-]+")


def initials_fit(full: str, short: str) -> bool:
    """Is ``short`` the abbreviation of ``full``: the initials of its capitalised words, or
    of every word ("Enheden for Kriminalpræventive Indsatser" / EKI, "Center for
    Boligsocial Udvikling" / CFBU)? Only words and the usual connectors count.

    >>> initials_fit("Enheden for Kriminalpræventive Indsatser", "EKI"), initials_fit("Lejerbo", "KAB")
    (True, False)
    """
    words = _INITIALS_WORD.findall(full)
    if len(words) < 2 or not words[0][0].isupper() or any(
            w[0].islower() and w not in _INITIAL_CONNECTORS for w in words):
        return False
    return short in ("".join(w[0] for w in words if w[0].isupper()), "".join(w[0] for w in words).upper())


def compound_initials_fit(full: str, short: str) -> bool:
    """Is ``short`` the abbreviation of ``full`` when a compound word gives the initials of its
    parts too ("Andelsboligforeningen Tunehjem" / ABT: andels-Bolig-foreningen, Tunehjem)? The
    parts are words of the Danish word list (a linking s or e between them), each word gives its
    first letter and may give its next parts' initials in order.

    >>> compound_initials_fit("Andelsboligforeningen Tunehjem", "ABT"), compound_initials_fit("Tunehjem Skole", "TBS")
    (True, False)
    """
    words = [w for w in _INITIALS_WORD.findall(full) if w not in _INITIAL_CONNECTORS]
    if not words or len(words) >= len(short) or not short.isupper() or any(w[0].islower() for w in words):
        return False
    options = [_compound_initials(w.casefold()) for w in words]

    def fits(at: int, k: int) -> bool:
        if k == len(options):
            return at == len(short)
        return any(short.startswith(o, at) and fits(at + len(o), k + 1) for o in options[k])

    return fits(0, 0)


@lru_cache(maxsize=4096)
def _compound_initials(word: str) -> tuple[str, ...]:
    """'A', 'AB', 'ABF' for "andelsboligforeningen": its first letter, then those of its parts."""
    parts = _compound_parts(word)
    letters = "".join(p[0] for p in parts).upper() if parts else word[:1].upper()
    return tuple(letters[:n] for n in range(len(letters), 0, -1))


@lru_cache(maxsize=4096)
def _compound_parts(word: str) -> tuple[str, ...] | None:
    """The fewest words of the word list (three letters or more) that make up ``word``, a linking
    s or e allowed after each but the last (andels|bolig|foreningen), or None."""
    from samspil.loaders.letterspacing import _logfreq

    known = _logfreq()
    best: tuple[str, ...] | None = None
    for cut in range(3, len(word) - 2):
        head = word[:cut]
        if not (head in known or head[-1] in "se" and head[:-1] in known and len(head) > 3):
            continue
        rest = word[cut:]
        tail = (rest,) if rest in known else _compound_parts(rest)
        if tail and (best is None or 1 + len(tail) < len(best)):
            best = (head, *tail)
    return best


def org_type_of(name: str) -> str:
    return _org_type()(name)


@lru_cache(maxsize=1)
def _org_type():
    """``orgs.org_type``, imported at the first call (orgs imports this module; an import
    statement run at every call costs ~1-2 µs)."""
    from samspil.loaders.extract.orgs import org_type

    return org_type


_MUNICIPALITY_K = re.compile(r"([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?) K\.$")


def municipality_written_out(name: str) -> str:
    """'Næstved K.' -> 'Næstved Kommune' (a municipality's name with "Kommune" cut short; another
    name ending in "K." is kept).

    >>> municipality_written_out("Børn og Unge, Næstved K."), municipality_written_out("Klub K.")
    ('Børn og Unge, Næstved Kommune', 'Klub K.')
    """
    m = _MUNICIPALITY_K.search(name)
    if m is None:
        return name
    from samspil.loaders.gazetteer import municipality

    return f"{name[:m.start()]}{m.group(1)} Kommune" if municipality(f"{m.group(1)} Kommune") else name


# Unfilled fields of a template's party list or signature block.
# (with what a template puts in the blank: "[dato]", "[Indsæt navn]", "<navn>", "______")
PLACEHOLDER = re.compile(r"\b(?:Dato|Navn|Underskrift|Titel|Stilling|Sted)\b\s*:?(?:\s*(?:\[[^\]\n]{0,40}\]|<[^>\n]{0,40}>"
                         r"|_{2,}|\.{4,}))?|\[[^\]\n]{0,40}\]|<[a-zæøå][^>\n]{0,39}>|_{3,}", re.I)


PLACEHOLDER_NAME = re.compile(r"^(?:boligorganisation(?:en)?|kommune(?:n)?(?:\s+x+)?|x+\s+kommune|"
                              r"organisation|forening|afdeling|[xX.]+"
                              # a document's type, as a running header set under a signature block
                              r"|(?:strategisk\s+)?(?:samarbejds)?aftale|delaftale|(?:boligsocial\s+)?helhedsplan)$", re.I)


# "Kolding Kommune ALFABO": a municipality's name ends at "Kommune".
KOMMUNE_THEN_NAME = re.compile(r"(?<=\b[Kk]ommune)\s+(?=[A-ZÆØÅ0-9])")


_DOT_SEPARATOR = re.compile(r"\s+[·•]\s+")
# a municipality before the next party's name and its bracket: "Skive Kommune| Boligforeningen X (herefter BFT)"
_KOMMUNE_BEFORE_BRACKET = re.compile(r"^[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?\s[Kk]ommune(\s+)(?=[A-ZÆØÅ][^(]*\()")
AND_LIST = re.compile(r"\s+(?:og|samt|&)\s+")
_HEREAFTER_CODE = re.compile(r"\(\s*(?:efterfølgende|herefter|i det følgende)(?:\s+(?:kaldet|benævnt|omtalt\s+som))?\s+"
                             r"[\"“]?([A-ZÆØÅ]{2,6})[\"”]?\s*\)")
# "Boligforeningen Bælumhus (herefter Bælumhus)": a word of the name as its short form
_HEREAFTER_WORD = re.compile(r"(?P<name>[A-ZÆØÅ][\wæøå-]*(?:\s+[A-ZÆØÅ][\wæøå-]*){0,3})\s*\(\s*(?:efterfølgende|herefter"
                             r"|i det følgende)(?:\s+(?:kaldet|benævnt))?\s+[\"“]?(?P<word>[A-ZÆØÅ][a-zæøå]{3,})[\"”]?\s*\)")


_WORD_IN_BRACKET = re.compile(r"\(([A-ZÆØÅ][a-zæøå]{3,})\)$")


def _own_word_alias(m: re.Match[str]) -> str:
    """'X Y (herefter Y)' -> 'X Y (Y)' when the short form is a word of the name; else as written."""
    word = m.group("word")
    return f"{m.group('name')} ({word})" if own_short_form(word, m.group("name").split()) else m.group(0)


def own_short_form(word: str, names: list[str]) -> bool:
    """Is ``word`` a short form the name of ``names`` gives itself: one of its words ("Boligforeningen
    Bælumhus (herefter Bælumhus)"), or one that opens as a word after its first does ("Boligselskabet Suså
    (herefter Susåbo)"); not a kind every party shares ("(herefter Kommunen)").

    >>> own_short_form("Susåbo", ["Boligselskabet", "Suså"]), own_short_form("Kommunen", ["Køge", "Kommune"])
    (True, False)
    """
    stem = word[:4].casefold()
    return word in names or any(w.casefold().startswith(stem) for w in names[1:]) and not KIND_START.match(word)


# a kind's word every party of its kind shares ("(herefter Kommunen)"): no short form of one name
KIND_START = re.compile(r"(?i)(?:kommune|bolig|parte|organisation|selskab|forening|fond|region|aftale|helhedsplan)")


_KIND_PLURAL = re.compile(r"\s+(?:og|samt)\s+(?:de\s+(?:to|tre|fire|fem|\d)\s+)?(?:boligorganisation|boligselskab|boligforening)"
                          r"(?:erne|er)\s+(?=[A-ZÆØÅ])")
_AND_IN_PARENS = re.compile(r"\([^()]*\s(?:og|samt|&)\s[^()]*\)")
_PAREN_NOT_A_NAME = re.compile(r"\((?![A-ZÆØÅ])")  # "(420 boliger)": a count, no name in brackets


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
    >>> split_party_entries("Vridsløselille Andelsboligforening   Dato: [dato]   Navn: [navn]")
    ['Vridsløselille Andelsboligforening']
    >>> split_party_entries("Civica, FAB og Odense Kommune i fællesskab")
    ['Civica', 'FAB', 'Odense Kommune']
    """
    text = " ".join(PLACEHOLDER.sub(" ", text).split())
    if "(" in text and (coded := _HEREAFTER_WORD.sub(_own_word_alias, _HEREAFTER_CODE.sub(r"(\1)", text))) != text \
            and len(listed := split_party_entries(coded)) > 1:  # "A (herefter AB) og B (herefter BB)": split as "A (AB)
        words = {m.group("word") for m in _HEREAFTER_WORD.finditer(text)}  # og B (BB)" (one entry is left as written),
        return [_WORD_IN_BRACKET.sub(lambda m: f"(herefter {m.group(1)})" if m.group(1) in words else m.group(0), e)
                for e in listed]  # a word's short form given back its "herefter" (a word alone in brackets is no alias)
    if "bolig" in text:
        text = _KIND_PLURAL.sub(", ", text)  # "X Kommune og boligorganisationerne A og B": the kind's word no entry
    text = _JOINTLY.sub("", text)  # "... og Odense Kommune i fællesskab"
    text = _DOT_SEPARATOR.sub(", ", text)  # "Herlev Kommune · Hjortegårdsskolen · Herlev Bibliotek"
    out: list[str] = []
    for part in split_org_text(text):
        pieces = [part]
        if "(" in part and "," not in part and (at := _KOMMUNE_BEFORE_BRACKET.search(part)) is not None:
            out.append(part[:at.start(1)])  # "Skive Kommune Boligforeningen Tulstrupgaard (herefter BFT)": the
            part = pieces[0] = part[at.end(1):]  # municipality, then the next party and its short form
        if "(" in part and "," not in part and not _AND_IN_PARENS.search(part) and not _PAREN_NOT_A_NAME.search(part):
            pieces = _split_and(part)  # "ABE (Arbejdernes Boligforening) og Domea.dk"
        elif "(" not in part and "," not in part:  # a part that kept its comma is one name
            pieces = [q for p in KOMMUNE_THEN_NAME.split(part) for q in split_at_municipality(p)]
            pieces = [q for p in pieces for q in _split_and(p)]
            pieces = [q for p in pieces for q in _split_run_on(p)]
        out += [p.strip(" ,;") for p in pieces if p.strip(" ,;") and not PLACEHOLDER_NAME.match(p.strip(" ,;"))
                and not p.strip(" ,;").endswith(":")]  # a label run into the list ("Underskrevet af:")
    return _without_addresses(out) if any(_POSTCODE_TOWN.match(p) for p in out) else out


_POSTCODE_TOWN = re.compile(r"\d{4}\s+[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+)?$")
_HOUSE_NUMBER = re.compile(r"[A-ZÆØÅ][\wæøå.-]+(?:\s+[\wæøå.-]+){0,2}\s+\d{1,3}[A-Za-z]?(?:,\s*\d\.?(?:\s*(?:th|tv|mf)\.?)?)?$")


def _without_addresses(entries: list[str]) -> list[str]:
    """A party's address written after it: its postcode and town ("4700 Næstved") and the street with
    its number before them ("Rådmandshaven 20") are no parties.

    >>> _without_addresses(["Næstved Kommune", "Rådmandshaven 20", "4700 Næstved", "Boligselskabet Suså"])
    ['Næstved Kommune', 'Boligselskabet Suså']
    """
    drop = set()
    for k, entry in enumerate(entries):
        if _POSTCODE_TOWN.match(entry):
            drop.add(k)
            if k and _HOUSE_NUMBER.match(entries[k - 1]):
                drop.add(k - 1)
    return [e for k, e in enumerate(entries) if k not in drop]


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
    return [p for p in out if ALNUM.search(p)]


_TRAILING_AND = re.compile(r"(?:^|\s+)(?:og|samt|&)$")


# how a prose party list can end: "X, Y og Z i fællesskab / i samarbejde / i forening"
_JOINTLY = re.compile(r"\s+i\s+(?:fællesskab|samarbejde|forening)\s*$")


# a housing organisation named by its town and an indefinite head noun ("Greve Boligselskab")
_PLACE_HEAD = re.compile(r"^(?:Boligselskab|Boligforening|Andelsboligforening)$")
_HEADS = re.compile(r"^(?:Boligselskabet|Boligforeningen|Boligorganisationen|Andelsboligforeningen|Fællesorganisationens)$")


def _split_run_on(text: str) -> list[str]:
    """Names listed with nothing between them ("ALFABO AAB Boligselskabet Kolding"): a
    new name starts at an upper-case acronym after another word, and at a housing
    organisation's head noun.

    >>> _split_run_on("ALFABO AAB Boligselskabet Kolding")
    ['ALFABO', 'AAB', 'Boligselskabet Kolding']
    >>> _split_run_on("Boligforeningen 3B"), _split_run_on("KAB Fællesskabet")
    (['Boligforeningen 3B'], ['KAB Fællesskabet'])
    >>> _split_run_on("Boligselskabet Sydbo Lejerbo"), _split_run_on("Boligselskabet Fjordbo Greve Boligselskab")
    (['Boligselskabet Sydbo', 'Lejerbo'], ['Boligselskabet Fjordbo', 'Greve Boligselskab'])
    >>> _split_run_on("Boligforeningen Lillebælt SSP Fredericia"), _split_run_on("Boligforeningen AAB Vejle")
    (['Boligforeningen Lillebælt', 'SSP Fredericia'], ['Boligforeningen AAB Vejle'])
    """
    words = text.split()
    if len(words) < 2:
        return [text]
    known = _known_starts(text)
    out = [[words[0]]]
    at = len(words[0])
    for k, (prev, w) in enumerate(zip(words, words[1:])):
        at = text.index(w, at)
        acronyms = w.isupper() and w.isalpha() and len(w) >= 2 and prev.isupper() and prev.isalnum()
        # (an acronym after a name most often abbreviates it: "Samvirkende Boligselskaber SAB")
        place_head = len(out[-1]) >= 2 and k + 2 < len(words) and _PLACE_HEAD.match(words[k + 2]) and w[:1].isupper()
        nxt = words[k + 2] if k + 2 < len(words) else ""
        # "Lillebælt SSP Fredericia": an acronym and its town open the next name
        acronym_town = w.isupper() and w.isalpha() and len(w) >= 2 and prev[:1].isupper() and not prev.isupper() \
            and not _HEADS.match(prev) and nxt[:1].isupper() and not nxt.isupper() and len(out[-1]) >= 2
        if acronyms or _HEADS.match(w) or at in known and not _HEADS.match(prev) and not w.isupper() \
                or w in _definite_heads() and prev[:1].isupper() \
                or place_head or acronym_town:  # "... Foreningen Nydansker"; "Fjordbo Greve Boligselskab"
            out.append([w])
        else:
            out[-1].append(w)
        at += len(w)
    return [" ".join(ws) for ws in out]


@lru_cache(maxsize=1)
def _definite_heads() -> frozenset[str]:
    """Head nouns in the definite form ("Foreningen", "Biblioteket"): they open a name."""
    return frozenset(h for h in load_vocab("organisations")["heads"] if h.endswith(("en", "et")) and len(h) > 5)


def _known_starts(text: str) -> set[int]:
    """Where a known housing organisation's name begins ("Boligselskabet Sydbo Lejerbo":
    "Lejerbo" starts a name; "Boligforeningen AAB" is one)."""
    return {a for a, _, _, kind in find_known_organisations(text) if kind == "housing_organisation"}


def _split_and(text: str) -> list[str]:
    """'A og B' -> [A, B] when both sides name an organisation on their own ("Center for
    Børn og Forebyggelse" is one unit: the topics it is for).

    >>> _split_and("Center for Børn og Forebyggelse"), _split_and("Jobcenter Vejle og Vejle Bibliotek")
    (['Center for Børn og Forebyggelse'], ['Jobcenter Vejle', 'Vejle Bibliotek'])
    """
    parts = AND_LIST.split(text)
    seps = AND_LIST.findall(text)
    out = [parts[0]]
    for sep, right in zip(seps, parts[1:]):
        left = out[-1]
        topics = FOR_TOPICS.search(left.rsplit(": ", 1)[-1]) and (len(right.split()) == 1 or len(right.split()) == 2
                                              and org_type_of(right) == "other")  # "Center for Dagtilbud og Skole"
        joined = sep.strip() == "&" and len(right.split()) == 1  # "Erhvervsforeningen Middelfart & Omegn" (not
        # "Familiehuset Vest & Café Væksten": a name of its own after it)
        if (left.endswith("-") or joined or not right[:1].isupper() or len(right.split()) > 6 or _fixed_pair(left, sep, right)
                or topics or not (_org_like(left, org_type_of) and _org_like(right, org_type_of))):
            out[-1] = left + sep + right
        else:
            out.append(_shared_head(left, right))
    return out


def _shared_head(left: str, right: str) -> str:
    """'Værestedet Amadeus og Pegasus': a bare name after "og" shares the head noun (in its
    definite form, a kind of organisation) the name before it has: "Værestedet Pegasus" (not a
    common noun's own definite form: "Klubben Nord og Ungehuset" are two)."""
    words = left.split()
    if len(words) == 2 and " " not in right and words[0].endswith(("et", "en")) and words[1][:1].isupper() \
            and not right.endswith(("et", "en", "ne")) \
            and org_type_of(words[0]) != "other" and org_type_of(right) == "other":
        return f"{words[0]} {right}"
    return right


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
    return any(around.startswith(p) or p.startswith(around) or p in around for p in _fixed_pairs()) \
        or is_unit_topic(before) and is_unit_topic(after)


def is_phrase_name(name: str) -> bool:
    """A unit named by a common phrase ("Børn og Unge", "Kultur og Fritid"): in running text
    only its capitals tell it from the words ("børn og unge 6-17 år").

    >>> is_phrase_name("Børn og Unge"), is_phrase_name("Jobcenter Silkeborg")
    (True, False)
    """
    return name.casefold() in _fixed_pairs()


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


ALNUM = re.compile(r"[^\W_]")


# What ends a party list whose line breaks were lost: the next field's label ("Navn på
# helhedsplan:", "Aftaleperiode:"), a sentence end, a word of running text (lower case, no
# connector inside a name), or a section's heading word (vocabulary ``section_words``)
_LABEL_FIRST = re.compile(r"[A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå-]+){0,3}\s*:")
_NEXT_LABEL = re.compile(r"\s(?=[A-ZÆØÅ][\wæøå-]*(?:\s+[a-zæøå][\wæøå.-]*){0,3}\s*:(?:\s|$))")
_CONNECTOR = r"(?:og|samt|i|for|af|v|ved|afd|afdeling|under|på|til|med|fra|the|of|and)\b"
_RUN_END = re.compile(r"(?<=[a-zæøå]{3})(?<![Aa]fd)\.(?:\s|$)"
                      rf"|\s(?!{_CONNECTOR})[a-zæøå]{{2,}}\b(?![.:])(?=\s+(?:\d+\s+)?[a-zæøå])"  # two words of prose
                      r"|\s[A-ZÆØÅ][a-zæøå]+\b")


_BULLET_FIRST = re.compile(r"^[-–•▪*]\s+")
_BULLET_SEP = re.compile(r"\s+[-–•▪*]\s+(?=[A-ZÆØÅ0-9])")
_CAPITALISED = re.compile(r"\s([A-ZÆØÅ][a-zæøå]+)\b")
_DASH_TAIL = re.compile(r"\s+[-–]\s*[a-zæøå]*\s*$")


def party_run(text: str, run_on: bool = True, light: bool = False) -> str:
    """The entries of a party list written after its label on one line, without the
    text run onto them (with ``run_on`` false, only without the next field's label; with
    ``light``, only without a section run onto them: the line names people too).

    >>> party_run("Vejle Kommune Lejerbo Navn på helhedsplan: Nørremarken")
    'Vejle Kommune Lejerbo'
    >>> party_run("Vejle Kommune Sydbo Indledning Sydbo ejer de 244 lejemål")
    'Vejle Kommune Sydbo'
    >>> party_run("Slagelse almennyttige Boligselskab og Slagelse Kommune Samarbejdsaftalen gælder fra:")
    'Slagelse almennyttige Boligselskab og Slagelse Kommune'
    >>> party_run("Center for Børn og Unge, Lejerbo (Vejle afd. 3)")
    'Center for Børn og Unge, Lejerbo (Vejle afd. 3)'
    """
    if _BULLET_FIRST.match(text):  # "- Vejle Kommune - Lejerbo": a bulleted list run together
        text = _BULLET_SEP.sub(", ", _BULLET_FIRST.sub("", text))
    if light:  # a label's line that names people too: only a section's heading ends it
        at = next((m.start() for m in _CAPITALISED.finditer(text) if m.group(1) in section_words()
                   and not m.group(1).startswith("Kontakt")), None)
        if (sentence := _sentence_start(text)) is not None and (at is None or sentence < at):
            at = sentence  # "A og B Indsatsen dækker ...": a sentence after the list (its line breaks lost)
        return text if at is None else _DASH_TAIL.sub("", text[:at]).strip()  # ("CELF - se Bilag 3")
    if _LABEL_FIRST.match(text):
        return text  # "Kommunen: Vejle Kommune, ...": a labelled field, read by its label
    if m := _NEXT_LABEL.search(text):
        text = text[:m.start()]
    if not run_on:
        return text  # one entry on its line: its lower-case words are its own ("Bemandede legepladser ved X")
    words = section_words()
    depth = 0
    for m in _RUN_END.finditer(text):
        depth = text.count("(", 0, m.start()) - text.count(")", 0, m.start())
        word = m.group().strip()
        if depth == 0 and (not word[:1].isupper() or word in words):
            return _DASH_TAIL.sub("", text[:m.start()]).strip()
    return text


# a sentence's subject and verb after a list run onto it: "Indsatsen dækker", "Helhedsplanen er"
_SUBJECT_VERB = re.compile(r"\s([A-ZÆØÅ][a-zæøå]{3,})\s+(?:er|har|skal|vil|kan|dækker|omfatter|består|indgår|løber"
                           r"|gælder|arbejder|sker|blev|var|bliver|udgør|vedrører|beskriver|fastlægger|omhandler"
                           r"|bygger|sætter|ønsker|tager|træder)\s")


_VERB_AFTER = re.compile(r"\s+" + _SUBJECT_VERB.pattern.split(")\\s+", 1)[1])  # (the verb alone, after a run)


def _sentence_start(text: str) -> int | None:
    """Where a sentence opens in ``text`` by a common noun and a verb ("... Indsatsen dækker"), if it does."""
    for m in _SUBJECT_VERB.finditer(text):
        if opens_sentence(text[:m.start()].rsplit(" ", 2)[-2:], m.group(1)):
            return m.start()
    return None


# the nouns an agreement's sentences open with (the plan, its parts and its parties in the definite
# form); not an organisation's unit ("Beskæftigelsesenheden er ...", "Jobcenter Vejen har ...")
_PLAN_SUBJECTS = frozenset("""indsatsen helhedsplanen planen aftalen delaftalen samarbejdsaftalen samarbejdet projektet
    partnerskabet parterne formålet målet målgruppen aktiviteten aktiviteterne indsatsområdet indsatserne
    boligorganisationen boligorganisationerne kommunen organiseringen bevillingen budgettet evalueringen
    styregruppen følgegruppen delaftalerne aftalerne projekterne tiltagene""".split())


def _one_word_area(word: str) -> bool:
    from samspil.loaders.extract.focus_areas import is_known_area

    return len(word) >= 8 and is_known_area(word)


def opens_sentence(before: list[str], word: str) -> bool:
    """Is ``word``, before a verb, a sentence's subject (the plan or a part of it: "Indsatsen",
    "Helhedsplanen"), not the last word of the name that ``before`` (the words before it) opens?"""
    from samspil.loaders.gazetteer import known_organisation

    if word.casefold() not in _PLAN_SUBJECTS and not _one_word_area(word):
        return False  # (a focus area of one word too: "... SSP Faxe Beskæftigelse indgår ikke i aftalen")
    return not any(known_organisation(" ".join([*before[k:], word])) for k in range(len(before)))


def without_sentence_subject(run: str, text: str, end: int) -> str:
    """``run`` without its last word when that word and the verb after ``end`` open a sentence
    ("Boligforeningen Maribobo Indsatsen" before "dækker": a list's last name, its line break lost),
    if what is left names an organisation by its kind's word."""
    from samspil.loaders.extract.mentions import _has_cue

    head, _, last = run.rpartition(" ")
    if not head or not _VERB_AFTER.match(text, end) or not _has_cue(head):
        return run
    return head if opens_sentence(head.rsplit(" ", 2)[-2:], last) else run


@lru_cache(maxsize=1)
def section_words() -> frozenset[str]:
    return frozenset(load_vocab("organisations").get("section_words", []) or [])
