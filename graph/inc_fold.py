"""The fast path of the incremental update (graph/incremental.py): fold one changed
document into the organisation clusters it touches without resolving them again.

A recurring partner (the municipality's forvaltninger, a popular association) is a
cluster of hundreds of entities, and its keys reach thousands more; resolving that
component again for every plan that names it is what made adding one plan slow.
Yet a new mention usually only joins one cluster, and a removed one only leaves
it. This module proves that, key by key, and then *replays* the cluster: the full
build keeps, per cluster, the links it applied in order (``Cluster.log``, table
``inc_fold``), and the replay inserts the new mention's links at their place in the
sorted order (or drops the removed mention's link) and unions again, so members,
merges and rules come out exactly as a full rebuild gives them.

It applies (else :class:`NoFold` and the component is resolved as before) when, for
every key of an added or removed entity, the anchor (first entity holding the key
as its own name) and whether the key's aliases stand for several organisations are
unchanged; no shortening, fuzzy anchor or fuzzy pair changes; each added entity
links into one cluster (or none), as the only entity of its document there; a
removed entity was its cluster's only entity of the document, a leaf of its links,
in a cluster that never refused a link; and every node keeps its name and id.
Entities of the document that did not change (the same row and keys, in the same
order, perhaps at other indexes) keep their clusters.
"""
from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from typing import Any

from samspil.graph import inc_state as st
from samspil.graph.build import org_type, qualified_id
from samspil.graph.emit import source_sort_key
from samspil.graph.inc_append import insert_at
from samspil.graph.inc_closure import fuzzy_pairs
from samspil.graph.jsontext import loads  # (orjson: the kept rows of big clusters are megabytes)
from samspil.graph.model import node_id
from samspil.graph.sqlite_rows import source_id, src_key
from samspil.graph.names import compact, normalise
from samspil.graph.resolve import (RULE_RANK, Cluster, Entity, Merge, all_names, canonical_name,
                                   fuzzy_block, key_link_rule, prepare_entity, shortening_name)

__all__ = ["fold", "NoFold"]

Ref = tuple[str, int]


_LAST = chr(0x10FFFF)     # sorts after every document id


class NoFold(Exception):
    """The fast path does not apply: resolve the affected component."""


def fold(u: Any, old_rows: list[tuple], old_roles: dict[int, dict[str, str]]) -> bool:
    """Fold the one changed document of the update ``u`` into its clusters; False (and
    nothing written) when the fast path does not apply."""
    if len(u.changed) != 1 or None in u.changed.values():
        return False
    try:
        plan = _Fold(u, old_rows, old_roles)
        plan.check()
    except NoFold as why:
        u.fold_refused = str(why)
        return False
    plan.write()
    return True


class _Fold:
    def __init__(self, u: Any, old_rows: list[tuple], old_roles: dict[int, dict[str, str]]) -> None:
        self.u, self.db, self.vocab = u, u.db, u.vocab
        (self.doc,) = u.changed
        self.old = {i: (text, node) for _, i, text, node in old_rows}
        self.old_ents = {i: _prepared(self.doc, i, t, self.vocab) for i, (t, _) in self.old.items()}
        self.old_roles = {i: old_roles.get(i, {}) for i in self.old}
        self.new = {e.index: e for e in u.orgs.entities}
        self.new_roles = {i: {k: st.key_role(e, k) for k in e.raw_keys} for i, e in self.new.items()}
        if any(r is None for rs in self.old_roles.values() for r in rs.values()):
            raise NoFold("a store written before the key roles")
        self._match()
        self.ents: dict[Ref, Entity] = {}       # light: name, names, data and primary
        self.full: dict[Ref, Entity] = {}       # prepared (keys, bare names, parent)
        self.primaries: dict[str, str] = {}

    def _match(self) -> None:
        """Unchanged entities (same row and keys, same order) old index -> new index."""
        oi, ni = sorted(self.old), sorted(self.new)
        osig = [(self.old[i][0], tuple(sorted(self.old_roles[i].items()))) for i in oi]
        nsig = [(st.light_row(self.new[i]), tuple(sorted(self.new_roles[i].items()))) for i in ni]
        self.kept: dict[int, int] = {}
        for a, b, size in difflib.SequenceMatcher(None, osig, nsig, autojunk=False).get_matching_blocks():
            self.kept |= {oi[a + k]: ni[b + k] for k in range(size)}
        self.removed = [i for i in oi if i not in self.kept]
        self.added = [i for i in ni if i not in set(self.kept.values())]

    def ren(self, ref: Ref) -> Ref | None:
        """An entity's reference after the change (None: removed)."""
        if ref[0] != self.doc:
            return ref
        return (self.doc, self.kept[ref[1]]) if ref[1] in self.kept else None

    # -- checks ------------------------------------------------------------------
    def check(self) -> None:
        keys = {k for i in self.removed for k, r in self.old_roles[i].items() if r != "D"}
        keys |= {k for i in self.added for k, r in self.new_roles[i].items() if r != "D"}
        generic = self.vocab.generic | {compact(g) for g in self.vocab.generic}
        self.generic = generic
        self.after: dict[str, tuple] = {}
        for k in sorted(keys - generic):
            self._check_key(k)
        self._check_shortenings()
        self._check_fuzzy()
        self.targets = {i: self._target(self.new[i]) for i in self.added}
        self._plan_clusters()

    def _holders(self, k: str) -> tuple[list, list]:
        """The key's holders before and after the change, for :func:`_key_state`: the
        other documents' in summary (a common key has ten thousand holders): their first
        own-name holder, up to two of their alias roles and one holder per other hit."""
        q, doc = self.u.q, self.doc
        if q("SELECT 1 FROM inc_okey WHERE key = ? AND role IS NULL LIMIT 1", k):
            raise NoFold("a store written before the key roles")
        rows = q("SELECT doc, idx, role FROM inc_okey WHERE key = ? AND doc != ? AND role LIKE 'P%' "
                 "ORDER BY doc, substr(role, 2), idx LIMIT 1", k, doc)
        rows += q("SELECT min(doc), min(idx), role FROM inc_okey WHERE key = ? AND doc != ? AND "
                  "role != 'D' AND role NOT LIKE 'P%' GROUP BY role LIMIT 2", k, doc)
        hits = q("SELECT count(*) FROM inc_okey WHERE key = ? AND doc != ? AND role != 'D'", k, doc)[0][0]
        # the other hits only count: an own name sorting after every document, or a role
        # already there (so neither the anchor nor the roles change)
        filler = ((_LAST, -1, "P") if rows and rows[0][2].startswith("P") else rows[-1]) if rows else None
        rows += [filler] * (hits - len(rows))
        before = rows + [(doc, i, rs[k]) for i, rs in self.old_roles.items() if k in rs]
        after = rows + [(doc, i, rs[k]) for i, rs in self.new_roles.items() if k in rs]
        return before, after

    def _check_key(self, k: str) -> None:
        before, after = self._holders(k)
        (ab, sb, _), (aa, sa, hits) = _key_state(before), _key_state(after)
        if ab is not None and ab[0] == self.doc and ab[1] in self.removed:
            raise NoFold(f"a removed entity anchored {k!r}")
        if aa is not None and aa[0] == self.doc and aa[1] in self.added:
            raise NoFold(f"an added entity anchors {k!r}")
        if ab is not None and aa is not None and self.ren(ab) != aa:
            raise NoFold(f"the anchor of {k!r} changes")
        if sb != sa:
            raise NoFold(f"whether {k!r} stands for several organisations changes")
        self.after[k] = (aa, sa, hits)

    def _check_shortenings(self) -> None:
        """Names whose words no other document's name has (a new plan's new partners) add
        to or take from the token sets that shortenings are judged against; refused only
        if that flips whether a stored key is an ambiguous shortening: a key made of a
        subset of such a name's words, judged with every such set of the change added or
        taken away at once (session 15: before, any such name was refused)."""
        olds = {shortening_name(e.name, self.vocab)[1] for e in self.old_ents.values()}
        news = {shortening_name(e.name, self.vocab)[1] for e in self.new.values()}
        changed = {ts for ts in olds ^ news if ts and not self.u.q(
            "SELECT 1 FROM inc_stok WHERE token = ? AND stoks = ? AND doc != ? LIMIT 1",
            min(ts), " ".join(sorted(ts)), self.doc)}
        added, removed = changed & news, changed - news
        short = st.SqlShortenings(self.db, self.vocab)      # the store after the change
        keys: set[str] = set()
        for ts in changed:
            subsets = st.subsets_text(ts)
            if subsets is None:
                raise NoFold("a name with too many words")
            keys.update(subsets)
        for text in sorted(keys):
            if not self.u.q("SELECT 1 FROM inc_okey WHERE ktoks = ? LIMIT 1", text):
                continue
            kts = frozenset(text.split())
            after = short.token_sets(kts)
            before = (after - added) | {r for r in removed if r >= kts}
            if _ambiguous(kts, after) != _ambiguous(kts, before):
                raise NoFold("the names that shortenings are judged against change")

    def _check_fuzzy(self) -> None:
        changed = [self.old_ents[i] for i in self.removed] + [self.new[i] for i in self.added]
        for p in sorted({e.primary for e in changed}):
            if (b := fuzzy_block(p, self.vocab)) is None:
                continue
            rows = [tuple(r) for r in self.u.q(
                "SELECT doc, idx FROM inc_prim WHERE block = ? AND prim = ? AND doc != ?", b, p, self.doc)]
            before = rows + [(self.doc, i) for i, e in self.old_ents.items() if e.primary == p]
            after = rows + [(self.doc, i) for i, e in self.new.items() if e.primary == p]
            if not before:      # a new name: refused if the fuzzy rule pairs it (session 15)
                if fuzzy_pairs(self.u.q, self.vocab, b, [p]):
                    raise NoFold("a new name for the fuzzy rule")
                continue
            if self.ren(min(before)) != (min(after) if after else None) and self.u.q(
                    "SELECT 1 FROM inc_fuzzy WHERE a = ? LIMIT 1", p):
                raise NoFold("the first holder of a fuzzily paired name changes")

    def entity(self, ref: Ref) -> Entity:
        """An entity of the store after the change (name, names, data and primary)."""
        if ref not in self.ents:
            if ref[0] == self.doc:
                self.ents[ref] = self.new[ref[1]]
            else:
                text = self.u.q("SELECT entity FROM inc_org WHERE doc = ? AND idx = ?", *ref)[0][0]
                self._light(ref, text)
        return self.ents[ref]

    def _light(self, ref: Ref, text: str) -> None:
        e = st.entity_from(ref[0], ref[1], text)
        if e.name not in self.primaries:
            self.primaries[e.name] = normalise(e.name, self.vocab)
        e.primary = self.primaries[e.name]
        self.ents[ref] = e

    def anchor(self, ref: Ref) -> Entity:
        """A prepared entity (the common-noun rule reads its stated parent)."""
        if ref not in self.full:
            self.full[ref] = (self.new[ref[1]] if ref[0] == self.doc else _prepared(
                ref[0], ref[1], self.u.q("SELECT entity FROM inc_org WHERE doc = ? AND idx = ?",
                                         *ref)[0][0], self.vocab))
        return self.full[ref]

    def node_of(self, ref: Ref) -> str | None:
        if ref[0] == self.doc:
            old = {v: k for k, v in self.kept.items()}[ref[1]]
            return self.old[old][1]
        rows = self.u.q("SELECT node FROM inc_org WHERE doc = ? AND idx = ?", *ref)
        return rows[0][0] if rows else None

    def _target(self, n: Entity) -> tuple[str | None, list]:
        """The cluster an added entity joins (None: its own) and its links, as the
        resolver forms them (graph/resolve.py ``_candidate_links``)."""
        from samspil.graph.inc_state import SqlShortenings
        links, nodes = [], set()
        short = SqlShortenings(self.db, self.vocab)
        sort_key = json.loads(json.dumps(n.sort_key))
        for k in sorted(n.keys - self.generic):
            anchor, several, hits = self.after[k]
            if anchor is None or hits < 2:
                continue
            own = self.new_roles[n.index][k].startswith("P")
            if not own and (several or k.startswith("~")
                            or (k not in n.bare and short.ambiguous(k))):
                continue
            rule = key_link_rule(n, self.anchor(anchor), k)
            if rule is None:
                continue
            links.append(([RULE_RANK[rule], -1.0, [k], sort_key], anchor, (n.document, n.index), rule))
            nodes.add(self.node_of(anchor))
        if len(nodes) > 1 or None in nodes:
            raise NoFold("an added entity links two clusters")
        return (nodes.pop() if nodes else None), links

    # -- the clusters --------------------------------------------------------------
    def _plan_clusters(self) -> None:
        """Which clusters change and how; each is replayed and must keep its name and id."""
        kept_in = {self.old[o][1] for o in self.kept}
        self.touched: dict[str | None, dict] = {}
        for i in self.removed:
            nid = self.old[i][1]
            self.touched.setdefault(nid, {"add": [], "drop": []})["drop"].append((self.doc, i))
        for i, (nid, _) in self.targets.items():
            if nid is not None:
                self.touched.setdefault(nid, {"add": [], "drop": []})["add"].append(i)
        for nid, change in self.touched.items():
            if nid in kept_in or len(change["add"]) > 1 or len(change["drop"]) > 1:
                raise NoFold("two entities of the document in one cluster")
        self.result: dict[str, Cluster] = {}
        self.names: dict[str, str] = {}
        self.gone: list[str] = []
        self.bases: set[str] = set()            # ids of the added organisations of their own
        self.renamed: dict[str, str] = {}       # id -> qualified id (see _rename)
        for i, (nid, _) in sorted(self.targets.items()):     # cheap refusals first
            if nid is None:
                self._alone(self.new[i])
        self.same = {nid for nid in kept_in - set(self.touched) if self._unchanged(nid)}
        for nid in sorted(kept_in - self.same | set(self.touched)):
            self._replay(nid, self.touched.get(nid, {"add": [], "drop": []}))

    def _unchanged(self, nid: str) -> bool:
        """Whether the cluster's entities of the document are the same, at the same
        indexes, with the same mentions and sources (then nothing in it changes)."""
        for o, n in self.kept.items():
            if self.old[o][1] == nid and (o != n or self.u.old_extra.get((self.doc, o)) != json.dumps(
                    [self.new[n].mentions, self.new[n].data.get("sources")], ensure_ascii=False)):
                return False
        return True

    def _replay(self, nid: str, change: dict) -> None:
        row = self.u.q("SELECT members, log, blocked FROM inc_fold WHERE node = ?", nid)
        if not row:
            raise NoFold("a cluster without its kept links")
        digest = loads(row[0][0])
        members = [(m[0], m[1]) for m in digest]
        log = loads(row[0][1])
        if self.u.replacing or any(len(m) < 5 for m in digest):
            self._read_members(nid, members)
        else:                                   # an added document: the kept digest will do
            others = sum(1 for m in members if m[0] != self.doc)
            if self.u.q("SELECT count(*) FROM inc_org WHERE node = ?", nid)[0][0] != others:
                raise NoFold("a cluster's kept members differ from the store")
            for d, i, name, names, kind in digest:
                if (d, i) not in self.ents:
                    self._digested((d, i), name, names, kind)
        if change["drop"] and row[0][2]:
            raise NoFold("a cluster that refused a link loses an entity")
        drop = set(change["drop"])
        if drop and sum(1 for _, a, b, _ in log if tuple(a) in drop or tuple(b) in drop) > 1 \
                or any(tuple(a) in drop for _, a, _, _ in log):
            raise NoFold("a removed entity held its cluster together")
        new = [(*link, True) for i in change["add"] for link in self.targets[i][1]]
        if self.u.replacing:
            events = sorted([(_renamed_key(key, self), self.ren(tuple(a)), self.ren(tuple(b)), rule,
                              False) for key, a, b, rule in log if tuple(b) not in drop] + new,
                            key=lambda e: e[0])
            after = [r for m in members if (r := self.ren(m)) is not None]
        else:                   # an added document: the kept links stay as they are
            events = sorted([(key, tuple(a), tuple(b), rule, False) for key, a, b, rule in log] + new,
                            key=lambda e: e[0])
            after = list(members)
        after += [(self.doc, i) for i in change["add"]]
        if not after:
            if "/" in nid:
                raise NoFold("a qualified id loses its cluster")
            self.gone.append(nid)
            return
        ents = [self.entity(r) for r in after]
        # (the merges read entities from the dict, not through this object: no reference
        # cycle, so the update's objects are freed as soon as it ends, without a GC pass)
        merges, applied = _union(after, events, self.ents.__getitem__)
        if any(ents[k].sort_key > ents[k + 1].sort_key for k in range(len(members) - 1, len(ents) - 1)) \
                or self.u.replacing:
            ents.sort(key=lambda e: e.sort_key)
        c = Cluster(ents, merges, applied, bool(row[0][2]))
        before = self.u.q("SELECT name FROM nodes WHERE id = ?", nid)[0][0]   # as named before
        name = canonical_name(c, self.vocab)
        if name != before or qualified_id(c, name, "/" in nid) != nid:
            raise NoFold("a cluster's name or id changes")
        self.result[nid], self.names[nid] = c, name

    def _read_members(self, nid: str, members: list[Ref]) -> None:
        """Every member of a cluster with its mentions and sources, from the store."""
        stored = self.u.q("SELECT doc, idx, entity, extra FROM inc_org WHERE node = ?", nid)
        for d, i, text, extra in stored:        # the node is written again: read it all at once
            if (d, i) not in self.ents:
                self._light((d, i), text)
                self.ents[(d, i)].mentions, self.ents[(d, i)].data["sources"] = loads(extra)
        if {(d, i) for d, i, _, _ in stored if d != self.doc} != {m for m in members if m[0] != self.doc}:
            raise NoFold("a cluster's kept members differ from the store")

    def _digested(self, ref: Ref, name: str, names: list[str] | None, kind: str | None) -> None:
        """A member from its cluster's kept digest (mentions and sources not read)."""
        if name not in self.primaries:
            self.primaries[name] = normalise(name, self.vocab)
        self.ents[ref] = _Member(ref[0], ref[1], name, names or [name], {"type": kind},
                                 self.primaries[name])

    def _alone(self, n: Entity) -> None:
        """An added entity that joins no cluster: an organisation of its own. When another
        organisation has its name, both ids are qualified by their first document, as the
        full build does (the other one is renamed in place: :meth:`_rename`)."""
        c = Cluster([n], [], [], False)
        name = canonical_name(c, self.vocab)
        base = node_id("Organisation", name)
        if base in self.bases or any(t is not None and (t == base or t.startswith(base + "/"))
                                     for t in self.touched):
            raise NoFold("a new organisation shares a name with a changed one")
        self.bases.add(base)
        held = {r[0] for r in self.u.q("SELECT DISTINCT node FROM inc_org WHERE node = ? OR "
                                       "(node > ? AND node < ?)", base, base + "/", base + "0")}
        nid = qualified_id(c, name, True) if held else base
        if base in held:
            if len(held) > 1 or self.u.replacing:
                raise NoFold("a new organisation shares a name")
            self._rename(base)
        if nid in held or nid in self.result or nid in self.renamed.values():
            raise NoFold("two organisations with one id")
        self.result[nid], self.names[nid] = c, name

    def _rename(self, nid: str) -> None:
        """Qualify the id of the one organisation that had a name to itself by its first
        document (its members, merges and node stay; every document naming it is emitted
        again by the update, as after a resolution)."""
        row = self.u.q("SELECT f.members, n.name FROM inc_fold f JOIN nodes n ON n.id = f.node "
                       "WHERE f.node = ?", nid)
        if not row:
            raise NoFold("a cluster without its kept links")
        first = loads(row[0][0])[0][0]
        self.renamed[nid] = node_id("Organisation", row[0][1], first.rsplit(".", 1)[0])

    # -- writing -----------------------------------------------------------------------
    def write(self) -> None:
        u = self.u
        for nid in self.gone:
            u.rewritten_nodes[nid] = None
            for t in ("inc_sig", "inc_fold"):
                self.db.execute(f"DELETE FROM {t} WHERE node = ?", (nid,))   # noqa: S608
        made = {nid: attrs for nid, c in self.result.items()
                if (attrs := self._extended(nid, c)) is not None}
        sigs = {nid: st.signature(self.names[nid], c, made[nid]["merges"] if nid in made else None)
                for nid, c in self.result.items()}
        u.rewrite_clusters(self.result, sigs, self.names, made)
        self.db.executemany("INSERT OR REPLACE INTO inc_fold VALUES (?, ?, ?, ?)",
                            st.fold_rows(sorted(self.result.items())))
        ids = {(e.document, e.index): nid for nid, c in self.result.items() for e in c.members}
        ids |= {(self.doc, n): self.old[o][1] for o, n in self.kept.items() if self.old[o][1] in self.same}
        u.kept |= {source_id(src_key(x)) for o, n in self.kept.items() if self.old[o][1] in self.same
                   for x in self.new[n].data.get("sources") or []}   # still cited by those nodes
        self.db.executemany("UPDATE inc_org SET node = ? WHERE doc = ? AND idx = ?",
                            [(ids[(self.doc, i)], self.doc, i) for i in self.new])
        old_of = {v: k for k, v in self.kept.items()}
        u.org_changed = {(self.doc, i) for i in self.new
                         if i not in old_of or self.old[old_of[i]][1] != ids[(self.doc, i)]}
        for old, new in self.renamed.items():
            members = self._write_rename(old, new)
            u.org_changed |= members
            u.emit_docs |= {d for d, _ in members}
        u.stats = {"org_component": sum(len(c.members) for c in self.result.values()), "org_fold": 1}


    def _extended(self, nid: str, c: Cluster) -> dict[str, Any] | None:
        """The node of a cluster an added document's entity joined as its last member,
        made from the stored node without reading the other members' mentions and
        sources: the entity's one merge goes to its place among the stored merges (the
        replay's), the others' mentions stay as stored (their rules come from merges
        before it), the entity's follow, its sources after every stored one (they name
        the document, which sorts last; graph/sqlite_rows.py ``write_items`` reads
        ``@s``). None when that does not hold (the node is made from every member)."""
        change = self.touched.get(nid)
        if self.u.replacing or not change or change["drop"] or len(change["add"]) != 1:
            return None
        n = self.new[change["add"][0]]
        if c.members[0] is n or len(c.members) < 2 or not c.merges:
            return None
        row = self.u.q("SELECT props FROM nodes WHERE id = ? AND label = 'Organisation'", nid)
        if not row:
            return None
        old = loads(row[0][0])
        at = c.merges.new_at() if isinstance(c.merges, _Merges) else None
        if at is None or len(c.merges) != len(old.get("merges") or ()) + 1:
            return None
        mine = c.merges[at]
        if n.ref not in (mine.left, mine.right):
            return None
        merges = old["merges"][:at] + [mine.to_dict()] + old["merges"][at:]
        if any(merges[k] != c.merges[k].to_dict() for k in (0, at - 1, len(merges) - 1) if 0 <= k != at):
            return None
        other = mine.left if mine.right == n.ref else mine.right
        if other != c.members[0].ref and not any(
                other in (m["left"], m["right"]) for m in old["merges"][:at]):
            return None         # the merge names a member first: that member's rule changes
        rule = mine.rule
        name = self.names[nid]
        sources = sorted({source_sort_key(s): s for s in n.data["sources"]}.values(),
                         key=source_sort_key)
        if any(s.get("document") != self.doc for s in sources):
            return None
        mentions = old["mentions"]
        k = len(mentions)          # members sort by document: the new one's go where theirs do
        if c.members[-1] is not n:
            k = sum(1 for m in mentions if m["document"] < self.doc)
        mentions[k:k] = [{**m, "rule": rule} for m in n.mentions]
        at = None if c.members[-1] is n else insert_at(self.u.q, old["@s"], self.doc)
        if c.members[-1] is not n and at is None:
            return None
        return {"id": nid, "label": "Organisation", "name": name,
                "aliases": [x for x in all_names(c) if x != name], "type": org_type(c),
                "mentions": mentions, "merges": merges, "@s": old["@s"], "sources": sources,
                **({} if at is None else {"@at": at})}


    def _write_rename(self, old: str, new: str) -> set[Ref]:
        """Move a renamed organisation's node and kept state to its new id; its members."""
        label, name, props = self.u.q("SELECT label, name, props FROM nodes WHERE id = ?", old)[0]
        props = loads(props)
        ids = props.pop("@s")
        self.u.rewritten_nodes[old] = None
        self.u.rewritten_nodes[new] = {"id": new, "label": label, "name": name, **props,
                                       "@s": ids, "sources": []}
        members = {(d, i) for d, i in self.u.q("SELECT doc, idx FROM inc_org WHERE node = ?", old)}
        for table in ("inc_org", "inc_sig", "inc_fold"):
            self.db.execute(f"UPDATE {table} SET node = ? WHERE node = ?", (new, old))  # noqa: S608
        return members


class _Member:
    """A cluster member read from the kept digest: what the replay, the node's name,
    aliases and type and the kept state read of an :class:`Entity` (a tenth of its
    cost to make; a big cluster has ten thousand members)."""

    __slots__ = ("document", "index", "name", "names", "data", "primary", "mentions")

    def __init__(self, document: str, index: int, name: str, names: list[str], data: dict,
                 primary: str) -> None:
        self.document, self.index, self.name, self.names = document, index, name, names
        self.data, self.primary, self.mentions = data, primary, None

    ref = Entity.ref
    sort_key = Entity.sort_key


def _ambiguous(ts: frozenset[str], sets: set[frozenset[str]]) -> bool:
    """``ShorteningIndex.ambiguous`` of a key with tokens ``ts`` among the names' token
    sets ``sets``: more than one minimal name containing the key's words."""
    supersets = {x for x in sets if x > ts}
    return sum(not any(y < x for y in supersets) for x in supersets) > 1


def _key_state(holders: list) -> tuple:
    """(anchor, whether the key's aliases stand for several organisations, hits) of a key."""
    hits = [(d, i, role) for d, i, role in holders if role != "D"]
    own = [(d, role[1:], i) for d, i, role in hits if role.startswith("P")]
    anchor = min(own) if own and len(hits) >= 2 else None
    several = len({role for _, _, role in hits if not role.startswith("P")}) > 1
    return ((anchor[0], anchor[2]) if anchor else None), several, len(hits)


def _renamed_key(key: list, f: _Fold) -> list:
    """A stored link's sort key with its entity's index after the change."""
    doc, prim, idx = key[3]
    if doc == f.doc:
        key = [*key[:3], [doc, prim, f.kept[idx]]]
    return key


def _union(members: list[Ref], events: list, entity: Any) -> tuple[_Merges, list]:
    """Apply ``events`` (sort key, left, right, rule, new) to ``members`` as the resolver's
    union-find does (the smaller reference is the root; merges concatenate). A root's
    merges are kept as a tree of (left part, right part, event) and flattened once:
    concatenating lists made a cluster of a thousand members quadratic. The merges are
    made only when read (an extended node reads only the new one: :meth:`_Fold._extended`)."""
    parent = {m: m for m in members}
    merges: dict[Ref, Any] = {m: None for m in members}
    size = {m: 1 for m in members}

    def find(x: Ref) -> Ref:
        while parent[x] != x:
            parent[x] = parent[parent[x]]      # path halving: roots stay the same
            x = parent[x]
        return x

    applied = []
    for k, (key, a, b, rule, new) in enumerate(events):
        if a not in parent or b not in parent:
            raise NoFold("a kept link names an entity outside its cluster")
        ra, rb = find(a), find(b)
        if ra == rb and new:
            continue
        if ra == rb or (new and size[rb] > 1):
            raise NoFold("the links apply differently")
        r, o = (ra, rb) if ra < rb else (rb, ra)
        parent[o], size[r] = r, size[r] + size[o]
        merges[r] = (merges[r], merges[o], k)
        merges[o] = None
        applied.append([key, list(a), list(b), rule])
    if size[find(members[0])] != len(members):
        raise NoFold("the cluster splits")
    # the links are applied in sorted order, but kept as the full build keeps them: by
    # the entity they start from, in the order of references (graph/resolve.py)
    applied.sort(key=lambda x: (x[1][0], x[1][1]))
    return _Merges(_flatten(merges[find(members[0])]), events, entity), applied


def _flatten(tree: Any) -> list[int]:
    """The events of a (left, right, event) tree in merge order (left, right, then event)."""
    out: list[int] = []
    stack = [tree]
    while stack:
        t = stack.pop()
        if t is None:
            continue
        if isinstance(t, int):
            out.append(t)
            continue
        left, right, k = t
        stack += [k, right, left]
    return out


class _Merges(Sequence):
    """A cluster's merges in order, each made from its event when first read."""

    def __init__(self, order: list[int], events: list, entity: Any) -> None:
        self.order, self.events, self.entity = order, events, entity
        self.made: dict[int, Merge] = {}

    def __len__(self) -> int:
        return len(self.order)

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        e = self.order[k]
        if e not in self.made:
            _, a, b, rule, _ = self.events[e]
            self.made[e] = Merge(self.entity(a).ref, self.entity(b).ref, rule)
        return self.made[e]

    def new_at(self) -> int | None:
        """Where the one merge made by a new link is (None: no such merge)."""
        at = [j for j, e in enumerate(self.order) if self.events[e][4]]
        return at[0] if len(at) == 1 else None


def _prepared(doc: str, idx: int, text: str, vocab: Any) -> Entity:
    e = st.entity_from(doc, idx, text)
    prepare_entity(e, vocab)
    return e

