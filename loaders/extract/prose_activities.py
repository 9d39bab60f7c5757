"""Activities named in running text under a focus area's sentence:

    Under Uddannelse og livschancer gennemføres aktiviteten Lektiefabrikken, hvor frivillige
    ... samt aktiviteten Familiestøtte i Fyrkvarteret med ... Desuden gennemføres Offensiv
    Ungevejledning i samarbejde med ...

An agreement written as prose (a letter, a justified PDF text) names its activities by the
word "aktiviteten" or as what "gennemføres" after a sentence that opens with "Under <focus
area>"; the name is its capitalised words (with "i", "og", "for" ... between them).
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.activity_lists import Block
from samspil.loaders.extract.sections import plain_lines

__all__ = ["named_list_blocks", "prose_activity_blocks"]

_NAME = r"[A-ZÆØÅ][\wæøå&-]+(?:\s+(?:(?:i|og|for|på|til|om)\s+)?[A-ZÆØÅ][\wæøå&-]+)*"
_NAMED = re.compile(rf"\baktivitete?n\s+(?P<a>{_NAME})|\bgennemføres\s+(?:desuden\s+|også\s+|endvidere\s+)?"
                    rf"(?P<b>{_NAME})(?=\s+(?:i\s+samarbejde|sammen\s+med|for\s|med\s|hvor\b)|,)"
                    # "Under X driver vi Lektiecafé Solskiftet sammen med ...": what "we" run
                    rf"|\b(?:driver|tilbyder|kører|laver|starter)\s+vi\s+(?:også\s+|desuden\s+)?"
                    rf"(?P<c>{_NAME})(?=\s+(?:i\s+samarbejde|sammen\s+med|for\s|med\s|hvor\b|som\b)|,)"
                    # "..., og Familiestuen, hvor ...", "... og Fritidsjobkorpset, som hjælper ...": the next one
                    rf"|(?<=\s)og\s+(?P<d>{_NAME}),\s+(?=(?:hvor|som|der)\s)")
_UNDER = re.compile(r"(?:^|(?<=[.:]\s))Under\s+(?:indsatsområdet\s+)?(?P<area>[A-ZÆØÅ][\wæøå ,-]{2,60}?)\s+"
                    r"(?:gennemføres|igangsættes|etableres|arbejder|tilbydes|vil|driver|tilbyder|kører|laver|har)\b")
_CONTEXT_LINES = 4  # a focus area's sentence up to this many lines above its activities


def prose_activity_blocks(doc: Document) -> list[Block]:
    """Each activity named in a paragraph of a focus area's sentence, with that focus area."""
    if "Under " not in doc.text:
        return []
    from samspil.loaders.extract.focus_areas import canonical_focus_area, extract_focus_areas

    areas = extract_focus_areas(doc)
    if not areas:
        return []
    known = {a.name for a in areas}
    plain = plain_lines(doc)
    out: list[Block] = []
    area, area_line = None, -99
    for i, text, starts in _paragraphs(plain):
        unders = [(m.start(), canonical_focus_area(m.group("area"), areas)) for m in _UNDER.finditer(text)]
        unders = [(at, a) for at, a in unders if a in known]
        if "aktivitet" not in text and "gennemføres" not in text and not (unders and " vi " in text):
            if unders:
                area, area_line = unders[-1][1], i
            continue
        named = [m for m in _NAMED.finditer(text) if not m.group("d") or _no_organisation(m.group("d"))]
        for k, m in enumerate(named):
            end = named[k + 1].start() if k + 1 < len(named) else len(text)  # (its text: up to the next one)
            before = [a for at, a in unders if at < m.start()]
            focus = before[-1] if before else area if i - area_line <= _CONTEXT_LINES else None
            if focus is None or (m.group("c") or m.group("d")) and not before:
                continue  # ("driver vi X" only in a sentence under its area)
            name = next(g for g in m.groups() if g).strip()
            if name in known or len(name.split()) > 6:
                continue
            line = i + sum(1 for at in starts if at <= m.start()) - 1
            out.append(Block(name, line, line + 1, focus, text=text[m.start():end]))
        if unders:
            area, area_line = unders[-1][1], i
    return out


def _paragraphs(plain: list[str]):
    """(first line, text, each line's offset in it) of each paragraph: lines up to a blank one
    (a focus area's name wraps onto the next line: "Under Uddannelse" / "og livschancer driver vi ...")."""
    i = 0
    while i < len(plain):
        if not plain[i]:
            i += 1
            continue
        j, parts, starts, at = i, [], [], 0
        while j < len(plain) and plain[j] and (j == i or len(plain[j - 1]) > 60):  # (a short line ends a paragraph)
            starts.append(at)
            parts.append(plain[j])
            at += len(plain[j]) + 1
            j += 1
        yield i, " ".join(parts), starts
        i = j


def _no_organisation(name: str) -> bool:
    """Whether ``name`` reads as no organisation (a project's name after "og", not a partner's)."""
    from samspil.loaders.extract.org_lists import org_type_of
    from samspil.loaders.gazetteer import municipality

    return org_type_of(name) == "other" and municipality(name) is None


# a word in capitals inside running text: a newspaper's way of naming what it reports on ("... et klasselokale
# til rådighed for LEKTIECAFÉEN to eftermiddage om ugen ..."); five letters at least
_CAPS_WORD = re.compile(r"(?<=[a-zæøå,] )([A-ZÆØÅÉ]{5,}(?:-[A-ZÆØÅÉ]+)?)(?= [a-zæøå]|[.,])")


def caps_activity_blocks(doc: Document) -> list[Block]:
    """Activities named in capitals inside sentences (a local newspaper's article: "Sundhedsplejen åbner en
    MØDREGRUPPE for nybagte mødre"), two or more in the document; never an organisation's or place's name
    or a known short form. Their names are written in sentence case; their focus areas are not told."""
    from samspil.loaders.extract.org_lists import org_type_of
    from samspil.loaders.gazetteer import is_town, municipality

    if not any(len(w) >= 5 and w.isupper() for w in doc.text[:20000].split()):  # (most documents: none)
        return []
    found: list[Block] = []
    seen: set[str] = set()
    for i, line in enumerate(doc.lines):
        if not line or sum(c.isupper() for c in line) * 3 > sum(c.isalpha() for c in line):
            continue  # (a headline in capitals)
        for m in _CAPS_WORD.finditer(line):
            word = m.group(1)
            name = word[:1] + word[1:].lower()
            if name in seen or org_type_of(name) != "other" or is_town(name) or municipality(name):
                continue
            seen.add(name)
            found.append(Block(name, i, i + 1, None))
    return found if len(found) >= 2 else []


# a counted item that opens with its name in quotes, then a dash or colon and its text: 'a) "Læselyst" – oplæsning ...'
_COUNTED_QUOTE = re.compile(r"^\s*(?:[a-h]|\d{1,2})[.)]\s+[\"“«»„](?P<name>[A-ZÆØÅ0-9][^\"“”«»„.!?]{1,60}?)[\"”»«“]\s*[–—:-]\s+\S")


# a weekly schedule: "MANDAG" over "14.00-16.00<TAB>Strikkecafé<TAB>Fælleshuset" and its "For:" / "Arr.:" lines
_SCHEDULE_ROW = re.compile(r"^\s*(?:kl\.\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\s*\t(?P<name>[A-ZÆØÅ][^\t]{1,90})")
_NOTE_THEN_PLACE = re.compile(r"\s*\([^()]*\)\s+\S.*$")  # "Fællesspisning (første torsdag) Fælleshuset X": the name
_WEEKDAY = re.compile(r"^\W*(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:e)?\b[^.:]{0,40}$", re.I)
_PAUSED = re.compile(r"holder pause|aflyst|udgår|er lukket|sat på pause", re.I)


def schedule_blocks(doc: Document) -> list[Block]:
    """The activities of a weekly schedule: under weekday headings ("MANDAG"), each row's time, then its
    name in a cell of its own (``space_tables`` keeps a schedule row's cells), its lines below it ("For: ...",
    "Arr.: ...") its text; a row the schedule says is paused or cancelled is none."""
    if "\t" not in doc.text:
        return []
    rows = [i for i, line in enumerate(doc.lines) if line[:1] in " 0123456789k" and _SCHEDULE_ROW.match(line)]
    days = [i for i, line in enumerate(doc.lines) if len(line) < 50 and _WEEKDAY.match(line)]
    if len(rows) < 3 or len(days) < 2:
        return []
    from samspil.loaders.extract.activities import activity_name

    out: list[Block] = []
    stops = sorted(set(rows) | set(days))
    for i in rows:
        end = next((j for j in stops if j > i), len(doc.lines))
        end = next((j for j in range(i + 1, end) if not doc.lines[j].strip()), end)
        body = " ".join(doc.lines[i:end])
        if _PAUSED.search(body):
            continue
        name = activity_name(_NOTE_THEN_PLACE.sub("", _SCHEDULE_ROW.match(doc.lines[i]).group("name").strip()))
        if len(name.split()) > 6:
            continue
        out.append(Block(name=name, start=i, end=end, focus_area=None, text=body.split("\t", 1)[1]))
    return out


def quoted_sentence_blocks(doc: Document) -> list[Block]:
    """Projects named in quotes in sentences that say what they are (``quoted_projects``: 'Nye lejere tilbydes
    "Bo godt fra start" - et velkomstforløb ...'), for a document that names its activities nowhere else; a
    project's area is unknown unless the sentence names one of the document's focus areas."""
    from samspil.loaders.extract.quoted_projects import _QUOTES, quoted_projects
    from samspil.loaders.extract.text import strip_markup

    if not any(q in doc.text for q in _QUOTES):
        return []
    out: list[Block] = []
    seen = {m.group(1).casefold() for m in _PLAN_NAMED.finditer(doc.text)}  # (the plan's own name in quotes)
    for i, line in enumerate(doc.lines):
        if not any(q in line for q in _QUOTES):
            continue
        text = strip_markup(line)
        for name, sentence in quoted_projects(text):
            before = sentence.split(name, 1)[0][-40:]
            if name.casefold() not in seen and not _PLAN_QUOTE.search(sentence.split(name, 1)[1][:40]) \
                    and not _DEFINED_AS.search(before) and not _FORMER_PLAN.search(sentence):
                seen.add(name.casefold())
                out.append(Block(name=name, start=i, end=i + 1, focus_area=None, text=sentence))
    return out


# the plan itself in quotes: '"Årslev Åbner Op" er en boligsocial indsats', 'indsatsen "X", som ...'
_PLAN_NAMED = re.compile(r"(?i:helhedsplan(?:en)?|boligsociale?\s+indsats(?:en)?|samarbejdsaftale(?:n)?)\s+[\"“»„]"
                         r"([^\"“”»«„\n]{2,60})[\"”«“]")
_FORMER_PLAN = re.compile(r"\b(?:tidligere|forrige|afsluttet|afsluttede|ophørt|ophørte|nedlagt|nedlagte)\b", re.I)
_DEFINED_AS = re.compile(r"(?:i det følgende|herefter|efterfølgende|kaldet|benævnt)\W*$", re.I)  # a short name defined
_PLAN_QUOTE = re.compile(r"^\W*(?:,\s*)?(?:er\s+(?:en|den)\s+boligsocial|som\s+(?:kommunen|parterne|[A-ZÆØÅ]{2,6})\s+har\s+aftalt)")


def quoted_bullet_blocks(doc: Document) -> list[Block]:
    """Projects named in quotes in a list's bullets, when nothing else names any activity (a political
    agreement's "Aftalepartierne lægger særlig vægt på:" over "• at helhedsplanens lektiecafé "Lynge Læser"
    etableres ..."): each bullet with its wrapped lines read as :func:`quoted_projects` reads a sentence."""
    from samspil.loaders.extract.quoted_projects import quoted_projects

    if '"' not in doc.text and "“" not in doc.text and "»" not in doc.text:
        return []
    out: list[Block] = []
    seen: set[str] = set()
    lines = doc.lines
    lettered: list[tuple[int, int, str]] = []  # (start, end, text) of items counted by letter without a cue'd name
    for i, line in enumerate(lines):
        counted = _COUNTED_QUOTE.match(line)  # 'a) "Eksamensklar" – intensive forløb ...': a counted item named first
        letter = not counted and _LETTER_ITEM.match(line)
        if not counted and not letter and (not (mark := line.lstrip()[:1]) or mark not in "•-–▪"):
            continue
        end = i + 1
        while end < len(lines) and lines[end].strip() and lines[end].lstrip()[:1] not in "•-–▪" \
                and not _COUNTED_QUOTE.match(lines[end]) and not _LETTER_ITEM.match(lines[end]) and end - i <= 3 \
                and not lines[end - 1].rstrip().endswith("."):
            end += 1  # (the bullet's wrapped lines)
        if counted:
            if (name := counted.group("name").strip()) not in seen and not name.isupper():
                seen.add(name)
                out.append(Block(name, i, end, None))
            continue
        text = " ".join(t.strip() for t in lines[i:end]).lstrip("•-–▪ ")
        if letter:
            text = _LETTER_ITEM.sub("", text, 1)
        named = quoted_projects(text)
        if letter and not named:
            lettered.append((i, end, text))
        for name, _ in named:
            if name not in seen and not name.isupper():  # (a headline's name in capitals: the plan's own)
                seen.add(name)
                out.append(Block(name, i, end, None))
    if sum(1 for b in out if _LETTER_ITEM.match(lines[b.start])) >= 2:  # a list of tasks counted by letter whose
        for i, end, text in lettered:  # other items name projects: a quoted name in an item is one too ('a) holde
            quoted = _FIRST_QUOTE.search(text)  # "Åben rådgivning" i beboerhuset ...')
            if quoted and quoted.start() < 60 and (name := quoted.group(1).strip()) not in seen \
                    and len(name.split()) <= 6 and not name.isupper():
                seen.add(name)
                out.append(Block(name, i, end, None))
        out.sort(key=lambda b: b.start)
    return out if len(out) >= 2 else []


_LETTER_ITEM = re.compile(r"^\s*[a-h]\)\s+(?=\S)")
_FIRST_QUOTE = re.compile(r"[\"“«»„]([A-ZÆØÅ0-9][^\"“”«»„.!?]{1,60}?)[\"”»«“]")


# the activities a sentence lists by name in quotes after the word for them: 'beskrive aktiviteterne "Lektiebussen"
# (med X), "Jobdøren" (med Y) og "Ungeguiden" (med Z)'
_LISTED_AFTER = re.compile(r"\b(?:aktiviteterne|projekterne|delprojekterne|tilbuddene)\s+(?=[\"“«»„])")
_QUOTED_ITEM = re.compile(r"[\"“«»„]([A-ZÆØÅ0-9][^\"“”«»„.!?]{1,60}?)[\"”»«“]")
_PAST = re.compile(r"\b(?:tidligere|afsluttet|afsluttede|havde|ophørt|ophørte|lukket|lukkede|nedlagt|nedlagte)\b", re.I)
_BETWEEN = re.compile(r"\s*(?:\([^()]{0,80}\))?\s*(?:,|og|samt)?\s*$")  # what stands between two of them


def named_list_blocks(doc: Document) -> list[Block]:
    """Activities a sentence names in quotes right after the word for them ("aktiviteterne "A" (med X), "B" og
    "C""), two or more; no focus area (the sentence names none)."""
    if "aktiviteterne" not in doc.text and "projekterne" not in doc.text and "tilbuddene" not in doc.text:
        return []
    plain = plain_lines(doc)
    out: list[Block] = []
    for i, line in enumerate(plain):
        for m in _LISTED_AFTER.finditer(line):
            sentence = line[max(0, line.rfind(". ", 0, m.start()) + 1):m.start()]
            if _PAST.search(sentence) or _PAST.search(line, m.end(), m.end() + 250):
                continue  # ('Den tidligere plan havde aktiviteterne "A" og "B", som er afsluttet': no more)
            text = line[m.end():] + (" " + plain[i + 1] if i + 1 < len(plain) else "")
            names, at = [], 0
            for q in _QUOTED_ITEM.finditer(text):
                if names and not _BETWEEN.match(text[at:q.start()]):
                    break
                names.append(q.group(1).strip())
                at = q.end()
            if len(names) >= 2:
                out += [Block(name, i, i + 1, None) for name in names if len(name.split()) <= 6]
    return out
