"""The ``samspil`` command line. Commands stay thin over graph/ and loaders/."""
from __future__ import annotations

import logging
from importlib.metadata import version

import click

__all__ = ["cli"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version("samspil"), prog_name="samspil")
@click.option("-v", "--verbose", count=True, help="More log output on stderr.")
def cli(verbose: int) -> None:
    """samspil: Danish social-housing partnership agreements as an explorable graph."""
    logging.basicConfig(level=logging.WARNING - 10 * min(verbose, 2),
                        format="%(levelname)s %(name)s: %(message)s")


def _register() -> None:
    # Each module adds its commands to ``cli``; keep this list explicit.
    from samspil.cli import extract_cmds  # noqa: F401
    from samspil.cli import analysis_cmds  # noqa: F401
    from samspil.cli import graph_cmds  # noqa: F401
    from samspil.cli import serve_cmds  # noqa: F401


_register()
