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
fresh interpreter started when the write starts (loaders/subworker.py), which never
touches the store. If it cannot run (one core, a daemonic process such as the API's
write process, a worker that dies or cannot start), the documents are emitted in process.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from samspil.loaders.subworker import Worker, in_order, usable

__all__ = ["EmitPool"]

POOL_MIN = 500     # documents for which a worker pays (it starts beside the resolution)
_CHUNK = 16        # documents per task
_AHEAD = 4         # tasks queued for the worker
_HERE = "samspil.graph.emit_pool:"

# the worker's: the zones' display names and the forgotten persons (``_setup``)
_STATE: dict[str, Any] = {}


class EmitPool:
    """One worker process for a full write's emission (:meth:`start`, :meth:`emit`)."""

    def __init__(self) -> None:
        self.worker = Worker()    # started now: it imports while the store resolves

    @classmethod
    def start(cls, documents: int) -> "EmitPool | None":
        """A pool for a write of ``documents``, or None when one would not pay or cannot run."""
        if documents < POOL_MIN or not usable():
            return None
        try:
            return cls()
        except OSError:
            return None

    def close(self) -> None:
        self.worker.close()

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

        def chunks() -> Iterator[list[tuple]]:      # (read in order: ids given in order)
            it = iter(texts)
            while chunk := list(islice(it, _CHUNK)):
                yield [(doc, text, stage.base(), plans[doc],
                        [org_ids.get((doc, i)) for i in range(orgs.counts.get(doc, 0))])
                       for doc, text in chunk]
        try:
            if self.worker.submit(_HERE + "_setup", zones, forgotten):
                self._result()
            for _, done in in_order(self.worker, _HERE + "_emit_chunk", chunks(), here, _AHEAD):
                for st, pairs, n in done:
                    stage.add(st)
                    units += pairs
                    ncontacts[st.doc] = n
        finally:
            self.close()
        return units, ncontacts

    def _result(self) -> Any:
        return self.worker.result()


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


# -- in the worker ----------------------------------------------------------------
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
