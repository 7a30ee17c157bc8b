"""Thin Dagster layer: assets, checks, resources, schedules and sensors."""
