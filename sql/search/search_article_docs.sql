-- Length of each indexed article in terms (BM25 document length).
create or replace view search_article_docs as
with words as (
    select article_id, unnest(search_tokens(coalesce(title, '') || ' ' || body)) as word
    from articles
),

final as (
    select article_id, count(*) filter (where not search_is_stopword(word))::integer as doc_length
    from words
    group by all
)

select * from final;
comment on view search_article_docs is 'Full-text index of articles: one row per indexed article with its length in terms (BM25 document length).';
comment on column search_article_docs.article_id is 'articles.article_id.';
comment on column search_article_docs.doc_length is 'Indexed terms in the article (stopwords left out).';
