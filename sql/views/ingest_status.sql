-- Landing-zone accounting at a glance: files per status and reason.
create or replace view ingest_status as
with files as (
    select status, coalesce(reason_code, '') as reason_code from ingest_files
),

final as (
    select status, reason_code, count(*) as files
    from files
    group by all
)

select * from final
order by status, reason_code;
comment on view ingest_status is 'Landing-zone accounting at a glance: files per status and reason code.';
comment on column ingest_status.status is 'pending | loaded | duplicate | quarantined | removed.';
comment on column ingest_status.reason_code is 'Short reason code; empty for loaded files.';
comment on column ingest_status.files is 'Number of files.';
