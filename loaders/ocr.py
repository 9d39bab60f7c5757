"""Characters an OCR engine confused in a scanned agreement's text layer.

An older plan that was printed, signed and scanned reaches us as the text an OCR
engine read from the images: a lower-case l read as the digit 1 or a capital I
("he1hedsplan", "meIlem", "boligsocia1"), an o as a 0 ("s0cialt"), an m as "rn"
("Kornmune"). Those words no longer match a label, a head noun, a municipality or a
target-group cue, so whole facts are lost ("Boligsocial he1hedsplan" is no plan
name, "Vejen Kornmune" no municipality).

Clean text never has a 1, a 0 or a bar between two lower-case letters outside an
address, so a document with three such words is taken for an OCR text layer
(:func:`looks_ocred`) and only then repaired (:func:`repair_ocr`), word by word: a 1
or a bar between lower-case letters becomes l, a 0 o, a capital I inside a lower-case
word l, a 1 that ends a word after two lower-case letters l; "rn" becomes "m" only
where the word is unknown to the Danish word list and the repaired word is known
(plenty of real words have "rn": "børn", "hjørne", "fjernvarme"). Words holding an
"@", a "/" or a dot before a letter (e-mail and web addresses, file names) are left
as written.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["looks_ocred", "repair_ocr"]

_MIN_SIGNS = 3  # a document needs this many before anything is touched
_WORD = re.compile(r"\S*(?:[10I|](?<=[a-zæøå][10I|])(?=[a-zæøå])|1(?<=[a-zæøå]{2}1)(?!\w)|rn)\S*")  # (a whole
# white-space token)
_ADDRESS = re.compile(r"[@/]|\.(?=[a-zæøå])")  # an e-mail or web address, a file name: as written
_INSIDE = {"1": "l", "|": "l", "I": "l", "0": "o"}
_CONFUSED = re.compile(r"(?<=[a-zæøå])[10I|](?=[a-zæøå])|(?<=[a-zæøå]{2})1(?!\w)")  # (also a word's last l)


def looks_ocred(lines: Sequence[str]) -> bool:
    """Do ``lines`` hold at least a few words with a 1, a 0 or a bar between lower-case
    letters (the mark of an OCR text layer)?"""
    seen = 0
    text = "\n".join(lines)  # (the confusable characters found by str.find: a pattern tests
    for ch in "10|":          # every character of a dense document, ten times the work)
        i = text.find(ch)
        while i >= 0:
            if text[i - 1:i] in _LOWER and text[i + 1:i + 2] in _LOWER and not _in_address(text, i):
                seen += 1
                if seen >= _MIN_SIGNS:
                    return True
            i = text.find(ch, i + 1)
    return False


_LOWER = frozenset("abcdefghijklmnopqrstuvwxyzæøå")


def _in_address(text: str, i: int) -> bool:
    """Is position ``i`` inside an e-mail or web address ("hb1e@kk.dk")?"""
    start = max(text.rfind(" ", 0, i), text.rfind("\n", 0, i)) + 1
    end = min((k for k in (text.find(" ", i), text.find("\n", i)) if k >= 0), default=len(text))
    return _ADDRESS.search(text, start, end) is not None


def repair_ocr(line: str) -> str:
    """``line`` with its OCR confusions repaired (see the module docstring).

    >>> repair_ocr("Boligsocia1 he1hedsplan: s0cialt arbejde meIlem Vejen Kornmune og børnefami1ier.")
    'Boligsocial helhedsplan: socialt arbejde mellem Vejen Kommune og børnefamilier.'
    >>> repair_ocr("Skriv til ka1e@vejen.dk eller se www.vejen.dk/he1hedsplan, børn og unge")
    'Skriv til ka1e@vejen.dk eller se www.vejen.dk/he1hedsplan, børn og unge'
    >>> repair_ocr("Aktivitetsnavri: Lær med Lyst Malgruppe(r): Børn. Formal: Læsning. Okonomi")
    'Aktivitetsnavn: Lær med Lyst Målgruppe(r): Børn. Formål: Læsning. Økonomi'
    """
    line = _WORD.sub(_repaired, line)
    if "0" in line:  # "0resundshjem": a capital O or Ø read as a zero
        line = _ZERO_FIRST.sub(_capital_for_zero, line)
    if "algrupp" in line or "navri" in line or "Formal" in line or "konomi" in line:
        line = _LABEL_REPAIR.sub(lambda m: _LABEL_FIXES.get(m.group(0), m.group(0)), line)
    if "mrad" in line:  # "indsatsomradet", "Omradets navn": the template's å read as a
        line = _OMRADE.sub(lambda m: m.group(1) + ("Å" if m.group(2) == "A" else "å"), line)
    return line


_OMRADE = re.compile(r"\b((?:[Ii]ndsats|[Bb]olig|[Dd]el)?[Oo]mr)([aA])(?=de(?:t|ts|r|rne|rnes)?\b)")


# a template's label read without its Danish letter or with "n" as "ri" ("Malgruppe(r):",
# "Aktivitetsnavri:", "Formal:", "Okonomi"): no other word is written so
_LABEL_FIXES = {"Malgruppe": "Målgruppe", "malgruppe": "målgruppe", "MALGRUPPE": "MÅLGRUPPE", "navri": "navn",
                "Formal": "Formål", "Okonomi": "Økonomi", "okonomi": "økonomi"}
_LABEL_REPAIR = re.compile(r"\b(?:[Mm]algruppe|MALGRUPPE)(?=[rn(\s:]|er\b)|(?<=\w)navri\b|\bFormal(?=\s*:)"
                           r"|\b[Oo]konomi(?=\w*\b)")


def _repaired(m: re.Match[str]) -> str:
    word = m.group(0)
    if _ADDRESS.search(word):
        return word
    fixed = _CONFUSED.sub(lambda c: _INSIDE[c.group(0)], word)
    if "rn" in fixed:
        known = _known_words()
        core = fixed.strip(_PUNCTUATION)
        if core.lower() not in known:
            for k in [k for k in range(len(core) - 1) if core.startswith("rn", k)]:
                candidate = core[:k] + "m" + core[k + 2:]
                if candidate.lower() in known:
                    return fixed.replace(core, candidate, 1)
    return fixed


_PUNCTUATION = ".,;:!?()[]\"'«»“”–-"
_ZERO_FIRST = re.compile(r"(?<![\w@./-])0(?=[a-zæøå]{3,}\b)")


def _capital_for_zero(m: re.Match[str]) -> str:
    """"Ø" or "O" for a zero that opens a word ("0resundshjem", "0dense"): the one whose word (or its
    longest beginning of four letters or more) the Danish word list knows, "O" when neither."""
    known = _known_words()
    rest = re.match(r"[a-zæøå]+", m.string[m.end():]).group(0)

    def known_length(first: str) -> int:
        word = first + rest
        return next((k for k in range(len(word), 3, -1) if word[:k] in known), 0)
    return "Ø" if known_length("ø") > known_length("o") else "O"


def _known_words() -> dict[str, float]:
    from samspil.loaders.letterspacing import _logfreq

    return _logfreq()
