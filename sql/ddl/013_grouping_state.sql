-- Working state of the stories/statements step: what it compares new articles against.
-- Stored so that a new article is linked by looking up candidates, not by re-grouping
-- every article; rows are dropped when their article goes or is re-analysed.
create table if not exists story_signatures (
    article_id varchar primary key,
    published_date date,
    outlet varchar,
    terms varchar[] not null,
    entity_ids varchar[] not null,
    story_id varchar,
    nlp_version varchar,
    grouping_version varchar not null
);
comment on table story_signatures is 'Per-article summary the story grouping compares (title and lead terms, salient entities) and the story it was put in.';
comment on column story_signatures.article_id is 'articles.article_id.';
comment on column story_signatures.published_date is 'articles.published_date when the signature was made.';
comment on column story_signatures.outlet is 'articles.outlet when the signature was made.';
comment on column story_signatures.terms is 'Synonym-folded content words (not stemmed: their rarity is looked up) of the title, repeated for weight, then of the lead.';
comment on column story_signatures.entity_ids is 'Salient non-place entities (named in the lead or at least twice).';
alter table story_signatures add column if not exists quote_keys varchar[];
comment on column story_signatures.quote_keys is 'The rarest runs of three consecutive content words (stemmed) of the article''s direct quotes: two articles sharing several carry one remark (story evidence, also for follow-ups beyond the date window).';
alter table story_signatures add column if not exists title_terms integer;
comment on column story_signatures.title_terms is 'How many title words open terms (each repeated for weight); the lead''s words follow them, and its first ones (what the article says happened) are compared apart.';
comment on column story_signatures.story_id is 'Story the article was last put in (kept stable across runs).';
comment on column story_signatures.nlp_version is 'articles.nlp_version the entities came from; a re-analysed article is re-signed.';
comment on column story_signatures.grouping_version is 'Grouping version; a new version re-signs everything.';

-- Key terms of each signature, by publication day: the inverted index a new article's
-- candidates are looked up in (only the lists it needs are read, never the whole index).
create table if not exists story_postings (
    term varchar not null,
    published_date date,
    article_id varchar not null,
    primary key (term, article_id)
);
comment on table story_postings is 'Inverted index of story_signatures: one row per key term (a rare word of the title or lead start, stemmed; a salient entity; a quote key) of an article.';
comment on column story_postings.term is 'Key term: Snowball stem of a word rarer than Zipf 4.5 in general English, @ + a salient entity id, or a double quote + a quote key (story_signatures.quote_keys).';
comment on column story_postings.published_date is 'story_signatures.published_date (null when unknown): postings are read by date window.';
comment on column story_postings.article_id is 'story_signatures.article_id.';

create table if not exists story_links (
    article_id varchar not null,
    other_article_id varchar not null,
    score double not null,
    primary key (article_id, other_article_id)
);
comment on table story_links is 'Pairs of articles close enough to be one story (article_id < other_article_id); stories are the connected groups.';
comment on column story_links.article_id is 'articles.article_id (the smaller of the two).';
comment on column story_links.other_article_id is 'articles.article_id (the larger of the two).';
comment on column story_links.score is 'Link strength in [0, 1]: weighted term cosine and entity overlap.';

create table if not exists statement_signatures (
    rendering_id varchar primary key,
    article_id varchar not null,
    utterance_index integer not null,
    speaker_entity_id varchar,
    firm boolean not null,
    kind varchar not null,
    quote_ids varchar[] not null,
    terms varchar[] not null,
    statement_id varchar,
    nlp_version varchar,
    grouping_version varchar not null
);
comment on table statement_signatures is 'One row per rendering (an utterance in an article, split parts joined) with the terms statement grouping compares.';
comment on column statement_signatures.rendering_id is 'Stable id: hash of article, utterance, speaker and quote ids.';
comment on column statement_signatures.article_id is 'articles.article_id.';
comment on column statement_signatures.utterance_index is 'quotes.utterance_index.';
comment on column statement_signatures.speaker_entity_id is 'Speaker of the utterance (null when unattributed).';
alter table statement_signatures add column if not exists speaker_name varchar;
comment on column statement_signatures.speaker_name is 'entities.canonical_name of the speaker when signed: a bare surname ("Trump") and a full name ending in it ("Donald Trump") count as one speaker.';
alter table statement_signatures add column if not exists passage_id varchar;
comment on column statement_signatures.passage_id is 'rendering_id of the first rendering of its passage: full quotes of one speaker split only by their attribution ("…,” she said. “…”) are one passage and may share a statement.';
alter table statement_signatures add column if not exists words varchar[];
comment on column statement_signatures.words is 'Every word of the joined parts, lower-cased, in order: two renderings sharing a long run of them verbatim are one text quoted twice, however few content words it has.';
comment on column statement_signatures.firm is 'True when a reporting cue ties the speaker to the quote; false when it was carried over or is missing.';
comment on column statement_signatures.kind is 'direct when any part is direct, else partial.';
comment on column statement_signatures.quote_ids is 'quotes.quote_id of the parts, in part order.';
comment on column statement_signatures.terms is 'Stemmed, synonym-folded content words of the joined parts, in order.';
comment on column statement_signatures.statement_id is 'Statement the rendering was last put in (kept stable across runs).';
comment on column statement_signatures.nlp_version is 'articles.nlp_version of the quotes; a re-analysed article is re-signed.';
comment on column statement_signatures.grouping_version is 'Grouping version; a new version re-signs everything.';

create table if not exists statement_links (
    rendering_id varchar not null,
    other_rendering_id varchar not null,
    score double not null,
    primary key (rendering_id, other_rendering_id)
);
comment on table statement_links is 'Pairs of renderings aligned as the same utterance (rendering_id < other_rendering_id); statements are the connected groups under the one-per-article and one-speaker constraints.';
comment on column statement_links.rendering_id is 'statement_signatures.rendering_id (the smaller of the two).';
comment on column statement_links.other_rendering_id is 'statement_signatures.rendering_id (the larger of the two).';
comment on column statement_links.score is 'Word agreement in [0, 1]: containment, Dice and a common opening.';
