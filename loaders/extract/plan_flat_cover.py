"""The cover of a document whose line breaks were lost, cut back into the lines it had.

Text copied from a PDF on the web runs a cover's lines together with the first page:
``HELHEDSPLAN FOR NORDBYEN Boligsocial indsats 2007-2010 Ansøgning til Landsbyggefonden
...``, ``Boligsocial helhedsplan 2011-2014 "Vest i Bevægelse" Ydernæs og Kalbyris``,
``| Navn på indsatsen | Sammen i Nordøst |``. The readers of a cover (a label and its
value, a quoted name, a title line; plan.py) read lines, so the head of such a line is cut
where a cover's lines end: at a table's cell bars and the " · " between parties, around a
quoted name (not before the years that follow it on its line), between a heading in
capitals and mixed-case text, after a year range, before a form's label ("Periode:") and
before the words that open a cover's other lines ("Indhold", "Indledning", "Ansøgning til",
"Statusrapport", "Version"). The pieces are read as the cover's lines; what the readers
find cites the line the cover ran onto.
"""
from __future__ import annotations

import re

from samspil.loaders.extract.plan_lines import is_label_line

__all__ = ["cover_pieces", "is_run_on_cover", "is_web_chrome", "without_running_head"]

HEAD_CHARS = 500  # a cover's text: the title, the parties, the period, a subtitle
RUN_ON = 120  # a first line longer than this may hold a cover's lines run together

_CELL = re.compile(r"\s*\|\s*|\s+·\s+|\s+•\s+")
_QUOTED = re.compile(r"[\"“”«»„]([^\"“”«»„]{3,80})[\"“”«»„]")
_YEARS = re.compile(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2,4}")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_CAPS_WORD = re.compile(r"^[A-ZÆØÅ][A-ZÆØÅ0-9&.,–-]*$")
# words that open a cover's other lines (a subtitle, the contents, the first chapter)
_OPENERS = frozenset("Indhold INDHOLD Indholdsfortegnelse INDHOLDSFORTEGNELSE Indledning INDLEDNING Forord FORORD "
                     "Ansøgning Statusrapport Årsrapport Midtvejsevaluering Version Udarbejdet Perioden Periode "
                     "Kapitel Resumé Baggrund Samarbejdsparter Aftalen Aftalens Aftaleparter Aftaleperiode".split())
# a document type's words (in any case) open a title line, unless they follow each other or a dash
_TYPE_WORDS = frozenset("HELHEDSPLAN HELHEDSPLANEN STRATEGISK SAMARBEJDSAFTALE DELAFTALE BOLIGSOCIAL".split())


def is_run_on_cover(first_line: str) -> bool:
    """Whether a document's first line holds its cover run onto its text."""
    return (len(first_line) > RUN_ON or without_running_head(first_line) != first_line) \
        and bool(pieces := cover_pieces(first_line)) and pieces != [first_line]


def cover_pieces(line: str) -> list[str]:
    """The head of ``line`` cut where a cover's lines end.

    >>> cover_pieces('HELHEDSPLAN FOR NORDBYEN Boligsocial indsats 2007-2010 Ansøgning til Landsbyggefonden')
    ['HELHEDSPLAN FOR NORDBYEN', 'Boligsocial indsats 2007-2010', 'Ansøgning til Landsbyggefonden']
    >>> cover_pieces('Boligsocial helhedsplan 2011-2014 "Vest i Bevægelse" Ydernæs og Kalbyris, Næstved')
    ['Boligsocial helhedsplan 2011-2014', '"Vest i Bevægelse"', 'Ydernæs og Kalbyris, Næstved']
    >>> cover_pieces('Lejerbo · Aalborg Kommune HELHEDSPLAN FOR AALBORG ØST "Et godt sted at bo" 2010-2014 Indhold')
    ['Lejerbo · Aalborg Kommune', 'HELHEDSPLAN FOR AALBORG ØST', '"Et godt sted at bo" 2010-2014', 'Indhold']
    >>> cover_pieces('Ry Kommune · Bo Ry BILAG 2 TIL STRATEGISK SAMARBEJDSAFTALE Ryvang Rykker – tidsplan 2024-2027')
    ['Ry Kommune · Bo Ry', 'BILAG 2 TIL STRATEGISK SAMARBEJDSAFTALE', 'Ryvang Rykker – tidsplan 2024-2027']
    >>> cover_pieces('Spring til indhold Log ind Forside > Om os > Solhaven Solhaven – boligsocial helhedsplan')
    ['Solhaven – boligsocial helhedsplan']
    >>> cover_pieces('| Navn på indsatsen | Sammen i Nordøst | | Aftaleperiode | 1. april 2019 |')
    ['Navn på indsatsen', 'Sammen i Nordøst', 'Aftaleperiode', '1. april 2019']
    """
    head = _RUNNING_HEAD.sub(r"\1", _after_chrome(line[:HEAD_CHARS + 600])[:HEAD_CHARS])
    pieces: list[str] = []
    parts = _CELL.split(head)
    seps = [m.group(0).strip() for m in _CELL.finditer(head)]
    dotted: list[str] = []  # a letterhead's names between " · " stay one line, as it was printed
    for k, cell in enumerate(parts):
        cell = cell.strip()
        if not cell or set(cell) <= set("-:| "):
            continue
        cut = _cut_cell(cell)
        if k < len(seps) and seps[k] in "·•" and len(cut) == 1:
            dotted.append(cut[0])
            continue
        if dotted:
            cut[0] = " · ".join([*dotted, cut[0]])
            dotted = []
        pieces += cut
    pieces += [" · ".join(dotted)] if dotted else []
    out = []
    for p in pieces:
        if len(p.split()) >= 6 and (p.endswith(".") or _SENTENCE_END.search(p)):
            break  # the text begins: a sentence ends ("... er den boligsociale helhedsplan for X.")
        out.append(p)
    return out


# a running header at the page's top, over the cover: "Helhedsplan Vinderup 2012-2015 | Side 1"
_RUNNING_HEAD = re.compile(r"^(\d+\s+)?[^|·]{3,80}?\s\|\s+[Ss]ide\s+\d+(?:\s+af\s+\d+)?\s+(?=\S)")


def without_running_head(text: str) -> str:
    """``text`` without a running header that opens it and has more after it ("X 2012-2015 | Side 1 TITLE ...")."""
    return _RUNNING_HEAD.sub(r"\1", text) if "|" in text else text


_SENTENCE_END = re.compile(r"[a-zæøå]{2}\.\s+[A-ZÆØÅ]")


# a web page's chrome before its title: a skip link, a log-in, a cookie banner, a breadcrumb trail
_CHROME = re.compile(r"\b(?:Spring til (?:indhold|hovedindhold)|Gå til (?:indhold|hovedindhold)|Log ind\b|cookies?\b"
                     r"|Accepter alle|Du er her\s*:|Søg på siden|Tillad alle|Kun nødvendige|Afvis alle)|^Tilpas$", re.I)
# (a cookie banner's buttons, a menu's search box)
# a site's menu bar's items (two or more on a short line: "Søg", "Selvbetjening", "Kontakt", "English")
_MENU_WORDS = frozenset("Søg Selvbetjening Kontakt English Menu Forside Borger Erhverv Nyheder Presse Login Sitemap".split())
_CRUMB_SEP = re.compile(r"\s(?:>|›|»|→|&gt;)\s")


def is_web_chrome(line: str) -> bool:
    """A line of a web page's chrome: a skip link, a log-in, a cookie banner and its buttons,
    a breadcrumb trail, a menu of three or more items.

    >>> is_web_chrome("Søg bolig | Beboer | Om os | Kontakt"), is_web_chrome("Forside > Om os > Solhaven")
    (True, True)
    >>> is_web_chrome("| Navn på indsatsen | Solhaven |"), is_web_chrome("Solhaven – helhedsplan 2019-2022")
    (False, False)
    >>> is_web_chrome("Gentofte Kommune Søg Selvbetjening Kontakt English"), is_web_chrome("Kontakt og Søg job")
    (True, False)
    """
    return bool(_CHROME.search(line[:200])) or len(_CRUMB_SEP.findall(line)) >= 2 or line.count(" | ") >= 3 \
        or line.startswith(("Forside ", "Forsiden ", "Hjem ")) and len(_CRUMB_SEP.findall(line)) == 1 and len(line) < 80 \
        or len(line) < 100 and len(_MENU_WORDS.intersection(words := line.split())) >= 2 \
        and all(w[:1].isupper() for w in words)  # "Gentofte Kommune Søg Selvbetjening
    # Kontakt English": a site's menu bar


def _after_chrome(head: str) -> str:
    """``head`` from the page's own title on, when a web page's chrome opens it: after the
    last breadcrumb separator (the crumb's last item, which the title repeats, dropped once)."""
    if not _CHROME.search(head[:400]):
        return head
    seps = list(_CRUMB_SEP.finditer(head))
    if not seps:
        return head
    rest = head[seps[-1].end():].split()
    for n in range(1, 7):  # "Abildgård i Udvikling Abildgård i Udvikling – ...": the crumb, then the title
        if rest[:n] == rest[n:2 * n]:
            return " ".join(rest[n:])
    return " ".join(rest)


def _cut_cell(text: str) -> list[str]:
    """One cell's text cut at quotes, capitals, years, labels and line openers."""
    out: list[list[str]] = [[]]
    words = _words(text)
    for k, w in enumerate(words):
        prev = words[k - 1] if k else ""
        cur = out[-1]
        if cur and _cuts_before(w, prev, cur, words[k + 1] if k + 1 < len(words) else ""):
            out.append([])
        out[-1].append(w)
        if _YEARS.fullmatch(w.strip("(),.")) and k + 1 < len(words) and words[k + 1][:1].isupper():
            out.append([])  # "Boligsocial indsats 2007-2010" ends its line
        elif _YEAR.fullmatch(w) and k and _caps(prev) and k + 1 < len(words) and words[k + 1][:1].isupper() \
                and not _caps(words[k + 1]):
            out.append([])  # "STATUSRAPPORT 2025 | Mødested Ryomgård": a title in capitals and its year
    return [" ".join(ws) for ws in out if ws]


def _words(text: str) -> list[str]:
    """Words, a quoted name and a year range each kept as one."""
    out: list[str] = []
    pos = 0
    for m in re.finditer(_QUOTED.pattern + "|" + _YEARS.pattern, text):
        out += text[pos:m.start()].split()
        out.append(m.group(0))
        pos = m.end()
    return out + text[pos:].split()


def _cuts_before(word: str, prev: str, cur: list[str], nxt: str) -> bool:
    if prev in _DASHES:
        return False  # "DELAFTALE — UDDANNELSE OG LIVSCHANCER": a dash goes on
    if _QUOTED.fullmatch(word):  # a quoted name under a title in capitals or after its years
        return bool(_YEARS.fullmatch(prev.strip("(),.")) or _caps(prev) or len(prev) == 1 and prev.isupper()
                    or prev[:1].isupper() and any(w.lower() in _TYPE_NOUNS for w in cur)
                    or prev[:1].isupper() and _quoted_caps(word))  # ('Boligsocial
        # helhedsplan 2013-2016 for Fensmark | "GLASBYEN - SAMMEN OM FENSMARK"': after the title's area)
    if _QUOTED.fullmatch(prev):  # (its years stay with it: '"Et godt sted at bo" 2010-2014')
        return word[:1].isupper() and not _YEARS.fullmatch(word)
    if word in _OPENERS:
        return True
    if len(word) == 2 and word[1] == "." and word[0] in "ABCDEFGH" and _caps(nxt):
        return True  # a lettered chapter's heading in capitals: "... 2027 | A. KORT OM INDSATSEN"
    if prev.lower() in _TYPE_NOUNS and prev[1:].islower() and word[:1].isupper() and not _caps(word) \
            and sum(1 for w in cur if _lettered(w)) >= 2:
        return True  # "Strategisk samarbejdsaftale | Vores Varde Vest", "... om boligsocial indsats | Lundtofte" (a
        # title in capitals is one line: "BOLIGSOCIAL HELHEDSPLAN AVEDØRE STATIONSBY" names the plan whole)
    if not _lettered(prev):  # "BILAG 2 TIL ...": a number between capitals keeps the run
        prev = next((w for w in reversed(cur) if _lettered(w)), "")
    if word.upper() in _TYPE_WORDS and word[:1].isupper() and prev.upper() not in _TYPE_WORDS \
            and not prev[:1].islower() and prev.upper() not in _TIES:
        return True  # "Delaftale – X | Helhedsplanen Y 2023-2026", "RANDERS NORD | HELHEDSPLAN FOR ..."
    if is_label_line(f"{word} ") or nxt and is_label_line(f"{word} {nxt} ") and not _caps(word):
        return True  # "Periode:", "Områdetsnavn:"
    if not _lettered(word):
        return False  # ("HØMARKEN I FÆLLESSKAB")
    caps_now, caps_before = _caps(word), _caps(prev)
    if caps_now != caps_before and word[:1].isupper() and prev:
        if caps_before and sum(1 for w in cur if _caps(w)) >= 2:
            return True  # "HELHEDSPLAN FOR NORDBYEN | Boligsocial ..."
        if caps_now and (_caps(nxt) or nxt[:1].isdigit()):
            return True  # "Høje-Taastrup Kommune | STRATEGISK SAMARBEJDSAFTALE"
    return False


_DASHES = frozenset("–-—")
# the nouns a title's type phrase ends with ("Boligsocial helhedsplan", "Strategisk samarbejdsaftale")
_TYPE_NOUNS = frozenset("samarbejdsaftale helhedsplan indsats delaftale".split())
_TIES = frozenset("TIL AF OM FOR MED".split())  # "BILAG 2 TIL STRATEGISK SAMARBEJDSAFTALE"


def _lettered(word: str) -> bool:
    """A word with two letters or more (a number, a dash and "I" are neutral between capitals)."""
    return sum(c.isalpha() for c in word) >= 2


def _quoted_caps(word: str) -> bool:
    """A quoted title in capitals of two words or more ('"HASSELBAKKEN - ET GODT STED AT BO"'), which a cover prints
    on its own line (after a letterhead's units: 'Socialforvaltningen "HASSELBAKKEN ..."')."""
    words = [w for w in word.strip("\"“”«»„").split() if any(c.isalpha() for c in w)]
    return len(words) >= 2 and all(_caps(w) for w in words)


def _caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and _CAPS_WORD.match(word) is not None
