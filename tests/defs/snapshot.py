"""The asset graph as reviewable JSON (dagster-open-platform's ``test_defs.py`` idea).

``make snapshot`` rewrites ``tests/defs/asset_snapshot.json`` from the Definitions;
``test_definitions.py`` fails while the two differ, so every change to an asset's key,
group, kinds, deps, owners, description or columns shows up as a diff to review.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).resolve().parent / "asset_snapshot.json"


def asset_graph_snapshot() -> dict[str, Any]:
    from pipelines.definitions import defs

    graph = defs.resolve_asset_graph()
    out: dict[str, Any] = {}
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        meta = node.metadata
        schema = meta.get("dagster/column_schema")
        out[key.to_user_string()] = {
            "group": node.group_name,
            "kinds": sorted(node.kinds),
            "deps": sorted(k.to_user_string() for k in node.parent_keys),
            "owners": sorted(node.owners),
            "partitioned": node.partitions_def is not None,
            "description": node.description,
            "table_name": meta.get("dagster/table_name"),
            "columns": ", ".join(c.name for c in schema.columns) if schema is not None else None,
            "has_code_version": node.code_version is not None,
        }
    return out


def render(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    SNAPSHOT.write_text(render(asset_graph_snapshot()), encoding="utf-8")
    print(f"wrote {SNAPSHOT}: review the diff (git diff {SNAPSHOT.name})")
