"""The tables the embedded store keeps for incremental resolution (graph/inc_state.py):
kept apart so that opening a store does not import the resolver."""
from __future__ import annotations

__all__ = ["STATE_SCHEMA", "STATE_TABLES", "PLAN_NAMES"]

STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS inc_org(doc TEXT NOT NULL, idx INTEGER NOT NULL, entity TEXT NOT NULL,
    node TEXT, extra TEXT, PRIMARY KEY(doc, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS inc_org_node ON inc_org(node);
CREATE TABLE IF NOT EXISTS inc_okey(key TEXT NOT NULL, doc TEXT NOT NULL, idx INTEGER NOT NULL,
    ktoks TEXT, role TEXT, PRIMARY KEY(key, doc, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS inc_okey_doc ON inc_okey(doc, idx);
CREATE INDEX IF NOT EXISTS inc_okey_ktoks ON inc_okey(ktoks);
CREATE TABLE IF NOT EXISTS inc_prim(block TEXT NOT NULL, prim TEXT NOT NULL, doc TEXT NOT NULL,
    idx INTEGER NOT NULL, PRIMARY KEY(block, prim, doc, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS inc_prim_doc ON inc_prim(doc, idx);
CREATE TABLE IF NOT EXISTS inc_fuzzy(a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY(a, b))
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS inc_stok(token TEXT NOT NULL, stoks TEXT, doc TEXT NOT NULL,
    idx INTEGER NOT NULL, PRIMARY KEY(token, doc, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS inc_stok_doc ON inc_stok(doc);
CREATE TABLE IF NOT EXISTS inc_person(doc TEXT NOT NULL, idx INTEGER NOT NULL, entity TEXT NOT NULL,
    email TEXT, fname TEXT, org_idx INTEGER, node TEXT, PRIMARY KEY(doc, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS inc_person_email ON inc_person(email);
CREATE INDEX IF NOT EXISTS inc_person_fname ON inc_person(fname);
CREATE INDEX IF NOT EXISTS inc_person_node ON inc_person(node);
CREATE TABLE IF NOT EXISTS inc_fold(node TEXT PRIMARY KEY, members TEXT NOT NULL,
    log TEXT NOT NULL, blocked INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS inc_sig(node TEXT PRIMARY KEY, sig TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS inc_plan(doc TEXT PRIMARY KEY, plan TEXT NOT NULL, info TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inc_zone(key TEXT NOT NULL, spelling TEXT NOT NULL, doc TEXT NOT NULL,
    n INTEGER NOT NULL, PRIMARY KEY(key, spelling, doc)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS inc_zone_doc ON inc_zone(doc);
CREATE TABLE IF NOT EXISTS frag(item TEXT NOT NULL, doc TEXT NOT NULL, part TEXT NOT NULL,
    kind TEXT NOT NULL, a TEXT, b TEXT, props TEXT NOT NULL,
    PRIMARY KEY(item, part, doc)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS frag_doc ON frag(doc, part);
CREATE INDEX IF NOT EXISTS frag_unit_a ON frag(a, b) WHERE kind = 'UNIT_OF';
CREATE INDEX IF NOT EXISTS frag_unit_b ON frag(b, a) WHERE kind = 'UNIT_OF';
"""
STATE_TABLES = ("inc_org", "inc_okey", "inc_prim", "inc_fuzzy", "inc_stok", "inc_person", "inc_plan",
                "inc_zone", "frag", "inc_sig", "inc_fold")

# Each document's normalised plan names (graph/plans.py groups documents by them): a plan
# is resolved again from the documents that share a name with the changed ones only.
# Not among STATE_TABLES (a store written before it is not rebuilt for it): created,
# and filled from ``inc_plan``, on first use (graph/inc_state.py ``plan_names``).
PLAN_NAMES = """
CREATE TABLE IF NOT EXISTS inc_pname(name TEXT NOT NULL, doc TEXT NOT NULL,
    PRIMARY KEY(name, doc)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS inc_pname_doc ON inc_pname(doc);
"""
