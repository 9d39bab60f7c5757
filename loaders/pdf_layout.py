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

__all__ = ["table_page_lines"]

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
    ten lines: from the foot of one column to the head of the next)? Then rebuilding
    lines across the page would interleave the columns: pdfium's order is kept."""
    return any(b[3] - a[3] > 10 * max(a[3] - a[1], 1.0) for a, b in zip(rects, rects[1:]))


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


Cell = tuple[float, float, float, str]  # left, bottom, top, text


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
    starts: list[float] = []
    k = 0
    while k < len(lefts):
        j = k
        while j + 1 < len(lefts) and lefts[j + 1] - lefts[k] <= 3:
            j += 1
        if j > k:
            starts.append(lefts[k])
        k = j + 1
    return starts


def _cells(textpage, line: list[tuple[float, ...]], starts: list[float]) -> list[Cell]:
    """A visual line's cells: runs joined with a space unless a cell starts between them."""
    cells: list[Cell] = []
    justified = _justified(line)
    for k, r in enumerate(line):
        text = " ".join(textpage.get_text_bounded(*r).split())
        new_cell = k and _side_by_side(line[k - 1], r) and any(abs(r[0] - x) <= 3 for x in starts) \
            and not justified
        if k and cells and not new_cell:
            left, bottom, top, before = cells[-1]
            cells[-1] = (left, min(bottom, r[1]), max(top, r[3]), f"{before} {text}".strip())
        elif text:
            cells.append((r[0], r[1], r[3], text))
    return cells


def _continues(prev: list[Cell], cells: list[Cell]) -> bool:
    """Is ``cells`` the next line of cells of the row ``prev`` (a cell's text wrapped
    inside it)? Only when ``prev`` is a row of several cells, ``cells`` leaves the first
    column empty, every cell of it starts where one of ``prev`` does, and it follows at
    line spacing."""
    if len(prev) < 2 or not cells or cells[0][0] <= prev[0][0] + 2:
        return False
    height = max(c[2] - c[1] for c in prev)
    lefts = [c[0] for c in prev]
    return (min(c[1] for c in prev) - max(c[2] for c in cells) < 1.5 * height
            and all(any(abs(c[0] - x) <= 3 for x in lefts) for c in cells))


def _merge(prev: list[Cell], cells: list[Cell]) -> list[Cell]:
    out = list(prev)
    for c in cells:
        k = min(range(len(out)), key=lambda k: abs(out[k][0] - c[0]))
        left, _bottom, top, text = out[k]
        out[k] = (left, c[1], top, f"{text} {c[3]}")
    return out


def table_page_lines(textpage) -> list[str] | None:
    """The page's lines with tabs between table cells, or None when no two lines of the
    page have runs side by side at the same place (running text: pdfium's own text is
    kept). A cell's
    text that wraps onto more lines (top-aligned, as Word sets it) is joined back
    into its row."""
    rects = [tuple(textpage.get_rect(k)) for k in range(textpage.count_rects())]
    if not any(_side_by_side(a, b) for a, b in zip(rects, rects[1:])) or _columns(rects):
        return None
    lines = _lines(rects)
    starts = _column_starts(lines)
    if not starts:
        return None
    rows: list[list[Cell]] = []
    for line in lines:
        cells = _cells(textpage, line, starts)
        if rows and _continues(rows[-1], cells):
            rows[-1] = _merge(rows[-1], cells)
        elif cells:
            rows.append(cells)
    return ["\t".join(c[3] for c in row) for row in rows]
