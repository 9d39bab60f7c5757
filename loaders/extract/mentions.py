"""Organisations named in running text.

Four cues, all from the vocabulary files rather than from any one document:

* known abbreviations (``vocab/abbreviations.yaml``: BUF, SOF, CFBU, ...), and
  abbreviations the text defines ("Center for Boligsocial Udvikling (CFBU)");
* capitalised runs containing an organisation cue word (``organisations.yaml``
  types: fond, forening, politi, bibliotek, kulturhus, ...);
* role lists ("Ansvars- og rollefordeling": ``- BBU: ...``);
* partner fields of older plans ("Samarbejdsrelationer:", "Forankring:").
"""
from __future__ import annotations

import re
from functools import lru_cache

from samspil.loaders.document import Document
from samspil.loaders.extract.org_lists import (fixed_og_pair, initials_fit, org_type_of, split_at_municipality,
                                               split_org_text)
from samspil.loaders.extract.parties import OrgMention
from samspil.loaders.extract.text import clean_keep_colon, clean, strip_markup
from samspil.loaders.vocab import load_vocab

__all__ = ["text_mentions"]

_CAP = r"(?:[A-ZÆØÅ][a-zæøå]{0,3}\.(?=\s[A-ZÆØÅ])|[A-ZÆØÅ][\wæøåÆØÅ'’&/-]*)"
_CONNECT = r"(?:[–-]\s+og|og|for|i|på|af|under|ved|til|–|-|&)"
# (the capital first lets the engine skip to capitals instead of trying every position;
# the look-behind then sees the capital and the character before it; the rest of the
# first word is that of either form of _CAP)
RUN = re.compile(rf"[A-ZÆØÅ](?<![\wæøå-].)(?:[a-zæøå]{{0,3}}\.(?=\s[A-ZÆØÅ])|[\wæøåÆØÅ'’&/-]*)"
                 rf"(?:\s+(?:{_CONNECT}\s+)?{_CAP})*")
DEFINE = re.compile(r"([A-ZÆØÅ][\wæøå-]*(?:\s+(?:og|for|i|af|-|–)?\s*[\wæøåÆØÅ-]+){0,7}?)\s*\(\s*([A-ZÆØÅ]{2,6})\s*\)")
_ABBREVIATION_IN_BRACKETS = re.compile(r"\(\s*[A-ZÆØÅ]{2,6}\s*\)")  # what every DEFINE match ends with
ROLE_BULLET = re.compile(r"^\s*[-•·*]\s*([A-ZÆØÅ][^:]{1,60}?)\s*:\s")
# (patterns of the per-name helpers, compiled once)
_CONNECT_WORD = re.compile(_CONNECT)
_SLASH_SPLIT = re.compile(r"(?<=\w)/(?=[A-ZÆØÅ])")
_STREET_END = re.compile(r"(?:vej|gade|boulevard|vænge|allé)$", re.I)
_ER_END = re.compile(r"[’']er$")
_UNDER = re.compile(r"^(.+?)\s+(?:under|i)\s+(.+)$")
_VED = re.compile(r"^(.+?)\s+ved\s+(.+)$")
_AF = re.compile(r"^([A-ZÆØÅ][a-zæøå]+)\s+af\s+(.+)$")
_GENITIVE_OF = re.compile(r"^(\S+)[’']s?\s+(.+)$")
_GENITIVE_END = re.compile(r"[’']s$")
FIELD = re.compile(r"^\W*(samarbejdsrelationer|samarbejdspartnere|partnere)\w*\W*:\s*(.*)$", re.I)
HEADING = re.compile(r"^\W*(ansvars- og rollefordeling|samarbejdspartnere)\W*:?\s*$", re.I)
FIELD_ALONE = re.compile(r"^\W*(?:samarbejdsrelationer|samarbejdspartnere|partnere)\w*\W*:?\s*$", re.I)


@lru_cache(maxsize=1)
def _vocab() -> tuple[dict[str, str], list[re.Pattern[str]], frozenset[str], frozenset[str]]:
    abbr = load_vocab("abbreviations")["abbreviations"]
    orgs = load_vocab("organisations")
    alternatives = [p for t, ps in orgs["types"].items() if t != "municipality" for p in ps] + [r"\bkommune\b"]
    cues = [re.compile("|".join(f"(?:{p})" for p in alternatives), re.I)]
    return abbr, cues, frozenset(orgs["generic_single"]), frozenset(orgs["not_org"])


@lru_cache(maxsize=1)
def _not_org_stems() -> re.Pattern[str]:
    return re.compile("|".join(load_vocab("organisations")["not_org_stems"]), re.I)


def _split_og(name: str) -> list[str]:
    """'PAB og AAB' -> ['PAB', 'AAB'] when each part is an organisation on its own;
    'Landsbyggefonden/X' -> its parts; fixed pairs ('Børn og Unge') are never split.

    >>> _split_og("Steno Diabetes Center og Sundheds- og Omsorgsforvaltningen")
    ['Steno Diabetes Center', 'Sundheds- og Omsorgsforvaltningen']
    >>> _split_og("Børn- og Ungeforvaltningen")
    ['Børn- og Ungeforvaltningen']
    """
    words = name.split()
    cuts = [0]
    for k, w in enumerate(words):
        if w in ("og", "samt") and 0 < k < len(words) - 1 and not words[k - 1].endswith("-"):
            # ("Børn- og Ungeforvaltningen": a compound's first half, never a name of its own)
            if not fixed_og_pair(words[k - 1], words[k + 1]):
                cuts.append(k)
    parts = []
    for a, b in zip(cuts, cuts[1:] + [len(words)]):
        part = " ".join(words[a + (1 if a else 0):b])
        parts += [p.strip() for p in _SLASH_SPLIT.split(part)]
    if len(parts) > 1:
        return [p for p in parts if _valid(p)]
    return [name]


def _split_adjacent(name: str) -> list[str]:
    """Two names run together by a flattened table: 'Amagerfælled Skole Lergravsparkens Skole';
    a one-word name at either end of a run of names, each with its cue word
    ('Forbrugerstyrelsen Den Sociale Retshjælp i Bragesgade Kvartershuset').

    >>> _split_adjacent("Forbrugerstyrelsen Den Sociale Retshjælp i Bragesgade Kvartershuset")
    ['Forbrugerstyrelsen', 'Den Sociale Retshjælp i Bragesgade', 'Kvartershuset']
    """
    words = name.split()
    for k in range(1, len(words) - 1):
        left, right = " ".join(words[:k + 1]), " ".join(words[k + 1:])
        if words[k + 1][0].isupper() and _has_cue(words[k]) and _has_cue(right) and _valid(left) and _valid(right) \
                and len(words) >= 4:
            return [left, right]
    if len(words) >= 3:
        for left, right in ((words[:1], words[1:]), (words[:-1], words[-1:])):
            one, rest = (left, right) if len(left) == 1 else (right, left)
            if _lone_name(one[0]) and left[-1][:1].isupper() and right[0][:1].isupper() \
                    and not _CONNECT_WORD.fullmatch(left[-1]) and _valid(" ".join(rest)):
                return [one[0], *_split_adjacent(" ".join(rest))] if one is left \
                    else [*_split_adjacent(" ".join(rest)), one[0]]
    return [name]


def _lone_name(word: str) -> bool:
    """A one-word organisation with its cue word ("Kvartershuset", "Forbrugerstyrelsen");
    not an abbreviation (a parent: "TMF Green Team") nor a word cut at a hyphen."""
    return word[:1].isupper() and not word.isupper() and not word.endswith("-") and _has_cue(word) \
        and _valid(word)


# words of a table's head row, written in capitals
_CAPS_HEADS = frozenset("Kommune Budget Budgetramme Total Samlet Finansiering Udgifter Indtægter Beløb Aktivitet "
                        "Aktiviteter Målgruppe Partnere Ansvarlig".split())


@lru_cache(maxsize=16384)
def _valid(name: str) -> bool:
    from samspil.loaders.extract.people import is_first_name, is_title_word

    abbr, _, generic, not_org = _vocab()
    words = name.split()
    if not words or any(w in not_org for w in words) or _not_org_stems().search(name):
        return False
    if any(is_first_name(w) for w in words) or is_title_word(words[0]):
        return False
    if len(words) >= 3 and words[-2] in ("i", "på") and words[0].isupper() and len(words[0]) <= 4:
        return False  # "AKB i Sydhavnen": a housing organisation's area, not an organisation
    if any(w.isupper() and len(w) > 4 and w.capitalize() in _CAPS_HEADS for w in words):
        return False  # "KOMMUNE LBF", "BUDGETRAMME Lommepengeprojektet": a budget table's head row
    if len(words) >= 3 and words[0] in generic and words[1] in ("i", "på", "fra") and words[0].endswith("er"):
        return False  # "Virksomheder i Randers": a kind of actor in a place ("Klubberne i Valby" is a unit)
    if _STREET_END.search(words[-1]) and words[0].isupper():
        return False
    if len(words) == 1:
        w = words[0]
        if w in abbr:
            return True
        if w in generic or len(w) < 3 or _ER_END.search(w):
            return False
        if w.isupper():
            return _has_cue(w)
        inner_cap = any(c.isupper() for c in w[1:])
        if not (inner_cap or w.endswith(("en", "et", "ne"))):
            return False
    if 3 <= len(words) <= 4 and words[-2] == "og" and all(w[0].isupper() for w in words if w != "og") \
            and not words[-3].endswith("-") and fixed_og_pair(words[-3], words[-1]):
        return True  # "Sociale Forhold og Beskæftigelse", "Børn og Unge": a magistratsafdeling
    return _has_cue(name)


@lru_cache(maxsize=16384)
def _has_cue(name: str) -> bool:
    return any(p.search(name) for p in _vocab()[1])


_FUNCTION_WORDS = frozenset(("Den", "Det", "De", "Der", "En", "Et", "I", "Med", "Fra", "Hos", "Af", "Til", "Og", "At",
                             "På", "Under", "Ved", "Mellem", "Deltager", "Deltage", "Ansvar", "Aktiviteter",
                             "Her", "Hvis", "Når", "Som", "Men", "Dette", "Disse", "Eftersom", "Fordi", "Selvom",
                             "Derfor", "Desuden", "Endvidere", "Således", "Samtidig", "Dermed", "Herudover"))


@lru_cache(maxsize=1)
def _vocab_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Run prefixes to drop ('Projektet'), and forvaltning abbreviations ('BUF')."""
    return (frozenset(load_vocab("organisations")["run_prefixes"]),
            frozenset(load_vocab("abbreviations")["municipal_administrations"]))


# A capitalised run stops at these: a cover's colophon ("Udgivet af") or a date's month
# run onto a name when line breaks were lost.
_RUN_BREAKS = frozenset("Udgivet Udarbejdet Redigeret Godkendt Vedtaget Underskrevet Januar Februar Marts April "
                        "Maj Juni Juli August September Oktober November December".split())


@lru_cache(maxsize=1)
def _role_verbs() -> frozenset[str]:
    return frozenset(str(v).lower() for v in load_vocab("organisations").get("role_verbs", []) or [])


def _cut_role_dash(words: list[str]) -> list[str]:
    """A run of a roles list whose lines were run together: 'UU - Leverer' -> 'UU'
    (a dash and a role verb start the description); 'Green Teams - Green Teams'
    (the name repeated as the description's subject) -> 'Green Teams'.

    >>> _cut_role_dash("UU - Leverer".split()), _cut_role_dash("BIF - Fritidsjobindsatsen".split())
    (['UU'], ['BIF', '-', 'Fritidsjobindsatsen'])
    """
    for k, w in enumerate(words):
        if w in ("-", "–") and 0 < k < len(words) - 1:
            if words[k + 1].lower() in _role_verbs() or words[k + 1:] == words[:k]:
                return words[:k]
    return words


def _trim_run(run: str) -> str:
    """Drop connectors at the ends and sentence-initial function words."""
    words = _cut_role_dash(run.split())
    cut = next((k for k, w in enumerate(words) if k and w.rstrip(".,") in _RUN_BREAKS), None)
    words = words[:cut] if cut is not None else words  # "Kolding Kommune Udgivet af ... Februar"
    at = next((k for k in range(1, len(words) - 1) if words[k] == "på" and any(
        _STREET_END.search(w.rstrip(".,")) for w in words[k + 1:k + 4])), None)
    if at is not None and org_type_of(" ".join(words[:at])) == "municipal_unit":
        words = words[:at]  # "Familierådgivningen på Traps Allé": a municipal service's address
    while words and (_CONNECT_WORD.fullmatch(words[-1]) or words[-1].endswith(".") and len(words[-1]) > 4):
        if words[-1].endswith(".") and len(words[-1]) > 4:
            words[-1] = words[-1].rstrip(".")
            break
        words.pop()
    while len(words) > 1 and words[-1] in _FUNCTION_WORDS:
        words.pop()  # "LBF At": the next sentence starts
    prefixes = _vocab_sets()[0]
    while words and (words[0] in _FUNCTION_WORDS and not (words[0] in ("Den", "Det") and len(words) >= 3)
                     or words[0] in prefixes or _CONNECT_WORD.fullmatch(words[0])):
        words.pop(0)  # (and a connector the dropped word left in front: "Deltager i SSP")
    return " ".join(words).strip(" -–/&")


def _unit_of(name: str) -> list[str]:
    """'X under Y' and 'X i Y-forvaltningen' name a unit X of Y: both, separately.

    >>> _unit_of("Center City under Borgercenter Voksne")
    ['Center City', 'Borgercenter Voksne']
    """
    m = _UNDER.match(name)
    if m and (" under " in name or _has_cue(m.group(2)) and "forvaltning" in m.group(2).lower()):
        return [m.group(1), m.group(2)]
    m = _VED.match(name)  # "X ved Y": a place or host Y
    if m:
        return [m.group(1), m.group(2)]
    m = _AF.match(name)  # "Projektledelse af Steno": an act of Y
    if m and not _valid(m.group(1)):
        return [m.group(2)]
    m = _GENITIVE_OF.match(name)  # "SOF’s Fritidsjob": Y of X
    if m:
        return [m.group(2)]
    return [name]


def _drop_parent_suffix(name: str) -> str:
    """'Bavnehøj Skole BUF' -> 'Bavnehøj Skole' (a trailing forvaltning abbreviation)."""
    admins = _vocab_sets()[1]
    words = name.split()
    if len(words) > 1 and words[-1] in admins:
        words = words[:-1]
        while words and _CONNECT_WORD.fullmatch(words[-1]):
            words.pop()
    return " ".join(words)


# "Randers håndboldklub", "Vestbyens idrætsforening": a place or name followed by a
# lower-case head noun of an organisation.
_LOWER_HEAD = re.compile(r"\s+([a-zæøå]+(?:klub|klubben|forening|foreningen|skole|skolen|bibliotek|biblioteket|"
                         r"børnehave|vuggestue|kirke|menighed|menighedsråd|idrætsforening))\b")


# "Københavns Professionshøjskoles linje", "Nordsjællands Politis håndbog": the genitive
# of a name ending in an organisation's head noun, before the noun it governs
_GENITIVE_HEAD = re.compile(r"(?i:skole|skolen|politi|center|centret|forening|foreningen|fond|fonden|bibliotek|"
                            r"biblioteket|klub|klubben|forvaltning|forvaltningen|sekretariat|sekretariatet|"
                            r"universitet|akademi|institut|kompagni|kompagniet|boligselskab|boligforening)s$")


def _longest_match(pattern: re.Pattern[str]) -> int:
    """The most characters a match of ``pattern`` can span (read from the parsed pattern)."""
    try:
        from re import _parser  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as _parser  # type: ignore[no-redef]
    return _parser.parse(pattern.pattern, pattern.flags).getwidth()[1]


_GENITIVE_HEAD_CHARS = _longest_match(_GENITIVE_HEAD)
_LOWER_WORD = re.compile(r" [a-zæøå]")


def _candidates(text: str) -> list[str]:
    out = []
    for m in RUN.finditer(text):
        run = m.group(0)
        head = _LOWER_HEAD.match(text, m.end())
        if head and len(run.split()) <= 3:
            run = f"{run} {head.group(1)}"
        elif run.endswith("s") and _GENITIVE_HEAD.search(run, len(run) - _GENITIVE_HEAD_CHARS) \
                and _LOWER_WORD.match(text, m.end()):  # (a match ends the run: only its end is searched)
            run = run[:-1]
        out += _run_names(run)
    if out and _DIGIT_NAME.search(text) and not _UNIT_WORDS.search(text):
        out += _DIGIT_NAME.findall(text)  # "... med Red Barnet, 5B og Velux Fonden"
    return out


# A name that starts with a digit ("5B", "3B") as an item of a list of organisations;
# not in a list of departments ("afd. 3, 7B og 12") or classes
# (the digit first, the look-behind after it: the engine skips to digits)
_DIGIT_NAME = re.compile(r"(\d(?:(?<=, \d)|(?<= og \d)|(?<= samt \d))[A-ZÆØÅ]{1,2})(?=,| og | samt |\.(?:\s|$)|$)")
_DIGIT_FIRST = re.compile(r"\d[A-ZÆØÅ]{1,2}")
_UNIT_WORDS = re.compile(r"\bafd\b|afdeling|\bklasse|\bblok|\bopgang|\bnr\.", re.I)


@lru_cache(maxsize=16384)
def _run_names(run: str) -> tuple[str, ...]:
    """The organisation names in one capitalised run (runs recur: cached)."""
    out = []
    name = _around_known(_GENITIVE_END.sub("", _trim_run(run)))
    for part in _split_og(name):
        pieces = (p for whole in split_at_municipality(part) for p in _split_adjacent(whole))
        for unit in (u for piece in pieces for u in _unit_of(piece)):
            unit = _drop_parent_suffix(unit).rstrip("’'")
            if _valid(unit):
                out.append(unit)
    return tuple(out)


_NAME_TAILS = frozenset("Danmark Ungdom Nord Syd Øst Vest City Centrum Midt".split())


# a run that opens with a common noun and a connector before the known name ("Ansøgning til
# Landsbyggefonden Helhedsplanen"): the known name is trimmed out of it
_LEADING_PROSE = re.compile(r"^[A-ZÆØÅ][a-zæøå]+\s+(?:til|fra|hos|med)\s+[A-ZÆØÅ]")


def _around_known(run: str) -> str:
    """A run that holds a known organisation (gazetteer) keeps it with the words
    around it that belong to a name - a place ("Lejerbo København"), a code, a
    word with an organisation cue - and loses the heading or sentence words a run
    picks up where line breaks were lost ("Resumé Lejerbo", "Landsbyggefonden Sikre").

    >>> _around_known("Resumé Lejerbo Københavns"), _around_known("Landsbyggefonden Sikre")
    ('Lejerbo Københavns', 'Landsbyggefonden')
    """
    from samspil.loaders.gazetteer import find_known_organisations, municipality, municipality_of_town

    found = find_known_organisations(run)
    if not found or not _valid(run) and not _LEADING_PROSE.match(run):
        return run  # nothing known, or a run that is no name at all ("AKB – Sjælør Boulevard")
    start, end = max(((s, e) for s, e, _, _ in found), key=lambda se: se[1] - se[0])
    prefix = run[:start].strip()
    if prefix and _has_cue(prefix) and re.search(r"\s(?:i|på|hos|under)$", prefix):
        return run  # "Kursusafdelingen i Lejerbo": a unit of the known organisation

    def belongs(word: str) -> bool:
        bare = word.strip(",.;:()")
        return bool(bare) and (bare.isupper() or any(c.isdigit() for c in bare) or _has_cue(bare)
                               or bare in _NAME_TAILS
                               or municipality_of_town(bare) is not None or municipality(bare) is not None
                               or _CONNECT_WORD.fullmatch(bare) is not None)

    before, after = run[:start].split(), run[end:].split()
    kept_before: list[str] = []
    while before and belongs(before[-1]):
        kept_before.insert(0, before.pop())
    kept_after: list[str] = []
    for word in after:
        if not belongs(word):
            break
        kept_after.append(word)
    return _trim_run(" ".join([*kept_before, run[start:end], *kept_after]))


def _definitions(text: str) -> list[tuple[str, str]]:
    """('Center for Boligsocial Udvikling', 'CFBU') for every '... (CFBU)' whose initials fit."""
    out: list[tuple[str, str]] = []
    if "(" not in text or not _ABBREVIATION_IN_BRACKETS.search(text):
        return out
    for m in DEFINE.finditer(text):
        full, short = _trim_run(m.group(1)), m.group(2)
        caps = [w[0] for w in re.split(r"[\s-]+", full) if w and w[0].isupper()]
        if caps and caps[0] == short[0] and len(caps) >= 2 and _has_cue(full):
            out.append((full, short))
    return out


_APPOSITIVE = re.compile(r",\s+([A-ZÆØÅ]{2,6})(?=\s*[(,.;:]|\s+v[./]|\s*$)")
_APPOSITIVE_WORDS = re.compile(r"[\wæøåÆØÅ-]+")


def _appositive_definitions(text: str) -> list[tuple[str, str]]:
    """('Enheden for Kriminalpræventive Indsatser', 'EKI') for '..., EKI (' when the words
    just before the comma have the abbreviation's initials (:func:`initials_fit`)."""
    out: list[tuple[str, str]] = []
    if ", " not in text:
        return out
    for m in _APPOSITIVE.finditer(text):
        short = m.group(1)
        words = _APPOSITIVE_WORDS.findall(text[max(0, m.start() - 120):m.start()])
        for k in range(len(words) - 2, max(-1, len(words) - 9), -1):
            full = " ".join(words[k:])
            if initials_fit(full, short) and _has_cue(full):
                out.append((full, short))
                break
    return out


_AND_BEFORE_NAME = re.compile(r"(?<!-)\s+(?:og|samt)\s+(?=[A-ZÆØÅ]|\d[A-ZÆØÅ])")  # (also "og 5B")
_FOR_TOPIC_END = re.compile(r"\bfor\s+[A-ZÆØÅ][\wæøå-]*$")
_LONE_TOPIC = re.compile(r"[A-ZÆØÅ][a-zæøå-]+(?=\s*(?:[,;(]|$))")


def _and_to_comma(m: re.Match[str]) -> str:
    """'A og B' in a list of organisations is two names, but 'Center for Unge og
    Uddannelse' is one: the topics of a unit 'for' something, the last a lone word."""
    before, after = m.string[:m.start()], m.string[m.end():]
    if _FOR_TOPIC_END.search(before) and _LONE_TOPIC.match(after):
        return m.group(0)
    return ", "


_LIST_END = re.compile(r"(?:(?<=[a-zæøå]{4})|(?<=\)))\.\s+(?=[A-ZÆØÅ])|\s+\d{1,3}\s+(?=[A-ZÆØÅ][a-zæøå]+\s+[a-zæøå])")
_PROSE_WORDS = re.compile(r"(?<![\wæøå-])(?!(?:og|i|for|af|på|til|med|ved|samt|under|fra)\b)[a-zæøå]{2,}\b")


def _field_orgs(value: str) -> list[str]:
    """Organisations of a comma list ("Red Barnet /København City, Frivillige, Familierådgivningen")."""
    from samspil.loaders.extract.people import is_first_name, is_title_word

    _, _, generic, not_org = _vocab()
    names = []
    value = _LIST_END.split(value, 1)[0]  # the list ends where a sentence or a page begins
    for seg in split_org_text(_AND_BEFORE_NAME.sub(_and_to_comma, value)):
        if len(_PROSE_WORDS.findall(seg)) >= 3:
            break  # "... 5B 2 Helhedsplanen omfatter afdelingerne ...": prose after the list
        seg = clean(re.split(r"\s+\(|\s+som fx\s|\s+fx\s|\s+(?:og|samt)\s+(?=[a-zæøå])", seg)[0])
        words = seg.split()
        if len(words) >= 2 and all(w[:1].islower() for w in words[1:]) and not _has_cue(seg):
            continue  # "Boligsociale medarbejdere": people in a role, not an organisation
        if _DIGIT_FIRST.fullmatch(seg):
            names.append(seg)  # "5B", "3B": housing organisations named by a digit first
            continue
        if not words or not seg[0].isupper() or len(words) > 6 or words[0] in generic and (
                len(words) == 1 or not words[1][:1].isupper()):  # "Foreningen Nydansker" is a name
            continue
        if is_title_word(words[0]) or any(is_first_name(w) for w in words) or words[0] in not_org:
            continue
        if len(words) == 1 and not (_valid(seg) or seg.endswith(("en", "et", "ne"))):
            continue
        if sum(w[0].isupper() for w in words) * 2 >= len(words) or _has_cue(seg):
            names.append(seg)
    return names


def text_mentions(doc: Document, known: list[OrgMention]) -> list[OrgMention]:
    from samspil.loaders.extract.activities import activity_blocks

    abbr, _, _, _ = _vocab()
    activity_names = {b.name.casefold() for b in activity_blocks(doc)}
    party_lines = {m.line for m in known}
    out: list[OrgMention] = []
    in_roles = label_alone = False
    from samspil.loaders.extract.sections import plain_lines
    from samspil.loaders.segment import starts_with_label

    plain = plain_lines(doc)
    for i, raw in enumerate(doc.lines):
        if i in party_lines:
            continue
        text = plain[i].strip(" ,;:–-•·")
        if not text:
            continue
        value_next, label_alone = label_alone, False
        if HEADING.match(text) or FIELD_ALONE.match(text):
            in_roles = in_roles or HEADING.match(text) is not None
            label_alone = FIELD_ALONE.match(text) is not None  # "Samarbejdsrelationer:", its list below
            continue
        if in_roles and not ROLE_BULLET.match(strip_markup(raw)) and (len(text) > 100 or "navn:" in text.lower()):
            in_roles = False
        f = FIELD.match(text)
        if f or value_next and len(text) <= 200 and not ROLE_BULLET.match(strip_markup(raw)) \
                and not starts_with_label(text):
            out += [OrgMention(n, i, role="activity_partner") for n in _field_orgs(f.group(2) if f else text)]
            continue
        if in_roles and (b := ROLE_BULLET.match(strip_markup(raw))):
            out += [OrgMention(n, i, role="activity_partner") for n in _field_orgs(b.group(1))
                    if (_valid(n) or n in abbr or _all_caps_words(n)) and n.split()[0] not in _FUNCTION_WORDS]
        for full, short in _definitions(text) + _appositive_definitions(text):
            out.append(OrgMention(full, i, aliases=[short], role="mentioned"))
        cells = [clean_keep_colon(c) for c in raw.split("\t")] if "\t" in raw else [text]
        for name in (n for cell in cells for n in _candidates(cell)):  # a name never spans two cells
            name = _municipality_form(name)
            if _heading_caps(name):
                continue
            if name in abbr:
                out.append(OrgMention(abbr[name], i, aliases=[name], role="mentioned"))
            else:
                out.append(OrgMention(name, i, role="mentioned"))
    return _drop_activities(out, activity_names)


_MUNICIPALITY_TAIL = re.compile(r"^(?:[A-ZÆØÅ][\wæøå]*\s+)+?(?P<muni>[A-ZÆØÅ][\wæøå-]+)\s+Kommunes?$")
_CAPS_FUNCTION = re.compile(r"\s(?:OG|I|FOR|AF|TIL|MED|PÅ|OM|SOM|BLANDT)\s")


def _municipality_form(name: str) -> str:
    """'Budget Københavns Kommunes' -> 'Københavns Kommune': a run that ends in a
    municipality's name (all are one word) names the municipality.

    >>> _municipality_form("Budget Københavns Kommunes"), _municipality_form("Randers Kommunes")
    ('Københavns Kommune', 'Randers Kommune')
    """
    if "\n" not in name and not name.endswith(("Kommune", "Kommunes")):
        return name  # (the common case, told without the pattern)
    m = _MUNICIPALITY_TAIL.match(name)
    if m:
        return f"{m.group('muni')} Kommune"
    return name[:-1] if name.endswith(" Kommunes") else name


def _heading_caps(name: str) -> bool:
    """An upper-case heading ('NETVÆRK OG MEDBORGERSKAB'), not an organisation's acronym."""
    return name.isupper() and (len(name.split()) >= 3 or bool(_CAPS_FUNCTION.search(f" {name} ")))


_DEFINITE_END = re.compile(r"(?:et|en)$")


def _drop_activities(mentions: list[OrgMention], activity_names: set[str]) -> list[OrgMention]:
    """Activity names (also in their definite form: 'Lommepengeprojektet') are not organisations."""
    def is_activity(name: str) -> bool:
        n = name.casefold()
        return (n in activity_names or _DEFINITE_END.sub("", n) in activity_names
                or _OWN_PROJECT.fullmatch(name) is not None)
    return [m for m in mentions if not is_activity(m.name)]


# One definite noun naming a kind of initiative ("Lommepengeprojektet",
# "Lektiecaféen", "Fritidsjobindsatsen"): the plan's own project, an activity,
# never an organisation of its own (it would merge across unrelated plans).
_OWN_PROJECT = re.compile(r"[A-ZÆØÅ][a-zæøåé-]*(?:projekt|indsats|forløb|café|cafe|ordning|tilbud|initiativ|"
                          r"kursus|program|værksted|gruppe)(?:et|en)(?:\s+(?:i|på|for|ved)\s+.+)?"
                          r"|Projekt\s+[A-ZÆØÅ].*")  # "Projekt Superkræfter for Amagerplanen", "Infrastrukturprojektet i X"


def _all_caps_words(name: str) -> bool:
    """Every word but connectors capitalised: 'Sydhavn Teater', not 'Ansvar for den styring'."""
    words = [w for w in name.split() if not _CONNECT_WORD.fullmatch(w)]
    return len(words) >= 2 and all(w[0].isupper() for w in words)
