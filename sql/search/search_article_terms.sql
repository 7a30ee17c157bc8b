-- Search index of articles (title + body): one row per article and term. Built with
-- the same macros search_articles uses on the query, so both sides agree.
create or replace view search_article_terms as
with words as (
    select article_id, unnest(search_tokens(coalesce(title, '') || ' ' || body)) as word
    from articles
),

final as (
    select article_id, search_stem(word) as term, count(*)::integer as tf
    from words
    where not search_is_stopword(word)
    group by all
)

select * from final;
comment on view search_article_terms is 'Full-text index of articles (title and body): how often each term occurs in each article. Used by search_articles(); built with search_tokens/search_stem.';
comment on column search_article_terms.article_id is 'articles.article_id.';
comment on column search_article_terms.term is 'Indexed term: lower case, accents removed, plurals folded (search_stem), stopwords left out.';
comment on column search_article_terms.tf is 'Occurrences of the term in the article (BM25 term frequency).';
