select canonical_name, entity_type, wikidata_id, mention_count, article_count, quote_count
from entities
order by mention_count desc, canonical_name
limit ?
