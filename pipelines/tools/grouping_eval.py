"""``python -m pipelines eval-grouping``: stories and statements over the whole corpora, scored.

Runs the pipeline's own code path over every document the stories set's README names
(all PolNeAR dev articles, every BBC file, every aeb body): the analyser (spaCy, entities,
quotes) on the reference text itself, so quote offsets need no mapping, then the story and
statement grouping of ``pipelines.core.stories`` exactly as the warehouse step calls it
(articles inserted one at a time through the index, in a fixed order). Prints story B-cubed
and statement pair figures per split with the set's own scorer, and the grouping cost as a
share of the spaCy pass.

The analysis is cached under ``data/cache/`` (keyed by analyser version and text digests):
the first run pays the spaCy pass (several minutes), later runs only group and score.
Writes the prediction files too (``--out``), in the format ``eval-stories`` reads.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pipelines import settings
from pipelines.core import stories as core
from pipelines.tools.shared_texts import (
    BBC_DIR,
    CorpusUnavailable,
    TextChanged,
    read_aeb,
    read_bbc,
    read_polnear,
)
from pipelines.tools.story_eval import format_statement_scores, format_story_scores
from pipelines.tools.story_eval_set import (
    DocRef,
    document_date,
    document_title,
    load_eval_set,
    load_texts,
)
from pipelines.tools.story_scoring import PredictedQuote, score_statements, score_stories

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / "data" / "cache"
ARRIVAL_BATCH = 500  # documents per simulated run
_CACHE_FORMAT = 2  # 2: entities' canonical names cached too


@dataclass(frozen=True, slots=True)
class Doc:
    ref: DocRef
    text: str
    title: str | None
    outlet: str | None


def corpus_documents(shared: Path) -> list[Doc]:
    """Every document of the three corpora, with its reference text."""
    docs: list[Doc] = []
    for doc_id, text in sorted(read_polnear(shared).items()):
        outlet = doc_id.rsplit("/", 1)[-1].split("_", 1)[0]
        docs.append(Doc(DocRef("polnear", doc_id), text, document_title(text), outlet))
    bbc = shared / BBC_DIR
    if not bbc.is_dir():
        raise CorpusUnavailable(f"{bbc} is absent")
    for path in sorted(bbc.glob("*/*.txt")):
        name = path.relative_to(bbc).as_posix()
        try:
            text = read_bbc(name, shared)
        except TextChanged:
            continue  # the set's references are strict UTF-8; such a file is never annotated
        docs.append(Doc(DocRef("bbc", name), text, document_title(text), "BBC"))
    for stem, row in sorted(read_aeb(shared).items()):
        host = urlparse(row.get("url") or "").netloc.removeprefix("www.") or None
        docs.append(Doc(DocRef("aeb", stem), row["articleBody"], None, host))
    return docs


def analyse(docs: list[Doc]) -> tuple[dict[DocRef, dict[str, Any]], float]:
    """Mentions and quotes of every document (cached); returns them and the spaCy seconds."""
    from pipelines.core.analysis import Analyser, TextItem, analyse_texts
    from pipelines.core.entities import EntityResolver

    analyser = Analyser.load(
        settings.spacy_model(), EntityResolver.default(settings.overrides_path())
    )
    # The format tag changes whenever what is cached changes.
    digest = hashlib.sha256(f"{_CACHE_FORMAT}:{analyser.version}".encode())
    for d in docs:
        digest.update(d.text.encode())
    path = CACHE / f"grouping_analysis_{digest.hexdigest()[:16]}.pickle"
    if path.exists():
        cached: dict[str, Any] = pickle.loads(path.read_bytes())
        return cached["results"], cached["seconds"]
    started = time.perf_counter()
    results: dict[DocRef, dict[str, Any]] = {}
    items = [TextItem(f"{d.ref.corpus}:{d.ref.id}", d.text) for d in docs]
    for doc, res in zip(docs, analyse_texts(items, analyser), strict=True):
        types = {e.entity_id: e.entity_type for e in res.entities}
        results[doc.ref] = {
            "mentions": [
                (m.entity_id, types.get(m.entity_id, m.entity_type), m.start) for m in res.mentions
            ],
            "names": {e.entity_id: e.canonical_name for e in res.entities},
            "quotes": [
                (
                    q.start,
                    q.end,
                    q.text,
                    q.kind,
                    q.speaker_entity_id,
                    q.utterance,
                    q.part,
                    q.cue_verb is not None,
                )
                for q in res.quotes
            ],
        }
    seconds = time.perf_counter() - started
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps({"results": results, "seconds": seconds}))
    return results, seconds


def group(
    docs: list[Doc], results: dict[DocRef, dict[str, Any]]
) -> tuple[dict[DocRef, str], list[PredictedQuote], float]:
    """Stories and statements as the warehouse step computes them; returns the seconds."""
    started = time.perf_counter()
    key = {d.ref: f"{d.ref.corpus}:{d.ref.id}" for d in docs}
    ref_of = {v: k for k, v in key.items()}
    dates = {key[d.ref]: document_date(d.ref) for d in docs}
    # Stories: new articles arrive in batches (as in the warehouse step's runs) and are
    # linked through the index to everything before them.
    index = core.StoryIndex()
    story_links: list[core.Link] = []
    for start in range(0, len(docs), ARRIVAL_BATCH):
        sigs = []
        for d in docs[start : start + ARRIVAL_BATCH]:
            mentions = tuple(core.StoryMention(*m) for m in results[d.ref]["mentions"])
            article = core.StoryArticle(
                key[d.ref], d.title, d.text, dates[key[d.ref]], d.outlet, mentions
            )
            sigs.append(core.story_signature(article))
        new, index = core.link_new_stories(sigs, index)
        story_links += new
    groups = core.partition(list(key.values()), story_links)
    story_of = {m: i for i, g in enumerate(groups) for m in g}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for lk in story_links:
        neighbours[lk.a].add(lk.b)
        neighbours[lk.b].add(lk.a)
    # Statements.
    quote_spans: dict[str, tuple[DocRef, int, int]] = {}
    sindex = core.StatementIndex()
    links: list[core.Link] = []
    for d in docs:
        aid = key[d.ref]
        quotes = []
        # The entities' canonical names, as the warehouse step reads entities.canonical_name.
        names = results[d.ref]["names"]
        for start, end, text, kind, speaker, utt, part, cue in results[d.ref]["quotes"]:
            qid = f"{aid}@{start}-{end}"
            quote_spans[qid] = (d.ref, start, end)
            quotes.append(
                core.StatementQuote(
                    qid,
                    aid,
                    text,
                    kind,
                    speaker,
                    utt,
                    part,
                    cue,
                    names.get(speaker or ""),
                    start,
                    end,
                )
            )
        new, sindex = core.link_new_renderings(
            {aid: core.renderings(quotes)}, sindex, lambda a: neighbours.get(a, set())
        )
        links += new
    items = [r for d in docs for r in sindex.article(key[d.ref])]
    sgroups = core.group_renderings(items, links)
    seconds = time.perf_counter() - started
    by_id = {r.rendering_id: r for r in items}
    predicted = [
        PredictedQuote(*quote_spans[q], statement_id=f"stm{i}")
        for i, g in enumerate(sgroups)
        for rid in g
        for q in by_id[rid].quote_ids
    ]
    mapping = {ref_of[m]: f"story{i}" for m, i in story_of.items()}
    return mapping, predicted, seconds


def grouping_eval_command(args: argparse.Namespace) -> int:
    """Group the corpora, score each split; 2 (SKIP) when ../shared is absent."""
    eval_set = load_eval_set(args.data)
    try:
        load_texts(eval_set, args.shared)  # checks the digests
        docs = corpus_documents(args.shared)
    except CorpusUnavailable as ex:
        print(f"eval-grouping: SKIP, {ex}")
        return 2
    results, spacy_s = analyse(docs)
    stories, statements, group_s = group(docs, results)
    print(
        f"eval-grouping: {len(docs)} documents, {len(set(stories.values()))} stories, "
        f"{len({p.statement_id for p in statements})} statements over {len(statements)} quotes"
    )
    for split in ("dev", "test"):
        part = eval_set.select(split)
        print(format_story_scores(f"[{split}] stories", score_stories(part, stories)))
        scores = score_statements(part, statements)
        print(format_statement_scores(f"[{split}] statements", scores))
        for h in scores.violated if args.verbose else ():
            print(f"    VIOLATED {h.type}: {h.speakers[0]} / {h.speakers[1]} ({h.note})")
    print(
        f"cost: stories + statements {group_s:.1f} s vs spaCy pass {spacy_s:.1f} s "
        f"({100 * group_s / spacy_s:.1f} %)"
    )
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        with (args.out / "stories.jsonl").open("w", encoding="utf-8") as fh:
            for ref, sid in sorted(stories.items()):
                fh.write(json.dumps({"corpus": ref.corpus, "id": ref.id, "story_id": sid}) + "\n")
        with (args.out / "statements.jsonl").open("w", encoding="utf-8") as fh:
            for p in statements:
                row = {"corpus": p.doc.corpus, "id": p.doc.id, "start": p.start, "end": p.end}
                fh.write(json.dumps({**row, "statement_id": p.statement_id}) + "\n")
    return 0
