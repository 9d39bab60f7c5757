"""Tables of people whose cells stood between tabs or runs of spaces, and whose line breaks
were lost: "Navn Titel Organisation Mail Telefon Mette Lund teamleder Jobcenter Viborg
mel@viborg.dk 8787 1234 Kim Ravn ...".

Nothing marks a cell any more, but the head row still names the columns in their order,
and each kind of cell has a shape: an e-mail and a phone their patterns, a name capitalised
words that open with a known first name, a title title words (and the lower-case words after
them), an organisation capitalised words. The cells are read in the head's order, each up to
where the next one's shape begins; a row that does not read so ends the table.
"""
from __future__ import annotations

import re

from samspil.loaders.extract.contact_tables import KIND, _name_org_cell, joint_kind
from samspil.loaders.extract.org_lists import org_type_of
from samspil.loaders.extract.people import Person, find_people, is_title_word
from samspil.loaders.extract.text import EMAIL, PHONE
from samspil.loaders.gazetteer import is_first_name, is_town, municipality

__all__ = ["gap_person_tables"]

_HEAD_WORD = r"(?:Navn|Titel|Stilling|Funktion|Rolle|Organisation|Enhed|Forvaltning|Institution|E-?mail|Mail|Telefon|Tlf\.?|Mobil|Kontakt(?:oplysninger|info)?)"
# a column head, or two in one ("Mail / tlf.", "Mail, tlf.": contact details)
_HEAD_CELL = re.compile(rf"{_HEAD_WORD}(?:\s?/\s?{_HEAD_WORD}|,\s?{_HEAD_WORD})?(?:(?<=\.)|\b(?![\w-]))", re.I)
# three to six column heads in a row, one of them the name's
_HEAD_RUN = re.compile(rf"\b{_HEAD_CELL.pattern}(?: {_HEAD_CELL.pattern}){{2,5}}", re.I)
_DETAIL_GAP = re.compile(r"\s*")
_RULES = re.compile(r"(?:\s+[-=─]{3,})+")
_CHAPTER_NUMBER = re.compile(r"\d{1,2}\.")
_NONE_CELL = re.compile(r"[-–—](?=\s|$)")  # a dash in a cell with nothing to give
_DETAILS = re.compile(rf"(?:{EMAIL.pattern})?(?:(?<=\S)\s?[,;/·|]?\s*)?(?:{PHONE.pattern})?")  # (the white space before a cell)
_MAX_ROWS = 40


def gap_person_tables(line: str, more: list[str] = ()) -> list[tuple[bool, list[tuple[str | None, Person | None]]]]:
    """(whether the table lists parties: never here, its rows as (organisation, person)) of
    each table of people whose head row starts in ``line`` (a long line without cell marks);
    its rows may go on in the lines ``more`` after it (the segmenter cuts a long line after
    an e-mail or before a field's key)."""
    if (_HEAD_RUN.search(line) if not more else _HEAD_RUN.search(f"{line} {more[0][:80]}")) is None:
        return []
    heads = len(line)
    line = " ".join([line, *more]) if more else line
    out = []
    for m in _HEAD_RUN.finditer(line, 0, heads + 80):
        if m.start() >= heads:
            break
        kinds = [KIND.get(w.casefold().rstrip(".")) or KIND.get(w.casefold()) or joint_kind(w) or None
                 for w in (c.group(0) for c in _HEAD_CELL.finditer(m.group(0)))]
        if kinds.count("title") == 2:  # "Navn Titel Organisation Rolle": the role in the group after the title
            kinds[len(kinds) - 1 - kinds[::-1].index("title")] = "role"
        if None in kinds or "name" not in kinds and "name_org" not in kinds or len(set(kinds)) != len(kinds):
            continue
        start = _RULES.match(line, m.end())  # ("----- ------ -----": the rules under a head row, a table typed so)
        rows = _rows(line, start.end() if start else m.end(), kinds)
        if rows:
            out.append((False, rows))
    return out


def _rows(line: str, pos: int, kinds: list[str]) -> list[tuple[str | None, Person | None]]:
    rows = []
    for _ in range(_MAX_ROWS):
        cells, end = _row(line, pos, kinds)
        if cells is None and rows and rows[-1][0] and (found := _after_wrapped_cell(line, pos, kinds)):
            wrapped, pos, (cells, end) = found  # "... Center for Børn og jahl@lejre.dk / 23 70 41 86 Familie,
            rows[-1] = (f"{rows[-1][0]} {wrapped}", rows[-1][1])  # Lejre Kommune Maiken Strøyer ..."
        if cells is None:
            break
        by_kind = dict(zip(kinds, cells))
        details = [c for k in ("email", "phone", "details") if (c := by_kind.get(k))]
        own_org = own_title = None
        if "name_org" in by_kind:  # "Karina Skov Hjortdal, teamleder, Jobcenter Glostrup" under "Navn / funktion"
            by_kind["name"], own_org, own_title = _name_org_cell(by_kind["name_org"])
        people = find_people(", ".join([by_kind["name"], *details]))
        if not people:
            break
        person = people[0]
        person.title = by_kind.get("title") or own_title
        org = by_kind.get("org") or own_org
        if joint := by_kind.get("title_org"):  # "Koordinator, Børn og Unge, Roskilde K.": the title, then the unit
            title, _, unit = joint.partition(", ")
            person.title, org = (title, unit or None) if is_title_word(title.split()[0]) else (None, joint)
        rows.append((org, person))
        pos = end
    return rows


def _after_wrapped_cell(line: str, pos: int, kinds: list[str]):
    """The rest of an organisation's cell that wrapped onto a second line, which the lost line break put
    after the row's details, and the next row after it: (the words, where the row starts, its cells)."""
    if kinds[0] != "name" or "org" not in kinds or kinds[-1] not in ("email", "phone", "details"):
        return None
    words = list(re.finditer(r"\S+", line[pos:pos + 120]))
    for n in range(1, min(len(words), 5)):
        start = pos + words[n].start()
        wrapped = line[pos:start].strip()
        if EMAIL.search(wrapped) or PHONE.search(wrapped) or not is_first_name(words[n].group(0)):
            continue
        if (found := _row(line, start, kinds))[0] is not None:
            return wrapped.rstrip(","), start, found
    return None


def _row(line: str, pos: int, kinds: list[str]) -> tuple[list[str] | None, int]:
    """The cells of the row at ``pos`` in the head's order, and where the row ends."""
    cells = []
    for k, kind in enumerate(kinds):
        pos = _DETAIL_GAP.match(line, pos).end()
        nxt = kinds[k + 1] if k + 1 < len(kinds) else kinds[0]  # (the next row's first cell)
        end = _cell_end(line, pos, kind, nxt)
        if kind in ("email", "phone", "details") and (dash := _NONE_CELL.match(line, pos)):
            cells.append("")  # "sobl@roskilde.dk -": a dash for no phone
            pos = dash.end()
            continue
        if (end is None or end <= pos) and kind in ("email", "phone") and k and cells[-1] \
                and (pos >= len(line.rstrip()) or _starts(line[pos:], nxt)
                     or _CHAPTER_NUMBER.fullmatch(line[pos:pos + 6].split(" ", 1)[0])):  # (or the next chapter's number)
            cells.append("")  # an empty detail cell: "Gitte Borup Afdelingsleder Ungeenheden Varde gibo@varde.dk"
            continue  # and the next row's name (no phone)
        if end is None or end <= pos:
            return None, pos
        cells.append(line[pos:end].strip())
        pos = end
    return cells, pos


def _cell_end(line: str, pos: int, kind: str, nxt: str) -> int | None:
    if kind == "email":
        m = EMAIL.match(line, pos)
        return m.end() if m else None
    if kind == "phone":
        m = PHONE.match(line, pos)
        return m.end() if m else None
    if kind == "details":  # "neb@hammelbolig.dk, 23 81 56 40": an e-mail, a phone or both
        m = _DETAILS.match(line, pos)
        return m.end() if m and m.end() > pos else None
    words = list(re.finditer(r"\S+", line[pos:pos + 200]))
    if not words:
        return None
    if kind == "name_org":  # the name, then its title and unit after commas, up to the next cell
        if not is_first_name(words[0].group(0)):
            return None
        n = 1
        while n < min(len(words), 14) and not _starts(line[pos + words[n].start():], nxt) \
                and not _CHAPTER_NUMBER.fullmatch(words[n].group(0)):  # (the next chapter's number: the table ends)
            n += 1
        return pos + words[n - 1].end()
    if kind == "name":
        if not is_first_name(words[0].group(0)):
            return None
        n = 1
        while n < min(len(words), 4) and words[n].group(0)[:1].isupper() and not is_title_word(words[n].group(0)) \
                and not (nxt == "title" and n >= 2 and _adjective_title(words, n)) \
                and (org_type_of(words[n].group(0)) == "other" and not (n >= 2 and _org_pair(words, n))
                     and not _last_org_word(words, n) if nxt == "org" else not _starts(words[n].group(0), nxt)):
            n += 1  # (a name before the organisation ends at the organisation's cue word: "Jobcenter"; not before
            # its surname, a town's name too: "Maja Thorsø Elkjær")
        return pos + words[n - 1].end()
    if kind == "title" and nxt == "name":
        return _role_end(pos, words)
    if kind == "title" and not is_title_word(words[0].group(0)) and not _adjective_title(words, 0):
        return None
    if kind == "org" and not words[0].group(0)[:1].isupper():
        return None
    n = 1
    while n < len(words) and n < 8 and not _starts(line[pos + words[n].start():], nxt) and (
            kind != "title" or words[n].group(0)[:1].islower()):
        n += 1
    return pos + words[n - 1].end()


_ADJECTIVE = re.compile(r"^[A-ZÆØÅ][a-zæøå]+(?:al|[li]ig|isk)$")


def _adjective_title(words: list, n: int) -> bool:
    """Does a title open with the n-th word, an adjective before a lower-case noun ("Kommunal ankerperson",
    "Frivillig tovholder"), so a name before it ends there?"""
    return n + 1 < len(words) and _ADJECTIVE.match(words[n].group(0)) is not None \
        and words[n + 1].group(0)[:1].islower() and words[n + 1].group(0) not in _NAME_TIES


def _last_org_word(words: list, n: int) -> bool:
    """Is the n-th word the organisation's cell, the row's e-mail after it ("Tine Mølby Harreskov
    Kongeåhjem tmh@...") or its name going on with "og" ("Jesper Vinkel Dam Børn og Uddannelse")?"""
    after = words[n + 1].group(0) if n + 1 < len(words) else ""
    return after in ("og", "&") or EMAIL.match(after) is not None


def _org_pair(words: list, n: int) -> bool:
    """Does an organisation's name open with the n-th word, a town ("Horsens Kommune", "Hammel Almene
    Boliger"), so the name ends before it?"""
    word = words[n].group(0)
    return n + 1 < len(words) and (is_town(word) or municipality(word) is not None) \
        and any(org_type_of(" ".join(w.group(0) for w in words[n:n + k])) != "other" for k in (2, 3))


def _role_end(pos: int, words: list) -> int | None:
    """A title or role before the name ("Boligsocial leder", "Kommunal tovholder", "Kontakt Lektier & Leg"):
    the words up to the name, whose first word is a known first name with a capitalised word after it."""
    for n in range(1, min(len(words) - 1, 6)):
        if is_first_name(words[n].group(0)) and words[n + 1].group(0)[:1].isupper():
            return pos + words[n - 1].end()
    return None


_NAME_TIES = frozenset("for og i af på til med".split())  # small words inside an organisation's name


def _starts(text: str, kind: str) -> bool:
    """Does ``text`` open with a cell of ``kind``'s shape?"""
    word = text.split(" ", 1)[0]
    if kind == "email":
        return EMAIL.match(text) is not None
    if kind == "phone":
        return PHONE.match(text) is not None
    if kind == "details":
        return EMAIL.match(text) is not None or PHONE.match(text) is not None
    if kind == "name":
        return is_first_name(word)
    if kind in ("title", "title_org"):
        return is_title_word(word)
    if kind == "role":  # a role in the group: "formand for styregruppen", "medlem"
        return word[:1].islower() and word not in _NAME_TIES or is_title_word(word)  # (not "Center for Børn")
    return word[:1].isupper()
