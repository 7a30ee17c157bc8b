"""Table contents for build-versus-build comparisons (tests only)."""

from __future__ import annotations

from typing import Any

from pipelines.warehouse.compare import WHEN_COLUMNS
from pipelines.warehouse.schema import BOOKKEEPING_TABLES, registry


def comparable_tables(session: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows (bookkeeping tables and time columns left out), sorted."""
    out = {}
    for name, t in registry().items():
        if name in BOOKKEEPING_TABLES:
            continue
        cols = [f'"{c}"' for c in t.column_names if c not in WHEN_COLUMNS]
        out[name] = session.fetch(f'select {", ".join(cols)} from "{name}" order by all')
    return out
