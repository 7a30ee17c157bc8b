"""Content terms: the words two renderings of one remark or one story share.

Tokens are lower-cased words; stop words are dropped (scikit-learn's English list, plus
``story_stopwords.txt`` for article terms); each word is looked up in the curated synonym
table (``statement_synonyms.tsv``) and stemmed with the Snowball English stemmer, so
"coordination"/"cooperation" and "relations"/"relationship" meet. Word lists are loaded
once via ``importlib.resources``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

import snowballstemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_RULES_PACKAGE = "pipelines.core.rules"
# Words, keeping inner apostrophes and hyphens ("Suk-yeol", "don't"); digits count as
# words because numbers ("60th", "2016") often pin a remark.
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Negations are content in a quote ("will not run" vs "will run").
_KEEP = frozenset({"not", "no", "never", "nor", "cannot"})


def _rule_lines(name: str) -> list[str]:
    text = resources.files(_RULES_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@cache
def _synonyms() -> dict[str, str]:
    """Variant word (lower case) -> canonical word."""
    table: dict[str, str] = {}
    for line in _rule_lines("statement_synonyms.tsv"):
        canonical, _, variants = line.partition("\t")
        for word in variants.split():
            table[word.lower()] = canonical.strip().lower()
    return table


@cache
def _stop_words(for_stories: bool) -> frozenset[str]:
    words = set(ENGLISH_STOP_WORDS) - _KEEP
    if for_stories:
        words |= {w.strip().lower() for w in _rule_lines("story_stopwords.txt")}
    return frozenset(words)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    # News vocabulary repeats heavily: caching by word makes stemming nearly free.
    stem: str = _stemmer().stemWord(word)
    return stem


def words(text: str) -> list[str]:
    """Lower-cased word tokens, curly apostrophes unified."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def content_terms(text: str, *, for_stories: bool = False) -> list[str]:
    """Stemmed, synonym-folded content words of ``text`` in order (repeats kept)."""
    stop = _stop_words(for_stories)
    syn = _synonyms()
    return [
        _stem(syn.get(w, w)) for w in words(text) if (w not in stop and len(w) > 1) or w.isdigit()
    ]
