"""Candidate organisation names in running text: capitalised runs and what extends or cuts them.

mention_scan.py reads a document's lines for organisations named in running text. For
each capitalised run (``mentions.RUN``: "Boligselskabet Fjord", "Center for Børn og
Unge") :func:`_candidates` decides what the run is before mentions.py splits it into
names: a lower-case head noun after it belongs to it ("Randers håndboldklub"), so does
the year an association was founded ("... af 1940"); a genitive of a name ending in a
head noun loses its s ("Nordsjællands Politis håndbog"); the first half of a compound
before a suspended hyphen is no name ("Brobygning til Forenings- og kulturliv"); and a
name that starts with a digit is read as an item of a list of organisations ("..., 5B og
Velux Fonden").
"""
from __future__ import annotations

import re

from samspil.loaders.digits import has_digit, latin1
from samspil.loaders.extract.mentions import _FOUNDED, _FOUNDED_HEADS, RUN, _run_names
from samspil.loaders.extract.org_lists import without_sentence_subject
from samspil.loaders.extract.unit_topics import is_focus_area_name, is_topic_series, is_unit_topic

__all__ = ["_candidates", "_DIGIT_FIRST"]


# "Randers håndboldklub", "Vestbyens idrætsforening": a place or name followed by a
# lower-case head noun of an organisation.
_LOWER_HEAD = re.compile(r"\s+([a-zæøå]+(?:klub|klubben|forening|foreningen|skole|skolen|bibliotek|biblioteket|"
                         r"børnehave|vuggestue|kirke|menighed|menighedsråd|idrætsforening))\b")


_HEAD_NOUNS = ("klub", "forening", "skole", "bibliotek", "børnehave", "vuggestue", "kirke", "menighed")  # (each
# _LOWER_HEAD match ends in one: "klubben" holds "klub", "idrætsforening" and "menighedsråd" theirs)


def _holds_head_noun(text: str) -> bool:
    for w in _HEAD_NOUNS:  # (a loop: a generator costs more than the tests)
        if w in text:
            return True
    return False


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
    heads = None  # (does the text hold a lower-case head noun at all? told once, at the first run)
    covered = 0  # (the end of a series of topics read into the run before)
    for m in RUN.finditer(text):
        run, end = m.group(0), m.end()
        if m.start() < covered:
            continue  # "Unge og Læring" of "Center for Børn, Unge og Læring", read with its head
        if text[end:end + 1] == "," and run[-1] != "," and " for " in run and (series := _topic_series_after(text, end, run)):
            run, covered = run + series, end + len(series)  # "Center for Børn" + ", Unge og Læring": one unit's name
        # (a run is never empty: its last character, and the text after it, compared without a method call
        # of endswith / startswith, whose arguments are parsed at each call: ~2,000 runs a dense PDF)
        if run[-1] == "-" and _SUSPENDED.match(text, end):
            continue  # the first half of a compound ("Brobygning til Forenings- og kulturliv")
        if text[end:end + 4] == " af " and (year := _FOUNDED.match(text, end)) and _FOUNDED_HEADS.search(run):
            run += year.group(0)  # "Randers Boligforening af 1940", "Boligforeningen af 1942"
        elif (heads if heads is not None else (heads := _holds_head_noun(text))) \
                and (head := _LOWER_HEAD.match(text, end)) and len(run.split()) <= 3:
            run = f"{run} {head.group(1)}"
        elif run[-1] == "s" and _GENITIVE_HEAD.search(run, len(run) - _GENITIVE_HEAD_CHARS) \
                and _LOWER_WORD.match(text, end):  # (a match ends the run: only its end is searched)
            run = run[:-1]
        elif run.count(" ") == 2 and text.startswith(", ", m.start() - 2) and is_topic_series(run):
            run = _with_topics_before(text, m.start(), run)  # "direktør for Børn, Familie og Uddannelse"
            if is_focus_area_name(run):
                continue  # "5.1 Børn, Unge og Familier": a focus area's heading
        if run[1:2] == "-" or run[2:3] == "-":
            run = _ITEM_CODE.sub("", run) or run  # "A-102 Sundhedsplejen Billund": an item's code before the name
        if text[end:end + 1] == ":" and run.endswith(_FIELD_KEYS):
            run = run.rpartition(" ")[0] or run  # "Boligforeningen Tempelkrogen Dato: 27. juni 2024": a letter's field
        if (text[end:end + 4] == " og " or end == len(text)) and " og " in run and _areas_run_on(run, text, end):
            continue  # "Beskæftigelse og Sundhed" of "... Beskæftigelse og Sundhed og trivsel": focus areas, no name
        if text[end:end + 1] == " " and " " in run:
            run = without_sentence_subject(run, text, end)  # "Boligforeningen Fjord Indsatsen" before "dækker"
        if text[end:end + 2] == " =" or text[end:end + 1] == "=":
            run = _without_next_code(run)  # "BIB = Horsens Bibliotek JCH = Jobcenter Horsens": a legend run together
        out += _run_names(run)
    if out and has_digit(text):  # (a name opening with a digit only in a text holding one: most hold none, and
        # the pattern's class is tested at every character)
        digit_name = _ASCII_DIGIT_NAME if latin1(text) else _DIGIT_NAME  # (the same in a Latin-1 text)
        if digit_name.search(text) and not _UNIT_WORDS.search(text):
            out += digit_name.findall(text)  # "... med Red Barnet, 5B og Velux Fonden"
    return out


_ITEM_CODE = re.compile(r"^[A-ZÆØÅ]{1,2}-\d{1,4}\s+(?=[A-ZÆØÅ][a-zæøå])")  # ("A-102", "AK-7": a register's id)
_FIELD_KEYS = (" Dato", " Tlf", " Telefon", " Mail", " E-mail", " Kopi", " Adresse", " Sagsbehandler")  # (a field's key
# after a name, its column's gap lost)


def _without_next_code(run: str) -> str:
    """A legend of codes run onto one line ("HSK = Havneskolen BIB = Horsens Bibliotek JCH = Jobcenter
    Horsens"): the run before a "=" ends with the next entry's code ("Horsens Bibliotek JCH"), which is no
    part of the name before it."""
    head, _, last = run.rpartition(" ")
    return head if head and 2 <= len(last) <= 6 and last.isupper() and last.isalpha() else run


_LOWER_AFTER_AND = re.compile(r" og ([a-zæøå]+(?: og [a-zæøå]+)?)")


def _areas_run_on(run: str, text: str, end: int) -> bool:
    """Is ``run`` ("Beskæftigelse og Sundhed") the focus areas it opens, its last one going on in lower
    case after it (" og trivsel"): each piece a known area?"""
    from samspil.loaders.extract.focus_areas import _fkey, _known_focus_areas

    known = _known_focus_areas()
    pieces = run.split(" og ")
    if not all(_fkey(p) in known for p in pieces[:-1]):
        return False
    if end == len(text):  # (the line ends there: the last area goes on on the next line, "og trivsel")
        last = _fkey(f"{pieces[-1]} og")
        return any(k.startswith(last) and k != last for k in known)
    more = _LOWER_AFTER_AND.match(text, end)
    return more is not None and _fkey(f"{pieces[-1]} og {more.group(1)}") in known


_SERIES_AFTER = re.compile(r",\s+[A-ZÆØÅ][\wæøå-]+(?:,\s+[A-ZÆØÅ][\wæøå-]+){0,3}\s+og\s+[A-ZÆØÅ][\wæøå-]+\b")


def _topic_series_after(text: str, end: int, run: str) -> str | None:
    """', Unge og Læring' after 'Center for Børn': the rest of a unit's series of topics ("Center for
    Børn, Unge og Læring"), when the run names a unit by its head word and each word after it is a topic."""
    from samspil.loaders.extract.mentions import _has_cue

    series = _SERIES_AFTER.match(text, end)
    if series is None or not _has_cue(run):
        return None
    words = [w for w in re.split(r",\s+|\s+og\s+", series.group(0)) if w]
    return series.group(0) if all(is_unit_topic(w) for w in [run.rsplit(" ", 1)[-1], *words]) else None


_TOPIC_BEFORE = re.compile(r"(?:[A-ZÆØÅ][a-zæøå]+, ){1,4}$")


def _with_topics_before(text: str, start: int, run: str) -> str:
    """'Unge og Familie' after 'Børn, ': the topics before it are one administration area's name
    with it ("Børn, Unge og Familie"), which a run (no commas) cannot hold."""
    before = _TOPIC_BEFORE.search(text, max(0, start - 60), start)
    if before is None:
        return run
    words = before.group(0).split(", ")[:-1]
    k = len(words)
    while k and is_unit_topic(words[k - 1]):
        k -= 1
    return ", ".join([*words[k:], run]) if k < len(words) else run


# a compound's second half after a suspended hyphen, in lower case ("Forenings- og kulturliv"):
# what runs up to the hyphen is no name of its own
_SUSPENDED = re.compile(r" (?:og|eller|samt) [a-zæøå][\wæøå-]*")




# A name that starts with a digit ("5B", "3B") as an item of a list of organisations;
# not in a list of departments ("afd. 3, 7B og 12") or classes
# (the digit first, the look-behind after it: the engine skips to digits)
_DIGIT_NAME = re.compile(r"(\d(?:(?<=, \d)|(?<= og \d)|(?<= samt \d))[A-ZÆØÅ]{1,2})(?=,| og | samt |\.(?:\s|$)|$)")
_ASCII_DIGIT_NAME = re.compile(_DIGIT_NAME.pattern.replace(r"\d", "[0-9]"))  # (loaders/digits.py)
_DIGIT_FIRST = re.compile(r"\d[A-ZÆØÅ]{1,2}")
_UNIT_WORDS = re.compile(r"\bafd\b|afdeling|\bklasse|\bblok|\bopgang|\bnr\.", re.I)
