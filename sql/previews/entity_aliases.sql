select e.canonical_name, a.alias, a.rules, a.article_count
from entity_aliases as a
inner join entities as e on e.entity_id = a.entity_id
order by a.article_count desc, e.canonical_name, a.alias
limit ?
