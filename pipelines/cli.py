"""The command line: ``python -m pipelines <command> [options]``.

One argparse parser with a sub-parser per command declares every option and its help,
so ``--help`` works everywhere and never runs anything. Command bodies live in their
own modules and are imported only when their command runs (``--help`` stays instant).
Errors a user can fix (unknown command or flag, missing file, bad setting) print one
line to stderr and exit with status 2; a command that ran and failed exits with 1.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import sys
import textwrap
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from pipelines import settings

PROG = "python -m pipelines"
SHARED = settings.REPO_ROOT.parent / "shared"
# eval-grouping's --split: dev by default, so a tuning loop never shows the held-out splits.
SPLIT_CHOICES = ("dev", "holdout", "test", "all")

Handler = Callable[[argparse.Namespace], int]


class UsageError(Exception):
    """A mistake on the command line or in the environment: one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors (argparse prints the whole usage block first)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


# ------------------------------------------------------------------ argument types
def _existing_file(value: str) -> Path:
    path = Path(value)
    if not path.is_file():
        raise argparse.ArgumentTypeError(
            f"no such file: {value}" if not path.exists() else f"not a file: {value}"
        )
    return path


def _existing_dir(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"no such folder: {value}")
    return path


def _entity_eval_set(value: str) -> Path:
    """An entity evaluation set: a folder holding ``entities.jsonl``.

    A set split in parts is refused with its parts named (``<set>/dev``, ``<set>/test``).
    """
    path = _existing_dir(value)
    if not (path / "entities.jsonl").is_file():
        parts = sorted(str(p.parent) for p in path.glob("*/entities.jsonl"))
        hint = f"; it is split: pass one of {', '.join(parts)}" if parts else ""
        raise argparse.ArgumentTypeError(f"no entities.jsonl in {value}{hint}")
    return path


def _output_file(value: str) -> Path:
    path = Path(value)
    if not path.parent.is_dir():
        raise argparse.ArgumentTypeError(f"no such folder for the output: {path.parent}")
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"is a folder, not a file: {value}")
    return path


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value}")
    return n


def _counts(value: str) -> list[int]:
    """Comma-separated whole numbers >= 1 (``1,2``)."""
    try:
        counts = [int(x) for x in value.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not comma-separated whole numbers: {value!r}") from None
    if not counts or any(n < 1 for n in counts):
        raise argparse.ArgumentTypeError(f"whole numbers >= 1 expected: {value!r}")
    return counts


def _fraction(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {value}")
    return x


# ------------------------------------------------------------------ command bodies
def _run(args: argparse.Namespace) -> int:
    from pipelines.defs.runner import run_refresh
    from pipelines.tools.summary import summary_main

    result = run_refresh(raise_on_error=False, force=args.force, verbose=args.verbose)
    if not result.success:
        print(
            "run failed: see the errors above (or the run in `make ui`; "
            f"`{PROG} run --verbose` prints Dagster's whole event log)",
            file=sys.stderr,
        )
        return 1
    return summary_main([])


def _retry_failures(args: argparse.Namespace) -> int:
    from pipelines.defs.resources import default_resources
    from pipelines.steps import retry_failures

    warehouse = default_resources()["warehouse"]
    with warehouse.open().session() as session:  # type: ignore[attr-defined]
        n = retry_failures(session)
    print(f"{n} failed article(s) marked for analysis")
    return _run(args) if n else 0


def _summary(args: argparse.Namespace) -> int:
    from pipelines.tools.summary import summary_main

    return summary_main([])


def _export(args: argparse.Namespace) -> int:
    from pipelines.tools.export import run_export

    return run_export(args.dir, args.format, args.warehouse)


def _report(args: argparse.Namespace) -> int:
    from pipelines.tools.summary import redraw_report

    if not settings.warehouse_path().exists():
        raise UsageError(f"no warehouse at {settings.warehouse_path()}: run '{PROG} run' first")
    redraw_report(output=args.output)
    return 0


def _lazy(module: str, func: str, *, absent_ok: bool = False) -> Handler:
    """Import a command's module only when the command runs.

    With ``absent_ok``, the tool's status 2 ("corpus absent, skipped") becomes 0, so that
    ``make eval`` goes on without ../shared.
    """

    def call(args: argparse.Namespace) -> int:
        rc = int(getattr(importlib.import_module(module), func)(args))
        return 0 if absent_ok and rc == 2 else rc

    return call


# ------------------------------------------------------------------ the parser
def _settings_epilog() -> str:
    lines = ["settings (environment variables, checked before any command runs):"]
    for name, default, meaning in settings.describe_settings():
        lines.append(f"  {name} (default: {default})")
        lines.append(
            textwrap.fill(meaning, width=78, initial_indent=" " * 6, subsequent_indent=" " * 6)
        )
    return "\n".join(lines)


def build_parser() -> _Parser:
    """The whole command line: every command, option and help text."""
    parser = _Parser(
        prog=PROG,
        description="News warehouse: raw news articles -> a DuckDB warehouse of entity "
        "mentions and quotes with their speakers.",
        epilog=_settings_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands", parser_class=_Parser
    )

    def command(name: str, help_text: str, handler: Handler, description: str = "") -> _Parser:
        p: _Parser = sub.add_parser(
            name, help=help_text, description=description or help_text[:1].upper() + help_text[1:]
        )
        p.set_defaults(handler=handler)
        return p

    def verbose_run(p: _Parser) -> None:
        p.add_argument(
            "-v", "--verbose", action="store_true", help="also print Dagster's event log"
        )

    def stories_set(p: _Parser) -> None:
        """The stories evaluation set and the texts it is annotated on."""
        p.add_argument(
            "--data",
            type=_existing_dir,
            default=settings.REPO_ROOT / "tests" / "data" / "stories_eval",
            help="evaluation set folder (default: tests/data/stories_eval)",
        )
        p.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (../shared)")
        p.add_argument("--verbose", action="store_true", help="list violated hard negatives")

    def generated_inputs(p: _Parser, what: str) -> None:
        """How many generated inputs, from which seed, in how many processes."""
        p.add_argument("--count", type=_positive_int, default=10_000, help=f"{what} (10000)")
        p.add_argument("--seed", type=int, default=0, help="random seed; replays a run (0)")
        p.add_argument("--workers", type=_positive_int, default=2, help="processes (2)")

    def shared_corpus(p: _Parser, name: str, what: str, *, limit: bool = True) -> None:
        """``--corpus`` (default: ../shared/corpora/NAME) and, with ``limit``, ``--limit``."""
        p.add_argument(
            "--corpus",
            type=Path,
            default=SHARED / "corpora" / name,
            help=f"{what} (default: ../shared/corpora/{name})",
        )
        if limit:
            p.add_argument(
                "--limit",
                type=_positive_int,
                default=0,
                help="use only the first N files (0 = all)",
            )

    def article_budget(p: _Parser) -> None:
        budget = settings.DEFAULT_ARTICLE_BUDGET_S
        p.add_argument(
            "--budget", type=float, default=budget, help=f"seconds per article ({budget:g})"
        )

    p = command(
        "run",
        "load the landing zone into the warehouse and print a summary",
        _run,
        "Materialise every asset (scan, parse, analyse, entities, stories, publish, report) "
        "over every shard "
        "in one Dagster run, recorded in DAGSTER_HOME so it shows in the UI. Prints one "
        "line per stage, then a summary; 'nothing new' when nothing changed.",
    )
    verbose_run(p)
    p.add_argument(
        "--force",
        action="store_true",
        help="re-parse and re-analyse every file even if its version is current",
    )

    command(
        "summary",
        "print rows per table and the top speakers of the warehouse",
        _summary,
    )

    p = command(
        "export",
        "write every public table and view to Parquet or CSV files, with a README",
        _export,
        "Write every public table and view of the published warehouse to DIR, with a "
        "README.md listing each one's columns and their meaning.",
    )
    from pipelines.tools.export import build_parser as export_arguments

    export_arguments(p)

    p = command(
        "report",
        "redraw the report (charts) from the warehouse as it is, without a run",
        _report,
        "Writes report.html beside the warehouse (or --output): charts as inline SVG, one "
        "file that opens offline. 'run' does this too.",
    )
    p.add_argument(
        "--output", type=_output_file, default=None, help="where to write (default: beside it)"
    )

    p = command(
        "extract-quotes",
        "extract quotes from JSON Lines documents with the pipeline's own code",
        _lazy("pipelines.tools.quote_eval", "extract_quotes_command"),
        'Reads {"doc_id", "text"} lines and writes {"doc_id", "quotes": [{"text", "start", '
        '"end", "speaker", "speaker_as_written"}]} lines, through the same analysis the '
        "pipeline runs. 'speaker' is the resolved person or organisation by default "
        '("the 56-year-old said" -> the person the article names); --speaker-style written '
        "puts the speaker as the attribution writes it there instead (PolNeAR's style).",
    )
    p.add_argument("--input", required=True, type=_existing_file, help="DOCS.jsonl to read")
    p.add_argument("--output", required=True, type=_output_file, help="PRED.jsonl to write")
    p.add_argument(
        "--kinds",
        default="direct",
        help="comma-separated quote kinds to write: direct, partial (default: direct)",
    )
    p.add_argument(
        "--speaker-style",
        choices=("resolved", "written"),
        default="resolved",
        help="what 'speaker' holds: the resolved person (default) or the speaker as written",
    )

    p = command(
        "eval-quotes",
        "score quote extraction on the PolNeAR dev set and the seeds",
        _lazy("pipelines.tools.quote_eval", "eval_quotes_command"),
        "Prints quote precision, recall and F1, speaker accuracy, end-to-end F1, an error "
        "breakdown and the extraction cost. Needs ../shared/eval/quotes; prints SKIP "
        "when it is absent.",
    )
    p.add_argument(
        "--gold",
        type=Path,
        default=SHARED / "eval" / "quotes" / "dev.jsonl",
        help="gold JSON Lines (default: ../shared/eval/quotes/dev.jsonl)",
    )
    p.add_argument("--limit", type=_positive_int, default=None, help="score the first N only")
    p.add_argument(
        "--spacy-cache",
        type=Path,
        default=None,
        help="DocBin file caching the spaCy docs of the gold texts (faster rule iteration)",
    )
    p.add_argument(
        "--split",
        choices=("dev", "hold", "test", "all"),
        default="dev",
        help="which splits of the resolved-speaker set to score (default: dev; the test "
        "split and the held-out half of the newest batch are read once, at the end of a "
        "piece of work)",
    )
    p.add_argument(
        "--shared-spacy-cache",
        type=Path,
        default=None,
        help="DocBin file caching the spaCy docs of the resolved-speaker set's texts "
        "(only texts it does not hold yet are parsed)",
    )
    p.add_argument("--json", type=_output_file, default=None, help="also write the figures here")
    p.add_argument(
        "--no-shared-set",
        action="store_true",
        help="skip the resolved-speaker set of tests/data/quotes_shared",
    )
    p.add_argument(
        "--pred",
        type=_output_file,
        default=None,
        help="keep the dev predictions here (default: a file in the system temp folder)",
    )

    p = command(
        "resolve-names",
        "resolve one name per line to entities, without document context",
        _lazy("pipelines.tools.resolve_names", "resolve_names_command"),
        "Each input line is a name, optionally TYPE<TAB>name (PERSON, ORG, GPE, LOC); "
        'writes {"surface", "entity_id", "canonical_name", "entity_type"} per line.',
    )
    p.add_argument("--input", required=True, type=_existing_file, help="NAMES.txt to read")
    p.add_argument("--output", required=True, type=_output_file, help="OUT.jsonl to write")
    p.add_argument(
        "--overrides",
        type=_existing_file,
        default=None,
        help="entity overrides TOML (default: none, the shipped data only)",
    )

    p = command(
        "eval-entities",
        "score entity resolution (B-cubed F1, false merges)",
        _lazy("pipelines.tools.resolve_names", "eval_entities_command"),
    )
    p.add_argument(
        "--data",
        type=_entity_eval_set,
        default=settings.REPO_ROOT / "tests" / "data" / "entity_eval",
        help="evaluation set folder holding entities.jsonl (default: tests/data/entity_eval; "
        "a set split in parts: tests/data/entity_eval_<set>/dev or /test)",
    )
    p.add_argument("--verbose", action="store_true", help="list split clusters too")
    p.add_argument(
        "--gate", action="store_true", help="exit 1 below F1 0.97 or with any false merge"
    )

    p = command(
        "eval-html",
        "score HTML body-text extraction (mean token F1)",
        _lazy("pipelines.tools.html_eval", "html_eval_command"),
        "Parses every page of ../shared/corpora/html that has expected text and prints the "
        "mean token F1; prints SKIP when the corpus is absent.",
    )
    shared_corpus(p, "html", "corpus folder", limit=False)
    p.add_argument(
        "--min-f1", type=_fraction, default=0.90, help="exit 1 below this mean F1 (0.90)"
    )
    p.add_argument("--show-worst", type=_positive_int, default=5, help="list the N worst pages (5)")

    p = command(
        "eval-stories",
        "score stories and statements against tests/data/stories_eval",
        _lazy("pipelines.tools.story_eval", "story_eval_command", absent_ok=True),
        "Prints story B-cubed F1, statement pair precision, recall and F1 and the hard "
        "negatives violated, for prediction files or (without them) two trivial baselines. "
        "Rebuilds the texts from ../shared; prints SKIP when it is absent.",
    )
    stories_set(p)
    p.add_argument(
        "--split",
        choices=("dev", "holdout", "test", "all"),
        action="append",
        help="which split to score (repeatable; default: dev, test and all)",
    )
    p.add_argument(
        "--stories", type=_existing_file, help="predicted {corpus, id, story_id} JSON Lines"
    )
    p.add_argument(
        "--statements", type=_existing_file, help="predicted quote JSON Lines with statement_id"
    )

    p = command(
        "eval-grouping",
        "group the shared corpora into stories and statements and score them",
        _lazy("pipelines.tools.grouping_eval", "grouping_eval_command", absent_ok=True),
        "Runs the pipeline's analysis and grouping over the documents of "
        "tests/data/stories_eval (texts rebuilt from ../shared), prints story B-cubed and "
        "statement pair figures per split and the grouping's cost; prints SKIP when "
        "../shared is absent.",
    )
    stories_set(p)
    p.add_argument(
        "--out", type=Path, default=None, help="write stories.jsonl and statements.jsonl here"
    )
    p.add_argument(
        "--split",
        choices=SPLIT_CHOICES,
        default="dev",
        help="which split's figures to print: dev (default), holdout (a new batch's "
        "scored-only half: its summary lines, at first sight and at the end), test (its "
        "summary lines only; read it once, at the end) or all (dev, holdout, then test)",
    )
    p.add_argument(
        "--batch",
        default=None,
        help="only the stories, statements and hard negatives of this labelling batch (e.g. "
        "7a, 6b) in each split printed",
    )
    p.add_argument(
        "--misses",
        action="store_true",
        help="count the dev split's missed story members, documents grouped with another "
        "story's, and missed statement pairs by class (--verbose lists them)",
    )
    p.add_argument(
        "--by-part",
        action="store_true",
        help="also print the dev split's story and statement figures per part: each "
        "corpus's unbatched documents (statements and hard negatives), then each labelling "
        "batch (a change should gain in more than one)",
    )
    p.add_argument(
        "--reuse-analysis",
        action="store_true",
        help="when the current analyser's output is not cached, group the newest cached "
        "analysis instead (grouping-only changes; not the official figures)",
    )

    p = command(
        "retry-failures",
        "analyse again every article recorded in analysis_failures, then run",
        _retry_failures,
        "Marks the failed articles for analysis and runs as 'run' does (a new analyser "
        "version retries them anyway).",
    )
    verbose_run(p)
    p.set_defaults(force=False)

    p = command(
        "fuzz-analysis",
        "feed >= 10,000 generated hostile articles through the whole analysis",
        _lazy("pipelines.tools.fuzz_analysis", "fuzz_analysis_command"),
        "Prints how many crashed, how many overran the per-article budget, and the slowest.",
    )
    generated_inputs(p, "articles")
    article_budget(p)

    p = command(
        "soak",
        "every article in ../shared through the pipeline's steps; prints the failures",
        _lazy("pipelines.tools.soak", "soak_command", absent_ok=True),
        "BBC texts, the PolNeAR texts of ../shared/eval/quotes/dev.jsonl and the HTML pages "
        "in a temporary landing folder and warehouse; prints SKIP when ../shared is absent.",
    )
    article_budget(p)
    p.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it")

    p = command(
        "fuzz",
        "feed generated hostile inputs to the parsers and count crashes",
        _lazy("pipelines.tools.fuzz_parsers", "fuzz_command"),
    )
    generated_inputs(p, "inputs")

    p = command(
        "bench",
        "time the whole pipeline against bare spaCy on the BBC corpus",
        _lazy("pipelines.tools.bench", "bench_command"),
        "Runs the Dagster job over ../shared/corpora/bbc into a temporary warehouse, then "
        "bare nlp.pipe over the same bodies, and prints articles/s for both and their "
        "ratio; prints SKIP when the corpus is absent.",
    )
    shared_corpus(p, "bbc", "folder of raw articles")
    p.add_argument(
        "--processes",
        type=_counts,
        default=[],
        help="comma-separated process counts (default: 1 and every available core)",
    )
    p.add_argument(
        "--repeats",
        type=_positive_int,
        default=1,
        help="rounds of paired passes; the median-ratio round is printed (default: 1)",
    )

    p = command(
        "bench-scale",
        "time full, no-op and one-file runs on synthetic 1x and 10x corpora",
        _lazy("pipelines.tools.bench_scale", "bench_scale_command"),
        "Recombines paragraphs of the shared BBC corpus into synthetic corpora of the "
        "given multiples, runs the pipeline on each and prints full-run seconds, peak "
        "memory, a no-op run and a one-file increment; prints SKIP when the corpus is "
        "absent.",
    )
    p.add_argument(
        "--source",
        type=Path,
        default=SHARED / "corpora" / "bbc",
        help="real corpus whose paragraphs are recombined (default: ../shared/corpora/bbc)",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=settings.REPO_ROOT / "data" / "bench-scale",
        help="where the synthetic corpora are written (default: data/bench-scale)",
    )
    p.add_argument("--articles", type=_positive_int, default=2225, help="articles at 1x (2225)")
    p.add_argument(
        "--scales", type=_counts, default=[1, 10], help="comma-separated multiples (1,10)"
    )
    p.add_argument(
        "--workers", type=_positive_int, default=0, help="NEWS_WORKERS (default: all cores)"
    )
    p.add_argument("--build-only", action="store_true", help="only build the corpora")
    p.add_argument(
        "--reuse",
        action="store_true",
        help="keep each scale's warehouse and recorded full run; re-measure only the no-op "
        "and one-file runs with the code as it is now",
    )

    p = command(
        "bench-publish",
        "time publishing a one-file change against warehouse size",
        _lazy("pipelines.tools.bench_publish", "bench_publish_command"),
        "Builds synthetic warehouses cloned from the seeds at 1x and Nx the size and times "
        "the publish of a one-file increment at each; prints the medians and their ratio.",
    )
    p.add_argument(
        "--articles", type=_positive_int, default=2000, help="articles at 1x (synthetic; 2000)"
    )
    p.add_argument(
        "--scale", type=_positive_int, default=10, help="size of the large warehouse (10)"
    )
    p.add_argument("--repeats", type=_positive_int, default=5, help="increments timed per size (5)")

    p = command(
        "cluster-demo",
        "the BBC corpus through a dask scheduler and two dask workers on this machine",
        _lazy("pipelines.tools.cluster_demo", "cluster_demo_command"),
        "Starts a dask scheduler and dask workers as separate processes, runs the refresh "
        "job through them (dagster-dask) and in-process, prints where each step ran, both "
        "times and whether every table is identical; stops the processes at the end. "
        "Prints SKIP when the corpus is absent.",
    )
    shared_corpus(p, "bbc", "folder of raw articles")
    p.add_argument("--workers", type=_positive_int, default=2, help="dask workers (2)")
    p.add_argument(
        "--out",
        type=Path,
        default=settings.REPO_ROOT / "data" / "cluster-demo",
        help="working folder, emptied first (default: data/cluster-demo)",
    )

    p = command(
        "build-gazetteer",
        "rebuild the shipped gazetteer files from ../shared/gazetteer",
        _lazy("pipelines.tools.build_gazetteer", "build_gazetteer_command"),
        "Writes pipelines/core/rules/aliases.jsonl and descriptors.txt; commit both.",
    )
    p.add_argument(
        "--shared",
        type=Path,
        default=SHARED / "gazetteer",
        help="gazetteer sources (default: ../shared/gazetteer)",
    )
    command(
        "build-places",
        "rebuild the place alias index from GeoNames and ISO 3166 (dev dependencies)",
        _lazy("pipelines.tools.build_places", "build_places_command"),
        "Writes pipelines/core/rules/places_geonames.jsonl; commit it.",
    )
    return parser


def _check_command(parser: _Parser, argv: Sequence[str]) -> None:
    """Say "unknown command" (argparse says "invalid choice") and suggest the closest."""
    first = next((a for a in argv if not a.startswith("-")), None)
    if first is None:
        return
    names = _command_names(parser)
    if first not in names:
        close = difflib.get_close_matches(first, names, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        raise UsageError(f"{PROG}: unknown command '{first}'{hint} (commands: {', '.join(names)})")


def _command_names(parser: _Parser) -> list[str]:
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def parse_command(command: str, argv: Sequence[str]) -> argparse.Namespace:
    """Options of one command, parsed as ``python -m pipelines COMMAND ARGV`` would.

    Raises:
        UsageError: on a bad option (one line).
    """
    return build_parser().parse_args([command, *argv])


def main(argv: Sequence[str] | None = None) -> int:
    """Parse, validate the settings, run one command; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        _check_command(parser, args_list)
        args, extras = parser.parse_known_args(args_list)
        if extras:  # argparse would blame the top level; name the command instead
            where = f"{PROG} {args.command}" if getattr(args, "command", None) else PROG
            raise UsageError(
                f"{where}: unrecognized arguments: {' '.join(extras)} (see '{where} --help')"
            )
        if getattr(args, "handler", None) is None:
            parser.print_help(sys.stderr)
            return 2
        settings.get()  # every setting checked before anything runs
        return int(args.handler(args))
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except settings.SettingsError as exc:
        print(f"error: bad setting: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help / --version: argparse printed it and exits 0
        return int(exc.code or 0) if isinstance(exc.code, int | None) else 2
