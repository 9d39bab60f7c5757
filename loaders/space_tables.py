"""Tables laid out with spaces in plain text, their cells given tab-separated (and lists
with dotted leaders, "Name ........ value", as rows of two cells).

A text copy of a table often aligns its columns with runs of spaces::

    Afdeling              Boligorganisation     Antal boliger   Bydel
    Afd. 4 Engparken      Boligselskabet Fjord  310             Vestbyen

Normalisation squeezes runs of spaces into one, and the columns would be lost;
so before that, a block of such lines gets a tab at each column gap, as the
readers give a .docx or .pdf table's cells. A block counts as a table only when
it has a head row and at least two more rows of two or more cells, every cell
starting where one of the head row's cells starts: letter-spaced text (whose
double spaces are word breaks) and indented prose never line up so.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate

__all__ = ["outer_pipes", "join_item_continuations", "cell_lines_tables", "continues_first", "join_pipe_continuations", "is_rule", "join_wrapped_cells", "joined_cell", "head_run", "leader_row", "pipe_rows", "tab_space_tables", "split_run_on_heads", "starts_with_head"]

# what a line that is no text becomes (a rule, a wrapped cell's line joined to its row): a markdown
# table's rule, which normalise drops (``normalise._pipe_row``); the lines keep their places till then
DROPPED = "|---|"
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_SLACK = 1  # characters a cell may start off its column (a hand-aligned copy)


def _starts(line: str) -> list[int]:
    """Where the cells of a space-aligned line start (the first at its indentation)."""
    body = line.rstrip()
    return [len(body) - len(body.lstrip())] + [m.end() for m in _GAP.finditer(body)]


def _fits(starts: list[int], columns: list[int], line: str, heads: list[tuple[int, int]] = ()) -> bool:
    """Do the cells start in the columns (or lie under a head cell, ``heads``: its start and end,
    a number right-aligned or centred under its head): two or more, or one that continues a
    wrapped cell (in a later column, or in the first one in lower case)?"""
    if not line.strip() or not all(any(abs(s - c) <= _SLACK for c in columns)
                                   or any(a <= s and _cell_end(line, s) <= b + _SLACK for a, b in heads) for s in starts):
        return False
    return len(starts) >= 2 or starts[0] > columns[0] + _SLACK or line[starts[0]:starts[0] + 1].islower() \
        or len(columns) >= 2 and len(line.rstrip()) < columns[1] and not _GROUP_HEAD.match(line.strip())


def _cell_end(line: str, start: int) -> int:
    """Where the cell that starts at ``start`` ends (at the next gap of two spaces, or the line's end)."""
    gap = line.find("  ", start)
    return gap if gap >= 0 else len(line.rstrip())


_GROUP_HEAD = re.compile(r"(?:zone|delområde|område|i alt|samlet)\b", re.I)  # a line of its own in a table


# a group's row inside a table: a code and a heading in capitals ("B  BESKÆFTIGELSE")
_GROUP_ROW = re.compile(r"^\s*(?:[A-H]\d?\.?\s+)?[A-ZÆØÅ][A-ZÆØÅ &,/–-]{3,60}$")
_RULE = re.compile(r"[-=+|:\s─━═┼│]*?[-=─━═]{3}[-=+|:\s─━═┼│]*")  # "-----", "=====", "+----+----+", "|---|:--|"


_RULE_MARKS = ("---", "===", "───", "═══", "━━━")  # (one of them in every rule: :func:`is_rule`)
_LEADER_MARKS = ("....", "…", ". . .", "···", " .. ", " ... ")  # (one of them in every dotted leader: :func:`leader_row`)


def is_rule(line: str) -> bool:
    """Is ``line`` a rule drawn with dashes or equals signs (and + | :)? (A line of underscores
    is a place to sign, and stays.)"""
    return ("---" in line or "===" in line or "───" in line or "═══" in line or "━━━" in line) \
        and line[:1] in " \t-=+|:─━═" and _RULE.fullmatch(line) is not None


def _block_end(lines: Sequence[str], head: int, rules: set[int]) -> int:
    """The line after the last row of a table whose head row is ``lines[head]`` (a rule line,
    at an index in ``rules``, goes on with the table)."""
    columns = _starts(lines[head])
    body = lines[head].rstrip()
    heads = [(a, _cell_end(body, a)) for a in columns]  # each head cell's span
    end = head + 1

    def fits(k: int) -> bool:
        return k < len(lines) and "\t" not in lines[k] and _fits(_starts(lines[k]), columns, lines[k], heads)
    while end < len(lines) and "\t" not in lines[end]:
        if end in rules or fits(end):
            end += 1
            continue
        # a blank line or a group's row ("A  UDDANNELSE OG LIVSCHANCER") between rows: the
        # table goes on where a row of two or more cells follows
        k = end
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k < len(lines) and _GROUP_ROW.match(lines[k]) and k - end <= 2:
            k += 1
        if k == end or k - end > 3 or not fits(k) or len(_starts(lines[k])) < 2:
            break
        if len(_starts(lines[k])) == 2 and _NUMBERED_HEADING.match(lines[k]):
            break  # (after a blank line, "3  ORGANISERING": the next section's heading, no row)
        end = k + 1
    return end


_NUMBERED_HEADING = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÆØÅ][\wæøå -]*$")


def _tabbed(line: str, columns: list[int]) -> str:
    """The line's cells tab-separated, each in its column (an empty cell kept empty:
    "I alt" and a count under the third head cell give "I alt<TAB><TAB>1.744")."""
    body = line.rstrip()
    starts = _starts(body)
    # a cell that fills its column leaves one space before the next ("Uddannelse og beskæf\u00ad
    # Lektiecafé"): in a row whose other cells stand in three columns or more, a word that starts
    # right at a column after one space starts its cell (not in a wrapped line of text under a row)
    tight = [c for c in columns[1:] if 1 < c < len(body) and body[c] != " " and body[c - 1] == " " != body[c - 2]
             and all(abs(s - c) > _SLACK for s in starts)] if len(starts) >= 3 else []
    if tight:
        starts = sorted(starts + tight)
    cells = [""] * len(columns)
    for k, s in enumerate(starts):
        col = min(range(len(columns)), key=lambda c: abs(columns[c] - s))
        end = starts[k + 1] if k + 1 < len(starts) else len(body)
        cells[col] = " ".join([cells[col], body[s:end].strip()]).strip()
    while cells and not cells[-1]:
        cells.pop()
    return "\t".join(cells)


# a dotted leader between a name and its value, as in a table of contents ("Solhaven ........
# Boligselskabet Nord, 712 boliger", "Projektleder …… Hanne Holm, hh@x.dk"), a page number excepted
_LEADER = re.compile(r"^[ \t]*(?P<key>\S[^\t]{0,80}?)(?:[ \t]*(?:\.{4,}|…+|(?:\. ){3,}\.?|·{3,})|[ \t]\.{2,3}(?=[ \t]))[ \t]*"
                     r"(?P<value>\S.*)$")  # (indented, and a short leader: "Dyrehavegård ..  76 lejemål")


_ACTIVITY_FIELD = re.compile(r"M(?:å|aa)lgruppe[rn]?|Tovholder|Ansvarlig|Samarbejde|Samarbejdspartnere|Partnere|Form(?:å|aa)l|Indhold"
                             r"|Aktiviteter|Metode|Succeskriterier?|Tidsplan|Budget|Status", re.I)


def leader_row(line: str) -> str:
    """A line with a dotted leader as a row of two cells, key and value (a line of a table of
    contents, its value a page number, and any other line are kept as they are).

    >>> leader_row("Solhaven ........ Boligselskabet Nord, 712 boliger"), leader_row("3. Indsatsområder ..... 7")
    ('Solhaven\\tBoligselskabet Nord, 712 boliger', '3. Indsatsområder ..... 7')
    """
    if ("...." not in line and "…" not in line and ". . ." not in line and "···" not in line and " .. " not in line
        and " ... " not in line) \
            or not (m := _LEADER.match(line)) or re.fullmatch(r"[\divxlc]{1,4}", m.group("value").strip(), re.I):
        return line
    if line[:1].isspace() and " " not in m.group("key").strip():  # (an indented form's field: "  Navn ..... X")
        return line
    return f"{m.group('key').strip()}\t{m.group('value').strip()}"


def _join_leader_values(lines: Sequence[str], out: list[str]) -> None:
    """A dotted leader's value wrapped onto lines indented to where it starts joined onto its row
    ("Boligområde ....... Sindal By (afd. 5, 144 boliger; afd. 9" + 29 spaces and "Vibevænget, 78
    boliger)"): the lines joined become ``DROPPED`` (in place).

    >>> rows = ["Parter ..... Aarhus Kommune,", "             Brabrand Boligforening", "Kommune .... Aarhus"]
    >>> out = [leader_row(r) for r in rows]; _join_leader_values(rows, out); out
    ['Parter\\tAarhus Kommune, Brabrand Boligforening', '|---|', 'Kommune\\tAarhus']
    """
    k = 0
    while k < len(out):
        if "\t" not in out[k] or out[k] == lines[k] or not (m := _LEADER.match(lines[k])):
            k += 1
            continue
        at, j = m.start("value"), k + 1
        while j < len(lines) and lines[j].strip() and abs(len(lines[j]) - len(lines[j].lstrip()) - at) <= 2 \
                and out[j] == lines[j] and not _LEADER.match(lines[j]):
            out[k] = f"{out[k]} {lines[j].strip()}"
            out[j] = DROPPED
            j += 1
        k = j


_ACTIVITY_RECORD = re.compile(r"\s*(?:Aktivitet|AKTIVITET|Delprojekt|Projekt|Indsats|Tiltag)\s+\d{1,2}(?:\s+af\s+\d{1,2})?\s*:?\s*$")


def _activity_fields(lines: Sequence[str], out: list[str]) -> None:
    """An activity's fields indented under its heading, each a word and a dotted leader ("    Målgruppe .....
    unge 13-18 år", "    Samarbejde .... X, Y"), written "Key: value" (in place), a value's wrapped lines joined
    on; only where every field of the group is an activity's (a person's form, "Navn ..... X", is read as such)."""
    k = 0
    while k < len(out):
        group: list[tuple[int, re.Match[str]]] = []
        j = k
        while j < len(out) and out[j] == lines[j] and lines[j][:1].isspace() and (m := _LEADER.match(lines[j])) \
                and " " not in m.group("key").strip():
            group.append((j, m))
            j += 1
            while j < len(out) and lines[j].strip() and out[j] == lines[j] and not _LEADER.match(lines[j]) \
                    and abs(len(lines[j]) - len(lines[j].lstrip()) - m.start("value")) <= 2:
                j += 1  # (the value's wrapped line, indented to where it starts)
        record = bool(group) and group[0][0] > 0 and _ACTIVITY_RECORD.match(
            next((lines[x] for x in range(group[0][0] - 1, max(-1, group[0][0] - 3), -1) if lines[x].strip()), ""))
        if len(group) >= 2 and all(_ACTIVITY_FIELD.fullmatch(key := m.group("key").strip()) or record and key == "Navn"
                                   for _, m in group):
            for n, (at, m) in enumerate(group):
                end = group[n + 1][0] if n + 1 < len(group) else j
                more = " ".join(lines[x].strip() for x in range(at + 1, end))
                key = m.group("key").strip()  # ("Navn" under "Aktivitet 2 af 3": the activity's name)
                out[at] = f"{'Aktivitetsnavn' if key == 'Navn' else key}: {m.group('value').strip()} {more}".rstrip()
                for x in range(at + 1, end):
                    out[x] = DROPPED
        k = max(j, k + 1)


def cell_lines_tables(lines: Sequence[str]) -> list[str]:
    """``lines`` with tables copied one cell a line made rows of tabbed cells: three or more short
    lines in a row that are each a column head the vocabulary knows ("Afdeling", "Boligorganisation",
    "By", "Boliger") give the number of columns; the lines after them, that many at a time, are
    the rows, up to a blank line or a total; each row's other lines become ``DROPPED`` (every line
    keeps its place until normalise).

    >>> cell_lines_tables(["Afdeling", "Boligorganisation", "Boliger", "Engvej", "Vesterhavsbo", "164",
    ...                    "Fjordparken", "Vesterhavsbo", "222", "", "Tekst."])[:7]
    ['Afdeling\\tBoligorganisation\\tBoliger', '|---|', '|---|', 'Engvej\\tVesterhavsbo\\t164', '|---|', '|---|', 'Fjordparken\\tVesterhavsbo\\t222']
    """
    out = list(lines)
    kind = _column_kind()
    # (a head run opens at a short line only: the loop goes from one to the next instead of testing every line
    # in Python. A run made a row changes only the lines before where the loop goes on, so the lengths hold)
    shorts = [k for k, n in enumerate(map(len, map(str.strip, out))) if 0 < n <= 30]
    s = 0
    i = 0
    while i < len(out) - 6:
        while s < len(shorts) and shorts[s] < i:
            s += 1
        if s == len(shorts):
            break  # (no short line left: no head run)
        i = shorts[s]  # (every line before it opens none: one at a time, the loop went past each)
        if i >= len(out) - 6:
            break
        heads = 0
        while i + heads < len(out) and 0 < len(out[i + heads].strip()) <= 30 and "\t" not in out[i + heads] \
                and kind(out[i + heads].strip().rstrip(":")) is not None:
            heads += 1
        if heads < 3:
            i += heads or 1
            continue
        kinds = [kind(out[i + k].strip().rstrip(":")) for k in range(heads)]
        numeric = [k for k, c in enumerate(kinds) if c in ("units", "residents", "number", "money")]
        if i + heads < len(out) and not out[i + heads].strip() and len(set(kinds)) >= 2 \
                and len(groups := _blank_separated_rows(out, i + heads, heads)) >= 2:
            out[i:i + heads] = ["\t".join(c.strip() for c in out[i:i + heads])] + [DROPPED] * (heads - 1)
            for start, end, cells in groups:  # (a row a group of lines between blank lines, a wrapped cell's
                out[start:end] = ["\t".join(cells)] + [DROPPED] * (end - start - 1)  # lines joined)
            i = groups[-1][1]
            continue
        rows, j = [], i + heads
        while j + heads <= len(out):
            cells = [out[j + k].strip() for k in range(heads)]
            if not all(cells) or any(len(c) > 80 or "\t" in c for c in cells) or _TOTAL_CELL.match(cells[0]) \
                    or any(not any(ch.isdigit() for ch in cells[k]) for k in numeric):
                break
            rows.append(j)
            j += heads
        if len(rows) < 2 or len(set(kinds)) < 2:
            i += heads
            continue
        for start in [i, *rows]:
            out[start:start + heads] = ["\t".join(c.strip() for c in out[start:start + heads])] + [DROPPED] * (heads - 1)
        i = j
    return out


def _blank_separated_rows(lines: Sequence[str], at: int, width: int) -> list[tuple[int, int, list[str]]]:
    """The rows of a table copied one cell a line whose rows blank lines part, from ``at`` (a blank line): each
    group of lines (start, end, its ``width`` cells), a wrapped cell's lines joined (a line after one ending in a
    comma or a hyphen, or opening in small letters after the row's last cell); up to a group that makes no row."""
    groups: list[tuple[int, int, list[str]]] = []
    j = at
    while j < len(lines):
        while j < len(lines) and not lines[j].strip():
            j += 1
        end = j
        while end < len(lines) and lines[end].strip() and end - j <= 2 * width:
            end += 1
        cells: list[str] = []
        for line in (ln.strip() for ln in lines[j:end]):
            if cells and (cells[-1][-1:] in ",-" or len(cells) == width and line[:1].islower()):
                cells[-1] = f"{cells[-1]} {line}" if cells[-1][-1:] != "-" else cells[-1] + line
            else:
                cells.append(line)
        if len(cells) != width or any(len(c) > 120 or "\t" in c for c in cells) or _TOTAL_CELL.match(cells[0]):
            break
        groups.append((j, end, cells))
        j = end
    return groups


_TOTAL_CELL = re.compile(r"^(?:i alt|total|samlet|sum)\b", re.I)


_KEY_VALUE = re.compile(r"^(?P<indent> {0,4})(?P<key>[A-ZÆØÅ][\wæøåÆØÅ.()/-]*(?: [\wæøåÆØÅ.()/-]+){0,3}):? {2,}"
                        r"(?:\| )?(?P<value>[^\s|].*?)\s*$")  # (the fields indented under a heading, "  Aktivitet      X",
# too; a rule between the columns, "Aktivitet          | X", its wrapped lines "                   | Y")
_KEY_BLOCK = 4  # key lines a block of fields needs
_INDENT_SLACK = 8  # (a wrapped value's line indented further: a running footer's "Side 1 af 1" far right is none)


def key_value_rows(lines: Sequence[str]) -> list[str]:
    """A fact sheet's fields in two columns of spaces, without a head row ("Målgruppe      børn 7-12 år",
    its wrapped value on lines indented to the value's column): each field "Key: value", a wrapped
    value joined to its field (the continuation lines made ``DROPPED``; a short line's next line
    that opens with a capital is a list's next entry, after "; "), when four fields or more share
    the value's column and half their keys at least are labels or column heads the vocabulary
    knows; then smaller groups of fields in that column too (under the sheet's other headings).
    Values with gaps of their own (a table's cells) leave a block alone.

    >>> key_value_rows(["Aktivitet        Lektieklubben", "Målgruppe        børn 7-12 år",
    ...                 "Partnere         Skolen; Furesø Bibliotek &", "                 Borgerservice",
    ...                 "Status           I drift"])
    ['Aktivitet: Lektieklubben', 'Målgruppe: børn 7-12 år', 'Partnere: Skolen; Furesø Bibliotek & Borgerservice', '|---|', 'Status: I drift']
    """
    if not any("   " in line for line in lines):
        return list(lines)
    out = list(lines)
    blocks = []
    i = 0
    while i < len(out):
        block = _field_block(out, i)
        if block is None:
            i += 1
            continue
        blocks.append(block)
        i = block[1]
    columns = {b[4] for b in blocks if len(b[2]) >= _KEY_BLOCK
               and 2 * sum(_known_key(m.group("key")) for _, m in b[2]) >= len(b[2])}
    for start, end, fields, more, column in blocks:
        if len(fields) >= 2 and any(abs(column - c) <= _SLACK for c in columns):
            _join_fields(out, start, end, fields, more)
    return out


def _field_block(out: list[str], i: int):
    """(start, end, fields, wrapped lines by field, value column) of the fields from line ``i`` on, or None."""
    first = _KEY_VALUE.match(out[i]) if "  " in out[i] and "\t" not in out[i] else None
    if first is None or _WIDE_GAP.search(first.group("value")):
        return None
    column = first.start("value")
    fields: list[tuple[int, re.Match[str]]] = []
    more: dict[int, list[int]] = {}
    j = i
    while j < len(out):
        line = out[j]
        if not line.strip():  # (a blank line between groups of fields)
            if j + 1 < len(out) and (nxt := _KEY_VALUE.match(out[j + 1])) and abs(nxt.start("value") - column) <= _SLACK:
                j += 1
                continue
            break
        m = _KEY_VALUE.match(line) if "\t" not in line else None
        if m and abs(m.start("value") - column) <= _SLACK and not _WIDE_GAP.search(m.group("value")):
            fields.append((j, m))
        elif fields and column - _SLACK <= _value_indent(line) <= column + _INDENT_SLACK and not _WIDE_GAP.search(line.strip()):
            more.setdefault(fields[-1][0], []).append(j)  # the value's wrapped line
        else:
            break
        j += 1
    return (i, j, fields, more, column) if fields else None


def _value_indent(line: str) -> int:
    """Where a wrapped value's line starts (after the rule between the columns, "        | Y")."""
    text = line.lstrip(" ")
    indent = len(line) - len(text)
    return indent + 2 if text[:2] == "| " else indent


def _join_fields(out: list[str], start: int, end: int, fields, more) -> None:
    for k, m in fields:
        value = m.group("value")
        for c in more.get(k, []):
            cont = out[c].strip().removeprefix("| ").strip()
            if cont[:1].isupper() and not continues_first(value, cont) and (not _NAME_GOES_ON.search(value)
                                                                            or _is_known_area(cont)):
                value = f"{value.rstrip(' ;')}; {cont}"  # a list's next entry ("Boligselskabet X (FAH)" over
                # "Boligselskabet Y"; "... – 310 lejemål" over "Lillevangsgården, ...")
            else:
                value = joined_cell(value, cont)  # the value wrapped ("direktør Else" over "Marie Skov, FAH")
            out[c] = DROPPED
        out[k] = f"{m.group('indent')}{m.group('key')}: {value}"


def _is_known_area(text: str) -> bool:
    """Is ``text`` a focus area's name the vocabulary knows ("Sundhed og trivsel": a list's entry of its own)?"""
    return tuple(w.casefold() for w in text.rstrip(" ;,.").split()) in _known_area_keys()


@lru_cache(maxsize=1)
def _known_area_keys() -> frozenset[tuple[str, ...]]:
    from samspil.loaders.extract.flat_activity_tables import _known_focus

    return frozenset(tuple(w.casefold() for w in n) for n in _known_focus())


_NAME_GOES_ON = re.compile(r"(?<![(\[])\b[A-ZÆØÅ][\wæøå-]*$")  # a value's line ending in a capitalised word: a name may
# go on below


def _known_key(key: str) -> bool:
    from samspil.loaders.labels import starts_with_label

    return starts_with_label(f"{key}: x") or _column_kind()(key) is not None


_FIELD_UNDER = re.compile(r"^\s+[A-ZÆØÅ][\wæøå.()/-]{1,20}(?: [\wæøå.()/-]{1,15})?:\s+\S")  # an indented field


def tab_space_tables(lines: Sequence[str]) -> list[str]:
    """``lines`` with the column gaps of space-aligned tables made tabs.

    >>> rows = ["Afdeling        Ejer       Boliger", "Engparken       Fjord      310",
    ...         "Toften II       Bo-Vest    96", "", "Almindelig tekst  med et dobbelt mellemrum."]
    >>> tab_space_tables(rows)[:3]
    ['Afdeling\\tEjer\\tBoliger', 'Engparken\\tFjord\\t310', 'Toften II\\tBo-Vest\\t96']
    >>> tab_space_tables(rows)[4]
    'Almindelig tekst  med et dobbelt mellemrum.'
    """
    # (what a line needs for each step, a rule's or a leader's marks or two spaces, is looked for in the
    # text once: most documents hold none of them, and a test of every line for each costs more)
    text = "\n".join(lines)
    rules = {k for k, line in enumerate(lines) if line and is_rule(line)} \
        if any(mark in text for mark in _RULE_MARKS) else set()  # (around tables, of a grid)
    out = [DROPPED if k in rules else leader_row(line) for k, line in enumerate(lines)] \
        if rules or any(mark in text for mark in _LEADER_MARKS) else list(lines)
    if out is not lines and "\n    " in text:
        _join_leader_values(lines, out)
        _activity_fields(lines, out)
    if "  " not in text:
        return out  # (no line has a gap a column could be)
    i = 0
    while i < len(out):
        line = out[i]
        if "  " not in line or "\t" in line:
            i += 1
            continue
        if line[:1] in " 0123456789" and (timed := _TIME_ROW.match(line)) and line[timed.end():timed.end() + 2] == "  ":
            out[i] = timed.group(0).strip() + "\t" + _WIDE_GAP.sub("\t", line[timed.end():].strip())
            i += 1  # a schedule's row: its time, its activity, its place ("14.00-16.00  Strikkecafé   Fælleshuset")
            continue
        if (pair := _column_pair(out, i)) is not None:
            out[i:i + 2] = pair
            i += 2
            continue
        if len(_starts(line)) < 3 and not _two_known_heads(line):
            i += 1
            continue
        width = len(_WIDE_GAP.findall(line.strip()))
        run_end = next((j for j in range(i + 1, len(out)) if out[j] == DROPPED or not out[j].strip() or "\t" in out[j]
                        or len(_WIDE_GAP.findall(out[j].strip())) != width), len(out))
        if width >= 2 and (wrapped := _gap_rows_with_wraps(out, i, width)) is not None:
            end, rows = wrapped  # cells apart by runs of three spaces, wrapped onto short lines of their own
            out[i:end] = join_wrapped_cells(rows)
            i = end
            continue
        if width >= 2 and run_end - i >= 3 and (gapped := _gap_rows(out[i:run_end])) is not None:
            out[i:run_end] = gapped  # cells apart by runs of three spaces, not aligned (a PDF viewer's copy)
            i = run_end
            continue
        end = _block_end(out, i, rules)
        while end > i and out[end - 1] == DROPPED:
            end -= 1
        if sum(ln != DROPPED for ln in out[i:end]) >= 3:
            columns = _starts(out[i])
            rows: list[str] = []
            run: list[str] = []
            for ln in out[i:end]:  # a group's row stays a line of its own, joined to no cell; so does a field
                if ln.strip() and (_GROUP_ROW.match(ln) and not _fits(_starts(ln), columns, ln)  # indented under a
                                   or ln[:1] == " " and _FIELD_UNDER.match(ln)):  # row ("        Målgr.: unge 14-17 år")
                    rows += join_wrapped_cells(run) + [ln.strip()]
                    run = []
                else:
                    run.append(_tabbed(ln, columns) if ln.strip() else ln)
            out[i:end] = rows + join_wrapped_cells(run)
            i = end
        else:
            i += 1
    return _tabbed_heads(out)


_TWO_SPACES = re.compile(r"\s{2,}")


def _tabbed_heads(out: list[str]) -> list[str]:
    """A head row set with narrower gaps than its rows ("Afd.  Navn      Adresse    Boliger" over rows
    tabbed already) split at its gaps of two spaces, when it gives as many cells as the row under it and
    they read as column heads."""
    from samspil.loaders.extract.tables import head_kinds

    for k in range(len(out) - 1):
        line, below = out[k], out[k + 1]
        if "\t" in line or "  " not in line or "\t" not in below or below == DROPPED:
            continue
        cells = _TWO_SPACES.split(line.strip())
        if len(cells) == below.count("\t") + 1 and all(len(c) <= 25 for c in cells) \
                and head_kinds("\t".join(cells)) is not None:
            out[k] = "\t".join(cells)
    return out


_WIDE_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
_TIME_ROW = re.compile(r"^\s*(?:kl\.\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}(?= )")


def _gap_rows(block: Sequence[str]) -> list[str] | None:
    """A table's rows tab-separated at their runs of three spaces or more, when every row has as
    many such runs as its head row and no other double spaces, and its cells do not stand in
    columns (their starts differ from row to row); else None."""
    rows = [ln for ln in block if ln.strip() and ln != DROPPED]
    gaps = [len(_WIDE_GAP.findall(ln.strip())) for ln in rows]
    if not gaps[0] or any(g != gaps[0] for g in gaps) or any(len(_GAP.findall(ln.strip())) != gaps[0] for ln in rows):
        return None
    starts = [tuple(m.end() for m in _WIDE_GAP.finditer(ln.strip())) for ln in rows]
    if all(all(abs(a - b) <= _SLACK for a, b in zip(row, starts[0])) for row in starts):
        return None  # (aligned columns: read by position, as before)
    return [_WIDE_GAP.sub("\t", ln.strip()) if ln.strip() and ln != DROPPED else ln for ln in block]


_WRAP_CHARS = 45  # a wrapped cell's line is short; a longer line after a table is its text


def _gap_rows_with_wraps(lines: Sequence[str], i: int, width: int) -> tuple[int, list[str]] | None:
    """A table like :func:`_gap_rows`'s whose cells wrap onto short lines of fewer cells ("Jobcafé   ledige
    beboere, særligt   Jobcenter" over "kvinder med anden etnisk baggrund"): (its end, its rows, a wrapped
    line as a row whose empty first cell :func:`join_wrapped_cells` joins to the row above, each of its cells
    to a cell of that row left open: ending in lower case, a comma or a hyphen, the last ones first); None
    when no line wraps or fewer than three rows are whole."""
    rows: list[str] = []
    full: list[list[str]] = []
    wraps = 0
    j = i
    while j < len(lines):
        text = lines[j].strip()
        if not text or lines[j] == DROPPED or "\t" in lines[j]:
            break
        if lines[j][:1].isspace():
            return None  # (an indented line: cells placed in columns, read by position)
        gaps = len(_WIDE_GAP.findall(text))
        if gaps != len(_GAP.findall(text)):
            break  # (a double space inside a cell: not this kind of table)
        if gaps == width:
            full.append(_WIDE_GAP.split(text))
            current = list(full[-1])
            rows.append("\t".join(full[-1]))
        elif gaps < width and full and len(text) <= _WRAP_CHARS and len(full) >= 2:
            cells = _WIDE_GAP.split(text)
            above = current  # (the row as its wrapped lines have filled it so far)
            strong = [k for k in range(1, len(above)) if _GOING_ON.search(above[k])]
            weak = [k for k in range(1, len(above)) if _OPEN_CELL.search(above[k])]
            if len(strong) >= len(cells):
                targets = strong[-len(cells):]  # "uden for", "særligt", "Familie-": the cells that must go on
            elif text[:1].islower() and len(weak) >= len(cells):
                targets = weak[-len(cells):]
            else:
                break  # (a heading or a new paragraph after the table: "Delaftale 2 – Beskæftigelse")
            row = [""] * len(above)
            for k, cell in zip(targets, cells):
                row[k] = cell
                current[k] = f"{current[k]} {cell}"
            rows.append("\t".join(row))
            wraps += 1
        else:
            break
        j += 1
    if not wraps or len(full) < 3:
        return None
    starts = [tuple(m.end() for m in _WIDE_GAP.finditer(lines[k].strip())) for k in range(i, j)
              if len(_WIDE_GAP.findall(lines[k].strip())) == width]
    if all(all(abs(a - b) <= _SLACK for a, b in zip(row, starts[0])) for row in starts):
        return None  # (aligned columns: read by position)
    return j, rows


_GOING_ON = re.compile(r"(?:[,-]|\s(?:og|samt|eller|for|uden|med|til|i|af|på|fra|særligt|især|herunder|bl\.a\.))$")
_OPEN_CELL = re.compile(r"(?:(?:^|\s)[a-zæøå][\wæøå]*|[,-])$")  # (its last word in lower case: "særligt", "uden")


def _column_pair(lines: Sequence[str], i: int) -> list[str] | None:
    """Two lines alone (a blank line or none around them) whose cells stand in the same
    columns, three spaces or more apart: signatures side by side, each party's name over
    its organisation ("Palle Kirk        Inger Dahl" over "Boligselskabet X   Boligforeningen
    Y"); their cells tab-separated, else None."""
    if i + 1 >= len(lines) or i and lines[i - 1].strip():
        return None
    after = lines[i + 2] if i + 2 < len(lines) else ""
    if after.strip() and (_GAP.search(after.strip()) or "\t" in after):  # (a page's footer after the pair: no cells)
        return None
    first, second = lines[i].rstrip(), lines[i + 1].rstrip()
    if "\t" in second or first[:1].isspace() or second[:1].isspace():
        return None
    gaps = [m.end() for m in _WIDE_GAP.finditer(first)]
    below = [m.end() for m in _WIDE_GAP.finditer(second)]
    if not gaps or len(below) != len(gaps) or len(_GAP.findall(first)) != len(gaps) \
            or len(_GAP.findall(second)) != len(gaps):
        return None
    if any(abs(a - b) > _SLACK for a, b in zip(gaps, below)):  # (not aligned: two names side by side as a
        if len(gaps) != 1:  # viewer copies them, one gap each, a page's footer perhaps below them)
            return None
        return [_WIDE_GAP.sub("\t", first), _WIDE_GAP.sub("\t", second)]
    if after.strip():
        return None  # (aligned cells over more lines: a table, read below)
    return [_tabbed(first, [0, *gaps]), _tabbed(second, [0, *gaps])]


def _two_known_heads(line: str) -> bool:
    """A head row of two cells, each a column head the vocabulary knows ("Indsatsområde
    Aktivitetsnavn", "Afdeling   Boliger"): a two-column table (two cells of other words
    may be letter-spaced or indented text)."""
    cells = [c.strip(" :") for c in _GAP.split(line.strip())]
    return len(cells) == 2 and all(len(c.split()) <= 3 and _column_kind()(c) is not None for c in cells)


def join_wrapped_cells(rows: Sequence[str]) -> list[str]:
    """Tab-separated rows with each wrapped cell's continuation lines joined to its row (and
    made ``DROPPED``: every line keeps its place until normalise). The first cell tells: a new
    row fills it; a wrapped line leaves it empty, goes on with it (in lower case, or after a
    comma, hyphen or "og"), or has it as its only cell under a row of several. A word
    hyphenated at the wrap is joined ("Ungdommens Uddannelses-" + "vejledning").

    >>> join_wrapped_cells(["Aktivitet\\tPartnere", "Lektiecafé\\tBiblioteket,", "\\tØstre Skole", "Jobcafé\\tJobcentret"])
    ['Aktivitet\\tPartnere', 'Lektiecafé\\tBiblioteket, Østre Skole', '|---|', 'Jobcafé\\tJobcentret']
    """
    out = list(rows)
    last = None  # the row being continued
    for k, row in enumerate(rows):
        if not row or row == DROPPED:
            continue
        cells = row.split("\t")
        if last is not None and _continues(out[last].split("\t"), cells):
            above = out[last].split("\t")
            above += [""] * (len(cells) - len(above))
            out[last] = "\t".join(_joined(a, c) for a, c in zip(above, cells + [""] * (len(above) - len(cells))))
            out[k] = DROPPED
        else:
            last = k
    return out


_GOES_ON = re.compile(r"(?:[,/&-]|\b(?:og|samt|eller|i|for|til|med))$")


_TOTAL_CELL = re.compile(r"^(?:I alt|i alt|Total|TOTAL|Samlet|I ALT)\b")


def _continues(above: list[str], cells: list[str]) -> bool:
    """A new row fills its first cell with a name, number or capital; a wrapped one leaves it
    empty or goes on with the first cell above."""
    if not cells[0] and _TOTAL_CELL.match(next((c for c in cells if c), "")):
        return False  # ("<TAB>I alt<TAB><TAB>244": the table's total, no wrapped cell)
    if not cells[0] or continues_first(above[0], cells[0]):
        return True
    # only the first cell, under a row of several: the rest of a name wrapped in capitals ("Nord")
    return not any(cells[1:]) and sum(bool(c) for c in above) >= 2 and not _GROUP_HEAD.match(cells[0])


def continues_first(above: str, first: str) -> bool:
    """Does a table line's first cell ``first`` go on with the cell ``above`` it (in lower
    case, or after a comma, hyphen or "og"), rather than start a row?"""
    return (first[:1].islower() and not first.startswith("afd")) or bool(_GOES_ON.search(above))


def joined_cell(above: str, more: str) -> str:
    """A wrapped cell's lines as one text ("Uddannelses-" + "vejledning": one word; a soft
    hyphen, U+00AD, ends a line inside a word).

    >>> joined_cell("Uddannelse og beskæf\u00ad", "tigelse"), joined_cell("Kultur-", "og fritid")
    ('Uddannelse og beskæftigelse', 'Kultur- og fritid')
    """
    return _joined(above, more)


def _joined(above: str, more: str) -> str:
    if not more:
        return above
    if above.endswith("\u00ad"):  # a soft hyphen at the wrap: the word goes on ("beskæf\u00ad" + "tigelse")
        return above[:-1] + more
    if above.endswith("-") and more[:1].islower() and not re.match(r"(?:og|eller)\b", more):
        return above[:-1] + more  # a word hyphenated at the wrap
    return f"{above} {more}".strip()


# A table's head row run into a line that lost its line breaks: "... (UIF). Aktivitetsnavn Målgruppe
# Beskrivelse Natklub Nørager Unge 13-19 år ..." or "Aktivitet | Målgruppe | Samarbejdspartnere X | ...".


@lru_cache(maxsize=1)
def _head_starts() -> re.Pattern[str]:
    """Where a head row can start: a capitalised word that begins one of the vocabulary's
    activity column heads (a head row's first cell, ``_HEAD_FIRST``): tried there only,
    not at every capital of a long line."""
    return re.compile(r"(?<![\w-])(?=[A-ZÆØÅ])(?i:" + "|".join(f"(?:{p})" for p in _heads()) + r")(?![\w-])")


def _heads() -> list[str]:
    from samspil.loaders.vocab import load_vocab

    return [p for kind in _HEAD_FIRST for p in load_vocab("tables").get("columns", {}).get(kind, [])]
_CELL_BEFORE = re.compile(r"(?:^|(?<=\s))\|?\s*([A-ZÆØÅ#][\w.#-]*(?:\s[\wæøå.-]+)?)\s*\|?\s*$")


def _heads_before(line: str, lo: int, start: int) -> int:
    """Where a head row starts whose activity column is at ``start``: up to two column heads
    before it ("Nr.", "Indsatsområde", "Tema") belong to it."""
    from samspil.loaders.extract.tables import column_kind

    for _ in range(2):
        m = _CELL_BEFORE.search(line, max(lo, start - 40), start)
        kinds = [column_kind(w) for w in (m.group(1), m.group(1).split()[-1])] if m else []
        if not any(kinds) or "activity" in kinds:  # ("Aktiviteter Aktivitet | ...": a caption's word)
            break
        start = m.start() if kinds[0] else m.start(1) + m.group(1).rindex(m.group(1).split()[-1])
    return start
@lru_cache(maxsize=1)
def _column_kind():
    """``tables.column_kind``, imported at the first call (not at the module's top: the
    extract package imports this module; a function's own import statement costs ~1-2 µs
    each time it runs, and head_run runs for every long line)."""
    from samspil.loaders.extract.tables import column_kind

    return column_kind


_HEAD_FIRST = frozenset({"activity"})  # (department tables run onto one line are read there: zone_tables.py)


# a column head of up to three words, after white space and a pipe; its first n words
_HEAD_CELL = re.compile(r"\s*\|?\s*((?:[A-ZÆØÅ][\w-]*)(?:\s+[\wæøå-]+){0,2})")
_FIRST_WORDS = [re.compile(r"\S+(?:\s+\S+){%d}" % k) for k in range(3)]
_JOINT_HEAD = re.compile(r"\s?/\s?([a-zæøå][\wæøå-]+)(?=\s|$)")  # a second head in the cell, in lower case


def head_run(line: str, start: int) -> tuple[int, list[str]] | None:
    """The end and the cells of a head row of three or more capitalised column heads at ``start``."""
    column_kind = _column_kind()
    cells: list[str] = []
    kinds: list[str] = []
    pos = start
    while m := _HEAD_CELL.match(line, pos):  # (at ``pos``: no copy of a long line's rest)
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            label = " ".join(words[:n])
            kind = column_kind(label)
            if kind is not None and (kind not in kinds or label[-4:].isdigit() and cells[-1][-4:].isdigit()):
                # (one kind again for another year: "Beboere 2014 Beboere 2015")
                cells.append(label)
                kinds.append(kind)
                pos = _FIRST_WORDS[n - 1].match(line, m.start(1)).end()  # the cell's n words
                if (joint := _JOINT_HEAD.match(line, pos)) and column_kind(joint.group(1).capitalize()) is not None:
                    cells[-1], pos = f"{label} / {joint.group(1)}", joint.end()  # "Ansvarlig / partnere": one cell
                break
        else:
            break
    if kinds and kinds[-1] == "money" and (unit := _MONEY_UNIT.match(line, pos)):
        pos = unit.end()  # "Budget pr. år", "Beløb (kr.)": the amount's unit is the head's
    if len(cells) == 2 and kinds == ["focus_area", "activity"]:
        pos = _NOTE_AND_RULES.match(line, pos).end()  # "Aktiviteter (foreløbige) ------ ------": the head's
        if _area_follows(line, pos):  # note and the rules under it
            return pos, cells  # a summary of two columns, area and activity, its first row's area known
    if len(cells) < 3 or not _HEAD_FIRST & set(kinds[:3]):
        return None
    return pos, cells


_NOTE_AND_RULES = re.compile(r"(?:\s*\([^()]{1,30}\))?(?:\s+[-=─━]{3,})*")
_MONEY_UNIT = re.compile(r"(?:\s+(?:pr\.?\s+år|årligt|\(?(?:i\s+)?(?:1\.000\s+|t\.\s*)?kr\.?\)?))+(?=\s)")


def _area_follows(line: str, pos: int) -> bool:
    """Does a focus area's name the vocabulary knows open ``line`` after ``pos``?"""
    from samspil.loaders.extract.flat_activity_tables import opens_with_area

    words = line[pos:pos + 120].split()[:8]
    return opens_with_area(words, more=len(words))


def split_run_on_heads(lines: Sequence[str], origins: Sequence, offsets: Sequence[int]
                       ) -> tuple[list[str], list, list[int]]:
    """Lines that run a table's head row into the text before it are cut before the head
    row, which starts a line with the rows run onto it (``tables.is_data_head`` knows such a
    line): a party list before it then ends there.

    >>> split_run_on_heads(["Parter: SSP Vejle; Vejle Bibliotek. Aktivitet Målgruppe Samarbejdspartnere Lektiebus "
    ...                     "Børn 6-12 år Vejle Bibliotek"], [(1, None)], [0])[0]
    ['Parter: SSP Vejle; Vejle Bibliotek.', 'Aktivitet Målgruppe Samarbejdspartnere Lektiebus Børn 6-12 år Vejle Bibliotek']
    >>> split_run_on_heads(["Parter: SSP Vejle og Vejle Bibliotek. | Nr. | Aktivitet | Målgruppe | Partnere | | 1 | "
    ...                     "Lektiebus | Børn | Vejle Bibliotek |"], [(1, None)], [0])[0][1][:10]
    '| Nr. | Ak'
    """
    out: tuple[list[str], list, list[int]] = ([], [], [])
    middle = None  # (the cells between a row's number and its last one, under a numbered pipe table's head row)
    for line, origin, offset in zip(lines, origins, offsets):
        if middle is not None and " | " in line and (rows := numbered_rows_under(line, 0, middle)) is not None:
            for piece, at in rows:
                out[0].append(piece)
                out[1].append(origin)
                out[2].append(offset + at)
            continue
        middle = _numbered_head(line) if " | " in line else middle if not line.strip() else None
        if len(line) <= 100 or "\t" in line:
            out[0].append(line)
            out[1].append(origin)
            out[2].append(offset)
            continue
        pieces = _cut_heads(line)
        if line.count("|") >= 8:
            pieces = [row for piece, at in pieces for row in pipe_rows(piece, at)]
        elif len(pieces) > 1 or starts_with_head(line):
            pieces = [row for piece, at in pieces for row in _flat_rows(piece, at)]
        for piece, at in pieces:
            out[0].append(piece)
            out[1].append(origin)
            out[2].append(offset + at)
    return out


_DATA_KINDS = frozenset({"activity", "department", "target", "units", "focus_area", "zone"})


def pipe_rows(text: str, at: int = 0) -> list[tuple[str, int]]:
    """A markdown table of activities or departments whose rows ran together ("| Afdeling |
    Boliger | |---|---| | Engparken | 310 | ...") as rows with tabs between cells, each with its
    offset: the head row's cells up
    to the first empty one give the width, each row is that many cells and a gap; the text
    before the table and after its last row stays text.

    >>> [r for r, _ in pipe_rows("Tabel 1 | Afdeling | Boliger | |---|---| | Engparken | 310 | | I alt | | Kilde: LBF")]
    ['Tabel 1', 'Afdeling\\tBoliger', 'Engparken\\t310', 'I alt\\t', 'Kilde: LBF']
    """
    from samspil.loaders.extract.tables import column_kind

    first = text.find("|")
    tokens = text[first + 1:].split("|")
    width = next((k for k, t in enumerate(tokens) if not t.strip()), 0)
    if first >= 0 and width < 2 and (rows := _numbered_pipe_rows(text, at)) is not None:
        return rows
    if first < 0 or width < 2 or len(tokens) < 3 * (width + 1) \
            or not _DATA_KINDS & {column_kind(t) for t in tokens[:width] if len(t) < 40}:
        return [(text, at)]  # (tables of people are dealt out by flat_tables.py)
    out = [(text[:first].strip(), at)] if text[:first].strip() else []
    pos, k, rows = first + 1, 0, 0
    while k + width <= len(tokens):
        row = tokens[k:k + width]
        if not all(re.fullmatch(r"\s*:?-{2,}:?\s*", c) for c in row):
            out.append(("\t".join(c.strip() for c in row), at + pos))
        rows += 1
        pos += sum(len(t) + 1 for t in row)
        k += width
        if k < len(tokens) and tokens[k].strip() or k + 1 >= len(tokens):  # no gap: the table ended
            break
        pos += len(tokens[k]) + 1
        k += 1
    rest = "|".join(tokens[k:]).strip()
    if rows < 3:
        return [(text, at)]
    return out + ([(rest, at + len(text) - len(rest))] if rest else [])


_ROW_NUMBER = re.compile(r"(?:^|\s)((?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[A-ZÆØÅ]{1,2}\d{1,2}(?:\.\d{1,2})?))\s*$")
_AFTER_TABLE = re.compile(r"\s\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÆØÅ]|[.!?]\s+[A-ZÆØÅ]")


def _numbered_pipe_rows(text: str, at: int) -> list[tuple[str, int]] | None:
    """A pipe table typed without outer pipes whose rows ran together, each row opening with its number
    ("Nr. | Aktivitet | Målgruppe | Partnere Tryghed 1. | Nabohjælpere | alle beboere | Frivilligcenter X
    2. | Seniortræf | ..."), as rows with tabs between cells: the number column's head ends the text before
    the first pipe, and the last cell of each row ends with the next row's number (a group's heading
    between them a line of its own); the last row's cell ends before a chapter's number or a sentence.
    None for other text.

    >>> [r for r, _ in _numbered_pipe_rows("Tekst. Nr. | Aktivitet | Målgruppe Tryghed 1. | Lektiebus | børn 2. | "
    ...                                    "Jobcafé | ledige 3. Organisering Styregruppen", 0)]
    ['Tekst.', 'Nr.\\tAktivitet\\tMålgruppe', 'Tryghed', '1.\\tLektiebus\\tbørn', '2.\\tJobcafé\\tledige', '', '3. Organisering Styregruppen']
    """
    column_kind = _column_kind()
    first = text.find("|")
    head = re.search(r"(?:^|\s)(\S+(?: \S+)?)\s*$", text[:first])
    if head is None:
        return None
    lead = head.group(1) if column_kind(head.group(1)) == "number" else head.group(1).split()[-1]
    if column_kind(lead) != "number":
        return None
    tokens = text[first + 1:].split("|")
    starts = _token_starts(tokens, first + 1)
    k0 = next((k for k, t in enumerate(tokens) if _ROW_NUMBER.search(t)), 0)  # (the last head's cell, with the
    # first row's number)
    if not k0 or len(tokens) < 3 * (k0 + 1) or any(column_kind(t.strip()) is None for t in tokens[:k0]) \
            or not {"activity", "department", "zone"} & {column_kind(t.strip()) for t in tokens[:k0]}:
        return None
    words = tokens[k0].split()
    n = next((n for n in range(min(4, len(words)), 0, -1) if column_kind(" ".join(words[:n])) is not None), 0)
    if not n:
        return None
    begin = text[:first].rstrip()[:-len(lead)].strip()
    out = [(begin, at)] if begin else []
    out.append(("\t".join([lead, *(t.strip() for t in tokens[:k0]), " ".join(words[:n])]), at + len(begin)))
    return _numbered_rows(text, at, tokens, starts, k0, k0, n, out)


def numbered_rows_under(text: str, at: int, middle: int) -> list[tuple[str, int]] | None:
    """The rows of a numbered pipe table (:func:`_numbered_pipe_rows`) whose head row is a line above, with
    ``middle`` cells between a row's number and its last cell: "Indsatsområde 2: Sundhed 2.1 | Madklub |
    alle | Frivilligcenter X 2.2 | ...", the group's heading before the first number a line of its own.

    >>> [r for r, _ in numbered_rows_under("Tema 2: Sundhed 2.1 | Madklub | alle 2.2 | Gåtur | ældre", 0, 1)]
    ['Tema 2: Sundhed', '2.1\\tMadklub\\talle', '2.2\\tGåtur\\tældre']
    """
    tokens = text.split("|")
    if not _ROW_NUMBER.search(tokens[0]) or len(tokens) < middle + 2:
        return None
    return _numbered_rows(text, at, tokens, _token_starts(tokens, 0), 0, middle, 0, [], least=1)


def _token_starts(tokens: list[str], base: int) -> list[int]:
    """Where each of ``tokens`` (a text cut at its pipes, from ``base``) starts in the text, and where one after the
    last would."""
    return list(accumulate((len(t) + 1 for t in tokens), initial=base))


def _numbered_rows(text: str, at: int, tokens: list[str], starts: list[int], k: int, middle: int, skip: int,
                   out: list[tuple[str, int]], least: int = 2) -> list[tuple[str, int]] | None:
    """``out`` and the rows from ``tokens[k]`` on (it ends with the first row's number, after ``skip`` words of
    the head row's last cell): each row is the number, ``middle`` cells, and the start of the token after them,
    which ends with the next row's number; None when fewer than ``least`` rows are read."""
    rows = 0
    while True:
        m = _ROW_NUMBER.search(tokens[k])
        before = tokens[k][:m.start()].split()
        if rows:  # (the cell ends the row before: out[-1] is that row, without its last cell yet)
            cut = _cell_words(before)
            out[-1] = (out[-1][0] + "\t" + " ".join(before[:cut]), out[-1][1])
            before = before[cut:]
        else:
            before = before[skip:]
        if before:
            out.append((" ".join(before), at + starts[k] + max(tokens[k].find(before[0]), 0)))
        out.append(("\t".join([m.group(1), *(t.strip() for t in tokens[k + 1:k + middle + 1])]),
                    at + starts[k] + m.start(1)))
        rows += 1
        k += middle + 1
        if k >= len(tokens):
            return None
        if k == len(tokens) - 1 or not _ROW_NUMBER.search(tokens[k]):
            end = _AFTER_TABLE.search(tokens[k])
            last = tokens[k][:end.start() + (end.group(0)[0] in ".!?")] if end else tokens[k]
            out[-1] = (out[-1][0] + "\t" + last.strip(), out[-1][1])
            rest = text[starts[k] + len(last):].strip()
            if rest:  # (after a blank line: the table ended; another table's head row in the text after it a line
                out.append(("", at + starts[k] + len(last)))  # of its own)
                out += [(piece, at + len(text) - len(rest) + offset) for piece, offset in _next_head_row(rest)]
            return out if rows >= least else None


def _numbered_head(line: str) -> int | None:
    """The number of cells between the first and the last of a numbered pipe table's head row ("Nr. |
    Aktivitet | Målgruppe | Partnere": 2), when ``line`` is one (typed without outer pipes, maybe after text
    that ran onto it), else None."""
    column_kind = _column_kind()
    cells = [c.strip() for c in line.split("|")]
    if len(cells) < 3 or column_kind(" ".join(cells[0].split()[-1:])) != "number" \
            or any(column_kind(c) is None for c in cells[1:]) \
            or not {"activity", "department", "zone"} & {column_kind(c) for c in cells}:
        return None
    return len(cells) - 2


def _next_head_row(text: str) -> list[tuple[str, int]]:
    """``text`` cut before the head row of a pipe table in it whose first two cells are column heads ("...
    i Egeskovbo. Navn | Funktion | Mail | Telefon Louise ..."), each piece with its offset.

    >>> _next_head_row("5. Organisering Projektlederen er ansat i X. Navn | Funktion | Mail Louise Berg | leder | l@x.dk")
    [('5. Organisering Projektlederen er ansat i X.', 0), ('Navn | Funktion | Mail Louise Berg | leder | l@x.dk', 45)]
    """
    column_kind = _column_kind()
    tokens = text.split("|")
    if len(tokens) < 3 or column_kind(tokens[1].strip()) is None:
        return [(text, 0)]
    words = tokens[0].split()
    n = next((n for n in range(1, min(3, len(words)) + 1) if column_kind(" ".join(words[-n:])) is not None), 0)
    if not n or n == len(words):
        return [(text, 0)]
    cut = len(tokens[0].rstrip()) - len(" ".join(words[-n:]))
    return [(text[:cut].rstrip(), 0), (text[cut:], cut)]


def _cell_words(words: list[str]) -> int:
    """How many of ``words`` (a row's last cell, then maybe a group's heading before the next row's number)
    are the cell's: up to a focus area's name the vocabulary knows, which is the heading."""
    from samspil.loaders.extract.flat_activity_tables import opens_with_area

    for k in range(1, len(words)):
        if words[k][:1].isupper() and opens_with_area(words[k:], more=0):
            return k
    return len(words)


def _flat_rows(piece: str, at: int) -> list[tuple[str, int]]:
    """A piece that starts with a flattened activity table's head row as the table's rows, when
    they can be told (``flat_activity_tables.table_rows``), else the piece."""
    from samspil.loaders.extract.flat_activity_tables import table_rows

    if not piece[:1].isupper() or (rows := table_rows(piece)) is None:
        return [(piece, at)]
    return [(row, at + offset) for row, offset in rows]


def _cut_heads(line: str) -> list[tuple[str, int]]:
    pieces: list[tuple[str, int]] = []
    done = 0
    for m in _head_matches(line):
        if m.start() < done:
            continue
        start = _heads_before(line, done, m.start())  # "Nr. | Indsatsområde | Aktivitet | ...": the row's head too
        if head_run(line, m.start()) is None and (start == m.start() or head_run(line, start) is None):
            continue  # (three heads or more, counted from the row's first: "Indsatsområde Aktiviteter Partnere")
        if (before := line[done:start].rstrip()).endswith("|"):
            start = done + len(before) - 1  # (a markdown row's opening pipe)
        if line[done:start].strip(" |"):
            before = line[done:start].rstrip(" |")
            if (area := _trailing_area(before)) and before[:-len(area)].strip(" |") \
                    and not before[:-len(area)].rstrip().endswith((":", "–", "—", "-")):  # "... (ny 2025) Sundhed og
                pieces.append((before[:-len(area)].strip(" |"), done))  # trivsel Aktivitet Status ...": the next
                pieces.append((area, done + len(before) - len(area)))  # table's focus area a line of its own (not
                # a label's value: "Delaftale 2: Beskæftigelse Aktivitet Målgruppe ...")
            else:
                pieces.append((line[done:start].strip(" |"), done))
        done = start  # (the head stays with the rows run onto it: activities.py reads them there)
    if not pieces:
        return [(line, 0)]
    pieces.append((line[done:], done))
    return pieces


def _trailing_area(text: str) -> str | None:
    """The known focus area that ends ``text`` (its own words, as written), else None."""
    from samspil.loaders.extract.flat_activity_tables import _known_focus

    words = text.split()
    for name in _known_focus():
        if len(name) < len(words) and tuple(w.casefold() for w in words[-len(name):]) == tuple(
                w.casefold() for w in name) and words[-len(name)][:1].isupper():
            return text[len(text) - len(" ".join(words[-len(name):])):] if text.endswith(words[-1]) else None
    return None


_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"


@lru_cache(maxsize=1)
def _head_capitals() -> re.Pattern[str]:
    """A capital that starts a word, where _head_starts() can match (its look-behind and
    look-ahead open the pattern, so the engine would try it at every position of a long
    line): one of the heads' first letters when every head opens with a plain letter
    ("aktivitet(?:er|en)?", "tiltag"), else any capital."""
    heads = _heads()
    firsts = {c for p in heads for c in (p[0].upper(), p[0].lower().upper())} & set(_CAPITALS) \
        if all(map(_opens_with_letter, heads)) else set(_CAPITALS)
    if not firsts:
        return re.compile(r"(?!)")  # (no head can start with a capital: none is found)
    capital = "[" + "".join(sorted(firsts)) + "]"
    return re.compile(rf"{capital}(?<![\w-]{capital})")


def _opens_with_letter(pattern: str) -> bool:
    """Does every match of ``pattern`` start with its first character, a letter (no
    escape, class, optional first letter or alternative outside brackets)?"""
    if not pattern[:1].isalpha() or pattern[1:2] in ("?", "*", "{") or "\\" in pattern or "[" in pattern:
        return False
    depth = 0
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            return False
    return True


def _head_matches(line: str) -> Iterator[re.Match[str]]:
    """``_head_starts().finditer(line)``, tried only where a head's capital starts a word."""
    pattern = _head_starts()
    end = 0
    for c in _head_capitals().finditer(line):
        if c.start() >= end and (m := pattern.match(line, c.start())) is not None:
            end = m.end()
            yield m


def starts_with_head(line: str) -> bool:
    """Does ``line`` start with an activity table's head row run into its rows?

    >>> starts_with_head("Aktivitet | Målgruppe | Samarbejdspartnere Lektiebus | Børn"), starts_with_head("Aktivitet: X")
    (True, False)
    """
    return len(line) > 30 and head_run(line, 0) is not None


_BARE_RULE = re.compile(r"^\s*:?-{3,}:?(?:\s*\|\s*:?-{3,}:?)+\s*$")  # "----- | ------ | ---" (no pipes outside)


def outer_pipes(lines: Sequence[str]) -> list[str]:
    """A pipe table typed without its outer pipes ("Aktivitet | Målgruppe" over "----- | -----" over
    "A1 Lektiehjørnet | skolebørn 6-12 år") with them, as a markdown table's rows: the head row above
    the rule and the rows under it with as many pipes as the rule.

    >>> outer_pipes(["Aktivitet | Målgruppe", "--------- | ---------", "Lektiehjørnet | skolebørn", "", "Tekst"])
    ['| Aktivitet | Målgruppe |', '| --------- | --------- |', '| Lektiehjørnet | skolebørn |', '', 'Tekst']
    """
    if not any("-|" in line or "- |" in line for line in lines):
        return list(lines)
    out = list(lines)
    for k, line in enumerate(lines):
        if line.lstrip()[:1] == "|" or not _BARE_RULE.match(line):
            continue
        pipes = line.count("|")
        rows = [k]
        if k and lines[k - 1].count("|") == pipes and lines[k - 1][:1] != "|":
            rows.append(k - 1)
        j = k + 1
        while j < len(lines) and lines[j].count("|") == pipes and lines[j][:1] != "|":  # (a wrapped cell's row:
            # its first cells empty, "          |          | Lyngby-Taarbæk |")
            rows.append(j)
            j += 1
        for r in rows:
            out[r] = f"| {lines[r].strip()} |"
    return out


_TOTAL_ROW = re.compile(r"\s*(?:I alt|Total|Samlet|Sum)\b", re.I)


def headed_pipe_rows(lines: Sequence[str]) -> list[str]:
    """A pipe table typed without outer pipes or a rule, under a head row of known column heads ("Aktivitet
    | Indikator | Kilde / indsamles af | Hyppighed" over "Sprogskatkisten | andel ... | Dagtilbud X | årligt"),
    with its outer pipes: the head row and the rows under it with as many pipes (a wrapped cell's row too, its
    first cells empty)."""
    column_kind = _column_kind()
    out = list(lines)
    k = 0
    while k < len(lines):
        line = lines[k]
        pipes = line.count(" | ")
        if pipes < 2 or line.lstrip()[:1] == "|" or line.count("|") != pipes \
                or sum(column_kind(c.strip()) is not None for c in line.split("|")) < 2:
            k += 1
            continue
        j = k + 1
        while j < len(lines) and (lines[j].count("|") == pipes and (lines[j].lstrip()[:1] != "|" or j > k + 1)
                                  or _group_row(lines, j, pipes)):
            j += 1  # (a wrapped cell's row: its first cell empty, "           | (børn 0-5 år) |     |")
            if _TOTAL_ROW.match(lines[j - 1]):
                break  # ("I alt | | 548": the table's last row; a page's footer may follow it)
        if j - k >= 3:  # (the head row and two rows at least)
            for r in range(k, j):
                if "|" in lines[r]:
                    out[r] = "| " + " | ".join(c.strip() for c in lines[r].split("|")) + " |"
        k = j
    return out


def _group_row(lines: Sequence[str], j: int, pipes: int) -> bool:
    """Is ``lines[j]`` a group's heading between a pipe table's rows ("Tryghed og trivsel" over its rows):
    short, without pipes or a sentence's end, and a row with ``pipes`` pipes under it?"""
    line = lines[j].strip()
    return 0 < len(line) <= 60 and "|" not in line and not line.endswith(".") \
        and j + 1 < len(lines) and lines[j + 1].count("|") == pipes and lines[j + 1].lstrip()[:1] != "|"


def join_pipe_continuations(lines: Sequence[str]) -> list[str]:
    """``lines`` with the continuation rows of a pipe table (``| Name | Org |``) joined into the row
    they continue: a row whose first cell is empty (or goes on in small letters: "konsulent") and whose
    other cells continue the cells above
    (a wrapped cell of a table typed as text: "| Leder | Yasin Kaya | Frederiksberg Frivillig- |" over
    "|        |            | center (FFC)             |"); a word broken at its hyphen is joined whole
    ("Frivilligcenter"), the others with a space. The continuation row becomes a rule (dropped).

    >>> join_pipe_continuations(["| Rolle | Navn | Organisation |", "|---|---|---|",
    ...                          "| Leder | Yasin Kaya | Frederiksberg Frivillig- |", "| | | center (FFC) |"])[2:]
    ['| Leder | Yasin Kaya | Frederiksberg Frivilligcenter (FFC) |', '|---|']
    """
    if not any(line[:1] == "|" or line.lstrip()[:1] == "|" for line in lines):
        return list(lines)
    out = list(lines)
    above: int | None = None  # the last content row of the table being read
    for k, line in enumerate(lines):
        text = line.strip()
        if not (text.startswith("|") and text.endswith("|") and len(text) > 1):
            above = None
            continue
        cells = text[1:-1].split("|")
        if all(re.fullmatch(r"\s*:?-{2,}:?\s*", c) for c in cells):
            continue  # (the rule under the head row)
        lead = cells[0].strip()
        if above is not None and (not lead and any(c.strip() for c in cells[1:]) or lead[:1].islower()):
            prev = out[above].strip()[1:-1].split("|")
            if len(prev) == len(cells):
                joined = [_join_cell(p, c) for p, c in zip(prev, cells)]
                out[above] = "| " + " | ".join(joined) + " |"
                out[k] = DROPPED
                continue
        above = k
    return out


def _join_cell(first: str, more: str) -> str:
    first, more = first.strip(), more.strip()
    if not more:
        return first
    if not first:
        return more
    if first.endswith("-") and more[:1].islower() and not first.endswith(" -"):
        return first[:-1] + more  # "Frivillig-" + "center": one word
    return f"{first} {more}"


_ITEM_MARK = re.compile(r"^(\s*)[-•*–▪]\s+(?=\S)")


def join_item_continuations(lines: Sequence[str]) -> list[str]:
    """``lines`` with each list item's hard-wrapped lines, indented to where the item's text starts,
    joined onto the item (and made ``DROPPED``: every line keeps its place until normalise)::

        - "Lektiecaféen Aarup" hver tirsdag og torsdag for børn i 1.-6. klasse, i
          samarbejde med Aarup Skole (Uddannelse og livschancer).

    >>> join_item_continuations(["- Lektiecafé hver tirsdag, i", "  samarbejde med X.", "- Jobcafé"])
    ['- Lektiecafé hver tirsdag, i samarbejde med X.', '|---|', '- Jobcafé']
    """
    if not any(line[:1] in "-•*–▪" or line.lstrip()[:2] in ("- ", "• ", "* ", "– ", "▪ ") for line in lines):
        return list(lines)
    out = list(lines)
    k = 0
    while k < len(out):
        m = _ITEM_MARK.match(out[k])
        if m is None or "\t" in out[k] or "|" in out[k]:
            k += 1
            continue
        indent, j = m.end(), k + 1
        while j < len(out) and out[j].strip() and "\t" not in out[j] and not _ITEM_MARK.match(out[j]) \
                and len(out[j]) - len(out[j].lstrip(" ")) == indent:
            out[k] = f"{out[k].rstrip()} {out[j].strip()}"
            out[j] = DROPPED
            j += 1
        k = j
    return out
