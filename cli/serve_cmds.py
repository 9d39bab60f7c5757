"""``samspil serve``, ``samspil explore`` and ``samspil viz``: the web app and views."""
from __future__ import annotations

import socket
import sys
from pathlib import Path

import click

from samspil.cli.analysis_cmds import load_graph
from samspil.cli.common import handle_errors
from samspil.cli.graph_cmds import data_dir_option, settings_for
from samspil.cli.main import cli

__all__ = ["serve", "explore", "viz", "free_port"]


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _port(host: str, port: int) -> int:
    """``port`` if it is free (0: any free one). A busy default port moves to a free one
    (with a note on stderr); a busy port the user asked for is an error."""
    if port == 0:
        return free_port(host)
    with socket.socket() as s:
        try:
            s.bind((host, port))
            return port
        except OSError:
            source = click.get_current_context().get_parameter_source("port")
            if source is not None and source.name != "DEFAULT":
                raise click.ClickException(
                    f"port {port} on {host} is in use; choose another with --port "
                    "(or --port 0 for any free one)") from None
            other = free_port(host)
            click.echo(f"port {port} is in use; using {other}", err=True)
            return other


def _run(app, host: str, port: int) -> None:
    import uvicorn

    class Server(uvicorn.Server):
        """Says its address once it listens: by then Ctrl+C is uvicorn's to handle (a
        Ctrl+C between an address printed first and uvicorn's signal handlers was lost,
        and the server kept running), and the address answers at once."""

        async def startup(self, sockets=None) -> None:  # noqa: ANN001
            await super().startup(sockets=sockets)
            if self.started:
                click.echo(f"samspil explorer: http://{host}:{port}/   API docs: "
                           f"http://{host}:{port}/docs   (Ctrl+C stops)", err=False)
                sys.stdout.flush()

    # requests still running 3 s after SIGTERM / Ctrl+C are cut off (an upload's
    # extraction runs in a daemon thread and does not hold the process either)
    # a request line with raw æ, ø, å (curl "...?q=Skærbæk") is encoded, not refused
    from samspil.api.http_protocol import http_protocol
    server = Server(uvicorn.Config(app, host=host, port=port, log_level="warning",
                                   timeout_graceful_shutdown=3, http=http_protocol()))
    try:
        server.run()
    except KeyboardInterrupt:     # uvicorn raises the Ctrl+C again once it has stopped
        pass                      # (as uvicorn.run does)
    if not server.started:
        sys.exit(3)               # uvicorn's STARTUP_FAILURE


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8765, show_default=True, type=int, help="Port (0 = any free one).")
@data_dir_option
@handle_errors
def serve(host: str, port: int, data_dir: Path | None) -> None:
    """Serve the API (/api/, docs at /docs) and the explorer (/) over the configured store."""
    from samspil.api.app import create_app
    from samspil.cli.graph_cmds import require_store_folder
    settings = settings_for(data_dir)
    require_store_folder(settings)
    _run(create_app(settings=settings, open_default_store=True), host,
         _port(host, port))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8765, show_default=True, type=int, help="Port (0 = any free one).")
@click.option("--fresh", is_flag=True,
              help="Forget the documents the store already holds before loading PATHS.")
@data_dir_option
@handle_errors
def explore(paths: tuple[Path, ...], host: str, port: int, fresh: bool,
            data_dir: Path | None) -> None:
    """Load agreements (default: the five bundled seeds) into the embedded store and open
    the explorer: the one command to start with.

    When the store already holds other documents than PATHS, it stops and says so:
    --fresh forgets them first, --data-dir keeps a separate store."""
    from samspil.api.app import create_app, default_store
    from samspil.api.explore import load_into, others_in

    settings = settings_for(data_dir)
    store = default_store(settings)
    port = _port(host, port)
    others = others_in(store, paths)
    if others and not fresh:
        store.close()
        raise click.ClickException(
            f"the store at {settings.sqlite_path} already holds {len(others)} other "
            f"document(s) ({', '.join(others[:3])}{', ...' if len(others) > 3 else ''}); "
            "they would be mixed with these. To explore what the store holds, run "
            "`samspil serve`; to explore only these, add --data-dir DIR (a separate store); "
            "--fresh deletes those documents from this store first.")
    for doc in others:
        store.forget(doc)
    if paths:
        from samspil.cli.common import say_skipped, skipped_files
        from samspil.loaders.pipeline import expand_paths
        say_skipped(skipped_files(paths, expand_paths(paths), reports=False))
    click.echo(load_into(store, paths), err=True)
    _run(create_app(store, settings), host, port)


@cli.command()
@click.argument("kind", type=click.Choice(["plan-network", "copartnership", "ego", "overlap", "gaps"]))
@click.argument("ref", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
              default=None,
              help="File to write: .html (a page), .svg, .png (300 dpi) or .pdf; without it "
                   "(or with -) the view goes to stdout: the embeddable snippet with "
                   "--fragment, else the page (or --format svg|png|pdf, piped).")
@click.option("--format", "fmt", type=click.Choice(["html", "svg", "png", "pdf"]), default=None,
              help="Output format (default: from the file suffix).")
@click.option("--fragment", is_flag=True, help="An iframe-ready HTML snippet instead of a page (printed to stdout without -o).")
@click.option("--plan", "plans", multiple=True, help="Only these plans (repeatable).")
@click.option("--by", default=None,
              type=click.Choice(["partners", "target-groups", "activities", "zones",
                                 "focus-areas", "parties"]),
              help="overlap: what plans share (partners, target-groups, activities, zones; "
                   "default partners). gaps: the matrix's columns (target-groups, zones, "
                   "focus-areas, parties; default target-groups).")
@click.option("--network", "as_network", is_flag=True,
              help="overlap / gaps: draw a network instead of the matrix.")
@click.option("--radius", default=1, show_default=True, type=int, help="Steps of the ego view.")
@click.option("--min-shared", default=None, type=click.IntRange(1),
              help="overlap / copartnership: leave out links with fewer shared items "
                   "(co-partnership default: the fewest that keep the picture legible).")
@click.option("--redact", is_flag=True, help="No names, e-mails or phones of contact persons.")
@data_dir_option
@handle_errors
def viz(kind: str, ref: str | None, output: Path, fmt: str | None, fragment: bool,
        plans: tuple[str, ...], by: str | None, as_network: bool, radius: int,
        min_shared: int | None, redact: bool, data_dir: Path | None) -> None:
    """Write a view: plan-network, copartnership, ego REF, overlap (a plans x plans
    matrix) or gaps (a plans x target groups coverage matrix).

    HTML views are self-contained and work offline; --fragment gives an iframe for a
    report; .png / .svg / .pdf (or --format) a static picture for PDF and Word, drawn
    without a browser. Without -o the view is printed to stdout, e.g.
    `samspil viz gaps --fragment >> report.html`.
    """
    from samspil.viz.output import view_bytes, view_file
    fmt = "fragment" if fragment else fmt
    kwargs = dict(ref=ref, plans=plans, by=by, radius=radius, min_shared=min_shared,
                  form="network" if as_network else None, redact=redact)
    if output is not None and str(output) != "-":
        path = view_file(load_graph(data_dir), kind, output, fmt=fmt, **kwargs)
        click.echo(f"wrote {path}", err=True)
        return
    if fmt in ("png", "pdf") and sys.stdout.isatty():
        raise click.UsageError(f"a {fmt.upper()} picture is no text for a terminal: "
                               f"give -o FILE.{fmt}, or pipe it (… | lpr, > view.{fmt})")
    out = click.get_binary_stream("stdout")
    out.write(view_bytes(load_graph(data_dir), kind, fmt=fmt, **kwargs))
    out.flush()
