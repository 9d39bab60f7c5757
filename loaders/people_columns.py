"""A list of people laid out in two columns with spaces, the name first, without a head row.

Minutes, a safety walk's report or a steering group's page list who took part as::

    Deltagere
      Pia Holm Kristensen       boligsocial leder, Bakkely Sammen (tovholder)
      Rune Damsgaard            driftschef, Boligforeningen Fjordbo
      Ole Søe Thomsen           lokalbetjent, Midt- og Vestjyllands Politi

Normalisation squeezes the gap between the columns into one space, and "Rune Damsgaard
driftschef, Boligforeningen Fjordbo" no longer says where the name ends. The space tables'
reader needs a head row (loaders/space_tables.py), which such a list has not; so before the
spaces are squeezed, a run of two or more such lines whose second column starts in one place
(a character either way), each opening with a person's name (two to four capitalised words, a
first name used in Denmark first), gets a comma for its gap: "Rune Damsgaard, driftschef,
Boligforeningen Fjordbo", as the contact readers read an entry.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["people_column_rows"]

_ROW = re.compile(r"^(?P<indent>[ \t]*)(?P<name>[A-ZÆØÅ][\wæøåéü.'-]+(?: [A-ZÆØÅ][\wæøåéü.'-]+){1,3}) {2,}(?=\S)"
                  r"(?P<rest>[^ ].*)$")
MIN_ROWS = 2


def people_column_rows(lines: Sequence[str]) -> list[str]:
    """``lines`` with the gap after the name of each row of a two-column list of people made a comma
    (see the module's doc); other lines as they are.

    >>> people_column_rows(["Deltagere", "  Pia Holm Kristensen     boligsocial leder, Bakkely Sammen",
    ...                     "  Rune Damsgaard           driftschef, Fjordbo", "Afbud: Struer Forsyning"])[1:3]
    ['  Pia Holm Kristensen, boligsocial leder, Bakkely Sammen', '  Rune Damsgaard, driftschef, Fjordbo']
    """
    if not any("   " in line for line in lines):
        return list(lines)
    out = list(lines)
    run: list[tuple[int, re.Match[str]]] = []
    for k, line in enumerate([*lines, ""]):
        m = _ROW.match(line) if "  " in line and "\t" not in line else None
        if m and _person(m.group("name")) and (not run or abs(m.start("rest") - run[0][1].start("rest")) <= 1
                                                and k == run[-1][0] + 1):
            run.append((k, m))
            continue
        if len(run) >= MIN_ROWS:
            for j, row in run:
                out[j] = f"{row.group('indent')}{row.group('name')}, {row.group('rest')}"
        run = [(k, m)] if m and _person(m.group("name")) else []
    return out


def _person(name: str) -> bool:
    from samspil.loaders.extract.people import looks_like_name
    from samspil.loaders.gazetteer import is_first_name

    return is_first_name(name.split()[0]) and looks_like_name(name)
