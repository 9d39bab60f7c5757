"""Report JSON files read and validated, many of them with a helper process (issue 13,
session 15).

``samspil load`` of a folder of report files (``samspil extract --json``) reads, parses
and validates every file before the store writes it: at 10,000 plans (11,992 files)
several seconds of one core, while the other waits for the graph's rebuild. With
:data:`HELPER_MIN` files or more, a helper process (loaders/subworker.py) reads most of
them, a chunk at a time, while this process reads a chunk itself whenever the helper's
next one is not done; the reports come back in file order. A report the helper
validated is registered as validated (:func:`samspil.loaders.validate.validated`), so
the store does not validate it again. A file the helper cannot read is read here again,
so its error is raised here, with the same message as without a helper.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from samspil.loaders.errors import SamspilError
from samspil.loaders.model import AgreementReport

__all__ = ["read_report_files", "HELPER_MIN"]

HELPER_MIN = 200      # files for which a helper pays (it starts in ~0.5 s)
_CHUNK = 32
_HERE = "samspil.loaders.report_files:"


def read_report_files(paths: list[Path]) -> Iterator[tuple[Path, AgreementReport | SamspilError]]:
    """(path, its report read, validated and holding findings, or the error) per file,
    in order."""
    from samspil.loaders.subworker import Worker, in_order, usable
    worker = None
    if len(paths) >= HELPER_MIN and usable():
        try:
            worker = Worker()
        except OSError:
            worker = None

    def chunks() -> Iterator[list[str]]:
        it = iter(paths)
        while chunk := [str(p) for p in islice(it, _CHUNK)]:
            yield chunk
    try:
        for chunk, reports in in_order(worker, _HERE + "read_chunk", chunks(), _here):
            for path, report in zip(chunk, reports):
                yield Path(path), (_one(path) if report is None else _registered(report))
    finally:
        if worker is not None:
            worker.close()


def read_chunk(paths: list[str]) -> list[AgreementReport | None]:
    """The helper's task: each file's report, or None where reading it raised."""
    out: list[AgreementReport | None] = []
    for p in paths:
        r = _one(p)
        out.append(r if isinstance(r, AgreementReport) else None)
    return out


def _here(paths: list[str]) -> list[AgreementReport | SamspilError]:
    return [_one(p) for p in paths]


def _one(path: str) -> AgreementReport | SamspilError:
    from samspil.loaders.pipeline import require_findings
    from samspil.loaders.validate import read_report_file
    try:
        return require_findings(read_report_file(Path(path)), path)
    except SamspilError as exc:
        return exc


def _registered(report: AgreementReport | SamspilError) -> AgreementReport | SamspilError:
    from samspil.loaders.validate import validated
    if isinstance(report, AgreementReport):
        validated(report)
    return report
