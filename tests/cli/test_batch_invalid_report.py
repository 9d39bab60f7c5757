"""A batch in which extraction made an invalid report of one file (session 16: "Zone 1): Kildeparken:"
in an HTML table gave a zone the empty alias ""; the store refused the report and `samspil load`
stopped the whole batch, storing nothing). Now that file is one failed file named in one line,
the rest of the batch is stored, and the layouts' folder loads whole."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from samspil.cli.main import cli
from samspil.loaders.errors import InputError
from samspil.loaders.model import AgreementReport, Zone

LAYOUTS = Path(__file__).parents[1] / "fixtures" / "layouts"


def test_the_layouts_folder_loads_whole(tmp_path):
    result = CliRunner().invoke(cli, ["load", "--data-dir", str(tmp_path), str(LAYOUTS)])
    files = len([p for p in LAYOUTS.iterdir() if p.suffix in (".txt", ".md", ".docx", ".pdf")])
    assert result.exit_code == 0, result.output
    assert f"documents: {files} added" in result.output
    assert "failed" not in result.output


def test_an_invalid_report_of_one_file_is_that_files_failure():
    from samspil.loaders.validate import checked_extraction

    report = AgreementReport(document="aftale.md", zones=[Zone(name="Zone 1", aliases=[""])])
    try:
        checked_extraction(report, "mappe/aftale.md")
    except InputError as exc:
        assert exc.document == "mappe/aftale.md"
        assert "zones[0].aliases[0]" in str(exc) and "fault in samspil" in str(exc)
    else:
        raise AssertionError("an invalid report was let through")
    good = AgreementReport(document="aftale.md", zones=[Zone(name="Kildeparken", aliases=["Zone 1"])])
    assert checked_extraction(good, "mappe/aftale.md") is good
