"""Joining hard-wrapped lines of PDF text (step 5 of :mod:`normalise`).

A PDF gives one line per printed line; a paragraph, a party entry or a contact's
details wrapped over several lines must be read as one. :func:`join_wrapped`
joins a line to the one before when the text shows the break is a wrap, never a
record's end:

* a word hyphenated at the end of a line is rejoined (:func:`dehyphenate`, only
  when the joined word is a word; "Børne- og" keeps its hyphen), also inside a
  line that lost its breaks (:func:`dehyphenate_inline`);
* the next line starts in lower case, or the line ends with a comma or a
  conjunction, or (in a column of body text, :func:`text_width`) the line was
  full: the next word would not have fitted;
* a name, a form key ("Titel:"), an e-mail or a phone number split over two
  lines.

Label lines ("Aktivitetsnavn:", "Kontaktperson: ..."), bullets, numbered items
and "Zone 1) ..." always keep their own line.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from samspil.loaders.letterspacing import word_score

__all__ = ["Origin", "join_contact_details", "join_wrapped", "text_width", "dehyphenate", "dehyphenate_inline"]

Origin = tuple[int | None, int | None]  # (line, page) of the raw line a line starts in

_ITEM_START = (r"^(?:[•\-–*▪·]\s|\d{1,2}[.)]\s|\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-ZÆØÅ]|[a-zæøå][.)]\s|Zone\s+\d"
               r"|(?i:indsatsområde)\s+\d{1,2}\.\s"  # ("Indsatsområde 2. Beskæftigelse": a slide's heading)
               r"|\[(?i:grøn|gul|rød|ok)\]\s")  # ("[GRØN] Lektiecaféen": a status report's item, its light first)
_KEEPS_OWN_LINE = re.compile(_ITEM_START + r"|[A-ZÆØÅ(][^\s:,]{0,30}(?:\s[^\s:,]{1,20}){0,5}\s?:(?:\s|$))")
_ITEM_LINE = re.compile(_ITEM_START + ")")  # (the same on a line without a colon: it holds no label)
_CONJUNCTION_END = (",", " og", " eller", " samt", " i", " på", " til", " for", " med", " af",
                    " fra", " ved", " v.", " &", " afd.", " nr.", " bl.a.", " f.eks.", " jf.", " ca.")
# (an abbreviation that never ends a sentence: "AAB Næstved afd." / "Kildeparken ..." is one line)
MIN_WRAP_WIDTH = 38  # below this, lines are not body text and "full" means nothing (a column of a
# two-column page holds ~40-50 characters)
_SENTENCE_END = (".", ":", "!", "?", ";")
_NEXT_CONJ = re.compile(r"^(?:og|eller|samt|til)\b")
# "... Mathilde G." (a middle initial), "Områdefornyelsen Gl." (a place's abbreviation): no sentence end
# (white space or "/" first, what follows in look-behinds: the engine skips to those characters)
_INITIAL_END = re.compile(r"[\s/](?:(?<=\s)[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ]\.$"
                          r"|(?<=\s)(?:Gl|Sdr|Nr|Ndr|Sct|Skt|St|Ll|Vr|Øvr|Kgs|Kbh)\.$|(?<=/)(?:Kgs|Sdr|Nr|Gl)\.$)")


def _record_end(line: str) -> bool:
    """Does the line end with an e-mail, URL or number (the end of a contact record)? A
    short number is part of a name ("Agent 21")."""
    last = line.rsplit(None, 1)[-1] if line and not line.isspace() else ""  # (no copy stripped)
    return "@" in last or last.startswith(("http://", "https://", "www.")) or last[-1:].isdigit() and (
        sum(c.isdigit() for c in last) >= 4 or len(line) == len(last)
        or _PHONE_END.search(line, max(0, len(line) - 12)) is not None) \
        or line.endswith(")") and _ALIAS_END.search(line) is not None  # (searched only where it can end)


_FORM_KEY_END = re.compile(r"\S.*,\s*(?:Titel|Stilling|Funktion|E-?mail|Mail|Telefon|Tlf\.?|Mobil)\s*:$", re.I)
_FORM_KEY_TAIL = re.compile(r"\s*(?:Titel|Stilling|Funktion|E-?mail|Mail|Telefon|Tlf\.?|Mobil)\s*:", re.I)


def _ends_form_key(text: str) -> bool:
    """``_FORM_KEY_END.search(text)`` for a text without line breaks, reading its end only
    (the search tries every start and runs to the end from each: on a paragraph joined
    so far, called for every line of it, that cost ~45 ms a dense 48-page PDF). A key has
    no comma: only the text after the last comma can be the key, after something not blank.

    >>> _ends_form_key("Anna Holm, leder, Titel:"), _ends_form_key(", Titel:"), _ends_form_key("Anna, Titel")
    (True, False, False)
    """
    head, comma, tail = text.rpartition(",")
    return bool(comma) and bool(head) and not head.isspace() and _FORM_KEY_TAIL.fullmatch(tail) is not None
_PHONE_END = re.compile(r"\d{2} \d{2} \d{2} \d{2}$|\d{4} \d{4}$")  # (11 or 9 characters: searched in a line's end)


# a party entry's "(efterfølgende omtalt som AKB)": the entry ends there
_ALIAS_END = re.compile(r"\((?:efterfølgende|herefter|i det følgende)\s+(?:omtalt|benævnt|kaldet)\s+som\s+[^()]+\)$")


@lru_cache(maxsize=1)
def _is_first_name():
    """``people.is_first_name``, imported at the first call (the extract package is not
    imported for reading; an import statement run at every call costs ~1-2 µs)."""
    from samspil.loaders.extract.people import is_first_name

    return is_first_name


def _name_wrapped(last: str, line: str) -> bool:
    """A contact's name broken after the first name ("Kontaktperson: Afdelingschef Jesper"
    + "Lang-Jensen, Mobil: ..."): the next line begins with the surname.

    >>> _name_wrapped("Kontaktperson: Afdelingschef Jesper", "Lang-Jensen, Mobil: 2199 6280")
    True
    >>> _name_wrapped("Kontaktperson: Afdelingschef Jesper Lund", "Lejerbo København")
    False
    """
    if ":" not in last or "@" in last:  # (told before the lines are split: most lines end here)
        return False
    is_first_name = _is_first_name()
    words = last.split()
    first = line.split(None, 1)[0].rstrip(",") if line.split(None, 1) else ""
    return (len(words) >= 2 and is_first_name(words[-1])
            and first[:1].isupper() and first[1:2].islower() and not is_first_name(first))


# a name broken after its head noun ("Aftalens parter: Boligforeningen" + "Ungdomsboliger i
# Esbjerg") or before "Kommune" ("... og Esbjerg" + "Kommune"): one name across two lines
_NAME_HEADS = ("Boligforeningen", "Boligselskabet", "Andelsboligforeningen", "Foreningen")
# (searched only in a line that ends in one of them: the search tries every start)
_NAME_HEAD_END = re.compile(r"(?:^|\s)(?:" + "|".join(_NAME_HEADS) + ")$")
_KOMMUNE_START = re.compile(r"Kommunes?(?=$|[\s.,;:])")


def _starts_lower(line: str) -> bool:
    """A line that can only continue the one before: lower case first, or a slash
    ("Red Barnet" + "/København City")."""
    return bool(line) and (line[0].islower() or line[0] == "/" or line.startswith("(efterfølgende "))


def _keeps_own_line(line: str) -> bool:
    """Label lines, bullets, numbered items and zone lines never get joined onto.

    >>> [_keeps_own_line(s) for s in ("Kontaktperson: Anna", "Målgruppe(r):", "• punkt",
    ...  "Zone 2) Gullandsgården", "og unge i området", "1. Kort om boligområdet",
    ...  "Haahr Mogensen, sundhedsplejerske: bz3x@kk.dk", "5.1.3 Foreningsguider", "2.500 beboere")]
    [True, True, True, True, False, True, False, True, False]
    """
    if ":" in line:
        return _KEEPS_OWN_LINE.match(line) is not None
    # (an item opens with a mark, a digit, a small letter, "Zone" or "indsatsområde" in any case: a line
    # opening with another capital is none, told without the pattern: most of a document's lines)
    return line[:1] not in _NO_ITEM_FIRST and _ITEM_LINE.match(line) is not None


_NO_ITEM_FIRST = frozenset("ABCDEFGHJKLMNOPQRSTUVWXYÆØÅ")  # (not "I": (?i:indsatsområde); not "Z": "Zone")


def dehyphenate(head: str, tail: str) -> str | None:
    """Join ``head`` ending in "<letter>-" with ``tail``; None when it is no word break.

    >>> dehyphenate("styrke udsatte børnefa-", "milier i området")
    'styrke udsatte børnefamilier i området'
    >>> dehyphenate("palle.skov@aeldresagen-", "post.dk")
    'palle.skov@aeldresagen-post.dk'
    >>> dehyphenate("Børne-", "og Ungdomsforvaltningen")
    'Børne- og Ungdomsforvaltningen'
    """
    if head[-1:] != "-" or not tail:  # (the slice: ~1,650 calls a dense PDF)
        return None
    word = head.rsplit(None, 1)[-1][:-1]
    if not word or not (word[-1].isalpha()):
        return None
    if _NEXT_CONJ.match(tail):
        return f"{head} {tail}"  # "Kultur- og fritid": a real hyphen before a conjunction
    if not tail[0].isalnum():
        return None
    if any(c in word for c in "@./") or word.isupper() or not tail[0].islower():
        return head + tail  # e-mail, URL, "NEET-unge", "Superkræfter-Forløb": keep the hyphen
    first = re.match(r"[^\W\d_]*", tail).group(0)
    joined = word.split("-")[-1] + first
    hyphened = word_score(first) > -12 and word_score(word.split("-")[-1]) > -12
    if hyphened and word_score(joined) < -40:
        return head + tail  # two known words and no joined word: a real compound hyphen
    return head[:-1] + tail


_INLINE_BREAK = re.compile(r"- (?<=[^\W\d_]- )(?=[a-zæøå])")  # (opens with its literal: the engine skips to "- ")


def dehyphenate_inline(line: str) -> str:
    """A word broken at a line end whose lines were later run together ("Socialforvalt-
    ningen", "Ran- ders" in a web copy) is whole again; compounds keep their hyphen
    ("Børne- og Unge", "Kultur- og fritid").

    >>> dehyphenate_inline("i sam- arbejde med Socialforvalt- ningen og Børne- og Ungdomsforvaltningen")
    'i samarbejde med Socialforvaltningen og Børne- og Ungdomsforvaltningen'
    """
    out, pos = [], 0
    for m in _INLINE_BREAK.finditer(line):
        head, tail = line[pos:m.start() + 1], line[m.end():]
        joined = dehyphenate(head, tail)
        if joined is not None and joined == head[:-1] + tail:
            out.append(head[:-1])
            pos = m.end()
    return "".join(out) + line[pos:] if out else line


_NAME_COLON = re.compile(r"^[A-ZÆØÅ][\wæøå-]*(?:\s[A-ZÆØÅa-zæøå][\wæøå-]*){0,3}:\s")


def _wrapped_name(last: str, line: str) -> bool:
    """'... Bolig Korsør: Dato Navn Slagelse' + 'Boligselskab: Dato Navn': a name that
    wrapped before its colon, not a template label starting a new line.

    >>> _wrapped_name("Bolig Korsør: Dato Navn Slagelse", "Boligselskab: Dato Navn")
    True
    >>> _wrapped_name("Bolig Korsør: Dato Navn Slagelse", "Kontaktperson: Anne Holm")
    False
    """
    from samspil.loaders.segment import starts_with_label

    tail = last.rsplit(None, 1)[-1] if last.strip() else ""
    return (tail[:1].isupper() and not tail.endswith(":") and bool(_NAME_COLON.match(line))
            and not starts_with_label(line))


def _caps_heading_wrap(last: str, line: str, width: int) -> bool:
    """An upper-case heading wrapped in a narrow column: 'KONFLIKTHÅNDTERING OG BEDRE' +
    'MULIGHEDER BLANDT UNGE' (capitals are wide: the line holds fewer characters).

    >>> _caps_heading_wrap("KONFLIKTHÅNDTERING OG BEDRE", "MULIGHEDER BLANDT UNGE Rollemodeller", 45)
    True
    >>> _caps_heading_wrap("SUNDHED", "NYE SAMARBEJDSPARTNERE", 45)
    False
    """
    if not (width >= MIN_WRAP_WIDTH and len(last) >= 0.55 * width and last.isupper()):
        return False  # (the common case, told before the line is split)
    words = line.split()
    return (len(words) >= 2 and words[0].isupper() and not last.endswith(_SENTENCE_END)
            and (words[1].isupper() or last.endswith((",", " OG", " I", " FOR", " AF", " TIL", " MED", " PÅ"))))


_DETAIL_START = re.compile(r"^(?:[\w.+-]+@[\w-]+\.[\w.]+|\+?(?:\d{2} ?){3}\d{2}\b)")
_DETAIL_LEAD = re.compile(r"(?::|\b(?:[Tt]lf|[Tt]elefon|[Mm]obil|[Nn]r|[Mm]ail|e-mail)\.?:?|/|@[\w.-]+\.[a-z]{2,},)$")
_PHONE_HEAD = re.compile(r"(?:^|[\s,:/])(\d{2}(?: \d{2}){0,2})$")
_PHONE_TAIL = re.compile(r"^(\d{2}(?: \d{2}){0,2})\b")


def _detail_wrapped(last: str, line: str) -> bool:
    """A contact's e-mail or phone on the next line after its lead ('..., koordinator:' +
    'bz3x@kk.dk'; 'Tlf. Nr.' + '29113690'), or a phone number cut in two ('30 57 28' + '60').

    >>> _detail_wrapped("leder: ux3d@kk.dk, 30 57 28", "60 og Lone Haahr Mogensen")
    True
    >>> _detail_wrapped("faglig koordinator:", "bz3x@kk.dk"), _detail_wrapped("I alt 2019", "2020 boliger")
    (True, False)
    >>> _detail_wrapped("Lokal Politi, Jesper Nielsen, jni049@politi.dk,", "72589286")
    True
    """
    if _DETAIL_START.match(line) and _DETAIL_LEAD.search(last):  # (the anchored test first: cheaper)
        return True
    tail = _PHONE_TAIL.match(line)
    head = _PHONE_HEAD.search(last) if tail else None
    return bool(head and tail) and len((head.group(1) + tail.group(1)).replace(" ", "")) == 8


def text_width(lines: Sequence[str]) -> int:
    """Typical full-line length in characters (90th percentile of non-blank lines).

    >>> text_width(["x" * n for n in range(1, 101)])
    90
    """
    lengths = sorted(map(len, filter(str.strip, lines)))  # (the non-blank lines' lengths, in C)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


_INDENT = 4  # characters a program indents a list item's wrapped lines by


def _full(last: str, line: str, paragraph: str, width: int) -> bool:
    """Was ``last`` (a physical line) broken by the column, not by its writer? It is near
    the width, or the next line's first word would not have fit on it - inside a paragraph
    already wrapped or after a lower-case word (a list's short lines, each ending in a
    name, stay apart) - and it ends no sentence or record. A negative ``width`` is the
    width a program wrapped plain text at: only a word that would not have fit tells."""
    if abs(width) < MIN_WRAP_WIDTH or not last:
        return False
    if width < 0:  # (a list item's wrapped lines were indented: a few characters' slack)
        return len(last) + 1 + len(line.split(None, 1)[0]) > -width - _INDENT and not last.endswith(_SENTENCE_END) \
            and not _record_end(last)
    tail = last.rsplit(None, 1)[-1]  # (its last word: the line is not split whole)
    near = len(last) >= 0.8 * width
    word_did_not_fit = (line and len(last) > 0.5 * width and (len(paragraph) > len(last) or tail.isalpha()
                                                              and tail.islower())
                        and len(last) + 1 + len(line.split(None, 1)[0]) > width)
    return bool((near or word_did_not_fit)
                and (not last.endswith(_SENTENCE_END) or "." in last[-2:] and _INITIAL_END.search(last) is not None)
                and not _record_end(last))


def _full_wrap(last: str, line: str, paragraph: str, width: int, nxt: str | None) -> bool:
    """Was ``last`` broken by the column (:func:`_full`, or an upper-case heading wrapped in a
    narrow column), and not a heading over a list's caption ``nxt`` ("Aktiviteter:")?"""
    full = _full(last, line, paragraph, width) or _caps_heading_wrap(last, line, width)
    return full and not (nxt is not None and _LIST_CAPTION.match(nxt))


_LIST_CAPTION = re.compile(r"\s*(?:Aktiviteter|Projekter|Indsatser|Tiltag|AKTIVITETER|PROJEKTER)\b[^.]{0,30}$")


# a capitalised word and its hyphen ending a line, and a capitalised word opening the next: one
# double name ("Holst-" + "Andersen"), whatever the next line holds (an e-mail, a phone)
_NAME_HYPHEN_END = re.compile(r"(?<![\w-])[A-ZÆØÅ][a-zæøå]+-$")
_NAME_START = re.compile(r"[A-ZÆØÅ][a-zæøå]+(?:[\s,.;]|$)")


def join_open_brackets(lines: Sequence[str], origins: Sequence[Origin]) -> tuple[list[str], list[Origin]]:
    """A bracket left open at a line's end and closed by a short next line joined into one
    line ("Boligselskabet Sydsjællandske Hjem (efterfølgende omtalt som" + "SSH)"); a joined
    line keeps its first origin.

    >>> join_open_brackets(["Boligselskabet Hjem (herefter omtalt som", "SSH)", "Faxe Kommune (FK)"], [1, 2, 3])
    (['Boligselskabet Hjem (herefter omtalt som SSH)', 'Faxe Kommune (FK)'], [1, 3])
    """
    if not any(line.endswith(_DEFINITION_END) for line in lines):  # (cheaply: most documents break none)
        return list(lines), list(origins)
    out: list[str] = []
    orig: list[Origin] = []
    for line, origin in zip(lines, origins):
        prev = out[-1] if out else ""
        if "(" in prev and prev.count("(") > prev.count(")") and 0 < len(line) <= _CLOSING_LINE \
                and ")" in line and "(" not in line.split(")", 1)[0] and "\t" not in prev:
            out[-1] = f"{prev} {line.strip()}"
            continue
        out.append(line)
        orig.append(origin)
    return out, orig


_CONTACT_LABEL = re.compile(r"[Kk]ontaktperson(?:er)?\b[^:]{0,40}:\s*[A-ZÆØÅ]")
_DETAIL = re.compile(r"@|\b\d{2} ?\d{2} ?\d{2} ?\d{2}\b")
_LEAD_BEFORE_DETAIL = re.compile(r"^(?!(?:[Tt]lf|[Tt]elefon|[Mm]obil|[Ee]-?mail|[Mm]ail|[Dd]ir)\b)[A-ZÆØÅ][^:@\d]{0,40}?"
                                 r"(?:\s[–—-]\s|,\s|\s)(?=\S+@|(?:tlf\.?\s*)?\d{2} ?\d{2})")  # (not a field of its own)


def join_contact_details(lines: Sequence[str], origins: Sequence[Origin]) -> tuple[list[str], list[Origin]]:
    """A contact's labelled line wrapped before its details joined with the line that holds them
    ("Regionskommunens kontaktperson: Amina Hasle, Børn og Familie, Bornholms" + "Regionskommune –
    amina.hasle@brk.dk – 5692 6031"); a joined line keeps its first origin.

    >>> join_contact_details(["Kontaktperson: Ida Holm, Børn og Unge, Sorø", "Kommune – ih@soroe.dk", "Næste"], [1, 2, 3])
    (['Kontaktperson: Ida Holm, Børn og Unge, Sorø Kommune – ih@soroe.dk', 'Næste'], [1, 3])
    """
    joins = [k for k, prev in enumerate(lines[:-1]) if "ontaktperson" in prev and prev[-1:].isalpha()
             and _CONTACT_LABEL.search(prev) and not _DETAIL.search(prev) and "\t" not in prev
             and _DETAIL.search(nxt := lines[k + 1]) and "\t" not in nxt and _LEAD_BEFORE_DETAIL.match(nxt.strip())]
    if not joins:  # (most documents: the lines as they are, no copy made line by line)
        return list(lines), list(origins)
    out, orig = list(lines), list(origins)
    for k in reversed(joins):
        out[k: k + 2] = [f"{out[k]} {out[k + 1].strip()}"]
        orig[k: k + 2] = [orig[k]]
    return out, orig


_CLOSING_LINE = 60  # characters: the rest of a bracket broken over a line
_DEFINITION_END = ("som", "kaldet", "benævnt", "herefter", "tidl.", "tidligere")  # "(herefter omtalt som" + "X)"


def join_name_hyphens(lines: Sequence[str], origins: Sequence[Origin]) -> tuple[list[str], list[Origin]]:
    """Only the double names broken at their hyphen joined (``_NAME_HYPHEN_END``), for text that
    is not joined as a PDF's hard wraps; a joined line keeps its first origin.

    >>> join_name_hyphens(["Kontaktperson: Vibeke Holst-", "Andersen, viho@lemvig.dk"], [(1, 1), (2, 1)])
    (['Kontaktperson: Vibeke Holst-Andersen, viho@lemvig.dk'], [(1, 1)])
    """
    out: list[str] = []
    orig: list[Origin] = []
    for line, origin in zip(lines, origins):
        if out and out[-1].endswith("-") and "\t" not in line and _NAME_HYPHEN_END.search(out[-1]) \
                and _NAME_START.match(line):
            out[-1] += line
            continue
        out.append(line)
        orig.append(origin)
    return out, orig


def _closes_bracket(last: str, line: str) -> bool:
    """Does ``last`` end inside a bracket (its last "(" open, a few words after it) that ``line`` closes
    early, without a bracket of its own before?"""
    opened = last.rfind("(")
    close = line.find(")", 0, 60)
    return last.rfind(")") < opened and len(last) - opened <= 40 and close > 0 and "(" not in line[:close] \
        and not _keeps_own_line(line)


def join_wrapped(lines: Sequence[str], origins: Sequence[Origin], width: int = 0
                 ) -> tuple[list[str], list[Origin]]:
    """Join PDF hard wraps and hyphenated line breaks; a joined line keeps its first origin.

    A line is joined to the next when that one starts in lower case, when it
    ends with a comma or conjunction, or when it is full (at least 80% of
    ``width`` characters) and does not end a sentence. Never onto a label,
    bullet, numbered item or zone line, never after a colon, never a table's row (tabs).

    >>> join_wrapped(["Konkrete aftaler om de lokale", "kommunale institutioner.", "Kontaktperson: Anna"],
    ...              [(1, 1), (2, 1), (3, 1)])
    (['Konkrete aftaler om de lokale kommunale institutioner.', 'Kontaktperson: Anna'], [(1, 1), (3, 1)])
    >>> join_wrapped(["Frivillige foreninger, Røde Kors, Red Barnet Ungdom, KFUM spejderne",
    ...               "Sydhavn"], [(None, 1)] * 2, width=70)[0]
    ['Frivillige foreninger, Røde Kors, Red Barnet Ungdom, KFUM spejderne Sydhavn']
    """
    out: list[str] = []
    orig: list[Origin] = []
    physical = ""  # the previous line as it was, before any joining
    tabs = "\t" in "\n".join(lines)  # (no line holds a tab: told by one search, not two tests a line)
    for k, (line, origin) in enumerate(zip(lines, origins)):
        last, physical = physical, line
        if tabs and ("\t" in line or "\t" in last):  # a table's row (cells tabbed by the reader) is whole
            out.append(line)
            orig.append(origin)
            continue
        if out and last[-1:] == "-" and _NAME_HYPHEN_END.search(last) and _NAME_START.match(line):
            out[-1] = out[-1] + line  # "Vibeke Holst-" + "Andersen, viho@...": a double name broken at its hyphen
            continue
        if out and "(" in last and line and last[-1:] != "-" and _closes_bracket(last, line):
            out[-1] = f"{out[-1]} {line}"  # "... afd. Kalkgraven (opf." + "1971, 96 lejl.) og ...": a bracket's note
            continue  # wrapped (its line's stop no sentence's end)
        # (whether ``last`` is full is worked out only where the answer is read: most lines are
        # joined, or kept apart, on cheaper tests)
        full = None
        if out and out[-1] and line and (not _keeps_own_line(line) or (
                full := _full_wrap(last, line, out[-1], width, lines[k + 1] if k + 1 < len(lines) else None))
                and _wrapped_name(last, line)):
            prev = out[-1]
            # (dehyphenate joins only onto a line ending in a hyphen: ~1,600 calls a dense PDF not made)
            joined = dehyphenate(prev, line) if prev[-1] == "-" else None
            runs_on = prev.endswith(_CONJUNCTION_END) and not _record_end(last.rstrip(", "))
            colon = prev[-1:] == ":"  # (a slice compared: a method call costs more, ~1,600 joins a dense PDF)
            if joined is None and (colon and _ends_form_key(prev) or not colon and (
                    _starts_lower(line) or runs_on or (full if full is not None else _full_wrap(
                        last, line, prev, width, lines[k + 1] if k + 1 < len(lines) else None)))):
                joined = f"{prev} {line}"  # (a form's "Titel:" whose value wrapped joins it)
            if joined is None and (_detail_wrapped(last, line) or _name_wrapped(last, line)
                                   or last.endswith(_NAME_HEADS) and _NAME_HEAD_END.search(last)
                                   or _KOMMUNE_START.match(line)):
                joined = f"{prev} {line}"
            if joined is not None:
                out[-1] = joined
                continue
        out.append(line)
        orig.append(origin)
    return out, orig
