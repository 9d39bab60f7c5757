"""Shared CLI pieces: error translation and output options."""
from __future__ import annotations

import csv
import dataclasses
import functools
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from samspil.loaders.errors import Ambiguous, SamspilError

__all__ = ["handle_errors", "output_options", "emit", "to_jsonable"]


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one clear line on stderr and a non-zero exit."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SamspilError as exc:
            msg = str(exc)
            if isinstance(exc, Ambiguous) and exc.candidates:
                msg += "\n  candidates:\n" + "\n".join(f"    {c}" for c in exc.candidates)
            raise click.ClickException(msg) from exc

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


def emit(rows: Sequence[dict[str, Any]], *, columns: Sequence[str], as_json: bool = False,
         as_csv: bool = False, title: str | None = None, payload: Any = None) -> None:
    """Print ``rows`` as a rich table, JSON (``payload`` if given) or CSV."""
    if as_json:
        click.echo(json.dumps(to_jsonable(payload if payload is not None else list(rows)),
                              ensure_ascii=False, indent=2))
        return
    if as_csv:
        w = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({c: _cell(r.get(c)) for c in columns})
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for c in columns:
        table.add_column(c.replace("_", " "), overflow="fold")
    for r in rows:
        table.add_row(*[_cell(r.get(c)) for c in columns])
    Console(soft_wrap=False).print(table)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple, set)):
        return "; ".join(_cell(x) for x in v)
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)
