"""``\\d`` read as ``[0-9]`` where the two match the same: in a text whose characters are all below
U+0100 (no character from U+0080 to U+00FF is a decimal digit; tests/loaders/test_text_helpers.py
checks it). The engine tests ``\\d`` at each character through Unicode's tables (a call for every
character, ASCII too), a class of the ten ASCII digits through a bitmap: a search of a line for a
digit costs ~3 times as much the first way. Telling a text's characters below U+0100 is an encoding
to Latin-1, which fails at the first character above (most lines of a Danish text are Latin-1;
a dash, a bullet or a typographic quote makes a line two bytes a character, and ``\\d`` is used
there).
"""
from __future__ import annotations

import re

__all__ = ["latin1", "has_digit", "DIGIT", "ASCII_DIGIT"]

DIGIT = re.compile(r"\d")
ASCII_DIGIT = re.compile("[0-9]")


def latin1(text: str) -> bool:
    """Are all of ``text``'s characters below U+0100 (so that ``\\d`` is ``[0-9]`` in it)?

    >>> latin1("Ærø 12"), latin1("A – B"), latin1("")
    (True, False, True)
    """
    if text.isascii():
        return True
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def has_digit(text: str) -> bool:
    """``DIGIT.search(text) is not None``, told by searching for each ASCII digit, and by ``DIGIT``
    only in a text that holds none and a character above U+00FF.

    >>> has_digit("afd. 12"), has_digit("Ærø"), has_digit("– ٣"), has_digit("–")
    (True, False, True, False)
    """
    for d in "0123456789":  # an ASCII digit is a \d in any text: each looked for by a character search
        if d in text:       # (memchr over the text's bytes; the class's search calls its set test at
            return True     # every character: 0.98 -> 0.37 ms for a dense PDF's ~1,250 calls)
    if text.isascii():
        return False
    try:  # (no ASCII digit: only a text with a character above U+00FF can hold a \d)
        text.encode("latin-1")
    except UnicodeEncodeError:
        return DIGIT.search(text) is not None
    return False
