"""Small text helpers shared by the extractors (patterns, cleaning, labels)."""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["EMAIL", "PHONE", "clean", "digits", "is_label", "label_value", "strip_markup",
           "LABEL_END"]

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}")
# Danish phone numbers: 8 digits, optionally +45/0045, grouped 8 / 4 4 / 2 2 2 2.
PHONE = re.compile(
    r"(?<![\d/.-])(?:(?:\+|00)45[ ]?)?(?:\d{8}|\d{4}[ .]\d{4}|\d{2}[ .]\d{2}[ .]\d{2}[ .]\d{2})(?![\d-])")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^)]*)\)")
_TAGS = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPH = re.compile(r"(\*\*|__|\*)")
LABEL_END = re.compile(r"\s*:\s*$")


def strip_markup(text: str) -> str:
    """Remove markdown links/emphasis and HTML tags that survive normalisation.

    >>> strip_markup("[Camilla Brix](#), **teamleder**")
    'Camilla Brix, teamleder'
    """
    if "[" not in text and "<" not in text and "*" not in text and "_" not in text:
        return text  # the common case: nothing to strip
    text = _MD_LINK.sub(r"\1", text)
    text = _TAGS.sub(" ", text)
    text = _EMPH.sub("", text)
    return text


def clean(text: str) -> str:
    """Markup removed, white space collapsed, stray punctuation trimmed."""
    text = " ".join(strip_markup(text).split())
    return text.strip(" ,;:–-•·")


def digits(phone: str) -> str:
    """'+45 4078 8284' -> '+4540788284'; '30 57 28 60' -> '30572860'."""
    d = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+"):
        return "+" + d
    if d.startswith("0045") and len(d) == 12:
        return "+" + d[2:]
    return d


@lru_cache(maxsize=256)
def _label_re(pattern: str) -> re.Pattern[str]:
    return re.compile(r"^\W*(?:" + pattern + r")\W*?\s*:\s*(.*)$", re.IGNORECASE)


def is_label(line: str, pattern: str) -> bool:
    """Does ``line`` start with the label ``pattern`` followed by a colon?"""
    return _label_re(pattern).match(clean_keep_colon(line)) is not None


def label_value(line: str, pattern: str) -> str | None:
    """The text after ``label:`` on the line ('' if the value is on the next line)."""
    m = _label_re(pattern).match(clean_keep_colon(line))
    return clean(m.group(1)) if m else None


def clean_keep_colon(text: str) -> str:
    return " ".join(strip_markup(text).split())
