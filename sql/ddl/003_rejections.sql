-- Records inside files that could not become articles (a bad line in a JSONL export, ...).
create table if not exists rejections (
    source_file varchar not null,
    record_ref varchar not null,
    content_hash varchar,
    shard varchar,
    reason_code varchar not null,
    reason varchar not null,
    primary key (source_file, record_ref)
);
comment on table rejections is 'Files or records that could not become articles, with the reason. Whole-file rejections have record_ref ''''.';
comment on column rejections.source_file is 'ingest_files.source_file.';
comment on column rejections.record_ref is 'Record inside the file ("line 3"); empty for the whole file.';
comment on column rejections.content_hash is 'SHA-256 of the file bytes when they could be read.';
comment on column rejections.shard is 'Partition that owns this row (null for files rejected before hashing).';
comment on column rejections.reason_code is 'Short machine code (empty, binary, too_large, bad_json, no_text, bad_encoding, ...).';
comment on column rejections.reason is 'Sentence explaining what is wrong and what to do.';
