-- Quotes that have neither a speaker entity nor a reason why not.
select quote_id, article_id, speaker_surface
from quotes
where speaker_entity_id is null and (unattributed_reason is null or unattributed_reason = '')
