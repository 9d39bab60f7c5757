"""Text that was UTF-8 once read as Windows-1252 ("mojibake"): "SÃ¸vang Hjem", "BÃ¸rn og
Unge", "1. januar 2024 â€“ 31. december 2027", "Â»NordlysetÂ«".

A file saved by one program as UTF-8 and opened by another as Windows-1252 (an old case
system, a mail client, a web form), then saved again, spells every æ, ø, å, dash and
quote as two or three other characters. The file itself decodes without an error, so
loaders/encoding.py cannot tell; its letters do. Agreements copied together from
several sources are often only partly damaged, so each line is repaired on its own, by
ftfy (made for exactly this: it undoes the wrong decoding only where the result is
plausible text), and only lines with the damaged forms are touched. A warning names the
lines, so a reader knows the facts' excerpts quote the repaired text.
"""
from __future__ import annotations

import re

__all__ = ["repair_mojibake"]

# "Ã" or "Â" before a character Windows-1252 makes of a UTF-8 continuation byte (0x80-0xBF),
# or "â€" (the first two bytes of a dash or quote): what æ, ø, å, Æ, Ø, Å, "–", "»" become
_DAMAGED = re.compile("[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                      "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|â€")
_MAX_LINES_NAMED = 5
_DAMAGED_WORD = re.compile(r"\S*(?:[ÃÂ]\S|â€)\S*")


def _repaired(line: str, fix) -> str:
    """The line repaired as a whole, else word by word (a damaged text and a clean one on one
    line, its line breaks lost: the clean letters stop the whole line's repair)."""
    fixed = fix(line)
    if _DAMAGED.search(fixed) is None:
        return fixed
    return _DAMAGED_WORD.sub(lambda m: fix(m.group(0)), line)


def repair_mojibake(lines: list[str], origins: list[tuple[int | None, int | None]]
                    ) -> tuple[list[str], str | None]:
    """``lines`` with each damaged line repaired, and a warning naming where (by each line's
    ``(line, page)`` origin; None when no line was).

    >>> repair_mojibake(["Boligselskabet SÃ¸vang Hjem", "Dragør Kommune", "1. januar â€“ 31. maj"],
    ...                 [(1, None), (2, None), (3, None)])
    (['Boligselskabet Søvang Hjem', 'Dragør Kommune', '1. januar – 31. maj'], 'line 1, line 3: UTF-8 read as Windows-1252 ("Ã¸" for "ø"); repaired')
    """
    text = "\n".join(lines)  # (most files: three scans of the text in C, not a loop over its lines)
    if "Ã" not in text and "Â" not in text and "â€" not in text:
        return lines, None
    import ftfy

    repaired: list[str] = []
    out = list(lines)
    for k, line in enumerate(lines):
        if _DAMAGED.search(line) and (fixed := _repaired(line, ftfy.fix_encoding)) != line:
            out[k] = fixed
            line_no, page = origins[k]
            where = f"page {page}" if page is not None else f"line {line_no}"
            if where not in repaired:
                repaired.append(where)
    if not repaired:
        return lines, None
    more = f" and {len(repaired) - _MAX_LINES_NAMED} more" if len(repaired) > _MAX_LINES_NAMED else ""
    return out, f'{", ".join(repaired[:_MAX_LINES_NAMED])}{more}: UTF-8 read as Windows-1252 ("Ã¸" for "ø"); repaired'
