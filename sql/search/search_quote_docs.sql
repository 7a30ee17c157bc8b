-- Length of each indexed quote in terms (BM25 document length).
create or replace view search_quote_docs as
with words as (
    select quote_id, article_id, unnest(search_tokens(text)) as word
    from quotes
),

final as (
    select quote_id, article_id, count(*) filter (where not search_is_stopword(word))::integer as doc_length
    from words
    group by all
)

select * from final;
comment on view search_quote_docs is 'Full-text index of quotes: one row per indexed quote with its length in terms.';
comment on column search_quote_docs.quote_id is 'quotes.quote_id.';
comment on column search_quote_docs.article_id is 'articles.article_id of the quote.';
comment on column search_quote_docs.doc_length is 'Indexed terms in the quote (stopwords left out).';
