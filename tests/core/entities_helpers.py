"""Assertions shared by the name-class tests: strings that must resolve to one entity, or not."""

from __future__ import annotations

from pipelines.core.entities import EntityResolver


def entity_id(resolver: EntityResolver, surface: str, etype: str) -> str | None:
    return getattr(resolver.resolve_name(surface, etype), "entity_id", None)


def assert_same(resolver: EntityResolver, surfaces: list[str], etype: str) -> None:
    """Every surface resolves, and all to one entity."""
    ids = {s: entity_id(resolver, s, etype) for s in surfaces}
    assert None not in ids.values(), ids
    assert len(set(ids.values())) == 1, ids


def assert_apart(resolver: EntityResolver, a: str, b: str, ta: str, tb: str | None = None) -> None:
    """``a`` and ``b`` never resolve to the same entity (either may stay unresolved)."""
    ea, eb = entity_id(resolver, a, ta), entity_id(resolver, b, tb or ta)
    assert ea is None or eb is None or ea != eb, (a, b, ea)
