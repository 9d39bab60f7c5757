"""Read -> normalise -> extract, for one file or a batch that survives bad files."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from samspil.loaders.errors import InputError, SamspilError
from samspil.loaders.extract import extract
from samspil.loaders.model import AgreementReport
from samspil.loaders.readers import READERS, read_document

__all__ = ["extract_file", "extract_paths", "expand_paths", "FileResult", "bundled_examples"]

log = logging.getLogger(__name__)


@dataclass
class FileResult:
    path: Path
    report: AgreementReport | None = None
    error: SamspilError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def extract_file(path: str | Path) -> AgreementReport:
    """Extract one agreement file into a report (raises :class:`InputError`)."""
    doc = read_document(path)
    report = extract(doc)
    report.source_path = str(Path(path).resolve())
    return report


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders become their readable files (sorted, recursive)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*")
                              if f.is_file() and f.suffix.lower() in READERS
                              and not f.name.startswith(".")))
        else:
            out.append(p)
    return out


def extract_paths(paths: Iterable[str | Path]) -> Iterator[FileResult]:
    """Extract every file; a bad file yields a result with ``error`` and the batch goes on."""
    for p in expand_paths(paths):
        try:
            if not p.exists():
                raise InputError("no such file", document=str(p))
            yield FileResult(p, report=extract_file(p))
        except SamspilError as exc:
            if exc.document is None:
                exc.document = str(p)
            yield FileResult(p, error=exc)
        except Exception as exc:  # a bug must not sink the batch; say what and where
            log.debug("unexpected error on %s", p, exc_info=True)
            yield FileResult(p, error=InputError(
                f"could not be extracted ({type(exc).__name__}: {exc})", document=str(p)))


def bundled_examples() -> Path:
    """Folder of the five public seed agreements shipped with samspil."""
    return Path(__file__).parent / "examples"
