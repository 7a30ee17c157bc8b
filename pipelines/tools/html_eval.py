r"""Body-text quality of the HTML parser on ../shared/corpora/html.

Runs ``parse_file`` (exactly the production path) on every page that has expected text and
prints the mean token-level F1 against it. Expected text comes from
``aeb/ground-truth.subset.json`` (human-checked ``articleBody`` per page). Tokens are
case-folded ``\w+`` runs compared as bags (multisets), as the article-extraction-benchmark
does, so punctuation and whitespace differences do not count. The 32 trafilatura pages have
no expected text, only must-contain / must-not-contain snippets
(``trafilatura/evaldata.subset.json``); their pass rate is printed as a secondary figure.

Usage: ``python -m pipelines eval-html [--corpus DIR] [--min-f1 0.90] [--show-worst N]``.
Exit status 0 when the mean F1 reaches ``--min-f1`` (or the corpus is absent: SKIP), 1 when
it does not.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from pipelines.core.parse import parse_file

_TOKEN_RE = re.compile(r"\w+")


def tokens(text: str) -> Counter[str]:
    """Bag of case-folded word tokens."""
    return Counter(_TOKEN_RE.findall(text.casefold()))


def token_f1(predicted: str, expected: str) -> float:
    """Token-level F1 of two texts (bag of words); 1.0 when both are empty."""
    pred, gold = tokens(predicted), tokens(expected)
    if not pred or not gold:
        return float(not pred and not gold)
    overlap = sum((pred & gold).values())
    if overlap == 0:
        return 0.0
    precision = overlap / sum(pred.values())
    recall = overlap / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def _body(path: Path, corpus: Path) -> str:
    outcome = parse_file(path.read_bytes(), str(path.relative_to(corpus)))
    return "\n\n".join(article.body for article in outcome.articles)


def _snippet_pass_rate(corpus: Path) -> tuple[int, int]:
    """Count (passed, total) with/without snippet checks on the trafilatura pages."""
    answers = corpus / "trafilatura" / "evaldata.subset.json"
    if not answers.is_file():
        return 0, 0
    passed = total = 0
    for key, entry in json.loads(answers.read_text(encoding="utf-8")).items():
        page = corpus / key if (corpus / key).is_file() else corpus / "trafilatura" / entry["file"]
        if not page.is_file():
            continue
        body = _body(page, corpus)
        for snippet in entry.get("with", []):
            total += 1
            passed += snippet in body
        for snippet in entry.get("without", []):
            total += 1
            passed += snippet not in body
    return passed, total


def html_eval_command(args: argparse.Namespace) -> int:
    """Print mean token F1 of HTML body extraction; see the module docstring."""
    corpus: Path = args.corpus.resolve()
    truth_file = corpus / "aeb" / "ground-truth.subset.json"
    if not truth_file.is_file():
        print(f"SKIP eval-html: no expected text at {truth_file}; corpus absent")
        return 0
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    started = time.perf_counter()
    scores: list[tuple[float, str]] = []
    for stem, entry in sorted(truth.items()):
        page = corpus / "aeb" / f"{stem}.html"
        if page.is_file():
            scores.append((token_f1(_body(page, corpus), entry["articleBody"]), stem))
    elapsed = time.perf_counter() - started
    if not scores:
        print("html_eval: no page with expected text was found")
        return 2
    mean = sum(score for score, _ in scores) / len(scores)
    print(f"html_eval: {len(scores)} pages with expected text, {elapsed:.1f} s")
    print(f"mean token F1 = {mean:.4f} (target >= {args.min_f1:.2f})")
    print(f"pages with F1 < 0.8: {sum(score < 0.8 for score, _ in scores)}")
    for score, stem in sorted(scores)[: args.show_worst]:
        print(f"  worst: {score:.3f} aeb/{stem[:16]}...")
    passed, total = _snippet_pass_rate(corpus)
    if total:
        print(f"trafilatura with/without snippets: {passed}/{total} pass ({passed / total:.1%})")
    return 0 if mean >= args.min_f1 else 1


if __name__ == "__main__":
    from pipelines.cli import main

    sys.exit(main(["eval-html", *sys.argv[1:]]))
