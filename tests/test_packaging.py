"""The package as installed: every subpackage and data file is shipped, every command has help."""
import fnmatch
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from samspil.cli.main import COMMAND_MODULES, cli

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
TOOL = PYPROJECT["tool"]["setuptools"]
FOLDERS = {pkg: Path(folder) for pkg, folder in TOOL["package-dir"].items()}


def _package_of(folder: Path) -> str:
    for pkg, root in FOLDERS.items():
        if folder == ROOT / root or (ROOT / root) in folder.parents:
            rel = folder.relative_to(ROOT / root)
            return ".".join([pkg, *rel.parts])
    raise AssertionError(folder)


def test_every_folder_with_init_is_a_listed_package():
    found = {_package_of(init.parent) for root in FOLDERS.values() for init in (ROOT / root).rglob("__init__.py")}
    assert found == set(TOOL["packages"])


def test_every_data_file_is_package_data():
    data = TOOL["package-data"]
    for root in FOLDERS.values():
        for path in (ROOT / root).rglob("*"):
            if path.is_dir() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
                continue
            pkg_dir = path.parent
            while not (pkg_dir / "__init__.py").exists():
                pkg_dir = pkg_dir.parent
            rel = path.relative_to(pkg_dir).as_posix()
            patterns = data.get(_package_of(pkg_dir), [])
            assert any(fnmatch.fnmatch(rel, p) for p in patterns), f"{path} is not in package-data"


def test_every_command_is_found_where_the_lazy_group_looks():
    """samspil.cli.main imports a command's module only when it runs: the map of
    command -> module must name every command that the modules define, and only those."""
    from samspil.cli.main import COMMAND_MODULES, load_all_commands

    defined = {name: cmd.callback.__module__.rsplit(".", 1)[-1]
               for name, cmd in load_all_commands().commands.items()}
    assert defined == COMMAND_MODULES


@pytest.mark.parametrize("name", sorted(COMMAND_MODULES))
def test_every_command_has_help(name):
    result = CliRunner().invoke(cli, [name, "--help"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output and len(result.output.splitlines()) > 3


def test_reading_the_store_does_not_import_the_extractors_or_the_resolver():
    """`samspil stats` and friends import what reading needs, not every extractor,
    rapidfuzz and numpy (a fresh interpreter, as a command starts)."""
    import subprocess
    import sys

    code = ("import sys, samspil.graph.sqlite_store, samspil.cli.graph_cmds, "
            "samspil.graph.queries; heavy = [m for m in ('rapidfuzz', 'numpy', "
            "'samspil.loaders.extract', 'samspil.graph.resolve') if m in sys.modules]; "
            "print(heavy); sys.exit(1 if heavy else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
