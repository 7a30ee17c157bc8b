"""``python -m pipelines eval-stories``: score stories and statements against the issue 14 set.

The set (``tests/data/stories_eval``, offsets and labels only) is loaded and its texts are
rebuilt from ``../shared`` by ``story_eval_set``; the figures come from ``story_scoring``.

How a system is scored:

* **Stories**: run the clusterer over the whole corpora (every PolNeAR dev article, every
  BBC file, every aeb body) and give ``story_scoring.score_stories`` a mapping from
  document to story id. Only the annotated documents are scored, by B-cubed precision/recall/F1. A distractor
  is a singleton unless it is labelled into another story; a document missing from the
  mapping counts as a singleton.
* **Statements**: give ``story_scoring.score_statements`` the predicted quotes (document,
  span in the reference text, statement id). Each annotated quote is matched to at most one predicted
  quote whose span overlaps it by at least half of the longer span (greedy, best overlap
  first, as ``../shared/eval/quotes/score.py`` does). Pairs of annotated quotes are then
  scored: a gold pair is two quotes of one statement group; a predicted pair is two matched
  quotes with the same predicted statement id. Hard negatives violated counts the labelled
  pairs that got one statement id.

Prediction files for the command: ``{"corpus", "id", "story_id"}`` lines and
``{"corpus", "id", "start", "end", "statement_id"}`` lines. Without them it prints two
trivial baselines through the same scorer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.tools.shared_texts import CORPORA, CorpusUnavailable, read_polnear
from pipelines.tools.story_eval_set import (
    DocRef,
    choice_of,
    field_of,
    load_eval_set,
    load_texts,
    read_jsonl_rows,
)
from pipelines.tools.story_scoring import (
    PredictedQuote,
    StatementScores,
    StoryScores,
    day_title_baseline,
    exact_text_statements,
    score_statements,
    score_stories,
    singleton_statements,
    singleton_stories,
)


def read_story_predictions(path: Path) -> dict[DocRef, str]:
    """``{"corpus", "id", "story_id"}`` lines -> mapping."""
    out: dict[DocRef, str] = {}
    for where, row in read_jsonl_rows(path):
        ref = DocRef(choice_of(row, "corpus", CORPORA, where), field_of(row, "id", str, where))
        out[ref] = field_of(row, "story_id", str, where)
    return out


def read_statement_predictions(path: Path) -> list[PredictedQuote]:
    """``{"corpus", "id", "start", "end", "statement_id"}`` lines (spans in the reference text)."""
    return [
        PredictedQuote(
            DocRef(choice_of(row, "corpus", CORPORA, where), field_of(row, "id", str, where)),
            field_of(row, "start", int, where),
            field_of(row, "end", int, where),
            field_of(row, "statement_id", str, where),
        )
        for where, row in read_jsonl_rows(path)
    ]


def format_story_scores(name: str, s: StoryScores) -> str:
    return (
        f"{name}: {s.stories} stories, {s.documents} documents; B-cubed P {s.precision:.3f} "
        f"R {s.recall:.3f} F1 {s.f1:.3f}"
        + (f" ({s.unpredicted} documents without a prediction)" if s.unpredicted else "")
    )


def format_statement_scores(name: str, s: StatementScores) -> str:
    return (
        f"{name}: {s.quotes} quotes ({s.matched} matched), {s.gold_pairs} gold pairs; "
        f"pair P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} "
        f"(R on extracted quotes {s.recall_matched:.3f}); "
        f"hard negatives violated {len(s.violated)}/{s.hard_negatives}"
    )


def story_eval_main(argv: list[str]) -> int:
    """``eval-stories`` with its options parsed by the project's command line."""
    from pipelines.cli import parse_command

    return story_eval_command(parse_command("eval-stories", argv))


def story_eval_command(args: argparse.Namespace) -> int:
    """Score prediction files, or print the trivial baselines; 2 when ../shared is absent."""
    eval_set = load_eval_set(args.data)
    try:
        texts = load_texts(eval_set, args.shared)
        polnear = read_polnear(args.shared)
    except CorpusUnavailable as ex:
        print(f"eval-stories: SKIP, {ex}")
        return 2
    runs: list[tuple[str, dict[DocRef, str] | None, list[PredictedQuote] | None]] = []
    if args.stories or args.statements:
        runs.append(
            (
                "system",
                read_story_predictions(args.stories) if args.stories else None,
                read_statement_predictions(args.statements) if args.statements else None,
            )
        )
    else:
        # The day/title baseline runs over every dated document, not just the annotated ones.
        corpus = {DocRef("polnear", k): v for k, v in polnear.items()} | texts
        runs.append(
            ("baseline singleton", singleton_stories(eval_set), singleton_statements(eval_set))
        )
        runs.append(
            (
                "baseline day+title / exact text",
                day_title_baseline(corpus),
                exact_text_statements(eval_set, texts),
            )
        )
    for split in args.split or ["dev", "test", "all"]:
        part = eval_set.select(split)
        for name, stories, statements in runs:
            if stories is not None:
                print(
                    format_story_scores(f"[{split}] {name} stories", score_stories(part, stories))
                )
            if statements is not None:
                scores = score_statements(part, statements)
                print(format_statement_scores(f"[{split}] {name} statements", scores))
                for h in scores.violated if args.verbose else ():
                    print(f"    VIOLATED {h.type}: {h.speakers[0]} / {h.speakers[1]} ({h.note})")
    return 0


if __name__ == "__main__":
    sys.exit(story_eval_main(sys.argv[1:]))
