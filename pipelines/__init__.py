"""News warehouse: raw articles -> who is mentioned and who said what, in DuckDB."""

__version__ = "0.1.0"
