-- Full-text search with BM25 ranking (k1 = 1.2, b = 0.75) over the index relations,
-- in portable SQL: works in any DuckDB 1.1+ client with no extension to install.
-- search_bm25 ranks the documents of one index, named by its two relations: docs (a
-- document's id columns and doc_length) and terms (the same id columns, term, tf). It
-- returns the id columns with score and matched_terms; search_articles and search_quotes
-- below are that ranking joined to what an analyst reads.
-- Example: select * from search_bm25('troop deployment', 'search_quote_docs', 'search_quote_terms')
create or replace macro search_bm25(query_text, docs, terms) as table
with query_terms as (
    select distinct search_stem(word) as term
    from (select unnest(search_tokens(query_text)) as word)
    where not search_is_stopword(word)
),

corpus as (
    select count(*) as n_docs, avg(doc_length) as avg_length from query_table(docs)
),

matches as (
    select t.*
    from query_table(terms) as t
    inner join query_terms as q on q.term = t.term
),

doc_freq as (
    select term, count(*) as df from matches group by term
),

weights as (
    -- The id columns are whatever the two relations share (natural join), so one
    -- macro serves every index.
    select
        m.* exclude (term, tf),
        ln(1 + (c.n_docs - f.df + 0.5) / (f.df + 0.5))
        * m.tf * 2.2 / (m.tf + 1.2 * (0.25 + 0.75 * d.doc_length / greatest(c.avg_length, 1)))
            as weight
    from matches as m
    natural join query_table(docs) as d
    inner join doc_freq as f on f.term = m.term
    cross join corpus as c
),

final as (
    select * exclude (weight), sum(weight) as score, count(*) as matched_terms
    from weights
    group by all
)

select * from final;

-- Example: select * from search_articles('troop deployment')
create or replace macro search_articles(query_text) as table
with scored as (
    select * from search_bm25(query_text, 'search_article_docs', 'search_article_terms')
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
with scored as (
    select * from search_bm25(query_text, 'search_quote_docs', 'search_quote_terms')
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
