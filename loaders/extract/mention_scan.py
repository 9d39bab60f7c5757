"""The document pass of :mod:`mentions`: organisations named in running text,
line by line.

Per line: a partner field ("Samarbejdsrelationer: A, B og C", also with its list on
the lines below a lone label) and the role bullets under "Ansvars- og
rollefordeling" give activity partners; abbreviations the text defines ("Center
for Boligsocial Udvikling (CFBU)", "..., EKI (") give a name with its alias; every
other capitalised run that :mod:`mentions` accepts is a mention. Activity names and
a plan's own projects ("Lommepengeprojektet") are dropped at the end.
"""
from __future__ import annotations

import re
from itertools import chain

from samspil.loaders.document import Document
from samspil.loaders.extract.mentions import (_CONNECT_WORD, _FUNCTION_WORDS, _has_cue, _trim_run, _valid, _vocab,
                                              expansion)
from samspil.loaders.extract.run_candidates import _DIGIT_FIRST, _candidates
from samspil.loaders.extract.org_lists import (KIND_START, compound_initials_fit, initials_fit, municipality_written_out,
                                               org_type_of, split_org_text)
from samspil.loaders.extract.entry_orgs import FORMER_WORDS, OrgMention, former_names
from samspil.loaders.extract.text import clean, clean_keep_colon, drop_citations, strip_markup

__all__ = ["text_mentions"]

DEFINE = re.compile(r"([A-ZÆØÅ][\wæøå-]*(?:\s+(?:og|for|i|af|-|–)?\s*[\wæøåÆØÅ-]+){0,7}?)\s*\(\s*([A-ZÆØÅ]{2,6})\s*\)")
_ABBREVIATION_IN_BRACKETS = re.compile(r"\(\s*[A-ZÆØÅ]{2,6}\s*\)")  # what every DEFINE match ends with
ROLE_BULLET = re.compile(r"^\s*[-•·*]\s*([A-ZÆØÅ][^:]{1,60}?)\s*:\s")
FIELD = re.compile(r"^\W*(?:(?:øvr(?:ige)?\.?|eksterne|andre)\s+)?(samarbejdsrelationer|samarbejdspartnere|samarbejdspartn\."
                   r"|samarbejdsparter|samarbejde|partnere|partn\.)\w*\W*:\s*(.*)$", re.I)  # ("Øvr. samarbejdspartn.:")
HEADING = re.compile(r"^\W*(ansvars- og rollefordeling|samarbejdspartnere)\W*:?\s*$", re.I)
FIELD_ALONE = re.compile(r"^\W*(?:samarbejdsrelationer|samarbejdspartnere|partnere)\w*\W*:?\s*$", re.I)
_LABEL_FIRSTS = "aAsSpPøØeE\u017f"  # (their first letters as re.IGNORECASE reads them: a long s is an s)


_GLOSSARY = re.compile(r"\b([A-ZÆØÅ]{2,6})\s*=\s*([A-ZÆØÅ][\wæøåÆØÅ.-]*(?:\s+(?![A-ZÆØÅ]{2,6}\s*=)"
                       r"(?:[A-ZÆØÅ][\wæøåÆØÅ.-]*|og|for|i|af)){0,6})")  # (not the next entry's code: a legend
# run onto one line, "HSK = Havneskolen BIB = Horsens Bibliotek")


def _is_word(word: str) -> bool:
    """A Danish word of the word list ("beskæftigelse"), not a proper name ("vadehavsbo")."""
    from samspil.loaders.letterspacing import _logfreq

    return word in _logfreq()


def _glossary_fits(full: str, short: str) -> bool:
    """A glossary's "VHB = Vadehavsbo": the initials of a name of several words, or for one word
    (a compound) its first letter and the others in order ("V-ade-H-avs-B-o")."""
    if " " in full:
        return initials_fit(full, short)
    word, letters = full.casefold(), short.casefold()
    if word[:1] != letters[:1] or _is_word(word):  # ("BE = Beskæftigelse": a focus area, no organisation)
        return False
    at = 1
    for c in letters[1:]:
        at = word.find(c, at) + 1
        if not at:
            return False
    return True


def _definitions(text: str) -> list[tuple[str, str]]:
    """('Center for Boligsocial Udvikling', 'CFBU') for every '... (CFBU)' whose initials fit."""
    out: list[tuple[str, str]] = []
    if "=" in text:  # a glossary's entry: "(HAB = Haarlev Almennyttige Boligselskab)"
        out += [(m.group(2).strip(), m.group(1)) for m in _GLOSSARY.finditer(text)
                if _glossary_fits(m.group(2).strip(), m.group(1))]
    out += _short_pairs(text)
    if "(" in text and ("herefter" in text or "følgende" in text):
        out += _hereafter_definitions(text)
    if "(" in text and " og " in text or "&" in text:
        out += _topic_definitions(text)
    if "(" in text:  # "KUI Lejre (Kommunal Ungeindsats)": the short name first, the bracket spells it out
        out += [(f"{m.group(1)}{m.group(2)}", m.group(3)) for m in _SHORT_SPELT_OUT.finditer(text)
                if (initials_fit(m.group(3), m.group(1)) or compound_initials_fit(m.group(3), m.group(1)))
                and _has_cue(m.group(3))]
    if "(" not in text or not _ABBREVIATION_IN_BRACKETS.search(text):
        return out
    if ", " in text:  # "Center for Børn, Unge og Læring (CBUL)": a unit's series of topics, its commas in the name
        out += [(m.group(1), m.group(2)) for m in _SERIES_DEFINE.finditer(text)
                if "".join(w[0] for w in re.findall(r"[A-ZÆØÅ][\wæøå-]*", m.group(1))) == m.group(2)]
    for m in DEFINE.finditer(text):
        full, short = _trim_run(m.group(1)), m.group(2)
        if full[:1] != short[0]:  # "Aftalen indgås mellem Hjørring Kommune (HK)": the name its initials fit
            words = full.split()
            full = next((" ".join(words[k:]) for k in range(len(words) - 1, 0, -1)
                         if words[k][:1] == short[0] and (initials_fit(" ".join(words[k:]), short)
                                                  or compound_initials_fit(" ".join(words[k:]), short))), full)
        caps = [w[0] for w in re.split(r"[\s-]+", full) if w and w[0].isupper()]
        prose = sum(w[:1].islower() and not _CONNECT_WORD.fullmatch(w) for w in full.split())
        if caps and caps[0] == short[0] and len(caps) >= 2 and _has_cue(full) \
                and (prose <= 1 or initials_fit(full, short)):  # not "Lokalpolitiet i X fortæller om ... (LTF)"
            out.append((full, short))
    return out


# an acronym, its place ("KUI Lejre") and the name it stands for in brackets after it
_SHORT_SPELT_OUT = re.compile(r"\b([A-ZÆØÅ]{2,6})((?:\s+[A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)?)\s+\("
                              r"([A-ZÆØÅ][\wæøå-]+(?:\s+(?:og\s+|for\s+)?[A-ZÆØÅ]?[\wæøå-]+){1,5})\)")
_HEREAFTER_DEFINE = re.compile(r"((?:[A-ZÆØÅ][\wæøå-]*|og|for|i|,)(?:\s*(?:[A-ZÆØÅ][\wæøå-]*|og|for|i|,)){0,8})\s*"
                               r"\(\s*(?:herefter|i det følgende)(?:\s+(?:kaldet|benævnt))?\s+[\"“]?([A-ZÆØÅ][A-ZÆØÅ&]{1,5})[\"”]?\s*\)")


def _hereafter_definitions(text: str) -> list[tuple[str, str]]:
    """('Børn og Unge', 'B&U') for "chefen for Børn og Unge, Skanderborg Kommune (herefter B&U)": the
    name before the bracket (its municipality after a comma left out) whose capitals give the short form."""
    from samspil.loaders.extract.unit_topics import is_topic_series
    from samspil.loaders.gazetteer import municipality

    out = []
    for m in _HEREAFTER_DEFINE.finditer(text):
        words, short = m.group(1).replace(",", " , ").split(), m.group(2)
        if words and words[-1] != "," and len(words) >= 3 and words[-3] == "," and municipality(" ".join(words[-2:])):
            words = words[:-3]  # ("Børn og Unge, Skanderborg Kommune": the unit, its municipality after it)
        for k in range(len(words)):
            if words[k] in ("og", "for", "i", ","):
                continue
            full = " ".join(words[k:]).replace(" , ", ", ")
            if "".join(w[0] for w in words[k:] if w[0].isupper()) == short.replace("&", "") \
                    and (_has_cue(full) or is_topic_series(full)):
                out.append((full, short))
                break
        else:  # "Boligselskabet Tønningbo (herefter TB)": the short form the text defines, its letters not the name's
            # initials: the name from its head's cue word, when the short form opens with one of its capitals
            head = max((k for k, w in enumerate(words) if _has_cue(w) and w[:1].isupper()), default=None)
            full = " ".join(words[head:]) if head is not None else ""
            if full and "," not in full and len(words) - head <= 4 and (short[0] in {w[0] for w in words[head + 1:]}
                                                                          or _inner_initials(words[head:], short)):
                out.append((full, short))
    for m in _HEREAFTER_WORD.finditer(text):  # "Boligselskabet Suså (herefter Susåbo)": a short name, no initials
        words, short = m.group(1).split(), m.group(2)
        stem = short[:4].casefold()
        first = max((k for k, w in enumerate(words) if _has_cue(w)), default=0)  # (from its head: "1. Indledning
        for k in range(first, len(words)):  # Boligforeningen Egeskovbo (herefter Egeskovbo)")
            full = " ".join(words[k:])
            if words[k][:1].isupper() and _has_cue(full) and full != short and not KIND_START.match(short) \
                    and any(w.casefold().startswith(stem) for w in words[k:]):
                out.append((full, short))
                break
    return out


def _inner_initials(words: list[str], short: str) -> bool:
    """Does ``short`` give each word's initial and then letters inside the last word, in order ("BLH" of
    "Boligselskabet Lerbækhus": Lerbæk-Hus, a place's name no word list holds)?"""
    if len(words) >= len(short) or "".join(w[0] for w in words) != short[:len(words)]:
        return False
    rest, last = short[len(words):].casefold(), words[-1][1:].casefold()
    at = 0
    for ch in rest:
        at = last.find(ch, at + 1) if at else last.find(ch, 2)
        if at < 0:
            return False
    return True


_HEREAFTER_WORD = re.compile(r"((?:[A-ZÆØÅ][\wæøå-]*)(?:\s+(?:[A-ZÆØÅ][\wæøå-]*|af|for|i)){0,6})\s*\(\s*(?:herefter|i det "
                             r"følgende)(?:\s+(?:kaldet|benævnt))?\s+[\"“]?([A-ZÆØÅ][a-zæøå][\wæøå-]{2,20})[\"”]?\s*\)")


_SERIES_DEFINE = re.compile(r"([A-ZÆØÅ][\wæøå-]+\s+for\s+[A-ZÆØÅ][\wæøå-]+(?:,\s+[A-ZÆØÅ][\wæøå-]+){1,3}\s+og\s+"
                            r"[A-ZÆØÅ][\wæøå-]+)\s*\(\s*([A-ZÆØÅ]{3,6})\s*\)")


# an administration area named by its topics, then its short form: "Sundhed, Omsorg og Arbejdsmarked (SOA)",
# "Børn og Skole (B&S)"
_TOPIC_DEFINE = re.compile(r"([A-ZÆØÅ][\wæøå-]+(?:,\s+[A-ZÆØÅ][\wæøå-]+){0,3}\s+(?:og|&)\s+[A-ZÆØÅ][\wæøå-]+)\s*"
                           r"\(\s*([A-ZÆØÅ](?:&?[A-ZÆØÅ]){1,4})\s*\)")


def _topic_definitions(text: str) -> list[tuple[str, str]]:
    """('Børn og Skole', 'B&S') for "Børn og Skole (B&S)": every capitalised word a unit's topic, their
    initials the short form."""
    from samspil.loaders.extract.unit_topics import is_unit_topic

    out = []
    for m in _TOPIC_DEFINE.finditer(text):
        words = [w for w in re.split(r"[\s,]+", m.group(1)) if w[:1].isupper()]
        if "".join(w[0] for w in words) == m.group(2).replace("&", "") and all(map(is_unit_topic, words)):
            out.append((m.group(1), m.group(2)))
    return out


def _short_pairs(text: str) -> list[tuple[str, str]]:
    """('Andelsboligforeningen Bygholmbo', 'AB Bygholmbo') for every name whose bracket gives it as its kind's
    initials and its own last word."""
    out = []
    if "(" not in text or not _PAIR_IN_BRACKETS.search(text):  # (told by a search the engine opens at each "(")
        return out
    for m in _SHORT_PAIR.finditer(text):
        full, short = m.group(1), f"{m.group(2)} {m.group(3)}"
        if full.split()[-1] == m.group(3) and full[:1] == short[:1] and _has_cue(full) \
                and len(m.group(2)) > len(full.split()) - 1:  # (a compound's initials: "UU Odense" of "Ungdommens
            # Uddannelsesvejledning Odense" is read by its words' initials, above)
            out.append((full, short))
    return out


_PAIR_IN_BRACKETS = re.compile(r"\(\s*[A-ZÆØÅ]{1,4}\s+[A-ZÆØÅ][\wæøå-]+\s*\)")
_SHORT_PAIR = re.compile(r"((?:[A-ZÆØÅ][\wæøå-]+\s+){1,4}[A-ZÆØÅ][\wæøå-]+)\s*\(\s*([A-ZÆØÅ]{1,4})\s+([A-ZÆØÅ][\wæøå-]+)\s*\)")


# "Civica (tidl. Fyns Almennyttige Boligselskab, FAB)", "Abildgårdskolen (tidligere Sæby Skole)":
# one organisation under its present name, its former name (and abbreviation) aliases
_FORMER = re.compile(r"(?<![\wæøå])([A-ZÆØÅ0-9][\wæøåÆØÅ.&-]*(?:\s+(?:og\s+|for\s+|i\s+)?[A-ZÆØÅ][\wæøåÆØÅ.&-]*){0,4})"
                     rf"\s*\(\s*{FORMER_WORDS}\s+([A-ZÆØÅ0-9][^()]{{1,80}})\)")


# an institution named after its kind in lower case: "dagtilbuddet Troldehøjen", "børnehaven Mælkebøtten",
# "fritidsklubben Skuret" (the kind tells the organisation; its own name alone has no cue)
_KIND_WORDS = ("dagtilbuddet", "daginstitutionen", "børnehaven", "vuggestuen", "børnehuset", "fritidshjemmet",
               "fritidsklubben", "ungdomsklubben", "juniorklubben", "friskolen", "privatskolen", "efterskolen",
               "idrætsforeningen", "boldklubben", "beboerforeningen", "menigheden", "spejdergruppen")
_KIND_NAME = re.compile(r"[A-ZÆØÅ][a-zæøå]+(?:-?[A-ZÆØÅ]?[a-zæøå]+)?(?:\s+[A-ZÆØÅ][a-zæøå]+)?\b")
# what every kind word holds, told by substring tests before the words are looked for
_KIND_TAILS = ("tilbuddet", "tionen", "haven", "stuen", "huset", "hjemmet", "klubben", "skolen", "foreningen",
               "menigheden", "gruppen")


def _kind_named(text: str) -> list[tuple[str, str]]:
    """(name, the kind and the name) of each institution named after its kind in lower case (:data:`_KIND_WORDS`,
    the word whole, then a capitalised name); a name that is a common word or a person's is none ("børnehaven
    Tirsdag")."""
    from samspil.loaders.extract import targets
    from samspil.loaders.extract.mentions import _common_words
    from samspil.loaders.labels import starts_with_label
    from samspil.loaders.extract.people import is_first_name

    out = []
    for kind in _KIND_WORDS:
        at = text.find(kind + " ")
        while at >= 0:
            after = at + len(kind) + 1
            if (at == 0 or not text[at - 1].isalpha()) and (m := _KIND_NAME.match(text, after)):
                name = m.group(0)
                first = name.split()[0]
                if not (first.lower() in _common_words() or is_first_name(first) or first in _FUNCTION_WORDS
                        or targets.classify(first) or starts_with_label(f"{first}:")):
                    out.append((name, f"{kind} {name}"))  # (not a target group or a label: "Læselyst i vuggestuen
                    # Småbørnsfamilier med ...", a table's next cell)
            at = text.find(kind + " ", after)
    return out


_GLOSSARY_HEAD = re.compile(r"\b(?:[Aa]nvendte\s+)?[Ff]orkortelser(?:\s+i\s+(?:aftalen|planen|dokumentet))?\s*:?\s+"
                            r"(?=[A-ZÆØÅ]{2,6}\s+[A-ZÆØÅ])")
# one entry of a glossary run together: its code, then the name up to the next entry's code before a capital
_GLOSSARY_ENTRY = re.compile(r"([A-ZÆØÅ]{2,6})\s+([A-ZÆØÅ][\wæøå-]*(?:\s+(?:[A-ZÆØÅ][\wæøå-]*|og|for|i|af|\([A-ZÆØÅ]{2,6}\)))*?)"
                             r"(?=\s+[A-ZÆØÅ]{2,6}\s+[A-ZÆØÅ]|\s+\d|\s*$)")


def _code_glossary(text: str) -> tuple[list[tuple[str, str]], tuple[int, int]] | None:
    """A glossary of codes run onto one line ("Forkortelser i aftalen LTK Lyngby-Taarbæk Kommune BFF Boligselskabet
    Fuglevadsbo CSB Center for Social og Beskæftigelse (LTK) 1 Parter ..."): (name, code) of each entry whose name is
    an organisation's, and the glossary's span; None without two such entries."""
    if (head := _GLOSSARY_HEAD.search(text)) is None:
        return None
    pairs, at = [], head.end()
    while (m := _GLOSSARY_ENTRY.match(text, at)) is not None:
        full = re.sub(r"\s*\([A-ZÆØÅ]{2,6}\)$", "", m.group(2)).strip()
        if not (_has_cue(full) or _valid(full)):
            break
        pairs.append((full, m.group(1)))
        at = m.end()
        while at < len(text) and text[at] == " ":
            at += 1
    return (pairs, (head.start(), at)) if len(pairs) >= 2 else None


def _former_names(text: str) -> list[tuple[str, list[str]]]:
    """(present name, [former name, its abbreviation]) of every 'X (tidl. Y)' whose X and
    Y both read as organisations' names."""
    out: list[tuple[str, list[str]]] = []
    if " hed " in text:  # 'Center for Børn og Familie hed indtil 2024 "Familiecentret"'
        out += [(clean(m.group(1)), [m.group(2)]) for m in _WAS_CALLED.finditer(text)
                if _valid(clean(m.group(1))) and _valid(m.group(2))]
    if "(" not in text or not ("tidl" in text or "fhv" in text):
        return out
    for m in _FORMER.finditer(text):
        names = former_names(m.group(2))
        if _valid(m.group(1)) or _has_cue(names[0]):
            out.append((clean(m.group(1)), names))
    return out


# a name and what it was called before: 'X hed indtil 2024 "Y"', 'X hed tidligere Y'
_WAS_CALLED = re.compile(r"([A-ZÆØÅ][\wæøå-]*(?:\s+(?:[A-ZÆØÅ][\wæøå-]*|og|for|i)){0,6}) hed (?:indtil (?:\d{4}|\w+ \d{4})|"
                         r"tidligere|før(?: \d{4})?) [\"“»]?([A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+){0,4})")
_APPOSITIVE = re.compile(r",\s+([A-ZÆØÅ]{2,6})(?=\s*[(,.;:]|\s+v[./]|\s*$)")
_APPOSITIVE_WORDS = re.compile(r"[\wæøåÆØÅ-]+")


_DASH_DEFINED = re.compile(r"(?<![\wæøå])([A-ZÆØÅ]{2,6})\s+[–—-]\s+([A-ZÆØÅ][\wæøå]+(?:\s+(?:for\s+|og\s+)?[A-ZÆØÅ][\wæøå]+){1,5})")


def _dash_definitions(text: str) -> list[tuple[str, str]]:
    """('Østbornholms Boligselskab', 'ØBB') for 'ØBB – Østbornholms Boligselskab' (a letterhead's or a
    web page's name line) when the words after the dash have the abbreviation's initials."""
    if " – " not in text and " - " not in text and " — " not in text:
        return []
    return [(m.group(2), m.group(1)) for m in _DASH_DEFINED.finditer(text)
            if (initials_fit(m.group(2), m.group(1)) or _compound_initials(m.group(2), m.group(1))) and _has_cue(m.group(2))]


def _compound_initials(full: str, short: str) -> bool:
    """Does each word of ``full`` give ``short`` one letter or more in order, its first letter first
    (a compound's parts their own: "Østbornholms Boligselskab" / ØBB)?"""
    words = [w.casefold() for w in full.split() if w not in ("for", "og")]
    rest = short.casefold()
    for k, word in enumerate(words):
        if not rest or rest[0] != word[0]:
            return False
        used, rest, at = 1, rest[1:], 1
        words_left = len(words) - k - 1
        while len(rest) > words_left and (at := word.find(rest[0], at)) > 0:
            used, rest, at = used + 1, rest[1:], at + 1
    return not rest


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


_LIST_END = re.compile(r"(?:(?<=[a-zæøå]{4})|(?<=\)))\.\s+(?=[A-ZÆØÅ])|\s+\d{1,3}\s+(?=[A-ZÆØÅ][a-zæøå]+\s+[a-zæøå])"
                       r"|\s+[a-zæøå]{2,12}\s+\d{1,2}(?:-\d{1,2})?:\s")  # (or a field's key in small letters after it:
# "... Røde Kors Ringkøbing-Skjern uge 36: Birgit J.", a rota's week)
_PROSE_WORDS = re.compile(r"(?<![\wæøå-])(?!(?:og|i|for|af|på|til|med|ved|samt|under|fra)\b)[a-zæøå]{2,}\b")


_PEOPLE_FROM = re.compile(r"(^|[,;]\s*)(?:frivillige|medarbejdere|elever|lærere|studerende|ansatte|repræsentanter|mentorer)"
                          r"(?:\s+[a-zæøå]+)?\s+(?:fra|hos)\s+(?=[A-ZÆØÅ])")  # ("; frivillige lektiehjælpere fra X")


_NOTE = re.compile(r"\s*\([^()]{1,80}\)")


def _field_orgs(value: str) -> list[str]:
    """Organisations of a comma list ("Red Barnet /København City, Frivillige, Familierådgivningen")."""
    from samspil.loaders.extract.people import is_first_name, is_title_word

    _, _, generic, not_org = _vocab()
    names = []
    value = _LIST_END.split(value, 1)[0]  # the list ends where a sentence or a page begins
    if "fra " in value or "hos " in value:
        value = _PEOPLE_FROM.sub(r"\1", value)  # "frivillige fra Røde Kors Fredericia": where they come from
    for seg in split_org_text(_AND_BEFORE_NAME.sub(_and_to_comma, value)):
        if len(_PROSE_WORDS.findall(_NOTE.sub("", seg) if "(" in seg else seg)) >= 3:
            break  # "... 5B 2 Helhedsplanen omfatter afdelingerne ...": prose after the list (not a note in brackets:
            # "Borris Skole (læreren kommer de lige uger)")
        seg = clean(re.split(r"\s+\(|\s+som fx\s|\s+fx\s|\s+(?:og|samt)\s+(?=[a-zæøå])", seg)[0])
        seg = seg[:-1] if seg.endswith(".") and seg[-2:-1].isalpha() and not seg.endswith(" v.") else seg  # a list's stop
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


# an activity's partners in its own words: "i samarbejde med A og B", "drives af A", "med støtte fra
# A", "i partnerskab med A"; and a list item's partner in brackets after its name ("• Madklub (FOF Sorø) – ...")
_PARTNER_CUE = re.compile(r"(?:samarbejde|partnerskab|samspil)\s+med\s+|[Dd]rives\s+(?:sammen\s+med\s+|af\s+)"
                          r"|støtte\s+fra\s+|[Ff]inansieret\s+af\s+|(?<=,\s)med\s+"  # ("for voksne med stress, med X")
                          r"|[Ff]rivillige(?:\s+[a-zæøå]+){0,2}\s+fra\s+")  # ("frivillige læsevenner fra X")
_ITEM_BRACKET = re.compile(r"^[^()]{2,60}?\(([A-ZÆØÅ][^()]{1,60})\)")  # an item's name, its partner in brackets
_FIRST_SENTENCE = re.compile(r"(?<=[a-zæøå)]{2}[.!?])\s+(?=[A-ZÆØÅ])")
_MARK_FIRST = re.compile(r"^\s*(?:[-•*▪–]|\d{1,2}[.)]|[A-H]\.?\d{1,2}\.?)\s+")  # a list item's mark
_NAME_SPAN = 70  # characters of an item's mark and name, where a bracket names its partner
_SHORT_ITEM = 250  # characters of a list item: a name and a short description
# a name of capitalised words (and the connectors between them): "DGI Vestsjælland", "Center for Børn"
_NAME_ONLY = re.compile(r"[A-ZÆØÅ0-9][\w.&/'’-]*(?:\s+(?:(?:og|for|i|af|under|-|–)\s+)?[A-ZÆØÅ0-9][\w.&/'’-]*)*$")
_PHRASE_END = re.compile(r"[.;:()](?:\s|$)|\s[–—-]\s|\s+(?:om|for|til|hvor|som|der|i\s+(?=[a-zæøå]))\s")


def _partner_phrases(item: str) -> list[str]:
    """Organisations a listed activity's own text names as its partners (see ``_PARTNER_CUE``)."""
    item = _FIRST_SENTENCE.split(_MARK_FIRST.sub("", strip_markup(item), 1)[:_SHORT_ITEM], 1)[0]
    # (the item's name and first sentence: in the prose after it the phrase's end cannot be told)
    found = [n for m in _PARTNER_CUE.finditer(item) if item[m.end():m.end() + 1].isupper()
             for n in _field_orgs(_PHRASE_END.split(item[m.end():m.end() + 160], 1)[0]) if _NAME_ONLY.match(n)]
    if "(" in item[:_NAME_SPAN] and (b := _ITEM_BRACKET.match(item)) and not any(c.isdigit() for c in b.group(1)):
        found += [n for n in _field_orgs(b.group(1)) if _NAME_ONLY.match(n)]
    return found


def text_mentions(doc: Document, known: list[OrgMention]) -> list[OrgMention]:
    from samspil.loaders.extract.activities import activity_blocks
    from samspil.loaders.extract.tables import non_org_cells, org_list_cells
    from samspil.loaders.extract.zone_tables import flat_rest

    abbr, _, _, _ = _vocab()
    activity_names = {b.name.casefold() for b in activity_blocks(doc)}
    party_lines = {m.line for m in known if not m.in_text}
    no_org, partner_cells, flat = non_org_cells(doc), org_list_cells(doc), flat_rest(doc)
    out: list[OrgMention] = []
    in_roles = label_alone = False
    from samspil.loaders.extract.sections import plain_lines
    from samspil.loaders.segment import starts_with_label

    plain = plain_lines(doc)
    runs: dict[str, list[str]] = {}

    def cell_runs(cell: str) -> list[str]:  # (a cell's names found once a document: cells recur)
        found = runs.get(cell)
        if found is None:
            found = runs[cell] = _candidates(cell)
        return found
    for i, raw in enumerate(doc.lines):
        if i in party_lines:  # (read by the parties' rules; a unit a party's row defines is still named: "Randers
            # Kommune<TAB>Sundhed, Omsorg og Arbejdsmarked (SOA)")
            if "(" in raw:
                out += [OrgMention(full, i, aliases=[short], role="mentioned") for full, short in _definitions(raw)]
            continue
        text = plain[i].strip(" ,;:–-•·")
        if i in flat:  # a department table run onto one line: only its owners' cells are names
            raw = text = flat[i].strip(" ,;:–-•·")
        if not text:
            continue
        value_next, label_alone = label_alone, False
        # (HEADING, FIELD_ALONE and FIELD open with "a", "s", "p", "ø" or "e" after any non-word characters:
        # a text that opens with another word character is told without them)
        labelled = not (text[0].isalnum() or text[0] == "_") or text[0] in _LABEL_FIRSTS
        if labelled and (HEADING.match(text) or FIELD_ALONE.match(text)):
            in_roles = in_roles or HEADING.match(text) is not None
            label_alone = FIELD_ALONE.match(text) is not None  # "Samarbejdsrelationer:", its list below
            continue
        if in_roles and not ROLE_BULLET.match(strip_markup(raw)) and (len(text) > 100 or "navn:" in text.lower()):
            in_roles = False
        f = FIELD.match(text) if labelled else None
        if f or value_next and len(text) <= 200 and not ROLE_BULLET.match(strip_markup(raw)) \
                and not starts_with_label(text):
            out += [OrgMention(n, i, role="activity_partner") for n in _field_orgs(f.group(2) if f else text)]
            continue
        if in_roles and (b := ROLE_BULLET.match(strip_markup(raw))):
            out += [OrgMention(n, i, role="activity_partner") for n in _field_orgs(b.group(1))
                    if (_valid(n) or n in abbr or _all_caps_words(n)) and n.split()[0] not in _FUNCTION_WORDS]
        dashed = _dash_definitions(text)
        defined = [d for cell in raw.split("\t") for d in _definitions(clean_keep_colon(cell))] if "\t" in raw \
            else _definitions(text)
        for full, short in defined + _appositive_definitions(text) + dashed:  # (a table's cell by cell)
            out.append(OrgMention(full, i, aliases=[short], role="mentioned"))
        for name, former in _former_names(text):
            out.append(OrgMention(name, i, aliases=former, role="mentioned"))
        if any(kind in text for kind in _KIND_TAILS):  # (a kind's word, told by substring tests before the pattern
            # is searched; the name may open the next line: "... og dagtilbuddet" over "Troldehøjen.")
            joined = f"{text} {plain[i + 1][:60]}" if text.endswith(("en", "et")) and i + 1 < len(plain) else text
            out += [OrgMention(name, i, aliases=[kinded], role="mentioned") for name, kinded in _kind_named(joined)]
        cells = [clean_keep_colon(c) for c in raw.split("\t")] if "\t" in raw else [text]
        if "orkortelser" in text and len(cells) == 1 and (glossary := _code_glossary(text)) is not None:
            pairs, (start, end) = glossary  # "Forkortelser i aftalen LTK Lyngby-Taarbæk Kommune BFF Boligselskabet X ..."
            out += [OrgMention(full, i, aliases=[code], role="mentioned") for full, code in pairs]
            cells = [text[:start], text[end:]]  # (the glossary's names read from its entries only)
        if i in no_org or i in partner_cells:
            cells = _table_cells(i, cells, no_org, partner_cells, out)
        if "(" in text:
            cells = [drop_citations(c) for c in cells]  # (a cited report's author is no partner)
        last_cell = cells[-1] if cells else ""
        for name in chain.from_iterable(map(cell_runs, cells)):  # a name never spans two cells
            name = _municipality_form(name)
            if i + 1 < len(plain) and last_cell.endswith(name) and (place := _place_opening(plain[i + 1])) \
                    and (_has_cue(name) or org_type_of(name) != "other") and not _ends_in_place(name):
                name = f"{name} {place}"  # "... at Kommunal Ungeindsats" + "Ikast-Brande får ...": the unit's
                # town wrapped onto the next line
            if dashed and any(name.startswith(short) and name.endswith(full) for full, short in dashed):
                continue  # ("ØBB – Østbornholms Boligselskab": the one organisation defined above)
            if _heading_caps(name):
                continue
            if name in abbr and (full := expansion(name, doc)):
                out.append(OrgMention(full, i, aliases=[name], role="mentioned"))
            else:
                out.append(OrgMention(name, i, role="mentioned"))
    for b in activity_blocks(doc):  # a listed activity's partners in its own words ("• X – drives af Y")
        item = b.text or doc.lines[b.start]
        if b.text or _MARK_FIRST.match(item) or item.startswith(b.name):  # (a list's item, not a section)
            out += [OrgMention(n, b.start, role="mentioned") for n in _partner_phrases(item)]
    return _drop_activities(out, activity_names)


# a place name opening a line, then a lower-case word or the line's or clause's end
# (not a place and date a signature was made at: "Aarhus, den 11. december 2024")
_PLACE_OPENING = re.compile(r"([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)(?!,?\s*(?:den\b|d\.|\d))(?=[,.;)]|\s+[a-zæøå]|\s*$)")


def _place_opening(line: str) -> str | None:
    """The municipality or town a line opens with (its next word in lower case): "Ikast-Brande får ..."."""
    m = _PLACE_OPENING.match(line)
    if m is None:
        return None
    from samspil.loaders.gazetteer import is_town, municipality

    return m.group(1) if municipality(m.group(1)) or is_town(m.group(1)) else None


def _ends_in_place(name: str) -> bool:
    from samspil.loaders.gazetteer import is_town, municipality

    last = name.rsplit(None, 1)[-1]
    return last == "Kommune" or bool(municipality(last)) or is_town(last)


def _table_cells(i: int, cells: list[str], no_org: dict[int, set[int]], partner_cells: dict[int, set[int]],
                 out: list[OrgMention]) -> list[str]:
    """A table row's cells left to scan for names: a partner column's cell is a list of
    organisations (added to ``out`` here); a head row's cells and the activity, target-group
    and count columns (``tables.non_org_cells``) name none."""
    out += [OrgMention(n, i, role="activity_partner") for k in partner_cells.get(i, ()) if k < len(cells)
            for part in cells[k].split(";") for n in _field_orgs(part)]  # ("SDE; UU Odense")
    dropped = no_org.get(i, set()) | partner_cells.get(i, set())
    return [c for k, c in enumerate(cells) if k not in dropped]


_MUNICIPALITY_TAIL = re.compile(r"^(?:[A-ZÆØÅ][\wæøå]*\s+)+?(?P<muni>[A-ZÆØÅ][\wæøå-]+)\s+Kommunes?$")
_CAPS_FUNCTION = re.compile(r"\s(?:OG|I|FOR|AF|TIL|MED|PÅ|OM|SOM|BLANDT)\s")


def _municipality_form(name: str) -> str:
    """'Budget Københavns Kommunes' -> 'Københavns Kommune': a run that ends in a
    municipality's name (all are one word) names the municipality.

    >>> _municipality_form("Budget Københavns Kommunes"), _municipality_form("Randers Kommunes")
    ('Københavns Kommune', 'Randers Kommune')
    """
    if "\n" not in name and not name.endswith(("Kommune", "Kommunes")):
        return municipality_written_out(name) if name.endswith(" K.") else name  # (the common case, told without
        # the pattern; "Næstved K.": the municipality's name cut short)
    m = _MUNICIPALITY_TAIL.match(name)
    if m:
        return f"{m.group('muni')} Kommune"
    return name[:-1] if name.endswith(" Kommunes") else name


def _heading_caps(name: str) -> bool:
    """An upper-case heading ('NETVÆRK OG MEDBORGERSKAB'), not an organisation's acronym."""
    if not name.isupper():
        return False
    words = name.split()
    return len(words) >= 3 or bool(_CAPS_FUNCTION.search(f" {name} ")) or all(map(_caps_word, words)) \
        and not _known_caps(name)  # ("2. PROJEKT", "4. PROJEKTBESKRIVELSE": a form's headings, not "KAB")


def _caps_word(word: str) -> bool:
    """A word of six letters or more in capitals that is a Danish word or compound ('PROJEKTBESKRIVELSE')."""
    from samspil.loaders.extract.org_lists import _compound_parts

    low = word.casefold()
    return len(low) >= 6 and low.isalpha() and (_is_word(low) or _compound_parts(low) is not None)


def _known_caps(name: str) -> bool:
    from samspil.loaders.gazetteer import known_organisation

    return known_organisation(name.title()) is not None or known_organisation(name) is not None


_DEFINITE_END = re.compile(r"(?:et|en)$")
_ITEM_CODE = re.compile(r"^[A-Z]{1,2}\d{1,2}[a-z]?\s+(?=[A-ZÆØÅ])")


def _drop_activities(mentions: list[OrgMention], activity_names: set[str]) -> list[OrgMention]:
    """Activity names (also in their definite form: 'Lommepengeprojektet') are not organisations."""
    seen: dict[str, bool] = {}  # (a name is mentioned ~4 times: told once)

    def is_activity(name: str) -> bool:
        if (known := seen.get(name)) is not None:
            return known
        n = _ITEM_CODE.sub("", name).casefold()  # ("A4 Fritidsguiderne: ...", a sheet's id before the name)
        seen[name] = found = (n in activity_names or _DEFINITE_END.sub("", n) in activity_names
                              or _OWN_PROJECT.fullmatch(name) is not None)
        return found
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
