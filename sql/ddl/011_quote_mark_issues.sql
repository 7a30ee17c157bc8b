create table if not exists quote_mark_issues (
    article_id varchar not null,
    start_char integer not null,
    mark varchar not null,
    reason varchar not null,
    extractor_version varchar not null,
    primary key (article_id, start_char)
);
comment on table quote_mark_issues is 'Quote marks the extractor could not pair (an unclosed quote, a stray mark), with the reason: no span is invented across the article for them.';
comment on column quote_mark_issues.article_id is 'articles.article_id.';
comment on column quote_mark_issues.start_char is 'Offset of the mark in articles.body.';
comment on column quote_mark_issues.mark is 'The mark character as written.';
comment on column quote_mark_issues.reason is 'Why it was left unpaired.';
comment on column quote_mark_issues.extractor_version is 'Analyser version that produced the row.';
