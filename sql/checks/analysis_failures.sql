-- Articles whose analysis failed (a warning check: the run went on without them).
select article_id, stage, error_type, left(message, 200) as message, analyser_version
from analysis_failures
order by failed_at desc, article_id
