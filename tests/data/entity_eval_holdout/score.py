"""Score the context-free resolver on the hold-out set in this folder.

    .venv/bin/python tests/data/entity_eval_holdout/score.py [--shipped-only] [--json OUT]

B-cubed precision/recall/F1 over all variants (an unresolved variant is its own singleton
cluster), resolution rate, false merges (predicted clusters that contain variants of more
than one gold entity) and must-not-merge violations (pairs use ``type_a``/``type_b``).
Every error is listed: for each split gold entity, each variant with what it resolved to.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from pipelines.core.entities import EntityResolver  # noqa: E402


def bcubed(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    n = len(gold)
    prec = sum(len(by_gold[gold[i]] & by_pred[pred[i]]) / len(by_pred[pred[i]]) for i in range(n)) / n
    rec = sum(len(by_gold[gold[i]] & by_pred[pred[i]]) / len(by_gold[gold[i]]) for i in range(n)) / n
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=HERE)
    ap.add_argument("--shipped-only", action="store_true",
                    help="EntityResolver.default(Path('/nonexistent')) like the built-in eval")
    ap.add_argument("--json", type=Path, default=None, help="write per-variant results here")
    args = ap.parse_args()
    r = EntityResolver.default(Path("/nonexistent") if args.shipped_only else None)

    ents = [json.loads(x) for x in (args.data / "entities.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    pairs = [json.loads(x) for x in (args.data / "must_not_merge.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]

    rows = []  # (gold, type, surface, pred_id, canonical, pred_type)
    for e in ents:
        for v in e["variants"]:
            ent = r.resolve_name(v, e["type"])
            rows.append((e["id"], e["type"], v,
                         ent.entity_id if ent else None,
                         ent.canonical_name if ent else None,
                         ent.entity_type if ent else None))
    gold = [x[0] for x in rows]
    pred = [x[3] if x[3] is not None else f"unresolved:{i}" for i, x in enumerate(rows)]
    p, rc, f1 = bcubed(gold, pred)
    resolved = sum(x[3] is not None for x in rows)

    by_type: dict[str, list[int]] = defaultdict(list)
    for i, x in enumerate(rows):
        by_type[x[1]].append(i)

    print(f"hold-out: {len(ents)} entities, {len(rows)} variants, resolved {resolved} ({resolved/len(rows):.1%})")
    print(f"B-cubed precision {p:.4f} recall {rc:.4f} F1 {f1:.4f}")
    for t, idx in sorted(by_type.items()):
        tp, tr, tf = bcubed([gold[i] for i in idx], [pred[i] for i in idx])
        res = sum(rows[i][3] is not None for i in idx)
        print(f"  {t:6s} n={len(idx):3d} resolved {res/len(idx):6.1%}  P {tp:.4f} R {tr:.4f} F1 {tf:.4f}")

    clusters: dict[str, set[str]] = defaultdict(set)
    for g, pr in zip(gold, pred):
        clusters[pr].add(g)
    merges = {k: v for k, v in clusters.items() if len(v) > 1}
    print(f"false merges: {len(merges)}")
    for k, gs in sorted(merges.items()):
        forms = [f"{x[2]!r}<{x[0]}>" for x in rows if x[3] == k]
        print(f"  FALSE MERGE -> {k}: {', '.join(forms)}")

    print("splits (gold entities whose variants got >1 predicted cluster):")
    nsplit = 0
    for e in ents:
        sub = [(x, pr) for x, pr in zip(rows, pred) if x[0] == e["id"]]
        if len({pr for _, pr in sub}) > 1:
            nsplit += 1
            print(f"  SPLIT {e['id']} ({e['type']}):")
            for x, _ in sub:
                tgt = f"{x[3]} [{x[4]}|{x[5]}]" if x[3] else "None"
                print(f"      {x[2]!r:55s} -> {tgt}")
    print(f"split entities: {nsplit} of {len(ents)}")

    viol = 0
    for pr in pairs:
        a = r.resolve_name(pr["a"], pr.get("type_a"))
        b = r.resolve_name(pr["b"], pr.get("type_b"))
        if a is not None and b is not None and a.entity_id == b.entity_id:
            viol += 1
            print(f"  MUST-NOT-MERGE VIOLATED: {pr['a']!r} ~ {pr['b']!r} -> {a.entity_id} ({pr['why']})")
    print(f"must-not-merge pairs: {len(pairs)}, kept apart: {len(pairs)-viol}, merged: {viol}")

    if args.json:
        with args.json.open("w", encoding="utf-8") as f:
            for x in rows:
                f.write(json.dumps(dict(zip(["gold", "type", "surface", "entity_id", "canonical_name", "entity_type"], x)), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
