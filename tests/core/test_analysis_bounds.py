"""Hostile article shapes: entity resolution and tokenisation stay exact and bounded.

Work is measured by counting Python and C function calls (``sys.setprofile``), not by
wall-clock time, so the growth tests are deterministic on a busy machine: doubling
the input must roughly double the calls (a quadratic scan would quadruple them).
"""

from __future__ import annotations

import itertools
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.core.entities import (
    EntityResolver,
    textscan,  # the per-article passes' text scanning
)
from pipelines.core.models import NerSpan
from tests.core.work_count import count_calls


def _word(i: int, length: int = 6) -> str:
    """A distinct, pronounceable-enough capitalised word for index ``i``."""
    letters = []
    for _ in range(length):
        i, r = divmod(i, 20)
        letters.append("bcdfghklmnprstvzaeio"[r])
    return "".join(letters).capitalize()


def _names_article(n: int) -> tuple[str, list[NerSpan]]:
    """n people, all sharing the first name "Kim", each named in full, then by
    surname, then by the shared first name; full names repeated without NER spans
    (string matching), and office phrases between them."""
    parts: list[str] = []
    spans: list[NerSpan] = []
    pos = 0

    def put(text: str, label: str | None) -> None:
        nonlocal pos
        if label:
            spans.append(NerSpan(pos, pos + len(text), label, text))
        parts.append(text)
        pos += len(text)

    for i in range(n):
        full = f"Kim {_word(i)}"
        put(full, "PERSON")
        put(" met ", None)
        put(_word(i), "PERSON")
        put(" and ", None)
        put("Kim", "PERSON")
        put(" near the office of ", None)
        put(full, None)  # no span: found by the string-match pass
        put(". The president said so. ", None)
    return "".join(parts), spans


@pytest.mark.parametrize("n", [250])
def test_resolution_work_grows_linearly_with_names(resolver: EntityResolver, n: int) -> None:
    counts = []
    for size in (n, 2 * n, 4 * n):
        body, spans = _names_article(size)
        counts.append(count_calls(resolver.resolve_article, body, spans, [(0, len(body))]))
    # Linear work doubles; the former scans (every short name against every person,
    # every match against every taken span) made these ratios approach 4.
    assert counts[1] / counts[0] < 2.5, counts
    assert counts[2] / counts[1] < 2.5, counts


def test_names_article_resolves_as_before(resolver: EntityResolver) -> None:
    body, spans = _names_article(3)
    out = resolver.resolve_article(body, spans, [(0, len(body))])
    rules = {(m.surface, m.rule) for m in out.mentions}
    assert ("Kim Bbbbbb", "name_key") in rules
    assert ("Bbbbbb", "short_form") in rules  # the surname links to its full name
    assert ("Kim Bbbbbb", "string_match") in rules  # the repeat without a span
    for m in out.mentions:
        assert body[m.start : m.end] == m.surface
    # "Kim" alone: the most recently named Kim (three people share the name).
    kims = [m for m in out.mentions if m.surface == "Kim"]
    names = {e.entity_id: e.canonical_name for e in out.entities}
    assert [names[m.entity_id] for m in kims] == ["Kim Bbbbbb", "Kim Cbbbbb", "Kim Dbbbbb"]


# Person names with no surname key, which once gave the article's person index an
# empty token tuple (``IndexError`` on the next one-word name), and other shapes
# made only of titles, initials, hyphens, apostrophes and punctuation.
_ODD_NAMES = [
    "AT&T", "A&B", "J&J", "Mr.", "Dr. Mr.", "J. K.", "J.K. R.R.", "-", "--", "—",
    "'", "’", "O'", "Mr. A&B", "A.-B.", "&", "St.", "Jr.", "III", "Smith-", "-Smith",
    "Al-", "d'", "D'Souza-Brown", "Jean-Pierre O'Neil-Smith", "Ms. ‐", "Lee & Lee",
]  # fmt: skip


@pytest.mark.parametrize("name", _ODD_NAMES)
@pytest.mark.parametrize("label", ["PERSON", "ORG"])
def test_odd_person_names_never_crash(resolver: EntityResolver, name: str, label: str) -> None:
    body = f"{name} met Kim Smith. Smith said {name} and Kim agreed. Lee too."
    spans = [NerSpan(0, len(name), label, name)]
    for word in ("Kim Smith", "Smith", "Kim", "Lee"):
        s = body.index(word, spans[-1].end)
        spans.append(NerSpan(s, s + len(word), "PERSON", word))
    second = body.index(name, len(name))
    spans.append(NerSpan(second, second + len(name), "PERSON", name))
    spans.sort(key=lambda s: s.start)
    out = resolver.resolve_article(body, spans, [(0, len(body))])
    for m in out.mentions:
        assert body[m.start : m.end] == m.surface
    smith = {m.entity_id for m in out.mentions if m.surface in ("Kim Smith", "Smith")}
    assert len(smith) == 1  # the surname still links to the full name


def test_names_without_surname_key_stay_apart(resolver: EntityResolver) -> None:
    body = "A&B said it. J&J said it."
    spans = [NerSpan(0, 3, "PERSON", "A&B"), NerSpan(13, 16, "PERSON", "J&J")]
    out = resolver.resolve_article(body, spans, [(0, len(body))])
    assert len({m.entity_id for m in out.mentions}) == 2


# ------------------------------------------------------------------ helpers


_spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(taken=_spans, queries=_spans)
def test_coverage_answers_like_a_scan(
    taken: list[tuple[int, int]], queries: list[tuple[int, int]]
) -> None:
    cov = textscan.Coverage()
    seen: list[tuple[int, int]] = []
    for (a, b), (s, e) in itertools.zip_longest(taken, queries, fillvalue=(0, 0)):
        cov.add(a, b)
        seen.append((a, b))
        if s < e:
            assert cov.overlaps(s, e) == any(x < e and s < y for x, y in seen)


_alpha = st.text(alphabet=string.ascii_letters[:4] + " -'_.", max_size=60)


@settings(max_examples=300, deadline=None)
@given(body=_alpha, surfaces=st.lists(st.text(alphabet="aAbB -", min_size=1, max_size=6)))
def test_occurrences_are_every_word_start(body: str, surfaces: list[str]) -> None:
    names = [s for s in surfaces if s[0].isalnum()]
    found = textscan.occurrences(body, names)
    # The other strategy (one pass over the body's words, used for many names).
    limit = textscan._FIND_WORDS_MAX
    textscan._FIND_WORDS_MAX = -1
    try:
        assert textscan.occurrences(body, names) == found
    finally:
        textscan._FIND_WORDS_MAX = limit
    for s in set(names):
        run = len(s) - len(s.lstrip(string.ascii_letters))  # its first word
        expected = [
            i
            for i in range(len(body))
            if body.startswith(s, i)
            and (i == 0 or not body[i - 1].isalnum())
            and not body[i + run : i + run + 1].isalnum()
        ]
        assert found.get(s, []) == expected, s


# ------------------------------------------------------------------ tokenizer

_RUN_SHAPES = ['"', "“", "(", ")", "[", "'", "‘", "\"'(“‘[", "-", ".", "_", "*", "»"]


@pytest.mark.parametrize("shape", _RUN_SHAPES)
def test_punctuation_runs_never_reach_spacy_whole(nlp, shape: str) -> None:  # type: ignore[no-untyped-def]
    from pipelines.core.nlp import _PUNCT_RUN, MAX_PUNCT_RUN, BoundedTokenizer

    tok = nlp.tokenizer
    assert isinstance(tok, BoundedTokenizer)
    seen: list[str] = []
    real = tok.inner

    def recording(text: str):  # type: ignore[no-untyped-def]
        seen.append(text)
        return real(text)

    tok.inner = recording
    try:
        for n in (5_000, 10_000, 20_000):
            text = f"Kim said {shape * (n // len(shape))}x and {shape * 20}left."
            doc = tok(text)
            assert doc.text == text  # offsets into the body stay exact
            for t in doc:
                assert text[t.idx : t.idx + len(t.text)] == t.text
            assert len(doc) <= 20 + 2 * n // MAX_PUNCT_RUN
    finally:
        tok.inner = real
    # spaCy's own tokenizer (quadratic in a run's length) only sees short runs.
    assert seen and not any(_PUNCT_RUN.search(s) for s in seen)


def test_text_without_long_runs_is_tokenised_by_spacy_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'He said: "It works." (Really!) -- ok... [sic] «non» ?!?! ***'
    ours = [(t.text, t.idx) for t in nlp.tokenizer(text)]
    theirs = [(t.text, t.idx) for t in nlp.tokenizer.inner(text)]
    assert ours == theirs


def test_twenty_thousand_quote_marks_analyse_quickly_and_exactly(nlp) -> None:  # type: ignore[no-untyped-def]
    import time

    from pipelines.core.analysis import Analyser, TextItem, analyse_texts

    analyser = Analyser(nlp=nlp, resolver=EntityResolver.default(Path("/nonexistent")))
    body = 'Kim Smith said "' + '"' * 20_000 + ' and left. "Yes," Smith said.'
    t0 = time.perf_counter()
    (out,) = analyse_texts([TextItem("a", body)], analyser)
    elapsed = time.perf_counter() - t0
    # ~0.6 s on an idle 2-core machine; it took minutes before the runs were bounded.
    # The margin is wide so a busy machine cannot fail it.
    assert elapsed < 20, elapsed
    for q in out.quotes:
        assert body[q.start : q.end] == q.text
    assert any(q.text == "Yes," for q in out.quotes)
