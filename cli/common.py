"""Shared CLI pieces: error translation and output options."""
from __future__ import annotations

import csv
import dataclasses
import functools
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from samspil.loaders.errors import Ambiguous, SamspilError

__all__ = ["handle_errors", "output_options", "emit", "to_jsonable", "cell_text", "search_context",
           "require_agreements", "skipped_files", "without_gc"]


SKIPPED_SHOWN = 20      # skipped files named one a line; the rest are counted by suffix


def skipped_files(paths: Sequence[Any], files: Sequence[Any], *, reports: bool) -> list[tuple[Any, str]]:
    """The files in the folders among ``paths`` that are not read (``files`` are), each
    with why: a word processor's format samspil cannot read, a report .json where none
    is read, or no agreement format at all. Hidden files and folders are passed over
    quietly, as everywhere."""
    from pathlib import Path

    from samspil.loaders.readers import OFFICE_SUFFIXES, SAVE_AS

    taken = {os.path.normpath(str(f)) for f in files}
    formats = ".txt, .md, .docx and .pdf" + (" files, and report .json files" if reports else " files")
    out = []
    for top in (Path(p) for p in paths if Path(p).is_dir()):
        for folder, dirs, names in os.walk(top):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(n for n in names if not n.startswith(".")):
                f = Path(folder) / name
                if os.path.normpath(str(f)) in taken or not f.is_file():
                    continue
                suffix = f.suffix.lower()
                if suffix in OFFICE_SUFFIXES:
                    why = f"samspil cannot read {suffix} files; {SAVE_AS}"
                elif suffix == ".json" and reports:
                    why = "report .json files are read from the folder given, not from its subfolders"
                elif suffix == ".json":
                    why = "a report .json is not extracted; load it with `samspil load`"
                else:
                    why = f"not an agreement file (samspil reads {formats})"
                out.append((f, why))
    return out


def say_skipped(skipped: Sequence[tuple[Any, str]]) -> None:
    """One warning a skipped file on stderr (the first :data:`SKIPPED_SHOWN`), then how
    many more of which suffixes."""
    for f, why in skipped[:SKIPPED_SHOWN]:
        click.echo(f"warning: {f}: skipped, {why}", err=True)
    rest = skipped[SKIPPED_SHOWN:]
    if rest:
        by: dict[str, int] = {}
        for f, _ in rest:
            by[f.suffix.lower() or "(no suffix)"] = by.get(f.suffix.lower() or "(no suffix)", 0) + 1
        click.echo(f"warning: {len(rest)} more files skipped ("
                   + ", ".join(f"{n} {s}" for s, n in sorted(by.items())) + ")", err=True)


def require_agreements(paths: Sequence[Any], files: Sequence[Any]) -> list[tuple[Any, str]]:
    """Stop with a clear message (exit 1) when ``paths`` hold no agreement file; else
    say which files of the folders given are skipped, and why (a batch never fails on
    them), and return them."""
    from samspil.loaders.pipeline import skipped_documents
    from samspil.loaders.readers import SAVE_AS

    if files:
        reports = click.get_current_context().info_name == "load"
        unread = skipped_files(paths, files, reports=reports)
        say_skipped(unread)
        return unread
    skipped = skipped_documents(paths)
    where = ", ".join(str(p) for p in paths)
    unread = (f"; it holds {', '.join(f.name for f in skipped[:5])}{' ...' if len(skipped) > 5 else ''}, "
              f"which samspil cannot read: {SAVE_AS.replace(' it ', ' them ')}") if skipped else ""
    raise click.ClickException(
        f"{where}: no agreements found (looked for .txt, .md, .docx and .pdf files"
        f"{', and report .json files' if click.get_current_context().info_name == 'load' else ''}"
        f"){unread or '; give the files, or the folder that holds them'}")


def jobs_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--jobs N``: worker processes for extracting a batch of files."""
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=1), default=None,
        help="Worker processes for extraction (default: one per core for batches of "
             "4 MB or more, else 1).")(fn)


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one clear line on stderr and a non-zero exit."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SamspilError as exc:
            msg = str(exc)
            if isinstance(exc, Ambiguous) and exc.candidates:
                from samspil.graph.lookup import candidate_lines
                cands = _told_apart(exc.candidates, kwargs)
                msg += "\n  candidates:\n" + "\n".join(f"    {c}" for c in candidate_lines(cands))
            raise click.ClickException(msg) from exc

    return wrapper


def _told_apart(candidates: list[Any], kwargs: dict[str, Any]) -> list[Any]:
    """An ambiguous name's candidates, each with the line ``samspil search`` shows for it
    (:func:`where_they_belong`), read from the command's store: an analysis resolves a
    name in the part of the graph it reads, which may not hold the plans' municipalities
    or a node's neighbours. The candidates as raised when the store cannot tell more."""
    if "data_dir" not in kwargs or not all(isinstance(c, dict) for c in candidates):
        return candidates
    from samspil.cli.graph_cmds import store_from
    try:
        with store_from(kwargs["data_dir"]) as store:
            told = where_they_belong(store, [c["id"] for c in candidates])
    except Exception:  # noqa: BLE001 - the error being reported matters, not this one
        return candidates
    return [{**c, "context": told.get(c["id"]) or c.get("context", "")} for c in candidates]


def without_gc(fn: Callable[..., Any]) -> Callable[..., Any]:
    """No cyclic garbage collection while a reading command runs. It builds a graph of
    hundreds of thousands of dicts once and then only reads it; the collector would
    walk all of them again on each full pass (1-1.5 s per command at 1,000 plans)
    and free nothing. Restored afterwards (commands also run inside tests)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        was_on = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()

    return wrapper


def to_jsonable(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {k: to_jsonable(v) for k, v in dataclasses.asdict(obj).items()}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in obj]
    return obj


def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--json`` / ``--csv`` / ``--evidence``; the default is a readable table."""
    fn = click.option("--evidence", is_flag=True,
                      help="Show the document, line/page and excerpt behind every row.")(fn)
    fn = click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")(fn)
    fn = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(fn)
    return fn


TABLE_ROWS = 40  # rows a terminal table shows before it points to --all / --csv / --json


def emit(rows: Sequence[dict[str, Any]], *, columns: Sequence[str], as_json: bool = False,
         as_csv: bool = False, title: str | None = None, payload: Any = None,
         most: int | None = None, summary: str | None = None) -> None:
    """Print ``rows`` as a rich table, JSON (``payload`` if given) or CSV. A table of
    more than ``most`` rows shows the first ``most``, the count per ``summary`` column
    and where the rest are (drawing 15,000 rows took seconds and helped no reader)."""
    if as_json:
        click.echo(json.dumps(to_jsonable(payload if payload is not None else list(rows)),
                              ensure_ascii=False, indent=2))
        return
    if as_csv:
        w = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({c: "; ".join(cell_text(r.get(c)).splitlines()) for c in columns})  # a row per line
        return
    if not rows:  # say so: an empty frame reads like a rendering fault
        click.echo(f"{title}: none" if title else "none")
        return
    cut = most is not None and len(rows) > most
    footer = _footer(rows, most, summary, title) if cut else None
    rows = rows[:most] if cut else rows
    _table(rows, columns, title)
    if footer:
        click.echo(footer)


def _footer(rows: Sequence[dict[str, Any]], most: int | None, summary: str | None,
            title: str | None) -> str:
    counts: dict[str, int] = {}
    for r in rows if summary else ():
        counts[str(r.get(summary))] = counts.get(str(r.get(summary)), 0) + 1
    what = (title[:1].lower() + title[1:]) if title else "rows"  # ("partners of KAB": names keep their case)
    line = f"the first {most} of {len(rows):,} {what}"
    if counts:
        line += " (" + ", ".join(f"{k}: {v:,}" for k, v in
                                 sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))) + ")"
    return line + "; --all prints every row here, --csv or --json every row for a file or a program"


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str | None) -> None:
    from rich.table import Table

    cells = [[cell_text(r.get(c)) for c in columns] for r in rows]
    headers = [c.replace("_", " ") for c in columns]
    natural = [max([len(h)] + [max((len(x) for x in row[k].splitlines()), default=0) for row in cells])
               for k, h in enumerate(headers)]
    # ids, dates and numbers are never broken; text columns wrap at spaces
    atomic = [all(len(row[k].split()) <= 1 for row in cells) and natural[k] <= ATOMIC_MAX
              for k in range(len(columns))]
    console = _console_class()(soft_wrap=False)
    if not console.is_terminal:  # piped or redirected: the table's natural width, not 80 columns
        console = _console_class()(soft_wrap=False, width=max(80, min(_frame(natural), 400)))
    # a text column is never narrower than its longest word (up to WORD_MAX): words wrap
    # whole ("konflikthåndtering", not "konflikthåndterin" / "g")
    words = [max((len(w) for row in cells for w in row[k].split()), default=0) for k in range(len(columns))]
    least = [n if a else min(n, max(TEXT_MIN, min(w, WORD_MAX))) for n, a, w in zip(natural, atomic, words)]
    widths = _fit(natural, least, console.width)
    if widths is None:  # too wide to read as a table here: one block per row
        _print_records(console, headers, cells, title)
        return
    # the widths are ours, not rich's: its own shrinking, when two text columns are
    # as wide, cut the table at the terminal's edge instead of wrapping it
    table = Table(title=title, show_lines=False)
    for k, h in enumerate(headers):
        table.add_column(h, no_wrap=atomic[k], overflow="fold", width=widths[k])
    for row in cells:
        table.add_row(*row)
    console.print(table)


@functools.lru_cache(maxsize=1)
def _console_class() -> type:
    """rich's Console, but a reader that stops reading (`samspil gaps | head`) is not a
    failure of the command (rich exits 1, as click does; cli.main handles other writes)."""
    from rich.console import Console

    class QuietOnBrokenPipe(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            stdout_to_nowhere()
            raise SystemExit(0)
    return QuietOnBrokenPipe


def stdout_to_nowhere() -> None:
    """What is left to write goes nowhere: the reader stopped reading (`samspil gaps |
    head`), which is no failure of the command."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


ATOMIC_MAX = 60  # a cell without spaces up to this long is kept on one line
TEXT_MIN = 16  # narrowest a text column may get before rows are printed as blocks
WORD_MAX = 30  # a longer word (a file name, an address) may be broken to fit; Danish compounds are not


def _fit(natural: Sequence[int], least: Sequence[int], width: int) -> list[int] | None:
    """Column widths for a table ``width`` characters wide: every column its natural
    width if that fits, else the widest columns shrink first, none below its least;
    None when even the least widths do not fit.

    >>> _fit([10, 40, 30], [10, 16, 16], 100)
    [10, 40, 30]
    >>> _fit([10, 40, 30], [10, 16, 16], 60)
    [10, 20, 20]
    >>> _fit([10, 40, 30], [10, 16, 16], 40) is None
    True
    """
    if _frame(least) > width:
        return None
    if _frame(natural) <= width:
        return list(natural)
    room = width - _frame([0] * len(natural))
    lo, hi = 0, max(natural)  # the largest cap on a column's width that still fits
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sum(max(m, min(n, mid)) for n, m in zip(natural, least)) <= room:
            lo = mid
        else:
            hi = mid - 1
    widths = [max(m, min(n, lo)) for n, m in zip(natural, least)]
    spare = room - sum(widths)
    for k in sorted(range(len(widths)), key=lambda k: -natural[k]):  # what is left, to the widest
        if spare > 0 and widths[k] < natural[k]:
            widths[k] += 1
            spare -= 1
    return widths


def _frame(widths: Sequence[int]) -> int:
    """Characters a table with these column widths needs (borders and padding included)."""
    return sum(widths) + 3 * len(widths) + 1


def _print_records(console: Any, headers: Sequence[str], cells: list[list[str]], title: str | None) -> None:
    """Rows as 'header: value' blocks (first column as the block's heading), for narrow terminals."""
    from rich.text import Text

    if title:
        console.print(Text(title, style="bold"))
    width = max(len(h) for h in headers[1:]) if len(headers) > 1 else 0
    for row in cells:
        console.print(Text(row[0], style="bold"), soft_wrap=True)
        for h, v in zip(headers[1:], row[1:]):
            if v:
                console.print(Text(f"  {h + ':':<{width + 1}} {v}"), soft_wrap=True)


def cell_text(v: Any) -> str:
    """One value as text a person reads: lists joined with '; ', floats to 3 places."""
    if v is None:
        return ""
    if isinstance(v, (list, tuple, set)):
        return "; ".join(cell_text(x) for x in v)
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def lookup(store: Any, ref: str, label: str | None = None, names: Any = None) -> str:
    """The node ``ref`` names in the store (``resolve_ref`` on its names part); the
    candidates of an ambiguous name say what tells them apart (two persons called
    "Anne Holm": title, organisation, plans, e-mail domain), read around them."""
    from samspil.graph.lookup import resolve_ref
    from samspil.graph.snapshot import NAMES
    from samspil.graph.store import load_part

    names = names if names is not None else load_part(store, NAMES)
    return resolve_ref(names, ref, label, describe=lambda ids: where_they_belong(store, ids))


def where_they_belong(store: Any, ids: list[str]) -> dict[str, str]:
    """``{id: context}``: the line ``samspil search`` shows for each of ``ids`` (the
    organisation it is a unit of, municipalities, plans; a person's role), which tells an
    ambiguous name's candidates apart."""
    from samspil.graph.answers import cached_answer
    from samspil.graph.lookup import plan_documents
    from samspil.graph.store import plan_rows

    rows = [{"id": i} for i in ids]
    search_context(store, rows)
    told = {r["id"]: r["context"] for r in rows if "context" in r}
    if any(i.startswith("plan:") for i in ids):   # two plans of one name: two documents' readings
        docs = {p.id: p.documents for p in cached_answer(store, ("plans", 2), lambda: plan_rows(store))}
        told.update({i: " · ".join(x for x in (told.get(i, ""), plan_documents(docs[i])) if x)
                     for i in ids if docs.get(i)})
    return told


def about_twins(store: Any, rows: list[dict[str, Any]]) -> bool:
    """Give rows of one label and name (``id``, ``label``, ``name``) an ``about``
    column: what tells them apart (:mod:`samspil.graph.distinguish`). True if any has one."""
    from samspil.graph.distinguish import describer
    from samspil.graph.store import load_around

    seen: dict[tuple[str, str], int] = {}
    for r in rows:
        seen[(r["label"], r["name"])] = seen.get((r["label"], r["name"]), 0) + 1
    twins = [r["id"] for r in rows if seen[(r["label"], r["name"])] > 1]
    told = describer(lambda ids: load_around(store, ids))(twins) if twins else {}
    for r in rows:
        r["about"] = told.get(r["id"], "")
    return any(told.values())



PLANS_SHOWN = 5      # a hit's plans in ``--json`` (``plan_count`` says how many there are)


def search_context(store: Any, rows: list[dict[str, Any]]) -> None:
    """Give search rows (``id``, ``label``, ``name``) what the API's search hits carry:
    ``context`` (one line: the organisation it is a unit of, municipalities, plans; a
    plan's municipality and period; a person's role), ``municipalities``, ``plans``,
    ``plan_count`` and ``parents``. Read with indexed queries: the hits with their
    neighbours (``load_around``: an activity names its plan) and the plans' rows (kept
    per graph, as ``samspil plans`` reads them); nothing scans the graph."""
    from samspil.graph.answers import cached_answer
    from samspil.graph.distinguish import about_in, context, documents_of
    from samspil.graph.lookup import fold
    from samspil.graph.store import load_around, plan_rows

    if not rows:
        return
    near = load_around(store, [r["id"] for r in rows])
    plans = {p.id: p for p in cached_answer(store, ("plans", 2), lambda: plan_rows(store))}
    doc_plans: dict[str, list[str]] = {}
    for p in plans.values():
        for doc in p.documents:
            doc_plans.setdefault(doc, []).append(p.id)
    succ, pred = near.g._succ, near.g._pred
    for r in rows:
        nid = r["id"]
        if nid not in near:
            continue
        d = near.node(nid)
        pids: set[str] = set()
        if d["label"] != "Plan":
            for other in {*succ[nid], *pred[nid]}:
                o = near.node(other)
                if o["label"] == "Plan":
                    pids.add(other)
                elif o["label"] == "Activity" and o.get("plan"):
                    pids.add(o["plan"])
        ordered = sorted((p for p in pids if p in plans), key=lambda p: (fold(plans[p].name), p))
        munis = sorted({plans[p].municipality for p in ordered} - {None}, key=str.casefold)
        docs: list[str] = []
        if d["label"] == "Plan":
            munis = [d["municipality"]] if d.get("municipality") else []
        elif not ordered:
            docs = documents_of(d)
            munis = sorted({plans[p].municipality for doc in docs for p in doc_plans.get(doc, ())}
                           - {None}, key=str.casefold)
        parents = [(v, near.node(v).get("name") or v) for v, keys in succ[nid].items() if "UNIT_OF" in keys]
        shown = [(p, plans[p].name, plans[p].municipality) for p in ordered[:PLANS_SHOWN]]
        r["context"] = context(d, parents=[n for _v, n in parents], plans=shown,
                               plan_count=len(ordered), municipalities=munis, documents=docs,
                               about_text=about_in(near, nid) if d["label"] == "Person" else "")
        r["municipalities"] = munis
        r["plans"] = [{"id": p, "name": n} for p, n, _m in shown]
        r["plan_count"] = len(ordered)
        r["parents"] = [{"id": v, "name": n} for v, n in parents]
