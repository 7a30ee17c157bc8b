"""The refresh job, its daily schedule and the landing-zone sensor."""

import hashlib

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
    from pipelines.defs.runner import reap_dead_runs_of

    reap_dead_runs_of(context)  # a killed run's pool slot would block this one
    return dg.RunRequest(run_key=None, tags={**full_range_tags(), "trigger": "daily_schedule"})


def landing_state(roots: list[landing.LandingRoot], cache: landing.HashCache) -> tuple[str, int]:
    """Digest of (name, content hash) of every landed file, and the file count.

    Hashes come from the hash cache the run's scan and load share, so a tick only
    reads new or touched files, and the run it starts does not hash them again.
    Re-dropping an identical file leaves the digest unchanged.
    """
    scanned = landing.scan(roots, {}, max_file_bytes=settings.max_file_bytes(), cache=cache)
    if scanned.unreadable:
        name, why = scanned.unreadable[0]
        raise landing.LandingUnavailable(
            f"{len(scanned.unreadable)} landing folder(s) cannot be listed, e.g. {name}: {why}"
        )
    states = scanned.files
    h = hashlib.sha256()
    for f in states:
        h.update(f"{f.source_file}\x1f{f.content_hash or f.problem_code}\n".encode())
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
    from pipelines.defs.runner import reap_dead_runs_of

    reaped = reap_dead_runs_of(context)  # a killed run's pool slot blocks every run
    if reaped:
        context.log.warning(f"runs whose process was gone, marked failed: {reaped}")
    zone = default_resources()["landing_zone"]
    with zone.hash_cache() as cache:  # type: ignore[attr-defined]
        try:
            digest, n = landing_state(zone.roots(), cache)  # type: ignore[attr-defined]
        except landing.LandingUnavailable as exc:
            # Absence of evidence: no run (which would report the same error) and no
            # change of cursor, so the sensor looks again at its next tick.
            return dg.SensorResult(skip_reason=f"landing zone unavailable: {exc}")
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
