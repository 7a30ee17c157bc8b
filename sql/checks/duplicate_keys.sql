-- Primary keys that occur more than once (DuckDB enforces them; this guards the loader).
select 'articles' as tbl, article_id as id from articles group by all having count(*) > 1
union all
select 'mentions', mention_id from mentions group by all having count(*) > 1
union all
select 'quotes', quote_id from quotes group by all having count(*) > 1
union all
select 'entities', entity_id from entities group by all having count(*) > 1
