"""``make bench``: the whole pipeline vs bare spaCy over the BBC corpus.

Runs the real Dagster job (scan, parse, spaCy, entity resolution, quotes, DuckDB
loads, checks) over ../shared/corpora/bbc into a temporary warehouse, then bare
``nlp.pipe`` with the same model and settings over the same article bodies, and
prints articles/s for both and their ratio (target >= 0.8).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import dagster as dg

from pipelines import settings


def bench_main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipelines bench", description=__doc__)
    ap.add_argument(
        "--corpus",
        type=Path,
        default=settings.REPO_ROOT.parent / "shared" / "corpora" / "bbc",
        help="folder of raw articles (default ../shared/corpora/bbc)",
    )
    ap.add_argument("--limit", type=int, default=0, help="use only the first N files (0 = all)")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"SKIP: {args.corpus} is absent; the benchmark needs the shared BBC corpus.")
        return 0

    from pipelines.core.nlp import DEFAULT_BATCH_SIZE, load_nlp, model_name
    from pipelines.definitions import build_defs
    from pipelines.defs.resources import LandingResource, NlpResource, WarehouseResource
    from pipelines.defs.runner import run_refresh
    from pipelines.warehouse.writer import Warehouse

    with tempfile.TemporaryDirectory(prefix="news-bench-") as tmp:
        tmpdir = Path(tmp)
        # Copy the article files only (the corpus folder also holds READMEs and a
        # manifest, which are not news); sub-folder names keep file names unique.
        corpus = tmpdir / "corpus"
        files = sorted(p for p in args.corpus.rglob("*.txt") if p.name != "README.TXT")
        if args.limit:
            files = files[: args.limit]
        for src in files:
            dst = corpus / src.relative_to(args.corpus)
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_bytes(src.read_bytes())
        resources = {
            "warehouse": WarehouseResource(path=str(tmpdir / "bench.duckdb")),
            "landing_zone": LandingResource(
                repo_root=str(settings.REPO_ROOT), landing_dir=str(corpus)
            ),
            "nlp": NlpResource(
                model=model_name(), overrides_path=str(tmpdir / "no_overrides.toml")
            ),
        }
        defs = build_defs(resources)
        instance = dg.DagsterInstance.ephemeral()
        t0 = time.perf_counter()
        result = run_refresh(instance=instance, definitions=defs)
        t_pipeline = time.perf_counter() - t0
        if not result.success:
            print("pipeline run failed")
            return 1
        with Warehouse(tmpdir / "bench.duckdb").session() as s:
            bodies = [r[0] for r in s.fetch("select body from articles order by article_id")]
            counts = {
                t: s.count(t)
                for t in ("ingest_files", "articles", "mentions", "quotes", "entities")
            }
        step_times = {
            ev.step_key: ev.event_specific_data.duration_ms / 1000  # type: ignore[union-attr]
            for ev in result.all_events
            if ev.event_type_value == "STEP_SUCCESS" and ev.step_key
        }

    # A freshly loaded model, as the pipeline run had: spaCy's vocabulary grows as it
    # meets new words, so reusing the pipeline's (now warm) model would flatter the bare
    # pass by ~10 %.
    nlp = load_nlp.__wrapped__(model_name())
    words = sum(len(b.split()) for b in bodies)
    t0 = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=DEFAULT_BATCH_SIZE):
        pass
    t_bare = time.perf_counter() - t0

    n = len(bodies)
    pipe_rate, bare_rate = n / t_pipeline, n / t_bare
    print(f"corpus: {args.corpus} ({counts['ingest_files']} files -> {n} articles, {words} words)")
    print("rows: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    print("step seconds: " + ", ".join(f"{k}={v:.1f}" for k, v in sorted(step_times.items())))
    print(f"pipeline (whole Dagster run): {t_pipeline:7.1f} s  {pipe_rate:6.2f} articles/s")
    print(f"bare nlp.pipe (same model):   {t_bare:7.1f} s  {bare_rate:6.2f} articles/s")
    print(f"ratio pipeline/bare: {pipe_rate / bare_rate:.3f} (target >= 0.8)")
    return 0
