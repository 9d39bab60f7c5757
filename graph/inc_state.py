"""What the embedded store keeps beside the graph so that one document can be folded
in without rebuilding everything (graph/incremental.py): every organisation and
contact entity with its blocking keys, each document's plan and zone spellings,
and each document's fragment of the graph (graph/emit.py), all indexed by key.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from itertools import combinations
from typing import Any

from samspil.graph.inc_schema import PLAN_NAMES, STATE_SCHEMA, STATE_TABLES
from samspil.graph.jsontext import dumps, dumps_sorted
from samspil.graph.names import Vocabulary, compact
from samspil.graph.resolve import Entity, ShorteningIndex, fuzzy_block, shortening_name, tokens

__all__ = ["STATE_SCHEMA", "STATE_TABLES", "entity_row", "entity_from", "put_entities", "light_row", "fill_extra",
           "put_contacts", "put_fragment", "item_key", "key_tokens", "SqlShortenings",
           "clear_state", "plan_row", "info_text", "plan_names", "put_plan_names", "write_state",
           "write_org_state"]

def signature(name: str, c: Any, merges: list[dict] | None = None) -> str:
    """What an organisation or person node is made of: its name, members and merges (a
    cluster with the same signature and no member in a changed document is unchanged).
    ``merges``: the cluster's merges as dicts, when the caller has them."""
    import hashlib
    pairs = ([(m["left"], m["right"], m["rule"]) for m in merges] if merges is not None
             else [(m.left, m.right, m.rule) for m in c.merges])
    text = repr((name, [(e.document, e.index) for e in c.members], pairs))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def stored_signatures(db: sqlite3.Connection, ids: set[str]) -> dict[str, str]:
    out = {}
    for i in ids:
        row = db.execute("SELECT sig FROM inc_sig WHERE node = ?", (i,)).fetchone()
        if row:
            out[i] = row[0]
    return out


def clear_state(db: sqlite3.Connection) -> None:
    for t in STATE_TABLES:
        db.execute(f"DELETE FROM {t}")   # noqa: S608 - fixed table names
    _plan_names_table(db)
    db.execute("DELETE FROM inc_pname")


def _plan_names_table(db: sqlite3.Connection) -> bool:
    """Create ``inc_pname`` when missing; whether it was."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'inc_pname'").fetchone():
        return False
    for statement in PLAN_NAMES.split(";"):
        if statement.strip():
            db.execute(statement)
    return True


def put_plan_names(db: sqlite3.Connection, plans: dict[str, Any]) -> None:
    """The normalised plan names of documents (id -> its Plan)."""
    from samspil.graph.plans import plan_names
    db.executemany("INSERT OR IGNORE INTO inc_pname VALUES (?, ?)",
                   [(n, d) for d, plan in plans.items() for n in plan_names(d, plan)])


def plan_names(db: sqlite3.Connection) -> None:
    """Make sure ``inc_pname`` exists, filling it from every plan row when it did not (a
    store written before it)."""
    if _plan_names_table(db):
        from samspil.graph.incremental import _plan_of
        put_plan_names(db, {d: _plan_of(p) for d, p in db.execute("SELECT doc, plan FROM inc_plan")})


def entity_row(e: Entity) -> str:
    return dumps({"name": e.name, "names": e.names, "mentions": e.mentions, "data": e.data})


def light_row(e: Entity) -> str:
    """An organisation entity without its mentions and sources (what resolution reads;
    the rest, column ``extra``, is read only for the nodes that are written again)."""
    data = {k: v for k, v in e.data.items() if k != "sources"}
    return dumps({"name": e.name, "names": e.names, "mentions": None, "data": data})


def fill_extra(db: sqlite3.Connection, entities: list[Entity], node: str | None = None) -> None:
    """Read the mentions and sources of entities read with :func:`light_row` (``node``:
    the node most of them belong to, read in one query)."""
    missing = {(e.document, e.index): e for e in entities if e.mentions is None}
    if node is not None and len(missing) > 1:
        for d, i, text in db.execute("SELECT doc, idx, extra FROM inc_org WHERE node = ?", (node,)):
            if (e := missing.get((d, i))) is not None:
                e.mentions, e.data["sources"] = json.loads(text)
    for e in entities:
        if e.mentions is None:
            text = db.execute("SELECT extra FROM inc_org WHERE doc = ? AND idx = ?",
                              (e.document, e.index)).fetchone()[0]
            e.mentions, e.data["sources"] = json.loads(text)


def entity_from(doc: str, idx: int, text: str) -> Entity:
    d = json.loads(text)
    return Entity(doc, idx, d["name"], d["names"], d["mentions"], d["data"])


def key_tokens(key: str, vocab: Vocabulary) -> str | None:
    """A key's token set as text (None for space-free "~" keys, never asked about)."""
    if key.startswith("~"):
        return None
    return " ".join(sorted(set(tokens(key, vocab))))


def put_entities(db: sqlite3.Connection, entities: list[Entity], ids: dict, vocab: Vocabulary) -> None:
    """Organisation entities (prepared: keys set) with their node ids and blocking keys."""
    db.executemany("INSERT INTO inc_org VALUES (?, ?, ?, ?, ?)",
                   ((e.document, e.index, light_row(e), ids.get((e.document, e.index)),
                     dumps([e.mentions, e.data.get("sources")]))
                    for e in entities))
    _upgrade(db)
    ktoks: dict[str, str | None] = {}     # a recurring partner's keys recur in every document
    db.executemany("INSERT OR IGNORE INTO inc_okey(key, doc, idx, ktoks, role) VALUES (?, ?, ?, ?, ?)",
                   ((k, e.document, e.index,
                     ktoks[k] if k in ktoks else ktoks.setdefault(k, key_tokens(k, vocab)),
                     key_role(e, k)) for e in entities for k in e.raw_keys))
    blocks: dict[str, str | None] = {}      # (per distinct name: a recurring partner's recur)
    db.executemany("INSERT INTO inc_prim VALUES (?, ?, ?, ?)",     # (generated as inserted:
                   ((b, e.primary, e.document, e.index) for e in entities   # 10,000 plans,
                    if (b := blocks[e.primary] if e.primary in blocks else      # ~0.5 M rows)
                        blocks.setdefault(e.primary, fuzzy_block(e.primary, vocab))) is not None))
    shorts: dict[str, tuple[frozenset[str], str]] = {}

    def short(name: str) -> tuple[frozenset[str], str]:
        hit = shorts.get(name)
        if hit is None:
            ts = shortening_name(name, vocab)[1]
            hit = shorts[name] = (ts, " ".join(sorted(ts)))
        return hit
    db.executemany("INSERT OR IGNORE INTO inc_stok VALUES (?, ?, ?, ?)",
                   ((t, text, e.document, e.index) for e in entities
                    for ts, text in (short(e.name),) for t in ts))


def key_role(e: Entity, k: str) -> str:
    """How ``e`` holds its key ``k`` when candidate links are formed (graph/resolve.py):
    ``D`` dropped (an alias two entities of the document share), ``P<primary>`` its own
    name, else what tells its holders apart (``B[key, parent]`` for a bare name,
    ``V<primary>`` for an alias). Read by graph/inc_fold.py."""
    if k not in e.keys:
        return "D"
    if k in (e.primary, compact(e.primary)):
        return "P" + e.primary
    return "B" + dumps([k, e.parent]) if k in e.bare else "V" + e.primary


def _upgrade(db: sqlite3.Connection) -> None:
    """A store written before the key roles: add the column (its rows stay NULL: unknown)."""
    if not any(r[1] == "role" for r in db.execute("PRAGMA table_info(inc_okey)")):
        db.execute("ALTER TABLE inc_okey ADD COLUMN role TEXT")


def fold_rows(clusters: list[tuple[str, Any]]) -> Iterator[tuple[str, str, str, int]]:
    """(node id, members, applied links, whether a link was refused) of organisation
    clusters, as graph/inc_fold.py replays them (made as they are inserted). Each member
    is ``[document, index, name, names (null: only the name), type]``: what the replay
    and the node's name, aliases and type read, so a cluster of a thousand members is
    one row to read (a store written before has ``[document, index]``: its members are
    read one by one)."""
    return ((nid, dumps([member_digest(e) for e in c.members]), dumps(c.log), int(c.blocked))
            for nid, c in clusters)


def member_digest(e: Entity) -> list:
    return [e.document, e.index, e.name, None if e.names == [e.name] else e.names,
            e.data.get("type")]


def put_contacts(db: sqlite3.Connection, contacts: list[Entity], org_idx: dict, pids: dict) -> None:
    from samspil.graph.people import _fold
    db.executemany("INSERT INTO inc_person VALUES (?, ?, ?, ?, ?, ?, ?)", (
        (e.document, e.index, entity_row(e), (e.data.get("email") or "").lower() or None,
         f if len((f := _fold(e.name)).split()) >= 2 else None,
         org_idx.get((e.document, e.index)), pids.get((e.document, e.index))) for e in contacts))


def item_key(u: str, v: str | None = None, k: str | None = None) -> str:
    return u if v is None else f"{u}\x1f{v}\x1f{k}"




def put_fragment(db: sqlite3.Connection, doc: str, part: str, g: Any) -> None:
    """Store all of a document's fragment (a PartnershipGraph) in ``frag``
    (graph/frag_store.py: a store may keep every fragment there; the full write keeps
    only those of shared items, the incremental update its own)."""
    from samspil.graph.frag_store import frag_rows
    db.executemany("INSERT INTO frag VALUES (?, ?, ?, ?, ?, ?, ?)", frag_rows(doc, part, g))


def plan_row(doc: str, plan: Any, info: Any) -> tuple[str, str, str]:
    from samspil.loaders.model import _plain     # (``dataclasses.asdict``'s dict, made
    return (doc, dumps(_plain(plan)), info_text(info))   # several times faster)


def info_text(info: Any) -> str:
    return dumps_sorted(vars(info))


class SqlShortenings(ShorteningIndex):
    """:class:`samspil.graph.resolve.ShorteningIndex` over every organisation in the store."""

    def __init__(self, db: sqlite3.Connection, vocab: Vocabulary) -> None:
        self.db, self.vocab = db, vocab
        self.cache: dict[frozenset[str], set[frozenset[str]]] = {}

    def token_sets(self, ts: frozenset[str]) -> set[frozenset[str]]:
        if ts not in self.cache:
            rarest = min(ts, key=lambda t: self.db.execute(
                "SELECT count(*) FROM inc_stok WHERE token = ?", (t,)).fetchone()[0])
            sets = {frozenset(r[0].split()) for r in self.db.execute(
                "SELECT DISTINCT stoks FROM inc_stok WHERE token = ?", (rarest,))}
            self.cache[ts] = {s for s in sets if s >= ts}
        return self.cache[ts]



def subsets_text(ts: frozenset[str], limit: int = 12) -> list[str] | None:
    """Every proper, non-empty subset of ``ts`` as key_tokens text (None: too many)."""
    if len(ts) > limit:
        return None
    items = sorted(ts)
    return [" ".join(c) for n in range(1, len(items)) for c in combinations(items, n)]


def write_state(db: sqlite3.Connection, built: Any, orgs: bool = True) -> None:
    """Everything the incremental update needs, from a full build, into tables emptied
    by :func:`clear_state` before the build (whose ``sink`` may have written the
    fragments already). ``orgs=False``: :func:`write_org_state` wrote the organisations'
    part already."""
    from samspil.graph.emit import zone_counts
    if orgs:
        write_org_state(db, built.orgs.entities, built.org_ids, built.org_clusters,
                        built.fuzzy_pairs)
    put_contacts(db, built.contacts, built.contact_org, built.person_ids)
    db.executemany("INSERT INTO inc_plan VALUES (?, ?, ?)",
                   [plan_row(r.document, r.plan, built.plans[r.document]) for r in built.reports])
    put_plan_names(db, {r.document: r.plan for r in built.reports})
    db.executemany("INSERT INTO inc_zone VALUES (?, ?, ?, ?)",
                   [(k, n, r.document, c) for r in built.reports
                    for (k, n), c in zone_counts(r).items()])
    sigs = {built.person_ids[(c.members[0].document, c.members[0].index)]:
            signature(c.members[0].name, c) for c in built.person_clusters}
    db.executemany("INSERT OR REPLACE INTO inc_sig VALUES (?, ?)", list(sigs.items()))
    for doc, g in built.frags.items():
        put_fragment(db, doc, "d", g)
    for doc, g in built.person_frags.items():
        put_fragment(db, doc, "p", g)


def write_org_state(db: sqlite3.Connection, entities: list[Entity], org_ids: dict,
                    clusters: list[Any], fuzzy_pairs: list[tuple[str, str]]) -> None:
    """The organisations' part of :func:`write_state`: their entities with blocking keys,
    fuzzy pairs, signatures and kept links. The full load writes it as soon as the
    organisations are resolved, so their blocking keys are let go before the documents
    are emitted (graph/sqlite_fold.py)."""
    from samspil.graph.build import org_names
    from samspil.graph.resolve import load_vocabulary
    put_entities(db, entities, org_ids, load_vocabulary())
    db.executemany("INSERT OR IGNORE INTO inc_fuzzy VALUES (?, ?)",
                   [p for a, b in fuzzy_pairs for p in ((a, b), (b, a))])
    sigs = {org_ids[(c.members[0].document, c.members[0].index)]: signature(n, c)
            for n, c in org_names(clusters)}
    db.executemany("INSERT OR REPLACE INTO inc_sig VALUES (?, ?)", list(sigs.items()))
    db.executemany("INSERT OR REPLACE INTO inc_fold VALUES (?, ?, ?, ?)", fold_rows(
        [(org_ids[(c.members[0].document, c.members[0].index)], c) for c in clusters]))
