"""Contact persons from party lists, Kontaktperson lines and signature blocks."""
from __future__ import annotations

from samspil.loaders.document import Document
from samspil.loaders.extract.orgs import is_strategic
from samspil.loaders.extract.parties import parse_parties
from samspil.loaders.extract.text import clean
from samspil.loaders.model import Contact, Organisation

__all__ = ["extract_contacts"]


def extract_contacts(doc: Document, organisations: list[Organisation]) -> list[Contact]:
    """One Contact per person (same e-mail, or same name), details merged."""
    _, mentions = parse_parties(doc, is_strategic(doc))
    out: list[Contact] = []
    for m in mentions:
        p = m.person
        same = next((c for c in out if (p.email and c.email and c.email.lower() == p.email.lower())
                     or c.name == p.name), None)
        ref = doc.ref(m.line)
        if same is None:
            out.append(Contact(name=p.name, title=clean(p.title) if p.title else None,
                               organisation=m.organisation, email=p.email, phone=p.phone,
                               focus_area=m.delaftale, sources=[ref]))
            continue
        same.email = same.email or p.email
        same.phone = same.phone or p.phone
        same.title = same.title or (clean(p.title) if p.title else None)
        same.organisation = same.organisation or m.organisation
        if ref not in same.sources:
            same.sources.append(ref)
    return out
