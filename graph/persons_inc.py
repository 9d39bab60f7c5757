"""The persons' part of the incremental update (graph/incremental.py): contacts that
share an e-mail address or a full name with a changed contact, or whose organisation's
id or units changed, are resolved again together; everything else stays."""
from __future__ import annotations

from typing import Any

from samspil.graph import inc_state as st
from samspil.graph.build import contact_entities, person_node
from samspil.graph.emit import emit_person_edges
from samspil.graph.people import person_id, resolve_persons

__all__ = ["update_persons"]


def update_persons(u: Any) -> None:
    q = u.q
    seeds: set[tuple[str, int]] = set()
    keys: set[tuple[str, str]] = set()
    old_pid: dict[tuple[str, int], str] = {}
    for d in u.changed:
        for i, email, fname, node in q("SELECT idx, email, fname, node FROM inc_person WHERE doc = ?", d):
            keys |= {("email", email)} if email else set()
            keys |= {("fname", fname)} if fname else set()
            old_pid[(d, i)] = node
        u.db.execute("DELETE FROM inc_person WHERE doc = ?", (d,))
    contacts, org_idx = contact_entities([u.new[d] for d in sorted(u.new)], u.orgs)
    st.put_contacts(u.db, contacts, org_idx, {})
    seeds |= {(e.document, e.index) for e in contacts}
    for d, i in u.org_changed:
        seeds |= {(d, j) for j, oi in q("SELECT idx, org_idx FROM inc_person WHERE doc = ?", d) if oi == i}
    for org in _descendants(u, {i.split("\x1f")[0] for i in u.touched if i.endswith("\x1fUNIT_OF")}):
        seeds |= set(map(tuple, q("SELECT p.doc, p.idx FROM inc_person p JOIN inc_org o ON "
                                  "o.doc = p.doc AND o.idx = p.org_idx WHERE o.node = ?", org)))
    comp = _closure(u, seeds, keys)
    rows = {(d, i): r for d, i, *r in _rows(u, comp)}
    for k, r in rows.items():
        old_pid.setdefault(k, r[3])
    ents = [st.entity_from(d, i, rows[(d, i)][0]) for d, i in sorted(comp)]
    org_of = {(d, i): rows[(d, i)][2] for d, i in comp}
    parents = _parents(u, {o for o in org_of.values() if o})
    clusters = resolve_persons(ents, org_of, parents, None)
    new_pid, nodes = {}, {}
    for c in clusters:
        pid = person_id(c, org_of)
        if pid in nodes:
            raise _fallback("two persons with one id")
        nodes[pid] = {"id": pid, "label": "Person", "name": c.members[0].name, **person_node(c)}
        new_pid |= {(e.document, e.index): pid for e in c.members}
    olds = {p for p in old_pid.values() if p}
    for pid in nodes:
        if pid not in olds and q("SELECT 1 FROM nodes WHERE id = ?", pid):
            raise _fallback("a person id held by another person")
    for pid in olds - set(nodes):
        u.rewritten_nodes[pid] = None
    u.rewritten_nodes.update(nodes)
    u.db.executemany("UPDATE inc_person SET node = ? WHERE doc = ? AND idx = ?",
                     [(p, d, i) for (d, i), p in new_pid.items() if old_pid.get((d, i)) != p or d in u.new])
    docs = {d for k, p in new_pid.items() if old_pid.get(k) != p for d in [k[0]]}
    _emit_edges(u, (docs | u.emit_docs | set(u.new)))
    u.stats["person_component"] = len(comp)


def _fallback(why: str) -> Exception:
    from samspil.graph.incremental import Fallback
    return Fallback(why)


def _closure(u: Any, seeds: set, keys: set) -> set:
    comp: set[tuple[str, int]] = set()
    done: set = set()
    frontier = set(seeds)
    while True:
        for kind, value in keys - done:
            frontier |= set(map(tuple, u.q(f"SELECT doc, idx FROM inc_person WHERE {kind} = ?", value)))
        done |= keys
        frontier -= comp
        if not frontier:
            return comp
        comp |= frontier
        keys = set()
        for d, i in frontier:
            for email, fname in u.q("SELECT email, fname FROM inc_person WHERE doc = ? AND idx = ?", d, i):
                keys |= {("email", email)} if email else set()
                keys |= {("fname", fname)} if fname else set()
        frontier = set()


def _rows(u: Any, comp: set) -> list:
    out = []
    for d, i in comp:
        for text, oi, node in u.q("SELECT entity, org_idx, node FROM inc_person WHERE doc = ? AND idx = ?", d, i):
            org = None
            if oi is not None:
                r = u.q("SELECT node FROM inc_org WHERE doc = ? AND idx = ?", d, oi)
                org = r[0][0] if r else None
            out.append((d, i, text, oi, org, node))
    return out


def _parents(u: Any, orgs: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for o in orgs:
        seen, stack = set(), [o]
        while stack:
            x = stack.pop()
            for (p,) in u.q("SELECT DISTINCT b FROM frag INDEXED BY frag_unit_a WHERE kind = 'UNIT_OF' AND a = ?", x):
                if p not in seen:
                    seen.add(p)
                    stack.append(p)
        if seen:
            out[o] = seen
    return out


def _descendants(u: Any, orgs: set[str]) -> set[str]:
    seen, stack = set(orgs), list(orgs)
    while stack:
        x = stack.pop()
        for (c,) in u.q("SELECT DISTINCT a FROM frag INDEXED BY frag_unit_b WHERE kind = 'UNIT_OF' AND b = ?", x):
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
        u.replace_frags(d, "p", emit_person_edges(d, rows, u.plans[d].id))
