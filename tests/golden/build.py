"""Build a warehouse from the seeds with the pipeline steps, and dump it as spans."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipelines import landing, steps
from pipelines.core import ids
from pipelines.core.analysis import Analyser
from pipelines.core.entities import EntityResolver
from pipelines.warehouse.writer import Session, Warehouse

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent


def build_seed_warehouse(path: Path) -> Warehouse:
    wh = Warehouse(path)
    roots = [landing.LandingRoot("seeds", REPO / "seeds", ignore=landing.SEEDS_IGNORE)]
    analyser = Analyser.load(resolver=EntityResolver.default(None))
    with wh.session() as s:
        steps.scan_landing(s, roots)
        steps.load_articles(s, roots, ids.all_shards())
        steps.analyse_articles(s, analyser, ids.all_shards())
        steps.rebuild_entities(s)
    return wh


def snapshot(session: Session, source_file: str) -> dict[str, Any]:
    """Everything the warehouse holds for one seed, as offset spans (citron-style)."""
    art = session.fetch_dicts(
        "select article_id, outlet, authors, title, dateline, published_date::varchar as "
        "published_date, body from articles where source_file = ?",
        [source_file],
    )[0]
    aid = art.pop("article_id")
    body = art.pop("body")
    mentions = session.fetch_dicts(
        "select m.start_char as start, m.end_char as end, m.surface, e.canonical_name as entity, "
        "m.entity_type as type, m.rule from mentions m join entities e using (entity_id) "
        "where article_id = ? order by start_char, end_char",
        [aid],
    )
    quotes = session.fetch_dicts(
        "select start_char as start, end_char as end, kind, utterance_index as utterance, "
        "part_index as part, speaker_name as speaker, speaker_surface, cue_verb, via_translator, "
        "round(confidence, 2) as confidence, unattributed_reason, text "
        "from quotes_with_speakers where article_id = ? order by start_char",
        [aid],
    )
    return {
        "source_file": source_file,
        "article": art,
        "body_chars": len(body),
        "mentions": mentions,
        "quotes": quotes,
    }


def snapshot_path(source_file: str) -> Path:
    return GOLDEN / f"snapshot_{Path(source_file).stem}.json"


def dump(obj: Any) -> str:
    return json.dumps(obj, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
