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

__all__ = ["cli", "COMMAND_MODULES", "SECTIONS"]

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


# ``samspil --help``: the commands in the order a newcomer meets them, each with a line
# that fits 80 columns (click cut every first sentence short with "...", "explore ...
# the one command to start with" included); listing them imports no command module
SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Start here", (
        ("explore", "Load agreements (default: the bundled five) and open the explorer"),)),
    ("Agreements and the store", (
        ("extract", "Read agreements and print what they name (nothing stored)"),
        ("load", "Extract agreements and load them into the store"),
        ("forget", "Remove a document and what only it contributed"),
        ("forget-person", "Remove a person and their personal data everywhere"),
        ("doctor", "Check the embedded store (--repair rebuilds it)"))),
    ("Look around", (
        ("stats", "Counts of nodes and relationships in the store"),
        ("plans", "The loaded plans: period, parties, partners, activities"),
        ("show", "One node (id, name or prefix) with its relationships"),
        ("search", "Find nodes whose name, alias or id contains TEXT"),
        ("explain", "Which names from which documents were merged into a node"))),
    ("Cross-plan questions", (
        ("shared-partners", "Organisations and persons that plans share"),
        ("overlaps", "What plans share: partners, target groups, zones"),
        ("gaps", "What plans name but no activity reaches, with reasons"),
        ("brokers", "Organisations that link otherwise separate plans"),
        ("partners-of", "The organisations an organisation works with, and where"),
        ("compare", "What changed between two plans"),
        ("timeline", "An area's or an organisation's plans over time"))),
    ("Views, API and exports", (
        ("viz", "Write a view (network or matrix) as HTML, SVG or PNG"),
        ("serve", "Serve the API and the explorer over the store"),
        ("export", "Export the graph: GraphML, GEXF, CSV, node-link JSON, neo4j"))),
)


class _LazyGroup(click.Group):
    """A group whose commands' modules are imported on first use."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        for title, rows in SECTIONS:
            with formatter.section(title):
                formatter.write_dl(list(rows))

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
    """samspil: Danish social-housing partnership agreements as an explorable graph.

    Every command has --help. Names (of plans, organisations, persons) ignore case
    and accents; a plan is also named by words of its name or municipality."""
    logging.basicConfig(level=logging.WARNING - 10 * min(verbose, 2),
                        format="%(levelname)s %(name)s: %(message)s")


def load_all_commands() -> click.Group:
    """Import every command module (for documentation and tests); returns :data:`cli`."""
    for module in sorted(set(COMMAND_MODULES.values())):
        importlib.import_module(f"samspil.cli.{module}")
    return cli
