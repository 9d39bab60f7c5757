"""Zones: the geography a plan covers (housing departments, zones, districts).

Read from what the templates and plans share, never from one plan's wording:

* department lists with dwelling counts, per housing organisation:
  ``- Boligforeningen 3B: Folehaven (973 lejeboliger), Valby ejendommene (389 lejeboliger)``
* department tables: ``Afd. 463-0 Akacieparken<TAB>394 lejemål``
* numbered zones: ``Zone 2) Gullandsgården (HAB), Skotlandsgade (VIBO) ... I alt 436 lejemål``
* departments tagged with their organisation: ``Folehaven (3B) med 2.036 beboere``
* rows "ORG – Place" of a table headed Boligområder / Afdelinger
* districts: ``Valby/Vigerslev`` style pairs named repeatedly or in "Områdets
  navn", ``bydelen Valby``, and areas a text names (``område der betegnes "Gl. Valby"``)
  (``zone_districts.py``)

``part_of`` is set only where the text places a department: its zone list, a
paragraph on "Afdelingerne i <district>", "en del af ... <area>", an
"ORG – Place" row, and a zone named "<qualifier> <district>" (Gl. Valby).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from samspil.loaders.digits import has_digit
from samspil.loaders.document import Document
from samspil.loaders.extract.text import clean, holding_lines, lines_to_read, markup_free, may_hold, strip_markup
from samspil.loaders.extract.zone_areas import wrapped
from samspil.loaders.extract.zone_areas import add_area_sentences, add_cell_counts, add_total_rows, add_listed_in, add_lying_in, add_named_lying_in, add_headed_lists
from samspil.loaders.extract.zone_districts import (add_districts, add_joint_zones, add_named_areas, home_district,
                                                   place_departments)
from samspil.loaders.extract.zone_districts import zone_key as _key
from samspil.loaders.extract.zone_owners import HousingLabels as _HousingLabels
from samspil.loaders.extract.zone_owners import org_lookup as _org_lookup
from samspil.loaders.extract.zone_owners import resolve_org as _resolve_org
from samspil.loaders.extract.zone_prose import dwelling_words, dwellings_in_brackets, prose_departments, row_cells
from samspil.loaders.extract.zone_tables import (department_tables, flat_department_tables, flat_rest,
                                                key_value_departments, table_lines)
from samspil.loaders.model import Organisation, SourceRef, Zone
from samspil.loaders.vocab import load_vocab

__all__ = ["extract_zones", "parse_units"]

_NUM = r"\d{1,3}(?:\.\d{3})+|\d+"
_ITEM = re.compile(r"\s*(?:,|\bog\b|\bsamt\b)?\s*(?P<name>[^()]+?)\s*\((?P<inner>[^()]*)\)")
# "Zone 2)" as the LBF template numbers zones; "Zone 2:", "Zone 2 –", "Delområde 2:" as others do
# (written for the engine: each word's first letter, then the look-behind for what may not stand before
# it, so that the engine skips to the letters; a pattern opening with a look-ahead is tried at every position)
_ZONE_MARK = re.compile(r"(?P<word>Z(?<![\w-].)one|D(?<![\w-].)elområde|O(?<![\w-].)mråde)\s+(\d{1,2})\s*(?:\)|:|[–-](?=\s))\s*")
# (the capital first: the engine skips to capitals; the look-behind then sees the capital and
# the character before it)
_DASH_ROW = re.compile(r"^\s*(?P<org>[\wÆØÅæøå-]{2,12})\s+[–-]\s+(?P<place>[A-ZÆØÅ][^\t\d]{2,40}?)"
                       r"\s*(?:\t|\s{2,}|\s(?=\d+(?:[.,]\d+)?(?:\s+\d|\s*$))|$)")
_UNITS_ONLY = re.compile(rf"^\s*(?:til sammen|i alt|ca\.|samlet)?\s*(?:{_NUM})\s*[a-zæøå]+\s*$",
                         re.IGNORECASE)
_DEPARTMENT_CUE = re.compile(r"afdeling|boligområde|omfatte|dække", re.IGNORECASE)
_DEPARTMENT_WORDS = ("afdeling", "boligområde", "omfatte", "dække")  # (the same, for may_hold)
_ORG_AFD = re.compile(r"^(?P<org>[A-ZÆØÅ0-9][^,]*?)\s*,?\s+(?P<code>[Aa]fd(?:eling|\.)?\s*\d[\d\-–]*)\s*,?\s+"
                      r"[\"“»]?(?P<name>[A-ZÆØÅ][^\"”«]*)[\"”«]?$")  # (the name may be quoted: 'X afd. 12 "Tanghaven"')
_AFD = re.compile(r"^(?:Afd\.?|Afdeling)\s*[\d][\d\-–]*", re.IGNORECASE)
# a department's name with its number (and owner, dwellings) in brackets after it
_NAME_PAREN = re.compile(r"^(?P<name>[A-ZÆØÅ][^()]*?)\s*\((?:(?P<org>[^(),]+?)\s+)?(?P<code>[Aa]fd(?:eling|\.)?\s*"
                         r"\d[\d\-–]*)\s*(?:,\s*(?P<rest>[^()]*))?\)$")


# a department's name, then its owner and number: "Engparken, Lejerbo afd. 12" (a list item)
_NAME_ORG_AFD = re.compile(r"^(?P<name>[A-ZÆØÅ][^,()]*?)\s*,\s*(?P<org>[A-ZÆØÅ0-9][^,()]*?)\s+"
                           r"(?P<code>[Aa]fd(?:eling|\.)?\s*\d[\d\-–]*)$")


def _is_housing(org: str) -> bool:
    from samspil.loaders.extract.orgs import org_type

    return org_type(org) == "housing_organisation" or org.isupper()


_CAPTION_WORDS = frozenset({"skema", "tabel", "figur", "oversigt", "bilag", "boks", "kilde"})


@dataclass
class _Found:
    zones: dict[str, Zone] = field(default_factory=dict)

    def add(self, zone: Zone) -> Zone:
        key = _key(zone.name)
        if not key or key in _CAPTION_WORDS:  # nothing but punctuation, a table's caption: not a place
            return zone
        for known_key, known in self.zones.items():
            if key == known_key or key in {_key(a) for a in known.aliases}:
                known.sources.extend(zone.sources[:1])
                for attr in ("housing_organisation", "units", "part_of"):
                    if getattr(known, attr) is None and getattr(zone, attr) not in (None, known.name):
                        setattr(known, attr, getattr(zone, attr))
                known.aliases += [a for a in zone.aliases if a not in known.aliases]
                return known
        self.zones[key] = zone
        return zone

    def get(self, name: str) -> Zone | None:
        key = _key(name)
        for known_key, z in self.zones.items():
            if key == known_key or key in {_key(a) for a in z.aliases}:
                return z
        return None


def parse_units(text: str, low: str | None = None) -> int | None:
    """Dwellings in a parenthesis or cell: '973 lejeboliger' -> 973; '2.339' -> 2339
    (``low``: ``text`` in lower case, when the caller has it).

    >>> parse_units("til sammen 2.339 lejeboliger")
    2339
    >>> parse_units("HAB") is None
    True
    """
    if not has_digit(text):
        return None
    words = _dwelling_words()
    if words is not None and not may_hold(text.lower() if low is None else low, words):
        return None  # no dwelling word: no count (a lower-case test is cheaper than the pattern)
    m = _units_pattern().search(text)
    return int(m.group(1).replace(".", "")) if m else None




@lru_cache(maxsize=1)
def _dwelling_words() -> tuple[str, ...] | None:
    """The dwelling words in lower case, when all are plain words (not patterns)."""
    words = tuple(w.lower() for w in dwelling_words())
    return words if all(re.fullmatch(r"[a-zæøåé]+", w) for w in words) else None


@lru_cache(maxsize=1)
def _units_pattern() -> re.Pattern[str]:
    # _NUM with its first digit taken out in front: the engine skips to digits
    return re.compile(rf"(\d(?:\d{{0,2}}(?:\.\d{{3}})+|\d*))\s*(?:{_dwellings()})\b", re.IGNORECASE)


_NAME_COMMA_AFD = re.compile(r"^(?P<name>[A-ZÆØÅ][^,()]{1,50}?),\s*[Aa]fd(?:eling|\.)?\s*(?P<code>\d[\d\-–/]*)$")


def _department(name: str, ref: SourceRef, **kw) -> Zone:
    """A department from a list item; 'Afd. 105, Havekildegård' -> Havekildegård (+ aliases)."""
    name = clean(name)
    aliases = []
    if (m := _NAME_PAREN.match(name)):  # "Engparken (afd. 4)", "Engparken (Fjord afd. 4, 1.024 boliger)"
        code = re.sub(r"^[Aa]fd(?:eling|\.)?\s*", "afd. ", m.group("code"))
        org = m.group("org")
        aliases, name = [code, *([f"{org} {code}"] if org else [])], m.group("name").strip()
        if kw.get("units") is None and m.group("rest"):
            kw["units"] = parse_units(m.group("rest"))
        if org and not kw.get("housing_organisation"):
            kw["housing_organisation"] = org
    elif (m := _NAME_ORG_AFD.match(name)) and (_is_housing(m.group("org")) or kw.get("housing_organisation")):
        # "Engparken, Lejerbo afd. 12" (an owner the document names by a word: "Kanalbo afd. 7")
        code = re.sub(r"^[Aa]fd(?:eling|\.)?\s*", "afd. ", m.group("code"))
        aliases, name = [code, f'{m.group("org")} {code}'], m.group("name").strip()
        kw["housing_organisation"] = kw.get("housing_organisation") or m.group("org")
    elif "," in name and (m := _NAME_COMMA_AFD.match(name)):  # "Vesthaven, afd. 4": the name, then its number
        aliases, name = [f'afd. {m.group("code")}', name], m.group("name").strip()
    elif "," in name and _AFD.match(name) and name.split(",", 1)[1].strip():
        code, rest = name.split(",", 1)
        aliases, name = [code.strip(), name], rest.strip()
    elif (m := _AFD.match(name)) and m.end() < len(name):
        aliases, name = [name], name[m.end():].strip()
    elif m := _ORG_AFD.match(name):  # "Brabrand Boligforening afd. 4 Gellerupparken"
        org = re.sub(r"['’]s$", "", m.group("org"))  # "SAB's afd. 29 Nørager"
        if _is_housing(org):
            aliases, name = [f'{org} {m.group("code")}', name], m.group("name")
            kw["housing_organisation"] = kw.get("housing_organisation") or org
        else:  # "Helhedsplanen omfatter afdeling 6, Stengårdsvej": a sentence, no owner
            code = re.sub(r"^[Aa]fd(?:eling|\.)?\s*", "afd. ", m.group("code"))
            aliases, name = [code], m.group("name")
    zone_type = "zone" if re.search(r"\d+\s*[-–]\s*\d+", name) else "housing_department"
    return Zone(name=name, type=kw.pop("type", zone_type), aliases=aliases, sources=[ref], **kw)


# --------------------------------------------------------------------------- finders
def _dwellings() -> str:
    return "|".join(map(re.escape, dwelling_words()))


def _is_total(name: str) -> bool:
    low = name.strip().lower()
    return low.startswith(tuple(load_vocab("zones").get("totals", []))) \
        or name.rstrip().endswith((" i alt", " samlet"))  # "Rødding Nord i alt": the area's total row (not a row
    # whose next cell "I alt" ran onto its name)


_UNIT_ROW = re.compile(rf"^(?P<name>[A-ZÆØÅ][^\t:–()]{{2,60}}?(?:\s*\([^()]{{1,60}}\))?)\s*(?:\t+|:|,|\s[–-])\s*(?P<n>{_NUM})\s*(?P<word>[a-zæøå]+)"
                       r"(?:\s*\((?:heraf|inkl\.|incl\.|herunder)[^()]{1,50}\))?\s*$",  # ("(heraf 20 ungdomsboliger)")
                       re.IGNORECASE)


_PART_BREAK = re.compile(r"\s[|;]\s")
_RUN_ON_ITEM = re.compile(r"\s(?:[-•]|\d{1,2}[.)])\s+(?=[A-ZÆØÅ])")
_ITEM_MARK = re.compile(r"^(?:[-•*▪]+|\d{1,2}[.)])\s*")


def _unit_lists(doc: Document, orgs: list[Organisation], found: _Found) -> None:
    """'ORG: A (N lejeboliger), B (N lejeboliger)' lists and 'A<TAB>N lejemål' rows."""
    skip = table_lines(doc)
    housing = _HousingLabels(orgs)
    words, lows = _dwelling_words(), doc.lower_lines
    dwelling = holding_lines(doc, words) if words is not None else None
    # (in a document without markup only the lines holding a dwelling word are read)
    for i in sorted(dwelling) if dwelling is not None and markup_free(doc) else range(len(doc.lines)):
        raw = doc.lines[i]
        if dwelling is not None and i not in dwelling and _no_markup(raw):
            continue  # no dwelling word: no count (told before the digit, from the lower case made once)
        if not has_digit(raw) or i in skip:
            continue  # every dwelling count has a digit; a department table's rows are read by column
        text = strip_markup(raw)  # "A: 368 boliger | B: 429 boliger" (split only where it can be)
        if parse_units(text, lows[i] if text is raw else None) is None:
            continue  # (no part of it has a count either)
        if i and text[:1] in "–-" and _UNITS_ONLY.match(text[1:]):  # "– 140 boliger" cut from its item
            text = f"{strip_markup(doc.lines[i - 1])} {text}"
        parts = _PART_BREAK.split(text) if "|" in text or ";" in text else [text]
        if " - " in text or " • " in text or " 2. " in text or " 2) " in text:  # a list whose line breaks
            parts = [q for part in parts for q in _RUN_ON_ITEM.split(part)]  # were lost: "... - Engparken, ..."
        for part in parts:
            part = part.strip()
            _unit_list(_ITEM_MARK.sub("", part) if part[:1].isdigit() else part.lstrip("-•* "), doc, i, orgs, found,
                       housing)


def _no_markup(text: str) -> bool:
    """Does strip_markup leave ``text`` as it is?"""
    return "[" not in text and "<" not in text and "*" not in text and "_" not in text


def _owner_and_units(inner: str, housing: _HousingLabels) -> tuple[str, int] | None:
    """'Fjordbo, 985 boliger, opført 1971' -> ('Fjordbo', 985): a bracket naming the owner first."""
    from samspil.loaders.extract.orgs import org_type

    parts = [p.strip() for p in inner.split(",")]
    if len(parts) < 2 or _AFD_NUMBER.search(parts[0]) \
            or parts[0] not in housing and org_type(parts[0]) != "housing_organisation":
        return None
    units = next((parse_units(p) for p in parts[1:] if _UNITS_ONLY.match(p)), None)
    return (parts[0], units) if units is not None else None


_LEAD_CLAUSE = re.compile(r"^(?:[A-ZÆØÅ][\wæøå]*\s+)?(?:omfatter|dækker|består\s+af|rummer|udgøres\s+af|indeholder"
                          r"|indgår(?:\s+(?:også|desuden|endvidere))?)\s+"
                          r"(?:(?:de\s+\w+\s+)?(?:bolig)?afdeling(?:erne|er)?:?\s+)?")
_OWNER_AFD_NAME = re.compile(r"^(?P<owner>[A-ZÆØÅ][^,]{1,50}?),?\s+afd(?:\.|eling)\s+(?P<name>[A-ZÆØÅ][^,()]{1,40})$")


def _unit_list(line: str, doc: Document, i: int, orgs: list[Organisation], found: _Found,
               housing: _HousingLabels) -> None:
    """One line (or ' | ' part of one) of line ``i`` for :func:`_unit_lists`."""
    if parse_units(line) is None or _ZONE_MARK.search(line):
        return
    ref = doc.ref(i)  # (made only for a line with a count: most lines with a digit have none)
    if (m := _UNIT_ROW.match(line)) and parse_units(f"{m.group('n')} {m.group('word')}") is not None:
        name = m.group("name")
        if "(" in name and not _NAME_PAREN.match(name):
            name = name.split("(", 1)[0].strip()  # "Engen (opført 1972) – 96 boliger": no number in the bracket
        owner = None
        if (named := _OWNER_AFD_NAME.match(name)) is not None:  # "Boligselskabet Sydfyn, afd. Hømarken"
            owner, name = _resolve_org(named.group("owner"), orgs), named.group("name")
        elif "," in name and (named := _NAME_ORG_AFD.match(name)) is not None:  # "Tranehaven, Kanalbo afd. 7": the
            owner = _resolve_org(named.group("org"), orgs)  # owner by its short name (the department's name below)
        if not _is_total(name):
            found.add(_department(name, ref, units=parse_units(line), housing_organisation=owner))
        return
    head, _, rest = line.partition(":")
    owner = None
    if rest and "(" not in head and len(head) < 50 and _column_kind(head) is not None:
        line = rest  # a field's key ("Boligområde: X (i alt 396 boliger)", "Afdelinger: ..."): no owner
    elif rest and "(" not in head and len(head) < 50:
        owner, line = _resolve_org(head, orgs), rest
        if owner == clean(head) and head not in housing and _AFD_NUMBER.search(rest):
            owner = None  # "Alderslyst: Fællesbo afd. 12, Nylandsparken (312 boliger)": an area, its owners after it
    for m in _ITEM.finditer(line):
        units = parse_units(m.group("inner")) if _UNITS_ONLY.match(m.group("inner")) else None
        item_owner = owner
        if units is None and (tagged := _owner_and_units(m.group("inner"), housing)):
            item_owner, units = _resolve_org(tagged[0], orgs), tagged[1]
        name = re.split(r"[:;]\s+|(?<=[a-zæøå]{4})\.\s+", m.group("name"))[-1].strip(" ,")  # not the text before it
        name = _LEAD_CLAUSE.sub("", name)  # "Helhedsplanen omfatter Brøndby Strand Parkerne (KAB, 2.489 boliger)"
        if units is None or not name[:1].isupper() or len(name) > 60 or _is_total(name):
            continue
        zone = _department(name, ref, units=units, housing_organisation=item_owner)
        if re.search(r"\b(?:til sammen|i alt)\b", m.group("inner")):
            zone.type = "zone"
        found.add(zone)


def _column_kind(head: str) -> str | None:
    from samspil.loaders.extract.tables import column_kind

    return column_kind(head)


_ZONE_WORDS = ("Zone", "Område", "Delområde")  # (every _ZONE_MARK match opens with one)


def _zone_blocks(doc: Document) -> list[tuple[int, str, str]]:
    """(line, zone name 'Zone N', text) of each 'Zone N)' paragraph, also mid-line."""
    blocks = []
    for i in lines_to_read(doc, _ZONE_WORDS):
        text = strip_markup(doc.lines[i])
        if "Zone" not in text and "Område" not in text and "Delområde" not in text:
            continue  # (each mark starts with one of these words)
        marks = list(_ZONE_MARK.finditer(text))
        for k, m in enumerate(marks):
            body = text[m.end(): marks[k + 1].start() if k + 1 < len(marks) else len(text)]
            if k + 1 == len(marks) and (items := _bullets_below(doc.lines, i + 1)) and _BARE_NAME.fullmatch(body.strip()):
                body = f"{body.strip()}: " + "; ".join(items)  # "Zone 1: Holtbjerg" over its departments' bullets
            elif k + 1 == len(marks):  # the last zone of a line may wrap onto the next lines
                for nxt in doc.lines[i + 1:i + 4]:
                    if not nxt.strip() or _ZONE_MARK.search(nxt) or "lejemål" in body or _TREE.match(nxt):
                        break
                    body += " " + nxt.strip()
            blocks.append((i, f"{m.group('word')} {m.group(2)}", " ".join(body.split())))
    return blocks


_TOTAL = re.compile(r"\b(?:i alt|til sammen|tilsammen)\s+\d[\d.]*\s*\w+", re.I)
_ROLE_TAIL = re.compile(r"\s[–-]\s+[a-zæøå]")
_TREE = re.compile(r"\s*(?:\||\+-|[├└│])")  # an organisation diagram drawn in text
_BULLET = re.compile(r"^\s*(?:[-–•*▪·]|\d{1,2}[.)])\s+(?P<item>\S.*)$")
_BARE_NAME = re.compile(r"[A-ZÆØÅ][\wæøå-]*(?:\s[A-ZÆØÅ][\wæøå-]*){0,3}")


def _bullets_below(lines: list[str], start: int) -> list[str]:
    """The bullet items on the lines from ``start`` on (up to the first line that is no bullet)."""
    items = []
    for line in lines[start:start + 30]:
        if not (m := _BULLET.match(strip_markup(line))):
            break
        items.append(m.group("item").strip())
    return items


def _roman(text: str) -> str:
    """Re-join letter-spaced roman numerals: 'Televænget I I + I I I' -> 'Televænget II + III'."""
    return re.sub(r"\b[IVX](?: [IVX])+\b", lambda m: m.group(0).replace(" ", ""), text)


def _list_items(text: str) -> list[tuple[str, str | None]]:
    """'A (ORG), B Nord, Øst og Vest samt C' -> [(A, ORG), (B Nord, None), (B Øst, None), ...]."""
    qualifiers = {str(q) for q in load_vocab("zones").get("qualifiers", [])}
    items: list[tuple[str, str | None]] = []
    for part in re.split(r",|\bog\b|\bsamt\b", text):
        part = re.sub(r"^\s*(?:[a-zæøå]+\s+)+(?=[A-ZÆØÅ])", "", part)  # "nu også Abildgården"
        m = re.match(r"^\s*(.+?)\s*(?:\(([^()]*)\))?\s*$", part)
        if not m or not m.group(1).strip(" .") or not m.group(1).strip()[:1].isupper():
            continue
        name = m.group(1).strip(" .")
        if name in qualifiers and items:
            name = f"{items[-1][0].split()[0]} {name}"
        items.append((name, m.group(2)))
    return items


_AFD_NUMBER = re.compile(r"\bafd(?:\.|eling)\s*\d", re.I)


def _numbered_zones(doc: Document, orgs: list[Organisation], found: _Found) -> None:
    lookup = _org_lookup(orgs)
    for i, zone_name, text in _zone_blocks(doc):
        text = _roman(text).lstrip(" :")  # ("Zone 1): Kildeparken: ...", a table's cells joined)
        listing = re.split(r"(?<![Aa]fd)(?<!nr)(?<!Sct)(?<!Skt)(?<!\bSt)(?<!Kgs)(?<!\bGl)\.\s+(?=[A-ZÆØÅ\d])|\.$|\s\.\s",
                           text)[0]  # not "afd. 12", "Sct. Jørgen"
        label, _, rest = listing.partition(":")
        if rest and "(" not in label and len(label.split()) <= 3:
            listing = rest
        aliases = [label.strip()] if rest and 1 <= len(label.split()) <= 3 else []
        numbered = prose_departments(listing, doc.ref(i), lookup) if _AFD_NUMBER.search(listing) else []
        if aliases and any(_key(z.name) == _key(aliases[0]) for z in numbered):
            aliases = []  # "Zone 1) Resenbro: X afd. 4, Resenbro": the department keeps its name
        if aliases and _BARE_NAME.fullmatch(aliases[0]) and found.get(zone_name) is None:  # "Zone 1: Holtbjerg"
            # is Holtbjerg (unless the text named the zone before: "Zone 4) Holmbladsgade: ..." of a summary)
            zone_name, aliases = aliases[0], [zone_name]
        units = parse_units(text)
        if len(numbered) > 1 and any(z.units == units for z in numbered):  # a department's number, not the zone's
            units = parse_units(total.group(0)) if (total := _TOTAL.search(text)) else None
        zone = found.add(Zone(name=zone_name, type="zone", aliases=aliases, units=units, sources=[doc.ref(i)]))
        owner = re.search(r"afdelinger er ((?:[A-ZÆØÅ\d][\wæøå]*\s?){1,3})", text)
        for z in numbered:  # "Zone 1) Skovparken: Lejerbo afd. 12 (420 boliger) og AAB afd. 3 (186 boliger)"
            z.part_of = zone.name
            found.add(z)
        for name, org in ([] if numbered else _list_items(listing)):
            if len(name) > 40 or parse_units(name) or _ROLE_TAIL.search(name):
                continue  # (not "Holtbjerg – familiemedarbejder": a diagram's staff per zone)
            owner_name = org or (owner.group(1).strip() if owner else None)
            same = [z for z in found.zones.values() if z.part_of == zone.name
                    and z.name.startswith(name + " ") and z.name != name]
            if same:  # "Hørgården" where the first listing said "Hørgården 1+2"
                if name not in same[0].aliases:
                    same[0].aliases.append(name)
                continue
            found.add(Zone(name=name, type="housing_department", part_of=zone.name,
                           housing_organisation=_resolve_org(owner_name, orgs) if owner_name else None,
                           sources=[doc.ref(i, name)]))


def _tagged_departments(doc: Document, orgs: list[Organisation], found: _Found) -> None:
    """'Folehaven (3B) med 2.036 beboere, ... og Hornemanns Vænge (PAB)' in a department sentence."""
    housing = _HousingLabels(orgs)
    skip = table_lines(doc)
    lows = doc.lower_lines
    for i, line in enumerate(doc.lines):
        if "(" not in line or not may_hold(lows[i], _DEPARTMENT_WORDS) or not _DEPARTMENT_CUE.search(line) \
                or _ZONE_MARK.search(line) or i in skip:
            continue
        for m in re.finditer(r"([A-ZÆØÅ][\wæøå.]*(?:\s+[A-ZÆØÅ][\wæøå.]*){0,2})\s*\(([^()]{2,20})\)", line):
            if m.group(2) in housing and m.group(1) not in housing and not (
                    m.group(1)[-1] == "s" and m.group(1)[:-1] in housing) and not _person_first(m.group(1)):
                # (not "Boligforeningen Fjord(s) (BF)", nor "Pernille Aabo (BF)", a person and her employer)
                found.add(Zone(name=m.group(1), type="housing_department",
                               housing_organisation=_resolve_org(m.group(2), orgs),
                               sources=[doc.ref(i, m.group(0))]))


def _person_first(name: str) -> bool:
    """'Pernille Aabo Kjeldgaard': a first name, then names only (no street or park word at the end)."""
    from samspil.loaders.extract.people import _any_first_name

    words = name.split()
    return 2 <= len(words) <= 4 and _any_first_name(words[0]) and all(w[:1].isupper() for w in words) \
        and not _PLACE_END.search(words[-1])


_PLACE_END = re.compile(r"(?:vej|gade|park|parken|haven|vænge|toften|gården|bakken|høj|lund|torv|plads|stræde)$", re.I)


# a row's figures when a PDF laid the table out with spaces: "AKB – Sjælør Boulevard 2 2 0 1 1"
_NUMBER_CELLS = re.compile(r"\s\d+(?:[.,]\d+)?(?:\s+\d+(?:[.,]\d+)?)+\s*$")


def _table_rows(doc: Document, orgs: list[Organisation], found: _Found) -> None:
    """Rows 'ORG – Place<TAB>...' of a table: department of ORG in Place."""
    housing = _HousingLabels(orgs)
    free = markup_free(doc)
    for i, line in enumerate(doc.lines):
        if "–" not in line and "-" not in line:
            continue  # (every row holds its dash: told before the pattern is tried)
        m = _DASH_ROW.match(line if free else strip_markup(line))
        if not m or not ("\t" in line or _NUMBER_CELLS.search(line)) or m.group("org") not in housing:
            continue
        place = m.group("place").strip()
        if found.get(place) is None:
            found.add(Zone(name=place, type="zone", sources=[doc.ref(i, place)]))
        found.add(Zone(name=f"{m.group('org')} – {place}", type="housing_department",
                       housing_organisation=_resolve_org(m.group("org"), orgs),
                       part_of=found.get(place).name, sources=[doc.ref(i)]))


_RESPECTIVELY_WORD = "henholdsvis"


def _prose(doc: Document, orgs: list[Organisation], found: _Found, flat_rest: dict[int, str]) -> None:
    """Departments named in sentences (zone_prose.py), and the districts they lie in; a line
    that held a table run onto one line is read without the table."""
    lookup = _org_lookup(orgs)
    skip = table_lines(doc)
    for i, line in enumerate(doc.lines):
        line = flat_rest.get(i, line)
        if "afd" not in line and "Afdeling" not in line and "Afd." not in line and not dwellings_in_brackets(line) \
                or i in skip:
            continue
        if "\t" not in line and _RESPECTIVELY_WORD not in line and not _NAME_COMMA_AFD.match(line.strip()):
            # "... afd. 23, Bøgelunden, ligger i den" + (not a table's cell "Grønsundparken, afd. 21" on its own line)
            line = wrapped(doc.lines, i, line)  # "nordlige del af Køge og består af henholdsvis 248 og 316 boliger."
            line = _sentence_start_above(doc.lines, i) + line  # "... Den omfatter" + "X's afdelinger A og B ..."
        for z in (z for cell in row_cells(line) for z in prose_departments(clean(cell), doc.ref(i), lookup)):
            if z.part_of and found.get(z.part_of) is None:
                found.add(Zone(name=z.part_of, type="district", sources=list(z.sources)))
            found.add(z)


def _sentence_start_above(lines: list[str], i: int) -> str:
    """The start of the sentence that line ``i`` goes on with, when the line above holds it
    (a paragraph wrapped mid-sentence): the text after the line above's last sentence end."""
    above = lines[i - 1].rstrip() if i else ""
    if not above or above.endswith((".", ":", "!", "?", ";")) or "\t" in above or len(above) < 40:
        return ""
    tail = re.split(r"(?<=[a-zæøå)\d][.!?])\s+(?=[A-ZÆØÅ])", above)[-1]
    return f"{tail} " if len(tail) <= 120 and tail[:1].isupper() else ""


def extract_zones(doc: Document, organisations: list[Organisation]) -> list[Zone]:
    """Housing departments, zones and districts the plan covers, with provenance."""
    orgs = list(organisations or [])
    found = _Found()
    _unit_lists(doc, orgs, found)
    department_tables(doc, orgs, found)
    key_value_departments(doc, orgs, found)
    flat_department_tables(doc, orgs, found)
    _numbered_zones(doc, orgs, found)
    _tagged_departments(doc, orgs, found)
    _prose(doc, orgs, found, flat_rest(doc))
    lookup = _org_lookup(orgs)
    add_area_sentences(doc, found, orgs, lambda text, i: prose_departments(text, doc.ref(i), lookup))
    add_lying_in(doc, found)
    add_named_lying_in(doc, found)
    add_listed_in(doc, found)
    add_headed_lists(doc, found)
    add_districts(doc, found)
    _table_rows(doc, orgs, found)
    add_cell_counts(doc, found)
    add_total_rows(doc, found)
    add_named_areas(doc, found)
    place_departments(doc, found)
    add_joint_zones(doc, found)
    if (home := home_district(doc, found.zones.values())) is not None:  # what the text places nowhere else lies in it
        for z in found.zones.values():
            if z.part_of is None and z is not home and z.type in ("housing_department", "zone"):
                z.part_of = home.name
    for z in found.zones.values():  # an owner written short ("B42's afd. 6") is the organisation it names
        if z.housing_organisation and " " not in z.housing_organisation.strip():
            z.housing_organisation = _resolve_org(z.housing_organisation, orgs)
    housing = [o.name for o in orgs if o.type == "housing_organisation" and not o.parent]
    if len(housing) == 1:  # a plan of one housing organisation owns its departments
        for z in found.zones.values():
            if z.type == "housing_department" and z.housing_organisation is None:
                z.housing_organisation = housing[0]
    return _without_connector_names(_without_numbered_twins(list(found.zones.values())))


def _without_connector_names(zones: list[Zone]) -> list[Zone]:
    """Zones without a name that opens with a connector ("OG AFDELINGER" of a heading "2. BOLIGOMRÅDET OG
    AFDELINGER": a heading's words, no place), and no zone part of one."""
    bad = {z.name for z in zones if z.name.split()[:1] and z.name.split()[0].lower() in _CONNECTORS}
    if not bad:
        return zones
    for z in zones:
        if z.part_of in bad:
            z.part_of = None
    return [z for z in zones if z.name not in bad]


_CONNECTORS = frozenset("og samt i for af med til eller".split())


def _without_numbered_twins(zones: list[Zone]) -> list[Zone]:
    """Zones without a department read by its number alone ("Afd. 7") where its line names it too
    ("Tranehaven, Kanalbo afd. 7 – 204 boliger"): one department, its number an alias of its name."""
    named = {(z.sources[0].line, z.units): z for z in zones  # (a zone over its department is another place)
             if z.sources and z.units is not None and not _AFD.match(z.name) and z.type == "housing_department"}
    by_number: dict[str, list[Zone]] = {}  # a named department by its number ("afd. 1" of "Afd. 1 Egeløkken")
    for z in zones:
        if z.type == "housing_department" and not _AFD.match(z.name):
            for a in {f"afd. {m.group(1)}" for a in z.aliases if (m := _AFD_ALIAS.match(a))}:
                by_number.setdefault(a, []).append(z)
    out = []
    for z in zones:
        twin = named.get((z.sources[0].line, z.units)) if z.sources and _AFD.fullmatch(z.name) else None
        if twin is None and (number := _AFD_ALIAS.fullmatch(z.name)) and len(same := by_number.get(
                f"afd. {number.group(1)}", [])) == 1 \
                and (z.housing_organisation is None or same[0].housing_organisation in (None, z.housing_organisation)):
            twin = same[0]  # "Ansøger: Tranehuse, afdeling 1 og 2" and the table's "Afd. 1 Egeløkken": one department
            twin.housing_organisation = twin.housing_organisation or z.housing_organisation
            twin.aliases += [a for a in z.aliases if a not in twin.aliases]
        if twin is None:
            out.append(z)
        elif z.name not in twin.aliases:
            twin.aliases.append(z.name)
    return out


_AFD_ALIAS = re.compile(r"^(?:[Aa]fd\.?|[Aa]fdeling)\s*(\d{1,3}[a-z]?)\b")
