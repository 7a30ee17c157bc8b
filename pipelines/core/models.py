"""Plain records passed between the pure core stages.

Every record is a frozen, slotted dataclass so stages cannot mutate each other's
output and tests can compare values directly. Character offsets always index the
article body the record belongs to: ``body[start:end] == text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Entity types used across the warehouse. spaCy's NER labels are mapped onto these
# (GPE/LOC -> "GPE"/"LOC", NORP is not an entity we store).
PERSON = "PERSON"
ORG = "ORG"
GPE = "GPE"
LOC = "LOC"
ENTITY_TYPES = (PERSON, ORG, GPE, LOC)


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """One article recovered from a raw file (a JSON Lines file may hold many).

    ``record_ref`` locates the record inside its file ("" for single-article files,
    "line 12" / "item 3" for JSON exports) so a rejection can point at it.
    """

    source_file: str
    body: str
    record_ref: str = ""
    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None
    published_date: dt.date | None = None
    date_reason: str | None = None  # why published_date is empty (or how it was derived)
    url: str | None = None
    source_format: str = "text"  # text | html | json | jsonl
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class Rejection:
    """A file or record that could not become an article, with a reason a human can act on."""

    source_file: str
    reason_code: str  # short machine code: empty, binary, too_large, bad_json, no_text, ...
    reason: str  # one sentence for people
    record_ref: str = ""


@dataclass(frozen=True, slots=True)
class ParseOutcome:
    """Everything one raw file produced: articles and rejections (either may be empty)."""

    articles: tuple[ParsedArticle, ...]
    rejections: tuple[Rejection, ...] = ()
    source_format: str = "text"
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class NerSpan:
    """A named-entity span from the NLP stage, free of spaCy types."""

    start: int
    end: int
    label: str  # spaCy label: PERSON, ORG, GPE, LOC, NORP, FAC, ...
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity. ``entity_id`` is deterministic (see ``ids.entity_id``)."""

    entity_id: str
    canonical_name: str
    entity_type: str
    wikidata_id: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in an article body."""

    entity_id: str
    surface: str
    start: int
    end: int
    entity_type: str
    sentence_index: int = 0
    rule: str = ""  # which resolution rule linked it (exact, gazetteer, short_form, ...)
    is_metonymy: bool = False  # e.g. "Seoul" standing for the South Korean government


@dataclass(frozen=True, slots=True)
class AliasDecision:
    """Why a surface form went to an entity: the audit trail of every merge."""

    entity_id: str
    alias: str
    rule: str
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class ArticleEntities:
    """Output of entity resolution for one article."""

    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    aliases: tuple[AliasDecision, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation with its (possibly unresolved) speaker.

    ``kind`` is ``direct`` (a full quoted utterance) or ``partial`` (quoted words inside
    reported speech). ``text`` excludes the quote marks. A quote without a speaker
    entity carries ``unattributed_reason``.
    """

    text: str
    start: int
    end: int
    kind: str
    speaker_entity_id: str | None = None
    speaker_surface: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue_verb: str | None = None
    via_translator: bool = False
    confidence: float = 0.0
    unattributed_reason: str | None = None
    # A split quote ("…,” X said, “…”) is stored as linked parts so that offsets stay
    # exact: parts of one utterance share ``utterance`` (0-based, per article) and are
    # numbered by ``part``.
    utterance: int = 0
    part: int = 0


@dataclass(frozen=True, slots=True)
class SkippedMark:
    """A quote mark that could not be paired, and why (no span is invented for it)."""

    offset: int
    mark: str
    reason: str


@dataclass(frozen=True, slots=True)
class ArticleAuthor:
    """A bylined author, resolved to a PERSON entity when the name allows it."""

    name: str
    entity_id: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the NLP stages found in one article.

    ``entities`` and ``aliases`` cover the bylined authors too (an author's alias
    decision has the rule ``byline``).
    """

    article_id: str
    mentions: tuple[Mention, ...]
    entities: tuple[Entity, ...]
    aliases: tuple[AliasDecision, ...]
    quotes: tuple[Quote, ...]
    sentence_count: int = 0
    skipped_marks: tuple[SkippedMark, ...] = ()
    authors: tuple[ArticleAuthor, ...] = ()


@dataclass(frozen=True, slots=True)
class AnalysisFailure:
    """An article whose analysis raised or overran its time budget (nothing else is lost).

    ``stage`` names where: ``nlp`` (spaCy), ``entities``, ``quotes``, ``authors`` or
    ``rows``; ``error_type`` is the exception class, or ``BudgetExceeded``.
    """

    article_id: str
    stage: str
    error_type: str
    message: str
    elapsed_s: float
