"""Lines around a plan's title that are no title, and a title's name inside a longer line.

A cover carries more than the plan's name: a version or approval line ("Version 2.1 –
godkendt af bestyrelsen 12. marts 2024"), a running header ("Side 1 af 12", "UDKAST"),
the table of contents, and labels run together when the line breaks were lost ("Navn:
Fællesskab i Ølby Periode: 1. januar 2024 ..."). These helpers let plan.py pass over the
first and cut the last. :func:`squash` is the form labels are compared in.
"""
from __future__ import annotations

import re

from samspil.loaders.extract.text import strip_markup

__all__ = ["squash", "is_cover_noise", "is_label_line", "is_name_label", "name_after_label", "name_in_document_type",
           "cut_at_next_label", "name_in_noise"]

# a version, approval, draft or page line; a table of contents' heading
_NOISE = re.compile(r"^[^|]{3,80}(?:\||\s(?=Side\s))\s*side\s+\d+(?:\s*(?:af|/)\s*\d+)?\s*$"  # a running header ("X
                    # 2012-2015 | Side 1", "Boligsocial helhedsplan for X 2012-2016   Side 1")
                    r"|^\W*(?:version|ver\.|udkast|kladde|revideret|revision|godkendt|vedtaget|opdateret|senest"
                    r"|side\s+\d|dato\s*:|fortrolig|bilag\s+\d|indhold(?:sfortegnelse)?\b|\d{1,3}$"
                    # (a document's kind alone on its line: "NOTAT", "Referat", "Dagsorden")
                    r"|(?:notat|referat|dagsorden|beslutningsprotokol|invitation|program|nyhedsbrev|høringssvar)\W*$"
                    r"|(?:referat|dagsorden|indkaldelse|protokol)\s+(?:af|fra|til)\b)", re.I)  # ("REFERAT AF ORDINÆR ...")
# "Periode: ...", "Aftaleperiode: ...", "Kommune: ...": a form's label at the start of a line
_LABEL_START = re.compile(r"^[A-ZÆØÅ][\wæøå-]*(?:\s+[a-zæøå][\wæøå-]*){0,3}\s*:(?:\s|$)")
# "Strategisk samarbejdsaftale for Boligsocial indsats Grønhøj", "Samarbejdsaftale om Vestparken"
_TYPE_FOR = re.compile(r"^(?:strategisk\s+)?(?:samarbejds)?aftale\s+(?:for|om|vedr\.?)\s+(?:den\s+)?"
                       r"(?:boligsociale?\s+(?:indsats|helhedsplan)(?:en)?\s+(?:i\s+|for\s+)?)?"
                       r"(?P<name>(?-i:[A-ZÆØÅ])[^:]{1,60})$", re.I)
# the name after the document type and a dash: "Strategisk samarbejdsaftale – Fælles om Sundparken 2023-2026"
_TYPE_DASH = re.compile(r"^(?:strategisk\s+)?(?:samarbejds)?aftale\s+[–-]\s+(?P<name>(?-i:[A-ZÆØÅ])[^:]{1,60})$", re.I)
_YEARS_AFTER = re.compile(r"\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?$")
# the next label in a line whose breaks were lost: a capitalised word or two and a colon
_NEXT_LABEL = re.compile(r"\s+(?=[A-ZÆØÅ][a-zæøå]+(?:\s+[a-zæøå]+){0,5}\s*:(?:\s|$))")
# a table of contents' heading or a running header run onto a title
_TRAILING_NOISE = re.compile(r"\s+(?:Indhold(?:sfortegnelse)?|INDHOLD(?:SFORTEGNELSE)?|Version\s+\d|Godkendt|Vedtaget"
                             r"|Udkast|Revideret)\b.*$|\s*(?:_{4,}|={4,}|-{6,}).*$|\s+_+\s.*$")  # (or a rule under the
# cover's fields, perhaps made one "_" by the plain line)
# the municipality after a dot ("Ulstrup Opad · Favrskov Kommune"), not a letterhead's parties ("Boligforeningen X · Y
# Boliger · Z Kommune")
_MUNICIPALITY_AFTER = re.compile(r"\s+[·|]\s+[A-ZÆØÅ][\wæøå-]+(?:[ -][A-ZÆØÅ][\wæøå-]+)?\s+Kommune$")
_ORG_WORD = re.compile(r"(?i:bolig|kommune|forening|selskab|·)")
# where a name label or a document-type title starts inside a line that lost its breaks
_NAME_INSIDE = re.compile(r"(?<!\S)(?:Navn|Den boligsociale indsats|Boligsocial indsats(?: \(navn\))?|Indsatsens navn"
                          r"|Helhedsplanens navn)\s*:|(?<!\S)(?:(?:Strategisk|STRATEGISK|strategisk)\s+)?(?:[Ss]amarbejdsaftale"
                          r"|SAMARBEJDSAFTALE|(?<=strategisk\s)aftale|(?<=Strategisk\s)aftale)\s+(?:for|om)\s")  # ("Bilag 1 til
# strategisk aftale for Lejre Spirer   Version 2.1": an annex's cover line names its agreement's plan)
_NOISE_AFTER = re.compile(r"\s+(?:[Vv]ersion|VERSION|[Uu]dkast|UDKAST|[Ss]ide\s+\d)\b.*$")


def is_cover_noise(text: str) -> bool:
    """A version, approval or page line, or a contents heading: never the plan's name.

    >>> is_cover_noise("Version 2.1 – godkendt af bestyrelsen 12. marts 2024"), is_cover_noise("Mit Kvarter")
    (True, False)
    """
    return _NOISE.match(text) is not None or _CASE_META.search(text) is not None


# a case system's or a letterhead's details: "Sagsnr.: 21/07734", "Dok.nr. 412977/25", "c/o Beboerhuset", an e-mail
_CASE_META = re.compile(r"\b(?:Sagsnr|Sag\s*nr|Dok\.?\s*nr|J\.\s*nr|Journalnr)\.?|\bSag\s*:|\bc/o\b|@[\w-]+\.[a-z]{2,}")


def is_label_line(text: str) -> bool:
    """A form's label opens the line ("Periode: 2022-2025"): the template begins.

    >>> is_label_line("Aftaleperiode: 2022-2025"), is_label_line("Helhedsplan for Nørrevang")
    (True, False)
    """
    return _LABEL_START.match(text) is not None


def name_in_document_type(text: str) -> str | None:
    """The name a document-type title gives after "for" / "om".

    >>> name_in_document_type("Strategisk samarbejdsaftale for Boligsocial indsats Grønhøj")
    'Grønhøj'
    >>> name_in_document_type("Samarbejdsaftale") is None
    True
    >>> name_in_document_type("STRATEGISK SAMARBEJDSAFTALE – FÆLLES OM SUNDPARKEN 2023-2026")
    'Fælles om sundparken'
    """
    m = _TYPE_FOR.match(text.strip())
    if m is None and (m := _TYPE_DASH.match(text.strip())) is not None:  # "STRATEGISK SAMARBEJDSAFTALE –
        name = _YEARS_AFTER.sub("", m.group("name")).strip(" .,")           # FÆLLES OM SUNDPARKEN 2023-2026"
        return (name[0] + name[1:].lower() if name.isupper() else name) or None
    return m.group("name").strip(" .,") if m else None


def cut_at_next_label(value: str) -> str:
    """A label's value up to the next label run onto its line, and without a contents
    heading after it.

    >>> cut_at_next_label("Fællesskab i Ølby Periode: 1. januar 2024 – 31. december 2027")
    'Fællesskab i Ølby'
    >>> cut_at_next_label("Helhedsplan for Vollsmose Syd 2008-2011 Indholdsfortegnelse 1. Indledning")
    'Helhedsplan for Vollsmose Syd 2008-2011'
    >>> cut_at_next_label("Ulstrup Opad · Favrskov Kommune"), cut_at_next_label("Boligforeningen Fjord · Randers Kommune")
    ('Ulstrup Opad', 'Boligforeningen Fjord · Randers Kommune')
    """
    if ":" in value:
        value = _NEXT_LABEL.split(value, 1)[0]
    if len(value) > 40:
        value = _before_department_table(value)
    value = _TRAILING_NOISE.sub("", value).strip()
    if (town := _MUNICIPALITY_AFTER.search(value)) and not _ORG_WORD.search(value, 0, town.start()):
        value = value[:town.start()]
    return value


def _before_department_table(value: str) -> str:
    """``value`` up to a department table's head row run onto it ("Trekroner Afdeling Afd.nr. Boliger
    Trekronerhusene 41 224 ...": the area's name, then its table)."""
    from samspil.loaders.extract.zone_tables import _HEAD_START, _flat_head, _may_head

    if _may_head(value):
        for m in _HEAD_START.finditer(value):
            if m.start() and _flat_head(value, m.start()) is not None:
                return value[:m.start()]
    return value


# a label that names the plan: "Navn:", "Den boligsociale indsats:", "Helhedsplanens navn:"
_NAME_LABEL = re.compile(r"^(?:navn|(?:den\s+)?boligsociale?\s+(?:indsats|helhedsplan)(?:\s*\(navn\))?|\w+s\s+navn)\s*:", re.I)
_AREAS_AFTER = re.compile(r"\s+[–-]\s+(?=[A-ZÆØÅ])")


def is_name_label(text: str) -> bool:
    return _NAME_LABEL.match(text) is not None


def name_after_label(text: str) -> str:
    """The plan's name after its label, up to the next label; the areas a dash puts after
    it are no part of it.

    >>> name_after_label("Den boligsociale indsats: Sønderborg Sammen - Nørager og Kærhaven")
    'Sønderborg Sammen'
    >>> name_after_label("Navn: Fællesskab i Ølby Periode: 1. januar 2024 – 31. december 2027")
    'Fællesskab i Ølby'
    """
    value = cut_at_next_label(text.split(":", 1)[1]).strip()
    return _AREAS_AFTER.split(value, 1)[0]


def name_in_noise(text: str) -> str | None:
    """The plan's name inside a cover line that a version or page line ran onto.

    >>> name_in_noise("Version 2.1 – godkendt 12. marts 2024 Navn: Fællesskab i Ølby Periode: 2024-2027")
    'Fællesskab i Ølby'
    >>> name_in_noise("VERSION 1.0 Strategisk samarbejdsaftale for Lindehøj Periode: 2012-2016")
    'Lindehøj'
    """
    m = _NAME_INSIDE.search(text)
    if m is None:
        return None
    rest = text[m.start():]
    name = (name_after_label(rest) if rest.rstrip().find(":") < len(m.group(0)) and ":" in m.group(0)
            else name_in_document_type(cut_at_next_label(rest)))
    return _NOISE_AFTER.sub("", name).strip(" –-") or None if name else None


def squash(text: str) -> str:
    """Lower case, markup and all white space removed: the form labels are compared in.

    >>> squash("Dela f ta len gælder  f ra  - t i l :")
    'delaftalengælderfra-til:'
    """
    return "".join(strip_markup(text).split()).lower()
