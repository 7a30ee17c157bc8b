"""``make golden``: rewrite tests/golden/snapshot_*.json from the current pipeline.

Review the diff before committing: every changed line is a behaviour change.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.golden.build import REPO, build_seed_warehouse, dump, snapshot, snapshot_path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wh = build_seed_warehouse(Path(tmp) / "golden.duckdb")
        with wh.session() as s:
            for seed in sorted((REPO / "seeds").glob("*.txt")):
                name = f"seeds/{seed.name}"
                path = snapshot_path(name)
                path.write_text(dump(snapshot(s, name)), encoding="utf-8")
                print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
