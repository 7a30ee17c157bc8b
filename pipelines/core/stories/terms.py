"""Content terms: the words two renderings of one remark or one story share.

Tokens are lower-cased words; stop words are dropped (scikit-learn's English list, plus
``story_stopwords.txt`` for article terms); each word is looked up in the curated synonym
table (``statement_synonyms.tsv``) and stemmed with the Snowball English stemmer, so
"coordination"/"cooperation" and "relations"/"relationship" meet. Word lists are rule files
read once through ``pipelines.core.resources``.

How much a shared word says is its ``rarity``: the lower its frequency in general
English (wordfreq's Zipf scale, a fixed table), the more two articles sharing it have in
common. A fixed table rather than the corpus' own document frequencies keeps a link's
score a function of the two articles alone, so links never depend on arrival order.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import snowballstemmer

from pipelines.core.resources import rule_lines

# Words, keeping inner apostrophes and hyphens ("Suk-yeol", "don't"); digits count as
# words because numbers ("60th", "2016") often pin a remark.
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# Negations are content in a quote ("will not run" vs "will run").
_KEEP = frozenset({"not", "no", "never", "nor", "cannot"})
# Zipf frequency (log10 of uses per billion words) at or above which a word carries no
# evidence ("said" is 6.0); a word unknown to the table (a rare name) weighs this much.
RARITY_CEILING = 6.0


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@cache
def _synonyms() -> dict[str, str]:
    """Variant word (lower case) -> canonical word."""
    table: dict[str, str] = {}
    for line in rule_lines("statement_synonyms.tsv"):
        canonical, _, variants = line.partition("\t")
        for word in variants.split():
            table[word.lower()] = canonical.strip().lower()
    return table


@cache
def _stop_words(for_stories: bool) -> frozenset[str]:
    # Imported here: a run with nothing new to group never imports scikit-learn.
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = set(ENGLISH_STOP_WORDS) - _KEEP
    if for_stories:
        words |= {w.strip().lower() for w in rule_lines("story_stopwords.txt")}
    return frozenset(words)


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    # News vocabulary repeats heavily: caching by word makes stemming nearly free.
    stem: str = _stemmer().stemWord(word)
    return stem


def words(text: str) -> list[str]:
    """Lower-cased word tokens, curly apostrophes unified."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def content_words(text: str, *, for_stories: bool = False) -> list[str]:
    """Synonym-folded content words of ``text`` in order (repeats kept), not stemmed."""
    stop = _stop_words(for_stories)
    syn = _synonyms()
    return [syn.get(w, w) for w in words(text) if _is_content(w, stop, for_stories)]


def _is_content(word: str, stop: frozenset[str], for_stories: bool) -> bool:
    if word.isdigit():
        return True
    if len(word) < 2 or word in stop:
        return False
    # A stop word's possessive ("Thursday's", "today's") is a stop word for stories: the
    # story list names the bare word, and a possessive weekday would otherwise become a
    # rare term two unrelated articles share.
    return not (for_stories and word.endswith("'s") and word[:-2] in stop)


def stem(word: str) -> str:
    """The Snowball stem of a (lower-case) word."""
    return _stem(word)


def content_terms(text: str, *, for_stories: bool = False) -> list[str]:
    """Stemmed, synonym-folded content words of ``text`` in order (repeats kept)."""
    return [_stem(w) for w in content_words(text, for_stories=for_stories)]


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """The word's Zipf frequency in general English (0.0 when the table does not know it)."""
    # Imported on first use: wordfreq's import (language tables) costs every command
    # ~0.25 s, and only the stories step needs it.
    import wordfreq

    value: float = wordfreq.zipf_frequency(word, "en")
    return value


def load_tables() -> None:
    """Load the word lists now, not on the first article signed.

    Their first use costs ~1.1 s of CPU, scikit-learn's import (for its stop words) most
    of it: a run loads them in a background thread while its other steps wait
    (``grouping.preload``). Not wordfreq's table: the analysis rules use wordfreq in the
    run's process too, and its lazy loading is not meant to be raced.
    """
    _stop_words(True)
    _stop_words(False)
    _synonyms()
    _stemmer()


def rarity(word: str) -> float:
    """Evidence weight of a shared word: ``RARITY_CEILING`` minus its Zipf frequency, >= 0."""
    return max(0.0, RARITY_CEILING - zipf(word))
