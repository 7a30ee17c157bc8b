create table if not exists load_batches (
    batch_id varchar primary key,
    step varchar not null,
    partition_key varchar,
    started_at timestamp not null,
    finished_at timestamp not null,
    rows_written integer not null,
    details json
);
comment on table load_batches is 'One row per committed load transaction (volatile bookkeeping; excluded from idempotency checksums).';
comment on column load_batches.batch_id is 'Random id of the batch.';
comment on column load_batches.step is 'Which writer step committed (ingest, articles, analysis, entities).';
comment on column load_batches.partition_key is 'Shard(s) the batch covered, when partitioned.';
comment on column load_batches.started_at is 'Transaction start (UTC).';
comment on column load_batches.finished_at is 'Commit time (UTC).';
comment on column load_batches.rows_written is 'Rows inserted, updated or deleted.';
comment on column load_batches.details is 'Counts per table and other step details as JSON.';
