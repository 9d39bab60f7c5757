"""Contact cards pasted into an agreement as vCards (an address book's export, RFC 6350),
read as the labelled contact lines the agreements write; and a meeting's invitation saved as
iCalendar text (RFC 5545: Outlook's .ics), read as the text it shows.

A card ``BEGIN:VCARD`` ... ``END:VCARD`` is parsed with vobject (Apache-2.0; folded
lines, escaped commas, vCard 2.1's quoted-printable text) and rendered in its place as
"Navn: FN", "Titel: TITLE", "Organisation: unit" (ORG's most specific part), "E-mail: ..." (the first address) and "Telefon: ..." (the first number, "tel:+45-7258-1149"
as "+45 7258 1149"); the rest of the card's lines are left blank, so every line after it
keeps its place. A card that does not parse is left as it is.

A calendar ``BEGIN:VCALENDAR`` ... ``END:VCALENDAR`` (parsed by vobject too: folded lines, escaped
commas and line breaks) is rendered event by event: its subject, "Sted: LOCATION", "Mødeindkalder:
name (e-mail)", a "Deltager: name (e-mail)" line for each attendee, then its description's lines (the
agenda and the signature a meeting's invitation holds); the time zones, alarms and ids are left out.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["vcard_lines"]

_BEGIN = re.compile(r"^\s*BEGIN:(VCARD|VCALENDAR)\s*$", re.I)
_END = re.compile(r"^\s*END:(VCARD|VCALENDAR)\s*$", re.I)


def vcard_lines(lines: Sequence[str]) -> list[str]:
    """``lines`` with each vCard rendered as labelled lines and each calendar as its events' text (see the
    module's doc), every line after them in its place."""
    out = list(lines)
    start, kind = None, None
    for k, line in enumerate(lines):
        if start is None and line[:1] in "Bb " and (begin := _BEGIN.match(line)):
            start, kind = k, begin.group(1).upper()
        elif start is not None and line[:1] in "Ee " and (end := _END.match(line)) and end.group(1).upper() == kind:
            text = "\n".join(lines[start:k + 1])
            rendered = _card(text) if kind == "VCARD" else _calendar(text)
            if rendered is not None:
                out[start:k + 1] = _fitted(rendered, k + 1 - start)
            start = None
    return out


def _fitted(rendered: list[str], n: int) -> list[str]:
    """``rendered`` as ``n`` lines: blank lines dropped and the last ones joined when it has more."""
    if len(rendered) > n:
        rendered = [line for line in rendered if line.strip()]
    if len(rendered) > n:
        rendered = rendered[:n - 1] + [" ".join(rendered[n - 1:])]
    return rendered + [""] * (n - len(rendered))


def _parsed(text: str):
    """vobject's component of a card's or a calendar's text, or None when it does not parse."""
    import vobject

    try:
        return vobject.readOne(text)
    except Exception:  # noqa: BLE001 (vobject raises its own errors and ValueError alike)
        return None


def _calendar(text: str) -> list[str] | None:
    if (calendar := _parsed(text)) is None:
        return None
    rendered: list[str] = []
    for event in calendar.contents.get("vevent", []):
        def value(key: str) -> str | None:
            return _text(event.contents[key][0].value) if event.contents.get(key) else None
        if summary := value("summary"):
            rendered.append(summary)
        if location := value("location"):
            rendered.append(f"Sted: {location}")
        for key, label in (("organizer", "Mødeindkalder"), ("attendee", "Deltager")):
            for person in event.contents.get(key, []):
                name = " ".join(person.params.get("CN", [])).strip()
                mail = re.sub(r"^mailto:", "", str(person.value), flags=re.I).strip()
                if name or mail:
                    rendered.append(f"{label}: {name} ({mail})" if name and mail else f"{label}: {name or mail}")
        if event.contents.get("description"):
            rendered += [""] + [line.rstrip() for line in str(event.description.value).splitlines()]
    return rendered or None


def _card(text: str) -> list[str] | None:
    if (card := _parsed(text)) is None:
        return None
    rendered: list[str] = []

    def first(key: str) -> object | None:
        values = card.contents.get(key) or []
        return values[0].value if values else None
    if name := _text(first("fn")):
        rendered.append(f"Navn: {name}")
    if title := _text(first("title")):
        rendered.append(f"Titel: {title}")
    org = first("org")
    parts = [p.strip() for p in (org if isinstance(org, list) else [org] if org else []) if p and str(p).strip()]
    if parts:  # the most specific unit (its company is a line of its own: no "unit, company" to split)
        rendered.append(f"Organisation: {parts[-1]}")
    if email := _text(first("email")):
        rendered.append(f"E-mail: {email}")
    if phone := _text(first("tel")):
        rendered.append("Telefon: " + re.sub(r"^tel:", "", phone, flags=re.I).replace("-", " "))
    return rendered if rendered else None


def _text(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None
