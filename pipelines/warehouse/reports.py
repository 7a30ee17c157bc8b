"""Read-only summaries of the warehouse: row counts, previews and check queries."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from pipelines.warehouse.schema import (
    ARTICLE_KEY,
    ARTICLES,
    BOOKKEEPING_TABLES,
    article_child_tables,
    load_sql,
    public_tables,
    registry,
    table,
)
from pipelines.warehouse.writer import Session


def table_counts(session: Session) -> dict[str, int]:
    return {t: session.count(t) for t in public_tables()}


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


def _duplicate_keys_sql() -> str:
    """Primary keys that occur more than once, in every table.

    DuckDB enforces primary keys; this guards the loader.
    """
    parts = []
    for t in registry().values():
        if t.primary_key:
            keys = ", ".join(t.primary_key)
            parts.append(
                f"select '{t.name}' as tbl, row({keys})::varchar as id from {t.name} "
                f"group by {keys} having count(*) > 1"
            )
    return "\nunion all\n".join(parts)


def _orphan_children_sql() -> str:
    """Rows of every article-child table whose article no longer exists."""
    return "\nunion all\n".join(
        f"select '{t}' as tbl, {ARTICLE_KEY} from {t} "
        f"where {ARTICLE_KEY} not in (select {ARTICLE_KEY} from {ARTICLES})"
        for t in article_child_tables()
    )


# Checks written from the registry, so they cover every table the DDL creates.
GENERATED_CHECKS: dict[str, Callable[[], str]] = {
    "duplicate_keys": _duplicate_keys_sql,
    "orphan_children": _orphan_children_sql,
}


def check_sql(name: str) -> str:
    """Query returning the rows that violate a check: generated, or ``sql/checks/<name>.sql``."""
    make = GENERATED_CHECKS.get(name)
    return make() if make is not None else load_sql("checks", name)


# Articles whose rows changed since the last publish: every writer transaction marks the
# buckets it touched (``publisher.dirty_buckets``, '*' = all), so checks that read bodies
# look at an increment's articles, not the whole warehouse (the rest passed when published).
_UNPUBLISHED_ARTICLES = (
    "create or replace temp view unpublished_articles as select * from articles "
    "where exists (select 1 from publisher.dirty_buckets where bucket = '*') "
    "or bucket_of(article_id) in (select bucket from publisher.dirty_buckets "
    "union all select bucket from publisher.dirty_relation_buckets)"
)


def _check_query(session: Session, name: str) -> str:
    sql = check_sql(name)
    if "unpublished_articles" in sql:
        session.fetch(_UNPUBLISHED_ARTICLES)
    return sql


def check_failures(session: Session, name: str) -> int:
    """Rows violating the named check."""
    return int(session.fetch(f"select count(*) from ({_check_query(session, name)})")[0][0])


def check_examples(session: Session, name: str, limit: int = 5) -> str:
    sql = _check_query(session, name)
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
VOLATILE_TABLES = BOOKKEEPING_TABLES


def table_checksums(session: Session) -> dict[str, str]:
    """Order-independent digest of every table's content (volatile columns left out).

    Two warehouses built from the same inputs must give identical digests.
    """
    out: dict[str, str] = {}
    for t in sorted(registry()):
        if t in VOLATILE_TABLES:
            continue
        cols = [c for c in table(t).column_names if c not in VOLATILE_COLUMNS.get(t, set())]
        collist = ", ".join(f'"{c}"' for c in cols)
        row = session.fetch(
            f"select count(*), coalesce(md5(string_agg(r, chr(30) order by r)), '') "
            f'from (select row({collist})::varchar as r from "{t}")'
        )[0]
        out[t] = f"{row[0]}:{row[1]}"
    return out


def table_exists(session: Session, name: str) -> bool:
    """A table of the working copy, or its view in the published catalog."""
    return bool(
        session.fetch(
            "select count(*) from (select table_name as name from duckdb_tables() "
            "where schema_name = 'main' union all select view_name from duckdb_views() "
            "where schema_name = 'main' and not internal) where name = ?",
            [name],
        )[0][0]
    )


@contextlib.contextmanager
def published_session(catalog: Path) -> Iterator[Session]:
    """The published catalog opened read-only, exactly as analysts open it."""
    con = duckdb.connect(str(catalog), read_only=True)
    try:
        yield Session(con)  # read-only: only report queries run on it
    finally:
        con.close()


def chart_rows(
    session: Session, name: str, needs: Sequence[str]
) -> tuple[list[dict[str, Any]], str | None]:
    """Rows of ``sql/report/<name>.sql``, or no rows and why not.

    The reason is set when a table the chart needs does not exist yet (an older warehouse,
    a feature not built) or has no rows; the query itself then never runs.
    """
    for needed in needs:
        if not table_exists(session, needed):
            return [], f"the table {needed} does not exist yet"
        if session.count(needed) == 0:
            return [], f"the table {needed} has no rows yet"
    return session.fetch_dicts(load_sql("report", name)), None
