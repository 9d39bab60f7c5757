"""Activities listed under a focus area's heading (indsatsområde), in any list form.

Under "Indsatsområde 2: X", "INDSATSOMRÅDE A: X", "Tema 3: X", "5.1 Indsatsområde: X", a
lettered section of a list of indsatsområder or a numbered section of an older plan's
"Indsatsområder" chapter (every heading ``sections.focus_area_at`` and
``outline.focus_headings`` know), each item of a list is an activity of that area:

* bullets of any kind (``•``, ``-``, ``*``, ``o``, ``▪``, ``–``) and counted items (``1)``,
  ``2.``, ``a)``), their first line the name, optionally ``– description`` or
  ``: description`` after it, the lines below their description;
* lettered or numbered ids: ``A1. X``, ``A.2 X``, ``B2 – X``, ``1.2 X`` (the description in
  the following paragraph).

A list introduced by another lead-in ("Mål:", "Det sker ved, at:") holds goals or
steps, not activities: it is skipped up to the next heading or activity list label
("Aktiviteter:", "Projekter:"). In a line that lost its line breaks the items are cut at
their bullets ("... Børn og unge - Lektiecafé: hjælp ... - Ferieaktiviteter Udflugter
...") and a name without a separator ends before the capital that starts its description.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.activity_lists import NOT_ACTIVITY, Block
from samspil.loaders.extract.text import clean, clean_keep_colon, strip_markup

__all__ = ["area_item_blocks"]

# an item at the start of a line: a bullet, a counted item, or a lettered / numbered id
_ITEM = re.compile(r"^\W{0,2}?(?:(?P<mark>[-•*▪◦–·o])|(?P<num>\d{1,2})[.)]|(?P<let>[a-h])[.)]"
                   r"|(?P<id>[A-H]\.?\d{1,2}(?:\.\d{1,2})?|\d{1,2}\.\d{1,2})\.?(?:\s+[–:-])?)"
                   r"\s+(?P<item>[A-ZÆØÅ\"«“].*)$")
# the same inside a line that lost its breaks (a bullet mark or counted item after a space)
_RUN_ON = re.compile(r"\s(?:[-•*▪◦–o]|\d{1,2}\)|[a-h]\)|[A-H]\.?\d{1,2}\.?)\s+(?=[A-ZÆØÅ\"«“])")
_NAME_END = re.compile(r"\s+[–—-]\s+|:\s+|\s+\(")  # "Name – description", "Name: ...", "Name (x)"
_CHAPTER = re.compile(r"^\W{0,3}\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÆØÅ]")  # a numbered heading
_RULE = re.compile(r"^\W*[-=*_~#]{4,}\W*$")  # "-----", "=====", "*****"
_RULE_RUN = re.compile(r"\s*[-=*_~]{4,}\s*")
# lead-ins that open an activity list, and labels whose lists hold no activities
_LIST_LEAD = re.compile(r"\b(?:aktivitet(?:er|erne)?|(?:del)?projekt(?:er|erne)?|indsatser(?:ne)?|tiltag(?:ene)?"
                        r"|initiativer(?:ne)?)\b", re.I)
_GOALS = re.compile(r"^\W*(?:mål|delmål|effektmål|resultatmål|succeskriterier|milepæle|baggrund|problem\w*"
                    r"|udfordring\w*|vision|målgrupper?)\b", re.I)
_VERBS = frozenset("skal vil er har kan bliver får sker øges stige falde halveres".split())
_SMALL = frozenset("i og for på til med af om ved fra en et de den det der som at".split())
MAX_NAME_WORDS = 8
_MAX_PIECE = 250  # characters of a run-on list's item (its name and a short description)
SCOPE_LINES = 400  # an area's list ends this far below its heading at the latest


def _headings(doc: Document) -> dict[int, str]:
    """Line -> focus area of every focus-area heading the other readers know."""
    from samspil.loaders.extract.outline import focus_headings
    from samspil.loaders.extract.sections import delaftale_starts, lettered_sections

    heads = {i: name for i, name in delaftale_starts(doc)}
    heads.update({i: name for i, name, _ in lettered_sections(doc)})
    heads.update({h.line: name for h, name in focus_headings(doc) if not h.in_toc})
    return heads


def item_name(text: str, run_on: bool = True) -> str | None:
    """An item's name: the text before its dash, colon or bracket; without one, the
    words before the capital that starts its description ("Ferieaktiviteter Udflugter i
    sommerferien" -> "Ferieaktiviteter"); None for a sentence or a goal.

    >>> item_name("Jobcafé Nørrevang – åben rådgivning"), item_name("Ferieaktiviteter Udflugter i sommerferien.")
    ('Jobcafé Nørrevang', 'Ferieaktiviteter')
    >>> item_name("Flere unge skal gennemføre en ungdomsuddannelse inden de fylder 25 år.") is None
    True
    """
    text = _RULE_RUN.split(clean(strip_markup(text)), 1)[0]
    parts = _NAME_END.split(text, 1)
    if len(parts) == 1 and _VERBS.intersection(text.split()[:12]):  # a sentence: a goal or a step
        return None
    name = parts[0].strip(" .,;:*")
    words = name.split()
    cut = next((k for k in range(1, len(words) - 1) if words[k][:1].isupper() and words[k + 1][:1].islower()
                and words[k - 1].casefold() not in _SMALL
                and (words[k + 1] not in ("og", "&") or words[k + 2:k + 3] and words[k + 2][:1].islower())), None)
    if cut is not None and run_on and (len(parts) == 1 or name.endswith(".")):
        name, words = " ".join(words[:cut]), words[:cut]
    elif len(parts) == 1 and len(words) > 4 and "." in name:
        name = name.split(". ", 1)[0]
        words = name.split()
    if not words or not name[0].isupper() or len(words) > MAX_NAME_WORDS or NOT_ACTIVITY.match(name) \
            or _GOALS.match(name) or sum(w[:1].islower() for w in words) > 4 or _VERBS.intersection(words):
        return None
    return name.strip(" .")


def _pieces(line: str, head_name: str | None) -> list[str]:
    """The items a line holds: one for a written line, every bullet of a run-on one."""
    if head_name is not None:  # the heading's own line: the items after its name
        k = line.casefold().find(head_name.casefold())
        line = line[k + len(head_name):] if k >= 0 else ""
        line = f" {line.strip()}"
    marks = list(_RUN_ON.finditer(line))
    if not marks or not _opens_activities(line[:marks[0].start()]) \
            or head_name is not None and line[:marks[0].start()].strip(" -=*_~"):
        return []  # (on a heading's line, the list must follow the heading's name)
    kind = _kind(marks[0].group(0))  # the first item's kind of mark: "•", "-", "1)", "a)", "A1"
    found = [m for m in marks if _kind(m.group(0)) == kind]
    pieces = [line[a.end():b].strip() for a, b in zip(found, [*(m.start() for m in found[1:]), len(line)])]
    if kind in "-–" and (len(pieces) < 2 or any(len(p) > _MAX_PIECE for p in pieces[:-1])):
        return []  # a dash in running text is no bullet: a list has two or more short items
    return pieces


def _lead_state(text: str) -> bool | None:
    """What the end of ``text`` says of a list after it: True after a lead-in of activities
    ("Aktiviteter:", "... følgende projekter:"), False after one of another kind
    ("Målgrupper for indsatsen samlet:", "Styregruppen består af:") or a goals heading
    ("Mål", "Succeskriterier", "Mål: Flere i job."), None after running text."""
    clause = " ".join(re.split(r"[.!?]\s", text.strip())[-1].split()[-8:])
    if clause.endswith(":"):
        return bool(_LIST_LEAD.search(clause)) and not _GOALS.match(clause)
    if _GOALS.match(" ".join(clause.split()[-2:])) or _GOALS.match(text):
        return False
    return None


def _opens_activities(lead: str) -> bool:
    return _lead_state(lead) is not False


def _kind(mark: str) -> str:
    mark = mark.strip()
    return "1)" if mark[0].isdigit() else "a)" if mark[0].islower() and len(mark) > 1 else \
        "A1" if mark[0].isupper() and len(mark) > 1 else mark


def area_item_blocks(doc: Document) -> list[Block]:
    """Activities listed under focus-area headings, in document order."""
    return doc.memo("area_item_blocks", lambda: _blocks(doc))


def _blocks(doc: Document) -> list[Block]:
    heads = _headings(doc)
    if not heads:
        return []
    starts: list[tuple[int, str, str, str | None]] = []  # (line, name, focus area, own text)
    focus, listing, count, last = None, False, 0, -1
    for i, raw in enumerate(doc.lines):
        if i in heads:
            focus, listing, count, last = heads[i], True, 0, i
            starts += [(i, n, focus, p) for p in _pieces(raw, heads[i]) if (n := item_name(p))]
            continue
        if focus is None or not raw or _RULE.match(raw):
            continue
        if i - last > SCOPE_LINES:
            focus = None
            continue
        m = _ITEM.match(raw)
        if m is None and _CHAPTER.match(raw):  # "4 Organisation", "5. Økonomi": the areas end
            focus = None
            continue
        if m is None:
            text = clean_keep_colon(raw)
            first = _RUN_ON.search(text) if len(text) > 300 else None  # a run-on list: what leads into it
            if (state := _lead_state(text[:first.start()] if first else text)) is not None:  # a lead-in: its list is activities or not
                listing, count = state, 0
            elif listing and len(text) > 300 and (pieces := _pieces(raw, "")):
                starts += [(i, n, focus, p) for p in pieces if (n := item_name(p))]  # a run-on list
            continue
        if not listing:
            continue
        number = m.group("num") or m.group("let")
        if number:
            ordinal = int(number) if number.isdigit() else ord(number) - ord("a") + 1
            if ordinal != count + 1:
                focus = None if ordinal > count + 1 and m.group("num") and len(raw.split()) <= 5 else focus
                continue
            count = ordinal
        last = i
        pieces = _pieces(f" {m.group(0).strip()}", "") if len(raw) > 60 else []
        for piece in pieces or [m.group("item")]:
            if name := item_name(piece, bool(pieces)):
                starts.append((i, name, focus, piece if pieces else None))
    return _as_blocks(doc, starts, heads)


def _as_blocks(doc: Document, starts: list[tuple[int, str, str, str | None]], heads: dict[int, str]) -> list[Block]:
    """Each item runs to the next item's line, the next heading or twelve lines on; an
    item that shares its line with others (a run-on list) is its own text."""
    ends = sorted(heads)
    blocks = []
    for n, (i, name, focus, text) in enumerate(starts):
        nxt = next((s[0] for s in starts[n + 1:] if s[0] > i), len(doc.lines))
        end = min(nxt, next((h for h in ends if h > i), nxt), i + 12, len(doc.lines))
        blocks.append(Block(name, i, end, focus, text=text))
    return blocks
