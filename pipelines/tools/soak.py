"""Soak: every article of ../shared through the pipeline's steps; prints the failures (target 0).

The BBC texts, the PolNeAR texts of ``../shared/eval/quotes/dev.jsonl`` (as one JSON Lines
export) and the HTML pages are copied into a temporary landing folder (never into the
repository), then scanned, parsed, analysed with the per-article budget and turned into
entities in a temporary warehouse, exactly as a run does. Printed: files by status,
articles, rejections, analysis failures (crashes and budget overruns), the slowest
article's analysis time where known, and whether an unchanged re-scan changes anything.

Usage: ``python -m pipelines soak [--budget 120] [--keep DIR]``. Exit status 0 when no
article failed, 1 otherwise, 2 when ../shared is absent (skipped, with a message).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pipelines import landing, settings, steps
from pipelines.core import ids

SHARED = settings.REPO_ROOT.parent / "shared"


def _stage(landing_dir: Path) -> dict[str, int]:
    """Copy the shared articles into ``landing_dir``; counts by source."""
    counts = {"bbc": 0, "polnear": 0, "html": 0}
    bbc = SHARED / "corpora" / "bbc"
    for path in sorted(bbc.glob("*/*.txt")):
        dest = landing_dir / "bbc" / path.parent.name / path.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
        counts["bbc"] += 1
    dev = SHARED / "eval" / "quotes" / "dev.jsonl"
    if dev.exists():
        lines = []
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                doc = json.loads(line)
                lines.append(json.dumps({"url": doc["doc_id"], "body": doc["text"]}))
        (landing_dir / "polnear.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        counts["polnear"] = len(lines)
    html = SHARED / "corpora" / "html"
    for path in sorted(html.rglob("*")):
        if path.is_file() and path.suffix.lower() in {".html", ".htm"}:
            dest = landing_dir / "html" / path.relative_to(html)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
            counts["html"] += 1
    return counts


def soak_main(argv: list[str]) -> int:
    """Run the soak; see the module docstring."""
    from pipelines.cli import parse_command

    return soak_command(parse_command("soak", argv))


def soak_command(args: argparse.Namespace) -> int:
    """Run the soak with parsed options (budget, keep)."""
    from pipelines.core.analysis import Analyser
    from pipelines.warehouse.reports import table_checksums
    from pipelines.warehouse.writer import Warehouse

    if not (SHARED / "corpora").is_dir():
        print(f"SKIP soak: {SHARED} is absent (the team's shared corpora sit beside the repo)")
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="news-soak-"))
    try:
        landing_dir = work / "landing"
        landing_dir.mkdir(parents=True, exist_ok=True)
        counts = _stage(landing_dir)
        print("soak inputs: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        roots = [landing.LandingRoot("landing", landing_dir)]
        wh = Warehouse(work / "soak.duckdb")
        analyser = Analyser.load()
        started = time.perf_counter()
        with wh.session() as s:
            steps.scan_landing(s, roots)
            steps.load_articles(s, roots, steps.pending_shards(s))
            stats = steps.analyse_articles(s, analyser, ids.all_shards(), budget_s=args.budget)
            steps.rebuild_entities(s)
            by_status = s.fetch(
                "select status, count(*) from ingest_files group by all order by all"
            )
            articles = s.count("articles")
            rejections = s.count("rejections")
            failures = s.fetch_dicts(
                "select stage, error_type, count(*) as n, max(elapsed_s) as worst "
                "from analysis_failures group by all order by n desc"
            )
            before = table_checksums(s)
        elapsed = time.perf_counter() - started
        with wh.session() as s:  # an unchanged re-run must change nothing
            steps.scan_landing(s, roots)
            steps.load_articles(s, roots, steps.pending_shards(s))
            steps.analyse_articles(s, analyser, ids.all_shards(), budget_s=args.budget)
            steps.rebuild_entities(s)
            changed = sorted(t for t, v in table_checksums(s).items() if before.get(t) != v)
        print("files by status: " + ", ".join(f"{st}={n}" for st, n in by_status))
        print(
            f"articles {articles}, rejections {rejections}, analysed {stats.counts.get('articles_analysed', 0)}"
        )
        for f in failures:
            print(
                f"  failed: {f['n']} in {f['stage']} ({f['error_type']}), worst {f['worst']:.1f} s"
            )
        n_failed = sum(int(f["n"]) for f in failures)
        print(
            f"soak: {articles} articles, {n_failed} analysis failures, "
            f"re-run changed {changed or 'nothing'}; {elapsed:.0f} s"
        )
        return 0 if n_failed == 0 and not changed else 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(soak_main(sys.argv[1:]))
