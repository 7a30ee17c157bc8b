"""Helpers for the browser test: a throw-away Dagster instance served by the real webserver."""
