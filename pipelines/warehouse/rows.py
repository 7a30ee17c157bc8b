"""Core records -> warehouse rows (plain dicts keyed by column name); no decisions here."""

from __future__ import annotations

from typing import Any

from pipelines.core import ids
from pipelines.core.models import AnalysisFailure, ArticleAnalysis, ParsedArticle


def article_row(
    article: ParsedArticle,
    *,
    article_id: str,
    file_hash: str,
    shard: str,
    parser_version: str,
    now: Any,
) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "source_file": article.source_file,
        "record_ref": article.record_ref,
        "content_hash": file_hash,
        "shard": shard,
        "outlet": article.outlet,
        "authors": list(article.authors),
        "title": article.title,
        "dateline": article.dateline,
        "published_date": article.published_date,
        "date_reason": article.date_reason,
        "url": article.url,
        "source_format": article.source_format,
        "encoding": article.encoding,
        "body": article.body,
        "word_count": len(article.body.split()),
        "parser_version": parser_version,
        "nlp_version": None,
        "ingested_at": now,
    }


def analysis_rows(result: ArticleAnalysis, *, version: str) -> dict[str, list[dict[str, Any]]]:
    """All child-table rows for one analysed article (a field-by-field mapping)."""
    aid = result.article_id
    mentions = [
        {
            "mention_id": ids.mention_id(aid, m.start, m.end),
            "article_id": aid,
            "entity_id": m.entity_id,
            "surface": m.surface,
            "start_char": m.start,
            "end_char": m.end,
            "sentence_index": m.sentence_index,
            "entity_type": m.entity_type,
            "rule": m.rule,
            "is_metonymy": m.is_metonymy,
            "extractor_version": version,
        }
        for m in result.mentions
    ]
    quotes = [
        {
            "quote_id": ids.quote_id(aid, q.kind, q.start, q.end),
            "article_id": aid,
            "text": q.text,
            "start_char": q.start,
            "end_char": q.end,
            "kind": q.kind,
            "utterance_index": q.utterance,
            "part_index": q.part,
            "speaker_entity_id": q.speaker_entity_id,
            "speaker_surface": q.speaker_surface,
            "speaker_start_char": q.speaker_start,
            "speaker_end_char": q.speaker_end,
            "cue_verb": q.cue_verb,
            "via_translator": q.via_translator,
            "confidence": q.confidence,
            "unattributed_reason": q.unattributed_reason,
            "extractor_version": version,
        }
        for q in result.quotes
    ]
    observations = [
        {
            "article_id": aid,
            "entity_id": e.entity_id,
            "canonical_name": e.canonical_name,
            "entity_type": e.entity_type,
            "wikidata_id": e.wikidata_id,
        }
        for e in result.entities
    ]
    decisions = [
        {
            "article_id": aid,
            "entity_id": a.entity_id,
            "alias": a.alias,
            "rule": a.rule,
            "evidence": a.evidence,
        }
        for a in result.aliases
    ]
    author_rows = [
        {
            "article_id": aid,
            "author_index": i,
            "author_name": a.name,
            "entity_id": a.entity_id,
        }
        for i, a in enumerate(result.authors)
    ]
    issues = [
        {
            "article_id": aid,
            "start_char": s.offset,
            "mark": s.mark,
            "reason": s.reason,
            "extractor_version": version,
        }
        for s in result.skipped_marks
    ]
    return {
        "quote_mark_issues": issues,
        "mentions": mentions,
        "quotes": quotes,
        "entity_observations": observations,
        "alias_decisions": decisions,
        "article_authors": author_rows,
        "analysis_failures": [],  # filled only for an article whose analysis failed
    }


def failure_row(failure: AnalysisFailure, *, version: str, now: Any) -> dict[str, Any]:
    """The ``analysis_failures`` row of an article whose analysis failed."""
    return {
        "article_id": failure.article_id,
        "stage": failure.stage,
        "error_type": failure.error_type,
        "message": failure.message,
        "elapsed_s": round(failure.elapsed_s, 3),
        "analyser_version": version,
        "failed_at": now,
    }
