"""Organisations named in running text: which capitalised runs name one.

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
from samspil.loaders.extract.org_lists import fixed_og_pair, org_type_of, section_words, split_at_municipality
from samspil.loaders.extract.unit_topics import is_focus_area_name
from samspil.loaders.vocab import load_vocab

__all__ = ["RUN"]  # the document pass that uses these cues: mention_scan.text_mentions

_CAP = r"(?:[A-ZÆØÅ][a-zæøå]{0,3}\.(?=\s[A-ZÆØÅ])|[A-ZÆØÅ][\wæøåÆØÅ'’&/-]*)"
_CONNECT = r"(?:[–-]\s+og|og|for|i|på|af|under|ved|til|–|-|&)"
# (the capital first lets the engine skip to capitals instead of trying every position;
# the look-behind then sees the capital and the character before it; the rest of the
# first word is that of either form of _CAP)
RUN = re.compile(rf"[A-ZÆØÅ](?<![\wæøå-].)(?:[a-zæøå]{{0,3}}\.(?:[A-ZÆØÅ]\.)*(?=\s[A-ZÆØÅ])|[\wæøåÆØÅ'’&/-]*)"
                 rf"(?:\s+(?:{_CONNECT}\s+)?{_CAP})*")
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


@lru_cache(maxsize=1)
def _vocab() -> tuple[dict[str, str], list[re.Pattern[str]], frozenset[str], frozenset[str]]:
    abbr = load_vocab("abbreviations")["abbreviations"]
    orgs = load_vocab("organisations")
    alternatives = [p for t, ps in orgs["types"].items() if t != "municipality" for p in ps] + [r"\bkommune\b"]
    cues = [re.compile("|".join(f"(?:{p})" for p in alternatives), re.I)]
    return abbr, cues, frozenset(orgs["generic_single"]), frozenset(orgs["not_org"])


@lru_cache(maxsize=1)
def _local_abbreviations() -> dict[str, frozenset[str]]:
    """Abbreviation -> the municipalities where its vocabulary expansion holds (``local``)."""
    out: dict[str, set[str]] = {}
    for muni, words in (load_vocab("abbreviations").get("local") or {}).items():
        for w in words:
            out.setdefault(w, set()).add(muni)
    return {w: frozenset(m) for w, m in out.items()}


def expansion(word: str, doc: Document) -> str | None:
    """The full name an abbreviation written alone stands for in this document: the
    vocabulary's, unless that expansion is local to another municipality than the
    document's ("SSP" is SSP København only in a Copenhagen agreement).

    >>> cph = Document.from_text("a", "Aftale mellem Københavns Kommune og KAB. SSP deltager.")
    >>> vejle = Document.from_text("b", "Aftale mellem Vejle Kommune og AAB. SSP deltager.")
    >>> expansion("SSP", cph), expansion("SSP", vejle), expansion("LBF", vejle)
    ('SSP København', None, 'Landsbyggefonden')
    """
    full = _vocab()[0].get(word)
    scope = _local_abbreviations().get(word)
    if full is None or scope is None:
        return full
    return full if _municipality_of()(doc) in scope else None


@lru_cache(maxsize=1)
def _municipality_of():
    """``plan.municipality_of``, imported at the first call (plan imports what imports this
    module; an import statement run at every call costs ~1-2 µs)."""
    from samspil.loaders.extract.plan import municipality_of

    return municipality_of


@lru_cache(maxsize=1)
def _not_org_stems() -> re.Pattern[str]:
    return re.compile("|".join(load_vocab("organisations")["not_org_stems"]), re.I)


_FOR_TOPIC = re.compile(r"\bfor\s+[A-ZÆØÅ][\wæøå-]*$")  # a unit "for" a topic: "Center for Børn"
_ADJECTIVE_END = re.compile(r"(?:ig|isk|som|bar|end|ed)e?$")


def _split_og(name: str) -> list[str]:
    """'PAB og AAB' -> ['PAB', 'AAB'] when each part is an organisation on its own;
    'Landsbyggefonden/X' -> its parts; fixed pairs ('Børn og Unge') are never split.

    >>> _split_og("Steno Diabetes Center og Sundheds- og Omsorgsforvaltningen")
    ['Steno Diabetes Center', 'Sundheds- og Omsorgsforvaltningen']
    >>> _split_og("Børn- og Ungeforvaltningen")
    ['Børn- og Ungeforvaltningen']
    >>> _split_og("Center for Børn og Forebyggelse")
    ['Center for Børn og Forebyggelse']
    """
    words = name.split()
    cuts = [0]
    for k, w in enumerate(words):
        if w in ("og", "samt") and 0 < k < len(words) - 1 and not words[k - 1].endswith("-"):
            # ("Børn- og Ungeforvaltningen": a compound's first half, never a name of its own)
            if not fixed_og_pair(words[k - 1], words[k + 1]):
                cuts.append(k)
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:] + [len(words)]):
        part = " ".join(words[a + (1 if a else 0):b])
        if parts and " " not in part and _FOR_TOPIC.search(parts[-1]) and not _valid(part) \
                and not _ADJECTIVE_END.search(part) and " under " not in name:  # (not "... og Lettilgængelige tilbud")
            parts[-1] = f"{parts[-1]} {words[a]} {part}"  # "Center for Børn og Forebyggelse": two topics
            continue
        parts += [p.strip() for p in _SLASH_SPLIT.split(part)]
    if len(parts) > 1:
        return [p for p in parts if _valid(p) or _known_housing(p)]
    return [name]


def _known_housing(name: str) -> bool:
    """A known housing organisation's name, one word or more ("Lejerbo")."""
    from samspil.loaders.gazetteer import known_organisation

    hit = known_organisation(name)
    return hit is not None and hit[1] == "housing_organisation"


def _split_adjacent(name: str) -> list[str]:
    """Two names run together by a flattened table: 'Amagerfælled Skole Lergravsparkens Skole';
    a one-word name at either end of a run of names, each with its cue word
    ('Forbrugerstyrelsen Den Sociale Retshjælp i Bragesgade Kvartershuset').

    >>> _split_adjacent("Forbrugerstyrelsen Den Sociale Retshjælp i Bragesgade Kvartershuset")
    ['Forbrugerstyrelsen', 'Den Sociale Retshjælp i Bragesgade', 'Kvartershuset']
    """
    from samspil.loaders.gazetteer import find_known_organisations

    words = name.split()
    if len(words) >= 2 and words[-1] in _LEGAL_FORMS:  # "X Planteskole ApS": the company's form stays with its name
        *before, last = _split_adjacent(" ".join(words[:-1]))
        return [*before, f"{last} {words[-1]}"]
    known = next((e for s, e, _, _ in find_known_organisations(name) if s == 0), 0) if len(words) >= 4 else 0
    for k in range(1, len(words) - 1):
        left, right = " ".join(words[:k + 1]), " ".join(words[k + 1:])
        if words[k + 1][0].isupper() and _has_cue(words[k]) and _has_cue(right) and _valid(left) and _valid(right) \
                and len(words) >= 4 and len(left) >= known:  # (not inside a known name: "Dansk Flygtningehjælp
            return [left, right]  # Frivillige Holbæk" is the known "Dansk Flygtningehjælp Frivillige" in Holbæk)
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
    return word[:1].isupper() and not word.isupper() and not word.endswith("-") and word not in _LEGAL_FORMS \
        and _has_cue(word) and _valid(word)


_LEGAL_FORMS = frozenset(("ApS", "A/S", "I/S", "P/S", "K/S", "IVS", "Amba", "AmbA"))  # a company's form after its name


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
    if len(words) == 2 and words[0] in _ITEM_LABELS and _ITEM_CODE.fullmatch(words[1].rstrip(":.")):
        return False  # "Delprojekt A1", "Aktivitet 2.1": an item's label and code
    if len(words) >= 2 and _AREA_CODE.fullmatch(words[0]) and words[1][:1].isupper():
        return False  # "A3 Virksomhedsbroen": an activity's code and name
    if any(w.isupper() and len(w) > 4 and w.capitalize() in _CAPS_HEADS for w in words):
        return False  # "KOMMUNE LBF", "BUDGETRAMME Lommepengeprojektet": a budget table's head row
    if len(words) >= 3 and words[0] in generic and words[1] in ("i", "på", "fra") and words[0].endswith("er"):
        return False  # "Virksomheder i Randers": a kind of actor in a place ("Klubberne i Valby" is a unit)
    if _STREET_END.search(words[-1]) and words[0].isupper():
        return False
    if len(words) == 2 and words[0].endswith(_INSTITUTION_ENDS) and words[0][:1].isupper() and _is_town(words[1]):
        return True  # "Kystskolen Hirtshals", "Familiecentret Hjørring": an institution's definite name and its town
    if len(words) == 2 and 2 <= len(words[0]) <= 5 and words[0].isupper() and words[0].isalpha() \
            and words[1][:1].isupper() and not words[1].isupper() and _is_town(words[1]):
        return True  # "ZBC Roskilde", "KUI Hjørring": an institution's short name and its town
    if len(words) == 2 and words[0] in _CHILDCARE_HEADS and words[1][:1].isupper() and not words[1].isupper() \
            and words[1].lower() not in _common_words():
        return True  # "Børnehuset Lærkereden": a day-care institution's kind and its own name
    if len(words) == 1:
        w = words[0]
        if w in abbr or w.endswith(_SCHOOL_ENDS) and _place_school(w):
            return True  # ("Bolbroskolen": a school's definite name, after its place)
        if w in generic or len(w) < 3 or _ER_END.search(w):
            return False
        if w.isupper():
            return _has_cue(w) or _known(w)
        inner_cap = any(c.isupper() for c in w[1:])
        if not (inner_cap or w.endswith(("en", "et", "ne"))):
            return False
    if 3 <= len(words) <= 4 and words[-2] == "og" and all(w[0].isupper() for w in words if w != "og") \
            and not words[-3].endswith("-") and fixed_og_pair(words[-3], words[-1]) and not is_focus_area_name(name):
        return True  # "Sociale Forhold og Beskæftigelse", "Børn og Unge": a magistratsafdeling
    return _has_cue(name) or len(words) >= 2 and _local_branch(name, words) or _known(name)


_ITEM_LABELS = frozenset("Projekt Delprojekt Aktivitet Delaktivitet Indsats Delindsats Indsatsområde Tiltag".split())
_ITEM_CODE = re.compile(r"(?:[A-H]|[IVX]{1,4})?\.?\d{1,2}(?:\.\d{1,2})?|[A-H]")


def _without_heading_words(name: str) -> str:
    """A name without a heading's words run onto it when the breaks were lost: a capitalised function word and what
    follows it, the words before it a name by its cue ("Fanø Ungdomsskole Under Sundhed")."""
    words = name.split()
    if len(words) >= 3 and words[-1] in _FIELD_TAILS and _has_cue(head := " ".join(words[:-1])):
        return head  # "Sundhedsplejen Norddjurs Grøn", "UU Morsø Mål", "Ungdomsskolen X Forventet": the next cell's or
        # field's first word (a status, a label) run on
    if len(words) >= 2 and words[0] in _FIELD_HEADS and _has_cue(rest := " ".join(words[1:])):
        return rest  # "Samarbejdspartnere Frivilligakademiet": a field's key or column's head run onto the name
    if len(words) < 3:
        return name
    cut = next((k for k in range(2, len(words)) if words[k] in _FUNCTION_WORDS and words[k] not in ("Den", "Det", "De")), None)
    return " ".join(words[:cut]) if cut is not None and _has_cue(" ".join(words[:cut])) else name


_FIELD_HEADS = frozenset("Samarbejdspartnere Samarbejdsparter Partnere Samarbejde Ansvarlig Tovholder Kontakt".split())
# a field's or status column's first word after a name, its cell's end lost: no part of a name
_FIELD_TAILS = frozenset("Grøn Gul Rød GRØN GUL RØD Mål Målgruppe Målgrupper Forventet Resultat Resultater Status Aktivitet "
                         "Aktiviteter Formål Indhold Partnere Succeskriterier Budget Beskrivelse Tidsplan".split())


def _known(name: str) -> bool:
    """An association, school or housing organisation the gazetteer knows by this name ("Natteravnene",
    "FOF"); not a national authority or institute, which a text cites as its source ("Danmarks Statistik",
    "VIVE") more often than it works with it."""
    from samspil.loaders.gazetteer import known_organisation

    return (known := known_organisation(name)) is not None and known[1] != "national_body"


def _place_school(word: str) -> bool:
    """A school's (or library's, church's) one-word name after its place ("Bolbroskolen", "Nørreskolen",
    "Sindalskolen"); not a kind of school or course a common word names ("Ungdomsskolen", "Ferieskolen",
    "Madskolen")."""
    if not word[:1].isupper() or word.isupper():
        return False
    end = next(e for e in _SCHOOL_ENDS if word.endswith(e))
    place = word[:-len(end)].lower()
    if len(place) < 3:
        return False
    stem = place[:-1] if place[-1:] in "se" and len(place) > 4 else place
    return place in _PLACE_PARTS or stem in _PLACE_PARTS or _is_town(stem.capitalize()) or _is_town(place.capitalize()) \
        or place not in _common_words() and stem not in _common_words()


_PLACE_PARTS = frozenset("nørre søndre sønder øster vester nord syd øst vest midt bakke eng skov kilde fjord strand sø "
                         "høj mark vang dal lund toft holm bro have park mose å ager".split())  # (a place's parts: a
# direction, a landscape's word - "Bakkeskolen", "Engskolen", "Kildeskolen")


def _local_branch(name: str, words: list[str]) -> bool:
    """A national body the gazetteer knows and the town or municipality of its local branch ("Ældre
    Sagen Norddjurs", "Ældre Sagen Møn")."""
    from samspil.loaders.gazetteer import find_known_organisations, municipality

    if not (_is_town(words[-1]) or municipality(f"{words[-1]} Kommune") is not None):
        return False
    head = name[:len(name) - len(words[-1])].rstrip()
    return any(s == 0 and e == len(head) for s, e, _, _ in find_known_organisations(head))


# the definite heads of an institution's one-word name ("Kystskolen", "Familiecentret", "Natteravnene")
_INSTITUTION_ENDS = ("skolen", "centret", "centeret", "huset", "biblioteket", "hallen", "klubben", "foreningen",
                     "tjenesten", "rådgivningen", "ravnene", "kirken", "børnehaven", "vuggestuen", "gymnasiet",
                     "fritidshjemmet", "institutionen")


_CHILDCARE_HEADS = frozenset("Børnehuset Børnehaven Vuggestuen Daginstitutionen Dagtilbuddet Fritidshjemmet "
                             "Fritidsklubben Ungdomsklubben Skolen".split())


def _common_words() -> dict[str, float]:
    from samspil.loaders.ascii_danish import _words

    return _words()


_SCHOOL_ENDS = ("skolen", "gymnasiet", "biblioteket", "kirken", "børnehaven", "vuggestuen")


def _is_town(word: str) -> bool:
    from samspil.loaders.gazetteer import is_town

    return is_town(word)


@lru_cache(maxsize=16384)
def _has_cue(name: str) -> bool:
    return any(p.search(name) for p in _vocab()[1])


_FUNCTION_WORDS = frozenset(("Den", "Det", "De", "Der", "En", "Et", "I", "Med", "Fra", "Hos", "Af", "Til", "Og", "At",
                             "På", "Under", "Ved", "Mellem", "Deltager", "Deltage", "Ansvar", "Aktiviteter",
                             "Ansat", "Ansatte", "Tilknyttet",  # ("Ansat i Boligselskabet X": a card's employer line)
                             "For",  # (a signature's "For X For Y": the organisations signed for)
                             "Her", "Hvis", "Når", "Som", "Men", "Dette", "Disse", "Eftersom", "Fordi", "Selvom",
                             "Derfor", "Desuden", "Endvidere", "Således", "Samtidig", "Dermed", "Herudover"))


@lru_cache(maxsize=1)
def _vocab_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Run prefixes to drop ('Projektet'), and forvaltning abbreviations ('BUF')."""
    return (frozenset(load_vocab("organisations")["run_prefixes"]),
            frozenset(load_vocab("abbreviations")["municipal_administrations"]))


_AREA_CODE = re.compile(r"[A-H]\.?[1-9]\.?")  # an activity's code in a list: "B2", "C.1"


@lru_cache(maxsize=1)
def _single_word_areas() -> frozenset[str]:
    """The known focus areas written in one word ("Sundhed", "Beskæftigelse")."""
    vocab = load_vocab("focus_areas")
    return frozenset(a for a in vocab.get("regulativ_2019_2026", []) + vocab.get("older", []) if " " not in a)


# A capitalised run stops at these: a cover's colophon ("Udgivet af") or a date's month
# run onto a name when line breaks were lost.
_RUN_BREAKS = frozenset("Udgivet Udarbejdet Redigeret Godkendt Vedtaget Underskrevet Januar Februar Marts April "
                        "Maj Juni Juli August September Oktober November December "
                        "Projektperiode Aftaleperiode Indsatsperiode Periode".split())  # (and a field's label run on)


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
    cut = next((k for k in range(1, len(words) - 1) if _AREA_CODE.fullmatch(words[k]) and words[k + 1][:1].isupper()), None)
    words = words[:cut] if cut is not None else words  # "Jobcenter Thisted B2 Klar til job": the next item's code
    if len(words) > 2 and words[0] in _single_word_areas() and words[1][:1].isupper():
        words = words[1:]  # "Sundhed Sundhedsplejen Roskilde": a focus area's heading glued to the name
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
    sections = section_words()
    cut = next((k for k, w in enumerate(words) if k and w in sections), None)
    words = words[:cut] if cut is not None else words  # "Boligselskabet Vest Indledning": the next heading
    prefixes = _vocab_sets()[0] | sections  # "Kontakt Thy Frivilligcenter": a heading glued to the name
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
    m = _AF.match(name)  # "Projektledelse af Steno": an act of Y (not "Boligforeningen af 1942")
    if m and not _valid(m.group(1)) and not _FOUNDED.search(name):
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


# the year an association was founded, part of its name ("Arbejdernes Boligforening af 1919")
_FOUNDED = re.compile(r" af (?:18|19|20)\d{2}\b")
_FOUNDED_HEADS = re.compile(r"(?i:forening|selskab|bolig|klub)")


@lru_cache(maxsize=16384)
def _run_names(run: str) -> tuple[str, ...]:
    """The organisation names in one capitalised run (runs recur: cached)."""
    out = []
    name = _GENITIVE_END.sub("", _trim_run(run))
    # (each part trimmed to its known name: "Boligselskabet Vest og AKB Næstved" keeps both)
    for part in map(_around_known, _split_og(name)):
        pieces = (p for whole in split_at_municipality(part) for p in _split_adjacent(whole))
        for unit in (u for piece in pieces for u in _unit_of(piece)):
            unit = _drop_parent_suffix(unit).rstrip("’'")
            while " " in unit and unit.rsplit(" ", 1)[1] in _FUNCTION_WORDS:
                unit = unit.rsplit(" ", 1)[0]  # "Boligforeningen X For" + "Y Kommune": the next signature's "For"
            unit = _without_heading_words(unit)  # "Fanø Ungdomsskole Under Sundhed"
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
                               or _CONNECT_WORD.fullmatch(bare) is not None
                               or "-" in bare and all(municipality_of_town(p) is not None or municipality(p) is not None
                                                      for p in bare.split("-")))  # "UU Dragør-Tårnby"

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
