"""Table rows of a PDF page, with a tab between their cells.

pdfium's text of a page (``get_text_range``) runs a table row's cells together
with single spaces: "Søren Dahl Lejerbo Kolding Boligsocial leder sd@lejerbo.dk",
and no rule can tell where a name ends and an organisation begins. pdfium also
knows the rectangles its text sits in, one per run of characters; cells of one
row are rectangles side by side on one line with a wide gap between them.
On a page that has such rectangles, its lines are rebuilt from the rectangles,
cells joined with a tab as in a text copy of the table; other pages keep
pdfium's text (reading the rectangles costs ~0.1 ms a page).
"""
from __future__ import annotations

import re

from samspil.loaders.space_tables import _GROUP_HEAD, continues_first, joined_cell

__all__ = ["may_hold_table", "table_page_lines", "turned_page_lines", "upward_page_lines"]

# a gap wider than this many line heights between two runs on one line is a cell gap
CELL_GAP = 0.6


def _side_by_side(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Do runs ``a`` and ``b`` (left, bottom, right, top) sit on one line with a cell gap?"""
    if b[0] - a[2] <= CELL_GAP:  # (no gap as wide as the least height allows: most pairs)
        return False
    height = max(a[3] - a[1], b[3] - b[1], 1.0)
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    return overlap > 0.5 * min(a[3] - a[1], b[3] - b[1]) and b[0] - a[2] > CELL_GAP * height


def _columns(rects: list[tuple[float, ...]]) -> bool:
    """Is the page set in columns (pdfium's order climbs back up the page by more than
    ten lines: from the foot of one column to the head of the next, which starts right of
    where the column before ends)? Then rebuilding lines across the page would interleave
    the columns: pdfium's order is kept. A running footer drawn before the page's body
    climbs too, but back to the left: no column."""
    return any(b[3] - a[3] > 10 * max(a[3] - a[1], 1.0) and b[0] >= a[2] - 3 for a, b in zip(rects, rects[1:]))


def _lines(rects: list[tuple[float, ...]]) -> list[list[tuple[float, ...]]]:
    """Runs grouped into visual lines, top to bottom, each left to right."""
    lines: list[list[tuple[float, ...]]] = []
    for r in sorted(rects, key=lambda r: (-r[3], r[0])):
        centre = (r[1] + r[3]) / 2
        if lines and lines[-1][0][1] <= centre <= lines[-1][0][3]:
            lines[-1].append(r)
        else:
            lines.append([r])
    return [sorted(line, key=lambda r: r[0]) for line in lines]


Cell = tuple  # (left, bottom, top, text, right)


def _justified(line: list[tuple[float, ...]]) -> bool:
    """A line of running text set word by word and justified: four or more gaps, all of
    about one width (a table row's gaps vary with its cells' text)."""
    gaps = [b[0] - a[2] for a, b in zip(line, line[1:])]  # (ink edges: a glyph's bearings vary them a little)
    return len(gaps) >= 4 and max(gaps) - min(gaps) < max(1.5, 0.15 * sum(gaps) / len(gaps))


def _column_starts(lines: list[list[tuple[float, ...]]]) -> list[float]:
    """Where cells start: the left edges of runs that sit a cell gap right of the run before
    them, at the same place (within 3 pt) on two or more lines. The gaps of a justified
    line of running text, set word by word, fall at no such common place."""
    lefts = sorted(b[0] for line in lines if not _justified(line)
                   for a, b in zip(line, line[1:]) if _side_by_side(a, b))
    margin = min((line[0][0] for line in lines), default=0.0)
    # a wrapped cell's line of its own starts at its column too ("Holbæk" under "Jobcenter")
    alone = [line[0][0] for line in lines if line[0][0] > margin + 20]
    starts: list[float] = []
    k = 0
    while k < len(lefts):
        j = k
        while j + 1 < len(lefts) and lefts[j + 1] - lefts[k] <= 3:
            j += 1
        if j > k or sum(abs(x - lefts[k]) <= 3 for x in alone) >= 1:
            starts.append(lefts[k])
        k = j + 1
    return starts


def _cells(textpage, line: list[tuple[float, ...]], starts: list[float]) -> list[Cell]:
    """A visual line's cells: runs joined with a space unless a cell starts between them."""
    cells: list[Cell] = []
    justified = _justified(line)
    for k, r in enumerate(line):
        text = " ".join(textpage.get_text_bounded(*r).split())
        if "\x02" in text:  # (pdfium marks a hyphen that ends a line: decided as any wrap)
            text = text.replace("\x02", "-")
        new_cell = k and _side_by_side(line[k - 1], r) and any(abs(r[0] - x) <= 3 for x in starts) \
            and not justified
        if k and cells and not new_cell:
            left, bottom, top, before, _ = cells[-1]
            cells[-1] = (left, min(bottom, r[1]), max(top, r[3]), f"{before} {text}".strip(), r[2])
        elif text:
            cells.append((r[0], r[1], r[3], text, r[2]))
    return cells


def _continues(prev: list[Cell], cells: list[Cell]) -> bool:
    """Is ``cells`` the next line of cells of the row ``prev`` (a cell's text wrapped
    inside it)? Only when ``prev`` is a row of several cells, ``cells`` leaves the first
    column empty or goes on with its text (in lower case, or after a comma or "og":
    ``space_tables.continues_first``), every cell of it starts where one of ``prev`` does,
    and it follows at line spacing."""
    if len(prev) < 2 or not cells:
        return False
    name = False
    if cells[0][0] <= prev[0][0] + 2 and not (len(cells) < len(prev) and continues_first(prev[0][3], cells[0][3])):
        name = len(cells) == 1 and abs(cells[0][0] - prev[0][0]) <= 2 and _wrapped_name(prev, cells[0])
        if not name:
            return False
    height = max(c[2] - c[1] for c in prev)
    lefts = [c[0] for c in prev]
    if _TOTAL.match(cells[0][3]) or any(_NUMBER.match(c[3]) and _NUMBER.match(_above(prev, c)[3]) for c in cells):
        return False  # a total row ("I alt  350") or a number under a number: a row of its own, no wrap
    return (min(c[1] for c in prev) - max(c[2] for c in cells) < (2.0 if name else 1.5) * height
            and all(any(abs(c[0] - x) <= 3 for x in lefts) for c in cells))


_TOTAL = re.compile(r"(?i)(?:i alt|total|samlet|sum)\b")
_NUMBER = re.compile(r"[\d.,\s%-]+$")


def _above(prev: list[Cell], cell: Cell) -> Cell:
    """The cell of ``prev`` whose column ``cell`` starts in."""
    return min(prev, key=lambda c: abs(c[0] - cell[0]))


_NUMBERED_HEAD = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÆØÅ]")  # "9. Underskrifter": the next section's heading


def _wrapped_name(prev: list[Cell], cell: Cell) -> bool:
    """A first cell's rest alone on the next line, under a row of several cells: a name
    wrapped in capitals ("AKB – Sjælør" / "Boulevard"), not a group's heading ("Zone 2",
    "Boligselskabet Ringsted", "Ringsted Kommune, Børn og Unge") or a sentence, and the first
    cell above it a name too (no number, no column head), and its first word too wide for the
    first cell's line (the text wrapped, not a heading set under the table)."""
    text = cell[3]
    first = text.split(" ", 1)[0]
    if prev[0][4] + (cell[4] - cell[0]) * (len(first) + 1) / max(len(text), 1) < prev[1][0] - 4:
        return False  # (it would have fit beside the first cell's text)
    if len(text) > 40 or len(text.split()) > 4 or ":" in text or "," in text or text.endswith(".") \
            or _GROUP_HEAD.match(text) or _NUMBERED_HEAD.match(text) \
            or any(ch.isdigit() for ch in prev[0][3]):
        return False
    from samspil.loaders.extract.org_lists import org_type_of
    from samspil.loaders.extract.tables import column_kind

    # (not a group row naming the organisation of the rows below it, nor one under the head row)
    return column_kind(prev[0][3]) is None and org_type_of(text) == "other"


def _merge(prev: list[Cell], cells: list[Cell]) -> list[Cell]:
    out = list(prev)
    for c in cells:
        k = min(range(len(out)), key=lambda k: abs(out[k][0] - c[0]))
        left, _bottom, top, text, right = out[k]
        out[k] = (left, c[1], top, joined_cell(text, c[3]), max(right, c[4]))
    return out


def may_hold_table(textpage, text: str) -> bool:
    """Can the page hold two text runs side by side (a table), given its text as pdfium
    reads it (lines end in CR LF)? pdfium makes at least one rectangle for every line
    that has text, so a page with no more rectangles than such lines has one run a
    line: running text, whose rectangles need not be read (~40 a page, ~2 µs each).

    On the 655 pages of every PDF on the development machine, no page with a table had
    as few rectangles as lines (tests/loaders/test_tables.py checks the rule on tables
    laid out in several ways).
    """
    rects = textpage.count_rects()
    if rects <= 1:
        return False
    lines = text.split("\r\n")
    return rects > len(lines) or rects > sum(map(bool, map(str.strip, lines)))  # (more than its lines: more than
    # its lines with text, told without stripping them)


class _Turned:
    """A page whose text runs up or down the page (a landscape page kept on a portrait sheet and
    turned by the viewer: ``/Rotate 90``, its text drawn turned): its rectangles and bounded text
    in the frame the reader sees, where the text runs left to right. ``up`` is True for text
    running up the page (the viewer turns the page clockwise), False for text running down."""

    def __init__(self, textpage, width: float, height: float, up: bool) -> None:
        self.raw, self.textpage, self.width, self.height, self.up = textpage.raw, textpage, width, height, up

    def count_rects(self) -> int:
        return self.textpage.count_rects()

    def seen(self, r: tuple[float, ...]) -> tuple[float, ...]:
        """A rectangle (left, bottom, right, top) of the page as the reader sees it."""
        left, bottom, right, top = r
        if self.up:  # text along +y: x' = y, y' = width - x
            return bottom, self.width - right, top, self.width - left
        return self.height - top, left, self.height - bottom, right  # along -y: x' = height - y, y' = x

    def get_text_bounded(self, left: float, bottom: float, right: float, top: float) -> str:
        if self.up:
            return self.textpage.get_text_bounded(self.width - top, left, self.width - bottom, right)
        return self.textpage.get_text_bounded(bottom, self.height - right, top, self.height - left)


def turned_page_lines(textpage) -> list[str] | None:
    """The lines of a page whose text runs up or down it (its page turned for reading: ``/Rotate``
    90 or 270 and most characters' baselines upright), as the reader sees them: table rows with
    tabs between their cells, other lines as runs joined by spaces. None for a page read as it is."""
    import math

    import pypdfium2.raw as pdfium_c

    if textpage.rotation not in (1, 3):
        return None
    angles = [pdfium_c.FPDFText_GetCharAngle(textpage.raw, k) for k in range(min(pdfium_c.FPDFText_CountChars(textpage.raw), 200))]
    up = sum(abs(a - 3 * math.pi / 2) < 0.1 for a in angles)  # (pdfium's angles turn clockwise: text running up
    down = sum(abs(a - math.pi / 2) < 0.1 for a in angles)  # the page is at 270 degrees)
    if max(up, down) * 2 <= len(angles):
        return None  # (the page's text runs across it: the viewer shows it turned, as the page is read)
    turned = _Turned(textpage, pdfium_c.FPDF_GetPageWidthF(textpage.page), pdfium_c.FPDF_GetPageHeightF(textpage.page),
                     up >= down)
    table = table_page_lines(turned)
    if table is not None:
        return table
    return [" ".join(" ".join(turned.get_text_bounded(*r).split()) for r in line) for line in _lines(_rects(turned))]


def upward_page_lines(textpage) -> list[str] | None:
    """The lines of a page whose content stream draws its text from the bottom up (pdfium then reads the
    page's last line first), top to bottom as the reader sees them; None for a page drawn from the top (told
    cheaply first: a character a quarter into its text lies below one three quarters in)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    if count < 40 or textpage.rotation:
        return None
    boxes = [ctypes.c_double() for _ in range(4)]

    def top(k: int) -> float:
        pdfium_c.FPDFText_GetCharBox(textpage.raw, k, *boxes)
        return boxes[3].value

    if top(count // 4) >= top(3 * count // 4) - 20:  # (the body's, between a running head and a footer drawn first
        return None  # and last)
    rects = _rects(textpage)
    tops = [r[3] for r in rects]
    ups = sum(b > a + 2 for a, b in zip(tops, tops[1:]))
    downs = sum(b < a - 2 for a, b in zip(tops, tops[1:]))
    if ups < 4 or ups <= 3 * downs:
        return None  # (columns climb back up once each: not a page drawn upward)
    return [" ".join(" ".join(textpage.get_text_bounded(*r).split()) for r in line) for line in _lines(rects)]


def _rects(textpage) -> list[tuple[float, ...]]:
    """The page's text rectangles (left, bottom, right, top), every one read into the same
    four numbers by pdfium's own call (the helper's ``get_rect`` makes four new ones each
    time: a third of the cost of reading a page's rectangles)."""
    import ctypes

    import pypdfium2.raw as pdfium_c
    from pypdfium2 import PdfiumError

    left, top, right, bottom = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    get, raw = pdfium_c.FPDFText_GetRect, textpage.raw
    rects = []
    for k in range(textpage.count_rects()):
        if not get(raw, k, left, top, right, bottom):
            raise PdfiumError("Failed to get rectangle.")
        rects.append((left.value, bottom.value, right.value, top.value))
    if isinstance(textpage, _Turned):
        rects = sorted(map(textpage.seen, rects), key=lambda r: (-r[3], r[0]))  # (in reading order, as pdfium's own
    return rects  # order is for running text)


def table_page_lines(textpage) -> list[str] | None:
    """The page's lines with tabs between table cells, or None when no two lines of the
    page have runs side by side at the same place (running text: pdfium's own text is
    kept). A cell's
    text that wraps onto more lines (top-aligned, as Word sets it) is joined back
    into its row."""
    rects = _rects(textpage)
    if not any(_side_by_side(a, b) for a, b in zip(rects, rects[1:])) or _columns(rects):
        return None
    lines = _lines(rects)
    starts = _column_starts(lines)
    if not starts:
        return None
    line_cells = _first_cells_around([c for c in (_cells(textpage, line, starts) for line in lines) if c], starts)
    if _centred(line_cells):
        return ["\t".join(c[3] for c in row) for row in _centred_rows(line_cells)]
    rows: list[list[Cell]] = []
    for cells in line_cells:
        if rows and _continues(rows[-1], cells):
            rows[-1] = _merge(rows[-1], cells)
        else:
            rows.append(cells)
    return ["\t".join(c[3] for c in row) for row in rows]


def _first_cells_around(line_cells: list[list[Cell]], starts: list[float]) -> list[list[Cell]]:
    """A row whose cells sit vertically centred beside a first cell wrapped onto two lines
    ("Skanderborg" / "Søtoften  180  Vestbyen" / "Andelsboligforening"): the first cell's two
    lines, one above and one below the row's line at the same distance, left-aligned with
    each other and ending left of the row's first cell, are joined back into the row. A row
    line of one cell (a two-column table) counts only when that cell starts at a column."""
    out: list[list[Cell]] = []
    k = 0
    while k < len(line_cells):
        if 0 < k + 1 < len(line_cells) and out and len(out[-1]) == 1 and len(line_cells[k + 1]) == 1 \
                and (len(line_cells[k]) >= 2 or any(abs(line_cells[k][0][0] - x) <= 3 for x in starts)):
            (up,), row, (down,) = out[-1], line_cells[k], line_cells[k + 1]
            height = max(c[2] - c[1] for c in (up, *row, down))
            middle = _centre(row)
            if abs(up[0] - down[0]) <= 3 and max(up[4], down[4]) < row[0][0] - CELL_GAP * height \
                    and abs((_centre([up]) - middle) - (middle - _centre([down]))) <= 0.35 * height \
                    and 0 < _centre([up]) - _centre([down]) <= 2.5 * height:
                out[-1] = [(up[0], down[1], up[2], joined_cell(up[3], down[3]), max(up[4], down[4])), *row]
                k += 2
                continue
        out.append(line_cells[k])
        k += 1
    return out


def _is_row(cells: list[Cell], left: float) -> bool:
    """A line that starts in the first column (a row's anchor, or running text)."""
    return cells[0][0] <= left + 3


def _centred(line_cells: list[list[Cell]]) -> bool:
    """Are the page's table cells centred vertically (a cell of one line sits beside the
    middle of a wrapped one)? Then a row's wrapped cell has lines above its first
    column's line and below it, in a column that line leaves empty."""
    if not line_cells:
        return False
    left = min(c[0][0] for c in line_cells)
    for k in range(1, len(line_cells) - 1):
        above, row, below = line_cells[k - 1], line_cells[k], line_cells[k + 1]
        if _is_row(row, left) and len(row) >= 2 and not _is_row(above, left) and not _is_row(below, left):
            # (a column both lines have and the row has not; lefts differ by a point or so with
            # the glyphs' bearings: "tigelse" at 77, its row's cell at 78)
            shared = [c[0] for c in above if any(abs(c[0] - d[0]) <= 3 for d in below)]
            if any(all(abs(x - c[0]) > 3 for c in row) for x in shared):
                return True
    return False


def _centre(cells: list[Cell]) -> float:
    return sum((c[1] + c[2]) / 2 for c in cells) / len(cells)


def _anchors(line_cells: list[list[Cell]], left: float) -> tuple[list[int], dict[int, list[int]]]:
    """The lines that start a row (a cell in the first column), and for each the lines of its
    first cell: a next line whose first cell goes on with it ("Uddannelse og" + "livschancer",
    ``space_tables.continues_first``) starts no row of its own."""
    anchors: list[int] = []
    firsts: dict[int, list[int]] = {}
    for k, cells in enumerate(line_cells):
        if not _is_row(cells, left):
            continue
        last = firsts[anchors[-1]][-1] if anchors else None
        if last is not None and k - last <= 2 and continues_first(line_cells[last][0][3], cells[0][3]):
            firsts[anchors[-1]].append(k)
        else:
            anchors.append(k)
            firsts[k] = [k]
    return anchors, firsts


def _centred_rows(line_cells: list[list[Cell]]) -> list[list[Cell]]:
    """Rows of a table whose cells are centred vertically: each line that leaves the first
    column empty joins the table row (a line of two or more cells) whose middle is nearest."""
    left = min(c[0][0] for c in line_cells)
    anchors, firsts = _anchors(line_cells, left)
    parts: dict[int, list[list[Cell]]] = {k: [line_cells[j] for j in firsts[k]] for k in anchors}
    centres = {a: sum(_centre(line_cells[j]) for j in firsts[a]) / len(firsts[a]) for a in anchors}
    taken = {j for a in anchors for j in firsts[a]}
    for k, cells in enumerate(line_cells):
        if k in taken:
            continue
        reach = 3.5 * max(c[2] - c[1] for c in cells)  # (a page's foot is no row's wrapped cell)
        near = [a for a in anchors if abs(a - k) <= 3 and max(len(line_cells[j]) for j in firsts[a]) >= 2
                and abs(centres[a] - _centre(cells)) <= reach]
        target = min(near, key=lambda a: abs(centres[a] - _centre(cells)), default=None)
        if target is None:
            parts[k] = [cells]
        else:
            parts[target].append(cells)
    rows = []
    for k in sorted(parts):
        pieces = sorted((c for cells in parts[k] for c in cells), key=lambda c: (-c[2], c[0]))
        columns: dict[int, Cell] = {}
        for c in pieces:  # top to bottom: a column's text in reading order
            col = next((x for x in columns if abs(x - c[0]) <= 3), round(c[0]))
            old = columns.get(col)
            columns[col] = c if old is None else (old[0], c[1], old[2], f"{old[3]} {c[3]}")
        rows.append([columns[x] for x in sorted(columns)])
    return rows
