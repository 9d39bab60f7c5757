"""The fast path for contacts (graph/persons_inc.py): fold one changed document's
contacts into the persons they join without resolving everyone who shares an e-mail
address or a name with them again.

Persons are resolved in two passes (graph/people.py): every e-mail address joins its
holders in document order, then every full name tries each of its holders against
the earliest member of every cluster formed so far. A contact changes nothing but
itself when it adds nothing its person does not already have:

* with an e-mail held before: not the first holder, its organisation already that
  of a holder, and, with a full name, a member of the person of that name before it.
  Its merge is the e-mail merge at its place among the address's (one run in the
  person's merges); removing such a contact removes that merge;
* without an e-mail, with a full name: the last holder of the name, the person of
  the name's first holder having no other name, no organisation the contact's is
  not compatible with, and the contact's organisation (if any) from the first
  holder or their address; it joins that person with the last merge;
* a contact whose address and name nobody else holds is a person of its own.

Contacts of the document that did not change (name, address, full name and
organisation, in the same order) keep their persons. Anything else is resolved as
before (:class:`Refused`).
"""
from __future__ import annotations

import difflib
import json
from typing import Any

from samspil.graph import inc_state as st
from samspil.graph.people import _compatible, names_agree, person_id
from samspil.graph.resolve import Cluster, Entity, Merge

__all__ = ["fold_persons", "Refused"]

Ref = tuple[str, int]


class Refused(Exception):
    """The fast path does not apply: resolve the contacts' component."""


def fold_persons(u: Any, old: dict[int, tuple], new: list[Entity], org_of: dict[Ref, str | None],
                 parents: Any) -> set[str] | None:
    """Fold the changed document's contacts (``old``: index -> (entity, e-mail, full
    name, organisation id, person id) before; ``new`` after, with ``org_of``); the
    person ids written, or None (nothing written) when the fast path does not apply."""
    try:
        f = _PFold(u, old, new, org_of, parents)
        f.plan()
        nodes = f.clusters()
    except Refused as why:
        u.fold_refused = str(why)
        return None
    return f.write(nodes)


class _PFold:
    def __init__(self, u: Any, old: dict, new: list[Entity], org_of: dict, parents: Any) -> None:
        self.u, self.q, (self.doc,) = u, u.q, u.changed
        self.old, self.new = old, {e.index: e for e in new}
        self.org_of, self.parents = org_of, parents
        self.fname = {e.index: _fname(e) for e in new}
        osig = [(json.loads(old[i][0])["name"], old[i][1], old[i][2], old[i][3]) for i in sorted(old)]
        nsig = [(e.name, _email(e), self.fname[e.index], org_of[(self.doc, e.index)])
                for e in sorted(new, key=lambda e: e.index)]
        oi, ni = sorted(old), sorted(self.new)
        self.kept: dict[int, int] = {}
        for a, b, size in difflib.SequenceMatcher(None, osig, nsig, autojunk=False).get_matching_blocks():
            self.kept |= {oi[a + k]: ni[b + k] for k in range(size)}
        self.removed = [i for i in oi if i not in self.kept]
        self.added = [i for i in ni if i not in set(self.kept.values())]
        self.changes: dict[str, dict] = {}      # person id -> {"add": [...], "drop": [...]}

    def change(self, pid: str) -> dict:
        return self.changes.setdefault(pid, {"add": [], "drop": [], "merges": []})

    # -- checks ----------------------------------------------------------------------
    def plan(self) -> None:
        for i in self.removed:
            self._removed(i)
        self.alone: list[int] = []
        for i in self.added:
            self._added(self.new[i])
        kept_in = {self.old[o][4] for o in self.kept}
        for pid, ch in self.changes.items():
            if pid in kept_in or len(ch["add"]) + len(ch["drop"]) > 1:
                raise Refused("two contacts of the document in one person")
        for pid in kept_in:
            self.change(pid)

    def _holders(self, col: str, value: str) -> list[tuple]:
        """(document, index, person, full name, organisation id) of other documents' contacts."""
        return [(d, i, n, f, o) for d, i, n, f, o in self.q(
            f"SELECT p.doc, p.idx, p.node, p.fname, o.node FROM inc_person p LEFT JOIN inc_org o "  # noqa: S608
            f"ON o.doc = p.doc AND o.idx = p.org_idx WHERE p.{col} = ? AND p.doc != ?", value, self.doc)]

    def _mine(self, col: int, value: str, old: bool) -> int:
        rows = self.old.values() if old else [(None, _email(e), self.fname[i], None, None)
                                              for i, e in self.new.items()]
        return sum(1 for r in rows if r[col] == value)

    def _email_join(self, idx: int, email: str, fname: str | None, org: str | None, old: bool,
                    name: str) -> tuple:
        holders = self._holders("email", email)
        if not holders or self._mine(1, email, old) > 1:
            raise Refused("an address new to the store, or twice in the document")
        pids = {h[2] for h in holders}
        first = min(holders)[:2]
        if len(pids) > 1 or first > (self.doc, idx):
            raise Refused("the contact would be its address's first holder")
        names = {(d, i): n for d, i, n in self.q(
            "SELECT doc, idx, json_extract(entity, '$.name') FROM inc_person WHERE email = ? "
            "AND doc != ?", email, self.doc)}
        if not all(names_agree(names[first], n) for n in (*names.values(), name)):
            raise Refused("a holder of the address whose name the first holder's does not agree with")
        if org is not None and org not in {h[4] for h in holders}:
            raise Refused("an organisation its person does not have")
        pid = pids.pop()
        if fname and not self.q("SELECT 1 FROM inc_person WHERE node = ? AND fname = ? AND "
                                "(doc < ? OR (doc = ? AND idx < ?)) AND doc != ? LIMIT 1",
                                pid, fname, self.doc, self.doc, idx, self.doc):
            raise Refused("a name new to its person")
        return pid, first

    def _removed(self, i: int) -> None:
        text, email, fname, org, pid = self.old[i]
        if not email:
            raise Refused("a contact without an address leaves")
        got, first = self._email_join(i, email, fname, org, old=True, name=json.loads(text)["name"])
        if got != pid:
            raise Refused("the store disagrees about a person")
        ch = self.change(pid)
        ch["drop"].append(i)
        ch["merges"].append(("drop", first, (self.doc, i), json.loads(text)["name"]))

    def _added(self, p: Entity) -> None:
        email, fname, org = _email(p), self.fname[p.index], self.org_of[(self.doc, p.index)]
        if email and self._holders("email", email):
            pid, first = self._email_join(p.index, email, fname, org, old=False, name=p.name)
            ch = self.change(pid)
            ch["add"].append(p.index)
            ch["merges"].append(("email", first, (self.doc, p.index), p.name))
            return
        group = self._holders("fname", fname) if fname else []
        if fname and self._mine(2, fname, old=False) > 1:
            raise Refused("a name twice in the document")
        if email and self._mine(1, email, old=False) > 1:
            raise Refused("an address twice in the document")
        if group:
            self._name_join(p, fname, email, org, group)
        else:
            self.alone.append(p.index)

    def _name_join(self, p: Entity, fname: str, email: str | None, org: str | None,
                   group: list[tuple]) -> None:
        """The name pass for the name's last holder: it joins the first person of the
        name (in the order of their first holders) that has no other address and no
        organisation incompatible with its own, else stays alone."""
        if max(group)[:2] > (self.doc, p.index):
            raise Refused("a contact new to the store before others of its name")
        firsts: dict[str, tuple] = {}
        for h in sorted(group):
            firsts.setdefault(h[2], h)
        marks = ",".join("?" * len(firsts))
        if self.q(f"SELECT 1 FROM inc_person WHERE node IN ({marks}) AND fname IS NOT NULL "  # noqa: S608
                  "AND fname != ? LIMIT 1", *firsts, fname):
            raise Refused("a person of several names")
        orgs = {pid: {o for (o,) in self.q("SELECT o.node FROM inc_person p JOIN inc_org o ON "
                                           "o.doc = p.doc AND o.idx = p.org_idx WHERE p.node = ?", pid)}
                for pid in firsts}
        parents = self.parents(set().union(*orgs.values()) | {org}) if org is not None else {}
        for pid, f in firsts.items():
            if email and self.q("SELECT 1 FROM inc_person WHERE node = ? AND email IS NOT NULL "
                                "LIMIT 1", pid):
                continue
            if org is not None and not all(_compatible(x, org, parents) for x in orgs[pid]):
                continue
            ch = self.change(pid)
            ch["add"].append(p.index)
            ch["merges"].append(("name+org", f[:2], (self.doc, p.index), p.name))
            return
        self.alone.append(p.index)

    # -- writing ---------------------------------------------------------------------
    def clusters(self) -> dict[str, Cluster]:
        """The persons the document's contacts are in after the change (nothing written)."""
        nodes = {}
        for pid, ch in sorted(self.changes.items()):
            nodes[pid] = self._cluster(pid, ch)
        for i in self.alone:
            c = Cluster([self.new[i]], [])
            pid = person_id(c, self.org_of)
            if pid in nodes or self.q("SELECT 1 FROM nodes WHERE id = ?", pid):
                raise Refused("a person id held by another person")
            nodes[pid] = c
        return nodes

    def write(self, nodes: dict[str, Cluster]) -> set[str]:
        u, ids = self.u, {}
        for pid, c in nodes.items():
            ids |= {(e.document, e.index): pid for e in c.members}
        u.rewrite_clusters(nodes, {p: st.signature(c.members[0].name, c) for p, c in nodes.items()}, {})
        u.db.executemany("UPDATE inc_person SET node = ? WHERE doc = ? AND idx = ?",
                         [(ids[(self.doc, i)], self.doc, i) for i in self.new])
        u.stats["person_component"] = sum(len(c.members) for c in nodes.values())
        return set(nodes)

    def _cluster(self, pid: str, ch: dict) -> Cluster:
        rows = self.q("SELECT doc, idx, entity FROM inc_person WHERE node = ? AND doc != ?", pid, self.doc)
        members = [st.entity_from(d, i, t) for d, i, t in rows]
        members += [self.new[i] for i in ch["add"]]
        members += [self.new[n] for o, n in self.kept.items() if self.old[o][4] == pid]
        members.sort(key=lambda e: (e.document, e.index))
        props = self.q("SELECT props FROM nodes WHERE id = ?", pid)
        if not props:
            raise Refused("a person without its node")
        merges = [Merge(**m) for m in json.loads(props[0][0])["merges"]]
        refs = {(e.document, e.index): e.ref for e in members}
        refs |= {(self.doc, i): f"{self.doc}: {json.loads(self.old[i][0])['name']}" for i in ch["drop"]}
        for rule, a, b, _ in ch["merges"]:
            merges = _place(merges, rule, refs[a], refs[b], b, members)
        c = Cluster(members, merges)
        org_of = {(e.document, e.index): self._org(e) for e in members}
        if person_id(c, org_of) != pid:
            raise Refused("a person's id changes")
        return c

    def _org(self, e: Entity) -> str | None:
        if e.document == self.doc:
            return self.org_of[(e.document, e.index)]
        row = self.q("SELECT o.node FROM inc_person p JOIN inc_org o ON o.doc = p.doc AND "
                     "o.idx = p.org_idx WHERE p.doc = ? AND p.idx = ?", e.document, e.index)
        return row[0][0] if row else None


def _place(merges: list[Merge], rule: str, left: str, right: str, at: Ref,
           members: list[Entity]) -> list[Merge]:
    """The merges with one removed ("drop") or inserted: an e-mail merge at its place
    among its address's run (the address's holders in document order), a name merge last."""
    if rule == "drop":
        out = [m for m in merges if not (m.rule == "email" and m.left == left and m.right == right)]
        if len(out) != len(merges) - 1:
            raise Refused("a removed contact's merge is not where it should be")
        return out
    new = Merge(left, right, rule)
    if rule != "email":
        return merges + [new]
    order = {e.ref: (e.document, e.index) for e in members}
    if len(order) != len(members):
        raise Refused("two members with one reference")
    run = [k for k, m in enumerate(merges) if m.rule == "email" and m.left == left]
    if not merges:
        return [new]            # the address's one holder was a person of their own
    if not run or run != list(range(run[0], run[-1] + 1)):
        raise Refused("an address without a run of merges")
    pos = run[0] + sum(1 for k in run if order.get(merges[k].right, ("",)) < at)
    return merges[:pos] + [new] + merges[pos:]


def _email(e: Entity) -> str | None:
    return (e.data.get("email") or "").lower() or None


def _fname(e: Entity) -> str | None:
    from samspil.graph.people import _fold
    f = _fold(e.name)
    return f if len(f.split()) >= 2 else None
