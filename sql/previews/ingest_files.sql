select source_file, status, reason_code, article_count, shard
from ingest_files
order by last_seen_at desc, source_file
limit ?
