-- Stories (articles about one happening) and statements (renderings of one utterance).
-- The group columns are added to existing warehouses in place; the stories/statements step
-- fills them after every analysis (a reloaded or re-analysed row is null until then).
alter table articles add column if not exists story_id varchar;
comment on column articles.story_id is 'stories.story_id of the story this article belongs to (a singleton story when nothing else matches).';
alter table quotes add column if not exists statement_id varchar;
comment on column quotes.statement_id is 'statements.statement_id: the utterance this quote renders; parts of one split quote share it.';

create table if not exists stories (
    story_id varchar primary key,
    title varchar,
    first_date date,
    last_date date,
    article_count integer not null,
    outlet_count integer not null,
    outlets varchar[] not null,
    first_article_id varchar not null,
    dated_article_count integer not null,
    grouping_version varchar not null
);
comment on table stories is 'Groups of articles about the same specific happening or thread (a summit, a takeover battle), across outlets and days; every article is in exactly one.';
comment on column stories.story_id is 'Stable id: kept when articles join; when two stories merge the older id is kept (see README).';
comment on column stories.title is 'Title of the story''s first article (earliest date, then article_id), or the start of its body when it has no title.';
comment on column stories.first_date is 'Earliest published_date among its articles (null when none is dated).';
comment on column stories.last_date is 'Latest published_date among its articles.';
comment on column stories.article_count is 'Articles in the story.';
comment on column stories.outlet_count is 'Distinct outlets among its articles (articles without an outlet not counted).';
comment on column stories.outlets is 'Those outlets, sorted.';
comment on column stories.first_article_id is 'articles.article_id of the first article (earliest date, then article_id).';
comment on column stories.dated_article_count is 'Articles with a published_date: first/last dates rest on these.';
comment on column stories.grouping_version is 'Version of the story/statement grouping code and rules that produced the row.';

create table if not exists statements (
    statement_id varchar primary key,
    speaker_entity_id varchar,
    canonical_text varchar not null,
    kind varchar not null,
    quote_count integer not null,
    quote_part_count integer not null,
    article_count integer not null,
    outlet_count integer not null,
    outlets varchar[] not null,
    first_article_id varchar not null,
    first_date date,
    last_date date,
    story_count integer not null,
    grouping_version varchar not null
);
comment on table statements is 'One utterance by one speaker and all its renderings across articles (exact repeats, trimmed or extended quotes, paraphrases and translations); every direct or partial quote is in exactly one.';
comment on column statements.statement_id is 'Stable id: kept when renderings join; when two statements merge the older id is kept (see README).';
comment on column statements.speaker_entity_id is 'entities.entity_id of the speaker (the one tied to a rendering by a reporting cue, else the carried-over one); null when no rendering has a speaker.';
comment on column statements.canonical_text is 'Wording of the first rendering (earliest article); parts of a split quote joined with " … ".';
comment on column statements.kind is 'direct when any rendering is a direct quote, else partial.';
comment on column statements.quote_count is 'Renderings: one per article utterance (the parts of a split quote count once).';
comment on column statements.quote_part_count is 'quotes rows in the statement (split parts counted separately).';
comment on column statements.article_count is 'Articles carrying the statement (equals quote_count: one rendering per article at most).';
comment on column statements.outlet_count is 'Distinct outlets carrying it (articles without an outlet not counted).';
comment on column statements.outlets is 'Those outlets, sorted.';
comment on column statements.first_article_id is 'Article of the first rendering (earliest published_date, undated last, then article_id).';
comment on column statements.first_date is 'Earliest published_date among its articles (null when none is dated).';
comment on column statements.last_date is 'Latest published_date among its articles.';
comment on column statements.story_count is 'Distinct stories its articles belong to.';
comment on column statements.grouping_version is 'Version of the story/statement grouping code and rules that produced the row.';
