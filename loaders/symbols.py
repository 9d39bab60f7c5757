"""Symbols that stand for list marks, form fields or references, read as what they mean.

Agreements written as fact sheets, Word forms or printed reports carry marks that are
no words:

* pictographs as bullets and icons ("🎯 INDSATSOMRÅDERNE", "1️⃣ Beskæftigelse",
  "➤ Kærhøj (Alsbo afd. 9) – 388 boliger", "✉ ske@x.dk ☎ 2964 1803"): a mark that opens a
  line is a bullet (a keycap digit a numbered item), one inside a line a space;
* a Word form's check boxes ("☒ Beskæftigelse", "☐ Sundhed", "Målgruppe(r): ☐ Børn 0-12 år
  ☒ Unge 18-29 år"): what is ticked is chosen and kept, what is not is no fact of the
  agreement and is dropped; "[X]" / "[ ]" are the same boxes typed;
* unfilled content controls ("Klik eller tryk her for at skrive tekst."): nothing written;
* footnote markers glued to a name ("Jobcenter Holstebro⁴", "¹ Boligselskabet ...", "Køge
  Kommune[1]"): no part of the name;
* an organisation diagram drawn as a tree (├──, └──, │): its branches items;
* cards drawn side by side in box frames (a web page's staff: "┌────┐ ┌────┐" over "│ Name │ │ Name │"
  over "│ title │ │ title │"): each card's lines one line of its own, its fields apart by commas.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, count
from operator import add

__all__ = ["box_tables", "boxed_cards", "left_borders", "drop_legend_tags", "drop_note_marks", "read_all_symbols", "read_symbols", "read_tree"]

# pictographs and dingbats (arrows, technical, geometric shapes, misc. symbols, dingbats,
# emoji), with the variation selector and joiner that follow them; not the check boxes
_PICTO = "\u2190-\u21ff\u2300-\u23ff\u25a0-\u25ff\u2600-\u260f\u2613-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_ICONS = _PICTO.replace("\u2190-\u21ff", "")  # (not the arrows: inside a line they join its words)
_HIGH = re.compile("[\u2070-\U0010ffff]")
_SYMBOL = re.compile(f"[{_PICTO}\u2610-\u2612\u20e3\u00b9\u00b2\u00b3\u2070-\u2079]")
_KEYCAP = re.compile(r"(\d{1,2})\ufe0f?\u20e3\s*")
_LEADING = re.compile(f"^(\\s*)(?:[{_PICTO}][\ufe0f\u200d]*)+\\s*")
_INSIDE = re.compile(f"\\s*(?:[{_ICONS}][\ufe0f\u200d]*)+\\s*(?=(?P<cap>[A-ZÆØÅ]|\\d+\\. ))?")
_ICON = re.compile(f"[{_ICONS}]")
_CAPS_WORD = re.compile(r"[A-ZÆØÅ]{3,}(?![a-zæøå])")
_BOX = re.compile(r"[\u2610-\u2612]|\[[ xX]\]")
_TICKED = frozenset({"\u2611", "\u2612", "[x]", "[X]"})
_PLACEHOLDER = re.compile(r"(?:Klik eller tryk (?:her )?for at (?:skrive tekst|angive en dato|vælge et element)"
                          r"|Click or tap (?:here )?to enter (?:text|a date))\.?")
# a footnote's mark after a word or at a line's start, not a unit's power ("m²")
_FOOTNOTE = re.compile(r"(?:(?<=[^\W\d_])(?<![\s\d]m)|(?<=[)\]])|^\s*)[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")


# a note's mark in brackets glued to the word it annotates ("Køge Kommune[1]", "Beboerrådgivning[2]", as a
# Word file's footnotes are read): no part of the name (a note's own text, "[1] Den strategiske ...", keeps it)
_BRACKET_NOTE = re.compile(r"(?<=[^\W\d_)])\[\d{1,2}\]")


# a footnote's number glued to the word it annotates, as a PDF's superscript is copied ("Jobcenter
# Silkeborg3", "Søhøjlandet1,"): a word's small letters, then one or two digits, then its end
_GLUED_NOTE = re.compile(r"(?<=[a-zæøå]{3})(\d{1,2})(?=[\s,.;:)]|$)")
# a note's own text: a line that opens with its number and a capitalised word ("3 Jobcenter Silkeborg
# deltager ..."), or in a page that lost its line breaks a sentence that does
_NOTE_AT_LINE = re.compile(r"\n[ \t]*(\d{1,2})[ \t]+[A-ZÆØÅ][a-zæøå]")
_NOTE_AFTER_SENTENCE = re.compile(r"[.!?] (\d{1,2}) [A-ZÆØÅ][a-zæøå]")
_RUN_ON_LINE = 200  # lines this long on average: pages that lost their breaks, their notes after sentences


def _printed_notes(text: str, lines: list[str]) -> set[str]:
    """The numbers of the notes whose text ``text`` prints (each search opens with a literal
    or a few characters, so the engine skips through the text)."""
    notes = set(_NOTE_AT_LINE.findall("\n" + text))
    if len(text) > _RUN_ON_LINE * max(1, len(lines)):  # (pages run on, lines this long on average: notes follow sentences)
        notes |= {m.group(1) for m in _NOTE_AFTER_SENTENCE.finditer(text)
                  if m.start() and (text[m.start() - 1].islower() or text[m.start() - 1] == ")")}
    return notes


# a legend's entry for a one-letter tag: "Signatur: [F] = forankres, [D] = delvist forankret, [O] = ophører"
_LEGEND_ENTRY = re.compile(r"\[([A-ZÆØÅ])\]\s*[=:–-]\s*[a-zæøå]")


def drop_legend_tags(lines: list[str]) -> list[str]:
    """``lines`` without the one-letter tags a legend defines where they open a line ("[F] A1 Lektiecafé
    Bakkebyen" under "Signatur: [F] = forankres, [D] = ..."): each item's status, no part of its name.

    >>> drop_legend_tags(["Signatur: [F] = forankres, [O] = ophører", "[F] A1 Lektiecafé", "[O] Jobklubben", "[X] Y"])
    ['Signatur: [F] = forankres, [O] = ophører', 'A1 Lektiecafé', 'Jobklubben', '[X] Y']
    """
    if not any("] =" in line or "]=" in line or "] :" in line or "]:" in line for line in lines):
        return lines  # (cheaply: most documents hold no legend)
    tags = {m.group(1) for line in lines for m in _LEGEND_ENTRY.finditer(line)}
    if len(tags) < 2:
        return lines
    opening = re.compile(r"^(\s*)\[(?:" + "|".join(sorted(tags)) + r")\]\s+(?=\S)")
    return [opening.sub(r"\1", line) if line.lstrip()[:1] == "[" else line for line in lines]


def drop_note_marks(lines: list[str]) -> list[str]:
    """``lines`` without note marks in brackets glued to a word (one search of the text), and
    without a footnote's number glued to a word where the document prints that note's text
    (a line that opens with the number)."""
    text = "\n".join(lines)
    if "]" in text and _BRACKET_NOTE.search(text):
        lines = [_BRACKET_NOTE.sub("", line) if "]" in line else line for line in lines]
    notes = {n for n in _printed_notes(text, lines)
             if re.search(rf"{n}(?<=[a-zæøå]{{3}}{n})(?=[\s,.;:)]|$)", text)}  # (and glued to a word somewhere)
    if not notes:
        return lines
    return [_GLUED_NOTE.sub(lambda m: "" if m.group(1) in notes else m.group(1), line)
            if any(c.isdigit() for c in line) else line for line in lines]


def read_all_symbols(lines: list[str]) -> list[str]:
    """``lines`` with their symbols read: only the lines that hold one are touched, found by one
    search of the whole text (most documents hold none, and a test per line would cost more)."""
    text = "\n".join(lines)
    if "┼" in text or "┬" in text:
        lines = box_tables(lines)
        text = "\n".join(lines)
    if "┃" in text or "║" in text:
        lines = left_borders(lines)
        text = "\n".join(lines)
    if "├" in text or "└" in text:
        lines = read_tree(lines)
        text = "\n".join(lines)
    # (one range is scanned fast; Danish letters, dashes, quotes and bullets are all below it)
    hits = [m.start() for m in _HIGH.finditer(text) if _SYMBOL.match(m.group(0))]
    for literal in ("¹", "²", "³", "lik eller tryk", "Click or tap", *(("[x]", "[X]", "[ ]") if "[" in text else ())):
        at = text.find(literal)  # (the check boxes looked for only in a text holding a bracket)
        while at >= 0:
            hits.append(at)
            at = text.find(literal, at + 1)
    if not hits:
        return lines
    starts = [0, *map(add, accumulate(map(len, lines[:-1])), count(1))]  # (each line's start in the joined text)
    out = list(lines)
    for k in sorted({bisect_right(starts, at) - 1 for at in hits}):
        out[k] = read_symbols(lines[k])
    return out


_BRANCH = re.compile(r"[├└]\s*─+\s?")
MIN_BRANCHES = 3


def read_tree(lines: list[str]) -> list[str]:
    """An organisation diagram drawn as a tree ("Styregruppe" / "├── Jobcenter ..." / "│   └──
    Lektieklubben"): each branch an item ("• Lektieklubben"), the lines that join them blank
    space, every line keeping its indentation (a node's details stay under it).

    >>> read_tree(["Bestyrelse", "├── Formand: Ida Holm", "│   tlf. 40 50 60 70", "└── Styregruppe",
    ...            "    └── Lektieklubben"])
    ['Bestyrelse', '• Formand: Ida Holm', '    tlf. 40 50 60 70', '• Styregruppe', '    • Lektieklubben']
    """
    if sum(1 for line in lines if _BRANCH.search(line) and not _BOX_RULE.match(line)) < MIN_BRANCHES:
        return lines
    return [_BRANCH.sub("• ", line.replace("│", " ")).rstrip() if ("│" in line or "├" in line or "└" in line)
            and not _BOX_RULE.match(line) else line for line in lines]


_LEFT_BORDER = re.compile(r"^\s*[┃║]\s?")
MIN_BORDERED = 3


def left_borders(lines: list[str]) -> list[str]:
    """A web page's cards marked by a border down their left side ("┃ Havnecaféen · Spor 1" over "┃ Åben
    hver tirsdag ..."): the border dropped from each line of a run of three or more that open with it
    and do not close with it (a box's sides are read by :func:`boxed_cards`).

    >>> left_borders(["┃ Havnecaféen", "┃ Åben hver tirsdag.", "┃ Læs mere ›", "Kontakt"])
    ['Havnecaféen', 'Åben hver tirsdag.', 'Læs mere ›', 'Kontakt']
    """
    out, run = list(lines), []
    for k, line in enumerate([*lines, ""]):
        if _LEFT_BORDER.match(line) and not line.rstrip().endswith(("┃", "║")):
            run.append(k)
            continue
        if len(run) >= MIN_BORDERED:
            for j in run:
                out[j] = _LEFT_BORDER.sub("", lines[j], 1)
        run = []
    return out


_BOX_JOINTS = str.maketrans("├┌└╞╘╒┼┬┴╪╤╧┤┐┘╡╕╛─═", "|" * 18 + "--")


def box_tables(lines: list[str]) -> list[str]:
    """A table drawn in boxes ("┌────┬────┐", "│ Aktivitet │ Målgruppe │", "├────┼────┤") typed as the pipe
    table it is ("| Aktivitet | Målgruppe |", "|----|----|"), for the pipe tables' reader (its cells
    wrapped over rows of their own joined there); its rules under the head and between the rows kept
    as rules, its top and bottom frames dropped.

    >>> box_tables(["┌──────┬─────┐", "│ Navn │ Mål │", "├──────┼─────┤", "│ A    │ b   │", "└──────┴─────┘"])
    ['', '| Navn | Mål |', '|------|-----|', '| A    | b   |', '']
    """
    out = []
    for line in lines:
        if _BOX_RULE.match(line):
            out.append("" if line.lstrip()[:1] in "┌└╒╘" else line.strip().translate(_BOX_JOINTS))
        elif _BOX_ROW.match(line):
            out.append(line.replace("│", "|").strip())
        else:
            out.append(line)
    return out


# a table drawn in boxes is no tree: its rules ("├─────┼─────┤", "└────┴────┘") and rows ("│ Name │ text │")
# are left to the table reader
_BOX_RULE = re.compile(r"^\s*[├└┌╞╘╒][─═┼┴┬╪╧╤]*[┼┴┬╪╧╤][─═┼┴┬╪╧╤]*[┤┘┐╡╛╕]?\s*$")
_BOX_ROW = re.compile(r"^\s*│.*\S.*│\s*$")


def read_symbols(line: str) -> str:
    """``line`` with its symbols read (a cheap search first: most lines hold none).

    >>> read_symbols("1️⃣ Uddannelse og livschancer"), read_symbols("📚 Lektie-Lounge – med Kærhøjskolen")
    ('1. Uddannelse og livschancer', '• Lektie-Lounge – med Kærhøjskolen')
    >>> read_symbols("☐ Kriminalitetsforebyggelse"), read_symbols("☒ Beskæftigelse")
    ('', '• Beskæftigelse')
    >>> read_symbols("Målgruppe(r):\\t☐ Børn 0-12 år  ☒ Unge 18-29 år  ☒ Voksne ledige  ☐ Kvinder")
    'Målgruppe(r):\\tUnge 18-29 år, Voksne ledige'
    >>> read_symbols("Telefon:\\tKlik eller tryk her for at skrive tekst."), read_symbols("Jobcenter Holstebro⁴ og 120 m²")
    ('Telefon:\\t', 'Jobcenter Holstebro og 120 m²')
    >>> read_symbols("Kontakt: ✉ ske@bryggebo.dk ☎ 2964 1803")
    'Kontakt: ske@bryggebo.dk 2964 1803'
    """
    if line.isascii():
        if "[" not in line and "lik eller tryk" not in line and "Click or tap" not in line:
            return line
    elif not _SYMBOL.search(line) and "lik eller tryk" not in line:
        return line
    if "lik eller tryk" in line or "Click or tap" in line:
        line = _PLACEHOLDER.sub("", line)
    if _BOX.search(line):
        line = _boxes(line)
    if "\u20e3" in line:
        line = _KEYCAP.sub(r"\1. ", line)
    line = _LEADING.sub(_leading, line, count=1)
    if "  " in line.strip():  # a line laid out in columns: each icon a space, so every column
        line = _ICON.sub(_in_columns, line)  # keeps its place; a chart's cells ("■ ■ · ·") a dot each
    line = _INSIDE.sub(_inside, line)
    return _FOOTNOTE.sub("", line)


def _in_columns(m: re.Match) -> str:
    near = m.string[max(0, m.start() - 2):m.start()] + m.string[m.end():m.end() + 2]
    return "·" if _ICON.search(near) or "·" in near or "?" in near else " "


def _leading(m: re.Match) -> str:
    """An icon opening a line: a bullet, but before a heading in capitals ("🎯 INDSATSOMRÅDERNE")
    nothing (the heading stays a heading)."""
    rest = m.string[m.end():m.end() + 40]
    return m.group(1) if _CAPS_WORD.match(rest) else m.group(1) + "• "


def _inside(m: re.Match) -> str:
    """An icon inside a line: a bullet before what opens an item (a line's break lost:
    "... 7 aktiviteter 📍 OMRÅDET ➤ Kærhøj"), else a space ("✉ ske@x.dk ☎ 2964 1803"). (An
    arrow inside a line joins its words: "Bestyrelse → Boligsocial leder" stays.)"""
    return " • " if m.group("cap") and not _CAPS_WORD.match(m.string, m.end()) else " "


def _boxes(line: str) -> str:
    """The ticked items of a line of check boxes; an unticked box's line is dropped whole.
    An item runs to the next box; where a line's breaks were lost, a long one ends where the
    next field, heading or sentence begins, and what follows it stays in its place."""
    marks = list(_BOX.finditer(line))
    head = line[:marks[0].start()]
    out: list[str] = [head.rstrip()] if head.strip() else []
    items: list[str] = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(line)
        text, rest = line[m.end():end].strip(), ""
        if len(text) > _ITEM and (cut := _ITEM_END.search(text, 1)) is not None:
            text, rest = text[:cut.start()].strip(), text[cut.start():].strip()
        if m.group(0) in _TICKED and text:
            items.append(text)
        if rest:  # "☐ Sundhed 2. DELAFTALENS PARTER Part 1: ...": the items end, the text goes on
            out += [", ".join(items)] if items else []
            out.append(rest)
            items = []
    out += [", ".join(items)] if items else []
    if not head.strip():  # the line is the items ("☒ Beskæftigelse")
        return f"{head}• {' '.join(out)}" if out else ""
    return " ".join(out) if head[-1:] != "\t" else head + " ".join(out[1:])


_ITEM = 60  # an item of a box is short; beyond, where the next field, heading or sentence begins
_ITEM_END = re.compile(r"\s{2,}|\t|\s(?=\d{1,2}\.\s[A-ZÆØÅ])|\s(?=[A-ZÆØÅ][\w()]*(?:\s\w+)?:)|(?<=[a-zæøå]{4})\.\s(?=[A-ZÆØÅ])")


_CARD_TOP = re.compile(r"^\s*(?:[┌╭╔+][─═-]{3,}[┐╮╗+]\s*){2,}$")
_CARD_BOTTOM = re.compile(r"^\s*(?:[└╰╚+][─═-]{3,}[┘╯╝+]\s*){2,}$")
_CARD_SIDE = re.compile(r"[│║|]")


def boxed_cards(lines: list[str]) -> list[str]:
    """``lines`` with cards drawn side by side in box frames read card by card: the frame's top line
    and the lines after it each hold one card's lines joined by commas, the rest of the frame's
    lines blank (every line keeps its place).

    >>> boxed_cards(["┌─────┐ ┌─────┐", "│ Ida Holm │ │ Per Dam │", "│ leder    │ │ rådgiver │", "└─────┘ └─────┘"])
    ['Ida Holm, leder', 'Per Dam, rådgiver', '', '']
    """
    text = "".join(lines)
    if "┌" not in text and "╭" not in text and "╔" not in text:
        return lines
    out = list(lines)
    k = 0
    while k < len(lines):
        top = _CARD_TOP.match(lines[k])
        if top is None:
            k += 1
            continue
        width = lines[k].count("┌") + lines[k].count("╭") + lines[k].count("╔") or lines[k].count("+") // 2
        end = k + 1
        rows: list[list[str]] = []
        while end < len(lines) and not _CARD_BOTTOM.match(lines[end]):
            cells = [c.strip() for c in _CARD_SIDE.split(lines[end].strip())]
            cells = [c for j, c in enumerate(cells) if j % 2 == 1]  # (between each card's two sides)
            if len(cells) != width:
                break
            rows.append(cells)
            end += 1
        if end >= len(lines) or not rows or width > len(rows) + 2:
            k += 1
            continue
        cards = [", ".join(r[j] for r in rows if r[j]) for j in range(width)]
        for j in range(k, end + 1):
            out[j] = cards[j - k] if j - k < len(cards) else ""
        k = end + 1
    return out
