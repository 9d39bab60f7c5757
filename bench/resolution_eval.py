"""Pairwise precision and recall of cross-document organisation merges on the seeds.

    python bench/resolution_eval.py [--gold DIR]

Extracts the five bundled seeds (or, with ``--gold``, reads the reference
annotations ``DIR/*.json`` of SCHEMA.md for the seeds they cover), builds the
graph, and compares every pair of organisation mentions from two different
documents with bench/resolution_reference.yaml: a pair is *predicted* same when
both mentions are on one node, *truly* same when both name one listed
organisation (a mention not on the list is an organisation of one seed only).
"""
from __future__ import annotations

import argparse
import json
import unicodedata
from itertools import combinations
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().replace("’", "'").split())


def reference_of(mention: dict, reference: list[dict]) -> int | None:
    doc = mention["document"][:3]
    for i, entry in enumerate(reference):
        if doc in entry["docs"] and _fold(mention["name"]) in {_fold(n) for n in entry["names"]}:
            return i
    return None


def evaluate(graph, reference: list[dict]) -> dict:
    mentions = []   # (document, node, reference entity or a unique singleton)
    for node, d in graph.nodes("Organisation"):
        for m in d.get("mentions") or []:
            ref = reference_of(m, reference)
            mentions.append((m["document"], node, ref if ref is not None else ("solo", node, m["name"])))
    tp = fp = fn = 0
    wrong, missed = [], []
    for (d1, n1, r1), (d2, n2, r2) in combinations(mentions, 2):
        if d1 == d2:
            continue
        same_pred, same_true = n1 == n2, r1 == r2
        tp += same_pred and same_true
        if same_pred and not same_true:
            fp += 1
            wrong.append((n1, r1, r2))
        if same_true and not same_pred:
            fn += 1
            missed.append((reference[r1]["names"][0], n1, n2))
    return {"precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
            "true_positive_pairs": tp, "false_positive_pairs": fp, "false_negative_pairs": fn,
            "wrong_merges": sorted({str(w) for w in wrong}), "missed": sorted({str(m) for m in missed})}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, help="read reference annotations instead of extracting")
    args = ap.parse_args()
    from samspil.graph.build import build_graph
    from samspil.loaders.model import AgreementReport
    from samspil.loaders.pipeline import bundled_examples, extract_paths

    if args.gold:
        reports = [AgreementReport.from_dict(json.loads(p.read_text(encoding="utf-8")))
                   for p in sorted(args.gold.glob("*.json"))]
    else:
        reports = [r.report for r in extract_paths([bundled_examples()]) if r.ok]
    reference = yaml.safe_load((HERE / "resolution_reference.yaml").read_text(encoding="utf-8"))
    result = evaluate(build_graph(reports), reference)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
