"""``samspil --help`` as a newcomer reads it: where to start, and every command with a
whole line (click cut each first sentence short with "...")."""
from __future__ import annotations

from click.testing import CliRunner

from samspil.cli.main import COMMAND_MODULES, cli


def test_help_says_where_to_start_and_cuts_no_command_short():
    r = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["--help"], catch_exceptions=False)
    assert r.exit_code == 0
    lines = r.output.splitlines()
    cut = [line for line in lines if line.rstrip().endswith("...") and not line.startswith("Usage:")]
    assert cut == [], r.output
    assert all(len(line) <= 80 for line in lines), r.output
    start = lines.index("Start here:")
    assert lines[start + 1].split()[0] == "explore"
    listed = [line.split()[0] for line in lines if line.startswith("  ") and line.split()
              and line.split()[0] in COMMAND_MODULES]
    assert sorted(listed) == sorted(COMMAND_MODULES)


def test_every_command_is_in_one_section_of_the_help():
    from samspil.cli.main import SECTIONS
    names = [n for _title, rows in SECTIONS for n, _line in rows]
    assert sorted(names) == sorted(COMMAND_MODULES) and len(names) == len(set(names))
    r = CliRunner().invoke(cli, ["gaps", "--help"], catch_exceptions=False)
    assert r.exit_code == 0 and "gaps [OPTIONS]" in r.output
