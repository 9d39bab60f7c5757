"""``samspil doctor``: check the embedded store file, and repair it from its reports."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from samspil.cli.common import emit, handle_errors
from samspil.cli.graph_cmds import data_dir_option, settings_for
from samspil.cli.main import cli

__all__ = ["doctor"]


@cli.command()
@data_dir_option
@click.option("--repair", is_flag=True,
              help="Rebuild the store from its readable, valid reports; the old file is kept "
                   "beside it and reports that cannot be used are written to a .jsonl file.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def doctor(data_dir: Path | None, repair: bool, as_json: bool) -> None:
    """Check the embedded store: SQLite's integrity check, the store format, every stored
    report against the report model, the graph's properties. Exits 1 on a problem."""
    from samspil.graph.doctor import check_store, repair_store

    settings = settings_for(data_dir)
    path = settings.sqlite_path
    result = repair_store(path, settings.overrides_path) if repair else check_store(path)
    rows = [f.__dict__ for f in result.findings]
    if as_json:
        emit([], columns=[], as_json=True, payload=result)
    else:
        if rows:
            emit(rows, columns=["what", "document", "problem"], title=f"{path}: {result.documents} document(s)")
        else:  # ("...: 9 document(s): none" read as if no document was found)
            click.echo(f"{path}: {result.documents} document(s), no problems found")
        if result.repaired:
            click.echo(f"rebuilt {path} from {result.documents} report(s); kept: "
                       + ", ".join(result.kept))
        elif not result.ok:
            click.echo("repair with `samspil doctor --repair` (nothing is deleted), "
                       "or restore the file from a backup", err=True)
    if not result.ok and not result.repaired:
        sys.exit(1)
