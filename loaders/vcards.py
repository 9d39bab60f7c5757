"""Contact cards pasted into an agreement as vCards (an address book's export, RFC 6350),
read as the labelled contact lines the agreements write.

A card ``BEGIN:VCARD`` ... ``END:VCARD`` is parsed with vobject (Apache-2.0; folded
lines, escaped commas, vCard 2.1's quoted-printable text) and rendered in its place as
"Navn: FN", "Titel: TITLE", "Organisation: unit" (ORG's most specific part), "E-mail: ..." (the first address) and "Telefon: ..." (the first number, "tel:+45-7258-1149"
as "+45 7258 1149"); the rest of the card's lines are left blank, so every line after it
keeps its place. A card that does not parse is left as it is.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["vcard_lines"]

_BEGIN = re.compile(r"^\s*BEGIN:VCARD\s*$", re.I)
_END = re.compile(r"^\s*END:VCARD\s*$", re.I)


def vcard_lines(lines: Sequence[str]) -> list[str]:
    """``lines`` with each vCard rendered as labelled lines (see the module's doc)."""
    out = list(lines)
    start = None
    for k, line in enumerate(lines):
        if line[:1] in "Bb " and _BEGIN.match(line):
            start = k
        elif start is not None and line[:1] in "Ee " and _END.match(line):
            rendered = _card("\n".join(lines[start:k + 1]))
            if rendered is not None:
                out[start:k + 1] = (rendered + [""] * (k + 1 - start))[:k + 1 - start]
            start = None
    return out


def _card(text: str) -> list[str] | None:
    import vobject

    try:
        card = vobject.readOne(text)
    except Exception:  # noqa: BLE001 (vobject raises its own errors and ValueError alike)
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
