"""Command-line entry points for entity resolution without document context.

``resolve_names_command``: ``python -m pipelines resolve-names --input NAMES.txt --output OUT.jsonl``
reads one surface string per line (optionally ``TYPE<TAB>name``) and writes one JSON object
per line: ``{"surface", "entity_id", "canonical_name", "entity_type"}`` (nulls when the name
cannot be resolved on its own, e.g. a bare common surname).

``eval_entities_command``: ``make eval`` prints B-cubed precision/recall/F1, the number of
false merges, and a must-not-merge report over ``tests/data/entity_eval``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from pipelines.core.entities import EntityResolver
from pipelines.core.models import ENTITY_TYPES


def _parse_line(line: str) -> tuple[str | None, str]:
    head, sep, rest = line.partition("\t")
    if sep and head.strip().upper() in ENTITY_TYPES:
        return head.strip().upper(), rest
    return None, line


def resolve_names_command(args: argparse.Namespace) -> int:
    """Resolve each input line on its own and write JSON Lines; returns the exit status."""
    resolver = EntityResolver.default(args.overrides)
    lines = args.input.read_text(encoding="utf-8-sig").splitlines()
    resolved = 0
    with args.output.open("w", encoding="utf-8") as out:
        for line in lines:
            if not line.strip():
                continue
            etype, surface = _parse_line(line)
            entity = resolver.resolve_name(surface, etype)
            resolved += entity is not None
            out.write(
                json.dumps(
                    {
                        "surface": surface,
                        "entity_id": entity.entity_id if entity else None,
                        "canonical_name": entity.canonical_name if entity else None,
                        "entity_type": entity.entity_type if entity else etype,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    print(
        f"resolved {resolved} of {sum(1 for x in lines if x.strip())} names "
        f"(data_version {resolver.data_version}) -> {args.output}",
        file=sys.stderr,
    )
    return 0


def load_eval_set(
    directory: Path,
) -> tuple[list[tuple[str, str | None, str]], list[dict[str, str]]]:
    """(items, must_not_merge): items are (gold cluster id, type, surface)."""
    items: list[tuple[str, str | None, str]] = []
    for line in (directory / "entities.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        items.extend((rec["id"], rec.get("type"), v) for v in rec["variants"])
    pairs = [
        json.loads(line)
        for line in (directory / "must_not_merge.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return items, pairs


def bcubed(gold: list[str], pred: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a predicted clustering against gold labels."""
    by_gold: dict[str, set[int]] = defaultdict(set)
    by_pred: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    n = len(gold)
    precision = recall = 0.0
    for i in range(n):
        same = by_gold[gold[i]] & by_pred[pred[i]]
        precision += len(same) / len(by_pred[pred[i]])
        recall += len(same) / len(by_gold[gold[i]])
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def eval_entities_command(args: argparse.Namespace) -> int:
    """Print B-cubed figures, false merges and the must-not-merge report."""
    resolver = EntityResolver.default(Path("/nonexistent"))  # the shipped data only
    items, pairs = load_eval_set(args.data)
    gold, pred = [], []
    for n, (cluster, etype, surface) in enumerate(items):
        entity = resolver.resolve_name(surface, etype)
        gold.append(cluster)
        # An unresolved name is its own singleton: it merges with nothing.
        pred.append(entity.entity_id if entity else f"unresolved:{n}")
    precision, recall, f1 = bcubed(gold, pred)
    clusters: dict[str, set[str]] = defaultdict(set)
    for g, p in zip(gold, pred, strict=True):
        clusters[p].add(g)
    false_merges = {p: sorted(g) for p, g in clusters.items() if len(g) > 1}
    print(f"entity eval: {len(set(gold))} entities, {len(items)} surface forms")
    print(f"B-cubed precision {precision:.4f} recall {recall:.4f} F1 {f1:.4f}")
    # Per gold type: the same figures over the forms of one type (a predicted entity is
    # restricted to those forms, so a cross-type merge shows in neither type's precision).
    for etype in sorted({t for _, t, _ in items if t}):
        idx = [i for i, (_, t, _) in enumerate(items) if t == etype]
        tp, tr, tf = bcubed([gold[i] for i in idx], [pred[i] for i in idx])
        n_ent = len({gold[i] for i in idx})
        print(
            f"  {etype:<6} {n_ent:>3} entities {len(idx):>4} forms: P {tp:.4f} R {tr:.4f} F1 {tf:.4f}"
        )
    print(f"false merges (predicted entities spanning >1 gold entity): {len(false_merges)}")
    for p, g in sorted(false_merges.items()):
        print(f"  FALSE MERGE {p}: {', '.join(g)}")
    if args.verbose:
        by_gold: dict[str, set[str]] = defaultdict(set)
        for (cluster, _, _surface), p in zip(items, pred, strict=True):
            by_gold[cluster].add(p)
        for cluster, ps in sorted(by_gold.items()):
            if len(ps) > 1:
                forms = [s for c, _, s in items if c == cluster]
                print(f"  split {cluster}: {len(ps)} predicted entities for {forms}")
    merged = 0
    for pair in pairs:
        # Both spellings of the type keys are in use ("a_type" here, "type_a" elsewhere).
        a = resolver.resolve_name(pair["a"], pair.get("a_type") or pair.get("type_a"))
        b = resolver.resolve_name(pair["b"], pair.get("b_type") or pair.get("type_b"))
        if a is not None and b is not None and a.entity_id == b.entity_id:
            merged += 1
            print(
                f"  MUST-NOT-MERGE VIOLATED: {pair['a']!r} ~ {pair['b']!r} ({pair.get('why', '')})"
            )
    print(
        f"must-not-merge pairs: {len(pairs)}, kept apart: {len(pairs) - merged}, merged: {merged}"
    )
    if args.gate and (f1 < 0.97 or false_merges or merged):
        return 1
    return 0


if __name__ == "__main__":
    from pipelines.cli import main

    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "eval":
        raise SystemExit(main(["eval-entities", *sys.argv[2:]]))
    raise SystemExit(main(["resolve-names", *sys.argv[1:]]))
