"""The numbered outline of a plan: focus areas and their activities from numbered headings.

Long plans and older free-form helhedsplaner number their chapters, and they
put the plan's structure there:

* ``1.5.2. Delaftale - Beskæftigelse`` / ``6.2 Indsatsområde 2 – Sundhed``:
  a heading that names a focus area (indsatsområde); the headings one level
  below it (``1.5.2.1. Fritidsjob``) are its activities;
* ``5. Indsatsområder`` with ``5.1 Børn, unge og familier`` under it: each
  child names a focus area, and the children's children are activities;
* ``5.1.2 Aktivitet 2`` with the activity's title on the next line.

The same heading usually occurs twice, in the table of contents (with a page
number, dot leaders or a tab) and in the body (where, in text that lost its
line breaks, the title runs straight into the first sentence). Headings are
keyed by their number: the table of contents gives the clean title, the body
gives the place the activity's text starts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from samspil.loaders.document import Document
from samspil.loaders.extract.text import clean, strip_markup
from samspil.loaders.segment import NUMBERED_ONLY, toc_title
from samspil.loaders.vocab import load_vocab

__all__ = ["Heading", "outline", "coded_headings", "focus_headings", "activity_headings", "chapter_headings", "run_on_contents", "run_on_name",
           "run_on_title"]

_NUMBERED = re.compile(r"^\W{0,3}((?:\d{1,2}\.){1,5}\d{0,2}|\d{1,2}(?=\s))\s*(\S.*)$")
# a heading that names one focus area: "Delaftale – X", "Indsatsområde 2 – X", "Indsatsområde: X"
_FOCUS_TITLE = re.compile(
    r"^(?:delaftale(?:\s+for\s+indsatsområde(?:t)?|\s+(?:nr\.?\s*)?\d{1,2})?|indsatsområde(?:t)?(?:\s*(?:nr\.?\s*)?\d{1,2})?)"
    r"\s*(?:[:–—-]\s*|\s+(?=[A-ZÆØÅ]))(?P<name>\S.{1,80})$", re.I)
_CONTAINER = re.compile(r"^(?:de\s+)?(?:(?:status|beskrivelse|oversigt|gennemgang)\s+(?:på|af|over)\s+(?:de\s+)?)?"
                        r"(?:\w+\s+)?(?:indsatsområde(?:r|rne)|fokusområder(?:ne)?)\b|^delaftaler(?:ne)?\b"
                        r"|^(?:(?:de\s+)?(?:boligsociale\s+)?indsatser(?:ne)?|temaer(?:ne)?|plan\s+for\s+indsatsen)"
                        r"(?:\s+og\s+(?:projekter|aktiviteter)(?:ne)?)?\s*$"
                        r"|^(?:status|resultater|opfølgning)\s+(?:pr\.?|per|for|på)\s+(?:hvert\s+)?indsatsområde\w*\b", re.I)
# words that start a sentence, not a heading's title ("5.2.2 Lommepengeprojekt Et fritidsarbejde ...")
_SENTENCE_START = frozenset(
    "Det Den De Der Her Et En I Vi Som Med For Formålet Målet Indsatsen Projektet Aktiviteten Aktiviteterne "
    "Helhedsplanen Hensigten Tanken Ideen Gennem Ved Efter Når Hvis Da Derfor Desuden Endvidere Også Både "
    "Mange Flere Børn Unge Beboerne Boligområdet Afdelingerne Området Samarbejdet Arbejdet Der".split())
MAX_TITLE_WORDS = 10
_CONNECTORS = frozenset("og i for af på til med ved fra & – - om under samt".split())
# "Aktivitet 2 Fritidsjob" when the title ran onto its label's line: the title
_LABEL_PREFIX = re.compile(r"^(?:Aktivitet|Delaktivitet|Delprojekt|Delindsats|Projekt|Tiltag)\s+\d{1,2}[a-z]?\s*[.:–-]?\s+(?=\S)")


@dataclass(frozen=True)
class Heading:
    number: tuple[int, ...]
    title: str
    line: int  # index in doc.lines (the body heading when there is one, else the contents entry)
    in_toc: bool

    @property
    def depth(self) -> int:
        return len(self.number)


def _number(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.strip(".").split(".") if p)


def _body_title(text: str, toc_title: str | None) -> str:
    """The heading's title where a body heading runs into its first sentence."""
    if toc_title and text.casefold().startswith(toc_title.casefold()):
        return toc_title
    text = _LIST_LABEL_AFTER.sub("", text)  # "3.4 Sociale netværk Projekter:" (the list under it)
    if len(text) > 80 and (code := _AREA_CODE.search(text[:90])) is not None:
        return text[:code.end()].strip()  # "4.1 Lektie- og fritidsklub (A) Lektiehjælp ...": coded by its area
    if len(text) > 80 or ") " in text and _LETTERED_AFTER.search(text):  # "3.2 Beskæftigelse 1. "Jobcafé" – ...":
        text = _ITEM_AFTER.split(text, 1)[0]  # the list under it ran on (a lettered one also on a short line)
    folded = text.casefold()
    known = next((k for k in _known_areas() if folded.startswith(k.casefold() + " ")
                  and not text[len(k) + 1:][:1].islower() and not _caps_go_on(text, k)), None)
    if known and len(text) > 80:  # "3.2 Beskæftigelse Jobcentret har ..."
        return text[:len(known)]
    words = text.split()
    if len(text) <= 80 and not text.endswith("."):
        return text
    for k, w in enumerate(words[1: MAX_TITLE_WORDS + 1], start=1):
        if w in _SENTENCE_START and k + 1 < len(words) and words[k + 1][:1].islower():
            return " ".join(words[:k])
        if w[:1].isupper() and words[k - 1][:1].islower() and words[k - 1] not in _CONNECTORS:
            return " ".join(words[:k])  # a title in sentence case ends at a capital: "... og tryghed Politiet ..."
        if (w[:1].isupper() and k + 1 < len(words) and words[k + 1][:1].islower()  # "... i Sundparken
                and words[k + 1] not in _CONNECTORS and words[k - 1] not in _CONNECTORS  # Lektiecaféen drives"
                and not words[k - 1][:1].isdigit()):
            if k >= 3 and words[k - 1][:1].isupper() and _names_organisation(" ".join(words[k - 1:k + 1])):
                k -= 1  # the sentence's subject an organisation of two words: "Fra Bænk til Job Jobcenter Kerteminde
            return " ".join(words[:k])  # tilbyder ..."
        if words[k - 1].endswith((".", ":", "!", "?")) and words[k - 1].casefold() not in _ABBREVIATIONS:
            return " ".join(words[:k]).rstrip(".:")
    return " ".join(words[:MAX_TITLE_WORDS]) if len(words) <= MAX_TITLE_WORDS else ""


def _names_organisation(name: str) -> bool:
    """Is ``name`` an organisation by its words ("Jobcenter Kerteminde", "Kerteminde Kommune")?"""
    from samspil.loaders.extract.orgs import org_type

    return org_type(name) not in (None, "other")


# words with a stop that end no sentence ("3. Status pr. indsatsområde og aktivitet Statusmarkering: ...")
_ABBREVIATIONS = frozenset("pr. ca. fx. f.eks. bl.a. jf. nr. afd. inkl. ekskl. mht. vedr. evt. ift.".split())


# the first item of a counted or coded list, or a bullet, run onto a heading's line
_ITEM_AFTER = re.compile(r"\s+(?:\d{1,2}[.)]|[a-h]\)|[•▪*]|[A-H]\.?\d{1,2}\.?)\s+(?=[A-ZÆØÅ\"«»“])")  # (also "d) X")
_LIST_LABEL_AFTER = re.compile(r"\s+(?:Projekter|Aktiviteter|Indsatser|Tiltag)\s*:?\s*$")


def _known_areas() -> list[str]:
    """The focus areas of the vocabulary, longest first."""
    vocab = load_vocab("focus_areas")
    return sorted(vocab.get("regulativ_2019_2026", []) + vocab.get("older", []), key=len, reverse=True)


# the counter of the first project run onto an area's heading: "... Projekt A – X", "... Aktivitet 1: X"
_COUNTER_AFTER = re.compile(r"\s+(?:Del)?[Pp]rojekt\s+(?:nr\.\s*)?(?:[A-H]|\d{1,2})(?:\.\d{1,2})*\b(?=\s*(?:[.:)–—-]\s|$))"
                            r"|\s+(?:Aktivitet|Tiltag|Initiativ)\s+(?:nr\.\s*)?(?:[A-H]|\d{1,2})(?:\.\d{1,2})*\b"
                            r"(?=\s*(?:[.:)–—-]\s|$))")
_LABEL_WORD = re.compile(r"\s+[A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå-]+){0,3}\s*:")


def _caps_go_on(text: str, known: str) -> bool:
    """A heading in capitals goes on past a known area's name ("SUNDHED OG TRIVSEL")."""
    return text[:len(known)].isupper() and text[len(known) + 1:].split(maxsplit=1)[0].isupper()


_LETTERED_AFTER = re.compile(r"\s[a-h]\)\s+[A-ZÆØÅ\"«»“]")
_ITEM_MARK_FIRST = re.compile(r"[a-h]\)(?=\s|$)")  # a lettered list's mark: its first item after a heading


def run_on_name(text: str) -> str:
    """A heading's name where the text after it ran onto its line (a web copy): up to a
    label ("X Parter: ..."), after a known focus area followed by a capital ("Beskæftigelse
    Delaftalen er ..."), or before a capital after a word in lower case ("beskæftigelse Den
    boligsociale ...": a title in sentence case ends there). Short names are kept.

    >>> run_on_name("Beskæftigelse Parter: Jobcenter Vest"), run_on_name("unge og uddannelse Den nye klub er åben")
    ('Beskæftigelse', 'unge og uddannelse')
    """
    text = _LIST_LABEL_AFTER.sub("", text)  # "Tryghed og trivsel Aktiviteter:" (its list follows)
    if "rojekt " in text or "ktivitet " in text or "iltag " in text:
        text = _COUNTER_AFTER.split(text, 1)[0]  # "Børn og unge Projekt A – Lektiecafé ..."
    words = text.split()
    folded = text.casefold()
    known = next((k for k in _known_areas() if folded.startswith(k.casefold() + " ")
                  and (text[len(k) + 1:][:1].isupper() and not _caps_go_on(text, k)
                       or _ITEM_MARK_FIRST.match(text, len(k) + 1))), None)  # (or its first item: "X d) Name - ...")
    if known:
        return text[:len(known)]
    if len(words) <= 5 and ":" not in text:
        return text
    if (label := _LABEL_WORD.search(text)) and label.start() > 0:
        text, words = text[:label.start()], text[:label.start()].split()
    for k in range(1, len(words)):
        if words[k][:1].isupper() and words[k - 1][:1].islower() and words[k - 1] not in _CONNECTORS:
            return " ".join(words[:k - 1] if _ITEM_MARK_FIRST.fullmatch(words[k - 1]) else words[:k])
    return text


def run_on_title(text: str) -> str:
    """A heading's title where its first sentence ran onto its line ("" when none is found)."""
    return _body_title(text, None)


def _candidates(doc: Document) -> list[tuple[tuple[int, ...], str, int, bool]]:
    out = []
    for i, line in enumerate(doc.lines):
        if line and _number_near_end(line) \
                and (tail := _TRAILING_CHAPTER.search(line, max(0, len(line) - _TAIL_CHARS - 1))) \
                and _next_starts(doc, i, f"{tail.group(1)}.1"):
            out.append(((int(tail.group(1)),), clean(tail.group(2)), i, False))  # "... 3 Indsatsområderne"
        if line[:1] in "KA" and (kap := _CHAPTER_WORD.match(line)):  # "Kap. 4  Temaer og projekter"
            out.append(((int(kap.group(1)),), clean(kap.group(2)), i, False))
            continue
        if not line or not line.lstrip(" *#")[:1].isdigit():
            continue
        if (first := _FIRST_SECTION.match(line)) and (chapter := _chapter_before(doc, i, first.group(1))):
            out.append(chapter)  # "... 2 Indsatsområder Helhedsplanen har ..." + "2.1 X ..."
        m = _NUMBERED.match(strip_markup(line))
        if not m or m.group(2).count("\t") >= 2:  # (a table's row: "2.1.1<TAB>Lektieværksted<TAB>...")
            continue
        rest = clean(m.group(2))
        if not rest or not (rest[0].isupper() or rest[0].isdigit()):
            continue
        number = _number(m.group(1))
        if len(number) == 1 and not m.group(1).endswith(".") and not _BARE_CHAPTER.match(rest):
            continue  # "2 dage om ugen", a page number: only a short title may be a chapter "3 X"
        toc = toc_title(rest)
        out.append((number, toc if toc else rest, i, toc is not None))
    return out


# a chapter's heading at the end of a line that lost its line break, its first section
# starting the next line: "... det sociale liv 3 Indsatsområderne" + "3.1 Børn og unge ..."
_TAIL_CHARS = 160  # a chapter number and its title of up to four words end a line within these
# (the white space before the number opens the pattern, searched from one character before
# the tail: the engine skips to white space instead of trying a look-behind at every position)
_TRAILING_CHAPTER = re.compile(r"\s(\d{1,2})\.?\s+([A-ZÆØÅ][\wæøå-]*(?:\s+[\wæøå-]+){0,3})$")


def _number_near_end(line: str) -> bool:
    """Can :data:`_TRAILING_CHAPTER` match? Its number is a word of its own with one to four
    words after it: one of the line's last five words but the last starts with a digit
    (told from the line's end, before the pattern is tried at every space of the tail)."""
    for word in line.rsplit(None, 5)[-5:-1]:
        if word[0].isdigit():
            return True
    return False


# a chapter named by its word and number: "Kap. 4  Temaer og projekter", "Kapitel 2: Området"
_CHAPTER_WORD = re.compile(r"^(?:Kap\.|Kapitel|KAPITEL|Afsnit|AFSNIT)\s*(\d{1,2})\.?:?\s+([A-ZÆØÅ][^\t]{1,80})$")
_FIRST_SECTION = re.compile(r"^\W{0,3}(\d{1,2})\.1\.?\s")


def _chapter_before(doc: Document, i: int, n: str) -> tuple[tuple[int, ...], str, int, bool] | None:
    """Chapter ``n`` whose title names the focus areas ("2 Indsatsområder"), inside the line
    before its first section ``n.1`` (a text that lost its line breaks)."""
    k = next((k for k in range(i - 1, max(-1, i - 3), -1) if doc.lines[k].strip()), None)
    if k is None or doc.lines[k].lstrip(" *#").startswith(f"{n}"):
        return None
    for m in re.finditer(rf"(?:^|\s){n}\.?\s+([A-ZÆØÅ][\wæøå]*(?:\s+[\wæøå]+){{0,2}})", doc.lines[k]):
        words = m.group(1).split()
        title = next((" ".join(words[:j]) for j in range(len(words), 0, -1)
                      if _CONTAINER.match(" ".join(words[:j]))), None)
        if title:
            return (int(n),), title, k, False
    return None


def _next_starts(doc: Document, i: int, prefix: str) -> bool:
    nxt = next((t for t in doc.lines[i + 1:i + 3] if t.strip()), "")
    return nxt.lstrip(" *#").startswith(prefix)


# "3 Indsatsområderne": a chapter numbered without a dot, a title of a few words (kept only
# when sections "3.1 ..." follow, see _outline)
_BARE_CHAPTER = re.compile(r"^[A-ZÆØÅ][\wæøå-]*(?:,?\s+[\wæøå-]+){0,5}$")


def outline(doc: Document) -> list[Heading]:
    """Numbered headings in document order of their numbers, one per number."""
    return doc.memo("outline", lambda: _outline(doc))


def _outline(doc: Document) -> list[Heading]:
    cands = _candidates(doc)
    toc = {n: t for n, t, _, is_toc in cands if is_toc}
    by_number: dict[tuple[int, ...], Heading] = {}
    lines_at = sorted({i for _, _, i, _ in cands})
    listed = {a for a, b in zip(lines_at, lines_at[1:]) if b == a + 1}  # a heading whose next line is the
    # next heading: a contents list without page numbers, or a numbered list (with its last line: in_list)
    in_list = listed | {b for a, b in zip(lines_at, lines_at[1:]) if b == a + 1}
    for n, text, i, is_toc in cands:
        if is_toc:
            by_number.setdefault(n, Heading(n, text, i, True))
            continue
        title = _body_title(text, toc.get(n))
        if not title or len(title.split()) > MAX_TITLE_WORDS:
            continue
        title = _LABEL_PREFIX.sub("", title)
        if NUMBERED_ONLY.match(title):  # "5.1.2 Aktivitet 2" + the title on the next line
            nxt = next((clean(doc.lines[j]) for j in range(i + 1, min(i + 4, len(doc.lines)))
                        if doc.lines[j].strip()), "")
            title = nxt if 0 < len(nxt) <= 80 and not nxt.endswith(".") else title
        known = by_number.get(n)
        if known is None or known.in_toc or known.line in in_list and i not in listed \
                and (known.title.casefold() == title.casefold() or i not in in_list):  # ("4.1 Børn og unge" in
            # the contents, then over its text; a numbered list of lines in a summary, then the chapters)
            by_number[n] = Heading(n, toc.get(n, title), i, False)
    bare = {n for n, _, i, _ in cands if len(n) == 1
            and not ((m := _NUMBERED.match(strip_markup(doc.lines[i]))) and m.group(1).endswith("."))}
    children = {n[:1] for n in by_number if len(n) > 1}
    kept = [h for h in by_number.values() if h.number not in bare or h.number in children]
    return _consistent(sorted(kept, key=lambda h: h.number))


def _consistent(headings: list[Heading]) -> list[Heading]:
    """Drop numbers that do not fit an outline (a date or a count that looked like one):
    a heading of depth d > 1 needs its parent or an earlier sibling."""
    seen = {h.number for h in headings}
    return [h for h in headings
            if h.depth == 1 or h.number[:-1] in seen
            or any(h.number[:-1] + (k,) in seen for k in range(1, h.number[-1]))]


_FOCUS_LABELS = frozenset(("indsatsområde", "indsatsområdet"))


def _label_on(line: str, title: str) -> str:
    """'4.1 Indsatsområde: Børn og unge Projekt A – ...' (a title cut at its label) -> the
    label and the area's name after it ('Indsatsområde: Børn og unge')."""
    label = title.rstrip(" :")
    k = line.find(label)
    if k < 0:
        return title
    rest = run_on_name(line[k + len(label):].lstrip(" :–—-"))
    return f"{label}: {rest}" if rest else title


# an activity's heading coded by its area's letter: "4.1 Lektie- og fritidsklub (A)" under a list "A. Børn, unge og
# familier", "B. Beskæftigelse og uddannelse" of the areas
_AREA_CODE = re.compile(r"\s*\((?P<code>[A-H]|I{1,3}|IV|V)\)(?:\s*$|\s+(?=[A-ZÆØÅ]))")
_LETTER_MARK = re.compile(r"(?<!\S)([A-H])[.)]\s+(?=[A-ZÆØÅ])")


def _lettered_items(line: str) -> dict[str, str]:
    """Letter -> item of a list run onto one line: "... indsatsområder: A. Børn, unge og familier B. Beskæftigelse
    og uddannelse C. Fællesskab" (the letters in order from A; the last item ends at the line's end or a stop)."""
    marks = list(_LETTER_MARK.finditer(line))
    run = [m for k, m in enumerate(marks) if m.group(1) == "ABCDEFGH"[k]] if marks and marks[0].group(1) == "A" else []
    run = run[:next((k for k, m in enumerate(run) if m.group(1) != "ABCDEFGH"[k]), len(run))]
    if len(run) < 2:
        return {}
    out = {}
    for k, m in enumerate(run):
        text = line[m.end():run[k + 1].start()] if k + 1 < len(run) else re.split(r"\.\s|\.$", line[m.end():])[0]
        if not 2 < len(text.strip()) <= 70:
            return {}
        out[m.group(1)] = text.strip(" ,;")
    return out


def coded_headings(doc: Document) -> dict[tuple[int, ...], tuple[str, str]]:
    """Number -> (title without its code, area) of the headings coded by a listed area's letter (two at
    least, each letter's area an item of a list: "A. Børn, unge og familier")."""
    def compute() -> dict[tuple[int, ...], tuple[str, str]]:
        coded = {h.number: (title[:m.start()].strip(), m.group("code")) for h in outline(doc)
                 if (m := _AREA_CODE.search(title := _coded_title(doc, h))) and 2 < m.start() <= 80}
        if len(coded) < 2:
            return {}
        areas: dict[str, str] = {}
        for code in {c for _, c in coded.values()}:
            item = re.compile(rf"^\W{{0,3}}{code}[.)]\s+(?P<name>[A-ZÆØÅ][^:()]{{2,70}}?)\s*$")
            areas.update({code: m.group("name") for line in doc.lines if (m := item.match(strip_markup(line)))}
                         if code not in areas else {})
        if len(areas) < len({c for _, c in coded.values()}):  # (a list run onto one line: "A. X B. Y C. Z")
            for line in doc.lines:
                if "A. " in line or "A) " in line:
                    areas = {**_lettered_items(strip_markup(line)), **areas}
        return {num: (title, areas[c]) for num, (title, c) in coded.items() if c in areas}
    return doc.memo("outline:coded", compute)


def _coded_title(doc: Document, h: Heading) -> str:
    """The heading's title, or its body line's text after the number when the title ran on into the text
    ("4.1 Lektie- og fritidsklub (A) Lektiehjælp ...")."""
    if _AREA_CODE.search(h.title) or h.in_toc:
        return h.title
    m = _NUMBERED.match(strip_markup(doc.lines[h.line]))
    return m.group(2)[:90] if m else h.title


def focus_headings(doc: Document) -> list[tuple[Heading, str]]:
    """Headings that name a focus area, with the focus area's name (not an activity's heading coded by
    its area's letter)."""
    coded = coded_headings(doc)
    heads = [h for h in outline(doc) if h.number not in coded]
    containers = {h.number for h in heads if _CONTAINER.match(h.title) and not _FOCUS_TITLE.match(h.title)}
    by_line = sorted((h for h in heads if not h.in_toc), key=lambda h: h.line)
    out = []
    for h in heads:
        m = _FOCUS_TITLE.match(h.title)
        if m is None and h.title.rstrip(" :").casefold() in _FOCUS_LABELS:  # its name ran on past the title
            m = _FOCUS_TITLE.match(_label_on(doc.lines[h.line], h.title))
        if m and not _CONTAINER.match(h.title):
            out.append((h, m.group("name").strip(" .:")))
        elif h.number[:-1] in containers and len(h.title.split()) <= 8 \
                and (h.in_toc or not _table_row(by_line, h)):
            out.append((h, h.title))
    if not out:  # chapters titled by the plan's areas, two or more ("3. BESKÆFTIGELSE", "4. FOREBYGGELSE OG
        out = _known_area_chapters(heads)  # FORÆLDREANSVAR" in a status report): each heads its area's activities
    named = {name.casefold(): name for _, name in out}
    found = {h.number for h, _ in out}
    out += [(h, named[key]) for h in heads if h.depth >= 2 and h.number not in found and not h.in_toc
            and (key := h.title.strip(" .:").casefold()) in named]  # "3.1 UDDANNELSE OG BESKÆFTIGELSE" over its
    # activities, after "2.1 Uddannelse og beskæftigelse" in the chapter of the areas: a heading of the same area
    return sorted(out, key=lambda t: t[0].line)


def _known_area_chapters(heads: list[Heading]) -> list[tuple[Heading, str]]:
    """A document's chapters (numbered, not the contents' lines) whose title is a focus area the vocabulary knows,
    exactly, two or more."""
    from samspil.loaders.extract.focus_areas import _fkey, _known_focus_areas

    known = _known_focus_areas()
    found = [(h, known[key]) for h in heads if not h.in_toc and h.depth == 1 and (key := _fkey(h.title.strip(" .:"))) in known]
    lines = sorted(h.line for h, _ in found)
    if any(b - a <= 2 for a, b in zip(lines, lines[1:])):
        return []  # (a counted list of the areas, one a line, not chapters with text under each)
    chapters = sorted((h for h in heads if not h.in_toc and h.depth == 1), key=lambda h: h.line)
    areas = {h.number for h, _ in found}
    for k, h in enumerate(chapters[:-1]):
        nxt = chapters[k + 1]
        if h.number in areas and nxt.number not in areas and not _CLOSING_CHAPTER.search(nxt.title):
            return []  # (each area's chapter ends at the next area's or at a closing chapter: "5. Kontakt"; another
            # kind of chapter after one, "4. Forebyggende indsats ...", may be an area the vocabulary lacks)
    return found if len({name for _, name in found}) >= 2 else []


_CLOSING_CHAPTER = re.compile(r"(?i)\b(?:kontakt\w*|økonomi|budget|organisering|organisation|medarbejdere|personale"
                              r"|bilag|evaluering|opfølgning|underskrift\w*|samarbejde\w*|styregruppe|nøgletal"
                              r"|perspektiv\w*|afslutning|konklusion)\b")


def _table_row(by_line: list[Heading], h: Heading) -> bool:
    """Is ``h`` one of a table's rows numbered by chapter ("1.1 Tryghedsvandringer ...", "2.1 Lektiecafé
    ...", "3.1 ..." on lines that follow each other): walking back over the headings of its depth before
    it, one of another chapter is met before any chapter's own heading."""
    k = by_line.index(h)
    while k > 0 and (o := by_line[k - 1]).depth == h.depth:
        if o.number[:-1] != h.number[:-1]:
            return True
        k -= 1
    return False


def activity_headings(doc: Document) -> list[tuple[Heading, str, int]]:
    """(heading, focus area name, end line) of each activity: the children of a
    focus-area heading. The end line is where the next heading of the same or a
    higher level starts (the activity's text is the lines between)."""
    focus = {h.number: name for h, name in focus_headings(doc)}
    coded = coded_headings(doc)
    heads = outline(doc)
    out = []
    for k, h in enumerate(heads):
        parent = focus.get(h.number[:-1])
        if h.number in coded:  # "4.1 Lektie- og fritidsklub (A)": an activity of area A
            title, parent = coded[h.number]
            h = Heading(h.number, title, h.line, h.in_toc)
        if parent is None:
            continue
        end = len(doc.lines)
        for later in heads[k + 1:]:
            if later.depth <= h.depth and not later.in_toc and later.line > h.line:
                end = later.line
                break
        out.append((h, parent, end if not h.in_toc else h.line + 1))
    return out


# a chapter of the activities without a focus area: "4. FÆLLES INDSATSER" over "4.1 Fast områdebetjent" ...
_ACTIVITY_CHAPTER = re.compile(r"^(?:(?:de\s+|vores\s+|fælles\s+|konkrete\s+|planlagte\s+)?(?:indsatser|aktiviteter|projekter"
                               r"|delprojekter|tiltag|initiativer)(?:ne)?)\s*:?$", re.I)


def chapter_headings(doc: Document) -> list[tuple[Heading, int]]:
    """(heading, end line) of each numbered child of a chapter of the activities that names no
    focus area ("4. FÆLLES INDSATSER" over "4.1 Fast områdebetjent", "4.2 Hærværksregistrering"):
    two children at least."""
    heads = outline(doc)
    chapters = {h.number for h in heads if h.depth == 1 and _ACTIVITY_CHAPTER.match(h.title.strip())}
    out = []
    for k, h in enumerate(heads):
        if h.in_toc or h.number[:-1] not in chapters:
            continue
        end = next((later.line for later in heads[k + 1:] if later.depth <= h.depth and not later.in_toc
                    and later.line > h.line), len(doc.lines))
        out.append((h, end))
    return out if len(out) >= 2 else []


# "Indsatsområde Fællesskab - projekter Lektiecafé Fælles madklub Succeskriterier ...":
# an older plan's contents run together, each focus area with the projects under it.
_RUN_ON = re.compile(
    r"\bIndsatsområde(?:\s*\d{1,2})?\s*[:.–-]?\s*(?P<name>[A-ZÆØÅ][\wæøå]*(?:,?\s+(?:og\s+)?[\wæøå]+){0,5}?)"
    r"\s+[-–:]\s*(?:projekter|aktiviteter|indsatser)\s*:?\s+(?P<items>.+?)"
    r"(?=\s+(?:Succeskriterier|Mål|Milepæle|Målgruppe|Indsatsområde|Budget|Organisering)\b|$)")
_ITEM_START = re.compile(r"\s+(?=[A-ZÆØÅ])")


def run_on_contents(doc: Document) -> list[tuple[str, list[str], int]]:
    """(focus area, its projects, line) from contents that lost their line breaks.

    A project starts at each capitalised word ("Lektiecafé Fælles madklub" ->
    "Lektiecafé", "Fælles madklub"), as a title does in Danish.
    """
    return doc.memo("run_on_contents", lambda: _run_on_contents(doc))


def _run_on_contents(doc: Document) -> list[tuple[str, list[str], int]]:
    out = []
    for i, line in enumerate(doc.lines):
        if "ndsatsområde" not in line:
            continue
        for m in _RUN_ON.finditer(clean(line)):
            items = [t.strip(" ,.;") for t in _ITEM_START.split(m.group("items"))]
            items = [t for t in items if t and len(t.split()) <= 8]
            if items:
                out.append((m.group("name").strip(" ,"), items, i))
    return out
