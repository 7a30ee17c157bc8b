"""One article can never stop the batch: exceptions and budget overruns in every stage.

The analysis is a pure seam (``analyse_outcomes``: article in, analysis or failure
record out); the step records failures in ``analysis_failures`` and goes on.
"""

from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path
from typing import Any

import pytest

from pipelines import landing, steps
from pipelines.core.analysis import (
    BUDGET_EXCEEDED,
    Analyser,
    AnalysisError,
    TextItem,
    analyse_outcomes,
    analyse_parsed,
    analyse_texts,
    parse_texts,
)
from pipelines.core.entities import EntityResolver
from pipelines.core.models import AnalysisFailure, ArticleAnalysis
from pipelines.core.nlp import load_vocab
from pipelines.warehouse.writer import Warehouse

GOOD = "Mayor Ann Lee said “the bridge is open” on Tuesday in Seoul."
BOOM = "BOOM"


class _FlakyNlp:
    """The real pipeline, but raising on texts containing BOOM (batch and single)."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.meta = real.meta

    def pipe(self, texts: Any, batch_size: int = 32) -> Any:
        texts = list(texts)
        if any(BOOM in t for t in texts):
            raise ValueError("tokenizer exploded")
        return self.real.pipe(texts, batch_size=batch_size)

    def __call__(self, text: str) -> Any:
        if BOOM in text:
            raise ValueError("tokenizer exploded")
        return self.real(text)


class _Resolver:
    """Wraps the real resolver: raises or sleeps on marked articles."""

    def __init__(self, real: EntityResolver, *, sleep_s: float = 0.0) -> None:
        self.real = real
        self.sleep_s = sleep_s
        self.data_version = real.data_version

    def resolve_article(self, body: str, ner: Any, sentences: Any) -> Any:
        if "CRASH" in body:
            return ().__getitem__(0)  # the IndexError shape of issue 9 row 1
        if "SLOW" in body:
            time.sleep(self.sleep_s)
        return self.real.resolve_article(body, ner, sentences)

    def resolve_authors(self, names: Any) -> Any:
        if "Crash Author" in names:
            raise RuntimeError("byline resolver failed")
        return self.real.resolve_authors(names)


def _analyser(nlp: Any, resolver: Any) -> Analyser:
    return Analyser(nlp=nlp, resolver=resolver, batch_size=4)


def _items(*bodies: str) -> list[TextItem]:
    return [TextItem(f"a{i}", b) for i, b in enumerate(bodies)]


def test_spacy_failure_fails_only_its_article(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    analyser = _analyser(_FlakyNlp(nlp), resolver)
    out = list(analyse_outcomes(_items(GOOD, f"{GOOD} {BOOM}", GOOD, GOOD, GOOD), analyser))
    assert [type(o).__name__ for o in out] == [
        "ArticleAnalysis",
        "AnalysisFailure",
        "ArticleAnalysis",
        "ArticleAnalysis",
        "ArticleAnalysis",
    ]
    failure = out[1]
    assert isinstance(failure, AnalysisFailure)
    assert (failure.article_id, failure.stage, failure.error_type) == ("a1", "nlp", "ValueError")
    assert "exploded" in failure.message
    ok = out[0]
    assert isinstance(ok, ArticleAnalysis) and ok.quotes and ok.mentions


def test_entity_stage_exception_is_recorded(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    analyser = _analyser(nlp, _Resolver(resolver))
    out = list(analyse_outcomes(_items(GOOD, f"CRASH {GOOD}", GOOD), analyser))
    assert isinstance(out[1], AnalysisFailure)
    assert (out[1].stage, out[1].error_type) == ("entities", "IndexError")
    assert isinstance(out[0], ArticleAnalysis) and isinstance(out[2], ArticleAnalysis)
    # The tools' path (evals, extract-quotes) still raises, naming the article.
    with pytest.raises(AnalysisError, match="a1: entities: IndexError"):
        list(analyse_texts(_items(GOOD, f"CRASH {GOOD}"), analyser))


def test_slow_stage_overruns_its_budget(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    analyser = _analyser(nlp, _Resolver(resolver, sleep_s=1.5))
    out = list(analyse_outcomes(_items(GOOD, f"SLOW {GOOD}", GOOD), analyser, budget_s=1.0))
    failure = out[1]
    assert isinstance(failure, AnalysisFailure)
    assert (failure.stage, failure.error_type) == ("entities", BUDGET_EXCEEDED)
    assert failure.elapsed_s >= 1.5 and "budget of 1 s" in failure.message
    assert isinstance(out[0], ArticleAnalysis) and isinstance(out[2], ArticleAnalysis)


def test_a_batch_over_budget_is_redone_singly(nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    # A budget no spaCy batch can meet: each article is then parsed and timed alone,
    # and fails on its own time, not the batch's.
    analyser = _analyser(nlp, resolver)
    out = list(analyse_outcomes(_items(GOOD, GOOD), analyser, budget_s=1e-9))
    assert all(isinstance(o, AnalysisFailure) and o.stage == "nlp" for o in out)
    assert [o.article_id for o in out] == ["a0", "a1"]


def test_parsing_in_one_place_and_the_rules_in_another_give_the_same_outcomes(  # type: ignore[no-untyped-def]
    nlp, resolver
) -> None:
    # A one-worker pool parses in its worker and runs the rules in the run's process,
    # Docs crossing as bytes: every outcome, failures (spaCy, entities) included, must be
    # what the whole analysis in one place gives.
    items = _items(GOOD, f"{GOOD} {BOOM}", f"CRASH {GOOD}", GOOD, "Nobody spoke.")
    whole = list(analyse_outcomes(items, _analyser(_FlakyNlp(nlp), _Resolver(resolver))))
    parsed = parse_texts(_FlakyNlp(nlp), items)  # type: ignore[arg-type]
    assert parsed[1].doc_bytes is None and parsed[1].failure is not None
    rules = Analyser(nlp=load_vocab(), resolver=_Resolver(resolver))  # type: ignore[arg-type]
    split = list(analyse_parsed(items, parsed, rules))

    def timeless(o: ArticleAnalysis | AnalysisFailure) -> object:
        return dataclasses.replace(o, elapsed_s=0.0) if isinstance(o, AnalysisFailure) else o

    assert [timeless(o) for o in split] == [timeless(o) for o in whole]
    assert [type(o).__name__ for o in split] == [
        "ArticleAnalysis",
        "AnalysisFailure",
        "AnalysisFailure",
        "ArticleAnalysis",
        "ArticleAnalysis",
    ]


# ------------------------------------------------------------------ the step


def _land(tmp_path: Path, bodies: dict[str, str]) -> list[landing.LandingRoot]:
    root = tmp_path / "landing"
    root.mkdir(exist_ok=True)
    for name, body in bodies.items():
        (root / name).write_text(body, encoding="utf-8")
    return [landing.LandingRoot("landing", root)]


def _load(wh: Warehouse, roots: list[landing.LandingRoot]) -> None:
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, steps.pending_shards(s))


def _table(s: Any, name: str) -> list[tuple[Any, ...]]:
    return s.fetch(f"select * exclude (failed_at) from {name} order by all")


def test_step_records_failures_and_goes_on(tmp_path, nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    from pipelines.core import ids

    roots = _land(
        tmp_path,
        {
            "good.txt": f"Bridge opens\n\n{GOOD}\n",
            "crash.txt": f"Bridge crash\n\nCRASH {GOOD}\n",
            "byline.jsonl": json.dumps(
                {"title": "Bridge byline", "author": "Crash Author", "body": f"{GOOD} Again."}
            )
            + "\n",
        },
    )
    wh = Warehouse(tmp_path / "w.duckdb")
    _load(wh, roots)
    analyser = _analyser(nlp, _Resolver(resolver))
    shards = ids.all_shards()
    with wh.session() as s:
        stats = steps.analyse_articles(s, analyser, shards)
        assert stats.counts["failed_articles"] >= 1
        fails = s.fetch_dicts("select * from analysis_failures order by article_id")
        titles = dict(s.fetch("select article_id, title from articles"))
        by_title = {titles[f["article_id"]]: f for f in fails}
        assert by_title["Bridge crash"]["stage"] == "entities"
        assert by_title["Bridge crash"]["error_type"] == "IndexError"
        assert by_title["Bridge crash"]["analyser_version"] == analyser.version
        assert by_title["Bridge byline"]["stage"] == "authors"
        good = next(a for a, t in titles.items() if t == "Bridge opens")
        assert s.fetch("select count(*) from quotes where article_id = ?", [good])[0][0] == 1
        failed_ids = [f["article_id"] for f in fails]
        assert not s.fetch(
            "select * from mentions where article_id in (select unnest(?::varchar[]))",
            [failed_ids],
        )
        # An unchanged re-run retries nothing and changes nothing.
        before = _table(s, "analysis_failures")
        again = steps.analyse_articles(s, analyser, shards)
        assert again.counts.get("articles_analysed", 0) == 0
        assert _table(s, "analysis_failures") == before
        # The documented retry marks them; with the fault gone they are analysed.
        assert steps.retry_failures(s) == len(fails)
        healed = _analyser(nlp, resolver)
        steps.analyse_articles(s, healed, shards)
        assert s.count("analysis_failures") == 0
        assert s.fetch("select count(*) from quotes where article_id = ?", [failed_ids[0]])[0][0]


def test_new_analyser_version_retries_failures(tmp_path, nlp, resolver) -> None:  # type: ignore[no-untyped-def]
    from pipelines.core import ids

    roots = _land(tmp_path, {"crash.txt": f"Bridge crash\n\nCRASH {GOOD}\n"})
    wh = Warehouse(tmp_path / "w.duckdb")
    _load(wh, roots)
    with wh.session() as s:
        steps.analyse_articles(s, _analyser(nlp, _Resolver(resolver)), ids.all_shards())
        assert s.count("analysis_failures") == 1
        healed = _analyser(nlp, resolver)
        healed_version = healed.version
        with s.transaction("test") as b:  # as after an upgrade
            b.execute("update analysis_failures set analyser_version = 'old'")
            b.execute("update articles set nlp_version = 'old'")
        stats = steps.analyse_articles(s, healed, ids.all_shards())
        assert stats.counts["articles_analysed"] == 1
        assert s.count("analysis_failures") == 0
        assert s.fetch("select distinct nlp_version from articles") == [(healed_version,)]
