"""``python -m pipelines eval-grouping``: stories and statements over the whole corpora, scored.

Runs the pipeline's own code path over every document the stories set's README names
(all PolNeAR dev articles, every BBC file, every aeb body): each PolNeAR and BBC text is
parsed by ingestion's ``parse_file`` as a landed plain-text file, so its title (or none)
and body are the warehouse's; the analyser (spaCy, entities, quotes) reads that body, and
predicted quote spans are mapped back to the reference text the labels are spans of; then
the story and statement grouping of ``pipelines.core.stories`` exactly as the warehouse
step calls it (articles inserted one at a time through the index, in a fixed order). Prints story B-cubed
and statement pair figures per split with the set's own scorer, and the grouping cost as a
share of the spaCy pass.

The analysis is cached under ``data/cache/`` (keyed by analyser version and text digests):
the first run pays the spaCy pass (several minutes), later runs only group and score.
Writes the prediction files too (``--out``), in the format ``eval-stories`` reads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import pickle
import re
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from pipelines import settings
from pipelines.core import stories as core
from pipelines.core.parse import parse_file
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
    SPLITS,
    DocRef,
    HardNegative,
    QuoteRef,
    Statement,
    StoryDoc,
    StoryEvalSet,
    document_date,
    load_eval_set,
    load_texts,
)
from pipelines.tools.story_scoring import (
    MIN_OVERLAP,
    PredictedQuote,
    match_quotes,
    score_statements,
    score_stories,
)

if TYPE_CHECKING:
    from pipelines.core.analysis import Analyser, TextItem
    from pipelines.core.models import ArticleAnalysis as ArticleAnalysis

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / "data" / "cache"
ARRIVAL_BATCH = 500  # documents per simulated run
PRECEDING_CHARS = 200  # as grouping.py: the text before a quote is read up to this long
_ANCHOR_GAP = 400  # the most text between two kept words (a dropped sign-off or line)
_CACHE_FORMAT = 2  # 2: entities' canonical names cached too


@dataclass(frozen=True, slots=True)
class Doc:
    """One document: its reference text (labels' offsets) and the article the warehouse gets.

    ``title`` and ``body`` are what ingestion stores for the file (the body is what the
    analyser reads); ``anchors`` map body offsets back to the reference text, where the
    labelled quote spans are: ``(body offset, reference offset)`` at the start of every
    run of non-space characters, in order. Empty anchors: the body is the text.
    """

    ref: DocRef
    text: str
    title: str | None
    outlet: str | None
    body: str = ""
    anchors: tuple[tuple[int, int], ...] = ()

    def to_reference(self, offset: int) -> int:
        """The reference-text offset of a body offset (a span's start or end)."""
        if not self.anchors:
            return offset
        i = bisect_right(self.anchors, (offset, 1 << 62)) - 1
        if i < 0:
            return self.anchors[0][1]
        body_at, text_at = self.anchors[i]
        return text_at + offset - body_at


def body_anchors(text: str, body: str) -> tuple[tuple[int, int], ...]:
    """Where each non-space run of ``body`` sits in ``text`` (see ``Doc.anchors``).

    The plain-text parser drops whole lines (title, byline, dateline, sign-off) and
    rewrites the whitespace between the words it keeps; decoding may repair a run's
    characters (mis-decoded letters). A run not found near the previous one is left
    without an anchor: offsets inside it are counted from the last anchor, a character
    or two off at most, and the next run found sets them right again.
    """
    anchors: list[tuple[int, int]] = []
    at = 0
    for run in re.finditer(r"\S+", body):
        # Only the lines before the first kept word can be long; after it, runs are close.
        limit = len(text) if not anchors else at + len(run.group()) + _ANCHOR_GAP
        found = text.find(run.group(), at, limit)
        if found >= 0:
            anchors.append((run.start(), found))
            at = found + len(run.group())
    return tuple(anchors)


def as_ingested(ref: DocRef, text: str, outlet: str | None) -> Doc:
    """The document as ingestion stores a plain-text file of this text: title and body.

    Built by the warehouse's own parser (``parse_file``), so the eval scores the title and
    body the warehouse would analyse and group, not a second reading of the headline.
    """
    outcome = parse_file(text.encode("utf-8"), f"{ref.corpus}/{ref.id}.txt")
    if len(outcome.articles) != 1:
        reasons = "; ".join(r.reason for r in outcome.rejections)
        raise ValueError(f"{ref.corpus}:{ref.id} does not parse as one article: {reasons}")
    article = outcome.articles[0]
    anchors = () if article.body == text else body_anchors(text, article.body)
    return Doc(ref, text, article.title, outlet, article.body, anchors)


def corpus_documents(shared: Path) -> list[Doc]:
    """Every document of the three corpora, with its reference text and ingested form."""
    docs: list[Doc] = []
    for doc_id, text in sorted(read_polnear(shared).items()):
        outlet = doc_id.rsplit("/", 1)[-1].split("_", 1)[0]
        docs.append(as_ingested(DocRef("polnear", doc_id), text, outlet))
    bbc = shared / BBC_DIR
    if not bbc.is_dir():
        raise CorpusUnavailable(f"{bbc} is absent")
    for path in sorted(bbc.glob("*/*.txt")):
        name = path.relative_to(bbc).as_posix()
        try:
            text = read_bbc(name, shared)
        except TextChanged:
            continue  # the set's references are strict UTF-8; such a file is never annotated
        docs.append(as_ingested(DocRef("bbc", name), text, "BBC"))
    for stem, row in sorted(read_aeb(shared).items()):
        host = urlparse(row.get("url") or "").netloc.removeprefix("www.") or None
        # The benchmark's checked body of an HTML page: what the HTML parser should give
        # (its title is the page's metadata, which the set does not keep).
        body = row["articleBody"]
        docs.append(Doc(DocRef("aeb", stem), body, None, host, body))
    return docs


@dataclass(frozen=True)
class PassSeconds:
    """Seconds of the analysis pass: wall, and this process's CPU (None: not recorded).

    The grouping's share is reported against CPU: a pass timed by the wall clock on a
    busy machine counts the other processes' work too (a 276 s pass measured quiet was
    stored as ~1,560 s under load), which made the printed share several times too small.
    Caches written before CPU was recorded carry None, and the share is then not printed.
    """

    wall: float
    cpu: float | None


def _pass_seconds(stored: dict[str, Any]) -> PassSeconds:
    return PassSeconds(stored["seconds"], stored.get("cpu_seconds"))


def analyse(
    docs: list[Doc], *, reuse: bool = False
) -> tuple[dict[DocRef, dict[str, Any]], PassSeconds]:
    """Mentions and quotes of every document (cached); returns them and the pass's seconds.

    ``reuse`` (opt-in, for a loop over grouping changes only): when no analysis of the
    current analyser is stored, take the newest stored one of the same documents instead
    of paying the spaCy pass, and say so loudly, since its quotes and entities are an
    older analyser's.
    """
    from pipelines.core.analysis import Analyser, TextItem
    from pipelines.core.entities import EntityResolver

    analyser = Analyser.load(
        settings.spacy_model(), EntityResolver.default(settings.overrides_path())
    )
    texts = hashlib.sha256()
    for d in docs:
        texts.update(d.body.encode())
    # The format tag changes whenever what is cached changes.
    digest = hashlib.sha256(f"{_CACHE_FORMAT}:{analyser.version}".encode())
    for d in docs:
        digest.update(d.body.encode())
    path = CACHE / f"grouping_analysis_{digest.hexdigest()[:16]}.pickle"
    if path.exists():
        cached: dict[str, Any] = pickle.loads(path.read_bytes())
        return cached["results"], _pass_seconds(cached)
    if reuse:
        for other in sorted(CACHE.glob("grouping_analysis_*.pickle"), key=_mtime, reverse=True):
            cached = pickle.loads(other.read_bytes())
            same_texts = cached.get("texts") == texts.hexdigest()
            if same_texts or (
                "texts" not in cached and set(cached["results"]) == {d.ref for d in docs}
            ):
                print(
                    f"eval-grouping: REUSED the stored analysis {other.name} (analyser "
                    f"{cached.get('version', 'unrecorded')}, current {analyser.version}): "
                    "grouping figures over an older analysis, not the official ones"
                )
                return cached["results"], _pass_seconds(cached)
    results: dict[DocRef, dict[str, Any]] = {}
    items = [TextItem(f"{d.ref.corpus}:{d.ref.id}", d.body) for d in docs]
    analysed, seconds = _analyse_items(items, analyser, texts.hexdigest())
    for doc, res in zip(docs, analysed, strict=True):
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
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        pickle.dumps(
            {
                "results": results,
                "seconds": seconds.wall,
                "cpu_seconds": seconds.cpu,
                "version": analyser.version,
                "texts": texts.hexdigest(),
            }
        )
    )
    return results, seconds


def _analyse_items(
    items: list[TextItem], analyser: Analyser, texts_digest: str
) -> tuple[list[ArticleAnalysis], PassSeconds]:
    """The analysis of every item and its seconds; spaCy's parses are cached apart.

    A change to the rules (entities, quotes) changes the analyser version but not the
    parses: the parses of the same texts by the same model are stored once, as a spaCy
    ``DocBin`` (spaCy's own format, so a change to how the pipeline passes Docs between
    processes cannot make a stored parse unreadable), with the seconds spaCy took, and
    only the rules run again: measuring a quote or entity rule over the whole corpora
    costs seconds of rules, not the spaCy pass. The seconds returned are those of a whole
    pass: spaCy's (stored with the parses) and the rules' (now).
    """
    from spacy.tokens import DocBin

    from pipelines.core import nlp as nlp_mod
    from pipelines.core.analysis import AnalysisError, analyse_doc
    from pipelines.core.models import ArticleAnalysis

    key = hashlib.sha256(f"{nlp_mod.model_version(analyser.nlp)}:{texts_digest}".encode())
    path = CACHE / f"spacy_docbin_{key.hexdigest()[:16]}.pickle"
    if path.exists():
        stored: dict[str, Any] = pickle.loads(path.read_bytes())
        docs = list(DocBin().from_bytes(stored["docbin"]).get_docs(analyser.nlp.vocab))
    else:
        started, cpu_started = time.perf_counter(), time.process_time()
        docs = list(nlp_mod.pipe(analyser.nlp, [i.body for i in items], analyser.batch_size))
        stored = {
            "seconds": time.perf_counter() - started,
            # ``nlp.pipe`` runs in this process (one process), so its CPU is ours.
            "cpu_seconds": time.process_time() - cpu_started,
        }
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        stored["docbin"] = bin_.to_bytes()
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(stored))
    if len(docs) != len(items) or any(d.text != i.body for d, i in zip(docs, items, strict=True)):
        raise SystemExit(f"{path} does not hold these texts: delete it to rebuild")
    started, cpu_started = time.perf_counter(), time.process_time()
    out: list[ArticleAnalysis] = []
    for item, doc in zip(items, docs, strict=True):
        res = analyse_doc(item, doc, analyser, None)
        if not isinstance(res, ArticleAnalysis):
            raise AnalysisError(res)
        out.append(res)
    spacy = _pass_seconds(stored)
    cpu = None if spacy.cpu is None else spacy.cpu + time.process_time() - cpu_started
    return out, PassSeconds(spacy.wall + time.perf_counter() - started, cpu)


@dataclass
class Grouped:
    """What ``group`` computed: the predictions and what explains them."""

    stories: dict[DocRef, str]
    statements: list[PredictedQuote]
    seconds: float
    renderings: dict[str, core.Rendering]  # rendering id -> rendering
    rendering_of: dict[tuple[DocRef, int, int], str]  # predicted quote span -> rendering id
    linked: set[tuple[str, str]]  # rendering pairs with a stored link (a < b)
    neighbours: dict[str, set[str]]  # article key -> articles linked to it as one story
    cpu: tuple[float, float]  # CPU seconds of the stories and of the statements part
    dates: dict[str, dt.date | None]  # article key -> publication day
    story_links: dict[tuple[str, str], float]  # article pair (a < b) -> story link score
    story_index: core.StoryIndex  # every article's signature


def _mtime(path: Path) -> float:
    return path.stat().st_mtime


def group(docs: list[Doc], results: dict[DocRef, dict[str, Any]]) -> Grouped:
    """Stories and statements as the warehouse step computes them, and the seconds taken."""
    started = time.perf_counter()
    cpu_started = time.process_time()
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
            # Direct quotes in text order, as the warehouse step reads them.
            quoted = tuple(q[2] for q in sorted(results[d.ref]["quotes"]) if q[3] == "direct")
            article = core.StoryArticle(
                key[d.ref], d.title, d.body, dates[key[d.ref]], d.outlet, mentions, quoted
            )
            sigs.append(core.story_signature(article))
        new, index = core.link_new_stories(sigs, index)
        story_links += new
    groups = core.story_groups(
        list(key.values()), story_links, {a for a, day in dates.items() if day is None}
    )
    story_of = {m: i for i, g in enumerate(groups) for m in g}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for lk in story_links:
        neighbours[lk.a].add(lk.b)
        neighbours[lk.b].add(lk.a)
    stories_cpu = time.process_time() - cpu_started
    # Statements.
    quote_spans: dict[str, tuple[DocRef, int, int]] = {}
    sindex = core.StatementIndex()
    links: list[core.Link] = []
    for d in docs:
        aid = key[d.ref]
        quotes = []
        # The entities' canonical names, as the warehouse step reads entities.canonical_name.
        names = results[d.ref]["names"]
        previous_end: int | None = None
        for start, end, text, kind, speaker, utt, part, cue in sorted(
            q for q in results[d.ref]["quotes"] if q[3] in ("direct", "partial")
        ):
            qid = f"{aid}@{start}-{end}"
            # Scored against the labels, which are spans of the reference text.
            quote_spans[qid] = (d.ref, d.to_reference(start), d.to_reference(end))
            # The text since the previous quote, as the warehouse step reads it.
            gap = None if previous_end is None else start - previous_end
            preceding = (
                d.body[previous_end:start]
                if gap is not None and 0 <= gap <= PRECEDING_CHARS
                else None
            )
            previous_end = end
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
                    preceding,
                )
            )
        new, sindex = core.link_new_renderings(
            {aid: core.renderings(quotes)}, sindex, lambda a: neighbours.get(a, set()), dates
        )
        links += new
    items = [r for d in docs for r in sindex.article(key[d.ref])]
    sgroups = core.group_renderings(items, links)
    seconds = time.perf_counter() - started
    statements_cpu = time.process_time() - cpu_started - stories_cpu
    by_id = {r.rendering_id: r for r in items}
    predicted = [
        PredictedQuote(*quote_spans[q], statement_id=f"stm{i}")
        for i, g in enumerate(sgroups)
        for rid in g
        for q in by_id[rid].quote_ids
    ]
    mapping = {ref_of[m]: f"story{i}" for m, i in story_of.items()}
    return Grouped(
        mapping,
        predicted,
        seconds,
        by_id,
        {quote_spans[q]: r.rendering_id for r in items for q in r.quote_ids},
        {(lk.a, lk.b) for lk in links},
        neighbours,
        (stories_cpu, statements_cpu),
        dates,
        {(lk.a, lk.b): lk.score for lk in story_links},
        index,
    )


def missed_pairs(
    eval_set: StoryEvalSet, grouped: Grouped, min_overlap: float = MIN_OVERLAP
) -> list[tuple[str, QuoteRef, QuoteRef, str]]:
    """Every gold statement pair put in two statements, with the class of the miss.

    Returns ``(class, quote, quote, statement label)``. The classes are ``not extracted``
    (a quote no predicted quote matches), ``core.pair_reason``'s classes when the pair's
    renderings may not link, ``not aligned`` (they may, but the one-to-one alignment of
    their articles gave one of them another partner) and ``refused`` (linked, but a merge
    constraint kept the groups apart).
    """
    matched = match_quotes(eval_set.quotes(), grouped.statements, min_overlap)
    statement_of = {(p.doc, p.start, p.end): p.statement_id for p in grouped.statements}
    out = []
    for st in eval_set.statements:
        for qa, qb in combinations(st.quotes, 2):
            pa, pb = matched.get(qa), matched.get(qb)
            if pa is None or pb is None:
                out.append(("not extracted", qa, qb, st.label))
                continue
            ka, kb = (pa.doc, pa.start, pa.end), (pb.doc, pb.start, pb.end)
            if statement_of[ka] == statement_of[kb]:
                continue
            ra, rb = (grouped.renderings[grouped.rendering_of[k]] for k in (ka, kb))
            same_story = rb.article_id in grouped.neighbours.get(ra.article_id, set())
            days = core.days_between(
                grouped.dates.get(ra.article_id), grouped.dates.get(rb.article_id)
            )
            reason = core.pair_reason(ra, rb, same_story=same_story, days_apart=days)
            if reason is None:
                pair = tuple(sorted((ra.rendering_id, rb.rendering_id)))
                reason = "refused" if pair in grouped.linked else "not aligned"
            out.append((reason, qa, qb, st.label))
    return out


def _pair(x: str, y: str) -> tuple[str, str]:
    return (x, y) if x < y else (y, x)


def story_misses(eval_set: StoryEvalSet, grouped: Grouped) -> list[tuple[str, DocRef, str]]:
    """Every member outside its story's largest predicted group, with the class of the miss.

    Returns ``(class, document, story label)``; the class is the strongest evidence that
    ties the member to that group: ``beyond the window`` (every dated member there is
    further than the stories' window and carries none of its remarks), ``few key terms``
    (none shares ``MIN_SHARED_KEYS`` key terms with it), ``links below the average`` (no
    link reaches ``MERGE_AVERAGE``) or ``average refused`` (one does, but the group's
    average stayed below it).
    """
    from pipelines.core.stories import stories as story_core

    key = {ref: f"{ref.corpus}:{ref.id}" for ref in grouped.stories}
    members: dict[str, list[DocRef]] = defaultdict(list)
    for sd in eval_set.stories:
        if sd.story:
            members[sd.story].append(sd.doc)
    by_group: dict[str, list[DocRef]] = defaultdict(list)
    for ref, sid in grouped.stories.items():
        by_group[sid].append(ref)
    out: list[tuple[str, DocRef, str]] = []
    for label, refs in sorted(members.items()):
        counts = Counter(grouped.stories[r] for r in refs)
        # The largest group, ties by its smallest member: the story's "home".
        home = min(
            counts, key=lambda g: (-counts[g], min(r for r in refs if grouped.stories[r] == g))
        )
        group = [key[r] for r in by_group[home]]
        for ref in refs:
            if grouped.stories[ref] == home:
                continue
            sig = grouped.story_index.get(key[ref])
            others = [grouped.story_index.get(g) for g in group]
            near = [o for o in others if story_core.comparable(sig, o)]
            scores = [
                grouped.story_links.get(_pair(sig.article_id, o.article_id), 0.0) for o in near
            ]
            if not near:
                reason = "beyond the window"
            elif (
                max(len(sig.key_terms() & o.key_terms()) for o in near) < story_core.MIN_SHARED_KEYS
            ):
                reason = "few key terms"
            elif max(scores) < story_core.MERGE_AVERAGE:
                reason = "links below the average"
            else:
                reason = "average refused"
            out.append((reason, ref, label))
    return out


def wrong_joins(
    eval_set: StoryEvalSet, stories: dict[DocRef, str], dates: dict[str, dt.date | None]
) -> list[tuple[str, DocRef, str]]:
    """Every annotated document grouped with an annotated one of another story, by class.

    What precision loses: a look-alike (or a member of another story) in a story's group.
    Returns ``(class, document, its label)``, the label a story or ``distractor of <stories>``;
    the class is the dates of the document and the nearest such other one: ``undated pair``
    (neither has a date), ``one undated``, ``same day``, ``1-4 days``, or ``beyond the window``
    (a follow-up carrying a remark). ``dates`` is keyed like ``Grouped.dates``.
    """

    def label(d: StoryDoc) -> str:
        return d.story or "distractor of " + ",".join(d.distractor_of)

    def days(a: DocRef, b: DocRef) -> int | None:
        da, db = (dates.get(f"{r.corpus}:{r.id}") for r in (a, b))
        return None if da is None or db is None else abs((da - db).days)

    by_group: dict[str, list[StoryDoc]] = defaultdict(list)
    for d in eval_set.stories:
        if d.doc in stories:
            by_group[stories[d.doc]].append(d)
    out: list[tuple[str, DocRef, str]] = []
    for docs in by_group.values():
        for d in docs:
            # A distractor is its own singleton: any other annotated document is foreign.
            foreign = [o for o in docs if o is not d and (d.story is None or o.story != d.story)]
            if not foreign:
                continue
            gaps = [days(d.doc, o.doc) for o in foreign]
            known = [g for g in gaps if g is not None]
            if known:
                gap = min(known)
                reason = "same day" if gap == 0 else "1-4 days" if gap <= 4 else "beyond the window"
            elif any(dates.get(f"{o.doc.corpus}:{o.doc.id}") for o in foreign) or dates.get(
                f"{d.doc.corpus}:{d.doc.id}"
            ):
                reason = "one undated"
            else:
                reason = "undated pair"
            out.append((reason, d.doc, label(d)))
    return out


def _counts_line(name: str, found: list[tuple[str, DocRef, str]]) -> str:
    counts = Counter(m[0] for m in found)
    return f"    {name} by class ({len(found)}): " + ", ".join(
        f"{k} {n}" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def _print_story_misses(eval_set: StoryEvalSet, grouped: Grouped, *, listing: bool) -> None:
    misses = story_misses(eval_set, grouped)
    print(_counts_line("missed members", misses))
    for reason, ref, label in sorted(misses, key=lambda m: (m[0], m[2], m[1])) if listing else ():
        print(f"      {reason:24} {label}: {ref.corpus}:{ref.id}")
    joins = wrong_joins(eval_set, grouped.stories, grouped.dates)
    print(_counts_line("documents grouped with another story's documents", joins))
    for reason, ref, label in sorted(joins, key=lambda m: (m[0], m[2], m[1])) if listing else ():
        print(f"      {reason:24} {label}: {ref.corpus}:{ref.id}")


def _print_misses(
    eval_set: StoryEvalSet, grouped: Grouped, texts: dict[DocRef, str], *, listing: bool
) -> None:
    misses = missed_pairs(eval_set, grouped)
    counts = Counter(m[0] for m in misses)
    print(
        f"    missed pairs by class ({len(misses)}): "
        + ", ".join(f"{k} {n}" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    )
    matched = match_quotes(eval_set.quotes(), grouped.statements)
    gold = {q: s.label for s in eval_set.statements for q in s.quotes}
    statement_of = {(p.doc, p.start, p.end): p.statement_id for p in grouped.statements}
    by_statement: dict[str, list[QuoteRef]] = defaultdict(list)
    for q, p in matched.items():
        by_statement[statement_of[(p.doc, p.start, p.end)]].append(q)
    wrong = [
        (qa, qb)
        for qs in by_statement.values()
        for qa, qb in combinations(sorted(qs), 2)
        if gold.get(qa) is None or gold.get(qa) != gold.get(qb)
    ]
    print(f"    wrong pairs ({len(wrong)})")
    for qa, qb in wrong if listing else ():
        shown = [" ".join(texts[q.doc][q.start : q.end].split())[:70] for q in (qa, qb)]
        print(f"      wrong: {gold.get(qa)} / {gold.get(qb)}: {shown[0]!r} / {shown[1]!r}")
    for reason, qa, qb, label in sorted(misses, key=lambda m: (m[0], m[3])) if listing else ():
        shown = []
        for q in (qa, qb):
            text = " ".join(texts[q.doc][q.start : q.end].split())[:70]
            # Not ``p``: that name holds a matched quote above; this one may be missing.
            found = matched.get(q)
            r = (
                grouped.renderings[grouped.rendering_of[(found.doc, found.start, found.end)]]
                if found
                else None
            )
            who = (
                f"{r.speaker_name or r.speaker_entity_id or '-'}{'' if r.firm else '?'}"
                f" {len(r.term_set)}t"
                if r
                else "unextracted"
            )
            shown.append(f"{text!r} [{who}]")
        print(f"      {reason:22} {label}: {shown[0]} / {shown[1]}")


def story_parts(eval_set: StoryEvalSet) -> list[tuple[str, StoryEvalSet]]:
    """The split's stories by part: each corpus's unbatched documents, then each batch.

    What the keep-rule's "gains in more than one dev batch" is read on (``--by-part``). A
    story's members share a part; a document is scored in its own part, so a distractor
    of another corpus's story (one aeb page imitates a BBC one) counts as a singleton there.
    """

    def part_of(d: StoryDoc) -> tuple[bool, str]:
        return (True, f"batch {d.batch}") if d.batch else (False, d.doc.corpus)

    by_part: dict[tuple[bool, str], list[StoryDoc]] = defaultdict(list)
    for d in eval_set.stories:
        by_part[part_of(d)].append(d)
    return [(key[1], replace(eval_set, stories=tuple(by_part[key]))) for key in sorted(by_part)]


def statement_parts(eval_set: StoryEvalSet) -> list[tuple[str, StoryEvalSet]]:
    """The split's statements and hard negatives by part, as ``story_parts`` parts stories.

    A statement's part is its batch, else the corpus of its quotes (no statement spans two
    corpora); a hard negative's is its batch, else the corpus of its first quote (one dev
    pair joins a BBC quote to a PolNeAR one). Each part is scored alone, so a predicted pair
    of two parts' quotes counts in neither part's precision, only in the split's line.
    """

    def part_of(batch: str | None, first: QuoteRef) -> tuple[bool, str]:
        return (True, f"batch {batch}") if batch else (False, first.doc.corpus)

    statements: dict[tuple[bool, str], list[Statement]] = defaultdict(list)
    negatives: dict[tuple[bool, str], list[HardNegative]] = defaultdict(list)
    for s in eval_set.statements:
        statements[part_of(s.batch, s.quotes[0])].append(s)
    for h in eval_set.hard_negatives:
        negatives[part_of(h.batch, h.a)].append(h)
    return [
        (
            key[1],
            replace(
                eval_set,
                stories=(),
                statements=tuple(statements.get(key, ())),
                hard_negatives=tuple(negatives.get(key, ())),
            ),
        )
        for key in sorted(statements.keys() | negatives.keys())
    ]


def splits_to_print(choice: str) -> tuple[str, ...]:
    """The splits ``--split`` prints, in order: ``all`` is dev, holdout, then test.

    Dev is the default so a loop over grouping changes never shows the held-out or test
    splits; their misses are never listed whatever is chosen (tuning reads dev only).
    """
    if choice == "all":
        return SPLITS
    if choice not in SPLITS:
        raise ValueError(f"unknown split {choice!r} (dev, holdout, test or all)")
    return (choice,)


def cpu_share(stories_cpu: float, statements_cpu: float, spacy_cpu: float | None) -> str:
    """The cost line's text: each step's CPU seconds and share of the pass's CPU seconds."""
    steps = f"stories {stories_cpu:.1f} s, statements {statements_cpu:.1f} s"
    if not spacy_cpu:
        return (
            f"{steps} (the cached analysis predates CPU timing: no share; delete "
            f"{CACHE}/spacy_docbin_*.pickle and grouping_analysis_*.pickle to measure it)"
        )
    return (
        f"{steps} ({100 * stories_cpu / spacy_cpu:.1f} % / {100 * statements_cpu / spacy_cpu:.1f} %"
        f" of the spaCy pass's {spacy_cpu:.1f} s CPU)"
    )


def grouping_eval_command(args: argparse.Namespace) -> int:
    """Group the corpora, score each split; 2 (SKIP) when ../shared is absent."""
    eval_set = load_eval_set(args.data)
    try:
        texts = load_texts(eval_set, args.shared)  # checks the digests
        docs = corpus_documents(args.shared)
    except CorpusUnavailable as ex:
        print(f"eval-grouping: SKIP, {ex}")
        return 2
    results, spacy = analyse(docs, reuse=args.reuse_analysis)
    grouped = group(docs, results)
    stories, statements, group_s = grouped.stories, grouped.statements, grouped.seconds
    print(
        f"eval-grouping: {len(docs)} documents, {len(set(stories.values()))} stories, "
        f"{len({p.statement_id for p in statements})} statements over {len(statements)} quotes"
    )
    for split in splits_to_print(args.split):
        part = eval_set.select(split)
        name = split
        if args.batch:
            # One labelling batch's stories (its first figure, or its held-out half's).
            part, name = part.select_batch(args.batch), f"{split} batch {args.batch}"
            if not (part.stories or part.statements or part.hard_negatives):
                continue
        if part.stories or not args.batch:
            print(format_story_scores(f"[{name}] stories", score_stories(part, stories)))
            for label, piece in story_parts(part) if args.by_part and split == "dev" else ():
                # Dev only: a held-out or test figure is read whole, never part by part.
                print(
                    format_story_scores(f"[{name} {label}] stories", score_stories(piece, stories))
                )
            if args.misses and split == "dev":
                # Only the dev split's misses are shown: tuning reads dev, never the others.
                _print_story_misses(part, grouped, listing=args.verbose)
        if not part.statements and not part.hard_negatives:
            continue  # a split or batch of stories only
        scores = score_statements(part, statements)
        print(format_statement_scores(f"[{name}] statements", scores))
        for label, piece in statement_parts(part) if args.by_part and split == "dev" else ():
            # Dev only, as the story parts: a change should gain in more than one part.
            print(
                format_statement_scores(
                    f"[{name} {label}] statements", score_statements(piece, statements)
                )
            )
        for h in scores.violated if args.verbose and split == "dev" else ():
            print(f"    VIOLATED {h.type}: {h.speakers[0]} / {h.speakers[1]} ({h.note})")
        if args.misses and split == "dev":
            # Only the dev split's misses are shown: tuning reads dev, never the others.
            _print_misses(part, grouped, texts, listing=args.verbose)
    print(
        f"cost: stories + statements {group_s:.1f} s vs spaCy pass {spacy.wall:.1f} s wall "
        f"({100 * group_s / spacy.wall:.1f} %)"
    )
    # CPU seconds of this process against the pass's CPU seconds: on a busy machine wall
    # time counts the others' work too.
    stories_cpu, statements_cpu = grouped.cpu
    print(f"cost (CPU): {cpu_share(stories_cpu, statements_cpu, spacy.cpu)}")
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
