"""Deterministic ids: the same input always yields the same id, run after run.

No auto-increment anywhere: re-running a load must produce identical keys so that
upserts replace rows instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import unicodedata


def _digest(*parts: str, size: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:size]


def content_hash(raw: bytes) -> str:
    """Full SHA-256 of a file's bytes (used for change detection and run keys)."""
    return hashlib.sha256(raw).hexdigest()


def article_id(title: str | None, body: str) -> str:
    """Id of an article from its parsed text.

    Byte-identical or re-encoded copies of one article under different file names
    collapse into one row.
    """
    norm = unicodedata.normalize("NFC", f"{title or ''}\n{body}")
    return "art_" + _digest("article", norm)


def entity_id(entity_type: str, key: str) -> str:
    """Id of an entity from its type and normalised key (a Wikidata QID when known)."""
    return "ent_" + _digest("entity", entity_type, key)


def mention_id(article: str, start: int, end: int) -> str:
    return "men_" + _digest("mention", article, str(start), str(end))


def quote_id(article: str, kind: str, start: int, end: int) -> str:
    return "quo_" + _digest("quote", article, kind, str(start), str(end))


# Partitioning: files are assigned to one of a fixed number of shards by content
# hash, so identical content always lands in the same shard. Changing the count
# re-shards everything (a full rebuild), so it is a constant, not a setting.
# 16 keeps Dagster's per-partition events cheap; see pipelines/defs/assets.py.
N_SHARDS = 16


def shard_of(file_hash: str) -> str:
    """Partition key for a file's content hash (``shard-00`` .. ``shard-15``)."""
    return f"shard-{int(file_hash[:8], 16) % N_SHARDS:02d}"


def all_shards() -> list[str]:
    return [f"shard-{i:02d}" for i in range(N_SHARDS)]
