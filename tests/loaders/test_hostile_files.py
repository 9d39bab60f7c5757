"""Hostile and broken files (issue 14, findings 1, 6, 7, 10): each ends in a samspil
error that names the file and the reason, or in text with a warning; nothing inflates
a zip bomb, and a batch goes on past a bad file."""
from __future__ import annotations

import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from samspil.loaders.errors import CorruptDocument, InputError
from samspil.loaders.limits import LimitExceeded, Limits
from samspil.loaders.pipeline import bundled_examples, extract_file, extract_paths
from samspil.loaders.readers import UnreadableFile, read_document

SEED = bundled_examples() / "002_9a46c293956cd688.txt"
MiB = 2**20


def zip_bomb(path: Path, inflated_mib: int, make_docx) -> Path:
    """A real .docx whose word/document.xml is padded to ``inflated_mib`` MiB of zeros
    (deflate packs 1 GiB of zeros into ~1 MiB)."""
    good = make_docx(["Aftalens parter:", "KAB"], path.with_suffix(".good.docx"))
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "word/document.xml":
                dst.writestr(info, data)
                continue
            with dst.open(info.filename, "w", force_zip64=True) as out:
                out.write(data)
                zeros = bytes(MiB)
                for _ in range(inflated_mib):
                    out.write(zeros)
    return path


# -- finding 1: zip bomb, and the other limits ------------------------------------
def test_docx_zip_bomb_is_refused_before_inflating(tmp_path: Path, make_docx) -> None:
    bomb = zip_bomb(tmp_path / "bomb.docx", 80, make_docx)   # over the default 64 MiB part
    assert bomb.stat().st_size < 2 * MiB
    with pytest.raises(LimitExceeded) as err:
        read_document(bomb)
    assert err.value.limit == "max_docx_part_mb" and err.value.document == str(bomb)
    assert "word/document.xml" in str(err.value) and "SAMSPIL_MAX_DOCX_PART_MB" in str(err.value)


def test_docx_package_total_limit(tmp_path: Path, make_docx) -> None:
    bomb = zip_bomb(tmp_path / "big.docx", 3, make_docx)
    with pytest.raises(LimitExceeded, match="max_docx_total_mb"):
        read_document(bomb, Limits(max_docx_part_mb=10, max_docx_total_mb=2))


def test_zip_bomb_in_a_batch_costs_no_memory(tmp_path: Path, make_docx) -> None:
    """The CLI on a 512 MiB bomb next to a good file: the bomb is refused with its limit,
    the good file is extracted, and the process stays small (measured in a child)."""
    zip_bomb(tmp_path / "bomb.docx", 512, make_docx)    # inflated, it alone would pass 500 MB
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    probe = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:], capture_output=True,"
             " text=True); print(p.returncode); print(resource.getrusage(resource.RUSAGE_CHILDREN)"
             ".ru_maxrss); print(p.stderr)")
    samspil = Path(sys.executable).parent / "samspil"
    out = subprocess.run([sys.executable, "-c", probe, str(samspil), "extract", "--json",
                          str(tmp_path / "bomb.docx"), str(tmp_path / "good.txt")],
                         capture_output=True, text=True, check=True).stdout.split("\n", 2)
    code, max_rss_kib, stderr = int(out[0]), int(out[1]), out[2]
    assert code == 1
    assert "bomb.docx" in stderr and "max_docx_part_mb" in stderr and "Traceback" not in stderr
    assert max_rss_kib < 500 * 1024, max_rss_kib


def test_pdf_page_limit(tmp_path: Path, new_pdf) -> None:
    pdf = new_pdf()
    for i in range(5):
        pdf.multi_cell(0, 5, f"Side {i + 1}")
        pdf.add_page()
    pdf.output(str(tmp_path / "long.pdf"))
    with pytest.raises(LimitExceeded) as err:
        read_document(tmp_path / "long.pdf", Limits(max_pdf_pages=3))
    assert err.value.limit == "max_pdf_pages" and "6 pages" in str(err.value)


def test_character_and_file_size_limits(tmp_path: Path) -> None:
    f = tmp_path / "lang.txt"
    f.write_text("Aftalens parter: KAB\n" * 1000, encoding="utf-8")
    with pytest.raises(LimitExceeded, match="max_chars"):
        read_document(f, Limits(max_chars=10_000))
    with pytest.raises(LimitExceeded, match="max_file_mb"):
        read_document(f, Limits(max_file_mb=0.01))


def test_time_limit_per_document() -> None:
    with pytest.raises(LimitExceeded) as err:
        extract_file(SEED, Limits(max_seconds=1e-9))
    assert err.value.limit == "max_seconds" and err.value.document == str(SEED)


def test_limits_from_the_environment() -> None:
    assert Limits.from_env({"SAMSPIL_MAX_PDF_PAGES": "7"}).max_pdf_pages == 7
    with pytest.raises(InputError, match="SAMSPIL_MAX_CHARS"):
        Limits.from_env({"SAMSPIL_MAX_CHARS": "many"})


def test_batch_goes_on_after_a_limit(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x" * 5000, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes()[:3000])
    results = list(extract_paths([tmp_path], Limits(max_chars=4000)))
    assert [r.ok for r in results] == [False, True]
    assert isinstance(results[0].error, LimitExceeded)


# -- finding 6: encodings -----------------------------------------------------------
def test_one_bad_byte_is_replaced_not_a_reason_to_read_cp1252(tmp_path: Path) -> None:
    data = SEED.read_bytes()
    line = 40
    cut = sum(len(x) + 1 for x in data.split(b"\n")[: line - 1])
    f = tmp_path / "damaged.txt"
    f.write_bytes(data[:cut] + b"\xff" + data[cut:])
    doc = read_document(f)
    assert "Sjælør" in doc.text and "SjÃ¦lÃ¸r" not in doc.text
    assert "\ufffd" in doc.text
    assert len(doc.warnings) == 1 and f"line(s) {line}" in doc.warnings[0]
    clean = extract_file(SEED)
    report = extract_file(f)
    assert (report.plan.name, report.plan.document_type, report.plan.period_start) == \
        (clean.plan.name, clean.plan.document_type, clean.plan.period_start)


def test_real_cp1252_file_is_still_read_as_cp1252(tmp_path: Path) -> None:
    f = tmp_path / "gammel.txt"
    f.write_bytes("Sjælør Boulevard\nÆblehaven – Øst\n".encode("cp1252"))
    doc = read_document(f)
    assert doc.lines[:2] == ["Sjælør Boulevard", "Æblehaven – Øst"]
    assert "Windows-1252" in doc.warnings[0]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_with_or_without_bom(tmp_path: Path, codec: str) -> None:
    f = tmp_path / "unicode.txt"
    f.write_bytes(SEED.read_text(encoding="utf-8").encode(codec))
    assert read_document(f).lines == read_document(SEED).lines


def test_binary_is_still_refused(tmp_path: Path) -> None:
    f = tmp_path / "billede.txt"
    f.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(CorruptDocument, match="binary"):
        read_document(f)


# -- finding 7: foreign errors from damaged .docx files ------------------------------
def _docx_with_member(path: Path, make_docx, patch) -> Path:
    good = make_docx(["Aftalens parter:", "KAB"] * 50, path)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("word/document.xml")
    patch(data, info)
    path.write_bytes(bytes(data))
    return path


def test_damaged_deflate_stream_is_a_corrupt_document(tmp_path: Path, make_docx) -> None:
    def garble(data: bytearray, info: zipfile.ZipInfo) -> None:
        name_len, extra_len = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
        start = info.header_offset + 30 + name_len + extra_len
        data[start:start + 8] = b"\xff" * 8          # an invalid deflate block type

    f = _docx_with_member(tmp_path / "zlib.docx", make_docx, garble)
    with pytest.raises(CorruptDocument, match="not a readable .docx"):
        extract_file(f)


def test_unknown_compression_method_is_a_corrupt_document(tmp_path: Path, make_docx) -> None:
    def method_99(data: bytearray, info: zipfile.ZipInfo) -> None:
        at = 0
        while (at := data.find(b"PK\x01\x02", at + 1)) != -1:
            offset = struct.unpack("<I", data[at + 42:at + 46])[0]
            if offset == info.header_offset:
                data[at + 10:at + 12] = struct.pack("<H", 99)
        data[info.header_offset + 8:info.header_offset + 10] = struct.pack("<H", 99)

    f = _docx_with_member(tmp_path / "method.docx", make_docx, method_99)
    with pytest.raises(CorruptDocument, match="not a readable .docx"):
        extract_file(f)


# -- finding 10: symbolic link loops are reported ------------------------------------
def test_symlink_loops_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes(SEED.read_bytes())
    os.symlink(tmp_path, tmp_path / "sub" / "up")                  # folder loop
    os.symlink(tmp_path / "self.txt", tmp_path / "self.txt")       # file loop
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")   # missing target
    results = {r.path.relative_to(tmp_path).as_posix(): r for r in extract_paths([tmp_path])}
    assert results["sub/a.txt"].ok
    assert set(results) == {"sub/a.txt", "sub/up", "self.txt", "dangling.txt"}
    assert "loop" in str(results["sub/up"].error)
    assert isinstance(results["self.txt"].error, UnreadableFile)
    assert "loop of links" in str(results["self.txt"].error)
    assert "target is missing" in str(results["dangling.txt"].error)
