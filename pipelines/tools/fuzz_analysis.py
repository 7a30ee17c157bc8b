"""Fuzz the whole analysis (spaCy, entity resolution, quotes, rows) with generated articles.

A seeded generator (reproducible: ``--seed``) writes articles from hostile shapes: names
with hyphens, apostrophes, initials and bare titles, unicode dashes and quote marks,
runs of punctuation, very long sentences, thousands of quote marks, long lists of names,
tables of numbers, runs of stops glued to a word, one line of many quotes continued by
pronouns, descriptions and organisations, and mixtures of them with ordinary news prose. Every article goes
through ``analyse_outcomes`` (the pipeline's own code path) with a time budget, then
through the row mapping. Printed counts:

- *crashed*: an article whose analysis raised (an ``AnalysisFailure`` that is not a
  budget overrun), or whose rows break the contract (an offset that does not spell the
  mention or quote in the body);
- *over budget*: an article that took longer than ``--budget`` seconds;
- the slowest article and its size.

Usage: ``python -m pipelines fuzz-analysis [--count 10000] [--seed 0] [--workers 2]
[--budget 120]``. Exit status 0 when nothing crashed and every article kept its budget.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pipelines.core.analysis import BUDGET_EXCEEDED, Analyser, TextItem, analyse_outcomes
from pipelines.core.models import AnalysisFailure, ArticleAnalysis
from pipelines.tools.fuzz_common import chunk_ranges, print_problems, print_progress, run_chunks

_FIRST = ("Ann", "Kim", "Jean-Pierre", "Mary-Kate", "Seán", "Zoë", "Ngozi", "Yoon", "Li", "Ahmed")
_LAST = (
    "Lee", "O'Neil", "O’Brien", "D'Souza-Brown", "Smith-Jones", "Okonjo-Iweala", "van der Berg",
    "al-Assad", "Müller", "Park", "Nguyễn", "de la Cruz", "Kilroy-Silk", "Ishiba",
)  # fmt: skip
_TITLES = ("Mr.", "Mrs", "Dr.", "President", "Prime Minister", "Gen.", "Sen.", "Rev.", "Sir")
_ORGS = ("AT&T", "the Ministry of Defence", "Nato", "U.N.", "Samsung Electronics Co.", "A&B", "J&J")
_PLACES = ("Seoul", "Pyongyang", "Moscow", "Lima", "South Korea", "the North", "Japan-ROK")
_VERBS = ("said", "told reporters", "added", "wrote on social media", "said through a translator")
_QUOTES = (("“", "”"), ('"', '"'), ("‘", "’"), ("``", "''"), ("«", "»"), ("„", "“"))
_DASHES = ("-", "‐", "‑", "–", "—", "―", "−")
_PUNCT = "\"'“”‘’«»()[]{}<>.,;:!?-–—*_/\\|#@&%$^~`+="
_PROSE = (
    "The talks ended on Saturday after a long debate.",
    "Officials did not say when the meeting would resume.",
    "Markets rose 3% on Monday, the ministry said.",
    "It was the first such visit in a decade.",
)


def _name(r: random.Random) -> str:
    shape = r.randrange(9)
    first, last = r.choice(_FIRST), r.choice(_LAST)
    if shape == 0:
        return f"{r.choice(_TITLES)} {last}"
    if shape == 1:
        return f"{first[0]}. {r.choice('ABCDEFGH')}. {last}"
    if shape == 2:
        return r.choice(_TITLES)  # a bare title where a name should be
    if shape == 3:
        return f"{first}{r.choice(_DASHES)}{last}"
    if shape == 4:
        return r.choice(_ORGS)
    if shape == 5:
        return f"{r.choice('JKRT')}.{r.choice('JKRT')}. {r.choice('AJT')}&{r.choice('BJT')}"
    return f"{first} {last}"


def _quote(r: random.Random) -> str:
    o, c = r.choice(_QUOTES)
    words = " ".join(r.choice(("we", "will", "win", "not", "talk", "now", "no")) for _ in range(6))
    name = _name(r)
    shape = r.randrange(4)
    if shape == 0:
        return f"{o}{words.capitalize()},{c} {name} {r.choice(_VERBS)}."
    if shape == 1:
        return f"{name} {r.choice(_VERBS)}: {o}{words}.{c}"
    if shape == 2:
        return f"{o}{words}{r.choice(('', c, o))}"  # unbalanced
    return f"{o}{words},{c} {r.choice(_VERBS)} {name}, {o}and {words}.{c}"


def _punct_run(r: random.Random) -> str:
    glyphs = r.choice((r.choice(_PUNCT), "".join(r.sample(_PUNCT, 6)), "“”", '"'))
    return glyphs * r.randint(10, 20000)


def _long_sentence(r: random.Random) -> str:
    parts = [
        _name(r) if r.random() < 0.3 else r.choice(("and", "the", "of", "in"))
        for _ in range(r.randint(50, 600))
    ]
    return " ".join(parts) + "."


def _many_quote_marks(r: random.Random) -> str:
    o, c = r.choice(_QUOTES)
    return " ".join(
        r.choice((o, c, f"{o}a{c}", "said", _name(r))) for _ in range(r.randint(50, 600))
    )


def _name_list(r: random.Random) -> str:
    return ", ".join(_name(r) for _ in range(r.randint(10, 150))) + " attended."


def _number_table(r: random.Random) -> str:
    rows = []
    for _ in range(r.randint(5, 60)):
        cells = [f"{r.uniform(-1e6, 1e6):,.2f}" for _ in range(r.randint(2, 8))]
        rows.append(r.choice(("|", "\t", "  ")).join(cells))
    return "\n".join(rows)


def _glued_stops(r: random.Random) -> str:
    """A run of stops or edge marks with a word glued to its end ("....x", ", , ,x").

    A pattern anchored after such a run is re-tried from each of its marks.
    """
    run = r.choice((".", "!?", ";", ", ", "'s", " - "))
    return run * r.randint(10, 10000) + r.choice(("x", "Lee", "the end."))


def _quote_chain(r: random.Random) -> str:
    """One line of many quotes, each continued by a pronoun, a description or an organisation.

    Every continuation looks back over its line for its speaker.
    """
    org = r.choice(("the Big Machine Group", "the Valley Post", "Acme Holdings"))
    lead = f"{_name(r)}, 41, a geologist, met {org}."
    follows = (
        'he added', 'she said', 'the geologist said', 'the 41-year-old added',
        f'a {org.removeprefix("the ")} statement said', 'said the Warriors chief',
    )  # fmt: skip
    o, c = r.choice(_QUOTES)
    links = [
        f"{o}We will win {i},{c} {_name(r)} said. {o}Not now,{c} {r.choice(follows)}."
        for i in range(r.randint(10, 120))
    ]
    return " ".join([lead, *links])


def _paragraph(r: random.Random) -> str:
    bits = [r.choice(_PROSE), _quote(r), f"{_name(r)} met {_name(r)} in {r.choice(_PLACES)}."]
    r.shuffle(bits)
    return " ".join(bits)


_HOSTILE: tuple[Callable[[random.Random], str], ...] = (
    _punct_run,
    _long_sentence,
    _many_quote_marks,
    _name_list,
    _number_table,
    _glued_stops,
    _quote_chain,
)


def generate(seed: int, index: int) -> str:
    """Article ``index`` of the stream for ``seed`` (the same text on every machine)."""
    r = random.Random(f"{seed}:{index}")
    paragraphs = [_paragraph(r) for _ in range(r.randint(1, 6))]
    # One article in seven carries one or two hostile blocks among ordinary paragraphs.
    if r.random() < 0.15:
        for _ in range(r.randint(1, 2)):
            paragraphs.insert(r.randrange(len(paragraphs) + 1), r.choice(_HOSTILE)(r))
    # One in 500 carries a big one: ten hostile blocks in a row (tens of thousands of tokens).
    if r.random() < 0.002:
        paragraphs.append(" ".join(r.choice(_HOSTILE)(r) for _ in range(10)))
    sep = r.choice(("\n\n", "\n", " ", "\r\n"))
    return sep.join(paragraphs)


def check_analysis(body: str, result: ArticleAnalysis) -> str | None:
    """The contract of an analysis: offsets spell what they claim (None when kept)."""
    for m in result.mentions:
        if body[m.start : m.end] != m.surface:
            return f"mention {m.start}:{m.end} does not spell {m.surface!r}"
    for q in result.quotes:
        if body[q.start : q.end] != q.text:
            return f"quote {q.start}:{q.end} does not spell its text"
        if q.speaker_entity_id is None and not q.unattributed_reason:
            return f"quote {q.start}:{q.end} has neither speaker nor reason"
    return None


@dataclass
class Tally:
    count: int = 0
    crashed: list[tuple[int, str]] = field(default_factory=list)
    over_budget: list[tuple[int, str]] = field(default_factory=list)
    slowest: tuple[float, int, int] = (0.0, -1, 0)  # seconds, index, characters

    def merge(self, other: Tally) -> None:
        self.count += other.count
        self.crashed += other.crashed
        self.over_budget += other.over_budget
        self.slowest = max(self.slowest, other.slowest)


def run_range(
    seed: int, start: int, stop: int, budget_s: float, analyser: Analyser | None = None
) -> Tally:
    """Analyse articles ``start..stop`` of the stream; each is timed on its own."""
    from pipelines.warehouse.rows import analysis_rows

    analyser = analyser or Analyser.load()
    tally = Tally()
    bodies = {i: generate(seed, i) for i in range(start, stop)}

    def items() -> Iterator[TextItem]:
        for i, body in bodies.items():
            yield TextItem(str(i), body)

    # Batch size 1: the budget is then each article's own time, as the step sees it
    # when it redoes a slow batch one article at a time.
    analyser.batch_size = 1
    began = time.perf_counter()
    for out in analyse_outcomes(items(), analyser, budget_s):
        now = time.perf_counter()
        index = int(out.article_id)
        elapsed, began = now - began, now
        tally.count += 1
        tally.slowest = max(tally.slowest, (elapsed, index, len(bodies[index])))
        if isinstance(out, AnalysisFailure):
            what = f"{out.stage}: {out.error_type}: {out.message[:200]}"
            target = tally.over_budget if out.error_type == BUDGET_EXCEEDED else tally.crashed
            target.append((index, what))
            continue
        problem = check_analysis(bodies[index], out)
        if problem is None:
            try:
                analysis_rows(out, version="fuzz")
            except Exception as exc:
                problem = f"rows: {type(exc).__name__}: {exc}"
        if problem is not None:
            tally.crashed.append((index, problem))
    return tally


def _run_chunk(args: tuple[int, int, int, float]) -> Tally:
    seed, start, stop, budget_s = args
    return run_range(seed, start, stop, budget_s, _worker_analyser())


_ANALYSER: Analyser | None = None


def _worker_analyser() -> Analyser:
    global _ANALYSER
    if _ANALYSER is None:
        _ANALYSER = Analyser.load()
    return _ANALYSER


def fuzz_analysis_command(args: argparse.Namespace) -> int:
    """Run the fuzzer with parsed options (count, seed, workers, budget)."""
    started = time.perf_counter()
    chunks = [
        (args.seed, start, stop, args.budget) for start, stop in chunk_ranges(args.count, 100)
    ]
    tally = Tally()
    for part in run_chunks(_run_chunk, chunks, args.workers):
        tally.merge(part)
        if tally.count % 500 == 0 and tally.count < args.count:
            problems = len(tally.crashed) + len(tally.over_budget)
            print_progress(tally.count, args.count, problems, started, "articles")
    elapsed = time.perf_counter() - started
    print_problems(tally.crashed + tally.over_budget, args.seed, "article", "article")
    secs, index, chars = tally.slowest
    print(
        f"fuzz_analysis: {tally.count} articles, {len(tally.crashed)} crashed, "
        f"{len(tally.over_budget)} over the {args.budget:g} s budget; slowest {secs:.2f} s "
        f"(article {index}, {chars:,} characters); {elapsed:.0f} s"
    )
    return 0 if not tally.crashed and not tally.over_budget else 1


if __name__ == "__main__":
    from pipelines.cli import main

    sys.exit(main(["fuzz-analysis", *sys.argv[1:]]))
