"""The ``samspil`` command line. Commands stay thin over graph/ and loaders/.

Each command lives in one module of this package and registers itself on
:data:`cli` with ``@cli.command``. A module is imported only when one of its
commands runs (or help lists them all): ``samspil extract`` does not pay for the
graph stack (networkx, pydantic settings: ~0.2 s) it never uses.
"""
from __future__ import annotations

import importlib
import logging

import click

__all__ = ["cli", "COMMAND_MODULES"]

# command name -> the module of samspil.cli that defines it (tests check both ways)
COMMAND_MODULES: dict[str, str] = {
    "extract": "extract_cmds",
    **dict.fromkeys(["load", "stats", "plans", "show", "search", "explain", "forget", "forget-person",
                     "export"], "graph_cmds"),
    **dict.fromkeys(["shared-partners", "overlaps", "gaps", "brokers", "partners-of", "compare",
                     "timeline"], "analysis_cmds"),
    **dict.fromkeys(["serve", "explore", "viz"], "serve_cmds"),
    "doctor": "store_cmds",
}


class _LazyGroup(click.Group):
    """A group whose commands' modules are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | COMMAND_MODULES.keys())

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # (click would exit 1; rich's tables: cli.common)
            from samspil.cli.common import stdout_to_nowhere
            stdout_to_nowhere()
            ctx.exit(0)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"samspil.cli.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="samspil", prog_name="samspil")
@click.option("-v", "--verbose", count=True, help="More log output on stderr.")
def cli(verbose: int) -> None:
    """samspil: Danish social-housing partnership agreements as an explorable graph."""
    logging.basicConfig(level=logging.WARNING - 10 * min(verbose, 2),
                        format="%(levelname)s %(name)s: %(message)s")


def load_all_commands() -> click.Group:
    """Import every command module (for documentation and tests); returns :data:`cli`."""
    for module in sorted(set(COMMAND_MODULES.values())):
        importlib.import_module(f"samspil.cli.{module}")
    return cli
