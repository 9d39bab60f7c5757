"""Fuzz the readers, the extraction and the report loading with hostile inputs.

Run: ``python scripts/fuzz.py [--inputs 10000] [--seed 1] [--bombs] [--keep DIR]``

Inputs are drawn by hypothesis from mutations of the five bundled agreements,
written as .txt, .md, .docx and .pdf files (text mutations before writing: spliced
lines, repeated template labels, stray control characters, other encodings;
byte mutations after: flipped bits, cut files, random bytes), and of their report
JSON (fields replaced by random JSON values, removed, retyped). The oracle:

* a document file either gives a report that passes the report model, or raises a
  samspil error (``SamspilError``) that names the file and gives a reason;
* a report JSON file is either stored, or refused with an ``InvalidReport`` and the
  store unchanged and still readable.

Anything else (any other exception) is a finding: counted, printed, and the input is
kept in ``--keep``. Exit status 1 if there was any. ``--bombs`` also times a
2 GiB .docx zip bomb and a 3,000-page PDF through ``samspil extract`` in a child
process (seconds, peak memory). The test suite runs a few hundred inputs
(``tests/test_fuzz.py``).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import hypothesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from samspil.loaders.errors import SamspilError
from samspil.loaders.pipeline import bundled_examples, extract_file
from samspil.loaders.validate import InvalidReport, check_report, read_report_file

FORMATS = ("txt", "md", "docx", "pdf", "json")
LABELS = ["Aftalens parter:", "Delaftalens parter:", "Kontaktperson: Jens Hansen, jh@kab.dk, 21438324",
          "Aktivitetsnavn:", "Målgruppe(r):", "Underskrifter:", "Zone 1: Folehaven (973 lejemål)",
          "Delaftale for indsatsområdet Tryghed", "1. Indsatsområde", "(((((((((((", "@@@@", "\t\t\t",
          "Boligforeningen 3B, Københavns Kommune og KAB", "v/ " * 50, "Aftalen gælder fra 2025 til"]
JUNK = "\x00\x01\x07\x1b\u200b\u202e\ufeff\ufffd\ud7ff\U0001f600æøåÆØÅ–”½\r\x85\u2028"


@dataclass
class Tally:
    inputs: int = 0
    by_format: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    seconds: Counter = field(default_factory=Counter)


CORPUS: dict[str, list] = {}     # "texts", "reports", "window": set by run() (kept out of reprs)


@st.composite
def text_mutation(draw) -> str:
    lines = draw(st.sampled_from(CORPUS["texts"])).split("\n")
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    lines = lines[start:start + draw(st.integers(1, CORPUS["window"][0]))]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["label", "junk", "repeat", "delete", "join", "text"]))
        at = draw(st.integers(0, len(lines)))
        if kind == "label":
            lines.insert(at, draw(st.sampled_from(LABELS)) * draw(st.integers(1, 3)))
        elif kind == "junk":
            lines.insert(at, draw(st.text(alphabet=JUNK, max_size=40)))
        elif kind == "repeat" and lines:
            lines[at:at] = [lines[min(at, len(lines) - 1)]] * draw(st.integers(2, 200))
        elif kind == "delete":
            del lines[at:at + draw(st.integers(1, 20))]
        elif kind == "join":
            lines = [" ".join(lines)]
        else:
            lines.insert(at, draw(st.text(max_size=200)))
    return "\n".join(lines)


@st.composite
def byte_mutation(draw, data: bytes) -> bytes:
    raw = bytearray(data)
    for _ in range(draw(st.integers(0, 4))):
        if not raw:
            break
        kind = draw(st.sampled_from(["flip", "cut", "overwrite", "insert"]))
        at = draw(st.integers(0, len(raw) - 1))
        if kind == "flip":
            raw[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "cut":
            del raw[at:]
        elif kind == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=64))
            raw[at:at + len(chunk)] = chunk
        else:
            raw[at:at] = draw(st.binary(min_size=1, max_size=64))
    return bytes(raw)


def write_document(fmt: str, text: str, path: Path, encoding: str) -> None:
    lines = text.split("\n")
    if fmt in ("txt", "md"):
        path.write_bytes(text.encode(encoding, errors="replace"))
    elif fmt == "docx":
        import docx

        doc = docx.Document()
        for line in lines[:200]:
            doc.add_paragraph(_xml_safe(line))
        doc.save(str(path))
    else:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("helvetica", size=9)
        for line in lines[:80]:
            pdf.multi_cell(0, 4, line.encode("latin-1", "replace").decode("latin-1") or " ",
                           new_x="LMARGIN", new_y="NEXT")
        pdf.output(str(path))


def _xml_safe(s: str) -> str:
    return "".join(c for c in s if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
                   or c >= "\U00010000")


@st.composite
def json_mutation(draw) -> bytes:
    data = json.loads(json.dumps(draw(st.sampled_from(CORPUS["reports"]))))
    values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
                          | st.text(max_size=20), lambda c: st.lists(c, max_size=3)
                          | st.dictionaries(st.text(max_size=8), c, max_size=3), max_leaves=6)
    for _ in range(draw(st.integers(1, 4))):
        target, key = _pick(draw, data)
        if target is None:
            break
        action = draw(st.sampled_from(["replace", "delete", "retype"]))
        if action == "delete" and isinstance(target, dict):
            target.pop(key, None)
        elif action == "retype":
            target[key] = str(target[key]) if not isinstance(target[key], str) else [target[key]]
        else:
            target[key] = draw(values)
    if draw(st.booleans()) and draw(st.integers(0, 9)) == 0:
        return draw(byte_mutation(json.dumps(data).encode()))
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _pick(draw, data):
    """A random (container, key) inside ``data``."""
    node, found = data, (None, None)
    for _ in range(draw(st.integers(1, 4))):
        keys = list(node) if isinstance(node, dict) else list(range(len(node))) if isinstance(node, list) else []
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        found = (node, key)
        if not isinstance(node[key], (dict, list)) or not node[key] or draw(st.booleans()):
            break
        node = node[key]
    return found


@st.composite
def fuzz_input(draw) -> tuple[str, bytes, str]:
    """(format, file bytes, how it was made)."""
    fmt = draw(st.sampled_from(FORMATS))
    if fmt == "json":
        return fmt, draw(json_mutation()), "json"
    if fmt in ("docx", "pdf") and draw(st.integers(0, 3)):    # 3 in 4: a ready-made file
        return fmt, draw(byte_mutation(draw(st.sampled_from(CORPUS[fmt])))), "pool+bytes"
    text = draw(text_mutation())
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x.{fmt}"
        write_document(fmt, text, path, encoding)
        data = path.read_bytes()
    mutate = draw(st.integers(0, 2)) == 0
    return fmt, draw(byte_mutation(data)) if mutate else data, f"{encoding}{'+bytes' if mutate else ''}"


def check(fmt: str, data: bytes, folder: Path, store, tally: Tally, keep: Path | None) -> None:
    """Run one input through samspil and record what happened."""
    started = time.perf_counter()
    tally.inputs += 1
    tally.by_format[fmt] += 1
    path = folder / f"fuzz-{tally.inputs}.{fmt}"
    path.write_bytes(data)
    try:
        if fmt == "json":
            outcome = _load_json(path, store)
        else:
            check_report(extract_file(path))
            outcome = "extracted"
    except SamspilError as exc:
        if not exc.document or not exc.message:
            _fail(tally, keep, path, f"{type(exc).__name__} without file or reason: {exc!r}")
        outcome = f"refused: {type(exc).__name__}"
    except Exception:  # noqa: BLE001 - every other exception is a finding
        _fail(tally, keep, path, traceback.format_exc(limit=6))
        outcome = "FAILED"
    tally.outcomes[outcome] += 1
    tally.seconds[fmt] += time.perf_counter() - started
    path.unlink(missing_ok=True)


def _load_json(path: Path, store) -> str:
    before = store.documents()
    try:
        report = read_report_file(path)
    except InvalidReport:
        if store.documents() != before:
            raise AssertionError("a refused report changed the store") from None
        raise
    store.save([report])
    store.load()
    return "stored"


def _fail(tally: Tally, keep: Path | None, path: Path, what: str) -> None:
    tally.failures.append(f"{path.name}: {what}")
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        (keep / path.name).write_bytes(path.read_bytes())


def corpus() -> tuple[list[str], list[dict]]:
    files = sorted(bundled_examples().glob("*.txt"))
    return ([f.read_text(encoding="utf-8") for f in files],
            [extract_file(f).to_dict() for f in files])


def _pool(fmt: str) -> list[bytes]:
    """Files of each seed's first 40 lines and of a window from its middle (writing .docx
    and .pdf files costs more than reading them: most inputs mutate these bytes)."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in enumerate(CORPUS["texts"]):
            lines = text.split("\n")
            for part in (lines[:40], lines[len(lines) // 2:len(lines) // 2 + 40]):
                path = Path(tmp) / f"{i}.{fmt}"
                write_document(fmt, "\n".join(part), path, "utf-8")
                out.append(path.read_bytes())
    return out


def run(inputs: int, seed: int = 1, keep: Path | None = None, window: int = 60) -> Tally:
    """Fuzz ``inputs`` inputs (derandomised by ``seed``; documents cut from windows of up
    to ``window`` lines of the seeds); returns the tally."""
    from samspil.graph.sqlite_store import SqliteStore

    if "texts" not in CORPUS:
        CORPUS["texts"], CORPUS["reports"] = corpus()
        CORPUS["docx"], CORPUS["pdf"] = _pool("docx"), _pool("pdf")
    CORPUS["window"] = [window]
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="samspil-fuzz-") as tmp:
        folder = Path(tmp)
        state = {"store": None}

        def store():            # a fresh store per report: a save's cost stays that of one report
            if state["store"] is not None:
                state["store"].close()
            state["store"] = SqliteStore(folder / f"store-{tally.inputs}" / "samspil.sqlite")
            return state["store"]

        @settings(max_examples=inputs, database=None, deadline=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @hypothesis.seed(seed)
        @given(fuzz_input())
        def one(case: tuple[str, bytes, str]) -> None:
            fmt, data, _how = case
            check(fmt, data, folder, store() if fmt == "json" else None, tally, keep)

        one()
        if state["store"] is not None:
            state["store"].close()
    return tally


def bombs() -> list[str]:
    """A 2 GiB .docx zip bomb and a 3,000-page PDF through `samspil extract` in a child."""
    import subprocess
    import zipfile

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        bomb = Path(tmp) / "bomb.docx"
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            with z.open("word/document.xml", "w", force_zip64=True) as f:
                block = bytes(2**24)
                for _ in range(128):             # 2 GiB of zeros
                    f.write(block)
        from fpdf import FPDF

        pdf = FPDF()
        pdf.set_font("helvetica", size=9)
        for i in range(3000):
            pdf.add_page()
            pdf.cell(0, 5, f"Side {i + 1}")
        pdf.output(str(Path(tmp) / "long.pdf"))
        probe = ("import resource, subprocess, sys, time; t = time.time(); p = subprocess.run(sys.argv[1:],"
                 " capture_output=True, text=True); print(round(time.time() - t, 2), p.returncode,"
                 " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, p.stderr.strip())")
        samspil = str(Path(sys.executable).parent / "samspil")
        for name in ("bomb.docx", "long.pdf"):
            f = Path(tmp) / name
            r = subprocess.run([sys.executable, "-c", probe, samspil, "extract", str(f)],
                               capture_output=True, text=True, check=True).stdout.strip()
            secs, code, mb, msg = r.split(" ", 3)
            out.append(f"{name} ({f.stat().st_size / 2**20:.1f} MiB on disk): {secs} s, exit {code}, "
                       f"peak {mb} MiB; {msg.replace(tmp, '<tmp>')}")
    return out


def main() -> None:
    import logging

    logging.disable(logging.WARNING)       # decoding notes of mutated files: thousands of them
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bombs", action="store_true", help="also time a zip bomb and a 3,000-page PDF")
    ap.add_argument("--keep", type=Path, help="folder to keep failing inputs in")
    ap.add_argument("--window", type=int, default=40, help="most seed lines per document")
    args = ap.parse_args()
    t = time.perf_counter()
    tally = run(args.inputs, args.seed, args.keep, args.window) if args.inputs else Tally()
    print(f"{tally.inputs} inputs in {time.perf_counter() - t:.0f} s (checking them: "
          + ", ".join(f"{k} {v} in {tally.seconds[k]:.0f} s" for k, v in sorted(tally.by_format.items()))
          + ")")
    for outcome, n in tally.outcomes.most_common():
        print(f"  {n:6}  {outcome}")
    print(f"uncaught exceptions: {len(tally.failures)}")
    for f in tally.failures[:20]:
        print("---", f)
    if args.bombs:
        for line in bombs():
            print(line)
    sys.exit(1 if tally.failures else 0)


if __name__ == "__main__":
    main()
