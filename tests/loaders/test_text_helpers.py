"""Small text helpers of the extractors (loaders/extract/text.py)."""
from __future__ import annotations

from samspil.loaders.extract.text import clean, single_spaced


def test_single_spaced_is_the_split_and_join_it_stands_for():
    """Every white-space character (and two that are not), alone, doubled, at either end and
    between words: the text is returned as it is only when splitting would not change it."""
    chars = [chr(c) for c in range(0x110000) if chr(c).isspace()] + ["\u200b", "\u00ad"]
    for s in chars:
        for text in (f"a{s}b", f"{s}a b", f"a b{s}", f"a{s}{s}b", s, f"Anna{s} Holm, leder"):
            assert single_spaced(text) == " ".join(text.split()), repr(text)


def test_clean_collapses_white_space_and_trims_punctuation():
    assert clean("  **Anna\u00a0Holm**,\tteamleder ; ") == "Anna Holm, teamleder"
