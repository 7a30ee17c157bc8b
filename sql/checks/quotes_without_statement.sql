-- Direct or partial quotes with no statement, or pointing at a statement that does not exist.
select q.quote_id, q.article_id, q.statement_id
from quotes as q
left join statements as s on s.statement_id = q.statement_id
where q.kind in ('direct', 'partial') and s.statement_id is null
