"""Find the template's blocks in a document: party lists, signatures, delaftaler.

LBF templates label their blocks with fixed phrases ("Aftalens parter:",
"Delaftalens parter:", "Underskrifter:", "Delaftale for indsatsområdet X",
"Aktivitetsnavn:"). A block runs from its label to the next label the
template puts after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from samspil.loaders.document import Document
from samspil.loaders.extract.outline import run_on_name
from samspil.loaders.extract.text import clean, clean_keep_colon, lines_to_read, markup_free, single_spaced
from samspil.loaders.extract.tables import is_data_head
from samspil.loaders.segment import ACTIVITY_NAME, starts_with_label

__all__ = ["Block", "PARTY_LABEL", "SIGNATURE_LABEL", "party_blocks", "signature_blocks", "delaftale_starts", "focus_area_at", "plain_lines",
           "is_header_row", "drop_header_words"]

# an outline's counter before a heading: "A. Parter", "II. Underskrifter" (not "6. Underskrifter":
# a table of contents' entry as often as a chapter)
_OUTLINE_COUNTER = r"(?:(?:[A-H]|[IVX]{1,4})[.)]\s+)?"
PARTY_LABEL = re.compile(r"^\W*" + _OUTLINE_COUNTER + r"(?:\d{1,2}\.?\s+(?=(?:samarbejds)?parter(?:ne)?\s*$))?"  # ("§ 1  Parter")
                         r"(?:\d{1,2}\.\s(?=(?:samarbejds)?parter(?:ne)?\s+(?-i:[A-ZÆØÅ])[^.:]{0,40}?"
                         r"(?:kommune|bolig|forening|selskab)))?(?:(?:(?:del)?aftalens|samarbejdsaftalens|helhedsplanens)?\s*(?:samarbejds)?parter(?:ne)?\s*:"
                         r"|parter(?:ne)?\s+i\s+(?:del|samarbejds)?aftalen(?:\s*:|(?=\s+(?-i:[A-ZÆØÅ0-9])))|aftaleparter(?:ne)?\s*:"
                         r"|(?:(?:del)?aftalens|samarbejdsaftalens)\s+pa(?:t|r|rtt)er\s*:"  # (typos: "Aftalens pater:")
                         r"|(?:(?:del)?aftalens|samarbejdsaftalens|helhedsplanens)\s+parter(?=\s+(?:[-–•]\s+|(?-i:[a-h])\)\s+)?(?-i:[A-ZÆØÅ0-9])|\s*$)"
                         # a heading alone on its line: "Parter", "Samarbejdsparter", "Parter i delaftalen"
                         r"|(?:samarbejds)?parter(?:ne)?(?:\s+i\s+(?:del|samarbejds)?aftalen)?(?=\s*$)"
                         # a numbered chapter's heading with its entries run on: "1. Parter Esbjerg Kommune, ..."
                         r"|(?<=\d\.\s)(?:samarbejds)?parter(?:ne)?(?=\s+(?-i:[A-ZÆØÅ])[^.:]{0,40}?(?:kommune|bolig|forening|selskab)))"
                         r"\s*(.*)$", re.I)
# "Underskrifter", "Underskrift", "Underskrevet af", "Underskrifter og dato", "Godkendelse og underskrift"
SIGNATURE_LABEL = re.compile(r"^\W*" + _OUTLINE_COUNTER + r"(?:underskrift(?:er)?(?:\s+og\s+dato)?|underskrevet\s+af|underskriftsside"
                             r"|(?:godkendelse|dato)\s+og\s+underskrift(?:er)?)\s*(?::\s*(.*)|$)", re.I)
# Labels that end a party or signature block.
BLOCK_END = re.compile(
    r"^\W*(?:samarbejdsaftalen|delaftalen|aftalen)\s+gælder|^\W*underskr(?:ifter|evet\s+af)\b|^\W*problemkompleks"
    r"|^\W*delmål\b|^\W*" + ACTIVITY_NAME + r"|^\W*(?:navn|titel) på\b|^\W*formål\b|^\W*aftaledokumenter|^\W*den strategiske"
    r"|^\W*baggrund\b|^\W*(?:\d{1,2}\.)+\d{0,2}\.?\s+[A-ZÆØÅ]|^\W*indsatsområde\w*\s*:|^\W*medarbejderressourcer"
    r"|^\W*organisering\b|^\W*bestyrelsen for|^\W*(?:bilag|appendiks)\s*(?:nr\.\s*)?\d{1,2}\b"  # (an annex after the signatures)
    # a focus area's heading in any form, an activity's short name label
    r"|^\W*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:indsatsområde|fokusområde|tema)t?(?:\s+(?:nr\.\s*)?(?:\d{1,2}|[A-H]|[IVX]{1,4}))?\s*[:–-]"
    r"|^\W*(?:aktivitet|(?:del)?projekt|tiltag)(?:\s+(?:nr\.\s*)?[A-H]?\d{1,2}(?:\.\d{1,2})*[a-z]?)?\s*:"  # ("Aktivitet A1: X")
    r"|^\W*[\wæøå]+s\s+navn\s*:"  # "Boligområdets navn:", "Helhedsplanens navn:": the next field
    r"|^\W*(?:[\wæøå]+s\s+)?[\wæøå]*periode\s*:"  # "Helhedsplanens periode:", "Aftaleperiode:"
    # the next section's heading alone on its line: "Aftalens periode", "Boligområdet", "Indsatsområder"
    r"|^\W*(?:\d{1,2}\.?\s+)?(?:(?:[\wæøå]+s\s+)?[\wæøå]*periode|varighed|boligområde(?:t|rne)?|området"
    r"|indsatsområder(?:ne)?|økonomi|budget)\s*$"
    r"|^\W*styregrupp\w*\s*:|^\W*målgrupp\w*\s*:", re.I)
# "Delaftale for indsatsområdet X", and as other templates head a delaftale:
# "Delaftale 2: X", "Delaftale – X", "Delaftale vedr. X", "Delaftale om X", "BILAG A - DELAFTALE: X" (an annex)
DELAFTALE = re.compile(r"^\W*(?:bilag\s+(?:[A-H]|\d{1,2})\s*[.:–-]?\s*)?delaftale\b(?:\s+(?:nr\.\s*)?(?:\d{1,2}|[A-H]|[IVX]{1,4})\b\.?)?(?:\s+(?:for(?:\s+indsatsområde(?:t)?)?"
                       r"|vedr\.?|vedrørende|om)\s*:?|\s*[:–—·|-]|(?<=\d)\s+af\s+\d{1,2}(?=\s+(?-i:[A-ZÆØÅ])))\s*(.+)$", re.I)  # (also "DELAFTALE 3
# AF 3 Sammenhængskraft og medborgerskab", its two lines run together)
_AGENDA_ITEM = re.compile(r"^\d{1,2}\.\s+(?:[Ss]tatus|[Oo]pfølgning|[Oo]rientering|[Dd]røftelse)\s+(?:på|om|af|fra)\s+"
                          r"((?:[Dd]elaftale|[Ii]ndsatsområde)\b.*)$")


_SUB_START = re.compile(r"\d{1,2}\.\d{1,2}\.?\s")
SUBSECTION_HEAD = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+([A-ZÆØÅ].{2,})$")  # "5.1 Kriminalitetsforebyggelse"


def _is_known(name: str) -> bool:
    from samspil.loaders.extract.focus_areas import is_known_area

    return 0 < len(name) <= 60 and is_known_area(name)


def _is_area_name(name: str) -> bool:
    from samspil.loaders.extract.unit_topics import is_focus_area_name

    return is_focus_area_name(name)


# "Indsatsområde Beskæftigelse", "Tema Sundhed og trivsel": the word and a known area's name, nothing between
_AREA_WORD_NAME = re.compile(r"^\W{0,3}(?:[Ii]ndsatsområde(?:t)?|INDSATSOMRÅDE|[Tt]ema(?:et)?|[Ff]okusområde(?:t)?)\s+"
                             r"([A-ZÆØÅ][^.:;!?()]{2,60})$")
# a plan's title run onto a focus area's heading when the line breaks were lost
_PLAN_TITLE_AFTER = re.compile(r"\s+(?=(?:Den\s+)?[Bb]oligsociale?\s+[Hh]elhedsplan|Helhedsplan(?:en)?\s+for\b"
                               r"|Strategisk\s+samarbejdsaftale\b"
                               r"|(?:til|under)\s+(?:den\s+)?(?:strategiske\s+)?(?:samarbejds)?aftale(?:n)?\b)")  # (or the
# line under it, a lead-in in small letters: "DELAFTALE – X" over "til den strategiske samarbejdsaftale ...")
# a list's first item or a rule run onto a focus area's heading: "Børn og unge - Lektiecafé ...", "X ====="
_ITEMS_AFTER = re.compile(r"\s+(?:[-–•▪*o·|]|\d{1,2}\)|[a-h]\)|[A-H]\.?\d{1,2}\.?)\s+(?=[A-ZÆØÅ])|\s*[-=*_~]{4,}")


def _sentence_case(name: str) -> str:
    """'KRIMINALITETSFOREBYGGELSE' -> 'Kriminalitetsforebyggelse' (a heading in capitals)."""
    return name[0] + name[1:].lower() if len(name) > 3 and name.isupper() else name


_DELAFTALE_ALONE = re.compile(r"^\W*delaftale\s+for\s+indsatsområde(?:t)?\s*:?\s*$", re.I)
# a title page: "DELAFTALE" on its own line, "for indsatsområdet X" on the next
_DELAFTALE_WORD = re.compile(r"^\W*delaftale\W*$", re.I)
_FOR_AREA = re.compile(r"^\W*for\s+indsatsområde(?:t)?\b", re.I)
# "Indsatsområde: X" / "Indsatsområde 2 – X" at the head of a section: its activities' focus area
FOCUS_HEAD = re.compile(r"^\W*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:indsatsområde(?:t)?|fokusområde(?:t)?|tema|spor(?=\s+\d))"
                        r"(?:\s+(?:nr\.\s*)?(?:\d{1,2}|[A-H]|[IVX]{1,4})\b(?:\.\s+(?=[A-ZÆØÅ])|\.?\s*[:–—·|-]\s*)"
                        r"|\s*[:–—-]\s*)(.+)$",  # ("Indsatsområde 2. Beskæftigelse": a number and a dot; "Indsatsområde
                        # 1 · Børn og unge": a middle dot)
                        re.I)  # (also "Indsatsområde B: X", "5.1 Indsatsområde nr. 2 - X", "Tema 3: X", "Fokusområde: X")


# a known focus area's name, then "– delaftale ..." (a web page's headings of its delaftaler; the last
# on its line when the line breaks were lost)
_DASH_DELAFTALE = re.compile(r"\s[–—-]\s+delaftale\b", re.I)


def _area_then_delaftale(text: str) -> str | None:
    """The known focus area right before the line's last "– delaftale" ("... Tryghed og trivsel –
    delaftale mellem BT, BK og sekretariatet"), else None."""
    found = None
    for m in _DASH_DELAFTALE.finditer(text):
        words = text[:m.start()].split()[-6:]
        found = next((" ".join(words[k:]) for k in range(len(words)) if words[k][:1].isupper()
                      and " ".join(words[k:]).casefold() in _known_areas()), found)
    return found


@dataclass
class Block:
    kind: str  # "parties" | "signatures"
    label_line: int
    lines: list[int]  # indexes of the non-empty lines in the block
    delaftale: str | None = None  # focus area of the enclosing delaftale, if any


def plain_lines(doc: Document) -> list[str]:
    """Every line with markup removed and white space collapsed (computed once)."""
    return doc.memo("plain_lines", lambda: list(map(single_spaced, doc.lines)) if markup_free(doc)
                    else [clean_keep_colon(line) for line in doc.lines])  # (clean_keep_colon: single_spaced(strip_markup(
    # line)); a document without markup is left as it is by strip_markup)


# A sentence that opens another kind of list ("Helhedsplanen dækker følgende afdelinger:"),
# and a department table's head row ("Afdeling<TAB>Boligorganisation<TAB>Antal boliger")
_OTHER_LIST = re.compile(r"\b(?:afdelinger(?:ne)?|bebyggelser(?:ne)?|boligområder(?:ne)?|zoner(?:ne)?|målgrupper(?:ne)?"
                         r"|aktiviteter(?:ne)?)\b[^:]{0,40}:$", re.I)  # (searched in a text ending in ":" only)
_DEPARTMENT_HEAD = re.compile(r"^\W*(?:(?:bolig)?afdeling(?:er|en|snavn)?|afd\.?|bebyggelse\w*)\s*\t", re.I)


def _collect(doc: Document, start: int, max_prose: int = 420, counted: bool = False, fields: bool = False) -> list[int]:
    """The lines of the block under a label at ``start - 1``; ``counted``: the label stands
    alone, and a counted list right under it ("1. X;" "2. Y.") is its entries; ``fields``: the
    label is a field with its value on its line, and the next field ("• Afdelinger: ...") ends it."""
    out: list[int] = []
    plain = plain_lines(doc)
    count = 0  # a counted list right under the label: "1. X;" "2. Y;" are its entries, no chapters
    gap = False  # a blank line since the last entry
    for i in range(start, len(doc.lines)):
        text = plain[i]
        if not text or text.lower().startswith("mailto:"):
            gap = bool(out)
            continue
        if gap and _next_heading(text):
            break  # "Den boligsociale indsats og områderne": the next chapter after the entries
        gap = False
        if counted and (m := _COUNTED_ENTRY.match(text)) and int(m.group(1)) == count + 1 and (count or not out):
            count += 1
            out.append(i)
            continue
        if count and not text[:1].islower():
            break   # the counted list was the block ("B. Styregruppe" after it)
        if len(out) >= 2 and text[:1].isupper() and not _BULLETED.match(doc.lines[i]) \
                and all(_BULLETED.match(doc.lines[j]) for j in out):
            break  # a bulleted list was the block: a sentence after it ("Landsbyggefonden er ikke part.") is none
        if fields and (_SIBLING_FIELD.match(doc.lines[i]) or _NEXT_FIELD.match(text)):
            break  # (a fact box's next field: "• Parter: A og B" over "• Afdelinger: ...", "Område: ...")
        if BLOCK_END.match(text) or DELAFTALE.match(text) or PARTY_LABEL.match(text) or text[:1] == "§" \
                or text.endswith(":") and _OTHER_LIST.search(text) or _lower_heading(text) \
                or _DEPARTMENT_HEAD.match(doc.lines[i]) or is_data_head(doc.lines[i]):
            break       # the next label starts its own block (blocks never overlap: linear time); a
            # clause's heading "§ 4 Organisering" is the next section
        if (period := _PERIOD_INSIDE.search(text, 0, 120)) and period.start() > 0:
            out.append(i)  # "• Vejle Kommune Aftalens periode Aftalen gælder ..." (breaks lost): the
            break          # last entry, then the next section (parties.py cuts the entry there)
        if len(text) > max_prose and "@" not in text or _is_sentence(text):
            break
        if text.lower() in ("dato", "navn", "underskrift") or is_header_row(text):
            continue
        out.append(i)
    return out


_BULLETED = re.compile(r"^\s*[•▪◦*·–-]\s+\S")
# a form's next field after the parties' ("Parter: A og B" over "Område: Åmosebo afd. 6 ...")
_NEXT_FIELD = re.compile(r"^(?:Område|Områder|Boligområde|Afdelinger|Periode|Aftaleperiode|Indsatsområder?|Målgrupper?"
                         r"|Formål)\s*:\s+\S")
_SIBLING_FIELD = re.compile(r"^\s*[•▪*–-]\s*[A-ZÆØÅ][a-zæøå]+(?:\s[a-zæøå]+){0,3}\s*:\s+\S")  # "• Afdelinger: X"


def _next_heading(text: str) -> bool:
    """A chapter's heading in sentence case after a block's entries and a blank line: a capital,
    then three to seven words in lower case, no organisation's head word, no title "X for Y"."""
    words = text.split()
    return 4 <= len(words) <= 8 and text[:1].isupper() and words[1] != "for" \
        and all(w[:1].islower() and w.isalpha() for w in words[1:]) and not _ENTRY_WORD.search(text)


_ENTRY_WORD = re.compile(r"kommune|forening|selskab|politi|fond\b|fonden|skole|center|centret|institution|afdeling", re.I)


def _lower_heading(text: str) -> bool:
    """A short heading in sentence case of another list ("Omfattede afdelinger"): a capital, then
    words in lower case."""
    words = text.split()
    return 1 < len(words) <= 4 and text[:1].isupper() and all(w[:1].islower() for w in words[1:]) \
        and _OTHER_WORDS.search(text) is not None


_OTHER_WORDS = re.compile(r"\b(?:afdelinger(?:ne)?|bebyggelser(?:ne)?|boligområder(?:ne)?|zoner(?:ne)?|målgrupper(?:ne)?"
                          r"|aktiviteter(?:ne)?)\b", re.I)


# a label numbered as a chapter ("6. Underskrifter"; a table of contents' entry too): a counted list
# below it ("1. INDLEDNING") is no list of its entries
_NUMBERED_HEAD = re.compile(r"^\W{0,3}\d{1,2}\.")
def _numbered(doc: Document, i: int) -> bool:
    """Line ``i`` is numbered as a chapter (its number perhaps split onto the line before)."""
    return bool(_NUMBERED_HEAD.match(doc.lines[i]) or i and _NUMBERED_HEAD.fullmatch(doc.lines[i - 1].strip()))


_COUNTED_ENTRY = re.compile(r"^\W{0,3}(\d{1,2})[.)]\s+[A-ZÆØÅ][^.]{0,80}[;,.]?$")
_PERIOD_INSIDE = re.compile(r"\s(?:Aftalens|Helhedsplanens|Samarbejdsaftalens|Delaftalens|Indsatsens)\s+periode\b"
                            r"|\s(?:[A-ZÆØÅ][\wæøå]*s\s+)?[\wæøå]*[Pp]eriode\s*:")


def _is_sentence(text: str) -> bool:
    """Running text, not a list entry: a full stop at the end, eight or more
    words, most of them in lower case, and no e-mail address."""
    words = text.split()
    alpha = [w for w in words if w[:1].isalpha()]  # "1. april 2021" counts its month only
    if len(words) >= 6 and words[1] in _VERBS and "@" not in text \
            and (text.endswith(".") or words[0].casefold() in _plan_subjects() and not text.endswith(":")
                 and "følgende" not in text and "nedenstående" not in text):  # (not a list's lead-in)
        return True  # "Helhedsplanen er et samarbejde mellem ALFABO, AAB Kolding og Kolding Kommune." (or wrapped
        # before its end: "Parterne har valgt indsatsområderne A og B" over "og C.")
    if "@" in text:
        return False
    lower = sum(w[:1].islower() for w in alpha)
    return (text.endswith(".") and len(words) >= 8 and lower > len(alpha) / 2
            or len(alpha) >= 8 and lower * 3 > len(alpha) * 2 and any(w in _VERBS for w in words))  # (a sentence
    # wrapped at the line's end: "Administrationen af indsatsen varetages af BTF, som er ansøger og")


def _plan_subjects() -> frozenset[str]:
    from samspil.loaders.extract.org_lists import _PLAN_SUBJECTS

    return _PLAN_SUBJECTS


_VERBS = frozenset("er har skal vil kan bliver blev var omfatter består dækker indgår drives gælder".split())


# The column heads of a party or contact table ("Organisation  Kontaktperson  E-mail  Telefon")
_HEAD_WORDS = frozenset("organisation organisationer part parter aftalepart kontaktperson kontaktpersoner navn titel "
                        "stilling funktion rolle e-mail email mail telefon telefonnr. tlf. tlf mobil adresse "
                        "repræsentant repræsentanter underskrift dato forkortelse repræsenteret ved enhed forvaltning".split())


def drop_header_words(text: str) -> str:
    """A table head run onto its first row (text that lost its line breaks) is dropped:
    'Organisation Kontaktperson E-mail Telefon Fyns Almennyttige Boligselskab ...'.

    >>> drop_header_words("Organisation Kontaktperson E-mail Telefon Civica Ole Bak")
    'Civica Ole Bak'
    """
    words = text.split(" ")
    k = 0
    while k < len(words) and words[k].casefold().strip(":,;") in _HEAD_WORDS:
        k += 1
    return " ".join(words[k:]) if k >= 2 else text


def is_header_row(text: str) -> bool:
    """A table's head row: two or more words, every one a column head.

    >>> is_header_row("Organisation Kontaktperson E-mail Telefon"), is_header_row("Odense Kommune")
    (True, False)
    """
    words = text.replace("/", " ").casefold().split()
    return len(words) >= 2 and all(w.strip(":,;") in _HEAD_WORDS for w in words)


def delaftale_starts(doc: Document) -> list[tuple[int, str]]:
    """(line index, focus area name) of every 'Delaftale for indsatsområdet X' heading
    (and 'Indsatsområde: X' section heads)."""
    return doc.memo("delaftale_starts", lambda: _scopes(doc, False))


# an agenda's attachment marked open or closed to the public: "Delaftale Beskæftigelse (åben)"
_ACCESS_NOTE = re.compile(r"\s*\((?:åben|lukket|fortrolig|(?:se\s+)?delaftale\s+(?:nr\.\s*)?[A-Z0-9]{1,3})\)\s*$", re.I)  # (also
# a list's note of the area's delaftale: "A. Uddannelse og livschancer (delaftale A)")


def without_access_note(name: str) -> str:
    """``name`` without an agenda's "(åben)" / "(lukket)", or a list's "(delaftale A)", after it."""
    return _ACCESS_NOTE.sub("", name) if name.endswith(")") else name

_ANNEX_PREFIX = re.compile(r"Bilag\s+\d{1,2}[a-z]?\s*[–—:.-]\s+(?=[Dd]elaftale\b)")
_CONTENTS_LINE = re.compile(r"(?:\.{4,}|…{2,}|\t)\s*\d{1,3}\s*$")
_STARS = re.compile(r"\*{2,}")


def _numbered_known_areas(lines: list[str], lows: list[str]) -> dict[int, list[tuple[str, str]]]:
    """Line -> (number, area) of each "Delaftale N <a known area>" in it, wherever in the line (a list of the
    delaftaler run on: "3. Godkendte delaftaler Delaftale 1 Uddannelse og livschancer Delaftale 2 ...")."""
    from samspil.loaders.extract.flat_activity_tables import _focus_at

    out: dict[int, list[tuple[str, str]]] = {}
    for i, low in enumerate(lows):
        if "delaftale " not in low or "Delaftale" not in lines[i] and "DELAFTALE" not in lines[i]:
            continue
        for m in _DELAFTALE_NUMBER.finditer(lines[i]):
            words = lines[i][m.end():].split(None, 8)[:8]
            words = [w[0] + w[1:].lower() if w.isupper() and len(w) > 2 else w for w in words]  # (a heading in capitals)
            words = [w.rstrip(":") for w in words]  # ("Delaftale 1, Kriminalitetsforebyggelse: ...")
            if (n := _focus_at(words, 0, ())) > 0:
                out.setdefault(i, []).append((m.group(1), " ".join(w.strip(",.;:") for w in words[:n])))
    return out


# (capitalised, a heading's word: "Uddannelse og livschancer – delaftale 1 Beskæftigelse ..." names the area before it)
_DELAFTALE_NUMBER = re.compile(r"(?<![–—-] )\b(?:Delaftale|DELAFTALE)\s+(?:nr\.\s*)?(\d{1,2}),?\s+(?:(?:af|AF)\s+\d{1,2}\s+)?"
                               r"(?=[A-ZÆØÅ])")  # ("Delaftale 2 af 2 KRIMINALITETSFOREBYGGELSE under ...", "Delaftale 1,
# Kriminalitetsforebyggelse: Aktiviteterne er ...")


def _delaftale_starts(doc: Document) -> list[tuple[int, str]]:
    out = []
    named: dict[tuple[str, str], str] = {}  # ("spor", "1") -> its area, from "Spor 1: X"
    lows, plain = doc.lower_lines, plain_lines(doc)
    numbered = _numbered_known_areas(plain, lows) if any("delaftale " in low for low in lows) else {}
    for i, line in enumerate(doc.lines):
        low = lows[i]
        for number, area in numbered.get(i, ()):
            named.setdefault(("delaftale", number), area)
        if "delaftale" not in low and "område" not in low and "tema" not in low[:12] and "spor " not in low[:8] \
                and not (len(low) < 40 and " spor " in low) and not (low[:1].isdigit() and _SUB_START.match(low)) \
                or line.rstrip()[-1:].isdigit() and _CONTENTS_LINE.search(line):
            continue  # (a table of contents' line, "Delaftale: Tryghed ..... 4", starts nothing)
        nxt = doc.lines[i + 1] if i + 1 < len(doc.lines) else ""
        pieces = [plain[i]] if "**" not in line else None  # (the line's plain form is made already)
        if line[:1].isdigit() and (agenda := _AGENDA_ITEM.match(line)):
            line, pieces = agenda.group(1), [agenda.group(1)]  # "2. Status på delaftale 1 – X": an agenda's item about
            # a delaftale heads its activities' items
        if line[:5] == "Bilag" and (annex := _ANNEX_PREFIX.match(line)):
            line, pieces = line[annex.end():], [plain[i][annex.end():]] if pieces else None  # "Bilag 1 – Delaftale
            # for Uddannelse og livschancer": the annex's heading is the delaftale's
        if (_DELAFTALE_ALONE.match(line) or _DELAFTALE_WORD.match(line) and _FOR_AREA.match(nxt)) \
                and 0 < len(nxt) < 90:
            line = f"{line.rstrip()} {nxt.strip()}"  # its name wrapped onto the next line
            pieces = None
        if pieces is None:
            pieces = map(clean_keep_colon, _STARS.split(line))
        m = next((m for m in (DELAFTALE.match(c) or FOCUS_HEAD.match(c) for c in pieces) if m), None)
        if m is None and len(low) < 80 and (run := _COUNTED_NAME.match(plain[i])) and len(run.group(2).split()) <= 6:
            out.append((i, _sentence_case(clean(run.group(2)))))  # "INDSATSOMRÅDE 1 Uddannelse og beskæftigelse"
            named.setdefault((run.group(1).casefold().split()[0], run.group(1).split()[-1].casefold()), out[-1][1])
            continue
        if m is None and len(low) < 40 and (bare := _BARE_HEAD.match(low) or _ACTIVITIES_IN.match(low)):
            if area := named.get(bare.groups()):
                out.append((i, area))  # "Spor 1" over its activities, after "Spor 1: Sammenhængskraft og medborgerskab"
                continue
            if bare.group(1) != "delaftale" and _NAME_BELOW.match(nxt.strip()) and not starts_with_label(nxt.strip()):
                out.append((i, _sentence_case(clean(nxt.strip()))))  # "INDSATSOMRÅDE 1" over "Uddannelse og beskæftigelse"
                named.setdefault(bare.groups(), out[-1][1])
                continue
        if m is None and low[:12].lstrip(" -•*")[:9] == "delaftale" and (lead := _DELAFTALE_LEAD_IN.match(plain[i])):
            out.append((i, _sentence_case(lead.group("name"))))  # "Delaftale Uddannelse og livschancer:" over its items
            continue
        if m is None and "delaftale" in low and (area := _area_then_delaftale(plain[i])):
            out.append((i, area))  # "Tryghed og trivsel – delaftale mellem BT, BK og sekretariatet"
            continue
        if m and (counted := _COUNTED_HEAD.match(low)) and (area := named.get(counted.groups())) \
                and _fold(area) not in _fold(m.group(1)[:len(area) + 2]) and _ITEM_AFTER_COUNT.match(m.group(1)):
            out.append((i, area))  # "Delaftale 1 - Lektieværkstedet: ..." under "Delaftale 1 Uddannelse og livschancer"
            continue
        if m is None and i in numbered:
            out += [(i, area) for _, area in numbered[i]]  # "... delaftaler Delaftale 1 Uddannelse og livschancer"
            continue
        if m is None and len(low) < 80 and (word := _AREA_WORD_NAME.match(plain[i])) \
                and _is_area_name(name := clean(word.group(1)).rstrip(" .:")):
            out.append((i, _sentence_case(name)))  # "Indsatsområde Beskæftigelse" over its items (no number, no colon)
            continue
        if m is None and plain[i][:1].isdigit() and (sub := SUBSECTION_HEAD.match(plain[i])) \
                and _is_known(name := _ITEMS_AFTER.split(clean(sub.group(1)), 1)[0].rstrip(" .:")) \
                and name != clean(sub.group(1)).rstrip(" .:"):
            out.append((i, name))  # "5.1 Kriminalitetsforebyggelse - Tryghedsteamet: ...": a numbered section of a
            continue  # known area, its first item run on (its line breaks lost; alone: area_items.py reads it)
        if m:
            name = _ITEMS_AFTER.split(_PLAN_TITLE_AFTER.split(clean(m.group(1)), 1)[0], 1)[0]
            name = _sentence_case(run_on_name(without_access_note(name)))  # "X Boligsocial helhedsplan ...", "X - Lektiecafé ..."
            name = _LIST_JOIN_END.sub("", name)  # "Delaftale A – X og" / "Delaftale B – Y.": a list's items
            if len(name.split()) <= 5:  # (a sentence's stop stays: "Delaftale 1 om X er vedlagt som bilag 1.")
                name = name.rstrip(" .,;")
            if name and len(name) < 90:
                out.append((i, name))
                if counted := _COUNTED_HEAD.match(low):
                    named.setdefault(counted.groups(), name)
    return out


# an activity's "Name: what", not an area's name, after a delaftale's counted heading: "Delaftale 1 - Lektieværkstedet: ..."
_ITEM_AFTER_COUNT = re.compile(r"[A-ZÆØÅ][^:.;]{1,50}:\s+[a-zæøå]")
_LIST_JOIN_END = re.compile(r"\s+(?:og|samt|eller)$")


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


# a delaftale's name as a list's lead-in, no word or mark between: "Delaftale Beskæftigelse:"
_DELAFTALE_LEAD_IN = re.compile(r"^\W*[Dd]elaftale\s+(?P<name>[A-ZÆØÅ][\wæøå]+(?:[ ,]+[\wæøå&-]+){0,5}?)\s*:\s*$")
_NAME_BELOW = re.compile(r"^[A-ZÆØÅ][\wæøå,&-]*(?:\s+[\wæøå,&-]+){0,6}$")  # a short name, no sentence or field
# a focus area's counted heading and its name without a colon between: "INDSATSOMRÅDE 1 Uddannelse og beskæftigelse"
_COUNTED_NAME = re.compile(r"^\W*((?:INDSATSOMRÅDE|Indsatsområde|FOKUSOMRÅDE|Fokusområde|DELAFTALE|Delaftale)\s+\d{1,2})\s+"
                           r"([A-ZÆØÅ][a-zæøå][\wæøå,&-]*(?:\s+[\wæøå,&-]+){0,5})\s*$")
# a counted heading alone ("Spor 1", "Indsatsområde 2") after the same counter named its area
_BARE_HEAD = re.compile(r"^\W*(spor|indsatsområde|tema|delaftale)\s+(?:nr\.\s*)?(\d{1,2}|[a-h])\s*:?\s*$")
# the same as the heading of its activities: "Aktiviteter i Spor 1", "[+] Projekter under indsatsområde 2"
_ACTIVITIES_IN = re.compile(r"^\W*(?:aktiviteter|projekter|indsatser|tiltag)(?:ne)?\s+(?:i|under|for|inden for)\s+"
                            r"(spor|indsatsområde|tema|delaftale)\s+(?:nr\.\s*)?(\d{1,2}|[a-h])\s*:?\s*$")
_COUNTED_HEAD = re.compile(r"^\W*(spor|indsatsområde|tema|delaftale)\s+(?:nr\.\s*)?(\d{1,2}|[a-h])\b")


def _scopes(doc: Document, scope: bool) -> list[tuple[int, str]]:
    labelled = doc.memo("labelled_starts", lambda: _delaftale_starts(doc))
    plain = plain_lines(doc)
    at = {i: plain[i].casefold().rfind(name.casefold()) for i, name in labelled}
    # (a lettered list of the areas before a delaftale's heading on one line - its breaks lost -: the
    # heading starts the scope, the list none)
    lettered = [(k if scope else i, name) for i, name, k in lettered_sections(doc)
                if i not in at or not 0 <= plain[i].casefold().find(name.casefold()) < at[i]]
    # (several on one line: in their order on it, each at its name's last place)
    return sorted(labelled + lettered, key=lambda t: (t[0], plain[t[0]].casefold().rfind(t[1].casefold())))


# "A. Uddannelse og livschancer", "II. Unge og uddannelse": a lettered or Roman-numbered
# section; it names a focus area when its list is introduced as the indsatsområder or
# delaftaler, or when it repeats the name of such a list's item (the section's own heading)
_LETTERED = re.compile(r"^\W{0,3}(?P<id>[A-H](?=[.)])|[IVX]{1,4}(?=[.)])|[a-h](?=\)))[.)]\s+(?P<name>[A-ZÆØÅ][^.:;!?]{2,70})$")
_LAST_SENTENCE = re.compile(r"(?<=[\wæøå)]{2}[.!?])\s+(?=[A-ZÆØÅ])")
_LIST_INTRO = re.compile(r"\b(?:indsatsområder|fokusområder|indsatser|temaer|delaftaler)(?:ne)?\b", re.I)


def _introduces_areas(text: str) -> bool:
    """'... arbejder med tre indsatsområder:' or a heading 'Kapitel 3 – Delaftaler'."""
    text = text.strip()
    return bool(_LIST_INTRO.search(text)) and (text.endswith(":") or len(text.split()) <= 6)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}


def _ordinal(id_: str) -> int:
    return _ROMAN.get(id_) or ord(id_.upper()) - ord("A") + 1  # ("I" is Roman: letters run A-H)


def _lettered_items(doc: Document) -> list[tuple[int, str, str, str, str]]:
    """(line, id, name, text before it on the line, text after it in its piece) of each
    lettered item; in a line that lost its breaks ("... fire indsatsområder: I. Børn II. Unge
    ...") every item counts. (An item after other text on its line is a heading whose section
    starts on the next.)"""
    out = []
    for i, text in enumerate(plain_lines(doc)):
        if not text or _ANY_ITEM_DOT.search(text) is None and (")" not in text or _ANY_ITEM_PAREN.search(text) is None):
            continue  # (no "A." / "IV)" followed by a capital anywhere: no item, told by a search a mark)
        pieces = [p for p in _ITEM_START.split(text) if p]
        for k, piece in enumerate(pieces):
            if (m := _LETTERED.match(piece)) or len(pieces) > 1 and (m := _LETTERED_RUN_ON.match(piece)):
                head, *after = _LIST_AFTER.split(m.group("name"), 1)  # "B) Beskæftigelse B1 Jobvejen - ..."
                name = _sentence_case(run_on_name(clean(head)).strip(" :"))
                if len(name.split()) <= 8:
                    rest = piece[m.start("name") + len(head):] if after else piece[m.start("name") + len(name):]
                    out.append((i, m.group("id"), name, " ".join(pieces[:k]), rest.strip()))
    return out


_ITEM_START = re.compile(r"(?:^|(?<=[\s.:]))(?=(?:[A-H]|[IVX]{1,4})[.)]\s+[A-ZÆØÅ]|[a-h]\)\s+[A-ZÆØÅ])")
# what every item holds: the last character of _LETTERED's id, its "." or ")" and the capital its
# name starts with (the punctuation first, one pattern for each mark: the engine skips to a literal
# in a comparison a character, where a class of two cost a call of its set test at every character,
# ~9 times as much; ")" only searched for in a text holding one)
_ANY_ITEM_DOT = re.compile(r"\.(?<=[A-HIVX]\.)\s+[A-ZÆØÅ]")
_ANY_ITEM_PAREN = re.compile(r"\)(?<=[A-HIVXa-h]\))\s+[A-ZÆØÅ]")
_LETTERED_RUN_ON = re.compile(r"^(?P<id>[A-H](?=[.)])|[IVX]{1,4}(?=[.)])|[a-h](?=\)))[.)]\s+(?P<name>[A-ZÆØÅ](?:[^.;!?]|\.(?=\d)){2,})")
# a list (or its caption) run on after a lettered heading's name
_LIST_AFTER = re.compile(r"\s+(?=(?:[-•*▪–]|\d{1,2}\)|[A-H]\.?\d{1,2}\.?)\s+[A-ZÆØÅ\"«»“]"
                         r"|(?:Aktiviteter|Projekter|Indsatser|Tiltag|Initiativer)\b)")


def lettered_sections(doc: Document) -> list[tuple[int, str, int]]:
    """(line index, focus area name, line its section starts) of lettered or Roman-numbered
    focus-area sections."""
    return doc.memo("lettered_sections", lambda: _lettered_sections(doc))


def _lettered_sections(doc: Document) -> list[tuple[int, str, int]]:
    items = _lettered_items(doc)
    named: set[str] = set()
    listing: set[str] = set()
    for k, (i, id_, name, before_on_line, _) in enumerate(items):
        if _ordinal(id_) != 1:
            continue
        before = " ".join(_LAST_SENTENCE.split(before_on_line)[-1].split()[-6:]) if before_on_line else \
            _LAST_SENTENCE.split(next((t for t in reversed(plain_lines(doc)[max(0, i - 8):i]) if t), ""))[-1]
        # (the line above's last sentence: a heading run onto the paragraph before it, "... arbejdsmarkedet.
        # Indsatsområder")
        if _introduces_areas(before):
            run = _run_from(items, k, 6)
            if len(run) == 1 and len(long := _run_from(items, k, 60)) >= 2 and \
                    all(_list_follows(doc, j, after) for j, _, after in long):
                run = long      # "III. INDSATSOMRÅDER" over "A. X" + its activities, "B. Y" + ...
            named.update(run_name.casefold() for _, run_name, _ in run)
        elif len(run := _run_from(items, k, 60)) >= 2 and all(_list_follows(doc, j, after) for j, _, after in run):
            listing.update(run_name.casefold() for _, run_name, _ in run)  # each heads a list of activities
    # an outline whose focus areas a chapter introduces: its other lettered sections
    # ("I. INDLEDNING / A. Baggrund / B. Periode") are no areas, though each heads a list
    named |= set() if named else listing
    lettered = [(i, name, i + 1 if before_on_line else i) for i, _, name, before_on_line, _ in items
                if name.casefold() in named]
    if lettered or doc.memo("labelled_starts", lambda: _delaftale_starts(doc)) or _outline_areas(doc):
        return lettered
    return _titled_sections(doc)  # (titles alone head areas only where nothing else does)


def _outline_areas(doc: Document) -> bool:
    from samspil.loaders.extract.outline import focus_headings

    return bool(focus_headings(doc))


# a chapter that holds the focus areas, alone on its line: "Indsatsområder", "3. Vores indsatser"
_AREAS_CHAPTER = re.compile(r"^\W{0,3}(?:\d{1,2}\.?\s+)?(?:(?:de|vores|helhedsplanens|planens)\s+)?(?:\w+\s+)?"
                            r"(?:indsatsområder|fokusområder|indsatser|temaer)(?:ne)?"
                            r"(?:\s+og\s+(?:delaftaler|aktiviteter|projekter)(?:ne)?)?\s*:?$|^\W{0,3}plan for indsatsen$", re.I)
# a focus area's title below it: a few words, perhaps counted ("2. Tryghed og trivsel", "B) Sundhed")
_TITLE = re.compile(r"^\W{0,3}(?:\d{1,2}[.)]\s+|[A-H][.)]\s+)?(?P<name>[A-ZÆØÅ][^.:;!?()\d]{2,60})$")
_COUNTER_PREFIX = re.compile(r"^\W{0,3}(?:\d{1,2}[.)]|[A-H][.)])?\s*")
_AREAS_SCOPE = 400  # lines below the chapter heading where its areas may stand


_BULLETS = frozenset("-•*▪◦–·")
_COUNTED = re.compile(r"^\W{0,3}(?:\d{1,2}|[A-Ha-h])[.)]\s")


def _same_count(doc: Document, i: int) -> bool:
    """Line ``i`` and the next line are items of one counted list ("1. X" + "2. Y"): no title."""
    nxt = next((t.strip() for t in doc.lines[i + 1:i + 3] if t.strip()), "")
    return bool(_COUNTED.match(doc.lines[i].strip()) and _COUNTED.match(nxt))


def _titled_sections(doc: Document) -> list[tuple[int, str, int]]:
    """Focus areas as titles over lists of activities: two or more short title lines under a
    chapter of focus areas ("Indsatsområder" + "Beskæftigelse" + a list + "Tryghed og trivsel"
    + a list ...), or anywhere a title that is a known focus area over a caption and a list
    ("## Beskæftigelse" + "Aktiviteter:" + a list; a problem's list under it names no
    activities); each followed by a list, perhaps after a caption ("Aktiviteter:")."""
    plain = plain_lines(doc)
    out: dict[int, str] = {}
    for c in (i for i, t in enumerate(plain) if t and len(t) < 50 and _AREAS_CHAPTER.match(t)):
        found = {i: name for i in range(c + 1, min(c + _AREAS_SCOPE, len(plain))) if (name := _title(doc, plain, i))}
        if listed := _listed_below(doc, plain, c):  # the chapter lists its areas ("1. Uddannelse ...", "• Beskæftigelse"):
            found = {i: name for i, name in found.items() if name.casefold() in listed}  # titles only of those
        if len(found) >= 2:
            out.update(found)
    known = _known_areas()
    for i, text in enumerate(plain):
        if text and len(text) <= 64 and i not in out and _COUNTER_PREFIX.sub("", text).casefold() in known \
                and _CAPTION.match(next((t for t in plain[i + 1:i + 3] if t), "")) and (name := _title(doc, plain, i)):
            out[i] = name
    return [(i, name, i) for i, name in sorted(out.items())]


def _listed_below(doc: Document, plain: list[str], c: int) -> set[str]:
    """The items (case-folded, marks and counters dropped) of the list right below line ``c``."""
    out: set[str] = set()
    kind = None
    for j in range(c + 1, min(c + 12, len(plain))):
        line = doc.lines[j].strip()
        if not line:
            if out:
                break
            continue
        this = "bullet" if line[:1] in _BULLETS else "counted" if _COUNTED.match(line) else None
        if this is None or kind not in (None, this):
            break  # (a title "1) Uddannelse" over its own "- item" list: no list of areas)
        kind = this
        out.add(_COUNTER_PREFIX.sub("", line.lstrip("".join(_BULLETS) + " ")).strip(" .").casefold())
    return out if len(out) >= 2 else _listed_inline(doc, c)


def _listed_inline(doc: Document, c: int) -> set[str]:
    """The areas a sentence right below line ``c`` lists ("Parterne har indgået delaftaler
    inden for fire indsatsområder: A, B, C samt D."), case-folded."""
    para: list[str] = []
    for line in doc.lines[c + 1:c + 6]:
        if not line.strip():
            if para:
                break
            continue
        para.append(line.strip())
    text = " ".join(para)
    if (k := text.find(":")) <= 0 or not _LIST_INTRO.search(text, 0, k):
        return set()
    from samspil.loaders.extract.focus_areas import _inline_areas

    names = {n.casefold() for n in _inline_areas(re.split(r"\.(?:\s|$)", text[k + 1:])[0].strip())}
    return names if len(names) >= 2 else set()


# a web or wiki page's closing parts over their lists of links
_PAGE_PARTS = re.compile(r"^(?:se\s+også|læs\s+(?:også|mere)|links|relaterede\s+\w+|noter|kilder|referencer"
                         r"|dokumenter|bilag|kontakt)\W*$", re.I)


def _title(doc: Document, plain: list[str], i: int) -> str | None:
    """The name of a title line over a list (see :func:`_titled_sections`), else None."""
    m = _TITLE.match(plain[i]) if plain[i] and len(plain[i]) <= 64 else None
    if m and len(m.group("name").split()) <= 6 and doc.lines[i].strip()[:1] not in _BULLETS \
            and not _CAPTION.match(plain[i]) and not _PAGE_PARTS.match(plain[i]) \
            and _list_follows(doc, i, "") and not _same_count(doc, i):
        return _sentence_case(m.group("name").strip())
    return None


def _known_areas() -> frozenset[str]:
    from samspil.loaders.vocab import load_vocab

    vocab = load_vocab("focus_areas")
    return frozenset(a.casefold() for a in vocab.get("regulativ_2019_2026", []) + vocab.get("older", []))


def _id_kind(id_: str) -> str:
    """A run's items are all capitals (A, B, C), all Roman (I, II, III) or all small (a, b):
    "III. INDSATSOMRÅDER" / "A. X" / "B. Y" / "C. Z" / "IV. ØKONOMI" is a run of three."""
    return "small" if id_.islower() else "roman" if id_ in _ROMAN else "capital"


def _run_from(items: list[tuple[int, str, str, str, str]], k: int, per_item: int) -> list[tuple[int, str, str]]:
    """(line, name) of the run A, B, C ... (or I, II, III ...) that starts at item ``k``, each
    within ``per_item`` lines a letter of the first."""
    run, start, kind = [], items[k][0], _id_kind(items[k][1])
    for j, jid, jname, _, after in items[k:]:
        if _ordinal(jid) != len(run) + 1 or j - start > per_item * (len(run) + 1) or _id_kind(jid) != kind:
            break
        run.append((j, jname, after))
    return run


# a list's item: a bullet, a counted item or an area's code ("A1 X", "B.2 X")
_LIST_ITEM = re.compile(r"^\W{0,3}(?:[-•*▪◦–·]|\d{1,2}[.)]|[A-H]\.?\d{1,2}\.?)\s+\S")
_CAPTION_RUN = re.compile(r"^(?:Aktiviteter|Projekter|Indsatser|Tiltag|Initiativer)\b[^-–•:]{0,30}?:?\s+(?=\S)")
_CAPTION = re.compile(r"^\W{0,3}(?:aktiviteter|projekter|indsatser|tiltag|initiativer)\b[^.]{0,30}$", re.I)


def _list_follows(doc: Document, i: int, after: str) -> bool:
    """A list (bullets, counted items, codes) starts after a heading's name (``after``, the
    rest of its line) or below line ``i``, perhaps after a caption ("Indsatser",
    "Aktiviteter:"): a lettered heading that heads a focus area's activities."""
    if after:  # (a line that lost its breaks: the caption is its first word)
        return _LIST_ITEM.match(_CAPTION_RUN.sub("", after)) is not None
    following = [t for t in (line.strip() for line in doc.lines[i + 1:i + 8]) if t][:2]
    if following and _CAPTION.match(following[0]):
        following = following[1:]
    return bool(following) and _LIST_ITEM.match(following[0]) is not None


def focus_area_at(doc: Document, index: int) -> str | None:
    """The focus area of the delaftale that contains line ``index`` (None before any)."""
    current = None
    for i, name in doc.memo("section_scopes", lambda: _scopes(doc, True)):
        if i > index:
            break
        current = name
    return current


def party_blocks(doc: Document) -> list[Block]:
    blocks = []
    plain = plain_lines(doc)
    for i in lines_to_read(doc, ("pa",), lower=True):  # (every label holds "pa": "parter", "aftaleparter", "pater";
        line = plain[i]  # a plain line holds it where its line does, in a document without markup)
        m = PARTY_LABEL.match(line)
        if not m and (numbered := _NUMBERED_PARTIES.match(line)) and not _toc_next(plain, i):
            m = PARTY_LABEL.match(numbered.group(1))  # "1.  PARTER" over its entries (a chapter, no contents line)
        if not m:
            continue
        lines = _collect(doc, i + 1, counted=not m.group(1).strip() and not _numbered(doc, i),
                         fields=bool(m.group(1).strip()))
        if m.group(1).strip():
            lines.insert(0, i)
        blocks.append(Block("parties", i, lines, focus_area_at(doc, i)))
    return blocks


_NUMBERED_PARTIES = re.compile(r"^\W*\d{1,2}\.?\s+((?:(?:del)?aftalens\s+|samarbejdsaftalens\s+)?parter(?:ne)?)\s*$", re.I)


_NUMBERED_SIGNATURES = re.compile(r"^\W*\d{1,2}\.?\s+(underskrift(?:er)?)\s*$", re.I)


def _toc_next(plain: list[str], i: int) -> bool:
    """Is the next line with text another numbered heading (a table of contents' entries)?"""
    nxt = next((t for t in plain[i + 1:i + 4] if t.strip()), "")
    return re.match(r"^\W*\d{1,2}\.?\s", nxt) is not None


def signature_blocks(doc: Document) -> list[Block]:
    """The blocks under a signature label; a label with its entries after a colon on its
    own line ("Underskrevet af: Vejle Kommune: ...", line breaks lost) starts with that line."""
    blocks = []
    plain = plain_lines(doc)
    for i in lines_to_read(doc, ("underskr",), lower=True):  # (every label holds it, as party_blocks' "pa")
        line = plain[i]
        if (m := SIGNATURE_LABEL.match(line)) is None and line[:3].strip()[:1].isdigit() \
                and (numbered := _NUMBERED_SIGNATURES.match(line)) and not _toc_next(plain, i):
            m = SIGNATURE_LABEL.match(numbered.group(1))  # "9.  UNDERSKRIFTER" over its signatures
        if m:
            lines = _collect(doc, i + 1, counted=not (m.group(1) or "").strip() and not _numbered(doc, i))
            blocks.append(Block("signatures", i, [i, *lines] if (m.group(1) or "").strip() else lines,
                                focus_area_at(doc, i)))
    return blocks
