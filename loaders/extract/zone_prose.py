"""Housing departments named in running text: a small grammar for the prose forms.

Plans that do not list their departments in a table or as ``Zone N)`` name them
in sentences, and the forms are few:

* ``Boligselskabet Fjords afdeling 4, Kildevang, og afdeling 9, Engtoften``
  (owner, number, name; the owner carries over to the next ``afdeling``);
* ``ABC afd. 3, 7 og 12 samt XYZ afd. Solsikken`` (several numbers, a name);
* ``fsb afdeling Gravervænget-Møllerlodden`` (a name only);
* ``Helhedsplanen omfatter afdelingerne Rosenhaven (afd. 4), Kløvermarken (afd. 5) og Engen``
  (a list after a plural, when a verb of covering or a colon introduces it);
* ``... i bydelen Bakkely`` in the same sentence places them (``part_of``), and
  ``henholdsvis 180 og 312 boliger`` gives their dwellings in order.

Each finding is a :class:`~samspil.loaders.model.Zone` of type
``housing_department``; the numbers become aliases ("afd. 4", "Fjord afd. 4").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from samspil.loaders.extract.tables import column_kind
from samspil.loaders.model import SourceRef, Zone
from samspil.loaders.vocab import load_vocab

__all__ = ["prose_departments", "row_cells", "sentences", "DWELLINGS", "dwelling_words"]

_NAME = r"[A-ZÆØÅ][\wæøåÆØÅé'-]+(?:\s(?:[A-ZÆØÅ][\wæøåÆØÅé'-]+|[Vv]ej|[Pp]ark|[Aa]llé|[Vv]ænge|[Gg]ade|[Pp]lads))?"
_CODE = r"\d{1,4}(?:[-/]\d{1,3})?"


@lru_cache(maxsize=1)
def dwelling_words() -> tuple[str, ...]:
    """The words for dwellings (vocab/zones.yaml), longest first ("lejeboliger" before "boliger")."""
    return tuple(sorted(load_vocab("zones").get("dwelling_words", ["lejemål"]), key=len, reverse=True))


DWELLINGS = "(?:" + "|".join(map(re.escape, dwelling_words())) + ")"
_DWELLINGS = DWELLINGS
# a department's number, not a count of its dwellings ("afd. 4, 780 boliger")
_NUMBER = rf"{_CODE}(?![\d/-])(?!\.\d{{3}})(?!\s*{_DWELLINGS})"  # (not the "1" of "1.024 boliger")
_CONJ = r"\s*(?:,\s*(?:og|samt)?|\s(?:og|samt))\s*"
# afdeling 4, Kildevang | afd. 3, 7 og 12 | afdeling Gravervænget-Møllerlodden
_SINGLE = re.compile(
    rf"\b(?:afd\.|afdeling|afdelingen|(?<![^\s])Afd\.(?=\s*\d))\s*(?P<codes>{_NUMBER}(?:{_CONJ}{_NUMBER})*)?\s*(?:,\s*|[–-]\s+(?=[A-ZÆØÅ])|\s+(?=[A-ZÆØÅ]))?"
    rf"(?P<name>{_NAME})?")
_PLURAL_WRITTEN = (  # (as it reads; _PLURAL is the same, written for the engine)
    r"\b(?:omfatter|dækker|består af|følgende|indgår|rummer|udgøres af)\b[^.:]{0,40}?\b(?:bolig)?afdeling(?:er|erne)"
    r"\s*:?\s+|\b(?:[Bb]olig)?[Aa]fdeling(?:er|erne)\s*:\s*|\b(?:Bolig)?Afdelingerne\s+(?=[A-ZÆØÅ])")  # (capitalised: a sentence's or heading's first word)


def _literal_first(branches: list[str]) -> str:
    r"""An alternation whose every branch opens with a word's first letter, the word boundary before
    it told after it (``(?<!\w.)``: no word character before the letter): the engine then skips to
    those letters, where a pattern opening with ``\b`` is tried at every position (~half the cost of
    _PLURAL_WRITTEN's searches; the branches keep its order, which decides between two matching at
    one position)."""
    return "|".join(b[0] + r"(?<!\w.)" + b[1:] for b in branches)


_PLURAL_AFTER_VERB = r"\b[^.:]{0,40}?\b(?:bolig)?afdeling(?:er|erne)\s*:?\s+"
_PLURAL = re.compile(_literal_first(
    [w + _PLURAL_AFTER_VERB for w in ("omfatter", "dækker", "består af", "følgende", "indgår", "rummer",
                                                       "udgøres af")]
    + [r"Bolig[Aa]fdeling(?:er|erne)\s*:\s*", r"bolig[Aa]fdeling(?:er|erne)\s*:\s*", r"Afdeling(?:er|erne)\s*:\s*",
       r"afdeling(?:er|erne)\s*:\s*", r"BoligAfdelingerne\s+(?=[A-ZÆØÅ])", r"Afdelingerne\s+(?=[A-ZÆØÅ])",
       r"afdelinger(?<=['’]s afdelinger)\s+(?=[A-ZÆØÅ])", r"afdelinger(?<=['’] afdelinger)\s+(?=[A-ZÆØÅ])"]))  # (after
# an owner's genitive with its apostrophe: "HHJ's afdelinger Tørveengen (204) og Pilekæret (156)")
# "Rosenhaven", "Rosenhaven (afd. 4)", "Rosenhaven (afd. 4, 180 boliger)", "Rosenhaven (180 boliger)"
_ITEM = re.compile(rf"(?P<name>{_NAME})(?:\s*(?P<paren>\(\s*(?:(?P<owner>[A-ZÆØÅ][\wæøå-]*(?:\s[A-ZÆØÅ][\wæøå-]*){{0,2}}),\s*"
                   rf"(?=afd|\d))?(?:afd(?:\.|eling)\s*(?P<code>{_CODE}))?"
                   rf"(?:\s*(?:,|med)?\s*(?P<units>\d[\d.]*)\s*{_DWELLINGS})?\s*\))|\s*\((?P<bare>\d{{2,4}})\))?")
# ("Tørveengen (204)": its dwellings counted alone in brackets, in a sentence that counts dwellings)
# ("Trollesmindehusene (Nødebohus, 288 boliger)": the owner first in the brackets)
_ITEM_TAIL = re.compile(rf"(?:\s*\([^()]{{0,80}}\))?(?:\s+med\s+(?P<n>\d[\d.]*)\s*{_DWELLINGS})?(?=\W|$)")
_OWNER = re.compile(r"(?<![\wæøåÆØÅ&-])((?:[A-ZÆØÅ0-9][\wæøåÆØÅ&-]*\s){0,3}[A-ZÆØÅ0-9][\wæøåÆØÅ&-]*|[a-zæøå]{2,5})\s+$")
_BYDEL = re.compile(rf"\b(?:i|udgør|danner)\s+(?:tilsammen\s+|samlet\s+)?bydel(?:en)?\s+(?P<name>{_NAME})|(?P<name2>{_NAME}),?\s+bydelen\b")
# "..., Kløvermarken (afd. 5) og Solbakken (afd. 7) i Randers Nord.": the area of the list
_LIST_AREA = re.compile(rf"\)\s+i\s+(?P<name>(?!\S+\s+Kommune)(?!Kommune){_NAME})(?=\s*[.,;:]|\s*$)")
_RESPECTIVELY = re.compile(r"\bhenholdsvis\s+((?:\d[\d.]*\s*(?:,|og)\s*)+\d[\d.]*)\s+(?:bolig|lejemål|lejlighed)")
# "3Bs afdeling Tranehavegård, som ikke indgår i helhedsplanen": named, not covered
_NOT_COVERED = re.compile(r"\bikke\b.{0,30}\b(?:indgår|omfatte[st]?|er (?:en )?del af|er med i|dækkes)\b")
_NOT_NAMES = frozenset("Den Det De Der Her Og Samt Helhedsplanen Boligorganisationen Kommunen I Som Med For "
                       "Afdelingen Afdelingerne Afd Beboerne Zone Området Området".split())


def _owner(before: str, is_org: Callable[[str], str | None]) -> str | None:
    """The organisation named right before 'afdeling' ('Boligselskabet Fjords', 'fsb')."""
    if before[-3:-1] in ("'s", "’s") or before[-2:-1] in ("'", "’"):
        before = before.rstrip()[:-1].rstrip("'’") + " "  # "Falstria's afd. X", "Sundbyhus' afdeling Y": a genitive
    m = _OWNER.search(before)
    if not m:
        return None
    words = m.group(1).split()
    for k in range(len(words)):  # the longest tail of the run that names an organisation
        cand = " ".join(words[k:])
        for form in (cand, re.sub(r"s$", "", cand)):
            if (org := is_org(form)):
                return org
    return None


# not "afd. Solsikken" (the full stop first, the look-behinds after it: the engine skips to full stops)
_SENTENCE_END = re.compile(r"\.(?<=[a-zæøå)\d]\.)(?<!afd\.)(?<!nr\.)(?<!Sct\.)(?<!Skt\.)(?<!\bSt\.)(?<!Kgs\.)(?<!\bGl\.)"
                           r"\s+(?=[A-ZÆØÅ])")  # (not a name's "Sct. Jørgen", "Kgs. Enghave", "Gl. Holtegaard")


def sentences(text: str) -> list[str]:
    """The text's sentences; a full stop inside brackets ends none ("(Sct. Mikkel afd. 4)")."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text.count("(", start, m.start()) <= text.count(")", start, m.start()):
            out.append(text[start:m.start()])
            start = m.end()
    return [*out, text[start:]]


# "Hedebo (Fjordbo afd. 3, 1.024 boliger)", "Toften I, II og III (Fjordbo afd. 5, 6 og 7 med i alt 900 boliger)"
_BRACKETED = re.compile(
    rf"(?P<name>{_NAME})(?P<quals>(?:(?:\s*,\s*|\s+og\s+|\s+)[IVX]{{1,4}}\b)*)(?P<place>\s+[a-zæøå]{{4,20}})?\s*\(\s*"
    rf"(?:(?P<org>[A-ZÆØÅ][^(),]{{0,40}}?)\s*,?\s+)?afd(?:\.|eling)\s*(?P<codes>{_NUMBER}(?:{_CONJ}{_NUMBER})*)"
    rf"(?:\s+under\s+(?P<under>[A-ZÆØÅ][\wæøå-]*(?:\s[A-ZÆØÅ][\wæøå-]*){{0,2}}))?"
    rf"(?:\s*(?:,|med)\s*(?P<total>i alt|til sammen|tilsammen)?\s*(?P<units>\d[\d.]*)\s*{_DWELLINGS})?\s*\)"
    rf"(?:(?:\s+med\s+|\s*[–:-]\s*)(?P<after>\d[\d.]*)\s*{_DWELLINGS}\b)?")  # "Solbakken (Fjord, afd. 7) med 140
# lejligheder", "Skovly (AHS afd. 3) – 166 lejemål", "Kirketoften (Dyvigbo, afd. 12): 58 boliger"


def _bracketed(sentence: str, is_org, units: dict[str, int], parens: list[tuple[int, int]],
               placed: dict[str, str] | None = None) -> Iterator[tuple[str | None, list[str], str | None, str | None]]:
    """Departments named with their number in brackets: (owner, codes, name, owner as written).
    A name with roman numerals ("Toften I, II og III") is one department a numeral,
    paired with the numbers in order; a total of dwellings is no department's own. A department
    named before the place it lies in ("Sandrevlen i Danzigmand (afd. 4, 52 boliger)") is the
    department, the place in ``placed`` by its name."""
    if "(" not in sentence:
        return  # (every one has its bracket)
    owners = set(re.findall(r"(\S+)\s+afd(?:\.|eling)\s*\d", sentence))  # words the sentence uses as owners
    for m in _BRACKETED.finditer(sentence):
        name = m.group("name")
        if m.group("place"):  # "Bremdalparkens fælleshus (afd. 1 ...)": the department a place of it is in
            if not name.endswith("s") or len(name) < 5:
                continue
            name = name[:-1]
        if name.split()[0] in _NOT_NAMES:
            if " " not in name:
                continue
            name = name.split(" ", 1)[1]  # "Afdelingerne Solbakken (...)": Solbakken
        elif placed is not None and not m.group("place") and not m.group("quals") \
                and (lying := _LYING_IN.search(sentence, max(0, m.start() - 40), m.start())) \
                and lying.group("dep") not in _NOT_NAMES and not is_org(lying.group("dep")):
            placed[lying.group("dep")] = name  # "Sandrevlen i Danzigmand (afd. 4, ...)": Sandrevlen, in Danzigmand
            name = lying.group("dep")
        parens.append((m.end("quals"), m.end()))
        codes = re.findall(_NUMBER, m.group("codes"))
        names = _numbered_names(name, re.findall(r"[IVX]+", m.group("quals")))
        written = m.group("org") or m.group("under")  # ("afd. 1 under Limfjordsbo": the owner after the number)
        words = name.split()
        if len(words) > 1 and column_kind(words[0]):  # a table's head run onto its first row: "Beboere Engbo"
            words, names = words[1:], [" ".join(words[1:])] if len(names) == 1 else names
        if not written and len(words) > 1 and (_housing(words[0], is_org) or words[0] in owners):  # "Domea Engvej (afd. 8)"
            written, names = words[0], [" ".join(words[1:])] if len(names) == 1 else names
        owner = (is_org(written) or written) if written else None
        if len(names) == len(codes):
            for name, code in zip(names, codes):
                yield owner, [code], name, written
        else:
            yield owner, codes, names[0], written
        if (n := m.group("units") or m.group("after")) and not m.group("total") and len(names) == 1:
            units[names[0]] = int(n.replace(".", ""))


_ROW_END = re.compile(rf"\d\s+{_DWELLINGS}\s*$")  # (the row before's count: its lines joined)
_ROW = re.compile(r"(?<!\S)(?P<n>[A-ZÆØÅ][\wæøå-]+)\s+[A-ZÆØÅ][\wæøå&-]*(?:\s+[A-ZÆØÅ][\wæøå&-]*)?\s+afd\.\s*\d{1,3}[a-z]?"
                  rf"(?:\s+\d[\d.]*(?:\s+{_DWELLINGS})?)?\s*$")
_PLACE_END = re.compile(r"(?i:park|parken|vænge|vænget|have|haven|gård|gården|høj|højen|toft|toften|bakke|bakken|vej"
                        r"|hus|husene|lund|lunden|by|byen|nord|syd|øst|vest|midt)$")


def _person(name: str) -> bool:
    from samspil.loaders.extract.people import find_people

    return any(p.name == name for p in find_people(name, strict=True))


_QUARTERS = frozenset("Nord Syd Øst Vest Midt I II III IV".split())
_LYING_IN = re.compile(r"(?<![\wæøåÆØÅ-])(?P<dep>[A-ZÆØÅ][\wæøå-]+)\s+i\s+$")
# "Humlumhusene (Venøbo, 96 boliger)": a department with its owner and dwellings in brackets, no number
_OWNED = re.compile(rf"(?P<name>[A-ZÆØÅ][\wæøåÆØÅé'-]+(?:\s[A-ZÆØÅ][\wæøåÆØÅé'-]+){{0,3}})\s*\(\s*(?P<org>[A-ZÆØÅ][\wæøå-]*(?:\s[A-ZÆØÅ][\wæøå-]*){{0,2}})\s*,\s*"
                    rf"(?P<units>\d[\d.]*)\s*{_DWELLINGS}\s*\)")


def dwellings_in_brackets(text: str) -> bool:
    """Does ``text`` close a bracket after a count of dwellings ("(Venøbo, 96 boliger)")? A cheap test."""
    if ")" not in text:
        return False
    for closed in _closed_dwellings():  # (a loop over strings made once: a generator costs more than the tests)
        if closed in text:
            return True
    return False


@lru_cache(maxsize=1)
def _closed_dwellings() -> tuple[str, ...]:
    """Each dwelling word with the bracket that closes after it ("boliger)")."""
    return tuple(f"{w})" for w in dwelling_words())


def _owned(sentence: str, is_org, units: dict[str, int], parens: list[tuple[int, int]]):
    """Departments named with their owner (an organisation the document names) and dwellings in
    brackets and no number: (owner, codes, name, owner as written)."""
    if "(" not in sentence:
        return
    for m in _OWNED.finditer(sentence):
        if any(a <= m.start("org") < b for a, b in parens) or m.group("name").split()[0] in _NOT_NAMES:
            continue
        if (owner := is_org(m.group("org"))) is None:
            continue
        parens.append((m.end("name"), m.end()))
        units[m.group("name")] = int(m.group("units").replace(".", ""))
        yield owner, [], m.group("name"), m.group("org")


def _housing(word: str, is_org) -> bool:
    """Does ``word`` name one of the document's housing organisations ('Domea')?"""
    from samspil.loaders.extract.orgs import org_type

    hit = is_org(word)
    return hit is not None and org_type(hit) == "housing_organisation"


def _numbered_names(name: str, numerals: list[str]) -> list[str]:
    """'Toften' + [I, II, III] -> Toften I, Toften II, Toften III ('Toften II' + [III] too)."""
    words = name.split()
    if len(words) > 1 and re.fullmatch(r"[IVX]+", words[-1]) and numerals:
        words, numerals = words[:-1], [words[-1], *numerals]
    return [f"{' '.join(words)} {q}" for q in numerals] if numerals else [name]


_OWNER_OF = re.compile(r"\s*(?:afd\.|afdeling\b)")
_UNITS_AFTER = re.compile(rf"\s*,?\s*(?:\(\s*(\d[\d.]*)\s*{_DWELLINGS}\s*\)|[–-]\s*(\d[\d.]*)\s*{_DWELLINGS}\b)"
                          rf"|\s*\([^()]{{1,30}}?,\s*(\d[\d.]*)\s*(?:{_DWELLINGS}|lejl\.)\s*\)"  # ("(opf. 1968, 180 lejl.)")
                          rf"|,\s*(\d[\d.]*)\s*{_DWELLINGS}\b"  # (", 344 lejemål" after a listed department)
                          rf"|\s+med\s+(?:ca\.\s*)?(\d[\d.]*)\s*{_DWELLINGS}\b"  # ("afd. 13 Houlkær Syd med 396 lejemål")
                          rf"|:\s*(\d[\d.]*)\s*{_DWELLINGS}\b"  # ("Bjerggårdsparken, afd. 11:  148 boliger / 322 beboere")
                          rf"|\s*\.{{3,}}\s*(\d[\d.]*)\s*{_DWELLINGS}\b"  # (after a dotted leader: "X, Y afd. 3 ...... 284 boliger")
                          rf"|\s*(?<=\s)(\d[\d.]*)\s+{_DWELLINGS}\b")  # ("Vesthaven, afd. 4 188 boliger": a row, its gap lost)


# a department's name before its number, the number ending a key or a cell ("Bjerggårdsparken, afd. 11: 148 boliger")
_NAME_BEFORE_CODE = re.compile(r"(?:^|(?<=[\s|]))(?P<n>[A-ZÆØÅ][\wæøå-]+(?:\s+[A-ZÆØÅ][\wæøå-]+){0,2}),\s*"
                               r"(?:[A-ZÆØÅ0-9][\wæøå&-]*(?:\s+[A-ZÆØÅ0-9][\wæøå&-]*){0,3}\s+)?$")  # (its owner between:
# "Bregnehaven, Farumhus afd. 6 – 310 lejemål")
_KEY_END = re.compile(r"\s*(?::|$|\t|\s{2,}|;|\.{3,})|(?=\s*(?:[–-]\s*)?\(?\d[\d.]*\s+(?:boliger|lejemål|lejligheder)\b)")  # (or its count
# after it, the table's gap lost: "Vesthaven, afd. 4 188 boliger")


def _singles(sentence: str, is_org, skip: list[tuple[int, int]] = (), units: dict[str, int] | None = None
             ) -> Iterator[tuple[str | None, list[str], str | None]]:
    """Departments named one by one ("Fjords afdeling 4, Kildevang"); dwellings in brackets
    after one ("Lejerbo afd. 12 (420 boliger)") go to ``units`` by the zone's name."""
    owner = None
    prev_end = 0
    for m in _SINGLE.finditer(sentence):
        if any(a <= m.start() < b for a, b in skip):
            continue  # "(afd. 4)" after a listed name: that item's number
        if m.group(0)[:1] == "A" and sentence[:m.start()].strip() and not _ROW_END.search(sentence, 0, m.start()):
            continue  # (a capital "Afd." only opening a row: "Afd. 14 Hjortebakken 1972 ... 204 boliger")
        codes = re.findall(_CODE, m.group("codes") or "")
        name = m.group("name")
        if name and name.split()[0] in _NOT_NAMES:
            name = None
        if name and " " in name and not _PLACE_END.search(name) and _person(name):
            name = None  # "formanden for afd. 1, Gunnar Egeskov": a person after the number, no department's name
        if name and m.group(0)[:1] == "A" and " " in name and name.split()[1] not in _QUARTERS:
            name = name.split()[0]  # a row "Afd. 3 Smedebakken Smedebakken 12 ...": its name cell, the street after
        if not codes and not name:
            continue
        own = _owner(sentence[: m.start()], is_org) or _cued_owner(sentence[prev_end: m.start()],
                                                                   m.group(0).startswith("afd."))
        if own is None and re.search(r"[A-ZÆØÅ]", sentence[prev_end: m.start()]):
            owner = None  # "Civica afd. A samt Fjordbo afd. B": not Civica's (an owner of its own, unknown)
        before_name = _NAME_BEFORE_CODE.search(sentence, prev_end, m.start()) if codes and not name else None
        if before_name is None and codes and not name and len(codes) == 1 and sentence.count("afd") == 1 \
                and (row := _ROW.search(sentence)) and row.group("n") not in _NOT_NAMES \
                and not _housing(row.group("n"), is_org) and "bolig" not in row.group("n").lower():
            name = row.group("n")  # a table's row, its cells' gaps lost: "Rypevangen Trørødgård afd. 4 214"
        owner = own or owner
        prev_end = m.end()
        if before_name and len(codes) == 1 and _KEY_END.match(sentence, m.end()):
            name = before_name.group("n")  # "Bjerggårdsparken, afd. 11:  148 boliger": the name before its number
        if owner is None and not codes:
            continue  # "afdeling Kommunikation": a unit of an organisation, not a department
        if name and len(codes) > 1:
            yield owner, codes, None
            codes = []
        end = m.end()
        if codes and len(codes) == 1 and not name and (after := _NAME_AFTER_CODE.match(sentence, end)):
            name, end = after.group("n") or after.group("n2"), after.end()  # "afdeling 11 (Nørrevang I)",
            # "afdeling 31 på Hjermvej"
        if units is not None and (count := _UNITS_AFTER.match(sentence, end)) and (name or len(codes) == 1):
            units[name or f"Afd. {codes[0]}"] = int(next(g for g in count.groups() if g).replace(".", ""))
            end = count.end()
        elif units is not None and name and (bare := _BARE_COUNT.match(sentence, end)) \
                and (n := _bare_units(bare.group(1), sentence)) is not None:
            units[name] = n  # "afdeling Lærkestien (72)" in a sentence that counts dwellings
            end = bare.end()
        prev_end = end  # (the name and count after the number are no owner's words)
        yield owner, codes, name
        if name and not codes:  # "afd. Fyrreparken og Birkeparken": the owner's named departments
            pos = m.end()
            while (more := _MORE_NAMED.match(sentence, pos)) and not _OWNER_NEXT.match(sentence, more.end()):
                if more.group("name").split()[0] in _NOT_NAMES:
                    break
                yield owner, [], more.group("name")
                pos = prev_end = more.end()


# a department's name after its number: in brackets, or the street it stands on
_NAME_AFTER_CODE = re.compile(r"\s*(?:\((?P<n>[A-ZÆØÅ][\wæøå-]+(?:\s+(?:[IVX]{1,3}|[A-ZÆØÅ][\wæøå-]+))?)\)"
                              r"|på\s+(?P<n2>[A-ZÆØÅ][\wæøå-]+(?:vej|gade|parken|vænget|allé|plads)))(?=[\s,.;]|$)")
# another department named after "afd. X": ", Y", " og Y", " samt Y" (not "samt Z afd. ...": Z's own)
_MORE_NAMED = re.compile(rf"(?:\s*,\s*|\s+og\s+|\s+samt\s+)(?P<name>{_NAME})(?=\s*(?:,|og\b|samt\b|\.|\(|$))")
_OWNER_NEXT = re.compile(r"s?\s+(?:afd\.|afdeling)")
# an owner no organisation of the document names: a capitalised run with a housing organisation's
# cue word ("Fyns Almennyttige Boligselskabs"), in the genitive or not
_CUED_OWNER = re.compile(r"((?:[A-ZÆØÅ][\wæøå-]*\s){0,3}[\wæøåÆØÅ-]*(?:[Bb]oligselskab|[Bb]oligforening)\w*?)s?,?\s+$"
                         r"|((?:[Bb]oligselskabet|[Bb]oligforeningen)(?:\s[A-ZÆØÅ0-9][\wæøå-]*){1,3}),?\s+$")


def _cued_owner(before: str, short: bool) -> str | None:
    """The owner ``before`` 'afd.' names by its cue word, or (before the short 'afd.') by an
    abbreviation in capitals ("FAB afd. Fyrreparken")."""
    if (m := _CUED_OWNER.search(before)) and (owner := m.group(1) or m.group(2))[:1].isupper():
        return owner
    m = _ABBREVIATED_OWNER.search(before) if short else None
    return m.group(1) if m else None


_ABBREVIATED_OWNER = re.compile(r"(?<![\wæøåÆØÅ])([A-ZÆØÅ]{2,5})\s+$")


_LIST_FIELD = re.compile(r"\s*(?:Bolig)?[Aa]fdeling(?:er|erne)\s*:")  # a fact box's field: "Afdelinger: A (...) · B (...)"
_ITEM_SEP = re.compile(rf"{_CONJ}|\s*[·•|]\s*")  # (a fact box's list: "A (...) · B (...) · C (...)")


_YEAR = re.compile(r"(?:19|20)\d\d")
_BARE_COUNT = re.compile(r"\s*\((\d{2,4})\)")
_DWELLING_WORD = re.compile(rf"\d\s*(?:{_DWELLINGS}\b|lejl\.)")


def _bare_units(count: str, sentence: str) -> int | None:
    """A department's dwellings counted alone in brackets ("Tørveengen (204)"): the number, when it is no year and the
    sentence counts dwellings elsewhere ("Den dækker 432 boliger: ..."), else None."""
    return int(count) if not _YEAR.fullmatch(count) and _DWELLING_WORD.search(sentence) else None


def _plurals(sentence: str, units: dict[str, int], parens: list[tuple[int, int]]
             ) -> Iterator[tuple[str | None, list[str], str | None]]:
    """Items of a list after a plural ("afdelingerne A (afd. 4, 180 boliger), B og C"); an
    item's dwellings go to ``units`` by name, its parenthesis's span to ``parens``."""
    if "fdeling" not in sentence:
        return  # (every match holds "afdeling" or "Afdeling": the pattern opens with a word boundary, tried everywhere)
    for m in _PLURAL.finditer(sentence):
        rest = sentence[m.end():]
        pos = 0
        while True:
            item = _ITEM.match(rest, pos)
            if not item or item.group("name").split()[0] in _NOT_NAMES or _OWNER_OF.match(rest, item.end()):
                break  # (an owner before "afd. 10 Engvej": the department is read one by one)
            if item.group("paren"):
                parens.append((m.end() + item.start("paren"), m.end() + item.end("paren")))
            if item.group("units"):
                units[item.group("name")] = int(item.group("units").replace(".", ""))
            elif item.group("bare") and (n := _bare_units(item.group("bare"), sentence)) is not None:
                units[item.group("name")] = n
            yield item.group("owner"), [item.group("code")] if item.group("code") else [], item.group("name")
            end = item.end()
            if tail := _ITEM_TAIL.match(rest, end):  # "Solbakken (Fjord, afd. 7) med 140 boliger"
                end = tail.end()
                if tail.group("n"):
                    units.setdefault(item.group("name"), int(tail.group("n").replace(".", "")))
            sep = _ITEM_SEP.match(rest, end)
            if not sep:
                break
            pos = sep.end()


def prose_departments(text: str, ref: SourceRef, is_org: Callable[[str], str | None]) -> list[Zone]:
    """Departments named in ``text`` (one segment), each with owner, aliases, units, part_of.

    ``is_org(name)`` returns the canonical name of a known organisation or None.

    >>> orgs = {"Boligselskabet Fjord": "Boligselskabet Fjord", "fsb": "fsb"}.get
    >>> ref = SourceRef(document="x.txt", line=1)
    >>> [(z.name, z.housing_organisation, z.units, z.part_of) for z in prose_departments(
    ...     "Boligselskabet Fjords afdeling 4, Kildevang, og afdeling 9, Engtoften, i bydelen Bakkely "
    ...     "med henholdsvis 180 og 312 boliger.", ref, orgs)]
    [('Kildevang', 'Boligselskabet Fjord', 180, 'Bakkely'), ('Engtoften', 'Boligselskabet Fjord', 312, 'Bakkely')]
    >>> [(z.name, z.aliases) for z in prose_departments("fsb afdeling 01-52 Gravervænget-Møllerlodden", ref, orgs)]
    [('Gravervænget-Møllerlodden', ['afd. 01-52', 'fsb afd. 01-52'])]
    >>> [(z.name, z.aliases, z.units) for z in prose_departments("Planen omfatter afdelingerne Rosenhaven "
    ...     "(afd. 4, 780 boliger), Engen (afd. 12) og Toften.", ref, orgs)]
    [('Rosenhaven', ['afd. 4'], 780), ('Engen', ['afd. 12'], None), ('Toften', [], None)]
    >>> [(z.name, z.housing_organisation, z.units) for z in prose_departments(
    ...     "Boligselskabet Fjord afd. 12 (420 boliger) og afd. 14, Engen (210 boliger)", ref, orgs)]
    [('Afd. 12', 'Boligselskabet Fjord', 420), ('Engen', 'Boligselskabet Fjord', 210)]
    """
    out: list[Zone] = []
    owned = dwellings_in_brackets(text)  # ("Humlumhusene (Venøbo, 96 boliger)")
    if "afd" not in text and "Afd" not in text and not owned:
        return out
    for sentence in sentences(text):
        if "afd" not in sentence and "Afd." not in sentence and not _LIST_FIELD.match(sentence) \
                and not (owned and _OWNED.search(sentence)) \
                or "ikke" in sentence and _NOT_COVERED.search(sentence):
            continue
        listed: dict[str, int] = {}
        parens: list[tuple[int, int]] = []
        placed: dict[str, str] = {}
        found = list(_bracketed(sentence, is_org, listed, parens, placed))
        found += [(*f, None) for f in _plurals(sentence, listed, parens)]
        found += list(_owned(sentence, is_org, listed, parens))
        found = [(*f, None) for f in _singles(sentence, is_org, parens, listed)] + found
        found += list(_parallel(sentence, is_org))
        found = _merge_named(found)
        zones = [_zone(owner, codes, name, ref, written) for owner, codes, name, written in found]
        zones = [z for zs in zones for z in zs]
        for z in zones:
            z.units = listed.get(z.name)
            z.part_of = placed.get(z.name)
        bydel = "bydel" in sentence and _BYDEL.search(sentence) or _LIST_AREA.search(sentence)
        units = "henholdsvis" in sentence and _RESPECTIVELY.search(sentence)  # (the words they need)
        counts = [int(n.replace(".", "")) for n in re.findall(r"\d[\d.]*", units.group(1))] if units else []
        for k, z in enumerate(zones):
            if bydel:
                z.part_of = bydel.group("name") or bydel.groupdict().get("name2")
            if len(counts) == len(zones):
                z.units = counts[k]
        out += zones
    return out


# "Østersøbos afdelinger 21 og 23, Skovløkken og Kildegården": the numbers, then the names in the same order
_PARALLEL = re.compile(rf"\bafdelinger(?:ne)?\s+(?P<codes>{_CODE}(?:\s*,\s*{_CODE})*\s+og\s+{_CODE}),?\s+"
                       rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*\s+og\s+{_NAME})")


def _parallel(sentence: str, is_org) -> Iterator[tuple[str | None, list[str], str, None]]:
    """Departments numbered, then named, in two lists of the same length (``_PARALLEL``)."""
    if "afdelinger" not in sentence:
        return
    for m in _PARALLEL.finditer(sentence):
        codes = re.findall(_CODE, m.group("codes"))
        names = [n.strip() for n in re.split(r"\s*,\s*|\s+og\s+", m.group("names"))]
        if len(codes) != len(names) or any(n.split()[0] in _NOT_NAMES for n in names):
            continue
        owner = _owner(sentence[:m.start()], is_org)
        for code, name in zip(codes, names):
            yield owner, [code], name, None


def _merge_named(found: list[tuple]) -> list[tuple]:
    """A department found by two forms ("Fjords afdeling Toften (afd. 4)") once: owner,
    numbers and the owner as written taken from whichever form has them."""
    out: list[list] = []
    by_name: dict[str, list] = {}
    for owner, codes, name, written in found:
        if name is not None and name in by_name:
            known = by_name[name]
            known[0] = known[0] or owner
            known[1] = known[1] + [c for c in codes if c not in known[1]]
            known[3] = known[3] or written
            continue
        out.append([owner, list(codes), name, written])
        if name is not None:
            by_name[name] = out[-1]
    return [tuple(f) for f in out]


def _zone(owner: str | None, codes: list[str], name: str | None, ref: SourceRef,
          written: str | None = None) -> list[Zone]:
    def aliases(code: str) -> list[str]:
        return [f"afd. {code}"] + ([f"{written or owner} afd. {code}"] if owner else [])

    if name:
        return [Zone(name=name, type="housing_department", housing_organisation=owner,
                     aliases=[a for c in codes for a in aliases(c)], sources=[ref])]
    return [Zone(name=f"Afd. {c}", type="housing_department", housing_organisation=owner,
                 aliases=aliases(c)[1:], sources=[ref]) for c in codes]


_NAME_CELL = re.compile(r"[A-ZÆØÅ][\wæøå-]*(?:\s[A-ZÆØÅ][\wæøå-]*){0,3}")
_NUMBERED_CELL = re.compile(r"(?:[A-ZÆØÅ][\wæøå&-]*\s+){0,3}afd(?:\.|eling)\s*\d{1,3}")
_COUNT_CELL = re.compile(r"\d[\d.]*\s+(?:boliger|lejemål|lejligheder|bolig)")


def row_cells(line: str) -> list[str]:
    """A line's cells, read as prose one by one; a headless table's row "Klintebo afd. 2<TAB>
    Tårnparken<TAB>186 boliger" is one department with its name and count after its number.

    >>> row_cells("Klintebo afd. 2\\tTårnparken\\t186 boliger\\tStore Heddinge Nord")
    ['Klintebo afd. 2 Tårnparken (186 boliger)', 'Store Heddinge Nord']
    >>> row_cells("Præstemosen\\tEgebo afd. 6\\t186 boliger")
    ['Præstemosen (Egebo afd. 6, 186 boliger)']
    """
    cells = line.split("\t")
    out: list[str] = []
    k = 0
    while k < len(cells):
        cell = cells[k].strip()
        if k == 0 and len(cells) > 1 and _NAME_CELL.fullmatch(cell) and "afd" not in cell \
                and _NUMBERED_CELL.fullmatch(nxt := cells[1].strip()):  # "Præstemosen<TAB>Egebo afd. 6<TAB>186 boliger":
            count = f", {cells[2].strip()}" if len(cells) > 2 and _COUNT_CELL.fullmatch(cells[2].strip()) else ""
            out.append(f"{cell} ({nxt}{count})")  # the name first, as "Name (Owner afd. N, N boliger)"
            k = 2 + bool(count)
            continue
        if "afd" in cell and cell[-1:].isdigit() and k + 1 < len(cells) and _NAME_CELL.fullmatch(cells[k + 1].strip()):
            cell = f"{cell} {cells[k + 1].strip()}"
            k += 1
            if k + 1 < len(cells) and _COUNT_CELL.fullmatch(cells[k + 1].strip()):
                cell = f"{cell} ({cells[k + 1].strip()})"
                k += 1
        out.append(cell)
        k += 1
    return out
