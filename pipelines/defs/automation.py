"""The refresh job, its daily schedule and the landing-zone sensor."""

import hashlib
import json
from pathlib import Path

import dagster as dg
from dagster._core.storage.tags import (
    ASSET_PARTITION_RANGE_END_TAG,
    ASSET_PARTITION_RANGE_START_TAG,
)

from pipelines import landing, settings
from pipelines.core import ids

refresh_job = dg.define_asset_job(
    "refresh_warehouse",
    selection=dg.AssetSelection.all(),
    description="Scan the landing zone and bring every table up to date. Incremental: "
    "unchanged files and already-analysed articles are skipped.",
)


def full_range_tags() -> dict[str, str]:
    """Tags that make one run cover every shard (a single-run backfill)."""
    shards = ids.all_shards()
    return {ASSET_PARTITION_RANGE_START_TAG: shards[0], ASSET_PARTITION_RANGE_END_TAG: shards[-1]}


@dg.schedule(
    job=refresh_job,
    cron_schedule="0 2 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Daily at 02:00 UTC: load whatever is pending in the landing zone.",
)
def daily_refresh(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    return dg.RunRequest(run_key=None, tags={**full_range_tags(), "trigger": "daily_schedule"})


def landing_state(roots: list[landing.LandingRoot], cache_path: Path) -> tuple[str, int]:
    """Digest of (name, content hash) of every landed file, and the file count.

    Hashes are cached by (size, mtime) in ``cache_path`` so a tick only reads new or
    touched files. Re-dropping an identical file leaves the digest unchanged.
    """
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    known = {k: (v[0], v[1], v[2]) for k, v in cache.items()}
    states = landing.scan(roots, known, max_file_bytes=settings.max_file_bytes())
    h = hashlib.sha256()
    new_cache = {}
    for f in states:
        h.update(f"{f.source_file}\x1f{f.content_hash or f.problem_code}\n".encode())
        if f.content_hash:
            new_cache[f.source_file] = [f.size_bytes, f.mtime_ns, f.content_hash]
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(new_cache), encoding="utf-8")
    tmp.replace(cache_path)
    return h.hexdigest()[:16], len(states)


@dg.sensor(
    job=refresh_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Starts a refresh when files in the landing zone are added, changed or "
    "removed. The run key is a digest of the landing zone's contents, so re-dropping an "
    "identical file starts nothing.",
)
def landing_zone_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    from pipelines.defs.resources import default_resources

    zone = default_resources()["landing_zone"]
    roots = zone.roots()  # type: ignore[attr-defined]
    cache = settings.warehouse_path().with_name(".landing_sensor_cache.json")
    digest, n = landing_state(roots, cache)
    if digest == context.cursor:
        return dg.SensorResult(skip_reason=f"no change in {n} landed files")
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=f"landing-{digest}",
                tags={**full_range_tags(), "trigger": "landing_sensor"},
            )
        ],
        cursor=digest,
    )
