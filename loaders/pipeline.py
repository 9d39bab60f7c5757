"""Read -> normalise -> extract, for one file or a batch that survives bad files."""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from samspil.loaders.errors import InputError, NotAnAgreement, SamspilError
from samspil.loaders.extract import extract
from samspil.loaders.limits import Deadline, Limits, current_limits
from samspil.loaders.model import AgreementReport
from samspil.loaders.readers import READERS, read_document
from samspil.loaders.validate import checked_extraction

__all__ = ["extract_file", "extract_paths", "require_findings", "expand_paths", "FileResult", "bundled_examples", "auto_jobs"]

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
    # (without the cyclic collector: one extraction makes ~100,000 short-lived objects and no cycles
    # worth collecting early, and its ~8 young collections walked them for ~0.7% of the instructions.
    # It is on again once the document is freed (by reference counts): the first collection after it
    # walks what the extraction left, the report and the caches' new entries, not the document)
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        report = extract(read_document(path, limits, deadline))
        deadline.check("extraction")
        report.source_path = str(Path(path).resolve())
    finally:
        if gc_was_on:
            gc.enable()
    return report


def require_findings(report: AgreementReport, document: str) -> AgreementReport:
    """``report``, or :class:`NotAnAgreement` when it holds nothing an agreement names.

    The one place where "nothing found" is decided to be an error rather than a
    warning: every batch (:func:`extract_paths`: ``samspil extract``, ``load``,
    ``explore``, uploads; and report JSON files given to ``load``) gets a failed
    :class:`FileResult` for such a file, reports it, goes on with the others and stores
    nothing of it. :func:`extract_file` itself still returns the report (with the
    extractor's warning), for callers that want to look at it. A report that names
    little is still a report; its warnings say what to check."""
    if report.found_nothing():
        raise NotAnAgreement("no plan name, party, focus area, activity, contact or zone found: "
                             "this does not look like a partnership agreement, so it is not "
                             "stored; check that it is the agreement's text", document=document)
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


def skipped_documents(paths: Iterable[str | Path]) -> list[Path]:
    """The files in the folders among ``paths`` that look like agreements samspil cannot read
    (.doc, .rtf, .odt: :data:`~samspil.loaders.readers.OFFICE_SUFFIXES`), which
    :func:`expand_paths` passes over, so the caller can say so."""
    from samspil.loaders.readers import OFFICE_SUFFIXES

    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.suffix.lower() in OFFICE_SUFFIXES
                          and not any(part.startswith(".") for part in f.relative_to(p).parts) and f.is_file())
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


def extract_paths(paths: Iterable[str | Path], limits: Limits | None = None,
                  jobs: int | None = 1) -> Iterator[FileResult]:
    """Extract every file; a bad file yields a result with ``error`` and the batch goes on.

    ``jobs``: worker processes (None: one per core when the batch is large
    enough to pay for starting them, see :func:`auto_jobs`). Results come in
    the order of the files whatever the number of workers, and are the same."""
    limits = limits or current_limits()
    files = expand_paths(paths)
    jobs = auto_jobs(files) if jobs is None else max(1, min(jobs, len(files)))
    if jobs <= 1:
        for p in files:
            yield _extract_one(p, limits)
        return
    yield from _in_workers(files, limits, jobs)


def _in_workers(files: list[Path], limits: Limits, jobs: int) -> Iterator[FileResult]:
    """``jobs`` worker processes, results in file order. Workers start from a fork
    server (a clean process with the extractors imported once), never forked from
    a caller that may hold threads (progress bars, servers). If the workers cannot
    run (a crash, no fork server), the rest of the batch is extracted in process."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["samspil.loaders.pipeline"])
    done = 0
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_start) as pool:
            futures = [pool.submit(_extract_one, p, limits) for p in files]
            for fut in futures:
                result = fut.result()
                done += 1
                yield result
    except (BrokenProcessPool, OSError) as exc:
        log.warning("worker processes failed (%s); extracting the remaining %d file(s) in process",
                    exc, len(files) - done)
        for p in files[done:]:
            yield _extract_one(p, limits)


def _worker_start() -> None:
    """A batch's worker process (one a core, every core busy) reads a PDF's pages in its own
    thread and forks no helper process for them: a reader thread or a helper would find no core
    free (:func:`samspil.loaders.pdf_pages.threaded`, :func:`samspil.loaders.pdf_fork.may_fork`)."""
    from samspil.loaders.pdf_pages import read_in_caller

    read_in_caller()


def _extract_one(p: Path, limits: Limits) -> FileResult:
    try:
        _check_path(p)
        return FileResult(p, report=checked_extraction(require_findings(extract_file(p, limits), str(p)), str(p)))
    except SamspilError as exc:
        if exc.document is None:
            exc.document = str(p)
        return FileResult(p, error=exc)
    except Exception as exc:  # a bug must not sink the batch; say what and where
        log.debug("unexpected error on %s", p, exc_info=True)
        return FileResult(p, error=InputError(
            f"could not be extracted ({type(exc).__name__}: {exc})", document=str(p)))


PARALLEL_MIN_BYTES = 4 * 1024 * 1024  # below this, starting workers costs more than it saves


def auto_jobs(files: list[Path]) -> int:
    """Worker processes for a batch: one per core (at most 8 and one per file) when
    the files hold at least :data:`PARALLEL_MIN_BYTES`, else 1 (in process)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2 or len(files) < 2:
        return 1
    size = 0
    for p in files:
        try:
            size += p.stat().st_size
        except OSError:
            continue
    return min(cores, 8, len(files)) if size >= PARALLEL_MIN_BYTES else 1


def bundled_examples() -> Path:
    """Folder of the five public seed agreements shipped with samspil."""
    return Path(__file__).parent / "examples"
