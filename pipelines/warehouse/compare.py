"""Build-versus-build comparison: does one warehouse hold exactly another's rows?"""

from __future__ import annotations

from pipelines.warehouse.schema import BOOKKEEPING_TABLES, registry
from pipelines.warehouse.writer import Session, _ident

# Columns that record when, not what: they differ between two builds by design.
WHEN_COLUMNS = frozenset(
    {"first_seen_at", "last_seen_at", "ingested_at", "failed_at", "loaded_at", "created_at"}
)


def comparable_columns(table: str) -> list[str]:
    """The table's columns other than the time columns."""
    return [c for c in registry()[table].column_names if c not in WHEN_COLUMNS]


def table_digests(session: Session) -> dict[str, tuple[int, str]]:
    """Row count and an order-independent digest of every table (time columns left out).

    Two builds are identical, row for row, when every pair of digests is equal.
    """
    out = {}
    for name in registry():
        if name in BOOKKEEPING_TABLES:
            continue
        cols = ", ".join(_ident(c) for c in comparable_columns(name))
        # The 64-bit hash of each row, summed exactly (128-bit): equal multisets of rows
        # give equal sums whatever the row order.
        rows, digest = session.fetch(
            f"select count(*), coalesce(sum(hash(row({cols}))::hugeint), 0)::varchar "
            f"from {_ident(name)}"
        )[0]
        out[name] = (int(rows), str(digest))
    return out
