"""The single Dagster ``Definitions`` for the news warehouse."""

from __future__ import annotations

import dagster as dg

from pipelines.defs import assets, automation, checks
from pipelines.defs.resources import default_resources

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([assets]),
    asset_checks=dg.load_asset_checks_from_modules([checks]),
    jobs=[automation.refresh_job],
    schedules=[automation.daily_refresh],
    sensors=[automation.landing_zone_sensor],
    resources=default_resources(),
)
