"""News warehouse."""
