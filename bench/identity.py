"""Reports of two versions of the code compared file by file (a speed change must not change any).

Run with each version's interpreter, then compare::

    python bench/identity.py dump OUT_A     # e.g. main's venv
    python bench/identity.py dump OUT_B     # this branch's venv
    python bench/identity.py diff OUT_A OUT_B

``dump`` runs ``extract_file`` on every .txt/.md/.pdf/.docx under /work/shared/seeds,
/work/shared/eval/docs and tests/fixtures (recursively), on a flattened copy of each .txt
(``flatten`` of tests/loaders/test_eval_gold.py, written under /tmp/samspil-identity-flat) and on
the dense PDF of bench_extract.py, on each of those .txt files rendered to a dense PDF and the
generated PDF with letter-spaced headings (``make_dense_pdf``, ``make_pdf``: written once under
/tmp/samspil-identity-pdf, so both versions read the same files), and writes ``report.to_dict()`` (or the error) as JSON, one
file per input. ``IDENTITY_HELPER=1`` forks a big PDF's helper process whatever the load average says.
``diff`` prints every input whose JSON differs and the count.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [Path("/work/shared/seeds"), Path("/work/shared/eval/docs"), ROOT / "tests" / "fixtures"]
FLAT = Path("/tmp/samspil-identity-flat")
DENSE = Path("/tmp/samspil-identity-dense.pdf")
PDFS = Path("/tmp/samspil-identity-pdf")
SUFFIXES = {".txt", ".md", ".pdf", ".docx"}


def _flatten(text: str) -> str:
    sys.path.insert(0, str(ROOT / "tests" / "loaders"))
    import importlib.util

    spec = importlib.util.spec_from_file_location("_eval_gold", ROOT / "tests" / "loaders" / "test_eval_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.flatten(text)


def inputs() -> list[tuple[str, Path]]:
    out: list[tuple[str, Path]] = []
    for base in SOURCES:
        for p in sorted(base.rglob("*")):
            if p.is_file() and p.suffix.lower() in SUFFIXES:
                out.append((f"{base.name}/{p.relative_to(base)}", p))
    FLAT.mkdir(parents=True, exist_ok=True)
    flat = []
    for key, p in out:
        if p.suffix.lower() != ".txt":
            continue
        try:
            text = p.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        digest = hashlib.sha1(key.encode()).hexdigest()[:10]
        dest = FLAT / f"{p.stem}-{digest}.txt"
        body = _flatten(text)
        if not dest.exists() or dest.read_text(encoding="utf-8") != body:
            dest.write_text(body, encoding="utf-8")
        flat.append((f"flat/{key}", dest))
    if not DENSE.exists():
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_extract import make_dense_pdf
        from samspil.loaders.pipeline import bundled_examples

        make_dense_pdf(DENSE, sorted(bundled_examples().glob("000*.txt"))[0])
    return out + flat + [("dense.pdf", DENSE)] + _rendered(out)


def _rendered(files: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_extract import make_dense_pdf, make_pdf

    PDFS.mkdir(parents=True, exist_ok=True)
    out = []
    done = PDFS / "done"
    for key, p in files:
        if p.suffix.lower() != ".txt" or p.stat().st_size > 400_000:
            continue
        dest = PDFS / (hashlib.sha1(key.encode()).hexdigest()[:10] + ".pdf")
        if not done.exists():
            try:
                make_dense_pdf(dest, p)
            except Exception:  # noqa: BLE001 - a file the reader refuses makes no PDF
                continue
        if dest.exists():
            out.append((f"pdf/{key}", dest))
    spaced = PDFS / "spaced.pdf"
    if not done.exists():
        make_pdf(spaced, 12)
        done.write_text("")
    return out + [("spaced.pdf", spaced)]


def dump(out: Path) -> None:
    from samspil.loaders.pipeline import extract_file

    if os.environ.get("IDENTITY_HELPER") == "1":  # a big PDF's helper process forked whatever the load
        from samspil.loaders import pdf_fork

        pdf_fork._load = lambda: 0.0

    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for key, p in inputs():
        try:
            data = extract_file(p).to_dict()
        except Exception as exc:  # noqa: BLE001 - the error is the report
            data = {"error": f"{type(exc).__name__}: {exc}"}
        name = key.replace("/", "__") + ".json"
        (out / name).write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
        n += 1
    print(f"{n} reports in {out}")


def diff(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.glob("*.json")} | {p.name for p in b.glob("*.json")})
    bad = 0
    for name in names:
        x, y = a / name, b / name
        if not x.exists() or not y.exists() or x.read_bytes() != y.read_bytes():
            bad += 1
            print("DIFFERS:", name)
    print(f"{len(names)} reports compared, {bad} differ")
    return bad


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(Path(sys.argv[2]))
    else:
        sys.exit(1 if diff(Path(sys.argv[2]), Path(sys.argv[3])) else 0)
