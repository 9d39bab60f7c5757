"""Where a full rebuild's CPU goes: per bulk SQL statement, per move and index build.

    python bench/profile_rebuild.py DATA_DIR

Runs ``SqliteStore._rebuild()`` once on the store in DATA_DIR (it is rewritten: use a
copy) and prints the process's CPU seconds, then the CPU of each statement the full
write's :class:`~samspil.graph.sqlite_bulk.BulkWrite` runs (multi-row inserts summed
per table, each move into a real table, each index built at the end) and of
``write_graph``. On a shared machine compare codes by interleaved runs; single runs
move by 10-20% with the load (docs/notes/graph.md, session 13).
"""
from __future__ import annotations

import collections
import os
import re
import sys
import time

from samspil.graph import sqlite_bulk, sqlite_fold
from samspil.graph.sqlite_store import SqliteStore

cpu = time.process_time
spent: collections.Counter = collections.Counter()


def _timed(label: str, fn, *args):
    t = cpu()
    try:
        return fn(*args)
    finally:
        spent[label] += cpu() - t


def _patch() -> None:
    bulk = sqlite_bulk.BulkWrite
    execute, move, many = bulk.execute, bulk.move, bulk._many

    def timed_execute(self, sql, *args):
        self.flush()
        return _timed("SQL " + re.sub(r"\s+", " ", sql)[:100], execute, self, sql, *args)

    def timed_finish(self):
        self.flush()
        for table in list(self.verbs):
            self.move(table)
        for name, sql in self.indexes:
            _timed("INDEX " + name, self.db.execute, sql)

    bulk.execute = timed_execute
    bulk.move = lambda self, table: _timed("MOVE " + table, move, self, table)
    bulk._many = lambda self, sql, rows: _timed("INSERT " + sql.split("VALUES")[0][:60], many,
                                                self, sql, rows)
    bulk.finish = timed_finish
    write_graph = sqlite_fold.write_graph
    sqlite_fold.write_graph = lambda *a: _timed("PHASE write_graph (all of it)", write_graph, *a)


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    _patch()
    store = SqliteStore(os.path.join(sys.argv[1], "samspil.sqlite"))
    t, c = time.perf_counter(), cpu()
    store._rebuild()
    print(f"rebuild: {time.perf_counter() - t:.1f} s wall, {cpu() - c:.1f} s CPU, "
          f"load average {os.getloadavg()[0]:.1f}")
    for label, seconds in spent.most_common(40):
        print(f"{seconds:8.2f}  {label}")


if __name__ == "__main__":
    main()
