"""Graph commands: load, stats, plans, show, search, explain, forget, forget-person, export.

Each is a few lines around one call into :mod:`samspil.graph`; formatting of
the results lives in the small ``_print_*`` helpers below.
"""
from __future__ import annotations

import codecs
import itertools
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from samspil.cli.common import (TABLE_ROWS, about_twins, cell_text, emit, handle_errors, jobs_option,
                                lookup, output_options, require_agreements, search_context,
                                without_gc)
from samspil.cli.main import cli
from samspil.graph import queries
from samspil.graph.export import FORMATS, export_graph
from samspil.graph.answers import cached_answer
from samspil.loaders.errors import Ambiguous
from samspil.graph.snapshot import NAMES, GraphPart
from samspil.graph.store import (GraphStore, SaveSummary, graph_summary, load_around, load_part,
                                 open_store, plan_rows)

__all__ = ["data_dir_option", "settings_for", "store_from"]


def data_dir_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``--data-dir``: folder of the embedded store and overrides file (SAMSPIL_DATA_DIR)."""
    return click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path),
                        default=None, envvar="SAMSPIL_DATA_DIR", show_envvar=True,
                        help="Folder of the store (default: the user data folder).")(fn)


def settings_for(data_dir: Path | None):
    """The settings, with ``--data-dir`` applied."""
    from samspil.graph.settings import get_settings

    settings = get_settings()
    return settings.model_copy(update={"data_dir": data_dir}) if data_dir is not None else settings


def require_store_folder(settings: Any) -> None:
    """A reading command never creates a store: a store folder that does not exist (a
    mistyped ``--data-dir`` or SAMSPIL_DATA_DIR, or no load yet) is refused, naming it."""
    if (settings.store or "embedded").lower() not in ("embedded", "sqlite") or settings.data_dir.is_dir():
        return
    raise click.ClickException(
        f"no store at {settings.data_dir}: the folder does not exist. Check --data-dir or "
        f"SAMSPIL_DATA_DIR; to make a store there, load agreements into it with "
        f"`samspil load --data-dir {settings.data_dir} FILE...` (`samspil explore` loads the bundled ones).")


def is_new_store(settings: Any) -> bool:
    """True when saving will create the embedded store (its file does not exist yet)."""
    return (settings.store or "embedded").lower() in ("embedded", "sqlite") and not settings.sqlite_path.exists()


@contextmanager
def store_from(data_dir: Path | None, *, reading: bool = True) -> Iterator[GraphStore]:
    """The configured store, with ``--data-dir`` applied; closed afterwards.

    A reading command refuses a store folder that does not exist (:func:`require_store_folder`);
    when it finds the store empty it says so on stderr, with the store's location: an
    empty table would otherwise read as "nothing found". A writing command that creates
    the store says so."""
    settings = settings_for(data_dir)
    if reading:
        require_store_folder(settings)
    new = not reading and is_new_store(settings)
    store = open_store(settings)
    if new:
        click.echo(f"created a new store at {settings.sqlite_path}", err=True)
    store.read_only = reading      # a reading command never writes (a stale graph is built in memory)
    try:
        if reading and not store.documents():
            where = settings.sqlite_path if (settings.store or "embedded") in ("embedded", "sqlite") \
                else settings.neo4j_uri
            click.echo(f"note: the store at {where} holds no documents yet; load agreements with "
                       f"`samspil load FILE...` (or choose another store with --data-dir)", err=True)
        yield store
    finally:
        store.close()


LARGE_FILE = 1_000_000     # bytes: a file this large is announced while it is read


class _Feed:
    """Reports of the good files (a progress bar on stderr for many files; a line before
    and after each large file, which may take a minute); errors to stderr."""

    def __init__(self, results: Iterable[Any], total: int, files: Sequence[Path] = ()) -> None:
        self.results, self.total, self.failed = results, total, 0
        self.files = list(files)

    def _large(self, i: int) -> tuple[Path, int] | None:
        """The ``i``-th file and its size when it is large (results come in file order)."""
        if i >= len(self.files):
            return None
        try:
            size = self.files[i].stat().st_size
        except OSError:
            return None
        return (self.files[i], size) if size >= LARGE_FILE else None

    def __iter__(self) -> Iterator[Any]:
        from rich.console import Console
        from rich.progress import Progress

        console = Console(stderr=True)
        # drawn on a terminal only: piped, a transient bar still left an empty line
        with Progress(console=console, transient=True,
                      disable=self.total < 5 or not console.is_terminal) as bar:
            task = bar.add_task("loading", total=self.total)
            results = iter(self.results)
            for i in itertools.count():
                large = self._large(i)
                if large:      # a 15 MB text read for a minute with nothing said (session 21)
                    bar.console.print(f"reading {large[0]} ({large[1] / 1e6:.1f} MB): a large file "
                                      "takes a while ...", markup=False, highlight=False, soft_wrap=True)
                    started = time.monotonic()
                r = next(results, None)
                if r is None:
                    break
                if large:
                    bar.console.print(f"read {large[0]} in {time.monotonic() - started:.0f} s",
                                      markup=False, highlight=False, soft_wrap=True)
                bar.advance(task)
                if r.ok:
                    for w in r.report.warnings:
                        bar.console.print(f"warning: {r.path}: {w}", markup=False, highlight=False,
                                          soft_wrap=True)
                    yield r.report
                else:
                    self.failed += 1
                    bar.console.print(f"error: {r.error}", markup=False, highlight=False,
                                      soft_wrap=True)


def _summary_line(s: SaveSummary, failed: int = 0, skipped: int = 0) -> str:
    return (f"documents: {len(s.added)} added, {len(s.replaced)} replaced, "
            f"{len(s.unchanged)} unchanged{f', {failed} failed (see the errors above)' if failed else ''}"
            f"{f'; {skipped} other file(s) skipped (see the warnings above)' if skipped else ''}\n"
            f"graph: {s.nodes} nodes ({s.nodes - s.nodes_before:+d}), {s.edges} relationships "
            f"({s.edges - s.edges_before:+d}); {s.merged} organisations/persons merged "
            "across documents")


def _files(paths: Iterable[Path]) -> list[Path]:
    """Agreement files as the loaders expand them, plus report JSON files (``*.json``)."""
    from samspil.loaders.pipeline import expand_paths

    out: list[Path] = []
    for p in paths:
        out += sorted(p.glob("*.json")) if p.is_dir() else []
        out += [p] if p.suffix.lower() == ".json" else expand_paths([p])
    return out


def _results(files: list[Path], jobs: int | None = None) -> Iterator[Any]:
    """Extraction results in file order (agreements extracted by ``jobs`` worker
    processes); a ``.json`` file is a report written by ``samspil extract --json``,
    validated against the report model before anything is stored."""
    from samspil.loaders.errors import SamspilError
    from samspil.loaders.pipeline import FileResult, extract_paths, require_findings
    from samspil.loaders.validate import read_report_file

    extracted = extract_paths([f for f in files if f.suffix.lower() != ".json"], jobs=jobs)
    for f in files:
        if f.suffix.lower() != ".json":
            yield next(extracted)
            continue
        try:
            yield FileResult(f, report=require_findings(read_report_file(f), str(f)))
        except SamspilError as exc:
            yield FileResult(f, error=exc)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@data_dir_option
@jobs_option
@handle_errors
def load(paths: tuple[Path, ...], data_dir: Path | None, jobs: int | None) -> None:
    """Extract agreement files (or folders of them) and load them into the graph store.

    PATHS are .txt, .md, .docx, .pdf files, folders of them, or report JSON files
    written by `samspil extract --json` / `--out`. Other files in a folder are skipped,
    each named with the reason on stderr, and counted in the summary.

    Re-loading a document replaces what it contributed; unchanged documents are skipped.
    Exits non-zero when any file could not be extracted; the others are still loaded.
    """
    files = _files(paths)
    skipped = require_agreements(paths, files)
    feed = _Feed(_results(files, jobs), len(files), files)
    reports: Iterable[Any] = feed
    settings = settings_for(data_dir)
    if is_new_store(settings):
        # a store is made for something to store: a batch of bad files leaves no empty
        # store (and no folder) behind that later commands would take for the user's
        reports = iter(feed)
        first = next(reports, None)
        if first is None:
            click.echo(f"documents: 0 added, {feed.failed} failed (see the errors above); "
                       f"nothing was stored, and no store was created at {settings.sqlite_path}")
            sys.exit(1 if feed.failed else 0)
        reports = itertools.chain([first], reports)
    with store_from(data_dir, reading=False) as store:
        summary = store.save(reports)
    click.echo(_summary_line(summary, feed.failed, len(skipped)))
    if feed.failed:
        sys.exit(1)


@cli.command()
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
@without_gc
def stats(data_dir: Path | None, as_json: bool) -> None:
    """Counts of nodes and relationships in the store."""
    with store_from(data_dir) as store:
        s = queries.stats_from_summary(graph_summary(store))
    rows = [{"kind": k, "count": v} for k, v in {**s.nodes, **s.relationships}.items()]
    rows += [{"kind": "organisations in several documents", "count": s.cross_document_organisations},
             {"kind": "persons in several documents", "count": s.cross_document_persons}]
    emit(rows, columns=["kind", "count"], as_json=as_json, payload=s, title="samspil graph")


@cli.command()
@data_dir_option
@output_options
@click.option("--all", "show_all", is_flag=True,
              help=f"Print every plan as a table (default: the first {TABLE_ROWS} and a count).")
@handle_errors
@without_gc
def plans(data_dir: Path | None, as_json: bool, as_csv: bool, evidence: bool,
          show_all: bool) -> None:
    """The loaded plans: type, period, signing parties, how many partners (named as
    the plan's partners), activity partners (organisations in its activities that are
    neither party nor partner) and activities, and the documents they were read from.

    Plans are listed by the start of their period, the earliest first (a plan whose
    period is not known comes last), then by name."""
    with store_from(data_dir) as store:
        rows = cached_answer(store, ("plans", 2), lambda: plan_rows(store))
    emit([r.__dict__ for r in rows], columns=["id", "name", "document_type", "period_start",
                                              "period_end", "parties", "partners",
                                              "activity_partners", "activities", "documents"],
         as_json=as_json, as_csv=as_csv, payload=rows, title="plans",
         most=None if show_all else TABLE_ROWS, summary="document_type")


@cli.command()
@click.argument("ref")
@data_dir_option
@output_options
@handle_errors
@without_gc
def show(ref: str, data_dir: Path | None, as_json: bool, as_csv: bool, evidence: bool) -> None:
    """One node (id, name or unambiguous prefix) with its properties and relationships."""
    with store_from(data_dir) as store:
        nid = lookup(store, ref)
        view = queries.show(load_around(store, nid), nid)
    if as_json:
        return emit([], columns=[], as_json=True, payload=view)
    click.echo(f"{view.id}  [{view.label}]  {view.name}")
    for k, v in view.properties.items():
        if v not in (None, [], ""):
            click.echo(f"  {k}: {cell_text(v)}")
    rows = [{"dir": "->" if x.direction == "out" else "<-", "type": x.type, "node": x.other,
             "name": x.other_name, "evidence": _evidence(x.sources) if evidence else ""}
            for x in view.links]
    emit(rows, columns=["dir", "type", "node", "name"] + (["evidence"] if evidence else []),
         as_csv=as_csv)


def _evidence(sources: Iterable[dict[str, Any]]) -> str:
    out = []
    for s in sources:
        where = s.get("document", "?") + (f":{s['line']}" if s.get("line") else
                                          f" p.{s['page']}" if s.get("page") else "")
        out.append(f"{where} {' '.join(str(s.get('excerpt') or '').split())[:70]}".strip())
    return "\n".join(out)


@cli.command()
@click.argument("text")
@click.option("--label", help="Only nodes of this label (Organisation, Person, Plan, ...).")
@data_dir_option
@output_options
@handle_errors
@without_gc
def search(text: str, label: str | None, data_dir: Path | None, as_json: bool, as_csv: bool,
           evidence: bool) -> None:
    """Find nodes whose name, alias or id contains TEXT. Each hit says where it belongs
    (context: the organisation it is a unit of, municipality, plans; a plan's municipality
    and period; a person's role), so that hits of one name can be told apart."""
    with store_from(data_dir) as store:
        hits = queries.search(load_part(store, NAMES), text, label)
        rows = [dict(h.__dict__) for h in hits]
        told = about_twins(store, rows)     # two "Anne Holm"s: what tells them apart
        search_context(store, rows)         # twelve "Sundhedsplejen"s: where each belongs
    if not told:
        for r in rows:
            r.pop("about", None)
    # the table shows the context (a person's holds their ``about``); CSV keeps ``about``
    about = ["about"] if told and as_csv else []
    emit(rows, columns=["id", "label", "name", "matched"] + about + ["context"],
         as_json=as_json, as_csv=as_csv, payload=rows, title=f"search: {text}")


@cli.command()
@click.argument("ref")
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the mentions as CSV.")
@handle_errors
@without_gc
def explain(ref: str, data_dir: Path | None, as_json: bool, as_csv: bool) -> None:
    """Which names from which documents were merged into a node, and by which rule."""
    with store_from(data_dir) as store:
        names = load_part(store, NAMES)
        nid = lookup(store, ref, names=names)
        ex = queries.explain(load_part(store, GraphPart.of(labels=[names.node(nid)["label"]])), nid)
    if as_json:
        return emit([], columns=[], as_json=True, payload=ex)
    rows = [{**m, "id": ex.id, "where": m.get("line") or (f"p.{m['page']}" if m.get("page") else ""),
             "also written": "; ".join(m.get("written_as") or [])} for m in ex.mentions]
    if as_csv:
        return emit(rows, columns=["id", "document", "where", "name", "also written", "rule"], as_csv=True)
    click.echo(f"{ex.id}  [{ex.label}]  {ex.name}: {len(ex.mentions)} mention(s) "
               f"in {len(ex.documents)} document(s)")
    emit(rows, columns=["document", "where", "name", "also written", "rule"], title="mentions")
    if ex.merges:
        emit(list(ex.merges), columns=["left", "right", "rule"], title="merges")


@cli.command()
@click.argument("document")
@data_dir_option
@handle_errors
def forget(document: str, data_dir: Path | None) -> None:
    """Remove DOCUMENT (its id or file name) and everything only it contributed."""
    with store_from(data_dir) as store:
        store.forget(document)
    click.echo(f"forgot {document}")


@cli.command("forget-person")
@click.argument("ref", metavar="EMAIL|ID")
@data_dir_option
@handle_errors
def forget_person(ref: str, data_dir: Path | None) -> None:
    """Remove a person and their personal data everywhere (a data-protection request).

    An e-mail address is also scrubbed from every excerpt and field it is still written
    in, also when no person carries it; the output says where it was, or that it occurs
    nowhere in the store."""
    from samspil.graph.people import forget_contact

    with store_from(data_dir) as store:
        try:
            done = forget_contact(store, ref)
        except Ambiguous:      # the same error, its candidates told apart
            lookup(store, ref, "Person")
            raise
    click.echo(_forgotten_text(done))


def _forgotten_text(done: Any) -> str:
    """What ``forget-person`` did, for a person to read."""
    if done.nothing:
        return (f"{done.ref} occurs nowhere in the store: no person carries it and no excerpt "
                "or field holds it; nothing was changed")
    lines = [f"forgot {done.person}; re-loading a document will not bring them back"
             if done.person else f"no person carries {done.ref}, but it was written in the "
                                 "stored documents:"]
    if done.scrubbed:
        if done.person:
            lines.append(f"also scrubbed {done.ref} where it was still written:")
        for p in done.scrubbed:
            lines.append(f"  {p.document} ({p.field}): {p.count}")
        total = sum(p.count for p in done.scrubbed)
        lines.append(f"scrubbed {total} place(s) in {len({p.document for p in done.scrubbed})} "
                     "document(s), replaced by [removed]; re-loading a document will not bring "
                     "the address back")
    return "\n".join(lines)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="node-link", show_default=True)
@click.option("-o", "--output", type=click.Path(allow_dash=True), default="-",
              help="Output file ('-' = stdout); for neo4j-csv a folder.")
@click.option("--redact", is_flag=True,
              help="No names, e-mails or phones of contact persons (a person becomes their role).")
@data_dir_option
@handle_errors
@without_gc
def export(fmt: str, output: str, redact: bool, data_dir: Path | None) -> None:
    """Export the whole graph as node-link JSON, GraphML, GEXF 1.3 (Gephi), CSV, or a
    folder of neo4j-admin import files (neo4j-csv)."""
    with store_from(data_dir) as store:
        graph = store.load()
    if redact:
        from samspil.viz.redact import redact as redact_graph
        graph = redact_graph(graph)
    if fmt == "neo4j-csv":
        return _export_neo4j(graph, output)
    if Path(output).is_dir():
        raise click.UsageError(f"{output} is a folder; give a file name with -o (a folder is "
                               "only for --format neo4j-csv)")
    data = export_graph(graph, fmt)
    if fmt == "csv" and output != "-":  # a byte-order mark: Excel then reads the file as UTF-8
        data = codecs.BOM_UTF8 + data
    with click.open_file(output, "wb") as fh:
        fh.write(data)


def _export_neo4j(graph: Any, output: str) -> None:
    from samspil.graph.export import write_neo4j_csv

    if output == "-" or (Path(output).exists() and not Path(output).is_dir()):
        raise click.UsageError("--format neo4j-csv writes a folder of files: give one with -o "
                               "(e.g. -o neo4j-import)")
    files = write_neo4j_csv(graph, output)
    nodes = " ".join(f"--nodes={f}" for f in files if f.name.startswith("nodes_"))
    rels = " ".join(f"--relationships={f}" for f in files if f.name.startswith("relationships_"))
    click.echo(f"wrote {len(files)} files to {output}; load them into a fresh database with:\n"
               f"  neo4j-admin database import full {nodes} {rels} neo4j", err=True)
