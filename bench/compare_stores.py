"""Whether two embedded stores hold the same rows: every table hashed row by row in
primary-key order (issue 13: a change to the full write must leave the store as it was).

    python bench/compare_stores.py A/samspil.sqlite B/samspil.sqlite

Left out: ``documents.loaded_at`` (when each document was loaded) and the ``meta`` row
``graph_token`` (a random token per write). The schema (tables, indexes) is compared
too. Prints one line per table and IDENTICAL or DIFFERENT; exit 1 when different. Not
a test: it reads the two stores read-only, a 10,000-plan pair in a few minutes.
"""
from __future__ import annotations

import hashlib
import sqlite3
import sys

IGNORE = {("documents", "loaded_at")}


def tables(db: sqlite3.Connection) -> list[str]:
    return sorted(r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))


def digest(db: sqlite3.Connection, table: str) -> tuple[int, str, list[str]]:
    """(rows, hash of the rows in key order, the key's columns)."""
    info = db.execute(f"PRAGMA table_info({table})").fetchall()
    cols = [c[1] for c in info if (table, c[1]) not in IGNORE]
    key = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5] > 0]
    where = " WHERE key != 'graph_token'" if table == "meta" else ""
    h, n = hashlib.sha256(), 0
    for row in db.execute(f"SELECT {', '.join(cols)} FROM {table}{where} "   # noqa: S608
                          f"ORDER BY {', '.join(key or cols)}"):
        h.update(repr(row).encode())
        n += 1
    return n, h.hexdigest()[:16], key


def main() -> int:
    a, b = (sqlite3.connect(f"file:{p}?mode=ro", uri=True) for p in sys.argv[1:3])
    ta, tb = tables(a), tables(b)
    same = ta == tb
    if not same:
        print("tables in one store only:", sorted(set(ta) ^ set(tb)))
    for t in sorted(set(ta) & set(tb)):
        (na, ha, key), (nb, hb, _) = digest(a, t), digest(b, t)
        ok = (na, ha) == (nb, hb)
        same &= ok
        print(f"{'OK  ' if ok else 'DIFF'} {t:14s} rows {na:>9} {nb:>9}  {ha} {hb}  key {key or 'all columns'}")
    schema = [sorted(db.execute("SELECT type, name, sql FROM sqlite_master")) for db in (a, b)]
    print("schema", "OK" if schema[0] == schema[1] else "DIFF")
    same &= schema[0] == schema[1]
    print("IDENTICAL" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
