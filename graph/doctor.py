"""Check an embedded store file, and rebuild it from its stored reports.

``samspil doctor`` runs :func:`check_store`: SQLite's own ``PRAGMA
integrity_check``, then samspil's: the file is a samspil store of a format this
version reads, every stored report is JSON and matches the report model, every
node and relationship property is JSON, and whether the graph is older than the
reports.

``samspil doctor --repair`` runs :func:`repair_store`: every report that can
still be read and is valid goes into a new store file, together with the list
of persons forgotten on request (so they stay forgotten); the graph is rebuilt
from them; the old file is renamed ``<name>.damaged-<time>`` and kept, and the
reports that could not be used are written beside it as JSON lines
(``<name>.refused-<time>.jsonl``): nothing is deleted.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from samspil.graph.store import SCHEMA_VERSION
from samspil.graph.store_guard import invalid_reports
from samspil.loaders.errors import StoreUnavailable

__all__ = ["Finding", "Checkup", "check_store", "repair_store"]


@dataclass(frozen=True)
class Finding:
    what: str          # "integrity" | "format" | "report" | "graph" | "stale"
    problem: str
    document: str | None = None


@dataclass
class Checkup:
    path: str
    documents: int = 0
    findings: list[Finding] = field(default_factory=list)
    repaired: bool = False
    kept: list[str] = field(default_factory=list)     # files set aside by a repair

    @property
    def ok(self) -> bool:
        return not [f for f in self.findings if f.what != "stale"]


def _connect(path: Path) -> sqlite3.Connection:
    if not path.exists():
        raise StoreUnavailable(f"no store at {path}; load agreements with `samspil load` "
                               "or choose the folder with --data-dir")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def check_store(path: str | Path) -> Checkup:
    """Every problem of the store file at ``path`` (nothing is written)."""
    path = Path(path)
    out = Checkup(str(path))
    db = _connect(path)
    try:
        _check(db, out)
    except sqlite3.DatabaseError as exc:
        out.findings.append(Finding("integrity", f"the file cannot be read as a database: {exc}"))
    finally:
        db.close()
    return out


def _check(db: sqlite3.Connection, out: Checkup) -> None:
    rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        out.findings += [Finding("integrity", r) for r in rows[:20]]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"meta", "documents"} <= tables:
        out.findings.append(Finding("format", "not a samspil store (no meta/documents tables)"))
        return
    meta = dict(_rows(db, "SELECT key, value FROM meta", out, "meta"))
    if meta.get("app") != "samspil":
        out.findings.append(Finding("format", f"meta.app is {meta.get('app')!r}, not 'samspil'"))
    version = meta.get("schema_version")
    if not str(version).isdigit():
        out.findings.append(Finding("format", f"schema version {version!r} is not a number"))
    elif int(version) > SCHEMA_VERSION:
        out.findings.append(Finding("format", f"written by a newer samspil (format {version})"))
    out.documents = len(_rows(db, "SELECT id FROM documents", out, "report"))
    try:
        out.findings += [Finding("report", p, d) for d, p in invalid_reports(db)]
    except sqlite3.DatabaseError as exc:
        out.findings.append(Finding("report", f"the reports cannot all be read: {exc}"))
    for table, cols in (("nodes", "id, props"), ("edges", "src || ' ' || type || ' ' || dst, props")):
        if table not in tables:
            continue
        bad = 0
        for key, props in _rows(db, f"SELECT {cols} FROM {table}", out, "graph"):  # noqa: S608
            try:
                json.loads(props)
            except (TypeError, ValueError):
                bad += 1
                if bad <= 5:
                    out.findings.append(Finding("graph", f"{table} {key}: properties are not JSON"))
    if meta.get("graph_generation") != meta.get("docs_generation"):
        out.findings.append(Finding("stale", "the graph is older than the stored reports "
                                    "(the next `samspil load` or `doctor --repair` rebuilds it)"))


def _rows(db: sqlite3.Connection, sql: str, out: Checkup, what: str) -> list:
    try:
        return db.execute(sql).fetchall()
    except sqlite3.DatabaseError as exc:
        out.findings.append(Finding(what, f"cannot read ({exc})"))
        return []


def _salvage(path: Path) -> tuple[list[dict], list[tuple[str, str]], list[tuple[str, str]]]:
    """(valid report dicts, forgotten keys, refused (document, raw text)) from a damaged file."""
    from samspil.loaders.validate import InvalidReport, validate_report

    db = _connect(path)
    good, refused, forgotten = [], [], []
    try:
        try:
            ids = [r[0] for r in db.execute("SELECT id FROM documents ORDER BY id")]
        except sqlite3.DatabaseError:
            ids = []
        for doc in ids:
            try:
                text = db.execute("SELECT report FROM documents WHERE id = ?", (doc,)).fetchone()[0]
            except sqlite3.DatabaseError as exc:
                refused.append((doc, f"unreadable: {exc}"))
                continue
            try:
                good.append(validate_report(json.loads(text), document=doc).to_dict())
            except (ValueError, InvalidReport):
                refused.append((doc, text))
        try:
            forgotten = db.execute("SELECT kind, digest FROM forgotten").fetchall()
        except sqlite3.DatabaseError:
            forgotten = []
    finally:
        db.close()
    return good, forgotten, refused


def repair_store(path: str | Path, overrides_path: str | Path | None = None) -> Checkup:
    """Rebuild the store at ``path`` from its readable, valid reports; keep the old file."""
    from samspil.graph.sqlite_store import SqliteStore
    from samspil.loaders.model import AgreementReport

    path = Path(path)
    good, forgotten, refused = _salvage(path)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    fresh = path.with_name(path.name + f".rebuilding-{stamp}")
    with SqliteStore(fresh, overrides_path=overrides_path) as store:
        store.db.executemany("INSERT OR IGNORE INTO forgotten(kind, digest) VALUES (?, ?)", forgotten)
        store.save([AgreementReport.from_dict(d) for d in good])
    out = Checkup(str(path), documents=len(good), repaired=True)
    aside = path.with_name(path.name + f".damaged-{stamp}")
    path.rename(aside)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(aside.with_name(aside.name + suffix))
    fresh.rename(path)
    out.kept.append(str(aside))
    if refused:
        kept = path.with_name(path.name + f".refused-{stamp}.jsonl")
        kept.write_text("".join(json.dumps({"document": d, "report": t}, ensure_ascii=False) + "\n"
                                for d, t in refused), encoding="utf-8")
        out.kept.append(str(kept))
        out.findings += [Finding("report", "set aside (not valid or not readable)", d) for d, _ in refused]
    return out
