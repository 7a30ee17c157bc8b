"""A partial quotation introduced by a speech noun, with no reporting verb.

"Albright's remark that “there's a special place in hell …”", "the rally denounced
Trump's call for “a total and complete shutdown …”": the quoted words are what was
said, but no verb of ``quote_verbs.txt`` frames them, so the verb cue search finds
nothing. The noun that names the speech act (``rules/speech_nouns.txt``) is the cue, and
its named possessor ("Trump's") is the speaker. Without one the quotation is kept with no
speaker: the subject of the sentence is often someone reacting to the words ("X mocked the
call for “…”"), and a possessive pronoun is as often bound to that subject ("Albright
fanned controversy over her remark that “…”") as to someone else ("X mocked her remark
that “…”"), which the pronoun resolver cannot tell apart (it gave Albright's words to
Clinton, the woman named just before).

Scare quotes stay out: the quoted words must run to ``MIN_WORDS`` words and not read as a
title or name ("Black Lives Matter", "Smithsonian Museum"), and the noun must sit right
before the opening mark, alone or with one linking word ("that", "for", "of", ":").
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from pipelines.core.quotes._view import DocView
from pipelines.core.quotes.candidates import Candidate
from pipelines.core.quotes.content import looks_like_title
from pipelines.core.quotes.cue import BEFORE, Cue
from pipelines.core.resources import rule_lines

if TYPE_CHECKING:
    from spacy.tokens import Token

MIN_WORDS = 4  # shorter quoted words after a noun are a term or a name, not a remark
# Words that may stand between the noun and the opening mark ("her remark that “…”").
_LINKERS = frozenset({"that", "for", "of", "to", ":", ","})
_POSSESSOR_DEPS = frozenset({"poss"})


@cache
def speech_nouns() -> frozenset[str]:
    """The nouns of ``rules/speech_nouns.txt``, lower case."""
    return frozenset(w.lower() for w in rule_lines("speech_nouns.txt"))


def noun_cue(view: DocView, c: Candidate, before: tuple[int, int]) -> Cue | None:
    """The speech noun introducing quotation ``c`` (None: no such noun, or scare quotes).

    Args:
        view: the article.
        c: the candidate quotation (already found to have no verb cue).
        before: token range of its frame before the opening mark.
    """
    quoted = view.text[c.start : c.end]
    if len(quoted.split()) < MIN_WORDS or looks_like_title(quoted):
        return None
    lo, hi = before
    doc = view.doc
    k = hi - 1
    while k >= lo and (doc[k].is_space or doc[k].text in "\"'\u201c\u2018"):
        k -= 1
    if k >= lo and doc[k].lower_ in _LINKERS and doc[k].pos_ != "NOUN":
        k -= 1
    if k < lo:
        return None
    noun = doc[k]
    if noun.pos_ != "NOUN" or noun.lower_ not in speech_nouns():
        return None
    speaker = _possessor(noun)
    return Cue(k, noun.text, BEFORE, speaker, "parse", False, before)


def owned_speech_noun(view: DocView, frame: tuple[int, int]) -> bool:
    """Whether a frame holds a speech noun with a named possessor ("Lee's pledge to …").

    Quoted words after it are that person's, not the words of a verb before the noun.
    """
    doc = view.doc
    return any(
        doc[k].pos_ == "NOUN" and doc[k].lower_ in speech_nouns() and _possessor(doc[k]) is not None
        for k in range(*frame)
    )


def _possessor(noun: Token) -> int | None:
    """The noun's named possessor ("Trump's"), the speaker of the words it names."""
    for child in noun.children:
        if child.dep_ in _POSSESSOR_DEPS and child.pos_ == "PROPN":
            return int(child.i)
    return None
