"""Entry point of extraction (work in progress)."""
from __future__ import annotations

from samspil.loaders.document import Document
from samspil.loaders.model import AgreementReport


def extract(doc: Document) -> AgreementReport:
    report = AgreementReport(document=doc.id, checksum=doc.checksum, warnings=list(doc.warnings))
    return report
