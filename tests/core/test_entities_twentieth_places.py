"""Issue 11, names side, GPE (twentieth session): place classes, with our own examples."""

from __future__ import annotations

from pipelines.core import normalize
from pipelines.core.entities import loaders
from pipelines.core.resources import place_demonym_rows


def test_place_demonyms_have_one_reader_for_both_tables() -> None:
    """The organisation cleaning's country demonyms are the loaders' country rows, folded."""
    rows = place_demonym_rows()
    assert rows and all(word and code for word, code in rows)
    table = loaders.load_place_demonyms()
    assert {w for w, _ in rows} == set(table)
    countries = {
        normalize._dotless(normalize.fold_diacritics(word))
        for word, codes in table.items()
        if any(len(c) == 2 for c in codes)
    }
    assert normalize._country_demonyms() == frozenset(countries)
