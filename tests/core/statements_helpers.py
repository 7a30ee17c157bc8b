"""Test helper for the statement rules: group made-up quotes article by article.

Both statement-rule test modules link articles one at a time through the incremental
path (as the pipeline does), so the groups they assert are the ones a run would store.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from pipelines.core.stories import (
    Rendering,
    StatementIndex,
    StatementQuote,
    group_renderings,
    link_new_renderings,
    renderings,
)

# Made-up speakers of the statement-rule tests, by entity id.
SPEAKER_NAMES = {"ames": "Jo Ames", "berg": "Kit Berg"}


def made_up_quote(
    article: str, n: int, text: str, speaker: str | None, cue: bool, kind: str = "direct"
) -> StatementQuote:
    """Quote ``n`` of ``article`` (utterance ``n``, part 0), its speaker named from the table."""
    return StatementQuote(
        f"{article}:{n}", article, text, kind, speaker, n, 0, cue, SPEAKER_NAMES.get(speaker or "")
    )


def statement_groups(
    quotes: Sequence[StatementQuote],
    *,
    one_story: bool = True,
    dates: dict[str, dt.date] | None = None,
    order: str | None = None,
) -> list[list[str]]:
    """Statements as sorted quote ids, articles inserted in ``order`` (default: id order).

    ``one_story`` makes every other article a story neighbour (else none is); ``dates``
    gives publication days.
    """
    items = renderings(quotes)
    by_article: dict[str, list[Rendering]] = defaultdict(list)
    for r in items:
        by_article[r.article_id].append(r)
    articles = sorted(by_article)
    index, links = StatementIndex(), []
    for a in order or articles:
        new, index = link_new_renderings(
            {a: by_article[a]},
            index,
            lambda x: set(articles) - {x} if one_story else set(),
            dates or {},
        )
        links += new
    by_id = {r.rendering_id: r for r in items}
    return sorted(
        sorted(q for rid in g for q in by_id[rid].quote_ids) for g in group_renderings(items, links)
    )


def laid_out_article(
    article: str, pieces: Sequence[tuple[str, str, str | None, str, bool]]
) -> list[StatementQuote]:
    """Quotes laid out in one article: (gap before, text, speaker, kind, has cue) each.

    Each quote after the first records the text between it and the quote before
    (the gap the passage rules read).
    """
    quotes, pos, previous_end = [], 0, None
    for n, (gap, text, speaker, kind, cue) in enumerate(pieces):
        pos += len(gap)
        quotes.append(
            StatementQuote(
                f"{article}:{n}",
                article,
                text,
                kind,
                speaker,
                n,
                0,
                cue,
                SPEAKER_NAMES.get(speaker or ""),
                pos,
                pos + len(text),
                gap if previous_end is not None else None,
            )
        )
        pos += len(text)
        previous_end = pos
    return quotes
