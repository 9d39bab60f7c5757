"""Danish written without æ, ø and å: "Maalgruppe", "INDSATSOMRAADE", "boern og unge".

Text from old case systems, some e-mail and SMS gateways, and plans typed on foreign
keyboards spells æ, ø and å as "ae", "oe" and "aa". The template's labels ("Målgruppe(r):",
"Indsatsområde"), head nouns and target-group cues are then no longer found, and a plan's
activities and focus areas are lost with them.

A document with no æ, ø or å at all and at least a few words that are Danish words once
"ae", "oe" and "aa" are read as the letters (:func:`looks_ascii_danish`) gets those words
written back (:func:`restore_letters`), word by word from the Danish word list that ships in
the ``wordfreq`` wheel (the one :mod:`samspil.loaders.letterspacing` reads): a word whose
folded form is not itself a Danish word and that folds from exactly one common word
("maalgruppe" -> "målgruppe", "paa" -> "på"), in the word's own case. Words the list does
not hold (most names) stay as written; e-mail and web addresses are never touched. Like the
OCR repair (:mod:`samspil.loaders.ocr`), this changes the words the extractors read, not a
fact's line; the excerpt a fact is quoted with is spelt back as the document writes it
(:func:`fold_letters`, exact: the document held none of the letters).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["fold_letters", "looks_ascii_danish", "lost_letter_words", "restore_label_words", "restore_letters",
           "restore_lost_letters"]

_MIN_SIGNS = 3  # distinct folded words a document needs before anything is touched
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_DIGRAPH_WORD = re.compile(r"(?<![\w@./])[^\W\d_]*(?:ae|oe|aa|AE|OE|AA|Ae|Oe|Aa)[^\W\d_]*(?![\w@]|\.\w)")


def looks_ascii_danish(lines: Sequence[str]) -> bool:
    """Is the text of ``lines`` Danish spelt without æ, ø and å?

    >>> looks_ascii_danish(["Maalgruppe: boern og unge paa 12-18 aar"])
    True
    >>> looks_ascii_danish(["Målgruppe: børn og unge", "Aarhus Kommune"])
    False
    """
    text = "\n".join(lines)
    if any(ch in text for ch in "æøåÆØÅ"):
        return False
    restored = _restored()
    seen = {w for m in _DIGRAPH_WORD.finditer(text) if (w := m.group(0).lower()) in restored}
    return len(seen) >= _MIN_SIGNS


def restore_letters(line: str) -> str:
    """``line`` with its folded Danish words written with their letters.

    >>> restore_letters("INDSATSOMRAADE 1: BOERN, UNGE OG FAMILIER")
    'INDSATSOMRÅDE 1: BØRN, UNGE OG FAMILIER'
    >>> restore_letters("Maalgruppe: unge paa 12-18 aar, se www.boern.dk eller skriv til boern@stevns.dk")
    'Målgruppe: unge på 12-18 år, se www.boern.dk eller skriv til boern@stevns.dk'
    """
    return _DIGRAPH_WORD.sub(_restore, line)


# the template's words that find its units ("Indsatsområder", "Målgruppe(r)"), spelt without the letters in a
# document that has them elsewhere (a heading typed on another keyboard: "2. Indsatsomraader")
_LABEL_WORD = re.compile(r"(?<![\w@./])[A-Z](?i:[a-z]*(?:omraad|aalgrup)[a-z]*)"  # (capitalised: a heading's or
                         r"|(?<=[a-zæøå] )[a-z]*(?:omraad|aalgrup)[a-z]*")  # label's word, not a data file's key,
# "indsatsomraade: KRIM"; or in a sentence: "... bygget op om fire indsatsomraader:")


def restore_label_words(line: str) -> str:
    """``line`` with the template's label words written with their letters, the rest as it is.

    >>> restore_label_words("2. Indsatsomraader og MAALGRUPPER for boern; indsatsomraade: KRIM")
    '2. Indsatsområder og MÅLGRUPPER for boern; indsatsomraade: KRIM'
    >>> restore_label_words("Planen har fire indsatsomraader:")
    'Planen har fire indsatsområder:'
    """
    return _LABEL_WORD.sub(_restore, line) if "aa" in line or "AA" in line else line


def _restore(m: re.Match[str]) -> str:
    word = m.group(0)
    danish = _restored_word(word.lower())
    if danish is None:
        return word
    if word.isupper():
        return danish.upper()
    return danish[:1].upper() + danish[1:] if word[:1].isupper() else danish


@lru_cache(maxsize=4096)
def _restored_word(word: str) -> str | None:
    """The Danish word ``word`` (lower case) folds from: a word of the list, or a compound of
    two parts one or both of which are ("boligomraadet" -> "boligområdet", "faelleshus" ->
    "fælleshus"); None when nothing is known."""
    restored = _restored()
    if (danish := restored.get(word)) is not None:
        return danish
    if word in _words():
        return None  # a word as it is ("beboere", "poesi")
    for k in range(len(word) - 3, _MIN_PART - 1, -1):  # the longest known last part first
        head, tail = word[:k], word[k:]
        if len(tail) < _MIN_PART and tail not in _words():
            continue  # (a short last part only as a word of its own: "fælles|hus")
        left = restored.get(head) or (head if not _has_digraph(head) else _restored_word(head))
        right = restored.get(tail) or (tail if not _has_digraph(tail) else None)
        if left is not None and right is not None and (left != head or right != tail):
            return left + right
    return None


_MIN_PART = 4  # characters: a compound's parts ("bebo|ere" is no compound of "oere")


def _words() -> dict[str, float]:
    from samspil.loaders.letterspacing import _logfreq

    return _logfreq()


def _has_digraph(word: str) -> bool:
    return "ae" in word or "oe" in word or "aa" in word


_MORE_COMMON = 3.0  # natural log: the Danish word at least 20 times as common as its folded form


@lru_cache(maxsize=1)
def _restored() -> dict[str, str]:
    """Folded form -> the Danish word, for the words of the list with æ, ø or å whose folded
    form comes from no other word of the list and is no word of its own, or a far rarer one
    (the old spellings "paa", "aar" against "på", "år")."""
    words = _words()
    folded: dict[str, list[str]] = {}
    for word in words:
        if any(ch in word for ch in "æøå"):
            folded.setdefault(word.translate(_FOLD), []).append(word)
    return {plain: danish[0] for plain, danish in folded.items() if len(danish) == 1
            and (plain not in words or words[danish[0]] - words[plain] >= _MORE_COMMON)}


_LETTER = re.compile(r"[æøåÆØÅ]")
_FOLDS = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}


def fold_letters(text: str) -> str:
    """``text`` spelt without æ, ø and å again, as a document that was restored wrote it.

    >>> fold_letters("INDSATSOMRÅDE 1: BØRN, Målgruppe: Ældre på Tårnvej")
    'INDSATSOMRAADE 1: BOERN, Maalgruppe: Aeldre paa Taarnvej'
    """
    if not _LETTER.search(text):
        return text
    return _LETTER.sub(lambda m: _fold(text, m.start()), text)


def _fold(text: str, at: int) -> str:
    letter = text[at]
    if letter.islower():
        return _FOLDS[letter]
    nxt, prev = text[at + 1:at + 2], text[at - 1:at] if at else ""
    upper_word = nxt.isupper() or (not nxt.isalpha() and prev.isupper())  # "BØRN", "INDSATSOMRÅ" + "DE"
    return _FOLDS[letter].upper() if upper_word else _FOLDS[letter]


# A section pasted through a system that could not write æ, ø and å puts a question mark in
# their place: "Indsatsomr?de 1: Kriminalpr?vention og tryghed", "M?lgruppe", "unge 14-20 ?r".
# A question mark with a small letter right after it is no sentence's end; where a document
# has a few such words, each is written with the one letter (æ, ø or å) that makes a word the
# Danish word list knows (or a compound of two it knows), in the word's own case.
_LOST_WORD = re.compile(r"(?<![\w@./?])(?:[^\W\d_]*\?[a-zæøå][^\W\d_?]*(?:\?[a-zæøå][^\W\d_?]*)?"
                        r"|[A-ZÆØÅ]+\?[A-ZÆØÅ]{2,})(?![\w@?]|\.\w)")  # (a word in capitals too: "M?LGRUPPE")
_LOST_SIGNS = 3  # distinct words a document needs before any is touched
_LOST_MARK = re.compile(r"\?(?=[a-zæøå])|\?(?<=[A-ZÆØÅ]\?)(?=[A-ZÆØÅ])")


def lost_letter_words(lines: Sequence[str]) -> bool:
    """Do ``lines`` hold a few words with a question mark in a letter's place?

    >>> lost_letter_words(["Indsatsomr?de 1: Kriminalpr?vention", "M?lgruppe: unge 14-20 ?r. Hvorfor?"])
    True
    >>> lost_letter_words(["Hvad sker der? Hvem er med? Hvorfor?"])
    False
    """
    text = "\n".join(lines)
    if "?" not in text or _LOST_MARK.search(text) is None:  # (a question mark before a small letter: looked for
        return False  # from each "?" only; the words' pattern is tried at every character)
    seen = {w for m in _LOST_WORD.finditer(text) if _lost_word(w := m.group(0).lower()) is not None}
    return len(seen) >= _LOST_SIGNS


def restore_lost_letters(line: str) -> str:
    """``line`` with its words' question marks written as the letters they stand for.

    >>> restore_lost_letters("Indsatsomr?de 1: Kriminalpr?vention og tryghed – M?LGRUPPE: unge 14-20 ?r. Hvorfor?")
    'Indsatsområde 1: Kriminalprævention og tryghed – MÅLGRUPPE: unge 14-20 år. Hvorfor?'
    """
    return _LOST_WORD.sub(_restore_lost, line) if "?" in line else line


def _restore_lost(m: re.Match[str]) -> str:
    word = m.group(0)
    danish = _lost_word(word.lower())
    if danish is None:
        return word
    if word.replace("?", "").isupper() and len(word) > 2:
        return danish.upper()
    return danish[:1].upper() + danish[1:] if word[:1].isupper() else danish


@lru_cache(maxsize=4096)
def _lost_word(word: str) -> str | None:
    """The one word ``word`` (lower case, a question mark for each lost letter) spells with æ, ø or å
    in their places that the word list knows, whole or as a compound of two; None when none or several."""
    words = _words()
    candidates = [""]
    for ch in word:
        candidates = [c + x for c in candidates for x in ("æøå" if ch == "?" else ch)]
    first = word.index("?")
    known = sorted(((words.get(c) or max(words.get(c[k:], -99.0) for k in range(_MIN_PART, first + 1)), c)
                    for c in candidates if c in words or any(c[k:] in words and len(c) - k >= _MIN_TAIL
                                                             for k in range(_MIN_PART, first + 1))), reverse=True)
    # (a word of its own, or a known last part holding every lost letter: "kriminal|prævention")
    if not known or len(known) > 1 and known[0][0] - known[1][0] < _MORE_COMMON:
        return None  # (none, or two alike common: "?r" is "år" far more often than "ør" or "ær")
    return known[0][1]


_MIN_TAIL = 5
