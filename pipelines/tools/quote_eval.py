"""Quote extraction on JSON Lines and its evaluation against ../shared/eval/quotes.

Two command bodies, wired by ``python -m pipelines`` (options in ``pipelines/cli.py``):

* ``extract_quotes_command``: ``--input DOCS.jsonl --output PRED.jsonl``; reads
  ``{"doc_id", "text"}`` lines and writes ``{"doc_id", "quotes": [{"text", "start",
  "end", "speaker"}]}`` through the pipeline's own code path
  (``pipelines.core.analysis.analyse_texts``).
* ``eval_quotes_command``: runs the same over the dev set and the seeds, scores the
  predictions with the shared scorer, prints P/R/F1, speaker accuracy, end-to-end F1,
  an error breakdown and the time of the spaCy pass against the time of extraction;
  then scores the resolved-speaker set of ``tests/data/quotes_shared`` (texts rebuilt
  from ../shared/corpora) per split and per source, with speaker accuracy per kind of
  speaker cue.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import io
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from pipelines import settings
from pipelines.core import nlp as nlp_mod
from pipelines.core.models import ArticleAnalysis, Mention, Quote
from pipelines.core.quotes import extract_quotes

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT / ".." / "shared"
SCORER = SHARED / "eval" / "quotes" / "score.py"
SEEDS_DIR = REPO_ROOT / "seeds"
GOLDEN_DIR = REPO_ROOT / "tests" / "golden"
BASELINE = REPO_ROOT / "tests" / "quality" / "quotes_baseline.json"
# Which of our quote kinds are written as predictions. The dev set scores direct
# quotations only; gold partial ones are neutral, so partial predictions could only
# add false positives where the annotators saw scare quotes.
DEFAULT_KINDS = ("direct",)
# The dev set is cut in two by a hash of each article's id, so the cut is fixed and needs
# no list: misses and false positives are read in the tune part only; the check part's
# summary line says whether a rule written from the tune part transfers to articles it
# was not written from.
TUNE, CHECK = "tune", "check"
DEV_PARTS = (TUNE, CHECK)


def dev_part(doc_id: str) -> str:
    """``"check"`` for about a third of the dev articles (by a hash of the id), else ``"tune"``."""
    digest = hashlib.sha256(doc_id.encode("utf-8")).digest()
    return CHECK if int.from_bytes(digest[:8], "big") % 3 == 0 else TUNE


@dataclass(slots=True)
class Timing:
    """Seconds spent in the spaCy pass and in quote extraction."""

    spacy_s: float = 0.0
    extract_s: float = 0.0


@dataclass(slots=True)
class DocResult:
    """One analysed document with what the evaluation needs from it."""

    doc_id: str
    text: str
    quotes: list[Quote]
    names: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- analysis


class _TimedNlp:
    """Wraps a spaCy Language so the pipeline's own ``nlp.pipe`` call is timed.

    The docs are kept so that extraction can be re-timed on exactly the same input
    after the run (the pipeline interleaves spaCy, resolution and extraction).
    """

    def __init__(self, nlp: Any, timing: Timing, keep: list[Any]) -> None:
        self._nlp = nlp
        self._timing = timing
        self._keep = keep

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        it = iter(self._nlp.pipe(texts, **kwargs))
        while True:
            t0 = time.perf_counter()
            try:
                doc = next(it)
            except StopIteration:
                return
            self._timing.spacy_s += time.perf_counter() - t0
            self._keep.append(doc)
            yield doc


def _names(analysis: ArticleAnalysis) -> dict[str, str]:
    return {e.entity_id: e.canonical_name for e in analysis.entities}


def analyse_docs(items: Sequence[tuple[str, str]], timing: Timing | None = None) -> list[DocResult]:
    """Analyse ``(doc_id, text)`` pairs through ``pipelines.core.analysis``.

    Args:
        items: document ids and texts.
        timing: when given, filled with the spaCy seconds and the extraction seconds
            (extraction re-timed on the same docs and mentions).

    Returns:
        One result per item, in order.
    """
    from pipelines.core.analysis import Analyser, TextItem, analyse_texts
    from pipelines.core.entities import EntityResolver

    analyser = Analyser.load(
        settings.spacy_model(), EntityResolver.default(settings.overrides_path())
    )
    kept: list[Any] = []
    if timing is not None:
        analyser.nlp = _TimedNlp(analyser.nlp, timing, kept)  # type: ignore[assignment]
    results: list[DocResult] = []
    analyses: list[ArticleAnalysis] = []
    for (doc_id, text), analysis in zip(
        items, analyse_texts((TextItem(i, t) for i, t in items), analyser), strict=True
    ):
        analyses.append(analysis)
        results.append(DocResult(doc_id, text, list(analysis.quotes), _names(analysis)))
    if timing is not None:
        t0 = time.perf_counter()
        for doc, analysis in zip(kept, analyses, strict=True):
            extract_quotes(doc, analysis.mentions)
        timing.extract_s = time.perf_counter() - t0
    return results


def analyse_cached_docs(
    items: Sequence[tuple[str, str]], cache: Path, timing: Timing | None = None
) -> list[DocResult]:
    """Iteration helper: the same stages over spaCy docs cached in a DocBin.

    The first use parses every text (one spaCy pass); later uses parse only the texts the
    cache does not hold yet (a grown eval set costs its new articles only) and rewrite it
    then. A cache written by another spaCy model or version is rebuilt (its model is
    recorded beside it). Entity resolution and extraction are the pipeline's own
    functions; only ``nlp.pipe`` is replaced by the cache.
    """
    nlp = nlp_mod.load_nlp(settings.spacy_model())
    docs = _cached_docs(nlp, [t for _, t in items], cache, timing)
    resolve = _resolver()
    results: list[DocResult] = []
    extract_s = 0.0
    for (doc_id, text), doc in zip(items, docs, strict=True):
        mentions, names = resolve(doc)
        t0 = time.perf_counter()
        quotes = extract_quotes(doc, mentions)
        extract_s += time.perf_counter() - t0
        results.append(DocResult(doc_id, text, quotes, names))
    if timing is not None:
        timing.extract_s = extract_s
    return results


def _model_tag(nlp: Any) -> str:
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"


def _cached_docs(nlp: Any, texts: Sequence[str], cache: Path, timing: Timing | None) -> list[Any]:
    """The Doc of every text, from ``cache`` where it holds one, else parsed and added."""
    from spacy.tokens import DocBin

    tag_file = cache.with_name(cache.name + ".model")
    tag = _model_tag(nlp)
    held: dict[str, Any] = {}
    if cache.exists() and tag_file.exists() and tag_file.read_text(encoding="utf-8") == tag:
        for doc in DocBin().from_disk(cache).get_docs(nlp.vocab):
            held[doc.text] = doc
    missing = list(dict.fromkeys(t for t in texts if t not in held))
    if missing:
        t0 = time.perf_counter()
        held.update(zip(missing, nlp_mod.pipe(nlp, missing), strict=True))
        if timing is not None:
            timing.spacy_s = time.perf_counter() - t0
        bin_ = DocBin(store_user_data=False)
        for doc in held.values():
            bin_.add(doc)
        bin_.to_disk(cache)
        tag_file.write_text(tag, encoding="utf-8")
        print(f"spaCy cache {cache}: {len(missing)} text(s) parsed, {len(held)} held")
    return [held[t] for t in texts]


def _resolver() -> Callable[[Any], tuple[list[Mention], dict[str, str]]]:
    """The pipeline's entity resolver as a function of a Doc."""
    from pipelines.core.entities import EntityResolver

    resolver = EntityResolver.default(settings.overrides_path())

    def run(doc: Any) -> tuple[list[Mention], dict[str, str]]:
        found = resolver.resolve_article(
            doc.text, nlp_mod.ner_spans(doc), nlp_mod.sentence_bounds(doc)
        )
        return list(found.mentions), {e.entity_id: e.canonical_name for e in found.entities}

    return run


# --------------------------------------------------------------------------- output


# Two annotation styles for "who said it", both kept by the pipeline (quotes.speaker_surface
# and quotes.speaker_entity_id): "resolved" is the person or organisation (its canonical
# name; the speaker as written when it resolved to no entity), as the resolved-speaker set
# and coreference-resolved annotations score it; "written" is the speaker as the
# attribution writes it ("the 56-year-old", "the statement"), as PolNeAR annotates (its gold
# speaker is the attribution's source mention, with no coreference).
RESOLVED = "resolved"
WRITTEN = "written"
SPEAKER_STYLES = (RESOLVED, WRITTEN)


def prediction_row(
    result: DocResult, kinds: Sequence[str] = DEFAULT_KINDS, style: str = RESOLVED
) -> dict[str, Any]:
    """The scorer's JSON object for one document.

    ``speaker`` is the speaker in ``style``; ``speaker_as_written`` always holds the
    speaker as the attribution writes it (the scorer reads ``speaker`` only).
    """
    if style not in SPEAKER_STYLES:
        raise ValueError(f"unknown speaker style {style!r}: one of {', '.join(SPEAKER_STYLES)}")
    quotes = []
    for q in result.quotes:
        if q.kind not in kinds:
            continue
        written = q.speaker_surface
        resolved = result.names.get(q.speaker_entity_id or "", None) or written
        quotes.append(
            {
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker": resolved if style == RESOLVED else written,
                "speaker_as_written": written,
            }
        )
    return {"doc_id": result.doc_id, "quotes": quotes}


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def extract_quotes_command(args: argparse.Namespace) -> int:
    """``extract-quotes --input DOCS.jsonl --output PRED.jsonl``; returns the exit status."""
    rows = _read_jsonl(args.input)
    items = [(str(r["doc_id"]), str(r["text"])) for r in rows]
    kinds = tuple(k.strip() for k in args.kinds.split(",") if k.strip())
    results = analyse_docs(items)
    _write_jsonl(args.output, (prediction_row(r, kinds, args.speaker_style) for r in results))
    n = sum(len(r.quotes) for r in results)
    print(f"extract-quotes: {len(results)} documents, {n} quotes -> {args.output}")
    return 0


# --------------------------------------------------------------------------- scoring


def load_scorer(path: Path = SCORER) -> ModuleType:
    """Import the shared scorer by path (it is not a package)."""
    spec = importlib.util.spec_from_file_location("quote_score", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(scorer: ModuleType, gold: Path, pred: Path) -> dict[str, Any]:
    """Run the shared scorer and return its overall metrics."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "metrics.json"
        scorer.main([str(gold), str(pred), "--json", str(out)])
        metrics: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))["all"]
    return metrics


def error_breakdown(
    scorer: ModuleType,
    gold_docs: Sequence[dict[str, Any]],
    results: Sequence[DocResult],
    style: str = RESOLVED,
) -> Counter[str]:
    """Classify every error the scorer would count, so the next person knows where to look.

    Categories: missed quotes (with why: found but classed partial, found but not
    attributed a kind, no candidate at all), spurious quotes, and wrong speakers
    (unresolved pronoun, no speaker, borrowed speaker, wrong entity).
    """
    by_id = {r.doc_id: r for r in results}
    errors: Counter[str] = Counter()
    for g in gold_docs:
        res = by_id.get(g["doc_id"])
        if res is None:
            continue
        golds = g.get("quotes", [])
        preds = prediction_row(res, style=style)["quotes"]
        direct = [q for q in res.quotes if q.kind in DEFAULT_KINDS]
        partial = [q for q in res.quotes if q.kind not in DEFAULT_KINDS]
        pairs = scorer.align(preds, golds, 0.5)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, j in pairs:
            gq = golds[j]
            if gq.get("kind", "direct") != "direct" or not scorer.speaker_usable(gq):
                continue
            if scorer.speaker_match(gq.get("speaker"), preds[i]["speaker"]):
                continue
            q = direct[i]
            if q.speaker_surface is None:
                errors["wrong speaker: none found (" + (q.unattributed_reason or "") + ")"] += 1
            elif q.unattributed_reason == "unresolved_pronoun":
                errors["wrong speaker: unresolved pronoun"] += 1
            elif q.cue_verb is None:
                errors["wrong speaker: borrowed from a neighbouring quote"] += 1
            elif q.speaker_surface.lower() in {"he", "she", "it", "they", "him", "her"}:
                errors["wrong speaker: pronoun resolved to the wrong entity"] += 1
            else:
                errors["wrong speaker: other"] += 1
        for i in range(len(preds)):
            if i not in matched_p:
                errors["spurious quote"] += 1
        for j, gq in enumerate(golds):
            if gq.get("kind", "direct") != "direct" or j in matched_g:
                continue
            near = scorer.align(
                [{"text": q.text, "start": q.start, "end": q.end} for q in partial], [gq], 0.5
            )
            if near:
                errors["missed quote: classed partial"] += 1
            elif any(q.start < gq["end"] and q.end > gq["start"] for q in res.quotes):
                errors["missed quote: span differs"] += 1
            else:
                errors["missed quote: no candidate"] += 1
    return errors


def seed_gold_rows() -> list[dict[str, Any]]:
    """Seed articles with our own golden quotes, in the scorer's gold format."""
    rows = []
    for path in sorted(GOLDEN_DIR.glob("quotes_*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (SEEDS_DIR / gold["seed"]).read_text(encoding="utf-8")
        quotes = [
            {
                "text": q["text"],
                "start": q["start"],
                "end": q["end"],
                "speaker": q["speaker"],
                "kind": q["kind"],
                "speaker_kind": "named",
            }
            for q in gold["quotes"]
        ]
        rows.append({"doc_id": gold["seed"], "text": text, "quotes": quotes})
    return rows


def _print_metrics(label: str, m: dict[str, Any]) -> None:
    print(
        f"{label}: quote P={m['quote_precision']:.4f} R={m['quote_recall']:.4f} "
        f"F1={m['quote_f1']:.4f} | speaker accuracy={m['speaker_accuracy']:.4f} "
        f"| end-to-end F1={m['e2e_f1']:.4f}"
    )


def run_eval(
    gold_path: Path,
    limit: int | None = None,
    cache: Path | None = None,
    pred_out: Path | None = None,
) -> dict[str, Any]:
    """Evaluate on a gold file; returns the figures (also printed).

    Args:
        gold_path: the dev set.
        limit: only the first ``limit`` documents (quick looks; not for the baseline).
        cache: a DocBin path to reuse spaCy docs between runs (rule iteration).
        pred_out: where to keep the dev predictions (the scorer's input), if anywhere.
    """
    scorer = load_scorer()
    gold_docs = _read_jsonl(gold_path)[:limit]
    items = [(str(d["doc_id"]), str(d["text"])) for d in gold_docs]
    timing = Timing()
    if cache is not None:
        results = analyse_cached_docs(items, cache, timing)
    else:
        results = analyse_docs(items, timing)
    with tempfile.TemporaryDirectory() as tmp:
        gold_file = Path(tmp) / "gold.jsonl"
        pred_file = Path(tmp) / "pred.jsonl"
        _write_jsonl(gold_file, gold_docs)
        _write_jsonl(pred_file, (prediction_row(r, style=WRITTEN) for r in results))
        if pred_out is not None:
            # Copy then rename: two evals sharing the default path never leave a torn file.
            partial = pred_out.with_name(f".{pred_out.name}.{os.getpid()}")
            partial.write_bytes(pred_file.read_bytes())
            partial.replace(pred_out)
            print(f"predictions: {pred_out}")
        dev = score(scorer, gold_file, pred_file)
        gold_by_part: dict[str, list[dict[str, Any]]] = {part: [] for part in DEV_PARTS}
        for g in gold_docs:
            gold_by_part[dev_part(str(g["doc_id"]))].append(g)
        parts = {
            part: _score_rows(scorer, gold, results, WRITTEN) for part, gold in gold_by_part.items()
        }
        errors = error_breakdown(scorer, gold_by_part[TUNE], results, WRITTEN)
        # The same predictions with the resolved person as the speaker, for comparison:
        # PolNeAR's gold keeps descriptions ("the billionaire"), so resolving them costs here.
        _write_jsonl(pred_file, (prediction_row(r, style=RESOLVED) for r in results))
        with contextlib.redirect_stdout(io.StringIO()):
            dev_resolved = score(scorer, gold_file, pred_file)

        # The seeds are two short texts: always through the pipeline's own path.
        seeds = seed_gold_rows()
        seed_results = analyse_docs([(str(r["doc_id"]), str(r["text"])) for r in seeds])
        _write_jsonl(gold_file, seeds)
        _write_jsonl(pred_file, (prediction_row(r) for r in seed_results))
        seed_metrics = score(scorer, gold_file, pred_file)
        seed_errors = error_breakdown(scorer, seeds, seed_results)

    print()
    _print_metrics(f"dev ({len(gold_docs)} docs, speaker as written)", dev)
    print(
        f"  speaker as the resolved person instead: speaker accuracy="
        f"{dev_resolved['speaker_accuracy']:.4f} | end-to-end F1={dev_resolved['e2e_f1']:.4f}"
    )
    for part, gold in gold_by_part.items():
        _print_metrics(f"  {part} part ({len(gold)} docs)", parts[part])
    print("  errors on the tune part (the check part's are not listed):")
    for name, n in sorted(errors.items(), key=lambda kv: -kv[1]):
        print(f"    {n:5d}  {name}")
    _print_metrics(f"seeds ({len(seeds)} docs)", seed_metrics)
    for name, n in sorted(seed_errors.items(), key=lambda kv: -kv[1]):
        print(f"    {n:5d}  {name}")
    if timing.spacy_s:
        share = timing.extract_s / timing.spacy_s
        print(
            f"time: spaCy pass {timing.spacy_s:.1f}s, quote extraction {timing.extract_s:.2f}s "
            f"({share:.1%} of spaCy; budget 10%)"
        )
    else:
        print(f"time: quote extraction {timing.extract_s:.2f}s (spaCy pass from cache)")
    return {
        "dev": {k: dev[k] for k in ("quote_precision", "quote_recall", "quote_f1")}
        | {"speaker_accuracy": dev["speaker_accuracy"], "e2e_f1": dev["e2e_f1"]},
        "dev_parts": {
            part: {k: m[k] for k in ("quote_precision", "quote_recall", "quote_f1")}
            | {"speaker_accuracy": m["speaker_accuracy"], "e2e_f1": m["e2e_f1"]}
            for part, m in parts.items()
        },
        "dev_resolved": {
            "speaker_accuracy": dev_resolved["speaker_accuracy"],
            "e2e_f1": dev_resolved["e2e_f1"],
        },
        "seeds": {
            "quote_f1": seed_metrics["quote_f1"],
            "speaker_accuracy": seed_metrics["speaker_accuracy"],
            "e2e_f1": seed_metrics["e2e_f1"],
        },
        "timing": {"spacy_s": timing.spacy_s, "extract_s": timing.extract_s},
        "errors": dict(errors),
    }


# --------------------------------------------------------------------------- resolved-speaker set


def cue_accuracy(
    scorer: ModuleType, gold_docs: Sequence[dict[str, Any]], results: Sequence[DocResult]
) -> dict[str, tuple[int, int]]:
    """Speaker accuracy per ``speaker_cue`` of the gold quote: ``{cue: (correct, judged)}``.

    Judged exactly as the scorer judges speaker accuracy: direct gold quotes matched by a
    prediction and whose gold speaker is usable (named).
    """
    by_id = {r.doc_id: r for r in results}
    tally: dict[str, list[int]] = {}
    for g in gold_docs:
        res = by_id.get(g["doc_id"])
        if res is None:
            continue
        golds = g["quotes"]
        preds = prediction_row(res)["quotes"]
        for i, j in scorer.align(preds, golds, 0.5):
            gq = golds[j]
            if gq.get("kind") != "direct" or not scorer.speaker_usable(gq):
                continue
            counts = tally.setdefault(str(gq.get("speaker_cue")), [0, 0])
            counts[0] += bool(scorer.speaker_match(gq["speaker"], preds[i]["speaker"]))
            counts[1] += 1
    return {cue: (ok, n) for cue, (ok, n) in tally.items()}


def _score_rows(
    scorer: ModuleType,
    gold_docs: Sequence[dict[str, Any]],
    results: Sequence[DocResult],
    style: str = RESOLVED,
) -> dict[str, Any]:
    """Score a subset through temporary gold and prediction files (texts never kept).

    The scorer's own report is silenced: six subsets would repeat it six times; the
    caller prints one line per subset instead.
    """
    ids = {g["doc_id"] for g in gold_docs}
    with tempfile.TemporaryDirectory() as tmp:
        gold_file = Path(tmp) / "gold.jsonl"
        pred_file = Path(tmp) / "pred.jsonl"
        _write_jsonl(gold_file, gold_docs)
        _write_jsonl(
            pred_file, (prediction_row(r, style=style) for r in results if r.doc_id in ids)
        )
        with contextlib.redirect_stdout(io.StringIO()):
            return score(scorer, gold_file, pred_file)


def run_shared_eval(
    scorer: ModuleType | None = None,
    cache: Path | None = None,
    splits: Sequence[str] = ("dev",),
) -> dict[str, Any] | None:
    """Score the resolved-speaker set per split (dev, hold, test) and per source.

    Only the ``splits`` asked for are scored and printed (default: dev), so a tuning loop
    never shows the test split or the held-out half of the newest batch (``hold``) by
    accident; ``make eval`` asks for all three.

    With ``cache`` (a DocBin path, as for the dev set) the spaCy docs are reused between
    runs, so a rule change is measured in seconds; without it the pipeline's own path runs.

    Prints quote P/R/F1, speaker accuracy and end-to-end F1 for every split and source,
    speaker accuracy per speaker cue for every split, and the error breakdown of the dev
    split only: nobody tunes on the test or hold split, so their errors are not listed.

    Returns:
        ``{split: {"all"|"bbc"|"aeb": metrics, "cues": {cue: [correct, judged]}}}`` (dev
        also ``"first <source>"`` and ``"batch <n> <source>"``: the articles as first
        written and each later batch), or None when ../shared/corpora is absent (a message
        says so).
    """
    from pipelines.tools import quotes_shared
    from pipelines.tools.shared_texts import CorpusUnavailable

    try:
        docs = quotes_shared.load_shared_set()
    except CorpusUnavailable as ex:
        print(f"resolved-speaker set: skipped, {ex}")
        return None
    scorer = scorer or load_scorer()
    gold = quotes_shared.gold_rows(docs)
    items = [(d.doc_id, d.text) for d in docs]
    results = analyse_cached_docs(items, cache) if cache is not None else analyse_docs(items)
    corpus_of = {d.doc_id: d.corpus for d in docs}
    split_of = {d.doc_id: d.split for d in docs}
    batch_of = {d.doc_id: d.batch for d in docs}
    figures: dict[str, Any] = {}
    print()
    print(f"resolved-speaker set ({quotes_shared.ANNOTATIONS.parent.name}, {len(docs)} docs)")
    for split in splits:
        in_split = [g for g in gold if split_of[g["doc_id"]] == split]
        figures[split] = {}
        for source in ("all", *quotes_shared.CORPORA):
            rows = [g for g in in_split if source == "all" or corpus_of[g["doc_id"]] == source]
            if not rows and source != "all":  # a source only later dev batches hold
                continue
            metrics = _score_rows(scorer, rows, results)
            figures[split][source] = metrics
            _print_metrics(f"  {split} {source} ({len(rows)} docs)", metrics)
        # Articles added later, scored apart too: their first figure was the system's
        # first output on them (the set's README says which session). The hold split
        # holds one half of each batch from FIRST_HELD_BATCH on: each half on its own line.
        if split == "dev":
            later = quotes_shared.BATCHES[1:]
            parts = [(1, "first"), *((b, f"batch {b}") for b in later)]
        elif split == "hold":
            later = tuple(b for b in quotes_shared.BATCHES if b >= quotes_shared.FIRST_HELD_BATCH)
            parts = [(b, f"batch {b}") for b in later]
        else:
            later, parts = (), []
        for b, name in parts:
            for source in ("all", *quotes_shared.CORPORA):
                rows = [
                    g
                    for g in in_split
                    if batch_of[g["doc_id"]] == b
                    and (source == "all" or corpus_of[g["doc_id"]] == source)
                ]
                if not rows:  # a batch from one corpus only
                    continue
                metrics = _score_rows(scorer, rows, results)
                figures[split][f"{name} {source}"] = metrics
                _print_metrics(f"  {split} {name} {source} ({len(rows)} docs)", metrics)
        cues = cue_accuracy(scorer, in_split, results)
        figures[split]["cues"] = {cue: list(v) for cue, v in cues.items()}
        _print_cues(f"  {split} speaker accuracy by cue: ", cues)
        # the batches written to measure transfer (half held out) by cue too: where a new
        # set loses first
        for b in (b for b in later if b >= quotes_shared.FIRST_HELD_BATCH):
            newest = [g for g in in_split if batch_of[g["doc_id"]] == b]
            if newest:
                cues = cue_accuracy(scorer, newest, results)
                figures[split][f"batch {b} cues"] = {c: list(v) for c, v in cues.items()}
                _print_cues(f"  {split} batch {b} speaker accuracy by cue: ", cues)
        if split == "dev":
            print("  errors on the dev split:")
            errors = error_breakdown(scorer, in_split, results)
            for name, n in sorted(errors.items(), key=lambda kv: -kv[1]):
                print(f"    {n:5d}  {name}")
    return figures


def _print_cues(label: str, cues: Mapping[str, tuple[int, int]]) -> None:
    from pipelines.tools.quotes_shared import SPEAKER_CUES

    shown = [
        f"{cue} {ok / n:.3f} ({ok}/{n})" if n else f"{cue} - (0/0)"
        for cue in SPEAKER_CUES
        for ok, n in [cues.get(cue, (0, 0))]
    ]
    print(label + ", ".join(shown))


def eval_quotes_command(args: argparse.Namespace) -> int:
    """``eval-quotes``: figures on the dev set and the seeds; returns the exit status."""
    if not args.gold.exists() or not SCORER.exists():
        print(f"SKIP eval-quotes: {args.gold} or {SCORER} is absent (../shared not mounted)")
        return 0
    pred = args.pred or Path(tempfile.gettempdir()) / "quotes_dev_pred.jsonl"
    figures = run_eval(args.gold, args.limit, args.spacy_cache, pred)
    if not args.no_shared_set:
        from pipelines.tools import quotes_shared

        splits = quotes_shared.SPLITS if args.split == "all" else (args.split,)
        figures["shared_set"] = run_shared_eval(cache=args.shared_spacy_cache, splits=splits)
    if args.json is not None:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    from pipelines.cli import main

    sys.exit(main(["eval-quotes", *sys.argv[1:]]))
