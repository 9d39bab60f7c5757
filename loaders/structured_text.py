"""An agreement exported from a project system as YAML or JSON, read as the labelled text
the extractors know.

Project portals and case systems export a plan as nested keys::

    parter:
      - navn: Boligforeningen Lindebo
        underskriver: {navn: "Bettina Holm Rasmussen", titel: "direktør"}
    aktiviteter:
      - navn: "Gadeplan Grejsbakken"
        indsatsomraade: KRIM
        partnere: [SSP Vejle, Sydøstjyllands Politi]

The text is parsed with PyYAML (JSON is YAML too) only when it is shaped as such an
export: most lines are lower-case keys without spaces, nested by indentation, with list
items. Each mapping becomes a block of "Label: value" lines, its keys written as the
agreements write their labels ("maalgrupper" -> "Målgruppe(r)", "partnere" ->
"Samarbejdspartnere", a list of activities' "navn" -> "Aktivitetsnavn"); lists of names
become lists; codes a list defines ("kode: KRIM", "navn: Kriminalitetsforebyggelse") are
written out where they are used. An agreement written as prose never parses as one.
"""
from __future__ import annotations

import re

import yaml

from samspil.loaders.ascii_danish import restore_letters

__all__ = ["looks_structured", "structured_lines"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?(?:[a-z_][a-z0-9_]*|\"[a-z_][a-z0-9_]*\")\s*:(?:\s|$)|^\s*[\[\]{}],?\s*$")
_MIN_KEYS = 12

# keys written as the agreements' labels (after the Danish letters are restored)
_LABELS = {
    "titel": "Navn på den boligsociale indsats", "undertitel": "Dokument", "type": "Dokumenttype",
    "periode": "Aftalens periode", "kommune": "Kommune", "parter": "Aftalens parter",
    "målgrupper": "Målgruppe(r)", "målgruppe": "Målgruppe(r)", "partnere": "Samarbejdspartnere",
    "samarbejdspartnere": "Samarbejdspartnere", "indsatsområde": "Indsatsområde", "indsatsområder": "Indsatsområder",
    "kontakter": "Kontaktpersoner", "telefon": "Telefon", "email": "E-mail", "mail": "E-mail",
    "organisation": "Organisation", "rolle": "Titel", "stilling": "Titel", "afdelinger": "Afdelinger",
    "lejemål": "lejemål", "aktiviteter": "Aktiviteter", "underskriver": "Underskrevet af",
}


def looks_structured(lines: list[str]) -> bool:
    """Most non-empty lines are lower-case keys ("parter:", "  - navn: X"), and some are
    indented: an export, not an agreement's text."""
    text = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if len(text) < _MIN_KEYS:
        return False
    keyed = sum(1 for line in text if _KEY_LINE.match(line))
    indented = sum(1 for line in text if line[:1] in " \t")
    return keyed * 3 >= len(text) * 2 and indented * 3 >= len(text)


def structured_lines(lines: list[str]) -> list[str] | None:
    """The export's labelled text, or None when it does not parse as a mapping."""
    try:
        data = yaml.load("\n".join(lines), Loader=_Loader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    codes = _codes(data)
    out: list[str] = []
    _mapping(data, out, codes, None)
    return [_DATE.sub(lambda m: f"{m.group(3)}.{m.group(2)}.{m.group(1)}", line) for line in out]


_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")  # ISO dates as the agreements write them


def _codes(data) -> dict[str, str]:
    """Codes the export defines: items with a code and a name ("kode: KRIM, navn: ...")."""
    found: dict[str, str] = {}
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            code = node.get("kode") or node.get("code") or node.get("forkortelse")
            name = node.get("navn") or node.get("name")
            if isinstance(code, str) and isinstance(name, str):
                found[code] = name
            stack += list(node.values())
        elif isinstance(node, list):
            stack += node
    return found


def _label(key) -> str:
    word = restore_letters(str(key).replace("_", " ")).strip()
    return _LABELS.get(word.casefold(), word[:1].upper() + word[1:])


def _scalar(value, codes: dict[str, str]) -> str:
    if value is None:
        return ""
    text = str(value)
    if _IDENTIFIER.match(text):  # "strategisk_samarbejdsaftale": a system's value, in words
        return restore_letters(text.replace("_", " "))
    return codes.get(text, text)


_IDENTIFIER = re.compile(r"^[a-zæøå]+(?:_[a-zæøå]+)+$")


def _mapping(data: dict, out: list[str], codes: dict[str, str], parent: str | None) -> None:
    activity = parent is not None and "aktivitet" in parent.casefold()
    party = parent is not None and parent.casefold() in ("parter", "aftalens parter")
    for key, value in data.items():
        label = _label(key)
        if key in ("id", "kode", "code", "nr") and parent is not None and not isinstance(value, (dict, list)):
            continue
        if party and str(key).casefold() in ("forkortelse", "rolle", "kode"):
            continue  # (written with the party's name)
        if str(key).casefold() in ("navn", "name") and not isinstance(value, (dict, list)):
            label = "Aktivitetsnavn" if activity else "Navn"
            if party:
                short = data.get("forkortelse") or data.get("kode")
                out.append(f"{value} ({short})" if isinstance(short, str) and short != value else str(value))
                continue
        if isinstance(value, dict):
            if set(value) <= {"start", "slut", "fra", "til", "end"}:
                out.append(f"{label}: {' – '.join(_scalar(v, codes) for v in value.values())}")
                continue
            if "navn" in value and label == "Underskrevet af":
                out.append(f"{label}: " + ", ".join(_scalar(v, codes) for k, v in value.items() if k != "dato"))
                continue
            out += ["", _heading(out, label)]
            _mapping(value, out, codes, label)
        elif isinstance(value, list):
            if all(not isinstance(v, (dict, list)) for v in value):
                out.append(f"{label}: {', '.join(_scalar(v, codes) for v in value)}")
                continue
            if label == "Aftalens parter" and all(isinstance(v, dict) for v in value):
                _parties(value, out)
                continue
            if label == "Aktiviteter" and all(isinstance(v, dict) for v in value):
                _activities(value, out, codes)
                continue
            out += ["", f"{label}:" if label in ("Aftalens parter", "Indsatsområder") else _heading(out, label)]
            for item in value:
                if isinstance(item, dict):
                    if label == "Afdelinger":
                        out.append(_department(item, codes))
                        continue
                    if label == "Indsatsområder" and ("navn" in item or "name" in item):
                        out.append(f"• {item.get('navn') or item.get('name')}")
                        continue
                    _mapping(item, out, codes, label)
                    out.append("")
                else:
                    out.append(f"• {_scalar(item, codes)}")
        else:
            out.append(f"{label}: {_scalar(value, codes)}".rstrip())


def _heading(out: list[str], label: str) -> str:
    """A section's heading, counted ("3. Afdelinger") so that the section before it ends there."""
    n = sum(1 for line in out if _COUNTED.match(line)) + 1
    return f"{n}. {label}"


_COUNTED = re.compile(r"^\d{1,2}\. [A-ZÆØÅ]")


def _parties(items: list[dict], out: list[str]) -> None:
    """The parties on one line ("Aftalens parter: A (AB), B og C"), their signatories after."""
    names = []
    signed = []
    for item in items:
        name = item.get("navn") or item.get("name")
        if not isinstance(name, str):
            continue
        short = item.get("forkortelse") or item.get("kode")
        names.append(f"{name} ({short})" if isinstance(short, str) and short != name else name)
        who = item.get("underskriver") or item.get("underskrift")
        if isinstance(who, dict) and who.get("navn"):
            signed.append(f"For {name}: " + ", ".join(str(who[k]) for k in ("navn", "titel") if who.get(k)))
    if names:
        out += ["", "Aftalens parter: " + (", ".join(names[:-1]) + " og " + names[-1] if len(names) > 1 else names[0])]
    if signed:
        out += ["", "Underskrifter:", *signed]


def _activities(items: list[dict], out: list[str], codes: dict[str, str]) -> None:
    """Activities grouped under their focus area as delaftaler are ("Delaftale for
    indsatsområdet X" over "Aktivitetsnavn: ..." blocks), in the order the areas come."""
    groups: dict[str, list[dict]] = {}
    for item in items:
        area = next((v for k, v in item.items() if "indsatsomr" in str(k).casefold()), "")
        groups.setdefault(_scalar(area, codes) if isinstance(area, str) else "", []).append(item)
    for area, group in groups.items():
        out += ["", f"Delaftale for indsatsområdet {area}" if area else "Aktiviteter", ""]
        for item in group:
            for key, value in item.items():
                key_text = str(key).casefold()
                if key_text in ("id", "kode", "code", "nr") or "indsatsomr" in key_text:
                    continue
                label = "Aktivitetsnavn" if key_text in ("navn", "name") else _label(key)
                if isinstance(value, list):
                    value = ", ".join(_scalar(v, codes) for v in value if not isinstance(v, (dict, list)))
                elif isinstance(value, dict):
                    value = ", ".join(_scalar(v, codes) for v in value.values())
                out.append(f"{label}: {_scalar(value, codes)}".rstrip())
            out.append("")


def _department(item: dict, codes: dict[str, str]) -> str:
    """"{org: Lindebo, nr: 22, navn: "Grejsbakken Nord", lejemaal: 298}" as a department's line."""
    org, nr, name = item.get("org") or item.get("organisation"), item.get("nr"), item.get("navn")
    units = next((v for k, v in item.items() if "lejem" in str(k) or "boliger" in str(k)), None)
    parts = [f"{org} afd. {nr}" if org and nr is not None else f"Afd. {nr}" if nr is not None else "", str(name or "")]
    line = " ".join(p for p in parts if p)
    return f"{line} ({units} lejemål)" if units is not None else line
