"""The parties of a plan stated in a sentence, when it has no party list.

"Helhedsplanen er et samarbejde mellem A, B og C", "Aftalens parter er A, B og C",
"A har i samarbejde med B og C udarbejdet denne helhedsplan" ("A og B har sammen med C
udarbejdet en strategisk samarbejdsaftale"), "A, B og C har indgået en strategisk
samarbejdsaftale", "Helhedsplanen Engly Lever er udarbejdet af A og B", "Bag helhedsplanen står
A og B"; a delaftale that "udmønter den strategiske samarbejdsaftale mellem A, B og C"
names the parties of the whole agreement.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.org_lists import org_type_of, split_party_entries
from samspil.loaders.extract.text import clean

__all__ = ["PROSE_PARTIES", "prose_party_entries", "references"]

# the full stop of a name's abbreviated word ("Boligforeningen Sct. Bendts Hjem", "Kgs. Enghave"): no sentence's end
_NAME_DOT = r"(?:(?<=\bSct)|(?<=\bSkt)|(?<=\bSt)|(?<=\bGl)|(?<=\bNr)|(?<=\bSdr)|(?<=\bKgs))\.\s(?=[A-ZÆØÅ])"
_NO_NAME_DOT = r"(?<!\bSct)(?<!\bSkt)(?<!\bSt)(?<!\bGl)(?<!\bNr)(?<!\bSdr)(?<!\bKgs)"

# Parties stated in prose when a plan has no party list.
# (the list ends at a sentence end, "om"/"for at", or a cover's colophon run onto it:
# "... og Kolding Kommune Udgivet af ByLivKolding Februar 2022")
PROSE_PARTIES = re.compile(r"\b(?:(?:et\s+)?(?:samarbejde|partnerskab)|[Ii]nitiativaftale|[Ss]amarbejdsaftale|[Aa]ftale|indg(?:ået|ås|åes)|aftalt"
                           r"|underskrevet|sluttet)\s+mellem\s+"
                           r"(?P<a>(?:[A-ZÆØÅ0-9]|(?=(?:kommunen|boligorganisationerne|de\s+\w+\s+boligorganisationer)\b))"
                           rf"(?:[^.:;]|\.(?=\w)|{_NAME_DOT}){{3,200}}?)(?={_NO_NAME_DOT}\.(?!\w)|;|$|\s+om\b|\s+for\s+(?:at|den|det|de|perioden|årene|\d)\b|\s+på\s+vegne\s+af\b"
                           r"|\s+(?:[Uu]dgivet|[Uu]darbejdet|[Rr]edigeret)\s+af\b"
                           # (a list of names ends where "og" joins on a lower-case phrase that names
                           # no party by its kind: "... og Brørup Boligselskab og de tre delaftaler")
                           r"|\s+(?:og|samt)\s+(?!(?:kommunen|boligorganisationerne|boligselskaberne|boligforeningerne"
                           r"|(?:de|alle)\s+\w+\s+(?:deltagende\s+)?bolig\w+)\b)(?=[a-zæøå]))"
                           r"|\b(?i:ansøgningen|helhedsplanen|aftalen|samarbejdsaftalen)(?:\s+[A-ZÆØÅ][\wæøå-]*){0,4}"
                           r"\s+(?:er\s+)?(?:udarbejdet|indg(?:ået|ås|åes)|underskrevet)"
                           r"\s+af\s*:?\s*"
                           r"(?P<b>[A-ZÆØÅ0-9][^.;]{3,200}?)(?=[.;]|$|\s+for\s+(?:at|den|det|de|perioden|årene|\d)\b"
                           r"|\s+i\s+(?:tæt\s+|nært\s+)?samarbejde\s+med\b)"  # (who only co-operates is no party)
                           # "Parterne bag helhedsplanen er X og Y", "Bag helhedsplanen står X og Y",
                           # "Aftalens parter er X, Y og Z"
                           r"|\b(?i:parter(?:ne)?\s+(?:bag|i)\s+(?:den\s+)?(?:strategiske\s+)?(?:helhedsplanen|aftalen|indsatsen"
                           r"|samarbejdsaftalen|samarbejdsaftale)\s+er|(?-i:P)arterne\s+er"
                           r"|(?:aftalens|helhedsplanens|samarbejdsaftalens)\s+parter\s+er"
                           r"|bag\s+(?:helhedsplanen|aftalen|indsatsen)\s+står)\s*:?\s*(?P<c>[A-ZÆØÅ0-9](?:[^.;]|\.(?=\w)){3,200}?)"
                           r"(?=\.(?!\w)|;|$|\s+for\s+(?:at|den|det|de|perioden|årene|\d)\b|\s+på\s+vegne\s+af\b)")


_WRAPPED_NAME = re.compile(r"\bmellem\s+\S.{0,200}\s[A-ZÆØÅ][\wæøå-]+\s*$")  # (a list after "mellem" broken after a capital)
# the parties in a bracket that says so, after the plan's name: "X (A, B og C, aftalens parter)"
_PARTIES_BRACKET = re.compile(r"\(([A-ZÆØÅ][^()]{3,200}?),\s*(?:aftalens|samarbejdsaftalens|helhedsplanens)\s+parter\)")
_PROSE_CUE = re.compile(r"parter\)|mellem|udarbejdet|[Bb]ag |parter er|arterne er|aftalen er|indg|er parter i")
# "A (herefter A), B og C indgår hermed strategisk samarbejdsaftale om ...": the list before the verb
_ENTER_INTO = re.compile(r"(?:^|(?<=[.:]\s))(?P<e>[A-ZÆØÅ][^.:;]{3,200}?)\s+indgår\s+(?:hermed\s+|herved\s+)?(?:en\s+|følgende\s+)?"
                         r"(?:strategisk\s+)?(?:samarbejds)?aftale\b")
# what a list of parties is called, after it: "A, B og C (aftalens parter)"
_ROLE_NOTE = re.compile(r"\s*\((?:aftalens\s+|samarbejdsaftalens\s+)?parter(?:ne)?\)")
_HEREAFTER = re.compile(r"\s*\((?:herefter|i det følgende)[^()]*\)")


def _without_hereafter(text: str) -> str:
    """``text`` without its "(herefter ...)" notes, but a short form in capitals kept as "(BSG)" (an
    entry's alias): "A (herefter Kommunen), B (herefter BSG)" -> "A, B (BSG)"."""
    if "(" not in text:
        return text
    from samspil.loaders.extract.org_lists import _HEREAFTER_CODE, _HEREAFTER_WORD, own_short_form

    def own(m: re.Match[str]) -> str:  # a short form the name gives itself is kept: "Boligselskabet Suså (herefter
        word = m.group("word")  # Susåbo)" (the entry's rule reads it as its alias), marked while the rest go
        return f"{m.group('name')} (\ue000{word})" if own_short_form(word, m.group("name").split()) else m.group(0)

    kept = _HEREAFTER_WORD.sub(own, text) if "herefter" in text or "følgende" in text else text
    return _HEREAFTER.sub("", _HEREAFTER_CODE.sub(r"(\1)", kept)).replace("(\ue000", "(herefter ")
# "A, B og C, der alle tre er parter i aftalen": the list before the clause, from the last
# verb or preposition before its first name ("Indsatsen drives af A, B og C, der ...")
_ALL_PARTIES = re.compile(r"(?P<d>[A-ZÆØÅ][^.:;]{3,200}?),?\s+(?:der|som)\s+(?:alle\s+(?:\w+\s+)?|begge\s+)?er\s+"
                          r"(?:aftale)?parter\s+i\s+(?:den\s+\w+\s+)?(?:samarbejds)?aftalen")
_LIST_OPENER = re.compile(r".*\b(?:af|mellem|er|at|hvor|med|består|står|indgår)\s+(?=[A-ZÆØÅ0-9])")
# "A har i samarbejde med B og C udarbejdet denne helhedsplan": A, B and C
_PREPARED_WITH = re.compile(r"(?:^|(?<=[.:]\s))(?P<a>[A-ZÆØÅ][^.:;]{2,120}?)\s+har\s+(?:i\s+samarbejde|sammen)\s+med\s+"
                            r"(?P<b>[A-ZÆØÅ][^.:;]{3,200}?)\s+(?:udarbejdet|indgået)\s+(?:denne|den|en|nærværende)?\s*"
                            r"(?:ny\s+)?(?:boligsociale\s+|strategisk(?:e)?\s+)?(?:helhedsplan|plan|samarbejdsaftale|aftale|ansøgning)")
# "A, B og C har indgået en strategisk samarbejdsaftale": the list before the verb
_HAVE_ENTERED = re.compile(r"(?:^|(?<=[.:]\s))(?P<e>[A-ZÆØÅ][^.:;]{3,200}?)\s+har\s+(?:i\s+fællesskab\s+)?"
                           r"(?:indgået|udarbejdet|underskrevet)\s+(?:en|den|denne)\s+(?:ny\s+)?(?:strategisk(?:e)?\s+)?"
                           r"(?:samarbejdsaftale|aftale|helhedsplan)\b")
# the parties of the strategic agreement named in a delaftale ("udmønter samarbejdsaftalen mellem ...")
_WHOLE_AGREEMENT = re.compile(r"samarbejdsaftale|strategisk|parter", re.I)


_PARTY_KINDS = frozenset(("housing_organisation", "municipality"))


def _have_entered(doc: Document, i: int, text: str) -> re.Match[str] | None:
    """:data:`_HAVE_ENTERED` in line ``i``; a list that opens the line read with the line before it
    too, when that line's sentence goes on ("..., som Boligselskabet A, Boligforeningen" + "B og C
    har indgået en strategisk samarbejdsaftale om")."""
    m = _HAVE_ENTERED.search(text)
    if m is not None and m.start() == 0 and i and (before := clean(doc.lines[i - 1])) \
            and not before.endswith((".", ":", ";", "!", "?")):
        return _HAVE_ENTERED.search(f"{before} {text}") or m
    return m


def prose_party_entries(doc: Document) -> tuple[int, list[str], bool, list[tuple[str, int]]] | None:
    """(line, the entries, whether the sentence names the whole agreement's parties, the
    parties it names by their kind: see :func:`references`) of the first sentence in the
    opening lines that names two or more parties."""
    for i, line in enumerate(doc.lines[:80]):
        if not _PROSE_CUE.search(line) and not (i + 1 < len(doc.lines) and "parter)" in doc.lines[i + 1]
                                                and line.rstrip().endswith(",")):
            continue  # (a bracket of parties may close on the next line: "X (A," over "B og C, aftalens parter)")
        text = clean(line)
        if i + 1 < len(doc.lines) and doc.lines[i + 1].strip() and (
                line.rstrip().endswith((",", " og", " samt")) or _WRAPPED_NAME.search(line)):
            text = clean(f"{line} {doc.lines[i + 1]}")  # a list wrapped onto the next line (text, not a PDF's),
            # also inside a name ("... boligorganisationerne Boligselskabet" over "Stavnsgaard (herefter BSG) og")
        whole = False
        kinds: list[tuple[str, int]] = []
        if m := _PARTIES_BRACKET.search(text):  # "Flintholm Sammen (Frederiksberg Kommune, A og B, aftalens parter)"
            entries, whole = split_party_entries(m.group(1)), True
        elif m := _PREPARED_WITH.search(text):
            entries = [*split_party_entries(m.group("a")), *split_party_entries(m.group("b"))]
        elif m := _ALL_PARTIES.search(text):
            entries = split_party_entries(_LIST_OPENER.sub("", m.group("d")))
            whole = True
        elif m := _ENTER_INTO.search(text):
            entries = split_party_entries(re.sub(r",\s+(og|samt)\s+", r" \1 ", _without_hereafter(m.group("e"))))
            whole = True
        elif m := _have_entered(doc, i, text):
            listed = re.split(r"\s[›|»/]\s", m.group("e"))[-1].rsplit(" som ", 1)[-1]  # ("X er en ny helhedsplan,
            # som A, B og C har indgået ..."; a web page's breadcrumbs "Forside › Bolig › ..." run onto it)
            entries = [e for e in split_party_entries(re.sub(r",\s+(og|samt)\s+", r" \1 ", _without_hereafter(listed)))
                       if org_type_of(e) in _PARTY_KINDS]  # (a sentence's subject: only what names a party's kind;
            whole = True  # not a web page's breadcrumbs or title run onto it)
        elif m := PROSE_PARTIES.search(text):
            listed, kinds = references(_ROLE_NOTE.sub("", m.group("a") or m.group("b") or m.group("c")))
            listed = _without_hereafter(listed)  # ("A (herefter Kommunen), B og C (herefter samlet ...)": the
            # short names the sentence defines are no entries, and they hide the list's "og")
            entries = split_party_entries(listed)
            sentence = text.rfind(". ", 0, m.start()) + 1  # (the sentence's own words before "mellem")
            whole = bool(_WHOLE_AGREEMENT.search(text[max(sentence, m.start() - 120):m.start() + 30]))
        else:
            continue
        if len(entries) + len(kinds) >= 2:
            return i, entries, whole, kinds
    return None


# "de to boligorganisationer", "kommunen", "boligorganisationerne": parties named by their
# kind (resolved to the organisations of that kind the document names), never by a name
_REFERENCE = re.compile(r"(?:\b(?:de|alle)\s+(?P<n>to|tre|fire|fem|seks|\d)\s+(?:deltagende\s+)?)?"
                        r"\b(?P<word>boligorganisation(?:er(?:ne)?|en)|boligselskab(?:er(?:ne)?|et)"
                        r"|boligforening(?:er(?:ne)?|en)|kommunen)\b(?!\s+(?-i:[A-ZÆØÅ][a-zæøå]))", re.I)
# the kind written before the names it introduces: the names are the parties
_KIND_BEFORE_NAME = re.compile(r"(?<![\w-])(?:(?:de|alle)\s+(?:to|tre|fire|fem|seks|\d)\s+)?(?:boligorganisation(?:erne|en)"
                               r"|boligselskab(?:erne|et)|boligforening(?:erne|en))\s+(?=[A-ZÆØÅ][a-zæøå])")
_COUNTS = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6}


def references(text: str) -> tuple[str, list[tuple[str, int]]]:
    """The text without the parties it names by their kind, and those: (type, how many;
    0 when it does not say).

    >>> references("Næstved Kommune og de to boligorganisationer")
    ('Næstved Kommune', [('housing_organisation', 2)])
    >>> references("kommunen og boligorganisationerne")
    ('', [('municipality', 0), ('housing_organisation', 0)])
    >>> references("Boligselskabet Vest og Vejle Kommune")
    ('Boligselskabet Vest og Vejle Kommune', [])
    >>> references("Holbæk Kommune og boligorganisationerne Boligselskabet Vest (BV) og Lejerbo (LB)")
    ('Holbæk Kommune og Boligselskabet Vest (BV) og Lejerbo (LB)', [])
    """
    text = _KIND_BEFORE_NAME.sub("", text)  # "og boligorganisationerne Boligselskabet Fjordhusene (BF), ..."
    kinds = []
    for m in _REFERENCE.finditer(text):
        if m.group("word")[:1].isupper() and not m.group("n") and m.start() > 0:
            continue  # "Boligselskabet" opening a name in the middle of the list
        kind = "municipality" if m.group("word").lower() == "kommunen" else "housing_organisation"
        n = m.group("n") or ""
        kinds.append((kind, _COUNTS.get(n.lower(), int(n) if n.isdigit() else 0)))
    if not kinds:
        return text, kinds
    rest = _REFERENCE.sub(" ", text)
    rest = re.sub(r"^(?:\s*(?:og|samt|,))+|(?:(?:og|samt|,)\s*)+$", "", " ".join(rest.split())).strip(" ,")
    rest = re.sub(r"\s+(?:og|samt)\s+(?:(?:og|samt)\s+)+", " og ", rest)
    return rest, kinds
