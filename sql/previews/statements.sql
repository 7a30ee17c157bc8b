select e.canonical_name as speaker, s.outlet_count, s.quote_count, s.outlets, s.canonical_text
from statements as s
left join entities as e on e.entity_id = s.speaker_entity_id
where s.quote_count > 1
order by s.outlet_count desc, s.quote_count desc, s.first_date nulls last, s.statement_id
limit ?
