"""Quote extraction and speaker attribution: who said what in one article.

This module only runs the stages, in order, each in its own module:

1. ``candidates``: pair quote marks into spans (or skip them, saying why);
2. ``content`` + 3. ``cue`` (together in ``classify``): direct quotation, partial
   quotation, or neither (scare quotes, titles), and the reporting cue with the head
   of its speaker;
4. ``speaker`` + 5. ``resolve`` (together in ``attribute``): the speaker phrase around
   that head, resolved to an entity of the article's mentions; cue-less quotations
   borrow a neighbour's speaker;
6. ``utterances``: the parts of a split quotation are one utterance.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pipelines.core.models import Mention, Quote, SkippedMark
from pipelines.core.quotes._rules import load_rules
from pipelines.core.quotes._view import DocView
from pipelines.core.quotes.attribute import attribute, fill_continuations, to_quotes
from pipelines.core.quotes.candidates import find_candidates
from pipelines.core.quotes.classify import classify_candidates
from pipelines.core.quotes.cue import CueFinder
from pipelines.core.quotes.resolve import Context
from pipelines.core.quotes.utterances import number_utterances

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_quotes", "extract_quotes_and_skips"]


def extract_quotes(doc: Doc, mentions: Sequence[Mention]) -> list[Quote]:
    """Find the quotations of one article and who said them.

    Args:
        doc: the spaCy Doc of the article body (from ``pipelines.core.nlp``).
        mentions: the article's resolved entity mentions.

    Returns:
        Quotes in text order, offsets into ``doc.text`` (quote marks excluded). Split
        quotations are separate records sharing ``utterance`` and numbered by ``part``.
    """
    return extract_quotes_and_skips(doc, mentions)[0]


def extract_quotes_and_skips(
    doc: Doc, mentions: Sequence[Mention]
) -> tuple[list[Quote], tuple[SkippedMark, ...]]:
    """:func:`extract_quotes`, plus the quote marks left unpaired and why."""
    rules = load_rules()
    view = DocView(doc)
    scan = find_candidates(view.text)
    drafts = classify_candidates(view, CueFinder(view, rules), scan.candidates)
    ctx = Context.build(view, mentions, rules, [(c.start, c.end) for c in scan.candidates])
    attribute(ctx, drafts)
    fill_continuations(ctx, drafts)
    number_utterances(view.text, drafts)
    return to_quotes(view.text, drafts), scan.skipped
