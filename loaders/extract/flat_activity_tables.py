"""Tables of activities flattened to words in any column order (a .pdf or tab table in a web
copy, its line breaks and cell gaps lost): "Indsatsområde Aktivitet Målgruppe Partnere
Uddannelse og livschancer Lektiecafé Øst Børn 6-12 år Nykøbing Bibliotek ...".

The head row gives the columns (``space_tables.head_run``, ``tables.column_kind``); the rows
are found at their first cell where that cell can be told in running words: an id of a number
column ("A1", "2.1.1") or a focus area's name (the regulativ's and older rounds' names, and
those the document's own codes name). In a row, the activity's name runs from after that
cell to where the next cell that can be told begins: a focus area's name, or a target group
("Børn 6-12 år"; ``activity_tables._starts_target``). What follows the name is the row's text
(target groups and partners are read from it). A table whose name column comes first is read
at its second column when that is an amount or a focus area (a name or a listed code).
"""
from __future__ import annotations

import re
from functools import lru_cache

from samspil.loaders.vocab import load_vocab

__all__ = ["flat_rows", "lettered_areas_after_heading", "lettered_known_areas", "opens_with_area", "quoted_items"]

_ID = re.compile(r"(?:[A-ZÆØÅ]?\d{1,2}(?:\.\d{1,2}){0,2}|[A-ZÆØÅ]\d?)\.?")
_FOCUS_KINDS = ("focus_area", "district", "zone")
MAX_NAME_WORDS = 6
_QUOTES = "\"“«»„"
_QUOTED_NAME = re.compile(r"(?:^|[;,]\s*|\)\s+(?:og\s+)?)[\"“«»„]([A-ZÆØÅ0-9][^\"”«»“;]{1,60}?)[\"”«»“]")


@lru_cache(maxsize=1)
def _known_focus() -> tuple[tuple[str, ...], ...]:
    vocab = load_vocab("focus_areas")
    names = [*vocab.get("regulativ_2019_2026", []), *vocab.get("older", [])]
    return tuple(sorted((tuple(n.split()) for n in names), key=len, reverse=True))


def _focus_at(words: list[str], k: int, extra: tuple[tuple[str, ...], ...]) -> int:
    """The number of words a focus area's name takes at ``words[k]`` (0 for none)."""
    for name in extra + _known_focus():
        if tuple("og" if w == "&" else w.strip(",.;") for w in words[k:k + len(name)]) == name:  # ("Sammenhængskraft &
            # medborgerskab")
            return len(name)
    return 0


_CUT = ("\u00ad", "-")  # a word broken at a cell's line end: a soft hyphen (or a hyphen) last


def _cut_focus_at(words: list[str], k: int, stop: int, extra: tuple[tuple[str, ...], ...]
                  ) -> tuple[int, str, int, int] | None:
    """A known focus area whose cell wrapped in a table flattened row by row: the cell's first line at
    ``words[k]`` ("Uddannelse og beskæf-", "Forebyggelse og") and the rest of the name later in the row,
    among the next line's cells ("... Skive Bibliotek tigelse", "... Sundhedsplejen Skive, forældreansvar
    0-12 år ..."). (words the first line takes, the area's name, where the rest is, its number of words)."""
    for name in extra + _known_focus():
        for c in range(len(name), 0, -1):
            head = words[k:k + c]
            if len(head) < c or tuple(head[:-1]) != name[:c - 1]:
                continue
            last = head[-1]
            cut = last[:-1] if last.endswith(_CUT) else last  # (a soft hyphen the text may have lost)
            if len(cut) >= 3 and name[c - 1].startswith(cut) and len(name[c - 1]) >= len(cut) + 3:
                rest = (name[c - 1][len(cut):], *name[c:])  # "beskæf-" + "tigelse"
            elif last == name[c - 1] and c < len(name) and c >= 2:
                rest = name[c:]  # "Forebyggelse og" + "forældreansvar"
            else:
                continue
            for at in range(k + c + 1, stop - len(rest) + 1):
                if tuple(words[at:at + len(rest)]) == rest:
                    return c, " ".join(name), at, len(rest)
    return None


def _without_tail(words: list[str], at: int, n: int) -> list[str]:
    """``words`` without the ``n`` words at ``at`` (a cell's wrapped rest), a word broken before them by a soft
    hyphen joined with the word after them ("Handelsstands- [tigelse] forening" -> "Handelsstandsforening")."""
    out = words[:at] + words[at + n:]
    if 0 < at < len(out) and out[at - 1].endswith("\u00ad") and out[at][:1].islower():
        out[at - 1:at + 1] = [out[at - 1][:-1] + out[at]]
    return out


def opens_with_area(words: list[str], more: int = 0) -> bool:
    """Do ``words`` open with a focus area's name the vocabulary knows, and at most ``more`` words
    after it ("Tryghed og trivsel", "Kriminalitetsforebyggelse og tryghed" with ``more=2``)?"""
    return 0 < (n := _focus_at(words, 0, ())) and len(words) - n <= more


_BARE_CODES = ("ABCDEFGH", "12345678")


def lettered_known_areas(line: str) -> dict[str, str]:
    """Code -> area of a list of areas the vocabulary knows, each after its bare letter or number, run
    onto one line: "3. Indsatsområder A Tryghed og trivsel B Uddannelse og beskæftigelse C Forebyggelse
    og forældreansvar ..." -> {"A": "Tryghed og trivsel", ...}: two areas at least, the codes in order
    from A (or 1), each area right after its code."""
    words = line.split()
    for k, word in enumerate(words):
        for series in _BARE_CODES:
            if word != series[0] or not (n := _focus_at(words, k + 1, ())):
                continue
            found, at = {word: " ".join(w.strip(",.;") for w in words[k + 1:k + 1 + n])}, k + 1 + n
            while at < len(words) and len(found) < len(series) and words[at] == series[len(found)] \
                    and (n := _focus_at(words, at + 1, ())):
                found[words[at]] = " ".join(w.strip(",.;") for w in words[at + 1:at + 1 + n])
                at += 1 + n
            if len(found) >= 2:
                return found
    return {}


# the heading of a list of areas, perhaps with a note in brackets, the list's first bare letter after it
_AREAS_HEAD = re.compile(r"[Ii]ndsatsområder(?:ne)?(?:\s*\([^()]{1,40}\))?\s*:?\s+(?=A\s+[A-ZÆØÅ])")
_CHAPTER_NUMBER = re.compile(r"\d{1,2}\.(?:\d{1,2}\.?)?")


def lettered_areas_after_heading(line: str) -> dict[str, str]:
    """Code -> area of a list of areas after its heading, each after its bare letter, run onto one line, its
    names any the document gives ("2. Indsatsområder (jf. LBF's regulativ) A Beskæftigelsesindsatser B Uddannelse
    C Forebyggende indsatser for børn, unge og familier D Kapacitetsopbygning og netværk 3. Aktivitetsoversigt"):
    three areas at least, the letters in order from A, each name a capital and at most eight words; the last
    name ends before the next chapter's number or a capital after a word in lower case."""
    if (m := _AREAS_HEAD.search(line)) is None:
        return {}
    words = line[m.end():m.end() + 500].split()
    found: dict[str, str] = {}
    k, letter = 0, "A"
    while k < len(words) and words[k] == letter and k + 1 < len(words) and words[k + 1][:1].isupper():
        nxt = chr(ord(letter) + 1)
        j = k + 1
        while j < len(words) and j - k <= 9 and words[j] != nxt:
            j += 1
        name = words[k + 1:j]
        if j < len(words) and words[j] == nxt:
            if len(name) > 8:
                return {}
        else:  # the last area: up to the text after the list
            cut = next((n for n in range(1, len(name)) if _CHAPTER_NUMBER.fullmatch(name[n])
                        or name[n][:1].isupper() and name[n - 1][:1].islower()), len(name))
            name = name[:cut]
        found[letter] = " ".join(name).rstrip(" .,;")
        k, letter = j, nxt
    return found if len(found) >= 3 else {}


def flat_rows(line: str, codes: dict[str, str] | None = None) -> list[tuple[str, str | None, str]]:
    """(name, focus area, row text after the name) of each row of a flattened activity table
    that starts ``line`` with its head row, when its first column is a number or a focus area."""
    from samspil.loaders.extract.tables import column_kind
    from samspil.loaders.space_tables import head_run

    found = head_run(line, 0)
    if found is None:
        return []
    end, cells = found
    kinds = [column_kind(c) for c in cells]
    extra = tuple(tuple(v.split()) for v in (codes or {}).values())
    words = line[end:].split()
    if kinds[0] == "activity" and len(kinds) > 1 and kinds[1] in ("money", *_FOCUS_KINDS):
        return _name_first(words, kinds[1], codes or {}, extra, status_last=kinds[-1] == "description")
    if kinds[0] == "activity" and len(kinds) > 1 and kinds[1] == "description":
        return _coded_rows(words)
    if len(kinds) == 3 and kinds[:2] == ["activity", "target"] and kinds[2] in ("partner", "responsible") \
            and cells[1].startswith("Målgruppe"):
        return _target_second(words)
    if kinds[0] not in ("number", *_FOCUS_KINDS) or "activity" not in kinds[1:3]:
        return []
    if kinds[0] == "number":
        anchors = [(k, 1) for k, w in enumerate(words) if _ID.fullmatch(w) and k + 1 < len(words)
                   and words[k + 1][:1].isupper()]
        if anchors and not words[anchors[0][0]].endswith("."):  # ids without a full stop ("A1", "B2"): no "2."
            anchors = [(k, n) for k, n in anchors if not words[k].endswith(".")]  # of the text after the table ("i
            # bilag 2. Aktivitet C2 har ...")
    else:
        anchors = [(k, n) for k in range(len(words)) if (n := _focus_at(words, k, extra))]
        anchors = [(k, n) for j, (k, n) in enumerate(anchors) if not j or k >= anchors[j - 1][0] + anchors[j - 1][1]]
        if len(anchors) < 2 and codes and words and words[0] in codes:  # "A Lektiecafé Ringparken Børn 7-14 år ... B
            anchors, last = [], words[0]  # Jobværkstedet ...": the area's code opens each row, the rows in the codes'
            for k, w in enumerate(words):  # order (A, A, B, C)
                if w in codes and k + 1 < len(words) and words[k + 1][:1].isupper() and w >= last:
                    anchors.append((k, 1))
                    last = w
    if len(anchors) < 2:
        return []
    rows = [row for j, (k, n) in enumerate(anchors)
            if (row := _row(words, k, n, anchors[j + 1][0] if j + 1 < len(anchors) else _table_end(words, k + n),
                            kinds, extra, codes or {}))]
    return [one for row in rows for one in _each_quoted(row)]


def _table_end(words: list[str], start: int) -> int:
    """Where the last row of a table run on with the text after it ends: before the next chapter's number
    ("4. Organisering"), else at the text's end."""
    return next((j for j in range(start + 2, len(words) - 1) if _CHAPTER_NUMBER.fullmatch(words[j])
                 and words[j + 1][:1].isupper() and words[j + 1][1:].islower()), len(words))


def _each_quoted(row: tuple[str, str | None, str]) -> list[tuple[str, str | None, str]]:
    """A row whose cell quotes several activities, each with its note, as one row per activity and
    its own note ('"Læseven" (frivillige fra X); "UngeSpor" (...)')."""
    name, focus, text = row
    if "; " not in name or text[:1] not in _QUOTES:
        return [row]
    return [(one, focus, own) for one, own in quoted_items(text)]


def quoted_items(cell: str) -> list[tuple[str, str]]:
    """(name, its own text) of each activity a cell quotes with its note: '"Læseven" (frivillige fra X);
    "UngeSpor" (vejledning ...)' (each name opens the cell, follows a semicolon or comma, or the note of the
    item before)."""
    found = list(_QUOTED_NAME.finditer(cell))
    ends = [m.start(1) - 1 for m in found[1:]] + [len(cell)]
    return [(m.group(1), cell[m.start(1) - 1:end].strip(" ;,")) for m, end in zip(found, ends)]


def _row(words: list[str], k: int, n: int, stop: int, kinds: list, extra, codes: dict[str, str] | None = None
         ) -> tuple[str, str | None, str] | None:
    from samspil.loaders.extract.activity_tables import _starts_target

    focus = " ".join(words[k:k + n]).strip(" ,;") if kinds[0] in _FOCUS_KINDS else None
    focus = codes[focus] if codes and focus in codes else focus  # (the area's code: its name)
    start = k + n
    if kinds.index("activity") == 2 and kinds[1] in _FOCUS_KINDS and (m := _focus_at(words, start, extra)):
        focus, start = " ".join(words[start:start + m]), start + m  # "Nr | Tema | Aktivitet"
    elif kinds.index("activity") == 2 and kinds[1] in _FOCUS_KINDS and (cut := _cut_focus_at(words, start, stop, extra)):
        m, focus, at, tail = cut  # the area's cell wrapped: "1 Uddannelse og beskæf- Lektiecafé X skolebørn ... tigelse"
        kept = _without_tail(words, at, tail)
        start, stop, words = start + m, stop - (len(words) - len(kept)), kept
    quote = next((q for q in range(start, min(stop, start + 4)) if words[q][:1] in _QUOTES), None) \
        if len(kinds) == 2 and kinds[1] == "activity" else None
    if quote is not None:  # a cell of quoted names, each with its note: '"Læseven" (frivillige ...); "UngeSpor" (...)'
        if quote > start and kinds[0] in _FOCUS_KINDS:  # (the area's name goes on: "Sundhed og trivsel", its
            focus = " ".join(words[k:quote]).strip(" ,;")  # first word the known one)
        cell = " ".join(words[quote:stop])
        names = [one for one, _ in quoted_items(cell)]
        return ("; ".join(names), focus, cell) if names else None
    lower = kinds[kinds.index("activity") + 1:][:1] == ["target"]  # (the target column next: its cells may open
    # in lower case)
    for j in range(start + 1, min(stop, start + MAX_NAME_WORDS + 1)):
        if lower and j + 1 < min(stop, start + MAX_NAME_WORDS + 1) and _lower_target(words, j + 1) \
                and words[j][:1].isupper() and not _group_opener(words[j]):
            continue  # "Sommer i Erritsø børn og unge 6-17 år": the place is the name's, "børn" opens the cell
        if codes and focus is None and "focus_area" in kinds and words[j] in codes:  # "1 Familiehjørnet UL X X": the
            return " ".join(words[start:j]).strip(" ,;"), codes[words[j]], " ".join(words[j + 1:stop])  # area's code
        if (m := _focus_at(words, j, extra)) or _starts_target(words, j) or lower and _lower_target(words, j) \
                or "target" in kinds and _plural_group(words, j):
            if m and focus is None:
                focus = " ".join(words[j:j + m])
                rest = words[j + m:stop]
            else:
                rest = words[j:stop]
            return " ".join(words[start:j]).strip(" ,;"), focus, " ".join(rest)
    after = kinds.index("activity") + 1
    if after == len(kinds) == 2 and 0 < stop - start <= MAX_NAME_WORDS:  # (area and activity only: the name
        return " ".join(words[start:stop]).strip(" ,;"), focus, ""  # runs to the next row)

    if after < len(kinds) and kinds[after] == "partner" and (j := _partner_start(words, start, stop)):
        return " ".join(words[start:j]).strip(" ,;"), focus, " ".join(words[j:stop])  # "A; B Jobcenter X, ..."
    return None


# words before a target group's noun that open its cell ("Alle beboere", "Nye danskere", "Udsatte familier")
_OPENERS = frozenset("alle nye udsatte sårbare ledige enlige tosprogede ensomme ældre yngre unge voksne "
                     "interesserede frivillige erfarne nyankomne nytilkomne nydanske etniske arbejdsløse langtidsledige "
                     "hjemmegående gravide kommende aktive isolerede syge små store mindre større "
                     "psykisk fysisk socialt særligt".split())
_BEFORE_GROUP = frozenset("for til med og af om ved fra i på".split())  # ("Café for kvinder": the name's own)


def _plural_group(words: list[str], k: int) -> bool:
    """A target cell of one plural group word before the next cell's capitals ("Familieklubben Småbørnsfamilier
    Sundhedsplejen X", "Beboerdemokrati-kurser Afdelingsbestyrelser BL 6. kreds")."""
    from samspil.loaders.extract import targets

    word = words[k].rstrip(",")
    return word[:1].isupper() and word.endswith("er") and "-" not in word and k + 1 < len(words) \
        and words[k + 1][:1].isupper() and bool(targets.classify(word))


def _group_opener(word: str) -> bool:
    """Does ``word`` open a target group's cell by itself ("Unge", "Alle", "skoleelever")?"""
    from samspil.loaders.extract.activity_tables import _group_word

    return word.strip('"«»“,').lower() in _OPENERS or _group_word(word)


def _lower_target(words: list[str], k: int) -> bool:
    """Does a target group's cell in lower case start at ``words[k]`` ("... Tryghedsvandringer alle beboere
    og ...", "Fædre på banen fædre, særligt enlige"): a group word or an opener in lower case, not the object
    of a preposition in the name ("Café for kvinder")?"""
    word = words[k].rstrip(",")
    return word[:1].islower() and words[k - 1].lower() not in _BEFORE_GROUP and _group_opener(word)


def _partner_start(words: list[str], start: int, stop: int) -> int | None:
    """Where a partner cell starts after a row's name (no target column between them): the
    shortest name that reads as an organisation ending at the first comma ("Lektiecafé Valhøj
    Sundhedsplejen, Dagtilbud Valhøj" -> at "Sundhedsplejen"), the name before it one to
    twelve words (several activities: "Gadeplan Valhøj; Valhøj Ungeråd")."""
    from samspil.loaders.extract.org_lists import org_type_of

    comma = next((j for j in range(start + 1, min(stop, start + 13)) if words[j].endswith(",")), None)
    if comma is None:
        return None
    for p in range(comma, max(start, comma - 3), -1):
        if words[p][:1].isupper() and org_type_of(" ".join(words[p:comma + 1]).rstrip(",")) != "other":
            return p
    return None


# a traffic light or yes/no in a status column ("grøn", "Gul", "R")
_STATUS_WORD = re.compile(r"(?i:grøn|gul|rød|ja|nej)|G|Gu|R")
_AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def _name_first(words: list[str], second: str, codes: dict[str, str], extra,
                status_last: bool = False) -> list[tuple[str, str | None, str]]:
    """Rows whose name comes first and an amount or a focus area (a name, or a code the
    document lists) second: a row's name is the few words before that cell (after the cell
    before it ends: ``activity_tables._name_before``; with a status column last, after the
    row before's traffic light: "... Birkerød Bibliotek grøn Småbørnsfamilier i Kajerød")."""
    from samspil.loaders.extract.activity_tables import _name_before

    if second == "money":
        anchors = [(k, 1) for k, w in enumerate(words) if k and _AMOUNT.fullmatch(w)]
    else:
        anchors = [(k, n) for k, w in enumerate(words) if k and (n := 1 if w in codes else _focus_at(words, k, extra))]
    if len(anchors) < 2:
        return []
    # (the cell after each code in lower case, "A alle beboere Nordsjællands Politi": each name's last word is
    # followed by a code, and the row before's partners end in capitals: read the name after them)
    lower = second != "money" and sum(k + n < len(words) and words[k + n][:1].islower() for k, n in anchors) * 2 \
        > len(anchors)
    names, prev = [], 0
    for j, (k, n) in enumerate(anchors):
        lo = _after_cell(words, prev, k)
        light = max((q + 1 for q in range(prev, k - 1) if _STATUS_WORD.fullmatch(words[q])), default=None) \
            if status_last and j else None
        if light is not None and words[light][:1].isupper():
            names.append((light, " ".join(words[light:k])))  # the cell after the traffic light is the name
        else:
            name = " ".join(words[:k]) if not j else _name_before(words, lo, k, lower)
            names.append((k - len(name.split()) if name else k, name))
        prev = k + n
    rows = []
    for j, ((k, n), (_, name)) in enumerate(zip(anchors, names)):
        stop = names[j + 1][0] if j + 1 < len(anchors) and status_last else \
            anchors[j + 1][0] if j + 1 < len(anchors) else len(words)
        focus = None if second == "money" else codes.get(words[k]) or " ".join(words[k:k + n])
        if name and len(name.split()) <= MAX_NAME_WORDS:
            rows.append((name, focus, " ".join(words[k + n:stop])))
    return rows


# a status column's code after each row's name: a traffic light ("G", "Gu", "R"; "Grøn", "Gul", "Rød")
# or yes/no
_CODE_CELL = re.compile(r"(?:[A-HJ-ZÆØÅ][a-zæøå]?|[Gg]røn|[Gg]ul|[Rr]ød|[Jj]a|[Nn]ej"
                        # (a status in words: "På sporet", "Forsinket", "Afsluttet", "Ny 2025")
                        r"|På sporet|I gang|I drift|Forsinket|Afsluttet|Gennemført|Igangsat|Udsat|Planlagt|Aflyst)")
# a status of two words, joined into one cell before the codes are looked for
_TWO_WORD_STATUS = {("På", "sporet"), ("I", "gang"), ("I", "drift")}


def _coded_rows(words: list[str]) -> list[tuple[str, str | None, str]]:
    """Rows whose name comes first and a status code second ("Lektiecafé Ejby G 64 børn
    Ejbyskolen, ... Sprogleg for småbørn Gu 22 familier ..."): the codes, four kinds at most
    and three rows or more, anchor the rows; a row's name is the words before its code (the
    first after the rest of the head row: heads and years)."""
    from samspil.loaders.extract.activity_tables import _name_before
    from samspil.loaders.extract.tables import column_kind

    words = _joined_statuses(words)
    anchors = [k for k in range(1, len(words)) if _CODE_CELL.fullmatch(words[k])
               and (words[k - 1][:1].isalpha() or words[k - 1].endswith(")")) and not words[k - 1].endswith((",", ".", ":", ";"))]
    if len(anchors) < 3 or len({words[k].casefold() for k in anchors}) > 4:
        return []
    first = 0
    while first < anchors[0] and (words[first].isdigit() or column_kind(words[first]) is not None
                                  or set(words[first]) <= set("-=_+|")):  # (an ASCII table's rule under its head)
        first += 1  # (the head row's cells after the ones read: "Deltagere 2022 Samarbejdspartnere")
    ends = [_before_remark(words, k) for k in anchors]  # ("Ejby Madklub (ny i 2022) G": the name before its remark)
    names = [" ".join(words[first:ends[0]])] + [_name_before(words, a + 1, e) or "" for a, e in zip(anchors, ends[1:])]
    rows = []
    for j, (k, name) in enumerate(zip(anchors, names)):
        stop = ends[j + 1] - len(names[j + 1].split()) if j + 1 < len(anchors) else len(words)
        if name and len(name.split()) <= MAX_NAME_WORDS and name[:1].isupper():
            rows.append((name, None, " ".join(words[k:stop])))  # (the code first)
    return rows if len(rows) >= 3 else []


def _joined_statuses(words: list[str]) -> list[str]:
    """``words`` with each status of two words one word ("På sporet")."""
    if not any((a, b) in _TWO_WORD_STATUS for a, b in zip(words, words[1:])):
        return words
    out: list[str] = []
    for w in words:
        if out and (out[-1], w) in _TWO_WORD_STATUS:
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return out


def _before_remark(words: list[str], k: int) -> int:
    """Where a remark in brackets that ends right before ``words[k]`` starts (``k`` when none)."""
    if words[k - 1].endswith(")"):
        for j in range(k - 1, max(0, k - 6), -1):
            if words[j].startswith("("):
                return j
    return k


def _target_second(words: list[str]) -> list[tuple[str, str | None, str]]:
    """Rows whose name comes first and the target group second ("Lektieklubben Skolestien Skolebørn 6-12 år
    BSM; Galten Skole og Røde Kors Skanderborg Skolebroen til EUD Unge 14-19 år ..."): the target cells, told
    by their group word, anchor the rows (three at least); a row's name is the words before its target cell
    after the row before's last cell (``activity_tables._name_before``), the first row's all words before it."""
    from samspil.loaders.extract.activity_tables import _name_before, _starts_target

    end = next((k for k, w in enumerate(words) if w.endswith(":") or w.isupper() and w.isalpha() and len(w) > 3),
               len(words))
    words = words[:end]  # (the table ends at a field's key or a heading in capitals: "Mål:", "DELAFTALE 2")
    anchors = [k for k in range(1, len(words)) if _starts_target(words, k)]
    if len(anchors) < 3:
        return []
    rows, names, prev = [], [], 0
    for j, k in enumerate(anchors):
        name = " ".join(words[:k]) if not j else _name_before(words, prev + 1, k)
        parts = name.split() if name else []
        if (cut := [n for n, w in enumerate(parts) if n and _lower_group(w)]) and cut[-1] + 1 < len(parts):
            name = " ".join(parts[cut[-1] + 1:])  # "Østjylland kvinder Fællesspisning Ulvehøjen": the target cell's
            # wrapped rest ("Voksne beboere, særligt" + "kvinder") before the name
        names.append((k - len(name.split()) if name else k, name))
        prev = k
    for j, (k, (_, name)) in enumerate(zip(anchors, names)):
        stop = names[j + 1][0] if j + 1 < len(names) else len(words)
        if not name or len(name.split()) > MAX_NAME_WORDS or name.endswith(("-", ":")) \
                or name.split()[-1] in _BEFORE_GROUP:  # ("Natteravne og" + "gårdværter": a name wrapped in its cell)
            return []  # (a row not read: the table is left to the other readers)
        rows.append((name, None, " ".join(words[k:stop])))
    return rows


def _lower_group(word: str) -> bool:
    """A target group's word in lower case ("kvinder", "unge")?"""
    from samspil.loaders.extract import targets

    return word[:1].islower() and (_group_opener(word) or bool(targets.classify(word)))


def _after_cell(words: list[str], lo: int, hi: int) -> int:
    """Past the cell that follows a row's second cell, when it reads as a phrase ("kr.", then a
    capital and words in lower case or numbers: "Alle beboere", "Unge 14-20 år")."""
    if lo < hi and words[lo].lower() in ("kr.", "kr", "mio.", "%"):
        lo += 1
    if lo + 1 < hi and words[lo][:1].isupper() and (words[lo + 1][:1].islower() or words[lo + 1][:1].isdigit()):
        lo += 1
        while lo < hi - 1 and (words[lo][:1].islower() or words[lo][:1].isdigit()):
            lo += 1
    return lo


def table_rows(piece: str) -> list[tuple[str, int]] | None:
    """A flattened activity table that starts ``piece`` (its head row first) as rows with tabs
    between cells, each with its offset in ``piece``, when every row's cells can be told: the
    name and focus area as :func:`flat_rows` finds them, then a target group (a capital and the
    words in lower case or numbers after it) and the partners up to a trailing amount or focus
    area. None when they cannot (the table is then read as a line: activity_tables.py)."""
    from samspil.loaders.extract.tables import column_kind
    from samspil.loaders.space_tables import head_run

    found = head_run(piece, 0)
    rows = flat_rows(piece) if found else []
    if not rows:
        return None
    end, cells = found
    kinds = [column_kind(c) for c in cells]
    after = [k for k in kinds[kinds.index("activity") + 1:] if k not in (*_FOCUS_KINDS, "money")]
    coded = after[:1] == ["description"] and kinds[1] == "description"  # (a status code after the name: _coded_rows)
    after = after[1:] if coded else after
    if after not in (["target", "partner"], ["target"]) and (after != ["partner"] or kinds[0] not in _FOCUS_KINDS):
        return None  # (partners alone after the name: only where each row opens with its area, which ends the row before)
    out, pos = [("\t".join(cells), 0)], end
    for name, focus, rest in rows:
        code, rest = rest.split(" ", 1) if coded and " " in rest else ("", rest)
        target, partners = _target_and_partners(rest) if after[0] == "target" else ("", rest)
        values = {"activity": name, "target": target, "partner": partners, "focus_area": focus or "",
                  "district": focus or "", "zone": focus or "", "description": code}
        at = piece.find(name, pos)
        pos = max(pos, at)
        out.append(("\t".join(values.get(k, "") for k in kinds), max(at, 0)))
    return out


def _target_and_partners(rest: str) -> tuple[str, str]:
    words = rest.split()
    while words and words[0].lower() in ("kr.", "kr", "mio.", "%"):
        words = words[1:]  # (the rest of an amount's cell)
    k = 1
    while k < len(words) and (words[k][:1].islower() or words[k][:1].isdigit()):
        k += 1
    tail = words[k:]
    while tail and (_AMOUNT.fullmatch(tail[-1]) or tail[-1].lower() in ("kr.", "kr")):
        tail = tail[:-1]  # a budget cell after the partners
    if tail and (n := max((len(f) for f in _known_focus() if tuple(tail[-len(f):]) == f), default=0)):
        tail = tail[:-n]  # a focus area's cell after them
    return " ".join(words[:k]), " ".join(tail)
