"""Danish dates and periods as ISO strings ("1. januar 2025 til 31. december 2028").

A period text names a start and an end; either may be a full date ("1.
januar 2025", "01-01-2025", "1/1 2017"), a month ("januar 2026": the first day
of a start, the last day of an end) or a bare year (the whole year).
"""
from __future__ import annotations

import calendar
import re

__all__ = ["MONTHS", "parse_period", "date_pair"]

MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december")
_MONTH = "|".join(MONTHS)
_DATE = re.compile(
    rf"(?P<d1>\d{{1,2}})\.\s*(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})"      # 1. januar 2025
    rf"|(?P<d2>\d{{1,2}})[-./](?P<m2>\d{{1,2}})[-./ ]\s*(?P<y2>\d{{4}})"  # 01-01-2025, 1/1 2017
    rf"|(?P<m3>{_MONTH})\s+(?P<y3>\d{{4}})"                          # januar 2026
    r"|(?<![\d.,])(?P<y4>(?:19|20)\d{2})(?![\d.,])",                 # 2013
    re.IGNORECASE)


def _iso(year: int, month: int, day: int | None, end: bool) -> str | None:
    if not (1 <= month <= 12) or not (1900 < year < 2100):
        return None
    last = calendar.monthrange(year, month)[1]
    day = day if day is not None else (last if end else 1)
    return f"{year:04d}-{month:02d}-{min(max(day, 1), last):02d}"


def _date(m: re.Match[str], end: bool) -> str | None:
    g = m.groupdict()
    if g["y1"]:
        return _iso(int(g["y1"]), MONTHS.index(g["m1"].lower()) + 1, int(g["d1"]), end)
    if g["y2"]:
        return _iso(int(g["y2"]), int(g["m2"]), int(g["d2"]), end)
    if g["y3"]:
        return _iso(int(g["y3"]), MONTHS.index(g["m3"].lower()) + 1, None, end)
    year = int(g["y4"])
    return _iso(year, 12 if end else 1, None, end)


def parse_period(text: str) -> tuple[str | None, str | None]:
    """Start and end date (ISO) of a Danish period text; a bare year covers the year.

    >>> parse_period("1. januar 2025 til 31. december 2028")
    ('2025-01-01', '2028-12-31')
    >>> parse_period("Den 1/1 2017")
    ('2017-01-01', None)
    >>> parse_period("Januar 2026 – 31. december 2029")
    ('2026-01-01', '2029-12-31')
    >>> parse_period("i Valby 2013– 2016")
    ('2013-01-01', '2016-12-31')
    >>> parse_period("Helhedsplan 2023-26"), parse_period("løber i 4 år fra 2021")
    (('2023-01-01', '2026-12-31'), ('2021-01-01', '2024-12-31'))
    """
    found = list(_DATE.finditer(text))
    start = _date(found[0], end=False) if found else None
    end = _date(found[1], end=True) if len(found) > 1 else None
    if start and end is None and found and found[0].group("y4"):
        end = _short_end(text, found[0])
    return start, end


_SHORT_END = re.compile(r"\s*[-–/]\s*(\d{2})(?![\d.,])")  # "2023-26", "2023/26"
_YEARS_LONG = re.compile(r"\b(\d|fire|tre|to|fem)\s*(?:-\s*)?år(?:ig)?\w*\b", re.IGNORECASE)


def _short_end(text: str, start: re.Match[str]) -> str | None:
    """The end of '2023-26' (a two-digit end year) or of 'i 4 år fra 2021' (a
    four-year plan from its start year); None when the text gives neither."""
    year = int(start.group("y4"))
    if m := _SHORT_END.match(text, start.end()):
        end = year // 100 * 100 + int(m.group(1))
        return _iso(end, 12, None, True) if year < end <= year + 10 else None
    if m := _YEARS_LONG.search(text):
        n = {"to": 2, "tre": 3, "fire": 4, "fem": 5}.get(m.group(1).lower()) or int(m.group(1))
        return _iso(year + n - 1, 12, None, True) if 1 <= n <= 10 else None
    return None


_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZÆØÅ]")


def date_pair(text: str, max_gap: int = 40) -> tuple[str, str] | None:
    """The first two full dates (day, month, year) of ``text`` that follow each other
    within ``max_gap`` characters, the second later than the first: a period written
    in a sentence ("træder i kraft 1. juni 2021 og udløber 31. maj 2025").

    >>> date_pair("Aftalen træder i kraft 1. juni 2021 og udløber 31. maj 2025.")
    ('2021-06-01', '2025-05-31')
    >>> date_pair("Godkendt 3. maj 2021. Revideret 1. juni 2022.") is None
    True
    """
    full = [m for m in _DATE.finditer(text) if m.group("d1") or m.group("d2")]
    pairs = []
    for a, b in zip(full, full[1:]):
        start, end = _date(a, end=False), _date(b, end=True)
        gap = text[a.end():b.start()]
        if len(gap) <= max_gap and start and end and start < end and not _SENTENCE_END.search(gap):
            pairs.append((_RANGE_GAP.fullmatch(gap) is None, start, end))
    # (a pair joined as a range wins: "prækvalifikation af 12. juni 2013 og løber fra 1. februar 2014
    # til 31. januar 2017" is 2014-2017)
    return min(pairs)[1:] if pairs else None


_RANGE_GAP = re.compile(r"\s*(?:til|[-–—]|til og med|og udløber(?: den)?|-\s*til)\s*(?:den\s+)?", re.I)
