-- Every file ever seen in a landing root, and what became of it.
create table if not exists ingest_files (
    source_file varchar primary key,
    content_hash varchar,
    size_bytes bigint,
    mtime_ns bigint,
    shard varchar,
    status varchar not null,
    reason_code varchar,
    reason varchar,
    duplicate_of varchar,
    article_count integer,
    parsed_hash varchar,
    parser_version varchar,
    first_seen_at timestamp,
    last_seen_at timestamp
);
comment on table ingest_files is 'One row per file path ever seen in a landing root: its content hash, shard and fate (pending, loaded, duplicate, quarantined, removed). Nothing landed is silently dropped.';
comment on column ingest_files.source_file is 'Path of the file as <root>/<relative path>, e.g. seeds/000_x.txt or landing/2024/a.html.';
comment on column ingest_files.content_hash is 'SHA-256 of the bytes last read (null when the file could not be read).';
comment on column ingest_files.size_bytes is 'File size in bytes at the last scan.';
comment on column ingest_files.mtime_ns is 'Modification time (ns since epoch) at the last scan; with size_bytes it decides whether to re-hash.';
comment on column ingest_files.shard is 'Partition key (shard-00 .. shard-15) derived from content_hash: identical content always lands in one shard.';
comment on column ingest_files.status is 'pending (seen, not parsed yet) | loaded | duplicate (same content as another loaded file) | quarantined (see reason) | removed (gone from the landing root).';
comment on column ingest_files.reason_code is 'Short machine code for quarantined/duplicate/removed files (empty, binary, too_large, symlink, unstable, ...).';
comment on column ingest_files.reason is 'Sentence explaining the status, for people.';
comment on column ingest_files.duplicate_of is 'For duplicates: the source_file whose article rows represent this content.';
comment on column ingest_files.article_count is 'Articles this file produced at its last parse (JSON Lines files can hold many).';
comment on column ingest_files.parsed_hash is 'content_hash at the last parse; differs from content_hash while a change is pending.';
comment on column ingest_files.parser_version is 'Version of the parser that produced the loaded rows.';
comment on column ingest_files.first_seen_at is 'When the path was first seen (UTC).';
comment on column ingest_files.last_seen_at is 'When a scan last saw the path present (UTC). For a file still present it is refreshed once it is over 24 hours old (every present file was seen by the latest scan, so a run that finds nothing new rewrites no row); for a removed file it is the last scan that found it. Volatile, excluded from idempotency checksums.';
