"""The last stage: which quotation parts form one utterance.

A split quote ("“A,” X said, “B.”") is stored as linked parts so that offsets stay
exact; parts of one utterance share ``utterance`` (0-based, per article).
"""

from __future__ import annotations

from pipelines.core.quotes.classify import Draft
from pipelines.core.quotes.content import DIRECT
from pipelines.core.quotes.cue import AFTER, BEFORE


def number_utterances(text: str, drafts: list[Draft]) -> None:
    """Number the drafts' utterances in text order (a continued or split quote keeps one)."""
    n = -1
    prev: Draft | None = None
    for d in drafts:
        same = prev is not None and (d.cand.continued or _split_pair(text, prev, d))
        if not same:
            n += 1
        d.utterance = n
        prev = d


def _split_pair(text: str, prev: Draft, d: Draft) -> bool:
    """“A,” X said, “B.” / “A,” X said, adding, “B.”: one utterance around its cue."""
    if prev.cue is None or d.cue is None or prev.kind != DIRECT or d.kind != DIRECT:
        return False
    if prev.cue.token == d.cue.token:
        return True
    between = text[prev.cand.mark_end : d.cand.mark_start]
    return (
        prev.cue.side == AFTER
        and d.cue.side == BEFORE
        and text[prev.cand.end - 1] == ","
        and "\n" not in between
        and not any(ch in between for ch in ".!?")
    )
