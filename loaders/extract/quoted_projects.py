"""Projects named only in a focus area's prose, in quotes.

Plans that describe their focus areas in sentences name their projects there:
``Projektet "Aktiv Fritid" skal ...``, ``Desuden oprettes en "Pigeklub" i beboerhuset``,
``Sundhedsplejen tilbyder «Sund Start» – madlavning og motion``. A quoted name is a
project when its sentence holds a project cue (projekt, tilbud, klub, oprettes, starter,
tilbyder, drives, kører, aktivitet, forløb, initiativ, ...) and the words just before it
do not make it a quotation of a person, a report, a plan or a slogan ("siger", "rapporten",
"helhedsplanen", "sloganet"). ``area_items.py`` asks for them in the text under a focus
area's heading, so each keeps that area.
"""
from __future__ import annotations

import re

__all__ = ["quoted_projects"]

_QUOTES = ('"', "“", "«", "»", "„", "”")
# a quoted name: a capital or digit first, up to 60 characters, no sentence inside
_QUOTED = re.compile(r"[\"“«»„”]([A-ZÆØÅ0-9][^\"“”«»„.!?]{1,60}?)[\"”»«“]")  # (also Danish »X«)
_SENTENCE = re.compile(r"(?<=[\wæøå)\"”»«]{2}[.!?])\s+(?=[A-ZÆØÅ\"“«»„])")
_CUE = re.compile(r"projekt|tilbud|klub|opret|start|tilbyde|drive|kører|aktivitet|forløb|initiativ|etabler"
                  r"|igangsæt|hedder|kaldet|workshop|værksted|café|cafe|hold\b|gruppe|\bbl\. ?a\.|blandt andet", re.I)
# the words just before a quotation that is no project's name
_NOT_PROJECT = re.compile(r"(?:\b(?:siger|sagde|fortæller|udtaler|citat|rapport\w*|undersøgelse\w*|analyse\w*"
                          r"|evaluering\w*(?: af)?|strategi\w*|politik\w*|\w*plan(?:en|s)?|aftale\w*|slogan\w*|motto\w*"
                          r"|vision\w*|lov\w*|bog\w*|artikel\w*|overskrift\w*|indsatsen|kaldes ofte|indsatsområde\w*|fokusområde\w*"
                          # a venue's name: "i beboerhuset "Æblehuset"", "lokalet "Kilden""
                          r"|\w*hus(?:et)?|lokale\w*|\w*center|\w*centret|\w*bygning\w*|\w*sal(?:en)?)\W*)$"
                          r"|(?-i:\b(?!(?:Projekt|Tilbud|Klub|Forløb|Initiativ|Aktivitet)\w*\s*$)[A-ZÆØÅ][\wæøå-]+\s*$)", re.I)  # (or the rest of a name: 'Legepladsen "Æblehaven"')
# a description in apposition after the name: '"Familieholdet", et gruppeforløb for ...', '"Ung på Vej", hvor ...'
_APPOSITION = re.compile(r",\s+(?:et|en|hvor)\s")
_PRONOUN = re.compile(r"\b(?:vi|jeg|du|man|os|vores)\b", re.I)  # a quoted sentence or slogan
MAX_WORDS = 6


def quoted_projects(text: str) -> list[tuple[str, str]]:
    """(name, its sentence) of each project named in quotes in ``text``.

    >>> quoted_projects('Projektet "Aktiv Fritid" skal give flere unge en fritidsinteresse.')
    [('Aktiv Fritid', 'Projektet "Aktiv Fritid" skal give flere unge en fritidsinteresse.')]
    >>> quoted_projects('Som en beboer siger: "Her er godt at bo". Rapporten "Tryghed i Byen" viser ...')
    []
    """
    if not any(q in text for q in _QUOTES):
        return []
    out = []
    for sentence in _SENTENCE.split(text):
        for m in _QUOTED.finditer(sentence):
            name = m.group(1).strip(" ,;:-–")
            before = sentence[max(0, m.start() - 40):m.start()]
            if not name or len(name.split()) > MAX_WORDS or _NOT_PROJECT.search(before) \
                    or sum(w[:1].islower() for w in name.split()) > 3 or _PRONOUN.search(name):
                continue
            if _CUE.search(sentence[:m.start()]) or _CUE.search(sentence[m.end():]) or _CUE.search(name) \
                    or _APPOSITION.match(sentence, m.end()):
                out.append((name, sentence))
    return out


# "Uddannelse og livschancer: "Tidlig sprogindsats", "Lektiecafé" og "Overgang til ungdomsuddannelse"."
# a focus area's label, then its activities as a list of quoted names (also several areas on one
# line when the line breaks were lost); the label a focus area the vocabulary knows, or any short
# capitalised label under a lead-in that speaks of focus areas or activities
_AREA_LABEL = re.compile(r"(?:(?<=^)|(?<=[.:!?]\s)|(?<=^\W\s)|(?<=[\"”»]\.\s))(?P<label>[A-ZÆØÅ][\wæøåé,&/ -]{2,60}?)\s*:\s*(?=[\"“«»„])")
_LIST_GLUE = re.compile(r"[\s,;]+|\b(?:og|samt)\b")
_LEAD_IN = re.compile(r"indsatsområde|aktivitet|projekt", re.I)
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?])\s*$")  # nothing, or a sentence's end, before the quote


def focus_quoted_blocks(doc) -> list:
    """Activity blocks of the lines that list a focus area's activities in quotes."""
    from samspil.loaders.extract.activity_lists import Block
    from samspil.loaders.extract.focus_areas import _fkey, _known_focus_areas
    from samspil.loaders.extract.text import strip_markup

    known = _known_focus_areas()
    out = []
    for i, line in enumerate(doc.lines):
        if ":" not in line or not any(q in line for q in _QUOTES):
            continue
        text = strip_markup(line)
        labels = list(_AREA_LABEL.finditer(text))
        for k, m in enumerate(labels):
            label = m.group("label").strip()
            if len(label.split()) > 6:
                continue
            above = " ".join(doc.lines[max(0, i - 4):i]) + " " + text[max(0, m.start() - 300):m.start()]
            if _fkey(label) not in known and not _LEAD_IN.search(above):
                continue
            seg = text[m.end():labels[k + 1].start() if k + 1 < len(labels) else len(text)]
            names = []
            pos = 0
            for q in _QUOTED.finditer(seg):
                if _LIST_GLUE.sub("", seg[pos:q.start()]):
                    break  # (words between the names: a sentence, not a list)
                names.append(q.group(1).strip())
                pos = q.end()
            if names and _LIST_GLUE.sub("", seg[pos:]).strip(" .").strip():
                names = []  # (a sentence after the names: read below)
            if not names and _fkey(label) in known:  # 'Beskæftigelse: "Job på Tværs" er en ... "Fritidsjob X"
                names = [q.group(1).strip() for q in _QUOTED.finditer(seg)  # hjælper ...': each sentence's subject
                         if _SENTENCE_OPEN.search(seg[:q.start()])]
            if _fkey(label) not in known and len(names) < 2 or any(_PRONOUN.search(n) for n in names):
                continue  # (an unknown label over one quotation: 'Som en beboer siger: "Her er godt at bo"')
            out += [Block(name=n, start=i, end=i + 1, focus_area=known.get(_fkey(label), label), text=n)
                    for n in names if len(n.split()) <= MAX_WORDS]
    return out


# a sentence that names one of the document's focus areas and then its activities in quotes:
# 'Under a) Uddannelse og livschancer er der aftalt to aktiviteter: "Læseløft i Vest" i samarbejde
# med ... og "Familiernes Hus" ...' (a board paper or a summary that describes the plan in prose)
_ACTIVITY_WORD = re.compile(r"\baktivitet(?:er|en|erne)?\b|\bprojekt(?:er|et|erne)?\b|\btiltag(?:ene)?\b", re.I)


# a project started in a sentence's own words, its name in quotes after: "etableres "X"", "videreføres "Y""
_STARTED = re.compile(r"\b(?:etableres|oprettes|videreføres|igangsættes|startes|iværksættes|omfatter)\b")
# an area named by its place in the document's list: "den første delaftale", "det andet indsatsområde"
_NTH_AREA = re.compile(r"\b(?:den|det)\s+(første|anden|andet|tredje|fjerde)\s+(?:delaftale|indsatsområde)\b", re.I)
_ORDINALS = {"første": 1, "anden": 2, "andet": 2, "tredje": 3, "fjerde": 4}


def area_sentence_blocks(doc) -> list:
    """Activity blocks of quoted names in sentences that name a focus area of the document
    before them and speak of activities; each block's text runs from its name to the next."""
    from samspil.loaders.extract.activity_lists import Block
    from samspil.loaders.extract.focus_areas import _known_focus_areas, extract_focus_areas
    from samspil.loaders.extract.text import strip_markup

    areas = [fa.name for fa in extract_focus_areas(doc)]
    if not areas:  # (a bullet that opens with a known area's name names it: "* Beskæftigelse – ...")
        known = list(_known_focus_areas().values())
        return _area_bullets(doc, known, _names_pattern(known)) if any(q in doc.text for q in _QUOTES) else []
    area_pattern = _names_pattern(areas)
    named = named_areas = areas + [k for k in _known_focus_areas().values() if k.casefold() not in {a.casefold() for a in areas}]
    out = _area_bullets(doc, named, _names_pattern(named))  # (a caps heading taken for an area: the bullets' own)
    in_force = None  # the area a paragraph's sentence named as its subject ("Det første hedder X."): its later
    # sentences' projects are the area's ('Her starter vi "Lektieskuret" ...')
    for i, line in enumerate(doc.lines):
        before_line, in_force = in_force, _paragraph_area(line, in_force, area_pattern)
        if not any(q in line for q in _QUOTES):
            continue
        if _BULLET.match(line) and (lead := _lead_in(doc, i)) \
                and (_ACTIVITY_WORD.search(lead) or _area_in_brackets(line, area_pattern)) \
                and (block := _bullet_with_area(strip_markup(line), i, area_pattern, areas, lead)):
            out.append(block)  # "følgende aktiviteter:" over '- "Børnehøjde": ... (Uddannelse og livschancer).'
            continue
        if _BULLET.match(line) and (lead := _lead_in(doc, i)) and (named_area := area_pattern.search(lead)):
            # "Under uddannelse og livschancer vil vi især:" over "– starte "Læselyst i Vest", hvor ..."
            text = strip_markup(line)
            quotes = list(_QUOTED.finditer(text))
            named = {n for n, _ in quoted_projects(text)}
            if quotes and (quotes[0].group(1).strip(" ,;:-–") in named or len(quotes[0].group(1).split()) <= MAX_WORDS
                           and not _NOT_PROJECT.search(text[max(0, quotes[0].start() - 40):quotes[0].start()])
                           and not _PRONOUN.search(quotes[0].group(1))):  # (the lead-in says it lists activities)
                focus = next(a for a in areas if a.casefold() == named_area.group(0).casefold())
                out.append(Block(name=quotes[0].group(1).strip(" ,;:-–"), start=i, end=i + 1, focus_area=focus,
                                 text=text[quotes[0].start():]))
            continue
        before = _wrapped_before(doc, i)
        if not _ACTIVITY_WORD.search(line) and not _STARTED.search(line) and not _STARTED.search(before[-200:]) \
                and before_line is None and in_force is None:
            continue
        text, own = strip_markup(line), 0  # (own: where this line's text starts in ``text``)
        if before and not before.endswith((".", "!", "?", ":")):  # a sentence wrapped onto this line: its start with it
            start = max((m.end() for m in _SENTENCE.finditer(before)), default=0)
            text, own = f"{before[start:]} {text}", len(before) - start + 1  # (its quotes on the lines before are
            # those lines' own: only this line's are read here)
        at = 0
        for sentence in _SENTENCE.split(text):
            begins = text.index(sentence, at)  # (where the sentence starts in ``text``)
            at = begins + len(sentence)
            quotes = [q for q in _QUOTED.finditer(sentence) if begins + q.start() >= own]
            whole = f"{sentence} {_wrapped_after(doc, i)}" if at == len(text) else sentence  # (the last sentence
            named = {n for n, _ in quoted_projects(whole)}  # with the lines it wraps onto: '"Havnegangen",' / "hvor ...")
            started = quotes and _STARTED.search(sentence[:quotes[0].start()]) is not None
            if started:  # ("X omfatter "Gadeteamet", et samarbejde ..."): the verb says a project is named
                named |= {n for q in quotes if len((n := q.group(1).strip(" ,;:-–")).split()) <= MAX_WORDS
                          and not _NOT_PROJECT.search(sentence[max(0, q.start() - 40):q.start()]) and not _PRONOUN.search(n)
                          and n.casefold() not in {a.casefold() for a in named_areas}}  # (not an area in quotes)
            heads = [m.group("area") for m in _AREA_SUBJECT.finditer(text, 0, begins) if area_pattern.fullmatch(m.group("area"))]
            held = heads[-1] if heads else before_line  # (the area a sentence before this one named as its subject)
            if not quotes or not named or not (_ACTIVITY_WORD.search(sentence[:quotes[0].start()]) or started or held):
                continue
            for k, q in enumerate(quotes):
                area = [m.group(0) for m in area_pattern.finditer(sentence, 0, q.start())] or ([held] if held else [])
                name = q.group(1).strip(" ,;:-–")
                if not area and (nth := [m for m in _NTH_AREA.finditer(sentence, 0, q.start())]) \
                        and (n := _ORDINALS[nth[-1].group(1).casefold()]) <= len(areas):
                    area = [areas[n - 1]]  # "Inden for den første delaftale etableres "X"": the areas in the order listed
                if not area or name not in named:
                    continue
                focus = next((a for a in areas if a.casefold() == " ".join(area[-1].split()).casefold()), None)
                if focus is None:
                    continue
                end = quotes[k + 1].start() if k + 1 < len(quotes) else len(sentence)
                out.append(Block(name=name, start=i, end=i + 1, focus_area=focus, text=sentence[q.start():end]))
    return out


# a sentence whose subject is an area: "Det første hedder Uddannelse og livschancer.", "Det andet indsatsområde
# hedder X.", "Indsatsområdet X handler om ..."
_AREA_SUBJECT = re.compile(r"\b(?:[Dd]et|[Dd]en)\s+(?:første|andet|anden|tredje|fjerde)\s+(?:indsatsområde\s+|delaftale\s+)?"
                           r"hedder\s+(?P<area>[^.:;]{3,60})(?=[.:;])")


def _paragraph_area(line: str, in_force: str | None, area_pattern: re.Pattern[str]) -> str | None:
    """The area in force after ``line``: none after an empty line, else the last area a sentence of the
    paragraph named as its subject (:data:`_AREA_SUBJECT`)."""
    if not line.strip():
        return None
    if "hedder" in line:
        heads = [m.group("area") for m in _AREA_SUBJECT.finditer(line) if area_pattern.fullmatch(m.group("area"))]
        return heads[-1] if heads else in_force
    return in_force


def _wrapped_after(doc, i: int) -> str:
    """The lines below line ``i`` that its last sentence wraps onto (up to three, joined; "" when the line
    ends a sentence or the next is empty)."""
    from samspil.loaders.extract.text import strip_markup

    if doc.lines[i].rstrip().endswith((".", "!", "?", ":")):
        return ""
    out: list[str] = []
    for j in range(i + 1, min(i + 4, len(doc.lines))):
        nxt = strip_markup(doc.lines[j]).strip() if doc.lines[j].strip() else ""
        if not nxt:
            break
        out.append(nxt)
        if _SENTENCE.search(nxt) or nxt.endswith((".", "!", "?", ":")):
            break
    return " ".join(out)


def _wrapped_before(doc, i: int) -> str:
    """The lines above line ``i`` that its first sentence began on (up to three, joined; "" when a
    sentence ends on the line above or it is empty)."""
    from samspil.loaders.extract.text import strip_markup

    out: list[str] = []
    for j in range(i - 1, max(-1, i - 4), -1):
        prev = strip_markup(doc.lines[j]).strip() if doc.lines[j].strip() else ""
        if not prev or prev.endswith((".", "!", "?", ":")):
            break
        out.insert(0, prev)
        if _SENTENCE.search(prev):  # (the sentence begins on this line)
            break
    return " ".join(out)


def _names_pattern(names: list[str]) -> re.Pattern[str]:
    """One pattern for ``names``, the longest first, in any case."""
    return re.compile("|".join(re.escape(a) for a in sorted(names, key=len, reverse=True)), re.I)


def _area_bullets(doc, areas: list[str], area_pattern: re.Pattern[str]) -> list:
    """Activity blocks of the quoted names in a bullet (or line) that opens with one of the document's
    focus areas and a dash or colon, its wrapped lines joined ("* Beskæftigelse – "Job-Café Vest" hver
    mandag med ... og" / ""Sommerjob i sæsonen", hvor ..."): the bullet is that area's, so are the
    activities it names."""
    from samspil.loaders.extract.activity_lists import Block
    from samspil.loaders.extract.text import strip_markup

    if not any(q in doc.text for q in _QUOTES):
        return []
    out, bare = [], []  # (bare: lines without a bullet's mark, which count only as a series of two or more:
    # one paragraph in running text that opens with an area's name heads nothing)
    lines = doc.lines
    firsts = {a.split(None, 1)[0].casefold() for a in areas}  # (a line whose first word opens no area: most)
    for i, line in enumerate(lines):
        if line.lstrip(" \t-–•*▪").split(" ", 1)[0].rstrip(":,–").casefold() not in firsts:
            continue
        bullet = _BULLET.match(line)  # (or none: a Word list's bullet is its numbering, not a character)
        if not (area := area_pattern.match(line, bullet.end() if bullet else len(line) - len(line.lstrip()))) \
                or not _AREA_SEPARATOR.match(line, area.end()):
            continue
        end = i + 1
        while end < len(lines) and lines[end].strip() and not _BULLET.match(lines[end]) \
                and lines[end].strip()[:1] in _CONTINUES and end - i < 6:
            end += 1
        text = strip_markup(" ".join(ln.strip() for ln in lines[i:end]))
        focus = next(a for a in areas if a.casefold() == area.group(0).casefold())
        for q in _QUOTED.finditer(text):
            name = q.group(1).strip(" ,;:-–")
            if len(name.split()) <= MAX_WORDS and not _PRONOUN.search(name) \
                    and not _NOT_PROJECT.search(text[max(0, q.start() - 40):q.start()]):
                (out if bullet else bare).append(Block(name=name, start=i, end=end, focus_area=focus,
                                                       text=text[q.start():]))
    return out + (bare if len({b.start for b in bare}) >= 2 else [])


_AREA_SEPARATOR = re.compile(r"\s*(?:[–—:]|-\s)")
_CONTINUES = frozenset("abcdefghijklmnopqrstuvwxyzæøå\"“«»„(")  # (a bullet's wrapped line opens so)


_BULLET = re.compile(r"^\s*[-–•*▪]\s+")
_QUOTE_FIRST = re.compile(r"^\s*[-–•*▪]\s+(?=[\"“«»„])")


def _area_in_brackets(line: str, area_pattern: re.Pattern[str]) -> bool:
    """Does the bullet name one of the document's focus areas in brackets ('... (Uddannelse og
    livschancer).'): its quoted name is that area's activity whatever the lead-in says."""
    return "(" in line and any(line[m.start() - 1:m.start()] == "(" and line[m.end():m.end() + 1] == ")"
                               for m in area_pattern.finditer(line))


def _bullet_with_area(text: str, i: int, area_pattern: re.Pattern[str], areas: list[str], lead_in: str = ""):
    """A bullet under a lead-in that speaks of activities, opening with the activity's name in
    quotes, with the focus area its text names ("(Uddannelse og livschancer)") or else ``lead_in``
    names (None when neither does), or None."""
    from samspil.loaders.extract.activity_lists import Block

    if not (lead := _QUOTE_FIRST.match(text)) or not (quote := _QUOTED.match(text, lead.end())):
        return None
    name = quote.group(1).strip(" ,;:-–")
    if len(name.split()) > MAX_WORDS or _PRONOUN.search(name):
        return None
    named = [m.group(0) for m in area_pattern.finditer(text, quote.end())]
    # (no area named: the activity still, the lead-in said it lists activities; its area from the lead-in's
    # own words, when they name one: "to andre aktiviteter i delaftalen om Kriminalitetsforebyggelse:")
    named = named or [m.group(0) for m in area_pattern.finditer(lead_in)]
    focus = next((a for a in areas if named and a.casefold() == named[-1].casefold()), None)
    return Block(name=name, start=i, end=i + 1, focus_area=focus, text=text[quote.start():])


def _lead_in(doc, i: int) -> str | None:
    """The lead-in line ending in a colon above the bullet at line ``i`` (other bullets and blank
    lines between), within eight lines."""
    for j in range(i - 1, max(-1, i - 9), -1):
        line = doc.lines[j].strip()
        if not line or _BULLET.match(line) or line[:1].islower():
            continue  # (a bullet's wrapped line: "  hjælp fra Struer Ungdomsskole. Starter 10. januar 2025.")
        return line if line.endswith(":") else None
    return None
