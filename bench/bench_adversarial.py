"""Extraction time per MB on large and repetitive documents: it should stay flat.

Run: ``python bench/bench_adversarial.py [--sizes 1,5,10,25,50] [--kinds seeds,contacts,parties]``

Each kind is one text document of the given size in MB, extracted in a fresh
child process (read + normalise + extract, with the size limits raised so the
document is not refused) so that every size starts cold and its peak memory is
its own:

* ``seeds``: the five bundled agreements repeated (realistic text, many entities);
* ``contacts``: one ``Kontaktperson:`` line repeated (the quadratic case of issue 14);
* ``parties``: one ``Aftalens parter:`` line repeated (a block per line).

Prints seconds, seconds per MB and peak RSS per size. A linear extractor keeps s/MB
flat from 1 to 50 MB; a quadratic one multiplies it by the size ratio.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

MB = 10**6
LINES = {
    "contacts": "Kontaktperson: Afdelingsleder, Afdeling for unge, Charlotte Kølle Jørgensen: "
                "21438324 / fj2f@kk.dk\n",
    "parties": "Aftalens parter: Boligforeningen 3B, Københavns Kommune og KAB\n",
}
CHILD = """
import json, resource, sys, time
from samspil.loaders.limits import Limits
from samspil.loaders.pipeline import extract_file
from interpreter import describe as interpreter  # bench/interpreter.py
t = time.perf_counter()
r = extract_file(sys.argv[1], Limits(max_file_mb=1e4, max_chars=10**10, max_seconds=1e6))
print(json.dumps({"seconds": time.perf_counter() - t, "organisations": len(r.organisations),
                  "contacts": len(r.contacts),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def make(kind: str, size_mb: float, path: Path) -> None:
    from samspil.loaders.pipeline import bundled_examples

    unit = ("".join(p.read_text(encoding="utf-8") + "\n" for p in sorted(bundled_examples().glob("*.txt")))
            if kind == "seeds" else LINES[kind])
    raw = unit.encode("utf-8")
    copies = max(1, int(size_mb * MB // len(raw)))
    path.write_bytes(raw * copies)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1,5,10,25,50")
    ap.add_argument("--kinds", default="seeds,contacts,parties")
    args = ap.parse_args()
    print(f"# {platform.machine()}, {os.cpu_count()} cores, {interpreter()}")
    print("kind      MB     s      s/MB   peak RSS MB  organisations  contacts")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds.split(","):
            for size in map(float, args.sizes.split(",")):
                f = Path(tmp) / f"{kind}-{size:g}.txt"
                make(kind, size, f)
                mb = f.stat().st_size / MB
                out = subprocess.run([sys.executable, "-c", CHILD, str(f)], capture_output=True,
                                     text=True, check=True).stdout
                r = json.loads(out)
                print(f"{kind:8} {mb:5.1f} {r['seconds']:7.2f} {r['seconds'] / mb:6.2f} "
                      f"{r['rss_mb']:10.0f} {r['organisations']:13} {r['contacts']:9}", flush=True)
                f.unlink()


if __name__ == "__main__":
    main()
