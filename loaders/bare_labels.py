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

Other templates name the same fields in more words ("Målgruppe for aktiviteten:",
"Indsatsens titel:", "Involverede partnere:", "Ansvarlig for indsatsen:"); such a label,
capitalised and with its colon, is written as the LBF template's
(:func:`synonym_label_lines`).

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

__all__ = ["bare_label_lines", "glued_label_lines", "synonym_label_lines"]

# the labels whose words do not open a sentence or a name: the field names of the
# templates' tables (an activity's name, its target groups, partners, the parties, contacts)
_KEY = (r"Aktivitetsnavn|Aktivitetens navn|Navn på aktiviteten|Projektnavn|Projektets navn"
        r"|Målgruppe\(r\)|Målgrupper|Målgruppe|Malgruppe\(r\)"
        r"|Delaftalens parter|Samarbejdsaftalens parter|Aftalens parter|Parter(?:ne)? i (?:del)?aftalen"
        r"|Kontaktperson\(er\)|Kontaktpersoner|Kontaktperson"
        r"|Samarbejdspartnere|Partnere")
_OTHER = r"Formål|Aftaleperiode|Periode|Indsatsområde"  # (counted only beside a key label)
# a bare label: after a line's start or white space, not in a word, with no colon after
# it, and followed by the end of the line or by a capitalised value or a number
_BARE = re.compile(r"(?:^|(?<=\s))(?P<label>" + _KEY + "|" + _OTHER + r")(?P<end>[ \t]*$|(?=\s+[A-ZÆØÅ0-9\"«“]))",
                   re.M)
_KEYS = re.compile(_KEY)
# a heading's counter after the label ("Indsatsområde A – Beskæftigelse", "Målgruppe 2: ...")
_COUNTER = re.compile(r"[ \t]+(?:[A-H]|\d{1,2}|[IVX]{1,4})(?:[.:)]|\s+[–-]|\s*$)"
                      r"(?!\s*(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b)")
_LABELLED = re.compile(r"[ \t]+[A-ZÆØÅ][\wæøå-]*(?:[ \t]+[\wæøå-]+){0,3}[ \t]*:")
MIN_LABELS = 2


def bare_label_lines(lines: Sequence[str]) -> list[str]:
    """``lines`` with the templates' labels written without a colon given one (see the
    module's doc); found by one search of the whole text, only the lines holding one are
    rewritten."""
    text = "\n".join(lines)
    hits = [m for m in _BARE.finditer(text) if _bare(text, m)]
    kinds = {m.group("label").lower() for m in hits}
    if len(kinds) < MIN_LABELS or not any(_KEYS.fullmatch(m.group("label")) for m in hits):
        return list(lines)
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    out = list(lines)
    by_line: dict[int, list[int]] = {}
    for m in hits:
        by_line.setdefault(bisect_right(starts, m.start()) - 1, []).append(m.end("label"))
    for k, ends in by_line.items():
        line = lines[k]
        if "\t" in line or "|" in line:
            continue  # (a table's row: its cells are read as cells)
        for at in sorted(ends, reverse=True):
            at -= starts[k]
            out[k] = out[k][:at] + ":" + out[k][at:]
    return out


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
_SYNONYM = re.compile(r"(?:^|(?<=[\sa-zæøå0-9)]))(?:" + "|".join(f"(?P<g{k}>{p})" for k, p in enumerate(_SYNONYMS.values()))
                      + r")(?=[ \t]*:)", re.M)
_CANONICAL = list(_SYNONYMS)


# "Samarbejdsparter:" names the agreement's parties on its own, an activity's partners among
# the activity's fields (after its name or target-group label, within a few lines)
_COOPERATING = re.compile(r"(?:^|(?<=[\sa-zæøå0-9)]))Samarbejdsparter(?=[ \t]*:)", re.M)
_ACTIVITY_FIELD = re.compile(r"(?i:aktivi\w{0,6}navn|projekt(?:ets)?\s?navn|målgruppe|aktivitet\s*:)")


def synonym_label_lines(lines: Sequence[str]) -> list[str]:
    """``lines`` with other templates' words for a field's label written as the LBF
    template's ("Målgruppe for aktiviteten:" -> "Målgruppe(r):"); one search of the text."""
    text = "\n".join(lines)
    hits = list(_SYNONYM.finditer(text))
    if "Samarbejdsparter" in text:
        hits = sorted(hits + [m for m in _COOPERATING.finditer(text)
                              if _ACTIVITY_FIELD.search(text, max(0, m.start() - 300), m.start())], key=lambda m: m.start())
    if not hits:
        return list(lines)
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    out = list(lines)
    for m in reversed(hits):
        k = bisect_right(starts, m.start()) - 1
        label = _CANONICAL[int(m.lastgroup[1:])] if m.lastgroup else "Samarbejdspartnere"
        a, b = m.start() - starts[k], m.end() - starts[k]
        out[k] = out[k][:a] + label + out[k][b:]
    return out


def _glued_pattern() -> re.Pattern[str]:
    from samspil.loaders.labels import _LABEL_OPENINGS, LABELS

    return re.compile(r"(?<=[a-zæøå0-9)])" + _LABEL_OPENINGS + "(?P<label>" + "|".join(LABELS) + ")")


_GLUED: list[re.Pattern[str]] = []


def glued_label_lines(lines: Sequence[str], origins: Sequence) -> tuple[list[str], list]:
    """``lines`` (with their ``origins``) cut before each template label with its colon that
    runs into the word before it (see the module's doc); one search of the whole text."""
    if not _GLUED:
        _GLUED.append(_glued_pattern())
    text = "\n".join(lines)
    cuts = [m.start() for m in _GLUED[0].finditer(text)
            if ":" in m.group("label") or text[m.end():m.end() + 2].lstrip(" ")[:1] == ":"]
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
