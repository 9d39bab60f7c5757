"""Activities written as lists: bullets under a list label ("Projekter:", "Aktiviteter:")
and tables of activities, one a row ("Aktivitet | Målgruppe | Samarbejdspartnere",
also with a "Nr." column first; cells split by tabs, pipes or runs of spaces; a .pdf
cell wrapped onto lines of its own). Each activity's focus area is the enclosing
delaftale's or numbered section's. Used by activities.py when the document has no
"Aktivitetsnavn:" blocks, numbered activity sections or labelled activity headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from samspil.loaders.document import Document
from samspil.loaders.extract.sections import DELAFTALE, FOCUS_HEAD, focus_area_at
from samspil.loaders.extract.text import clean, clean_keep_colon, strip_markup

__all__ = ["Block", "NOT_ACTIVITY", "bullet_blocks", "flat_table_rows", "outline_focus", "table_blocks"]


@dataclass
class Block:
    name: str
    start: int
    end: int  # exclusive
    focus_area: str | None
    target: str | None = None  # the text of its Målgruppe column, for a table's row
    text: str | None = None  # a table row's own text, when the line holds more rows


NOT_ACTIVITY = re.compile(r"^(?:indsatsområde|delaftale|baggrund|organisering|økonomi|budget|formål|vision|mål\b"
                           r"|målgruppe|indledning|bilag|evaluering|tidsplan)", re.I)


def outline_focus(doc: Document, i: int) -> str | None:
    """The focus area of the numbered section ("3.1 Beskæftigelse" under "3. Indsatsområder")
    that line ``i`` is in, if any."""
    from samspil.loaders.extract.outline import focus_headings

    before = [(h.line, name) for h, name in focus_headings(doc) if not h.in_toc and h.line < i]
    return max(before)[1] if before else None


# "Projekter:" / "Aktiviteter i delaftalen:" ending a line (alone, or after a section's text
# that lost its line breaks), and the bullets after it: "• Lektiecafé – for elever i 4.-6. klasse"
_LIST_LABEL = re.compile(r"(?:^\W{0,3}(?i:[pait])|\s[PAIT])(?i:rojekter(?:ne)?|ktiviteter(?:ne)?|ndsatser(?:ne)?"
                         r"|iltag(?:ene)?)(?:\s+(?:i|under|for)\s+\w+)?\s*:\s*$")  # (mid-line: capitalised)
_BULLET_ITEM = re.compile(r"^\s*(?:[-•*▪◦–]|(?P<number>\d{1,2})[.)])\s+(?P<item>\S.*)$")
_NAME_END = re.compile(r"\s+[–—-]\s+|:\s+|\s+\(")  # "Name – description", "Name: description", "Name (partner)"


def _bullet_name(item: str) -> str | None:
    name = _NAME_END.split(clean(strip_markup(item)), 1)[0].strip(" .,;")
    if len(name.split()) > 8:
        name = name.split(", ")[0]
    if not name or not name[0].isupper() or len(name.split()) > 8 or NOT_ACTIVITY.match(name):
        return None
    return name


def bullet_blocks(doc: Document) -> list[Block]:
    """Bullets under a list label ("Projekter:", "Aktiviteter:"), each an activity named by
    the text before its dash or colon, its focus area the enclosing section's."""
    blocks: list[Block] = []
    for i, line in enumerate(doc.lines):
        if (same := _LABEL_THEN_BULLETS.search(line)) and (name_items := _RUN_ON_ITEM.split(line[same.end():])):
            focus = focus_area_at(doc, i) or outline_focus(doc, i)  # "... Aktiviteter: - A: x - B: y" on one line
            blocks += [Block(name, i, i + 1, focus) for item in name_items if (name := _bullet_name(item))]
            continue
        if not line.rstrip().endswith(":") or not _LIST_LABEL.search(clean_keep_colon(line)):
            continue
        items: list[int] = []
        for j in range(i + 1, min(i + 30, len(doc.lines))):
            if not doc.lines[j].strip():
                continue
            m = _BULLET_ITEM.match(doc.lines[j])
            number = m.group("number") if m else None
            if not m or number and int(number) != len(items) + 1:  # (a numbered list counts 1, 2, 3 ...)
                break
            items.append(j)
        for n, j in enumerate(items):
            end = items[n + 1] if n + 1 < len(items) else j + 1
            for item in _RUN_ON_ITEM.split(_BULLET_ITEM.match(doc.lines[j]).group("item")):
                if name := _bullet_name(item):
                    blocks.append(Block(name, j, end, focus_area_at(doc, j) or outline_focus(doc, j)))
    return blocks


_LABEL_THEN_BULLETS = re.compile(r"(?:^|\s)(?:Projekter|Aktiviteter|Indsatser|Tiltag)\s*:\s+[-–•▪]\s+(?=[A-ZÆØÅ0-9])")
# bullets run onto one line: "• A – x • B – y", "- A: x - B: y" (a dash only before a "Name:")
_RUN_ON_ITEM = re.compile(r"\s[•▪]\s+(?=[A-ZÆØÅ0-9])|\s[-–]\s+(?=[A-ZÆØÅ][^:.]{0,40}:\s)")


# A table of activities, one a row: "Aktivitet | Beskrivelse | Målgruppe | Samarbejdspartnere",
# its cells split by tabs (.docx, .pdf), pipes (markdown) or runs of spaces (plain text)
_TABLE_NAME_HEAD = re.compile(r"^\W*(?:aktivitet(?:er|snavn|ens navn)?|navn på aktivitet(?:en)?|projekt(?:er|navn)?"
                              r"|delprojekt(?:er)?|tiltag|indsats(?:er)?)\W*$", re.I)
_TABLE_HEADS = re.compile(r"^\W*(?:beskrivelse|indhold|formål|mål|målgruppe(?:r|\(r\))?|samarbejdspartner(?:e)?"
                          r"|partner(?:e)?|ansvarlig|tovholder|tidsplan|periode|økonomi|budget|succeskriterier"
                          r"|aktiviteter|indsatsområde)\b", re.I)
_NUMBER_HEAD = re.compile(r"^\W*(?:nr\.?|#|id)\W*$", re.I)
_RULE_ROW = re.compile(r"^[\s|:+-]+$")  # "|---|:---|"
# a heading ends a table of activities ("5. Økonomi", "Delaftale B: X", "Indsatsområde: Y")
_NUMBERED_LINE = re.compile(r"^\W*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÆØÅ]")


def _ends_table(line: str) -> bool:
    return bool(_NUMBERED_LINE.match(line) or DELAFTALE.match(line) or FOCUS_HEAD.match(line))


_AMOUNT = re.compile(r"[\d.,\s%]+(?:kr\.?|mio\.?)?|i alt|beløb.*|andel", re.I)
MAX_WRAPPED = 3  # lines without cells inside a table (a .pdf cell wrapped onto its own lines)


def _cells(line: str, spaced: bool) -> list[str]:
    if "\t" in line:
        return [clean(c) for c in line.split("\t")]
    if line.count("|") >= 2:
        return [clean(c) for c in line.strip().strip("|").split("|")]
    return [clean(c) for c in re.split(r"\s{3,}", line.strip())] if spaced else []


def _table_head(cells: list[str]) -> tuple[int, int, int] | None:
    """(name column, target column, focus-area column; -1 for none) of an activity table's
    head row, else None."""
    names = [k for k, c in enumerate(cells) if _TABLE_NAME_HEAD.match(c)]
    if not names or names[0] > 1 or names[0] == 1 and not _NUMBER_HEAD.match(cells[0]):
        return None
    others = [c for k, c in enumerate(cells) if c and k != names[0] and not _NUMBER_HEAD.match(c)]
    if not others or not all(_TABLE_HEADS.match(c) for c in others):
        return None
    return names[0], _column(cells, "målgruppe"), _column(cells, "indsatsområde")


def _column(cells: list[str], prefix: str) -> int:
    return next((k for k, c in enumerate(cells) if c.lower().startswith(prefix)), -1)


_ROW_BREAK = re.compile(r"\|\s+\|")  # "... | Tovholder | | 1 | Social vicevært | ...": rows run together


def _table_lines(doc: Document):
    """(line index, line) of the document, a table that lost its line breaks given row by
    row: a markdown table's rows run together (the text before its first pipe left out),
    or cells apart by ' | ' with nothing between the rows (see :func:`_joined_rows`)."""
    for i, line in enumerate(doc.lines):
        if line.count("|") >= 8 and len(_ROW_BREAK.findall(line)) >= 2:
            start = line.index("|")
            for row in _ROW_BREAK.split(line[start:]):
                yield i, f"|{row.strip().strip('|')}|"
            continue
        rows = _joined_rows(line) if line.count(" | ") >= 4 else None
        yield from ((i, row) for row in rows) if rows else [(i, line)]


def _joined_rows(line: str) -> list[str] | None:
    """A table copied with ' | ' between cells and nothing between rows ("Aktivitet | Målgruppe
    | Partnere Lektiecafé | Børn 6-12 år | Biblioteket Jobcafé | Ledige | Jobcentret"): its head
    and rows, each row's name cut from the end of the cell it shares with the row before."""
    cells = [clean(c) for c in line.split(" | ")]
    k = next((k for k, c in enumerate(cells) if c.split() and _TABLE_NAME_HEAD.match(c.split()[-1])), None)
    if k is None:
        return None
    n = k + 1
    while n < len(cells) and (m := _TABLE_HEADS.match(cells[n])) and not cells[n][m.end():].strip():
        n += 1  # the head's cells; the last one ran into the first row's name
    if n >= len(cells) or not (m := _TABLE_HEADS.match(cells[n])) or not (name := cells[n][m.end():].strip()):
        return None
    width = n - k + 1
    rows = [" | ".join(["Aktivitet", *cells[k + 1:n], cells[n][:m.end()].strip()])]
    rest = cells[n + 1:]
    while name and len(rest) >= width - 1:
        row, rest = rest[:width - 1], rest[width - 1:]
        last, following = _split_boundary(row[-1]) if rest else (row[-1], None)
        rows.append(" | ".join([name, *row[:-1], last]))
        name = following
    return rows if len(rows) > 1 else None


def _split_boundary(cell: str) -> tuple[str, str | None]:
    """'Sundhedsplejen, Dagtilbud Syd Lektier i Sundparken' -> ('Sundhedsplejen, Dagtilbud Syd',
    'Lektier i Sundparken'): after its last list item's name, the next row's name starts at a
    capital followed by a word in lower case (a title in sentence case); None when none does."""
    head, sep, tail = cell.rpartition(",") if "," in cell else cell.rpartition(";")
    words = tail.split()
    k = next((k for k in range(1, len(words) - 1) if words[k][:1].isupper() and words[k + 1][:1].islower()
              and (words[k + 1] not in ("og", "&") or words[k + 2:k + 3] and words[k + 2][:1].islower())), None)
    if k is None:
        return cell, None
    return f"{head}{sep} {' '.join(words[:k])}".strip(" ,;"), " ".join(words[k:])


def table_blocks(doc: Document) -> list[Block]:
    """Rows of tables of activities (a head row 'Aktivitet<TAB>Beskrivelse<TAB>Målgruppe...',
    'Nr. | Aktivitet | Målgruppe'): each row an activity named by its Aktivitet cell, its
    target groups read from its Målgruppe column, its focus area the enclosing section's."""
    blocks: list[Block] = []
    head: tuple[int, int, int, bool] | None = None
    wrapped = 0
    for i, line in _table_lines(doc):
        if head is None and (rows := flat_table_rows(line)):
            focus = focus_area_at(doc, i) or outline_focus(doc, i)
            blocks += [Block(name, i, i + 1, focus, row, f"{name} {row}") for name, row in rows]
            continue
        cells = _cells(line, spaced=head is None or head[3])
        if len(cells) >= 2 and (found := _table_head(cells)):
            head, wrapped = (*found, "\t" not in line and "|" not in line), 0
            continue
        if head is None or not line.strip() or _RULE_ROW.match(line):
            continue
        if len(cells) < 2:  # a wrapped cell, or the end of the table
            wrapped += 1
            if wrapped > MAX_WRAPPED or len(line) > 90 or _ends_table(line):
                head = None
            continue
        if sum(bool(_AMOUNT.fullmatch(c)) for c in cells) * 2 >= len(cells):  # a budget's row
            head = None
            continue
        wrapped, (col, target_col, focus_col, _) = 0, head
        name = cells[col].rstrip(" .") if col < len(cells) else ""
        if not name or len(name) > 80 or not name[0].isalpha() or _TABLE_HEADS.match(name):
            continue
        target = cells[target_col] if 0 < target_col < len(cells) else None
        own = line if line != doc.lines[i] else None
        focus = cells[focus_col] if 0 <= focus_col < len(cells) and cells[focus_col] else None
        blocks.append(Block(name, i, i + 1, focus or focus_area_at(doc, i) or outline_focus(doc, i), target, own))
    return blocks


# A table flattened to words (a .pdf or tab table in a web copy): "Aktivitet Målgruppe
# Samarbejdspartnere Lektiecafé Børn 6-12 år Biblioteket Jobcafé Ledige over 30 år ..."
_FLAT_HEAD = re.compile(r"\b(?:Aktivitet(?:snavn|ens navn)?|Navn på aktivitet(?:en)?|Projekt(?:navn)?)\s+Målgruppe(?:r|\(r\))?"
                        r"((?:\s+(?:Beskrivelse|Indhold|Formål|Samarbejdspartnere?|Partnere?|Ansvarlig|Tovholder"
                        r"|Tidsplan|Periode))+)\s+(?=[A-ZÆØÅ])")
MAX_NAME_WORDS = 5


def _starts_target(words: list[str], k: int) -> bool:
    """Does a Målgruppe cell start at ``words[k]`` ("Unge 15-25 år", "Alle beboere"): a
    capitalised group word followed by a word in lower case or a number?"""
    from samspil.loaders.extract import targets

    if not words[k][:1].isupper() or k + 1 >= len(words) or words[k + 1][:1].isupper():
        return False
    found = targets.classify(" ".join(words[k:k + 3]))
    return any(p.casefold().startswith(words[k].casefold()) for phrases in found.values() for p in phrases)


def _name_before(words: list[str], lo: int, hi: int) -> str | None:
    """The row's name just before its Målgruppe cell at ``hi``: after the last cell's end
    (a full stop, comma or semicolon), from a capital followed by a word in lower case,
    else the last word."""
    lo = max(lo, hi - MAX_NAME_WORDS)
    lo = max([lo] + [j + 1 for j in range(lo, hi) if words[j][-1:] in ".,;"])
    starts = [j for j in range(lo, hi - 1) if words[j][:1].isupper() and words[j + 1][:1].islower()]
    start = starts[0] if starts else hi - 1
    name = " ".join(words[start:hi]).strip(" ,;.")
    return name if start < hi and name[:1].isupper() else None


def flat_table_rows(line: str) -> list[tuple[str, str]]:
    """(name, row text) of each row of a table of activities flattened into ``line``, found
    at its Målgruppe cells (the column after the name)."""
    head = _FLAT_HEAD.search(line)
    if not head:
        return []
    words = line[head.end():].split()
    anchors = [k for k in range(1, len(words)) if _starts_target(words, k)]
    # a group word in the name ("Kvinder på vej Kvinder uden for arbejdsmarkedet"): the later one
    anchors = [k for n, k in enumerate(anchors) if n + 1 == len(anchors) or anchors[n + 1] - k > MAX_NAME_WORDS - 1]
    rows, prev = [], 0
    for n, k in enumerate(anchors):
        name = " ".join(words[:k]) if n == 0 else _name_before(words, prev, k)
        end = anchors[n + 1] if n + 1 < len(anchors) else len(words)
        if name and len(name.split()) <= MAX_NAME_WORDS:
            rows.append((_without_repeated_cell(name, line) if n else name, " ".join(words[k:end])))
        prev = k + 1
    return rows


def _without_repeated_cell(name: str, line: str) -> str:
    """'Sammen i Nordøst Mentornetværk' -> 'Mentornetværk' when 'Sammen i Nordøst' recurs in
    the table (the value of a column before it, such as the one responsible for every row)."""
    words = name.split()
    for k in range(len(words) - 1, 1, -1):  # (a prefix of two words or more: one word recurs by chance)
        prefix = " ".join(words[:k])
        if words[k][:1].isupper() and len(re.findall(rf"(?<!\w){re.escape(prefix)}(?!\w)", line)) >= 2:
            return " ".join(words[k:])
    return name
