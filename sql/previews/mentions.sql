select e.canonical_name, e.entity_type, count(*) as mentions
from mentions as m
inner join entities as e on e.entity_id = m.entity_id
group by all
order by mentions desc, canonical_name
limit ?
