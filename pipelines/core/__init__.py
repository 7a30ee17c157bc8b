"""Pure core: parsing, NLP, normalisation, entity resolution and quotes.

Nothing here imports dagster or duckdb or writes files; every function takes values
and returns records from :mod:`pipelines.core.models`.
"""
