"""Organisation names cut back to what names the organisation, when a document's line breaks
were lost: a pipe table's row run into one name ("Part | | Horsens Almene Boligselskab (HAB) |")
and a title or field key run onto a name ("Lejerbo Vejle Regionschef", "... Mobil"). Used by
:func:`samspil.loaders.extract.orgs.extract_organisations` on every mention before merging.
"""
from __future__ import annotations

import re
from functools import lru_cache

from samspil.loaders.gazetteer import known_organisation

__all__ = ["one_cell", "without_tail"]


# what runs onto a name when the line breaks are lost: a field's key, a web page's menu word, a
# status report's column ("Frederikshavn Boligforening Mobil", "Forældreskole Status")
_TAIL_WORDS = frozenset("Mobil Tlf Tlf. Telefon E-mail Mail Status Søg Ændret Gennemført Afsluttet Side Læs".split())


_LABEL_TAIL = re.compile(r"\s+[–-]\s+(?:kontakt(?:person(?:er)?)?|kontaktoplysninger|ansvarlig)$", re.I)


def _marks(text: str) -> bool:
    chars = [c for c in text if not c.isspace()]
    return sum(c.isalnum() for c in chars) * 2 < len(chars)


_CONNECTOR_END = (" og", " samt", " eller", " &", " i", " for", " ved", " under")


@lru_cache(maxsize=65536)
def without_tail(name: str) -> str:
    """``name`` without a title or field word run onto it, when what is left still names an
    organisation ("Lejerbo Vejle Regionschef" -> "Lejerbo Vejle"; "AAB Vejle Formand for
    organisationsbestyrelsen" -> "AAB Vejle"). Remembered per name (a document's mentions repeat
    their names: ~400 a dense agreement, ~140 distinct; emptied by ``core.clear_name_caches``)."""
    org_type, is_title_word = _late()
    if " / " in name and (head := name.rsplit(" / ", 1))[0] and _marks(head[1]):  # "X / f/-~ ~%" (a scan's scribble)
        name = head[0]
    if (label := _LABEL_TAIL.search(name)) is not None:
        name = name[:label.start()]  # "SSP Frederikssund – kontakt": the entry's label for what follows
    if name.endswith(_CONNECTOR_END):
        name = name.rsplit(None, 1)[0]  # "Erhverv Nyborg og" (a list's "og helhedsplanens sekretariat" cut off)
    if name.startswith(("For ", "FOR ", "Om ", "OM ")) and name.split(" ", 2)[1][:1].isupper() and " " in name[4:]:
        name = name.split(" ", 1)[1]  # "For Boligforeningen Egelunden:" (a signature), "Om Boligselskabet X" (a heading)
    if name.endswith("]") and (tag := name.rfind(" [")) > 0:
        name = name[:tag]  # "Stejlhøjskolen [Uddannelse og livschancer]": a list item's tag run onto it
    if len(name) > 4 and name[1] == " " and name[0] in "ABCDEFGH" and name[2].isupper():
        name = name[2:]  # "E Frivilligbørsen": a programme item's letter
    if known_organisation(name):
        return name  # ("Center for Boligsocial Udvikling": a name, no title in it)
    words = name.split()
    if len(words) >= 5 and (cut := _signatures_after(words)):
        words = words[:cut]  # "LVB Jørgen Skaarup Bech Lone Dyrvig Fenger ...": signatures' names run on
        name = " ".join(words)
    for k in range(1, len(words)):
        if words[k] in _TAIL_WORDS or words[k][:1].isupper() and is_title_word(words[k]):
            head = " ".join(words[:k])
            if not words[k - 1][:1].islower() and (org_type(head) != "other" or known_organisation(head)):
                return head
            break
    return name


def _signatures_after(words: list[str]) -> int | None:
    """Where people's names start after an organisation's, a row of signatures run onto its row of
    parties: a first name, then two or more capitalised words, then another first name."""
    from samspil.loaders.gazetteer import is_first_name

    first = [k for k, w in enumerate(words) if k and is_first_name(w)]
    return first[0] if len(first) >= 2 and first[1] - first[0] >= 2 \
        and all(w[:1].isupper() for w in words[first[0]:first[1]]) else None


@lru_cache(maxsize=1)
def _late():
    """``orgs.org_type`` and ``people.is_title_word``, imported at the first call (orgs imports
    this module; import statements run at every call of without_tail cost ~1-2 µs each)."""
    from samspil.loaders.extract.orgs import org_type
    from samspil.loaders.extract.people import is_title_word

    return org_type, is_title_word


def one_cell(m) -> bool:
    """A name that holds a flattened table's cell bars ("| Direktør FOB Horsens – Fællesorganisationens
    Boligforening |", "Part | | Horsens Almene Boligselskab (HAB) |") becomes the one cell that
    names an organisation (its title or label cells dropped); False when no cell does."""
    from samspil.loaders.extract.org_lists import section_words
    from samspil.loaders.extract.orgs import org_type
    from samspil.loaders.extract.people import is_title_word

    cells = [c.strip(" –-") for c in m.name.split("|") if c.strip(" –-")]
    named = [c for c in cells if org_type(c) != "other" and not is_title_word(c.split()[0])]
    if len(named) != 1:
        return False
    words = named[0].split()
    while len(words) > 1 and words[0] in section_words():
        words.pop(0)  # "Kontaktoplysninger Boligselskabet Viborg": the next column's head run on
    name = " ".join(words)
    if (abbr := re.search(r"\s*\(([A-ZÆØÅ]{2,6})\)$", name)) is not None:
        name = name[:abbr.start()]  # "Horsens Almene Boligselskab (HAB)"
        m.aliases.append(abbr.group(1))
    m.name = name
    return True
