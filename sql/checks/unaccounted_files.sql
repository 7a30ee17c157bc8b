-- Files in ingest_files that are neither loaded, duplicate, quarantined, ignored, removed nor
-- waiting with a recorded reason; and loaded files whose articles are missing.
select source_file, status, reason_code
from ingest_files
where status not in ('loaded', 'duplicate', 'quarantined', 'ignored', 'removed', 'pending')
    or (status = 'pending' and parsed_hash is not distinct from content_hash)
    or (status = 'loaded' and article_count > 0
        and source_file not in (select source_file from articles))
