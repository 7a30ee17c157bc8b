-- Full-text search with BM25 ranking (k1 = 1.2, b = 0.75) over the index relations,
-- in portable SQL: works in any DuckDB 1.1+ client with no extension to install.
-- Example: select * from search_articles('troop deployment')
create or replace macro search_articles(query_text) as table
with query_terms as (
    select distinct search_stem(word) as term
    from (select unnest(search_tokens(query_text)) as word)
    where not search_is_stopword(word)
),

corpus as (
    select count(*) as n_docs, avg(doc_length) as avg_length from search_article_docs
),

matches as (
    select t.article_id, t.term, t.tf
    from search_article_terms as t
    inner join query_terms as q on q.term = t.term
),

doc_freq as (
    select term, count(*) as df from matches group by term
),

scored as (
    select
        m.article_id,
        sum(
            ln(1 + (c.n_docs - f.df + 0.5) / (f.df + 0.5))
            * m.tf * 2.2 / (m.tf + 1.2 * (0.25 + 0.75 * d.doc_length / greatest(c.avg_length, 1)))
        ) as score,
        count(*) as matched_terms
    from matches as m
    inner join doc_freq as f on f.term = m.term
    inner join search_article_docs as d on d.article_id = m.article_id
    cross join corpus as c
    group by m.article_id
),

final as (
    select
        round(s.score, 4) as score,
        s.matched_terms,
        a.article_id,
        a.title,
        a.outlet,
        a.published_date,
        left(a.body, 160) as snippet
    from scored as s
    inner join articles as a on a.article_id = s.article_id
)

select * from final
order by score desc, article_id;

-- Example: select * from search_quotes('troop deployment')
create or replace macro search_quotes(query_text) as table
with query_terms as (
    select distinct search_stem(word) as term
    from (select unnest(search_tokens(query_text)) as word)
    where not search_is_stopword(word)
),

corpus as (
    select count(*) as n_docs, avg(doc_length) as avg_length from search_quote_docs
),

matches as (
    select t.quote_id, t.term, t.tf
    from search_quote_terms as t
    inner join query_terms as q on q.term = t.term
),

doc_freq as (
    select term, count(*) as df from matches group by term
),

scored as (
    select
        m.quote_id,
        sum(
            ln(1 + (c.n_docs - f.df + 0.5) / (f.df + 0.5))
            * m.tf * 2.2 / (m.tf + 1.2 * (0.25 + 0.75 * d.doc_length / greatest(c.avg_length, 1)))
        ) as score,
        count(*) as matched_terms
    from matches as m
    inner join doc_freq as f on f.term = m.term
    inner join search_quote_docs as d on d.quote_id = m.quote_id
    cross join corpus as c
    group by m.quote_id
),

final as (
    select
        round(s.score, 4) as score,
        s.matched_terms,
        q.speaker_name,
        q.kind,
        q.text,
        q.outlet,
        q.published_date,
        q.title,
        q.quote_id,
        q.article_id
    from scored as s
    inner join quotes_with_speakers as q on q.quote_id = s.quote_id
)

select * from final
order by score desc, quote_id;
