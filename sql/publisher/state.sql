-- The publisher's private bookkeeping in the working copy (never published).
create schema if not exists publisher;

-- Buckets of articles (bucket_of(article_id)) whose rows changed since the last
-- publish; written in the same transaction as the rows. '*' means every bucket.
create table if not exists publisher.dirty_buckets (
    bucket varchar primary key
);

-- Buckets in which only one relation's rows changed (a story or statement id moved,
-- say): the next publish rewrites that relation's file of the bucket (and the search
-- views that read the relation), not every relation's.
create table if not exists publisher.dirty_relation_buckets (
    relation varchar not null,
    bucket varchar not null,
    primary key (relation, bucket)
);

-- Buckets of a relation whose rows in its base file (the one file per relation a full
-- publish writes) are no longer current: a later publish rewrote the bucket, into the
-- bucket's own file when it still has rows. The catalog's view leaves them out of the
-- base file; a full publish writes a new base file and empties this.
create table if not exists publisher.base_overrides (
    relation varchar not null,
    bucket varchar not null,
    primary key (relation, bucket)
);

-- Every Parquet file the publisher wrote and which generations of the catalog use it:
-- generations [generation, superseded_in) read it.
create table if not exists publisher.files (
    file_name varchar primary key,
    relation varchar not null,
    bucket varchar not null,
    generation integer not null,
    superseded_in integer,
    row_count bigint not null
);

-- One row per published catalog.
create table if not exists publisher.generations (
    generation integer primary key,
    published_at timestamp not null,
    schema_version varchar not null,
    catalog_sha256 varchar not null
);

-- Digest of each whole-table relation at its last publish (rewritten when it differs).
create table if not exists publisher.global_digests (
    relation varchar primary key,
    digest varchar not null
);
