"""The persons' part of the incremental update (graph/incremental.py): contacts that
share an e-mail address or a full name with a changed contact, or whose organisation's
id or units changed, are resolved again together; everything else stays."""
from __future__ import annotations

from typing import Any

from samspil.graph import inc_state as st
from samspil.graph.build import contact_entities, parents_closure
from samspil.graph.emit import emit_person_edges
from samspil.graph.people import person_id, resolve_persons

__all__ = ["update_persons"]


def update_persons(u: Any) -> None:
    q = u.q
    seeds: set[tuple[str, int]] = set()
    keys: set[tuple[str, str]] = set()
    old_pid: dict[tuple[str, int], str] = {}
    old: dict[int, tuple] = {}
    for d in u.changed:
        for i, text, email, fname, node, oi in q("SELECT idx, entity, email, fname, node, org_idx "
                                                  "FROM inc_person WHERE doc = ?", d):
            keys |= {("email", email)} if email else set()
            keys |= {("fname", fname)} if fname else set()
            old_pid[(d, i)] = node
            old[i] = (text, email, fname, u.old_org_nodes.get((d, oi)), node)
        u.db.execute("DELETE FROM inc_person WHERE doc = ?", (d,))
    contacts, org_idx = contact_entities([u.new[d] for d in sorted(u.new)], u.orgs)
    st.put_contacts(u.db, contacts, org_idx, {})
    seeds |= {(e.document, e.index) for e in contacts}
    for d, i in u.org_changed:
        seeds |= {(d, j) for j, oi in q("SELECT idx, org_idx FROM inc_person WHERE doc = ?", d) if oi == i}
    changes = _unit_changes(u)
    units = {a for a, _, _ in changes}
    below = _descendants(u, units)
    for org in below:
        seeds |= set(map(tuple, q("SELECT p.doc, p.idx FROM inc_person p JOIN inc_org o ON "
                                  "o.doc = p.doc AND o.idx = p.org_idx WHERE o.node = ?", org)))
    # a unit relationship that only appears under organisations that are new (a new school
    # of a forvaltning) changes the parents of no stored contact: the fold still applies
    new_units = {(a, b) for a, b, appeared in changes if appeared}
    stored_units = not units or (len(new_units) == len(changes) and not _stored(u, below))
    if stored_units and _folded(u, old, contacts, org_idx, seeds, new_units):
        return
    comp = _closure(u, seeds, keys)
    rows = {(d, i): r for d, i, *r in _rows(u, comp)}
    for k, r in rows.items():
        old_pid.setdefault(k, r[3])
    ents = [st.entity_from(d, i, rows[(d, i)][0]) for d, i in sorted(comp)]
    org_of = {(d, i): rows[(d, i)][2] for d, i in comp}
    orgs = {o for o in org_of.values() if o}
    parents = _stored_parents(u, orgs, new_units) if stored_units else _parents(u, orgs)
    clusters = resolve_persons(ents, org_of, parents, None)
    new_pid, nodes = {}, {}
    for c in clusters:
        pid = person_id(c, org_of, taken=nodes)     # two persons of one mailbox: as a full build
        if pid in nodes:
            raise _fallback("two persons with one id")
        nodes[pid] = c
        new_pid |= {(e.document, e.index): pid for e in c.members}
    olds = {p for p in old_pid.values() if p}
    for pid in nodes:
        if pid not in olds and q("SELECT 1 FROM nodes WHERE id = ?", pid):
            raise _fallback("a person id held by another person")
    for pid in olds - set(nodes):
        u.rewritten_nodes[pid] = None
        u.db.execute("DELETE FROM inc_sig WHERE node = ?", (pid,))
    u.rewrite_clusters(nodes, {p: st.signature(c.members[0].name, c) for p, c in nodes.items()}, {})
    u.db.executemany("UPDATE inc_person SET node = ? WHERE doc = ? AND idx = ?",
                     [(p, d, i) for (d, i), p in new_pid.items() if old_pid.get((d, i)) != p or d in u.new])
    docs = {d for k, p in new_pid.items() if old_pid.get(k) != p for d in [k[0]]}
    _emit_edges(u, (docs | u.emit_docs | set(u.new)))
    u.stats["person_component"] = len(comp)


def _unit_changes(u: Any) -> set[tuple[str, str, bool]]:
    """UNIT_OF relationships that appear (True) or disappear (False): (unit, parent,
    appeared). The stored graph is still the one before the update; the fragments are
    already the new ones."""
    out = set()
    for item in (i for i in u.touched if i.endswith("\x1fUNIT_OF")):
        a, b, _ = item.split("\x1f")
        before = bool(u.q("SELECT 1 FROM edges WHERE src = ? AND dst = ? AND type = 'UNIT_OF'", a, b))
        if before != bool(u.q("SELECT 1 FROM frag WHERE item = ? LIMIT 1", item)):
            out.add((a, b, not before))
    return out


def _stored(u: Any, orgs: set[str]) -> bool:
    """Whether any of ``orgs`` is a node of the stored graph (before the update)."""
    return any(u.q("SELECT 1 FROM nodes WHERE id = ?", o) for o in orgs)


def _folded(u: Any, old: dict, contacts: list, org_idx: dict, seeds: set,
            new_units: set[tuple[str, str]] = frozenset()) -> bool:
    """The fast path (graph/persons_fold.py): when the organisations were folded and no
    other document's contact must be resolved again (``new_units``: unit relationships
    the update adds under new organisations)."""
    from samspil.graph.persons_fold import fold_persons
    if not u.stats.get("org_fold") or seeds - {(e.document, e.index) for e in contacts}:
        return False
    org_of = {}
    for (d, i), oi in org_idx.items():
        row = u.q("SELECT node FROM inc_org WHERE doc = ? AND idx = ?", d, oi) if oi is not None else []
        org_of[(d, i)] = row[0][0] if row else None
    if fold_persons(u, old, contacts, org_of, lambda orgs: _stored_parents(u, orgs, new_units)) is None:
        return False
    _emit_edges(u, u.emit_docs | set(u.new))
    return True


def _fallback(why: str) -> Exception:
    from samspil.graph.incremental import Fallback
    return Fallback(why)


def _closure(u: Any, seeds: set, keys: set) -> set:
    """Contacts reachable from ``seeds`` and ``keys`` through shared e-mails and full
    names (set-at-a-time, through temporary tables)."""
    comp: set[tuple[str, int]] = set()
    done: set = set()
    frontier = set(seeds)
    while True:
        for kind in ("email", "fname"):
            values = {v for k, v in keys - done if k == kind}
            if values:
                u._temp("t_pkeys", "v TEXT", values)
                frontier |= {tuple(r) for r in u.q(
                    f"SELECT p.doc, p.idx FROM t_pkeys t JOIN inc_person p ON p.{kind} = t.v")}
        done |= keys
        frontier -= comp
        if not frontier:
            return comp
        comp |= frontier
        u._temp("t_pents", "doc TEXT, idx INTEGER", frontier)
        keys = set()
        for email, fname in u.q("SELECT p.email, p.fname FROM t_pents t JOIN inc_person p "
                                "ON p.doc = t.doc AND p.idx = t.idx"):
            keys |= {("email", email)} if email else set()
            keys |= {("fname", fname)} if fname else set()
        frontier = set()


def _rows(u: Any, comp: set) -> list:
    """(doc, idx, entity JSON, org entity, org id, person id) of every contact in ``comp``."""
    u._temp("t_pents", "doc TEXT, idx INTEGER", comp)
    return u.q("SELECT p.doc, p.idx, p.entity, p.org_idx, o.node, p.node FROM t_pents t "
               "JOIN inc_person p ON p.doc = t.doc AND p.idx = t.idx "
               "LEFT JOIN inc_org o ON o.doc = p.doc AND o.idx = p.org_idx")


def _parents(u: Any, orgs: set[str]) -> dict[str, set[str]]:
    """Organisation id -> the ids it is (transitively) a unit of, for ``orgs``."""
    pairs: set[tuple[str, str]] = set()
    seen, frontier = set(orgs), set(orgs)
    while frontier:
        u._temp("t_orgs", "o TEXT", frontier)
        found = {tuple(r) for r in u.q(
            "SELECT DISTINCT f.a, f.b FROM t_orgs t JOIN frag f INDEXED BY frag_unit_a "
            "ON f.a = t.o WHERE f.kind = 'UNIT_OF'")}
        found |= {(a, b) for a, b in u.q(        # those frag leaves out (graph/frag_store.py)
            "SELECT e.src, e.dst FROM t_orgs t JOIN edges e ON e.src = t.o WHERE e.type = 'UNIT_OF'")
            if f"{a}\x1f{b}\x1fUNIT_OF" not in u.materialised}
        pairs |= found
        frontier = {p for _, p in found} - seen
        seen |= frontier
    closure = parents_closure(pairs)
    return {o: closure[o] for o in orgs if o in closure}


def _stored_parents(u: Any, orgs: set[str], new: set[tuple[str, str]] = frozenset()
                    ) -> dict[str, set[str]]:
    """As :func:`_parents`, from the stored graph's UNIT_OF relationships and the ``new``
    ones (the same as the fragments' when no other unit relationship appears or
    disappears)."""
    pairs: set[tuple[str, str]] = set()
    seen, frontier = set(orgs), set(orgs)
    while frontier:
        found = {(a, b) for a in frontier for (b,) in u.q(
            "SELECT dst FROM edges WHERE src = ? AND type = 'UNIT_OF'", a)}
        found |= {(a, b) for a, b in new if a in frontier}
        pairs |= found
        frontier = {b for _, b in found} - seen
        seen |= frontier
    closure = parents_closure(pairs)
    return {o: closure[o] for o in orgs if o in closure}


def _descendants(u: Any, orgs: set[str]) -> set[str]:
    seen, stack = set(orgs), list(orgs)
    while stack:
        x = stack.pop()
        children = {c for (c,) in u.q(
            "SELECT DISTINCT a FROM frag INDEXED BY frag_unit_b WHERE kind = 'UNIT_OF' AND b = ?", x)}
        children |= {c for (c,) in u.q("SELECT src FROM edges WHERE dst = ? AND type = 'UNIT_OF'", x)
                     if f"{c}\x1f{x}\x1fUNIT_OF" not in u.materialised}
        for c in sorted(children):
            if c not in seen:
                seen.add(c)
                stack.append(c)
    return seen


def _emit_edges(u: Any, docs: set[str]) -> None:
    for d in sorted(docs):
        if d not in u.plans:
            continue
        rows = []
        for i, text, oi, node in u.q("SELECT idx, entity, org_idx, node FROM inc_person "
                                     "WHERE doc = ? ORDER BY idx", d):
            org = None
            if oi is not None:
                r = u.q("SELECT node FROM inc_org WHERE doc = ? AND idx = ?", d, oi)
                org = r[0][0] if r else None
            rows.append((node, org, st.entity_from(d, i, text).data["sources"]))
        u.replace_frags(d, "p", emit_person_edges(d, rows, u.plans[d].id, light=True))
