"""Command line: ``python -m pipelines <command> [options]``.

Commands:
  run              materialise every asset (seeds + data/landing, or $NEWS_LANDING)
                   into $NEWS_WAREHOUSE (default data/warehouse.duckdb) and print a summary
  summary          print rows per table and the top speakers of the warehouse
  extract-quotes   --input DOCS.jsonl --output PRED.jsonl (the pipeline's own code path)
  eval-quotes      score quote extraction on ../shared/eval/quotes/dev.jsonl, the seeds and
                   the resolved-speaker set of tests/data/quotes_shared (per split and source)
  resolve-names    --input NAMES.txt --output OUT.jsonl (context-free name resolution)
  eval-entities    B-cubed F1 and false merges on tests/data/entity_eval
  eval-html        body-text token F1 on ../shared/corpora/html
  eval-stories     story B-cubed and statement pair figures on tests/data/stories_eval
  eval-grouping    group the whole corpora with our stories/statements and score them (same set)
                   (--stories/--statements PRED.jsonl; without them: two trivial baselines)
  fuzz             run the parser fuzzer and print how many inputs crashed
  bench            whole pipeline vs bare spaCy over ../shared/corpora/bbc (1 process, all cores)
  bench-scale      synthetic 1x and 10x corpora: peak RSS, time, no-op and one-file runs
  export           --format parquet|csv DIR: every public table and view, with a README
  bench-publish    publish cost at 1x and 10x warehouse size (synthetic clones of the seeds)
"""

from __future__ import annotations

import sys
from collections.abc import Callable


def _run(argv: list[str]) -> int:
    import logging

    from pipelines.defs.runner import run_refresh
    from pipelines.tools.summary import summary_main

    logging.getLogger("dagster").setLevel(logging.WARNING)
    result = run_refresh(raise_on_error=False)
    if not result.success:
        print("run failed; see the step errors above (or the run in `make ui`)", file=sys.stderr)
        return 1
    return summary_main([])


def _lazy(module: str, func: str, *, absent_ok: bool = False) -> Callable[[list[str]], int]:
    """Import the tool only when its command runs (keeps ``--help`` fast).

    With ``absent_ok``, exit status 2 (the tool's "corpus absent, skipped") becomes 0
    so that ``make eval`` goes on without ../shared.
    """

    def call(argv: list[str]) -> int:
        import importlib

        rc = int(getattr(importlib.import_module(module), func)(argv))
        return 0 if absent_ok and rc == 2 else rc

    return call


COMMANDS: dict[str, Callable[[list[str]], int]] = {
    "run": _run,
    "summary": _lazy("pipelines.tools.summary", "summary_main"),
    "extract-quotes": _lazy("pipelines.tools.quote_eval", "extract_quotes_main"),
    "eval-quotes": _lazy("pipelines.tools.quote_eval", "eval_quotes_main"),
    "resolve-names": _lazy("pipelines.tools.resolve_names", "resolve_names_main"),
    "eval-entities": _lazy("pipelines.tools.resolve_names", "eval_entities_main"),
    "eval-html": _lazy("pipelines.tools.html_eval", "html_eval_main", absent_ok=True),
    "eval-stories": _lazy("pipelines.tools.story_eval", "story_eval_main", absent_ok=True),
    "eval-grouping": _lazy("pipelines.tools.grouping_eval", "grouping_eval_main", absent_ok=True),
    "fuzz": _lazy("pipelines.tools.fuzz_parsers", "fuzz_main"),
    "bench": _lazy("pipelines.tools.bench", "bench_main"),
    "bench-scale": _lazy("pipelines.tools.bench_scale", "bench_scale_main"),
    "export": _lazy("pipelines.tools.export", "main"),
    "bench-publish": _lazy("pipelines.tools.bench_publish", "bench_publish_main"),
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"} or args[0] not in COMMANDS:
        print(__doc__)
        return 0 if args and args[0] in {"-h", "--help", "help"} else 2
    return COMMANDS[args[0]](args[1:])


if __name__ == "__main__":
    sys.exit(main())
