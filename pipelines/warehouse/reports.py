"""Read-only summaries of the warehouse: row counts, previews and check queries."""

from __future__ import annotations

from typing import Any

from pipelines.warehouse.schema import load_sql
from pipelines.warehouse.writer import Session

PUBLIC_TABLES = (
    "ingest_files",
    "articles",
    "rejections",
    "mentions",
    "quotes",
    "entities",
    "entity_aliases",
    "entity_observations",
    "alias_decisions",
    "article_authors",
    "quote_mark_issues",
    "stories",
    "statements",
)


def table_counts(session: Session) -> dict[str, int]:
    return {t: session.count(t) for t in PUBLIC_TABLES}


def _cell(v: Any, width: int = 80) -> str:
    s = "" if v is None else str(v)
    s = s.replace("|", "\\|").replace("\n", " ")
    return s if len(s) <= width else s[: width - 1] + "…"


def markdown_table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "_(no rows)_"
    cols = list(rows[0])
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(_cell(r[c]) for c in cols) + " |" for r in rows]
    return "\n".join(lines)


def preview(session: Session, name: str, limit: int = 5) -> str:
    """Markdown preview of a table using its named preview query."""
    return markdown_table(session.fetch_dicts(load_sql("previews", name), [limit]))


def check_failures(session: Session, name: str) -> int:
    """Rows violating the named check (``sql/checks/<name>.sql`` returns offenders)."""
    sql = load_sql("checks", name)
    return int(session.fetch(f"select count(*) from ({sql})")[0][0])


def check_examples(session: Session, name: str, limit: int = 5) -> str:
    sql = load_sql("checks", name)
    return markdown_table(session.fetch_dicts(f"select * from ({sql}) limit {int(limit)}"))


def top_speakers(session: Session, limit: int = 10) -> list[tuple[str, int, int]]:
    """(name, direct, partial) utterances of the most quoted speakers."""
    rows = session.fetch(
        "select canonical_name, direct_quotes, partial_quotes from quotes_by_speaker "
        "order by direct_quotes + partial_quotes desc, canonical_name limit ?",
        [limit],
    )
    return [(r[0], int(r[1]), int(r[2])) for r in rows]


def files_by_status(session: Session) -> dict[str, int]:
    return {
        r[0]: int(r[1])
        for r in session.fetch(
            "select status, count(*) from ingest_files group by all order by all"
        )
    }


# Columns that record when something happened rather than what the data is.
VOLATILE_COLUMNS = {"ingest_files": {"last_seen_at"}}
VOLATILE_TABLES = {"load_batches"}


def table_checksums(session: Session) -> dict[str, str]:
    """Order-independent digest of every table's content (volatile columns left out).

    Two warehouses built from the same inputs must give identical digests.
    """
    out: dict[str, str] = {}
    tables = [
        r[0]
        for r in session.fetch(
            "select table_name from duckdb_tables() where schema_name = 'main' order by 1"
        )
    ]
    for t in tables:
        if t in VOLATILE_TABLES:
            continue
        cols = [c for c in _columns(session, t) if c not in VOLATILE_COLUMNS.get(t, set())]
        collist = ", ".join(f'"{c}"' for c in cols)
        row = session.fetch(
            f"select count(*), coalesce(md5(string_agg(r, chr(30) order by r)), '') "
            f'from (select row({collist})::varchar as r from "{t}")'
        )[0]
        out[t] = f"{row[0]}:{row[1]}"
    return out


def _columns(session: Session, table: str) -> list[str]:
    return [
        r[0]
        for r in session.fetch(
            "select column_name from information_schema.columns where table_name = ? "
            "and table_schema = 'main' order by ordinal_position",
            [table],
        )
    ]
