"""The full write's documents emitted by a worker process as well (issue 13, session 15).

A full write (graph/sqlite_fold.py) reads every stored report a second time, emits its
fragment (graph/emit.py) and stages it as rows (graph/stage_rows.py): at 10,000 plans
~30 s of one core, the largest step of a load, while the machine's other core idles.
:class:`EmitPool` hands most documents to one worker process, in chunks, while the
store's process emits the rest itself and writes every chunk's rows in document order:
the rows, their order and the ``stage_srcs`` ids are those of the serial path
(``stage_srcs`` ids are given per fragment by the store's process, graph/stage_rows.py;
the items' hashes are taken there too).

The worker needs little of the resolution: a document's organisation entities are made
again from its own report (``Orgs.add_report`` numbers them within their document, so
they are the first reading's), and the store's process sends each document's report
text, plan and entities' node ids; the zones' display names go once. The worker is a
fresh interpreter (``python -c``, tasks and results pickled over its stdin and stdout),
started when the write starts: not forked (a forked child kept its own copy of every page
the store's process went on to change, 10,000 plans: +460 MiB and 8 s of system time),
and not through ``multiprocessing``'s spawn, which imports the caller's main module
again in the child (an unguarded script would run twice). It never touches the store.
If it cannot run (one core, a daemonic process such as the API's write process, a worker
that dies or cannot start), the documents are emitted in process.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

__all__ = ["EmitPool"]

POOL_MIN = 500     # documents for which a worker pays (it starts beside the resolution)
_CHUNK = 16        # documents per task
_AHEAD = 4         # tasks queued for the worker
_BOOT = ("import pickle, sys; sys.path[:0] = pickle.load(sys.stdin.buffer); "
         "from samspil.graph.emit_pool import serve; serve()")

# the worker's: the zones' display names and the forgotten persons (``_setup``)
_STATE: dict[str, Any] = {}


class EmitPool:
    """One worker process for a full write's emission (:meth:`start`, :meth:`emit`)."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = subprocess.Popen(
            [sys.executable, "-c", _BOOT], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.tasks: queue.Queue = queue.Queue()
        self.waiting = 0          # tasks sent whose results are not read yet
        self.results: queue.Queue = queue.Queue()
        # threads: a task is written while a result fills the other pipe, and the store's
        # process sees whether a result is in without waiting for it
        self.sender = threading.Thread(target=self._send, name="samspil-emit-feed", daemon=True)
        self.reader = threading.Thread(target=self._read, name="samspil-emit-read", daemon=True)
        self.sender.start()
        self.reader.start()
        self.tasks.put(sys.path)

    @classmethod
    def start(cls, documents: int) -> "EmitPool | None":
        """A pool for a write of ``documents``, or None when one would not pay or cannot run."""
        if (documents < POOL_MIN or (os.cpu_count() or 1) < 2
                or multiprocessing.current_process().daemon):
            return None
        try:
            return cls()
        except OSError:
            return None

    def _send(self) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        out = self.proc.stdin
        try:
            while (task := self.tasks.get()) is not None:
                pickle.dump(task, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
            out.close()
        except (OSError, ValueError):     # the worker is gone: :meth:`_result` says so
            pass

    def _read(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        inp = self.proc.stdout
        while True:
            try:
                reply = pickle.load(inp)
            except (EOFError, OSError, ValueError, pickle.UnpicklingError):
                self.results.put(None)
                return
            self.results.put(reply)

    def _submit(self, fn: Any, *args: Any) -> bool:
        if self.proc is None:
            return False
        self.tasks.put((fn.__name__, args))
        self.waiting += 1
        return True

    def _result(self) -> Any:
        """The next task's result (tasks are done in order); None when the worker is gone."""
        if self.proc is None:
            return None
        reply = self.results.get()
        if reply is None:
            self.close()
            return None
        self.waiting -= 1
        ok, value = reply
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Let the worker go: it ends when its input does; stopped if it has work left
        (an error in the store's process) or does not end."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if self.waiting:
            proc.kill()
        self.tasks.put(None)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        self.sender.join()
        self.reader.join()
        if proc.stdout is not None:
            proc.stdout.close()

    def emit(self, texts: Iterable[tuple[str, str]], stage: Any, forgotten: frozenset,
             plans: dict, orgs: Any, org_ids: dict, zones: dict[str, str]
             ) -> tuple[list[tuple[str, str]], dict[str, int]]:
        """Emit and stage every document of ``texts`` ((document, stored report text) in
        document order) as graph/build.py's loop does; returns the fragments' unit pairs
        and each document's number of contacts. The worker is let go at the end."""
        units: list[tuple[str, str]] = []
        ncontacts: dict[str, int] = {}

        def here(items: list[tuple]) -> list[tuple]:
            return [_emitted(_report(doc, text, forgotten), base, plan, orgs, org_ids, zones)
                    for doc, text, base, plan, _ in items]
        try:
            if self._submit(_setup, zones, forgotten):
                self._result()
            for items, done in self._chunks(texts, stage, plans, orgs, org_ids, here):
                if done is None:
                    done = self._result()
                    done = here(items) if done is None else done  # (the worker is gone)
                for st, pairs, n in done:
                    stage.add(st)
                    units += pairs
                    ncontacts[st.doc] = n
        finally:
            self.close()
        return units, ncontacts

    def _chunks(self, texts: Iterable[tuple[str, str]], stage: Any, plans: dict, orgs: Any,
                org_ids: dict, here: Any) -> Iterator[tuple[list[tuple], list | None]]:
        """(a chunk's items, the chunk emitted here or None: the worker's next result),
        in document order. :data:`_AHEAD` of the worker's chunks are kept queued; while
        the first one's result is not in, the next chunk is emitted here instead of
        waiting (so the two processes share the documents as their speeds allow)."""
        pending: deque[tuple[list[tuple], list | None]] = deque()
        texts = iter(texts)

        def read() -> list[tuple] | None:
            chunk = list(islice(texts, _CHUNK))
            return [(doc, text, stage.base(), plans[doc],
                     [org_ids.get((doc, i)) for i in range(orgs.counts.get(doc, 0))])
                    for doc, text in chunk] or None
        while True:
            while self.proc is not None and self.waiting < _AHEAD:
                if (items := read()) is None:
                    break
                pending.append((items, None) if self._submit(_emit_chunk, items)
                               else (items, here(items)))
            busy = (self.proc is not None and pending and pending[0][1] is None
                    and self.results.empty())
            if busy or not pending:       # the worker's result is not in: one chunk here
                if (items := read()) is not None:
                    pending.append((items, here(items)))
                    if busy:
                        continue
            if not pending:
                return
            yield pending.popleft()


def _report(doc: str, text: str, forgotten: frozenset) -> Any:
    """The stored report of ``doc``, as the serial write's second reading gives it."""
    from samspil.graph.jsontext import loads
    from samspil.graph.people import scrub_report
    from samspil.loaders.model import AgreementReport
    r = scrub_report(AgreementReport.from_dict(loads(text)), forgotten)
    if r.document != doc:
        raise ValueError(f"the stored report of {doc!r} names {r.document!r}")
    return r


def _emitted(r: Any, base: int, plan: Any, orgs: Any, org_ids: dict, zones: dict) -> tuple:
    """(staged rows, unit pairs, number of contacts) of one document's fragment."""
    from samspil.graph.build import unit_pairs
    from samspil.graph.emit import emit_document
    from samspil.graph.stage_rows import staged
    frag = emit_document(r, plan, orgs, org_ids, zones, light=True)
    return staged(r.document, "d", frag, base), unit_pairs(frag), len(r.contacts)


# -- the worker process ------------------------------------------------------------
def serve() -> None:
    """The worker's loop: (task name, arguments) in, (ok, result or exception) out."""
    import samspil.graph.build  # noqa: F401 - imported before the first task
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr        # (nothing else may write into the results' pipe)
    tasks = {"_setup": _setup, "_emit_chunk": _emit_chunk}
    while True:
        try:
            name, args = pickle.load(inp)
        except EOFError:
            return
        try:
            reply = (True, tasks[name](*args))
        except Exception as exc:   # noqa: BLE001 - raised again in the store's process
            reply = (False, exc)
        pickle.dump(reply, out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()


def _setup(zones: dict[str, str], forgotten: frozenset) -> bool:
    _STATE.update(zones=zones, forgotten=forgotten)
    return True


def _emit_chunk(items: list[tuple]) -> list[tuple]:
    """The worker's emission of a chunk: each document's organisation entities are made
    again from its report (numbered within it, as the first reading numbered them)."""
    from samspil.graph.emit import Orgs
    out = []
    for doc, text, base, plan, ids in items:
        r = _report(doc, text, _STATE["forgotten"])
        orgs = Orgs()
        orgs.add_report(r)
        org_ids = {(doc, i): x for i, x in enumerate(ids) if x is not None}
        out.append(_emitted(r, base, plan, orgs, org_ids, _STATE["zones"]))
    return out
