"""The templates' labels: where a unit of an agreement begins (loaders/segment.py cuts at them).

The LBF templates (strategisk samarbejdsaftale, delaftale, aktivitetsbeskrivelse) and
older plans head each field with a label ("Aftalens parter:", "Aktivitetsnavn:",
"Målgruppe(r):", "Zone 2)", "Delaftale for indsatsområdet ..."), written by other
templates and municipalities in other words ("Aktivitetens navn:", "Parterne i
aftalen:", "Hvem er målgruppen?"). :data:`LABELS` are their patterns; segment.py cuts a
line before each one found mid-line (:data:`_LABEL`), and :func:`starts_with_label`
tells whether a text opens with one.
"""
from __future__ import annotations

import re

try:  # (the regular-expression parser reads the labels' openings)
    from re import _constants as _C, _parser  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

__all__ = ["ACTIVITY_NAME", "LABELS", "STATUS_WORDS", "starts_with_label"]

# An activity's name field, as templates of other years and municipalities ask for it
# ("Aktivitetsnavn:", "Aktivitetens navn:", "Navn på aktiviteten:", older plans'
# "Projektets navn:", "Projektnavn:", "Navn på projektet:"), typos included; any case,
# without its colon.
ACTIVITY_NAME = (r"(?:aktivi\w{0,6}navn|(?:aktivitetens|projektets|tiltagets)\s+(?:navn|titel)|projekt\s?(?:navn|titel)"
                 r"|(?:navn|titel)\s+på\s+(?:den\s+|det\s+)?(?:aktivitet|projekt|tiltag)(?:en|et)?)")

# Labels of the LBF templates (strategisk samarbejdsaftale, delaftale,
# aktivitetsbeskrivelse) and of older plans, as they begin a unit. Mid-line,
# each must start with its capital letter, so running text that mentions
# "aftalens parter" in lower case is not cut.
LABELS = [
    r"Områdets navn\s*:",
    r"Navn på den boligsociale indsats",
    r"Den boligsociale indsats,? (?:som )?delaftalen (?:vedrører|hører under)\s*:",
    r"(?:Tilhørende|Hører under) (?:den )?(?:strategiske? )?samarbejdsaftale\s*:",  # a delaftale's agreement
    r"(?:Boligsocial indsats|Indsatsens navn|Helhedsplanens navn|Navn på (?:indsatsen|helhedsplanen))"
    r"(?:\s*\((?:navn|jf\.[^()]{0,60})\))?\s*:",  # ("Indsatsens navn (jf. den strategiske samarbejdsaftale):")
    r"(?:Delaftalens|Samarbejdsaftalens|Aftalens) pa(?:rt|t|r|rtt)er(?=\s*:|\s+[A-ZÆØÅ0-9]|\s+[a-h]\)\s|\s*$)",  # ("pater": a
    # typo; "Aftalens parter a) X b) Y": a lettered list after it)
    r"(?:DELAFTALENS|SAMARBEJDSAFTALENS|AFTALENS) PARTER\b",
    r"Helhedsplanens parter\s*:",
    r"Parter(?:ne)? i (?:del|samarbejds)?aftalen(?:\s*:|(?=\s+[A-ZÆØÅ0-9]))",
    r"Parter(?:ne)?\s*:(?=\s*[A-ZÆØÅ0-9])",  # "Parter: Hjørring Kommune ..."
    r"Aftaleparter(?:ne)?\s*:",
    r"(?:Samarbejdsparter(?:ne)?|SAMARBEJDSPARTER(?:NE)?)\s*:(?=\s*(?:[-•]\s*)?[A-ZÆØÅ0-9]|\s*$)",  # "Samarbejdsparter: Næstved Kommune, ..."
    r"Boligorganisation(?:er|\(er\))?\s*:",  # the party table's rows: "Boligorganisation(er):" ...
    r"Kommune\s*:(?=\s*[A-ZÆØÅ][\wæøå-]+s?\s+Kommune\b)",  # ... and "Kommune: Holbæk Kommune"
    r"(?:Boligorganisationen|Kommunen|Øvrige parter)\s*:(?=\s*[A-ZÆØÅ0-9])",  # "Kommunen: Randers Kommune, ..."
    r"(?:Samarbejdsaftalen|Delaftalen|Aftalen) gælder fra",
    r"Underskrifter\b",
    r"(?:UNDERSKRIFT(?:ER)?\b|Underskrevet af\s*:)",  # (as other templates head their signatures)
    r"Problemkompleks for indsatsområdet\b",
    r"Delaftale for indsatsområde(?:t)?\b",
    r"(?:DELAFTALE|Delaftale)\s+(?:nr\.\s*)?(?:\d{1,2}|[A-H]|[IVX]{1,4})\s*[:.–·-](?=\s)",  # "DELAFTALE 2 - X", "· X"
    r"Delaftale\s*:(?=\s*[A-ZÆØÅ])",  # "Delaftale: X"
    r"Akti\w{0,6}navn\s*:",  # "Aktivitetsnavn:", "Aktivitsnavn:"
    r"(?:Aktivitetens|Projektets|Tiltagets) (?:navn|titel)\s*:",
    r"Projekt ?navn\s*:",
    r"(?:Navn|Titel) på (?:den |det )?(?:aktivitet|projekt|tiltag)(?:en|et)?\s*:",
    r"(?:Aktivitet|Delprojekt|Projekt|Tiltag|Indsats|AKTIVITET|PROJEKT)\s+[A-H]?\d{1,2}[a-z]?\s*[.:–—-](?=\s)",  # "Aktivitet A2: X"
    r"(?:Aktivitet|Delprojekt|Projekt|Tiltag|AKTIVITET|PROJEKT)\s*:(?=\s*[A-ZÆØÅ0-9\"“«])",  # "Projekt: Jobværkstedet"
    r"(?:Aktivitet|Delprojekt|Projekt|Tiltag|AKTIVITET|PROJEKT)\s+nr\.\s*\d{1,2}(?=\s+(?:Navn|Titel)\s*:)",  # a counter
    # over its record's name field: "Aktivitet nr. 2 Navn: Forældrecaféen" (breaks lost)
    r"(?:Aktivitet|Delaktivitet|Delprojekt|Delindsats|Projekt|Tiltag|AKTIVITET|DELAKTIVITET|DELPROJEKT|DELINDSATS|PROJEKT)"
    r"\s+(?:\d{1,2}|[IVX]{1,4})(?:\.\d{1,2}){1,2}[.:]?"  # ("Delprojekt I.1 X": the area's number in Roman numerals)
    r"(?=\s+[A-ZÆØÅ])",
    r"(?:Aktivitet|Delprojekt|Tiltag)\s+\d{1,2}(?=\s+[A-ZÆØÅ][\wæøå-]+(?:\s+[\wæøå\"-]+){0,6}\s+(?:For|Målgruppe|Formål)\s*:)",
    r"(?:Aktivitet|Delprojekt|Projekt|Tiltag)\s+\d{1,2}(?=\s+(?:Aktivitetsnavn|Navn|Titel|Målgruppe|Formål|Ansvarlig)\s*:)",
    # (a counter alone over its record's fields: "... Partnere: X Aktivitet 2 Aktivitetsnavn: Y", breaks lost)
    # ("Tiltag 1 Lektiecaféen i fælleshuset For: skolebørn ...": a counted form's head without its colon,
    # told by the field after its title)
    r"For\s*:(?=\s*[a-zæøå])",  # an activity's target field: "For: skolebørn 7-16 år · Partnere: ..."
    r"Partnere?\s*:(?=\s*[A-ZÆØÅa-zæøå])",
    r"(?:Primær |Sekundær )?(?:[Mm]å|Ma)lgrupp?e(?:\s*\(\s*r\s*\)|r|n)?\s*:",  # (typos: "Målgrupe(r):", "Malgruppe:")
    r"(?:MÅLGRUPPE(?:\(R\)|R|N)?|FORMÅL|BESKRIVELSE|PARTNERE|SAMARBEJDSPARTNERE)\s*:",  # a form in capitals
    r"Konta(?:kt|k|tk)person(?:er|\(er\))?\s*:",  # (typos: "Kontakperson:")
    r"Kontakt\s*:(?=\s*[A-ZÆØÅ][a-zæøå])",  # a record's contact field: "Kontakt: Jens Holm, formand, 22 40 17 85"
    # (not "Kontakt: mida@x.dk" after the sentence naming the person)
    r"(?:Kontaktoplysninger|Tovholdere?|Ansvarlige? for aktiviteten|Ansvar(?:lige?)?|Projekt(?:leder|koordinator|ansvarlig)e?)\s*:",
    r"Ansvarlige? (?:part|partner|aktør|organisation)\s*:",  # an older plan's activity form: "Ansvarlig part: X"
    r"Øvrige (?:samarbejds)?partnere\s*:",
    r"Formål\s*:",
    r"Status\s*:(?=\s*[A-ZÆØÅ0-9])",  # a status report's field under each activity ("Status: Gennemført ...")
    r"(?:(?:Aktivitets|Projekt)?[Bb]eskrivelse|Kort beskrivelse)\s*:",
    r"Indhold og praksis\b(?:\s*\([^)]{0,40}\))?\s*:",
    r"Ansvars- og rollefordeling\s*:",
    r"Succeskriterier\s*(?:og datakilde[^:]{0,40}|\(\s*[\d\s–-]{4,12}\))?:",
    r"(?:Samarbejdsrelationer|Samarbejdspartnere|Forankring|Lokal evaluering|Tidsplan|Økonomi)\s*:",
    r"Lokalt opstillede målinger\b",
    r"Sammenhæng med den kommunale indsats\b",
    r"Medarbejderressourcer\b",
    r"Data der underbygger problemkomplekset\b",
    r"Aktiviteter der udspiller sig\b",
    r"Aftaledokumenter\b",
    r"Bestyrelsen for den boligsociale indsats har\b",
    r"(?:Zone|Delområde|Område)\s+\d{1,2}\s*(?:\)|:|[–-](?=\s))",
    r"Zoner?\s*:(?=\s*(?:[Zz]one\s*)?\d)",  # an activity's zone field: "Zone: Zone 2", "Zoner: 1 og 3"
    # the contacts' heading over a labelled entry: "Kontaktpersoner Boligsocial medarbejder: X" (breaks lost)
    r"Kontaktpersoner(?=\s+[A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå-]+){0,3}\s*:)",
    r"(?:Indsatsområde|INDSATSOMRÅDE|Fokusområde|FOKUSOMRÅDE|Tema|TEMA)\s*(?:nr\.\s*)?(?:\d{1,2}|[A-H]|[IVX]{1,4})?\s*:",
    r"(?:Spor|SPOR)\s+\d{1,2}\s*:(?=\s*[A-ZÆØÅ])",  # a plan's tracks, one per delaftale: "Spor 1: Beskæftigelse"
    r"(?:Indsatsområde|INDSATSOMRÅDE|Fokusområde|FOKUSOMRÅDE|Tema|TEMA)\s+(?:nr\.\s*)?(?:\d{1,2}|[A-H]|[IVX]{1,4})\s*[–-](?=\s)",
    r"Indsatsområder(?:ne)?\s*:(?=\s*[A-ZÆØÅ•-])",  # the plan's field: "Indsatsområder: A samt B."
    # a fact box's fields (bare_labels.fact_label_edits gives them their colons where a box is run together)
    r"(?:Boligafdelinger|Afdelinger|Boligområde)\s*:(?=\s*[A-ZÆØÅ0-9])",
    r"(?:Boligsocial leder|Kommunal kontakt(?:person)?|Kommunal koordinator)\s*:(?=\s*[A-ZÆØÅ])",  # (its staff)
    # an activity's fields asked as questions ("Hvem er målgruppen?", "Hvad gør vi?")
    r"(?:Hvem er målgruppen|Hvem er (?:aktiviteten|indsatsen|tilbuddet) (?:for|rettet mod)|For hvem|Hvad gør vi"
    r"|Hvad skal der ske"
    r"|Hvordan|Hvorfor|Hvad er formålet)\s*\?",
    r"Delmål\s*\d{0,2}\s*:",
    r"(?:Hvem|Hvornår|Hvor)\s*:(?=\s*\S)",  # an activity's short fields: "Aktivitet: X Hvem: børn 3-9 år Ansvarlig: Y"
    r"Ansøgningen er udarbejdet af\b",
    # a letter's fields beside its address block, the columns' gap lost: "Att.: direktør X   J.nr.: 2024-118"
    r"(?:J\.\s?nr\.|Journalnr\.|Vores ref\.|Deres ref\.|Att\.)\s*:(?=\s*\S)",
    r"Udarbejdet af\s*:",
]
# (a pattern that opens with a character class lets the engine skip to those characters
# instead of trying every position: the white space before a label is matched, and the
# cut is one character further; none of the labels ends in white space)
# (a label starts after white space at one of these capitals, or at "må": "målgruppe(r):")


def _starts(items, n: int) -> set[tuple[str, ...]] | None:
    """The first ``n`` characters every match of a parsed pattern can open with (shorter
    where a match may end sooner); None when a construct there is not read (a category such
    as \\w, a back reference, a flag)."""
    out: set[tuple[str, ...]] = {()}
    for op, av in items:
        if all(len(o) >= n for o in out):
            break
        options = _item_starts(op, av, n)
        if options is None:
            return None
        out = {o if len(o) >= n else (o + more)[:n] for o in out for more in (options if len(o) < n else [()])}
    return out


def _item_starts(op, av, n: int) -> set[tuple[str, ...]] | None:
    if op is _C.LITERAL:
        return {(chr(av),)}
    if op is _C.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is _C.LITERAL:
                chars.add(chr(a))
            elif o is _C.RANGE:
                chars |= {chr(c) for c in range(a[0], a[1] + 1)}
            else:
                return None
        return {(c,) for c in chars}
    if op is _C.BRANCH or op is _C.SUBPATTERN:
        branches = av[1] if op is _C.BRANCH else [av[3]]
        if op is _C.SUBPATTERN and (av[1] or av[2]):
            return None  # (a flag changes how letters compare)
        found = [_starts(list(b), n) for b in branches]
        return None if any(f is None for f in found) else set().union(*found)
    if op is _C.MAX_REPEAT or op is _C.MIN_REPEAT:
        low, high, sub = av
        found = [_starts(list(sub) * k, n) for k in range(low, min(high, n) + 1)]
        return None if any(f is None for f in found) else set().union(*found)
    if op in (_C.ASSERT, _C.ASSERT_NOT, _C.AT):
        return {()}  # (no character; what it asks of the text is left out: the set is larger)
    return None


def opening_class(pattern: str) -> str:
    """A look-ahead at the characters every match of ``pattern`` (case-sensitive) opens
    with, "(?=[bu])", to put in front of a pattern that opens with ``\\b`` or a group, so
    that the engine skips to those characters ("" when they cannot be read).

    >>> opening_class(r"\\b(?:børn og unge)|\\b(?:udsatte)")
    '(?=[bu])'
    """
    found = _starts(list(_parser.parse(pattern)), 1)
    if found is None or any(len(p) < 1 for p in found):
        return ""
    return "(?=[" + "".join(re.escape(p[0]) for p in sorted(found)) + "])"


def _two_letter_filter(labels: list[str]) -> str:
    """A look-ahead at the first two characters some label can open with, as a tree of
    their first letters ("(?=A[FKfkn]|B[EOe]|...)"): most capitals after white space (a
    sentence's, a name's) open no label and are passed over in a few comparisons, not tried
    against every label ("" when some label's opening cannot be read)."""
    pairs: set[str] = set()
    for label in labels:
        found = _starts(list(_parser.parse(label)), 2)
        if found is None or any(len(p) < 2 for p in found):
            return ""
        pairs |= {"".join(p) for p in found}
    by_first: dict[str, set[str]] = {}
    for pair in pairs:
        by_first.setdefault(pair[0], set()).add(pair[1])
    return "(?=" + "|".join(re.escape(a) + "[" + "".join(re.escape(b) for b in sorted(bs)) + "]"
                            for a, bs in sorted(by_first.items())) + ")"


# _two_letter_filter(LABELS), written out (working it out at import took ~6 ms of every
# process's start; tests/loaders/test_label_openings.py checks it against the labels)
_LABEL_OPENINGS = "(?=A[FKfknt]|B[Eeo]|D[Eae]|F[Oo]|H[evø]|I[Nn]|J[\\.o]|K[o]|L[o]|M[aeÅå]|N[a]|O[m]|P[ARar]|S[APaeptu]|T[Eeio]|U[Ndn]|V[o]|Z[o]|b[e]|m[å]|Ø[kv])"
_LABEL = re.compile(r"\s(?=[ABDFHIKLMNOPSTUZØÆ]|må)" + _LABEL_OPENINGS + "(?:" + "|".join(LABELS) + ")")
# the same for a printable text, whose only white space is the space (str.isprintable: every other
# character \s matches is a control character or a separator): the engine skips to each space in a
# comparison, where it tried the white-space class at every character (a third of the search's cost)
_LABEL_SPACED = re.compile(" " + _LABEL.pattern[len(r"\s"):])
_LABEL_AT_START = re.compile(r"\W{0,3}(?:" + "|".join(LABELS) + ")")


# a status report's words for how an activity is going, after its name and a dotted leader
# ("Jobklubben ........ GRØN"; activity_heads.py, segment.py)
STATUS_WORDS = (r"(?:GRØN|GUL|RØD|[Gg]røn|[Gg]ul|[Rr]ød|[Gg]ennemført|[Aa]fsluttet|I gang|[Ii]gangsat|[Ll]ukket"
                r"|[Ii]kke (?:startet|igangsat)|[Ff]orsinket|[Pp]lanlagt|[Vv]idereføres|[Oo]phørt|OK)")


def starts_with_label(text: str) -> bool:
    """Does ``text`` begin with one of the template's labels?"""
    return _LABEL_AT_START.match(text) is not None
