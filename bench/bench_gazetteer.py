"""Gazetteer cost: loading each table once, and scanning dense agreement text (not a test).

Run: ``python bench/bench_gazetteer.py [--repeat N]``

1. Loading: each table built from its files (caches cleared first), median of
   ``--repeat`` runs: places (municipalities, towns, police districts),
   organisations, first names, and compiling the two scan expressions.
2. Scanning: the five bundled agreements cut into pages of 3,000 characters
   (a dense page of an agreement rendered to PDF holds 2,500-3,500), and on
   every page: ``find_municipalities``, ``find_known_organisations``, and
   ``is_first_name`` and ``municipality_of_town`` on every capitalised word,
   i.e. more than an extractor calls. Pages/s over all pages, warm tables.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import time
from collections.abc import Callable

from samspil.loaders import gazetteer as gz
from samspil.loaders.pipeline import bundled_examples
from samspil.loaders.readers import read_document
from interpreter import describe as interpreter  # bench/interpreter.py

PAGE = 3000
CAPITALISED = re.compile(r"\b[A-ZÆØÅ][\wæøå-]+")


def median_ms(fn: Callable[[], object], repeat: int, before: Callable[[], None] = lambda: None) -> float:
    times = []
    for _ in range(repeat):
        before()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def pages() -> list[str]:
    text = "\n".join("\n".join(read_document(p).lines) for p in sorted(bundled_examples().glob("*.txt")))
    return [text[i:i + PAGE] for i in range(0, len(text), PAGE)]


def scan(page: str) -> int:
    hits = len(gz.find_municipalities(page)) + len(gz.find_known_organisations(page))
    for word in CAPITALISED.findall(page):
        hits += gz.is_first_name(word) + (gz.municipality_of_town(word) is not None)
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, {interpreter()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    tables = {
        "places (municipalities, towns, police)": gz._places,
        "organisations (incl. police districts)": gz._organisations,
        "first names": gz._first_names,
        "municipality scan expressions": gz._municipality_regexes,
        "organisation scan expressions": gz._organisation_regexes,
    }
    for label, table in tables.items():
        def before(table=table) -> None:
            if "expression" in label:  # the tables they are compiled from stay loaded
                gz._places(), gz._organisations()
                table.cache_clear()
                re.purge()  # the re module's own cache would hide the compiling
            else:  # the files are read and parsed again
                gz.clear_caches()
        print(f"load {label:42s} {median_ms(table, args.repeat, before=before):7.1f} ms")
    gz.clear_caches()
    print(f"load {'everything, from cold':42s} "
          f"{median_ms(lambda: scan('Randers Kommune'), args.repeat, lambda: (gz.clear_caches(), re.purge())):7.1f} ms")
    texts = pages()
    scan(texts[0])
    for label, part in [("find_municipalities", gz.find_municipalities),
                        ("find_known_organisations", gz.find_known_organisations),
                        ("is_first_name + municipality_of_town, every capitalised word",
                         lambda p: [(gz.is_first_name(w), gz.municipality_of_town(w)) for w in CAPITALISED.findall(p)])]:
        ms = median_ms(lambda part=part: [part(p) for p in texts], args.repeat)
        print(f"scan {label:42s} {len(texts) / ms * 1000:9,.0f} pages/s")
    seconds = [median_ms(lambda: [scan(p) for p in texts], 1) / 1000 for _ in range(args.repeat)]
    best, med = min(seconds), statistics.median(seconds)
    hits = sum(scan(p) for p in texts)
    print(f"scan all of it, {len(texts)} pages of {PAGE} characters: {len(texts) / med:,.0f} pages/s median, "
          f"{len(texts) / best:,.0f} best ({hits} hits)")


if __name__ == "__main__":
    main()
