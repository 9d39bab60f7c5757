"""Contact persons from party lists, Kontaktperson lines and signature blocks."""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.extract.org_lists import org_type_of
from samspil.loaders.extract.unit_topics import join_topic_series
from samspil.loaders.extract.orgs import is_strategic
from samspil.loaders.extract.parties import parse_parties
from samspil.loaders.extract.loose_contacts import loose_contacts
from samspil.loaders.extract.prose_roles import prose_roles
from samspil.loaders.extract.person_units import contact_unit
from samspil.loaders.extract.text import clean
from samspil.loaders.model import Contact, Organisation

__all__ = ["extract_contacts"]


def extract_contacts(doc: Document, organisations: list[Organisation]) -> list[Contact]:
    """One Contact per person (same e-mail, or same name), details merged."""
    _, mentions = parse_parties(doc, is_strategic(doc))
    mentions = mentions + loose_contacts(doc, {m.line for m in mentions})
    mentions += prose_roles(doc, {n.lower() for o in organisations for n in (o.name, *o.aliases)})
    out: list[Contact] = []
    # indexes (to positions in ``out``) instead of scans: thousands of contact lines
    # stay linear; the first contact with the same e-mail or name wins, as before
    by_email: dict[str, int] = {}
    by_name: dict[str, int] = {}
    refs: list[set] = []
    for m in mentions:
        p = m.person
        hits = [i for i in (by_email.get(p.email.lower()) if p.email else None,
                            by_name.get(p.name)) if i is not None]
        ref = doc.ref(m.line)
        if not hits:
            title, unit = _title_and_unit(p.title)
            out.append(Contact(name=p.name, title=title,
                               organisation=unit or contact_unit(m.organisation), email=p.email, phone=p.phone,
                               focus_area=m.delaftale, sources=[ref]))
            refs.append({ref})
            at = len(out) - 1
        else:
            at = min(hits)
            same = out[at]
            same.email = same.email or p.email
            same.phone = same.phone or p.phone
            if same.title is None or same.organisation is None:  # (the title's unit: read only when needed)
                title, unit = _title_and_unit(p.title)
                same.title = same.title or title
                same.organisation = same.organisation or unit or contact_unit(m.organisation)
            if ref not in refs[at]:
                refs[at].add(ref)
                same.sources.append(ref)
        by_name.setdefault(out[at].name, at)
        if out[at].email:
            key = out[at].email.lower()
            by_email[key] = min(at, by_email.get(key, at))
    return _no_organisations(out, organisations)


def _no_organisations(contacts: list[Contact], organisations: list[Organisation]) -> list[Contact]:
    """``contacts`` without those named as an organisation of the document is named (its name,
    an alias, or its name after the word for its kind: "Søvang Hjem" of "Boligselskabet Søvang
    Hjem"): an entry "Beboerkonsulent Dorte Ærenlund, Søvang Hjem, doa@x.dk, 4016 9382" read as
    two people. Its e-mail and phone go to the person before it on the same line, if they have none."""
    from samspil.loaders.extract.orgs import name_key

    names = {name_key(n) for o in organisations for n in (o.name, *o.aliases)}
    names |= {name_key(m.group(1)) for o in organisations if (m := _KIND_FIRST.match(o.name))}
    out: list[Contact] = []
    for c in contacts:
        if name_key(c.name) not in names:
            out.append(c)
            continue
        line = c.sources[0].line if c.sources else None
        before = next((p for p in reversed(out) if p.sources and p.sources[0].line == line), None)
        if before is not None and not before.email and not before.phone:
            before.email, before.phone = c.email, c.phone
    return out


_KIND_FIRST = re.compile(r"^(?:Boligforeningen|Boligselskabet|Andelsboligforeningen|Boligorganisationen|Foreningen|Fonden)"
                         r"\s+(.+)$")


def _title_and_unit(title: str | None) -> tuple[str | None, str | None]:
    """A title with the organisation written after it split off ("politiassistent, Midt- og
    Vestsjællands Politi" -> the title and the police: written after the person, the most
    specific unit named for them)."""
    title = _title(title)
    if title and ", " in title:  # (the common title of one word is told at once)
        head, tail = title.rsplit(", ", 1)
        if len(join_topic_series([*head.split(", "), tail])) == 1:
            return title, None  # "direktør for Børn, Kultur og Sundhed": the area is the title's
        if tail[:1].isupper() and org_type_of(tail) != "other" and (unit := contact_unit(tail)):
            return head, unit
    return title, None


def _title(title: str | None) -> str | None:
    """A title without the label and organisation written before it ("Jobcenter Vejle
    (kontaktperson: afdelingsleder" -> "afdelingsleder")."""
    if not title:
        return None
    if "ato" in title:  # a signature's date after the title ("direktør – dato 28.11.2023", "direktør Dato:")
        title = _SIGNING_DATE.sub("", title)
    return clean(title.rsplit(":", 1)[-1]) or None


_SIGNING_DATE = re.compile(r"\s*[–,-]?\s*\b[Dd]ato\b\s*:?.*$")
