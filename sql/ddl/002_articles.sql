-- Articles parsed from landed files; offsets in child tables index articles.body.
create table if not exists articles (
    article_id varchar primary key,
    source_file varchar not null,
    record_ref varchar not null,
    content_hash varchar not null,
    shard varchar not null,
    outlet varchar,
    authors varchar[],
    title varchar,
    dateline varchar,
    published_date date,
    date_reason varchar,
    url varchar,
    source_format varchar,
    encoding varchar,
    body varchar not null,
    word_count integer not null,
    parser_version varchar not null,
    nlp_version varchar,
    ingested_at timestamp not null
);
comment on table articles is 'One row per distinct article (same title and body under several file names is one article).';
comment on column articles.article_id is 'Stable id: hash of the parsed title and body, identical across re-runs.';
comment on column articles.source_file is 'ingest_files.source_file of the file the article was read from (the first by name when several files hold it).';
comment on column articles.record_ref is 'Where in the file the record sits: empty for single-article files, "line N" / "item N" for JSON exports.';
comment on column articles.content_hash is 'SHA-256 of the source file bytes.';
comment on column articles.shard is 'Partition (shard-NN) that owns this row; re-materialising a shard replaces exactly its rows.';
comment on column articles.outlet is 'Publishing outlet or agency (from a byline, agency tag, page metadata or JSON field).';
comment on column articles.authors is 'Author names from the byline or metadata, in order.';
comment on column articles.title is 'Headline when the source has one; null rather than invented.';
comment on column articles.dateline is 'Raw dateline text as printed (e.g. "SEOUL, Nov. 17 (Yonhap) --").';
comment on column articles.published_date is 'Publication date when it could be derived; see date_reason.';
comment on column articles.date_reason is 'How published_date was derived, or why it is empty.';
comment on column articles.url is 'Canonical URL when the source gives one.';
comment on column articles.source_format is 'text | html | json | jsonl: detected from content.';
comment on column articles.encoding is 'Character encoding the bytes were decoded from.';
comment on column articles.body is 'Article text (NFC, curly quotes kept); mentions and quotes index it: body[start_char:end_char].';
comment on column articles.word_count is 'Whitespace-separated words in body.';
comment on column articles.parser_version is 'Version of the parser that produced the row.';
comment on column articles.nlp_version is 'Analyser version whose mentions/quotes are loaded for this article; null while analysis is pending.';
comment on column articles.ingested_at is 'When this article was first loaded (UTC); unchanged by re-runs.';
