"""Read -> normalise -> extract, for one file or a batch that survives bad files."""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from samspil.loaders.errors import InputError, SamspilError
from samspil.loaders.extract import extract
from samspil.loaders.limits import Deadline, Limits, current_limits
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


def extract_file(path: str | Path, limits: Limits | None = None) -> AgreementReport:
    """Extract one agreement file into a report (raises :class:`InputError`, and
    :class:`~samspil.loaders.limits.LimitExceeded` past ``limits``: default
    :func:`~samspil.loaders.limits.current_limits`)."""
    limits = limits or current_limits()
    deadline = Deadline(limits, str(path))
    doc = read_document(path, limits, deadline)
    report = extract(doc)
    deadline.check("extraction")
    report.source_path = str(Path(path).resolve())
    return report


class LinkLoop(InputError):
    """A folder reached again through a symbolic link."""


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders become their readable files (sorted, recursive).

    Symbolic links to folders are followed once: a link back into a folder
    already being walked (a loop) is kept in the list, and reading it raises
    :class:`LinkLoop`, so the batch reports it instead of skipping it silently.
    Links to files that lead nowhere are kept too (reading them says why)."""
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(_walk(p) if p.is_dir() else [p])
    return out


def _walk(top: Path) -> list[Path]:
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        st = folder.stat()
        if (st.st_dev, st.st_ino) in seen:
            found.append(folder)          # reported as a loop by _check_path
            continue
        seen.add((st.st_dev, st.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            found.append(folder)
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            f = Path(e.path)
            if _safely(e.is_dir):       # follows links; a loop is caught by ``seen``
                stack.append(f)
            elif e.is_symlink() and not f.exists():
                found.append(f)         # a dangling or looping link: say so
            elif Path(e.name).suffix.lower() in READERS and _safely(e.is_file):
                found.append(f)
    return sorted(found)


def _safely(test) -> bool:
    try:
        return test()
    except OSError:                     # a link loop: reported as a link that leads nowhere
        return False


def _check_path(p: Path) -> None:
    if p.is_dir():
        raise LinkLoop("a symbolic link back to a folder that is already being read "
                       "(a loop) or a folder that cannot be listed; skipped", document=str(p))
    if not p.exists() and not p.is_symlink():
        raise InputError("no such file", document=str(p))


def extract_paths(paths: Iterable[str | Path], limits: Limits | None = None) -> Iterator[FileResult]:
    """Extract every file; a bad file yields a result with ``error`` and the batch goes on."""
    limits = limits or current_limits()
    for p in expand_paths(paths):
        try:
            _check_path(p)
            yield FileResult(p, report=extract_file(p, limits))
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
