"""`samspil extract` on real agreements: JSON shape, several files, --out."""
import json

from click.testing import CliRunner

from samspil.cli.main import cli
from samspil.loaders import bundled_examples

SEED = bundled_examples() / "002_9a46c293956cd688.txt"
SCHEMA_KEYS = {"document", "plan", "focus_areas", "organisations", "contacts", "zones", "activities",
               "target_groups"}


def test_one_file_prints_one_schema_report():
    result = CliRunner().invoke(cli, ["extract", str(SEED), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert SCHEMA_KEYS <= set(report)
    assert report["document"] == SEED.name
    assert report["plan"]["document_type"] == "sub_agreement"
    src = report["contacts"][0]["sources"][0]
    assert src["document"] == SEED.name and src["line"] > 0 and src["excerpt"]


def test_several_files_print_one_object_per_line(tmp_path):
    seeds = sorted(bundled_examples().glob("*.txt"))[:2]
    result = CliRunner().invoke(cli, ["extract", *map(str, seeds), "--json", "--out", str(tmp_path)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.strip().split("\n")]
    assert [r["document"] for r in lines] == [s.name for s in seeds]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{s.stem}.json" for s in seeds)


def test_summary_for_people():
    result = CliRunner().invoke(cli, ["extract", str(SEED)], catch_exceptions=False)
    assert result.exit_code == 0
    assert "Helhedsplanen for Sjælør og Kgs. Enghave" in result.output
    assert "Susanne Søgaard Grøn" in result.output and "dt85@sof.kk.dk" in result.output


def test_a_document_in_which_nothing_is_found_is_an_input_error(tmp_path):
    shopping = tmp_path / "indkøb.txt"
    shopping.write_text("Indkøbsliste\n\n- mælk\n- brød\n- 2 kg kartofler\n- kaffe fra Netto\n",
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(shopping), "--json"], catch_exceptions=False)
    assert result.exit_code == 1 and result.stdout == ""
    assert f"error: {shopping}: no plan name, party" in result.stderr
    assert "does not look like a partnership agreement" in result.stderr
    seed = CliRunner().invoke(cli, ["extract", str(SEED), "--json"], catch_exceptions=False)
    assert seed.stderr == "" and json.loads(seed.stdout)["warnings"] == []
    # a report JSON holding nothing is refused alike
    empty = tmp_path / "tom.json"
    empty.write_text(json.dumps({"document": "tom.txt"}), encoding="utf-8")
    loaded = CliRunner().invoke(cli, ["load", str(shopping), str(empty), "--data-dir", str(tmp_path / "data")],
                                catch_exceptions=False)
    assert loaded.exit_code == 1 and "does not look like a partnership agreement" in loaded.stderr
    assert f"error: {empty}: no plan name" in loaded.stderr


def test_a_folder_with_a_fake_docx_and_a_binary_file_loads_only_the_agreements(tmp_path):
    """The newcomer's mix/: two real agreements, a zip of a text file named .docx, a
    binary file named .txt and a text that is no agreement. Each bad file gets its own
    error, the agreements are loaded, nothing of the others is stored, exit 1."""
    import zipfile

    mix = tmp_path / "mix"
    mix.mkdir()
    agreements = sorted(bundled_examples().glob("00[23]_*.txt"))
    for f in agreements:
        (mix / f.name).write_bytes(f.read_bytes())
    with zipfile.ZipFile(mix / "fake.docx", "w") as z:
        z.writestr("notes.txt", "hello")
    (mix / "binary.txt").write_bytes(b"\xff\xfe\x00garbage\x00\x01")
    (mix / "noter.txt").write_text("Husk at ringe til Peter i morgen.\n", encoding="utf-8")
    data = tmp_path / "data"
    r = CliRunner().invoke(cli, ["load", "--data-dir", str(data), str(mix)], catch_exceptions=False)
    assert r.exit_code == 1
    assert f"error: {mix / 'binary.txt'}: not a text file: it holds binary data" in r.stderr
    assert (f"error: {mix / 'fake.docx'}: a zip archive, but not a Word document (it has no "
            "[Content_Types].xml); open it in Word") in r.stderr
    assert f"error: {mix / 'noter.txt'}: no plan name, party" in r.stderr
    assert "KeyError" not in r.stderr and "warning:" not in r.stderr
    assert "documents: 2 added" in r.stdout
    plans = CliRunner().invoke(cli, ["plans", "--data-dir", str(data), "--json"], catch_exceptions=False)
    docs = {d for p in json.loads(plans.stdout) for d in p["documents"]}
    assert docs == {f.name for f in agreements}
    assert all("binary" not in p["id"] and "noter" not in p["id"] for p in json.loads(plans.stdout))


def test_out_never_writes_one_report_over_another(tmp_path):
    """aftale.txt and aftale.md in one batch: two reports, named by the whole file name
    (the count the command prints is the count of files written)."""
    src = tmp_path / "src"
    src.mkdir()
    for suffix in (".txt", ".md"):
        (src / f"aftale{suffix}").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "other.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(src), "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["aftale.md.json", "aftale.txt.json", "other.json"]
    assert "wrote 3 report(s)" in result.stderr


def test_a_reading_note_is_said_once_with_the_path(tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(SEED.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    result = CliRunner().invoke(cli, ["extract", str(legacy), "--json"], catch_exceptions=False)
    notes = [ln for ln in result.stderr.splitlines() if "cp1252" in ln]
    assert notes == [notes[0]] and notes[0].startswith(f"warning: {legacy}: not UTF-8"), result.stderr


def test_summary_keeps_names_with_commas_whole(tmp_path):
    """A party whose name holds a comma ("Boligselskabet AKB, København") is one party in
    the summary, and an activity without a focus area shows none (no "[-]")."""
    seed = SEED.parent / "000_30f294d84ea1894d.txt"
    result = CliRunner().invoke(cli, ["extract", str(seed)], catch_exceptions=False)
    parties = next(line for line in result.output.splitlines() if line.strip().startswith("parties:"))
    assert "Boligselskabet AKB, København" in parties.split(":", 1)[1].strip().split("; ")
    path = tmp_path / "oelby.txt"
    path.write_text("Strategisk samarbejdsaftale\n\nOmrådets navn: Ølby Nord\n\nAktivitetsnavn: Lektiecaféen\n",
                    encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)], catch_exceptions=False)
    assert "    - Lektiecaféen → children, youth" in result.output.splitlines()


def test_summary_shows_no_alias_that_is_the_name_in_other_case(tmp_path):
    """An organisation found only in lower case
    ("med sundhedsplejen") is listed once by its name, not "Sundhedsplejen (sundhedsplejen)"."""
    doc = tmp_path / "statusrapport.txt"
    doc.write_text("Statusrapport 2024 for Helhedsplan Nørreris i Ikast-Brande Kommune\n\n"
                   "Aktivitetsnavn: Familiecafé\n"
                   "Indhold: Fællesspisning for børnefamilier i samarbejde med sundhedsplejen.\n",
                   encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(doc)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = [line.strip() for line in result.output.splitlines() if "sundhedspl" in line.lower() and "[" in line]
    assert rows and all("(" not in row for row in rows), result.output
