"""The templates' field labels written without their colon, read with it.

The LBF templates are Word tables: a label in the left cell ("Aktivitetsnavn",
"Målgruppe(r)", "Aftalens parter", "Kontaktperson"), its value in the right one. Many
municipalities' copies leave the colon out, and the table then reaches us as one cell
per line, as a row read across, or with a whole page on one line::

    Aktivitetsnavn                       Aktivitetsnavn Lektiecafé Nørrebakken
    Lektiecafé Nørrebakken               Målgruppe(r) Skolebørn 7-14 år
    Målgruppe(r)
    Skolebørn 7-14 år                    ... Aktivitetsnavn Ungejob Målgruppe(r) Unge 15-24 år ...

In a text that writes at least two of the templates' field labels this way (one of them
an activity's name or its target groups, or the parties), each such label gets its colon:
a line that is only the label, and a label inside a line that a capitalised value follows
("Aktivitetsnavn: Lektiecafé Nørrebakken"), so the fields read as the templates' usual
"Label:" form (:func:`bare_label_lines`). Labels in tab-separated rows are left to the table readers; labels that
have their colon, or that run on in a sentence ("målgruppen er ..."), are not touched.

A label's word misspelt by one letter ("Kontakperson:", "Aktivitesnavn:", "Samarbejdspatnere:":
one letter left out, added, changed or two swapped), capitalised and with its colon, is
written as the label (``_typo_edits``).

Other templates name the same fields in more words ("Målgruppe for aktiviteten:",
"Indsatsens titel:", "Involverede partnere:", "Ansvarlig for indsatsen:"); such a label,
capitalised and with its colon, is written as the LBF template's
(``_synonym_edits``).

A web page's fields, each a block of its own, copied without a break between them run
into the word before them ("Lektiecafé LanghøjMålgruppe for aktiviteten: børn ...
klasseSamarbejdsparter: ..."): a template's label with its colon right after a small
letter starts a line of its own (:func:`glued_label_lines`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

__all__ = ["bare_label_lines", "fact_label_edits", "glued_label_lines", "record_label_edits", "template_label_lines"]

# the labels whose words do not open a sentence or a name: the field names of the
# templates' tables (an activity's name, its target groups, partners, the parties, contacts)
_KEY = (r"Aktivitetsnavn|Aktivitetens navn|Navn på aktiviteten|Projektnavn|Projektets navn"
        r"|Målgruppe\(r\)|Målgrupper|Målgruppe|Malgruppe\(r\)"
        r"|Delaftalens parter|Samarbejdsaftalens parter|Aftalens parter|Parter(?:ne)? i (?:del)?aftalen"
        r"|Kontaktperson\(er\)|Kontaktpersoner|Kontaktperson"
        r"|Samarbejdspartnere|Partnere")
_OTHER = r"Formål|Aftaleperiode|Periode|Indsatsområde|Områdets navn|Indsatsens navn"  # (counted only beside a key label)
# a bare label: after a line's start or white space, not in a word, with no colon after
# it, and followed by the end of the line or by a capitalised value or a number
# (the label first, its literal openings let the engine skip to them; the white space or line start
# before it is told after: a look-behind in front would be tried at every character)
_BARE = re.compile(r"(?P<label>" + _KEY + "|" + _OTHER + r")(?P<end>[ \t]*$|(?=\s+[A-ZÆØÅ0-9\"«“]))", re.M)
_KEYS = re.compile(_KEY)
# a heading's counter after the label ("Indsatsområde A – Beskæftigelse", "Målgruppe 2: ...")
_COUNTER = re.compile(r"[ \t]+(?:[A-H]|\d{1,2}|[IVX]{1,4})(?:[.:)]|\s+[–-]|\s*$)"
                      r"(?!\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b)")
_LABELLED = re.compile(r"[ \t]+[A-ZÆØÅ][\wæøå-]*(?:[ \t]+[\wæøå-]+){0,3}[ \t]*:")
MIN_LABELS = 2


# the words the labels of this module open with, found in one scan of the text (the patterns are
# then tried only where one stands: a pattern tried at every character cost ~1% of a document's reading)
_OPENING = re.compile("Aktivitet|Navn på|Projekt|Målgrupp|Malgrupp|Delaftale|Samarbejds|Aftale|Parter|Kontakt|Partnere"
                      "|Formål|Periode|Indsats|Involverede|Øvrige|Eksterne|Lokale|Ansvarlig|Tovholder|Beskrivelse|Indhold"
                      "|Områdets")


def template_label_lines(lines: Sequence[str]) -> tuple[list[str], bool]:
    """``lines`` with other templates' words for a label written as the LBF template's
    (``_synonym_edits``) and the labels written without a colon given one
    (:func:`bare_label_lines`), from one scan of the text; and whether some label word runs
    into the word before it (then :func:`glued_label_lines` is worth its search)."""
    text = "\n".join(lines)
    openings = [m.start() for m in _OPENING.finditer(text)]
    glued = any(at and text[at - 1] in _LOWER for at in openings)
    paragraphs = _paragraphs(lines)
    edits = _synonym_edits(text, openings) + _bare_edits(text, openings) + _typo_edits(text)
    edits += _record_edits(text, openings, paragraphs) + _fact_edits(text, paragraphs)
    return _edited(lines, sorted(set(edits))), glued


def _edited(lines: Sequence[str], edits: list[tuple[int, int, str]]) -> list[str]:
    """``lines`` with each (start, end, new text) of their joined text made (only the lines
    holding one are rewritten; a colon is not put into a table's row: its cells are read as cells)."""
    if not edits:
        return list(lines)
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    out = list(lines)
    for a, b, new in sorted(edits, reverse=True):  # (from the end: each edit's offsets hold)
        k = bisect_right(starts, a) - 1
        if new == ":" and ("\t" in lines[k] or "|" in lines[k]):
            continue
        out[k] = out[k][:a - starts[k]] + new + out[k][b - starts[k]:]
    return out


def bare_label_lines(lines: Sequence[str]) -> list[str]:
    """``lines`` with the templates' labels written without a colon given one (see the
    module's doc)."""
    text = "\n".join(lines)
    return _edited(lines, _bare_edits(text, [m.start() for m in _OPENING.finditer(text)]))


def _bare_edits(text: str, openings: list[int]) -> list[tuple[int, int, str]]:
    """(at, at, ":") for each bare label: where a colon goes."""
    hits = [m for at in openings if (not at or text[at - 1].isspace()) and (m := _BARE.match(text, at))
            and _bare(text, m)]
    kinds = {m.group("label").lower() for m in hits}
    if len(kinds) < MIN_LABELS or not any(_KEYS.fullmatch(m.group("label")) for m in hits):
        return []
    return [(m.end("label"), m.end("label"), ":") for m in hits]


def _bare(text: str, m: re.Match) -> bool:
    """Is this a label standing for a field: alone on its line, or heading a line or a
    unit of a run-on line (not the last words of a sentence)?"""
    at = m.start()
    after = text[m.end():m.end() + 40]
    words = after.split(None, 1)
    if words and words[0].lower().strip(".,:;") in _HEADS or _COUNTER.match(after) or after[:2] == "  " \
            or _LABELLED.match(after):
        return False  # (a table's head row: "Aktivitet Indsatsområde Målgruppe"; "Indsatsområde A – X";
        # a heading over labelled entries: "Kontaktpersoner Boligsocial medarbejder: X")
    line_start = text.rfind("\n", 0, at) + 1
    if at == line_start or not text[line_start:at].strip(" *_#•-–"):
        return True
    if not m.group("end").strip(" \t") and m.end() < len(text) and text[m.end()] in "\n \t" \
            and not text[m.end():m.end() + 40].split("\n", 1)[0].strip():
        return False  # (a line's last words, not a field's: "Tabel 2. Kontaktpersoner")
    if text[at - 2:at] == "  ":
        return False  # (a column of a table laid out with spaces)
    # inside a line: a whole page run together; the label follows a value, not a
    # preposition or an article ("... for Målgruppe ...", "... og Partnere ..."), nor
    # another column's head
    before = text[max(line_start, at - 30):at].split()
    return bool(before) and before[-1].lower() not in _GLUE and before[-1].lower().strip(".,:;") not in _HEADS


# the words a table's head row is made of (a label beside one of these is a column's head)
_HEADS = frozenset({"aktivitet", "aktiviteter", "aktivitetsnavn", "aktivitetens", "indsatsområde", "indsatsområder",
                    "målgruppe", "målgrupper", "målgruppe(r)", "samarbejdspartnere", "partnere", "partner", "formål",
                    "periode", "tidsplan", "økonomi", "budget", "ansvarlig", "ansvar", "status", "zone", "zoner",
                    "kontaktperson", "kontaktpersoner", "tovholder", "mål", "succeskriterier", "beskrivelse", "indhold",
                    "omfang", "afdeling", "afdelinger", "område", "organisation", "projekt", "navn", "titel"})
_GLUE = frozenset({"og", "eller", "for", "til", "med", "af", "i", "på", "de", "den", "det", "en", "et", "som", "vores",
                   "samt", "hvor", "fra", "om", "alle", "nye", "øvrige", "andre", "flere", "fælles", "vores"})


# other templates' words for the LBF template's field labels (capitalised, before a colon; also
# run into the word before them: glued_label_lines cuts there)
_SYNONYMS = {
    "Målgruppe(r)": r"Målgrupp(?:e|en|er)\s+for\s+(?:aktiviteten|indsatsen|projektet|tilbuddet|tiltaget|forløbet)",
    "Aktivitetsnavn": r"Indsatsens\s+titel",
    "Samarbejdspartnere": r"(?:(?:Involverede|Øvrige|Eksterne|Lokale)\s+(?:samarbejds)?partnere"
                          r"|Partnere\s+i\s+(?:aktiviteten|indsatsen|projektet))",
    "Ansvarlig for aktiviteten": r"Ansvarlig\s+for\s+(?:indsatsen|projektet|tilbuddet|tiltaget)",
}
_SYNONYM = re.compile(r"(?:" + "|".join(f"(?P<g{k}>{p})" for k, p in enumerate(_SYNONYMS.values())) + r")(?=[ \t]*:)")
_BEFORE_LABEL = re.compile(r"[\sa-zæøå0-9)]")  # (what may come before such a label: told after the match)
_CANONICAL = list(_SYNONYMS)


# "Samarbejdsparter:" names the agreement's parties on its own, an activity's partners among
# the activity's fields (after its name or target-group label, within a few lines)
_COOPERATING = re.compile(r"Samarbejdsparter(?=[ \t]*:)")
_ACTIVITY_FIELD = re.compile(r"(?i:aktivi\w{0,6}navn|projekt(?:ets)?\s?navn|målgruppe|aktivitet\s*:)")


_SYNONYM_FIRST = ("Målgrupp", "Indsatsens", "Involverede", "Øvrige", "Eksterne", "Lokale", "Partnere", "Ansvarlig",
                  "Samarbejdsparter")


def _label_start(text: str, at: int) -> bool:
    """A label may start at ``at``: the text's start, or after white space or the word it ran into."""
    return not at or _BEFORE_LABEL.match(text, at - 1) is not None


def _synonym_edits(text: str, openings: list[int]) -> list[tuple[int, int, str]]:
    """(start, end, the LBF template's label) for each label written in other words."""
    edits = []
    for at in openings:
        if text.startswith(_SYNONYM_FIRST, at) and _label_start(text, at):
            if m := _SYNONYM.match(text, at):
                edits.append((m.start(), m.end(), _CANONICAL[int(m.lastgroup[1:])]))
            elif (m := _COOPERATING.match(text, at)) and _ACTIVITY_FIELD.search(text, max(0, at - 300), at):
                edits.append((m.start(), m.end(), "Samarbejdspartnere"))
    return edits


def _glued_pattern() -> re.Pattern[str]:
    from samspil.loaders.labels import _LABEL_OPENINGS, LABELS

    return re.compile(_LABEL_OPENINGS + "(?P<label>" + "|".join(LABELS) + ")")


# (a text where none of :data:`_OPENING`'s words runs into the word before it has no label that does:
# a web page's fields run together all alike; template_label_lines tells)
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyzæøå0123456789)")


# a small letter, a digit or a bracket and a capital right after it: where a label may run into a word
# (rare in running text: the label is tried at these places only)
# (or a capital of an abbreviation before a capitalised word: "... driftslederne i BT og BKAktivitet: ...")
_TRANSITION = re.compile(r"[a-zæøå0-9)][A-ZÆØÅ]|[A-ZÆØÅ](?=[A-ZÆØÅ][a-zæøå])")


_GLUED: list[re.Pattern[str]] = []


def glued_label_lines(lines: Sequence[str], origins: Sequence) -> tuple[list[str], list]:
    """``lines`` (with their ``origins``) cut before each template label with its colon that
    runs into the word before it (see the module's doc); one search of the whole text."""
    if not _GLUED:
        _GLUED.append(_glued_pattern())
    text = "\n".join(lines)
    cuts = [m.start() for at in _TRANSITION.finditer(text) if (m := _GLUED[0].match(text, at.start() + 1))
            and (":" in m.group("label") or text[m.end():m.end() + 2].lstrip(" ")[:1] == ":")]
    if not cuts:
        return list(lines), list(origins)
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    by_line: dict[int, list[int]] = {}
    for at in cuts:
        k = bisect_right(starts, at) - 1
        by_line.setdefault(k, []).append(at - starts[k])
    out: list[str] = []
    orig: list = []
    for k, (line, origin) in enumerate(zip(lines, origins)):
        last = 0
        for at in by_line.get(k, ()):
            out.append(line[last:at])
            orig.append(origin)
            last = at
        out.append(line[last:])
        orig.append(origin)
    return out, orig


# the templates' one-word labels a misspelling by one letter is read as (eight letters or more:
# a shorter word one letter from a label is too often another word)
_TYPO_LABELS = ("Kontaktperson", "Kontaktpersoner", "Aktivitetsnavn", "Samarbejdspartnere", "Samarbejdspartner",
                "Målgruppe", "Målgrupper", "Indsatsområde", "Indsatsområder", "Tovholder", "Projektleder",
                "Underskrifter", "Underskrift", "Aktivitetsansvarlig", "Målsætning", "Samarbejdsparter")
_typos: dict[str, str | None] = {}


def _one_letter_off(word: str, label: str) -> bool:
    """``word`` is ``label`` with one letter left out, added, changed, or two neighbours swapped."""
    if abs(len(word) - len(label)) > 1 or word == label:
        return False
    i = 0
    while i < min(len(word), len(label)) and word[i] == label[i]:
        i += 1
    if len(word) == len(label):
        return word[i + 1:] == label[i + 1:] or (word[i + 2:] == label[i + 2:] and word[i:i + 2] == label[i + 1::-1][:2])
    return word[i + 1:] == label[i:] if len(word) > len(label) else word[i:] == label[i + 1:]


def _typo_label(word: str) -> str | None:
    if (known := _typos.get(word, "")) != "":
        return known
    found = next((label for label in _TYPO_LABELS if _one_letter_off(word, label)), None) \
        if 8 <= len(word) <= 20 and word not in _TYPO_LABELS else None
    if len(_typos) < 20_000:
        _typos[word] = found
    return found


def _typo_edits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the label) for each label misspelt by one letter: a capitalised word
    right before a colon (looked at colon by colon: no pattern tried at every character)."""
    edits = []
    at = text.find(":")
    while at > 0:
        words = text[max(0, at - 21):at].rsplit(None, 1)
        word = words[-1] if words else ""
        end = at
        if word.isdigit() and len(word) <= 2 and (before := text[max(0, at - 25):at - len(word)].rstrip(" ")) \
                and before[-1:].isalpha():  # "Indsatsomårde 2: Børn og familier": the label before its number
            end = at - len(word) - (len(text[:at - len(word)]) - len(text[:at - len(word)].rstrip(" ")))
            words = before.rsplit(None, 1)
            word = words[-1] if words else ""
        if 8 <= len(word) <= 20 and word[0].isupper() and (label := _typo_label(word)) \
                and word.replace("(", "").replace(")", "").isalpha():
            edits.append((end - len(word), end, label))
        at = text.find(":", at + 1)
    return edits


# A fact sheet's records run onto one line, each field's label without its colon and the
# same labels in the same order in every record: "Aktivitet Lektiehjørnet Status Kører
# Målgruppe børn i 1.-6. klasse Partnere Askov-Malt Skole Aktivitet Familieklub Skovly
# Status ...". A value may start with a small letter, so the single-label rule above does
# not see them; the repetition tells them: where one record-name label ("Aktivitet",
# "Projekt", ...) opens two or more stretches holding the same other labels in the same order,
# each with a value, every one of those labels gets its colon.
_RECORD_NAMES = ("Aktivitetsnavn", "Aktivitet", "Delaktivitet", "Projektnavn", "Projekt", "Tiltag")
_RECORD_FIELDS = re.compile(  # (the words first, the space before them told after: as _FACT_KEYS)
    r"(?P<label>Aktivitetsnavn|Aktivitet|Delaktivitet|Projektnavn|Projekt|Tiltag"
    r"|Indsatsområde|Målgruppe\(r\)|Målgrupper|Målgruppe|Samarbejdspartnere|Samarbejdspartner|Partnere|Partner"
    r"|Status|Ansvarlig|Tovholder|Formål|Beskrivelse|Indhold|Tidsplan|Periode|Deltagere|Sted|Tidspunkt|Mål"
    r"|Succeskriterier|Resultater|Økonomi|Budget|Kontakt|Kontaktperson)(?=[ \t]+[^\s:–-])")
_RECORD_OPENING = re.compile(r"(?:Aktivitetsnavn|Aktivitet|Delaktivitet|Projektnavn|Projekt|Tiltag)(?=[ \t]+[^\s\d:–-])")
# (a record's name label bare before its value: not "Aktivitetsnavn:", "Aktivitet 1.1", "Projektets")
MAX_VALUE_WORDS = 40
_LONGER_LABEL = re.compile(r"[ \t]+[a-zæøå][\wæøå-]*(?:[ \t]+[\wæøå-]+){0,2}[ \t]*:")  # ("Ansvarlig part: X": a label of
# more words, with its colon)
# a heading's label and counter, not a field ("Indsatsområde 2 · Beskæftigelse", "Aktivitet 1.1 – X")
_HEADING_LABELS = frozenset({"Aktivitet", "Delaktivitet", "Projekt", "Tiltag", "Indsatsområde"})
_HEADING_COUNTER = re.compile(r"[ \t]+(?:\d{1,2}(?:\.\d{1,2})*|[A-H]|[IVX]{1,4})(?:[.:)]|[ \t]+[–·-]|[ \t]*$)")


def record_label_edits(line: str) -> list[tuple[int, int, str]]:
    """(at, at, ":") after each label of the records one ``line`` runs together (see above)."""
    hits = [(m.start(), m.end(), m.group("label")) for m in _RECORD_FIELDS.finditer(line)
            if (not m.start() or line[m.start() - 1].isspace()) and not (m.group("label") in _HEADING_LABELS and _HEADING_COUNTER.match(line, m.end()))
            and not _LONGER_LABEL.match(line, m.end())]
    edits: list[tuple[int, int, str]] = []
    for name in _RECORD_NAMES:
        starts = [k for k, hit in enumerate(hits) if hit[2] == name]
        if len(starts) < 2:
            continue
        records = [(a, b) for a, b in zip(starts, starts[1:] + [len(hits)])]
        shapes = [tuple(hit[2] for hit in hits[a + 1:b]) for a, b in records]
        run: list[int] = []
        for k, shape in enumerate(shapes):
            last = k == len(shapes) - 1
            fits = bool(run) and (shape == shapes[run[0]] or (last and shape[:len(shapes[run[0]])] == shapes[run[0]]))
            if not fits:
                if len(run) >= 2:
                    break
                run = [k]
                continue
            run.append(k)
        if len(run) < 2 or not shapes[run[0]] or name in shapes[run[0]]:
            continue
        width = len(shapes[run[0]]) + 1
        chosen = [hits[records[k][0] + j] for k in run for j in range(width)]
        ends = [hit[0] for hit in chosen[1:]] + [len(line)]
        if all(0 < len(line[hit[1]:end].split()) <= MAX_VALUE_WORDS for hit, end in zip(chosen[:-1], ends[:-1])):
            edits += [(hit[1], hit[1], ":") for hit in chosen]
        break
    return edits


def _paragraphs(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) in the lines' joined text of each paragraph: lines without a blank one between them."""
    spans: list[tuple[int, int]] = []
    at = 0
    start = None
    for line in lines:
        if line.strip():
            start = at if start is None else start
        elif start is not None:
            spans.append((start, at - 1))
            start = None
        at += len(line) + 1
    if start is not None:
        spans.append((start, at - 1))
    return spans


def _record_edits(text: str, openings: list[int], paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """:func:`record_label_edits` on each paragraph where a record-name label opens twice or more."""
    starts = [a for a, _ in paragraphs]
    seen: dict[int, int] = {}
    for at in openings:
        if (not at or text[at - 1].isspace()) and _RECORD_OPENING.match(text, at):
            k = bisect_right(starts, at) - 1
            seen[k] = seen.get(k, 0) + 1
    edits = []
    for k, count in seen.items():
        if count >= 2 and k >= 0:
            start, end = paragraphs[k]
            edits += [(start + a, start + b, new) for a, b, new in record_label_edits(text[start:end])]
    return edits


# A plan's fact box (its name, period, municipality, housing organisations, departments,
# focus areas, staff) run onto one line with its keys' colons lost: "Helhedsplan Askovbyen
# Sammen Periode 1. januar 2023 – 31. december 2026 Kommune Vejen Kommune Boligorganisationer
# Boligselskabet Askovhus (AHS) Boligafdelinger Skovly (AHS afd. 3) – 166 lejemål ...".
# Where three or more different keys stand close together, each before a value that opens
# with a capital or a digit and is not itself a key, each gets its colon. "Kommune" is a key
# only before a municipality's name ("Kommune Vejen Kommune"): else it ends one.
_FACT_KEYS = re.compile(  # (the words first: the engine skips to their first letters; the space before told after)
    r"(?P<key>Indsatsens navn|Helhedsplanens navn|Planens navn|Indsatsens titel|Helhedsplan|Boligsocial indsats"
    r"|Boligorganisationer|Boligorganisation|Boligselskaber|Boligafdelinger|Afdelinger|Boligområde|Område"
    r"|Aftaleperiode|Indsatsperiode|Projektperiode|Periode|Indsatsområder|Boligsocial leder|Kommunal kontakt"
    r"|Kommunal koordinator|Kontaktperson|Parter|Kommune)(?=[ \t]+[A-ZÆØÅ0-9])")
_MUNICIPALITY_AFTER = re.compile(r"[ \t]+[A-ZÆØÅ][\wæøå-]+(?:[ -][A-ZÆØÅ][\wæøå-]+)?[ \t]+Kommune\b")
MIN_FACT_KEYS = 3  # (four, or three with every value short)
MAX_FACT_GAP = 180  # (characters from one key to the next in one box)
MAX_SHORT_GAP = 120
# a section's number before the word: a heading, not a key ("3. Aftaleperiode", "§ 1 Parter")
_NUMBERED_BEFORE = re.compile(r"(?:(?<!\S)(?:§[ \t]*)?\d{1,2}(?:\.\d{1,2})*\.?|[A-H]\.|\d{1,2}\))[ \t]+$")
MIN_FACT_TEXT = 60  # (a paragraph shorter than three keys and their values holds no box)


def fact_label_edits(line: str) -> list[tuple[int, int, str]]:
    """(at, at, ":") after each key of the fact boxes ``line`` runs together (see above)."""
    keys = [m for m in _FACT_KEYS.finditer(line) if (not m.start() or line[m.start() - 1].isspace())
            and (m.group("key") != "Kommune" or _MUNICIPALITY_AFTER.match(line, m.end()))
            and not _NUMBERED_BEFORE.search(line, max(0, m.start() - 8), m.start())]
    starts = {m.start() for m in keys}
    keys = [m for m in keys if (m.end() + 1 not in starts)]  # (a key's value is not the next key)
    edits: list[tuple[int, int, str]] = []
    box: list[re.Match] = []
    for m in keys + [None]:
        if m is not None and (not box or m.start() - box[-1].end() <= MAX_FACT_GAP):
            box.append(m)
            continue
        kinds = len({k.group("key") for k in box})
        if kinds >= MIN_FACT_KEYS + 1 or kinds == MIN_FACT_KEYS and all(
                b.start() - a.end() <= MAX_SHORT_GAP for a, b in zip(box, box[1:])):
            edits += [(k.end(), k.end(), ":") for k in box]
        box = [m] if m is not None else []
    return edits


def _fact_edits(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """:func:`fact_label_edits` on each paragraph (offsets in the lines' joined text)."""
    edits = []
    for start, end in paragraphs:
        if end - start < MIN_FACT_TEXT:
            continue
        para = text[start:end]  # (sliced once, not once a hint)
        if sum(hint in para for hint in _FACT_HINTS) >= 2:
            edits += [(start + a, start + b, new) for a, b, new in fact_label_edits(para)]
    return edits


# words two of which a fact box holds (looked for as strings first: the keys' pattern is tried only where they stand)
_FACT_HINTS = ("Boligorganisation", "fdelinger", "Indsatsområder", "periode", "Indsatsens navn", "Boligsocial leder",
               "Kommunal k", "Parter", "Helhedsplan", "Kontaktperson", "Boligområde")
