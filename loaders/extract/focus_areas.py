"""Focus areas (indsatsområder): the themes a plan's activities are grouped under.

Read, most reliable first: the LBF templates' ``Delaftale for indsatsområdet X``
and ``X`` + ``Problemkompleks for indsatsområdet`` headings; older plans'
numbered section "N. Indsatsområder" whose subsections are the areas (also from
a run-on table of contents); areas listed in a sentence or as bullets after
"indsatsområderne:"; headings in capitals followed by goals and success
criteria. Synonyms of one area (``focus_area_synonyms`` in the vocabulary) are
merged, and :func:`canonical_focus_area` maps an activity's area to the plan's.
"""
from __future__ import annotations

import re
from functools import lru_cache

from samspil.loaders.digits import has_digit
from samspil.loaders.document import Document
from samspil.loaders.extract.area_short_forms import area_short_form
from samspil.loaders.extract.area_paragraphs import area_paragraphs
from samspil.loaders.extract.caps_headings import caps_headings, list_headings
from samspil.loaders.extract.flat_activity_tables import opens_with_area
from samspil.loaders.extract.outline import coded_headings, focus_headings, outline, run_on_contents, run_on_name
from samspil.loaders.extract.plan import DELAFTALE_HEADING, _document_type, after_label, squash, squashed_lines
from samspil.loaders.extract.plan_lines import cut_at_next_label
from samspil.loaders.extract.sections import delaftale_starts, plain_lines, without_access_note
from samspil.loaders.extract.tables import head_kinds
from samspil.loaders.extract.text import holding_lines, is_placeholder
from samspil.loaders.extract.text import clean, markup_free, strip_markup
from samspil.loaders.model import FocusArea
from samspil.loaders.vocab import load_vocab

__all__ = ["extract_focus_areas", "canonical_focus_area"]

_INDSATS_LINE = re.compile(r"^\s*indsatsområde\s*(?:\d{1,2}\s*)?[:.)–-]\s*(\S.{2,60}?)\s*$", re.IGNORECASE)
_TOC_TAIL = re.compile(r"(?:\s*\.{2,}.*|\t.*|\s+\d{1,3})$")
PROBLEM_HEADING = "problemkompleksforindsatsområdet"


# --------------------------------------------------------------------------- focus areas
def _fkey(name: str) -> str:
    return squash(name).replace("&", "og")


def _known_focus_areas() -> dict[str, str]:
    """Squashed known name -> the name as the regulativ writes it (made once per loaded vocabulary:
    read, never changed, by its callers; ~16 calls a document squashed ~230 names each time)."""
    vocab = load_vocab("focus_areas")
    if _KNOWN_AREAS[0] is not vocab:  # (a vocabulary loaded again, after ``gazetteer.clear_caches``)
        _KNOWN_AREAS[:] = [vocab, {_fkey(n): n for n in vocab.get("regulativ_2019_2026", []) + vocab.get("older", [])}]
    return _KNOWN_AREAS[1]


_KNOWN_AREAS: list = [None, {}]  # [the vocabulary it was made from, squashed name -> name]


def _synonym_keys() -> list[tuple[str, frozenset[str]]]:
    """(a canonical focus area's squashed name, its variants' squashed names) for each of the
    vocabulary's synonyms, in order: made once per loaded vocabulary, as :func:`_known_focus_areas`
    (:func:`canonical_focus_area` squashed every variant on each call)."""
    vocab = load_vocab("focus_areas")
    if _SYNONYM_KEYS[0] is not vocab:
        synonyms = vocab.get("synonyms", {}) or {}
        _SYNONYM_KEYS[:] = [vocab, [(_fkey(canonical), frozenset(map(_fkey, variants)))
                                    for canonical, variants in synonyms.items()]]
    return _SYNONYM_KEYS[1]


_SYNONYM_KEYS: list = [None, []]  # [the vocabulary it was made from, its synonyms' keys]


def is_known_area(name: str) -> bool:
    """Is ``name`` a focus area the vocabulary knows (the regulativ's, an older round's, a synonym)?"""
    return _known_key(_fkey(name)) is not None


@lru_cache(maxsize=8192)
def _known_key(key: str) -> str | None:
    """The known area's squashed name ``key`` is, or a scan's or ASCII spelling of
    ("beskaeftigelse", "krirninalitetsforebyggelse": one or two letters off a name of ten or
    more), else None."""
    known = _known_focus_areas()
    if key in known:
        return key
    if len(key) < 10:
        return None
    from rapidfuzz import fuzz, process

    folded = key.replace("ae", "æ").replace("oe", "ø").replace("aa", "å")
    hit = process.extractOne(folded, list(known), scorer=fuzz.ratio, score_cutoff=90)
    return hit[0] if hit else None


def _candidate(text: str) -> str | None:
    name = run_on_name(clean(_TOC_TAIL.sub("", clean(text))))
    name = _STATUS_NOTE.sub("", name).strip(" *_:")  # "Kriminalitetsforebyggelse (uændret)" (an amendment's note)
    name = _AREA_WORD_FIRST.sub("", name)  # "Delaftale om indsatsområdet X": the area's name after its kind word
    if name[:3] in ("og ", "og,") or name[:5] == "samt ":
        return None  # "Delaftale 1 og 2, udkast af ...": an annex's title, no area
    if " " in name and any(c.isdigit() for c in name):
        name = NEXT_CHAPTER.split(name, 1)[0]  # "Beskæftigelse og uddannelse 3 AKTIVITETER": the next chapter's head
    if name.endswith(")"):
        name = _SHORT_FORM_AFTER.sub("", name)  # "Beskæftigelse (BE)": the short form the document defines
    if name.endswith(".") and len(name.split()) >= 6:  # a sentence: "Delaftale 1 om Uddannelse og livschancer er
        folded = name.casefold()  # vedlagt som bilag 1." (the known area it opens with, else no area)
        return next((k for k in sorted(_known_focus_areas().values(), key=len, reverse=True)
                     if folded.startswith(k.casefold() + " ")), None)
    if name.endswith(".") and name[-4:-1].isalpha() and name[-4:-1].islower():
        name = name[:-1]  # "Indsatsområde: Børn, unge og familier." (a field written as a sentence)
    known = _known_focus_areas().get(_known_key(_fkey(name)) or "")
    if known:
        return known
    if (dash := _SUBTITLE_DASH.search(name)) and (known := _known_focus_areas().get(_known_key(_fkey(name[:dash.start()])) or "")):
        return known  # "Beskæftigelse – Bakkebo, Nyborg": a known area, then the plan's name as a subtitle
    if not name or len(name) > 70 or len(name.split()) > 8 or not name[0].isalpha() or _PERSONAL.search(name) \
            or _THE_EFFORT.match(name) or "(delaftale)" in name or _DESCRIBED.search(name):  # ("DELAFTALE om boligsocial indsats (udfyldes
        # elektronisk)": the form's title; "A (delaftale) samt B": a list of areas, each with its note)
        return None  # (a contact's line above "Problemkompleks for indsatsområdet" is no area, and
    return name      # its details must not become a focus area's name)


_DESCRIBED = re.compile(r"\s[–—]\s+[a-zæøå]")  # an item and what it is: "Jobspor Ganløse – ledige 25-64 år" (an activity)
_AREA_WORD_FIRST = re.compile(r"^(?:om\s+)?(?:indsatsområdet|indsatsomraadet|fokusområdet|temaet)\s+(?=[A-ZÆØÅ])", re.I)
_SHORT_FORM_AFTER = re.compile(r"\s*\([A-ZÆØÅ]{1,5}\)$")
_SUBTITLE_DASH = re.compile(r"\s+[–—·|-]\s+(?=[A-ZÆØÅ])")  # (or a running header's "X · Plan · UDKAST")
_THE_EFFORT = re.compile(r"^(?:om\s+)?(?:den\s+|en\s+)?boligsocial(?:e)?\s+(?:indsats|helhedsplan)"
                         # the next chapter after a counted list of areas: "4. Aktiviteter i delaftalerne"
                         r"|^(?:aktiviteter|delaftaler|økonomi|organisering|underskrifter)(?:ne)?\b", re.I)
_STATUS_NOTE = re.compile(r"\s*\((?:uændret|uændrede|ny|nyt|nye|fortsat|fortsætter|ændret|udgået|udvidet)\b[^()]*\)\s*$", re.I)
# a person's details or a contact's label: never in a focus area's name
_PERSONAL = re.compile(r"@|\d{2}\s?\d{2}\s?\d{2}|^Kontak\w*\s*:", re.I)


def _delaftale_headings(doc: Document):
    """'Delaftale for indsatsområdet X' (also letter-spaced), the other ways templates head
    a delaftale ('DELAFTALE 2 - X', 'Delaftale: X', 'Delaftale B: X') and lettered sections
    ('A. X') of a list of indsatsområder (see sections.py)."""
    for i, (line, sq) in enumerate(zip(doc.lines, squashed_lines(doc))):
        if sq.startswith(DELAFTALE_HEADING) and len(sq) < 90:
            name = _candidate(after_label(line, DELAFTALE_HEADING) or "")
            if name:
                yield name, i
    for i, name in delaftale_starts(doc):
        if (name := _candidate(name)) and not is_placeholder(name):
            yield name, i


def _problem_headings(doc: Document):
    """'X' + 'Problemkompleks for indsatsområdet' (same line, line before or after)."""
    for i, (line, sq) in enumerate(zip(doc.lines, squashed_lines(doc))):
        pos = sq.find(PROBLEM_HEADING)
        if pos < 0 or len(sq) > 90:
            continue
        if pos > 0:  # "**Uddannelse og livschancer****Problemkompleks for indsatsområdet**"
            before = strip_markup(line).lower().split("problemkompleks")[0]
            if (name := _candidate(strip_markup(line)[: len(before)])):
                yield name, i
            continue
        neighbours = range(i + 1, min(i + 4, len(doc.lines))) if sq.endswith(":") \
            else range(i - 1, max(i - 4, -1), -1)
        for j in neighbours:
            if doc.lines[j].strip():
                if (name := _candidate(doc.lines[j])):
                    yield name, j
                break


def _numbered_section(doc: Document):
    """Numbered headings that name a focus area, and run-on contents (see outline.py); the areas of
    activities' headings coded by their area's letter ("4.1 Lektieklub (A)" under "A. Børn og unge")."""
    for heading, name in focus_headings(doc):
        if (name := _candidate(name)):
            yield name, heading.line
    if coded := coded_headings(doc):
        lines = {h.number: h.line for h in outline(doc)}
        for number, (_, area) in coded.items():
            yield area, lines[number]
    for name, _, line in run_on_contents(doc):
        if (name := _candidate(name)):
            yield name, line


# "... indsatsområder: A, B samt C.", "... indsatsområderne A; B og C." (a colon, or the first area's capital)
# (a dash before a word in lower case starts an area's description: "Beskæftigelse – bl.a. ...", no list)
_INLINE_LIST = re.compile(r"\b(?:indsatsområder(?:ne)?|(?:(?<=to )|(?<=re )|(?<=[2-4] ))delaftaler|(?<=med )delaftalerne"
                          r"|(?<![\wæøå] )[Dd]elaftalerne(?=\s+er\s+[A-ZÆØÅ]))(?:\s+(?:med|og)\s+(?:hver\s+sin|hver\s+deres|tilhørende)\s+delaftaler?)?"
                          r"(?:\s+(?:er|bliver))?(?:(?:\s+[a-zæøå]+){0,3}\s*:\s*|\s*(?:\.{3,}|…+)\s*|\s+(?=[A-ZÆØÅ(\"“»]|1\)\s)|,\s+(?=[A-ZÆØÅ]))"  # ("... indsatsområder
                          # fra regulativet: ...")
                          r"((?:[-•]\s+|\(1\)\s+|\(A\)\s+|1\)\s+|[\"“»])?[A-ZÆØÅ]"
                          r"(?:[^.:–—]|[–—](?!\s+[a-zæøå])){3,300})(?:\.|$)")


def _inline_areas(text: str, commas: bool = True) -> list[str]:
    """'A, B, C og tryghed samt D' (or '- A - B - C') -> the areas: split at bullets,
    'samt' and (with ``commas``) commas, except inside a known area ('Børn, unge og
    familier'); an 'og' splits only between two known areas ('Beskæftigelse og
    Sammenhængskraft og medborgerskab'), never inside one ('Uddannelse og livschancer').

    >>> _inline_areas("Uddannelse og livschancer, Beskæftigelse og Sammenhængskraft og medborgerskab")
    ['Uddannelse og livschancer', 'Beskæftigelse', 'Sammenhængskraft og medborgerskab']
    >>> _inline_areas("Børn, unge og familier, Image og kommunikation")
    ['Børn, unge og familier', 'Image og kommunikation']
    """
    known = _known_focus_areas()
    parts: list[str] = []
    if "(" in text:
        text = _AREA_NOTE.sub("", text)  # "A (delaftale) samt B (delaftale)": each area's note of its agreement
    for chunk in re.split(r"\s+samt\s+|(?:^|\s+)[-•·|/]\s+|\s*;\s*", text):  # (also "A · B · C", "A | B", "A / B")
        pieces = [p for p in (re.split(r",\s*", chunk) if commas else [chunk]) if p.strip()]
        i = 0
        while i < len(pieces):  # the longest run of pieces that is a known area, else one piece
            j = next((j for j in range(len(pieces), i + 1, -1) if _fkey(", ".join(pieces[i:j])) in known), i + 1)
            parts.append(", ".join(pieces[i:j]))
            i = j
    out: list[str] = []
    for n, part in enumerate(parts):
        words = part.split(" og ")
        k = next((k for k in range(1, len(words)) if _known_key(_fkey(" og ".join(words[:k])))
                  and _known_key(_fkey(" og ".join(words[k:])))), None)
        if k is None and n == len(parts) - 1 and len(parts) > 1:  # the list's last "og": "A, B og Tryghed og naboskab"
            k = next((k for k in range(1, len(words)) if words[k][:1].isupper()
                      and (_fkey(" og ".join(words[:k])) in known or _fkey(" og ".join(words[k:])) in known
                           or all(" og " not in p for p in parts[:-1]))), None)
        pieces = [" og ".join(words[:k]), " og ".join(words[k:])] if k else [part]
        out += [name for p in pieces if (name := _candidate(p)) and len(name.split()) <= 6]
    return out


_DOTTED_AREAS = re.compile(r"^(indsatsområder|indsatsområde)\s*\.{4,}\s*(\S.*)$", re.I)
_AREA_FIELD = re.compile(r"^indsatsområde(?:r|\(r\))?\s*:\s*(\S.{5,200}(?:\ssamt\s|,\s).{3,200})$", re.I)
NEXT_CHAPTER = re.compile(r"\s+\d{1,2}\.?\s+(?=[A-ZÆØÅ]{3,}\b)")  # the next chapter's heading run on ("X 3 AKTIVITETER")
_COUNTED_AREAS_WORD = re.compile(r"\b(?:to|tre|fire|[2-4])\s+(?:områder|delaftaler)\s*:\s*(\S.*)$")  # ("to områder:
# A og B", "har to delaftaler: A og B")
_SENTENCE_END = re.compile(r"(?<=[\wæøå)])\.(?:\s|$)")  # (a field's list ends with its sentence: "A samt B. C. STATUS ...")
_AREA_NOTE = re.compile(r"\s*\((?:delaftale|egen delaftale|ny|nyt|uændret|fortsat|[A-ZÆØÅ]{1,4})\)")  # (or its short form: "(UL)")


# "Under uddannelse og livschancer vil vi især:" over the area's activities (a known area, any case)
_UNDER_AREA = re.compile(r"^Under\s+(?P<area>[\wæøå ,&-]{4,60}?)\s+(?:vil\s+vi|vil\s+parterne|skal\s+vi|er\s+der"
                         r"|arbejder\s+vi|sætter\s+vi)\b[^:]{0,60}:$", re.I)


def _listed(doc: Document):
    """'Indsatsområde 2: X' lines, the bullets after '... indsatsområder:', and a known area's
    lead-in ('Under uddannelse og livschancer vil vi især:')."""
    plain = plain_lines(doc)
    free = markup_free(doc)  # (then strip_markup leaves every line as it is)
    for i, line in enumerate(doc.lines):
        if line[:4] == "Svar" and i and (answered := _answered_areas(doc, i)):
            yield from ((name, i) for name in answered)  # "Hvilke indsatsområder ...?" / "Svar: To: A samt B."
            continue
        if line[:5] == "Under" and (under := _UNDER_AREA.match(line.strip())) \
                and (known := _known_focus_areas().get(_fkey(under.group("area")))):
            yield known, i
            continue
        text = plain[i].strip(" ,;:–-•·")  # clean(line), from the plain line made once
        if "...." in text and (dotted := _DOTTED_AREAS.match(text)):
            text = f"{dotted.group(1)}: {dotted.group(2)}"  # "Indsatsområder ......... A / B": a fact box's field
        if (m := _INDSATS_LINE.match(line if free else strip_markup(line))) and (name := _candidate(m.group(1))):
            yield name, i
        elif text[:13].lower() == "indsatsområde" and len(text) <= 160 and (field := _AREA_FIELD.match(text)) \
                and len(listed := _inline_areas(_SENTENCE_END.split(cut_at_next_label(field.group(1)), 1)[0])) >= 2 \
                and not any(has_digit(name) for name in listed):
            yield from ((name, i) for name in listed)  # "Indsatsområde: A (delaftale) samt B (delaftale)"
            continue
        if ("valgt" in text or "prioriteret" in text or "arbejder med" in text) and (chose := _CHOSE.search(text)) \
                and len(chosen := _known_run(_with_next(text, plain, i)[chose.end():])) >= 2:
            yield from ((name, i) for name in chosen)  # "Parterne har valgt Uddannelse og livschancer samt
            continue  # Forebyggelse og forældreansvar." (known areas only, one after another)
        if "ndsatsområder" in text and ":" in text and len(counted_run := _counted_after_colon(text)) >= 2:
            yield from ((name, i) for name in counted_run)  # "... følgende to indsatsområder, som ...: a) Beskæftigelse
            continue  # b) Kriminalitetsforebyggelse Uddannelse og ... er ikke ..." (a counted list, its breaks lost)
        if "ndsatsområder" in text and len(text) > 60 and (lettered := _lettered_after_heading(text)):
            yield from ((name, i) for name in lettered)  # "3. Indsatsområder A Tryghed og trivsel B ..." (breaks lost)
            continue
        if text.endswith("delaftaler") and plain[i].rstrip().endswith("delaftaler:") \
                and (counted := _COUNTED_AGREEMENTS.search(text)) and (headed := _headed_groups(
                    doc, i, "", _COUNT_WORDS.get(counted.group(1)) or int(counted.group(1)))):
            yield from headed  # "Aftalen har to delaftaler:" over "A" and its bullets, "B" and its bullets
            continue
        if "delaftaler" in text and plain[i].rstrip().endswith("delaftaler:") and i + 1 < len(plain) \
                and plain[i + 1][:1].isupper() and not _LIST_ITEM.match(plain[i + 1]):
            text = f"{text}: " + re.split(r"(?<=[\wæøå)])\.(?:\s|$)", plain[i + 1], 1)[0]  # "... indeholder to
            # delaftaler:" over "Kriminalitetsforebyggelse samt Uddannelse og livschancer. ...": the list below
        if ("ndsatsområder" in text or "elaftaler" in text) and (inline := _plan_areas_list(text)) is not None:
            listed = inline.group(1)
            if (_OPEN_END.search(listed) or plain[i].rstrip()[-1:] == ",") and i + 1 < len(plain) \
                    and not plain[i + 1].lower().startswith(("delaftale", "indsatsområde")):  # "... Beskæftigelse
                # og Sammenhængskraft og" (or the comma the line's text was stripped of) over
                listed += ("," if plain[i].rstrip()[-1:] == "," and listed[-1:] != "," else "") + " " \
                    + re.split(r"(?<=[\wæøå)])\.(?:\s|$)", plain[i + 1], 1)[0]  # "medborgerskab."
            if listed[:2] in ("A ", "A)", "A.") and len(lettered := _lettered_list(listed)) >= 2:
                yield from ((name, i) for part in lettered if (name := _candidate(part) or _known_head(part)))
                continue  # "... tre indsatsområder: A Børn, unge og forældre B Beskæftigelse ... C ..." (breaks lost)
            if (listed[:1] == "(" or listed[:2] == "1)") and len(counted := _COUNTER_SPLIT.split(listed)) >= 3:  # "(1) A,
                # (2) B og (3) C", "1) A 2) B 3) C" (a counted list's breaks lost)
                yield from ((name, i) for part in counted if (name := _candidate(_LIST_JOIN.sub("", part))
                                                              or _known_head(part)))  # (the last item run on into
                # the next sentence: "3) Kapacitetsopbygning Indsatsområdet X er fravalgt")
                continue
            yield from ((name, i) for name in _inline_areas(listed))  # "... indsatsområder: A, B samt C."
            continue
        spoken = text
        if plain[i].rstrip().endswith(" områder:") and i + 1 < len(plain):
            spoken = f"{text}: {plain[i + 1]}"  # (the list on the line below: "... to områder:" over "A og B.")
        if ("områder:" in spoken or "delaftaler:" in spoken) and (counted := _COUNTED_AREAS_WORD.search(spoken)) \
                and len(listed := _inline_areas(_SENTENCE_END.split(counted.group(1), 1)[0])) >= 2 \
                and all(_fkey(name) in _known_focus_areas() for name in listed):
            yield from ((name, i) for name in listed)  # "Vi arbejder med to områder: A og B." (known areas only)
            continue
        if text[-1:] == ")" and len(text) < 60:  # a form's note after its heading: "1. INDSATSOMRÅDE (sæt ét kryds)"
            text = _NOTE_AFTER.sub("", text)
        if text[-1:] not in "rReE" or not text[-20:].lower().endswith(("indsatsområder", "indsatsområderne", "indsatsområde")) \
                and not (text[-12:].lower().endswith(("projekter", "aktiviteter")) and len(text) < 60
                         and _AREAS_HEADING.match(text)):
            continue  # (the test below, for the last sentence, cheaply: it ends the text; each word ends in r or e,
            # and only R, r, E and e have those as their lower case's last letter: told before any slice is lowered)
        heading = len(text) < 60 and _AREAS_HEADING.match(text) is not None \
            or text.endswith(("INDSATSOMRÅDER", "INDSATSOMRÅDERNE")) \
            or text.endswith((". Indsatsområder", ". Indsatsområderne"))  # "2. Indsatsområder" over bullets (or
        # a heading in capitals, or in words after a sentence's end, run onto the line before it when the breaks
        # were lost)
        last = re.split(r"(?<=[.!?])\s+", text)[-1].lower()  # the sentence that introduces the list
        if not heading and not (last.endswith(("indsatsområder", "indsatsområderne"))
                                and (strip_markup(line).rstrip().endswith(":") or _counted_next(doc, i))
                                and (_PLAN_SENTENCE.search(last) or "parterne" in last)):  # ("Parterne har valgt ...:")
            continue  # another body's areas ("Boligsocialt Forum ... følgende indsatsområder:")
        if not heading and (headed := _headed_groups(doc, i, last)):
            yield from headed  # "Parterne har valgt to indsatsområder:" over "A" and its bullets, "B" and its
            continue
        count, lead_in, first_kind = 0, heading, False
        stated = _COUNTED_AREAS.search(last)  # "... arbejder med to indsatsområder:": two items and no more
        want = (_COUNT_WORDS.get(stated.group(1)) or int(stated.group(1))) if stated else None
        given = 0
        for j in range(i + 1, min(i + 12, len(doc.lines))):
            item = doc.lines[j].strip()
            if not item:
                continue
            if j > i + 1 and item[:1].islower() and not _LIST_ITEM.match(item) \
                    and doc.lines[j - 1].rstrip()[-1:] not in ".:!?":
                continue  # an item's wrapped line ("a) Beskæftigelse. ... en fremskudt" over "medarbejder i ...")
            if want is not None and given >= want:
                break
            given += 1
            if item[-1:] == ")" and _LIST_ITEM.match(item):
                item = _NOTE_AFTER.sub("", item)  # "1) Uddannelse og livschancer (lektieklub, mødregruppe)": the area
            counted = ordinal(item) if (m := _LIST_ITEM.match(item)) and m.group(0)[:1] not in "-–•*▪·" else None
            if m is None and lead_in and not count and len(item) < 200 and (item.endswith((".", ":"))
                                                                      or item.endswith(("indsatsområderne", "indsatsområder"))):
                lead_in = False  # a sentence between the heading and its list ("Helhedsplanen har tre indsatsområder.")
                if (stated := _COUNTED_AREAS.search(item.lower().rstrip(" .:") + ":")) is not None:
                    want, given = (_COUNT_WORDS.get(stated.group(1)) or int(stated.group(1))), 0  # ("... tre
                    # indsatsområder:": three items and no more)
                continue
            if heading and count and counted == count + 1 and len(item) > 60 and first_kind:
                if (last := _exact_known_head(_LIST_ITEM.sub("", item))) is not None:
                    yield last, j  # the list's last item run on into the text after it: a known area at its head
                break
            if not m or heading and not item.startswith(("-", "–", "•", "*", "▪", "·")) \
                    and not (count == 0 and counted == 1 or count and counted
                             and len(item) <= 60 and not item.endswith(".")):
                break  # (under a heading only bullets or a short counted list: "2.1 Tryghed" is a subsection)
            if count and counted is None:
                break  # (a list keeps its kind: bullets after "3. X" are the next section's)
            if counted is not None:  # a counted list goes on only with the next number ("1.", "2.", "III."), of
                kind = item[:1].isdigit()  # its own kind ("4. DELPROJEKTER" after "C. Naboskab": the next chapter)
                if counted != count + 1 or count and kind != first_kind:
                    break
                first_kind = kind if not count else first_kind
                count += 1
            item, folded, _ = item.partition(" + ")  # "• C + Aktiviteter X": a web page's next (folded) section
            if item[-1:].isupper() and not item.isupper() and (caps := _CAPS_TAIL.search(item)):  # "2. Beskæftigelse AKTIVITETERNE":
                item, folded = item[:caps.start()], "the next heading"   # the next heading run on
            run_on = False
            while counted is not None and first_kind and (nxt := re.search(rf"\s(?={count + 1}\.\s+[A-ZÆØÅ])", item)):
                if (name := _candidate(_LIST_ITEM.sub("", item[:nxt.start()]))):  # "2. Kriminalpræventiv indsats
                    yield name, j  # 3. Uddannelse og beskæftigelse": the next item run on
                item, count, run_on = item[nxt.end():], count + 1, True
            if run_on and len(item) > 60:  # (the last run on into the text after the list: a known area at its head)
                if (last := _exact_known_head(_LIST_ITEM.sub("", item))) is not None:
                    yield last, j
                break
            if m.group(0)[:1] not in "-–•*▪·" and (head := _exact_known_head(rest := _LIST_ITEM.sub("", item))) \
                    and _AREA_SENTENCE.match(rest, rest.find(head.split()[-1]) + len(head.split()[-1])):
                yield head, j  # "a) Beskæftigelse. Aktiviteterne er ...": a known area, its item's text after it
            elif counted is not None and (name := _candidate(_LIST_ITEM.sub("", item))):
                yield name, j  # a counted item is one area ("III. Beskæftigelse og integration")
            elif len(item) > 80 and (head := _exact_known_head(rest := _LIST_ITEM.sub("", item))) \
                    and _NOTE_OR_COUNTER.match(rest, len(head)):
                yield head, j  # "• Kriminalitetsforebyggelse (delaftale 2) 3) Ungeteam ...": the area, its items run on
            else:
                yield from ((name, j) for name in _inline_areas(_LIST_ITEM.sub("", item), commas=False))
            if folded:
                break


def _with_next(text: str, plain: list[str], i: int) -> str:
    """``text`` (line ``i``'s) with the next line's, when its sentence goes on there (no stop at its end)."""
    return f"{text} {plain[i + 1].strip()}" if text[-1:] not in ".:!?" and i + 1 < len(plain) else text


_CHOSE = re.compile(r"\b(?:[Pp]arterne|[Vv]i|[Aa]ftalen|[Hh]elhedsplanen|[Ii]ndsatsen)\s+(?:har\s+)?(?:valgt|prioriteret"
                   r"|arbejder\s+med)\s+(?:(?:de\s+to\s+|de\s+tre\s+)?indsatsområder(?:ne)?\s*:?\s+)?(?=[A-ZÆØÅ])")
_NOTE_OR_COUNTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?\d{1,2}[.)]\s")  # "(delaftale 2) 3) ..." after an area's name
_AREA_SENTENCE = re.compile(r"\s*(?:[.:]|\s[–-])\s")  # (an area's name ending its own sentence or heading)
_AREAS_WORD = re.compile(r"[Ii]ndsatsområder(?:ne)?\s*:?\s+(?=[A1]\s)")


def _lettered_after_heading(text: str) -> list[str]:
    """The areas of a list run onto its heading's line, each after its bare letter or number and
    known to the vocabulary ("3. Indsatsområder A Tryghed og trivsel B Uddannelse og beskæftigelse ...")."""
    from samspil.loaders.extract.flat_activity_tables import lettered_areas_after_heading, lettered_known_areas

    if (m := _AREAS_WORD.search(text)) is not None and (lettered := lettered_known_areas(text[m.end():m.end() + 300])):
        return list(lettered.values())
    if "A " in text and (lettered := lettered_areas_after_heading(text)):
        return list(lettered.values())  # "Indsatsområder (jf. LBF's regulativ) A Beskæftigelsesindsatser B ..."
    for m in _AREAS_HEAD_RUN.finditer(text):
        if len(areas := _known_run(text[m.end():m.end() + 300], bare=True)) >= 2:
            return areas  # "3. Valgte indsatsområder Uddannelse og beskæftigelse Forebyggelse og forældreansvar Tryghed og
    return []  # trivsel 4. Aktivitetsoversigt" (a heading's list, its breaks lost: two known areas or more, back to back)


# a heading of the plan's areas, its list run on after it: "3. Valgte indsatsområder ", "Indsatsområder: "
_AREAS_HEAD_RUN = re.compile(r"(?:^|(?<=\d\.\s)|(?<=\d\s))(?:[A-ZÆØÅ][a-zæøå]+\s+indsatsområder|Indsatsområder)"
                             r"\s*:?\s+(?=[A-ZÆØÅ])")


# "Aftalen har to delaftaler", "Helhedsplanen består af tre delaftaler": the plan's agreements counted
_COUNTED_AGREEMENTS = re.compile(r"\b(?:[Aa]ftalen|[Hh]elhedsplanen|[Ii]ndsatsen|[Pp]lanen)\s+(?:har|indeholder|omfatter"
                                 r"|består\s+af)\s+(to|tre|fire|[2-4])\s+delaftaler$")
_COUNT_WORDS = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6}
_COUNTED_AREAS = re.compile(r"\b(to|tre|fire|fem|seks|[2-6])\s+(?:af\s+(?:[\wæøå'’]+\s+){0,3}?(?:to|tre|fire|fem|seks|[2-6])\s+)?"
                            r"indsatsområder(?:ne)?\s*:?\s*$")  # ("to af Landsbyggefondens fire indsatsområder": two)
_BULLET_FIRST = ("-", "•", "*", "–", "▪", "◦")


def headed_area_groups(doc: Document) -> dict[int, str]:
    """Line -> focus area, for the areas :func:`_headed_groups` finds (headings over their
    activities' bullets; area_items.py reads the bullets under them)."""
    def compute() -> dict[int, str]:
        out: dict[int, str] = {}
        for i, line in enumerate(doc.lines):
            if "ndsatsområder" in line and line.rstrip().endswith(":"):
                last = re.split(r"(?<=[.!?])\s+", clean(line).strip(" ,;:–-•·"))[-1].lower()
                out.update({j: name for name, j in _headed_groups(doc, i, last)})
        return out
    return doc.memo("headed_area_groups", compute)


def _headed_groups(doc: Document, i: int, sentence: str, want: int | None = None) -> list[tuple[str, int]]:
    """A sentence that counts the areas ("Parterne har valgt to indsatsområder:", or ``want`` of them)
    over the areas as short lines of their own, each heading its activities' bullets: the areas, when
    exactly as many such headings follow as the sentence counts."""
    if want is None:
        if (m := _COUNTED_AREAS.search(sentence)) is None:
            return []
        want = _COUNT_WORDS.get(m.group(1)) or int(m.group(1))
    found: list[tuple[str, int]] = []
    j, end = i + 1, min(i + 80, len(doc.lines))
    while j < end and len(found) < want:
        line = doc.lines[j]
        text = line.strip()
        if text[:1].isdigit() and (number := _SECTION_NUMBER.match(text)):
            text = text[number.end():]  # "5.1 Kriminalitetsforebyggelse": a numbered section's heading
        if not text or text.startswith(_BULLET_FIRST) or found and (line[:1] in " \t" or doc.lines[j - 1].strip()) \
                and not opens_with_area(text.split(), more=3):
            j += 1  # (a bullet, or a bullet's wrapped line; not a known area's name right after a bullet,
            continue  # as a line that lost its breaks was cut: segment.py)
        if ". " in text[:60] and is_known_area(lead := text.split(". ", 1)[0].strip(" *")) and (
                found or not doc.lines[j - 1].strip()):
            found.append((lead, j))  # "Sundhed og trivsel. Aktiviteterne er "X" ...": a paragraph opened by its area
            j += 1
            continue
        below = next((t.strip() for t in doc.lines[j + 1:j + 3] if t.strip()), "")
        if len(text) > 60 or text.endswith((".", ":", ",")) or not text[0].isupper() \
                or not below.startswith(_BULLET_FIRST) or (name := _candidate(text)) is None:
            break
        found.append((name, j))
        j += 1
    return found if len(found) == want else []


_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-ZÆØÅ])")
_ANSWER = re.compile(r"^Svar\s*:\s*(?:(?:to|tre|fire|fem|seks|\d)\s*(?:indsatsområder)?\s*[:–-]\s*)?(?P<list>[A-ZÆØÅ].*)$",
                     re.I)


def _answered_areas(doc: Document, i: int) -> list[str]:
    """An agreement told as questions and answers: the areas the answer (line ``i``, "Svar:
    To: Tryghed og trivsel samt Uddannelse og livschancer.") lists to a question about the
    focus areas ("Hvilke indsatsområder har parterne valgt?")."""
    question = next((t.strip() for t in reversed(doc.lines[max(0, i - 3):i]) if t.strip()), "")
    if not question.endswith("?") or "indsatsområde" not in question.lower() \
            or not (m := _ANSWER.match(doc.lines[i].strip())):
        return []
    return _inline_areas(re.split(r"(?<=[\wæøå)])\.(?:\s|$)", m.group("list"), 1)[0])


def _counted_next(doc: Document, i: int) -> bool:
    """The next line opens a counted list ("1) Kriminalitetsforebyggelse og"): the sentence
    above it introduces it without a colon ("... arbejde inden for indsatsområderne")."""
    return i + 1 < len(doc.lines) and doc.lines[i + 1].lstrip()[:2] in ("1)", "1.")


_COUNTER_SPLIT = re.compile(r"(?:^|\s)(?:\(?\d{1,2}\)|\([A-H]\))\s+")  # the counters of "(1) A, (2) B og (3) C", "1) A 2) B 3) C", "(A) X, (B) Y"
_LIST_JOIN = re.compile(r"(?:,|\s+og|\s+samt)?\s*$")  # what joins an item to the next counter


def _known_head(part: str) -> str | None:
    """The focus area that opens ``part`` when the next sentence follows it: a known area (up to six words), or the
    words up to the next capital ("Kapacitetsopbygning Indsatsområdet X er fravalgt")."""
    words = part.split()
    known = next((name for n in range(min(6, len(words) - 1), 0, -1)
                  if is_known_area(name := " ".join(words[:n]).strip(" ,;"))), None)
    if known is not None:
        return known
    cut = next((k for k in range(1, min(7, len(words))) if words[k][:1].isupper() and words[k - 1][-1:] != ","), None)
    return _candidate(" ".join(words[:cut])) if cut else None


def _exact_known_head(text: str) -> str | None:
    """The known focus area (its own spelling) that opens ``text``, the longest, matched exactly."""
    words, known = text.split(), _known_focus_areas()
    return next((known[key] for n in range(min(6, len(words)), 0, -1)
                 if (key := _fkey(" ".join(words[:n]).strip(" ,;.>"))) in known), None)


def _plan_areas_list(text: str) -> re.Match[str] | None:
    """The first inline list of focus areas in ``text`` that is the plan's own: the agreement's
    field ("Indsatsområder: A samt B."), or in a sentence about the plan ("Helhedsplanen har
    fire indsatsområder: ...", "Parterne har valgt tre indsatsområder: A, B og C")."""
    if text[:1] == "I" and (field := _INLINE_LIST.match("i" + text[1:])) \
            and (":" in (head := text[:field.start(1)]) or head.rstrip(" .…") == "Indsatsområder"
                 or text.startswith(("Indsatsområderne er ", "Indsatsområderne bliver "))):
        return field  # (a field, or a sentence whose subject is the areas: "Indsatsområderne er A og B.";
        # a form's field and its value in two columns: "Indsatsområder ....... 1) A 2) B")
    if ("Indsatsområderne " in text or "Delaftalerne " in text) and (subject := _AREAS_SUBJECT.search(text)) \
            and (subject.start() or text[:1] == "D") \
            and (field := _INLINE_LIST.match(text[subject.start()].lower() + text[subject.start() + 1:])):
        return field  # "... i alt 430 boliger. Indsatsområderne er A samt B.": the areas a sentence of its own lists
        # (or the agreements: "Delaftalerne er A samt B.")
    return next((m for m in _INLINE_LIST.finditer(text) if _PLAN_SENTENCE.search(text, 0, m.start())), None)


_COUNTED_AFTER_COLON = re.compile(r"indsatsområder[^:.]{0,120}:\s*(?=(?:a|A|1)[.)]\s+[A-ZÆØÅ])")


def _counted_after_colon(text: str) -> list[str]:
    """The areas of a list counted a), b) ... (or 1), 2) ...) run on after a sentence's colon about the areas, its
    last item the known area that opens it (the text after the list run on)."""
    if (m := _COUNTED_AFTER_COLON.search(text)) is None:
        return []
    rest, marks, want = text[m.end():], [], None
    for mark in re.finditer(r"(?:^|\s)([a-hA-H]|\d)[.)]\s+(?=[A-ZÆØÅ])", rest):
        code = mark.group(1)
        if want is None and code not in "aA1" or want is not None and code != want:
            break
        marks.append(mark)
        want = chr(ord(code) + 1)
    if len(marks) < 2:
        return []
    items = [rest[a.end():b.start()].strip(" ,;") for a, b in zip(marks, marks[1:])]
    last = _exact_known_head(rest[marks[-1].end():])
    names = [name for item in items if (name := _exact_known_head(item) or (
        _candidate(item) if len(item.split()) <= 6 and ". " not in item else None))]  # (an item's own text after it:
    # its known area, or a short name alone)
    return names + [last] if last and len(names) == len(items) else []


def _lettered_list(listed: str) -> list[str]:
    """The items of a list lettered A, B, C ... in order, each letter alone before a capital ("A Børn, unge og
    forældre B Beskæftigelse og uddannelse C ..."); the last item up to the next sentence or numbered heading."""
    marks: list[re.Match[str]] = []
    for letter in "ABCDEFGH":
        m = re.compile(rf"(?:^|\s){letter}[.)]?\s+(?=[A-ZÆØÅ])").search(listed, marks[-1].end() if marks else 0)
        if m is None:
            break
        marks.append(m)
    if len(marks) < 2:
        return []
    items = [listed[a.end():b.start()] for a, b in zip(marks, marks[1:])]
    items.append(re.split(r"(?<=[\wæøå)])\.\s|\s\d{1,2}\.\s+[A-ZÆØÅ]", listed[marks[-1].end():], 1)[0])
    return [item.strip(" ,;") for item in items]


_AREAS_SUBJECT = re.compile(r"(?:(?<=[.!?]\s)Indsatsområderne|(?:^|(?<=[.!?]\s))Delaftalerne)\s+(?:er|bliver)\s+(?=[A-ZÆØÅ])")


_PLAN_SENTENCE = re.compile(r"helhedsplan|boligsociale indsats|(?:har|er)\s+(?:ud)?valgt|\b[Pp]lanen\s+har\b"
                            r"|\bparterne\s+har\s+(?:aftalt|indgået|besluttet)\b|\bdelaftaler\s+(?:inden\s+for|på|om)\b"
                            r"|\b(?:vi|indsatsen|helhedsplanen|planen)\s+arbejder\s+(?:med|inden\s+for)\b"
                            r"|\bomfatter\s+$|\b(?:indeholder|omfatter|består\s+af)\s+(?:to|tre|fire|[2-4])\s+$"
                            r"|\b(?:indsatsen|planen|aftalen|samarbejdsaftalen|vi)\s+har\s+(?:to|tre|fire|[2-4])\s+"
                            r"(?:$|indsatsområder$)", re.I)  # ("... løber fra ... og omfatter indsatsområderne ...": the sentence
# is searched up to the list's word)
_OPEN_END = re.compile(r"(?:\s(?:og|samt)|,)\s*$")  # a list broken at the line's end, going on below


# a heading of its own over the areas' bullets: "2. Indsatsområder", "Helhedsplanens indsatsområder"
_AREAS_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:[A-ZÆØÅ][\wæøå]*\s+(?:til\s+)?)?(?:[Ii]ndsatsområder(?:ne)?"
                            r"|INDSATSOMRÅDER(?:NE)?|INDSATSOMRÅDE|Indsatsområde)"
                            r"(?:\s+(?:og|OG)\s+(?:del)?(?:projekter|aktiviteter|PROJEKTER|AKTIVITETER))?$")
_CAPS_TAIL = re.compile(r"(?:\s+[IVX]{1,4}\.|\s+[A-H]\.|\s+\d{1,2}\.)?\s+[A-ZÆØÅ]{5,}(?:\s+[A-ZÆØÅ]{2,})*$")  # (its
# number: "III. Beboernes sundhed I. BØRN OG UNGE")
_NOTE_AFTER = re.compile(r"\s*\([^()]{1,40}\)$")


# an item of the list under "... indsatsområder:": a bullet, "1)", "1. " or "a) "
_LIST_ITEM = re.compile(r"^(?:[-–•*▪·]|\d{1,2}\)|\((?:[a-hA-H]|\d{1,2})\)(?=\s)|\d{1,2}\.?(?=\s+[A-ZÆØÅ])|[a-h]\)(?=\s)|(?-i:[IVX]{1,4})\.?(?=\s+[A-ZÆØÅ])"
                        r"|(?:SPOR|Spor|TEMA|Tema)\s+\d{1,2}\s*[.:)–-]?(?=\s+[A-ZÆØÅ])|(?-i:[A-H])[.)]?(?=\s+[A-ZÆØÅ][a-zæøå]))\s*")
# (a Roman number without its stop too, as a list set in columns prints it: "I   Beskæftigelse", "II  Forebyggelse":
# the list goes on only with the next number, so a sentence opening with "I" ends it)
# (a bare number too, as a form prints its list: "1  Tryghed og trivsel")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}


def ordinal(item: str) -> int | None:
    """The number a counted item opens with ("3." -> 3, "III." -> 3), else None."""
    if item[:1].isdigit():
        return int(re.match(r"\d+", item).group(0))
    if item[:1] == "(" and (code := re.match(r"\(([a-hA-H]|\d{1,2})\)", item)):  # "(b) Børn, unge og forældre"
        return int(code.group(1)) if code.group(1).isdigit() else ord(code.group(1).upper()) - ord("A") + 1
    if item[:4] in ("SPOR", "Spor", "TEMA", "Tema") and (n := re.match(r"\w+\s+(\d{1,2})\b", item)):
        return int(n.group(1))  # "SPOR 2  Beskæftigelse": a web page's tracks for the areas
    if "A" <= item[:1] <= "H" and item[1:2] in (" ", ".", ")"):
        return ord(item[0]) - ord("A") + 1  # "B  Uddannelse og beskæftigelse": a lettered list
    return _ROMAN.get(item.split(".", 1)[0]) if "." in item[:5] else _ROMAN.get(item.split(None, 1)[0])


_CAPS_RUN = re.compile(r"(?<![\wÆØÅæøå])[A-ZÆØÅ]{2,}(?:,?[ -]+(?:[A-ZÆØÅ]{2,}|OG|I|PÅ))*(?![\wæøå])")
_SECTION_PARTS = re.compile(r"\bMål(?:sætning(?:er)?)?\b.{0,200}?\b(?:Succeskriterier|Milepæle|Delmål)\b", re.S)


_PARTS_WITHIN = 400  # characters after the heading where its "Mål" must start


def _heading_runs(line: str) -> list[re.Match[str]]:
    return [m for m in _CAPS_RUN.finditer(line)
            if sum(c.isalpha() for c in m.group(0)) >= 6 and len(m.group(0).split()) <= 8]


def _text_below(doc: Document, i: int) -> str:
    """The text of the lines after ``i`` that can still hold a heading's parts, up to the
    next heading in capitals (a text that lost its line breaks is cut at labels such
    as "Succeskriterier:", so the parts of one section can span several lines)."""
    text = " ".join(doc.lines[i + 1:i + 8])[:_PARTS_WITHIN + 240]
    nxt = _heading_runs(text)
    return text[:nxt[0].start()] if nxt else text


def _caps_sections(doc: Document):
    """Older plans: an upper-case section heading followed, before the next one, by
    the parts each indsatsområde has (Mål ... Succeskriterier / Milepæle), which begin
    within a few project titles of it (in text that lost its line breaks, a capitals
    run far before them is a title or a name, not their heading)."""
    if doc.memo("plan:document_type", lambda: _document_type(doc)) != "master_plan":
        return
    for i, line in enumerate(doc.lines):
        if not line or not any(c.isupper() for c in line[:200]):
            continue
        runs = _heading_runs(line)
        for k, m in enumerate(runs):
            after = line[m.end(): runs[k + 1].start()] if k + 1 < len(runs) else \
                f"{line[m.end():]} {_text_below(doc, i)}"
            if (parts := _SECTION_PARTS.search(after)) and parts.start() <= _PARTS_WITHIN:
                name = m.group(0).strip(" ,-")
                yield name[0] + name[1:].lower(), i


def extract_focus_areas(doc: Document) -> list[FocusArea]:
    """The indsatsområder the document commits to, in order of first appearance."""
    found: dict[str, FocusArea] = {}
    seen: set[tuple[str, int]] = set()
    hits = sorted([h for h in (*_delaftale_headings(doc), *_problem_headings(doc), *_numbered_section(doc),
                               *_listed(doc)) if head_kinds(doc.lines[h[1]]) is None and not _column_head(doc, h[1])]
                  + _column_rows(doc),  # (no table's head row: "Indsatsområde<TAB>Overordnet mål 2026": its rows)
                  key=lambda h: h[1])
    hits = hits or list(_caps_sections(doc)) or [(name, i) for i, name in sorted(caps_headings(doc).items())] \
        or _table_focus(doc) or [(name, i) for i, name in sorted(list_headings(doc).items())] \
        or [(name, i) for i, names in sorted(area_paragraphs(doc).items()) for name in names] \
        or _known_area_alone(doc) or _areas_over_items(doc) or _named_in_prose(doc)
    for name, i in hits:
        name = without_access_note(name).strip(" |")  # (a flattened table's cell: "Beskæftigelse |")
        name = area_short_form(doc, name) or name  # "UL", as the document defines it (area_short_forms.py)
        if name.isupper() and len(name) > 6:  # "BESKÆFTIGELSE OG UDDANNELSE" (a list in capitals)
            name = name[0] + name[1:].lower()
        key = _fkey(name)
        if (key, i) in seen:  # two rules may read one line
            continue
        seen.add((key, i))
        if key in found:
            found[key].sources.append(doc.ref(i))
        else:
            found[key] = FocusArea(name=name, sources=[doc.ref(i)])
    return _merge_synonyms(list(found.values()))


# a known area named in a sentence by its agreement or as an area: "helhedsplanens delaftale om
# Kriminalitetsforebyggelse", "Indsatsområdet Uddannelse og livschancer (delaftale 1) behandles ikke her"
_AREA_CUE = re.compile(r"(?i:\b(?:indsatsområdet|fokusområdet|(?:helhedsplanens|planens|aftalens)\s+indsatsområde"
                       r"|delaftale(?:n|ns)?\s+(?:om|for|vedr\.?)"
                       r"(?:\s+indsatsområdet)?))\s+[\"»“]?(?=[A-ZÆØÅa-zæøå])")


def _known_area_alone(doc: Document) -> list[tuple[str, int]]:
    """Lines that are a known focus area's name and nothing else, under a delaftale's heading ("DELAFTALE 3
    AF 3" over "Sammenhængskraft og medborgerskab"), for a document no other rule reads an area in."""
    known = _known_focus_areas()
    plain = plain_lines(doc)
    out = []
    for i, line in enumerate(plain):
        if 6 <= len(line) <= 45 and line[:1].isupper() and (key := _fkey(line.strip(" .:"))) in known \
                and i and "elaftale" in plain[i - 1].lower():  # (under its delaftale's heading only: an area's name
            out.append((known[key], i))  # over a list of problems is no area of the plan's)
    return out


_DASHED_ITEM = re.compile(r"^\W{0,2}[A-ZÆØÅ][^.–—:;]{0,50}?\s[–—]\s+[a-zæøå]")  # "Lektier & Leg – lektiehjælp ..."


def _areas_over_items(doc: Document) -> list[tuple[str, int]]:
    """Lines that open with a known focus area's name, its "Name – what" items run on after it (a web page's
    headings and lists, their breaks lost), two such at least."""
    from samspil.loaders.extract.flat_activity_tables import _focus_at

    known = _known_focus_areas()
    out = []
    for i, line in enumerate(plain_lines(doc)):
        if not line[:1].isupper() or " – " not in line and " — " not in line:  # (the item's dash: told first)
            continue
        words = line.split()
        n = _focus_at(words, 0, ())  # the area's name, its items run onto its line
        if n and len(words) > n and _DASHED_ITEM.match(" ".join(words[n:])) \
                and (key := _fkey(" ".join(words[:n]))) in known:
            out.append((known[key], i))
    return out if len(out) >= 2 else []


def _named_in_prose(doc: Document) -> list[tuple[str, int]]:
    """Known focus areas (the regulativ's and older plans' names) that a document's sentences name
    after a cue (:data:`_AREA_CUE`); for a document that states its areas nowhere else (a report
    from one activity, a letter)."""
    known = _known_focus_areas()
    out = []
    for i in sorted(holding_lines(doc, ("indsatsområde", "fokusområde", "delaftale"))):
        for m in _AREA_CUE.finditer(doc.lines[i]):
            words = doc.lines[i][m.end():m.end() + 80].split()
            for n in range(min(len(words), 6), 0, -1):
                if (key := _known_key(_fkey(" ".join(words[:n]).rstrip(".,;:)\"«»”")))) is not None:
                    out.append((known[key], i))
                    break
    for i in sorted(holding_lines(doc, ("arbejder",))):  # "Helhedsplanen arbejder med Uddannelse og livschancer samt
        for m in _WORKS_WITH.finditer(doc.lines[i]):  # Sundhed og trivsel i afdelingerne ...": two known areas or more
            after = doc.lines[i][m.end():m.end() + 200]
            areas = _known_run(f"{after} {doc.lines[i + 1]}" if i + 1 < len(doc.lines) and len(after) < 120 else after)
            out += [(a, i) for a in areas] if len(areas) >= 2 else []
    for i in sorted(holding_lines(doc, ("hedder",))):  # "Helhedsplanen har to indsatsområder. Det første hedder X."
        for m in _NTH_NAMED.finditer(doc.lines[i]):
            context = " ".join(doc.lines[max(0, i - 2):i + 1]).lower()
            if "indsatsområde" in context or "delaftale" in context:
                out.append((known.get(_known_key(_fkey(m.group("name"))) or "", m.group("name")), i))
    return sorted(out, key=lambda h: h[1])


_WORKS_WITH = re.compile(r"\b(?:[Hh]elhedsplanen|[Ii]ndsatsen|[Pp]lanen|[Vv]i)\s+arbejder\s+(?:med|inden\s+for)\s+")
_RUN_SEPARATOR = re.compile(r"^(?:,\s*|\s+og\s+|\s+samt\s+|,\s*og\s+)")
_BARE_SEPARATOR = re.compile(r"^\s+(?:[-•·|]\s+)?(?=[A-ZÆØÅ])")


def _known_run(text: str, bare: bool = False) -> list[str]:
    """The known focus areas that open ``text`` one after another, apart by commas, "og" or "samt"
    ("Uddannelse og livschancer samt Sundhed og trivsel i afdelingerne ..." -> both); with ``bare``
    with ``bare`` by a space (or a bullet) alone before the next area's capital instead (a heading's list whose
    breaks were lost)."""
    known, out = _known_focus_areas(), []
    while text:
        words = text.split()
        found = next(((" ".join(words[:n]), key) for n in range(min(len(words), 6), 0, -1)
                      if words[n - 1] not in ("og", "samt", "i", "for", "på", "med")
                      and (key := _known_key(_fkey(" ".join(words[:n]).rstrip(".,;:")))) is not None), None)
        if found is None:
            break
        out.append(known[found[1]])
        text = text[text.find(found[0]) + len(found[0].rstrip(".,;:")):]
        if not (sep := (_BARE_SEPARATOR if bare else _RUN_SEPARATOR).match(text)):
            break
        text = text[sep.end():]
    return out


# an area named by its place in the plan's list: "Det første hedder Uddannelse og livschancer.", "Det andet
# indsatsområde hedder Sundhed og trivsel."
_NTH_NAMED = re.compile(r"\b(?:Det|Den|det|den)\s+(?:første|andet|anden|tredje|fjerde)\s+(?:indsatsområde\s+|delaftale\s+)?"
                        r"hedder\s+(?P<name>[A-ZÆØÅ][\wæøå-]*(?:,?\s+[\wæøå-]+){0,5}?)(?=[.:;]|$)")


_COLUMN_HEAD = frozenset(("indsatsområde", "indsatsområder", "indsatsområdet", "indsatsområde(r)"))


def _column_head(doc: Document, i: int) -> bool:
    """Is line ``i`` a table's head row whose first column is the focus areas' (its rows below;
    a two-column head may come as "Indsatsområde: Overordnet mål")?"""
    line = doc.lines[i]
    first = line.split("\t", 1)[0] if "\t" in line else line.split(": ", 1)[0] if ": " in line else None
    if "\t" not in line and first is not None and (_fkey(line.split(": ", 1)[1]) in _known_focus_areas()
                                                   or len(line) > 80):
        return False  # "Indsatsområde: Beskæftigelse" over its activities' rows: a field, no table's head (nor a
        # sentence: "Indsatsområder: Uddannelse og livschancer samt Sundhed og trivsel. Nøgletal ...")
    return first is not None and first.strip(" *:").casefold() in _COLUMN_HEAD \
        and i + 1 < len(doc.lines) and "\t" in doc.lines[i + 1]


def _totals() -> tuple[str, ...]:
    return tuple(str(t).casefold() for t in load_vocab("zones").get("totals", []))


def _column_rows(doc: Document) -> list[tuple[str, int]]:
    """The focus areas in the first column of a table headed "Indsatsområde<TAB>Mål<TAB>..."."""
    out = []
    for i, line in enumerate(doc.lines):
        if "ndsatsområde" not in line[:20] or not _column_head(doc, i):
            continue
        cells = doc.lines[i + 1].count("\t")
        rows = []
        for k in range(i + 1, min(i + 30, len(doc.lines))):
            row = doc.lines[k]
            if row.count("\t") != cells:
                break
            name = clean(row.split("\t", 1)[0])
            if name and len(name.split()) <= 8 and name[0].isupper() and not is_placeholder(name) \
                    and not name.casefold().startswith(_totals()) \
                    and not _NOT_CHOSEN.match(row.split("\t", 2)[1]):  # (not a budget's "I alt" row; not an area
                rows.append((name, k))  # the form's "Valgt" column says no to: "Tryghed og trivsel<TAB>Nej")
        if rows and all(_FIGURES.fullmatch(doc.lines[k].split("\t", 1)[1]) for _, k in rows):
            known = _known_focus_areas()  # a table of figures (hours, money) by area: its other rows
            rows = [(name, k) for name, k in rows if _fkey(name) in known]  # ("Ledelse og administration") no area
        out += rows
    return out


_FIGURES = re.compile(r"[\d\s.,%\t-]*")  # a row's cells after its first: numbers only
_NOT_CHOSEN = re.compile(r"\s*(?:Nej|NEJ|nej|Ikke valgt|ikke valgt|Fravalgt|fravalgt|☐|□|\[ \])\s*(?:$|[–(-])")


def _table_focus(doc: Document) -> list[tuple[str, int]]:
    """The focus areas an activity table names in its column ("Indsatsområde | Aktivitet |
    ..."), for a document that names them nowhere else."""
    from samspil.loaders.extract.activity_tables import table_blocks

    return [(b.focus_area, b.start) for b in table_blocks(doc) if b.focus_area and not is_placeholder(b.focus_area)]


# a document whose title is one delaftale: "DELAFTALE – BESKÆFTIGELSE", "Delaftale 2: Uddannelse og livschancer"
_OWN_DELAFTALE = re.compile(r"^\W*delaftale(?:\s+(?:nr\.\s*)?\d{1,2})?\s*[:–—-]\s*(?P<area>\S.{2,60})$", re.I)


_CAPS_DELAFTALE_IN = re.compile(r"\sDELAFTALE\s*[:–—-]\s*(?P<area>[A-ZÆØÅ][A-ZÆØÅ ,-]{3,60}?)\s*$")


def own_delaftale_area(doc: Document) -> str | None:
    """The known area of a document whose title (among its first three lines) is one delaftale's."""
    def area(line: str) -> str | None:
        if "elaftale" not in line and "ELAFTALE" not in line:
            return None
        m = _OWN_DELAFTALE.match(strip_markup(line).strip()) or _CAPS_DELAFTALE_IN.search(line)
        if m is None:  # (or its title in capitals run on at the line's end, the breaks lost: "Bilag 2 ... · 11-11-2024
            return None  # DELAFTALE: SUNDHED OG TRIVSEL")
        name = m.group("area").strip()
        name = name[0] + name[1:].lower() if name.isupper() else name
        return _known_focus_areas().get(_known_key(_fkey(name)) or "")

    own = next((a for line in [t for t in doc.lines[:8] if t.strip()][:3] if (a := area(line))), None)
    if own is None or any((a := area(line)) and a != own for line in doc.lines):
        return None  # (a strategic agreement heads each of its delaftaler so)
    return own


def add_activity_areas(areas: list[FocusArea], activities) -> None:
    """A known focus area (the regulativ's or an older plan's name) that an activity is under but
    ``areas`` lack joins them, cited where the activity is: a web page's accordion or a list's
    heading names the area only above its activities."""
    for activity in activities:
        name = activity.focus_area
        if not name or canonical_focus_area(name, areas) in {a.name for a in areas}:
            continue
        key = _known_key(_fkey(name))  # (a scan's or ASCII spelling of a listed area is that area: "Beskaeftigelse")
        if key is not None and key not in {_known_key(_fkey(a.name)) for a in areas}:
            areas.append(FocusArea(name=name, sources=list(activity.sources[:1])))


def _merge_synonyms(areas: list[FocusArea]) -> list[FocusArea]:
    """A variant heading joins the focus area of the document it names."""
    by_name = {a.name: a for a in areas}
    for area in list(areas):
        target = by_name.get(canonical_focus_area(area.name, areas) or "")
        if target is not None and target is not area:
            target.sources.extend(area.sources)
            areas = [a for a in areas if a is not area]
    return areas


def canonical_focus_area(name: str | None, focus_areas: list[FocusArea]) -> str | None:
    """The name under which ``focus_areas`` lists the focus area ``name`` (a variant
    heading such as "Kriminalpræventive indsatser" resolves to the document's
    "Kriminalitetsforebyggelse"); ``name`` itself when none matches.

    >>> areas = [FocusArea("Kriminalitetsforebyggelse"), FocusArea("Beskæftigelse")]
    >>> canonical_focus_area("Kriminalpræventive indsatser", areas)
    'Kriminalitetsforebyggelse'
    >>> canonical_focus_area("Uddannelse & Livschancer", [FocusArea("Uddannelse og livschancer")])
    'Uddannelse og livschancer'
    """
    if not name:
        return None
    key, by_key = _fkey(name), {_fkey(a.name): a.name for a in focus_areas}
    for canonical, variants in _synonym_keys():
        if key in variants and canonical in by_key:
            return by_key[canonical]
    return by_key.get(key, name)
