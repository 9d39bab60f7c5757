"""A wiki page's source (MediaWiki markup, as an intranet or a knowledge base exports it)
read as the text it shows.

An agreement kept on a wiki comes as its markup: links ``[[Boligforeningen Damhusbo|Damhusbo]]``,
bold ``'''Lektiecafé'''``, headings ``== Kontakt ==``, tables ``{| ... |- ... || ... |}``,
footnotes ``<ref>...</ref>``, struck-out text ``<s>...</s>`` and templates whose
parameters hold the facts (``{{Infobox ... | parter = ...}}``, ``{{Kontaktboks | navn = ...
| mail = ...}}``). Each line is rendered on its own, so every fact keeps its line:

* a template's ``| key = value`` lines become labelled lines ("Aftalens parter: A, B",
  "Navn: ...", "E-mail: ..."), the template's own lines blank (a record's bounds);
* a table's rows become tab-separated cells, its markup lines blank;
* headings their title, ``*`` / ``#`` items bullets;
* inline markup (mwparserfromhell, MIT): a link its label (a file, image or category link
  nothing), ``<br>`` a comma, footnotes and struck-out text nothing, bold and italics plain.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["looks_like_wikitext", "wiki_lines"]

_SIGNALS = (re.compile(r"\[\[[^\]|]+(?:\|[^\]]*)?\]\]"), re.compile(r"'''[^']+'''"),
            re.compile(r"^\s*(={2,})[^=].*\1\s*$"), re.compile(r"^\s*\{\{\s*[\w ]+\s*$|^\s*\{\|"),
            re.compile(r"^\s*\|\s*[\wæøå]+\s*=(?!=)"))
MIN_SIGNAL_KINDS = 3  # kinds of wiki markup a page shows before it is read as one

# a template parameter's key -> the label the agreements use
_KEYS = {"navn": "Navn", "name": "Navn", "titel": "Titel", "stilling": "Titel", "org": "Organisation",
         "organisation": "Organisation", "mail": "E-mail", "e-mail": "E-mail", "email": "E-mail",
         "tlf": "Telefon", "telefon": "Telefon", "mobil": "Mobil", "parter": "Aftalens parter",
         "periode": "Aftaleperiode", "type": "Type", "leder": "Boligsocial leder",
         "finansiering": "Finansiering", "bydel": "Bydel", "lejemål": "Lejemål", "boliger": "Boliger",
         "forgænger": "Forgænger", "målgruppe": "Målgruppe", "partnere": "Partnere"}
_SKIP_KEYS = frozenset({"billede", "image", "kort", "logo", "caption", "billedtekst"})
_NO_TEXT_NS = re.compile(r"^\s*(?:fil|file|billede|image|kategori|category|media)\s*:", re.I)
_USER_NS = re.compile(r"^\s*(?:bruger|user)\s*:\s*", re.I)
_HEADING = re.compile(r"^\s*(={1,6})\s*(.*?)\s*\1\s*$")


def looks_like_wikitext(lines: Sequence[str]) -> bool:
    """The text shows several kinds of MediaWiki markup (links, bold, headings, templates,
    template parameters)."""
    head = "".join(lines[:400])
    if "[[" not in head and "{{" not in head:
        return False
    kinds = sum(1 for pattern in _SIGNALS if any(pattern.search(line) for line in lines))
    return kinds >= MIN_SIGNAL_KINDS


def wiki_lines(lines: Sequence[str]) -> list[str]:
    """``lines`` rendered as text, one line for each (see the module's doc)."""
    out: list[str] = []
    template: str | None = None  # the name of the template whose parameters the lines hold
    in_table = False
    for raw in lines:
        s = raw.strip()
        if template is not None and s.startswith("}}"):
            template = None
            out.append("")
        elif s.startswith("{{") and "}}" not in s:
            template = s[2:].split("|", 1)[0].strip().casefold()
            out.append("")
        elif template is not None and s.startswith("|"):
            out.append(_parameter(s[1:], template))
        elif s.startswith("{|"):
            in_table = True
            out.append("")
        elif in_table and s.startswith("|}"):
            in_table = False
            out.append("")
        elif in_table and (s.startswith("|-") or s.startswith("|+")):
            out.append("")
        elif in_table and s and s[:1] in "!|":
            cells = re.split(r"\s*(?:!!|\|\|)\s*", s[1:])
            out.append("\t".join(_inline(c) for c in cells).rstrip("\t"))
        elif m := _HEADING.match(s):
            out.append(_inline(m.group(2)))
        elif s and s[:1] in "*#" and not s.startswith("#REDIRECT"):
            item = _inline(s.lstrip("*#: ")).strip()  # (an item struck out whole: nothing)
            out.append("" if not item or item[:1] in "–—-" else "• " + item)
        else:
            out.append(_inline(raw))
    return out


def _parameter(text: str, template: str) -> str:
    key, eq, value = text.partition("=")
    key = key.strip().casefold()
    value = _inline(value).strip(" ,") if eq else ""
    if not eq or not value or key in _SKIP_KEYS:
        return ""
    if key in ("navn", "name") and template.startswith(("infobox", "faktaboks")):
        return f"Helhedsplanens navn: {value}"
    return f"{_KEYS.get(key, key[:1].upper() + key[1:])}: {value}"


def _shown(title: str, label: str | None) -> str:
    """A link's text: the name of the page it links to ("[[Boligforeningen Damhusbo|Damhusbo]]",
    "[[Jobcenter København|Jobcentret]]": the name other documents use for what the page
    shows), but a user's link or a subpage's its label (a person's name, "Delaftale 1")."""
    if label is not None and (_USER_NS.match(title) or "/" in title):
        return label
    return _USER_NS.sub("", title).strip()


def _inline(text: str) -> str:
    import mwparserfromhell

    code = mwparserfromhell.parse(text)
    for link in code.filter_wikilinks(recursive=False):
        title = str(link.title)
        if _NO_TEXT_NS.match(title):
            code.remove(link)
        else:
            code.replace(link, _shown(title, str(link.text) if link.text is not None else None))
    for tag in code.filter_tags(recursive=False):
        name = str(tag.tag).strip().casefold()
        if name in ("ref", "s", "del", "strike", "references"):
            code.remove(tag)
        elif name == "br":
            code.replace(tag, ", ")
    for template in code.filter_templates(recursive=False):
        code.remove(template)
    plain = code.strip_code(normalize=True, collapse=True)
    return re.sub(r"\s*,\s*(?:,\s*)+", ", ", plain).rstrip()
